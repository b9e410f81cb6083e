// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>

#include "stats.h"

static int cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int64_t percentile_sorted(const int64_t *v, size_t n, unsigned int p)
{
	size_t rank = (p * n + 99) / 100;	/* ceil(p * n / 100) */

	if (rank < 1)
		rank = 1;
	return v[rank - 1];
}

void pstats_compute(int64_t *v, size_t n, struct pstats *out)
{
	out->n = n;
	out->p50 = out->p90 = out->p99 = out->max = 0;
	if (!n)
		return;
	qsort(v, n, sizeof(*v), cmp64);
	out->p50 = percentile_sorted(v, n, 50);
	out->p90 = percentile_sorted(v, n, 90);
	out->p99 = percentile_sorted(v, n, 99);
	out->max = v[n - 1];
}
