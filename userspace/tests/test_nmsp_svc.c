// SPDX-License-Identifier: GPL-2.0-only
/*
 * The location-server link's server (nmsp/nmsp_svc.c) on loopback, in
 * fsrd's event loop, against OpenSSL's TLS client in a child process:
 * a listed location server is accepted, subscribes and gets a roam
 * event; each refusal is seen by the client and counted with its reason:
 * unknown MAC, a key not in the list, no client certificate, plain TCP,
 * TLS 1.1, a message before INIT, an oversized header; a peer that never
 * reads is dropped once its queue is full; one peer too many is told
 * busy. Client mode: fsrd dials a location server that is a TLS server
 * in the child, is accepted and sends the roam event; when the session
 * ends it waits 1 s, and a try that is refused is retried after 2 s.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/evloop.h"
#include "core/log.h"
#include "nmsp/nmsp_dial.h"
#include "nmsp/nmsp_svc.h"
#include "tap.h"

static const uint8_t ls_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x0a, 0x01 };
static const uint8_t sta[6] = { 0x02, 0x00, 0x00, 0x00, 0x02, 0x00 };
static const uint8_t bss1[6] = { 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 };
static const uint8_t bss0[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x00 };
static char dir[] = "/tmp/nmsp-test-XXXXXX";
static uint16_t port;

/* A self-signed P-256 certificate and its key, as PEM files in dir. */
static int make_cert(const char *name, EVP_PKEY **key, X509 **cert)
{
	char path[512];
	X509_NAME *n;
	FILE *f;

	*key = EVP_EC_gen("P-256");
	*cert = X509_new();
	if (!*key || !*cert)
		return -1;
	ASN1_INTEGER_set(X509_get_serialNumber(*cert), 1);
	X509_gmtime_adj(X509_getm_notBefore(*cert), 0);
	X509_gmtime_adj(X509_getm_notAfter(*cert), 86400);
	X509_set_pubkey(*cert, *key);
	n = X509_get_subject_name(*cert);
	X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC,
				   (const unsigned char *)name, -1, -1, 0);
	X509_set_issuer_name(*cert, n);
	if (!X509_sign(*cert, *key, EVP_sha256()))
		return -1;
	snprintf(path, sizeof(path), "%s/%s.pem", dir, name);
	f = fopen(path, "w");
	if (!f || !PEM_write_X509(f, *cert))
		return -1;
	fclose(f);
	snprintf(path, sizeof(path), "%s/%s.key", dir, name);
	f = fopen(path, "w");
	if (!f || !PEM_write_PrivateKey(f, *key, NULL, NULL, 0, NULL, NULL))
		return -1;
	fclose(f);
	return 0;
}

static EVP_PKEY *ctl_key, *ls_key, *other_key;
static X509 *ctl_cert, *ls_cert, *other_cert;

/* --- the client side, in a child ------------------------------------- */

static int tcp(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(port) };
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct timeval tv = { .tv_sec = 5 };

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)))
		return -1;
	return fd;
}

static SSL *tls(int fd, X509 *cert, EVP_PKEY *key, int max_version)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	SSL *s;

	if (max_version) {
		SSL_CTX_set_min_proto_version(ctx, max_version);
		SSL_CTX_set_max_proto_version(ctx, max_version);
		SSL_CTX_set_security_level(ctx, 0);
	}
	if (cert) {
		SSL_CTX_use_certificate(ctx, cert);
		SSL_CTX_use_PrivateKey(ctx, key);
	}
	s = SSL_new(ctx);
	SSL_set_fd(s, fd);
	if (SSL_connect(s) != 1) {
		SSL_free(s);
		s = NULL;
	}
	SSL_CTX_free(ctx);
	return s;
}

/* Read one whole message into m; -1 on close or timeout. */
static int get_msg(SSL *s, struct nmsp_msg *m)
{
	static uint8_t buf[NMSP_MAX_MSG];
	size_t len = 0;
	struct nmsp_hdr h;
	int n;

	for (;;) {
		int err = nmsp_hdr_parse(buf, len, &h);

		if (!err && len >= NMSP_HDR_LEN + h.length)
			return nmsp_msg_parse(buf, len, m) ? -1 : 0;
		if (err && err != -EAGAIN)
			return -1;
		n = SSL_read(s, buf + len, (int)(sizeof(buf) - len));
		if (n <= 0)
			return -1;
		len += (size_t)n;
	}
}

static int send_init(SSL *s, const uint8_t *mac)
{
	uint8_t b[128];
	struct nmsp_out o;
	int n;

	nmsp_begin(&o, b, sizeof(b), NMSP_INIT_REQ, 1);
	nmsp_put(&o, NMSP_T_MAC, mac, 6);
	nmsp_put_u8(&o, NMSP_T_VERSION_MIN, 1);
	nmsp_put_u8(&o, NMSP_T_VERSION_MAX, 1);
	nmsp_put_str(&o, NMSP_T_NAME, "test-ls");
	n = nmsp_end(&o);
	return SSL_write(s, b, n) == n ? 0 : -1;
}

static int send_sub(SSL *s)
{
	uint8_t b[64];
	struct nmsp_out o;
	int n;

	nmsp_begin(&o, b, sizeof(b), NMSP_SUBSCRIBE_REQ, 2);
	nmsp_put_u8(&o, NMSP_T_SERVICE, NMSP_SVC_STATION_EVENTS);
	nmsp_put_u32(&o, NMSP_T_INTERVAL, 1000);
	n = nmsp_end(&o);
	return SSL_write(s, b, n) == n ? 0 : -1;
}

/* INIT as @mac with @cert; CLOSE with @status expected (0: INIT_RESP). */
static int client_init(X509 *cert, EVP_PKEY *key, const uint8_t *mac,
		       uint16_t status)
{
	struct nmsp_msg m;
	SSL *s = tls(tcp(), cert, key, 0);

	if (!s || send_init(s, mac) || get_msg(s, &m))
		return 1;
	if (!status)
		return m.hdr.type == NMSP_INIT_RESP && m.status == NMSP_OK &&
		       m.version == 1 ? 0 : 2;
	return m.hdr.type == NMSP_CLOSE && m.status == status ? 0 : 3;
}

/* Accepted, subscribed, then the roam event the parent sends. */
static int client_roam(void)
{
	struct nmsp_msg m;
	SSL *s = tls(tcp(), ls_cert, ls_key, 0);

	if (!s || send_init(s, ls_mac) || get_msg(s, &m) ||
	    m.status != NMSP_OK || send_sub(s) || get_msg(s, &m) ||
	    m.hdr.type != NMSP_SUBSCRIBE_RESP || m.status != NMSP_OK)
		return 1;
	if (get_msg(s, &m) || m.hdr.type != NMSP_STATION_EVENT_NTF ||
	    m.event != NMSP_EV_ROAM || memcmp(m.mac, sta, 6) ||
	    memcmp(m.bssid, bss1, 6) || memcmp(m.old_bssid, bss0, 6) ||
	    m.timestamp < 1700000000000ULL)
		return 2;
	return 0;
}

/* An INFO_REQ for @mac: its INFO_RESP into @m. */
static int ask_info(SSL *s, const uint8_t *mac, uint32_t seq,
		    struct nmsp_msg *m)
{
	uint8_t b[64];
	struct nmsp_out o;
	int n;

	nmsp_begin(&o, b, sizeof(b), NMSP_INFO_REQ, seq);
	nmsp_put(&o, NMSP_T_MAC, mac, 6);
	n = nmsp_end(&o);
	if (SSL_write(s, b, n) != n)
		return -1;
	/* notifications may come first */
	for (n = 0; n < 8; n++)
		if (get_msg(s, m) || m->hdr.type == NMSP_INFO_RESP)
			break;
	return m->hdr.type == NMSP_INFO_RESP ? 0 : -1;
}

static int subscribe(SSL *s, uint8_t svc, uint32_t seq)
{
	struct nmsp_msg m;
	uint8_t b[64];
	struct nmsp_out o;
	int n;

	nmsp_begin(&o, b, sizeof(b), NMSP_SUBSCRIBE_REQ, seq);
	nmsp_put_u8(&o, NMSP_T_SERVICE, svc);
	nmsp_put_u32(&o, NMSP_T_INTERVAL, 1000);
	nmsp_put_u8(&o, NMSP_T_THRESHOLD, 0);
	n = nmsp_end(&o);
	if (SSL_write(s, b, n) != n || get_msg(s, &m) ||
	    m.hdr.type != NMSP_SUBSCRIBE_RESP || m.status != NMSP_OK)
		return -1;
	return 0;
}

/* Subscribed to client and probe RSSI (threshold 0): the two stations
 * of the parent's client source in one notification, its probe in
 * another; INFO for one of them and for a stranger. */
static int client_rssi(void)
{
	struct nmsp_rssi r0, r1, pr;
	bool client = false, probe = false;
	struct nmsp_msg m;
	SSL *s = tls(tcp(), ls_cert, ls_key, 0);
	int n;

	if (!s || send_init(s, ls_mac) || get_msg(s, &m) ||
	    m.status != NMSP_OK ||
	    !(m.services & 1u << NMSP_SVC_CLIENT_RSSI) ||
	    !(m.services & 1u << NMSP_SVC_PROBE_RSSI))
		return 1;
	if (subscribe(s, NMSP_SVC_CLIENT_RSSI, 2) ||
	    subscribe(s, NMSP_SVC_PROBE_RSSI, 3))
		return 2;
	for (n = 0; n < 8 && !(client && probe); n++) {
		if (get_msg(s, &m))
			return 3;
		if (m.hdr.type == NMSP_CLIENT_RSSI_NTF && m.n_entries == 2) {
			client = true;
			nmsp_rssi_get(&m, 0, &r0);
			nmsp_rssi_get(&m, 1, &r1);
		} else if (m.hdr.type == NMSP_PROBE_RSSI_NTF &&
			   m.n_entries == 1) {
			probe = true;
			nmsp_rssi_get(&m, 0, &pr);
		}
	}
	if (!client || !probe)
		return 3;
	if (memcmp(r0.sta, sta, 6) || memcmp(r0.bssid, bss1, 6) ||
	    r0.rssi != -42 || r0.channel != 6 || r1.rssi != -77 ||
	    pr.rssi != -88 || memcmp(pr.sta, ls_mac, 6))
		return 4;
	if (ask_info(s, sta, 3, &m) || m.status != NMSP_OK ||
	    memcmp(m.bssid, bss1, 6) || m.n_entries != 1)
		return 5;
	if (ask_info(s, ls_mac, 4, &m) || m.status != NMSP_ERR_UNKNOWN_STA)
		return 6;
	return 0;
}

static int client_raw(const void *bytes, size_t len, bool use_tls,
		      uint16_t status)
{
	struct nmsp_msg m;
	int fd = tcp();
	char c;
	SSL *s;

	if (!use_tls) {
		/* plain TCP: the server's TLS refuses it and closes */
		if (write(fd, bytes, len) != (ssize_t)len)
			return 1;
		while (read(fd, &c, 1) > 0)
			;
		return 0;
	}
	s = tls(fd, ls_cert, ls_key, 0);
	if (!s || SSL_write(s, bytes, (int)len) != (int)len || get_msg(s, &m))
		return 1;
	return m.hdr.type == NMSP_CLOSE && m.status == status ? 0 : 2;
}

/* One peer too many (max_peers 1): the second is told busy. */
static int client_busy(void)
{
	struct nmsp_msg m;
	SSL *s1 = tls(tcp(), ls_cert, ls_key, 0), *s2;

	if (!s1 || send_init(s1, ls_mac) || get_msg(s1, &m) ||
	    m.status != NMSP_OK)
		return 1;
	s2 = tls(tcp(), ls_cert, ls_key, 0);
	if (!s2 || get_msg(s2, &m))
		return 2;
	return m.hdr.type == NMSP_CLOSE && m.status == NMSP_ERR_BUSY ? 0 : 3;
}

/* Subscribed, then never reads: the parent floods it. */
static int client_sleepy(void)
{
	int fd = tcp(), small = 4096;
	struct nmsp_msg m;
	SSL *s;

	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small));
	s = tls(fd, ls_cert, ls_key, 0);
	if (!s || send_init(s, ls_mac) || get_msg(s, &m) || send_sub(s) ||
	    get_msg(s, &m))
		return 1;
	pause();	/* the parent kills it */
	return 0;
}

/* --- the parent: the server in the event loop ------------------------ */

/* Client mode: the location server is the TLS server; it speaks first
 * (INIT_REQ) all the same, then subscribes and takes the roam event. */
static int lsock = -1;

static int client_mode_server(void)
{
	struct timeval tv = { .tv_sec = 5 };
	struct nmsp_msg m;
	SSL_CTX *ctx;
	SSL *s;
	int fd;

	fd = accept(lsock, NULL, NULL);
	if (fd < 0)
		return 1;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	ctx = SSL_CTX_new(TLS_server_method());
	if (!ctx || SSL_CTX_use_certificate(ctx, ls_cert) != 1 ||
	    SSL_CTX_use_PrivateKey(ctx, ls_key) != 1)
		return 2;
	s = SSL_new(ctx);
	SSL_set_fd(s, fd);
	if (SSL_accept(s) != 1)
		return 3;
	if (send_init(s, ls_mac) || get_msg(s, &m) ||
	    m.hdr.type != NMSP_INIT_RESP || m.status != NMSP_OK ||
	    send_sub(s) || get_msg(s, &m) ||
	    m.hdr.type != NMSP_SUBSCRIBE_RESP || m.status != NMSP_OK)
		return 4;
	if (get_msg(s, &m) || m.hdr.type != NMSP_STATION_EVENT_NTF ||
	    m.event != NMSP_EV_ROAM || memcmp(m.mac, sta, 6))
		return 5;
	return 0;
}

/* the last trace line (nmsp_svc_set_trace) */
static uint8_t traced_mac[6];
static char traced[160];

static void trace_fn(const uint8_t *mac, const char *detail)
{
	memcpy(traced_mac, mac, 6);
	snprintf(traced, sizeof(traced), "%s", detail);
}

static pid_t child;
static int child_status;
static struct ev_timer stop_t, event_t, flood_t;

static void stop_fn(struct ev_timer *t)
{
	(void)t;
	ev_stop();
}

/* Stop the loop once the child has exited (or after 10 s). */
static void reap_fn(struct ev_timer *t)
{
	if (waitpid(child, &child_status, WNOHANG) == child) {
		child = 0;
		ev_stop();
		return;
	}
	ev_timer_arm(t, 20);
}

/* Every 100 ms until the child is done: it takes the first it gets
 * once subscribed (only subscribers get one), however slow it starts. */
static void event_fn(struct ev_timer *t)
{
	nmsp_svc_station_event(NMSP_EV_ROAM, sta, bss1, bss0);
	ev_timer_arm(t, 100);
}

/* Events until the subscriber that never reads has been dropped. */
static uint64_t flood_base;
static void flood_fn(struct ev_timer *t)
{
	int i;

	if (nmsp_svc_stats()->slow_peers > flood_base) {
		ev_stop();
		return;
	}
	for (i = 0; i < 20000; i++)
		nmsp_svc_station_event(NMSP_EV_ASSOC, sta, bss1, NULL);
	ev_timer_arm(t, 50);
}

static struct ev_timer reap_t;

/* Run @fn in a child while the loop serves; its exit status (-1: none). */
static int run(int (*fn)(void *), void *arg, unsigned int event_ms)
{
	fflush(NULL);
	child = fork();
	if (!child)
		_exit(fn(arg));
	reap_t.fn = reap_fn;
	ev_timer_arm(&reap_t, 20);
	stop_t.fn = stop_fn;
	ev_timer_arm(&stop_t, 10000);
	event_t.fn = event_fn;
	if (event_ms)
		ev_timer_arm(&event_t, event_ms);
	ev_run();
	ev_timer_cancel(&reap_t);
	ev_timer_cancel(&stop_t);
	ev_timer_cancel(&event_t);
	if (child) {
		kill(child, SIGKILL);
		waitpid(child, &child_status, 0);
		child = 0;
		return -1;
	}
	return WIFEXITED(child_status) ? WEXITSTATUS(child_status) : -1;
}

struct init_args {
	X509 *cert;
	EVP_PKEY *key;
	const uint8_t *mac;
	uint16_t status;
};

static int do_init(void *a)
{
	struct init_args *i = a;

	return client_init(i->cert, i->key, i->mac, i->status);
}

static int do_roam(void *a)
{
	(void)a;
	return client_roam();
}

static int do_rssi(void *a)
{
	(void)a;
	return client_rssi();
}

/* The stations the server reports: sta (-42 dBm) and another (-77). */
static struct nmsp_rssi src_meas(int i)
{
	struct nmsp_rssi r = { .channel = 6, .timestamp = 1700000000001ULL };

	memcpy(r.sta, sta, 6);
	r.sta[5] += (uint8_t)i;
	memcpy(r.bssid, bss1, 6);
	r.rssi = i ? -77 : -42;
	return r;
}

static size_t src_rssi(struct nmsp_rssi *out, size_t max)
{
	size_t i;

	for (i = 0; i < 2 && i < max; i++)
		out[i] = src_meas((int)i);
	return i;
}

/* One unassociated station heard probing: ls_mac at -88 dBm. */
static size_t src_probe(struct nmsp_rssi *out, size_t max)
{
	if (!max)
		return 0;
	out[0] = src_meas(0);
	memcpy(out[0].sta, ls_mac, 6);
	out[0].rssi = -88;
	return 1;
}

static int src_info(void *arg, const uint8_t *mac, struct nmsp_rssi *r)
{
	(void)arg;
	if (memcmp(mac, sta, 6))
		return -ENOENT;
	*r = src_meas(0);
	return 0;
}

struct raw_args {
	const void *bytes;
	size_t len;
	bool tls;
	uint16_t status;
};

static int do_raw(void *a)
{
	struct raw_args *r = a;

	return client_raw(r->bytes, r->len, r->tls, r->status);
}

static int do_tls11(void *a)
{
	(void)a;
	return tls(tcp(), ls_cert, ls_key, TLS1_1_VERSION) ? 1 : 0;
}

static int do_busy(void *a)
{
	(void)a;
	return client_busy();
}

/* max_peers (1) + 4 connections that never handshake, then one more:
 * closed at once, before the server spends anything on it. */
static int do_flood(void *a)
{
	int i, fd;
	char c;

	(void)a;
	for (i = 0; i < 5; i++)
		if (tcp() < 0)
			return 1;
	usleep(300000);
	fd = tcp();
	return fd >= 0 && read(fd, &c, 1) == 0 ? 0 : 2;
}

static int do_client_mode(void *a)
{
	(void)a;
	return client_mode_server();
}

/* The loop runs for @ms. */
static void run_for(unsigned int ms)
{
	stop_t.fn = stop_fn;
	ev_timer_arm(&stop_t, ms);
	ev_run();
}

struct server_view {
	char state[16];
	unsigned int retries;
	uint64_t tries, sessions, next_ms;
	char last_error[96];
};

static void view_server(const struct nmsp_dial_info *i, void *arg)
{
	struct server_view *v = arg;

	snprintf(v->state, sizeof(v->state), "%s", i->state);
	v->retries = i->retries;
	v->tries = i->tries;
	v->sessions = i->sessions;
	v->next_ms = i->next_try_ms ? i->next_try_ms - ev_now_ms() : 0;
	snprintf(v->last_error, sizeof(v->last_error), "%s", i->last_error);
}

static void test_client_mode(struct nmsp_svc_conf *c)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	struct sockaddr_in *srv = (struct sockaddr_in *)&c->servers[0].ss;
	socklen_t al = sizeof(a);
	struct server_view v = { 0 };
	char err[256];

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lsock = socket(AF_INET, SOCK_STREAM, 0);
	if (lsock < 0 || bind(lsock, (struct sockaddr *)&a, sizeof(a)) ||
	    listen(lsock, 4) ||
	    getsockname(lsock, (struct sockaddr *)&a, &al)) {
		tap_ok(0, "client mode: a listening socket for the server");
		return;
	}
	*srv = a;
	c->servers[0].len = sizeof(a);
	c->n_servers = 1;
	tap_ok(nmsp_svc_start(c, err, sizeof(err)) == 0,
	       "client mode: started with one server");
	tap_ok(run(do_client_mode, NULL, 100) == 0,
	       "client mode: fsrd dials, the server (TLS server) sends INIT, fsrd accepts it by MAC and key hash, the roam event goes out");
	run_for(300);	/* fsrd reads the end of the session */
	nmsp_dial_foreach(view_server, &v);
	tap_ok(!strcmp(v.state, "waiting") && v.retries == 1 &&
	       v.tries == 1 && v.sessions == 1 && v.next_ms <= 1000,
	       "client mode: the session ended: retry 1 in 1 s, one session counted");
	close(lsock);
	lsock = -1;
	run_for(1300);	/* the retry is refused: nothing listens now */
	nmsp_dial_foreach(view_server, &v);
	tap_ok(!strcmp(v.state, "waiting") && v.retries == 2 &&
	       v.tries == 2 && v.next_ms > 1000 && v.next_ms <= 2000 &&
	       !strcmp(v.last_error, "Connection refused"),
	       "client mode: the retry refused: retry 2 in 2 s, the reason kept");
	if (strcmp(v.state, "waiting") || v.retries != 2)
		tap_diag("state", v.state);
	nmsp_svc_stop();
	memset(&v, 0, sizeof(v));
	nmsp_dial_foreach(view_server, &v);
	tap_ok(nmsp_svc_port() == 0 && !v.state[0],
	       "client mode: stopped, no server dialled any more");
}

static int do_sleepy(void *a)
{
	(void)a;
	return client_sleepy();
}

static uint64_t refused(uint16_t why)
{
	return nmsp_svc_stats()->refused[why];
}

int main(void)
{
	static const uint8_t other_mac[6] = { 2, 0, 0, 0, 0x0a, 0x09 };
	struct nmsp_svc_conf c = { 0 };
	struct sockaddr_in *sin = (struct sockaddr_in *)&c.listen;
	struct nmsp_peer_key k;
	unsigned char *der = NULL;
	char err[256];
	uint8_t hdr[NMSP_HDR_LEN] = { 'f', 's', 1, NMSP_ECHO_REQ, 0, 0, 0, 1,
				       0, 1, 0, 0 };	/* 65536 octets */
	uint8_t sub[64];
	struct nmsp_out o;
	uint64_t before, tls0;
	int n;

	fsrd_log_set_level(FSRD_LOG_ERR);
	signal(SIGPIPE, SIG_IGN);
	/* the controller's (ctl), the location server's (ls), a stranger's */
	if (!mkdtemp(dir) || make_cert("ctl", &ctl_key, &ctl_cert) ||
	    make_cert("ls", &ls_key, &ls_cert) ||
	    make_cert("other", &other_key, &other_cert)) {
		tap_ok(0, "certificates made");
		return tap_done();
	}
	n = i2d_X509(ls_cert, &der);
	nmsp_peer_key_from_der(der, (size_t)n, &k);
	OPENSSL_free(der);
	memcpy(c.auth.e[0].mac, ls_mac, 6);
	c.auth.e[0].hash_len = NMSP_SHA256_LEN;
	memcpy(c.auth.e[0].hash, k.sha256, NMSP_SHA256_LEN);
	memcpy(c.auth.e[1].mac, other_mac, 6);
	c.auth.e[1].hash_len = NMSP_SHA1_LEN;
	memcpy(c.auth.e[1].hash, k.sha1, NMSP_SHA1_LEN);
	c.auth.n = 2;
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	c.listen_len = sizeof(*sin);
	snprintf(c.cert, sizeof(c.cert), "%s/ctl.pem", dir);
	snprintf(c.key, sizeof(c.key), "%s/ctl.key", dir);
	c.max_peers = 1;
	c.idle_ms = 30000;
	c.services = 1u << NMSP_SVC_STATION_EVENTS |
		     1u << NMSP_SVC_CLIENT_RSSI | 1u << NMSP_SVC_PROBE_RSSI;
	nmsp_svc_set_sources(&(struct nmsp_svc_sources){
		.client_rssi = src_rssi, .probe_rssi = src_probe,
		.info = src_info });
	nmsp_svc_set_trace(trace_fn);

	tap_ok(nmsp_svc_start(&c, err, sizeof(err)) == 0 &&
	       (port = nmsp_svc_port()) != 0, "the server listens on loopback");
	if (!port) {
		tap_diag("start", err);
		return tap_done();
	}

	tap_ok(run(do_roam, NULL, 100) == 0,
	       "a listed location server (SHA-256): accepted, subscribed, gets the roam event");
	tap_ok(!memcmp(traced_mac, ls_mac, 6) &&
	       strstr(traced, "location server test-ls accepted, from"),
	       "... its admission traced under its MAC");
	tap_ok(run(do_rssi, NULL, 0) == 0 &&
	       nmsp_svc_stats()->rssi_entries >= 2,
	       "subscribed to client and probe RSSI: both stations in one notification, the probe in another, INFO for one, unknown-station for a stranger");
	tap_ok(run(do_init, &(struct init_args){ ls_cert, ls_key, other_mac,
						  0 }, 0) == 0,
	       "the same key listed by SHA-1 for another MAC: accepted as that MAC");
	before = refused(NMSP_ERR_UNKNOWN_MAC);
	tap_ok(run(do_init, &(struct init_args){ ls_cert, ls_key, sta,
						  NMSP_ERR_UNKNOWN_MAC }, 0) == 0 &&
	       refused(NMSP_ERR_UNKNOWN_MAC) == before + 1,
	       "unknown MAC: CLOSE unknown-mac, counted");
	tap_ok(!memcmp(traced_mac, sta, 6) &&
	       strstr(traced, "refused: unknown-mac, from 127.0.0.1:"),
	       "... and traced under the MAC it said, with the reason and its address");
	if (!strstr(traced, "unknown-mac"))
		tap_diag("trace", traced);
	tap_ok(run(do_init, &(struct init_args){ other_cert, other_key,
						  ls_mac, NMSP_ERR_KEY_HASH },
		   0) == 0 && refused(NMSP_ERR_KEY_HASH) == 1,
	       "a listed MAC with another key: CLOSE key-hash, counted");
	tap_ok(run(do_init, &(struct init_args){ NULL, NULL, ls_mac,
						  NMSP_ERR_NO_CERT }, 0) == 0 &&
	       refused(NMSP_ERR_NO_CERT) == 1,
	       "no client certificate: CLOSE no-certificate, counted");
	tls0 = nmsp_svc_stats()->tls_failed;
	tap_ok(run(do_raw, &(struct raw_args){ "GET / HTTP/1.0\r\n\r\n", 18,
					       false, 0 }, 0) == 0 &&
	       nmsp_svc_stats()->tls_failed == tls0 + 1,
	       "plain TCP: the handshake fails, closed, counted");
	tap_ok(run(do_tls11, NULL, 0) == 0 &&
	       nmsp_svc_stats()->tls_failed == tls0 + 2,
	       "TLS 1.1: refused in the handshake, counted");
	nmsp_begin(&o, sub, sizeof(sub), NMSP_SUBSCRIBE_REQ, 2);
	nmsp_put_u8(&o, NMSP_T_SERVICE, NMSP_SVC_STATION_EVENTS);
	nmsp_put_u32(&o, NMSP_T_INTERVAL, 1000);
	n = nmsp_end(&o);
	tap_ok(run(do_raw, &(struct raw_args){ sub, (size_t)n, true,
					       NMSP_ERR_NOT_INIT }, 0) == 0 &&
	       refused(NMSP_ERR_NOT_INIT) == 1,
	       "a SUBSCRIBE before INIT: CLOSE not-initialised");
	tap_ok(run(do_raw, &(struct raw_args){ hdr, sizeof(hdr), true,
					       NMSP_ERR_MALFORMED }, 0) == 0 &&
	       refused(NMSP_ERR_MALFORMED) == 1,
	       "a header announcing 65536 octets: CLOSE malformed, nothing buffered");

	tap_ok(run(do_busy, NULL, 0) == 0 && refused(NMSP_ERR_BUSY) == 1,
	       "one peer more than max_peers: CLOSE busy, counted");

	before = refused(NMSP_ERR_BUSY);
	tap_ok(run(do_flood, NULL, 0) == 0 &&
	       refused(NMSP_ERR_BUSY) == before + 1,
	       "past max_peers + 4 half-open connections: closed at once, counted busy");

	before = nmsp_svc_stats()->slow_peers;
	flood_base = before;
	flood_t.fn = flood_fn;
	ev_timer_arm(&flood_t, 50);
	run(do_sleepy, NULL, 0);
	ev_timer_cancel(&flood_t);
	tap_ok(nmsp_svc_stats()->slow_peers == before + 1 &&
	       nmsp_svc_stats()->peers == 0,
	       "a peer that never reads: dropped once 64 KiB wait, counted");
	tap_ok(nmsp_svc_stats()->peers == 0 && nmsp_svc_stats()->up == 0,
	       "no peer left, none counted up");
	nmsp_svc_stop();
	tap_ok(nmsp_svc_port() == 0, "stopped");
	test_client_mode(&c);
	ev_cleanup();
	X509_free(ctl_cert);
	X509_free(ls_cert);
	X509_free(other_cert);
	EVP_PKEY_free(ctl_key);
	EVP_PKEY_free(ls_key);
	EVP_PKEY_free(other_key);
	{
		static const char *const f[] = { "ctl.pem", "ctl.key", "ls.pem",
			"ls.key", "other.pem", "other.key" };
		char path[512];
		size_t i;

		for (i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
			snprintf(path, sizeof(path), "%s/%s", dir, f[i]);
			unlink(path);
		}
		rmdir(dir);
	}
	return tap_done();
}
