// SPDX-License-Identifier: GPL-2.0
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "hist.h"
#include "summary.h"

const char *const eap_scenario[EAP_SCENARIOS] = { "full", "pmksa", "okc",
						   "ft" };

/* What the compact 802.1X table calls them. */
static const char *const eap_label[EAP_SCENARIOS] = { "full-eap", "pmksa",
						      "okc", "ft-eap" };

int mode_is_eap(const char *name)
{
	return !strncmp(name, "hostapd-eap-", 12) ||
	       !strncmp(name, "fsr-eap-", 8);
}

int mode_is_storm(const char *name)
{
	return !strncmp(name, "storm-", 6);
}

/* Which table a mode goes to: MODE_PSK, MODE_EAP or MODE_STORM. */
static int mode_kind(const char *name)
{
	return mode_is_storm(name) ? MODE_STORM :
	       mode_is_eap(name) ? MODE_EAP : MODE_PSK;
}

int mode_compute(struct mode_result *mr)
{
	int64_t *v;
	size_t i, n;
	int m;

	mr->failed = 0;
	mr->harness = 0;
	for (i = 0; i < mr->rows.n; i++) {
		if (mr->rows.r[i].ok)
			continue;
		if (mr->rows.r[i].harness)
			mr->harness++;
		else
			mr->failed++;
	}
	v = malloc((mr->rows.n ? mr->rows.n : 1) * sizeof(*v));
	if (!v)
		return -1;
	for (m = 0; m < M_COUNT; m++) {
		n = 0;
		for (i = 0; i < mr->rows.n; i++) {
			const struct row *w = &mr->rows.r[i];

			if (w->ok && w->v[m] != NO_VALUE)
				v[n++] = w->v[m];
		}
		pstats_compute(v, n, &mr->m[m]);
	}
	n = 0;
	for (i = 0; i < mr->rows.n; i++)
		if (mr->rows.r[i].ok)
			v[n++] = mr->rows.r[i].eap_frames;
	pstats_compute(v, n, &mr->eap);
	free(v);
	return 0;
}

/* Copy at most n - 1 bytes of src, always terminated. */
static void copy(char *dst, size_t n, const char *src)
{
	size_t len = strnlen(src, n - 1);

	memcpy(dst, src, len);
	dst[len] = 0;
}

static int read_lines(const char *path, char sep, char (*kv)[2][KV_LEN],
		      int max, int *count)
{
	char line[512], *s;
	FILE *fp = fopen(path, "r");

	if (!fp)
		return -1;
	while (*count < max && fgets(line, sizeof(line), fp)) {
		line[strcspn(line, "\n")] = 0;
		s = strchr(line, sep);
		if (!s)
			continue;
		*s++ = 0;
		copy(kv[*count][0], KV_LEN, line);
		copy(kv[*count][1], KV_LEN, s);
		(*count)++;
	}
	fclose(fp);
	return 0;
}

int bench_read_meta(struct bench *b, const char *path)
{
	return read_lines(path, '=', b->meta, MAX_META, &b->nmeta);
}

int bench_read_unavailable(struct bench *b, const char *path)
{
	return read_lines(path, '\t', b->unavail, MAX_MODES, &b->nunavail);
}

static const char *meta_or(const struct bench *b, const char *key,
			   const char *dflt)
{
	const char *s = bench_meta(b, key);

	return s ? s : dflt;
}

const char *bench_meta(const struct bench *b, const char *key)
{
	int i;

	for (i = 0; i < b->nmeta; i++)
		if (!strcmp(b->meta[i][0], key))
			return b->meta[i][1];
	return NULL;
}

static void json_str(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c < 0x20)
			fprintf(fp, "\\u%04x", c);
		else
			fputc(c, fp);
	}
	fputc('"', fp);
}

static const struct mode_result *find_mode(const struct bench *b,
					   const char *name)
{
	int i;

	for (i = 0; i < b->nmodes; i++)
		if (!strcmp(b->mode[i].name, name))
			return &b->mode[i];
	return NULL;
}

static const char *find_unavail(const struct bench *b, const char *name)
{
	int i;

	for (i = 0; i < b->nunavail; i++)
		if (!strcmp(b->unavail[i][0], name))
			return b->unavail[i][1];
	return NULL;
}

/* What mr is compared with: hostapd in the same scenario. */
static const struct mode_result *baseline(const struct bench *b,
					  const struct mode_result *mr)
{
	char name[48];

	if (!strncmp(mr->name, "fsr-eap-", 8) ||
	    !strncmp(mr->name, "hostapd-eap-", 12)) {
		snprintf(name, sizeof(name), "hostapd-eap-%s",
			 strchr(strchr(mr->name, '-') + 1, '-') + 1);
		return find_mode(b, name);
	}
	if (mode_is_storm(mr->name))
		return find_mode(b, "storm-hostapd");
	return find_mode(b, "hostapd");
}

static void json_pstats(FILE *fp, const struct pstats *p)
{
	if (!p->n) {
		fputs("{\"p50\": null, \"p90\": null, \"p99\": null, \"max\": null, \"samples\": 0}",
		      fp);
		return;
	}
	fprintf(fp, "{\"p50\": %" PRId64 ", \"p90\": %" PRId64 ", \"p99\": %"
		PRId64 ", \"max\": %" PRId64 ", \"samples\": %zu}", p->p50,
		p->p90, p->p99, p->max, p->n);
}

static void json_ratio(FILE *fp, const struct pstats *p,
		       const struct pstats *base)
{
	const int64_t a[4] = { p->p50, p->p90, p->p99, p->max };
	const int64_t z[4] = { base->p50, base->p90, base->p99, base->max };
	static const char *const k[4] = { "p50", "p90", "p99", "max" };
	int i;

	fputc('{', fp);
	for (i = 0; i < 4; i++) {
		fprintf(fp, "%s\"%s\": ", i ? ", " : "", k[i]);
		if (p->n && base->n && z[i] > 0)
			fprintf(fp, "%.3f", (double)a[i] / (double)z[i]);
		else
			fputs("null", fp);
	}
	fputc('}', fp);
}

/* One side of a scenario in the "eap" object. */
static void json_eap_side(FILE *fp, const struct bench *b, const char *impl,
			  const char *scen)
{
	const struct mode_result *mr;
	const char *why;
	char name[48];

	snprintf(name, sizeof(name), "%s-eap-%s", impl, scen);
	mr = find_mode(b, name);
	fprintf(fp, "\"%s\": {\"mode\": ", impl);
	json_str(fp, name);
	if (!mr) {
		why = find_unavail(b, name);
		fputs(", \"available\": false, \"reason\": ", fp);
		json_str(fp, why ? why : "not run");
		fputc('}', fp);
		return;
	}
	fprintf(fp, ", \"available\": true, \"roams\": %zu, \"failed\": %zu, \"harness_failed\": %zu, \"port_open_us\": ",
		mr->rows.n, mr->failed, mr->harness);
	json_pstats(fp, &mr->m[M_PORT]);
	fputs(", \"data_gap_us\": ", fp);
	json_pstats(fp, &mr->m[M_GAP]);
	fputs(", \"eap_frames_per_roam\": ", fp);
	json_pstats(fp, &mr->eap);
	if (mr->access_requests >= 0)
		fprintf(fp, ", \"access_requests\": %ld", mr->access_requests);
	else
		fputs(", \"access_requests\": null", fp);
	fputc('}', fp);
}

/* "eap": the 802.1X scenarios side by side (also in "modes" in full). */
static void json_eap(FILE *fp, const struct bench *b)
{
	const struct mode_result *h, *f;
	char name[48];
	const char *s;
	int i, k, first = 1;

	fputs(",\n  \"eap\": {\"method\": \"EAP-PEAP/MSCHAPv2, FreeRADIUS on loopback\"",
	      fp);
	if ((s = bench_meta(b, "eap_roams")))
		fprintf(fp, ", \"roams_per_scenario\": %d", atoi(s));
	fputs(", \"scenarios\": [", fp);
	for (i = 0; i < EAP_SCENARIOS; i++) {
		for (k = 0; k < 2; k++) {
			snprintf(name, sizeof(name), "%s-eap-%s",
				 k ? "fsr" : "hostapd", eap_scenario[i]);
			if (find_mode(b, name) || find_unavail(b, name))
				break;
		}
		if (k == 2)
			continue;	/* not run at all */
		fprintf(fp, "%s\n    {\"name\": \"%s\", ", first ? "" : ",",
			eap_scenario[i]);
		first = 0;
		json_eap_side(fp, b, "hostapd", eap_scenario[i]);
		fputs(",\n     ", fp);
		json_eap_side(fp, b, "fsr", eap_scenario[i]);
		fputs(",\n     \"ratio_fsr_vs_hostapd\": {\"port_open_us\": ", fp);
		snprintf(name, sizeof(name), "hostapd-eap-%s", eap_scenario[i]);
		h = find_mode(b, name);
		snprintf(name, sizeof(name), "fsr-eap-%s", eap_scenario[i]);
		f = find_mode(b, name);
		if (h && f) {
			json_ratio(fp, &f->m[M_PORT], &h->m[M_PORT]);
			fputs(", \"data_gap_us\": ", fp);
			json_ratio(fp, &f->m[M_GAP], &h->m[M_GAP]);
		} else {
			fputs("null, \"data_gap_us\": null", fp);
		}
		fputs("}}", fp);
	}
	fprintf(fp, "%s]}", first ? "" : "\n  ");
}

/* "storm": the roam storm's modes, compactly (also in "modes" in full). */
static void json_storm(FILE *fp, const struct bench *b)
{
	static const int metric[] = { M_AUTH, M_REASSOC, M_ROAM };
	const char *s;
	int i, first = 1;
	size_t k;

	for (i = 0; i < b->nmodes && !mode_is_storm(b->mode[i].name); i++)
		;
	if (i == b->nmodes)
		return;
	fputs(",\n  \"storm\": {", fp);
	if ((s = bench_meta(b, "storm")))
		fprintf(fp, "\"clients\": %d, ", atoi(s));
	if ((s = bench_meta(b, "storm_rounds")))
		fprintf(fp, "\"rounds\": %d, ", atoi(s));
	fputs("\"modes\": [", fp);
	for (i = 0; i < b->nmodes; i++) {
		const struct mode_result *mr = &b->mode[i];

		if (!mode_is_storm(mr->name))
			continue;
		fprintf(fp, "%s\n    {\"name\": ", first ? "" : ",");
		first = 0;
		json_str(fp, mr->name);
		fprintf(fp, ", \"roams\": %zu, \"ok\": %zu, \"failed\": %zu, \"harness_failed\": %zu",
			mr->rows.n, mr->rows.n - mr->failed - mr->harness,
			mr->failed, mr->harness);
		for (k = 0; k < sizeof(metric) / sizeof(metric[0]); k++) {
			fprintf(fp, ", \"%s\": ", metric_name[metric[k]]);
			json_pstats(fp, &mr->m[metric[k]]);
		}
		fputc('}', fp);
	}
	fputs("\n  ]}", fp);
}

void bench_write_json(FILE *fp, const struct bench *b)
{
	static const char *const vkeys[] = { "kernel", "hostapd",
					     "wpa_supplicant" };
	const char *s;
	int i, m, k;
	size_t j, nf;

	fprintf(fp, "{\n  \"load\": %s,\n  \"emulation\": ",
		b->load ? "true" : "false");
	json_str(fp, (s = bench_meta(b, "emulation")) ? s : "TCG");
	fputs(",\n  \"versions\": {", fp);
	for (k = 0; k < 3; k++) {
		fprintf(fp, "%s\"%s\": ", k ? ", " : "", vkeys[k]);
		s = bench_meta(b, vkeys[k]);
		if (s)
			json_str(fp, s);
		else
			fputs("null", fp);
	}
	fputs("},\n", fp);
	if ((s = bench_meta(b, "cpus")))
		fprintf(fp, "  \"guest_cpus\": %d,\n", atoi(s));
	if ((s = bench_meta(b, "roams")))
		fprintf(fp, "  \"roams_per_mode\": %d,\n", atoi(s));
	fputs("  \"percentile\": \"nearest-rank over the roams that succeeded\",\n",
	      fp);
	fputs("  \"kernel_service\": \"fsr.ko histogram: reception of the request in the mac80211 hook to the return of the transmit call, ns; log2 buckets, percentiles interpolated inside a bucket, max = upper bound of the highest non-empty bucket\",\n",
	      fp);
	fputs("  \"modes\": [", fp);
	for (i = 0; i < b->nmodes; i++) {
		const struct mode_result *mr = &b->mode[i];
		const struct mode_result *base = baseline(b, mr);

		fprintf(fp, "%s\n    {\"name\": ", i ? "," : "");
		json_str(fp, mr->name);
		fprintf(fp, ", \"roams\": %zu, \"failed\": %zu, \"harness_failed\": %zu,",
			mr->rows.n, mr->failed, mr->harness);
		for (m = 0; m < M_COUNT; m++) {
			fprintf(fp, "\n     \"%s\": ", metric_name[m]);
			json_pstats(fp, &mr->m[m]);
			fputc(',', fp);
		}
		if (mode_is_eap(mr->name)) {
			fputs("\n     \"eap_frames\": ", fp);
			json_pstats(fp, &mr->eap);
			if (mr->access_requests >= 0)
				fprintf(fp, ", \"access_requests\": %ld,",
					mr->access_requests);
			else
				fputs(", \"access_requests\": null,", fp);
		}
		if (mr->kv.present) {
			fputs("\n     \"kernel\": ", fp);
			kview_write_json(fp, &mr->kv);
			fputc(',', fp);
		}
		if (base && base != mr) {
			fputs("\n     \"ratio_vs_hostapd\": {\"baseline\": ", fp);
			json_str(fp, base->name);
			fputs(", ", fp);
			for (m = 0; m < M_COUNT; m++) {
				fprintf(fp, "%s\"%s\": ", m ? ", " : "",
					metric_name[m]);
				json_ratio(fp, &mr->m[m], &base->m[m]);
			}
			fputs("},", fp);
		}
		fputs("\n     \"failures\": [", fp);
		nf = 0;
		for (j = 0; j < mr->rows.n; j++) {
			const struct row *w = &mr->rows.r[j];

			if (w->ok)
				continue;
			fprintf(fp, "%s{\"roam\": %d, \"harness\": %s, \"reason\": ",
				nf++ ? ", " : "", w->index,
				w->harness ? "true" : "false");
			json_str(fp, w->reason);
			fputc('}', fp);
		}
		fputs("]}", fp);
	}
	fputs("\n  ],\n  \"unavailable\": [", fp);
	for (i = 0; i < b->nunavail; i++) {
		fprintf(fp, "%s\n    {\"name\": ", i ? "," : "");
		json_str(fp, b->unavail[i][0]);
		fputs(", \"reason\": ", fp);
		json_str(fp, b->unavail[i][1]);
		fputc('}', fp);
	}
	fprintf(fp, "%s]", b->nunavail ? "\n  " : "");
	json_eap(fp, b);
	json_storm(fp, b);
	fputs("\n}\n", fp);
}

static const char *const metric_label[M_COUNT] = {
	"Auth req -> resp (AP)",
	"Reassoc req -> resp (AP)",
	"roam: 1st Auth -> Reassoc resp",
	"1st Auth -> port open (M4/FT)",
	"FBT: data -> data",
	"data gap (10 ms ping)",
	"client: old data -> 1st Auth",
	"client: Auth resp -> Reassoc req",
	"client: Reassoc resp -> new data",
};

static void ms(char *out, size_t len, const struct pstats *p, int64_t v)
{
	if (!p->n)
		snprintf(out, len, "-");
	else
		snprintf(out, len, "%.2f", (double)v / 1000.0);
}

static void ratio(char *out, size_t len, int64_t a, int64_t z)
{
	if (z > 0)
		snprintf(out, len, "x%.2f", (double)a / (double)z);
	else
		snprintf(out, len, "-");
}

static void us(char *out, size_t len, const struct kview *kv, int s,
	       double q)
{
	uint64_t ns;

	if (kview_quantile(kv, s, q, &ns))
		snprintf(out, len, "%.1f", (double)ns / 1000.0);
	else
		snprintf(out, len, "-");
}

/* fsr.ko's own figures: what the capture cannot see (no air time). */
static void print_kview(FILE *fp, const struct mode_result *mr)
{
	const struct kview *kv = &mr->kv;
	char c[3][24];
	int s;

	fprintf(fp, "\n%s: fsr.ko served %" PRIu64 " FT Authentications and %"
		PRIu64 " Reassociations, passed %" PRIu64 " on to fsrd, refused %"
		PRIu64 "\n", mr->name, kv->auth_served, kv->reassoc_served,
		kv->passed, kv->refused);
	fprintf(fp, "in-kernel service time, request rx -> response tx, us (log2 histogram):\n");
	for (s = 0; s < KV_STAGES; s++) {
		us(c[0], sizeof(c[0]), kv, s, 0.50);
		us(c[1], sizeof(c[1]), kv, s, 0.90);
		us(c[2], sizeof(c[2]), kv, s, 0.99);
		fprintf(fp, "  %-14s p50 %8s  p90 %8s  p99 %8s  max <= %.1f  n %" PRIu64 "\n",
			s == KV_AUTH ? "FT Auth" : "Reassociation", c[0], c[1],
			c[2], (double)kview_max(kv, s) / 1000.0,
			hist_count(kv->hist[s]));
	}
}

/* Mark a ratio computed from a mode that lost samples to the harness. */
static void starred(char *r, size_t len)
{
	size_t n = strlen(r);

	if (n + 1 < len) {
		r[n] = '*';
		r[n + 1] = 0;
	}
}

/*
 * Roams the client never started (it refused the roam command or did not
 * know the target) are the harness's failures, not the AP's: they are
 * left out of "failed", and every ratio they touch is starred and
 * explained here.
 */
static void print_harness(FILE *fp, const struct bench *b, int kind)
{
	int i;

	for (i = 0; i < b->nmodes; i++) {
		const struct mode_result *mr = &b->mode[i];

		if (mode_kind(mr->name) != kind || !mr->harness)
			continue;
		fprintf(fp, "* %s: %zu of %zu roams were never started by the client (the harness's failure, not the AP's); its figures, and the ratios against it, come from the %zu roams that completed\n",
			mr->name, mr->harness, mr->rows.n,
			mr->rows.n - mr->failed - mr->harness);
	}
}

/*
 * Where the data gap goes, per mode: the client's time before the first
 * Authentication, the AP's two turnarounds, the client's time in between
 * and after the Reassociation Response (p50 and p99 of each; the parts'
 * percentiles need not add up). "AP share" is the AP's p50s over the sum
 * of the p50s: the part of the gap an AP implementation can change.
 */
static void print_breakdown(FILE *fp, const struct bench *b, int kind)
{
	static const int part[] = { M_PRE, M_AUTH, M_MID, M_REASSOC, M_POST };
	char c[24];
	int i, k, any = 0;

	for (i = 0; i < b->nmodes; i++)
		if (mode_kind(b->mode[i].name) == kind)
			any = 1;
	if (!any)
		return;
	fprintf(fp, "\nwhere the data gap goes, p50/p99 (ms): client | AP | client | AP | client\n");
	fprintf(fp, "%-17s %15s %15s %15s %15s %15s %8s\n", "mode",
		"old data->Auth", "Auth (AP)", "Auth->Reassoc", "Reassoc (AP)",
		"Resp->new data", "AP share");
	for (i = 0; i < b->nmodes; i++) {
		const struct mode_result *mr = &b->mode[i];
		int64_t ap = 0, all = 0;

		if (mode_kind(mr->name) != kind)
			continue;
		fprintf(fp, "%-17s", mr->name);
		for (k = 0; k < (int)(sizeof(part) / sizeof(part[0])); k++) {
			const struct pstats *p = &mr->m[part[k]];

			if (p->n)
				snprintf(c, sizeof(c), "%.2f/%.2f",
					 (double)p->p50 / 1000.0,
					 (double)p->p99 / 1000.0);
			else
				snprintf(c, sizeof(c), "-");
			fprintf(fp, " %15s", c);
			if (p->n) {
				all += p->p50;
				if (part[k] == M_AUTH || part[k] == M_REASSOC)
					ap += p->p50;
			}
		}
		if (all > 0)
			fprintf(fp, " %7.1f%%\n", 100.0 * (double)ap / (double)all);
		else
			fprintf(fp, " %8s\n", "-");
	}
}

/* The per-mode table of the modes of one kind (MODE_PSK, ...). */
static void print_modes(FILE *fp, const struct bench *b, int kind)
{
	char c[4][24], r50[16], r99[16];
	int i, m;

	fprintf(fp, "%-17s %5s %6s  %-31s %8s %8s %8s %8s %5s %7s %7s\n",
		"mode", "roams", "failed", "metric", "p50", "p90", "p99",
		"max", "n", "p50/hap", "p99/hap");
	for (i = 0; i < b->nmodes; i++) {
		const struct mode_result *mr = &b->mode[i];
		const struct mode_result *base = baseline(b, mr);

		if (mode_kind(mr->name) != kind)
			continue;
		for (m = 0; m < M_COUNT; m++) {
			const struct pstats *p = &mr->m[m];

			ms(c[0], sizeof(c[0]), p, p->p50);
			ms(c[1], sizeof(c[1]), p, p->p90);
			ms(c[2], sizeof(c[2]), p, p->p99);
			ms(c[3], sizeof(c[3]), p, p->max);
			snprintf(r50, sizeof(r50), "%s", "");
			snprintf(r99, sizeof(r99), "%s", "");
			if (base && base != mr && p->n && base->m[m].n) {
				ratio(r50, sizeof(r50), p->p50, base->m[m].p50);
				ratio(r99, sizeof(r99), p->p99, base->m[m].p99);
				if (mr->harness || base->harness) {
					starred(r50, sizeof(r50));
					starred(r99, sizeof(r99));
				}
			}
			if (m == 0)
				fprintf(fp, "%-17s %5zu %6zu  ", mr->name,
					mr->rows.n, mr->failed);
			else
				fprintf(fp, "%-17s %5s %6s  ", "", "", "");
			fprintf(fp, "%-31s %8s %8s %8s %8s %5zu %7s %7s\n",
				metric_label[m], c[0], c[1], c[2], c[3], p->n,
				r50, r99);
		}
	}
	for (i = 0; i < b->nunavail; i++)
		if (mode_kind(b->unavail[i][0]) == kind)
			fprintf(fp, "%-17s not available yet: %s\n",
				b->unavail[i][0], b->unavail[i][1]);
	print_harness(fp, b, kind);
	print_breakdown(fp, b, kind);
	for (i = 0; i < b->nmodes; i++)
		if (b->mode[i].kv.present &&
		    mode_kind(b->mode[i].name) == kind)
			print_kview(fp, &b->mode[i]);
}

/* One side of a scenario: "10/10 ok, EAP 9/roam, 90 Access-Requests". */
static void eap_side(char *out, size_t len, const struct bench *b,
		     const char *impl, const char *scen,
		     const struct mode_result **mrp)
{
	const struct mode_result *mr;
	const char *why;
	char name[48], ar[48];

	snprintf(name, sizeof(name), "%s-eap-%s", impl, scen);
	*mrp = mr = find_mode(b, name);
	if (!mr) {
		why = find_unavail(b, name);
		snprintf(out, len, "%s: not available yet: %s", impl,
			 why ? why : "not run");
		return;
	}
	if (mr->access_requests >= 0 && mr->rows.n)
		snprintf(ar, sizeof(ar), "%ld (%.1f per roam)",
			 mr->access_requests,
			 (double)mr->access_requests / (double)mr->rows.n);
	else if (mr->access_requests >= 0)
		snprintf(ar, sizeof(ar), "%ld", mr->access_requests);
	else
		snprintf(ar, sizeof(ar), "?");
	if (mr->eap.n)
		snprintf(out, len,
			 "%s: %zu/%zu ok%s, EAP packets per roam %" PRId64
			 ", Access-Requests %s", impl,
			 mr->rows.n - mr->failed - mr->harness, mr->rows.n,
			 mr->harness ? " (*)" : "", mr->eap.p50, ar);
	else
		snprintf(out, len, "%s: %zu/%zu ok%s, Access-Requests %s",
			 impl, mr->rows.n - mr->failed - mr->harness,
			 mr->rows.n, mr->harness ? " (*)" : "", ar);
}

/* The 802.1X scenarios side by side: one row per scenario and metric. */
static void print_eap(FILE *fp, const struct bench *b)
{
	static const int metric[] = { M_PORT, M_GAP };
	const struct mode_result *h, *f;
	char c[6][24], side[2][240], name[48];
	int i, k, any = 0;
	size_t j;

	for (i = 0; i < EAP_SCENARIOS; i++)
		for (k = 0; k < 2; k++) {
			snprintf(name, sizeof(name), "%s-eap-%s",
				 k ? "fsr" : "hostapd", eap_scenario[i]);
			if (find_mode(b, name) || find_unavail(b, name))
				any = 1;
		}
	if (!any)
		return;
	fprintf(fp, "\n802.1X roams: EAP-PEAP/MSCHAPv2, FreeRADIUS on loopback, %s roams per scenario (ms)\n",
		meta_or(b, "eap_roams", "?"));
	fprintf(fp, "%-9s %-31s %8s %8s %8s %8s %8s %8s\n", "scenario",
		"metric", "hap p50", "hap p99", "fsr p50", "fsr p99",
		"fsr/hap", "fsr/hap");
	fprintf(fp, "%-9s %-31s %8s %8s %8s %8s %8s %8s\n", "", "", "", "",
		"", "", "p50", "p99");
	for (i = 0; i < EAP_SCENARIOS; i++) {
		eap_side(side[0], sizeof(side[0]), b, "hostapd",
			 eap_scenario[i], &h);
		eap_side(side[1], sizeof(side[1]), b, "fsr", eap_scenario[i],
			 &f);
		snprintf(name, sizeof(name), "hostapd-eap-%s", eap_scenario[i]);
		if (!h && !f && !find_unavail(b, name)) {
			snprintf(name, sizeof(name), "fsr-eap-%s",
				 eap_scenario[i]);
			if (!find_unavail(b, name))
				continue;	/* not run at all */
		}
		for (j = 0; j < sizeof(metric) / sizeof(metric[0]); j++) {
			const struct pstats *ph = h ? &h->m[metric[j]] : NULL;
			const struct pstats *pf = f ? &f->m[metric[j]] : NULL;
			static const struct pstats none;

			if (!ph)
				ph = &none;
			if (!pf)
				pf = &none;
			ms(c[0], sizeof(c[0]), ph, ph->p50);
			ms(c[1], sizeof(c[1]), ph, ph->p99);
			ms(c[2], sizeof(c[2]), pf, pf->p50);
			ms(c[3], sizeof(c[3]), pf, pf->p99);
			snprintf(c[4], sizeof(c[4]), "-");
			snprintf(c[5], sizeof(c[5]), "-");
			if (ph->n && pf->n) {
				ratio(c[4], sizeof(c[4]), pf->p50, ph->p50);
				ratio(c[5], sizeof(c[5]), pf->p99, ph->p99);
				if (h->harness || f->harness) {
					starred(c[4], sizeof(c[4]));
					starred(c[5], sizeof(c[5]));
				}
			}
			fprintf(fp, "%-9s %-31s %8s %8s %8s %8s %8s %8s\n",
				j ? "" : eap_label[i],
				metric[j] == M_PORT ? "roam: 1st Auth -> port open" :
						      metric_label[metric[j]],
				c[0], c[1], c[2], c[3], c[4], c[5]);
		}
		fprintf(fp, "%-9s %s\n%-9s %s\n", "", side[0], "", side[1]);
	}
	fputs("port open: EAPOL-Key 4/4 (full-eap, pmksa, okc), Reassociation Response (ft-eap)\n",
	      fp);
}

void bench_print_table(FILE *fp, const struct bench *b)
{
	int i, kinds[MODE_KINDS] = { 0 };

	for (i = 0; i < b->nmodes; i++)
		kinds[mode_kind(b->mode[i].name)] = 1;
	for (i = 0; i < b->nunavail; i++)
		kinds[mode_kind(b->unavail[i][0])] = 1;
	fprintf(fp, "roam benchmark: %s roams per mode, load %s, %s emulation\n",
		meta_or(b, "roams", "?"),
		b->load ? "ON (stress-ng on every guest CPU)" : "off",
		meta_or(b, "emulation", "TCG"));
	fprintf(fp, "kernel %s, hostapd %s, wpa_supplicant %s\n",
		meta_or(b, "kernel", "?"), meta_or(b, "hostapd", "?"),
		meta_or(b, "wpa_supplicant", "?"));
	fputs("times in ms (emulated: compare modes within one run, as ratios)\n\n",
	      fp);
	if (kinds[MODE_PSK] || (!kinds[MODE_EAP] && !kinds[MODE_STORM]))
		print_modes(fp, b, MODE_PSK);
	if (kinds[MODE_EAP]) {
		print_eap(fp, b);
		fputs("\n802.1X modes in detail (ratios against hostapd in the same scenario):\n",
		      fp);
		print_modes(fp, b, MODE_EAP);
	}
	if (kinds[MODE_STORM]) {
		fprintf(fp, "\nroam storm: %s clients roam at the same moment, %s rounds back and forth (FT-PSK, each client pings every 20 ms: the data gap row has that resolution; ratios against storm-hostapd)\n",
			meta_or(b, "storm", "?"), meta_or(b, "storm_rounds", "?"));
		print_modes(fp, b, MODE_STORM);
	}
	for (i = 0; i < b->nmodes; i++) {
		const struct mode_result *mr = &b->mode[i];
		size_t j;

		for (j = 0; j < mr->rows.n; j++)
			if (!mr->rows.r[j].ok)
				fprintf(fp, "%s roam %d to %s %s: %s\n",
					mr->name, mr->rows.r[j].index,
					mr->rows.r[j].target,
					mr->rows.r[j].harness ?
					"not started (harness)" : "failed",
					mr->rows.r[j].reason);
	}
}
