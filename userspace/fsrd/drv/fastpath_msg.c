// SPDX-License-Identifier: GPL-2.0-only
/* BSS_SET requests, events, AID split and adoption keys (fastpath_msg.h). */
#include <errno.h>
#include <string.h>

#include <libmnl/libmnl.h>
#include <linux/fsr.h>
#include <linux/genetlink.h>

#include "drv/fastpath_msg.h"

#define AID_LIMIT 2007

static bool put(struct nlmsghdr *req, size_t size, uint16_t type,
		size_t len, const void *data)
{
	return mnl_attr_put_check(req, size, type, len, data);
}

int fastpath_put_bss_set(struct nlmsghdr *req, size_t size, int ifindex,
			 const struct fastpath_cfg *c)
{
	struct nlattr *nest;
	uint8_t enable = c->enable ? 1 : 0;
	bool ok;

	if ((c->mde && c->mde[1] != 3) ||
	    (c->rsne && (c->rsne_len < 4 || c->rsne_len > 257 ||
			 c->rsne[1] + 2u != c->rsne_len)) ||
	    c->head_len > 512 || c->tail_len > 1024 ||
	    (c->gtk && ((c->gtk_len != 16 && c->gtk_len != 32) ||
			c->gtk_idx < 1 || c->gtk_idx > 3)) ||
	    (c->aid_min && (c->aid_min > c->aid_max ||
			    c->aid_max > AID_LIMIT)))
		return -EINVAL;
	if (!mnl_attr_put_u32_check(req, size, FSR_A_IFINDEX,
				    (uint32_t)ifindex))
		return -ENOSPC;
	nest = mnl_attr_nest_start_check(req, size, FSR_A_FT);
	if (!nest)
		return -ENOSPC;
	ok = put(req, size, FSR_FT_A_ENABLE, 1, &enable);
	if (ok && c->mde)
		ok = put(req, size, FSR_FT_A_MDE, 5, c->mde);
	if (ok && c->r1kh_id)
		ok = put(req, size, FSR_FT_A_R1KH_ID, 6, c->r1kh_id);
	if (ok && c->rsne)
		ok = put(req, size, FSR_FT_A_RSNE, c->rsne_len, c->rsne);
	if (ok && c->capab)
		ok = mnl_attr_put_u16_check(req, size, FSR_FT_A_CAPAB,
					    c->capab);
	if (ok && c->head)
		ok = put(req, size, FSR_FT_A_RESP_IES_HEAD, c->head_len,
			 c->head);
	if (ok && c->tail)
		ok = put(req, size, FSR_FT_A_RESP_IES_TAIL, c->tail_len,
			 c->tail);
	if (ok && c->aid_min)
		ok = mnl_attr_put_u16_check(req, size, FSR_FT_A_AID_MIN,
					    c->aid_min) &&
		     mnl_attr_put_u16_check(req, size, FSR_FT_A_AID_MAX,
					    c->aid_max);
	if (ok && c->deadline_ms)
		ok = mnl_attr_put_u32_check(req, size, FSR_FT_A_DEADLINE_MS,
					    c->deadline_ms);
	if (ok && c->gtk)
		ok = put(req, size, FSR_FT_A_GTK, c->gtk_len, c->gtk) &&
		     mnl_attr_put_u8_check(req, size, FSR_FT_A_GTK_IDX,
					   c->gtk_idx);
	if (!ok) {
		mnl_attr_nest_cancel(req, nest);
		return -ENOSPC;
	}
	mnl_attr_nest_end(req, nest);
	return 0;
}

/* Copy a fixed-size binary attribute; false when the size differs. */
static bool get_bin(const struct nlattr *a, void *dst, size_t len)
{
	if (mnl_attr_get_payload_len(a) != len)
		return false;
	memcpy(dst, mnl_attr_get_payload(a), len);
	return true;
}

static int parse_attr(const struct nlattr *a, struct fastpath_event *ev)
{
	uint16_t type = mnl_attr_get_type(a);
	size_t len = mnl_attr_get_payload_len(a);
	bool ok = true;

	switch (type) {
	case FSR_A_IFINDEX:
		ok = mnl_attr_validate(a, MNL_TYPE_U32) == 0;
		if (ok) {
			ev->ifindex = mnl_attr_get_u32(a);
			ev->have |= FP_HAVE_IFINDEX;
		}
		break;
	case FSR_A_STA_ADDR:
		ok = get_bin(a, ev->sta, 6);
		ev->have |= FP_HAVE_STA;
		break;
	case FSR_A_AID:
		ok = mnl_attr_validate(a, MNL_TYPE_U16) == 0;
		if (ok) {
			ev->aid = mnl_attr_get_u16(a);
			ev->have |= FP_HAVE_AID;
		}
		break;
	case FSR_A_AKM:
	case FSR_A_PAIRWISE:
		ok = mnl_attr_validate(a, MNL_TYPE_U32) == 0;
		if (ok && type == FSR_A_AKM) {
			ev->akm = mnl_attr_get_u32(a);
			ev->have |= FP_HAVE_AKM;
		} else if (ok) {
			ev->pairwise = mnl_attr_get_u32(a);
			ev->have |= FP_HAVE_PAIRWISE;
		}
		break;
	case FSR_A_PMK_R0_NAME:
		ok = get_bin(a, ev->pmk_r0_name, sizeof(ev->pmk_r0_name));
		ev->have |= FP_HAVE_R0_NAME;
		break;
	case FSR_A_PMK_R1_NAME:
		ok = get_bin(a, ev->pmk_r1_name, sizeof(ev->pmk_r1_name));
		ev->have |= FP_HAVE_R1_NAME;
		break;
	case FSR_A_R0KH_ID:
		ok = len >= 1 && len <= sizeof(ev->r0kh_id);
		if (ok) {
			memcpy(ev->r0kh_id, mnl_attr_get_payload(a), len);
			ev->r0kh_id_len = len;
			ev->have |= FP_HAVE_R0KH_ID;
		}
		break;
	case FSR_A_ANONCE:
		ok = get_bin(a, ev->anonce, sizeof(ev->anonce));
		ev->have |= FP_HAVE_ANONCE;
		break;
	case FSR_A_SNONCE:
		ok = get_bin(a, ev->snonce, sizeof(ev->snonce));
		ev->have |= FP_HAVE_SNONCE;
		break;
	case FSR_A_GTK_IDX:
	case FSR_A_WHY:
	case FSR_A_EVENT:
	case FSR_A_REASON:
		ok = mnl_attr_validate(a, MNL_TYPE_U8) == 0;
		if (!ok)
			break;
		if (type == FSR_A_GTK_IDX) {
			ev->gtk_idx = mnl_attr_get_u8(a);
			ev->have |= FP_HAVE_GTK_IDX;
		} else if (type == FSR_A_WHY) {
			ev->why = mnl_attr_get_u8(a);
			ev->have |= FP_HAVE_WHY;
		} else if (type == FSR_A_EVENT) {
			ev->event = mnl_attr_get_u8(a);
			ev->have |= FP_HAVE_EVENT;
		} else {
			ev->reason = mnl_attr_get_u8(a);
			ev->have |= FP_HAVE_REASON;
		}
		break;
	case FSR_A_STATUS:
		ok = mnl_attr_validate(a, MNL_TYPE_U16) == 0;
		if (ok) {
			ev->status = mnl_attr_get_u16(a);
			ev->have |= FP_HAVE_STATUS;
		}
		break;
	case FSR_A_SERVICE_NS:
		ok = mnl_attr_validate(a, MNL_TYPE_U64) == 0;
		if (ok) {
			ev->service_ns = mnl_attr_get_u64(a);
			ev->have |= FP_HAVE_SERVICE_NS;
		}
		break;
	default:
		break;
	}
	return ok ? 0 : -EBADMSG;
}

int fastpath_parse_event(const struct nlmsghdr *nlh,
			 struct fastpath_event *ev)
{
	const struct genlmsghdr *g;
	const struct nlattr *a;
	int ret;

	memset(ev, 0, sizeof(*ev));
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + sizeof(*g))
		return -EBADMSG;
	g = mnl_nlmsg_get_payload(nlh);
	ev->cmd = g->cmd;
	mnl_attr_for_each(a, nlh, sizeof(*g)) {
		ret = parse_attr(a, ev);
		if (ret)
			return ret;
	}
	return 0;
}

int fastpath_put_ds_request(struct nlmsghdr *req, size_t size, int ifindex,
			    const uint8_t *sta, const uint8_t *ies,
			    size_t len)
{
	if (len < 2 || len > FSR_DS_IES_MAX)
		return -EINVAL;
	if (!mnl_attr_put_u32_check(req, size, FSR_A_IFINDEX,
				    (uint32_t)ifindex) ||
	    !put(req, size, FSR_A_STA_ADDR, 6, sta) ||
	    !put(req, size, FSR_A_IES, len, ies))
		return -ENOSPC;
	return 0;
}

int fastpath_parse_ds_reply(const struct nlmsghdr *nlh,
			    struct fastpath_ds_reply *r)
{
	const struct genlmsghdr *g;
	const struct nlattr *a;
	bool why = false;

	memset(r, 0, sizeof(*r));
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + sizeof(*g))
		return -EBADMSG;
	g = mnl_nlmsg_get_payload(nlh);
	if (g->cmd != FSR_CMD_FT_DS_REQUEST)
		return -EBADMSG;
	mnl_attr_for_each(a, nlh, sizeof(*g)) {
		switch (mnl_attr_get_type(a)) {
		case FSR_A_IES:
			if (r->served || mnl_attr_get_payload_len(a) < 2)
				return -EBADMSG;
			r->served = true;
			r->ies = mnl_attr_get_payload(a);
			r->ies_len = mnl_attr_get_payload_len(a);
			break;
		case FSR_A_WHY:
			if (why || mnl_attr_validate(a, MNL_TYPE_U8) < 0)
				return -EBADMSG;
			why = true;
			r->why = mnl_attr_get_u8(a);
			break;
		default:
			break;	/* a newer kernel's */
		}
	}
	return r->served == why ? -EBADMSG : 0;
}

bool fastpath_aid_pool(unsigned int max_stations, uint16_t *aid_min,
		       uint16_t *aid_max)
{
	unsigned int hi;

	if (!max_stations || max_stations >= AID_LIMIT)
		return false;
	hi = 2 * max_stations;
	*aid_min = (uint16_t)(max_stations + 1);
	*aid_max = (uint16_t)(hi > AID_LIMIT ? AID_LIMIT : hi);
	return true;
}

uint32_t fastpath_deadline_ms(uint32_t tu)
{
	uint64_t ms = ((uint64_t)tu * 1024 + 999) / 1000;

	if (ms < 100)
		return 100;
	return ms > 60000 ? 60000 : (uint32_t)ms;
}

int fastpath_adopt_keys(const struct fsr_ft_pmk_r0 *r0, uint32_t cipher,
			const uint8_t *r1kh_id, const uint8_t *bssid,
			const struct fastpath_event *ev,
			struct fsr_ft_ptk *ptk)
{
	struct fsr_ft_suite s;
	struct fsr_ft_pmk_r1 r1;
	int ret;

	memset(ptk, 0, sizeof(*ptk));
	if (memcmp(r0->name, ev->pmk_r0_name, FSR_FT_NAME_LEN))
		return -EKEYREJECTED;
	ret = fsr_ft_suite_init(&s, ev->akm, cipher);
	if (ret)
		return ret;
	ret = fsr_ft_derive_pmk_r1(&s, r0, r1kh_id, ev->sta, &r1);
	if (!ret && memcmp(r1.name, ev->pmk_r1_name, FSR_FT_NAME_LEN))
		ret = -EKEYREJECTED;
	if (!ret)
		ret = fsr_ft_derive_ptk(&s, r1.key, r1.key_len, r1.name,
					ev->snonce, ev->anonce, bssid, ev->sta,
					ptk);
	explicit_bzero(&r1, sizeof(r1));
	if (ret)
		explicit_bzero(ptk, sizeof(*ptk));
	return ret;
}

int fastpath_adopt_keys_r1(const struct fsr_ft_pmk_r1 *r1, uint32_t cipher,
			   const uint8_t *bssid,
			   const struct fastpath_event *ev,
			   struct fsr_ft_ptk *ptk)
{
	struct fsr_ft_suite s;
	int ret;

	memset(ptk, 0, sizeof(*ptk));
	if (memcmp(r1->name, ev->pmk_r1_name, FSR_FT_NAME_LEN))
		return -EKEYREJECTED;
	ret = fsr_ft_suite_init(&s, ev->akm, cipher);
	if (!ret && r1->key_len != s.pmk_len)
		ret = -EKEYREJECTED;
	if (!ret)
		ret = fsr_ft_derive_ptk(&s, r1->key, r1->key_len, r1->name,
					ev->snonce, ev->anonce, bssid, ev->sta,
					ptk);
	if (ret)
		explicit_bzero(ptk, sizeof(*ptk));
	return ret;
}
