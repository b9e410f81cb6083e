// SPDX-License-Identifier: GPL-2.0-only
/* Full EAP authentications per station and window (eap_limit.h). A flat
 * table scanned linearly: it is bounded and asked once per start. */
#include <stdlib.h>
#include <string.h>

#include "eap/eap_limit.h"

struct limit_sta {
	uint8_t addr[6];
	bool used;
	unsigned int n;			/* starts recorded, <= max_starts */
	unsigned int next;		/* ring index of the next record */
	uint64_t last_ms;		/* latest start */
	uint64_t *t;			/* max_starts start times (ring) */
};

struct eap_limit {
	unsigned int max_starts;
	uint64_t window_ms;
	size_t max;
	uint64_t (*now_ms)(void);
	struct limit_sta *s;
	uint64_t *times;
	struct eap_limit_stats st;
};

struct eap_limit *eap_limit_new(unsigned int max_starts,
				unsigned int window_s, size_t max_stations,
				uint64_t (*now_ms)(void))
{
	struct eap_limit *l;
	size_t i;

	if (!now_ms || max_starts > EAP_LIMIT_STARTS_MAX ||
	    (max_starts && (!window_s || !max_stations)))
		return NULL;
	l = calloc(1, sizeof(*l));
	if (!l)
		return NULL;
	l->max_starts = max_starts;
	l->window_ms = (uint64_t)window_s * 1000;
	l->now_ms = now_ms;
	if (!max_starts)
		return l;
	l->max = max_stations;
	l->s = calloc(max_stations, sizeof(*l->s));
	l->times = calloc(max_stations * max_starts, sizeof(*l->times));
	if (!l->s || !l->times) {
		eap_limit_free(l);
		return NULL;
	}
	for (i = 0; i < max_stations; i++)
		l->s[i].t = l->times + i * max_starts;
	return l;
}

void eap_limit_free(struct eap_limit *l)
{
	if (!l)
		return;
	free(l->times);
	free(l->s);
	free(l);
}

/* Starts of e still inside the window ending now. */
static unsigned int in_window(const struct eap_limit *l,
			      const struct limit_sta *e, uint64_t now,
			      uint64_t *oldest)
{
	unsigned int i, n = 0;

	*oldest = UINT64_MAX;
	for (i = 0; i < e->n; i++) {
		uint64_t t = e->t[i];

		if (t + l->window_ms > now) {
			n++;
			if (t < *oldest)
				*oldest = t;
		}
	}
	return n;
}

/* The entry of sta, or a slot for it: a free one, one whose window has
 * passed, else the one seen least recently (evicted). */
static struct limit_sta *slot(struct eap_limit *l, const uint8_t sta[6],
			      uint64_t now)
{
	struct limit_sta *free_e = NULL, *stale = NULL, *lru = NULL;
	size_t i;

	for (i = 0; i < l->max; i++) {
		struct limit_sta *e = &l->s[i];

		if (!e->used) {
			if (!free_e)
				free_e = e;
			continue;
		}
		if (!memcmp(e->addr, sta, 6))
			return e;
		if (!stale && e->last_ms + l->window_ms <= now)
			stale = e;
		if (!lru || e->last_ms < lru->last_ms)
			lru = e;
	}
	if (!free_e && !stale) {
		l->st.evicted++;
		stale = lru;
	}
	free_e = free_e ? free_e : stale;
	free_e->used = true;
	memcpy(free_e->addr, sta, 6);
	free_e->n = 0;
	free_e->next = 0;
	free_e->last_ms = 0;
	return free_e;
}

bool eap_limit_allow(struct eap_limit *l, const uint8_t sta[6],
		     unsigned int *retry_s)
{
	uint64_t now, oldest;
	struct limit_sta *e;

	if (retry_s)
		*retry_s = 0;
	if (!l->max_starts) {
		l->st.allowed++;
		return true;
	}
	now = l->now_ms();
	e = slot(l, sta, now);
	if (in_window(l, e, now, &oldest) >= l->max_starts) {
		l->st.refused++;
		if (retry_s)
			*retry_s = (unsigned int)((oldest + l->window_ms - now +
						   999) / 1000);
		return false;
	}
	e->t[e->next] = now;
	e->next = (e->next + 1) % l->max_starts;
	if (e->n < l->max_starts)
		e->n++;
	e->last_ms = now;
	l->st.allowed++;
	return true;
}

const struct eap_limit_stats *eap_limit_stats(const struct eap_limit *l)
{
	return &l->st;
}
