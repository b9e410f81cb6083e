/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (C) 2026 The fsr authors. */
#ifndef _FSR_PMK_CACHE_H
#define _FSR_PMK_CACHE_H

#include <linux/fsr.h>
#include <linux/if_ether.h>
#include <linux/types.h>

struct net;

/* Identity of a cache entry; also the dump order (memcmp order). */
struct fsr_pmk_key {
	u8 sta[ETH_ALEN];
	u8 r1_name[FSR_PMK_NAME_LEN];
};

/* The public part of an entry: everything a dump or event may carry. */
struct fsr_pmk_info {
	struct fsr_pmk_key id;
	u8 r0_name[FSR_PMK_NAME_LEN];
	u8 r0kh_id[FSR_R0KH_ID_MAX_LEN];
	u8 r0kh_id_len;
	u8 r1kh_id[ETH_ALEN];
	u32 akm;
	u32 pairwise;
	/* seconds: requested lifetime on add, remaining lifetime on output */
	u32 lifetime;
	u8 origin;	/* enum fsr_pmk_origin, for the operator only */
};

/* An entry with its key. Wipe with memzero_explicit() after use. */
struct fsr_pmk_secret {
	struct fsr_pmk_info info;
	u8 pmk_len;
	u8 pmk[FSR_PMK_R1_SHA384_LEN];
};

int fsr_pmk_init(void);
void fsr_pmk_exit(void);

/* Process context; *replaced tells whether an existing entry was replaced. */
int fsr_pmk_add(struct net *net, const struct fsr_pmk_secret *s,
		bool *replaced);
int fsr_pmk_del(struct net *net, const struct fsr_pmk_key *id);
/* Deletes every entry, or every entry of @sta; returns how many. */
u32 fsr_pmk_flush(struct net *net, const u8 *sta);

/*
 * Copies the entry @id into @out (key included) unless it is absent or
 * expired (-ENOENT). Any context; the caller wipes @out when done.
 */
int fsr_pmk_lookup(struct net *net, const struct fsr_pmk_key *id,
		   struct fsr_pmk_secret *out);

void fsr_pmk_counts(struct net *net, u32 *count, u32 *generation);

/*
 * Calls @fn, under the cache mutex, for each entry whose key is greater
 * than @after (every entry when @after is NULL), in key order, until @fn
 * returns non-zero, which is then returned. Before the first call it stores
 * the cache generation, stable during the walk, in *@generation.
 */
typedef int (*fsr_pmk_walk_fn)(const struct fsr_pmk_info *info, void *arg);
int fsr_pmk_walk(struct net *net, const struct fsr_pmk_key *after,
		 u32 *generation, fsr_pmk_walk_fn fn, void *arg);

#endif /* _FSR_PMK_CACHE_H */
