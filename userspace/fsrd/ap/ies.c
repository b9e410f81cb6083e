// SPDX-License-Identifier: GPL-2.0-only
/* Frame and element builders of an fsrd BSS (see ies.h). */
#include <errno.h>
#include <string.h>

#include "ft_ie.h"
#include "core/ieee80211.h"
#include "ap/ies.h"

/* A bounded writer: every put fails once the buffer is exhausted. */
struct wbuf {
	uint8_t *p;
	size_t size;
	size_t len;
	bool overflow;
};

static void put(struct wbuf *w, const void *data, size_t len)
{
	if (w->overflow || w->size - w->len < len) {
		w->overflow = true;
		return;
	}
	memcpy(w->p + w->len, data, len);
	w->len += len;
}

static void put_u8(struct wbuf *w, uint8_t v)
{
	put(w, &v, 1);
}

static void put_le16(struct wbuf *w, uint16_t v)
{
	uint8_t b[2] = { (uint8_t)v, (uint8_t)(v >> 8) };

	put(w, b, 2);
}

static void put_elem(struct wbuf *w, uint8_t id, const void *data,
		     size_t len)
{
	put_u8(w, id);
	put_u8(w, (uint8_t)len);
	put(w, data, len);
}

static int done(struct wbuf *w)
{
	return w->overflow ? -ENOSPC : (int)w->len;
}

static void put_hdr(struct wbuf *w, const struct fsrd_bss_ies *b,
		    uint8_t stype, const uint8_t *da)
{
	put_le16(w, WLAN_FC_MGMT(stype));
	put_le16(w, 0);			/* duration: the driver fills it */
	put(w, da, 6);
	put(w, b->bssid, 6);
	put(w, b->bssid, 6);
	put_le16(w, 0);			/* sequence: the driver fills it */
}

static bool is_2ghz(const struct fsrd_bss_ies *b)
{
	return b->freq_mhz < 3000;
}

/* 802.11b basic rates plus OFDM on 2.4 GHz; OFDM only on 5 GHz. */
static const uint8_t rates_2g[] = { 0x82, 0x84, 0x8b, 0x96,
				    0x0c, 0x12, 0x18, 0x24 };
static const uint8_t ext_rates_2g[] = { 0x30, 0x48, 0x60, 0x6c };
static const uint8_t rates_5g[] = { 0x8c, 0x12, 0x98, 0x24,
				    0xb0, 0x48, 0x60, 0x6c };

static void put_rates(struct wbuf *w, const struct fsrd_bss_ies *b)
{
	if (is_2ghz(b))
		put_elem(w, WLAN_EID_RATES, rates_2g, sizeof(rates_2g));
	else
		put_elem(w, WLAN_EID_RATES, rates_5g, sizeof(rates_5g));
}

static void put_ext_rates(struct wbuf *w, const struct fsrd_bss_ies *b)
{
	if (is_2ghz(b))
		put_elem(w, WLAN_EID_EXT_RATES, ext_rates_2g,
			 sizeof(ext_rates_2g));
}

int fsrd_build_rates(const struct fsrd_bss_ies *b, uint8_t *buf, size_t size)
{
	struct wbuf w = { buf, size, 0, false };

	put_rates(&w, b);
	put_ext_rates(&w, b);
	return done(&w);
}

static void put_ht(struct wbuf *w, const struct fsrd_bss_ies *b)
{
	uint8_t cap[WLAN_HT_CAP_LEN] = { 0 };
	uint8_t op[WLAN_HT_OP_LEN] = { 0 };

	if (!b->ht)
		return;
	/* SM power save disabled, short GI for 20 MHz; 20 MHz only */
	cap[0] = 0x2c;
	cap[2] = 0x03;			/* A-MPDU up to 64 KiB */
	cap[3] = 0xff;			/* RX MCS 0-7: one spatial stream */
	put_elem(w, WLAN_EID_HT_CAP, cap, sizeof(cap));
	op[0] = (uint8_t)b->channel;	/* primary channel, no secondary */
	put_elem(w, WLAN_EID_HT_OP, op, sizeof(op));
}

/* WMM parameter element: HT stations need QoS (mac80211 drops HT without). */
static void put_wmm(struct wbuf *w, const struct fsrd_bss_ies *b)
{
	static const uint8_t wmm[] = {
		0x00, 0x50, 0xf2, 0x02, 0x01, 0x01,	/* OUI, type, subtype, v1 */
		0x00, 0x00,				/* QoS info, reserved */
		0x03, 0xa4, 0x00, 0x00,			/* AC_BE */
		0x27, 0xa4, 0x00, 0x00,			/* AC_BK */
		0x42, 0x43, 0x5e, 0x00,			/* AC_VI */
		0x62, 0x32, 0x2f, 0x00,			/* AC_VO */
	};

	if (b->ht)
		put_elem(w, WLAN_EID_VENDOR, wmm, sizeof(wmm));
}

int fsrd_build_resp_tail(const struct fsrd_bss_ies *b, uint8_t *buf,
			 size_t size)
{
	struct wbuf w = { buf, size, 0, false };

	put_ht(&w, b);
	put_wmm(&w, b);
	return done(&w);
}

static void put_ssid_rates_ds(struct wbuf *w, const struct fsrd_bss_ies *b)
{
	uint8_t ch = (uint8_t)b->channel;

	put_elem(w, WLAN_EID_SSID, b->ssid, b->ssid_len);
	put_rates(w, b);
	put_elem(w, WLAN_EID_DS, &ch, 1);
}

/* Everything after the TIM, in the order of 802.11-2020 Table 9-32. */
static void put_tail(struct wbuf *w, const struct fsrd_bss_ies *b)
{
	uint8_t erp = 0;

	if (is_2ghz(b))
		put_elem(w, WLAN_EID_ERP, &erp, 1);
	put_ext_rates(w, b);
	put(w, b->rsne, b->rsne_len);
	put(w, b->mde, b->mde_len);
	put_ht(w, b);
	put_wmm(w, b);
}

static void put_fixed(struct wbuf *w, const struct fsrd_bss_ies *b)
{
	static const uint8_t tsf[8];

	put(w, tsf, sizeof(tsf));	/* the driver fills the timestamp */
	put_le16(w, b->beacon_int);
	put_le16(w, b->capab);
}

int fsrd_build_beacon_head(const struct fsrd_bss_ies *b, uint8_t *buf,
			   size_t size)
{
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct wbuf w = { buf, size, 0, false };

	put_hdr(&w, b, WLAN_ST_BEACON, bcast);
	put_fixed(&w, b);
	put_ssid_rates_ds(&w, b);
	return done(&w);
}

int fsrd_build_beacon_tail(const struct fsrd_bss_ies *b, uint8_t *buf,
			   size_t size)
{
	struct wbuf w = { buf, size, 0, false };

	put_tail(&w, b);
	return done(&w);
}

int fsrd_build_probe_resp(const struct fsrd_bss_ies *b, const uint8_t *da,
			  uint8_t *buf, size_t size)
{
	struct wbuf w = { buf, size, 0, false };

	put_hdr(&w, b, WLAN_ST_PROBE_RESP, da);
	put_fixed(&w, b);
	put_ssid_rates_ds(&w, b);
	put_tail(&w, b);
	return done(&w);
}

int fsrd_build_assoc_resp(const struct fsrd_bss_ies *b, const uint8_t *da,
			  bool reassoc, uint16_t status, uint16_t aid,
			  const uint8_t *extra, size_t extra_len,
			  uint8_t *buf, size_t size)
{
	struct wbuf w = { buf, size, 0, false };

	put_hdr(&w, b, reassoc ? WLAN_ST_REASSOC_RESP : WLAN_ST_ASSOC_RESP,
		da);
	put_le16(&w, b->capab);
	put_le16(&w, status);
	/* the two top bits of the AID field are set (9.4.1.8) */
	put_le16(&w, status ? 0 : (uint16_t)(aid | 0xc000));
	put_rates(&w, b);
	put_ext_rates(&w, b);
	if (!status) {
		put_ht(&w, b);
		put_wmm(&w, b);
	}
	if (extra)
		put(&w, extra, extra_len);
	return done(&w);
}

int fsrd_build_auth(const struct fsrd_bss_ies *b, const uint8_t *da,
		    uint16_t alg, uint16_t seq, uint16_t status,
		    const uint8_t *ies, size_t ies_len, uint8_t *buf,
		    size_t size)
{
	struct wbuf w = { buf, size, 0, false };

	put_hdr(&w, b, WLAN_ST_AUTH, da);
	put_le16(&w, alg);
	put_le16(&w, seq);
	put_le16(&w, status);
	if (ies)
		put(&w, ies, ies_len);
	return done(&w);
}

int fsrd_build_action(const struct fsrd_bss_ies *b, const uint8_t *da,
		      const uint8_t *body, size_t body_len, uint8_t *buf,
		      size_t size)
{
	struct wbuf w = { buf, size, 0, false };

	put_hdr(&w, b, WLAN_ST_ACTION, da);
	put(&w, body, body_len);
	return done(&w);
}

int fsrd_build_deauth(const struct fsrd_bss_ies *b, const uint8_t *da,
		      bool disassoc, uint16_t reason, uint8_t *buf,
		      size_t size)
{
	struct wbuf w = { buf, size, 0, false };

	put_hdr(&w, b, disassoc ? WLAN_ST_DISASSOC : WLAN_ST_DEAUTH, da);
	put_le16(&w, reason);
	return done(&w);
}

size_t fsrd_sec_akms(enum fsrd_security sec, uint32_t akms[2])
{
	switch (sec) {
	case FSRD_SEC_WPA2_PSK:
		akms[0] = RSN_AKM_PSK;
		return 1;
	case FSRD_SEC_FT_PSK:
		akms[0] = RSN_AKM_FT_PSK;
		akms[1] = RSN_AKM_PSK;
		return 2;
	case FSRD_SEC_WPA2_EAP:
		akms[0] = RSN_AKM_8021X;
		return 1;
	case FSRD_SEC_FT_EAP:
		akms[0] = RSN_AKM_FT_8021X;
		akms[1] = RSN_AKM_8021X;
		return 2;
	}
	return 0;
}

uint32_t fsrd_sec_ft_akm(enum fsrd_security sec)
{
	return sec == FSRD_SEC_FT_PSK ? RSN_AKM_FT_PSK :
	       sec == FSRD_SEC_FT_EAP ? RSN_AKM_FT_8021X : 0;
}

int fsrd_ies_init(struct fsrd_bss_ies *b, const struct fsrd_bss_conf *bc,
		  const uint8_t *bssid, const uint8_t *mdid)
{
	uint8_t pairwise[4], akm[8];
	struct fsr_ie_rsne r = { 0 };
	uint32_t akms[2];
	size_t i, n_akm = fsrd_sec_akms(bc->security, akms);
	int n;

	if (!n_akm)
		return -EOPNOTSUPP;
	memset(b, 0, sizeof(*b));
	memcpy(b->bssid, bssid, 6);
	b->ssid = bc->ssid;
	b->ssid_len = bc->ssid_len;
	b->channel = bc->channel;
	b->freq_mhz = bc->freq_mhz;
	b->ht = bc->ht;
	b->beacon_int = bc->beacon_interval;
	b->dtim_period = bc->dtim_period;
	b->capab = WLAN_CAPAB_ESS | WLAN_CAPAB_PRIVACY;
	if (is_2ghz(b))
		b->capab |= WLAN_CAPAB_SHORT_SLOT;

	fsr_put_suite(pairwise, bc->pairwise_cipher);
	r.version = 1;
	r.n_fields = FSR_RSNE_F_CAPS;
	r.group_cipher = RSN_SUITE_CCMP;
	r.n_pairwise = 1;
	r.pairwise = pairwise;
	for (i = 0; i < n_akm; i++)
		fsr_put_suite(akm + 4 * i, akms[i]);
	r.n_akm = (uint16_t)n_akm;
	r.akm = akm;
	r.caps = 0;
	n = fsr_ie_build_rsne(b->rsne, sizeof(b->rsne), &r);
	if (n < 0)
		return n;
	b->rsne_len = (size_t)n;
	if (fsrd_sec_ft_akm(bc->security)) {
		/* the only capability fsrd offers: FT over the DS */
		struct fsr_ie_mde m = {
			.ft_cap = bc->ft_over_ds ? FSR_MDE_FT_OVER_DS : 0,
		};

		if (!mdid)
			return -EINVAL;
		memcpy(m.mdid, mdid, 2);
		n = fsr_ie_build_mde(b->mde, sizeof(b->mde), &m);
		if (n < 0)
			return n;
		b->mde_len = (size_t)n;
	}
	return 0;
}
