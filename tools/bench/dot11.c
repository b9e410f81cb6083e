// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>

#include "dot11.h"

static uint16_t le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/*
 * The body of an unprotected data frame: LLC/SNAP with ethertype 0x888e,
 * then the EAPOL header (version, packet type, body length) and, for
 * EAPOL-Key, the descriptor type and the Key Information field.
 */
static void parse_eapol(const uint8_t *b, size_t len, struct frame *f)
{
	static const uint8_t snap[8] = { 0xaa, 0xaa, 0x03, 0, 0, 0, 0x88,
					 0x8e };

	if (len < sizeof(snap) + 4 || memcmp(b, snap, sizeof(snap)))
		return;
	b += sizeof(snap);
	len -= sizeof(snap);
	f->eapol = 1;
	f->eapol_type = b[1];
	if (b[1] == EAPOL_KEY && len >= 4 + 3)
		f->key_info = be16(b + 5);
}

int eapol_is_m4(const struct frame *f)
{
	const uint16_t mask = KEYINFO_PAIRWISE | KEYINFO_ACK | KEYINFO_MIC |
			      KEYINFO_SECURE;

	return f->type == FT_DATA && f->eapol && f->eapol_type == EAPOL_KEY &&
	       (f->key_info & mask) ==
		       (KEYINFO_PAIRWISE | KEYINFO_MIC | KEYINFO_SECURE);
}

int dot11_parse(const uint8_t *p, size_t len, struct frame *f)
{
	uint16_t fc;
	size_t hdr;
	const uint8_t *body;
	size_t blen;

	memset(f->a1, 0, sizeof(f->a1));
	memset(f->a2, 0, sizeof(f->a2));
	memset(f->a3, 0, sizeof(f->a3));
	f->has_seq = 0;
	f->has_status = 0;
	f->null_data = 0;
	f->acked = 0;
	f->auth_alg = f->auth_seq = f->status = 0;
	f->eapol = 0;
	f->eapol_type = 0;
	f->key_info = 0;
	f->seq = 0;
	if (len < 10)
		return -1;
	fc = le16(p);
	if ((fc & 3) != 0)	/* protocol version 0 only */
		return -1;
	f->type = (fc >> 2) & 3;
	f->subtype = (fc >> 4) & 15;
	f->tods = !!(fc & 0x0100);
	f->fromds = !!(fc & 0x0200);
	f->retry = !!(fc & 0x0800);
	f->protected_frame = !!(fc & 0x4000);
	memcpy(f->a1, p + 4, 6);
	if (f->type == FT_CTRL) {
		/* ACK and CTS carry only the receiver address. */
		if (f->subtype != ST_ACK && f->subtype != 12 && len >= 16)
			memcpy(f->a2, p + 10, 6);
		return 0;
	}
	if (f->type != FT_MGMT && f->type != FT_DATA)
		return -1;
	if (len < 24)
		return -1;
	memcpy(f->a2, p + 10, 6);
	memcpy(f->a3, p + 16, 6);
	f->seq = le16(p + 22) >> 4;
	f->has_seq = 1;
	hdr = 24;
	if (f->type == FT_DATA) {
		/* Null (4) and QoS Null (12): bit 2 of the subtype = no data. */
		f->null_data = !!(f->subtype & 4);
		if (f->null_data || f->protected_frame)
			return 0;
		if (f->tods && f->fromds)	/* address 4 */
			hdr += 6;
		if (f->subtype & 8) {		/* QoS Control, maybe HT Control */
			hdr += 2;
			if (fc & 0x8000)
				hdr += 4;
		}
		if (len > hdr)
			parse_eapol(p + hdr, len - hdr, f);
		return 0;
	}
	if (fc & 0x8000)	/* +HTC/Order: 4 more header bytes */
		hdr += 4;
	if (len < hdr)
		return -1;
	body = p + hdr;
	blen = len - hdr;
	switch (f->subtype) {
	case ST_AUTH:
		if (blen < 6)
			return -1;
		f->auth_alg = le16(body);
		f->auth_seq = le16(body + 2);
		f->status = le16(body + 4);
		f->has_status = 1;
		break;
	case ST_ASSOC_RESP:
	case ST_REASSOC_RESP:
		if (blen < 6)
			return -1;
		f->status = le16(body + 2);
		f->has_status = 1;
		break;
	default:
		break;
	}
	return 0;
}

int mac_eq(const uint8_t *a, const uint8_t *b)
{
	return memcmp(a, b, 6) == 0;
}

int mac_is_group(const uint8_t *a)
{
	return a[0] & 1;
}

int mac_parse(const char *s, uint8_t *out)
{
	unsigned int b[6];
	char tail;
	int i;

	if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3],
		   &b[4], &b[5], &tail) != 6)
		return -1;
	for (i = 0; i < 6; i++)
		out[i] = (uint8_t)b[i];
	return 0;
}

void mac_fmt(const uint8_t *a, char out[18])
{
	snprintf(out, 18, "%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1], a[2],
		 a[3], a[4], a[5]);
}
