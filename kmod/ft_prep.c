// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */
/*
 * The station of an FT exchange, prepared in process context between the
 * FT Authentication response (sent from the hook, ft_auth.c) and the
 * Reassociation Request (issue 12, item 13; hostapd does the same from
 * userspace): added unassociated, with an AID of the BSS's pool, so that
 * the Reassociation (ft_work.c) only moves it to associated, hidden
 * behind the client's think time.
 *
 * Bounded: the work item is embedded in the exchange (one per exchange,
 * never allocated), and a BSS has at most FSR_FT_PREP_MAX exchanges whose
 * station is being prepared or stays prepared (@bss->preps); past that,
 * or with no free AID, the Reassociation adds the station itself.
 *
 * Never over an existing entry: when the station already has one on the
 * BSS (associated, or anyone else's), nothing is prepared and nothing is
 * removed; the Reassociation takes the full path, which replaces a stale
 * entry only after the MIC proved the request. A spoofed FT
 * Authentication therefore cannot disturb an associated station.
 *
 * Removed when unused: whatever ends the exchange (a newer FT
 * Authentication, Open System Authentication, revocation, detach,
 * namespace exit, unload, garbage collection) and the garbage collector
 * once the deadline has passed kick this work again; it removes the
 * station only while it is still unassociated with the AID it got here,
 * a test made under the wiphy mutex of the removal itself
 * (ieee80211_mgmt_offload_del_sta_if() with
 * ieee80211_mgmt_offload_sta_assoc()), so an entry associated since
 * (fsrd after an Open System fallback, a newer roam) is never touched.
 */

#include "ft.h"
#include "bss.h"

#include <net/cfg80211.h>
#include <net/mac80211.h>

/**
 * fsr_ft_prep_queue() - prepare the station of an exchange just answered
 * @bss: the BSS (the hook holds the RCU read lock)
 * @p: the exchange, in the table, its FT Authentication response sent
 *
 * Softirq, from the receive hook; never sleeps.
 */
void fsr_ft_prep_queue(struct fsr_bss *bss, struct fsr_ft_pend *p)
{
	/* Taken and given back: the bound is exact. */
	if (atomic_inc_return(&bss->preps) > FSR_FT_PREP_MAX ||
	    !refcount_inc_not_zero(&bss->ref)) {
		atomic_dec(&bss->preps);
		fsr_bss_count_stat(bss, FSR_STAT_FT_PREP_SKIPPED);
		return;
	}
	p->prep_bss = bss;
	/* Published for the kickers; the work reads @prep_bss. */
	smp_store_release(&p->prep_live, true);
	fsr_ft_prep_kick(p);
}

/**
 * fsr_ft_prep_kick() - run the prepare work of @p (again)
 * @p: the exchange; the caller holds a reference or its bucket lock
 *
 * Any context. Nothing happens once the work has given its BSS back.
 */
void fsr_ft_prep_kick(struct fsr_ft_pend *p)
{
	/* Pairs with fsr_ft_prep_queue(): @prep_bss is set when true. */
	if (!smp_load_acquire(&p->prep_live))
		return;
	refcount_inc(&p->ref);
	if (!fsr_ft_queue_work(&p->prep_work))
		fsr_ft_pend_put(p);	/* already queued: that run will do */
}

/* Under @p->lock: add the station unassociated with a free AID. */
static void fsr_ft_prep_add(struct fsr_bss *bss, struct ieee80211_vif *vif,
			    struct fsr_ft_pend *p)
{
	struct wireless_dev *wdev = bss->dev->ieee80211_ptr;
	struct station_parameters sp = {};
	const struct fsr_ft_conf *conf;
	u16 min = 0, max = 0, aid = 0;
	int ret = -ENOSPC;

	rcu_read_lock();
	conf = rcu_dereference(bss->ft);
	if (conf && conf->pub.ready) {
		min = conf->pub.aid_min;
		max = conf->pub.aid_max;
	}
	rcu_read_unlock();
	if (!wdev)
		goto skip;

	/* Only authenticated: no key, no data, an AID reserved. */
	sp.listen_interval = -1;
	sp.support_p2p_ps = -1;
	sp.sta_flags_mask = BIT(NL80211_STA_FLAG_AUTHENTICATED) |
			    BIT(NL80211_STA_FLAG_ASSOCIATED) |
			    BIT(NL80211_STA_FLAG_AUTHORIZED);
	sp.sta_flags_set = BIT(NL80211_STA_FLAG_AUTHENTICATED);

	/* AID choice and station add: as in the Reassociation, one at a time. */
	mutex_lock(&bss->sta_lock);
	aid = fsr_ft_pick_aid(wiphy_to_ieee80211_hw(wdev->wiphy), min, max);
	if (aid) {
		sp.aid = aid;
		/* -EEXIST: the station has an entry here; left alone. */
		ret = ieee80211_mgmt_offload_add_sta(vif, p->sta, &sp);
	}
	mutex_unlock(&bss->sta_lock);
	if (ret)
		goto skip;
	p->aid = aid;
	WRITE_ONCE(p->prep, FSR_PREP_ADDED);
	fsr_bss_count_stat(bss, FSR_STAT_FT_STA_PREPARED);
	return;
skip:
	WRITE_ONCE(p->prep, FSR_PREP_OVER);
	fsr_bss_count_stat(bss, FSR_STAT_FT_PREP_SKIPPED);
}

struct fsr_prep_mine {
	struct ieee80211_vif *vif;
	const struct fsr_ft_pend *p;
};

/* Under the wiphy mutex: still the unassociated entry prepared here? */
static bool fsr_ft_prep_is_mine(void *arg)
{
	const struct fsr_prep_mine *m = arg;
	u16 aid = 0;

	return !ieee80211_mgmt_offload_sta_assoc(m->vif, m->p->sta, &aid) &&
	       aid == m->p->aid;
}

/**
 * fsr_ft_prep_work() - prepare, or remove, the station of an exchange
 * @work: the exchange's @prep_work
 *
 * Process context (the fsr_ft workqueue); each run holds a reference on
 * the exchange. It prepares the station while the exchange is in the
 * table and before its deadline, removes a prepared station the
 * Reassociation did not use once that is no longer so, and gives the BSS
 * reference back once nothing is left to do.
 */
void fsr_ft_prep_work(struct work_struct *work)
{
	struct fsr_ft_pend *p = container_of(work, struct fsr_ft_pend,
					     prep_work);
	struct fsr_bss *bss, *put = NULL;
	struct ieee80211_vif *vif;
	struct fsr_prep_mine m;
	bool live;

	mutex_lock(&p->lock);
	bss = p->prep_bss;
	if (!bss)
		goto out;
	vif = ieee80211_mgmt_offload_vif(bss->dev);
	live = vif && !READ_ONCE(bss->dead) && !p->done &&
	       time_before(jiffies, p->expires) && fsr_ft_pend_hashed(p);
	if (p->prep == FSR_PREP_NONE) {
		if (live) {
			fsr_ft_prep_add(bss, vif, p);
		} else {
			/* Over (or served) before this ran. */
			WRITE_ONCE(p->prep, FSR_PREP_OVER);
			fsr_bss_count_stat(bss, FSR_STAT_FT_PREP_SKIPPED);
		}
	} else if (p->prep == FSR_PREP_ADDED && !live) {
		m.vif = vif;
		m.p = p;
		if (vif && !ieee80211_mgmt_offload_del_sta_if(vif, p->sta,
							      fsr_ft_prep_is_mine,
							      &m))
			fsr_bss_count_stat(bss, FSR_STAT_FT_PREP_REMOVED);
		WRITE_ONCE(p->prep, FSR_PREP_OVER);
	}
	if (p->prep == FSR_PREP_OVER) {
		put = bss;
		p->prep_bss = NULL;
		WRITE_ONCE(p->prep_live, false);
		atomic_dec(&bss->preps);
	}
out:
	mutex_unlock(&p->lock);
	if (put)
		fsr_bss_put(put);
	fsr_ft_pend_put(p);
}
