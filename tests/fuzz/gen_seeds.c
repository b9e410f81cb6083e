// SPDX-License-Identifier: GPL-2.0-only
/*
 * Writes the seed corpora of the fuzz targets added with issue 13
 * (eapol_key, wpa_auth, eap_relay, assoc_req, ft_roam, ctl_proto) under
 * the directory given as its argument: a handful of valid inputs each,
 * built with fsrd's own builders (eapol_key_build, fsr_ie_build_*,
 * radius_msg_*, wpa_auth_ft_assoc_ies) and the fixture of wpa_fixture.h.
 * `make seeds` runs it; the output is committed under corpus/.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "eapol_key.h"
#include "ft_ie.h"
#include "ft_kdf.h"
#include "radius/radius_msg.h"
#include "wpa_fixture.h"

/* EAPOL packet types and EAP codes (802.1X-2010 11.3, RFC 3748 4) */
#define EAPOL_TYPE_EAP		0
#define EAPOL_TYPE_START	1
#define EAPOL_TYPE_LOGOFF	2
#define EAP_CODE_REQUEST	1
#define EAP_CODE_RESPONSE	2
#define EAP_CODE_SUCCESS	3
#define EAP_CODE_FAILURE	4
#define EAP_TYPE_IDENTITY	1
#define EAP_TYPE_NAK		3

static const char *root;

struct buf {
	uint8_t b[8192];
	size_t len;
};

static void put(struct buf *o, const void *p, size_t n)
{
	if (o->len + n > sizeof(o->b)) {
		fprintf(stderr, "gen_seeds: buffer full\n");
		exit(1);
	}
	memcpy(o->b + o->len, p, n);
	o->len += n;
}

static void put_u8(struct buf *o, uint8_t v)
{
	put(o, &v, 1);
}

/* a record of the stateful targets: [control][length, 2 octets][bytes] */
static void put_rec(struct buf *o, uint8_t ctl, const void *p, size_t n)
{
	uint8_t h[3] = { ctl, (uint8_t)(n >> 8), (uint8_t)n };

	put(o, h, 3);
	put(o, p, n);
}

static void save(const char *dir, const char *name, const struct buf *o)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/%s/%s", root, dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(o->b, 1, o->len, f) != o->len || fclose(f)) {
		fprintf(stderr, "gen_seeds: %s: %s\n", path, strerror(errno));
		exit(1);
	}
}

static void must(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "gen_seeds: %s failed\n", what);
		exit(1);
	}
}

/* ---- EAPOL-Key ------------------------------------------------------- */

static const uint8_t snonce[32] = { 0x53, 0x4e, 0x4f, 0x4e, 0x43, 0x45, 1 };
static const uint8_t anonce[32] = { 0x41, 0x4e, 0x4f, 0x4e, 0x43, 0x45, 2 };

static size_t key_frame(uint8_t *out, uint16_t info, uint16_t key_len,
			uint64_t replay, const uint8_t *nonce,
			const uint8_t *data, size_t data_len)
{
	struct eapol_key_out k = {
		.key_info = info,
		.key_len = key_len,
		.replay = replay,
		.nonce = nonce,
		.data = data,
		.data_len = data_len,
	};
	int n = eapol_key_build(out, EAPOL_KEY_HDR_LEN + EAPOL_KEY_DATA_MAX,
				&k);

	must(n > 0, "eapol_key_build");
	return (size_t)n;
}

/* RSNE with one PMKID */
static size_t rsne_pmkid(uint8_t *e, uint32_t akm, const uint8_t *pmkid)
{
	fx_rsne(e, akm);
	e[1] = 20 + 18;
	e[22] = 1;
	e[23] = 0;
	memcpy(e + 24, pmkid, 16);
	return 40;
}

/* Key Data of an FT M2: RSNE with PMKR1Name, MDE and FTE of the
 * association response */
static size_t ft_m2_data(uint8_t *d, uint32_t akm)
{
	struct wpa_auth_conf conf = { .ft = &fx_ft };
	struct fsr_ft_suite s;
	struct fsr_ft_pmk_r1 r1;
	size_t n;
	int m;

	must(!fx_pmk_r1(akm, &s, &r1), "PMK-R1");
	n = rsne_pmkid(d, akm, r1.name);
	m = wpa_auth_ft_assoc_ies(&conf, d + n, 300);
	must(m > 0, "wpa_auth_ft_assoc_ies");
	return n + (size_t)m;
}

static void eapol_key_seeds(void)
{
	static uint8_t f[EAPOL_KEY_HDR_LEN + EAPOL_KEY_DATA_MAX];
	uint8_t d[512];
	struct buf o;
	size_t n, dl;
	int m;

	o.len = 0;
	put(&o, f, key_frame(f, 0x008a, 16, 1, anonce, NULL, 0));
	save("eapol_key", "m1_psk", &o);

	fx_rsne(d, 0x000fac02);
	o.len = 0;
	put(&o, f, key_frame(f, 0x010a, 0, 1, snonce, d, 22));
	save("eapol_key", "m2_psk", &o);

	dl = ft_m2_data(d, 0x000fac04);
	o.len = 0;
	put(&o, f, key_frame(f, 0x010b, 0, 1, snonce, d, dl));
	save("eapol_key", "m2_ft_psk", &o);

	/* M1 of 802.1X: PMKID KDE */
	m = eapol_kde_put_pmkid(d, sizeof(d), fx_pmkid);
	must(m > 0, "PMKID KDE");
	o.len = 0;
	put(&o, f, key_frame(f, 0x008a, 16, 1, anonce, d, (size_t)m));
	save("eapol_key", "m1_pmkid", &o);

	/* M3-like Key Data in clear: RSNE, MDE, FTE, two TIEs, GTK KDE,
	 * padding */
	dl = ft_m2_data(d, 0x000fac03);
	{
		static const uint8_t tie[2][7] = {
			{ 56, 5, 1, 0xe8, 0x03, 0, 0 },
			{ 56, 5, 2, 0x10, 0x0e, 0, 0 },
		};
		static const uint8_t gtk[16] = { 0x47, 0x54, 0x4b };

		memcpy(d + dl, tie, sizeof(tie));
		dl += sizeof(tie);
		m = eapol_kde_put_gtk(d + dl, sizeof(d) - dl, 1, false, gtk,
				      sizeof(gtk));
		must(m > 0, "GTK KDE");
		dl += (size_t)m;
		d[dl++] = 0xdd;
		d[dl++] = 0;
	}
	o.len = 0;
	put(&o, f, key_frame(f, 0x13cb, 16, 2, anonce, d, dl));
	save("eapol_key", "m3_ft_clear", &o);

	/* G2 with Ethernet padding after the body */
	o.len = 0;
	n = key_frame(f, 0x030a, 0, 3, NULL, NULL, 0);
	memset(f + n, 0, 8);
	put(&o, f, n + 8);
	save("eapol_key", "g2_padded", &o);
}

/* ---- the authenticator ----------------------------------------------- */

static void wpa_auth_seeds(void)
{
	static const char *names[4] = {
		"psk_full", "8021x_full", "ft_psk_full", "ft_8021x_full",
	};
	static uint8_t f[EAPOL_KEY_HDR_LEN + EAPOL_KEY_DATA_MAX];
	uint8_t d[512];
	struct buf o;
	size_t dl;
	int i, ver;

	for (i = 0; i < 4; i++) {
		uint32_t akm = fx_akms[i];
		bool ft = i >= 2;

		ver = ft ? 3 : 2;
		if (ft) {
			dl = ft_m2_data(d, akm);
		} else {
			fx_rsne(d, akm);
			dl = 22;
		}
		o.len = 0;
		put_u8(&o, (uint8_t)i);
		/* M2, M4 (signed, replay counter of the last frame sent),
		 * then a group-key handshake: G2 */
		put_rec(&o, 0x03, f, key_frame(f, (uint16_t)(0x0108 | ver), 0,
						0, snonce, d, dl));
		put_rec(&o, 0x03, f, key_frame(f, (uint16_t)(0x0308 | ver), 0,
						0, NULL, NULL, 0));
		put_rec(&o, 0x0b, f, key_frame(f, (uint16_t)(0x0300 | ver), 0,
						0, NULL, NULL, 0));
		save("wpa_auth", names[i], &o);
	}
	/* M2 with a retransmission of M1 first, unsigned M4, timeout */
	fx_rsne(d, 0x000fac02);
	o.len = 0;
	put_u8(&o, 0);
	put_rec(&o, 0x07, f, key_frame(f, 0x010a, 0, 0, snonce, d, 22));
	put_rec(&o, 0x02, f, key_frame(f, 0x030a, 0, 0, NULL, NULL, 0));
	put_rec(&o, 0x16, f, key_frame(f, 0x030a, 0, 0, NULL, NULL, 0));
	save("wpa_auth", "psk_retransmit", &o);
	/* a station that roamed by FT: G1/G2 only */
	o.len = 0;
	put_u8(&o, 0x06);
	put_rec(&o, 0x0b, f, key_frame(f, 0x0303, 0, 0, NULL, NULL, 0));
	save("wpa_auth", "ft_roamed_g2", &o);
}

/* ---- the EAP relay ----------------------------------------------------- */

static size_t eapol_eap(uint8_t *f, uint8_t type, const uint8_t *eap,
			size_t len)
{
	f[0] = 2;
	f[1] = type;
	f[2] = (uint8_t)(len >> 8);
	f[3] = (uint8_t)len;
	if (len)
		memcpy(f + 4, eap, len);
	return 4 + len;
}

static size_t eap_pkt(uint8_t *e, uint8_t code, uint8_t id, int type,
		      const void *data, size_t len)
{
	size_t n = 4;

	e[0] = code;
	e[1] = id;
	if (type >= 0)
		e[n++] = (uint8_t)type;
	if (len)
		memcpy(e + n, data, len);
	n += len;
	e[2] = (uint8_t)(n >> 8);
	e[3] = (uint8_t)n;
	return n;
}

static void radius_rec(struct buf *o, uint8_t op, uint8_t code,
		       const uint8_t *eap, size_t eap_len, bool extras)
{
	struct radius_msg m;
	static const uint8_t st[] = "state-0001";
	static const uint8_t cls[] = "class-a";

	radius_msg_init(&m, code, 7);
	if (eap_len)
		must(radius_msg_add_eap(&m, eap, eap_len) == RADIUS_OK,
		     "EAP-Message");
	if (code == RADIUS_ACCESS_CHALLENGE) {
		must(radius_msg_add(&m, RADIUS_ATTR_STATE, st,
				    sizeof(st) - 1) == RADIUS_OK, "State");
		must(radius_msg_add_u32(&m, RADIUS_ATTR_SESSION_TIMEOUT,
					30) == RADIUS_OK, "Session-Timeout");
	}
	if (extras) {
		static const uint8_t tt[4] = { 1, 0, 0, 13 };
		static const uint8_t tm[4] = { 1, 0, 0, 6 };
		static const uint8_t tg[] = "\x01" "42";

		must(radius_msg_add(&m, RADIUS_ATTR_CLASS, cls,
				    sizeof(cls) - 1) == RADIUS_OK, "Class");
		must(radius_msg_add_u32(&m, RADIUS_ATTR_SESSION_TIMEOUT,
					3600) == RADIUS_OK, "Session-Timeout");
		must(radius_msg_add_u32(&m, RADIUS_ATTR_TERMINATION_ACTION,
					1) == RADIUS_OK, "Termination-Action");
		must(radius_msg_add(&m, RADIUS_ATTR_TUNNEL_TYPE, tt, 4) ==
		     RADIUS_OK, "Tunnel-Type");
		must(radius_msg_add(&m, RADIUS_ATTR_TUNNEL_MEDIUM_TYPE, tm,
				    4) == RADIUS_OK, "Tunnel-Medium-Type");
		must(radius_msg_add(&m, RADIUS_ATTR_TUNNEL_PRIVATE_GROUP_ID,
				    tg, 3) == RADIUS_OK, "Tunnel-Group");
		must(radius_msg_add_str(&m, RADIUS_ATTR_USER_NAME, "alice") ==
		     RADIUS_OK, "User-Name");
	}
	must(radius_msg_add_ma(&m) > 0, "Message-Authenticator");
	put_rec(o, op, m.buf, m.len);
}

static void eap_relay_seeds(void)
{
	static const uint8_t tls[] = { 0x80, 0, 0, 0, 6, 0x16, 3, 1, 0, 1, 1 };
	uint8_t f[512], e[512];
	struct buf o;
	size_t n;

	/* identity, challenge, response, accept with attributes, session
	 * timer (reauthentication), identity again */
	o.len = 0;
	put_u8(&o, 0);
	n = eap_pkt(e, EAP_CODE_RESPONSE, 0, EAP_TYPE_IDENTITY, "alice", 5);
	put_rec(&o, 0x10, f, eapol_eap(f, EAPOL_TYPE_EAP, e, n));
	n = eap_pkt(e, EAP_CODE_REQUEST, 0x11, 25, "\x20", 1);
	radius_rec(&o, 1, RADIUS_ACCESS_CHALLENGE, e, n, false);
	n = eap_pkt(e, EAP_CODE_RESPONSE, 0x11, 25, tls, sizeof(tls));
	put_rec(&o, 0x10, f, eapol_eap(f, EAPOL_TYPE_EAP, e, n));
	n = eap_pkt(e, EAP_CODE_SUCCESS, 0x11, -1, NULL, 0);
	radius_rec(&o, 0x11, RADIUS_ACCESS_ACCEPT, e, n, true);
	put_rec(&o, 5, NULL, 0);
	n = eap_pkt(e, EAP_CODE_RESPONSE, 0, EAP_TYPE_IDENTITY, "alice", 5);
	put_rec(&o, 0x10, f, eapol_eap(f, EAPOL_TYPE_EAP, e, n));
	save("eap_relay", "peap_accept", &o);

	/* a reject, freed by the owner */
	o.len = 0;
	put_u8(&o, 1);
	n = eap_pkt(e, EAP_CODE_RESPONSE, 0, EAP_TYPE_IDENTITY, "bob", 3);
	put_rec(&o, 0x10, f, eapol_eap(f, EAPOL_TYPE_EAP, e, n));
	n = eap_pkt(e, EAP_CODE_FAILURE, 0x11, -1, NULL, 0);
	radius_rec(&o, 1, RADIUS_ACCESS_REJECT, e, n, false);
	put_rec(&o, 0, f, eapol_eap(f, EAPOL_TYPE_START, NULL, 0));
	save("eap_relay", "reject_free", &o);

	/* Start, Logoff, Key, quiet period, retransmissions, timeouts */
	o.len = 0;
	put_u8(&o, 2);
	put_rec(&o, 0, f, eapol_eap(f, EAPOL_TYPE_START, NULL, 0));
	put_rec(&o, 4, NULL, 0);
	put_rec(&o, 0, f, eapol_eap(f, EAPOL_TYPE_LOGOFF, NULL, 0));
	put_rec(&o, 0, f, eapol_eap(f, EAPOL_TYPE_START, NULL, 0));
	put_rec(&o, 4, NULL, 0);
	n = eap_pkt(e, EAP_CODE_RESPONSE, 0, EAP_TYPE_IDENTITY, "carol", 5);
	put_rec(&o, 0x10, f, eapol_eap(f, EAPOL_TYPE_EAP, e, n));
	put_rec(&o, 2, NULL, 0);
	put_rec(&o, 6, NULL, 0);
	put_rec(&o, 0, f, eapol_eap(f, EAPOL_TYPE_KEY, e, 8));
	put_rec(&o, 4, NULL, 0);
	put_rec(&o, 4, NULL, 0);
	put_rec(&o, 4, NULL, 0);
	save("eap_relay", "start_logoff_timeouts", &o);

	/* Accept without keys, then reauthentication with a NAK */
	o.len = 0;
	put_u8(&o, 4);
	n = eap_pkt(e, EAP_CODE_RESPONSE, 0, EAP_TYPE_IDENTITY, "dave", 4);
	put_rec(&o, 0x10, f, eapol_eap(f, EAPOL_TYPE_EAP, e, n));
	n = eap_pkt(e, EAP_CODE_SUCCESS, 0x11, -1, NULL, 0);
	radius_rec(&o, 0x11, RADIUS_ACCESS_ACCEPT, e, n, false);
	put_rec(&o, 7, NULL, 0);
	n = eap_pkt(e, EAP_CODE_RESPONSE, 0, EAP_TYPE_IDENTITY, "dave", 4);
	put_rec(&o, 0x10, f, eapol_eap(f, EAPOL_TYPE_EAP, e, n));
	n = eap_pkt(e, EAP_CODE_REQUEST, 0x12, 13, "\x20", 1);
	radius_rec(&o, 1, RADIUS_ACCESS_CHALLENGE, e, n, false);
	n = eap_pkt(e, EAP_CODE_RESPONSE, 0x12, EAP_TYPE_NAK, "\x19", 1);
	put_rec(&o, 0x10, f, eapol_eap(f, EAPOL_TYPE_EAP, e, n));
	put_rec(&o, 3, NULL, 0);
	save("eap_relay", "reauth_nak", &o);
}

/* ---- (Re)Association Request ------------------------------------------ */

static void elem(struct buf *o, uint8_t id, const void *p, size_t n)
{
	put_u8(o, id);
	put_u8(o, (uint8_t)n);
	put(o, p, n);
}

static void assoc_body(struct buf *o, uint8_t sel, uint32_t akm, bool mde,
		       bool ht)
{
	static const uint8_t rates[8] = { 0x82, 0x84, 0x8b, 0x96,
					  0x0c, 0x12, 0x18, 0x24 };
	static const uint8_t xrates[4] = { 0x30, 0x48, 0x60, 0x6c };
	static const uint8_t mdie[3] = { 0xa1, 0xb2, 0x01 };
	static const uint8_t wmm[7] = { 0x00, 0x50, 0xf2, 2, 0, 1, 0 };
	uint8_t ht_cap[26] = { 0x2c, 0x01, 0x03 };
	uint8_t rsne[22];

	put_u8(o, sel);
	put_u8(o, 0x31);	/* capability: ESS, privacy, short slot */
	put_u8(o, 0x04);
	put_u8(o, 10);		/* listen interval */
	put_u8(o, 0);
	if (sel & 4)
		put(o, fx_aa, 6);	/* current AP */
	elem(o, 0, "fsr-lab", 7);
	elem(o, 1, rates, sizeof(rates));
	elem(o, 50, xrates, sizeof(xrates));
	fx_rsne(rsne, akm);
	put(o, rsne, sizeof(rsne));
	if (mde)
		elem(o, 54, mdie, sizeof(mdie));
	if (ht) {
		elem(o, 45, ht_cap, sizeof(ht_cap));
		elem(o, 0xdd, wmm, sizeof(wmm));
	}
}

static void assoc_req_seeds(void)
{
	struct buf o;

	o.len = 0;
	assoc_body(&o, 0x00, 0x000fac02, false, false);
	save("assoc_req", "assoc_psk", &o);
	o.len = 0;
	assoc_body(&o, 0x09, 0x000fac04, true, true);
	save("assoc_req", "assoc_ft_psk_ht", &o);
	o.len = 0;
	assoc_body(&o, 0x02, 0x000fac01, false, true);
	save("assoc_req", "assoc_8021x", &o);
	o.len = 0;
	assoc_body(&o, 0x0f, 0x000fac03, true, true);
	save("assoc_req", "reassoc_ft_8021x_ht", &o);
	o.len = 0;
	assoc_body(&o, 0x05, 0x000fac02, true, false);
	save("assoc_req", "reassoc_psk_on_ft_bss", &o);
}

/* ---- FT over the air --------------------------------------------------- */

static void ft_roam_seed(const char *name, uint8_t sel, uint32_t akm)
{
	const uint8_t mdid[2] = { 0xa1, 0xb2 };
	const uint8_t r1kh[6] = { 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 };
	uint8_t a[512], r[512], mdie[5] = { 54, 3, 0xa1, 0xb2, 0x01 };
	struct fsr_ft_suite s;
	struct fsr_ft_pmk_r0 r0;
	uint8_t r1name[16];
	struct fsr_ie_fte fte = {
		.mic_len = 16,
		.snonce = snonce,
		.r0kh_id = fx_r0kh,
		.r0kh_id_len = sizeof(fx_r0kh) - 1,
	};
	size_t an, rn;
	struct buf o;
	int n;

	must(!fsr_ft_suite_init(&s, akm, FX_CCMP), "suite");
	must(!fsr_ft_derive_pmk_r0(&s, fx_pmk, sizeof(fx_pmk), fx_ssid,
				   sizeof(fx_ssid) - 1, mdid, fx_r0kh,
				   sizeof(fx_r0kh) - 1, fx_spa, &r0), "PMK-R0");
	must(!fsr_ft_pmk_r1_name(&s, r0.name, r1kh, fx_spa, r1name),
	     "PMKR1Name");
	/* FT Authentication: RSNE with PMKR0Name, MDE, FTE (SNonce,
	 * R0KH-ID) */
	an = rsne_pmkid(a, akm, r0.name);
	memcpy(a + an, mdie, sizeof(mdie));
	an += sizeof(mdie);
	n = fsr_ie_build_fte(a + an, sizeof(a) - an, &fte);
	must(n > 0, "FTE");
	an += (size_t)n;
	/* Reassociation: RSNE with PMKR1Name, MDE, FTE (3 elements under
	 * the MIC, nonces, R1KH-ID, R0KH-ID) */
	rn = rsne_pmkid(r, akm, r1name);
	memcpy(r + rn, mdie, sizeof(mdie));
	rn += sizeof(mdie);
	fte.mic_ctrl = 3 << 8;
	fte.anonce = anonce;
	fte.r1kh_id = r1kh;
	n = fsr_ie_build_fte(r + rn, sizeof(r) - rn, &fte);
	must(n > 0, "FTE");
	rn += (size_t)n;
	o.len = 0;
	put_u8(&o, sel);
	put_u8(&o, (uint8_t)(an >> 8));
	put_u8(&o, (uint8_t)an);
	put(&o, a, an);
	put(&o, r, rn);
	save("ft_roam", name, &o);
}

/* ---- control socket ---------------------------------------------------- */

static void ctl_seed(const char *name, uint8_t chunk, const char *text)
{
	struct buf o;

	o.len = 0;
	put_u8(&o, chunk);
	put(&o, text, strlen(text));
	save("ctl_proto", name, &o);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: gen_seeds CORPUS-DIR\n");
		return 2;
	}
	root = argv[1];
	eapol_key_seeds();
	wpa_auth_seeds();
	eap_relay_seeds();
	assoc_req_seeds();
	ft_roam_seed("ft_psk_roam", 0x06, 0x000fac04);
	ft_roam_seed("ft_8021x_roam", 0x07, 0x000fac03);
	ft_roam_seed("ft_psk_roam_unsigned", 0x02, 0x000fac04);
	ft_roam_seed("ft_psk_roam_other_akm", 0x0e, 0x000fac04);
	ctl_seed("ping", 0, "{\"cmd\":\"ping\"}\n");
	ctl_seed("station_show", 7,
		 "{\"cmd\":\"station_show\",\"addr\":\"02:00:00:00:00:07\",\"bss\":\"wlan0\"}\r\n");
	ctl_seed("many", 3,
		 "{\"cmd\":\"bss_show\"}\n\n{\"cmd\":\"pmksa_flush\",\"bss\":\"wlan1\"}\n"
		 "{\"cmd\":\"monitor\",\"addr\":\"02:00:00:00:00:0a\"}\n"
		 "{\"cmd\":\"auth_show\"}\n{\"cmd\":\"pmksa_show\"}\n");
	ctl_seed("bad", 64,
		 "{\"cmd\":\"monitor\",\"addr\":\"zz\"}\n{\"cmd\":1}\n[1,2]\n"
		 "{\"cmd\":\"ping\"} x\n{\"cmd\":\"ping\",\"bss\":\"wlan0\"}\n");
	return 0;
}
