// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsrctl nmsp show: the location servers connected to fsrd's NMSP-style
 * link (address, direction, state, MAC and name, subscriptions, octets
 * queued), the servers client mode dials (state, retries, next try, last
 * error) and the link's counters, refusals by reason.
 * fsrctl nmsp authlist show|add|del: the auth list, changed by fsrd in
 * force and in fsrd.conf at once.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "fsr_parse.h"

#include "fsrd_client.h"

/* Client mode: one line per configured server. */
static void print_servers(struct json_object *reply)
{
	struct json_object *list, *v;
	size_t i, n;

	if (!json_object_object_get_ex(reply, "servers", &list) ||
	    !json_object_is_type(list, json_type_array) ||
	    !(n = json_object_array_length(list)))
		return;
	printf("client mode: %zu server%s\n", n, n == 1 ? "" : "s");
	printf("%-21s %-10s %7s %8s %5s %8s  %s\n", "SERVER", "STATE",
	       "RETRIES", "NEXT TRY", "TRIES", "SESSIONS", "LAST ERROR");
	for (i = 0; i < n; i++) {
		struct json_object *s = json_object_array_get_idx(list, i);
		char retries[16], next[16] = "-";

		snprintf(retries, sizeof(retries), "%" PRIu64 "/%" PRIu64,
			 fsrd_u64(s, "retries"), fsrd_u64(s, "retries_max"));
		if (json_object_object_get_ex(s, "next_try_ms", &v))
			snprintf(next, sizeof(next), "%.1f s",
				 (double)json_object_get_uint64(v) / 1000);
		printf("%-21s %-10s %7s %8s %5" PRIu64 " %8" PRIu64 "  %s\n",
		       fsrd_str(s, "addr"), fsrd_str(s, "state"), retries, next,
		       fsrd_u64(s, "tries"), fsrd_u64(s, "sessions"),
		       fsrd_str(s, "last_error"));
	}
}

static void print_text(struct json_object *reply)
{
	struct json_object *list, *subs, *v;
	size_t i, j, n;

	json_object_object_get_ex(reply, "peers", &list);
	n = json_object_array_length(list);
	printf("%zu location server%s\n", n, n == 1 ? "" : "s");
	if (n)
		printf("%-21s %-3s %-10s %-17s %-16s %6s  %s\n", "ADDRESS",
		       "DIR", "STATE", "MAC", "NAME", "QUEUED",
		       "SUBSCRIPTIONS");
	for (i = 0; i < n; i++) {
		struct json_object *p = json_object_array_get_idx(list, i);
		char sub[64] = "";

		if (json_object_object_get_ex(p, "subscriptions", &subs))
			for (j = 0; j < json_object_array_length(subs); j++)
				snprintf(sub + strlen(sub),
					 sizeof(sub) - strlen(sub), "%s%s",
					 j ? "," : "",
					 json_object_get_string(
					 json_object_array_get_idx(subs, j)));
		json_object_object_get_ex(p, "queued", &v);
		printf("%-21s %-3s %-10s %-17s %-16s %6" PRIu64 "  %s\n",
		       fsrd_str(p, "addr"), fsrd_str(p, "direction"), fsrd_str(p, "state"),
		       fsrd_str(p, "mac"),
		       fsrd_str(p, "name"), v ? json_object_get_uint64(v) : 0,
		       *sub ? sub : "-");
	}
	print_servers(reply);
	fsrd_print_counters(reply);
}

static int nmsp_show(struct ctl *c, int argc, char **argv)
{
	struct json_object *reply, *list, *v;
	int ret;

	if (argc > 0)
		return ctl_usage(c, "unexpected argument '%s'", argv[0]);
	ret = fsrd_ask(c, "nmsp_show", NULL, NULL, &reply);
	if (!ret)
		ret = fsrd_reply_array(c, reply, "peers", &list);
	if (ret)
		return ret;
	if (c->json)
		return fsrd_print_reply(c, reply);
	if (json_object_object_get_ex(reply, "running", &v) &&
	    !json_object_get_boolean(v))
		printf("the location-server link is not configured (no [nmsp] section)\n");
	else
		print_text(reply);
	json_object_put(reply);
	return ctl_flush(c);
}

static void print_entries(struct json_object *list)
{
	size_t i, n = json_object_array_length(list);

	printf("%zu entr%s\n", n, n == 1 ? "y" : "ies");
	if (n)
		printf("%-17s  %s\n", "MAC", "KEY HASH");
	for (i = 0; i < n; i++) {
		struct json_object *e = json_object_array_get_idx(list, i);

		printf("%-17s  %s\n", fsrd_str(e, "addr"), fsrd_str(e, "hash"));
	}
}

/* {"cmd":cmd,"addr":MAC[,"hash":HASH]} from the words MAC [HASH] */
static int auth_call(struct ctl *c, const char *cmd, int argc, char **argv,
		     bool need_hash)
{
	struct json_object *req, *reply, *list, *v;
	char macs[FSR_MAC_STRLEN];
	uint8_t mac[FSR_MAC_LEN];
	int ret;

	if (argc < 1)
		return ctl_usage(c, "missing MAC");
	if (need_hash && argc < 2)
		return ctl_usage(c, "missing key hash (sha256:HEX or sha1:HEX)");
	if (argc > 2)
		return ctl_usage(c, "unexpected argument '%s'", argv[2]);
	if (fsr_parse_mac(argv[0], mac))
		return ctl_usage(c, "invalid MAC address '%s'", argv[0]);
	fsr_format_mac(mac, macs);
	req = json_object_new_object();
	json_object_object_add(req, "cmd", json_object_new_string(cmd));
	json_object_object_add(req, "addr", json_object_new_string(macs));
	if (argc == 2)
		json_object_object_add(req, "hash",
				       json_object_new_string(argv[1]));
	ret = fsrd_call(c, req, &reply, false);
	if (ret)
		return ret == FSRD_ABSENT ? EXIT_FAIL : ret;
	if (c->json)
		return fsrd_print_reply(c, reply);
	if (json_object_object_get_ex(reply, "removed", &v))
		printf("removed %" PRIu64 " entr%s of %s\n",
		       json_object_get_uint64(v),
		       json_object_get_uint64(v) == 1 ? "y" : "ies", macs);
	else
		printf("added %s\n", macs);
	ret = fsrd_reply_array(c, reply, "entries", &list);
	if (ret)
		return ret;
	print_entries(list);
	json_object_put(reply);
	return ctl_flush(c);
}

static int auth_show(struct ctl *c, int argc, char **argv)
{
	struct json_object *reply, *list;
	int ret;

	if (argc > 0)
		return ctl_usage(c, "unexpected argument '%s'", argv[0]);
	ret = fsrd_ask(c, "nmsp_auth_show", NULL, NULL, &reply);
	if (!ret)
		ret = fsrd_reply_array(c, reply, "entries", &list);
	if (ret)
		return ret;
	if (c->json)
		return fsrd_print_reply(c, reply);
	print_entries(list);
	json_object_put(reply);
	return ctl_flush(c);
}

static int authlist(struct ctl *c, int argc, char **argv)
{
	if (argc < 1)
		return ctl_usage(c, "missing subcommand (show, add, del)");
	if (!strcmp(argv[0], "show"))
		return auth_show(c, argc - 1, argv + 1);
	if (!strcmp(argv[0], "add"))
		return auth_call(c, "nmsp_auth_add", argc - 1, argv + 1, true);
	if (!strcmp(argv[0], "del"))
		return auth_call(c, "nmsp_auth_del", argc - 1, argv + 1,
				 false);
	return ctl_usage(c, "unknown subcommand 'authlist %s'", argv[0]);
}

int cmd_nmsp(struct ctl *c, int argc, char **argv)
{
	static const struct ctl_sub subs[] = {
		{ "show", nmsp_show },
		{ "authlist", authlist },
	};

	return ctl_subcommand(c, "nmsp", subs,
			      sizeof(subs) / sizeof(subs[0]), "show, authlist",
			      argc, argv);
}
