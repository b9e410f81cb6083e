// SPDX-License-Identifier: GPL-2.0-only
/* RADIUS client with failover, and the RFC 5176 Disconnect/CoA server. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "core/evloop.h"
#include "core/log.h"
#include "radius/radius_client.h"

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define N_IDS 256

struct radius_server {
	struct radius_client *c;
	enum radius_kind kind;
	size_t idx;
	struct radius_server_conf conf;
	char name[64];
	int fd;
	struct radius_req *slot[N_IDS];
	unsigned int in_flight;
	uint8_t next_id;
	/* Response Authenticators of replies already delivered, per id */
	struct {
		uint8_t auth[RADIUS_AUTH_LEN];
		bool valid;
	} recent[N_IDS];
	uint64_t dead_until;		/* alive when <= now */
	uint64_t replies_seen;		/* verified replies, ever */
	struct radius_server_stats st;
};

struct radius_req {
	struct radius_req *next;
	enum radius_kind kind;
	int server;			/* index, -1 while waiting for an id */
	uint8_t id;
	uint32_t tried;			/* bitmask of servers tried */
	unsigned int tries;		/* transmissions to the current server */
	unsigned int attempts;		/* transmissions in all */
	uint64_t created_ms;
	uint64_t server_start_replies;	/* its replies_seen then */
	uint64_t server_start_marks;	/* its dead_marks then */
	uint64_t deadline_ms;
	bool restart;			/* moved by radius_client_renew */
	radius_done_fn done;
	void *ctx;
	struct radius_msg tmpl;		/* as given, User-Password in clear */
	struct radius_msg tx;		/* as sent to the current server */
};

struct radius_client {
	struct radius_client_conf conf;
	struct radius_server srv[2][RADIUS_MAX_SERVERS];
	size_t n_srv[2];
	struct radius_req *reqs;
	size_t n_reqs;
	struct ev_timer timer;
	bool in_dispatch;
	struct radius_req *sending;	/* inside radius_client_send */
	bool send_failed;
};

static const char *const kind_names[] = { "authentication", "accounting" };

static uint64_t now_of(const struct radius_client *c)
{
	return c->conf.now_ms ? c->conf.now_ms() : ev_now_ms();
}

/* --- client ------------------------------------------------------------ */

static void client_fd_cb(int fd, void *arg);
static void client_timer_cb(struct ev_timer *t);
static void dispatch(struct radius_client *c, struct radius_req *r);

static void schedule(struct radius_client *c)
{
	uint64_t next = radius_client_next_deadline(c), now;

	if (next == UINT64_MAX) {
		ev_timer_cancel(&c->timer);
		return;
	}
	now = now_of(c);
	ev_timer_arm(&c->timer, next <= now ? 0 :
			(next - now > 60000 ? 60000 : (unsigned int)(next - now)));
}

static int open_server(struct radius_server *s, char *err, size_t errlen)
{
	int fd = socket(s->conf.addr.ss_family,
			SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

	if (fd < 0 || connect(fd, (struct sockaddr *)&s->conf.addr,
			      s->conf.addr_len) < 0) {
		snprintf(err, errlen, "RADIUS %s server %s: %s",
			 kind_names[s->kind], s->name, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (ev_add_fd(fd, client_fd_cb, s) < 0) {
		snprintf(err, errlen, "RADIUS: too many event loop sockets");
		close(fd);
		return -1;
	}
	s->fd = fd;
	return 0;
}

struct radius_client *radius_client_new(const struct radius_client_conf *conf,
					char *err, size_t errlen)
{
	struct radius_client *c;
	int k;

	if (conf->n_auth > RADIUS_MAX_SERVERS ||
	    conf->n_acct > RADIUS_MAX_SERVERS ||
	    (!conf->n_auth && !conf->n_acct)) {
		snprintf(err, errlen,
			 "RADIUS: at least one server, at most %d of each kind",
			 RADIUS_MAX_SERVERS);
		return NULL;
	}
	c = calloc(1, sizeof(*c));
	if (!c) {
		snprintf(err, errlen, "RADIUS: out of memory");
		return NULL;
	}
	c->conf = *conf;
	if (!c->conf.timeout_ms)
		c->conf.timeout_ms = 3000;
	if (!c->conf.max_tries)
		c->conf.max_tries = 3;
	if (!c->conf.dead_time_s)
		c->conf.dead_time_s = 60;
	c->timer.fn = client_timer_cb;
	c->n_srv[RADIUS_KIND_AUTH] = conf->n_auth;
	c->n_srv[RADIUS_KIND_ACCT] = conf->n_acct;
	for (k = 0; k < 2; k++) {
		size_t i;

		/* radius_client_free() on a half-built client closes only these */
		for (i = 0; i < RADIUS_MAX_SERVERS; i++)
			c->srv[k][i].fd = -1;
	}
	for (k = 0; k < 2; k++) {
		size_t i;

		for (i = 0; i < c->n_srv[k]; i++) {
			struct radius_server *s = &c->srv[k][i];

			s->c = c;
			s->kind = (enum radius_kind)k;
			s->idx = i;
			s->conf = k ? conf->acct[i] : conf->auth[i];
			radius_addr_str((struct sockaddr *)&s->conf.addr,
					s->name, sizeof(s->name));
			if (!s->conf.secret.len) {
				snprintf(err, errlen,
					 "RADIUS server %s: empty secret",
					 s->name);
				radius_client_free(c);
				return NULL;
			}
			if (open_server(s, err, errlen) < 0) {
				radius_client_free(c);
				return NULL;
			}
		}
	}
	return c;
}

static void req_free(struct radius_req *r)
{
	OPENSSL_cleanse(r, sizeof(*r));
	free(r);
}

void radius_client_free(struct radius_client *c)
{
	int k;

	if (!c)
		return;
	ev_timer_cancel(&c->timer);
	while (c->reqs) {
		struct radius_req *r = c->reqs;

		c->reqs = r->next;
		req_free(r);
	}
	for (k = 0; k < 2; k++) {
		size_t i;

		for (i = 0; i < c->n_srv[k]; i++) {
			struct radius_server *s = &c->srv[k][i];

			if (s->fd >= 0) {
				ev_del_fd(s->fd);
				close(s->fd);
			}
		}
	}
	OPENSSL_cleanse(c, sizeof(*c));
	free(c);
}

static bool server_alive(const struct radius_server *s, uint64_t now)
{
	return s->dead_until <= now;
}

/*
 * The server for r: the first untried live one with a free identifier;
 * failing that the first untried dead one (every server gets its chance
 * before a request fails). -1: none left; -2: untried ones but all busy.
 */
static int pick_server(struct radius_client *c, struct radius_req *r)
{
	size_t n = c->n_srv[r->kind], i;
	uint64_t now = now_of(c);
	bool busy = false;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < n; i++) {
			struct radius_server *s = &c->srv[r->kind][i];

			if (r->tried & (1u << i))
				continue;
			if (s->in_flight == N_IDS) {
				busy = true;
				continue;
			}
			if (pass == 0 && !server_alive(s, now))
				continue;
			return (int)i;
		}
	}
	return busy ? -2 : -1;
}

/* Encode r->tmpl for server s with identifier id into r->tx. */
static enum radius_err encode(struct radius_client *c, struct radius_req *r,
			      struct radius_server *s)
{
	struct radius_msg *m = &r->tx;
	struct radius_attr_iter it;
	const uint8_t *v;
	enum radius_err e = RADIUS_OK;
	uint8_t t;
	size_t l;

	radius_msg_init(m, radius_msg_code(&r->tmpl), r->id);
	if (r->kind == RADIUS_KIND_AUTH && RAND_bytes(m->buf + 4, 16) != 1)
		return RADIUS_E_CRYPTO;
	radius_attr_iter_init(&it);
	while (!e && radius_attr_next(&r->tmpl, &it, &t, &v, &l)) {
		if (t == RADIUS_ATTR_MESSAGE_AUTHENTICATOR ||
		    t == RADIUS_ATTR_ACCT_DELAY_TIME)
			continue;
		if (t == RADIUS_ATTR_USER_PASSWORD &&
		    r->kind == RADIUS_KIND_AUTH) {
			uint8_t h[RADIUS_PASSWORD_MAX];
			size_t hl;

			e = radius_password_hide(h, &hl, v, l, m->buf + 4,
						 &s->conf.secret);
			if (!e)
				e = radius_msg_add(m, t, h, hl);
			OPENSSL_cleanse(h, sizeof(h));
			continue;
		}
		e = radius_msg_add(m, t, v, l);
	}
	if (e)
		return e;
	if (r->kind == RADIUS_KIND_AUTH) {
		/* RFC 3579 3.2, RFC 5080 2.2.2: on every Access-Request */
		if (!radius_msg_add_ma(m))
			return RADIUS_E_NO_SPACE;
		return radius_ma_sign(m, NULL, &s->conf.secret);
	}
	/* RFC 2866 5.2: seconds this record has been waiting */
	e = radius_msg_add_u32(m, RADIUS_ATTR_ACCT_DELAY_TIME,
			       (uint32_t)((now_of(c) - r->created_ms) / 1000));
	if (!e)
		e = radius_req_auth_sign(m, &s->conf.secret);
	return e;
}

static void transmit(struct radius_client *c, struct radius_req *r)
{
	struct radius_server *s = &c->srv[r->kind][r->server];

	r->attempts++;
	r->deadline_ms = now_of(c) + c->conf.timeout_ms;
	if (send(s->fd, r->tx.buf, r->tx.len, 0) < 0) {
		/* the retransmission timer copes; count it */
		s->st.socket_errors++;
		log_dbg("RADIUS %s: send: %s", s->name, strerror(errno));
	}
}

static void release_id(struct radius_client *c, struct radius_req *r)
{
	struct radius_server *s;

	if (r->server < 0)
		return;
	s = &c->srv[r->kind][r->server];
	if (s->slot[r->id] == r) {
		s->slot[r->id] = NULL;
		s->in_flight--;
	}
	r->server = -1;
}

static void unlink_req(struct radius_client *c, struct radius_req *r)
{
	struct radius_req **pp;

	for (pp = &c->reqs; *pp; pp = &(*pp)->next) {
		if (*pp == r) {
			*pp = r->next;
			c->n_reqs--;
			return;
		}
	}
}

static void dispatch_waiting(struct radius_client *c);

static void complete(struct radius_client *c, struct radius_req *r,
		     enum radius_status st, const struct radius_msg *reply,
		     const char *server)
{
	struct radius_result res = {
		.status = st,
		.reply = reply,
		.server = server,
		.attempts = r->attempts,
	};
	uint8_t msk[RADIUS_MSK_LEN];
	size_t msk_len = 0;

	if (reply && radius_msg_code(reply) == RADIUS_ACCESS_ACCEPT &&
	    r->server >= 0 &&
	    !radius_msk_get(reply, r->tx.buf + 4,
			    &c->srv[r->kind][r->server].conf.secret, msk,
			    &msk_len)) {
		res.msk = msk;
		res.msk_len = msk_len;
	}
	release_id(c, r);
	unlink_req(c, r);
	if (r == c->sending)
		c->send_failed = true;	/* the caller gets NULL instead */
	else if (r->done)
		r->done(r->ctx, &res);
	OPENSSL_cleanse(msk, sizeof(msk));
	req_free(r);
	dispatch_waiting(c);
}

static void start_on_server(struct radius_client *c, struct radius_req *r,
			    int i)
{
	struct radius_server *s = &c->srv[r->kind][i];
	enum radius_err e;
	unsigned int k;

	for (k = 0; k < N_IDS; k++) {
		uint8_t id = s->next_id++;

		if (!s->slot[id]) {
			r->id = id;
			break;
		}
	}
	s->slot[r->id] = r;
	s->in_flight++;
	r->server = i;
	r->tried |= 1u << i;
	r->tries = 1;
	r->server_start_replies = s->replies_seen;
	r->server_start_marks = s->st.dead_marks;
	e = encode(c, r, s);
	if (e) {
		log_err("RADIUS %s request to %s: %s", kind_names[r->kind],
			s->name, radius_strerror(e));
		complete(c, r, RADIUS_FAILED, NULL, s->name);
		return;
	}
	s->st.requests++;
	transmit(c, r);
}

static void dispatch(struct radius_client *c, struct radius_req *r)
{
	int i = pick_server(c, r);

	if (i >= 0) {
		start_on_server(c, r, i);
		return;
	}
	if (i == -2) {
		/* every untried server has 256 requests out: wait for an id */
		r->server = -1;
		r->deadline_ms = now_of(c) +
			(uint64_t)c->conf.timeout_ms * c->conf.max_tries;
		return;
	}
	log_err("RADIUS %s request: no server answered (%u transmissions to %zu server%s)",
		kind_names[r->kind], r->attempts, c->n_srv[r->kind],
		c->n_srv[r->kind] == 1 ? "" : "s");
	complete(c, r, RADIUS_TIMEOUT, NULL, NULL);
}

static void dispatch_waiting(struct radius_client *c)
{
	struct radius_req *r;

	if (c->in_dispatch)
		return;
	c->in_dispatch = true;
again:
	for (r = c->reqs; r; r = r->next) {
		if (r->server >= 0 || pick_server(c, r) < 0)
			continue;
		dispatch(c, r);
		goto again;	/* the list may have changed */
	}
	c->in_dispatch = false;
	schedule(c);
}

struct radius_req *radius_client_send(struct radius_client *c,
				      enum radius_kind kind,
				      const struct radius_msg *msg,
				      radius_done_fn done, void *ctx)
{
	uint8_t want = kind == RADIUS_KIND_AUTH ? RADIUS_ACCESS_REQUEST :
						  RADIUS_ACCOUNTING_REQUEST;
	struct radius_req *r;
	size_t l;

	if ((kind != RADIUS_KIND_AUTH && kind != RADIUS_KIND_ACCT) ||
	    radius_msg_code(msg) != want || !c->n_srv[kind]) {
		errno = EINVAL;
		return NULL;
	}
	r = calloc(1, sizeof(*r));
	if (!r) {
		errno = ENOMEM;
		return NULL;
	}
	r->kind = kind;
	r->server = -1;
	r->done = done;
	r->ctx = ctx;
	r->created_ms = now_of(c);
	r->tmpl = *msg;
	if (c->conf.nas_id[0] &&
	    !radius_msg_find(&r->tmpl, RADIUS_ATTR_NAS_IDENTIFIER, &l) &&
	    radius_msg_add_str(&r->tmpl, RADIUS_ATTR_NAS_IDENTIFIER,
			       c->conf.nas_id))
		goto too_long;
	if (c->conf.have_nas_ip &&
	    !radius_msg_find(&r->tmpl, RADIUS_ATTR_NAS_IP_ADDRESS, &l) &&
	    radius_msg_add(&r->tmpl, RADIUS_ATTR_NAS_IP_ADDRESS,
			   &c->conf.nas_ip, 4))
		goto too_long;
	/* room for Message-Authenticator / Acct-Delay-Time and padding */
	if (r->tmpl.len + 18 + 16 > RADIUS_MAX_LEN)
		goto too_long;
	if (radius_msg_find(&r->tmpl, RADIUS_ATTR_USER_PASSWORD, &l) &&
	    (!l || l > RADIUS_PASSWORD_MAX)) {
		req_free(r);
		errno = EINVAL;
		return NULL;
	}
	r->next = c->reqs;
	c->reqs = r;
	c->n_reqs++;
	c->sending = r;
	c->send_failed = false;
	dispatch(c, r);
	c->sending = NULL;
	dispatch_waiting(c);
	if (c->send_failed) {
		errno = EIO;
		return NULL;
	}
	return r;

too_long:
	req_free(r);
	errno = EMSGSIZE;
	return NULL;
}

void radius_client_cancel(struct radius_client *c, struct radius_req *r)
{
	release_id(c, r);
	unlink_req(c, r);
	req_free(r);
	dispatch_waiting(c);
}

static bool same_server(const struct radius_server_conf *a,
			const struct radius_server_conf *b)
{
	return a->addr_len == b->addr_len &&
	       !memcmp(&a->addr, &b->addr, a->addr_len) &&
	       a->secret.len == b->secret.len &&
	       !memcmp(a->secret.data, b->secret.data, a->secret.len);
}

int radius_client_renew(struct radius_client **cp,
			const struct radius_client_conf *conf, char *err,
			size_t errlen)
{
	struct radius_client *old = *cp, *c;
	struct radius_req *r, *moved, **tail;
	size_t i, j;
	int k;

	c = radius_client_new(conf, err, errlen);
	if (!c)
		return -1;
	/* a server that stays keeps its counters and its dead mark */
	for (k = 0; k < 2; k++)
		for (i = 0; i < c->n_srv[k]; i++)
			for (j = 0; j < old->n_srv[k]; j++) {
				struct radius_server *s = &c->srv[k][i];
				const struct radius_server *o = &old->srv[k][j];

				if (!same_server(&s->conf, &o->conf))
					continue;
				s->st = o->st;
				s->dead_until = o->dead_until;
				s->replies_seen = o->replies_seen;
				break;
			}
	/* the requests under way leave the old servers, in order */
	moved = old->reqs;
	old->reqs = NULL;
	old->n_reqs = 0;
	tail = &c->reqs;
	for (r = moved; r; r = r->next) {
		release_id(old, r);
		r->tried = 0;
		r->tries = 0;
		r->restart = true;
		*tail = r;
		tail = &r->next;
		c->n_reqs++;
	}
	radius_client_free(old);
	*cp = c;
	/* ... and start again on the new ones (a callback of one that
	 * completes here sends through *cp, the new client) */
	c->in_dispatch = true;
again:
	for (r = c->reqs; r; r = r->next) {
		if (!r->restart)
			continue;
		r->restart = false;
		dispatch(c, r);
		goto again;	/* the list may have changed */
	}
	c->in_dispatch = false;
	dispatch_waiting(c);
	return 0;
}

static void mark_dead(struct radius_client *c, struct radius_server *s,
		      uint64_t now)
{
	bool was_alive = server_alive(s, now);

	/* tried again while dead and still silent: extend, log once */
	s->dead_until = now + (uint64_t)c->conf.dead_time_s * 1000;
	s->st.dead = true;
	if (!was_alive)
		return;
	s->st.dead_marks++;
	log_warn("RADIUS %s server %s not responding: marked dead for %u s",
		 kind_names[s->kind], s->name, c->conf.dead_time_s);
}

/* r's deadline passed: retransmit or give up on its server. */
static void expire(struct radius_client *c, struct radius_req *r,
		   uint64_t now)
{
	struct radius_server *s;

	if (r->server < 0) {
		log_err("RADIUS %s request: no identifier free on any server",
			kind_names[r->kind]);
		complete(c, r, RADIUS_TIMEOUT, NULL, NULL);
		return;
	}
	s = &c->srv[r->kind][r->server];
	/* retransmit unchanged unless the server died meanwhile */
	if (r->tries < c->conf.max_tries &&
	    !(!server_alive(s, now) &&
	      s->st.dead_marks != r->server_start_marks)) {
		r->tries++;
		s->st.retransmissions++;
		transmit(c, r);
		return;
	}
	s->st.timeouts++;
	/* dead only if it answered nothing at all since r was first sent */
	if (s->replies_seen == r->server_start_replies)
		mark_dead(c, s, now);
	release_id(c, r);
	if (pick_server(c, r) >= 0)
		log_info("RADIUS %s request: no answer from %s after %u tries, failing over",
			 kind_names[r->kind], s->name, r->tries);
	dispatch(c, r);
}

void radius_client_run_timers(struct radius_client *c)
{
	bool outer = !c->in_dispatch;
	uint64_t now = now_of(c);
	struct radius_req *r;

	c->in_dispatch = true;
again:
	for (r = c->reqs; r; r = r->next) {
		if (r->deadline_ms > now)
			continue;
		expire(c, r, now);
		goto again;
	}
	if (outer)
		c->in_dispatch = false;
	dispatch_waiting(c);
}

static void client_timer_cb(struct ev_timer *t)
{
	radius_client_run_timers(container_of(t, struct radius_client, timer));
}

uint64_t radius_client_next_deadline(const struct radius_client *c)
{
	uint64_t min = UINT64_MAX;
	const struct radius_req *r;

	for (r = c->reqs; r; r = r->next)
		if (r->deadline_ms < min)
			min = r->deadline_ms;
	return min;
}

size_t radius_client_pending(const struct radius_client *c)
{
	return c->n_reqs;
}

static bool reply_code_ok(enum radius_kind kind, uint8_t code)
{
	if (kind == RADIUS_KIND_ACCT)
		return code == RADIUS_ACCOUNTING_RESPONSE;
	return code == RADIUS_ACCESS_ACCEPT || code == RADIUS_ACCESS_REJECT ||
	       code == RADIUS_ACCESS_CHALLENGE;
}

static void handle_reply(struct radius_client *c, struct radius_server *s,
			 const uint8_t *buf, size_t len)
{
	struct radius_msg *m = malloc(sizeof(*m));
	struct radius_req *r;
	enum radius_err e;
	uint8_t id;

	if (!m)
		return;
	e = radius_msg_parse(m, buf, len);
	if (!e && !reply_code_ok(s->kind, radius_msg_code(m)))
		e = RADIUS_E_CODE;
	if (e) {
		if (e == RADIUS_E_CODE)
			s->st.bad_code++;
		else
			s->st.malformed++;
		log_dbg("RADIUS %s: reply dropped: %s", s->name,
			radius_strerror(e));
		goto out;
	}
	id = radius_msg_id(m);
	if (s->recent[id].valid &&
	    !CRYPTO_memcmp(s->recent[id].auth, radius_msg_auth(m),
			   RADIUS_AUTH_LEN)) {
		s->st.duplicates++;
		log_dbg("RADIUS %s: reply id %u dropped: %s", s->name, id,
			radius_strerror(RADIUS_E_DUPLICATE));
		goto out;
	}
	r = s->slot[id];
	if (!r) {
		s->st.unknown_id++;
		log_dbg("RADIUS %s: reply id %u dropped: %s", s->name, id,
			radius_strerror(RADIUS_E_UNKNOWN_ID));
		goto out;
	}
	e = radius_resp_auth_verify(m, r->tx.buf + 4, &s->conf.secret);
	if (e) {
		s->st.bad_authenticator++;
	} else {
		e = radius_ma_verify(m, r->tx.buf + 4, &s->conf.secret,
				     s->kind == RADIUS_KIND_AUTH);
		if (e == RADIUS_E_NO_MA)
			s->st.missing_ma++;
		else if (e)
			s->st.bad_ma++;
	}
	if (e) {
		log_warn_rl("RADIUS %s: %s id %u dropped: %s", s->name,
			 radius_code_name(radius_msg_code(m)), id,
			 radius_strerror(e));
		goto out;
	}
	s->st.replies++;
	s->replies_seen++;
	if (s->st.dead) {
		s->st.dead = false;
		s->dead_until = 0;
		log_info("RADIUS %s server %s answers again",
			 kind_names[s->kind], s->name);
	}
	memcpy(s->recent[id].auth, radius_msg_auth(m), RADIUS_AUTH_LEN);
	s->recent[id].valid = true;
	complete(c, r, RADIUS_REPLY, m, s->name);
out:
	OPENSSL_cleanse(m, sizeof(*m));
	free(m);
}

static void server_input(struct radius_server *s)
{
	struct radius_client *c = s->c;
	uint8_t buf[RADIUS_MAX_LEN + 1];
	int n;

	for (n = 0; n < 64; n++) {
		ssize_t len = recv(s->fd, buf, sizeof(buf), MSG_TRUNC);

		if (len < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				break;
			if (errno == EINTR)
				continue;
			/* ICMP unreachable etc.: timeouts decide */
			s->st.socket_errors++;
			continue;
		}
		if ((size_t)len > RADIUS_MAX_LEN) {
			s->st.malformed++;
			log_dbg("RADIUS %s: reply dropped: %s", s->name,
				radius_strerror(RADIUS_E_TOO_LONG));
			continue;
		}
		handle_reply(c, s, buf, (size_t)len);
	}
	schedule(c);
}

static void client_fd_cb(int fd, void *arg)
{
	(void)fd;
	server_input(arg);
}

void radius_client_input(struct radius_client *c)
{
	int k;

	for (k = 0; k < 2; k++) {
		size_t i;

		for (i = 0; i < c->n_srv[k]; i++)
			server_input(&c->srv[k][i]);
	}
}

const struct radius_server_stats *
radius_client_stats(const struct radius_client *c, enum radius_kind kind,
		    size_t idx)
{
	if ((kind != RADIUS_KIND_AUTH && kind != RADIUS_KIND_ACCT) ||
	    idx >= c->n_srv[kind])
		return NULL;
	return &c->srv[kind][idx].st;
}

const char *radius_client_server_name(const struct radius_client *c,
				      enum radius_kind kind, size_t idx)
{
	if ((kind != RADIUS_KIND_AUTH && kind != RADIUS_KIND_ACCT) ||
	    idx >= c->n_srv[kind])
		return "?";
	return c->srv[kind][idx].name;
}

/* --- accounting -------------------------------------------------------- */

enum radius_err radius_acct_build(struct radius_msg *m,
				  const struct radius_acct_info *info)
{
	bool counters = info->status == RADIUS_ACCT_STOP ||
			info->status == RADIUS_ACCT_INTERIM_UPDATE;
	enum radius_err e;

	if (!info->session_id || !info->session_id[0])
		return RADIUS_E_VALUE;
	radius_msg_init(m, RADIUS_ACCOUNTING_REQUEST, 0);
	e = radius_msg_add_u32(m, RADIUS_ATTR_ACCT_STATUS_TYPE, info->status);
	if (!e)
		e = radius_msg_add_str(m, RADIUS_ATTR_ACCT_SESSION_ID,
				       info->session_id);
	if (!e)	/* 1 = RADIUS */
		e = radius_msg_add_u32(m, RADIUS_ATTR_ACCT_AUTHENTIC, 1);
	if (!e)	/* 19 = Wireless - IEEE 802.11 */
		e = radius_msg_add_u32(m, RADIUS_ATTR_NAS_PORT_TYPE, 19);
	if (!e && info->user_name && info->user_name[0])
		e = radius_msg_add_str(m, RADIUS_ATTR_USER_NAME,
				       info->user_name);
	if (!e && info->called_station_id && info->called_station_id[0])
		e = radius_msg_add_str(m, RADIUS_ATTR_CALLED_STATION_ID,
				       info->called_station_id);
	if (!e && info->calling_station_id && info->calling_station_id[0])
		e = radius_msg_add_str(m, RADIUS_ATTR_CALLING_STATION_ID,
				       info->calling_station_id);
	if (!e && counters) {
		/* RFC 2869 5.1, 5.2: the high 32 bits go in Gigawords */
		e = radius_msg_add_u32(m, RADIUS_ATTR_ACCT_INPUT_OCTETS,
				       (uint32_t)info->input_octets);
		if (!e)
			e = radius_msg_add_u32(m, RADIUS_ATTR_ACCT_INPUT_GIGAWORDS,
					       (uint32_t)(info->input_octets >> 32));
		if (!e)
			e = radius_msg_add_u32(m, RADIUS_ATTR_ACCT_OUTPUT_OCTETS,
					       (uint32_t)info->output_octets);
		if (!e)
			e = radius_msg_add_u32(m, RADIUS_ATTR_ACCT_OUTPUT_GIGAWORDS,
					       (uint32_t)(info->output_octets >> 32));
		if (!e)
			e = radius_msg_add_u32(m, RADIUS_ATTR_ACCT_INPUT_PACKETS,
					       info->input_packets);
		if (!e)
			e = radius_msg_add_u32(m, RADIUS_ATTR_ACCT_OUTPUT_PACKETS,
					       info->output_packets);
		if (!e)
			e = radius_msg_add_u32(m, RADIUS_ATTR_ACCT_SESSION_TIME,
					       info->session_time_s);
	}
	if (!e && info->status == RADIUS_ACCT_STOP && info->terminate_cause)
		e = radius_msg_add_u32(m, RADIUS_ATTR_ACCT_TERMINATE_CAUSE,
				       info->terminate_cause);
	return e;
}

/* --- Dynamic Authorization Server (RFC 5176) --------------------------- */

#define DAS_CACHE 32
#define DAS_CACHE_MS 30000

struct das_cached {
	struct sockaddr_storage from;
	socklen_t from_len;
	uint8_t id;
	uint8_t req_auth[RADIUS_AUTH_LEN];
	uint64_t when;
	bool valid;
	size_t len;
	uint8_t reply[512];		/* larger answers are not cached */
};

struct radius_das {
	struct radius_das_conf conf;
	int fd;
	uint16_t port;
	radius_das_fn fn;
	void *ctx;
	struct radius_das_stats st;
	struct das_cached cache[DAS_CACHE];
	unsigned int cache_next;
};

static void das_fd_cb(int fd, void *arg)
{
	(void)fd;
	radius_das_input(arg);
}

static uint64_t das_now(const struct radius_das *d)
{
	return d->conf.now_ms ? d->conf.now_ms() : ev_now_ms();
}

struct radius_das *radius_das_new(const struct radius_das_conf *conf,
				  radius_das_fn fn, void *ctx, char *err,
				  size_t errlen)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	struct radius_das *d;
	char name[64];
	size_t i;

	radius_addr_str((const struct sockaddr *)&conf->bind, name,
			sizeof(name));
	if (!conf->n_clients || conf->n_clients > RADIUS_DAS_MAX_CLIENTS) {
		snprintf(err, errlen, "RADIUS DAS %s: 1..%d clients", name,
			 RADIUS_DAS_MAX_CLIENTS);
		return NULL;
	}
	for (i = 0; i < conf->n_clients; i++) {
		if (!conf->clients[i].secret.len) {
			snprintf(err, errlen, "RADIUS DAS %s: empty secret",
				 name);
			return NULL;
		}
	}
	d = calloc(1, sizeof(*d));
	if (!d) {
		snprintf(err, errlen, "RADIUS DAS: out of memory");
		return NULL;
	}
	d->conf = *conf;
	if (!d->conf.time_window_s)
		d->conf.time_window_s = 300;
	d->fn = fn;
	d->ctx = ctx;
	d->fd = socket(conf->bind.ss_family,
		       SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (d->fd >= 0 && conf->bind.ss_family == AF_INET6) {
		int off = 0;

		/* [::] hears IPv4 clients too, whatever the sysctl says */
		setsockopt(d->fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off));
	}
	if (d->fd < 0 ||
	    bind(d->fd, (const struct sockaddr *)&conf->bind,
		 conf->bind_len) < 0 ||
	    getsockname(d->fd, (struct sockaddr *)&ss, &sl) < 0) {
		snprintf(err, errlen, "RADIUS DAS %s: %s", name,
			 strerror(errno));
		goto fail;
	}
	d->port = ntohs(ss.ss_family == AF_INET6 ?
			((struct sockaddr_in6 *)&ss)->sin6_port :
			((struct sockaddr_in *)&ss)->sin_port);
	if (ev_add_fd(d->fd, das_fd_cb, d) < 0) {
		snprintf(err, errlen, "RADIUS DAS: too many event loop sockets");
		goto fail;
	}
	return d;
fail:
	if (d->fd >= 0)
		close(d->fd);
	OPENSSL_cleanse(d, sizeof(*d));
	free(d);
	return NULL;
}

void radius_das_free(struct radius_das *d)
{
	if (!d)
		return;
	ev_del_fd(d->fd);
	close(d->fd);
	OPENSSL_cleanse(d, sizeof(*d));
	free(d);
}

uint16_t radius_das_port(const struct radius_das *d)
{
	return d->port;
}

const struct radius_das_stats *radius_das_stats(const struct radius_das *d)
{
	return &d->st;
}

/* a: a configured client; b: a source address, IPv4-mapped on [::] */
static bool same_host(const struct sockaddr_storage *a,
		      const struct sockaddr_storage *b)
{
	if (a->ss_family == AF_INET && b->ss_family == AF_INET6) {
		const struct in6_addr *in6 =
			&((const struct sockaddr_in6 *)b)->sin6_addr;

		return IN6_IS_ADDR_V4MAPPED(in6) &&
		       !memcmp(&in6->s6_addr[12],
			       &((const struct sockaddr_in *)a)->sin_addr, 4);
	}
	if (a->ss_family != b->ss_family)
		return false;
	if (a->ss_family == AF_INET)
		return ((const struct sockaddr_in *)a)->sin_addr.s_addr ==
		       ((const struct sockaddr_in *)b)->sin_addr.s_addr;
	if (a->ss_family == AF_INET6)
		return !memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr,
			       &((const struct sockaddr_in6 *)b)->sin6_addr,
			       16);
	return false;
}

static bool same_peer(const struct sockaddr_storage *a, socklen_t al,
		      const struct sockaddr_storage *b, socklen_t bl)
{
	return al == bl && !memcmp(a, b, al);
}

static struct das_cached *das_cache_find(struct radius_das *d,
					 const struct sockaddr_storage *from,
					 socklen_t from_len,
					 const struct radius_msg *m)
{
	uint64_t now = das_now(d);
	unsigned int i;

	for (i = 0; i < DAS_CACHE; i++) {
		struct das_cached *e = &d->cache[i];

		if (e->valid && now - e->when < DAS_CACHE_MS &&
		    e->id == radius_msg_id(m) &&
		    same_peer(&e->from, e->from_len, from, from_len) &&
		    !memcmp(e->req_auth, radius_msg_auth(m), RADIUS_AUTH_LEN))
			return e;
	}
	return NULL;
}

static void das_drop(struct radius_das *d, const char *from, const char *why)
{
	(void)d;
	log_warn_rl("RADIUS DAS: request from %s dropped: %s", from, why);
}

static void das_handle(struct radius_das *d, const uint8_t *buf, size_t len,
		       const struct sockaddr_storage *from,
		       socklen_t from_len)
{
	const struct radius_das_client *cl = NULL;
	struct radius_msg *m, *rep;
	struct radius_attr_iter it;
	struct das_cached *ce;
	char fname[64];
	uint32_t cause = 0, ts;
	const uint8_t *v;
	enum radius_err e;
	uint8_t code, t;
	size_t i, l;
	bool ack;

	radius_addr_str((const struct sockaddr *)from, fname, sizeof(fname));
	for (i = 0; i < d->conf.n_clients; i++) {
		if (same_host(&d->conf.clients[i].addr, from)) {
			cl = &d->conf.clients[i];
			break;
		}
	}
	if (!cl) {
		d->st.unknown_client++;
		das_drop(d, fname, "not a configured client");
		return;
	}
	m = malloc(sizeof(*m));
	rep = malloc(sizeof(*rep));
	if (!m || !rep)
		goto out;
	e = radius_msg_parse(m, buf, len);
	if (e) {
		if (e == RADIUS_E_CODE)
			d->st.bad_code++;
		else
			d->st.malformed++;
		das_drop(d, fname, radius_strerror(e));
		goto out;
	}
	code = radius_msg_code(m);
	if (code != RADIUS_DISCONNECT_REQUEST && code != RADIUS_COA_REQUEST) {
		d->st.bad_code++;
		das_drop(d, fname, radius_strerror(RADIUS_E_CODE));
		goto out;
	}
	/* RFC 5176 3.5: the Request Authenticator covers the whole packet */
	e = radius_req_auth_verify(m, &cl->secret);
	if (e) {
		d->st.bad_authenticator++;
		das_drop(d, fname, "Request Authenticator does not verify (wrong secret?)");
		goto out;
	}
	{
		static const uint8_t zero[RADIUS_AUTH_LEN];

		e = radius_ma_verify(m, zero, &cl->secret, d->conf.require_ma);
	}
	if (e) {
		if (e == RADIUS_E_NO_MA)
			d->st.missing_ma++;
		else
			d->st.bad_ma++;
		das_drop(d, fname, radius_strerror(e));
		goto out;
	}
	ce = das_cache_find(d, from, from_len, m);
	if (ce) {
		d->st.duplicates++;
		if (sendto(d->fd, ce->reply, ce->len, 0,
			   (const struct sockaddr *)from, from_len) < 0)
			log_dbg("RADIUS DAS: sendto %s: %s", fname,
				strerror(errno));
		goto out;
	}
	/* RFC 5176 3.3 replay protection */
	if (radius_msg_get_u32(m, RADIUS_ATTR_EVENT_TIMESTAMP, &ts)) {
		int64_t delta = (int64_t)time(NULL) - (int64_t)ts;

		if (delta > (int64_t)d->conf.time_window_s ||
		    -delta > (int64_t)d->conf.time_window_s) {
			d->st.bad_timestamp++;
			das_drop(d, fname, "Event-Timestamp outside the window");
			goto out;
		}
	} else if (d->conf.require_event_timestamp) {
		d->st.bad_timestamp++;
		das_drop(d, fname, "Event-Timestamp missing");
		goto out;
	}
	d->st.requests++;
	ack = d->fn(d->ctx, m, &cause);
	if (ack)
		d->st.acks++;
	else
		d->st.naks++;
	log_info("RADIUS DAS: %s from %s id %u: %s", radius_code_name(code),
		 fname, radius_msg_id(m), ack ? "ACK" : "NAK");
	if (code == RADIUS_DISCONNECT_REQUEST)
		code = ack ? RADIUS_DISCONNECT_ACK : RADIUS_DISCONNECT_NAK;
	else
		code = ack ? RADIUS_COA_ACK : RADIUS_COA_NAK;
	radius_msg_init(rep, code, radius_msg_id(m));
	if (!ack && cause)
		radius_msg_add_u32(rep, RADIUS_ATTR_ERROR_CAUSE, cause);
	/* RFC 2865 5.33: Proxy-State comes back unchanged, in order */
	radius_attr_iter_init(&it);
	e = RADIUS_OK;
	while (!e && radius_attr_next(m, &it, &t, &v, &l))
		if (t == RADIUS_ATTR_PROXY_STATE)
			e = radius_msg_add(rep, t, v, l);
	if (e || !radius_msg_add_ma(rep) ||
	    radius_ma_sign(rep, radius_msg_auth(m), &cl->secret) ||
	    radius_resp_auth_sign(rep, radius_msg_auth(m), &cl->secret)) {
		log_err("RADIUS DAS: cannot sign the reply to %s", fname);
		goto out;
	}
	if (sendto(d->fd, rep->buf, rep->len, 0, (const struct sockaddr *)from,
		   from_len) < 0)
		log_warn("RADIUS DAS: sendto %s: %s", fname, strerror(errno));
	ce = &d->cache[d->cache_next++ % DAS_CACHE];
	ce->valid = rep->len <= sizeof(ce->reply);
	if (ce->valid) {
		ce->from = *from;
		ce->from_len = from_len;
		ce->id = radius_msg_id(m);
		memcpy(ce->req_auth, radius_msg_auth(m), RADIUS_AUTH_LEN);
		ce->when = das_now(d);
		ce->len = rep->len;
		memcpy(ce->reply, rep->buf, rep->len);
	}
out:
	free(m);
	free(rep);
}

void radius_das_input(struct radius_das *d)
{
	uint8_t buf[RADIUS_MAX_LEN + 1];
	int n;

	for (n = 0; n < 64; n++) {
		struct sockaddr_storage from;
		socklen_t fl = sizeof(from);
		ssize_t len = recvfrom(d->fd, buf, sizeof(buf), MSG_TRUNC,
				       (struct sockaddr *)&from, &fl);

		if (len < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if ((size_t)len > RADIUS_MAX_LEN) {
			d->st.malformed++;
			continue;
		}
		das_handle(d, buf, (size_t)len, &from, fl);
	}
}
