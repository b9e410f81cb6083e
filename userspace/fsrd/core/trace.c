// SPDX-License-Identifier: GPL-2.0-only
/* The per-client trace: a log line and a push to the control socket. */
#include <stdarg.h>
#include <stdio.h>

#include "ap/bss.h"
#include "ctl/ctl.h"
#include "core/log.h"
#include "core/trace.h"

void trace_sta_log(enum fsrd_log_level level, const struct fsrd_bss *b,
		   const uint8_t *addr, const char *event, const char *fmt,
		   ...)
{
	char detail[400];
	char mac[MACSTR_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	fsrd_log(level, "%s: %s: %s", b->conf->ifname,
		 fsrd_mac_str(addr, mac), detail);
	ctl_trace_push(b->conf->ifname, addr,
		       event ? event : trace_event_classify(detail), detail);
}
