/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The RADIUS service of fsrd: one RADIUS client (the authentication and
 * accounting servers of the [auth_server]/[acct_server] sections, with
 * failover) and one Dynamic Authorization Server (das_listen) for the
 * whole daemon, whatever room sends or answers. core/main.c starts it
 * before the BSSes and stops it after them; a reload renews it.
 *
 * Accounting-On goes out when the service starts and Accounting-Off when
 * it stops (RFC 2866: a server closes the sessions a crash left open, and
 * those of this stop); Acct-Session-Id names this fsrd run.
 *
 * Reload (radius_svc_apply with a new configuration): unchanged sections
 * change nothing. A changed server set (servers added, removed, moved,
 * another address, secret or timeout, NAS-Identifier/NAS-IP-Address)
 * replaces the client, and every request under way starts again on the
 * new set (radius_client_renew: new secrets, no wait for a server that
 * is gone); servers that stay keep their counters. A changed DAS section
 * replaces the DAS. A failure (a socket, a bind) changes nothing and is
 * returned: the reload is refused. See docs/radius.md.
 */
#ifndef FSRD_RADIUS_SVC_H
#define FSRD_RADIUS_SVC_H

#include <stdbool.h>
#include <stddef.h>

#include "conf/config.h"
#include "radius/radius_client.h"

/*
 * Start (nothing running), renew (settings changed) or stop (no RADIUS
 * section in c) the service to match c (copied). 0, or -errno with a
 * line in err and the service as it was.
 */
int radius_svc_apply(const struct fsrd_conf *c, char *err, size_t errlen);
/* Accounting-Off, then the client (requests under way dropped) and the
 * DAS closed. */
void radius_svc_stop(void);

/* NULL when not running (no RADIUS section), or without das_listen. */
struct radius_client *radius_svc_client(void);
struct radius_das *radius_svc_das(void);

/*
 * Who answers the DAS's verified requests: the rooms whose sessions they
 * name, asked in this order (a Portal login on an 802.1X BSS is its own
 * session: a request naming it ends it, not the station's association).
 * A room that does not know the session NAKs with Error-Cause 503 and
 * the next is asked; 503 when no room knows it.
 */
enum radius_das_room {
	RADIUS_DAS_PORTAL,	/* portal/portal_svc.c */
	RADIUS_DAS_EAP,		/* eap/sta_eap.c */
	RADIUS_DAS_ROOMS,
};
void radius_svc_set_das_handler(enum radius_das_room room, radius_das_fn fn,
				void *ctx);

/* Send an Accounting-Request (what: "Start", "Stop"... for the log): 0,
 * or -errno (no accounting server: -ENODEV). A request no server answers
 * is counted in acct_failed (core/auth_stats.h) and logged. */
int radius_svc_acct_send(const struct radius_msg *m, const char *what);
/* Any accounting server configured? */
bool radius_svc_has_acct(void);

#endif
