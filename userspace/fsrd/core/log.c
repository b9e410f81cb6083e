// SPDX-License-Identifier: GPL-2.0-only
/* fsrd's stderr logger (see log.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/evloop.h"
#include "core/log.h"

static enum fsrd_log_level cur_level = FSRD_LOG_INFO;
static bool journal;

/* the names of log_level (fsrd.conf) and of the lines' level word */
static const char *const level_names[] = {
	[FSRD_LOG_ERR] = "error",
	[FSRD_LOG_WARN] = "warning",
	[FSRD_LOG_INFO] = "info",
	[FSRD_LOG_DEBUG] = "debug",
};

int fsrd_log_level_parse(const char *s, enum fsrd_log_level *level)
{
	for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]);
	     i++) {
		if (!strcmp(s, level_names[i])) {
			*level = (enum fsrd_log_level)i;
			return 0;
		}
	}
	return -EINVAL;
}

/* syslog(3) priorities: LOG_ERR, LOG_WARNING, LOG_INFO, LOG_DEBUG */
static const int level_prio[] = {
	[FSRD_LOG_ERR] = 3,
	[FSRD_LOG_WARN] = 4,
	[FSRD_LOG_INFO] = 6,
	[FSRD_LOG_DEBUG] = 7,
};

void fsrd_log_init(void)
{
	unsigned long long dev, ino;
	const char *js = getenv("JOURNAL_STREAM");
	struct stat st;

	/* "DEVICE:INODE" of the stream systemd connected to the journal */
	journal = js && sscanf(js, "%llu:%llu", &dev, &ino) == 2 &&
		  !fstat(2, &st) && (unsigned long long)st.st_dev == dev &&
		  (unsigned long long)st.st_ino == ino;
}

void fsrd_log_set_level(enum fsrd_log_level level)
{
	cur_level = level;
}

enum fsrd_log_level fsrd_log_get_level(void)
{
	return cur_level;
}

static void emit(enum fsrd_log_level level, const char *fmt, va_list ap)
{
	char line[512];

	vsnprintf(line, sizeof(line), fmt, ap);
	/* one write per line so concurrent writers do not interleave */
	if (journal)
		fprintf(stderr, "<%d>fsrd: %s: %s\n", level_prio[level],
			level_names[level], line);
	else
		fprintf(stderr, "fsrd: %s: %s\n", level_names[level], line);
}

void fsrd_log(enum fsrd_log_level level, const char *fmt, ...)
{
	va_list ap;

	if (level > cur_level)
		return;
	va_start(ap, fmt);
	emit(level, fmt, ap);
	va_end(ap);
}

void fsrd_log_rl(struct log_rl *rl, enum fsrd_log_level level,
		 const char *fmt, ...)
{
	uint64_t now = ev_now_ms();
	va_list ap;

	if (level > cur_level)
		return;
	if (!rl->start_ms || now - rl->start_ms >= LOG_RL_INTERVAL_MS) {
		if (rl->suppressed)
			fsrd_log(level, "%lu similar messages suppressed",
				 rl->suppressed);
		rl->start_ms = now ? now : 1;
		rl->printed = 0;
		rl->suppressed = 0;
	}
	if (rl->printed >= LOG_RL_BURST) {
		rl->suppressed++;
		return;
	}
	rl->printed++;
	va_start(ap, fmt);
	emit(level, fmt, ap);
	va_end(ap);
}

