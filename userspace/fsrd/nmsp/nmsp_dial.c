// SPDX-License-Identifier: GPL-2.0-only
/* Client mode of the location-server link (nmsp_dial.h). */
#include "nmsp/nmsp_dial.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/evloop.h"
#include "core/log.h"
#include "nmsp/nmsp_svc.h"
#include "radius/radius_client.h"

#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)

enum dial_state { DIAL_OFF, DIAL_CONNECTING, DIAL_WAITING, DIAL_SESSION };

static struct {
	enum dial_state state;
	struct nmsp_backoff bo;
	struct {
		struct sockaddr_storage ss;
		socklen_t len;
		char addr[64];
		uint64_t tries, sessions;
		char last_error[96];
	} s[NMSP_DIAL_SERVERS_MAX];
	int fd;			/* while connecting */
	struct ev_timer timer;	/* connect timeout, or the wait */
} dial = { .fd = -1 };

static void close_fd(void)
{
	if (dial.fd >= 0) {
		ev_del_fd(dial.fd);
		close(dial.fd);
		dial.fd = -1;
	}
}

/* The try at the current server failed for @why: the next one. */
static void failed(const char *why)
{
	unsigned int was = dial.bo.cur;
	bool fallback;
	uint32_t wait;

	close_fd();
	ev_timer_cancel(&dial.timer);
	snprintf(dial.s[was].last_error, sizeof(dial.s[was].last_error),
		 "%s", why);
	wait = nmsp_backoff_failed(&dial.bo, &fallback);
	if (fallback)
		log_warn("nmsp: server %s: %s; %d retries failed, falling back to %s",
			 dial.s[was].addr, why, NMSP_DIAL_RETRIES,
			 dial.s[dial.bo.cur].addr);
	else
		log_warn("nmsp: server %s: %s; retry %u of %d in %u s",
			 dial.s[was].addr, why, dial.bo.retries,
			 NMSP_DIAL_RETRIES, wait / 1000);
	/* from the loop, even at once: failed() may run inside the svc's
	 * teardown of the session (nmsp_dial_ended) */
	dial.state = DIAL_WAITING;
	ev_timer_arm(&dial.timer, wait);
}

/* TCP is up: TLS and the conversation are nmsp_svc.c's. */
static void connected(void)
{
	unsigned int cur = dial.bo.cur;
	int fd = dial.fd, err;

	ev_del_fd(fd);
	dial.fd = -1;
	ev_timer_cancel(&dial.timer);
	dial.state = DIAL_SESSION;
	log_info("nmsp: server %s: connected", dial.s[cur].addr);
	/* it owns fd now; its end comes back through nmsp_dial_ended() */
	err = nmsp_svc_adopt(fd, dial.s[cur].addr);
	if (err)
		failed(strerror(-err));
}

static void on_connect(int fd, void *arg)
{
	socklen_t len = sizeof(int);
	int err = 0;

	(void)arg;
	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len))
		err = errno;
	if (err == EINPROGRESS || err == EALREADY)
		return;
	if (err)
		failed(strerror(err));
	else
		connected();
}

static void try_now(void)
{
	unsigned int cur = dial.bo.cur;
	int fd;

	dial.s[cur].tries++;
	dial.state = DIAL_CONNECTING;
	fd = socket(dial.s[cur].ss.ss_family,
		    SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		failed(strerror(errno));
		return;
	}
	dial.fd = fd;
	if (!connect(fd, (const struct sockaddr *)&dial.s[cur].ss,
		     dial.s[cur].len)) {
		connected();
		return;
	}
	if (errno != EINPROGRESS) {
		failed(strerror(errno));
		return;
	}
	if (ev_add_fd(fd, on_connect, NULL) ||
	    ev_want_write(fd, on_connect)) {
		failed("cannot watch the socket");
		return;
	}
	ev_timer_arm(&dial.timer, NMSP_DIAL_CONNECT_MS);
}

static void on_timer(struct ev_timer *t)
{
	(void)t;
	if (dial.state == DIAL_CONNECTING)
		failed("no connection within "
		       __stringify(NMSP_DIAL_CONNECT_S) " s");
	else if (dial.state == DIAL_WAITING)
		try_now();
}

void nmsp_dial_start(const struct nmsp_svc_conf *c)
{
	unsigned int i;

	memset(&dial.bo, 0, sizeof(dial.bo));
	dial.bo.n = c->n_servers;
	dial.timer.fn = on_timer;
	for (i = 0; i < c->n_servers; i++) {
		memset(&dial.s[i], 0, sizeof(dial.s[i]));
		dial.s[i].ss = c->servers[i].ss;
		dial.s[i].len = c->servers[i].len;
		radius_addr_str((const struct sockaddr *)&dial.s[i].ss,
				dial.s[i].addr, sizeof(dial.s[i].addr));
	}
	if (!c->n_servers) {
		dial.state = DIAL_OFF;
		return;
	}
	log_info("nmsp: client mode: %u server%s, %s first", c->n_servers,
		 c->n_servers == 1 ? "" : "s", dial.s[0].addr);
	try_now();
}

void nmsp_dial_stop(void)
{
	close_fd();
	ev_timer_cancel(&dial.timer);
	dial.state = DIAL_OFF;
	dial.bo.n = 0;
}

void nmsp_dial_ended(bool was_up)
{
	unsigned int cur = dial.bo.cur;
	uint32_t wait;

	if (dial.state != DIAL_SESSION)
		return;		/* stopping */
	if (!was_up) {
		failed("the session ended before INIT (see the refusal above)");
		return;
	}
	dial.s[cur].sessions++;
	snprintf(dial.s[cur].last_error, sizeof(dial.s[cur].last_error),
		 "the session ended");
	wait = nmsp_backoff_ended(&dial.bo);
	log_info("nmsp: server %s: the session ended; retry 1 of %d in %u s",
		 dial.s[cur].addr, NMSP_DIAL_RETRIES, wait / 1000);
	dial.state = DIAL_WAITING;
	ev_timer_arm(&dial.timer, wait);
}

void nmsp_dial_foreach(void (*fn)(const struct nmsp_dial_info *i,
				  void *arg), void *arg)
{
	static const char *const names[] = {
		[DIAL_OFF] = "standby", [DIAL_CONNECTING] = "connecting",
		[DIAL_WAITING] = "waiting", [DIAL_SESSION] = "connected",
	};
	struct nmsp_dial_info i;
	unsigned int k;

	for (k = 0; k < dial.bo.n; k++) {
		bool cur = k == dial.bo.cur;

		memset(&i, 0, sizeof(i));
		i.addr = dial.s[k].addr;
		i.state = cur ? names[dial.state] : "standby";
		i.retries = cur ? dial.bo.retries : 0;
		if (cur && dial.state == DIAL_WAITING)
			i.next_try_ms = dial.timer.when_ms;
		i.tries = dial.s[k].tries;
		i.sessions = dial.s[k].sessions;
		i.last_error = dial.s[k].last_error;
		fn(&i, arg);
	}
}
