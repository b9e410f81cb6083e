/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A single-threaded event loop: file descriptors watched for input and,
 * on request, for write readiness (epoll), and one-shot timers on the
 * monotonic clock kept in a binary heap. Everything of fsrd runs from it.
 *
 * Bounds: no fixed limit on descriptors or timers; each watched
 * descriptor costs one small allocation, a timer costs nothing (the
 * caller owns struct ev_timer, the heap grows by doubling).
 *
 * Callbacks may add or remove any descriptor or timer, their own
 * included: a descriptor removed during a round is not called again in
 * that round, even if its number is reused at once.
 */
#ifndef FSRD_EVLOOP_H
#define FSRD_EVLOOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ev_timer {
	uint64_t when_ms;	/* when it fires (valid while armed) */
	bool armed;
	void (*fn)(struct ev_timer *t);
	/* private to the loop */
	size_t heap_idx;
	uint64_t seq;		/* equal deadlines fire in arming order */
};

typedef void (*ev_fd_fn)(int fd, void *arg);

uint64_t ev_now_ms(void);
/* Watch fd for input (and errors/hang-up): fn(fd, arg) when readable. */
int ev_add_fd(int fd, ev_fd_fn fn, void *arg);
/*
 * Also watch fd (added with ev_add_fd) for write readiness: fn(fd, arg)
 * when a write would not block, until called again with fn NULL.
 * Returns 0, -ENOENT if fd is not watched, or a negative errno.
 */
int ev_want_write(int fd, ev_fd_fn fn);
void ev_del_fd(int fd);
/* (Re)arm t to fire once after ms milliseconds. */
void ev_timer_arm(struct ev_timer *t, unsigned int ms);
void ev_timer_cancel(struct ev_timer *t);
/* Run until ev_stop(); returns 0, or a negative errno if epoll failed. */
int ev_run(void);
void ev_stop(void);
/* Close the epoll descriptor and free what the loop holds (at exit). */
void ev_cleanup(void);

#endif
