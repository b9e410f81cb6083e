/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The probe requests fsrd's BSSes heard (for probe-request RSSI,
 * docs/nmsp.md): the last one per station and BSS, with its signal, for
 * NMSP_PROBE_AGE_MS. Bounded: when full, the oldest entry makes room, so
 * a flood of probes from made-up addresses costs a fixed amount. Pure:
 * the caller gives the clock.
 */
#ifndef FSRD_NMSP_PROBES_H
#define FSRD_NMSP_PROBES_H

#include <stddef.h>
#include <stdint.h>

#include "nmsp/nmsp_msg.h"

#define NMSP_PROBES_MAX		256
#define NMSP_PROBE_AGE_MS	60000

struct nmsp_probes {
	size_t n;
	struct {
		struct nmsp_rssi r;
		uint64_t at_ms;
	} e[NMSP_PROBES_MAX];
};

/* A probe request heard: @r (station, BSSID, signal, channel, time). */
void nmsp_probes_add(struct nmsp_probes *t, const struct nmsp_rssi *r,
		     uint64_t now_ms);
/* The entries heard in the last NMSP_PROBE_AGE_MS into @out (at most
 * @max), the older ones dropped; returns how many. */
size_t nmsp_probes_get(struct nmsp_probes *t, struct nmsp_rssi *out,
		       size_t max, uint64_t now_ms);

#endif /* FSRD_NMSP_PROBES_H */
