// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */
/*
 * The per network namespace PMK-R1 cache.
 *
 * Every entry sits in three structures at once:
 *  - an rhashtable keyed by (station, PMKR1Name), read under RCU by the
 *    fast path (softirq);
 *  - an rbtree in the same key order, for dumps that resume after a key;
 *  - a list in insertion order, whose head is the eviction victim.
 * All writers hold fsr_pmk_net.lock (a mutex: writers are netlink requests
 * and the expiry work, both in process context). Entries hold key material,
 * so they are wiped and freed after an RCU grace period.
 */

#include "pmk_cache.h"
#include "main.h"
#include "netlink.h"

#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rbtree.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>

/* The expiry work never sleeps longer than this, whatever the lifetimes. */
#define FSR_PMK_GC_MAX_DELAY	(24UL * 3600 * HZ)

struct fsr_pmk {
	struct rhash_head node;
	struct rb_node rb;
	struct list_head age;
	struct rcu_head rcu;
	u64 expires;		/* jiffies64 */
	struct fsr_pmk_secret s;
};

struct fsr_pmk_net {
	struct net *net;
	struct mutex lock;	/* serialises all writers */
	struct rhashtable ht;
	struct rb_root tree;
	struct list_head age;	/* oldest first */
	u32 count;
	u32 generation;		/* never 0: netlink dumps use it as seq */
	u64 next_gc;		/* jiffies64 the work is due, 0 if idle */
	struct delayed_work gc;
};

static unsigned int fsr_pmk_net_id __read_mostly;

static const struct rhashtable_params fsr_pmk_ht_params = {
	.key_len = sizeof(struct fsr_pmk_key),
	.key_offset = offsetof(struct fsr_pmk, s.info.id),
	.head_offset = offsetof(struct fsr_pmk, node),
	.automatic_shrinking = true,
};

static struct fsr_pmk_net *fsr_pmk_net(struct net *net)
{
	return net_generic(net, fsr_pmk_net_id);
}

static int fsr_pmk_cmp(const struct fsr_pmk_key *a, const struct fsr_pmk_key *b)
{
	return memcmp(a, b, sizeof(*a));
}

static bool fsr_pmk_expired(const struct fsr_pmk *e, u64 now)
{
	return time_after_eq64(now, e->expires);
}

static u32 fsr_pmk_remaining(const struct fsr_pmk *e, u64 now)
{
	u64 left;

	if (fsr_pmk_expired(e, now))
		return 0;
	left = div_u64(e->expires - now + HZ - 1, HZ);
	return min_t(u64, left, INT_MAX);
}

static void fsr_pmk_bump(struct fsr_pmk_net *pn)
{
	if (!++pn->generation)
		pn->generation = 1;
}

/*
 * Entries come from a cache of their own so that a leaked entry cannot go
 * unnoticed: kmem_cache_destroy() complains about objects left behind.
 */
static struct kmem_cache *fsr_pmk_slab __read_mostly;

static void fsr_pmk_free(struct fsr_pmk *e)
{
	memzero_explicit(e, sizeof(*e));
	kmem_cache_free(fsr_pmk_slab, e);
}

static void fsr_pmk_free_rcu(struct rcu_head *head)
{
	fsr_pmk_free(container_of(head, struct fsr_pmk, rcu));
}

static void fsr_pmk_notify(struct fsr_pmk_net *pn, const struct fsr_pmk *e,
			   u8 event, u8 reason)
{
	struct fsr_pmk_info info = e->s.info;

	info.lifetime = fsr_pmk_remaining(e, get_jiffies_64());
	fsr_nl_pmk_notify(pn->net, &info, event, reason);
}

static void fsr_pmk_tree_insert(struct fsr_pmk_net *pn, struct fsr_pmk *e)
{
	struct rb_node **link = &pn->tree.rb_node, *parent = NULL;

	while (*link) {
		struct fsr_pmk *cur = rb_entry(*link, struct fsr_pmk, rb);

		parent = *link;
		if (fsr_pmk_cmp(&e->s.info.id, &cur->s.info.id) < 0)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&e->rb, parent, link);
	rb_insert_color(&e->rb, &pn->tree);
}

/* First entry whose key is greater than @after; the first entry if NULL. */
static struct fsr_pmk *fsr_pmk_first_after(struct fsr_pmk_net *pn,
					   const struct fsr_pmk_key *after)
{
	struct rb_node *n = pn->tree.rb_node;
	struct fsr_pmk *best = NULL;

	if (!after) {
		n = rb_first(&pn->tree);
		return n ? rb_entry(n, struct fsr_pmk, rb) : NULL;
	}
	while (n) {
		struct fsr_pmk *cur = rb_entry(n, struct fsr_pmk, rb);

		if (fsr_pmk_cmp(&cur->s.info.id, after) > 0) {
			best = cur;
			n = n->rb_left;
		} else {
			n = n->rb_right;
		}
	}
	return best;
}

static void fsr_pmk_unlink(struct fsr_pmk_net *pn, struct fsr_pmk *e,
			   u8 reason)
{
	lockdep_assert_held(&pn->lock);

	rhashtable_remove_fast(&pn->ht, &e->node, fsr_pmk_ht_params);
	rb_erase(&e->rb, &pn->tree);
	list_del(&e->age);
	pn->count--;
	fsr_pmk_bump(pn);
	fsr_pmk_notify(pn, e, FSR_EVENT_PMK_REMOVED, reason);
	call_rcu(&e->rcu, fsr_pmk_free_rcu);
}

static void fsr_pmk_gc_arm(struct fsr_pmk_net *pn, u64 due, u64 now)
{
	u64 delay;

	lockdep_assert_held(&pn->lock);

	if (pn->next_gc && !time_after64(pn->next_gc, due))
		return;
	delay = time_after64(due, now) ? due - now : 0;
	if (delay > FSR_PMK_GC_MAX_DELAY)
		delay = FSR_PMK_GC_MAX_DELAY;
	pn->next_gc = (now + delay) ? : 1;
	mod_delayed_work(system_power_efficient_wq, &pn->gc,
			 (unsigned long)delay);
}

static void fsr_pmk_gc_work(struct work_struct *work)
{
	struct fsr_pmk_net *pn = container_of(to_delayed_work(work),
					      struct fsr_pmk_net, gc);
	struct fsr_pmk *e, *tmp;
	u64 now, due = 0;

	mutex_lock(&pn->lock);
	now = get_jiffies_64();
	pn->next_gc = 0;
	list_for_each_entry_safe(e, tmp, &pn->age, age) {
		if (fsr_pmk_expired(e, now))
			fsr_pmk_unlink(pn, e, FSR_REASON_EXPIRED);
		else if (!due || time_before64(e->expires, due))
			due = e->expires;
	}
	if (due)
		fsr_pmk_gc_arm(pn, due, now);
	mutex_unlock(&pn->lock);
}

int fsr_pmk_add(struct net *net, const struct fsr_pmk_secret *s,
		bool *replaced)
{
	struct fsr_pmk_net *pn = fsr_pmk_net(net);
	struct fsr_pmk *e, *old;
	u64 now;
	int ret;

	e = kmem_cache_zalloc(fsr_pmk_slab, GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->s = *s;

	mutex_lock(&pn->lock);
	now = get_jiffies_64();
	e->expires = now + (u64)s->info.lifetime * HZ;

	old = rhashtable_lookup_fast(&pn->ht, &s->info.id, fsr_pmk_ht_params);
	if (old) {
		ret = rhashtable_replace_fast(&pn->ht, &old->node, &e->node,
					      fsr_pmk_ht_params);
		if (ret)
			goto err_unlock;
		rb_replace_node(&old->rb, &e->rb, &pn->tree);
		/* A refreshed key counts as the newest one for eviction. */
		list_del(&old->age);
		list_add_tail(&e->age, &pn->age);
		fsr_pmk_bump(pn);
		fsr_pmk_notify(pn, e, FSR_EVENT_PMK_REPLACED, 0);
		call_rcu(&old->rcu, fsr_pmk_free_rcu);
		*replaced = true;
	} else {
		ret = rhashtable_insert_fast(&pn->ht, &e->node,
					     fsr_pmk_ht_params);
		if (ret)
			goto err_unlock;
		fsr_pmk_tree_insert(pn, e);
		list_add_tail(&e->age, &pn->age);
		pn->count++;
		fsr_pmk_bump(pn);
		fsr_pmk_notify(pn, e, FSR_EVENT_PMK_ADDED, 0);
		*replaced = false;
		while (pn->count > READ_ONCE(fsr_pmk_max))
			fsr_pmk_unlink(pn, list_first_entry(&pn->age,
							    struct fsr_pmk,
							    age),
				       FSR_REASON_EVICTED);
	}
	fsr_pmk_gc_arm(pn, e->expires, now);
	mutex_unlock(&pn->lock);
	return 0;

err_unlock:
	mutex_unlock(&pn->lock);
	fsr_pmk_free(e);
	return ret;
}

int fsr_pmk_del(struct net *net, const struct fsr_pmk_key *id)
{
	struct fsr_pmk_net *pn = fsr_pmk_net(net);
	struct fsr_pmk *e;
	int ret = -ENOENT;

	mutex_lock(&pn->lock);
	e = rhashtable_lookup_fast(&pn->ht, id, fsr_pmk_ht_params);
	if (e) {
		fsr_pmk_unlink(pn, e, FSR_REASON_USER);
		ret = 0;
	}
	mutex_unlock(&pn->lock);
	return ret;
}

static u32 fsr_pmk_flush_locked(struct fsr_pmk_net *pn, const u8 *sta,
				u8 reason)
{
	struct fsr_pmk *e, *tmp;
	u32 n = 0;

	list_for_each_entry_safe(e, tmp, &pn->age, age) {
		if (sta && !ether_addr_equal(sta, e->s.info.id.sta))
			continue;
		fsr_pmk_unlink(pn, e, reason);
		n++;
	}
	return n;
}

u32 fsr_pmk_flush(struct net *net, const u8 *sta)
{
	struct fsr_pmk_net *pn = fsr_pmk_net(net);
	u32 n;

	mutex_lock(&pn->lock);
	n = fsr_pmk_flush_locked(pn, sta, FSR_REASON_FLUSH);
	mutex_unlock(&pn->lock);
	return n;
}

int fsr_pmk_lookup(struct net *net, const struct fsr_pmk_key *id,
		   struct fsr_pmk_secret *out)
{
	struct fsr_pmk_net *pn;
	struct fsr_pmk *e;
	int ret = -ENOENT;
	u64 now;

	rcu_read_lock();
	pn = fsr_pmk_net(net);
	e = rhashtable_lookup(&pn->ht, id, fsr_pmk_ht_params);
	now = get_jiffies_64();
	if (e && !fsr_pmk_expired(e, now)) {
		*out = e->s;
		out->info.lifetime = fsr_pmk_remaining(e, now);
		ret = 0;
	}
	rcu_read_unlock();
	return ret;
}

void fsr_pmk_counts(struct net *net, u32 *count, u32 *generation)
{
	struct fsr_pmk_net *pn = fsr_pmk_net(net);

	mutex_lock(&pn->lock);
	*count = pn->count;
	*generation = pn->generation;
	mutex_unlock(&pn->lock);
}

int fsr_pmk_walk(struct net *net, const struct fsr_pmk_key *after,
		 u32 *generation, fsr_pmk_walk_fn fn, void *arg)
{
	struct fsr_pmk_net *pn = fsr_pmk_net(net);
	struct fsr_pmk_info info;
	struct rb_node *n;
	struct fsr_pmk *e;
	int ret = 0;
	u64 now;

	mutex_lock(&pn->lock);
	now = get_jiffies_64();
	*generation = pn->generation;
	for (e = fsr_pmk_first_after(pn, after); e; ) {
		/* Expired entries are absent, even if not yet collected. */
		if (!fsr_pmk_expired(e, now)) {
			info = e->s.info;
			info.lifetime = fsr_pmk_remaining(e, now);
			ret = fn(&info, arg);
			if (ret)
				break;
		}
		n = rb_next(&e->rb);
		e = n ? rb_entry(n, struct fsr_pmk, rb) : NULL;
	}
	mutex_unlock(&pn->lock);
	return ret;
}

static int __net_init fsr_pmk_net_init(struct net *net)
{
	struct fsr_pmk_net *pn = fsr_pmk_net(net);
	int ret;

	ret = rhashtable_init(&pn->ht, &fsr_pmk_ht_params);
	if (ret)
		return ret;
	pn->net = net;
	mutex_init(&pn->lock);
	pn->tree = RB_ROOT;
	INIT_LIST_HEAD(&pn->age);
	pn->generation = 1;
	INIT_DELAYED_WORK(&pn->gc, fsr_pmk_gc_work);
	return 0;
}

static void __net_exit fsr_pmk_net_exit(struct net *net)
{
	struct fsr_pmk_net *pn = fsr_pmk_net(net);

	/*
	 * No netlink request can reach this namespace any more (it is dying,
	 * or the family is gone on module unload), so once the work is
	 * cancelled nothing re-arms it.
	 */
	cancel_delayed_work_sync(&pn->gc);
	mutex_lock(&pn->lock);
	fsr_pmk_flush_locked(pn, NULL, FSR_REASON_SHUTDOWN);
	pn->next_gc = 0;
	mutex_unlock(&pn->lock);
	rhashtable_destroy(&pn->ht);
}

static struct pernet_operations fsr_pmk_net_ops = {
	.init = fsr_pmk_net_init,
	.exit = fsr_pmk_net_exit,
	.id = &fsr_pmk_net_id,
	.size = sizeof(struct fsr_pmk_net),
};

int fsr_pmk_init(void)
{
	int ret;

	fsr_pmk_slab = KMEM_CACHE(fsr_pmk, 0);
	if (!fsr_pmk_slab)
		return -ENOMEM;
	ret = register_pernet_subsys(&fsr_pmk_net_ops);
	if (ret)
		kmem_cache_destroy(fsr_pmk_slab);
	return ret;
}

void fsr_pmk_exit(void)
{
	unregister_pernet_subsys(&fsr_pmk_net_ops);
	/* Entries still waiting for their grace period are freed first. */
	rcu_barrier();
	kmem_cache_destroy(fsr_pmk_slab);
}
