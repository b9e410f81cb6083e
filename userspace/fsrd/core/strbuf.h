/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A bounded string builder over the caller's buffer, for text made of
 * many pieces (nft scripts, HTTP responses). Pure; unit-tested
 * (tests/test_strbuf.c).
 *
 * Nothing is written past buf[len - 1], and after a piece buf is a
 * NUL-terminated string (len > 0). The first piece that does not fit in whole sets full (the
 * part of it that fit may stand after used); from then on every piece
 * is dropped, so a caller checks once, at the end (strbuf_done). Start
 * with struct strbuf sb = { .buf = buf, .len = len }.
 */
#ifndef FSRD_STRBUF_H
#define FSRD_STRBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf {
	char *buf;
	size_t len;		/* the size of buf */
	size_t used;		/* characters written, without the NUL */
	bool full;		/* a piece did not fit */
};

/* Append printf-style; a piece that does not fit in whole sets full. */
void strbuf_put(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* An IPv4 address (host order) as a dotted quad. */
void strbuf_put_ip(struct strbuf *sb, uint32_t ip);

/* Back to the first used characters (used <= sb->used), full cleared. */
void strbuf_cut(struct strbuf *sb, size_t used);

/* The length written, or -ENOSPC when a piece did not fit. */
int strbuf_done(const struct strbuf *sb);

#endif
