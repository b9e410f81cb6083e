/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The access controller's side of the Portal protocol (docs/portal.md):
 * what to answer a portal server, and the login sessions that follow,
 * keyed by the station's IPv4 address. Pure: the daemon gives the clock,
 * the random bytes and the callbacks that look a station up, start a
 * RADIUS authentication, open and close the station's traffic and send a
 * packet; no I/O here, so every flow and every bad packet is unit-tested.
 *
 * Bounded: at most max_sessions sessions, of which at most max_pending
 * not yet online (a flood of REQ_CHALLENGE gets "busy" answers, counted,
 * and takes nothing from users already online). A challenge unused for
 * challenge_timeout_s, a login the portal never confirmed with
 * AFF_ACK_AUTH within aff_timeout_s, and an answered failure are
 * forgotten. A request sent again (same server, Type, SerialNo and
 * UserIP) gets the answer it got the first time, from a ring of recent
 * answers, never a second RADIUS exchange.
 *
 * Liveness of the portal servers (seed 003, docs/portal.md "When the
 * portal server is gone"): an NTF_LOGOUT is sent again with exponential
 * back-off (ntf_backoff_ms, doubling up to 16 times it, ntf_tries
 * transmissions); a server that lets one go unanswered to the end, or
 * (heartbeat_timeout_s) sends nothing for that long, is down until its
 * next valid packet. The daemon hears of each change (server_state) and
 * decides on escape mode.
 */
#ifndef FSRD_PORTAL_SESS_H
#define FSRD_PORTAL_SESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "portal/portal_msg.h"

#define PORTAL_USER_MAX 253
#define PORTAL_RECENT 64	/* answers kept for retransmitted requests */

enum portal_state {
	PORTAL_S_CHALLENGED,	/* ACK_CHALLENGE sent, REQ_AUTH awaited */
	PORTAL_S_AUTHENTICATING,	/* RADIUS under way */
	PORTAL_S_WAIT_AFF,	/* online, AFF_ACK_AUTH awaited */
	PORTAL_S_ONLINE,
	PORTAL_S_AWAY,		/* the station left; kept for its return */
};

/* Why a session ended (the offline callback, counters, logs). */
enum portal_end {
	PORTAL_END_LOGOUT,	/* REQ_LOGOUT from the portal */
	PORTAL_END_PORTAL_GAVE_UP,	/* REQ_LOGOUT timeout notice */
	PORTAL_END_NO_AFF,	/* AFF_ACK_AUTH never came */
	PORTAL_END_AC,		/* portal_sess_logout(): the AC ended it */
	PORTAL_END_REJECTED,	/* RADIUS said no, or did not answer */
	PORTAL_END_EXPIRED,	/* challenge unused */
	PORTAL_END_FLUSH,	/* portal_sess_free() */
	PORTAL_END_AWAY_TIMEOUT,	/* away past the reconnect timeout */
	PORTAL_END_REPLACED,	/* away, and its IP logs in anew */
};

struct portal_sess {
	uint32_t ip;		/* host order; the key */
	uint8_t mac[6];
	enum portal_state state;
	int server;		/* index of the portal server it came from */
	uint8_t auth_type;	/* PORTAL_CHAP or PORTAL_PAP */
	uint16_t req_id;
	uint32_t token;		/* names it to portal_sess_auth_done() */
	uint8_t challenge[16];
	uint16_t auth_serial;	/* SerialNo of the REQ_AUTH */
	uint16_t auth_port;	/* the UDP port it came from */
	uint8_t auth_req_auth[PORTAL_AUTH_LEN];	/* its Authenticator */
	char user[PORTAL_USER_MAX + 1];
	uint64_t since_ms;	/* online since (WAIT_AFF and ONLINE) */
	uint64_t deadline_ms;	/* challenge or AFF timeout; 0 none */
};

/* A login to check with RADIUS: pointers into the request, valid only
 * during the authenticate callback (the password is never kept). */
struct portal_login {
	const char *user;
	uint8_t auth_type;
	const uint8_t *chap_challenge;	/* 16, CHAP */
	uint8_t chap_password[17];	/* Ident || response, CHAP */
	const uint8_t *password;	/* PAP, in clear */
	size_t password_len;
};

enum portal_auth_result {
	PORTAL_ACCEPT,
	PORTAL_REJECT,
	PORTAL_NO_ANSWER,	/* no RADIUS server answered */
};

/* REQ_INFO's answer for a session (ACK_INFO): octets, sent as KB. */
struct portal_info {
	uint64_t up_octets;	/* from the station (UpLinkFlux) */
	uint64_t down_octets;	/* to it (DownLinkFlux) */
	char port[64];		/* Port, e.g. "wlan0@ssid"; "" none */
};

struct portal_sess_ops {
	/* The station with IPv4 ip (host order): 0 with its MAC, or
	 * -ENOENT when no station of a portal BSS has that address. */
	int (*lookup)(void *ctx, uint32_t ip, uint8_t mac[6]);
	/* Start checking l with RADIUS for s: 0, and later exactly one
	 * portal_sess_auth_done(s->token); or -errno (answered "failed"). */
	int (*authenticate)(void *ctx, const struct portal_sess *s,
			    const struct portal_login *l);
	/* Stop an authentication under way (the session ended first). */
	void (*cancel)(void *ctx, const struct portal_sess *s);
	/* s is logged in: let its traffic through. */
	void (*online)(void *ctx, const struct portal_sess *s);
	/* s, online before, ends: block its traffic again. */
	void (*offline)(void *ctx, const struct portal_sess *s,
			enum portal_end why);
	/* Send buf to portal server `server`: an answer to the UDP port
	 * its request came from, port 0 (NTF_LOGOUT) to the server's
	 * notification port. */
	void (*send)(void *ctx, int server, uint16_t port, const uint8_t *buf,
		     size_t len);
	/* Optional (NULL: REQ_INFO answered "not supported"). What s's
	 * station has sent and received since the login, and its port
	 * (REQ_INFO): 0, or -errno (answered "failed"). */
	int (*info)(void *ctx, const struct portal_sess *s,
		    struct portal_info *out);
	/* Optional (NULL: not told). Portal server `server` went down
	 * (up false, why says what gave it away) or was heard again. */
	void (*server_state)(void *ctx, int server, bool up,
			     const char *why);
	/* Optional. The NTF_LOGOUT for ip to `server` went unanswered and
	 * was sent again (transmission `tries` of ntf_tries); the next in
	 * wait_ms, or the server is given up after that long. */
	void (*ntf_resent)(void *ctx, int server, uint32_t ip,
			   unsigned int tries, unsigned int wait_ms);
	/* len random bytes (challenges, ReqIDs): 0 or -errno. */
	int (*random)(void *ctx, uint8_t *buf, size_t len);
	uint64_t (*now_ms)(void *ctx);
};

struct portal_server_conf {
	uint8_t version;	/* PORTAL_V1 or PORTAL_V2 */
	struct portal_secret secret;
	/* silent this long (no valid packet, NTF_HEARTBEAT included):
	 * down. 0: not watched. */
	unsigned int heartbeat_timeout_s;
};

struct portal_sess_conf {
	size_t max_sessions;
	size_t max_pending;
	unsigned int challenge_timeout_s;
	unsigned int aff_timeout_s;	/* 0: AFF_ACK_AUTH not required */
	uint32_t bas_ip;	/* host order; 0: no BAS-IP attribute */
	unsigned int ntf_tries;	/* NTF_LOGOUT transmissions (5) */
	/* the wait after the first (1000 ms), doubled after each, at most
	 * 16 times it: 1, 2, 4, 8, 16 s */
	unsigned int ntf_backoff_ms;
};

/* What became of a received packet (counters; the daemon logs them). */
enum portal_rx {
	PORTAL_RX_ANSWERED,	/* a new answer was sent */
	PORTAL_RX_RESENT,	/* a retransmission: the earlier answer again */
	PORTAL_RX_TAKEN,	/* needs no answer (AFF, heartbeat, ...) */
	PORTAL_RX_PENDING,	/* RADIUS under way; answered when done */
	PORTAL_RX_MALFORMED,	/* portal_parse refused it */
	PORTAL_RX_BAD_VERSION,	/* not the server's configured version */
	PORTAL_RX_BAD_AUTH,	/* v2 Authenticator mismatch */
	PORTAL_RX_UNEXPECTED,	/* a Type the AC does not take */
	PORTAL_RX_FLOOD,	/* too many logins pending: "busy" sent */
	PORTAL_RX_COUNT,
};

struct portal_sess_stats {
	uint64_t rx[PORTAL_RX_COUNT];
	uint64_t logins;	/* accepted */
	uint64_t rejects;
	uint64_t no_answer;
	uint64_t logouts;
	uint64_t ntf_sent;	/* NTF_LOGOUT transmissions */
	uint64_t ntf_acked;
	uint64_t ntf_unacked;	/* given up after ntf_tries */
	uint64_t server_down;	/* a server went down */
	uint64_t server_up;	/* and was heard again */
};

struct portal_engine;

/* NULL on bad arguments or no memory. servers: n_servers entries,
 * copied. */
struct portal_engine *portal_engine_new(const struct portal_sess_conf *conf,
					const struct portal_server_conf *srv,
					size_t n_servers,
					const struct portal_sess_ops *ops,
					void *ctx);
/* Every session ends (offline with PORTAL_END_FLUSH for those online,
 * cancel for those authenticating); secrets wiped. */
void portal_engine_free(struct portal_engine *e);

/* A datagram from portal server `server` (the daemon matched its source
 * address), sent from UDP port `port`. */
enum portal_rx portal_sess_rx(struct portal_engine *e, int server,
			      uint16_t port, const uint8_t *buf, size_t len);

/* The RADIUS answer for the session named token; text: Reply-Message or
 * the reason (NULL: none), sent as TextInfo. A token no longer known
 * (the session ended meanwhile) is ignored. */
void portal_sess_auth_done(struct portal_engine *e, uint32_t token,
			   enum portal_auth_result r, const char *text);

/* The AC ends ip's session (Disconnect-Request, timeout, fsrctl): offline
 * callback, then NTF_LOGOUT to its portal, sent again until
 * ACK_NTF_LOGOUT or ntf_tries. -ENOENT: no session. */
int portal_sess_logout(struct portal_engine *e, uint32_t ip,
		       const char *reason);

/*
 * The reconnect store (seed 002): the station of ip's session (online)
 * left the AP. The session stays, AWAY, for keep_ms: portal_sess_resume
 * brings it back with no portal exchange and no RADIUS; past keep_ms it
 * ends (PORTAL_END_AWAY_TIMEOUT) and the portal gets NTF_LOGOUT. A
 * REQ_CHALLENGE or REQ_AUTH for its address ends it first
 * (PORTAL_END_REPLACED, no NTF_LOGOUT: the portal is logging that
 * address in). 0, -ENOENT (no session), -EINVAL (not online).
 */
int portal_sess_away(struct portal_engine *e, uint32_t ip, uint64_t keep_ms);
/* The station of ip's AWAY session is back: ONLINE again (no callback:
 * the caller lets its traffic through). 0, -ENOENT, -EINVAL (not away). */
int portal_sess_resume(struct portal_engine *e, uint32_t ip);

/* Timers: challenges and AFF waits expiring, NTF_LOGOUT retries. */
void portal_sess_run_timers(struct portal_engine *e);
/* Earliest deadline (now_ms clock), UINT64_MAX when none. */
uint64_t portal_sess_next_deadline(const struct portal_engine *e);

/* Is portal server `server` up (heard, or not yet found silent)? */
bool portal_server_up(const struct portal_engine *e, int server);
/* When it went down or came up last (now_ms clock; the engine's start
 * before any change). */
uint64_t portal_server_since(const struct portal_engine *e, int server);

const struct portal_sess *portal_sess_find(const struct portal_engine *e,
					   uint32_t ip);
void portal_sess_foreach(const struct portal_engine *e,
			 void (*fn)(const struct portal_sess *s, void *arg),
			 void *arg);
size_t portal_sess_count(const struct portal_engine *e);
const struct portal_sess_stats *portal_sess_stats(const struct portal_engine *e);

const char *portal_state_name(enum portal_state s);
const char *portal_end_name(enum portal_end why);
const char *portal_rx_name(enum portal_rx r);

#endif /* FSRD_PORTAL_SESS_H */
