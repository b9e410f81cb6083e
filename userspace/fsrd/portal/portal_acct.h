/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What follows a Portal login after RADIUS said yes (docs/portal.md):
 * RADIUS accounting (Start at login, Interim-Update, Stop at logout with
 * the station's octets and packets since the login and the
 * Acct-Terminate-Cause), the Access-Accept's Session-Timeout and
 * Idle-Timeout, and each session's Acct-Session-Id, by which a
 * Disconnect-Request may name it (portal_das.h).
 *
 * One record per session online, made at login and freed at logout
 * (bounded by the engine's max_sessions). Counters come from the
 * station's kernel entry (nl80211): those of the entry at login are the
 * base; a roam to another portal BSS of this fsrd starts a new entry,
 * whose counters are added to what the old one had counted when the
 * station left it. The timeouts hold without an accounting server.
 */
#ifndef FSRD_PORTAL_ACCT_H
#define FSRD_PORTAL_ACCT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mobility/portal_roam_msg.h"
#include "portal/portal_sess.h"
#include "radius/radius_msg.h"

struct fsrd_sta;

/* A session's Session-Timeout or Idle-Timeout ran out: the service ends
 * it (offline, then portal_acct_stop with cause). */
typedef void (*portal_acct_expire_fn)(uint32_t ip, uint32_t cause,
				      const char *reason);

/* interim_default_s: Interim-Update period when the Access-Accept has no
 * Acct-Interim-Interval (0: none). 0, or -errno (no random bytes for the
 * session ids). */
int portal_acct_init(portal_acct_expire_fn expire,
		     unsigned int interim_default_s);
/* Records freed without a Stop (portal_svc_stop stops every session
 * first, so none is left). */
void portal_acct_exit(void);

/* The Access-Accept for the login named token: keep its Session-Timeout,
 * Idle-Timeout, Acct-Interim-Interval and Class for portal_acct_start. */
void portal_acct_accepted(uint32_t token, const struct radius_msg *accept);
/* s went online: its record, Accounting Start. */
void portal_acct_start(const struct portal_sess *s);
/* s went offline: Accounting Stop with cause (RFC 2866 5.10), record
 * freed. Nothing when s has no record. */
void portal_acct_stop(const struct portal_sess *s, uint32_t cause);
/* sta is leaving its BSS: its sessions' counters so far are kept. */
void portal_acct_sta_leaving(const struct fsrd_sta *sta);

/* REQ_INFO: ip's octets since the login (in: from the station), and its
 * port "IFNAME@SSID" (the station's BSS now) in port. 0, or -ENOENT when
 * ip has no record. */
int portal_acct_octets(uint32_t ip, uint64_t *in, uint64_t *out,
		       char *port, size_t port_len);

/*
 * The station of ip's session reported from a peer AP of the mobility
 * group (portal_roam.h), whose R1KH-ID is from: HERE (it is there now, a
 * new visit: its counters there start at zero), STATS (its counters there since it
 * came, and its inactivity: Idle-Timeout goes by it while the station
 * is there) or LEFT (the last counters). Counters of every visit add up
 * in the session's accounting. Returns 1 when from is (was, for LEFT)
 * where the station is, 0 when the report is about an earlier visit,
 * -ENOENT when ip has no record.
 */
int portal_acct_remote(uint32_t ip, const uint8_t from[6],
		       const struct rrb_portal *r);
/* The station of ip's session is on a BSS of this fsrd again. */
void portal_acct_local(uint32_t ip);
/* Is ip's station at a peer AP? from: its R1KH-ID (may be NULL). */
bool portal_acct_is_remote(uint32_t ip, uint8_t from[6]);

/* The Acct-Session-Id of ip's session, NULL when it has no record. */
const char *portal_acct_session_id(uint32_t ip);

#endif
