/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/* Minimal TAP output for the FT host tests. */
#ifndef FSR_TESTS_TAP_H
#define FSR_TESTS_TAP_H

#include <stddef.h>

/* Print "ok N - ..." or "not ok N - ..."; returns cond (0 or 1). */
int tap_ok(int cond, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* ok if got == want (len octets); prints both in hex on failure. */
int tap_mem(const void *got, const void *want, size_t len, const char *name);
void tap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print the plan; returns the process exit status. */
int tap_done(void);

#endif
