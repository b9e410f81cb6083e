/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/* Copyright (C) 2026 The fsr authors. */
/*
 * FT key hierarchy (IEEE 802.11-2020 12.7.1.7): the KDF, PMK-R0, PMK-R1,
 * PTK and their names. All functions return 0 or a negative errno and wipe
 * their intermediate buffers; outputs are wiped on failure. Kernel: process
 * context only (the crypto shim may sleep).
 */
#ifndef _FSR_FT_KDF_H
#define _FSR_FT_KDF_H

#include "ft_crypto.h"

/* Suite selectors (OUI << 8 | type), the same values as the uapi's. */
#define FSR_FT_AKM_8021X		0x000fac03
#define FSR_FT_AKM_PSK			0x000fac04
#define FSR_FT_AKM_8021X_SHA384		0x000fac0d
#define FSR_FT_CIPHER_CCMP_128		0x000fac04
#define FSR_FT_CIPHER_GCMP_128		0x000fac08
#define FSR_FT_CIPHER_GCMP_256		0x000fac09
#define FSR_FT_CIPHER_CCMP_256		0x000fac0a

#define FSR_FT_PMK_MAX_LEN	48	/* PMK-R0/PMK-R1: Q = 256 or 384 bits */
#define FSR_FT_KCK_MAX_LEN	24
#define FSR_FT_KEK_MAX_LEN	32
#define FSR_FT_TK_MAX_LEN	32
#define FSR_FT_MIC_MAX_LEN	24
#define FSR_FT_KDF_MAX_CTX	6	/* context pieces accepted by fsr_kdf() */

enum fsr_ft_hash {
	FSR_FT_HASH_SHA256,
	FSR_FT_HASH_SHA384,
};

/* Everything that follows from the negotiated AKM and pairwise cipher. */
struct fsr_ft_suite {
	u32 akm;
	u32 cipher;
	enum fsr_ft_hash hash;
	u8 pmk_len;	/* XXKey, PMK-R0, PMK-R1: 32 or 48 */
	u8 kck_len;	/* 16 or 24 */
	u8 kek_len;	/* 16 or 32 */
	u8 tk_len;	/* 16 or 32 */
	u8 mic_len;	/* FTE MIC: 16 (AES-CMAC) or 24 (HMAC-SHA384) */
};

struct fsr_ft_pmk_r0 {
	u8 key[FSR_FT_PMK_MAX_LEN];
	u8 key_len;
	u8 name[FSR_FT_NAME_LEN];
};

struct fsr_ft_pmk_r1 {
	u8 key[FSR_FT_PMK_MAX_LEN];
	u8 key_len;
	u8 name[FSR_FT_NAME_LEN];
};

struct fsr_ft_ptk {
	u8 kck[FSR_FT_KCK_MAX_LEN];
	u8 kek[FSR_FT_KEK_MAX_LEN];
	u8 tk[FSR_FT_TK_MAX_LEN];
	u8 kck_len;
	u8 kek_len;
	u8 tk_len;
	u8 name[FSR_FT_NAME_LEN];	/* PTKName */
};

/*
 * Fill @s for an AKM and pairwise cipher. -EOPNOTSUPP for an AKM that is
 * not FT-802.1X, FT-PSK or FT-802.1X-SHA384; -EINVAL for a cipher other
 * than CCMP-128/256 or GCMP-128/256.
 */
int fsr_ft_suite_init(struct fsr_ft_suite *s, u32 akm, u32 cipher);

/*
 * KDF-Hash-Length(key, label, context, out_len * 8): HMAC-Hash over
 * LE16(i) || label || context || LE16(bits), i = 1, 2, ... The context is
 * the concatenation of @nctx pieces (at most FSR_FT_KDF_MAX_CTX). The
 * label is ASCII without its NUL. out_len is 1..8191.
 */
int fsr_kdf(enum fsr_ft_hash hash, const u8 *key, size_t key_len,
	    const char *label, const struct fsr_vec *ctx, size_t nctx,
	    u8 *out, size_t out_len);

/*
 * PMK-R0 and PMKR0Name. xxkey_len must equal s->pmk_len (the PSK, MSK
 * octets 32..63 for FT-802.1X, MSK octets 0..47 for the SHA-384 AKM).
 * ssid_len 0..32, r0kh_id_len 1..48, s0kh_id = the STA address.
 */
int fsr_ft_derive_pmk_r0(const struct fsr_ft_suite *s,
			 const u8 *xxkey, size_t xxkey_len,
			 const u8 *ssid, size_t ssid_len, const u8 *mdid,
			 const u8 *r0kh_id, size_t r0kh_id_len,
			 const u8 *s0kh_id, struct fsr_ft_pmk_r0 *r0);

/*
 * PMKR1Name alone, from PMKR0Name (what a target AP does with the PMKID of
 * an FT request before it looks its cache up).
 */
int fsr_ft_pmk_r1_name(const struct fsr_ft_suite *s, const u8 *pmk_r0_name,
		       const u8 *r1kh_id, const u8 *s1kh_id, u8 *pmk_r1_name);

/* PMK-R1 and PMKR1Name. r0->key_len must equal s->pmk_len. */
int fsr_ft_derive_pmk_r1(const struct fsr_ft_suite *s,
			 const struct fsr_ft_pmk_r0 *r0,
			 const u8 *r1kh_id, const u8 *s1kh_id,
			 struct fsr_ft_pmk_r1 *r1);

/*
 * PTK (KCK || KEK || TK) and PTKName from PMK-R1. pmk_r1_len must equal
 * s->pmk_len. The nonces are FSR_FT_NONCE_LEN octets, addresses 6.
 */
int fsr_ft_derive_ptk(const struct fsr_ft_suite *s,
		      const u8 *pmk_r1, size_t pmk_r1_len,
		      const u8 *pmk_r1_name, const u8 *snonce,
		      const u8 *anonce, const u8 *bssid, const u8 *sta_addr,
		      struct fsr_ft_ptk *ptk);

#endif /* _FSR_FT_KDF_H */
