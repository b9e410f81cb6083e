/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One location server's conversation with fsrd (docs/nmsp.md, "The
 * conversation"): the INIT exchange with the auth-list check and version
 * choice, subscriptions, echoes and the idle timeout, INFO requests, and
 * CLOSE with a reason. Pure: the caller gives each whole message, the
 * clock and the peer's certificate key, and sends what comes back; no
 * I/O here, so every flow and every bad message is unit-tested.
 */
#ifndef FSRD_NMSP_PEER_H
#define FSRD_NMSP_PEER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nmsp/nmsp_auth.h"
#include "nmsp/nmsp_msg.h"

enum nmsp_peer_state {
	NMSP_PEER_WAIT_INIT,	/* TLS up, INIT_REQ awaited */
	NMSP_PEER_UP,		/* INIT_RESP ok sent */
	NMSP_PEER_CLOSED,	/* CLOSE sent or received: drop it */
};

struct nmsp_sub {
	bool on;
	uint32_t interval_ms;
	uint8_t threshold_db;
	uint64_t next_ms;	/* the next notification is due then */
};

struct nmsp_peer_cfg {
	uint32_t services;	/* bit (1 << service) offered */
	uint32_t idle_ms;	/* silence before an echo, and before CLOSE */
	/* INFO_REQ: 0 with @r filled when @mac is a station here (@r->rssi
	 * 0 when its signal is not measured yet) */
	int (*info)(void *arg, const uint8_t *mac, struct nmsp_rssi *r);
	void *arg;
};

struct nmsp_peer {
	enum nmsp_peer_state state;
	struct nmsp_peer_key key;	/* from the TLS handshake */
	uint8_t mac[6];			/* its INIT_REQ's, once up */
	uint8_t said_mac[6];		/* its INIT_REQ's, let in or not */
	bool said;			/* said_mac is set */
	char name[NMSP_NAME_MAX + 1];
	struct nmsp_sub sub[NMSP_SVC_MAX + 1];
	uint32_t seq;			/* of fsrd's next request */
	uint64_t last_rx_ms;
	uint64_t echo_ms;		/* an ECHO_REQ unanswered since; 0 */
	uint16_t why;			/* the status it was closed with */
	bool peer_closed;		/* the peer sent CLOSE */
};

void nmsp_peer_init(struct nmsp_peer *p, const struct nmsp_peer_key *key,
		    uint64_t now_ms);

/*
 * One whole message from the peer (as nmsp_msg_parse() takes it). What
 * to send back goes to @out (@size at least NMSP_MAX_MSG): its length,
 * or 0 for nothing. A peer that must go ends CLOSED with @why set, and
 * @out holds the CLOSE to send before the connection is shut.
 */
int nmsp_peer_rx(struct nmsp_peer *p, const struct nmsp_peer_cfg *c,
		 const struct nmsp_auth_list *al, const uint8_t *buf,
		 size_t len, uint64_t now_ms, uint8_t *out, size_t size);

/* The clock: an ECHO_REQ after idle_ms of silence, CLOSE (idle, or
 * not-initialised before INIT) idle_ms after that. Same return. */
int nmsp_peer_tick(struct nmsp_peer *p, const struct nmsp_peer_cfg *c,
		   uint64_t now_ms, uint8_t *out, size_t size);

/* A CLOSE with @status for a reason found outside the conversation
 * (a slow peer, fsrd stopping). */
int nmsp_peer_close(struct nmsp_peer *p, uint16_t status, uint8_t *out,
		    size_t size);

/* Is a notification of @svc due to @p now? If so, the next one is
 * scheduled an interval later (station events: whenever subscribed,
 * they go out as they happen). Never for a peer not up or not
 * subscribed: no station data to anyone who did not ask for it. */
bool nmsp_peer_due(struct nmsp_peer *p, uint8_t svc, uint64_t now_ms);

#endif /* FSRD_NMSP_PEER_H */
