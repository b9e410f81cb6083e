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
	const u8 *bssid = bss->dev->dev_addr;
	struct fsr_ft_pend *p, *same;
	enum fsr_ft_parse_err perr;
	struct fsr_ie_fte fte, out;
	struct fsr_ie_rsne r;
	struct fsr_ie_set set;
	struct fsr_sta_ntf n;
	u8 why = 0;
	u8 *buf;
	size_t pos;
	int len, ret;
	u64 ns;

	buf = kmalloc(FSR_AUTH_RESP_MAX, GFP_ATOMIC);
	p = fsr_ft_pend_alloc(mgmt->sa, GFP_ATOMIC);
	if (!buf || !p) {
		why = FSR_WHY_NOMEM;
		goto out;
	}
	/* Checked by the hook; parsed again for the fields kept. */
	if (fsr_ie_walk(mgmt->u.auth.variable, skb->len - FSR_AUTH_BODY,
			&set, &perr) ||
	    fsr_ie_parse_rsne(set.rsne.p, set.rsne.len, &r, &perr) ||
	    fsr_ft_suite_init(&p->suite, pmk->info.akm, pmk->info.pairwise) ||
	    fsr_ie_parse_fte(set.fte.p, set.fte.len, p->suite.mic_len, &fte,
			     &perr)) {
		why = FSR_WHY_MALFORMED;
		goto out;
	}

	memcpy(p->r0_name, r.pmkid, FSR_FT_NAME_LEN);
	memcpy(p->r1_name, pmk->info.id.r1_name, FSR_FT_NAME_LEN);
	memcpy(p->r0kh_id, fte.r0kh_id, fte.r0kh_id_len);
	p->r0kh_id_len = fte.r0kh_id_len;
	memcpy(p->snonce, fte.snonce, FSR_FT_NONCE_LEN);
	get_random_bytes(p->anonce, FSR_FT_NONCE_LEN);
	if (fsr_ft_derive_ptk(&p->suite, pmk->pmk, pmk->pmk_len, p->r1_name,
			      p->snonce, p->anonce, bssid, mgmt->sa,
			      &p->ptk)) {
		why = FSR_WHY_UNSUPPORTED;
		goto out;
	}

	/* Authentication response: RSNE (PMKR0Name), MDE, FTE. */
	fsr_ft_put_hdr(buf, IEEE80211_STYPE_AUTH, mgmt->sa, bssid);
	((struct ieee80211_mgmt *)buf)->u.auth.auth_alg =
		cpu_to_le16(WLAN_AUTH_FT);
	((struct ieee80211_mgmt *)buf)->u.auth.auth_transaction =
		cpu_to_le16(2);
	((struct ieee80211_mgmt *)buf)->u.auth.status_code = 0;
	pos = FSR_AUTH_BODY;
	len = fsr_ft_build_rsne(buf + pos, FSR_AUTH_RESP_MAX - pos,
				conf->pub.rsne, conf->pub.rsne_len, p->r0_name);
	if (len < 0) {
		why = FSR_WHY_UNSUPPORTED;
		goto out;
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
		why = FSR_WHY_UNSUPPORTED;
		goto out;
	}
	pos += len;

	/* Kept with the exchange for retransmitted requests. */
	p->auth_resp = buf;
	p->auth_resp_len = pos;
	buf = NULL;

	/* Published before the response goes out: the STA may be quick. */
	refcount_inc(&p->ref);
	ret = fsr_ft_pend_insert(bss, p, conf->pub.deadline_ms, &same);
	if (ret) {
		fsr_ft_pend_put(p);
		p = NULL;
		if (ret == -ENOSPC) {
			why = FSR_WHY_PENDING_FULL;
			goto out;
		}
		if (ret != -EEXIST) {
			why = FSR_WHY_NOT_READY;
			goto out;
		}
		/* The same request was answered meanwhile: that answer. */
		if (ieee80211_mgmt_offload_tx(vif, same->auth_resp,
					      same->auth_resp_len))
			fsr_bss_count_stat(bss, FSR_STAT_ERR_TX);
		else
			fsr_bss_count_stat(bss, FSR_STAT_FT_AUTH_RESENT);
		fsr_ft_pend_put(same);
		goto out;
	}
	ret = ieee80211_mgmt_offload_tx(vif, p->auth_resp, p->auth_resp_len);
	ns = ktime_to_ns(ktime_sub(ktime_get(), t0));
	if (ret) {
		fsr_ft_pend_remove(p);
		fsr_ft_refused(bss, mgmt->sa, 0, FSR_WHY_TX, GFP_ATOMIC);
		goto out;
	}
	fsr_bss_count_hist(bss, FSR_HIST_AUTH, ns);
	fsr_bss_count_stat(bss, FSR_STAT_FT_AUTH_SERVED);
	fsr_bss_count_stat(bss, FSR_STAT_SERVED);
	fsr_ft_ntf_init(&n, bss, FSR_EVENT_FT_AUTH_SERVED, mgmt->sa);
	n.fields = FSR_NTF_SERVICE | FSR_NTF_NAMES;
	n.service_ns = ns;
	memcpy(n.r1_name, p->r1_name, FSR_FT_NAME_LEN);
	fsr_nl_sta_notify(dev_net(bss->dev), &n, GFP_ATOMIC);
	/* The station, added unassociated during the client's think time. */
	fsr_ft_prep_queue(bss, p);

out:
	fsr_ft_pend_put(p);
	kfree(buf);
	return why;
}
