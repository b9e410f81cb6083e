// SPDX-License-Identifier: GPL-2.0-only
/*
 * The daemon-wide RADIUS service (radius_svc.h): the client, the DAS,
 * Accounting-On/Off, and their renewal by a reload.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "core/auth_stats.h"
#include "core/evloop.h"
#include "core/log.h"
#include "radius/radius_svc.h"

static struct {
	struct fsrd_radius_conf conf;	/* what runs (secrets: wiped at stop) */
	struct radius_client *client;
	struct radius_das *das;
	struct {
		radius_das_fn fn;
		void *ctx;
	} das_h[RADIUS_DAS_ROOMS];
	uint32_t run_id;		/* Acct-Session-Id of On/Off */
} g;

struct radius_client *radius_svc_client(void)
{
	return g.client;
}

struct radius_das *radius_svc_das(void)
{
	return g.das;
}

void radius_svc_set_das_handler(enum radius_das_room room, radius_das_fn fn,
				void *ctx)
{
	g.das_h[room].fn = fn;
	g.das_h[room].ctx = ctx;
}

/* Each room in turn: the first that knows the session answers (ACK or
 * its NAK); "no such session" from every room is the answer then. */
static bool das_request(void *ctx, const struct radius_msg *req,
			uint32_t *error_cause)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < RADIUS_DAS_ROOMS; i++) {
		if (!g.das_h[i].fn)
			continue;
		*error_cause = 0;
		if (g.das_h[i].fn(g.das_h[i].ctx, req, error_cause))
			return true;
		if (*error_cause != RADIUS_ERR_CAUSE_SESSION_NOT_FOUND)
			return false;
	}
	*error_cause = RADIUS_ERR_CAUSE_SESSION_NOT_FOUND;
	return false;
}

bool radius_svc_has_acct(void)
{
	return g.client && g.conf.client.n_acct;
}

static void acct_done(void *ctx, const struct radius_result *res)
{
	const char *what = ctx;

	if (res->status == RADIUS_REPLY)
		return;
	fsrd_auth_stats()->acct_failed++;
	log_warn("RADIUS accounting %s: %s", what,
		 res->status == RADIUS_TIMEOUT ?
		 "no accounting server answered" : "could not be sent");
}

int radius_svc_acct_send(const struct radius_msg *m, const char *what)
{
	if (!radius_svc_has_acct())
		return -ENODEV;
	/* what is a string literal of the caller: it outlives the request */
	if (!radius_client_send(g.client, RADIUS_KIND_ACCT, m, acct_done,
				(void *)what))
		return -errno;
	return 0;
}

static void acct_onoff(bool on)
{
	const char *what = on ? "Accounting-On" : "Accounting-Off";
	struct radius_acct_info info = { 0 };
	struct radius_msg *m;
	char sid[32];
	int err;

	if (!radius_svc_has_acct())
		return;
	m = calloc(1, sizeof(*m));
	if (!m)
		return;
	snprintf(sid, sizeof(sid), "fsrd-%08X", g.run_id);
	info.status = on ? RADIUS_ACCT_ON : RADIUS_ACCT_OFF;
	info.session_id = sid;
	err = radius_acct_build(m, &info) == RADIUS_OK ?
	      radius_svc_acct_send(m, on ? "On" : "Off") : -EIO;
	if (!err)
		log_info("RADIUS Accounting-Request %s sent (session %s)",
			 what, sid);
	else
		log_warn("RADIUS %s not sent: %s", what, strerror(-err));
	free(m);
}

static bool das_same(const struct fsrd_radius_conf *a,
		     const struct fsrd_radius_conf *b)
{
	return a->have_das == b->have_das &&
	       (!a->have_das || !memcmp(&a->das, &b->das, sizeof(a->das)));
}

static void log_started(const struct fsrd_conf *c, const char *how)
{
	log_info("RADIUS %s: %zu authentication server(s), %zu accounting server(s)%s",
		 how, c->radius.client.n_auth, c->radius.client.n_acct,
		 g.das ? ", Disconnect-Requests accepted" : "");
}

static int start(const struct fsrd_conf *c, char *err, size_t errlen)
{
	g.client = radius_client_new(&c->radius.client, err, errlen);
	if (!g.client)
		return -EINVAL;
	if (c->radius.have_das) {
		g.das = radius_das_new(&c->radius.das, das_request, NULL, err,
				       errlen);
		if (!g.das) {
			radius_client_free(g.client);
			g.client = NULL;
			return -EINVAL;
		}
	}
	memcpy(&g.conf, &c->radius, sizeof(g.conf));	/* padding too: memcmp */
	if (RAND_bytes((uint8_t *)&g.run_id, sizeof(g.run_id)) != 1)
		g.run_id = (uint32_t)ev_now_ms();
	acct_onoff(true);
	log_started(c, "started");
	return 0;
}

/* The running service takes c. A DAS that changed is replaced first (a
 * failure puts the old one back); then the client is renewed. */
static int renew(const struct fsrd_conf *c, char *err, size_t errlen)
{
	const struct fsrd_radius_conf *old = &g.conf;
	bool das_changed = !das_same(old, &c->radius);
	struct radius_das *back;
	char e2[160];

	if (das_changed && g.das) {
		radius_das_free(g.das);	/* its port may be the new one's */
		g.das = NULL;
	}
	if (das_changed && c->radius.have_das) {
		g.das = radius_das_new(&c->radius.das, das_request, NULL, err,
				       errlen);
		if (!g.das)
			goto put_das_back;
	}
	if (memcmp(&old->client, &c->radius.client,
		   sizeof(c->radius.client)) &&
	    radius_client_renew(&g.client, &c->radius.client, err, errlen)) {
		if (!das_changed)
			return -EINVAL;
		if (g.das)
			radius_das_free(g.das);
		g.das = NULL;
		goto put_das_back;
	}
	memcpy(&g.conf, &c->radius, sizeof(g.conf));	/* padding too: memcmp */
	log_started(c, "renewed by the reload");
	return 0;

put_das_back:
	if (old->have_das) {
		back = radius_das_new(&old->das, das_request, NULL, e2,
				      sizeof(e2));
		if (!back)
			log_err("RADIUS DAS could not be restored: %s", e2);
		g.das = back;
	}
	return -EINVAL;
}

int radius_svc_apply(const struct fsrd_conf *c, char *err, size_t errlen)
{
	if (!c->have_radius) {
		radius_svc_stop();
		return 0;
	}
	if (!g.client)
		return start(c, err, errlen);
	return renew(c, err, errlen);
}

void radius_svc_stop(void)
{
	if (!g.client)
		return;
	acct_onoff(false);
	if (g.das)
		radius_das_free(g.das);
	radius_client_free(g.client);
	g.das = NULL;
	g.client = NULL;
	explicit_bzero(&g.conf, sizeof(g.conf));
}
