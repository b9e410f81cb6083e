/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PMK-R1s this fsrd received from other hosts' R0 key holders (PUSH
 * of hostapd's R0KH/R1KH protocol, mobility/), one per (station, R1KH-ID
 * of one of our BSSes), with where it came from. fsrd pushes each into
 * fsr.ko (and again when fsr.ko is loaded again); the kernel serves the
 * station's next roam with it. Bounded (R1_STORE_MAX, the oldest entry
 * goes), entries expire, keys are wiped when they go; revocation removes
 * a station's entries (keys/revoke.c).
 */
#ifndef FSRD_R1_STORE_H
#define FSRD_R1_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "ft_kdf.h"

#define R1_STORE_MAX 1024

struct r1_entry {
	struct r1_entry *next;
	uint8_t spa[6];
	uint8_t r1kh_id[6];		/* the BSS it was made for */
	struct fsr_ft_pmk_r1 r1;	/* key and PMKR1Name */
	uint8_t pmk_r0_name[FSR_FT_NAME_LEN];
	uint8_t r0kh_id[48];		/* the R0KH that made it */
	size_t r0kh_id_len;
	uint8_t origin[6];		/* the address it came from */
	uint8_t how;			/* FSR_PMK_ORIGIN_PUSHED or _PULLED */
	uint32_t cipher;		/* pairwise suite, 00-0f-ac:N */
	uint64_t expires_ms;
};

/* Add a copy of e (next and expires_ms are set here), replacing an entry
 * of the same station and R1KH-ID. Returns 0, or -ENOMEM. */
int r1_store_add(const struct r1_entry *e, uint32_t lifetime_s);
/* A copy of the unexpired entry of spa for r1kh_id named pmk_r1_name:
 * 0, or -ENOENT. */
int r1_store_get(const uint8_t *spa, const uint8_t *r1kh_id,
		 const uint8_t *pmk_r1_name, struct r1_entry *out);
/* Forget every PMK-R1 of spa; returns the count. */
size_t r1_store_remove(const uint8_t *spa);
/* Forget the PMK-R1s of spa made by R0KH-ID r0kh_id (a revocation from
 * that R0KH); fn (may be NULL) sees each before it is wiped. Returns
 * the count. */
size_t r1_store_remove_from(const uint8_t *spa, const uint8_t *r0kh_id,
			    size_t r0kh_id_len,
			    void (*fn)(const struct r1_entry *e, void *arg),
			    void *arg);
/* fn for every unexpired entry with its remaining lifetime in seconds;
 * fn must not change the store. */
void r1_store_foreach(void (*fn)(const struct r1_entry *e,
				 uint32_t lifetime_s, void *arg), void *arg);
size_t r1_store_count(void);
void r1_store_flush(void);

#endif
