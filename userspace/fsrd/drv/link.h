/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Which bridge an interface is a port of (RTM_GETLINK, as `ip link show`
 * asks it, so it answers for fsrd's own network namespace). On a bridged
 * AP the station's IP traffic reaches the host's IP stack on the bridge,
 * not on the BSS's interface: the Portal's neighbour lookups and its
 * captive redirect need the bridge (portal/portal_svc.c).
 */
#ifndef FSRD_LINK_H
#define FSRD_LINK_H

#include <stdint.h>

/*
 * The bridge ifindex is a port of: 0 with *br_ifindex and br_mac (the
 * bridge's own address) filled; -ENOENT when ifindex has no master or its
 * master is no bridge (a bond, a VRF); another -errno when the question
 * failed.
 */
int link_bridge_of(int ifindex, int *br_ifindex, uint8_t br_mac[6]);

#endif
