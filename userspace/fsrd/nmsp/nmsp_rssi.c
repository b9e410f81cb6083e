// SPDX-License-Identifier: GPL-2.0-only
/* RSSI notifications by threshold (nmsp_rssi.h). */
#include "nmsp/nmsp_rssi.h"

#include <stdlib.h>
#include <string.h>

/* A measurement is a station as heard by one BSS. */
static int find(const struct nmsp_rssi_memo *m, const uint8_t *sta,
		const uint8_t *bssid)
{
	for (size_t i = 0; i < m->n; i++)
		if (!memcmp(m->e[i].sta, sta, 6) &&
		    !memcmp(m->e[i].bssid, bssid, 6))
			return (int)i;
	return -1;
}

size_t nmsp_rssi_select(struct nmsp_rssi_memo *m, const struct nmsp_rssi *cur,
			size_t n, uint8_t threshold_db, struct nmsp_rssi *out)
{
	struct nmsp_rssi_memo *next;
	size_t i, k = 0;
	int j;

	next = malloc(sizeof(*next));
	if (!next)
		return 0;	/* nothing this interval; the memo is kept */
	next->n = 0;
	for (i = 0; i < n && next->n < NMSP_RSSI_MAX; i++) {
		const struct nmsp_rssi *c = &cur[i];
		size_t w;

		if (find(next, c->sta, c->bssid) >= 0)
			continue;	/* one per station and BSS */
		w = next->n++;
		memcpy(next->e[w].sta, c->sta, 6);
		memcpy(next->e[w].bssid, c->bssid, 6);
		next->e[w].timestamp = c->timestamp;
		j = find(m, c->sta, c->bssid);
		if (j >= 0 && (c->timestamp == m->e[j].timestamp ||
			       (threshold_db &&
				abs(c->rssi - m->e[j].rssi) <= threshold_db))) {
			/* seen, or not moved enough: what was sent stays */
			next->e[w].rssi = m->e[j].rssi;
			continue;
		}
		next->e[w].rssi = c->rssi;
		out[k++] = *c;
	}
	memcpy(m, next, sizeof(*next));
	free(next);
	return k;
}
