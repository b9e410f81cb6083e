// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/* FTE MIC (AES-CMAC / HMAC-SHA384-192) and key subelements. */
#include "ft_mic.h"
#include "tap.h"
#include "tests.h"
#include "vecfile.h"

#include <stdio.h>
#include <string.h>

/* Frame body RSNE || MDE || FTE (with the vector's MIC filled in). */
static size_t body_from_vectors(const char *sec, u8 *buf, int fill_mic)
{
	size_t rl, ml, fl, mic_len;
	const u8 *rsne = vec_get(sec, "rsne", &rl);
	const u8 *mde = vec_get(sec, "mde", &ml);
	const u8 *fte = vec_get(sec, "fte", &fl);
	const u8 *mic = vec_get(sec, "mic", &mic_len);

	memcpy(buf, rsne, rl);
	memcpy(buf + rl, mde, ml);
	memcpy(buf + rl + ml, fte, fl);
	if (fill_mic)
		memcpy(buf + rl + ml + FSR_FTE_MIC_OFFSET, mic, mic_len);
	return rl + ml + fl;
}

static void mic_case(const char *sec)
{
	const u8 *sta = vec_get("ft-common", "sta", NULL);
	const u8 *ap = vec_get("ft-common", "bssid", NULL);
	size_t kck_len, mic_len, len, i;
	const u8 *kck = vec_get(sec, "kck", &kck_len);
	const u8 *want = vec_get(sec, "mic", &mic_len);
	struct fsr_ft_mic_input in;
	struct fsr_ie_set set;
	u8 body[512], mic[24];
	u8 *fte_mic;
	int bad = 0;

	len = body_from_vectors(sec, body, 0);
	tap_ok(!fsr_ie_walk(body, len, &set, NULL) && set.rsne.p &&
	       set.mde.p && set.fte.p, "%s walk RSNE/MDE/FTE", sec);
	fsr_ft_mic_input_init(&in, &set, sta, ap, FSR_FT_SEQ_REASSOC_REQ);
	tap_ok(!fsr_ft_mic_compute(kck, kck_len, &in, mic),
	       "%s MIC compute call", sec);
	tap_mem(mic, want, mic_len, kck_len == 16 ?
		"ft-sha256 FTE MIC, seq 5, AES-128-CMAC" :
		"ft-sha384 FTE MIC, seq 5, HMAC-SHA384-192");

	/* write the MIC into the FTE itself, then verify */
	fte_mic = (u8 *)set.fte.p + FSR_FTE_MIC_OFFSET;
	tap_ok(!fsr_ft_mic_compute(kck, kck_len, &in, fte_mic) &&
	       !memcmp(fte_mic, want, mic_len),
	       "%s MIC computed into the FTE's own MIC field", sec);
	tap_ok(fsr_ft_mic_verify(kck, kck_len, &in) == 0,
	       "%s verify accepts the right MIC", sec);

	for (i = 0; i < mic_len; i++) {
		fte_mic[i] ^= 0x80;
		if (fsr_ft_mic_verify(kck, kck_len, &in) != -EBADMSG)
			bad++;
		fte_mic[i] ^= 0x80;
	}
	tap_ok(!bad, "%s verify rejects a change in each of the %zu MIC octets",
	       sec, mic_len);
	if (mic_len == 24) {
		fte_mic[23] ^= 0x01;
		tap_ok(fsr_ft_mic_verify(kck, kck_len, &in) == -EBADMSG,
		       "%s a change in the last of 24 octets is caught "
		       "(hostapd 2.10 compares 16)", sec);
		fte_mic[23] ^= 0x01;
		fte_mic[16] ^= 0x01;
		tap_ok(fsr_ft_mic_verify(kck, kck_len, &in) == -EBADMSG,
		       "%s a change in octet 17 of 24 is caught", sec);
		fte_mic[16] ^= 0x01;
	}

	in.seq = FSR_FT_SEQ_REASSOC_RESP;
	tap_ok(fsr_ft_mic_verify(kck, kck_len, &in) == -EBADMSG,
	       "%s the request MIC does not verify as sequence 6", sec);
	in.seq = FSR_FT_SEQ_REASSOC_REQ;
	((u8 *)set.rsne.p)[set.rsne.len - 1] ^= 1;
	tap_ok(fsr_ft_mic_verify(kck, kck_len, &in) == -EBADMSG,
	       "%s a changed PMKID in the RSNE breaks the MIC", sec);
	((u8 *)set.rsne.p)[set.rsne.len - 1] ^= 1;
	((u8 *)set.fte.p)[set.fte.len - 1] ^= 1;
	tap_ok(fsr_ft_mic_verify(kck, kck_len, &in) == -EBADMSG,
	       "%s a changed R0KH-ID in the FTE breaks the MIC", sec);
	((u8 *)set.fte.p)[set.fte.len - 1] ^= 1;
	tap_ok(fsr_ft_mic_verify(kck, kck_len - 1, &in) == -EINVAL,
	       "%s verify refuses a KCK of a wrong length", sec);
	in.fte.len = FSR_FTE_MIC_OFFSET + mic_len - 1;
	tap_ok(fsr_ft_mic_verify(kck, kck_len, &in) == -EINVAL,
	       "%s verify refuses an FTE too short for the MIC", sec);
	in.fte.len = set.fte.len;
	in.mde.p = NULL;
	tap_ok(fsr_ft_mic_verify(kck, kck_len, &in) == -EINVAL,
	       "%s verify refuses a missing MDE", sec);
}

static void ric_rsnxe_case(void)
{
	static const u8 extra[] = {
		57, 4, 1, 1, 0, 0,		/* RDE, one descriptor */
		13, 2, 0xaa, 0xbb,		/* a (short) TSPEC */
		244, 1, 0x20,			/* RSNXE */
	};
	const char *sec = "ft-sha256";
	const u8 *sta = vec_get("ft-common", "sta", NULL);
	const u8 *ap = vec_get("ft-common", "bssid", NULL);
	const u8 *kck = vec_get(sec, "kck", NULL);
	struct fsr_ft_mic_input in;
	struct fsr_ie_set set;
	u8 body[512], mic1[16], mic2[16];
	size_t len = body_from_vectors(sec, body, 0);

	memcpy(body + len, extra, sizeof(extra));
	tap_ok(!fsr_ie_walk(body, len + sizeof(extra), &set, NULL) &&
	       set.ric.len == 10 && set.ric_count == 2 && set.rsnxe.len == 3,
	       "walk finds a 2-element RIC and the RSNXE");
	fsr_ft_mic_input_init(&in, &set, sta, ap, 5);
	fsr_ft_mic_compute(kck, 16, &in, mic1);
	in.ric.p = NULL;
	fsr_ft_mic_compute(kck, 16, &in, mic2);
	tap_ok(memcmp(mic1, mic2, 16) != 0, "the RIC is covered by the MIC");
	in.ric = set.ric;
	in.rsnxe.p = NULL;
	fsr_ft_mic_compute(kck, 16, &in, mic2);
	tap_ok(memcmp(mic1, mic2, 16) != 0, "the RSNXE is covered by the MIC");
}

static void gtk_case(size_t kek_len, size_t gtk_len)
{
	static const u8 rsc[8] = { 1, 2, 3, 4, 5, 6, 0, 0 };
	u8 kek[32], gtk[32], sub[64], plain[48];
	size_t plen = gtk_len % 8 || gtk_len < 16 ?
		((gtk_len + 1 + 7) / 8) * 8 : gtk_len;
	int n, i, ok;

	if (plen < 16)
		plen = 16;
	for (i = 0; i < 32; i++) {
		kek[i] = (u8)(0x40 + i);
		gtk[i] = (u8)(0x90 + i);
	}
	n = fsr_ft_build_gtk_sub(sub, sizeof(sub), kek, kek_len, 2, gtk,
				 gtk_len, rsc);
	ok = n == (int)(11 + plen + 8) && sub[0] == 2 && sub[1] == 0 &&
	     sub[2] == gtk_len && !memcmp(sub + 3, rsc, 8) &&
	     !fsr_aes_unwrap(kek, kek_len, sub + 11, plen + 8, plain) &&
	     !memcmp(plain, gtk, gtk_len);
	if (ok && plen != gtk_len) {
		ok = plain[gtk_len] == 0xdd;
		for (i = (int)gtk_len + 1; i < (int)plen; i++)
			ok = ok && plain[i] == 0;
	}
	tap_ok(ok, "GTK subelement, KEK %zu, GTK %zu: key info, RSC, "
	       "wrapped+padded to %zu", kek_len, gtk_len, plen);
}

static void subelem_cases(void)
{
	u8 kek[16] = { 0 }, key[16] = { 0 }, sub[64];
	int n;

	gtk_case(16, 16);
	gtk_case(32, 32);
	gtk_case(16, 5);
	gtk_case(16, 20);
	tap_ok(fsr_ft_build_gtk_sub(sub, 30, kek, 16, 1, key, 16, NULL) ==
	       -ENOSPC, "GTK subelement: short buffer -> -ENOSPC");
	tap_ok(fsr_ft_build_gtk_sub(sub, sizeof(sub), kek, 16, 4, key, 16,
				    NULL) == -EINVAL,
	       "GTK subelement: key id 4 -> -EINVAL");
	n = fsr_ft_build_igtk_sub(sub, sizeof(sub), kek, 16, 4, NULL, key, 16);
	tap_ok(n == 33 && sub[0] == 4 && sub[1] == 0 && sub[8] == 16,
	       "IGTK subelement: 33 octets, key id 4, key length 16");
	tap_ok(fsr_ft_build_igtk_sub(sub, sizeof(sub), kek, 16, 3, NULL, key,
				     16) == -EINVAL,
	       "IGTK subelement: key id 3 -> -EINVAL");
}

void test_mic(void)
{
	mic_case("ft-sha256");
	mic_case("ft-sha384");
	ric_rsnxe_case();
	subelem_cases();
}
