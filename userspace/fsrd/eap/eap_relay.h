/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The IEEE 802.1X-2010 authenticator of one station, relaying EAP between
 * the station (EAPOL, 802.1X clause 11) and a RADIUS server (RFC 3579,
 * RFC 3580): a pure state machine. Inputs are function calls (association,
 * an EAPOL frame, a RADIUS completion, a timer); outputs go through an ops
 * table (send an EAPOL frame, send or cancel an Access-Request, success
 * with the MSK, failure with a reason, a trace line, arm a timer). No I/O
 * and no global state except the totals of the counters: sessions never
 * wait for each other. See docs/8021x.md.
 *
 * The daemon's owner of the sessions is sta_eap.c. Keys: the MSK is handed to ops->success and never stored in the
 * session; no trace line carries key or secret bytes.
 */
#ifndef FSRD_EAP_RELAY_H
#define FSRD_EAP_RELAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/evloop.h"
#include "radius/radius_client.h"

/* EAPOL (802.1X-2010 11.3) */
#define EAPOL_HDR_LEN		4
#define EAPOL_VERSION_2004	2	/* what fsrd sends (hostapd's default) */
enum eapol_type {
	EAPOL_TYPE_EAP = 0,
	EAPOL_TYPE_START = 1,
	EAPOL_TYPE_LOGOFF = 2,
	EAPOL_TYPE_KEY = 3,
	EAPOL_TYPE_ASF_ALERT = 4,
};

/* EAP (RFC 3748 4) */
#define EAP_HDR_LEN		4
enum eap_code {
	EAP_CODE_REQUEST = 1,
	EAP_CODE_RESPONSE = 2,
	EAP_CODE_SUCCESS = 3,
	EAP_CODE_FAILURE = 4,
};
#define EAP_TYPE_IDENTITY	1
#define EAP_TYPE_NOTIFICATION	2
#define EAP_TYPE_NAK		3

/* Largest EAP packet taken from a station: it must fit in one
 * Access-Request (4096 octets) with the other attributes. */
#define EAP_RELAY_EAP_MAX	3000
/* Largest EAP packet relayed from the server to the station. */
#define EAP_RELAY_EAP_SRV_MAX	(RADIUS_MAX_LEN - RADIUS_HDR_LEN)
#define EAP_RELAY_CLASS_MAX	4
#define EAP_RELAY_USER_MAX	253

/* Shared by every session of a daemon; must outlive them. */
struct eap_relay_conf {
	unsigned int identity_timeout_ms; /* EAP-Request/Identity period (3000) */
	unsigned int identity_tries;	/* transmissions in all (3) */
	unsigned int supp_timeout_ms;	/* relayed request period (3000); an
					 * Access-Challenge Session-Timeout wins */
	unsigned int supp_tries;	/* transmissions in all (4) */
	unsigned int reauth_period_s;	/* 0 = only when the server asks */
	unsigned int quiet_period_ms;	/* after a failure, EAPOL-Start ignored (0) */
	unsigned int framed_mtu;	/* Framed-MTU (1400) */
	uint8_t eapol_version;		/* of the frames sent (2) */
	char nas_id[64];		/* NAS-Identifier, "" = the client adds it */
};

/* Defaults above. */
void eap_relay_conf_defaults(struct eap_relay_conf *conf);

/* Who the session is for. */
struct eap_relay_sta {
	uint8_t sta[6];			/* Calling-Station-Id, EAPOL destination */
	uint8_t bssid[6];		/* Called-Station-Id "BSSID:SSID" */
	uint8_t ssid[32];
	size_t ssid_len;
	char acct_session_id[33];	/* Acct-Session-Id, "" = none */
	uint8_t first_id;		/* EAP identifier to start from (random) */
};

/* What an Access-Accept says that fsrd keeps (accounting, VLAN, timers). */
struct eap_relay_attrs {
	bool has_session_timeout;
	uint32_t session_timeout;	/* s (RFC 2865 5.27) */
	bool has_termination_action;
	uint32_t termination_action;	/* 1 = RADIUS-Request: reauthenticate */
	bool has_acct_interim_interval;
	uint32_t acct_interim_interval;	/* s (RFC 2869 5.16) */
	size_t n_class;			/* Class, echoed in accounting */
	size_t class_len[EAP_RELAY_CLASS_MAX];
	uint8_t class_val[EAP_RELAY_CLASS_MAX][RADIUS_ATTR_MAX_DATA];
	char user_name[EAP_RELAY_USER_MAX + 1];	/* of the Accept, else the identity */
	/* RFC 2868 / RFC 3580 3.31 (reported, not applied yet) */
	bool has_tunnel;		/* any Tunnel-* attribute */
	uint32_t tunnel_type;		/* 13 = VLAN */
	uint32_t tunnel_medium_type;	/* 6 = IEEE-802 */
	char tunnel_group_id[RADIUS_ATTR_MAX_DATA + 1];
	uint16_t vlan_id;		/* 1..4094 when a valid VLAN assignment */
};

/* Termination-Action values (RFC 2865 5.29) */
#define RADIUS_TERMINATION_DEFAULT		0
#define RADIUS_TERMINATION_RADIUS_REQUEST	1
/* Tunnel values (RFC 2868, RFC 3580 3.31) */
#define RADIUS_TUNNEL_TYPE_VLAN			13
#define RADIUS_TUNNEL_MEDIUM_802		6
#define RADIUS_NAS_PORT_TYPE_80211		19
#define RADIUS_SERVICE_TYPE_FRAMED		2

struct eap_relay_success {
	const uint8_t *msk;		/* RADIUS_MSK_LEN octets; PMK = first 32 */
	size_t msk_len;
	const struct eap_relay_attrs *attrs;
	bool reauth;			/* the station was already authorized */
	const char *server;		/* "addr:port", may be NULL */
};

enum eap_relay_reason {
	EAP_RELAY_REJECT,		/* Access-Reject */
	EAP_RELAY_RADIUS_TIMEOUT,	/* no RADIUS server answered */
	EAP_RELAY_RADIUS_ERROR,		/* request could not be built or sent */
	EAP_RELAY_BAD_REPLY,		/* reply without a usable EAP packet */
	EAP_RELAY_NO_KEYS,		/* Access-Accept without MS-MPPE keys */
	EAP_RELAY_IDENTITY_TIMEOUT,	/* no EAP-Response/Identity */
	EAP_RELAY_STA_TIMEOUT,		/* station stopped answering */
	EAP_RELAY_LOGOFF,		/* EAPOL-Logoff */
	EAP_RELAY_SESSION_TIMEOUT,	/* Session-Timeout reached, no reauth */
	EAP_RELAY_REASON_MAX
};

const char *eap_relay_reason_str(enum eap_relay_reason why);

enum eap_relay_timer {
	EAP_RELAY_TIMER_TX,		/* retransmission, supplicant, quiet */
	EAP_RELAY_TIMER_SESSION,	/* reauthentication / session limit */
	EAP_RELAY_TIMERS
};

enum eap_relay_state {
	EAP_RELAY_IDLE,			/* nothing under way */
	EAP_RELAY_IDENTITY,		/* EAP-Request/Identity sent */
	EAP_RELAY_RADIUS,		/* Access-Request outstanding */
	EAP_RELAY_STA,			/* relayed request, waiting for the station */
	EAP_RELAY_AUTHENTICATED,	/* EAP-Success sent */
	EAP_RELAY_HELD,			/* failed; quiet period */
};

const char *eap_relay_state_str(enum eap_relay_state st);

struct eap_relay;

/*
 * Outputs. ctx is the owner's (given to eap_relay_new). The owner may call
 * eap_relay_free() from success and failure (the session goes away when
 * the call returns); no other op may free it.
 */
struct eap_relay_ops {
	/* An EAPOL frame (802.1X header first) for the station. */
	int (*send_eapol)(void *ctx, const uint8_t *frame, size_t len);
	/* Send an Access-Request (attributes in clear, Message-Authenticator
	 * placeholder included); done(done_ctx, result) later, never from
	 * inside this call. Returns a handle for radius_cancel, NULL on error.
	 * The daemon's is radius_client_send(c, RADIUS_KIND_AUTH, ...). */
	void *(*radius_send)(void *ctx, const struct radius_msg *req,
			     radius_done_fn done, void *done_ctx);
	void (*radius_cancel)(void *ctx, void *handle);
	/* EAP-Success sent; the station may start the 4-way handshake. */
	void (*success)(void *ctx, const struct eap_relay_success *r);
	/* EAP-Failure sent (if the station is still there) or logoff or
	 * session end: the port is unauthorized, the owner deauthenticates. */
	void (*failure)(void *ctx, enum eap_relay_reason why);
	/* One line of the per-client trace (optional). per_message: one
	 * EAPOL/EAP/RADIUS message relayed, sent again or dropped (the
	 * daemon logs these at debug); else a step of the session (start,
	 * outcome, timeout). */
	void (*trace)(void *ctx, const char *line, bool per_message);
	/* Arm (ms > 0) or cancel (ms == 0) a one-shot timer that calls
	 * eap_relay_timeout(s, t). NULL: the session uses evloop.h timers. */
	void (*timer)(void *ctx, enum eap_relay_timer t, unsigned int ms);
	/* Before a new authentication the station asks for (EAPOL-Start
	 * after success or during an exchange): false refuses it, the Start
	 * is ignored and counted (starts_refused). NULL: always allowed.
	 * Reauthentications the session schedules itself (Session-Timeout,
	 * reauth_period_s) and eap_relay_start() are not asked. */
	bool (*may_start)(void *ctx);
};

struct eap_relay_stats {
	uint64_t eapol_rx;		/* frames given to eap_relay_rx_eapol */
	uint64_t eapol_start;
	uint64_t eapol_logoff;
	uint64_t eapol_key;		/* EAPOL-Key: wpa_auth's, ignored here */
	uint64_t eapol_other;		/* ASF alert, unknown types: ignored */
	uint64_t malformed;		/* bad EAPOL/EAP length fields, truncated */
	uint64_t oversize;		/* EAP or identity too long to relay */
	uint64_t bad_code;		/* EAP from the station not a Response */
	uint64_t wrong_id;		/* Response to no outstanding Request */
	uint64_t duplicates;		/* retransmitted Response, not relayed */
	uint64_t unexpected;		/* Response while no Request outstanding */
	uint64_t held_drops;		/* EAPOL-Start during the quiet period */
	uint64_t identity_tx;		/* EAP-Request/Identity first sends */
	uint64_t identity_retx;
	uint64_t sta_req_tx;		/* server requests relayed */
	uint64_t sta_req_retx;
	uint64_t access_requests;
	uint64_t challenges;
	uint64_t accepts;
	uint64_t rejects;
	uint64_t radius_timeouts;
	uint64_t radius_errors;		/* local errors and unusable replies */
	uint64_t late_replies;		/* completion with no request pending */
	uint64_t successes;
	uint64_t failures;
	uint64_t reauths;
	uint64_t starts_refused;	/* EAPOL-Start refused by ops->may_start */
};

/* NULL on allocation failure. Nothing is sent until eap_relay_start. */
struct eap_relay *eap_relay_new(const struct eap_relay_conf *conf,
				const struct eap_relay_ops *ops, void *ctx,
				const struct eap_relay_sta *sta);
/* Cancels the outstanding Access-Request and timers; wipes the session. */
void eap_relay_free(struct eap_relay *s);

/* (Re)association: send EAP-Request/Identity at once (no EAPOL-Start
 * needed). Restarts an exchange under way. */
void eap_relay_start(struct eap_relay *s);
/* Reauthenticate (e.g. operator request); the port stays authorized. */
void eap_relay_reauth(struct eap_relay *s);
/* An EAPOL frame from the station (802.1X header first). */
void eap_relay_rx_eapol(struct eap_relay *s, const uint8_t *frame,
			size_t len);
/* RADIUS completion (a radius_done_fn; ctx is the session). */
void eap_relay_radius_done(void *session, const struct radius_result *res);
/* A timer armed through ops->timer expired. */
void eap_relay_timeout(struct eap_relay *s, enum eap_relay_timer t);

enum eap_relay_state eap_relay_get_state(const struct eap_relay *s);
bool eap_relay_authorized(const struct eap_relay *s);
/* The identity of the last EAP-Response/Identity ("" if none). */
const char *eap_relay_identity(const struct eap_relay *s);
const struct eap_relay_stats *eap_relay_stats(const struct eap_relay *s);
/* Sums over every session ever created (the only global state). */
const struct eap_relay_stats *eap_relay_totals(void);

/* RFC 3580 3.20/3.21 "AA-BB-CC-DD-EE-FF" and "AA-BB-CC-DD-EE-FF:SSID";
 * buf of 18 resp. 18 + 1 + 32 + 1 octets. */
void eap_relay_station_id(char *buf, size_t size, const uint8_t mac[6],
			  const uint8_t *ssid, size_t ssid_len);

/* Parse the Access-Accept attributes fsrd keeps (exposed for tests). */
/* How long a session authenticated with a's Access-Accept lasts, in
 * seconds (0: for ever), and whether it is then reauthenticated (*reauth)
 * or ended: Session-Timeout with Termination-Action, else the configured
 * reauthentication period. */
unsigned int eap_relay_session_s(const struct eap_relay_conf *c,
				 const struct eap_relay_attrs *a, bool *reauth);
void eap_relay_parse_attrs(const struct radius_msg *m,
			   struct eap_relay_attrs *a);

#endif
