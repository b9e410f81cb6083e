// SPDX-License-Identifier: GPL-2.0-only
/*
 * 802.1X authenticator of one station: EAP relayed between EAPOL and
 * RADIUS (IEEE 802.1X-2010 8 and 11; RFC 3748; RFC 3579; RFC 3580).
 * See eap_relay.h and docs/8021x.md.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eap/eap_relay.h"

struct eap_relay;

struct eap_relay_evt {
	struct ev_timer t;
	struct eap_relay *s;
	enum eap_relay_timer which;
};

struct eap_relay {
	const struct eap_relay_conf *conf;
	const struct eap_relay_ops *ops;
	void *ctx;
	struct eap_relay_sta sta;
	char called_id[18 + 1 + 32 + 1];
	char calling_id[18];

	enum eap_relay_state state;
	bool authorized;		/* EAP-Success sent, not ended since */
	bool reauthenticating;		/* exchange started while authorized */
	bool reauth_at_session_end;	/* session timer reauthenticates */
	uint8_t id;			/* identifier of the outstanding request */
	uint8_t next_id;
	unsigned int tries;		/* transmissions of the current request */
	unsigned int tx_timeout_ms;	/* period of the current request */
	void *req;			/* outstanding Access-Request */
	bool have_relayed;
	uint8_t relayed_id;		/* identifier of the last relayed response */

	char identity[EAP_RELAY_USER_MAX + 1];
	size_t identity_len;
	uint8_t state_attr[RADIUS_ATTR_MAX_DATA];
	size_t state_len;		/* 0 = no State to echo */

	/* the last EAP-Request sent, for retransmission (EAPOL header first) */
	uint8_t tx[EAPOL_HDR_LEN + EAP_RELAY_EAP_SRV_MAX];
	size_t tx_len;

	struct eap_relay_evt evt[EAP_RELAY_TIMERS];
	unsigned int busy;		/* nesting of entry points */
	bool zombie;			/* freed while busy */
	struct eap_relay_stats st;
};

static struct eap_relay_stats totals;

#define COUNT(s, field)	do { (s)->st.field++; totals.field++; } while (0)

void eap_relay_conf_defaults(struct eap_relay_conf *conf)
{
	memset(conf, 0, sizeof(*conf));
	conf->identity_timeout_ms = 3000;
	conf->identity_tries = 3;
	conf->supp_timeout_ms = 3000;
	conf->supp_tries = 4;
	conf->framed_mtu = 1400;
	conf->eapol_version = EAPOL_VERSION_2004;
}

static const char *const reason_names[EAP_RELAY_REASON_MAX] = {
	[EAP_RELAY_REJECT] = "Access-Reject",
	[EAP_RELAY_RADIUS_TIMEOUT] = "no RADIUS server answered",
	[EAP_RELAY_RADIUS_ERROR] = "RADIUS request failed locally",
	[EAP_RELAY_BAD_REPLY] = "unusable RADIUS reply",
	[EAP_RELAY_NO_KEYS] = "Access-Accept without MS-MPPE keys",
	[EAP_RELAY_IDENTITY_TIMEOUT] = "no EAP-Response/Identity",
	[EAP_RELAY_STA_TIMEOUT] = "station stopped answering",
	[EAP_RELAY_LOGOFF] = "EAPOL-Logoff",
	[EAP_RELAY_SESSION_TIMEOUT] = "Session-Timeout reached",
};

const char *eap_relay_reason_str(enum eap_relay_reason why)
{
	if ((unsigned int)why < EAP_RELAY_REASON_MAX)
		return reason_names[why];
	return "?";
}

const char *eap_relay_state_str(enum eap_relay_state st)
{
	switch (st) {
	case EAP_RELAY_IDLE: return "idle";
	case EAP_RELAY_IDENTITY: return "identity";
	case EAP_RELAY_RADIUS: return "radius";
	case EAP_RELAY_STA: return "station";
	case EAP_RELAY_AUTHENTICATED: return "authenticated";
	case EAP_RELAY_HELD: return "held";
	}
	return "?";
}

static const char *eap_type_name(uint8_t t)
{
	switch (t) {
	case 1: return "Identity";
	case 2: return "Notification";
	case 3: return "Nak";
	case 4: return "MD5";
	case 13: return "TLS";
	case 18: return "SIM";
	case 21: return "TTLS";
	case 23: return "AKA";
	case 25: return "PEAP";
	case 26: return "MSCHAPv2";
	case 43: return "FAST";
	case 50: return "AKA'";
	case 52: return "pwd";
	case 254: return "Expanded";
	}
	return NULL;
}

/* "PEAP" or "type 99" */
static const char *type_str(uint8_t t, char *buf, size_t size)
{
	const char *n = eap_type_name(t);

	if (n)
		return n;
	snprintf(buf, size, "type %u", t);
	return buf;
}

void eap_relay_station_id(char *buf, size_t size, const uint8_t mac[6],
			  const uint8_t *ssid, size_t ssid_len)
{
	int n = snprintf(buf, size, "%02X-%02X-%02X-%02X-%02X-%02X",
			 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);

	if (!ssid || n < 0 || (size_t)n + 1 + ssid_len + 1 > size)
		return;
	buf[n] = ':';
	memcpy(buf + n + 1, ssid, ssid_len);
	buf[n + 1 + ssid_len] = '\0';
}

/* --- entry/exit: the owner may free the session from success/failure --- */

static void enter(struct eap_relay *s)
{
	s->busy++;
}

static void really_free(struct eap_relay *s)
{
	explicit_bzero(s, sizeof(*s));
	free(s);
}

/* Returns true when the session is gone (or going) and callers must stop. */
static bool leave(struct eap_relay *s)
{
	if (--s->busy == 0 && s->zombie) {
		really_free(s);
		return true;
	}
	return false;
}

static void vtrace(struct eap_relay *s, bool per_message, const char *fmt,
		   va_list ap)
{
	char line[256];

	if (!s->ops->trace || s->zombie)
		return;
	vsnprintf(line, sizeof(line), fmt, ap);
	s->ops->trace(s->ctx, line, per_message);
}

/* A step of the session: its start, outcome, a timeout, a server's odd
 * answer. */
static void trace(struct eap_relay *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void trace(struct eap_relay *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vtrace(s, false, fmt, ap);
	va_end(ap);
}

/* One EAPOL/EAP/RADIUS message relayed, sent again or dropped. */
static void trace_msg(struct eap_relay *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void trace_msg(struct eap_relay *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vtrace(s, true, fmt, ap);
	va_end(ap);
}

/* Printable copy of an identity for a trace line. */
static void printable(char *out, size_t size, const char *in, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len && n + 4 < size; i++) {
		unsigned char c = (unsigned char)in[i];

		out[n++] = (c >= 0x20 && c < 0x7f && c != '\'') ? (char)c : '?';
	}
	if (i < len) {
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
}

/* --- timers ------------------------------------------------------------ */

static void ev_fired(struct ev_timer *t)
{
	struct eap_relay_evt *e = (struct eap_relay_evt *)t;

	eap_relay_timeout(e->s, e->which);
}

static void timer_set(struct eap_relay *s, enum eap_relay_timer t,
		      unsigned int ms)
{
	if (s->ops->timer) {
		s->ops->timer(s->ctx, t, ms);
		return;
	}
	if (ms)
		ev_timer_arm(&s->evt[t].t, ms);
	else
		ev_timer_cancel(&s->evt[t].t);
}

/* --- output ------------------------------------------------------------ */

static void send_frame(struct eap_relay *s, const uint8_t *f, size_t len)
{
	if (s->ops->send_eapol(s->ctx, f, len) < 0)
		trace(s, "EAPOL frame could not be sent");
}

/* Build EAPOL-EAP around an EAP packet into s->tx (the retransmit copy). */
static void put_eapol(struct eap_relay *s, const uint8_t *eap, size_t len)
{
	s->tx[0] = s->conf->eapol_version;
	s->tx[1] = EAPOL_TYPE_EAP;
	s->tx[2] = (uint8_t)(len >> 8);
	s->tx[3] = (uint8_t)len;
	memmove(s->tx + EAPOL_HDR_LEN, eap, len);
	s->tx_len = EAPOL_HDR_LEN + len;
}

/* EAP-Success or EAP-Failure: not kept for retransmission (RFC 3748 4.2). */
static void send_result(struct eap_relay *s, uint8_t code, uint8_t id)
{
	uint8_t f[EAPOL_HDR_LEN + EAP_HDR_LEN] = {
		s->conf->eapol_version, EAPOL_TYPE_EAP, 0, EAP_HDR_LEN,
		code, id, 0, EAP_HDR_LEN,
	};

	send_frame(s, f, sizeof(f));
}

static void cancel_request(struct eap_relay *s)
{
	void *r = s->req;

	s->req = NULL;
	if (r && s->ops->radius_cancel)
		s->ops->radius_cancel(s->ctx, r);
}

/* End of an exchange without success: EAP-Failure (unless the station is
 * gone or logged off), counters, quiet period, report. */
static void fail(struct eap_relay *s, enum eap_relay_reason why,
		 bool send_failure)
{
	cancel_request(s);
	timer_set(s, EAP_RELAY_TIMER_TX, 0);
	timer_set(s, EAP_RELAY_TIMER_SESSION, 0);
	if (send_failure)
		send_result(s, EAP_CODE_FAILURE, s->id);
	s->authorized = false;
	s->reauthenticating = false;
	s->state_len = 0;
	s->tx_len = 0;
	COUNT(s, failures);
	if (s->conf->quiet_period_ms && why != EAP_RELAY_LOGOFF) {
		s->state = EAP_RELAY_HELD;
		timer_set(s, EAP_RELAY_TIMER_TX, s->conf->quiet_period_ms);
	} else {
		s->state = EAP_RELAY_IDLE;
	}
	trace(s, "%s: %s%s", why == EAP_RELAY_LOGOFF ||
	      why == EAP_RELAY_SESSION_TIMEOUT ? "session ended" :
	      "authentication failed", eap_relay_reason_str(why),
	      send_failure ? ", EAP-Failure sent" : "");
	s->ops->failure(s->ctx, why);
}

static void send_identity(struct eap_relay *s)
{
	uint8_t eap[EAP_HDR_LEN + 1];

	cancel_request(s);
	timer_set(s, EAP_RELAY_TIMER_TX, 0);
	s->id = s->next_id++;
	s->state_len = 0;
	s->have_relayed = false;
	eap[0] = EAP_CODE_REQUEST;
	eap[1] = s->id;
	eap[2] = 0;
	eap[3] = sizeof(eap);
	eap[4] = EAP_TYPE_IDENTITY;
	put_eapol(s, eap, sizeof(eap));
	s->state = EAP_RELAY_IDENTITY;
	s->tries = 1;
	s->tx_timeout_ms = s->conf->identity_timeout_ms;
	COUNT(s, identity_tx);
	send_frame(s, s->tx, s->tx_len);
	timer_set(s, EAP_RELAY_TIMER_TX, s->tx_timeout_ms);
	trace_msg(s, "EAP-Request/Identity sent (id %u)", s->id);
}

/* --- station side -------------------------------------------------------- */

static void relay_response(struct eap_relay *s, const uint8_t *eap,
			   size_t len)
{
	struct radius_msg m;
	enum radius_err e = RADIUS_OK;
	char tb[16];
	void *h;

	radius_msg_init(&m, RADIUS_ACCESS_REQUEST, 0);
	if (s->identity_len)
		e = radius_msg_add(&m, RADIUS_ATTR_USER_NAME, s->identity,
				   s->identity_len);
	if (!e && s->conf->nas_id[0])
		e = radius_msg_add_str(&m, RADIUS_ATTR_NAS_IDENTIFIER,
				       s->conf->nas_id);
	if (!e)
		e = radius_msg_add_str(&m, RADIUS_ATTR_CALLED_STATION_ID,
				       s->called_id);
	if (!e)
		e = radius_msg_add_str(&m, RADIUS_ATTR_CALLING_STATION_ID,
				       s->calling_id);
	if (!e)
		e = radius_msg_add_u32(&m, RADIUS_ATTR_NAS_PORT_TYPE,
				       RADIUS_NAS_PORT_TYPE_80211);
	if (!e)
		e = radius_msg_add_u32(&m, RADIUS_ATTR_SERVICE_TYPE,
				       RADIUS_SERVICE_TYPE_FRAMED);
	if (!e && s->conf->framed_mtu)
		e = radius_msg_add_u32(&m, RADIUS_ATTR_FRAMED_MTU,
				       s->conf->framed_mtu);
	if (!e && s->sta.acct_session_id[0])
		e = radius_msg_add_str(&m, RADIUS_ATTR_ACCT_SESSION_ID,
				       s->sta.acct_session_id);
	if (!e && s->state_len)
		e = radius_msg_add(&m, RADIUS_ATTR_STATE, s->state_attr,
				   s->state_len);
	if (!e)
		e = radius_msg_add_eap(&m, eap, len);
	if (!e && !radius_msg_add_ma(&m))
		e = RADIUS_E_NO_SPACE;
	if (e) {
		COUNT(s, radius_errors);
		trace(s, "Access-Request not built: %s", radius_strerror(e));
		fail(s, EAP_RELAY_RADIUS_ERROR, true);
		return;
	}
	timer_set(s, EAP_RELAY_TIMER_TX, 0);
	s->state = EAP_RELAY_RADIUS;
	h = s->ops->radius_send(s->ctx, &m, eap_relay_radius_done, s);
	explicit_bzero(&m, sizeof(m));
	if (!h) {
		COUNT(s, radius_errors);
		fail(s, EAP_RELAY_RADIUS_ERROR, true);
		return;
	}
	s->req = h;
	s->have_relayed = true;
	s->relayed_id = eap[1];
	COUNT(s, access_requests);
	trace_msg(s, "EAP-Response/%s (id %u) relayed in an Access-Request",
	      type_str(eap[4], tb, sizeof(tb)), eap[1]);
}

static void rx_response(struct eap_relay *s, const uint8_t *eap, size_t len)
{
	uint8_t id = eap[1];

	if (eap[0] != EAP_CODE_RESPONSE) {
		COUNT(s, bad_code);
		trace_msg(s, "EAP code %u from the station dropped", eap[0]);
		return;
	}
	if (len < EAP_HDR_LEN + 1) {
		COUNT(s, malformed);
		trace_msg(s, "EAP-Response without a type dropped");
		return;
	}
	switch (s->state) {
	case EAP_RELAY_IDENTITY:
	case EAP_RELAY_STA:
		break;
	case EAP_RELAY_RADIUS:
		if (id == s->id) {
			COUNT(s, duplicates);
			trace_msg(s, "duplicate EAP-Response (id %u) dropped: Access-Request pending",
			      id);
		} else {
			COUNT(s, wrong_id);
			trace_msg(s, "EAP-Response id %u dropped: expected id %u",
			      id, s->id);
		}
		return;
	default:
		COUNT(s, unexpected);
		trace_msg(s, "EAP-Response (id %u) dropped: no request outstanding (%s)",
		      id, eap_relay_state_str(s->state));
		return;
	}
	if (id != s->id && s->have_relayed && id == s->relayed_id) {
		COUNT(s, duplicates);
		trace_msg(s, "duplicate EAP-Response (id %u) dropped: already relayed",
		      id);
		return;
	}
	if (id != s->id) {
		COUNT(s, wrong_id);
		trace_msg(s, "EAP-Response id %u dropped: expected id %u", id,
		      s->id);
		return;
	}
	if (len > EAP_RELAY_EAP_MAX) {
		COUNT(s, oversize);
		trace_msg(s, "EAP-Response of %zu octets dropped (max %u)", len,
		      EAP_RELAY_EAP_MAX);
		return;
	}
	if (eap[4] == EAP_TYPE_IDENTITY) {
		const uint8_t *v = eap + 5, *nul = memchr(v, 0, len - 5);
		size_t n = nul ? (size_t)(nul - v) : len - 5;
		char pr[72];

		/* RFC 4282/4284: the identity stops at a NUL */
		if (n > EAP_RELAY_USER_MAX) {
			COUNT(s, oversize);
			trace_msg(s, "identity of %zu octets dropped (max %u)", n,
			      EAP_RELAY_USER_MAX);
			return;
		}
		memcpy(s->identity, v, n);
		s->identity[n] = '\0';
		s->identity_len = n;
		printable(pr, sizeof(pr), s->identity, n);
		trace_msg(s, "Identity '%s' received", pr);
	} else if (s->state == EAP_RELAY_IDENTITY) {
		/* a Nak or anything else to our Identity request: relay it */
		char tb[16];

		trace_msg(s, "EAP-Response/%s to the Identity request",
		      type_str(eap[4], tb, sizeof(tb)));
	}
	relay_response(s, eap, len);
}

static void restart(struct eap_relay *s, const char *why)
{
	if (s->authorized) {
		s->reauthenticating = true;
		COUNT(s, reauths);
	}
	trace(s, "%s: %s authentication", why,
	      s->authorized ? "re" : "restarting");
	send_identity(s);
}

void eap_relay_rx_eapol(struct eap_relay *s, const uint8_t *f, size_t len)
{
	size_t body;

	if (s->zombie)
		return;
	enter(s);
	COUNT(s, eapol_rx);
	if (len < EAPOL_HDR_LEN) {
		COUNT(s, malformed);
		trace_msg(s, "EAPOL frame of %zu octets dropped", len);
		goto out;
	}
	body = (size_t)f[2] << 8 | f[3];
	if (body > len - EAPOL_HDR_LEN) {
		COUNT(s, malformed);
		trace_msg(s, "truncated EAPOL frame dropped (body %zu, %zu octets)",
		      body, len - EAPOL_HDR_LEN);
		goto out;
	}
	/* octets past the body are padding (802.1X-2010 11.3.2) */
	switch (f[1]) {
	case EAPOL_TYPE_EAP: {
		const uint8_t *eap = f + EAPOL_HDR_LEN;
		size_t elen;

		if (body < EAP_HDR_LEN) {
			COUNT(s, malformed);
			trace_msg(s, "EAPOL-EAP with a %zu-octet body dropped",
			      body);
			break;
		}
		elen = (size_t)eap[2] << 8 | eap[3];
		if (elen < EAP_HDR_LEN || elen > body) {
			COUNT(s, malformed);
			trace_msg(s, "EAP length %zu does not fit the %zu-octet body: dropped",
			      elen, body);
			break;
		}
		rx_response(s, eap, elen);
		break;
	}
	case EAPOL_TYPE_START:
		COUNT(s, eapol_start);
		if (s->state == EAP_RELAY_HELD) {
			COUNT(s, held_drops);
			trace_msg(s, "EAPOL-Start ignored: quiet period");
		} else if (s->state == EAP_RELAY_IDENTITY && s->tries == 1 &&
			   !s->reauthenticating) {
			/* our Identity request crossed it: send it again */
			s->tries++;
			COUNT(s, identity_retx);
			send_frame(s, s->tx, s->tx_len);
			timer_set(s, EAP_RELAY_TIMER_TX, s->tx_timeout_ms);
			trace_msg(s, "EAPOL-Start received: EAP-Request/Identity (id %u) sent again",
			      s->id);
		} else if (s->ops->may_start && !s->ops->may_start(s->ctx)) {
			COUNT(s, starts_refused);
			trace_msg(s, "EAPOL-Start ignored: no new authentication allowed now");
		} else {
			restart(s, "EAPOL-Start received");
		}
		break;
	case EAPOL_TYPE_LOGOFF:
		COUNT(s, eapol_logoff);
		trace(s, "EAPOL-Logoff received");
		if (s->state == EAP_RELAY_IDLE || s->state == EAP_RELAY_HELD)
			break;	/* nothing under way, nothing authorized */
		fail(s, EAP_RELAY_LOGOFF, false);
		break;
	case EAPOL_TYPE_KEY:
		COUNT(s, eapol_key);
		break;
	default:
		COUNT(s, eapol_other);
		break;
	}
out:
	leave(s);
}

/* --- RADIUS side ---------------------------------------------------------- */

static bool tunnel_int(const uint8_t *v, size_t l, uint32_t *out)
{
	/* RFC 2868 3.1/3.2: tag octet + 3-octet value */
	if (l != 4)
		return false;
	*out = (uint32_t)v[1] << 16 | (uint32_t)v[2] << 8 | v[3];
	return true;
}

unsigned int eap_relay_session_s(const struct eap_relay_conf *c,
				 const struct eap_relay_attrs *a, bool *reauth)
{
	/* RFC 3580 3.17/3.18, hostapd: reauthenticate at Session-Timeout if
	 * Termination-Action says RADIUS-Request, else end the session */
	*reauth = false;
	if (a->has_session_timeout && a->session_timeout) {
		*reauth = a->has_termination_action &&
			a->termination_action ==
			RADIUS_TERMINATION_RADIUS_REQUEST;
		return a->session_timeout;
	}
	*reauth = c->reauth_period_s != 0;
	return c->reauth_period_s;
}

void eap_relay_parse_attrs(const struct radius_msg *m,
			   struct eap_relay_attrs *a)
{
	struct {
		bool type_ok, medium_ok;
		uint32_t type, medium;
		const uint8_t *group;
		size_t group_len;
	} tag[32];
	struct radius_attr_iter it;
	const uint8_t *v;
	uint8_t t;
	size_t l, i, pick = 32, first = 32;

	memset(a, 0, sizeof(*a));
	memset(tag, 0, sizeof(tag));
	a->has_session_timeout = radius_msg_get_u32(m,
		RADIUS_ATTR_SESSION_TIMEOUT, &a->session_timeout);
	a->has_termination_action = radius_msg_get_u32(m,
		RADIUS_ATTR_TERMINATION_ACTION, &a->termination_action);
	a->has_acct_interim_interval = radius_msg_get_u32(m,
		RADIUS_ATTR_ACCT_INTERIM_INTERVAL, &a->acct_interim_interval);
	radius_attr_iter_init(&it);
	while (radius_attr_next(m, &it, &t, &v, &l)) {
		uint8_t tg;

		switch (t) {
		case RADIUS_ATTR_CLASS:
			if (a->n_class < EAP_RELAY_CLASS_MAX && l) {
				memcpy(a->class_val[a->n_class], v, l);
				a->class_len[a->n_class++] = l;
			}
			break;
		case RADIUS_ATTR_USER_NAME:
			if (!a->user_name[0] && l && l <= EAP_RELAY_USER_MAX) {
				memcpy(a->user_name, v, l);
				a->user_name[l] = '\0';
			}
			break;
		case RADIUS_ATTR_TUNNEL_TYPE:
		case RADIUS_ATTR_TUNNEL_MEDIUM_TYPE:
		case RADIUS_ATTR_TUNNEL_PRIVATE_GROUP_ID:
			if (!l)
				break;
			a->has_tunnel = true;
			tg = v[0] <= 0x1f ? v[0] : 0;
			if (first == 32 || tg < first)
				first = tg;
			if (t == RADIUS_ATTR_TUNNEL_TYPE)
				tag[tg].type_ok = tunnel_int(v, l,
							     &tag[tg].type);
			else if (t == RADIUS_ATTR_TUNNEL_MEDIUM_TYPE)
				tag[tg].medium_ok = tunnel_int(v, l,
							       &tag[tg].medium);
			else if (!tag[tg].group) {
				/* RFC 2868 3.6: the tag octet is optional */
				tag[tg].group = v[0] <= 0x1f ? v + 1 : v;
				tag[tg].group_len = v[0] <= 0x1f ? l - 1 : l;
			}
			break;
		}
	}
	if (!a->has_tunnel)
		return;
	for (i = 0; i < 32 && pick == 32; i++)
		if (tag[i].type_ok && tag[i].medium_ok && tag[i].group &&
		    tag[i].type == RADIUS_TUNNEL_TYPE_VLAN &&
		    tag[i].medium == RADIUS_TUNNEL_MEDIUM_802)
			pick = i;
	i = pick < 32 ? pick : first;
	a->tunnel_type = tag[i].type;
	a->tunnel_medium_type = tag[i].medium;
	if (tag[i].group) {
		memcpy(a->tunnel_group_id, tag[i].group, tag[i].group_len);
		a->tunnel_group_id[tag[i].group_len] = '\0';
	}
	if (pick < 32 && tag[i].group_len && tag[i].group_len <= 4) {
		unsigned int vid = 0;
		size_t k;

		for (k = 0; k < tag[i].group_len; k++) {
			if (tag[i].group[k] < '0' || tag[i].group[k] > '9')
				break;
			vid = vid * 10 + (tag[i].group[k] - '0');
		}
		if (k == tag[i].group_len && vid >= 1 && vid <= 4094)
			a->vlan_id = (uint16_t)vid;
	}
}

/* The EAP packet of a reply: 0 if absent, -1 if malformed. */
static long reply_eap(const struct radius_msg *m, uint8_t *eap, size_t max)
{
	long n = radius_msg_get_eap(m, eap, max);

	if (n <= 0)
		return n;
	if (n < EAP_HDR_LEN || ((size_t)eap[2] << 8 | eap[3]) != (size_t)n)
		return -1;
	return n;
}

static void on_challenge(struct eap_relay *s, const struct radius_msg *m)
{
	uint8_t *eap = s->tx + EAPOL_HDR_LEN;
	const uint8_t *st;
	uint32_t stimeout;
	size_t stlen;
	char tb[16];
	long n;

	COUNT(s, challenges);
	/* straight into the retransmission buffer, header added below */
	n = reply_eap(m, eap, EAP_RELAY_EAP_SRV_MAX);
	if (n < EAP_HDR_LEN + 1 || eap[0] != EAP_CODE_REQUEST) {
		COUNT(s, radius_errors);
		s->tx_len = 0;
		trace(s, "Access-Challenge without a valid EAP-Request");
		fail(s, EAP_RELAY_BAD_REPLY, true);
		return;
	}
	st = radius_msg_find(m, RADIUS_ATTR_STATE, &stlen);
	s->state_len = st ? stlen : 0;
	if (st)
		memcpy(s->state_attr, st, stlen);
	s->id = eap[1];
	s->next_id = (uint8_t)(s->id + 1);
	put_eapol(s, eap, (size_t)n);
	s->state = EAP_RELAY_STA;
	s->tries = 1;
	s->tx_timeout_ms = s->conf->supp_timeout_ms;
	/* RFC 3580 3.17: in an Access-Challenge, the EAP request timeout */
	if (radius_msg_get_u32(m, RADIUS_ATTR_SESSION_TIMEOUT, &stimeout) &&
	    stimeout)
		s->tx_timeout_ms = stimeout > 120 ? 120000 : stimeout * 1000;
	COUNT(s, sta_req_tx);
	send_frame(s, s->tx, s->tx_len);
	timer_set(s, EAP_RELAY_TIMER_TX, s->tx_timeout_ms);
	trace_msg(s, "Access-Challenge relayed: EAP-Request/%s (id %u, %ld octets)",
	      type_str(eap[4], tb, sizeof(tb)), eap[1], n);
}

static void on_accept(struct eap_relay *s, const struct radius_result *res)
{
	struct eap_relay_attrs *a;
	struct eap_relay_success ok;
	uint8_t eap[EAP_HDR_LEN + 64];
	unsigned int session_s = 0;
	bool reauth = s->reauthenticating;
	long n;

	COUNT(s, accepts);
	n = reply_eap(res->reply, eap, sizeof(eap));
	if (n < 0 || (n > 0 && eap[0] != EAP_CODE_SUCCESS)) {
		COUNT(s, radius_errors);
		trace(s, "Access-Accept with an EAP packet that is not EAP-Success");
		fail(s, EAP_RELAY_BAD_REPLY, true);
		return;
	}
	if (!res->msk || res->msk_len != RADIUS_MSK_LEN) {
		COUNT(s, radius_errors);
		fail(s, EAP_RELAY_NO_KEYS, true);
		return;
	}
	a = calloc(1, sizeof(*a));
	if (!a) {
		fail(s, EAP_RELAY_RADIUS_ERROR, true);
		return;
	}
	eap_relay_parse_attrs(res->reply, a);
	if (!a->user_name[0])
		memcpy(a->user_name, s->identity, s->identity_len + 1);
	/* the server's EAP-Success identifier, else the last response's */
	send_result(s, EAP_CODE_SUCCESS, n > 0 ? eap[1] : s->id);
	timer_set(s, EAP_RELAY_TIMER_TX, 0);
	s->state = EAP_RELAY_AUTHENTICATED;
	s->authorized = true;
	s->reauthenticating = false;
	s->state_len = 0;
	s->tx_len = 0;
	session_s = eap_relay_session_s(s->conf, a, &s->reauth_at_session_end);
	if (session_s > 4000000)	/* ms in an unsigned int */
		session_s = 4000000;
	timer_set(s, EAP_RELAY_TIMER_SESSION, session_s * 1000);
	COUNT(s, successes);
	if (session_s)
		trace(s, "Access-Accept: EAP-Success sent, MSK derived (%s in %u s)",
		      s->reauth_at_session_end ? "reauthentication" :
		      "session end", session_s);
	else
		trace(s, "Access-Accept: EAP-Success sent, MSK derived");
	if (a->vlan_id)
		trace(s, "VLAN %u assigned (not applied)", a->vlan_id);
	ok.msk = res->msk;
	ok.msk_len = res->msk_len;
	ok.attrs = a;
	ok.reauth = reauth;
	ok.server = res->server;
	s->ops->success(s->ctx, &ok);
	free(a);
}

static void on_reject(struct eap_relay *s, const struct radius_msg *m)
{
	uint8_t eap[EAP_HDR_LEN + 64];
	long n = reply_eap(m, eap, sizeof(eap));

	COUNT(s, rejects);
	if (n > 0 && eap[0] == EAP_CODE_FAILURE) {
		s->id = eap[1];	/* the server's EAP-Failure, as is */
	} else if (n != 0) {
		trace(s, "Access-Reject with an EAP packet that is not EAP-Failure");
	}
	fail(s, EAP_RELAY_REJECT, true);
}

void eap_relay_radius_done(void *session, const struct radius_result *res)
{
	struct eap_relay *s = session;

	if (s->zombie)
		return;
	enter(s);
	if (!s->req || s->state != EAP_RELAY_RADIUS) {
		COUNT(s, late_replies);
		goto out;
	}
	s->req = NULL;	/* done: never cancel the request it reports */
	switch (res->status) {
	case RADIUS_TIMEOUT:
		COUNT(s, radius_timeouts);
		trace(s, "no RADIUS server answered (%u transmissions)",
		      res->attempts);
		fail(s, EAP_RELAY_RADIUS_TIMEOUT, true);
		break;
	case RADIUS_FAILED:
		COUNT(s, radius_errors);
		fail(s, EAP_RELAY_RADIUS_ERROR, true);
		break;
	case RADIUS_REPLY:
		if (!res->reply) {
			COUNT(s, radius_errors);
			fail(s, EAP_RELAY_RADIUS_ERROR, true);
			break;
		}
		switch (radius_msg_code(res->reply)) {
		case RADIUS_ACCESS_CHALLENGE:
			on_challenge(s, res->reply);
			break;
		case RADIUS_ACCESS_ACCEPT:
			on_accept(s, res);
			break;
		case RADIUS_ACCESS_REJECT:
			on_reject(s, res->reply);
			break;
		default:
			COUNT(s, radius_errors);
			trace(s, "unexpected %s",
			      radius_code_name(radius_msg_code(res->reply)));
			fail(s, EAP_RELAY_BAD_REPLY, true);
			break;
		}
		break;
	}
out:
	leave(s);
}

/* --- timers, life cycle ---------------------------------------------------- */

void eap_relay_timeout(struct eap_relay *s, enum eap_relay_timer t)
{
	if (s->zombie)
		return;
	enter(s);
	if (t == EAP_RELAY_TIMER_SESSION) {
		if (s->state != EAP_RELAY_AUTHENTICATED)
			goto out;	/* an exchange is under way already */
		if (s->reauth_at_session_end) {
			s->reauthenticating = true;
			COUNT(s, reauths);
			trace(s, "reauthentication period expired");
			send_identity(s);
		} else {
			fail(s, EAP_RELAY_SESSION_TIMEOUT, false);
		}
		goto out;
	}
	switch (s->state) {
	case EAP_RELAY_HELD:
		s->state = EAP_RELAY_IDLE;
		trace(s, "quiet period over");
		break;
	case EAP_RELAY_IDENTITY:
	case EAP_RELAY_STA: {
		bool ident = s->state == EAP_RELAY_IDENTITY;
		unsigned int max = ident ? s->conf->identity_tries :
					   s->conf->supp_tries;

		if (s->tries >= max) {
			fail(s, ident ? EAP_RELAY_IDENTITY_TIMEOUT :
			     EAP_RELAY_STA_TIMEOUT, true);
			break;
		}
		s->tries++;
		if (ident)
			COUNT(s, identity_retx);
		else
			COUNT(s, sta_req_retx);
		send_frame(s, s->tx, s->tx_len);
		timer_set(s, EAP_RELAY_TIMER_TX, s->tx_timeout_ms);
		trace_msg(s, "EAP-Request%s (id %u) retransmitted (%u/%u)",
		      ident ? "/Identity" : "", s->id, s->tries, max);
		break;
	}
	default:
		break;
	}
out:
	leave(s);
}

struct eap_relay *eap_relay_new(const struct eap_relay_conf *conf,
				const struct eap_relay_ops *ops, void *ctx,
				const struct eap_relay_sta *sta)
{
	struct eap_relay *s = calloc(1, sizeof(*s));
	unsigned int i;

	if (!s)
		return NULL;
	s->conf = conf;
	s->ops = ops;
	s->ctx = ctx;
	s->sta = *sta;
	if (s->sta.ssid_len > sizeof(s->sta.ssid))
		s->sta.ssid_len = sizeof(s->sta.ssid);
	s->next_id = sta->first_id;
	eap_relay_station_id(s->called_id, sizeof(s->called_id), sta->bssid,
			     s->sta.ssid, s->sta.ssid_len);
	eap_relay_station_id(s->calling_id, sizeof(s->calling_id), sta->sta,
			     NULL, 0);
	for (i = 0; i < EAP_RELAY_TIMERS; i++) {
		s->evt[i].t.fn = ev_fired;
		s->evt[i].s = s;
		s->evt[i].which = i;
	}
	s->state = EAP_RELAY_IDLE;
	return s;
}

void eap_relay_free(struct eap_relay *s)
{
	if (!s || s->zombie)
		return;
	cancel_request(s);
	timer_set(s, EAP_RELAY_TIMER_TX, 0);
	timer_set(s, EAP_RELAY_TIMER_SESSION, 0);
	s->zombie = true;
	if (!s->busy)
		really_free(s);
}

void eap_relay_start(struct eap_relay *s)
{
	if (s->zombie)
		return;
	enter(s);
	if (s->state != EAP_RELAY_IDLE && s->state != EAP_RELAY_HELD)
		trace(s, "association: restarting authentication");
	/* a new association is a new port: nothing authorized carries over */
	s->authorized = false;
	s->reauthenticating = false;
	s->identity[0] = '\0';
	s->identity_len = 0;
	timer_set(s, EAP_RELAY_TIMER_SESSION, 0);
	send_identity(s);
	leave(s);
}

void eap_relay_reauth(struct eap_relay *s)
{
	if (s->zombie)
		return;
	enter(s);
	if (s->state == EAP_RELAY_HELD)
		trace(s, "reauthentication refused: quiet period");
	else
		restart(s, "reauthentication requested");
	leave(s);
}

enum eap_relay_state eap_relay_get_state(const struct eap_relay *s)
{
	return s->state;
}

bool eap_relay_authorized(const struct eap_relay *s)
{
	return s->authorized;
}

const char *eap_relay_identity(const struct eap_relay *s)
{
	return s->identity;
}

const struct eap_relay_stats *eap_relay_stats(const struct eap_relay *s)
{
	return &s->st;
}

const struct eap_relay_stats *eap_relay_totals(void)
{
	return &totals;
}
