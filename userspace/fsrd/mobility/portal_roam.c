// SPDX-License-Identifier: GPL-2.0-only
/*
 * The transport of fsr's Portal roaming messages (portal_roam_msg.h,
 * docs/portal.md "Across fsrd APs"), both ways: PASS and DROP from the
 * anchor's portal BSSes to their r1kh peers (as REVOKE, R0KH to R1KH),
 * HERE, STATS and LEFT from a peer back to the anchor (as PULL, R1KH to
 * R0KH). Same protection as the keys (sequence window, AES-SIV with the
 * peer's key); hostapd ignores both subtypes. What the messages mean is
 * portal/portal_roam.c's.
 */
#include <errno.h>
#include <string.h>

#include "ap/bss.h"
#include "core/log.h"
#include "mobility/mob_priv.h"
#include "mobility/portal_roam_msg.h"
#include "portal/portal_roam.h"
#include "portal/portal_svc.h"

static int send_one(struct mob_bss *m, struct mob_peer *peer,
		    const uint8_t *addr, const uint8_t *key,
		    const uint8_t *r0kh_id, size_t r0kh_id_len,
		    const uint8_t *r1kh_id, const struct rrb_portal *p)
{
	struct rrb_tlv auth[3], enc[RRB_PORTAL_TLVS];
	struct rrb_portal_buf buf;
	uint8_t seqbuf[12];
	size_t n;
	int ret;

	ret = mob_auth_tlvs(peer, NULL, r0kh_id, r0kh_id_len, r1kh_id, seqbuf,
			    auth);
	if (ret)
		return ret;
	n = rrb_portal_tlvs(p, &buf, enc);
	return mob_send(m, addr, rrb_portal_subtype(p->op), key, auth, 3, enc,
			n);
}

int mobility_portal_pass(const struct rrb_portal *p, const uint8_t *only)
{
	char sta[MACSTR_LEN], peer[MACSTR_LEN];
	struct mob_bss *m;
	size_t it = 0, i;
	int sent = 0, ret;

	fsrd_mac_str(p->sta, sta);
	while ((m = mob_next(&it))) {
		const struct fsrd_bss *b = m->b;

		if (!b->conf->portal)
			continue;
		mob_learned_expire(m);
		for (i = 0; i < MOB_RKH_MAX; i++) {
			if (!m->r1[i].used ||
			    (only && memcmp(m->r1[i].k.id, only, 6)))
				continue;
			fsrd_mac_str(m->r1[i].k.addr, peer);
			ret = send_one(m, &m->r1[i].p, m->r1[i].k.addr,
				       m->r1[i].k.key, b->gconf->r0kh_id,
				       b->gconf->r0kh_id_len, m->r1[i].k.id,
				       p);
			if (ret) {
				m->r1[i].p.st.tx_fail++;
				log_warn("%s: %s: portal %s to R1KH %s not sent: %s",
					 b->conf->ifname, sta,
					 rrb_portal_op_name(p->op), peer,
					 strerror(-ret));
				continue;
			}
			m->cnt.portal_tx++;
			sent++;
		}
	}
	return sent;
}

int mobility_portal_report(const struct fsrd_bss *b, const uint8_t *r0kh_id,
			   size_t r0kh_id_len, const struct rrb_portal *p)
{
	struct mob_bss *m = mob_find(b);
	int i, ret;

	if (!m)
		return -ENOTCONN;
	i = mob_r0kh_by_id(m, r0kh_id, r0kh_id_len);
	if (i < 0 || mob_addr_is_bcast(m->r0[i].k.addr) ||
	    mob_addr_is_zero(m->r0[i].k.addr))
		return -ENOENT;
	ret = send_one(m, &m->r0[i].p, m->r0[i].k.addr,
		       m->r0[i].k.key, r0kh_id, r0kh_id_len, b->ft.r1kh_id, p);
	if (ret)
		m->r0[i].p.st.tx_fail++;
	else
		m->cnt.portal_tx++;
	return ret;
}

const char *mob_take_portal_pass(struct mob_bss *m, const uint8_t *src,
				 const struct rrb_msg *msg,
				 const uint8_t *plain, size_t pl)
{
	struct rrb_portal p;

	if (rrb_portal_parse(msg->subtype, plain, pl, &p))
		return "malformed portal message";
	if (!m->b->conf->portal)
		return "not a portal BSS";
	return portal_roam_rx_pass(m->b, msg->r0kh_id, msg->r0kh_id_len, src,
				   &p);
}

void mob_rx_portal_here(struct mob_bss *m, const uint8_t *src,
			const struct rrb_msg *msg, bool no_defer)
{
	const struct fsrd_bss_conf *bc = m->b->conf;
	const struct fsrd_conf *c = m->b->gconf;
	static struct mob_rx_rl rl;
	uint8_t plain[RRB_MAX_PAYLOAD];
	char mac[MACSTR_LEN];
	struct rrb_portal p;
	const char *why;
	size_t pl;
	int i;

	fsrd_mac_str(src, mac);
	if (msg->r0kh_id_len != c->r0kh_id_len ||
	    memcmp(msg->r0kh_id, c->r0kh_id, c->r0kh_id_len)) {
		m->cnt.rx_unknown_peer++;
		log_warn_rl("%s: RRB portal report from %s for another R0KH-ID, dropped",
			    bc->ifname, mac);
		return;
	}
	i = mob_r1kh_by_id(m, msg->r1kh_id);
	if (i < 0 || memcmp(m->r1[i].k.addr, src, 6)) {
		m->cnt.rx_unknown_peer++;
		log_warn_rl("%s: RRB portal report from %s: not an r1kh of this BSS, dropped",
			    bc->ifname, mac);
		return;
	}
	if (!mob_rx_open(m, &m->r1[i].p, m->r1[i].k.key, src, msg, no_defer,
			 "portal report", mac, &rl, plain, &pl))
		return;
	if (rrb_portal_parse(msg->subtype, plain, pl, &p))
		why = "malformed portal message";
	else if (!bc->portal)
		why = "not a portal BSS";
	else
		why = portal_svc_rx_report(msg->r1kh_id, &p);
	if (why) {
		m->cnt.portal_refused++;
		mob_peer_refused(&m->r1[i].p, why);
		log_warn_rl("%s: portal report from %s refused: %s",
			    bc->ifname, mac, why);
		return;
	}
	m->cnt.portal_rx++;
}
