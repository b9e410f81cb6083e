/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (C) 2026 The fsr authors. */
#ifndef _FSR_NETLINK_H
#define _FSR_NETLINK_H

#include <linux/types.h>

struct fsr_bss_view;
struct fsr_pmk_info;
struct net;

int fsr_nl_init(void);
void fsr_nl_exit(void);

/*
 * Multicast events to the "events" group of @net. They may sleep (they
 * allocate with GFP_KERNEL) and are silently dropped while the family is
 * not registered (module load and unload). @reason is 0 unless the event
 * reports a removal.
 */
void fsr_nl_pmk_notify(struct net *net, const struct fsr_pmk_info *info,
		       u8 event, u8 reason);
void fsr_nl_bss_notify(struct net *net, const struct fsr_bss_view *bss,
		       u8 event, u8 reason);

#endif /* _FSR_NETLINK_H */
