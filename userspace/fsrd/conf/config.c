// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsrd.conf parser (docs/fsrd.conf.5). libinih splits "key = value" lines
 * and strips comments; our line reader counts lines (Debian's libinih is
 * built without INI_HANDLER_LINENO), handles the [section] headers and
 * rejects what inih would silently accept (over-long lines, continuation
 * lines, junk after ']'). The first error wins and stops the parse.
 */
#include "conf/config_priv.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

/* Record "PATH:LINE: message" unless an error is already recorded. */
static int bad_at(struct parser *p, unsigned int line, int error,
		  const char *fmt, va_list ap)
{
	int n;

	if (p->error)
		return p->error;
	p->error = error;
	if (!p->errlen)
		return error;
	if (line)
		n = snprintf(p->err, p->errlen, "%s:%u: ", p->path, line);
	else
		n = snprintf(p->err, p->errlen, "%s: ", p->path);
	if (n >= 0 && (size_t)n < p->errlen)
		vsnprintf(p->err + n, p->errlen - n, fmt, ap);
	return error;
}

int cfg_bad(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = bad_at(p, p->line, -EINVAL, fmt, ap);
	va_end(ap);
	return ret;
}

int cfg_bad_line(struct parser *p, unsigned int line, const char *fmt,
		 ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = bad_at(p, line, -EINVAL, fmt, ap);
	va_end(ap);
	return ret;
}

/* ---- sections and keys ---- */

static bool valid_bss_name(const char *s, size_t n)
{
	size_t i;

	if (n < 1 || n >= sizeof(((struct fsrd_bss_conf *)0)->name))
		return false;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("_.-", s[i]))
			return false;
	return true;
}

/* Copy n elements into a zeroed array of n + 1, wipe and free the old one. */
static void *grow_wiped(void *old, size_t n, size_t size)
{
	void *new = calloc(n + 1, size);

	if (!new)
		return NULL;
	if (old) {
		memcpy(new, old, n * size);
		OPENSSL_cleanse(old, n * size);
		free(old);
	}
	return new;
}

/* Record a message not tied to a line with its own errno. */
static int bad_errno(struct parser *p, int error, const char *msg)
{
	if (!p->error) {
		cfg_bad_line(p, 0, "%s", msg);
		p->error = error;
	}
	return p->error;
}

static void bss_defaults(struct fsrd_bss_conf *b)
{
	memset(b, 0, sizeof(*b));
	b->channel = 1;
	b->freq_mhz = 2412;
	b->ht = true;
	b->pairwise_cipher = 0x000fac04;
	b->beacon_interval = 100;
	b->dtim_period = 2;
	b->gtk_rekey_s = 86400;
	b->ptk_lifetime_s = 43200;
	b->reassoc_deadline_tu = 1000;
	b->max_stations = 128;
	b->inactivity_s = 300;
	b->eapol_timeout_ms = 1000;
	b->eapol_retries = 4;
	/* hostapd's rkh_pull_timeout and rkh_pull_retries */
	b->rkh_pull_timeout_ms = 1000;
	b->rkh_pull_retries = 4;
	/* hostapd's rkh_pos_timeout and rkh_neg_timeout: how long a peer
	 * learned through a wildcard line is kept, and an R0KH that did
	 * not answer is not asked again */
	b->rkh_pos_timeout_s = 86400;
	b->rkh_neg_timeout_s = 60;
	b->okc = true;
}

static int add_bss(struct parser *p, const char *name, size_t n)
{
	struct fsrd_conf *c = p->conf;
	struct fsrd_bss_conf *nb;
	struct bss_extra *nx;
	size_t i;

	if (!valid_bss_name(name, n))
		return cfg_bad(p, "section [bss %.*s]: NAME must be 1..31 characters of A-Z a-z 0-9 _ . -",
			       (int)n, name);
	for (i = 0; i < c->n_bss; i++)
		if (strlen(c->bss[i].name) == n && !memcmp(c->bss[i].name, name, n))
			return cfg_bad(p, "duplicate BSS name '%.*s' (first at line %u)",
				       (int)n, name, c->bss[i].line);
	if (c->n_bss == FSRD_MAX_BSS)
		return cfg_bad(p, "too many BSSes: at most %d [bss NAME] sections",
			       FSRD_MAX_BSS);
	/* both arrays hold secrets: never let realloc leave copies behind */
	nb = grow_wiped(c->bss, c->n_bss, sizeof(*nb));
	if (!nb)
		return bad_errno(p, -ENOMEM, "out of memory");
	c->bss = nb;
	nx = grow_wiped(p->extra, c->n_bss, sizeof(*nx));
	if (!nx)
		return bad_errno(p, -ENOMEM, "out of memory");
	p->extra = nx;
	bss_defaults(&nb[c->n_bss]);
	memcpy(nb[c->n_bss].name, name, n);
	nb[c->n_bss].line = p->line;
	c->n_bss++;
	p->sec = SEC_BSS;
	return 0;
}

int cfg_single_section(struct parser *p, const char *kind, const char *name,
		       size_t n, unsigned int *line, int sec, bool *have)
{
	if (n != strlen(kind) || memcmp(name, kind, n))
		return 1;
	if (*line)
		return cfg_bad(p, "duplicate section [%s] (first at line %u)",
			       kind, *line);
	*line = p->line;
	p->sec = sec;
	if (have)
		*have = true;
	return 0;
}

bool cfg_section_kind(const char *kind, const char **name, size_t *n)
{
	size_t kl = strlen(kind);
	const char *s = *name;
	size_t left = *n;

	if (left < kl || memcmp(s, kind, kl) ||
	    (left > kl && !isspace((unsigned char)s[kl])))
		return false;
	s += kl;
	left -= kl;
	while (left && isspace((unsigned char)*s)) {
		s++;
		left--;
	}
	*name = s;
	*n = left;
	return true;
}

/* name: the text between '[' and ']', already trimmed. */
static int begin_section(struct parser *p, const char *name, size_t n)
{
	int ret = cfg_radius_end_section(p);

	if (!ret)
		ret = cfg_portal_end_section(p);
	if (ret)
		return ret;
	ret = cfg_radius_section(p, name, n);
	if (ret <= 0)
		return ret;
	ret = cfg_portal_section(p, name, n);
	if (ret <= 0)
		return ret;
	ret = cfg_nmsp_section(p, name, n);
	if (ret <= 0)
		return ret;
	ret = cfg_single_section(p, "global", name, n, &p->global_line,
				 SEC_GLOBAL, NULL);
	if (ret <= 0)
		return ret;
	if (cfg_section_kind("bss", &name, &n)) {
		if (!n)
			return cfg_bad(p, "section [bss] needs a name: [bss NAME]");
		return add_bss(p, name, n);
	}
	return cfg_bad(p, "unknown section [%.*s]: expected [global], [bss NAME], [radius], [auth_server NAME], [acct_server NAME], [das_client NAME], [portal], [portal_server NAME] or [nmsp]",
		       (int)n, name);
}

static int on_key(void *user, const char *section, const char *name,
		  const char *value)
{
	struct parser *p = user;
	const struct key_desc *keys, *k;
	unsigned int *lines;
	/* every key name of the section, comma-separated */
	char list[512];
	void *base;

	(void)section;
	if (p->error)
		return 0;
	if (p->sec == SEC_NONE) {
		cfg_bad(p, "key '%s' before any section: put it in [global] or [bss NAME]",
			name);
		return 0;
	}
	if (p->sec == SEC_NMSP)
		return cfg_nmsp_key(p, name, value) ? 0 : 1;
	if (p->sec >= SEC_PORTAL)
		return cfg_portal_key(p, name, value) ? 0 : 1;
	if (p->sec >= SEC_RADIUS)
		return cfg_radius_key(p, name, value) ? 0 : 1;
	if (p->sec == SEC_GLOBAL) {
		keys = cfg_global_keys;
		lines = p->global_key_line;
		base = p->conf;
	} else {
		keys = cfg_bss_keys;
		lines = p->extra[p->conf->n_bss - 1].key_line;
		base = &p->conf->bss[p->conf->n_bss - 1];
	}
	for (k = keys; k->name; k++)
		if (!strcmp(k->name, name))
			break;
	if (!k->name) {
		cfg_key_list(keys, list, sizeof(list));
		cfg_bad(p, "unknown key '%s' in [%s]: expected one of %s", name,
			p->sec == SEC_GLOBAL ? "global" : "bss", list);
		return 0;
	}
	/* r0kh, r1kh and pmk_r1_push_to are lists: repeatable */
	if (lines[k - keys] && !(keys == cfg_bss_keys &&
				 (k == &cfg_bss_keys[BK_R0KH] ||
				  k == &cfg_bss_keys[BK_R1KH] ||
				  k == &cfg_bss_keys[BK_PMK_R1_PUSH_TO]))) {
		cfg_bad(p, "duplicate key '%s' (first at line %u)", name,
			lines[k - keys]);
		return 0;
	}
	if (!lines[k - keys])
		lines[k - keys] = p->line;
	if (keys == cfg_bss_keys &&
	    ((k == &cfg_bss_keys[BK_PSK] && lines[BK_PASSPHRASE]) ||
	     (k == &cfg_bss_keys[BK_PASSPHRASE] && lines[BK_PSK]))) {
		cfg_bad(p, "passphrase and psk are mutually exclusive (the other is at line %u)",
			lines[k == &cfg_bss_keys[BK_PSK] ? BK_PASSPHRASE : BK_PSK]);
		return 0;
	}
	return k->set(p, k, base, value) ? 0 : 1;
}

/* ---- the line reader ---- */

/* A [section] header line: check it fully and switch sections. */
static int header_line(struct parser *p, const char *s)
{
	const char *end = strchr(s, ']'), *rest, *name = s + 1;
	size_t n;

	if (!end)
		return cfg_bad(p, "section header without ']'");
	for (rest = end + 1; isspace((unsigned char)*rest); rest++)
		;
	if (*rest && *rest != ';' && *rest != '#')
		return cfg_bad(p, "unexpected text after ']'");
	while (name < end && isspace((unsigned char)*name))
		name++;
	n = (size_t)(end - name);
	while (n && isspace((unsigned char)name[n - 1]))
		n--;
	return begin_section(p, name, n);
}

/*
 * fgets-style reader for ini_parse_stream: one line per call, so p->line
 * is the line of whatever inih hands to on_key next.
 */
static char *read_line(char *str, int num, void *stream)
{
	struct parser *p = stream;
	ssize_t len;
	char *s;

	if (p->error)
		goto stop;
	len = getline(&p->buf, &p->cap, p->f);
	if (len < 0) {
		if (ferror(p->f))
			bad_errno(p, -EIO, "read error");
		goto stop;
	}
	p->line++;
	if (strlen(p->buf) != (size_t)len) {
		cfg_bad(p, "NUL byte in line");
		goto stop;
	}
	while (len && (p->buf[len - 1] == '\n' || p->buf[len - 1] == '\r'))
		p->buf[--len] = '\0';
	s = p->buf;
	if (p->line == 1 && !strncmp(s, "\xef\xbb\xbf", 3))
		s += 3;		/* UTF-8 byte order mark */
	/* leading blanks never mean "continuation line" here */
	while (isspace((unsigned char)*s))
		s++;
	if (strlen(s) + 2 > (size_t)num) {
		cfg_bad(p, "line too long (at most %d characters)", num - 2);
		goto stop;
	}
	if (*s == '[' && header_line(p, s))
		goto stop;
	snprintf(str, (size_t)num, "%s\n", s);
	return str;
stop:
	/* inih's line buffer may hold a passphrase: wipe it on the way out */
	OPENSSL_cleanse(str, (size_t)num);
	return NULL;
}

/* ---- checks across keys ---- */

static bool is_psk(enum fsrd_security s)
{
	return s == FSRD_SEC_WPA2_PSK || s == FSRD_SEC_FT_PSK;
}

static bool is_ft(enum fsrd_security s)
{
	return s == FSRD_SEC_FT_PSK || s == FSRD_SEC_FT_EAP;
}

static const char *sec_name(enum fsrd_security s)
{
	switch (s) {
	case FSRD_SEC_WPA2_PSK: return "wpa2-psk";
	case FSRD_SEC_FT_PSK: return "ft-psk";
	case FSRD_SEC_WPA2_EAP: return "wpa2-eap";
	case FSRD_SEC_FT_EAP: return "ft-eap";
	}
	return "?";
}

/* pmk_r1_push_to names the peers a PUSH goes to: only with
 * pmk_r1_push = yes, and each an r1kh line's R1KH-ID unless a wildcard
 * r1kh may teach it. */
static int check_push_to(struct parser *p, const struct fsrd_bss_conf *b,
			 const struct bss_extra *x)
{
	unsigned int line = x->key_line[BK_PMK_R1_PUSH_TO];
	bool wild = false;
	char mac[18];
	size_t i, j;

	if (!b->n_push_to)
		return 0;
	if (!b->pmk_r1_push)
		return cfg_bad_line(p, line, "pmk_r1_push_to: needs pmk_r1_push = yes");
	for (j = 0; j < b->n_r1kh; j++)
		wild |= b->r1kh[j].wildcard;
	for (i = 0; i < b->n_push_to && !wild; i++) {
		for (j = 0; j < b->n_r1kh; j++)
			if (!memcmp(b->r1kh[j].id, b->push_to[i], 6))
				break;
		if (j == b->n_r1kh) {
			snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x",
				 b->push_to[i][0], b->push_to[i][1],
				 b->push_to[i][2], b->push_to[i][3],
				 b->push_to[i][4], b->push_to[i][5]);
			return cfg_bad_line(p, line,
					    "pmk_r1_push_to: %s is the R1KH-ID of no r1kh line of [bss %s]",
					    mac, b->name);
		}
	}
	return 0;
}

static int check_bss(struct parser *p, struct fsrd_bss_conf *b,
		     struct bss_extra *x)
{
	static const int required[] = { BK_INTERFACE, BK_SSID, BK_SECURITY };
	const struct fsrd_conf *c = p->conf;
	size_t i;

	for (i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		if (!x->key_line[required[i]])
			return cfg_bad_line(p, b->line, "[bss %s]: missing required key '%s'",
					    b->name, cfg_bss_keys[required[i]].name);
	if (is_psk(b->security) && !x->pass_len && !b->have_psk)
		return cfg_bad_line(p, b->line, "[bss %s]: security %s needs passphrase or psk",
				    b->name, sec_name(b->security));
	if (!is_psk(b->security) && (x->pass_len || b->have_psk))
		return cfg_bad_line(p, x->key_line[x->pass_len ? BK_PASSPHRASE : BK_PSK],
				    "%s: only for security wpa2-psk or ft-psk, not %s",
				    x->pass_len ? "passphrase" : "psk",
				    sec_name(b->security));
	if (is_ft(b->security) && (!c->have_mdid || !c->r0kh_id_len))
		return cfg_bad_line(p, b->line, "[bss %s]: security %s needs %s in [global]",
				    b->name, sec_name(b->security),
				    !c->have_mdid && !c->r0kh_id_len ?
				    "mobility_domain and r0kh_id" :
				    !c->have_mdid ? "mobility_domain" : "r0kh_id");
	if (is_psk(b->security) && x->key_line[BK_OKC])
		return cfg_bad_line(p, x->key_line[BK_OKC],
				    "okc: only for security wpa2-eap or ft-eap, not %s",
				    sec_name(b->security));
	if (!is_ft(b->security) && b->have_r1kh_id)
		return cfg_bad_line(p, x->key_line[BK_R1KH_ID],
				    "r1kh_id: only for security ft-psk or ft-eap, not %s",
				    sec_name(b->security));
	for (i = BK_R0KH; i <= BK_PMKSA_SHARE; i++)
		if (!is_ft(b->security) && x->key_line[i])
			return cfg_bad_line(p, x->key_line[i],
					    "%s: only for security ft-psk or ft-eap, not %s",
					    cfg_bss_keys[i].name,
					    sec_name(b->security));
	/* PMKSAs come from 802.1X, and a shared one serves only OKC here
	 * (a station presents a plain cached PMKID only to the BSS it
	 * authenticated on) */
	if (b->pmksa_share && b->security != FSRD_SEC_FT_EAP)
		return cfg_bad_line(p, x->key_line[BK_PMKSA_SHARE],
				    "pmksa_share: only for security ft-eap (PMKSAs come from 802.1X), not %s",
				    sec_name(b->security));
	if (b->pmksa_share && !b->okc)
		return cfg_bad_line(p, x->key_line[BK_PMKSA_SHARE],
				    "pmksa_share: a shared PMKSA serves only OKC: needs okc = yes (line %u)",
				    x->key_line[BK_OKC]);
	if (check_push_to(p, b, x))
		return p->error;
	for (i = 0; i < b->n_r0kh; i++)
		if (b->r0kh[i].id_len == c->r0kh_id_len &&
		    !memcmp(b->r0kh[i].id, c->r0kh_id, c->r0kh_id_len))
			return cfg_bad_line(p, x->key_line[BK_R0KH],
					    "r0kh: R0KH-ID '%.*s' is this fsrd's own r0kh_id",
					    (int)c->r0kh_id_len, c->r0kh_id);
	if (!b->rrb_ifname[0])
		memcpy(b->rrb_ifname, b->ifname, sizeof(b->rrb_ifname));
	if (b->channel == 14) {
		/* 802.11b only on channel 14: no HT there */
		if (x->key_line[BK_HT] && b->ht)
			return cfg_bad_line(p, x->key_line[BK_HT],
					    "ht: must be no on channel 14 (line %u)",
					    x->key_line[BK_CHANNEL]);
		b->ht = false;
	}
	if (x->pass_len && PKCS5_PBKDF2_HMAC_SHA1(x->pass, (int)x->pass_len,
						  b->ssid, (int)b->ssid_len,
						  4096, sizeof(b->psk),
						  b->psk) != 1)
		return cfg_bad_line(p, x->key_line[BK_PASSPHRASE],
				    "passphrase: PBKDF2 failed");
	if (x->pass_len)
		b->have_psk = true;
	return 0;
}

/*
 * A station roams by FT only within one ESS, and with FT-PSK each BSS
 * derives PMK-R0 from the same SSID and PSK: a mismatch here would make
 * every roam between the two BSSes fail.
 */
static int check_ft_pair(struct parser *p, size_t i, size_t j)
{
	const struct fsrd_bss_conf *a = &p->conf->bss[i], *b = &p->conf->bss[j];
	const struct bss_extra *x = &p->extra[j];

	if (!is_ft(a->security) || !is_ft(b->security))
		return 0;
	if (a->ssid_len != b->ssid_len || memcmp(a->ssid, b->ssid, a->ssid_len))
		return cfg_bad_line(p, x->key_line[BK_SSID],
				    "ssid: FT BSSes of one mobility domain need the same ssid as [bss %s] (line %u)",
				    a->name, a->line);
	if (a->security == FSRD_SEC_FT_PSK && b->security == FSRD_SEC_FT_PSK &&
	    CRYPTO_memcmp(a->psk, b->psk, sizeof(a->psk)))
		return cfg_bad_line(p, x->key_line[x->pass_len ? BK_PASSPHRASE : BK_PSK],
				    "%s: ft-psk BSSes of one mobility domain need the same PSK as [bss %s] (line %u)",
				    x->pass_len ? "passphrase" : "psk", a->name,
				    a->line);
	if (a->have_r1kh_id && b->have_r1kh_id &&
	    !memcmp(a->r1kh_id, b->r1kh_id, sizeof(a->r1kh_id)))
		return cfg_bad_line(p, x->key_line[BK_R1KH_ID],
				    "r1kh_id: already used by [bss %s] (line %u)",
				    a->name, a->line);
	return 0;
}

static int check_all(struct parser *p)
{
	const struct fsrd_bss_conf *eap = NULL, *portal = NULL;
	size_t i, j;
	int ret;

	ret = cfg_radius_end_section(p);
	if (!ret)
		ret = cfg_portal_end_section(p);
	if (ret)
		return ret;
	if (!p->conf->n_bss)
		return cfg_bad_line(p, 0, "no [bss NAME] section");
	for (i = 0; i < p->conf->n_bss; i++) {
		ret = check_bss(p, &p->conf->bss[i], &p->extra[i]);
		if (ret)
			return ret;
	}
	for (j = 1; j < p->conf->n_bss; j++) {
		for (i = 0; i < j; i++) {
			ret = check_ft_pair(p, i, j);
			if (ret)
				return ret;
		}
	}
	for (i = 0; i < p->conf->n_bss; i++) {
		if (!eap && !is_psk(p->conf->bss[i].security))
			eap = &p->conf->bss[i];
		if (!portal && p->conf->bss[i].portal)
			portal = &p->conf->bss[i];
	}
	ret = cfg_portal_check(p, portal);
	if (!ret)
		ret = cfg_nmsp_check(p);
	if (ret)
		return ret;
	/* RADIUS serves 802.1X and Portal logins */
	if (!eap)
		eap = portal;
	return cfg_radius_check(p, eap != NULL, eap ? eap->line : 0,
				eap ? eap->name : "");
}

/* ---- API ---- */

static void conf_defaults(struct fsrd_conf *c)
{
	memset(c, 0, sizeof(*c));
	strcpy(c->ctrl_socket, "/run/fsrd.sock");
	c->log_level = FSRD_LOG_INFO;
	c->r0_key_lifetime_s = 3600;
	c->kernel_fast_path = true;
	cfg_radius_defaults(c);
	cfg_portal_defaults(c);
	cfg_nmsp_defaults(c);
}

int fsrd_conf_load(const char *path, struct fsrd_conf *conf, char *err,
		   size_t errlen)
{
	struct parser p = {
		.path = path, .conf = conf, .err = err, .errlen = errlen,
	};
	int ret;

	if (errlen)
		err[0] = '\0';
	conf_defaults(conf);
	if (strlen(path) >= sizeof(conf->path)) {
		snprintf(err, errlen, "%s: path too long", path);
		return -ENAMETOOLONG;
	}
	strcpy(conf->path, path);
	p.f = fopen(path, "re");
	if (!p.f) {
		ret = -errno;
		snprintf(err, errlen, "%s: %s", path, strerror(-ret));
		return ret;
	}
	ret = ini_parse_stream(read_line, &p, on_key, &p);
	if (!p.error && ret > 0)
		cfg_bad_line(&p, (unsigned int)ret,
			     "syntax error: expected 'key = value', '[section]' or a comment");
	else if (!p.error && ret < 0)
		bad_errno(&p, -ENOMEM, "out of memory");
	if (!p.error)
		check_all(&p);
	fclose(p.f);
	if (p.buf) {
		OPENSSL_cleanse(p.buf, p.cap);
		free(p.buf);
	}
	if (p.extra) {
		OPENSSL_cleanse(p.extra, conf->n_bss * sizeof(*p.extra));
		free(p.extra);
	}
	if (p.error) {
		fsrd_conf_free(conf);
		return p.error;
	}
	return 0;
}

void fsrd_conf_free(struct fsrd_conf *conf)
{
	if (conf->bss) {
		OPENSSL_cleanse(conf->bss, conf->n_bss * sizeof(*conf->bss));
		free(conf->bss);
	}
	conf->bss = NULL;
	conf->n_bss = 0;
	cfg_radius_free(conf);
	cfg_portal_free(conf);
}
