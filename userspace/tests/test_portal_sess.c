// SPDX-License-Identifier: GPL-2.0-only
/*
 * The AC side of the Portal protocol (fsrd/portal/portal_sess.c) with a
 * fake daemon: CHAP and PAP logins, retransmissions, logout both ways,
 * timeouts, floods and every packet it must refuse.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "portal/portal_sess.h"
#include "tap.h"

#define IP1 0x0a4d0002u
#define IP2 0x0a4d0003u
#define IP_UNKNOWN 0x0a4d00feu
#define PORT 50100	/* the portal's source port */

static uint64_t clock_ms = 1000;
static uint8_t rnd_fill;	/* next random byte */
static bool rnd_same;		/* every random call gives the same bytes */

static struct {
	uint8_t buf[PORTAL_MAX_LEN];
	size_t len;
	int server;
	uint16_t port;
} sent[64];
static int n_sent;
static int n_auth, n_cancel, n_online, n_offline;
static enum portal_end last_end;
static struct portal_login last_login;
static uint8_t last_password[64];
static uint32_t last_token;
static int auth_fail;

static int lookup(void *ctx, uint32_t ip, uint8_t mac[6])
{
	(void)ctx;
	if (ip == IP_UNKNOWN)
		return -ENOENT;
	memcpy(mac, "\x02\x00\x00\x00\x02\x00", 6);
	mac[5] = (uint8_t)ip;
	return 0;
}

static int authenticate(void *ctx, const struct portal_sess *s,
			const struct portal_login *l)
{
	(void)ctx;
	n_auth++;
	last_login = *l;
	if (l->password) {
		memcpy(last_password, l->password, l->password_len);
		last_password[l->password_len] = 0;
	}
	last_token = s->token;
	return auth_fail;
}

static void cancel(void *ctx, const struct portal_sess *s)
{
	(void)ctx;
	(void)s;
	n_cancel++;
}

static void online(void *ctx, const struct portal_sess *s)
{
	(void)ctx;
	(void)s;
	n_online++;
}

static void offline(void *ctx, const struct portal_sess *s,
		    enum portal_end why)
{
	(void)ctx;
	(void)s;
	n_offline++;
	last_end = why;
}

static void send_pkt(void *ctx, int server, uint16_t port,
		     const uint8_t *buf, size_t len)
{
	(void)ctx;
	if (n_sent < 64) {
		memcpy(sent[n_sent].buf, buf, len);
		sent[n_sent].len = len;
		sent[n_sent].server = server;
		sent[n_sent].port = port;
		n_sent++;
	}
}

static int rnd(void *ctx, uint8_t *buf, size_t len)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < len; i++)
		buf[i] = rnd_same ? 0x55 : rnd_fill++;
	return 0;
}

static uint64_t now_ms(void *ctx)
{
	(void)ctx;
	return clock_ms;
}

static int n_state, last_state_server = -1;
static bool last_up;
static unsigned int resent_waits[16], n_resent;

static void server_state(void *ctx, int server, bool up, const char *why)
{
	(void)ctx;
	(void)why;
	n_state++;
	last_state_server = server;
	last_up = up;
}

static void ntf_resent(void *ctx, int server, uint32_t ip,
		       unsigned int tries, unsigned int wait_ms)
{
	(void)ctx;
	(void)server;
	(void)ip;
	(void)tries;
	if (n_resent < 16)
		resent_waits[n_resent++] = wait_ms;
}

static const struct portal_sess_ops ops = {
	.lookup = lookup, .authenticate = authenticate, .cancel = cancel,
	.online = online, .offline = offline, .send = send_pkt,
	.server_state = server_state, .ntf_resent = ntf_resent,
	.random = rnd, .now_ms = now_ms,
};

static const struct portal_server_conf servers[2] = {
	{ PORTAL_V2, { "testing123", 10 }, 0 },
	{ PORTAL_V1, { "", 0 }, 0 },
};

static struct portal_engine *engine(size_t max_pending)
{
	struct portal_sess_conf c = {
		.max_sessions = 16, .max_pending = max_pending,
		.challenge_timeout_s = 60, .aff_timeout_s = 30,
		.bas_ip = 0x0a4d0001, .ntf_tries = 3, .ntf_backoff_ms = 2000,
	};

	n_sent = n_auth = n_cancel = n_online = n_offline = 0;
	auth_fail = 0;
	return portal_engine_new(&c, servers, 2, &ops, NULL);
}

/* The portal's side: a request to server 0 (v2, signed) or 1 (v1). */
static struct portal_builder req;

static void request(int server, uint8_t type, uint8_t auth_type,
		    uint16_t serial, uint16_t req_id, uint32_t ip)
{
	portal_build_start(&req, servers[server].version, type, auth_type,
			   serial, req_id, ip, 0);
}

/* The last packet sent, parsed (send_req and last_is update it). */
static struct portal_pkt last;

static enum portal_rx send_req(struct portal_engine *e, int server)
{
	enum portal_rx r;

	portal_build_finish(&req, NULL, &servers[server].secret);
	r = portal_sess_rx(e, server, PORT, req.buf, req.len);
	if (n_sent)
		portal_parse(sent[n_sent - 1].buf, sent[n_sent - 1].len,
			     &last);
	return r;
}

static bool last_is(uint8_t type, uint8_t err, bool check_auth)
{
	uint8_t req_auth[PORTAL_AUTH_LEN];

	if (!n_sent || portal_parse(sent[n_sent - 1].buf,
				    sent[n_sent - 1].len, &last))
		return false;
	memcpy(req_auth, req.buf + 16, PORTAL_AUTH_LEN);
	if (check_auth && last.ver == PORTAL_V2 &&
	    portal_check_response(sent[n_sent - 1].buf, sent[n_sent - 1].len,
				  &last, req_auth, &servers[0].secret))
		return false;
	return last.type == type && last.err == err;
}

static void test_chap_login(void)
{
	struct portal_engine *e = engine(8);
	const struct portal_attr_view *ch, *bas;
	uint8_t challenge[16], chap[16] = { 0xc1, 0xc2 };
	const struct portal_sess *s;
	uint16_t id;
	size_t first_len;

	request(0, PORTAL_REQ_CHALLENGE, PORTAL_CHAP, 100, 0, IP1);
	tap_ok(send_req(e, 0) == PORTAL_RX_ANSWERED &&
	       last_is(PORTAL_ACK_CHALLENGE, PORTAL_AUTH_OK, true),
	       "CHAP: REQ_CHALLENGE answered by ACK_CHALLENGE, response Authenticator over the request's");
	ch = portal_attr(&last, PORTAL_A_CHALLENGE);
	bas = portal_attr(&last, PORTAL_A_BAS_IP);
	id = last.req_id;
	tap_ok(ch && ch->len == 16 && id != 0 && last.serial == 100 &&
	       bas && !memcmp(bas->val, "\x0a\x4d\x00\x01", 4),
	       "ACK_CHALLENGE: a non-zero ReqID, the 16-byte Challenge, BAS-IP, the request's SerialNo");
	memcpy(challenge, ch->val, 16);
	s = portal_sess_find(e, IP1);
	tap_ok(s && s->state == PORTAL_S_CHALLENGED && s->req_id == id &&
	       s->mac[5] == (uint8_t)IP1,
	       "session challenged, with the station's MAC");

	/* a ReqID the AC never gave (the challenge's plus one) */
	request(0, PORTAL_REQ_AUTH, PORTAL_CHAP, 99, (uint16_t)(id + 1), IP1);
	portal_build_attr(&req, PORTAL_A_USERNAME, "alice", 5);
	portal_build_attr(&req, PORTAL_A_CHAP_PASSWORD, chap, 16);
	tap_ok(send_req(e, 0) == PORTAL_RX_ANSWERED && n_auth == 0 &&
	       last_is(PORTAL_ACK_AUTH, PORTAL_AUTH_FAILED, true) &&
	       portal_attr(&last, PORTAL_A_TEXT_INFO) &&
	       portal_sess_find(e, IP1)->state == PORTAL_S_CHALLENGED,
	       "CHAP REQ_AUTH with an unknown ReqID: ErrCode 4 with a TextInfo, no RADIUS, the challenge kept");

	request(0, PORTAL_REQ_AUTH, PORTAL_CHAP, 101, id, IP1);
	portal_build_attr(&req, PORTAL_A_USERNAME, "alice", 5);
	portal_build_attr(&req, PORTAL_A_CHAP_PASSWORD, chap, 16);
	tap_ok(send_req(e, 0) == PORTAL_RX_PENDING && n_auth == 1 &&
	       !strcmp(last_login.user, "alice") &&
	       last_login.auth_type == PORTAL_CHAP &&
	       last_login.chap_password[0] == (uint8_t)id &&
	       !memcmp(last_login.chap_password + 1, chap, 16),
	       "REQ_AUTH: RADIUS asked with User-Name and CHAP-Password = ReqID low byte || ChapPassWord");
	tap_ok(portal_sess_rx(e, 0, PORT, req.buf, req.len) == PORTAL_RX_PENDING &&
	       n_auth == 1,
	       "REQ_AUTH sent again while RADIUS runs: no second RADIUS request");
	{
		struct portal_builder hb;

		portal_build_start(&hb, PORTAL_V2, PORTAL_NTF_HEARTBEAT,
				   PORTAL_CHAP, 900, 0, 0, 0);
		portal_build_finish(&hb, NULL, &servers[0].secret);
		portal_sess_rx(e, 0, 1234, hb.buf, hb.len);
	}
	n_sent = 0;
	portal_sess_auth_done(e, last_token, PORTAL_ACCEPT, NULL);
	tap_ok(n_sent == 1 && last_is(PORTAL_ACK_AUTH, PORTAL_AUTH_OK, true) &&
	       last.serial == 101 && last.req_id == id && n_online == 1,
	       "Access-Accept: ACK_AUTH success (SerialNo of REQ_AUTH, response Authenticator), station let through");
	tap_ok(sent[0].port == PORT,
	       "ACK_AUTH goes to the port REQ_AUTH came from, not that of a later packet");
	first_len = sent[0].len;
	tap_ok(portal_sess_rx(e, 0, PORT, req.buf, req.len) == PORTAL_RX_RESENT &&
	       n_sent == 2 && sent[1].len == first_len &&
	       !memcmp(sent[0].buf, sent[1].buf, first_len) && n_auth == 1,
	       "REQ_AUTH sent again after the answer: the same ACK_AUTH byte for byte, no RADIUS");
	tap_ok(portal_sess_find(e, IP1)->state == PORTAL_S_WAIT_AFF,
	       "online, AFF_ACK_AUTH awaited");
	request(0, PORTAL_AFF_ACK_AUTH, PORTAL_CHAP, 101, id, IP1);
	tap_ok(send_req(e, 0) == PORTAL_RX_TAKEN &&
	       portal_sess_find(e, IP1)->state == PORTAL_S_ONLINE,
	       "AFF_ACK_AUTH confirms: online");
	clock_ms += 3600 * 1000;
	portal_sess_run_timers(e);
	tap_ok(portal_sess_find(e, IP1) && n_offline == 0,
	       "a confirmed session does not time out by itself");

	request(0, PORTAL_REQ_CHALLENGE, PORTAL_CHAP, 102, 0, IP1);
	tap_ok(send_req(e, 0) == PORTAL_RX_ANSWERED &&
	       last_is(PORTAL_ACK_CHALLENGE, PORTAL_AUTH_ONLINE, true),
	       "REQ_CHALLENGE for a user online: ErrCode 2 (already online)");
	request(0, PORTAL_REQ_LOGOUT, PORTAL_CHAP, 103, id, IP1);
	tap_ok(send_req(e, 0) == PORTAL_RX_ANSWERED &&
	       last_is(PORTAL_ACK_LOGOUT, PORTAL_LOGOUT_OK, true) &&
	       n_offline == 1 && last_end == PORTAL_END_LOGOUT &&
	       !portal_sess_find(e, IP1),
	       "REQ_LOGOUT: ACK_LOGOUT success, station blocked again, session gone");
	tap_ok(portal_sess_rx(e, 0, PORT, req.buf, req.len) == PORTAL_RX_RESENT &&
	       last_is(PORTAL_ACK_LOGOUT, PORTAL_LOGOUT_OK, true),
	       "REQ_LOGOUT sent again: the same success, not 'not online'");
	request(0, PORTAL_REQ_LOGOUT, PORTAL_CHAP, 104, id, IP1);
	tap_ok(send_req(e, 0) == PORTAL_RX_ANSWERED &&
	       last_is(PORTAL_ACK_LOGOUT, PORTAL_LOGOUT_REJECTED, true) &&
	       portal_attr(&last, PORTAL_A_TEXT_INFO),
	       "a new REQ_LOGOUT for a user not online: rejected with a TextInfo");
	tap_ok(portal_sess_stats(e)->logins == 1 &&
	       portal_sess_stats(e)->logouts == 1, "login and logout counted");
	portal_engine_free(e);
}

static void test_pap_reject(void)
{
	struct portal_engine *e = engine(8);
	const struct portal_attr_view *t;

	request(1, PORTAL_REQ_AUTH, PORTAL_PAP, 7, 0, IP2);
	portal_build_attr(&req, PORTAL_A_USERNAME, "bob", 3);
	portal_build_attr(&req, PORTAL_A_PASSWORD, "wrong", 5);
	tap_ok(send_req(e, 1) == PORTAL_RX_PENDING && n_auth == 1 &&
	       last_login.auth_type == PORTAL_PAP &&
	       !strcmp((char *)last_password, "wrong") &&
	       !strcmp(last_login.user, "bob"),
	       "v1 PAP REQ_AUTH: RADIUS asked with the password");
	portal_sess_auth_done(e, last_token, PORTAL_REJECT, "bad password");
	tap_ok(last_is(PORTAL_ACK_AUTH, PORTAL_AUTH_REJECTED, false) &&
	       last.ver == PORTAL_V1 && last.req_id != 0 &&
	       (t = portal_attr(&last, PORTAL_A_TEXT_INFO)) && t->len == 12 &&
	       !memcmp(t->val, "bad password", 12) && n_online == 0,
	       "Access-Reject: ACK_AUTH ErrCode 1 with the reason as TextInfo, traffic still blocked");
	tap_ok(!portal_sess_find(e, IP2) && portal_sess_count(e) == 0,
	       "the rejected login leaves no session");
	tap_ok(portal_sess_rx(e, 1, PORT, req.buf, req.len) == PORTAL_RX_RESENT &&
	       n_auth == 1 && last_is(PORTAL_ACK_AUTH, PORTAL_AUTH_REJECTED,
				       false),
	       "the same REQ_AUTH again: the same reject, no second RADIUS request");
	portal_sess_auth_done(e, last_token, PORTAL_ACCEPT, NULL);
	tap_ok(n_online == 0, "a late answer for an ended session is ignored");

	request(1, PORTAL_REQ_AUTH, PORTAL_PAP, 8, 0, IP2);
	portal_build_attr(&req, PORTAL_A_USERNAME, "bob", 3);
	portal_build_attr(&req, PORTAL_A_PASSWORD, "right", 5);
	send_req(e, 1);
	portal_sess_auth_done(e, last_token, PORTAL_NO_ANSWER, NULL);
	tap_ok(last_is(PORTAL_ACK_AUTH, PORTAL_AUTH_FAILED, false) &&
	       portal_attr(&last, PORTAL_A_TEXT_INFO) &&
	       portal_sess_stats(e)->no_answer == 1,
	       "no RADIUS server answered: ErrCode 4 with a TextInfo");
	auth_fail = -EIO;
	request(1, PORTAL_REQ_AUTH, PORTAL_PAP, 9, 0, IP2);
	portal_build_attr(&req, PORTAL_A_USERNAME, "bob", 3);
	portal_build_attr(&req, PORTAL_A_PASSWORD, "right", 5);
	tap_ok(send_req(e, 1) == PORTAL_RX_ANSWERED &&
	       last_is(PORTAL_ACK_AUTH, PORTAL_AUTH_FAILED, false) &&
	       portal_sess_count(e) == 0,
	       "the RADIUS request could not be sent: ErrCode 4 at once, no session");
	portal_engine_free(e);
}

static void test_bad_requests(void)
{
	struct portal_engine *e = engine(8);
	struct portal_secret wrong = { "testing124", 10 };
	uint8_t chap[16] = { 0 };

	request(0, PORTAL_REQ_CHALLENGE, PORTAL_CHAP, 1, 0, IP1);
	portal_build_finish(&req, NULL, &wrong);
	tap_ok(portal_sess_rx(e, 0, PORT, req.buf, req.len) == PORTAL_RX_BAD_AUTH &&
	       n_sent == 0, "wrong shared secret: dropped, nothing sent");
	request(1, PORTAL_REQ_CHALLENGE, PORTAL_CHAP, 1, 0, IP1);
	portal_build_finish(&req, NULL, &servers[1].secret);
	tap_ok(portal_sess_rx(e, 0, PORT, req.buf, req.len) ==
	       PORTAL_RX_BAD_VERSION && n_sent == 0,
	       "v1 packet to a v2 server: dropped");
	request(0, PORTAL_REQ_CHALLENGE, PORTAL_CHAP, 1, 0, IP1);
	portal_build_finish(&req, NULL, &servers[0].secret);
	tap_ok(portal_sess_rx(e, 0, PORT, req.buf, 20) == PORTAL_RX_MALFORMED &&
	       n_sent == 0, "truncated packet: dropped");
	tap_ok(portal_sess_rx(e, 5, PORT, req.buf, req.len) == PORTAL_RX_UNEXPECTED,
	       "an unknown server index: dropped");
	request(0, PORTAL_ACK_AUTH, PORTAL_CHAP, 1, 0, IP1);
	tap_ok(send_req(e, 0) == PORTAL_RX_UNEXPECTED && n_sent == 0,
	       "an ACK_AUTH from the portal: dropped");
	request(0, PORTAL_NTF_USER_HEARTBEAT, PORTAL_CHAP, 1, 0, IP1);
	tap_ok(send_req(e, 0) == PORTAL_RX_UNEXPECTED && n_sent == 0,
	       "NTF_USER_HEARTBEAT (not supported): dropped");

	request(0, PORTAL_REQ_AUTH, PORTAL_CHAP, 2, 0x1234, IP1);
	portal_build_attr(&req, PORTAL_A_USERNAME, "alice", 5);
	portal_build_attr(&req, PORTAL_A_CHAP_PASSWORD, chap, 16);
	tap_ok(send_req(e, 0) == PORTAL_RX_ANSWERED &&
	       last_is(PORTAL_ACK_AUTH, PORTAL_AUTH_FAILED, true) &&
	       portal_attr(&last, PORTAL_A_TEXT_INFO) && n_auth == 0,
	       "CHAP REQ_AUTH without a challenge: ErrCode 4 with a TextInfo, no RADIUS");
	request(0, PORTAL_REQ_CHALLENGE, PORTAL_CHAP, 3, 0, IP_UNKNOWN);
	tap_ok(send_req(e, 0) == PORTAL_RX_ANSWERED &&
	       last_is(PORTAL_ACK_CHALLENGE, PORTAL_AUTH_FAILED, true) &&
	       portal_sess_count(e) == 0,
	       "REQ_CHALLENGE for an address no station has: ErrCode 4");
	request(0, PORTAL_REQ_CHALLENGE, PORTAL_PAP, 4, 0, IP1);
	tap_ok(send_req(e, 0) == PORTAL_RX_ANSWERED &&
	       last_is(PORTAL_ACK_CHALLENGE, PORTAL_AUTH_FAILED, true),
	       "REQ_CHALLENGE marked PAP: refused");

	request(0, PORTAL_REQ_CHALLENGE, PORTAL_CHAP, 5, 0, IP1);
	send_req(e, 0);
	request(0, PORTAL_REQ_AUTH, PORTAL_CHAP, 6, last.req_id, IP1);
	portal_build_attr(&req, PORTAL_A_CHAP_PASSWORD, chap, 16);
	tap_ok(send_req(e, 0) == PORTAL_RX_ANSWERED &&
	       last_is(PORTAL_ACK_AUTH, PORTAL_AUTH_FAILED, true) &&
	       n_auth == 0, "REQ_AUTH without UserName: ErrCode 4");
	request(0, PORTAL_REQ_AUTH, PORTAL_CHAP, 7,
		portal_sess_find(e, IP1)->req_id, IP1);
	portal_build_attr(&req, PORTAL_A_USERNAME, "al\0ce", 5);
	portal_build_attr(&req, PORTAL_A_CHAP_PASSWORD, chap, 16);
	tap_ok(send_req(e, 0) == PORTAL_RX_ANSWERED &&
	       last_is(PORTAL_ACK_AUTH, PORTAL_AUTH_FAILED, true) &&
	       n_auth == 0, "a UserName with a NUL in it: ErrCode 4");
	request(0, PORTAL_REQ_AUTH, PORTAL_CHAP, 8,
		portal_sess_find(e, IP1)->req_id, IP1);
	portal_build_attr(&req, PORTAL_A_USERNAME, "alice", 5);
	tap_ok(send_req(e, 0) == PORTAL_RX_ANSWERED &&
	       last_is(PORTAL_ACK_AUTH, PORTAL_AUTH_FAILED, true) &&
	       n_auth == 0, "CHAP REQ_AUTH without ChapPassWord: ErrCode 4");
	request(1, PORTAL_REQ_AUTH, PORTAL_CHAP, 9,
		portal_sess_find(e, IP1)->req_id, IP1);
	portal_build_attr(&req, PORTAL_A_USERNAME, "alice", 5);
	portal_build_attr(&req, PORTAL_A_CHAP_PASSWORD, chap, 16);
	tap_ok(send_req(e, 1) == PORTAL_RX_ANSWERED &&
	       last_is(PORTAL_ACK_AUTH, PORTAL_AUTH_FAILED, false) &&
	       n_auth == 0,
	       "REQ_AUTH for another server's challenge: ErrCode 4");
	request(0, PORTAL_REQ_INFO, PORTAL_CHAP, 10, 0, IP1);
	tap_ok(send_req(e, 0) == PORTAL_RX_ANSWERED &&
	       last_is(PORTAL_ACK_INFO, 1, true),
	       "REQ_INFO: ACK_INFO ErrCode 1 (not supported yet)");
	request(0, PORTAL_NTF_HEARTBEAT, PORTAL_CHAP, 11, 0, 0);
	tap_ok(send_req(e, 0) == PORTAL_RX_TAKEN, "NTF_HEARTBEAT taken");
	tap_ok(portal_sess_stats(e)->rx[PORTAL_RX_BAD_AUTH] == 1 &&
	       portal_sess_stats(e)->rx[PORTAL_RX_MALFORMED] == 1 &&
	       portal_sess_stats(e)->rx[PORTAL_RX_BAD_VERSION] == 1 &&
	       portal_sess_stats(e)->rx[PORTAL_RX_UNEXPECTED] == 3,
	       "every refusal counted by its reason");
	portal_engine_free(e);
}

static void test_timeouts(void)
{
	struct portal_engine *e = engine(8);
	uint16_t id;

	request(0, PORTAL_REQ_CHALLENGE, PORTAL_CHAP, 1, 0, IP1);
	send_req(e, 0);
	tap_ok(portal_sess_next_deadline(e) == clock_ms + 60000,
	       "the challenge's deadline is the next timer");
	clock_ms += 60000;
	portal_sess_run_timers(e);
	tap_ok(!portal_sess_find(e, IP1) && n_offline == 0,
	       "an unused challenge expires (nothing to block: never online)");

	request(0, PORTAL_REQ_CHALLENGE, PORTAL_CHAP, 2, 0, IP1);
	send_req(e, 0);
	id = last.req_id;
	request(0, PORTAL_REQ_AUTH, PORTAL_CHAP, 3, id, IP1);
	portal_build_attr(&req, PORTAL_A_USERNAME, "alice", 5);
	portal_build_attr(&req, PORTAL_A_CHAP_PASSWORD, "0123456789abcdef",
			  16);
	send_req(e, 0);
	portal_sess_auth_done(e, last_token, PORTAL_ACCEPT, NULL);
	clock_ms += 29999;
	portal_sess_run_timers(e);
	tap_ok(portal_sess_find(e, IP1) && n_offline == 0,
	       "29.999 s without AFF_ACK_AUTH: still online");
	clock_ms += 1;
	portal_sess_run_timers(e);
	tap_ok(!portal_sess_find(e, IP1) && n_offline == 1 &&
	       last_end == PORTAL_END_NO_AFF,
	       "30 s without AFF_ACK_AUTH: dropped and blocked");

	request(0, PORTAL_REQ_CHALLENGE, PORTAL_CHAP, 4, 0, IP1);
	send_req(e, 0);
	request(0, PORTAL_REQ_AUTH, PORTAL_CHAP, 5, last.req_id, IP1);
	portal_build_attr(&req, PORTAL_A_USERNAME, "alice", 5);
	portal_build_attr(&req, PORTAL_A_CHAP_PASSWORD, "0123456789abcdef",
			  16);
	send_req(e, 0);
	request(0, PORTAL_REQ_LOGOUT, PORTAL_CHAP, 6, 0, IP1);
	portal_build_start(&req, PORTAL_V2, PORTAL_REQ_LOGOUT, PORTAL_CHAP, 6,
			   0, IP1, PORTAL_LOGOUT_TIMEOUT_NOTICE);
	n_sent = 0;
	tap_ok(send_req(e, 0) == PORTAL_RX_TAKEN && n_sent == 0 &&
	       n_cancel == 1 && !portal_sess_find(e, IP1),
	       "REQ_LOGOUT timeout notice during RADIUS: RADIUS cancelled, no answer, session gone");
	portal_engine_free(e);
}

static void test_ac_logout(void)
{
	struct portal_engine *e = engine(8);
	struct portal_builder ack;
	struct portal_pkt ntf;
	uint8_t ntf_auth[16];
	const struct portal_attr_view *t;

	request(0, PORTAL_REQ_CHALLENGE, PORTAL_CHAP, 1, 0, IP1);
	send_req(e, 0);
	request(0, PORTAL_REQ_AUTH, PORTAL_CHAP, 2, last.req_id, IP1);
	portal_build_attr(&req, PORTAL_A_USERNAME, "alice", 5);
	portal_build_attr(&req, PORTAL_A_CHAP_PASSWORD, "0123456789abcdef",
			  16);
	send_req(e, 0);
	portal_sess_auth_done(e, last_token, PORTAL_ACCEPT, NULL);
	n_sent = 0;
	tap_ok(portal_sess_logout(e, IP1, "Disconnect-Request") == 0 &&
	       n_offline == 1 && last_end == PORTAL_END_AC && n_sent == 1 &&
	       sent[0].port == 0,
	       "AC logout: station blocked, NTF_LOGOUT sent to the server's notification port");
	tap_ok(!portal_parse(sent[0].buf, sent[0].len, &ntf) &&
	       ntf.type == PORTAL_NTF_LOGOUT &&
	       !portal_check_request(sent[0].buf, sent[0].len, &ntf,
				     &servers[0].secret) &&
	       (t = portal_attr(&ntf, PORTAL_A_TEXT_INFO)) && t->len == 18,
	       "NTF_LOGOUT: a request Authenticator, the reason as TextInfo");
	memcpy(ntf_auth, ntf.authenticator, 16);
	clock_ms += 2000;
	portal_sess_run_timers(e);
	tap_ok(n_sent == 2 && !memcmp(sent[1].buf, sent[0].buf, sent[0].len),
	       "no ACK_NTF_LOGOUT in 2 s: NTF_LOGOUT sent again, unchanged");
	portal_build_start(&ack, PORTAL_V2, PORTAL_ACK_NTF_LOGOUT, PORTAL_CHAP,
			   ntf.serial, ntf.req_id, IP1, 0);
	portal_build_finish(&ack, NULL, &servers[0].secret);
	tap_ok(portal_sess_rx(e, 0, PORT, ack.buf, ack.len) == PORTAL_RX_BAD_AUTH,
	       "ACK_NTF_LOGOUT signed as a request: refused");
	portal_build_start(&ack, PORTAL_V2, PORTAL_ACK_NTF_LOGOUT, PORTAL_CHAP,
			   ntf.serial, ntf.req_id, IP1, 0);
	portal_build_finish(&ack, ntf_auth, &servers[0].secret);
	tap_ok(portal_sess_rx(e, 0, PORT, ack.buf, ack.len) == PORTAL_RX_TAKEN &&
	       portal_sess_stats(e)->ntf_acked == 1,
	       "ACK_NTF_LOGOUT over the NTF_LOGOUT's Authenticator: taken");
	clock_ms += 10000;
	portal_sess_run_timers(e);
	tap_ok(n_sent == 2 && portal_sess_next_deadline(e) == UINT64_MAX,
	       "acknowledged: no more NTF_LOGOUT, no timer left");
	tap_ok(portal_sess_rx(e, 0, PORT, ack.buf, ack.len) == PORTAL_RX_UNEXPECTED,
	       "the same ACK_NTF_LOGOUT again: unexpected");

	/* unanswered: three transmissions, then given up */
	request(1, PORTAL_REQ_AUTH, PORTAL_PAP, 7, 0, IP2);
	portal_build_attr(&req, PORTAL_A_USERNAME, "bob", 3);
	portal_build_attr(&req, PORTAL_A_PASSWORD, "right", 5);
	send_req(e, 1);
	portal_sess_auth_done(e, last_token, PORTAL_ACCEPT, NULL);
	n_sent = 0;
	portal_sess_logout(e, IP2, NULL);
	clock_ms += 2000;
	portal_sess_run_timers(e);
	clock_ms += 2000;
	portal_sess_run_timers(e);
	tap_ok(n_sent == 2, "back-off: 2 s after the second, not sent again yet (4 s)");
	clock_ms += 2000;
	portal_sess_run_timers(e);
	clock_ms += 8000;
	portal_sess_run_timers(e);
	tap_ok(n_sent == 3 && portal_sess_stats(e)->ntf_unacked == 1 &&
	       portal_sess_next_deadline(e) == UINT64_MAX,
	       "a portal that never acknowledges: NTF_LOGOUT 3 times (2, 4 s apart), given up 8 s later and counted");
	tap_ok(!portal_server_up(e, 1) && portal_server_up(e, 0) &&
	       portal_sess_stats(e)->server_down == 1,
	       "... and that server is down, the other still up");
	tap_ok(portal_sess_logout(e, IP2, NULL) == -ENOENT,
	       "AC logout of a user not online: -ENOENT");
	portal_engine_free(e);
}

/* Log IP1 in as alice by PAP from the v1 server and confirm it (online). */
static void login_online(struct portal_engine *e, uint16_t serial)
{
	uint16_t id;

	request(1, PORTAL_REQ_AUTH, PORTAL_PAP, serial, 0, IP1);
	portal_build_attr(&req, PORTAL_A_USERNAME, "alice", 5);
	portal_build_attr(&req, PORTAL_A_PASSWORD, "right", 5);
	send_req(e, 1);
	portal_sess_auth_done(e, last_token, PORTAL_ACCEPT, NULL);
	id = portal_sess_find(e, IP1) ? portal_sess_find(e, IP1)->req_id : 0;
	request(1, PORTAL_AFF_ACK_AUTH, PORTAL_PAP, serial + 1, id, IP1);
	send_req(e, 1);
}

static void test_reconnect(void)
{
	struct portal_engine *e = engine(8);
	const struct portal_sess *s;
	struct portal_pkt ntf;
	uint16_t id;

	login_online(e, 100);
	s = portal_sess_find(e, IP1);
	tap_ok(s && s->state == PORTAL_S_ONLINE, "reconnect: alice online");
	tap_ok(portal_sess_resume(e, IP1) == -EINVAL,
	       "reconnect: resume of a session not away: -EINVAL");
	n_offline = n_sent = 0;
	tap_ok(portal_sess_away(e, IP1, 30000) == 0 && s->state == PORTAL_S_AWAY &&
	       n_offline == 0 && n_sent == 0 &&
	       !strcmp(portal_state_name(s->state), "away"),
	       "the station leaves: the session is kept, away, nothing sent");
	tap_ok(portal_sess_away(e, IP1, 30000) == -EINVAL &&
	       portal_sess_away(e, IP2, 30000) == -ENOENT,
	       "away twice: -EINVAL; no session: -ENOENT");
	clock_ms += 29000;
	portal_sess_run_timers(e);
	tap_ok(portal_sess_resume(e, IP1) == 0 && s->state == PORTAL_S_ONLINE &&
	       s->deadline_ms == 0 && n_online == 1 && n_sent == 0,
	       "back within the timeout: online again, no portal exchange, no RADIUS");
	clock_ms += 60000;
	portal_sess_run_timers(e);
	tap_ok(portal_sess_find(e, IP1) && n_offline == 0,
	       "... and no timer left to end it");

	/* away past the timeout: ends, NTF_LOGOUT */
	portal_sess_away(e, IP1, 30000);
	clock_ms += 30001;
	portal_sess_run_timers(e);
	tap_ok(!portal_sess_find(e, IP1) && n_offline == 1 &&
	       last_end == PORTAL_END_AWAY_TIMEOUT && n_sent == 1 &&
	       !portal_parse(sent[0].buf, sent[0].len, &ntf) &&
	       ntf.type == PORTAL_NTF_LOGOUT && ntf.user_ip == IP1,
	       "not back within the timeout: the session ends, NTF_LOGOUT to the portal");
	tap_ok(!strcmp(portal_end_name(PORTAL_END_AWAY_TIMEOUT), "reconnect-timeout"),
	       "... named reconnect-timeout");

	/* the address logs in anew while away: the away session ends */
	login_online(e, 200);
	portal_sess_away(e, IP1, 30000);
	n_offline = n_sent = 0;
	request(0, PORTAL_REQ_CHALLENGE, PORTAL_CHAP, 300, 0, IP1);
	send_req(e, 0);
	tap_ok(n_offline == 1 && last_end == PORTAL_END_REPLACED &&
	       last_is(PORTAL_ACK_CHALLENGE, 0, true),
	       "a REQ_CHALLENGE for an away session's address: that session ends, the challenge is answered");
	tap_ok(n_sent == 1, "... and no NTF_LOGOUT for the replaced session");
	id = last.req_id;
	request(0, PORTAL_REQ_AUTH, PORTAL_CHAP, 301, id, IP1);
	portal_build_attr(&req, PORTAL_A_USERNAME, "bob", 3);
	portal_build_attr(&req, PORTAL_A_CHAP_PASSWORD, "0123456789abcdef", 16);
	send_req(e, 0);
	portal_sess_auth_done(e, last_token, PORTAL_ACCEPT, NULL);
	s = portal_sess_find(e, IP1);
	tap_ok(s && !strcmp(s->user, "bob") && s->state == PORTAL_S_WAIT_AFF,
	       "... and the new user logs in");
	portal_engine_free(e);

	/* REQ_LOGOUT of an away session: ACK_LOGOUT 0 */
	e = engine(8);
	login_online(e, 400);
	portal_sess_away(e, IP1, 30000);
	n_offline = 0;
	request(1, PORTAL_REQ_LOGOUT, PORTAL_PAP, 402, 0, IP1);
	send_req(e, 1);
	tap_ok(last_is(PORTAL_ACK_LOGOUT, 0, false) && n_offline == 1 &&
	       last_end == PORTAL_END_LOGOUT && !portal_sess_find(e, IP1),
	       "REQ_LOGOUT of an away session: logged out, ACK_LOGOUT 0");
	/* the engine freed with a session away: offline for it too */
	login_online(e, 500);
	portal_sess_away(e, IP1, 30000);
	n_offline = 0;
	portal_engine_free(e);
	tap_ok(n_offline == 1 && last_end == PORTAL_END_FLUSH,
	       "stop with a session away: it ends too (accounting Stop)");
}

static void test_flood_and_ids(void)
{
	struct portal_engine *e = engine(4);
	uint16_t ids[4];
	int i, distinct = 1;

	request(1, PORTAL_REQ_AUTH, PORTAL_PAP, 1, 0, 0x0a4d0010);
	portal_build_attr(&req, PORTAL_A_USERNAME, "bob", 3);
	portal_build_attr(&req, PORTAL_A_PASSWORD, "right", 5);
	send_req(e, 1);
	portal_sess_auth_done(e, last_token, PORTAL_ACCEPT, NULL);
	rnd_same = true;	/* every ReqID drawn collides */
	for (i = 0; i < 4; i++) {
		request(0, PORTAL_REQ_CHALLENGE, PORTAL_CHAP, (uint16_t)(10 + i),
			0, 0x0a4d0020u + (uint32_t)i);
		send_req(e, 0);
		ids[i] = last.req_id;
	}
	for (i = 0; i < 4; i++)
		distinct &= ids[i] != 0 && (i == 0 || ids[i] != ids[i - 1]);
	tap_ok(distinct && ids[0] != ids[2] && ids[1] != ids[3],
	       "ReqIDs stay non-zero and unique when random draws collide");
	request(0, PORTAL_REQ_CHALLENGE, PORTAL_CHAP, 20, 0, 0x0a4d0030);
	tap_ok(send_req(e, 0) == PORTAL_RX_FLOOD &&
	       last_is(PORTAL_ACK_CHALLENGE, PORTAL_AUTH_BUSY, true) &&
	       portal_sess_count(e) == 5 &&
	       portal_sess_stats(e)->rx[PORTAL_RX_FLOOD] == 1,
	       "a fifth login pending past max_pending 4: ErrCode 3 (busy), counted as a flood");
	tap_ok(portal_sess_find(e, 0x0a4d0010)->state == PORTAL_S_WAIT_AFF,
	       "the user online is untouched by the flood");
	rnd_same = false;
	n_offline = 0;
	portal_engine_free(e);
	tap_ok(n_offline == 1 && last_end == PORTAL_END_FLUSH,
	       "freeing the engine blocks the online user again");
	tap_str(portal_state_name(PORTAL_S_WAIT_AFF), "online-unconfirmed",
		"state names");
	tap_str(portal_end_name(PORTAL_END_NO_AFF), "no-aff-ack-auth",
		"end names");
	tap_str(portal_rx_name(PORTAL_RX_BAD_AUTH), "bad_authenticator",
		"rx names");
}

static int info_fail;

static int info(void *ctx, const struct portal_sess *s,
		struct portal_info *out)
{
	(void)ctx;
	(void)s;
	if (info_fail)
		return -EIO;
	out->up_octets = 5 * 1024 + 100;	/* 5 KB */
	out->down_octets = 1024ULL * 1024 * 1024 * 5;	/* 5 GB */
	snprintf(out->port, sizeof(out->port), "wlan0@lab");
	return 0;
}

static uint64_t be64_of(const struct portal_attr_view *a)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = v << 8 | a->val[i];
	return v;
}

/* REQ_INFO: the online user's flux (KB) and port, the attributes asked
 * for or all; errors for a user not online and a daemon that cannot
 * count */
static void test_info(void)
{
	struct portal_sess_ops io = ops;
	struct portal_sess_conf c = {
		.max_sessions = 16, .max_pending = 8,
		.challenge_timeout_s = 60, .aff_timeout_s = 30,
	};
	const struct portal_attr_view *a;
	struct portal_engine *e = engine(8);

	request(1, PORTAL_REQ_INFO, PORTAL_PAP, 80, 0, IP1);
	send_req(e, 1);
	tap_ok(last_is(PORTAL_ACK_INFO, PORTAL_INFO_UNSUPPORTED, false),
	       "REQ_INFO without a counting daemon: ErrCode 1 (not supported)");
	portal_engine_free(e);

	io.info = info;
	n_sent = 0;
	e = portal_engine_new(&c, servers, 2, &io, NULL);
	request(1, PORTAL_REQ_INFO, PORTAL_PAP, 81, 0, IP1);
	send_req(e, 1);
	tap_ok(last_is(PORTAL_ACK_INFO, PORTAL_INFO_FAILED, false) &&
	       portal_attr(&last, PORTAL_A_TEXT_INFO),
	       "REQ_INFO for a user not online: ErrCode 2 with a TextInfo");
	login_online(e, 82);
	request(1, PORTAL_REQ_INFO, PORTAL_PAP, 90, 0, IP1);
	send_req(e, 1);
	tap_ok(last_is(PORTAL_ACK_INFO, PORTAL_INFO_OK, false) &&
	       (a = portal_attr(&last, PORTAL_A_UP_FLUX)) && a->len == 8 &&
	       be64_of(a) == 5 &&
	       (a = portal_attr(&last, PORTAL_A_DOWN_FLUX)) && a->len == 8 &&
	       be64_of(a) == 5ULL * 1024 * 1024 &&
	       (a = portal_attr(&last, PORTAL_A_PORT)) && a->len == 9 &&
	       !memcmp(a->val, "wlan0@lab", 9),
	       "REQ_INFO naming nothing: UpLinkFlux 5 KB, DownLinkFlux 5 GB in KB, Port");
	request(1, PORTAL_REQ_INFO, PORTAL_PAP, 91, 0, IP1);
	portal_build_attr(&req, PORTAL_A_DOWN_FLUX, NULL, 0);
	send_req(e, 1);
	tap_ok(last_is(PORTAL_ACK_INFO, PORTAL_INFO_OK, false) &&
	       portal_attr(&last, PORTAL_A_DOWN_FLUX) &&
	       !portal_attr(&last, PORTAL_A_UP_FLUX) &&
	       !portal_attr(&last, PORTAL_A_PORT),
	       "REQ_INFO naming DownLinkFlux (empty): that one only");
	info_fail = 1;
	request(1, PORTAL_REQ_INFO, PORTAL_PAP, 92, 0, IP1);
	send_req(e, 1);
	tap_ok(last_is(PORTAL_ACK_INFO, PORTAL_INFO_FAILED, false),
	       "no counters for the user: ErrCode 2");
	info_fail = 0;
	portal_engine_free(e);
}

static void test_new_args(void)
{
	struct portal_sess_conf c = { .max_sessions = 4, .max_pending = 8 };

	tap_ok(!portal_engine_new(&c, servers, 2, &ops, NULL),
	       "max_pending over max_sessions: refused");
	c.max_pending = 2;
	tap_ok(!portal_engine_new(&c, servers, 0, &ops, NULL),
	       "no server: refused");
}

/* Log IP2 in as bob by PAP from server `server` (online, no AFF). */
static void login_bob(struct portal_engine *e, int server, uint16_t serial)
{
	request(server, PORTAL_REQ_AUTH, PORTAL_PAP, serial, 0, IP2);
	portal_build_attr(&req, PORTAL_A_USERNAME, "bob", 3);
	portal_build_attr(&req, PORTAL_A_PASSWORD, "right", 5);
	send_req(e, server);
	portal_sess_auth_done(e, last_token, PORTAL_ACCEPT, NULL);
}

/* seed 003: NTF_LOGOUT back-off 1, 2, 4, 8, 16 s; a server silent for
 * its heartbeat timeout, or letting an NTF_LOGOUT go unanswered, is
 * down until its next valid packet */
static void test_liveness(void)
{
	struct portal_server_conf srv[2] = { servers[0], servers[1] };
	struct portal_sess_conf c = {
		.max_sessions = 16, .max_pending = 8,
		.challenge_timeout_s = 60, .aff_timeout_s = 0,
	};
	struct portal_engine *e;
	uint64_t t0;
	int i;

	srv[0].heartbeat_timeout_s = 30;
	n_state = 0;
	n_resent = 0;
	t0 = clock_ms;
	e = portal_engine_new(&c, srv, 2, &ops, NULL);
	tap_ok(e && portal_server_up(e, 0) && portal_server_up(e, 1) &&
	       portal_sess_next_deadline(e) == t0 + 30000,
	       "liveness: both servers up at start, the heartbeat deadline armed");
	clock_ms += 29999;
	portal_sess_run_timers(e);
	tap_ok(portal_server_up(e, 0) && !n_state,
	       "29.999 s without a packet: still up");
	clock_ms += 1;
	portal_sess_run_timers(e);
	tap_ok(!portal_server_up(e, 0) && n_state == 1 && !last_up &&
	       last_state_server == 0 && portal_server_since(e, 0) == clock_ms &&
	       portal_sess_stats(e)->server_down == 1,
	       "30 s without a packet (heartbeat_timeout): down, told once");
	clock_ms += 60000;
	portal_sess_run_timers(e);
	tap_ok(n_state == 1 && portal_server_up(e, 1),
	       "down stays down, told once; a server without heartbeat_timeout is not watched");
	request(0, PORTAL_NTF_HEARTBEAT, PORTAL_CHAP, 40, 0, 0);
	portal_build_finish(&req, NULL, &servers[1].secret);	/* wrong secret */
	tap_ok(portal_sess_rx(e, 0, PORT, req.buf, req.len) == PORTAL_RX_BAD_AUTH &&
	       !portal_server_up(e, 0),
	       "a heartbeat with a wrong Authenticator: refused, still down");
	request(0, PORTAL_NTF_HEARTBEAT, PORTAL_CHAP, 41, 0, 0);
	tap_ok(send_req(e, 0) == PORTAL_RX_TAKEN && portal_server_up(e, 0) &&
	       n_state == 2 && last_up && portal_sess_stats(e)->server_up == 1,
	       "a valid NTF_HEARTBEAT: up again, told");
	tap_ok(portal_sess_next_deadline(e) == clock_ms + 30000,
	       "the heartbeat deadline counts from that packet");

	/* back-off of an unanswered NTF_LOGOUT (defaults: 5 tries, 1 s) */
	login_bob(e, 1, 50);
	n_sent = 0;
	portal_sess_logout(e, IP2, "test");
	for (i = 0; i < 40; i++) {
		clock_ms += 1000;
		portal_sess_run_timers(e);
	}
	tap_ok(n_sent == 5 && n_resent == 4 && resent_waits[0] == 2000 &&
	       resent_waits[1] == 4000 && resent_waits[2] == 8000 &&
	       resent_waits[3] == 16000,
	       "NTF_LOGOUT unanswered: sent at 0, 1, 3, 7 and 15 s (waits 1, 2, 4, 8, 16 s)");
	tap_ok(!portal_server_up(e, 1) && last_state_server == 1 && !last_up &&
	       portal_sess_stats(e)->ntf_unacked == 1,
	       "given up 16 s after the fifth: that server is down");
	request(1, PORTAL_NTF_HEARTBEAT, PORTAL_PAP, 51, 0, 0);
	tap_ok(send_req(e, 1) == PORTAL_RX_TAKEN && portal_server_up(e, 1),
	       "its next packet: up again");

	/* an NTF_LOGOUT lost while the server is heard: it stays up */
	login_bob(e, 1, 60);
	portal_sess_logout(e, IP2, "test");
	for (i = 0; i < 40; i++) {
		clock_ms += 1000;
		if (i == 20) {
			request(1, PORTAL_NTF_HEARTBEAT, PORTAL_PAP, 61, 0, 0);
			send_req(e, 1);
		}
		portal_sess_run_timers(e);
	}
	tap_ok(portal_server_up(e, 1) && portal_sess_stats(e)->ntf_unacked == 2,
	       "an NTF_LOGOUT unanswered by a server heard meanwhile: given up, the server stays up");
	portal_engine_free(e);

	/* the wait stops doubling at 16 times the first */
	c.ntf_tries = 7;
	c.ntf_backoff_ms = 500;
	n_resent = 0;
	e = portal_engine_new(&c, servers, 2, &ops, NULL);
	login_bob(e, 1, 70);
	portal_sess_logout(e, IP2, "test");
	for (i = 0; i < 100; i++) {
		clock_ms += 500;
		portal_sess_run_timers(e);
	}
	tap_ok(n_resent == 6 && resent_waits[0] == 1000 &&
	       resent_waits[3] == 8000 && resent_waits[4] == 8000 &&
	       resent_waits[5] == 8000,
	       "ntf_backoff 500 ms, 7 tries: waits 0.5, 1, 2, 4, 8, 8, 8 s");
	portal_engine_free(e);
}

int main(void)
{
	test_chap_login();
	test_pap_reject();
	test_bad_requests();
	test_timeouts();
	test_ac_logout();
	test_reconnect();
	test_liveness();
	test_info();
	test_flood_and_ids();
	test_new_args();
	return tap_done();
}
