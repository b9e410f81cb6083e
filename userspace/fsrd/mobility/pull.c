// SPDX-License-Identifier: GPL-2.0-only
/*
 * PMK-R1 PULL and RESP (hostapd's FT_PACKET_R0KH_R1KH_PULL / _RESP)
 * both ways.
 *
 * As R0KH: a PULL from a known R1KH (its R1KH-ID and address, the
 * sequence window, the SIV with its key) is answered with a PMK-R1
 * derived for its R1KH-ID from our PMK-R0 of that PMKR0Name, or, when
 * we hold none, with S1KH-ID alone: hostapd's NAK. An R1KH-ID no line
 * names is learned when its PULL verifies with the wildcard r1kh key
 * (learn.c). A PULL to the broadcast address (hostapd's wildcard r0kh)
 * is taken like one to us when it names our R0KH-ID.
 *
 * As R1KH: an FT Authentication without a PMK-R1 (ft/ft_roam.c) becomes
 * a pending pull, one per station and BSS, MOB_PULL_MAX in all. The
 * PULL goes to the R0KH of the station's R0KH-ID (an r0kh line, or
 * one learned; with the wildcard r0kh line and none known, to the
 * broadcast address, and the R0KH that answers is learned) and is sent
 * again every rkh_pull_timeout, rkh_pull_retries times in all (the same
 * nonce, as hostapd). The RESP whose nonce matches is checked like a PUSH
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
	size_t r0;			/* the R0KH slot asked (mob_bss.r0) */
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
	const struct fsrd_rkh *peer = &m->r0[p->r0].k;
	struct rrb_tlv auth[4], enc[2];
	uint8_t seqbuf[12];
	int ret;

	ret = mob_auth_tlvs(&m->r0[p->r0].p, p->nonce, peer->id, peer->id_len,
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
	struct mob_rkh *r = &m->r0[p->r0];
	char mac[MACSTR_LEN];
	int ret;

	if (p->tries_left) {
		p->tries_left--;
		ret = send_pull(p);
		if (ret) {
			m->cnt.pull_tx_fail++;
			r->p.st.tx_fail++;
		} else {
			m->cnt.pull_tx++;
			r->p.st.pulls_tx++;
		}
		ev_timer_arm(&p->timer, m->b->conf->rkh_pull_timeout_ms);
		return;
	}
	m->cnt.pull_timeout++;
	r->p.st.pull_timeouts++;
	log_warn_rl("%s: %s: PULL to R0KH %.*s unanswered after %u tries",
		    m->b->conf->ifname, fsrd_mac_str(p->spa, mac),
		    (int)r->k.id_len, (const char *)r->k.id,
		    m->b->conf->rkh_pull_retries);
	if (r->learned_ms && mob_addr_is_bcast(r->k.addr)) {
		/* nobody holding the wildcard key answers for this R0KH-ID:
		 * hostapd's negative cache, no broadcast again for a while;
		 * a late answer to its SEQ_REQ is one no longer awaited */
		memset(r->k.addr, 0, 6);
		r->p.seq_req_ms = 0;
		r->until_ms = ev_now_ms() +
			      (uint64_t)m->b->conf->rkh_neg_timeout_s * 1000;
		log_info("%s: R0KH-ID %.*s did not answer a PULL to the wildcard r0kh: not asked again for %u s",
			 m->b->conf->ifname, (int)r->k.id_len,
			 (const char *)r->k.id, m->b->conf->rkh_neg_timeout_s);
	}
	pull_end(p, "no PMK-R1: the R0KH did not answer the PULL");
}

int mobility_pull(struct fsrd_bss *b, const uint8_t *spa,
		  const uint8_t *r0kh_id, size_t r0kh_id_len,
		  const uint8_t *pmk_r0_name, const uint8_t *ies, size_t len)
{
	const struct fsrd_bss_conf *bc = b->conf;
	struct mob_bss *m = mob_find(b);
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct mob_pull *p;
	size_t i;
	int ret, k;

	if (!m)
		return -ENOENT;
	mob_learned_expire(m);
	k = mob_r0kh_by_id(m, r0kh_id, r0kh_id_len);
	if (k < 0 && !m->have_r0_wild)
		return -ENOENT;
	if (k >= 0 && mob_addr_is_zero(m->r0[k].k.addr)) {
		m->cnt.pull_blocked++;
		return -EHOSTUNREACH;
	}
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
	if (k < 0) {
		/* the wildcard line: look for it on the whole DS; the entry
		 * lives while its pull does, then rkh_neg_timeout if nobody
		 * answers (pull_timeout) */
		k = mob_learn(m, true, bcast, r0kh_id, r0kh_id_len,
			      (uint64_t)bc->rkh_neg_timeout_s * 1000);
		if (k < 0) {
			m->cnt.pull_busy++;
			return -EBUSY;
		}
	}
	i = (size_t)k;
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
	/* hostapd drops a PULL whose sender's sequence numbers it does not
	 * know when it came to the broadcast address: ask for the R0KH's
	 * first, as hostapd does (its answer teaches where it is, and the
	 * PULL goes again at once, there: mob_pull_kick) */
	if (!m->r0[i].p.rx.num_last)
		mob_seq_req(m, &m->r0[i], true);
	ret = send_pull(p);
	if (ret) {
		m->cnt.pull_tx_fail++;
		m->r0[i].p.st.tx_fail++;
		OPENSSL_cleanse(p, sizeof(*p) + len);
		free(p);
		return ret;
	}
	m->cnt.pull_tx++;
	m->r0[i].p.st.pulls_tx++;
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

void mob_pull_kick(struct mob_bss *m, size_t i)
{
	for (struct mob_pull *p = pulls; p; p = p->next) {
		if (p->m != m || p->r0 != i)
			continue;
		if (send_pull(p)) {
			m->cnt.pull_tx_fail++;
			m->r0[i].p.st.tx_fail++;
		} else {
			m->cnt.pull_tx++;
			m->r0[i].p.st.pulls_tx++;
		}
	}
}

bool mob_pull_waits_on(const struct mob_bss *m, size_t i)
{
	for (const struct mob_pull *p = pulls; p; p = p->next)
		if (p->m == m && p->r0 == i)
			return true;
	return false;
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

/* The R1KH slot a PULL from src comes from: the one of its R1KH-ID at
 * that address, or one learned through the wildcard r1kh line
 * (learn.c); -1 (counted, logged) otherwise. */
static int pull_peer(struct mob_bss *m, const uint8_t *src,
		     const struct rrb_msg *msg, const char *mac)
{
	const struct fsrd_bss_conf *bc = m->b->conf;
	int i = mob_r1kh_by_id(m, msg->r1kh_id);

	if (i >= 0 && !memcmp(m->r1[i].k.addr, src, 6))
		return i;
	i = mob_learn_r1kh(m, src, msg);
	if (i < 0) {
		m->cnt.rx_unknown_peer++;
		log_warn_rl("%s: RRB PULL from %s: not a configured r1kh%s, dropped",
			    bc->ifname, mac, m->have_r1_wild ?
			    " (nor sealed with the wildcard r1kh key)" : "");
	}
	return i;
}

/* Answer a verified PULL from r1kh line i: RESP with the PMK-R1 for
 * its R1KH-ID, or S1KH-ID alone when we hold no such PMK-R0. */
static int answer_pull(struct mob_bss *m, size_t i, const uint8_t *src,
		       const struct rrb_msg *msg,
		       const struct rrb_pull_req *req, bool *nak,
		       uint32_t *life)
{
	const struct fsrd_bss *b = m->b;
	const struct fsrd_rkh *peer = &m->r1[i].k;
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
	ret = mob_auth_tlvs(&m->r1[i].p, msg->nonce, msg->r0kh_id,
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
	i = pull_peer(m, src, msg, mac);
	if (i < 0)
		return;
	if (!mob_rx_open(m, &m->r1[i].p, m->r1[i].k.key, src, msg, no_defer,
			 "PULL", mac, &rl, plain, &pl))
		return;
	ret = rrb_pull_parse(plain, pl, &req);
	OPENSSL_cleanse(plain, pl);
	if (ret) {
		m->cnt.pull_refused++;
		mob_peer_refused(&m->r1[i].p, "PULL without PMKR0Name or S1KH-ID");
		log_warn_rl("%s: RRB PULL from %s refused: no PMKR0Name or S1KH-ID",
			    bc->ifname, mac);
		return;
	}
	ret = answer_pull(m, (size_t)i, src, msg, &req, &nak, &life);
	fsrd_mac_str(req.s1kh_id, sta);
	if (ret) {
		m->cnt.pull_refused++;
		m->r1[i].p.st.tx_fail++;
		log_warn_rl("%s: %s: PULL from R1KH %s not answered: %s",
			    bc->ifname, sta, mac, strerror(-ret));
		return;
	}
	m->cnt.pull_rx++;
	m->r1[i].p.st.pulls_rx++;
	if (!nak)
		m->r1[i].p.st.keys_tx++;
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
	/* the R0KH looked for on the whole DS answers: learned here */
	mob_r0kh_found(m, p->r0, src, msg);
	i = mob_find_r0kh(m, src, msg);
	if (memcmp(msg->r1kh_id, m->b->ft.r1kh_id, 6) || i < 0 ||
	    (size_t)i != p->r0) {
		m->cnt.rx_unknown_peer++;
		log_warn_rl("%s: RRB RESP from %s: not from the r0kh asked, or for another R1KH-ID, dropped",
			    bc->ifname, mac);
		return;
	}
	if (!mob_rx_open(m, &m->r0[i].p, m->r0[i].k.key, src, msg, no_defer,
			 "RESP", mac, &rl, plain, &pl))
		return;
	fsrd_mac_str(p->spa, sta);
	/* a NAK: S1KH-ID alone; hostapd stops pulling then */
	if (!rrb_keys_parse(plain, pl, &k) && !k.have_pmk_r1 &&
	    !memcmp(k.s1kh_id, p->spa, 6)) {
		OPENSSL_cleanse(plain, pl);
		m->cnt.pull_nak++;
		m->r0[i].p.st.pull_naks++;
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
		mob_peer_refused(&m->r0[i].p, why);
		log_warn_rl("%s: %s: PMK-R1 RESP from %s refused: %s",
			    bc->ifname, sta, mac, why);
		return;
	}
	m->cnt.pulled++;
	m->r0[i].p.st.keys_pulled++;
	pull_end(p, NULL);
}
