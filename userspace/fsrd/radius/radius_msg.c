// SPDX-License-Identifier: GPL-2.0-only
/* RADIUS packet codec: validation, builder, attribute lookups. */
#include <string.h>

#include "radius/radius_msg.h"

static const char *const err_names[RADIUS_E_MAX] = {
	[RADIUS_OK] = "ok",
	[RADIUS_E_SHORT] = "packet shorter than the 20-octet header",
	[RADIUS_E_TOO_LONG] = "packet longer than 4096 octets",
	[RADIUS_E_LENGTH] = "Length field does not match the packet",
	[RADIUS_E_ATTR_LEN] = "attribute length below 2 or past the end",
	[RADIUS_E_CODE] = "unknown or unexpected code",
	[RADIUS_E_MA_LEN] = "malformed or repeated Message-Authenticator",
	[RADIUS_E_NO_MA] = "Message-Authenticator missing",
	[RADIUS_E_BAD_MA] = "Message-Authenticator does not verify",
	[RADIUS_E_BAD_AUTH] = "authenticator does not verify",
	[RADIUS_E_UNKNOWN_ID] = "no outstanding request with this identifier",
	[RADIUS_E_DUPLICATE] = "duplicate of a reply already received",
	[RADIUS_E_NO_SPACE] = "attribute or packet too long",
	[RADIUS_E_VALUE] = "malformed attribute value",
	[RADIUS_E_CRYPTO] = "cryptographic operation failed",
};

const char *radius_strerror(enum radius_err err)
{
	if ((unsigned int)err >= RADIUS_E_MAX)
		return "unknown error";
	return err_names[err];
}

const char *radius_code_name(uint8_t code)
{
	switch (code) {
	case RADIUS_ACCESS_REQUEST: return "Access-Request";
	case RADIUS_ACCESS_ACCEPT: return "Access-Accept";
	case RADIUS_ACCESS_REJECT: return "Access-Reject";
	case RADIUS_ACCOUNTING_REQUEST: return "Accounting-Request";
	case RADIUS_ACCOUNTING_RESPONSE: return "Accounting-Response";
	case RADIUS_ACCESS_CHALLENGE: return "Access-Challenge";
	case RADIUS_DISCONNECT_REQUEST: return "Disconnect-Request";
	case RADIUS_DISCONNECT_ACK: return "Disconnect-ACK";
	case RADIUS_DISCONNECT_NAK: return "Disconnect-NAK";
	case RADIUS_COA_REQUEST: return "CoA-Request";
	case RADIUS_COA_ACK: return "CoA-ACK";
	case RADIUS_COA_NAK: return "CoA-NAK";
	}
	return "unknown";
}

bool radius_code_known(uint8_t code)
{
	return strcmp(radius_code_name(code), "unknown") != 0;
}

static size_t get_len16(const uint8_t *p)
{
	return (size_t)p[0] << 8 | p[1];
}

enum radius_err radius_msg_parse(struct radius_msg *m, const void *data,
				 size_t len)
{
	const uint8_t *p = data;
	size_t plen, pos;
	bool have_ma = false;

	m->len = 0;
	if (len < RADIUS_HDR_LEN)
		return RADIUS_E_SHORT;
	if (len > RADIUS_MAX_LEN)
		return RADIUS_E_TOO_LONG;
	plen = get_len16(p + 2);
	/* shorter than the header, or more than was received: discard */
	if (plen < RADIUS_HDR_LEN || plen > len)
		return RADIUS_E_LENGTH;
	if (!radius_code_known(p[0]))
		return RADIUS_E_CODE;
	for (pos = RADIUS_HDR_LEN; pos < plen; pos += p[pos + 1]) {
		if (pos + 2 > plen || p[pos + 1] < 2 ||
		    pos + p[pos + 1] > plen)
			return RADIUS_E_ATTR_LEN;
		if (p[pos] == RADIUS_ATTR_MESSAGE_AUTHENTICATOR) {
			if (have_ma || p[pos + 1] != 2 + RADIUS_MA_LEN)
				return RADIUS_E_MA_LEN;
			have_ma = true;
		}
	}
	memcpy(m->buf, p, plen);
	m->len = plen;
	return RADIUS_OK;
}

static void put_len(struct radius_msg *m)
{
	m->buf[2] = m->len >> 8;
	m->buf[3] = m->len & 0xff;
}

void radius_msg_init(struct radius_msg *m, uint8_t code, uint8_t id)
{
	memset(m->buf, 0, RADIUS_HDR_LEN);
	m->buf[0] = code;
	m->buf[1] = id;
	m->len = RADIUS_HDR_LEN;
	put_len(m);
}

enum radius_err radius_msg_add(struct radius_msg *m, uint8_t type,
			       const void *data, size_t len)
{
	if (len > RADIUS_ATTR_MAX_DATA || m->len + 2 + len > RADIUS_MAX_LEN)
		return RADIUS_E_NO_SPACE;
	m->buf[m->len] = type;
	m->buf[m->len + 1] = (uint8_t)(2 + len);
	if (len)
		memcpy(m->buf + m->len + 2, data, len);
	m->len += 2 + len;
	put_len(m);
	return RADIUS_OK;
}

enum radius_err radius_msg_add_u32(struct radius_msg *m, uint8_t type,
				   uint32_t v)
{
	uint8_t b[4] = { v >> 24, v >> 16, v >> 8, v };

	return radius_msg_add(m, type, b, 4);
}

enum radius_err radius_msg_add_str(struct radius_msg *m, uint8_t type,
				   const char *s)
{
	/* RFC 2865 5: text and string attributes are never empty */
	if (!*s)
		return RADIUS_E_VALUE;
	return radius_msg_add(m, type, s, strlen(s));
}

enum radius_err radius_msg_add_vsa(struct radius_msg *m, uint32_t vendor,
				   uint8_t vtype, const void *data,
				   size_t len)
{
	uint8_t b[RADIUS_ATTR_MAX_DATA];

	if (len > RADIUS_ATTR_MAX_DATA - 6)
		return RADIUS_E_NO_SPACE;
	b[0] = vendor >> 24;
	b[1] = vendor >> 16;
	b[2] = vendor >> 8;
	b[3] = vendor;
	b[4] = vtype;
	b[5] = (uint8_t)(2 + len);
	memcpy(b + 6, data, len);
	return radius_msg_add(m, RADIUS_ATTR_VENDOR_SPECIFIC, b, 6 + len);
}

enum radius_err radius_msg_add_eap(struct radius_msg *m, const void *eap,
				   size_t len)
{
	const uint8_t *p = eap;
	size_t need = len + 2 * ((len + RADIUS_ATTR_MAX_DATA - 1) /
				 RADIUS_ATTR_MAX_DATA);

	if (!len)
		return RADIUS_E_VALUE;
	if (m->len + need > RADIUS_MAX_LEN)
		return RADIUS_E_NO_SPACE;
	while (len) {
		size_t n = len > RADIUS_ATTR_MAX_DATA ? RADIUS_ATTR_MAX_DATA :
							len;

		radius_msg_add(m, RADIUS_ATTR_EAP_MESSAGE, p, n);
		p += n;
		len -= n;
	}
	return RADIUS_OK;
}

size_t radius_msg_add_ma(struct radius_msg *m)
{
	static const uint8_t zero[RADIUS_MA_LEN];
	size_t off = radius_msg_find_off(m, RADIUS_ATTR_MESSAGE_AUTHENTICATOR);

	if (off)
		return off + 2;
	off = m->len;
	if (radius_msg_add(m, RADIUS_ATTR_MESSAGE_AUTHENTICATOR, zero,
			   sizeof(zero)))
		return 0;
	return off + 2;
}

bool radius_attr_next(const struct radius_msg *m, struct radius_attr_iter *it,
		      uint8_t *type, const uint8_t **val, size_t *len)
{
	size_t pos = it->pos;

	/* built and parsed messages are well-formed; stay safe anyway */
	if (pos + 2 > m->len || m->buf[pos + 1] < 2 ||
	    pos + m->buf[pos + 1] > m->len)
		return false;
	*type = m->buf[pos];
	*len = m->buf[pos + 1] - 2u;
	*val = m->buf + pos + 2;
	it->pos = pos + m->buf[pos + 1];
	return true;
}

size_t radius_msg_find_off(const struct radius_msg *m, uint8_t type)
{
	struct radius_attr_iter it;
	const uint8_t *v;
	uint8_t t;
	size_t l, at;

	radius_attr_iter_init(&it);
	for (at = it.pos; radius_attr_next(m, &it, &t, &v, &l); at = it.pos)
		if (t == type)
			return at;
	return 0;
}

const uint8_t *radius_msg_find(const struct radius_msg *m, uint8_t type,
			       size_t *len)
{
	size_t off = radius_msg_find_off(m, type);

	if (!off)
		return NULL;
	*len = m->buf[off + 1] - 2u;
	return m->buf + off + 2;
}

bool radius_msg_get_u32(const struct radius_msg *m, uint8_t type,
			uint32_t *v)
{
	const uint8_t *p;
	size_t len;

	p = radius_msg_find(m, type, &len);
	if (!p || len != 4)
		return false;
	*v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	     (uint32_t)p[2] << 8 | p[3];
	return true;
}

const uint8_t *radius_msg_find_vsa(const struct radius_msg *m,
				   uint32_t vendor, uint8_t vtype,
				   size_t *len)
{
	struct radius_attr_iter it;
	const uint8_t *v;
	uint8_t t;
	size_t l;

	radius_attr_iter_init(&it);
	while (radius_attr_next(m, &it, &t, &v, &l)) {
		uint32_t vid;
		size_t pos;

		if (t != RADIUS_ATTR_VENDOR_SPECIFIC || l < 4)
			continue;
		vid = (uint32_t)v[0] << 24 | (uint32_t)v[1] << 16 |
		      (uint32_t)v[2] << 8 | v[3];
		if (vid != vendor)
			continue;
		/* RFC 2865 5.26 suggested format: several sub-attributes */
		for (pos = 4; pos + 2 <= l; pos += v[pos + 1]) {
			if (v[pos + 1] < 2 || pos + v[pos + 1] > l)
				break;
			if (v[pos] == vtype) {
				*len = v[pos + 1] - 2u;
				return v + pos + 2;
			}
		}
	}
	return NULL;
}

long radius_msg_get_eap(const struct radius_msg *m, uint8_t *out, size_t max)
{
	struct radius_attr_iter it;
	const uint8_t *v;
	size_t l, n = 0;
	uint8_t t;

	radius_attr_iter_init(&it);
	while (radius_attr_next(m, &it, &t, &v, &l)) {
		if (t != RADIUS_ATTR_EAP_MESSAGE)
			continue;
		if (n + l > max)
			return -1;
		memcpy(out + n, v, l);
		n += l;
	}
	return (long)n;
}

void radius_msg_del(struct radius_msg *m, uint8_t type)
{
	size_t off;

	while ((off = radius_msg_find_off(m, type))) {
		size_t alen = m->buf[off + 1];

		memmove(m->buf + off, m->buf + off + alen, m->len - off - alen);
		m->len -= alen;
		/* no stale copy of the removed value stays behind */
		memset(m->buf + m->len, 0, alen);
		put_len(m);
	}
}

static int hex_nibble(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

bool radius_station_id_parse(const uint8_t *v, size_t len, uint8_t mac[6])
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		char ch = (char)v[i];
		int x;

		if (ch == '-' || ch == ':' || ch == '.')
			continue;
		x = hex_nibble(ch);
		if (x < 0 || n == 12)
			return false;
		if (n % 2 == 0)
			mac[n / 2] = (uint8_t)(x << 4);
		else
			mac[n / 2] |= (uint8_t)x;
		n++;
	}
	return n == 12;
}
