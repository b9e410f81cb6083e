// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsrctl pmksa show|flush [MAC] and fsrctl auth show: fsrd's PMKSA cache
 * (never key bytes) and the counters of how stations got their keys, the
 * EAP relay and the RADIUS servers.
 */
#include <inttypes.h>
#include <string.h>

#include "fsr_parse.h"
#include "fsrd_client.h"
#include "view.h"

/* Ask fsrd: cmd with an optional station; *reply on EXIT_OK. */
static int ask(struct ctl *c, const char *cmd, const char *addr,
	       struct json_object **reply)
{
	struct json_object *req = json_object_new_object();
	int ret;

	json_object_object_add(req, "cmd", json_object_new_string(cmd));
	if (addr)
		json_object_object_add(req, "addr",
				       json_object_new_string(addr));
	ret = fsrd_call(c, req, reply, false);
	return ret == FSRD_ABSENT ? EXIT_FAIL : ret;
}

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

static const char *str(struct json_object *o, const char *k)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, k, &v))
		return "-";
	return json_object_get_string(v);
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
	struct json_object *reply, *list, *e, *v;
	char macs[FSR_MAC_STRLEN];
	const char *addr;
	size_t i, n;
	int ret;

	ret = opt_mac(c, argc, argv, macs, &addr);
	if (!ret)
		ret = ask(c, "pmksa_show", addr, &reply);
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
	if (json_object_object_get_ex(reply, "enabled", &v) &&
	    !json_object_get_boolean(v))
		printf("no BSS of fsrd uses 802.1X: no PMKSA cache\n");
	n = json_object_array_length(list);
	if (n)
		printf("%-17s  %-17s  %-32s  %-11s  %8s  %-3s  %s\n", "STA",
		       "BSSID", "PMKID", "AKM", "EXPIRES", "OKC", "USER");
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(list, i);
		printf("%-17s  %-17s  %-32s  %-11s  %7" PRIu64 "s  %-3s  %s\n",
		       str(e, "sta"), str(e, "bssid"), str(e, "pmkid"),
		       str(e, "akm_suite"), num(e, "expires_in"),
		       json_object_object_get_ex(e, "okc", &v) &&
		       json_object_get_boolean(v) ? "yes" : "no",
		       str(e, "user"));
	}
	json_object_put(reply);
	return ctl_flush(c);
}

static int pmksa_flush(struct ctl *c, int argc, char **argv)
{
	struct json_object *req, *reply;
	char macs[FSR_MAC_STRLEN];
	const char *addr = NULL, *bss = NULL;
	uint8_t mac[6];
	int i, ret;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "bss")) {
			if (++i == argc)
				return ctl_usage(c, "bss needs an interface name");
			bss = argv[i];
		} else if (!addr) {
			if (fsr_parse_mac(argv[i], mac))
				return ctl_usage(c, "invalid MAC address '%s'",
						 argv[i]);
			fsr_format_mac(mac, macs);
			addr = macs;
		} else {
			return ctl_usage(c, "unexpected argument '%s'", argv[i]);
		}
	}
	req = json_object_new_object();
	json_object_object_add(req, "cmd", json_object_new_string("pmksa_flush"));
	if (addr)
		json_object_object_add(req, "addr", json_object_new_string(addr));
	if (bss)
		json_object_object_add(req, "bss", json_object_new_string(bss));
	ret = fsrd_call(c, req, &reply, false);
	if (ret == FSRD_ABSENT)
		return EXIT_FAIL;
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
	c->what = "pmksa";
	c->help_topic = "pmksa";
	if (argc < 1)
		return ctl_usage(c, "missing subcommand (show, flush)");
	if (!strcmp(argv[0], "show")) {
		c->what = "pmksa show";
		return pmksa_show(c, argc - 1, argv + 1);
	}
	if (!strcmp(argv[0], "flush")) {
		c->what = "pmksa flush";
		return pmksa_flush(c, argc - 1, argv + 1);
	}
	return ctl_usage(c, "unknown subcommand '%s'", argv[0]);
}

/* "  key value" for every member of o (numbers and booleans). */
static void print_members(const char *title, struct json_object *o)
{
	if (!o || !json_object_is_type(o, json_type_object))
		return;
	printf("%s\n", title);
	json_object_object_foreach(o, k, v)
		printf("    %-22s %s\n", k, json_object_get_string(v));
}

static void print_servers(const char *kind, struct json_object *a)
{
	size_t i, n;

	if (!a || !json_object_is_type(a, json_type_array))
		return;
	n = json_object_array_length(a);
	for (i = 0; i < n; i++) {
		struct json_object *s = json_object_array_get_idx(a, i), *v;
		char title[160];

		snprintf(title, sizeof(title), "%s %s (%s): %s", kind,
			 str(s, "name"), str(s, "address"),
			 json_object_object_get_ex(s, "dead", &v) &&
			 json_object_get_boolean(v) ? "dead" : "alive");
		json_object_object_del(s, "name");
		json_object_object_del(s, "address");
		json_object_object_del(s, "dead");
		print_members(title, s);
	}
}

static int auth_show(struct ctl *c, int argc, char **argv)
{
	struct json_object *reply, *o;
	int ret;

	if (argc > 0)
		return ctl_usage(c, "unexpected argument '%s'", argv[0]);
	ret = ask(c, "auth_show", NULL, &reply);
	if (ret)
		return ret;
	if (c->json) {
		json_object_object_del(reply, "ok");
		return ctl_print_json(c, reply);
	}
	json_object_object_get_ex(reply, "auth", &o);
	print_members("authentications", o);
	if (json_object_object_get_ex(reply, "eap", &o))
		print_members("eap", o);
	if (json_object_object_get_ex(reply, "pmksa", &o))
		print_members("pmksa", o);
	if (json_object_object_get_ex(reply, "auth_servers", &o))
		print_servers("auth_server", o);
	if (json_object_object_get_ex(reply, "acct_servers", &o))
		print_servers("acct_server", o);
	if (json_object_object_get_ex(reply, "das", &o))
		print_members("das", o);
	json_object_put(reply);
	return ctl_flush(c);
}

int cmd_auth(struct ctl *c, int argc, char **argv)
{
	c->what = "auth";
	c->help_topic = "auth";
	if (argc < 1)
		return ctl_usage(c, "missing subcommand (show)");
	if (!strcmp(argv[0], "show")) {
		c->what = "auth show";
		return auth_show(c, argc - 1, argv + 1);
	}
	return ctl_usage(c, "unknown subcommand '%s'", argv[0]);
}
