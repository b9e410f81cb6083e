// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */
/*
 * The table of FT exchanges in progress (struct fsr_ft_pend).
 *
 * A fixed array of buckets, each with its own spinlock and an RCU list, so
 * that roams of different stations never contend on one lock and the
 * receive hook looks up without any lock. The number of exchanges is
 * bounded per network namespace (module parameter pending_max); a
 * delayed work drops those past their deadline (plus a grace period in
 * which a late Reassociation Request is still recognised and refused as
 * stale). Freed entries are wiped (they hold the PTK). Whatever takes an
 * entry out of the table, and the garbage collector once its deadline
 * has passed, kicks its prepare work (ft_prep.c), which removes a station
 * prepared for it and not used, and the work that waits for its
 * Reassociation Response's ACK (ft_ack.c), which undoes that roam.
 */

#include "ft.h"
#include "bss.h"
#include "main.h"

#include <linux/etherdevice.h>
#include <linux/jhash.h>
#include <linux/jiffies.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#define FSR_PEND_BITS		8
#define FSR_PEND_BUCKETS	BIT(FSR_PEND_BITS)
#define FSR_PEND_GRACE_MS	5000
#define FSR_PEND_GC_MS		1000

struct fsr_pend_bucket {
	spinlock_t lock;		/* writers of @head */
	struct hlist_head head;
};

static struct fsr_pend_bucket fsr_pend_tbl[FSR_PEND_BUCKETS];
static u32 fsr_pend_seed __read_mostly;
static struct delayed_work fsr_pend_gc_work;

static struct fsr_pend_bucket *fsr_pend_bucket(u64 bss_id, const u8 *sta)
{
	u32 h = jhash(sta, ETH_ALEN, fsr_pend_seed ^ (u32)bss_id);

	return &fsr_pend_tbl[h & (FSR_PEND_BUCKETS - 1)];
}

static void fsr_pend_free_rcu(struct rcu_head *head)
{
	struct fsr_ft_pend *p = container_of(head, struct fsr_ft_pend, rcu);

	fsr_pend_quota_put(p->quota);
	kfree(p->auth_resp);
	kfree(p->req);
	kfree(p->resp);
	mutex_destroy(&p->lock);
	kfree_sensitive(p);
}

void fsr_ft_pend_put(struct fsr_ft_pend *p)
{
	if (p && refcount_dec_and_test(&p->ref))
		call_rcu(&p->rcu, fsr_pend_free_rcu);
}

struct fsr_ft_pend *fsr_ft_pend_alloc(const u8 *sta, gfp_t gfp)
{
	struct fsr_ft_pend *p;

	p = kzalloc(sizeof(*p), gfp);
	if (!p)
		return NULL;
	refcount_set(&p->ref, 1);
	mutex_init(&p->lock);
	INIT_WORK(&p->prep_work, fsr_ft_prep_work);
	INIT_DELAYED_WORK(&p->ack_work, fsr_ft_ack_work);
	ether_addr_copy(p->sta, sta);
	return p;
}

/* Bucket lock held; @uncount: give back its place in the namespace. */
static void __fsr_pend_unhash(struct fsr_ft_pend *p, bool uncount)
{
	hlist_del_rcu(&p->node);
	WRITE_ONCE(p->hashed, false);
	if (uncount)
		atomic_dec(&p->quota->n);
	/* A station prepared for it and not used goes (ft_prep.c). */
	fsr_ft_prep_kick(p);
	/* A roam waiting for its response's ACK is undone (ft_ack.c). */
	fsr_ft_ack_kick(p);
	fsr_ft_pend_put(p);
}

static void fsr_pend_unhash(struct fsr_ft_pend *p)
{
	__fsr_pend_unhash(p, true);
}

static struct fsr_ft_pend *fsr_pend_find(struct fsr_pend_bucket *b,
					 u64 bss_id, const u8 *sta)
{
	struct fsr_ft_pend *p;

	hlist_for_each_entry_rcu(p, &b->head, node,
				 lockdep_is_held(&b->lock))
		if (p->bss_id == bss_id && ether_addr_equal(p->sta, sta))
			return p;
	return NULL;
}

bool fsr_ft_pend_same_auth(const struct fsr_ft_pend *p, const u8 *r1_name,
			   const u8 *snonce)
{
	return p->auth_resp && time_before(jiffies, p->expires) &&
	       !memcmp(p->r1_name, r1_name, FSR_FT_NAME_LEN) &&
	       !memcmp(p->snonce, snonce, FSR_FT_NONCE_LEN);
}

int fsr_ft_pend_insert(struct fsr_bss *bss, struct fsr_ft_pend *p,
		       unsigned int deadline_ms, struct fsr_ft_pend **same)
{
	struct fsr_pend_bucket *b = fsr_pend_bucket(bss->id, p->sta);
	struct fsr_ft_pend *old;
	int ret = 0;

	p->bss_id = bss->id;
	p->expires = jiffies + msecs_to_jiffies(deadline_ms);
	p->gc_at = p->expires + msecs_to_jiffies(FSR_PEND_GRACE_MS);

	spin_lock_bh(&b->lock);
	/* Checked under the lock that fsr_ft_pending_flush_bss() takes. */
	if (READ_ONCE(bss->dead)) {
		ret = -ENODEV;
		goto out;
	}
	old = fsr_pend_find(b, bss->id, p->sta);
	if (old && fsr_ft_pend_same_auth(old, p->r1_name, p->snonce)) {
		/* A retransmission that overtook the first one's answer. */
		refcount_inc(&old->ref);
		*same = old;
		ret = -EEXIST;
		goto out;
	}
	if (old) {
		/* @p takes the place of @old: the count does not move. */
		__fsr_pend_unhash(old, false);
	} else if (atomic_inc_return(&bss->quota->n) >
		   READ_ONCE(fsr_pending_max)) {
		/* Taken and given back: the limit is exact across buckets. */
		atomic_dec(&bss->quota->n);
		ret = -ENOSPC;
		goto out;
	}
	refcount_inc(&bss->quota->ref);
	p->quota = bss->quota;
	WRITE_ONCE(p->hashed, true);
	hlist_add_head_rcu(&p->node, &b->head);
out:
	spin_unlock_bh(&b->lock);
	if (ret)
		fsr_ft_pend_put(p);
	return ret;
}

struct fsr_ft_pend *fsr_ft_pend_find_rcu(const struct fsr_bss *bss,
					 const u8 *sta)
{
	return fsr_pend_find(fsr_pend_bucket(bss->id, sta), bss->id, sta);
}

bool fsr_ft_pend_hashed(struct fsr_ft_pend *p)
{
	struct fsr_pend_bucket *b = fsr_pend_bucket(p->bss_id, p->sta);
	bool hashed;

	/*
	 * The bucket lock orders this against an unhash: either the caller
	 * sees it, or the unhash sees what the caller published before.
	 */
	spin_lock_bh(&b->lock);
	hashed = p->hashed;
	spin_unlock_bh(&b->lock);
	return hashed;
}

void fsr_ft_pend_remove(struct fsr_ft_pend *p)
{
	struct fsr_pend_bucket *b = fsr_pend_bucket(p->bss_id, p->sta);

	spin_lock_bh(&b->lock);
	if (p->hashed)
		fsr_pend_unhash(p);
	spin_unlock_bh(&b->lock);
}

/* Drop the entries @match selects, bucket by bucket; how many. */
static u32 fsr_pend_sweep(bool (*match)(const struct fsr_ft_pend *p,
					const void *arg),
			  const void *arg)
{
	unsigned int i;
	u32 n = 0;

	for (i = 0; i < FSR_PEND_BUCKETS; i++) {
		struct fsr_pend_bucket *b = &fsr_pend_tbl[i];
		struct fsr_ft_pend *p;
		struct hlist_node *tmp;

		/* Locked even when it looks empty: an insert may be racing. */
		spin_lock_bh(&b->lock);
		hlist_for_each_entry_safe(p, tmp, &b->head, node) {
			if (match(p, arg)) {
				fsr_pend_unhash(p);
				n++;
			}
		}
		spin_unlock_bh(&b->lock);
	}
	return n;
}

static bool fsr_pend_of_bss(const struct fsr_ft_pend *p, const void *arg)
{
	return p->bss_id == *(const u64 *)arg;
}

void fsr_ft_pending_flush_bss(struct fsr_bss *bss)
{
	fsr_pend_sweep(fsr_pend_of_bss, &bss->id);
}

struct fsr_pend_who {
	const struct fsr_pend_quota *quota;	/* compared, never followed */
	const u8 *sta;				/* NULL: every station */
};

static bool fsr_pend_of_sta(const struct fsr_ft_pend *p, const void *arg)
{
	const struct fsr_pend_who *w = arg;

	return p->quota == w->quota &&
	       (!w->sta || ether_addr_equal(p->sta, w->sta));
}

/*
 * Keys revoked (FSR_CMD_PMK_FLUSH): the exchanges of @sta (NULL: all) in
 * the namespace counted by @quota end too, so that an FT Authentication
 * already answered cannot be completed with the revoked key. A job already
 * running past its last check may still finish: microseconds.
 */
u32 fsr_ft_pending_flush_sta(const struct fsr_pend_quota *quota,
			     const u8 *sta)
{
	struct fsr_pend_who w = { .quota = quota, .sta = sta };

	return fsr_pend_sweep(fsr_pend_of_sta, &w);
}

static bool fsr_pend_old(const struct fsr_ft_pend *p, const void *arg)
{
	return time_after(jiffies, p->gc_at);
}

static bool fsr_pend_any(const struct fsr_ft_pend *p, const void *arg)
{
	return true;
}

/* Past the deadline: a prepared station no Reassociation can use now. */
static void fsr_pend_kick_expired(void)
{
	unsigned int i;

	for (i = 0; i < FSR_PEND_BUCKETS; i++) {
		struct fsr_pend_bucket *b = &fsr_pend_tbl[i];
		struct fsr_ft_pend *p;

		if (hlist_empty(&b->head))
			continue;
		spin_lock_bh(&b->lock);
		hlist_for_each_entry(p, &b->head, node)
			if (time_after(jiffies, p->expires) &&
			    READ_ONCE(p->prep) == FSR_PREP_ADDED)
				fsr_ft_prep_kick(p);
		spin_unlock_bh(&b->lock);
	}
}

static void fsr_pend_gc(struct work_struct *work)
{
	fsr_pend_sweep(fsr_pend_old, NULL);
	fsr_pend_kick_expired();
	queue_delayed_work(system_power_efficient_wq, &fsr_pend_gc_work,
			   msecs_to_jiffies(FSR_PEND_GC_MS));
}

int fsr_ft_pending_init(void)
{
	unsigned int i;

	for (i = 0; i < FSR_PEND_BUCKETS; i++) {
		spin_lock_init(&fsr_pend_tbl[i].lock);
		INIT_HLIST_HEAD(&fsr_pend_tbl[i].head);
	}
	fsr_pend_seed = get_random_u32();
	INIT_DELAYED_WORK(&fsr_pend_gc_work, fsr_pend_gc);
	queue_delayed_work(system_power_efficient_wq, &fsr_pend_gc_work,
			   msecs_to_jiffies(FSR_PEND_GC_MS));
	return 0;
}

void fsr_ft_pending_exit(void)
{
	cancel_delayed_work_sync(&fsr_pend_gc_work);
	/* Every BSS is gone by now; this only catches what raced with it. */
	fsr_pend_sweep(fsr_pend_any, NULL);
}
