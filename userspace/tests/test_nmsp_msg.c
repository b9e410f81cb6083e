// SPDX-License-Identifier: GPL-2.0-only
/*
 * The location-server link's message codec (nmsp/nmsp_msg.c): the
 * worked examples of docs/nmsp.md byte for byte, every message type
 * encoded and decoded again, and every kind of bad input refused with its
 * own error: wrong magic, version, oversize, truncation, unknown type,
 * TLV past the body, wrong TLV length, repeated, not allowed, required
 * missing, bad string, bad event.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "nmsp/nmsp_msg.h"
#include "tap.h"

static const uint8_t ls_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x0a, 0x01 };
static const uint8_t bssid[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x00 };

static int hex_is(const uint8_t *b, size_t n, const char *want)
{
	char got[2 * NMSP_MAX_MSG + 1];
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(got + 2 * i, "%02x", b[i]);
	got[2 * n] = '\0';
	if (strcmp(got, want))
		tap_diag("got", got);
	return !strcmp(got, want);
}

/* docs/nmsp.md, "Worked example": the INIT_REQ of a location server */
static void test_init_example(void)
{
	uint8_t buf[128];
	struct nmsp_out o;
	struct nmsp_msg m;
	int n;

	nmsp_begin(&o, buf, sizeof(buf), NMSP_INIT_REQ, 1);
	nmsp_put(&o, NMSP_T_MAC, ls_mac, 6);
	nmsp_put_u8(&o, NMSP_T_VERSION_MIN, 1);
	nmsp_put_u8(&o, NMSP_T_VERSION_MAX, 1);
	nmsp_put_str(&o, NMSP_T_NAME, "ls1");
	n = nmsp_end(&o);
	tap_ok(n == 12 + 10 + 5 + 5 + 7 &&
	       hex_is(buf, (size_t)n,
		      "6673" "01" "01" "00000001" "0000001b"
		      "0001" "0006" "020000000a01"
		      "0002" "0001" "01"
		      "0003" "0001" "01"
		      "0004" "0003" "6c7331"),
	       "init-req: the 39 octets of docs/nmsp.md's example");
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == 0, "init-req: decodes");
	tap_ok(m.hdr.type == NMSP_INIT_REQ && m.hdr.seq == 1 &&
	       !memcmp(m.mac, ls_mac, 6) && m.version_min == 1 &&
	       m.version_max == 1 && !strcmp(m.name, "ls1"),
	       "init-req: every field back");
}

static void test_roundtrip(void)
{
	struct nmsp_rssi r = { .rssi = -71, .channel = 6,
			       .timestamp = 1765000000123ULL }, back;
	uint8_t buf[NMSP_MAX_MSG];
	struct nmsp_out o;
	struct nmsp_msg m;
	int n, i;

	memcpy(r.sta, ls_mac, 6);
	memcpy(r.bssid, bssid, 6);
	nmsp_begin(&o, buf, sizeof(buf), NMSP_CLIENT_RSSI_NTF, 77);
	for (i = 0; i < 3; i++) {
		r.channel = (uint8_t)(1 + i);
		nmsp_put_rssi(&o, &r);
	}
	n = nmsp_end(&o);
	tap_ok(n == 12 + 3 * 26, "client-rssi: 3 entries, 90 octets");
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == 0 && m.n_entries == 3,
	       "client-rssi: decodes, 3 entries");
	nmsp_rssi_get(&m, 2, &back);
	tap_ok(back.rssi == -71 && back.channel == 3 &&
	       back.timestamp == 1765000000123ULL &&
	       !memcmp(back.sta, ls_mac, 6) && !memcmp(back.bssid, bssid, 6),
	       "client-rssi: the third entry back, RSSI signed");

	nmsp_begin(&o, buf, sizeof(buf), NMSP_STATION_EVENT_NTF, 78);
	nmsp_put_u8(&o, NMSP_T_EVENT, NMSP_EV_ROAM);
	nmsp_put(&o, NMSP_T_MAC, ls_mac, 6);
	nmsp_put(&o, NMSP_T_BSSID, bssid, 6);
	nmsp_put(&o, NMSP_T_OLD_BSSID, ls_mac, 6);
	nmsp_put_u64(&o, NMSP_T_TIMESTAMP, 42);
	n = nmsp_end(&o);
	tap_ok(n > 0 && nmsp_msg_parse(buf, (size_t)n, &m) == 0 &&
	       m.event == NMSP_EV_ROAM && m.timestamp == 42 &&
	       !memcmp(m.old_bssid, ls_mac, 6), "station-event roam: decodes");

	nmsp_begin(&o, buf, sizeof(buf), NMSP_SUBSCRIBE_REQ, 5);
	nmsp_put_u8(&o, NMSP_T_SERVICE, NMSP_SVC_PROBE_RSSI);
	nmsp_put_u32(&o, NMSP_T_INTERVAL, 5000);
	nmsp_put_u8(&o, NMSP_T_THRESHOLD, 3);
	n = nmsp_end(&o);
	tap_ok(n > 0 && nmsp_msg_parse(buf, (size_t)n, &m) == 0 &&
	       m.service == NMSP_SVC_PROBE_RSSI && m.interval_ms == 5000 &&
	       m.threshold_db == 3, "subscribe-req: decodes");

	nmsp_begin(&o, buf, sizeof(buf), NMSP_CLOSE, 9);
	nmsp_put_u16(&o, NMSP_T_STATUS, NMSP_ERR_KEY_HASH);
	nmsp_put_str(&o, NMSP_T_TEXT, "key hash mismatch");
	n = nmsp_end(&o);
	tap_ok(n > 0 && nmsp_msg_parse(buf, (size_t)n, &m) == 0 &&
	       m.status == NMSP_ERR_KEY_HASH &&
	       !strcmp(m.text, "key hash mismatch"), "close: decodes");
	tap_str(nmsp_status_name(m.status), "key-hash", "status name");
	tap_str(nmsp_type_name(NMSP_PROBE_RSSI_NTF), "probe-rssi",
		"type name");
	tap_ok(!nmsp_type_name(0) && !nmsp_type_name(NMSP_TYPE_MAX + 1) &&
	       !nmsp_status_name(NMSP_STATUS_MAX + 1), "names out of range");
}

/* An ECHO_REQ to break in the tests below: 12 + 12 octets. */
static int echo(uint8_t *buf)
{
	struct nmsp_out o;

	nmsp_begin(&o, buf, NMSP_MAX_MSG, NMSP_ECHO_REQ, 3);
	nmsp_put_u64(&o, NMSP_T_TIMESTAMP, 1);
	return nmsp_end(&o);
}

static void test_header_errors(void)
{
	uint8_t buf[NMSP_MAX_MSG];
	struct nmsp_hdr h;
	struct nmsp_msg m;
	int n = echo(buf);

	tap_ok(nmsp_hdr_parse(buf, 0, &h) == -EAGAIN &&
	       nmsp_hdr_parse(buf, 11, &h) == -EAGAIN,
	       "header: fewer than 12 octets: -EAGAIN");
	tap_ok(nmsp_msg_parse(buf, (size_t)n - 1, &m) == -EAGAIN,
	       "body not all there: -EAGAIN");
	buf[0] = 'G';	/* "GET / HTTP/1.1" on the port */
	tap_ok(nmsp_hdr_parse(buf, 1, &h) == -EPROTO,
	       "wrong magic: -EPROTO at the first octet");
	buf[0] = 0x16;	/* a TLS record to a plain port */
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -EPROTO,
	       "TLS record: -EPROTO");
	buf[0] = 'f';
	buf[2] = 2;
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -EPROTONOSUPPORT,
	       "version 2: -EPROTONOSUPPORT");
	buf[2] = 1;
	buf[8] = 0; buf[9] = 0; buf[10] = 0x10; buf[11] = 0x01;
	tap_ok(nmsp_hdr_parse(buf, (size_t)n, &h) == -EMSGSIZE,
	       "body of 4097 octets: -EMSGSIZE from the header alone");
	buf[8] = 0xff;
	tap_ok(nmsp_hdr_parse(buf, (size_t)n, &h) == -EMSGSIZE,
	       "body length 0xff000000: -EMSGSIZE");
	n = echo(buf);
	buf[3] = 0;
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -ENOMSG, "type 0: -ENOMSG");
	buf[3] = NMSP_TYPE_MAX + 1;
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -ENOMSG,
	       "type 15: -ENOMSG");
}

static void test_tlv_errors(void)
{
	uint8_t buf[NMSP_MAX_MSG];
	struct nmsp_out o;
	struct nmsp_msg m;
	int n;

	n = echo(buf);
	buf[15] = 9;	/* TIMESTAMP claims 9 octets, 8 there */
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -EBADMSG,
	       "TLV past the end of the body: -EBADMSG");
	n = echo(buf);
	buf[11] = 3;	/* a body of 3 octets: a TLV header cut short */
	tap_ok(nmsp_msg_parse(buf, 15, &m) == -EBADMSG,
	       "truncated TLV header: -EBADMSG");

	nmsp_begin(&o, buf, sizeof(buf), NMSP_ECHO_REQ, 1);
	nmsp_put_u32(&o, NMSP_T_TIMESTAMP, 1);
	n = nmsp_end(&o);
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -EBADMSG,
	       "TIMESTAMP of 4 octets: -EBADMSG");

	nmsp_begin(&o, buf, sizeof(buf), NMSP_ECHO_REQ, 1);
	nmsp_put_u64(&o, NMSP_T_TIMESTAMP, 1);
	nmsp_put_u64(&o, NMSP_T_TIMESTAMP, 2);
	n = nmsp_end(&o);
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -EBADMSG,
	       "TIMESTAMP twice: -EBADMSG");

	nmsp_begin(&o, buf, sizeof(buf), NMSP_ECHO_REQ, 1);
	nmsp_put_u64(&o, NMSP_T_TIMESTAMP, 1);
	nmsp_put(&o, NMSP_T_MAC, ls_mac, 6);
	n = nmsp_end(&o);
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -EBADMSG,
	       "MAC in an ECHO_REQ (not allowed there): -EBADMSG");

	nmsp_begin(&o, buf, sizeof(buf), NMSP_ECHO_REQ, 1);
	nmsp_put_u64(&o, NMSP_T_TIMESTAMP, 1);
	nmsp_put(&o, 0x4000, "new", 3);
	n = nmsp_end(&o);
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == 0,
	       "an unknown TLV type above the known ones: skipped");

	nmsp_begin(&o, buf, sizeof(buf), NMSP_INIT_REQ, 1);
	nmsp_put(&o, NMSP_T_MAC, ls_mac, 6);
	nmsp_put_u8(&o, NMSP_T_VERSION_MIN, 1);
	n = nmsp_end(&o);
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -EBADMSG,
	       "INIT_REQ without VERSION_MAX: -EBADMSG");

	nmsp_begin(&o, buf, sizeof(buf), NMSP_INIT_REQ, 1);
	nmsp_put(&o, NMSP_T_MAC, ls_mac, 6);
	nmsp_put_u8(&o, NMSP_T_VERSION_MIN, 2);
	nmsp_put_u8(&o, NMSP_T_VERSION_MAX, 1);
	n = nmsp_end(&o);
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -EBADMSG,
	       "INIT_REQ with VERSION_MIN above VERSION_MAX: -EBADMSG");

	nmsp_begin(&o, buf, sizeof(buf), NMSP_INIT_REQ, 1);
	nmsp_put(&o, NMSP_T_MAC, ls_mac, 6);
	nmsp_put_u8(&o, NMSP_T_VERSION_MIN, 1);
	nmsp_put_u8(&o, NMSP_T_VERSION_MAX, 1);
	nmsp_put(&o, NMSP_T_NAME, "a\nb", 3);
	n = nmsp_end(&o);
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -EBADMSG,
	       "NAME with a line feed: -EBADMSG");

	nmsp_begin(&o, buf, sizeof(buf), NMSP_CLOSE, 1);
	nmsp_put_u16(&o, NMSP_T_STATUS, 0);
	nmsp_put(&o, NMSP_T_TEXT, buf + 2048, NMSP_TEXT_MAX + 1);
	n = nmsp_end(&o);
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -EBADMSG,
	       "TEXT of 256 octets: -EBADMSG");

	nmsp_begin(&o, buf, sizeof(buf), NMSP_STATION_EVENT_NTF, 1);
	nmsp_put_u8(&o, NMSP_T_EVENT, NMSP_EV_ROAM);
	nmsp_put(&o, NMSP_T_MAC, ls_mac, 6);
	nmsp_put(&o, NMSP_T_BSSID, bssid, 6);
	nmsp_put_u64(&o, NMSP_T_TIMESTAMP, 1);
	n = nmsp_end(&o);
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -EBADMSG,
	       "a roam event without OLD_BSSID: -EBADMSG");

	nmsp_begin(&o, buf, sizeof(buf), NMSP_STATION_EVENT_NTF, 1);
	nmsp_put_u8(&o, NMSP_T_EVENT, 9);
	nmsp_put(&o, NMSP_T_MAC, ls_mac, 6);
	nmsp_put(&o, NMSP_T_BSSID, bssid, 6);
	nmsp_put_u64(&o, NMSP_T_TIMESTAMP, 1);
	n = nmsp_end(&o);
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -EBADMSG,
	       "event 9: -EBADMSG");

	nmsp_begin(&o, buf, sizeof(buf), NMSP_CLIENT_RSSI_NTF, 1);
	n = nmsp_end(&o);
	tap_ok(nmsp_msg_parse(buf, (size_t)n, &m) == -EBADMSG,
	       "client-rssi without an entry: -EBADMSG");
}

static void test_encoder_bounds(void)
{
	uint8_t buf[NMSP_MAX_MSG + 64];
	struct nmsp_rssi r = { 0 };
	struct nmsp_out o;
	int i;

	nmsp_begin(&o, buf, 20, NMSP_ECHO_REQ, 1);
	nmsp_put_u64(&o, NMSP_T_TIMESTAMP, 1);	/* 12 + 12 > 20 */
	tap_ok(o.overflow && nmsp_end(&o) == -ENOSPC,
	       "encoder: a TLV that does not fit: -ENOSPC, nothing written past");
	nmsp_begin(&o, buf, 8, NMSP_ECHO_REQ, 1);
	tap_ok(nmsp_end(&o) == -ENOSPC, "encoder: no room for the header");
	nmsp_begin(&o, buf, sizeof(buf), NMSP_CLIENT_RSSI_NTF, 1);
	for (i = 0; i < 160; i++)	/* 160 * 26 > 4096 */
		nmsp_put_rssi(&o, &r);
	tap_ok(nmsp_end(&o) == -EMSGSIZE,
	       "encoder: a body over 4096 octets: -EMSGSIZE");
}

int main(void)
{
	test_init_example();
	test_roundtrip();
	test_header_errors();
	test_tlv_errors();
	test_encoder_bounds();
	return tap_done();
}
