/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsr.ko's service-time histograms (FSR_A_HIST_*, FSR_HIST_BUCKETS log2
 * buckets of nanoseconds, see uapi/linux/fsr.h): bounds, quantile
 * estimates and output. Pure.
 */
#ifndef FSRCTL_HIST_H
#define FSRCTL_HIST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <json-c/json.h>
#include <linux/fsr.h>

/* Bucket i covers [hist_lo_ns(i), hist_hi_ns(i)); the last is unbounded
 * (hist_hi_ns = UINT64_MAX). */
uint64_t hist_lo_ns(unsigned int i);
uint64_t hist_hi_ns(unsigned int i);
uint64_t hist_count(const uint64_t b[FSR_HIST_BUCKETS]);

/*
 * Estimate the q-quantile (0 < q <= 1) by linear interpolation inside the
 * bucket holding it. false when the histogram is empty. *open_end is set
 * when that bucket is the unbounded last one: *ns is then its lower bound.
 */
bool hist_quantile(const uint64_t b[FSR_HIST_BUCKETS], double q,
		   uint64_t *ns, bool *open_end);

/* "850ns", "3.1us", "2.05ms", "1.20s" */
void fmt_duration(uint64_t ns, char *buf, size_t size);

/* {"count":N,"p50_ns":X|null,"p99_ns":Y|null,"buckets":[FSR_HIST_BUCKETS]} */
struct json_object *hist_json(const uint64_t b[FSR_HIST_BUCKETS]);

/*
 * Two lines after indent:
 *	NAME  count N  p50 ~3.1us  p99 ~9.8us
 *	      buckets 2.0us-4.1us:5 4.1us-8.2us:7   (non-empty ones)
 * or "NAME  count 0".
 */
void hist_text(FILE *f, const char *indent, const char *name,
	       const uint64_t b[FSR_HIST_BUCKETS]);

#endif
