/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A Portal session following its station to another fsrd AP of the
 * mobility group (docs/portal.md "Across fsrd APs"; the messages are
 * mobility/portal_roam_msg.h's).
 *
 * The anchor, the AP where the user logged in, keeps the session: its
 * portal server, its accounting, its timeouts, its Disconnect-Request.
 * At login it sends PASS to the r1kh peers of its portal BSSes; at the
 * session's end, DROP. A peer keeps the passes (at most max entries, the
 * oldest of those whose station is not here goes first) and, when such
 * a station opens its port on a portal BSS here, lets its (MAC, IPv4)
 * pair through with no portal exchange and no RADIUS, says HERE to the
 * anchor, sends STATS (its counters here) every PORTAL_ROAM_STATS_S and
 * LEFT when the station leaves. The anchor answers HERE and STATS with
 * PASS again; a peer that hears nothing from the anchor for
 * PORTAL_ROAM_SILENT_S stops the pair (an anchor gone cannot leave a
 * pass open).
 */
#ifndef FSRD_PORTAL_ROAM_H
#define FSRD_PORTAL_ROAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mobility/portal_roam_msg.h"
#include "portal/portal_sess.h"

#define PORTAL_ROAM_SILENT_S	(3 * PORTAL_ROAM_STATS_S)

struct fsrd_bss;
struct fsrd_sta;

/* A peer's side. */
int portal_roam_start(size_t max);
/* Every pair let through here removed; no message sent. */
void portal_roam_stop(void);
/* A verified PASS or DROP from the anchor of R0KH-ID anchor at src,
 * received on b: NULL when taken, else why it was refused. */
const char *portal_roam_rx_pass(struct fsrd_bss *b, const uint8_t *anchor,
				size_t anchor_len, const uint8_t *src,
				const struct rrb_portal *p);
/* sta opened its port on a portal BSS: its passes let through. */
void portal_roam_sta_authorized(const struct fsrd_sta *sta);
/* sta leaves its BSS: LEFT to the anchor, its pair stopped (unless it
 * went to another portal BSS of this fsrd). */
void portal_roam_sta_gone(const struct fsrd_sta *sta);

/* The anchor's side: s went online (PASS to the peers) or ended (DROP);
 * session_id: its Acct-Session-Id. */
void portal_roam_session(const struct portal_sess *s, const char *session_id,
			 bool online);

/* What fsrctl portal show lists of the passes kept here. */
struct portal_roam_visit_info {
	uint8_t sta[6];
	uint32_t ip;
	const char *session_id;
	const char *user;
	const uint8_t *anchor;
	size_t anchor_len;
	bool here;
	const char *ifname;	/* where it is, when here */
	uint64_t since_ms;	/* the pass came, or the station came */
};
void portal_roam_foreach(void (*fn)(const struct portal_roam_visit_info *,
				    void *), void *arg);

#endif
