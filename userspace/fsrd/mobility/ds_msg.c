// SPDX-License-Identifier: GPL-2.0-only
/* FT over the DS frames between APs (ds_msg.h): pure code. */
#include <errno.h>
#include <string.h>

#include "mobility/ds_msg.h"

static uint16_t le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

int ds_frame_parse(const uint8_t *frame, size_t len, struct ds_frame *f)
{
	const uint8_t *p;
	size_t alen, min;
	uint8_t action;

	if (len < DS_ETH_HDR + 1 || frame[12] != DS_ETHERTYPE >> 8 ||
	    frame[13] != (DS_ETHERTYPE & 0xff) ||
	    frame[DS_ETH_HDR] != DS_FRAME_TYPE_FT)
		return -EPROTO;
	if (len > DS_MAX_FRAME || len < DS_ETH_HDR + DS_HDR)
		return -EMSGSIZE;
	memset(f, 0, sizeof(*f));
	memcpy(f->dst, frame, 6);
	memcpy(f->src, frame + 6, 6);
	p = frame + DS_ETH_HDR;
	f->packet_type = p[1];
	alen = le16(p + 2);
	memcpy(f->ap_address, p + 4, 6);
	if (alen > len - DS_ETH_HDR - DS_HDR)
		return -EMSGSIZE;
	f->body = p + DS_HDR;
	f->body_len = alen;
	switch (f->packet_type) {
	case DS_PACKET_REQUEST:
		action = DS_ACTION_REQUEST;
		min = DS_BODY_MIN;
		break;
	case DS_PACKET_RESPONSE:
		action = DS_ACTION_RESPONSE;
		min = DS_BODY_MIN + 2;
		break;
	default:
		return -EBADMSG;
	}
	if (alen < min || f->body[0] != DS_CATEGORY_FT || f->body[1] != action)
		return -EBADMSG;
	memcpy(f->sta, f->body + 2, 6);
	memcpy(f->target_ap, f->body + 8, 6);
	if (f->packet_type == DS_PACKET_RESPONSE)
		f->status = le16(f->body + DS_BODY_MIN);
	f->ies = f->body + min;
	f->ies_len = alen - min;
	if ((f->src[0] & 1) || (f->ap_address[0] & 1) || (f->sta[0] & 1) ||
	    (f->target_ap[0] & 1))
		return -EADDRNOTAVAIL;
	return 0;
}

int ds_frame_put(uint8_t *out, size_t cap, const uint8_t *dst,
		 const uint8_t *src, uint8_t packet_type, const uint8_t *sta,
		 const uint8_t *target_ap, uint16_t status,
		 const uint8_t *ies, size_t ies_len)
{
	bool resp = packet_type == DS_PACKET_RESPONSE;
	size_t alen = DS_BODY_MIN + (resp ? 2 : 0) + ies_len;
	size_t len = DS_ETH_HDR + DS_HDR + alen;
	uint8_t *p;

	if (ies_len > DS_MAX_IES || len > DS_MAX_FRAME || len > cap)
		return -EMSGSIZE;
	memcpy(out, dst, 6);
	memcpy(out + 6, src, 6);
	out[12] = DS_ETHERTYPE >> 8;
	out[13] = DS_ETHERTYPE & 0xff;
	p = out + DS_ETH_HDR;
	p[0] = DS_FRAME_TYPE_FT;
	p[1] = packet_type;
	p[2] = (uint8_t)alen;
	p[3] = (uint8_t)(alen >> 8);
	memcpy(p + 4, src, 6);
	p += DS_HDR;
	p[0] = DS_CATEGORY_FT;
	p[1] = resp ? DS_ACTION_RESPONSE : DS_ACTION_REQUEST;
	memcpy(p + 2, sta, 6);
	memcpy(p + 8, target_ap, 6);
	p += DS_BODY_MIN;
	if (resp) {
		p[0] = (uint8_t)status;
		p[1] = (uint8_t)(status >> 8);
		p += 2;
	}
	if (ies_len)
		memcpy(p, ies, ies_len);
	return (int)len;
}
