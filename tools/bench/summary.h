/* SPDX-License-Identifier: GPL-2.0 */
/* summary.json and the stdout table, from the per-mode rows. */
#ifndef BENCH_SUMMARY_H
#define BENCH_SUMMARY_H

#include <stdio.h>

#include "kview.h"
#include "rows.h"
#include "stats.h"

#define MAX_MODES 8
#define MAX_META 32
#define KV_LEN 200

struct mode_result {
	char name[32];
	struct row_list rows;
	size_t failed;
	struct pstats m[M_COUNT];	/* over the roams that succeeded */
	struct kview kv;		/* fsr.ko's counters, if collected */
};

struct bench {
	int load;
	struct mode_result mode[MAX_MODES];
	int nmodes;
	char unavail[MAX_MODES][2][KV_LEN];	/* name, reason */
	int nunavail;
	char meta[MAX_META][2][KV_LEN];	/* key, value (from in-vm.sh) */
	int nmeta;
};

/* Fill failed and the percentiles of mr from its rows. Returns 0 or -1. */
int mode_compute(struct mode_result *mr);
/* key=value lines; unavailable: "name<TAB>reason" lines. 0 or -1. */
int bench_read_meta(struct bench *b, const char *path);
int bench_read_unavailable(struct bench *b, const char *path);
const char *bench_meta(const struct bench *b, const char *key);
void bench_write_json(FILE *fp, const struct bench *b);
void bench_print_table(FILE *fp, const struct bench *b);

#endif
