// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */
/*
 * ft_crypto.h for fsr.ko, built so that no call ever allocates or sleeps:
 * the FT fast path computes PMKR1Name in the mac80211 receive hook
 * (softirq) and everything else in a workqueue, and neither should pay a
 * transform allocation per frame.
 *
 *  - SHA-256 and SHA-384 run on two unkeyed crypto_shash transforms
 *    allocated once by fsr_crypto_init() (process context, module load).
 *    An unkeyed transform may be shared by any number of callers at once:
 *    all per-call state lives in the on-stack descriptor.
 *  - HMAC (RFC 2104) is computed here on top of those two hashes, so the
 *    key never has to be set on a shared transform.
 *  - AES-128-CMAC (RFC 4493) and AES key wrap use the AES library
 *    (CONFIG_CRYPTO_LIB_AES) with an on-stack expanded key.
 *
 * Every intermediate buffer that depends on a key is wiped.
 */
#include <crypto/aes.h>
#include <crypto/algapi.h>
#include <crypto/hash.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "ft_crypto.h"

#define FSR_HMAC_BLOCK_MAX	128	/* SHA-384 block size */

static struct crypto_shash *fsr_sha256_tfm;
static struct crypto_shash *fsr_sha384_tfm;

void fsr_crypto_exit(void)
{
	if (!IS_ERR_OR_NULL(fsr_sha256_tfm))
		crypto_free_shash(fsr_sha256_tfm);
	if (!IS_ERR_OR_NULL(fsr_sha384_tfm))
		crypto_free_shash(fsr_sha384_tfm);
	fsr_sha256_tfm = NULL;
	fsr_sha384_tfm = NULL;
}

static struct crypto_shash *fsr_crypto_alloc(const char *name)
{
	struct crypto_shash *tfm;

	/* Synchronous, and never an implementation that needs a key. */
	tfm = crypto_alloc_shash(name, 0, CRYPTO_ALG_ASYNC);
	if (IS_ERR(tfm))
		pr_err("crypto algorithm %s unavailable: %ld\n", name,
		       PTR_ERR(tfm));
	return tfm;
}

static int fsr_crypto_selftest(void);

int fsr_crypto_init(void)
{
	fsr_sha256_tfm = fsr_crypto_alloc("sha256");
	if (IS_ERR(fsr_sha256_tfm)) {
		int err = PTR_ERR(fsr_sha256_tfm);

		fsr_sha256_tfm = NULL;
		return err;
	}
	fsr_sha384_tfm = fsr_crypto_alloc("sha384");
	if (IS_ERR(fsr_sha384_tfm)) {
		int err = PTR_ERR(fsr_sha384_tfm);

		fsr_sha384_tfm = NULL;
		fsr_crypto_exit();
		return err;
	}
	if (fsr_crypto_selftest()) {
		pr_err("crypto self-test failed\n");
		fsr_crypto_exit();
		return -EINVAL;
	}
	return 0;
}

/* Hash @pre (may be NULL) then the @n pieces of @v into @out. */
static int fsr_hash_run(struct crypto_shash *tfm, const u8 *pre,
			size_t pre_len, const struct fsr_vec *v, size_t n,
			u8 *out)
{
	SHASH_DESC_ON_STACK(desc, tfm);
	size_t i;
	int err;

	if (!tfm)
		return -ENOENT;
	desc->tfm = tfm;
	err = crypto_shash_init(desc);
	if (!err && pre)
		err = crypto_shash_update(desc, pre, pre_len);
	for (i = 0; !err && i < n; i++)
		err = crypto_shash_update(desc, v[i].p, v[i].len);
	if (!err)
		err = crypto_shash_final(desc, out);
	shash_desc_zero(desc);
	return err;
}

int fsr_sha256_vec(const struct fsr_vec *v, size_t n, u8 *digest)
{
	return fsr_hash_run(fsr_sha256_tfm, NULL, 0, v, n, digest);
}

int fsr_sha384_vec(const struct fsr_vec *v, size_t n, u8 *digest)
{
	return fsr_hash_run(fsr_sha384_tfm, NULL, 0, v, n, digest);
}

/* RFC 2104 HMAC over an unkeyed hash transform. */
static int fsr_hmac_vec(struct crypto_shash *tfm, size_t block,
			size_t dlen, const u8 *key, size_t key_len,
			const struct fsr_vec *v, size_t n, u8 *mac)
{
	u8 pad[FSR_HMAC_BLOCK_MAX];
	u8 inner[FSR_SHA384_LEN];
	struct fsr_vec ov;
	size_t i;
	int err;

	memset(pad, 0, sizeof(pad));
	if (key_len > block) {
		struct fsr_vec kv = { key, key_len };

		err = fsr_hash_run(tfm, NULL, 0, &kv, 1, pad);
		if (err)
			goto out;
	} else {
		memcpy(pad, key, key_len);
	}
	for (i = 0; i < block; i++)
		pad[i] ^= 0x36;
	err = fsr_hash_run(tfm, pad, block, v, n, inner);
	if (err)
		goto out;
	for (i = 0; i < block; i++)
		pad[i] ^= 0x36 ^ 0x5c;
	ov = (struct fsr_vec){ inner, dlen };
	err = fsr_hash_run(tfm, pad, block, &ov, 1, mac);
out:
	memzero_explicit(pad, sizeof(pad));
	memzero_explicit(inner, sizeof(inner));
	return err;
}

int fsr_hmac_sha256_vec(const u8 *key, size_t key_len,
			const struct fsr_vec *v, size_t n, u8 *mac)
{
	return fsr_hmac_vec(fsr_sha256_tfm, 64, FSR_SHA256_LEN, key, key_len,
			    v, n, mac);
}

int fsr_hmac_sha384_vec(const u8 *key, size_t key_len,
			const struct fsr_vec *v, size_t n, u8 *mac)
{
	return fsr_hmac_vec(fsr_sha384_tfm, 128, FSR_SHA384_LEN, key,
			    key_len, v, n, mac);
}

/* Doubling in GF(2^128) for the CMAC subkeys. */
static void fsr_cmac_dbl(u8 *b)
{
	u8 carry = b[0] & 0x80;
	int i;

	for (i = 0; i < FSR_AES_BLOCK_LEN - 1; i++)
		b[i] = (b[i] << 1) | (b[i + 1] >> 7);
	b[FSR_AES_BLOCK_LEN - 1] <<= 1;
	if (carry)
		b[FSR_AES_BLOCK_LEN - 1] ^= 0x87;
}

/* RFC 4493 AES-CMAC over a message given in pieces. */
int fsr_aes128_cmac_vec(const u8 *key, const struct fsr_vec *v, size_t n,
			u8 *mac)
{
	u8 x[FSR_AES_BLOCK_LEN] = {}, blk[FSR_AES_BLOCK_LEN];
	u8 k[FSR_AES_BLOCK_LEN] = {};
	struct crypto_aes_ctx ctx;
	size_t total = 0, fill = 0, i, j;
	int err;

	err = aes_expandkey(&ctx, key, 16);
	if (err)
		goto out;
	for (i = 0; i < n; i++)
		total += v[i].len;

	/* Every block but the last is chained as it fills up. */
	for (i = 0; i < n; i++) {
		for (j = 0; j < v[i].len; j++) {
			if (fill == FSR_AES_BLOCK_LEN) {
				crypto_xor(x, blk, FSR_AES_BLOCK_LEN);
				aes_encrypt(&ctx, x, x);
				fill = 0;
			}
			blk[fill++] = v[i].p[j];
		}
	}

	/* Subkeys K1 (complete last block) and K2 (padded last block). */
	aes_encrypt(&ctx, k, k);
	fsr_cmac_dbl(k);
	if (!total || fill < FSR_AES_BLOCK_LEN) {
		fsr_cmac_dbl(k);
		blk[fill++] = 0x80;
		while (fill < FSR_AES_BLOCK_LEN)
			blk[fill++] = 0;
	}
	crypto_xor(blk, k, FSR_AES_BLOCK_LEN);
	crypto_xor(x, blk, FSR_AES_BLOCK_LEN);
	aes_encrypt(&ctx, mac, x);
out:
	memzero_explicit(&ctx, sizeof(ctx));
	memzero_explicit(x, sizeof(x));
	memzero_explicit(k, sizeof(k));
	memzero_explicit(blk, sizeof(blk));
	return err;
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

/*
 * Known answers for the code written here (CMAC and HMAC): RFC 4493
 * example 2 (one block) and 4 (four blocks), RFC 4231 test case 2 for
 * HMAC-SHA-256 and HMAC-SHA-384.
 */
static int fsr_crypto_selftest(void)
{
	static const u8 cmac_key[16] = {
		0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
		0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c,
	};
	static const u8 cmac_msg[64] = {
		0x6b, 0xc1, 0xbe, 0xe2, 0x2e, 0x40, 0x9f, 0x96,
		0xe9, 0x3d, 0x7e, 0x11, 0x73, 0x93, 0x17, 0x2a,
		0xae, 0x2d, 0x8a, 0x57, 0x1e, 0x03, 0xac, 0x9c,
		0x9e, 0xb7, 0x6f, 0xac, 0x45, 0xaf, 0x8e, 0x51,
		0x30, 0xc8, 0x1c, 0x46, 0xa3, 0x5c, 0xe4, 0x11,
		0xe5, 0xfb, 0xc1, 0x19, 0x1a, 0x0a, 0x52, 0xef,
		0xf6, 0x9f, 0x24, 0x45, 0xdf, 0x4f, 0x9b, 0x17,
		0xad, 0x2b, 0x41, 0x7b, 0xe6, 0x6c, 0x37, 0x10,
	};
	static const u8 cmac_16[16] = {
		0x07, 0x0a, 0x16, 0xb4, 0x6b, 0x4d, 0x41, 0x44,
		0xf7, 0x9b, 0xdd, 0x9d, 0xd0, 0x4a, 0x28, 0x7c,
	};
	static const u8 cmac_64[16] = {
		0x51, 0xf0, 0xbe, 0xbf, 0x7e, 0x3b, 0x9d, 0x92,
		0xfc, 0x49, 0x74, 0x17, 0x79, 0x36, 0x3c, 0xfe,
	};
	static const u8 hmac_key[] = "Jefe";
	static const u8 hmac_msg[] = "what do ya want for nothing?";
	static const u8 hmac256[32] = {
		0x5b, 0xdc, 0xc1, 0x46, 0xbf, 0x60, 0x75, 0x4e,
		0x6a, 0x04, 0x24, 0x26, 0x08, 0x95, 0x75, 0xc7,
		0x5a, 0x00, 0x3f, 0x08, 0x9d, 0x27, 0x39, 0x83,
		0x9d, 0xec, 0x58, 0xb9, 0x64, 0xec, 0x38, 0x43,
	};
	static const u8 hmac384[48] = {
		0xaf, 0x45, 0xd2, 0xe3, 0x76, 0x48, 0x40, 0x31,
		0x61, 0x7f, 0x78, 0xd2, 0xb5, 0x8a, 0x6b, 0x1b,
		0x9c, 0x7e, 0xf4, 0x64, 0xf5, 0xa0, 0x1b, 0x47,
		0xe4, 0x2e, 0xc3, 0x73, 0x63, 0x22, 0x44, 0x5e,
		0x8e, 0x22, 0x40, 0xca, 0x5e, 0x69, 0xe2, 0xc7,
		0x8b, 0x32, 0x39, 0xec, 0xfa, 0xb2, 0x16, 0x49,
	};
	/* split unevenly to exercise the piecewise paths */
	struct fsr_vec cm[3] = {
		{ cmac_msg, 5 }, { cmac_msg + 5, 27 }, { cmac_msg + 32, 32 },
	};
	struct fsr_vec one = { cmac_msg, 16 };
	struct fsr_vec hm[2] = {
		{ hmac_msg, 10 }, { hmac_msg + 10, sizeof(hmac_msg) - 11 },
	};
	u8 out[FSR_SHA384_LEN];

	if (fsr_aes128_cmac_vec(cmac_key, &one, 1, out) ||
	    memcmp(out, cmac_16, 16))
		return -EINVAL;
	if (fsr_aes128_cmac_vec(cmac_key, cm, 3, out) ||
	    memcmp(out, cmac_64, 16))
		return -EINVAL;
	if (fsr_hmac_sha256_vec(hmac_key, 4, hm, 2, out) ||
	    memcmp(out, hmac256, 32))
		return -EINVAL;
	if (fsr_hmac_sha384_vec(hmac_key, 4, hm, 2, out) ||
	    memcmp(out, hmac384, 48))
		return -EINVAL;
	return 0;
}
