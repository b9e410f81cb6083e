/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Push PMK-R1s into fsr.ko's cache (FSR_CMD_PMK_ADD of the "fsr" family)
 * so that the kernel fast path can serve a station's next FT roam, and
 * take them back when the station's keys are revoked (keys/revoke.c).
 */
#ifndef FSRD_PMK_PUSH_H
#define FSRD_PMK_PUSH_H

#include <stdint.h>

#include "ap/bss.h"
#include "ft_kdf.h"

/*
 * Derive the PMK-R1 of b (its R1KH-ID) for station spa from r0 and add
 * it to the kernel cache, to expire after lifetime_s. -ENOENT: fsr.ko is
 * not loaded.
 */
int pmk_push_r1(const struct fsrd_bss *b, const uint8_t *spa,
		const struct fsr_ft_pmk_r0 *r0, uint32_t lifetime_s, char *err,
		size_t errlen);

/*
 * Add a PMK-R1 another host's R0KH made for b (mobility/: received in a
 * PUSH or RESP; origin FSR_PMK_ORIGIN_PUSHED or _PULLED, for fsrctl pmk
 * show) to the kernel cache: the same request as pmk_push_r1 with that
 * R0KH-ID and PMKR0Name. -ENOENT: fsr.ko is not loaded.
 */
int pmk_push_r1_key(const struct fsrd_bss *b, const uint8_t *spa,
		    const struct fsr_ft_pmk_r1 *r1, const uint8_t *pmk_r0_name,
		    const uint8_t *r0kh_id, size_t r0kh_id_len,
		    uint32_t lifetime_s, uint8_t origin, char *err,
		    size_t errlen);

/*
 * Remove every PMK-R1 of station spa from fsr.ko's cache
 * (FSR_CMD_PMK_FLUSH with FSR_A_STA_ADDR): the cache is per network
 * namespace, so this covers every BSS of this fsrd. *removed: how many
 * the kernel removed. -ENOENT: fsr.ko is not loaded (nothing to remove).
 */
int pmk_flush_sta(const uint8_t *spa, uint32_t *removed, char *err,
		  size_t errlen);
/*
 * Remove the PMK-R1 of station spa named pmk_r1_name from fsr.ko's cache
 * (FSR_CMD_PMK_DEL). -ENOENT: fsr.ko is not loaded or has no such entry.
 */
int pmk_del_r1(const uint8_t *spa, const uint8_t *pmk_r1_name, char *err,
	       size_t errlen);

#endif
