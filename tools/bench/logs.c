// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dot11.h"
#include "logs.h"

static int drv_push(struct drv_list *l, const struct drv_roam *r)
{
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 64;
		struct drv_roam *nr = realloc(l->r, ncap * sizeof(*nr));

		if (!nr)
			return -1;
		l->r = nr;
		l->cap = ncap;
	}
	l->r[l->n++] = *r;
	return 0;
}

int drv_load(const char *path, struct drv_list *out, char *err, size_t errlen)
{
	char line[512], mac[32], st[16];
	int lineno = 0, off;
	FILE *fp;

	memset(out, 0, sizeof(*out));
	fp = fopen(path, "r");
	if (!fp) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), fp)) {
		struct drv_roam r;

		lineno++;
		line[strcspn(line, "\n")] = 0;
		if (!line[0])
			continue;
		memset(&r, 0, sizeof(r));
		off = 0;
		if (sscanf(line, "%d %31s %" SCNd64 " %" SCNd64 " %15s %n",
			   &r.index, mac, &r.t_cmd, &r.t_done, st, &off) != 5 ||
		    mac_parse(mac, r.target) < 0 ||
		    (strcmp(st, "ok") && strcmp(st, "fail") &&
		     strcmp(st, "harness"))) {
			snprintf(err, errlen, "%s:%d: not a roam line", path,
				 lineno);
			fclose(fp);
			drv_free(out);
			return -1;
		}
		r.ok = !strcmp(st, "ok");
		r.harness = !strcmp(st, "harness");
		snprintf(r.reason, sizeof(r.reason), "%s",
			 strcmp(line + off, "-") ? line + off : "");
		csv_clean(r.reason);
		if (drv_push(out, &r) < 0) {
			snprintf(err, errlen, "out of memory");
			fclose(fp);
			drv_free(out);
			return -1;
		}
	}
	fclose(fp);
	return 0;
}

void drv_free(struct drv_list *l)
{
	free(l->r);
	memset(l, 0, sizeof(*l));
}

int ping_load(const char *path, struct ping_list *out, char *err,
	      size_t errlen)
{
	char line[512];
	FILE *fp;

	memset(out, 0, sizeof(*out));
	fp = fopen(path, "r");
	if (!fp) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), fp)) {
		long long sec;
		char frac[16];
		int64_t us;
		size_t k, flen;

		if (sscanf(line, "[%lld.%15[0-9]]", &sec, frac) != 2 ||
		    !strstr(line, " bytes from "))
			continue;
		/* The fraction as microseconds, whatever its digits. */
		us = 0;
		flen = strlen(frac);
		for (k = 0; k < 6; k++)
			us = us * 10 + (k < flen ? frac[k] - '0' : 0);
		if (out->n == out->cap) {
			size_t ncap = out->cap ? out->cap * 2 : 1024;
			int64_t *nt = realloc(out->t, ncap * sizeof(*nt));

			if (!nt) {
				snprintf(err, errlen, "out of memory");
				fclose(fp);
				ping_free(out);
				return -1;
			}
			out->t = nt;
			out->cap = ncap;
		}
		out->t[out->n++] = (int64_t)sec * 1000000 + us;
	}
	fclose(fp);
	return 0;
}

void ping_free(struct ping_list *l)
{
	free(l->t);
	memset(l, 0, sizeof(*l));
}

int64_t ping_gap(const struct ping_list *l, int64_t from, int64_t to)
{
	int64_t best = INT64_MIN;
	size_t i;

	for (i = 0; i + 1 < l->n; i++) {
		if (l->t[i + 1] < from || l->t[i] > to)
			continue;
		if (l->t[i + 1] - l->t[i] > best)
			best = l->t[i + 1] - l->t[i];
	}
	return best;
}

void csv_clean(char *s)
{
	for (; *s; s++)
		if (*s == ',' || *s == '"' || (unsigned char)*s < 0x20)
			*s = ';';
}
