// SPDX-License-Identifier: GPL-2.0-only
/* RADIUS authenticators, Message-Authenticator, hidden values (OpenSSL 3). */
#include <stdarg.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "radius/radius_auth.h"

/* fetched once: fsrd is single-threaded */
static EVP_MD *md5_md;
static EVP_MAC *hmac_mac;

static EVP_MD *md5(void)
{
	if (!md5_md)
		md5_md = EVP_MD_fetch(NULL, "MD5", NULL);
	return md5_md;
}

enum radius_err radius_md5(uint8_t out[16], ...)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	const void *p;
	va_list ap;
	int ok;

	ok = ctx && md5() && EVP_DigestInit_ex(ctx, md5(), NULL);
	va_start(ap, out);
	while ((p = va_arg(ap, const void *))) {
		size_t len = va_arg(ap, size_t);

		if (ok)
			ok = EVP_DigestUpdate(ctx, p, len);
	}
	va_end(ap);
	if (ok)
		ok = EVP_DigestFinal_ex(ctx, out, NULL);
	EVP_MD_CTX_free(ctx);
	return ok ? RADIUS_OK : RADIUS_E_CRYPTO;
}

enum radius_err radius_hmac_md5(const uint8_t *key, size_t key_len,
				const uint8_t *data, size_t len,
				uint8_t out[16])
{
	OSSL_PARAM params[2];
	EVP_MAC_CTX *ctx;
	size_t got = 0;
	int ok;

	if (!hmac_mac)
		hmac_mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
	ctx = hmac_mac ? EVP_MAC_CTX_new(hmac_mac) : NULL;
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
						     (char *)"MD5", 0);
	params[1] = OSSL_PARAM_construct_end();
	ok = ctx && EVP_MAC_init(ctx, key, key_len, params) &&
	     EVP_MAC_update(ctx, data, len) &&
	     EVP_MAC_final(ctx, out, &got, 16) && got == 16;
	EVP_MAC_CTX_free(ctx);
	return ok ? RADIUS_OK : RADIUS_E_CRYPTO;
}

static const uint8_t zero16[16];

/* MD5(header[0..3] + auth + attributes + secret) */
static enum radius_err packet_md5(const struct radius_msg *m,
				  const uint8_t *auth,
				  const struct radius_secret *s,
				  uint8_t out[16])
{
	return radius_md5(out, m->buf, (size_t)4, auth, (size_t)16,
			  m->buf + RADIUS_HDR_LEN, m->len - RADIUS_HDR_LEN,
			  s->data, s->len, NULL);
}

enum radius_err radius_req_auth_sign(struct radius_msg *m,
				     const struct radius_secret *s)
{
	uint8_t d[16];
	enum radius_err e = packet_md5(m, zero16, s, d);

	if (!e)
		memcpy(m->buf + 4, d, 16);
	return e;
}

enum radius_err radius_req_auth_verify(const struct radius_msg *m,
				       const struct radius_secret *s)
{
	uint8_t d[16];
	enum radius_err e = packet_md5(m, zero16, s, d);

	if (e)
		return e;
	return CRYPTO_memcmp(d, m->buf + 4, 16) ? RADIUS_E_BAD_AUTH :
						  RADIUS_OK;
}

enum radius_err radius_resp_auth_sign(struct radius_msg *m,
				      const uint8_t req_auth[16],
				      const struct radius_secret *s)
{
	uint8_t d[16];
	enum radius_err e = packet_md5(m, req_auth, s, d);

	if (!e)
		memcpy(m->buf + 4, d, 16);
	return e;
}

enum radius_err radius_resp_auth_verify(const struct radius_msg *m,
					const uint8_t req_auth[16],
					const struct radius_secret *s)
{
	uint8_t d[16];
	enum radius_err e = packet_md5(m, req_auth, s, d);

	if (e)
		return e;
	return CRYPTO_memcmp(d, m->buf + 4, 16) ? RADIUS_E_BAD_AUTH :
						  RADIUS_OK;
}

/* HMAC-MD5 of m with the MA value (at off) zeroed and auth in place. */
static enum radius_err ma_compute(const struct radius_msg *m, size_t off,
				  const uint8_t *auth,
				  const struct radius_secret *s,
				  uint8_t out[16])
{
	uint8_t tmp[RADIUS_MAX_LEN];
	enum radius_err e;

	memcpy(tmp, m->buf, m->len);
	if (auth)
		memcpy(tmp + 4, auth, 16);
	memset(tmp + off + 2, 0, RADIUS_MA_LEN);
	e = radius_hmac_md5(s->data, s->len, tmp, m->len, out);
	OPENSSL_cleanse(tmp, m->len);
	return e;
}

enum radius_err radius_ma_sign(struct radius_msg *m, const uint8_t *auth,
			       const struct radius_secret *s)
{
	size_t off = radius_msg_find_off(m, RADIUS_ATTR_MESSAGE_AUTHENTICATOR);
	uint8_t d[16];
	enum radius_err e;

	if (!off || m->buf[off + 1] != 2 + RADIUS_MA_LEN)
		return RADIUS_E_NO_MA;
	e = ma_compute(m, off, auth, s, d);
	if (!e)
		memcpy(m->buf + off + 2, d, 16);
	return e;
}

enum radius_err radius_ma_verify(const struct radius_msg *m,
				 const uint8_t *auth,
				 const struct radius_secret *s, bool required)
{
	size_t off = radius_msg_find_off(m, RADIUS_ATTR_MESSAGE_AUTHENTICATOR);
	uint8_t d[16];
	enum radius_err e;

	if (!off)
		return required ? RADIUS_E_NO_MA : RADIUS_OK;
	if (m->buf[off + 1] != 2 + RADIUS_MA_LEN)
		return RADIUS_E_MA_LEN;
	e = ma_compute(m, off, auth, s, d);
	if (e)
		return e;
	return CRYPTO_memcmp(d, m->buf + off + 2, 16) ? RADIUS_E_BAD_MA :
							RADIUS_OK;
}

/*
 * RFC 2865 5.2: b1 = MD5(S + RA), c(1) = p1 xor b1,
 * bi = MD5(S + c(i-1)), c(i) = pi xor bi. The same chain with the
 * ciphertext as input serves RFC 2548 (with a salt after RA).
 */
enum radius_err radius_password_hide(uint8_t *out, size_t *out_len,
				     const void *pw, size_t pw_len,
				     const uint8_t req_auth[16],
				     const struct radius_secret *s)
{
	uint8_t b[16];
	size_t n, i, j;

	if (!pw_len || pw_len > RADIUS_PASSWORD_MAX)
		return RADIUS_E_VALUE;
	n = (pw_len + 15) & ~(size_t)15;
	memset(out, 0, n);
	memcpy(out, pw, pw_len);
	for (i = 0; i < n; i += 16) {
		enum radius_err e;

		e = radius_md5(b, s->data, s->len,
			       i ? out + i - 16 : req_auth, (size_t)16, NULL);
		if (e) {
			OPENSSL_cleanse(out, n);
			return e;
		}
		for (j = 0; j < 16; j++)
			out[i + j] ^= b[j];
	}
	OPENSSL_cleanse(b, sizeof(b));
	*out_len = n;
	return RADIUS_OK;
}

enum radius_err radius_password_unhide(uint8_t *out, size_t *out_len,
				       const uint8_t *hidden, size_t len,
				       const uint8_t req_auth[16],
				       const struct radius_secret *s)
{
	uint8_t b[16];
	size_t i, j;

	if (!len || len > RADIUS_PASSWORD_MAX || len % 16)
		return RADIUS_E_VALUE;
	for (i = 0; i < len; i += 16) {
		enum radius_err e;

		e = radius_md5(b, s->data, s->len,
			       i ? hidden + i - 16 : req_auth, (size_t)16,
			       NULL);
		if (e) {
			OPENSSL_cleanse(out, len);
			return e;
		}
		for (j = 0; j < 16; j++)
			out[i + j] = hidden[i + j] ^ b[j];
	}
	OPENSSL_cleanse(b, sizeof(b));
	while (len && !out[len - 1])
		len--;
	*out_len = len;
	return RADIUS_OK;
}

enum radius_err radius_mppe_encrypt(uint8_t *out, size_t *out_len,
				    size_t out_max, const uint8_t *key,
				    size_t key_len, const uint8_t salt[2],
				    const uint8_t req_auth[16],
				    const struct radius_secret *s)
{
	uint8_t b[16];
	size_t n, i, j;

	if (!(salt[0] & 0x80) || key_len > RADIUS_MPPE_KEY_MAX)
		return RADIUS_E_VALUE;
	n = (1 + key_len + 15) & ~(size_t)15;
	if (2 + n > out_max)
		return RADIUS_E_NO_SPACE;
	out[0] = salt[0];
	out[1] = salt[1];
	memset(out + 2, 0, n);
	out[2] = (uint8_t)key_len;
	memcpy(out + 3, key, key_len);
	for (i = 0; i < n; i += 16) {
		enum radius_err e;

		if (i)
			e = radius_md5(b, s->data, s->len, out + 2 + i - 16,
				       (size_t)16, NULL);
		else
			e = radius_md5(b, s->data, s->len, req_auth,
				       (size_t)16, salt, (size_t)2, NULL);
		if (e) {
			OPENSSL_cleanse(out, 2 + n);
			return e;
		}
		for (j = 0; j < 16; j++)
			out[2 + i + j] ^= b[j];
	}
	OPENSSL_cleanse(b, sizeof(b));
	*out_len = 2 + n;
	return RADIUS_OK;
}

enum radius_err radius_mppe_decrypt(uint8_t *key, size_t *key_len,
				    size_t key_max, const uint8_t *val,
				    size_t len, const uint8_t req_auth[16],
				    const struct radius_secret *s)
{
	uint8_t p[RADIUS_ATTR_MAX_DATA], b[16];
	const uint8_t *c = val + 2;
	size_t n, i, j;
	enum radius_err e = RADIUS_OK;

	if (len < 2 + 16 || (len - 2) % 16 || !(val[0] & 0x80))
		return RADIUS_E_VALUE;
	n = len - 2;
	for (i = 0; i < n && !e; i += 16) {
		if (i)
			e = radius_md5(b, s->data, s->len, c + i - 16,
				       (size_t)16, NULL);
		else
			e = radius_md5(b, s->data, s->len, req_auth,
				       (size_t)16, val, (size_t)2, NULL);
		for (j = 0; j < 16 && !e; j++)
			p[i + j] = c[i + j] ^ b[j];
	}
	if (!e && (p[0] > n - 1 || p[0] > key_max))
		e = RADIUS_E_VALUE;
	if (!e) {
		memcpy(key, p + 1, p[0]);
		*key_len = p[0];
	}
	OPENSSL_cleanse(p, sizeof(p));
	OPENSSL_cleanse(b, sizeof(b));
	return e;
}

enum radius_err radius_msk_get(const struct radius_msg *accept,
			       const uint8_t req_auth[16],
			       const struct radius_secret *s,
			       uint8_t msk[RADIUS_MSK_LEN], size_t *msk_len)
{
	const uint8_t *recv, *send;
	size_t rl, sl, kl;
	enum radius_err e;

	recv = radius_msg_find_vsa(accept, RADIUS_VENDOR_MICROSOFT,
				   RADIUS_MS_MPPE_RECV_KEY, &rl);
	send = radius_msg_find_vsa(accept, RADIUS_VENDOR_MICROSOFT,
				   RADIUS_MS_MPPE_SEND_KEY, &sl);
	if (!recv || !send)
		return RADIUS_E_VALUE;
	e = radius_mppe_decrypt(msk, &kl, 32, recv, rl, req_auth, s);
	if (!e && kl != 32)
		e = RADIUS_E_VALUE;
	if (!e)
		e = radius_mppe_decrypt(msk + 32, &kl, 32, send, sl, req_auth,
					s);
	if (!e && kl != 32)
		e = RADIUS_E_VALUE;
	if (e) {
		OPENSSL_cleanse(msk, RADIUS_MSK_LEN);
		return e;
	}
	*msk_len = RADIUS_MSK_LEN;
	return RADIUS_OK;
}
