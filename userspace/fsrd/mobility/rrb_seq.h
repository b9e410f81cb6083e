/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hostapd's RRB replay protection, per peer, pure (the caller gives the
 * time and the random numbers):
 *
 *  - a sender draws a random domain (bit 0 set) and a random first
 *    counter, sends (dom, seq++, its monotonic seconds) in the SEQ TLV;
 *  - a receiver keeps the peer's domain, its clock offset and the last
 *    RRB_SEQ_BACKLOG counters it accepted. A message from a new peer, of
 *    another domain (it restarted) or with a clock far from the expected
 *    one is deferred: the receiver asks (SEQ_REQ with a nonce) and the
 *    peer's SEQ_RESP sets the window, then the deferred messages run.
 *    A counter far behind the window or already accepted is dropped.
 *
 * The values are in the associated data, so the check may run before
 * decryption; a message is accepted (rrb_seq_accept) only after it was
 * decrypted and verified.
 */
#ifndef FSRD_RRB_SEQ_H
#define FSRD_RRB_SEQ_H

#include <stdbool.h>
#include <stdint.h>

#include "mobility/rrb_msg.h"

#define RRB_SEQ_BACKLOG		16
#define RRB_SEQ_TIMEOUT_S	10	/* hostapd's ftRRBseqTimeout */

struct rrb_seq_tx {
	uint32_t dom;			/* 0: not drawn yet */
	uint32_t seq;
};

struct rrb_seq_rx {
	uint32_t dom;
	uint32_t last[RRB_SEQ_BACKLOG];
	unsigned int num_last;		/* 0: nothing accepted yet */
	unsigned int offsetidx;		/* index of the window's low end */
	int64_t time_offset;		/* local seconds - peer seconds */
};

enum rrb_seq_verdict {
	RRB_SEQ_OK,
	RRB_SEQ_DROP,			/* a replay or too old */
	RRB_SEQ_DEFER,			/* ask the peer (SEQ_REQ) first */
};

/* The next SEQ TLV to send; rnd_dom/rnd_seq are used on the first call
 * only. now_s: the local monotonic clock in seconds. */
void rrb_seq_next(struct rrb_seq_tx *tx, uint32_t rnd_dom, uint32_t rnd_seq,
		  uint32_t now_s, struct rrb_seq_tlv *out);
/* no_defer: a deferral is a drop (a message replayed after a SEQ_RESP,
 * or one sent to a group address). */
enum rrb_seq_verdict rrb_seq_check(const struct rrb_seq_rx *rx,
				   const struct rrb_seq_tlv *s, uint64_t now_s,
				   bool no_defer);
void rrb_seq_accept(struct rrb_seq_rx *rx, const struct rrb_seq_tlv *s);
/* A verified SEQ_RESP: accept its counter if it fits the window, else
 * restart the window there, allowing `queued` older messages. */
void rrb_seq_resync(struct rrb_seq_rx *rx, const struct rrb_seq_tlv *s,
		    uint64_t now_s, unsigned int queued);

#endif
