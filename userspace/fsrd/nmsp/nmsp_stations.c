// SPDX-License-Identifier: GPL-2.0-only
/* fsrd's stations for the location-server link (nmsp_stations.h). */
#include "nmsp/nmsp_stations.h"

#include <errno.h>
#include <string.h>

#include "ap/bss.h"
#include "drv/nl80211.h"

/* One associated station's measurement; false when the kernel has no
 * signal for it (no frame received yet, or it just left). */
static bool measure(const struct fsrd_bss *b, const struct fsrd_sta *s,
		    uint64_t now, struct nmsp_rssi *r)
{
	struct nl80211_sta_counters c;

	if (s->state != FSRD_STA_ASSOC ||
	    nl80211_get_sta_counters(b->ifindex, s->addr, &c) ||
	    !c.signal_valid)
		return false;
	memcpy(r->sta, s->addr, 6);
	memcpy(r->bssid, b->addr, 6);
	r->rssi = c.signal;
	r->channel = (uint8_t)b->conf->channel;
	r->timestamp = now;
	return true;
}

static size_t client_rssi(struct nmsp_rssi *out, size_t max)
{
	uint64_t now = nmsp_wall_ms();
	const struct fsrd_sta *s;
	struct fsrd_bss *b;
	unsigned int i = 0;
	size_t n = 0;

	while (n < max && (b = bss_next(&i))) {
		if (!b->started)
			continue;
		for (s = b->stas.head; s && n < max; s = s->next)
			if (measure(b, s, now, &out[n]))
				n++;
	}
	return n;
}

static int info(void *arg, const uint8_t *mac, struct nmsp_rssi *r)
{
	struct fsrd_bss *b;
	struct fsrd_sta *s;
	unsigned int i = 0;

	(void)arg;
	while ((b = bss_next(&i))) {
		if (!b->started)
			continue;
		s = sta_find(&b->stas, mac);
		if (s && measure(b, s, nmsp_wall_ms(), r))
			return 0;
	}
	return -ENOENT;
}

const struct nmsp_svc_sources nmsp_stations = {
	.client_rssi = client_rssi,
	.info = info,
};
