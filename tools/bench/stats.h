/* SPDX-License-Identifier: GPL-2.0 */
/* Percentiles of a sample (nearest-rank definition). */
#ifndef BENCH_STATS_H
#define BENCH_STATS_H

#include <stddef.h>
#include <stdint.h>

struct pstats {
	size_t n;		/* samples; the rest is meaningful only if n > 0 */
	int64_t p50, p90, p99, max;
};

/*
 * Sorts v in place. The p-th percentile is the smallest sample such that
 * at least p% of the samples are <= it: v[ceil(p/100 * n) - 1].
 */
void pstats_compute(int64_t *v, size_t n, struct pstats *out);
int64_t percentile_sorted(const int64_t *v, size_t n, unsigned int p);

#endif
