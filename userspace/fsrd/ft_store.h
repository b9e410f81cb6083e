/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PMK-R0s this fsrd holds as R0KH, one per station after its FT
 * initial mobility-domain association, found again by (S0KH-ID,
 * PMKR0Name) when the station roams (FT Authentication carries
 * PMKR0Name). Entries expire after r0_key_lifetime; keys are wiped.
 */
#ifndef FSRD_FT_STORE_H
#define FSRD_FT_STORE_H

#include <stdint.h>

#include "ft_kdf.h"

int ft_store_add(const uint8_t *spa, const struct fsr_ft_pmk_r0 *r0,
		 uint32_t lifetime_s);
/* 0 and a copy in r0, or -ENOENT. */
int ft_store_get(const uint8_t *spa, const uint8_t *pmk_r0_name,
		 struct fsr_ft_pmk_r0 *r0);
void ft_store_flush(void);

#endif
