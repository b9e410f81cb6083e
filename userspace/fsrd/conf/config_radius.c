// SPDX-License-Identifier: GPL-2.0-only
/*
 * The RADIUS sections of fsrd.conf (docs/fsrd.conf.5): [radius],
 * [auth_server NAME], [acct_server NAME], [das_client NAME]. Values land
 * straight in the RADIUS client's and the DAS's configurations
 * (struct fsrd_radius_conf); secrets are wiped by cfg_radius_free.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <openssl/crypto.h>

#include "conf/config_priv.h"

enum { RK_NAS_ID, RK_NAS_IP, RK_TIMEOUT, RK_RETRIES, RK_DEAD_TIME,
       RK_INTERIM, RK_DAS_LISTEN, RK_DAS_MA, RK_DAS_TS, RK_DAS_WINDOW,
       RK_COUNT };
enum { SK_ADDRESS, SK_SECRET, SK_SECRET_FILE, SK_COUNT };

static const char *const radius_keys[RK_COUNT] = {
	[RK_NAS_ID] = "nas_identifier",
	[RK_NAS_IP] = "nas_ip_address",
	[RK_TIMEOUT] = "timeout",
	[RK_RETRIES] = "retries",
	[RK_DEAD_TIME] = "dead_time",
	[RK_INTERIM] = "acct_interim_interval",
	[RK_DAS_LISTEN] = "das_listen",
	[RK_DAS_MA] = "das_require_message_authenticator",
	[RK_DAS_TS] = "das_require_event_timestamp",
	[RK_DAS_WINDOW] = "das_time_window",
};

static const char *const server_keys[SK_COUNT] = {
	[SK_ADDRESS] = "address",
	[SK_SECRET] = "secret",
	[SK_SECRET_FILE] = "secret_file",
};

static const char *const kind_name[] = {
	[SEC_AUTH_SERVER - SEC_AUTH_SERVER] = "auth_server",
	[SEC_ACCT_SERVER - SEC_AUTH_SERVER] = "acct_server",
	[SEC_DAS_CLIENT - SEC_AUTH_SERVER] = "das_client",
};

void cfg_radius_defaults(struct fsrd_conf *c)
{
	struct radius_client_conf *rc = &c->radius.client;
	struct fsrd_eap_conf *e = &c->eap;

	rc->timeout_ms = 3000;
	rc->max_tries = 3;
	rc->dead_time_s = 60;
	if (gethostname(rc->nas_id, sizeof(rc->nas_id)) ||
	    !rc->nas_id[0])
		strcpy(rc->nas_id, "fsrd");
	rc->nas_id[sizeof(rc->nas_id) - 1] = '\0';
	c->radius.das.time_window_s = 300;
	e->identity_timeout_ms = 3000;
	e->identity_tries = 3;
	e->supp_timeout_ms = 3000;
	e->supp_tries = 4;
	e->reauth_period_s = 3600;
	e->quiet_period_ms = 0;
	e->pmksa_lifetime_s = 43200;
	e->pmksa_max = 1024;
	e->max_starts = 10;
	e->start_window_s = 60;
}

void cfg_radius_free(struct fsrd_conf *c)
{
	OPENSSL_cleanse(&c->radius, sizeof(c->radius));
}

static bool valid_name(const char *s, size_t n)
{
	size_t i;

	if (n < 1 || n >= sizeof(((struct fsrd_radius_name *)0)->name))
		return false;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("_.-", s[i]))
			return false;
	return true;
}

/* The names and count of the sections of a kind. */
static struct fsrd_radius_name *names_of(struct fsrd_conf *c, int kind,
					 size_t **n, size_t *max)
{
	switch (kind) {
	case SEC_AUTH_SERVER:
		*n = &c->radius.client.n_auth;
		*max = RADIUS_MAX_SERVERS;
		return c->radius.auth_name;
	case SEC_ACCT_SERVER:
		*n = &c->radius.client.n_acct;
		*max = RADIUS_MAX_SERVERS;
		return c->radius.acct_name;
	default:
		*n = &c->radius.das.n_clients;
		*max = RADIUS_DAS_MAX_CLIENTS;
		return c->radius.das_name;
	}
}

int cfg_radius_section(struct parser *p, const char *name, size_t n)
{
	struct fsrd_conf *c = p->conf;
	struct fsrd_radius_name *names;
	size_t *count, max, i;
	int kind, ret;

	ret = cfg_single_section(p, "radius", name, n, &p->radius_line,
				 SEC_RADIUS, &c->have_radius);
	if (ret <= 0)
		return ret;
	for (kind = SEC_AUTH_SERVER; kind <= SEC_DAS_CLIENT; kind++)
		if (cfg_section_kind(kind_name[kind - SEC_AUTH_SERVER], &name,
				     &n))
			break;
	if (kind > SEC_DAS_CLIENT)
		return 1;
	if (!valid_name(name, n))
		return cfg_bad(p, "section [%s]: needs a NAME of 1..31 characters of A-Z a-z 0-9 _ . -: [%s NAME]",
			       kind_name[kind - SEC_AUTH_SERVER],
			       kind_name[kind - SEC_AUTH_SERVER]);
	names = names_of(c, kind, &count, &max);
	for (i = 0; i < *count; i++)
		if (strlen(names[i].name) == n && !memcmp(names[i].name, name, n))
			return cfg_bad(p, "duplicate section [%s %.*s] (first at line %u)",
				       kind_name[kind - SEC_AUTH_SERVER],
				       (int)n, name, names[i].line);
	if (*count == max)
		return cfg_bad(p, "too many [%s NAME] sections: at most %zu",
			       kind_name[kind - SEC_AUTH_SERVER], max);
	memcpy(names[*count].name, name, n);
	names[*count].line = p->line;
	memset(p->server_key_line, 0, sizeof(p->server_key_line));
	(*count)++;
	p->sec = kind;
	c->have_radius = true;
	return 0;
}

int cfg_parse_u32_range(struct parser *p, const char *key, const char *v,
			uint32_t lo, uint32_t hi, bool zero_ok,
			const char *unit, uint32_t *out)
{
	uint64_t n = 0;
	const char *s = v;

	if (!*s)
		goto bad;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			goto bad;
		n = n * 10 + (uint64_t)(*s - '0');
		if (n > UINT32_MAX)
			goto bad;
	}
	if ((n < lo || n > hi) && !(zero_ok && n == 0))
		goto bad;
	*out = (uint32_t)n;
	return 0;
bad:
	return cfg_bad(p, "%s: expected %s%" PRIu32 "..%" PRIu32 "%s%s, got '%s'",
		       key, zero_ok ? "0 or " : "", lo, hi, *unit ? " " : "",
		       unit, v);
}

static int radius_key(struct parser *p, int k, const char *v)
{
	struct fsrd_radius_conf *r = &p->conf->radius;
	struct radius_client_conf *rc = &r->client;
	const char *key = radius_keys[k];
	uint32_t n;
	size_t i, len;
	int ret;

	switch (k) {
	case RK_NAS_ID:
		len = strlen(v);
		if (len < 1 || len >= sizeof(rc->nas_id))
			return cfg_bad(p, "%s: expected 1..%zu characters, got %zu",
				       key, sizeof(rc->nas_id) - 1, len);
		for (i = 0; i < len; i++)
			if (!isprint((unsigned char)v[i]))
				return cfg_bad(p, "%s: only printable characters",
					       key);
		memcpy(rc->nas_id, v, len + 1);
		return 0;
	case RK_NAS_IP:
		if (inet_pton(AF_INET, v, &rc->nas_ip) != 1)
			return cfg_bad(p, "%s: expected an IPv4 address, got '%s'",
				       key, v);
		rc->have_nas_ip = true;
		return 0;
	case RK_TIMEOUT:
		return cfg_parse_u32_range(p, key, v, 100, 60000, false, "ms",
				       &rc->timeout_ms);
	case RK_RETRIES:
		return cfg_parse_u32_range(p, key, v, 1, 10, false, "",
				       &rc->max_tries);
	case RK_DEAD_TIME:
		return cfg_parse_u32_range(p, key, v, 1, 3600, false, "seconds",
				       &rc->dead_time_s);
	case RK_INTERIM:
		return cfg_parse_u32_range(p, key, v, 60, 86400, true, "seconds",
				       &r->acct_interim_s);
	case RK_DAS_LISTEN:
		if (radius_parse_addr(v, 3799, &r->das.bind, &r->das.bind_len))
			return cfg_bad(p, "%s: expected an IP address with an optional port (192.0.2.1:3799, [2001:db8::1]:3799), got '%s'",
				       key, v);
		r->have_das = true;
		return 0;
	case RK_DAS_MA:
		return cfg_parse_bool(p, key, v, &r->das.require_ma);
	case RK_DAS_TS:
		return cfg_parse_bool(p, key, v,
				    &r->das.require_event_timestamp);
	case RK_DAS_WINDOW:
		ret = cfg_parse_u32_range(p, key, v, 1, 3600, false, "seconds", &n);
		if (!ret)
			r->das.time_window_s = n;
		return ret;
	}
	return -EINVAL;
}

/* 1..max octets; secret_file: its first line. */
int cfg_secret(struct parser *p, bool file, unsigned int other_line,
	       const char *v, uint8_t *out, size_t max, size_t *outlen)
{
	char buf[RADIUS_SECRET_MAX + 3];
	size_t len;
	FILE *f;
	int ret = 0;

	if (other_line)
		return cfg_bad(p, "secret and secret_file are mutually exclusive (the other is at line %u)",
			       other_line);
	if (max > RADIUS_SECRET_MAX)
		max = RADIUS_SECRET_MAX;
	if (!file) {
		len = strlen(v);
		if (len < 1 || len > max)
			return cfg_bad(p, "secret: expected 1..%zu octets, got %zu",
				       max, len);
		memcpy(out, v, len);
		*outlen = len;
		return 0;
	}
	f = fopen(v, "re");
	if (!f)
		return cfg_bad(p, "secret_file: cannot read '%s': %s", v,
			       strerror(errno));
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '\0';
	fclose(f);
	len = strcspn(buf, "\r\n");
	if (len < 1 || len > max || (!buf[len] && len == sizeof(buf) - 1))
		ret = cfg_bad(p, "secret_file: '%s': the first line must hold 1..%zu octets",
			      v, max);
	else {
		memcpy(out, buf, len);
		*outlen = len;
	}
	OPENSSL_cleanse(buf, sizeof(buf));
	return ret;
}

static int server_key(struct parser *p, int k, const char *v)
{
	struct fsrd_radius_conf *r = &p->conf->radius;
	struct sockaddr_storage *addr;
	struct radius_secret *secret;
	socklen_t *addr_len;
	uint16_t port;
	size_t i;

	switch (p->sec) {
	case SEC_AUTH_SERVER:
		i = r->client.n_auth - 1;
		addr = &r->client.auth[i].addr;
		addr_len = &r->client.auth[i].addr_len;
		secret = &r->client.auth[i].secret;
		port = 1812;
		break;
	case SEC_ACCT_SERVER:
		i = r->client.n_acct - 1;
		addr = &r->client.acct[i].addr;
		addr_len = &r->client.acct[i].addr_len;
		secret = &r->client.acct[i].secret;
		port = 1813;
		break;
	default:
		i = r->das.n_clients - 1;
		addr = &r->das.clients[i].addr;
		addr_len = &r->das.clients[i].addr_len;
		secret = &r->das.clients[i].secret;
		port = 0;
		break;
	}
	if (k == SK_ADDRESS) {
		if (radius_parse_addr(v, port, addr, addr_len))
			return cfg_bad(p, "address: expected %s, got '%s'",
				       port ? "an IP address with an optional port (192.0.2.1:1812, [2001:db8::1]:1812)" :
					      "an IP address",
				       v);
		if (!port && (v[0] == '[' || (strchr(v, ':') &&
					      !strchr(strchr(v, ':') + 1, ':'))))
			return cfg_bad(p, "address: a DAS client is an address without a port, got '%s'",
				       v);
		return 0;
	}
	return cfg_secret(p, k == SK_SECRET_FILE,
			  p->server_key_line[k == SK_SECRET ? SK_SECRET_FILE :
					     SK_SECRET],
			  v, secret->data, RADIUS_SECRET_MAX, &secret->len);
}

int cfg_section_key(struct parser *p, const char *section,
		    const char *const *keys, size_t n, unsigned int *lines,
		    int again_ok, const char *name)
{
	char list[320];
	size_t k, used = 0;

	for (k = 0; k < n; k++)
		if (!strcmp(keys[k], name))
			break;
	if (k == n) {
		list[0] = '\0';
		for (k = 0; k < n && used < sizeof(list); k++)
			used += (size_t)snprintf(list + used,
						 sizeof(list) - used, "%s%s",
						 k ? ", " : "", keys[k]);
		return cfg_bad(p, "unknown key '%s' in [%s]: expected one of %s",
			       name, section, list);
	}
	if (lines[k] && (int)k != again_ok)
		return cfg_bad(p, "duplicate key '%s' (first at line %u)", name,
			       lines[k]);
	lines[k] = p->line;
	return (int)k;
}

int cfg_radius_key(struct parser *p, const char *name, const char *value)
{
	int k;

	if (p->sec == SEC_RADIUS) {
		k = cfg_section_key(p, "radius", radius_keys, RK_COUNT,
				    p->radius_key_line, -1, name);
		return k < 0 ? k : radius_key(p, k, value);
	}
	k = cfg_section_key(p, kind_name[p->sec - SEC_AUTH_SERVER],
			    server_keys, SK_COUNT, p->server_key_line, -1, name);
	return k < 0 ? k : server_key(p, k, value);
}

/* Checks at the end of a server section (its last key is read). */
int cfg_radius_end_section(struct parser *p)
{
	struct fsrd_radius_name *names;
	size_t *count, max;
	const char *kind;

	if (p->sec < SEC_AUTH_SERVER || p->sec > SEC_DAS_CLIENT)
		return 0;
	kind = kind_name[p->sec - SEC_AUTH_SERVER];
	names = names_of(p->conf, p->sec, &count, &max);
	if (!p->server_key_line[SK_ADDRESS])
		return cfg_bad_line(p, names[*count - 1].line,
				    "[%s %s]: missing required key 'address'",
				    kind, names[*count - 1].name);
	if (!p->server_key_line[SK_SECRET] &&
	    !p->server_key_line[SK_SECRET_FILE])
		return cfg_bad_line(p, names[*count - 1].line,
				    "[%s %s]: missing required key 'secret' (or 'secret_file')",
				    kind, names[*count - 1].name);
	return 0;
}

int cfg_radius_check(struct parser *p, bool any_8021x,
		     unsigned int first_8021x_line, const char *first_8021x)
{
	const struct fsrd_radius_conf *r = &p->conf->radius;

	if (any_8021x && !r->client.n_auth)
		return cfg_bad_line(p, first_8021x_line,
				    "[bss %s]: an 802.1X BSS needs at least one [auth_server NAME] section",
				    first_8021x);
	if (!any_8021x && p->conf->have_radius)
		return cfg_bad_line(p, p->radius_line ? p->radius_line :
				    r->client.n_auth ? r->auth_name[0].line :
				    r->client.n_acct ? r->acct_name[0].line :
				    r->das_name[0].line,
				    "RADIUS is configured but no BSS uses security wpa2-eap or ft-eap or portal = yes");
	if (r->have_das && !r->das.n_clients)
		return cfg_bad_line(p, p->radius_key_line[RK_DAS_LISTEN],
				    "das_listen: no [das_client NAME] section: every Disconnect-Request would be dropped");
	if (!r->have_das && r->das.n_clients)
		return cfg_bad_line(p, r->das_name[0].line,
				    "[das_client %s]: needs das_listen in [radius]",
				    r->das_name[0].name);
	return 0;
}
