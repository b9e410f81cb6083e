// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsr's PMKSA sharing (subtype RRB_FSR_PMKSA, docs/mobility.md), both
 * ways: a PMKSA made by a full 802.1X authentication on a BSS with
 * pmksa_share goes to each r1kh of that BSS, and a PMKSA from a
 * configured (or learned) r0kh is kept in keys/pmksa.c under the peer's
 * R0KH-ID, so that a station roaming in with OKC skips EAP here as it
 * would between two BSSes of one fsrd. Same transport and protection as
 * PUSH (sequence window, AES-SIV with the peer's key, the PMK
 * encrypted); hostapd has no receiver for the subtype and ignores it.
 * Entries received are never passed on (no loops); the peer's REVOKE
 * removes them (revoke.c).
 */
#include <errno.h>
#include <string.h>

#include <openssl/crypto.h>

#include "ap/bss.h"
#include "core/evloop.h"
#include "core/ieee80211.h"
#include "core/log.h"
#include "core/trace.h"
#include "keys/keystore.h"
#include "keys/pmksa.h"
#include "mobility/mob_priv.h"
#include "mobility/pmksa_msg.h"

static int share_one(struct mob_bss *m, size_t i, const struct rrb_pmksa *p,
		     bool with_class)
{
	const struct fsrd_bss *b = m->b;
	const struct fsrd_rkh *peer = &m->r1[i].k;
	struct rrb_tlv auth[3], enc[RRB_PMKSA_TLVS];
	struct rrb_pmksa_buf buf;
	uint8_t seqbuf[12];
	size_t n;
	int ret;

	ret = mob_auth_tlvs(&m->r1[i].p, NULL, b->gconf->r0kh_id,
			    b->gconf->r0kh_id_len, peer->id, seqbuf, auth);
	if (ret)
		return ret;
	n = rrb_pmksa_tlvs(p, with_class, &buf, enc);
	return mob_send(m, peer->addr, RRB_FSR_PMKSA, peer->key, auth, 3, enc,
			n);
}

void mobility_share_pmksa(struct fsrd_bss *b, const struct pmksa_entry *e)
{
	struct mob_bss *m = mob_find(b);
	char mac[MACSTR_LEN], peer[MACSTR_LEN];
	uint64_t now = ev_now_ms();
	struct rrb_pmksa p;
	size_t i;
	int ret;

	if (!m || !b->conf->pmksa_share || e->origin_len ||
	    e->expires_ms <= now)
		return;
	memset(&p, 0, sizeof(p));
	memcpy(p.spa, e->spa, 6);
	memcpy(p.aa, e->aa, 6);
	memcpy(p.pmk, e->pmk, sizeof(p.pmk));
	memcpy(p.pmkid, e->pmkid, sizeof(p.pmkid));
	p.akm = e->scope.akm;
	p.ssid_len = e->scope.ssid_len;
	memcpy(p.ssid, e->scope.ssid, p.ssid_len);
	p.age_s = (uint32_t)((now - e->created_ms) / 1000);
	p.life_s = (uint32_t)((e->expires_ms - now + 999) / 1000);
	p.attrs = e->attrs;
	fsrd_mac_str(e->spa, mac);
	mob_learned_expire(m);
	for (i = 0; i < MOB_RKH_MAX; i++) {
		if (!m->r1[i].used)
			continue;
		fsrd_mac_str(m->r1[i].k.addr, peer);
		ret = share_one(m, i, &p, true);
		if (ret == -EMSGSIZE) {
			/* four long Class attributes and a long user name
			 * do not fit one frame: the peer's accounting then
			 * goes without Class */
			log_warn("%s: %s: PMKSA to R1KH %s sent without its Class attributes (too long for one frame)",
				 b->conf->ifname, mac, peer);
			ret = share_one(m, i, &p, false);
		}
		if (ret) {
			m->cnt.pmksa_tx_fail++;
			m->r1[i].p.st.tx_fail++;
			log_warn("%s: %s: PMKSA to R1KH %s not sent: %s",
				 b->conf->ifname, mac, peer, strerror(-ret));
			continue;
		}
		m->cnt.pmksa_tx++;
		m->r1[i].p.st.pmksas_tx++;
		trace_sta(b, e->spa, TRACE_EV_PMK,
			  "PMKSA shared with R1KH %s, lifetime %u s", peer,
			  p.life_s);
	}
	OPENSSL_cleanse(&p, sizeof(p));
}

/* Is a one of this fsrd's BSS addresses? */
static bool our_bss(const uint8_t *a)
{
	struct fsrd_bss *b;
	unsigned int i = 0;

	while ((b = bss_next(&i)))
		if (!memcmp(b->addr, a, 6))
			return true;
	return false;
}

static const char *take(struct mob_bss *m, const uint8_t *src,
			const struct rrb_msg *msg, struct rrb_pmksa *p)
{
	const struct fsrd_bss *b = m->b;
	struct pmksa_cache *pc = keys_pmksa();
	struct ft_scope scope;
	char from[MACSTR_LEN], aa[MACSTR_LEN];
	uint32_t life = b->gconf->eap.pmksa_lifetime_s;
	const struct eap_relay_attrs *a = &p->attrs;
	int ret;

	if (!b->conf->pmksa_share)
		return "pmksa_share is off on this BSS";
	if (!pc)
		return "no PMKSA cache";
	/* the same ESS and a PMKSA AKM this BSS offers (not FT's) */
	if (p->akm != RSN_AKM_8021X)
		return "not an 802.1X PMKSA (AKM 00-0f-ac:1)";
	if (p->ssid_len != b->conf->ssid_len ||
	    memcmp(p->ssid, b->conf->ssid, p->ssid_len))
		return "made on another SSID";
	if (our_bss(p->aa))
		return "its AA is a BSS of this fsrd";
	if (a->has_session_timeout && a->session_timeout) {
		if (p->age_s >= a->session_timeout)
			return "its Session-Timeout has passed";
		if (a->session_timeout - p->age_s < life)
			life = a->session_timeout - p->age_s;
	}
	if (p->life_s < life)
		life = p->life_s;
	memset(&scope, 0, sizeof(scope));
	scope.akm = p->akm;
	scope.ssid_len = (uint8_t)p->ssid_len;
	memcpy(scope.ssid, p->ssid, p->ssid_len);
	ret = pmksa_add_peer(pc, p->spa, p->aa, &scope, p->pmk, p->pmkid,
			     p->age_s, life, a, msg->r0kh_id,
			     msg->r0kh_id_len);
	switch (ret) {
	case 0:
		break;
	case -EBADMSG:
		return "its PMKID is not its PMK's";
	case -EEXIST:
		return "a PMKSA made here for that station and AA exists";
	case -EINVAL:
		return "bad lifetime or scope";
	default:
		return "not kept (crypto error)";
	}
	fsrd_mac_str(src, from);
	fsrd_mac_str(p->aa, aa);
	trace_sta(b, p->spa, TRACE_EV_PMK,
		  "PMKSA shared by R0KH %.*s (%s): made on %s, user '%s', %u s old, lifetime %u s",
		  (int)msg->r0kh_id_len, (const char *)msg->r0kh_id, from, aa,
		  a->user_name, p->age_s, life);
	return NULL;
}

const char *mob_take_pmksa(struct mob_bss *m, const uint8_t *src,
			   const struct rrb_msg *msg, const uint8_t *plain,
			   size_t pl)
{
	struct rrb_pmksa p;
	const char *why;

	if (rrb_pmksa_parse(plain, pl, &p))
		return "malformed PMKSA";
	why = take(m, src, msg, &p);
	OPENSSL_cleanse(&p, sizeof(p));
	return why;
}
