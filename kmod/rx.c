// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */
/*
 * The mac80211 receive hook: softirq context, under rcu_read_lock().
 *
 * Everything here runs for every management frame of an attached AP
 * interface, so nothing here sleeps, takes a mutex or allocates anything
 * but bounded GFP_ATOMIC exchanges and jobs: the BSS and the PMK-R1 are
 * found by RCU lookups, the frame is parsed with the shared element
 * parsers, and the hook decides. It passes the frame on to userspace
 * (untouched), refuses it on the spot with a short status frame, answers
 * an FT Authentication whose PMK-R1 is cached right here (ft_auth.c), or
 * consumes a Reassociation Request and hands a job to process context
 * (ft_work.c).
 */

#include "ft.h"
#include "bss.h"
#include "main.h"
#include "netlink.h"
#include "pmk_cache.h"
#include "ft/ft_crypto.h"
#include "ft/ft_ie.h"
#include "ft/ft_kdf.h"

#include <linux/etherdevice.h>
#include <linux/ieee80211.h>
#include <linux/slab.h>
#include <linux/u64_stats_sync.h>
#include <net/cfg80211.h>
#include <net/mac80211.h>

static bool fsr_hook_on;

/* A bare FT Authentication response with an error status. Any context. */
static int fsr_ft_tx_auth_status(struct ieee80211_vif *vif, const u8 *bssid,
				 const u8 *sta, u16 status)
{
	u8 buf[FSR_AUTH_BODY];
	struct ieee80211_mgmt *m = (void *)buf;

	fsr_ft_put_hdr(buf, IEEE80211_STYPE_AUTH, sta, bssid);
	m->u.auth.auth_alg = cpu_to_le16(WLAN_AUTH_FT);
	m->u.auth.auth_transaction = cpu_to_le16(2);
	m->u.auth.status_code = cpu_to_le16(status);
	return ieee80211_mgmt_offload_tx(vif, buf, sizeof(buf));
}

static enum ieee80211_mgmt_offload_verdict
fsr_ft_rx_auth(struct fsr_bss *bss, struct ieee80211_vif *vif,
	       struct sk_buff *skb, ktime_t t0)
{
	const struct ieee80211_mgmt *mgmt = (const void *)skb->data;
	const struct fsr_ft_pend *same = NULL;
	const struct fsr_ft_conf *conf;
	struct fsr_ft_verdict v = {};
	struct fsr_pmk_secret pmk;
	bool ok;
	u8 why;

	/*
	 * A station that chose Open System after a kernel FT Authentication
	 * (it gave up on FT, or uses PMKSA caching or a full authentication
	 * through userspace) ends its exchange here.
	 */
	if (le16_to_cpu(mgmt->u.auth.auth_alg) == WLAN_AUTH_OPEN) {
		struct fsr_ft_pend *p = fsr_ft_pend_find_rcu(bss, mgmt->sa);

		if (p) {
			fsr_ft_pend_remove(p);
			fsr_bss_count_stat(bss, FSR_STAT_FT_FALLBACK);
		}
		return IEEE80211_MGMT_OFFLOAD_PASS;
	}
	if (le16_to_cpu(mgmt->u.auth.auth_alg) != WLAN_AUTH_FT ||
	    le16_to_cpu(mgmt->u.auth.auth_transaction) != 1)
		return IEEE80211_MGMT_OFFLOAD_PASS;
	conf = rcu_dereference(bss->ft);
	if (!conf || !conf->pub.enable || !conf->pub.ready) {
		fsr_ft_passed(bss, mgmt->sa, FSR_WHY_NOT_READY, GFP_ATOMIC);
		return IEEE80211_MGMT_OFFLOAD_PASS;
	}
	ok = fsr_ft_check_auth(bss, conf, mgmt->sa, mgmt->u.auth.variable,
			       skb->len - FSR_AUTH_BODY, &pmk, &v, &same);
	if (ok) {
		/* Answered here: no work item before the response. */
		why = fsr_ft_serve_auth_rx(bss, vif, conf, skb, &pmk, t0);
		memzero_explicit(&pmk, sizeof(pmk));
		if (why) {
			fsr_ft_passed(bss, mgmt->sa, why, GFP_ATOMIC);
			return IEEE80211_MGMT_OFFLOAD_PASS;
		}
		consume_skb(skb);
		return IEEE80211_MGMT_OFFLOAD_CONSUMED;
	}
	memzero_explicit(&pmk, sizeof(pmk));

	if (same) {
		/* Its answer again (freed only after a grace period). */
		if (ieee80211_mgmt_offload_tx(vif, same->auth_resp,
					      same->auth_resp_len))
			fsr_bss_count_stat(bss, FSR_STAT_ERR_TX);
		else
			fsr_bss_count_stat(bss, FSR_STAT_FT_AUTH_RESENT);
		consume_skb(skb);
		return IEEE80211_MGMT_OFFLOAD_CONSUMED;
	}

	if (!v.status) {
		fsr_ft_passed(bss, mgmt->sa, v.why ?: FSR_WHY_NOT_READY,
			      GFP_ATOMIC);
		return IEEE80211_MGMT_OFFLOAD_PASS;
	}
	/*
	 * A refusal is one short frame: sent from here, at a bounded rate
	 * (a flood of bad requests must not turn into a flood of answers).
	 */
	if (!__ratelimit(&bss->tx_rs))
		fsr_bss_count_stat(bss, FSR_STAT_REFUSALS_SUPPRESSED);
	else if (fsr_ft_tx_auth_status(vif, bss->dev->dev_addr, mgmt->sa,
				       v.status))
		fsr_bss_count_stat(bss, FSR_STAT_ERR_TX);
	fsr_ft_refused(bss, mgmt->sa, v.status, v.why, GFP_ATOMIC);
	consume_skb(skb);
	return IEEE80211_MGMT_OFFLOAD_CONSUMED;
}

static enum ieee80211_mgmt_offload_verdict
fsr_ft_rx_reassoc(struct fsr_bss *bss, struct ieee80211_vif *vif,
		  struct sk_buff *skb, ktime_t t0)
{
	const struct ieee80211_mgmt *mgmt = (const void *)skb->data;
	const struct fsr_ft_conf *conf;
	enum fsr_ft_parse_err perr;
	struct fsr_ft_pend *p;
	struct fsr_ft_job *job;
	struct fsr_ie_rsne r;
	struct fsr_ie_set set;
	bool ft;

	ft = !fsr_ie_walk(mgmt->u.reassoc_req.variable,
			  skb->len - FSR_REASSOC_BODY, &set, &perr) &&
	     set.mde.p && set.fte.p;
	p = fsr_ft_pend_find_rcu(bss, mgmt->sa);
	if (!p) {
		/* Worth counting only for an FT-ready BSS and an FT frame */
		conf = rcu_dereference(bss->ft);
		if (conf && conf->pub.enable && conf->pub.ready && ft)
			fsr_ft_passed(bss, mgmt->sa, FSR_WHY_NO_PENDING,
				      GFP_ATOMIC);
		return IEEE80211_MGMT_OFFLOAD_PASS;
	}
	/*
	 * Only the exchange's own Reassociation (MDE, FTE, PMKID =
	 * PMKR1Name) is the kernel's: anything else from that station
	 * (Open System, PMKSA caching, another FT key) goes to userspace.
	 */
	if (!ft) {
		fsr_bss_count_stat(bss, FSR_STAT_FT_FALLBACK);
		return IEEE80211_MGMT_OFFLOAD_PASS;
	}
	if (!set.rsne.p ||
	    fsr_ie_parse_rsne(set.rsne.p, set.rsne.len, &r, &perr) ||
	    !r.n_pmkid || memcmp(r.pmkid, p->r1_name, FSR_FT_NAME_LEN)) {
		fsr_ft_passed(bss, mgmt->sa, FSR_WHY_NOT_EXCHANGE, GFP_ATOMIC);
		return IEEE80211_MGMT_OFFLOAD_PASS;
	}
	/*
	 * At most one job per exchange: while one is queued or running, more
	 * copies (a retransmission, or a flood with the station's address)
	 * are dropped. Userspace never had this exchange, so nothing is
	 * passed on; a real station retransmits and is answered then.
	 */
	if (!refcount_inc_not_zero(&p->ref))
		return IEEE80211_MGMT_OFFLOAD_PASS;
	if (atomic_cmpxchg(&p->queued, 0, 1)) {
		fsr_ft_pend_put(p);
		fsr_bss_count_stat(bss, FSR_STAT_ERR_DUP_JOB);
		goto drop;
	}
	job = fsr_ft_job_alloc(bss);
	if (IS_ERR(job)) {
		atomic_set(&p->queued, 0);
		fsr_ft_pend_put(p);
		if (PTR_ERR(job) == -ENODEV)
			return IEEE80211_MGMT_OFFLOAD_PASS;
		fsr_bss_count_stat(bss, PTR_ERR(job) == -ENOSPC ?
				   FSR_STAT_ERR_QUEUE_FULL : FSR_STAT_ERR_NOMEM);
		goto drop;
	}
	job->pend = p;
	fsr_ft_job_queue(job, skb, t0);
	return IEEE80211_MGMT_OFFLOAD_CONSUMED;

drop:
	net_info_ratelimited("%s: Reassociation Request from %pM dropped (exchange busy or queue full)\n",
			     bss->dev->name, mgmt->sa);
	kfree_skb(skb);
	return IEEE80211_MGMT_OFFLOAD_CONSUMED;
}

static enum ieee80211_mgmt_offload_verdict
fsr_ft_rx(struct fsr_bss *bss, struct ieee80211_vif *vif, struct sk_buff *skb,
	  ktime_t t0)
{
	const struct ieee80211_mgmt *mgmt = (const void *)skb->data;

	/* The parsers read skb->data: only linear frames. */
	if (skb_is_nonlinear(skb) || !is_valid_ether_addr(mgmt->sa))
		return IEEE80211_MGMT_OFFLOAD_PASS;
	if (ieee80211_is_auth(mgmt->frame_control) &&
	    skb->len >= FSR_AUTH_BODY)
		return fsr_ft_rx_auth(bss, vif, skb, t0);
	if (ieee80211_is_reassoc_req(mgmt->frame_control) &&
	    skb->len >= FSR_REASSOC_BODY)
		return fsr_ft_rx_reassoc(bss, vif, skb, t0);
	return IEEE80211_MGMT_OFFLOAD_PASS;
}

/*
 * Receive hook: softirq, under rcu_read_lock. Counts the frame, drops it
 * if it comes from a group address, and offers FT frames to the fast path
 * (above); everything else is passed.
 */
static enum ieee80211_mgmt_offload_verdict
fsr_rx_mgmt(struct ieee80211_vif *vif, struct sk_buff *skb)
{
	const struct ieee80211_mgmt *mgmt = (const void *)skb->data;
	struct wireless_dev *wdev = ieee80211_vif_to_wdev(vif);
	enum ieee80211_mgmt_offload_verdict verdict;
	unsigned int stat, min;
	struct fsr_bss_pcpu *pc;
	ktime_t t0 = ktime_get();
	bool is_short, group_sa;
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

	/*
	 * No station has a group address: such a frame is forged or broken.
	 * Nobody answers it, userspace included (hostapd drops it too).
	 * mac80211 has checked that the 24-octet header is there.
	 */
	group_sa = is_multicast_ether_addr(mgmt->sa);

	/* skb is not ours any more once the fast path consumed it */
	is_short = skb->len < min;
	verdict = IEEE80211_MGMT_OFFLOAD_PASS;
	/* Before the fast path may consume it: a cleanup must see this. */
	if (!group_sa && !is_short && stat && stat != FSR_STAT_RX_ACTION)
		fsr_sta_owner_seen(bss, mgmt->sa);
	if (group_sa) {
		kfree_skb(skb);
		verdict = IEEE80211_MGMT_OFFLOAD_CONSUMED;
	} else if (!is_short && !READ_ONCE(bss->dead)) {
		verdict = fsr_ft_rx(bss, vif, skb, t0);
	}

	pc = this_cpu_ptr(bss->stats);
	u64_stats_update_begin(&pc->syncp);
	if (stat)
		u64_stats_inc(&pc->cnt[stat]);
	if (group_sa)
		u64_stats_inc(&pc->cnt[FSR_STAT_ERR_GROUP_SA]);
	else if (is_short)
		u64_stats_inc(&pc->cnt[FSR_STAT_ERR_MALFORMED]);
	if (verdict == IEEE80211_MGMT_OFFLOAD_PASS)
		u64_stats_inc(&pc->cnt[FSR_STAT_PASSED]);
	u64_stats_update_end(&pc->syncp);
	return verdict;
}

/*
 * TX status of a frame the fast path sent with ieee80211_mgmt_offload_tx_ack()
 * (only Reassociation Responses): softirq or process context, under RCU.
 */
static void fsr_tx_status(struct ieee80211_vif *vif, struct sk_buff *skb,
			  u8 tag, bool acked)
{
	const struct ieee80211_mgmt *mgmt = (const void *)skb->data;
	struct wireless_dev *wdev = ieee80211_vif_to_wdev(vif);
	struct fsr_bss *bss;

	if (!wdev || !wdev->netdev || skb->len < FSR_RESP_BODY ||
	    !ieee80211_is_reassoc_resp(mgmt->frame_control))
		return;
	bss = fsr_bss_find_rcu(wdev->netdev);
	if (bss)
		fsr_ft_ack_status(bss, mgmt->da, tag, acked);
}

static const struct ieee80211_mgmt_offload_ops fsr_hook_ops = {
	.rx_mgmt = fsr_rx_mgmt,
	.tx_status = fsr_tx_status,
};

int fsr_rx_hook_register(void)
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

void fsr_rx_hook_unregister(void)
{
	WRITE_ONCE(fsr_hook_on, false);
	/* Returns once no CPU runs fsr_rx_mgmt() any more. */
	ieee80211_mgmt_offload_unregister(&fsr_hook_ops);
}

bool fsr_rx_hook_active(void)
{
	return READ_ONCE(fsr_hook_on);
}
