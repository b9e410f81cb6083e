/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Builders of the frames and elements a BSS sends: beacon head and tail,
 * probe response, (re)association response, authentication,
 * deauthentication. Pure functions: buffers in, lengths out; each returns
 * the number of octets written or -ENOSPC / -EINVAL.
 */
#ifndef FSRD_IES_H
#define FSRD_IES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "conf/config.h"

/* What a BSS advertises; filled once when the BSS starts. */
struct fsrd_bss_ies {
	uint8_t bssid[6];
	const uint8_t *ssid;
	size_t ssid_len;
	unsigned int channel;
	unsigned int freq_mhz;
	bool ht;
	uint16_t beacon_int;
	uint8_t dtim_period;
	uint16_t capab;
	uint8_t rsne[64];		/* element header included */
	size_t rsne_len;
	uint8_t mde[5];			/* empty when FT is off */
	size_t mde_len;
};

/* RSNE of the security mode (AKM 2; FT-PSK: 4 then 2) and MDE. */
/* The AKM suites a BSS of this security offers, preferred first (the
 * RSNE order); returns the count (0 for an unknown value). */
size_t fsrd_sec_akms(enum fsrd_security sec, uint32_t akms[2]);
/* The FT AKM of an FT BSS (00-0f-ac:4 or :3), else 0. */
uint32_t fsrd_sec_ft_akm(enum fsrd_security sec);

int fsrd_ies_init(struct fsrd_bss_ies *b, const struct fsrd_bss_conf *bc,
		  const uint8_t *bssid, const uint8_t *mdid);

int fsrd_build_beacon_head(const struct fsrd_bss_ies *b, uint8_t *buf,
			   size_t size);
int fsrd_build_beacon_tail(const struct fsrd_bss_ies *b, uint8_t *buf,
			   size_t size);
int fsrd_build_probe_resp(const struct fsrd_bss_ies *b, const uint8_t *da,
			  uint8_t *buf, size_t size);
/* Supported rates then extended rates elements. */
int fsrd_build_rates(const struct fsrd_bss_ies *b, uint8_t *buf,
		     size_t size);
/* What a successful (re)association response carries after the rates:
 * HT Capabilities and Operation, WMM (nothing without HT). With
 * fsrd_build_rates, what fsr.ko's fast path puts in its responses. */
int fsrd_build_resp_tail(const struct fsrd_bss_ies *b, uint8_t *buf,
			 size_t size);
/*
 * (Re)association response; extra (MDE/FTE for FT, may be NULL) is
 * appended after the AP's elements.
 */
int fsrd_build_assoc_resp(const struct fsrd_bss_ies *b, const uint8_t *da,
			  bool reassoc, uint16_t status, uint16_t aid,
			  const uint8_t *extra, size_t extra_len,
			  uint8_t *buf, size_t size);
int fsrd_build_auth(const struct fsrd_bss_ies *b, const uint8_t *da,
		    uint16_t alg, uint16_t seq, uint16_t status,
		    const uint8_t *ies, size_t ies_len, uint8_t *buf,
		    size_t size);
/* An Action frame from the BSS to da: body from its Category on. */
int fsrd_build_action(const struct fsrd_bss_ies *b, const uint8_t *da,
		      const uint8_t *body, size_t body_len, uint8_t *buf,
		      size_t size);
/* Deauthentication (subtype 12) or Disassociation (10) with a reason. */
int fsrd_build_deauth(const struct fsrd_bss_ies *b, const uint8_t *da,
		      bool disassoc, uint16_t reason, uint8_t *buf,
		      size_t size);

#endif
