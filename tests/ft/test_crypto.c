// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/* The crypto shim against RFC 4231, RFC 4493 and RFC 3394 vectors. */
#include "ft_crypto.h"
#include "tap.h"
#include "tests.h"
#include "vecfile.h"

#include <stdio.h>
#include <string.h>

static void hmac_case(const char *sec)
{
	size_t klen, dlen;
	const u8 *key = vec_get(sec, "key", &klen);
	const u8 *data = vec_get(sec, "data", &dlen);
	struct fsr_vec v[2] = { { data, 3 }, { data + 3, dlen - 3 } };
	u8 mac[FSR_SHA384_LEN];
	char name[80];

	snprintf(name, sizeof(name), "%s HMAC-SHA256 (2-piece vector)", sec);
	tap_ok(!fsr_hmac_sha256_vec(key, klen, v, 2, mac), "%s call", name);
	tap_mem(mac, vec_get(sec, "sha256", NULL), FSR_SHA256_LEN, name);
	snprintf(name, sizeof(name), "%s HMAC-SHA384 (2-piece vector)", sec);
	tap_ok(!fsr_hmac_sha384_vec(key, klen, v, 2, mac), "%s call", name);
	tap_mem(mac, vec_get(sec, "sha384", NULL), FSR_SHA384_LEN, name);
}

static void cmac_cases(void)
{
	static const size_t lens[] = { 0, 16, 40, 64 };
	const u8 *key = vec_get("rfc4493", "key", NULL);
	const u8 *msg = vec_get("rfc4493", "msg", NULL);
	size_t i;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		/* split unevenly to exercise the vector interface */
		size_t cut = lens[i] / 3;
		struct fsr_vec v[2] = { { msg, cut },
					{ msg + cut, lens[i] - cut } };
		char k[16], name[64];
		u8 mac[FSR_CMAC_LEN];

		snprintf(k, sizeof(k), "mac%zu", lens[i]);
		snprintf(name, sizeof(name), "RFC 4493 AES-CMAC, %zu-octet message",
			 lens[i]);
		memset(mac, 0, sizeof(mac));
		if (!tap_ok(!fsr_aes128_cmac_vec(key, v, 2, mac), "%s call",
			    name))
			continue;
		tap_mem(mac, vec_get("rfc4493", k, NULL), FSR_CMAC_LEN, name);
	}
}

static void wrap_case(const char *sec)
{
	size_t kek_len, plen, wlen;
	const u8 *kek = vec_get(sec, "kek", &kek_len);
	const u8 *plain = vec_get(sec, "plain", &plen);
	const u8 *wrapped = vec_get(sec, "wrapped", &wlen);
	u8 out[64], back[64], bad[64];

	tap_ok(!fsr_aes_wrap(kek, kek_len, plain, plen, out) &&
	       wlen == plen + 8, "%s wrap call", sec);
	tap_mem(out, wrapped, wlen, sec);
	tap_ok(!fsr_aes_unwrap(kek, kek_len, wrapped, wlen, back) &&
	       !memcmp(back, plain, plen), "%s unwrap round trip", sec);
	memcpy(bad, wrapped, wlen);
	bad[wlen - 1] ^= 0x01;
	tap_ok(fsr_aes_unwrap(kek, kek_len, bad, wlen, back) == -EBADMSG,
	       "%s unwrap of a corrupted blob fails with -EBADMSG", sec);
}

static void misc_cases(void)
{
	static const u8 abc[] = "abc";
	static const u8 sha256_abc[] = {
		0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea,
		0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
		0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c,
		0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad,
	};
	struct fsr_vec v = { abc, 3 };
	u8 d[FSR_SHA384_LEN], a[8] = { 1, 2, 3 }, b[8] = { 1, 2, 3 };

	tap_ok(!fsr_sha256_vec(&v, 1, d) && !memcmp(d, sha256_abc, 32),
	       "SHA-256(\"abc\") (FIPS 180-2 example)");
	tap_ok(!fsr_memneq(a, b, sizeof(a)), "fsr_memneq equal -> 0");
	b[7] = 1;
	tap_ok(fsr_memneq(a, b, sizeof(a)) == 1, "fsr_memneq differ -> 1");
	fsr_memzero(a, sizeof(a));
	tap_ok(!a[0] && !a[1] && !a[2], "fsr_memzero wipes");
	tap_ok(fsr_aes_wrap(a, 16, b, 12, d) == -EINVAL,
	       "key wrap refuses a length that is not a multiple of 8");
	tap_ok(fsr_aes_wrap(a, 16, b, 8, d) == -EINVAL,
	       "key wrap refuses less than 16 octets");
	tap_ok(fsr_aes_wrap(a, 20, b, 16, d) == -EINVAL,
	       "key wrap refuses a 20-octet KEK");
}

void test_crypto(void)
{
	hmac_case("rfc4231-1");
	hmac_case("rfc4231-2");
	hmac_case("rfc4231-6");
	cmac_cases();
	wrap_case("rfc3394-41");
	wrap_case("rfc3394-43");
	wrap_case("rfc3394-46");
	misc_cases();
}
