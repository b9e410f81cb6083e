/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (C) 2026 The fsr authors. */
#ifndef _FSR_NETLINK_H
#define _FSR_NETLINK_H

#include <linux/types.h>

#include <linux/fsr.h>
#include <linux/if_ether.h>

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
void fsr_nl_bss_notify(struct net *net, int ifindex, const char *ifname,
		       u8 event, u8 reason);

/* What a STA_NTF event carries; @fields says which optional parts. */
#define FSR_NTF_STATUS		BIT(0)
#define FSR_NTF_WHY		BIT(1)
#define FSR_NTF_SERVICE		BIT(2)
#define FSR_NTF_NAMES		BIT(3)	/* PMK_R1_NAME (and R0 name etc.) */
#define FSR_NTF_STA		BIT(4)	/* everything of FT_STA_SERVED */

struct fsr_sta_ntf {
	u8 event;
	u32 fields;
	int ifindex;
	u8 sta[ETH_ALEN];
	u16 status;
	u8 why;
	u64 service_ns;
	u8 r1_name[FSR_PMK_NAME_LEN];
	/* FSR_NTF_STA */
	u16 aid;
	u32 akm;
	u32 pairwise;
	u8 r0_name[FSR_PMK_NAME_LEN];
	u8 r0kh_id[FSR_R0KH_ID_MAX_LEN];
	u8 r0kh_id_len;
	u8 anonce[32];
	u8 snonce[32];
	u8 gtk_idx;
};

/* Any context with the right @gfp (GFP_ATOMIC in softirq). */
void fsr_nl_sta_notify(struct net *net, const struct fsr_sta_ntf *n,
		       gfp_t gfp);

#endif /* _FSR_NETLINK_H */
