// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>

#include "dot11.h"

static uint16_t le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
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
	if (f->type == FT_DATA) {
		/* Null (4) and QoS Null (12): bit 2 of the subtype = no data. */
		f->null_data = !!(f->subtype & 4);
		return 0;
	}
	hdr = 24;
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
