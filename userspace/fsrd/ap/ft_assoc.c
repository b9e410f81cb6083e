// SPDX-License-Identifier: GPL-2.0-only
/*
 * An FT roam served by fsrd around its Reassociation Response, as hostapd
 * does it: the station enters the kernel unassociated right after its FT
 * Authentication response (so the Reassociation needs one SET_STATION,
 * not a NEW_STATION), and the PTK and the port follow the response's
 * TX status (acknowledged), never before it went out and never twice.
 * Bounded: a pre-added station leaves the kernel after the reassociation
 * deadline; a response never acknowledged ends the station after
 * FT_ACK_WAIT_MS (it is told so with a Deauthentication).
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "ap/bss.h"
#include "ap/ft_assoc.h"
#include "core/auth_stats.h"
#include "core/ieee80211.h"
#include "core/log.h"
#include "core/trace.h"
#include "drv/nl80211.h"
#include "eap/sta_eap.h"
#include "portal/portal_svc.h"

/* A lost ACK is retried by the client's repeated request (answered with
 * the same response, ap/mlme.c): this is the bound for all of it. */
#define FT_ACK_WAIT_MS 2000

static void ft_timer_fire(struct ev_timer *t)
{
	struct fsrd_sta *sta = (struct fsrd_sta *)((char *)t -
				offsetof(struct fsrd_sta, ft_timer));
	struct fsrd_bss *b = sta->bss;

	if (sta->ft_keys_pending) {
		sta_drop(sta, WLAN_REASON_UNSPECIFIED, true,
			 "FT Reassociation Response not acknowledged in time: no PTK installed");
		return;
	}
	if (sta->state == FSRD_STA_AUTH && sta->in_kernel) {
		/* no Reassociation within the deadline: a later one adds
		 * the station again (NEW_STATION) */
		sta->in_kernel = false;
		nl80211_del_station(b->ifindex, sta->addr);
		log_dbg("%s: FT pre-added station removed (no Reassociation within the deadline)",
			b->conf->ifname);
	}
}

void ft_assoc_preadd(struct fsrd_bss *b, struct fsrd_sta *sta)
{
	int err;

	if (sta->in_kernel)
		return;
	err = nl80211_new_station_auth(b->ifindex, sta->addr);
	if (err == -EEXIST) {
		/* a kernel entry fsrd no longer tracks: replace it */
		err = nl80211_del_station(b->ifindex, sta->addr);
		if (!err)
			err = nl80211_new_station_auth(b->ifindex, sta->addr);
	}
	if (err) {
		/* not fatal: the Reassociation adds it with NEW_STATION */
		log_dbg("%s: FT: adding the station unassociated failed: %s",
			b->conf->ifname, strerror(-err));
		return;
	}
	sta->in_kernel = true;
	sta->ft_timer.fn = ft_timer_fire;
	ev_timer_arm(&sta->ft_timer,
		     b->conf->reassoc_deadline_tu * 1024u / 1000u + 1000u);
}

void ft_assoc_wait_ack(struct fsrd_sta *sta, uint64_t cookie)
{
	sta->ft_keys_pending = true;
	sta->ft_resp_cookie = cookie;
	/* the response's GTK subelement was built in this turn of the loop */
	sta->ft_gtk_idx = sta->bss->group.key_idx;
	sta->ft.valid = false;	/* the PTK stays, for the ACK only */
	sta->ft_timer.fn = ft_timer_fire;
	ev_timer_arm(&sta->ft_timer, FT_ACK_WAIT_MS);
}

void ft_assoc_cancel(struct fsrd_sta *sta)
{
	ev_timer_cancel(&sta->ft_timer);
	if (sta->ft_keys_pending) {
		sta->ft_keys_pending = false;
		explicit_bzero(&sta->ft, sizeof(sta->ft));
	}
}

/* The response was acknowledged: the PTK, then the port. */
static void keys_on_ack(struct fsrd_bss *b, struct fsrd_sta *sta)
{
	int err;

	ev_timer_cancel(&sta->ft_timer);
	sta->ft_keys_pending = false;
	err = nl80211_new_key(b->ifindex, sta->addr, 0, sta->ft.cipher,
			      sta->ft.ptk.tk, sta->ft.ptk.tk_len, NULL, 0);
	explicit_bzero(&sta->ft, sizeof(sta->ft));
	if (!err)
		err = nl80211_authorize(b->ifindex, sta->addr);
	if (err) {
		/* the client was told yes: tell it no, and forget it */
		sta_drop(sta, WLAN_REASON_UNSPECIFIED, true,
			 "FT Reassociation answered but the PTK or the port could not be set");
		return;
	}
	sta->authorized = true;
	fsrd_auth_stats()->ft_roam_user++;
	trace_sta(b, sta->addr, TRACE_EV_FT_REASSOC,
		  "FT roam served by userspace: reassociated, AID %u, PTK installed after the response's ACK, port authorized",
		  sta->aid);
	/* a Portal session kept here, or a peer AP's, goes on */
	portal_svc_sta_authorized(sta);
	/* removing the old BSS's kernel station waits for an RCU grace
	 * period (milliseconds): after the port is open */
	bss_forget_elsewhere(b, sta->addr);
	sta_eap_ft_roamed(sta);
	/* a rekey began between the response and its ACK: this station
	 * was not counted in it and holds the previous GTK */
	if (sta->ft_gtk_idx != b->group.key_idx)
		bss_give_current_gtk(b, sta, sta->ft_gtk_idx,
				     "the FT Reassociation Response");
}

void ft_assoc_tx_status(struct fsrd_bss *b, uint64_t cookie, bool ack)
{
	struct fsrd_sta *sta;

	for (sta = b->stas.head; sta; sta = sta->next)
		if (sta->ft_keys_pending && sta->ft_resp_cookie == cookie)
			break;
	if (!sta)
		return;
	if (ack) {
		keys_on_ack(b, sta);
		return;
	}
	/* its repeated request gets the same response (ap/mlme.c) */
	trace_sta(b, sta->addr, TRACE_EV_FT_REASSOC,
		  "Reassociation Response not acknowledged: PTK held back");
}
