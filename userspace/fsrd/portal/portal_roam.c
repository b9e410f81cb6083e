// SPDX-License-Identifier: GPL-2.0-only
/*
 * A Portal session following its station to another fsrd AP: the peer's
 * side (the passes kept here) and the anchor's PASS and DROP
 * (portal_roam.h). The anchor's handling of HERE, STATS and LEFT is
 * portal_svc.c's (it owns the sessions).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>

#include "ap/bss.h"
#include "core/evloop.h"
#include "core/log.h"
#include "core/trace.h"
#include "drv/nl80211.h"
#include "mobility/mobility.h"
#include "portal/portal_fw.h"
#include "portal/portal_roam.h"
#include "portal/portal_svc.h"

struct visit {
	bool used;
	bool here;		/* the station is on a portal BSS here */
	uint8_t sta[6];
	uint32_t ip;
	char session_id[PORTAL_ROAM_ID_MAX + 1];
	char user[PORTAL_ROAM_USER_MAX + 1];
	uint8_t anchor[RRB_R0KH_ID_MAX];
	size_t anchor_len;
	int via_ifindex;	/* the BSS the PASS came to */
	int at_ifindex;		/* the BSS the station is on (here) */
	/* its counters here: acc (earlier BSS entries) + last - base */
	struct nl80211_sta_counters base, last;
	uint64_t acc_in, acc_out, acc_in_pk, acc_out_pk;
	uint64_t got_ms;	/* the PASS came (LRU) */
	uint64_t since_ms;	/* the station came (here) */
	uint64_t heard_ms;	/* the anchor's last PASS */
};

static struct {
	struct visit *v;
	size_t n;
	struct ev_timer timer;
	bool running;
} g;

static const char *ip_str(uint32_t ip, char *buf, size_t len)
{
	struct in_addr a = { .s_addr = htonl(ip) };

	return inet_ntop(AF_INET, &a, buf, (socklen_t)len) ? buf : "?";
}

/* --- the anchor ------------------------------------------------------- */

void portal_roam_session(const struct portal_sess *s, const char *session_id,
			 bool online)
{
	struct rrb_portal p;
	char m[MACSTR_LEN], ipb[16];
	int n;

	if (!session_id)
		return;
	memset(&p, 0, sizeof(p));
	p.op = online ? RRB_PORTAL_PASS : RRB_PORTAL_DROP;
	memcpy(p.sta, s->mac, 6);
	p.ip = s->ip;
	snprintf(p.session_id, sizeof(p.session_id), "%s", session_id);
	if (online)
		snprintf(p.user, sizeof(p.user), "%s", s->user);
	n = mobility_portal_pass(&p, NULL);
	if (n > 0)
		log_dbg("portal: %s (%s) session %s: %s sent to %d peer%s",
			ip_str(s->ip, ipb, sizeof(ipb)),
			fsrd_mac_str(s->mac, m), session_id,
			rrb_portal_op_name(p.op), n, n == 1 ? "" : "s");
}

/* --- a peer ----------------------------------------------------------- */

static struct visit *find(const uint8_t sta[6], uint32_t ip)
{
	size_t i;

	for (i = 0; i < g.n; i++)
		if (g.v[i].used && g.v[i].ip == ip &&
		    !memcmp(g.v[i].sta, sta, 6))
			return &g.v[i];
	return NULL;
}

/* A free slot, else the oldest pass whose station is not here. */
static struct visit *slot(void)
{
	struct visit *old = NULL;
	size_t i;

	for (i = 0; i < g.n; i++) {
		if (!g.v[i].used)
			return &g.v[i];
		if (!g.v[i].here && (!old || g.v[i].got_ms < old->got_ms))
			old = &g.v[i];
	}
	if (old)
		memset(old, 0, sizeof(*old));
	return old;
}

/* The station's portal BSS entry here that opened its port, if any. */
static struct fsrd_sta *sta_here(const uint8_t mac[6])
{
	return portal_svc_sta(mac, true);
}

static void sample(struct visit *v)
{
	struct nl80211_sta_counters c = { 0 };

	if (nl80211_get_sta_counters(v->at_ifindex, v->sta, &c) || !c.valid)
		return;
	v->last = c;
}

/* What an entry counted since base; an entry made anew since counts
 * from zero. */
static uint64_t delta(uint64_t last, uint64_t base)
{
	return last >= base ? last - base : last;
}

/* Send op to v's anchor from the BSS the station is on, else from the
 * one the PASS came to. */
static int report(struct visit *v, uint8_t op)
{
	struct fsrd_bss *b = bss_by_ifindex(v->here ? v->at_ifindex :
						     v->via_ifindex);
	struct rrb_portal p;
	int ret = -ENOENT;

	memset(&p, 0, sizeof(p));
	p.op = op;
	memcpy(p.sta, v->sta, 6);
	p.ip = v->ip;
	snprintf(p.session_id, sizeof(p.session_id), "%s", v->session_id);
	p.has_counters = op != RRB_PORTAL_HERE;
	p.in_octets = v->acc_in + delta(v->last.rx_bytes, v->base.rx_bytes);
	p.out_octets = v->acc_out + delta(v->last.tx_bytes, v->base.tx_bytes);
	p.in_packets = v->acc_in_pk + delta(v->last.rx_packets,
					    v->base.rx_packets);
	p.out_packets = v->acc_out_pk + delta(v->last.tx_packets,
					      v->base.tx_packets);
	p.inactive_ms = v->last.inactive_ms;
	if (b)
		ret = mobility_portal_report(b, v->anchor, v->anchor_len, &p);
	if (ret == -ENOENT && v->via_ifindex != v->at_ifindex &&
	    (b = bss_by_ifindex(v->via_ifindex)))
		ret = mobility_portal_report(b, v->anchor, v->anchor_len, &p);
	if (ret) {
		char m[MACSTR_LEN];

		log_warn_rl("portal: %s: %s to the anchor (R0KH-ID %.*s) not sent: %s",
			    fsrd_mac_str(v->sta, m), rrb_portal_op_name(op),
			    (int)v->anchor_len, (const char *)v->anchor,
			    strerror(-ret));
	}
	return ret;
}

static void pair_set(struct visit *v, bool add)
{
	char m[MACSTR_LEN], ipb[16], err[256];

	if (portal_fw_set(add, v->sta, v->ip, true, err, sizeof(err)))
		log_warn("portal: %s (%s), session of the anchor %.*s: %s",
			 ip_str(v->ip, ipb, sizeof(ipb)),
			 fsrd_mac_str(v->sta, m), (int)v->anchor_len,
			 (const char *)v->anchor, err);
}

static void arrive(struct visit *v, const struct fsrd_sta *sta)
{
	char ipb[16];

	v->here = true;
	v->at_ifindex = sta->bss->ifindex;
	v->since_ms = v->heard_ms = ev_now_ms();
	memset(&v->base, 0, sizeof(v->base));
	memset(&v->last, 0, sizeof(v->last));
	v->acc_in = v->acc_out = v->acc_in_pk = v->acc_out_pk = 0;
	sample(v);
	v->base = v->last;
	pair_set(v, true);
	trace_sta(sta->bss, sta->addr, TRACE_EV_PORTAL,
		  "portal: %s logged in at the anchor %.*s as '%s' (session %s): let through here, no login",
		  ip_str(v->ip, ipb, sizeof(ipb)), (int)v->anchor_len,
		  (const char *)v->anchor, v->user, v->session_id);
	report(v, RRB_PORTAL_HERE);
}

static void leave(struct visit *v, bool tell)
{
	if (!v->here)
		return;
	sample(v);
	if (tell)
		report(v, RRB_PORTAL_LEFT);
	pair_set(v, false);
	v->here = false;
}

static void on_timer(struct ev_timer *t)
{
	uint64_t now = ev_now_ms();
	char m[MACSTR_LEN], ipb[16];
	size_t i;

	for (i = 0; i < g.n; i++) {
		struct visit *v = &g.v[i];

		if (!v->used || !v->here)
			continue;
		if (now - v->heard_ms > PORTAL_ROAM_SILENT_S * 1000ull) {
			log_warn("portal: %s (%s): the anchor %.*s has not confirmed session %s for %u s: no longer let through",
				 ip_str(v->ip, ipb, sizeof(ipb)),
				 fsrd_mac_str(v->sta, m), (int)v->anchor_len,
				 (const char *)v->anchor, v->session_id,
				 PORTAL_ROAM_SILENT_S);
			leave(v, false);
			memset(v, 0, sizeof(*v));
			continue;
		}
		sample(v);
		report(v, RRB_PORTAL_STATS);
	}
	ev_timer_arm(t, PORTAL_ROAM_STATS_S * 1000);
}

int portal_roam_start(size_t max)
{
	if (g.running)
		return 0;
	g.v = calloc(max ? max : 1, sizeof(*g.v));
	if (!g.v)
		return -ENOMEM;
	g.n = max ? max : 1;
	g.timer.fn = on_timer;
	ev_timer_arm(&g.timer, PORTAL_ROAM_STATS_S * 1000);
	g.running = true;
	return 0;
}

void portal_roam_stop(void)
{
	if (!g.running)
		return;
	ev_timer_cancel(&g.timer);
	/* the nftables table goes with the service: nothing to remove */
	free(g.v);
	memset(&g, 0, sizeof(g));
}

const char *portal_roam_rx_pass(struct fsrd_bss *b, const uint8_t *anchor,
				size_t anchor_len, const uint8_t *src,
				const struct rrb_portal *p)
{
	struct visit *v;
	struct fsrd_sta *sta;
	char m[MACSTR_LEN], ipb[16], from[MACSTR_LEN];

	(void)src;
	if (!g.running)
		return "the Portal service is not running";
	if (anchor_len > sizeof(v->anchor))
		return "R0KH-ID too long";
	v = find(p->sta, p->ip);
	if (p->op == RRB_PORTAL_DROP) {
		if (!v || strcmp(v->session_id, p->session_id))
			return NULL;	/* nothing kept: nothing to do */
		if (v->here)
			trace_sta(b, p->sta, TRACE_EV_PORTAL,
				  "portal: %s: session %s ended at the anchor %.*s: no longer let through",
				  ip_str(p->ip, ipb, sizeof(ipb)),
				  p->session_id, (int)anchor_len,
				  (const char *)anchor);
		leave(v, false);
		memset(v, 0, sizeof(*v));
		return NULL;
	}
	if (!v) {
		v = slot();
		if (!v)
			return "every pass kept is of a station here";
		v->used = true;
		memcpy(v->sta, p->sta, 6);
		v->ip = p->ip;
	} else if (v->anchor_len != anchor_len ||
		   memcmp(v->anchor, anchor, anchor_len)) {
		/* the user logged in again at another anchor */
		leave(v, false);
	}
	memcpy(v->anchor, anchor, anchor_len);
	v->anchor_len = anchor_len;
	snprintf(v->session_id, sizeof(v->session_id), "%s", p->session_id);
	if (p->user[0])
		snprintf(v->user, sizeof(v->user), "%s", p->user);
	v->via_ifindex = b->ifindex;
	v->got_ms = v->heard_ms = ev_now_ms();
	log_dbg("portal: %s (%s): PASS of session %s from the anchor %.*s (%s)",
		ip_str(p->ip, ipb, sizeof(ipb)), fsrd_mac_str(p->sta, m),
		p->session_id, (int)anchor_len, (const char *)anchor,
		fsrd_mac_str(src, from));
	sta = v->here ? NULL : sta_here(p->sta);
	if (sta)
		arrive(v, sta);
	return NULL;
}

void portal_roam_sta_authorized(const struct fsrd_sta *sta)
{
	size_t i;

	if (!g.running)
		return;
	for (i = 0; i < g.n; i++) {
		struct visit *v = &g.v[i];

		if (!v->used || memcmp(v->sta, sta->addr, 6))
			continue;
		/* a new association here (another BSS of this fsrd, or back
		 * after a stay elsewhere this AP did not notice): the last
		 * visit's counters as sampled last, then a new visit */
		if (v->here)
			report(v, RRB_PORTAL_STATS);
		arrive(v, sta);
	}
}

void portal_roam_sta_gone(const struct fsrd_sta *sta)
{
	size_t i;

	if (!g.running)
		return;
	for (i = 0; i < g.n; i++) {
		struct visit *v = &g.v[i];

		struct fsrd_sta *now;

		if (!v->used || !v->here || memcmp(v->sta, sta->addr, 6) ||
		    v->at_ifindex != sta->bss->ifindex)
			continue;
		now = sta_here(sta->addr);
		if (now && now != sta)
			continue;	/* its arrival there moves the visit */
		/* its entry is still there to read the last counters */
		leave(v, true);
	}
}

void portal_roam_foreach(void (*fn)(const struct portal_roam_visit_info *,
				    void *), void *arg)
{
	size_t i;

	for (i = 0; g.running && i < g.n; i++) {
		const struct visit *v = &g.v[i];
		struct portal_roam_visit_info info;
		const struct fsrd_bss *b;

		if (!v->used)
			continue;
		memset(&info, 0, sizeof(info));
		memcpy(info.sta, v->sta, 6);
		info.ip = v->ip;
		info.session_id = v->session_id;
		info.user = v->user;
		info.anchor = v->anchor;
		info.anchor_len = v->anchor_len;
		info.here = v->here;
		b = v->here ? bss_by_ifindex(v->at_ifindex) : NULL;
		info.ifname = b ? b->conf->ifname : "";
		info.since_ms = v->here ? v->since_ms : v->got_ms;
		fn(&info, arg);
	}
}
