/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsr's Portal roaming messages (docs/portal.md "Across fsrd APs"): the
 * encrypted TLVs by which a Portal session follows its station to
 * another fsrd AP of the mobility group. The AP where the user logged in
 * (the anchor) keeps the session, its portal server and its accounting;
 * its peers only let the station's (MAC, IPv4) pair through while the
 * station is with them, and tell the anchor so.
 *
 *   subtype RRB_FSR_PORTAL_PASS, R0KH to R1KH (the anchor's BSS to its
 *   r1kh peers): PASS (the session is online: let it through when the
 *   station comes) and DROP (it ended: stop it).
 *   subtype RRB_FSR_PORTAL_HERE, R1KH to R0KH (a peer to the anchor):
 *   HERE (the station came), STATS (its counters here, every
 *   PORTAL_ROAM_STATS_S) and LEFT (it left, the last counters).
 *
 * Pure: built into fsrd, the unit tests and fuzz_rrb.
 */
#ifndef FSRD_PORTAL_ROAM_MSG_H
#define FSRD_PORTAL_ROAM_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mobility/rrb_msg.h"

#define PORTAL_ROAM_STATS_S	10	/* a visited AP's reports, at most */
#define PORTAL_ROAM_ID_MAX	19	/* Acct-Session-Id "P%08X-%08X" */
#define PORTAL_ROAM_USER_MAX	253

enum rrb_portal_op {
	RRB_PORTAL_PASS = 1,
	RRB_PORTAL_DROP = 2,
	RRB_PORTAL_HERE = 3,
	RRB_PORTAL_STATS = 4,
	RRB_PORTAL_LEFT = 5,
};

/* fsr's TLV types, next to the PMKSA message's (pmksa_msg.h) */
enum rrb_portal_tlv_type {
	RRB_T_FSR_PORTAL_OP = 0xf010,	/* 1: enum rrb_portal_op */
	RRB_T_FSR_IPV4 = 0xf011,	/* 4: the station's, big endian */
	RRB_T_FSR_SESSION_ID = 0xf012,	/* 1..19 printable: Acct-Session-Id */
	RRB_T_FSR_COUNTERS = 0xf013,	/* 32: in, out octets; in, out
					 * packets; LE64 each */
	RRB_T_FSR_INACTIVE = 0xf014,	/* 4: ms since the station's last
					 * frame, LE32 */
};

struct rrb_portal {
	uint8_t op;
	uint8_t sta[6];
	uint32_t ip;			/* host order */
	char session_id[PORTAL_ROAM_ID_MAX + 1];	/* "" none */
	char user[PORTAL_ROAM_USER_MAX + 1];		/* "" none */
	bool has_counters;		/* STATS and LEFT: required */
	uint64_t in_octets, out_octets, in_packets, out_packets;
	uint32_t inactive_ms;
};

#define RRB_PORTAL_TLVS 7
/* Scratch for the TLVs' numbers, kept while the TLVs are in use. */
struct rrb_portal_buf {
	uint8_t op, ip[4], counters[32], inactive[4];
};

/* The subtype an op travels in. */
uint8_t rrb_portal_subtype(uint8_t op);
/* The TLVs of p into t (RRB_PORTAL_TLVS entries, pointing into p and
 * buf): the count. */
size_t rrb_portal_tlvs(const struct rrb_portal *p, struct rrb_portal_buf *buf,
		       struct rrb_tlv *t);
/*
 * Read a decrypted message of subtype. Required: OP (one of the
 * subtype's), S1KH-ID (no group address), IPV4 (not 0, not a group or
 * broadcast address), SESSION_ID for every op, COUNTERS and INACTIVE for
 * STATS and LEFT; IDENTITY (the user) optional. -EBADMSG for a malformed
 * list, a missing TLV, one of the wrong length or value.
 */
int rrb_portal_parse(uint8_t subtype, const uint8_t *plain, size_t len,
		     struct rrb_portal *p);
const char *rrb_portal_op_name(uint8_t op);

#endif
