/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsrd's log: one line per event on stderr (journald picks it up), with a
 * level prefix. Callers never pass key material here.
 */
#ifndef FSRD_LOG_H
#define FSRD_LOG_H

#include <stdint.h>

#include "conf/config.h"

void fsrd_log_set_level(enum fsrd_log_level level);
enum fsrd_log_level fsrd_log_get_level(void);
void fsrd_log(enum fsrd_log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define log_err(...)	fsrd_log(FSRD_LOG_ERR, __VA_ARGS__)
#define log_warn(...)	fsrd_log(FSRD_LOG_WARN, __VA_ARGS__)
#define log_info(...)	fsrd_log(FSRD_LOG_INFO, __VA_ARGS__)
#define log_dbg(...)	fsrd_log(FSRD_LOG_DEBUG, __VA_ARGS__)

/* "02:00:00:00:01:00" for logs; MACSTR_LEN includes the NUL. */
#define MACSTR_LEN 18
const char *fsrd_mac_str(const uint8_t *mac, char *buf);

#endif
