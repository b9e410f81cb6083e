// SPDX-License-Identifier: GPL-2.0-only
/* fsr's Portal roaming messages: TLVs built and read (portal_roam_msg.h).
 * Pure. */
#include <errno.h>
#include <string.h>

#include "mobility/portal_roam_msg.h"

#define TLV(ty, l, v) (t[n++] = (struct rrb_tlv){ (ty), (uint16_t)(l), (v) })

uint8_t rrb_portal_subtype(uint8_t op)
{
	return op == RRB_PORTAL_PASS || op == RRB_PORTAL_DROP ?
	       RRB_FSR_PORTAL_PASS : RRB_FSR_PORTAL_HERE;
}

static void put_le64(uint8_t *p, uint64_t v)
{
	rrb_put_le32(p, (uint32_t)v);
	rrb_put_le32(p + 4, (uint32_t)(v >> 32));
}

static uint64_t get_le64(const uint8_t *p)
{
	return rrb_get_le32(p) | (uint64_t)rrb_get_le32(p + 4) << 32;
}

size_t rrb_portal_tlvs(const struct rrb_portal *p, struct rrb_portal_buf *buf,
		       struct rrb_tlv *t)
{
	size_t n = 0, l;

	buf->op = p->op;
	buf->ip[0] = (uint8_t)(p->ip >> 24);
	buf->ip[1] = (uint8_t)(p->ip >> 16);
	buf->ip[2] = (uint8_t)(p->ip >> 8);
	buf->ip[3] = (uint8_t)p->ip;
	TLV(RRB_T_FSR_PORTAL_OP, 1, &buf->op);
	TLV(RRB_T_S1KH_ID, 6, p->sta);
	TLV(RRB_T_FSR_IPV4, 4, buf->ip);
	l = strnlen(p->session_id, PORTAL_ROAM_ID_MAX);
	if (l)
		TLV(RRB_T_FSR_SESSION_ID, l, (const uint8_t *)p->session_id);
	l = strnlen(p->user, PORTAL_ROAM_USER_MAX);
	if (l)
		TLV(RRB_T_IDENTITY, l, (const uint8_t *)p->user);
	if (p->has_counters) {
		put_le64(buf->counters, p->in_octets);
		put_le64(buf->counters + 8, p->out_octets);
		put_le64(buf->counters + 16, p->in_packets);
		put_le64(buf->counters + 24, p->out_packets);
		rrb_put_le32(buf->inactive, p->inactive_ms);
		TLV(RRB_T_FSR_COUNTERS, 32, buf->counters);
		TLV(RRB_T_FSR_INACTIVE, 4, buf->inactive);
	}
	return n;
}

static bool printable(const uint8_t *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < 0x21 || s[i] > 0x7e)
			return false;
	return true;
}

static int parse(uint8_t subtype, const uint8_t *plain, size_t len,
		 struct rrb_portal *p)
{
	const uint8_t *v;
	struct rrb_tlv t;
	bool pass_side;

	if (rrb_tlv_fixed(plain, len, RRB_T_FSR_PORTAL_OP, 1, &v))
		return -EBADMSG;
	p->op = v[0];
	if (p->op < RRB_PORTAL_PASS || p->op > RRB_PORTAL_LEFT)
		return -EBADMSG;
	pass_side = p->op == RRB_PORTAL_PASS || p->op == RRB_PORTAL_DROP;
	if (pass_side != (subtype == RRB_FSR_PORTAL_PASS) ||
	    (!pass_side && subtype != RRB_FSR_PORTAL_HERE))
		return -EBADMSG;
	if (rrb_tlv_fixed(plain, len, RRB_T_S1KH_ID, 6, &v) || (v[0] & 1))
		return -EBADMSG;
	memcpy(p->sta, v, 6);
	if (rrb_tlv_fixed(plain, len, RRB_T_FSR_IPV4, 4, &v))
		return -EBADMSG;
	p->ip = (uint32_t)v[0] << 24 | (uint32_t)v[1] << 16 |
		(uint32_t)v[2] << 8 | v[3];
	/* a station's unicast address: not 0.0.0.0, no multicast or
	 * limited broadcast */
	if (!p->ip || p->ip >= 0xe0000000u)
		return -EBADMSG;
	if (rrb_tlv_find(plain, len, RRB_T_FSR_SESSION_ID, &t) || !t.len ||
	    t.len > PORTAL_ROAM_ID_MAX || !printable(t.val, t.len))
		return -EBADMSG;
	memcpy(p->session_id, t.val, t.len);
	switch (rrb_tlv_find(plain, len, RRB_T_IDENTITY, &t)) {
	case 0:
		if (!t.len || t.len > PORTAL_ROAM_USER_MAX ||
		    memchr(t.val, 0, t.len))
			return -EBADMSG;
		memcpy(p->user, t.val, t.len);
		break;
	case -ENOENT:
		break;
	default:
		return -EBADMSG;
	}
	switch (rrb_tlv_fixed(plain, len, RRB_T_FSR_COUNTERS, 32, &v)) {
	case 0:
		p->has_counters = true;
		p->in_octets = get_le64(v);
		p->out_octets = get_le64(v + 8);
		p->in_packets = get_le64(v + 16);
		p->out_packets = get_le64(v + 24);
		break;
	case 1:
		break;
	default:
		return -EBADMSG;
	}
	switch (rrb_tlv_fixed(plain, len, RRB_T_FSR_INACTIVE, 4, &v)) {
	case 0:
		if (!p->has_counters)
			return -EBADMSG;
		p->inactive_ms = rrb_get_le32(v);
		break;
	case 1:
		if (p->has_counters)
			return -EBADMSG;
		break;
	default:
		return -EBADMSG;
	}
	if ((p->op == RRB_PORTAL_STATS || p->op == RRB_PORTAL_LEFT) &&
	    !p->has_counters)
		return -EBADMSG;
	return 0;
}

int rrb_portal_parse(uint8_t subtype, const uint8_t *plain, size_t len,
		     struct rrb_portal *p)
{
	int ret;

	memset(p, 0, sizeof(*p));
	ret = parse(subtype, plain, len, p);
	if (ret)
		memset(p, 0, sizeof(*p));
	return ret;
}

const char *rrb_portal_op_name(uint8_t op)
{
	static const char *const names[] = {
		[RRB_PORTAL_PASS] = "PASS", [RRB_PORTAL_DROP] = "DROP",
		[RRB_PORTAL_HERE] = "HERE", [RRB_PORTAL_STATS] = "STATS",
		[RRB_PORTAL_LEFT] = "LEFT",
	};

	return op < sizeof(names) / sizeof(names[0]) && names[op] ?
	       names[op] : "?";
}
