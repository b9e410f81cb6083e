// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsrctl pmksa show|flush [MAC] and fsrctl auth show: fsrd's PMKSA cache
 * (never key bytes) and the counters of how stations got their keys, the
 * EAP relay and the RADIUS servers.
 */
#include <inttypes.h>

#include "fsrd_client.h"
#include "view.h"

static uint64_t num(struct json_object *o, const char *k)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, k, &v))
		return 0;
	return json_object_get_uint64(v);
}

static int pmksa_show(struct ctl *c, int argc, char **argv)
{
	struct json_object *reply, *list;
	int ret;

	ret = fsrd_ask_mac(c, "pmksa_show", argc, argv, &reply);
	if (!ret)
		ret = fsrd_reply_array(c, reply, "entries", &list);
	if (ret)
		return ret;
	if (c->json)
		return fsrd_print_reply(c, reply);
	fmt_pmksa_text(stdout, reply);
	json_object_put(reply);
	return ctl_flush(c);
}

static int pmksa_flush(struct ctl *c, int argc, char **argv)
{
	struct json_object *reply;
	int ret;

	ret = fsrd_call_sel(c, "pmksa_flush", argc, argv, &reply);
	if (ret)
		return ret;
	if (c->json)
		return fsrd_print_reply(c, reply);
	printf("removed %" PRIu64 " PMKSA(s)\n", num(reply, "removed"));
	json_object_put(reply);
	return ctl_flush(c);
}

int cmd_pmksa(struct ctl *c, int argc, char **argv)
{
	static const struct ctl_sub subs[] = {
		{ "show", pmksa_show },
		{ "flush", pmksa_flush },
	};

	return ctl_subcommand(c, "pmksa", subs,
			      sizeof(subs) / sizeof(subs[0]), "show, flush",
			      argc, argv);
}

static int auth_show(struct ctl *c, int argc, char **argv)
{
	struct json_object *reply;
	int ret;

	if (argc > 0)
		return ctl_usage(c, "unexpected argument '%s'", argv[0]);
	ret = fsrd_ask(c, "auth_show", NULL, NULL, &reply);
	if (ret)
		return ret;
	if (c->json)
		return fsrd_print_reply(c, reply);
	fmt_auth_text(stdout, reply);
	json_object_put(reply);
	return ctl_flush(c);
}

int cmd_auth(struct ctl *c, int argc, char **argv)
{
	static const struct ctl_sub subs[] = {
		{ "show", auth_show },
	};

	return ctl_subcommand(c, "auth", subs, sizeof(subs) / sizeof(subs[0]),
			      "show", argc, argv);
}
