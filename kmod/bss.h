/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (C) 2026 The fsr authors. */
#ifndef _FSR_BSS_H
#define _FSR_BSS_H

#include <linux/fsr.h>
#include <linux/if_ether.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/ratelimit.h>
#include <linux/refcount.h>
#include <linux/types.h>
#include <linux/u64_stats_sync.h>

struct net;
struct netlink_ext_ack;

#define FSR_FT_MDE_LEN		5
#define FSR_FT_RSNE_MAX		257
#define FSR_FT_HEAD_MAX		512
#define FSR_FT_TAIL_MAX		1024
#define FSR_FT_GTK_MAX		32
#define FSR_FT_AID_LIMIT	2007
#define FSR_FT_DEADLINE_DEF	1000
/* Bounds of what frames make the fast path do, per BSS. */
#define FSR_FT_QUEUE_MAX	64	/* jobs queued for the workers */
#define FSR_FT_PREP_MAX		64	/* stations prepared or preparing */
#define FSR_FT_EVENTS_PER_S	100	/* FT_PASSED / FT_REFUSED events */
#define FSR_FT_REFUSALS_PER_S	100	/* refusals sent from the hook */

enum fsr_hist_stage {
	FSR_HIST_AUTH,
	FSR_HIST_REASSOC,
	__FSR_HIST_STAGES,
};

/* The part of the fast-path configuration a reply may carry. */
struct fsr_ft_public {
	u8 enable;
	u8 ready;
	u8 has_mde;
	u8 has_r1kh;
	u8 mde[FSR_FT_MDE_LEN];
	u8 r1kh_id[ETH_ALEN];
	u16 rsne_len;			/* 0: not set */
	u8 rsne[FSR_FT_RSNE_MAX];
	u16 capab;
	u16 head_len;
	u8 head[FSR_FT_HEAD_MAX];
	u16 tail_len;
	u8 tail[FSR_FT_TAIL_MAX];
	u16 aid_min;
	u16 aid_max;
	u32 deadline_ms;
	u8 gtk_idx;			/* 0: no GTK set */
	u8 wmm;				/* tail carries a WMM parameter elem */
};

/*
 * The configuration the receive hook reads under RCU. It is replaced as a
 * whole on every BSS_SET; the old one is wiped and freed after a grace
 * period (it holds the GTK).
 */
struct fsr_ft_conf {
	struct rcu_head rcu;
	struct fsr_ft_public pub;
	u8 gtk_len;
	u8 gtk[FSR_FT_GTK_MAX];
};

/* A BSS_SET request: the attributes given, others left as they are. */
struct fsr_ft_update {
	u32 present;			/* BIT(FSR_FT_A_*) */
	struct fsr_ft_conf conf;	/* the given values */
};

struct fsr_bss_pcpu {
	u64_stats_t cnt[__FSR_STAT_MAX];
	u64_stats_t hist[__FSR_HIST_STAGES][FSR_HIST_BUCKETS];
	struct u64_stats_sync syncp;
};

/*
 * The count of FT exchanges of one network namespace, against pending_max.
 * Refcounted, not embedded in the namespace's data: BSSes and exchanges
 * may outlive the namespace by a grace period or a queued job, and none of
 * them keeps a raw pointer into it. One reference for the namespace, one
 * per BSS attached in it, one per exchange in the table.
 */
struct fsr_pend_quota {
	refcount_t ref;
	atomic_t n;
};

void fsr_pend_quota_put(struct fsr_pend_quota *q);
const struct fsr_pend_quota *fsr_bss_net_quota(struct net *net);

/* An attached BSS. Lookups under RCU; a reference keeps it (and dev). */
struct fsr_bss {
	struct hlist_node hnode;	/* fsr_bss_table, RCU */
	struct list_head list;		/* fsr_bss_net.list, its lock */
	struct net_device *dev;
	netdevice_tracker tracker;
	struct fsr_bss_pcpu __percpu *stats;
	struct fsr_ft_conf __rcu *ft;	/* fsr_bss_net.lock for writers */
	/* the device's, kept by the notifier; under fsr_bss_net.lock */
	char ifname[IFNAMSIZ];
	u8 bssid[ETH_ALEN];
	u64 id;				/* unique for the module's life */
	struct fsr_pend_quota *quota;	/* a reference */
	atomic_t queued;		/* jobs handed to the workers */
	atomic_t preps;			/* FSR_FT_PREP_MAX, ft_prep.c */
	struct ratelimit_state ev_rs;	/* FT_PASSED / FT_REFUSED events */
	struct ratelimit_state tx_rs;	/* refusals sent by the hook */
	struct mutex sta_lock;		/* AID choice and station add */
	refcount_t ref;
	bool dead;			/* detached: serve nothing more */
	struct rcu_head rcu;
};

/* A snapshot of an attached BSS, for replies and events. */
struct fsr_bss_view {
	int ifindex;
	char ifname[IFNAMSIZ];
	u8 bssid[ETH_ALEN];
	/* indexed by enum fsr_stat; [0] and [FSR_STAT_PAD] unused */
	u64 stats[__FSR_STAT_MAX];
	u64 hist[__FSR_HIST_STAGES][FSR_HIST_BUCKETS];
	bool has_ft;
	struct fsr_ft_public ft;	/* never the GTK */
};

int fsr_bss_init(void);
void fsr_bss_exit(void);

/* Under rcu_read_lock (or RTNL): the attached BSS of @dev, or NULL. */
struct fsr_bss *fsr_bss_find_rcu(const struct net_device *dev);

/*
 * Process context. Attach and detach take RTNL, then the namespace's
 * mutex; the others only that mutex, never RTNL.
 */
int fsr_bss_attach(struct net *net, u32 ifindex,
		   struct netlink_ext_ack *extack);
int fsr_bss_detach(struct net *net, u32 ifindex,
		   struct netlink_ext_ack *extack);
int fsr_bss_get(struct net *net, u32 ifindex, struct fsr_bss_view *v);
u32 fsr_bss_count(struct net *net);
/* Applies @upd (validated by the caller) to the BSS's fast path. */
int fsr_bss_ft_set(struct net *net, u32 ifindex,
		   const struct fsr_ft_update *upd,
		   struct netlink_ext_ack *extack);

/*
 * Calls @fn, under the namespace's mutex, for each BSS of @net with an ifindex greater than
 * @after, in ifindex order, until @fn returns non-zero (then returned).
 * Before the first call it stores the generation of the namespace's BSS
 * list, stable during the walk, in *@generation.
 */
typedef int (*fsr_bss_walk_fn)(const struct fsr_bss_view *v, void *arg);
int fsr_bss_walk(struct net *net, int after, u32 *generation,
		 fsr_bss_walk_fn fn, void *arg);

/* For the fast path (rx.c, ft_work.c). Any context unless told otherwise. */
void fsr_bss_put(struct fsr_bss *bss);
void fsr_bss_count_stat(struct fsr_bss *bss, unsigned int stat);
void fsr_bss_count_hist(struct fsr_bss *bss, enum fsr_hist_stage stage,
			u64 ns);
/*
 * Process context: removes @sta from every other attached BSS of @bss's
 * namespace (it has roamed to @bss), as long as @own is still at the
 * generation @gen of @bss's claim: an entry added after the station moved
 * on again is never removed (ieee80211_mgmt_offload_del_sta_if()).
 */
struct fsr_sta_owner;
void fsr_bss_del_sta_others(struct fsr_bss *bss, const u8 *sta,
			    const struct fsr_sta_owner *own, u32 gen);

#endif /* _FSR_BSS_H */
