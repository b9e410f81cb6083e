// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */
/*
 * Attached BSSes and the mac80211 receive hook.
 *
 * An attached BSS is a mac80211 AP interface fsr serves. It is found by
 * the receive hook through a global RCU hash table keyed by net_device
 * pointer, and listed per network namespace in ifindex order for netlink.
 * RTNL serialises every writer (attach, detach, the netdevice notifier and
 * namespace exit), so the per-namespace lists need no lock of their own.
 * Attaching requires the interface to be in AP mode at that moment; if it
 * later changes type it stays attached, and the hook simply sees no frames
 * for it (mac80211 only calls it for AP interfaces).
 */

#include "bss.h"
#include "netlink.h"

#include <linux/hashtable.h>
#include <linux/ieee80211.h>
#include <linux/netdevice.h>
#include <linux/percpu.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/u64_stats_sync.h>
#include <net/mac80211.h>
#include <net/net_namespace.h>
#include <net/netlink.h>
#include <net/netns/generic.h>

struct fsr_bss_pcpu {
	u64_stats_t cnt[__FSR_STAT_MAX];
	struct u64_stats_sync syncp;
};

struct fsr_bss {
	struct hlist_node hnode;	/* fsr_bss_table, RCU */
	struct list_head list;		/* fsr_bss_net.list, RTNL */
	struct net_device *dev;
	netdevice_tracker tracker;
	struct fsr_bss_pcpu __percpu *stats;
	struct rcu_head rcu;
};

struct fsr_bss_net {
	struct list_head list;		/* ordered by ifindex */
	u32 count;
	u32 generation;			/* never 0 */
};

static DEFINE_HASHTABLE(fsr_bss_table, 6);
static unsigned int fsr_bss_net_id __read_mostly;
static bool fsr_hook_on;

static struct fsr_bss_net *fsr_bss_net(struct net *net)
{
	return net_generic(net, fsr_bss_net_id);
}

static struct fsr_bss *fsr_bss_find_rcu(const struct net_device *dev)
{
	struct fsr_bss *bss;

	hash_for_each_possible_rcu(fsr_bss_table, bss, hnode,
				   (unsigned long)dev, lockdep_rtnl_is_held())
		if (bss->dev == dev)
			return bss;
	return NULL;
}

static struct fsr_bss *fsr_bss_find_index(struct fsr_bss_net *bn, int ifindex)
{
	struct fsr_bss *bss;

	ASSERT_RTNL();
	list_for_each_entry(bss, &bn->list, list)
		if (bss->dev->ifindex == ifindex)
			return bss;
	return NULL;
}

static void fsr_bss_bump(struct fsr_bss_net *bn)
{
	if (!++bn->generation)
		bn->generation = 1;
}

static void fsr_bss_fill(const struct fsr_bss *bss, struct fsr_bss_view *v,
			 bool with_stats)
{
	int cpu, i;

	memset(v, 0, sizeof(*v));
	v->ifindex = bss->dev->ifindex;
	strscpy(v->ifname, bss->dev->name, sizeof(v->ifname));
	ether_addr_copy(v->bssid, bss->dev->dev_addr);
	if (!with_stats)
		return;
	for_each_possible_cpu(cpu) {
		const struct fsr_bss_pcpu *pc = per_cpu_ptr(bss->stats, cpu);
		u64 snap[__FSR_STAT_MAX];
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&pc->syncp);
			for (i = 0; i < __FSR_STAT_MAX; i++)
				snap[i] = u64_stats_read(&pc->cnt[i]);
		} while (u64_stats_fetch_retry(&pc->syncp, start));
		for (i = 0; i < __FSR_STAT_MAX; i++)
			v->stats[i] += snap[i];
	}
}

static void fsr_bss_free_rcu(struct rcu_head *head)
{
	struct fsr_bss *bss = container_of(head, struct fsr_bss, rcu);

	free_percpu(bss->stats);
	kfree(bss);
}

static void fsr_bss_unlink(struct fsr_bss_net *bn, struct fsr_bss *bss,
			   u8 reason)
{
	struct fsr_bss_view v;

	ASSERT_RTNL();
	hash_del_rcu(&bss->hnode);
	list_del(&bss->list);
	bn->count--;
	fsr_bss_bump(bn);
	fsr_bss_fill(bss, &v, false);
	fsr_nl_bss_notify(dev_net(bss->dev), &v, FSR_EVENT_BSS_DETACHED,
			  reason);
	netdev_put(bss->dev, &bss->tracker);
	/* The receive hook may still be counting into bss->stats. */
	call_rcu(&bss->rcu, fsr_bss_free_rcu);
}

int fsr_bss_attach(struct net *net, u32 ifindex,
		   struct netlink_ext_ack *extack)
{
	struct fsr_bss_net *bn = fsr_bss_net(net);
	struct ieee80211_vif *vif;
	struct fsr_bss *bss, *pos;
	struct list_head *where;
	struct net_device *dev;
	struct fsr_bss_view v;
	int ret;

	bss = kzalloc(sizeof(*bss), GFP_KERNEL);
	if (!bss)
		return -ENOMEM;
	bss->stats = alloc_percpu(struct fsr_bss_pcpu);
	if (!bss->stats) {
		kfree(bss);
		return -ENOMEM;
	}

	rtnl_lock();
	dev = __dev_get_by_index(net, ifindex);
	if (!dev) {
		NL_SET_ERR_MSG_MOD(extack, "no such interface");
		ret = -ENODEV;
		goto err_unlock;
	}
	vif = ieee80211_mgmt_offload_vif(dev);
	if (!vif) {
		NL_SET_ERR_MSG_MOD(extack, "not a mac80211 interface");
		ret = -EOPNOTSUPP;
		goto err_unlock;
	}
	if (vif->type != NL80211_IFTYPE_AP) {
		NL_SET_ERR_MSG_MOD(extack, "interface is not in AP mode");
		ret = -EOPNOTSUPP;
		goto err_unlock;
	}
	if (fsr_bss_find_rcu(dev)) {
		NL_SET_ERR_MSG_MOD(extack, "interface is already attached");
		ret = -EEXIST;
		goto err_unlock;
	}

	bss->dev = dev;
	netdev_hold(dev, &bss->tracker, GFP_KERNEL);
	where = &bn->list;
	list_for_each_entry(pos, &bn->list, list) {
		if (pos->dev->ifindex > dev->ifindex) {
			where = &pos->list;
			break;
		}
	}
	list_add_tail(&bss->list, where);
	bn->count++;
	fsr_bss_bump(bn);
	hash_add_rcu(fsr_bss_table, &bss->hnode, (unsigned long)dev);
	fsr_bss_fill(bss, &v, false);
	fsr_nl_bss_notify(net, &v, FSR_EVENT_BSS_ATTACHED, 0);
	rtnl_unlock();
	return 0;

err_unlock:
	rtnl_unlock();
	free_percpu(bss->stats);
	kfree(bss);
	return ret;
}

int fsr_bss_detach(struct net *net, u32 ifindex,
		   struct netlink_ext_ack *extack)
{
	struct fsr_bss_net *bn = fsr_bss_net(net);
	struct fsr_bss *bss;
	int ret = 0;

	rtnl_lock();
	bss = fsr_bss_find_index(bn, ifindex);
	if (bss) {
		fsr_bss_unlink(bn, bss, FSR_REASON_USER);
	} else {
		NL_SET_ERR_MSG_MOD(extack, "interface is not attached");
		ret = -ENOENT;
	}
	rtnl_unlock();
	return ret;
}

int fsr_bss_get(struct net *net, u32 ifindex, struct fsr_bss_view *v)
{
	struct fsr_bss *bss;
	int ret = -ENOENT;

	rtnl_lock();
	bss = fsr_bss_find_index(fsr_bss_net(net), ifindex);
	if (bss) {
		fsr_bss_fill(bss, v, true);
		ret = 0;
	}
	rtnl_unlock();
	return ret;
}

u32 fsr_bss_count(struct net *net)
{
	u32 n;

	rtnl_lock();
	n = fsr_bss_net(net)->count;
	rtnl_unlock();
	return n;
}

int fsr_bss_walk(struct net *net, int after, u32 *generation,
		 fsr_bss_walk_fn fn, void *arg)
{
	struct fsr_bss_net *bn = fsr_bss_net(net);
	struct fsr_bss_view *v;
	struct fsr_bss *bss;
	int ret = 0;

	v = kmalloc(sizeof(*v), GFP_KERNEL);
	if (!v)
		return -ENOMEM;
	rtnl_lock();
	*generation = bn->generation;
	list_for_each_entry(bss, &bn->list, list) {
		if (bss->dev->ifindex <= after)
			continue;
		fsr_bss_fill(bss, v, true);
		ret = fn(v, arg);
		if (ret)
			break;
	}
	rtnl_unlock();
	kfree(v);
	return ret;
}

/* Receive hook: softirq, under rcu_read_lock; counts and passes. */
static enum ieee80211_mgmt_offload_verdict
fsr_bss_rx_mgmt(struct ieee80211_vif *vif, struct sk_buff *skb)
{
	const struct ieee80211_mgmt *mgmt = (const void *)skb->data;
	struct wireless_dev *wdev = ieee80211_vif_to_wdev(vif);
	struct fsr_bss_pcpu *pc;
	unsigned int stat, min;
	struct fsr_bss *bss;
	__le16 fc;

	if (!wdev || !wdev->netdev)
		return IEEE80211_MGMT_OFFLOAD_PASS;
	bss = fsr_bss_find_rcu(wdev->netdev);
	if (!bss)
		return IEEE80211_MGMT_OFFLOAD_PASS;

	fc = mgmt->frame_control;
	if (ieee80211_is_auth(fc)) {
		stat = FSR_STAT_RX_AUTH;
		min = offsetof(struct ieee80211_mgmt, u.auth.variable);
	} else if (ieee80211_is_assoc_req(fc)) {
		stat = FSR_STAT_RX_ASSOC_REQ;
		min = offsetof(struct ieee80211_mgmt, u.assoc_req.variable);
	} else if (ieee80211_is_reassoc_req(fc)) {
		stat = FSR_STAT_RX_REASSOC_REQ;
		min = offsetof(struct ieee80211_mgmt, u.reassoc_req.variable);
	} else if (ieee80211_is_action(fc)) {
		stat = FSR_STAT_RX_ACTION;
		min = offsetofend(struct ieee80211_mgmt, u.action.category);
	} else {
		stat = 0;
		min = 0;
	}

	pc = this_cpu_ptr(bss->stats);
	u64_stats_update_begin(&pc->syncp);
	if (stat)
		u64_stats_inc(&pc->cnt[stat]);
	if (skb->len < min)
		u64_stats_inc(&pc->cnt[FSR_STAT_ERR_MALFORMED]);
	u64_stats_inc(&pc->cnt[FSR_STAT_PASSED]);
	u64_stats_update_end(&pc->syncp);
	return IEEE80211_MGMT_OFFLOAD_PASS;
}

static const struct ieee80211_mgmt_offload_ops fsr_hook_ops = {
	.rx_mgmt = fsr_bss_rx_mgmt,
};

int fsr_bss_hook_register(void)
{
	int ret;

	ret = ieee80211_mgmt_offload_register(&fsr_hook_ops);
	if (ret) {
		pr_err("cannot register the mac80211 offload hook: %d\n", ret);
		return ret;
	}
	WRITE_ONCE(fsr_hook_on, true);
	return 0;
}

void fsr_bss_hook_unregister(void)
{
	WRITE_ONCE(fsr_hook_on, false);
	/* Returns once no CPU runs fsr_bss_rx_mgmt() any more. */
	ieee80211_mgmt_offload_unregister(&fsr_hook_ops);
}

bool fsr_bss_hook_active(void)
{
	return READ_ONCE(fsr_hook_on);
}

static int fsr_bss_netdev_event(struct notifier_block *nb,
				unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct fsr_bss *bss;

	/* Also sent when the device leaves its namespace. */
	if (event != NETDEV_UNREGISTER)
		return NOTIFY_DONE;
	bss = fsr_bss_find_rcu(dev);
	if (bss)
		fsr_bss_unlink(fsr_bss_net(dev_net(dev)), bss,
			       FSR_REASON_IFACE_GONE);
	return NOTIFY_DONE;
}

static struct notifier_block fsr_bss_netdev_nb = {
	.notifier_call = fsr_bss_netdev_event,
};

static int __net_init fsr_bss_net_init(struct net *net)
{
	struct fsr_bss_net *bn = fsr_bss_net(net);

	INIT_LIST_HEAD(&bn->list);
	bn->generation = 1;
	return 0;
}

static void __net_exit fsr_bss_net_exit(struct net *net)
{
	struct fsr_bss_net *bn = fsr_bss_net(net);
	struct fsr_bss *bss, *tmp;

	rtnl_lock();
	list_for_each_entry_safe(bss, tmp, &bn->list, list)
		fsr_bss_unlink(bn, bss, FSR_REASON_SHUTDOWN);
	rtnl_unlock();
}

static struct pernet_operations fsr_bss_net_ops = {
	.init = fsr_bss_net_init,
	.exit = fsr_bss_net_exit,
	.id = &fsr_bss_net_id,
	.size = sizeof(struct fsr_bss_net),
};

int fsr_bss_init(void)
{
	int ret;

	ret = register_netdevice_notifier(&fsr_bss_netdev_nb);
	if (ret)
		return ret;
	ret = register_pernet_subsys(&fsr_bss_net_ops);
	if (ret)
		unregister_netdevice_notifier(&fsr_bss_netdev_nb);
	return ret;
}

void fsr_bss_exit(void)
{
	/*
	 * Namespace exit first: it detaches everything with reason SHUTDOWN,
	 * so the notifier's unregister replay finds nothing left to detach.
	 */
	unregister_pernet_subsys(&fsr_bss_net_ops);
	unregister_netdevice_notifier(&fsr_bss_netdev_nb);
}
