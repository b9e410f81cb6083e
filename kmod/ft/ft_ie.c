// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/* Copyright (C) 2026 The fsr authors. */
#include "ft_ie.h"

#define FSR_SUITE_LEN		4
#define FSR_PMKID_LEN		16
#define FSR_RSNE_VERSION	1
#define FSR_SUITE_CCMP_128	0x000fac04
#define FSR_SUITE_AKM_8021X	0x000fac01
#define FSR_SUITE_BIP_CMAC_128	0x000fac06
#define FSR_RDE_LEN		4
/* GTK subelement: Key Info 2, Key Length 1, RSC 8, wrapped key 24..40 */
#define FSR_GTK_FIXED		11
/* IGTK subelement: Key ID 2, IPN 6, Key Length 1, wrapped key 24..40 */
#define FSR_IGTK_FIXED		9
#define FSR_WRAPPED_MIN		24
#define FSR_WRAPPED_MAX		40

struct fsr_parse_err_desc {
	const char *str;
	u16 status;
	int err;
};

static const struct fsr_parse_err_desc fsr_parse_errs[FSR_FT_PARSE_ERR_MAX] = {
	[FSR_FT_PARSE_OK] = { "ok", 0, 0 },
	[FSR_FT_PARSE_BAD_ARG] = {
		"invalid argument", FSR_WLAN_STATUS_UNSPECIFIED, -EINVAL },
	[FSR_FT_PARSE_TRUNC_HDR] = {
		"element header truncated", FSR_WLAN_STATUS_INVALID_IE,
		-EMSGSIZE },
	[FSR_FT_PARSE_ELEM_OVERFLOW] = {
		"element length past the end of the frame",
		FSR_WLAN_STATUS_INVALID_IE, -EMSGSIZE },
	[FSR_FT_PARSE_DUP_RSNE] = {
		"duplicate RSNE", FSR_WLAN_STATUS_INVALID_RSNE, -EBADMSG },
	[FSR_FT_PARSE_DUP_MDE] = {
		"duplicate MDE", FSR_WLAN_STATUS_INVALID_MDE, -EBADMSG },
	[FSR_FT_PARSE_DUP_FTE] = {
		"duplicate FTE", FSR_WLAN_STATUS_INVALID_FTE, -EBADMSG },
	[FSR_FT_PARSE_DUP_ELEM] = {
		"duplicate RSNXE or timeout interval element",
		FSR_WLAN_STATUS_INVALID_IE, -EBADMSG },
	[FSR_FT_PARSE_DUP_RIC] = {
		"second RIC", FSR_WLAN_STATUS_INVALID_IE, -EBADMSG },
	[FSR_FT_PARSE_RIC_BAD] = {
		"RDE malformed or its descriptors missing",
		FSR_WLAN_STATUS_INVALID_IE, -EMSGSIZE },
	[FSR_FT_PARSE_RSNE_TRUNC] = {
		"RSNE field truncated", FSR_WLAN_STATUS_INVALID_RSNE,
		-EMSGSIZE },
	[FSR_FT_PARSE_RSNE_VERSION] = {
		"RSNE version not 1", FSR_WLAN_STATUS_INVALID_RSNE,
		-EBADMSG },
	[FSR_FT_PARSE_RSNE_COUNT] = {
		"RSNE suite or PMKID count invalid",
		FSR_WLAN_STATUS_INVALID_RSNE, -EBADMSG },
	[FSR_FT_PARSE_MDE_LEN] = {
		"MDE length not 3", FSR_WLAN_STATUS_INVALID_MDE, -EMSGSIZE },
	[FSR_FT_PARSE_FTE_SHORT] = {
		"FTE shorter than its fixed part",
		FSR_WLAN_STATUS_INVALID_FTE, -EMSGSIZE },
	[FSR_FT_PARSE_FTE_SUB_TRUNC] = {
		"FTE subelement runs past the FTE",
		FSR_WLAN_STATUS_INVALID_FTE, -EMSGSIZE },
	[FSR_FT_PARSE_FTE_SUB_OVERSIZE] = {
		"FTE key subelement too long", FSR_WLAN_STATUS_INVALID_FTE,
		-EMSGSIZE },
	[FSR_FT_PARSE_FTE_SUB_DUP] = {
		"duplicate FTE subelement", FSR_WLAN_STATUS_INVALID_FTE,
		-EBADMSG },
	[FSR_FT_PARSE_FTE_R0KH_ID_LEN] = {
		"R0KH-ID length not 1..48", FSR_WLAN_STATUS_INVALID_FTE,
		-EMSGSIZE },
	[FSR_FT_PARSE_FTE_R1KH_ID_LEN] = {
		"R1KH-ID length not 6", FSR_WLAN_STATUS_INVALID_FTE,
		-EMSGSIZE },
	[FSR_FT_PARSE_FTE_GTK_LEN] = {
		"GTK subelement length invalid", FSR_WLAN_STATUS_INVALID_FTE,
		-EMSGSIZE },
	[FSR_FT_PARSE_FTE_IGTK_LEN] = {
		"IGTK subelement length invalid",
		FSR_WLAN_STATUS_INVALID_FTE, -EMSGSIZE },
	[FSR_FT_PARSE_HE_CAP_LEN] = {
		"HE Capabilities shorter than its fields",
		FSR_WLAN_STATUS_INVALID_IE, -EMSGSIZE },
	[FSR_FT_PARSE_EHT_CAP_LEN] = {
		"EHT Capabilities shorter than its fields, or without HE",
		FSR_WLAN_STATUS_INVALID_IE, -EMSGSIZE },
	[FSR_FT_PARSE_HE_6GHZ_LEN] = {
		"HE 6 GHz Band Capabilities length not 2",
		FSR_WLAN_STATUS_INVALID_IE, -EMSGSIZE },
	[FSR_FT_PARSE_DUP_XCAP] = {
		"duplicate HE or EHT element", FSR_WLAN_STATUS_INVALID_IE,
		-EBADMSG },
};

const char *fsr_ft_parse_err_str(enum fsr_ft_parse_err why)
{
	if ((unsigned int)why >= FSR_FT_PARSE_ERR_MAX)
		return "unknown parse error";
	return fsr_parse_errs[why].str;
}

u16 fsr_ft_parse_err_status(enum fsr_ft_parse_err why)
{
	if ((unsigned int)why >= FSR_FT_PARSE_ERR_MAX)
		return FSR_WLAN_STATUS_UNSPECIFIED;
	return fsr_parse_errs[why].status;
}

static int fsr_fail(enum fsr_ft_parse_err *why, enum fsr_ft_parse_err code)
{
	if (why)
		*why = code;
	return fsr_parse_errs[code].err;
}

static int fsr_ok(enum fsr_ft_parse_err *why)
{
	if (why)
		*why = FSR_FT_PARSE_OK;
	return 0;
}

/*
 * Consume the RIC that starts at buf[pos] (an RDE): each RDE is followed
 * by as many elements as its Resource Descriptor Count says; further RDEs
 * right after extend the RIC. Returns the end offset or 0 on error.
 */
static size_t fsr_ric_end(const u8 *buf, size_t len, size_t pos,
			  unsigned int *count)
{
	while (pos + 2 <= len && buf[pos] == FSR_EID_RDE) {
		unsigned int ndesc;

		if (buf[pos + 1] != FSR_RDE_LEN ||
		    pos + 2 + FSR_RDE_LEN > len)
			return 0;
		ndesc = buf[pos + 3];
		pos += 2 + FSR_RDE_LEN;
		(*count)++;
		while (ndesc--) {
			if (pos + 2 > len || pos + 2 + buf[pos + 1] > len)
				return 0;
			pos += 2 + buf[pos + 1];
			(*count)++;
		}
	}
	return pos;
}

static int fsr_set_once(struct fsr_ie_elem *e, const u8 *p, size_t len)
{
	if (e->p)
		return -1;
	e->p = p;
	e->len = len;
	return 0;
}

int fsr_ie_walk(const u8 *buf, size_t len, struct fsr_ie_set *set,
		enum fsr_ft_parse_err *why)
{
	size_t pos = 0;

	memset(set, 0, sizeof(*set));
	if (!buf && len)
		return fsr_fail(why, FSR_FT_PARSE_BAD_ARG);

	while (pos < len) {
		size_t elen;
		u8 id;

		if (len - pos < 2)
			return fsr_fail(why, FSR_FT_PARSE_TRUNC_HDR);
		id = buf[pos];
		elen = 2 + (size_t)buf[pos + 1];
		if (elen > len - pos)
			return fsr_fail(why, FSR_FT_PARSE_ELEM_OVERFLOW);

		if (id == FSR_EID_RDE) {
			size_t end;

			if (set->ric.p)
				return fsr_fail(why, FSR_FT_PARSE_DUP_RIC);
			end = fsr_ric_end(buf, len, pos, &set->ric_count);
			if (!end)
				return fsr_fail(why, FSR_FT_PARSE_RIC_BAD);
			set->ric.p = buf + pos;
			set->ric.len = end - pos;
			set->n_elems += set->ric_count;
			pos = end;
			continue;
		}

		switch (id) {
		case FSR_EID_RSN:
			if (fsr_set_once(&set->rsne, buf + pos, elen))
				return fsr_fail(why, FSR_FT_PARSE_DUP_RSNE);
			break;
		case FSR_EID_MDE:
			if (fsr_set_once(&set->mde, buf + pos, elen))
				return fsr_fail(why, FSR_FT_PARSE_DUP_MDE);
			break;
		case FSR_EID_FTE:
			if (fsr_set_once(&set->fte, buf + pos, elen))
				return fsr_fail(why, FSR_FT_PARSE_DUP_FTE);
			break;
		case FSR_EID_RSNX:
			if (fsr_set_once(&set->rsnxe, buf + pos, elen))
				return fsr_fail(why, FSR_FT_PARSE_DUP_ELEM);
			break;
		case FSR_EID_TIE:
			if (fsr_set_once(&set->tie, buf + pos, elen))
				return fsr_fail(why, FSR_FT_PARSE_DUP_ELEM);
			break;
		default:
			break;
		}
		set->n_elems++;
		pos += elen;
	}
	return fsr_ok(why);
}

/* Check the element header; returns the body length or -1. */
static int fsr_elem_body(const u8 *ie, size_t ie_len, u8 id)
{
	if (!ie || ie_len < 2 || ie[0] != id || (size_t)ie[1] + 2 > ie_len)
		return -1;
	return ie[1];
}

static enum fsr_ft_parse_err fsr_hdr_err(const u8 *ie, size_t ie_len, u8 id)
{
	if (ie && ie_len >= 2 && ie[0] == id)
		return FSR_FT_PARSE_ELEM_OVERFLOW;
	return FSR_FT_PARSE_BAD_ARG;
}

int fsr_ie_parse_rsne(const u8 *ie, size_t ie_len, struct fsr_ie_rsne *r,
		      enum fsr_ft_parse_err *why)
{
	static const u8 def_pairwise[FSR_SUITE_LEN] = { 0x00, 0x0f, 0xac, 4 };
	static const u8 def_akm[FSR_SUITE_LEN] = { 0x00, 0x0f, 0xac, 1 };
	int blen = fsr_elem_body(ie, ie_len, FSR_EID_RSN);
	const u8 *p, *end;
	size_t left;

	memset(r, 0, sizeof(*r));
	r->group_cipher = FSR_SUITE_CCMP_128;
	r->n_pairwise = 1;
	r->pairwise = def_pairwise;
	r->n_akm = 1;
	r->akm = def_akm;
	r->group_mgmt_cipher = FSR_SUITE_BIP_CMAC_128;
	if (blen < 0)
		return fsr_fail(why, fsr_hdr_err(ie, ie_len, FSR_EID_RSN));
	p = ie + 2;
	end = p + blen;

	if (end - p < 2)
		return fsr_fail(why, FSR_FT_PARSE_RSNE_TRUNC);
	r->version = fsr_get_le16(p);
	p += 2;
	if (r->version != FSR_RSNE_VERSION)
		return fsr_fail(why, FSR_FT_PARSE_RSNE_VERSION);
	if (p == end)
		return fsr_ok(why);

	if (end - p < FSR_SUITE_LEN)
		return fsr_fail(why, FSR_FT_PARSE_RSNE_TRUNC);
	r->group_cipher = fsr_get_suite(p);
	p += FSR_SUITE_LEN;
	r->n_fields = FSR_RSNE_F_GROUP;
	if (p == end)
		return fsr_ok(why);

	if (end - p < 2)
		return fsr_fail(why, FSR_FT_PARSE_RSNE_TRUNC);
	r->n_pairwise = fsr_get_le16(p);
	p += 2;
	left = end - p;
	if (!r->n_pairwise || left / FSR_SUITE_LEN < r->n_pairwise)
		return fsr_fail(why, FSR_FT_PARSE_RSNE_COUNT);
	r->pairwise = p;
	p += (size_t)r->n_pairwise * FSR_SUITE_LEN;
	r->n_fields = FSR_RSNE_F_PAIRWISE;
	if (p == end)
		return fsr_ok(why);

	if (end - p < 2)
		return fsr_fail(why, FSR_FT_PARSE_RSNE_TRUNC);
	r->n_akm = fsr_get_le16(p);
	p += 2;
	left = end - p;
	if (!r->n_akm || left / FSR_SUITE_LEN < r->n_akm)
		return fsr_fail(why, FSR_FT_PARSE_RSNE_COUNT);
	r->akm = p;
	p += (size_t)r->n_akm * FSR_SUITE_LEN;
	r->n_fields = FSR_RSNE_F_AKM;
	if (p == end)
		return fsr_ok(why);

	if (end - p < 2)
		return fsr_fail(why, FSR_FT_PARSE_RSNE_TRUNC);
	r->caps = fsr_get_le16(p);
	p += 2;
	r->n_fields = FSR_RSNE_F_CAPS;
	if (p == end)
		return fsr_ok(why);

	if (end - p < 2)
		return fsr_fail(why, FSR_FT_PARSE_RSNE_TRUNC);
	r->n_pmkid = fsr_get_le16(p);
	p += 2;
	left = end - p;
	if (left / FSR_PMKID_LEN < r->n_pmkid)
		return fsr_fail(why, FSR_FT_PARSE_RSNE_COUNT);
	r->pmkid = r->n_pmkid ? p : NULL;
	p += (size_t)r->n_pmkid * FSR_PMKID_LEN;
	r->n_fields = FSR_RSNE_F_PMKID;
	if (p == end)
		return fsr_ok(why);

	if (end - p < FSR_SUITE_LEN)
		return fsr_fail(why, FSR_FT_PARSE_RSNE_TRUNC);
	r->group_mgmt_cipher = fsr_get_suite(p);
	r->n_fields = FSR_RSNE_F_GROUP_MGMT;
	return fsr_ok(why);
}

int fsr_ie_build_rsne(u8 *buf, size_t size, const struct fsr_ie_rsne *r)
{
	size_t need = 2 + 2, pos;
	u8 nf = r->n_fields;

	if (nf > FSR_RSNE_F_GROUP_MGMT ||
	    (nf >= FSR_RSNE_F_PAIRWISE && (!r->n_pairwise || !r->pairwise)) ||
	    (nf >= FSR_RSNE_F_AKM && (!r->n_akm || !r->akm)) ||
	    (nf >= FSR_RSNE_F_PMKID && r->n_pmkid && !r->pmkid))
		return -EINVAL;
	if (nf >= FSR_RSNE_F_GROUP)
		need += FSR_SUITE_LEN;
	if (nf >= FSR_RSNE_F_PAIRWISE)
		need += 2 + (size_t)r->n_pairwise * FSR_SUITE_LEN;
	if (nf >= FSR_RSNE_F_AKM)
		need += 2 + (size_t)r->n_akm * FSR_SUITE_LEN;
	if (nf >= FSR_RSNE_F_CAPS)
		need += 2;
	if (nf >= FSR_RSNE_F_PMKID)
		need += 2 + (size_t)r->n_pmkid * FSR_PMKID_LEN;
	if (nf >= FSR_RSNE_F_GROUP_MGMT)
		need += FSR_SUITE_LEN;
	if (need > 257)
		return -EINVAL;
	if (need > size)
		return -ENOSPC;

	buf[0] = FSR_EID_RSN;
	buf[1] = (u8)(need - 2);
	fsr_put_le16(buf + 2, r->version);
	pos = 4;
	if (nf >= FSR_RSNE_F_GROUP) {
		fsr_put_suite(buf + pos, r->group_cipher);
		pos += FSR_SUITE_LEN;
	}
	if (nf >= FSR_RSNE_F_PAIRWISE) {
		fsr_put_le16(buf + pos, r->n_pairwise);
		memcpy(buf + pos + 2, r->pairwise,
		       (size_t)r->n_pairwise * FSR_SUITE_LEN);
		pos += 2 + (size_t)r->n_pairwise * FSR_SUITE_LEN;
	}
	if (nf >= FSR_RSNE_F_AKM) {
		fsr_put_le16(buf + pos, r->n_akm);
		memcpy(buf + pos + 2, r->akm, (size_t)r->n_akm * FSR_SUITE_LEN);
		pos += 2 + (size_t)r->n_akm * FSR_SUITE_LEN;
	}
	if (nf >= FSR_RSNE_F_CAPS) {
		fsr_put_le16(buf + pos, r->caps);
		pos += 2;
	}
	if (nf >= FSR_RSNE_F_PMKID) {
		fsr_put_le16(buf + pos, r->n_pmkid);
		if (r->n_pmkid)
			memcpy(buf + pos + 2, r->pmkid,
			       (size_t)r->n_pmkid * FSR_PMKID_LEN);
		pos += 2 + (size_t)r->n_pmkid * FSR_PMKID_LEN;
	}
	if (nf >= FSR_RSNE_F_GROUP_MGMT) {
		fsr_put_suite(buf + pos, r->group_mgmt_cipher);
		pos += FSR_SUITE_LEN;
	}
	return (int)pos;
}

int fsr_ie_parse_mde(const u8 *ie, size_t ie_len, struct fsr_ie_mde *m,
		     enum fsr_ft_parse_err *why)
{
	int blen = fsr_elem_body(ie, ie_len, FSR_EID_MDE);

	memset(m, 0, sizeof(*m));
	if (blen < 0)
		return fsr_fail(why, fsr_hdr_err(ie, ie_len, FSR_EID_MDE));
	if (blen != 3)
		return fsr_fail(why, FSR_FT_PARSE_MDE_LEN);
	memcpy(m->mdid, ie + 2, FSR_FT_MDID_LEN);
	m->ft_cap = ie[4];
	return fsr_ok(why);
}

int fsr_ie_build_mde(u8 *buf, size_t size, const struct fsr_ie_mde *m)
{
	if (size < 5)
		return -ENOSPC;
	buf[0] = FSR_EID_MDE;
	buf[1] = 3;
	memcpy(buf + 2, m->mdid, FSR_FT_MDID_LEN);
	buf[4] = m->ft_cap;
	return 5;
}

static bool fsr_wrapped_len_ok(size_t wrapped_len)
{
	return wrapped_len >= FSR_WRAPPED_MIN && !(wrapped_len % 8);
}

static enum fsr_ft_parse_err fsr_fte_sub(struct fsr_ie_fte *f, u8 id,
					 const u8 *p, u8 len)
{
	switch (id) {
	case FSR_FTE_SUB_R1KH_ID:
		if (f->r1kh_id)
			return FSR_FT_PARSE_FTE_SUB_DUP;
		if (len != FSR_FT_ADDR_LEN)
			return FSR_FT_PARSE_FTE_R1KH_ID_LEN;
		f->r1kh_id = p;
		break;
	case FSR_FTE_SUB_R0KH_ID:
		if (f->r0kh_id)
			return FSR_FT_PARSE_FTE_SUB_DUP;
		if (!len || len > FSR_FT_R0KH_ID_MAX_LEN)
			return FSR_FT_PARSE_FTE_R0KH_ID_LEN;
		f->r0kh_id = p;
		f->r0kh_id_len = len;
		break;
	case FSR_FTE_SUB_GTK:
		if (f->gtk)
			return FSR_FT_PARSE_FTE_SUB_DUP;
		if (len > FSR_GTK_FIXED + FSR_WRAPPED_MAX)
			return FSR_FT_PARSE_FTE_SUB_OVERSIZE;
		if (len < FSR_GTK_FIXED ||
		    !fsr_wrapped_len_ok(len - FSR_GTK_FIXED) ||
		    p[2] > len - FSR_GTK_FIXED - 8)
			return FSR_FT_PARSE_FTE_GTK_LEN;
		f->gtk = p;
		f->gtk_len = len;
		break;
	case FSR_FTE_SUB_IGTK:
		if (f->igtk)
			return FSR_FT_PARSE_FTE_SUB_DUP;
		if (len > FSR_IGTK_FIXED + FSR_WRAPPED_MAX)
			return FSR_FT_PARSE_FTE_SUB_OVERSIZE;
		if (len < FSR_IGTK_FIXED ||
		    !fsr_wrapped_len_ok(len - FSR_IGTK_FIXED) ||
		    p[8] > len - FSR_IGTK_FIXED - 8)
			return FSR_FT_PARSE_FTE_IGTK_LEN;
		f->igtk = p;
		f->igtk_len = len;
		break;
	default:
		break;
	}
	return FSR_FT_PARSE_OK;
}

int fsr_ie_parse_fte(const u8 *ie, size_t ie_len, unsigned int mic_len,
		     struct fsr_ie_fte *f, enum fsr_ft_parse_err *why)
{
	int blen = fsr_elem_body(ie, ie_len, FSR_EID_FTE);
	size_t fixed = 2 + mic_len + 2 * FSR_FT_NONCE_LEN;
	const u8 *p, *end;

	memset(f, 0, sizeof(*f));
	if (mic_len != 16 && mic_len != 24)
		return fsr_fail(why, FSR_FT_PARSE_BAD_ARG);
	if (blen < 0)
		return fsr_fail(why, fsr_hdr_err(ie, ie_len, FSR_EID_FTE));
	if ((size_t)blen < fixed)
		return fsr_fail(why, FSR_FT_PARSE_FTE_SHORT);

	p = ie + 2;
	end = p + blen;
	f->mic_ctrl = fsr_get_le16(p);
	f->mic_len = (u8)mic_len;
	f->mic = p + 2;
	f->anonce = f->mic + mic_len;
	f->snonce = f->anonce + FSR_FT_NONCE_LEN;
	p += fixed;

	while (p < end) {
		enum fsr_ft_parse_err e;
		u8 id, len;

		if (end - p < 2 || end - p - 2 < p[1]) {
			memset(f, 0, sizeof(*f));
			return fsr_fail(why, FSR_FT_PARSE_FTE_SUB_TRUNC);
		}
		id = p[0];
		len = p[1];
		e = fsr_fte_sub(f, id, p + 2, len);
		if (e != FSR_FT_PARSE_OK) {
			memset(f, 0, sizeof(*f));
			return fsr_fail(why, e);
		}
		p += 2 + len;
	}
	return fsr_ok(why);
}

static u8 *fsr_put_sub(u8 *p, u8 id, const u8 *data, u8 len)
{
	p[0] = id;
	p[1] = len;
	memcpy(p + 2, data, len);
	return p + 2 + len;
}

int fsr_ie_build_fte(u8 *buf, size_t size, const struct fsr_ie_fte *f)
{
	size_t need = 2 + 2 + f->mic_len + 2 * FSR_FT_NONCE_LEN;
	u8 *p;

	if (f->mic_len != 16 && f->mic_len != 24)
		return -EINVAL;
	if (f->r0kh_id &&
	    (!f->r0kh_id_len || f->r0kh_id_len > FSR_FT_R0KH_ID_MAX_LEN))
		return -EINVAL;
	if (f->r1kh_id)
		need += 2 + FSR_FT_ADDR_LEN;
	if (f->gtk)
		need += 2 + f->gtk_len;
	if (f->r0kh_id)
		need += 2 + f->r0kh_id_len;
	if (f->igtk)
		need += 2 + f->igtk_len;
	if (need > 257)
		return -EINVAL;
	if (need > size)
		return -ENOSPC;

	buf[0] = FSR_EID_FTE;
	buf[1] = (u8)(need - 2);
	fsr_put_le16(buf + 2, f->mic_ctrl);
	p = buf + 4;
	if (f->mic)
		memcpy(p, f->mic, f->mic_len);
	else
		memset(p, 0, f->mic_len);
	p += f->mic_len;
	if (f->anonce)
		memcpy(p, f->anonce, FSR_FT_NONCE_LEN);
	else
		memset(p, 0, FSR_FT_NONCE_LEN);
	p += FSR_FT_NONCE_LEN;
	if (f->snonce)
		memcpy(p, f->snonce, FSR_FT_NONCE_LEN);
	else
		memset(p, 0, FSR_FT_NONCE_LEN);
	p += FSR_FT_NONCE_LEN;
	if (f->r1kh_id)
		p = fsr_put_sub(p, FSR_FTE_SUB_R1KH_ID, f->r1kh_id,
				FSR_FT_ADDR_LEN);
	if (f->gtk)
		p = fsr_put_sub(p, FSR_FTE_SUB_GTK, f->gtk, f->gtk_len);
	if (f->r0kh_id)
		p = fsr_put_sub(p, FSR_FTE_SUB_R0KH_ID, f->r0kh_id,
				f->r0kh_id_len);
	if (f->igtk)
		p = fsr_put_sub(p, FSR_FTE_SUB_IGTK, f->igtk, f->igtk_len);
	return (int)(p - buf);
}

/* HE Capabilities: MAC 6, PHY 11, then the MCS/NSS set */
#define FSR_HE_FIXED		17
#define FSR_HE_PHY0		6	/* PHY capabilities, octet 0 */
#define FSR_HE_PHY6		12	/* PHY capabilities, octet 6 */
#define FSR_HE_PHY0_40_2G	0x02	/* channel width set B0 */
#define FSR_HE_PHY0_40_80_5G	0x04	/* B1 */
#define FSR_HE_PHY0_160_5G	0x08	/* B2 */
#define FSR_HE_PHY0_80P80_5G	0x10	/* B3 */
#define FSR_HE_PHY6_PPE		0x80	/* PPE Thresholds Present */
/* EHT Capabilities: MAC 2, PHY 9, then the MCS/NSS set */
#define FSR_EHT_FIXED		11
#define FSR_EHT_PHY0		2
#define FSR_EHT_PHY5		7
#define FSR_EHT_PHY0_320_6G	0x02
#define FSR_EHT_PHY5_PPE	0x08

static unsigned int fsr_bits(unsigned int v)
{
	unsigned int n = 0;

	for (; v; v &= v - 1)
		n++;
	return n;
}

/*
 * PPE Thresholds: a header (NSS, RU index bitmask) of @hdr_bits, then
 * two 3-bit thresholds per RU size in the mask, per spatial stream.
 */
static size_t fsr_ppe_len(unsigned int nss_m1, unsigned int ru_mask,
			  unsigned int hdr_bits)
{
	return (hdr_bits + 6 * fsr_bits(ru_mask) * (nss_m1 + 1) + 7) / 8;
}

int fsr_ie_he_cap_len(const u8 *body, size_t len)
{
	size_t need = FSR_HE_FIXED + 4;

	if (!body || len < need)
		return -EMSGSIZE;
	if (body[FSR_HE_PHY0] & FSR_HE_PHY0_160_5G)
		need += 4;
	if (body[FSR_HE_PHY0] & FSR_HE_PHY0_80P80_5G)
		need += 4;
	if (body[FSR_HE_PHY6] & FSR_HE_PHY6_PPE) {
		/* header: NSS (3 bits), RU index bitmask (4 bits) */
		if (len < need + 1)
			return -EMSGSIZE;
		need += fsr_ppe_len(body[need] & 0x07, (body[need] >> 3) & 0x0f,
				    7);
	}
	if (len < need)
		return -EMSGSIZE;
	return (int)need;
}

int fsr_ie_eht_cap_len(const u8 *he, const u8 *body, size_t len,
		       bool from_ap)
{
	size_t need = FSR_EHT_FIXED, mcs = 0;
	u8 w = he ? he[FSR_HE_PHY0] : 0;

	if (!he || !body || len < need)
		return -EMSGSIZE;
	/* 20 MHz-only: 4 octets (3 from an AP); 2.4 GHz with 40 MHz: 3 */
	if (w & FSR_HE_PHY0_40_2G) {
		mcs = 3;
	} else {
		if (w & FSR_HE_PHY0_40_80_5G)
			mcs += 3;
		if (w & FSR_HE_PHY0_160_5G)
			mcs += 3;
		if (body[FSR_EHT_PHY0] & FSR_EHT_PHY0_320_6G)
			mcs += 3;
		if (!mcs)
			mcs = from_ap ? 3 : 4;
	}
	need += mcs;
	if (body[FSR_EHT_PHY5] & FSR_EHT_PHY5_PPE) {
		unsigned int hdr;

		/* header: NSS (4 bits), RU index bitmask (5 bits) */
		if (len < need + 2)
			return -EMSGSIZE;
		hdr = fsr_get_le16(body + need);
		need += fsr_ppe_len(hdr & 0x0f, (hdr >> 4) & 0x1f, 9);
	}
	if (len < need)
		return -EMSGSIZE;
	return (int)need;
}

/* An extension element's body (after the ID extension) seen once. */
static void fsr_xcap_once(const u8 **p, size_t *plen, const u8 *body,
			  size_t len, bool *dup)
{
	if (*p || *dup) {
		*p = NULL;
		*dup = true;
		return;
	}
	*p = body;
	*plen = len;
}

int fsr_ie_parse_xcaps(const u8 *buf, size_t len, struct fsr_ie_xcaps *c,
		       enum fsr_ft_parse_err *why)
{
	const u8 *he = NULL, *eht = NULL, *he6 = NULL;
	size_t he_len = 0, eht_len = 0, he6_len = 0, pos = 0;
	bool he_dup = false, eht_dup = false, he6_dup = false;
	enum fsr_ft_parse_err first = FSR_FT_PARSE_OK;
	int n;

	memset(c, 0, sizeof(*c));
	if (!buf && len)
		return fsr_fail(why, FSR_FT_PARSE_BAD_ARG);
	while (pos < len) {
		size_t elen;

		if (len - pos < 2)
			return fsr_fail(why, FSR_FT_PARSE_TRUNC_HDR);
		elen = buf[pos + 1];
		if (elen > len - pos - 2)
			return fsr_fail(why, FSR_FT_PARSE_ELEM_OVERFLOW);
		if (buf[pos] == FSR_EID_EXT && elen >= 1) {
			const u8 *body = buf + pos + 3;
			size_t blen = elen - 1;

			switch (buf[pos + 2]) {
			case FSR_EID_EXT_HE_CAP:
				fsr_xcap_once(&he, &he_len, body, blen,
					      &he_dup);
				break;
			case FSR_EID_EXT_EHT_CAP:
				fsr_xcap_once(&eht, &eht_len, body, blen,
					      &eht_dup);
				break;
			case FSR_EID_EXT_HE_6GHZ_CAP:
				fsr_xcap_once(&he6, &he6_len, body, blen,
					      &he6_dup);
				break;
			case FSR_EID_EXT_HE_OP:
				c->he_op = true;
				break;
			case FSR_EID_EXT_EHT_OP:
				c->eht_op = true;
				break;
			}
		}
		pos += 2 + elen;
	}

	if (he_dup || eht_dup || he6_dup)
		first = FSR_FT_PARSE_DUP_XCAP;
	n = he ? fsr_ie_he_cap_len(he, he_len) : 0;
	if (n > 0 && n <= FSR_HE_CAP_MAX) {
		c->he = he;
		c->he_len = (u8)n;
	} else if (he && first == FSR_FT_PARSE_OK) {
		first = FSR_FT_PARSE_HE_CAP_LEN;
	}
	n = eht && c->he ? fsr_ie_eht_cap_len(c->he, eht, eht_len, false) : 0;
	if (n > 0 && n <= FSR_EHT_CAP_MAX) {
		c->eht = eht;
		c->eht_len = (u8)n;
	} else if (eht && first == FSR_FT_PARSE_OK) {
		first = FSR_FT_PARSE_EHT_CAP_LEN;
	}
	if (he6 && he6_len == FSR_HE_6GHZ_CAP_LEN)
		c->he_6ghz = he6;
	else if (he6 && first == FSR_FT_PARSE_OK)
		first = FSR_FT_PARSE_HE_6GHZ_LEN;
	if (why)
		*why = first;
	return 0;
}
