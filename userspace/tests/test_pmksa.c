// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the PMKSA cache (fsrd/keys/pmksa.c): published PMKID vectors,
 * lookups, OKC, expiry, eviction, listing without keys. A fake clock.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys/pmksa.h"
#include "tap.h"
#include "wpa_crypto.h"

static uint64_t now;

static uint64_t fake_now(void)
{
	return now;
}

static void unhex(const char *h, uint8_t *out)
{
	size_t i, n = strlen(h) / 2;

	for (i = 0; i < n; i++) {
		unsigned int v;

		sscanf(h + 2 * i, "%2x", &v);
		out[i] = (uint8_t)v;
	}
}

/*
 * PMKID vectors published as hashcat's example hashes (WPA-PMKID-PBKDF2,
 * modes 16800 and 22000 "WPA*01"): passphrase "hashcat!", PMKID*AA*SPA*
 * ESSID. PMK = PBKDF2-SHA1(passphrase, ESSID, 4096, 256); checked
 * independently with python3 hashlib.pbkdf2_hmac and hmac (SHA-1).
 */
static const struct {
	const char *essid_hex, *aa, *spa, *pmk, *pmkid;
} vec[] = {
	{ "ed487162465a774bfba60eb603a39f3a", "4604ba734d4e", "89acf0e761f4",
	  "5b13d4babb3714ccc62c9f71864bc984efd6a55f237c7a87fc2151e1ca658a9d",
	  "2582a8281bf9d4308d6f5731d0e61c61" },
	{ "686173686361742d6573736964", "fc690c158264", "f4747f87f9f4",
	  "88f43854ae7b1624fc2ab7724859e795130f4843c7535729e819cf92f39535dc",
	  "4d4fe7aac3a2cecab195321ceb99a7d0" },
};

static void test_vectors(void)
{
	size_t i;

	for (i = 0; i < sizeof(vec) / sizeof(vec[0]); i++) {
		uint8_t essid[32], aa[6], spa[6], pmk[32], want_pmk[32];
		uint8_t pmkid[16], want[16];
		size_t essid_len = strlen(vec[i].essid_hex) / 2;
		struct pmksa_cache *c = pmksa_new(4, fake_now);
		const struct pmksa_entry *e;
		struct ft_scope sc = { 0 };
		char name[96];

		unhex(vec[i].essid_hex, essid);
		unhex(vec[i].aa, aa);
		unhex(vec[i].spa, spa);
		unhex(vec[i].pmk, want_pmk);
		unhex(vec[i].pmkid, want);
		tap_ok(!wpa_psk_from_passphrase("hashcat!", essid, essid_len,
						pmk) &&
		       !memcmp(pmk, want_pmk, 32),
		       "hashcat vector: PMK from the passphrase");
		sc.akm = 0x000fac02;
		sc.ssid_len = (uint8_t)essid_len;
		memcpy(sc.ssid, essid, essid_len);
		e = pmksa_add(c, spa, aa, &sc, pmk, 32, 3600, NULL, pmkid);
		snprintf(name, sizeof(name), "PMKID %s (hashcat example %zu)",
			 vec[i].pmkid, i + 1);
		tap_ok(e && !memcmp(pmkid, want, 16) &&
		       !memcmp(e->pmkid, want, 16), name);
		tap_ok(pmksa_get(c, spa, aa, &sc, want) == e,
		       "lookup by the published PMKID");
		pmksa_free(c);
	}
}

/* where the entries are made: AKM 1 (or 3) on SSID "staff" / "guest" */
static const struct ft_scope staff = { .akm = 0x000fac01, .ssid_len = 5,
				       .ssid = "staff" };
static const struct ft_scope staff_ft = { .akm = 0x000fac03, .ssid_len = 5,
					  .ssid = "staff" };
static const struct ft_scope guest = { .akm = 0x000fac01, .ssid_len = 5,
				       .ssid = "guest" };

static const uint8_t sta1[6] = { 2, 0, 0, 0, 1, 0 };
static const uint8_t sta2[6] = { 2, 0, 0, 0, 2, 0 };
static const uint8_t ap1[6] = { 2, 0, 0, 0, 0, 1 };
static const uint8_t ap2[6] = { 2, 0, 0, 0, 0, 2 };
static const uint8_t ap3[6] = { 2, 0, 0, 0, 0, 3 };

static void test_lookup_okc(void)
{
	struct pmksa_cache *c = pmksa_new(8, fake_now);
	struct eap_relay_attrs at;
	uint8_t pmk[32], pmk2[32], id1[16], id2[16], id_other[16], bad[16];
	const struct pmksa_entry *e, *o;

	now = 1000;
	memset(pmk, 0x11, sizeof(pmk));
	memset(pmk2, 0x22, sizeof(pmk2));
	memset(&at, 0, sizeof(at));
	at.vlan_id = 42;
	at.session_timeout = 3600;
	snprintf(at.user_name, sizeof(at.user_name), "alice");
	e = pmksa_add(c, sta1, ap1, &staff, pmk, 32, 43200, &at, id1);
	tap_ok(e && e->expires_ms == 1000 + 43200000ull &&
	       e->attrs.vlan_id == 42 && pmksa_count(c) == 1,
	       "PMKSA added with its lifetime and RADIUS attributes");
	tap_ok(pmksa_get(c, sta1, ap1, &staff, id1) == e,
	       "hit on (STA, AA, scope, PMKID)");
	tap_ok(!pmksa_get(c, sta1, ap2, &staff, id1) &&
	       !pmksa_get(c, sta2, ap1, &staff, id1),
	       "other AA or other station: miss");
	memcpy(bad, id1, 16);
	bad[15] ^= 1;
	tap_ok(!pmksa_get(c, sta1, ap1, &staff, bad), "wrong PMKID: miss");
	tap_ok(pmksa_add(c, sta1, ap1, &staff, pmk, 31, 10, NULL, NULL) == NULL &&
	       pmksa_add(c, sta1, ap1, &staff, pmk, 32, 0, NULL, NULL) == NULL,
	       "bad PMK length or zero lifetime refused");
	{
		struct ft_scope bad_sc = staff;

		bad_sc.akm = 0;
		tap_ok(!pmksa_add(c, sta1, ap1, &bad_sc, pmk, 32, 10, NULL,
				  NULL), "no AKM: refused");
		bad_sc = staff;
		bad_sc.ssid_len = 0;
		tap_ok(!pmksa_add(c, sta1, ap1, &bad_sc, pmk, 32, 10, NULL,
				  NULL), "empty SSID: refused");
		bad_sc.ssid_len = 33;
		tap_ok(!pmksa_add(c, sta1, ap1, &bad_sc, pmk, 32, 10, NULL,
				  NULL), "SSID over 32 octets: refused");
		tap_ok(!pmksa_add(c, sta1, ap1, NULL, pmk, 32, 10, NULL, NULL),
		       "no scope: refused");
		tap_ok(pmksa_count(c) == 1 && pmksa_get(c, sta1, ap1, &staff, id1) == e,
		       "... and the cache is unchanged");
	}
	tap_ok(!pmksa_get(c, sta1, ap1, &guest, id1),
	       "same AA and PMKID, another SSID: miss");
	tap_ok(!pmksa_get(c, sta1, ap1, &staff_ft, id1),
	       "same AA and PMKID, another AKM: miss");
	tap_ok(!pmksa_get(c, sta1, ap1, NULL, id1), "no scope: miss");

	/* OKC: the station computes the PMKID for AP2 from its PMK */
	wpa_pmkid(pmk, 32, ap2, sta1, id2);
	tap_ok(!pmksa_get(c, sta1, ap2, &staff, id2), "no entry for AP2 yet");
	tap_ok(!pmksa_get_okc(c, sta1, ap2, &guest, id2) &&
	       pmksa_count(c) == 1,
	       "OKC into another SSID of the same AKM: miss, nothing copied");
	tap_ok(!pmksa_get_okc(c, sta1, ap2, &staff_ft, id2),
	       "OKC into another AKM of the same SSID: miss");
	tap_ok(!pmksa_get_okc(c, sta1, ap2, NULL, id2), "OKC without a scope: miss");
	o = pmksa_get_okc(c, sta1, ap2, &staff, id2);
	tap_ok(o && o->okc && !memcmp(o->aa, ap2, 6) &&
	       !memcmp(o->pmkid, id2, 16) && !memcmp(o->pmk, pmk, 32) &&
	       o->expires_ms == e->expires_ms && o->attrs.vlan_id == 42 &&
	       ft_scope_eq(&o->scope, &staff),
	       "OKC: PMKID for the new AA found from the cached PMK, entry copied");
	tap_ok(pmksa_get(c, sta1, ap2, &staff, id2) == o && pmksa_count(c) == 2,
	       "the OKC copy serves the next lookup directly");
	tap_ok(!pmksa_get_okc(c, sta1, ap3, &staff, id2),
	       "OKC with a PMKID computed for another AA: miss");
	wpa_pmkid(pmk, 32, ap3, sta1, id_other);
	tap_ok(!pmksa_get_okc(c, sta2, ap3, &staff, id_other),
	       "OKC for another station: miss");
	tap_ok(!pmksa_get_okc(c, sta1, ap3, &staff_ft, id_other),
	       "OKC with another AKM: miss");

	/* a new authentication replaces the (STA, AA) entry */
	e = pmksa_add(c, sta1, ap1, &staff, pmk2, 32, 600, NULL, id_other);
	tap_ok(e && pmksa_count(c) == 2 && !pmksa_get(c, sta1, ap1, &staff, id1) &&
	       pmksa_get(c, sta1, ap1, &staff, id_other) == e &&
	       pmksa_stats(c)->replaced == 1,
	       "same (STA, AA): replaced, the old PMKID is gone");

	/* expiry */
	now += 600 * 1000;
	tap_ok(!pmksa_get(c, sta1, ap1, &staff, id_other), "expired entry: miss");
	tap_ok(pmksa_expire(c) == 1 && pmksa_count(c) == 1,
	       "expire drops it");
	tap_ok(pmksa_remove(c, sta1, NULL) == 1 && pmksa_count(c) == 0,
	       "remove every entry of a station");
	/* every station of one AA; newest of a station */
	pmksa_add(c, sta1, ap1, &staff, pmk, 32, 600, NULL, NULL);
	pmksa_add(c, sta1, ap2, &staff, pmk, 32, 600, NULL, NULL);
	tap_ok(pmksa_newest(c, sta1, NULL) &&
	       !memcmp(pmksa_newest(c, sta1, NULL)->aa, ap2, 6),
	       "newest entry of a station: the last added");
	pmksa_add(c, sta1, ap3, &guest, pmk, 32, 600, NULL, NULL);
	tap_ok(!memcmp(pmksa_newest(c, sta1, NULL)->aa, ap3, 6) &&
	       !memcmp(pmksa_newest(c, sta1, &staff)->aa, ap2, 6) &&
	       !memcmp(pmksa_newest(c, sta1, &staff_ft)->aa, ap2, 6),
	       "newest entry on one SSID (any AKM): another SSID's is skipped");
	tap_ok(pmksa_remove(c, NULL, ap3) == 1, "remove the other SSID's");
	tap_ok(pmksa_remove(c, NULL, ap1) == 1 && pmksa_count(c) == 1 &&
	       !memcmp(pmksa_newest(c, sta1, NULL)->aa, ap2, 6),
	       "remove every entry of one AA");
	tap_ok(pmksa_flush(c) == 1 && !pmksa_newest(c, sta1, NULL), "flush");
	pmksa_free(c);
}

static void test_bounds_list(void)
{
	struct pmksa_cache *c = pmksa_new(4, fake_now);
	struct pmksa_info info[8];
	uint8_t pmk[32], sta[6] = { 2, 0, 0, 0, 9, 0 }, id[6][16];
	const struct pmksa_entry *first_ptr;
	unsigned int i;
	size_t n, k;
	bool leak = false;

	now = 5000;
	for (i = 0; i < 6; i++) {
		memset(pmk, 0xc0 + i, sizeof(pmk));
		sta[5] = (uint8_t)i;
		pmksa_add(c, sta, ap1, &staff, pmk, 32, 100 + i, NULL, id[i]);
		now += 10;
	}
	sta[5] = 0;
	tap_ok(pmksa_count(c) == 4 && pmksa_stats(c)->evicted == 2 &&
	       !pmksa_get(c, sta, ap1, &staff, id[0]),
	       "bounded: 6 adds in a 4-entry cache evict the 2 oldest");
	sta[5] = 2;
	first_ptr = pmksa_get(c, sta, ap1, &staff, id[2]);
	tap_ok(first_ptr != NULL, "the newer entries stay");
	n = pmksa_list(c, info, 8);
	tap_ok(n == 4 && info[0].spa[5] == 2 && info[3].spa[5] == 5 &&
	       info[0].expires_in_s == 102 && !memcmp(info[0].pmkid, id[2], 16),
	       "listing: oldest first, PMKID and remaining lifetime");
	for (k = 0; k < n; k++) {
		const uint8_t *p = (const uint8_t *)&info[k];
		size_t j;

		memset(pmk, 0xc0 + info[k].spa[5], sizeof(pmk));
		for (j = 0; j + 32 <= sizeof(info[k]); j++)
			if (!memcmp(p + j, pmk, 32))
				leak = true;
	}
	tap_ok(!leak, "no PMK bytes in the listing");
	tap_ok(pmksa_list(c, info, 2) == 2, "listing bounded by the caller");
	tap_ok(pmksa_flush(c) == 4 && pmksa_count(c) == 0 &&
	       pmksa_list(c, info, 8) == 0, "flush empties the cache");
	/* a flushed slot holds no key any more */
	memset(pmk, 0xc5, sizeof(pmk));
	tap_ok(first_ptr->used == false &&
	       memcmp(first_ptr->pmk, pmk, 32) != 0 &&
	       first_ptr->pmk[0] == 0 && first_ptr->pmk[31] == 0,
	       "removed entries are wiped");
	/* OKC when the source is the oldest entry of a full cache */
	for (i = 0; i < 4; i++) {
		memset(pmk, 0x30 + i, sizeof(pmk));
		sta[5] = (uint8_t)(0x40 + i);
		pmksa_add(c, sta, ap1, &staff, pmk, 32, 100, NULL, NULL);
	}
	memset(pmk, 0x30, sizeof(pmk));
	sta[5] = 0x40;
	wpa_pmkid(pmk, 32, ap2, sta, id[0]);
	first_ptr = pmksa_get_okc(c, sta, ap2, &staff, id[0]);
	tap_ok(first_ptr && !memcmp(first_ptr->pmk, pmk, 32) &&
	       pmksa_count(c) == 4,
	       "OKC copy survives the eviction of its own source");
	pmksa_free(c);
	tap_ok(pmksa_new(0, fake_now) == NULL && pmksa_new(4, NULL) == NULL,
	       "zero size or no clock refused");
}

/* PMKSAs shared by a peer AP (pmksa_add_peer, pmksa_remove_origin) */
static void test_peer(void)
{
	struct pmksa_cache *c = pmksa_new(8, fake_now);
	struct eap_relay_attrs a = { 0 };
	uint8_t pmk[32], id1[16], id2[16], bad[16];
	const struct pmksa_entry *e;
	struct pmksa_info info[8];
	size_t n;

	now = 1000000;
	memset(pmk, 0x5a, sizeof(pmk));
	wpa_pmkid(pmk, 32, ap1, sta1, id1);
	wpa_pmkid(pmk, 32, ap2, sta1, id2);
	a.has_session_timeout = true;
	a.session_timeout = 900;
	strcpy(a.user_name, "alice");

	tap_ok(pmksa_add_peer(c, sta1, ap1, &staff, pmk, id1, 100, 800, &a,
			      (const uint8_t *)"ap1.lab", 7) == 0 &&
	       pmksa_count(c) == 1 && pmksa_stats(c)->peer_added == 1,
	       "a peer's PMKSA kept");
	e = pmksa_newest(c, sta1, NULL);
	tap_ok(e && e->origin_len == 7 && !memcmp(e->origin, "ap1.lab", 7) &&
	       e->created_ms == now - 100000 &&
	       e->expires_ms == now + 800000 &&
	       !strcmp(e->attrs.user_name, "alice"),
	       "its origin, its age (the session counts from its EAP authentication), its lifetime, its attributes");
	tap_ok(!pmksa_get(c, sta1, ap2, &staff, id2),
	       "not a PMKSA of this AA: no plain PMKSA caching hit here");
	e = pmksa_get_okc(c, sta1, ap2, &staff, id2);
	tap_ok(e && e->okc && e->origin_len == 7 &&
	       e->created_ms == now - 100000,
	       "OKC from it for our AA: the copy keeps origin and age");
	tap_ok(!pmksa_get_okc(c, sta1, ap3, &guest, id2),
	       "no OKC into another SSID");

	memcpy(bad, id1, 16);
	bad[0] ^= 1;
	tap_ok(pmksa_add_peer(c, sta2, ap1, &staff, pmk, bad, 0, 800, &a,
			      (const uint8_t *)"ap1.lab", 7) == -EBADMSG &&
	       pmksa_count(c) == 2,
	       "a PMKID that is not the PMK's: refused (-EBADMSG)");
	tap_ok(pmksa_add_peer(c, sta2, ap1, &staff, pmk, id1, 900, 800, &a,
			      (const uint8_t *)"ap1.lab", 7) == -EINVAL,
	       "an age at the Session-Timeout: refused");
	tap_ok(pmksa_add_peer(c, sta1, ap1, &staff, pmk, id1, 0, 0, &a,
			      (const uint8_t *)"ap1.lab", 7) == -EINVAL &&
	       pmksa_add_peer(c, sta1, ap1, &staff, pmk, id1, 0, 10, &a,
			      NULL, 0) == -EINVAL &&
	       pmksa_add_peer(c, sta1, ap1, &staff, pmk, id1, 0, 10, &a,
			      (const uint8_t *)"x", PMKSA_ORIGIN_MAX + 1) ==
	       -EINVAL,
	       "no lifetime, no origin, an origin too long: refused");

	/* an entry made here is never replaced by a peer's */
	pmksa_add(c, sta2, ap3, &staff, pmk, 32, 600, NULL, NULL);
	wpa_pmkid(pmk, 32, ap3, sta2, bad);
	tap_ok(pmksa_add_peer(c, sta2, ap3, &staff, pmk, bad, 0, 800, &a,
			      (const uint8_t *)"ap1.lab", 7) == -EEXIST,
	       "a peer does not replace a PMKSA made here (-EEXIST)");
	/* a peer's entry is replaced by the same peer's next one */
	tap_ok(pmksa_add_peer(c, sta1, ap1, &staff, pmk, id1, 0, 300, &a,
			      (const uint8_t *)"ap1.lab", 7) == 0 &&
	       pmksa_count(c) == 3,
	       "the peer's next PMKSA for the same pair replaces its first");

	n = pmksa_list(c, info, 8);
	tap_ok(n == 3 && !strcmp(info[0].origin, "ap1.lab") &&
	       !strcmp(info[1].origin, "") && !strcmp(info[2].origin, "ap1.lab"),
	       "listed with their origin (empty: made here)");

	tap_ok(pmksa_remove_origin(c, sta1, (const uint8_t *)"ap2.lab", 7) == 0,
	       "another origin removes nothing");
	tap_ok(pmksa_remove_origin(c, sta1, (const uint8_t *)"ap1.lab", 7) == 2 &&
	       pmksa_count(c) == 1 && pmksa_stats(c)->peer_removed == 2,
	       "the origin's entries of the station go, its OKC copy too");
	tap_ok(pmksa_remove_origin(c, sta2, (const uint8_t *)"ap1.lab", 7) == 0 &&
	       pmksa_count(c) == 1,
	       "a PMKSA made here stays");
	pmksa_free(c);
}

int main(void)
{
	test_vectors();
	test_lookup_okc();
	test_bounds_list();
	test_peer();
	return tap_done();
}
