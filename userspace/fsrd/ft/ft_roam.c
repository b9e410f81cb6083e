// SPDX-License-Identifier: GPL-2.0-only
/* FT over-the-air roams in userspace (see ft_roam.h). */
#include <errno.h>
#include <stdbool.h>
#include <openssl/rand.h>
#include <string.h>

#include "ft_mic.h"
#include "ft/ft_roam.h"
#include "keys/ft_store.h"
#include "keys/r1_store.h"
#include "core/ieee80211.h"
#include "drv/nl80211.h"

#define MIC_LEN 16	/* FT-PSK: AES-128-CMAC */

/* The BSS's RSNE with one PMKID appended. */
static int build_rsne_pmkid(const struct fsrd_bss *b, const uint8_t *pmkid,
			    uint8_t *buf, size_t size)
{
	struct fsr_ie_rsne r;

	if (fsr_ie_parse_rsne(b->ies.rsne, b->ies.rsne_len, &r, NULL))
		return -EINVAL;
	r.n_fields = FSR_RSNE_F_PMKID;
	r.n_pmkid = 1;
	r.pmkid = pmkid;
	return fsr_ie_build_rsne(buf, size, &r);
}

static int build_fte(const struct fsrd_bss *b, const struct fsrd_sta *sta,
		     uint16_t mic_ctrl, const uint8_t *gtk_sub,
		     size_t gtk_sub_len, uint8_t *buf, size_t size)
{
	struct fsr_ie_fte f = {
		.mic_ctrl = mic_ctrl,
		.mic_len = MIC_LEN,
		.anonce = sta->ft.anonce,
		.snonce = sta->ft.snonce,
		.r1kh_id = b->ft.r1kh_id,
		.r0kh_id = sta->ft.r0kh_id,
		.r0kh_id_len = (uint8_t)sta->ft.r0kh_id_len,
		.gtk = gtk_sub,
		.gtk_len = (uint8_t)gtk_sub_len,
	};

	return fsr_ie_build_fte(buf, size, &f);
}

static uint16_t check_rsne(const struct fsrd_bss *b, const uint8_t *ie,
			   size_t len, struct fsr_ie_rsne *r,
			   const char **why)
{
	enum fsr_ft_parse_err perr;

	if (!ie) {
		*why = "no RSNE";
		return WLAN_STATUS_INVALID_IE;
	}
	if (fsr_ie_parse_rsne(ie, len, r, &perr)) {
		*why = fsr_ft_parse_err_str(perr);
		return WLAN_STATUS_INVALID_RSNE;
	}
	if (r->n_akm != 1 ||
	    fsr_get_suite(r->akm) != fsrd_sec_ft_akm(b->conf->security)) {
		*why = "AKM is not the BSS's FT AKM";
		return WLAN_STATUS_AKMP_NOT_VALID;
	}
	if (r->n_pairwise != 1 ||
	    fsr_get_suite(r->pairwise) != b->conf->pairwise_cipher) {
		*why = "pairwise cipher not offered";
		return WLAN_STATUS_PAIRWISE_CIPHER_NOT_VALID;
	}
	if (r->group_cipher != RSN_SUITE_CCMP) {
		*why = "group cipher not offered";
		return WLAN_STATUS_GROUP_CIPHER_NOT_VALID;
	}
	if (r->n_pmkid < 1) {
		*why = "no PMKID in the RSNE";
		return FSR_WLAN_STATUS_INVALID_PMKID;
	}
	return WLAN_STATUS_SUCCESS;
}

static uint16_t check_mde(const struct fsrd_bss *b, const struct fsr_ie_set *set,
			  const char **why)
{
	struct fsr_ie_mde m;

	if (!set->mde.p ||
	    fsr_ie_parse_mde(set->mde.p, set->mde.len, &m, NULL) ||
	    memcmp(m.mdid, b->ies.mde + 2, 2)) {
		*why = set->mde.p ? "MDE names another mobility domain" :
				    "no MDE";
		return WLAN_STATUS_INVALID_MDE;
	}
	return WLAN_STATUS_SUCCESS;
}

/*
 * The PMK-R1 another host's R0KH (sta->ft.r0kh_id) pushed for this BSS
 * and station with this PMKR0Name (keys/r1_store.c): 0, or -ENOENT.
 */
static int received_r1(const struct fsrd_bss *b, const struct fsrd_sta *sta,
		       const struct fsr_ft_suite *s,
		       const uint8_t *pmk_r0_name, struct fsr_ft_pmk_r1 *r1)
{
	uint8_t name[FSR_FT_NAME_LEN];
	struct r1_entry e;
	int ret;

	if (fsr_ft_pmk_r1_name(s, pmk_r0_name, b->ft.r1kh_id, sta->addr,
			       name))
		return -ENOENT;
	ret = r1_store_get(sta->addr, b->ft.r1kh_id, name, &e);
	if (!ret && (e.r0kh_id_len != sta->ft.r0kh_id_len ||
		     memcmp(e.r0kh_id, sta->ft.r0kh_id, e.r0kh_id_len) ||
		     memcmp(e.pmk_r0_name, pmk_r0_name, FSR_FT_NAME_LEN) ||
		     e.r1.key_len != s->pmk_len))
		ret = -ENOENT;
	if (!ret)
		*r1 = e.r1;
	explicit_bzero(&e, sizeof(e));
	return ret;
}

/* The keys of the roam: PMK-R1 (from our PMK-R0, or received from the
 * station's R0KH when foreign), ANonce, PTK. */
static uint16_t derive(struct fsrd_bss *b, struct fsrd_sta *sta,
		       const uint8_t *pmk_r0_name, bool foreign,
		       const char **why)
{
	struct fsr_ft_suite s;
	struct fsr_ft_pmk_r0 r0;
	struct fsr_ft_pmk_r1 r1;
	struct ft_scope scope;
	uint16_t status = WLAN_STATUS_UNSPECIFIED;

	if (fsr_ft_suite_init(&s, fsrd_sec_ft_akm(b->conf->security),
			      b->conf->pairwise_cipher)) {
		*why = "cipher not usable with FT";
		return WLAN_STATUS_PAIRWISE_CIPHER_NOT_VALID;
	}
	memset(&r0, 0, sizeof(r0));
	if (foreign) {
		/* another host's R0KH: a PMK-R1 it pushed (mobility/) */
		if (received_r1(b, sta, &s, pmk_r0_name, &r1)) {
			/* the caller may pull it (mobility/pull.c) */
			*why = "no PMK-R1 received from this R0KH-ID for this PMKR0Name";
			memcpy(sta->ft.pmk_r0_name, pmk_r0_name,
			       sizeof(sta->ft.pmk_r0_name));
			return FT_STATUS_PULL;
		}
		goto have_r1;
	}
	bss_ft_scope(b, &scope);
	switch (ft_store_get(sta->addr, pmk_r0_name, &scope, &r0)) {
	case 0:
		break;
	case -EACCES:
		*why = "the PMK-R0 was made for another SSID or AKM";
		return FSR_WLAN_STATUS_INVALID_PMKID;
	default:
		*why = "no PMK-R0 for this PMKR0Name";
		return FSR_WLAN_STATUS_INVALID_PMKID;
	}
	if (fsr_ft_derive_pmk_r1(&s, &r0, b->ft.r1kh_id, sta->addr, &r1)) {
		*why = "key derivation failed";
		goto out;
	}
have_r1:
	if (RAND_bytes(sta->ft.anonce, sizeof(sta->ft.anonce)) != 1) {
		*why = "no random ANonce";
		goto out;
	}
	if (fsr_ft_derive_ptk(&s, r1.key, r1.key_len, r1.name,
			      sta->ft.snonce, sta->ft.anonce, b->addr,
			      sta->addr, &sta->ft.ptk)) {
		*why = "key derivation failed";
		goto out;
	}
	memcpy(sta->ft.pmk_r1_name, r1.name, sizeof(r1.name));
	sta->ft.cipher = b->conf->pairwise_cipher;
	sta->ft.valid = true;
	status = WLAN_STATUS_SUCCESS;
out:
	explicit_bzero(&r0, sizeof(r0));
	explicit_bzero(&r1, sizeof(r1));
	return status;
}

uint16_t ft_auth_request(struct fsrd_bss *b, struct fsrd_sta *sta,
			 const uint8_t *ies, size_t len, uint8_t *resp,
			 size_t size, size_t *resp_len, const char **why)
{
	enum fsr_ft_parse_err perr;
	struct fsr_ie_set set;
	struct fsr_ie_rsne r;
	struct fsr_ie_fte f;
	uint16_t status;
	size_t pos = 0;
	bool again, foreign;
	int n;

	if (fsr_ie_walk(ies, len, &set, &perr)) {
		*why = fsr_ft_parse_err_str(perr);
		status = fsr_ft_parse_err_status(perr);
		goto refused;
	}
	status = check_mde(b, &set, why);
	if (!status)
		status = check_rsne(b, set.rsne.p, set.rsne.len, &r, why);
	if (status)
		goto refused;
	if (!set.fte.p ||
	    fsr_ie_parse_fte(set.fte.p, set.fte.len, MIC_LEN, &f, &perr)) {
		*why = set.fte.p ? fsr_ft_parse_err_str(perr) : "no FTE";
		status = FSR_WLAN_STATUS_INVALID_FTE;
		goto refused;
	}
	if (!f.r0kh_id) {
		*why = "no R0KH-ID";
		status = FSR_WLAN_STATUS_INVALID_PMKID;
		goto refused;
	}
	/* another R0KH-ID: only with a PMK-R1 that R0KH pushed (derive) */
	foreign = f.r0kh_id_len != b->gconf->r0kh_id_len ||
		  memcmp(f.r0kh_id, b->gconf->r0kh_id, f.r0kh_id_len);
	/*
	 * The station sent this request again (same SNonce: its answer was
	 * late or lost): answer with the same ANonce, or the keys it derives
	 * from the first answer would not be ours.
	 */
	again = sta->ft.valid &&
		!memcmp(f.snonce, sta->ft.snonce, sizeof(sta->ft.snonce));
	if (!again) {
		memset(&sta->ft, 0, sizeof(sta->ft));
		memcpy(sta->ft.snonce, f.snonce, sizeof(sta->ft.snonce));
		memcpy(sta->ft.r0kh_id, f.r0kh_id, f.r0kh_id_len);
		sta->ft.r0kh_id_len = f.r0kh_id_len;
		status = derive(b, sta, r.pmkid, foreign, why);
		if (status == FT_STATUS_PULL)
			return status;	/* sta->ft kept for the PULL */
		if (status)
			goto refused;
	}

	/* the response echoes the request's PMKID: PMKR0Name (13.8.3) */
	n = build_rsne_pmkid(b, r.pmkid, resp, size);
	if (n < 0)
		goto nospace;
	pos = (size_t)n;
	if (size - pos < b->ies.mde_len)
		goto nospace;
	memcpy(resp + pos, b->ies.mde, b->ies.mde_len);
	pos += b->ies.mde_len;
	n = build_fte(b, sta, 0, NULL, 0, resp + pos, size - pos);
	if (n < 0)
		goto nospace;
	*resp_len = pos + (size_t)n;
	*why = again ? "ok (repeated request, same ANonce)" : "ok";
	return WLAN_STATUS_SUCCESS;
nospace:
	*why = "response does not fit";
	status = WLAN_STATUS_UNSPECIFIED;
refused:
	explicit_bzero(&sta->ft, sizeof(sta->ft));
	return status;
}

uint16_t ft_reassoc_check(struct fsrd_bss *b, struct fsrd_sta *sta,
			  const uint8_t *ies, size_t len, const char **why)
{
	struct fsr_ft_mic_input in;
	enum fsr_ft_parse_err perr;
	struct fsr_ie_set set;
	struct fsr_ie_rsne r;
	struct fsr_ie_fte f;
	uint16_t status;
	int err;

	if (fsr_ie_walk(ies, len, &set, &perr)) {
		*why = fsr_ft_parse_err_str(perr);
		return fsr_ft_parse_err_status(perr);
	}
	status = check_mde(b, &set, why);
	if (!status)
		status = check_rsne(b, set.rsne.p, set.rsne.len, &r, why);
	if (status)
		return status;
	if (r.n_pmkid != 1 ||
	    memcmp(r.pmkid, sta->ft.pmk_r1_name, FSR_FT_NAME_LEN)) {
		*why = "PMKID is not the PMKR1Name of the FT Authentication";
		return FSR_WLAN_STATUS_INVALID_PMKID;
	}
	if (!set.fte.p ||
	    fsr_ie_parse_fte(set.fte.p, set.fte.len, MIC_LEN, &f, &perr)) {
		*why = set.fte.p ? fsr_ft_parse_err_str(perr) : "no FTE";
		return FSR_WLAN_STATUS_INVALID_FTE;
	}
	if (memcmp(f.anonce, sta->ft.anonce, FSR_FT_NONCE_LEN) ||
	    memcmp(f.snonce, sta->ft.snonce, FSR_FT_NONCE_LEN)) {
		*why = "ANonce or SNonce differ from the FT Authentication";
		return FSR_WLAN_STATUS_INVALID_FTE;
	}
	fsr_ft_mic_input_init(&in, &set, sta->addr, b->addr,
			      FSR_FT_SEQ_REASSOC_REQ);
	err = fsr_ft_mic_verify(sta->ft.ptk.kck, sta->ft.ptk.kck_len, &in);
	if (err) {
		*why = err == -EBADMSG ? "FTE MIC mismatch" :
					 "FTE MIC not computable";
		return FSR_WLAN_STATUS_INVALID_FTE;
	}
	*why = "ok";
	return WLAN_STATUS_SUCCESS;
}

/*
 * The roamed station's authenticator: no 4-way handshake, but the BSS's
 * GTK rekeys must reach it too (G1 signed with the roam's KCK, GTK
 * wrapped with its KEK). A new PTKSA: its replay counter starts at 0.
 */
static int attach_wpa(struct fsrd_bss *b, struct fsrd_sta *sta)
{
	/* sta_unassoc() freed the previous one (and settled its rekey) */
	if (sta->wpa)
		return -EEXIST;
	sta->wpa = wpa_auth_sta_new_ft(&b->wconf, sta->addr,
				       fsrd_sec_ft_akm(b->conf->security),
				       sta->ft.ptk.kck, sta->ft.ptk.kck_len,
				       sta->ft.ptk.kek, sta->ft.ptk.kek_len, 0);
	return sta->wpa ? 0 : -ENOMEM;
}

/* Also gives the station its authenticator (attach_wpa): from here on a
 * failure of the reassociation must go through sta_unassoc(), which
 * frees it. */
int ft_reassoc_resp_ies(struct fsrd_bss *b, struct fsrd_sta *sta,
			uint8_t *buf, size_t size)
{
	struct fsr_ft_mic_input in = {
		.sta_addr = sta->addr,
		.ap_addr = b->addr,
		.seq = FSR_FT_SEQ_REASSOC_RESP,
	};
	uint8_t gtk_sub[64], rsc[NL80211_KEY_SEQ_LEN];
	size_t pos, rsne_len;
	int n, g, err;

	/* the RSC is the GTK's transmit counter now, not its install value */
	err = nl80211_get_group_key_seq(b->ifindex, b->group.key_idx, rsc);
	if (err)
		return err;
	g = fsr_ft_build_gtk_sub(gtk_sub, sizeof(gtk_sub), sta->ft.ptk.kek,
				 sta->ft.ptk.kek_len, b->group.key_idx,
				 b->group.gtk, b->group.gtk_len, rsc);
	if (g < 0)
		return g;
	n = build_rsne_pmkid(b, sta->ft.pmk_r1_name, buf, size);
	if (n < 0)
		return n;
	rsne_len = (size_t)n;
	pos = rsne_len;
	if (size - pos < b->ies.mde_len)
		return -ENOSPC;
	memcpy(buf + pos, b->ies.mde, b->ies.mde_len);
	pos += b->ies.mde_len;
	/* MIC Control: 3 elements (RSNE, MDE, FTE) are protected */
	n = build_fte(b, sta, 3 << 8, gtk_sub, (size_t)g, buf + pos,
		      size - pos);
	explicit_bzero(gtk_sub, sizeof(gtk_sub));
	if (n < 0)
		return n;
	in.rsne.p = buf;
	in.rsne.len = rsne_len;
	in.mde.p = buf + rsne_len;
	in.mde.len = b->ies.mde_len;
	in.fte.p = buf + pos;
	in.fte.len = (size_t)n;
	if (fsr_ft_mic_compute(sta->ft.ptk.kck, sta->ft.ptk.kck_len, &in,
			       buf + pos + FSR_FTE_MIC_OFFSET))
		return -EIO;
	err = attach_wpa(b, sta);
	if (err)
		return err;
	return (int)(pos + (size_t)n);
}
