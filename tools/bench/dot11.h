/* SPDX-License-Identifier: GPL-2.0 */
/* The 802.11 header fields the roam analysis needs, from one frame. */
#ifndef BENCH_DOT11_H
#define BENCH_DOT11_H

#include <stddef.h>
#include <stdint.h>

enum { FT_MGMT = 0, FT_CTRL = 1, FT_DATA = 2 };
enum {
	ST_ASSOC_REQ = 0, ST_ASSOC_RESP = 1, ST_REASSOC_REQ = 2,
	ST_REASSOC_RESP = 3, ST_AUTH = 11, ST_DEAUTH = 12, ST_ACTION = 13,
	ST_ACK = 13,		/* control */
};

#define AUTH_ALG_OPEN 0
#define AUTH_ALG_FT 2

/* EAPOL (IEEE 802.1X) packet types, and the EAPOL-Key Key Information
 * bits that tell the 4-way handshake messages apart. */
#define EAPOL_EAP_PACKET 0
#define EAPOL_START 1
#define EAPOL_KEY 3
#define KEYINFO_PAIRWISE 0x0008
#define KEYINFO_ACK 0x0080
#define KEYINFO_MIC 0x0100
#define KEYINFO_SECURE 0x0200

struct frame {
	int64_t t_us;		/* capture timestamp, microseconds */
	uint8_t type, subtype;
	uint8_t retry;		/* Retry bit of Frame Control */
	uint8_t tods, fromds;
	uint8_t a1[6], a2[6], a3[6];	/* a2/a3 zero when absent */
	uint16_t seq;		/* sequence number (no fragment number) */
	int has_seq;
	/* Authentication: algorithm, transaction number, status. */
	uint16_t auth_alg, auth_seq, status;
	int has_status;		/* auth, (re)assoc response */
	int null_data;		/* data frame without payload (Null, QoS Null) */
	int protected_frame;	/* Protected Frame bit: encrypted (after the PTK) */
	/*
	 * eapol: an unprotected data frame carrying EAPOL (LLC/SNAP
	 * ethertype 0x888e), of packet type eapol_type (EAPOL_*); for an
	 * EAPOL-Key frame key_info is its Key Information field (host order).
	 */
	int eapol;
	uint8_t eapol_type;
	uint16_t key_info;
	int acked;		/* followed by an ACK to its transmitter */
};

/*
 * Parse an 802.11 frame (no radiotap, no FCS) into f (t_us is left alone).
 * Returns 0, or -1 for a frame too short for its type.
 */
int dot11_parse(const uint8_t *p, size_t len, struct frame *f);

/* 4-way handshake message 4 (station -> AP): Pairwise, MIC and Secure
 * set, ACK clear. Message 2 has Secure clear; 1 and 3 have ACK set. */
int eapol_is_m4(const struct frame *f);

int mac_eq(const uint8_t *a, const uint8_t *b);
int mac_is_group(const uint8_t *a);
/* "02:00:00:00:00:00" <-> 6 bytes. mac_parse returns 0 or -1. */
int mac_parse(const char *s, uint8_t *out);
void mac_fmt(const uint8_t *a, char out[18]);

#endif
