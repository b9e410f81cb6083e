// SPDX-License-Identifier: GPL-2.0-only
/* The Portal protocol's packets (see portal_msg.h, docs/portal.md). */
#include <string.h>

#include <openssl/crypto.h>

#include "portal/portal_msg.h"
#include "radius/radius_auth.h"

static const uint8_t zero16[PORTAL_AUTH_LEN];

static size_t hdr_len(uint8_t ver)
{
	return ver == PORTAL_V2 ? PORTAL_HDR_V2 : PORTAL_HDR_V1;
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/* May an attribute of type t have a value of len bytes? Types this AC
 * does not know (vendors' own) may have any length. */
static bool attr_len_ok(uint8_t t, size_t len)
{
	switch (t) {
	case PORTAL_A_USERNAME:
		return len >= 1;
	case PORTAL_A_CHALLENGE:
	case PORTAL_A_CHAP_PASSWORD:
	case PORTAL_A_BAS_IPV6:
		return len == 16;
	case PORTAL_A_UP_FLUX:
	case PORTAL_A_DOWN_FLUX:
		return len == 0 || len == 8;	/* empty in REQ_INFO */
	case PORTAL_A_IP_CONFIG:
	case PORTAL_A_BAS_IP:
		return len == 4;
	case PORTAL_A_SESSION_ID:
		return len == 6;
	case PORTAL_A_USER_LIST:
		return len % 4 == 0;
	case PORTAL_A_USER_IPV6_LIST:
		return len % 16 == 0;
	default:
		return true;
	}
}

static bool type_known(uint8_t t)
{
	return t >= PORTAL_REQ_CHALLENGE && t <= PORTAL_AFF_NTF_USER_NOTIFY;
}

enum portal_err portal_parse(const uint8_t *buf, size_t len,
			     struct portal_pkt *p)
{
	size_t off, hl;
	unsigned int i;

	memset(p, 0, sizeof(*p));
	if (len > PORTAL_MAX_LEN)
		return PORTAL_E_TOO_LONG;
	if (len < PORTAL_HDR_V1)
		return PORTAL_E_SHORT;
	if (buf[0] != PORTAL_V1 && buf[0] != PORTAL_V2)
		return PORTAL_E_VERSION;
	hl = hdr_len(buf[0]);
	if (len < hl)
		return PORTAL_E_SHORT;
	p->ver = buf[0];
	p->type = buf[1];
	p->auth_type = buf[2];
	p->serial = get16(buf + 4);
	p->req_id = get16(buf + 6);
	p->user_ip = (uint32_t)buf[8] << 24 | (uint32_t)buf[9] << 16 |
		     (uint32_t)buf[10] << 8 | buf[11];
	p->user_port = get16(buf + 12);
	p->err = buf[14];
	p->attr_num = buf[15];
	if (p->ver == PORTAL_V2)
		memcpy(p->authenticator, buf + 16, PORTAL_AUTH_LEN);
	if (!type_known(p->type))
		return PORTAL_E_TYPE;
	if (p->auth_type != PORTAL_CHAP && p->auth_type != PORTAL_PAP)
		return PORTAL_E_AUTH_TYPE;
	if (p->attr_num > PORTAL_MAX_ATTRS)
		return PORTAL_E_TOO_MANY;
	off = hl;
	for (i = 0; i < p->attr_num; i++) {
		uint8_t alen;

		if (len - off < 2)
			return PORTAL_E_ATTR_TRUNC;
		alen = buf[off + 1];
		/* the length counts the type and length bytes */
		if (alen < 2 || alen > len - off)
			return PORTAL_E_ATTR_TRUNC;
		if (!attr_len_ok(buf[off], alen - 2u))
			return PORTAL_E_ATTR_LEN;
		p->attrs[i].type = buf[off];
		p->attrs[i].len = (uint8_t)(alen - 2);
		p->attrs[i].val = buf + off + 2;
		off += alen;
	}
	if (off != len)
		return PORTAL_E_TRAILING;
	return PORTAL_OK;
}

const struct portal_attr_view *portal_attr(const struct portal_pkt *p,
					   uint8_t t)
{
	unsigned int i;

	for (i = 0; i < p->attr_num && i < PORTAL_MAX_ATTRS; i++)
		if (p->attrs[i].type == t)
			return &p->attrs[i];
	return NULL;
}

bool portal_type_is_response(uint8_t type)
{
	switch (type) {
	case PORTAL_ACK_CHALLENGE:
	case PORTAL_ACK_AUTH:
	case PORTAL_ACK_LOGOUT:
	case PORTAL_ACK_INFO:
	case PORTAL_ACK_NTF_LOGOUT:
	case PORTAL_ACK_NTF_USER_HEARTBEAT:
		return true;
	default:
		return false;
	}
}

enum portal_err portal_authenticator(const uint8_t *buf, size_t len,
				     const uint8_t *req_auth,
				     const struct portal_secret *s,
				     uint8_t out[PORTAL_AUTH_LEN])
{
	if (len < PORTAL_HDR_V2)
		return PORTAL_E_SHORT;
	if (radius_md5(out, buf, (size_t)16, req_auth ? req_auth : zero16,
		       (size_t)PORTAL_AUTH_LEN, buf + PORTAL_HDR_V2,
		       len - PORTAL_HDR_V2, s->data, s->len, NULL))
		return PORTAL_E_CRYPTO;
	return PORTAL_OK;
}

static enum portal_err check(const uint8_t *buf, size_t len,
			     const struct portal_pkt *p,
			     const uint8_t *req_auth,
			     const struct portal_secret *s)
{
	uint8_t want[PORTAL_AUTH_LEN];
	enum portal_err e;

	if (p->ver != PORTAL_V2)
		return PORTAL_OK;
	e = portal_authenticator(buf, len, req_auth, s, want);
	if (e)
		return e;
	if (CRYPTO_memcmp(want, p->authenticator, PORTAL_AUTH_LEN))
		return PORTAL_E_AUTHENTICATOR;
	return PORTAL_OK;
}

enum portal_err portal_check_request(const uint8_t *buf, size_t len,
				     const struct portal_pkt *p,
				     const struct portal_secret *s)
{
	return check(buf, len, p, NULL, s);
}

enum portal_err portal_check_response(const uint8_t *buf, size_t len,
				      const struct portal_pkt *p,
				      const uint8_t *req_auth,
				      const struct portal_secret *s)
{
	return check(buf, len, p, req_auth, s);
}

void portal_build_start(struct portal_builder *b, uint8_t ver, uint8_t type,
			uint8_t auth_type, uint16_t serial, uint16_t req_id,
			uint32_t user_ip, uint8_t err)
{
	memset(b, 0, sizeof(*b));
	if (ver != PORTAL_V1 && ver != PORTAL_V2) {
		b->err = PORTAL_E_VERSION;
		return;
	}
	b->buf[0] = ver;
	b->buf[1] = type;
	b->buf[2] = auth_type;
	put16(b->buf + 4, serial);
	put16(b->buf + 6, req_id);
	b->buf[8] = (uint8_t)(user_ip >> 24);
	b->buf[9] = (uint8_t)(user_ip >> 16);
	b->buf[10] = (uint8_t)(user_ip >> 8);
	b->buf[11] = (uint8_t)user_ip;
	b->buf[14] = err;
	b->len = hdr_len(ver);
}

void portal_build_attr(struct portal_builder *b, uint8_t type,
		       const void *val, size_t len)
{
	if (b->err)
		return;
	if (len > 253 || !attr_len_ok(type, len)) {
		b->err = PORTAL_E_ATTR_LEN;
		return;
	}
	if (b->buf[15] == 255) {
		b->err = PORTAL_E_ATTR_COUNT;
		return;
	}
	if (sizeof(b->buf) - b->len < len + 2) {
		b->err = PORTAL_E_NOSPACE;
		return;
	}
	b->buf[b->len] = type;
	b->buf[b->len + 1] = (uint8_t)(len + 2);
	if (len)
		memcpy(b->buf + b->len + 2, val, len);
	b->len += len + 2;
	b->buf[15]++;
}

enum portal_err portal_build_finish(struct portal_builder *b,
				    const uint8_t *req_auth,
				    const struct portal_secret *s)
{
	uint8_t a[PORTAL_AUTH_LEN];

	if (b->err || b->buf[0] != PORTAL_V2)
		return b->err;
	b->err = portal_authenticator(b->buf, b->len, req_auth, s, a);
	if (!b->err)
		memcpy(b->buf + 16, a, PORTAL_AUTH_LEN);
	return b->err;
}

void portal_chap_password(uint16_t req_id, const uint8_t chap_pw[16],
			  uint8_t out[17])
{
	out[0] = (uint8_t)req_id;
	memcpy(out + 1, chap_pw, 16);
}

const char *portal_type_name(uint8_t type)
{
	static const char *const names[] = {
		[PORTAL_REQ_CHALLENGE] = "REQ_CHALLENGE",
		[PORTAL_ACK_CHALLENGE] = "ACK_CHALLENGE",
		[PORTAL_REQ_AUTH] = "REQ_AUTH",
		[PORTAL_ACK_AUTH] = "ACK_AUTH",
		[PORTAL_REQ_LOGOUT] = "REQ_LOGOUT",
		[PORTAL_ACK_LOGOUT] = "ACK_LOGOUT",
		[PORTAL_AFF_ACK_AUTH] = "AFF_ACK_AUTH",
		[PORTAL_NTF_LOGOUT] = "NTF_LOGOUT",
		[PORTAL_REQ_INFO] = "REQ_INFO",
		[PORTAL_ACK_INFO] = "ACK_INFO",
		[PORTAL_NTF_USERDISCOVER] = "NTF_USERDISCOVER",
		[PORTAL_NTF_USERIPCHANGE] = "NTF_USERIPCHANGE",
		[PORTAL_AFF_NTF_USERIPCHAN] = "AFF_NTF_USERIPCHAN",
		[PORTAL_ACK_NTF_LOGOUT] = "ACK_NTF_LOGOUT",
		[PORTAL_NTF_HEARTBEAT] = "NTF_HEARTBEAT",
		[PORTAL_NTF_USER_HEARTBEAT] = "NTF_USER_HEARTBEAT",
		[PORTAL_ACK_NTF_USER_HEARTBEAT] = "ACK_NTF_USER_HEARTBEAT",
		[PORTAL_NTF_CHALLENGE] = "NTF_CHALLENGE",
		[PORTAL_NTF_USER_NOTIFY] = "NTF_USER_NOTIFY",
		[PORTAL_AFF_NTF_USER_NOTIFY] = "AFF_NTF_USER_NOTIFY",
	};

	if (type < sizeof(names) / sizeof(names[0]) && names[type])
		return names[type];
	return "unknown";
}

const char *portal_strerror(enum portal_err e)
{
	switch (e) {
	case PORTAL_OK:
		return "ok";
	case PORTAL_E_SHORT:
		return "shorter than the Portal header";
	case PORTAL_E_VERSION:
		return "unknown or unexpected protocol version";
	case PORTAL_E_TYPE:
		return "unknown packet type";
	case PORTAL_E_AUTH_TYPE:
		return "Pap/Chap field is neither CHAP (0) nor PAP (1)";
	case PORTAL_E_ATTR_TRUNC:
		return "attributes run past the end of the packet (AttrNum or an attribute length)";
	case PORTAL_E_ATTR_LEN:
		return "attribute length not allowed for its type";
	case PORTAL_E_TRAILING:
		return "bytes after the last attribute";
	case PORTAL_E_TOO_MANY:
		return "too many attributes";
	case PORTAL_E_TOO_LONG:
		return "packet too long";
	case PORTAL_E_AUTHENTICATOR:
		return "v2 Authenticator mismatch (wrong shared secret or altered packet)";
	case PORTAL_E_CRYPTO:
		return "MD5 failed";
	case PORTAL_E_NOSPACE:
		return "packet would not fit";
	case PORTAL_E_ATTR_COUNT:
		return "more than 255 attributes";
	}
	return "unknown error";
}
