// SPDX-License-Identifier: GPL-2.0-only
/* The Portal views of the control socket (ctl_portal.h). */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "core/evloop.h"
#include "core/log.h"
#include "ctl/ctl_portal.h"
#include "portal/portal_msg.h"
#include "portal/portal_acct.h"
#include "portal/portal_http.h"
#include "portal/portal_roam.h"
#include "portal/portal_svc.h"

struct walk {
	const uint8_t *sta;
	struct json_object *list;
	uint64_t now;
};

static void add_sess(const struct portal_sess *s, void *arg)
{
	struct walk *w = arg;
	struct json_object *o;
	struct in_addr a = { .s_addr = htonl(s->ip) };
	char ip[16], m[MACSTR_LEN], port[64];
	uint8_t peer[6];
	uint64_t in, out;

	if (w->sta && memcmp(w->sta, s->mac, 6))
		return;
	o = json_object_new_object();
	inet_ntop(AF_INET, &a, ip, sizeof(ip));
	json_object_object_add(o, "ip", json_object_new_string(ip));
	json_object_object_add(o, "mac", json_object_new_string(
				       fsrd_mac_str(s->mac, m)));
	json_object_object_add(o, "user", json_object_new_string(s->user));
	json_object_object_add(o, "state", json_object_new_string(
				       portal_state_name(s->state)));
	json_object_object_add(o, "server", json_object_new_string(
				       portal_svc_server_name(s->server)));
	json_object_object_add(o, "auth", json_object_new_string(
				       s->auth_type == PORTAL_PAP ? "pap" :
								    "chap"));
	if (s->state == PORTAL_S_WAIT_AFF || s->state == PORTAL_S_ONLINE)
		json_object_object_add(o, "online_s", json_object_new_int64(
			(int64_t)((w->now - s->since_ms) / 1000)));
	/* octets since the login, every AP of the stay included, and the
	 * port (IFNAME@SSID) it is on here */
	if (!portal_acct_octets(s->ip, &in, &out, port, sizeof(port))) {
		json_object_object_add(o, "in_octets",
				       json_object_new_uint64(in));
		json_object_object_add(o, "out_octets",
				       json_object_new_uint64(out));
		json_object_object_add(o, "port", json_object_new_string(port));
	}
	/* where the station is: this AP, or the peer it roamed to */
	if (portal_acct_is_remote(s->ip, peer))
		json_object_object_add(o, "at", json_object_new_string(
					       fsrd_mac_str(peer, m)));
	else
		json_object_object_add(o, "at", json_object_new_string("here"));
	json_object_array_add(w->list, o);
}

/* A pass of a peer's session kept here (portal_roam.h). */
static void add_visit(const struct portal_roam_visit_info *v, void *arg)
{
	struct walk *w = arg;
	struct json_object *o;
	struct in_addr a = { .s_addr = htonl(v->ip) };
	char ip[16], m[MACSTR_LEN];

	if (w->sta && memcmp(w->sta, v->sta, 6))
		return;
	o = json_object_new_object();
	inet_ntop(AF_INET, &a, ip, sizeof(ip));
	json_object_object_add(o, "ip", json_object_new_string(ip));
	json_object_object_add(o, "mac", json_object_new_string(
				       fsrd_mac_str(v->sta, m)));
	json_object_object_add(o, "user", json_object_new_string(v->user));
	json_object_object_add(o, "session", json_object_new_string(
				       v->session_id));
	json_object_object_add(o, "anchor", json_object_new_string_len(
				       (const char *)v->anchor,
				       (int)v->anchor_len));
	json_object_object_add(o, "here", json_object_new_boolean(v->here));
	json_object_object_add(o, "interface",
			       json_object_new_string(v->ifname));
	json_object_object_add(o, "since_s", json_object_new_int64(
		(int64_t)((w->now - v->since_ms) / 1000)));
	json_object_array_add(w->list, o);
}

static void add_u64(struct json_object *o, const char *k, uint64_t v)
{
	json_object_object_add(o, k, json_object_new_uint64(v));
}

/* The portal servers' liveness and escape mode (docs/portal.md). */
static void add_servers(struct json_object *o, const struct portal_engine *e,
			uint64_t now)
{
	struct json_object *l = json_object_new_array();
	uint64_t escapes;
	bool escaped;
	size_t i;

	for (i = 0; i < portal_svc_n_servers(); i++) {
		struct json_object *s = json_object_new_object();

		json_object_object_add(s, "name", json_object_new_string(
					       portal_svc_server_name((int)i)));
		json_object_object_add(s, "up", json_object_new_boolean(
					       portal_server_up(e, (int)i)));
		add_u64(s, "since_s",
			(now - portal_server_since(e, (int)i)) / 1000);
		json_object_array_add(l, s);
	}
	json_object_object_add(o, "servers", l);
	json_object_object_add(o, "escape", json_object_new_string(
				       portal_svc_escape(&escaped, &escapes)));
	json_object_object_add(o, "escaped",
			       json_object_new_boolean(escaped));
	add_u64(o, "escapes", escapes);
}

struct json_object *ctl_portal_json(const uint8_t *sta)
{
	const struct portal_engine *e = portal_svc_engine();
	struct json_object *o = json_object_new_object(), *c;
	const struct portal_sess_stats *st;
	struct walk w = { .sta = sta, .now = ev_now_ms() };
	int i;

	json_object_object_add(o, "running", json_object_new_boolean(!!e));
	w.list = json_object_new_array();
	json_object_object_add(o, "sessions", w.list);
	if (!e)
		return o;
	portal_sess_foreach(e, add_sess, &w);
	w.list = json_object_new_array();
	json_object_object_add(o, "visitors", w.list);
	portal_roam_foreach(add_visit, &w);
	add_servers(o, e, w.now);
	st = portal_sess_stats(e);
	c = json_object_new_object();
	add_u64(c, "logins", st->logins);
	add_u64(c, "rejects", st->rejects);
	add_u64(c, "no_answer", st->no_answer);
	add_u64(c, "logouts", st->logouts);
	add_u64(c, "ntf_sent", st->ntf_sent);
	add_u64(c, "ntf_acked", st->ntf_acked);
	add_u64(c, "ntf_unacked", st->ntf_unacked);
	add_u64(c, "server_down", st->server_down);
	add_u64(c, "server_up", st->server_up);
	for (i = 0; i < PORTAL_RX_COUNT; i++) {
		char k[40];

		snprintf(k, sizeof(k), "rx_%s",
			 portal_rx_name((enum portal_rx)i));
		add_u64(c, k, st->rx[i]);
	}
	add_u64(c, "rx_unknown_source", portal_svc_unknown_source());
	add_u64(c, "http_redirects", portal_http_stats()->redirects);
	add_u64(c, "http_bad_requests", portal_http_stats()->bad_requests);
	add_u64(c, "http_refused", portal_http_stats()->refused);
	add_u64(c, "http_timeouts", portal_http_stats()->timeouts);
	json_object_object_add(o, "counters", c);
	return o;
}
