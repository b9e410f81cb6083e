// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/* Copyright (C) 2026 The fsr authors. */
/* CCKM keys and MICs (cckm_kdf.h). */
#include "cckm_kdf.h"

static const char cgk_label[] = "Fast-Roam Generate Base Key";

static void put_le32(u8 *p, u32 v)
{
	p[0] = (u8)v;
	p[1] = (u8)(v >> 8);
	p[2] = (u8)(v >> 16);
	p[3] = (u8)(v >> 24);
}

static void put_le64(u8 *p, u64 v)
{
	put_le32(p, (u32)v);
	put_le32(p + 4, (u32)(v >> 32));
}

/*
 * The 802.11i PRF with HMAC-SHA1: HMAC(K, label || 0 || data || i) for
 * i = 0, 1, ...; with no label (NULL) neither the label nor the zero
 * octet is hashed.
 */
static int prf_sha1(const u8 *key, size_t key_len, const char *label,
		    const struct fsr_vec *data, size_t n_data, u8 *out,
		    size_t out_len)
{
	struct fsr_vec v[6];
	u8 block[FSR_SHA1_LEN], ctr, zero = 0;
	size_t i, k = 0, done = 0;
	int ret = 0;

	if (n_data > 3)
		return -EINVAL;
	if (label) {
		v[k].p = (const u8 *)label;
		v[k++].len = strlen(label);
		v[k].p = &zero;
		v[k++].len = 1;
	}
	for (i = 0; i < n_data; i++)
		v[k++] = data[i];
	v[k].p = &ctr;
	v[k++].len = 1;
	for (ctr = 0; done < out_len; ctr++) {
		size_t take = out_len - done;

		ret = fsr_hmac_sha1_vec(key, key_len, v, k, block);
		if (ret)
			break;
		if (take > sizeof(block))
			take = sizeof(block);
		memcpy(out + done, block, take);
		done += take;
	}
	fsr_memzero(block, sizeof(block));
	if (ret)
		fsr_memzero(out, out_len);
	return ret;
}

int fsr_cckm_base_keys(const u8 *nsk, const u8 *bssid, const u8 *sta,
		       const u8 *snonce, const u8 *anonce,
		       struct fsr_cckm_keys *out)
{
	u8 ctx[6 + 6 + 32 + 32], cgk[FSR_CCKM_KRK_LEN + FSR_CCKM_BTK_LEN];
	struct fsr_vec d = { ctx, sizeof(ctx) };
	int ret;

	memcpy(ctx, bssid, 6);
	memcpy(ctx + 6, sta, 6);
	memcpy(ctx + 12, snonce, 32);
	memcpy(ctx + 44, anonce, 32);
	ret = prf_sha1(nsk, FSR_CCKM_NSK_LEN, cgk_label, &d, 1, cgk,
		       sizeof(cgk));
	if (!ret) {
		memcpy(out->krk, cgk, FSR_CCKM_KRK_LEN);
		memcpy(out->btk, cgk + FSR_CCKM_KRK_LEN, FSR_CCKM_BTK_LEN);
	} else {
		fsr_memzero(out, sizeof(*out));
	}
	fsr_memzero(cgk, sizeof(cgk));
	return ret;
}

int fsr_cckm_ptk(const u8 *btk, u32 rn, const u8 *bssid,
		 u8 ptk[FSR_CCKM_PTK_LEN])
{
	u8 rnb[4];
	struct fsr_vec d[2] = { { rnb, 4 }, { bssid, 6 } };

	put_le32(rnb, rn);
	return prf_sha1(btk, FSR_CCKM_BTK_LEN, NULL, d, 2, ptk,
			FSR_CCKM_PTK_LEN);
}

int fsr_cckm_req_mic(const u8 *krk, const u8 *sta, const u8 *bssid,
		     const u8 *rsne, size_t rsne_len, u64 tsf, u32 rn,
		     u8 mic[FSR_CCKM_MIC_LEN])
{
	u8 tail[8 + 4], full[FSR_SHA1_LEN];
	struct fsr_vec v[4] = {
		{ sta, 6 }, { bssid, 6 }, { rsne, rsne_len }, { tail, 12 },
	};
	int ret;

	put_le64(tail, tsf);
	put_le32(tail + 8, rn);
	ret = fsr_hmac_sha1_vec(krk, FSR_CCKM_KRK_LEN, v, 4, full);
	if (!ret)
		memcpy(mic, full, FSR_CCKM_MIC_LEN);
	fsr_memzero(full, sizeof(full));
	return ret;
}

int fsr_cckm_resp_elem(const u8 *kck, const u8 *sta, const u8 *rsne,
		       size_t rsne_len, u32 rn, u8 ucast_key_id,
		       u8 mcast_key_id, u64 rsc, const u8 *egtk,
		       size_t egtk_len, u8 *out, size_t out_len)
{
	/* OUI and type (4), RN (4), key IDs (2), RSC (8), GTKlen (2) */
	const size_t fixed = 4 + 4 + 2 + 8 + 2;
	size_t body = fixed + FSR_CCKM_MIC_LEN + egtk_len;
	u8 full[FSR_SHA1_LEN];
	struct fsr_vec v[4];
	u8 *p = out + 2;
	int ret;

	if (body > 255 || out_len < 2 + body)
		return -EINVAL;
	out[0] = FSR_CCKM_ELEM_ID;
	out[1] = (u8)body;
	p[0] = 0x00;
	p[1] = 0x40;
	p[2] = 0x96;
	p[3] = 0x00;
	put_le32(p + 4, rn);
	p[8] = ucast_key_id;
	p[9] = mcast_key_id;
	put_le64(p + 10, rsc);
	p[18] = (u8)egtk_len;
	p[19] = (u8)(egtk_len >> 8);
	memcpy(p + fixed + FSR_CCKM_MIC_LEN, egtk, egtk_len);
	v[0].p = sta;
	v[0].len = 6;
	v[1].p = rsne;
	v[1].len = rsne_len;
	v[2].p = p + 4;			/* RN .. GTKlen */
	v[2].len = fixed - 4;
	v[3].p = egtk;
	v[3].len = egtk_len;
	ret = fsr_hmac_sha1_vec(kck, 16, v, 4, full);
	if (ret)
		return ret;
	memcpy(p + fixed, full, FSR_CCKM_MIC_LEN);
	fsr_memzero(full, sizeof(full));
	return (int)(2 + body);
}
