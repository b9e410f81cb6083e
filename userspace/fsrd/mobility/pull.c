// SPDX-License-Identifier: GPL-2.0-only
/*
 * PMK-R1 PULL and RESP (hostapd's FT_PACKET_R0KH_R1KH_PULL / _RESP)
 * both ways.
 *
 * As R0KH: a PULL from a configured r1kh (its R1KH-ID and address, the
 * sequence window, the SIV with its key) is answered with a PMK-R1
 * derived for its R1KH-ID from our PMK-R0 of that PMKR0Name, or, when
 * we hold none, with S1KH-ID alone: hostapd's NAK.
 *
 * As R1KH: an FT Authentication without a PMK-R1 (ft/ft_roam.c) becomes
 * a pending pull, one per station and BSS, MOB_PULL_MAX in all. The
 * PULL goes to the r0kh line of the station's R0KH-ID and is sent again
 * every rkh_pull_timeout, rkh_pull_retries times in all (the same nonce,
 * as hostapd). The RESP whose nonce matches is checked like a PUSH
 * (push.c), its key kept and given to fsr.ko, and the request goes back
 * to the MLME (mlme_ft_pull_done), which answers the station; a NAK, or
 * no answer, ends it with hostapd's status 53 there.
 */
#include <errno.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ap/bss.h"
#include "core/evloop.h"
#include "core/log.h"
#include "core/trace.h"
#include "keys/ft_store.h"
#include "mobility/mob_priv.h"

struct mob_pull {
	struct mob_pull *next;
	struct mob_bss *m;
	size_t r0;			/* the r0kh line asked */
	uint8_t spa[6];
	uint8_t nonce[RRB_NONCE_LEN];
	uint8_t pmk_r0_name[RRB_NAME_LEN];
	unsigned int tries_left;	/* PULLs still to send on timeout */
	struct ev_timer timer;
	size_t ies_len;
	uint8_t ies[];			/* the FT Authentication Request's */
};

static struct mob_pull *pulls;
static unsigned int n_pulls;

static struct mob_pull *pull_of_timer(struct ev_timer *t)
{
	return (struct mob_pull *)((char *)t - offsetof(struct mob_pull,
							timer));
}

/* Unlink and free p (its timer cancelled), without an answer. */
static void pull_free(struct mob_pull *p)
{
	struct mob_pull **pp;

	for (pp = &pulls; *pp; pp = &(*pp)->next)
		if (*pp == p) {
			*pp = p->next;
			n_pulls--;
			break;
		}
	ev_timer_cancel(&p->timer);
	OPENSSL_cleanse(p, sizeof(*p) + p->ies_len);
	free(p);
}

static struct mob_pull *pull_find(const struct mob_bss *m,
				  const uint8_t *spa)
{
	struct mob_pull *p;

	for (p = pulls; p; p = p->next)
		if (p->m == m && !memcmp(p->spa, spa, 6))
			return p;
	return NULL;
}

/* The pull is over: the MLME answers the station (why NULL: a key was
 * kept). p is freed first: the MLME may start another. */
static void pull_end(struct mob_pull *p, const char *why)
{
	struct fsrd_bss *b = p->m->b;
	uint8_t ies[MOB_PULL_IES_MAX], spa[6];
	size_t len = p->ies_len;

	memcpy(ies, p->ies, len);
	memcpy(spa, p->spa, 6);
	pull_free(p);
	mlme_ft_pull_done(b, spa, ies, len, why);
}

static int send_pull(struct mob_pull *p)
{
	struct mob_bss *m = p->m;
	const struct fsrd_rkh *peer = &m->b->conf->r0kh[p->r0];
	struct rrb_tlv auth[4], enc[2];
	uint8_t seqbuf[12];
	int ret;

	ret = mob_auth_tlvs(&m->r0[p->r0], p->nonce, peer->id, peer->id_len,
			    m->b->ft.r1kh_id, seqbuf, auth);
	if (ret)
		return ret;
	enc[0] = (struct rrb_tlv){ RRB_T_PMK_R0_NAME, RRB_NAME_LEN,
				   p->pmk_r0_name };
	enc[1] = (struct rrb_tlv){ RRB_T_S1KH_ID, 6, p->spa };
	return mob_send(m, peer->addr, RRB_PULL, peer->key, auth, 4, enc, 2);
}

static void pull_timeout(struct ev_timer *t)
{
	struct mob_pull *p = pull_of_timer(t);
	struct mob_bss *m = p->m;
	char mac[MACSTR_LEN];
	int ret;

	if (p->tries_left) {
		p->tries_left--;
		ret = send_pull(p);
		if (ret) {
			m->cnt.pull_tx_fail++;
			m->r0[p->r0].st.tx_fail++;
		} else {
			m->cnt.pull_tx++;
			m->r0[p->r0].st.pulls_tx++;
		}
		ev_timer_arm(&p->timer, m->b->conf->rkh_pull_timeout_ms);
		return;
	}
	m->cnt.pull_timeout++;
	m->r0[p->r0].st.pull_timeouts++;
	log_warn_rl("%s: %s: PULL to R0KH %.*s unanswered after %u tries",
		    m->b->conf->ifname, fsrd_mac_str(p->spa, mac),
		    (int)m->b->conf->r0kh[p->r0].id_len,
		    (const char *)m->b->conf->r0kh[p->r0].id,
		    m->b->conf->rkh_pull_retries);
	pull_end(p, "no PMK-R1: the R0KH did not answer the PULL");
}

int mobility_pull(struct fsrd_bss *b, const uint8_t *spa,
		  const uint8_t *r0kh_id, size_t r0kh_id_len,
		  const uint8_t *pmk_r0_name, const uint8_t *ies, size_t len)
{
	const struct fsrd_bss_conf *bc = b->conf;
	struct mob_bss *m = mob_find(b);
	struct mob_pull *p;
	size_t i;
	int ret;

	if (!m)
		return -ENOENT;
	for (i = 0; i < bc->n_r0kh; i++)
		if (bc->r0kh[i].id_len == r0kh_id_len &&
		    !memcmp(bc->r0kh[i].id, r0kh_id, r0kh_id_len))
			break;
	if (i == bc->n_r0kh)
		return -ENOENT;
	p = pull_find(m, spa);
	if (p) {
		/* the station's retransmission: the PULL is on its way */
		if (p->ies_len == len && !memcmp(p->ies, ies, len))
			return -EALREADY;
		pull_free(p);	/* a new request replaces it */
	}
	if (len > MOB_PULL_IES_MAX)
		return -EMSGSIZE;
	if (n_pulls >= MOB_PULL_MAX) {
		m->cnt.pull_busy++;
		return -EBUSY;
	}
	p = calloc(1, sizeof(*p) + len);
	if (!p)
		return -ENOMEM;
	if (RAND_bytes(p->nonce, sizeof(p->nonce)) != 1) {
		free(p);
		return -EIO;
	}
	p->m = m;
	p->r0 = i;
	memcpy(p->spa, spa, 6);
	memcpy(p->pmk_r0_name, pmk_r0_name, RRB_NAME_LEN);
	p->ies_len = len;
	memcpy(p->ies, ies, len);
	p->timer.fn = pull_timeout;
	ret = send_pull(p);
	if (ret) {
		m->cnt.pull_tx_fail++;
		m->r0[i].st.tx_fail++;
		OPENSSL_cleanse(p, sizeof(*p) + len);
		free(p);
		return ret;
	}
	m->cnt.pull_tx++;
	m->r0[i].st.pulls_tx++;
	p->tries_left = bc->rkh_pull_retries - 1;
	p->next = pulls;
	pulls = p;
	n_pulls++;
	ev_timer_arm(&p->timer, bc->rkh_pull_timeout_ms);
	return 0;
}

void mobility_pull_cancel(struct fsrd_bss *b, const uint8_t *spa)
{
	struct mob_bss *m = mob_find(b);
	struct mob_pull *p = m ? pull_find(m, spa) : NULL;

	if (p)
		pull_free(p);
}

void mob_pull_stop(struct mob_bss *m)
{
	struct mob_pull *p = pulls, *next;

	for (; p; p = next) {
		next = p->next;
		if (p->m == m)
			pull_free(p);
	}
}

/* The r1kh line naming the message's R1KH-ID, from its configured
 * address; -1 otherwise. */
static int find_r1kh(const struct fsrd_bss_conf *bc, const uint8_t *src,
		     const struct rrb_msg *msg)
{
	for (size_t i = 0; i < bc->n_r1kh; i++)
		if (!memcmp(bc->r1kh[i].id, msg->r1kh_id, 6))
			return memcmp(bc->r1kh[i].addr, src, 6) ? -1 : (int)i;
	return -1;
}

/* Answer a verified PULL from r1kh line i: RESP with the PMK-R1 for
 * its R1KH-ID, or S1KH-ID alone when we hold no such PMK-R0. */
static int answer_pull(struct mob_bss *m, size_t i, const uint8_t *src,
		       const struct rrb_msg *msg,
		       const struct rrb_pull_req *req, bool *nak,
		       uint32_t *life)
{
	const struct fsrd_bss *b = m->b;
	const struct fsrd_rkh *peer = &b->conf->r1kh[i];
	struct mob_key_nums nums;
	struct rrb_tlv auth[4], enc[8];
	uint8_t seqbuf[12];
	struct fsr_ft_pmk_r0 r0;
	struct fsr_ft_pmk_r1 r1;
	struct fsr_ft_suite s;
	struct ft_scope scope;
	size_t n_enc = 1;
	uint32_t ttl = 0;
	int ret;

	memset(&r1, 0, sizeof(r1));
	bss_ft_scope(b, &scope);
	*nak = ft_store_get_ttl(req->s1kh_id, req->pmk_r0_name, &scope, &r0,
				&ttl) != 0;
	if (!*nak) {
		ret = fsr_ft_suite_init(&s, fsrd_sec_ft_akm(b->conf->security),
					b->conf->pairwise_cipher);
		if (!ret)
			ret = fsr_ft_derive_pmk_r1(&s, &r0, msg->r1kh_id,
						   req->s1kh_id, &r1);
		explicit_bzero(&r0, sizeof(r0));
		if (ret)
			goto out;
	}
	ret = mob_auth_tlvs(&m->r1[i], msg->nonce, msg->r0kh_id,
			    msg->r0kh_id_len, msg->r1kh_id, seqbuf, auth);
	if (ret)
		goto out;
	enc[0] = (struct rrb_tlv){ RRB_T_S1KH_ID, 6, req->s1kh_id };
	if (!*nak) {
		/* as a PUSH; FT-802.1X keys end with the Session-Timeout,
		 * which bounds the PMK-R0's lifetime (sta_wpa.c), so what is
		 * left of it is sent */
		n_enc += mob_key_tlvs(b, &r1, ttl,
				      b->conf->security == FSRD_SEC_FT_EAP ?
				      ttl : 0, &nums, enc + 1);
	}
	*life = ttl;
	ret = mob_send(m, src, RRB_RESP, peer->key, auth, 4, enc, n_enc);
out:
	explicit_bzero(&r1, sizeof(r1));
	return ret;
}

void mob_rx_pull(struct mob_bss *m, const uint8_t *src,
		 const struct rrb_msg *msg, bool no_defer)
{
	const struct fsrd_bss_conf *bc = m->b->conf;
	const struct fsrd_conf *c = m->b->gconf;
	static struct mob_rx_rl rl;
	uint8_t plain[RRB_MAX_PAYLOAD];
	char mac[MACSTR_LEN], sta[MACSTR_LEN];
	struct rrb_pull_req req;
	uint32_t life = 0;
	bool nak = true;
	size_t pl;
	int i, ret;

	fsrd_mac_str(src, mac);
	if (msg->r0kh_id_len != c->r0kh_id_len ||
	    memcmp(msg->r0kh_id, c->r0kh_id, c->r0kh_id_len)) {
		m->cnt.rx_unknown_peer++;
		log_warn_rl("%s: RRB PULL from %s for another R0KH-ID, dropped",
			    bc->ifname, mac);
		return;
	}
	i = find_r1kh(bc, src, msg);
	if (i < 0) {
		m->cnt.rx_unknown_peer++;
		log_warn_rl("%s: RRB PULL from %s: not a configured r1kh, dropped",
			    bc->ifname, mac);
		return;
	}
	if (!mob_rx_open(m, &m->r1[i], bc->r1kh[i].key, src, msg, no_defer,
			 "PULL", mac, &rl, plain, &pl))
		return;
	ret = rrb_pull_parse(plain, pl, &req);
	OPENSSL_cleanse(plain, pl);
	if (ret) {
		m->cnt.pull_refused++;
		mob_peer_refused(&m->r1[i], "PULL without PMKR0Name or S1KH-ID");
		log_warn_rl("%s: RRB PULL from %s refused: no PMKR0Name or S1KH-ID",
			    bc->ifname, mac);
		return;
	}
	ret = answer_pull(m, (size_t)i, src, msg, &req, &nak, &life);
	fsrd_mac_str(req.s1kh_id, sta);
	if (ret) {
		m->cnt.pull_refused++;
		m->r1[i].st.tx_fail++;
		log_warn_rl("%s: %s: PULL from R1KH %s not answered: %s",
			    bc->ifname, sta, mac, strerror(-ret));
		return;
	}
	m->cnt.pull_rx++;
	m->r1[i].st.pulls_rx++;
	if (!nak)
		m->r1[i].st.keys_tx++;
	if (nak) {
		m->cnt.pull_rx_nak++;
		/* any configured peer may name any station: rate-limited */
		static struct log_rl nak_rl;

		fsrd_log_rl(&nak_rl, FSRD_LOG_INFO,
			    "%s: %s: PULL from R1KH %s: no PMK-R0 of that PMKR0Name here, answered without a key",
			    bc->ifname, sta, mac);
		return;
	}
	trace_sta(m->b, req.s1kh_id, TRACE_EV_PMK,
		  "PMK-R1 pulled by R1KH %s (R1KH-ID %s), lifetime %u s", mac,
		  fsrd_mac_str(msg->r1kh_id, sta), life);
}

void mob_rx_resp(struct mob_bss *m, const uint8_t *src,
		 const struct rrb_msg *msg, bool no_defer)
{
	const struct fsrd_bss_conf *bc = m->b->conf;
	static struct mob_rx_rl rl;
	uint8_t plain[RRB_MAX_PAYLOAD];
	char mac[MACSTR_LEN], sta[MACSTR_LEN];
	struct mob_pull *p;
	struct rrb_keys k;
	const char *why;
	size_t pl;
	int i;

	fsrd_mac_str(src, mac);
	for (p = pulls; p; p = p->next)
		if (p->m == m &&
		    !CRYPTO_memcmp(p->nonce, msg->nonce, RRB_NONCE_LEN))
			break;
	if (!p) {
		/* late (the pull ended) or made up */
		m->cnt.rx_dropped++;
		log_warn_rl("%s: RRB RESP from %s answers no pending PULL, dropped",
			    bc->ifname, mac);
		return;
	}
	i = mob_find_r0kh(bc, src, msg);
	if (memcmp(msg->r1kh_id, m->b->ft.r1kh_id, 6) || i < 0 ||
	    (size_t)i != p->r0) {
		m->cnt.rx_unknown_peer++;
		log_warn_rl("%s: RRB RESP from %s: not from the r0kh asked, or for another R1KH-ID, dropped",
			    bc->ifname, mac);
		return;
	}
	if (!mob_rx_open(m, &m->r0[i], bc->r0kh[i].key, src, msg, no_defer,
			 "RESP", mac, &rl, plain, &pl))
		return;
	fsrd_mac_str(p->spa, sta);
	/* a NAK: S1KH-ID alone; hostapd stops pulling then */
	if (!rrb_keys_parse(plain, pl, &k) && !k.have_pmk_r1 &&
	    !memcmp(k.s1kh_id, p->spa, 6)) {
		OPENSSL_cleanse(plain, pl);
		m->cnt.pull_nak++;
		m->r0[i].st.pull_naks++;
		trace_sta(m->b, p->spa, TRACE_EV_PMK,
			  "PULL answered by R0KH %s without a key (it holds no such PMK-R0)",
			  mac);
		pull_end(p, "no PMK-R1: the R0KH holds no PMK-R0 of that name");
		return;
	}
	OPENSSL_cleanse(&k, sizeof(k));
	why = mob_take_key(m, src, msg, plain, pl, p->spa, p->pmk_r0_name,
			   "pulled");
	OPENSSL_cleanse(plain, pl);
	if (why) {
		/* hostapd keeps waiting; the timer ends it */
		m->cnt.resp_refused++;
		mob_peer_refused(&m->r0[i], why);
		log_warn_rl("%s: %s: PMK-R1 RESP from %s refused: %s",
			    bc->ifname, sta, mac, why);
		return;
	}
	m->cnt.pulled++;
	m->r0[i].st.keys_pulled++;
	pull_end(p, NULL);
}
