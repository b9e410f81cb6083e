// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsrd's control socket (see ctl.h): non-blocking, several clients at once,
 * bounded buffers. A malformed or oversize request gets an error reply; a
 * client that does not read its replies or trace loses trace lines (and
 * is told how many), then is disconnected if even a reply cannot be
 * queued.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "ap/bss.h"
#include "ctl/ctl.h"
#include "ctl/ctl_auth.h"
#include "ctl/ctl_nmsp.h"
#include "ctl/ctl_peer.h"
#include "ctl/ctl_portal.h"
#include "portal/portal_svc.h"
#include "radius/radius_msg.h"
#include "ctl/ctl_proto.h"
#include "fsr_names.h"
#include "core/ieee80211.h"
#include "core/log.h"
#include "drv/nl80211.h"
#include "eap/sta_eap.h"
#include "keys/keystore.h"
#include "mobility/mobility.h"

#ifndef FSRD_VERSION
#define FSRD_VERSION "0"
#endif

#define CTL_MAX_CLIENTS	8
#define CTL_OUT_MAX	(4u << 20)	/* queued reply bytes per client */
#define CTL_TRACE_MAX	(256u << 10)	/* queued trace bytes per client */

struct ctl_client {
	int fd;				/* -1: free slot */
	struct ctl_linebuf in;
	char *out;
	size_t out_len;
	size_t out_cap;
	bool monitor;
	bool mon_any;			/* every station */
	uint8_t mon_addr[6];
	unsigned long lost;		/* trace lines dropped */
};

static struct {
	int fd;
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	const struct fsrd_conf *conf;
	bool init;
	struct ctl_client cl[CTL_MAX_CLIENTS];
} ctl = { .fd = -1 };

static uint64_t realtime_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Milliseconds since the epoch of a monotonic ev_now_ms() value. */
static uint64_t mono_to_real(uint64_t mono_ms)
{
	uint64_t now = ev_now_ms(), real = realtime_ms();

	return mono_ms > now ? real + (mono_ms - now) : real - (now - mono_ms);
}

static void client_close(struct ctl_client *c)
{
	if (c->fd < 0)
		return;
	ev_del_fd(c->fd);
	close(c->fd);
	free(c->out);
	memset(c, 0, sizeof(*c));
	c->fd = -1;
}

static void client_writable(int fd, void *arg);

/*
 * Write what is queued; what the socket does not take now goes when it
 * is writable again (the loop watches it only while output waits).
 * 0, or -1 when the client is gone (closed).
 */
static int client_flush(struct ctl_client *c)
{
	ssize_t n;

	while (c->out_len) {
		n = send(c->fd, c->out, c->out_len, MSG_DONTWAIT | MSG_NOSIGNAL);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				break;
			client_close(c);
			return -1;
		}
		memmove(c->out, c->out + n, c->out_len - (size_t)n);
		c->out_len -= (size_t)n;
	}
	if (ev_want_write(c->fd, c->out_len ? client_writable : NULL)) {
		client_close(c);
		return -1;
	}
	return 0;
}

static void client_writable(int fd, void *arg)
{
	(void)fd;
	client_flush(arg);
}

/* Queue one line; false when it does not fit under limit. */
static bool client_queue(struct ctl_client *c, const char *s, size_t len,
			 size_t limit)
{
	size_t need = c->out_len + len + 1;
	char *p;

	if (need > limit)
		return false;
	if (need > c->out_cap) {
		size_t cap = c->out_cap ? c->out_cap : 4096;

		while (cap < need)
			cap *= 2;
		p = realloc(c->out, cap);
		if (!p)
			return false;
		c->out = p;
		c->out_cap = cap;
	}
	memcpy(c->out + c->out_len, s, len);
	c->out[c->out_len + len] = '\n';
	c->out_len = need;
	return true;
}

/* Send (queue and flush) o, released; -1 when the client was closed. */
static int client_send(struct ctl_client *c, struct json_object *o)
{
	const char *s;
	bool ok;

	if (!o) {
		client_close(c);
		return -1;
	}
	s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
					      JSON_C_TO_STRING_NOSLASHESCAPE);
	ok = s && client_queue(c, s, strlen(s), CTL_OUT_MAX);
	json_object_put(o);
	if (!ok) {
		log_warn("control socket: a client does not read its replies: disconnected");
		client_close(c);
		return -1;
	}
	return client_flush(c);
}

static void add_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, json_object_new_string(v));
}

static void add_int(struct json_object *o, const char *k, int64_t v)
{
	json_object_object_add(o, k, json_object_new_int64(v));
}

static void add_bool(struct json_object *o, const char *k, bool v)
{
	json_object_object_add(o, k, json_object_new_boolean(v));
}

static void add_mac(struct json_object *o, const char *k, const uint8_t *m)
{
	char mac[MACSTR_LEN];

	add_str(o, k, fsrd_mac_str(m, mac));
}

static void add_time(struct json_object *o, const char *k, uint64_t mono)
{
	char buf[40];

	ctl_format_time(mono_to_real(mono), buf, sizeof(buf));
	add_str(o, k, buf);
}

/* Printable bytes as they are, the others as \xNN. */
static void add_ssid(struct json_object *o, const char *k, const uint8_t *s,
		     size_t len)
{
	char buf[4 * 32 + 1];
	size_t i, n = 0;

	for (i = 0; i < len && i < 32; i++) {
		if (s[i] >= 0x20 && s[i] < 0x7f && s[i] != '\\')
			buf[n++] = (char)s[i];
		else
			n += (size_t)snprintf(buf + n, sizeof(buf) - n,
					      "\\x%02x", s[i]);
	}
	buf[n] = '\0';
	add_str(o, k, buf);
}

/* "akm": name (null when unknown) and "akm_suite": "00-0f-ac:4" */
static void add_suite(struct json_object *o, const char *k, uint32_t v,
		      const char *name)
{
	char key[32], sv[16];

	json_object_object_add(o, k, name ? json_object_new_string(name) :
					    NULL);
	snprintf(key, sizeof(key), "%s_suite", k);
	snprintf(sv, sizeof(sv), "%02x-%02x-%02x:%u", v >> 24,
		 (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
	add_str(o, key, sv);
}

static const char *sta_how(const struct fsrd_sta *s)
{
	if (s->state != FSRD_STA_ASSOC)
		return "none";
	if (s->served_by_kernel)
		return "ft-kernel";
	if (s->roamed_ft)
		return "ft-userspace";
	return "4-way";
}

static struct json_object *sta_json(const struct fsrd_sta *s)
{
	const struct fsrd_bss *b = s->bss;
	struct json_object *o = json_object_new_object();
	struct json_object *bo = json_object_new_object();
	struct nl80211_sta_counters cnt;
	uint64_t now = ev_now_ms();
	int err;

	add_mac(o, "addr", s->addr);
	add_str(bo, "ifname", b->conf->ifname);
	add_mac(bo, "bssid", b->addr);
	add_ssid(bo, "ssid", b->conf->ssid, b->conf->ssid_len);
	json_object_object_add(o, "bss", bo);
	add_str(o, "state", s->state == FSRD_STA_ASSOC ? "associated" :
						  "authenticated");
	add_int(o, "aid", s->aid);
	if (s->state == FSRD_STA_ASSOC) {
		add_suite(o, "akm", s->akm, fsr_akm_suite_name(s->akm));
		add_suite(o, "cipher", s->pairwise,
			  fsr_cipher_suite_name(s->pairwise));
	}
	add_time(o, "since", s->since_ms);
	add_int(o, "since_s", (int64_t)((now - s->since_ms) / 1000));
	add_str(o, "how", sta_how(s));
	add_bool(o, "authorized", s->authorized);
	add_bool(o, "rekey_pending", s->rekey_pending);
	if (s->in_kernel) {
		err = nl80211_get_sta_counters(b->ifindex, s->addr, &cnt);
		if (!err) {
			struct json_object *c = json_object_new_object();

			add_str(c, "source", "nl80211");
			add_int(c, "rx_bytes", (int64_t)cnt.rx_bytes);
			add_int(c, "tx_bytes", (int64_t)cnt.tx_bytes);
			add_int(c, "rx_packets", (int64_t)cnt.rx_packets);
			add_int(c, "tx_packets", (int64_t)cnt.tx_packets);
			add_int(c, "tx_failed", (int64_t)cnt.tx_failed);
			add_int(c, "inactive_ms", (int64_t)cnt.inactive_ms);
			if (cnt.signal_valid)
				add_int(c, "signal_dbm", cnt.signal);
			json_object_object_add(o, "counters", c);
		} else {
			add_str(o, "counters_error", strerror(-err));
		}
	}
	return o;
}

static bool bss_match(const struct fsrd_bss *b, const struct ctl_req *r)
{
	return b->started && (!r->has_bss || !strcmp(b->conf->ifname, r->bss));
}

/* The running BSS on interface ifname, or NULL. */
static struct fsrd_bss *bss_named(const char *ifname)
{
	unsigned int i = 0;
	struct fsrd_bss *b;

	while ((b = bss_next(&i)))
		if (!strcmp(b->conf->ifname, ifname))
			return b;
	return NULL;
}

static bool bss_known(const struct ctl_req *r)
{
	return bss_named(r->bss);
}

static int do_station_show(struct ctl_client *c, const struct ctl_req *r)
{
	struct json_object *o, *a;
	struct fsrd_sta *s;
	struct fsrd_bss *b;
	char msg[80], mac[MACSTR_LEN];
	unsigned int i = 0;
	size_t found = 0;

	if (r->has_bss && !bss_known(r)) {
		snprintf(msg, sizeof(msg), "no BSS on interface %s", r->bss);
		return client_send(c, ctl_reply_error(msg));
	}
	a = json_object_new_array();
	while ((b = bss_next(&i))) {
		if (!bss_match(b, r))
			continue;
		for (s = b->stas.head; s; s = s->next) {
			if (r->has_addr && memcmp(s->addr, r->addr, 6))
				continue;
			json_object_array_add(a, sta_json(s));
			found++;
		}
	}
	if (r->has_addr && !found) {
		json_object_put(a);
		snprintf(msg, sizeof(msg), "no station %s",
			 fsrd_mac_str(r->addr, mac));
		return client_send(c, ctl_reply_error(msg));
	}
	o = ctl_reply_ok();
	json_object_object_add(o, "stations", a);
	return client_send(c, o);
}

static void add_akms(struct json_object *o, enum fsrd_security sec)
{
	struct json_object *a = json_object_new_array();
	static const uint32_t psk[] = { 0x000fac02 };
	static const uint32_t ft_psk[] = { 0x000fac04, 0x000fac02 };
	static const uint32_t eap[] = { 0x000fac01 };
	static const uint32_t ft_eap[] = { 0x000fac03, 0x000fac01 };
	const uint32_t *v = psk;
	size_t i, n = 1;

	switch (sec) {
	case FSRD_SEC_FT_PSK:
		v = ft_psk;
		n = 2;
		break;
	case FSRD_SEC_WPA2_EAP:
		v = eap;
		break;
	case FSRD_SEC_FT_EAP:
		v = ft_eap;
		n = 2;
		break;
	default:
		break;
	}
	for (i = 0; i < n; i++)
		json_object_array_add(a, json_object_new_string(
					  fsr_akm_suite_name(v[i])));
	json_object_object_add(o, "akms", a);
}

/* The R0KH/R1KH key transport's counters (mobility/mobility.h). */
static void add_rrb(struct json_object *ft, const struct fsrd_bss *b)
{
	const struct mob_counters *m = mobility_counters(b);
	struct json_object *r;

	if (!m)
		return;
	r = json_object_new_object();
	add_str(r, "interface", b->conf->rrb_ifname);
	add_bool(r, "pmk_r1_push", b->conf->pmk_r1_push);
	add_int(r, "r0kh", (int64_t)b->conf->n_r0kh);
	add_int(r, "r1kh", (int64_t)b->conf->n_r1kh);
#define C(f) add_int(r, #f, (int64_t)m->f)
	C(rx); C(rx_malformed); C(rx_unknown_peer); C(rx_auth_fail);
	C(rx_replay); C(rx_deferred); C(rx_dropped); C(rx_unsupported);
	C(rx_group_ignored); C(rkh_learned); C(rkh_forgotten);
	C(rkh_learn_full); C(pull_blocked);
	C(push_rx); C(push_refused); C(push_tx); C(push_tx_fail);
	C(revoke_rx); C(revoke_refused); C(revoke_tx); C(revoke_tx_fail);
	C(pmksa_rx); C(pmksa_refused); C(pmksa_tx); C(pmksa_tx_fail);
	C(portal_rx); C(portal_refused); C(portal_tx);
	C(pull_rx); C(pull_rx_nak); C(pull_refused); C(pull_tx);
	C(pull_tx_fail); C(pulled); C(pull_nak); C(pull_timeout);
	C(pull_busy); C(resp_refused);
	C(seq_req_tx); C(seq_resp_tx); C(seq_resp_rx);
#undef C
	json_object_object_add(ft, "rrb", r);
}

/* FT over the DS (ap/ft_ds.h): shown once it is on. */
static void add_ds(struct json_object *ft, const struct fsrd_bss *b)
{
	const struct ft_ds_counters *d = ft_ds_counters(b);
	struct json_object *r;

	if (!b->conf->ft_over_ds)
		return;
	r = json_object_new_object();
#define C(f) add_int(r, #f, (int64_t)d->f)
	C(req_fwd); C(req_refused); C(resp_relayed); C(resp_dropped);
	C(rx_req); C(rx_req_dropped); C(rx_malformed); C(tx_fail);
#undef C
	json_object_object_add(ft, "ds", r);
}

static struct json_object *bss_json(const struct fsrd_bss *b)
{
	const struct fsrd_bss_conf *bc = b->conf;
	struct json_object *o = json_object_new_object();
	const struct fsrd_sta *s;
	size_t assoc = 0;
	uint64_t last;

	for (s = b->stas.head; s; s = s->next)
		if (s->state == FSRD_STA_ASSOC)
			assoc++;
	add_str(o, "name", bc->name);
	add_str(o, "ifname", bc->ifname);
	add_int(o, "ifindex", b->ifindex);
	add_mac(o, "bssid", b->addr);
	add_ssid(o, "ssid", bc->ssid, bc->ssid_len);
	add_bool(o, "started", b->started);
	add_int(o, "channel", bc->channel);
	add_int(o, "freq", bc->freq_mhz);
	add_str(o, "security", fsrd_security_name(bc->security));
	add_akms(o, bc->security);
	add_suite(o, "cipher", bc->pairwise_cipher,
		  fsr_cipher_suite_name(bc->pairwise_cipher));
	add_int(o, "stations", (int64_t)assoc);
	add_int(o, "stations_known", (int64_t)b->stas.n);
	add_int(o, "max_stations", bc->max_stations);
	add_int(o, "gtk_idx", b->group.key_idx);
	add_int(o, "gtk_rekey_interval_s", bc->gtk_rekey_s);
	/* the rekey timer is armed gtk_rekey_s after the GTK was set */
	if (bc->gtk_rekey_s && b->rekey_timer.armed) {
		last = b->rekey_timer.when_ms - (uint64_t)bc->gtk_rekey_s * 1000;
		add_time(o, "gtk_set", last);
		add_time(o, "gtk_next_rekey", b->rekey_timer.when_ms);
	}
	add_int(o, "rekey_pending", b->rekey_pending);
	/* frames fsrd dropped on this BSS (since it started) */
	add_int(o, "eapol_dropped", (int64_t)b->eapol_dropped);
	add_int(o, "mgmt_bad_sa", (int64_t)b->mgmt_bad_sa);
	if (b->wconf.ft) {
		struct json_object *ft = json_object_new_object();
		char md[8];

		snprintf(md, sizeof(md), "%04x", b->gconf->mdid);
		add_str(ft, "mobility_domain", md);
		add_mac(ft, "r1kh_id", b->ft.r1kh_id);
		add_bool(ft, "kernel_fast_path", b->gconf->kernel_fast_path);
		add_bool(ft, "over_ds", b->conf->ft_over_ds);
		add_rrb(ft, b);
		add_ds(ft, b);
		json_object_object_add(o, "ft", ft);
	}
	return o;
}

static int do_bss_show(struct ctl_client *c, const struct ctl_req *r)
{
	struct json_object *o, *a;
	struct fsrd_bss *b;
	unsigned int i = 0;
	char msg[80];

	if (r->has_bss && !bss_known(r)) {
		snprintf(msg, sizeof(msg), "no BSS on interface %s", r->bss);
		return client_send(c, ctl_reply_error(msg));
	}
	a = json_object_new_array();
	while ((b = bss_next(&i)))
		if (!r->has_bss || !strcmp(b->conf->ifname, r->bss))
			json_object_array_add(a, bss_json(b));
	o = ctl_reply_ok();
	json_object_object_add(o, "bss", a);
	return client_send(c, o);
}

static int do_monitor(struct ctl_client *c, const struct ctl_req *r)
{
	struct json_object *o = ctl_reply_ok();

	c->monitor = true;
	c->mon_any = !r->has_addr;
	memcpy(c->mon_addr, r->addr, 6);
	if (r->has_addr)
		add_mac(o, "monitor", r->addr);
	else
		add_str(o, "monitor", "all");
	return client_send(c, o);
}

static int do_pmksa_flush(struct ctl_client *c, const struct ctl_req *r)
{
	const uint8_t *aa = NULL;
	struct json_object *o;
	char msg[80];

	if (r->has_bss) {
		const struct fsrd_bss *b = bss_named(r->bss);

		aa = b ? b->addr : NULL;
		if (!aa) {
			snprintf(msg, sizeof(msg), "no BSS on interface %s",
				 r->bss);
			return client_send(c, ctl_reply_error(msg));
		}
	}
	o = ctl_reply_ok();
	add_int(o, "removed", (int64_t)keys_pmksa_flush(
			r->has_addr ? r->addr : NULL, aa));
	return client_send(c, o);
}

/* The AC ends the station's portal sessions; {"ok":true,"logged_out":N}.
 * A station with none is an error, so is a daemon without Portal. */
static int do_portal_logout(struct ctl_client *c, const struct ctl_req *r)
{
	struct json_object *o;
	char m[MACSTR_LEN];
	int n;

	if (!r->has_addr)
		return client_send(c, ctl_reply_error(
			"portal_logout needs \"addr\" (the station's MAC)"));
	n = portal_svc_logout_mac(r->addr, RADIUS_TERM_ADMIN_RESET,
				  "logged out by the administrator");
	if (n == -ENOTCONN)
		return client_send(c, ctl_reply_error(
			"Portal is not configured (no [portal] section)"));
	if (n <= 0)
		return client_send(c, ctl_reply_error(
			"no portal session for this station"));
	log_info("portal: %s: %d session%s ended by fsrctl",
		 fsrd_mac_str(r->addr, m), n, n == 1 ? "" : "s");
	o = ctl_reply_ok();
	add_int(o, "logged_out", n);
	return client_send(c, o);
}

/* {"ok":true} with the members of o. */
static struct json_object *ok_with(struct json_object *o)
{
	struct json_object *r = ctl_reply_ok();

	json_object_object_foreach(o, k, v)
		json_object_object_add(r, k, json_object_get(v));
	json_object_put(o);
	return r;
}

static int do_peer_show(struct ctl_client *c, const struct ctl_req *r)
{
	const struct fsrd_bss *b = NULL;
	char msg[80];

	if (r->has_bss) {
		b = bss_named(r->bss);
		if (!b) {
			snprintf(msg, sizeof(msg), "no BSS on interface %s",
				 r->bss);
			return client_send(c, ctl_reply_error(msg));
		}
	}
	return client_send(c, ok_with(ctl_peer_json(b, mono_to_real)));
}

static int do_request(void *arg, char *line, size_t len)
{
	struct ctl_client *c = arg;
	struct json_object *o;
	struct ctl_req r;
	char err[160];

	if (ctl_req_parse(line, len, &r, err, sizeof(err)))
		return client_send(c, ctl_reply_error(err));
	switch (r.cmd) {
	case CTL_CMD_PING:
		o = ctl_reply_ok();
		add_str(o, "version", FSRD_VERSION);
		add_int(o, "pid", getpid());
		add_int(o, "bss_count", (int64_t)bss_count());
		return client_send(c, o);
	case CTL_CMD_STATION_SHOW:
		return do_station_show(c, &r);
	case CTL_CMD_BSS_SHOW:
		return do_bss_show(c, &r);
	case CTL_CMD_MONITOR:
		return do_monitor(c, &r);
	case CTL_CMD_PMKSA_SHOW:
		return client_send(c, ok_with(ctl_pmksa_json(r.has_addr ?
							    r.addr : NULL)));
	case CTL_CMD_PMKSA_FLUSH:
		return do_pmksa_flush(c, &r);
	case CTL_CMD_AUTH_SHOW:
		return client_send(c, ok_with(ctl_auth_json(ctl.conf)));
	case CTL_CMD_PORTAL_SHOW:
		return client_send(c, ok_with(ctl_portal_json(r.has_addr ?
							     r.addr : NULL)));
	case CTL_CMD_PORTAL_LOGOUT:
		return do_portal_logout(c, &r);
	case CTL_CMD_NMSP_SHOW:
		return client_send(c, ok_with(ctl_nmsp_json()));
	case CTL_CMD_PEER_SHOW:
		return do_peer_show(c, &r);
	case CTL_CMD_NMSP_AUTH_SHOW:
	case CTL_CMD_NMSP_AUTH_ADD:
	case CTL_CMD_NMSP_AUTH_DEL:
		return client_send(c, ctl_nmsp_auth(&r, ctl.conf->path));
	case __CTL_CMD_END:
		break;
	}
	return client_send(c, ctl_reply_error("unknown command"));
}

static void client_input(int fd, void *arg)
{
	struct ctl_client *c = arg;
	char buf[4096];
	ssize_t n;
	int ret;

	(void)fd;
	n = recv(c->fd, buf, sizeof(buf), MSG_DONTWAIT);
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK ||
		      errno == EINTR))
		return;
	if (n <= 0) {
		client_close(c);
		return;
	}
	ret = ctl_linebuf_feed(&c->in, buf, (size_t)n, do_request, c);
	if (ret == -EMSGSIZE && c->fd >= 0) {
		/* no way to find the next request: answer and hang up */
		client_send(c, ctl_reply_error("request too long"));
		if (c->fd >= 0)
			client_close(c);
	}
}

/*
 * The socket file is 0600, but its mode is not the whole story (a file
 * descriptor can be passed on, a directory can be made writable): the
 * kernel's word on who connected decides. Root and fsrd's own user only.
 */
static bool peer_allowed(int cfd)
{
	static const char no[] =
		"{\"ok\":false,\"error\":\"permission denied\"}\n";
	struct ucred cr;
	socklen_t len = sizeof(cr);

	if (getsockopt(cfd, SOL_SOCKET, SO_PEERCRED, &cr, &len)) {
		log_warn("control socket: no peer credentials: %s",
			 strerror(errno));
		return false;
	}
	if (cr.uid == 0 || cr.uid == geteuid())
		return true;
	if (send(cfd, no, sizeof(no) - 1, MSG_DONTWAIT | MSG_NOSIGNAL) < 0)
		log_dbg("control socket: %s", strerror(errno));
	log_warn_rl("control socket: client refused: uid %u pid %d is neither root nor fsrd's user",
		    (unsigned int)cr.uid, (int)cr.pid);
	return false;
}

static void listen_input(int fd, void *arg)
{
	struct ctl_client *c = NULL;
	size_t i;
	int cfd;

	(void)arg;
	cfd = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (cfd < 0)
		return;
	if (!peer_allowed(cfd)) {
		close(cfd);
		return;
	}
	for (i = 0; i < CTL_MAX_CLIENTS && !c; i++)
		if (ctl.cl[i].fd < 0)
			c = &ctl.cl[i];
	if (!c || ev_add_fd(cfd, client_input, c)) {
		static const char busy[] =
			"{\"ok\":false,\"error\":\"too many control clients\"}\n";

		if (send(cfd, busy, sizeof(busy) - 1,
			 MSG_DONTWAIT | MSG_NOSIGNAL) < 0)
			log_dbg("control socket: %s", strerror(errno));
		close(cfd);
		log_warn_rl("control socket: client refused (too many)");
		return;
	}
	memset(c, 0, sizeof(*c));
	c->fd = cfd;
}

void ctl_trace_push(const char *ifname, const uint8_t *addr,
		    const char *event, const char *detail)
{
	struct json_object *o = NULL;
	const char *s = NULL;
	size_t i;

	if (!ctl.init)
		return;
	for (i = 0; i < CTL_MAX_CLIENTS; i++) {
		struct ctl_client *c = &ctl.cl[i];

		if (c->fd < 0 || !c->monitor ||
		    (!c->mon_any && memcmp(c->mon_addr, addr, 6)))
			continue;
		if (!o) {
			o = ctl_trace_json(realtime_ms(), ifname, addr, event,
					   detail);
			s = o ? json_object_to_json_string_ext(o,
					JSON_C_TO_STRING_PLAIN |
					JSON_C_TO_STRING_NOSLASHESCAPE) : NULL;
			if (!s)
				break;
		}
		if (c->lost) {
			char note[96];
			int n = snprintf(note, sizeof(note),
					 "{\"lost\":%lu}", c->lost);

			if (!client_queue(c, note, (size_t)n, CTL_TRACE_MAX))
				goto lost;
			c->lost = 0;
		}
		if (!client_queue(c, s, strlen(s), CTL_TRACE_MAX))
			goto lost;
		client_flush(c);
		continue;
lost:
		c->lost++;
	}
	json_object_put(o);
}

int ctl_start(const struct fsrd_conf *conf)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct stat st;
	size_t i;
	int fd, err;

	ctl.conf = conf;
	for (i = 0; i < CTL_MAX_CLIENTS; i++)
		ctl.cl[i].fd = -1;
	ctl.init = true;
	if (strlen(conf->ctrl_socket) >= sizeof(sa.sun_path))
		return -ENAMETOOLONG;
	strcpy(sa.sun_path, conf->ctrl_socket);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	/* a socket left by a dead fsrd goes; a live one stays */
	if (!lstat(sa.sun_path, &st)) {
		if (!S_ISSOCK(st.st_mode)) {
			err = -EEXIST;
			goto fail;
		}
		if (!connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
			err = -EADDRINUSE;
			goto fail;
		}
		close(fd);
		unlink(sa.sun_path);
		fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
			    0);
		if (fd < 0)
			return -errno;
	}
	/* 0600 from the start: no window where others may connect */
	{
		mode_t old = umask(0177);

		err = bind(fd, (struct sockaddr *)&sa, sizeof(sa));
		umask(old);
	}
	if (err || chmod(sa.sun_path, 0600) || listen(fd, 8)) {
		err = -errno;
		goto fail;
	}
	err = ev_add_fd(fd, listen_input, NULL);
	if (err) {
		unlink(sa.sun_path);
		goto fail;
	}
	ctl.fd = fd;
	strcpy(ctl.path, sa.sun_path);
	log_info("control socket %s", ctl.path);
	return 0;
fail:
	close(fd);
	log_warn("control socket %s: %s: running without it", sa.sun_path,
		 strerror(-err));
	return err;
}

void ctl_stop(void)
{
	size_t i;

	if (!ctl.init)
		return;
	for (i = 0; i < CTL_MAX_CLIENTS; i++) {
		if (ctl.cl[i].fd >= 0 && ctl.cl[i].out_len)
			client_flush(&ctl.cl[i]);
		client_close(&ctl.cl[i]);
	}
	if (ctl.fd < 0)
		return;
	ev_del_fd(ctl.fd);
	close(ctl.fd);
	unlink(ctl.path);
	ctl.fd = -1;
}
