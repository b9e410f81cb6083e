// SPDX-License-Identifier: GPL-2.0-only
/*
 * The [nmsp] section of fsrd.conf (docs/fsrd.conf.5, docs/nmsp.md): where
 * the location-server link listens, its certificate and key, the auth
 * list (one auth = line per location server), its bounds, and the
 * servers client mode dials (server = lines).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "conf/config_priv.h"

enum { NK_LISTEN, NK_CERT, NK_KEY, NK_AUTH, NK_MAX_PEERS, NK_IDLE,
       NK_SERVER, NK_COUNT };

static const char *const nmsp_keys[NK_COUNT] = {
	[NK_LISTEN] = "listen",
	[NK_CERT] = "certificate",
	[NK_KEY] = "key",
	[NK_AUTH] = "auth",
	[NK_MAX_PEERS] = "max_peers",
	[NK_IDLE] = "idle_timeout",
	[NK_SERVER] = "server",
};

void cfg_nmsp_defaults(struct fsrd_conf *c)
{
	struct nmsp_svc_conf *nc = &c->nmsp;

	radius_parse_addr("0.0.0.0", NMSP_PORT, &nc->listen, &nc->listen_len);
	nc->max_peers = 8;
	nc->idle_ms = 30000;
	/* what fsrd can notify so far (docs/nmsp.md, Status) */
	nc->services = 1u << NMSP_SVC_STATION_EVENTS |
		       1u << NMSP_SVC_CLIENT_RSSI | 1u << NMSP_SVC_PROBE_RSSI;
}

int cfg_nmsp_section(struct parser *p, const char *name, size_t n)
{
	int ret = cfg_single_section(p, "nmsp", name, n, &p->nmsp_line,
				     SEC_NMSP, &p->conf->have_nmsp);

	if (!ret)
		memset(p->nmsp_key_line, 0, sizeof(p->nmsp_key_line));
	return ret;
}

static int path_key(struct parser *p, const char *key, const char *v,
		    char *out, size_t size)
{
	FILE *f;

	if (!*v || strlen(v) >= size)
		return cfg_bad(p, "%s: expected a file path of 1..%zu characters",
			       key, size - 1);
	f = fopen(v, "r");
	if (!f)
		return cfg_bad(p, "%s: %s: %s", key, v, strerror(errno));
	fclose(f);
	memcpy(out, v, strlen(v) + 1);
	return 0;
}

/* server = ADDR[:PORT]: client mode, the servers in the order tried */
static int server_key(struct parser *p, const char *value)
{
	struct nmsp_svc_conf *nc = &p->conf->nmsp;
	struct sockaddr_storage ss;
	socklen_t len;
	unsigned int i;

	p->nmsp_key_line[NK_SERVER] = p->line;
	if (radius_parse_addr(value, NMSP_PORT, &ss, &len))
		return cfg_bad(p, "server: expected an IP address with an optional port (192.0.2.10:16113, [2001:db8::10]:16113), got '%s'",
			       value);
	for (i = 0; i < nc->n_servers; i++)
		if (nc->servers[i].len == len &&
		    !memcmp(&nc->servers[i].ss, &ss, len))
			return cfg_bad(p, "server: '%s' is listed twice", value);
	if (nc->n_servers == NMSP_DIAL_SERVERS_MAX)
		return cfg_bad(p, "server: too many servers: at most %d",
			       NMSP_DIAL_SERVERS_MAX);
	nc->servers[nc->n_servers].ss = ss;
	nc->servers[nc->n_servers].len = len;
	nc->n_servers++;
	return 0;
}

int cfg_nmsp_key(struct parser *p, const char *name, const char *value)
{
	struct nmsp_svc_conf *nc = &p->conf->nmsp;
	struct nmsp_auth_entry e;
	const char *why;
	uint32_t s;
	int k, ret;

	/* auth and server may be given again: a list each */
	if (!strcmp(name, nmsp_keys[NK_SERVER]))
		return server_key(p, value);
	k = cfg_section_key(p, "nmsp", nmsp_keys, NK_COUNT, p->nmsp_key_line,
			    NK_AUTH, name);
	if (k < 0)
		return k;
	switch (k) {
	case NK_LISTEN:
		if (radius_parse_addr(value, NMSP_PORT, &nc->listen,
				      &nc->listen_len))
			return cfg_bad(p, "listen: expected an IP address with an optional port (0.0.0.0:16113, [::]:16113), got '%s'",
				       value);
		return 0;
	case NK_CERT:
		return path_key(p, name, value, nc->cert, sizeof(nc->cert));
	case NK_KEY:
		return path_key(p, name, value, nc->key, sizeof(nc->key));
	case NK_AUTH:
		if (nmsp_auth_entry_parse(value, &e, &why))
			return cfg_bad(p, "auth: %s, got '%s' (form: auth = 02:00:00:00:0a:01 sha256:<64 hex digits>)",
				       why, value);
		ret = nmsp_auth_add(&nc->auth, &e);
		if (ret == -EEXIST)
			return cfg_bad(p, "auth: '%s' is listed twice", value);
		if (ret)
			return cfg_bad(p, "auth: too many entries: at most %d",
				       NMSP_AUTH_MAX);
		return 0;
	case NK_MAX_PEERS:
		return cfg_parse_u32_range(p, name, value, 1, NMSP_MAX_PEERS,
					   false, "", &nc->max_peers);
	case NK_IDLE:
		ret = cfg_parse_u32_range(p, name, value, 5, 3600, false,
					  "seconds", &s);
		if (!ret)
			nc->idle_ms = s * 1000;
		return ret;
	}
	return -1;
}

int cfg_nmsp_check(struct parser *p)
{
	if (!p->conf->have_nmsp)
		return 0;
	if (!p->nmsp_key_line[NK_CERT] || !p->nmsp_key_line[NK_KEY])
		return cfg_bad_line(p, p->nmsp_line, "[nmsp] needs certificate = and key = (PEM files): the link runs over TLS only");
	if (!p->conf->nmsp.auth.n)
		return cfg_bad_line(p, p->nmsp_line, "[nmsp] needs at least one auth = entry: without one no location server could connect");
	return 0;
}
