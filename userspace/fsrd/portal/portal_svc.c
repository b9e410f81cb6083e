// SPDX-License-Identifier: GPL-2.0-only
/* fsrd's Portal service (see portal_svc.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <net/if.h>
#include <arpa/inet.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "ap/bss.h"
#include "core/auth_stats.h"
#include "core/evloop.h"
#include "core/trace.h"
#include "core/log.h"
#include "drv/link.h"
#include "drv/neigh.h"
#include "eap/eap_relay.h"
#include "mobility/mobility.h"
#include "portal/portal_acct.h"
#include "portal/portal_das.h"
#include "portal/portal_fw.h"
#include "portal/portal_http.h"
#include "portal/portal_roam.h"
#include "portal/portal_svc.h"
#include "radius/radius_svc.h"

/* A RADIUS request under way for a login. */
struct pending {
	struct pending *next;
	uint32_t token;
	struct radius_req *req;
};

static struct {
	bool running;
	bool stopping;
	int fd;
	struct portal_engine *engine;
	struct fsrd_portal_server servers[FSRD_PORTAL_MAX_SERVERS];
	size_t n_servers;
	struct pending *pending;
	struct ev_timer timer;
	uint64_t unknown_source;
	uint32_t end_cause;	/* Acct-Terminate-Cause of the logout under way */
	uint32_t reconnect_s;	/* [portal] reconnect_timeout */
	bool escape_open;	/* [portal] escape = open */
	bool escaped;		/* every server down: escape mode */
	unsigned int ntf_tries;
	uint64_t escapes;	/* times escape mode began */
} g = { .fd = -1 };

static const char *ip_str(uint32_t ip, char *buf, size_t len)
{
	struct in_addr a = { .s_addr = htonl(ip) };

	return inet_ntop(AF_INET, &a, buf, (socklen_t)len) ? buf : "?";
}

static void arm(void)
{
	uint64_t d = portal_sess_next_deadline(g.engine), now = ev_now_ms();

	if (d == UINT64_MAX) {
		ev_timer_cancel(&g.timer);
		return;
	}
	ev_timer_arm(&g.timer, d > now ? (unsigned int)(d - now) : 0);
}

static void on_timer(struct ev_timer *t)
{
	(void)t;
	portal_sess_run_timers(g.engine);
	arm();
}

/* A session's line: in the station's trace when it is on a portal BSS
 * (fsrctl monitor --client), else in the log. */
static void sess_trace(const uint8_t mac[6], const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void sess_trace(const uint8_t mac[6], const char *fmt, ...)
{
	struct fsrd_bss *b;
	unsigned int it = 0;
	char detail[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	while ((b = bss_next(&it)))
		if (b->conf->portal && sta_find(&b->stas, mac)) {
			trace_sta(b, mac, TRACE_EV_PORTAL, "%s", detail);
			return;
		}
	log_info("%s", detail);
}

struct fsrd_sta *portal_svc_sta(const uint8_t mac[6], bool port_open)
{
	struct fsrd_bss *b;
	unsigned int it = 0;

	while ((b = bss_next(&it))) {
		struct fsrd_sta *s;

		if (!b->conf->portal)
			continue;
		s = sta_find(&b->stas, mac);
		if (s && (port_open ? s->state == FSRD_STA_ASSOC &&
				      s->authorized : s->in_kernel))
			return s;
	}
	return NULL;
}

/* --- what the engine asks --------------------------------------------- */

/* Where the host meets the BSS's stations at layer 3: the bridge the
 * interface is a port of (a bridged AP), else the interface itself. */
static int l3_ifindex(const struct fsrd_bss *b)
{
	uint8_t mac[6];
	int br;

	return link_bridge_of(b->ifindex, &br, mac) ? b->ifindex : br;
}

static int lookup(void *ctx, uint32_t ip, uint8_t mac[6])
{
	struct fsrd_bss *b;
	unsigned int it = 0;

	(void)ctx;
	while ((b = bss_next(&it))) {
		struct fsrd_sta *sta;

		if (!b->conf->portal || neigh_lookup4(l3_ifindex(b), ip, mac))
			continue;
		sta = sta_find(&b->stas, mac);
		if (sta && sta->state == FSRD_STA_ASSOC && sta->authorized)
			return 0;
	}
	return -ENOENT;
}

/* For the redirect: the station of ip on a portal BSS, and its SSID. */
static int http_station(uint32_t ip, uint8_t mac[6], const uint8_t **ssid,
			size_t *ssid_len)
{
	struct fsrd_bss *b;
	unsigned int it = 0;

	while ((b = bss_next(&it))) {
		struct fsrd_sta *sta;

		if (!b->conf->portal || neigh_lookup4(l3_ifindex(b), ip, mac))
			continue;
		sta = sta_find(&b->stas, mac);
		if (sta && sta->state == FSRD_STA_ASSOC) {
			*ssid = b->conf->ssid;
			*ssid_len = b->conf->ssid_len;
			return 0;
		}
	}
	return -ENOENT;
}

/* The captive redirect's listener, when [portal] has a url. */
static int http_start(const struct fsrd_conf *c, char *err, size_t errlen)
{
	const struct fsrd_portal_conf *pc = &c->portal;
	struct portal_http_conf hc = {
		.port = (uint16_t)pc->redirect_port, .portal_url = pc->url,
		.ac_name = pc->ac_name, .ac_ip = pc->bas_ip,
		.station = http_station,
	};
	char host[64] = "fsrd";

	if (!pc->url[0])
		return 0;
	if (!hc.ac_name[0]) {
		if (gethostname(host, sizeof(host) - 1))
			snprintf(host, sizeof(host), "fsrd");
		hc.ac_name = host;
	}
	return portal_http_start(&hc, err, errlen);
}

static struct pending *pending_take(uint32_t token)
{
	struct pending **pp, *p;

	for (pp = &g.pending; (p = *pp); pp = &p->next)
		if (p->token == token) {
			*pp = p->next;
			return p;
		}
	return NULL;
}

static void radius_done(void *ctx, const struct radius_result *res)
{
	struct pending *p = pending_take((uint32_t)(uintptr_t)ctx);
	enum portal_auth_result r = PORTAL_NO_ANSWER;
	char text[254] = "";
	const uint8_t *v;
	size_t len;

	free(p);
	if (res->status == RADIUS_REPLY) {
		r = radius_msg_code(res->reply) == RADIUS_ACCESS_ACCEPT ?
		    PORTAL_ACCEPT : PORTAL_REJECT;
		if (r == PORTAL_ACCEPT)
			portal_acct_accepted((uint32_t)(uintptr_t)ctx,
					     res->reply);
		v = radius_msg_find(res->reply, RADIUS_ATTR_REPLY_MESSAGE,
				    &len);
		if (v && len < sizeof(text)) {
			memcpy(text, v, len);
			text[len] = '\0';
		}
	}
	portal_sess_auth_done(g.engine, (uint32_t)(uintptr_t)ctx, r, text);
	arm();
}

static int authenticate(void *ctx, const struct portal_sess *s,
			const struct portal_login *l)
{
	struct radius_client *c = radius_svc_client();
	struct radius_msg m;
	struct pending *p;
	char id[64], ipb[16], mb[MACSTR_LEN];
	int ret = -EIO;

	(void)ctx;
	if (!c)
		return -ENODEV;
	p = calloc(1, sizeof(*p));
	if (!p)
		return -ENOMEM;
	radius_msg_init(&m, RADIUS_ACCESS_REQUEST, 0);
	eap_relay_station_id(id, sizeof(id), s->mac, NULL, 0);
	if (radius_msg_add_str(&m, RADIUS_ATTR_USER_NAME, l->user) ||
	    radius_msg_add_str(&m, RADIUS_ATTR_CALLING_STATION_ID, id) ||
	    radius_msg_add_u32(&m, RADIUS_ATTR_SERVICE_TYPE, 1) ||
	    radius_msg_add_u32(&m, RADIUS_ATTR_NAS_PORT_TYPE, 19) ||
	    radius_msg_add_u32(&m, 8 /* Framed-IP-Address */, s->ip))
		goto out;
	if (l->auth_type == PORTAL_CHAP) {
		if (radius_msg_add(&m, 60 /* CHAP-Challenge */,
				   l->chap_challenge, 16) ||
		    radius_msg_add(&m, 3 /* CHAP-Password */,
				   l->chap_password, 17))
			goto out;
	} else if (radius_msg_add(&m, RADIUS_ATTR_USER_PASSWORD, l->password,
				  l->password_len)) {
		goto out;
	}
	p->token = s->token;
	p->req = radius_client_send(c, RADIUS_KIND_AUTH, &m, radius_done,
				    (void *)(uintptr_t)s->token);
	if (!p->req) {
		ret = -errno;
		goto out;
	}
	p->next = g.pending;
	g.pending = p;
	p = NULL;
	ret = 0;
	log_info("portal: %s (%s) login '%s' by %s sent to RADIUS",
		 ip_str(s->ip, ipb, sizeof(ipb)), fsrd_mac_str(s->mac, mb),
		 l->user,
		 l->auth_type == PORTAL_CHAP ? "CHAP" : "PAP");
out:
	OPENSSL_cleanse(&m, sizeof(m));
	free(p);
	return ret;
}

static void cancel(void *ctx, const struct portal_sess *s)
{
	struct pending *p = pending_take(s->token);

	(void)ctx;
	if (p && radius_svc_client())
		radius_client_cancel(radius_svc_client(), p->req);
	free(p);
}

static void online(void *ctx, const struct portal_sess *s)
{
	char m[MACSTR_LEN], ipb[16], err[256];

	(void)ctx;
	if (portal_fw_set(true, s->mac, s->ip, true, err, sizeof(err))) {
		/* the portal was told yes: the station stays blocked, which
		 * is the safe side; the operator sees why */
		log_err("portal: %s (%s) logged in as '%s' but is not let through: %s",
			ip_str(s->ip, ipb, sizeof(ipb)),
			fsrd_mac_str(s->mac, m), s->user, err);
		return;
	}
	sess_trace(s->mac, "portal: %s (%s) logged in as '%s': its traffic passes",
		   ip_str(s->ip, ipb, sizeof(ipb)), fsrd_mac_str(s->mac, m),
		   s->user);
	portal_acct_start(s);
	/* the peers let it through when the station comes to them */
	portal_roam_session(s, portal_acct_session_id(s->ip), true);
}

struct mac_use {
	const struct portal_sess *except;
	const uint8_t *mac;
	bool used;
};

static void mac_used(const struct portal_sess *s, void *arg)
{
	struct mac_use *u = arg;

	if (s != u->except && s->ip != u->except->ip &&
	    (s->state == PORTAL_S_WAIT_AFF || s->state == PORTAL_S_ONLINE) &&
	    !memcmp(s->mac, u->mac, 6))
		u->used = true;
}

/* RFC 2866 5.10, for a session that ends without a cause given by the
 * service itself (g.end_cause). */
static uint32_t term_cause(enum portal_end why)
{
	switch (why) {
	case PORTAL_END_LOGOUT:
		return RADIUS_TERM_USER_REQUEST;
	case PORTAL_END_PORTAL_GAVE_UP:
		return RADIUS_TERM_LOST_SERVICE;
	case PORTAL_END_AC:
		return RADIUS_TERM_ADMIN_RESET;
	case PORTAL_END_AWAY_TIMEOUT:
	case PORTAL_END_REPLACED:
		return RADIUS_TERM_LOST_CARRIER;
	default:	/* no AFF_ACK_AUTH, flush at stop */
		return RADIUS_TERM_NAS_REQUEST;
	}
}

static void offline(void *ctx, const struct portal_sess *s,
		    enum portal_end why)
{
	struct mac_use u = { .except = s, .mac = s->mac };
	const char *id = portal_acct_session_id(s->ip);
	char m[MACSTR_LEN], ipb[16], err[256];
	char sid[PORTAL_ROAM_ID_MAX + 1] = "";

	(void)ctx;
	sess_trace(s->mac, "portal: %s (%s) '%s' logged out: %s",
		   ip_str(s->ip, ipb, sizeof(ipb)), fsrd_mac_str(s->mac, m),
		   s->user, portal_end_name(why));
	if (id)
		snprintf(sid, sizeof(sid), "%s", id);
	portal_acct_stop(s, g.end_cause ? g.end_cause : term_cause(why));
	if (sid[0])	/* at stop too: the peers stop its pair now */
		portal_roam_session(s, sid, false);
	if (s->state == PORTAL_S_AWAY)
		return;	/* its pass went when it left */
	/* the MAC's IPv6 stays while another address of it is logged in */
	if (g.stopping)
		return;	/* the whole table goes */
	portal_sess_foreach(g.engine, mac_used, &u);
	if (portal_fw_set(false, s->mac, s->ip, !u.used, err, sizeof(err)))
		log_warn("portal: %s (%s): %s",
			 ip_str(s->ip, ipb, sizeof(ipb)), m, err);
}

static void send_pkt(void *ctx, int server, uint16_t port,
		     const uint8_t *buf, size_t len)
{
	struct sockaddr_storage to;
	const struct fsrd_portal_server *s = &g.servers[server];

	(void)ctx;
	to = s->addr;
	if (to.ss_family == AF_INET)
		((struct sockaddr_in *)&to)->sin_port =
			htons(port ? port : s->notify_port);
	else
		((struct sockaddr_in6 *)&to)->sin6_port =
			htons(port ? port : s->notify_port);
	if (sendto(g.fd, buf, len, 0, (struct sockaddr *)&to, s->addr_len) < 0)
		log_warn_rl("portal: sending to [portal_server %s]: %s",
			    s->name, strerror(errno));
}

static int rnd(void *ctx, uint8_t *buf, size_t len)
{
	(void)ctx;
	return RAND_bytes(buf, (int)len) == 1 ? 0 : -EIO;
}

static uint64_t now_ms(void *ctx)
{
	(void)ctx;
	return ev_now_ms();
}

/* REQ_INFO: what accounting counts for s. */
static int info(void *ctx, const struct portal_sess *s,
		struct portal_info *out)
{
	(void)ctx;
	return portal_acct_octets(s->ip, &out->up_octets, &out->down_octets,
				  out->port, sizeof(out->port));
}

/* Escape mode follows the servers: on when every one is down, off when
 * one is heard again. With escape = closed only the log says so. */
static void escape_update(void)
{
	char err[256];
	bool all_down = true;
	size_t i;

	for (i = 0; i < g.n_servers; i++)
		all_down &= !portal_server_up(g.engine, (int)i);
	if (all_down == g.escaped)
		return;
	g.escaped = all_down;
	if (all_down)
		g.escapes++;
	if (!g.escape_open) {
		if (all_down)
			log_warn("portal: every portal server is down: escape = closed, stations not logged in stay blocked");
		else
			log_info("portal: a portal server answers again");
		return;
	}
	if (portal_fw_set_escape(all_down, err, sizeof(err)))
		log_err("portal: %s", err);
	else if (all_down)
		log_warn("portal: every portal server is down: escape mode, stations of the portal BSSes pass without login (escape = open)");
	else
		log_info("portal: a portal server answers again: escape mode ends, stations not logged in are blocked again");
}

static void server_state(void *ctx, int server, bool up, const char *why)
{
	(void)ctx;
	if (up)
		log_info("portal: [portal_server %s] is up: %s",
			 g.servers[server].name, why);
	else
		log_warn("portal: [portal_server %s] is down: %s",
			 g.servers[server].name, why);
	escape_update();
}

static void ntf_resent(void *ctx, int server, uint32_t ip,
		       unsigned int tries, unsigned int wait_ms)
{
	char a[INET_ADDRSTRLEN];

	(void)ctx;
	log_info("portal: NTF_LOGOUT for %s to [portal_server %s] not acknowledged: sent again (%u of %u), %s %u ms",
		 ip_str(ip, a, sizeof(a)), g.servers[server].name, tries,
		 g.ntf_tries, tries < g.ntf_tries ? "next in" :
		 "giving up in", wait_ms);
}

static const struct portal_sess_ops ops = {
	.lookup = lookup, .authenticate = authenticate, .cancel = cancel,
	.online = online, .offline = offline, .send = send_pkt,
	.info = info, .server_state = server_state, .ntf_resent = ntf_resent,
	.random = rnd, .now_ms = now_ms,
};

/* --- ends the service decides ---------------------------------------- */

/* The AC ends ip's session with an accounting cause: NTF_LOGOUT with
 * reason, offline, Stop. 0 or -ENOENT. */
static int logout_ip(uint32_t ip, uint32_t cause, const char *reason)
{
	int ret;

	g.end_cause = cause;
	ret = portal_sess_logout(g.engine, ip, reason);
	g.end_cause = 0;
	return ret;
}

static void acct_expire(uint32_t ip, uint32_t cause, const char *reason)
{
	char ipb[16];

	log_info("portal: %s: %s: the session ends",
		 ip_str(ip, ipb, sizeof(ipb)), reason);
	logout_ip(ip, cause, reason);
	arm();
}

struct das_match {
	const struct portal_das_ids *ids;
	uint32_t ip[16];
	size_t n;
	bool more;
};

static void das_collect(const struct portal_sess *s, void *arg)
{
	struct das_match *d = arg;

	if (!portal_das_match(d->ids, s, portal_acct_session_id(s->ip)))
		return;
	if (d->n < sizeof(d->ip) / sizeof(d->ip[0]))
		d->ip[d->n++] = s->ip;
	else
		d->more = true;
}

/* RFC 5176 Disconnect-Request for Portal sessions (portal_das.h): every
 * session it names is logged out as by the AC (NTF_LOGOUT to its
 * portal) and ACKed; a request naming none is left to the next room. */
static bool das_request(void *ctx, const struct radius_msg *req,
			uint32_t *error_cause)
{
	struct portal_das_ids ids;
	struct das_match d = { .ids = &ids };
	size_t i, ended = 0;
	int err;

	(void)ctx;
	*error_cause = RADIUS_ERR_CAUSE_SESSION_NOT_FOUND;
	if (!g.running || radius_msg_code(req) != RADIUS_DISCONNECT_REQUEST)
		return false;
	err = portal_das_ids_read(req, &ids);
	if (err == -EINVAL) {
		*error_cause = RADIUS_ERR_CAUSE_INVALID_REQUEST;
		log_info("RADIUS Disconnect-Request: malformed Calling-Station-Id or Framed-IP-Address (NAK, Error-Cause 404)");
		return false;
	}
	if (err)
		return false;
	do {
		d.n = 0;
		d.more = false;
		portal_sess_foreach(g.engine, das_collect, &d);
		for (i = 0; i < d.n; i++)
			if (!logout_ip(d.ip[i], RADIUS_TERM_ADMIN_RESET,
				       "RADIUS Disconnect-Request"))
				ended++;
	} while (d.more);
	arm();
	if (!ended)
		return false;
	fsrd_auth_stats()->das_disconnect++;
	log_info("RADIUS Disconnect-Request: %zu portal session%s ended (ACK)",
		 ended, ended == 1 ? "" : "s");
	return true;
}

/* --- the socket ------------------------------------------------------- */

static int server_of(const struct sockaddr_storage *from)
{
	size_t i;

	for (i = 0; i < g.n_servers; i++) {
		const struct sockaddr_storage *a = &g.servers[i].addr;

		if (a->ss_family != from->ss_family)
			continue;
		if (a->ss_family == AF_INET &&
		    ((const struct sockaddr_in *)a)->sin_addr.s_addr ==
		    ((const struct sockaddr_in *)from)->sin_addr.s_addr)
			return (int)i;
		if (a->ss_family == AF_INET6 &&
		    !memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr,
			    &((const struct sockaddr_in6 *)from)->sin6_addr,
			    sizeof(struct in6_addr)))
			return (int)i;
	}
	return -1;
}

static void on_input(int fd, void *arg)
{
	uint8_t buf[PORTAL_MAX_LEN + 1];
	struct sockaddr_storage from;
	socklen_t flen = sizeof(from);
	enum portal_rx r;
	char a[64];
	ssize_t n;
	uint16_t port;
	int server;

	(void)arg;
	n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen);
	if (n < 0)
		return;
	server = server_of(&from);
	if (server < 0) {
		g.unknown_source++;
		radius_addr_str((struct sockaddr *)&from, a, sizeof(a));
		log_warn_rl("portal: packet from %s dropped: not a [portal_server]",
			    a);
		return;
	}
	port = ntohs(from.ss_family == AF_INET ?
		     ((struct sockaddr_in *)&from)->sin_port :
		     ((struct sockaddr_in6 *)&from)->sin6_port);
	r = portal_sess_rx(g.engine, server, port, buf, (size_t)n);
	switch (r) {
	case PORTAL_RX_MALFORMED:
	case PORTAL_RX_BAD_VERSION:
	case PORTAL_RX_BAD_AUTH:
	case PORTAL_RX_UNEXPECTED:
	case PORTAL_RX_FLOOD:
		log_warn_rl("portal: packet of %zd octets from [portal_server %s] %s",
			    n, g.servers[server].name, portal_rx_name(r));
		break;
	default:
		break;
	}
	arm();
}

/* The table with a chain on each portal BSS's interface; the walled
 * garden is the configured one and the portal servers' IPv4 addresses. */
static int fw_start(const struct fsrd_conf *c, char *err, size_t errlen)
{
	const struct fsrd_portal_conf *pc = &c->portal;
	struct fsrd_ipv4_prefix garden[FSRD_PORTAL_MAX_GARDEN +
				       FSRD_PORTAL_MAX_SERVERS];
	size_t nb = c->n_bss ? c->n_bss : 1;
	const char **ifn = calloc(nb, sizeof(*ifn));
	const uint8_t **brm = calloc(nb, sizeof(*brm));
	uint8_t (*macs)[6] = calloc(nb, sizeof(*macs));
	struct portal_fw_conf fc = {
		.ifnames = ifn, .bridge_macs = brm, .garden = garden,
		/* room for the sessions here and as many passes of peers */
		.max_sessions = pc->max_sessions * 2,
		.redirect_port = pc->url[0] ? (uint16_t)pc->redirect_port : 0,
	};
	size_t i;
	int ret = 0;

	if (!ifn || !brm || !macs) {
		snprintf(err, errlen, "portal: out of memory");
		ret = -ENOMEM;
		goto out;
	}
	for (i = 0; i < c->n_bss; i++) {
		char brname[IF_NAMESIZE] = "?";
		int idx, br;

		if (!c->bss[i].portal)
			continue;
		idx = (int)if_nametoindex(c->bss[i].ifname);
		if (idx > 0 && !link_bridge_of(idx, &br, macs[fc.n_ifnames])) {
			brm[fc.n_ifnames] = macs[fc.n_ifnames];
			if_indextoname((unsigned int)br, brname);
			if (fc.redirect_port)
				log_info("portal: %s is a port of bridge %s: web requests before login go up through %s to the redirect",
					 c->bss[i].ifname, brname, brname);
		}
		ifn[fc.n_ifnames++] = c->bss[i].ifname;
	}
	memcpy(garden, pc->garden, pc->n_garden * sizeof(*garden));
	fc.n_garden = pc->n_garden;
	for (i = 0; i < pc->n_servers; i++)
		if (pc->servers[i].addr.ss_family == AF_INET) {
			const struct sockaddr_in *sin =
				(const struct sockaddr_in *)&pc->servers[i].addr;

			garden[fc.n_garden].addr = ntohl(sin->sin_addr.s_addr);
			garden[fc.n_garden++].len = 32;
		}
	if (!fc.n_ifnames) {
		snprintf(err, errlen, "portal: [portal] is there but no BSS has portal = yes");
		ret = -EINVAL;
		goto out;
	}
	ret = portal_fw_start(&fc, err, errlen);
	if (!ret)
		log_info("portal: nftables table %s %s: %zu interface%s, walled garden of %zu prefix%s",
			 PORTAL_FW_FAMILY, PORTAL_FW_TABLE, fc.n_ifnames,
			 fc.n_ifnames == 1 ? "" : "s", fc.n_garden,
			 fc.n_garden == 1 ? "" : "es");
out:
	free(ifn);
	free(brm);
	free(macs);
	return ret;
}

int portal_svc_start(const struct fsrd_conf *c, char *err, size_t errlen)
{
	const struct fsrd_portal_conf *pc = &c->portal;
	struct portal_server_conf srv[FSRD_PORTAL_MAX_SERVERS];
	struct portal_sess_conf sc = {
		.max_sessions = pc->max_sessions,
		.max_pending = pc->max_pending,
		.challenge_timeout_s = pc->challenge_timeout_s,
		.aff_timeout_s = pc->aff_timeout_s,
		.bas_ip = pc->bas_ip,
		.ntf_tries = pc->ntf_tries,
		.ntf_backoff_ms = pc->ntf_backoff_ms,
	};
	char a[64];
	size_t i;
	int one = 1, ret;

	if (!c->have_portal || g.running)
		return 0;
	for (i = 0; i < pc->n_servers; i++) {
		srv[i].version = pc->servers[i].version;
		srv[i].secret = pc->servers[i].secret;
		srv[i].heartbeat_timeout_s = pc->servers[i].heartbeat_timeout_s;
	}
	/* the engine reports servers by name from its first timer on */
	memcpy(g.servers, pc->servers, sizeof(g.servers));
	g.n_servers = pc->n_servers;
	g.engine = portal_engine_new(&sc, srv, pc->n_servers, &ops, NULL);
	OPENSSL_cleanse(srv, sizeof(srv));
	if (!g.engine) {
		snprintf(err, errlen, "portal: cannot start the engine: out of memory");
		return -ENOMEM;
	}
	g.fd = socket(pc->listen.ss_family, SOCK_DGRAM | SOCK_NONBLOCK |
		      SOCK_CLOEXEC, 0);
	if (g.fd >= 0)
		setsockopt(g.fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (g.fd < 0 || bind(g.fd, (const struct sockaddr *)&pc->listen,
			     pc->listen_len) || ev_add_fd(g.fd, on_input, NULL)) {
		int e = errno ? errno : EIO;

		radius_addr_str((const struct sockaddr *)&pc->listen, a,
				sizeof(a));
		snprintf(err, errlen, "portal: cannot listen on %s: %s", a,
			 strerror(e));
		if (g.fd >= 0)
			close(g.fd);
		g.fd = -1;
		portal_engine_free(g.engine);
		g.engine = NULL;
		return -e;
	}
	ret = portal_acct_init(acct_expire, c->radius.acct_interim_s);
	if (ret)
		snprintf(err, errlen, "portal: no random bytes for session ids");
	if (!ret) {
		ret = http_start(c, err, errlen);
		if (!ret && pc->url[0])
			log_info("portal: web requests before login get a 302 to %s (redirected to TCP port %u)",
				 pc->url, pc->redirect_port);
	}
	if (!ret) {
		ret = fw_start(c, err, errlen);
		if (ret)
			portal_http_stop();
	}
	if (!ret) {
		ret = portal_roam_start(pc->max_sessions);
		if (ret) {
			snprintf(err, errlen, "portal: out of memory");
			portal_fw_stop();
			portal_http_stop();
		}
	}
	if (ret) {
		portal_acct_exit();
		ev_del_fd(g.fd);
		close(g.fd);
		g.fd = -1;
		portal_engine_free(g.engine);
		g.engine = NULL;
		return ret;
	}
	memcpy(g.servers, pc->servers, sizeof(g.servers));
	g.n_servers = pc->n_servers;
	g.timer.fn = on_timer;
	g.reconnect_s = pc->reconnect_timeout_s;
	g.escape_open = pc->escape_open;
	g.escaped = false;
	g.ntf_tries = pc->ntf_tries;
	g.running = true;
	arm();
	radius_svc_set_das_handler(RADIUS_DAS_PORTAL, das_request, NULL);
	radius_addr_str((const struct sockaddr *)&pc->listen, a, sizeof(a));
	log_info("portal: listening on %s for %zu portal server%s", a,
		 g.n_servers, g.n_servers == 1 ? "" : "s");
	return 0;
}

void portal_svc_stop(void)
{
	struct pending *p;

	if (!g.running)
		return;
	radius_svc_set_das_handler(RADIUS_DAS_PORTAL, NULL, NULL);
	/* the engine cancels what is under way through cancel(); sessions
	 * online get their accounting Stop */
	g.stopping = true;
	g.end_cause = RADIUS_TERM_NAS_REBOOT;
	portal_engine_free(g.engine);
	g.end_cause = 0;
	g.engine = NULL;
	portal_acct_exit();
	portal_roam_stop();
	portal_fw_stop();
	portal_http_stop();
	g.stopping = false;
	while ((p = g.pending)) {
		g.pending = p->next;
		free(p);
	}
	ev_timer_cancel(&g.timer);
	ev_del_fd(g.fd);
	close(g.fd);
	g.fd = -1;
	OPENSSL_cleanse(g.servers, sizeof(g.servers));
	g.running = false;
}

struct ips_of {
	const uint8_t *mac;
	uint32_t ip[8];
	size_t n;
};

static void ip_of_mac(const struct portal_sess *s, void *arg)
{
	struct ips_of *o = arg;

	if (o->n < sizeof(o->ip) / sizeof(o->ip[0]) &&
	    !memcmp(s->mac, o->mac, 6))
		o->ip[o->n++] = s->ip;
}

int portal_svc_logout_mac(const uint8_t mac[6], uint32_t cause,
			  const char *reason)
{
	struct ips_of o = { .mac = mac };
	int n = 0;
	size_t i;

	if (!g.running)
		return -ENOTCONN;
	do {
		o.n = 0;
		portal_sess_foreach(g.engine, ip_of_mac, &o);
		for (i = 0; i < o.n; i++)
			if (!logout_ip(o.ip[i], cause, reason))
				n++;
	} while (o.n == sizeof(o.ip) / sizeof(o.ip[0]));
	arm();
	return n;
}

/* ip's station left this AP (from ""), or (LEFT) the peer AP it was at
 * (from " R1KH ..."): an online session goes to the reconnect store for
 * keep_s with its pass removed here; without keep_s, or not online, it
 * ends. */
static void sess_left(uint32_t ip, unsigned int keep_s, const char *from)
{
	const struct portal_sess *s = portal_sess_find(g.engine, ip);
	char m[MACSTR_LEN], ipb[16], err[256];

	/* already kept: a station that authenticates again before its
	 * association is taken apart once more (not a new leave) */
	if (!s || s->state == PORTAL_S_AWAY)
		return;
	if (s->state != PORTAL_S_ONLINE || !keep_s) {
		logout_ip(ip, RADIUS_TERM_LOST_CARRIER, from[0] ?
			  "the station left the peer AP" :
			  "the station left the AP");
		return;
	}
	if (portal_fw_set(false, s->mac, s->ip, true, err, sizeof(err)))
		log_warn("portal: %s (%s): %s",
			 ip_str(s->ip, ipb, sizeof(ipb)),
			 fsrd_mac_str(s->mac, m), err);
	portal_sess_away(g.engine, ip, keep_s * 1000ull);
	sess_trace(s->mac, "portal: %s (%s) '%s' left%s: session kept %u s for its return",
		   ip_str(s->ip, ipb, sizeof(ipb)), fsrd_mac_str(s->mac, m),
		   s->user, from, keep_s);
}

void portal_svc_sta_gone(const struct fsrd_sta *sta)
{
	struct ips_of o = { .mac = sta->addr };
	struct fsrd_bss *b;
	unsigned int it = 0;
	char m[MACSTR_LEN], ipb[16], peer[MACSTR_LEN];
	uint8_t from[6];
	size_t i;

	if (!g.running || !sta->bss->conf->portal)
		return;
	/* a pass of a peer's session it had here */
	portal_roam_sta_gone(sta);
	/* what its entry here counted stays in its sessions' accounting */
	portal_acct_sta_leaving(sta);
	/* a roam between portal BSSes of this fsrd: the session follows (the
	 * rules hold on every portal interface) */
	while ((b = bss_next(&it)))
		if (b != sta->bss && b->conf->portal &&
		    sta_find(&b->stas, sta->addr)) {
			log_dbg("portal: %s moved to %s: its sessions go on",
				fsrd_mac_str(sta->addr, m), b->conf->ifname);
			return;
		}
	portal_sess_foreach(g.engine, ip_of_mac, &o);
	for (i = 0; i < o.n; i++) {
		if (portal_acct_is_remote(o.ip[i], from)) {
			/* its old entry here went; it is at a peer */
			log_dbg("portal: %s (%s) is at R1KH %s: its session goes on",
				ip_str(o.ip[i], ipb, sizeof(ipb)),
				fsrd_mac_str(sta->addr, m),
				fsrd_mac_str(from, peer));
			continue;
		}
		sess_left(o.ip[i], g.reconnect_s, "");
	}
	arm();
}

void portal_svc_sta_authorized(const struct fsrd_sta *sta)
{
	struct ips_of o = { .mac = sta->addr };
	char m[MACSTR_LEN], ipb[16], err[256];
	size_t i;

	if (!g.running || !sta->bss->conf->portal)
		return;
	portal_roam_sta_authorized(sta);
	portal_sess_foreach(g.engine, ip_of_mac, &o);
	for (i = 0; i < o.n; i++) {
		const struct portal_sess *s = portal_sess_find(g.engine,
							       o.ip[i]);

		if (s && s->state == PORTAL_S_ONLINE &&
		    portal_acct_is_remote(s->ip, NULL)) {
			/* back from a peer AP: its pair never left the sets */
			portal_acct_local(s->ip);
			trace_sta(sta->bss, sta->addr, TRACE_EV_PORTAL,
				  "portal: %s back from a peer AP: session of '%s' goes on here",
				  ip_str(s->ip, ipb, sizeof(ipb)), s->user);
			continue;
		}
		if (!s || s->state != PORTAL_S_AWAY ||
		    portal_sess_resume(g.engine, o.ip[i]))
			continue;
		if (portal_fw_set(true, s->mac, s->ip, true, err,
				  sizeof(err))) {
			log_err("portal: %s (%s) back, session kept, but not let through: %s",
				ip_str(s->ip, ipb, sizeof(ipb)),
				fsrd_mac_str(s->mac, m), err);
			continue;
		}
		trace_sta(sta->bss, sta->addr, TRACE_EV_PORTAL,
			  "portal: %s back within the reconnect timeout: session of '%s' resumed, no login",
			  ip_str(s->ip, ipb, sizeof(ipb)), s->user);
	}
	arm();
}

/* A station gone from a peer AP is kept at least this long for a HERE
 * from another one (the old AP may notice first). */
#define ROAM_GRACE_S 5u

const char *portal_svc_rx_report(const uint8_t from[6],
				 const struct rrb_portal *p)
{
	const struct portal_sess *s;
	const char *id;
	struct rrb_portal ack;
	char m[MACSTR_LEN], ipb[16], peer[MACSTR_LEN], where[64];
	unsigned int keep;
	int cur;

	if (!g.running)
		return "the Portal service is not running";
	s = portal_sess_find(g.engine, p->ip);
	id = portal_acct_session_id(p->ip);
	memset(&ack, 0, sizeof(ack));
	memcpy(ack.sta, p->sta, 6);
	ack.ip = p->ip;
	snprintf(ack.session_id, sizeof(ack.session_id), "%s", p->session_id);
	fsrd_mac_str(from, peer);
	if (!s || memcmp(s->mac, p->sta, 6) || !id ||
	    strcmp(id, p->session_id) ||
	    (s->state != PORTAL_S_ONLINE && s->state != PORTAL_S_AWAY &&
	     s->state != PORTAL_S_WAIT_AFF)) {
		/* the peer holds a pass of a session that is gone */
		ack.op = RRB_PORTAL_DROP;
		mobility_portal_pass(&ack, from);
		return "no such session here (DROP sent back)";
	}
	ip_str(p->ip, ipb, sizeof(ipb));
	fsrd_mac_str(p->sta, m);
	if (p->op == RRB_PORTAL_HERE && s->state == PORTAL_S_AWAY) {
		char err[256];

		if (portal_sess_resume(g.engine, p->ip))
			return "session not resumable";
		/* its pair here again, for a roam back */
		if (portal_fw_set(true, s->mac, s->ip, true, err, sizeof(err)))
			log_warn("portal: %s (%s): %s", ipb, m, err);
	}
	cur = portal_acct_remote(p->ip, from, p);
	if (p->op == RRB_PORTAL_HERE)
		sess_trace(s->mac, "portal: %s (%s) '%s' is at R1KH %s: session %s goes on there, no login",
			   ipb, m, s->user, peer, id);
	if (p->op == RRB_PORTAL_LEFT) {
		if (cur != 1)
			return NULL;	/* an earlier visit's end */
		keep = g.reconnect_s > ROAM_GRACE_S ? g.reconnect_s :
						      ROAM_GRACE_S;
		snprintf(where, sizeof(where), " R1KH %s", peer);
		sess_left(p->ip, keep, where);
		arm();
		return NULL;
	}
	/* HERE and STATS: confirmed, so the peer keeps letting it through */
	ack.op = RRB_PORTAL_PASS;
	snprintf(ack.user, sizeof(ack.user), "%s", s->user);
	mobility_portal_pass(&ack, from);
	arm();
	return NULL;
}

const char *portal_svc_server_name(int server)
{
	if (server < 0 || (size_t)server >= g.n_servers)
		return "?";
	return g.servers[server].name;
}

const struct portal_engine *portal_svc_engine(void)
{
	return g.engine;
}

uint64_t portal_svc_unknown_source(void)
{
	return g.unknown_source;
}

const char *portal_svc_escape(bool *escaped, uint64_t *escapes)
{
	*escaped = g.escaped;
	*escapes = g.escapes;
	return g.escape_open ? "open" : "closed";
}

size_t portal_svc_n_servers(void)
{
	return g.n_servers;
}
