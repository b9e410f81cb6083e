// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over fsrd's EAP relay (userspace/fsrd/eap/eap_relay.c):
 * one session with fake ops (the EAPOL transmitter, the RADIUS client,
 * the timers and the owner's success/failure are the harness's) is fed
 * the two kinds of bytes from outside: EAPOL frames from the station
 * (EAP-Response, Start, Logoff, Key, garbage) and RADIUS replies (parsed
 * by the real codec, radius_msg_parse, as the client does, then handed
 * over as the client's completion), mixed with timer expiries.
 *
 * Input: one selector octet (bit 0: the owner frees the session from
 * success/failure, a new one is made for what follows; bit 1: a quiet
 * period; bit 2: a reauthentication period), then records of
 * [op][length: 2 octets, big endian][bytes]. op & 7: 0 EAPOL frame from
 * the station, 1 RADIUS reply, 2 RADIUS timeout, 3 RADIUS local error,
 * 4 retransmission timer, 5 session timer, 6 (re)association,
 * 7 operator reauthentication. op & 0x10: for an EAPOL frame, set its EAP
 * identifier to that of the last request sent; for an Access-Accept, hand
 * over an MSK as the client does when MS-MPPE keys are there. A reply or
 * a timer is delivered only while one is pending, as the daemon does.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eap/eap_relay.h"
#include "radius/radius_auth.h"

#define CHECK(c)		\
	do {			\
		if (!(c))	\
			abort();\
	} while (0)

struct harness {
	struct eap_relay *s;
	bool free_on_result;
	int handle;
	bool pending;
	radius_done_fn done;
	void *done_ctx;
	bool timer[EAP_RELAY_TIMERS];
	uint8_t last_id;		/* of the last EAP-Request sent */
	unsigned int successes, failures;
};

static struct harness h;
static struct eap_relay_conf conf;

static int op_send(void *ctx, const uint8_t *f, size_t len)
{
	(void)ctx;
	/* a well-formed EAPOL-EAP frame, always */
	CHECK(len >= EAPOL_HDR_LEN + EAP_HDR_LEN);
	CHECK(f[1] == EAPOL_TYPE_EAP &&
	      ((size_t)f[2] << 8 | f[3]) == len - EAPOL_HDR_LEN);
	CHECK(((size_t)f[6] << 8 | f[7]) == len - EAPOL_HDR_LEN);
	if (f[4] == EAP_CODE_REQUEST)
		h.last_id = f[5];
	return 0;
}

static void *op_radius_send(void *ctx, const struct radius_msg *req,
			    radius_done_fn done, void *done_ctx)
{
	uint8_t eap[RADIUS_MAX_LEN];

	(void)ctx;
	/* every Access-Request relays one EAP-Response */
	CHECK(radius_msg_code(req) == RADIUS_ACCESS_REQUEST);
	CHECK(radius_msg_get_eap(req, eap, sizeof(eap)) >= EAP_HDR_LEN + 1 &&
	      eap[0] == EAP_CODE_RESPONSE);
	CHECK(!h.pending);
	h.pending = true;
	h.done = done;
	h.done_ctx = done_ctx;
	return &h.handle;
}

static void op_radius_cancel(void *ctx, void *handle)
{
	(void)ctx;
	CHECK(handle == &h.handle && h.pending);
	h.pending = false;
}

static void op_success(void *ctx, const struct eap_relay_success *r)
{
	(void)ctx;
	CHECK(r->msk && r->msk_len == RADIUS_MSK_LEN && r->attrs);
	h.successes++;
	if (h.free_on_result) {
		eap_relay_free(h.s);
		h.s = NULL;
	}
}

static void op_failure(void *ctx, enum eap_relay_reason why)
{
	(void)ctx;
	CHECK(why < EAP_RELAY_REASON_MAX);
	h.failures++;
	if (h.free_on_result) {
		eap_relay_free(h.s);
		h.s = NULL;
	}
}

static void op_trace(void *ctx, const char *line, bool per_message)
{
	(void)ctx;
	(void)per_message;
	CHECK(line != NULL);
}

static void op_timer(void *ctx, enum eap_relay_timer t, unsigned int ms)
{
	(void)ctx;
	CHECK(t < EAP_RELAY_TIMERS);
	h.timer[t] = ms > 0;
}

static const struct eap_relay_ops ops = {
	.send_eapol = op_send,
	.radius_send = op_radius_send,
	.radius_cancel = op_radius_cancel,
	.success = op_success,
	.failure = op_failure,
	.trace = op_trace,
	.timer = op_timer,
};

static const struct eap_relay_sta sta = {
	.sta = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x07 },
	.bssid = { 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 },
	.ssid = "fsr-lab",
	.ssid_len = 7,
	.acct_session_id = "5F3A00000001",
	.first_id = 0x10,
};

static void radius_done(enum radius_status st, const struct radius_msg *m,
			bool with_msk)
{
	static const uint8_t msk[RADIUS_MSK_LEN] = { 0x4d, 0x53, 0x4b, 1 };
	struct radius_result res = {
		.status = st,
		.reply = m,
		.server = "192.0.2.1:1812",
		.attempts = 1,
	};

	if (!h.pending)
		return;
	if (with_msk && m && radius_msg_code(m) == RADIUS_ACCESS_ACCEPT) {
		res.msk = msk;
		res.msk_len = sizeof(msk);
	}
	h.pending = false;
	h.done(h.done_ctx, &res);
}

static void step(uint8_t op, const uint8_t *data, size_t len)
{
	static struct radius_msg m;
	enum eap_relay_timer t;
	uint8_t *buf;

	if (!h.s) {
		CHECK(!h.pending);
		memset(h.timer, 0, sizeof(h.timer));
		h.s = eap_relay_new(&conf, &ops, NULL, &sta);
		CHECK(h.s);
	}
	switch (op & 7) {
	case 0:
		/* an exact-size heap copy so that ASan sees any over-read */
		buf = malloc(len ? len : 1);
		if (!buf)
			return;
		memcpy(buf, data, len);
		if ((op & 0x10) && len > 5)
			buf[5] = h.last_id;
		eap_relay_rx_eapol(h.s, buf, len);
		free(buf);
		break;
	case 1:
		/* what the client hands over: a datagram that parses, with
		 * an Access-Accept, -Reject or -Challenge code */
		if (radius_msg_parse(&m, data, len) == RADIUS_OK &&
		    (radius_msg_code(&m) == RADIUS_ACCESS_ACCEPT ||
		     radius_msg_code(&m) == RADIUS_ACCESS_REJECT ||
		     radius_msg_code(&m) == RADIUS_ACCESS_CHALLENGE))
			radius_done(RADIUS_REPLY, &m, op & 0x10);
		break;
	case 2:
		radius_done(RADIUS_TIMEOUT, NULL, false);
		break;
	case 3:
		radius_done(RADIUS_FAILED, NULL, false);
		break;
	case 4:
	case 5:
		t = (op & 7) == 4 ? EAP_RELAY_TIMER_TX :
				    EAP_RELAY_TIMER_SESSION;
		if (h.timer[t]) {
			h.timer[t] = false;
			eap_relay_timeout(h.s, t);
		}
		break;
	case 6:
		eap_relay_start(h.s);
		break;
	case 7:
		eap_relay_reauth(h.s);
		break;
	}
	if (h.s) {
		CHECK(eap_relay_get_state(h.s) <= EAP_RELAY_HELD);
		CHECK(eap_relay_identity(h.s) != NULL);
		/* an Access-Request is outstanding in one state only */
		CHECK(!h.pending ||
		      eap_relay_get_state(h.s) == EAP_RELAY_RADIUS);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t pos, len;
	uint8_t op;

	if (!size)
		return 0;
	memset(&h, 0, sizeof(h));
	eap_relay_conf_defaults(&conf);
	h.free_on_result = data[0] & 1;
	conf.quiet_period_ms = data[0] & 2 ? 5000 : 0;
	conf.reauth_period_s = data[0] & 4 ? 3600 : 0;
	h.s = eap_relay_new(&conf, &ops, NULL, &sta);
	CHECK(h.s);
	eap_relay_start(h.s);

	pos = 1;
	while (pos + 3 <= size) {
		op = data[pos];
		len = (size_t)data[pos + 1] << 8 | data[pos + 2];
		pos += 3;
		if (len > size - pos)
			len = size - pos;
		step(op, data + pos, len);
		pos += len;
	}
	if (h.s)
		eap_relay_free(h.s);
	CHECK(!h.pending);
	return 0;
}
