// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over the AC's Portal engine (userspace/fsrd/portal/
 * portal_sess.c): sequences of packets from two portal servers (v2 with
 * a secret, v1), with RADIUS answers, timers and AC logouts between
 * them. Sessions, answers kept for retransmissions and NTF_LOGOUT
 * retries must stay within their bounds whatever arrives.
 *
 * Input: records [control][length][bytes] (length one octet). control
 * bit 0: the record goes to the v1 server, else the v2 one; bit 1: the
 * harness signs a v2 record as a request with the server's secret (so
 * the fuzzer gets past the Authenticator); bits 2-3: then answer the
 * last RADIUS request (1 accept, 2 reject, 3 no answer); bit 4: then 31 s
 * pass and the timers run; bit 5: then the AC logs out the record's
 * UserIP.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "portal/portal_sess.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

static uint64_t clock_ms;
static uint32_t token;
static bool have_token;
static unsigned int rnd_ctr;

static int lookup(void *ctx, uint32_t ip, uint8_t mac[6])
{
	(void)ctx;
	if ((ip & 0xff) == 0xff)
		return -ENOENT;
	memset(mac, 0x02, 6);
	mac[5] = (uint8_t)ip;
	return 0;
}

static int authenticate(void *ctx, const struct portal_sess *s,
			const struct portal_login *l)
{
	(void)ctx;
	CHECK(l->user && strlen(l->user) <= PORTAL_USER_MAX);
	CHECK(l->auth_type == PORTAL_PAP || l->chap_challenge);
	token = s->token;
	have_token = true;
	return 0;
}

static void send_pkt(void *ctx, int server, uint16_t port,
		     const uint8_t *buf, size_t len)
{
	struct portal_pkt p;

	(void)ctx;
	(void)port;
	CHECK(server == 0 || server == 1);
	/* everything the AC sends parses */
	CHECK(portal_parse(buf, len, &p) == PORTAL_OK);
}

static int rnd(void *ctx, uint8_t *buf, size_t len)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < len; i++)
		buf[i] = (uint8_t)(rnd_ctr++ * 7);
	return 0;
}

static uint64_t now_ms(void *ctx)
{
	(void)ctx;
	return clock_ms;
}

static int info(void *ctx, const struct portal_sess *s,
		struct portal_info *out)
{
	(void)ctx;
	out->up_octets = s->ip;
	out->down_octets = UINT64_MAX;
	memset(out->port, 'p', sizeof(out->port));	/* unterminated */
	return s->ip & 1 ? -EIO : 0;
}

static const struct portal_sess_ops ops = {
	.lookup = lookup, .authenticate = authenticate, .send = send_pkt,
	.info = info, .random = rnd, .now_ms = now_ms,
};

static const struct portal_server_conf servers[2] = {
	{ PORTAL_V2, { "testing123", 10 }, 30 },	/* liveness watched */
	{ PORTAL_V1, { "", 0 }, 0 },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct portal_sess_conf conf = {
		.max_sessions = 8, .max_pending = 4, .challenge_timeout_s = 60,
		.aff_timeout_s = 30, .bas_ip = 0x0a000001,
	};
	static uint8_t buf[256];
	struct portal_engine *e;

	clock_ms = 1000;
	have_token = false;
	rnd_ctr = 0;
	e = portal_engine_new(&conf, servers, 2, &ops, NULL);
	CHECK(e);
	while (size >= 2) {
		uint8_t ctl = data[0];
		size_t len = data[1];
		int server = ctl & 1;

		data += 2;
		size -= 2;
		if (len > size)
			len = size;
		memcpy(buf, data, len);
		data += len;
		size -= len;
		if ((ctl & 2) && !server && len >= PORTAL_HDR_V2) {
			uint8_t a[PORTAL_AUTH_LEN];

			if (!portal_authenticator(buf, len, NULL,
						  &servers[0].secret, a))
				memcpy(buf + 16, a, PORTAL_AUTH_LEN);
		}
		(void)portal_sess_rx(e, server, 2000, buf, len);
		if ((ctl >> 2 & 3) && have_token)
			portal_sess_auth_done(e, token,
					      (enum portal_auth_result)((ctl >> 2 & 3) - 1),
					      "reason");
		if (ctl & 16) {
			clock_ms += 31000;
			portal_sess_run_timers(e);
		}
		if ((ctl & 32) && len >= 12)
			(void)portal_sess_logout(e, (uint32_t)buf[8] << 24 |
						 (uint32_t)buf[9] << 16 |
						 (uint32_t)buf[10] << 8 | buf[11],
						 NULL);
		CHECK(portal_sess_count(e) <= conf.max_sessions);
	}
	portal_engine_free(e);
	return 0;
}
