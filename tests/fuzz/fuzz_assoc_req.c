// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over the (Re)Association Request check
 * (userspace/fsrd/ap/assoc_req.c: fsrd_assoc_req_check, with the element
 * walker fsr_ie_walk and the RSNE/MDE parsers of kmod/ft/ft_ie.c that it
 * calls) against a BSS whose elements come from ap/ies.c
 * (fsrd_ies_init), then the response that ap/mlme.c builds from the
 * verdict (fsrd_build_assoc_resp, with the FT initial mobility-domain
 * elements of wpa_auth_ft_assoc_ies for an accepted FT AKM), which must
 * itself walk cleanly.
 * ap/ies.c has no parser of received bytes: its builders are exercised
 * here with what a request decides (status, AKM).
 *
 * Input: one selector octet (bits 0-1: security wpa2-psk, ft-psk,
 * wpa2-eap, ft-eap; bit 2: Reassociation Request; bit 3: HT on), then the
 * frame body after the 802.11 header.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ap/assoc_req.h"
#include "ap/ies.h"
#include "core/ieee80211.h"
#include "ft_ie.h"
#include "wpa/wpa_auth.h"

#define CHECK(c)		\
	do {			\
		if (!(c))	\
			abort();\
	} while (0)

static const uint8_t bssid[6] = { 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 };
static const uint8_t sta[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x07 };
static const uint8_t mdid[2] = { 0xa1, 0xb2 };
static const uint8_t r0kh[] = "ap1.fsr.lab";
static const struct wpa_auth_ft ft_conf = {
	.mdid = 0xa1b2,
	.r0kh_id = r0kh,
	.r0kh_id_len = sizeof(r0kh) - 1,
	.r1kh_id = { 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 },
	.reassoc_deadline_tu = 1000,
	.key_lifetime_s = 3600,
};
/* only its FT part is used: the elements mlme.c puts in the response */
static const struct wpa_auth_conf wconf = { .ft = &ft_conf };

static int inside(const uint8_t *p, size_t len, const uint8_t *lo,
		  size_t size)
{
	return p >= lo && p <= lo + size && len <= (size_t)(lo + size - p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum fsrd_security secs[4] = {
		FSRD_SEC_WPA2_PSK, FSRD_SEC_FT_PSK, FSRD_SEC_WPA2_EAP,
		FSRD_SEC_FT_EAP,
	};
	static uint8_t resp[2048];
	struct fsrd_bss_conf bc = {
		.ssid = "fsr-lab",
		.ssid_len = 7,
		.channel = 1,
		.freq_mhz = 2412,
		.beacon_interval = 100,
		.dtim_period = 2,
		.pairwise_cipher = RSN_SUITE_CCMP,
	};
	struct fsrd_assoc_policy pol;
	struct fsrd_assoc_req req;
	struct fsrd_bss_ies ies;
	enum fsr_ft_parse_err perr;
	struct fsr_ie_set set;
	const char *why = NULL;
	uint8_t ft[300];
	struct fsr_ie_fte f;
	uint16_t status;
	bool reassoc;
	uint8_t *buf;
	int n, ft_len = 0;

	if (!size)
		return 0;
	bc.security = secs[data[0] & 3];
	reassoc = data[0] & 4;
	bc.ht = data[0] & 8;
	CHECK(!fsrd_ies_init(&ies, &bc, bssid, mdid));
	pol = (struct fsrd_assoc_policy){
		.ssid = bc.ssid,
		.ssid_len = bc.ssid_len,
		.security = bc.security,
		.pairwise_cipher = bc.pairwise_cipher,
		.group_cipher = RSN_SUITE_CCMP,
		.mdid = { mdid[0], mdid[1] },
		.ht = bc.ht,
	};
	size--;
	/* an exact-size heap copy so that ASan sees any over-read */
	buf = malloc(size ? size : 1);
	if (!buf)
		return 0;
	memcpy(buf, data + 1, size);

	status = fsrd_assoc_req_check(buf, size, reassoc, &pol, &req, &why);
	CHECK(why != NULL);
	if (!status) {
		/* an accepted request is what the rest of fsrd relies on */
		CHECK(req.rsne && inside(req.rsne, req.rsne_len, buf, size));
		CHECK(!req.mde || inside(req.mde, req.mde_len, buf, size));
		CHECK(!req.fte || inside(req.fte, req.fte_len, buf, size));
		CHECK(!req.ht_cap || (bc.ht && inside(req.ht_cap,
						       WLAN_HT_CAP_LEN, buf,
						       size)));
		CHECK(req.n_rates > 0 && req.n_rates <= sizeof(req.rates));
		CHECK(req.pairwise == pol.pairwise_cipher);
		CHECK(!rsn_akm_is_ft(req.akm) ||
		      (req.mde && fsrd_sec_ft_akm(bc.security) == req.akm));
		/* the elements of an FT initial mobility-domain association */
		if (rsn_akm_is_ft(req.akm)) {
			ft_len = wpa_auth_ft_assoc_ies(&wconf, ft, sizeof(ft));
			CHECK(ft_len > 0);
		}
	}
	n = fsrd_build_assoc_resp(&ies, sta, reassoc, status,
				  status ? 0 : 1, ft_len ? ft : NULL,
				  (size_t)ft_len, resp, sizeof(resp));
	/* header 24, capability, status, AID */
	CHECK(n >= 24 + 6);
	CHECK(!fsr_ie_walk(resp + 30, (size_t)n - 30, &set, &perr));
	CHECK(!ft_len || (set.mde.p && set.fte.p &&
			  !fsr_ie_parse_fte(set.fte.p, set.fte.len, 16, &f,
					    NULL)));
	free(buf);
	return 0;
}
