// SPDX-License-Identifier: GPL-2.0-only
/*
 * nmsp_show (ctl_nmsp.h): the location servers connected now (address,
 * direction, MAC and name once past INIT, subscriptions, octets queued),
 * client mode's servers (state, retries, the next try, the last error)
 * and the link's counters, refusals by reason.
 */
#include "ctl/ctl_nmsp.h"

#include <stdio.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf_edit.h"
#include "core/evloop.h"
#include "core/log.h"
#include "ctl/ctl_proto.h"
#include "nmsp/nmsp_dial.h"
#include "nmsp/nmsp_svc.h"

static void add_u64(struct json_object *o, const char *k, uint64_t v)
{
	json_object_object_add(o, k, json_object_new_uint64(v));
}

static const char *const svc_names[NMSP_SVC_MAX + 1] = {
	[NMSP_SVC_CLIENT_RSSI] = "client-rssi",
	[NMSP_SVC_PROBE_RSSI] = "probe-rssi",
	[NMSP_SVC_STATION_EVENTS] = "station-events",
};

static void add_peer(const struct nmsp_svc_peer_info *i, void *arg)
{
	struct json_object *o = json_object_new_object(), *subs;
	char mac[MACSTR_LEN];
	int s;

	json_object_object_add(o, "addr", json_object_new_string(i->addr));
	json_object_object_add(o, "direction", json_object_new_string(
		i->dialled ? "out" : "in"));
	json_object_object_add(o, "state", json_object_new_string(
		i->up ? "up" : "connecting"));
	if (i->up) {
		json_object_object_add(o, "mac", json_object_new_string(
			fsrd_mac_str(i->mac, mac)));
		json_object_object_add(o, "name",
				       json_object_new_string(i->name));
	}
	subs = json_object_new_array();
	for (s = 1; s <= NMSP_SVC_MAX; s++)
		if (i->subscriptions & (1u << s))
			json_object_array_add(subs,
				json_object_new_string(svc_names[s]));
	json_object_object_add(o, "subscriptions", subs);
	add_u64(o, "queued", i->queued);
	json_object_array_add(arg, o);
}

static void add_server(const struct nmsp_dial_info *i, void *arg)
{
	struct json_object *o = json_object_new_object();
	uint64_t now = ev_now_ms();

	json_object_object_add(o, "addr", json_object_new_string(i->addr));
	json_object_object_add(o, "state", json_object_new_string(i->state));
	add_u64(o, "retries", i->retries);
	add_u64(o, "retries_max", NMSP_DIAL_RETRIES);
	if (i->next_try_ms)
		add_u64(o, "next_try_ms", i->next_try_ms > now ?
			i->next_try_ms - now : 0);
	add_u64(o, "tries", i->tries);
	add_u64(o, "sessions", i->sessions);
	if (i->last_error[0])
		json_object_object_add(o, "last_error",
				       json_object_new_string(i->last_error));
	json_object_array_add(arg, o);
}

struct json_object *ctl_nmsp_json(void)
{
	const struct nmsp_svc_stats *st = nmsp_svc_stats();
	struct json_object *o = json_object_new_object(), *c, *peers;
	char k[48];
	int i;

	json_object_object_add(o, "running",
			       json_object_new_boolean(nmsp_svc_running()));
	peers = json_object_new_array();
	json_object_object_add(o, "peers", peers);
	if (!nmsp_svc_running())
		return o;
	nmsp_svc_foreach(add_peer, peers);
	peers = json_object_new_array();
	json_object_object_add(o, "servers", peers);
	nmsp_dial_foreach(add_server, peers);
	c = json_object_new_object();
	add_u64(c, "connections", st->connections);
	add_u64(c, "tls_failed", st->tls_failed);
	for (i = 1; i <= NMSP_STATUS_MAX; i++) {
		char *d;

		snprintf(k, sizeof(k), "refused_%s", nmsp_status_name(i));
		for (d = k; *d; d++)
			if (*d == '-')
				*d = '_';
		add_u64(c, k, st->refused[i]);
	}
	add_u64(c, "slow_peers", st->slow_peers);
	add_u64(c, "rssi_entries", st->rssi_entries);
	add_u64(c, "messages_rx", st->messages_rx);
	add_u64(c, "messages_tx", st->messages_tx);
	json_object_object_add(o, "counters", c);
	return o;
}

static struct json_object *err_reply(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static struct json_object *err_reply(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return ctl_reply_error(msg);
}

static struct json_object *auth_list(void)
{
	const struct nmsp_auth_list *l = nmsp_svc_auth();
	struct json_object *o = ctl_reply_ok(), *a = json_object_new_array();
	char s[NMSP_AUTH_STRLEN], *sp;
	size_t i;

	for (i = 0; i < l->n; i++) {
		struct json_object *e = json_object_new_object();

		nmsp_auth_entry_format(&l->e[i], s);
		sp = strchr(s, ' ');
		*sp = '\0';
		json_object_object_add(e, "addr", json_object_new_string(s));
		json_object_object_add(e, "hash",
				       json_object_new_string(sp + 1));
		json_object_array_add(a, e);
	}
	json_object_object_add(o, "entries", a);
	return o;
}

/* Edit the file: add @e, or remove @e's lines (*@removed of them). */
static int persist(const char *path, const struct nmsp_auth_entry *e,
		   bool add, bool any_hash, int *removed)
{
	char *text, *out = NULL;
	size_t len, n;
	int ret;

	ret = conf_file_read(path, &text, &len);
	if (ret)
		return ret;
	if (add)
		ret = conf_nmsp_auth_add(text, len, e, &out, &n);
	else
		ret = conf_nmsp_auth_del(text, len, e, any_hash, &out, &n);
	free(text);
	if (ret < 0)
		return ret;
	if (removed)
		*removed = ret;
	ret = add || *removed ? conf_file_replace(path, out, n) : 0;
	free(out);
	return ret;
}

static struct json_object *auth_add(const struct ctl_req *r,
				    const char *path)
{
	struct nmsp_auth_list tmp;
	struct nmsp_auth_entry e;
	char s[NMSP_AUTH_STRLEN + 16], mac[MACSTR_LEN];
	const char *why;
	int ret;

	if (!r->has_addr || !r->has_hash)
		return ctl_reply_error("nmsp_auth_add needs \"addr\" (the location server's MAC) and \"hash\" (sha256:HEX or sha1:HEX)");
	snprintf(s, sizeof(s), "%s %s", fsrd_mac_str(r->addr, mac), r->hash);
	if (nmsp_auth_entry_parse(s, &e, &why))
		return err_reply("%s, got '%s'", why, r->hash);
	nmsp_auth_entry_format(&e, s);
	/* the list in force says no (on a copy) before the file is touched */
	tmp = *nmsp_svc_auth();
	ret = nmsp_auth_add(&tmp, &e);
	if (ret == -EEXIST)
		return err_reply("'%s' is in the auth list already", s);
	if (ret)
		return err_reply("the auth list is full (%d entries)",
				 NMSP_AUTH_MAX);
	ret = persist(path, &e, true, false, NULL);
	if (ret == -ENOENT)
		return err_reply("%s has no [nmsp] section any more (edited since fsrd started?): nothing changed",
				 path);
	if (ret)
		return err_reply("cannot write %s: %s: nothing changed", path,
				 strerror(-ret));
	nmsp_svc_auth_add(&e);
	log_info("nmsp: auth list: %s added by fsrctl, written to %s", s,
		 path);
	return auth_list();
}

static struct json_object *auth_del(const struct ctl_req *r,
				    const char *path)
{
	const struct nmsp_auth_list *l = nmsp_svc_auth();
	struct nmsp_auth_entry e = { 0 };
	char s[NMSP_AUTH_STRLEN + 16], mac[MACSTR_LEN];
	struct json_object *o;
	int ret, in_file = 0;
	const char *why;
	size_t i, n = 0;

	if (!r->has_addr)
		return ctl_reply_error("nmsp_auth_del needs \"addr\" (the location server's MAC), and \"hash\" to remove one of its entries only");
	fsrd_mac_str(r->addr, mac);
	if (r->has_hash) {
		snprintf(s, sizeof(s), "%s %s", mac, r->hash);
		if (nmsp_auth_entry_parse(s, &e, &why))
			return err_reply("%s, got '%s'", why, r->hash);
	}
	memcpy(e.mac, r->addr, 6);
	for (i = 0; i < l->n; i++)
		n += nmsp_auth_entry_matches(&l->e[i], &e, !r->has_hash);
	if (!n)
		return err_reply("%s%s is not in the auth list", mac,
				 r->has_hash ? " with this hash" : "");
	ret = persist(path, &e, false, !r->has_hash, &in_file);
	if (ret && ret != -ENOENT)
		return err_reply("cannot write %s: %s: nothing changed", path,
				 strerror(-ret));
	n = nmsp_svc_auth_del(&e, !r->has_hash);
	log_info("nmsp: auth list: %s removed by fsrctl (%zu entr%s; %d line%s of %s)",
		 mac, n, n == 1 ? "y" : "ies", in_file,
		 in_file == 1 ? "" : "s", path);
	o = auth_list();
	json_object_object_add(o, "removed", json_object_new_uint64(n));
	json_object_object_add(o, "removed_from_file",
			       json_object_new_int(in_file));
	return o;
}

struct json_object *ctl_nmsp_auth(const struct ctl_req *r,
				  const char *conf_path)
{
	if (!nmsp_svc_running())
		return ctl_reply_error("the location-server link is not configured (no [nmsp] section)");
	switch (r->cmd) {
	case CTL_CMD_NMSP_AUTH_ADD:
		return auth_add(r, conf_path);
	case CTL_CMD_NMSP_AUTH_DEL:
		return auth_del(r, conf_path);
	default:
		return auth_list();
	}
}
