// SPDX-License-Identifier: GPL-2.0-only
/* fsrd's stderr logger. */
#include <stdarg.h>
#include <stdio.h>

#include "core/log.h"

static enum fsrd_log_level cur_level = FSRD_LOG_INFO;

static const char *const level_names[] = {
	[FSRD_LOG_ERR] = "error",
	[FSRD_LOG_WARN] = "warning",
	[FSRD_LOG_INFO] = "info",
	[FSRD_LOG_DEBUG] = "debug",
};

void fsrd_log_set_level(enum fsrd_log_level level)
{
	cur_level = level;
}

enum fsrd_log_level fsrd_log_get_level(void)
{
	return cur_level;
}

void fsrd_log(enum fsrd_log_level level, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	if (level > cur_level)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	/* one write per line so concurrent writers do not interleave */
	fprintf(stderr, "fsrd: %s: %s\n", level_names[level], line);
}

const char *fsrd_mac_str(const uint8_t *mac, char *buf)
{
	snprintf(buf, MACSTR_LEN, "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	return buf;
}
