// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/* Copyright (C) 2026 The fsr authors. */
/* ft_crypto.h on OpenSSL 3: EVP_MAC (HMAC, CMAC), EVP_Digest, EVP AES-ECB. */
#include "crypto_openssl.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

int fsr_crypto_init(void)
{
	return 0;
}

void fsr_crypto_exit(void)
{
}

static int digest_vec(const char *name, const struct fsr_vec *v, size_t n,
		      u8 *out)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	EVP_MD *md = EVP_MD_fetch(NULL, name, NULL);
	int ok = ctx && md && EVP_DigestInit_ex(ctx, md, NULL);
	size_t i;

	for (i = 0; ok && i < n; i++)
		ok = EVP_DigestUpdate(ctx, v[i].p, v[i].len);
	if (ok)
		ok = EVP_DigestFinal_ex(ctx, out, NULL);
	EVP_MD_CTX_free(ctx);
	EVP_MD_free(md);
	return ok ? 0 : -EIO;
}

int fsr_sha256_vec(const struct fsr_vec *v, size_t n, u8 *digest)
{
	return digest_vec("SHA256", v, n, digest);
}

int fsr_sha384_vec(const struct fsr_vec *v, size_t n, u8 *digest)
{
	return digest_vec("SHA384", v, n, digest);
}

/* mac_name "HMAC" with a digest, or "CMAC" with a cipher. */
static int mac_vec(const char *mac_name, const char *param_key,
		   const char *param_val, const u8 *key, size_t key_len,
		   const struct fsr_vec *v, size_t n, u8 *out, size_t out_len)
{
	OSSL_PARAM params[2];
	EVP_MAC *mac = EVP_MAC_fetch(NULL, mac_name, NULL);
	EVP_MAC_CTX *ctx = mac ? EVP_MAC_CTX_new(mac) : NULL;
	size_t got = 0, i;
	int ok;

	params[0] = OSSL_PARAM_construct_utf8_string(param_key,
						     (char *)param_val, 0);
	params[1] = OSSL_PARAM_construct_end();
	ok = ctx && EVP_MAC_init(ctx, key, key_len, params);
	for (i = 0; ok && i < n; i++)
		ok = EVP_MAC_update(ctx, v[i].p, v[i].len);
	if (ok)
		ok = EVP_MAC_final(ctx, out, &got, out_len) && got == out_len;
	EVP_MAC_CTX_free(ctx);
	EVP_MAC_free(mac);
	return ok ? 0 : -EIO;
}

int fsr_hmac_sha1_vec(const u8 *key, size_t key_len,
		      const struct fsr_vec *v, size_t n, u8 *mac)
{
	return mac_vec("HMAC", OSSL_MAC_PARAM_DIGEST, "SHA1", key, key_len,
		       v, n, mac, FSR_SHA1_LEN);
}

int fsr_hmac_sha256_vec(const u8 *key, size_t key_len,
			const struct fsr_vec *v, size_t n, u8 *mac)
{
	return mac_vec("HMAC", OSSL_MAC_PARAM_DIGEST, "SHA256", key, key_len,
		       v, n, mac, FSR_SHA256_LEN);
}

int fsr_hmac_sha384_vec(const u8 *key, size_t key_len,
			const struct fsr_vec *v, size_t n, u8 *mac)
{
	return mac_vec("HMAC", OSSL_MAC_PARAM_DIGEST, "SHA384", key, key_len,
		       v, n, mac, FSR_SHA384_LEN);
}

int fsr_aes128_cmac_vec(const u8 *key, const struct fsr_vec *v, size_t n,
			u8 *mac)
{
	return mac_vec("CMAC", OSSL_MAC_PARAM_CIPHER, "AES-128-CBC", key, 16,
		       v, n, mac, FSR_CMAC_LEN);
}

static const char *ecb_name(size_t key_len)
{
	switch (key_len) {
	case 16:
		return "AES-128-ECB";
	case 24:
		return "AES-192-ECB";
	case 32:
		return "AES-256-ECB";
	default:
		return NULL;
	}
}

struct ecb_ctx {
	EVP_CIPHER_CTX *c;
	int failed;
};

static void ecb_block(void *opaque, u8 *out, const u8 *in)
{
	struct ecb_ctx *e = opaque;
	int outl = 0;

	if (!EVP_CipherUpdate(e->c, out, &outl, in, FSR_AES_BLOCK_LEN) ||
	    outl != FSR_AES_BLOCK_LEN)
		e->failed = 1;
}

static int ecb_run(int enc, const u8 *kek, size_t kek_len, const u8 *in,
		   size_t in_len, u8 *out)
{
	const char *name = ecb_name(kek_len);
	struct ecb_ctx e = { 0 };
	EVP_CIPHER *cipher;
	int err;

	if (!name)
		return -EINVAL;
	cipher = EVP_CIPHER_fetch(NULL, name, NULL);
	e.c = EVP_CIPHER_CTX_new();
	if (!cipher || !e.c ||
	    !EVP_CipherInit_ex2(e.c, cipher, kek, NULL, enc, NULL) ||
	    !EVP_CIPHER_CTX_set_padding(e.c, 0)) {
		err = -EIO;
		goto out;
	}
	if (enc)
		err = fsr_kw_wrap(ecb_block, &e, in, in_len, out);
	else
		err = fsr_kw_unwrap(ecb_block, &e, in, in_len, out);
	if (!err && e.failed)
		err = -EIO;
out:
	EVP_CIPHER_CTX_free(e.c);
	EVP_CIPHER_free(cipher);
	return err;
}

int fsr_aes_wrap(const u8 *kek, size_t kek_len, const u8 *plain,
		 size_t plain_len, u8 *out)
{
	return ecb_run(1, kek, kek_len, plain, plain_len, out);
}

int fsr_aes_unwrap(const u8 *kek, size_t kek_len, const u8 *in,
		   size_t in_len, u8 *plain)
{
	return ecb_run(0, kek, kek_len, in, in_len, plain);
}

int fsr_memneq(const void *a, const void *b, size_t len)
{
	return CRYPTO_memcmp(a, b, len) != 0;
}

void fsr_memzero(void *p, size_t len)
{
	OPENSSL_cleanse(p, len);
}
