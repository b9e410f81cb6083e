/* SPDX-License-Identifier: GPL-2.0 */
/* Roams found in a capture, and their timings. */
#ifndef BENCH_ROAM_H
#define BENCH_ROAM_H

#include <stddef.h>
#include <stdint.h>

#include "capture.h"

/* A roam not finished this long after its first Auth request failed. */
#define ROAM_LIMIT_US 10000000

/*
 * Metric indexes; NO_VALUE when unknown. The data-gap breakdown of one roam
 * is M_PRE + M_AUTH + M_MID + M_REASSOC + M_POST: from the last
 * acknowledged data frame in the old BSS before the first Authentication
 * request to the first one in the new BSS. M_AUTH and M_REASSOC are the
 * AP's share; the others are the client's (and, for an Open System roam,
 * M_POST also holds EAP and the 4-way handshake).
 */
enum { M_AUTH, M_REASSOC, M_ROAM, M_PORT, M_FBT, M_GAP, M_PRE, M_MID, M_POST,
       M_COUNT };
#define NO_VALUE INT64_MIN

struct roam {
	uint8_t from[6], to[6];
	int64_t t_start;	/* first Auth request (any copy) */
	int open;		/* Open System roam (802.1X/PMKSA/OKC), not FT */
	int64_t t_end;		/* first acked data in the new BSS, or last frame seen */
	int ok;
	char reason[160];	/* why it failed, "" when ok */
	int auth_tx, reassoc_tx;	/* request transmissions, retries included */
	int eap_frames;		/* EAP packets (EAPOL type 0) in the new BSS,
				 * retransmissions not counted */
	int64_t v[M_COUNT];	/* microseconds */
};

struct roam_list {
	struct roam *r;
	size_t n, cap;
};

/*
 * Find the roams of station sta in c (frames in time order, ACKs marked):
 * FT over the air (FT Authentication), and Open System roams to another
 * BSS (Authentication, Reassociation, then EAP and/or the 4-way
 * handshake: such a roam ends at the first acknowledged protected data
 * frame in the new BSS, after EAPOL). M_PORT is when the port opened:
 * the EAPOL-Key message 4 of the 4-way handshake (first acknowledged
 * copy) of an Open System roam, the Reassociation Response of an FT roam
 * (the keys come with it). If sta is NULL, the transmitter of
 * the first FT Authentication request is the station. Returns 0 or -1
 * (out of memory).
 */
int roams_find(const struct capture *c, const uint8_t *sta,
	       struct roam_list *out);
void roams_free(struct roam_list *l);

extern const char *const metric_name[M_COUNT];

#endif
