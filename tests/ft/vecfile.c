// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
#include "vecfile.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VEC_MAX		128
#define VEC_NAME	48
#define VEC_LINE	1024

struct vec_entry {
	char section[VEC_NAME];
	char key[VEC_NAME];
	uint8_t *data;
	size_t len;
};

static struct vec_entry vecs[VEC_MAX];
static size_t n_vecs;
static const uint8_t missing[512];

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int parse_value(const char *v, struct vec_entry *e)
{
	size_t n = strlen(v), i;

	if (strncmp(v, "str:", 4) == 0) {
		e->len = n - 4;
		e->data = malloc(e->len + 1);
		if (!e->data)
			return -1;
		memcpy(e->data, v + 4, e->len + 1);
		return 0;
	}
	if (n % 2)
		return -1;
	e->len = n / 2;
	e->data = malloc(e->len + 1);
	if (!e->data)
		return -1;
	for (i = 0; i < e->len; i++) {
		int hi = hexval(v[2 * i]), lo = hexval(v[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		e->data[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

int vec_load(const char *path)
{
	char line[VEC_LINE], section[VEC_NAME] = "";
	unsigned int lineno = 0;
	FILE *f = fopen(path, "r");

	if (!f) {
		perror(path);
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		struct vec_entry *e;
		char *eq;

		lineno++;
		line[strcspn(line, "\r\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		if (line[0] == '[') {
			char *end = strchr(line, ']');

			if (!end || (size_t)(end - line - 1) >= VEC_NAME)
				goto bad;
			*end = 0;
			strcpy(section, line + 1);
			continue;
		}
		eq = strchr(line, '=');
		if (!eq || n_vecs == VEC_MAX ||
		    (size_t)(eq - line) >= VEC_NAME)
			goto bad;
		*eq = 0;
		e = &vecs[n_vecs];
		strcpy(e->section, section);
		strcpy(e->key, line);
		if (parse_value(eq + 1, e))
			goto bad;
		n_vecs++;
	}
	fclose(f);
	return 0;
bad:
	fprintf(stderr, "%s:%u: malformed line\n", path, lineno);
	fclose(f);
	return -1;
}

const uint8_t *vec_get(const char *section, const char *key, size_t *len)
{
	size_t i;

	for (i = 0; i < n_vecs; i++) {
		if (!strcmp(vecs[i].section, section) &&
		    !strcmp(vecs[i].key, key)) {
			if (len)
				*len = vecs[i].len;
			return vecs[i].data;
		}
	}
	/* Missing: fail, and hand out zeros so the caller does not crash. */
	tap_ok(0, "vector [%s] %s present", section, key);
	if (len)
		*len = 0;
	return missing;
}

void vec_free(void)
{
	size_t i;

	for (i = 0; i < n_vecs; i++)
		free(vecs[i].data);
	n_vecs = 0;
}
