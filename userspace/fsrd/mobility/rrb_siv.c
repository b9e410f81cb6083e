// SPDX-License-Identifier: GPL-2.0-only
/*
 * AES-SIV of the RRB on OpenSSL 3. A non-empty plaintext goes through
 * OpenSSL's "AES-128-SIV" cipher (each associated-data component is one
 * EVP update without output). OpenSSL 3.0 never computes the tag of an
 * empty plaintext (EVP_EncryptUpdate returns before the provider sees a
 * zero-length input), and SEQ_REQ/SEQ_RESP have nothing to encrypt: for
 * those the SIV is RFC 5297's S2V alone, on OpenSSL's AES-CMAC.
 */
#include <errno.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <string.h>

#include "ft_crypto.h"
#include "mobility/rrb_siv.h"

/* RFC 5297 section 2.3: doubling in GF(2^128) */
static void dbl(uint8_t *b)
{
	uint8_t carry = b[0] >> 7;
	int i;

	for (i = 0; i < 15; i++)
		b[i] = (uint8_t)(b[i] << 1 | b[i + 1] >> 7);
	b[15] = (uint8_t)(b[15] << 1);
	if (carry)
		b[15] ^= 0x87;
}

/* S2V over the three AD components and an empty last component. */
static int s2v_empty(const uint8_t *k1, const struct fsr_vec *ad,
		     size_t n_ad, uint8_t *v)
{
	static const uint8_t zero[16];
	struct fsr_vec one;
	uint8_t d[16], mac[16];
	size_t i;
	int ret;

	one.p = zero;
	one.len = sizeof(zero);
	ret = fsr_aes128_cmac_vec(k1, &one, 1, d);
	for (i = 0; !ret && i < n_ad; i++) {
		ret = fsr_aes128_cmac_vec(k1, &ad[i], 1, mac);
		if (ret)
			break;
		dbl(d);
		for (int j = 0; j < 16; j++)
			d[j] ^= mac[j];
	}
	if (!ret) {
		/* the last string is shorter than a block: dbl(D) xor pad("") */
		dbl(d);
		d[0] ^= 0x80;
		one.p = d;
		ret = fsr_aes128_cmac_vec(k1, &one, 1, v);
	}
	OPENSSL_cleanse(d, sizeof(d));
	OPENSSL_cleanse(mac, sizeof(mac));
	return ret;
}

static int siv_run(int enc, const uint8_t *key, const uint8_t *src,
		   const uint8_t *auth, size_t auth_len, uint8_t subtype,
		   const uint8_t *in, size_t in_len, uint8_t *out,
		   uint8_t *tag)
{
	const uint8_t *ad[3] = { src, auth, &subtype };
	const size_t ad_len[3] = { 6, auth_len, 1 };
	EVP_CIPHER_CTX *ctx;
	EVP_CIPHER *c;
	int ret = -EIO, n, i;

	if (in_len > INT32_MAX || auth_len > INT32_MAX)
		return -EMSGSIZE;
	c = EVP_CIPHER_fetch(NULL, "AES-128-SIV", NULL);
	ctx = EVP_CIPHER_CTX_new();
	if (!c || !ctx)
		goto out;
	if (!EVP_CipherInit_ex2(ctx, c, key, NULL, enc, NULL))
		goto out;
	if (!enc && !EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG,
					 RRB_SIV_LEN, tag))
		goto out;
	for (i = 0; i < 3; i++)
		if (!EVP_CipherUpdate(ctx, NULL, &n, ad[i], (int)ad_len[i]))
			goto out;
	if (!EVP_CipherUpdate(ctx, out, &n, in, (int)in_len)) {
		ret = enc ? -EIO : -EBADMSG;
		goto out;
	}
	if (!EVP_CipherFinal_ex(ctx, out + n, &n)) {
		ret = enc ? -EIO : -EBADMSG;
		goto out;
	}
	if (enc && !EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG,
					RRB_SIV_LEN, tag))
		goto out;
	ret = 0;
out:
	EVP_CIPHER_CTX_free(ctx);
	EVP_CIPHER_free(c);
	return ret;
}

static void ad_vec(struct fsr_vec *v, const uint8_t *src,
		   const uint8_t *auth, size_t auth_len, const uint8_t *subtype)
{
	v[0].p = src;
	v[0].len = 6;
	v[1].p = auth;
	v[1].len = auth_len;
	v[2].p = subtype;
	v[2].len = 1;
}

int rrb_siv_seal(const uint8_t *key, const uint8_t *src,
		 const uint8_t *auth, size_t auth_len, uint8_t subtype,
		 const uint8_t *plain, size_t plain_len, uint8_t *out)
{
	struct fsr_vec ad[3];

	if (!plain_len) {
		ad_vec(ad, src, auth, auth_len, &subtype);
		return s2v_empty(key, ad, 3, out);
	}
	return siv_run(1, key, src, auth, auth_len, subtype, plain, plain_len,
		       out + RRB_SIV_LEN, out);
}

int rrb_siv_open(const uint8_t *key, const uint8_t *src,
		 const uint8_t *auth, size_t auth_len, uint8_t subtype,
		 const uint8_t *in, size_t in_len, uint8_t *plain)
{
	struct fsr_vec ad[3];
	uint8_t v[RRB_SIV_LEN], tag[RRB_SIV_LEN];
	int ret;

	if (in_len < RRB_SIV_LEN)
		return -EBADMSG;
	if (in_len == RRB_SIV_LEN) {
		ad_vec(ad, src, auth, auth_len, &subtype);
		ret = s2v_empty(key, ad, 3, v);
		if (!ret && CRYPTO_memcmp(v, in, RRB_SIV_LEN))
			ret = -EBADMSG;
		OPENSSL_cleanse(v, sizeof(v));
		return ret;
	}
	memcpy(tag, in, RRB_SIV_LEN);
	ret = siv_run(0, key, src, auth, auth_len, subtype, in + RRB_SIV_LEN,
		      in_len - RRB_SIV_LEN, plain, tag);
	if (ret)
		OPENSSL_cleanse(plain, in_len - RRB_SIV_LEN);
	return ret;
}
