/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Client mode of the location-server link (docs/nmsp.md "Client mode"):
 * fsrd dials out to the servers of its [nmsp] server = lines, one at a
 * time, in the order nmsp_backoff.h gives; a connection made is handed to
 * nmsp_svc.c, where it is a peer like one accepted (TLS with fsrd as the
 * client, then the same conversation and the same auth list), and its
 * end comes back here. Every failed try is logged with its reason and the
 * wait before the next.
 */
#ifndef FSRD_NMSP_DIAL_H
#define FSRD_NMSP_DIAL_H

#include <stdbool.h>
#include <stdint.h>

#include "nmsp/nmsp_backoff.h"

/* A try that has not connected (TCP) in this long has failed. */
#define NMSP_DIAL_CONNECT_S	10
#define NMSP_DIAL_CONNECT_MS	(NMSP_DIAL_CONNECT_S * 1000)

struct nmsp_svc_conf;

/* Start dialling the configured servers (none: nothing to do). */
void nmsp_dial_start(const struct nmsp_svc_conf *c);
void nmsp_dial_stop(void);
/* The session nmsp_svc_adopt() was given has ended; @was_up: it got past
 * INIT. */
void nmsp_dial_ended(bool was_up);

/* One configured server as fsrctl shows it. */
struct nmsp_dial_info {
	const char *addr;		/* "IP:PORT" */
	const char *state;		/* "connected", "connecting",
					 * "waiting", "standby" */
	unsigned int retries;		/* of this server, failed so far */
	uint64_t next_try_ms;		/* monotonic, when waiting */
	uint64_t tries;			/* in all */
	uint64_t sessions;		/* that got past INIT */
	const char *last_error;		/* "" when none */
};
void nmsp_dial_foreach(void (*fn)(const struct nmsp_dial_info *i,
				  void *arg), void *arg);

#endif /* FSRD_NMSP_DIAL_H */
