// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "rows.h"

static void row_from_roam(struct row *w, const struct roam *r)
{
	int m;

	w->ok = r->ok;
	snprintf(w->reason, sizeof(w->reason), "%s", r->reason);
	w->auth_tx = r->auth_tx;
	w->reassoc_tx = r->reassoc_tx;
	w->eap_frames = r->eap_frames;
	for (m = 0; m < M_COUNT; m++)
		w->v[m] = r->v[m];
}

static void row_empty(struct row *w, int index)
{
	int m;

	memset(w, 0, sizeof(*w));
	w->index = index;
	for (m = 0; m < M_COUNT; m++)
		w->v[m] = NO_VALUE;
}

/* The first unused capture roam to target that starts in the window. */
static const struct roam *match(const struct roam_list *cap, char *used,
				const struct drv_roam *d)
{
	size_t i;

	for (i = 0; i < cap->n; i++) {
		const struct roam *r = &cap->r[i];

		if (used[i] || !mac_eq(r->to, d->target))
			continue;
		if (r->t_start < d->t_cmd - MATCH_BEFORE_US ||
		    r->t_start > d->t_done + MATCH_AFTER_US)
			continue;
		used[i] = 1;
		return r;
	}
	return NULL;
}

int rows_build(const struct roam_list *cap, const struct drv_list *drv,
	       const struct ping_list *ping, struct row_list *out)
{
	size_t i, n = drv ? drv->n : cap->n;
	char *used;

	out->n = 0;
	out->r = calloc(n ? n : 1, sizeof(*out->r));
	used = calloc(cap->n ? cap->n : 1, 1);
	if (!out->r || !used) {
		free(out->r);
		free(used);
		out->r = NULL;
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct row *w = &out->r[i];
		const struct roam *r;
		int64_t from, to;

		if (!drv) {
			r = &cap->r[i];
			row_empty(w, (int)i + 1);
			mac_fmt(r->to, w->target);
			row_from_roam(w, r);
			from = r->t_start;
			to = r->t_end;
		} else {
			const struct drv_roam *d = &drv->r[i];

			row_empty(w, d->index);
			mac_fmt(d->target, w->target);
			r = match(cap, used, d);
			if (r)
				row_from_roam(w, r);
			if (!d->ok) {
				w->ok = 0;
				w->harness = d->harness;
				snprintf(w->reason, sizeof(w->reason), "%s",
					 d->reason);
			} else if (!r) {
				w->ok = 0;
				snprintf(w->reason, sizeof(w->reason),
					 "no Authentication request in the capture");
			}
			from = d->t_cmd;
			to = d->t_done;
		}
		if (ping)
			w->v[M_GAP] = ping_gap(ping, from, to);
		csv_clean(w->reason);
	}
	out->n = n;
	free(used);
	return 0;
}

static const char CSV_HEAD[] =
	"roam,target,ok,reason,auth_turnaround_us,reassoc_turnaround_us,"
	"roam_us,port_open_us,fbt_us,data_gap_us,client_pre_us,client_mid_us,"
	"client_post_us,auth_tx,reassoc_tx,eap_frames,"
	"harness";

void rows_write_csv(FILE *fp, const struct row_list *l)
{
	size_t i;
	int m;

	fprintf(fp, "%s\n", CSV_HEAD);
	for (i = 0; i < l->n; i++) {
		const struct row *w = &l->r[i];

		fprintf(fp, "%d,%s,%d,%s", w->index, w->target, w->ok,
			w->reason);
		for (m = 0; m < M_COUNT; m++) {
			if (w->v[m] == NO_VALUE)
				fputs(",", fp);
			else
				fprintf(fp, ",%" PRId64, w->v[m]);
		}
		fprintf(fp, ",%d,%d,%d,%d\n", w->auth_tx, w->reassoc_tx,
			w->eap_frames, w->harness);
	}
}

/* Split line at commas in place; returns the field count. */
static int split(char *line, char **f, int max)
{
	int n = 0;

	f[n++] = line;
	for (; *line && n < max; line++) {
		if (*line == ',') {
			*line = 0;
			f[n++] = line + 1;
		}
	}
	return n;
}

int rows_read_csv(const char *path, struct row_list *out, char *err,
		  size_t errlen)
{
	char line[1024], *f[8 + M_COUNT + 1], *end;
	size_t cap = 0;
	int lineno = 0, m;
	FILE *fp;

	memset(out, 0, sizeof(*out));
	fp = fopen(path, "r");
	if (!fp) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), fp)) {
		struct row w;

		lineno++;
		line[strcspn(line, "\n")] = 0;
		if (lineno == 1) {
			if (strcmp(line, CSV_HEAD))
				goto bad;
			continue;
		}
		if (split(line, f, 8 + M_COUNT + 1) != 8 + M_COUNT)
			goto bad;
		row_empty(&w, atoi(f[0]));
		snprintf(w.target, sizeof(w.target), "%s", f[1]);
		w.ok = atoi(f[2]);
		snprintf(w.reason, sizeof(w.reason), "%s", f[3]);
		for (m = 0; m < M_COUNT; m++) {
			if (!*f[4 + m])
				continue;
			errno = 0;
			w.v[m] = strtoll(f[4 + m], &end, 10);
			if (errno || *end)
				goto bad;
		}
		w.auth_tx = atoi(f[4 + M_COUNT]);
		w.reassoc_tx = atoi(f[5 + M_COUNT]);
		w.eap_frames = atoi(f[6 + M_COUNT]);
		w.harness = atoi(f[7 + M_COUNT]);
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct row *nr = realloc(out->r, ncap * sizeof(*nr));

			if (!nr) {
				snprintf(err, errlen, "out of memory");
				goto fail;
			}
			out->r = nr;
			cap = ncap;
		}
		out->r[out->n++] = w;
	}
	fclose(fp);
	return 0;
bad:
	snprintf(err, errlen, "%s:%d: not a roamstat row", path, lineno);
fail:
	fclose(fp);
	rows_free(out);
	return -1;
}

void rows_free(struct row_list *l)
{
	free(l->r);
	l->r = NULL;
	l->n = 0;
}
