/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsrd's side of hostapd's R0KH/R1KH key transport (docs/mobility.md):
 * for each FT BSS with r0kh/r1kh peers, a socket on its rrb_interface;
 * PMK-R1s pushed to the configured R1KHs after an FT initial mobility-
 * domain association (pmk_r1_push), PUSHes from configured R0KHs
 * verified, kept (keys/r1_store.c) and given to fsr.ko; hostapd's
 * sequence-number exchange both ways; fsr's REVOKE (an extension hostapd
 * ignores) both ways, so a revocation reaches the keys we pushed. Frames from anyone else are
 * dropped, counted and logged (rate-limited).
 */
#ifndef FSRD_MOBILITY_H
#define FSRD_MOBILITY_H

#include <stdbool.h>
#include <stdint.h>

#include "ft_kdf.h"

struct fsrd_bss;
struct fsrd_rkh;

/* Per BSS; shown by the control socket (bss show: ft.rrb). */
struct mob_counters {
	uint64_t rx;		/* frames of the protocol for this BSS */
	uint64_t rx_malformed;	/* frame, payload or TLVs refused by the codec */
	uint64_t rx_unknown_peer; /* R0KH-ID, R1KH-ID or address not configured */
	uint64_t rx_auth_fail;	/* the SIV did not verify (wrong key, altered) */
	uint64_t rx_replay;	/* sequence number already seen or too old */
	uint64_t rx_deferred;	/* held for a sequence-number exchange */
	uint64_t rx_dropped;	/* deferral queue full, SEQ_RESP unexpected */
	uint64_t rx_unsupported; /* to a group: neither PULL nor SEQ_REQ */
	uint64_t rx_group_ignored; /* to a group, for another R0KH-ID */
	uint64_t rkh_learned;	/* peers learned through a wildcard line */
	uint64_t rkh_forgotten;	/* learned peers forgotten (time, room) */
	uint64_t rkh_learn_full; /* not learned: the table waits on pulls */
	uint64_t push_rx;	/* PMK-R1s received and kept */
	uint64_t push_refused;	/* a verified PUSH whose key fsrd refused */
	uint64_t push_tx;	/* PUSHes sent */
	uint64_t push_tx_fail;
	uint64_t revoke_rx;	/* REVOKEs taken (fsr's extension) */
	uint64_t revoke_refused; /* verified REVOKE with malformed TLVs */
	uint64_t revoke_tx;	/* REVOKEs sent */
	uint64_t revoke_tx_fail;
	uint64_t pmksa_rx;	/* PMKSAs kept (fsr's extension) */
	uint64_t pmksa_refused;	/* verified PMKSA message fsrd refused */
	uint64_t pmksa_tx;	/* PMKSAs sent */
	uint64_t pmksa_tx_fail;
	uint64_t portal_rx;	/* Portal roaming messages taken (fsr's) */
	uint64_t portal_refused; /* verified, refused (malformed, unknown) */
	uint64_t portal_tx;	/* sent */
	/* as R0KH (mobility/pull.c) */
	uint64_t pull_rx;	/* PULLs answered (RESP sent) */
	uint64_t pull_rx_nak;	/* of those: no such PMK-R0, RESP without key */
	uint64_t pull_refused;	/* verified PULL malformed, or not answered */
	/* as R1KH */
	uint64_t pull_tx;	/* PULLs sent, retries included */
	uint64_t pull_tx_fail;
	uint64_t pulled;	/* PMK-R1s received in a RESP and kept */
	uint64_t pull_nak;	/* RESPs without a key */
	uint64_t pull_timeout;	/* pulls given up: no answer after the retries */
	uint64_t pull_busy;	/* FT Authentications refused: too many pulls pending */
	uint64_t pull_blocked;	/* refused at once: the wildcard R0KH did not answer */
	uint64_t resp_refused;	/* verified RESP whose key fsrd refused */
	uint64_t seq_req_tx;
	uint64_t seq_resp_tx;
	uint64_t seq_resp_rx;
};

/* What one peer (an r0kh or r1kh line, or one learned through a
 * wildcard line) did since its BSS started or it was learned; shown by
 * the control socket (peer_show). */
struct mob_peer_stats {
	uint64_t rx;		/* its frames verified and taken */
	uint64_t refused;	/* its frames dropped: SIV, replay, bad keys */
	uint64_t keys_rx;	/* PMK-R1s kept from its PUSHes (r0kh) */
	uint64_t keys_pulled;	/* PMK-R1s kept from its RESPs (r0kh) */
	uint64_t pulls_tx;	/* PULLs sent to it, retries included (r0kh) */
	uint64_t pull_naks;	/* its RESPs without a key (r0kh) */
	uint64_t pull_timeouts;	/* pulls it never answered (r0kh) */
	uint64_t keys_tx;	/* PMK-R1s sent to it: PUSH, RESP (r1kh) */
	uint64_t pulls_rx;	/* its PULLs answered (r1kh) */
	uint64_t revokes_tx;	/* REVOKEs sent to it (r1kh) */
	uint64_t revokes_rx;	/* REVOKEs taken from it (r0kh) */
	uint64_t pmksas_tx;	/* PMKSAs shared with it (r1kh) */
	uint64_t pmksas_rx;	/* PMKSAs kept from it (r0kh) */
	uint64_t tx_fail;	/* frames to it that could not be sent */
	uint64_t last_rx_ms;	/* its last verified frame; 0: never */
	uint64_t last_refused_ms;
	const char *last_refusal; /* why, a static string; NULL: none */
};

/* One peer as shown: its BSS, its line, what it did. */
struct mob_peer_info {
	const struct fsrd_bss *b;
	bool is_r0kh;		/* an r0kh line (keys from it), or r1kh */
	const struct fsrd_rkh *line;
	const struct mob_peer_stats *st;
	bool seq_known;		/* its sequence numbers are known (synced) */
	unsigned int queued;	/* its frames waiting for that */
	const char *origin;	/* configured, learned, looking or blocked */
	uint64_t learned_ms;	/* 0: a configured line; else when learned */
	uint64_t until_ms;	/* learned: when it is forgotten */
};

/* Every peer of every BSS with key transport (of b only when b is not
 * NULL): the r0kh lines in configuration order then the learned R0KHs,
 * then the same for R1KHs. A learned R0KH whose address is the
 * broadcast address is being looked for; all-zero: it did not answer
 * (blocked until until_ms). */
void mobility_foreach_peer(const struct fsrd_bss *b,
			   void (*fn)(const struct mob_peer_info *, void *),
			   void *arg);

/* Open b's socket when it is an FT BSS with peers; 0 or a negative errno
 * (the BSS does not start then: a wrong rrb_interface is an error). */
int mobility_bss_start(struct fsrd_bss *b);
void mobility_bss_stop(struct fsrd_bss *b);
/* b's station spa made PMK-R0 r0: push a PMK-R1 to each r1kh of b (with
 * pmk_r1_push). lifetime_s: the PMK-R0's; session_timeout_s: 0 if none. */
void mobility_push(struct fsrd_bss *b, const uint8_t *spa,
		   const struct fsr_ft_pmk_r0 *r0, uint32_t lifetime_s,
		   uint32_t session_timeout_s);
/* The station spa's keys were revoked here (r0: a PMK-R0 of ours went,
 * pmksa: a PMKSA): tell each r1kh of every FT BSS (when r0: it may hold
 * PMK-R1s we pushed or it pulled) or of every BSS with pmksa_share (when
 * pmksa) to forget the PMK-R1s our R0KH-ID made for it and its PMKSAs
 * (fsr's REVOKE). */
void mobility_revoke(const uint8_t *spa, bool r0, bool pmksa);
/* A BSS with configuration c pushes PMK-R1s to the R1KH-ID id: with
 * pmk_r1_push, when pmk_r1_push_to names it or is not set (every r1kh,
 * as hostapd). The others PULL when a station arrives there. */
bool mobility_pushes_to(const struct fsrd_bss_conf *c, const uint8_t *id);
struct pmksa_entry;
/* A full 802.1X authentication on b made PMKSA e: give it to each r1kh
 * of b (with pmksa_share) for OKC there (fsr's PMKSA message). Entries
 * a peer shared are not passed on. */
void mobility_share_pmksa(struct fsrd_bss *b, const struct pmksa_entry *e);
/*
 * An FT Authentication on b of station spa names R0KH-ID r0kh_id and
 * PMKR0Name, and no PMK-R1 is held: ask that R0KH (an r0kh line of b) by
 * PULL and keep the request's elements ies until the RESP comes, then
 * mlme_ft_pull_done(). 0: pending; -EALREADY: the same request is
 * already pending (a retransmission: wait); -ENOENT: no such r0kh line
 * (nor a wildcard one) or no key transport on b; -EHOSTUNREACH: the
 * R0KH-ID is known only through the wildcard line and did not answer
 * (blocked for rkh_neg_timeout); -EBUSY: too many pulls pending; another
 * negative errno: not sent. One pull per station and BSS, a new request
 * replaces it; at most MOB_PULL_MAX in all; each ends after
 * rkh_pull_retries * rkh_pull_timeout.
 */
int mobility_pull(struct fsrd_bss *b, const uint8_t *spa,
		  const uint8_t *r0kh_id, size_t r0kh_id_len,
		  const uint8_t *pmk_r0_name, const uint8_t *ies, size_t len);
/* Forget a pending pull of spa on b (the station authenticated again
 * otherwise, or went). */
void mobility_pull_cancel(struct fsrd_bss *b, const uint8_t *spa);
/* fsr.ko was loaded again: give it every received PMK-R1 once more. */
void mobility_repush_kernel(void);
/* Is addr the address of one of b's peers, listed or learned? (FT over
 * the DS: the APs b exchanges requests with.) */
bool mobility_is_peer(const struct fsrd_bss *b, const uint8_t *addr);
/* Send an FT over the DS frame (mobility/ds_msg.h) on b's
 * rrb_interface; -ENOTCONN when b has no such socket (no peers, or
 * ft_over_ds off). */
int mobility_ds_send(struct fsrd_bss *b, const uint8_t *frame, size_t len);
struct rrb_portal;
/* The anchor: send p (PASS or DROP) to each r1kh of every portal BSS
 * with key transport, or only to R1KH-ID only (6 octets) when not NULL.
 * The count sent. */
int mobility_portal_pass(const struct rrb_portal *p, const uint8_t *only);
/* A visited AP: send p (HERE, STATS or LEFT) from b to its r0kh of
 * R0KH-ID r0kh_id (the anchor). 0; -ENOTCONN (b has no key transport),
 * -ENOENT (no such r0kh with an address), or not sent. */
int mobility_portal_report(const struct fsrd_bss *b, const uint8_t *r0kh_id,
			   size_t r0kh_id_len, const struct rrb_portal *p);
/* NULL when b has no key transport. */
const struct mob_counters *mobility_counters(const struct fsrd_bss *b);

#endif
