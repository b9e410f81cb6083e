/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EAPOL transport: one PF_PACKET raw socket per BSS, bound to the BSS's
 * interface. A station's EAPOL is accepted only from the interface of
 * its BSS: bound with ETH_P_ALL (and a filter for ethertype 0x888e), the
 * socket sees the frames mac80211 delivers on that interface before a
 * bridge takes them, and never frames that reach the host from elsewhere
 * (the wired side of the bridge, another interface). mac80211 passes
 * 0x888e frames of unauthorized stations through (the control port of
 * START_AP) with the BSSID as destination.
 */
#ifndef FSRD_EAPOL_SOCK_H
#define FSRD_EAPOL_SOCK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* The socket of interface ifindex, or a negative errno. */
int eapol_sock_open(int ifindex);
/* Send buf (802.1X header first) from src to dst out of ifindex. */
int eapol_sock_send(int fd, int ifindex, const uint8_t *src,
		    const uint8_t *dst, const uint8_t *buf, size_t len);
/* One frame: the length of its 802.1X part copied to buf, its addresses;
 * -EAGAIN when none is pending, -EXDEV for a frame that did not arrive
 * on ifindex (or was sent by this host), -EPROTO for a malformed one. */
ssize_t eapol_sock_recv(int fd, int ifindex, uint8_t *buf, size_t size,
			uint8_t *src, uint8_t *dst);

/* Bring an interface up or down (SIOCSIFFLAGS). */
int netif_set_up(const char *ifname, int up);
/* 1 when the interface is administratively up, 0 when not, or -errno. */
int netif_is_up(const char *ifname);

#endif
