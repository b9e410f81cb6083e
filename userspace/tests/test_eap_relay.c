// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the 802.1X authenticator (fsrd/eap/eap_relay.c) with a fake
 * station, a fake RADIUS server and fake timers: every output of the
 * state machine is recorded and checked; then the real RADIUS client
 * against a UDP server on loopback (this test signs its replies).
 */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eap/eap_relay.h"
#include "radius/radius_auth.h"
#include "tap.h"

#define MAX_FRAMES	64

struct frame {
	uint8_t b[EAPOL_HDR_LEN + EAP_RELAY_EAP_SRV_MAX];
	size_t len;
};

struct fake {
	struct frame fr[MAX_FRAMES];
	unsigned int n_frames;
	/* RADIUS */
	struct radius_msg req;		/* last Access-Request */
	unsigned int n_req;
	int handle;			/* its address is the handle */
	bool pending;
	radius_done_fn done;
	void *done_ctx;
	unsigned int cancels;
	bool fail_send;
	/* results */
	unsigned int n_success, n_failure;
	enum eap_relay_reason why;
	uint8_t msk[RADIUS_MSK_LEN];
	struct eap_relay_attrs attrs;
	bool reauth;
	bool free_on_result;
	struct eap_relay *s;
	/* timers: armed ms, 0 = not armed */
	unsigned int timer[EAP_RELAY_TIMERS];
	char trace[16384];
	char trace_msg[16384];		/* the per-message lines only */
	bool stop_loop_on_frame;
};

static int f_send(void *ctx, const uint8_t *b, size_t len)
{
	struct fake *f = ctx;

	/* a ring: the fuzz test sends more than MAX_FRAMES */
	if (len <= sizeof(f->fr[0].b)) {
		memcpy(f->fr[f->n_frames % MAX_FRAMES].b, b, len);
		f->fr[f->n_frames % MAX_FRAMES].len = len;
	}
	f->n_frames++;
	if (f->stop_loop_on_frame)
		ev_stop();
	return 0;
}

static void *f_radius_send(void *ctx, const struct radius_msg *m,
			   radius_done_fn done, void *done_ctx)
{
	struct fake *f = ctx;

	if (f->fail_send)
		return NULL;
	f->req = *m;
	f->n_req++;
	f->pending = true;
	f->done = done;
	f->done_ctx = done_ctx;
	return &f->handle;
}

static void f_radius_cancel(void *ctx, void *h)
{
	struct fake *f = ctx;

	if (h == &f->handle && f->pending) {
		f->pending = false;
		f->cancels++;
	}
}

static void f_success(void *ctx, const struct eap_relay_success *r)
{
	struct fake *f = ctx;

	f->n_success++;
	memcpy(f->msk, r->msk, r->msk_len);
	f->attrs = *r->attrs;
	f->reauth = r->reauth;
	if (f->free_on_result) {
		eap_relay_free(f->s);
		f->s = NULL;
	}
}

static void f_failure(void *ctx, enum eap_relay_reason why)
{
	struct fake *f = ctx;

	f->n_failure++;
	f->why = why;
	if (f->free_on_result) {
		eap_relay_free(f->s);
		f->s = NULL;
	}
}

static void f_trace(void *ctx, const char *line, bool per_message)
{
	struct fake *f = ctx;
	size_t n = strlen(f->trace);

	snprintf(f->trace + n, sizeof(f->trace) - n, "%s\n", line);
	if (per_message) {
		n = strlen(f->trace_msg);
		snprintf(f->trace_msg + n, sizeof(f->trace_msg) - n, "%s\n",
			 line);
	}
}

static void f_timer(void *ctx, enum eap_relay_timer t, unsigned int ms)
{
	struct fake *f = ctx;

	f->timer[t] = ms;
}

static const struct eap_relay_ops ops = {
	.send_eapol = f_send,
	.radius_send = f_radius_send,
	.radius_cancel = f_radius_cancel,
	.success = f_success,
	.failure = f_failure,
	.trace = f_trace,
	.timer = f_timer,
};

static struct eap_relay_conf conf;
static const struct eap_relay_sta sta = {
	.sta = { 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 },
	.bssid = { 0x0a, 0xbb, 0xcc, 0xdd, 0xee, 0xff },
	.ssid = "fsr-eap",
	.ssid_len = 7,
	.acct_session_id = "5F3A0001",
	.first_id = 200,
};

static struct eap_relay *new_session(struct fake *f)
{
	memset(f, 0, sizeof(*f));
	f->s = eap_relay_new(&conf, &ops, f, &sta);
	return f->s;
}

static struct frame *last_frame(struct fake *f)
{
	return &f->fr[(f->n_frames - 1) % MAX_FRAMES];
}

/* EAPOL-EAP frame with an EAP packet (type < 0: no type octet). */
static size_t eapol_eap(uint8_t *b, uint8_t code, uint8_t id, int type,
			const void *data, size_t dlen)
{
	size_t elen = EAP_HDR_LEN + (type >= 0 ? 1 : 0) + dlen;

	b[0] = 2;
	b[1] = EAPOL_TYPE_EAP;
	b[2] = (uint8_t)(elen >> 8);
	b[3] = (uint8_t)elen;
	b[4] = code;
	b[5] = id;
	b[6] = (uint8_t)(elen >> 8);
	b[7] = (uint8_t)elen;
	if (type >= 0)
		b[8] = (uint8_t)type;
	if (dlen)
		memcpy(b + 8 + (type >= 0 ? 1 : 0), data, dlen);
	return EAPOL_HDR_LEN + elen;
}

static void sta_response(struct fake *f, uint8_t id, int type,
			 const void *data, size_t dlen)
{
	uint8_t b[EAPOL_HDR_LEN + EAP_RELAY_EAP_MAX + 64];
	size_t n = eapol_eap(b, EAP_CODE_RESPONSE, id, type, data, dlen);

	eap_relay_rx_eapol(f->s, b, n);
}

static void sta_simple(struct fake *f, uint8_t type)
{
	uint8_t b[4] = { 2, type, 0, 0 };

	eap_relay_rx_eapol(f->s, b, sizeof(b));
}

/* The outstanding request's EAP id (the last frame sent). */
static uint8_t cur_id(struct fake *f)
{
	return last_frame(f)->b[5];
}

/* Complete the pending request with a reply built by the caller. */
static void radius_reply(struct fake *f, const struct radius_msg *rep,
			 const uint8_t *msk)
{
	struct radius_result res = {
		.status = RADIUS_REPLY,
		.reply = rep,
		.msk = msk,
		.msk_len = msk ? RADIUS_MSK_LEN : 0,
		.server = "127.0.0.1:1812",
		.attempts = 1,
	};

	f->pending = false;
	f->done(f->done_ctx, &res);
}

static void radius_status(struct fake *f, enum radius_status st)
{
	struct radius_result res = { .status = st, .attempts = 9 };

	f->pending = false;
	f->done(f->done_ctx, &res);
}

static void challenge(struct fake *f, uint8_t id, uint8_t type,
		      size_t dlen, const char *state, uint32_t stimeout)
{
	static struct radius_msg m;
	uint8_t eap[EAP_RELAY_EAP_SRV_MAX];
	size_t i, elen = EAP_HDR_LEN + 1 + dlen;

	eap[0] = EAP_CODE_REQUEST;
	eap[1] = id;
	eap[2] = (uint8_t)(elen >> 8);
	eap[3] = (uint8_t)elen;
	eap[4] = type;
	for (i = 0; i < dlen; i++)
		eap[5 + i] = (uint8_t)(i * 7 + id);
	radius_msg_init(&m, RADIUS_ACCESS_CHALLENGE, 1);
	radius_msg_add_eap(&m, eap, elen);
	if (state)
		radius_msg_add_str(&m, RADIUS_ATTR_STATE, state);
	if (stimeout)
		radius_msg_add_u32(&m, RADIUS_ATTR_SESSION_TIMEOUT, stimeout);
	radius_msg_add_ma(&m);
	radius_reply(f, &m, NULL);
}

/* Concatenated EAP-Message attributes of the last Access-Request; the
 * number of attributes in *n_attr, all at most 253 octets. */
static size_t req_eap(struct fake *f, uint8_t *out, size_t max,
		      unsigned int *n_attr, bool *sizes_ok)
{
	struct radius_attr_iter it;
	const uint8_t *v;
	size_t l, n = 0;
	uint8_t t;

	*n_attr = 0;
	*sizes_ok = true;
	radius_attr_iter_init(&it);
	while (radius_attr_next(&f->req, &it, &t, &v, &l)) {
		if (t != RADIUS_ATTR_EAP_MESSAGE)
			continue;
		(*n_attr)++;
		if (l > 253 || n + l > max)
			*sizes_ok = false;
		else
			memcpy(out + n, v, l);
		n += l;
	}
	return n;
}

static bool req_str(struct fake *f, uint8_t type, const char *want)
{
	size_t l;
	const uint8_t *v = radius_msg_find(&f->req, type, &l);

	return v && l == strlen(want) && !memcmp(v, want, l);
}

static bool req_u32(struct fake *f, uint8_t type, uint32_t want)
{
	uint32_t v;

	return radius_msg_get_u32(&f->req, type, &v) && v == want;
}

static void fill_msk(uint8_t *msk)
{
	int i;

	for (i = 0; i < RADIUS_MSK_LEN; i++)
		msk[i] = (uint8_t)(0xa0 + i);
}

/* Identity exchange up to the first Access-Request. */
static void do_identity(struct fake *f, const char *user)
{
	eap_relay_start(f->s);
	sta_response(f, cur_id(f), EAP_TYPE_IDENTITY, user, strlen(user));
}

/* Accept with EAP-Success, the MSK, and optional attributes. */
static void srv_accept(struct fake *f, uint8_t id, uint32_t stimeout,
		   int term_action, bool with_msk)
{
	static struct radius_msg m;
	uint8_t eap[4] = { EAP_CODE_SUCCESS, id, 0, 4 }, msk[RADIUS_MSK_LEN];

	radius_msg_init(&m, RADIUS_ACCESS_ACCEPT, 1);
	radius_msg_add_eap(&m, eap, sizeof(eap));
	if (stimeout)
		radius_msg_add_u32(&m, RADIUS_ATTR_SESSION_TIMEOUT, stimeout);
	if (term_action >= 0)
		radius_msg_add_u32(&m, RADIUS_ATTR_TERMINATION_ACTION,
				   (uint32_t)term_action);
	radius_msg_add_ma(&m);
	fill_msk(msk);
	radius_reply(f, &m, with_msk ? msk : NULL);
}

static void test_station_id(void)
{
	char b[64];

	eap_relay_station_id(b, sizeof(b), sta.bssid, sta.ssid, sta.ssid_len);
	tap_str(b, "0A-BB-CC-DD-EE-FF:fsr-eap",
		"Called-Station-Id is BSSID:SSID in the RFC 3580 format");
	eap_relay_station_id(b, sizeof(b), sta.sta, NULL, 0);
	tap_str(b, "02-00-00-00-01-00", "Calling-Station-Id format");
}

static void test_full_exchange(void)
{
	struct fake f;
	struct frame *fr;
	uint8_t big[1200], got[4096], msk[RADIUS_MSK_LEN];
	static struct radius_msg m;
	unsigned int nattr;
	bool sizes_ok;
	size_t n, l, i;
	const uint8_t *v;
	uint8_t eap_id;
	char hex[8];

	new_session(&f);
	eap_relay_start(f.s);
	fr = last_frame(&f);
	tap_ok(f.n_frames == 1 && fr->len == 9 && fr->b[0] == 2 &&
	       fr->b[1] == EAPOL_TYPE_EAP && fr->b[3] == 5 &&
	       fr->b[4] == EAP_CODE_REQUEST && fr->b[5] == 200 &&
	       fr->b[7] == 5 && fr->b[8] == EAP_TYPE_IDENTITY,
	       "association: EAP-Request/Identity (id 200) sent at once");
	tap_ok(f.timer[EAP_RELAY_TIMER_TX] == 3000 &&
	       eap_relay_get_state(f.s) == EAP_RELAY_IDENTITY,
	       "identity retransmission timer armed (3 s)");

	sta_response(&f, 200, EAP_TYPE_IDENTITY, "alice", 5);
	tap_ok(f.n_req == 1 && f.pending &&
	       radius_msg_code(&f.req) == RADIUS_ACCESS_REQUEST &&
	       eap_relay_get_state(f.s) == EAP_RELAY_RADIUS &&
	       f.timer[EAP_RELAY_TIMER_TX] == 0,
	       "Identity response relayed as an Access-Request");
	tap_ok(req_str(&f, RADIUS_ATTR_USER_NAME, "alice") &&
	       req_str(&f, RADIUS_ATTR_CALLED_STATION_ID,
		       "0A-BB-CC-DD-EE-FF:fsr-eap") &&
	       req_str(&f, RADIUS_ATTR_CALLING_STATION_ID,
		       "02-00-00-00-01-00") &&
	       req_str(&f, RADIUS_ATTR_NAS_IDENTIFIER, "ap1.test") &&
	       req_str(&f, RADIUS_ATTR_ACCT_SESSION_ID, "5F3A0001") &&
	       req_u32(&f, RADIUS_ATTR_NAS_PORT_TYPE, 19) &&
	       req_u32(&f, RADIUS_ATTR_FRAMED_MTU, 1400) &&
	       req_u32(&f, RADIUS_ATTR_SERVICE_TYPE, 2) &&
	       !radius_msg_find(&f.req, RADIUS_ATTR_STATE, &l),
	       "Access-Request: User-Name, Called/Calling-Station-Id, NAS-Identifier, NAS-Port-Type 19, Framed-MTU 1400, Service-Type Framed, no State");
	v = radius_msg_find(&f.req, RADIUS_ATTR_MESSAGE_AUTHENTICATOR, &l);
	tap_ok(v && l == 16, "Access-Request carries a Message-Authenticator");
	n = req_eap(&f, got, sizeof(got), &nattr, &sizes_ok);
	tap_ok(n == 10 && nattr == 1 && got[0] == EAP_CODE_RESPONSE &&
	       got[1] == 200 && got[4] == 1 && !memcmp(got + 5, "alice", 5),
	       "EAP-Message is the EAP-Response/Identity, unchanged");
	tap_ok(strstr(f.trace, "Identity 'alice' received") != NULL,
	       "trace: identity received");
	tap_ok(strstr(f.trace_msg, "Identity 'alice' received") &&
	       strstr(f.trace_msg, "relayed in an Access-Request"),
	       "trace: identity and relayed response are per-message lines (debug)");

	/* challenge 1: PEAP start with a State */
	challenge(&f, 201, 25, 1, "state-1", 0);
	fr = last_frame(&f);
	tap_ok(f.n_frames == 2 && fr->len == 4 + 6 && fr->b[4] == 1 &&
	       fr->b[5] == 201 && fr->b[8] == 25 &&
	       eap_relay_get_state(f.s) == EAP_RELAY_STA &&
	       f.timer[EAP_RELAY_TIMER_TX] == 3000,
	       "Access-Challenge relayed to the station, supplicant timer armed");
	tap_ok(strstr(f.trace, "Access-Challenge relayed") != NULL,
	       "trace: challenge relayed");

	/* a 1200-octet response: split over EAP-Message attributes */
	for (i = 0; i < sizeof(big); i++)
		big[i] = (uint8_t)i;
	sta_response(&f, 201, 25, big, sizeof(big));
	n = req_eap(&f, got, sizeof(got), &nattr, &sizes_ok);
	tap_ok(f.n_req == 2 && n == 1205 && nattr == 5 && sizes_ok &&
	       got[1] == 201 && !memcmp(got + 5, big, sizeof(big)),
	       "a 1205-octet EAP-Response goes in 5 EAP-Message attributes of <= 253 octets");
	tap_ok(req_str(&f, RADIUS_ATTR_STATE, "state-1") &&
	       req_str(&f, RADIUS_ATTR_USER_NAME, "alice"),
	       "State of the last challenge echoed, User-Name kept");

	/* challenge 2: 1000 octets over 4 attributes, reassembled */
	challenge(&f, 202, 25, 995, "state-2", 0);
	fr = last_frame(&f);
	for (i = 0; i < 995; i++)
		if (fr->b[9 + i] != (uint8_t)(i * 7 + 202))
			break;
	tap_ok(fr->len == 4 + 1000 && fr->b[2] == 1000 >> 8 &&
	       fr->b[3] == (1000 & 0xff) && fr->b[6] == 1000 >> 8 &&
	       fr->b[7] == (1000 & 0xff) && i == 995,
	       "a 1000-octet EAP-Request in 4 attributes reassembled into one EAPOL frame");
	sta_response(&f, 202, 25, "x", 1);
	tap_ok(req_str(&f, RADIUS_ATTR_STATE, "state-2"),
	       "the newest State echoed");
	/* challenge 3 (inner method) and the Accept */
	challenge(&f, 203, 25, 40, "state-3", 0);
	sta_response(&f, 203, 25, "y", 1);
	tap_ok(f.n_req == 4 && f.n_success == 0, "four round trips");

	fill_msk(msk);
	radius_msg_init(&m, RADIUS_ACCESS_ACCEPT, 1);
	radius_msg_add_eap(&m, (uint8_t[]){ 3, 203, 0, 4 }, 4);
	radius_msg_add_u32(&m, RADIUS_ATTR_SESSION_TIMEOUT, 3600);
	radius_msg_add_u32(&m, RADIUS_ATTR_TERMINATION_ACTION, 1);
	radius_msg_add_u32(&m, RADIUS_ATTR_ACCT_INTERIM_INTERVAL, 600);
	radius_msg_add_str(&m, RADIUS_ATTR_CLASS, "class-a");
	radius_msg_add_str(&m, RADIUS_ATTR_CLASS, "class-b");
	radius_msg_add_str(&m, RADIUS_ATTR_USER_NAME, "alice@example.org");
	radius_msg_add(&m, RADIUS_ATTR_TUNNEL_TYPE, (uint8_t[]){ 1, 0, 0, 13 },
		       4);
	radius_msg_add(&m, RADIUS_ATTR_TUNNEL_MEDIUM_TYPE,
		       (uint8_t[]){ 1, 0, 0, 6 }, 4);
	radius_msg_add(&m, RADIUS_ATTR_TUNNEL_PRIVATE_GROUP_ID,
		       (uint8_t[]){ 1, '4', '2' }, 3);
	radius_msg_add_ma(&m);
	radius_reply(&f, &m, msk);
	fr = last_frame(&f);
	tap_ok(f.n_success == 1 && f.n_failure == 0 &&
	       !memcmp(f.msk, msk, sizeof(msk)) && !f.reauth,
	       "Access-Accept: success reported with the 64-octet MSK");
	tap_ok(fr->len == 8 && fr->b[4] == EAP_CODE_SUCCESS &&
	       fr->b[5] == 203 && fr->b[7] == 4,
	       "EAP-Success (id 203) sent to the station");
	tap_ok(eap_relay_get_state(f.s) == EAP_RELAY_AUTHENTICATED &&
	       eap_relay_authorized(f.s) &&
	       f.timer[EAP_RELAY_TIMER_SESSION] == 3600000 &&
	       f.timer[EAP_RELAY_TIMER_TX] == 0,
	       "authorized; reauthentication timer at Session-Timeout");
	tap_ok(f.attrs.has_session_timeout && f.attrs.session_timeout == 3600 &&
	       f.attrs.has_termination_action &&
	       f.attrs.termination_action == 1 &&
	       f.attrs.has_acct_interim_interval &&
	       f.attrs.acct_interim_interval == 600 && f.attrs.n_class == 2 &&
	       f.attrs.class_len[1] == 7 &&
	       !memcmp(f.attrs.class_val[1], "class-b", 7) &&
	       !strcmp(f.attrs.user_name, "alice@example.org"),
	       "Session-Timeout, Termination-Action, Acct-Interim-Interval, Class x2, User-Name kept");
	tap_ok(f.attrs.has_tunnel && f.attrs.tunnel_type == 13 &&
	       f.attrs.tunnel_medium_type == 6 &&
	       !strcmp(f.attrs.tunnel_group_id, "42") && f.attrs.vlan_id == 42,
	       "tagged Tunnel-* attributes: VLAN 42 reported");
	tap_ok(strstr(f.trace, "Access-Accept: EAP-Success sent, MSK derived") !=
	       NULL, "trace: Access-Accept, EAP-Success, MSK derived");
	tap_ok(strstr(f.trace_msg, "Access-Challenge relayed") &&
	       !strstr(f.trace_msg, "EAP-Success"),
	       "trace: challenges per-message (debug), the outcome not (info)");
	for (i = 0; i < RADIUS_MSK_LEN; i++) {
		snprintf(hex, sizeof(hex), "%02x", msk[i]);
		if (i + 1 < RADIUS_MSK_LEN)
			snprintf(hex + 2, sizeof(hex) - 2, "%02x", msk[i + 1]);
		if (strcasestr(f.trace, hex))
			break;
	}
	tap_ok(i == RADIUS_MSK_LEN, "no MSK bytes in the trace");
	tap_ok(eap_relay_stats(f.s)->access_requests == 4 &&
	       eap_relay_stats(f.s)->challenges == 3 &&
	       eap_relay_stats(f.s)->successes == 1,
	       "counters: 4 Access-Requests, 3 challenges, 1 success");
	/* EAPOL-Key after success is wpa_auth's */
	sta_simple(&f, EAPOL_TYPE_KEY);
	tap_ok(eap_relay_stats(f.s)->eapol_key == 1 &&
	       eap_relay_get_state(f.s) == EAP_RELAY_AUTHENTICATED,
	       "EAPOL-Key counted and ignored");
	/* a late response after success */
	eap_id = 203;
	sta_response(&f, eap_id, 25, "z", 1);
	tap_ok(eap_relay_stats(f.s)->unexpected == 1 && f.n_req == 4,
	       "EAP-Response after EAP-Success dropped");
	eap_relay_free(f.s);
}

static void test_reject(void)
{
	struct fake f;
	static struct radius_msg m;
	struct frame *fr;

	new_session(&f);
	do_identity(&f, "bob");
	challenge(&f, 201, 25, 10, "s", 0);
	sta_response(&f, 201, 25, "a", 1);
	radius_msg_init(&m, RADIUS_ACCESS_REJECT, 1);
	radius_msg_add_eap(&m, (uint8_t[]){ 4, 201, 0, 4 }, 4);
	radius_msg_add_ma(&m);
	radius_reply(&f, &m, NULL);
	fr = last_frame(&f);
	tap_ok(f.n_failure == 1 && f.why == EAP_RELAY_REJECT &&
	       f.n_success == 0 && fr->len == 8 &&
	       fr->b[4] == EAP_CODE_FAILURE && fr->b[5] == 201,
	       "Access-Reject: EAP-Failure sent, failure reported");
	tap_ok(eap_relay_get_state(f.s) == EAP_RELAY_IDLE &&
	       !eap_relay_authorized(f.s) &&
	       f.timer[EAP_RELAY_TIMER_TX] == 0,
	       "session idle and unauthorized after the reject");
	tap_ok(strstr(f.trace, "Access-Reject") != NULL, "trace: reject");
	eap_relay_free(f.s);

	/* reject without an EAP-Message: the authenticator makes one */
	new_session(&f);
	do_identity(&f, "bob");
	radius_msg_init(&m, RADIUS_ACCESS_REJECT, 1);
	radius_msg_add_ma(&m);
	radius_reply(&f, &m, NULL);
	fr = last_frame(&f);
	tap_ok(f.why == EAP_RELAY_REJECT && fr->b[4] == EAP_CODE_FAILURE &&
	       fr->b[5] == 200,
	       "bare Access-Reject: EAP-Failure with the response's identifier");
	eap_relay_free(f.s);
}

static void test_radius_failures(void)
{
	struct fake f;
	static struct radius_msg m;

	new_session(&f);
	do_identity(&f, "carol");
	radius_status(&f, RADIUS_TIMEOUT);
	tap_ok(f.why == EAP_RELAY_RADIUS_TIMEOUT &&
	       last_frame(&f)->b[4] == EAP_CODE_FAILURE &&
	       strstr(f.trace, "no RADIUS server answered") &&
	       eap_relay_stats(f.s)->radius_timeouts == 1,
	       "all servers dead: EAP-Failure, clear reason");
	tap_str(eap_relay_reason_str(f.why), "no RADIUS server answered",
		"reason text");
	eap_relay_free(f.s);

	new_session(&f);
	do_identity(&f, "carol");
	srv_accept(&f, 200, 0, -1, false);
	tap_ok(f.n_success == 0 && f.why == EAP_RELAY_NO_KEYS &&
	       last_frame(&f)->b[4] == EAP_CODE_FAILURE &&
	       !eap_relay_authorized(f.s),
	       "Access-Accept without MS-MPPE keys: failure, not authorized");
	eap_relay_free(f.s);

	new_session(&f);
	do_identity(&f, "carol");
	radius_msg_init(&m, RADIUS_ACCESS_CHALLENGE, 1);
	radius_msg_add_ma(&m);
	radius_reply(&f, &m, NULL);
	tap_ok(f.why == EAP_RELAY_BAD_REPLY,
	       "Access-Challenge without EAP-Message: failure");
	eap_relay_free(f.s);

	new_session(&f);
	do_identity(&f, "carol");
	radius_msg_init(&m, RADIUS_ACCESS_CHALLENGE, 1);
	/* EAP length 9 but 8 octets present */
	radius_msg_add_eap(&m, (uint8_t[]){ 1, 201, 0, 9, 25, 0, 0, 0 }, 8);
	radius_msg_add_ma(&m);
	radius_reply(&f, &m, NULL);
	tap_ok(f.why == EAP_RELAY_BAD_REPLY && f.n_frames == 2,
	       "Access-Challenge with a bad EAP length: failure, nothing relayed");
	eap_relay_free(f.s);

	new_session(&f);
	f.fail_send = true;
	do_identity(&f, "carol");
	tap_ok(f.why == EAP_RELAY_RADIUS_ERROR && f.n_failure == 1,
	       "Access-Request not sent: failure reported");
	eap_relay_free(f.s);
}

static void test_identity_timeout(void)
{
	struct fake f;
	struct frame first;

	new_session(&f);
	eap_relay_start(f.s);
	first = f.fr[0];
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_TX);
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_TX);
	tap_ok(f.n_frames == 3 && f.fr[1].len == first.len &&
	       !memcmp(f.fr[1].b, first.b, first.len) &&
	       !memcmp(f.fr[2].b, first.b, first.len) &&
	       f.timer[EAP_RELAY_TIMER_TX] == 3000,
	       "EAP-Request/Identity retransmitted with the same identifier");
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_TX);
	tap_ok(f.n_failure == 1 && f.why == EAP_RELAY_IDENTITY_TIMEOUT &&
	       f.n_frames == 4 && f.fr[3].b[4] == EAP_CODE_FAILURE &&
	       eap_relay_stats(f.s)->identity_retx == 2,
	       "3 tries without an answer: identity timeout");
	/* a response now is dropped */
	sta_response(&f, 200, EAP_TYPE_IDENTITY, "late", 4);
	tap_ok(f.n_req == 0 && eap_relay_stats(f.s)->unexpected == 1,
	       "late Identity response dropped");
	eap_relay_free(f.s);
}

static void test_supplicant_timeout(void)
{
	struct fake f;

	new_session(&f);
	do_identity(&f, "dave");
	challenge(&f, 201, 25, 30, "s", 5);
	tap_ok(f.timer[EAP_RELAY_TIMER_TX] == 5000,
	       "Session-Timeout in an Access-Challenge sets the supplicant timeout");
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_TX);
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_TX);
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_TX);
	tap_ok(f.n_frames == 5 && f.fr[4].len == f.fr[1].len &&
	       !memcmp(f.fr[4].b, f.fr[1].b, f.fr[1].len) &&
	       eap_relay_stats(f.s)->sta_req_retx == 3,
	       "relayed request retransmitted unchanged (4 tries)");
	/* the station answers at the last moment */
	sta_response(&f, 201, 25, "r", 1);
	tap_ok(f.n_req == 2 && f.n_failure == 0,
	       "answer to a retransmission relayed once");
	challenge(&f, 202, 25, 30, "s", 0);
	tap_ok(f.timer[EAP_RELAY_TIMER_TX] == 3000,
	       "next request back to the configured timeout");
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_TX);
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_TX);
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_TX);
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_TX);
	tap_ok(f.n_failure == 1 && f.why == EAP_RELAY_STA_TIMEOUT &&
	       last_frame(&f)->b[4] == EAP_CODE_FAILURE && !f.pending,
	       "station silent: supplicant timeout, EAP-Failure");
	eap_relay_free(f.s);
}

static void test_identifiers(void)
{
	struct fake f;

	new_session(&f);
	eap_relay_start(f.s);
	sta_response(&f, 199, EAP_TYPE_IDENTITY, "eve", 3);
	tap_ok(f.n_req == 0 && eap_relay_stats(f.s)->wrong_id == 1,
	       "Identity response with a wrong identifier dropped and counted");
	sta_response(&f, 200, EAP_TYPE_IDENTITY, "eve", 3);
	sta_response(&f, 200, EAP_TYPE_IDENTITY, "eve", 3);
	sta_response(&f, 200, EAP_TYPE_IDENTITY, "eve", 3);
	tap_ok(f.n_req == 1 && eap_relay_stats(f.s)->duplicates == 2,
	       "retransmitted response while the server thinks: not relayed again");
	sta_response(&f, 17, 25, "x", 1);
	tap_ok(f.n_req == 1 && eap_relay_stats(f.s)->wrong_id == 2,
	       "other identifier while the server thinks: dropped");
	challenge(&f, 201, 25, 30, "s", 0);
	sta_response(&f, 200, EAP_TYPE_IDENTITY, "eve", 3);
	tap_ok(f.n_req == 1 && eap_relay_stats(f.s)->duplicates == 3,
	       "late copy of the previous response: duplicate, not relayed");
	sta_response(&f, 202, 25, "x", 1);
	tap_ok(f.n_req == 1 && eap_relay_stats(f.s)->wrong_id == 3,
	       "response ahead of the request: wrong identifier");
	sta_response(&f, 201, 25, "x", 1);
	tap_ok(f.n_req == 2 && f.pending, "the right identifier is relayed");
	eap_relay_free(f.s);
	tap_ok(f.cancels == 1, "free cancels the outstanding Access-Request");
}

static void test_start_logoff(void)
{
	struct fake f;

	new_session(&f);
	eap_relay_start(f.s);
	sta_simple(&f, EAPOL_TYPE_START);
	tap_ok(f.n_frames == 2 && f.fr[1].b[5] == 200 &&
	       eap_relay_stats(f.s)->eapol_start == 1,
	       "EAPOL-Start crossing the first Identity request: same request again");
	sta_response(&f, 200, EAP_TYPE_IDENTITY, "frank", 5);
	challenge(&f, 201, 25, 30, "s1", 0);
	sta_response(&f, 201, 25, "x", 1);
	tap_ok(f.pending, "exchange under way");
	sta_simple(&f, EAPOL_TYPE_START);
	tap_ok(f.cancels == 1 && !f.pending &&
	       eap_relay_get_state(f.s) == EAP_RELAY_IDENTITY &&
	       last_frame(&f)->b[8] == EAP_TYPE_IDENTITY &&
	       last_frame(&f)->b[5] == 202,
	       "EAPOL-Start mid-exchange: Access-Request cancelled, new Identity request (new id)");
	sta_response(&f, 201, 25, "x", 1);
	tap_ok(f.n_req == 2, "response to the abandoned request dropped");
	sta_response(&f, 202, EAP_TYPE_IDENTITY, "frank", 5);
	tap_ok(f.n_req == 3 && !radius_msg_find(&f.req, RADIUS_ATTR_STATE,
						&(size_t){ 0 }),
	       "restarted exchange sends no stale State");
	challenge(&f, 203, 25, 30, "s2", 0);
	sta_response(&f, 203, 25, "x", 1);
	srv_accept(&f, 203, 0, -1, true);
	tap_ok(f.n_success == 1 && f.timer[EAP_RELAY_TIMER_SESSION] == 0,
	       "restarted exchange succeeds; no session timer without Session-Timeout");
	sta_simple(&f, EAPOL_TYPE_LOGOFF);
	tap_ok(f.n_failure == 1 && f.why == EAP_RELAY_LOGOFF &&
	       !eap_relay_authorized(f.s) &&
	       last_frame(&f)->b[4] == EAP_CODE_SUCCESS,
	       "EAPOL-Logoff: logoff reported, unauthorized, no EAP-Failure");
	sta_simple(&f, EAPOL_TYPE_LOGOFF);
	tap_ok(f.n_failure == 1 && eap_relay_stats(f.s)->eapol_logoff == 2,
	       "second Logoff: counted, nothing to report");
	/* Logoff while the server thinks */
	do_identity(&f, "frank");
	sta_simple(&f, EAPOL_TYPE_LOGOFF);
	tap_ok(f.n_failure == 2 && f.cancels == 2 && !f.pending &&
	       eap_relay_get_state(f.s) == EAP_RELAY_IDLE,
	       "Logoff mid-exchange cancels the Access-Request");
	eap_relay_free(f.s);
}

static void test_malformed(void)
{
	struct fake f;
	uint8_t b[EAPOL_HDR_LEN + EAP_RELAY_EAP_MAX + 64];
	static uint8_t zero[EAP_RELAY_EAP_MAX];
	char big[300];
	size_t n;
	unsigned int i, seed = 1, sent = 0;
	const struct eap_relay_stats *st;

	new_session(&f);
	eap_relay_start(f.s);
	st = eap_relay_stats(f.s);
	eap_relay_rx_eapol(f.s, b, 0);
	eap_relay_rx_eapol(f.s, (uint8_t[]){ 2, 0, 0 }, 3);
	tap_ok(st->malformed == 2, "frames shorter than the EAPOL header dropped");
	n = eapol_eap(b, EAP_CODE_RESPONSE, 200, 1, "alice", 5);
	eap_relay_rx_eapol(f.s, b, n - 1);
	tap_ok(st->malformed == 3 && f.n_req == 0,
	       "truncated frame (body length past the end) dropped");
	b[6] = 0;
	b[7] = 3;
	eap_relay_rx_eapol(f.s, b, n);
	b[7] = 11;
	eap_relay_rx_eapol(f.s, b, n);
	tap_ok(st->malformed == 5 && f.n_req == 0,
	       "EAP length < 4 or past the EAPOL body dropped");
	eap_relay_rx_eapol(f.s, (uint8_t[]){ 2, 0, 0, 2, 2, 200 }, 6);
	tap_ok(st->malformed == 6, "EAPOL-EAP body shorter than an EAP header");
	n = eapol_eap(b, EAP_CODE_RESPONSE, 200, -1, NULL, 0);
	eap_relay_rx_eapol(f.s, b, n);
	tap_ok(st->malformed == 7 && f.n_req == 0,
	       "EAP-Response without a type dropped");
	n = eapol_eap(b, EAP_CODE_REQUEST, 200, 1, "x", 1);
	eap_relay_rx_eapol(f.s, b, n);
	n = eapol_eap(b, EAP_CODE_SUCCESS, 200, -1, NULL, 0);
	eap_relay_rx_eapol(f.s, b, n);
	tap_ok(st->bad_code == 2 && f.n_req == 0,
	       "EAP-Request / EAP-Success from the station dropped");
	memset(big, 'a', sizeof(big));
	sta_response(&f, 200, EAP_TYPE_IDENTITY, big, 254);
	tap_ok(st->oversize == 1 && f.n_req == 0,
	       "identity longer than a User-Name (253) dropped");
	memset(zero, 0, sizeof(zero));
	n = eapol_eap(b, EAP_CODE_RESPONSE, 200, 25, zero,
		      EAP_RELAY_EAP_MAX - 4);
	eap_relay_rx_eapol(f.s, b, n);
	tap_ok(st->oversize == 2 && f.n_req == 0,
	       "EAP-Response over 3000 octets dropped");
	eap_relay_rx_eapol(f.s, (uint8_t[]){ 2, 4, 0, 0 }, 4);
	eap_relay_rx_eapol(f.s, (uint8_t[]){ 2, 99, 0, 0 }, 4);
	tap_ok(st->eapol_other == 2, "ASF alert and unknown types ignored");
	/* padding past the body is fine; the identity stops at a NUL */
	n = eapol_eap(b, EAP_CODE_RESPONSE, 200, 1, "alice\0net=x", 11);
	memset(b + n, 0xee, 20);
	eap_relay_rx_eapol(f.s, b, n + 20);
	tap_ok(f.n_req == 1 && req_str(&f, RADIUS_ATTR_USER_NAME, "alice") &&
	       !strcmp(eap_relay_identity(f.s), "alice"),
	       "padded frame accepted; identity stops at the NUL (RFC 4284)");
	eap_relay_free(f.s);

	/* random frames in every state: no crash, no relay of garbage */
	new_session(&f);
	for (i = 0; i < 200000; i++) {
		size_t len, k;

		if (i % 5000 == 0) {
			eap_relay_start(f.s);
			if (i % 10000 == 0) {
				sta_response(&f, cur_id(&f), 1, "u", 1);
				sent++;
				challenge(&f, (uint8_t)i, 25, 20, "s", 0);
			}
		}
		seed = seed * 1103515245u + 12345u;
		len = (seed >> 16) % 48;
		n = eapol_eap(b, EAP_CODE_RESPONSE, cur_id(&f), 25, "abcdefgh",
			      8);
		for (k = 0; k < 3; k++) {
			seed = seed * 1103515245u + 12345u;
			b[(seed >> 16) % (n + 4)] = (uint8_t)(seed >> 8);
		}
		if (len > n + 4)
			len = n + 4;
		eap_relay_rx_eapol(f.s, b, len);
		sent++;
		if (f.pending && (i & 1))
			challenge(&f, (uint8_t)(i >> 1), 25, 20, "s", 0);
	}
	tap_ok(eap_relay_stats(f.s)->eapol_rx == sent && sent > 200000,
	       "200000 mutated frames processed (sanitizers watching)");
	eap_relay_free(f.s);
}

/* Random server replies: whatever reaches the station is well-formed. */
static void test_random_replies(void)
{
	static struct radius_msg m;
	uint8_t eap[600], msk[RADIUS_MSK_LEN];
	unsigned int i, seed = 7, bad = 0, relayed = 0;
	struct fake f;

	fill_msk(msk);
	new_session(&f);
	for (i = 0; i < 20000; i++) {
		static const uint8_t codes[] = { RADIUS_ACCESS_CHALLENGE,
			RADIUS_ACCESS_ACCEPT, RADIUS_ACCESS_REJECT,
			RADIUS_ACCOUNTING_RESPONSE };
		unsigned int before = f.n_frames;
		size_t len, k, elen;

		if (!f.pending)
			do_identity(&f, "fuzz");
		seed = seed * 1103515245u + 12345u;
		len = (seed >> 8) % sizeof(eap);
		elen = len;
		eap[0] = 1 + (seed >> 20) % 4;
		for (k = 1; k < len; k++) {
			seed = seed * 1103515245u + 12345u;
			eap[k] = (uint8_t)(seed >> 16);
		}
		if (len >= 4 && (seed & 3)) {	/* mostly a right length */
			eap[2] = (uint8_t)(elen >> 8);
			eap[3] = (uint8_t)elen;
		}
		radius_msg_init(&m, codes[(seed >> 12) % 4], 1);
		if (len)
			radius_msg_add_eap(&m, eap, len);
		radius_reply(&f, &m, (seed & 16) ? msk : NULL);
		if (f.n_frames > before) {
			struct frame *fr = last_frame(&f);
			size_t body = (size_t)fr->b[2] << 8 | fr->b[3];
			size_t el = (size_t)fr->b[6] << 8 | fr->b[7];

			relayed++;
			if (fr->len < 8 || body != fr->len - 4 || el != body)
				bad++;
		}
		if (f.pending)
			continue;
		if (eap_relay_get_state(f.s) == EAP_RELAY_STA)
			sta_response(&f, cur_id(&f), 25, "r", 1);
	}
	tap_ok(bad == 0 && relayed > 1000,
	       "20000 random RADIUS replies: every frame to the station is well-formed");
	eap_relay_free(f.s);
}

static void test_session_timeout(void)
{
	struct fake f;

	/* Session-Timeout without Termination-Action: session limit */
	new_session(&f);
	do_identity(&f, "gina");
	srv_accept(&f, 200, 60, -1, true);
	tap_ok(f.n_success == 1 && f.attrs.session_timeout == 60 &&
	       f.timer[EAP_RELAY_TIMER_SESSION] == 60000,
	       "Session-Timeout 60 s reported and armed");
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_SESSION);
	tap_ok(f.n_failure == 1 && f.why == EAP_RELAY_SESSION_TIMEOUT &&
	       !eap_relay_authorized(f.s) &&
	       last_frame(&f)->b[4] == EAP_CODE_SUCCESS,
	       "Session-Timeout reached: session end reported");
	eap_relay_free(f.s);

	/* Termination-Action RADIUS-Request: reauthentication */
	new_session(&f);
	do_identity(&f, "gina");
	srv_accept(&f, 200, 120, 1, true);
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_SESSION);
	tap_ok(f.n_failure == 0 && eap_relay_authorized(f.s) &&
	       eap_relay_get_state(f.s) == EAP_RELAY_IDENTITY &&
	       last_frame(&f)->b[8] == EAP_TYPE_IDENTITY &&
	       last_frame(&f)->b[5] == 201,
	       "Termination-Action RADIUS-Request: reauthentication, port stays authorized");
	sta_response(&f, 201, EAP_TYPE_IDENTITY, "gina", 4);
	challenge(&f, 202, 25, 10, "s", 0);
	sta_response(&f, 202, 25, "x", 1);
	srv_accept(&f, 202, 120, 1, true);
	tap_ok(f.n_success == 2 && f.reauth &&
	       eap_relay_stats(f.s)->reauths == 1 &&
	       f.timer[EAP_RELAY_TIMER_SESSION] == 120000,
	       "reauthentication succeeds, reported as a reauth");
	/* reauth that fails: port unauthorized */
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_SESSION);
	sta_response(&f, 203, EAP_TYPE_IDENTITY, "gina", 4);
	radius_status(&f, RADIUS_TIMEOUT);
	tap_ok(f.n_failure == 1 && !eap_relay_authorized(f.s),
	       "failed reauthentication unauthorizes the port");
	eap_relay_free(f.s);

	/* the configured period when the server says nothing */
	conf.reauth_period_s = 3600;
	new_session(&f);
	do_identity(&f, "gina");
	srv_accept(&f, 200, 0, -1, true);
	tap_ok(f.timer[EAP_RELAY_TIMER_SESSION] == 3600000,
	       "reauth_period used without Session-Timeout");
	sta_simple(&f, EAPOL_TYPE_START);
	tap_ok(eap_relay_authorized(f.s) &&
	       eap_relay_get_state(f.s) == EAP_RELAY_IDENTITY &&
	       eap_relay_stats(f.s)->reauths == 1,
	       "EAPOL-Start when authorized: reauthentication");
	eap_relay_free(f.s);
	conf.reauth_period_s = 0;
}

static void test_quiet_and_free(void)
{
	struct fake f;

	conf.quiet_period_ms = 60000;
	new_session(&f);
	do_identity(&f, "hank");
	radius_status(&f, RADIUS_TIMEOUT);
	tap_ok(eap_relay_get_state(f.s) == EAP_RELAY_HELD &&
	       f.timer[EAP_RELAY_TIMER_TX] == 60000,
	       "failure with a quiet period: held");
	sta_simple(&f, EAPOL_TYPE_START);
	tap_ok(eap_relay_stats(f.s)->held_drops == 1 && f.n_frames == 2,
	       "EAPOL-Start ignored during the quiet period");
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_TX);
	sta_simple(&f, EAPOL_TYPE_START);
	tap_ok(eap_relay_get_state(f.s) == EAP_RELAY_IDENTITY &&
	       f.n_frames == 3, "after the quiet period EAPOL-Start restarts");
	eap_relay_free(f.s);
	conf.quiet_period_ms = 0;

	/* the owner frees the session from its callbacks */
	new_session(&f);
	f.free_on_result = true;
	do_identity(&f, "ivan");
	radius_status(&f, RADIUS_TIMEOUT);
	tap_ok(f.s == NULL && f.n_failure == 1,
	       "session freed from the failure callback (ASan checks)");
	new_session(&f);
	f.free_on_result = true;
	do_identity(&f, "ivan");
	srv_accept(&f, 200, 10, -1, true);
	tap_ok(f.s == NULL && f.n_success == 1,
	       "session freed from the success callback");
	new_session(&f);
	f.free_on_result = true;
	eap_relay_start(f.s);
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_TX);
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_TX);
	eap_relay_timeout(f.s, EAP_RELAY_TIMER_TX);
	tap_ok(f.s == NULL && f.why == EAP_RELAY_IDENTITY_TIMEOUT,
	       "session freed from a timeout's failure callback");
}

static void test_independent(void)
{
	static struct fake a, b;

	new_session(&a);
	new_session(&b);
	do_identity(&a, "slow");
	do_identity(&b, "fast");
	challenge(&b, 201, 25, 10, "s", 0);
	sta_response(&b, 201, 25, "x", 1);
	srv_accept(&b, 201, 0, -1, true);
	tap_ok(b.n_success == 1 && a.pending && a.n_success == 0 &&
	       a.n_failure == 0 &&
	       eap_relay_get_state(a.s) == EAP_RELAY_RADIUS,
	       "a station waiting for RADIUS does not hold another back");
	radius_status(&a, RADIUS_TIMEOUT);
	tap_ok(a.n_failure == 1 && b.n_failure == 0 &&
	       eap_relay_authorized(b.s),
	       "its failure leaves the other session alone");
	tap_ok(eap_relay_totals()->successes >= 1 &&
	       eap_relay_totals()->access_requests >= 2,
	       "totals add up every session");
	eap_relay_free(a.s);
	eap_relay_free(b.s);
}

static void test_attrs(void)
{
	static struct radius_msg m;
	struct eap_relay_attrs a;

	radius_msg_init(&m, RADIUS_ACCESS_ACCEPT, 1);
	radius_msg_add(&m, RADIUS_ATTR_TUNNEL_TYPE, (uint8_t[]){ 0, 0, 0, 13 },
		       4);
	radius_msg_add(&m, RADIUS_ATTR_TUNNEL_MEDIUM_TYPE,
		       (uint8_t[]){ 0, 0, 0, 6 }, 4);
	radius_msg_add_str(&m, RADIUS_ATTR_TUNNEL_PRIVATE_GROUP_ID, "4094");
	eap_relay_parse_attrs(&m, &a);
	tap_ok(a.vlan_id == 4094 && !strcmp(a.tunnel_group_id, "4094"),
	       "untagged Tunnel-Private-Group-ID: VLAN 4094");

	radius_msg_init(&m, RADIUS_ACCESS_ACCEPT, 1);
	radius_msg_add(&m, RADIUS_ATTR_TUNNEL_TYPE, (uint8_t[]){ 0, 0, 0, 13 },
		       4);
	radius_msg_add(&m, RADIUS_ATTR_TUNNEL_MEDIUM_TYPE,
		       (uint8_t[]){ 0, 0, 0, 6 }, 4);
	radius_msg_add_str(&m, RADIUS_ATTR_TUNNEL_PRIVATE_GROUP_ID, "4095");
	eap_relay_parse_attrs(&m, &a);
	tap_ok(a.has_tunnel && a.vlan_id == 0 &&
	       !strcmp(a.tunnel_group_id, "4095"),
	       "VLAN 4095 is not a valid assignment (reported, vlan_id 0)");

	radius_msg_init(&m, RADIUS_ACCESS_ACCEPT, 1);
	radius_msg_add(&m, RADIUS_ATTR_TUNNEL_TYPE, (uint8_t[]){ 2, 0, 0, 3 },
		       4);
	radius_msg_add(&m, RADIUS_ATTR_TUNNEL_TYPE, (uint8_t[]){ 5, 0, 0, 13 },
		       4);
	radius_msg_add(&m, RADIUS_ATTR_TUNNEL_MEDIUM_TYPE,
		       (uint8_t[]){ 5, 0, 0, 6 }, 4);
	radius_msg_add(&m, RADIUS_ATTR_TUNNEL_PRIVATE_GROUP_ID,
		       (uint8_t[]){ 5, '1', '0', '0' }, 4);
	radius_msg_add(&m, RADIUS_ATTR_TUNNEL_PRIVATE_GROUP_ID,
		       (uint8_t[]){ 2, 'x' }, 2);
	eap_relay_parse_attrs(&m, &a);
	tap_ok(a.vlan_id == 100 && a.tunnel_type == 13,
	       "the tag group with a VLAN tunnel wins (tag 5, VLAN 100)");

	radius_msg_init(&m, RADIUS_ACCESS_ACCEPT, 1);
	radius_msg_add(&m, RADIUS_ATTR_TUNNEL_TYPE, (uint8_t[]){ 0, 0, 13 }, 3);
	radius_msg_add_str(&m, RADIUS_ATTR_TUNNEL_PRIVATE_GROUP_ID, "12a");
	radius_msg_add(&m, RADIUS_ATTR_SESSION_TIMEOUT, (uint8_t[]){ 1, 2 }, 2);
	eap_relay_parse_attrs(&m, &a);
	tap_ok(a.has_tunnel && a.vlan_id == 0 && !a.has_session_timeout,
	       "malformed Tunnel-Type / Session-Timeout values ignored");
}

/* ops->may_start: the owner's limit of new authentications asked for
 * by the station (eap_max_starts in fsrd). */
static int starts_left;
static unsigned int may_start_calls;

static bool f_may_start(void *ctx)
{
	(void)ctx;
	may_start_calls++;
	if (starts_left <= 0)
		return false;
	starts_left--;
	return true;
}

static void test_may_start(void)
{
	static struct eap_relay_ops lops;
	unsigned int frames, reqs;
	struct fake f;

	lops = ops;
	lops.may_start = f_may_start;
	memset(&f, 0, sizeof(f));
	f.s = eap_relay_new(&conf, &lops, &f, &sta);
	starts_left = 1;
	may_start_calls = 0;
	do_identity(&f, "mallory");
	challenge(&f, 201, 25, 30, "s1", 0);
	sta_response(&f, 201, 25, "x", 1);
	srv_accept(&f, 201, 0, -1, true);
	tap_ok(f.n_success == 1 && may_start_calls == 0,
	       "may_start: the association's authentication is not asked");
	sta_simple(&f, EAPOL_TYPE_START);
	tap_ok(may_start_calls == 1 &&
	       eap_relay_get_state(f.s) == EAP_RELAY_IDENTITY &&
	       last_frame(&f)->b[8] == EAP_TYPE_IDENTITY,
	       "may_start: EAPOL-Start after success, allowed: reauthentication");
	sta_response(&f, cur_id(&f), EAP_TYPE_IDENTITY, "mallory", 7);
	challenge(&f, (uint8_t)(cur_id(&f) + 1), 25, 30, "s2", 0);
	sta_response(&f, cur_id(&f), 25, "x", 1);
	srv_accept(&f, cur_id(&f), 0, -1, true);
	tap_ok(f.n_success == 2 && f.reauth, "... and it succeeds");
	frames = f.n_frames;
	reqs = f.n_req;
	sta_simple(&f, EAPOL_TYPE_START);
	sta_simple(&f, EAPOL_TYPE_START);
	tap_ok(may_start_calls == 3 && f.n_frames == frames &&
	       f.n_req == reqs && eap_relay_authorized(f.s) &&
	       eap_relay_get_state(f.s) == EAP_RELAY_AUTHENTICATED &&
	       eap_relay_stats(f.s)->starts_refused == 2,
	       "may_start refuses: EAPOL-Start ignored (nothing sent, still authorized), counted");
	tap_ok(strstr(f.trace, "EAPOL-Start ignored: no new authentication allowed now") != NULL,
	       "... and traced");
	/* mid-exchange: a reauthentication the session scheduled itself is
	 * not asked; a Start during it is */
	eap_relay_reauth(f.s);
	tap_ok(may_start_calls == 3 &&
	       eap_relay_get_state(f.s) == EAP_RELAY_IDENTITY,
	       "reauthentication by the owner: not asked");
	sta_response(&f, cur_id(&f), EAP_TYPE_IDENTITY, "mallory", 7);
	tap_ok(f.pending, "exchange under way");
	sta_simple(&f, EAPOL_TYPE_START);
	tap_ok(may_start_calls == 4 && f.pending && f.cancels == 0 &&
	       eap_relay_stats(f.s)->starts_refused == 3,
	       "EAPOL-Start mid-exchange refused: the exchange goes on, nothing cancelled");
	eap_relay_free(f.s);
}

/* The default timers: the session arms evloop.h timers itself. */
static void test_evloop_timers(void)
{
	static struct eap_relay_ops ev_ops;
	static struct eap_relay_conf c;
	struct fake f;

	ev_ops = ops;
	ev_ops.timer = NULL;
	eap_relay_conf_defaults(&c);
	c.identity_timeout_ms = 5;
	memset(&f, 0, sizeof(f));
	f.s = eap_relay_new(&c, &ev_ops, &f, &sta);
	eap_relay_start(f.s);
	f.stop_loop_on_frame = true;
	ev_run();
	tap_ok(f.n_frames == 2 && f.fr[1].len == f.fr[0].len &&
	       !memcmp(f.fr[1].b, f.fr[0].b, f.fr[0].len),
	       "evloop timer retransmits the Identity request");
	ev_run();
	ev_run();
	tap_ok(f.n_failure == 1 && f.why == EAP_RELAY_IDENTITY_TIMEOUT,
	       "evloop timer ends the exchange after 3 tries");
	eap_relay_free(f.s);
}


/* --- with the real RADIUS client and a UDP server on loopback ----------- */

static uint64_t clock_ms = 1000000;

static uint64_t fake_clock(void)
{
	return clock_ms;
}

struct udp_srv {
	int fd;
	struct sockaddr_storage addr, peer;
	socklen_t addr_len, peer_len;
	struct radius_secret sec;
	struct radius_msg last;
};

static struct radius_client *rc;

static void *rc_send(void *ctx, const struct radius_msg *m,
		     radius_done_fn done, void *done_ctx)
{
	(void)ctx;
	return radius_client_send(rc, RADIUS_KIND_AUTH, m, done, done_ctx);
}

static void rc_cancel(void *ctx, void *h)
{
	(void)ctx;
	radius_client_cancel(rc, h);
}

static bool srv_recv(struct udp_srv *u)
{
	uint8_t raw[RADIUS_MAX_LEN];
	ssize_t n;

	u->peer_len = sizeof(u->peer);
	n = recvfrom(u->fd, raw, sizeof(raw), 0, (struct sockaddr *)&u->peer,
		     &u->peer_len);
	return n > 0 && !radius_msg_parse(&u->last, raw, (size_t)n);
}

/* Sign and send a reply to u->last; bad_ma: a forged one. */
static void srv_send(struct udp_srv *u, struct radius_msg *m, bool bad_ma)
{
	const uint8_t *ra = radius_msg_auth(&u->last);
	struct radius_secret bad = u->sec;

	bad.data[0] ^= 1;
	m->buf[1] = radius_msg_id(&u->last);
	radius_msg_add_ma(m);
	radius_ma_sign(m, ra, bad_ma ? &bad : &u->sec);
	radius_resp_auth_sign(m, ra, &u->sec);
	sendto(u->fd, m->buf, m->len, 0, (struct sockaddr *)&u->peer,
	       u->peer_len);
}

static void test_with_radius_client(void)
{
	static const uint8_t k_recv[32] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	static const uint8_t k_send[32] = { 9, 10, 11, 12, 13, 14, 15 };
	static struct eap_relay_ops rops;
	static struct radius_client_conf cc;
	static struct radius_msg m;
	struct sockaddr_in in = { .sin_family = AF_INET };
	const uint8_t s1[2] = { 0x80, 1 }, s2[2] = { 0x80, 2 };
	struct udp_srv u;
	struct fake f;
	uint8_t eap[64], v[64];
	size_t vl, l;
	char err[128];
	bool ok;

	memset(&u, 0, sizeof(u));
	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	u.fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	ok = u.fd >= 0 && !bind(u.fd, (struct sockaddr *)&in, sizeof(in));
	u.addr_len = sizeof(u.addr);
	getsockname(u.fd, (struct sockaddr *)&u.addr, &u.addr_len);
	u.sec.len = 12;
	memcpy(u.sec.data, "test-secret!", 12);
	cc.auth[0].addr = u.addr;
	cc.auth[0].addr_len = u.addr_len;
	cc.auth[0].secret = u.sec;
	cc.n_auth = 1;
	cc.timeout_ms = 1000;
	cc.max_tries = 2;
	cc.dead_time_s = 30;
	snprintf(cc.nas_id, sizeof(cc.nas_id), "fsr-client");
	cc.now_ms = fake_clock;
	rc = ok ? radius_client_new(&cc, err, sizeof(err)) : NULL;
	tap_ok(rc != NULL, "RADIUS client on loopback");
	if (!rc)
		return;
	rops = ops;
	rops.radius_send = rc_send;
	rops.radius_cancel = rc_cancel;

	memset(&f, 0, sizeof(f));
	f.s = eap_relay_new(&conf, &rops, &f, &sta);
	eap_relay_start(f.s);
	sta_response(&f, 200, EAP_TYPE_IDENTITY, "alice", 5);
	ok = srv_recv(&u);
	tap_ok(ok && radius_msg_code(&u.last) == RADIUS_ACCESS_REQUEST &&
	       !radius_ma_verify(&u.last, NULL, &u.sec, true) &&
	       radius_msg_find(&u.last, RADIUS_ATTR_USER_NAME, &l) && l == 5,
	       "server gets the Access-Request with a valid Message-Authenticator");

	/* Access-Challenge with State */
	radius_msg_init(&m, RADIUS_ACCESS_CHALLENGE, 0);
	memcpy(eap, (uint8_t[]){ 1, 201, 0, 6, 25, 0x20 }, 6);
	radius_msg_add_eap(&m, eap, 6);
	radius_msg_add_str(&m, RADIUS_ATTR_STATE, "srv-state");
	srv_send(&u, &m, false);
	radius_client_input(rc);
	tap_ok(eap_relay_get_state(f.s) == EAP_RELAY_STA &&
	       last_frame(&f)->len == 10 && last_frame(&f)->b[5] == 201,
	       "verified Access-Challenge relayed to the station");
	sta_response(&f, 201, 25, "tls", 3);
	ok = srv_recv(&u);
	tap_ok(ok && radius_msg_find(&u.last, RADIUS_ATTR_STATE, &l) &&
	       l == 9 && radius_msg_find(&u.last, RADIUS_ATTR_NAS_IDENTIFIER,
					 &l),
	       "State echoed, NAS-Identifier present");

	/* a forged Access-Accept is dropped by the client */
	radius_msg_init(&m, RADIUS_ACCESS_ACCEPT, 0);
	radius_msg_add_eap(&m, (uint8_t[]){ 3, 201, 0, 4 }, 4);
	srv_send(&u, &m, true);
	radius_client_input(rc);
	tap_ok(f.n_success == 0 && eap_relay_get_state(f.s) == EAP_RELAY_RADIUS,
	       "forged Access-Accept (bad Message-Authenticator) ignored");

	/* the genuine Accept with MS-MPPE keys */
	radius_msg_init(&m, RADIUS_ACCESS_ACCEPT, 0);
	radius_msg_add_eap(&m, (uint8_t[]){ 3, 201, 0, 4 }, 4);
	radius_mppe_encrypt(v, &vl, sizeof(v), k_recv, 32, s1,
			    radius_msg_auth(&u.last), &u.sec);
	radius_msg_add_vsa(&m, RADIUS_VENDOR_MICROSOFT,
			   RADIUS_MS_MPPE_RECV_KEY, v, vl);
	radius_mppe_encrypt(v, &vl, sizeof(v), k_send, 32, s2,
			    radius_msg_auth(&u.last), &u.sec);
	radius_msg_add_vsa(&m, RADIUS_VENDOR_MICROSOFT,
			   RADIUS_MS_MPPE_SEND_KEY, v, vl);
	radius_msg_add_u32(&m, RADIUS_ATTR_SESSION_TIMEOUT, 7200);
	srv_send(&u, &m, false);
	radius_client_input(rc);
	tap_ok(f.n_success == 1 && !memcmp(f.msk, k_recv, 32) &&
	       !memcmp(f.msk + 32, k_send, 32) &&
	       last_frame(&f)->b[4] == EAP_CODE_SUCCESS &&
	       f.timer[EAP_RELAY_TIMER_SESSION] == 7200000,
	       "Access-Accept: MSK = MS-MPPE-Recv-Key || Send-Key, EAP-Success");
	eap_relay_free(f.s);

	/* server silent: the client's timeout fails the session */
	memset(&f, 0, sizeof(f));
	f.s = eap_relay_new(&conf, &rops, &f, &sta);
	do_identity(&f, "bob");
	srv_recv(&u);
	clock_ms += 1000;
	radius_client_run_timers(rc);
	srv_recv(&u);
	clock_ms += 1000;
	radius_client_run_timers(rc);
	tap_ok(f.n_failure == 1 && f.why == EAP_RELAY_RADIUS_TIMEOUT &&
	       last_frame(&f)->b[4] == EAP_CODE_FAILURE,
	       "server silent: RADIUS timeout, EAP-Failure");
	/* a session freed with a request in flight cancels it */
	do_identity(&f, "bob");
	tap_ok(radius_client_pending(rc) == 1, "request in flight");
	eap_relay_free(f.s);
	tap_ok(radius_client_pending(rc) == 0,
	       "freeing the session cancels its Access-Request");
	radius_client_free(rc);
	close(u.fd);
}

/* The session rule shared with cached sessions (sta_eap.c). */
static void test_session_rule(void)
{
	struct eap_relay_conf c = conf;
	struct eap_relay_attrs a = { .has_session_timeout = true,
				     .session_timeout = 30 };
	bool reauth = true;

	c.reauth_period_s = 3600;
	tap_ok(eap_relay_session_s(&c, &a, &reauth) == 30 && !reauth,
	       "session rule: Session-Timeout alone ends the session");
	a.has_termination_action = true;
	a.termination_action = RADIUS_TERMINATION_RADIUS_REQUEST;
	tap_ok(eap_relay_session_s(&c, &a, &reauth) == 30 && reauth,
	       "session rule: with Termination-Action RADIUS-Request, reauthentication");
	a.has_session_timeout = false;
	tap_ok(eap_relay_session_s(&c, &a, &reauth) == 3600 && reauth,
	       "session rule: no Session-Timeout, the reauthentication period");
	c.reauth_period_s = 0;
	tap_ok(eap_relay_session_s(&c, &a, &reauth) == 0 && !reauth,
	       "session rule: neither, the session lasts");
}

int main(void)
{
	eap_relay_conf_defaults(&conf);
	snprintf(conf.nas_id, sizeof(conf.nas_id), "ap1.test");
	test_station_id();
	test_full_exchange();
	test_reject();
	test_radius_failures();
	test_identity_timeout();
	test_supplicant_timeout();
	test_identifiers();
	test_start_logoff();
	test_malformed();
	test_random_replies();
	test_session_timeout();
	test_session_rule();
	test_quiet_and_free();
	test_independent();
	test_attrs();
	test_evloop_timers();
	test_may_start();
	test_with_radius_client();
	return tap_done();
}
