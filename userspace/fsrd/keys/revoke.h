/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one revocation point of fsrd: keys_revoke_sta() forgets every key a
 * station owns, wherever fsrd put it, and every path that ends a session
 * because its authorization ended (RADIUS Disconnect-Request, Access-
 * Reject or a failed reauthentication, EAPOL-Logoff, Session-Timeout)
 * calls it. The keys (docs/keys.md):
 *  - PMKSA entries of the station on every AA, OKC copies included;
 *  - its PMK-R0 in the R0KH store (ft_store.c), and with it the PMK-R1s
 *    we pushed to other hosts: each r1kh we push to gets fsr's REVOKE
 *    (mobility/revoke.c) and forgets them;
 *  - the PMK-R1s other hosts pushed for it (r1_store.c);
 *    (these three are the daemon-wide stores of keystore.h)
 *  - its PMK-R1s in fsr.ko, one per FT BSS of this fsrd (FSR_CMD_PMK_FLUSH
 *    of the station: the kernel cache is per network namespace);
 *  - the keys of an FT roam fsrd had begun (FT Authentication answered,
 *    Reassociation not yet): the station record of that BSS is dropped.
 * The caller ends the session itself (deauthentication, accounting Stop):
 * revocation only takes the keys, so that the same call serves a station
 * that is no longer associated (Disconnect-Request for cached keys).
 */
#ifndef FSRD_KEYS_REVOKE_H
#define FSRD_KEYS_REVOKE_H

#include <stddef.h>
#include <stdint.h>

struct fsrd_bss;

/* What one revocation removed. */
struct keys_revoked {
	size_t pmksa;		/* PMKSA entries (every AA, OKC copies too) */
	size_t pmk_r0;		/* PMK-R0s of the R0KH store */
	uint32_t pmk_r1;	/* PMK-R1s fsr.ko removed (every BSS) */
	int r1_err;		/* 0; -ENOENT: fsr.ko not loaded; else the
				 * flush failed and PMK-R1s may remain */
	size_t ft_pending;	/* FT roams under way in fsrd, dropped */
	size_t pmk_r1_rx;	/* PMK-R1s received from peers (r1_store.c) */
};

/*
 * Forget every key of station spa; cause names why (RADIUS Disconnect-
 * Request, Access-Reject, EAPOL-Logoff, Session-Timeout...) in one trace
 * line on b (NULL: a log line, the station is on no BSS). out may be
 * NULL. Returns the number of keys removed (PMKSA + PMK-R0 + PMK-R1 + FT
 * roams under way + received PMK-R1s). Never fails half-way: every store is tried; a failed
 * fsr.ko flush is in out->r1_err and logged.
 */
size_t keys_revoke_sta(const struct fsrd_bss *b, const uint8_t spa[6],
		       const char *cause, struct keys_revoked *out);

#endif
