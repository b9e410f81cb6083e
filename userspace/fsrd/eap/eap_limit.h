/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a station's requests for a full EAP authentication may cost: at
 * most max_starts starts per station in any window of window_s seconds
 * (a sliding window: the start times of the last max_starts starts are
 * kept). Every start a station causes is asked here first: association
 * without a cached PMKSA, EAPOL-Start (during an exchange, after success,
 * on a session that skipped EAP). Beyond the limit the start is refused
 * and counted; the caller says so in the trace. Pure code, the caller
 * gives the clock.
 *
 * Bounded: the table holds at most max_stations stations; a station
 * whose window has passed is forgotten first, else the one seen least
 * recently (a station pushed out starts afresh: the table never grows).
 */
#ifndef FSRD_EAP_LIMIT_H
#define FSRD_EAP_LIMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EAP_LIMIT_STARTS_MAX	100	/* largest eap_max_starts */

struct eap_limit_stats {
	uint64_t allowed;
	uint64_t refused;
	uint64_t evicted;		/* stations pushed out of a full table */
};

struct eap_limit;

/* max_starts 0: no limit (every start allowed, nothing kept). NULL on
 * bad arguments (max_starts over EAP_LIMIT_STARTS_MAX, window_s 0 with a
 * limit, no clock, no table) or no memory. */
struct eap_limit *eap_limit_new(unsigned int max_starts,
				unsigned int window_s, size_t max_stations,
				uint64_t (*now_ms)(void));
void eap_limit_free(struct eap_limit *l);

/*
 * May sta start a full EAP authentication now? true: the start is
 * recorded. false: max_starts were already started in the window;
 * *retry_s (may be NULL) says in how many seconds the oldest of them
 * leaves it.
 */
bool eap_limit_allow(struct eap_limit *l, const uint8_t sta[6],
		     unsigned int *retry_s);

const struct eap_limit_stats *eap_limit_stats(const struct eap_limit *l);

#endif
