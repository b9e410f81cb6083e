// SPDX-License-Identifier: GPL-2.0-only
/* Station list and AID bitmap of a BSS. */
#include <stdlib.h>
#include <string.h>

#include "ap/sta_table.h"

void sta_table_init(struct fsrd_sta_table *t, unsigned int max_stations)
{
	memset(t, 0, sizeof(*t));
	t->max_aid = max_stations > FSRD_MAX_AID ? FSRD_MAX_AID : max_stations;
}

struct fsrd_sta *sta_find(struct fsrd_sta_table *t, const uint8_t *addr)
{
	struct fsrd_sta *s;

	for (s = t->head; s; s = s->next)
		if (!memcmp(s->addr, addr, 6))
			return s;
	return NULL;
}

struct fsrd_sta *sta_add(struct fsrd_sta_table *t, const uint8_t *addr)
{
	struct fsrd_sta *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	memcpy(s->addr, addr, 6);
	s->state = FSRD_STA_AUTH;
	s->next = t->head;
	t->head = s;
	t->n++;
	return s;
}

void sta_remove(struct fsrd_sta_table *t, struct fsrd_sta *sta)
{
	struct fsrd_sta **pp;

	for (pp = &t->head; *pp; pp = &(*pp)->next) {
		if (*pp == sta) {
			*pp = sta->next;
			t->n--;
			break;
		}
	}
	sta_aid_free(t, sta->aid);
	/* it may hold FT keys */
	explicit_bzero(sta, sizeof(*sta));
	free(sta);
}

uint16_t sta_aid_alloc(struct fsrd_sta_table *t)
{
	unsigned int aid;

	for (aid = 1; aid <= t->max_aid; aid++) {
		if (!(t->aid_map[aid / 8] & (1u << (aid % 8)))) {
			t->aid_map[aid / 8] |= (uint8_t)(1u << (aid % 8));
			return (uint16_t)aid;
		}
	}
	return 0;
}

void sta_aid_free(struct fsrd_sta_table *t, uint16_t aid)
{
	if (aid && aid <= FSRD_MAX_AID)
		t->aid_map[aid / 8] &= (uint8_t)~(1u << (aid % 8));
}

bool sta_aid_take(struct fsrd_sta_table *t, uint16_t aid)
{
	if (!aid || aid > FSRD_MAX_AID ||
	    (t->aid_map[aid / 8] & (1u << (aid % 8))))
		return false;
	t->aid_map[aid / 8] |= (uint8_t)(1u << (aid % 8));
	return true;
}
