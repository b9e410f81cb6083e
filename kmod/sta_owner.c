// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */
/*
 * Which BSS owns a station the fast path has just served, so that its old
 * entries on the other BSSes are removed and a newer one is not (issue 12,
 * finding 8). Any context.
 *
 * A roam served on BSS B ends with the station removed from every other
 * BSS of the namespace. Meanwhile the station may have gone on to BSS C:
 * a newer roam the kernel served, or an association fsrd served. C's entry
 * must stay. One record per (namespace, station) says which BSS took the
 * station last, with a generation:
 *
 *  - the worker serving a Reassociation on B claims the record before it
 *    adds the station (owner B, generation + 1) and keeps that generation;
 *  - the receive hook bumps the generation when the station sends an
 *    Authentication or a (Re)Association Request to any other attached
 *    BSS (the owner is then unknown). Every association, fsrd's included,
 *    starts with such a frame, so no entry is added on another BSS before
 *    the generation has moved;
 *  - B's worker removes the station from the other BSSes with
 *    ieee80211_mgmt_offload_del_sta_if(), which asks fsr_sta_owner_stale()
 *    (still our generation?) under the wiphy mutex that every station add
 *    takes: an entry called stale there was added before our claim. Once
 *    the generation has moved it removes nothing more; the station's new
 *    BSS (its worker, or fsrd) owns it.
 *
 * A record exists only while a worker holds it (@users, under the bucket
 * lock): created by the first claim, unhashed by the last release, freed
 * after an RCU grace period (the hook may still be bumping it). So there
 * are never more records than Reassociation jobs running, which are
 * bounded per BSS (FSR_FT_QUEUE_MAX); the hook never allocates one.
 * Namespaces are told apart by their exchange quota (struct
 * fsr_pend_quota), of which a record holds a reference.
 */

#include "ft.h"
#include "bss.h"

#include <linux/etherdevice.h>
#include <linux/hash.h>
#include <linux/jhash.h>
#include <linux/random.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define FSR_OWN_BITS	6
#define FSR_OWN_BUCKETS	BIT(FSR_OWN_BITS)

struct fsr_sta_owner {
	struct hlist_node node;		/* bucket list, RCU */
	struct rcu_head rcu;
	struct fsr_pend_quota *ns;	/* a reference; the namespace */
	u8 sta[ETH_ALEN];
	u64 owner;			/* BSS id; 0 when unknown */
	atomic_t gen;			/* moves when the station does */
	unsigned int users;		/* bucket lock */
};

struct fsr_own_bucket {
	spinlock_t lock;		/* writers of @head, @users */
	struct hlist_head head;
};

static struct fsr_own_bucket fsr_own_tbl[FSR_OWN_BUCKETS];
static u32 fsr_own_seed __read_mostly;

static struct fsr_own_bucket *fsr_own_bucket(const struct fsr_pend_quota *ns,
					     const u8 *sta)
{
	u32 h = jhash(sta, ETH_ALEN, fsr_own_seed ^ hash_ptr(ns, 32));

	return &fsr_own_tbl[h & (FSR_OWN_BUCKETS - 1)];
}

static struct fsr_sta_owner *fsr_own_find(struct fsr_own_bucket *b,
					  const struct fsr_pend_quota *ns,
					  const u8 *sta)
{
	struct fsr_sta_owner *o;

	hlist_for_each_entry_rcu(o, &b->head, node, lockdep_is_held(&b->lock))
		if (o->ns == ns && ether_addr_equal(o->sta, sta))
			return o;
	return NULL;
}

/**
 * fsr_sta_owner_claim - record that @bss takes @sta
 * @bss: the BSS serving the station's Reassociation
 * @sta: the station
 * @gen: where the generation of this claim goes
 *
 * Process context. Call before the station is added on @bss; keep the
 * record until the other BSSes are cleaned, then fsr_sta_owner_release().
 *
 * Return: the record, or %NULL when out of memory.
 */
struct fsr_sta_owner *fsr_sta_owner_claim(struct fsr_bss *bss, const u8 *sta,
					  u32 *gen)
{
	struct fsr_own_bucket *b = fsr_own_bucket(bss->quota, sta);
	struct fsr_sta_owner *o, *fresh;

	fresh = kzalloc(sizeof(*fresh), GFP_KERNEL);
	if (!fresh)
		return NULL;
	spin_lock_bh(&b->lock);
	o = fsr_own_find(b, bss->quota, sta);
	if (!o) {
		o = fresh;
		fresh = NULL;
		refcount_inc(&bss->quota->ref);
		o->ns = bss->quota;
		ether_addr_copy(o->sta, sta);
		hlist_add_head_rcu(&o->node, &b->head);
	}
	o->users++;
	WRITE_ONCE(o->owner, bss->id);
	*gen = atomic_inc_return(&o->gen);
	spin_unlock_bh(&b->lock);
	kfree(fresh);
	return o;
}

static void fsr_own_free_rcu(struct rcu_head *head)
{
	struct fsr_sta_owner *o = container_of(head, struct fsr_sta_owner, rcu);

	fsr_pend_quota_put(o->ns);
	kfree(o);
}

/**
 * fsr_sta_owner_release - the worker is done with @o
 * @o: a record from fsr_sta_owner_claim(), or %NULL
 *
 * Any context. The last user unhashes it; a worker still holding an
 * unhashed record sees its generation moved.
 */
void fsr_sta_owner_release(struct fsr_sta_owner *o)
{
	struct fsr_own_bucket *b;
	bool last;

	if (!o)
		return;
	b = fsr_own_bucket(o->ns, o->sta);
	spin_lock_bh(&b->lock);
	last = !--o->users;
	if (last) {
		hlist_del_rcu(&o->node);
		atomic_inc(&o->gen);
	}
	spin_unlock_bh(&b->lock);
	if (last)
		call_rcu(&o->rcu, fsr_own_free_rcu);
}

/**
 * fsr_sta_owner_seen - the station sent a (re)association frame to @bss
 * @bss: the attached BSS the frame came to
 * @sta: the frame's source address
 *
 * Softirq, under rcu_read_lock(); never allocates. If the station's
 * record names another BSS, its owner becomes unknown and its generation
 * moves, so that no cleanup in progress removes what comes next.
 */
void fsr_sta_owner_seen(const struct fsr_bss *bss, const u8 *sta)
{
	struct fsr_sta_owner *o;

	o = fsr_own_find(fsr_own_bucket(bss->quota, sta), bss->quota, sta);
	if (o && READ_ONCE(o->owner) != bss->id) {
		WRITE_ONCE(o->owner, 0);
		atomic_inc(&o->gen);
	}
}

/**
 * fsr_sta_owner_current - is @gen still the record's generation?
 * @o: the record
 * @gen: the generation of a claim
 *
 * Any context; ieee80211_mgmt_offload_del_sta_if() calls it under the
 * wiphy mutex.
 *
 * Return: %true if nothing happened to the station since that claim.
 */
bool fsr_sta_owner_current(const struct fsr_sta_owner *o, u32 gen)
{
	return atomic_read(&o->gen) == gen;
}

void fsr_sta_owner_init(void)
{
	unsigned int i;

	for (i = 0; i < FSR_OWN_BUCKETS; i++) {
		spin_lock_init(&fsr_own_tbl[i].lock);
		INIT_HLIST_HEAD(&fsr_own_tbl[i].head);
	}
	fsr_own_seed = get_random_u32();
}
