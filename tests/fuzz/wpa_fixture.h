/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The fixed BSS, station and keys of fuzz_wpa_auth, shared with the seed
 * generator (gen_seeds.c) so that the seeds carry the RSNE, MDE, FTE and
 * PMKR1Name this BSS expects. Not daemon code: configuration values only.
 */
#ifndef FUZZ_WPA_FIXTURE_H
#define FUZZ_WPA_FIXTURE_H

#include <stdint.h>
#include <string.h>

#include "ft_kdf.h"
#include "wpa/wpa_auth.h"

#define FX_CCMP		0x000fac04

/* AKMs by the selector's low two bits */
static const uint32_t fx_akms[4] = {
	0x000fac02,	/* PSK */
	0x000fac01,	/* 802.1X */
	0x000fac04,	/* FT-PSK */
	0x000fac03,	/* FT-802.1X */
};

static const uint8_t fx_aa[6] = { 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 };
static const uint8_t fx_spa[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x07 };
static const uint8_t fx_ssid[] = "fsr-lab";
static const uint8_t fx_r0kh[] = "ap1.fsr.lab";
static const uint8_t fx_pmk[32] = {
	0x50, 0x4d, 0x4b, 0x21, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
	13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
};
static const uint8_t fx_pmkid[16] = {
	0x50, 0x4d, 0x4b, 0x49, 0x44, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
};
/* KCK and KEK of a station that roamed by FT (wpa_auth_sta_new_ft) */
static const uint8_t fx_kck[16] = { 0x4b, 0x43, 0x4b, 9, 9, 9 };
static const uint8_t fx_kek[16] = { 0x4b, 0x45, 0x4b, 7, 7, 7 };

/* RSNE (CCMP/CCMP, one AKM, no capabilities) with the AKM's last octet */
static inline void fx_rsne(uint8_t *e, uint32_t akm)
{
	static const uint8_t t[22] = {
		0x30, 20, 1, 0, 0x00, 0x0f, 0xac, 4, 1, 0, 0x00, 0x0f, 0xac, 4,
		1, 0, 0x00, 0x0f, 0xac, 2, 0, 0,
	};

	memcpy(e, t, sizeof(t));
	e[19] = (uint8_t)akm;
}

static struct wpa_auth_ft fx_ft = {
	.mdid = 0xa1b2,
	.ft_capab = 0x01,
	.r0kh_id = fx_r0kh,
	.r0kh_id_len = sizeof(fx_r0kh) - 1,
	.r1kh_id = { 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 },
	.ssid = fx_ssid,
	.ssid_len = sizeof(fx_ssid) - 1,
	.reassoc_deadline_tu = 1000,
	.key_lifetime_s = 3600,
};

/* PMK-R1 and PMKR1Name of the station with an FT AKM, derived as the
 * authenticator does from the XXKey fx_pmk. */
static inline int fx_pmk_r1(uint32_t akm, struct fsr_ft_suite *s,
			    struct fsr_ft_pmk_r1 *r1)
{
	const uint8_t mdid[2] = { (uint8_t)(fx_ft.mdid >> 8),
				  (uint8_t)fx_ft.mdid };
	struct fsr_ft_pmk_r0 r0;
	int err;

	err = fsr_ft_suite_init(s, akm, FX_CCMP);
	if (!err)
		err = fsr_ft_derive_pmk_r0(s, fx_pmk, sizeof(fx_pmk),
					   fx_ft.ssid, fx_ft.ssid_len, mdid,
					   fx_ft.r0kh_id, fx_ft.r0kh_id_len,
					   fx_spa, &r0);
	if (!err)
		err = fsr_ft_derive_pmk_r1(s, &r0, fx_ft.r1kh_id, fx_spa, r1);
	return err;
}

#endif
