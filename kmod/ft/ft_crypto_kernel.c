// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */
/*
 * ft_crypto.h on top of the kernel crypto API: crypto_shash for the hashes
 * and MACs, the AES library (CONFIG_CRYPTO_LIB_AES) for key wrap.
 *
 * A transform is allocated per call because the key lives in the tfm;
 * fsr_crypto_init() keeps one reference per algorithm so the modules stay
 * loaded and the lookups are cheap. Process context only: every function
 * here may sleep.
 */
#include <crypto/aes.h>
#include <crypto/algapi.h>
#include <crypto/hash.h>
#include <linux/err.h>
#include <linux/kernel.h>

#include "ft_crypto.h"

static const char * const fsr_shash_names[] = {
	"sha256", "sha384", "hmac(sha256)", "hmac(sha384)", "cmac(aes)",
};

static struct crypto_shash *fsr_shash_pin[ARRAY_SIZE(fsr_shash_names)];

void fsr_crypto_exit(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fsr_shash_pin); i++) {
		if (!IS_ERR_OR_NULL(fsr_shash_pin[i]))
			crypto_free_shash(fsr_shash_pin[i]);
		fsr_shash_pin[i] = NULL;
	}
}

int fsr_crypto_init(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fsr_shash_names); i++) {
		struct crypto_shash *tfm;

		tfm = crypto_alloc_shash(fsr_shash_names[i], 0, 0);
		if (IS_ERR(tfm)) {
			pr_err("crypto algorithm %s unavailable: %ld\n",
			       fsr_shash_names[i], PTR_ERR(tfm));
			fsr_crypto_exit();
			return PTR_ERR(tfm);
		}
		fsr_shash_pin[i] = tfm;
	}
	return 0;
}

static int fsr_shash_run(struct crypto_shash *tfm, const struct fsr_vec *v,
			 size_t n, u8 *out)
{
	SHASH_DESC_ON_STACK(desc, tfm);
	size_t i;
	int err;

	desc->tfm = tfm;
	err = crypto_shash_init(desc);
	for (i = 0; !err && i < n; i++)
		err = crypto_shash_update(desc, v[i].p, v[i].len);
	if (!err)
		err = crypto_shash_final(desc, out);
	shash_desc_zero(desc);
	return err;
}

static int fsr_shash_vec(const char *alg, const u8 *key, size_t key_len,
			 const struct fsr_vec *v, size_t n, u8 *out)
{
	struct crypto_shash *tfm;
	int err = 0;

	tfm = crypto_alloc_shash(alg, 0, 0);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	if (key)
		err = crypto_shash_setkey(tfm, key, key_len);
	if (!err)
		err = fsr_shash_run(tfm, v, n, out);
	crypto_free_shash(tfm);
	return err;
}

int fsr_sha256_vec(const struct fsr_vec *v, size_t n, u8 *digest)
{
	return fsr_shash_vec("sha256", NULL, 0, v, n, digest);
}

int fsr_sha384_vec(const struct fsr_vec *v, size_t n, u8 *digest)
{
	return fsr_shash_vec("sha384", NULL, 0, v, n, digest);
}

int fsr_hmac_sha256_vec(const u8 *key, size_t key_len,
			const struct fsr_vec *v, size_t n, u8 *mac)
{
	return fsr_shash_vec("hmac(sha256)", key, key_len, v, n, mac);
}

int fsr_hmac_sha384_vec(const u8 *key, size_t key_len,
			const struct fsr_vec *v, size_t n, u8 *mac)
{
	return fsr_shash_vec("hmac(sha384)", key, key_len, v, n, mac);
}

int fsr_aes128_cmac_vec(const u8 *key, const struct fsr_vec *v, size_t n,
			u8 *mac)
{
	return fsr_shash_vec("cmac(aes)", key, 16, v, n, mac);
}

static void fsr_aes_enc_block(void *ctx, u8 *out, const u8 *in)
{
	aes_encrypt(ctx, out, in);
}

static void fsr_aes_dec_block(void *ctx, u8 *out, const u8 *in)
{
	aes_decrypt(ctx, out, in);
}

int fsr_aes_wrap(const u8 *kek, size_t kek_len, const u8 *plain,
		 size_t plain_len, u8 *out)
{
	struct crypto_aes_ctx ctx;
	int err;

	err = aes_expandkey(&ctx, kek, kek_len);
	if (!err)
		err = fsr_kw_wrap(fsr_aes_enc_block, &ctx, plain, plain_len,
				  out);
	memzero_explicit(&ctx, sizeof(ctx));
	return err;
}

int fsr_aes_unwrap(const u8 *kek, size_t kek_len, const u8 *in,
		   size_t in_len, u8 *plain)
{
	struct crypto_aes_ctx ctx;
	int err;

	err = aes_expandkey(&ctx, kek, kek_len);
	if (!err)
		err = fsr_kw_unwrap(fsr_aes_dec_block, &ctx, in, in_len,
				    plain);
	memzero_explicit(&ctx, sizeof(ctx));
	return err;
}

int fsr_memneq(const void *a, const void *b, size_t len)
{
	return crypto_memneq(a, b, len);
}

void fsr_memzero(void *p, size_t len)
{
	memzero_explicit(p, len);
}
