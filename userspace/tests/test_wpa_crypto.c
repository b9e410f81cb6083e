// SPDX-License-Identifier: GPL-2.0-only
/*
 * WPA2 crypto and EAPOL-Key framing: IEEE 802.11-2020 Annex J vectors
 * (J.3 PRF-SHA1, J.4 passphrase -> PSK), RFC 4493 AES-CMAC, key data
 * padding and wrapping, and the EAPOL-Key / KDE parsers on bad input.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "eapol_key.h"
#include "tap.h"
#include "wpa_crypto.h"

static size_t unhex(const char *s, uint8_t *out)
{
	size_t n = 0;
	unsigned int v;

	while (s[0] && s[1] && sscanf(s, "%2x", &v) == 1) {
		out[n++] = (uint8_t)v;
		s += 2;
	}
	return n;
}

static int same_hex(const uint8_t *got, const char *want_hex)
{
	uint8_t want[256];
	size_t n = unhex(want_hex, want);

	return !memcmp(got, want, n);
}

static void test_prf(void)
{
	static const char *const want[3] = {
		"bcd4c650b30b9684951829e0d75f9d54b862175ed9f00606e17d8da35402ffee"
		"75df78c3d31e0f889f012120c0862beb67753e7439ae242edb8373698356cf5a",
		"51f4de5b33f249adf81aeb713a3c20f4fe631446fabdfa58244759ae58ef9009"
		"a99abf4eac2ca5fa87e692c440eb40023e7babb206d61de7b92f41529092b8fc",
		"e1ac546ec4cb636f9976487be5c86be17a0252ca5d8d8df12cfb0473525249ce"
		"9dd8d177ead710bc9b590547239107aef7b4abd43d87f0a68f1cbd9e2b6f7607",
	};
	uint8_t key[20], data[50], out[64];
	int ok;

	memset(key, 0x0b, sizeof(key));
	ok = !wpa_prf_sha1(key, 20, "prefix", (const uint8_t *)"Hi There", 8,
			   out, 64);
	tap_ok(ok && same_hex(out, want[0]), "J.3 PRF-SHA1 test case 1");
	ok = !wpa_prf_sha1((const uint8_t *)"Jefe", 4, "prefix",
			   (const uint8_t *)"what do ya want for nothing?", 28,
			   out, 64);
	tap_ok(ok && same_hex(out, want[1]), "J.3 PRF-SHA1 test case 2");
	memset(key, 0xaa, sizeof(key));
	memset(data, 0xdd, sizeof(data));
	ok = !wpa_prf_sha1(key, 20, "prefix", data, 50, out, 64);
	tap_ok(ok && same_hex(out, want[2]), "J.3 PRF-SHA1 test case 3");
	tap_ok(wpa_prf_sha1(key, 20, "prefix", data, 50, out, 0) == -EINVAL,
	       "PRF refuses an empty output");
}

static void test_psk(void)
{
	static const struct {
		const char *pass, *ssid, *psk;
	} v[] = {
		{ "password", "IEEE",
		  "f42c6fc52df0ebef9ebb4b90b38a5f902e83fe1b135a70e23aed762e9710a12e" },
		{ "ThisIsAPassword", "ThisIsASSID",
		  "0dc0d6eb90555ed6419756b9a15ec3e3209b63df707dd508d14581f8982721af" },
		{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		  "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ",
		  "becb93866bb8c3832cb777c2f559807c8c59afcb6eae734885001300a981cc62" },
	};
	uint8_t psk[32];
	char name[64];
	size_t i;
	int ok;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		ok = !wpa_psk_from_passphrase(v[i].pass,
					      (const uint8_t *)v[i].ssid,
					      strlen(v[i].ssid), psk);
		snprintf(name, sizeof(name), "J.4 passphrase -> PSK case %zu",
			 i + 1);
		tap_ok(ok && same_hex(psk, v[i].psk), name);
	}
	tap_ok(wpa_psk_from_passphrase("short", (const uint8_t *)"x", 1,
				       psk) == -EINVAL,
	       "passphrase of 5 characters refused");
	tap_ok(wpa_psk_from_passphrase("bad\ttab1", (const uint8_t *)"x", 1,
				       psk) == -EINVAL,
	       "passphrase with a control character refused");
}

static void test_mic_pmkid(void)
{
	uint8_t key[16], msg[16], mic[16], mac[20], pmk[32], pmkid[16];
	uint8_t aa[6] = { 2, 0, 0, 0, 0, 1 }, spa[6] = { 2, 0, 0, 0, 0, 2 };
	uint8_t data[20];
	unsigned int mlen;

	unhex("2b7e151628aed2a6abf7158809cf4f3c", key);
	unhex("6bc1bee22e409f96e93d7e117393172a", msg);
	tap_ok(!wpa_eapol_mic(WPA_KEY_VER_AES_CMAC, key, 16, msg, 16, mic) &&
	       same_hex(mic, "070a16b46b4d4144f79bdd9dd04a287c"),
	       "key descriptor 3 MIC is AES-128-CMAC (RFC 4493 example 2)");
	HMAC(EVP_sha1(), key, 16, msg, 16, mac, &mlen);
	tap_ok(!wpa_eapol_mic(WPA_KEY_VER_HMAC_SHA1_AES, key, 16, msg, 16,
			      mic) && !memcmp(mic, mac, 16),
	       "key descriptor 2 MIC is HMAC-SHA1-128");
	tap_ok(wpa_eapol_mic(1, key, 16, msg, 16, mic) == -EINVAL,
	       "key descriptor 1 (HMAC-MD5) refused");

	memset(pmk, 0x42, sizeof(pmk));
	memcpy(data, "PMK Name", 8);
	memcpy(data + 8, aa, 6);
	memcpy(data + 14, spa, 6);
	HMAC(EVP_sha1(), pmk, 32, data, 20, mac, &mlen);
	tap_ok(!wpa_pmkid(pmk, 32, aa, spa, pmkid) && !memcmp(pmkid, mac, 16),
	       "PMKID = HMAC-SHA1-128(PMK, \"PMK Name\" || AA || SPA)");
}

static int unwrap(const uint8_t *kek, const uint8_t *in, int len,
		  uint8_t *out)
{
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	int n = -1, ok;

	EVP_CIPHER_CTX_set_flags(c, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
	ok = EVP_DecryptInit_ex(c, EVP_aes_128_wrap(), NULL, kek, NULL) &&
	     EVP_DecryptUpdate(c, out, &n, in, len);
	EVP_CIPHER_CTX_free(c);
	return ok ? n : -1;
}

static void test_wrap(void)
{
	uint8_t kek[16], plain[64], wrapped[80], back[80];
	int n;

	memset(kek, 7, sizeof(kek));
	memset(plain, 0x11, 22);
	n = eapol_key_data_wrap(kek, 16, plain, 22, sizeof(plain), wrapped,
				sizeof(wrapped));
	tap_ok(n == 32, "22 octets are padded to 24 and wrapped to 32");
	tap_ok(unwrap(kek, wrapped, n, back) == 24 && back[21] == 0x11 &&
	       back[22] == 0xdd && back[23] == 0,
	       "padding is 0xdd 00, and OpenSSL unwraps it");
	memset(plain, 0x22, 8);
	n = eapol_key_data_wrap(kek, 16, plain, 8, sizeof(plain), wrapped,
				sizeof(wrapped));
	tap_ok(n == 24 && unwrap(kek, wrapped, n, back) == 16 &&
	       back[8] == 0xdd, "8 octets are padded to the 16 minimum");
	n = eapol_key_data_wrap(kek, 16, plain, 16, sizeof(plain), wrapped,
				sizeof(wrapped));
	tap_ok(n == 24, "16 octets need no padding");
}

static int build(uint8_t *buf, size_t size, uint16_t info, size_t data_len)
{
	static uint8_t data[EAPOL_KEY_DATA_MAX + 100];
	struct eapol_key_out k = {
		.key_info = info, .replay = 7, .data = data,
		.data_len = data_len,
	};

	return eapol_key_build(buf, size, &k);
}

static void test_parse(void)
{
	uint8_t f[EAPOL_KEY_HDR_LEN + EAPOL_KEY_DATA_MAX + 200];
	struct eapol_key k;
	const char *why = NULL;
	int n;

	n = build(f, sizeof(f), 0x010a, 0);
	tap_ok(n == 99 && !eapol_key_parse(f, (size_t)n, &k, &why) &&
	       k.key_info == 0x010a && k.replay == 7 && k.frame_len == 99,
	       "EAPOL-Key frame round trip");
	memset(f + n, 0, 20);
	tap_ok(!eapol_key_parse(f, (size_t)n + 20, &k, &why) &&
	       k.frame_len == 99, "Ethernet padding after the body ignored");
	tap_ok(eapol_key_parse(f, 3, &k, &why) == -EMSGSIZE, "3 octets: short");
	tap_ok(eapol_key_parse(f, 98, &k, &why) == -EMSGSIZE,
	       "body past the frame: short");
	f[4] = 254;
	tap_ok(eapol_key_parse(f, 99, &k, &why) == -EPROTONOSUPPORT,
	       "descriptor type 254 (WPA1) refused");
	f[4] = 2;
	f[1] = 1;
	tap_ok(eapol_key_parse(f, 99, &k, &why) == -EPROTONOSUPPORT,
	       "EAPOL-Start is not a key frame");
	f[1] = 3;
	f[97] = 0;
	f[98] = 1;
	tap_ok(eapol_key_parse(f, 99, &k, &why) == -EMSGSIZE,
	       "Key Data length past the body refused");
	tap_ok(build(f, sizeof(f), 0x010a, EAPOL_KEY_DATA_MAX + 1) == -EINVAL,
	       "builder refuses oversize Key Data");
	/* forge an oversize one by hand */
	n = build(f, sizeof(f), 0x010a, EAPOL_KEY_DATA_MAX);
	f[2] = (uint8_t)((n + 8 - 4) >> 8);
	f[3] = (uint8_t)(n + 8 - 4);
	f[97] = (uint8_t)((EAPOL_KEY_DATA_MAX + 8) >> 8);
	f[98] = (uint8_t)(EAPOL_KEY_DATA_MAX + 8);
	tap_ok(eapol_key_parse(f, (size_t)n + 8, &k, &why) == -EMSGSIZE &&
	       why && strstr(why, "too long"), "oversize Key Data refused");
}

static void test_kde(void)
{
	uint8_t d[128], gtk[16], pmkid[16];
	struct eapol_kde kde;
	const char *why = NULL;
	int n = 0;

	memset(gtk, 0x5a, sizeof(gtk));
	memset(pmkid, 0x3c, sizeof(pmkid));
	d[n++] = 48;
	d[n++] = 2;
	d[n++] = 1;
	d[n++] = 0;
	n += eapol_kde_put_gtk(d + n, sizeof(d) - n, 2, false, gtk, 16);
	n += eapol_kde_put_pmkid(d + n, sizeof(d) - n, pmkid);
	d[n] = 0xdd;
	d[n + 1] = 0;
	d[n + 2] = 0;
	tap_ok(!eapol_kde_parse(d, (size_t)n + 3, &kde, &why) &&
	       kde.rsne == d && kde.rsne_len == 4 && kde.gtk_len == 18 &&
	       kde.gtk[0] == 2 && !memcmp(kde.gtk + 2, gtk, 16) &&
	       kde.pmkid && !memcmp(kde.pmkid, pmkid, 16),
	       "RSNE, GTK KDE, PMKID KDE and padding parsed");
	d[n - 21] = 200;	/* PMKID KDE length */
	tap_ok(eapol_kde_parse(d, (size_t)n, &kde, &why) == -EMSGSIZE,
	       "KDE running past the Key Data refused");
	memcpy(d + 4, d, 4);
	tap_ok(eapol_kde_parse(d, 8, &kde, &why) == -EBADMSG,
	       "repeated RSNE refused");
}

int main(void)
{
	test_prf();
	test_psk();
	test_mic_pmkid();
	test_wrap();
	test_parse();
	test_kde();
	return tap_done();
}
