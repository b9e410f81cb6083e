/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsrd's log: one line per event on stderr, with a level word. When
 * stderr is the journal (systemd's JOURNAL_STREAM names it), each line
 * starts with its syslog priority ("<3>" error ... "<7>" debug) so that
 * journald files it at that priority. Callers never pass key material.
 */
#ifndef FSRD_LOG_H
#define FSRD_LOG_H

#include <stdint.h>

#include "conf/config.h"
#include "fsr_parse.h"

void fsrd_log_set_level(enum fsrd_log_level level);
/* "error", "warning", "info", "debug" (log_level of fsrd.conf): 0 or
 * -EINVAL. */
int fsrd_log_level_parse(const char *s, enum fsrd_log_level *level);
enum fsrd_log_level fsrd_log_get_level(void);
void fsrd_log(enum fsrd_log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * A rate limit for lines that outside input can provoke (one per frame or
 * packet): at most LOG_RL_BURST lines per LOG_RL_INTERVAL_MS at one call
 * site; the next line after a quiet interval says how many were
 * suppressed. One static state per call site (log_warn_rl).
 */
#define LOG_RL_BURST		10
#define LOG_RL_INTERVAL_MS	5000

struct log_rl {
	uint64_t start_ms;
	unsigned int printed;
	unsigned long suppressed;
};

void fsrd_log_rl(struct log_rl *rl, enum fsrd_log_level level,
		 const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Re-read JOURNAL_STREAM (at start and after daemon()). */
void fsrd_log_init(void);

#define log_warn_rl(...) do {					\
	static struct log_rl log_rl_site_;				\
	fsrd_log_rl(&log_rl_site_, FSRD_LOG_WARN, __VA_ARGS__);	\
} while (0)

#define log_err(...)	fsrd_log(FSRD_LOG_ERR, __VA_ARGS__)
#define log_warn(...)	fsrd_log(FSRD_LOG_WARN, __VA_ARGS__)
#define log_info(...)	fsrd_log(FSRD_LOG_INFO, __VA_ARGS__)
#define log_dbg(...)	fsrd_log(FSRD_LOG_DEBUG, __VA_ARGS__)

/* "02:00:00:00:01:00" for logs; MACSTR_LEN includes the NUL. The one
 * MAC formatter (and parser) of fsr is lib/fsr_parse.c's. */
#define MACSTR_LEN FSR_MAC_STRLEN
static inline const char *fsrd_mac_str(const uint8_t *mac, char *buf)
{
	fsr_format_mac(mac, buf);
	return buf;
}

#endif
