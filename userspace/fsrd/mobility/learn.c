// SPDX-License-Identifier: GPL-2.0-only
/*
 * The peers of a BSS (mob_priv.h's struct mob_rkh): the configured
 * r0kh/r1kh lines and those learned through hostapd's wildcard lines.
 *
 * A wildcard line names no peer, only a key every AP of the domain
 * shares. A peer is learned only from a frame that verifies with that
 * key (the SIV: whoever sealed it holds the key), never from an address
 * or an ID alone:
 *  - R1KH (r1kh = 00:00:00:00:00:00 00:00:00:00:00:00 KEY): a PULL from
 *    an R1KH-ID no line names; it is then pushed to like a listed one;
 *  - R0KH (r0kh = ff:ff:ff:ff:ff:ff * KEY): an FT Authentication names
 *    an R0KH-ID no line names; the PULL goes to the broadcast address
 *    and the R0KH that answers (or asks for our sequence number) is
 *    learned at its address. One that stays silent is blocked for
 *    rkh_neg_timeout: its stations get status 53 at once, with no PULL.
 * A configured line always wins: a learned entry never takes an ID a
 * line names. Learned peers are forgotten rkh_pos_timeout after they
 * were learned (hostapd's rule), at most MOB_LEARNED_MAX of each kind;
 * R0KH-IDs looked for or blocked (named by stations' unprotected FT
 * Authentications) at most MOB_LOOKING_MAX, and they never push out an
 * R0KH that was found.
 */
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

#include "ap/bss.h"
#include "core/evloop.h"
#include "core/log.h"
#include "mobility/mob_priv.h"

static void slot_free(struct mob_bss *m, struct mob_rkh *r)
{
	struct mob_deferred *d;

	while ((d = r->p.queue)) {
		r->p.queue = d->next;
		OPENSSL_cleanse(d, sizeof(*d) + d->len);
		free(d);
	}
	OPENSSL_cleanse(r, sizeof(*r));
	m->cnt.rkh_forgotten++;
}

void mob_rkh_forget(struct mob_bss *m, bool r0, size_t i)
{
	slot_free(m, r0 ? &m->r0[i] : &m->r1[i]);
}

void mob_learned_expire(struct mob_bss *m)
{
	uint64_t now = ev_now_ms();
	size_t i;

	for (i = 0; i < MOB_RKH_MAX; i++) {
		if (m->r0[i].used && m->r0[i].until_ms &&
		    now >= m->r0[i].until_ms && !mob_pull_waits_on(m, i))
			slot_free(m, &m->r0[i]);
		if (m->r1[i].used && m->r1[i].until_ms &&
		    now >= m->r1[i].until_ms)
			slot_free(m, &m->r1[i]);
	}
}

/* A learned R0KH not found yet: looked for, or blocked. */
static bool unfound(const struct mob_rkh *r)
{
	return r->used && r->learned_ms &&
	       (mob_addr_is_bcast(r->k.addr) || mob_addr_is_zero(r->k.addr));
}

/* The learned entry of table t heard from least recently (its last
 * verified frame, else when it was learned) that no pull waits on,
 * among those not found yet when only_unfound; -1 if none. */
static int least_recent(const struct mob_bss *m, const struct mob_rkh *t,
			bool r0, bool only_unfound)
{
	uint64_t best = UINT64_MAX, seen;
	int victim = -1;

	for (size_t i = 0; i < MOB_RKH_MAX; i++) {
		if (!t[i].used || !t[i].learned_ms ||
		    (r0 && mob_pull_waits_on(m, i)) ||
		    (only_unfound && !unfound(&t[i])))
			continue;
		seen = t[i].p.st.last_rx_ms > t[i].learned_ms ?
		       t[i].p.st.last_rx_ms : t[i].learned_ms;
		if (seen < best) {
			best = seen;
			victim = (int)i;
		}
	}
	return victim;
}

int mob_learn(struct mob_bss *m, bool r0, const uint8_t *addr,
	      const uint8_t *id, size_t id_len, uint64_t life_ms)
{
	struct mob_rkh *t = r0 ? m->r0 : m->r1;
	const struct fsrd_rkh *w = r0 ? &m->r0_wild : &m->r1_wild;
	/* an R0KH-ID to look for comes from a station's unprotected FT
	 * Authentication: it never pushes out an R0KH that was found */
	bool looking = r0 && mob_addr_is_bcast(addr);
	size_t learned = 0, n_unfound = 0, i;
	int k = -1;

	mob_learned_expire(m);
	for (i = 0; i < MOB_RKH_MAX; i++) {
		learned += t[i].used && t[i].learned_ms;
		n_unfound += unfound(&t[i]);
	}
	if (learned >= MOB_LEARNED_MAX ||
	    (looking && n_unfound >= MOB_LOOKING_MAX)) {
		k = least_recent(m, t, r0, looking);
		if (k >= 0)
			slot_free(m, &t[k]);
	} else {
		/* the configured lines take at most FSRD_MAX_RKH slots */
		for (i = 0; i < MOB_RKH_MAX && k < 0; i++)
			if (!t[i].used)
				k = (int)i;
	}
	if (k < 0) {
		m->cnt.rkh_learn_full++;
		return -1;
	}
	memcpy(t[k].k.addr, addr, 6);
	memcpy(t[k].k.id, id, id_len);
	t[k].k.id_len = id_len;
	memcpy(t[k].k.key, w->key, sizeof(t[k].k.key));
	t[k].used = true;
	t[k].learned_ms = ev_now_ms();
	t[k].until_ms = t[k].learned_ms + life_ms;
	m->cnt.rkh_learned++;
	return k;
}

int mob_r0kh_by_id(struct mob_bss *m, const uint8_t *id, size_t id_len)
{
	for (size_t i = 0; i < MOB_RKH_MAX; i++)
		if (m->r0[i].used && m->r0[i].k.id_len == id_len &&
		    !memcmp(m->r0[i].k.id, id, id_len))
			return (int)i;
	return -1;
}

int mob_find_r0kh(struct mob_bss *m, const uint8_t *src,
		  const struct rrb_msg *msg)
{
	int i = mob_r0kh_by_id(m, msg->r0kh_id, msg->r0kh_id_len);

	return i >= 0 && !memcmp(m->r0[i].k.addr, src, 6) ? i : -1;
}

int mob_r1kh_by_id(struct mob_bss *m, const uint8_t *id)
{
	for (size_t i = 0; i < MOB_RKH_MAX; i++)
		if (m->r1[i].used && !memcmp(m->r1[i].k.id, id, 6))
			return (int)i;
	return -1;
}

bool mob_r0kh_found(struct mob_bss *m, size_t i, const uint8_t *src,
		    const struct rrb_msg *msg)
{
	struct mob_rkh *r = &m->r0[i];
	char mac[MACSTR_LEN];

	if (!r->used || !r->learned_ms || !mob_addr_is_bcast(r->k.addr) ||
	    (src[0] & 1) || msg->r0kh_id_len != r->k.id_len ||
	    memcmp(msg->r0kh_id, r->k.id, r->k.id_len) ||
	    !mob_verifies(msg, r->k.key, src))
		return false;
	memcpy(r->k.addr, src, 6);
	r->until_ms = ev_now_ms() +
		      (uint64_t)m->b->conf->rkh_pos_timeout_s * 1000;
	log_info("%s: R0KH %.*s found at %s through the wildcard r0kh line, for %u s",
		 m->b->conf->ifname, (int)r->k.id_len, (const char *)r->k.id,
		 fsrd_mac_str(src, mac), m->b->conf->rkh_pos_timeout_s);
	return true;
}

bool mob_verifies(const struct rrb_msg *msg, const uint8_t *key,
		  const uint8_t *src)
{
	uint8_t plain[RRB_MAX_PAYLOAD];
	size_t pl = 0;
	bool ok = !rrb_msg_open(msg, key, src, plain, sizeof(plain), &pl);

	OPENSSL_cleanse(plain, sizeof(plain));
	return ok;
}

int mob_learn_r0kh(struct mob_bss *m, const uint8_t *src,
		   const struct rrb_msg *msg)
{
	const struct fsrd_bss_conf *bc = m->b->conf;
	int i = mob_r0kh_by_id(m, msg->r0kh_id, msg->r0kh_id_len);
	char mac[MACSTR_LEN];

	if (i >= 0 && mob_r0kh_found(m, (size_t)i, src, msg))
		return i;
	if (!m->have_r0_wild || (src[0] & 1) ||
	    (i >= 0 && (!m->r0[i].learned_ms || mob_pull_waits_on(m, i))) ||
	    !mob_verifies(msg, m->r0_wild.key, src))
		return -1;
	if (i >= 0)
		mob_rkh_forget(m, true, (size_t)i);	/* it moved */
	i = mob_learn(m, true, src, msg->r0kh_id, msg->r0kh_id_len,
		      (uint64_t)bc->rkh_pos_timeout_s * 1000);
	if (i >= 0)
		log_info("%s: R0KH %.*s learned at %s through the wildcard r0kh line, for %u s",
			 bc->ifname, (int)msg->r0kh_id_len,
			 (const char *)msg->r0kh_id, fsrd_mac_str(src, mac),
			 bc->rkh_pos_timeout_s);
	return i;
}

int mob_learn_r1kh(struct mob_bss *m, const uint8_t *src,
		   const struct rrb_msg *msg)
{
	const struct fsrd_bss_conf *bc = m->b->conf;
	int i = mob_r1kh_by_id(m, msg->r1kh_id);
	char mac[MACSTR_LEN], id[MACSTR_LEN];

	if (!m->have_r1_wild || (src[0] & 1) ||
	    (i >= 0 && !m->r1[i].learned_ms) ||
	    !mob_verifies(msg, m->r1_wild.key, src))
		return -1;
	if (i >= 0)
		mob_rkh_forget(m, false, (size_t)i);	/* it moved */
	i = mob_learn(m, false, src, msg->r1kh_id, 6,
		      (uint64_t)bc->rkh_pos_timeout_s * 1000);
	if (i >= 0)
		log_info("%s: R1KH %s (R1KH-ID %s) learned through the wildcard r1kh line, for %u s",
			 bc->ifname, fsrd_mac_str(src, mac),
			 fsrd_mac_str(msg->r1kh_id, id), bc->rkh_pos_timeout_s);
	return i;
}
