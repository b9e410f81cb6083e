// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */
/*
 * The PTK and the port after the Reassociation Response's ACK (issue 12,
 * item 14; hostapd's order, which it gets from nl80211's TX status).
 *
 * The Reassociation job (ft_work.c) moves the station to associated and
 * sends the response with the GTK at its current RSC: nothing that can
 * wait (a key allocation and upload, an RCU grace period) sits between
 * the request and the response. The response asks mac80211 for its TX
 * status (ieee80211_mgmt_offload_tx_ack()); when it comes back
 * acknowledged, the work here installs the PTK and authorizes the
 * station, then removes it from the other BSSes and tells userspace.
 *
 * Bounded: one delayed work per exchange, embedded in it. A response that
 * is never acknowledged (a lost ACK, a dropped frame, a driver that
 * reports nothing) keeps the PTK back; the station's retransmitted
 * request gets the same response again (same tag), and if no ACK has
 * come FSR_FT_ACK_WAIT_MS after the first one the roam is undone: a
 * Deauthentication, the station removed (only the entry associated
 * here), the PTK wiped, the exchange dropped. Whatever ends the exchange
 * meanwhile (revocation, an Open System Authentication, a newer FT
 * Authentication, detach, unload) runs the work at once, which undoes
 * the roam the same way: no key is ever installed for an exchange that
 * has ended.
 */

#include "ft.h"
#include "bss.h"
#include "netlink.h"

#include <linux/jiffies.h>
#include <net/cfg80211.h>
#include <net/mac80211.h>

/* As fsrd (ap/ft_assoc.c): how long a response may wait for its ACK. */
#define FSR_FT_ACK_WAIT_MS	2000

static atomic_t fsr_ft_ack_tags = ATOMIC_INIT(0);

/* A tag for the next exchange's response: tells it from an older one's. */
u8 fsr_ft_ack_new_tag(void)
{
	return (u8)atomic_inc_return(&fsr_ft_ack_tags);
}

/* Queue the ACK work of @p after @delay; the queued run holds a reference. */
static void fsr_ft_ack_arm(struct fsr_ft_pend *p, unsigned long delay)
{
	refcount_inc(&p->ref);
	if (!fsr_ft_queue_dwork(&p->ack_work, delay))
		fsr_ft_pend_put(p);	/* pending: that run holds one */
}

/**
 * fsr_ft_ack_wait() - wait for the ACK of the response about to be sent
 * @p: the exchange, under @p->lock, @p->ack_tag set
 * @bss: the BSS serving it (a reference is taken)
 * @own: the BSS's claim on the station (taken over)
 * @own_gen: its generation
 *
 * Process context, before the response is sent: its TX status may come
 * back before the sender returns.
 */
void fsr_ft_ack_wait(struct fsr_ft_pend *p, struct fsr_bss *bss,
		     struct fsr_sta_owner *own, u32 own_gen)
{
	refcount_inc(&bss->ref);	/* the job holds one: never zero */
	p->ack_bss = bss;
	p->ack_own = own;
	p->ack_own_gen = own_gen;
	p->ack_by = jiffies + msecs_to_jiffies(FSR_FT_ACK_WAIT_MS);
	atomic_set(&p->acked, 0);
	/* Read by the TX status callback and by kickers, without @lock. */
	smp_store_release(&p->ack, FSR_ACK_WAIT);
	fsr_ft_ack_arm(p, msecs_to_jiffies(FSR_FT_ACK_WAIT_MS));
	/*
	 * Ended already? The bucket lock orders this test against an
	 * unhash: either it sees the exchange gone, or the unhash saw
	 * FSR_ACK_WAIT and kicked the work itself.
	 */
	if (!fsr_ft_pend_hashed(p))
		fsr_ft_ack_kick(p);
}

/**
 * fsr_ft_ack_kick() - run the ACK work of @p now
 * @p: the exchange; the caller holds a reference, its bucket lock or
 *	the RCU read lock
 *
 * Any context. Nothing happens unless the exchange waits for an ACK.
 */
void fsr_ft_ack_kick(struct fsr_ft_pend *p)
{
	/* Pairs with fsr_ft_ack_wait(): waiting means its fields are set. */
	if (smp_load_acquire(&p->ack) != FSR_ACK_WAIT)
		return;
	if (!refcount_inc_not_zero(&p->ref))
		return;
	if (fsr_ft_mod_dwork(&p->ack_work, 0))
		fsr_ft_pend_put(p);	/* was pending: that run holds one */
}

/**
 * fsr_ft_ack_status() - the TX status of a Reassociation Response
 * @bss: the BSS it was sent on
 * @sta: its receiver
 * @tag: the tag it was sent with
 * @acked: whether the station acknowledged it
 *
 * Softirq or process context, under the RCU read lock (mac80211's
 * tx_status callback through rx.c). Never sleeps.
 */
void fsr_ft_ack_status(struct fsr_bss *bss, const u8 *sta, u8 tag,
		       bool acked)
{
	struct fsr_ft_pend *p;

	p = fsr_ft_pend_find_rcu(bss, sta);
	/* Pairs with fsr_ft_ack_wait(): @ack_tag is set when waiting. */
	if (!p || smp_load_acquire(&p->ack) != FSR_ACK_WAIT ||
	    READ_ONCE(p->ack_tag) != tag)
		return;
	if (!acked) {
		/* The station may ask again; the wait bounds it. */
		fsr_bss_count_stat(bss, FSR_STAT_FT_ACK_LOST);
		return;
	}
	atomic_set(&p->acked, 1);
	fsr_ft_ack_kick(p);
}

/* Under the wiphy mutex: still the entry associated by this exchange? */
static bool fsr_ft_ack_is_mine(void *arg)
{
	const struct fsr_ft_pend *p = arg;
	struct fsr_bss *bss = p->ack_bss;
	struct ieee80211_vif *vif = ieee80211_mgmt_offload_vif(bss->dev);
	u16 aid = 0;

	return vif && ieee80211_mgmt_offload_sta_assoc(vif, p->sta, &aid) &&
	       aid == p->aid;
}

/* Under @p->lock: take back what the response promised. */
static void fsr_ft_ack_undo(struct fsr_ft_pend *p, struct ieee80211_vif *vif)
{
	u8 buf[offsetofend(struct ieee80211_mgmt, u.deauth.reason_code)];
	struct ieee80211_mgmt *m = (void *)buf;
	struct fsr_bss *bss = p->ack_bss;

	if (vif) {
		/* It may think it is associated: tell it, so it rejoins now. */
		fsr_ft_put_hdr(buf, IEEE80211_STYPE_DEAUTH, p->sta,
			       bss->dev->dev_addr);
		m->u.deauth.reason_code =
			cpu_to_le16(WLAN_REASON_PREV_AUTH_NOT_VALID);
		if (ieee80211_mgmt_offload_tx(vif, buf, sizeof(buf)))
			fsr_bss_count_stat(bss, FSR_STAT_ERR_TX);
		ieee80211_mgmt_offload_del_sta_if(vif, p->sta,
						  fsr_ft_ack_is_mine, p);
	}
	memzero_explicit(&p->ptk, sizeof(p->ptk));
	fsr_ft_pend_remove(p);
}

/*
 * Under @p->lock, the response acknowledged: the PTK into the datapath,
 * then the port. False if that failed (the roam is then undone, and the
 * exchange ended so that the key can never go in again).
 */
static bool fsr_ft_ack_keys(struct fsr_ft_pend *p, struct ieee80211_vif *vif)
{
	struct station_parameters auth = {};
	struct key_params key = {};
	int ret;

	key.key = p->ptk.tk;
	key.key_len = p->ptk.tk_len;
	key.cipher = p->suite.cipher;
	ret = ieee80211_mgmt_offload_add_key(vif, p->sta, 0, true, &key);
	if (ret)
		return false;
	if (fsr_ft_fault_after_key())
		return false;
	auth.listen_interval = -1;
	auth.support_p2p_ps = -1;
	auth.sta_flags_mask = BIT(NL80211_STA_FLAG_AUTHORIZED);
	auth.sta_flags_set = BIT(NL80211_STA_FLAG_AUTHORIZED);
	return !ieee80211_mgmt_offload_change_sta(vif, p->sta, &auth);
}

/**
 * fsr_ft_ack_work() - finish or undo a roam whose response was sent
 * @work: the exchange's @ack_work
 *
 * Process context (the fsr_ft workqueue); each run holds a reference on
 * the exchange.
 */
void fsr_ft_ack_work(struct work_struct *work)
{
	struct fsr_ft_pend *p = container_of(to_delayed_work(work),
					     struct fsr_ft_pend, ack_work);
	struct fsr_sta_owner *own = NULL;
	struct fsr_bss *bss = NULL;
	struct ieee80211_vif *vif;
	bool live, served = false;
	struct fsr_sta_ntf n;
	u32 own_gen = 0;

	mutex_lock(&p->lock);
	if (p->ack != FSR_ACK_WAIT)
		goto out;
	bss = p->ack_bss;
	vif = ieee80211_mgmt_offload_vif(bss->dev);
	live = vif && !READ_ONCE(bss->dead) && fsr_ft_pend_hashed(p);
	if (live && atomic_read(&p->acked)) {
		if (fsr_ft_ack_keys(p, vif)) {
			served = true;
			fsr_bss_count_stat(bss, FSR_STAT_FT_PTK_AFTER_ACK);
		} else {
			fsr_ft_ack_undo(p, vif);
			fsr_ft_refused(bss, p->sta, 0, FSR_WHY_STA,
				       GFP_KERNEL);
		}
	} else if (!live) {
		/* Ended meanwhile: whoever ended it has said why. */
		fsr_ft_ack_undo(p, vif);
	} else if (time_after_eq(jiffies, p->ack_by)) {
		fsr_ft_ack_undo(p, vif);
		fsr_ft_refused(bss, p->sta, 0, FSR_WHY_NO_ACK, GFP_KERNEL);
	} else {
		/* Run early for nothing (a lost race): wait on. */
		fsr_ft_ack_arm(p, p->ack_by - jiffies);
		bss = NULL;
		goto out;
	}
	memzero_explicit(&p->ptk, sizeof(p->ptk));
	if (served) {
		fsr_ft_ntf_init(&n, bss, FSR_EVENT_FT_STA_SERVED, p->sta);
		n.fields = FSR_NTF_SERVICE | FSR_NTF_NAMES | FSR_NTF_STA;
		n.service_ns = p->service_ns;
		memcpy(n.r1_name, p->r1_name, FSR_FT_NAME_LEN);
		n.aid = p->aid;
		n.akm = p->suite.akm;
		n.pairwise = p->suite.cipher;
		memcpy(n.r0_name, p->r0_name, FSR_FT_NAME_LEN);
		memcpy(n.r0kh_id, p->r0kh_id, p->r0kh_id_len);
		n.r0kh_id_len = p->r0kh_id_len;
		memcpy(n.anonce, p->anonce, sizeof(n.anonce));
		memcpy(n.snonce, p->snonce, sizeof(n.snonce));
		n.gtk_idx = p->gtk_idx;
	}
	own = p->ack_own;
	own_gen = p->ack_own_gen;
	p->ack_own = NULL;
	p->ack_bss = NULL;
	/* Kickers and the callback read it without @lock. */
	smp_store_release(&p->ack, FSR_ACK_OVER);
out:
	mutex_unlock(&p->lock);
	if (served) {
		/* It has left the other BSSes of this host: they let it go. */
		fsr_ft_cleanup_others(bss, p->sta, own, own_gen);
		fsr_nl_sta_notify(dev_net(bss->dev), &n, GFP_KERNEL);
	}
	fsr_sta_owner_release(own);
	if (bss)
		fsr_bss_put(bss);
	fsr_ft_pend_put(p);
}
