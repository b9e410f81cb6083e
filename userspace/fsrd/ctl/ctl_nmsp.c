// SPDX-License-Identifier: GPL-2.0-only
/*
 * nmsp_show (ctl_nmsp.h): the location servers connected now (address,
 * direction, MAC and name once past INIT, subscriptions, octets queued),
 * client mode's servers (state, retries, the next try, the last error)
 * and the link's counters, refusals by reason.
 */
#include "ctl/ctl_nmsp.h"

#include <stdio.h>

#include "core/evloop.h"
#include "core/log.h"
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
