// SPDX-License-Identifier: GPL-2.0-only
/* (Re)Association Request validation (IEEE 802.11-2020 11.3.5, 12.6.3). */
#include <string.h>

#include "ap/assoc_req.h"
#include "ft_ie.h"
#include "core/ieee80211.h"

static bool is_wmm_info(const uint8_t *e, size_t len)
{
	/* 00:50:f2 type 2 subtype 0 (information element) */
	return len >= 7 && e[0] == 0x00 && e[1] == 0x50 && e[2] == 0xf2 &&
	       e[3] == 0x02 && e[4] == 0x00;
}

/* The elements fsr_ie_walk() does not look at. */
static uint16_t walk_basic(const uint8_t *ies, size_t len,
			   const struct fsrd_assoc_policy *pol,
			   struct fsrd_assoc_req *req, const char **why)
{
	bool have_ssid = false;
	size_t pos = 0;

	while (pos + 2 <= len) {
		uint8_t id = ies[pos], elen = ies[pos + 1];
		const uint8_t *e = ies + pos + 2;

		if (pos + 2 + elen > len)
			break;		/* fsr_ie_walk() reports it */
		switch (id) {
		case WLAN_EID_SSID:
			if (elen != pol->ssid_len ||
			    memcmp(e, pol->ssid, elen)) {
				*why = "SSID does not match";
				return WLAN_STATUS_UNSPECIFIED;
			}
			have_ssid = true;
			break;
		case WLAN_EID_RATES:
		case WLAN_EID_EXT_RATES:
			if (req->n_rates + elen > sizeof(req->rates)) {
				*why = "too many supported rates";
				return WLAN_STATUS_ASSOC_DENIED_RATES;
			}
			memcpy(req->rates + req->n_rates, e, elen);
			req->n_rates += elen;
			break;
		case WLAN_EID_HT_CAP:
			if (elen != WLAN_HT_CAP_LEN) {
				*why = "HT Capabilities element of bad length";
				return WLAN_STATUS_INVALID_IE;
			}
			req->ht_cap = e;
			break;
		case WLAN_EID_VENDOR:
			if (is_wmm_info(e, elen)) {
				req->wme = true;
				req->qos_info = e[6];
			}
			break;
		}
		pos += 2 + (size_t)elen;
	}
	if (!have_ssid) {
		*why = "no SSID element";
		return WLAN_STATUS_UNSPECIFIED;
	}
	if (!req->n_rates) {
		*why = "no Supported Rates element";
		return WLAN_STATUS_ASSOC_DENIED_RATES;
	}
	if (!pol->ht)
		req->ht_cap = NULL;
	return WLAN_STATUS_SUCCESS;
}

static bool akm_allowed(enum fsrd_security sec, uint32_t akm)
{
	switch (akm) {
	case RSN_AKM_PSK:
		return sec == FSRD_SEC_WPA2_PSK || sec == FSRD_SEC_FT_PSK;
	case RSN_AKM_FT_PSK:
		return sec == FSRD_SEC_FT_PSK;
	case RSN_AKM_8021X:
		return sec == FSRD_SEC_WPA2_EAP || sec == FSRD_SEC_FT_EAP;
	case RSN_AKM_FT_8021X:
		return sec == FSRD_SEC_FT_EAP;
	}
	return false;
}

static uint16_t check_rsn(const struct fsrd_assoc_policy *pol,
			  struct fsrd_assoc_req *req, const char **why)
{
	enum fsr_ft_parse_err perr;
	struct fsr_ie_rsne r;

	if (!req->rsne) {
		*why = "no RSNE";
		return WLAN_STATUS_INVALID_IE;
	}
	if (fsr_ie_parse_rsne(req->rsne, req->rsne_len, &r, &perr)) {
		*why = fsr_ft_parse_err_str(perr);
		return perr == FSR_FT_PARSE_RSNE_VERSION ?
			WLAN_STATUS_UNSUPPORTED_RSN_VERSION :
			WLAN_STATUS_INVALID_RSNE;
	}
	if (r.group_cipher != pol->group_cipher) {
		*why = "group cipher not offered";
		return WLAN_STATUS_GROUP_CIPHER_NOT_VALID;
	}
	if (r.n_pairwise != 1) {
		*why = "not exactly one pairwise cipher";
		return WLAN_STATUS_PAIRWISE_CIPHER_NOT_VALID;
	}
	req->pairwise = fsr_get_suite(r.pairwise);
	if (req->pairwise != pol->pairwise_cipher) {
		*why = "pairwise cipher not offered";
		return WLAN_STATUS_PAIRWISE_CIPHER_NOT_VALID;
	}
	if (r.n_akm != 1) {
		*why = "not exactly one AKM";
		return WLAN_STATUS_AKMP_NOT_VALID;
	}
	req->akm = fsr_get_suite(r.akm);
	if (!akm_allowed(pol->security, req->akm)) {
		*why = "AKM not offered";
		return WLAN_STATUS_AKMP_NOT_VALID;
	}
	if (rsn_akm_is_ft(req->akm)) {
		struct fsr_ie_mde m;

		if (!req->mde ||
		    fsr_ie_parse_mde(req->mde, req->mde_len, &m, &perr)) {
			*why = req->mde ? fsr_ft_parse_err_str(perr) :
					  "FT AKM without MDE";
			return WLAN_STATUS_INVALID_MDE;
		}
		if (memcmp(m.mdid, pol->mdid, 2)) {
			*why = "MDE names another mobility domain";
			return WLAN_STATUS_INVALID_MDE;
		}
	}
	return WLAN_STATUS_SUCCESS;
}

uint16_t fsrd_assoc_req_check(const uint8_t *body, size_t len, bool reassoc,
			      const struct fsrd_assoc_policy *pol,
			      struct fsrd_assoc_req *req, const char **why)
{
	size_t fixed = reassoc ? 10 : 4;
	enum fsr_ft_parse_err perr;
	struct fsr_ie_set set;
	uint16_t status;

	memset(req, 0, sizeof(*req));
	*why = "ok";
	if (len < fixed) {
		*why = "frame body shorter than its fixed fields";
		return WLAN_STATUS_UNSPECIFIED;
	}
	req->capab = (uint16_t)(body[0] | body[1] << 8);
	req->listen_int = (uint16_t)(body[2] | body[3] << 8);
	if (reassoc)
		memcpy(req->cur_ap, body + 4, 6);
	body += fixed;
	len -= fixed;
	if (fsr_ie_walk(body, len, &set, &perr)) {
		*why = fsr_ft_parse_err_str(perr);
		return fsr_ft_parse_err_status(perr);
	}
	req->rsne = set.rsne.p;
	req->rsne_len = set.rsne.len;
	req->mde = set.mde.p;
	req->mde_len = set.mde.len;
	req->fte = set.fte.p;
	req->fte_len = set.fte.len;
	status = walk_basic(body, len, pol, req, why);
	if (status)
		return status;
	return check_rsn(pol, req, why);
}

const char *fsrd_bad_source(const uint8_t *sa, const uint8_t *bssid)
{
	static const uint8_t zero[6];

	if (sa[0] & 0x01)
		return "a group";
	if (!memcmp(sa, zero, sizeof(zero)))
		return "the zero";
	if (!memcmp(sa, bssid, 6))
		return "the BSS's own";
	return NULL;
}
