// SPDX-License-Identifier: GPL-2.0-only
#include <inttypes.h>

#include "hist.h"

uint64_t hist_lo_ns(unsigned int i)
{
	return i == 0 ? 0 : 1ULL << (FSR_HIST_SHIFT + i);
}

uint64_t hist_hi_ns(unsigned int i)
{
	if (i >= FSR_HIST_BUCKETS - 1)
		return UINT64_MAX;
	return 1ULL << (FSR_HIST_SHIFT + i + 1);
}

uint64_t hist_count(const uint64_t b[FSR_HIST_BUCKETS])
{
	uint64_t n = 0;
	unsigned int i;

	for (i = 0; i < FSR_HIST_BUCKETS; i++)
		n += b[i];
	return n;
}

bool hist_quantile(const uint64_t b[FSR_HIST_BUCKETS], double q,
		   uint64_t *ns, bool *open_end)
{
	uint64_t n = hist_count(b), rank, cum = 0;
	unsigned int i;

	*open_end = false;
	*ns = 0;
	if (!n || q <= 0)
		return false;
	if (q > 1)
		q = 1;
	/* the rank-th smallest sample, 1-based */
	rank = (uint64_t)(q * (double)n);
	if ((double)rank < q * (double)n)
		rank++;
	if (rank < 1)
		rank = 1;
	for (i = 0; i < FSR_HIST_BUCKETS; i++) {
		if (cum + b[i] >= rank)
			break;
		cum += b[i];
	}
	if (i >= FSR_HIST_BUCKETS - 1) {
		*open_end = true;
		*ns = hist_lo_ns(FSR_HIST_BUCKETS - 1);
		return true;
	}
	*ns = hist_lo_ns(i) + (uint64_t)((double)(hist_hi_ns(i) - hist_lo_ns(i)) *
					 (double)(rank - cum) / (double)b[i]);
	return true;
}

void fmt_duration(uint64_t ns, char *buf, size_t size)
{
	if (ns < 1000)
		snprintf(buf, size, "%" PRIu64 "ns", ns);
	else if (ns < 1000000)
		snprintf(buf, size, "%.1fus", (double)ns / 1e3);
	else if (ns < 1000000000)
		snprintf(buf, size, "%.2fms", (double)ns / 1e6);
	else
		snprintf(buf, size, "%.2fs", (double)ns / 1e9);
}

static struct json_object *quantile_json(const uint64_t *b, double q)
{
	uint64_t ns;
	bool open;

	if (!hist_quantile(b, q, &ns, &open))
		return NULL;
	return json_object_new_uint64(ns);
}

struct json_object *hist_json(const uint64_t b[FSR_HIST_BUCKETS])
{
	struct json_object *o = json_object_new_object();
	struct json_object *a = json_object_new_array();
	unsigned int i;

	json_object_object_add(o, "count",
			       json_object_new_uint64(hist_count(b)));
	json_object_object_add(o, "p50_ns", quantile_json(b, 0.5));
	json_object_object_add(o, "p99_ns", quantile_json(b, 0.99));
	for (i = 0; i < FSR_HIST_BUCKETS; i++)
		json_object_array_add(a, json_object_new_uint64(b[i]));
	json_object_object_add(o, "buckets", a);
	return o;
}

static void quantile_text(FILE *f, const uint64_t *b, double q,
			  const char *name)
{
	char d[32];
	uint64_t ns;
	bool open;

	if (!hist_quantile(b, q, &ns, &open))
		return;
	fmt_duration(ns, d, sizeof(d));
	fprintf(f, "  %s %s%s", name, open ? ">=" : "~", d);
}

void hist_text(FILE *f, const char *indent, const char *name,
	       const uint64_t b[FSR_HIST_BUCKETS])
{
	char lo[32], hi[32];
	unsigned int i;

	fprintf(f, "%s%-14s count %" PRIu64, indent, name, hist_count(b));
	quantile_text(f, b, 0.5, "p50");
	quantile_text(f, b, 0.99, "p99");
	fputc('\n', f);
	if (!hist_count(b))
		return;
	fprintf(f, "%s%-14s buckets", indent, "");
	for (i = 0; i < FSR_HIST_BUCKETS; i++) {
		if (!b[i])
			continue;
		fmt_duration(hist_lo_ns(i), lo, sizeof(lo));
		fmt_duration(hist_hi_ns(i), hi, sizeof(hi));
		if (i == 0)
			fprintf(f, " <%s:%" PRIu64, hi, b[i]);
		else if (i == FSR_HIST_BUCKETS - 1)
			fprintf(f, " >=%s:%" PRIu64, lo, b[i]);
		else
			fprintf(f, " %s-%s:%" PRIu64, lo, hi, b[i]);
	}
	fputc('\n', f);
}
