// SPDX-License-Identifier: GPL-2.0-only
/* fsr's PMKSA message: TLVs built and read (pmksa_msg.h). Pure. */
#include <errno.h>
#include <string.h>

#include <openssl/crypto.h>

#include "mobility/pmksa_msg.h"

#define TLV(ty, l, v) (t[n++] = (struct rrb_tlv){ (ty), (uint16_t)(l), (v) })

size_t rrb_pmksa_tlvs(const struct rrb_pmksa *p, bool with_class,
		      struct rrb_pmksa_buf *buf, struct rrb_tlv *t)
{
	const struct eap_relay_attrs *a = &p->attrs;
	size_t n = 0, i, ul = strnlen(a->user_name, EAP_RELAY_USER_MAX);

	buf->akm[0] = (uint8_t)(p->akm >> 24);
	buf->akm[1] = (uint8_t)(p->akm >> 16);
	buf->akm[2] = (uint8_t)(p->akm >> 8);
	buf->akm[3] = (uint8_t)p->akm;
	rrb_put_le32(buf->age, p->age_s);
	rrb_put_le32(buf->life, p->life_s);
	TLV(RRB_T_S1KH_ID, 6, p->spa);
	TLV(RRB_T_FSR_AA, 6, p->aa);
	TLV(RRB_T_FSR_PMK, sizeof(p->pmk), p->pmk);
	TLV(RRB_T_FSR_PMKID, sizeof(p->pmkid), p->pmkid);
	TLV(RRB_T_FSR_AKM, 4, buf->akm);
	TLV(RRB_T_FSR_SSID, p->ssid_len, p->ssid);
	TLV(RRB_T_FSR_AGE, 4, buf->age);
	TLV(RRB_T_FSR_LIFETIME, 4, buf->life);
	if (ul)
		TLV(RRB_T_IDENTITY, ul, (const uint8_t *)a->user_name);
	if (a->has_session_timeout) {
		rrb_put_le32(buf->st, a->session_timeout);
		TLV(RRB_T_SESSION_TIMEOUT, 4, buf->st);
	}
	if (a->has_termination_action) {
		rrb_put_le32(buf->term, a->termination_action);
		TLV(RRB_T_FSR_TERM_ACTION, 4, buf->term);
	}
	if (a->has_acct_interim_interval) {
		rrb_put_le32(buf->interim, a->acct_interim_interval);
		TLV(RRB_T_FSR_INTERIM, 4, buf->interim);
	}
	if (a->vlan_id) {
		buf->vlan[0] = (uint8_t)a->vlan_id;
		buf->vlan[1] = (uint8_t)(a->vlan_id >> 8);
		TLV(RRB_T_FSR_VLAN_ID, 2, buf->vlan);
	}
	for (i = 0; with_class && i < a->n_class && i < EAP_RELAY_CLASS_MAX;
	     i++)
		if (a->class_len[i] && a->class_len[i] <= RADIUS_ATTR_MAX_DATA)
			TLV(RRB_T_FSR_CLASS, a->class_len[i], a->class_val[i]);
	return n;
}

static int u32_opt(const uint8_t *p, size_t len, uint16_t type, bool *have,
		   uint32_t *v)
{
	const uint8_t *x;
	int ret = rrb_tlv_fixed(p, len, type, 4, &x);

	if (ret < 0)
		return ret;
	*have = !ret;
	*v = *have ? rrb_get_le32(x) : 0;
	return 0;
}

/* Every Class TLV, in order (the list is known to be well formed). */
static int classes(const uint8_t *p, size_t len, struct eap_relay_attrs *a)
{
	while (len >= 4) {
		uint16_t ty = rrb_get_le16(p);
		size_t l = rrb_get_le16(p + 2);

		if (l > len - 4)
			return -EBADMSG;
		if (ty == RRB_T_FSR_CLASS) {
			if (!l || l > RADIUS_ATTR_MAX_DATA ||
			    a->n_class == EAP_RELAY_CLASS_MAX)
				return -EBADMSG;
			memcpy(a->class_val[a->n_class], p + 4, l);
			a->class_len[a->n_class++] = l;
		}
		p += 4 + l;
		len -= 4 + l;
	}
	return len ? -EBADMSG : 0;
}

static int parse(const uint8_t *plain, size_t len, struct rrb_pmksa *p)
{
	struct eap_relay_attrs *a = &p->attrs;
	const uint8_t *v;
	struct rrb_tlv t;
	uint32_t x;

	if (rrb_tlv_fixed(plain, len, RRB_T_S1KH_ID, 6, &v))
		return -EBADMSG;
	memcpy(p->spa, v, 6);
	if (rrb_tlv_fixed(plain, len, RRB_T_FSR_AA, 6, &v))
		return -EBADMSG;
	memcpy(p->aa, v, 6);
	if ((p->spa[0] & 1) || (p->aa[0] & 1))
		return -EBADMSG;
	if (rrb_tlv_fixed(plain, len, RRB_T_FSR_PMK, sizeof(p->pmk), &v))
		return -EBADMSG;
	memcpy(p->pmk, v, sizeof(p->pmk));
	if (rrb_tlv_fixed(plain, len, RRB_T_FSR_PMKID, sizeof(p->pmkid), &v))
		return -EBADMSG;
	memcpy(p->pmkid, v, sizeof(p->pmkid));
	if (rrb_tlv_fixed(plain, len, RRB_T_FSR_AKM, 4, &v))
		return -EBADMSG;
	p->akm = (uint32_t)v[0] << 24 | (uint32_t)v[1] << 16 |
		 (uint32_t)v[2] << 8 | v[3];
	if (rrb_tlv_find(plain, len, RRB_T_FSR_SSID, &t) || !t.len ||
	    t.len > sizeof(p->ssid))
		return -EBADMSG;
	memcpy(p->ssid, t.val, t.len);
	p->ssid_len = t.len;
	if (rrb_tlv_fixed(plain, len, RRB_T_FSR_AGE, 4, &v))
		return -EBADMSG;
	p->age_s = rrb_get_le32(v);
	if (rrb_tlv_fixed(plain, len, RRB_T_FSR_LIFETIME, 4, &v))
		return -EBADMSG;
	p->life_s = rrb_get_le32(v);
	if (!p->life_s)
		return -EBADMSG;
	if (!rrb_tlv_find(plain, len, RRB_T_IDENTITY, &t)) {
		if (t.len > EAP_RELAY_USER_MAX)
			return -EBADMSG;
		memcpy(a->user_name, t.val, t.len);
	}
	if (u32_opt(plain, len, RRB_T_SESSION_TIMEOUT,
		    &a->has_session_timeout, &a->session_timeout) ||
	    u32_opt(plain, len, RRB_T_FSR_TERM_ACTION,
		    &a->has_termination_action, &a->termination_action) ||
	    u32_opt(plain, len, RRB_T_FSR_INTERIM,
		    &a->has_acct_interim_interval,
		    &a->acct_interim_interval))
		return -EBADMSG;
	switch (rrb_tlv_fixed(plain, len, RRB_T_FSR_VLAN_ID, 2, &v)) {
	case 0:
		x = (uint32_t)(v[0] | v[1] << 8);
		if (!x || x > 4094)
			return -EBADMSG;
		a->vlan_id = (uint16_t)x;
		break;
	case 1:
		break;
	default:
		return -EBADMSG;
	}
	return classes(plain, len, a);
}

int rrb_pmksa_parse(const uint8_t *plain, size_t len, struct rrb_pmksa *p)
{
	int ret;

	memset(p, 0, sizeof(*p));
	ret = parse(plain, len, p);
	if (ret)
		OPENSSL_cleanse(p, sizeof(*p));
	return ret;
}
