// SPDX-License-Identifier: GPL-2.0-only
/* Accounting and timeouts of Portal sessions (portal_acct.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "ap/bss.h"
#include "core/auth_stats.h"
#include "core/evloop.h"
#include "core/log.h"
#include "drv/nl80211.h"
#include "eap/eap_relay.h"
#include "portal/portal_acct.h"
#include "portal/portal_svc.h"
#include "radius/radius_svc.h"

#define ACCT_CLASS_MAX 2
#define IDLE_CHECK_MAX_S 10	/* idleness is sampled at least this often */
#define INTERIM_MIN_S 60	/* RFC 2869 5.16 */

struct acct_class {
	uint8_t len;
	uint8_t val[253];
};

/* What an Access-Accept said, until its login goes online. */
struct accept_attrs {
	uint32_t token;
	uint32_t session_timeout_s, idle_timeout_s, interim_s;
	bool has_interim;
	struct acct_class cls[ACCT_CLASS_MAX];
	size_t n_class;
};

struct rec {
	struct rec *next;
	struct ev_timer timer;
	uint32_t ip;
	uint8_t mac[6];
	char id[20];
	char user[PORTAL_USER_MAX + 1];
	struct accept_attrs a;
	uint64_t start_ms, next_interim_ms;
	/* counters: acc (earlier BSS entries) + last - base (this one) */
	int ifindex;			/* entry read last; 0 none */
	struct nl80211_sta_counters base, last;
	uint64_t acc_in, acc_out;
	uint64_t acc_in_pk, acc_out_pk;
	/* visits to peer APs (portal_acct_remote): r_acc (finished) +
	 * r_cur (the one reported last, from r_from) */
	bool remote;			/* the station is at r_from */
	bool r_cur_valid;
	uint8_t r_from[6];
	uint64_t r_acc[4], r_cur[4];	/* in, out octets; in, out packets */
	uint32_t r_inactive_ms;
};

static struct {
	portal_acct_expire_fn expire;
	struct rec *recs;
	struct accept_attrs staged;
	uint32_t id_prefix, id_next;
	unsigned int interim_default_s;	/* [radius] acct_interim_interval */
} g;

static struct rec *rec_of(uint32_t ip)
{
	struct rec *r;

	for (r = g.recs; r; r = r->next)
		if (r->ip == ip)
			return r;
	return NULL;
}

/* The station's entry on a portal BSS, if the kernel holds one. */
static struct fsrd_sta *sta_of(const uint8_t mac[6])
{
	return portal_svc_sta(mac, false);
}

/* Read the station's counters into r (false: no entry to read). */
static bool sample(struct rec *r, struct fsrd_sta *sta)
{
	struct nl80211_sta_counters c = { 0 };

	if (!sta || nl80211_get_sta_counters(sta->bss->ifindex, sta->addr, &c) ||
	    !c.valid)
		return false;
	if (r->ifindex && (r->ifindex != sta->bss->ifindex ||
			   c.rx_bytes < r->last.rx_bytes ||
			   c.tx_bytes < r->last.tx_bytes ||
			   c.rx_packets < r->last.rx_packets ||
			   c.tx_packets < r->last.tx_packets)) {
		/* a new entry after a roam (to another BSS, or back to
		 * this one: its counters went backwards) counts from zero */
		r->acc_in += r->last.rx_bytes - r->base.rx_bytes;
		r->acc_out += r->last.tx_bytes - r->base.tx_bytes;
		r->acc_in_pk += r->last.rx_packets - r->base.rx_packets;
		r->acc_out_pk += r->last.tx_packets - r->base.tx_packets;
		memset(&r->base, 0, sizeof(r->base));
	}
	if (!r->ifindex)
		r->base = c;
	r->ifindex = sta->bss->ifindex;
	r->last = c;
	return true;
}

/* r's octets since the login, over every BSS entry it had */
static void octets(const struct rec *r, uint64_t *in, uint64_t *out)
{
	*in = r->acc_in + r->last.rx_bytes - r->base.rx_bytes +
	      r->r_acc[0] + r->r_cur[0];
	*out = r->acc_out + r->last.tx_bytes - r->base.tx_bytes +
	       r->r_acc[1] + r->r_cur[1];
}

static void send_acct(struct rec *r, enum radius_acct_status status,
		      uint32_t cause)
{
	struct fsrd_sta *sta = sta_of(r->mac);
	struct radius_acct_info info = { 0 };
	char called[18 + 1 + 32 + 1] = "", calling[18];
	struct radius_msg *m;
	const char *what;
	size_t i;
	int err;

	if (status != RADIUS_ACCT_START)
		sample(r, sta);
	if (!radius_svc_has_acct())
		return;
	m = calloc(1, sizeof(*m));
	if (!m)
		return;
	if (sta)
		eap_relay_station_id(called, sizeof(called), sta->bss->addr,
				     sta->bss->conf->ssid,
				     sta->bss->conf->ssid_len);
	eap_relay_station_id(calling, sizeof(calling), r->mac, NULL, 0);
	info.status = status;
	info.session_id = r->id;
	info.user_name = r->user;
	info.called_station_id = called;
	info.calling_station_id = calling;
	octets(r, &info.input_octets, &info.output_octets);
	info.input_packets = (uint32_t)(r->acc_in_pk + r->last.rx_packets -
					r->base.rx_packets + r->r_acc[2] +
					r->r_cur[2]);
	info.output_packets = (uint32_t)(r->acc_out_pk + r->last.tx_packets -
					 r->base.tx_packets + r->r_acc[3] +
					 r->r_cur[3]);
	info.session_time_s = (uint32_t)((ev_now_ms() - r->start_ms) / 1000);
	info.terminate_cause = cause;
	if (radius_acct_build(m, &info) != RADIUS_OK ||
	    radius_msg_add_u32(m, RADIUS_ATTR_FRAMED_IP_ADDRESS, r->ip))
		goto out;
	/* Class is echoed unchanged (RFC 2865 5.25) */
	for (i = 0; i < r->a.n_class; i++)
		radius_msg_add(m, RADIUS_ATTR_CLASS, r->a.cls[i].val,
			       r->a.cls[i].len);
	what = status == RADIUS_ACCT_START ? "Start" :
	       status == RADIUS_ACCT_STOP ? "Stop" : "Interim-Update";
	if (status == RADIUS_ACCT_START)
		fsrd_auth_stats()->acct_start++;
	else if (status == RADIUS_ACCT_STOP)
		fsrd_auth_stats()->acct_stop++;
	else
		fsrd_auth_stats()->acct_interim++;
	err = radius_svc_acct_send(m, what);
	if (err)
		log_warn("portal: RADIUS accounting %s of session %s not sent: %s",
			 what, r->id, strerror(-err));
	else
		log_dbg("portal: RADIUS Accounting-Request %s sent (session %s)",
			what, r->id);
out:
	free(m);
}

/* The next moment r needs attention, UINT64_MAX for none. */
static uint64_t next_due(const struct rec *r)
{
	uint64_t t = UINT64_MAX, now = ev_now_ms();

	if (r->a.session_timeout_s)
		t = r->start_ms + r->a.session_timeout_s * 1000ull;
	if (r->a.idle_timeout_s) {
		unsigned int s = r->a.idle_timeout_s < IDLE_CHECK_MAX_S ?
				 r->a.idle_timeout_s : IDLE_CHECK_MAX_S;

		if (now + s * 1000ull < t)
			t = now + s * 1000ull;
	}
	if (r->next_interim_ms && r->next_interim_ms < t)
		t = r->next_interim_ms;
	return t;
}

static void arm(struct rec *r)
{
	uint64_t t = next_due(r), now = ev_now_ms();

	if (t == UINT64_MAX)
		ev_timer_cancel(&r->timer);
	else
		ev_timer_arm(&r->timer, t > now ? (unsigned int)(t - now) : 0);
}

static void on_timer(struct ev_timer *t)
{
	struct rec *r = (struct rec *)((char *)t - offsetof(struct rec, timer));
	uint64_t now = ev_now_ms();

	if (r->a.session_timeout_s &&
	    now >= r->start_ms + r->a.session_timeout_s * 1000ull) {
		/* r is freed by the logout this starts */
		g.expire(r->ip, RADIUS_TERM_SESSION_TIMEOUT,
			 "Session-Timeout");
		return;
	}
	/* at a peer AP, its reports say; the entry here (if the kernel
	 * still holds one) is not the one it uses */
	if (r->a.idle_timeout_s &&
	    (r->remote ? r->r_inactive_ms :
	     sample(r, sta_of(r->mac)) ? r->last.inactive_ms : 0) >=
	    r->a.idle_timeout_s * 1000ull) {
		g.expire(r->ip, RADIUS_TERM_IDLE_TIMEOUT, "Idle-Timeout");
		return;
	}
	if (r->next_interim_ms && now >= r->next_interim_ms) {
		send_acct(r, RADIUS_ACCT_INTERIM_UPDATE, 0);
		r->next_interim_ms = now + r->a.interim_s * 1000ull;
	}
	arm(r);
}

int portal_acct_init(portal_acct_expire_fn expire,
		     unsigned int interim_default_s)
{
	memset(&g, 0, sizeof(g));
	g.interim_default_s = interim_default_s;
	/* ids differ from one run to the next */
	if (RAND_bytes((unsigned char *)&g.id_prefix,
		       sizeof(g.id_prefix)) != 1)
		return -EIO;
	g.expire = expire;
	return 0;
}

void portal_acct_exit(void)
{
	struct rec *r;

	while ((r = g.recs)) {
		g.recs = r->next;
		ev_timer_cancel(&r->timer);
		free(r);
	}
	memset(&g, 0, sizeof(g));
}

void portal_acct_accepted(uint32_t token, const struct radius_msg *accept)
{
	struct accept_attrs *a = &g.staged;
	struct radius_attr_iter it;
	const uint8_t *v;
	uint8_t type;
	size_t len;

	memset(a, 0, sizeof(*a));
	a->token = token;
	radius_attr_iter_init(&it);
	radius_msg_get_u32(accept, RADIUS_ATTR_SESSION_TIMEOUT,
			   &a->session_timeout_s);
	radius_msg_get_u32(accept, RADIUS_ATTR_IDLE_TIMEOUT,
			   &a->idle_timeout_s);
	a->has_interim = radius_msg_get_u32(accept,
					    RADIUS_ATTR_ACCT_INTERIM_INTERVAL,
					    &a->interim_s);
	while (radius_attr_next(accept, &it, &type, &v, &len))
		if (type == RADIUS_ATTR_CLASS && a->n_class < ACCT_CLASS_MAX &&
		    len <= sizeof(a->cls[0].val)) {
			memcpy(a->cls[a->n_class].val, v, len);
			a->cls[a->n_class++].len = (uint8_t)len;
		}
}

void portal_acct_start(const struct portal_sess *s)
{
	struct rec *r = calloc(1, sizeof(*r));
	char ipb[16];

	if (!r) {
		log_err("portal: session of '%s': no memory for its accounting",
			s->user);
		return;
	}
	r->ip = s->ip;
	memcpy(r->mac, s->mac, 6);
	snprintf(r->user, sizeof(r->user), "%s", s->user);
	snprintf(r->id, sizeof(r->id), "P%08X-%08X", g.id_prefix,
		 ++g.id_next);
	if (g.staged.token == s->token)
		r->a = g.staged;
	memset(&g.staged, 0, sizeof(g.staged));
	if (!r->a.has_interim)
		r->a.interim_s = g.interim_default_s;
	if (r->a.interim_s && r->a.interim_s < INTERIM_MIN_S)
		r->a.interim_s = INTERIM_MIN_S;
	r->start_ms = ev_now_ms();
	if (r->a.interim_s && radius_svc_has_acct())
		r->next_interim_ms = r->start_ms + r->a.interim_s * 1000ull;
	r->timer.fn = on_timer;
	sample(r, sta_of(r->mac));
	r->next = g.recs;
	g.recs = r;
	send_acct(r, RADIUS_ACCT_START, 0);
	arm(r);
	snprintf(ipb, sizeof(ipb), "%u.%u.%u.%u", s->ip >> 24,
		 s->ip >> 16 & 255, s->ip >> 8 & 255, s->ip & 255);
	log_info("portal: %s session %s: Session-Timeout %u s, Idle-Timeout %u s, interim %u s",
		 ipb, r->id, r->a.session_timeout_s, r->a.idle_timeout_s,
		 r->next_interim_ms ? r->a.interim_s : 0);
}

void portal_acct_stop(const struct portal_sess *s, uint32_t cause)
{
	struct rec **pp, *r;

	for (pp = &g.recs; (r = *pp); pp = &r->next)
		if (r->ip == s->ip)
			break;
	if (!r)
		return;
	*pp = r->next;
	ev_timer_cancel(&r->timer);
	send_acct(r, RADIUS_ACCT_STOP, cause);
	free(r);
}

void portal_acct_sta_leaving(const struct fsrd_sta *sta)
{
	struct rec *r;

	if (!sta->in_kernel)
		return;
	for (r = g.recs; r; r = r->next)
		if (!memcmp(r->mac, sta->addr, 6))
			sample(r, (struct fsrd_sta *)sta);
}

static void fold(struct rec *r)
{
	size_t i;

	for (i = 0; i < 4 && r->r_cur_valid; i++)
		r->r_acc[i] += r->r_cur[i];
	memset(r->r_cur, 0, sizeof(r->r_cur));
	r->r_cur_valid = false;
}

int portal_acct_remote(uint32_t ip, const uint8_t from[6],
		       const struct rrb_portal *p)
{
	struct rec *r = rec_of(ip);
	bool cur;

	if (!r)
		return -ENOENT;
	cur = r->r_cur_valid && !memcmp(r->r_from, from, 6);
	if (p->op == RRB_PORTAL_HERE) {
		/* a new visit, even at the same peer */
		fold(r);
		memcpy(r->r_from, from, 6);
		r->r_cur_valid = true;
		r->remote = true;
		r->r_inactive_ms = 0;
		return 1;
	}
	if (!cur) {
		/* a visit that ended before: only its last counters, and
		 * only if they were not folded yet (never: dropped) */
		return 0;
	}
	r->r_cur[0] = p->in_octets;
	r->r_cur[1] = p->out_octets;
	r->r_cur[2] = p->in_packets;
	r->r_cur[3] = p->out_packets;
	r->r_inactive_ms = p->inactive_ms;
	if (p->op == RRB_PORTAL_LEFT) {
		fold(r);
		cur = r->remote;
		r->remote = false;
		return cur ? 1 : 0;
	}
	return r->remote ? 1 : 0;
}

void portal_acct_local(uint32_t ip)
{
	struct rec *r = rec_of(ip);

	if (r)
		r->remote = false;
}

bool portal_acct_is_remote(uint32_t ip, uint8_t from[6])
{
	struct rec *r = rec_of(ip);

	if (!r || !r->remote)
		return false;
	if (from)
		memcpy(from, r->r_from, 6);
	return true;
}

const char *portal_acct_session_id(uint32_t ip)
{
	struct rec *r = rec_of(ip);

	return r ? r->id : NULL;
}

int portal_acct_octets(uint32_t ip, uint64_t *in, uint64_t *out,
		       char *port, size_t port_len)
{
	struct rec *r = rec_of(ip);
	struct fsrd_sta *sta;

	if (!r)
		return -ENOENT;
	sta = sta_of(r->mac);
	sample(r, sta);
	octets(r, in, out);
	if (port_len)
		snprintf(port, port_len, "%s@%.*s",
			 sta ? sta->bss->conf->ifname : "-",
			 sta ? (int)sta->bss->conf->ssid_len : 0,
			 sta ? (const char *)sta->bss->conf->ssid : "");
	return 0;
}
