// SPDX-License-Identifier: GPL-2.0-only
/* The daemon's counters of how stations got their keys (auth_stats.h). */
#include "core/auth_stats.h"

static struct fsrd_auth_stats stats;

struct fsrd_auth_stats *fsrd_auth_stats(void)
{
	return &stats;
}
