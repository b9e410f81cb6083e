// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the RADIUS client and DAS: real UDP sockets on loopback
 * play the servers (this test crafts their replies, genuine and forged),
 * and a fake clock drives retransmission, failover and dead-server marking
 * without waiting.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "radius/radius_auth.h"
#include "radius/radius_client.h"
#include "radius/radius_msg.h"
#include "tap.h"

static uint64_t fake_now = 1000000;

static uint64_t fake_clock(void)
{
	return fake_now;
}

struct fake_srv {
	int fd;
	struct sockaddr_storage addr;
	socklen_t addr_len;
	struct radius_secret sec;
	struct sockaddr_storage peer;
	socklen_t peer_len;
	struct radius_msg last;		/* last request received */
	uint8_t raw[RADIUS_MAX_LEN];
	size_t raw_len;
};

static struct radius_secret secret(const char *s)
{
	struct radius_secret r;

	memset(&r, 0, sizeof(r));
	r.len = strlen(s);
	memcpy(r.data, s, r.len);
	return r;
}

static int srv_open(struct fake_srv *f, const char *ip, const char *sec)
{
	struct sockaddr_in in = { .sin_family = AF_INET };

	memset(f, 0, sizeof(*f));
	inet_pton(AF_INET, ip, &in.sin_addr);
	f->fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	if (f->fd < 0 || bind(f->fd, (struct sockaddr *)&in, sizeof(in)) < 0)
		return -1;
	f->addr_len = sizeof(f->addr);
	getsockname(f->fd, (struct sockaddr *)&f->addr, &f->addr_len);
	f->sec = secret(sec);
	return 0;
}

/* Receive one request; false if none is waiting. */
static bool srv_recv(struct fake_srv *f)
{
	ssize_t n;

	f->peer_len = sizeof(f->peer);
	n = recvfrom(f->fd, f->raw, sizeof(f->raw), 0,
		     (struct sockaddr *)&f->peer, &f->peer_len);
	if (n < 0)
		return false;
	f->raw_len = (size_t)n;
	return !radius_msg_parse(&f->last, f->raw, (size_t)n);
}

static int srv_drain(struct fake_srv *f)
{
	int n = 0;

	while (srv_recv(f))
		n++;
	return n;
}

static void srv_send(struct fake_srv *f, const void *buf, size_t len)
{
	sendto(f->fd, buf, len, 0, (struct sockaddr *)&f->peer, f->peer_len);
}

enum { R_NO_MA = 1, R_BAD_SECRET = 2, R_BAD_MA = 4, R_MPPE = 8 };

static const uint8_t k_recv[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
static const uint8_t k_send[32] = { 11, 12, 13, 14, 15, 16, 17, 18 };

/* Build a reply to f->last, signed as asked, into out. */
static void srv_build(struct fake_srv *f, uint8_t code, int flags,
		      struct radius_msg *out)
{
	struct radius_secret bad = secret("not-the-secret");
	const struct radius_secret *s = flags & R_BAD_SECRET ? &bad : &f->sec;
	const uint8_t *ra = radius_msg_auth(&f->last);

	radius_msg_init(out, code, radius_msg_id(&f->last));
	radius_msg_add_u32(out, RADIUS_ATTR_SESSION_TIMEOUT, 600);
	if (flags & R_MPPE) {
		const uint8_t s1[2] = { 0x80, 1 }, s2[2] = { 0x80, 2 };
		uint8_t v[64];
		size_t vl;

		radius_mppe_encrypt(v, &vl, sizeof(v), k_recv, 32, s1, ra, s);
		radius_msg_add_vsa(out, RADIUS_VENDOR_MICROSOFT,
				   RADIUS_MS_MPPE_RECV_KEY, v, vl);
		radius_mppe_encrypt(v, &vl, sizeof(v), k_send, 32, s2, ra, s);
		radius_msg_add_vsa(out, RADIUS_VENDOR_MICROSOFT,
				   RADIUS_MS_MPPE_SEND_KEY, v, vl);
	}
	if (!(flags & R_NO_MA)) {
		radius_msg_add_ma(out);
		radius_ma_sign(out, ra, flags & R_BAD_MA ? &bad : s);
	}
	radius_resp_auth_sign(out, ra, s);
}

static void srv_reply(struct fake_srv *f, uint8_t code, int flags)
{
	struct radius_msg m;

	srv_build(f, code, flags, &m);
	srv_send(f, m.buf, m.len);
}

struct result {
	int calls;
	enum radius_status st;
	uint8_t code;
	size_t msk_len;
	uint8_t msk[64];
	unsigned int attempts;
	char server[64];
};

static void done_cb(void *ctx, const struct radius_result *res)
{
	struct result *r = ctx;

	r->calls++;
	r->st = res->status;
	r->code = res->reply ? radius_msg_code(res->reply) : 0;
	r->msk_len = res->msk_len;
	if (res->msk)
		memcpy(r->msk, res->msk, res->msk_len);
	r->attempts = res->attempts;
	snprintf(r->server, sizeof(r->server), "%s",
		 res->server ? res->server : "");
}

static struct radius_msg access_req(void)
{
	struct radius_msg m;

	radius_msg_init(&m, RADIUS_ACCESS_REQUEST, 0);
	radius_msg_add_str(&m, RADIUS_ATTR_USER_NAME, "alice");
	radius_msg_add_str(&m, RADIUS_ATTR_USER_PASSWORD, "wonderland");
	return m;
}

static struct fake_srv s1, s2, sa;
static struct radius_client *cl;

static const struct radius_server_stats *st(enum radius_kind k, size_t i)
{
	return radius_client_stats(cl, k, i);
}

/* Advance the fake clock by ms and run the client's timers. */
static void tick(unsigned int ms)
{
	fake_now += ms;
	radius_client_run_timers(cl);
}

static bool password_is(struct fake_srv *f, const char *pw)
{
	const uint8_t *v;
	uint8_t out[128];
	size_t l, ol;

	v = radius_msg_find(&f->last, RADIUS_ATTR_USER_PASSWORD, &l);
	return v && !radius_password_unhide(out, &ol, v, l,
					    radius_msg_auth(&f->last),
					    &f->sec) &&
	       ol == strlen(pw) && !memcmp(out, pw, ol);
}

static void setup(void)
{
	struct radius_client_conf conf;
	char err[128] = "";

	srv_open(&s1, "127.0.0.1", "secret-one");
	srv_open(&s2, "127.0.0.1", "secret-two");
	srv_open(&sa, "127.0.0.1", "secret-acct");
	memset(&conf, 0, sizeof(conf));
	conf.auth[0].addr = s1.addr;
	conf.auth[0].addr_len = s1.addr_len;
	conf.auth[0].secret = s1.sec;
	conf.auth[1].addr = s2.addr;
	conf.auth[1].addr_len = s2.addr_len;
	conf.auth[1].secret = s2.sec;
	conf.n_auth = 2;
	conf.acct[0].addr = sa.addr;
	conf.acct[0].addr_len = sa.addr_len;
	conf.acct[0].secret = sa.sec;
	conf.n_acct = 1;
	conf.timeout_ms = 1000;
	conf.max_tries = 3;
	conf.dead_time_s = 30;
	snprintf(conf.nas_id, sizeof(conf.nas_id), "fsr-test");
	conf.now_ms = fake_clock;
	cl = radius_client_new(&conf, err, sizeof(err));
	tap_ok(cl != NULL, "client created");
	if (!cl) {
		tap_diag("error", err);
		exit(tap_done());
	}
}

static void test_accept(void)
{
	struct radius_msg m = access_req();
	struct result r = { 0 };
	struct radius_msg dup;
	size_t l;

	tap_ok(radius_client_send(cl, RADIUS_KIND_AUTH, &m, done_cb, &r) != NULL,
	       "Access-Request queued");
	tap_ok(srv_recv(&s1) && radius_msg_code(&s1.last) ==
	       RADIUS_ACCESS_REQUEST, "first server got it");
	tap_ok(!radius_ma_verify(&s1.last, NULL, &s1.sec, true),
	       "request carries a valid Message-Authenticator");
	tap_ok(password_is(&s1, "wonderland"), "User-Password hidden with its secret");
	tap_ok(radius_msg_find(&s1.last, RADIUS_ATTR_NAS_IDENTIFIER, &l) &&
	       l == 8, "NAS-Identifier added");
	srv_build(&s1, RADIUS_ACCESS_ACCEPT, R_MPPE, &dup);
	srv_send(&s1, dup.buf, dup.len);
	radius_client_input(cl);
	tap_ok(r.calls == 1 && r.st == RADIUS_REPLY &&
	       r.code == RADIUS_ACCESS_ACCEPT, "Access-Accept delivered");
	tap_ok(r.msk_len == 64 && !memcmp(r.msk, k_recv, 32) &&
	       !memcmp(r.msk + 32, k_send, 32), "MSK from the MPPE keys");
	tap_str(r.server, radius_client_server_name(cl, RADIUS_KIND_AUTH, 0),
		"answered by the first server");
	tap_ok(r.attempts == 1, "one transmission");

	srv_send(&s1, dup.buf, dup.len);
	radius_client_input(cl);
	tap_ok(r.calls == 1 && st(RADIUS_KIND_AUTH, 0)->duplicates == 1,
	       "duplicate reply dropped and counted");

	dup.buf[1] += 100;
	srv_send(&s1, dup.buf, dup.len);
	radius_client_input(cl);
	tap_ok(r.calls == 1 && st(RADIUS_KIND_AUTH, 0)->unknown_id == 1,
	       "reply with an unknown identifier dropped and counted");
	tap_ok(radius_client_pending(cl) == 0, "nothing pending");
}

static void test_forged(void)
{
	const struct radius_server_stats *s = st(RADIUS_KIND_AUTH, 0);
	struct radius_msg m = access_req(), rep;
	struct result r = { 0 };
	uint8_t big[4200];

	radius_client_send(cl, RADIUS_KIND_AUTH, &m, done_cb, &r);
	srv_recv(&s1);

	srv_reply(&s1, RADIUS_ACCESS_ACCEPT, R_BAD_SECRET);
	radius_client_input(cl);
	tap_ok(r.calls == 0 && s->bad_authenticator == 1,
	       "reply signed with another secret: dropped");

	srv_build(&s1, RADIUS_ACCESS_REJECT, 0, &rep);
	rep.buf[0] = RADIUS_ACCESS_ACCEPT;	/* Reject turned into Accept */
	srv_send(&s1, rep.buf, rep.len);
	radius_client_input(cl);
	tap_ok(r.calls == 0 && s->bad_authenticator == 2,
	       "Access-Reject rewritten to Accept: dropped");

	srv_reply(&s1, RADIUS_ACCESS_ACCEPT, R_NO_MA);
	radius_client_input(cl);
	tap_ok(r.calls == 0 && s->missing_ma == 1,
	       "reply without Message-Authenticator: dropped");

	srv_reply(&s1, RADIUS_ACCESS_ACCEPT, R_BAD_MA);
	radius_client_input(cl);
	tap_ok(r.calls == 0 && s->bad_ma == 1,
	       "reply with a wrong Message-Authenticator: dropped");

	srv_reply(&s1, RADIUS_ACCOUNTING_RESPONSE, 0);
	radius_client_input(cl);
	tap_ok(r.calls == 0 && s->bad_code == 1,
	       "Accounting-Response on the authentication socket: dropped");

	srv_build(&s1, RADIUS_ACCESS_ACCEPT, 0, &rep);
	rep.buf[21] = 1;	/* first attribute length 1 */
	srv_send(&s1, rep.buf, rep.len);
	radius_client_input(cl);
	tap_ok(r.calls == 0 && s->malformed == 1,
	       "malformed reply: dropped");

	memset(big, 0, sizeof(big));
	memcpy(big, rep.buf, 20);
	srv_send(&s1, big, sizeof(big));
	radius_client_input(cl);
	tap_ok(r.calls == 0 && s->malformed == 2,
	       "4200-octet reply: dropped");

	tap_ok(radius_client_pending(cl) == 1, "the request still waits");
	srv_reply(&s1, RADIUS_ACCESS_REJECT, 0);
	radius_client_input(cl);
	tap_ok(r.calls == 1 && r.code == RADIUS_ACCESS_REJECT &&
	       r.msk_len == 0, "then the genuine Access-Reject is delivered");
}

static void test_failover(void)
{
	struct radius_msg m = access_req();
	uint8_t first[RADIUS_MAX_LEN];
	size_t first_len;
	struct result r = { 0 };
	int i;

	radius_client_send(cl, RADIUS_KIND_AUTH, &m, done_cb, &r);
	tap_ok(srv_recv(&s1), "request on the first server");
	memcpy(first, s1.raw, s1.raw_len);
	first_len = s1.raw_len;
	tap_ok(radius_client_next_deadline(cl) == fake_now + 1000,
	       "retransmission timer at +1000 ms");
	tick(999);
	tap_ok(!srv_recv(&s1), "nothing sent before the timeout");
	for (i = 0; i < 2; i++) {
		tick(1);
		tap_ok(srv_recv(&s1) && s1.raw_len == first_len &&
		       !memcmp(s1.raw, first, first_len),
		       "retransmitted unchanged (same id and authenticator)");
		fake_now += 999;
	}
	tick(1);
	tap_ok(!srv_recv(&s1), "no fourth transmission to the first server");
	tap_ok(srv_recv(&s2), "failed over to the second server");
	tap_ok(memcmp(radius_msg_auth(&s2.last), first + 4, 16) != 0,
	       "with a new Request Authenticator");
	tap_ok(!radius_ma_verify(&s2.last, NULL, &s2.sec, true) &&
	       password_is(&s2, "wonderland"),
	       "signed and hidden with the second server's secret");
	tap_ok(st(RADIUS_KIND_AUTH, 0)->retransmissions == 2 &&
	       st(RADIUS_KIND_AUTH, 0)->timeouts == 1 &&
	       st(RADIUS_KIND_AUTH, 0)->dead_marks == 1 &&
	       st(RADIUS_KIND_AUTH, 0)->dead, "first server marked dead");
	srv_reply(&s2, RADIUS_ACCESS_ACCEPT, 0);
	radius_client_input(cl);
	tap_ok(r.calls == 1 && r.code == RADIUS_ACCESS_ACCEPT &&
	       r.attempts == 4, "accepted by the second, 4 transmissions");
	tap_str(r.server, radius_client_server_name(cl, RADIUS_KIND_AUTH, 1),
		"result names the second server");

	/* while dead, new requests skip the first server */
	memset(&r, 0, sizeof(r));
	radius_client_send(cl, RADIUS_KIND_AUTH, &m, done_cb, &r);
	tap_ok(!srv_recv(&s1) && srv_recv(&s2), "dead server skipped");
	srv_reply(&s2, RADIUS_ACCESS_ACCEPT, 0);
	radius_client_input(cl);
	tap_ok(r.calls == 1, "answered");

	/* after dead_time it is tried again, and revives on an answer */
	fake_now += 30000;
	memset(&r, 0, sizeof(r));
	radius_client_send(cl, RADIUS_KIND_AUTH, &m, done_cb, &r);
	tap_ok(srv_recv(&s1) && !srv_recv(&s2),
	       "after the dead time the first server is tried again");
	srv_reply(&s1, RADIUS_ACCESS_ACCEPT, 0);
	radius_client_input(cl);
	tap_ok(r.calls == 1 && !st(RADIUS_KIND_AUTH, 0)->dead,
	       "first server alive again");
}

static void test_not_dead_if_answering(void)
{
	struct radius_msg m = access_req();
	struct result r1 = { 0 }, r2 = { 0 };
	struct fake_srv keep;
	int i;

	radius_client_send(cl, RADIUS_KIND_AUTH, &m, done_cb, &r1);
	srv_recv(&s1);
	radius_client_send(cl, RADIUS_KIND_AUTH, &m, done_cb, &r2);
	srv_recv(&s1);
	keep = s1;
	fake_now += 500;
	srv_reply(&keep, RADIUS_ACCESS_ACCEPT, 0);	/* answers r2 only */
	radius_client_input(cl);
	tap_ok(r2.calls == 1 && r1.calls == 0, "second request answered");
	for (i = 0; i < 3; i++)
		tick(1000);
	tap_ok(srv_drain(&s1) == 2 && srv_recv(&s2),
	       "the first request failed over");
	tap_ok(st(RADIUS_KIND_AUTH, 0)->dead_marks == 1 &&
	       !st(RADIUS_KIND_AUTH, 0)->dead,
	       "a server that answers others is not marked dead");
	srv_reply(&s2, RADIUS_ACCESS_ACCEPT, 0);
	radius_client_input(cl);
	tap_ok(r1.calls == 1, "answered by the second");
}

static void test_all_dead(void)
{
	struct radius_msg m = access_req();
	struct result r = { 0 };
	int i;

	radius_client_send(cl, RADIUS_KIND_AUTH, &m, done_cb, &r);
	for (i = 0; i < 5; i++)
		tick(1000);
	tap_ok(r.calls == 0, "still trying after 5 timeouts");
	tick(1000);
	tap_ok(r.calls == 1 && r.st == RADIUS_TIMEOUT && r.attempts == 6 &&
	       !r.server[0], "no server answered: RADIUS_TIMEOUT after 6 transmissions");
	tap_ok(srv_drain(&s1) == 3 && srv_drain(&s2) == 3,
	       "3 transmissions to each server");
	tap_ok(st(RADIUS_KIND_AUTH, 0)->dead && st(RADIUS_KIND_AUTH, 1)->dead,
	       "both marked dead");
	tap_ok(radius_client_pending(cl) == 0 &&
	       radius_client_next_deadline(cl) == UINT64_MAX, "idle");

	/* all dead: a new request still tries every server in order */
	memset(&r, 0, sizeof(r));
	radius_client_send(cl, RADIUS_KIND_AUTH, &m, done_cb, &r);
	tap_ok(srv_recv(&s1), "all dead: the first server is tried anyway");
	srv_reply(&s1, RADIUS_ACCESS_REJECT, 0);
	radius_client_input(cl);
	tap_ok(r.calls == 1 && r.code == RADIUS_ACCESS_REJECT &&
	       !st(RADIUS_KIND_AUTH, 0)->dead, "and revives when it answers");
	fake_now += 31000;	/* the second one's dead time ends */
}

/* A request waiting on a server another request declared dead moves on
 * at its next timer instead of retransmitting there. */
static void test_dead_meanwhile(void)
{
	struct radius_msg m = access_req();
	struct result r1 = { 0 }, r2 = { 0 };
	uint64_t marks = st(RADIUS_KIND_AUTH, 0)->dead_marks;
	struct radius_req *h1;

	h1 = radius_client_send(cl, RADIUS_KIND_AUTH, &m, done_cb, &r1);
	tick(1000);			/* r1: 2nd transmission */
	fake_now += 500;
	radius_client_send(cl, RADIUS_KIND_AUTH, &m, done_cb, &r2);
	tap_ok(srv_drain(&s1) == 3, "two requests on the first server");
	tick(500);			/* r1: 3rd */
	tick(1000);			/* r1 gives up: server dead; r2: 2nd */
	tap_ok(st(RADIUS_KIND_AUTH, 0)->dead_marks == marks + 1,
	       "first server declared dead by the first request");
	tap_ok(srv_drain(&s1) == 2 && srv_drain(&s2) == 1,
	       "first request failed over");
	tick(1000);			/* r2's timer: no 3rd try on a dead server */
	tap_ok(srv_drain(&s1) == 0 && srv_recv(&s2),
	       "second request failed over at its next timer, not retransmitted");
	tap_ok(st(RADIUS_KIND_AUTH, 0)->dead_marks == marks + 1,
	       "... without a second dead mark");
	srv_reply(&s2, RADIUS_ACCESS_ACCEPT, 0);
	radius_client_input(cl);
	tap_ok(r2.calls == 1 && r2.attempts == 3 && r1.calls == 0,
	       "second request answered after 3 transmissions");
	radius_client_cancel(cl, h1);
	tap_ok(radius_client_pending(cl) == 0, "first request cancelled");
}

static void test_accounting(void)
{
	struct radius_acct_info ai = {
		.status = RADIUS_ACCT_START,
		.session_id = "5f00000000000001",
		.user_name = "alice",
		.calling_station_id = "02-00-00-00-01-00",
	};
	struct radius_msg m, rep;
	struct result r = { 0 };
	uint8_t first[RADIUS_MAX_LEN];
	size_t first_len;
	uint32_t u;

	radius_acct_build(&m, &ai);
	tap_ok(radius_client_send(cl, RADIUS_KIND_AUTH, &m, done_cb, &r) ==
	       NULL && errno == EINVAL,
	       "Accounting-Request on the authentication kind refused");
	radius_client_send(cl, RADIUS_KIND_ACCT, &m, done_cb, &r);
	tap_ok(srv_recv(&sa) && radius_msg_code(&sa.last) ==
	       RADIUS_ACCOUNTING_REQUEST, "Accounting-Request sent");
	tap_ok(!radius_req_auth_verify(&sa.last, &sa.sec),
	       "its Request Authenticator verifies");
	tap_ok(radius_msg_get_u32(&sa.last, RADIUS_ATTR_ACCT_DELAY_TIME, &u) &&
	       u == 0, "Acct-Delay-Time 0");
	memcpy(first, sa.raw, sa.raw_len);
	first_len = sa.raw_len;
	tick(1000);
	tap_ok(srv_recv(&sa) && sa.raw_len == first_len &&
	       !memcmp(sa.raw, first, first_len),
	       "retransmitted unchanged");
	srv_build(&sa, RADIUS_ACCOUNTING_RESPONSE, R_NO_MA, &rep);
	rep.buf[4] ^= 1;
	srv_send(&sa, rep.buf, rep.len);
	radius_client_input(cl);
	tap_ok(r.calls == 0 && st(RADIUS_KIND_ACCT, 0)->bad_authenticator == 1,
	       "Accounting-Response with a bad authenticator dropped");
	srv_reply(&sa, RADIUS_ACCOUNTING_RESPONSE, R_NO_MA);
	radius_client_input(cl);
	tap_ok(r.calls == 1 && r.code == RADIUS_ACCOUNTING_RESPONSE,
	       "Accounting-Response delivered");

	/* Stop after the server dies: Acct-Delay-Time grows on failover */
	ai.status = RADIUS_ACCT_STOP;
	ai.session_time_s = 60;
	radius_acct_build(&m, &ai);
	memset(&r, 0, sizeof(r));
	radius_client_send(cl, RADIUS_KIND_ACCT, &m, done_cb, &r);
	tick(1000);
	tick(1000);
	tick(1000);
	tap_ok(r.calls == 1 && r.st == RADIUS_TIMEOUT && srv_drain(&sa) == 3,
	       "single accounting server silent: timeout after 3 tries");
}

static void test_id_exhaustion(void)
{
	static struct radius_req *h[257];
	static struct result rs[257];
	struct radius_acct_info ai = {
		.status = RADIUS_ACCT_INTERIM_UPDATE,
		.session_id = "5f00000000000002",
	};
	struct radius_msg m;
	int i, got = 0;

	fake_now += 61000;	/* the accounting server's dead time ends */
	radius_acct_build(&m, &ai);
	memset(rs, 0, sizeof(rs));
	for (i = 0; i < 257; i++) {
		h[i] = radius_client_send(cl, RADIUS_KIND_ACCT, &m, done_cb,
					  &rs[i]);
		got += srv_drain(&sa);
	}
	tap_ok(h[256] && got == 256 && radius_client_pending(cl) == 257,
	       "256 requests in flight on one server, the 257th waits");
	/* answer the last one received: frees an id for the waiting one,
	 * which goes out with Acct-Delay-Time 2 (else it would be the same
	 * packet as the one answered, and its answer a duplicate) */
	fake_now += 2000;
	srv_reply(&sa, RADIUS_ACCOUNTING_RESPONSE, R_NO_MA);
	radius_client_input(cl);
	tap_ok(srv_drain(&sa) == 1 && radius_client_pending(cl) == 256,
	       "an answer lets the waiting request go out");
	for (i = 0; i < 257; i++)
		if (!rs[i].calls)
			radius_client_cancel(cl, h[i]);
	tap_ok(radius_client_pending(cl) == 0, "cancelled");
	srv_reply(&sa, RADIUS_ACCOUNTING_RESPONSE, R_NO_MA);
	radius_client_input(cl);
	if (st(RADIUS_KIND_ACCT, 0)->unknown_id != 1)
		printf("# unknown_id %lu dup %lu\n",
		       (unsigned long)st(RADIUS_KIND_ACCT, 0)->unknown_id,
		       (unsigned long)st(RADIUS_KIND_ACCT, 0)->duplicates);
	tap_ok(st(RADIUS_KIND_ACCT, 0)->unknown_id == 1,
	       "reply to a cancelled request: unknown identifier");
}

static void test_dead_port(void)
{
	struct radius_client_conf conf;
	struct radius_client *c2;
	struct fake_srv gone;
	struct radius_msg m = access_req();
	struct result r = { 0 };
	char err[128];
	int i;

	srv_open(&gone, "127.0.0.1", "secret-one");
	close(gone.fd);		/* nothing listens on that port now */
	memset(&conf, 0, sizeof(conf));
	conf.auth[0].addr = gone.addr;
	conf.auth[0].addr_len = gone.addr_len;
	conf.auth[0].secret = gone.sec;
	conf.auth[1].addr = s2.addr;
	conf.auth[1].addr_len = s2.addr_len;
	conf.auth[1].secret = s2.sec;
	conf.n_auth = 2;
	conf.timeout_ms = 200;
	conf.max_tries = 2;
	conf.now_ms = fake_clock;
	c2 = radius_client_new(&conf, err, sizeof(err));
	tap_ok(c2 != NULL, "client with a dead first server");
	if (!c2)
		return;
	srv_drain(&s2);
	radius_client_send(c2, RADIUS_KIND_AUTH, &m, done_cb, &r);
	radius_client_input(c2);
	for (i = 0; i < 2; i++) {
		fake_now += 200;
		radius_client_run_timers(c2);
		radius_client_input(c2);
	}
	tap_ok(radius_client_stats(c2, RADIUS_KIND_AUTH, 0)->socket_errors > 0,
	       "ICMP port unreachable counted");
	tap_ok(srv_recv(&s2), "failed over to the live server");
	srv_reply(&s2, RADIUS_ACCESS_ACCEPT, 0);
	radius_client_input(c2);
	tap_ok(r.calls == 1 && r.code == RADIUS_ACCESS_ACCEPT, "accepted");
	radius_client_free(c2);
}

static void test_bad_conf(void)
{
	struct radius_client_conf conf;
	char err[128] = "";

	memset(&conf, 0, sizeof(conf));
	tap_ok(!radius_client_new(&conf, err, sizeof(err)) &&
	       strstr(err, "at least one server"), "no server: refused");
	conf.auth[0].addr = s1.addr;
	conf.auth[0].addr_len = s1.addr_len;
	conf.auth[0].secret = s1.sec;
	conf.auth[1].addr = s2.addr;
	conf.auth[1].addr_len = s2.addr_len;
	conf.n_auth = 2;
	conf.acct[0].addr = sa.addr;	/* not opened yet when auth[1] fails */
	conf.acct[0].addr_len = sa.addr_len;
	conf.acct[0].secret = sa.sec;
	conf.n_acct = 1;
	if (fcntl(0, F_GETFD) == -1) {	/* make sure fd 0 exists */
		int fd = open("/dev/null", O_RDONLY);

		if (fd > 0) {
			dup2(fd, 0);
			close(fd);
		}
	}
	tap_ok(!radius_client_new(&conf, err, sizeof(err)) &&
	       strstr(err, "empty secret"), "empty secret: refused");
	tap_ok(fcntl(0, F_GETFD) != -1,
	       "the half-built client closed only its own sockets");
}

/* --- DAS ---------------------------------------------------------------- */

/*
 * A new server set while requests are under way (SIGHUP): they start
 * again on the new servers with the new secrets; a server that stays
 * keeps its counters; handles stay valid.
 */
static void test_renew(void)
{
	struct radius_client_conf conf;
	struct radius_msg m = access_req();
	struct result r = { 0 }, r2 = { 0 }, ra = { 0 };
	struct fake_srv s3;
	struct radius_req *h2 = NULL;
	uint64_t s2_req;
	char err[128] = "";

	srv_drain(&s1);
	srv_drain(&s2);
	srv_drain(&sa);
	fake_now += 100000;	/* every server alive */
	/* two requests on s1, which will never answer */
	tap_ok(radius_client_send(cl, RADIUS_KIND_AUTH, &m, done_cb, &r) &&
	       (h2 = radius_client_send(cl, RADIUS_KIND_AUTH, &m, done_cb,
					&r2)) && srv_drain(&s1) == 2,
	       "renew: two requests under way on the first server");
	s2_req = st(RADIUS_KIND_AUTH, 1)->requests;

	/* new set: s3 (new, its own secret) first, then s2 (unchanged);
	 * no accounting server */
	srv_open(&s3, "127.0.0.1", "secret-three");
	memset(&conf, 0, sizeof(conf));
	conf.auth[0].addr = s3.addr;
	conf.auth[0].addr_len = s3.addr_len;
	conf.auth[0].secret = s3.sec;
	conf.auth[1].addr = s2.addr;
	conf.auth[1].addr_len = s2.addr_len;
	conf.auth[1].secret = s2.sec;
	conf.n_auth = 2;
	conf.timeout_ms = 1000;
	conf.max_tries = 3;
	conf.dead_time_s = 30;
	conf.now_ms = fake_clock;

	/* a bad new set leaves the client as it was */
	{
		struct radius_client_conf bad = conf;
		struct radius_client *before = cl;

		bad.auth[0].secret.len = 0;
		tap_ok(radius_client_renew(&cl, &bad, err, sizeof(err)) < 0 &&
		       cl == before && radius_client_pending(cl) == 2,
		       "renew: a bad server set is refused, the client runs on");
	}

	tap_ok(radius_client_renew(&cl, &conf, err, sizeof(err)) == 0,
	       "renew: new server set taken");
	tap_ok(radius_client_pending(cl) == 2 && srv_drain(&s3) == 2 &&
	       !srv_recv(&s1), "renew: both requests sent again, to the new first server");
	tap_ok(!radius_ma_verify(&s3.last, NULL, &s3.sec, true) &&
	       password_is(&s3, "wonderland"),
	       "renew: signed and hidden with the new secret");
	tap_ok(st(RADIUS_KIND_AUTH, 1)->requests == s2_req,
	       "renew: a server that stays keeps its counters");
	radius_client_cancel(cl, h2);
	tap_ok(radius_client_pending(cl) == 1 && r2.calls == 0,
	       "renew: an old handle is cancelled on the new client");
	srv_reply(&s3, RADIUS_ACCESS_ACCEPT, 0);
	radius_client_input(cl);
	tap_ok(r.calls == 1 && r.code == RADIUS_ACCESS_ACCEPT &&
	       r.attempts == 2, "renew: answered by the new server (2 transmissions in all)");
	tap_ok(radius_client_send(cl, RADIUS_KIND_ACCT, &m, done_cb, &ra) ==
	       NULL && errno == EINVAL, "renew: no accounting server any more");
	tap_ok(radius_client_pending(cl) == 0, "renew: nothing pending");

	/* back to the first set for the tests that follow */
	conf.auth[0].addr = s1.addr;
	conf.auth[0].addr_len = s1.addr_len;
	conf.auth[0].secret = s1.sec;
	conf.acct[0].addr = sa.addr;
	conf.acct[0].addr_len = sa.addr_len;
	conf.acct[0].secret = sa.sec;
	conf.n_acct = 1;
	snprintf(conf.nas_id, sizeof(conf.nas_id), "fsr-test");
	tap_ok(radius_client_renew(&cl, &conf, err, sizeof(err)) == 0,
	       "renew: first set again");
	close(s3.fd);
}

static int das_calls;

static bool das_cb(void *ctx, const struct radius_msg *req, uint32_t *cause)
{
	const uint8_t *v;
	size_t l;

	(void)ctx;
	das_calls++;
	v = radius_msg_find(req, RADIUS_ATTR_USER_NAME, &l);
	if (radius_msg_code(req) == RADIUS_DISCONNECT_REQUEST && v &&
	    l == 5 && !memcmp(v, "alice", 5))
		return true;
	*cause = radius_msg_code(req) == RADIUS_COA_REQUEST ?
		 RADIUS_ERR_CAUSE_UNSUPPORTED_SERVICE :
		 RADIUS_ERR_CAUSE_SESSION_NOT_FOUND;
	return false;
}

static void das_req(struct radius_msg *m, uint8_t code, uint8_t id,
		    const char *user, int64_t ts_delta, const char *sec)
{
	struct radius_secret s = secret(sec);
	static const uint8_t zero[16];

	radius_msg_init(m, code, id);
	radius_msg_add_str(m, RADIUS_ATTR_USER_NAME, user);
	radius_msg_add_u32(m, RADIUS_ATTR_EVENT_TIMESTAMP,
			   (uint32_t)(time(NULL) + ts_delta));
	radius_msg_add(m, RADIUS_ATTR_PROXY_STATE, "ps", 2);
	radius_msg_add_ma(m);
	radius_ma_sign(m, zero, &s);
	radius_req_auth_sign(m, &s);
}

static void test_das(void)
{
	struct radius_das_conf dc;
	struct radius_das *d;
	struct sockaddr_in to = { .sin_family = AF_INET };
	struct fake_srv peer, other;
	struct radius_msg m, rep;
	struct radius_secret s = secret("das-secret");
	uint8_t first[RADIUS_MAX_LEN];
	size_t first_len, l;
	const struct radius_das_stats *ds;
	const uint8_t *v;
	uint32_t u;
	char err[128];

	memset(&dc, 0, sizeof(dc));
	radius_parse_addr("127.0.0.1", 0, &dc.bind, &dc.bind_len);
	radius_parse_addr("127.0.0.1", 0, &dc.clients[0].addr,
			  &dc.clients[0].addr_len);
	dc.clients[0].secret = s;
	dc.n_clients = 1;
	dc.now_ms = fake_clock;
	d = radius_das_new(&dc, das_cb, NULL, err, sizeof(err));
	tap_ok(d && radius_das_port(d), "DAS listening");
	if (!d)
		return;
	ds = radius_das_stats(d);
	to.sin_port = htons(radius_das_port(d));
	inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
	srv_open(&peer, "127.0.0.1", "das-secret");
	srv_open(&other, "127.0.0.2", "das-secret");
	memcpy(&peer.peer, &to, sizeof(to));
	peer.peer_len = sizeof(to);
	memcpy(&other.peer, &to, sizeof(to));
	other.peer_len = sizeof(to);

	das_req(&m, RADIUS_DISCONNECT_REQUEST, 7, "alice", 0, "das-secret");
	srv_send(&peer, m.buf, m.len);
	radius_das_input(d);
	tap_ok(das_calls == 1 && ds->acks == 1, "Disconnect-Request handed over");
	tap_ok(srv_recv(&peer) && radius_msg_code(&peer.last) ==
	       RADIUS_DISCONNECT_ACK && radius_msg_id(&peer.last) == 7,
	       "Disconnect-ACK sent");
	tap_ok(!radius_resp_auth_verify(&peer.last, radius_msg_auth(&m), &s) &&
	       !radius_ma_verify(&peer.last, radius_msg_auth(&m), &s, true),
	       "its Response Authenticator and Message-Authenticator verify");
	v = radius_msg_find(&peer.last, RADIUS_ATTR_PROXY_STATE, &l);
	tap_ok(v && l == 2 && !memcmp(v, "ps", 2), "Proxy-State echoed");
	memcpy(first, peer.raw, peer.raw_len);
	first_len = peer.raw_len;

	srv_send(&peer, m.buf, m.len);
	radius_das_input(d);
	tap_ok(das_calls == 1 && ds->duplicates == 1 && srv_recv(&peer) &&
	       peer.raw_len == first_len && !memcmp(peer.raw, first, first_len),
	       "retransmitted request: same answer, no second callback");

	das_req(&m, RADIUS_DISCONNECT_REQUEST, 8, "bob", 0, "das-secret");
	srv_send(&peer, m.buf, m.len);
	radius_das_input(d);
	tap_ok(srv_recv(&peer) && radius_msg_code(&peer.last) ==
	       RADIUS_DISCONNECT_NAK && radius_msg_get_u32(&peer.last,
							   RADIUS_ATTR_ERROR_CAUSE,
							   &u) && u == 503,
	       "unknown session: Disconnect-NAK, Error-Cause 503");

	das_req(&m, RADIUS_COA_REQUEST, 9, "alice", 0, "das-secret");
	srv_send(&peer, m.buf, m.len);
	radius_das_input(d);
	tap_ok(srv_recv(&peer) && radius_msg_code(&peer.last) ==
	       RADIUS_COA_NAK, "CoA-Request: CoA-NAK");

	das_req(&m, RADIUS_DISCONNECT_REQUEST, 10, "alice", 0, "wrong");
	srv_send(&peer, m.buf, m.len);
	radius_das_input(d);
	tap_ok(!srv_recv(&peer) && ds->bad_authenticator == 1 &&
	       das_calls == 3, "wrong secret: silently dropped");

	das_req(&m, RADIUS_DISCONNECT_REQUEST, 11, "alice", -1000,
		"das-secret");
	srv_send(&peer, m.buf, m.len);
	radius_das_input(d);
	tap_ok(!srv_recv(&peer) && ds->bad_timestamp == 1,
	       "stale Event-Timestamp: dropped");

	das_req(&m, RADIUS_DISCONNECT_REQUEST, 12, "alice", 0, "das-secret");
	m.buf[m.len - 1] ^= 1;	/* MA value: then re-sign the authenticator */
	radius_req_auth_sign(&m, &s);
	srv_send(&peer, m.buf, m.len);
	radius_das_input(d);
	tap_ok(!srv_recv(&peer) && ds->bad_ma == 1,
	       "bad Message-Authenticator: dropped");

	das_req(&m, RADIUS_DISCONNECT_REQUEST, 13, "alice", 0, "das-secret");
	srv_send(&other, m.buf, m.len);
	radius_das_input(d);
	tap_ok(!srv_recv(&other) && ds->unknown_client == 1,
	       "request from an unconfigured address: dropped");

	radius_msg_init(&rep, RADIUS_ACCESS_REQUEST, 14);
	radius_req_auth_sign(&rep, &s);
	srv_send(&peer, rep.buf, rep.len);
	radius_das_input(d);
	tap_ok(!srv_recv(&peer) && ds->bad_code == 1,
	       "Access-Request on the DAS port: dropped");
	tap_ok(das_calls == 3, "the callback saw only verified requests");
	radius_das_free(d);

	/* bound to [::]: an IPv4 client arrives IPv4-mapped and matches */
	radius_parse_addr("::", 0, &dc.bind, &dc.bind_len);
	d = radius_das_new(&dc, das_cb, NULL, err, sizeof(err));
	tap_ok(d != NULL, "DAS listening on [::]");
	if (d) {
		to.sin_port = htons(radius_das_port(d));
		memcpy(&peer.peer, &to, sizeof(to));
		das_req(&m, RADIUS_DISCONNECT_REQUEST, 20, "alice", 0,
			"das-secret");
		srv_send(&peer, m.buf, m.len);
		radius_das_input(d);
		tap_ok(srv_recv(&peer) && radius_msg_code(&peer.last) ==
		       RADIUS_DISCONNECT_ACK,
		       "IPv4 client of a [::] DAS: Disconnect-ACK");
		radius_das_free(d);
	}
	close(peer.fd);
	close(other.fd);
}

int main(void)
{
	setup();
	test_accept();
	test_forged();
	test_failover();
	test_not_dead_if_answering();
	test_all_dead();
	test_dead_meanwhile();
	test_accounting();
	test_id_exhaustion();
	test_dead_port();
	test_bad_conf();
	test_renew();
	test_das();
	radius_client_free(cl);
	close(s1.fd);
	close(s2.fd);
	close(sa.fd);
	return tap_done();
}
