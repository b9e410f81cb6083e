// SPDX-License-Identifier: GPL-2.0-only
/* The order of client mode's tries (fsrd/nmsp/nmsp_backoff.c). */
#include "nmsp/nmsp_backoff.h"
#include "tap.h"

static void test_one_server_then_next(void)
{
	static const uint32_t want[NMSP_DIAL_RETRIES] = {
		1000, 2000, 4000, 8000, 16000 };
	struct nmsp_backoff b = { .n = 2 };
	bool fb, ok = true;
	uint32_t d;
	int i;

	for (i = 0; i < NMSP_DIAL_RETRIES; i++) {
		d = nmsp_backoff_failed(&b, &fb);
		ok = ok && d == want[i] && !fb && b.cur == 0;
	}
	tap_ok(ok, "a server that fails: retried after 1, 2, 4, 8, 16 s");
	d = nmsp_backoff_failed(&b, &fb);
	tap_ok(d == 0 && fb && b.cur == 1 && b.retries == 0,
	       "the fifth retry fails: the next server, at once");
	d = nmsp_backoff_failed(&b, &fb);
	tap_ok(d == 1000 && !fb && b.cur == 1,
	       "... which has its own five retries, from 1 s");
	for (i = 1; i < NMSP_DIAL_RETRIES; i++)
		nmsp_backoff_failed(&b, &fb);
	d = nmsp_backoff_failed(&b, &fb);
	tap_ok(d == 0 && fb && b.cur == 0,
	       "after the last server, the first again");
}

static void test_session_ended(void)
{
	struct nmsp_backoff b = { .n = 3, .cur = 2 };
	bool fb;
	uint32_t d;

	nmsp_backoff_failed(&b, &fb);
	nmsp_backoff_failed(&b, &fb);
	nmsp_backoff_failed(&b, &fb);
	d = nmsp_backoff_ended(&b);
	tap_ok(d == 1000 && b.cur == 2,
	       "a session that was up ends: the same server after 1 s");
	d = nmsp_backoff_failed(&b, &fb);
	tap_ok(d == 2000 && !fb && b.cur == 2,
	       "... and its retries count from there (2 s next)");
	nmsp_backoff_failed(&b, &fb);
	nmsp_backoff_failed(&b, &fb);
	nmsp_backoff_failed(&b, &fb);
	d = nmsp_backoff_failed(&b, &fb);
	tap_ok(d == 0 && fb && b.cur == 0,
	       "five retries in all after the session, then the next server");
}

static void test_single_server(void)
{
	struct nmsp_backoff b = { .n = 1 };
	bool fb;
	int i;

	for (i = 0; i < NMSP_DIAL_RETRIES; i++)
		nmsp_backoff_failed(&b, &fb);
	tap_ok(nmsp_backoff_failed(&b, &fb) == 0 && fb && b.cur == 0 &&
	       nmsp_backoff_failed(&b, &fb) == 1000,
	       "one server: it is its own fallback, and the delays start again");
}

int main(void)
{
	test_one_server_then_next();
	test_session_ended();
	test_single_server();
	return tap_done();
}
