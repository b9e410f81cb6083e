/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The nftables rules of Portal enforcement, as nft scripts (pure; run by
 * portal_fw.c). One table of fsrd's own, "netdev fsrd_portal", with an
 * ingress chain on each portal BSS interface: frames from stations are
 * seen there before a bridge or the IP stack takes them, so the same
 * rules hold for bridged and routed APs. Before login a station may send
 * ARP, EAPOL, DHCP and DNS, and IPv4 to the walled garden; after login
 * its (MAC, IPv4 address) pair, and IPv6 from its MAC, pass. Everything
 * else a station sends is dropped (counted by the rule).
 *
 * The captive redirect (redirect_port set): a station's TCP to port 80
 * that nothing above accepts is marked (PORTAL_FW_MARK, or-ed into the
 * packet mark) instead, and a second table of fsrd's, "inet
 * fsrd_portal", redirects marked packets to fsrd's local port
 * (portal_http.h) at prerouting and drops any marked packet about to be
 * forwarded. On a bridged AP the bridge would carry the frame on at
 * layer 2, past the IP stack: the interface's chain rewrites a marked
 * frame's destination to the bridge's own address (so the bridge hands
 * it up to the host, where the redirect takes it). A third table,
 * "bridge fsrd_portal", drops any marked frame a bridge would still
 * forward: an interface made a bridge port after fsrd started, or a
 * bridge whose address changed since the rules were made.
 */
#ifndef FSRD_PORTAL_FW_RULES_H
#define FSRD_PORTAL_FW_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "conf/config.h"

#define PORTAL_FW_FAMILY "netdev"
#define PORTAL_FW_TABLE "fsrd_portal"
#define PORTAL_FW_NAT_FAMILY "inet"
#define PORTAL_FW_BRIDGE_FAMILY "bridge"
#define PORTAL_FW_MARK 0x46520000u	/* "FR": bits of the packet mark */

struct portal_fw_conf {
	const char *const *ifnames;	/* the portal BSSes' interfaces */
	/* per interface, the address of the bridge it is a port of, or
	 * NULL; the whole array NULL when none is bridged */
	const uint8_t *const *bridge_macs;
	size_t n_ifnames;
	const struct fsrd_ipv4_prefix *garden;	/* walled garden and servers */
	size_t n_garden;
	uint32_t max_sessions;		/* size of the login sets */
	uint16_t redirect_port;		/* 0: no captive redirect */
};

/* An interface name nft can be given quoted: 1..15 of A-Z a-z 0-9 _ . - */
bool portal_fw_ifname_ok(const char *ifname);

/* The whole table as one transaction that first removes a table of this
 * name an earlier fsrd left. The length written, -EINVAL for a bad
 * interface name or no interface, -ENOSPC when len is too small. */
int portal_fw_ruleset(const struct portal_fw_conf *c, char *buf, size_t len);

/* Let the pair through (add) or stop it (!add); with_mac: the MAC's
 * IPv6 too (add), or the MAC's last session ended (!add). */
int portal_fw_elements(bool add, const uint8_t mac[6], uint32_t ip,
		       bool with_mac, char *buf, size_t len);

/* Escape mode on (every station of the portal interfaces passes, no
 * login needed) or off (the rules again). */
int portal_fw_escape(bool on, char *buf, size_t len);

/* Whether c makes the inet and bridge tables (the redirect is on). */
bool portal_fw_redirects(const struct portal_fw_conf *c);

/* Remove the tables; redirects: the bridge table too (made only then,
 * so that a kernel without nftables' bridge family runs a portal
 * without the redirect). */
int portal_fw_teardown(bool redirects, char *buf, size_t len);

#endif
