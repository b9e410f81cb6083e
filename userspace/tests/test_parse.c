// SPDX-License-Identifier: GPL-2.0-only
/* Unit tests: parsing of command-line words and pmk argument lists. */
#include <errno.h>
#include <string.h>

#include "fsr_parse.h"
#include "pmk_args.h"
#include "tap.h"

#define N1 "00112233445566778899aabbccddeeff"
#define N0 "ffeeddccbbaa99887766554433221100"

static void test_mac(void)
{
	uint8_t mac[6] = { 0 };
	static const uint8_t want[6] = { 0x02, 0xab, 0xcd, 0xef, 0x00, 0x09 };
	char s[FSR_MAC_STRLEN];

	tap_ok(fsr_parse_mac("02:AB:cd:ef:00:09", mac) == 0 &&
	       !memcmp(mac, want, 6), "mac: valid, mixed case");
	fsr_format_mac(mac, s);
	tap_str(s, "02:ab:cd:ef:00:09", "mac: formatted lowercase");
	tap_ok(fsr_parse_mac("02:ab:cd:ef:00", mac) == -EINVAL,
	       "mac: too short");
	tap_ok(fsr_parse_mac("02:ab:cd:ef:00:09:", mac) == -EINVAL,
	       "mac: too long");
	tap_ok(fsr_parse_mac("02-ab-cd-ef-00-09", mac) == -EINVAL,
	       "mac: wrong separator");
	tap_ok(fsr_parse_mac("02:ab:cd:ef:00:0g", mac) == -EINVAL,
	       "mac: non-hex digit");
	tap_ok(fsr_parse_mac("2:ab:cd:ef:00:091", mac) == -EINVAL,
	       "mac: one-digit octet");
	tap_ok(fsr_parse_mac("", mac) == -EINVAL, "mac: empty");
}

static void test_hex(void)
{
	uint8_t b[16];
	char s[33];

	tap_ok(fsr_parse_hex(N1, b, 16) == 0 && b[0] == 0x00 &&
	       b[15] == 0xff, "hex: 32 digits");
	fsr_format_hex(b, 16, s);
	tap_str(s, N1, "hex: round trip");
	tap_ok(fsr_parse_hex("00112233445566778899AABBCCDDEEFF", b, 16) == 0,
	       "hex: uppercase accepted");
	tap_ok(fsr_parse_hex("0011223344556677889900aabbccddee0", b, 16) ==
	       -EINVAL, "hex: 33 digits");
	tap_ok(fsr_parse_hex("0011223344556677889900aabbccdde", b, 16) ==
	       -EINVAL, "hex: 31 digits");
	tap_ok(fsr_parse_hex("0011223344556677889900aabbccddeg", b, 16) ==
	       -EINVAL, "hex: non-hex digit");
}

static void test_u32(void)
{
	uint32_t v = 0;

	tap_ok(fsr_parse_u32("3600", 1, 10000, &v) == 0 && v == 3600,
	       "u32: in range");
	tap_ok(fsr_parse_u32("0", 1, 10000, &v) == -EINVAL, "u32: below");
	tap_ok(fsr_parse_u32("10001", 1, 10000, &v) == -EINVAL, "u32: above");
	tap_ok(fsr_parse_u32("-1", 0, 10, &v) == -EINVAL, "u32: negative");
	tap_ok(fsr_parse_u32("+1", 0, 10, &v) == -EINVAL, "u32: plus sign");
	tap_ok(fsr_parse_u32("1x", 0, 10, &v) == -EINVAL, "u32: trailing");
	tap_ok(fsr_parse_u32("99999999999999999999", 0, 10, &v) == -EINVAL,
	       "u32: overflow");
	tap_ok(fsr_parse_u32("", 0, 10, &v) == -EINVAL, "u32: empty");
}

static void test_suites(void)
{
	uint32_t v = 0;

	tap_ok(fsr_parse_akm("ft-psk", &v) == 0 && v == FSR_AKM_FT_PSK,
	       "akm: ft-psk");
	tap_ok(fsr_parse_akm("ft-8021x", &v) == 0 && v == FSR_AKM_FT_8021X,
	       "akm: ft-8021x");
	tap_ok(fsr_parse_akm("ft-8021x-sha384", &v) == 0 &&
	       v == FSR_AKM_FT_8021X_SHA384, "akm: ft-8021x-sha384");
	tap_ok(fsr_parse_akm("psk", &v) == -EINVAL, "akm: non-FT rejected");
	tap_ok(fsr_parse_akm("FT-PSK", &v) == -EINVAL, "akm: case matters");
	tap_ok(fsr_akm_key_len(FSR_AKM_FT_8021X_SHA384) == 48 &&
	       fsr_akm_key_len(FSR_AKM_FT_PSK) == 32, "akm: key lengths");
	tap_str(fsr_akm_name(FSR_AKM_FT_8021X), "ft-8021x", "akm: name");
	tap_ok(fsr_akm_name(0x000fac02) == NULL, "akm: unknown has no name");
	tap_ok(fsr_parse_cipher("ccmp", &v) == 0 && v == FSR_CIPHER_CCMP_128,
	       "cipher: ccmp");
	tap_ok(fsr_parse_cipher("gcmp", &v) == 0 && v == FSR_CIPHER_GCMP_128,
	       "cipher: gcmp");
	tap_ok(fsr_parse_cipher("gcmp-256", &v) == 0 &&
	       v == FSR_CIPHER_GCMP_256, "cipher: gcmp-256");
	tap_ok(fsr_parse_cipher("ccmp-256", &v) == 0 &&
	       v == FSR_CIPHER_CCMP_256, "cipher: ccmp-256");
	tap_ok(fsr_parse_cipher("tkip", &v) == -EINVAL, "cipher: tkip");
	tap_str(fsr_cipher_name(FSR_CIPHER_GCMP_256), "gcmp-256",
		"cipher: name");
}

#define ARGC(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void test_pmk_add(void)
{
	char *ok[] = { "key", "/k", "akm", "ft-8021x-sha384", "r1kh",
		       "02:00:00:00:01:00", "r0kh", "ap1.example.com",
		       "r0name", N0, "r1name", N1, "sta",
		       "02:00:00:00:02:00" };
	char *full[] = { "sta", "02:00:00:00:02:00", "r1name", N1, "r0name",
			 N0, "r0kh", "x", "r1kh", "02:00:00:00:01:00", "akm",
			 "ft-psk", "cipher", "gcmp-256", "lifetime", "60",
			 "key", "-" };
	struct pmk_args a;
	char err[256];

	tap_ok(pmk_add_args(ARGC(ok), ok, &a, err, sizeof(err)) == 0,
	       "pmk add: any order");
	tap_ok(a.akm == FSR_AKM_FT_8021X_SHA384 && a.sta[5] == 0 &&
	       a.sta[4] == 2 && a.r1name[1] == 0x11 && a.r0name[0] == 0xff &&
	       a.r0kh_len == 15 && !memcmp(a.r0kh, "ap1.example.com", 15) &&
	       a.r1kh[4] == 1 && !strcmp(a.key_path, "/k"),
	       "pmk add: values");
	tap_ok(a.cipher == FSR_CIPHER_CCMP_128 && a.lifetime == 3600,
	       "pmk add: defaults ccmp, 3600 s");
	tap_ok(pmk_add_args(ARGC(full), full, &a, err, sizeof(err)) == 0 &&
	       a.cipher == FSR_CIPHER_GCMP_256 && a.lifetime == 60 &&
	       !strcmp(a.key_path, "-"), "pmk add: cipher, lifetime, stdin");

	full[15] = "0";
	tap_ok(pmk_add_args(ARGC(full), full, &a, err, sizeof(err)) ==
	       -EINVAL, "pmk add: lifetime 0 rejected");
	tap_str(err, "invalid lifetime '0' (expected 1 to 2147483647 seconds)",
		"pmk add: lifetime error names the word");
	full[15] = "2147483648";
	tap_ok(pmk_add_args(ARGC(full), full, &a, err, sizeof(err)) ==
	       -EINVAL, "pmk add: lifetime 2^31 rejected");
	full[15] = "2147483647";
	tap_ok(pmk_add_args(ARGC(full), full, &a, err, sizeof(err)) == 0,
	       "pmk add: lifetime 2^31-1 accepted");

	full[7] = "0123456789012345678901234567890123456789012345678";
	tap_ok(pmk_add_args(ARGC(full), full, &a, err, sizeof(err)) ==
	       -EINVAL, "pmk add: 49-byte r0kh rejected");
	full[7] = "012345678901234567890123456789012345678901234567";
	tap_ok(pmk_add_args(ARGC(full), full, &a, err, sizeof(err)) == 0 &&
	       a.r0kh_len == 48, "pmk add: 48-byte r0kh accepted");
	full[7] = "";
	tap_ok(pmk_add_args(ARGC(full), full, &a, err, sizeof(err)) ==
	       -EINVAL, "pmk add: empty r0kh rejected");
	full[7] = "x";

	full[11] = "wpa-psk";
	pmk_add_args(ARGC(full), full, &a, err, sizeof(err));
	tap_str(err, "invalid AKM 'wpa-psk' (expected ft-psk, ft-8021x or ft-8021x-sha384)",
		"pmk add: bad AKM named");
	full[11] = "ft-psk";

	tap_ok(pmk_add_args(ARGC(full) - 2, full, &a, err, sizeof(err)) ==
	       -EINVAL, "pmk add: key required");
	tap_str(err, "missing 'key' (key file)", "pmk add: missing key named");
	tap_ok(pmk_add_args(ARGC(full) - 1, full, &a, err, sizeof(err)) ==
	       -EINVAL, "pmk add: keyword without value");
	tap_str(err, "'key' needs a value (key file)",
		"pmk add: dangling keyword named");

	full[14] = "sta";
	pmk_add_args(ARGC(full), full, &a, err, sizeof(err));
	tap_str(err, "'sta' given twice", "pmk add: duplicate keyword");
	full[14] = "bogus";
	pmk_add_args(ARGC(full), full, &a, err, sizeof(err));
	tap_str(err, "unexpected argument 'bogus'", "pmk add: unknown keyword");
}

static void test_pmk_other(void)
{
	char *del[] = { "r1name", N1, "sta", "02:00:00:00:02:00" };
	char *flush[] = { "sta", "02:00:00:00:02:00" };
	char *bad[] = { "sta", "02:00:00:00:02" };
	struct pmk_args a;
	char err[256];

	tap_ok(pmk_del_args(ARGC(del), del, &a, err, sizeof(err)) == 0 &&
	       a.r1name[15] == 0xff, "pmk del: ok");
	tap_ok(pmk_del_args(2, del, &a, err, sizeof(err)) == -EINVAL,
	       "pmk del: sta required");
	tap_ok(pmk_flush_args(0, NULL, &a, err, sizeof(err)) == 0 &&
	       !a.has_sta, "pmk flush: all");
	tap_ok(pmk_flush_args(2, flush, &a, err, sizeof(err)) == 0 &&
	       a.has_sta && a.sta[4] == 2, "pmk flush: one station");
	tap_ok(pmk_flush_args(2, bad, &a, err, sizeof(err)) == -EINVAL,
	       "pmk flush: bad MAC");
	tap_str(err, "invalid MAC address '02:00:00:00:02' (expected aa:bb:cc:dd:ee:ff)",
		"pmk flush: bad MAC named");
}

int main(void)
{
	test_mac();
	test_hex();
	test_u32();
	test_suites();
	test_pmk_add();
	test_pmk_other();
	return tap_done();
}
