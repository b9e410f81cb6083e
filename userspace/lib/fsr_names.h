/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Readable names for the enums of uapi/linux/fsr.h. Each returns NULL for
 * a value it does not know (a newer kernel may send more).
 */
#ifndef FSR_NAMES_H
#define FSR_NAMES_H

#include <stdint.h>

const char *fsr_stat_name(uint16_t stat);	/* "rx_auth", ... */
const char *fsr_event_name(uint8_t event);	/* "pmk-added", ... */
const char *fsr_reason_name(uint8_t reason);	/* "expired", ... */
const char *fsr_pmk_origin_name(uint8_t origin); /* "pushed", ... */
const char *fsr_attr_name(uint16_t attr);	/* "pmk-r1-name", ... */
const char *fsr_why_name(uint8_t why);		/* "no-pmk", ... */

/* Any RSN AKM / cipher suite selector (OUI << 8 | type), e.g.
 * 0x000fac04 -> "ft-psk" / "ccmp"; NULL when unknown. */
const char *fsr_akm_suite_name(uint32_t suite);
const char *fsr_cipher_suite_name(uint32_t suite);

#endif /* FSR_NAMES_H */
