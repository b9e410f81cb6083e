// SPDX-License-Identifier: GPL-2.0-only
/*
 * One location server's conversation (nmsp/nmsp_peer.c): the INIT
 * exchange and each refusal with its reason (unknown MAC, key hash, no
 * certificate, version, a message before INIT, malformed bytes),
 * echoes, subscriptions and their bounds, INFO requests, the idle
 * timeout, and no notification to a peer that did not subscribe.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "nmsp/nmsp_peer.h"
#include "tap.h"

static const uint8_t ls_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x0a, 0x01 };
static const uint8_t sta[6] = { 0x02, 0x00, 0x00, 0x00, 0x02, 0x00 };
/* associated, not heard since: no signal yet */
static const uint8_t quiet[6] = { 0x02, 0x00, 0x00, 0x00, 0x03, 0x00 };
static uint8_t out[NMSP_MAX_MSG];
static struct nmsp_auth_list al;
static struct nmsp_peer_key key;

static int info(void *arg, const uint8_t *mac, struct nmsp_rssi *r)
{
	(void)arg;
	if (memcmp(mac, sta, 6) && memcmp(mac, quiet, 6))
		return -ENOENT;
	memset(r, 0, sizeof(*r));
	memcpy(r->sta, mac, 6);
	r->bssid[0] = 0x02;
	r->rssi = memcmp(mac, sta, 6) ? 0 : -52;
	r->channel = 1;
	return 0;
}

static const struct nmsp_peer_cfg cfg = {
	.services = 1u << NMSP_SVC_CLIENT_RSSI | 1u << NMSP_SVC_STATION_EVENTS,
	.idle_ms = 30000, .info = info,
};

static int init_req(uint8_t *b, const uint8_t *mac, uint8_t vmin,
		    uint8_t vmax)
{
	struct nmsp_out o;

	nmsp_begin(&o, b, NMSP_MAX_MSG, NMSP_INIT_REQ, 1);
	nmsp_put(&o, NMSP_T_MAC, mac, 6);
	nmsp_put_u8(&o, NMSP_T_VERSION_MIN, vmin);
	nmsp_put_u8(&o, NMSP_T_VERSION_MAX, vmax);
	nmsp_put_str(&o, NMSP_T_NAME, "ls1");
	return nmsp_end(&o);
}

static int sub_req(uint8_t *b, uint8_t type, uint8_t svc, uint32_t ivl,
		   uint8_t thr)
{
	struct nmsp_out o;

	nmsp_begin(&o, b, NMSP_MAX_MSG, type, 7);
	nmsp_put_u8(&o, NMSP_T_SERVICE, svc);
	if (type == NMSP_SUBSCRIBE_REQ) {
		nmsp_put_u32(&o, NMSP_T_INTERVAL, ivl);
		nmsp_put_u8(&o, NMSP_T_THRESHOLD, thr);
	}
	return nmsp_end(&o);
}

/* Feed @len octets of @in to @p; the answer decoded into @m. */
static int feed(struct nmsp_peer *p, const uint8_t *in, int len,
		uint64_t now, struct nmsp_msg *m)
{
	int n = nmsp_peer_rx(p, &cfg, &al, in, (size_t)len, now, out,
			     sizeof(out));

	memset(m, 0, sizeof(*m));
	if (n > 0 && nmsp_msg_parse(out, (size_t)n, m))
		return -1;
	return n;
}

/* A fresh peer with @k, sent INIT_REQ from @mac: the answer in @m. */
static struct nmsp_peer peer;
static int start(const struct nmsp_peer_key *k, const uint8_t *mac,
		 uint8_t vmin, uint8_t vmax, struct nmsp_msg *m)
{
	uint8_t b[NMSP_MAX_MSG];

	nmsp_peer_init(&peer, k, 1000);
	return feed(&peer, b, init_req(b, mac, vmin, vmax), 1000, m);
}

static int closed_with(const struct nmsp_msg *m, uint16_t status)
{
	return m->hdr.type == NMSP_CLOSE && m->status == status &&
	       peer.state == NMSP_PEER_CLOSED && peer.why == status &&
	       m->text[0];
}

static void test_init(void)
{
	struct nmsp_peer_key none = { 0 }, other = key;
	uint8_t b[NMSP_MAX_MSG], mac2[6];
	struct nmsp_msg m;
	int n;

	tap_ok(start(&key, ls_mac, 1, 1, &m) > 0 &&
	       m.hdr.type == NMSP_INIT_RESP && m.status == NMSP_OK &&
	       m.version == 1 && m.services == cfg.services &&
	       m.hdr.seq == 1 && peer.state == NMSP_PEER_UP &&
	       !strcmp(peer.name, "ls1"),
	       "INIT: listed MAC and key: INIT_RESP ok, version 1, services");
	tap_ok(start(&key, ls_mac, 1, 4, &m) > 0 && m.status == NMSP_OK,
	       "INIT: a peer speaking 1 to 4 gets version 1");
	memcpy(mac2, ls_mac, 6);
	mac2[5] = 9;
	tap_ok(start(&key, mac2, 1, 1, &m) > 0 &&
	       closed_with(&m, NMSP_ERR_UNKNOWN_MAC),
	       "INIT: unknown MAC: CLOSE unknown-mac with a text");
	other.sha256[0] ^= 1;
	tap_ok(start(&other, ls_mac, 1, 1, &m) > 0 &&
	       closed_with(&m, NMSP_ERR_KEY_HASH),
	       "INIT: listed MAC, another key: CLOSE key-hash");
	tap_ok(start(&none, ls_mac, 1, 1, &m) > 0 &&
	       closed_with(&m, NMSP_ERR_NO_CERT),
	       "INIT: no client certificate: CLOSE no-certificate");
	tap_ok(start(&key, ls_mac, 2, 3, &m) > 0 &&
	       closed_with(&m, NMSP_ERR_VERSION),
	       "INIT: versions 2 to 3 only: CLOSE version");
	tap_ok(feed(&peer, b, init_req(b, ls_mac, 1, 1), 1000, &m) == 0,
	       "a closed peer gets nothing more");

	nmsp_peer_init(&peer, &key, 1000);
	n = sub_req(b, NMSP_SUBSCRIBE_REQ, NMSP_SVC_CLIENT_RSSI, 5000, 0);
	tap_ok(feed(&peer, b, n, 1000, &m) > 0 &&
	       closed_with(&m, NMSP_ERR_NOT_INIT),
	       "a SUBSCRIBE before INIT: CLOSE not-initialised");
	nmsp_peer_init(&peer, &key, 1000);
	tap_ok(feed(&peer, (const uint8_t *)"GET / HTTP/1.1\r\n", 16, 1000,
		    &m) > 0 && closed_with(&m, NMSP_ERR_MALFORMED),
	       "plain text: CLOSE malformed");
	n = init_req(b, ls_mac, 1, 1);
	b[2] = 2;
	nmsp_peer_init(&peer, &key, 1000);
	tap_ok(feed(&peer, b, n, 1000, &m) > 0 &&
	       closed_with(&m, NMSP_ERR_VERSION),
	       "a header of version 2: CLOSE version");
	n = init_req(b, ls_mac, 1, 1);
	b[n - 1] = '\n';	/* a control character in NAME */
	nmsp_peer_init(&peer, &key, 1000);
	tap_ok(feed(&peer, b, n, 1000, &m) > 0 &&
	       closed_with(&m, NMSP_ERR_MALFORMED),
	       "INIT_REQ with a bad NAME: CLOSE malformed");
}

static void test_up(void)
{
	uint8_t b[NMSP_MAX_MSG];
	struct nmsp_rssi r;
	struct nmsp_out o;
	struct nmsp_msg m;
	int n;

	start(&key, ls_mac, 1, 1, &m);
	tap_ok(!nmsp_peer_due(&peer, NMSP_SVC_CLIENT_RSSI, 1000) &&
	       !nmsp_peer_due(&peer, NMSP_SVC_STATION_EVENTS, 1000),
	       "not subscribed: no notification due");
	nmsp_begin(&o, b, sizeof(b), NMSP_ECHO_REQ, 42);
	nmsp_put_u64(&o, NMSP_T_TIMESTAMP, 123456);
	n = nmsp_end(&o);
	tap_ok(feed(&peer, b, n, 2000, &m) > 0 &&
	       m.hdr.type == NMSP_ECHO_RESP && m.hdr.seq == 42 &&
	       m.timestamp == 123456, "ECHO_REQ: ECHO_RESP, same seq and time");

	n = sub_req(b, NMSP_SUBSCRIBE_REQ, NMSP_SVC_CLIENT_RSSI, 5000, 3);
	tap_ok(feed(&peer, b, n, 2000, &m) > 0 &&
	       m.hdr.type == NMSP_SUBSCRIBE_RESP && m.status == NMSP_OK &&
	       m.service == NMSP_SVC_CLIENT_RSSI && m.hdr.seq == 7,
	       "SUBSCRIBE client RSSI every 5 s: ok");
	tap_ok(nmsp_peer_due(&peer, NMSP_SVC_CLIENT_RSSI, 2000) &&
	       !nmsp_peer_due(&peer, NMSP_SVC_CLIENT_RSSI, 6999) &&
	       nmsp_peer_due(&peer, NMSP_SVC_CLIENT_RSSI, 7000),
	       "client RSSI due at once, then every 5 s");
	n = sub_req(b, NMSP_SUBSCRIBE_REQ, NMSP_SVC_STATION_EVENTS, 1000, 0);
	feed(&peer, b, n, 2000, &m);
	tap_ok(m.status == NMSP_OK &&
	       nmsp_peer_due(&peer, NMSP_SVC_STATION_EVENTS, 2000) &&
	       nmsp_peer_due(&peer, NMSP_SVC_STATION_EVENTS, 2001),
	       "station events: due whenever subscribed");
	n = sub_req(b, NMSP_SUBSCRIBE_REQ, NMSP_SVC_PROBE_RSSI, 5000, 0);
	tap_ok(feed(&peer, b, n, 2000, &m) > 0 &&
	       m.status == NMSP_ERR_SERVICE &&
	       !nmsp_peer_due(&peer, NMSP_SVC_PROBE_RSSI, 2000),
	       "SUBSCRIBE to a service not offered: service, nothing due");
	n = sub_req(b, NMSP_SUBSCRIBE_REQ, 9, 5000, 0);
	tap_ok(feed(&peer, b, n, 2000, &m) > 0 &&
	       m.status == NMSP_ERR_SERVICE && m.service == 9 &&
	       peer.state == NMSP_PEER_UP,
	       "SUBSCRIBE to service 9: service, the peer stays");
	n = sub_req(b, NMSP_SUBSCRIBE_REQ, NMSP_SVC_CLIENT_RSSI, 999, 0);
	tap_ok(feed(&peer, b, n, 2000, &m) > 0 &&
	       m.status == NMSP_ERR_PARAM, "interval 999 ms: parameter");
	n = sub_req(b, NMSP_SUBSCRIBE_REQ, NMSP_SVC_CLIENT_RSSI, 5000, 101);
	tap_ok(feed(&peer, b, n, 2000, &m) > 0 &&
	       m.status == NMSP_ERR_PARAM &&
	       peer.sub[NMSP_SVC_CLIENT_RSSI].threshold_db == 3,
	       "threshold 101 dB: parameter, the subscription unchanged");
	n = sub_req(b, NMSP_UNSUBSCRIBE_REQ, NMSP_SVC_CLIENT_RSSI, 0, 0);
	tap_ok(feed(&peer, b, n, 2000, &m) > 0 &&
	       m.hdr.type == NMSP_UNSUBSCRIBE_RESP && m.status == NMSP_OK &&
	       !nmsp_peer_due(&peer, NMSP_SVC_CLIENT_RSSI, 99999),
	       "UNSUBSCRIBE: ok, nothing due any more");
	tap_ok(feed(&peer, b, n, 2000, &m) > 0 &&
	       m.status == NMSP_ERR_SERVICE,
	       "UNSUBSCRIBE again: service");

	n = sub_req(b, NMSP_UNSUBSCRIBE_REQ, NMSP_SVC_STATION_EVENTS, 0, 0);
	feed(&peer, b, n, 2000, &m);
	nmsp_begin(&o, b, sizeof(b), NMSP_INFO_REQ, 8);
	nmsp_put(&o, NMSP_T_MAC, sta, 6);
	n = nmsp_end(&o);
	tap_ok(feed(&peer, b, n, 2000, &m) > 0 &&
	       m.hdr.type == NMSP_INFO_RESP && m.status == NMSP_ERR_SERVICE &&
	       !m.n_entries,
	       "INFO_REQ from a peer subscribed to nothing: service, no station data");
	n = sub_req(b, NMSP_SUBSCRIBE_REQ, NMSP_SVC_CLIENT_RSSI, 5000, 3);
	feed(&peer, b, n, 2000, &m);
	nmsp_begin(&o, b, sizeof(b), NMSP_INFO_REQ, 8);
	nmsp_put(&o, NMSP_T_MAC, sta, 6);
	n = nmsp_end(&o);
	tap_ok(feed(&peer, b, n, 2000, &m) > 0 &&
	       m.hdr.type == NMSP_INFO_RESP && m.status == NMSP_OK &&
	       m.n_entries == 1,
	       "INFO_REQ for a station here, subscribed to client RSSI: its RSSI");
	nmsp_rssi_get(&m, 0, &r);
	tap_ok(r.rssi == -52 && !memcmp(r.sta, sta, 6), "INFO_RESP: -52 dBm");
	nmsp_begin(&o, b, sizeof(b), NMSP_INFO_REQ, 9);
	nmsp_put(&o, NMSP_T_MAC, quiet, 6);
	n = nmsp_end(&o);
	tap_ok(feed(&peer, b, n, 2000, &m) > 0 &&
	       m.hdr.type == NMSP_INFO_RESP && m.status == NMSP_OK &&
	       (m.have & 1u << NMSP_T_BSSID) && m.bssid[0] == 0x02 && !m.n_entries,
	       "INFO_REQ for a station not heard since it associated: ok, its BSSID, no RSSI entry");
	nmsp_begin(&o, b, sizeof(b), NMSP_INFO_REQ, 9);
	nmsp_put(&o, NMSP_T_MAC, ls_mac, 6);
	n = nmsp_end(&o);
	tap_ok(feed(&peer, b, n, 2000, &m) > 0 &&
	       m.status == NMSP_ERR_UNKNOWN_STA && !m.n_entries,
	       "INFO_REQ for a stranger: unknown-station");

	n = init_req(b, ls_mac, 1, 1);
	tap_ok(feed(&peer, b, n, 2000, &m) > 0 &&
	       closed_with(&m, NMSP_ERR_MALFORMED),
	       "a second INIT_REQ: CLOSE malformed");
	start(&key, ls_mac, 1, 1, &m);
	nmsp_begin(&o, b, sizeof(b), NMSP_CLIENT_RSSI_NTF, 3);
	nmsp_put_rssi(&o, &r);
	n = nmsp_end(&o);
	tap_ok(feed(&peer, b, n, 2000, &m) > 0 &&
	       closed_with(&m, NMSP_ERR_MALFORMED),
	       "a notification from the peer: CLOSE malformed");
	start(&key, ls_mac, 1, 1, &m);
	nmsp_begin(&o, b, sizeof(b), NMSP_CLOSE, 4);
	nmsp_put_u16(&o, NMSP_T_STATUS, NMSP_ERR_SHUTDOWN);
	n = nmsp_end(&o);
	tap_ok(feed(&peer, b, n, 2000, &m) == 0 &&
	       peer.state == NMSP_PEER_CLOSED && peer.peer_closed &&
	       peer.why == NMSP_ERR_SHUTDOWN,
	       "CLOSE from the peer: closed, nothing sent");
}

static void test_timers(void)
{
	uint8_t b[NMSP_MAX_MSG];
	struct nmsp_out o;
	struct nmsp_msg m;
	int n;

	start(&key, ls_mac, 1, 1, &m);
	tap_ok(nmsp_peer_tick(&peer, &cfg, 30999, out, sizeof(out)) == 0,
	       "idle: nothing before 30 s of silence");
	n = nmsp_peer_tick(&peer, &cfg, 31000, out, sizeof(out));
	tap_ok(n > 0 && !nmsp_msg_parse(out, (size_t)n, &m) &&
	       m.hdr.type == NMSP_ECHO_REQ && m.timestamp == 31000,
	       "idle: an ECHO_REQ after 30 s");
	nmsp_begin(&o, b, sizeof(b), NMSP_ECHO_RESP, m.hdr.seq);
	nmsp_put_u64(&o, NMSP_T_TIMESTAMP, m.timestamp);
	n = nmsp_end(&o);
	tap_ok(feed(&peer, b, n, 32000, &m) == 0 && !peer.echo_ms,
	       "idle: the ECHO_RESP clears it");
	tap_ok(nmsp_peer_tick(&peer, &cfg, 61999, out, sizeof(out)) == 0,
	       "idle: the answer counts as traffic");
	nmsp_peer_tick(&peer, &cfg, 62000, out, sizeof(out));
	n = nmsp_peer_tick(&peer, &cfg, 92000, out, sizeof(out));
	tap_ok(n > 0 && !nmsp_msg_parse(out, (size_t)n, &m) &&
	       closed_with(&m, NMSP_ERR_IDLE),
	       "idle: no answer to the echo in 30 s: CLOSE idle");
	nmsp_peer_init(&peer, &key, 1000);
	n = nmsp_peer_tick(&peer, &cfg, 31000, out, sizeof(out));
	tap_ok(n > 0 && !nmsp_msg_parse(out, (size_t)n, &m) &&
	       closed_with(&m, NMSP_ERR_NOT_INIT),
	       "no INIT_REQ within 30 s: CLOSE not-initialised");
	n = nmsp_peer_close(&peer, NMSP_ERR_SLOW_PEER, out, sizeof(out));
	tap_ok(n > 0 && !nmsp_msg_parse(out, (size_t)n, &m) &&
	       closed_with(&m, NMSP_ERR_SLOW_PEER),
	       "a slow peer: CLOSE slow-peer");
}

int main(void)
{
	struct nmsp_auth_entry e;

	/* the peer's key as the TLS layer reports it, listed for ls_mac */
	key.present = true;
	memset(key.sha256, 0x5a, sizeof(key.sha256));
	memcpy(e.mac, ls_mac, 6);
	e.hash_len = NMSP_SHA256_LEN;
	memcpy(e.hash, key.sha256, NMSP_SHA256_LEN);
	nmsp_auth_add(&al, &e);
	test_init();
	test_up();
	test_timers();
	return tap_done();
}
