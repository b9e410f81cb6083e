/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/* Copyright (C) 2026 The fsr authors. */
/*
 * The FTE MIC (IEEE 802.11-2020 13.8.4, 13.8.5) and the key subelements of
 * a Reassociation Response FTE. Kernel: process context only (the crypto
 * shim may sleep).
 */
#ifndef _FSR_FT_MIC_H
#define _FSR_FT_MIC_H

#include "ft_crypto.h"
#include "ft_ie.h"
#include "ft_kdf.h"

#define FSR_FT_SEQ_REASSOC_REQ		5
#define FSR_FT_SEQ_REASSOC_RESP		6

/*
 * What the MIC covers: STA-ADDR || AP-ADDR(BSSID) || seq || RSNE || MDE ||
 * FTE (its MIC field counted as zero) || RIC || RSNXE. Every element is
 * whole, header included. RSNE, MDE and FTE are required; RIC and RSNXE
 * are left out when their p is NULL.
 */
struct fsr_ft_mic_input {
	const u8 *sta_addr;
	const u8 *ap_addr;
	u8 seq;
	struct fsr_ie_elem rsne;
	struct fsr_ie_elem mde;
	struct fsr_ie_elem fte;
	struct fsr_ie_elem ric;
	struct fsr_ie_elem rsnxe;
};

/* Fill @in from a walked element set (RIC and RSNXE if present). */
void fsr_ft_mic_input_init(struct fsr_ft_mic_input *in,
			   const struct fsr_ie_set *set, const u8 *sta_addr,
			   const u8 *ap_addr, u8 seq);

/*
 * MIC with the KCK: AES-128-CMAC for a 16-octet KCK (16-octet MIC),
 * HMAC-SHA384 truncated to 24 octets for a 24-octet KCK. @mic receives the
 * MIC and may point at the FTE's own MIC field (in->fte.p + 4).
 */
int fsr_ft_mic_compute(const u8 *kck, size_t kck_len,
		       const struct fsr_ft_mic_input *in, u8 *mic);

/*
 * Recompute and compare with the MIC carried in in->fte, over all 16 or 24
 * octets, in constant time. 0 if it matches, -EBADMSG if not, another
 * negative errno if it could not be computed.
 */
int fsr_ft_mic_verify(const u8 *kck, size_t kck_len,
		      const struct fsr_ft_mic_input *in);

/*
 * GTK subelement body: Key Info (Key ID in bits 0-1), Key Length, RSC (8
 * octets, NULL means zero) and the GTK padded (0xdd 00.. to a multiple of
 * 8, at least 16) and AES-key-wrapped with the KEK (16 or 32 octets).
 * Returns the body length, -ENOSPC or -EINVAL.
 */
int fsr_ft_build_gtk_sub(u8 *buf, size_t size, const u8 *kek, size_t kek_len,
			 u8 key_id, const u8 *gtk, size_t gtk_len,
			 const u8 *rsc);

/*
 * IGTK subelement body: Key ID (4 or 5), IPN (6 octets, NULL means zero),
 * Key Length and the IGTK (16 or 32 octets) wrapped with the KEK.
 */
int fsr_ft_build_igtk_sub(u8 *buf, size_t size, const u8 *kek,
			  size_t kek_len, u16 key_id, const u8 *ipn,
			  const u8 *igtk, size_t igtk_len);

#endif /* _FSR_FT_MIC_H */
