/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A PF_PACKET raw socket on one interface that sees one EtherType only
 * (EAPOL, the R0KH/R1KH transport) and never this host's own frames.
 */
#ifndef FSRD_PACKET_SOCK_H
#define FSRD_PACKET_SOCK_H
#include <stdint.h>

/* A non-blocking descriptor bound to ifindex, or a negative errno. */
int packet_sock_open(int ifindex, uint16_t ethertype);

#endif
