/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Parse and validate a (Re)Association Request body against the BSS's
 * policy. Pure: returns the 802.11 status code to answer with (0: accept)
 * and a constant string saying why for the log.
 */
#ifndef FSRD_ASSOC_REQ_H
#define FSRD_ASSOC_REQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "conf/config.h"

struct fsrd_assoc_policy {
	const uint8_t *ssid;
	size_t ssid_len;
	enum fsrd_security security;
	uint32_t pairwise_cipher;
	uint32_t group_cipher;
	uint8_t mdid[2];		/* wire order; FT only */
	bool ht;
};

struct fsrd_assoc_req {
	uint16_t capab;
	uint16_t listen_int;
	uint8_t cur_ap[6];		/* reassociation only */
	uint8_t rates[32];		/* supported + extended, as sent */
	size_t n_rates;
	const uint8_t *ht_cap;		/* WLAN_HT_CAP_LEN octets, or NULL */
	bool wme;			/* sent a WMM information element */
	uint8_t qos_info;
	const uint8_t *rsne;		/* element, header included */
	size_t rsne_len;
	const uint8_t *mde;
	size_t mde_len;
	const uint8_t *fte;
	size_t fte_len;
	uint32_t akm;
	uint32_t pairwise;
};

uint16_t fsrd_assoc_req_check(const uint8_t *body, size_t len, bool reassoc,
			      const struct fsrd_assoc_policy *pol,
			      struct fsrd_assoc_req *req, const char **why);

/*
 * Why the source address sa of a management frame to the BSS bssid can be
 * no station's: "a group" (I/G bit set), "the zero" or "the BSS's own"
 * (as in "from a group source address"); NULL when it can be one.
 */
const char *fsrd_bad_source(const uint8_t *sa, const uint8_t *bssid);

#endif
