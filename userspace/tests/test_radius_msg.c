// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the RADIUS codec and cryptography: the RFC 2865 section 7.1
 * example packets, Message-Authenticator, User-Password hiding, MS-MPPE
 * keys, and every kind of malformed packet. The Message-Authenticator and
 * MPPE vectors were computed independently with python3 (hashlib, hmac):
 *
 *   ma = hmac.new(b"xyzzy5461", rfc_7_1_request + bytes([80,18]) + bytes(16)
 *                 (Length adjusted to 74), hashlib.md5)
 *   mppe: RFC 2548 2.4.2 with key = bytes(range(32)), salt 80 01, the
 *         request authenticator of RFC 2865 7.1 and secret xyzzy5461
 */
#include <arpa/inet.h>
#include <string.h>

#include "radius/radius_auth.h"
#include "radius/radius_client.h"
#include "radius/radius_msg.h"
#include "tap.h"

/* RFC 2865 7.1: User Telnet to Specified Host, secret "xyzzy5461" */
static const uint8_t rfc_req[] = {
	0x01, 0x00, 0x00, 0x38, 0x0f, 0x40, 0x3f, 0x94, 0x73, 0x97, 0x80, 0x57,
	0xbd, 0x83, 0xd5, 0xcb, 0x98, 0xf4, 0x22, 0x7a, 0x01, 0x06, 0x6e, 0x65,
	0x6d, 0x6f, 0x02, 0x12, 0x0d, 0xbe, 0x70, 0x8d, 0x93, 0xd4, 0x13, 0xce,
	0x31, 0x96, 0xe4, 0x3f, 0x78, 0x2a, 0x0a, 0xee, 0x04, 0x06, 0xc0, 0xa8,
	0x01, 0x10, 0x05, 0x06, 0x00, 0x00, 0x00, 0x03,
};

static const uint8_t rfc_accept[] = {
	0x02, 0x00, 0x00, 0x26, 0x86, 0xfe, 0x22, 0x0e, 0x76, 0x24, 0xba, 0x2a,
	0x10, 0x05, 0xf6, 0xbf, 0x9b, 0x55, 0xe0, 0xb2, 0x06, 0x06, 0x00, 0x00,
	0x00, 0x01, 0x0f, 0x06, 0x00, 0x00, 0x00, 0x00, 0x0e, 0x06, 0xc0, 0xa8,
	0x01, 0x03,
};

/* HMAC-MD5 of rfc_req + a zero Message-Authenticator (python3) */
static const uint8_t rfc_req_ma[16] = {
	0x63, 0xb7, 0x8a, 0x6b, 0x9d, 0x2f, 0x14, 0x99,
	0x89, 0xfb, 0xf5, 0x7e, 0xa2, 0x1d, 0x19, 0x4c,
};

/* MS-MPPE key vector (python3), salt 0x8001, key 00..1f */
static const uint8_t mppe_vec[50] = {
	0x80, 0x01, 0xe7, 0x4f, 0xd7, 0x7a, 0x66, 0x15, 0x9a, 0xf1, 0xc0, 0x0e,
	0x26, 0x03, 0xed, 0x8f, 0x8a, 0x2d, 0x77, 0x5b, 0x72, 0x92, 0x4f, 0x39,
	0x9d, 0x2c, 0x98, 0xd1, 0x90, 0x9d, 0x85, 0x6d, 0xfa, 0x86, 0x08, 0xc3,
	0xba, 0xf9, 0x2f, 0xc0, 0xc0, 0x31, 0x3d, 0x7d, 0xd2, 0xb3, 0xbb, 0x1f,
	0xe1, 0xe7,
};

static struct radius_secret secret(const char *s)
{
	struct radius_secret r;

	memset(&r, 0, sizeof(r));
	r.len = strlen(s);
	memcpy(r.data, s, r.len);
	return r;
}

static void test_rfc2865_example(void)
{
	struct radius_secret s = secret("xyzzy5461"), bad = secret("xyzzy5462");
	uint8_t hidden[128], pw[128];
	const uint8_t ip[4] = { 192, 168, 1, 16 };
	struct radius_msg m, acc;
	const uint8_t *v;
	size_t hl, pl, l;
	uint32_t u;

	/* build the request: hidden password equals the published one */
	radius_msg_init(&m, RADIUS_ACCESS_REQUEST, 0);
	memcpy(m.buf + 4, rfc_req + 4, 16);
	tap_ok(!radius_msg_add_str(&m, RADIUS_ATTR_USER_NAME, "nemo"),
	       "build: User-Name");
	tap_ok(!radius_password_hide(hidden, &hl, "arctangent", 10,
				     m.buf + 4, &s) && hl == 16,
	       "User-Password hidden to 16 octets");
	radius_msg_add(&m, RADIUS_ATTR_USER_PASSWORD, hidden, hl);
	radius_msg_add(&m, RADIUS_ATTR_NAS_IP_ADDRESS, ip, 4);
	radius_msg_add_u32(&m, RADIUS_ATTR_NAS_PORT, 3);
	tap_ok(m.len == sizeof(rfc_req) && !memcmp(m.buf, rfc_req, m.len),
	       "RFC 2865 7.1 Access-Request rebuilt byte for byte");

	/* parse it back */
	tap_ok(!radius_msg_parse(&m, rfc_req, sizeof(rfc_req)),
	       "RFC 2865 7.1 Access-Request parses");
	v = radius_msg_find(&m, RADIUS_ATTR_USER_PASSWORD, &l);
	tap_ok(v && !radius_password_unhide(pw, &pl, v, l,
					    radius_msg_auth(&m), &s) &&
	       pl == 10 && !memcmp(pw, "arctangent", 10),
	       "User-Password recovered: arctangent");
	tap_ok(radius_msg_get_u32(&m, RADIUS_ATTR_NAS_PORT, &u) && u == 3,
	       "NAS-Port 3");

	/* the published Access-Accept */
	tap_ok(!radius_msg_parse(&acc, rfc_accept, sizeof(rfc_accept)),
	       "RFC 2865 7.1 Access-Accept parses");
	tap_ok(!radius_resp_auth_verify(&acc, rfc_req + 4, &s),
	       "its Response Authenticator verifies");
	tap_ok(radius_resp_auth_verify(&acc, rfc_req + 4, &bad) ==
	       RADIUS_E_BAD_AUTH, "... not with another secret");
	acc.buf[acc.len - 1] ^= 1;
	tap_ok(radius_resp_auth_verify(&acc, rfc_req + 4, &s) ==
	       RADIUS_E_BAD_AUTH, "... not with one attribute bit flipped");
	acc.buf[acc.len - 1] ^= 1;
	/* re-signing gives the published authenticator */
	memset(acc.buf + 4, 0, 16);
	tap_ok(!radius_resp_auth_sign(&acc, rfc_req + 4, &s) &&
	       !memcmp(acc.buf, rfc_accept, sizeof(rfc_accept)),
	       "Response Authenticator computed as published");
	/* ... and MA verification is optional only when asked */
	tap_ok(radius_ma_verify(&acc, rfc_req + 4, &s, true) ==
	       RADIUS_E_NO_MA, "no Message-Authenticator: refused if required");
	tap_ok(!radius_ma_verify(&acc, rfc_req + 4, &s, false),
	       "no Message-Authenticator: fine if not required");
}

static void test_message_authenticator(void)
{
	struct radius_secret s = secret("xyzzy5461"), bad = secret("other");
	struct radius_msg m;
	size_t off;
	const uint8_t *v;
	size_t l;

	radius_msg_parse(&m, rfc_req, sizeof(rfc_req));
	off = radius_msg_add_ma(&m);
	tap_ok(off == sizeof(rfc_req) + 2 && m.len == sizeof(rfc_req) + 18,
	       "Message-Authenticator appended");
	tap_ok(radius_msg_add_ma(&m) == off && m.len == sizeof(rfc_req) + 18,
	       "... only once");
	tap_ok(!radius_ma_sign(&m, NULL, &s) &&
	       !memcmp(m.buf + off, rfc_req_ma, 16),
	       "HMAC-MD5 equals the python3 vector");
	tap_ok(!radius_ma_verify(&m, NULL, &s, true), "it verifies");
	tap_ok(radius_ma_verify(&m, NULL, &bad, true) == RADIUS_E_BAD_MA,
	       "wrong secret: bad Message-Authenticator");
	m.buf[30] ^= 0x80;
	tap_ok(radius_ma_verify(&m, NULL, &s, true) == RADIUS_E_BAD_MA,
	       "modified attribute: bad Message-Authenticator");
	m.buf[30] ^= 0x80;

	/* a reply: computed with the request authenticator in place */
	{
		uint8_t req_auth[16];
		struct radius_msg r;

		memcpy(req_auth, m.buf + 4, 16);
		radius_msg_init(&r, RADIUS_ACCESS_ACCEPT, 0);
		radius_msg_add_u32(&r, RADIUS_ATTR_SESSION_TIMEOUT, 60);
		radius_msg_add_ma(&r);
		tap_ok(!radius_ma_sign(&r, req_auth, &s) &&
		       !radius_resp_auth_sign(&r, req_auth, &s),
		       "reply signed (MA, then Response Authenticator)");
		tap_ok(!radius_resp_auth_verify(&r, req_auth, &s) &&
		       !radius_ma_verify(&r, req_auth, &s, true),
		       "reply verifies");
		tap_ok(radius_ma_verify(&r, NULL, &s, true) == RADIUS_E_BAD_MA,
		       "reply MA over the Response Authenticator: refused");
		v = radius_msg_find(&r, RADIUS_ATTR_MESSAGE_AUTHENTICATOR, &l);
		tap_ok(v && l == 16, "reply MA found");
	}
}

static void test_password(void)
{
	struct radius_secret s = secret("s3cr3t");
	uint8_t ra[16], h[128], p[128], pw[128];
	size_t hl, pl;
	int i;

	for (i = 0; i < 16; i++)
		ra[i] = (uint8_t)(i * 7);
	memset(pw, 'x', sizeof(pw));
	tap_ok(!radius_password_hide(h, &hl, pw, 128, ra, &s) && hl == 128,
	       "128-octet password hidden");
	tap_ok(!radius_password_unhide(p, &pl, h, hl, ra, &s) && pl == 128 &&
	       !memcmp(p, pw, 128), "... and recovered");
	tap_ok(!radius_password_hide(h, &hl, pw, 17, ra, &s) && hl == 32,
	       "17-octet password padded to 32");
	tap_ok(radius_password_hide(h, &hl, pw, 129, ra, &s) == RADIUS_E_VALUE,
	       "129-octet password refused");
	tap_ok(radius_password_hide(h, &hl, pw, 0, ra, &s) == RADIUS_E_VALUE,
	       "empty password refused");
	tap_ok(radius_password_unhide(p, &pl, h, 20, ra, &s) == RADIUS_E_VALUE,
	       "hidden value not a multiple of 16 refused");
}

static void test_mppe(void)
{
	struct radius_secret s = secret("xyzzy5461");
	const uint8_t salt[2] = { 0x80, 0x01 };
	uint8_t key[32], out[64], back[64], v2[64];
	size_t ol, bl;
	int i;

	for (i = 0; i < 32; i++)
		key[i] = (uint8_t)i;
	tap_ok(!radius_mppe_encrypt(out, &ol, sizeof(out), key, 32, salt,
				    rfc_req + 4, &s) &&
	       ol == sizeof(mppe_vec) && !memcmp(out, mppe_vec, ol),
	       "MS-MPPE key encryption equals the python3 vector");
	tap_ok(!radius_mppe_decrypt(back, &bl, sizeof(back), mppe_vec,
				    sizeof(mppe_vec), rfc_req + 4, &s) &&
	       bl == 32 && !memcmp(back, key, 32),
	       "MS-MPPE key vector decrypts to 00..1f");
	tap_ok(!radius_mppe_decrypt(back, &bl, sizeof(back), mppe_vec,
				    sizeof(mppe_vec), rfc_req + 4,
				    &(struct radius_secret){ .data = "x",
							     .len = 1 }) ?
	       memcmp(back, key, 32) != 0 : 1,
	       "wrong secret does not give the key");
	memcpy(v2, mppe_vec, sizeof(mppe_vec));
	v2[0] &= 0x7f;
	tap_ok(radius_mppe_decrypt(back, &bl, sizeof(back), v2,
				   sizeof(mppe_vec), rfc_req + 4, &s) ==
	       RADIUS_E_VALUE, "salt without its top bit refused");
	tap_ok(radius_mppe_decrypt(back, &bl, sizeof(back), mppe_vec, 20,
				   rfc_req + 4, &s) == RADIUS_E_VALUE,
	       "truncated String refused");
	tap_ok(radius_mppe_decrypt(back, &bl, 16, mppe_vec, sizeof(mppe_vec),
				   rfc_req + 4, &s) == RADIUS_E_VALUE,
	       "key longer than the buffer refused");

	/* MSK from an Access-Accept: Recv-Key || Send-Key */
	{
		const uint8_t salt2[2] = { 0x81, 0x02 };
		uint8_t recv[32], send[32], msk[64];
		struct radius_msg acc;
		size_t ml = 0;

		for (i = 0; i < 32; i++) {
			recv[i] = (uint8_t)(0xa0 + i);
			send[i] = (uint8_t)(0x50 + i);
		}
		radius_msg_init(&acc, RADIUS_ACCESS_ACCEPT, 9);
		tap_ok(radius_msk_get(&acc, rfc_req + 4, &s, msk, &ml) ==
		       RADIUS_E_VALUE, "no MPPE keys: no MSK");
		radius_mppe_encrypt(out, &ol, sizeof(out), send, 32, salt,
				    rfc_req + 4, &s);
		radius_msg_add_vsa(&acc, RADIUS_VENDOR_MICROSOFT,
				   RADIUS_MS_MPPE_SEND_KEY, out, ol);
		radius_mppe_encrypt(out, &ol, sizeof(out), recv, 32, salt2,
				    rfc_req + 4, &s);
		radius_msg_add_vsa(&acc, RADIUS_VENDOR_MICROSOFT,
				   RADIUS_MS_MPPE_RECV_KEY, out, ol);
		tap_ok(!radius_msk_get(&acc, rfc_req + 4, &s, msk, &ml) &&
		       ml == 64 && !memcmp(msk, recv, 32) &&
		       !memcmp(msk + 32, send, 32),
		       "MSK = MS-MPPE-Recv-Key || MS-MPPE-Send-Key");
	}
}

static uint8_t pkt[5000];

/* A datagram: code, id, Length field, then raw attribute bytes. */
static size_t mk(uint8_t code, size_t len_field, const uint8_t *attrs,
		 size_t alen)
{
	memset(pkt, 0, RADIUS_HDR_LEN);
	pkt[0] = code;
	pkt[1] = 7;
	pkt[2] = (uint8_t)(len_field >> 8);
	pkt[3] = (uint8_t)len_field;
	if (alen)
		memcpy(pkt + RADIUS_HDR_LEN, attrs, alen);
	return RADIUS_HDR_LEN + alen;
}

static void test_malformed(void)
{
	static const uint8_t ok_attrs[] = { 1, 6, 'n', 'e', 'm', 'o' };
	static const uint8_t len0[] = { 1, 0, 'x', 'y' };
	static const uint8_t len1[] = { 1, 1, 'x', 'y' };
	static const uint8_t past[] = { 1, 9, 'n', 'e', 'm', 'o' };
	static const uint8_t trunc_hdr[] = { 1, 6, 'n', 'e', 'm', 'o', 18 };
	uint8_t ma_short[12] = { 80, 12 };
	uint8_t ma_twice[36] = { 80, 18 };
	struct radius_msg m;
	size_t n;

	ma_twice[18] = 80;
	ma_twice[19] = 18;
	n = mk(2, 26, ok_attrs, sizeof(ok_attrs));
	tap_ok(!radius_msg_parse(&m, pkt, n) && m.len == 26,
	       "well-formed packet accepted");
	tap_ok(radius_msg_parse(&m, pkt, 19) == RADIUS_E_SHORT,
	       "19 octets: too short");
	tap_ok(radius_msg_parse(&m, pkt, 4097) == RADIUS_E_TOO_LONG,
	       "4097 octets: oversize");
	n = mk(2, 27, ok_attrs, sizeof(ok_attrs));
	tap_ok(radius_msg_parse(&m, pkt, n) == RADIUS_E_LENGTH,
	       "Length field beyond the datagram refused");
	n = mk(2, 19, ok_attrs, sizeof(ok_attrs));
	tap_ok(radius_msg_parse(&m, pkt, n) == RADIUS_E_LENGTH,
	       "Length field below 20 refused");
	n = mk(2, 20, ok_attrs, sizeof(ok_attrs));
	tap_ok(!radius_msg_parse(&m, pkt, n) && m.len == 20,
	       "octets past the Length field are padding (ignored)");
	n = mk(2, 24, len0, sizeof(len0));
	tap_ok(radius_msg_parse(&m, pkt, n) == RADIUS_E_ATTR_LEN,
	       "attribute length 0 refused");
	n = mk(2, 24, len1, sizeof(len1));
	tap_ok(radius_msg_parse(&m, pkt, n) == RADIUS_E_ATTR_LEN,
	       "attribute length 1 refused");
	n = mk(2, 26, past, sizeof(past));
	tap_ok(radius_msg_parse(&m, pkt, n) == RADIUS_E_ATTR_LEN,
	       "attribute past the end refused");
	n = mk(2, 27, trunc_hdr, sizeof(trunc_hdr));
	tap_ok(radius_msg_parse(&m, pkt, n) == RADIUS_E_ATTR_LEN,
	       "truncated attribute header refused");
	n = mk(99, 26, ok_attrs, sizeof(ok_attrs));
	tap_ok(radius_msg_parse(&m, pkt, n) == RADIUS_E_CODE,
	       "unknown code 99 refused");
	n = mk(2, 32, ma_short, sizeof(ma_short));
	tap_ok(radius_msg_parse(&m, pkt, n) == RADIUS_E_MA_LEN,
	       "Message-Authenticator of 10 octets refused");
	n = mk(2, 56, ma_twice, sizeof(ma_twice));
	tap_ok(radius_msg_parse(&m, pkt, n) == RADIUS_E_MA_LEN,
	       "two Message-Authenticators refused");
	n = mk(2, 4096, NULL, 0);
	memset(pkt + 20, 0, 4076);
	{
		size_t pos;

		/* 4076 octets of attributes: 16 x 254 + 1 x 12 */
		for (pos = 20; pos + 254 <= 4096; pos += 254) {
			pkt[pos] = 18;
			pkt[pos + 1] = 254;
		}
		pkt[pos] = 18;
		pkt[pos + 1] = (uint8_t)(4096 - pos);
	}
	tap_ok(!radius_msg_parse(&m, pkt, 4096) && m.len == 4096,
	       "4096-octet packet accepted");
	tap_str(radius_strerror(RADIUS_E_ATTR_LEN),
		"attribute length below 2 or past the end",
		"errors have a clear text");
}

static void test_builder(void)
{
	uint8_t big[600], out[700];
	struct radius_msg m;
	struct radius_acct_info ai = {
		.status = RADIUS_ACCT_STOP,
		.session_id = "0123456789abcdef",
		.user_name = "alice",
		.called_station_id = "02-00-00-00-00-00:fsr",
		.calling_station_id = "02-00-00-00-01-00",
		.input_octets = 0x500000007ull,
		.output_octets = 42,
		.input_packets = 10,
		.output_packets = 11,
		.session_time_s = 99,
		.terminate_cause = 1,
	};
	uint32_t u;
	long n;
	int i;

	for (i = 0; i < 600; i++)
		big[i] = (uint8_t)i;
	radius_msg_init(&m, RADIUS_ACCESS_REQUEST, 1);
	tap_ok(radius_msg_add(&m, RADIUS_ATTR_STATE, big, 254) ==
	       RADIUS_E_NO_SPACE, "attribute of 254 octets refused");
	tap_ok(radius_msg_add_str(&m, RADIUS_ATTR_USER_NAME, "") ==
	       RADIUS_E_VALUE, "empty string attribute refused");
	tap_ok(!radius_msg_add_eap(&m, big, 600) && m.len == 20 + 600 + 6,
	       "600-octet EAP message in 3 EAP-Message attributes");
	n = radius_msg_get_eap(&m, out, sizeof(out));
	tap_ok(n == 600 && !memcmp(out, big, 600), "EAP message reassembled");
	tap_ok(radius_msg_get_eap(&m, out, 100) == -1,
	       "EAP reassembly into a short buffer refused");
	for (i = 0; i < 20; i++)
		if (radius_msg_add(&m, RADIUS_ATTR_STATE, big, 253))
			break;
	tap_ok(i == 13 && m.len <= RADIUS_MAX_LEN,
	       "builder stops at 4096 octets");
	radius_msg_del(&m, RADIUS_ATTR_STATE);
	tap_ok(m.len == 626 && !radius_msg_find(&m, RADIUS_ATTR_STATE,
						&(size_t){ 0 }),
	       "attributes deleted");

	tap_ok(!radius_acct_build(&m, &ai), "Accounting-Request Stop built");
	tap_ok(radius_msg_get_u32(&m, RADIUS_ATTR_ACCT_STATUS_TYPE, &u) &&
	       u == RADIUS_ACCT_STOP, "Acct-Status-Type Stop");
	tap_ok(radius_msg_get_u32(&m, RADIUS_ATTR_ACCT_INPUT_OCTETS, &u) &&
	       u == 7 && radius_msg_get_u32(&m,
					    RADIUS_ATTR_ACCT_INPUT_GIGAWORDS,
					    &u) && u == 5,
	       "input octets split into Gigawords 5 + 7");
	tap_ok(radius_msg_get_u32(&m, RADIUS_ATTR_ACCT_SESSION_TIME, &u) &&
	       u == 99 && radius_msg_get_u32(&m,
					    RADIUS_ATTR_ACCT_TERMINATE_CAUSE,
					    &u) && u == 1,
	       "Session-Time and Terminate-Cause");
	ai.status = RADIUS_ACCT_START;
	tap_ok(!radius_acct_build(&m, &ai) &&
	       !radius_msg_get_u32(&m, RADIUS_ATTR_ACCT_INPUT_OCTETS, &u),
	       "Start carries no counters");
	ai.session_id = "";
	tap_ok(radius_acct_build(&m, &ai) == RADIUS_E_VALUE,
	       "Acct-Session-Id required");
}

static void test_addr(void)
{
	struct sockaddr_storage ss;
	socklen_t sl;
	char buf[64];

	tap_ok(!radius_parse_addr("127.0.0.1:1812", 0, &ss, &sl) &&
	       sl == sizeof(struct sockaddr_in), "127.0.0.1:1812 parsed");
	radius_addr_str((struct sockaddr *)&ss, buf, sizeof(buf));
	tap_str(buf, "127.0.0.1:1812", "... and printed");
	tap_ok(!radius_parse_addr("192.0.2.1", 1813, &ss, &sl), "default port");
	radius_addr_str((struct sockaddr *)&ss, buf, sizeof(buf));
	tap_str(buf, "192.0.2.1:1813", "... used");
	tap_ok(!radius_parse_addr("[::1]:3799", 0, &ss, &sl), "[::1]:3799");
	radius_addr_str((struct sockaddr *)&ss, buf, sizeof(buf));
	tap_str(buf, "[::1]:3799", "... printed");
	tap_ok(!radius_parse_addr("2001:db8::1", 1812, &ss, &sl),
	       "bare IPv6 address");
	tap_ok(radius_parse_addr("radius.example:1812", 0, &ss, &sl) < 0,
	       "host names refused (no blocking resolver)");
	tap_ok(radius_parse_addr("127.0.0.1:0", 0, &ss, &sl) < 0 &&
	       radius_parse_addr("127.0.0.1:70000", 0, &ss, &sl) < 0 &&
	       radius_parse_addr("127.0.0.1:", 0, &ss, &sl) < 0,
	       "bad ports refused");
}

static uint32_t rng = 0x12345678;

static uint32_t xorshift(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/*
 * 50000 random mutations of a valid Access-Accept (bit flips, length
 * bytes, truncation, extension) through the parser and every lookup, under
 * ASan/UBSan: nothing may read out of bounds, and whatever parses must be
 * self-consistent.
 */
static void test_mutations(void)
{
	struct radius_secret s = secret("xyzzy5461");
	const uint8_t salt[2] = { 0x80, 0x01 };
	uint8_t key[32] = { 0 }, v[64], buf[RADIUS_MAX_LEN + 16];
	uint8_t eap[RADIUS_MAX_LEN], msk[64];
	struct radius_msg base, m;
	unsigned int i, ok = 0, bad = 0;
	size_t vl, len;

	radius_msg_init(&base, RADIUS_ACCESS_ACCEPT, 3);
	radius_msg_add_u32(&base, RADIUS_ATTR_SESSION_TIMEOUT, 60);
	radius_mppe_encrypt(v, &vl, sizeof(v), key, 32, salt, rfc_req + 4, &s);
	radius_msg_add_vsa(&base, RADIUS_VENDOR_MICROSOFT,
			   RADIUS_MS_MPPE_RECV_KEY, v, vl);
	radius_msg_add_vsa(&base, RADIUS_VENDOR_MICROSOFT,
			   RADIUS_MS_MPPE_SEND_KEY, v, vl);
	radius_msg_add_eap(&base, "\x03\x01\x00\x04", 4);
	radius_msg_add_ma(&base);
	radius_ma_sign(&base, rfc_req + 4, &s);
	radius_resp_auth_sign(&base, rfc_req + 4, &s);
	for (i = 0; i < 50000; i++) {
		unsigned int k, n = 1 + xorshift() % 4;
		struct radius_attr_iter it;
		const uint8_t *av;
		size_t al, walked, ml;
		uint8_t t;

		memcpy(buf, base.buf, base.len);
		len = base.len;
		for (k = 0; k < n; k++) {
			uint32_t r = xorshift();

			switch (r % 4) {
			case 0:		/* flip a bit */
				buf[(r >> 8) % len] ^= (uint8_t)(1u << (r >> 24) % 8);
				break;
			case 1:		/* random length byte / value */
				buf[(r >> 8) % len] = (uint8_t)(r >> 24);
				break;
			case 2:		/* truncate */
				len = (r >> 8) % (len + 1);
				break;
			default:	/* extend with random octets */
				while (len < base.len + 16)
					buf[len++] = (uint8_t)xorshift();
			}
			if (!len)
				break;
		}
		if (radius_msg_parse(&m, buf, len)) {
			bad++;
			continue;
		}
		ok++;
		walked = RADIUS_HDR_LEN;
		radius_attr_iter_init(&it);
		while (radius_attr_next(&m, &it, &t, &av, &al))
			walked += 2 + al;
		if (walked != m.len || m.len > len || m.len < RADIUS_HDR_LEN) {
			tap_ok(0, "mutated packet: attribute walk ends at Length");
			return;
		}
		radius_msg_find_vsa(&m, RADIUS_VENDOR_MICROSOFT,
				    RADIUS_MS_MPPE_SEND_KEY, &al);
		radius_msg_get_eap(&m, eap, sizeof(eap));
		radius_msk_get(&m, rfc_req + 4, &s, msk, &ml);
		radius_resp_auth_verify(&m, rfc_req + 4, &s);
		radius_ma_verify(&m, rfc_req + 4, &s, true);
	}
	tap_ok(ok > 1000 && bad > 1000,
	       "50000 mutated replies parsed or refused, no memory error");
}

int main(void)
{
	test_rfc2865_example();
	test_message_authenticator();
	test_password();
	test_mppe();
	test_malformed();
	test_builder();
	test_addr();
	test_mutations();
	return tap_done();
}
