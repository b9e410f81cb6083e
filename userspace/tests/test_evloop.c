// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of fsrd's event loop (fsrd/core/evloop.c): timer order and
 * cancellation in the heap, no starvation by a timer that re-arms itself,
 * descriptors past any fixed limit, removal (and reuse of the number)
 * during a round, write readiness.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/evloop.h"
#include "tap.h"

#define N_TIMERS 200

static struct ev_timer tm[N_TIMERS];
static int order[N_TIMERS], n_order;

static void timer_fn(struct ev_timer *t)
{
	order[n_order++] = (int)(t - tm);
	if (n_order == N_TIMERS / 2)
		ev_stop();
}

static void timers(void)
{
	uint64_t when[N_TIMERS];
	bool sorted = true, left;
	int i;

	/* deadlines 0..9 ms in a shuffled order, equal ones in arming order */
	for (i = 0; i < N_TIMERS; i++) {
		tm[i].fn = timer_fn;
		ev_timer_arm(&tm[i], (unsigned int)((i * 7) % 10));
		when[i] = tm[i].when_ms;
	}
	/* cancel every odd one: half are left */
	for (i = 1; i < N_TIMERS; i += 2)
		ev_timer_cancel(&tm[i]);
	ev_timer_cancel(&tm[1]);	/* twice is harmless */
	n_order = 0;
	tap_ok(ev_run() == 0, "the loop runs the timers");
	tap_ok(n_order == N_TIMERS / 2, "every armed timer fired once");
	/* deadlines as armed (the clock may tick while arming): by deadline,
	 * equal ones in arming order, cancelled ones never */
	for (i = 1; i < n_order; i++) {
		int a = order[i - 1], b = order[i];

		if (when[a] > when[b] || (when[a] == when[b] && a > b))
			sorted = false;
		if (b % 2 || a % 2)
			sorted = false;
	}
	tap_ok(sorted, "timers fire by deadline, then arming order; cancelled ones never");
	left = false;
	for (i = 0; i < N_TIMERS; i++)
		if (tm[i].armed)
			left = true;
	tap_ok(!left, "no timer left armed");
}

/* A timer that re-arms itself at 0 ms and a pipe that is readable. */
static struct ev_timer spin;
static int spins, reads;

static void spin_fn(struct ev_timer *t)
{
	spins++;
	ev_timer_arm(t, 0);
}

static void read_fn(int fd, void *arg)
{
	char c;

	(void)arg;
	if (read(fd, &c, 1) == 1)
		reads++;
	ev_stop();
}

static void no_starvation(void)
{
	int p[2];

	tap_ok(!pipe(p) && write(p[1], "x", 1) == 1, "pipe");
	tap_ok(ev_add_fd(p[0], read_fn, NULL) == 0, "add the pipe");
	tap_ok(ev_add_fd(p[0], read_fn, NULL) == -EEXIST,
	       "adding a watched descriptor twice is -EEXIST");
	spin.fn = spin_fn;
	ev_timer_arm(&spin, 0);
	spins = reads = 0;
	ev_run();
	printf("# %d spins before the input was read\n", spins);
	tap_ok(reads == 1 && spins >= 1 && spins < 5,
	       "a timer re-arming at 0 ms does not starve input");
	ev_timer_cancel(&spin);
	ev_del_fd(p[0]);
	close(p[0]);
	close(p[1]);
}

/* 300 pipes (no fixed limit); the first callback of a round removes all
 * the others and reuses one number: none of them may be called. */
#define N_PIPES 300
static int pr[N_PIPES], pw[N_PIPES];
static int calls, stale_calls;
static int reused = -1;

static void stale_fn(int fd, void *arg)
{
	(void)fd;
	(void)arg;
	stale_calls++;
}

static void first_fn(int fd, void *arg)
{
	int me = (int)(long)arg, p[2];
	char c;

	calls++;
	if (read(fd, &c, 1) != 1)	/* not readable in the next round */
		calls += 100;
	for (int i = 0; i < N_PIPES; i++) {
		if (i == me)
			continue;
		ev_del_fd(pr[i]);
		close(pr[i]);
		pr[i] = -1;
	}
	/* the lowest free number is one just closed: watch it again */
	if (!pipe(p)) {
		if (ev_add_fd(p[0], stale_fn, NULL) == 0)
			reused = p[0];
		else
			printf("# could not watch %d again\n", p[0]);
		close(p[1]);	/* readable (EOF) at once */
	}
	ev_stop();
}

static void many_fds(void)
{
	int i, ok = 1;

	for (i = 0; i < N_PIPES; i++) {
		int p[2];

		if (pipe(p)) {
			ok = 0;
			break;
		}
		pr[i] = p[0];
		pw[i] = p[1];
		if (ev_add_fd(pr[i], first_fn, (void *)(long)i))
			ok = 0;
		if (write(pw[i], "x", 1) != 1)
			ok = 0;
	}
	tap_ok(ok, "300 descriptors watched (no fixed limit)");
	calls = stale_calls = 0;
	ev_run();
	tap_ok(calls == 1 && stale_calls == 0,
	       "descriptors removed in a round are not called in it");
	/* the next round sees the reused number with its new callback */
	stale_calls = 0;
	{
		struct ev_timer stop = { .fn = (void (*)(struct ev_timer *))ev_stop };

		ev_timer_arm(&stop, 50);
		ev_run();
		ev_timer_cancel(&stop);
	}
	tap_ok(reused >= 0 && stale_calls >= 1,
	       "a reused descriptor number gets its new callback");
	if (reused >= 0) {
		ev_del_fd(reused);
		close(reused);
	}
	for (i = 0; i < N_PIPES; i++) {
		if (pr[i] >= 0) {
			ev_del_fd(pr[i]);
			close(pr[i]);
		}
		close(pw[i]);
	}
}

/* Write readiness: a full pipe becomes writable when drained. */
static int wr_calls;

static void wr_fn(int fd, void *arg)
{
	(void)arg;
	wr_calls++;
	ev_want_write(fd, NULL);
	ev_stop();
}

static void nop_fn(int fd, void *arg)
{
	(void)fd;
	(void)arg;
}

static struct ev_timer drain;
static int drain_fd;

static void drain_fn(struct ev_timer *t)
{
	char buf[4096];

	(void)t;
	while (read(drain_fd, buf, sizeof(buf)) > 0)
		;
}

static void write_ready(void)
{
	int p[2];
	char buf[4096];

	memset(buf, 0, sizeof(buf));
	tap_ok(!pipe2(p, O_NONBLOCK), "non-blocking pipe");
	while (write(p[1], buf, sizeof(buf)) > 0)
		;
	tap_ok(errno == EAGAIN, "the pipe is full");
	tap_ok(ev_want_write(p[1], wr_fn) == -ENOENT,
	       "write interest on an unwatched descriptor is -ENOENT");
	tap_ok(ev_add_fd(p[1], nop_fn, NULL) == 0 &&
	       ev_want_write(p[1], wr_fn) == 0, "write interest armed");
	drain_fd = p[0];
	drain.fn = drain_fn;
	ev_timer_arm(&drain, 20);
	wr_calls = 0;
	ev_run();
	tap_ok(wr_calls == 1, "writable once drained, not before");
	ev_del_fd(p[1]);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	timers();
	no_starvation();
	many_fds();
	write_ready();
	ev_cleanup();
	return tap_done();
}
