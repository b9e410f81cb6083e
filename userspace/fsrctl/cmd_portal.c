// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsrctl portal show [MAC] and fsrctl portal logout MAC: fsrd's Portal
 * sessions (user, MAC, IP, state, portal server, time online, where the
 * station is), the passes of peer APs' sessions kept here, the service's
 * counters, and the AC ending a station's sessions.
 */
#include <inttypes.h>
#include <string.h>

#include "fsr_parse.h"
#include "fsrd_client.h"

/* The portal servers: up or down since when, and escape mode. */
static void print_servers(struct json_object *reply)
{
	struct json_object *list, *v;
	bool escaped = false;
	size_t i, n;

	if (!json_object_object_get_ex(reply, "servers", &list))
		return;
	n = json_object_array_length(list);
	for (i = 0; i < n; i++) {
		struct json_object *s = json_object_array_get_idx(list, i);
		bool up = json_object_object_get_ex(s, "up", &v) &&
			  json_object_get_boolean(v);

		printf("portal server %s: %s for %" PRIu64 " s\n",
		       fsrd_str(s, "name"), up ? "up" : "DOWN",
		       fsrd_u64(s, "since_s"));
	}
	if (json_object_object_get_ex(reply, "escaped", &v))
		escaped = json_object_get_boolean(v);
	printf("escape mode: %s (escape = %s)\n",
	       !escaped ? "off" : !strcmp(fsrd_str(reply, "escape"), "open") ?
	       "ON, stations pass without login" :
	       "every server down, stations stay blocked",
	       fsrd_str(reply, "escape"));
}

/* Passes of sessions logged in at peer APs (the anchors). */
static void print_visitors(struct json_object *reply)
{
	struct json_object *list, *v;
	size_t i, n;

	if (!json_object_object_get_ex(reply, "visitors", &list))
		return;
	n = json_object_array_length(list);
	if (!n)
		return;
	printf("%zu pass%s of sessions at peer APs\n", n, n == 1 ? "" : "es");
	printf("%-15s %-17s %-20s %-10s %8s  %s\n", "IP", "MAC", "SESSION",
	       "HERE ON", "SINCE", "ANCHOR/USER");
	for (i = 0; i < n; i++) {
		struct json_object *s = json_object_array_get_idx(list, i);
		bool here = json_object_object_get_ex(s, "here", &v) &&
			    json_object_get_boolean(v);

		printf("%-15s %-17s %-20s %-10s %7" PRIu64 "s  %s/%s\n",
		       fsrd_str(s, "ip"), fsrd_str(s, "mac"),
		       fsrd_str(s, "session"),
		       here ? fsrd_str(s, "interface") : "-",
		       fsrd_u64(s, "since_s"), fsrd_str(s, "anchor"),
		       fsrd_str(s, "user"));
	}
}

static void print_text(struct json_object *reply)
{
	struct json_object *list, *v;
	size_t i, n;

	json_object_object_get_ex(reply, "sessions", &list);
	n = json_object_array_length(list);
	printf("%zu session%s\n", n, n == 1 ? "" : "s");
	if (n)
		printf("%-15s %-17s %-18s %-8s %-4s %8s  %-17s %-23s %s\n",
		       "IP", "MAC", "STATE", "SERVER", "AUTH", "ONLINE", "AT",
		       "OCTETS IN/OUT", "USER");
	for (i = 0; i < n; i++) {
		struct json_object *s = json_object_array_get_idx(list, i);
		char online[24] = "-", octets[48] = "-";

		if (json_object_object_get_ex(s, "online_s", &v))
			snprintf(online, sizeof(online), "%" PRId64 "s",
				 json_object_get_int64(v));
		if (json_object_object_get_ex(s, "in_octets", &v))
			snprintf(octets, sizeof(octets), "%" PRIu64 "/%" PRIu64,
				 fsrd_u64(s, "in_octets"),
				 fsrd_u64(s, "out_octets"));
		printf("%-15s %-17s %-18s %-8s %-4s %8s  %-17s %-23s %s\n",
		       fsrd_str(s, "ip"), fsrd_str(s, "mac"),
		       fsrd_str(s, "state"), fsrd_str(s, "server"),
		       fsrd_str(s, "auth"), online, fsrd_str(s, "at"), octets,
		       fsrd_str(s, "user"));
	}
	print_visitors(reply);
	print_servers(reply);
	fsrd_print_counters(reply);
}

static int portal_show(struct ctl *c, int argc, char **argv)
{
	struct json_object *reply, *list, *v;
	int ret;

	ret = fsrd_ask_mac(c, "portal_show", argc, argv, &reply);
	if (!ret)
		ret = fsrd_reply_array(c, reply, "sessions", &list);
	if (ret)
		return ret;
	if (c->json)
		return fsrd_print_reply(c, reply);
	if (json_object_object_get_ex(reply, "running", &v) &&
	    !json_object_get_boolean(v))
		printf("Portal is not configured (no [portal] section)\n");
	else
		print_text(reply);
	json_object_put(reply);
	return ctl_flush(c);
}

static int portal_logout(struct ctl *c, int argc, char **argv)
{
	struct json_object *reply, *v;
	char macs[FSR_MAC_STRLEN];
	uint8_t mac[6];
	int ret;

	if (argc < 1)
		return ctl_usage(c, "missing MAC");
	if (argc > 1)
		return ctl_usage(c, "unexpected argument '%s'", argv[1]);
	if (fsr_parse_mac(argv[0], mac))
		return ctl_usage(c, "invalid MAC address '%s'", argv[0]);
	fsr_format_mac(mac, macs);
	ret = fsrd_ask(c, "portal_logout", macs, NULL, &reply);
	if (ret)
		return ret;
	if (c->json)
		return fsrd_print_reply(c, reply);
	json_object_object_get_ex(reply, "logged_out", &v);
	printf("logged out %" PRId64 " session(s) of %s\n",
	       v ? json_object_get_int64(v) : 0, macs);
	json_object_put(reply);
	return ctl_flush(c);
}

int cmd_portal(struct ctl *c, int argc, char **argv)
{
	static const struct ctl_sub subs[] = {
		{ "show", portal_show },
		{ "logout", portal_logout },
	};

	return ctl_subcommand(c, "portal", subs,
			      sizeof(subs) / sizeof(subs[0]), "show, logout",
			      argc, argv);
}
