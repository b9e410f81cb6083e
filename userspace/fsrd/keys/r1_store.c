// SPDX-License-Identifier: GPL-2.0-only
/* PMK-R1s received from other hosts (see r1_store.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/evloop.h"
#include "keys/r1_store.h"

/* newest first */
static struct r1_entry *head;
static size_t count;

static void entry_free(struct r1_entry *e)
{
	explicit_bzero(e, sizeof(*e));
	free(e);
	count--;
}

/* Drop expired entries and those e replaces. */
static void prune(const struct r1_entry *like)
{
	uint64_t now = ev_now_ms();
	struct r1_entry **pp = &head, *e;

	while ((e = *pp)) {
		if (e->expires_ms <= now ||
		    (like && !memcmp(e->spa, like->spa, 6) &&
		     !memcmp(e->r1kh_id, like->r1kh_id, 6))) {
			*pp = e->next;
			entry_free(e);
		} else {
			pp = &e->next;
		}
	}
}

static void drop_oldest(void)
{
	struct r1_entry **pp = &head;

	while (*pp && (*pp)->next)
		pp = &(*pp)->next;
	if (*pp) {
		struct r1_entry *e = *pp;

		*pp = NULL;
		entry_free(e);
	}
}

int r1_store_add(const struct r1_entry *in, uint32_t lifetime_s)
{
	struct r1_entry *e;

	prune(in);
	if (count >= R1_STORE_MAX)
		drop_oldest();
	e = malloc(sizeof(*e));
	if (!e)
		return -ENOMEM;
	*e = *in;
	e->expires_ms = ev_now_ms() + (uint64_t)lifetime_s * 1000;
	e->next = head;
	head = e;
	count++;
	return 0;
}

int r1_store_get(const uint8_t *spa, const uint8_t *r1kh_id,
		 const uint8_t *pmk_r1_name, struct r1_entry *out)
{
	uint64_t now = ev_now_ms();
	struct r1_entry *e;

	for (e = head; e; e = e->next)
		if (e->expires_ms > now && !memcmp(e->spa, spa, 6) &&
		    !memcmp(e->r1kh_id, r1kh_id, 6) &&
		    !memcmp(e->r1.name, pmk_r1_name, FSR_FT_NAME_LEN)) {
			*out = *e;
			out->next = NULL;
			return 0;
		}
	return -ENOENT;
}

size_t r1_store_remove(const uint8_t *spa)
{
	struct r1_entry **pp = &head, *e;
	size_t n = 0;

	while ((e = *pp)) {
		if (!memcmp(e->spa, spa, 6)) {
			*pp = e->next;
			entry_free(e);
			n++;
		} else {
			pp = &e->next;
		}
	}
	return n;
}

size_t r1_store_remove_from(const uint8_t *spa, const uint8_t *r0kh_id,
			    size_t r0kh_id_len,
			    void (*fn)(const struct r1_entry *e, void *arg),
			    void *arg)
{
	struct r1_entry **pp = &head, *e;
	size_t n = 0;

	while ((e = *pp)) {
		if (!memcmp(e->spa, spa, 6) && e->r0kh_id_len == r0kh_id_len &&
		    !memcmp(e->r0kh_id, r0kh_id, r0kh_id_len)) {
			*pp = e->next;
			if (fn)
				fn(e, arg);
			entry_free(e);
			n++;
		} else {
			pp = &e->next;
		}
	}
	return n;
}

void r1_store_foreach(void (*fn)(const struct r1_entry *e,
				 uint32_t lifetime_s, void *arg), void *arg)
{
	uint64_t now = ev_now_ms();
	struct r1_entry *e;

	for (e = head; e; e = e->next)
		if (e->expires_ms > now)
			fn(e, (uint32_t)((e->expires_ms - now + 999) / 1000),
			   arg);
}

size_t r1_store_count(void)
{
	return count;
}

void r1_store_flush(void)
{
	while (head) {
		struct r1_entry *e = head;

		head = e->next;
		entry_free(e);
	}
}
