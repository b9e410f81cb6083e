// SPDX-License-Identifier: GPL-2.0-only
/* fsrd's stations for the location-server link (nmsp_stations.h). */
#include "nmsp/nmsp_stations.h"

#include <errno.h>
#include <string.h>

#include "ap/bss.h"
#include "core/evloop.h"
#include "drv/nl80211.h"
#include "nmsp/nmsp_probes.h"

static struct nmsp_probes probes;

/*
 * Where an associated station is and, when the radio has measured it,
 * its signal (r->rssi 0: not yet; mac80211 reports 0 until the station
 * sends a frame after association). False when it is not associated
 * here or the kernel does not know it (it just left).
 */
static bool locate(const struct fsrd_bss *b, const struct fsrd_sta *s,
		   uint64_t now, struct nmsp_rssi *r)
{
	struct nl80211_sta_counters c;

	if (s->state != FSRD_STA_ASSOC ||
	    nl80211_get_sta_counters(b->ifindex, s->addr, &c))
		return false;
	memcpy(r->sta, s->addr, 6);
	memcpy(r->bssid, b->addr, 6);
	r->rssi = c.signal_valid && c.signal < 0 ? c.signal : 0;
	r->channel = (uint8_t)b->conf->channel;
	r->timestamp = now;
	return true;
}

/* A measurement: located, and heard. */
static bool measure(const struct fsrd_bss *b, const struct fsrd_sta *s,
		    uint64_t now, struct nmsp_rssi *r)
{
	return locate(b, s, now, r) && r->rssi < 0;
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
		if (s && locate(b, s, nmsp_wall_ms(), r))
			return 0;
	}
	return -ENOENT;
}

void nmsp_stations_probe(const struct fsrd_bss *b, const uint8_t *sa,
			 int sig_dbm)
{
	struct nmsp_rssi r;

	if (!nmsp_svc_running() || sig_dbm < -128 || sig_dbm > 0)
		return;
	memcpy(r.sta, sa, 6);
	memcpy(r.bssid, b->addr, 6);
	r.rssi = (int8_t)sig_dbm;
	r.channel = (uint8_t)b->conf->channel;
	r.timestamp = nmsp_wall_ms();
	nmsp_probes_add(&probes, &r, ev_now_ms());
}

/* The probe requests of stations that are not associated (issue 16: an
 * associated one is reported by client RSSI, from the BSS it is on). */
static size_t probe_rssi(struct nmsp_rssi *out, size_t max)
{
	uint8_t bssid[6];
	size_t i, k = 0, n;

	n = nmsp_probes_get(&probes, out, max, ev_now_ms());
	for (i = 0; i < n; i++)
		if (!bss_assoc_elsewhere(NULL, out[i].sta, bssid))
			out[k++] = out[i];
	return k;
}

const struct nmsp_svc_sources nmsp_stations = {
	.client_rssi = client_rssi,
	.probe_rssi = probe_rssi,
	.info = info,
};
