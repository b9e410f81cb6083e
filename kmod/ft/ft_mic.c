// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/* Copyright (C) 2026 The fsr authors. */
#include "ft_mic.h"

#define FSR_MIC_VEC_MAX		10
#define FSR_KEY_MAX_LEN		32
#define FSR_GTK_FIXED		11
#define FSR_IGTK_FIXED		9
#define FSR_RSC_LEN		8
#define FSR_IPN_LEN		6

void fsr_ft_mic_input_init(struct fsr_ft_mic_input *in,
			   const struct fsr_ie_set *set, const u8 *sta_addr,
			   const u8 *ap_addr, u8 seq)
{
	memset(in, 0, sizeof(*in));
	in->sta_addr = sta_addr;
	in->ap_addr = ap_addr;
	in->seq = seq;
	in->rsne = set->rsne;
	in->mde = set->mde;
	in->fte = set->fte;
	in->ric = set->ric;
	in->rsnxe = set->rsnxe;
}

static size_t fsr_mic_len(size_t kck_len)
{
	if (kck_len == 16)
		return 16;
	if (kck_len == 24)
		return 24;
	return 0;
}

int fsr_ft_mic_compute(const u8 *kck, size_t kck_len,
		       const struct fsr_ft_mic_input *in, u8 *mic)
{
	static const u8 zero_mic[FSR_FT_MIC_MAX_LEN];
	struct fsr_vec v[FSR_MIC_VEC_MAX];
	u8 full[FSR_SHA384_LEN];
	size_t mic_len = fsr_mic_len(kck_len);
	size_t n = 0;
	int err;

	if (!mic_len || !in->sta_addr || !in->ap_addr || !in->rsne.p ||
	    !in->mde.p || !in->fte.p ||
	    in->fte.len < FSR_FTE_MIC_OFFSET + mic_len)
		return -EINVAL;

	v[n++] = (struct fsr_vec){ in->sta_addr, FSR_FT_ADDR_LEN };
	v[n++] = (struct fsr_vec){ in->ap_addr, FSR_FT_ADDR_LEN };
	v[n++] = (struct fsr_vec){ &in->seq, 1 };
	v[n++] = (struct fsr_vec){ in->rsne.p, in->rsne.len };
	v[n++] = (struct fsr_vec){ in->mde.p, in->mde.len };
	v[n++] = (struct fsr_vec){ in->fte.p, FSR_FTE_MIC_OFFSET };
	v[n++] = (struct fsr_vec){ zero_mic, mic_len };
	v[n++] = (struct fsr_vec){ in->fte.p + FSR_FTE_MIC_OFFSET + mic_len,
				   in->fte.len - FSR_FTE_MIC_OFFSET - mic_len };
	if (in->ric.p)
		v[n++] = (struct fsr_vec){ in->ric.p, in->ric.len };
	if (in->rsnxe.p)
		v[n++] = (struct fsr_vec){ in->rsnxe.p, in->rsnxe.len };

	if (kck_len == 16)
		err = fsr_aes128_cmac_vec(kck, v, n, full);
	else
		err = fsr_hmac_sha384_vec(kck, kck_len, v, n, full);
	if (!err)
		memcpy(mic, full, mic_len);
	fsr_memzero(full, sizeof(full));
	return err;
}

int fsr_ft_mic_verify(const u8 *kck, size_t kck_len,
		      const struct fsr_ft_mic_input *in)
{
	u8 mic[FSR_FT_MIC_MAX_LEN];
	size_t mic_len = fsr_mic_len(kck_len);
	int err;

	err = fsr_ft_mic_compute(kck, kck_len, in, mic);
	if (err)
		return err;
	if (fsr_memneq(mic, in->fte.p + FSR_FTE_MIC_OFFSET, mic_len))
		err = -EBADMSG;
	fsr_memzero(mic, sizeof(mic));
	return err;
}

/* Pad a key for wrapping: 0xdd then zeros, to a multiple of 8, >= 16. */
static size_t fsr_pad_key(u8 *out, const u8 *key, size_t key_len)
{
	size_t len = key_len;

	memcpy(out, key, key_len);
	if (len < 16 || len % 8) {
		out[len++] = 0xdd;
		while (len < 16 || len % 8)
			out[len++] = 0;
	}
	return len;
}

int fsr_ft_build_gtk_sub(u8 *buf, size_t size, const u8 *kek, size_t kek_len,
			 u8 key_id, const u8 *gtk, size_t gtk_len,
			 const u8 *rsc)
{
	u8 padded[FSR_KEY_MAX_LEN + 8];
	size_t plen;
	int err;

	if (!gtk_len || gtk_len > FSR_KEY_MAX_LEN || key_id > 3 ||
	    (kek_len != 16 && kek_len != 32))
		return -EINVAL;
	plen = fsr_pad_key(padded, gtk, gtk_len);
	if (size < FSR_GTK_FIXED + plen + FSR_KW_OVERHEAD) {
		err = -ENOSPC;
		goto out;
	}
	fsr_put_le16(buf, key_id);
	buf[2] = (u8)gtk_len;
	if (rsc)
		memcpy(buf + 3, rsc, FSR_RSC_LEN);
	else
		memset(buf + 3, 0, FSR_RSC_LEN);
	err = fsr_aes_wrap(kek, kek_len, padded, plen, buf + FSR_GTK_FIXED);
	if (!err)
		err = (int)(FSR_GTK_FIXED + plen + FSR_KW_OVERHEAD);
out:
	fsr_memzero(padded, sizeof(padded));
	return err;
}

int fsr_ft_build_igtk_sub(u8 *buf, size_t size, const u8 *kek,
			  size_t kek_len, u16 key_id, const u8 *ipn,
			  const u8 *igtk, size_t igtk_len)
{
	size_t need = FSR_IGTK_FIXED + igtk_len + FSR_KW_OVERHEAD;
	int err;

	if ((igtk_len != 16 && igtk_len != 32) ||
	    (key_id != 4 && key_id != 5) ||
	    (kek_len != 16 && kek_len != 32))
		return -EINVAL;
	if (size < need)
		return -ENOSPC;
	fsr_put_le16(buf, key_id);
	if (ipn)
		memcpy(buf + 2, ipn, FSR_IPN_LEN);
	else
		memset(buf + 2, 0, FSR_IPN_LEN);
	buf[8] = (u8)igtk_len;
	err = fsr_aes_wrap(kek, kek_len, igtk, igtk_len, buf + FSR_IGTK_FIXED);
	return err ? err : (int)need;
}
