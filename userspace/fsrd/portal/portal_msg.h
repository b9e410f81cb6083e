/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Portal protocol's packets between a portal server and the access
 * controller (China Mobile WLAN Portal / Huawei Portal, docs/portal.md),
 * both framings: v1 (CMCC, 16-byte header) and v2 (Huawei, 32 bytes with
 * an MD5 Authenticator over the packet and the shared secret). Pure:
 * parse, check and build; no I/O. Every length comes from the UDP
 * payload: the packet has no length field of its own.
 */
#ifndef FSRD_PORTAL_MSG_H
#define FSRD_PORTAL_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PORTAL_V1 1
#define PORTAL_V2 2
#define PORTAL_HDR_V1 16
#define PORTAL_HDR_V2 32
#define PORTAL_AUTH_LEN 16
/* Our receive buffer and the largest packet we build; a real packet has
 * a handful of attributes of at most 255 bytes each. */
#define PORTAL_MAX_LEN 2048
/* Attributes kept by the parser; a packet with more is refused. */
#define PORTAL_MAX_ATTRS 32
#define PORTAL_SECRET_MAX 64

/* Pap/Chap field */
#define PORTAL_CHAP 0
#define PORTAL_PAP 1

enum portal_type {
	PORTAL_REQ_CHALLENGE = 0x01,
	PORTAL_ACK_CHALLENGE = 0x02,
	PORTAL_REQ_AUTH = 0x03,
	PORTAL_ACK_AUTH = 0x04,
	PORTAL_REQ_LOGOUT = 0x05,
	PORTAL_ACK_LOGOUT = 0x06,
	PORTAL_AFF_ACK_AUTH = 0x07,
	PORTAL_NTF_LOGOUT = 0x08,
	PORTAL_REQ_INFO = 0x09,
	PORTAL_ACK_INFO = 0x0a,
	PORTAL_NTF_USERDISCOVER = 0x0b,
	PORTAL_NTF_USERIPCHANGE = 0x0c,
	PORTAL_AFF_NTF_USERIPCHAN = 0x0d,
	PORTAL_ACK_NTF_LOGOUT = 0x0e,
	PORTAL_NTF_HEARTBEAT = 0x0f,
	PORTAL_NTF_USER_HEARTBEAT = 0x10,
	PORTAL_ACK_NTF_USER_HEARTBEAT = 0x11,
	PORTAL_NTF_CHALLENGE = 0x12,
	PORTAL_NTF_USER_NOTIFY = 0x13,
	PORTAL_AFF_NTF_USER_NOTIFY = 0x14,
};

enum portal_attr {
	PORTAL_A_USERNAME = 1,
	PORTAL_A_PASSWORD = 2,
	PORTAL_A_CHALLENGE = 3,
	PORTAL_A_CHAP_PASSWORD = 4,
	PORTAL_A_TEXT_INFO = 5,
	PORTAL_A_UP_FLUX = 6,
	PORTAL_A_DOWN_FLUX = 7,
	PORTAL_A_PORT = 8,
	PORTAL_A_IP_CONFIG = 9,
	PORTAL_A_BAS_IP = 10,
	PORTAL_A_SESSION_ID = 11,	/* the station's MAC address */
	PORTAL_A_DELAY_TIME = 12,
	PORTAL_A_USER_LIST = 13,
	PORTAL_A_EAP_MESSAGE = 14,
	PORTAL_A_USER_NOTIFY = 15,
	PORTAL_A_BAS_IPV6 = 100,
	PORTAL_A_USER_IPV6_LIST = 101,
};

/* ErrCode of ACK_CHALLENGE and ACK_AUTH */
enum portal_ack_auth_err {
	PORTAL_AUTH_OK = 0,
	PORTAL_AUTH_REJECTED = 1,
	PORTAL_AUTH_ONLINE = 2,		/* connection already established */
	PORTAL_AUTH_BUSY = 3,		/* another authentication under way */
	PORTAL_AUTH_FAILED = 4,
};

/* ErrCode of ACK_LOGOUT */
enum portal_ack_logout_err {
	PORTAL_LOGOUT_OK = 0,
	PORTAL_LOGOUT_REJECTED = 1,
	PORTAL_LOGOUT_FAILED = 2,
};

/* ErrCode of ACK_INFO */
enum portal_ack_info_err {
	PORTAL_INFO_OK = 0,
	PORTAL_INFO_UNSUPPORTED = 1,
	PORTAL_INFO_FAILED = 2,
};

/* ErrCode of REQ_LOGOUT: 1 = the portal's timeout notice (no answer) */
#define PORTAL_LOGOUT_TIMEOUT_NOTICE 1

enum portal_err {
	PORTAL_OK = 0,
	PORTAL_E_SHORT,		/* shorter than its header */
	PORTAL_E_VERSION,	/* Ver not 1 or 2, or not the one expected */
	PORTAL_E_TYPE,		/* a Type this AC does not know */
	PORTAL_E_AUTH_TYPE,	/* Pap/Chap neither 0 nor 1 */
	PORTAL_E_ATTR_TRUNC,	/* AttrNum past the end, or an attribute
				 * whose length runs past it or is < 2 */
	PORTAL_E_ATTR_LEN,	/* a value length its type cannot have */
	PORTAL_E_TRAILING,	/* bytes after the last attribute */
	PORTAL_E_TOO_MANY,	/* more than PORTAL_MAX_ATTRS attributes */
	PORTAL_E_TOO_LONG,	/* longer than PORTAL_MAX_LEN */
	PORTAL_E_AUTHENTICATOR,	/* v2 Authenticator does not match */
	PORTAL_E_CRYPTO,	/* MD5 failed (OpenSSL) */
	PORTAL_E_NOSPACE,	/* building: the packet would not fit */
	PORTAL_E_ATTR_COUNT,	/* building: 255 attributes already */
};

struct portal_attr_view {
	uint8_t type;
	uint8_t len;		/* of the value */
	const uint8_t *val;	/* into the parsed buffer */
};

/* A parsed packet; its attribute values point into the buffer parsed. */
struct portal_pkt {
	uint8_t ver;
	uint8_t type;
	uint8_t auth_type;	/* PORTAL_CHAP or PORTAL_PAP */
	uint16_t serial;
	uint16_t req_id;
	uint32_t user_ip;	/* host order */
	uint16_t user_port;
	uint8_t err;
	uint8_t attr_num;
	uint8_t authenticator[PORTAL_AUTH_LEN];	/* v2 */
	struct portal_attr_view attrs[PORTAL_MAX_ATTRS];
};

struct portal_secret {
	uint8_t data[PORTAL_SECRET_MAX];
	size_t len;
};

/*
 * Parse buf[0..len) and check its form: header, known Type, every
 * attribute inside the packet with a length its type allows, nothing
 * after the last. The v2 Authenticator is not checked here (it needs the
 * secret and, for a response, the request): portal_check_request() and
 * portal_check_response().
 */
enum portal_err portal_parse(const uint8_t *buf, size_t len,
			     struct portal_pkt *p);

/* The first attribute of type t, or NULL. */
const struct portal_attr_view *portal_attr(const struct portal_pkt *p,
					   uint8_t t);

/* Does the AC compute this type's v2 Authenticator as a response (over
 * the request's Authenticator) rather than as a request (16 zeros)? */
bool portal_type_is_response(uint8_t type);

/*
 * v2: MD5(header bytes 0..15 || A || attributes || secret) where A is 16
 * zero bytes for a request and the request's Authenticator for a
 * response; buf is the whole packet (len >= PORTAL_HDR_V2).
 */
enum portal_err portal_authenticator(const uint8_t *buf, size_t len,
				     const uint8_t *req_auth,
				     const struct portal_secret *s,
				     uint8_t out[PORTAL_AUTH_LEN]);

/* v2 request received (REQ_*, AFF_*, NTF_* from the portal): its
 * Authenticator matches. v1: PORTAL_OK. */
enum portal_err portal_check_request(const uint8_t *buf, size_t len,
				     const struct portal_pkt *p,
				     const struct portal_secret *s);
/* v2 response received (ACK_NTF_LOGOUT) to the request whose
 * Authenticator was req_auth. v1: PORTAL_OK. */
enum portal_err portal_check_response(const uint8_t *buf, size_t len,
				      const struct portal_pkt *p,
				      const uint8_t *req_auth,
				      const struct portal_secret *s);

/* Building a packet: header, then attributes, then finish. */
struct portal_builder {
	uint8_t buf[PORTAL_MAX_LEN];
	size_t len;
	enum portal_err err;	/* the first error; later calls do nothing */
};

void portal_build_start(struct portal_builder *b, uint8_t ver, uint8_t type,
			uint8_t auth_type, uint16_t serial, uint16_t req_id,
			uint32_t user_ip, uint8_t err);
void portal_build_attr(struct portal_builder *b, uint8_t type,
		       const void *val, size_t len);
/* v2: sign as a request (req_auth NULL) or as the response to the
 * request whose Authenticator was req_auth; v1: nothing to sign. Returns
 * b->err. */
enum portal_err portal_build_finish(struct portal_builder *b,
				    const uint8_t *req_auth,
				    const struct portal_secret *s);

/*
 * RADIUS CHAP-Password (RFC 2865: CHAP Ident || response) of a Portal
 * CHAP login: the Ident is the low byte of the ReqID the AC gave in
 * ACK_CHALLENGE, the response the portal's ChapPassWord.
 */
void portal_chap_password(uint16_t req_id, const uint8_t chap_pw[16],
			  uint8_t out[17]);

const char *portal_type_name(uint8_t type);
const char *portal_strerror(enum portal_err e);

#endif /* FSRD_PORTAL_MSG_H */
