// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over the FT over-the-air roam served by fsrd
 * (userspace/fsrd/ft/ft_roam.c): ft_auth_request() on the elements of an
 * FT Authentication Request, then ft_reassoc_check() on those of the
 * Reassociation Request that follows, for an FT BSS whose PMK-R0 store
 * (keys/ft_store.c) holds the station's PMK-R0. ft_roam.c has no pure
 * parse step apart from its BSS and station, so the target links the
 * daemon itself (every fsrd source but core/main.c) and calls these two
 * functions with a BSS set up in memory: no socket is opened, and
 * ft_reassoc_resp_ies() (netlink) is not called. Inside, they run the
 * kmod/ft parsers as fsrd calls them: fsr_ie_walk, fsr_ie_parse_rsne,
 * fsr_ie_parse_mde, fsr_ie_parse_fte (16-octet MIC) and
 * fsr_ft_mic_verify.
 *
 * Input: one selector octet (bit 0: an ft-eap BSS, else ft-psk; bit 1:
 * after a successful FT Authentication, put its ANonce into the
 * Reassociation Request's FTE, and with bit 2 sign its MIC with the
 * roam's KCK, as the station would, so the fuzzer reaches what lies
 * behind the MIC; bit 3: the store holds the station's PMK-R0 for the
 * other BSS's AKM),
 * then [length: 2 octets, big endian][FT Authentication elements], then
 * the Reassociation Request elements (the rest).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ap/bss.h"
#include "ap/ies.h"
#include "ap/sta_table.h"
#include "conf/config.h"
#include "core/ieee80211.h"
#include "ft/ft_roam.h"
#include "ft_ie.h"
#include "ft_mic.h"
#include "keys/ft_store.h"

#define CHECK(c)		\
	do {			\
		if (!(c))	\
			abort();\
	} while (0)

/* the PMK-R0 the store holds: from this XXKey, as at the station's FT
 * initial mobility-domain association (gen_seeds.c uses the same) */
static const uint8_t xxkey[32] = {
	0x50, 0x4d, 0x4b, 0x21, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
	13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
};
static const uint8_t ap_addr[6] = { 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 };
static const uint8_t sta_addr[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x07 };

static struct fsrd_conf gconf;
static struct fsrd_bss_conf bconf[2];
static struct fsrd_bss bss[2];
static struct fsr_ft_pmk_r0 pmk_r0[2];

static void setup_bss(int i, enum fsrd_security sec)
{
	struct fsrd_bss_conf *bc = &bconf[i];
	struct fsrd_bss *b = &bss[i];
	struct fsr_ft_suite s;

	memcpy(bc->ifname, "wlan0", 6);
	memcpy(bc->ssid, "fsr-lab", 7);
	bc->ssid_len = 7;
	bc->channel = 1;
	bc->freq_mhz = 2412;
	bc->security = sec;
	bc->pairwise_cipher = RSN_SUITE_CCMP;
	bc->beacon_interval = 100;
	bc->dtim_period = 2;
	b->conf = bc;
	b->gconf = &gconf;
	memcpy(b->addr, ap_addr, 6);
	memcpy(b->ft.r1kh_id, ap_addr, 6);
	CHECK(!fsrd_ies_init(&b->ies, bc, ap_addr, gconf.mdid_octets));
	CHECK(!fsr_ft_suite_init(&s, fsrd_sec_ft_akm(sec), RSN_SUITE_CCMP));
	CHECK(!fsr_ft_derive_pmk_r0(&s, xxkey, sizeof(xxkey), bc->ssid,
				    bc->ssid_len, gconf.mdid_octets,
				    gconf.r0kh_id, gconf.r0kh_id_len,
				    sta_addr, &pmk_r0[i]));
}

/* The store holds one PMK-R0 per station: the one made on this BSS's
 * SSID and AKM, for thirty days (longer than any run). */
static void store_pmk_r0(int i)
{
	struct ft_scope scope;

	bss_ft_scope(&bss[i], &scope);
	CHECK(!ft_store_add(sta_addr, &pmk_r0[i], &scope, 30u * 86400));
}

static void setup(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	gconf.mdid = 0xa1b2;
	gconf.mdid_octets[0] = 0xa1;
	gconf.mdid_octets[1] = 0xb2;
	gconf.have_mdid = true;
	memcpy(gconf.r0kh_id, "ap1.fsr.lab", 11);
	gconf.r0kh_id_len = 11;
	setup_bss(0, FSRD_SEC_FT_PSK);
	setup_bss(1, FSRD_SEC_FT_EAP);
}

/* What the station does to its Reassociation Request: the ANonce of the
 * FT Authentication Response in the FTE, then the MIC. */
static void sign(const struct fsrd_bss *b, const struct fsrd_sta *sta,
		 uint8_t *ies, size_t len, bool mic)
{
	struct fsr_ft_mic_input in;
	struct fsr_ie_set set;
	struct fsr_ie_fte f;
	uint8_t *fte;

	if (fsr_ie_walk(ies, len, &set, NULL) || !set.fte.p ||
	    fsr_ie_parse_fte(set.fte.p, set.fte.len, 16, &f, NULL))
		return;
	fte = ies + (set.fte.p - ies);
	memcpy(fte + FSR_FTE_MIC_OFFSET + 16, sta->ft.anonce, 32);
	if (!mic)
		return;
	fsr_ft_mic_input_init(&in, &set, sta->addr, b->addr,
			      FSR_FT_SEQ_REASSOC_REQ);
	fsr_ft_mic_compute(sta->ft.ptk.kck, sta->ft.ptk.kck_len, &in,
			   fte + FSR_FTE_MIC_OFFSET);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fsrd_sta sta;
	uint8_t resp[512], *a, *r;
	size_t alen, rlen, resp_len = 0;
	const char *why = NULL;
	struct fsrd_bss *b;
	uint16_t status;

	if (size < 3)
		return 0;
	setup();
	b = &bss[data[0] & 1];
	store_pmk_r0((data[0] ^ data[0] >> 3) & 1);
	alen = (size_t)data[1] << 8 | data[2];
	if (alen > size - 3)
		alen = size - 3;
	rlen = size - 3 - alen;
	/* exact-size heap copies so that ASan sees any over-read */
	a = malloc(alen ? alen : 1);
	r = malloc(rlen ? rlen : 1);
	if (!a || !r)
		goto out;
	memcpy(a, data + 3, alen);
	memcpy(r, data + 3 + alen, rlen);

	memset(&sta, 0, sizeof(sta));
	sta.bss = b;
	memcpy(sta.addr, sta_addr, 6);
	status = ft_auth_request(b, &sta, a, alen, resp, sizeof(resp),
				 &resp_len, &why);
	CHECK(why != NULL);
	if (status) {
		CHECK(!sta.ft.valid);
		goto out;
	}
	CHECK(sta.ft.valid && resp_len > 0 && resp_len <= sizeof(resp));
	/* the response must walk and carry the station's SNonce */
	{
		struct fsr_ie_set set;
		struct fsr_ie_fte f;

		CHECK(!fsr_ie_walk(resp, resp_len, &set, NULL) &&
		      set.rsne.p && set.mde.p && set.fte.p);
		CHECK(!fsr_ie_parse_fte(set.fte.p, set.fte.len, 16, &f,
					NULL));
		CHECK(!memcmp(f.snonce, sta.ft.snonce, 32) &&
		      !memcmp(f.anonce, sta.ft.anonce, 32));
	}
	if (data[0] & 2)
		sign(b, &sta, r, rlen, data[0] & 4);
	why = NULL;
	status = ft_reassoc_check(b, &sta, r, rlen, &why);
	CHECK(why != NULL);
out:
	explicit_bzero(&sta.ft, sizeof(sta.ft));
	free(a);
	free(r);
	return 0;
}
