// SPDX-License-Identifier: GPL-2.0-only
/*
 * The bounded string builder (fsrd/core/strbuf.c): pieces appended, an
 * exact fit, the first piece that does not fit (nothing past the
 * buffer, the text NUL-terminated, every later piece dropped, -ENOSPC),
 * the zero and one octet buffers, dotted quads, and cutting back.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "tap.h"

/* buf[0..len) in a larger array whose other bytes must stay 0x5a */
#define GUARD 16
static char arena[GUARD + 64 + GUARD];

static struct strbuf guarded(size_t len)
{
	struct strbuf sb = { .buf = arena + GUARD, .len = len };

	memset(arena, 0x5a, sizeof(arena));
	return sb;
}

static int guards_intact(size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(arena); i++)
		if ((i < GUARD || i >= GUARD + len) && arena[i] != 0x5a)
			return 0;
	return 1;
}

static void test_append(void)
{
	struct strbuf sb = guarded(32);

	strbuf_put(&sb, "add table %s", "netdev");
	strbuf_put(&sb, " %u%%", 42u);
	tap_str(sb.buf, "add table netdev 42%", "pieces appended");
	tap_ok(sb.used == 20 && !sb.full && strbuf_done(&sb) == 20,
	       "appended: used counts them, not full, done gives the length");
	strbuf_put(&sb, "%s", "");
	tap_ok(sb.used == 20 && !sb.full, "an empty piece changes nothing");
	tap_ok(guards_intact(32), "appended: nothing written outside buf");
}

static void test_exact_fit(void)
{
	struct strbuf sb = guarded(8);

	strbuf_put(&sb, "abc");
	strbuf_put(&sb, "defg");
	tap_str(sb.buf, "abcdefg", "7 characters fill 8 octets with the NUL");
	tap_ok(!sb.full && strbuf_done(&sb) == 7, "an exact fit is not full");
	strbuf_put(&sb, "%s", "");
	tap_ok(!sb.full && strbuf_done(&sb) == 7,
	       "an empty piece still fits in a full buffer");
	strbuf_put(&sb, "h");
	tap_ok(sb.full && strbuf_done(&sb) == -ENOSPC,
	       "one character more: full, -ENOSPC");
	tap_ok(guards_intact(8), "exact fit: nothing written outside buf");
}

static void test_overflow(void)
{
	struct strbuf sb = guarded(10);

	strbuf_put(&sb, "12345");
	strbuf_put(&sb, "%s", "6789abcdef");
	tap_ok(sb.full && sb.used == 5,
	       "a piece that does not fit: full, used stays before it");
	tap_ok(sb.buf[9] == '\0' && strlen(sb.buf) == 9,
	       "the overflowing piece is cut at the end and NUL-terminated");
	tap_ok(!strncmp(sb.buf, "12345", 5), "what came before is kept");
	strbuf_put(&sb, "x");
	tap_ok(sb.full && sb.used == 5 && strlen(sb.buf) == 9,
	       "after overflow, a piece that would fit is dropped");
	tap_ok(strbuf_done(&sb) == -ENOSPC, "overflow: -ENOSPC");
	tap_ok(guards_intact(10), "overflow: nothing written outside buf");
}

static void test_heap_bound(void)
{
	char *buf = malloc(6);
	struct strbuf sb = { .buf = buf, .len = 6 };

	/* ASan: the allocation is exactly len octets */
	strbuf_put(&sb, "%s-%s", "long", "longer");
	tap_ok(buf && sb.full && !memcmp(buf, "long-", 6),
	       "a long piece in an exact heap buffer: cut, NUL last, full");
	free(buf);
}

static void test_tiny(void)
{
	struct strbuf zero = { .buf = NULL, .len = 0 };
	struct strbuf one = guarded(1);

	strbuf_put(&zero, "%s", "");
	tap_ok(zero.full && strbuf_done(&zero) == -ENOSPC,
	       "len 0: even an empty piece does not fit (no room for NUL)");
	strbuf_put(&one, "%s", "");
	tap_ok(!one.full && one.buf[0] == '\0' && strbuf_done(&one) == 0,
	       "len 1: the empty string fits");
	strbuf_put(&one, "a");
	tap_ok(one.full && one.buf[0] == '\0' && guards_intact(1),
	       "len 1: one character does not; buf holds the NUL only");
}

static void test_ip(void)
{
	char buf[64];
	struct strbuf sb = { .buf = buf, .len = sizeof(buf) };

	strbuf_put_ip(&sb, 0x0a4d0003);
	strbuf_put(&sb, " ");
	strbuf_put_ip(&sb, 0);
	strbuf_put(&sb, " ");
	strbuf_put_ip(&sb, 0xffffffff);
	tap_str(buf, "10.77.0.3 0.0.0.0 255.255.255.255",
		"IPv4 addresses (host order) as dotted quads");

	sb = guarded(15);
	strbuf_put_ip(&sb, 0xffffffff);
	tap_ok(sb.full && guards_intact(15),
	       "a dotted quad of 15 characters does not fit in 15 octets");
	sb = guarded(16);
	strbuf_put_ip(&sb, 0xffffffff);
	tap_ok(!sb.full && strbuf_done(&sb) == 15,
	       "it fits in 16 octets");
}

static void test_cut(void)
{
	struct strbuf sb = guarded(12);
	size_t mark;

	strbuf_put(&sb, "a=1");
	mark = sb.used;
	strbuf_put(&sb, "&url=%s", "http://example.org/");
	tap_ok(sb.full, "cut: the piece after the mark overflows");
	strbuf_cut(&sb, mark);
	tap_str(sb.buf, "a=1", "cut back to the mark: the text ends there");
	tap_ok(!sb.full && strbuf_done(&sb) == 3, "cut: full cleared");
	strbuf_put(&sb, "&b=2");
	tap_str(sb.buf, "a=1&b=2", "after the cut, pieces are appended again");
	strbuf_cut(&sb, 20);
	tap_ok(sb.used == 7 && !strcmp(sb.buf, "a=1&b=2"),
	       "a cut past what is written changes nothing");
	strbuf_cut(&sb, 0);
	tap_ok(sb.used == 0 && sb.buf[0] == '\0', "cut to 0: empty");
	tap_ok(guards_intact(12), "cut: nothing written outside buf");
}

int main(void)
{
	test_append();
	test_exact_fit();
	test_overflow();
	test_heap_bound();
	test_tiny();
	test_ip();
	test_cut();
	return tap_done();
}
