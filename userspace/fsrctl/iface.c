// SPDX-License-Identifier: GPL-2.0-only
#include <net/if.h>
#include <string.h>

#include "ctl.h"

int ctl_ifindex(struct ctl *c, const char *name, uint32_t *ifindex)
{
	unsigned int idx = 0;

	if (strlen(name) < IF_NAMESIZE)
		idx = if_nametoindex(name);
	if (!idx)
		return ctl_fail(c, "no such interface: %s", name);
	*ifindex = idx;
	return EXIT_OK;
}
