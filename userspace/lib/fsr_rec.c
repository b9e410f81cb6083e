// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <string.h>

#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#include "fsr_rec.h"

static int put_fixed(const struct nlattr *a, void *dst, size_t len)
{
	if (mnl_attr_get_payload_len(a) != len)
		return -EBADMSG;
	memcpy(dst, mnl_attr_get_payload(a), len);
	return 0;
}

static int put_string(const struct nlattr *a, char *dst, size_t size)
{
	const char *s = mnl_attr_get_payload(a);
	size_t len = mnl_attr_get_payload_len(a);

	/* the kernel sends NUL-terminated strings; accept a missing NUL */
	if (len && s[len - 1] == '\0')
		len--;
	if (len >= size || memchr(s, '\0', len))
		return -EBADMSG;
	memcpy(dst, s, len);
	dst[len] = '\0';
	return 0;
}

static int decode_stats(const struct nlattr *nest, struct fsr_rec *rec)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		uint16_t type = mnl_attr_get_type(a);

		if (type == 0 || type > FSR_STAT_MAX || type == FSR_STAT_PAD)
			continue;
		if (mnl_attr_validate(a, MNL_TYPE_U64) < 0)
			return -EBADMSG;
		rec->stats[type] = mnl_attr_get_u64(a);
	}
	return 0;
}

static int decode_u8(const struct nlattr *a, uint8_t *v)
{
	if (mnl_attr_validate(a, MNL_TYPE_U8) < 0)
		return -EBADMSG;
	*v = mnl_attr_get_u8(a);
	return 0;
}

static int decode_u32(const struct nlattr *a, uint32_t *v)
{
	if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
		return -EBADMSG;
	*v = mnl_attr_get_u32(a);
	return 0;
}

static int decode_u16(const struct nlattr *a, uint16_t *v)
{
	if (mnl_attr_validate(a, MNL_TYPE_U16) < 0)
		return -EBADMSG;
	*v = mnl_attr_get_u16(a);
	return 0;
}

static int decode_u64(const struct nlattr *a, uint64_t *v)
{
	if (mnl_attr_validate(a, MNL_TYPE_U64) < 0)
		return -EBADMSG;
	*v = mnl_attr_get_u64(a);
	return 0;
}

/* Indexed array: attribute type i + 1 holds bucket i. */
static int decode_hist(const struct nlattr *nest, uint64_t *b)
{
	const struct nlattr *a;

	if (mnl_attr_validate(nest, MNL_TYPE_NESTED) < 0)
		return -EBADMSG;
	mnl_attr_for_each_nested(a, nest) {
		uint16_t type = mnl_attr_get_type(a);

		if (type == 0 || type > FSR_HIST_BUCKETS)
			continue;
		if (decode_u64(a, &b[type - 1]))
			return -EBADMSG;
	}
	return 0;
}

static int decode_ft_attr(const struct nlattr *a, struct fsr_rec *rec)
{
	switch (mnl_attr_get_type(a)) {
	case FSR_FT_A_ENABLE:
		return decode_u8(a, &rec->ft_enable);
	case FSR_FT_A_READY:
		return decode_u8(a, &rec->ft_ready);
	case FSR_FT_A_MDE:
		return put_fixed(a, rec->ft_mde, sizeof(rec->ft_mde));
	case FSR_FT_A_R1KH_ID:
		return put_fixed(a, rec->ft_r1kh, sizeof(rec->ft_r1kh));
	case FSR_FT_A_AID_MIN:
		return decode_u16(a, &rec->ft_aid_min);
	case FSR_FT_A_AID_MAX:
		return decode_u16(a, &rec->ft_aid_max);
	case FSR_FT_A_DEADLINE_MS:
		return decode_u32(a, &rec->ft_deadline_ms);
	case FSR_FT_A_GTK_IDX:
		return decode_u8(a, &rec->ft_gtk_idx);
	default:
		return 1;	/* unknown, or never shown (RSNE, IEs, GTK) */
	}
}

static int decode_ft(const struct nlattr *nest, struct fsr_rec *rec)
{
	const struct nlattr *a;
	int ret;

	if (mnl_attr_validate(nest, MNL_TYPE_NESTED) < 0)
		return -EBADMSG;
	mnl_attr_for_each_nested(a, nest) {
		uint16_t type = mnl_attr_get_type(a);

		ret = decode_ft_attr(a, rec);
		if (ret < 0)
			return ret;
		if (ret == 0 && type < 64)
			rec->ft_has |= FSR_REC_HAS(type);
	}
	return 0;
}

static int decode_attr(const struct nlattr *a, struct fsr_rec *rec)
{
	size_t len = mnl_attr_get_payload_len(a);

	switch (mnl_attr_get_type(a)) {
	case FSR_A_IFINDEX:
		return decode_u32(a, &rec->ifindex);
	case FSR_A_IFNAME:
		return put_string(a, rec->ifname, sizeof(rec->ifname));
	case FSR_A_BSSID:
		return put_fixed(a, rec->bssid, sizeof(rec->bssid));
	case FSR_A_BSS_STATS:
		if (mnl_attr_validate(a, MNL_TYPE_NESTED) < 0)
			return -EBADMSG;
		return decode_stats(a, rec);
	case FSR_A_STA_ADDR:
		return put_fixed(a, rec->sta, sizeof(rec->sta));
	case FSR_A_PMK_R1_NAME:
		return put_fixed(a, rec->r1name, sizeof(rec->r1name));
	case FSR_A_PMK_R0_NAME:
		return put_fixed(a, rec->r0name, sizeof(rec->r0name));
	case FSR_A_R0KH_ID:
		if (len < 1 || len > sizeof(rec->r0kh))
			return -EBADMSG;
		rec->r0kh_len = (uint8_t)len;
		return put_fixed(a, rec->r0kh, len);
	case FSR_A_R1KH_ID:
		return put_fixed(a, rec->r1kh, sizeof(rec->r1kh));
	case FSR_A_AKM:
		return decode_u32(a, &rec->akm);
	case FSR_A_PAIRWISE:
		return decode_u32(a, &rec->pairwise);
	case FSR_A_LIFETIME:
		return decode_u32(a, &rec->lifetime);
	case FSR_A_PMK_COUNT:
		return decode_u32(a, &rec->pmk_count);
	case FSR_A_PMK_MAX:
		return decode_u32(a, &rec->pmk_max);
	case FSR_A_VERSION:
		return put_string(a, rec->version, sizeof(rec->version));
	case FSR_A_HOOK:
		return decode_u8(a, &rec->hook);
	case FSR_A_BSS_COUNT:
		return decode_u32(a, &rec->bss_count);
	case FSR_A_EVENT:
		return decode_u8(a, &rec->event);
	case FSR_A_REASON:
		return decode_u8(a, &rec->reason);
	case FSR_A_GENERATION:
		return decode_u32(a, &rec->generation);
	case FSR_A_PMK_ORIGIN:
		return decode_u8(a, &rec->pmk_origin);
	case FSR_A_FT:
		return decode_ft(a, rec);
	case FSR_A_AID:
		return decode_u16(a, &rec->aid);
	case FSR_A_ANONCE:
		return put_fixed(a, rec->anonce, sizeof(rec->anonce));
	case FSR_A_SNONCE:
		return put_fixed(a, rec->snonce, sizeof(rec->snonce));
	case FSR_A_STATUS:
		return decode_u16(a, &rec->status);
	case FSR_A_WHY:
		return decode_u8(a, &rec->why);
	case FSR_A_SERVICE_NS:
		return decode_u64(a, &rec->service_ns);
	case FSR_A_GTK_IDX:
		return decode_u8(a, &rec->gtk_idx);
	case FSR_A_HIST_AUTH:
		return decode_hist(a, rec->hist_auth);
	case FSR_A_HIST_REASSOC:
		return decode_hist(a, rec->hist_reassoc);
	default:
		return 1;	/* unknown or write-only: skip */
	}
}

int fsr_rec_decode(const struct nlmsghdr *nlh, struct fsr_rec *rec)
{
	const struct genlmsghdr *genl;
	const struct nlattr *a;
	int ret;

	memset(rec, 0, sizeof(*rec));
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + sizeof(*genl))
		return -EBADMSG;
	genl = mnl_nlmsg_get_payload(nlh);
	rec->cmd = genl->cmd;

	mnl_attr_for_each(a, nlh, sizeof(*genl)) {
		uint16_t type = mnl_attr_get_type(a);

		ret = decode_attr(a, rec);
		if (ret < 0)
			return ret;
		if (ret == 0 && type < 64)
			rec->has |= FSR_REC_HAS(type);
	}
	return 0;
}
