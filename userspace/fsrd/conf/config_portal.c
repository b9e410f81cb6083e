// SPDX-License-Identifier: GPL-2.0-only
/*
 * The Portal sections of fsrd.conf (docs/fsrd.conf.5, docs/portal.md):
 * [portal] (where the AC listens, its BAS-IP, the bounds and timeouts of
 * logins, the walled garden) and [portal_server NAME] (who may talk to it,
 * with which protocol version and secret). Secrets are wiped by
 * cfg_portal_free.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <openssl/crypto.h>

#include "conf/config_priv.h"

enum { PK_LISTEN, PK_BAS_IP, PK_MAX_SESSIONS, PK_MAX_PENDING,
       PK_CHALLENGE_TIMEOUT, PK_AFF_TIMEOUT, PK_GARDEN, PK_URL, PK_AC_NAME,
       PK_REDIRECT_PORT, PK_RECONNECT_TIMEOUT, PK_ESCAPE, PK_NTF_BACKOFF,
       PK_NTF_TRIES, PK_COUNT };
enum { QK_ADDRESS, QK_NOTIFY_PORT, QK_VERSION, QK_SECRET, QK_SECRET_FILE,
       QK_HEARTBEAT_TIMEOUT, QK_COUNT };

/* the parser's line tables (config_priv.h) hold every key */
_Static_assert(PK_COUNT <= sizeof(((struct parser *)0)->portal_key_line) /
	       sizeof(unsigned int), "portal_key_line too small");
_Static_assert(QK_COUNT <= sizeof(((struct parser *)0)->pserver_key_line) /
	       sizeof(unsigned int), "pserver_key_line too small");

static const char *const portal_keys[PK_COUNT] = {
	[PK_LISTEN] = "listen",
	[PK_BAS_IP] = "bas_ip",
	[PK_MAX_SESSIONS] = "max_sessions",
	[PK_MAX_PENDING] = "max_pending",
	[PK_CHALLENGE_TIMEOUT] = "challenge_timeout",
	[PK_AFF_TIMEOUT] = "aff_timeout",
	[PK_GARDEN] = "walled_garden",
	[PK_URL] = "url",
	[PK_AC_NAME] = "ac_name",
	[PK_REDIRECT_PORT] = "redirect_port",
	[PK_RECONNECT_TIMEOUT] = "reconnect_timeout",
	[PK_ESCAPE] = "escape",
	[PK_NTF_BACKOFF] = "ntf_backoff",
	[PK_NTF_TRIES] = "ntf_tries",
};

static const char *const server_keys[QK_COUNT] = {
	[QK_ADDRESS] = "address",
	[QK_NOTIFY_PORT] = "notify_port",
	[QK_VERSION] = "version",
	[QK_SECRET] = "secret",
	[QK_SECRET_FILE] = "secret_file",
	[QK_HEARTBEAT_TIMEOUT] = "heartbeat_timeout",
};

void cfg_portal_defaults(struct fsrd_conf *c)
{
	struct fsrd_portal_conf *pc = &c->portal;

	radius_parse_addr("0.0.0.0", 2000, &pc->listen, &pc->listen_len);
	pc->max_sessions = 1024;
	pc->max_pending = 64;
	pc->challenge_timeout_s = 60;
	pc->aff_timeout_s = 30;
	pc->redirect_port = 2080;
	pc->ntf_backoff_ms = 1000;
	pc->ntf_tries = 5;
}

void cfg_portal_free(struct fsrd_conf *c)
{
	OPENSSL_cleanse(c->portal.servers, sizeof(c->portal.servers));
}

int cfg_portal_section(struct parser *p, const char *name, size_t n)
{
	struct fsrd_portal_conf *pc = &p->conf->portal;
	size_t i;
	int ret;

	ret = cfg_single_section(p, "portal", name, n, &p->portal_line,
				 SEC_PORTAL, &p->conf->have_portal);
	if (ret <= 0)
		return ret;
	if (!cfg_section_kind("portal_server", &name, &n))
		return 1;
	if (n < 1 || n >= sizeof(pc->servers[0].name))
		return cfg_bad(p, "section [portal_server]: needs a NAME of 1..31 characters: [portal_server NAME]");
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)name[i]) && !strchr("_.-", name[i]))
			return cfg_bad(p, "section [portal_server]: a NAME of A-Z a-z 0-9 _ . - only");
	for (i = 0; i < pc->n_servers; i++)
		if (strlen(pc->servers[i].name) == n &&
		    !memcmp(pc->servers[i].name, name, n))
			return cfg_bad(p, "duplicate section [portal_server %.*s] (first at line %u)",
				       (int)n, name, pc->servers[i].line);
	if (pc->n_servers == FSRD_PORTAL_MAX_SERVERS)
		return cfg_bad(p, "too many [portal_server NAME] sections: at most %d",
			       FSRD_PORTAL_MAX_SERVERS);
	memset(&pc->servers[pc->n_servers], 0, sizeof(pc->servers[0]));
	memcpy(pc->servers[pc->n_servers].name, name, n);
	pc->servers[pc->n_servers].line = p->line;
	pc->servers[pc->n_servers].notify_port = 50100;
	pc->servers[pc->n_servers].version = PORTAL_V2;
	pc->n_servers++;
	memset(p->pserver_key_line, 0, sizeof(p->pserver_key_line));
	p->sec = SEC_PORTAL_SERVER;
	return 0;
}

/* "ADDR[/LEN]": one IPv4 prefix, no host bits set. */
static int parse_prefix(const char *v, size_t n, struct fsrd_ipv4_prefix *out)
{
	char buf[32], *slash, *end;
	struct in_addr a;
	unsigned long len = 32;

	if (!n || n >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, v, n);
	buf[n] = '\0';
	slash = strchr(buf, '/');
	if (slash) {
		*slash++ = '\0';
		if (!isdigit((unsigned char)*slash))
			return -EINVAL;
		len = strtoul(slash, &end, 10);
		if (*end || len > 32)
			return -EINVAL;
	}
	if (inet_pton(AF_INET, buf, &a) != 1)
		return -EINVAL;
	out->addr = ntohl(a.s_addr);
	out->len = (uint8_t)len;
	if (len < 32 && (out->addr & (0xffffffffu >> len)))
		return -EINVAL;
	return 0;
}

static int parse_garden(struct parser *p, const char *v)
{
	struct fsrd_portal_conf *pc = &p->conf->portal;
	const char *s = v;

	while (*s) {
		size_t n;

		while (*s == ' ' || *s == '\t' || *s == ',')
			s++;
		n = strcspn(s, ", \t");
		if (!n)
			break;
		if (pc->n_garden == FSRD_PORTAL_MAX_GARDEN)
			return cfg_bad(p, "walled_garden: at most %d entries",
				       FSRD_PORTAL_MAX_GARDEN);
		if (parse_prefix(s, n, &pc->garden[pc->n_garden]))
			return cfg_bad(p, "walled_garden: expected IPv4 addresses or prefixes (192.0.2.10, 198.51.100.0/24; no host bits after the prefix), got '%.*s'",
				       (int)n, s);
		pc->n_garden++;
		s += n;
	}
	return 0;
}

/* http://HOST[:PORT][/PATH][?QUERY]: printable, no spaces, quotes or
 * angle brackets (it goes into a Location header and an href as is). */
static bool url_ok(const char *v)
{
	size_t i, n = strlen(v);

	if ((strncmp(v, "http://", 7) && strncmp(v, "https://", 8)) ||
	    n < 10 || n > FSRD_PORTAL_URL_MAX || strchr(v, '#'))
		return false;
	for (i = 0; i < n; i++)
		if (v[i] <= ' ' || v[i] >= 127 || strchr("\"'<>\\`{}|^", v[i]))
			return false;
	return true;
}

static int portal_key(struct parser *p, int k, const char *v)
{
	struct fsrd_portal_conf *pc = &p->conf->portal;
	const char *key = portal_keys[k];
	struct in_addr a;

	switch (k) {
	case PK_LISTEN:
		if (radius_parse_addr(v, 2000, &pc->listen, &pc->listen_len))
			return cfg_bad(p, "%s: expected an IP address with an optional port (0.0.0.0:2000, [::]:2000), got '%s'",
				       key, v);
		return 0;
	case PK_BAS_IP:
		if (inet_pton(AF_INET, v, &a) != 1 || !a.s_addr)
			return cfg_bad(p, "%s: expected an IPv4 address, got '%s'",
				       key, v);
		pc->bas_ip = ntohl(a.s_addr);
		return 0;
	case PK_MAX_SESSIONS:
		return cfg_parse_u32_range(p, key, v, 1, 65536, false, "",
					   &pc->max_sessions);
	case PK_MAX_PENDING:
		return cfg_parse_u32_range(p, key, v, 1, 65536, false, "",
					   &pc->max_pending);
	case PK_CHALLENGE_TIMEOUT:
		return cfg_parse_u32_range(p, key, v, 5, 600, false, "seconds",
					   &pc->challenge_timeout_s);
	case PK_AFF_TIMEOUT:
		return cfg_parse_u32_range(p, key, v, 5, 3600, true, "seconds",
					   &pc->aff_timeout_s);
	case PK_GARDEN:
		return parse_garden(p, v);
	case PK_URL:
		if (!url_ok(v))
			return cfg_bad(p, "%s: expected an http:// or https:// URL of at most %d printable characters without spaces, quotes, <>, or a #fragment, got '%s'",
				       key, FSRD_PORTAL_URL_MAX, v);
		snprintf(pc->url, sizeof(pc->url), "%s", v);
		return 0;
	case PK_AC_NAME: {
		size_t i, n = strlen(v);

		for (i = 0; i < n; i++)
			if (!isalnum((unsigned char)v[i]) && !strchr("._-", v[i]))
				break;
		if (!n || n >= sizeof(pc->ac_name) || i < n)
			return cfg_bad(p, "%s: expected 1..%zu of A-Z a-z 0-9 . _ - (China Mobile's form is ACN.CTY.PRO.OPE, e.g. 0001.0755.200.00), got '%s'",
				       key, sizeof(pc->ac_name) - 1, v);
		memcpy(pc->ac_name, v, n + 1);
		return 0;
	}
	case PK_REDIRECT_PORT:
		return cfg_parse_u32_range(p, key, v, 1, 65535, false, "",
					   &pc->redirect_port);
	case PK_RECONNECT_TIMEOUT:
		return cfg_parse_u32_range(p, key, v, 1, 86400, true, "seconds",
					   &pc->reconnect_timeout_s);
	case PK_ESCAPE:
		if (strcmp(v, "open") && strcmp(v, "closed"))
			return cfg_bad(p, "%s: expected open (every portal server down: stations pass without login) or closed (they stay blocked), got '%s'",
				       key, v);
		pc->escape_open = !strcmp(v, "open");
		return 0;
	case PK_NTF_BACKOFF:
		return cfg_parse_u32_range(p, key, v, 100, 10000, false, "ms",
					   &pc->ntf_backoff_ms);
	case PK_NTF_TRIES:
		return cfg_parse_u32_range(p, key, v, 1, 10, false, "",
					   &pc->ntf_tries);
	}
	return -1;
}

static int server_key(struct parser *p, int k, const char *v)
{
	struct fsrd_portal_conf *pc = &p->conf->portal;
	struct fsrd_portal_server *s = &pc->servers[pc->n_servers - 1];
	uint32_t n;
	int ret;

	switch (k) {
	case QK_ADDRESS:
		if (strchr(v, '[') || (strchr(v, ':') && strchr(v, '.')) ||
		    radius_parse_addr(v, 0, &s->addr, &s->addr_len))
			return cfg_bad(p, "address: expected the portal server's IP address (no port: it may send from any), got '%s'",
				       v);
		return 0;
	case QK_NOTIFY_PORT:
		ret = cfg_parse_u32_range(p, "notify_port", v, 1, 65535, false,
					  "", &n);
		if (!ret)
			s->notify_port = (uint16_t)n;
		return ret;
	case QK_HEARTBEAT_TIMEOUT:
		ret = cfg_parse_u32_range(p, "heartbeat_timeout", v, 5, 3600,
					  true, "seconds", &n);
		if (!ret)
			s->heartbeat_timeout_s = n;
		return ret;
	case QK_VERSION:
		if (strcmp(v, "1") && strcmp(v, "2"))
			return cfg_bad(p, "version: expected 1 (China Mobile, no Authenticator) or 2 (Huawei, with Authenticator), got '%s'",
				       v);
		s->version = (uint8_t)(v[0] - '0');
		return 0;
	default:
		return cfg_secret(p, k == QK_SECRET_FILE,
				  p->pserver_key_line[k == QK_SECRET ?
						      QK_SECRET_FILE :
						      QK_SECRET],
				  v, s->secret.data, PORTAL_SECRET_MAX,
				  &s->secret.len);
	}
}

int cfg_portal_key(struct parser *p, const char *name, const char *value)
{
	int k;

	/* walled_garden may be given on several lines: they add up */
	if (p->sec == SEC_PORTAL) {
		k = cfg_section_key(p, "portal", portal_keys, PK_COUNT,
				    p->portal_key_line, PK_GARDEN, name);
		return k < 0 ? k : portal_key(p, k, value);
	}
	k = cfg_section_key(p, "portal_server", server_keys, QK_COUNT,
			    p->pserver_key_line, -1, name);
	return k < 0 ? k : server_key(p, k, value);
}

int cfg_portal_end_section(struct parser *p)
{
	const struct fsrd_portal_server *s;

	if (p->sec != SEC_PORTAL_SERVER)
		return 0;
	s = &p->conf->portal.servers[p->conf->portal.n_servers - 1];
	if (!p->pserver_key_line[QK_ADDRESS])
		return cfg_bad_line(p, s->line,
				    "[portal_server %s]: missing required key 'address'",
				    s->name);
	if (s->version == PORTAL_V2 && !s->secret.len)
		return cfg_bad_line(p, s->line,
				    "[portal_server %s]: version 2 needs 'secret' (or 'secret_file'): it signs every packet",
				    s->name);
	return 0;
}

int cfg_portal_check(struct parser *p,
		     const struct fsrd_bss_conf *first_portal)
{
	const struct fsrd_conf *c = p->conf;

	if (first_portal && !c->have_portal)
		return cfg_bad_line(p, first_portal->line,
				    "[bss %s]: portal = yes needs a [portal] section",
				    first_portal->name);
	if (first_portal && !c->portal.n_servers)
		return cfg_bad_line(p, p->portal_line,
				    "[portal]: needs at least one [portal_server NAME] section");
	if (first_portal && !c->radius.client.n_auth)
		return cfg_bad_line(p, first_portal->line,
				    "[bss %s]: portal logins are checked by RADIUS: needs at least one [auth_server NAME] section",
				    first_portal->name);
	if (!first_portal && (c->have_portal || c->portal.n_servers))
		return cfg_bad_line(p, p->portal_line ? p->portal_line :
				    c->portal.servers[0].line,
				    "Portal is configured but no BSS has portal = yes");
	if (c->portal.max_pending > c->portal.max_sessions)
		return cfg_bad_line(p, p->portal_key_line[PK_MAX_PENDING],
				    "max_pending: %u is more than max_sessions (%u)",
				    c->portal.max_pending,
				    c->portal.max_sessions);
	return 0;
}
