// SPDX-License-Identifier: GPL-2.0-only
/* fsrctl station show [MAC] [bss IFNAME]: fsrd's stations. */

#include "fsr_parse.h"
#include "fsrd_client.h"
#include "view.h"

static int station_show(struct ctl *c, int argc, char **argv)
{
	struct json_object *reply, *st;
	int ret;

	ret = fsrd_call_sel(c, "station_show", argc, argv, &reply);
	if (!ret)
		ret = fsrd_reply_array(c, reply, "stations", &st);
	if (ret)
		return ret;
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
	static const struct ctl_sub subs[] = {
		{ "show", station_show },
	};

	return ctl_subcommand(c, "station", subs,
			      sizeof(subs) / sizeof(subs[0]), "show", argc,
			      argv);
}
