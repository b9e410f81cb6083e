/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Which RSSI measurements a subscriber gets (docs/nmsp.md, "The
 * conversation", 4): every interval, the measurement of a station by a
 * BSS is sent when the subscriber has none of that station and BSS yet
 * (a roam: a new BSS), or when its RSSI moved by more than the
 * subscription's threshold from the value last sent (threshold 0: every
 * interval). A measurement seen before (same timestamp: a probe request
 * heard once, read again next interval) is not new. Pure: the caller gives the measurements, one memo per
 * subscriber and service keeps what was last sent.
 */
#ifndef FSRD_NMSP_RSSI_H
#define FSRD_NMSP_RSSI_H

#include <stddef.h>
#include <stdint.h>

#include "nmsp/nmsp_msg.h"

/* The stations one subscriber's memo remembers, and so the most
 * measurements one interval considers. */
#define NMSP_RSSI_MAX	512

struct nmsp_rssi_memo {
	size_t n;
	struct {
		uint8_t sta[6];
		uint8_t bssid[6];
		int8_t rssi;		/* last sent */
		uint64_t timestamp;	/* of the last one considered */
	} e[NMSP_RSSI_MAX];
};

/*
 * From @cur[0..@n) (at most NMSP_RSSI_MAX are looked at, the first per
 * station and BSS), copy those due to @out (room for @n) and return how
 * many. Afterwards @m remembers, for each station and BSS of @cur, what
 * the subscriber was last sent; those no longer in @cur are forgotten.
 */
size_t nmsp_rssi_select(struct nmsp_rssi_memo *m, const struct nmsp_rssi *cur,
			size_t n, uint8_t threshold_db, struct nmsp_rssi *out);

#endif /* FSRD_NMSP_RSSI_H */
