/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (C) 2026 The fsr authors. */
#ifndef _FSR_BSS_H
#define _FSR_BSS_H

#include <linux/fsr.h>
#include <linux/if_ether.h>
#include <linux/netdevice.h>
#include <linux/types.h>

struct net;
struct netlink_ext_ack;

/* A snapshot of an attached BSS, for replies and events. */
struct fsr_bss_view {
	int ifindex;
	char ifname[IFNAMSIZ];
	u8 bssid[ETH_ALEN];
	/* indexed by enum fsr_stat; [0] and [FSR_STAT_PAD] unused */
	u64 stats[__FSR_STAT_MAX];
};

int fsr_bss_init(void);
void fsr_bss_exit(void);

int fsr_bss_hook_register(void);
void fsr_bss_hook_unregister(void);
bool fsr_bss_hook_active(void);

/* Process context; they take RTNL. */
int fsr_bss_attach(struct net *net, u32 ifindex,
		   struct netlink_ext_ack *extack);
int fsr_bss_detach(struct net *net, u32 ifindex,
		   struct netlink_ext_ack *extack);
int fsr_bss_get(struct net *net, u32 ifindex, struct fsr_bss_view *v);
u32 fsr_bss_count(struct net *net);

/*
 * Calls @fn, under RTNL, for each BSS of @net with an ifindex greater than
 * @after, in ifindex order, until @fn returns non-zero (then returned).
 * Before the first call it stores the generation of the namespace's BSS
 * list, stable during the walk, in *@generation.
 */
typedef int (*fsr_bss_walk_fn)(const struct fsr_bss_view *v, void *arg);
int fsr_bss_walk(struct net *net, int after, u32 *generation,
		 fsr_bss_walk_fn fn, void *arg);

#endif /* _FSR_BSS_H */
