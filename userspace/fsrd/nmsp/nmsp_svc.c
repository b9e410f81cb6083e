// SPDX-License-Identifier: GPL-2.0-only
/*
 * The location-server link's server (nmsp_svc.h): sockets and TLS here,
 * the conversation in nmsp_peer.c. Bounds: max_peers connections (one
 * more is told "busy" after its handshake and closed), NMSP_MAX_MSG
 * octets of input per peer (the header's length is checked before the
 * body is read), NMSP_OUT_MAX of output per peer.
 */
#include "nmsp/nmsp_svc.h"
#include "nmsp/nmsp_dial.h"
#include "nmsp/nmsp_peer.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "core/evloop.h"
#include "core/log.h"

#define NMSP_TICK_MS	1000
/* RSSI entries (a TLV each) in one notification's body */
#define NMSP_RSSI_PER_MSG (NMSP_MAX_BODY / (4 + NMSP_RSSI_ENTRY_LEN))
/* Connections beyond max_peers that may finish their handshake to be
 * told "busy"; past these a connection is closed at once, before any
 * allocation: a flood of half-open connections costs a bounded amount. */
#define NMSP_BUSY_SLOTS	4

struct svc_peer {
	struct svc_peer *next;
	int fd;
	SSL *ssl;
	bool tls_up;
	bool closing;		/* drop once the queue is sent */
	bool busy;		/* over max_peers: CLOSE busy at once */
	bool counted_up;	/* in svc.stats.up */
	bool dialled;		/* client mode: ends go to nmsp_dial_ended */
	uint64_t since_ms;
	char addr[64];
	struct nmsp_peer eng;
	uint8_t in[NMSP_MAX_MSG];
	size_t in_len;
	uint8_t *out;		/* NMSP_OUT_MAX */
	size_t out_len;
	struct ev_timer tick;
	/* what it was last sent, per RSSI service (allocated when due) */
	struct nmsp_rssi_memo *memo[NMSP_SVC_PROBE_RSSI + 1];
};

static struct {
	bool on;
	int fd;
	SSL_CTX *ctx;
	struct nmsp_svc_conf conf;
	struct nmsp_peer_cfg pcfg;
	struct svc_peer *peers;
	struct nmsp_svc_stats stats;
	struct nmsp_svc_sources src;
	void (*trace)(const uint8_t *mac, const char *detail);
	/* per RSSI service, the measurements, read at most every
	 * NMSP_TICK_MS / 2 and shared by every subscriber due then: the
	 * kernel is asked once per station, not once per station and peer */
	struct {
		struct nmsp_rssi *v;		/* NMSP_RSSI_MAX */
		size_t n;
		uint64_t at_ms;
	} meas[NMSP_SVC_PROBE_RSSI + 1];
} svc = { .fd = -1 };

void nmsp_svc_set_sources(const struct nmsp_svc_sources *s)
{
	svc.src = *s;
}

void nmsp_svc_set_trace(void (*fn)(const uint8_t *mac, const char *detail))
{
	svc.trace = fn;
}

/* The trace line of @p, when it said who it is. */
static void trace(const struct svc_peer *p, const char *fmt, const char *a)
{
	char detail[160];

	if (!svc.trace || !p->eng.said)
		return;
	snprintf(detail, sizeof(detail), fmt, a, p->addr);
	svc.trace(p->eng.said_mac, detail);
}

static void peer_free(struct svc_peer *p)
{
	struct svc_peer **pp;

	for (pp = &svc.peers; *pp; pp = &(*pp)->next) {
		if (*pp == p) {
			*pp = p->next;
			break;
		}
	}
	ev_timer_cancel(&p->tick);
	ev_del_fd(p->fd);
	if (p->ssl) {
		if (p->tls_up)
			SSL_shutdown(p->ssl);
		SSL_free(p->ssl);
	}
	close(p->fd);
	svc.stats.peers--;
	if (p->counted_up)
		svc.stats.up--;
	free(p->out);
	free(p->memo[NMSP_SVC_CLIENT_RSSI]);
	free(p->memo[NMSP_SVC_PROBE_RSSI]);
	if (p->dialled)
		nmsp_dial_ended(p->counted_up);
	free(p);
}

static void on_writable(int fd, void *arg);

/* Send what is queued; false when the peer is gone. */
static bool flush(struct svc_peer *p)
{
	int n, e;

	while (p->out_len) {
		ERR_clear_error();
		n = SSL_write(p->ssl, p->out, (int)p->out_len);
		if (n <= 0) {
			e = SSL_get_error(p->ssl, n);
			if (e == SSL_ERROR_WANT_WRITE ||
			    e == SSL_ERROR_WANT_READ) {
				ev_want_write(p->fd, on_writable);
				return true;
			}
			log_dbg("nmsp: %s: send failed, dropped", p->addr);
			peer_free(p);
			return false;
		}
		memmove(p->out, p->out + n, p->out_len - (size_t)n);
		p->out_len -= (size_t)n;
	}
	ev_want_write(p->fd, NULL);
	if (p->closing) {
		peer_free(p);
		return false;
	}
	return true;
}

static void on_writable(int fd, void *arg)
{
	(void)fd;
	flush(arg);
}

/* Queue @n octets of @msg (n <= 0: nothing); false when the peer is gone. */
static bool queue(struct svc_peer *p, const uint8_t *msg, int n)
{
	if (n <= 0)
		return true;
	if (p->out_len + (size_t)n > NMSP_OUT_MAX) {
		svc.stats.slow_peers++;
		log_warn_rl("nmsp: %s: refused: it does not read what it is sent (%zu octets waiting): dropped",
			    p->addr, p->out_len);
		peer_free(p);
		return false;
	}
	memcpy(p->out + p->out_len, msg, (size_t)n);
	p->out_len += (size_t)n;
	svc.stats.messages_tx++;
	return true;
}

/* After the engine answered: a CLOSE it sent ends the connection. */
static bool after_engine(struct svc_peer *p, const uint8_t *msg, int n,
			 bool was_up)
{
	char mac[MACSTR_LEN];

	if (!was_up && p->eng.state == NMSP_PEER_UP) {
		svc.stats.up++;
		p->counted_up = true;
		log_info("nmsp: %s: location server %s (%s) accepted",
			 p->addr, fsrd_mac_str(p->eng.mac, mac),
			 p->eng.name[0] ? p->eng.name : "no name");
		trace(p, "location server %s accepted, from %s",
		      p->eng.name[0] ? p->eng.name : "(no name)");
	}
	if (p->eng.state == NMSP_PEER_CLOSED) {
		if (p->eng.peer_closed) {
			log_info("nmsp: %s: closed by the peer (%s)", p->addr,
				 nmsp_status_name(p->eng.why) ?: "?");
		} else {
			if (p->eng.why <= NMSP_STATUS_MAX)
				svc.stats.refused[p->eng.why]++;
			log_warn_rl("nmsp: %s: refused: %s", p->addr,
				    nmsp_status_name(p->eng.why) ?: "?");
			trace(p, "location server refused: %s, from %s",
			      nmsp_status_name(p->eng.why) ?: "?");
		}
		p->closing = true;
	}
	return queue(p, msg, n) && flush(p);
}

uint64_t nmsp_wall_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* The measurements of RSSI service @s, read again when older than half
 * a tick; NULL when there is no memory for them. */
static const struct nmsp_rssi *measurements(uint8_t s, size_t *n)
{
	size_t (*src)(struct nmsp_rssi *, size_t) =
		s == NMSP_SVC_CLIENT_RSSI ? svc.src.client_rssi :
					    svc.src.probe_rssi;

	if (!svc.meas[s].v) {
		svc.meas[s].v = calloc(NMSP_RSSI_MAX, sizeof(*svc.meas[s].v));
		if (!svc.meas[s].v)
			return NULL;
		svc.meas[s].at_ms = 0;
	}
	if (!svc.meas[s].at_ms ||
	    ev_now_ms() - svc.meas[s].at_ms >= NMSP_TICK_MS / 2) {
		svc.meas[s].n = src ? src(svc.meas[s].v, NMSP_RSSI_MAX) : 0;
		svc.meas[s].at_ms = ev_now_ms();
	}
	*n = svc.meas[s].n;
	return svc.meas[s].v;
}

/* A notification of RSSI service @s is due to @p: the measurements new
 * to it or moved by more than its threshold, split at NMSP_RSSI_PER_MSG
 * entries. False when the peer is gone (it did not read). */
static bool send_rssi(struct svc_peer *p, uint8_t s)
{
	const struct nmsp_sub *sub = &p->eng.sub[s];
	const struct nmsp_rssi *meas;
	uint8_t msg[NMSP_MAX_MSG];
	struct nmsp_rssi *cur;
	struct nmsp_out o;
	size_t n, k, i, j;
	bool ok = true;

	if (!p->memo[s]) {
		p->memo[s] = calloc(1, sizeof(*p->memo[s]));
		if (!p->memo[s])
			return true;	/* nothing this interval */
	}
	meas = measurements(s, &n);
	if (!meas)
		return true;
	cur = calloc(n ? n : 1, sizeof(*cur));
	if (!cur)
		return true;
	k = nmsp_rssi_select(p->memo[s], meas, n, sub->threshold_db, cur);
	for (i = 0; i < k && ok; i += NMSP_RSSI_PER_MSG) {
		nmsp_begin(&o, msg, sizeof(msg), s == NMSP_SVC_CLIENT_RSSI ?
			   NMSP_CLIENT_RSSI_NTF : NMSP_PROBE_RSSI_NTF,
			   p->eng.seq++);
		for (j = i; j < k && j < i + NMSP_RSSI_PER_MSG; j++)
			nmsp_put_rssi(&o, &cur[j]);
		ok = queue(p, msg, nmsp_end(&o));
		if (ok)
			svc.stats.rssi_entries += j - i;
	}
	free(cur);
	return ok && flush(p);
}

static void on_tick(struct ev_timer *t)
{
	struct svc_peer *p = (struct svc_peer *)((char *)t -
					offsetof(struct svc_peer, tick));
	uint8_t msg[NMSP_MAX_MSG];
	bool up = p->eng.state == NMSP_PEER_UP;
	int n;

	if (!p->tls_up) {
		if (ev_now_ms() - p->since_ms >= svc.conf.idle_ms) {
			svc.stats.tls_failed++;
			log_warn_rl("nmsp: %s: refused: no TLS handshake within %u ms",
				    p->addr, svc.conf.idle_ms);
			peer_free(p);
			return;
		}
	} else {
		n = nmsp_peer_tick(&p->eng, &svc.pcfg, ev_now_ms(), msg,
				   sizeof(msg));
		if (!after_engine(p, msg, n, up))
			return;
		if (!p->closing &&
		    nmsp_peer_due(&p->eng, NMSP_SVC_CLIENT_RSSI, ev_now_ms()) &&
		    !send_rssi(p, NMSP_SVC_CLIENT_RSSI))
			return;
		if (!p->closing &&
		    nmsp_peer_due(&p->eng, NMSP_SVC_PROBE_RSSI, ev_now_ms()) &&
		    !send_rssi(p, NMSP_SVC_PROBE_RSSI))
			return;
	}
	ev_timer_arm(&p->tick, NMSP_TICK_MS);
}

/* The TLS handshake is done: the peer's key, then the conversation. */
static bool tls_up(struct svc_peer *p)
{
	struct nmsp_peer_key k = { 0 };
	uint8_t msg[NMSP_MAX_MSG];
	unsigned char *der = NULL;
	X509 *x;
	int len;

	p->tls_up = true;
	x = SSL_get1_peer_certificate(p->ssl);
	if (x) {
		len = i2d_X509(x, &der);
		if (len > 0)
			nmsp_peer_key_from_der(der, (size_t)len, &k);
		OPENSSL_free(der);
		X509_free(x);
	}
	nmsp_peer_init(&p->eng, &k, ev_now_ms());
	log_dbg("nmsp: %s: TLS up (%s, %s)", p->addr,
		SSL_get_version(p->ssl),
		k.present ? "client certificate" : "no client certificate");
	if (p->busy) {
		len = nmsp_peer_close(&p->eng, NMSP_ERR_BUSY, msg, sizeof(msg));
		return after_engine(p, msg, len, false);
	}
	return true;
}

/* Whole messages in the input buffer go to the engine. */
static void consume(struct svc_peer *p)
{
	uint8_t msg[NMSP_MAX_MSG];
	struct nmsp_hdr h;
	size_t whole;
	bool up;
	int err, n;

	while (p->in_len) {
		err = nmsp_hdr_parse(p->in, p->in_len, &h);
		if (err == -EAGAIN)
			return;
		/* a bad header goes in as it is: the engine says why */
		whole = err ? p->in_len : NMSP_HDR_LEN + h.length;
		if (!err && p->in_len < whole)
			return;
		svc.stats.messages_rx++;
		up = p->eng.state == NMSP_PEER_UP;
		n = nmsp_peer_rx(&p->eng, &svc.pcfg, &svc.conf.auth, p->in,
				 whole, ev_now_ms(), msg, sizeof(msg));
		memmove(p->in, p->in + whole, p->in_len - whole);
		p->in_len -= whole;
		if (!after_engine(p, msg, n, up) || p->closing)
			return;
	}
}

static void on_readable(int fd, void *arg)
{
	struct svc_peer *p = arg;
	unsigned long e;
	int n, r;

	(void)fd;
	if (p->closing)
		return;
	if (!p->tls_up) {
		ERR_clear_error();
		/* server or client (client mode): SSL_set_*_state said */
		n = SSL_do_handshake(p->ssl);
		if (n == 1) {
			if (!tls_up(p))
				return;
		} else {
			r = SSL_get_error(p->ssl, n);
			if (r == SSL_ERROR_WANT_READ) {
				ev_want_write(p->fd, NULL);
				return;
			}
			if (r == SSL_ERROR_WANT_WRITE) {
				ev_want_write(p->fd, on_readable);
				return;
			}
			e = ERR_peek_error();
			svc.stats.tls_failed++;
			log_warn_rl("nmsp: %s: refused: TLS handshake failed: %s",
				    p->addr, e ? ERR_reason_error_string(e) :
				    "connection closed");
			peer_free(p);
			return;
		}
	}
	ev_want_write(p->fd, NULL);
	for (;;) {
		if (p->in_len == sizeof(p->in)) {
			/* cannot happen: the header bounds a message */
			peer_free(p);
			return;
		}
		ERR_clear_error();
		n = SSL_read(p->ssl, p->in + p->in_len,
			     (int)(sizeof(p->in) - p->in_len));
		if (n <= 0) {
			r = SSL_get_error(p->ssl, n);
			if (r == SSL_ERROR_WANT_READ)
				break;
			if (r == SSL_ERROR_WANT_WRITE) {
				ev_want_write(p->fd, on_readable);
				break;
			}
			log_dbg("nmsp: %s: connection closed", p->addr);
			peer_free(p);
			return;
		}
		p->in_len += (size_t)n;
		consume(p);
		/* consume() may have freed p: look it up */
		{
			struct svc_peer *q;

			for (q = svc.peers; q && q != p; q = q->next)
				;
			if (!q || p->closing)
				return;
		}
	}
	if (p->out_len)
		flush(p);
}

/* @p (fd, addr, busy set) joins the peers with its TLS object: 0, or
 * -ENOMEM with @p freed (not the descriptor). */
static int peer_add(struct svc_peer *p, int fd, bool client)
{
	p->ssl = SSL_new(svc.ctx);
	if (!p->ssl || !SSL_set_fd(p->ssl, fd) ||
	    ev_add_fd(fd, on_readable, p)) {
		SSL_free(p->ssl);
		free(p->out);
		free(p);
		return -ENOMEM;
	}
	if (client)
		SSL_set_connect_state(p->ssl);
	else
		SSL_set_accept_state(p->ssl);
	p->next = svc.peers;
	svc.peers = p;
	svc.stats.peers++;
	p->tick.fn = on_tick;
	ev_timer_arm(&p->tick, NMSP_TICK_MS);
	return 0;
}

static void on_accept(int fd, void *arg)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	struct svc_peer *p;
	char host[INET6_ADDRSTRLEN] = "?";
	int c;

	(void)arg;
	c = accept4(fd, (struct sockaddr *)&ss, &sl,
		    SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (c < 0)
		return;
	svc.stats.connections++;
	if (svc.stats.peers >= svc.conf.max_peers + NMSP_BUSY_SLOTS) {
		svc.stats.refused[NMSP_ERR_BUSY]++;
		log_warn_rl("nmsp: refused: %u connections open already, closed at once",
			    svc.stats.peers);
		close(c);
		return;
	}
	p = calloc(1, sizeof(*p));
	if (p)
		p->out = malloc(NMSP_OUT_MAX);
	if (!p || !p->out) {
		if (p)
			free(p);
		close(c);
		return;
	}
	p->fd = c;
	p->since_ms = ev_now_ms();
	if (ss.ss_family == AF_INET6)
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr,
			  host, sizeof(host));
	else
		inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr,
			  host, sizeof(host));
	snprintf(p->addr, sizeof(p->addr), "%s:%u", host,
		 ntohs(ss.ss_family == AF_INET6 ?
		       ((struct sockaddr_in6 *)&ss)->sin6_port :
		       ((struct sockaddr_in *)&ss)->sin_port));
	p->busy = svc.stats.peers >= svc.conf.max_peers;
	if (peer_add(p, c, false))
		close(c);
}

int nmsp_svc_adopt(int fd, const char *addr)
{
	struct svc_peer *p;

	svc.stats.connections++;
	p = calloc(1, sizeof(*p));
	if (p)
		p->out = malloc(NMSP_OUT_MAX);
	if (!p || !p->out) {
		free(p);
		close(fd);
		return -ENOMEM;
	}
	p->fd = fd;
	p->since_ms = ev_now_ms();
	snprintf(p->addr, sizeof(p->addr), "%s", addr);
	p->busy = svc.stats.peers >= svc.conf.max_peers;
	p->dialled = true;
	if (peer_add(p, fd, true)) {
		close(fd);
		return -ENOMEM;
	}
	/* the client speaks first: ClientHello when the socket is writable */
	ev_want_write(fd, on_readable);
	return 0;
}

/* Any certificate will do for TLS: who the peer is, the auth list says. */
static int verify_any(int ok, X509_STORE_CTX *ctx)
{
	(void)ok;
	(void)ctx;
	return 1;
}

static int fail(char *err, size_t errlen, int ret, const char *fmt,
		const char *arg)
{
	snprintf(err, errlen, fmt, arg);
	return ret;
}

int nmsp_svc_start(const struct nmsp_svc_conf *c, char *err, size_t errlen)
{
	int one = 1;

	svc.conf = *c;
	svc.pcfg.services = c->services;
	if (!svc.src.client_rssi)
		svc.pcfg.services &= ~(1u << NMSP_SVC_CLIENT_RSSI);
	if (!svc.src.probe_rssi)
		svc.pcfg.services &= ~(1u << NMSP_SVC_PROBE_RSSI);
	svc.pcfg.idle_ms = c->idle_ms;
	svc.pcfg.info = svc.src.info;
	/* one context for both ends: accepted peers and client mode */
	svc.ctx = SSL_CTX_new(TLS_method());
	if (!svc.ctx)
		return fail(err, errlen, -ENOMEM, "nmsp: %s", "no TLS context");
	SSL_CTX_set_min_proto_version(svc.ctx, TLS1_2_VERSION);
	SSL_CTX_set_mode(svc.ctx, SSL_MODE_ENABLE_PARTIAL_WRITE |
			 SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
	SSL_CTX_set_verify(svc.ctx, SSL_VERIFY_PEER, verify_any);
	if (SSL_CTX_use_certificate_chain_file(svc.ctx, c->cert) != 1) {
		nmsp_svc_stop();
		return fail(err, errlen, -EINVAL,
			    "nmsp: certificate %s: cannot be read as PEM",
			    c->cert);
	}
	if (SSL_CTX_use_PrivateKey_file(svc.ctx, c->key, SSL_FILETYPE_PEM) != 1 ||
	    SSL_CTX_check_private_key(svc.ctx) != 1) {
		nmsp_svc_stop();
		return fail(err, errlen, -EINVAL,
			    "nmsp: key %s: cannot be read, or is not the certificate's",
			    c->key);
	}
	svc.fd = socket(c->listen.ss_family, SOCK_STREAM | SOCK_NONBLOCK |
			SOCK_CLOEXEC, 0);
	if (svc.fd < 0 ||
	    setsockopt(svc.fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(svc.fd, (const struct sockaddr *)&c->listen, c->listen_len) ||
	    listen(svc.fd, 16) || ev_add_fd(svc.fd, on_accept, NULL)) {
		int e = errno;

		nmsp_svc_stop();
		return fail(err, errlen, -e, "nmsp: cannot listen: %s",
			    strerror(e));
	}
	svc.on = true;
	log_info("nmsp: listening on port %u, %zu auth-list entries",
		 nmsp_svc_port(), c->auth.n);
	nmsp_dial_start(c);
	return 0;
}

void nmsp_svc_stop(void)
{
	uint8_t msg[NMSP_MAX_MSG];
	int n;

	nmsp_dial_stop();	/* first: the peers' ends are not retried */
	while (svc.peers) {
		struct svc_peer *p = svc.peers;

		if (p->tls_up && p->eng.state != NMSP_PEER_CLOSED) {
			/* best effort: one non-blocking try */
			n = nmsp_peer_close(&p->eng, NMSP_ERR_SHUTDOWN, msg,
					    sizeof(msg));
			if (n > 0)
				SSL_write(p->ssl, msg, n);
		}
		peer_free(p);
	}
	if (svc.fd >= 0) {
		ev_del_fd(svc.fd);
		close(svc.fd);
	}
	SSL_CTX_free(svc.ctx);
	svc.ctx = NULL;
	svc.fd = -1;
	svc.on = false;
	for (n = NMSP_SVC_CLIENT_RSSI; n <= NMSP_SVC_PROBE_RSSI; n++) {
		free(svc.meas[n].v);
		svc.meas[n].v = NULL;
		svc.meas[n].n = 0;
	}
}

uint16_t nmsp_svc_port(void)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);

	if (svc.fd < 0 || getsockname(svc.fd, (struct sockaddr *)&ss, &sl))
		return 0;
	return ntohs(ss.ss_family == AF_INET6 ?
		     ((struct sockaddr_in6 *)&ss)->sin6_port :
		     ((struct sockaddr_in *)&ss)->sin_port);
}

const struct nmsp_auth_list *nmsp_svc_auth(void)
{
	return &svc.conf.auth;
}

int nmsp_svc_auth_add(const struct nmsp_auth_entry *e)
{
	return nmsp_auth_add(&svc.conf.auth, e);
}

/* Revocation: who is in must still be let in, as at INIT. */
static void recheck_peers(void)
{
	uint8_t msg[NMSP_MAX_MSG];
	struct svc_peer *p, *next;
	char mac[MACSTR_LEN];
	uint16_t why;
	int len;

	for (p = svc.peers; p; p = next) {
		next = p->next;
		if (p->closing || p->eng.state != NMSP_PEER_UP)
			continue;
		why = nmsp_auth_check(&svc.conf.auth, p->eng.mac, &p->eng.key);
		if (why == NMSP_OK)
			continue;
		log_info("nmsp: %s: %s is no longer in the auth list: closed",
			 p->addr, fsrd_mac_str(p->eng.mac, mac));
		len = nmsp_peer_close(&p->eng, why, msg, sizeof(msg));
		after_engine(p, msg, len, true);
	}
}

void nmsp_svc_auth_set(const struct nmsp_auth_list *l)
{
	svc.conf.auth = *l;
	recheck_peers();
}

size_t nmsp_svc_auth_del(const struct nmsp_auth_entry *e, bool any_hash)
{
	struct nmsp_auth_list *l = &svc.conf.auth;
	size_t i = 0, n = 0;

	while (i < l->n) {
		if (nmsp_auth_entry_matches(&l->e[i], e, any_hash)) {
			struct nmsp_auth_entry x = l->e[i];

			nmsp_auth_del(l, &x);	/* the last takes slot i */
			n++;
			continue;
		}
		i++;
	}
	if (n)
		recheck_peers();
	return n;
}

const struct nmsp_svc_stats *nmsp_svc_stats(void)
{
	return &svc.stats;
}

bool nmsp_svc_running(void)
{
	return svc.on;
}

void nmsp_svc_foreach(void (*fn)(const struct nmsp_svc_peer_info *i,
				 void *arg), void *arg)
{
	struct nmsp_svc_peer_info i;
	struct svc_peer *p;
	uint8_t s;

	for (p = svc.peers; p; p = p->next) {
		memset(&i, 0, sizeof(i));
		i.addr = p->addr;
		i.dialled = p->dialled;
		i.up = p->tls_up && p->eng.state == NMSP_PEER_UP;
		i.mac = p->eng.mac;
		i.name = p->eng.name;
		for (s = 1; s <= NMSP_SVC_MAX; s++)
			if (p->eng.sub[s].on)
				i.subscriptions |= 1u << s;
		i.queued = p->out_len;
		fn(&i, arg);
	}
}

void nmsp_svc_station_event(uint8_t event, const uint8_t *sta,
			    const uint8_t *bssid, const uint8_t *old_bssid)
{
	struct svc_peer *p, *next;
	uint64_t now = nmsp_wall_ms();
	uint8_t msg[256];
	struct nmsp_out o;
	int n;

	/* The station moved: the measurements read before (which BSS hears
	 * it as a client, whether its probe requests count) are stale. */
	svc.meas[NMSP_SVC_CLIENT_RSSI].at_ms = 0;
	svc.meas[NMSP_SVC_PROBE_RSSI].at_ms = 0;
	for (p = svc.peers; p; p = next) {
		next = p->next;
		if (p->closing || !nmsp_peer_due(&p->eng,
						 NMSP_SVC_STATION_EVENTS,
						 ev_now_ms()))
			continue;
		nmsp_begin(&o, msg, sizeof(msg), NMSP_STATION_EVENT_NTF,
			   p->eng.seq++);
		nmsp_put_u8(&o, NMSP_T_EVENT, event);
		nmsp_put(&o, NMSP_T_MAC, sta, 6);
		nmsp_put(&o, NMSP_T_BSSID, bssid, 6);
		if (event == NMSP_EV_ROAM)
			nmsp_put(&o, NMSP_T_OLD_BSSID, old_bssid, 6);
		nmsp_put_u64(&o, NMSP_T_TIMESTAMP, now);
		n = nmsp_end(&o);
		if (queue(p, msg, n))
			flush(p);
	}
}
