/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (C) 2026 The fsr authors. */
/*
 * The FT fast path's internal interface. Which context each part runs in
 * is the file it lives in:
 *
 *   rx.c          softirq: the mac80211 receive hook, parsing, lookups,
 *                 the decision to pass, refuse or consume a frame
 *   ft_auth.c     softirq: an FT Authentication answered from the hook
 *                 (ANonce, PTK, exchange, response); the same for an FT
 *                 Request over the DS, from netlink with BHs off
 *   ft_work.c     process context: the Reassociation jobs the hook queued
 *                 (station, key, response, authorization)
 *   ft_prep.c     process context: the station of an exchange prepared
 *                 after the FT Authentication response, and removed
 *                 when the exchange ends without a Reassociation
 *   ft_ack.c      softirq: the Reassociation Response's TX status;
 *                 process context: the PTK and the port after its ACK,
 *                 or the roam undone when no ACK comes
 *   ft_report.c   any context: counters and events of both
 *   ft_pending.c  any context: the table of exchanges in progress
 *   sta_owner.c   any context: which BSS owns a station just served
 *   bss.c         object lifetime: BSS attach/detach, namespace init/exit
 */
#ifndef _FSR_FT_H
#define _FSR_FT_H

#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/ieee80211.h>
#include <linux/ktime.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/skbuff.h>
#include <linux/types.h>
#include <linux/workqueue.h>
#include <net/mac80211.h>

#include "ft/ft_kdf.h"
#include "pmk_cache.h"

struct fsr_bss;
struct fsr_ft_conf;
struct fsr_sta_ntf;

#define FSR_HDR_LEN		24
#define FSR_AUTH_BODY		offsetof(struct ieee80211_mgmt, u.auth.variable)
#define FSR_REASSOC_BODY	offsetof(struct ieee80211_mgmt, \
					 u.reassoc_req.variable)
#define FSR_RESP_BODY		offsetof(struct ieee80211_mgmt, \
					 u.reassoc_resp.variable)
#define FSR_AUTH_RESP_MAX	768
#define FSR_REASSOC_RESP_MAX	2560
#define FSR_GTK_SUB_MAX		64
#define FSR_FT_RSC_LEN		8
#define FSR_RATES_MAX		32
#define FSR_RSN_CAP_MFPR	BIT(6)
#define FSR_RSN_CAP_MFPC	BIT(7)

struct fsr_ft_job {
	struct work_struct work;
	struct fsr_bss *bss;		/* a reference */
	struct sk_buff *skb;
	ktime_t t0;
	struct fsr_ft_pend *pend;	/* a reference */
};

/* Outcome of the checks on an FT request. */
struct fsr_ft_verdict {
	u16 status;	/* refuse with it when non-zero */
	u8 why;		/* refuse or pass reason; 0: serve */
};

static inline bool fsr_ft_bad(struct fsr_ft_verdict *v, u16 status, u8 why)
{
	v->status = status;
	v->why = why;
	return false;
}

static inline bool fsr_ft_pass(struct fsr_ft_verdict *v, u8 why)
{
	v->status = 0;
	v->why = why;
	return false;
}

/* Where the prepared station of an exchange stands (ft_prep.c). */
enum fsr_ft_prep {
	FSR_PREP_NONE,		/* not prepared (yet) */
	FSR_PREP_ADDED,		/* added unassociated, @aid reserved */
	FSR_PREP_OVER,		/* nothing more to do for it */
};

/* Where the wait for the Reassociation Response's ACK stands (ft_ack.c). */
enum fsr_ft_ack {
	FSR_ACK_NONE,		/* no response sent yet */
	FSR_ACK_WAIT,		/* sent; PTK and port wait for its ACK */
	FSR_ACK_OVER,		/* keys in and port open, or undone */
};

/*
 * One FT exchange the fast path is serving: created by the FT
 * Authentication it answered, used by the Reassociation Request that
 * follows, kept as "done" (with the response, for identical
 * retransmissions) until its deadline, then dropped. Keyed by (BSS id,
 * station); looked up under RCU by the receive hook, by reference in the
 * workers. @lock serialises the workers of one exchange. @sta, @bss_id,
 * @expires, @r1_name, @snonce and @auth_resp are set before the entry is
 * published and only read afterwards, so the hook reads them under RCU.
 */
struct fsr_ft_pend {
	struct hlist_node node;		/* bucket list, RCU */
	struct rcu_head rcu;
	refcount_t ref;
	u64 bss_id;
	u8 sta[ETH_ALEN];
	bool hashed;			/* bucket lock; READ_ONCE outside */
	struct fsr_pend_quota *quota;	/* a reference while hashed or after */
	unsigned long expires;		/* reassociation deadline, jiffies */
	unsigned long gc_at;		/* dropped after this */
	atomic_t queued;		/* a Reassociation job is queued */
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
	u16 aid;			/* prepared or served with it */
	u8 prep;			/* enum fsr_ft_prep */
	/*
	 * The station prepared after the FT Authentication response:
	 * @prep_bss is a BSS reference taken (with a place in its
	 * FSR_FT_PREP_MAX) before @prep_work is first queued, and given back
	 * by that work, under @lock, once @prep is FSR_PREP_OVER.
	 * @prep_live says it is held, for kickers that cannot take @lock.
	 * Each queued run of @prep_work holds a reference on the entry.
	 */
	struct fsr_bss *prep_bss;
	bool prep_live;			/* smp_store_release / load_acquire */
	struct work_struct prep_work;
	/*
	 * The FT Authentication response, written before the entry is
	 * published and never changed after: the hook resends it (under RCU)
	 * to a retransmitted request, one with the same SNonce.
	 */
	u8 *auth_resp;
	size_t auth_resp_len;
	/*
	 * The wait for the Reassociation Response's ACK (ft_ack.c): set
	 * under @lock by the job that sent it; @ack and @ack_tag are also
	 * read by the TX status callback under RCU. While @ack is
	 * FSR_ACK_WAIT, @ack_bss and @ack_own are references and @ack_work
	 * is pending or running; each queued run holds a reference on the
	 * entry.
	 */
	u8 ack;				/* enum fsr_ft_ack */
	u8 ack_tag;			/* handed back with the TX status */
	atomic_t acked;			/* the response was acknowledged */
	unsigned long ack_by;		/* jiffies: undone after this */
	struct fsr_bss *ack_bss;
	struct fsr_sta_owner *ack_own;
	u32 ack_own_gen;
	u64 service_ns;			/* request to response */
	u8 gtk_idx;
	struct delayed_work ack_work;
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
 * exchanges, -ENODEV when @bss was detached. -EEXIST when the station's
 * exchange in the table answered the same request (same PMKR1Name and
 * SNonce, deadline not passed): it stays, and *@same holds a reference on
 * it for the caller to resend its response. Any context.
 */
int fsr_ft_pend_insert(struct fsr_bss *bss, struct fsr_ft_pend *p,
		       unsigned int deadline_ms, struct fsr_ft_pend **same);
/* Under rcu_read_lock: the exchange (maybe stale) of @sta, or NULL. */
struct fsr_ft_pend *fsr_ft_pend_find_rcu(const struct fsr_bss *bss,
					 const u8 *sta);
/* Any context: does @p answer the FT Authentication (@r1_name, @snonce)? */
bool fsr_ft_pend_same_auth(const struct fsr_ft_pend *p, const u8 *r1_name,
			   const u8 *snonce);
/* Drop @p from the table (if still there). */
void fsr_ft_pend_remove(struct fsr_ft_pend *p);
/* Is @p still in the table? Under its bucket lock; any context. */
bool fsr_ft_pend_hashed(struct fsr_ft_pend *p);
/* Drop (and wipe) every exchange of @bss; it must be marked dead. */
void fsr_ft_pending_flush_bss(struct fsr_bss *bss);
u32 fsr_ft_pending_flush_sta(const struct fsr_pend_quota *quota,
			     const u8 *sta);

/* sta_owner.c: which BSS owns a served station (kernel-doc there). */
struct fsr_sta_owner;
void fsr_sta_owner_init(void);
struct fsr_sta_owner *fsr_sta_owner_claim(struct fsr_bss *bss, const u8 *sta,
					  u32 *gen);
void fsr_sta_owner_release(struct fsr_sta_owner *o);
void fsr_sta_owner_seen(const struct fsr_bss *bss, const u8 *sta);
bool fsr_sta_owner_current(const struct fsr_sta_owner *o, u32 gen);

/* ft_report.c: counters and events. Any context with the right @gfp. */
void fsr_ft_count_why(struct fsr_bss *bss, u8 why);
void fsr_ft_passed(struct fsr_bss *bss, const u8 *sta, u8 why, gfp_t gfp);
void fsr_ft_refused(struct fsr_bss *bss, const u8 *sta, u16 status, u8 why,
		    gfp_t gfp);
void fsr_ft_ntf_init(struct fsr_sta_ntf *n, struct fsr_bss *bss, u8 event,
		     const u8 *sta);
void fsr_ft_put_hdr(u8 *buf, u16 stype, const u8 *da, const u8 *bssid);
/* The BSS RSNE @bss_rsne with one PMKID: its length, or -errno. */
int fsr_ft_build_rsne(u8 *buf, size_t size, const u8 *bss_rsne,
		      size_t bss_rsne_len, const u8 *pmkid);

/* rx.c: the receive hook (softirq). */
int fsr_rx_hook_register(void);
void fsr_rx_hook_unregister(void);
bool fsr_rx_hook_active(void);

/* ft_auth.c (kernel-doc there): the hook's, softirq under its RCU lock */
bool fsr_ft_check_auth(struct fsr_bss *bss, const struct fsr_ft_conf *conf,
		       const u8 *sa, const u8 *ies, size_t ies_len,
		       struct fsr_pmk_secret *pmk, struct fsr_ft_verdict *v,
		       const struct fsr_ft_pend **same);
u8 fsr_ft_serve_auth_rx(struct fsr_bss *bss, struct ieee80211_vif *vif,
			const struct fsr_ft_conf *conf, struct sk_buff *skb,
			const struct fsr_pmk_secret *pmk, ktime_t t0);
/* ft_auth.c: an FT Request over the DS, from netlink (process context) */
int fsr_ft_serve_ds(struct net *net, u32 ifindex, const u8 *sta,
		    const u8 *ies, size_t ies_len, u8 *resp, size_t size,
		    size_t *resp_len);

/*
 * ft_prep.c (kernel-doc there). fsr_ft_prep_queue() from the hook right
 * after the FT Authentication response; fsr_ft_prep_kick() from anything
 * that ended the exchange, used its station or saw its deadline pass.
 */
void fsr_ft_prep_queue(struct fsr_bss *bss, struct fsr_ft_pend *p);
void fsr_ft_prep_kick(struct fsr_ft_pend *p);
void fsr_ft_prep_work(struct work_struct *work);

/*
 * ft_ack.c (kernel-doc there): fsr_ft_ack_wait() from the job that sent
 * the response, fsr_ft_ack_status() from the TX status callback,
 * fsr_ft_ack_kick() from anything that ended the exchange.
 */
void fsr_ft_ack_wait(struct fsr_ft_pend *p, struct fsr_bss *bss,
		     struct fsr_sta_owner *own, u32 own_gen);
void fsr_ft_ack_status(struct fsr_bss *bss, const u8 *sta, u8 tag,
		       bool acked);
void fsr_ft_ack_kick(struct fsr_ft_pend *p);
void fsr_ft_ack_work(struct work_struct *work);
u8 fsr_ft_ack_new_tag(void);
/* ft_work.c, for ft_ack.c */
void fsr_ft_retire(struct fsr_ft_pend *p, struct ieee80211_vif *vif);
bool fsr_ft_fault_after_key(void);
void fsr_ft_cleanup_others(struct fsr_bss *bss, const u8 *sta,
			   struct fsr_sta_owner *own, u32 own_gen);

/* ft_work.c: process context. */
/* Queues @work on the fast path's workqueue; false if already queued. */
bool fsr_ft_queue_work(struct work_struct *work);
/* Queues @dw after @delay; false if already pending. */
bool fsr_ft_queue_dwork(struct delayed_work *dw, unsigned long delay);
/* Runs @dw after @delay instead; true if it was pending. Any context. */
bool fsr_ft_mod_dwork(struct delayed_work *dw, unsigned long delay);
/* A free AID of [@min, @max] that no station of @hw uses, or 0. */
u16 fsr_ft_pick_aid(struct ieee80211_hw *hw, u16 min, u16 max);
int fsr_ft_init(void);
/*
 * Runs every queued Reassociation job; the hook must be unregistered.
 * Prepare work may still be queued after it (fsr_ft_exit() drains it).
 */
void fsr_ft_drain(void);
void fsr_ft_exit(void);
/*
 * The hand-off from the hook, bounded: a job for @bss takes one of its
 * FSR_FT_QUEUE_MAX slots and a reference on it; ERR_PTR(-ENOSPC) when
 * all are taken, -ENOMEM, -ENODEV when @bss is going away. Any context.
 * fsr_ft_job_queue() hands it (with @skb) to the workers; a job that is
 * not queued goes back with fsr_ft_job_free(). Only Reassociation
 * Requests become jobs.
 */
struct fsr_ft_job *fsr_ft_job_alloc(struct fsr_bss *bss);
void fsr_ft_job_queue(struct fsr_ft_job *job, struct sk_buff *skb,
		      ktime_t t0);
void fsr_ft_job_free(struct fsr_ft_job *job);

#endif /* _FSR_FT_H */
