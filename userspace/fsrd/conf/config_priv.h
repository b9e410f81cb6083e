/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internals shared by config.c (reading the file, sections, checks across
 * keys) and config_keys.c (the keys and their values). Not an API.
 */
#ifndef FSRD_CONFIG_PRIV_H
#define FSRD_CONFIG_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "conf/config.h"

#define PASS_MIN	8
#define PASS_MAX	63

/* Key-specific setter; returns 0 or the result of cfg_bad(). */
struct parser;
struct key_desc;
typedef int (*key_set_fn)(struct parser *p, const struct key_desc *k,
			  void *base, const char *v);

struct key_desc {
	const char *name;
	key_set_fn set;
	size_t off;		/* number keys: field offset and size */
	size_t size;
	uint32_t min, max;
	bool zero_ok;		/* number keys: 0 allowed besides min..max */
	const char *unit;
};

enum { SEC_NONE, SEC_GLOBAL, SEC_BSS, SEC_RADIUS, SEC_AUTH_SERVER,
       SEC_ACCT_SERVER, SEC_DAS_CLIENT, SEC_PORTAL, SEC_PORTAL_SERVER,
       SEC_NMSP };

/* What fsrd_conf_load needs per BSS beyond struct fsrd_bss_conf. */
struct bss_extra {
	unsigned int key_line[48];	/* 0: key not set */
	char pass[PASS_MAX + 1];	/* wiped after use */
	size_t pass_len;
};

struct parser {
	const char *path;
	FILE *f;
	struct fsrd_conf *conf;
	struct bss_extra *extra;
	char *err;
	size_t errlen;
	int error;		/* first error (negative errno), 0 if none */
	unsigned int line;	/* line being parsed */
	int sec;
	unsigned int global_line;
	unsigned int global_key_line[32];
	char *buf;		/* getline buffer */
	size_t cap;
	/* config_radius.c */
	unsigned int radius_line;
	unsigned int radius_key_line[16];
	unsigned int server_key_line[4];	/* of the current server section */
	/* config_portal.c */
	unsigned int portal_line;
	unsigned int portal_key_line[16];
	unsigned int pserver_key_line[8];	/* of the current [portal_server] */
	/* config_nmsp.c */
	unsigned int nmsp_line;
	unsigned int nmsp_key_line[8];
};

enum {
	BK_INTERFACE, BK_SSID, BK_CHANNEL, BK_HT, BK_SECURITY, BK_CIPHER,
	BK_PASSPHRASE, BK_PSK, BK_R1KH_ID, BK_OKC, BK_R0KH, BK_R1KH,
	BK_PMK_R1_PUSH, BK_PMK_R1_PUSH_TO, BK_RRB_INTERFACE, BK_FT_OVER_DS, BK_PMKSA_SHARE,
	BK_PORTAL,
};

/* NULL-terminated; bss keys indexed by BK_* */
extern const struct key_desc cfg_global_keys[];
extern const struct key_desc cfg_bss_keys[];

/* config_radius.c: the RADIUS sections. cfg_radius_section returns 1
 * when name is not one of them. */
void cfg_radius_defaults(struct fsrd_conf *c);
void cfg_radius_free(struct fsrd_conf *c);
int cfg_radius_section(struct parser *p, const char *name, size_t n);
int cfg_radius_key(struct parser *p, const char *name, const char *value);
int cfg_radius_end_section(struct parser *p);
int cfg_radius_check(struct parser *p, bool any_8021x,
		     unsigned int first_8021x_line, const char *first_8021x);

/* config_portal.c: [portal] and [portal_server NAME]; the same shape
 * as the RADIUS sections. */
void cfg_portal_defaults(struct fsrd_conf *c);
void cfg_portal_free(struct fsrd_conf *c);
int cfg_portal_section(struct parser *p, const char *name, size_t n);
int cfg_portal_key(struct parser *p, const char *name, const char *value);
int cfg_portal_end_section(struct parser *p);
/* first_portal: the first BSS with portal = yes, or NULL */
int cfg_portal_check(struct parser *p,
		     const struct fsrd_bss_conf *first_portal);
/* config_nmsp.c: [nmsp]. cfg_nmsp_section returns 1 when name is not it. */
void cfg_nmsp_defaults(struct fsrd_conf *c);
int cfg_nmsp_section(struct parser *p, const char *name, size_t n);
int cfg_nmsp_key(struct parser *p, const char *name, const char *value);
int cfg_nmsp_check(struct parser *p);
/* 1..RADIUS_SECRET_MAX octets, or the first line of a file (secret_file);
 * other_line: the line of the other of secret and secret_file in the
 * section (0: none), which rules this one out. */
int cfg_secret(struct parser *p, bool file, unsigned int other_line,
	       const char *v, uint8_t *out, size_t max, size_t *len);
/* A key of a section with a fixed set of keys: its index in keys[0..n),
 * its line noted in lines[]; or cfg_bad() (negative) for a key not in
 * keys (naming section) or one given again, but for the key at index
 * again_ok (-1: none). */
int cfg_section_key(struct parser *p, const char *section,
		    const char *const *keys, size_t n, unsigned int *lines,
		    int again_ok, const char *name);
int cfg_parse_u32_range(struct parser *p, const char *key, const char *v,
			uint32_t lo, uint32_t hi, bool zero_ok,
			const char *unit, uint32_t *out);

/* config.c: a section header name[0..n) (trimmed). [kind], a section
 * given once: 0 with *line noted, p->sec = sec and *have (may be NULL)
 * set, cfg_bad() when given before, 1 when name is not kind. */
int cfg_single_section(struct parser *p, const char *kind, const char *name,
		       size_t n, unsigned int *line, int sec, bool *have);
/* [kind] or [kind NAME]: true with *name and *n moved to NAME (blanks
 * skipped; empty when none), else false and both left alone. */
bool cfg_section_kind(const char *kind, const char **name, size_t *n);

/* "a, b, c": the names of keys, for an error message */
void cfg_key_list(const struct key_desc *keys, char *out, size_t len);

/* Record "PATH:LINE: message" (the current line, or line; 0: no line)
 * unless an error is already recorded; return the error. */
/* config_keys.c: "yes" or "no" into *out; else cfg_bad() naming key. */
int cfg_parse_bool(struct parser *p, const char *key, const char *v,
		   bool *out);
int cfg_bad(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int cfg_bad_line(struct parser *p, unsigned int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
