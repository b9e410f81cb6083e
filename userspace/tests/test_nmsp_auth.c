// SPDX-License-Identifier: GPL-2.0-only
/*
 * The location-server link's auth list (nmsp/nmsp_auth.c): the key
 * hashes of a real certificate against what the openssl command line of
 * docs/nmsp.md prints for it (known answers), entries parsed, formatted,
 * added and removed within the bound, and every verdict: no certificate,
 * unknown MAC, key hash mismatch, a SHA-1 and a SHA-256 match.
 */
#include <errno.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fsr_parse.h"
#include "nmsp/nmsp_auth.h"
#include "nmsp/nmsp_msg.h"
#include "tap.h"

/* openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 */
static const char ls_pem[] =
	"-----BEGIN CERTIFICATE-----\n"
	"MIIBiDCCAS+gAwIBAgIUQOsx1Glatr241imnVfw+lfPuFrAwCgYIKoZIzj0EAwIw\n"
	"GjEYMBYGA1UEAwwPbHMxLmxhYi5leGFtcGxlMB4XDTI2MTIwNjA1MTcwMloXDTM2\n"
	"MTIwMzA1MTcwMlowGjEYMBYGA1UEAwwPbHMxLmxhYi5leGFtcGxlMFkwEwYHKoZI\n"
	"zj0CAQYIKoZIzj0DAQcDQgAEWf0q0o9+81c7pkGvh7YQfgfeAO3QPTq3hDGQITGU\n"
	"BIGrwj/3IbSsiLrW2yZAkBxTtdCBkJsYqaOSUL9d9AmdGaNTMFEwHQYDVR0OBBYE\n"
	"FDRXudVJ8WuNqQleX8/XKIFIrebRMB8GA1UdIwQYMBaAFDRXudVJ8WuNqQleX8/X\n"
	"KIFIrebRMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgC8H7TPyc\n"
	"cAWKi6K74hxD3owKKdZ1b+5f2T0k/UhFsUwCIGJuAbkt2js2XjiLSzYuWyBMwxMO\n"
	"LEs9HsWqmsCK9Fda\n"
	"-----END CERTIFICATE-----\n";
/* ... | openssl pkey -pubin -outform DER | openssl dgst -sha256 / -sha1 */
#define LS_SHA256 "80d94fd65aa220087b14e8954369d42b9ceef4cdfc6a3dbed8f4813b0f7ebfaf"
#define LS_SHA1 "13da6aec1026413b1da0154c58039afff8f24c93"

static const uint8_t ls_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x0a, 0x01 };

static int der_of_pem(uint8_t *der, size_t size)
{
	BIO *b = BIO_new_mem_buf(ls_pem, -1);
	X509 *x = PEM_read_bio_X509(b, NULL, NULL, NULL);
	unsigned char *p = der;
	int n = -1;

	if (x && i2d_X509(x, NULL) <= (int)size)
		n = i2d_X509(x, &p);
	X509_free(x);
	BIO_free(b);
	return n;
}

static void test_key_hash(struct nmsp_peer_key *k)
{
	char hex[2 * NMSP_SHA256_LEN + 1];
	uint8_t der[2048];
	int n = der_of_pem(der, sizeof(der));

	tap_ok(n > 0, "the test certificate converts to DER");
	tap_ok(nmsp_peer_key_from_der(der, (size_t)n, k) == 0 && k->present,
	       "key hashes of a certificate");
	fsr_format_hex(k->sha256, NMSP_SHA256_LEN, hex);
	tap_str(hex, LS_SHA256,
		"SHA-256 of the DER SubjectPublicKeyInfo = openssl's");
	fsr_format_hex(k->sha1, NMSP_SHA1_LEN, hex);
	tap_str(hex, LS_SHA1, "SHA-1 of the DER SubjectPublicKeyInfo = openssl's");
	der[n] = 0;
	tap_ok(nmsp_peer_key_from_der(der, (size_t)n + 1, k) == -EINVAL &&
	       !k->present, "a certificate with a trailing octet: -EINVAL");
	tap_ok(nmsp_peer_key_from_der(der, (size_t)n / 2, k) == -EINVAL,
	       "half a certificate: -EINVAL");
	tap_ok(nmsp_peer_key_from_der((const uint8_t *)"hello", 5, k) ==
	       -EINVAL, "not a certificate: -EINVAL");
	/* back to the good one for the tests below */
	nmsp_peer_key_from_der(der, (size_t)n, k);
}

static void test_parse(void)
{
	struct nmsp_auth_entry e;
	char out[NMSP_AUTH_STRLEN];
	const char *why = NULL;

	tap_ok(nmsp_auth_entry_parse("02:00:00:00:0a:01 sha256:" LS_SHA256,
				     &e, &why) == 0 &&
	       e.hash_len == 32 && !memcmp(e.mac, ls_mac, 6),
	       "entry: MAC and sha256");
	nmsp_auth_entry_format(&e, out);
	tap_str(out, "02:00:00:00:0a:01 sha256:" LS_SHA256,
		"entry: formatted back");
	tap_ok(nmsp_auth_entry_parse("02:00:00:00:0A:01   sha1:"
				     "13DA6AEC1026413B1DA0154C58039AFFF8F24C93",
				     &e, &why) == 0 && e.hash_len == 20,
	       "entry: sha1, uppercase hex, several spaces");
	tap_ok(nmsp_auth_entry_parse("02:00:00:00:0a sha1:" LS_SHA1, &e,
				     &why) == -EINVAL &&
	       strstr(why, "MAC address"), "entry: a short MAC is refused");
	tap_ok(nmsp_auth_entry_parse("02:00:00:00:0a:01", &e, &why) ==
	       -EINVAL && strstr(why, "key hash after"),
	       "entry: no hash: refused, says so");
	tap_ok(nmsp_auth_entry_parse("02:00:00:00:0a:01 md5:00", &e, &why) ==
	       -EINVAL && strstr(why, "sha1:HEX or sha256:HEX"),
	       "entry: md5 refused");
	tap_ok(nmsp_auth_entry_parse("02:00:00:00:0a:01 sha256:" LS_SHA1, &e,
				     &why) == -EINVAL && strstr(why, "64 hex"),
	       "entry: sha256 with 40 digits refused");
	tap_ok(nmsp_auth_entry_parse("02:00:00:00:0a:01 sha1:"
				     "13da6aec1026413b1da0154c58039afff8f24cZZ",
				     &e, &why) == -EINVAL,
	       "entry: non-hex digits refused");
}

static void test_list(const struct nmsp_peer_key *k)
{
	static struct nmsp_auth_list l;
	struct nmsp_auth_entry e, e1;
	struct nmsp_peer_key none = { 0 };
	const char *why;
	int i, full = 0;

	nmsp_auth_entry_parse("02:00:00:00:0a:01 sha256:" LS_SHA256, &e, &why);
	nmsp_auth_entry_parse("02:00:00:00:0a:01 sha1:" LS_SHA1, &e1, &why);
	tap_ok(nmsp_auth_check(&l, ls_mac, k) == NMSP_ERR_UNKNOWN_MAC,
	       "empty list: unknown-mac");
	tap_ok(nmsp_auth_check(&l, ls_mac, &none) == NMSP_ERR_NO_CERT,
	       "no certificate: no-certificate, whatever the list");
	e.hash[0] ^= 1;
	nmsp_auth_add(&l, &e);
	tap_ok(nmsp_auth_check(&l, ls_mac, k) == NMSP_ERR_KEY_HASH,
	       "the MAC with another key's hash: key-hash");
	e.hash[0] ^= 1;
	tap_ok(nmsp_auth_add(&l, &e) == 0 &&
	       nmsp_auth_check(&l, ls_mac, k) == NMSP_OK,
	       "the MAC and its SHA-256: ok");
	tap_ok(nmsp_auth_add(&l, &e) == -EEXIST, "the same entry twice: -EEXIST");
	tap_ok(nmsp_auth_del(&l, &e) == 0 &&
	       nmsp_auth_check(&l, ls_mac, k) == NMSP_ERR_KEY_HASH,
	       "entry deleted: key-hash again");
	tap_ok(nmsp_auth_del(&l, &e) == -ENOENT, "deleted twice: -ENOENT");
	tap_ok(nmsp_auth_add(&l, &e1) == 0 &&
	       nmsp_auth_check(&l, ls_mac, k) == NMSP_OK,
	       "the MAC and its SHA-1: ok");
	e.mac[5] = 2;
	tap_ok(nmsp_auth_check(&l, e.mac, k) == NMSP_ERR_UNKNOWN_MAC,
	       "another MAC with the right key: unknown-mac");
	for (i = 0; i < NMSP_AUTH_MAX + 2; i++) {
		e.hash[1] = (uint8_t)i;
		if (nmsp_auth_add(&l, &e) == -ENOSPC)
			full++;
	}
	tap_ok(l.n == NMSP_AUTH_MAX && full == 4,
	       "at most 64 entries: the rest -ENOSPC");
}

int main(void)
{
	struct nmsp_peer_key k;

	test_key_hash(&k);
	test_parse();
	test_list(&k);
	return tap_done();
}
