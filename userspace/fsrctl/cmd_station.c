// SPDX-License-Identifier: GPL-2.0-only
/* fsrctl station show [MAC] [bss IFNAME]: fsrd's stations. */
#include <string.h>

#include "fsr_parse.h"
#include "fsrd_client.h"
#include "view.h"

static int station_show(struct ctl *c, int argc, char **argv)
{
	struct json_object *reply, *st;
	int ret;

	ret = fsrd_call_sel(c, "station_show", argc, argv, &reply);
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
