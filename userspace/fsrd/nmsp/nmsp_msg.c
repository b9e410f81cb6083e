// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsr-nmsp/1 message codec (nmsp_msg.h, docs/nmsp.md). Pure: no I/O, no
 * state, no allocation; every octet from the peer is length-checked here
 * before anything reads it (fuzzed by tests/fuzz/fuzz_nmsp.c).
 */
#include "nmsp/nmsp_msg.h"

#include <errno.h>
#include <string.h>

#define B(t)	(1u << (t))

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static uint64_t get64(const uint8_t *p)
{
	return (uint64_t)get32(p) << 32 | get32(p + 4);
}

static void set16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void set32(uint8_t *p, uint32_t v)
{
	set16(p, (uint16_t)(v >> 16));
	set16(p + 2, (uint16_t)v);
}

static void set64(uint8_t *p, uint64_t v)
{
	set32(p, (uint32_t)(v >> 32));
	set32(p + 4, (uint32_t)v);
}

/* Which TLVs each message type must and may carry. */
static const struct {
	uint32_t need;
	uint32_t may;
} nmsp_rules[NMSP_TYPE_MAX + 1] = {
	[NMSP_INIT_REQ] = { B(NMSP_T_MAC) | B(NMSP_T_VERSION_MIN) |
			    B(NMSP_T_VERSION_MAX), B(NMSP_T_NAME) },
	[NMSP_INIT_RESP] = { B(NMSP_T_STATUS), B(NMSP_T_VERSION) |
			     B(NMSP_T_SERVICES) | B(NMSP_T_TEXT) },
	[NMSP_ECHO_REQ] = { B(NMSP_T_TIMESTAMP), 0 },
	[NMSP_ECHO_RESP] = { B(NMSP_T_TIMESTAMP), 0 },
	[NMSP_SUBSCRIBE_REQ] = { B(NMSP_T_SERVICE) | B(NMSP_T_INTERVAL),
				 B(NMSP_T_THRESHOLD) },
	[NMSP_SUBSCRIBE_RESP] = { B(NMSP_T_STATUS) | B(NMSP_T_SERVICE),
				  B(NMSP_T_TEXT) },
	[NMSP_UNSUBSCRIBE_REQ] = { B(NMSP_T_SERVICE), 0 },
	[NMSP_UNSUBSCRIBE_RESP] = { B(NMSP_T_STATUS) | B(NMSP_T_SERVICE),
				    B(NMSP_T_TEXT) },
	[NMSP_CLIENT_RSSI_NTF] = { B(NMSP_T_RSSI_ENTRY), 0 },
	[NMSP_PROBE_RSSI_NTF] = { B(NMSP_T_RSSI_ENTRY), 0 },
	[NMSP_STATION_EVENT_NTF] = { B(NMSP_T_EVENT) | B(NMSP_T_MAC) |
				     B(NMSP_T_BSSID) | B(NMSP_T_TIMESTAMP),
				     B(NMSP_T_OLD_BSSID) },
	[NMSP_INFO_REQ] = { B(NMSP_T_MAC), 0 },
	[NMSP_INFO_RESP] = { B(NMSP_T_STATUS) | B(NMSP_T_MAC),
			     B(NMSP_T_BSSID) | B(NMSP_T_RSSI_ENTRY) |
			     B(NMSP_T_TIMESTAMP) | B(NMSP_T_TEXT) },
	[NMSP_CLOSE] = { B(NMSP_T_STATUS), B(NMSP_T_TEXT) },
};

/* The value length of each TLV; 0: variable (strings). */
static const uint8_t nmsp_tlv_len[NMSP_T_MAX + 1] = {
	[NMSP_T_MAC] = 6, [NMSP_T_VERSION_MIN] = 1, [NMSP_T_VERSION_MAX] = 1,
	[NMSP_T_STATUS] = 2, [NMSP_T_VERSION] = 1, [NMSP_T_SERVICES] = 4,
	[NMSP_T_TIMESTAMP] = 8, [NMSP_T_SERVICE] = 1, [NMSP_T_INTERVAL] = 4,
	[NMSP_T_THRESHOLD] = 1, [NMSP_T_RSSI_ENTRY] = NMSP_RSSI_ENTRY_LEN,
	[NMSP_T_EVENT] = 1, [NMSP_T_BSSID] = 6, [NMSP_T_OLD_BSSID] = 6,
};

int nmsp_hdr_parse(const uint8_t *buf, size_t len, struct nmsp_hdr *h)
{
	/* The magic as soon as it is there: a stranger is told early. */
	if ((len >= 1 && buf[0] != 'f') || (len >= 2 && buf[1] != 's'))
		return -EPROTO;
	if (len < NMSP_HDR_LEN)
		return -EAGAIN;
	if (buf[2] != NMSP_VERSION)
		return -EPROTONOSUPPORT;
	h->version = buf[2];
	h->type = buf[3];
	h->seq = get32(buf + 4);
	h->length = get32(buf + 8);
	if (h->length > NMSP_MAX_BODY)
		return -EMSGSIZE;
	return 0;
}

/* Printable ASCII of @min..@max octets, copied with its NUL. */
static int get_str(const uint8_t *v, size_t len, size_t min, size_t max,
		   char *out)
{
	size_t i;

	if (len < min || len > max)
		return -EBADMSG;
	for (i = 0; i < len; i++)
		if (v[i] < 0x20 || v[i] > 0x7e)
			return -EBADMSG;
	memcpy(out, v, len);
	out[len] = '\0';
	return 0;
}

static int get_tlv(struct nmsp_msg *m, uint16_t t, const uint8_t *v,
		   size_t len, const uint8_t *tlv)
{
	switch (t) {
	case NMSP_T_MAC:
		memcpy(m->mac, v, 6);
		return 0;
	case NMSP_T_VERSION_MIN:
		m->version_min = v[0];
		return v[0] ? 0 : -EBADMSG;
	case NMSP_T_VERSION_MAX:
		m->version_max = v[0];
		return v[0] ? 0 : -EBADMSG;
	case NMSP_T_NAME:
		return get_str(v, len, 1, NMSP_NAME_MAX, m->name);
	case NMSP_T_STATUS:
		m->status = get16(v);
		return 0;
	case NMSP_T_VERSION:
		m->version = v[0];
		return v[0] ? 0 : -EBADMSG;
	case NMSP_T_SERVICES:
		m->services = get32(v);
		return 0;
	case NMSP_T_TIMESTAMP:
		m->timestamp = get64(v);
		return 0;
	case NMSP_T_SERVICE:
		m->service = v[0];
		return 0;
	case NMSP_T_INTERVAL:
		m->interval_ms = get32(v);
		return 0;
	case NMSP_T_THRESHOLD:
		m->threshold_db = v[0];
		return 0;
	case NMSP_T_RSSI_ENTRY:
		if (!m->n_entries++)
			m->entries = tlv;
		return 0;
	case NMSP_T_EVENT:
		m->event = v[0];
		return v[0] >= NMSP_EV_ASSOC && v[0] <= NMSP_EV_ROAM ?
		       0 : -EBADMSG;
	case NMSP_T_BSSID:
		memcpy(m->bssid, v, 6);
		return 0;
	case NMSP_T_OLD_BSSID:
		memcpy(m->old_bssid, v, 6);
		return 0;
	case NMSP_T_TEXT:
		return get_str(v, len, 0, NMSP_TEXT_MAX, m->text);
	}
	return -EBADMSG;
}

int nmsp_msg_parse(const uint8_t *buf, size_t len, struct nmsp_msg *m)
{
	const uint8_t *body, *end, *p;
	uint32_t need, may;
	int err;

	memset(m, 0, sizeof(*m));
	err = nmsp_hdr_parse(buf, len, &m->hdr);
	if (err)
		return err;
	if (len < NMSP_HDR_LEN + (size_t)m->hdr.length)
		return -EAGAIN;
	if (!m->hdr.type || m->hdr.type > NMSP_TYPE_MAX)
		return -ENOMSG;
	need = nmsp_rules[m->hdr.type].need;
	may = need | nmsp_rules[m->hdr.type].may;
	body = buf + NMSP_HDR_LEN;
	end = body + m->hdr.length;
	for (p = body; p < end;) {
		uint16_t t, l;

		if (end - p < NMSP_TLV_HDR)
			return -EBADMSG;
		t = get16(p);
		l = get16(p + 2);
		if ((size_t)(end - p - NMSP_TLV_HDR) < l)
			return -EBADMSG;
		if (t > NMSP_T_MAX) {
			/* a newer peer's: skipped */
			p += NMSP_TLV_HDR + l;
			continue;
		}
		if (!t || !(may & B(t)))
			return -EBADMSG;
		if ((m->have & B(t)) && t != NMSP_T_RSSI_ENTRY)
			return -EBADMSG;
		if (nmsp_tlv_len[t] && l != nmsp_tlv_len[t])
			return -EBADMSG;
		err = get_tlv(m, t, p + NMSP_TLV_HDR, l, p);
		if (err)
			return err;
		m->have |= B(t);
		p += NMSP_TLV_HDR + l;
	}
	if ((m->have & need) != need)
		return -EBADMSG;
	if (m->hdr.type == NMSP_INIT_REQ && m->version_min > m->version_max)
		return -EBADMSG;
	if (m->hdr.type == NMSP_STATION_EVENT_NTF &&
	    (m->event == NMSP_EV_ROAM) != !!(m->have & B(NMSP_T_OLD_BSSID)))
		return -EBADMSG;
	if (m->entries)
		m->entries_len = (size_t)(end - m->entries);
	return 0;
}

void nmsp_rssi_get(const struct nmsp_msg *m, size_t i, struct nmsp_rssi *r)
{
	const uint8_t *p = m->entries, *end = m->entries + m->entries_len;

	memset(r, 0, sizeof(*r));
	/* nmsp_msg_parse() checked every TLV of this range */
	while (p && p + NMSP_TLV_HDR <= end) {
		uint16_t t = get16(p), l = get16(p + 2);
		const uint8_t *v = p + NMSP_TLV_HDR;

		if (t == NMSP_T_RSSI_ENTRY && !i--) {
			memcpy(r->sta, v, 6);
			memcpy(r->bssid, v + 6, 6);
			r->rssi = (int8_t)v[12];
			r->channel = v[13];
			r->timestamp = get64(v + 14);
			return;
		}
		p = v + l;
	}
}

void nmsp_begin(struct nmsp_out *o, uint8_t *buf, size_t size, uint8_t type,
		uint32_t seq)
{
	o->buf = buf;
	o->size = size;
	o->len = NMSP_HDR_LEN;
	o->overflow = size < NMSP_HDR_LEN;
	if (o->overflow)
		return;
	buf[0] = 'f';
	buf[1] = 's';
	buf[2] = NMSP_VERSION;
	buf[3] = type;
	set32(buf + 4, seq);
	set32(buf + 8, 0);
}

void nmsp_put(struct nmsp_out *o, uint16_t tlv, const void *val, size_t len)
{
	if (o->overflow || len > UINT16_MAX ||
	    o->size - o->len < NMSP_TLV_HDR + len) {
		o->overflow = true;
		return;
	}
	set16(o->buf + o->len, tlv);
	set16(o->buf + o->len + 2, (uint16_t)len);
	if (len)
		memcpy(o->buf + o->len + NMSP_TLV_HDR, val, len);
	o->len += NMSP_TLV_HDR + len;
}

void nmsp_put_u8(struct nmsp_out *o, uint16_t tlv, uint8_t v)
{
	nmsp_put(o, tlv, &v, 1);
}

void nmsp_put_u16(struct nmsp_out *o, uint16_t tlv, uint16_t v)
{
	uint8_t b[2];

	set16(b, v);
	nmsp_put(o, tlv, b, sizeof(b));
}

void nmsp_put_u32(struct nmsp_out *o, uint16_t tlv, uint32_t v)
{
	uint8_t b[4];

	set32(b, v);
	nmsp_put(o, tlv, b, sizeof(b));
}

void nmsp_put_u64(struct nmsp_out *o, uint16_t tlv, uint64_t v)
{
	uint8_t b[8];

	set64(b, v);
	nmsp_put(o, tlv, b, sizeof(b));
}

void nmsp_put_str(struct nmsp_out *o, uint16_t tlv, const char *s)
{
	nmsp_put(o, tlv, s, strlen(s));
}

void nmsp_put_rssi(struct nmsp_out *o, const struct nmsp_rssi *r)
{
	uint8_t b[NMSP_RSSI_ENTRY_LEN];

	memcpy(b, r->sta, 6);
	memcpy(b + 6, r->bssid, 6);
	b[12] = (uint8_t)r->rssi;
	b[13] = r->channel;
	set64(b + 14, r->timestamp);
	nmsp_put(o, NMSP_T_RSSI_ENTRY, b, sizeof(b));
}

int nmsp_end(struct nmsp_out *o)
{
	if (o->overflow)
		return -ENOSPC;
	if (o->len - NMSP_HDR_LEN > NMSP_MAX_BODY)
		return -EMSGSIZE;
	set32(o->buf + 8, (uint32_t)(o->len - NMSP_HDR_LEN));
	return (int)o->len;
}

static const char *const nmsp_types[NMSP_TYPE_MAX + 1] = {
	[NMSP_INIT_REQ] = "init-req",
	[NMSP_INIT_RESP] = "init-resp",
	[NMSP_ECHO_REQ] = "echo-req",
	[NMSP_ECHO_RESP] = "echo-resp",
	[NMSP_SUBSCRIBE_REQ] = "subscribe-req",
	[NMSP_SUBSCRIBE_RESP] = "subscribe-resp",
	[NMSP_UNSUBSCRIBE_REQ] = "unsubscribe-req",
	[NMSP_UNSUBSCRIBE_RESP] = "unsubscribe-resp",
	[NMSP_CLIENT_RSSI_NTF] = "client-rssi",
	[NMSP_PROBE_RSSI_NTF] = "probe-rssi",
	[NMSP_STATION_EVENT_NTF] = "station-event",
	[NMSP_INFO_REQ] = "info-req",
	[NMSP_INFO_RESP] = "info-resp",
	[NMSP_CLOSE] = "close",
};

static const char *const nmsp_statuses[NMSP_STATUS_MAX + 1] = {
	[NMSP_OK] = "ok",
	[NMSP_ERR_VERSION] = "version",
	[NMSP_ERR_NOT_INIT] = "not-initialised",
	[NMSP_ERR_MALFORMED] = "malformed",
	[NMSP_ERR_UNKNOWN_MAC] = "unknown-mac",
	[NMSP_ERR_KEY_HASH] = "key-hash",
	[NMSP_ERR_NO_CERT] = "no-certificate",
	[NMSP_ERR_SERVICE] = "service",
	[NMSP_ERR_PARAM] = "parameter",
	[NMSP_ERR_UNKNOWN_STA] = "unknown-station",
	[NMSP_ERR_SLOW_PEER] = "slow-peer",
	[NMSP_ERR_SHUTDOWN] = "shutdown",
	[NMSP_ERR_IDLE] = "idle",
	[NMSP_ERR_BUSY] = "busy",
};

const char *nmsp_type_name(uint8_t type)
{
	return type <= NMSP_TYPE_MAX ? nmsp_types[type] : NULL;
}

const char *nmsp_status_name(uint16_t status)
{
	return status <= NMSP_STATUS_MAX ? nmsp_statuses[status] : NULL;
}
