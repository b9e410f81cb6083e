/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * FT over the DS between APs as hostapd does it (IEEE 802.11r-2008
 * 11A.10.3, "remote request broker" frames on EtherType 0x890d): pure
 * encode and decode, no I/O, no state. docs/mobility.md has the format.
 *
 *   DA(6) SA(6) 89 0d | frame_type(1)=1 | packet_type(1) |
 *   action_length (LE16) | ap_address(6) | FT Action frame body
 *
 *   body = category(1)=6 | action(1) | STA address(6) |
 *          target AP address(6) | [status (LE16), response only] | IEs
 *
 * packet_type 0: an FT Request the current AP forwards to the target
 * (ap_address: the current AP); 1: the target's FT Response going back
 * to it (ap_address: the target). Nothing is encrypted or authenticated
 * (the elements hold no secret); the receiver decides whom it believes.
 */
#ifndef FSRD_DS_MSG_H
#define FSRD_DS_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DS_ETHERTYPE		0x890d
#define DS_ETH_HDR		14
#define DS_HDR			10	/* frame_type .. ap_address */
#define DS_FRAME_TYPE_FT	1
#define DS_PACKET_REQUEST	0
#define DS_PACKET_RESPONSE	1
#define DS_ACTION_REQUEST	1	/* FT Request */
#define DS_ACTION_RESPONSE	2	/* FT Response */
#define DS_CATEGORY_FT		6
/* category, action, STA, target AP */
#define DS_BODY_MIN		14
/* what fsrd sends and accepts: one Ethernet frame */
#define DS_MAX_FRAME		1514
#define DS_MAX_IES		(DS_MAX_FRAME - DS_ETH_HDR - DS_HDR - \
				 DS_BODY_MIN - 2)

/* A frame split; pointers into it. */
struct ds_frame {
	uint8_t dst[6];
	uint8_t src[6];
	uint8_t packet_type;		/* DS_PACKET_* */
	uint8_t ap_address[6];
	const uint8_t *body;		/* the FT Action frame body */
	size_t body_len;
	uint8_t sta[6];
	uint8_t target_ap[6];
	uint16_t status;		/* a response's */
	const uint8_t *ies;		/* after the status in a response */
	size_t ies_len;
};

/*
 * Split an Ethernet frame. -EPROTO: not EtherType 0x890d or not an FT
 * frame type (hostapd discards those too); -EMSGSIZE: longer than
 * DS_MAX_FRAME, or action_length beyond the frame; -EBADMSG: a body too
 * short for its packet type, a category other than FT, an action that
 * does not match the packet type, an unknown packet type;
 * -EADDRNOTAVAIL: a group source, STA or AP address. Octets after
 * action_length (Ethernet padding) are ignored, as hostapd does.
 */
int ds_frame_parse(const uint8_t *frame, size_t len, struct ds_frame *f);

/*
 * Build a request (status ignored) or response frame from src to dst:
 * ap_address is src (the sender is the current AP of a request, the
 * target of a response). Returns the length, or -EMSGSIZE when it does
 * not fit cap or DS_MAX_FRAME.
 */
int ds_frame_put(uint8_t *out, size_t cap, const uint8_t *dst,
		 const uint8_t *src, uint8_t packet_type, const uint8_t *sta,
		 const uint8_t *target_ap, uint16_t status,
		 const uint8_t *ies, size_t ies_len);

#endif
