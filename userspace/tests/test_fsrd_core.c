// SPDX-License-Identifier: GPL-2.0-only
/* Unit tests of fsrd's pure core: frame builders, association checks,
 * station table. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ap/assoc_req.h"
#include "keys/ft_store.h"
#include "core/ieee80211.h"
#include "ap/ies.h"
#include "ap/sta_table.h"
#include "tap.h"

static const uint8_t bssid[6] = { 2, 0, 0, 0, 0, 0 };
static const uint8_t sta_mac[6] = { 2, 0, 0, 0, 1, 0 };

static void conf_init(struct fsrd_bss_conf *bc, enum fsrd_security sec)
{
	memset(bc, 0, sizeof(*bc));
	memcpy(bc->ssid, "fsr-test", 8);
	bc->ssid_len = 8;
	bc->channel = 1;
	bc->freq_mhz = 2412;
	bc->ht = true;
	bc->security = sec;
	bc->pairwise_cipher = RSN_SUITE_CCMP;
	bc->beacon_interval = 100;
	bc->dtim_period = 2;
	bc->max_stations = 2;
}

/* Find element id in buf; returns a pointer to its header or NULL. */
static const uint8_t *find_ie(const uint8_t *buf, size_t len, uint8_t id)
{
	size_t pos = 0;

	while (pos + 2 <= len && pos + 2 + buf[pos + 1] <= len) {
		if (buf[pos] == id)
			return buf + pos;
		pos += 2 + (size_t)buf[pos + 1];
	}
	return NULL;
}

static void test_beacon(void)
{
	static const uint8_t rsne_psk[] = {
		48, 20, 1, 0, 0x00, 0x0f, 0xac, 4, 1, 0, 0x00, 0x0f, 0xac, 4,
		1, 0, 0x00, 0x0f, 0xac, 2, 0, 0,
	};
	static const uint8_t mdid[2] = { 0xa1, 0xb2 };
	struct fsrd_bss_conf bc;
	struct fsrd_bss_ies b;
	uint8_t head[256], tail[512], pr[1024];
	const uint8_t *e;
	int hl, tl, pl;

	conf_init(&bc, FSRD_SEC_WPA2_PSK);
	tap_ok(!fsrd_ies_init(&b, &bc, bssid, NULL), "ies init wpa2-psk");
	tap_ok(b.rsne_len == sizeof(rsne_psk) &&
	       !memcmp(b.rsne, rsne_psk, sizeof(rsne_psk)),
	       "RSNE: CCMP/CCMP, AKM 2, caps 0");
	tap_ok(b.mde_len == 0, "no MDE without FT");
	hl = fsrd_build_beacon_head(&b, head, sizeof(head));
	tl = fsrd_build_beacon_tail(&b, tail, sizeof(tail));
	tap_ok(hl > 36 && head[0] == 0x80 && !memcmp(head + 10, bssid, 6),
	       "beacon head: FC, SA");
	tap_ok(head[32] == 100 && (head[34] & WLAN_CAPAB_PRIVACY),
	       "beacon interval and privacy bit");
	e = find_ie(head + 36, (size_t)hl - 36, WLAN_EID_SSID);
	tap_ok(e && e[1] == 8 && !memcmp(e + 2, "fsr-test", 8), "SSID");
	e = find_ie(head + 36, (size_t)hl - 36, WLAN_EID_DS);
	tap_ok(e && e[1] == 1 && e[2] == 1, "DS parameter set: channel 1");
	tap_ok(tl > 0 && find_ie(tail, (size_t)tl, 48) &&
	       find_ie(tail, (size_t)tl, WLAN_EID_HT_CAP) &&
	       find_ie(tail, (size_t)tl, WLAN_EID_HT_OP) &&
	       find_ie(tail, (size_t)tl, WLAN_EID_ERP) &&
	       find_ie(tail, (size_t)tl, WLAN_EID_EXT_RATES),
	       "beacon tail: RSNE, HT cap/op, ERP, ext rates");
	tap_ok(fsrd_build_beacon_head(&b, head, 20) == -ENOSPC,
	       "short buffer -> -ENOSPC");
	pl = fsrd_build_probe_resp(&b, sta_mac, pr, sizeof(pr));
	tap_ok(pl == hl + tl && pr[0] == 0x50 && !memcmp(pr + 4, sta_mac, 6),
	       "probe response = head + tail, to the requester");
	bc.ht = false;
	fsrd_ies_init(&b, &bc, bssid, NULL);
	tl = fsrd_build_beacon_tail(&b, tail, sizeof(tail));
	tap_ok(!find_ie(tail, (size_t)tl, WLAN_EID_HT_CAP), "ht = no: no HT");

	conf_init(&bc, FSRD_SEC_FT_PSK);
	tap_ok(!fsrd_ies_init(&b, &bc, bssid, mdid), "ies init ft-psk");
	tap_ok(b.rsne[1] == 24 && b.rsne[14] == 2 && b.rsne[19] == 4 &&
	       b.rsne[23] == 2, "FT-PSK RSNE: AKMs 4 and 2");
	tap_ok(b.mde_len == 5 && b.mde[0] == 54 && b.mde[2] == 0xa1 &&
	       b.mde[3] == 0xb2, "MDE with the MDID in wire order");
	bc.security = FSRD_SEC_WPA2_EAP;
	tap_ok(!fsrd_ies_init(&b, &bc, bssid, NULL) && b.rsne[1] == 20 &&
	       b.rsne[19] == 1 && b.mde_len == 0,
	       "wpa2-eap RSNE: AKM 1, no MDE");
	bc.security = FSRD_SEC_FT_EAP;
	tap_ok(!fsrd_ies_init(&b, &bc, bssid, mdid) && b.rsne[1] == 24 &&
	       b.rsne[14] == 2 && b.rsne[19] == 3 && b.rsne[23] == 1 &&
	       b.mde_len == 5, "ft-eap RSNE: AKMs 3 and 1, MDE");
	bc.security = (enum fsrd_security)0;
	tap_ok(fsrd_ies_init(&b, &bc, bssid, NULL) == -EOPNOTSUPP,
	       "unknown security refused");
}

/* A valid association request body (after the header) for wpa2-psk. */
static size_t good_req(uint8_t *p, uint32_t akm, uint32_t pw, uint32_t grp)
{
	size_t n = 0;

	p[n++] = 0x31; p[n++] = 0x04;		/* capab */
	p[n++] = 10; p[n++] = 0;		/* listen interval */
	p[n++] = 0; p[n++] = 8;
	memcpy(p + n, "fsr-test", 8); n += 8;
	p[n++] = 1; p[n++] = 4;
	p[n++] = 0x82; p[n++] = 0x84; p[n++] = 0x8b; p[n++] = 0x96;
	p[n++] = 48; p[n++] = 20; p[n++] = 1; p[n++] = 0;
	p[n++] = (uint8_t)(grp >> 24); p[n++] = (uint8_t)(grp >> 16);
	p[n++] = (uint8_t)(grp >> 8); p[n++] = (uint8_t)grp;
	p[n++] = 1; p[n++] = 0;
	p[n++] = (uint8_t)(pw >> 24); p[n++] = (uint8_t)(pw >> 16);
	p[n++] = (uint8_t)(pw >> 8); p[n++] = (uint8_t)pw;
	p[n++] = 1; p[n++] = 0;
	p[n++] = (uint8_t)(akm >> 24); p[n++] = (uint8_t)(akm >> 16);
	p[n++] = (uint8_t)(akm >> 8); p[n++] = (uint8_t)akm;
	p[n++] = 0; p[n++] = 0;
	return n;
}

static void test_assoc(void)
{
	struct fsrd_assoc_policy pol = {
		.ssid = (const uint8_t *)"fsr-test",
		.ssid_len = 8,
		.security = FSRD_SEC_WPA2_PSK,
		.pairwise_cipher = RSN_SUITE_CCMP,
		.group_cipher = RSN_SUITE_CCMP,
		.mdid = { 0xa1, 0xb2 },
		.ht = true,
	};
	static const uint8_t mde[] = { 54, 3, 0xa1, 0xb2, 0 };
	static const uint8_t bad_mde[] = { 54, 3, 0xa1, 0xb3, 0 };
	struct fsrd_assoc_req req;
	uint8_t f[256];
	const char *why;
	size_t n;

	n = good_req(f, RSN_AKM_PSK, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	tap_ok(fsrd_assoc_req_check(f, n, false, &pol, &req, &why) == 0 &&
	       req.akm == RSN_AKM_PSK && req.listen_int == 10 &&
	       req.n_rates == 4 && req.rsne && req.rsne_len == 22,
	       "valid request accepted");
	n = good_req(f, 0x000fac01, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	tap_ok(fsrd_assoc_req_check(f, n, false, &pol, &req, &why) == 43,
	       "AKM 1 -> 43");
	n = good_req(f, RSN_AKM_FT_PSK, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	tap_ok(fsrd_assoc_req_check(f, n, false, &pol, &req, &why) == 43,
	       "FT AKM on a wpa2-psk BSS -> 43");
	n = good_req(f, RSN_AKM_PSK, 0x000fac02, RSN_SUITE_CCMP);
	tap_ok(fsrd_assoc_req_check(f, n, false, &pol, &req, &why) == 42,
	       "TKIP pairwise -> 42");
	n = good_req(f, RSN_AKM_PSK, RSN_SUITE_CCMP, 0x000fac02);
	tap_ok(fsrd_assoc_req_check(f, n, false, &pol, &req, &why) == 41,
	       "TKIP group -> 41");
	n = good_req(f, RSN_AKM_PSK, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	f[22] = 2;			/* RSN version 2 */
	tap_ok(fsrd_assoc_req_check(f, n, false, &pol, &req, &why) == 44,
	       "RSN version 2 -> 44");
	n = good_req(f, RSN_AKM_PSK, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	f[21] = 5;			/* RSNE too short for its fields */
	tap_ok(fsrd_assoc_req_check(f, 20 + 7, false, &pol, &req, &why) ==
	       72, "truncated RSNE -> 72");
	n = good_req(f, RSN_AKM_PSK, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	tap_ok(fsrd_assoc_req_check(f, 20, false, &pol, &req, &why) == 40,
	       "no RSNE -> 40");
	n = good_req(f, RSN_AKM_PSK, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	f[10] = 'X';
	tap_ok(fsrd_assoc_req_check(f, n, false, &pol, &req, &why) == 1,
	       "wrong SSID -> 1");
	n = good_req(f, RSN_AKM_PSK, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	tap_ok(fsrd_assoc_req_check(f, 3, false, &pol, &req, &why) == 1,
	       "short body -> 1");
	f[n] = 48;
	f[n + 1] = 2;
	f[n + 2] = 1;
	f[n + 3] = 0;
	tap_ok(fsrd_assoc_req_check(f, n + 4, false, &pol, &req, &why) != 0,
	       "second RSNE refused");
	n = good_req(f, RSN_AKM_PSK, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	f[n] = 45;
	f[n + 1] = 3;
	tap_ok(fsrd_assoc_req_check(f, n + 5, false, &pol, &req, &why) == 40,
	       "HT capabilities of length 3 -> 40");
	tap_ok(fsrd_assoc_req_check(f, n + 1, false, &pol, &req, &why) != 0,
	       "truncated element header refused");

	pol.security = FSRD_SEC_FT_PSK;
	n = good_req(f, RSN_AKM_FT_PSK, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	tap_ok(fsrd_assoc_req_check(f, n, false, &pol, &req, &why) == 54,
	       "FT AKM without MDE -> 54");
	memcpy(f + n, bad_mde, sizeof(bad_mde));
	tap_ok(fsrd_assoc_req_check(f, n + 5, false, &pol, &req, &why) == 54,
	       "FT AKM with another MDID -> 54");
	memcpy(f + n, mde, sizeof(mde));
	tap_ok(fsrd_assoc_req_check(f, n + 5, false, &pol, &req, &why) == 0 &&
	       req.mde, "FT AKM with our MDE accepted");
	n = good_req(f, RSN_AKM_8021X, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	tap_ok(fsrd_assoc_req_check(f, n, false, &pol, &req, &why) == 43,
	       "AKM 1 on an ft-psk BSS -> 43");
	pol.security = FSRD_SEC_WPA2_EAP;
	tap_ok(fsrd_assoc_req_check(f, n, false, &pol, &req, &why) == 0 &&
	       req.akm == RSN_AKM_8021X, "AKM 1 on a wpa2-eap BSS accepted");
	n = good_req(f, RSN_AKM_PSK, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	tap_ok(fsrd_assoc_req_check(f, n, false, &pol, &req, &why) == 43,
	       "PSK AKM on a wpa2-eap BSS -> 43");
	n = good_req(f, RSN_AKM_FT_8021X, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	memcpy(f + n, mde, sizeof(mde));
	tap_ok(fsrd_assoc_req_check(f, n + 5, false, &pol, &req, &why) == 43,
	       "FT-802.1X AKM on a wpa2-eap BSS -> 43");
	pol.security = FSRD_SEC_FT_EAP;
	tap_ok(fsrd_assoc_req_check(f, n + 5, false, &pol, &req, &why) == 0 &&
	       req.akm == RSN_AKM_FT_8021X && req.mde,
	       "FT-802.1X AKM with our MDE on an ft-eap BSS accepted");
	tap_ok(fsrd_assoc_req_check(f, n, false, &pol, &req, &why) == 54,
	       "FT-802.1X AKM without MDE -> 54");
	n = good_req(f, RSN_AKM_FT_PSK, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	memcpy(f + n, mde, sizeof(mde));
	tap_ok(fsrd_assoc_req_check(f, n + 5, false, &pol, &req, &why) == 43,
	       "FT-PSK AKM on an ft-eap BSS -> 43");
	pol.security = FSRD_SEC_FT_PSK;
	n = good_req(f, RSN_AKM_FT_PSK, RSN_SUITE_CCMP, RSN_SUITE_CCMP);
	memcpy(f + n, mde, sizeof(mde));
	memmove(f + 10, f + 4, n + 1);
	memcpy(f + 4, bssid, 6);
	tap_ok(fsrd_assoc_req_check(f, n + 11, true, &pol, &req, &why) == 0 &&
	       !memcmp(req.cur_ap, bssid, 6),
	       "reassociation request: current AP parsed");
}

static void test_builders(void)
{
	struct fsrd_bss_conf bc;
	struct fsrd_bss_ies b;
	uint8_t f[512];
	int n;

	conf_init(&bc, FSRD_SEC_WPA2_PSK);
	fsrd_ies_init(&b, &bc, bssid, NULL);
	n = fsrd_build_assoc_resp(&b, sta_mac, false, 0, 5, NULL, 0, f,
				  sizeof(f));
	tap_ok(n > 30 && f[0] == 0x10 && f[26] == 0 && f[28] == 5 &&
	       f[29] == 0xc0, "association response: status 0, AID 5");
	n = fsrd_build_assoc_resp(&b, sta_mac, true, 43, 5, NULL, 0, f,
				  sizeof(f));
	tap_ok(n > 0 && f[0] == 0x30 && f[26] == 43 && f[28] == 0 &&
	       !find_ie(f + 30, (size_t)n - 30, WLAN_EID_HT_CAP),
	       "reassociation response refusing: status 43, AID 0, no HT");
	n = fsrd_build_auth(&b, sta_mac, 0, 2, 0, NULL, 0, f, sizeof(f));
	tap_ok(n == 30 && f[0] == 0xb0 && f[26] == 2, "authentication seq 2");
	n = fsrd_build_deauth(&b, sta_mac, false, 3, f, sizeof(f));
	tap_ok(n == 26 && f[0] == 0xc0 && f[24] == 3, "deauthentication");
	n = fsrd_build_deauth(&b, sta_mac, true, 8, f, sizeof(f));
	tap_ok(n == 26 && f[0] == 0xa0 && f[24] == 8, "disassociation");
}

static void test_sta_table(void)
{
	struct fsrd_sta_table t;
	struct fsrd_sta *a, *b;
	uint8_t m2[6] = { 2, 0, 0, 0, 2, 0 };

	sta_table_init(&t, 2);
	a = sta_add(&t, sta_mac);
	b = sta_add(&t, m2);
	tap_ok(a && b && t.n == 2 && sta_find(&t, m2) == b &&
	       sta_find(&t, sta_mac) == a, "add and find");
	a->aid = sta_aid_alloc(&t);
	b->aid = sta_aid_alloc(&t);
	tap_ok(a->aid == 1 && b->aid == 2, "AIDs 1 and 2");
	tap_ok(sta_aid_alloc(&t) == 0, "max_stations reached: no AID");
	sta_remove(&t, a);
	tap_ok(t.n == 1 && !sta_find(&t, sta_mac), "remove");
	tap_ok(sta_aid_alloc(&t) == 1, "freed AID reused");
	sta_remove(&t, b);
	tap_ok(t.n == 0 && !t.head, "empty again");
}

static void test_ft_store(void)
{
	struct fsr_ft_pmk_r0 r0 = { .key_len = 32 }, got;
	struct ft_scope psk = { .akm = 0x000fac04, .ssid_len = 4,
				.ssid = "corp" };
	struct ft_scope eap = psk, guest = psk;
	uint8_t other[16] = { 9 };

	eap.akm = 0x000fac03;
	memcpy(guest.ssid, "gues", 4);
	tap_ok(ft_scope_eq(&psk, &psk) && !ft_scope_eq(&psk, &eap) &&
	       !ft_scope_eq(&psk, &guest), "ft_scope: AKM and SSID both count");
	memset(r0.key, 0x11, sizeof(r0.key));
	memset(r0.name, 0x22, sizeof(r0.name));
	tap_ok(ft_store_get(sta_mac, r0.name, &psk, &got) == -ENOENT,
	       "ft_store: empty");
	tap_ok(!ft_store_add(sta_mac, &r0, &psk, 60), "ft_store: add");
	tap_ok(!ft_store_get(sta_mac, r0.name, &psk, &got) &&
	       got.key_len == 32 && got.key[0] == 0x11,
	       "ft_store: found by (SPA, PMKR0Name)");
	tap_ok(ft_store_get(sta_mac, r0.name, &eap, &got) == -EACCES,
	       "ft_store: an FT-PSK PMK-R0 is refused for an FT-802.1X BSS");
	tap_ok(ft_store_get(sta_mac, r0.name, &guest, &got) == -EACCES,
	       "ft_store: a PMK-R0 is refused for another SSID");
	tap_ok(ft_store_get(sta_mac, other, &psk, &got) == -ENOENT,
	       "ft_store: other PMKR0Name not found");
	tap_ok(ft_store_get(bssid, r0.name, &psk, &got) == -ENOENT,
	       "ft_store: other station not found");
	memset(r0.name, 0x33, sizeof(r0.name));
	ft_store_add(sta_mac, &r0, &psk, 60);
	memset(other, 0x22, sizeof(other));
	tap_ok(ft_store_get(sta_mac, other, &psk, &got) == -ENOENT &&
	       !ft_store_get(sta_mac, r0.name, &psk, &got),
	       "ft_store: a new PMK-R0 replaces the station's old one");
	ft_store_add(bssid, &r0, &psk, 0);
	tap_ok(ft_store_get(bssid, r0.name, &psk, &got) == -ENOENT,
	       "ft_store: lifetime 0 expires at once");
	ft_store_flush();
	tap_ok(ft_store_get(sta_mac, r0.name, &psk, &got) == -ENOENT,
	       "ft_store: flushed");
}

/* Management frames from these source addresses are dropped (mlme.c). */
static void test_bad_source(void)
{
	static const struct {
		uint8_t sa[6];
		const char *want;
		const char *name;
	} c[] = {
		{ { 0x03, 0, 0, 0xfe, 0, 1 }, "a group", "group address 03:..." },
		{ { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, "a group", "broadcast" },
		{ { 0x33, 0x33, 0, 0, 0, 1 }, "a group", "IPv6 multicast 33:33:..." },
		{ { 0x01, 0x80, 0xc2, 0, 0, 3 }, "a group", "PAE group address" },
		{ { 0 }, "the zero", "zero address" },
		{ { 2, 0, 0, 0, 0, 0 }, "the BSS's own", "the BSSID" },
		{ { 2, 0, 0, 0, 1, 0 }, NULL, "a locally administered station" },
		{ { 0x00, 0x1b, 0x63, 1, 2, 3 }, NULL, "a universal station address" },
		{ { 0xfe, 0, 0, 0, 0, 0 }, NULL, "I/G clear, high bits set" },
	};
	char n[96];

	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		const char *got = fsrd_bad_source(c[i].sa, bssid);

		snprintf(n, sizeof(n), "source address: %s -> %s", c[i].name,
			 c[i].want ? c[i].want : "accepted");
		tap_ok(c[i].want ? got && !strcmp(got, c[i].want) : !got, n);
	}
}

int main(void)
{
	test_beacon();
	test_assoc();
	test_builders();
	test_sta_table();
	test_ft_store();
	test_bad_source();
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}
