// SPDX-License-Identifier: GPL-2.0-only
/*
 * epoll for descriptors, a binary min-heap for timers (see evloop.h).
 *
 * A watched descriptor is a struct ev_watch found by its number in a
 * table that grows with the highest descriptor seen. epoll carries the
 * pointer, so a watch removed during a round is only marked dead and
 * parked on a list that is freed after the round: an event of the same
 * round that still points at it is then skipped, never a use after free.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include "core/evloop.h"

#define EV_BATCH 64

struct ev_watch {
	int fd;
	ev_fd_fn rfn;
	ev_fd_fn wfn;			/* NULL: no write interest */
	void *arg;
	bool dead;
	struct ev_watch *next_dead;
};

static int epfd = -1;
static struct ev_watch **watch;		/* by descriptor number */
static size_t n_watch;
static struct ev_watch *dead;		/* removed this round */

static struct ev_timer **heap;
static size_t heap_len, heap_cap;
static uint64_t timer_seq;
static bool stopping;

uint64_t ev_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static int ep_open(void)
{
	if (epfd < 0)
		epfd = epoll_create1(EPOLL_CLOEXEC);
	return epfd < 0 ? -errno : 0;
}

static int table_fit(int fd)
{
	struct ev_watch **t;
	size_t n = n_watch ? n_watch : 16;

	if ((size_t)fd < n_watch)
		return 0;
	while (n <= (size_t)fd)
		n *= 2;
	t = realloc(watch, n * sizeof(*t));
	if (!t)
		return -ENOMEM;
	for (size_t i = n_watch; i < n; i++)
		t[i] = NULL;
	watch = t;
	n_watch = n;
	return 0;
}

static struct ev_watch *find(int fd)
{
	return fd >= 0 && (size_t)fd < n_watch ? watch[fd] : NULL;
}

static int ep_mod(struct ev_watch *w, int op)
{
	struct epoll_event e = {
		.events = EPOLLIN | (w->wfn ? EPOLLOUT : 0),
		.data.ptr = w,
	};

	return epoll_ctl(epfd, op, w->fd, &e) ? -errno : 0;
}

int ev_add_fd(int fd, ev_fd_fn fn, void *arg)
{
	struct ev_watch *w;
	int err;

	if (fd < 0 || !fn)
		return -EINVAL;
	if (find(fd))
		return -EEXIST;
	err = ep_open();
	if (!err)
		err = table_fit(fd);
	if (err)
		return err;
	w = calloc(1, sizeof(*w));
	if (!w)
		return -ENOMEM;
	w->fd = fd;
	w->rfn = fn;
	w->arg = arg;
	err = ep_mod(w, EPOLL_CTL_ADD);
	if (err) {
		free(w);
		return err;
	}
	watch[fd] = w;
	return 0;
}

int ev_want_write(int fd, ev_fd_fn fn)
{
	struct ev_watch *w = find(fd);

	if (!w)
		return -ENOENT;
	if (!w->wfn == !fn) {
		w->wfn = fn;
		return 0;
	}
	w->wfn = fn;
	return ep_mod(w, EPOLL_CTL_MOD);
}

void ev_del_fd(int fd)
{
	struct ev_watch *w = find(fd);

	if (!w)
		return;
	/* fails harmlessly if the caller closed fd first */
	epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
	watch[fd] = NULL;
	w->dead = true;
	w->next_dead = dead;
	dead = w;
}

static void free_dead(void)
{
	while (dead) {
		struct ev_watch *w = dead;

		dead = w->next_dead;
		free(w);
	}
}

/* Timer heap ordered by (when_ms, seq). */
static bool before(const struct ev_timer *a, const struct ev_timer *b)
{
	return a->when_ms < b->when_ms ||
	       (a->when_ms == b->when_ms && a->seq < b->seq);
}

static void heap_set(size_t i, struct ev_timer *t)
{
	heap[i] = t;
	t->heap_idx = i;
}

static void sift_up(size_t i)
{
	struct ev_timer *t = heap[i];

	while (i > 0 && before(t, heap[(i - 1) / 2])) {
		heap_set(i, heap[(i - 1) / 2]);
		i = (i - 1) / 2;
	}
	heap_set(i, t);
}

static void sift_down(size_t i)
{
	struct ev_timer *t = heap[i];

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= heap_len)
			break;
		if (c + 1 < heap_len && before(heap[c + 1], heap[c]))
			c++;
		if (!before(heap[c], t))
			break;
		heap_set(i, heap[c]);
		i = c;
	}
	heap_set(i, t);
}

void ev_timer_cancel(struct ev_timer *t)
{
	size_t i = t->heap_idx;

	if (!t->armed)
		return;
	t->armed = false;
	heap_len--;
	if (i == heap_len)
		return;
	heap_set(i, heap[heap_len]);
	if (i > 0 && before(heap[i], heap[(i - 1) / 2]))
		sift_up(i);
	else
		sift_down(i);
}

void ev_timer_arm(struct ev_timer *t, unsigned int ms)
{
	ev_timer_cancel(t);
	if (heap_len == heap_cap) {
		size_t cap = heap_cap ? 2 * heap_cap : 64;
		struct ev_timer **h = realloc(heap, cap * sizeof(*h));

		/* a timer is never dropped silently (a lost session timer
		 * would keep a revoked key alive): no memory ends fsrd */
		if (!h)
			abort();
		heap = h;
		heap_cap = cap;
	}
	t->when_ms = ev_now_ms() + ms;
	t->seq = ++timer_seq;
	t->armed = true;
	heap_set(heap_len++, t);
	sift_up(t->heap_idx);
}

/*
 * Fire the timers due at the start of the round, earliest first. A timer
 * armed by a callback waits for the next round, so one that re-arms
 * itself with 0 ms cannot starve the descriptors.
 */
static void fire_due(void)
{
	uint64_t now = ev_now_ms(), last = timer_seq;

	while (!stopping && heap_len && heap[0]->when_ms <= now &&
	       heap[0]->seq <= last) {
		struct ev_timer *t = heap[0];

		ev_timer_cancel(t);
		t->fn(t);
	}
}

static int next_timeout(void)
{
	uint64_t now = ev_now_ms();

	if (!heap_len)
		return -1;
	if (heap[0]->when_ms <= now)
		return 0;
	return heap[0]->when_ms - now > 60000 ? 60000 :
		(int)(heap[0]->when_ms - now);
}

int ev_run(void)
{
	struct epoll_event ev[EV_BATCH];
	int n, err;

	err = ep_open();
	if (err)
		return err;
	stopping = false;
	while (!stopping) {
		fire_due();
		if (stopping)
			break;
		n = epoll_wait(epfd, ev, EV_BATCH, next_timeout());
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		for (int i = 0; i < n && !stopping; i++) {
			struct ev_watch *w = ev[i].data.ptr;

			if (!w->dead && (ev[i].events &
					 (EPOLLIN | EPOLLERR | EPOLLHUP)))
				w->rfn(w->fd, w->arg);
			if (!w->dead && w->wfn && (ev[i].events & EPOLLOUT))
				w->wfn(w->fd, w->arg);
		}
		free_dead();
	}
	return 0;
}

void ev_stop(void)
{
	stopping = true;
}

void ev_cleanup(void)
{
	for (size_t i = 0; i < n_watch; i++)
		if (watch[i])
			ev_del_fd((int)i);
	free_dead();
	free(watch);
	watch = NULL;
	n_watch = 0;
	free(heap);
	heap = NULL;
	heap_len = heap_cap = 0;
	if (epfd >= 0)
		close(epfd);
	epfd = -1;
}
