// SPDX-License-Identifier: GPL-2.0-only
/* wpa_auth's effects (struct wpa_auth_ops) carried out for an fsrd BSS. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ap/bss.h"
#include "drv/eapol_sock.h"
#include "keys/ft_store.h"
#include "core/ieee80211.h"
#include "core/log.h"
#include "drv/nl80211.h"
#include "eap/sta_eap.h"
#include "core/trace.h"
#include "mobility/mobility.h"
#include "portal/portal_svc.h"

static void sta_timer_fire(struct ev_timer *t)
{
	struct fsrd_sta *sta = (struct fsrd_sta *)((char *)t -
				offsetof(struct fsrd_sta, wpa_timer));

	if (sta->wpa)
		wpa_auth_timeout(sta->wpa);
}

/* Drop a station from the loop, never from inside a wpa_auth call. */
struct pending_drop {
	struct ev_timer t;
	struct fsrd_bss *bss;
	uint8_t addr[6];
	uint16_t reason;
	char why[96];
};

static void drop_fire(struct ev_timer *t)
{
	struct pending_drop *d = (struct pending_drop *)t;
	struct fsrd_sta *sta = sta_find(&d->bss->stas, d->addr);

	if (sta)
		sta_drop(sta, d->reason, true, d->why);
	free(d);
}

void sta_drop_later(struct fsrd_sta *sta, uint16_t reason, const char *why)
{
	struct pending_drop *d = calloc(1, sizeof(*d));

	if (!d) {
		log_err("%s: out of memory: station not removed",
			sta->bss->conf->ifname);
		return;
	}
	d->t.fn = drop_fire;
	d->bss = sta->bss;
	memcpy(d->addr, sta->addr, 6);
	d->reason = reason;
	snprintf(d->why, sizeof(d->why), "%s", why ? why : "?");
	ev_timer_arm(&d->t, 0);
}

static int op_send_eapol(void *ctx, const uint8_t *sta, const uint8_t *buf,
			 size_t len)
{
	struct fsrd_bss *b = ctx;

	return eapol_sock_send(b->eapol_fd, b->ifindex, b->addr, sta, buf,
			       len);
}

static int op_install_ptk(void *ctx, const uint8_t *sta, uint32_t cipher,
			  const uint8_t *tk, size_t tk_len)
{
	struct fsrd_bss *b = ctx;

	return nl80211_new_key(b->ifindex, sta, 0, cipher, tk, tk_len, NULL, 0);
}

static int op_authorize(void *ctx, const uint8_t *addr)
{
	struct fsrd_bss *b = ctx;
	struct fsrd_sta *sta = sta_find(&b->stas, addr);
	int err = nl80211_authorize(b->ifindex, addr);

	if (!err && sta) {
		sta->authorized = true;
		portal_svc_sta_authorized(sta);
	}
	return err;
}

static void op_set_timer(void *ctx, const uint8_t *addr, unsigned int ms)
{
	struct fsrd_bss *b = ctx;
	struct fsrd_sta *sta = sta_find(&b->stas, addr);

	if (!sta)
		return;
	/* set here, not only in sta_wpa_start(): FT roams (ft_roam.c)
	 * make authenticators too */
	sta->wpa_timer.fn = sta_timer_fire;
	if (ms)
		ev_timer_arm(&sta->wpa_timer, ms);
	else
		ev_timer_cancel(&sta->wpa_timer);
}

/* After an FT initial mobility-domain association: this fsrd is the
 * R0KH, keep the PMK-R0 for the station's roams. */
static void keep_pmk_r0(struct fsrd_bss *b, struct fsrd_sta *sta)
{
	struct wpa_auth_ft_keys k;
	struct fsr_ft_pmk_r0 r0;
	struct ft_scope scope;
	uint32_t life = 0;
	char mac[MACSTR_LEN];
	int err;

	fsrd_mac_str(sta->addr, mac);
	err = wpa_auth_get_ft_keys(sta->wpa, &k);
	if (!err && k.pmk_r0_len > sizeof(r0.key))
		err = -EINVAL;
	if (!err) {
		memcpy(r0.key, k.pmk_r0, k.pmk_r0_len);
		r0.key_len = (uint8_t)k.pmk_r0_len;
		memcpy(r0.name, k.pmk_r0_name, sizeof(r0.name));
		bss_ft_scope(b, &scope);
		/* FT-802.1X: the keys end with the server's Session-Timeout */
		life = sta_eap_key_lifetime_s(sta, b->gconf->r0_key_lifetime_s);
		err = ft_store_add(sta->addr, &r0, &scope, life);
	}
	if (!err) {
		uint32_t st = sta_eap_key_lifetime_s(sta, UINT32_MAX);

		/* other hosts' R1KHs first (pmk_r1_push): their frames are
		 * on the wire while fsr.ko takes ours; the Session-Timeout
		 * goes with the key, as hostapd sends it */
		mobility_push(b, sta->addr, &r0, life,
			      st == UINT32_MAX ? 0 : st);
		bss_push_pmk_r1(sta->addr, &r0, &scope, life);
	}
	explicit_bzero(&k, sizeof(k));
	explicit_bzero(&r0, sizeof(r0));
	if (err)
		log_warn("%s: %s: PMK-R0 not kept: %s", b->conf->ifname, mac,
			 strerror(-err));
	else
		trace_sta(b, sta->addr, TRACE_EV_PMK,
			  "FT initial mobility-domain association: PMK-R0 kept");
}

static void op_done(void *ctx, const uint8_t *addr, int reason,
		    const char *why)
{
	struct fsrd_bss *b = ctx;
	struct fsrd_sta *sta = sta_find(&b->stas, addr);
	char mac[MACSTR_LEN];
	bool rekey;

	if (!sta)
		return;
	fsrd_mac_str(addr, mac);
	rekey = sta->rekey_pending;
	sta->rekey_pending = false;
	if (!reason) {
		trace_sta(b, addr, NULL, "%s",
			  rekey ? "group-key handshake completed" :
				  "4-way handshake completed, port authorized");
		if (!rekey && rsn_akm_is_ft(sta->akm)) {
			fsrd_auth_stats()->ft_initial++;
			keep_pmk_r0(b, sta);
		}
		if (!rekey)
			sta_eap_port_open(sta);
		if (rekey)
			bss_rekey_step(b);
		return;
	}
	trace_sta(b, addr, NULL, "%s failed: %s",
		  rekey ? "group-key handshake" : "4-way handshake",
		  why ? why : "?");
	if (rekey)
		bss_rekey_step(b);
	sta_drop_later(sta, (uint16_t)reason, why ? why : "handshake failed");
}

/* Per-message lines go to the trace at once, to the log at debug. */
static void op_trace(void *ctx, const uint8_t *addr, const char *event,
		     bool per_message)
{
	struct fsrd_bss *b = ctx;

	trace_sta_log(per_message ? FSRD_LOG_DEBUG : FSRD_LOG_INFO, b, addr,
		      NULL, "%s", event);
}

/* The GTK's transmit sequence counter, from the kernel each time. */
static int op_group_rsc(void *ctx, uint8_t key_idx, uint8_t *rsc)
{
	struct fsrd_bss *b = ctx;

	return nl80211_get_group_key_seq(b->ifindex, key_idx, rsc);
}

const struct wpa_auth_ops fsrd_wpa_ops = {
	.send_eapol = op_send_eapol,
	.install_ptk = op_install_ptk,
	.authorize = op_authorize,
	.set_timer = op_set_timer,
	.done = op_done,
	.trace = op_trace,
	.group_rsc = op_group_rsc,
};

int sta_wpa_start_key(struct fsrd_sta *sta, uint32_t akm,
		      const uint8_t *rsne, size_t rsne_len, const uint8_t *pmk,
		      size_t pmk_len, const uint8_t *pmksa_pmkid)
{
	struct fsrd_bss *b = sta->bss;

	if (sta->wpa) {
		wpa_auth_sta_free(sta->wpa);
		sta->wpa = NULL;
	}
	sta->wpa_timer.fn = sta_timer_fire;
	sta->wpa = wpa_auth_sta_new(&b->wconf, sta->addr, akm, rsne, rsne_len,
				    pmk, pmk_len, pmksa_pmkid);
	if (!sta->wpa)
		return -ENOMEM;
	/* M3 announces how long the PMK-R0 will be kept (keep_pmk_r0) */
	if (rsn_akm_is_ft(akm)) {
		int err = wpa_auth_sta_set_key_lifetime(sta->wpa,
			sta_eap_key_lifetime_s(sta, b->gconf->r0_key_lifetime_s));

		if (err)
			return err;
	}
	return wpa_auth_sta_start(sta->wpa);
}

int sta_wpa_start(struct fsrd_sta *sta, const struct fsrd_assoc_req *req)
{
	struct fsrd_bss *b = sta->bss;

	sta->since_ms = ev_now_ms();
	if (b->conf->security == FSRD_SEC_WPA2_EAP ||
	    b->conf->security == FSRD_SEC_FT_EAP)
		return sta_eap_start(sta, req);
	fsrd_auth_stats()->psk++;
	return sta_wpa_start_key(sta, req->akm, req->rsne, req->rsne_len,
				 b->conf->psk, sizeof(b->conf->psk), NULL);
}

void sta_wpa_stop(struct fsrd_sta *sta)
{
	if (sta->rekey_pending) {
		sta->rekey_pending = false;
		bss_rekey_step(sta->bss);
	}
	if (sta->wpa) {
		wpa_auth_sta_free(sta->wpa);
		sta->wpa = NULL;
	}
	ev_timer_cancel(&sta->wpa_timer);
	sta->authorized = false;
}
