// SPDX-License-Identifier: GPL-2.0-only
/*
 * PMK-R1 PUSH (hostapd's FT_PACKET_R0KH_R1KH_PUSH) both ways: sent to
 * each r1kh after an FT initial mobility-domain association, received
 * from a configured r0kh, checked, kept (keys/r1_store.c) and given to
 * fsr.ko for the station's next roam. The checks every message from an
 * R0KH passes (PUSH, and fsr's REVOKE: mobility/revoke.c) are here.
 */
#include <errno.h>
#include <linux/fsr.h>
#include <openssl/crypto.h>
#include <string.h>

#include "ap/bss.h"
#include "ap/ies.h"
#include "core/log.h"
#include "core/trace.h"
#include "ft/pmk_push.h"
#include "keys/r1_store.h"
#include "mobility/mob_priv.h"

/* hostapd's cipher bits <-> the suite selector fsrd configures */
static const struct {
	uint32_t suite;
	uint16_t bit;
} ciphers[] = {
	{ 0x000fac04, RRB_CIPHER_CCMP },
	{ 0x000fac08, RRB_CIPHER_GCMP },
	{ 0x000fac09, RRB_CIPHER_GCMP_256 },
	{ 0x000fac0a, RRB_CIPHER_CCMP_256 },
};

uint16_t mob_cipher_bit(uint32_t suite)
{
	for (size_t i = 0; i < sizeof(ciphers) / sizeof(ciphers[0]); i++)
		if (ciphers[i].suite == suite)
			return ciphers[i].bit;
	return 0;
}

size_t mob_key_tlvs(const struct fsrd_bss *b, const struct fsr_ft_pmk_r1 *r1,
		    uint32_t lifetime_s, uint32_t session_timeout_s,
		    struct mob_key_nums *nums, struct rrb_tlv *enc)
{
	rrb_put_le16(nums->pairwise,
		     mob_cipher_bit(b->conf->pairwise_cipher));
	/* EXPIRES_IN is 16 bits: hostapd truncates, fsrd clamps */
	rrb_put_le16(nums->expires_in, lifetime_s > 0xffff ? 0xffff :
				       (uint16_t)lifetime_s);
	rrb_put_le32(nums->session_timeout, session_timeout_s);
	enc[0] = (struct rrb_tlv){ RRB_T_PMK_R1, r1->key_len, r1->key };
	enc[1] = (struct rrb_tlv){ RRB_T_PMK_R1_NAME, FSR_FT_NAME_LEN,
				   r1->name };
	enc[2] = (struct rrb_tlv){ RRB_T_PAIRWISE, 2, nums->pairwise };
	enc[3] = (struct rrb_tlv){ RRB_T_EXPIRES_IN, 2, nums->expires_in };
	enc[4] = (struct rrb_tlv){ RRB_T_IDENTITY, 0, NULL };
	enc[5] = (struct rrb_tlv){ RRB_T_RADIUS_CUI, 0, NULL };
	enc[6] = (struct rrb_tlv){ RRB_T_SESSION_TIMEOUT, 4,
				   nums->session_timeout };
	return 7;
}

static int push_one(struct mob_bss *m, size_t i, const uint8_t *spa,
		    const struct fsr_ft_pmk_r0 *r0, uint32_t lifetime_s,
		    uint32_t session_timeout_s)
{
	const struct fsrd_bss *b = m->b;
	const struct fsrd_rkh *peer = &m->r1[i].k;
	struct rrb_tlv auth[3], enc[9];
	struct mob_key_nums nums;
	struct fsr_ft_suite s;
	struct fsr_ft_pmk_r1 r1;
	uint8_t seqbuf[12];
	size_t n_enc;
	int ret;

	ret = fsr_ft_suite_init(&s, fsrd_sec_ft_akm(b->conf->security),
				b->conf->pairwise_cipher);
	if (!ret)
		ret = fsr_ft_derive_pmk_r1(&s, r0, peer->id, spa, &r1);
	if (!ret)
		ret = mob_auth_tlvs(&m->r1[i].p, NULL, b->gconf->r0kh_id,
				    b->gconf->r0kh_id_len, peer->id, seqbuf,
				    auth);
	if (ret) {
		explicit_bzero(&r1, sizeof(r1));
		return ret;
	}
	enc[0] = (struct rrb_tlv){ RRB_T_S1KH_ID, 6, spa };
	enc[1] = (struct rrb_tlv){ RRB_T_PMK_R0_NAME, FSR_FT_NAME_LEN,
				   r0->name };
	n_enc = 2 + mob_key_tlvs(b, &r1, lifetime_s, session_timeout_s, &nums,
				 enc + 2);
	ret = mob_send(m, peer->addr, RRB_PUSH, peer->key, auth, 3, enc,
		       n_enc);
	explicit_bzero(&r1, sizeof(r1));
	return ret;
}

bool mobility_pushes_to(const struct fsrd_bss_conf *c, const uint8_t *id)
{
	size_t i;

	if (!c->pmk_r1_push)
		return false;
	if (!c->n_push_to)
		return true;
	for (i = 0; i < c->n_push_to; i++)
		if (!memcmp(c->push_to[i], id, 6))
			return true;
	return false;
}

void mobility_push(struct fsrd_bss *b, const uint8_t *spa,
		   const struct fsr_ft_pmk_r0 *r0, uint32_t lifetime_s,
		   uint32_t session_timeout_s)
{
	struct mob_bss *m = mob_find(b);
	char mac[MACSTR_LEN], peer[MACSTR_LEN];
	size_t i;
	int ret;

	if (!m || !b->conf->pmk_r1_push)
		return;
	mob_learned_expire(m);
	/* the listed R1KHs and those learned (hostapd pushes to both),
	 * the neighbours only when pmk_r1_push_to names them */
	for (i = 0; i < MOB_RKH_MAX; i++) {
		if (!m->r1[i].used || !mobility_pushes_to(b->conf, m->r1[i].k.id))
			continue;
		ret = push_one(m, i, spa, r0, lifetime_s, session_timeout_s);
		fsrd_mac_str(m->r1[i].k.addr, peer);
		if (ret) {
			m->cnt.push_tx_fail++;
			m->r1[i].p.st.tx_fail++;
			log_warn("%s: %s: PMK-R1 push to R1KH %s failed: %s",
				 b->conf->ifname, fsrd_mac_str(spa, mac), peer,
				 strerror(-ret));
			continue;
		}
		m->cnt.push_tx++;
		m->r1[i].p.st.keys_tx++;
		trace_sta(b, spa, TRACE_EV_PMK,
			  "PMK-R1 pushed to R1KH %s (R1KH-ID %s), lifetime %u s",
			  peer, fsrd_mac_str(m->r1[i].k.id, mac),
			  lifetime_s);
	}
}

const char *mob_take_key(struct mob_bss *m, const uint8_t *src,
			 const struct rrb_msg *msg, const uint8_t *plain,
			 size_t pl, const uint8_t *spa,
			 const uint8_t *pmk_r0_name, const char *how)
{
	const struct fsrd_bss *b = m->b;
	struct fsr_ft_suite s;
	struct rrb_keys k;
	struct r1_entry e;
	uint8_t name[FSR_FT_NAME_LEN];
	char mac[MACSTR_LEN], from[MACSTR_LEN], err[256];
	const char *why = NULL;
	uint32_t life;
	int ret;

	memset(&e, 0, sizeof(e));
	if (rrb_keys_parse(plain, pl, &k))
		return "malformed key TLVs";
	/* a RESP carries no PMKR0Name: the one the PULL asked for */
	if (pmk_r0_name) {
		memcpy(k.pmk_r0_name, pmk_r0_name, sizeof(k.pmk_r0_name));
		k.have_pmk_r0_name = true;
	}
	if (spa && memcmp(k.s1kh_id, spa, 6))
		why = "it is for another station";
	else if (!k.have_pmk_r1 || !k.have_pmk_r0_name)
		why = "no PMK-R1 or no PMKR0Name";
	else if (k.have_vlan)
		why = "it carries a VLAN, fsrd has none";
	else if (k.pairwise != mob_cipher_bit(b->conf->pairwise_cipher))
		why = "its pairwise cipher is not this BSS's";
	else if (fsr_ft_suite_init(&s, fsrd_sec_ft_akm(b->conf->security),
				   b->conf->pairwise_cipher) ||
		 k.pmk_r1_len != s.pmk_len)
		why = "its PMK-R1 length does not fit this BSS's AKM";
	else if (fsr_ft_pmk_r1_name(&s, k.pmk_r0_name, b->ft.r1kh_id,
				    k.s1kh_id, name) ||
		 CRYPTO_memcmp(name, k.pmk_r1_name, sizeof(name)))
		why = "its PMKR1Name is not the one of this R1KH-ID";
	if (why) {
		OPENSSL_cleanse(&k, sizeof(k));
		return why;
	}
	/* lifetime: the R0KH's EXPIRES_IN (0: none, then ours), at most
	 * the Session-Timeout it carries */
	life = k.expires_in ? k.expires_in : b->gconf->r0_key_lifetime_s;
	if (k.session_timeout && k.session_timeout < life)
		life = k.session_timeout;
	memcpy(e.spa, k.s1kh_id, 6);
	memcpy(e.r1kh_id, b->ft.r1kh_id, 6);
	memcpy(e.r1.key, k.pmk_r1, k.pmk_r1_len);
	e.r1.key_len = (uint8_t)k.pmk_r1_len;
	memcpy(e.r1.name, k.pmk_r1_name, sizeof(e.r1.name));
	memcpy(e.pmk_r0_name, k.pmk_r0_name, sizeof(e.pmk_r0_name));
	memcpy(e.r0kh_id, msg->r0kh_id, msg->r0kh_id_len);
	e.r0kh_id_len = msg->r0kh_id_len;
	memcpy(e.origin, src, 6);
	e.cipher = b->conf->pairwise_cipher;
	e.how = strcmp(how, "pulled") ? FSR_PMK_ORIGIN_PUSHED :
					FSR_PMK_ORIGIN_PULLED;
	OPENSSL_cleanse(&k, sizeof(k));
	ret = r1_store_add(&e, life);
	if (ret) {
		OPENSSL_cleanse(&e, sizeof(e));
		return "out of memory";
	}
	fsrd_mac_str(src, from);
	fsrd_mac_str(e.spa, mac);
	trace_sta(b, e.spa, TRACE_EV_PMK,
		  "PMK-R1 %s from R0KH %.*s (%s), lifetime %u s", how,
		  (int)e.r0kh_id_len, (const char *)e.r0kh_id, from, life);
	if (b->gconf->kernel_fast_path && b->fp_attached) {
		ret = pmk_push_r1_key(b, e.spa, &e.r1, e.pmk_r0_name,
				      e.r0kh_id, e.r0kh_id_len, life, e.how,
				      err, sizeof(err));
		if (ret && ret != -ENOENT)
			log_warn("%s: %s: received PMK-R1 not given to fsr.ko: %s",
				 b->conf->ifname, mac,
				 err[0] ? err : strerror(-ret));
		else if (!ret)
			log_info("%s: %s: %s PMK-R1 pushed to fsr.ko",
				 b->conf->ifname, mac, how);
	}
	OPENSSL_cleanse(&e, sizeof(e));
	return NULL;
}

void mob_rx_from_r0kh(struct mob_bss *m, const uint8_t *src,
		      const struct rrb_msg *msg, bool no_defer)
{
	const struct fsrd_bss_conf *bc = m->b->conf;
	const char *what = msg->subtype == RRB_PUSH ? "PUSH" :
			   msg->subtype == RRB_FSR_PMKSA ? "PMKSA" :
			   msg->subtype == RRB_FSR_PORTAL_PASS ? "portal pass" :
			   "REVOKE";
	static struct mob_rx_rl rl;
	uint8_t plain[RRB_MAX_PAYLOAD];
	char mac[MACSTR_LEN];
	const char *why;
	size_t pl;
	int i;

	fsrd_mac_str(src, mac);
	if (memcmp(msg->r1kh_id, m->b->ft.r1kh_id, 6)) {
		m->cnt.rx_unknown_peer++;
		log_warn_rl("%s: RRB %s from %s for another R1KH-ID, dropped",
			    bc->ifname, what, mac);
		return;
	}
	i = mob_find_r0kh(m, src, msg);
	if (i < 0)
		i = mob_learn_r0kh(m, src, msg);
	if (i < 0) {
		m->cnt.rx_unknown_peer++;
		log_warn_rl("%s: RRB %s from %s (R0KH-ID %.*s): not a configured r0kh%s, dropped",
			    bc->ifname, what, mac, (int)msg->r0kh_id_len,
			    (const char *)msg->r0kh_id, m->have_r0_wild ?
			    " (nor sealed with the wildcard r0kh key)" : "");
		return;
	}
	if (!mob_rx_open(m, &m->r0[i].p, m->r0[i].k.key, src, msg, no_defer,
			 what, mac, &rl, plain, &pl))
		return;
	if (msg->subtype == RRB_FSR_PMKSA) {
		why = mob_take_pmksa(m, src, msg, plain, pl);
		OPENSSL_cleanse(plain, pl);
		if (why) {
			m->cnt.pmksa_refused++;
			mob_peer_refused(&m->r0[i].p, why);
			log_warn_rl("%s: PMKSA from %s refused: %s",
				    bc->ifname, mac, why);
		} else {
			m->cnt.pmksa_rx++;
			m->r0[i].p.st.pmksas_rx++;
		}
		return;
	}
	if (msg->subtype == RRB_FSR_PORTAL_PASS) {
		why = mob_take_portal_pass(m, src, msg, plain, pl);
		OPENSSL_cleanse(plain, pl);
		if (why) {
			m->cnt.portal_refused++;
			mob_peer_refused(&m->r0[i].p, why);
			log_warn_rl("%s: portal pass from %s refused: %s",
				    bc->ifname, mac, why);
		} else {
			m->cnt.portal_rx++;
		}
		return;
	}
	if (msg->subtype == RRB_FSR_REVOKE) {
		why = mob_take_revoke(m, src, msg, plain, pl);
		OPENSSL_cleanse(plain, pl);
		if (why) {
			m->cnt.revoke_refused++;
			mob_peer_refused(&m->r0[i].p, why);
			log_warn_rl("%s: REVOKE from %s refused: %s",
				    bc->ifname, mac, why);
		} else {
			m->r0[i].p.st.revokes_rx++;
		}
		return;
	}
	why = mob_take_key(m, src, msg, plain, pl, NULL, NULL, "received");
	OPENSSL_cleanse(plain, pl);
	if (!why) {
		m->cnt.push_rx++;
		m->r0[i].p.st.keys_rx++;
	} else {
		m->cnt.push_refused++;
		mob_peer_refused(&m->r0[i].p, why);
		log_warn_rl("%s: PMK-R1 PUSH from %s refused: %s", bc->ifname,
			    mac, why);
	}
}

static void repush_one(const struct r1_entry *e, uint32_t life, void *arg)
{
	struct fsrd_bss *b;
	unsigned int i = 0;
	char err[256];

	(void)arg;
	while ((b = bss_next(&i)))
		if (b->wconf.ft && b->gconf->kernel_fast_path &&
		    !memcmp(b->ft.r1kh_id, e->r1kh_id, 6))
			pmk_push_r1_key(b, e->spa, &e->r1, e->pmk_r0_name,
					e->r0kh_id, e->r0kh_id_len, life,
					e->how, err, sizeof(err));
}

void mobility_repush_kernel(void)
{
	r1_store_foreach(repush_one, NULL);
}
