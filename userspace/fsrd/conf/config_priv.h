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
       SEC_ACCT_SERVER, SEC_DAS_CLIENT };

/* What fsrd_conf_load needs per BSS beyond struct fsrd_bss_conf. */
struct bss_extra {
	unsigned int key_line[32];	/* 0: key not set */
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
};

enum {
	BK_INTERFACE, BK_SSID, BK_CHANNEL, BK_HT, BK_SECURITY, BK_CIPHER,
	BK_PASSPHRASE, BK_PSK, BK_R1KH_ID, BK_OKC,
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

/* "a, b, c": the names of keys, for an error message */
void cfg_key_list(const struct key_desc *keys, char *out, size_t len);

/* Record "PATH:LINE: message" (the current line, or line; 0: no line)
 * unless an error is already recorded; return the error. */
int cfg_bad(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int cfg_bad_line(struct parser *p, unsigned int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
