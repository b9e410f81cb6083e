// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */
/*
 * FT Authentication served in the receive hook (softirq, under the hook's
 * RCU read lock): the PMK-R1 was found by rx.c, so the PTK derivation
 * (preallocated hash transforms, no sleeping), the response and the
 * pending entry are all done here, with GFP_ATOMIC allocations bounded by
 * the pending quota (one entry and one stored response per exchange).
 * No work item sits between the request and its response; the station
 * is prepared (ft_prep.c) only once the response is out.
 *
 * An FT Request that came over the DS (fsrd relays it from the current AP,
 * FSR_CMD_FT_DS_REQUEST) goes through the same checks and makes the same
 * exchange; its answer goes back to fsrd instead of on the air, and the
 * Reassociation that follows is served by the hook as after an FT
 * Authentication.
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
#include <linux/random.h>
#include <linux/slab.h>
#include <net/mac80211.h>

/*
 * Does the BSS RSNE offer this AKM and pairwise cipher? 0, or the status
 * to refuse with. Also tells whether the BSS requires or offers MFP.
 */
static u16 fsr_ft_offers(const u8 *rsne, size_t len, u32 akm, u32 cipher,
			 u16 *caps)
{
	enum fsr_ft_parse_err why;
	struct fsr_ie_rsne r;
	bool akm_ok = false, cipher_ok = false;
	unsigned int i;

	*caps = 0;
	if (fsr_ie_parse_rsne(rsne, len, &r, &why))
		return WLAN_STATUS_UNSPECIFIED_FAILURE;
	if (r.n_fields >= FSR_RSNE_F_CAPS)
		*caps = r.caps;
	for (i = 0; i < r.n_akm; i++)
		if (fsr_get_suite(r.akm + 4 * i) == akm)
			akm_ok = true;
	for (i = 0; i < r.n_pairwise; i++)
		if (fsr_get_suite(r.pairwise + 4 * i) == cipher)
			cipher_ok = true;
	if (!akm_ok || (akm != FSR_AKM_FT_PSK && akm != FSR_AKM_FT_8021X &&
			akm != FSR_AKM_FT_8021X_SHA384))
		return WLAN_STATUS_INVALID_AKMP;
	if (!cipher_ok)
		return WLAN_STATUS_INVALID_PAIRWISE_CIPHER;
	return 0;
}

/*
 * The checks of an FT Authentication request, over the air or over the DS
 * (hostapd's order and status codes); on success @pmk holds the PMK-R1.
 * Under rcu_read_lock, no allocation.
 */
bool fsr_ft_check_auth(struct fsr_bss *bss, const struct fsr_ft_conf *conf,
		       const u8 *sa, const u8 *ies, size_t ies_len,
		       struct fsr_pmk_secret *pmk, struct fsr_ft_verdict *v,
		       const struct fsr_ft_pend **same)
{
	const struct fsr_ft_pend *p;
	struct fsr_ft_suite suite;
	enum fsr_ft_parse_err perr;
	struct fsr_pmk_key id;
	struct fsr_ie_rsne r;
	struct fsr_ie_mde mde;
	struct fsr_ie_fte fte;
	struct fsr_ie_set set;
	u32 akm, cipher;
	u16 status, caps;

	if (fsr_ie_walk(ies, ies_len, &set, &perr))
		return fsr_ft_bad(v, fsr_ft_parse_err_status(perr),
				  FSR_WHY_MALFORMED);
	if (set.ric.p)
		return fsr_ft_pass(v, FSR_WHY_UNSUPPORTED);
	if (!set.mde.p)
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_MDE, FSR_WHY_MDE);
	if (fsr_ie_parse_mde(set.mde.p, set.mde.len, &mde, &perr))
		return fsr_ft_bad(v, fsr_ft_parse_err_status(perr),
				  FSR_WHY_MDE);
	if (memcmp(mde.mdid, conf->pub.mde + 2, FSR_FT_MDID_LEN))
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_MDE, FSR_WHY_MDE);
	if (!set.fte.p)
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_FTE, FSR_WHY_FTE);
	if (!set.rsne.p)
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_RSNE, FSR_WHY_RSNE);
	if (fsr_ie_parse_rsne(set.rsne.p, set.rsne.len, &r, &perr))
		return fsr_ft_bad(v, fsr_ft_parse_err_status(perr),
				  FSR_WHY_RSNE);
	if (r.n_akm != 1 || r.n_pairwise != 1)
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_RSNE, FSR_WHY_RSNE);
	akm = fsr_get_suite(r.akm);
	cipher = fsr_get_suite(r.pairwise);
	status = fsr_ft_offers(conf->pub.rsne, conf->pub.rsne_len, akm,
			       cipher, &caps);
	if (status)
		return fsr_ft_bad(v, status, FSR_WHY_RSNE);
	/* No IGTK in the responses yet: MFP roams stay in userspace. */
	if ((caps & FSR_RSN_CAP_MFPR) ||
	    ((caps & FSR_RSN_CAP_MFPC) && r.n_fields >= FSR_RSNE_F_CAPS &&
	     (r.caps & FSR_RSN_CAP_MFPC)))
		return fsr_ft_pass(v, FSR_WHY_UNSUPPORTED);
	if (!r.n_pmkid)
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_PMKID, FSR_WHY_PMKID);
	if (fsr_ft_suite_init(&suite, akm, cipher))
		return fsr_ft_bad(v, WLAN_STATUS_INVALID_AKMP, FSR_WHY_RSNE);
	if (fsr_ie_parse_fte(set.fte.p, set.fte.len, suite.mic_len, &fte,
			     &perr))
		return fsr_ft_bad(v, fsr_ft_parse_err_status(perr),
				  FSR_WHY_FTE);
	if (!fte.r0kh_id)
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_FTE, FSR_WHY_FTE);

	ether_addr_copy(id.sta, sa);
	if (fsr_ft_pmk_r1_name(&suite, r.pmkid, conf->pub.r1kh_id, sa,
			       id.r1_name))
		return fsr_ft_pass(v, FSR_WHY_UNSUPPORTED);
	if (fsr_pmk_lookup(dev_net(bss->dev), &id, pmk))
		return fsr_ft_pass(v, FSR_WHY_NO_PMK);
	if (pmk->info.akm != akm ||
	    memcmp(pmk->info.r0_name, r.pmkid, FSR_FT_NAME_LEN) ||
	    pmk->info.r0kh_id_len != fte.r0kh_id_len ||
	    memcmp(pmk->info.r0kh_id, fte.r0kh_id, fte.r0kh_id_len) ||
	    !ether_addr_equal(pmk->info.r1kh_id, conf->pub.r1kh_id))
		return fsr_ft_pass(v, FSR_WHY_NO_PMK);
	/* The work uses the STA's choice, not the cache entry's. */
	pmk->info.pairwise = cipher;
	/*
	 * The same request again (same PMKR1Name and SNonce: a MAC retry, or
	 * the client's SME sending it again): the answer it already has.
	 */
	p = fsr_ft_pend_find_rcu(bss, sa);
	if (p && fsr_ft_pend_same_auth(p, id.r1_name, fte.snonce)) {
		*same = p;
		return fsr_ft_pass(v, 0);
	}
	if (!p && atomic_read(&bss->quota->n) >= READ_ONCE(fsr_pending_max))
		return fsr_ft_pass(v, FSR_WHY_PENDING_FULL);
	return true;
}

/*
 * The exchange for a request that passed fsr_ft_check_auth(): ANonce, PTK
 * and the whole Authentication response (kept for retransmissions; the
 * over-DS answer is its elements). NULL with *@why when it cannot be made.
 */
static struct fsr_ft_pend *
fsr_ft_auth_exchange(struct fsr_bss *bss, const struct fsr_ft_conf *conf,
		     const u8 *sa, const u8 *ies, size_t ies_len,
		     const struct fsr_pmk_secret *pmk, u8 *why)
{
	const u8 *bssid = bss->dev->dev_addr;
	enum fsr_ft_parse_err perr;
	struct fsr_ie_fte fte, out;
	struct fsr_ft_pend *p;
	struct fsr_ie_rsne r;
	struct fsr_ie_set set;
	u8 *buf;
	size_t pos;
	int len;

	buf = kmalloc(FSR_AUTH_RESP_MAX, GFP_ATOMIC);
	p = fsr_ft_pend_alloc(sa, GFP_ATOMIC);
	if (!buf || !p) {
		*why = FSR_WHY_NOMEM;
		goto err;
	}
	/* Checked by fsr_ft_check_auth(); parsed again for the fields kept. */
	if (fsr_ie_walk(ies, ies_len, &set, &perr) ||
	    fsr_ie_parse_rsne(set.rsne.p, set.rsne.len, &r, &perr) ||
	    fsr_ft_suite_init(&p->suite, pmk->info.akm, pmk->info.pairwise) ||
	    fsr_ie_parse_fte(set.fte.p, set.fte.len, p->suite.mic_len, &fte,
			     &perr)) {
		*why = FSR_WHY_MALFORMED;
		goto err;
	}

	memcpy(p->r0_name, r.pmkid, FSR_FT_NAME_LEN);
	memcpy(p->r1_name, pmk->info.id.r1_name, FSR_FT_NAME_LEN);
	memcpy(p->r0kh_id, fte.r0kh_id, fte.r0kh_id_len);
	p->r0kh_id_len = fte.r0kh_id_len;
	memcpy(p->snonce, fte.snonce, FSR_FT_NONCE_LEN);
	get_random_bytes(p->anonce, FSR_FT_NONCE_LEN);
	if (fsr_ft_derive_ptk(&p->suite, pmk->pmk, pmk->pmk_len, p->r1_name,
			      p->snonce, p->anonce, bssid, sa, &p->ptk)) {
		*why = FSR_WHY_UNSUPPORTED;
		goto err;
	}

	/* Authentication response: RSNE (PMKR0Name), MDE, FTE. */
	fsr_ft_put_hdr(buf, IEEE80211_STYPE_AUTH, sa, bssid);
	((struct ieee80211_mgmt *)buf)->u.auth.auth_alg =
		cpu_to_le16(WLAN_AUTH_FT);
	((struct ieee80211_mgmt *)buf)->u.auth.auth_transaction =
		cpu_to_le16(2);
	((struct ieee80211_mgmt *)buf)->u.auth.status_code = 0;
	pos = FSR_AUTH_BODY;
	len = fsr_ft_build_rsne(buf + pos, FSR_AUTH_RESP_MAX - pos,
				conf->pub.rsne, conf->pub.rsne_len, p->r0_name);
	if (len < 0) {
		*why = FSR_WHY_UNSUPPORTED;
		goto err;
	}
	pos += len;
	memcpy(buf + pos, conf->pub.mde, FSR_FT_MDE_LEN);
	pos += FSR_FT_MDE_LEN;
	memset(&out, 0, sizeof(out));
	out.mic_len = p->suite.mic_len;
	out.anonce = p->anonce;
	out.snonce = p->snonce;
	out.r1kh_id = conf->pub.r1kh_id;
	out.r0kh_id = p->r0kh_id;
	out.r0kh_id_len = p->r0kh_id_len;
	len = fsr_ie_build_fte(buf + pos, FSR_AUTH_RESP_MAX - pos, &out);
	if (len < 0) {
		*why = FSR_WHY_UNSUPPORTED;
		goto err;
	}
	pos += len;

	/* Kept with the exchange for retransmitted requests. */
	p->auth_resp = buf;
	p->auth_resp_len = pos;
	return p;

err:
	fsr_ft_pend_put(p);
	kfree(buf);
	return NULL;
}

/*
 * Publish @p (the caller keeps its own reference): 0, or why it was not.
 * When the same request was answered meanwhile, 0 with *@same holding a
 * reference on that exchange, whose answer is the one to give.
 */
static u8 fsr_ft_auth_publish(struct fsr_bss *bss, struct fsr_ft_pend *p,
			      const struct fsr_ft_conf *conf,
			      struct fsr_ft_pend **same)
{
	int ret;

	*same = NULL;
	refcount_inc(&p->ref);
	ret = fsr_ft_pend_insert(bss, p, conf->pub.deadline_ms, same);
	if (!ret || ret == -EEXIST)
		return 0;
	return ret == -ENOSPC ? FSR_WHY_PENDING_FULL : FSR_WHY_NOT_READY;
}

/* Counters and the FT_AUTH_SERVED event of an exchange just answered. */
static void fsr_ft_auth_served(struct fsr_bss *bss, struct fsr_ft_pend *p,
			       unsigned int stat, u64 ns)
{
	struct fsr_sta_ntf n;

	fsr_bss_count_stat(bss, stat);
	fsr_bss_count_stat(bss, FSR_STAT_SERVED);
	fsr_ft_ntf_init(&n, bss, FSR_EVENT_FT_AUTH_SERVED, p->sta);
	n.fields = FSR_NTF_SERVICE | FSR_NTF_NAMES;
	n.service_ns = ns;
	memcpy(n.r1_name, p->r1_name, FSR_FT_NAME_LEN);
	fsr_nl_sta_notify(dev_net(bss->dev), &n, GFP_ATOMIC);
	/* The station, added unassociated during the client's think time. */
	fsr_ft_prep_queue(bss, p);
}

/**
 * fsr_ft_serve_auth_rx() - answer an FT Authentication from the hook
 * @bss: the BSS (the hook holds the RCU read lock)
 * @vif: its mac80211 interface
 * @conf: the BSS's FT configuration, read under that RCU read lock
 * @skb: the request, checked by fsr_ft_check_auth(); not consumed here
 * @pmk: the PMK-R1 found for it (the caller wipes it)
 * @t0: when the hook saw the request
 *
 * Return: 0 when the request was answered (or the same request was
 * answered meanwhile) and the caller consumes @skb; otherwise the reason
 * (FSR_WHY_*) to pass it to userspace untouched.
 */
u8 fsr_ft_serve_auth_rx(struct fsr_bss *bss, struct ieee80211_vif *vif,
			const struct fsr_ft_conf *conf, struct sk_buff *skb,
			const struct fsr_pmk_secret *pmk, ktime_t t0)
{
	const struct ieee80211_mgmt *mgmt = (const void *)skb->data;
	struct fsr_ft_pend *p, *same;
	u8 why = 0;
	u64 ns;

	p = fsr_ft_auth_exchange(bss, conf, mgmt->sa, mgmt->u.auth.variable,
				 skb->len - FSR_AUTH_BODY, pmk, &why);
	if (!p)
		return why;
	/* Published before the response goes out: the STA may be quick. */
	why = fsr_ft_auth_publish(bss, p, conf, &same);
	if (why)
		goto out;
	if (same) {
		/* The same request was answered meanwhile: that answer. */
		if (ieee80211_mgmt_offload_tx(vif, same->auth_resp,
					      same->auth_resp_len))
			fsr_bss_count_stat(bss, FSR_STAT_ERR_TX);
		else
			fsr_bss_count_stat(bss, FSR_STAT_FT_AUTH_RESENT);
		fsr_ft_pend_put(same);
		goto out;
	}
	if (ieee80211_mgmt_offload_tx(vif, p->auth_resp, p->auth_resp_len)) {
		fsr_ft_pend_remove(p);
		fsr_ft_refused(bss, mgmt->sa, 0, FSR_WHY_TX, GFP_ATOMIC);
		goto out;
	}
	ns = ktime_to_ns(ktime_sub(ktime_get(), t0));
	fsr_bss_count_hist(bss, FSR_HIST_AUTH, ns);
	fsr_ft_auth_served(bss, p, FSR_STAT_FT_AUTH_SERVED, ns);
out:
	fsr_ft_pend_put(p);
	return why;
}

/* The elements of an exchange's answer (its Authentication response). */
static size_t fsr_ft_ds_copy(const struct fsr_ft_pend *p, u8 *resp,
			     size_t size)
{
	size_t len = p->auth_resp_len - FSR_AUTH_BODY;

	if (WARN_ON_ONCE(len > size))
		return 0;
	memcpy(resp, p->auth_resp + FSR_AUTH_BODY, len);
	return len;
}

/**
 * fsr_ft_serve_ds() - answer an FT Request that came over the DS
 * @net: the namespace of the request (fsrd's)
 * @ifindex: the target BSS's interface
 * @sta: the station (STA Address of the FT Request)
 * @ies: the request's elements (RSNE, MDE, FTE)
 * @ies_len: their length
 * @resp: where the answer's elements go (RSNE, MDE, FTE)
 * @size: room at @resp, FSR_AUTH_RESP_MAX at least
 * @resp_len: their length, when served
 *
 * Process context. The hook's checks and exchange, with bottom halves off
 * and under RCU as in the hook, so that both meet the same locks the same
 * way. A request refused by the checks is not refused here: fsrd, which
 * relays it, checks it again and answers with the status and its trace.
 *
 * Return: 0 when served (or the same request was served before: the same
 * answer), a positive FSR_WHY_* to leave it to fsrd, or -ENODEV when
 * @ifindex is no attached BSS of @net.
 */
int fsr_ft_serve_ds(struct net *net, u32 ifindex, const u8 *sta,
		    const u8 *ies, size_t ies_len, u8 *resp, size_t size,
		    size_t *resp_len)
{
	const struct fsr_ft_pend *found = NULL;
	struct fsr_ft_pend *p = NULL, *same;
	const struct fsr_ft_conf *conf;
	struct fsr_ft_verdict v = {};
	struct fsr_pmk_secret pmk;
	ktime_t t0 = ktime_get();
	struct net_device *dev;
	struct fsr_bss *bss;
	int ret;

	local_bh_disable();
	rcu_read_lock();
	dev = dev_get_by_index_rcu(net, ifindex);
	bss = dev ? fsr_bss_find_rcu(dev) : NULL;
	if (!bss || READ_ONCE(bss->dead)) {
		ret = -ENODEV;
		goto out;
	}
	conf = rcu_dereference(bss->ft);
	if (!conf || !conf->pub.enable || !conf->pub.ready) {
		ret = FSR_WHY_NOT_READY;
		goto passed;
	}
	if (!fsr_ft_check_auth(bss, conf, sta, ies, ies_len, &pmk, &v,
			       &found)) {
		memzero_explicit(&pmk, sizeof(pmk));
		if (found) {
			/* a retransmitted request: the answer it had */
			*resp_len = fsr_ft_ds_copy(found, resp, size);
			fsr_bss_count_stat(bss, FSR_STAT_FT_AUTH_RESENT);
			ret = 0;
			goto out;
		}
		ret = v.why ?: FSR_WHY_NOT_READY;
		goto passed;
	}
	p = fsr_ft_auth_exchange(bss, conf, sta, ies, ies_len, &pmk, &v.why);
	memzero_explicit(&pmk, sizeof(pmk));
	if (!p) {
		ret = v.why;
		goto passed;
	}
	ret = fsr_ft_auth_publish(bss, p, conf, &same);
	if (ret)
		goto passed;
	if (same) {
		*resp_len = fsr_ft_ds_copy(same, resp, size);
		fsr_bss_count_stat(bss, FSR_STAT_FT_AUTH_RESENT);
		fsr_ft_pend_put(same);
		goto out;
	}
	*resp_len = fsr_ft_ds_copy(p, resp, size);
	fsr_ft_auth_served(bss, p, FSR_STAT_FT_DS_SERVED,
			   ktime_to_ns(ktime_sub(ktime_get(), t0)));
	goto out;

passed:
	fsr_ft_passed(bss, sta, (u8)ret, GFP_ATOMIC);
out:
	rcu_read_unlock();
	local_bh_enable();
	fsr_ft_pend_put(p);
	return ret;
}
