/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsrd's Portal service, AC side (docs/portal.md): the UDP socket portal
 * servers talk to, the protocol engine (portal_sess.h) and what it asks
 * of the daemon: which station has an address (the neighbour table of
 * the portal BSSes' interfaces, checked against their stations), RADIUS
 * for each login (CHAP-Password or User-Password through the daemon's
 * RADIUS client), packets to the servers. Packets from an address that
 * is no [portal_server] are dropped and counted. core/main.c starts it
 * after the RADIUS service and stops it before.
 *
 * Traffic is enforced by portal_fw.h: a login lets the station's
 * (MAC, IPv4) through, a logout or its leaving the AP stops it again.
 * Accounting, Session-Timeout and Idle-Timeout: portal_acct.h; RADIUS
 * Disconnect-Requests naming a portal session: portal_das.h.
 * Not yet: the session across fsrd APs.
 */
#ifndef FSRD_PORTAL_SVC_H
#define FSRD_PORTAL_SVC_H

#include <stddef.h>
#include <stdint.h>

#include "conf/config.h"
#include "portal/portal_sess.h"

/* Start when c has a [portal] section (settings copied). 0, or -errno
 * with a line in err. */
int portal_svc_start(const struct fsrd_conf *c, char *err, size_t errlen);
/* Every session ends; the socket is closed. */
void portal_svc_stop(void);

struct fsrd_sta;
/* A station of a BSS leaves it (disassociation, deauthentication, a
 * station fsrd drops): its portal sessions end, unless it is now on
 * another portal BSS of this fsrd; with a reconnect_timeout its sessions
 * online are kept that long instead (portal_sess_away). */
void portal_svc_sta_gone(const struct fsrd_sta *sta);
/* A station's port opened on a BSS (its keys are in place): sessions of
 * its MAC kept in the reconnect store resume, their pass restored. */
void portal_svc_sta_authorized(const struct fsrd_sta *sta);

/* The AC logs out every session of mac (fsrctl portal logout): offline,
 * NTF_LOGOUT with reason as TextInfo, accounting Stop with cause
 * (Acct-Terminate-Cause). How many, or -ENOTCONN when the service does
 * not run. */
int portal_svc_logout_mac(const uint8_t mac[6], uint32_t cause,
			  const char *reason);
/* The [portal_server] NAME of an engine's server index. */
/* The station mac's entry on a portal BSS: one whose association is
 * complete and port open (port_open), or any the kernel holds; NULL if
 * none. */
struct fsrd_sta *portal_svc_sta(const uint8_t mac[6], bool port_open);

struct rrb_portal;
/* The anchor's side of a Portal session at a peer AP (portal_roam.h): a
 * verified HERE, STATS or LEFT from the peer of R1KH-ID from. NULL when
 * taken, else why it was refused. */
const char *portal_svc_rx_report(const uint8_t from[6],
				 const struct rrb_portal *p);
const char *portal_svc_server_name(int server);

/* The running engine (NULL when stopped), for fsrctl and tests. */
const struct portal_engine *portal_svc_engine(void);
/* Packets from addresses that are no portal server. */
uint64_t portal_svc_unknown_source(void);
/* escape: "open" or "closed" (the configuration); *escaped: every
 * portal server is down now; *escapes: how often that began. */
const char *portal_svc_escape(bool *escaped, uint64_t *escapes);
/* How many [portal_server] sections the running service has. */
size_t portal_svc_n_servers(void);

#endif
