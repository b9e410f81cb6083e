// SPDX-License-Identifier: GPL-2.0-only
/* fsrctl: the command-line interface of fsr.ko and fsrd. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "ctl.h"
#include "usage.h"

#ifndef FSRCTL_VERSION
#define FSRCTL_VERSION "unknown"
#endif

static int cmd_help(struct ctl *c, int argc, char **argv)
{
	c->what = "help";
	c->help_topic = "help";
	if (argc == 0) {
		usage_all(stdout);
		return ctl_flush(c);
	}
	if (argc > 1)
		return ctl_usage(c, "unexpected argument '%s'", argv[1]);
	if (usage_topic(stdout, argv[0]) < 0)
		return ctl_usage(c, "unknown command '%s'", argv[0]);
	return ctl_flush(c);
}

static bool is_help(const char *a)
{
	return !strcmp(a, "--help") || !strcmp(a, "-h");
}

static int dispatch(struct ctl *c, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(struct ctl *c, int argc, char **argv);
	} cmds[] = {
		{ "info", cmd_info },
		{ "bss", cmd_bss },
		{ "pmk", cmd_pmk },
		{ "stats", cmd_stats },
		{ "monitor", cmd_monitor },
		{ "station", cmd_station },
		{ "pmksa", cmd_pmksa },
		{ "auth", cmd_auth },
		{ "portal", cmd_portal },
		{ "nmsp", cmd_nmsp },
		{ "peer", cmd_peer },
		{ "help", cmd_help },
	};
	size_t i;

	if (argc < 1)
		return ctl_usage(c, "missing command");
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		if (strcmp(argv[0], cmds[i].name))
			continue;
		/* "fsrctl pmksa --help", "fsrctl pmksa show --help": the
		 * help of the command (where an option may stand) */
		if ((argc > 1 && is_help(argv[1])) ||
		    (argc > 2 && is_help(argv[2]))) {
			if (usage_topic(stdout, argv[0]) < 0)
				return ctl_usage(c, "no help on '%s'", argv[0]);
			return ctl_flush(c);
		}
		return cmds[i].fn(c, argc - 1, argv + 1);
	}
	return ctl_usage(c, "unknown command '%s'", argv[0]);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "socket", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct ctl c = { 0 };
	int ret;
	int o;

	opterr = 0;
	while ((o = getopt_long(argc, argv, "+js:hV", opts, NULL)) != -1) {
		switch (o) {
		case 'j':
			c.json = true;
			break;
		case 's':
			c.socket_path = optarg;
			break;
		case 'h':
			usage_all(stdout);
			return ctl_flush(&c);
		case 'V':
			printf("fsrctl %s\n", FSRCTL_VERSION);
			return ctl_flush(&c);
		default:
			if (optopt == 's')
				return ctl_usage(&c, "--socket needs a PATH");
			if (optopt)
				return ctl_usage(&c, "unknown option '-%c'",
						 optopt);
			return ctl_usage(&c, "unknown option '%s'",
					 argv[optind - 1]);
		}
	}
	ret = dispatch(&c, argc - optind, argv + optind);
	ctl_close(&c);
	return ret;
}
