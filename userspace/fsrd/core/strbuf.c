// SPDX-License-Identifier: GPL-2.0-only
/* A bounded string builder (strbuf.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include "core/strbuf.h"

void strbuf_put(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (sb->full)
		return;
	if (sb->used >= sb->len) {
		/* no room even for the NUL (len 0) */
		sb->full = true;
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->used, sb->len - sb->used, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sb->len - sb->used) {
		sb->full = true;
		return;
	}
	sb->used += (size_t)n;
}

void strbuf_put_ip(struct strbuf *sb, uint32_t ip)
{
	strbuf_put(sb, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 0xff,
		   (ip >> 8) & 0xff, ip & 0xff);
}

void strbuf_cut(struct strbuf *sb, size_t used)
{
	if (used > sb->used)
		return;
	sb->used = used;
	sb->full = false;
	if (used < sb->len)
		sb->buf[used] = '\0';
}

int strbuf_done(const struct strbuf *sb)
{
	return sb->full ? -ENOSPC : (int)sb->used;
}
