/* SPDX-License-Identifier: GPL-2.0 */
/* Per-roam result rows: built from the capture and logs, kept as CSV. */
#ifndef BENCH_ROWS_H
#define BENCH_ROWS_H

#include <stdio.h>

#include "logs.h"
#include "roam.h"

struct row {
	int index;		/* 1.. */
	char target[18];
	int ok;
	int harness;		/* failed before the AP saw anything: the
				 * client never started the roam */
	char reason[160];	/* "" when ok */
	int auth_tx, reassoc_tx;
	int eap_frames;		/* EAP packets in the new BSS */
	int64_t v[M_COUNT];	/* NO_VALUE when unknown */
};

struct row_list {
	struct row *r;
	size_t n;
};

/* Slack when matching a capture roam to the roam command's window. */
#define MATCH_BEFORE_US 100000
#define MATCH_AFTER_US 1000000

/*
 * One row per roam command in drv (or, if drv is NULL, per roam found in
 * the capture). A roam is ok only if the driver and the capture both say
 * so. The data gap comes from ping (if not NULL) over the command's window
 * [command, done] (or the capture roam's [start, end]). Returns 0 or -1.
 */
int rows_build(const struct roam_list *cap, const struct drv_list *drv,
	       const struct ping_list *ping, struct row_list *out);
void rows_write_csv(FILE *fp, const struct row_list *l);
/* Returns 0, or -1 with a message in err. */
int rows_read_csv(const char *path, struct row_list *out, char *err,
		  size_t errlen);
void rows_free(struct row_list *l);

#endif
