// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */
/*
 * Attached BSSes: their lifetime (attach, detach, the netdevice notifier,
 * network namespace init and exit), their fast-path configuration and
 * their counters. The receive hook that serves them is in rx.c.
 *
 * An attached BSS is a mac80211 AP interface fsr serves. It is found by
 * the receive hook through a global RCU hash table keyed by net_device
 * pointer, and listed per network namespace in ifindex order for netlink.
 * Writers of the list (attach, detach, the netdevice notifier, namespace
 * exit) hold RTNL, which the device lookup and the notifier need and which
 * serialises the global hash table, and then the namespace's own mutex
 * (struct fsr_bss_net.lock). Readers (BSS_GET, INFO_GET, dumps, the fast
 * path's cleanup) and BSS_SET take only that mutex: RTNL is not fsr's
 * lock, and a request anyone may send must not be able to take it in a
 * loop. Lock order: RTNL (or the wiphy mutex, around an interface's
 * unregistration), then fsr_bss_net.lock; nothing is called under that
 * mutex that takes RTNL or a wiphy mutex.
 * Attaching requires the interface to be in AP mode at that moment; if it
 * later changes type it stays attached, and the hook simply sees no frames
 * for it (mac80211 only calls it for AP interfaces).
 */

#include "bss.h"
#include "ft.h"
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

struct fsr_bss_net {
	struct mutex lock;		/* the fields below, each BSS's ft */
	struct list_head list;		/* ordered by ifindex */
	u32 count;
	u32 generation;			/* never 0 */
	struct fsr_pend_quota *quota;	/* fast-path exchanges in progress */
};

static DEFINE_HASHTABLE(fsr_bss_table, 6);
static unsigned int fsr_bss_net_id __read_mostly;
static atomic64_t fsr_bss_ids = ATOMIC64_INIT(0);

static struct fsr_bss_net *fsr_bss_net(struct net *net)
{
	return net_generic(net, fsr_bss_net_id);
}

/* The exchange count of @net's fast path, as an identity (not a ref). */
const struct fsr_pend_quota *fsr_bss_net_quota(struct net *net)
{
	return fsr_bss_net(net)->quota;
}

struct fsr_bss *fsr_bss_find_rcu(const struct net_device *dev)
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

	lockdep_assert_held(&bn->lock);
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

/* Under @bn->lock. */
static void fsr_bss_fill(struct fsr_bss_net *bn, const struct fsr_bss *bss,
			 struct fsr_bss_view *v)
{
	const struct fsr_ft_conf *conf;
	int cpu, i, j;

	memset(v, 0, sizeof(*v));
	v->ifindex = bss->dev->ifindex;
	strscpy(v->ifname, bss->ifname, sizeof(v->ifname));
	ether_addr_copy(v->bssid, bss->bssid);
	conf = rcu_dereference_protected(bss->ft, lockdep_is_held(&bn->lock));
	if (conf) {
		v->has_ft = true;
		v->ft = conf->pub;
	}
	for_each_possible_cpu(cpu) {
		const struct fsr_bss_pcpu *pc = per_cpu_ptr(bss->stats, cpu);
		u64 snap[__FSR_STAT_MAX];
		u64 hsnap[__FSR_HIST_STAGES][FSR_HIST_BUCKETS];
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&pc->syncp);
			for (i = 0; i < __FSR_STAT_MAX; i++)
				snap[i] = u64_stats_read(&pc->cnt[i]);
			for (i = 0; i < __FSR_HIST_STAGES; i++)
				for (j = 0; j < FSR_HIST_BUCKETS; j++)
					hsnap[i][j] =
						u64_stats_read(&pc->hist[i][j]);
		} while (u64_stats_fetch_retry(&pc->syncp, start));
		for (i = 0; i < __FSR_STAT_MAX; i++)
			v->stats[i] += snap[i];
		for (i = 0; i < __FSR_HIST_STAGES; i++)
			for (j = 0; j < FSR_HIST_BUCKETS; j++)
				v->hist[i][j] += hsnap[i][j];
	}
}

static void fsr_ft_conf_free_rcu(struct rcu_head *head)
{
	struct fsr_ft_conf *conf = container_of(head, struct fsr_ft_conf, rcu);

	kfree_sensitive(conf);
}

static void fsr_ft_conf_release(struct fsr_ft_conf *conf)
{
	if (conf)
		call_rcu(&conf->rcu, fsr_ft_conf_free_rcu);
}

void fsr_bss_count_stat(struct fsr_bss *bss, unsigned int stat)
{
	struct fsr_bss_pcpu *pc;

	if (!stat || stat > FSR_STAT_MAX)
		return;
	local_bh_disable();
	pc = this_cpu_ptr(bss->stats);
	u64_stats_update_begin(&pc->syncp);
	u64_stats_inc(&pc->cnt[stat]);
	u64_stats_update_end(&pc->syncp);
	local_bh_enable();
}

void fsr_bss_count_hist(struct fsr_bss *bss, enum fsr_hist_stage stage,
			u64 ns)
{
	struct fsr_bss_pcpu *pc;
	unsigned int b = 0;

	/* bucket 0: < 2^(SHIFT + 1); bucket i: [2^(SHIFT + i), 2x) */
	if (ns >> (FSR_HIST_SHIFT + 1))
		b = fls64(ns) - 1 - FSR_HIST_SHIFT;
	if (b > FSR_HIST_BUCKETS - 1)
		b = FSR_HIST_BUCKETS - 1;
	local_bh_disable();
	pc = this_cpu_ptr(bss->stats);
	u64_stats_update_begin(&pc->syncp);
	u64_stats_inc(&pc->hist[stage][b]);
	u64_stats_update_end(&pc->syncp);
	local_bh_enable();
}

void fsr_pend_quota_put(struct fsr_pend_quota *q)
{
	if (q && refcount_dec_and_test(&q->ref))
		kfree(q);
}

static void fsr_bss_free_rcu(struct rcu_head *head)
{
	struct fsr_bss *bss = container_of(head, struct fsr_bss, rcu);

	fsr_pend_quota_put(bss->quota);
	fsr_ft_conf_free_rcu(&rcu_dereference_protected(bss->ft, 1)->rcu);
	free_percpu(bss->stats);
	kfree(bss);
}

/*
 * The last reference: the hook and the fast-path workers may still have
 * been using the BSS until now; readers under RCU may still see it.
 */
void fsr_bss_put(struct fsr_bss *bss)
{
	if (!refcount_dec_and_test(&bss->ref))
		return;
	netdev_put(bss->dev, &bss->tracker);
	call_rcu(&bss->rcu, fsr_bss_free_rcu);
}

/* Under RTNL and @bn->lock. */
static void fsr_bss_unlink(struct fsr_bss_net *bn, struct fsr_bss *bss,
			   u8 reason)
{
	ASSERT_RTNL();
	lockdep_assert_held(&bn->lock);
	hash_del_rcu(&bss->hnode);
	list_del(&bss->list);
	bn->count--;
	fsr_bss_bump(bn);
	fsr_nl_bss_notify(dev_net(bss->dev), bss->dev->ifindex, bss->dev->name,
			  FSR_EVENT_BSS_DETACHED, reason);
	/* No new exchange after this; the pending ones are wiped. */
	WRITE_ONCE(bss->dead, true);
	fsr_ft_pending_flush_bss(bss);
	/* Workers still queued hold their own reference. */
	fsr_bss_put(bss);
}

int fsr_bss_attach(struct net *net, u32 ifindex,
		   struct netlink_ext_ack *extack)
{
	struct fsr_bss_net *bn = fsr_bss_net(net);
	struct ieee80211_vif *vif;
	struct fsr_bss *bss, *pos;
	struct fsr_ft_conf *conf;
	struct list_head *where;
	struct net_device *dev;
	int ret;

	conf = kzalloc(sizeof(*conf), GFP_KERNEL);
	if (!conf)
		return -ENOMEM;
	bss = kzalloc(sizeof(*bss), GFP_KERNEL);
	if (!bss) {
		kfree(conf);
		return -ENOMEM;
	}
	bss->stats = alloc_percpu(struct fsr_bss_pcpu);
	if (!bss->stats) {
		kfree(bss);
		kfree(conf);
		return -ENOMEM;
	}
	mutex_init(&bss->sta_lock);
	/* Per-frame events and hook refusals: bounded, counted when not. */
	ratelimit_state_init(&bss->ev_rs, HZ, FSR_FT_EVENTS_PER_S);
	ratelimit_set_flags(&bss->ev_rs, RATELIMIT_MSG_ON_RELEASE);
	ratelimit_state_init(&bss->tx_rs, HZ, FSR_FT_REFUSALS_PER_S);
	ratelimit_set_flags(&bss->tx_rs, RATELIMIT_MSG_ON_RELEASE);
	refcount_set(&bss->ref, 1);
	bss->id = atomic64_inc_return(&fsr_bss_ids);
	refcount_inc(&bn->quota->ref);
	bss->quota = bn->quota;

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
	strscpy(bss->ifname, dev->name, sizeof(bss->ifname));
	ether_addr_copy(bss->bssid, dev->dev_addr);
	/* The fast path starts disabled, with the documented defaults. */
	conf->pub.deadline_ms = FSR_FT_DEADLINE_DEF;
	rcu_assign_pointer(bss->ft, conf);
	conf = NULL;
	mutex_lock(&bn->lock);
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
	fsr_nl_bss_notify(net, dev->ifindex, dev->name, FSR_EVENT_BSS_ATTACHED,
			  0);
	mutex_unlock(&bn->lock);
	rtnl_unlock();
	return 0;

err_unlock:
	rtnl_unlock();
	fsr_pend_quota_put(bss->quota);
	free_percpu(bss->stats);
	kfree(bss);
	kfree(conf);
	return ret;
}

int fsr_bss_detach(struct net *net, u32 ifindex,
		   struct netlink_ext_ack *extack)
{
	struct fsr_bss_net *bn = fsr_bss_net(net);
	struct fsr_bss *bss;
	int ret = 0;

	rtnl_lock();
	mutex_lock(&bn->lock);
	bss = fsr_bss_find_index(bn, ifindex);
	if (bss) {
		fsr_bss_unlink(bn, bss, FSR_REASON_USER);
	} else {
		NL_SET_ERR_MSG_MOD(extack, "interface is not attached");
		ret = -ENOENT;
	}
	mutex_unlock(&bn->lock);
	rtnl_unlock();
	return ret;
}

/* True when @ies (a well-formed element list) has a WMM parameter element. */
static bool fsr_ft_has_wmm_param(const u8 *ies, size_t len)
{
	static const u8 wmm_param[] = { 0x00, 0x50, 0xf2, 0x02, 0x01 };
	size_t pos = 0;

	while (len - pos >= 2 && ies[pos + 1] + 2 <= len - pos) {
		if (ies[pos] == WLAN_EID_VENDOR_SPECIFIC &&
		    ies[pos + 1] >= sizeof(wmm_param) &&
		    !memcmp(ies + pos + 2, wmm_param, sizeof(wmm_param)))
			return true;
		pos += ies[pos + 1] + 2;
	}
	return false;
}

static void fsr_ft_apply(struct fsr_ft_conf *c, const struct fsr_ft_update *u)
{
	const struct fsr_ft_conf *g = &u->conf;

#define FSR_FT_GIVEN(a) (u->present & BIT(a))
	if (FSR_FT_GIVEN(FSR_FT_A_ENABLE))
		c->pub.enable = g->pub.enable;
	if (FSR_FT_GIVEN(FSR_FT_A_MDE)) {
		memcpy(c->pub.mde, g->pub.mde, sizeof(c->pub.mde));
		c->pub.has_mde = 1;
	}
	if (FSR_FT_GIVEN(FSR_FT_A_R1KH_ID)) {
		ether_addr_copy(c->pub.r1kh_id, g->pub.r1kh_id);
		c->pub.has_r1kh = 1;
	}
	if (FSR_FT_GIVEN(FSR_FT_A_RSNE)) {
		memcpy(c->pub.rsne, g->pub.rsne, g->pub.rsne_len);
		c->pub.rsne_len = g->pub.rsne_len;
	}
	if (FSR_FT_GIVEN(FSR_FT_A_CAPAB))
		c->pub.capab = g->pub.capab;
	if (FSR_FT_GIVEN(FSR_FT_A_RESP_IES_HEAD)) {
		memcpy(c->pub.head, g->pub.head, g->pub.head_len);
		c->pub.head_len = g->pub.head_len;
	}
	if (FSR_FT_GIVEN(FSR_FT_A_RESP_IES_TAIL)) {
		memcpy(c->pub.tail, g->pub.tail, g->pub.tail_len);
		c->pub.tail_len = g->pub.tail_len;
	}
	if (FSR_FT_GIVEN(FSR_FT_A_AID_MIN))
		c->pub.aid_min = g->pub.aid_min;
	if (FSR_FT_GIVEN(FSR_FT_A_AID_MAX))
		c->pub.aid_max = g->pub.aid_max;
	if (FSR_FT_GIVEN(FSR_FT_A_DEADLINE_MS))
		c->pub.deadline_ms = g->pub.deadline_ms;
	if (FSR_FT_GIVEN(FSR_FT_A_GTK)) {
		memzero_explicit(c->gtk, sizeof(c->gtk));
		memcpy(c->gtk, g->gtk, g->gtk_len);
		c->gtk_len = g->gtk_len;
	}
	if (FSR_FT_GIVEN(FSR_FT_A_GTK_IDX))
		c->pub.gtk_idx = g->pub.gtk_idx;
#undef FSR_FT_GIVEN
	c->pub.wmm = fsr_ft_has_wmm_param(c->pub.tail, c->pub.tail_len);
	c->pub.ready = c->pub.has_mde && c->pub.has_r1kh && c->pub.rsne_len &&
		       c->gtk_len && c->pub.gtk_idx && c->pub.aid_min &&
		       c->pub.aid_max;
}

int fsr_bss_ft_set(struct net *net, u32 ifindex,
		   const struct fsr_ft_update *upd,
		   struct netlink_ext_ack *extack)
{
	struct fsr_bss_net *bn = fsr_bss_net(net);
	struct fsr_ft_conf *conf, *old;
	struct fsr_bss *bss;
	int ret = 0;

	conf = kmalloc(sizeof(*conf), GFP_KERNEL);
	if (!conf)
		return -ENOMEM;
	mutex_lock(&bn->lock);
	bss = fsr_bss_find_index(bn, ifindex);
	if (!bss) {
		NL_SET_ERR_MSG_MOD(extack, "interface is not attached");
		ret = -ENOENT;
		goto out;
	}
	old = rcu_dereference_protected(bss->ft, lockdep_is_held(&bn->lock));
	memcpy(conf, old, sizeof(*conf));
	fsr_ft_apply(conf, upd);
	if (conf->pub.aid_min && conf->pub.aid_max &&
	    conf->pub.aid_min > conf->pub.aid_max) {
		NL_SET_ERR_MSG_MOD(extack, "AID_MIN is above AID_MAX");
		ret = -EINVAL;
		goto out;
	}
	rcu_assign_pointer(bss->ft, conf);
	fsr_ft_conf_release(old);
	conf = NULL;
out:
	mutex_unlock(&bn->lock);
	kfree_sensitive(conf);
	return ret;
}

struct fsr_bss_stale {
	const struct fsr_sta_owner *own;
	u32 gen;
};

/* Under the wiphy mutex of the BSS whose entry is about to go. */
static bool fsr_bss_sta_stale(void *arg)
{
	const struct fsr_bss_stale *st = arg;

	return fsr_sta_owner_current(st->own, st->gen);
}

void fsr_bss_del_sta_others(struct fsr_bss *bss, const u8 *sta,
			    const struct fsr_sta_owner *own, u32 gen)
{
	struct fsr_bss_stale st = { .own = own, .gen = gen };
	struct fsr_bss_net *bn = fsr_bss_net(dev_net(bss->dev));
	struct fsr_bss **others = NULL;
	struct fsr_bss *pos;
	u32 n = 0, i;
	int ret;

	/*
	 * References on every other BSS of the namespace, however many:
	 * the station calls are made after the mutex is dropped (the wiphy
	 * mutex comes before it).
	 */
	mutex_lock(&bn->lock);
	/* Detached meanwhile: the namespace may not even be the same. */
	if (READ_ONCE(bss->dead) || bn->count < 2)
		goto out_unlock;
	others = kmalloc_array(bn->count, sizeof(*others), GFP_KERNEL);
	if (!others) {
		net_warn_ratelimited("%s: out of memory, stale entries of %pM stay\n",
				     bss->ifname, sta);
		goto out_unlock;
	}
	list_for_each_entry(pos, &bn->list, list) {
		if (pos == bss)
			continue;
		refcount_inc(&pos->ref);
		others[n++] = pos;
	}
out_unlock:
	mutex_unlock(&bn->lock);

	for (i = 0; i < n; i++) {
		struct ieee80211_vif *vif;

		vif = ieee80211_mgmt_offload_vif(others[i]->dev);
		ret = vif ? ieee80211_mgmt_offload_del_sta_if(vif, sta,
							      fsr_bss_sta_stale,
							      &st) : 0;
		/* It moved on: what is left is its new BSS's to clean. */
		if (ret == -EAGAIN)
			break;
	}
	for (i = 0; i < n; i++)
		fsr_bss_put(others[i]);
	kfree(others);
}

int fsr_bss_get(struct net *net, u32 ifindex, struct fsr_bss_view *v)
{
	struct fsr_bss_net *bn = fsr_bss_net(net);
	struct fsr_bss *bss;
	int ret = -ENOENT;

	mutex_lock(&bn->lock);
	bss = fsr_bss_find_index(bn, ifindex);
	if (bss) {
		fsr_bss_fill(bn, bss, v);
		ret = 0;
	}
	mutex_unlock(&bn->lock);
	return ret;
}

u32 fsr_bss_count(struct net *net)
{
	struct fsr_bss_net *bn = fsr_bss_net(net);
	u32 n;

	mutex_lock(&bn->lock);
	n = bn->count;
	mutex_unlock(&bn->lock);
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
	mutex_lock(&bn->lock);
	*generation = bn->generation;
	list_for_each_entry(bss, &bn->list, list) {
		if (bss->dev->ifindex <= after)
			continue;
		fsr_bss_fill(bn, bss, v);
		ret = fn(v, arg);
		if (ret)
			break;
	}
	mutex_unlock(&bn->lock);
	kfree(v);
	return ret;
}

static int fsr_bss_netdev_event(struct notifier_block *nb,
				unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct fsr_bss_net *bn;
	struct fsr_bss *bss;

	if (event != NETDEV_UNREGISTER && event != NETDEV_CHANGENAME &&
	    event != NETDEV_CHANGEADDR)
		return NOTIFY_DONE;
	/* RTNL is held: the hash table cannot change under us. */
	bss = fsr_bss_find_rcu(dev);
	if (!bss)
		return NOTIFY_DONE;
	bn = fsr_bss_net(dev_net(dev));
	mutex_lock(&bn->lock);
	switch (event) {
	case NETDEV_UNREGISTER:
		/* Also sent when the device leaves its namespace. */
		fsr_bss_unlink(bn, bss, FSR_REASON_IFACE_GONE);
		break;
	case NETDEV_CHANGENAME:
		strscpy(bss->ifname, dev->name, sizeof(bss->ifname));
		break;
	case NETDEV_CHANGEADDR:
		ether_addr_copy(bss->bssid, dev->dev_addr);
		break;
	}
	mutex_unlock(&bn->lock);
	return NOTIFY_DONE;
}

static struct notifier_block fsr_bss_netdev_nb = {
	.notifier_call = fsr_bss_netdev_event,
};

static int __net_init fsr_bss_net_init(struct net *net)
{
	struct fsr_bss_net *bn = fsr_bss_net(net);

	bn->quota = kzalloc(sizeof(*bn->quota), GFP_KERNEL);
	if (!bn->quota)
		return -ENOMEM;
	refcount_set(&bn->quota->ref, 1);
	mutex_init(&bn->lock);
	INIT_LIST_HEAD(&bn->list);
	bn->generation = 1;
	return 0;
}

/*
 * Before the namespace's RCU grace period: once every BSS is unlinked
 * here, the grace period that cleanup_net() waits for separates the
 * receive hook from everything .exit and the RCU callbacks free.
 */
static void __net_exit fsr_bss_net_pre_exit(struct net *net)
{
	struct fsr_bss_net *bn = fsr_bss_net(net);
	struct fsr_bss *bss, *tmp;

	rtnl_lock();
	mutex_lock(&bn->lock);
	list_for_each_entry_safe(bss, tmp, &bn->list, list)
		fsr_bss_unlink(bn, bss, FSR_REASON_SHUTDOWN);
	mutex_unlock(&bn->lock);
	rtnl_unlock();
}

static void __net_exit fsr_bss_net_exit(struct net *net)
{
	struct fsr_bss_net *bn = fsr_bss_net(net);

	mutex_destroy(&bn->lock);
	fsr_pend_quota_put(bn->quota);
}

static struct pernet_operations fsr_bss_net_ops = {
	.init = fsr_bss_net_init,
	.pre_exit = fsr_bss_net_pre_exit,
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
