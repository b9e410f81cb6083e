// SPDX-License-Identifier: GPL-2.0-only
/* The captive redirect's listener (portal_http.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include "core/evloop.h"
#include "core/log.h"
#include "portal/portal_http.h"
#include "portal/portal_http_msg.h"

struct conn {
	int fd;			/* -1: slot free */
	uint32_t peer, local;	/* host order */
	struct ev_timer timer;
	size_t used;
	char buf[PORTAL_HTTP_HEAD_MAX];
};

static struct {
	bool running;
	int fd;
	struct portal_http_conf conf;
	char *url, *ac_name;
	struct conn conns[PORTAL_HTTP_CONNS];
	struct portal_http_stats stats;
} g = { .fd = -1 };

static void conn_close(struct conn *c)
{
	ev_timer_cancel(&c->timer);
	ev_del_fd(c->fd);
	close(c->fd);
	c->fd = -1;
	c->used = 0;
}

static void answer(struct conn *c, const struct portal_http_req *req)
{
	struct portal_redirect r = {
		.portal_url = g.url, .ac_name = g.ac_name,
		.user_ip = c->peer,
		.ac_ip = g.conf.ac_ip ? g.conf.ac_ip : c->local,
		.req = req,
	};
	char out[PORTAL_HTTP_RESP_MAX];
	uint8_t mac[6];
	int n;

	if (!g.conf.station(c->peer, mac, &r.ssid, &r.ssid_len))
		r.user_mac = mac;
	else
		r.ssid = NULL;
	n = req ? portal_http_302(&r, out, sizeof(out)) :
		  portal_http_400(out, sizeof(out));
	if (n > 0 && send(c->fd, out, (size_t)n, MSG_NOSIGNAL) == n) {
		if (req)
			g.stats.redirects++;
		else
			g.stats.bad_requests++;
	}
	conn_close(c);
}

static void on_conn(int fd, void *arg)
{
	struct conn *c = arg;
	struct portal_http_req req;
	ssize_t n;
	int r;

	(void)fd;
	n = recv(c->fd, c->buf + c->used, sizeof(c->buf) - c->used, 0);
	if (n <= 0) {
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			return;
		conn_close(c);	/* closed before a whole request */
		return;
	}
	c->used += (size_t)n;
	r = portal_http_parse(c->buf, c->used, &req);
	if (r > 0)
		answer(c, &req);
	else if (r < 0)
		answer(c, NULL);
}

static void on_timeout(struct ev_timer *t)
{
	struct conn *c = (struct conn *)((char *)t -
					 offsetof(struct conn, timer));

	g.stats.timeouts++;
	conn_close(c);
}

static void on_accept(int fd, void *arg)
{
	struct sockaddr_in peer, local;
	socklen_t pl = sizeof(peer), ll = sizeof(local);
	struct conn *c = NULL;
	const uint8_t *ssid;
	size_t i, same = 0, ssid_len;
	uint8_t mac[6];
	int s;

	(void)arg;
	s = accept4(fd, (struct sockaddr *)&peer, &pl,
		    SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (s < 0)
		return;
	for (i = 0; i < PORTAL_HTTP_CONNS; i++) {
		if (g.conns[i].fd < 0 && !c)
			c = &g.conns[i];
		else if (g.conns[i].fd >= 0 &&
			 g.conns[i].peer == ntohl(peer.sin_addr.s_addr))
			same++;
	}
	/* only stations of a portal BSS, a few connections each: nobody
	 * can hold every slot */
	if (!c || same >= PORTAL_HTTP_PER_PEER ||
	    peer.sin_family != AF_INET ||
	    g.conf.station(ntohl(peer.sin_addr.s_addr), mac, &ssid,
			   &ssid_len) ||
	    getsockname(s, (struct sockaddr *)&local, &ll) ||
	    ev_add_fd(s, on_conn, c)) {
		g.stats.refused++;
		close(s);
		return;
	}
	c->fd = s;
	c->used = 0;
	c->peer = ntohl(peer.sin_addr.s_addr);
	c->local = ntohl(local.sin_addr.s_addr);
	c->timer.fn = on_timeout;
	ev_timer_arm(&c->timer, PORTAL_HTTP_TIMEOUT_MS);
}

int portal_http_start(const struct portal_http_conf *c, char *err,
		      size_t errlen)
{
	struct sockaddr_in a = {
		.sin_family = AF_INET, .sin_port = htons(c->port),
	};
	size_t i;
	int one = 1, e;

	if (g.running)
		return 0;
	g.url = strdup(c->portal_url);
	g.ac_name = strdup(c->ac_name);
	g.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (!g.url || !g.ac_name || g.fd < 0 ||
	    setsockopt(g.fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(g.fd, (struct sockaddr *)&a, sizeof(a)) ||
	    listen(g.fd, 16) || ev_add_fd(g.fd, on_accept, NULL)) {
		e = errno ? errno : ENOMEM;
		snprintf(err, errlen,
			 "portal: cannot listen for redirected web requests on TCP port %u: %s",
			 c->port, strerror(e));
		if (g.fd >= 0)
			close(g.fd);
		g.fd = -1;
		free(g.url);
		free(g.ac_name);
		g.url = g.ac_name = NULL;
		return -e;
	}
	g.conf = *c;
	for (i = 0; i < PORTAL_HTTP_CONNS; i++)
		g.conns[i].fd = -1;
	memset(&g.stats, 0, sizeof(g.stats));
	g.running = true;
	return 0;
}

void portal_http_stop(void)
{
	size_t i;

	if (!g.running)
		return;
	for (i = 0; i < PORTAL_HTTP_CONNS; i++)
		if (g.conns[i].fd >= 0)
			conn_close(&g.conns[i]);
	ev_del_fd(g.fd);
	close(g.fd);
	g.fd = -1;
	free(g.url);
	free(g.ac_name);
	g.url = g.ac_name = NULL;
	g.running = false;
}

const struct portal_http_stats *portal_http_stats(void)
{
	return &g.stats;
}
