/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * When fsrd dials out to its location servers (client mode, docs/nmsp.md
 * "Client mode"), the order of its tries: a try that fails is retried
 * after 1 s, then 2, 4, 8 and 16 s (five retries, the delay doubling);
 * when the fifth retry fails too, the next server in the list is tried at
 * once, and after the last the first again. A session that got past INIT
 * and then ended is retried on the same server after 1 s, its count of
 * retries reset. Pure: the caller owns the clock and the sockets.
 */
#ifndef FSRD_NMSP_BACKOFF_H
#define FSRD_NMSP_BACKOFF_H

#include <stdbool.h>
#include <stdint.h>

#define NMSP_DIAL_RETRIES	5
#define NMSP_DIAL_FIRST_MS	1000u
#define NMSP_DIAL_SERVERS_MAX	4

struct nmsp_backoff {
	unsigned int n;		/* servers, 1 .. NMSP_DIAL_SERVERS_MAX */
	unsigned int cur;	/* the one being tried */
	unsigned int retries;	/* of cur, failed so far */
};

/*
 * The try at @b->cur failed. Returns the wait before the next try in ms;
 * 0 with *@fallback true when the retries are spent and the next try
 * goes, at once, to the next server (then @b->cur).
 */
uint32_t nmsp_backoff_failed(struct nmsp_backoff *b, bool *fallback);

/* A session with @b->cur got past INIT, then ended: the wait before
 * trying it again, from its first retry. */
uint32_t nmsp_backoff_ended(struct nmsp_backoff *b);

#endif /* FSRD_NMSP_BACKOFF_H */
