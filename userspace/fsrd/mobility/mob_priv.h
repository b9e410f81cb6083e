/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internals of mobility/ shared by mobility.c (socket, dispatch, the
 * sequence-number exchange), push.c (PMK-R1 PUSH both ways), pull.c
 * (PULL and RESP both ways), revoke.c (fsr's REVOKE both ways),
 * pmksa_share.c (fsr's PMKSA sharing both ways), portal_roam.c (fsr's
 * Portal roaming messages both ways) and
 * learn.c (the peers learned through hostapd's wildcard lines).
 *
 * Lifetime: one struct mob_bss per BSS with key transport, allocated by
 * mobility_bss_start and freed (deferred frames wiped) by
 * mobility_bss_stop; its peers (struct mob_rkh) are the BSS's r0kh/r1kh
 * lines, copied at start in their order, then those learned through a
 * wildcard line (learn.c), at most MOB_LEARNED_MAX of each kind. A
 * deferred frame lives at most RRB_SEQ_TIMEOUT_S, at most MOB_QUEUE_MAX
 * per peer.
 */
#ifndef FSRD_MOB_PRIV_H
#define FSRD_MOB_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "conf/config.h"
#include "core/log.h"
#include "mobility/mobility.h"
#include "mobility/rrb_msg.h"
#include "mobility/rrb_seq.h"

#define MOB_QUEUE_MAX	16
/* Pending pulls (pull.c), in all, and the FT Authentication Request
 * elements one may keep: a request is about 150 octets. */
#define MOB_PULL_MAX	64
#define MOB_PULL_IES_MAX 768

struct mob_deferred {
	struct mob_deferred *next;
	uint8_t nonce[RRB_NONCE_LEN];	/* of the SEQ_REQ sent for it */
	uint64_t at_ms;
	uint8_t src[6];
	uint8_t subtype;
	size_t len;
	uint8_t payload[];
};

/* One peer's protocol state. */
struct mob_peer {
	struct rrb_seq_tx tx;
	struct rrb_seq_rx rx;
	struct mob_deferred *queue;
	unsigned int queued;
	/* a SEQ_REQ sent with no frame held (mob_seq_req); 0: none */
	uint8_t seq_req_nonce[RRB_NONCE_LEN];
	uint64_t seq_req_ms;
	bool seq_req_bcast;	/* it went to the broadcast address */
	struct mob_peer_stats st;
};

/* A frame of p was dropped for why (a static string). */
void mob_peer_refused(struct mob_peer *p, const char *why);

/*
 * Peers learned through hostapd's wildcard lines (learn.c), per kind and
 * BSS: when the table is full, the one heard from least recently goes
 * (never one a pull waits on).
 */
#define MOB_LEARNED_MAX	64
#define MOB_LOOKING_MAX	16	/* of those: R0KHs looked for or blocked */
#define MOB_RKH_MAX	(FSRD_MAX_RKH + MOB_LEARNED_MAX)

/*
 * A peer key holder of a BSS: an r0kh/r1kh line of its configuration
 * (until_ms 0: for as long as the BSS runs) or one learned through the
 * wildcard line (until_ms: when it is forgotten, rkh_pos_timeout after
 * it was learned). A learned R0KH is first only a name: its address is
 * the broadcast address while a PULL looks for it, and all-zero once
 * such a PULL went unanswered (blocked until rkh_neg_timeout). k holds
 * a copy of the key, wiped with the BSS's state.
 */
struct mob_rkh {
	struct fsrd_rkh k;
	struct mob_peer p;
	bool used;
	uint64_t until_ms;
	uint64_t learned_ms;	/* 0: configured */
};

struct mob_bss {
	struct fsrd_bss *b;
	int fd;
	int ifindex;
	int ds_fd;		/* FT over the DS (ds.c); -1: ft_over_ds off */
	struct mob_rkh r0[MOB_RKH_MAX];	/* configured first, then learned */
	struct mob_rkh r1[MOB_RKH_MAX];
	struct fsrd_rkh r0_wild;	/* wildcard lines; key all-zero: none */
	struct fsrd_rkh r1_wild;
	bool have_r0_wild;
	bool have_r1_wild;
	struct mob_counters cnt;
};

/* learn.c: forget peer slot i (R0KH: r0), its held frames wiped. */
void mob_rkh_forget(struct mob_bss *m, bool r0, size_t i);
/* Forget m's learned peers whose time is over (an R0KH a pull
 * waits on stays). */
void mob_learned_expire(struct mob_bss *m);
/* Learn a peer of the wildcard line (r0: R0KH, else R1KH) at addr with
 * key holder ID id: its slot index, or -1 when the table is full of
 * entries pulls wait on (counted). The slot's key is the wildcard's;
 * until_ms is now + life_ms. */
int mob_learn(struct mob_bss *m, bool r0, const uint8_t *addr,
	      const uint8_t *id, size_t id_len, uint64_t life_ms);
/* The R0KH slot of R0KH-ID id (configured or learned, any address);
 * -1 if none. */
int mob_r0kh_by_id(struct mob_bss *m, const uint8_t *id, size_t id_len);
/* A frame from R0KH-ID msg->r0kh_id at src, which no slot has at that
 * address: the slot learned for it through the wildcard r0kh line (the
 * frame verifies with its key; a learned R0KH that moved is learned
 * again), or -1. */
int mob_learn_r0kh(struct mob_bss *m, const uint8_t *src,
		   const struct rrb_msg *msg);
/* The same for an R1KH-ID no slot has at src (the wildcard r1kh line;
 * a learned R1KH that moved is learned again). */
int mob_learn_r1kh(struct mob_bss *m, const uint8_t *src,
		   const struct rrb_msg *msg);
/* The R1KH slot of R1KH-ID id (any address); -1 if none. */
int mob_r1kh_by_id(struct mob_bss *m, const uint8_t *id);
/* R0KH slot i is a learned one looked for at the broadcast address and
 * msg, from src, names it and verifies with its key: it is at src from
 * now on, for rkh_pos_timeout. true when so. */
bool mob_r0kh_found(struct mob_bss *m, size_t i, const uint8_t *src,
		    const struct rrb_msg *msg);
/* Was frame msg from src sealed with key? (no state changes) */
bool mob_verifies(const struct rrb_msg *msg, const uint8_t *key,
		  const uint8_t *src);
static inline bool mob_addr_is_bcast(const uint8_t *a)
{
	return (a[0] & a[1] & a[2] & a[3] & a[4] & a[5]) == 0xff;
}

static inline bool mob_addr_is_zero(const uint8_t *a)
{
	return !(a[0] | a[1] | a[2] | a[3] | a[4] | a[5]);
}

uint32_t mob_now_s(void);
struct mob_bss *mob_find(const struct fsrd_bss *b);
/* The next SEQ TLV for p; -EIO when no random number was had. */
int mob_seq_next(struct mob_peer *p, struct rrb_seq_tlv *seq);
/* The authenticated TLVs of a frame to peer p, in hostapd's order:
 * NONCE (unless nonce is NULL), SEQ (p's next, put in seqbuf), R0KH-ID,
 * R1KH-ID; auth[] gets 4 or 3. 0, or mob_seq_next's error. */
int mob_auth_tlvs(struct mob_peer *p, const uint8_t *nonce,
		  const uint8_t *r0kh_id, size_t r0kh_id_len,
		  const uint8_t *r1kh_id, uint8_t seqbuf[12],
		  struct rrb_tlv *auth);
/* Build a payload with the peer's key and send it from b to dst. */
int mob_send(struct mob_bss *m, const uint8_t *dst, uint8_t subtype,
	     const uint8_t *key, const struct rrb_tlv *auth, size_t n_auth,
	     const struct rrb_tlv *enc, size_t n_enc);
/* A PUSH or REVOKE for m's BSS from src (push.c): peer, sequence
 * number and SIV checked, then the keys taken or forgotten; no_defer
 * when replayed after a SEQ_RESP. */
void mob_rx_from_r0kh(struct mob_bss *m, const uint8_t *src,
		      const struct rrb_msg *msg, bool no_defer);
/* A verified REVOKE's TLVs (revoke.c): NULL when done, else why it was
 * refused. */
const char *mob_take_revoke(struct mob_bss *m, const uint8_t *src,
			    const struct rrb_msg *msg, const uint8_t *plain,
			    size_t pl);
/* A verified PMKSA message's TLVs (pmksa_share.c): NULL when kept,
 * else why it was refused. */
const char *mob_take_pmksa(struct mob_bss *m, const uint8_t *src,
			   const struct rrb_msg *msg, const uint8_t *plain,
			   size_t pl);
/* A verified PASS or DROP (portal_roam.c): NULL when taken, else why
 * it was refused. */
const char *mob_take_portal_pass(struct mob_bss *m, const uint8_t *src,
				 const struct rrb_msg *msg,
				 const uint8_t *plain, size_t pl);
/* A HERE, STATS or LEFT for m's BSS as the anchor (portal_roam.c). */
void mob_rx_portal_here(struct mob_bss *m, const uint8_t *src,
			const struct rrb_msg *msg, bool no_defer);
/* Every BSS with key transport, in order; *i starts at 0. */
struct mob_bss *mob_next(size_t *i);
/* Hold a verified message and ask its sender for its sequence number;
 * false when it could not be held (counted). */
bool mob_defer(struct mob_bss *m, struct mob_peer *p, const uint8_t *key,
	       const uint8_t *src, const struct rrb_msg *msg);

/* The rate limits of mob_rx_open's warnings: one per caller. */
struct mob_rx_rl {
	struct log_rl replay;
	struct log_rl auth;
};

/*
 * A message from peer p (its key), the peer already checked: its
 * sequence number checked, its SIV verified into plain (*pl octets)
 * before anything is held or answered, then held (mob_defer) while its
 * sequence number is not known. true when plain holds it and its
 * sequence number is accepted; false when dropped (counted, logged as
 * "RRB what from mac") or held.
 */
bool mob_rx_open(struct mob_bss *m, struct mob_peer *p, const uint8_t *key,
		 const uint8_t *src, const struct rrb_msg *msg, bool no_defer,
		 const char *what, const char *mac, struct mob_rx_rl *rl,
		 uint8_t plain[RRB_MAX_PAYLOAD], size_t *pl);

/* The R0KH slot of the message's R0KH-ID when src is its address,
 * else -1 (learn.c). */
int mob_find_r0kh(struct mob_bss *m, const uint8_t *src,
		  const struct rrb_msg *msg);
/* hostapd's PAIRWISE bit of a cipher suite; 0 if it has none. */
uint16_t mob_cipher_bit(uint32_t suite);

/* The numbers the TLVs of a PMK-R1 point into. */
struct mob_key_nums {
	uint8_t pairwise[2];
	uint8_t expires_in[2];
	uint8_t session_timeout[4];
};

/*
 * The TLVs that carry r1 for b's pairwise cipher in a PUSH or RESP
 * (push.c), into enc[0..7): PMK-R1, PMKR1Name, PAIRWISE, EXPIRES_IN
 * (lifetime_s, clamped to its 16 bits: hostapd truncates), IDENTITY and
 * RADIUS_CUI (none), SESSION_TIMEOUT. Returns 7.
 */
size_t mob_key_tlvs(const struct fsrd_bss *b, const struct fsr_ft_pmk_r1 *r1,
		    uint32_t lifetime_s, uint32_t session_timeout_s,
		    struct mob_key_nums *nums, struct rrb_tlv *enc);
/*
 * A verified PUSH's or RESP's keys (push.c): NULL when kept
 * (keys/r1_store.c) and given to fsr.ko, else why they were refused.
 * spa: the station they must be for (NULL: any); pmk_r0_name: the one
 * a PULL asked for (a RESP has none; NULL for a PUSH); how: "received"
 * or "pulled", for the trace.
 */
const char *mob_take_key(struct mob_bss *m, const uint8_t *src,
			 const struct rrb_msg *msg, const uint8_t *plain,
			 size_t pl, const uint8_t *spa,
			 const uint8_t *pmk_r0_name, const char *how);
/* A PULL for m's BSS as R0KH, a RESP to one of its pulls (pull.c). */
void mob_rx_pull(struct mob_bss *m, const uint8_t *src,
		 const struct rrb_msg *msg, bool no_defer);
void mob_rx_resp(struct mob_bss *m, const uint8_t *src,
		 const struct rrb_msg *msg, bool no_defer);
/* FT over the DS (ds.c): m's socket for EtherType 0x890d, when its
 * BSS has ft_over_ds; 0 or a negative errno. */
int mob_ds_open(struct mob_bss *m);
void mob_ds_close(struct mob_bss *m);
/* Forget m's pending pulls, unanswered (the BSS stops). */
void mob_pull_stop(struct mob_bss *m);
/* The pulls waiting on R0KH slot i go again now (its SEQ_RESP came:
 * it is known where it is, with its sequence numbers). */
void mob_pull_kick(struct mob_bss *m, size_t i);
/* Ask peer r (an R0KH of m when r0, else an R1KH) for its sequence
 * number at its address (the broadcast address while an R0KH is looked
 * for), holding no frame; its SEQ_RESP sets the window (mobility.c). */
int mob_seq_req(struct mob_bss *m, struct mob_rkh *r, bool r0);
/* Does a pull of m wait on R0KH slot i? */
bool mob_pull_waits_on(const struct mob_bss *m, size_t i);

#endif
