// SPDX-License-Identifier: GPL-2.0-only
/*
 * The MLME of a BSS: probe responses, Open System authentication,
 * (re)association, deauthentication and disassociation in both directions.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ap/bss.h"
#include "ap/ft_assoc.h"
#include "ft_ie.h"
#include "ft/ft_roam.h"
#include "core/ieee80211.h"
#include "core/log.h"
#include "drv/fastpath.h"
#include "drv/nl80211.h"
#include "eap/sta_eap.h"
#include "mobility/mobility.h"
#include "portal/portal_svc.h"
#include "nmsp/nmsp_stations.h"
#include "nmsp/nmsp_svc.h"
#include "core/trace.h"

#define FRAME_MAX 1024

static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static uint16_t get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

/* cookie: NULL, or where the cookie of its TX status goes */
static int send_frame_cookie(struct fsrd_bss *b, const uint8_t *f, int len,
			     const char *what, const uint8_t *da,
			     uint64_t *cookie)
{
	char mac[MACSTR_LEN];
	int err;

	if (len < 0) {
		log_err("%s: cannot build %s", b->conf->ifname, what);
		return len;
	}
	err = nl80211_send_frame_cookie(b->ifindex, f, (size_t)len, cookie);
	if (err)
		/* one per frame answered: rate-limited */
		log_warn_rl("%s: %s: sending %s failed: %s",
			    b->conf->ifname, fsrd_mac_str(da, mac), what,
			    strerror(-err));
	return err;
}

static void send_frame(struct fsrd_bss *b, const uint8_t *f, int len,
		       const char *what, const uint8_t *da)
{
	send_frame_cookie(b, f, len, what, da, NULL);
}

int mlme_send_deauth(struct fsrd_bss *b, const uint8_t *da, uint16_t reason)
{
	uint8_t f[64];
	int n = fsrd_build_deauth(&b->ies, da, false, reason, f, sizeof(f));

	send_frame(b, f, n, "Deauthentication", da);
	return n < 0 ? n : 0;
}

void sta_drop(struct fsrd_sta *sta, uint16_t reason, bool send_deauth,
	      const char *why)
{
	struct fsrd_bss *b = sta->bss;

	trace_sta(b, sta->addr, TRACE_EV_DISCONNECT,
		  "disconnected (reason %u): %s", reason, why);
	if (send_deauth)
		mlme_send_deauth(b, sta->addr, reason);
	/* accounting: the station left, or fsrd removed it */
	sta_eap_stop(sta, send_deauth ? RADIUS_TERM_NAS_REQUEST :
					RADIUS_TERM_USER_REQUEST);
	portal_svc_sta_gone(sta);
	/* a roam is told as one (its new BSS says where from) */
	if (sta->state == FSRD_STA_ASSOC && !sta->roamed_away)
		nmsp_svc_station_event(NMSP_EV_DISASSOC, sta->addr, b->addr,
				       NULL);
	sta_wpa_stop(sta);
	ft_assoc_cancel(sta);
	mobility_pull_cancel(b, sta->addr);
	if (sta->in_kernel) {
		sta->in_kernel = false;
		nl80211_del_station(b->ifindex, sta->addr);
	}
	sta_remove(&b->stas, sta);
}

/* Back to "authenticated": the kernel entry and the handshake go. */
static void sta_unassoc(struct fsrd_sta *sta)
{
	sta_eap_stop(sta, RADIUS_TERM_USER_REQUEST);
	portal_svc_sta_gone(sta);
	sta_wpa_stop(sta);
	ft_assoc_cancel(sta);
	if (sta->in_kernel) {
		sta->in_kernel = false;
		nl80211_del_station(sta->bss->ifindex, sta->addr);
	}
	sta->state = FSRD_STA_AUTH;
	sta->authorized = false;
	sta->served_by_kernel = false;
}

static bool ssid_matches(struct fsrd_bss *b, const uint8_t *ies, size_t len)
{
	size_t pos = 0;

	while (pos + 2 <= len && pos + 2 + ies[pos + 1] <= len) {
		if (ies[pos] == WLAN_EID_SSID) {
			uint8_t l = ies[pos + 1];

			return !l || (l == b->conf->ssid_len &&
				      !memcmp(ies + pos + 2, b->conf->ssid, l));
		}
		pos += 2 + (size_t)ies[pos + 1];
	}
	return false;
}

static void rx_probe_req(struct fsrd_bss *b, const uint8_t *f, size_t len)
{
	uint8_t resp[FRAME_MAX];

	if (!ssid_matches(b, f + WLAN_HDR_LEN, len - WLAN_HDR_LEN))
		return;
	if (memcmp(f + WLAN_OFF_BSSID, bcast, 6) &&
	    memcmp(f + WLAN_OFF_BSSID, b->addr, 6))
		return;
	send_frame(b, resp, fsrd_build_probe_resp(&b->ies, f + WLAN_OFF_SA,
						  resp, sizeof(resp)),
		   "Probe Response", f + WLAN_OFF_SA);
}

static void send_auth_ies(struct fsrd_bss *b, const uint8_t *da,
			  uint16_t alg, uint16_t status, const uint8_t *ies,
			  size_t ies_len)
{
	uint8_t f[FRAME_MAX];

	send_frame(b, f, fsrd_build_auth(&b->ies, da, alg, 2, status, ies,
					 ies_len, f, sizeof(f)),
		   "Authentication", da);
}

static void send_auth(struct fsrd_bss *b, const uint8_t *da, uint16_t alg,
		      uint16_t status)
{
	send_auth_ies(b, da, alg, status, NULL, 0);
}

/*
 * No PMK-R1 for the station's R0KH-ID (ft_roam.c): ask that R0KH
 * (mobility/pull.c); the answer waits for mlme_ft_pull_done. true when
 * pending, else *why says why not.
 */
static bool ft_auth_pull(struct fsrd_bss *b, struct fsrd_sta *sta,
			 const uint8_t *ies, size_t len, const char **why)
{
	int ret = mobility_pull(b, sta->addr, sta->ft.r0kh_id,
				sta->ft.r0kh_id_len, sta->ft.pmk_r0_name, ies,
				len);

	switch (ret) {
	case 0:
		trace_sta(b, sta->addr, TRACE_EV_FT_AUTH,
			  "FT Authentication: no PMK-R1 from R0KH %.*s here, PULL sent; answered when it comes",
			  (int)sta->ft.r0kh_id_len,
			  (const char *)sta->ft.r0kh_id);
		return true;
	case -EALREADY:
		return true;	/* a retransmission: the PULL is out */
	case -ENOENT:
		*why = "no PMK-R1 received from this R0KH-ID for this PMKR0Name, and it is no r0kh of this BSS";
		break;
	case -EBUSY:
		*why = "no PMK-R1, and too many PULLs are pending";
		break;
	case -EHOSTUNREACH:
		*why = "no PMK-R1, and this R0KH-ID did not answer a PULL to the wildcard r0kh lately (rkh_neg_timeout)";
		break;
	default:
		*why = "no PMK-R1, and the PULL could not be sent";
		break;
	}
	return false;
}

/* The answer to an FT Authentication: over the air, or to the current
 * AP when the request came over the DS. */
static void ft_answer(struct fsrd_bss *b, struct fsrd_sta *sta,
		      uint16_t status, const uint8_t *ies, size_t len)
{
	if (sta->ds_in)
		ft_ds_answer(b, sta->addr, sta->ds_from, status, ies, len);
	else
		send_auth_ies(b, sta->addr, WLAN_AUTH_FT, status, ies, len);
}

/* FT Authentication (algorithm 2) of a station roaming in. pulled: the
 * request comes back after a PULL (mlme_ft_pull_done), no_key NULL or
 * why no key came; it is not pulled twice. */
static void rx_ft_auth(struct fsrd_bss *b, struct fsrd_sta *sta,
		       const uint8_t *ies, size_t len, bool pulled,
		       const char *no_key)
{
	uint8_t resp[512];
	size_t resp_len = 0;
	char mac[MACSTR_LEN];
	const char *why;
	uint16_t status;

	fsrd_mac_str(sta->addr, mac);
	status = ft_auth_request(b, sta, ies, len, resp, sizeof(resp),
				 &resp_len, &why);
	if (status == FT_STATUS_PULL) {
		if (!pulled && ft_auth_pull(b, sta, ies, len, &why))
			return;
		if (pulled)
			why = no_key ? no_key :
				       "the PMK-R1 pulled does not fit the request";
		/* as hostapd without a key */
		status = FSR_WLAN_STATUS_INVALID_PMKID;
		explicit_bzero(&sta->ft, sizeof(sta->ft));
	}
	if (status) {
		mobility_pull_cancel(b, sta->addr);
		trace_sta(b, sta->addr, TRACE_EV_FT_REFUSED,
			  "FT Authentication%s refused with status %u: %s",
			  sta->ds_in ? " (over the DS)" : "", status, why);
		ft_answer(b, sta, status, NULL, 0);
		sta_remove(&b->stas, sta);
		return;
	}
	ft_answer(b, sta, WLAN_STATUS_SUCCESS, resp, resp_len);
	/* after the response: the Reassociation then needs one SET_STATION */
	ft_assoc_preadd(b, sta);
	trace_sta(b, sta->addr, TRACE_EV_FT_AUTH,
		  "FT Authentication%s served in userspace (PMK-R1 %s, PTK ready%s)",
		  sta->ds_in ? " (over the DS)" : "",
		  pulled ? "pulled" : "derived",
		  sta->in_kernel ? ", station added unassociated" : "");
}

void mlme_ft_pull_done(struct fsrd_bss *b, const uint8_t *spa,
		       const uint8_t *ies, size_t len, const char *why)
{
	struct fsrd_sta *sta = sta_find(&b->stas, spa);

	/* gone, or associated again some other way meanwhile */
	if (!sta || sta->state != FSRD_STA_AUTH || sta->ft.valid)
		return;
	rx_ft_auth(b, sta, ies, len, true, why);
}

/*
 * The station sa starts an authentication (over the air, or FT over the
 * DS): its entry, a new one or the old one back to "authenticated" (a
 * new authentication ends the old association). NULL and *status when
 * it cannot have one.
 */
static struct fsrd_sta *sta_authenticating(struct fsrd_bss *b,
					   const uint8_t *sa, uint16_t *status)
{
	struct fsrd_sta *sta = sta_find(&b->stas, sa);
	char mac[MACSTR_LEN];

	if (sta) {
		sta_unassoc(sta);
	} else {
		if (b->stas.n >= 2 * (size_t)b->conf->max_stations) {
			/* a flood of new addresses: rate-limited */
			log_warn_rl("%s: %s: station table full",
				    b->conf->ifname, fsrd_mac_str(sa, mac));
			*status = WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA;
			return NULL;
		}
		sta = sta_add(&b->stas, sa);
		if (!sta) {
			*status = WLAN_STATUS_UNSPECIFIED;
			return NULL;
		}
		sta->bss = b;
	}
	sta->since_ms = ev_now_ms();
	return sta;
}

/*
 * fsr.ko serves the FT Request over the DS when it holds the PMK-R1, and
 * then the Reassociation too (adopted like an FT roam over the air). true
 * when it answered; else fsrd serves it (it checks the request again).
 */
static bool ft_ds_kernel(struct fsrd_bss *b, const uint8_t *current_ap,
			 const uint8_t *spa, const uint8_t *ies, size_t len)
{
	uint8_t resp[768];
	size_t resp_len = 0;
	const char *why;
	int ret;

	ret = fastpath_ft_ds(b, spa, ies, len, resp, sizeof(resp), &resp_len,
			     &why);
	if (ret == 1) {
		log_dbg("%s: FT Request over the DS left to fsrd by fsr.ko (%s)",
			b->conf->ifname, why);
		return false;
	}
	if (ret) {
		if (ret != -ENODEV)
			log_warn_rl("%s: fsr.ko did not answer an FT Request over the DS (%s): served in userspace",
				    b->conf->ifname, strerror(-ret));
		return false;
	}
	/* fsr.ko made the exchange: a pull of fsrd's would be moot */
	mobility_pull_cancel(b, spa);
	ft_ds_answer(b, spa, current_ap, WLAN_STATUS_SUCCESS, resp, resp_len);
	trace_sta(b, spa, TRACE_EV_FT_KERNEL,
		  "FT Request over the DS served by the kernel (PMK-R1 cached in fsr.ko); the Reassociation is the kernel's too");
	return true;
}

void mlme_ft_ds_request(struct fsrd_bss *b, const uint8_t *current_ap,
			const uint8_t *spa, const uint8_t *ies, size_t len)
{
	struct fsrd_sta *sta;
	char mac[MACSTR_LEN];
	uint16_t status;

	if (!b->wconf.ft || !b->conf->ft_over_ds) {
		b->ds.rx_req_dropped++;
		log_warn_rl("%s: FT Request over the DS refused: FT over the DS is off on this BSS (ft_over_ds)",
			    b->conf->ifname);
		return;
	}
	trace_sta(b, spa, TRACE_EV_AUTH,
		  "FT Request over the DS received (current AP %s)",
		  fsrd_mac_str(current_ap, mac));
	if (ft_ds_kernel(b, current_ap, spa, ies, len))
		return;
	sta = sta_authenticating(b, spa, &status);
	if (!sta) {
		ft_ds_answer(b, spa, current_ap, status, NULL, 0);
		return;
	}
	sta->ds_in = true;
	memcpy(sta->ds_from, current_ap, 6);
	rx_ft_auth(b, sta, ies, len, false, NULL);
}

static void rx_auth(struct fsrd_bss *b, const uint8_t *f, size_t len)
{
	const uint8_t *sa = f + WLAN_OFF_SA;
	struct fsrd_sta *sta;
	char mac[MACSTR_LEN];
	uint16_t alg, seq, status;

	if (len < WLAN_HDR_LEN + 6)
		return;
	alg = get_le16(f + WLAN_HDR_LEN);
	seq = get_le16(f + WLAN_HDR_LEN + 2);
	fsrd_mac_str(sa, mac);
	trace_sta(b, sa, TRACE_EV_AUTH,
		  "Authentication received (algorithm %u, seq %u)", alg, seq);
	if (alg != WLAN_AUTH_OPEN &&
	    !(alg == WLAN_AUTH_FT && b->wconf.ft)) {
		trace_sta(b, sa, TRACE_EV_AUTH_REFUSED,
			  "authentication algorithm %u refused", alg);
		send_auth(b, sa, alg, WLAN_STATUS_NOT_SUPPORTED_AUTH_ALG);
		return;
	}
	if (seq != 1) {
		send_auth(b, sa, alg, WLAN_STATUS_UNKNOWN_AUTH_TRANS);
		return;
	}
	sta = sta_authenticating(b, sa, &status);
	if (!sta) {
		send_auth(b, sa, alg, status);
		return;
	}
	sta->ds_in = false;
	if (alg == WLAN_AUTH_FT) {
		rx_ft_auth(b, sta, f + WLAN_HDR_LEN + 6,
			   len - WLAN_HDR_LEN - 6, false, NULL);
		return;
	}
	mobility_pull_cancel(b, sa);
	memset(&sta->ft, 0, sizeof(sta->ft));
	send_auth(b, sa, alg, WLAN_STATUS_SUCCESS);
	trace_sta(b, sa, TRACE_EV_AUTH, "authenticated (Open System)");
}

/* Keep a copy of the response that associated sta (see assoc_resp). */
static void keep_assoc_resp(struct fsrd_sta *sta, const uint8_t *f, int len)
{
	if (len > 0 && (size_t)len <= sizeof(sta->assoc_resp)) {
		memcpy(sta->assoc_resp, f, (size_t)len);
		sta->assoc_resp_len = (uint16_t)len;
	}
}

static int send_assoc_resp_ies(struct fsrd_bss *b, struct fsrd_sta *keep,
			       const uint8_t *da, bool reassoc,
			       uint16_t status, uint16_t aid,
			       const uint8_t *ies, size_t ies_len,
			       uint64_t *cookie)
{
	uint8_t f[FRAME_MAX];
	int n = fsrd_build_assoc_resp(&b->ies, da, reassoc, status, aid, ies,
				      ies_len, f, sizeof(f));

	if (keep)
		keep_assoc_resp(keep, f, n);
	return send_frame_cookie(b, f, n, reassoc ? "Reassociation Response" :
						    "Association Response",
				 da, cookie);
}

static void send_assoc_resp(struct fsrd_bss *b, struct fsrd_sta *keep,
			    const uint8_t *da, bool reassoc, uint16_t status,
			    uint16_t aid, uint32_t akm)
{
	uint8_t ft[256];
	int ft_len = 0;

	/* FT initial mobility-domain association: MDE and FTE */
	if (!status && rsn_akm_is_ft(akm) && b->wconf.ft) {
		ft_len = wpa_auth_ft_assoc_ies(&b->wconf, ft, sizeof(ft));
		if (ft_len < 0) {
			log_err("%s: cannot build the FT elements",
				b->conf->ifname);
			status = WLAN_STATUS_UNSPECIFIED;
			ft_len = 0;
		}
	}
	send_assoc_resp_ies(b, keep, da, reassoc, status, aid,
			    ft_len ? ft : NULL, (size_t)ft_len, NULL);
}

/* FNV-1a: tells a repeated request from a new one (not a security check:
 * a repeat only ever gets the answer already sent). */
static uint64_t fnv1a64(const uint8_t *p, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (len--) {
		h ^= *p++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static int sta_to_kernel(struct fsrd_bss *b, struct fsrd_sta *sta,
			 const struct fsrd_assoc_req *req)
{
	struct nl80211_sta p = {
		.addr = sta->addr,
		.aid = sta->aid,
		.listen_int = req->listen_int,
		.capab = req->capab,
		.rates = req->rates,
		.n_rates = req->n_rates,
		.ht_cap = req->ht_cap,
		.wme = req->wme && b->conf->ht,
		.qos_info = req->qos_info,
	};
	int err;

	/* added unassociated at its FT Authentication (ft_assoc.c) */
	if (sta->in_kernel && sta->state == FSRD_STA_AUTH) {
		err = nl80211_set_station_assoc(b->ifindex, &p);
		if (!err)
			return 0;
		log_warn_rl("%s: associating the station added at its FT Authentication failed (%s): adding it again",
			    b->conf->ifname, strerror(-err));
		sta->in_kernel = false;
		nl80211_del_station(b->ifindex, sta->addr);
	}
	err = nl80211_new_station(b->ifindex, &p);

	/* A kernel station fsrd no longer tracks (its state was dropped
	 * while the kernel kept the entry) would block this client for
	 * good: replace it. */
	if (err == -EEXIST) {
		log_warn("%s: replacing a stale kernel station",
			 b->conf->ifname);
		err = nl80211_del_station(b->ifindex, sta->addr);
		if (!err)
			err = nl80211_new_station(b->ifindex, &p);
	}
	if (!err)
		sta->in_kernel = true;
	return err;
}

/* Reassociation after FT Authentication: no 4-way handshake. */
static void rx_ft_reassoc(struct fsrd_bss *b, struct fsrd_sta *sta,
			  const uint8_t *f, size_t len,
			  const struct fsrd_assoc_req *req)
{
	uint8_t ies[512];
	char mac[MACSTR_LEN];
	uint64_t cookie;
	const char *why;
	uint16_t status;
	int n, err;

	fsrd_mac_str(sta->addr, mac);
	status = ft_reassoc_check(b, sta, f + WLAN_HDR_LEN + 10,
				  len - WLAN_HDR_LEN - 10, &why);
	if (status) {
		trace_sta(b, sta->addr, TRACE_EV_FT_REFUSED,
			  "FT Reassociation refused with status %u: %s",
			  status, why);
		send_assoc_resp(b, NULL, sta->addr, true, status, 0, 0);
		return;
	}
	/* never associated here since its FT Authentication (rx_auth
	 * unassociated it): keep the station added then */
	if (sta->state == FSRD_STA_ASSOC)
		sta_unassoc(sta);
	ev_timer_cancel(&sta->ft_timer);
	if (!sta->aid)
		sta->aid = sta_aid_alloc(&b->stas);
	if (!sta->aid) {
		trace_sta(b, sta->addr, TRACE_EV_FT_REFUSED,
			  "FT Reassociation refused with status %u: no free AID",
			  WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA);
		send_assoc_resp(b, NULL, sta->addr, true,
				WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA, 0, 0);
		return;
	}
	/* Before the response: the GTK's RSC (GET_KEY) and the station's
	 * association (one SET_STATION, it was added at its FT
	 * Authentication): mac80211 must know it associated when its first
	 * frames arrive. The PTK and the port follow the response's ACK
	 * (ft_assoc.c), as hostapd installs them at its TX status; until
	 * then the client's first data frames are dropped, never accepted
	 * unprotected. */
	n = ft_reassoc_resp_ies(b, sta, ies, sizeof(ies));
	err = n < 0 ? n : sta_to_kernel(b, sta, req);
	if (err) {
		trace_sta_log(FSRD_LOG_ERR, b, sta->addr, TRACE_EV_FT_REFUSED,
			      "FT Reassociation failed: %s", strerror(-err));
		send_assoc_resp(b, NULL, sta->addr, true,
				WLAN_STATUS_UNSPECIFIED, 0, 0);
		sta_unassoc(sta);
		return;
	}
	sta->state = FSRD_STA_ASSOC;
	sta->akm = req->akm;
	sta->pairwise = req->pairwise;
	sta->roamed_ft = true;
	sta->since_ms = ev_now_ms();
	cookie = 0;
	send_assoc_resp_ies(b, sta, sta->addr, true, WLAN_STATUS_SUCCESS,
			    sta->aid, ies, (size_t)n, &cookie);
	explicit_bzero(ies, sizeof(ies));
	/* a send that failed has no TX status: the client's repeated
	 * request, or the timeout, settles it */
	ft_assoc_wait_ack(sta, cookie);
	/* the Current AP Address of the request: where it comes from */
	if (memcmp(f + WLAN_HDR_LEN + 4, b->addr, 6))
		nmsp_svc_station_event(NMSP_EV_ROAM, sta->addr, b->addr,
				       f + WLAN_HDR_LEN + 4);
	else
		nmsp_svc_station_event(NMSP_EV_ASSOC, sta->addr, b->addr,
				       NULL);
}

static void rx_assoc(struct fsrd_bss *b, const uint8_t *f, size_t len,
		     bool reassoc)
{
	const char *kind = reassoc ? "Reassociation" : "Association";
	const uint8_t *sa = f + WLAN_OFF_SA;
	struct fsrd_assoc_req req;
	struct fsrd_sta *sta;
	char mac[MACSTR_LEN];
	const char *why;
	uint16_t status;
	uint64_t hash;
	int err;

	fsrd_mac_str(sa, mac);
	sta = sta_find(&b->stas, sa);
	if (!sta) {
		trace_sta(b, sa, TRACE_EV_ASSOC_REFUSED,
			  "%s Request before authentication", kind);
		mlme_send_deauth(b, sa, WLAN_REASON_CLASS2_FROM_NONAUTH);
		return;
	}
	hash = fnv1a64(f + WLAN_HDR_LEN, len - WLAN_HDR_LEN);
	if (sta->state == FSRD_STA_ASSOC && sta->assoc_resp_len &&
	    sta->assoc_req_hash == hash) {
		trace_sta(b, sa, TRACE_EV_ASSOC,
			  "repeated %s Request: the same response again", kind);
		/* an FT roam waiting for the ACK: of this copy, now */
		send_frame_cookie(b, sta->assoc_resp, sta->assoc_resp_len,
				  kind, sa, sta->ft_keys_pending ?
				  &sta->ft_resp_cookie : NULL);
		return;
	}
	status = fsrd_assoc_req_check(f + WLAN_HDR_LEN, len - WLAN_HDR_LEN,
				      reassoc, &b->pol, &req, &why);
	if (status) {
		trace_sta(b, sa, TRACE_EV_ASSOC_REFUSED,
			  "%s refused with status %u: %s", kind, status, why);
		send_assoc_resp(b, NULL, sa, reassoc, status, 0, 0);
		return;
	}
	sta->assoc_resp_len = 0;
	sta->assoc_req_hash = hash;
	if (reassoc && rsn_akm_is_ft(req.akm) && sta->ft.valid) {
		rx_ft_reassoc(b, sta, f, len, &req);
		return;
	}
	/* not an FT roam after all: the keys of its FT Authentication go */
	explicit_bzero(&sta->ft, sizeof(sta->ft));
	sta_unassoc(sta);
	if (!sta->aid)
		sta->aid = sta_aid_alloc(&b->stas);
	if (!sta->aid) {
		trace_sta(b, sa, TRACE_EV_ASSOC_REFUSED,
			  "%s refused with status %u: no free AID (max_stations %u)",
			  kind, WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA,
			  b->conf->max_stations);
		send_assoc_resp(b, NULL, sa, reassoc,
				WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA, 0, 0);
		return;
	}
	/* mac80211 must know the station before the response goes out */
	err = sta_to_kernel(b, sta, &req);
	if (err) {
		trace_sta_log(FSRD_LOG_ERR, b, sa, TRACE_EV_ASSOC_REFUSED,
			      "NEW_STATION failed: %s", strerror(-err));
		send_assoc_resp(b, NULL, sa, reassoc, WLAN_STATUS_UNSPECIFIED,
				0, 0);
		return;
	}
	sta->state = FSRD_STA_ASSOC;
	sta->akm = req.akm;
	sta->pairwise = req.pairwise;
	send_assoc_resp(b, sta, sa, reassoc, WLAN_STATUS_SUCCESS, sta->aid,
			req.akm);
	trace_sta(b, sa, TRACE_EV_ASSOC,
		  "associated, AID %u, AKM %08x, cipher %08x%s", sta->aid,
		  req.akm, req.pairwise, req.ht_cap ? ", HT" : "");
	/* a Reassociation names the AP it comes from (Current AP Address) */
	if (reassoc && memcmp(f + WLAN_HDR_LEN + 4, b->addr, 6))
		nmsp_svc_station_event(NMSP_EV_ROAM, sa, b->addr,
				       f + WLAN_HDR_LEN + 4);
	else
		nmsp_svc_station_event(NMSP_EV_ASSOC, sa, b->addr, NULL);
	err = sta_wpa_start(sta, &req);
	/* The response and message 1 (or the EAP Identity request) are out
	 * first: removing the station from the BSS it left waits for an RCU
	 * grace period in the kernel, milliseconds the client need not wait. */
	bss_forget_elsewhere(b, sa);
	if (err)
		sta_drop(sta, WLAN_REASON_UNSPECIFIED, true,
			 "cannot start the authentication");
}

static void rx_leave(struct fsrd_bss *b, const uint8_t *f, size_t len,
		     bool disassoc)
{
	struct fsrd_sta *sta = sta_find(&b->stas, f + WLAN_OFF_SA);
	uint16_t reason = 0;
	char why[64];

	if (!sta)
		return;
	if (len >= WLAN_HDR_LEN + 2)
		reason = get_le16(f + WLAN_HDR_LEN);
	snprintf(why, sizeof(why), "%s from the station, reason %u",
		 disassoc ? "Disassociation" : "Deauthentication", reason);
	sta_drop(sta, reason, false, why);
}

/* Is this a retransmission of the request we handled last for its sender? */
static bool rx_is_retry(struct fsrd_bss *b, const uint8_t *f, uint16_t fc)
{
	struct fsrd_sta *sta = sta_find(&b->stas, f + WLAN_OFF_SA);

	return sta && (fc & WLAN_FC_RETRY) &&
	       sta->last_stype == WLAN_FC_STYPE(fc) &&
	       sta->last_seq_ctrl == get_le16(f + WLAN_OFF_SEQ_CTRL);
}

static void rx_remember(struct fsrd_bss *b, const uint8_t *f, uint16_t fc)
{
	struct fsrd_sta *sta = sta_find(&b->stas, f + WLAN_OFF_SA);

	if (sta) {
		sta->last_stype = WLAN_FC_STYPE(fc);
		sta->last_seq_ctrl = get_le16(f + WLAN_OFF_SEQ_CTRL);
	}
}

/* At most one log line per BSS in this many ms for dropped frames. */
#define BAD_SA_LOG_MS 10000

/*
 * A source address no station can have: a group address (I/G bit), zero,
 * or the BSS's own. Answering it would create state for it or send frames
 * to a group (hostapd drops these silently too). Counted; logged at most
 * once per BAD_SA_LOG_MS with what was not logged since.
 */
static bool bad_source(struct fsrd_bss *b, const uint8_t *f, uint16_t fc)
{
	const uint8_t *sa = f + WLAN_OFF_SA;
	const char *what = fsrd_bad_source(sa, b->addr);
	char mac[MACSTR_LEN];
	uint64_t now;

	if (!what)
		return false;
	b->mgmt_bad_sa++;
	now = ev_now_ms();
	if (b->mgmt_bad_sa_log_ms &&
	    now - b->mgmt_bad_sa_log_ms < BAD_SA_LOG_MS) {
		b->mgmt_bad_sa_quiet++;
		return true;
	}
	log_warn("%s: management frame (subtype %u) from %s source address %s dropped (%llu so far, %u not logged)",
		 b->conf->ifname, WLAN_FC_STYPE(fc), what,
		 fsrd_mac_str(sa, mac), (unsigned long long)b->mgmt_bad_sa,
		 b->mgmt_bad_sa_quiet);
	b->mgmt_bad_sa_log_ms = now ? now : 1;
	b->mgmt_bad_sa_quiet = 0;
	return true;
}

void mlme_rx(struct fsrd_bss *b, const uint8_t *f, size_t len, int sig_dbm)
{
	uint16_t fc;

	if (len < WLAN_HDR_LEN)
		return;
	fc = get_le16(f);
	if (WLAN_FC_TYPE(fc) != 0)
		return;
	/* before anything else: no answer, no state for such an address */
	if (bad_source(b, f, fc))
		return;
	if (WLAN_FC_STYPE(fc) == WLAN_ST_PROBE_REQ) {
		/* heard, whatever it asks for: probe-request RSSI */
		if (sig_dbm)
			nmsp_stations_probe(b, f + WLAN_OFF_SA, sig_dbm);
		rx_probe_req(b, f, len);
		return;
	}
	/* everything else must be addressed to this BSS */
	if (memcmp(f + WLAN_OFF_DA, b->addr, 6) ||
	    memcmp(f + WLAN_OFF_BSSID, b->addr, 6))
		return;
	switch (WLAN_FC_STYPE(fc)) {
	case WLAN_ST_AUTH:
	case WLAN_ST_ASSOC_REQ:
	case WLAN_ST_REASSOC_REQ:
		if (rx_is_retry(b, f, fc)) {
			log_dbg("%s: retransmitted request (seq ctrl 0x%04x) ignored",
				  b->conf->ifname, get_le16(f + WLAN_OFF_SEQ_CTRL));
			return;
		}
		break;
	}
	switch (WLAN_FC_STYPE(fc)) {
	case WLAN_ST_AUTH:
		rx_auth(b, f, len);
		break;
	case WLAN_ST_ASSOC_REQ:
		rx_assoc(b, f, len, false);
		break;
	case WLAN_ST_REASSOC_REQ:
		rx_assoc(b, f, len, true);
		break;
	case WLAN_ST_DEAUTH:
		rx_leave(b, f, len, false);
		break;
	case WLAN_ST_DISASSOC:
		rx_leave(b, f, len, true);
		break;
	case WLAN_ST_ACTION:
		ft_ds_rx_action(b, f, len);
		return;
	}
	rx_remember(b, f, fc);
}

void mlme_del_station_event(struct fsrd_bss *b, const uint8_t *addr)
{
	struct fsrd_sta *sta = sta_find(&b->stas, addr);
	uint32_t ms;

	/* our own DEL_STATION cleared in_kernel before the event came */
	if (!sta || !sta->in_kernel)
		return;
	/* fsr.ko's fast path replaces and moves stations: an event can be
	 * older than the station the kernel holds now (fastpath.c) */
	if (b->fp_attached &&
	    !nl80211_get_inactive_ms(b->ifindex, addr, &ms)) {
		log_dbg("%s: DEL_STATION event of a station the kernel holds again: ignored",
			b->conf->ifname);
		return;
	}
	sta->in_kernel = false;
	/* a roam fsr.ko served, told before its own event: the event
	 * (fastpath.c) says where it went and from here, not a departure */
	if (b->fp_attached && sta->state == FSRD_STA_ASSOC &&
	    bss_kernel_holds_elsewhere(b, addr)) {
		sta->roamed_away = true;
		bss_note_moved(b, addr);
	}
	sta_drop(sta, WLAN_REASON_UNSPECIFIED, false, sta->roamed_away ?
		 "the kernel moved the station to another BSS" :
		 "the kernel removed the station");
}

void mlme_unexpected_frame(struct fsrd_bss *b, const uint8_t *addr)
{
	struct fsrd_sta *sta = sta_find(&b->stas, addr);
	uint64_t now = ev_now_ms();
	char mac[MACSTR_LEN];

	if (sta && sta->state == FSRD_STA_ASSOC)
		return;
	/* one Deauthentication per station and second is enough */
	if (!memcmp(b->last_unexpected, addr, 6) &&
	    now - b->last_unexpected_ms < 1000)
		return;
	memcpy(b->last_unexpected, addr, 6);
	b->last_unexpected_ms = now;
	log_info("%s: %s: data frame from a station that is not associated: deauthenticating",
		 b->conf->ifname, fsrd_mac_str(addr, mac));
	mlme_send_deauth(b, addr, WLAN_REASON_CLASS3_FROM_NONASSOC);
}
