// SPDX-License-Identifier: GPL-2.0-only
/* RRB (R0KH/R1KH) frames: TLV lists, build, split, decrypt. Pure. */
#include <errno.h>
#include <openssl/crypto.h>
#include <string.h>

#include "mobility/rrb_msg.h"
#include "mobility/rrb_siv.h"

static const uint8_t oui_hdr[5] = { 0x00, 0x13, 0x74, 0x00, 0x01 };

void rrb_seq_tlv_put(uint8_t *out, const struct rrb_seq_tlv *s)
{
	rrb_put_le32(out, s->dom);
	rrb_put_le32(out + 4, s->seq);
	rrb_put_le32(out + 8, s->ts);
}

/* Every TLV must fit; the list ends exactly at len. */
static int tlv_list_check(const uint8_t *p, size_t len)
{
	while (len) {
		size_t l;

		if (len < 4)
			return -EBADMSG;
		l = rrb_get_le16(p + 2);
		if (l > len - 4)
			return -EBADMSG;
		p += 4 + l;
		len -= 4 + l;
	}
	return 0;
}

int rrb_tlv_find(const uint8_t *p, size_t len, uint16_t type,
		 struct rrb_tlv *t)
{
	if (tlv_list_check(p, len))
		return -EBADMSG;
	while (len) {
		uint16_t l = rrb_get_le16(p + 2);

		if (rrb_get_le16(p) == type) {
			t->type = type;
			t->len = l;
			t->val = p + 4;
			return 0;
		}
		p += 4 + l;
		len -= 4 + (size_t)l;
	}
	return -ENOENT;
}

static size_t tlvs_len(const struct rrb_tlv *t, size_t n)
{
	size_t len = 0, i;

	for (i = 0; i < n; i++)
		len += 4 + (size_t)t[i].len;
	return len;
}

static uint8_t *tlvs_put(uint8_t *p, const struct rrb_tlv *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		rrb_put_le16(p, t[i].type);
		rrb_put_le16(p + 2, t[i].len);
		if (t[i].len)
			memcpy(p + 4, t[i].val, t[i].len);
		p += 4 + t[i].len;
	}
	return p;
}

int rrb_build(const uint8_t *key, const uint8_t *src, uint8_t subtype,
	      const struct rrb_tlv *auth, size_t n_auth,
	      const struct rrb_tlv *enc, size_t n_enc, uint8_t *out,
	      size_t cap, size_t *out_len)
{
	uint8_t plain[RRB_MAX_PAYLOAD];
	size_t auth_len = tlvs_len(auth, n_auth);
	size_t plain_len = tlvs_len(enc, n_enc);
	size_t total = 2 + auth_len + RRB_SIV_LEN + plain_len, pad = 0;
	uint8_t *p;
	int ret;

	if (total < RRB_MIN_PAYLOAD) {
		/* a padding TLV (type 0) of zeros, at least its header */
		pad = RRB_MIN_PAYLOAD - total;
		if (pad < 4)
			pad = 4;
		total += pad;
	}
	if (total > cap || total > RRB_MAX_PAYLOAD || auth_len + pad > 0xffff)
		return -EMSGSIZE;
	rrb_put_le16(out, (uint16_t)(auth_len + pad));
	p = tlvs_put(out + 2, auth, n_auth);
	if (pad) {
		rrb_put_le16(p, RRB_T_PAD);
		rrb_put_le16(p + 2, (uint16_t)(pad - 4));
		memset(p + 4, 0, pad - 4);
		p += pad;
	}
	tlvs_put(plain, enc, n_enc);
	ret = rrb_siv_seal(key, src, out + 2, auth_len + pad, subtype, plain,
			   plain_len, p);
	OPENSSL_cleanse(plain, plain_len);
	if (ret)
		return ret;
	*out_len = total;
	return 0;
}

size_t rrb_frame_put(uint8_t *out, const uint8_t *dst, const uint8_t *src,
		     uint8_t subtype, const uint8_t *payload, size_t len)
{
	memcpy(out, dst, 6);
	memcpy(out + 6, src, 6);
	out[12] = RRB_ETHERTYPE >> 8;
	out[13] = RRB_ETHERTYPE & 0xff;
	memcpy(out + RRB_ETH_HDR, oui_hdr, sizeof(oui_hdr));
	out[RRB_ETH_HDR + 5] = subtype;
	memcpy(out + RRB_ETH_HDR + RRB_OUI_HDR, payload, len);
	return RRB_ETH_HDR + RRB_OUI_HDR + len;
}

int rrb_frame_parse(const uint8_t *frame, size_t len, struct rrb_frame *f)
{
	if (len < RRB_ETH_HDR + RRB_OUI_HDR)
		return -EMSGSIZE;
	if (frame[12] != RRB_ETHERTYPE >> 8 ||
	    frame[13] != (RRB_ETHERTYPE & 0xff) ||
	    memcmp(frame + RRB_ETH_HDR, oui_hdr, sizeof(oui_hdr)))
		return -EPROTO;
	if (len > RRB_MAX_FRAME)
		return -EMSGSIZE;
	memcpy(f->dst, frame, 6);
	memcpy(f->src, frame + 6, 6);
	if (f->src[0] & 1)
		return -EADDRNOTAVAIL;
	f->subtype = frame[RRB_ETH_HDR + 5];
	if ((f->subtype < RRB_PULL || f->subtype > RRB_SEQ_RESP) &&
	    f->subtype != RRB_FSR_REVOKE && f->subtype != RRB_FSR_PMKSA &&
	    f->subtype != RRB_FSR_PORTAL_PASS &&
	    f->subtype != RRB_FSR_PORTAL_HERE)
		return -EPROTONOSUPPORT;
	f->payload = frame + RRB_ETH_HDR + RRB_OUI_HDR;
	f->payload_len = len - RRB_ETH_HDR - RRB_OUI_HDR;
	return 0;
}

/* The auth TLVs each subtype must carry */
#define NEED_NONCE	1u
#define NEED_SEQ	2u

static unsigned int needs(uint8_t subtype)
{
	switch (subtype) {
	case RRB_PULL:
	case RRB_RESP:
	case RRB_SEQ_RESP:
		return NEED_NONCE | NEED_SEQ;
	case RRB_PUSH:
	case RRB_FSR_REVOKE:
	case RRB_FSR_PMKSA:
	case RRB_FSR_PORTAL_PASS:
	case RRB_FSR_PORTAL_HERE:
		return NEED_SEQ;
	case RRB_SEQ_REQ:
		return NEED_NONCE;
	default:
		return 0;
	}
}

int rrb_msg_parse(uint8_t subtype, const uint8_t *payload, size_t len,
		  struct rrb_msg *m)
{
	unsigned int need = needs(subtype);
	struct rrb_tlv t;
	size_t alen;
	int ret;

	memset(m, 0, sizeof(*m));
	if (!need)
		return -EPROTONOSUPPORT;
	if (len < 2)
		return -EBADMSG;
	alen = rrb_get_le16(payload);
	if (alen > len - 2 || len - 2 - alen < RRB_SIV_LEN)
		return -EBADMSG;
	m->subtype = subtype;
	m->auth = payload + 2;
	m->auth_len = alen;
	m->enc = payload + 2 + alen;
	m->enc_len = len - 2 - alen;

	ret = rrb_tlv_find(m->auth, alen, RRB_T_R0KH_ID, &t);
	if (ret || t.len < 1 || t.len > RRB_R0KH_ID_MAX)
		return -EBADMSG;
	memcpy(m->r0kh_id, t.val, t.len);
	m->r0kh_id_len = t.len;
	if (rrb_tlv_find(m->auth, alen, RRB_T_R1KH_ID, &t) || t.len != 6)
		return -EBADMSG;
	memcpy(m->r1kh_id, t.val, 6);

	ret = rrb_tlv_find(m->auth, alen, RRB_T_NONCE, &t);
	if (!ret && t.len == RRB_NONCE_LEN) {
		memcpy(m->nonce, t.val, RRB_NONCE_LEN);
		m->have_nonce = true;
	} else if ((need & NEED_NONCE) || !ret) {
		return -EBADMSG;
	}
	ret = rrb_tlv_find(m->auth, alen, RRB_T_SEQ, &t);
	if (!ret && t.len == 12) {
		m->seq.dom = rrb_get_le32(t.val);
		m->seq.seq = rrb_get_le32(t.val + 4);
		m->seq.ts = rrb_get_le32(t.val + 8);
		m->have_seq = true;
	} else if ((need & NEED_SEQ) || !ret) {
		return -EBADMSG;
	}
	return 0;
}

int rrb_msg_open(const struct rrb_msg *m, const uint8_t *key,
		 const uint8_t *src, uint8_t *plain, size_t cap,
		 size_t *plain_len)
{
	size_t n = m->enc_len;
	int ret;

	if (n < RRB_SIV_LEN || n - RRB_SIV_LEN > cap)
		return -EMSGSIZE;
	ret = rrb_siv_open(key, src, m->auth, m->auth_len, m->subtype,
			   m->enc, n, plain);
	if (ret == -EBADMSG && n >= RRB_SIV_LEN + 2) {
		n -= 2;
		ret = rrb_siv_open(key, src, m->auth, m->auth_len, m->subtype,
				   m->enc, n, plain);
	}
	if (ret)
		return ret;
	*plain_len = n - RRB_SIV_LEN;
	return 0;
}

int rrb_tlv_fixed(const uint8_t *p, size_t len, uint16_t type, size_t want,
		  const uint8_t **val)
{
	struct rrb_tlv t;
	int ret = rrb_tlv_find(p, len, type, &t);

	if (ret == -ENOENT)
		return 1;
	if (ret)
		return ret;
	if (t.len != want)
		return -EBADMSG;
	*val = t.val;
	return 0;
}

int rrb_pull_parse(const uint8_t *plain, size_t len, struct rrb_pull_req *r)
{
	const uint8_t *v;

	memset(r, 0, sizeof(*r));
	if (tlv_list_check(plain, len) ||
	    rrb_tlv_fixed(plain, len, RRB_T_PMK_R0_NAME, RRB_NAME_LEN, &v))
		return -EBADMSG;
	memcpy(r->pmk_r0_name, v, RRB_NAME_LEN);
	if (rrb_tlv_fixed(plain, len, RRB_T_S1KH_ID, 6, &v))
		return -EBADMSG;
	memcpy(r->s1kh_id, v, 6);
	return 0;
}

int rrb_keys_parse(const uint8_t *plain, size_t len, struct rrb_keys *k)
{
	const uint8_t *v;
	struct rrb_tlv t;
	int ret;

	memset(k, 0, sizeof(*k));
	if (tlv_list_check(plain, len))
		return -EBADMSG;
	if (rrb_tlv_fixed(plain, len, RRB_T_S1KH_ID, 6, &v))
		return -EBADMSG;
	memcpy(k->s1kh_id, v, 6);
	ret = rrb_tlv_fixed(plain, len, RRB_T_PMK_R0_NAME, RRB_NAME_LEN, &v);
	if (ret < 0)
		return ret;
	if (!ret) {
		memcpy(k->pmk_r0_name, v, RRB_NAME_LEN);
		k->have_pmk_r0_name = true;
	}
	/* hostapd: no PAIRWISE is a NAK */
	ret = rrb_tlv_fixed(plain, len, RRB_T_PAIRWISE, 2, &v);
	if (ret < 0)
		return ret;
	if (ret)
		return 0;
	k->pairwise = rrb_get_le16(v);
	if (rrb_tlv_find(plain, len, RRB_T_PMK_R1, &t) ||
	    (t.len != 32 && t.len != 48))
		return -EBADMSG;
	memcpy(k->pmk_r1, t.val, t.len);
	k->pmk_r1_len = t.len;
	k->have_pmk_r1 = true;
	if (rrb_tlv_fixed(plain, len, RRB_T_PMK_R1_NAME, RRB_NAME_LEN, &v))
		goto bad;
	memcpy(k->pmk_r1_name, v, RRB_NAME_LEN);
	ret = rrb_tlv_fixed(plain, len, RRB_T_EXPIRES_IN, 2, &v);
	if (ret < 0)
		goto bad;
	if (!ret) {
		k->expires_in = rrb_get_le16(v);
		k->have_expires_in = true;
	}
	ret = rrb_tlv_fixed(plain, len, RRB_T_SESSION_TIMEOUT, 4, &v);
	if (ret < 0)
		goto bad;
	if (!ret) {
		k->session_timeout = rrb_get_le32(v);
		k->have_session_timeout = true;
	}
	if (!rrb_tlv_find(plain, len, RRB_T_VLAN_UNTAGGED, &t) ||
	    !rrb_tlv_find(plain, len, RRB_T_VLAN_TAGGED, &t))
		k->have_vlan = true;
	if (!rrb_tlv_find(plain, len, RRB_T_IDENTITY, &t))
		k->identity_len = t.len;
	if (!rrb_tlv_find(plain, len, RRB_T_RADIUS_CUI, &t))
		k->radius_cui_len = t.len;
	return 0;
bad:
	OPENSSL_cleanse(k->pmk_r1, sizeof(k->pmk_r1));
	k->have_pmk_r1 = false;
	return -EBADMSG;
}
