// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/* The 802.11 KDF and the FT key hierarchy against published vectors. */
#include "ft_kdf.h"
#include "tap.h"
#include "tests.h"
#include "vecfile.h"

#include <stdio.h>
#include <string.h>

static void kdf_case(const char *sec)
{
	size_t klen, llen, clen, olen;
	const u8 *key = vec_get(sec, "key", &klen);
	const u8 *label = vec_get(sec, "label", &llen);
	const u8 *ctx = vec_get(sec, "ctx", &clen);
	const u8 *want = vec_get(sec, "out", &olen);
	struct fsr_vec v[3] = { { ctx, 6 }, { ctx + 6, 6 },
				{ ctx + 12, clen - 12 } };
	u8 out[128];
	char name[96];

	snprintf(name, sizeof(name), "KDF-SHA256 %s (%zu bits)", sec,
		 olen * 8);
	tap_ok(!fsr_kdf(FSR_FT_HASH_SHA256, key, klen, (const char *)label,
			v, 3, out, olen), "%s call", name);
	tap_mem(out, want, olen, name);
	(void)llen;
}

static u32 be32(const u8 *p)
{
	return fsr_get_suite(p);
}

static void hierarchy_case(const char *sec)
{
	const char *c = "ft-common";
	size_t ssid_len, r0kh_len, xx_len;
	const u8 *ssid = vec_get(c, "ssid", &ssid_len);
	const u8 *mdid = vec_get(c, "mdid", NULL);
	const u8 *r0kh = vec_get(c, "r0kh_id", &r0kh_len);
	const u8 *r1kh = vec_get(c, "r1kh_id", NULL);
	const u8 *sta = vec_get(c, "sta", NULL);
	const u8 *bssid = vec_get(c, "bssid", NULL);
	const u8 *snonce = vec_get(c, "snonce", NULL);
	const u8 *anonce = vec_get(c, "anonce", NULL);
	const u8 *xxkey = vec_get(sec, "xxkey", &xx_len);
	struct fsr_ft_suite s;
	struct fsr_ft_pmk_r0 r0;
	struct fsr_ft_pmk_r1 r1;
	struct fsr_ft_ptk ptk;
	u8 r1name[FSR_FT_NAME_LEN];
	char n[96];

	tap_ok(!fsr_ft_suite_init(&s, be32(vec_get(sec, "akm", NULL)),
				  be32(vec_get(sec, "cipher", NULL))),
	       "%s suite init", sec);
	tap_ok(!fsr_ft_derive_pmk_r0(&s, xxkey, xx_len, ssid, ssid_len, mdid,
				     r0kh, r0kh_len, sta, &r0),
	       "%s PMK-R0 derivation call", sec);
	snprintf(n, sizeof(n), "%s PMK-R0", sec);
	tap_ok(r0.key_len == s.pmk_len, "%s length %u", n, r0.key_len);
	tap_mem(r0.key, vec_get(sec, "pmk_r0", NULL), s.pmk_len, n);
	snprintf(n, sizeof(n), "%s PMKR0Name", sec);
	tap_mem(r0.name, vec_get(sec, "pmk_r0_name", NULL), 16, n);

	tap_ok(!fsr_ft_derive_pmk_r1(&s, &r0, r1kh, sta, &r1),
	       "%s PMK-R1 derivation call", sec);
	snprintf(n, sizeof(n), "%s PMK-R1", sec);
	tap_mem(r1.key, vec_get(sec, "pmk_r1", NULL), s.pmk_len, n);
	snprintf(n, sizeof(n), "%s PMKR1Name", sec);
	tap_mem(r1.name, vec_get(sec, "pmk_r1_name", NULL), 16, n);
	tap_ok(!fsr_ft_pmk_r1_name(&s, vec_get(sec, "pmk_r0_name", NULL),
				   r1kh, sta, r1name) &&
	       !memcmp(r1name, vec_get(sec, "pmk_r1_name", NULL), 16),
	       "%s PMKR1Name from PMKR0Name alone", sec);

	/* PTK from the vector's PMK-R1, not from ours: each step stands alone */
	tap_ok(!fsr_ft_derive_ptk(&s, vec_get(sec, "pmk_r1", NULL), s.pmk_len,
				  vec_get(sec, "pmk_r1_name", NULL), snonce,
				  anonce, bssid, sta, &ptk),
	       "%s PTK derivation call", sec);
	tap_ok(ptk.kck_len == s.kck_len && ptk.kek_len == s.kek_len &&
	       ptk.tk_len == s.tk_len, "%s KCK/KEK/TK lengths %u/%u/%u", sec,
	       ptk.kck_len, ptk.kek_len, ptk.tk_len);
	snprintf(n, sizeof(n), "%s KCK", sec);
	tap_mem(ptk.kck, vec_get(sec, "kck", NULL), s.kck_len, n);
	snprintf(n, sizeof(n), "%s KEK", sec);
	tap_mem(ptk.kek, vec_get(sec, "kek", NULL), s.kek_len, n);
	snprintf(n, sizeof(n), "%s TK", sec);
	tap_mem(ptk.tk, vec_get(sec, "tk", NULL), s.tk_len, n);
	snprintf(n, sizeof(n), "%s PTKName", sec);
	tap_mem(ptk.name, vec_get(sec, "ptk_name", NULL), 16, n);

	tap_ok(fsr_ft_derive_pmk_r0(&s, xxkey, xx_len - 1, ssid, ssid_len,
				    mdid, r0kh, r0kh_len, sta, &r0) == -EINVAL,
	       "%s refuses an XXKey of the wrong length", sec);
	tap_ok(fsr_ft_derive_pmk_r0(&s, xxkey, xx_len, ssid, ssid_len, mdid,
				    r0kh, 0, sta, &r0) == -EINVAL,
	       "%s refuses an empty R0KH-ID", sec);
	tap_ok(fsr_ft_derive_pmk_r0(&s, xxkey, xx_len, ssid, ssid_len, mdid,
				    r0kh, 49, sta, &r0) == -EINVAL,
	       "%s refuses a 49-octet R0KH-ID", sec);
	tap_ok(fsr_ft_derive_ptk(&s, r1.key, s.pmk_len - 1, r1.name, snonce,
				 anonce, bssid, sta, &ptk) == -EINVAL,
	       "%s PTK refuses a PMK-R1 of the wrong length", sec);
}

static void suite_cases(void)
{
	struct fsr_ft_suite s;

	tap_ok(!fsr_ft_suite_init(&s, FSR_FT_AKM_8021X, FSR_FT_CIPHER_GCMP_256)
	       && s.hash == FSR_FT_HASH_SHA256 && s.kck_len == 16 &&
	       s.kek_len == 16 && s.tk_len == 32 && s.mic_len == 16,
	       "suite FT-802.1X/GCMP-256: SHA-256, KCK 16, KEK 16, TK 32");
	tap_ok(!fsr_ft_suite_init(&s, FSR_FT_AKM_8021X_SHA384,
				  FSR_FT_CIPHER_CCMP_128) &&
	       s.hash == FSR_FT_HASH_SHA384 && s.pmk_len == 48 &&
	       s.kck_len == 24 && s.kek_len == 32 && s.tk_len == 16 &&
	       s.mic_len == 24,
	       "suite FT-802.1X-SHA384/CCMP-128: SHA-384, KCK 24, KEK 32, TK 16");
	tap_ok(fsr_ft_suite_init(&s, 0x000fac02, FSR_FT_CIPHER_CCMP_128) ==
	       -EOPNOTSUPP, "suite: non-FT AKM (PSK) refused");
	tap_ok(fsr_ft_suite_init(&s, FSR_FT_AKM_PSK, 0x000fac02) == -EINVAL,
	       "suite: TKIP refused");
	tap_ok(fsr_kdf(FSR_FT_HASH_SHA256, (const u8 *)"k", 1, "x", NULL, 0,
		       NULL, 0) == -EINVAL, "KDF refuses a zero length");
}

void test_kdf(void)
{
	kdf_case("kdf-pasn-j12");
	kdf_case("kdf-pasn-j13");
	suite_cases();
	hierarchy_case("ft-sha256");
	hierarchy_case("ft-sha384");
}
