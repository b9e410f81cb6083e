// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the per-station limit of full EAP authentications
 * (fsrd/eap/eap_limit.c): the sliding window, stations independent, the
 * retry hint, the bounded table and its eviction, no limit, bad
 * arguments. A fake clock.
 */
#include <stdio.h>
#include <string.h>

#include "eap/eap_limit.h"
#include "tap.h"

static uint64_t now;

static uint64_t fake_now(void)
{
	return now;
}

static const uint8_t a[6] = { 2, 0, 0, 0, 1, 0 };
static const uint8_t b[6] = { 2, 0, 0, 0, 2, 0 };

static unsigned int starts(struct eap_limit *l, const uint8_t *sta,
			   unsigned int tries)
{
	unsigned int i, n = 0;

	for (i = 0; i < tries; i++)
		n += eap_limit_allow(l, sta, NULL);
	return n;
}

static void test_window(void)
{
	struct eap_limit *l = eap_limit_new(3, 60, 16, fake_now);
	unsigned int retry;

	now = 1000000;
	tap_ok(l != NULL, "limit of 3 per 60 s");
	tap_ok(starts(l, a, 10) == 3, "10 starts at once: 3 allowed");
	tap_ok(!eap_limit_allow(l, a, &retry) && retry == 60,
	       "the 4th is refused, retry in 60 s");
	tap_ok(starts(l, b, 3) == 3, "another station has its own budget");
	now += 59999;
	tap_ok(!eap_limit_allow(l, a, &retry) && retry == 1,
	       "1 ms before the window passes: still refused (retry 1 s)");
	now += 1;
	tap_ok(starts(l, a, 5) == 3, "the window passed: 3 more, no more");
	tap_ok(eap_limit_stats(l)->allowed == 9 &&
	       eap_limit_stats(l)->refused == 11,
	       "counted: 9 allowed, 11 refused");
	eap_limit_free(l);
}

static void test_sliding(void)
{
	struct eap_limit *l = eap_limit_new(2, 10, 4, fake_now);

	now = 0;
	tap_ok(eap_limit_allow(l, a, NULL), "t=0: allowed");
	now = 6000;
	tap_ok(eap_limit_allow(l, a, NULL), "t=6: allowed");
	now = 9000;
	tap_ok(!eap_limit_allow(l, a, NULL), "t=9: two in the last 10 s: refused");
	now = 10000;
	tap_ok(eap_limit_allow(l, a, NULL), "t=10: the first left the window: allowed");
	now = 15000;
	tap_ok(!eap_limit_allow(l, a, NULL),
	       "t=15: t=6 and t=10 in the window (sliding, not fixed): refused");
	now = 16000;
	tap_ok(eap_limit_allow(l, a, NULL), "t=16: allowed again");
	eap_limit_free(l);
}

static void test_table(void)
{
	struct eap_limit *l = eap_limit_new(1, 60, 2, fake_now);
	uint8_t s[6] = { 2, 0, 0, 0, 9, 0 };

	now = 0;
	tap_ok(eap_limit_allow(l, a, NULL) && !eap_limit_allow(l, a, NULL),
	       "table of 2: station a at its limit");
	now = 1000;
	tap_ok(eap_limit_allow(l, b, NULL), "station b");
	now = 2000;
	tap_ok(eap_limit_allow(l, s, NULL) &&
	       eap_limit_stats(l)->evicted == 1,
	       "a third station in a full table: the least recent (a) evicted");
	tap_ok(!eap_limit_allow(l, s, NULL) && !eap_limit_allow(l, b, NULL),
	       "the stations in the table keep their limits");
	now = 61500;
	s[4] = 10;
	tap_ok(eap_limit_allow(l, s, NULL) &&
	       eap_limit_stats(l)->evicted == 1,
	       "a station whose window passed makes room without an eviction");
	eap_limit_free(l);
}

static void test_args(void)
{
	struct eap_limit *l = eap_limit_new(0, 0, 0, fake_now);

	tap_ok(l && starts(l, a, 1000) == 1000, "eap_max_starts 0: no limit");
	eap_limit_free(l);
	tap_ok(!eap_limit_new(EAP_LIMIT_STARTS_MAX + 1, 60, 8, fake_now),
	       "more than EAP_LIMIT_STARTS_MAX: refused");
	tap_ok(!eap_limit_new(3, 0, 8, fake_now), "window 0: refused");
	tap_ok(!eap_limit_new(3, 60, 0, fake_now), "no table: refused");
	tap_ok(!eap_limit_new(3, 60, 8, NULL), "no clock: refused");
	l = eap_limit_new(EAP_LIMIT_STARTS_MAX, 1, 1, fake_now);
	now = 0;
	tap_ok(l && starts(l, a, 300) == EAP_LIMIT_STARTS_MAX,
	       "the largest limit, full ring");
	now = 1000;
	tap_ok(starts(l, a, 300) == EAP_LIMIT_STARTS_MAX,
	       "... the ring wraps: the next window has its full budget");
	eap_limit_free(l);
	eap_limit_free(NULL);
}

int main(void)
{
	test_window();
	test_sliding();
	test_table();
	test_args();
	return tap_done();
}
