// SPDX-License-Identifier: GPL-2.0-only
/* The one revocation point: every key of a station forgotten (revoke.h,
 * docs/keys.md). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ap/bss.h"
#include "core/ieee80211.h"
#include "core/log.h"
#include "core/trace.h"
#include "keys/r1_store.h"
#include "ft/pmk_push.h"
#include "keys/ft_store.h"
#include "keys/keystore.h"
#include "keys/pmksa.h"
#include "keys/revoke.h"
#include "mobility/mobility.h"


/* An FT Authentication fsrd answered holds a PTK derived from the
 * station's PMK-R1 until the Reassociation Request: without this the
 * roam would still complete. The record (not associated) goes. */
static size_t drop_ft_pending(const uint8_t *spa)
{
	struct fsrd_sta *sta;
	struct fsrd_bss *b;
	unsigned int i = 0;
	size_t n = 0;

	while ((b = bss_next(&i))) {
		sta = sta_find(&b->stas, spa);
		if (!sta || !sta->ft.valid)
			continue;
		explicit_bzero(&sta->ft, sizeof(sta->ft));
		n++;
		if (sta->state != FSRD_STA_ASSOC)
			sta_drop(sta, WLAN_REASON_PREV_AUTH_NOT_VALID, true,
				 "keys revoked during an FT roam");
	}
	return n;
}

size_t keys_revoke_sta(const struct fsrd_bss *b, const uint8_t spa[6],
		       const char *cause, struct keys_revoked *out)
{
	struct pmksa_cache *pmksa = keys_pmksa();
	struct keys_revoked r = { 0 };
	char err[256], r1[320], mac[MACSTR_LEN];

	if (pmksa)
		r.pmksa = pmksa_remove(pmksa, spa, NULL);
	r.pmk_r0 = ft_store_remove(spa);
	/* we were its R0KH: the R1KHs we push to forget our PMK-R1s; and
	 * the peers we share PMKSAs with forget the station's */
	if (r.pmk_r0 || r.pmksa)
		mobility_revoke(spa, r.pmk_r0, r.pmksa);
	r.pmk_r1_rx = r1_store_remove(spa);
	r.r1_err = pmk_flush_sta(spa, &r.pmk_r1, err, sizeof(err));
	r.ft_pending = drop_ft_pending(spa);

	if (!r.r1_err)
		snprintf(r1, sizeof(r1), "%u PMK-R1(s) in fsr.ko", r.pmk_r1);
	else if (r.r1_err == -ENOENT)
		snprintf(r1, sizeof(r1), "no PMK-R1 in fsr.ko (not loaded)");
	else
		snprintf(r1, sizeof(r1), "PMK-R1s in fsr.ko NOT removed (%s)",
			 err[0] ? err : strerror(-r.r1_err));
	if (b)
		trace_sta(b, spa, TRACE_EV_PMK,
			  "keys revoked (%s): %zu PMKSA(s), %zu PMK-R0(s), %s, %zu FT roam(s) under way, %zu PMK-R1(s) received from peers",
			  cause, r.pmksa, r.pmk_r0, r1, r.ft_pending,
			  r.pmk_r1_rx);
	else	/* a station on no BSS: quiet when it had nothing */
		fsrd_log(r.pmksa || r.pmk_r0 || r.pmk_r1 || r.pmk_r1_rx ?
			 FSRD_LOG_INFO : FSRD_LOG_DEBUG,
			 "%s: keys revoked (%s): %zu PMKSA(s), %zu PMK-R0(s), %s, %zu PMK-R1(s) received from peers",
			 fsrd_mac_str(spa, mac), cause, r.pmksa, r.pmk_r0, r1,
			 r.pmk_r1_rx);
	if (r.r1_err && r.r1_err != -ENOENT)
		log_warn("%s: fsr.ko may still hold PMK-R1s of a revoked station: %s",
			 fsrd_mac_str(spa, mac),
			 err[0] ? err : strerror(-r.r1_err));
	if (out)
		*out = r;
	return r.pmksa + r.pmk_r0 + r.pmk_r1 + r.ft_pending + r.pmk_r1_rx;
}
