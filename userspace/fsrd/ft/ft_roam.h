/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * FT over-the-air roams served in userspace (IEEE 802.11-2020 13.5.2,
 * 13.8): FT Authentication (PMK-R1 from the PMK-R0 store, ANonce, PTK)
 * and the Reassociation Request MIC check and response elements.
 */
#ifndef FSRD_FT_ROAM_H
#define FSRD_FT_ROAM_H

#include <stddef.h>
#include <stdint.h>

#include "ap/bss.h"

/* Not a status code: the request names another host's R0KH and no
 * PMK-R1 from it is held; sta->ft has its R0KH-ID and PMKR0Name for a
 * PULL (mobility_pull), after which the request runs again. */
#define FT_STATUS_PULL 0xffff

/*
 * An FT Authentication Request's elements: returns the status code (or
 * FT_STATUS_PULL); on success sta->ft holds the roam's keys and resp its
 * RSNE, MDE and FTE.
 */
uint16_t ft_auth_request(struct fsrd_bss *b, struct fsrd_sta *sta,
			 const uint8_t *ies, size_t len, uint8_t *resp,
			 size_t size, size_t *resp_len, const char **why);
/* The elements of a Reassociation Request after FT Authentication. */
uint16_t ft_reassoc_check(struct fsrd_bss *b, struct fsrd_sta *sta,
			  const uint8_t *ies, size_t len, const char **why);
/* RSNE, MDE and FTE (MIC; GTK with its transmit counter as the RSC, read
 * from the kernel) of the Reassociation Response. */
int ft_reassoc_resp_ies(struct fsrd_bss *b, struct fsrd_sta *sta,
			uint8_t *buf, size_t size);

#endif
