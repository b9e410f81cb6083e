/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The wired socket of the R0KH/R1KH protocol: PF_PACKET on one
 * interface (a BSS's rrb_interface), EtherType 0x88b7 only, our own
 * transmissions not seen again. Whole Ethernet frames in and out.
 */
#ifndef FSRD_RRB_SOCK_H
#define FSRD_RRB_SOCK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* A descriptor (non-blocking) or a negative errno. */
int rrb_sock_open(int ifindex);
/* A whole Ethernet frame (its EtherType says which protocol). */
int rrb_sock_send(int fd, int ifindex, const uint8_t *frame, size_t len);
/* One frame into buf (size octets): its length, -EAGAIN when none is
 * waiting, -EMSGSIZE when it was longer than size (dropped). */
ssize_t rrb_sock_recv(int fd, uint8_t *buf, size_t size);

#endif
