/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsrd's RADIUS client (RFC 2865, 2866, 3579, 5080) and Dynamic
 * Authorization server (RFC 5176), driven by evloop.h: no call blocks.
 *
 * Client: authentication and accounting servers in priority order, each
 * with its own shared secret and UDP socket (connected: only its address
 * is heard). A request goes to the first live server, is retransmitted
 * unchanged (same Identifier and Authenticator) every timeout_ms up to
 * max_tries times, then fails over to the next server with a new
 * Identifier and Authenticator; a server that let a request time out and
 * answered nothing since the request was first sent to it is marked dead
 * for dead_time_s and skipped while any other server is alive. When every
 * server has been tried the request completes with RADIUS_TIMEOUT.
 * Every reply must carry a correct Response Authenticator and, for
 * Access-Accept/Reject/Challenge, a correct Message-Authenticator
 * (Accounting-Response: verified when present); a reply failing a check is
 * dropped and counted, never delivered, and the request keeps waiting for
 * a genuine answer. Identifiers: 256 per server socket; a request finding
 * none free waits in a queue.
 *
 * See docs/radius.md.
 */
#ifndef FSRD_RADIUS_CLIENT_H
#define FSRD_RADIUS_CLIENT_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "radius/radius_auth.h"
#include "radius/radius_msg.h"

#define RADIUS_MAX_SERVERS	8
#define RADIUS_DAS_MAX_CLIENTS	8

struct radius_server_conf {
	struct sockaddr_storage addr;	/* IPv4 or IPv6 with the port */
	socklen_t addr_len;
	struct radius_secret secret;
};

struct radius_client_conf {
	struct radius_server_conf auth[RADIUS_MAX_SERVERS];
	size_t n_auth;
	struct radius_server_conf acct[RADIUS_MAX_SERVERS];
	size_t n_acct;
	unsigned int timeout_ms;	/* per transmission (default 3000) */
	unsigned int max_tries;		/* transmissions per server (default 3) */
	unsigned int dead_time_s;	/* skip a dead server this long (default 60) */
	/* Added to every request that does not carry them already. */
	char nas_id[64];		/* NAS-Identifier, "" = none */
	struct in_addr nas_ip;		/* NAS-IP-Address if have_nas_ip */
	bool have_nas_ip;
	/* Monotonic clock in ms; NULL = ev_now_ms. Unit tests pass a fake. */
	uint64_t (*now_ms)(void);
};

enum radius_kind {
	RADIUS_KIND_AUTH,
	RADIUS_KIND_ACCT,
};

enum radius_status {
	RADIUS_REPLY,		/* a verified reply: result->reply */
	RADIUS_TIMEOUT,		/* no server answered after all retries */
	RADIUS_FAILED,		/* local error (encoding, crypto) */
};

struct radius_result {
	enum radius_status status;
	const struct radius_msg *reply;	/* RADIUS_REPLY only */
	/* Access-Accept with MS-MPPE keys: the MSK (wiped after the call) */
	const uint8_t *msk;
	size_t msk_len;
	const char *server;		/* "addr:port" of the server that answered */
	unsigned int attempts;		/* transmissions in all */
};

typedef void (*radius_done_fn)(void *ctx, const struct radius_result *res);

/* Counters per server (never reset). */
struct radius_server_stats {
	uint64_t requests;		/* first transmissions */
	uint64_t retransmissions;
	uint64_t timeouts;		/* requests given up on this server */
	uint64_t replies;		/* verified and delivered */
	uint64_t malformed;		/* codec errors */
	uint64_t bad_code;		/* unknown code or not a reply to the request */
	uint64_t unknown_id;
	uint64_t duplicates;
	uint64_t bad_authenticator;	/* Response Authenticator */
	uint64_t missing_ma;
	uint64_t bad_ma;
	uint64_t socket_errors;		/* e.g. ICMP port unreachable */
	uint64_t dead_marks;
	bool dead;			/* marked dead and silent since */
};

struct radius_client;
struct radius_req;

/*
 * Open one socket per server (non-blocking, connected) and register them
 * with the event loop. NULL on error with a line in err.
 */
struct radius_client *radius_client_new(const struct radius_client_conf *conf,
					char *err, size_t errlen);
/* Close everything; pending requests are dropped without callbacks. */
void radius_client_free(struct radius_client *c);

/*
 * done may send new requests; it must not cancel the request it reports
 * nor free the client.
 *
 * Send msg (code Access-Request or Accounting-Request; its identifier and
 * authenticator are ignored; a User-Password in it is in clear and is
 * hidden per server; Message-Authenticator is added to Access-Requests).
 * done is called exactly once unless the request is cancelled. Returns a
 * handle valid until done returns, or NULL with errno set (EINVAL: wrong
 * code, no server of that kind, User-Password longer than 128 octets;
 * EMSGSIZE; ENOMEM; EIO: encoding failed, nothing was sent).
 */
struct radius_req *radius_client_send(struct radius_client *c,
				      enum radius_kind kind,
				      const struct radius_msg *msg,
				      radius_done_fn done, void *ctx);
/* Forget a pending request: no callback, a late reply is unknown_id. */
void radius_client_cancel(struct radius_client *c, struct radius_req *r);

/*
 * A new server set (SIGHUP): a client for conf replaces *cp, and every
 * request under way on the old one starts again on the new servers (a
 * new Identifier and Request Authenticator, signed with the new secrets,
 * its transmissions counted on): an answer from a removed server, or one
 * signed with a replaced secret, is never awaited. A request for which
 * the new set has no server of its kind completes with RADIUS_TIMEOUT.
 * Handles stay valid (cancel them with *cp). A server of the new set
 * with the same address and secret as an old one keeps its counters and
 * dead mark. On error (-1, a line in err) *cp is untouched and runs on.
 */
int radius_client_renew(struct radius_client **cp,
			const struct radius_client_conf *conf, char *err,
			size_t errlen);

/* Read every socket (called by the event loop; tests call it directly). */
void radius_client_input(struct radius_client *c);
/* Handle due retransmissions/failovers (event loop timer; tests). */
void radius_client_run_timers(struct radius_client *c);
/* Earliest deadline in ms of the client's clock, UINT64_MAX if idle. */
uint64_t radius_client_next_deadline(const struct radius_client *c);
size_t radius_client_pending(const struct radius_client *c);

const struct radius_server_stats *
radius_client_stats(const struct radius_client *c, enum radius_kind kind,
		    size_t idx);
/* "addr:port" of a server for logs. */
const char *radius_client_server_name(const struct radius_client *c,
				      enum radius_kind kind, size_t idx);

/* --- accounting (RFC 2866) --------------------------------------------- */

struct radius_acct_info {
	enum radius_acct_status status;
	const char *session_id;		/* Acct-Session-Id (required) */
	const char *user_name;		/* may be NULL */
	const char *called_station_id;	/* "BSSID:SSID" (RFC 3580 3.20) */
	const char *calling_station_id;	/* STA MAC "02-00-00-00-01-00" */
	uint64_t input_octets;		/* from the station */
	uint64_t output_octets;		/* to the station */
	uint32_t input_packets;
	uint32_t output_packets;
	uint32_t session_time_s;	/* Interim-Update and Stop */
	uint32_t terminate_cause;	/* Stop only; 0 = omit */
};

/* Build an Accounting-Request: Acct-Status-Type, Acct-Session-Id,
 * Acct-Authentic RADIUS, NAS-Port-Type Wireless-802.11, counters with
 * Gigawords (Interim/Stop), Acct-Session-Time (Interim/Stop). */
enum radius_err radius_acct_build(struct radius_msg *m,
				  const struct radius_acct_info *info);

/* --- Dynamic Authorization Server (RFC 5176) --------------------------- */

struct radius_das_client {
	struct sockaddr_storage addr;	/* port ignored */
	socklen_t addr_len;
	struct radius_secret secret;
};

struct radius_das_conf {
	struct sockaddr_storage bind;	/* e.g. 0.0.0.0:3799; port 0 = any */
	socklen_t bind_len;
	struct radius_das_client clients[RADIUS_DAS_MAX_CLIENTS];
	size_t n_clients;
	bool require_ma;		/* refuse requests without Message-Authenticator */
	bool require_event_timestamp;	/* refuse requests without Event-Timestamp */
	unsigned int time_window_s;	/* Event-Timestamp window (default 300) */
	uint64_t (*now_ms)(void);	/* NULL = ev_now_ms (duplicate cache) */
};

/*
 * A verified Disconnect-Request or CoA-Request: return true for ACK,
 * false for NAK with *error_cause set (e.g. 503 Session Context Not
 * Found). Called once per request: a retransmission (same source,
 * identifier and authenticator within 30 s) gets the cached answer.
 */
typedef bool (*radius_das_fn)(void *ctx, const struct radius_msg *req,
			      uint32_t *error_cause);

struct radius_das_stats {
	uint64_t requests;		/* verified and handed to the callback */
	uint64_t acks;
	uint64_t naks;
	uint64_t duplicates;		/* answered from the cache */
	uint64_t unknown_client;	/* source not configured: dropped */
	uint64_t malformed;
	uint64_t bad_code;
	uint64_t bad_authenticator;	/* wrong secret or forged: dropped */
	uint64_t missing_ma;
	uint64_t bad_ma;
	uint64_t bad_timestamp;		/* Event-Timestamp missing or outside the window */
};

struct radius_das;

struct radius_das *radius_das_new(const struct radius_das_conf *conf,
				  radius_das_fn fn, void *ctx, char *err,
				  size_t errlen);
void radius_das_free(struct radius_das *d);
/* Read the socket (event loop; tests). */
void radius_das_input(struct radius_das *d);
/* The bound UDP port (useful with port 0). */
uint16_t radius_das_port(const struct radius_das *d);
const struct radius_das_stats *radius_das_stats(const struct radius_das *d);

/* "host:port" (IPv4, [IPv6]:port or IPv6 without port) to sockaddr. */
int radius_parse_addr(const char *s, uint16_t default_port,
		      struct sockaddr_storage *ss, socklen_t *len);
void radius_addr_str(const struct sockaddr *sa, char *buf, size_t len);

#endif
