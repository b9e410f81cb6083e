/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A single-threaded event loop: file descriptors polled for input and
 * one-shot timers on the monotonic clock. Everything of fsrd runs from it.
 */
#ifndef FSRD_EVLOOP_H
#define FSRD_EVLOOP_H

#include <stdbool.h>
#include <stdint.h>

struct ev_timer {
	struct ev_timer *next;
	uint64_t when_ms;
	bool armed;
	void (*fn)(struct ev_timer *t);
};

typedef void (*ev_fd_fn)(int fd, void *arg);

uint64_t ev_now_ms(void);
int ev_add_fd(int fd, ev_fd_fn fn, void *arg);
void ev_del_fd(int fd);
/* (Re)arm t to fire once after ms milliseconds. */
void ev_timer_arm(struct ev_timer *t, unsigned int ms);
void ev_timer_cancel(struct ev_timer *t);
/* Run until ev_stop(); returns 0, or a negative errno if poll failed. */
int ev_run(void);
void ev_stop(void);

#endif
