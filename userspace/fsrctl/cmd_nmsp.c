// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsrctl nmsp show: the location servers connected to fsrd's NMSP-style
 * link (address, state, MAC and name, subscriptions, octets queued) and
 * the link's counters, refusals by reason.
 */
#include <inttypes.h>
#include <string.h>

#include "fsrd_client.h"

static const char *str(struct json_object *o, const char *k)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, k, &v) ||
	    !json_object_is_type(v, json_type_string))
		return "-";
	return json_object_get_string(v);
}

static void print_text(struct json_object *reply)
{
	struct json_object *list, *subs, *v;
	size_t i, j, n;

	json_object_object_get_ex(reply, "peers", &list);
	n = json_object_array_length(list);
	printf("%zu location server%s\n", n, n == 1 ? "" : "s");
	if (n)
		printf("%-21s %-10s %-17s %-16s %6s  %s\n", "ADDRESS", "STATE",
		       "MAC", "NAME", "QUEUED", "SUBSCRIPTIONS");
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
		printf("%-21s %-10s %-17s %-16s %6" PRIu64 "  %s\n",
		       str(p, "addr"), str(p, "state"), str(p, "mac"),
		       str(p, "name"), v ? json_object_get_uint64(v) : 0,
		       *sub ? sub : "-");
	}
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

int cmd_nmsp(struct ctl *c, int argc, char **argv)
{
	static const struct ctl_sub subs[] = {
		{ "show", nmsp_show },
	};

	return ctl_subcommand(c, "nmsp", subs,
			      sizeof(subs) / sizeof(subs[0]), "show",
			      argc, argv);
}
