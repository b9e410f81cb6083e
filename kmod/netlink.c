// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */
/*
 * The "fsr" generic netlink family (uapi/linux/fsr.h).
 *
 * Every operation has its own policy listing only the attributes it
 * accepts; with strict validation (resv_start_op 0) any other attribute
 * is refused by the core with "Unsupported attribute".
 */

#include "netlink.h"
#include "bss.h"
#include "ft.h"
#include "ft/ft_ie.h"
#include "main.h"
#include "pmk_cache.h"

#include <linux/build_bug.h>
#include <linux/etherdevice.h>
#include <linux/fsr.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

enum fsr_nl_mcgrp {
	FSR_NL_MCGRP_EVENTS,
};

static struct genl_family fsr_nl_family;

/* Events are only sent while the family is registered. */
static bool fsr_nl_live;

/* Dump cursors, kept in netlink_callback.ctx. */
struct fsr_nl_pmk_cursor {
	struct fsr_pmk_key last;
	bool started;
};

struct fsr_nl_bss_cursor {
	int last_ifindex;
};

static_assert(sizeof(struct fsr_nl_pmk_cursor) <=
	      sizeof_field(struct netlink_callback, ctx));
static_assert(sizeof(struct fsr_nl_bss_cursor) <=
	      sizeof_field(struct netlink_callback, ctx));

/*
 * AKM and cipher are checked here rather than with NLA_POLICY_VALIDATE_FN:
 * on 6.1 the policy dump that netlink_ack() attaches to a rejected integer
 * attribute reads a validation function pointer as a range and WARNs.
 */
static int fsr_nl_check_akm(const struct nlattr *attr,
			    struct netlink_ext_ack *extack)
{
	switch (nla_get_u32(attr)) {
	case FSR_AKM_FT_8021X:
	case FSR_AKM_FT_PSK:
	case FSR_AKM_FT_8021X_SHA384:
		return 0;
	}
	NL_SET_ERR_MSG_ATTR(extack, attr, "unsupported AKM suite");
	return -EINVAL;
}

static int fsr_nl_check_cipher(const struct nlattr *attr,
			       struct netlink_ext_ack *extack)
{
	switch (nla_get_u32(attr)) {
	case FSR_CIPHER_CCMP_128:
	case FSR_CIPHER_GCMP_128:
	case FSR_CIPHER_GCMP_256:
	case FSR_CIPHER_CCMP_256:
		return 0;
	}
	NL_SET_ERR_MSG_ATTR(extack, attr, "unsupported pairwise cipher suite");
	return -EINVAL;
}

static struct netlink_range_validation fsr_nl_lifetime_range = {
	.min = 1,
	.max = INT_MAX,
};

static const struct nla_policy fsr_nl_none_policy[FSR_A_MAX + 1] = {
};

static const struct nla_policy fsr_nl_ifindex_policy[FSR_A_MAX + 1] = {
	[FSR_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
};

static const struct nla_policy fsr_nl_pmk_add_policy[FSR_A_MAX + 1] = {
	[FSR_A_STA_ADDR] = NLA_POLICY_ETH_ADDR,
	[FSR_A_PMK_R1_NAME] = NLA_POLICY_EXACT_LEN(FSR_PMK_NAME_LEN),
	[FSR_A_PMK_R0_NAME] = NLA_POLICY_EXACT_LEN(FSR_PMK_NAME_LEN),
	[FSR_A_R0KH_ID] = NLA_POLICY_RANGE(NLA_BINARY, 1, FSR_R0KH_ID_MAX_LEN),
	[FSR_A_R1KH_ID] = NLA_POLICY_ETH_ADDR,
	[FSR_A_AKM] = { .type = NLA_U32 },
	[FSR_A_PAIRWISE] = { .type = NLA_U32 },
	[FSR_A_LIFETIME] = NLA_POLICY_FULL_RANGE(NLA_U32,
						 &fsr_nl_lifetime_range),
	[FSR_A_PMK_KEY] = NLA_POLICY_RANGE(NLA_BINARY, FSR_PMK_R1_LEN,
					   FSR_PMK_R1_SHA384_LEN),
	[FSR_A_PMK_ORIGIN] = NLA_POLICY_MAX(NLA_U8, FSR_PMK_ORIGIN_MAX),
};

static struct netlink_range_validation fsr_nl_deadline_range = {
	.min = 100,
	.max = 60000,
};

/* FSR_FT_A_READY is reply-only: strict validation refuses it in BSS_SET. */
static const struct nla_policy fsr_nl_ft_policy[FSR_FT_A_MAX + 1] = {
	[FSR_FT_A_ENABLE] = NLA_POLICY_MAX(NLA_U8, 1),
	[FSR_FT_A_MDE] = NLA_POLICY_EXACT_LEN(FSR_FT_MDE_LEN),
	[FSR_FT_A_R1KH_ID] = NLA_POLICY_ETH_ADDR,
	[FSR_FT_A_RSNE] = NLA_POLICY_RANGE(NLA_BINARY, 4, FSR_FT_RSNE_MAX),
	[FSR_FT_A_CAPAB] = { .type = NLA_U16 },
	[FSR_FT_A_RESP_IES_HEAD] = NLA_POLICY_RANGE(NLA_BINARY, 0,
						    FSR_FT_HEAD_MAX),
	[FSR_FT_A_RESP_IES_TAIL] = NLA_POLICY_RANGE(NLA_BINARY, 0,
						    FSR_FT_TAIL_MAX),
	[FSR_FT_A_AID_MIN] = NLA_POLICY_RANGE(NLA_U16, 1, FSR_FT_AID_LIMIT),
	[FSR_FT_A_AID_MAX] = NLA_POLICY_RANGE(NLA_U16, 1, FSR_FT_AID_LIMIT),
	[FSR_FT_A_DEADLINE_MS] = NLA_POLICY_FULL_RANGE(NLA_U32,
						       &fsr_nl_deadline_range),
	[FSR_FT_A_GTK] = NLA_POLICY_RANGE(NLA_BINARY, 16, FSR_FT_GTK_MAX),
	[FSR_FT_A_GTK_IDX] = NLA_POLICY_RANGE(NLA_U8, 1, 3),
};

static const struct nla_policy fsr_nl_bss_set_policy[FSR_A_MAX + 1] = {
	[FSR_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[FSR_A_FT] = NLA_POLICY_NESTED(fsr_nl_ft_policy),
};

static const struct nla_policy fsr_nl_pmk_del_policy[FSR_A_MAX + 1] = {
	[FSR_A_STA_ADDR] = NLA_POLICY_ETH_ADDR,
	[FSR_A_PMK_R1_NAME] = NLA_POLICY_EXACT_LEN(FSR_PMK_NAME_LEN),
};

static const struct nla_policy fsr_nl_pmk_flush_policy[FSR_A_MAX + 1] = {
	[FSR_A_STA_ADDR] = NLA_POLICY_ETH_ADDR,
};

static const struct nla_policy fsr_nl_ft_ds_policy[FSR_A_MAX + 1] = {
	[FSR_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[FSR_A_STA_ADDR] = NLA_POLICY_ETH_ADDR,
	[FSR_A_IES] = NLA_POLICY_RANGE(NLA_BINARY, 2, FSR_DS_IES_MAX),
};

/* True, with extack set, if one of the @n attributes in @types is absent. */
static bool fsr_nl_missing(struct genl_info *info, const u16 *types, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (GENL_REQ_ATTR_CHECK(info, types[i])) {
			NL_SET_ERR_MSG_MOD(info->extack,
					   "missing required attribute");
			return true;
		}
	}
	return false;
}

/* Building an event is pointless if nobody in @net listens. */
static bool fsr_nl_listened(struct net *net)
{
	return READ_ONCE(fsr_nl_live) &&
	       genl_has_listeners(&fsr_nl_family, net, FSR_NL_MCGRP_EVENTS);
}

static void fsr_nl_multicast(struct net *net, struct sk_buff *msg)
{
	rcu_read_lock();
	if (READ_ONCE(fsr_nl_live))
		genlmsg_multicast_netns(&fsr_nl_family, net, msg, 0,
					FSR_NL_MCGRP_EVENTS, GFP_ATOMIC);
	else
		nlmsg_free(msg);
	rcu_read_unlock();
}

static int fsr_nl_put_pmk_id(struct sk_buff *msg,
			     const struct fsr_pmk_info *info)
{
	if (nla_put(msg, FSR_A_STA_ADDR, ETH_ALEN, info->id.sta) ||
	    nla_put(msg, FSR_A_PMK_R1_NAME, FSR_PMK_NAME_LEN,
		    info->id.r1_name))
		return -EMSGSIZE;
	return 0;
}

/*
 * Start an event: NULL when nobody in @net listens (building it would be
 * pointless) or memory ran out. Events are best effort, like every
 * netlink notification; a listener that misses one sees the state in the
 * next dump.
 */
static struct sk_buff *fsr_nl_ntf_new_gfp(struct net *net, u8 cmd, u8 event,
					  u8 reason, size_t size, void **hdr,
					  gfp_t gfp)
{
	struct sk_buff *msg;

	if (!fsr_nl_listened(net))
		return NULL;
	/* @size: the attributes after EVENT and REASON, exactly */
	size += 2 * nla_total_size(sizeof(u8));
	msg = genlmsg_new(size, gfp);
	if (!msg)
		return NULL;
	*hdr = genlmsg_put(msg, 0, 0, &fsr_nl_family, 0, cmd);
	if (!*hdr || nla_put_u8(msg, FSR_A_EVENT, event) ||
	    (reason && nla_put_u8(msg, FSR_A_REASON, reason))) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

static struct sk_buff *fsr_nl_ntf_new(struct net *net, u8 cmd, u8 event,
				      u8 reason, size_t size, void **hdr)
{
	return fsr_nl_ntf_new_gfp(net, cmd, event, reason, size, hdr,
				  GFP_KERNEL);
}

static void fsr_nl_ntf_send(struct net *net, struct sk_buff *msg, void *hdr)
{
	genlmsg_end(msg, hdr);
	fsr_nl_multicast(net, msg);
}

void fsr_nl_pmk_notify(struct net *net, const struct fsr_pmk_info *info,
		       u8 event, u8 reason)
{
	struct sk_buff *msg;
	void *hdr;

	msg = fsr_nl_ntf_new(net, FSR_CMD_PMK_NTF, event, reason,
			     nla_total_size(ETH_ALEN) +
			     nla_total_size(FSR_PMK_NAME_LEN) +
			     nla_total_size(ETH_ALEN) +
			     nla_total_size(sizeof(u32)) +
			     nla_total_size(sizeof(u8)), &hdr);
	if (!msg)
		return;
	if (fsr_nl_put_pmk_id(msg, info) ||
	    nla_put(msg, FSR_A_R1KH_ID, ETH_ALEN, info->r1kh_id) ||
	    nla_put_u32(msg, FSR_A_AKM, info->akm) ||
	    nla_put_u8(msg, FSR_A_PMK_ORIGIN, info->origin)) {
		nlmsg_free(msg);
		return;
	}
	fsr_nl_ntf_send(net, msg, hdr);
}

void fsr_nl_bss_notify(struct net *net, int ifindex, const char *ifname,
		       u8 event, u8 reason)
{
	struct sk_buff *msg;
	void *hdr;

	msg = fsr_nl_ntf_new(net, FSR_CMD_BSS_NTF, event, reason,
			     nla_total_size(sizeof(u32)) +
			     nla_total_size(strlen(ifname) + 1), &hdr);
	if (!msg)
		return;
	if (nla_put_u32(msg, FSR_A_IFINDEX, ifindex) ||
	    nla_put_string(msg, FSR_A_IFNAME, ifname)) {
		nlmsg_free(msg);
		return;
	}
	fsr_nl_ntf_send(net, msg, hdr);
}

/* The size of what fsr_nl_put_sta_ntf() puts, exactly. */
static size_t fsr_nl_sta_ntf_size(const struct fsr_sta_ntf *n)
{
	size_t size = nla_total_size(sizeof(u32)) + nla_total_size(ETH_ALEN);

	if (n->fields & FSR_NTF_STATUS)
		size += nla_total_size(sizeof(u16));
	if (n->fields & FSR_NTF_WHY)
		size += nla_total_size(sizeof(u8));
	if (n->fields & FSR_NTF_SERVICE)
		size += nla_total_size_64bit(sizeof(u64));
	if (n->fields & FSR_NTF_NAMES)
		size += nla_total_size(FSR_PMK_NAME_LEN);
	if (n->fields & FSR_NTF_STA)
		size += nla_total_size(sizeof(u16)) +
			2 * nla_total_size(sizeof(u32)) +
			nla_total_size(FSR_PMK_NAME_LEN) +
			nla_total_size(n->r0kh_id_len) +
			nla_total_size(sizeof(n->anonce)) +
			nla_total_size(sizeof(n->snonce)) +
			nla_total_size(sizeof(u8));
	return size;
}

/* Never a key: the nonces and names are public (sent in the clear). */
static int fsr_nl_put_sta_ntf(struct sk_buff *msg, const struct fsr_sta_ntf *n)
{
	if (nla_put_u32(msg, FSR_A_IFINDEX, n->ifindex) ||
	    nla_put(msg, FSR_A_STA_ADDR, ETH_ALEN, n->sta))
		return -EMSGSIZE;
	if ((n->fields & FSR_NTF_STATUS) &&
	    nla_put_u16(msg, FSR_A_STATUS, n->status))
		return -EMSGSIZE;
	if ((n->fields & FSR_NTF_WHY) && nla_put_u8(msg, FSR_A_WHY, n->why))
		return -EMSGSIZE;
	if ((n->fields & FSR_NTF_SERVICE) &&
	    nla_put_u64_64bit(msg, FSR_A_SERVICE_NS, n->service_ns,
			      FSR_A_PAD))
		return -EMSGSIZE;
	if ((n->fields & FSR_NTF_NAMES) &&
	    nla_put(msg, FSR_A_PMK_R1_NAME, FSR_PMK_NAME_LEN, n->r1_name))
		return -EMSGSIZE;
	if (!(n->fields & FSR_NTF_STA))
		return 0;
	if (nla_put_u16(msg, FSR_A_AID, n->aid) ||
	    nla_put_u32(msg, FSR_A_AKM, n->akm) ||
	    nla_put_u32(msg, FSR_A_PAIRWISE, n->pairwise) ||
	    nla_put(msg, FSR_A_PMK_R0_NAME, FSR_PMK_NAME_LEN, n->r0_name) ||
	    nla_put(msg, FSR_A_R0KH_ID, n->r0kh_id_len, n->r0kh_id) ||
	    nla_put(msg, FSR_A_ANONCE, sizeof(n->anonce), n->anonce) ||
	    nla_put(msg, FSR_A_SNONCE, sizeof(n->snonce), n->snonce) ||
	    nla_put_u8(msg, FSR_A_GTK_IDX, n->gtk_idx))
		return -EMSGSIZE;
	return 0;
}

void fsr_nl_sta_notify(struct net *net, const struct fsr_sta_ntf *n,
		       gfp_t gfp)
{
	struct sk_buff *msg;
	void *hdr;

	msg = fsr_nl_ntf_new_gfp(net, FSR_CMD_STA_NTF, n->event, 0,
				 fsr_nl_sta_ntf_size(n), &hdr, gfp);
	if (!msg)
		return;
	if (fsr_nl_put_sta_ntf(msg, n)) {
		nlmsg_free(msg);
		return;
	}
	fsr_nl_ntf_send(net, msg, hdr);
}

static int fsr_nl_info_get(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	u32 pmk_count, generation;
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg) {
		NL_SET_ERR_MSG_MOD(info->extack, "out of memory");
		return -ENOMEM;
	}
	hdr = genlmsg_put_reply(msg, info, &fsr_nl_family, 0,
				FSR_CMD_INFO_GET);
	if (!hdr)
		goto err_size;
	fsr_pmk_counts(net, &pmk_count, &generation);
	if (nla_put_string(msg, FSR_A_VERSION, FSR_MODULE_VERSION) ||
	    nla_put_u8(msg, FSR_A_HOOK, fsr_rx_hook_active()) ||
	    nla_put_u32(msg, FSR_A_PMK_COUNT, pmk_count) ||
	    nla_put_u32(msg, FSR_A_PMK_MAX, READ_ONCE(fsr_pmk_max)) ||
	    nla_put_u32(msg, FSR_A_BSS_COUNT, fsr_bss_count(net)) ||
	    nla_put_u32(msg, FSR_A_GENERATION, generation))
		goto err_size;
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

err_size:
	nlmsg_free(msg);
	NL_SET_ERR_MSG_MOD(info->extack, "reply does not fit");
	return -EMSGSIZE;
}

static const u16 fsr_nl_ifindex_req[] = { FSR_A_IFINDEX };

static int fsr_nl_bss_attach(struct sk_buff *skb, struct genl_info *info)
{
	if (fsr_nl_missing(info, fsr_nl_ifindex_req,
			   ARRAY_SIZE(fsr_nl_ifindex_req)))
		return -EINVAL;
	return fsr_bss_attach(genl_info_net(info),
			      nla_get_u32(info->attrs[FSR_A_IFINDEX]),
			      info->extack);
}

static int fsr_nl_bss_detach(struct sk_buff *skb, struct genl_info *info)
{
	if (fsr_nl_missing(info, fsr_nl_ifindex_req,
			   ARRAY_SIZE(fsr_nl_ifindex_req)))
		return -EINVAL;
	return fsr_bss_detach(genl_info_net(info),
			      nla_get_u32(info->attrs[FSR_A_IFINDEX]),
			      info->extack);
}

/* A list of whole elements: every header and body inside @len. */
static bool fsr_nl_ies_ok(const u8 *ies, size_t len)
{
	size_t pos = 0;

	while (pos < len) {
		if (len - pos < 2 || (size_t)ies[pos + 1] + 2 > len - pos)
			return false;
		pos += ies[pos + 1] + 2;
	}
	return true;
}

/* The BSS RSNE must parse and offer at least one FT AKM the kernel serves. */
static int fsr_nl_check_rsne(const struct nlattr *attr,
			     struct netlink_ext_ack *extack)
{
	const u8 *ie = nla_data(attr);
	size_t len = nla_len(attr);
	enum fsr_ft_parse_err why;
	struct fsr_ie_rsne r;
	bool ft = false;
	unsigned int i;

	if (ie[0] != FSR_EID_RSN || (size_t)ie[1] + 2 != len) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "RSNE must be one whole RSN element");
		return -EINVAL;
	}
	if (fsr_ie_parse_rsne(ie, len, &r, &why)) {
		NL_SET_ERR_MSG_ATTR(extack, attr, "RSNE does not parse");
		return -EINVAL;
	}
	for (i = 0; i < r.n_akm; i++) {
		switch (fsr_get_suite(r.akm + 4 * i)) {
		case FSR_AKM_FT_8021X:
		case FSR_AKM_FT_PSK:
		case FSR_AKM_FT_8021X_SHA384:
			ft = true;
		}
	}
	if (!ft) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "RSNE lists no FT AKM the fast path serves");
		return -EINVAL;
	}
	return 0;
}

static int fsr_nl_ft_parse(struct genl_info *info, struct fsr_ft_update *u)
{
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr *tb[FSR_FT_A_MAX + 1];
	struct fsr_ft_conf *c = &u->conf;
	int ret, i;

	ret = nla_parse_nested(tb, FSR_FT_A_MAX, info->attrs[FSR_A_FT],
			       fsr_nl_ft_policy, extack);
	if (ret)
		return ret;
	for (i = 1; i <= FSR_FT_A_MAX; i++)
		if (tb[i])
			u->present |= BIT(i);

	if (tb[FSR_FT_A_ENABLE])
		c->pub.enable = nla_get_u8(tb[FSR_FT_A_ENABLE]);
	if (tb[FSR_FT_A_MDE]) {
		const u8 *m = nla_data(tb[FSR_FT_A_MDE]);

		if (m[0] != FSR_EID_MDE || m[1] != 3) {
			NL_SET_ERR_MSG_ATTR(extack, tb[FSR_FT_A_MDE],
					    "MDE must be a Mobility Domain element of length 3");
			return -EINVAL;
		}
		memcpy(c->pub.mde, m, FSR_FT_MDE_LEN);
	}
	if (tb[FSR_FT_A_R1KH_ID])
		memcpy(c->pub.r1kh_id, nla_data(tb[FSR_FT_A_R1KH_ID]),
		       ETH_ALEN);
	if (tb[FSR_FT_A_RSNE]) {
		ret = fsr_nl_check_rsne(tb[FSR_FT_A_RSNE], extack);
		if (ret)
			return ret;
		c->pub.rsne_len = nla_len(tb[FSR_FT_A_RSNE]);
		memcpy(c->pub.rsne, nla_data(tb[FSR_FT_A_RSNE]),
		       c->pub.rsne_len);
	}
	if (tb[FSR_FT_A_CAPAB])
		c->pub.capab = nla_get_u16(tb[FSR_FT_A_CAPAB]);
	if (tb[FSR_FT_A_RESP_IES_HEAD]) {
		c->pub.head_len = nla_len(tb[FSR_FT_A_RESP_IES_HEAD]);
		memcpy(c->pub.head, nla_data(tb[FSR_FT_A_RESP_IES_HEAD]),
		       c->pub.head_len);
		if (!fsr_nl_ies_ok(c->pub.head, c->pub.head_len)) {
			NL_SET_ERR_MSG_ATTR(extack, tb[FSR_FT_A_RESP_IES_HEAD],
					    "malformed element list");
			return -EINVAL;
		}
	}
	if (tb[FSR_FT_A_RESP_IES_TAIL]) {
		c->pub.tail_len = nla_len(tb[FSR_FT_A_RESP_IES_TAIL]);
		memcpy(c->pub.tail, nla_data(tb[FSR_FT_A_RESP_IES_TAIL]),
		       c->pub.tail_len);
		if (!fsr_nl_ies_ok(c->pub.tail, c->pub.tail_len)) {
			NL_SET_ERR_MSG_ATTR(extack, tb[FSR_FT_A_RESP_IES_TAIL],
					    "malformed element list");
			return -EINVAL;
		}
	}
	if (tb[FSR_FT_A_AID_MIN])
		c->pub.aid_min = nla_get_u16(tb[FSR_FT_A_AID_MIN]);
	if (tb[FSR_FT_A_AID_MAX])
		c->pub.aid_max = nla_get_u16(tb[FSR_FT_A_AID_MAX]);
	if (tb[FSR_FT_A_AID_MIN] && tb[FSR_FT_A_AID_MAX] &&
	    c->pub.aid_min > c->pub.aid_max) {
		NL_SET_ERR_MSG_ATTR(extack, tb[FSR_FT_A_AID_MIN],
				    "AID_MIN is above AID_MAX");
		return -EINVAL;
	}
	if (tb[FSR_FT_A_DEADLINE_MS])
		c->pub.deadline_ms = nla_get_u32(tb[FSR_FT_A_DEADLINE_MS]);
	if (tb[FSR_FT_A_GTK]) {
		c->gtk_len = nla_len(tb[FSR_FT_A_GTK]);
		if (c->gtk_len != 16 && c->gtk_len != 32) {
			NL_SET_ERR_MSG_ATTR(extack, tb[FSR_FT_A_GTK],
					    "GTK must be 16 or 32 octets");
			return -EINVAL;
		}
		memcpy(c->gtk, nla_data(tb[FSR_FT_A_GTK]), c->gtk_len);
	}
	if (tb[FSR_FT_A_GTK_IDX])
		c->pub.gtk_idx = nla_get_u8(tb[FSR_FT_A_GTK_IDX]);
	return 0;
}

/* The GTK in the request skb: wiped whatever happens. */
static void fsr_nl_wipe_gtk(struct genl_info *info)
{
	struct nlattr *ft = info->attrs[FSR_A_FT];
	struct nlattr *a;
	int rem;

	if (!ft)
		return;
	nla_for_each_nested(a, ft, rem)
		if (nla_type(a) == FSR_FT_A_GTK)
			memzero_explicit(nla_data(a), nla_len(a));
}

static const u16 fsr_nl_bss_set_req[] = { FSR_A_IFINDEX, FSR_A_FT };

static int fsr_nl_bss_set(struct sk_buff *skb, struct genl_info *info)
{
	struct fsr_ft_update *u;
	int ret;

	if (fsr_nl_missing(info, fsr_nl_bss_set_req,
			   ARRAY_SIZE(fsr_nl_bss_set_req))) {
		ret = -EINVAL;
		goto out_wipe;
	}
	u = kzalloc(sizeof(*u), GFP_KERNEL);
	if (!u) {
		NL_SET_ERR_MSG_MOD(info->extack, "out of memory");
		ret = -ENOMEM;
		goto out_wipe;
	}
	ret = fsr_nl_ft_parse(info, u);
	if (!ret)
		ret = fsr_bss_ft_set(genl_info_net(info),
				     nla_get_u32(info->attrs[FSR_A_IFINDEX]),
				     u, info->extack);
	kfree_sensitive(u);
out_wipe:
	fsr_nl_wipe_gtk(info);
	return ret;
}

static int fsr_nl_put_ft(struct sk_buff *msg, const struct fsr_ft_public *ft)
{
	struct nlattr *nest;

	nest = nla_nest_start(msg, FSR_A_FT);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u8(msg, FSR_FT_A_ENABLE, ft->enable) ||
	    nla_put_u8(msg, FSR_FT_A_READY, ft->ready) ||
	    (ft->has_mde &&
	     nla_put(msg, FSR_FT_A_MDE, FSR_FT_MDE_LEN, ft->mde)) ||
	    (ft->has_r1kh &&
	     nla_put(msg, FSR_FT_A_R1KH_ID, ETH_ALEN, ft->r1kh_id)) ||
	    (ft->rsne_len &&
	     nla_put(msg, FSR_FT_A_RSNE, ft->rsne_len, ft->rsne)) ||
	    nla_put_u16(msg, FSR_FT_A_CAPAB, ft->capab) ||
	    nla_put(msg, FSR_FT_A_RESP_IES_HEAD, ft->head_len, ft->head) ||
	    nla_put(msg, FSR_FT_A_RESP_IES_TAIL, ft->tail_len, ft->tail) ||
	    (ft->aid_min && nla_put_u16(msg, FSR_FT_A_AID_MIN, ft->aid_min)) ||
	    (ft->aid_max && nla_put_u16(msg, FSR_FT_A_AID_MAX, ft->aid_max)) ||
	    nla_put_u32(msg, FSR_FT_A_DEADLINE_MS, ft->deadline_ms) ||
	    (ft->gtk_idx && nla_put_u8(msg, FSR_FT_A_GTK_IDX, ft->gtk_idx))) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int fsr_nl_put_hist(struct sk_buff *msg, int type, const u64 *hist)
{
	struct nlattr *nest;
	int i;

	nest = nla_nest_start(msg, type);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < FSR_HIST_BUCKETS; i++) {
		if (!hist[i])
			continue;
		if (nla_put_u64_64bit(msg, i + 1, hist[i], 0)) {
			nla_nest_cancel(msg, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int fsr_nl_put_bss(struct sk_buff *msg, const struct fsr_bss_view *v)
{
	struct nlattr *nest;
	int i;

	if (nla_put_u32(msg, FSR_A_IFINDEX, v->ifindex) ||
	    nla_put_string(msg, FSR_A_IFNAME, v->ifname) ||
	    nla_put(msg, FSR_A_BSSID, ETH_ALEN, v->bssid))
		return -EMSGSIZE;
	nest = nla_nest_start(msg, FSR_A_BSS_STATS);
	if (!nest)
		return -EMSGSIZE;
	for (i = FSR_STAT_RX_AUTH; i <= FSR_STAT_MAX; i++) {
		if (i == FSR_STAT_PAD)
			continue;
		if (nla_put_u64_64bit(msg, i, v->stats[i], FSR_STAT_PAD)) {
			nla_nest_cancel(msg, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(msg, nest);
	if (v->has_ft && fsr_nl_put_ft(msg, &v->ft))
		return -EMSGSIZE;
	if (fsr_nl_put_hist(msg, FSR_A_HIST_AUTH, v->hist[FSR_HIST_AUTH]) ||
	    fsr_nl_put_hist(msg, FSR_A_HIST_REASSOC,
			    v->hist[FSR_HIST_REASSOC]))
		return -EMSGSIZE;
	return 0;
}

static int fsr_nl_bss_get_do(struct sk_buff *skb, struct genl_info *info)
{
	struct fsr_bss_view *v;
	struct sk_buff *msg;
	void *hdr;
	int ret;

	if (fsr_nl_missing(info, fsr_nl_ifindex_req,
			   ARRAY_SIZE(fsr_nl_ifindex_req)))
		return -EINVAL;
	v = kmalloc(sizeof(*v), GFP_KERNEL);
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!v || !msg) {
		NL_SET_ERR_MSG_MOD(info->extack, "out of memory");
		ret = -ENOMEM;
		goto out;
	}
	ret = fsr_bss_get(genl_info_net(info),
			  nla_get_u32(info->attrs[FSR_A_IFINDEX]), v);
	if (ret) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[FSR_A_IFINDEX],
				    "interface is not attached");
		goto out;
	}
	hdr = genlmsg_put_reply(msg, info, &fsr_nl_family, 0,
				FSR_CMD_BSS_GET);
	if (!hdr || fsr_nl_put_bss(msg, v)) {
		NL_SET_ERR_MSG_MOD(info->extack, "reply does not fit");
		ret = -EMSGSIZE;
		goto out;
	}
	genlmsg_end(msg, hdr);
	ret = genlmsg_reply(msg, info);
	msg = NULL;
out:
	nlmsg_free(msg);
	kfree(v);
	return ret;
}

struct fsr_nl_dump_arg {
	struct sk_buff *skb;
	struct netlink_callback *cb;
};

static void *fsr_nl_dump_put(struct fsr_nl_dump_arg *a, u8 cmd)
{
	void *hdr;

	hdr = genlmsg_put(a->skb, NETLINK_CB(a->cb->skb).portid,
			  a->cb->nlh->nlmsg_seq, &fsr_nl_family, NLM_F_MULTI,
			  cmd);
	if (hdr)
		genl_dump_check_consistent(a->cb, hdr);
	return hdr;
}

/* What a dumpit returns once a walk stopped with @ret. */
static int fsr_nl_dump_ret(struct sk_buff *skb, int ret)
{
	if (ret == -EMSGSIZE && skb->len)
		return skb->len;
	if (ret)
		return ret;
	return skb->len;
}

static int fsr_nl_bss_dump_one(const struct fsr_bss_view *v, void *arg)
{
	struct fsr_nl_dump_arg *a = arg;
	struct fsr_nl_bss_cursor *cur = (void *)a->cb->ctx;
	void *hdr;

	hdr = fsr_nl_dump_put(a, FSR_CMD_BSS_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (fsr_nl_put_bss(a->skb, v)) {
		genlmsg_cancel(a->skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(a->skb, hdr);
	cur->last_ifindex = v->ifindex;
	return 0;
}

static int fsr_nl_bss_get_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct fsr_nl_bss_cursor *cur = (void *)cb->ctx;
	struct fsr_nl_dump_arg a = { .skb = skb, .cb = cb };
	int ret;

	ret = fsr_bss_walk(sock_net(skb->sk), cur->last_ifindex, &cb->seq,
			   fsr_nl_bss_dump_one, &a);
	return fsr_nl_dump_ret(skb, ret);
}

static const u16 fsr_nl_pmk_id_req[] = { FSR_A_STA_ADDR, FSR_A_PMK_R1_NAME };

static const u16 fsr_nl_pmk_add_req[] = {
	FSR_A_STA_ADDR, FSR_A_PMK_R1_NAME, FSR_A_PMK_R0_NAME, FSR_A_R0KH_ID,
	FSR_A_R1KH_ID, FSR_A_AKM, FSR_A_PAIRWISE, FSR_A_LIFETIME,
	FSR_A_PMK_KEY,
};

static int fsr_nl_pmk_parse(struct genl_info *info, struct fsr_pmk_secret *s)
{
	struct nlattr **tb = info->attrs;
	struct nlattr *key = tb[FSR_A_PMK_KEY];
	unsigned int want;

	memcpy(s->info.id.sta, nla_data(tb[FSR_A_STA_ADDR]), ETH_ALEN);
	if (!is_valid_ether_addr(s->info.id.sta)) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[FSR_A_STA_ADDR],
				    "station address must be unicast");
		return -EINVAL;
	}
	memcpy(s->info.id.r1_name, nla_data(tb[FSR_A_PMK_R1_NAME]),
	       FSR_PMK_NAME_LEN);
	memcpy(s->info.r0_name, nla_data(tb[FSR_A_PMK_R0_NAME]),
	       FSR_PMK_NAME_LEN);
	s->info.r0kh_id_len = nla_len(tb[FSR_A_R0KH_ID]);
	memcpy(s->info.r0kh_id, nla_data(tb[FSR_A_R0KH_ID]),
	       s->info.r0kh_id_len);
	memcpy(s->info.r1kh_id, nla_data(tb[FSR_A_R1KH_ID]), ETH_ALEN);
	if (fsr_nl_check_akm(tb[FSR_A_AKM], info->extack) ||
	    fsr_nl_check_cipher(tb[FSR_A_PAIRWISE], info->extack))
		return -EINVAL;
	s->info.akm = nla_get_u32(tb[FSR_A_AKM]);
	s->info.pairwise = nla_get_u32(tb[FSR_A_PAIRWISE]);
	s->info.lifetime = nla_get_u32(tb[FSR_A_LIFETIME]);
	s->info.origin = tb[FSR_A_PMK_ORIGIN] ?
			 nla_get_u8(tb[FSR_A_PMK_ORIGIN]) :
			 FSR_PMK_ORIGIN_UNKNOWN;

	want = s->info.akm == FSR_AKM_FT_8021X_SHA384 ?
	       FSR_PMK_R1_SHA384_LEN : FSR_PMK_R1_LEN;
	if (nla_len(key) != want) {
		NL_SET_ERR_MSG_ATTR(info->extack, key,
				    "PMK-R1 length does not match the AKM");
		return -EINVAL;
	}
	s->pmk_len = want;
	memcpy(s->pmk, nla_data(key), want);
	return 0;
}

static int fsr_nl_pmk_add(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *key = info->attrs[FSR_A_PMK_KEY];
	struct sk_buff *msg = NULL;
	struct fsr_pmk_secret s = {};
	bool replaced;
	void *hdr;
	int ret;

	if (fsr_nl_missing(info, fsr_nl_pmk_add_req,
			   ARRAY_SIZE(fsr_nl_pmk_add_req))) {
		ret = -EINVAL;
		goto out;
	}
	ret = fsr_nl_pmk_parse(info, &s);
	if (ret)
		goto out;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg) {
		NL_SET_ERR_MSG_MOD(info->extack, "out of memory");
		ret = -ENOMEM;
		goto out;
	}
	ret = fsr_pmk_add(genl_info_net(info), &s, &replaced);
	if (ret) {
		NL_SET_ERR_MSG_MOD(info->extack, "cannot insert the entry");
		goto out;
	}
	hdr = genlmsg_put_reply(msg, info, &fsr_nl_family, 0,
				FSR_CMD_PMK_ADD);
	if (!hdr || fsr_nl_put_pmk_id(msg, &s.info)) {
		NL_SET_ERR_MSG_MOD(info->extack, "reply does not fit");
		ret = -EMSGSIZE;
		goto out;
	}
	genlmsg_end(msg, hdr);
	ret = genlmsg_reply(msg, info);
	msg = NULL;
out:
	nlmsg_free(msg);
	memzero_explicit(&s, sizeof(s));
	/* The request skb is ours: do not leave the key in it either. */
	if (key)
		memzero_explicit(nla_data(key), nla_len(key));
	return ret;
}

static void fsr_nl_get_id(struct genl_info *info, struct fsr_pmk_key *id)
{
	memcpy(id->sta, nla_data(info->attrs[FSR_A_STA_ADDR]), ETH_ALEN);
	memcpy(id->r1_name, nla_data(info->attrs[FSR_A_PMK_R1_NAME]),
	       FSR_PMK_NAME_LEN);
}

static int fsr_nl_pmk_del(struct sk_buff *skb, struct genl_info *info)
{
	struct fsr_pmk_key id;
	int ret;

	if (fsr_nl_missing(info, fsr_nl_pmk_id_req,
			   ARRAY_SIZE(fsr_nl_pmk_id_req)))
		return -EINVAL;
	fsr_nl_get_id(info, &id);
	ret = fsr_pmk_del(genl_info_net(info), &id);
	if (ret)
		NL_SET_ERR_MSG_MOD(info->extack, "no such PMK-R1 entry");
	return ret;
}

static int fsr_nl_pmk_flush(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *sta = info->attrs[FSR_A_STA_ADDR];
	struct sk_buff *msg;
	void *hdr;
	u32 n;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg) {
		NL_SET_ERR_MSG_MOD(info->extack, "out of memory");
		return -ENOMEM;
	}
	n = fsr_pmk_flush(genl_info_net(info), sta ? nla_data(sta) : NULL);
	/* and the exchanges already begun with those keys */
	fsr_ft_pending_flush_sta(fsr_bss_net_quota(genl_info_net(info)),
				 sta ? nla_data(sta) : NULL);
	hdr = genlmsg_put_reply(msg, info, &fsr_nl_family, 0,
				FSR_CMD_PMK_FLUSH);
	if (!hdr || nla_put_u32(msg, FSR_A_PMK_COUNT, n)) {
		nlmsg_free(msg);
		NL_SET_ERR_MSG_MOD(info->extack, "reply does not fit");
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static const u16 fsr_nl_ft_ds_req[] = {
	FSR_A_IFINDEX, FSR_A_STA_ADDR, FSR_A_IES
};

/*
 * An FT Request over the DS: served (the answer's elements) or left to
 * the caller (FSR_A_WHY). The reply carries no key: the elements are
 * what the station gets in the clear.
 */
static int fsr_nl_ft_ds_request(struct sk_buff *skb, struct genl_info *info)
{
	const struct nlattr *ies = info->attrs[FSR_A_IES];
	struct sk_buff *msg;
	size_t resp_len = 0;
	const u8 *sta;
	void *hdr;
	u8 *resp;
	int ret;

	if (fsr_nl_missing(info, fsr_nl_ft_ds_req,
			   ARRAY_SIZE(fsr_nl_ft_ds_req)))
		return -EINVAL;
	sta = nla_data(info->attrs[FSR_A_STA_ADDR]);
	if (!is_valid_ether_addr(sta)) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[FSR_A_STA_ADDR],
				    "not a station address");
		return -EINVAL;
	}
	if (!fsr_nl_ies_ok(nla_data(ies), nla_len(ies))) {
		NL_SET_ERR_MSG_ATTR(info->extack, ies,
				    "not a list of whole elements");
		return -EINVAL;
	}
	resp = kmalloc(FSR_AUTH_RESP_MAX, GFP_KERNEL);
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!resp || !msg) {
		ret = -ENOMEM;
		NL_SET_ERR_MSG_MOD(info->extack, "out of memory");
		goto out;
	}
	ret = fsr_ft_serve_ds(genl_info_net(info),
			      nla_get_u32(info->attrs[FSR_A_IFINDEX]), sta,
			      nla_data(ies), nla_len(ies), resp,
			      FSR_AUTH_RESP_MAX, &resp_len);
	if (ret < 0) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[FSR_A_IFINDEX],
				    "not an attached BSS");
		goto out;
	}
	hdr = genlmsg_put_reply(msg, info, &fsr_nl_family, 0,
				FSR_CMD_FT_DS_REQUEST);
	if (!hdr || (ret ? nla_put_u8(msg, FSR_A_WHY, ret) :
			   nla_put(msg, FSR_A_IES, resp_len, resp))) {
		ret = -EMSGSIZE;
		NL_SET_ERR_MSG_MOD(info->extack, "reply does not fit");
		goto out;
	}
	genlmsg_end(msg, hdr);
	ret = genlmsg_reply(msg, info);
	msg = NULL;
out:
	nlmsg_free(msg);
	kfree(resp);
	return ret;
}

static int fsr_nl_pmk_dump_one(const struct fsr_pmk_info *info, void *arg)
{
	struct fsr_nl_dump_arg *a = arg;
	struct fsr_nl_pmk_cursor *cur = (void *)a->cb->ctx;
	struct sk_buff *skb = a->skb;
	void *hdr;

	hdr = fsr_nl_dump_put(a, FSR_CMD_PMK_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (fsr_nl_put_pmk_id(skb, info) ||
	    nla_put(skb, FSR_A_PMK_R0_NAME, FSR_PMK_NAME_LEN, info->r0_name) ||
	    nla_put(skb, FSR_A_R0KH_ID, info->r0kh_id_len, info->r0kh_id) ||
	    nla_put(skb, FSR_A_R1KH_ID, ETH_ALEN, info->r1kh_id) ||
	    nla_put_u32(skb, FSR_A_AKM, info->akm) ||
	    nla_put_u32(skb, FSR_A_PAIRWISE, info->pairwise) ||
	    nla_put_u32(skb, FSR_A_LIFETIME, info->lifetime) ||
	    nla_put_u8(skb, FSR_A_PMK_ORIGIN, info->origin)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	cur->last = info->id;
	cur->started = true;
	return 0;
}

static int fsr_nl_pmk_get_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct fsr_nl_pmk_cursor *cur = (void *)cb->ctx;
	struct fsr_nl_dump_arg a = { .skb = skb, .cb = cb };
	int ret;

	ret = fsr_pmk_walk(sock_net(skb->sk), cur->started ? &cur->last : NULL,
			   &cb->seq, fsr_nl_pmk_dump_one, &a);
	return fsr_nl_dump_ret(skb, ret);
}

/*
 * maxattr is FSR_A_MAX everywhere: the core sizes info->attrs by it, and
 * the per-operation policy decides which attributes are accepted.
 */
static const struct genl_ops fsr_nl_ops[] = {
	{
		.cmd = FSR_CMD_INFO_GET,
		.doit = fsr_nl_info_get,
		.policy = fsr_nl_none_policy,
		.maxattr = FSR_A_MAX,
	},
	{
		.cmd = FSR_CMD_BSS_ATTACH,
		.doit = fsr_nl_bss_attach,
		.policy = fsr_nl_ifindex_policy,
		.maxattr = FSR_A_MAX,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = FSR_CMD_BSS_DETACH,
		.doit = fsr_nl_bss_detach,
		.policy = fsr_nl_ifindex_policy,
		.maxattr = FSR_A_MAX,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = FSR_CMD_BSS_GET,
		.doit = fsr_nl_bss_get_do,
		.dumpit = fsr_nl_bss_get_dump,
		.policy = fsr_nl_ifindex_policy,
		.maxattr = FSR_A_MAX,
	},
	{
		.cmd = FSR_CMD_BSS_SET,
		.doit = fsr_nl_bss_set,
		.policy = fsr_nl_bss_set_policy,
		.maxattr = FSR_A_MAX,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = FSR_CMD_PMK_ADD,
		.doit = fsr_nl_pmk_add,
		.policy = fsr_nl_pmk_add_policy,
		.maxattr = FSR_A_MAX,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = FSR_CMD_PMK_DEL,
		.doit = fsr_nl_pmk_del,
		.policy = fsr_nl_pmk_del_policy,
		.maxattr = FSR_A_MAX,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = FSR_CMD_PMK_FLUSH,
		.doit = fsr_nl_pmk_flush,
		.policy = fsr_nl_pmk_flush_policy,
		.maxattr = FSR_A_MAX,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = FSR_CMD_FT_DS_REQUEST,
		.doit = fsr_nl_ft_ds_request,
		.policy = fsr_nl_ft_ds_policy,
		.maxattr = FSR_A_MAX,
		/* it makes the kernel hold an exchange and a station */
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = FSR_CMD_PMK_GET,
		.dumpit = fsr_nl_pmk_get_dump,
		.policy = fsr_nl_none_policy,
		.maxattr = FSR_A_MAX,
		/*
		 * Entries name stations: as private as the events, and
		 * like them they are the caller's namespace's only, so the
		 * same capability: CAP_NET_ADMIN over that namespace.
		 */
		.flags = GENL_UNS_ADMIN_PERM,
	},
};

/*
 * Events name stations, so listening needs CAP_NET_ADMIN; genetlink
 * checks it against the user namespace that owns the listener's network
 * namespace, and every event goes to the namespace of its object only
 * (genlmsg_multicast_netns()). So the owner of a namespace made with
 * "unshare -Urn" may listen there and hears that namespace's events and
 * nothing else, as for PMK_GET. Changes stay with CAP_NET_ADMIN in the
 * initial user namespace (GENL_ADMIN_PERM): they make the kernel hold keys
 * and memory, and anyone may create namespaces (docs/fsrctl.8).
 */
static const struct genl_multicast_group fsr_nl_mcgrps[] = {
	[FSR_NL_MCGRP_EVENTS] = {
		.name = FSR_MCGRP_EVENTS,
		.flags = GENL_MCAST_CAP_NET_ADMIN,
	},
};

static struct genl_family fsr_nl_family __ro_after_init = {
	.name = FSR_GENL_NAME,
	.version = FSR_GENL_VERSION,
	.netnsok = true,
	.parallel_ops = true,
	.resv_start_op = 0,
	.ops = fsr_nl_ops,
	.n_ops = ARRAY_SIZE(fsr_nl_ops),
	.mcgrps = fsr_nl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(fsr_nl_mcgrps),
	.module = THIS_MODULE,
};

int __init fsr_nl_init(void)
{
	int ret;

	ret = genl_register_family(&fsr_nl_family);
	if (ret)
		return ret;
	WRITE_ONCE(fsr_nl_live, true);
	return 0;
}

void fsr_nl_exit(void)
{
	/* Let events in flight finish before the group ids go away. */
	WRITE_ONCE(fsr_nl_live, false);
	synchronize_rcu();
	genl_unregister_family(&fsr_nl_family);
}
