// SPDX-License-Identifier: GPL-2.0-only
/*
 * The Portal codec (fsrd/portal/portal_msg.c) against packets computed
 * independently (Python's hashlib, from the layout in docs/portal.md):
 * v2 Authenticators of a request and its response, CHAP, v1 framing, and
 * every malformed form the parser must refuse.
 */
#include <stdlib.h>

#include "portal/portal_msg.h"
#include "tap.h"

static size_t unhex(const char *h, uint8_t *out, size_t max)
{
	size_t n = 0;

	while (h[0] && h[1] && n < max) {
		char b[3] = { h[0], h[1], 0 };

		out[n++] = (uint8_t)strtoul(b, NULL, 16);
		h += 2;
	}
	return n;
}

static const struct portal_secret secret = { "testing123", 10 };

#define REQ_CHALLENGE "02010000123400000a4d000200000000" \
	"46e782a322aa1402bfd3fd2de352eef7"
#define ACK_CHALLENGE "020200001234002a0a4d000200000001" \
	"29174120c7659846bbed5d66d356c641" \
	"0312000102030405060708090a0b0c0d0e0f"
#define CHAP_PW "3e0949a5572c2d338c182b7f6377471d"
#define REQ_AUTH "020300001235002a0a4d000200000003" \
	"582784f857eb45cdc89360a44da42a41" \
	"0107616c696365" "0412" CHAP_PW "0a060a4d0001"
#define V1_PAP "01030100000700000a4d000200000002" \
	"0107616c696365" "020a70617373776f7264"

static void test_v2_request(void)
{
	uint8_t buf[PORTAL_MAX_LEN];
	size_t n = unhex(REQ_CHALLENGE, buf, sizeof(buf));
	struct portal_secret wrong = { "testing124", 10 };
	struct portal_builder b;
	struct portal_pkt p;

	tap_ok(portal_parse(buf, n, &p) == PORTAL_OK &&
	       p.ver == PORTAL_V2 && p.type == PORTAL_REQ_CHALLENGE &&
	       p.serial == 0x1234 && p.req_id == 0 &&
	       p.user_ip == 0x0a4d0002 && p.attr_num == 0,
	       "v2 REQ_CHALLENGE parsed: serial, user IP, no attributes");
	tap_ok(portal_check_request(buf, n, &p, &secret) == PORTAL_OK,
	       "v2 REQ_CHALLENGE: request Authenticator matches");
	tap_ok(portal_check_request(buf, n, &p, &wrong) ==
	       PORTAL_E_AUTHENTICATOR,
	       "v2 REQ_CHALLENGE, wrong secret: Authenticator mismatch");
	buf[9] ^= 1;
	tap_ok(portal_parse(buf, n, &p) == PORTAL_OK &&
	       portal_check_request(buf, n, &p, &secret) ==
	       PORTAL_E_AUTHENTICATOR,
	       "v2 REQ_CHALLENGE, user IP altered: Authenticator mismatch");

	portal_build_start(&b, PORTAL_V2, PORTAL_REQ_CHALLENGE, PORTAL_CHAP,
			   0x1234, 0, 0x0a4d0002, 0);
	n = unhex(REQ_CHALLENGE, buf, sizeof(buf));
	tap_ok(portal_build_finish(&b, NULL, &secret) == PORTAL_OK &&
	       b.len == n && !memcmp(b.buf, buf, n),
	       "v2 REQ_CHALLENGE built byte for byte");
}

static void test_v2_response(void)
{
	uint8_t req[64], want[128];
	size_t rn = unhex(REQ_CHALLENGE, req, sizeof(req));
	size_t wn = unhex(ACK_CHALLENGE, want, sizeof(want));
	uint8_t challenge[16];
	struct portal_builder b;
	struct portal_pkt p, rp;
	const struct portal_attr_view *a;
	unsigned int i;

	for (i = 0; i < 16; i++)
		challenge[i] = (uint8_t)i;
	tap_ok(portal_parse(req, rn, &rp) == PORTAL_OK, "request parsed");
	portal_build_start(&b, PORTAL_V2, PORTAL_ACK_CHALLENGE, PORTAL_CHAP,
			   rp.serial, 0x2a, rp.user_ip, PORTAL_AUTH_OK);
	portal_build_attr(&b, PORTAL_A_CHALLENGE, challenge, 16);
	tap_ok(portal_build_finish(&b, rp.authenticator, &secret) ==
	       PORTAL_OK && b.len == wn && !memcmp(b.buf, want, wn),
	       "v2 ACK_CHALLENGE built byte for byte (response Authenticator over the request's)");
	tap_ok(portal_type_is_response(PORTAL_ACK_CHALLENGE) &&
	       portal_type_is_response(PORTAL_ACK_NTF_LOGOUT) &&
	       !portal_type_is_response(PORTAL_NTF_LOGOUT) &&
	       !portal_type_is_response(PORTAL_AFF_ACK_AUTH),
	       "ACK_* are responses; NTF_LOGOUT and AFF_ACK_AUTH requests");
	tap_ok(portal_parse(want, wn, &p) == PORTAL_OK &&
	       portal_check_response(want, wn, &p, rp.authenticator,
				     &secret) == PORTAL_OK,
	       "v2 ACK_CHALLENGE checks as the response to its request");
	tap_ok(portal_check_response(want, wn, &p, NULL, &secret) ==
	       PORTAL_E_AUTHENTICATOR,
	       "v2 ACK_CHALLENGE does not check as a request");
	a = portal_attr(&p, PORTAL_A_CHALLENGE);
	tap_ok(a && a->len == 16 && !memcmp(a->val, challenge, 16),
	       "Challenge attribute found, 16 bytes");
	tap_ok(!portal_attr(&p, PORTAL_A_USERNAME), "no UserName attribute");
}

static void test_chap_and_auth(void)
{
	uint8_t buf[128], chap[16], out[17];
	size_t n = unhex(REQ_AUTH, buf, sizeof(buf));
	const struct portal_attr_view *u, *c, *ip;
	struct portal_pkt p;

	unhex(CHAP_PW, chap, sizeof(chap));
	tap_ok(portal_parse(buf, n, &p) == PORTAL_OK &&
	       portal_check_request(buf, n, &p, &secret) == PORTAL_OK &&
	       p.type == PORTAL_REQ_AUTH && p.req_id == 0x2a &&
	       p.attr_num == 3,
	       "v2 REQ_AUTH (CHAP): parsed, Authenticator matches");
	u = portal_attr(&p, PORTAL_A_USERNAME);
	c = portal_attr(&p, PORTAL_A_CHAP_PASSWORD);
	ip = portal_attr(&p, PORTAL_A_BAS_IP);
	tap_ok(u && u->len == 5 && !memcmp(u->val, "alice", 5) && c &&
	       !memcmp(c->val, chap, 16) && ip && ip->len == 4,
	       "UserName, ChapPassWord and BAS-IP attributes");
	portal_chap_password(p.req_id, c->val, out);
	tap_ok(out[0] == 0x2a && !memcmp(out + 1, chap, 16),
	       "RADIUS CHAP-Password = low byte of ReqID || ChapPassWord");
	portal_chap_password(0x1f2a, c->val, out);
	tap_ok(out[0] == 0x2a, "CHAP Ident is the ReqID's low byte only");
}

static void test_v1(void)
{
	uint8_t buf[128];
	size_t n = unhex(V1_PAP, buf, sizeof(buf));
	struct portal_builder b;
	struct portal_pkt p;
	const struct portal_attr_view *pw;

	tap_ok(portal_parse(buf, n, &p) == PORTAL_OK && p.ver == PORTAL_V1 &&
	       p.auth_type == PORTAL_PAP && p.serial == 7 &&
	       p.attr_num == 2,
	       "v1 REQ_AUTH (PAP) parsed: 16-byte header");
	pw = portal_attr(&p, PORTAL_A_PASSWORD);
	tap_ok(pw && pw->len == 8 && !memcmp(pw->val, "password", 8),
	       "v1 PassWord attribute");
	tap_ok(portal_check_request(buf, n, &p, &secret) == PORTAL_OK,
	       "v1 has no Authenticator to check");
	portal_build_start(&b, PORTAL_V1, PORTAL_REQ_AUTH, PORTAL_PAP, 7, 0,
			   0x0a4d0002, 0);
	portal_build_attr(&b, PORTAL_A_USERNAME, "alice", 5);
	portal_build_attr(&b, PORTAL_A_PASSWORD, "password", 8);
	tap_ok(portal_build_finish(&b, NULL, &secret) == PORTAL_OK &&
	       b.len == n && !memcmp(b.buf, buf, n),
	       "v1 REQ_AUTH built byte for byte");
}

static void test_malformed(void)
{
	uint8_t buf[PORTAL_MAX_LEN + 8], v[PORTAL_MAX_LEN + 8];
	size_t n = unhex(REQ_AUTH, buf, sizeof(buf));
	struct portal_builder b;
	struct portal_pkt p;
	unsigned int i;

	tap_ok(portal_parse(buf, 15, &p) == PORTAL_E_SHORT,
	       "15 bytes: shorter than any header");
	tap_ok(portal_parse(buf, 20, &p) == PORTAL_E_SHORT,
	       "v2 with 20 bytes: shorter than its 32-byte header");
	tap_ok(portal_parse(buf, n - 1, &p) == PORTAL_E_ATTR_TRUNC,
	       "last attribute cut by one byte: truncated");
	tap_ok(portal_parse(buf, 32 + 7 + 1, &p) == PORTAL_E_ATTR_TRUNC,
	       "AttrNum 3 but the packet ends inside the second attribute");
	memcpy(v, buf, n);
	v[15] = 4;
	tap_ok(portal_parse(v, n, &p) == PORTAL_E_ATTR_TRUNC,
	       "AttrNum past the end of the packet");
	v[15] = 2;
	tap_ok(portal_parse(v, n, &p) == PORTAL_E_TRAILING,
	       "AttrNum short of the attributes: trailing bytes refused");
	memcpy(v, buf, n);
	v[32 + 1] = 1;
	tap_ok(portal_parse(v, n, &p) == PORTAL_E_ATTR_TRUNC,
	       "attribute length 1 (less than its own header)");
	memcpy(v, buf, n);
	v[32 + 1] = 0xff;
	tap_ok(portal_parse(v, n, &p) == PORTAL_E_ATTR_TRUNC,
	       "attribute length 255 past the end");
	memcpy(v, buf, n);
	v[0] = 3;
	tap_ok(portal_parse(v, n, &p) == PORTAL_E_VERSION, "version 3");
	memcpy(v, buf, n);
	v[1] = 0x15;
	tap_ok(portal_parse(v, n, &p) == PORTAL_E_TYPE, "unknown type 0x15");
	v[1] = 0;
	tap_ok(portal_parse(v, n, &p) == PORTAL_E_TYPE, "type 0");
	memcpy(v, buf, n);
	v[2] = 2;
	tap_ok(portal_parse(v, n, &p) == PORTAL_E_AUTH_TYPE,
	       "Pap/Chap 2");
	tap_ok(portal_parse(v, PORTAL_MAX_LEN + 1, &p) == PORTAL_E_TOO_LONG,
	       "longer than PORTAL_MAX_LEN");

	/* a ChapPassWord of 17 bytes: oversized for its type */
	portal_build_start(&b, PORTAL_V1, PORTAL_REQ_AUTH, PORTAL_CHAP, 1, 2,
			   0, 0);
	memset(v, 0, sizeof(v));
	memcpy(b.buf + b.len, "\x04\x13", 2);
	b.len += 19;
	b.buf[15] = 1;
	tap_ok(portal_parse(b.buf, b.len, &p) == PORTAL_E_ATTR_LEN,
	       "ChapPassWord of 17 bytes: length not allowed");
	portal_build_start(&b, PORTAL_V1, PORTAL_REQ_AUTH, PORTAL_CHAP, 1, 2,
			   0, 0);
	portal_build_attr(&b, PORTAL_A_CHALLENGE, v, 15);
	tap_ok(b.err == PORTAL_E_ATTR_LEN,
	       "building a 15-byte Challenge is refused");
	portal_build_start(&b, PORTAL_V1, PORTAL_REQ_AUTH, PORTAL_CHAP, 1, 2,
			   0, 0);
	portal_build_attr(&b, PORTAL_A_TEXT_INFO, v, 254);
	tap_ok(b.err == PORTAL_E_ATTR_LEN,
	       "building a 254-byte attribute is refused");
	portal_build_start(&b, PORTAL_V1, PORTAL_REQ_AUTH, PORTAL_CHAP, 1, 2,
			   0, 0);
	for (i = 0; i < PORTAL_MAX_ATTRS + 1; i++)
		portal_build_attr(&b, PORTAL_A_TEXT_INFO, "x", 1);
	tap_ok(b.err == PORTAL_OK &&
	       portal_parse(b.buf, b.len, &p) == PORTAL_E_TOO_MANY,
	       "33 attributes: more than the parser keeps, refused");
	portal_build_start(&b, PORTAL_V1, PORTAL_REQ_AUTH, PORTAL_CHAP, 1, 2,
			   0, 0);
	for (i = 0; i < 20; i++)
		portal_build_attr(&b, PORTAL_A_TEXT_INFO, v, 253);
	tap_ok(b.err == PORTAL_E_NOSPACE,
	       "building past PORTAL_MAX_LEN is refused, not overrun");
	portal_build_start(&b, 7, PORTAL_REQ_AUTH, PORTAL_CHAP, 1, 2, 0, 0);
	portal_build_attr(&b, PORTAL_A_TEXT_INFO, "x", 1);
	tap_ok(portal_build_finish(&b, NULL, &secret) == PORTAL_E_VERSION,
	       "building version 7 is refused");
	portal_build_start(&b, PORTAL_V1, PORTAL_REQ_INFO, PORTAL_CHAP, 1, 2,
			   0, 0);
	portal_build_attr(&b, PORTAL_A_UP_FLUX, NULL, 0);
	portal_build_attr(&b, PORTAL_A_PORT, NULL, 0);
	tap_ok(b.err == PORTAL_OK &&
	       portal_parse(b.buf, b.len, &p) == PORTAL_OK &&
	       p.attrs[0].len == 0 && p.attrs[1].len == 0,
	       "REQ_INFO's empty UpLinkFlux and Port attributes");
	for (i = 0; i <= PORTAL_E_ATTR_COUNT; i++)
		tap_ok(strcmp(portal_strerror(i), "unknown error") != 0,
		       "every error has a text");
	tap_str(portal_type_name(PORTAL_NTF_LOGOUT), "NTF_LOGOUT",
		"type names");
	tap_str(portal_type_name(0x99), "unknown", "unknown type name");
}

int main(void)
{
	test_v2_request();
	test_v2_response();
	test_chap_and_auth();
	test_v1();
	test_malformed();
	return tap_done();
}
