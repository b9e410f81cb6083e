/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsr's PMKSA message (subtype RRB_FSR_PMKSA, docs/mobility.md): the
 * encrypted TLVs that carry a PMKSA made at one AP to the peers of its
 * mobility group, so that OKC works at them with no EAP. Pure: built
 * into fsrd, the unit tests and fuzz_rrb.
 */
#ifndef FSRD_PMKSA_MSG_H
#define FSRD_PMKSA_MSG_H

#include <stddef.h>
#include <stdint.h>

#include "eap/eap_relay.h"
#include "mobility/rrb_msg.h"

/* fsr's TLV types, in a range hostapd 2.10 does not use */
enum rrb_fsr_tlv_type {
	RRB_T_FSR_AA = 0xf001,		/* 6: the BSSID it was made on */
	RRB_T_FSR_PMK = 0xf002,		/* 32 */
	RRB_T_FSR_PMKID = 0xf003,	/* 16 */
	RRB_T_FSR_AKM = 0xf004,		/* 4: suite selector, big endian */
	RRB_T_FSR_SSID = 0xf005,	/* 1..32 */
	RRB_T_FSR_AGE = 0xf006,		/* 4: s since the EAP authentication */
	RRB_T_FSR_LIFETIME = 0xf007,	/* 4: s left */
	RRB_T_FSR_TERM_ACTION = 0xf008,	/* 4: Termination-Action */
	RRB_T_FSR_INTERIM = 0xf009,	/* 4: Acct-Interim-Interval */
	RRB_T_FSR_CLASS = 0xf00a,	/* 1..253, at most EAP_RELAY_CLASS_MAX */
	RRB_T_FSR_VLAN_ID = 0xf00b,	/* 2: 1..4094 */
};

/* A PMKSA as it travels; S1KH-ID, IDENTITY (the user name) and
 * SESSION_TIMEOUT are hostapd's TLV types. */
struct rrb_pmksa {
	uint8_t spa[6];
	uint8_t aa[6];
	uint8_t pmk[32];
	uint8_t pmkid[16];
	uint32_t akm;
	uint8_t ssid[32];
	size_t ssid_len;
	uint32_t age_s;
	uint32_t life_s;
	struct eap_relay_attrs attrs;	/* those above; the rest zero */
};

#define RRB_PMKSA_TLVS	(16 + EAP_RELAY_CLASS_MAX)
/* Scratch for the integers of the TLVs, kept by the caller while the
 * TLVs are in use. */
struct rrb_pmksa_buf {
	uint8_t akm[4], age[4], life[4], st[4], term[4], interim[4], vlan[2];
};

/*
 * The TLVs of p into t (RRB_PMKSA_TLVS entries; they point into p and
 * buf). with_class false leaves the Class attributes out (they may not
 * fit a frame). Returns the count.
 */
size_t rrb_pmksa_tlvs(const struct rrb_pmksa *p, bool with_class,
		      struct rrb_pmksa_buf *buf, struct rrb_tlv *t);
/*
 * Read a decrypted PMKSA message. Required: S1KH-ID, AA, PMK, PMKID,
 * AKM, SSID, AGE, LIFETIME (non-zero); the rest optional. -EBADMSG for a
 * malformed list, a missing TLV, one of the wrong length, a group
 * station or AA, more Class TLVs than EAP_RELAY_CLASS_MAX, a VLAN ID out
 * of range. The PMK is wiped from p on error.
 */
int rrb_pmksa_parse(const uint8_t *plain, size_t len, struct rrb_pmksa *p);

#endif
