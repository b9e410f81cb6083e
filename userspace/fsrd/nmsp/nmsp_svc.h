/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The location-server link's server in fsrd's event loop (docs/nmsp.md):
 * TCP with TLS 1.2/1.3 (OpenSSL), non-blocking, at most max_peers peers,
 * each a nmsp_peer conversation (nmsp_peer.c) with a bounded send queue;
 * a peer that does not read is dropped, one that never finishes its
 * handshake or goes silent is closed. Every refusal is logged with its
 * reason and counted.
 */
#ifndef FSRD_NMSP_SVC_H
#define FSRD_NMSP_SVC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "nmsp/nmsp_auth.h"
#include "nmsp/nmsp_backoff.h"
#include "nmsp/nmsp_msg.h"
#include "nmsp/nmsp_rssi.h"

#define NMSP_MAX_PEERS		64
/* What may wait to be sent to one peer: past it, the peer is dropped. */
#define NMSP_OUT_MAX		65536

struct nmsp_svc_conf {
	struct sockaddr_storage listen;
	socklen_t listen_len;
	char cert[256];			/* PEM: the controller's certificate */
	char key[256];			/* PEM: its private key */
	struct nmsp_auth_list auth;
	uint32_t max_peers;		/* 1 .. NMSP_MAX_PEERS */
	uint32_t idle_ms;		/* handshake, INIT and echo timeout */
	uint32_t services;		/* bit (1 << service) offered */
	/* client mode (nmsp_dial.h): the servers to dial, in order */
	struct {
		struct sockaddr_storage ss;
		socklen_t len;
	} servers[NMSP_DIAL_SERVERS_MAX];
	unsigned int n_servers;
};

struct nmsp_svc_stats {
	uint64_t connections;		/* TCP connections accepted or
					 * dialled */
	uint64_t tls_failed;		/* handshakes that failed (plain
					 * TCP, an old TLS version...) */
	uint64_t refused[NMSP_STATUS_MAX + 1];	/* CLOSEs sent, by reason */
	uint64_t slow_peers;		/* dropped with a full queue */
	uint64_t rssi_entries;		/* RSSI measurements sent */
	uint64_t messages_rx;
	uint64_t messages_tx;
	uint32_t peers;			/* connected now */
	uint32_t up;			/* of which past INIT */
};

/*
 * What fsrd tells the server about its stations: client_rssi fills @out
 * with up to @max measurements of associated stations (when a client-rssi
 * notification is due) and returns how many, probe_rssi likewise with
 * the probe requests heard in the last minute from stations that are not
 * associated (nmsp_probes.h); info answers
 * INFO_REQ (0 with @r filled, rssi 0 when not measured yet, or
 * -ENOENT). Any may be NULL; a service
 * without its source is not offered.
 */
struct nmsp_svc_sources {
	size_t (*client_rssi)(struct nmsp_rssi *out, size_t max);
	size_t (*probe_rssi)(struct nmsp_rssi *out, size_t max);
	int (*info)(void *arg, const uint8_t *mac, struct nmsp_rssi *r);
};
/* Before nmsp_svc_start. */
void nmsp_svc_set_sources(const struct nmsp_svc_sources *s);
/* Where a location server's admission and refusals go besides the log,
 * keyed by the MAC its INIT_REQ said (fsrd: the per-client trace,
 * fsrctl monitor --client MAC). NULL: nowhere. */
void nmsp_svc_set_trace(void (*fn)(const uint8_t *mac, const char *detail));
/* The protocol's clock (TIMESTAMP): the wall clock, in ms. */
uint64_t nmsp_wall_ms(void);

/* Listen and serve: 0, or -errno with the reason in @err. */
int nmsp_svc_start(const struct nmsp_svc_conf *c, char *err, size_t errlen);
/* Every peer gets CLOSE shutdown (best effort), then the socket closes. */
void nmsp_svc_stop(void);
/*
 * Client mode: a TCP connection nmsp_dial.c made to a location server,
 * served like one accepted, with fsrd the TLS client. Takes @fd (closed
 * on failure: -errno); its end goes to nmsp_dial_ended().
 */
int nmsp_svc_adopt(int fd, const char *addr);
/* The auth list in force (fsrd.conf's, with fsrctl's changes). */
const struct nmsp_auth_list *nmsp_svc_auth(void);
/* Add @e: 0, -EEXIST, -ENOSPC. */
int nmsp_svc_auth_add(const struct nmsp_auth_entry *e);
/*
 * Remove the entries with @e's MAC (and its hash too, unless @any_hash),
 * then close every peer the list no longer lets in (CLOSE with the
 * reason a new connection would get): the number removed.
 */
size_t nmsp_svc_auth_del(const struct nmsp_auth_entry *e, bool any_hash);
/* The whole list (a reload of fsrd.conf), then the same check of the
 * connected peers. */
void nmsp_svc_auth_set(const struct nmsp_auth_list *l);
/* The port it listens on (for an ephemeral one), 0 when stopped. */
uint16_t nmsp_svc_port(void);
const struct nmsp_svc_stats *nmsp_svc_stats(void);
bool nmsp_svc_running(void);

/* A connected peer as fsrctl shows it. */
struct nmsp_svc_peer_info {
	const char *addr;		/* "IP:PORT" */
	bool dialled;			/* client mode: fsrd connected */
	bool up;			/* past INIT */
	const uint8_t *mac;		/* its INIT_REQ's (up only) */
	const char *name;
	uint32_t subscriptions;		/* bit (1 << service) */
	size_t queued;			/* octets waiting to be sent */
};
void nmsp_svc_foreach(void (*fn)(const struct nmsp_svc_peer_info *i,
				 void *arg), void *arg);

/*
 * A station associated, roamed (@old_bssid: where from) or left: a
 * STATION_EVENT_NTF to every peer subscribed to station events, and only
 * to them.
 */
void nmsp_svc_station_event(uint8_t event, const uint8_t *sta,
			    const uint8_t *bssid, const uint8_t *old_bssid);

#endif /* FSRD_NMSP_SVC_H */
