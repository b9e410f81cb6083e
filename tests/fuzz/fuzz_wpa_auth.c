// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over the authenticator's receive path,
 * wpa_auth_rx_eapol() (userspace/fsrd/wpa/wpa_auth.c), from a fixed
 * state: a station of the BSS in wpa_fixture.h just sent M1 (or, for a
 * station that roamed by FT, is authorized with a fixed KCK). Only the
 * ops callbacks are the harness's (send, install, authorize, timer,
 * done, trace, group RSC); everything else is the daemon's code.
 *
 * Input: one selector octet (bits 0-1: AKM PSK, 802.1X, FT-PSK,
 * FT-802.1X; bit 2 with an FT AKM: a station made by
 * wpa_auth_sta_new_ft()), then records of [control][length: 2 octets,
 * big endian][EAPOL frame]. Control bits: 0x01 sign the frame with the
 * KCK the station must use (the harness derives it as a supplicant
 * would: PMK or PMK-R1, the ANonce of the last M1 sent, the frame's
 * SNonce), so the fuzzer reaches what lies behind the MIC check (Key
 * Data, RSNE, MDE, FTE, M4, G2); 0x02 set the replay counter to the last
 * one sent; 0x04 fire the timer first, if armed; 0x08 start a group-key
 * handshake first; 0x10 make the next group RSC read fail.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eapol_key.h"
#include "wpa_crypto.h"
#include "wpa_fixture.h"

#define CHECK(c)		\
	do {			\
		if (!(c))	\
			abort();\
	} while (0)

struct harness {
	uint8_t anonce[32];
	uint64_t last_replay;
	int sent, m3_sent;
	bool timer;
	bool rsc_fail;
	bool have_kck;		/* M2 accepted (M3 went) or FT roamed */
	uint8_t kck[16];
	uint8_t cand_kck[16];	/* of the frame being delivered */
	int installed, authorized, done_calls;
};

static struct harness h;

static int op_send(void *ctx, const uint8_t *sta, const uint8_t *buf,
		   size_t len)
{
	struct eapol_key k;

	(void)ctx;
	CHECK(!memcmp(sta, fx_spa, 6));
	/* what the authenticator sends must parse */
	CHECK(!eapol_key_parse(buf, len, &k, NULL) && k.frame_len == len);
	h.sent++;
	h.last_replay = k.replay;
	if ((k.key_info & EAPOL_KI_PAIRWISE) &&
	    !(k.key_info & EAPOL_KI_MIC)) {
		memcpy(h.anonce, k.nonce, 32);	/* M1 */
	} else if ((k.key_info & EAPOL_KI_PAIRWISE) &&
		   (k.key_info & EAPOL_KI_INSTALL)) {
		h.m3_sent++;			/* M3: our M2 was taken */
		if (!h.have_kck) {
			memcpy(h.kck, h.cand_kck, 16);
			h.have_kck = true;
		}
	}
	return 0;
}

static int op_install(void *ctx, const uint8_t *sta, uint32_t cipher,
		      const uint8_t *tk, size_t tk_len)
{
	(void)ctx;
	(void)tk;
	CHECK(!memcmp(sta, fx_spa, 6) && cipher == FX_CCMP && tk_len == 16);
	h.installed++;
	return 0;
}

static int op_authorize(void *ctx, const uint8_t *sta)
{
	(void)ctx;
	(void)sta;
	CHECK(h.installed > 0);
	h.authorized++;
	return 0;
}

static void op_timer(void *ctx, const uint8_t *sta, unsigned int ms)
{
	(void)ctx;
	(void)sta;
	h.timer = ms > 0;
}

static void op_done(void *ctx, const uint8_t *sta, int reason,
		    const char *why)
{
	(void)ctx;
	(void)sta;
	CHECK(why != NULL && reason >= 0);
	h.done_calls++;
}

static void op_trace(void *ctx, const uint8_t *sta, const char *event,
		     bool per_message)
{
	(void)ctx;
	(void)per_message;
	(void)sta;
	CHECK(event != NULL);
}

static int op_group_rsc(void *ctx, uint8_t key_idx, uint8_t *rsc)
{
	(void)ctx;
	CHECK(key_idx == 1 || key_idx == 2);
	if (h.rsc_fail) {
		h.rsc_fail = false;
		return -EIO;
	}
	memset(rsc, 0, 8);
	rsc[0] = 0x2a;
	return 0;
}

static const struct wpa_auth_ops ops = {
	.send_eapol = op_send,
	.install_ptk = op_install,
	.authorize = op_authorize,
	.set_timer = op_timer,
	.done = op_done,
	.trace = op_trace,
	.group_rsc = op_group_rsc,
};

/* The KCK a supplicant would use for frame k: the PTK of M2's SNonce
 * until M3 went, then the PTK fixed by the accepted M2. */
static int kck_for(uint32_t akm, const struct eapol_key *k, uint8_t *kck)
{
	if (h.have_kck) {
		memcpy(kck, h.kck, 16);
		return 0;
	}
	if (akm == 0x000fac03 || akm == 0x000fac04) {
		/* PMK-R1 of each FT AKM, derived once */
		static struct fsr_ft_suite suite[2];
		static struct fsr_ft_pmk_r1 r1s[2];
		static bool have[2];
		int i = akm == 0x000fac04;
		struct fsr_ft_ptk p;

		if (!have[i]) {
			if (fx_pmk_r1(akm, &suite[i], &r1s[i]))
				return -1;
			have[i] = true;
		}
		if (fsr_ft_derive_ptk(&suite[i], r1s[i].key, r1s[i].key_len,
				      r1s[i].name, k->nonce, h.anonce, fx_aa,
				      fx_spa, &p))
			return -1;
		memcpy(kck, p.kck, 16);
	} else {
		struct wpa_ptk p;

		if (wpa_derive_ptk(fx_pmk, sizeof(fx_pmk), fx_aa, fx_spa,
				   h.anonce, k->nonce, 16, &p))
			return -1;
		memcpy(kck, p.kck, 16);
	}
	memcpy(h.cand_kck, kck, 16);
	return 0;
}

static void deliver(struct wpa_auth_sta *sm, uint32_t akm, uint8_t ctl,
		    const uint8_t *data, size_t len)
{
	struct eapol_key k;
	uint8_t kck[16];
	uint8_t *buf;
	int err;

	if (ctl & 0x10)
		h.rsc_fail = true;
	if ((ctl & 0x04) && h.timer)
		wpa_auth_timeout(sm);
	if (ctl & 0x08) {
		err = wpa_auth_group_rekey(sm);
		CHECK(err == 0 || err == -EBUSY);
	}
	/* an exact-size heap copy so that ASan sees any over-read */
	buf = malloc(len ? len : 1);
	if (!buf)
		return;
	memcpy(buf, data, len);
	if (!eapol_key_parse(buf, len, &k, NULL)) {
		if (ctl & 0x02)
			eapol_put_be64(buf + EAPOL_KEY_OFF_REPLAY,
				       h.last_replay);
		if (!kck_for(akm, &k, kck) && (ctl & 0x01))
			eapol_key_sign(buf, k.frame_len,
				       (k.key_info & EAPOL_KI_VER_MASK) == 3 ?
				       3 : 2, kck, sizeof(kck));
	}
	err = wpa_auth_rx_eapol(sm, buf, len);
	CHECK(err <= 0);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct wpa_auth_group group = {
		.cipher = FX_CCMP, .gtk_len = 16, .key_idx = 1,
		.gtk = { 0x47, 0x54, 0x4b, 1 },
	};
	struct wpa_auth_conf conf = {
		.pairwise_cipher = FX_CCMP,
		.timeout_ms = 1000,
		.retries = 3,
		.group = &group,
		.ops = &ops,
	};
	uint8_t ap_rsne[22], sta_rsne[22];
	struct wpa_auth_sta *sm;
	uint32_t akm;
	bool ft, roamed;
	size_t pos, len;
	uint8_t ctl;

	if (!size)
		return 0;
	memset(&h, 0, sizeof(h));
	akm = fx_akms[data[0] & 3];
	ft = akm == 0x000fac03 || akm == 0x000fac04;
	roamed = ft && (data[0] & 4);
	memcpy(conf.aa, fx_aa, 6);
	fx_rsne(ap_rsne, akm);
	fx_rsne(sta_rsne, akm);
	conf.ap_rsne = ap_rsne;
	conf.ap_rsne_len = sizeof(ap_rsne);
	conf.ft = ft ? &fx_ft : NULL;

	if (roamed) {
		sm = wpa_auth_sta_new_ft(&conf, fx_spa, akm, fx_kck, 16,
					 fx_kek, 16, 0);
		CHECK(sm && wpa_auth_authorized(sm));
		memcpy(h.kck, fx_kck, 16);
		h.have_kck = true;
	} else {
		sm = wpa_auth_sta_new(&conf, fx_spa, akm, sta_rsne,
				      sizeof(sta_rsne), fx_pmk, sizeof(fx_pmk),
				      fx_pmkid);
		CHECK(sm);
		CHECK(!wpa_auth_sta_start(sm) && h.sent == 1);
	}

	pos = 1;
	while (pos + 3 <= size) {
		ctl = data[pos];
		len = (size_t)data[pos + 1] << 8 | data[pos + 2];
		pos += 3;
		if (len > size - pos)
			len = size - pos;
		deliver(sm, akm, ctl, data + pos, len);
		pos += len;
	}
	/* the port opens only after M3 went (or an FT roam), keys first */
	CHECK(roamed || !h.authorized || h.m3_sent);
	CHECK(h.authorized <= h.installed);
	wpa_auth_sta_free(sm);
	return 0;
}
