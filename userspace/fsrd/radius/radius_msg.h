/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * RADIUS packets (RFC 2865 section 3, 5): a flat, validated buffer of at
 * most 4096 octets, a builder that appends attributes, and lookups. The
 * cryptographic parts (authenticators, Message-Authenticator, hidden
 * User-Password, MS-MPPE keys) are in radius_auth.h; the client and the
 * Disconnect-Request server in radius_client.h. See docs/radius.md.
 */
#ifndef FSRD_RADIUS_MSG_H
#define FSRD_RADIUS_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RADIUS_HDR_LEN		20
#define RADIUS_MAX_LEN		4096	/* RFC 2865 section 3 */
#define RADIUS_AUTH_LEN		16	/* Request/Response Authenticator */
#define RADIUS_MA_LEN		16	/* Message-Authenticator value */
#define RADIUS_ATTR_MAX_DATA	253

enum radius_code {
	RADIUS_ACCESS_REQUEST = 1,
	RADIUS_ACCESS_ACCEPT = 2,
	RADIUS_ACCESS_REJECT = 3,
	RADIUS_ACCOUNTING_REQUEST = 4,
	RADIUS_ACCOUNTING_RESPONSE = 5,
	RADIUS_ACCESS_CHALLENGE = 11,
	RADIUS_DISCONNECT_REQUEST = 40,	/* RFC 5176 */
	RADIUS_DISCONNECT_ACK = 41,
	RADIUS_DISCONNECT_NAK = 42,
	RADIUS_COA_REQUEST = 43,
	RADIUS_COA_ACK = 44,
	RADIUS_COA_NAK = 45,
};

enum radius_attr {
	RADIUS_ATTR_USER_NAME = 1,
	RADIUS_ATTR_USER_PASSWORD = 2,
	RADIUS_ATTR_NAS_IP_ADDRESS = 4,
	RADIUS_ATTR_NAS_PORT = 5,
	RADIUS_ATTR_SERVICE_TYPE = 6,
	RADIUS_ATTR_FRAMED_IP_ADDRESS = 8,
	RADIUS_ATTR_FRAMED_MTU = 12,
	RADIUS_ATTR_REPLY_MESSAGE = 18,
	RADIUS_ATTR_STATE = 24,
	RADIUS_ATTR_CLASS = 25,
	RADIUS_ATTR_VENDOR_SPECIFIC = 26,
	RADIUS_ATTR_SESSION_TIMEOUT = 27,
	RADIUS_ATTR_IDLE_TIMEOUT = 28,
	RADIUS_ATTR_TERMINATION_ACTION = 29,
	RADIUS_ATTR_CALLED_STATION_ID = 30,
	RADIUS_ATTR_CALLING_STATION_ID = 31,
	RADIUS_ATTR_NAS_IDENTIFIER = 32,
	RADIUS_ATTR_PROXY_STATE = 33,
	RADIUS_ATTR_ACCT_STATUS_TYPE = 40,
	RADIUS_ATTR_ACCT_DELAY_TIME = 41,
	RADIUS_ATTR_ACCT_INPUT_OCTETS = 42,
	RADIUS_ATTR_ACCT_OUTPUT_OCTETS = 43,
	RADIUS_ATTR_ACCT_SESSION_ID = 44,
	RADIUS_ATTR_ACCT_AUTHENTIC = 45,
	RADIUS_ATTR_ACCT_SESSION_TIME = 46,
	RADIUS_ATTR_ACCT_INPUT_PACKETS = 47,
	RADIUS_ATTR_ACCT_OUTPUT_PACKETS = 48,
	RADIUS_ATTR_ACCT_TERMINATE_CAUSE = 49,
	RADIUS_ATTR_ACCT_MULTI_SESSION_ID = 50,
	RADIUS_ATTR_ACCT_INPUT_GIGAWORDS = 52,
	RADIUS_ATTR_ACCT_OUTPUT_GIGAWORDS = 53,
	RADIUS_ATTR_EVENT_TIMESTAMP = 55,
	RADIUS_ATTR_NAS_PORT_TYPE = 61,
	RADIUS_ATTR_TUNNEL_TYPE = 64,
	RADIUS_ATTR_TUNNEL_MEDIUM_TYPE = 65,
	RADIUS_ATTR_CONNECT_INFO = 77,
	RADIUS_ATTR_EAP_MESSAGE = 79,
	RADIUS_ATTR_MESSAGE_AUTHENTICATOR = 80,
	RADIUS_ATTR_TUNNEL_PRIVATE_GROUP_ID = 81,
	RADIUS_ATTR_ACCT_INTERIM_INTERVAL = 85,
	RADIUS_ATTR_NAS_PORT_ID = 87,
	RADIUS_ATTR_NAS_IPV6_ADDRESS = 95,
	RADIUS_ATTR_ERROR_CAUSE = 101,
};

/* Acct-Status-Type values (RFC 2866 5.1) */
enum radius_acct_status {
	RADIUS_ACCT_START = 1,
	RADIUS_ACCT_STOP = 2,
	RADIUS_ACCT_INTERIM_UPDATE = 3,
	RADIUS_ACCT_ON = 7,
	RADIUS_ACCT_OFF = 8,
};

/* Acct-Terminate-Cause values (RFC 2866 5.10) */
#define RADIUS_TERM_USER_REQUEST	1
#define RADIUS_TERM_LOST_CARRIER	2
#define RADIUS_TERM_LOST_SERVICE	3
#define RADIUS_TERM_IDLE_TIMEOUT	4
#define RADIUS_TERM_SESSION_TIMEOUT	5
#define RADIUS_TERM_ADMIN_RESET		6
#define RADIUS_TERM_NAS_REQUEST		10
#define RADIUS_TERM_NAS_REBOOT		11

/* Error-Cause values (RFC 5176 3.5) */
#define RADIUS_ERR_CAUSE_UNSUPPORTED_ATTRIBUTE	401
#define RADIUS_ERR_CAUSE_MISSING_ATTRIBUTE	402
#define RADIUS_ERR_CAUSE_INVALID_REQUEST	404
#define RADIUS_ERR_CAUSE_UNSUPPORTED_SERVICE	405
#define RADIUS_ERR_CAUSE_SESSION_NOT_FOUND	503

#define RADIUS_VENDOR_MICROSOFT		311
#define RADIUS_MS_MPPE_SEND_KEY		16
#define RADIUS_MS_MPPE_RECV_KEY		17

/*
 * Why a packet was refused. Every check of the codec, the authenticators
 * and the client has its own value, so counters and logs say exactly what
 * was wrong; radius_strerror() gives the text.
 */
enum radius_err {
	RADIUS_OK = 0,
	RADIUS_E_SHORT,		/* fewer than 20 octets */
	RADIUS_E_TOO_LONG,	/* more than 4096 octets */
	RADIUS_E_LENGTH,	/* Length field < 20, > 4096 or > datagram */
	RADIUS_E_ATTR_LEN,	/* attribute length 0/1 or past the end */
	RADIUS_E_CODE,		/* code unknown or not expected here */
	RADIUS_E_MA_LEN,	/* Message-Authenticator not 18 octets, or twice */
	RADIUS_E_NO_MA,		/* Message-Authenticator missing */
	RADIUS_E_BAD_MA,	/* Message-Authenticator does not verify */
	RADIUS_E_BAD_AUTH,	/* Request/Response Authenticator wrong */
	RADIUS_E_UNKNOWN_ID,	/* reply to no outstanding request */
	RADIUS_E_DUPLICATE,	/* reply to a request already answered */
	RADIUS_E_NO_SPACE,	/* builder: packet or attribute too long */
	RADIUS_E_VALUE,		/* attribute value malformed */
	RADIUS_E_CRYPTO,	/* OpenSSL failed */
	RADIUS_E_MAX
};

const char *radius_strerror(enum radius_err err);
const char *radius_code_name(uint8_t code);
/* Codes this implementation knows (the enum above). */
bool radius_code_known(uint8_t code);

struct radius_msg {
	size_t len;			/* == the Length field */
	uint8_t buf[RADIUS_MAX_LEN];
};

static inline uint8_t radius_msg_code(const struct radius_msg *m)
{
	return m->buf[0];
}

static inline uint8_t radius_msg_id(const struct radius_msg *m)
{
	return m->buf[1];
}

static inline const uint8_t *radius_msg_auth(const struct radius_msg *m)
{
	return m->buf + 4;
}

/*
 * Parse and validate a received datagram into m: size limits, the Length
 * field (octets past it are padding and ignored, RFC 2865 3), every
 * attribute header, a known code, and at most one Message-Authenticator of
 * the right length. Authenticators are checked by radius_auth.h.
 */
enum radius_err radius_msg_parse(struct radius_msg *m, const void *data,
				 size_t len);

/* Builder: start a packet (authenticator zeroed), then append. */
void radius_msg_init(struct radius_msg *m, uint8_t code, uint8_t id);
enum radius_err radius_msg_add(struct radius_msg *m, uint8_t type,
			       const void *data, size_t len);
enum radius_err radius_msg_add_u32(struct radius_msg *m, uint8_t type,
				   uint32_t v);
enum radius_err radius_msg_add_str(struct radius_msg *m, uint8_t type,
				   const char *s);
/* Vendor-Specific (RFC 2865 5.26) with one vendor attribute. */
enum radius_err radius_msg_add_vsa(struct radius_msg *m, uint32_t vendor,
				   uint8_t vtype, const void *data,
				   size_t len);
/* EAP-Message: split into as many attributes as needed (RFC 3579 3.1). */
enum radius_err radius_msg_add_eap(struct radius_msg *m, const void *eap,
				   size_t len);
/* Append a zeroed Message-Authenticator unless there is one; returns the
 * offset of its value in m->buf, or 0 if there is no room. */
size_t radius_msg_add_ma(struct radius_msg *m);

/* Attribute walk over a parsed or built message. */
struct radius_attr_iter {
	size_t pos;
};

static inline void radius_attr_iter_init(struct radius_attr_iter *it)
{
	it->pos = RADIUS_HDR_LEN;
}

/* Next attribute: true and type/value/length, or false at the end. */
bool radius_attr_next(const struct radius_msg *m, struct radius_attr_iter *it,
		      uint8_t *type, const uint8_t **val, size_t *len);

/* First attribute of a type, NULL if absent. */
const uint8_t *radius_msg_find(const struct radius_msg *m, uint8_t type,
			       size_t *len);
/* Offset in m->buf of the first attribute header of a type, or 0. */
size_t radius_msg_find_off(const struct radius_msg *m, uint8_t type);
/* An Integer attribute (4 octets). */
bool radius_msg_get_u32(const struct radius_msg *m, uint8_t type,
			uint32_t *v);
/* First vendor attribute (vendor, vtype) in a well-formed VSA, or NULL. */
const uint8_t *radius_msg_find_vsa(const struct radius_msg *m,
				   uint32_t vendor, uint8_t vtype,
				   size_t *len);
/* Concatenated EAP-Message attributes; returns the length, 0 if none, or
 * -1 if out is too small. */
long radius_msg_get_eap(const struct radius_msg *m, uint8_t *out,
			size_t max);
/* Remove every attribute of a type (used to re-encode requests). */
void radius_msg_del(struct radius_msg *m, uint8_t type);

/* A Calling-Station-Id (RFC 3580 3.21) as servers write it:
 * "02-00-00-00-01-00", "02:00:00:00:01:00", "0200.0000.0100",
 * "020000000100", either case. */
bool radius_station_id_parse(const uint8_t *v, size_t len, uint8_t mac[6]);

#endif
