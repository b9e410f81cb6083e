// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/* Copyright (C) 2026 The fsr authors. */
/*
 * AES key wrap (RFC 3394, section 2.2.1 and 2.2.2, the "index based"
 * form) over a caller-supplied block function.
 */
#include "ft_crypto.h"

#define KW_ROUNDS	6
#define KW_IV_BYTE	0xa6

static void kw_xor_t(u8 *a, u64 t)
{
	int i;

	for (i = 7; i >= 0 && t; i--, t >>= 8)
		a[i] ^= (u8)t;
}

int fsr_kw_wrap(fsr_aes_block_fn encrypt, void *ctx, const u8 *plain,
		size_t plain_len, u8 *out)
{
	u8 b[FSR_AES_BLOCK_LEN];
	size_t n, i;
	u8 *a = out;
	u64 t = 0;
	int j;

	if (plain_len % 8 || plain_len < 16)
		return -EINVAL;
	n = plain_len / 8;
	memset(a, KW_IV_BYTE, 8);
	memmove(out + 8, plain, plain_len);

	for (j = 0; j < KW_ROUNDS; j++) {
		for (i = 1; i <= n; i++) {
			u8 *r = out + 8 * i;

			memcpy(b, a, 8);
			memcpy(b + 8, r, 8);
			encrypt(ctx, b, b);
			t++;
			memcpy(a, b, 8);
			kw_xor_t(a, t);
			memcpy(r, b + 8, 8);
		}
	}
	fsr_memzero(b, sizeof(b));
	return 0;
}

int fsr_kw_unwrap(fsr_aes_block_fn decrypt, void *ctx, const u8 *in,
		  size_t in_len, u8 *plain)
{
	static const u8 iv[8] = {
		KW_IV_BYTE, KW_IV_BYTE, KW_IV_BYTE, KW_IV_BYTE,
		KW_IV_BYTE, KW_IV_BYTE, KW_IV_BYTE, KW_IV_BYTE,
	};
	u8 b[FSR_AES_BLOCK_LEN];
	u8 a[8];
	size_t n, i;
	u64 t;
	int j;

	if (in_len % 8 || in_len < 24)
		return -EINVAL;
	n = in_len / 8 - 1;
	memcpy(a, in, 8);
	memmove(plain, in + 8, in_len - 8);
	t = (u64)KW_ROUNDS * n;

	for (j = KW_ROUNDS - 1; j >= 0; j--) {
		for (i = n; i >= 1; i--) {
			u8 *r = plain + 8 * (i - 1);

			memcpy(b, a, 8);
			kw_xor_t(b, t);
			t--;
			memcpy(b + 8, r, 8);
			decrypt(ctx, b, b);
			memcpy(a, b, 8);
			memcpy(r, b + 8, 8);
		}
	}
	fsr_memzero(b, sizeof(b));
	if (fsr_memneq(a, iv, sizeof(iv))) {
		fsr_memzero(plain, in_len - 8);
		return -EBADMSG;
	}
	return 0;
}
