// SPDX-License-Identifier: GPL-2.0-only
/* PMK-R0 cache of the R0KH (see ft_store.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/evloop.h"
#include "keys/ft_store.h"

#define FT_STORE_MAX 1024

struct r0_entry {
	struct r0_entry *next;
	uint8_t spa[6];
	struct fsr_ft_pmk_r0 r0;
	struct ft_scope scope;
	uint64_t expires_ms;
};

static struct r0_entry *head;
static unsigned int count;

static void entry_free(struct r0_entry *e)
{
	explicit_bzero(e, sizeof(*e));
	free(e);
	count--;
}

/* Drop expired entries, and the entries of spa when replacing. */
static void prune(const uint8_t *spa)
{
	uint64_t now = ev_now_ms();
	struct r0_entry **pp = &head, *e;

	while ((e = *pp)) {
		if (e->expires_ms <= now || (spa && !memcmp(e->spa, spa, 6))) {
			*pp = e->next;
			entry_free(e);
		} else {
			pp = &e->next;
		}
	}
}

int ft_store_add(const uint8_t *spa, const struct fsr_ft_pmk_r0 *r0,
		 const struct ft_scope *scope, uint32_t lifetime_s)
{
	struct r0_entry *e;

	prune(spa);
	if (count >= FT_STORE_MAX)
		return -ENOSPC;
	e = calloc(1, sizeof(*e));
	if (!e)
		return -ENOMEM;
	memcpy(e->spa, spa, 6);
	e->r0 = *r0;
	e->scope = *scope;
	e->expires_ms = ev_now_ms() + (uint64_t)lifetime_s * 1000;
	e->next = head;
	head = e;
	count++;
	return 0;
}

int ft_store_get_ttl(const uint8_t *spa, const uint8_t *pmk_r0_name,
		     const struct ft_scope *scope, struct fsr_ft_pmk_r0 *r0,
		     uint32_t *ttl_s)
{
	struct r0_entry *e;
	uint64_t now = ev_now_ms();

	prune(NULL);
	for (e = head; e; e = e->next) {
		if (!memcmp(e->spa, spa, 6) &&
		    !memcmp(e->r0.name, pmk_r0_name, FSR_FT_NAME_LEN)) {
			if (!ft_scope_eq(&e->scope, scope))
				return -EACCES;
			*r0 = e->r0;
			if (ttl_s)
				*ttl_s = e->expires_ms > now ?
					 (uint32_t)((e->expires_ms - now + 999) /
						    1000) : 0;
			return 0;
		}
	}
	return -ENOENT;
}

int ft_store_get(const uint8_t *spa, const uint8_t *pmk_r0_name,
		 const struct ft_scope *scope, struct fsr_ft_pmk_r0 *r0)
{
	return ft_store_get_ttl(spa, pmk_r0_name, scope, r0, NULL);
}

size_t ft_store_remove(const uint8_t *spa)
{
	struct r0_entry **pp = &head, *e;
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

size_t ft_store_count(void)
{
	return count;
}

void ft_store_flush(void)
{
	while (head) {
		struct r0_entry *e = head;

		head = e->next;
		entry_free(e);
	}
}

void ft_store_foreach(void (*fn)(const uint8_t *spa,
				 const struct fsr_ft_pmk_r0 *r0,
				 const struct ft_scope *scope,
				 uint32_t lifetime_s, void *arg),
		      void *arg)
{
	uint64_t now = ev_now_ms();
	struct r0_entry *e;

	for (e = head; e; e = e->next)
		if (e->expires_ms > now)
			fn(e->spa, &e->r0, &e->scope,
			   (uint32_t)((e->expires_ms - now + 999) / 1000), arg);
}
