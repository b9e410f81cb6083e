/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internals of mobility/ shared by mobility.c (socket, dispatch, the
 * sequence-number exchange), push.c (PMK-R1 PUSH both ways), pull.c
 * (PULL and RESP both ways) and revoke.c (fsr's REVOKE both ways).
 *
 * Lifetime: one struct mob_bss per BSS with key transport, allocated by
 * mobility_bss_start and freed (deferred frames wiped) by
 * mobility_bss_stop; its peer states follow the BSS's r0kh/r1kh lines
 * by index. A deferred frame lives at most RRB_SEQ_TIMEOUT_S, at most
 * MOB_QUEUE_MAX per peer.
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

/* One r0kh or r1kh line's protocol state. */
struct mob_peer {
	struct rrb_seq_tx tx;
	struct rrb_seq_rx rx;
	struct mob_deferred *queue;
	unsigned int queued;
	struct mob_peer_stats st;
};

/* A frame of p was dropped for why (a static string). */
void mob_peer_refused(struct mob_peer *p, const char *why);

struct mob_bss {
	struct fsrd_bss *b;
	int fd;
	int ifindex;
	int ds_fd;		/* FT over the DS (ds.c); -1: ft_over_ds off */
	struct mob_peer r0[FSRD_MAX_RKH];
	struct mob_peer r1[FSRD_MAX_RKH];
	struct mob_counters cnt;
};

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

/* The r0kh line of the message's R0KH-ID when src is its configured
 * address, else -1 (push.c). */
int mob_find_r0kh(const struct fsrd_bss_conf *bc, const uint8_t *src,
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

static inline void mob_put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static inline void mob_put_le32(uint8_t *p, uint32_t v)
{
	mob_put_le16(p, (uint16_t)v);
	mob_put_le16(p + 2, (uint16_t)(v >> 16));
}

#endif
