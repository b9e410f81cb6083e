/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fsr.ko's own view of a benchmark run: the per-BSS counters and the
 * service-time histograms that `fsrctl -j bss show` printed at the end of
 * the fsr-kernel mode (mode_collect), summed over the BSSes.
 */
#ifndef BENCH_KVIEW_H
#define BENCH_KVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <linux/fsr.h>

enum { KV_AUTH, KV_REASSOC, KV_STAGES };

struct kview {
	bool present;
	uint64_t auth_served, reassoc_served, passed, refused;
	uint64_t hist[KV_STAGES][FSR_HIST_BUCKETS];
};

/* Parse fsrctl's JSON. 0, or -1 with a message in err. */
int kview_read(const char *path, struct kview *kv, char *err, size_t len);

/* Estimated quantile q (0..1] of a stage in ns; false if it is empty. */
bool kview_quantile(const struct kview *kv, int stage, double q,
		    uint64_t *ns);
/* Upper bound of the highest non-empty bucket (0 if empty). */
uint64_t kview_max(const struct kview *kv, int stage);

void kview_write_json(FILE *fp, const struct kview *kv);

#endif
