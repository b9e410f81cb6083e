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
};

static const struct nla_policy fsr_nl_pmk_del_policy[FSR_A_MAX + 1] = {
	[FSR_A_STA_ADDR] = NLA_POLICY_ETH_ADDR,
	[FSR_A_PMK_R1_NAME] = NLA_POLICY_EXACT_LEN(FSR_PMK_NAME_LEN),
};

static const struct nla_policy fsr_nl_pmk_flush_policy[FSR_A_MAX + 1] = {
	[FSR_A_STA_ADDR] = NLA_POLICY_ETH_ADDR,
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
static struct sk_buff *fsr_nl_ntf_new(struct net *net, u8 cmd, u8 event,
				      u8 reason, void **hdr)
{
	struct sk_buff *msg;

	if (!fsr_nl_listened(net))
		return NULL;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
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

	msg = fsr_nl_ntf_new(net, FSR_CMD_PMK_NTF, event, reason, &hdr);
	if (!msg)
		return;
	if (fsr_nl_put_pmk_id(msg, info) ||
	    nla_put(msg, FSR_A_R1KH_ID, ETH_ALEN, info->r1kh_id) ||
	    nla_put_u32(msg, FSR_A_AKM, info->akm)) {
		nlmsg_free(msg);
		return;
	}
	fsr_nl_ntf_send(net, msg, hdr);
}

void fsr_nl_bss_notify(struct net *net, const struct fsr_bss_view *bss,
		       u8 event, u8 reason)
{
	struct sk_buff *msg;
	void *hdr;

	msg = fsr_nl_ntf_new(net, FSR_CMD_BSS_NTF, event, reason, &hdr);
	if (!msg)
		return;
	if (nla_put_u32(msg, FSR_A_IFINDEX, bss->ifindex) ||
	    nla_put_string(msg, FSR_A_IFNAME, bss->ifname)) {
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
	    nla_put_u8(msg, FSR_A_HOOK, fsr_bss_hook_active()) ||
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
	    nla_put_u32(skb, FSR_A_LIFETIME, info->lifetime)) {
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
		.cmd = FSR_CMD_PMK_GET,
		.dumpit = fsr_nl_pmk_get_dump,
		.policy = fsr_nl_none_policy,
		.maxattr = FSR_A_MAX,
		/* Entries name stations: as private as the events. */
		.flags = GENL_ADMIN_PERM,
	},
};

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
