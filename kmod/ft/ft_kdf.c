// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/* Copyright (C) 2026 The fsr authors. */
#include "ft_kdf.h"

#define FSR_FT_KDF_MAX_BYTES	8191	/* the length is 16 bits of bits */

int fsr_ft_suite_init(struct fsr_ft_suite *s, u32 akm, u32 cipher)
{
	memset(s, 0, sizeof(*s));
	switch (akm) {
	case FSR_FT_AKM_8021X:
	case FSR_FT_AKM_PSK:
		s->hash = FSR_FT_HASH_SHA256;
		s->pmk_len = 32;
		s->kck_len = 16;
		s->kek_len = 16;
		s->mic_len = 16;
		break;
	case FSR_FT_AKM_8021X_SHA384:
		s->hash = FSR_FT_HASH_SHA384;
		s->pmk_len = 48;
		s->kck_len = 24;
		s->kek_len = 32;
		s->mic_len = 24;
		break;
	default:
		return -EOPNOTSUPP;
	}
	switch (cipher) {
	case FSR_FT_CIPHER_CCMP_128:
	case FSR_FT_CIPHER_GCMP_128:
		s->tk_len = 16;
		break;
	case FSR_FT_CIPHER_GCMP_256:
	case FSR_FT_CIPHER_CCMP_256:
		s->tk_len = 32;
		break;
	default:
		memset(s, 0, sizeof(*s));
		return -EINVAL;
	}
	s->akm = akm;
	s->cipher = cipher;
	return 0;
}

static size_t fsr_hash_len(enum fsr_ft_hash hash)
{
	return hash == FSR_FT_HASH_SHA384 ? FSR_SHA384_LEN : FSR_SHA256_LEN;
}

static int fsr_hash_vec(enum fsr_ft_hash hash, const struct fsr_vec *v,
			size_t n, u8 *out)
{
	if (hash == FSR_FT_HASH_SHA384)
		return fsr_sha384_vec(v, n, out);
	return fsr_sha256_vec(v, n, out);
}

int fsr_kdf(enum fsr_ft_hash hash, const u8 *key, size_t key_len,
	    const char *label, const struct fsr_vec *ctx, size_t nctx,
	    u8 *out, size_t out_len)
{
	struct fsr_vec v[FSR_FT_KDF_MAX_CTX + 3];
	u8 block[FSR_SHA384_LEN];
	size_t hlen = fsr_hash_len(hash);
	size_t done = 0, i;
	u8 counter[2], bits[2];
	u16 iter = 1;
	int err = 0;

	if (nctx > FSR_FT_KDF_MAX_CTX || !out_len ||
	    out_len > FSR_FT_KDF_MAX_BYTES)
		return -EINVAL;

	v[0].p = counter;
	v[0].len = sizeof(counter);
	v[1].p = (const u8 *)label;
	v[1].len = strlen(label);
	for (i = 0; i < nctx; i++)
		v[2 + i] = ctx[i];
	fsr_put_le16(bits, (u16)(out_len * 8));
	v[2 + nctx].p = bits;
	v[2 + nctx].len = sizeof(bits);

	while (done < out_len) {
		size_t take = out_len - done < hlen ? out_len - done : hlen;

		fsr_put_le16(counter, iter++);
		if (hash == FSR_FT_HASH_SHA384)
			err = fsr_hmac_sha384_vec(key, key_len, v, nctx + 3,
						  block);
		else
			err = fsr_hmac_sha256_vec(key, key_len, v, nctx + 3,
						  block);
		if (err)
			break;
		memcpy(out + done, block, take);
		done += take;
	}
	fsr_memzero(block, sizeof(block));
	if (err)
		fsr_memzero(out, out_len);
	return err;
}

int fsr_ft_derive_pmk_r0(const struct fsr_ft_suite *s,
			 const u8 *xxkey, size_t xxkey_len,
			 const u8 *ssid, size_t ssid_len, const u8 *mdid,
			 const u8 *r0kh_id, size_t r0kh_id_len,
			 const u8 *s0kh_id, struct fsr_ft_pmk_r0 *r0)
{
	static const u8 r0n[] = "FT-R0N";
	u8 data[FSR_FT_PMK_MAX_LEN + 16];
	u8 digest[FSR_SHA384_LEN];
	u8 ssid_len8 = (u8)ssid_len, r0kh_len8 = (u8)r0kh_id_len;
	size_t data_len = s->pmk_len + 16;
	struct fsr_vec ctx[6];
	struct fsr_vec nv[2];
	int err;

	memset(r0, 0, sizeof(*r0));
	if (!s->pmk_len || xxkey_len != s->pmk_len ||
	    ssid_len > FSR_FT_SSID_MAX_LEN || !r0kh_id_len ||
	    r0kh_id_len > FSR_FT_R0KH_ID_MAX_LEN)
		return -EINVAL;

	ctx[0] = (struct fsr_vec){ &ssid_len8, 1 };
	ctx[1] = (struct fsr_vec){ ssid, ssid_len };
	ctx[2] = (struct fsr_vec){ mdid, FSR_FT_MDID_LEN };
	ctx[3] = (struct fsr_vec){ &r0kh_len8, 1 };
	ctx[4] = (struct fsr_vec){ r0kh_id, r0kh_id_len };
	ctx[5] = (struct fsr_vec){ s0kh_id, FSR_FT_ADDR_LEN };
	err = fsr_kdf(s->hash, xxkey, xxkey_len, "FT-R0", ctx, 6, data,
		      data_len);
	if (err)
		goto out;

	/* PMKR0Name = Truncate-128(Hash("FT-R0N" || PMK-R0Name-Salt)) */
	nv[0] = (struct fsr_vec){ r0n, sizeof(r0n) - 1 };
	nv[1] = (struct fsr_vec){ data + s->pmk_len, 16 };
	err = fsr_hash_vec(s->hash, nv, 2, digest);
	if (err)
		goto out;
	memcpy(r0->key, data, s->pmk_len);
	r0->key_len = s->pmk_len;
	memcpy(r0->name, digest, FSR_FT_NAME_LEN);
out:
	fsr_memzero(data, sizeof(data));
	fsr_memzero(digest, sizeof(digest));
	return err;
}

int fsr_ft_pmk_r1_name(const struct fsr_ft_suite *s, const u8 *pmk_r0_name,
		       const u8 *r1kh_id, const u8 *s1kh_id, u8 *pmk_r1_name)
{
	static const u8 r1n[] = "FT-R1N";
	u8 digest[FSR_SHA384_LEN];
	struct fsr_vec v[4];
	int err;

	if (!s->pmk_len)
		return -EINVAL;
	v[0] = (struct fsr_vec){ r1n, sizeof(r1n) - 1 };
	v[1] = (struct fsr_vec){ pmk_r0_name, FSR_FT_NAME_LEN };
	v[2] = (struct fsr_vec){ r1kh_id, FSR_FT_ADDR_LEN };
	v[3] = (struct fsr_vec){ s1kh_id, FSR_FT_ADDR_LEN };
	err = fsr_hash_vec(s->hash, v, 4, digest);
	if (!err)
		memcpy(pmk_r1_name, digest, FSR_FT_NAME_LEN);
	fsr_memzero(digest, sizeof(digest));
	return err;
}

int fsr_ft_derive_pmk_r1(const struct fsr_ft_suite *s,
			 const struct fsr_ft_pmk_r0 *r0,
			 const u8 *r1kh_id, const u8 *s1kh_id,
			 struct fsr_ft_pmk_r1 *r1)
{
	struct fsr_vec ctx[2];
	int err;

	memset(r1, 0, sizeof(*r1));
	if (!s->pmk_len || r0->key_len != s->pmk_len)
		return -EINVAL;
	ctx[0] = (struct fsr_vec){ r1kh_id, FSR_FT_ADDR_LEN };
	ctx[1] = (struct fsr_vec){ s1kh_id, FSR_FT_ADDR_LEN };
	err = fsr_kdf(s->hash, r0->key, r0->key_len, "FT-R1", ctx, 2,
		      r1->key, s->pmk_len);
	if (!err)
		err = fsr_ft_pmk_r1_name(s, r0->name, r1kh_id, s1kh_id,
					 r1->name);
	if (err)
		fsr_memzero(r1, sizeof(*r1));
	else
		r1->key_len = s->pmk_len;
	return err;
}

int fsr_ft_derive_ptk(const struct fsr_ft_suite *s,
		      const u8 *pmk_r1, size_t pmk_r1_len,
		      const u8 *pmk_r1_name, const u8 *snonce,
		      const u8 *anonce, const u8 *bssid, const u8 *sta_addr,
		      struct fsr_ft_ptk *ptk)
{
	static const u8 ptkn[] = "FT-PTKN";
	u8 buf[FSR_FT_KCK_MAX_LEN + FSR_FT_KEK_MAX_LEN + FSR_FT_TK_MAX_LEN];
	u8 digest[FSR_SHA256_LEN];
	size_t len = s->kck_len + s->kek_len + s->tk_len;
	struct fsr_vec ctx[4];
	struct fsr_vec nv[6];
	int err;

	memset(ptk, 0, sizeof(*ptk));
	if (!s->pmk_len || pmk_r1_len != s->pmk_len || !s->tk_len)
		return -EINVAL;

	ctx[0] = (struct fsr_vec){ snonce, FSR_FT_NONCE_LEN };
	ctx[1] = (struct fsr_vec){ anonce, FSR_FT_NONCE_LEN };
	ctx[2] = (struct fsr_vec){ bssid, FSR_FT_ADDR_LEN };
	ctx[3] = (struct fsr_vec){ sta_addr, FSR_FT_ADDR_LEN };
	err = fsr_kdf(s->hash, pmk_r1, pmk_r1_len, "FT-PTK", ctx, 4, buf,
		      len);
	if (err)
		goto out;

	/*
	 * PTKName = Truncate-128(SHA-256(PMKR1Name || "FT-PTKN" || SNonce ||
	 * ANonce || BSSID || STA-ADDR)); SHA-256 for every AKM, as the
	 * reference vectors (and hostapd) do.
	 */
	nv[0] = (struct fsr_vec){ pmk_r1_name, FSR_FT_NAME_LEN };
	nv[1] = (struct fsr_vec){ ptkn, sizeof(ptkn) - 1 };
	memcpy(&nv[2], ctx, sizeof(ctx));
	err = fsr_sha256_vec(nv, 6, digest);
	if (err)
		goto out;

	memcpy(ptk->kck, buf, s->kck_len);
	memcpy(ptk->kek, buf + s->kck_len, s->kek_len);
	memcpy(ptk->tk, buf + s->kck_len + s->kek_len, s->tk_len);
	ptk->kck_len = s->kck_len;
	ptk->kek_len = s->kek_len;
	ptk->tk_len = s->tk_len;
	memcpy(ptk->name, digest, FSR_FT_NAME_LEN);
out:
	fsr_memzero(buf, sizeof(buf));
	fsr_memzero(digest, sizeof(digest));
	return err;
}
