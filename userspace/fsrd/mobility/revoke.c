// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsr's REVOKE (subtype RRB_FSR_REVOKE, docs/mobility.md), both ways:
 * when fsrd, as a station's R0KH, revokes its keys (keys/revoke.c), each
 * r1kh (pushed to, or one that may have pulled) is told to forget the
 * PMK-R1s our R0KH-ID made for that station; a REVOKE from a configured r0kh (checked like a PUSH:
 * push.c) removes them from keys/r1_store.c and from fsr.ko. Same
 * transport as PUSH: sequence number and R0KH-ID/R1KH-ID in the
 * authenticated part, the station encrypted; hostapd has no receiver for
 * the subtype and ignores it.
 */
#include <errno.h>
#include <string.h>

#include "ap/bss.h"
#include "core/log.h"
#include "core/trace.h"
#include "ft/pmk_push.h"
#include "keys/keystore.h"
#include "keys/pmksa.h"
#include "keys/r1_store.h"
#include "mobility/mob_priv.h"

static int revoke_one(struct mob_bss *m, size_t i, const uint8_t *spa)
{
	const struct fsrd_bss *b = m->b;
	const struct fsrd_rkh *peer = &m->r1[i].k;
	struct rrb_tlv auth[3], enc[1];
	uint8_t seqbuf[12];
	int ret;

	ret = mob_auth_tlvs(&m->r1[i].p, NULL, b->gconf->r0kh_id,
			    b->gconf->r0kh_id_len, peer->id, seqbuf, auth);
	if (ret)
		return ret;
	enc[0] = (struct rrb_tlv){ RRB_T_S1KH_ID, 6, spa };
	return mob_send(m, peer->addr, RRB_FSR_REVOKE, peer->key, auth, 3,
			enc, 1);
}

void mobility_revoke(const uint8_t *spa, bool r0, bool pmksa)
{
	char mac[MACSTR_LEN], peer[MACSTR_LEN];
	struct mob_bss *m;
	size_t k = 0, i;
	int ret;

	while ((m = mob_next(&k))) {
		/* as R0KH every r1kh may hold our PMK-R1: pushed, or
		 * pulled (with or without pmk_r1_push, and whether or not
		 * pmk_r1_push_to names it) */
		if (!r0 && !(pmksa && m->b->conf->pmksa_share))
			continue;
		for (i = 0; i < MOB_RKH_MAX; i++) {
			if (!m->r1[i].used)
				continue;
			ret = revoke_one(m, i, spa);
			fsrd_mac_str(m->r1[i].k.addr, peer);
			if (ret) {
				m->cnt.revoke_tx_fail++;
				m->r1[i].p.st.tx_fail++;
				log_warn("%s: %s: REVOKE to R1KH %s failed: %s",
					 m->b->conf->ifname,
					 fsrd_mac_str(spa, mac), peer,
					 strerror(-ret));
				continue;
			}
			m->cnt.revoke_tx++;
			m->r1[i].p.st.revokes_tx++;
			trace_sta(m->b, spa, TRACE_EV_PMK,
				  "REVOKE sent to R1KH %s: its PMK-R1s of ours%s go",
				  peer, m->b->conf->pmksa_share ?
				  " and its PMKSAs of the station" : "");
		}
	}
}

struct del_ctx {
	bool kernel;
	unsigned int in_kernel;
	int err;
};

static void del_kernel(const struct r1_entry *e, void *arg)
{
	struct del_ctx *c = arg;
	char err[256];
	int ret;

	if (!c->kernel)
		return;
	ret = pmk_del_r1(e->spa, e->r1.name, err, sizeof(err));
	if (!ret)
		c->in_kernel++;
	else if (ret != -ENOENT)
		c->err = ret;
}

const char *mob_take_revoke(struct mob_bss *m, const uint8_t *src,
			    const struct rrb_msg *msg, const uint8_t *plain,
			    size_t pl)
{
	const struct fsrd_bss *b = m->b;
	struct del_ctx c = { .kernel = b->gconf->kernel_fast_path };
	char from[MACSTR_LEN], mac[MACSTR_LEN];
	struct pmksa_cache *pc = keys_pmksa();
	struct rrb_tlv t;
	size_t n, np = 0;

	if (rrb_tlv_find(plain, pl, RRB_T_S1KH_ID, &t) || t.len != 6)
		return "no station (S1KH-ID) in it";
	n = r1_store_remove_from(t.val, msg->r0kh_id, msg->r0kh_id_len,
				 del_kernel, &c);
	/* a PMKSA group shares one station's authentications: every
	 * PMKSA of the station goes (its next association here is a full
	 * EAP authentication), not only those the peer sent */
	if (b->conf->pmksa_share && pc)
		np = pmksa_remove(pc, t.val, NULL);
	m->cnt.revoke_rx++;
	fsrd_mac_str(src, from);
	trace_sta(b, t.val, TRACE_EV_PMK,
		  "REVOKE from R0KH %.*s (%s): %zu of its PMK-R1(s) forgotten, %u in fsr.ko, %zu PMKSA(s)",
		  (int)msg->r0kh_id_len, (const char *)msg->r0kh_id, from, n,
		  c.in_kernel, np);
	if (c.err)
		log_warn("%s: %s: fsr.ko may still hold a revoked PMK-R1: %s",
			 b->conf->ifname, fsrd_mac_str(t.val, mac),
			 strerror(-c.err));
	return NULL;
}
