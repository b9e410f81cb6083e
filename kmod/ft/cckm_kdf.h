/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/* Copyright (C) 2026 The fsr authors. */
/*
 * CCKM (Cisco Centralized Key Management) keys and MICs, AP side
 * (docs/cckm.md): CGK/KRK/BTK from the NSK at the initial association,
 * the PTK of reassociation number RN from the BTK, and the MICs of the
 * Reassociation Request and Response elements (element 156, RSN, HMAC-
 * SHA1). Written once for fsrd and fsr.ko; host-tested against the
 * vectors of docs/cckm.md. Every function returns 0 or a negative errno
 * and wipes its intermediate buffers.
 */
#ifndef _FSR_CCKM_KDF_H
#define _FSR_CCKM_KDF_H

#include "ft_crypto.h"

#define FSR_CCKM_NSK_LEN	32
#define FSR_CCKM_KRK_LEN	16
#define FSR_CCKM_BTK_LEN	32
#define FSR_CCKM_PTK_LEN	48	/* CCMP: KCK 16, KEK 16, TK 16 */
#define FSR_CCKM_MIC_LEN	8
#define FSR_CCKM_ELEM_ID	156
#define FSR_CCKM_REQ_LEN	24	/* the request element's length field */

struct fsr_cckm_keys {
	u8 krk[FSR_CCKM_KRK_LEN];
	u8 btk[FSR_CCKM_BTK_LEN];
};

/*
 * CGK = PRF-SHA1(NSK, "Fast-Roam Generate Base Key", BSSID || STA ||
 * SNonce || ANonce, 48): KRK its first 16 octets, BTK the rest.
 */
int fsr_cckm_base_keys(const u8 *nsk, const u8 *bssid, const u8 *sta,
		       const u8 *snonce, const u8 *anonce,
		       struct fsr_cckm_keys *out);
/* PTK = PRF-SHA1(BTK, no label, RN (LE32) || BSSID, 48). */
int fsr_cckm_ptk(const u8 *btk, u32 rn, const u8 *bssid,
		 u8 ptk[FSR_CCKM_PTK_LEN]);
/*
 * The Reassociation Request element's MIC: HMAC-SHA1(KRK, STA || BSSID ||
 * RSNE || Timestamp (LE64) || RN (LE32)), first 8 octets.
 */
int fsr_cckm_req_mic(const u8 *krk, const u8 *sta, const u8 *bssid,
		     const u8 *rsne, size_t rsne_len, u64 tsf, u32 rn,
		     u8 mic[FSR_CCKM_MIC_LEN]);
/*
 * The Reassociation Response element (ID, length and body) into out
 * (room for 30 + egtk_len octets), its MIC with the new PTK's KCK:
 * HMAC-SHA1(KCK, STA || RSNE of the AP || RN || UcastKeyID || McastKeyID
 * || RSC || GTKlen || EGTK), first 8 octets. Returns the length written
 * or a negative errno (-EINVAL when the element would not fit its
 * length octet).
 */
int fsr_cckm_resp_elem(const u8 *kck, const u8 *sta, const u8 *rsne,
		       size_t rsne_len, u32 rn, u8 ucast_key_id,
		       u8 mcast_key_id, u64 rsc, const u8 *egtk,
		       size_t egtk_len, u8 *out, size_t out_len);

#endif /* _FSR_CCKM_KDF_H */
