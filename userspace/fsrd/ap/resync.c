// SPDX-License-Identifier: GPL-2.0-only
/*
 * A BSS's station table made to agree with the kernel's after events were
 * lost (nl80211 or fsr.ko socket overrun): a station the kernel holds that
 * fsrd does not know as associated is deauthenticated and removed (it
 * reconnects); a station fsrd thinks the kernel holds but the kernel no
 * longer does is forgotten.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ap/bss.h"
#include "ap/resync.h"
#include "core/ieee80211.h"
#include "core/log.h"
#include "core/trace.h"
#include "drv/nl80211.h"

struct resync {
	uint8_t (*addrs)[6];
	size_t n, max;
};

static void resync_add(const uint8_t *addr, void *arg)
{
	struct resync *r = arg;

	if (r->n < r->max)
		memcpy(r->addrs[r->n++], addr, 6);
}

static bool resync_has(const struct resync *r, const uint8_t *addr)
{
	for (size_t i = 0; i < r->n; i++)
		if (!memcmp(r->addrs[i], addr, 6))
			return true;
	return false;
}

void bss_kick(struct fsrd_bss *b, const uint8_t *addr, const char *line)
{
	struct fsrd_sta *sta = sta_find(&b->stas, addr);

	if (sta) {
		sta->in_kernel = true;	/* the kernel holds it: remove it */
		sta_drop(sta, WLAN_REASON_UNSPECIFIED, true, line);
		return;
	}
	trace_sta_log(FSRD_LOG_WARN, b, addr, TRACE_EV_DISCONNECT, "%s", line);
	mlme_send_deauth(b, addr, WLAN_REASON_UNSPECIFIED);
	nl80211_del_station(b->ifindex, addr);
}

void bss_resync(struct fsrd_bss *b, const char *why)
{
	struct resync r = { .max = 2 * FSRD_MAX_AID };
	struct fsrd_sta *sta, *next;
	char line[160];
	int err;

	r.addrs = calloc(r.max, 6);
	if (!r.addrs)
		return;
	err = nl80211_dump_stations(b->ifindex, resync_add, &r);
	if (err) {
		log_err("%s: station dump failed: %s", b->conf->ifname,
			strerror(-err));
		free(r.addrs);
		return;
	}
	snprintf(line, sizeof(line),
		 "held by the kernel but not associated with fsrd (%s): deauthenticating",
		 why);
	for (size_t i = 0; i < r.n; i++) {
		sta = sta_find(&b->stas, r.addrs[i]);
		/* an FT pre-added station is in the kernel unassociated */
		if (!sta || (sta->state != FSRD_STA_ASSOC && !sta->in_kernel))
			bss_kick(b, r.addrs[i], line);
	}
	snprintf(line, sizeof(line), "no longer in the kernel (%s)", why);
	for (sta = b->stas.head; sta; sta = next) {
		next = sta->next;
		if (sta->in_kernel && !resync_has(&r, sta->addr)) {
			sta->in_kernel = false;
			sta_drop(sta, WLAN_REASON_UNSPECIFIED, false, line);
		}
	}
	free(r.addrs);
}
