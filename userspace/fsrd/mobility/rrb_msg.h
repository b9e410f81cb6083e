/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hostapd's R0KH/R1KH key-transport frames (RRB over the OUI Extended
 * EtherType, hostapd 2.7 .. 2.10 and later): pure encode and decode,
 * no I/O, no state. docs/mobility.md has the wire format.
 *
 *   DA(6) SA(6) 88 b7 | 00 13 74 00 01 | subtype(1) | payload
 *   payload = auth_len (LE16) | auth TLVs | SIV(16) | encrypted TLVs
 *   TLV     = type (LE16) | len (LE16) | value
 *
 * The SIV covers SA, the whole auth blob and the subtype (rrb_siv.h).
 * Every length from the wire is checked before it is used.
 */
#ifndef FSRD_RRB_MSG_H
#define FSRD_RRB_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RRB_ETHERTYPE		0x88b7
#define RRB_ETH_HDR		14
#define RRB_OUI_HDR		6	/* 00 13 74 00 01 subtype */
/* The largest payload fsrd sends or accepts (an Ethernet MTU less the
 * OUI header); anything longer is refused before it is looked at. */
#define RRB_MAX_PAYLOAD		1494
#define RRB_MAX_FRAME		(RRB_ETH_HDR + RRB_OUI_HDR + RRB_MAX_PAYLOAD)
#define RRB_MIN_PAYLOAD		64	/* hostapd pads the auth part to it */
#define RRB_NONCE_LEN		16
#define RRB_NAME_LEN		16
#define RRB_R0KH_ID_MAX		48
#define RRB_PMK_MAX		48

enum rrb_subtype {
	RRB_PULL = 1,
	RRB_RESP = 2,
	RRB_PUSH = 3,
	RRB_SEQ_REQ = 4,
	RRB_SEQ_RESP = 5,
	/* fsr's extension (docs/mobility.md): an R0KH tells an R1KH it
	 * pushed to that the station's keys are revoked. hostapd has no
	 * receiver for this subtype and ignores the frame. */
	RRB_FSR_REVOKE = 0xf0,
	/* fsr's extension: a PMKSA made at one AP, for OKC at its peers
	 * (mobility/pmksa_share.c); R0KH to R1KH like PUSH */
	RRB_FSR_PMKSA = 0xf1,
	/* fsr's extensions: a Portal session following its station
	 * (mobility/portal_roam.c): the anchor to its R1KHs, and an
	 * R1KH back to the anchor (its R0KH) */
	RRB_FSR_PORTAL_PASS = 0xf2,
	RRB_FSR_PORTAL_HERE = 0xf3,
};

enum rrb_tlv_type {
	RRB_T_PAD = 0,
	RRB_T_SEQ = 1,
	RRB_T_NONCE = 2,
	RRB_T_TIMESTAMP = 3,
	RRB_T_R0KH_ID = 4,
	RRB_T_R1KH_ID = 5,
	RRB_T_S1KH_ID = 6,
	RRB_T_PMK_R0_NAME = 7,
	RRB_T_PMK_R0 = 8,
	RRB_T_PMK_R1_NAME = 9,
	RRB_T_PMK_R1 = 10,
	RRB_T_PAIRWISE = 11,
	RRB_T_EXPIRES_IN = 12,
	RRB_T_VLAN_UNTAGGED = 13,
	RRB_T_VLAN_TAGGED = 14,
	RRB_T_IDENTITY = 15,
	RRB_T_RADIUS_CUI = 16,
	RRB_T_SESSION_TIMEOUT = 17,
};

/* hostapd's WPA_CIPHER_* bits in the PAIRWISE TLV */
#define RRB_CIPHER_CCMP		0x0010
#define RRB_CIPHER_GCMP		0x0040
#define RRB_CIPHER_GCMP_256	0x0100
#define RRB_CIPHER_CCMP_256	0x0200

/* Little-endian fields of the protocol (hostapd writes them so). */
static inline uint16_t rrb_get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t rrb_get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static inline void rrb_put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static inline void rrb_put_le32(uint8_t *p, uint32_t v)
{
	rrb_put_le16(p, (uint16_t)v);
	rrb_put_le16(p + 2, (uint16_t)(v >> 16));
}

struct rrb_tlv {
	uint16_t type;
	uint16_t len;
	const uint8_t *val;
};

/* The SEQ TLV: the sender's domain, counter and clock (seconds). */
struct rrb_seq_tlv {
	uint32_t dom;
	uint32_t seq;
	uint32_t ts;
};

/* An Ethernet frame of the protocol, split (pointers into the frame). */
struct rrb_frame {
	uint8_t dst[6];
	uint8_t src[6];
	uint8_t subtype;
	const uint8_t *payload;
	size_t payload_len;
};

/* The payload, split; the auth TLVs every message type uses found. */
struct rrb_msg {
	uint8_t subtype;
	const uint8_t *auth;		/* the whole blob, padding included */
	size_t auth_len;
	const uint8_t *enc;		/* SIV || ciphertext */
	size_t enc_len;
	bool have_nonce, have_seq;
	uint8_t nonce[RRB_NONCE_LEN];
	struct rrb_seq_tlv seq;
	uint8_t r0kh_id[RRB_R0KH_ID_MAX];
	size_t r0kh_id_len;
	uint8_t r1kh_id[6];
};

/* What a PUSH or RESP carries (decrypted TLVs). */
struct rrb_keys {
	uint8_t s1kh_id[6];
	bool have_pmk_r0_name;
	uint8_t pmk_r0_name[RRB_NAME_LEN];
	bool have_pmk_r1;		/* false: a NAK (RESP without key) */
	uint8_t pmk_r1[RRB_PMK_MAX];
	size_t pmk_r1_len;		/* 32 or 48 */
	uint8_t pmk_r1_name[RRB_NAME_LEN];
	uint16_t pairwise;		/* RRB_CIPHER_* */
	bool have_expires_in;
	uint16_t expires_in;		/* seconds; 0 or absent: no expiry */
	bool have_session_timeout;
	uint32_t session_timeout;	/* seconds; 0: none */
	bool have_vlan;			/* VLAN_UNTAGGED or _TAGGED present */
	size_t identity_len;
	size_t radius_cui_len;
};

/* What a PULL asks for (decrypted TLVs). */
struct rrb_pull_req {
	uint8_t pmk_r0_name[RRB_NAME_LEN];
	uint8_t s1kh_id[6];
};

/*
 * Build a payload: the auth TLVs, padded as hostapd pads them to
 * RRB_MIN_PAYLOAD, then SIV || encrypted TLVs with key (32 octets) and
 * src (the sender's MAC address, part of the associated data).
 * -EMSGSIZE when it does not fit cap or RRB_MAX_PAYLOAD.
 */
int rrb_build(const uint8_t *key, const uint8_t *src, uint8_t subtype,
	      const struct rrb_tlv *auth, size_t n_auth,
	      const struct rrb_tlv *enc, size_t n_enc, uint8_t *out,
	      size_t cap, size_t *out_len);
/* An Ethernet frame around a payload; out needs RRB_ETH_HDR +
 * RRB_OUI_HDR + len octets. Returns the frame length. */
size_t rrb_frame_put(uint8_t *out, const uint8_t *dst, const uint8_t *src,
		     uint8_t subtype, const uint8_t *payload, size_t len);

/*
 * Split an Ethernet frame. -EPROTO: not this protocol (ethertype, OUI or
 * protocol id); -EPROTONOSUPPORT: an unknown subtype; -EMSGSIZE: too
 * short or longer than RRB_MAX_FRAME; -EADDRNOTAVAIL: a group source.
 */
int rrb_frame_parse(const uint8_t *frame, size_t len, struct rrb_frame *f);
/*
 * Split a payload and read its auth TLVs: the TLV lists must be well
 * formed and the TLVs the subtype needs present with their lengths.
 * Unknown TLV types are skipped (hostapd does the same), the first of
 * duplicates counts. -EBADMSG otherwise.
 */
int rrb_msg_parse(uint8_t subtype, const uint8_t *payload, size_t len,
		  struct rrb_msg *m);
/*
 * Decrypt and verify m with key as sent by src. plain (cap octets, at
 * least m->enc_len) gets the TLVs. hostapd's workaround is kept: when
 * the SIV does not verify, it is tried once more without the last two
 * octets (Ethernet padding some drivers add). -EBADMSG: not authentic.
 */
int rrb_msg_open(const struct rrb_msg *m, const uint8_t *key,
		 const uint8_t *src, uint8_t *plain, size_t cap,
		 size_t *plain_len);
/*
 * Read the keys of a decrypted PUSH or RESP. S1KH-ID is required; for a
 * key (not a NAK) PMK-R1 (32 or 48 octets), PMKR1Name and PAIRWISE.
 * -EBADMSG for a malformed list or a field of the wrong length.
 */
int rrb_keys_parse(const uint8_t *plain, size_t len, struct rrb_keys *k);
/*
 * Read a decrypted PULL: PMKR0Name (16 octets) and S1KH-ID (6) are
 * required. -EBADMSG for a malformed list, a missing TLV or one of the
 * wrong length.
 */
int rrb_pull_parse(const uint8_t *plain, size_t len, struct rrb_pull_req *r);

/* The first TLV of type in a list: 0 and *t, -ENOENT, or -EBADMSG (the
 * list is malformed). */
int rrb_tlv_find(const uint8_t *p, size_t len, uint16_t type,
		 struct rrb_tlv *t);
/* The first TLV of type, which must be want octets long: 0 and *val,
 * 1 when absent, or -EBADMSG (another length, a malformed list). */
int rrb_tlv_fixed(const uint8_t *p, size_t len, uint16_t type, size_t want,
		  const uint8_t **val);
void rrb_seq_tlv_put(uint8_t *out, const struct rrb_seq_tlv *s);

#endif
