/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * FT over the DS (IEEE 802.11-2020 13.5.3), hostapd's way between APs
 * (mobility/ds_msg.h, docs/mobility.md). At the current AP: an
 * associated station's FT Request Action frame is forwarded to the
 * target AP, and the target's FT Response goes to the station as an FT
 * Response Action frame. At the target: the request runs as an FT
 * Authentication (mlme_ft_ds_request) and the answer goes back to the
 * current AP. Both only on BSSes with ft_over_ds = yes, only with
 * configured peers (r0kh/r1kh addresses) or BSSes of this fsrd.
 */
#ifndef FSRD_FT_DS_H
#define FSRD_FT_DS_H

#include <stddef.h>
#include <stdint.h>

struct fsrd_bss;
struct fsrd_sta;
struct ds_frame;

/* Per BSS; shown by the control socket (bss show: ft.ds). */
struct ft_ds_counters {
	uint64_t req_fwd;	/* our stations' FT Requests forwarded */
	uint64_t req_refused;	/* ... not forwarded (trace says why) */
	uint64_t resp_relayed;	/* FT Responses given to our stations */
	uint64_t resp_dropped;	/* FT Responses answering no request of ours */
	uint64_t rx_req;	/* current APs' requests answered */
	uint64_t rx_req_dropped; /* ... dropped: unknown AP, not for us */
	uint64_t rx_malformed;	/* frames the codec refused */
	uint64_t tx_fail;	/* frames that could not be sent */
};

/* An FT Action frame (category FT) received on b: an FT Request of an
 * associated station is forwarded, anything else dropped. */
void ft_ds_rx_action(struct fsrd_bss *b, const uint8_t *frame, size_t len);
/* A frame from the distribution system for b (mobility/ds.c). */
void ft_ds_rx_frame(struct fsrd_bss *b, const struct ds_frame *f);
/* The target's answer to station spa's request that came over the DS
 * from current_ap: over the DS, or to the BSS of this fsrd. */
void ft_ds_answer(struct fsrd_bss *b, const uint8_t *spa,
		  const uint8_t *current_ap, uint16_t status,
		  const uint8_t *ies, size_t len);
const struct ft_ds_counters *ft_ds_counters(const struct fsrd_bss *b);

#endif
