/* SPDX-License-Identifier: GPL-2.0-only */
/* A minimal TAP producer for the host unit tests. */
#ifndef FSR_TAP_H
#define FSR_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n;
static int tap_failed;

static inline void tap_ok(int cond, const char *name)
{
	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - %s\n", cond ? "" : "not ", tap_n, name);
}

/* Show a multi-line string as TAP diagnostics. */
static inline void tap_diag(const char *label, const char *s)
{
	printf("# %s:\n# ", label);
	for (; *s; s++) {
		putchar(*s);
		if (*s == '\n' && s[1])
			fputs("# ", stdout);
	}
	putchar('\n');
}

/* Compare strings, showing both on failure. */
static inline void tap_str(const char *got, const char *want,
			   const char *name)
{
	int same = got && !strcmp(got, want);

	tap_ok(same, name);
	if (!same) {
		tap_diag("got", got ? got : "(null)");
		tap_diag("want", want);
	}
}

/* Print the plan and return the exit status. */
static inline int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif /* FSR_TAP_H */
