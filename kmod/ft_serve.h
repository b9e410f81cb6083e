/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (C) 2026 The fsr authors. */
#ifndef _FSR_FT_SERVE_H
#define _FSR_FT_SERVE_H

#include <linux/if_ether.h>
#include <linux/ktime.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/skbuff.h>
#include <linux/types.h>
#include <net/mac80211.h>

#include "ft/ft_kdf.h"

struct fsr_bss;

/*
 * One FT exchange the fast path is serving: created by the FT
 * Authentication it answered, used by the Reassociation Request that
 * follows, kept as "done" (with the response, for identical
 * retransmissions) until its deadline, then dropped. Keyed by (BSS id,
 * station); looked up under RCU by the receive hook, by reference in the
 * workers. @lock serialises the workers of one exchange.
 */
struct fsr_ft_pend {
	struct hlist_node node;		/* bucket list, RCU */
	struct rcu_head rcu;
	refcount_t ref;
	u64 bss_id;
	u8 sta[ETH_ALEN];
	bool hashed;			/* bucket lock */
	atomic_t *count;		/* the namespace's exchange count */
	unsigned long expires;		/* reassociation deadline, jiffies */
	unsigned long gc_at;		/* dropped after this */
	struct mutex lock;
	/* under @lock */
	bool done;
	struct fsr_ft_suite suite;
	struct fsr_ft_ptk ptk;		/* wiped once the roam is done */
	u8 r0_name[FSR_FT_NAME_LEN];
	u8 r1_name[FSR_FT_NAME_LEN];
	u8 r0kh_id[FSR_FT_R0KH_ID_MAX_LEN];
	u8 r0kh_id_len;
	u8 anonce[FSR_FT_NONCE_LEN];
	u8 snonce[FSR_FT_NONCE_LEN];
	u16 aid;
	u8 *req;			/* done: request body after the header */
	size_t req_len;
	u8 *resp;			/* done: the whole response frame */
	size_t resp_len;
};

/* ft_pending.c */
int fsr_ft_pending_init(void);
void fsr_ft_pending_exit(void);
struct fsr_ft_pend *fsr_ft_pend_alloc(const u8 *sta, gfp_t gfp);
void fsr_ft_pend_put(struct fsr_ft_pend *p);
/*
 * Insert @p for @bss (it takes over the caller's reference), replacing an
 * exchange of the same station: -ENOSPC when the namespace has pending_max
 * exchanges, -ENODEV when @bss was detached. Any context.
 */
int fsr_ft_pend_insert(struct fsr_bss *bss, struct fsr_ft_pend *p,
		       unsigned int deadline_ms);
/* Under rcu_read_lock: is there an exchange (maybe stale) for @sta? */
bool fsr_ft_pend_exists_rcu(const struct fsr_bss *bss, const u8 *sta);
/* A reference on the exchange of @sta, or NULL. */
struct fsr_ft_pend *fsr_ft_pend_get(const struct fsr_bss *bss,
				    const u8 *sta);
/* Drop @p from the table (if still there). */
void fsr_ft_pend_remove(struct fsr_ft_pend *p);
/* Drop (and wipe) every exchange of @bss; it must be marked dead. */
void fsr_ft_pending_flush_bss(struct fsr_bss *bss);

/* ft_serve.c */
int fsr_ft_init(void);
/* Runs every queued fast-path work; the hook must be unregistered. */
void fsr_ft_drain(void);
void fsr_ft_exit(void);
/* Receive hook part for FT frames: softirq, under rcu_read_lock. */
enum ieee80211_mgmt_offload_verdict fsr_ft_rx(struct fsr_bss *bss,
					      struct ieee80211_vif *vif,
					      struct sk_buff *skb, ktime_t t0);

#endif /* _FSR_FT_SERVE_H */
