/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EAPOL transport: one PF_PACKET raw socket for ETH_P_PAE, not bound to an
 * interface, so that it also sees EAPOL when the BSS interface is a bridge
 * port (the frame then arrives on the bridge). Frames are told apart by
 * their destination (the BSSID). mac80211 passes 0x888e frames of
 * unauthorized stations through (the control port of START_AP).
 */
#ifndef FSRD_EAPOL_SOCK_H
#define FSRD_EAPOL_SOCK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Returns the socket or a negative errno. */
int eapol_sock_open(void);
/* Send buf (802.1X header first) from src to dst out of ifindex. */
int eapol_sock_send(int fd, int ifindex, const uint8_t *src,
		    const uint8_t *dst, const uint8_t *buf, size_t len);
/* One frame: the length of its 802.1X part copied to buf, its addresses. */
ssize_t eapol_sock_recv(int fd, uint8_t *buf, size_t size, uint8_t *src,
			uint8_t *dst);

/* Bring an interface up or down (SIOCSIFFLAGS). */
int netif_set_up(const char *ifname, int up);
/* 1 when the interface is administratively up, 0 when not, or -errno. */
int netif_is_up(const char *ifname);

#endif
