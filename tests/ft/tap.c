// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
#include "tap.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static unsigned int tap_n, tap_failed;

int tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;

	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %u - ", cond ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	return !!cond;
}

void tap_diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void tap_hex(const char *tag, const void *p, size_t len)
{
	const unsigned char *b = p;
	size_t i;

	printf("#   %s ", tag);
	for (i = 0; i < len; i++)
		printf("%02x", b[i]);
	putchar('\n');
}

int tap_mem(const void *got, const void *want, size_t len, const char *name)
{
	int ok = got && want && memcmp(got, want, len) == 0;

	tap_ok(ok, "%s", name);
	if (!ok && got && want) {
		tap_hex("got ", got, len);
		tap_hex("want", want, len);
	}
	return ok;
}

int tap_done(void)
{
	printf("1..%u\n", tap_n);
	if (tap_failed)
		printf("# %u of %u tests failed\n", tap_failed, tap_n);
	return tap_failed ? 1 : 0;
}
