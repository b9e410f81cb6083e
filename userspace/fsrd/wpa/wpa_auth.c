// SPDX-License-Identifier: GPL-2.0-only
/*
 * The WPA2 authenticator of one station (wpa_auth.h): 4-way handshake
 * (IEEE 802.11-2020 12.7.6) and group-key handshake (12.7.7) for AKMs 1
 * and 2 (802.1X and PSK: the PMK is the first half of the MSK, or the
 * PSK) and AKMs 3 and 4 (FT initial mobility-domain association over
 * 802.1X or PSK: XXKey is the second half of the MSK, or the PSK).
 *
 * Rules kept throughout: a frame that is refused changes nothing but the
 * trace; ops->done() is always the last thing a function does, because the
 * daemon may free the station from inside it.
 */
#include "wpa/wpa_auth.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "eapol_key.h"
#include "ft_ie.h"
#include "ft_kdf.h"
#include "wpa_crypto.h"

#define AKM_8021X		0x000fac01
#define AKM_PSK			0x000fac02
#define AKM_FT_8021X		0x000fac03
#define AKM_FT_PSK		0x000fac04
#define REASON_UNSPECIFIED	1
#define REASON_4WAY_TIMEOUT	15
#define REASON_GROUP_TIMEOUT	16
#define REASON_IE_DIFFERS	17
#define RETRIES_DEFAULT		4
#define TIMEOUT_DEFAULT_MS	1000
#define RSNE_MAX		257
#define FT_IES_MAX		(5 + 257)
#define FRAME_MAX		(EAPOL_KEY_HDR_LEN + EAPOL_KEY_DATA_MAX)
/* Timeout Interval types (IEEE 802.11-2020 Table 9-220) */
#define TIE_REASSOC_DEADLINE	1	/* TUs */
#define TIE_KEY_LIFETIME	2	/* seconds */

enum wpa_state {
	WS_INIT,	/* created, M1 not sent yet */
	WS_PTKSTART,	/* M1 sent, waiting for M2 */
	WS_PTKINIT,	/* M3 sent, waiting for M4 */
	WS_DONE,	/* keys installed, port open */
	WS_REKEY,	/* G1 sent, waiting for G2 */
	WS_FAILED,	/* done() reported a failure */
};

struct wpa_auth_sta {
	const struct wpa_auth_conf *conf;
	uint8_t spa[6];
	uint32_t akm;
	uint8_t sta_rsne[RSNE_MAX];
	size_t sta_rsne_len;
	uint8_t pmk[WPA_PMK_LEN];	/* AKM 2 only; FT uses r1 */
	bool ft;
	struct fsr_ft_suite suite;
	struct fsr_ft_pmk_r0 r0;
	struct fsr_ft_pmk_r1 r1;
	/* the PMKSA's PMKID for the PMKID KDE of M1: 802.1X AKMs only */
	uint8_t pmkid[WPA_PMKID_LEN];
	bool m1_pmkid;
	int key_ver;
	size_t tk_len;
	uint8_t anonce[WPA_NONCE_LEN];
	struct wpa_ptk ptk;
	uint64_t replay;		/* the last counter sent */
	uint64_t replay_first;		/* the first of the pending message */
	uint32_t key_lifetime_s;	/* TIE of the FT M3 */
	enum wpa_state state;
	unsigned int tx;		/* transmissions of the pending message */
	bool mic_failed;		/* an M2 failed its MIC check */
	bool authorized;
	bool roamed;			/* made by wpa_auth_sta_new_ft() */
};

static void vtrace(const struct wpa_auth_sta *sm, bool per_message,
		   const char *fmt, va_list ap)
{
	char line[160];

	if (!sm->conf->ops->trace)
		return;
	vsnprintf(line, sizeof(line), fmt, ap);
	sm->conf->ops->trace(sm->conf->ctx, sm->spa, line, per_message);
}

/* A step of a handshake: start, keys installed, outcome, failure. */
static void trace(const struct wpa_auth_sta *sm, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void trace(const struct wpa_auth_sta *sm, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vtrace(sm, false, fmt, ap);
	va_end(ap);
}

/* One EAPOL-Key message sent, received or dropped. */
static void trace_msg(const struct wpa_auth_sta *sm, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void trace_msg(const struct wpa_auth_sta *sm, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vtrace(sm, true, fmt, ap);
	va_end(ap);
}

static unsigned int conf_retries(const struct wpa_auth_conf *c)
{
	return c->retries ? c->retries : RETRIES_DEFAULT;
}

static unsigned int conf_timeout(const struct wpa_auth_conf *c)
{
	return c->timeout_ms ? c->timeout_ms : TIMEOUT_DEFAULT_MS;
}

static void set_timer(struct wpa_auth_sta *sm, unsigned int ms)
{
	if (sm->conf->ops->set_timer)
		sm->conf->ops->set_timer(sm->conf->ctx, sm->spa, ms);
}

/* End a handshake. The last call of every path that reaches it. */
static void finish(struct wpa_auth_sta *sm, int reason, const char *why)
{
	const struct wpa_auth_conf *c = sm->conf;
	uint8_t spa[6];

	set_timer(sm, 0);
	if (reason)
		sm->state = WS_FAILED;
	memcpy(spa, sm->spa, sizeof(spa));
	/* sm may be gone once done() returns */
	c->ops->done(c->ctx, spa, reason, why);
}

static int drop(struct wpa_auth_sta *sm, int err, const char *what,
		const char *why)
{
	trace_msg(sm, "%s dropped: %s", what, why);
	return err;
}

int wpa_auth_group_new_gtk(struct wpa_auth_group *g)
{
	int len;

	if (!g)
		return -EINVAL;
	len = wpa_cipher_key_len(g->cipher);
	if (len < 0)
		return len;
	if (RAND_priv_bytes(g->gtk, len) != 1)
		return -EIO;
	g->gtk_len = (size_t)len;
	g->key_idx = g->key_idx == 1 ? 2 : 1;
	memset(g->rsc, 0, sizeof(g->rsc));
	return 0;
}

/* MDE || FTE (R1KH-ID, R0KH-ID; MIC and nonces zero) of an FT initial
 * mobility-domain association: the (Re)Association Response, M2 and M3
 * carry the very same octets. */
static int build_ft_ies(const struct wpa_auth_conf *c, uint8_t *buf,
			size_t size)
{
	const struct wpa_auth_ft *ft = c->ft;
	struct fsr_ie_mde mde;
	struct fsr_ie_fte fte;
	int n, m;

	if (!ft || !ft->r0kh_id || !ft->r0kh_id_len ||
	    ft->r0kh_id_len > FSR_FT_R0KH_ID_MAX_LEN)
		return -EINVAL;
	mde.mdid[0] = (uint8_t)(ft->mdid >> 8);
	mde.mdid[1] = (uint8_t)ft->mdid;
	mde.ft_cap = ft->ft_capab;
	n = fsr_ie_build_mde(buf, size, &mde);
	if (n < 0)
		return n;
	memset(&fte, 0, sizeof(fte));
	fte.mic_len = 16;
	fte.r1kh_id = ft->r1kh_id;
	fte.r0kh_id = ft->r0kh_id;
	fte.r0kh_id_len = (uint8_t)ft->r0kh_id_len;
	m = fsr_ie_build_fte(buf + n, size - (size_t)n, &fte);
	return m < 0 ? m : n + m;
}

int wpa_auth_ft_assoc_ies(const struct wpa_auth_conf *conf, uint8_t *buf,
			  size_t size)
{
	if (!conf || !buf)
		return -EINVAL;
	return build_ft_ies(conf, buf, size);
}

static int derive_ft_keys(struct wpa_auth_sta *sm, const uint8_t *psk)
{
	const struct wpa_auth_ft *ft = sm->conf->ft;
	uint8_t mdid[2] = { (uint8_t)(ft->mdid >> 8), (uint8_t)ft->mdid };
	int err;

	err = fsr_ft_suite_init(&sm->suite, sm->akm,
				sm->conf->pairwise_cipher);
	if (!err)
		err = fsr_ft_derive_pmk_r0(&sm->suite, psk, WPA_PMK_LEN,
					   ft->ssid, ft->ssid_len, mdid,
					   ft->r0kh_id, ft->r0kh_id_len,
					   sm->spa, &sm->r0);
	if (!err)
		err = fsr_ft_derive_pmk_r1(&sm->suite, &sm->r0, ft->r1kh_id,
					   sm->spa, &sm->r1);
	return err;
}

static bool conf_ok(const struct wpa_auth_conf *c)
{
	return c && c->ops && c->ops->send_eapol && c->ops->install_ptk &&
	       c->ops->authorize && c->ops->done && c->group &&
	       c->ap_rsne && c->ap_rsne_len >= 2 &&
	       c->ap_rsne_len <= RSNE_MAX &&
	       (!c->ft || (c->ft->reassoc_deadline_tu &&
			   c->ft->key_lifetime_s));
}

struct wpa_auth_sta *wpa_auth_sta_new(const struct wpa_auth_conf *conf,
				      const uint8_t *spa, uint32_t akm,
				      const uint8_t *sta_rsne,
				      size_t sta_rsne_len,
				      const uint8_t *pmk, size_t pmk_len,
				      const uint8_t *pmksa_pmkid)
{
	struct wpa_auth_sta *sm;
	int tk_len, err;

	if (!conf_ok(conf) || !spa || !pmk || pmk_len != WPA_PMK_LEN ||
	    !sta_rsne || sta_rsne_len < 2 || sta_rsne_len > RSNE_MAX ||
	    sta_rsne[0] != FSR_EID_RSN ||
	    (size_t)sta_rsne[1] + 2 != sta_rsne_len)
		return NULL;
	if (akm != AKM_PSK && akm != AKM_8021X &&
	    !((akm == AKM_FT_PSK || akm == AKM_FT_8021X) && conf->ft))
		return NULL;
	/* FT-802.1X: the PMKSA's PMKID comes from the caller (pmk is the
	 * XXKey here, not the PMK it names) */
	if (akm == AKM_FT_8021X && !pmksa_pmkid)
		return NULL;
	tk_len = wpa_cipher_key_len(conf->pairwise_cipher);
	if (tk_len < 0)
		return NULL;
	sm = calloc(1, sizeof(*sm));
	if (!sm)
		return NULL;
	sm->conf = conf;
	memcpy(sm->spa, spa, 6);
	sm->akm = akm;
	memcpy(sm->sta_rsne, sta_rsne, sta_rsne_len);
	sm->sta_rsne_len = sta_rsne_len;
	sm->tk_len = (size_t)tk_len;
	sm->ft = akm == AKM_FT_PSK || akm == AKM_FT_8021X;
	if (sm->ft) {
		sm->key_lifetime_s = conf->ft->key_lifetime_s;
		sm->key_ver = WPA_KEY_VER_AES_CMAC;
		err = derive_ft_keys(sm, pmk);
	} else {
		sm->key_ver = WPA_KEY_VER_HMAC_SHA1_AES;
		memcpy(sm->pmk, pmk, WPA_PMK_LEN);
		err = 0;
	}
	/* M1 names the PMKSA with 802.1X AKMs only, as hostapd does: with
	 * a PSK it would hand out an offline passphrase-guessing oracle */
	sm->m1_pmkid = akm == AKM_8021X || akm == AKM_FT_8021X;
	if (!err && pmksa_pmkid && sm->m1_pmkid)
		memcpy(sm->pmkid, pmksa_pmkid, WPA_PMKID_LEN);
	else if (!err && akm == AKM_8021X)
		err = wpa_pmkid(pmk, pmk_len, conf->aa, spa, sm->pmkid);
	if (err) {
		wpa_wipe(sm, sizeof(*sm));
		free(sm);
		return NULL;
	}
	return sm;
}

struct wpa_auth_sta *wpa_auth_sta_new_ft(const struct wpa_auth_conf *conf,
					 const uint8_t *spa, uint32_t akm,
					 const uint8_t *kck, size_t kck_len,
					 const uint8_t *kek, size_t kek_len,
					 uint64_t replay_start)
{
	struct wpa_auth_sta *sm;

	if (!conf_ok(conf) || !conf->ft || !spa ||
	    (akm != AKM_FT_PSK && akm != AKM_FT_8021X) ||
	    !kck || kck_len != WPA_KCK_LEN || !kek || kek_len != WPA_KEK_LEN)
		return NULL;
	sm = calloc(1, sizeof(*sm));
	if (!sm)
		return NULL;
	sm->conf = conf;
	memcpy(sm->spa, spa, 6);
	sm->akm = akm;
	sm->key_ver = WPA_KEY_VER_AES_CMAC;
	/* only the group-key handshake runs: KCK signs G1, KEK wraps the
	 * GTK; the TK stays with the caller, who installed it */
	memcpy(sm->ptk.kck, kck, WPA_KCK_LEN);
	memcpy(sm->ptk.kek, kek, WPA_KEK_LEN);
	sm->replay = replay_start;
	sm->state = WS_DONE;
	sm->authorized = true;
	sm->roamed = true;
	trace(sm, "authorized by an FT roam (replay counter from %llu)",
	      (unsigned long long)replay_start);
	return sm;
}

/* Sign (when kck is set), send, count and arm the retransmission timer. */
static int send_frame(struct wpa_auth_sta *sm, uint8_t *frame, int len,
		      bool sign, const char *name)
{
	int err = 0;

	if (len < 0)
		return len;
	if (sign)
		err = eapol_key_sign(frame, (size_t)len, sm->key_ver,
				     sm->ptk.kck, WPA_KCK_LEN);
	if (!err)
		err = sm->conf->ops->send_eapol(sm->conf->ctx, sm->spa, frame,
						(size_t)len);
	sm->tx++;
	set_timer(sm, conf_timeout(sm->conf));
	if (err)
		trace(sm, "%s not sent (%s)", name, strerror(-err));
	else
		trace_msg(sm, "%s sent (try %u, replay counter %llu)", name,
		      sm->tx, (unsigned long long)sm->replay);
	return err;
}

static int send_m1(struct wpa_auth_sta *sm)
{
	uint8_t frame[FRAME_MAX], kde[32];
	struct eapol_key_out k = {
		.key_info = (uint16_t)(sm->key_ver | EAPOL_KI_PAIRWISE |
				       EAPOL_KI_ACK),
		.key_len = (uint16_t)sm->tk_len,
		.nonce = sm->anonce,
		.data = kde,
	};
	int n;

	/*
	 * The PMKID KDE names the PMKSA (HMAC-SHA1-128 of the PMK from the
	 * MSK), for FT-802.1X too: iwd checks it against its PMKSA and
	 * restarts EAP on a mismatch. PMKR1Name goes only in the RSNE of M3.
	 */
	if (sm->m1_pmkid) {
		n = eapol_kde_put_pmkid(kde, sizeof(kde), sm->pmkid);
		if (n < 0)
			return n;
		k.data_len = (size_t)n;
	}
	k.replay = ++sm->replay;
	return send_frame(sm, frame, eapol_key_build(frame, sizeof(frame), &k),
			  false, "M1");
}

static int put_tie(uint8_t *p, uint8_t type, uint32_t value)
{
	p[0] = FSR_EID_TIE;
	p[1] = 5;
	p[2] = type;
	p[3] = (uint8_t)value;
	p[4] = (uint8_t)(value >> 8);
	p[5] = (uint8_t)(value >> 16);
	p[6] = (uint8_t)(value >> 24);
	return 7;
}

/* The AP's RSNE with PMKR1Name as its one PMKID (FT M3). */
static int build_ft_rsne(const struct wpa_auth_sta *sm, uint8_t *buf,
			 size_t size)
{
	struct fsr_ie_rsne r;
	int err;

	err = fsr_ie_parse_rsne(sm->conf->ap_rsne, sm->conf->ap_rsne_len, &r,
				NULL);
	if (err)
		return err;
	r.n_pmkid = 1;
	r.pmkid = sm->r1.name;
	if (r.n_fields < FSR_RSNE_F_PMKID)
		r.n_fields = FSR_RSNE_F_PMKID;
	return fsr_ie_build_rsne(buf, size, &r);
}

static int build_m3_data(struct wpa_auth_sta *sm, uint8_t *plain, size_t size)
{
	const struct wpa_auth_group *g = sm->conf->group;
	size_t pos;
	int n;

	if (sm->ft) {
		n = build_ft_rsne(sm, plain, size);
	} else {
		n = sm->conf->ap_rsne_len <= size ?
			(int)sm->conf->ap_rsne_len : -ENOSPC;
		if (n > 0)
			memcpy(plain, sm->conf->ap_rsne, (size_t)n);
	}
	if (n < 0)
		return n;
	pos = (size_t)n;
	n = eapol_kde_put_gtk(plain + pos, size - pos, g->key_idx, false,
			      g->gtk, g->gtk_len);
	if (n < 0)
		return n;
	pos += (size_t)n;
	if (!sm->ft)
		return (int)pos;
	n = build_ft_ies(sm->conf, plain + pos, size - pos);
	if (n < 0)
		return n;
	pos += (size_t)n;
	if (size - pos < 14)
		return -ENOSPC;
	pos += (size_t)put_tie(plain + pos, TIE_REASSOC_DEADLINE,
			       sm->conf->ft->reassoc_deadline_tu);
	pos += (size_t)put_tie(plain + pos, TIE_KEY_LIFETIME,
			       sm->key_lifetime_s);
	return (int)pos;
}

/* Key RSC: the GTK's transmit PN now (the kernel's), or its install
 * value when the daemon gives no way to read it. */
static int group_rsc(const struct wpa_auth_sta *sm, uint8_t *rsc)
{
	const struct wpa_auth_conf *c = sm->conf;

	memset(rsc, 0, EAPOL_KEY_RSC_LEN);
	if (!c->ops->group_rsc) {
		memcpy(rsc, c->group->rsc, sizeof(c->group->rsc));
		return 0;
	}
	return c->ops->group_rsc(c->ctx, c->group->key_idx, rsc);
}

/* A message that could not be built (traced by the caller) counts as a
 * transmission: the timer tries again, and the handshake times out if
 * it never can. Not an error of the frame that triggered it. */
static int hold_back(struct wpa_auth_sta *sm)
{
	sm->tx++;
	set_timer(sm, conf_timeout(sm->conf));
	return 0;
}

/* Encrypted Key Data message: M3 (pairwise) or G1 (group). */
static int send_encrypted(struct wpa_auth_sta *sm, bool pairwise)
{
	uint8_t plain[EAPOL_KEY_DATA_MAX], wrapped[EAPOL_KEY_DATA_MAX];
	uint8_t frame[FRAME_MAX], rsc[EAPOL_KEY_RSC_LEN];
	const struct wpa_auth_group *g = sm->conf->group;
	struct eapol_key_out k = {
		.key_info = (uint16_t)(sm->key_ver | EAPOL_KI_ACK |
				       EAPOL_KI_MIC | EAPOL_KI_SECURE |
				       EAPOL_KI_ENCR),
		.rsc = rsc,
		.data = wrapped,
	};
	int n, err;

	n = group_rsc(sm, rsc);
	if (n < 0) {
		trace(sm, "%s held back: GTK RSC not read (%s)",
		      pairwise ? "M3" : "G1", strerror(-n));
		return hold_back(sm);
	}
	if (pairwise) {
		k.key_info |= EAPOL_KI_PAIRWISE | EAPOL_KI_INSTALL;
		k.key_len = (uint16_t)sm->tk_len;
		k.nonce = sm->anonce;
		n = build_m3_data(sm, plain, sizeof(plain) - 16);
	} else {
		n = eapol_kde_put_gtk(plain, sizeof(plain) - 16, g->key_idx,
				      false, g->gtk, g->gtk_len);
	}
	if (n >= 0)
		n = eapol_key_data_wrap(sm->ptk.kek, WPA_KEK_LEN, plain,
					(size_t)n, sizeof(plain), wrapped,
					sizeof(wrapped));
	wpa_wipe(plain, sizeof(plain));
	if (n < 0) {
		trace(sm, "%s not built (%s)", pairwise ? "M3" : "G1",
		      strerror(-n));
		return hold_back(sm);
	}
	k.data_len = (size_t)n;
	k.replay = ++sm->replay;
	err = send_frame(sm, frame, eapol_key_build(frame, sizeof(frame), &k),
			 true, pairwise ? "M3" : "G1");
	wpa_wipe(frame, sizeof(frame));
	return err;
}

/* What the log calls the handshake: it follows the AKM, not the BSS. */
static const char *handshake_kind(uint32_t akm)
{
	switch (akm) {
	case AKM_FT_PSK:
		return "FT-PSK initial mobility domain association";
	case AKM_FT_8021X:
		return "FT-802.1X initial mobility domain association";
	case AKM_8021X:
		return "802.1X";
	default:
		return "PSK";
	}
}

int wpa_auth_sta_set_key_lifetime(struct wpa_auth_sta *sm, uint32_t seconds)
{
	if (!sm || !seconds)
		return -EINVAL;
	if (sm->state != WS_INIT && sm->state != WS_PTKSTART)
		return -EBUSY;
	sm->key_lifetime_s = seconds;
	return 0;
}

/* A new message is pending: replies may answer any of its transmissions. */
static void new_message(struct wpa_auth_sta *sm, enum wpa_state state)
{
	sm->state = state;
	sm->tx = 0;
	sm->replay_first = sm->replay + 1;
}

int wpa_auth_sta_start(struct wpa_auth_sta *sm)
{
	if (!sm)
		return -EINVAL;
	if (sm->state != WS_INIT)
		return -EBUSY;
	if (RAND_bytes(sm->anonce, sizeof(sm->anonce)) != 1)
		return -EIO;
	new_message(sm, WS_PTKSTART);
	trace(sm, "4-way handshake started (%s)", handshake_kind(sm->akm));
	return send_m1(sm);
}

static int derive_ptk(const struct wpa_auth_sta *sm, const uint8_t *snonce,
		      struct wpa_ptk *ptk)
{
	struct fsr_ft_ptk fptk;
	int err;

	if (!sm->ft)
		return wpa_derive_ptk(sm->pmk, WPA_PMK_LEN, sm->conf->aa,
				      sm->spa, sm->anonce, snonce, sm->tk_len,
				      ptk);
	memset(ptk, 0, sizeof(*ptk));
	err = fsr_ft_derive_ptk(&sm->suite, sm->r1.key, sm->r1.key_len,
				sm->r1.name, snonce, sm->anonce, sm->conf->aa,
				sm->spa, &fptk);
	if (!err) {
		memcpy(ptk->kck, fptk.kck, WPA_KCK_LEN);
		memcpy(ptk->kek, fptk.kek, WPA_KEK_LEN);
		memcpy(ptk->tk, fptk.tk, fptk.tk_len);
		ptk->tk_len = fptk.tk_len;
	}
	wpa_wipe(&fptk, sizeof(fptk));
	return err;
}

static bool same_suites(const uint8_t *a, const uint8_t *b, uint16_t na,
			uint16_t nb)
{
	return na == nb && !memcmp(a, b, (size_t)na * 4);
}

/* FT: the M2 RSNE is the request's plus PMKR1Name; compare field by field. */
static int check_ft_rsne(const struct wpa_auth_sta *sm, const uint8_t *ie,
			 size_t len, bool *pmkid_ok)
{
	struct fsr_ie_rsne a, b;

	*pmkid_ok = false;
	if (fsr_ie_parse_rsne(sm->sta_rsne, sm->sta_rsne_len, &a, NULL) ||
	    fsr_ie_parse_rsne(ie, len, &b, NULL))
		return -EBADMSG;
	if (a.version != b.version || a.group_cipher != b.group_cipher ||
	    !same_suites(a.pairwise, b.pairwise, a.n_pairwise, b.n_pairwise) ||
	    !same_suites(a.akm, b.akm, a.n_akm, b.n_akm) || a.caps != b.caps ||
	    a.group_mgmt_cipher != b.group_mgmt_cipher)
		return -EBADMSG;
	*pmkid_ok = b.n_pmkid == 1 &&
		    !memcmp(b.pmkid, sm->r1.name, FSR_FT_NAME_LEN);
	return 0;
}

/* FT: MDE and FTE of M2 must be those of the association response. */
static bool ft_ies_ok(const struct wpa_auth_sta *sm,
		      const struct eapol_kde *kde)
{
	uint8_t ies[FT_IES_MAX];
	int n = build_ft_ies(sm->conf, ies, sizeof(ies));

	return n > 5 && kde->mde && kde->fte && kde->mde_len == 5 &&
	       !memcmp(kde->mde, ies, 5) &&
	       kde->fte_len == (size_t)n - 5 &&
	       !memcmp(kde->fte, ies + 5, kde->fte_len);
}

static int rx_m2(struct wpa_auth_sta *sm, const uint8_t *buf,
		 const struct eapol_key *k)
{
	struct eapol_kde kde;
	struct wpa_ptk ptk;
	const char *why = NULL;
	bool ie_ok, pmkid_ok = true;
	int err;

	err = derive_ptk(sm, k->nonce, &ptk);
	if (!err)
		err = eapol_key_verify(buf, k, sm->key_ver, ptk.kck,
				       WPA_KCK_LEN);
	if (err == -EBADMSG) {
		wpa_wipe(&ptk, sizeof(ptk));
		sm->mic_failed = true;
		trace(sm, "M2 MIC failure: wrong passphrase?");
		return err;
	}
	if (err) {
		wpa_wipe(&ptk, sizeof(ptk));
		return drop(sm, err, "M2", "PTK derivation failed");
	}
	err = eapol_kde_parse(k->data, k->data_len, &kde, &why);
	if (err || !kde.rsne) {
		wpa_wipe(&ptk, sizeof(ptk));
		return drop(sm, err ? err : -EBADMSG, "M2",
			    err ? why : "no RSNE in Key Data");
	}
	if (sm->ft)
		ie_ok = !check_ft_rsne(sm, kde.rsne, kde.rsne_len, &pmkid_ok);
	else
		ie_ok = kde.rsne_len == sm->sta_rsne_len &&
			!memcmp(kde.rsne, sm->sta_rsne, kde.rsne_len);
	if (!ie_ok) {
		wpa_wipe(&ptk, sizeof(ptk));
		trace(sm, "M2 RSNE differs from the (re)association request");
		finish(sm, REASON_IE_DIFFERS, "IE in 4-way handshake differs");
		return -EBADMSG;
	}
	if (sm->ft && (!pmkid_ok || !ft_ies_ok(sm, &kde))) {
		wpa_wipe(&ptk, sizeof(ptk));
		return drop(sm, -EBADMSG, "M2", pmkid_ok ?
			    "MDE or FTE differs from the association response" :
			    "RSNE PMKID is not PMKR1Name");
	}
	sm->ptk = ptk;
	wpa_wipe(&ptk, sizeof(ptk));
	trace_msg(sm, "M2 received, MIC ok");
	new_message(sm, WS_PTKINIT);
	return send_encrypted(sm, true);
}

static int rx_m4(struct wpa_auth_sta *sm, const uint8_t *buf,
		 const struct eapol_key *k)
{
	const struct wpa_auth_conf *c = sm->conf;
	int err;

	err = eapol_key_verify(buf, k, sm->key_ver, sm->ptk.kck, WPA_KCK_LEN);
	if (err)
		return drop(sm, err, "M4", err == -EBADMSG ? "MIC failure" :
			    "MIC not computed");
	trace_msg(sm, "M4 received, MIC ok");
	set_timer(sm, 0);
	err = c->ops->install_ptk(c->ctx, sm->spa, c->pairwise_cipher,
				  sm->ptk.tk, sm->ptk.tk_len);
	/* the kernel holds the TK now; only KCK and KEK are used again */
	wpa_wipe(sm->ptk.tk, sizeof(sm->ptk.tk));
	if (err) {
		trace(sm, "PTK install failed (%s)", strerror(-err));
		finish(sm, REASON_UNSPECIFIED, "PTK install failed");
		return 0;
	}
	trace(sm, "PTK installed");
	err = c->ops->authorize(c->ctx, sm->spa);
	if (err) {
		trace(sm, "authorize failed (%s)", strerror(-err));
		finish(sm, REASON_UNSPECIFIED, "port authorization failed");
		return 0;
	}
	sm->state = WS_DONE;
	sm->authorized = true;
	trace(sm, "port authorized");
	finish(sm, 0, "4-way handshake completed");
	return 0;
}

static int rx_g2(struct wpa_auth_sta *sm, const uint8_t *buf,
		 const struct eapol_key *k)
{
	int err;

	err = eapol_key_verify(buf, k, sm->key_ver, sm->ptk.kck, WPA_KCK_LEN);
	if (err)
		return drop(sm, err, "G2", err == -EBADMSG ? "MIC failure" :
			    "MIC not computed");
	trace_msg(sm, "G2 received, MIC ok, GTK %u in use", sm->conf->group->key_idx);
	sm->state = WS_DONE;
	finish(sm, 0, "group key handshake completed");
	return 0;
}

int wpa_auth_rx_eapol(struct wpa_auth_sta *sm, const uint8_t *buf,
		      size_t len)
{
	static const uint16_t never = EAPOL_KI_INSTALL | EAPOL_KI_ACK |
				      EAPOL_KI_ERROR | EAPOL_KI_REQUEST |
				      EAPOL_KI_ENCR | EAPOL_KI_SMK;
	const char *why = "malformed";
	struct eapol_key k;
	enum wpa_state want;
	const char *name;
	uint16_t ki;
	int err;

	if (!sm)
		return -EINVAL;
	err = eapol_key_parse(buf, len, &k, &why);
	if (err)
		return drop(sm, err, "EAPOL frame", why);
	ki = k.key_info;
	if ((ki & EAPOL_KI_VER_MASK) != sm->key_ver)
		return drop(sm, -EPROTONOSUPPORT, "EAPOL-Key",
			    "wrong key descriptor version");
	if (!(ki & EAPOL_KI_PAIRWISE)) {
		name = "G2";
		want = WS_REKEY;
	} else if (ki & EAPOL_KI_SECURE) {
		name = "M4";
		want = WS_PTKINIT;
	} else {
		name = "M2";
		want = WS_PTKSTART;
	}
	if ((ki & never) || !(ki & EAPOL_KI_MIC) ||
	    (want == WS_REKEY && !(ki & EAPOL_KI_SECURE))) {
		trace_msg(sm, "EAPOL-Key dropped: unexpected key info 0x%04x", ki);
		return -EPROTO;
	}
	if (sm->state != want)
		return drop(sm, -EPROTO, name, "not expected now");
	/* any transmission of the pending message, as hostapd accepts */
	if (k.replay < sm->replay_first || k.replay > sm->replay) {
		trace_msg(sm, "%s dropped: replay counter %llu, expected %llu..%llu",
		      name, (unsigned long long)k.replay,
		      (unsigned long long)sm->replay_first,
		      (unsigned long long)sm->replay);
		return -ESTALE;
	}
	if (want == WS_PTKSTART)
		return rx_m2(sm, buf, &k);
	if (want == WS_PTKINIT)
		return rx_m4(sm, buf, &k);
	return rx_g2(sm, buf, &k);
}

void wpa_auth_timeout(struct wpa_auth_sta *sm)
{
	bool more;

	if (!sm)
		return;
	more = sm->tx < conf_retries(sm->conf);
	switch (sm->state) {
	case WS_PTKSTART:
		if (more) {
			send_m1(sm);
		} else if (sm->mic_failed) {
			trace(sm, "no valid M2 after %u M1", sm->tx);
			finish(sm, REASON_4WAY_TIMEOUT,
			       "4-way handshake timeout after M2 MIC failure (wrong passphrase?)");
		} else {
			trace(sm, "no M2 after %u M1", sm->tx);
			finish(sm, REASON_4WAY_TIMEOUT,
			       "4-way handshake timeout (no M2)");
		}
		return;
	case WS_PTKINIT:
		if (more) {
			send_encrypted(sm, true);
		} else {
			trace(sm, "no M4 after %u M3", sm->tx);
			finish(sm, REASON_4WAY_TIMEOUT,
			       "4-way handshake timeout (no M4)");
		}
		return;
	case WS_REKEY:
		if (more) {
			send_encrypted(sm, false);
		} else {
			trace(sm, "no G2 after %u G1", sm->tx);
			finish(sm, REASON_GROUP_TIMEOUT,
			       "group key handshake timeout");
		}
		return;
	default:
		return;
	}
}

int wpa_auth_group_rekey(struct wpa_auth_sta *sm)
{
	if (!sm)
		return -EINVAL;
	if (sm->state != WS_DONE && sm->state != WS_REKEY)
		return -EBUSY;
	new_message(sm, WS_REKEY);
	return send_encrypted(sm, false);
}

bool wpa_auth_authorized(const struct wpa_auth_sta *sm)
{
	return sm && sm->authorized && sm->state != WS_FAILED;
}

int wpa_auth_get_ft_keys(const struct wpa_auth_sta *sm,
			 struct wpa_auth_ft_keys *keys)
{
	if (!sm || !keys)
		return -EINVAL;
	if (!sm->ft || !sm->authorized || sm->roamed)
		return -ENOENT;
	memset(keys, 0, sizeof(*keys));
	memcpy(keys->pmk_r0, sm->r0.key, sm->r0.key_len);
	keys->pmk_r0_len = sm->r0.key_len;
	memcpy(keys->pmk_r0_name, sm->r0.name, sizeof(keys->pmk_r0_name));
	memcpy(keys->pmk_r1_name, sm->r1.name, sizeof(keys->pmk_r1_name));
	return 0;
}

void wpa_auth_sta_free(struct wpa_auth_sta *sm)
{
	if (!sm)
		return;
	set_timer(sm, 0);
	wpa_wipe(sm, sizeof(*sm));
	free(sm);
}
