// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */
/*
 * How the fast path reports what it did: per-BSS counters and the
 * FT_PASSED / FT_REFUSED events (rate-limited), from the receive hook
 * (softirq, GFP_ATOMIC) and from the workers (GFP_KERNEL) alike; and the
 * frame pieces both halves build (header, RSNE), in any context.
 */

#include "ft.h"
#include "bss.h"
#include "netlink.h"
#include "ft/ft_ie.h"

/* The counter each refusal or pass reason goes to. */
static const u8 fsr_why_stat[] = {
	[FSR_WHY_MALFORMED] = FSR_STAT_ERR_MALFORMED,
	[FSR_WHY_NO_PMK] = FSR_STAT_ERR_NO_PMK,
	[FSR_WHY_PENDING_FULL] = FSR_STAT_ERR_PENDING_FULL,
	[FSR_WHY_NOMEM] = FSR_STAT_ERR_NOMEM,
	[FSR_WHY_RSNE] = FSR_STAT_ERR_RSNE,
	[FSR_WHY_MDE] = FSR_STAT_ERR_MDE,
	[FSR_WHY_FTE] = FSR_STAT_ERR_FTE,
	[FSR_WHY_PMKID] = FSR_STAT_ERR_PMKID,
	[FSR_WHY_NONCE] = FSR_STAT_ERR_NONCE,
	[FSR_WHY_MIC] = FSR_STAT_ERR_MIC,
	[FSR_WHY_REPLAY] = FSR_STAT_ERR_REPLAY,
	[FSR_WHY_STALE] = FSR_STAT_ERR_STALE,
	[FSR_WHY_NO_AID] = FSR_STAT_ERR_NO_AID,
	[FSR_WHY_STA] = FSR_STAT_ERR_STA,
	[FSR_WHY_TX] = FSR_STAT_ERR_TX,
	[FSR_WHY_NOT_EXCHANGE] = FSR_STAT_FT_FALLBACK,
	[FSR_WHY_QUEUE_FULL] = FSR_STAT_ERR_QUEUE_FULL,
	[FSR_WHY_NO_ACK] = FSR_STAT_ERR_NO_ACK,
};

void fsr_ft_count_why(struct fsr_bss *bss, u8 why)
{
	if (why < ARRAY_SIZE(fsr_why_stat))
		fsr_bss_count_stat(bss, fsr_why_stat[why]);
}

void fsr_ft_ntf_init(struct fsr_sta_ntf *n, struct fsr_bss *bss,
		     u8 event, const u8 *sta)
{
	memset(n, 0, sizeof(*n));
	n->event = event;
	n->ifindex = bss->dev->ifindex;
	ether_addr_copy(n->sta, sta);
}

/*
 * FT_PASSED and FT_REFUSED follow frames a peer sends, so they are
 * rate-limited per BSS; the counters are not (and count what was left out).
 */
static bool fsr_ft_event_allowed(struct fsr_bss *bss)
{
	if (__ratelimit(&bss->ev_rs))
		return true;
	fsr_bss_count_stat(bss, FSR_STAT_EVENTS_SUPPRESSED);
	return false;
}

/* Counted FT_PASSED and its reason; the caller passes the frame on. */
void fsr_ft_passed(struct fsr_bss *bss, const u8 *sta, u8 why,
		   gfp_t gfp)
{
	struct fsr_sta_ntf n;

	fsr_bss_count_stat(bss, FSR_STAT_FT_PASSED);
	fsr_ft_count_why(bss, why);
	if (!fsr_ft_event_allowed(bss))
		return;
	fsr_ft_ntf_init(&n, bss, FSR_EVENT_FT_PASSED, sta);
	n.fields = FSR_NTF_WHY;
	n.why = why;
	fsr_nl_sta_notify(dev_net(bss->dev), &n, gfp);
}

void fsr_ft_refused(struct fsr_bss *bss, const u8 *sta, u16 status,
		    u8 why, gfp_t gfp)
{
	struct fsr_sta_ntf n;

	fsr_bss_count_stat(bss, FSR_STAT_FT_REFUSED);
	fsr_ft_count_why(bss, why);
	if (!fsr_ft_event_allowed(bss))
		return;
	fsr_ft_ntf_init(&n, bss, FSR_EVENT_FT_REFUSED, sta);
	n.fields = FSR_NTF_WHY | FSR_NTF_STATUS;
	n.why = why;
	n.status = status;
	fsr_nl_sta_notify(dev_net(bss->dev), &n, gfp);
}

void fsr_ft_put_hdr(u8 *buf, u16 stype, const u8 *da,
		    const u8 *bssid)
{
	struct ieee80211_hdr_3addr *h = (void *)buf;

	memset(h, 0, sizeof(*h));
	h->frame_control = cpu_to_le16(IEEE80211_FTYPE_MGMT | stype);
	ether_addr_copy(h->addr1, da);
	ether_addr_copy(h->addr2, bssid);
	ether_addr_copy(h->addr3, bssid);
}

int fsr_ft_build_rsne(u8 *buf, size_t size, const u8 *bss_rsne,
		      size_t bss_rsne_len, const u8 *pmkid)
{
	enum fsr_ft_parse_err why;
	struct fsr_ie_rsne r;

	if (fsr_ie_parse_rsne(bss_rsne, bss_rsne_len, &r, &why))
		return -EINVAL;
	r.n_pmkid = 1;
	r.pmkid = pmkid;
	if (r.n_fields < FSR_RSNE_F_PMKID)
		r.n_fields = FSR_RSNE_F_PMKID;
	return fsr_ie_build_rsne(buf, size, &r);
}
