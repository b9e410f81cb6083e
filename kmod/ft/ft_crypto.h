/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/* Copyright (C) 2026 The fsr authors. */
/*
 * The crypto shim used by the shared FT code. Two implementations:
 *   kmod/ft/ft_crypto_kernel.c      kernel crypto API (fsr.ko)
 *   userspace/lib/crypto_openssl.c  OpenSSL 3 (fsrd, host tests, fuzzers)
 *
 * Every function returns 0 or a negative errno. The kernel backend never
 * allocates or sleeps once fsr_crypto_init() has run (pinned unkeyed hash
 * transforms, HMAC and CMAC computed on top of them and of the AES
 * library), so the receive hook may compute PMKR1Name in softirq; the
 * heavier derivations still run in process context by choice.
 */
#ifndef _FSR_FT_CRYPTO_H
#define _FSR_FT_CRYPTO_H

#include "ft_types.h"

#define FSR_SHA1_LEN		20
#define FSR_SHA256_LEN		32
#define FSR_SHA384_LEN		48
#define FSR_AES_BLOCK_LEN	16
#define FSR_CMAC_LEN		16
#define FSR_KW_OVERHEAD		8	/* RFC 3394: output = input + 8 */

/* One piece of a message that is hashed or MACed without concatenating. */
struct fsr_vec {
	const u8 *p;
	size_t len;
};

/*
 * Kernel: allocate the hash transforms once (process context) and run a
 * known-answer self-test of HMAC and CMAC. Userspace: no-op.
 */
int fsr_crypto_init(void);
void fsr_crypto_exit(void);

int fsr_sha256_vec(const struct fsr_vec *v, size_t n, u8 *digest);
int fsr_sha384_vec(const struct fsr_vec *v, size_t n, u8 *digest);
int fsr_hmac_sha256_vec(const u8 *key, size_t key_len,
			const struct fsr_vec *v, size_t n, u8 *mac);
int fsr_hmac_sha384_vec(const u8 *key, size_t key_len,
			const struct fsr_vec *v, size_t n, u8 *mac);
/*
 * HMAC-SHA1 (CCKM, cckm_kdf.c); mac is 20 octets. Userspace backend
 * only so far: fsr.ko does not serve CCKM yet.
 */
int fsr_hmac_sha1_vec(const u8 *key, size_t key_len,
		      const struct fsr_vec *v, size_t n, u8 *mac);
/* AES-128-CMAC (OMAC1); key is 16 octets, mac is 16 octets. */
int fsr_aes128_cmac_vec(const u8 *key, const struct fsr_vec *v, size_t n,
			u8 *mac);

/*
 * RFC 3394 AES key wrap with a 16/24/32-octet KEK. plain_len must be a
 * multiple of 8 and at least 16; out gets plain_len + 8 octets.
 * Unwrap returns -EBADMSG when the integrity check fails.
 */
int fsr_aes_wrap(const u8 *kek, size_t kek_len, const u8 *plain,
		 size_t plain_len, u8 *out);
int fsr_aes_unwrap(const u8 *kek, size_t kek_len, const u8 *in,
		   size_t in_len, u8 *plain);

/* Constant-time compare: 0 when equal, 1 otherwise. */
int fsr_memneq(const void *a, const void *b, size_t len);
/* Wipe that the compiler may not elide. */
void fsr_memzero(void *p, size_t len);

/*
 * The RFC 3394 algorithm itself, written once (ft_keywrap.c) on top of a
 * single-block AES function that each backend supplies.
 */
typedef void (*fsr_aes_block_fn)(void *ctx, u8 *out, const u8 *in);

int fsr_kw_wrap(fsr_aes_block_fn encrypt, void *ctx, const u8 *plain,
		size_t plain_len, u8 *out);
int fsr_kw_unwrap(fsr_aes_block_fn decrypt, void *ctx, const u8 *in,
		  size_t in_len, u8 *plain);

#endif /* _FSR_FT_CRYPTO_H */
