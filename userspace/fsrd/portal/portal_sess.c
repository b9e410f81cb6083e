// SPDX-License-Identifier: GPL-2.0-only
/* The AC side of the Portal protocol (see portal_sess.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "portal/portal_sess.h"

#define RECENT_LEN 400		/* an answer: header, TextInfo, BAS-IP */
#define NTF_MAX 64		/* NTF_LOGOUTs awaiting their ACK */

struct recent {
	bool used;
	int server;
	uint8_t type;		/* of the request answered */
	uint16_t serial;
	uint32_t ip;
	uint16_t len;
	uint8_t buf[RECENT_LEN];
};

struct ntf {
	bool used;
	int server;
	uint16_t serial;
	uint32_t ip;
	uint8_t auth[PORTAL_AUTH_LEN];
	unsigned int tries;
	uint64_t first_ms;	/* its first transmission */
	uint64_t next_ms;
	uint16_t len;
	uint8_t buf[RECENT_LEN];
};

struct slot {
	bool used;
	struct portal_sess s;
};

/* What the engine knows of a portal server's liveness. */
struct srv_live {
	bool down;
	uint64_t heard_ms;	/* its last valid packet (start: the engine's) */
	uint64_t since_ms;	/* of the last change */
};

struct portal_engine {
	struct portal_sess_conf conf;
	struct portal_server_conf *srv;
	struct srv_live *live;
	size_t n_srv;
	const struct portal_sess_ops *ops;
	void *ctx;
	struct slot *slots;
	size_t count;
	uint32_t next_token;
	uint16_t next_serial;
	struct recent recent[PORTAL_RECENT];
	size_t recent_next;
	struct ntf ntf[NTF_MAX];
	struct portal_sess_stats stats;
	uint16_t rx_port;	/* of the packet being handled */
};

static uint64_t now(struct portal_engine *e)
{
	return e->ops->now_ms(e->ctx);
}

struct portal_engine *portal_engine_new(const struct portal_sess_conf *conf,
					const struct portal_server_conf *srv,
					size_t n_servers,
					const struct portal_sess_ops *ops,
					void *ctx)
{
	struct portal_engine *e;

	if (!conf || !ops || !ops->lookup || !ops->authenticate ||
	    !ops->send || !ops->random || !ops->now_ms || !n_servers ||
	    !srv || !conf->max_sessions ||
	    conf->max_pending > conf->max_sessions)
		return NULL;
	e = calloc(1, sizeof(*e));
	if (!e)
		return NULL;
	e->slots = calloc(conf->max_sessions, sizeof(*e->slots));
	e->srv = calloc(n_servers, sizeof(*srv));
	e->live = calloc(n_servers, sizeof(*e->live));
	if (!e->slots || !e->srv || !e->live) {
		free(e->slots);
		free(e->srv);
		free(e->live);
		free(e);
		return NULL;
	}
	memcpy(e->srv, srv, n_servers * sizeof(*srv));
	e->n_srv = n_servers;
	e->conf = *conf;
	if (!e->conf.ntf_tries)
		e->conf.ntf_tries = 5;
	if (!e->conf.ntf_backoff_ms)
		e->conf.ntf_backoff_ms = 1000;
	e->ops = ops;
	e->ctx = ctx;
	for (size_t i = 0; i < n_servers; i++)
		e->live[i].heard_ms = e->live[i].since_ms = now(e);
	e->next_token = 1;
	e->next_serial = 1;
	return e;
}

/* Remove slot i; online sessions go offline, authentications stop. */
static void end_slot(struct portal_engine *e, struct slot *sl,
		     enum portal_end why)
{
	struct portal_sess *s = &sl->s;

	if (s->state == PORTAL_S_AUTHENTICATING && e->ops->cancel)
		e->ops->cancel(e->ctx, s);
	if ((s->state == PORTAL_S_WAIT_AFF || s->state == PORTAL_S_ONLINE ||
	     s->state == PORTAL_S_AWAY) && e->ops->offline)
		e->ops->offline(e->ctx, s, why);
	OPENSSL_cleanse(sl, sizeof(*sl));
	e->count--;
}

void portal_engine_free(struct portal_engine *e)
{
	size_t i;

	if (!e)
		return;
	for (i = 0; i < e->conf.max_sessions; i++)
		if (e->slots[i].used)
			end_slot(e, &e->slots[i], PORTAL_END_FLUSH);
	OPENSSL_cleanse(e->srv, e->n_srv * sizeof(*e->srv));
	free(e->srv);
	free(e->live);
	free(e->slots);
	OPENSSL_cleanse(e, sizeof(*e));
	free(e);
}

static struct slot *find_ip(const struct portal_engine *e, uint32_t ip)
{
	size_t i;

	for (i = 0; i < e->conf.max_sessions; i++)
		if (e->slots[i].used && e->slots[i].s.ip == ip)
			return &e->slots[i];
	return NULL;
}

static struct slot *find_token(const struct portal_engine *e, uint32_t t)
{
	size_t i;

	for (i = 0; i < e->conf.max_sessions; i++)
		if (e->slots[i].used && e->slots[i].s.token == t)
			return &e->slots[i];
	return NULL;
}

static size_t pending(const struct portal_engine *e)
{
	size_t i, n = 0;

	for (i = 0; i < e->conf.max_sessions; i++)
		if (e->slots[i].used &&
		    (e->slots[i].s.state == PORTAL_S_CHALLENGED ||
		     e->slots[i].s.state == PORTAL_S_AUTHENTICATING))
			n++;
	return n;
}

static bool req_id_used(const struct portal_engine *e, uint16_t id)
{
	size_t i;

	for (i = 0; i < e->conf.max_sessions; i++)
		if (e->slots[i].used && e->slots[i].s.req_id == id)
			return true;
	return false;
}

/* A ReqID that is non-zero and no session's: random, else the next free
 * one after a random start. 0 when random bytes failed. */
static uint16_t new_req_id(struct portal_engine *e)
{
	uint8_t r[2];
	uint16_t id;
	unsigned int i;

	if (e->ops->random(e->ctx, r, sizeof(r)))
		return 0;
	id = (uint16_t)(r[0] << 8 | r[1]);
	for (i = 0; i < 65536; i++, id++)
		if (id && !req_id_used(e, id))
			return id;
	return 0;
}

/* A free slot for ip (a new session), or NULL when the table is full. */
static struct slot *new_slot(struct portal_engine *e, uint32_t ip,
			     const uint8_t mac[6], int server)
{
	size_t i;

	for (i = 0; i < e->conf.max_sessions; i++) {
		struct slot *sl = &e->slots[i];

		if (sl->used)
			continue;
		memset(sl, 0, sizeof(*sl));
		sl->used = true;
		sl->s.ip = ip;
		memcpy(sl->s.mac, mac, 6);
		sl->s.server = server;
		sl->s.token = e->next_token++;
		if (!e->next_token)
			e->next_token = 1;
		e->count++;
		return sl;
	}
	return NULL;
}

static const struct recent *recent_find(const struct portal_engine *e,
					int server,
					const struct portal_pkt *p)
{
	size_t i;

	for (i = 0; i < PORTAL_RECENT; i++) {
		const struct recent *r = &e->recent[i];

		if (r->used && r->server == server && r->type == p->type &&
		    r->serial == p->serial && r->ip == p->user_ip)
			return r;
	}
	return NULL;
}

static void recent_add(struct portal_engine *e, int server, uint8_t type,
		       uint16_t serial, uint32_t ip,
		       const struct portal_builder *b)
{
	struct recent *r = &e->recent[e->recent_next];

	e->recent_next = (e->recent_next + 1) % PORTAL_RECENT;
	if (b->len > sizeof(r->buf)) {
		r->used = false;
		return;
	}
	r->used = true;
	r->server = server;
	r->type = type;
	r->serial = serial;
	r->ip = ip;
	r->len = (uint16_t)b->len;
	memcpy(r->buf, b->buf, b->len);
}

/*
 * Answer request (type req_type, serial, ip, authenticator req_auth)
 * from server with an ACK of type `type`: ErrCode err, attributes of s
 * when given (Challenge for ACK_CHALLENGE), TextInfo text, BAS-IP in v2.
 */
/* Attributes an answer carries besides TextInfo and BAS-IP. */
struct extra {
	uint8_t type;
	uint8_t len;
	const void *val;
};

static void answer(struct portal_engine *e, int server, uint16_t port,
		   uint8_t req_type, uint16_t serial, uint32_t ip,
		   const uint8_t *req_auth,
		   uint8_t type, uint8_t auth_type, uint16_t req_id,
		   uint8_t err, const struct extra *x, size_t nx,
		   const char *text)
{
	const struct portal_server_conf *sc = &e->srv[server];
	struct portal_builder b;
	size_t i;

	portal_build_start(&b, sc->version, type, auth_type, serial, req_id,
			   ip, err);
	for (i = 0; i < nx; i++)
		portal_build_attr(&b, x[i].type, x[i].val, x[i].len);
	if (text && *text)
		portal_build_attr(&b, PORTAL_A_TEXT_INFO, text,
				  strnlen(text, 253));
	if (sc->version == PORTAL_V2 && e->conf.bas_ip) {
		uint8_t a[4] = {
			(uint8_t)(e->conf.bas_ip >> 24),
			(uint8_t)(e->conf.bas_ip >> 16),
			(uint8_t)(e->conf.bas_ip >> 8),
			(uint8_t)e->conf.bas_ip,
		};

		portal_build_attr(&b, PORTAL_A_BAS_IP, a, 4);
	}
	if (portal_build_finish(&b, req_auth, &sc->secret))
		return;
	e->ops->send(e->ctx, server, port, b.buf, b.len);
	recent_add(e, server, req_type, serial, ip, &b);
}

/* Answer the packet p itself (the common case), with attributes x. */
static void reply_x(struct portal_engine *e, int server,
		    const struct portal_pkt *p, uint8_t type, uint16_t req_id,
		    uint8_t err, const struct extra *x, size_t nx,
		    const char *text)
{
	answer(e, server, e->rx_port, p->type, p->serial, p->user_ip,
	       p->authenticator, type, p->auth_type, req_id, err, x, nx,
	       text);
}

/* ... with a Challenge attribute, or none. */
static void reply(struct portal_engine *e, int server,
		  const struct portal_pkt *p, uint8_t type, uint16_t req_id,
		  uint8_t err, const uint8_t *challenge, const char *text)
{
	struct extra x = { PORTAL_A_CHALLENGE, 16, challenge };

	reply_x(e, server, p, type, req_id, err, &x, challenge ? 1 : 0, text);
}

static enum portal_rx rx_challenge(struct portal_engine *e, int server,
				   const struct portal_pkt *p)
{
	struct slot *sl = find_ip(e, p->user_ip);
	uint8_t mac[6];
	uint16_t id;

	if (p->auth_type != PORTAL_CHAP) {
		reply(e, server, p, PORTAL_ACK_CHALLENGE, 0, PORTAL_AUTH_FAILED,
		      NULL, "REQ_CHALLENGE is for CHAP only");
		return PORTAL_RX_ANSWERED;
	}
	if (sl && sl->s.state == PORTAL_S_AWAY) {
		/* the address logs in anew: its station is not coming back */
		end_slot(e, sl, PORTAL_END_REPLACED);
		sl = NULL;
	}
	if (sl && (sl->s.state == PORTAL_S_ONLINE ||
		   sl->s.state == PORTAL_S_WAIT_AFF)) {
		reply(e, server, p, PORTAL_ACK_CHALLENGE, sl->s.req_id,
		      PORTAL_AUTH_ONLINE, NULL, "user already online");
		return PORTAL_RX_ANSWERED;
	}
	if (sl && sl->s.state == PORTAL_S_AUTHENTICATING) {
		reply(e, server, p, PORTAL_ACK_CHALLENGE, 0, PORTAL_AUTH_BUSY,
		      NULL, "this user's authentication is under way");
		return PORTAL_RX_ANSWERED;
	}
	if (e->ops->lookup(e->ctx, p->user_ip, mac)) {
		reply(e, server, p, PORTAL_ACK_CHALLENGE, 0, PORTAL_AUTH_FAILED,
		      NULL, "no station of a portal BSS has this IP address");
		return PORTAL_RX_ANSWERED;
	}
	if (sl) {		/* a new challenge replaces the unused one */
		end_slot(e, sl, PORTAL_END_EXPIRED);
		sl = NULL;
	}
	if (pending(e) >= e->conf.max_pending ||
	    !(sl = new_slot(e, p->user_ip, mac, server))) {
		e->stats.rx[PORTAL_RX_FLOOD]++;
		reply(e, server, p, PORTAL_ACK_CHALLENGE, 0, PORTAL_AUTH_BUSY,
		      NULL, "too many logins under way, try again");
		return PORTAL_RX_FLOOD;
	}
	id = new_req_id(e);
	if (!id || e->ops->random(e->ctx, sl->s.challenge, 16)) {
		end_slot(e, sl, PORTAL_END_EXPIRED);
		reply(e, server, p, PORTAL_ACK_CHALLENGE, 0, PORTAL_AUTH_FAILED,
		      NULL, "no random bytes");
		return PORTAL_RX_ANSWERED;
	}
	sl->s.state = PORTAL_S_CHALLENGED;
	sl->s.auth_type = PORTAL_CHAP;
	sl->s.req_id = id;
	sl->s.deadline_ms = now(e) + e->conf.challenge_timeout_s * 1000ull;
	reply(e, server, p, PORTAL_ACK_CHALLENGE, id, PORTAL_AUTH_OK,
	      sl->s.challenge, NULL);
	return PORTAL_RX_ANSWERED;
}

static bool copy_user(const struct portal_attr_view *u, char *out)
{
	size_t i;

	if (!u || !u->len || u->len > PORTAL_USER_MAX)
		return false;
	for (i = 0; i < u->len; i++)
		if (!u->val[i])
			return false;	/* a NUL would cut it short */
	memcpy(out, u->val, u->len);
	out[u->len] = '\0';
	return true;
}

static enum portal_rx rx_auth(struct portal_engine *e, int server,
			      const struct portal_pkt *p)
{
	const struct portal_attr_view *u = portal_attr(p, PORTAL_A_USERNAME);
	const struct portal_attr_view *pw;
	struct slot *sl = find_ip(e, p->user_ip);
	struct portal_login l = { 0 };
	char user[PORTAL_USER_MAX + 1];
	uint8_t mac[6];
	int err;

	if (sl && sl->s.state == PORTAL_S_AUTHENTICATING &&
	    sl->s.server == server && sl->s.auth_serial == p->serial)
		return PORTAL_RX_PENDING;	/* sent again while RADIUS runs */
	if (sl && sl->s.state == PORTAL_S_AWAY) {
		end_slot(e, sl, PORTAL_END_REPLACED);
		sl = NULL;
	}
	if (sl && (sl->s.state == PORTAL_S_ONLINE ||
		   sl->s.state == PORTAL_S_WAIT_AFF)) {
		reply(e, server, p, PORTAL_ACK_AUTH, sl->s.req_id,
		      PORTAL_AUTH_ONLINE, NULL, "user already online");
		return PORTAL_RX_ANSWERED;
	}
	if (sl && sl->s.state == PORTAL_S_AUTHENTICATING) {
		reply(e, server, p, PORTAL_ACK_AUTH, p->req_id,
		      PORTAL_AUTH_BUSY, NULL,
		      "this user's authentication is under way");
		return PORTAL_RX_ANSWERED;
	}
	if (!copy_user(u, user)) {
		reply(e, server, p, PORTAL_ACK_AUTH, p->req_id,
		      PORTAL_AUTH_FAILED, NULL, "UserName missing or invalid");
		return PORTAL_RX_ANSWERED;
	}
	if (p->auth_type == PORTAL_CHAP) {
		pw = portal_attr(p, PORTAL_A_CHAP_PASSWORD);
		if (!sl || sl->s.state != PORTAL_S_CHALLENGED ||
		    sl->s.server != server || sl->s.req_id != p->req_id ||
		    !p->req_id) {
			reply(e, server, p, PORTAL_ACK_AUTH, p->req_id,
			      PORTAL_AUTH_FAILED, NULL,
			      "no challenge for this ReqID and user IP");
			return PORTAL_RX_ANSWERED;
		}
		if (!pw) {
			reply(e, server, p, PORTAL_ACK_AUTH, p->req_id,
			      PORTAL_AUTH_FAILED, NULL, "ChapPassWord missing");
			return PORTAL_RX_ANSWERED;
		}
		l.chap_challenge = sl->s.challenge;
		portal_chap_password(p->req_id, pw->val, l.chap_password);
	} else {
		pw = portal_attr(p, PORTAL_A_PASSWORD);
		if (!pw || !pw->len) {
			reply(e, server, p, PORTAL_ACK_AUTH, p->req_id,
			      PORTAL_AUTH_FAILED, NULL, "PassWord missing");
			return PORTAL_RX_ANSWERED;
		}
		if (e->ops->lookup(e->ctx, p->user_ip, mac)) {
			reply(e, server, p, PORTAL_ACK_AUTH, 0,
			      PORTAL_AUTH_FAILED, NULL,
			      "no station of a portal BSS has this IP address");
			return PORTAL_RX_ANSWERED;
		}
		if (sl)		/* an unused challenge: PAP replaces it */
			end_slot(e, sl, PORTAL_END_EXPIRED);
		if (pending(e) >= e->conf.max_pending ||
		    !(sl = new_slot(e, p->user_ip, mac, server))) {
			e->stats.rx[PORTAL_RX_FLOOD]++;
			reply(e, server, p, PORTAL_ACK_AUTH, 0, PORTAL_AUTH_BUSY,
			      NULL, "too many logins under way, try again");
			return PORTAL_RX_FLOOD;
		}
		sl->s.req_id = new_req_id(e);
		sl->s.auth_type = PORTAL_PAP;
		l.password = pw->val;
		l.password_len = pw->len;
	}
	memcpy(sl->s.user, user, sizeof(user));
	sl->s.state = PORTAL_S_AUTHENTICATING;
	sl->s.auth_serial = p->serial;
	sl->s.auth_port = e->rx_port;
	memcpy(sl->s.auth_req_auth, p->authenticator, PORTAL_AUTH_LEN);
	sl->s.deadline_ms = 0;	/* the RADIUS client bounds it */
	l.user = sl->s.user;
	l.auth_type = sl->s.auth_type;
	err = sl->s.req_id ? e->ops->authenticate(e->ctx, &sl->s, &l) :
			     -EIO;
	OPENSSL_cleanse(&l, sizeof(l));
	if (err) {
		uint16_t id = sl->s.req_id;

		sl->s.state = PORTAL_S_CHALLENGED;	/* nothing to cancel */
		end_slot(e, sl, PORTAL_END_REJECTED);
		reply(e, server, p, PORTAL_ACK_AUTH, id, PORTAL_AUTH_FAILED,
		      NULL, "the AC could not send the RADIUS request");
		return PORTAL_RX_ANSWERED;
	}
	return PORTAL_RX_PENDING;
}

void portal_sess_auth_done(struct portal_engine *e, uint32_t token,
			   enum portal_auth_result r, const char *text)
{
	struct slot *sl = find_token(e, token);
	struct portal_sess *s;
	uint8_t err;

	if (!sl || sl->s.state != PORTAL_S_AUTHENTICATING)
		return;
	s = &sl->s;
	switch (r) {
	case PORTAL_ACCEPT:
		e->stats.logins++;
		err = PORTAL_AUTH_OK;
		break;
	case PORTAL_REJECT:
		e->stats.rejects++;
		err = PORTAL_AUTH_REJECTED;
		if (!text || !*text)
			text = "authentication rejected";
		break;
	default:
		e->stats.no_answer++;
		err = PORTAL_AUTH_FAILED;
		if (!text || !*text)
			text = "no RADIUS server answered";
		break;
	}
	answer(e, s->server, s->auth_port, PORTAL_REQ_AUTH, s->auth_serial,
	       s->ip,
	       s->auth_req_auth, PORTAL_ACK_AUTH, s->auth_type, s->req_id,
	       err, NULL, 0, err ? text : NULL);
	if (err) {
		s->state = PORTAL_S_CHALLENGED;	/* RADIUS is done */
		end_slot(e, sl, PORTAL_END_REJECTED);
		return;
	}
	s->since_ms = now(e);
	if (e->conf.aff_timeout_s) {
		s->state = PORTAL_S_WAIT_AFF;
		s->deadline_ms = s->since_ms + e->conf.aff_timeout_s * 1000ull;
	} else {
		s->state = PORTAL_S_ONLINE;
		s->deadline_ms = 0;
	}
	if (e->ops->online)
		e->ops->online(e->ctx, s);
}

static enum portal_rx rx_aff(struct portal_engine *e, int server,
			     const struct portal_pkt *p)
{
	struct slot *sl = find_ip(e, p->user_ip);

	if (sl && sl->s.state == PORTAL_S_WAIT_AFF &&
	    sl->s.server == server && sl->s.req_id == p->req_id) {
		sl->s.state = PORTAL_S_ONLINE;
		sl->s.deadline_ms = 0;
	}
	return PORTAL_RX_TAKEN;
}

static enum portal_rx rx_logout(struct portal_engine *e, int server,
				const struct portal_pkt *p)
{
	struct slot *sl = find_ip(e, p->user_ip);

	if (p->err == PORTAL_LOGOUT_TIMEOUT_NOTICE) {
		/* The portal gave up on its challenge or login: forget
		 * what it began; no answer is expected. */
		if (sl && sl->s.server == server &&
		    (sl->s.state == PORTAL_S_CHALLENGED ||
		     sl->s.state == PORTAL_S_AUTHENTICATING ||
		     sl->s.state == PORTAL_S_WAIT_AFF))
			end_slot(e, sl, PORTAL_END_PORTAL_GAVE_UP);
		return PORTAL_RX_TAKEN;
	}
	if (!sl || (sl->s.state != PORTAL_S_ONLINE &&
		    sl->s.state != PORTAL_S_WAIT_AFF &&
		    sl->s.state != PORTAL_S_AWAY)) {
		reply(e, server, p, PORTAL_ACK_LOGOUT, p->req_id,
		      PORTAL_LOGOUT_REJECTED, NULL, "user not online");
		return PORTAL_RX_ANSWERED;
	}
	e->stats.logouts++;
	end_slot(e, sl, PORTAL_END_LOGOUT);
	reply(e, server, p, PORTAL_ACK_LOGOUT, p->req_id, PORTAL_LOGOUT_OK,
	      NULL, NULL);
	return PORTAL_RX_ANSWERED;
}

static void put_be64(uint8_t *b, uint64_t v)
{
	int i;

	for (i = 7; i >= 0; i--, v >>= 8)
		b[i] = (uint8_t)v;
}

/*
 * REQ_INFO: the flux (KB) and port of an online user, the attributes the
 * request names (with empty values), or all three when it names none.
 * ErrCode 1 when the daemon cannot count, 2 for a user not online.
 */
static enum portal_rx rx_info(struct portal_engine *e, int server,
			      const struct portal_pkt *p)
{
	static const uint8_t types[3] = {
		PORTAL_A_UP_FLUX, PORTAL_A_DOWN_FLUX, PORTAL_A_PORT };
	struct slot *sl = find_ip(e, p->user_ip);
	struct portal_info in = { 0 };
	uint8_t up[8], down[8];
	struct extra x[3];
	size_t i, nx = 0;
	bool named = false;

	for (i = 0; i < 3; i++)
		named |= portal_attr(p, types[i]) != NULL;
	if (!e->ops->info) {
		reply(e, server, p, PORTAL_ACK_INFO, p->req_id,
		      PORTAL_INFO_UNSUPPORTED, NULL, "REQ_INFO is not supported");
		return PORTAL_RX_ANSWERED;
	}
	if (!sl || (sl->s.state != PORTAL_S_ONLINE &&
		    sl->s.state != PORTAL_S_WAIT_AFF)) {
		reply(e, server, p, PORTAL_ACK_INFO, p->req_id,
		      PORTAL_INFO_FAILED, NULL, "the user is not online");
		return PORTAL_RX_ANSWERED;
	}
	if (e->ops->info(e->ctx, &sl->s, &in)) {
		reply(e, server, p, PORTAL_ACK_INFO, p->req_id,
		      PORTAL_INFO_FAILED, NULL, "no counters for the user");
		return PORTAL_RX_ANSWERED;
	}
	put_be64(up, in.up_octets / 1024);
	put_be64(down, in.down_octets / 1024);
	if (!named || portal_attr(p, PORTAL_A_UP_FLUX))
		x[nx++] = (struct extra){ PORTAL_A_UP_FLUX, 8, up };
	if (!named || portal_attr(p, PORTAL_A_DOWN_FLUX))
		x[nx++] = (struct extra){ PORTAL_A_DOWN_FLUX, 8, down };
	in.port[sizeof(in.port) - 1] = '\0';
	if ((!named || portal_attr(p, PORTAL_A_PORT)) && in.port[0])
		x[nx++] = (struct extra){ PORTAL_A_PORT,
					  (uint8_t)strlen(in.port), in.port };
	reply_x(e, server, p, PORTAL_ACK_INFO, p->req_id, PORTAL_INFO_OK, x,
		nx, NULL);
	return PORTAL_RX_ANSWERED;
}

/* A valid packet from server: it is alive. */
static void heard(struct portal_engine *e, int server)
{
	struct srv_live *l = &e->live[server];

	l->heard_ms = now(e);
	if (!l->down)
		return;
	l->down = false;
	l->since_ms = l->heard_ms;
	e->stats.server_up++;
	if (e->ops->server_state)
		e->ops->server_state(e->ctx, server, true, "heard from again");
}

static void gone(struct portal_engine *e, int server, const char *why)
{
	struct srv_live *l = &e->live[server];

	if (l->down)
		return;
	l->down = true;
	l->since_ms = now(e);
	e->stats.server_down++;
	if (e->ops->server_state)
		e->ops->server_state(e->ctx, server, false, why);
}

bool portal_server_up(const struct portal_engine *e, int server)
{
	return server >= 0 && (size_t)server < e->n_srv &&
	       !e->live[server].down;
}

uint64_t portal_server_since(const struct portal_engine *e, int server)
{
	return server >= 0 && (size_t)server < e->n_srv ?
	       e->live[server].since_ms : 0;
}

/* The wait after transmission `tries` of an NTF_LOGOUT: the back-off
 * doubled each time, at most 16 times it. */
static uint64_t ntf_wait(const struct portal_engine *e, unsigned int tries)
{
	uint64_t w = e->conf.ntf_backoff_ms;
	unsigned int i;

	for (i = 1; i < tries && w < 16ULL * e->conf.ntf_backoff_ms; i++)
		w *= 2;
	return w;
}

static enum portal_rx rx_ntf_ack(struct portal_engine *e, int server,
				 const uint8_t *buf, size_t len,
				 const struct portal_pkt *p)
{
	size_t i;

	for (i = 0; i < NTF_MAX; i++) {
		struct ntf *n = &e->ntf[i];

		if (!n->used || n->server != server || n->serial != p->serial ||
		    n->ip != p->user_ip)
			continue;
		if (portal_check_response(buf, len, p, n->auth,
					  &e->srv[server].secret))
			return PORTAL_RX_BAD_AUTH;
		heard(e, server);
		e->stats.ntf_acked++;
		memset(n, 0, sizeof(*n));
		return PORTAL_RX_TAKEN;
	}
	return PORTAL_RX_UNEXPECTED;
}

/* A request that passed every check: the portal server is alive. */
static enum portal_rx rx_request(struct portal_engine *e, int server,
				 uint16_t port, const struct portal_pkt *p)
{
	const struct recent *r;

	heard(e, server);
	r = recent_find(e, server, p);
	if (r) {
		e->ops->send(e->ctx, server, port, r->buf, r->len);
		return PORTAL_RX_RESENT;
	}
	switch (p->type) {
	case PORTAL_REQ_CHALLENGE:
		return rx_challenge(e, server, p);
	case PORTAL_REQ_AUTH:
		return rx_auth(e, server, p);
	case PORTAL_AFF_ACK_AUTH:
		return rx_aff(e, server, p);
	case PORTAL_REQ_LOGOUT:
		return rx_logout(e, server, p);
	case PORTAL_REQ_INFO:
		return rx_info(e, server, p);
	case PORTAL_NTF_HEARTBEAT:
		return PORTAL_RX_TAKEN;
	default:
		return PORTAL_RX_UNEXPECTED;
	}
}

enum portal_rx portal_sess_rx(struct portal_engine *e, int server,
			      uint16_t port, const uint8_t *buf, size_t len)
{
	struct portal_pkt p;
	enum portal_rx ret;

	e->rx_port = port;
	if (server < 0 || (size_t)server >= e->n_srv)
		ret = PORTAL_RX_UNEXPECTED;
	else if (portal_parse(buf, len, &p))
		ret = PORTAL_RX_MALFORMED;
	else if (p.ver != e->srv[server].version)
		ret = PORTAL_RX_BAD_VERSION;
	else if (p.type == PORTAL_ACK_NTF_LOGOUT)
		ret = rx_ntf_ack(e, server, buf, len, &p);
	else if (portal_type_is_response(p.type))
		ret = PORTAL_RX_UNEXPECTED;	/* our job to answer */
	else if (portal_check_request(buf, len, &p, &e->srv[server].secret))
		ret = PORTAL_RX_BAD_AUTH;
	else
		ret = rx_request(e, server, port, &p);
	/* rx_challenge and rx_auth count floods themselves */
	if (ret != PORTAL_RX_FLOOD)
		e->stats.rx[ret]++;
	return ret;
}

static struct ntf *ntf_slot(struct portal_engine *e)
{
	struct ntf *oldest = &e->ntf[0];
	size_t i;

	for (i = 0; i < NTF_MAX; i++) {
		if (!e->ntf[i].used)
			return &e->ntf[i];
		if (e->ntf[i].next_ms < oldest->next_ms)
			oldest = &e->ntf[i];
	}
	e->stats.ntf_unacked++;	/* the oldest is given up */
	return oldest;
}

static int logout_slot(struct portal_engine *e, struct slot *sl,
		       enum portal_end why, const char *reason);

int portal_sess_logout(struct portal_engine *e, uint32_t ip,
		       const char *reason)
{
	return logout_slot(e, find_ip(e, ip), PORTAL_END_AC, reason);
}

int portal_sess_away(struct portal_engine *e, uint32_t ip, uint64_t keep_ms)
{
	struct slot *sl = find_ip(e, ip);

	if (!sl)
		return -ENOENT;
	if (sl->s.state != PORTAL_S_ONLINE)
		return -EINVAL;
	sl->s.state = PORTAL_S_AWAY;
	sl->s.deadline_ms = now(e) + keep_ms;
	return 0;
}

int portal_sess_resume(struct portal_engine *e, uint32_t ip)
{
	struct slot *sl = find_ip(e, ip);

	if (!sl)
		return -ENOENT;
	if (sl->s.state != PORTAL_S_AWAY)
		return -EINVAL;
	sl->s.state = PORTAL_S_ONLINE;
	sl->s.deadline_ms = 0;
	return 0;
}

static int logout_slot(struct portal_engine *e, struct slot *sl,
		       enum portal_end why, const char *reason)
{
	struct portal_builder b;
	uint32_t ip;
	struct ntf *n;
	int server;
	uint16_t req_id;
	uint8_t auth_type;

	if (!sl)
		return -ENOENT;
	ip = sl->s.ip;
	server = sl->s.server;
	req_id = sl->s.req_id;
	auth_type = sl->s.auth_type;
	if (sl->s.state == PORTAL_S_CHALLENGED ||
	    sl->s.state == PORTAL_S_AUTHENTICATING) {
		end_slot(e, sl, why);
		return 0;	/* never online: nothing to tell the portal */
	}
	end_slot(e, sl, why);
	portal_build_start(&b, e->srv[server].version, PORTAL_NTF_LOGOUT,
			   auth_type, e->next_serial++, req_id, ip, 0);
	if (!e->next_serial)
		e->next_serial = 1;
	portal_build_attr(&b, PORTAL_A_TEXT_INFO,
			  reason && *reason ? reason : "logged out by the AC",
			  strnlen(reason && *reason ? reason :
				  "logged out by the AC", 253));
	if (portal_build_finish(&b, NULL, &e->srv[server].secret) ||
	    b.len > RECENT_LEN)
		return -EIO;
	n = ntf_slot(e);
	memset(n, 0, sizeof(*n));
	n->used = true;
	n->server = server;
	n->serial = (uint16_t)(b.buf[4] << 8 | b.buf[5]);
	n->ip = ip;
	memcpy(n->auth, b.buf + 16, PORTAL_AUTH_LEN);
	n->len = (uint16_t)b.len;
	memcpy(n->buf, b.buf, b.len);
	n->tries = 1;
	n->first_ms = now(e);
	n->next_ms = n->first_ms + ntf_wait(e, 1);
	e->stats.ntf_sent++;
	e->ops->send(e->ctx, server, 0, n->buf, n->len);
	return 0;
}

void portal_sess_run_timers(struct portal_engine *e)
{
	uint64_t t = now(e);
	size_t i;

	for (i = 0; i < e->conf.max_sessions; i++) {
		struct slot *sl = &e->slots[i];

		if (!sl->used || !sl->s.deadline_ms || sl->s.deadline_ms > t)
			continue;
		if (sl->s.state == PORTAL_S_CHALLENGED)
			end_slot(e, sl, PORTAL_END_EXPIRED);
		else if (sl->s.state == PORTAL_S_WAIT_AFF)
			end_slot(e, sl, PORTAL_END_NO_AFF);
		else if (sl->s.state == PORTAL_S_AWAY)
			logout_slot(e, sl, PORTAL_END_AWAY_TIMEOUT,
				    "the station did not come back within the reconnect timeout");
	}
	for (i = 0; i < NTF_MAX; i++) {
		struct ntf *n = &e->ntf[i];

		if (!n->used || n->next_ms > t)
			continue;
		if (n->tries >= e->conf.ntf_tries) {
			int server = n->server;
			bool silent = e->live[server].heard_ms <= n->first_ms;

			e->stats.ntf_unacked++;
			memset(n, 0, sizeof(*n));
			/* heard meanwhile: alive, only this one was lost */
			if (silent)
				gone(e, server, "NTF_LOGOUT unanswered after every retry");
			continue;
		}
		n->tries++;
		n->next_ms = t + ntf_wait(e, n->tries);
		e->stats.ntf_sent++;
		e->ops->send(e->ctx, n->server, 0, n->buf, n->len);
		if (e->ops->ntf_resent)
			e->ops->ntf_resent(e->ctx, n->server, n->ip, n->tries,
					   (unsigned int)(n->next_ms - t));
	}
	for (i = 0; i < e->n_srv; i++) {
		unsigned int hb = e->srv[i].heartbeat_timeout_s;

		if (hb && !e->live[i].down &&
		    t - e->live[i].heard_ms >= hb * 1000ULL)
			gone(e, (int)i, "no packet for the heartbeat timeout");
	}
}

uint64_t portal_sess_next_deadline(const struct portal_engine *e)
{
	uint64_t d = UINT64_MAX;
	size_t i;

	for (i = 0; i < e->conf.max_sessions; i++)
		if (e->slots[i].used && e->slots[i].s.deadline_ms &&
		    e->slots[i].s.deadline_ms < d)
			d = e->slots[i].s.deadline_ms;
	for (i = 0; i < NTF_MAX; i++)
		if (e->ntf[i].used && e->ntf[i].next_ms < d)
			d = e->ntf[i].next_ms;
	for (i = 0; i < e->n_srv; i++) {
		uint64_t hb = e->srv[i].heartbeat_timeout_s * 1000ULL;

		if (hb && !e->live[i].down && e->live[i].heard_ms + hb < d)
			d = e->live[i].heard_ms + hb;
	}
	return d;
}

const struct portal_sess *portal_sess_find(const struct portal_engine *e,
					   uint32_t ip)
{
	const struct slot *sl = find_ip(e, ip);

	return sl ? &sl->s : NULL;
}

void portal_sess_foreach(const struct portal_engine *e,
			 void (*fn)(const struct portal_sess *s, void *arg),
			 void *arg)
{
	size_t i;

	for (i = 0; i < e->conf.max_sessions; i++)
		if (e->slots[i].used)
			fn(&e->slots[i].s, arg);
}

size_t portal_sess_count(const struct portal_engine *e)
{
	return e->count;
}

const struct portal_sess_stats *portal_sess_stats(const struct portal_engine *e)
{
	return &e->stats;
}

const char *portal_state_name(enum portal_state s)
{
	switch (s) {
	case PORTAL_S_CHALLENGED:
		return "challenged";
	case PORTAL_S_AUTHENTICATING:
		return "authenticating";
	case PORTAL_S_WAIT_AFF:
		return "online-unconfirmed";
	case PORTAL_S_ONLINE:
		return "online";
	case PORTAL_S_AWAY:
		return "away";
	}
	return "unknown";
}

const char *portal_end_name(enum portal_end why)
{
	static const char *const names[] = {
		[PORTAL_END_LOGOUT] = "logout",
		[PORTAL_END_PORTAL_GAVE_UP] = "portal-timeout-notice",
		[PORTAL_END_NO_AFF] = "no-aff-ack-auth",
		[PORTAL_END_AC] = "ac-logout",
		[PORTAL_END_REJECTED] = "rejected",
		[PORTAL_END_EXPIRED] = "challenge-expired",
		[PORTAL_END_FLUSH] = "flush",
		[PORTAL_END_AWAY_TIMEOUT] = "reconnect-timeout",
		[PORTAL_END_REPLACED] = "replaced",
	};

	if ((size_t)why < sizeof(names) / sizeof(names[0]) && names[why])
		return names[why];
	return "unknown";
}

const char *portal_rx_name(enum portal_rx r)
{
	static const char *const names[] = {
		[PORTAL_RX_ANSWERED] = "answered",
		[PORTAL_RX_RESENT] = "resent",
		[PORTAL_RX_TAKEN] = "taken",
		[PORTAL_RX_PENDING] = "pending",
		[PORTAL_RX_MALFORMED] = "malformed",
		[PORTAL_RX_BAD_VERSION] = "bad_version",
		[PORTAL_RX_BAD_AUTH] = "bad_authenticator",
		[PORTAL_RX_UNEXPECTED] = "unexpected",
		[PORTAL_RX_FLOOD] = "flood",
	};

	if ((size_t)r < sizeof(names) / sizeof(names[0]) && names[r])
		return names[r];
	return "unknown";
}
