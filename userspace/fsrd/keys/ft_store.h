/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PMK-R0s this fsrd holds as R0KH, one per station after its FT
 * initial mobility-domain association, found again by (S0KH-ID,
 * PMKR0Name) when the station roams (FT Authentication carries
 * PMKR0Name). Entries expire after r0_key_lifetime; keys are wiped.
 *
 * A PMK-R0 is good only where it was made: the same SSID and the same FT
 * AKM (PSK or 802.1X). The mobility domain is fsrd-wide, so without this a
 * station of an FT-PSK guest SSID could roam into an FT-802.1X SSID of the
 * same fsrd with a key no RADIUS server ever granted.
 */
#ifndef FSRD_FT_STORE_H
#define FSRD_FT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ft_kdf.h"
#include "keys/scope.h"

/* Where a PMK-R0 may be used: the BSSes with this FT AKM and SSID
 * (struct ft_scope, keys/scope.h). */

int ft_store_add(const uint8_t *spa, const struct fsr_ft_pmk_r0 *r0,
		 const struct ft_scope *scope, uint32_t lifetime_s);
/* 0 and a copy in r0, -ENOENT (none by that name), or -EACCES (made for
 * another SSID or AKM than scope). */
int ft_store_get(const uint8_t *spa, const uint8_t *pmk_r0_name,
		 const struct ft_scope *scope, struct fsr_ft_pmk_r0 *r0);
/* The same, and the entry's remaining lifetime in seconds (ttl_s may be
 * NULL): what a PMK-R1 made from it for a PULL may live. */
int ft_store_get_ttl(const uint8_t *spa, const uint8_t *pmk_r0_name,
		     const struct ft_scope *scope, struct fsr_ft_pmk_r0 *r0,
		     uint32_t *ttl_s);
/* Forget every PMK-R0 of spa, expired or not (keys/revoke.c); returns
 * the count. */
size_t ft_store_remove(const uint8_t *spa);
/* Call fn for every unexpired PMK-R0 with its remaining lifetime (fsr.ko
 * loaded again: its PMK-R1s are pushed once more). fn must not change the
 * store. */
void ft_store_foreach(void (*fn)(const uint8_t *spa,
				 const struct fsr_ft_pmk_r0 *r0,
				 const struct ft_scope *scope,
				 uint32_t lifetime_s, void *arg),
		      void *arg);
/* Entries held, expired ones not yet pruned included. */
size_t ft_store_count(void);
void ft_store_flush(void);

#endif
