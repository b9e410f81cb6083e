/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel's IPv4 neighbour (ARP) table, asked for one address on one
 * interface (RTM_GETNEIGH with NDA_DST, as `ip neigh get` does): which
 * station has a given IP address. Portal logins name the user by the
 * address its HTTP request came from (portal/portal_svc.c).
 */
#ifndef FSRD_NEIGH_H
#define FSRD_NEIGH_H

#include <stdint.h>

/*
 * The link-layer address of IPv4 address ip (host order) on ifindex:
 * 0 with mac filled; -ENOENT when the kernel has no usable entry (none,
 * incomplete or failed); another -errno when the question failed.
 */
int neigh_lookup4(int ifindex, uint32_t ip, uint8_t mac[6]);

#endif
