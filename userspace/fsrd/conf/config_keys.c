// SPDX-License-Identifier: GPL-2.0-only
/*
 * The keys of fsrd.conf (docs/fsrd.conf.5): their value syntax, ranges and
 * where they land in struct fsrd_conf / struct fsrd_bss_conf.
 */
#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "conf/config_priv.h"
#include "core/log.h"
#include "fsr_parse.h"

/* ---- value parsers ---- */

/* Strict decimal: digits only, no sign, no overflow. */
static bool parse_u32(const char *v, uint32_t *out)
{
	uint64_t n = 0;

	if (!*v)
		return false;
	for (; *v; v++) {
		if (*v < '0' || *v > '9')
			return false;
		n = n * 10 + (uint64_t)(*v - '0');
		if (n > UINT32_MAX)
			return false;
	}
	*out = (uint32_t)n;
	return true;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Exactly 2 * len hex digits into out. */
static bool parse_hex(const char *v, uint8_t *out, size_t len)
{
	size_t i;

	if (strlen(v) != 2 * len)
		return false;
	for (i = 0; i < len; i++) {
		int hi = hexval(v[2 * i]), lo = hexval(v[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return false;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return true;
}

/* aa:bb:cc:dd:ee:ff */
static bool parse_mac(const char *v, uint8_t *mac)
{
	int i;

	if (strlen(v) != 17)
		return false;
	for (i = 0; i < 6; i++) {
		int hi = hexval(v[3 * i]), lo = hexval(v[3 * i + 1]);

		if (hi < 0 || lo < 0 || (i < 5 && v[3 * i + 2] != ':'))
			return false;
		mac[i] = (uint8_t)(hi << 4 | lo);
	}
	return true;
}

int cfg_parse_bool(struct parser *p, const char *key, const char *v,
		   bool *out)
{
	if (!strcmp(v, "yes"))
		*out = true;
	else if (!strcmp(v, "no"))
		*out = false;
	else
		return cfg_bad(p, "%s: expected yes or no, got '%s'", key, v);
	return 0;
}

/*
 * A value may be written in double quotes to keep leading or trailing
 * spaces; the quotes are not part of it.
 */
static int unquote(struct parser *p, const char *key, const char *v,
		   const char **out, size_t *len)
{
	size_t n = strlen(v);

	*out = v;
	*len = n;
	if (n && v[0] == '"') {
		if (n < 2 || v[n - 1] != '"')
			return cfg_bad(p, "%s: missing closing '\"'", key);
		*out = v + 1;
		*len = n - 2;
	}
	return 0;
}

/* IEEE 802.11-2020 Annex E, 20 MHz channels only; 0: not a channel. */
static unsigned int channel_freq(uint32_t ch)
{
	if (ch >= 1 && ch <= 13)
		return 2407 + 5 * ch;
	if (ch == 14)
		return 2484;
	if (((ch >= 36 && ch <= 64) || (ch >= 100 && ch <= 144)) &&
	    ch % 4 == 0)
		return 5000 + 5 * ch;
	if (ch >= 149 && ch <= 165 && ch % 4 == 1)
		return 5000 + 5 * ch;
	return 0;
}

/* ---- key setters ---- */

static int set_number(struct parser *p, const struct key_desc *k, void *base,
		      const char *v)
{
	uint8_t *field = (uint8_t *)base + k->off;
	uint32_t n;

	if (!parse_u32(v, &n) || ((n < k->min || n > k->max) &&
				  !(k->zero_ok && n == 0)))
		return cfg_bad(p, "%s: expected %s%" PRIu32 "..%" PRIu32 "%s%s, got '%s'",
			       k->name, k->zero_ok ? "0 or " : "", k->min, k->max,
			       *k->unit ? " " : "", k->unit, v);
	if (k->size == 1)
		*field = (uint8_t)n;
	else if (k->size == 2)
		*(uint16_t *)(void *)field = (uint16_t)n;
	else
		*(uint32_t *)(void *)field = n;
	return 0;
}

static int set_interface(struct parser *p, const struct key_desc *k,
			 void *base, const char *v)
{
	struct fsrd_bss_conf *b = base;
	size_t i, n = strlen(v);

	if (!n || n >= IF_NAMESIZE || !strcmp(v, ".") || !strcmp(v, ".."))
		return cfg_bad(p, "%s: expected an interface name of 1..%d characters, got '%s'",
			       k->name, IF_NAMESIZE - 1, v);
	for (i = 0; i < n; i++)
		if (v[i] == '/' || v[i] == ':' || !isgraph((unsigned char)v[i]))
			return cfg_bad(p, "%s: '%s' is not a valid interface name",
				       k->name, v);
	for (i = 0; i + 1 < p->conf->n_bss; i++)
		if (!strcmp(p->conf->bss[i].ifname, v))
			return cfg_bad(p, "%s: '%s' is already used by [bss %s] (line %u)",
				       k->name, v, p->conf->bss[i].name,
				       p->conf->bss[i].line);
	memcpy(b->ifname, v, n + 1);
	return 0;
}

static int set_ssid(struct parser *p, const struct key_desc *k, void *base,
		    const char *v)
{
	struct fsrd_bss_conf *b = base;
	const char *s;
	size_t n;
	int ret;

	ret = unquote(p, k->name, v, &s, &n);
	if (ret)
		return ret;
	if (n < 1 || n > sizeof(b->ssid))
		return cfg_bad(p, "%s: expected 1..32 bytes, got %zu", k->name, n);
	memcpy(b->ssid, s, n);
	b->ssid_len = n;
	return 0;
}

static int set_channel(struct parser *p, const struct key_desc *k,
		       void *base, const char *v)
{
	struct fsrd_bss_conf *b = base;
	uint32_t ch;
	unsigned int freq;

	if (!parse_u32(v, &ch) || !(freq = channel_freq(ch)))
		return cfg_bad(p, "%s: expected 1..14, 36..64 or 100..144 (multiples of 4) or 149..165 (4n+1), got '%s'",
			       k->name, v);
	b->channel = ch;
	b->freq_mhz = freq;
	return 0;
}

static int set_ht(struct parser *p, const struct key_desc *k, void *base,
		  const char *v)
{
	return cfg_parse_bool(p, k->name, v,
			      &((struct fsrd_bss_conf *)base)->ht);
}

/* the names of security = (fsrd.conf), also shown by fsrctl bss show */
static const char *const security_names[] = {
	[FSRD_SEC_WPA2_PSK] = "wpa2-psk",
	[FSRD_SEC_FT_PSK] = "ft-psk",
	[FSRD_SEC_WPA2_EAP] = "wpa2-eap",
	[FSRD_SEC_FT_EAP] = "ft-eap",
};

const char *fsrd_security_name(enum fsrd_security sec)
{
	return sec >= FSRD_SEC_WPA2_PSK && sec <= FSRD_SEC_FT_EAP ?
		security_names[sec] : "?";
}

static int set_security(struct parser *p, const struct key_desc *k,
			void *base, const char *v)
{
	struct fsrd_bss_conf *b = base;
	size_t i;

	for (i = FSRD_SEC_WPA2_PSK; i <= FSRD_SEC_FT_EAP; i++) {
		if (!strcmp(v, security_names[i])) {
			b->security = (enum fsrd_security)i;
			return 0;
		}
	}
	return cfg_bad(p, "%s: expected wpa2-psk, ft-psk, wpa2-eap or ft-eap, got '%s'",
		       k->name, v);
}

static int set_cipher(struct parser *p, const struct key_desc *k, void *base,
		      const char *v)
{
	struct fsrd_bss_conf *b = base;

	/* fsr's one table of cipher names (lib/fsr_parse.c) */
	if (!fsr_parse_cipher(v, &b->pairwise_cipher))
		return 0;
	return cfg_bad(p, "%s: expected ccmp, gcmp, gcmp-256 or ccmp-256, got '%s'",
		       k->name, v);
}

/* Never echo a secret back in a message. */
static int set_passphrase(struct parser *p, const struct key_desc *k,
			  void *base, const char *v)
{
	struct bss_extra *x = &p->extra[p->conf->n_bss - 1];
	const char *s;
	size_t n, i;
	int ret;

	(void)base;
	ret = unquote(p, k->name, v, &s, &n);
	if (ret)
		return ret;
	if (n < PASS_MIN || n > PASS_MAX)
		return cfg_bad(p, "%s: expected %d..%d printable ASCII characters, got %zu characters",
			       k->name, PASS_MIN, PASS_MAX, n);
	for (i = 0; i < n; i++)
		if (s[i] < 32 || s[i] > 126)
			return cfg_bad(p, "%s: character %zu is not printable ASCII (32..126)",
				       k->name, i + 1);
	memcpy(x->pass, s, n);
	x->pass_len = n;
	return 0;
}

static int set_psk(struct parser *p, const struct key_desc *k, void *base,
		   const char *v)
{
	struct fsrd_bss_conf *b = base;

	if (!parse_hex(v, b->psk, sizeof(b->psk))) {
		OPENSSL_cleanse(b->psk, sizeof(b->psk));
		return cfg_bad(p, "%s: expected exactly 64 hex digits", k->name);
	}
	b->have_psk = true;
	return 0;
}

static int set_r1kh_id(struct parser *p, const struct key_desc *k,
		       void *base, const char *v)
{
	static const uint8_t zero[6];
	struct fsrd_bss_conf *b = base;

	if (!parse_mac(v, b->r1kh_id))
		return cfg_bad(p, "%s: expected a MAC address like 02:00:00:00:01:00, got '%s'",
			       k->name, v);
	if ((b->r1kh_id[0] & 1) || !memcmp(b->r1kh_id, zero, 6))
		return cfg_bad(p, "%s: expected a unicast, non-zero MAC address, got '%s'",
			       k->name, v);
	b->have_r1kh_id = true;
	return 0;
}

/*
 * The key of an r0kh/r1kh line: 64 hex digits, or 32 (a hostapd <= 2.6
 * 128-bit key) expanded as hostapd 2.7+ does: HMAC-SHA256(key,
 * "FT OLDKEY" NUL 0x01), RFC 5295's KDF with that label.
 */
static bool parse_rkh_key(const char *v, uint8_t *key)
{
	static const uint8_t label[] = "FT OLDKEY\0\x01";
	uint8_t old[16];
	size_t out_len = 0;
	bool ok;

	if (parse_hex(v, key, 32))
		return true;
	if (!parse_hex(v, old, sizeof(old)))
		return false;
	ok = EVP_Q_mac(NULL, "HMAC", NULL, "SHA256", NULL, old, sizeof(old),
		       label, sizeof(label) - 1, key, 32, &out_len) &&
	     out_len == 32;
	OPENSSL_cleanse(old, sizeof(old));
	return ok;
}

/* "MAC ID KEY" of r0kh (is_r0 true) and r1kh lines. */
static int set_rkh(struct parser *p, const struct key_desc *k, void *base,
		   const char *v, bool is_r0)
{
	static const uint8_t zero[6], bcast[6] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct fsrd_bss_conf *b = base;
	struct fsrd_rkh *list = is_r0 ? b->r0kh : b->r1kh, *e;
	size_t *n = is_r0 ? &b->n_r0kh : &b->n_r1kh, i;
	char tok[3][80];
	int used = 0, got;

	got = sscanf(v, "%79s %79s %79s %n", tok[0], tok[1], tok[2], &used);
	if (got != 3 || v[used])
		return cfg_bad(p, "%s: expected '<MAC> <%s> <256-bit hex key>'",
			       k->name, is_r0 ? "R0KH-ID" : "R1KH-ID MAC");
	if (*n >= FSRD_MAX_RKH)
		return cfg_bad(p, "%s: more than %d lines in one BSS", k->name,
			       FSRD_MAX_RKH);
	e = &list[*n];
	if (!parse_mac(tok[0], e->addr))
		return cfg_bad(p, "%s: expected a MAC address like 02:00:00:00:01:00, got '%s'",
			       k->name, tok[0]);
	if (is_r0) {
		size_t len = strlen(tok[1]);

		if (len < 1 || len > sizeof(e->id))
			return cfg_bad(p, "%s: R0KH-ID must be 1..%zu bytes, got %zu",
				       k->name, sizeof(e->id), len);
		memcpy(e->id, tok[1], len);
		e->id_len = len;
		e->wildcard = !memcmp(e->addr, bcast, 6) && !strcmp(tok[1], "*");
		if (!e->wildcard && (!memcmp(e->addr, bcast, 6) ||
				     !strcmp(tok[1], "*")))
			return cfg_bad(p, "%s: the wildcard is 'ff:ff:ff:ff:ff:ff *', both or neither",
				       k->name);
	} else {
		if (!parse_mac(tok[1], e->id))
			return cfg_bad(p, "%s: R1KH-ID: expected a MAC address, got '%s'",
				       k->name, tok[1]);
		e->id_len = 6;
		e->wildcard = !memcmp(e->addr, zero, 6) && !memcmp(e->id, zero, 6);
		if (!e->wildcard && (!memcmp(e->addr, zero, 6) ||
				     !memcmp(e->id, zero, 6)))
			return cfg_bad(p, "%s: the wildcard is '00:00:00:00:00:00 00:00:00:00:00:00', both or neither",
				       k->name);
		if (!e->wildcard && (e->id[0] & 1))
			return cfg_bad(p, "%s: R1KH-ID must be a unicast address, got '%s'",
				       k->name, tok[1]);
	}
	if (!e->wildcard && (e->addr[0] & 1))
		return cfg_bad(p, "%s: expected a unicast MAC address, got '%s'",
			       k->name, tok[0]);
	if (!parse_rkh_key(tok[2], e->key)) {
		OPENSSL_cleanse(tok, sizeof(tok));
		memset(e, 0, sizeof(*e));
		return cfg_bad(p, "%s: key: expected 64 hex digits (or 32 for a 128-bit key)",
			       k->name);
	}
	OPENSSL_cleanse(tok, sizeof(tok));
	for (i = 0; i < *n; i++)
		if (list[i].id_len == e->id_len &&
		    !memcmp(list[i].id, e->id, e->id_len)) {
			OPENSSL_cleanse(e, sizeof(*e));
			return cfg_bad(p, "%s: %s already listed", k->name,
				       is_r0 ? "this R0KH-ID is" :
				       "this R1KH-ID is");
		}
	(*n)++;
	return 0;
}

static int set_r0kh(struct parser *p, const struct key_desc *k, void *base,
		    const char *v)
{
	return set_rkh(p, k, base, v, true);
}

static int set_r1kh(struct parser *p, const struct key_desc *k, void *base,
		    const char *v)
{
	return set_rkh(p, k, base, v, false);
}

static int set_portal(struct parser *p, const struct key_desc *k,
		      void *base, const char *v)
{
	return cfg_parse_bool(p, k->name, v,
			      &((struct fsrd_bss_conf *)base)->portal);
}

static int set_pmk_r1_push(struct parser *p, const struct key_desc *k,
			   void *base, const char *v)
{
	return cfg_parse_bool(p, k->name, v,
			  &((struct fsrd_bss_conf *)base)->pmk_r1_push);
}

/* "R1KH-ID [R1KH-ID...]": the neighbours a PMK-R1 is pushed to. Each
 * must be an r1kh line's, which config.c checks once the BSS is read. */
static int set_pmk_r1_push_to(struct parser *p, const struct key_desc *k,
			      void *base, const char *v)
{
	struct fsrd_bss_conf *b = base;
	char tok[32];
	int used;
	size_t i;

	while (sscanf(v, "%31s%n", tok, &used) == 1) {
		v += used;
		if (b->n_push_to >= FSRD_MAX_RKH)
			return cfg_bad(p, "%s: more than %d R1KH-IDs in one BSS",
				       k->name, FSRD_MAX_RKH);
		if (!parse_mac(tok, b->push_to[b->n_push_to]))
			return cfg_bad(p, "%s: R1KH-ID: expected a MAC address like 02:00:00:00:01:00, got '%s'",
				       k->name, tok);
		for (i = 0; i < b->n_push_to; i++)
			if (!memcmp(b->push_to[i], b->push_to[b->n_push_to], 6))
				return cfg_bad(p, "%s: %s listed twice",
					       k->name, tok);
		b->n_push_to++;
	}
	if (!b->n_push_to)
		return cfg_bad(p, "%s: expected one or more R1KH-IDs",
			       k->name);
	return 0;
}

static int set_pmksa_share(struct parser *p, const struct key_desc *k,
			   void *base, const char *v)
{
	return cfg_parse_bool(p, k->name, v,
			      &((struct fsrd_bss_conf *)base)->pmksa_share);
}

static int set_ft_over_ds(struct parser *p, const struct key_desc *k,
			  void *base, const char *v)
{
	return cfg_parse_bool(p, k->name, v,
			      &((struct fsrd_bss_conf *)base)->ft_over_ds);
}

static int set_rrb_interface(struct parser *p, const struct key_desc *k,
			     void *base, const char *v)
{
	struct fsrd_bss_conf *b = base;
	size_t n = strlen(v);

	if (n < 1 || n >= sizeof(b->rrb_ifname) || strpbrk(v, " /:"))
		return cfg_bad(p, "%s: expected an interface name, got '%s'",
			       k->name, v);
	memcpy(b->rrb_ifname, v, n + 1);
	return 0;
}

static int set_ctrl_socket(struct parser *p, const struct key_desc *k,
			   void *base, const char *v)
{
	struct fsrd_conf *c = base;
	size_t n = strlen(v);

	if (v[0] != '/' || n >= sizeof(c->ctrl_socket))
		return cfg_bad(p, "%s: expected an absolute path of at most %zu characters, got '%s'",
			       k->name, sizeof(c->ctrl_socket) - 1, v);
	memcpy(c->ctrl_socket, v, n + 1);
	return 0;
}

static int set_log_level(struct parser *p, const struct key_desc *k,
			 void *base, const char *v)
{
	struct fsrd_conf *c = base;

	if (!fsrd_log_level_parse(v, &c->log_level))
		return 0;
	return cfg_bad(p, "%s: expected error, warning, info or debug, got '%s'",
		       k->name, v);
}

static int set_mdid(struct parser *p, const struct key_desc *k, void *base,
		    const char *v)
{
	struct fsrd_conf *c = base;
	uint8_t md[2];

	if (!parse_hex(v, md, sizeof(md)))
		return cfg_bad(p, "%s: expected 4 hex digits like a1b2, got '%s'",
			       k->name, v);
	memcpy(c->mdid_octets, md, sizeof(md));
	c->mdid = (uint16_t)(md[0] << 8 | md[1]);
	c->have_mdid = true;
	return 0;
}

static int set_r0kh_id(struct parser *p, const struct key_desc *k,
		       void *base, const char *v)
{
	struct fsrd_conf *c = base;
	const char *s;
	size_t n;
	int ret;

	ret = unquote(p, k->name, v, &s, &n);
	if (ret)
		return ret;
	if (n < 1 || n > sizeof(c->r0kh_id))
		return cfg_bad(p, "%s: expected 1..%zu bytes, got %zu", k->name,
			       sizeof(c->r0kh_id), n);
	memcpy(c->r0kh_id, s, n);
	c->r0kh_id_len = n;
	return 0;
}

static int set_fast_path(struct parser *p, const struct key_desc *k,
			 void *base, const char *v)
{
	return cfg_parse_bool(p, k->name, v,
			      &((struct fsrd_conf *)base)->kernel_fast_path);
}

static int set_okc(struct parser *p, const struct key_desc *k, void *base,
		   const char *v)
{
	return cfg_parse_bool(p, k->name, v,
			      &((struct fsrd_bss_conf *)base)->okc);
}

/* ---- key tables ---- */

#define NUM(s, key, field, lo, hi, z, u) \
	{ key, set_number, offsetof(s, field), \
	  sizeof(((s *)0)->field), lo, hi, z, u }
#define FN(key, fn) { key, fn, 0, 0, 0, 0, false, "" }

const struct key_desc cfg_global_keys[] = {
	FN("control_socket", set_ctrl_socket),
	FN("log_level", set_log_level),
	FN("mobility_domain", set_mdid),
	FN("r0kh_id", set_r0kh_id),
	NUM(struct fsrd_conf, "r0_key_lifetime", r0_key_lifetime_s,
	    60, UINT32_MAX, false, "seconds"),
	FN("kernel_fast_path", set_fast_path),
	NUM(struct fsrd_conf, "eap_identity_timeout", eap.identity_timeout_ms,
	    100, 60000, false, "ms"),
	NUM(struct fsrd_conf, "eap_identity_retries", eap.identity_tries,
	    1, 10, false, ""),
	NUM(struct fsrd_conf, "eap_supplicant_timeout", eap.supp_timeout_ms,
	    100, 60000, false, "ms"),
	NUM(struct fsrd_conf, "eap_supplicant_retries", eap.supp_tries,
	    1, 10, false, ""),
	/* at most 30 days: the timer counts milliseconds in 32 bits */
	NUM(struct fsrd_conf, "eap_reauth_period", eap.reauth_period_s,
	    60, 2592000, true, "seconds"),
	NUM(struct fsrd_conf, "eap_quiet_period", eap.quiet_period_ms,
	    1, 60000, true, "ms"),
	NUM(struct fsrd_conf, "pmksa_lifetime", eap.pmksa_lifetime_s,
	    60, 604800, false, "seconds"),
	NUM(struct fsrd_conf, "pmksa_max_entries", eap.pmksa_max,
	    1, 65536, false, ""),
	NUM(struct fsrd_conf, "eap_max_starts", eap.max_starts,
	    1, 100, true, ""),
	NUM(struct fsrd_conf, "eap_start_window", eap.start_window_s,
	    1, 86400, false, "seconds"),
	{ .name = NULL }
};


const struct key_desc cfg_bss_keys[] = {
	[BK_INTERFACE] = FN("interface", set_interface),
	[BK_SSID] = FN("ssid", set_ssid),
	[BK_CHANNEL] = FN("channel", set_channel),
	[BK_HT] = FN("ht", set_ht),
	[BK_SECURITY] = FN("security", set_security),
	[BK_CIPHER] = FN("cipher", set_cipher),
	[BK_PASSPHRASE] = FN("passphrase", set_passphrase),
	[BK_PSK] = FN("psk", set_psk),
	[BK_R1KH_ID] = FN("r1kh_id", set_r1kh_id),
	[BK_OKC] = FN("okc", set_okc),
	[BK_R0KH] = FN("r0kh", set_r0kh),
	[BK_R1KH] = FN("r1kh", set_r1kh),
	[BK_PMK_R1_PUSH] = FN("pmk_r1_push", set_pmk_r1_push),
	[BK_PMK_R1_PUSH_TO] = FN("pmk_r1_push_to", set_pmk_r1_push_to),
	[BK_RRB_INTERFACE] = FN("rrb_interface", set_rrb_interface),
	[BK_FT_OVER_DS] = FN("ft_over_ds", set_ft_over_ds),
	[BK_PMKSA_SHARE] = FN("pmksa_share", set_pmksa_share),
	[BK_PORTAL] = FN("portal", set_portal),
	NUM(struct fsrd_bss_conf, "beacon_interval", beacon_interval,
	    15, 65535, false, "TU"),
	NUM(struct fsrd_bss_conf, "dtim_period", dtim_period, 1, 255, false, ""),
	/* at most 30 days: the timer counts milliseconds in 32 bits */
	NUM(struct fsrd_bss_conf, "gtk_rekey_interval", gtk_rekey_s,
	    1, 2592000, true, "seconds"),
	NUM(struct fsrd_bss_conf, "key_lifetime", ptk_lifetime_s,
	    60, UINT32_MAX, false, "seconds"),
	NUM(struct fsrd_bss_conf, "reassociation_deadline",
	    reassoc_deadline_tu, 1000, 65535, false, "TU"),
	NUM(struct fsrd_bss_conf, "max_stations", max_stations, 1, 2007,
	    false, ""),
	NUM(struct fsrd_bss_conf, "inactivity_timeout", inactivity_s,
	    10, UINT32_MAX, false, "seconds"),
	NUM(struct fsrd_bss_conf, "eapol_timeout", eapol_timeout_ms,
	    100, 10000, false, "ms"),
	NUM(struct fsrd_bss_conf, "eapol_retries", eapol_retries, 1, 10,
	    false, ""),
	NUM(struct fsrd_bss_conf, "rkh_pull_timeout", rkh_pull_timeout_ms,
	    100, 10000, false, "ms"),
	NUM(struct fsrd_bss_conf, "rkh_pull_retries", rkh_pull_retries, 1,
	    10, false, ""),
	NUM(struct fsrd_bss_conf, "rkh_pos_timeout", rkh_pos_timeout_s, 60,
	    UINT32_MAX, false, "seconds"),
	NUM(struct fsrd_bss_conf, "rkh_neg_timeout", rkh_neg_timeout_s, 1,
	    86400, false, "seconds"),
	{ .name = NULL }
};

_Static_assert(sizeof(cfg_bss_keys) / sizeof(cfg_bss_keys[0]) <=
	       sizeof(((struct bss_extra *)0)->key_line) /
	       sizeof(unsigned int), "key_line too small");

void cfg_key_list(const struct key_desc *keys, char *out, size_t len)
{
	size_t used = 0;

	out[0] = '\0';
	for (; keys->name && used < len; keys++)
		used += (size_t)snprintf(out + used, len - used, "%s%s",
					 used ? ", " : "", keys->name);
}

