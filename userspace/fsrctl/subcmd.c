// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>
#include <string.h>

#include "ctl.h"

int ctl_subcommand(struct ctl *c, const char *cmd, const struct ctl_sub *subs,
		   size_t n, const char *names, int argc, char **argv)
{
	size_t i;

	c->what = cmd;
	c->help_topic = cmd;
	if (argc < 1)
		return ctl_usage(c, "missing subcommand (%s)", names);
	for (i = 0; i < n; i++) {
		if (strcmp(argv[0], subs[i].name))
			continue;
		snprintf(c->what_buf, sizeof(c->what_buf), "%s %s", cmd,
			 subs[i].name);
		c->what = c->what_buf;
		return subs[i].fn(c, argc - 1, argv + 1);
	}
	return ctl_usage(c, "unknown subcommand '%s'", argv[0]);
}
