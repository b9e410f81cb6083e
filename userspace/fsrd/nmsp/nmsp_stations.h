/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsrd's stations as the location-server link reports them
 * (nmsp_svc_sources): each associated station's signal as the AP hears
 * it (nl80211 station info: the last received frame's signal), with its
 * BSS, channel and the time of the measurement.
 */
#ifndef FSRD_NMSP_STATIONS_H
#define FSRD_NMSP_STATIONS_H

#include "nmsp/nmsp_svc.h"

/* The sources to give nmsp_svc_set_sources(). */
extern const struct nmsp_svc_sources nmsp_stations;

#endif /* FSRD_NMSP_STATIONS_H */
