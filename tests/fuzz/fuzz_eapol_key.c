// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over the EAPOL-Key codec (userspace/lib/eapol_key.c):
 * eapol_key_parse() on a frame as it comes from a station, then
 * eapol_kde_parse() on its Key Data (M2 carries it in clear) and the MIC
 * check with both descriptor versions; also eapol_kde_parse() on the raw
 * input. Every field a parse returns must lie inside the input; a frame
 * rebuilt from the parsed fields must parse to the same fields.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eapol_key.h"
#include "wpa_crypto.h"

#define CHECK(c)		\
	do {			\
		if (!(c))	\
			abort();\
	} while (0)

static const uint8_t *lo, *hi;	/* the input copy, for inside() */

static int inside(const uint8_t *p, size_t len)
{
	return p >= lo && p <= hi && len <= (size_t)(hi - p);
}

static void kde_checks(const uint8_t *d, size_t len)
{
	struct eapol_kde kde;
	const char *why = NULL;
	int err;

	err = eapol_kde_parse(d, len, &kde, &why);
	CHECK(err == 0 || err == -EMSGSIZE || err == -EBADMSG);
	if (err) {
		CHECK(why != NULL);
		return;
	}
	CHECK(!kde.rsne || (inside(kde.rsne, kde.rsne_len) &&
			    kde.rsne_len == 2u + kde.rsne[1]));
	CHECK(!kde.mde || (inside(kde.mde, kde.mde_len) &&
			   kde.mde_len == 2u + kde.mde[1]));
	CHECK(!kde.fte || (inside(kde.fte, kde.fte_len) &&
			   kde.fte_len == 2u + kde.fte[1]));
	CHECK(!kde.tie[0] || inside(kde.tie[0], kde.tie_len[0]));
	CHECK(!kde.tie[1] || (kde.tie[0] && inside(kde.tie[1],
						   kde.tie_len[1])));
	CHECK(!kde.gtk || (inside(kde.gtk, kde.gtk_len) &&
			   kde.gtk_len >= 18 && kde.gtk_len <= 34));
	CHECK(!kde.pmkid || inside(kde.pmkid, 16));
}

static void round_trip(const struct eapol_key *a)
{
	static uint8_t out[EAPOL_KEY_HDR_LEN + EAPOL_KEY_DATA_MAX];
	struct eapol_key_out o = {
		.key_info = a->key_info,
		.key_len = a->key_len,
		.replay = a->replay,
		.nonce = a->nonce,
		.rsc = a->rsc,
		.data = a->data,
		.data_len = a->data_len,
	};
	struct eapol_key b;
	int n;

	n = eapol_key_build(out, sizeof(out), &o);
	CHECK(n == EAPOL_KEY_HDR_LEN + a->data_len);
	CHECK(!eapol_key_parse(out, (size_t)n, &b, NULL));
	CHECK(b.key_info == a->key_info && b.key_len == a->key_len &&
	      b.replay == a->replay && b.data_len == a->data_len &&
	      b.frame_len == (size_t)n);
	CHECK(!memcmp(b.nonce, a->nonce, EAPOL_KEY_NONCE_LEN));
	CHECK(!memcmp(b.rsc, a->rsc, EAPOL_KEY_RSC_LEN));
	CHECK(!a->data_len || !memcmp(b.data, a->data, a->data_len));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t kck[16] = { 0x4b, 0x43, 0x4b, 1, 2, 3 };
	struct eapol_key k;
	const char *why = NULL;
	uint8_t *buf;
	int err, ver;

	/* an exact-size heap copy so that ASan sees any over-read */
	buf = malloc(size ? size : 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	lo = buf;
	hi = buf + size;

	err = eapol_key_parse(buf, size, &k, &why);
	CHECK(err == 0 || err == -EMSGSIZE || err == -EPROTONOSUPPORT);
	if (err) {
		CHECK(why != NULL);
	} else {
		CHECK(k.frame_len <= size && k.frame_len >= EAPOL_KEY_HDR_LEN);
		CHECK(inside(k.nonce, EAPOL_KEY_NONCE_LEN) &&
		      inside(k.rsc, EAPOL_KEY_RSC_LEN) &&
		      inside(k.mic, EAPOL_KEY_MIC_LEN) &&
		      inside(k.data, k.data_len));
		CHECK(k.data_len <= EAPOL_KEY_DATA_MAX &&
		      EAPOL_KEY_HDR_LEN + (size_t)k.data_len <= k.frame_len);
		kde_checks(k.data, k.data_len);
		for (ver = WPA_KEY_VER_HMAC_SHA1_AES;
		     ver <= WPA_KEY_VER_AES_CMAC; ver++) {
			err = eapol_key_verify(buf, &k, ver, kck, sizeof(kck));
			CHECK(err == 0 || err == -EBADMSG || err == -EMSGSIZE);
		}
		round_trip(&k);
	}
	kde_checks(buf, size);
	free(buf);
	return 0;
}
