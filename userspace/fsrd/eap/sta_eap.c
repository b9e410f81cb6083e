// SPDX-License-Identifier: GPL-2.0-only
/*
 * 802.1X stations of fsrd (docs/8021x.md): PMKSA cache and OKC lookups at
 * association, the EAP session of a station that has to authenticate in
 * full, the 4-way handshake with the PMK from the MSK, RADIUS accounting
 * of the session, and Disconnect-Requests from the DAS. The RADIUS client
 * and DAS are the daemon's (radius/radius_svc.h), so are the key stores
 * (keys/keystore.h): this file holds only the stations' sessions.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "ap/bss.h"
#include "eap/eap_limit.h"
#include "eap/eap_relay.h"
#include "drv/eapol_sock.h"
#include "ft_ie.h"
#include "wpa_crypto.h"
#include "core/ieee80211.h"
#include "mobility/mobility.h"
#include "core/log.h"
#include "drv/nl80211.h"
#include "eap/sta_eap.h"
#include "keys/keystore.h"
#include "keys/revoke.h"
#include "radius/radius_svc.h"
#include "core/trace.h"

#define RSNE_COPY_MAX	257
#define ACCT_INTERIM_MIN_S 60

/* What an 802.1X station carries besides struct fsrd_sta. */
struct sta_eap {
	struct fsrd_sta *sta;
	struct eap_relay *relay;
	uint32_t akm;
	uint8_t rsne[RSNE_COPY_MAX];	/* of its (Re)Association Request */
	size_t rsne_len;
	struct eap_relay_attrs attrs;	/* of the Access-Accept (or PMKSA) */
	bool have_attrs;
	char session_id[17];		/* Acct-Session-Id */
	bool acct_started;
	uint64_t acct_start_ms;
	struct ev_timer interim;
	struct ev_timer session_end;	/* on a cached key (no EAP session) */
	bool session_reauth;		/* ... reauthenticates, else ends */
};

static struct {
	const struct fsrd_conf *conf;	/* the running one (reload: same
					 * struct, new contents) */
	/* read by every EAP session (eap_relay.c keeps the pointer): a
	 * reload changes it in place, sessions use it from their next
	 * timer on */
	struct eap_relay_conf econf;
	struct eap_limit *limit;	/* eap_max_starts per eap_start_window */
	uint32_t limit_starts, limit_window_s, limit_size;
	uint64_t session_seq;
} g;

#define stats fsrd_auth_stats()

const struct eap_limit_stats *sta_eap_limit_stats(void)
{
	return g.limit ? eap_limit_stats(g.limit) : NULL;
}

/* Where a PMKSA made (or used) on b with akm is good: b's SSID, akm. */
static void bss_key_scope(const struct fsrd_bss *b, uint32_t akm,
			  struct ft_scope *scope)
{
	memset(scope, 0, sizeof(*scope));
	scope->akm = akm;
	scope->ssid_len = (uint8_t)b->conf->ssid_len;
	memcpy(scope->ssid, b->conf->ssid, b->conf->ssid_len);
}

static bool is_8021x(const struct fsrd_bss_conf *bc)
{
	return bc->security == FSRD_SEC_WPA2_EAP ||
	       bc->security == FSRD_SEC_FT_EAP;
}

static struct fsrd_sta *sta_by_mac(const uint8_t *mac)
{
	struct fsrd_bss *b;
	struct fsrd_sta *sta;
	unsigned int i = 0;

	while ((b = bss_next(&i)))
		if ((sta = sta_find(&b->stas, mac)) &&
		    sta->state == FSRD_STA_ASSOC)
			return sta;
	return NULL;
}

/* ---- accounting (RFC 2866) ---- */

static void acct_send(struct sta_eap *se, enum radius_acct_status status,
		      uint32_t cause)
{
	struct fsrd_sta *sta = se->sta;
	struct fsrd_bss *b = sta->bss;
	struct nl80211_sta_counters cnt = { 0 };
	struct radius_acct_info info = { 0 };
	char called[18 + 1 + 32 + 1], calling[18];
	struct radius_msg *m;
	const char *what;
	size_t i;
	int err;

	if (!radius_svc_has_acct())
		return;
	m = calloc(1, sizeof(*m));
	if (!m)
		return;
	eap_relay_station_id(called, sizeof(called), b->addr, b->conf->ssid,
			     b->conf->ssid_len);
	eap_relay_station_id(calling, sizeof(calling), sta->addr, NULL, 0);
	if (status != RADIUS_ACCT_START && sta->in_kernel)
		nl80211_get_sta_counters(b->ifindex, sta->addr, &cnt);
	info.status = status;
	info.session_id = se->session_id;
	info.user_name = se->attrs.user_name[0] ? se->attrs.user_name : NULL;
	info.called_station_id = called;
	info.calling_station_id = calling;
	info.input_octets = cnt.rx_bytes;
	info.output_octets = cnt.tx_bytes;
	info.input_packets = cnt.rx_packets;
	info.output_packets = cnt.tx_packets;
	info.session_time_s = (uint32_t)((ev_now_ms() - se->acct_start_ms) /
					 1000);
	info.terminate_cause = status == RADIUS_ACCT_STOP ? cause : 0;
	if (radius_acct_build(m, &info) != RADIUS_OK)
		goto out;
	/* Class is echoed unchanged (RFC 2865 5.25) */
	for (i = 0; i < se->attrs.n_class; i++)
		radius_msg_add(m, RADIUS_ATTR_CLASS, se->attrs.class_val[i],
			       se->attrs.class_len[i]);
	switch (status) {
	case RADIUS_ACCT_START:
		what = "Start";
		stats->acct_start++;
		break;
	case RADIUS_ACCT_STOP:
		what = "Stop";
		stats->acct_stop++;
		break;
	default:
		what = "Interim-Update";
		stats->acct_interim++;
		break;
	}
	err = radius_svc_acct_send(m, what);
	if (err)
		log_warn("%s: RADIUS accounting %s not sent: %s",
			 b->conf->ifname, what, strerror(-err));
	else
		trace_sta(b, sta->addr, TRACE_EV_INFO,
			  "RADIUS Accounting-Request %s sent (session %s)",
			  what, se->session_id);
out:
	free(m);
}

static unsigned int interim_s(const struct sta_eap *se)
{
	unsigned int s = g.conf->radius.acct_interim_s;

	if (se->attrs.has_acct_interim_interval)
		s = se->attrs.acct_interim_interval;
	if (s && s < ACCT_INTERIM_MIN_S)
		s = ACCT_INTERIM_MIN_S;	/* RFC 2869 5.16: not below 60 s */
	return s;
}

static void interim_fire(struct ev_timer *t)
{
	struct sta_eap *se = (struct sta_eap *)((char *)t -
			     offsetof(struct sta_eap, interim));
	unsigned int s = interim_s(se);

	acct_send(se, RADIUS_ACCT_INTERIM_UPDATE, 0);
	if (s)
		ev_timer_arm(&se->interim, s * 1000);
}

static void acct_start(struct sta_eap *se)
{
	unsigned int s;

	if (se->acct_started || !radius_svc_has_acct())
		return;
	se->acct_started = true;
	se->acct_start_ms = ev_now_ms();
	acct_send(se, RADIUS_ACCT_START, 0);
	s = interim_s(se);
	se->interim.fn = interim_fire;
	if (s)
		ev_timer_arm(&se->interim, s * 1000);
}

static void acct_stop(struct sta_eap *se, uint32_t cause)
{
	if (!se->acct_started)
		return;
	ev_timer_cancel(&se->interim);
	acct_send(se, RADIUS_ACCT_STOP, cause);
	se->acct_started = false;
}

/* ---- the EAP session ---- */

static int op_send_eapol(void *ctx, const uint8_t *frame, size_t len)
{
	struct sta_eap *se = ctx;
	struct fsrd_bss *b = se->sta->bss;

	return eapol_sock_send(b->eapol_fd, b->ifindex, b->addr,
			       se->sta->addr, frame, len);
}

static void *op_radius_send(void *ctx, const struct radius_msg *req,
			    radius_done_fn done, void *done_ctx)
{
	struct radius_client *c = radius_svc_client();

	(void)ctx;
	if (!c) {
		errno = ENODEV;
		return NULL;
	}
	return radius_client_send(c, RADIUS_KIND_AUTH, req, done, done_ctx);
}

/* handles stay valid across a renewal of the client (radius_svc.h) */
static void op_radius_cancel(void *ctx, void *handle)
{
	struct radius_client *c = radius_svc_client();

	(void)ctx;
	if (c)
		radius_client_cancel(c, handle);
}

/* Per-message lines go to the trace at once, to the log at debug. */
static void op_trace(void *ctx, const char *line, bool per_message)
{
	struct sta_eap *se = ctx;

	trace_sta_log(per_message ? FSRD_LOG_DEBUG : FSRD_LOG_INFO,
		      se->sta->bss, se->sta->addr, TRACE_EV_EAP, "%s", line);
}

/* The 4-way handshake with a PMK (AKM 1) or XXKey (AKM 3). */
/* pmkid: the PMKSA's, named in message 1 (FT-802.1X: pmk is the XXKey) */
static int start_4way(struct sta_eap *se, const uint8_t *pmk,
		      const uint8_t *pmkid)
{
	struct fsrd_sta *sta = se->sta;

	return sta_wpa_start_key(sta, se->akm, se->rsne, se->rsne_len, pmk,
				 PMKSA_PMK_LEN, pmkid);
}

static uint32_t pmksa_lifetime(const struct eap_relay_attrs *a)
{
	uint32_t life = g.conf->eap.pmksa_lifetime_s;

	/* the PMKSA must not outlive the session the server granted */
	if (a && a->has_session_timeout && a->session_timeout &&
	    a->session_timeout < life)
		life = a->session_timeout;
	return life;
}

static void op_success(void *ctx, const struct eap_relay_success *r)
{
	struct sta_eap *se = ctx;
	struct fsrd_sta *sta = se->sta;
	struct fsrd_bss *b = sta->bss;
	uint8_t pmkid[PMKSA_PMKID_LEN];
	struct pmksa_cache *pc = keys_pmksa();
	const struct pmksa_entry *e;
	struct ft_scope scope;
	int err;

	se->attrs = *r->attrs;
	se->have_attrs = true;
	if (r->reauth)
		stats->eap_reauth++;
	else
		stats->eap_success++;
	if (r->msk_len < 2 * PMKSA_PMK_LEN) {
		sta_drop_later(sta, WLAN_REASON_IEEE8021X_FAILED,
			       "the MSK is too short for a PMK");
		return;
	}
	bss_key_scope(b, se->akm, &scope);
	e = pc ? pmksa_add(pc, sta->addr, b->addr, &scope, r->msk,
			   PMKSA_PMK_LEN, pmksa_lifetime(r->attrs), r->attrs,
			   NULL) : NULL;
	if (pc && !e)
		log_warn("%s: PMKSA not cached", b->conf->ifname);
	/* OKC at the peers too (pmksa_share); an FT AKM's PMK-R0 went
	 * its own way (pmk_r1_push) */
	if (e && !rsn_akm_is_ft(se->akm))
		mobility_share_pmksa(b, e);
	/* message 1 names this PMKSA, cached or not (the same PMKID) */
	if (wpa_pmkid(r->msk, PMKSA_PMK_LEN, b->addr, sta->addr, pmkid)) {
		sta_drop_later(sta, WLAN_REASON_UNSPECIFIED,
			       "cannot compute the PMKID");
		return;
	}
	/* a reauthentication refreshes the PTK too (the port stays open
	 * during the new 4-way handshake), as hostapd does */
	trace_sta(b, sta->addr, TRACE_EV_EAP,
		  "802.1X %s succeeded (%s, user '%s'): starting the 4-way handshake",
		  r->reauth ? "reauthentication" : "authentication",
		  r->server ? r->server : "RADIUS", r->attrs->user_name);
	/* FT-802.1X: XXKey is the second 256 bits of the MSK (IEEE
	 * 802.11-2020 12.7.1.7.3); else the PMK is the first 256 bits */
	err = start_4way(se, rsn_akm_is_ft(se->akm) ?
			 r->msk + PMKSA_PMK_LEN : r->msk, pmkid);
	if (err)
		sta_drop_later(sta, WLAN_REASON_UNSPECIFIED,
			       "cannot start the 4-way handshake");
}

/*
 * An authentication that ended badly revokes the keys of the station when
 * the server said no (Access-Reject), when the station logged off, when
 * the session reached its Session-Timeout, and when a reauthentication of
 * an authorized station failed for any reason (its authorization could
 * not be renewed). A first authentication that merely timed out (a
 * server down, a station gone quiet) leaves keys of an earlier session
 * alone: they were granted and nobody revoked them.
 */
static void revoke_on_failure(struct sta_eap *se, enum eap_relay_reason why)
{
	const char *cause;
	char buf[96];

	switch (why) {
	case EAP_RELAY_REJECT:
		cause = se->have_attrs ? "Access-Reject at reauthentication" :
					 "Access-Reject";
		break;
	case EAP_RELAY_LOGOFF:
		cause = "EAPOL-Logoff";
		break;
	case EAP_RELAY_SESSION_TIMEOUT:
		cause = "Session-Timeout";
		break;
	default:
		if (!se->have_attrs)
			return;
		snprintf(buf, sizeof(buf), "reauthentication failed: %s",
			 eap_relay_reason_str(why));
		cause = buf;
		break;
	}
	keys_revoke_sta(se->sta->bss, se->sta->addr, cause, NULL);
}

static void op_failure(void *ctx, enum eap_relay_reason why)
{
	struct sta_eap *se = ctx;
	struct fsrd_sta *sta = se->sta;
	char line[96];

	if (why != EAP_RELAY_SESSION_TIMEOUT && why != EAP_RELAY_LOGOFF)
		stats->eap_failure++;
	snprintf(line, sizeof(line), "802.1X authentication failed: %s",
		 eap_relay_reason_str(why));
	trace_sta(sta->bss, sta->addr, TRACE_EV_EAP, "%s", line);
	revoke_on_failure(se, why);
	if (why == EAP_RELAY_SESSION_TIMEOUT) {
		sta->term_cause = RADIUS_TERM_SESSION_TIMEOUT;
		sta_drop_later(sta, WLAN_REASON_PREV_AUTH_NOT_VALID,
			       "Session-Timeout reached");
		return;
	}
	if (why == EAP_RELAY_LOGOFF)
		sta->term_cause = RADIUS_TERM_USER_REQUEST;
	sta_drop_later(sta, WLAN_REASON_IEEE8021X_FAILED, line);
}

/* May the station cause one more full EAP authentication now (what:
 * the trigger, for the trace)? Refused beyond eap_max_starts per
 * eap_start_window: traced and counted. */
static bool limit_ok(struct sta_eap *se, const char *what)
{
	struct fsrd_sta *sta = se->sta;
	unsigned int retry;

	if (!g.limit || eap_limit_allow(g.limit, sta->addr, &retry))
		return true;
	stats->eap_refused++;
	trace_sta(sta->bss, sta->addr, TRACE_EV_EAP,
		  "full EAP authentication refused (%s): %u already started in the last %u s (eap_max_starts), next one possible in %u s",
		  what, g.conf->eap.max_starts, g.conf->eap.start_window_s,
		  retry);
	return false;
}

static bool op_may_start(void *ctx)
{
	return limit_ok(ctx, "EAPOL-Start");
}

static const struct eap_relay_ops relay_ops = {
	.send_eapol = op_send_eapol,
	.radius_send = op_radius_send,
	.radius_cancel = op_radius_cancel,
	.success = op_success,
	.failure = op_failure,
	.trace = op_trace,
	.may_start = op_may_start,
};

static struct sta_eap *se_get(struct fsrd_sta *sta)
{
	struct sta_eap *se = sta->eap;

	if (se)
		return se;
	se = calloc(1, sizeof(*se));
	if (!se)
		return NULL;
	se->sta = sta;
	se->interim.fn = interim_fire;
	sta->eap = se;
	return se;
}

static void new_session_id(struct sta_eap *se)
{
	/* unique per fsrd run and station: start time and a counter */
	static uint32_t boot;

	if (!boot && RAND_bytes((uint8_t *)&boot, sizeof(boot)) != 1)
		boot = (uint32_t)ev_now_ms();
	snprintf(se->session_id, sizeof(se->session_id), "%08X%08X", boot,
		 (uint32_t)++g.session_seq);
}

/* A cached PMKSA the station names in its RSNE (PMKSA caching or OKC). */
static const struct pmksa_entry *find_pmksa(struct fsrd_sta *sta,
					    const struct fsrd_assoc_req *req,
					    bool *okc)
{
	struct fsrd_bss *b = sta->bss;
	const struct pmksa_entry *e;
	enum fsr_ft_parse_err perr;
	struct fsr_ie_rsne r;
	struct pmksa_cache *pc = keys_pmksa();
	struct ft_scope scope;
	size_t i;

	*okc = false;
	if (!pc || rsn_akm_is_ft(req->akm) ||
	    fsr_ie_parse_rsne(req->rsne, req->rsne_len, &r, &perr) ||
	    !r.n_pmkid)
		return NULL;
	/* only authentications made on this SSID with this AKM */
	bss_key_scope(b, req->akm, &scope);
	for (i = 0; i < r.n_pmkid; i++) {
		e = pmksa_get(pc, sta->addr, b->addr, &scope,
			      r.pmkid + i * PMKSA_PMKID_LEN);
		if (e)
			return e;
	}
	if (b->conf->okc)
		for (i = 0; i < r.n_pmkid; i++) {
			e = pmksa_get_okc(pc, sta->addr, b->addr, &scope,
					  r.pmkid + i * PMKSA_PMKID_LEN);
			if (e) {
				*okc = true;
				return e;
			}
		}
	stats->pmksa_miss++;
	trace_sta(b, sta->addr, TRACE_EV_EAP,
		  "PMKID in the RSNE not in the PMKSA cache: full EAP authentication");
	return NULL;
}

static int start_eap(struct sta_eap *se);

/* A station on a cached key is authenticated in full now (it asked with
 * EAPOL-Start, or its cached session reached its end): why goes to the
 * trace. */
static void full_eap_now(struct sta_eap *se, const char *why)
{
	struct fsrd_sta *sta = se->sta;

	trace_sta(sta->bss, sta->addr, TRACE_EV_EAP, "%s", why);
	if (start_eap(se))
		sta_drop_later(sta, WLAN_REASON_UNSPECIFIED,
			       "cannot start the EAP authentication");
}

/* A session that skipped EAP (PMKSA caching, OKC, FT roams) ends or is
 * reauthenticated as it would have been on the BSS of its authentication
 * (eap_relay.c), counted from that authentication: at the Session-Timeout
 * (reauthentication if Termination-Action says RADIUS-Request), else
 * after eap_reauth_period (reauthentication). */
static void session_end_fire(struct ev_timer *t)
{
	struct sta_eap *se = (struct sta_eap *)((char *)t -
			     offsetof(struct sta_eap, session_end));
	struct fsrd_sta *sta = se->sta;

	if (se->relay)		/* a full EAP session ends on its own */
		return;
	if (se->session_reauth) {
		full_eap_now(se, "end of the cached session: reauthentication (full EAP)");
		return;
	}
	trace_sta(sta->bss, sta->addr, TRACE_EV_EAP,
		  "Session-Timeout of the cached session reached");
	keys_revoke_sta(sta->bss, sta->addr, "Session-Timeout", NULL);
	sta->term_cause = RADIUS_TERM_SESSION_TIMEOUT;
	sta_drop_later(sta, WLAN_REASON_PREV_AUTH_NOT_VALID,
		       "Session-Timeout reached");
}

static void arm_session_end(struct sta_eap *se, const struct pmksa_entry *e)
{
	unsigned int s = eap_relay_session_s(&g.econf, &e->attrs,
					     &se->session_reauth);
	uint64_t end = e->created_ms + (uint64_t)s * 1000, now = ev_now_ms();
	uint64_t left = end > now ? end - now : 0;

	if (!s)
		return;
	if (left > 4000000000ULL)	/* ms in an unsigned int */
		left = 4000000000ULL;
	se->session_end.fn = session_end_fire;
	ev_timer_arm(&se->session_end, (unsigned int)left);
	trace_sta(se->sta->bss, se->sta->addr, TRACE_EV_EAP,
		  "cached session: %s in %u s (then %s)",
		  e->attrs.has_session_timeout && e->attrs.session_timeout ?
		  "Session-Timeout" : "eap_reauth_period",
		  (unsigned int)((left + 999) / 1000),
		  se->session_reauth ? "reauthentication" : "the session ends");
}

uint32_t sta_eap_key_lifetime_s(const struct fsrd_sta *sta, uint32_t max_s)
{
	const struct pmksa_entry *e;
	struct ft_scope here;
	uint64_t end, now, left;

	if (!keys_pmksa() || !sta->eap || !is_8021x(sta->bss->conf))
		return max_s;
	bss_key_scope(sta->bss, 0, &here);
	e = pmksa_newest(keys_pmksa(), sta->addr, &here);
	if (!e || !e->attrs.has_session_timeout || !e->attrs.session_timeout)
		return max_s;
	/* whole seconds left of the Session-Timeout, at least 1 */
	end = e->created_ms + (uint64_t)e->attrs.session_timeout * 1000;
	now = ev_now_ms();
	left = end > now ? (end - now + 999) / 1000 : 1;
	return left < max_s ? (uint32_t)left : max_s;
}

int sta_eap_start(struct fsrd_sta *sta, const struct fsrd_assoc_req *req)
{
	struct fsrd_bss *b = sta->bss;
	const struct pmksa_entry *e;
	struct sta_eap *se;
	bool okc;

	sta_eap_stop(sta, RADIUS_TERM_USER_REQUEST);
	if (req->rsne_len > RSNE_COPY_MAX || !radius_svc_client())
		return -EINVAL;
	se = se_get(sta);
	if (!se)
		return -ENOMEM;
	se->akm = req->akm;
	memcpy(se->rsne, req->rsne, req->rsne_len);
	se->rsne_len = req->rsne_len;
	new_session_id(se);
	e = find_pmksa(sta, req, &okc);
	if (e) {
		if (okc)
			stats->pmksa_okc++;
		else
			stats->pmksa_cached++;
		se->attrs = e->attrs;
		se->have_attrs = true;
		/* where the PMK came from: this BSS, another BSS of this
		 * fsrd, or a peer AP (pmksa_share) */
		trace_sta(b, sta->addr, TRACE_EV_EAP,
			  "Found a valid PMKID in the RSNE (%s%.*s, user '%s'): skipping EAP, 4-way handshake with the cached PMK",
			  e->origin_len ? (okc ? "OKC: PMK shared by R0KH " :
					  "PMKSA cache: shared by R0KH ") :
			  okc ? "OKC: PMK of another BSS of this fsrd" :
				"PMKSA cache",
			  (int)e->origin_len, (const char *)e->origin,
			  e->attrs.user_name);
		arm_session_end(se, e);
		return start_4way(se, e->pmk, e->pmkid);
	}
	if (!limit_ok(se, "association")) {
		/* no EAP, no keys: the station cannot stay */
		sta_drop_later(sta, WLAN_REASON_IEEE8021X_FAILED,
			       "too many full EAP authentications");
		return 0;
	}
	return start_eap(se);
}

/* A full EAP authentication: EAP-Request/Identity at once. */
static int start_eap(struct sta_eap *se)
{
	struct fsrd_sta *sta = se->sta;
	struct fsrd_bss *b = sta->bss;
	struct eap_relay_sta rsta;

	memset(&rsta, 0, sizeof(rsta));
	memcpy(rsta.sta, sta->addr, 6);
	memcpy(rsta.bssid, b->addr, 6);
	memcpy(rsta.ssid, b->conf->ssid, b->conf->ssid_len);
	rsta.ssid_len = b->conf->ssid_len;
	snprintf(rsta.acct_session_id, sizeof(rsta.acct_session_id), "%s",
		 se->session_id);
	if (RAND_bytes(&rsta.first_id, 1) != 1)
		rsta.first_id = (uint8_t)g.session_seq;
	se->relay = eap_relay_new(&g.econf, &relay_ops, se, &rsta);
	if (!se->relay)
		return -ENOMEM;
	stats->eap_started++;
	eap_relay_start(se->relay);
	return 0;
}

void sta_eap_rx(struct fsrd_sta *sta, const uint8_t *frame, size_t len)
{
	struct sta_eap *se = sta->eap;

	if (se && !se->relay && len >= EAPOL_HDR_LEN &&
	    frame[1] == EAPOL_TYPE_LOGOFF) {
		/* a station on a cached key (PMKSA caching, OKC, FT) logs
		 * off: the session and every key of it end, as after EAP */
		trace_sta(sta->bss, sta->addr, TRACE_EV_EAP,
			  "EAPOL-Logoff on a cached session");
		keys_revoke_sta(sta->bss, sta->addr, "EAPOL-Logoff", NULL);
		sta->term_cause = RADIUS_TERM_USER_REQUEST;
		sta_drop_later(sta, WLAN_REASON_IEEE8021X_FAILED,
			       "EAPOL-Logoff");
		return;
	}
	if (se && !se->relay && len >= EAPOL_HDR_LEN &&
	    frame[1] == EAPOL_TYPE_START) {
		/* it skipped EAP with a cached PMKSA, and now asks for EAP
		 * (e.g. it lost the PMK): authenticate it in full */
		if (!limit_ok(se, "EAPOL-Start on a cached session"))
			return;	/* the cached session goes on */
		full_eap_now(se, "EAPOL-Start after a PMKSA cache hit: full EAP authentication");
		return;
	}
	if (!se || !se->relay) {
		log_dbg("%s: EAPOL (not a key frame) without an 802.1X session dropped",
			sta->bss->conf->ifname);
		return;
	}
	eap_relay_rx_eapol(se->relay, frame, len);
}

void sta_eap_port_open(struct fsrd_sta *sta)
{
	struct sta_eap *se = sta->eap;

	if (se)
		acct_start(se);
}

void sta_eap_ft_roamed(struct fsrd_sta *sta)
{
	const struct pmksa_entry *e;
	struct ft_scope here;
	struct sta_eap *se;

	if (!keys_pmksa() || !is_8021x(sta->bss->conf))
		return;
	sta_eap_stop(sta, RADIUS_TERM_USER_REQUEST);
	se = se_get(sta);
	if (!se)
		return;
	se->akm = sta->akm;
	new_session_id(se);
	/* the authentication made on this SSID (FT keys never leave it) */
	bss_key_scope(sta->bss, 0, &here);
	e = pmksa_newest(keys_pmksa(), sta->addr, &here);
	if (e) {
		se->attrs = e->attrs;
		se->have_attrs = true;
	}
	acct_start(se);
	if (e)
		arm_session_end(se, e);
}

void sta_eap_stop(struct fsrd_sta *sta, uint32_t terminate_cause)
{
	struct sta_eap *se = sta->eap;

	if (!se)
		return;
	if (sta->term_cause)
		terminate_cause = sta->term_cause;
	acct_stop(se, terminate_cause);
	if (se->relay)
		eap_relay_free(se->relay);
	ev_timer_cancel(&se->interim);
	ev_timer_cancel(&se->session_end);
	OPENSSL_cleanse(se, sizeof(*se));
	free(se);
	sta->eap = NULL;
	sta->term_cause = 0;
}

/* ---- Dynamic Authorization (RFC 5176) ---- */

/* A given attribute must equal want; an absent one does not constrain. */
static bool attr_is(const struct radius_msg *m, uint8_t type,
		    const char *want)
{
	const uint8_t *v;
	size_t len;

	v = radius_msg_find(m, type, &len);
	if (!v)
		return true;
	return strlen(want) == len && !memcmp(v, want, len);
}

/* The session named by User-Name or Acct-Session-Id (no
 * Calling-Station-Id given). */
static struct fsrd_sta *sta_by_session(const struct radius_msg *req)
{
	struct fsrd_bss *b;
	struct fsrd_sta *s;
	unsigned int i = 0;
	size_t len;

	if (!radius_msg_find(req, RADIUS_ATTR_USER_NAME, &len) &&
	    !radius_msg_find(req, RADIUS_ATTR_ACCT_SESSION_ID, &len))
		return NULL;
	while ((b = bss_next(&i)))
		for (s = b->stas.head; s; s = s->next)
			if (s->eap && s->eap->have_attrs &&
			    attr_is(req, RADIUS_ATTR_USER_NAME,
				    s->eap->attrs.user_name) &&
			    attr_is(req, RADIUS_ATTR_ACCT_SESSION_ID,
				    s->eap->session_id))
				return s;
	return NULL;
}

/*
 * A Disconnect-Request for a station that is associated nowhere but whose
 * keys fsrd still holds (it left, its PMKSA and PMK-R0 stay for its
 * return): there is no session to end, but the authorization is revoked
 * all the same, so the keys go and the request is acknowledged. Only by
 * Calling-Station-Id; a User-Name must be the one of its newest PMKSA, an
 * Acct-Session-Id cannot match (no session).
 */
static bool das_revoke_cached(const struct radius_msg *req,
			      const uint8_t mac[6])
{
	const struct pmksa_entry *e;
	size_t len;

	if (!keys_pmksa() ||
	    radius_msg_find(req, RADIUS_ATTR_ACCT_SESSION_ID, &len))
		return false;
	e = pmksa_newest(keys_pmksa(), mac, NULL);
	if (radius_msg_find(req, RADIUS_ATTR_USER_NAME, &len) &&
	    (!e || !attr_is(req, RADIUS_ATTR_USER_NAME, e->attrs.user_name)))
		return false;
	if (!keys_revoke_sta(NULL, mac,
			     "RADIUS Disconnect-Request, station not associated",
			     NULL))
		return false;
	stats->das_disconnect++;
	log_info("RADIUS Disconnect-Request: cached keys of a station not associated revoked (ACK)");
	return true;
}

static bool das_request(void *ctx, const struct radius_msg *req,
			uint32_t *error_cause)
{
	struct fsrd_sta *sta;
	struct sta_eap *se;
	const uint8_t *v;
	uint8_t mac[6];
	size_t len;

	(void)ctx;
	if (radius_msg_code(req) != RADIUS_DISCONNECT_REQUEST) {
		/* CoA (VLAN or timeout changes) is not supported */
		*error_cause = RADIUS_ERR_CAUSE_UNSUPPORTED_SERVICE;
		log_info("RADIUS CoA-Request refused (NAK, Error-Cause 405)");
		return false;
	}
	v = radius_msg_find(req, RADIUS_ATTR_CALLING_STATION_ID, &len);
	if (v && !radius_station_id_parse(v, len, mac)) {
		*error_cause = RADIUS_ERR_CAUSE_INVALID_REQUEST;
		log_info("RADIUS Disconnect-Request: bad Calling-Station-Id (NAK, Error-Cause 404)");
		return false;
	}
	sta = v ? sta_by_mac(mac) : sta_by_session(req);
	se = sta ? sta->eap : NULL;
	/* every identifying attribute given must match the session */
	if (!sta && v && das_revoke_cached(req, mac))
		return true;
	if (!se || !se->have_attrs ||
	    !attr_is(req, RADIUS_ATTR_USER_NAME, se->attrs.user_name) ||
	    !attr_is(req, RADIUS_ATTR_ACCT_SESSION_ID, se->session_id)) {
		*error_cause = RADIUS_ERR_CAUSE_SESSION_NOT_FOUND;
		log_info("RADIUS Disconnect-Request: no such session (NAK, Error-Cause 503)");
		return false;
	}
	stats->das_disconnect++;
	trace_sta(sta->bss, sta->addr, TRACE_EV_EAP,
		  "RADIUS Disconnect-Request: session %s ended (ACK)",
		  se->session_id);
	/* the server revoked the session: every key of it goes too */
	keys_revoke_sta(sta->bss, sta->addr, "RADIUS Disconnect-Request",
			NULL);
	sta->term_cause = RADIUS_TERM_ADMIN_RESET;
	sta_drop(sta, WLAN_REASON_PREV_AUTH_NOT_VALID, true,
		 "RADIUS Disconnect-Request");
	return true;
}

/* ---- set-up ---- */

int sta_eap_configure(const struct fsrd_conf *c, char *err, size_t errlen)
{
	const struct fsrd_eap_conf *ec = &c->eap;
	struct eap_limit *limit = NULL;
	bool new_limit;

	new_limit = !g.conf || ec->max_starts != g.limit_starts ||
		    ec->start_window_s != g.limit_window_s ||
		    ec->pmksa_max != g.limit_size;
	if (new_limit && ec->max_starts) {
		/* the table holds as many stations as the PMKSA cache */
		limit = eap_limit_new(ec->max_starts, ec->start_window_s,
				      ec->pmksa_max, ev_now_ms);
		if (!limit) {
			snprintf(err, errlen, "EAP start limit: out of memory");
			return -ENOMEM;
		}
	}
	if (!g.conf)
		eap_relay_conf_defaults(&g.econf);
	g.conf = c;
	g.econf.identity_timeout_ms = ec->identity_timeout_ms;
	g.econf.identity_tries = ec->identity_tries;
	g.econf.supp_timeout_ms = ec->supp_timeout_ms;
	g.econf.supp_tries = ec->supp_tries;
	g.econf.reauth_period_s = ec->reauth_period_s;
	g.econf.quiet_period_ms = ec->quiet_period_ms;
	snprintf(g.econf.nas_id, sizeof(g.econf.nas_id), "%s",
		 c->radius.client.nas_id);
	if (new_limit) {
		/* a new limit starts with no history */
		eap_limit_free(g.limit);
		g.limit = limit;
		g.limit_starts = ec->max_starts;
		g.limit_window_s = ec->start_window_s;
		g.limit_size = ec->pmksa_max;
	}
	radius_svc_set_das_handler(RADIUS_DAS_EAP, das_request, NULL);
	return 0;
}

void sta_eap_exit(void)
{
	radius_svc_set_das_handler(RADIUS_DAS_EAP, NULL, NULL);
	eap_limit_free(g.limit);
	memset(&g, 0, sizeof(g));
}
