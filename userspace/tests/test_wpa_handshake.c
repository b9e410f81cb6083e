// SPDX-License-Identifier: GPL-2.0-only
/*
 * The authenticator (fsrd/wpa/wpa_auth.c) against a small simulated supplicant
 * written here on its own code path (OpenSSL directly: PRF, FT KDF, MIC,
 * key unwrap, frames built by offset), with a simulated clock: 4-way
 * handshakes for AKM 2 and AKM 4, the group-key handshake,
 * retransmissions and timeouts, and every malformed-frame case.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "tap.h"
#include "wpa/wpa_auth.h"

#define AKM_PSK		0x000fac02
#define AKM_FT_PSK	0x000fac04
#define CCMP		0x000fac04
#define MAXF		1200

/* ---- the daemon side: records every effect of the authenticator ---- */

struct world {
	uint8_t frame[MAXF];	/* the last frame sent */
	size_t frame_len;
	int frames;
	uint8_t tk[32];
	size_t tk_len;
	int installed, authorized;
	int order;		/* 1: install came before authorize */
	unsigned int timer_ms;	/* armed timer, 0: none */
	unsigned long now_ms;	/* simulated clock */
	int done_calls, reason;
	char why[160], last_trace[160];
	bool last_per_message;
	int traces;
	uint8_t rsc[8];		/* what the "kernel" says the GTK's PN is */
	int rsc_err;		/* or this error */
	int rsc_calls, rsc_idx;
};

static struct world w;

static int cb_send(void *ctx, const uint8_t *sta, const uint8_t *buf,
		   size_t len)
{
	(void)ctx;
	(void)sta;
	if (len > sizeof(w.frame))
		return -EMSGSIZE;
	memcpy(w.frame, buf, len);
	w.frame_len = len;
	w.frames++;
	return 0;
}

static int cb_install(void *ctx, const uint8_t *sta, uint32_t cipher,
		      const uint8_t *tk, size_t tk_len)
{
	(void)ctx;
	(void)sta;
	(void)cipher;
	memcpy(w.tk, tk, tk_len);
	w.tk_len = tk_len;
	w.installed++;
	return 0;
}

static int cb_authorize(void *ctx, const uint8_t *sta)
{
	(void)ctx;
	(void)sta;
	w.authorized++;
	w.order = w.installed > 0;
	return 0;
}

static void cb_timer(void *ctx, const uint8_t *sta, unsigned int ms)
{
	(void)ctx;
	(void)sta;
	w.timer_ms = ms;
}

static void cb_done(void *ctx, const uint8_t *sta, int reason,
		    const char *why)
{
	(void)ctx;
	(void)sta;
	w.done_calls++;
	w.reason = reason;
	snprintf(w.why, sizeof(w.why), "%s", why);
}

static void cb_trace(void *ctx, const uint8_t *sta, const char *ev,
		     bool per_message)
{
	(void)ctx;
	(void)sta;
	snprintf(w.last_trace, sizeof(w.last_trace), "%s", ev);
	w.last_per_message = per_message;
	w.traces++;
}

static int cb_group_rsc(void *ctx, uint8_t key_idx, uint8_t *rsc)
{
	(void)ctx;
	w.rsc_calls++;
	w.rsc_idx = key_idx;
	if (w.rsc_err)
		return w.rsc_err;
	memcpy(rsc, w.rsc, 8);
	return 0;
}

static const struct wpa_auth_ops ops = {
	.send_eapol = cb_send, .install_ptk = cb_install,
	.authorize = cb_authorize, .set_timer = cb_timer,
	.done = cb_done, .trace = cb_trace, .group_rsc = cb_group_rsc,
};

/* the timer fires: advance the clock and tell the authenticator */
static void fire(struct wpa_auth_sta *sm)
{
	w.now_ms += w.timer_ms;
	w.timer_ms = 0;
	wpa_auth_timeout(sm);
}

/* ---- the supplicant, written independently of fsrd ---- */

static const uint8_t AA[6] = { 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 };
static const uint8_t SPA[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x07 };
static const uint8_t SSID[] = "fsr-lab";
static const uint8_t R0KH[] = "ap1.fsr.lab";
/* RSNE: version 1, CCMP group, 1 x CCMP, 1 x AKM, caps 0 */
/* not const: the 802.1X runs patch the AKM (octet 19) to 1 and 3; the
 * handshakes differ from PSK's only in where the PMK comes from */
static uint8_t RSNE_PSK[] = {
	48, 20, 1, 0, 0, 0x0f, 0xac, 4, 1, 0, 0, 0x0f, 0xac, 4,
	1, 0, 0, 0x0f, 0xac, 2, 0, 0 };
static uint8_t RSNE_FT[] = {
	48, 20, 1, 0, 0, 0x0f, 0xac, 4, 1, 0, 0, 0x0f, 0xac, 4,
	1, 0, 0, 0x0f, 0xac, 4, 0, 0 };

struct supp {
	int ft;
	int ver;			/* key descriptor version */
	uint8_t psk[32];
	uint8_t pmkid[16];		/* expected in M1 */
	uint8_t r0[32], r0name[16], r1[32], r1name[16];
	uint8_t assoc_ies[300];		/* MDE || FTE of the assoc response */
	size_t assoc_ies_len;
	uint8_t anonce[32], snonce[32];
	uint8_t kck[16], kek[16], tk[16];
	uint64_t replay;		/* last replay counter accepted */
	int have_replay;
	uint8_t gtk[32];
	size_t gtk_len;
	int gtk_idx;
	uint8_t out[MAXF];		/* the frame the supplicant sends */
	size_t out_len;
	const char *err;		/* why a received frame was refused */
	int expect_pmkid;		/* M1 names the PMKSA (802.1X AKMs) */
	long tie_deadline, tie_lifetime;	/* TIEs of an FT M3, -1: none */
};

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint64_t be64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

static void hmac(const EVP_MD *md, const uint8_t *k, size_t kl,
		 const uint8_t *d, size_t dl, uint8_t *out)
{
	unsigned int n;

	HMAC(md, k, (int)kl, d, dl, out, &n);
}

/* 802.11 PRF-384 with SHA-1, written out the long way */
static void s_prf(const uint8_t *k, const char *label, const uint8_t *d,
		  size_t dl, uint8_t *out, size_t ol)
{
	uint8_t in[200], blk[20];
	size_t l = strlen(label), pos = 0;
	uint8_t i;

	for (i = 0; pos < ol; i++) {
		memcpy(in, label, l);
		in[l] = 0;
		memcpy(in + l + 1, d, dl);
		in[l + 1 + dl] = i;
		hmac(EVP_sha1(), k, 32, in, l + 2 + dl, blk);
		memcpy(out + pos, blk, ol - pos < 20 ? ol - pos : 20);
		pos += 20;
	}
}

/* KDF-SHA256-bits of 802.11 12.7.1.6.2 */
static void s_kdf(const uint8_t *k, const char *label, const uint8_t *ctx,
		  size_t cl, uint8_t *out, size_t ol)
{
	uint8_t in[200], blk[32];
	size_t l = strlen(label), pos = 0;
	uint16_t i, bits = (uint16_t)(ol * 8);

	for (i = 1; pos < ol; i++) {
		in[0] = (uint8_t)i;
		in[1] = (uint8_t)(i >> 8);
		memcpy(in + 2, label, l);
		memcpy(in + 2 + l, ctx, cl);
		in[2 + l + cl] = (uint8_t)bits;
		in[3 + l + cl] = (uint8_t)(bits >> 8);
		hmac(EVP_sha256(), k, 32, in, 4 + l + cl, blk);
		memcpy(out + pos, blk, ol - pos < 32 ? ol - pos : 32);
		pos += 32;
	}
}

static void sha256_trunc(const uint8_t *d, size_t dl, uint8_t *out16)
{
	uint8_t h[32];

	EVP_Digest(d, dl, h, NULL, EVP_sha256(), NULL);
	memcpy(out16, h, 16);
}

static void s_ft_keys(struct supp *s)
{
	uint8_t ctx[128], r0kd[48], in[64];
	size_t n = 0;

	ctx[n++] = sizeof(SSID) - 1;
	memcpy(ctx + n, SSID, sizeof(SSID) - 1);
	n += sizeof(SSID) - 1;
	ctx[n++] = 0xa1;	/* MDID a1b2 in wire order */
	ctx[n++] = 0xb2;
	ctx[n++] = sizeof(R0KH) - 1;
	memcpy(ctx + n, R0KH, sizeof(R0KH) - 1);
	n += sizeof(R0KH) - 1;
	memcpy(ctx + n, SPA, 6);
	n += 6;
	s_kdf(s->psk, "FT-R0", ctx, n, r0kd, 48);
	memcpy(s->r0, r0kd, 32);
	memcpy(in, "FT-R0N", 6);
	memcpy(in + 6, r0kd + 32, 16);
	sha256_trunc(in, 22, s->r0name);
	memcpy(ctx, AA, 6);	/* R1KH-ID = BSSID */
	memcpy(ctx + 6, SPA, 6);
	s_kdf(s->r0, "FT-R1", ctx, 12, s->r1, 32);
	memcpy(in, "FT-R1N", 6);
	memcpy(in + 6, s->r0name, 16);
	memcpy(in + 22, AA, 6);
	memcpy(in + 28, SPA, 6);
	sha256_trunc(in, 34, s->r1name);
}

static void supp_init(struct supp *s, int ft, const uint8_t *psk,
		      const struct wpa_auth_conf *conf)
{
	uint8_t d[20];

	memset(s, 0, sizeof(*s));
	s->ft = ft;
	s->ver = ft ? 3 : 2;
	memcpy(s->psk, psk, 32);
	if (ft) {
		s_ft_keys(s);
		s->assoc_ies_len = (size_t)wpa_auth_ft_assoc_ies(
			conf, s->assoc_ies, sizeof(s->assoc_ies));
	} else {
		uint8_t mac[20];

		memcpy(d, "PMK Name", 8);
		memcpy(d + 8, AA, 6);
		memcpy(d + 14, SPA, 6);
		hmac(EVP_sha1(), psk, 32, d, 20, mac);
		memcpy(s->pmkid, mac, 16);
	}
}

static void s_ptk(struct supp *s)
{
	uint8_t d[76], out[48];

	if (s->ft) {
		memcpy(d, s->snonce, 32);
		memcpy(d + 32, s->anonce, 32);
		memcpy(d + 64, AA, 6);
		memcpy(d + 70, SPA, 6);
		s_kdf(s->r1, "FT-PTK", d, 76, out, 48);
	} else {
		int a = memcmp(AA, SPA, 6) < 0, n = memcmp(s->anonce,
							   s->snonce, 32) < 0;

		memcpy(d, a ? AA : SPA, 6);
		memcpy(d + 6, a ? SPA : AA, 6);
		memcpy(d + 12, n ? s->anonce : s->snonce, 32);
		memcpy(d + 44, n ? s->snonce : s->anonce, 32);
		s_prf(s->psk, "Pairwise key expansion", d, 76, out, 48);
	}
	memcpy(s->kck, out, 16);
	memcpy(s->kek, out + 16, 16);
	memcpy(s->tk, out + 32, 16);
}

static void s_mic(const struct supp *s, const uint8_t *f, size_t len,
		  uint8_t *mic)
{
	uint8_t tmp[MAXF], out[20];

	memcpy(tmp, f, len);
	memset(tmp + 81, 0, 16);
	if (s->ver == 2) {
		hmac(EVP_sha1(), s->kck, 16, tmp, len, out);
	} else {
		EVP_MAC *mac = EVP_MAC_fetch(NULL, "CMAC", NULL);
		EVP_MAC_CTX *c = EVP_MAC_CTX_new(mac);
		OSSL_PARAM p[] = {
			OSSL_PARAM_construct_utf8_string(
				OSSL_MAC_PARAM_CIPHER, "AES-128-CBC", 0),
			OSSL_PARAM_construct_end(),
		};
		size_t ol;

		EVP_MAC_init(c, s->kck, 16, p);
		EVP_MAC_update(c, tmp, len);
		EVP_MAC_final(c, out, &ol, sizeof(out));
		EVP_MAC_CTX_free(c);
		EVP_MAC_free(mac);
	}
	memcpy(mic, out, 16);
}

static int s_unwrap(const struct supp *s, const uint8_t *in, int len,
		    uint8_t *out)
{
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	int n = -1, ok;

	EVP_CIPHER_CTX_set_flags(c, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
	ok = EVP_DecryptInit_ex(c, EVP_aes_128_wrap(), NULL, s->kek, NULL) &&
	     EVP_DecryptUpdate(c, out, &n, in, len);
	EVP_CIPHER_CTX_free(c);
	return ok ? n : -1;
}

/* Build an EAPOL-Key frame the way a supplicant does. */
static void s_build(struct supp *s, uint16_t info, uint64_t replay,
		    const uint8_t *nonce, const uint8_t *data, size_t dlen)
{
	uint8_t *f = s->out;
	size_t body = 95 + dlen;

	memset(f, 0, 99);
	f[0] = 1;		/* wpa_supplicant default eapol_version */
	f[1] = 3;
	f[2] = (uint8_t)(body >> 8);
	f[3] = (uint8_t)body;
	f[4] = 2;
	f[5] = (uint8_t)(info >> 8);
	f[6] = (uint8_t)info;
	for (int i = 0; i < 8; i++)
		f[9 + i] = (uint8_t)(replay >> (56 - 8 * i));
	if (nonce)
		memcpy(f + 17, nonce, 32);
	f[97] = (uint8_t)(dlen >> 8);
	f[98] = (uint8_t)dlen;
	if (dlen)
		memcpy(f + 99, data, dlen);
	s->out_len = 99 + dlen;
	s_mic(s, f, s->out_len, f + 81);
}

/* Find element id (or KDE 00-0f-ac:type when id is 0xdd) in key data. */
static const uint8_t *s_find(const uint8_t *d, size_t len, uint8_t id,
			     uint8_t type)
{
	size_t pos = 0;

	while (pos + 2 <= len && pos + 2 + d[pos + 1] <= len) {
		const uint8_t *e = d + pos;

		if (e[0] == id && (id != 0xdd ||
				   (e[1] >= 4 && e[2] == 0 && e[3] == 0x0f &&
				    e[4] == 0xac && e[5] == type)))
			return e;
		if (e[0] == 0xdd && e[1] == 0)
			break;
		pos += 2 + e[1];
	}
	return NULL;
}

static int s_check_common(struct supp *s, const uint8_t *f, size_t len,
			  uint16_t info)
{
	uint64_t r;

	if (len < 99 || f[1] != 3 || f[4] != 2)
		return s->err = "not an RSN EAPOL-Key frame", -1;
	if (be16(f + 5) != info)
		return s->err = "unexpected key info", -1;
	r = be64(f + 9);
	if (s->have_replay && r <= s->replay)
		return s->err = "replay counter not increasing", -1;
	return 0;
}

static int supp_rx_m1(struct supp *s, const uint8_t *f, size_t len)
{
	uint8_t data[300];
	const uint8_t *kde;
	size_t n = 0;

	if (s_check_common(s, f, len, (uint16_t)(s->ver | 0x0008 | 0x0080)))
		return -1;
	kde = s_find(f + 99, be16(f + 97), 0xdd, 4);
	if (s->expect_pmkid && (!kde || memcmp(kde + 6, s->pmkid, 16)))
		return s->err = "PMKID KDE missing or wrong", -1;
	if (!s->expect_pmkid && kde)
		return s->err = "PMKID KDE sent with a PSK AKM", -1;
	if (be16(f + 7) != 16)
		return s->err = "key length is not 16", -1;
	s->replay = be64(f + 9);
	s->have_replay = 1;
	memcpy(s->anonce, f + 17, 32);
	RAND_bytes(s->snonce, 32);
	s_ptk(s);
	if (s->ft) {
		/* RSNE + PMKID count 1 + PMKR1Name, then MDE || FTE */
		memcpy(data, RSNE_FT, sizeof(RSNE_FT));
		data[1] += 18;
		data[sizeof(RSNE_FT)] = 1;
		data[sizeof(RSNE_FT) + 1] = 0;
		memcpy(data + sizeof(RSNE_FT) + 2, s->r1name, 16);
		n = sizeof(RSNE_FT) + 18;
		memcpy(data + n, s->assoc_ies, s->assoc_ies_len);
		n += s->assoc_ies_len;
	} else {
		memcpy(data, RSNE_PSK, sizeof(RSNE_PSK));
		n = sizeof(RSNE_PSK);
	}
	s_build(s, (uint16_t)(s->ver | 0x0008 | 0x0100), s->replay, s->snonce,
		data, n);
	return 0;
}

static int s_check_mic(struct supp *s, const uint8_t *f, size_t len)
{
	uint8_t mic[16];

	s_mic(s, f, len, mic);
	if (memcmp(mic, f + 81, 16))
		return s->err = "bad MIC", -1;
	return 0;
}

static int s_take_gtk(struct supp *s, const uint8_t *kd, size_t kl)
{
	const uint8_t *g = s_find(kd, kl, 0xdd, 1);

	if (!g || g[1] < 6 + 16)
		return s->err = "no GTK KDE", -1;
	if (g[6] & 0x04)
		return s->err = "GTK KDE Tx bit set", -1;
	s->gtk_idx = g[6] & 3;
	s->gtk_len = g[1] - 6;
	memcpy(s->gtk, g + 8, s->gtk_len);
	return 0;
}

/* Every Timeout Interval element (56): type 1 reassociation deadline
 * (TUs), 2 key lifetime (seconds), value little-endian. */
static void s_ties(struct supp *s, const uint8_t *d, size_t len)
{
	size_t pos = 0;

	s->tie_deadline = s->tie_lifetime = -1;
	while (pos + 2 <= len && pos + 2 + d[pos + 1] <= len) {
		const uint8_t *e = d + pos;

		if (e[0] == 0xdd && e[1] == 0)
			break;
		if (e[0] == 56 && e[1] == 5) {
			long v = (long)e[3] | (long)e[4] << 8 |
				 (long)e[5] << 16 | (long)e[6] << 24;

			if (e[2] == 1)
				s->tie_deadline = v;
			else if (e[2] == 2)
				s->tie_lifetime = v;
		}
		pos += 2 + e[1];
	}
}

static int supp_rx_m3(struct supp *s, const uint8_t *f, size_t len,
		      const uint8_t *ap_rsne, size_t ap_rsne_len)
{
	uint8_t kd[1100];
	const uint8_t *e;
	int kl;

	if (s_check_common(s, f, len, (uint16_t)(s->ver | 0x0008 | 0x0040 |
						 0x0080 | 0x0100 | 0x0200 |
						 0x1000)) ||
	    s_check_mic(s, f, len))
		return -1;
	if (memcmp(f + 17, s->anonce, 32))
		return s->err = "ANonce changed", -1;
	kl = s_unwrap(s, f + 99, be16(f + 97), kd);
	if (kl < 0)
		return s->err = "key data unwrap failed", -1;
	e = s_find(kd, (size_t)kl, 48, 0);
	if (!e)
		return s->err = "no RSNE in M3", -1;
	if (!s->ft && (2u + e[1] != ap_rsne_len || memcmp(e, ap_rsne,
							    ap_rsne_len)))
		return s->err = "M3 RSNE is not the beacon RSNE", -1;
	if (s->ft) {
		/* AP RSNE (20 octets of body) + PMKID count + PMKR1Name */
		if (e[1] != ap_rsne[1] + 18 ||
		    memcmp(e + 2, ap_rsne + 2, ap_rsne[1]) ||
		    e[2 + ap_rsne[1]] != 1 ||
		    memcmp(e + 4 + ap_rsne[1], s->r1name, 16))
			return s->err = "M3 RSNE lacks PMKR1Name", -1;
		e = s_find(kd, (size_t)kl, 54, 0);
		if (!e || memcmp(e, s->assoc_ies, 5))
			return s->err = "M3 MDE differs", -1;
		e = s_find(kd, (size_t)kl, 55, 0);
		if (!e || 2u + e[1] != s->assoc_ies_len - 5 ||
		    memcmp(e, s->assoc_ies + 5, s->assoc_ies_len - 5))
			return s->err = "M3 FTE differs from assoc response", -1;
		s_ties(s, kd, (size_t)kl);
		if (s->tie_deadline < 0 || s->tie_lifetime < 0)
			return s->err = "M3 lacks a Timeout Interval element", -1;
	}
	if (s_take_gtk(s, kd, (size_t)kl))
		return -1;
	s->replay = be64(f + 9);
	s_build(s, (uint16_t)(s->ver | 0x0008 | 0x0100 | 0x0200), s->replay,
		NULL, NULL, 0);
	return 0;
}

static int supp_rx_g1(struct supp *s, const uint8_t *f, size_t len)
{
	uint8_t kd[1100];
	int kl;

	if (s_check_common(s, f, len, (uint16_t)(s->ver | 0x0080 | 0x0100 |
						 0x0200 | 0x1000)) ||
	    s_check_mic(s, f, len))
		return -1;
	kl = s_unwrap(s, f + 99, be16(f + 97), kd);
	if (kl < 0)
		return s->err = "key data unwrap failed", -1;
	if (s_take_gtk(s, kd, (size_t)kl))
		return -1;
	s->replay = be64(f + 9);
	s_build(s, (uint16_t)(s->ver | 0x0100 | 0x0200), s->replay, NULL,
		NULL, 0);
	return 0;
}

/* ---- the tests ---- */

static uint8_t ap_rsne[sizeof(RSNE_PSK)];
static struct wpa_auth_group group = { .cipher = CCMP };
static struct wpa_auth_ft ft = {
	.mdid = 0xa1b2, .ft_capab = 1, .r0kh_id = R0KH,
	.r0kh_id_len = sizeof(R0KH) - 1, .ssid = SSID,
	.ssid_len = sizeof(SSID) - 1, .reassoc_deadline_tu = 2500,
	.key_lifetime_s = 7200,
};
static struct wpa_auth_conf conf = {
	.pairwise_cipher = CCMP, .ap_rsne = ap_rsne,
	.ap_rsne_len = sizeof(ap_rsne), .timeout_ms = 1000, .retries = 4,
	.group = &group, .ops = &ops,
};
static uint8_t psk[32], bad_psk[32];
/* the PMKID of an FT-802.1X station's PMKSA (from the first half of the
 * MSK), which the daemon passes in; unrelated to PMKR1Name */
static const uint8_t PMKSA_PMKID[16] = {
	0x5a, 0x1d, 0x03, 0x77, 0xc2, 0x40, 0x9e, 0x0b,
	0x61, 0xf4, 0x28, 0xd9, 0x3e, 0x85, 0x17, 0xac,
};

static struct wpa_auth_sta *setup(int use_ft, struct supp *s,
				  const uint8_t *supp_psk)
{
	struct wpa_auth_sta *sm;

	memset(&w, 0, sizeof(w));
	memcpy(ap_rsne, use_ft ? RSNE_FT : RSNE_PSK, sizeof(ap_rsne));
	conf.ft = use_ft ? &ft : NULL;
	uint32_t akm = (use_ft ? RSNE_FT[19] : RSNE_PSK[19]) | 0x000fac00u;

	supp_init(s, use_ft, supp_psk, &conf);
	/* M1 names the PMKSA with 802.1X AKMs only: the PMKID of the PMK
	 * (AKM 1), or the one the caller gives (AKM 3, pmk is the XXKey) */
	s->expect_pmkid = akm == 0x000fac01u || akm == 0x000fac03u;
	if (akm == 0x000fac03u)
		memcpy(s->pmkid, PMKSA_PMKID, 16);
	sm = wpa_auth_sta_new(&conf, SPA, akm,
			      use_ft ? RSNE_FT : RSNE_PSK, sizeof(RSNE_PSK),
			      psk, 32,
			      akm == 0x000fac03u ? PMKSA_PMKID : NULL);
	return sm;
}

/* The authenticator's reply to the supplicant's frame. */
static int deliver(struct wpa_auth_sta *sm, const struct supp *s)
{
	return wpa_auth_rx_eapol(sm, s->out, s->out_len);
}

static void full_handshake(int use_ft)
{
	char akm[8];
	struct wpa_auth_ft_keys keys;
	struct wpa_auth_sta *sm;
	struct supp s;
	uint64_t r1;
	char n[128];

	snprintf(akm, sizeof(akm), "AKM %u", use_ft ? RSNE_FT[19] :
						      RSNE_PSK[19]);
	sm = setup(use_ft, &s, psk);
#define T(cond, what) do { snprintf(n, sizeof(n), "%s: %s", akm, what); \
	tap_ok(cond, n); } while (0)
	T(sm != NULL, "station created");
	T(!wpa_auth_sta_start(sm) && w.frames == 1 && w.timer_ms == 1000,
	  "M1 sent, timer armed");
	T(!supp_rx_m1(&s, w.frame, w.frame_len), "supplicant accepts M1");
	r1 = s.replay;
	T(!deliver(sm, &s) && w.frames == 2, "M2 accepted, M3 sent");
	T(!strcmp(w.last_trace, "M3 sent (try 1, replay counter 2)"),
	  "trace says M3 sent");
	T(w.last_per_message, "... as a per-message line (logged at debug)");
	T(!supp_rx_m3(&s, w.frame, w.frame_len, ap_rsne, sizeof(ap_rsne)),
	  s.err ? s.err : "supplicant accepts M3");
	T(s.replay > r1, "M3 replay counter above M1's");
	if (use_ft)
		T(s.tie_deadline == 2500 && s.tie_lifetime == 7200,
		  "M3 TIEs: the configured reassociation deadline (type 1) and key lifetime (type 2)");
	T(s.gtk_len == group.gtk_len && !memcmp(s.gtk, group.gtk, 16) &&
	  s.gtk_idx == group.key_idx, "GTK delivered in M3");
	T(!w.installed && !w.authorized, "nothing installed before M4");
	T(!deliver(sm, &s), "M4 accepted");
	T(w.installed == 1 && w.tk_len == 16 && !memcmp(w.tk, s.tk, 16),
	  "PTK installed, TK equal to the supplicant's");
	T(w.authorized == 1 && w.order, "port authorized after the install");
	T(w.done_calls == 1 && w.reason == 0 && w.timer_ms == 0,
	  "done(0), timer cancelled");
	T(wpa_auth_authorized(sm), "wpa_auth_authorized()");
	if (use_ft) {
		T(!wpa_auth_get_ft_keys(sm, &keys) && keys.pmk_r0_len == 32 &&
		  !memcmp(keys.pmk_r0, s.r0, 32) &&
		  !memcmp(keys.pmk_r0_name, s.r0name, 16) &&
		  !memcmp(keys.pmk_r1_name, s.r1name, 16),
		  "FT keys equal the supplicant's PMK-R0 and names");
	} else {
		T(wpa_auth_get_ft_keys(sm, &keys) == -ENOENT,
		  "no FT keys without FT");
	}

	/* group-key handshake */
	tap_ok(!wpa_auth_group_new_gtk(&group), "new GTK");
	w.done_calls = 0;
	T(!wpa_auth_group_rekey(sm) && w.timer_ms == 1000, "G1 sent");
	T(!supp_rx_g1(&s, w.frame, w.frame_len), s.err ? s.err :
	  "supplicant accepts G1");
	T(!memcmp(s.gtk, group.gtk, 16) && s.gtk_idx == group.key_idx,
	  "G1 carries the new GTK and index");
	s.out[90] ^= 1;		/* corrupt G2's MIC */
	T(deliver(sm, &s) == -EBADMSG && !w.done_calls, "bad G2 MIC dropped");
	s.out[90] ^= 1;
	T(!deliver(sm, &s) && w.done_calls == 1 && !w.reason &&
	  !w.timer_ms, "G2 accepted, done(0)");

	/* G1 lost every time: reason 16 after the retries */
	w.done_calls = 0;
	wpa_auth_group_rekey(sm);
	fire(sm);
	fire(sm);
	fire(sm);
	T(w.done_calls == 0 && w.timer_ms == 1000, "G1 retransmitted 3 times");
	fire(sm);
	T(w.done_calls == 1 && w.reason == 16 && w.now_ms == 4000,
	  "group key handshake timeout: reason 16 after 4 G1");
	wpa_auth_sta_free(sm);
#undef T
}

/* The first M1 exchange; returns the station waiting for M2. */
static struct wpa_auth_sta *to_m2(int use_ft, struct supp *s)
{
	struct wpa_auth_sta *sm = setup(use_ft, s, psk);

	wpa_auth_sta_start(sm);
	supp_rx_m1(s, w.frame, w.frame_len);
	return sm;
}

/* Send a mangled copy of the supplicant's frame; expect err, no effect. */
static void bad(struct wpa_auth_sta *sm, struct supp *s, size_t len,
		int want, const char *name)
{
	int frames = w.frames, done = w.done_calls, traces = w.traces;
	unsigned int timer = w.timer_ms;
	int got = wpa_auth_rx_eapol(sm, s->out, len);
	char n[160];

	snprintf(n, sizeof(n), "%s: dropped (%d), traced, nothing changed",
		 name, got);
	tap_ok(got == want && w.frames == frames && w.done_calls == done &&
	       w.timer_ms == timer && w.traces == traces + 1, n);
}

static void set_info(struct supp *s, uint16_t info)
{
	s->out[5] = (uint8_t)(info >> 8);
	s->out[6] = (uint8_t)info;
	s_mic(s, s->out, s->out_len, s->out + 81);
}

static void negatives(void)
{
	struct wpa_auth_sta *sm;
	struct supp s;
	uint8_t keep[MAXF];
	size_t keep_len;
	uint64_t replay;

	sm = to_m2(0, &s);
	memcpy(keep, s.out, s.out_len);
	keep_len = s.out_len;

	bad(sm, &s, 3, -EMSGSIZE, "3-octet frame");
	bad(sm, &s, 60, -EMSGSIZE, "truncated EAPOL-Key frame");
	s.out[4] = 254;
	bad(sm, &s, s.out_len, -EPROTONOSUPPORT, "descriptor type 254");
	s.out[4] = 2;
	s.out[1] = 1;
	bad(sm, &s, s.out_len, -EPROTONOSUPPORT, "EAPOL-Start");
	s.out[1] = 3;
	set_info(&s, 0x0109);	/* descriptor version 1 */
	bad(sm, &s, s.out_len, -EPROTONOSUPPORT, "key descriptor version 1");
	set_info(&s, 0x018a);	/* M2 with Ack */
	bad(sm, &s, s.out_len, -EPROTO, "M2 with the Ack bit");
	set_info(&s, 0x090a);	/* request */
	bad(sm, &s, s.out_len, -EPROTO, "EAPOL-Key request");
	set_info(&s, 0x000a);	/* no MIC bit */
	bad(sm, &s, s.out_len, -EPROTO, "M2 without the MIC bit");
	set_info(&s, 0x030a);	/* looks like M4 */
	bad(sm, &s, s.out_len, -EPROTO, "M4 while waiting for M2");
	set_info(&s, 0x010a);
	s.out[16] ^= 1;		/* replay counter + 1 */
	s_mic(&s, s.out, s.out_len, s.out + 81);
	bad(sm, &s, s.out_len, -ESTALE, "replay counter not the last sent");
	memcpy(s.out, keep, keep_len);
	s.out[97] = 0x04;	/* Key Data length 1046: oversize */
	s.out[98] = 0x16;
	bad(sm, &s, s.out_len, -EMSGSIZE, "Key Data length past the frame");
	memcpy(s.out, keep, keep_len);
	s.out[90] ^= 0x80;
	bad(sm, &s, s.out_len, -EBADMSG, "M2 with a bad MIC");
	tap_str(w.last_trace, "M2 MIC failure: wrong passphrase?",
		"bad MIC traced as a wrong passphrase");
	tap_ok(!w.last_per_message,
	       "... as a step of the handshake (logged at info)");
	memcpy(s.out, keep, keep_len);
	tap_ok(!deliver(sm, &s) && w.frames == 2,
	       "after all that, the genuine M2 still works");
	tap_ok(!supp_rx_m3(&s, w.frame, w.frame_len, ap_rsne, sizeof(ap_rsne)),
	       "supplicant accepts M3");
	memcpy(keep, s.out, s.out_len);
	s.out[90] ^= 0x80;
	bad(sm, &s, s.out_len, -EBADMSG, "M4 with a bad MIC");
	memcpy(s.out, keep, s.out_len);
	s.out[16] ^= 1;
	s_mic(&s, s.out, s.out_len, s.out + 81);
	bad(sm, &s, s.out_len, -ESTALE, "M4 with a stale replay counter");
	memcpy(s.out, keep, s.out_len);
	set_info(&s, 0x010a);
	bad(sm, &s, s.out_len, -EPROTO, "M2 while waiting for M4");
	memcpy(s.out, keep, s.out_len);
	tap_ok(!deliver(sm, &s) && w.installed == 1 && w.done_calls == 1 &&
	       w.reason == 0, "genuine M4 still completes the handshake");
	replay = s.replay;
	tap_ok(replay == 2, "replay counters 1 (M1) and 2 (M3)");
	wpa_auth_sta_free(sm);

	/* RSNE in M2 differs from the association request: reason 17 */
	sm = to_m2(0, &s);
	s.out[99 + 20] = 0x80;	/* RSN capabilities */
	s_mic(&s, s.out, s.out_len, s.out + 81);
	deliver(sm, &s);
	tap_ok(w.done_calls == 1 && w.reason == 17 && w.timer_ms == 0,
	       "M2 RSNE differs: done(17)");
	wpa_auth_sta_free(sm);

	/* FT: RSNE of M2 without PMKR1Name is dropped, field change is 17 */
	sm = to_m2(1, &s);
	memcpy(keep, s.out, s.out_len);
	keep_len = s.out_len;
	s.out[99 + 24] ^= 1;	/* PMKR1Name */
	s_mic(&s, s.out, s.out_len, s.out + 81);
	bad(sm, &s, s.out_len, -EBADMSG, "FT M2 with a wrong PMKR1Name");
	memcpy(s.out, keep, keep_len);
	s.out[99 + 40 + 3] ^= 1;	/* MDID in the MDE */
	s_mic(&s, s.out, s.out_len, s.out + 81);
	bad(sm, &s, s.out_len, -EBADMSG, "FT M2 with a wrong MDE");
	memcpy(s.out, keep, keep_len);
	s.out[99 + 20] = 0x80;
	s_mic(&s, s.out, s.out_len, s.out + 81);
	deliver(sm, &s);
	tap_ok(w.done_calls == 1 && w.reason == 17, "FT M2 RSNE differs: 17");
	wpa_auth_sta_free(sm);
}

static void retransmissions(void)
{
	struct wpa_auth_sta *sm;
	struct supp s;
	uint8_t anonce[32], m3[MAXF], keep[MAXF];
	size_t m3_len;

	/* M1 lost twice: same ANonce, new replay counter */
	sm = setup(0, &s, psk);
	wpa_auth_sta_start(sm);
	memcpy(anonce, w.frame + 17, 32);
	fire(sm);
	fire(sm);
	tap_ok(w.frames == 3 && !memcmp(w.frame + 17, anonce, 32) &&
	       be64(w.frame + 9) == 3 && w.timer_ms == 1000,
	       "M1 retransmitted with the same ANonce, counter 3");
	supp_rx_m1(&s, w.frame, w.frame_len);
	tap_ok(!deliver(sm, &s), "M2 to the third M1 accepted");
	m3_len = w.frame_len;
	memcpy(m3, w.frame, m3_len);
	fire(sm);
	tap_ok(w.frames == 5 && w.frame_len == m3_len &&
	       !memcmp(w.frame + 99, m3 + 99, m3_len - 99) &&
	       be64(w.frame + 9) == be64(m3 + 9) + 1,
	       "M3 retransmitted: same Key Data, counter + 1");
	tap_ok(!supp_rx_m3(&s, w.frame, w.frame_len, ap_rsne, sizeof(ap_rsne)),
	       "supplicant accepts the second M3");
	fire(sm);
	fire(sm);
	fire(sm);
	tap_ok(w.done_calls == 1 && w.reason == 15 &&
	       strstr(w.why, "no M4"), "no M4 after 4 M3: done(15)");
	wpa_auth_sta_free(sm);

	/* no answer at all */
	sm = setup(0, &s, psk);
	wpa_auth_sta_start(sm);
	fire(sm);
	fire(sm);
	fire(sm);
	tap_ok(w.done_calls == 0 && w.frames == 4, "4 M1 sent");
	fire(sm);
	tap_ok(w.done_calls == 1 && w.reason == 15 && w.now_ms == 4000 &&
	       strstr(w.why, "no M2"), "no M2: done(15) after 4 s");
	wpa_auth_sta_free(sm);

	/* wrong passphrase: every M2 fails its MIC, then reason 15 */
	sm = setup(0, &s, bad_psk);
	wpa_auth_sta_start(sm);
	for (int i = 0; i < 4; i++) {
		supp_rx_m1(&s, w.frame, w.frame_len);
		if (deliver(sm, &s) != -EBADMSG)
			break;
		fire(sm);
	}
	tap_ok(w.done_calls == 1 && w.reason == 15 &&
	       strstr(w.why, "wrong passphrase"),
	       "wrong PSK: 4 MIC failures, done(15, wrong passphrase?)");
	tap_ok(w.installed == 0 && w.authorized == 0, "nothing installed");
	wpa_auth_sta_free(sm);

	/* a delayed M2 answering an earlier M1 (it crossed the
	 * retransmission) is accepted: every outstanding counter counts */
	sm = setup(1, &s, psk);
	wpa_auth_sta_start(sm);
	supp_rx_m1(&s, w.frame, w.frame_len);
	fire(sm);
	fire(sm);
	tap_ok(be64(w.frame + 9) == 3 && s.replay == 1,
	       "FT: three M1 out, the M2 answers the first (counter 1)");
	tap_ok(!deliver(sm, &s) && w.frames == 4,
	       "FT: M2 to the first of three M1s accepted, M3 sent");
	tap_ok(!supp_rx_m3(&s, w.frame, w.frame_len, ap_rsne,
			   sizeof(ap_rsne)), "FT: supplicant accepts that M3");
	tap_ok(deliver(sm, &s) == 0 && w.done_calls == 1 && !w.reason,
	       "FT: M4 completes");
	wpa_auth_sta_free(sm);

	/* outside the outstanding counters: older, newer */
	sm = setup(0, &s, psk);
	wpa_auth_sta_start(sm);
	fire(sm);
	supp_rx_m1(&s, w.frame, w.frame_len);	/* answers M1 #2 */
	memcpy(keep, s.out, s.out_len);
	for (int i = 0; i < 8; i++)
		s.out[9 + i] = 0;
	s_mic(&s, s.out, s.out_len, s.out + 81);
	tap_ok(deliver(sm, &s) == -ESTALE && w.frames == 2,
	       "M2 with counter 0 (below every M1) dropped");
	s.out[16] = 3;
	s_mic(&s, s.out, s.out_len, s.out + 81);
	tap_ok(deliver(sm, &s) == -ESTALE && w.frames == 2,
	       "M2 with counter 3 (above the last M1) dropped");
	memcpy(s.out, keep, s.out_len);
	tap_ok(!deliver(sm, &s) && w.frames == 3,
	       "M2 to the second of two M1s accepted");
	/* M3 sent twice (counters 3, 4): an M4 to either; M1's is stale */
	supp_rx_m3(&s, w.frame, w.frame_len, ap_rsne, sizeof(ap_rsne));
	memcpy(keep, s.out, s.out_len);
	fire(sm);
	s.out[16] = 2;
	s_mic(&s, s.out, s.out_len, s.out + 81);
	tap_ok(deliver(sm, &s) == -ESTALE && !w.installed,
	       "M4 with an M1's counter dropped");
	memcpy(s.out, keep, s.out_len);
	tap_ok(be64(w.frame + 9) == 4 && be64(s.out + 9) == 3 &&
	       !deliver(sm, &s) && w.installed == 1 && w.done_calls == 1,
	       "M4 to the first of two M3s accepted, PTK installed");
	wpa_auth_sta_free(sm);

	/* the key lifetime of one station */
	sm = setup(1, &s, psk);
	tap_ok(wpa_auth_sta_set_key_lifetime(sm, 0) == -EINVAL,
	       "key lifetime 0 refused");
	tap_ok(!wpa_auth_sta_set_key_lifetime(sm, 77), "key lifetime 77 s set");
	wpa_auth_sta_start(sm);
	supp_rx_m1(&s, w.frame, w.frame_len);
	deliver(sm, &s);
	tap_ok(!supp_rx_m3(&s, w.frame, w.frame_len, ap_rsne,
			   sizeof(ap_rsne)) && s.tie_lifetime == 77 &&
	       s.tie_deadline == 2500,
	       "M3 TIE key lifetime is the station's (77 s), deadline the BSS's");
	tap_ok(wpa_auth_sta_set_key_lifetime(sm, 60) == -EBUSY,
	       "key lifetime after M3 refused");
	wpa_auth_sta_free(sm);
}

/* A station authorized by an FT roam: no 4-way handshake, its first
 * group-key handshake runs on the roam's KCK and KEK, counter from 1. */
static void ft_roamed(void)
{
	struct wpa_auth_ft_keys keys;
	struct wpa_auth_sta *sm;
	struct supp s;

	memset(&w, 0, sizeof(w));
	memcpy(ap_rsne, RSNE_FT, sizeof(ap_rsne));
	conf.ft = &ft;
	memset(&s, 0, sizeof(s));
	s.ft = 1;
	s.ver = 3;
	RAND_bytes(s.kck, sizeof(s.kck));
	RAND_bytes(s.kek, sizeof(s.kek));
	tap_ok(!wpa_auth_sta_new_ft(&conf, SPA, AKM_PSK, s.kck, 16, s.kek, 16,
				    0), "FT roam: AKM 2 refused");
	tap_ok(!wpa_auth_sta_new_ft(&conf, SPA, AKM_FT_PSK, s.kck, 24, s.kek,
				    16, 0), "FT roam: 24-octet KCK refused");
	conf.ft = NULL;
	tap_ok(!wpa_auth_sta_new_ft(&conf, SPA, AKM_FT_PSK, s.kck, 16, s.kek,
				    16, 0), "FT roam: BSS without FT refused");
	conf.ft = &ft;
	sm = wpa_auth_sta_new_ft(&conf, SPA, AKM_FT_PSK, s.kck, 16, s.kek, 16,
				 0);
	tap_ok(sm && wpa_auth_authorized(sm), "FT roam: station authorized");
	tap_ok(!w.frames && !w.installed && !w.authorized && !w.done_calls &&
	       !w.timer_ms, "FT roam: no frame, no key, no timer, no done()");
	tap_ok(wpa_auth_get_ft_keys(sm, &keys) == -ENOENT,
	       "FT roam: no PMK-R0 to hand out");
	tap_ok(wpa_auth_sta_start(sm) == -EBUSY,
	       "FT roam: no 4-way handshake to start");

	tap_ok(!wpa_auth_group_new_gtk(&group), "FT roam: new GTK");
	tap_ok(!wpa_auth_group_rekey(sm) && w.frames == 1 &&
	       w.timer_ms == 1000, "FT roam: G1 sent, timer armed");
	tap_ok(be64(w.frame + 9) == 1, "FT roam: first G1 replay counter 1");
	tap_ok(!supp_rx_g1(&s, w.frame, w.frame_len),
	       s.err ? s.err : "FT roam: supplicant accepts G1 (KCK, KEK)");
	tap_ok(s.gtk_len == group.gtk_len && !memcmp(s.gtk, group.gtk, 16) &&
	       s.gtk_idx == group.key_idx, "FT roam: G1 carries the new GTK");
	tap_ok(!deliver(sm, &s) && w.done_calls == 1 && !w.reason &&
	       !w.timer_ms, "FT roam: G2 accepted, done(0)");
	tap_ok(wpa_auth_authorized(sm), "FT roam: still authorized");

	/* the next rekey: counter 2, the supplicant's check passes again */
	s.have_replay = 1;
	w.done_calls = 0;
	wpa_auth_group_new_gtk(&group);
	tap_ok(!wpa_auth_group_rekey(sm) && !supp_rx_g1(&s, w.frame,
							w.frame_len) &&
	       s.replay == 2 && !deliver(sm, &s) && w.done_calls == 1 &&
	       !w.reason, "FT roam: second group-key handshake, counter 2");
	tap_ok(deliver(sm, &s) == -EPROTO && w.done_calls == 1,
	       "FT roam: replayed G2 dropped");
	wpa_auth_sta_free(sm);

	/* a wrong KEK (keys not those of the roam): supplicant refuses */
	memset(&w, 0, sizeof(w));
	sm = wpa_auth_sta_new_ft(&conf, SPA, AKM_FT_PSK, s.kck, 16, s.kck, 16,
				 0);
	s.have_replay = 0;
	wpa_auth_group_rekey(sm);
	tap_ok(supp_rx_g1(&s, w.frame, w.frame_len) != 0,
	       "FT roam: G1 with another KEK refused by the supplicant");
	wpa_auth_sta_free(sm);
}

/* The Key RSC field as a supplicant reads it: 8 octets, the PN least
 * significant octet first; with CCMP octets 6 and 7 are zero. */
static int64_t s_rsc(const uint8_t *frame)
{
	const uint8_t *p = frame + 65;	/* 4 + 1 + 2 + 2 + 8 + 32 + 16 */
	int64_t pn = 0;

	if (p[6] || p[7])
		return -1;
	for (int i = 5; i >= 0; i--)
		pn = pn << 8 | p[i];
	return pn;
}

/* M3 and G1 carry the GTK's transmit PN read anew for each message
 * (after broadcast traffic it is not zero); a failed read holds the
 * message back for the retransmission timer. */
static void rsc_field(void)
{
	/* PN 0x123456789a, as mac80211's GET_KEY gives it */
	static const uint8_t pn[8] = { 0x9a, 0x78, 0x56, 0x34, 0x12 };
	struct wpa_auth_sta *sm;
	struct supp s;
	int frames;

	sm = to_m2(0, &s);
	memcpy(w.rsc, pn, 8);
	tap_ok(!deliver(sm, &s) && w.frames == 2, "RSC: M2 accepted, M3 sent");
	tap_ok(w.rsc_calls == 1 && w.rsc_idx == group.key_idx,
	       "RSC: read once for M3, for the GTK's key index");
	tap_ok(!memcmp(w.frame + 65, pn, 8) && s_rsc(w.frame) == 0x123456789a,
	       "RSC: M3's Key RSC is PN 0x123456789a, LSB first");
	w.rsc[0] = 0xa5;		/* eleven broadcast frames later */
	fire(sm);
	tap_ok(w.frames == 3 && w.rsc_calls == 2 &&
	       s_rsc(w.frame) == 0x12345678a5,
	       "RSC: the retransmitted M3 reads the PN again");
	tap_ok(!supp_rx_m3(&s, w.frame, w.frame_len, ap_rsne,
			   sizeof(ap_rsne)) && !deliver(sm, &s) &&
	       w.done_calls == 1 && !w.reason, "RSC: M4 completes");

	wpa_auth_group_new_gtk(&group);
	memset(w.rsc, 0, 8);
	w.rsc[0] = 3;
	w.done_calls = 0;
	tap_ok(!wpa_auth_group_rekey(sm) && w.rsc_idx == group.key_idx &&
	       s_rsc(w.frame) == 3, "RSC: G1 carries the new GTK's PN");
	w.rsc_err = -EIO;
	frames = w.frames;
	fire(sm);
	tap_ok(w.frames == frames && w.timer_ms == 1000 &&
	       !strcmp(w.last_trace,
		       "G1 held back: GTK RSC not read (Input/output error)"),
	       "RSC: read fails: G1 held back, traced, timer armed");
	w.rsc_err = 0;
	w.rsc[0] = 4;
	fire(sm);
	tap_ok(w.frames == frames + 1 && s_rsc(w.frame) == 4 &&
	       !supp_rx_g1(&s, w.frame, w.frame_len) && !deliver(sm, &s) &&
	       w.done_calls == 1 && !w.reason,
	       "RSC: next try sends G1 (PN 4), G2 completes");
	wpa_auth_sta_free(sm);

	/* the PN can never be read: no M3 at all, then reason 15 */
	sm = to_m2(0, &s);
	w.rsc_err = -ENODATA;
	tap_ok(!deliver(sm, &s) && w.frames == 1 && w.timer_ms == 1000,
	       "RSC: read fails: M2 accepted, M3 held back, timer armed");
	fire(sm);
	fire(sm);
	fire(sm);
	tap_ok(w.frames == 1 && !w.done_calls, "RSC: no M3 while it fails");
	fire(sm);
	tap_ok(w.frames == 1 && w.done_calls == 1 && w.reason == 15,
	       "RSC: done(15) after 4 tries");
	wpa_auth_sta_free(sm);
}

static void bad_args(void)
{
	uint8_t short_rsne[] = { 48, 30, 1, 0 };

	memset(&w, 0, sizeof(w));
	conf.ft = NULL;
	tap_ok(!wpa_auth_sta_new(&conf, SPA, AKM_FT_PSK, RSNE_FT,
				 sizeof(RSNE_FT), psk, 32, NULL),
	       "FT AKM refused on a BSS without FT");
	tap_ok(!wpa_auth_sta_new(&conf, SPA, AKM_PSK, short_rsne,
				 sizeof(short_rsne), psk, 32, NULL),
	       "RSNE whose length is wrong refused");
	tap_ok(!wpa_auth_sta_new(&conf, SPA, 0x000fac03, RSNE_FT,
				 sizeof(RSNE_FT), psk, 32, NULL),
	       "FT-802.1X AKM refused on a BSS without FT");
	tap_ok(!wpa_auth_sta_new(&conf, SPA, 0x000fac05, RSNE_PSK,
				 sizeof(RSNE_PSK), psk, 32, NULL),
	       "AKM 5 (802.1X-SHA256) refused");
	tap_ok(!wpa_auth_sta_new(&conf, SPA, 0x000fac01, RSNE_PSK,
				 sizeof(RSNE_PSK), psk, 16, NULL),
	       "a PMK that is not 32 octets refused");
	conf.ft = &ft;
	tap_ok(!wpa_auth_sta_new(&conf, SPA, 0x000fac03, RSNE_FT,
				 sizeof(RSNE_FT), psk, 32, NULL),
	       "FT-802.1X without the PMKSA's PMKID refused");
	ft.reassoc_deadline_tu = 0;
	tap_ok(!wpa_auth_sta_new(&conf, SPA, AKM_FT_PSK, RSNE_FT,
				 sizeof(RSNE_FT), psk, 32, NULL),
	       "FT BSS without a reassociation deadline refused");
	ft.reassoc_deadline_tu = 2500;
	ft.key_lifetime_s = 0;
	tap_ok(!wpa_auth_sta_new(&conf, SPA, AKM_FT_PSK, RSNE_FT,
				 sizeof(RSNE_FT), psk, 32, NULL),
	       "FT BSS without a key lifetime refused");
	ft.key_lifetime_s = 7200;
	conf.ft = NULL;
	tap_ok(wpa_auth_rx_eapol(NULL, psk, 4) == -EINVAL, "NULL station");
}

int main(void)
{
	memset(psk, 0x61, sizeof(psk));
	memset(bad_psk, 0x62, sizeof(bad_psk));
	memcpy(conf.aa, AA, 6);
	memcpy(ft.r1kh_id, AA, 6);
	wpa_auth_group_new_gtk(&group);
	tap_ok(group.gtk_len == 16 && group.key_idx == 1, "first GTK idx 1");
	full_handshake(0);
	full_handshake(1);
	/* 802.1X: PMK (AKM 1) or XXKey (AKM 3) from the MSK */
	RSNE_PSK[19] = 1;
	RSNE_FT[19] = 3;
	full_handshake(0);
	full_handshake(1);
	RSNE_PSK[19] = 2;
	RSNE_FT[19] = 4;
	negatives();
	retransmissions();
	ft_roamed();
	rsc_field();
	bad_args();
	return tap_done();
}
