// SPDX-License-Identifier: GPL-2.0-only
/* poll() loop with a short list of one-shot timers (few dozen at most). */
#include <errno.h>
#include <poll.h>
#include <time.h>

#include "core/evloop.h"

#define EV_MAX_FDS 32

static struct {
	int fd;
	ev_fd_fn fn;
	void *arg;
} fds[EV_MAX_FDS];
static unsigned int n_fds;
static struct ev_timer *timers;
static bool stopping;

uint64_t ev_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

int ev_add_fd(int fd, ev_fd_fn fn, void *arg)
{
	if (n_fds == EV_MAX_FDS)
		return -ENOSPC;
	fds[n_fds].fd = fd;
	fds[n_fds].fn = fn;
	fds[n_fds].arg = arg;
	n_fds++;
	return 0;
}

void ev_del_fd(int fd)
{
	unsigned int i;

	for (i = 0; i < n_fds; i++) {
		if (fds[i].fd == fd) {
			fds[i] = fds[--n_fds];
			return;
		}
	}
}

void ev_timer_cancel(struct ev_timer *t)
{
	struct ev_timer **pp;

	if (!t->armed)
		return;
	for (pp = &timers; *pp; pp = &(*pp)->next) {
		if (*pp == t) {
			*pp = t->next;
			break;
		}
	}
	t->armed = false;
	t->next = NULL;
}

void ev_timer_arm(struct ev_timer *t, unsigned int ms)
{
	ev_timer_cancel(t);
	t->when_ms = ev_now_ms() + ms;
	t->armed = true;
	t->next = timers;
	timers = t;
}

/* Fire the earliest expired timer; its callback may rearm or free others. */
static bool fire_one(uint64_t now)
{
	struct ev_timer *t, *best = NULL;

	for (t = timers; t; t = t->next)
		if (t->when_ms <= now && (!best || t->when_ms < best->when_ms))
			best = t;
	if (!best)
		return false;
	ev_timer_cancel(best);
	best->fn(best);
	return true;
}

static int next_timeout(uint64_t now)
{
	struct ev_timer *t;
	uint64_t min = UINT64_MAX;

	for (t = timers; t; t = t->next)
		if (t->when_ms < min)
			min = t->when_ms;
	if (min == UINT64_MAX)
		return -1;
	if (min <= now)
		return 0;
	return min - now > 60000 ? 60000 : (int)(min - now);
}

int ev_run(void)
{
	struct pollfd pfd[EV_MAX_FDS];
	unsigned int i, n;
	int ret;

	stopping = false;
	while (!stopping) {
		while (!stopping && fire_one(ev_now_ms()))
			;
		if (stopping)
			break;
		n = n_fds;
		for (i = 0; i < n; i++) {
			pfd[i].fd = fds[i].fd;
			pfd[i].events = POLLIN;
			pfd[i].revents = 0;
		}
		ret = poll(pfd, n, next_timeout(ev_now_ms()));
		if (ret < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		for (i = 0; i < n && !stopping; i++) {
			unsigned int j;

			if (!(pfd[i].revents & (POLLIN | POLLERR | POLLHUP)))
				continue;
			/* a callback may have removed entries: look it up */
			for (j = 0; j < n_fds; j++)
				if (fds[j].fd == pfd[i].fd) {
					fds[j].fn(fds[j].fd, fds[j].arg);
					break;
				}
		}
	}
	return 0;
}

void ev_stop(void)
{
	stopping = true;
}
