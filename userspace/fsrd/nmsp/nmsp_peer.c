// SPDX-License-Identifier: GPL-2.0-only
/*
 * One location server's conversation (nmsp_peer.h, docs/nmsp.md).
 */
#include "nmsp/nmsp_peer.h"

#include <errno.h>
#include <string.h>

static const char *const close_text[NMSP_STATUS_MAX + 1] = {
	[NMSP_ERR_VERSION] = "no protocol version in common",
	[NMSP_ERR_NOT_INIT] = "INIT_REQ must come first",
	[NMSP_ERR_MALFORMED] = "malformed message",
	[NMSP_ERR_UNKNOWN_MAC] = "MAC address not in the auth list",
	[NMSP_ERR_KEY_HASH] = "certificate key hash does not match the auth list",
	[NMSP_ERR_NO_CERT] = "no client certificate",
	[NMSP_ERR_SLOW_PEER] = "not reading",
	[NMSP_ERR_SHUTDOWN] = "controller stopping",
	[NMSP_ERR_IDLE] = "idle",
	[NMSP_ERR_BUSY] = "too many peers",
};

void nmsp_peer_init(struct nmsp_peer *p, const struct nmsp_peer_key *key,
		    uint64_t now_ms)
{
	memset(p, 0, sizeof(*p));
	p->key = *key;
	p->state = NMSP_PEER_WAIT_INIT;
	p->last_rx_ms = now_ms;
	p->seq = 1;
}

int nmsp_peer_close(struct nmsp_peer *p, uint16_t status, uint8_t *out,
		    size_t size)
{
	struct nmsp_out o;

	p->state = NMSP_PEER_CLOSED;
	p->why = status;
	nmsp_begin(&o, out, size, NMSP_CLOSE, p->seq++);
	nmsp_put_u16(&o, NMSP_T_STATUS, status);
	if (status <= NMSP_STATUS_MAX && close_text[status])
		nmsp_put_str(&o, NMSP_T_TEXT, close_text[status]);
	return nmsp_end(&o);
}

static int rx_init(struct nmsp_peer *p, const struct nmsp_peer_cfg *c,
		   const struct nmsp_auth_list *al, const struct nmsp_msg *m,
		   uint8_t *out, size_t size)
{
	struct nmsp_out o;
	uint16_t verdict;

	/* who it says it is, for the trace even when refused */
	memcpy(p->said_mac, m->mac, 6);
	p->said = true;
	verdict = nmsp_auth_check(al, m->mac, &p->key);
	if (verdict != NMSP_OK)
		return nmsp_peer_close(p, verdict, out, size);
	if (m->version_min > NMSP_VERSION || m->version_max < NMSP_VERSION)
		return nmsp_peer_close(p, NMSP_ERR_VERSION, out, size);
	memcpy(p->mac, m->mac, 6);
	memcpy(p->name, m->name, sizeof(p->name));
	p->state = NMSP_PEER_UP;
	nmsp_begin(&o, out, size, NMSP_INIT_RESP, m->hdr.seq);
	nmsp_put_u16(&o, NMSP_T_STATUS, NMSP_OK);
	nmsp_put_u8(&o, NMSP_T_VERSION, NMSP_VERSION);
	nmsp_put_u32(&o, NMSP_T_SERVICES, c->services);
	return nmsp_end(&o);
}

static int rx_sub(struct nmsp_peer *p, const struct nmsp_peer_cfg *c,
		  const struct nmsp_msg *m, uint64_t now_ms, uint8_t *out,
		  size_t size)
{
	bool sub = m->hdr.type == NMSP_SUBSCRIBE_REQ;
	uint16_t status = NMSP_OK;
	uint8_t s = m->service;
	struct nmsp_out o;

	if (!s || s > NMSP_SVC_MAX || !(c->services & (1u << s)))
		status = NMSP_ERR_SERVICE;
	else if (sub && (m->interval_ms < NMSP_INTERVAL_MIN_MS ||
			 m->interval_ms > NMSP_INTERVAL_MAX_MS ||
			 m->threshold_db > NMSP_THRESHOLD_MAX_DB))
		status = NMSP_ERR_PARAM;
	else if (!sub && !p->sub[s].on)
		status = NMSP_ERR_SERVICE;
	if (!status && sub) {
		p->sub[s].on = true;
		p->sub[s].interval_ms = m->interval_ms;
		p->sub[s].threshold_db = m->threshold_db;
		p->sub[s].next_ms = now_ms;
	} else if (!status) {
		memset(&p->sub[s], 0, sizeof(p->sub[s]));
	}
	nmsp_begin(&o, out, size, sub ? NMSP_SUBSCRIBE_RESP :
		   NMSP_UNSUBSCRIBE_RESP, m->hdr.seq);
	nmsp_put_u16(&o, NMSP_T_STATUS, status);
	nmsp_put_u8(&o, NMSP_T_SERVICE, s);
	return nmsp_end(&o);
}

/* INFO_REQ: station data, so only for a peer subscribed to a service
 * that carries it (client RSSI or station events); `service` else. */
static int rx_info(const struct nmsp_peer *p, const struct nmsp_peer_cfg *c,
		   const struct nmsp_msg *m, uint8_t *out, size_t size)
{
	bool allowed = p->sub[NMSP_SVC_CLIENT_RSSI].on ||
		       p->sub[NMSP_SVC_STATION_EVENTS].on;
	struct nmsp_rssi r;
	struct nmsp_out o;
	bool known;

	known = allowed && c->info && !c->info(c->arg, m->mac, &r);
	nmsp_begin(&o, out, size, NMSP_INFO_RESP, m->hdr.seq);
	nmsp_put_u16(&o, NMSP_T_STATUS, known ? NMSP_OK :
		     allowed ? NMSP_ERR_UNKNOWN_STA : NMSP_ERR_SERVICE);
	nmsp_put(&o, NMSP_T_MAC, m->mac, 6);
	if (known) {
		nmsp_put(&o, NMSP_T_BSSID, r.bssid, 6);
		if (r.rssi < 0)		/* 0: not measured yet */
			nmsp_put_rssi(&o, &r);
	}
	return nmsp_end(&o);
}

int nmsp_peer_rx(struct nmsp_peer *p, const struct nmsp_peer_cfg *c,
		 const struct nmsp_auth_list *al, const uint8_t *buf,
		 size_t len, uint64_t now_ms, uint8_t *out, size_t size)
{
	struct nmsp_out o;
	struct nmsp_msg m;
	int err;

	if (p->state == NMSP_PEER_CLOSED)
		return 0;
	p->last_rx_ms = now_ms;
	err = nmsp_msg_parse(buf, len, &m);
	if (err == -EPROTONOSUPPORT)
		return nmsp_peer_close(p, NMSP_ERR_VERSION, out, size);
	if (err)
		return nmsp_peer_close(p, NMSP_ERR_MALFORMED, out, size);
	if (m.hdr.type == NMSP_CLOSE) {
		p->state = NMSP_PEER_CLOSED;
		p->why = m.status;
		p->peer_closed = true;
		return 0;
	}
	if (p->state == NMSP_PEER_WAIT_INIT)
		return m.hdr.type == NMSP_INIT_REQ ?
		       rx_init(p, c, al, &m, out, size) :
		       nmsp_peer_close(p, NMSP_ERR_NOT_INIT, out, size);
	switch (m.hdr.type) {
	case NMSP_ECHO_REQ:
		nmsp_begin(&o, out, size, NMSP_ECHO_RESP, m.hdr.seq);
		nmsp_put_u64(&o, NMSP_T_TIMESTAMP, m.timestamp);
		return nmsp_end(&o);
	case NMSP_ECHO_RESP:
		p->echo_ms = 0;
		return 0;
	case NMSP_SUBSCRIBE_REQ:
	case NMSP_UNSUBSCRIBE_REQ:
		return rx_sub(p, c, &m, now_ms, out, size);
	case NMSP_INFO_REQ:
		return rx_info(p, c, &m, out, size);
	}
	/* a second INIT_REQ, or what only fsrd sends */
	return nmsp_peer_close(p, NMSP_ERR_MALFORMED, out, size);
}

int nmsp_peer_tick(struct nmsp_peer *p, const struct nmsp_peer_cfg *c,
		   uint64_t now_ms, uint8_t *out, size_t size)
{
	struct nmsp_out o;

	if (p->state == NMSP_PEER_CLOSED)
		return 0;
	if (p->state == NMSP_PEER_WAIT_INIT) {
		if (now_ms - p->last_rx_ms >= c->idle_ms)
			return nmsp_peer_close(p, NMSP_ERR_NOT_INIT, out,
					       size);
		return 0;
	}
	if (p->echo_ms) {
		if (now_ms - p->echo_ms >= c->idle_ms)
			return nmsp_peer_close(p, NMSP_ERR_IDLE, out, size);
		return 0;
	}
	if (now_ms - p->last_rx_ms < c->idle_ms)
		return 0;
	p->echo_ms = now_ms;
	nmsp_begin(&o, out, size, NMSP_ECHO_REQ, p->seq++);
	nmsp_put_u64(&o, NMSP_T_TIMESTAMP, now_ms);
	return nmsp_end(&o);
}

bool nmsp_peer_due(struct nmsp_peer *p, uint8_t svc, uint64_t now_ms)
{
	struct nmsp_sub *s;

	if (p->state != NMSP_PEER_UP || !svc || svc > NMSP_SVC_MAX)
		return false;
	s = &p->sub[svc];
	/* events go out as they happen, to every subscriber */
	if (svc == NMSP_SVC_STATION_EVENTS || !s->on)
		return s->on;
	if (now_ms < s->next_ms)
		return false;
	s->next_ms = now_ms + s->interval_ms;
	return true;
}
