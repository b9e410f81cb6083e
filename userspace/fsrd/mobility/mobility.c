// SPDX-License-Identifier: GPL-2.0-only
/*
 * The R0KH/R1KH key transport of each BSS (mobility.h): its socket, the
 * dispatch of received frames, hostapd's sequence-number exchange
 * (SEQ_REQ / SEQ_RESP) and the frames held for it.
 */
#include <errno.h>
#include <net/if.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ap/bss.h"
#include "core/evloop.h"
#include "core/log.h"
#include "mobility/mob_priv.h"
#include "mobility/rrb_sock.h"

static struct mob_bss *all[FSRD_MAX_BSS];

uint32_t mob_now_s(void)
{
	return (uint32_t)(ev_now_ms() / 1000);
}

int mob_seq_next(struct mob_peer *p, struct rrb_seq_tlv *seq)
{
	uint32_t r[2] = { 0, 0 };

	/* the first message to a peer: a random domain and counter */
	if (!p->tx.dom && RAND_bytes((uint8_t *)r, sizeof(r)) != 1)
		return -EIO;
	rrb_seq_next(&p->tx, r[0], r[1], mob_now_s(), seq);
	return 0;
}

int mob_auth_tlvs(struct mob_peer *p, const uint8_t *nonce,
		  const uint8_t *r0kh_id, size_t r0kh_id_len,
		  const uint8_t *r1kh_id, uint8_t seqbuf[12],
		  struct rrb_tlv *auth)
{
	struct rrb_seq_tlv seq;
	size_t n = 0;
	int ret;

	ret = mob_seq_next(p, &seq);
	if (ret)
		return ret;
	rrb_seq_tlv_put(seqbuf, &seq);
	if (nonce)
		auth[n++] = (struct rrb_tlv){ RRB_T_NONCE, RRB_NONCE_LEN,
					      nonce };
	auth[n++] = (struct rrb_tlv){ RRB_T_SEQ, 12, seqbuf };
	auth[n++] = (struct rrb_tlv){ RRB_T_R0KH_ID, (uint16_t)r0kh_id_len,
				      r0kh_id };
	auth[n] = (struct rrb_tlv){ RRB_T_R1KH_ID, 6, r1kh_id };
	return 0;
}

struct mob_bss *mob_find(const struct fsrd_bss *b)
{
	for (unsigned int i = 0; i < FSRD_MAX_BSS; i++)
		if (all[i] && all[i]->b == b)
			return all[i];
	return NULL;
}

struct mob_bss *mob_next(size_t *i)
{
	while (*i < FSRD_MAX_BSS)
		if (all[(*i)++])
			return all[*i - 1];
	return NULL;
}

void mob_peer_refused(struct mob_peer *p, const char *why)
{
	p->st.refused++;
	p->st.last_refusal = why;
	p->st.last_refused_ms = ev_now_ms();
}

static void peer_taken(struct mob_peer *p)
{
	p->st.rx++;
	p->st.last_rx_ms = ev_now_ms();
}

void mobility_foreach_peer(const struct fsrd_bss *b,
			   void (*fn)(const struct mob_peer_info *, void *),
			   void *arg)
{
	struct mob_peer_info info;
	struct mob_bss *m;
	size_t k = 0, i;

	while ((m = mob_next(&k))) {
		if (b && m->b != b)
			continue;
		mob_learned_expire(m);
		info.b = m->b;
		for (i = 0; i < 2 * MOB_RKH_MAX; i++) {
			const struct mob_rkh *r;

			info.is_r0kh = i < MOB_RKH_MAX;
			r = info.is_r0kh ? &m->r0[i] : &m->r1[i - MOB_RKH_MAX];
			if (!r->used)
				continue;
			info.line = &r->k;
			info.st = &r->p.st;
			info.seq_known = r->p.rx.num_last > 0;
			info.queued = r->p.queued;
			info.origin = !r->learned_ms ? "configured" :
				      mob_addr_is_bcast(r->k.addr) ? "looking" :
				      mob_addr_is_zero(r->k.addr) ? "blocked" :
				      "learned";
			info.learned_ms = r->learned_ms;
			info.until_ms = r->until_ms;
			fn(&info, arg);
		}
	}
}

const struct mob_counters *mobility_counters(const struct fsrd_bss *b)
{
	const struct mob_bss *m = mob_find(b);

	return m ? &m->cnt : NULL;
}

int mob_send(struct mob_bss *m, const uint8_t *dst, uint8_t subtype,
	     const uint8_t *key, const struct rrb_tlv *auth, size_t n_auth,
	     const struct rrb_tlv *enc, size_t n_enc)
{
	uint8_t payload[RRB_MAX_PAYLOAD], frame[RRB_MAX_FRAME];
	size_t len, flen;
	int ret;

	ret = rrb_build(key, m->b->addr, subtype, auth, n_auth, enc, n_enc,
			payload, sizeof(payload), &len);
	if (!ret) {
		flen = rrb_frame_put(frame, dst, m->b->addr, subtype, payload,
				     len);
		ret = rrb_sock_send(m->fd, m->ifindex, frame, flen);
	}
	/* a PUSH carried a key */
	OPENSSL_cleanse(payload, sizeof(payload));
	OPENSSL_cleanse(frame, sizeof(frame));
	return ret;
}

static void deferred_free(struct mob_deferred *d)
{
	OPENSSL_cleanse(d, sizeof(*d) + d->len);
	free(d);
}

/* Drop what waited longer than hostapd's sequence timeout. */
static void queue_prune(struct mob_peer *p)
{
	uint64_t now = ev_now_ms();
	struct mob_deferred **pp = &p->queue, *d;

	while ((d = *pp)) {
		if (now - d->at_ms > RRB_SEQ_TIMEOUT_S * 1000) {
			*pp = d->next;
			deferred_free(d);
			p->queued--;
		} else {
			pp = &d->next;
		}
	}
}

static void queue_flush(struct mob_peer *p)
{
	while (p->queue) {
		struct mob_deferred *d = p->queue;

		p->queue = d->next;
		deferred_free(d);
	}
	p->queued = 0;
}

bool mob_defer(struct mob_bss *m, struct mob_peer *p, const uint8_t *key,
	       const uint8_t *src, const struct rrb_msg *msg)
{
	size_t len = 2 + msg->auth_len + msg->enc_len;
	struct rrb_tlv auth[3];
	struct mob_deferred *d;
	char mac[MACSTR_LEN];
	int ret;

	fsrd_mac_str(src, mac);
	queue_prune(p);
	if (p->queued >= MOB_QUEUE_MAX) {
		m->cnt.rx_dropped++;
		log_warn_rl("%s: RRB from %s: %u frames already wait for its sequence number, dropped",
			    m->b->conf->ifname, mac, p->queued);
		return false;
	}
	d = calloc(1, sizeof(*d) + len);
	if (!d) {
		m->cnt.rx_dropped++;
		return false;
	}
	if (RAND_bytes(d->nonce, sizeof(d->nonce)) != 1) {
		free(d);
		m->cnt.rx_dropped++;
		return false;
	}
	d->at_ms = ev_now_ms();
	memcpy(d->src, src, 6);
	d->subtype = msg->subtype;
	d->len = len;
	/* the payload again, as it came: auth_len, auth, SIV || C */
	d->payload[0] = (uint8_t)msg->auth_len;
	d->payload[1] = (uint8_t)(msg->auth_len >> 8);
	memcpy(d->payload + 2, msg->auth, msg->auth_len);
	memcpy(d->payload + 2 + msg->auth_len, msg->enc, msg->enc_len);
	auth[0] = (struct rrb_tlv){ RRB_T_NONCE, RRB_NONCE_LEN, d->nonce };
	auth[1] = (struct rrb_tlv){ RRB_T_R0KH_ID, (uint16_t)msg->r0kh_id_len,
				    msg->r0kh_id };
	auth[2] = (struct rrb_tlv){ RRB_T_R1KH_ID, 6, msg->r1kh_id };
	ret = mob_send(m, src, RRB_SEQ_REQ, key, auth, 3, NULL, 0);
	if (ret) {
		deferred_free(d);
		m->cnt.rx_dropped++;
		p->st.tx_fail++;
		log_warn_rl("%s: RRB SEQ_REQ to %s not sent: %s",
			    m->b->conf->ifname, mac, strerror(-ret));
		return false;
	}
	d->next = p->queue;
	p->queue = d;
	p->queued++;
	m->cnt.seq_req_tx++;
	m->cnt.rx_deferred++;
	log_dbg("%s: RRB from %s deferred: SEQ_REQ sent", m->b->conf->ifname,
		mac);
	return true;
}

bool mob_rx_open(struct mob_bss *m, struct mob_peer *p, const uint8_t *key,
		 const uint8_t *src, const struct rrb_msg *msg, bool no_defer,
		 const char *what, const char *mac, struct mob_rx_rl *rl,
		 uint8_t plain[RRB_MAX_PAYLOAD], size_t *pl)
{
	const char *ifname = m->b->conf->ifname;
	enum rrb_seq_verdict v;

	v = rrb_seq_check(&p->rx, &msg->seq, mob_now_s(), no_defer);
	if (v == RRB_SEQ_DROP) {
		m->cnt.rx_replay++;
		mob_peer_refused(p, "sequence number replayed or too old");
		fsrd_log_rl(&rl->replay, FSRD_LOG_WARN,
			    "%s: RRB %s from %s: sequence number replayed or too old, dropped",
			    ifname, what, mac);
		return false;
	}
	/* verified before anything is held or answered */
	if (rrb_msg_open(msg, key, src, plain, RRB_MAX_PAYLOAD, pl)) {
		m->cnt.rx_auth_fail++;
		mob_peer_refused(p, "does not verify (wrong key?)");
		fsrd_log_rl(&rl->auth, FSRD_LOG_WARN,
			    "%s: RRB %s from %s does not verify (wrong key?), dropped",
			    ifname, what, mac);
		return false;
	}
	if (v == RRB_SEQ_DEFER) {
		mob_defer(m, p, key, src, msg);
		OPENSSL_cleanse(plain, *pl);
		return false;
	}
	rrb_seq_accept(&p->rx, &msg->seq);
	peer_taken(p);
	return true;
}

/* A message other than SEQ_REQ/SEQ_RESP; no_defer when it runs again
 * after a SEQ_RESP. */
static void rx_msg(struct mob_bss *m, const uint8_t *src,
		   const struct rrb_msg *msg, bool no_defer)
{
	if (msg->subtype == RRB_PULL)
		mob_rx_pull(m, src, msg, no_defer);
	else if (msg->subtype == RRB_RESP)
		mob_rx_resp(m, src, msg, no_defer);
	else if (msg->subtype == RRB_FSR_PORTAL_HERE)
		mob_rx_portal_here(m, src, msg, no_defer);
	else
		mob_rx_from_r0kh(m, src, msg, no_defer);
}

/*
 * The peer a SEQ_REQ/SEQ_RESP is about: we are its R0KH (the R0KH-ID is
 * ours: the sender is one of our R1KHs, or, for a SEQ_REQ sealed with
 * the wildcard r1kh key, one learned now: hostapd asks before its first
 * PULL) or its R1KH (the R1KH-ID is this BSS's: the sender is one of our
 * R0KHs, or the one a PULL to the broadcast address looks for, learned
 * at src when this frame verifies with its key). The sender's address
 * must be the peer's. NULL (counted) otherwise; *r0idx is the R0KH slot,
 * or -1 for an R1KH.
 */
static struct mob_peer *seq_peer(struct mob_bss *m, const uint8_t *src,
				 const struct rrb_msg *msg,
				 const uint8_t **key, int *r0idx)
{
	const struct fsrd_conf *c = m->b->gconf;
	bool own_r0 = msg->r0kh_id_len == c->r0kh_id_len &&
		      !memcmp(msg->r0kh_id, c->r0kh_id, c->r0kh_id_len);
	bool own_r1 = !memcmp(msg->r1kh_id, m->b->ft.r1kh_id, 6);
	int i = -1;

	*r0idx = -1;
	mob_learned_expire(m);
	if (own_r0 && !own_r1) {
		i = mob_r1kh_by_id(m, msg->r1kh_id);
		if ((i < 0 || memcmp(m->r1[i].k.addr, src, 6)) &&
		    msg->subtype == RRB_SEQ_REQ)
			i = mob_learn_r1kh(m, src, msg);
		if (i >= 0 && !memcmp(m->r1[i].k.addr, src, 6)) {
			*key = m->r1[i].k.key;
			return &m->r1[i].p;
		}
	} else if (own_r1 && !own_r0) {
		i = mob_r0kh_by_id(m, msg->r0kh_id, msg->r0kh_id_len);
		if (i >= 0 && (!memcmp(m->r0[i].k.addr, src, 6) ||
			       mob_r0kh_found(m, (size_t)i, src, msg))) {
			*key = m->r0[i].k.key;
			*r0idx = i;
			return &m->r0[i].p;
		}
	}
	return NULL;
}

int mob_seq_req(struct mob_bss *m, struct mob_rkh *r, bool r0)
{
	const struct fsrd_conf *c = m->b->gconf;
	struct rrb_tlv auth[3];
	int ret;

	if (RAND_bytes(r->p.seq_req_nonce, RRB_NONCE_LEN) != 1)
		return -EIO;
	auth[0] = (struct rrb_tlv){ RRB_T_NONCE, RRB_NONCE_LEN,
				    r->p.seq_req_nonce };
	if (r0) {
		auth[1] = (struct rrb_tlv){ RRB_T_R0KH_ID,
					    (uint16_t)r->k.id_len, r->k.id };
		auth[2] = (struct rrb_tlv){ RRB_T_R1KH_ID, 6,
					    m->b->ft.r1kh_id };
	} else {
		auth[1] = (struct rrb_tlv){ RRB_T_R0KH_ID,
					    (uint16_t)c->r0kh_id_len,
					    c->r0kh_id };
		auth[2] = (struct rrb_tlv){ RRB_T_R1KH_ID, 6, r->k.id };
	}
	ret = mob_send(m, r->k.addr, RRB_SEQ_REQ, r->k.key, auth, 3, NULL, 0);
	if (ret) {
		r->p.st.tx_fail++;
		r->p.seq_req_ms = 0;
		return ret;
	}
	r->p.seq_req_ms = ev_now_ms();
	r->p.seq_req_bcast = mob_addr_is_bcast(r->k.addr);
	m->cnt.seq_req_tx++;
	return 0;
}

static void rx_seq(struct mob_bss *m, const uint8_t *src,
		   const struct rrb_msg *msg)
{
	const char *what = msg->subtype == RRB_SEQ_REQ ? "SEQ_REQ" :
							 "SEQ_RESP";
	uint8_t plain[RRB_MAX_PAYLOAD], seqbuf[12];
	struct mob_deferred *d, **pp, *todo;
	const uint8_t *key = NULL;
	struct rrb_tlv auth[4];
	char mac[MACSTR_LEN];
	struct mob_peer *p;
	bool ours = false, kick = false;
	size_t pl;
	int ret, r0idx;

	fsrd_mac_str(src, mac);
	p = seq_peer(m, src, msg, &key, &r0idx);
	if (!p && (r0idx = mob_r0kh_by_id(m, msg->r0kh_id,
					  msg->r0kh_id_len)) >= 0 &&
	    mob_addr_is_zero(m->r0[r0idx].k.addr)) {
		/* it did not answer in time: blocked until rkh_neg_timeout */
		m->cnt.rx_dropped++;
		log_warn_rl("%s: RRB %s from %s for R0KH-ID %.*s, blocked (it did not answer in time), dropped",
			    m->b->conf->ifname, what, mac,
			    (int)msg->r0kh_id_len, (const char *)msg->r0kh_id);
		return;
	}
	if (!p) {
		m->cnt.rx_unknown_peer++;
		log_warn_rl("%s: RRB %s from %s: not a peer of this BSS (listed, learned or looked for), dropped",
			    m->b->conf->ifname, what, mac);
		return;
	}
	if (rrb_msg_open(msg, key, src, plain, sizeof(plain), &pl)) {
		m->cnt.rx_auth_fail++;
		mob_peer_refused(p, "does not verify (wrong key?)");
		log_warn_rl("%s: RRB %s from %s does not verify (wrong key?), dropped",
			    m->b->conf->ifname, what, mac);
		return;
	}
	if (msg->subtype == RRB_SEQ_REQ) {
		peer_taken(p);
		if (mob_auth_tlvs(p, msg->nonce, msg->r0kh_id,
				  msg->r0kh_id_len, msg->r1kh_id, seqbuf, auth))
			return;
		ret = mob_send(m, src, RRB_SEQ_RESP, key, auth, 4, NULL, 0);
		if (ret)
			p->st.tx_fail++;
		if (ret)
			log_warn_rl("%s: RRB SEQ_RESP to %s not sent: %s",
				    m->b->conf->ifname, mac, strerror(-ret));
		else
			m->cnt.seq_resp_tx++;
		return;
	}
	/* SEQ_RESP: it must answer one of our SEQ_REQs: one for held
	 * frames, or the one sent before a PULL (mob_seq_req) */
	queue_prune(p);
	for (d = p->queue; d; d = d->next)
		if (!CRYPTO_memcmp(d->nonce, msg->nonce, RRB_NONCE_LEN))
			break;
	if (!d && p->seq_req_ms &&
	    ev_now_ms() - p->seq_req_ms <= RRB_SEQ_TIMEOUT_S * 1000 &&
	    !CRYPTO_memcmp(p->seq_req_nonce, msg->nonce, RRB_NONCE_LEN)) {
		ours = true;
		kick = p->seq_req_bcast;
		p->seq_req_ms = 0;
	}
	if (!d && !ours) {
		m->cnt.rx_dropped++;
		mob_peer_refused(p, "SEQ_RESP to no request of ours");
		log_warn_rl("%s: RRB SEQ_RESP from %s answers no request of ours, dropped",
			    m->b->conf->ifname, mac);
		return;
	}
	m->cnt.seq_resp_rx++;
	peer_taken(p);
	rrb_seq_resync(&p->rx, &msg->seq, ev_now_ms() / 1000, p->queued);
	/* run every held frame once more, in arrival order, never deferred
	 * again (as hostapd) */
	todo = NULL;
	while (p->queue) {
		d = p->queue;
		p->queue = d->next;
		d->next = todo;
		todo = d;
	}
	p->queued = 0;
	for (pp = &todo; (d = *pp);) {
		struct rrb_msg held;

		*pp = d->next;
		if (!rrb_msg_parse(d->subtype, d->payload, d->len, &held) &&
		    held.subtype != RRB_SEQ_REQ && held.subtype != RRB_SEQ_RESP)
			rx_msg(m, d->src, &held, true);
		deferred_free(d);
	}
	/* the R0KH a PULL waits on was looked for and is known now: no
	 * need to wait for the PULL's timer (hostapd drops a PULL that came
	 * to the broadcast address from an R1KH it has no window for) */
	if (kick && r0idx >= 0)
		mob_pull_kick(m, (size_t)r0idx);
}

static void rx_frame(struct mob_bss *m, const uint8_t *buf, size_t len)
{
	struct rrb_frame f;
	struct rrb_msg msg;
	char mac[MACSTR_LEN];
	int ret;

	ret = rrb_frame_parse(buf, len, &f);
	if (ret == -EPROTO)
		return;	/* another protocol of the OUI Extended EtherType */
	if (!ret && memcmp(f.dst, m->b->addr, 6) && !(f.dst[0] & 1))
		return;	/* for another station of the segment */
	m->cnt.rx++;
	if (ret) {
		m->cnt.rx_malformed++;
		log_warn_rl("%s: RRB frame of %zu octets refused: %s",
			    m->b->conf->ifname, len, strerror(-ret));
		return;
	}
	fsrd_mac_str(f.src, mac);
	if ((f.dst[0] & 1) && f.subtype != RRB_PULL &&
	    f.subtype != RRB_SEQ_REQ) {
		/* hostapd's wildcard r0kh: a SEQ_REQ, then a PULL, to the
		 * broadcast address; nothing else goes to a group */
		m->cnt.rx_unsupported++;
		log_warn_rl("%s: RRB frame (subtype %u) from %s to a group address: only a PULL or SEQ_REQ may be, dropped",
			    m->b->conf->ifname, f.subtype, mac);
		return;
	}
	ret = rrb_msg_parse(f.subtype, f.payload, f.payload_len, &msg);
	if (ret) {
		m->cnt.rx_malformed++;
		log_warn_rl("%s: RRB frame (subtype %u) from %s refused: malformed",
			    m->b->conf->ifname, f.subtype, mac);
		return;
	}
	if ((f.dst[0] & 1) && (f.src[0] & 1 ||
			       msg.r0kh_id_len != m->b->gconf->r0kh_id_len ||
			       memcmp(msg.r0kh_id, m->b->gconf->r0kh_id,
				      msg.r0kh_id_len))) {
		/* a PULL or SEQ_REQ looking for another R0KH on the whole
		 * DS: not for us, and every AP of the segment sees it */
		m->cnt.rx_group_ignored++;
		return;
	}
	if (f.subtype == RRB_SEQ_REQ || f.subtype == RRB_SEQ_RESP)
		rx_seq(m, f.src, &msg);
	else
		rx_msg(m, f.src, &msg, false);
}

static void rx_ready(int fd, void *arg)
{
	struct mob_bss *m = arg;
	uint8_t buf[RRB_MAX_FRAME + 1];
	unsigned int n;

	(void)fd;
	/* a bounded batch per wake-up: the event loop serves the rest */
	for (n = 0; n < 64; n++) {
		ssize_t len = rrb_sock_recv(m->fd, buf, sizeof(buf));

		if (len == -EAGAIN)
			break;
		if (len == -EMSGSIZE) {
			m->cnt.rx++;
			m->cnt.rx_malformed++;
			log_warn_rl("%s: RRB frame longer than %d octets refused",
				    m->b->conf->ifname, RRB_MAX_FRAME);
			continue;
		}
		if (len < 0)
			continue;
		rx_frame(m, buf, (size_t)len);
	}
	OPENSSL_cleanse(buf, sizeof(buf));
}

/* n lines into table t, in their order; the wildcard one apart. */
static void lines_copy(struct mob_rkh *t, struct fsrd_rkh *wild,
		       bool *have_wild, const struct fsrd_rkh *lines, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (lines[i].wildcard) {
			*wild = lines[i];
			*have_wild = true;
			continue;
		}
		t[k].k = lines[i];
		t[k++].used = true;
	}
}

static void peers_copy(struct mob_bss *m, const struct fsrd_bss_conf *bc)
{
	lines_copy(m->r0, &m->r0_wild, &m->have_r0_wild, bc->r0kh,
		   bc->n_r0kh);
	lines_copy(m->r1, &m->r1_wild, &m->have_r1_wild, bc->r1kh,
		   bc->n_r1kh);
}

int mobility_bss_start(struct fsrd_bss *b)
{
	const struct fsrd_bss_conf *bc = b->conf;
	struct mob_bss *m;
	unsigned int i;
	int ret;

	if (!b->wconf.ft || (!bc->n_r0kh && !bc->n_r1kh))
		return 0;
	for (i = 0; i < FSRD_MAX_BSS && all[i]; i++)
		;
	if (i == FSRD_MAX_BSS)
		return -ENOSPC;
	m = calloc(1, sizeof(*m));
	if (!m)
		return -ENOMEM;
	m->b = b;
	peers_copy(m, bc);
	m->ifindex = (int)if_nametoindex(bc->rrb_ifname);
	if (!m->ifindex) {
		ret = -ENODEV;
		goto fail;
	}
	m->fd = rrb_sock_open(m->ifindex);
	if (m->fd < 0) {
		ret = m->fd;
		goto fail;
	}
	ret = ev_add_fd(m->fd, rx_ready, m);
	if (ret) {
		close(m->fd);
		goto fail;
	}
	ret = mob_ds_open(m);
	if (ret) {
		ev_del_fd(m->fd);
		close(m->fd);
		goto fail;
	}
	all[i] = m;
	log_info("bss %s: R0KH/R1KH key transport on %s: %zu r0kh, %zu r1kh%s%s, push %s, FT over the DS %s",
		 bc->name, bc->rrb_ifname, bc->n_r0kh - m->have_r0_wild,
		 bc->n_r1kh - m->have_r1_wild,
		 m->have_r0_wild ? ", wildcard r0kh" : "",
		 m->have_r1_wild ? ", wildcard r1kh" : "",
		 bc->pmk_r1_push ? "on" : "off",
		 bc->ft_over_ds ? "on" : "off");
	return 0;
fail:
	OPENSSL_cleanse(m, sizeof(*m));
	free(m);
	return ret;
}

void mobility_bss_stop(struct fsrd_bss *b)
{
	unsigned int i, j;

	for (i = 0; i < FSRD_MAX_BSS; i++) {
		struct mob_bss *m = all[i];

		if (!m || m->b != b)
			continue;
		ev_del_fd(m->fd);
		close(m->fd);
		mob_ds_close(m);
		mob_pull_stop(m);
		for (j = 0; j < MOB_RKH_MAX; j++) {
			queue_flush(&m->r0[j].p);
			queue_flush(&m->r1[j].p);
		}
		OPENSSL_cleanse(m, sizeof(*m));
		free(m);
		all[i] = NULL;
	}
}
