/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsrd's stations as the location-server link reports them
 * (nmsp_svc_sources): each associated station's signal as the AP hears
 * it (nl80211 station info: the last received frame's signal), and the
 * probe requests each BSS heard from stations that are not associated
 * (the signal nl80211 gives with the frame), each with its BSS, channel
 * and the time of the measurement.
 */
#ifndef FSRD_NMSP_STATIONS_H
#define FSRD_NMSP_STATIONS_H

#include "nmsp/nmsp_svc.h"

struct fsrd_bss;

/* The sources to give nmsp_svc_set_sources(). */
extern const struct nmsp_svc_sources nmsp_stations;

/* b heard a probe request from sa with sig_dbm (kept only while the
 * location-server link runs; bounded, nmsp_probes.h). */
void nmsp_stations_probe(const struct fsrd_bss *b, const uint8_t *sa,
			 int sig_dbm);

#endif /* FSRD_NMSP_STATIONS_H */
