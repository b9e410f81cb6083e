// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsrctl pmksa show|flush [MAC] and fsrctl auth show: fsrd's PMKSA cache
 * (never key bytes) and the counters of how stations got their keys, the
 * EAP relay and the RADIUS servers.
 */
#include <inttypes.h>

#include "fsr_parse.h"
#include "fsrd_client.h"
#include "view.h"

/* Ask fsrd: cmd with an optional station; *reply on EXIT_OK. */
/* [MAC]: at most one argument, a MAC address, into macs. */
static int opt_mac(struct ctl *c, int argc, char **argv, char *macs,
		   const char **addr)
{
	uint8_t mac[6];

	*addr = NULL;
	if (argc > 1)
		return ctl_usage(c, "unexpected argument '%s'", argv[1]);
	if (argc == 1) {
		if (fsr_parse_mac(argv[0], mac))
			return ctl_usage(c, "invalid MAC address '%s'",
					 argv[0]);
		fsr_format_mac(mac, macs);
		*addr = macs;
	}
	return EXIT_OK;
}

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
	char macs[FSR_MAC_STRLEN];
	const char *addr;
	int ret;

	ret = opt_mac(c, argc, argv, macs, &addr);
	if (!ret)
		ret = fsrd_ask(c, "pmksa_show", addr, NULL, &reply);
	if (ret)
		return ret;
	if (!json_object_object_get_ex(reply, "entries", &list) ||
	    !json_object_is_type(list, json_type_array)) {
		json_object_put(reply);
		return ctl_fail(c, "malformed reply from fsrd");
	}
	if (c->json) {
		json_object_object_del(reply, "ok");
		return ctl_print_json(c, reply);
	}
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
	if (c->json) {
		json_object_object_del(reply, "ok");
		return ctl_print_json(c, reply);
	}
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
	if (c->json) {
		json_object_object_del(reply, "ok");
		return ctl_print_json(c, reply);
	}
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
