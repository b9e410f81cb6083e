/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsr-nmsp/1, the message codec of fsr's NMSP-style location-server link:
 * pure encode and decode, no I/O, no state. It is fsr's own framing with
 * the services of Cisco's NMSP, not wire-compatible with it (Cisco has
 * not published NMSP's layout). docs/nmsp.md is the specification.
 *
 *   header (12 octets, network order)
 *     0  'f' 's'   magic
 *     2  version   1
 *     3  type      enum nmsp_type
 *     4  seq       u32: a response carries its request's
 *     8  length    u32: octets of the body, at most NMSP_MAX_BODY
 *   body: TLVs, type (u16) | length (u16) | value
 *
 * Every length from the wire is checked before it is used; a decoded
 * message points into the caller's buffer for its RSSI entries.
 */
#ifndef FSRD_NMSP_MSG_H
#define FSRD_NMSP_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NMSP_PORT		16113
#define NMSP_VERSION		1
#define NMSP_HDR_LEN		12
#define NMSP_TLV_HDR		4
/* A body larger than this is refused before it is read: a peer cannot
 * make fsrd buffer more than one such message per connection. */
#define NMSP_MAX_BODY		4096
#define NMSP_MAX_MSG		(NMSP_HDR_LEN + NMSP_MAX_BODY)
#define NMSP_NAME_MAX		64
#define NMSP_TEXT_MAX		255
#define NMSP_RSSI_ENTRY_LEN	22
#define NMSP_INTERVAL_MIN_MS	1000
#define NMSP_INTERVAL_MAX_MS	3600000
#define NMSP_THRESHOLD_MAX_DB	100

enum nmsp_type {
	NMSP_INIT_REQ = 1,
	NMSP_INIT_RESP = 2,
	NMSP_ECHO_REQ = 3,
	NMSP_ECHO_RESP = 4,
	NMSP_SUBSCRIBE_REQ = 5,
	NMSP_SUBSCRIBE_RESP = 6,
	NMSP_UNSUBSCRIBE_REQ = 7,
	NMSP_UNSUBSCRIBE_RESP = 8,
	NMSP_CLIENT_RSSI_NTF = 9,
	NMSP_PROBE_RSSI_NTF = 10,
	NMSP_STATION_EVENT_NTF = 11,
	NMSP_INFO_REQ = 12,
	NMSP_INFO_RESP = 13,
	NMSP_CLOSE = 14,
	NMSP_TYPE_MAX = NMSP_CLOSE,
};

enum nmsp_tlv {
	NMSP_T_MAC = 1,		/* 6: the peer's (INIT_REQ) or a station's */
	NMSP_T_VERSION_MIN = 2,	/* 1 */
	NMSP_T_VERSION_MAX = 3,	/* 1 */
	NMSP_T_NAME = 4,	/* 1..64 printable ASCII */
	NMSP_T_STATUS = 5,	/* 2: enum nmsp_status */
	NMSP_T_VERSION = 6,	/* 1: the version chosen */
	NMSP_T_SERVICES = 7,	/* 4: bit (1 << service) per service */
	NMSP_T_TIMESTAMP = 8,	/* 8: ms since the epoch */
	NMSP_T_SERVICE = 9,	/* 1: enum nmsp_service */
	NMSP_T_INTERVAL = 10,	/* 4: ms, 1000 .. 3600000 */
	NMSP_T_THRESHOLD = 11,	/* 1: dB, 0 .. 100 */
	NMSP_T_RSSI_ENTRY = 12,	/* 22, repeated: struct nmsp_rssi */
	NMSP_T_EVENT = 13,	/* 1: enum nmsp_event */
	NMSP_T_BSSID = 14,	/* 6 */
	NMSP_T_OLD_BSSID = 15,	/* 6 */
	NMSP_T_TEXT = 16,	/* 0..255 printable ASCII */
	NMSP_T_MAX = NMSP_T_TEXT,
};

enum nmsp_service {
	NMSP_SVC_CLIENT_RSSI = 1,
	NMSP_SVC_PROBE_RSSI = 2,
	NMSP_SVC_STATION_EVENTS = 3,
	NMSP_SVC_MAX = NMSP_SVC_STATION_EVENTS,
};

enum nmsp_event {
	NMSP_EV_ASSOC = 1,
	NMSP_EV_DISASSOC = 2,
	NMSP_EV_ROAM = 3,
};

enum nmsp_status {
	NMSP_OK = 0,
	NMSP_ERR_VERSION = 1,		/* no common protocol version */
	NMSP_ERR_NOT_INIT = 2,		/* a message before INIT */
	NMSP_ERR_MALFORMED = 3,
	NMSP_ERR_UNKNOWN_MAC = 4,	/* the MAC is in no auth-list entry */
	NMSP_ERR_KEY_HASH = 5,		/* no entry with this MAC and key */
	NMSP_ERR_NO_CERT = 6,		/* no client certificate */
	NMSP_ERR_SERVICE = 7,		/* unknown or unoffered service */
	NMSP_ERR_PARAM = 8,		/* interval or threshold out of range */
	NMSP_ERR_UNKNOWN_STA = 9,	/* INFO_REQ for a station not here */
	NMSP_ERR_SLOW_PEER = 10,	/* it did not read what it was sent */
	NMSP_ERR_SHUTDOWN = 11,
	NMSP_ERR_IDLE = 12,		/* no traffic, no echo answered */
	NMSP_ERR_BUSY = 13,		/* as many peers as it takes */
	NMSP_STATUS_MAX = NMSP_ERR_BUSY,
};

struct nmsp_hdr {
	uint8_t version;
	uint8_t type;
	uint32_t seq;
	uint32_t length;	/* of the body */
};

/* One RSSI measurement (NMSP_T_RSSI_ENTRY, network order on the wire:
 * station 6, BSSID 6, RSSI s8, channel u8, timestamp u64 ms). */
struct nmsp_rssi {
	uint8_t sta[6];
	uint8_t bssid[6];
	int8_t rssi;
	uint8_t channel;
	uint64_t timestamp;
};

/* A decoded message: @have has bit (1 << tlv) for every TLV present. */
struct nmsp_msg {
	struct nmsp_hdr hdr;
	uint32_t have;
	uint8_t mac[6];
	uint8_t bssid[6];
	uint8_t old_bssid[6];
	uint8_t version_min, version_max, version;
	uint16_t status;
	uint32_t services;
	uint8_t service;
	uint32_t interval_ms;
	uint8_t threshold_db;
	uint64_t timestamp;
	uint8_t event;
	char name[NMSP_NAME_MAX + 1];
	char text[NMSP_TEXT_MAX + 1];
	const uint8_t *entries;		/* the first RSSI entry's TLV */
	size_t entries_len;		/* from it to the end of the body */
	size_t n_entries;
};

/*
 * The header at the start of @buf (@len octets received so far): 0 with
 * @h filled when the whole header is there and valid, -EAGAIN when fewer
 * than NMSP_HDR_LEN octets are there, -EPROTO for a wrong magic (not this
 * protocol: plain text, TLS to a plain port), -EPROTONOSUPPORT for
 * another version, -EMSGSIZE for a body over NMSP_MAX_BODY.
 */
int nmsp_hdr_parse(const uint8_t *buf, size_t len, struct nmsp_hdr *h);

/*
 * One whole message (header and body, @len octets, at least the header's
 * length): 0 with @m filled; the header's errors; -EAGAIN when the body
 * is not all there; -ENOMSG for an unknown type; -EBADMSG for a TLV that
 * runs past the body, has the wrong length or a bad value, is repeated,
 * is not allowed in this type, or a required one missing. TLV types
 * above NMSP_T_MAX are skipped (newer peers).
 */
int nmsp_msg_parse(const uint8_t *buf, size_t len, struct nmsp_msg *m);

/* The @i-th RSSI entry of @m (i < m->n_entries). */
void nmsp_rssi_get(const struct nmsp_msg *m, size_t i, struct nmsp_rssi *r);

/* A message being built into a caller's buffer. */
struct nmsp_out {
	uint8_t *buf;
	size_t size;
	size_t len;
	bool overflow;	/* something did not fit: nmsp_end() fails */
};

void nmsp_begin(struct nmsp_out *o, uint8_t *buf, size_t size, uint8_t type,
		uint32_t seq);
void nmsp_put(struct nmsp_out *o, uint16_t tlv, const void *val,
	      size_t len);
void nmsp_put_u8(struct nmsp_out *o, uint16_t tlv, uint8_t v);
void nmsp_put_u16(struct nmsp_out *o, uint16_t tlv, uint16_t v);
void nmsp_put_u32(struct nmsp_out *o, uint16_t tlv, uint32_t v);
void nmsp_put_u64(struct nmsp_out *o, uint16_t tlv, uint64_t v);
void nmsp_put_str(struct nmsp_out *o, uint16_t tlv, const char *s);
void nmsp_put_rssi(struct nmsp_out *o, const struct nmsp_rssi *r);
/* The message's length (header and body), or -ENOSPC / -EMSGSIZE. */
int nmsp_end(struct nmsp_out *o);

/* Names for logs, counters and fsrctl ("init-req", "key-hash"...). */
const char *nmsp_type_name(uint8_t type);
const char *nmsp_status_name(uint16_t status);

#endif /* FSRD_NMSP_MSG_H */
