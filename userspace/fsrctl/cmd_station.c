// SPDX-License-Identifier: GPL-2.0-only
/* fsrctl station show [MAC] [bss IFNAME]: fsrd's stations. */
#include <string.h>

#include "fsr_parse.h"
#include "fsrd_client.h"
#include "view.h"

static int station_show(struct ctl *c, int argc, char **argv)
{
	struct json_object *req, *reply, *st;
	uint8_t mac[6];
	char macs[FSR_MAC_STRLEN];
	const char *bss = NULL, *addr = NULL;
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
	json_object_object_add(req, "cmd",
			       json_object_new_string("station_show"));
	if (addr)
		json_object_object_add(req, "addr",
				       json_object_new_string(addr));
	if (bss)
		json_object_object_add(req, "bss", json_object_new_string(bss));
	ret = fsrd_call(c, req, &reply, false);
	if (ret == FSRD_ABSENT)
		return EXIT_FAIL;
	if (ret)
		return ret;
	if (!json_object_object_get_ex(reply, "stations", &st) ||
	    !json_object_is_type(st, json_type_array)) {
		json_object_put(reply);
		return ctl_fail(c, "malformed reply from fsrd");
	}
	if (c->json) {
		ret = ctl_print_json(c, json_object_get(st));
	} else {
		fmt_stations_text(stdout, st);
		ret = ctl_flush(c);
	}
	json_object_put(reply);
	return ret;
}

int cmd_station(struct ctl *c, int argc, char **argv)
{
	c->what = "station";
	c->help_topic = "station";
	if (argc < 1)
		return ctl_usage(c, "missing subcommand (show)");
	if (!strcmp(argv[0], "show")) {
		c->what = "station show";
		return station_show(c, argc - 1, argv + 1);
	}
	return ctl_usage(c, "unknown subcommand '%s'", argv[0]);
}
