// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/* CCKM keys and element MICs (kmod/ft/cckm_kdf.c) against docs/cckm.md. */
#include "cckm_kdf.h"
#include "tap.h"
#include "tests.h"
#include "vecfile.h"

#include <string.h>

#define V(k) vec_get("cckm", k, NULL)

void test_cckm(void)
{
	const u8 *sta = V("sta"), *ap1 = V("bssid1"), *ap2 = V("bssid2");
	size_t rsne_len, ie_len, egtk_len;
	const u8 *rsne = vec_get("cckm", "rsne", &rsne_len);
	const u8 *want_req = vec_get("cckm", "req_ie", NULL);
	const u8 *want_resp = vec_get("cckm", "resp_ie", &ie_len);
	const u8 *want_egtk = vec_get("cckm", "egtk", &egtk_len);
	struct fsr_cckm_keys k;
	u8 ptk[FSR_CCKM_PTK_LEN], other[FSR_CCKM_PTK_LEN];
	u8 mic[FSR_CCKM_MIC_LEN], egtk[24], ie[128];
	int n;

	tap_ok(!fsr_cckm_base_keys(V("nsk"), ap1, sta, V("snonce"),
				   V("anonce"), &k) &&
	       !memcmp(k.krk, V("krk"), FSR_CCKM_KRK_LEN) &&
	       !memcmp(k.btk, V("btk"), FSR_CCKM_BTK_LEN),
	       "cckm: CGK from the NSK: KRK and BTK");
	tap_ok(!fsr_cckm_ptk(k.btk, 1, ap1, ptk) &&
	       !memcmp(ptk, V("ptk1"), sizeof(ptk)),
	       "cckm: PTK of the initial association (RN 1)");
	tap_ok(!fsr_cckm_ptk(k.btk, 2, ap2, ptk) &&
	       !memcmp(ptk, V("ptk2"), sizeof(ptk)),
	       "cckm: PTK of the fast reassociation (RN 2, the target's BSSID)");
	tap_ok(!fsr_cckm_ptk(k.btk, 3, ap2, other) &&
	       memcmp(other, ptk, sizeof(ptk)) &&
	       !fsr_cckm_ptk(k.btk, 2, ap1, other) &&
	       memcmp(other, ptk, sizeof(ptk)),
	       "cckm: another RN or another BSSID, another PTK");
	tap_ok(!fsr_cckm_req_mic(k.krk, sta, ap2, rsne, rsne_len,
				 0x12345678, 2, mic) &&
	       !memcmp(mic, V("req_mic"), sizeof(mic)) &&
	       !memcmp(want_req + 2 + 4 + 8 + 4, mic, sizeof(mic)),
	       "cckm: Reassociation Request MIC (KRK), as in the element");
	tap_ok(!fsr_cckm_req_mic(k.krk, sta, ap2, rsne, rsne_len,
				 0x12345679, 2, mic) &&
	       memcmp(mic, V("req_mic"), sizeof(mic)),
	       "cckm: another timestamp, another request MIC");
	tap_ok(!fsr_aes_wrap(ptk + 16, 16, V("gtk"), 16, egtk) &&
	       egtk_len == sizeof(egtk) && !memcmp(egtk, want_egtk, 24),
	       "cckm: the GTK wrapped with the new KEK");
	n = fsr_cckm_resp_elem(ptk, sta, rsne, rsne_len, 2, 0, 1, 5, egtk,
			       sizeof(egtk), ie, sizeof(ie));
	tap_ok(n == (int)ie_len && n == 2 + 28 + 24 &&
	       !memcmp(ie, want_resp, ie_len),
	       "cckm: Reassociation Response element with its MIC (KCK), byte for byte");
	tap_ok(fsr_cckm_resp_elem(ptk, sta, rsne, rsne_len, 2, 0, 1, 5, egtk,
				  sizeof(egtk), ie, (size_t)n - 1) == -EINVAL,
	       "cckm: a buffer one octet short: -EINVAL, nothing past it");
	tap_ok(fsr_cckm_resp_elem(ptk, sta, rsne, rsne_len, 2, 0, 1, 5, ie,
				  256 - 28, ie, sizeof(ie)) == -EINVAL,
	       "cckm: an element past its length octet: -EINVAL");
}
