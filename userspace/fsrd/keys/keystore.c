// SPDX-License-Identifier: GPL-2.0-only
/* The daemon-wide key stores (keystore.h). */
#include <errno.h>
#include <stdio.h>

#include "core/evloop.h"
#include "keys/ft_store.h"
#include "keys/keystore.h"
#include "keys/r1_store.h"

static struct {
	struct pmksa_cache *pmksa;
	uint32_t pmksa_max;
	struct ev_timer expire;
} g;

struct pmksa_cache *keys_pmksa(void)
{
	return g.pmksa;
}

size_t keys_pmksa_flush(const uint8_t *spa, const uint8_t *aa)
{
	if (!g.pmksa)
		return 0;
	return spa || aa ? pmksa_remove(g.pmksa, spa, aa) :
			   pmksa_flush(g.pmksa);
}

static void expire_fire(struct ev_timer *t)
{
	pmksa_expire(g.pmksa);
	ev_timer_arm(t, 60 * 1000);
}

static bool any_8021x(const struct fsrd_conf *c)
{
	for (size_t i = 0; i < c->n_bss; i++)
		if (c->bss[i].security == FSRD_SEC_WPA2_EAP ||
		    c->bss[i].security == FSRD_SEC_FT_EAP)
			return true;
	return false;
}

bool keys_pmksa_max_live(uint32_t max)
{
	return !g.pmksa || max == g.pmksa_max;
}

int keys_apply(const struct fsrd_conf *c, char *err, size_t errlen)
{
	if (g.pmksa || !any_8021x(c))
		return 0;
	g.pmksa = pmksa_new(c->eap.pmksa_max, ev_now_ms);
	if (!g.pmksa) {
		snprintf(err, errlen, "PMKSA cache: out of memory");
		return -ENOMEM;
	}
	g.pmksa_max = c->eap.pmksa_max;
	g.expire.fn = expire_fire;
	ev_timer_arm(&g.expire, 60 * 1000);
	return 0;
}

void keys_stop(void)
{
	ev_timer_cancel(&g.expire);
	if (g.pmksa)
		pmksa_free(g.pmksa);
	g.pmksa = NULL;
	ft_store_flush();
	r1_store_flush();
}
