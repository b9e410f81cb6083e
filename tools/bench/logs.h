/* SPDX-License-Identifier: GPL-2.0 */
/* The text files the guest side writes next to the capture. */
#ifndef BENCH_LOGS_H
#define BENCH_LOGS_H

#include <stddef.h>
#include <stdint.h>

/*
 * One line of roams.log: "index target command_us done_us STATUS reason",
 * STATUS ok, fail (the roam was tried and did not complete) or harness
 * (the client never tried: it refused the roam command or did not know
 * the target; not the AP's failure).
 */
struct drv_roam {
	int index;
	uint8_t target[6];
	int64_t t_cmd, t_done;
	int ok;
	int harness;
	char reason[160];
};

struct drv_list {
	struct drv_roam *r;
	size_t n, cap;
};

/* Each returns 0, or -1 with a message in err. */
int drv_load(const char *path, struct drv_list *out, char *err, size_t errlen);
void drv_free(struct drv_list *l);

/*
 * Reply times (microseconds) from "ping -D" output: the lines
 * "[SECONDS.MICROS] N bytes from ...: icmp_seq=...", in file order.
 */
struct ping_list {
	int64_t *t;
	size_t n, cap;
};

int ping_load(const char *path, struct ping_list *out, char *err,
	      size_t errlen);
void ping_free(struct ping_list *l);
/*
 * The longest interval between consecutive replies that overlaps
 * [from, to]; INT64_MIN if no reply follows from.
 */
int64_t ping_gap(const struct ping_list *l, int64_t from, int64_t to);

/* Replace commas and control characters so s fits one CSV field. */
void csv_clean(char *s);

#endif
