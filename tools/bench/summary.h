/* SPDX-License-Identifier: GPL-2.0 */
/* summary.json and the stdout table, from the per-mode rows. */
#ifndef BENCH_SUMMARY_H
#define BENCH_SUMMARY_H

#include <stdio.h>

#include "kview.h"
#include "rows.h"
#include "stats.h"

#define MAX_MODES 16
#define MAX_META 32
#define KV_LEN 200

struct mode_result {
	char name[32];
	struct row_list rows;
	size_t failed;			/* roams the AP side failed */
	size_t harness;			/* roams the client never started */
	struct pstats m[M_COUNT];	/* over the roams that succeeded */
	struct pstats eap;		/* EAP packets per successful roam */
	long access_requests;		/* FreeRADIUS, during the roams; -1 */
	struct kview kv;		/* fsr.ko's counters, if collected */
};

/*
 * The 802.1X scenarios: modes "hostapd-eap-SCEN" and "fsr-eap-SCEN",
 * compared with each other (not with the FT-PSK "hostapd" mode).
 */
#define EAP_SCENARIOS 4
extern const char *const eap_scenario[EAP_SCENARIOS];

struct bench {
	int load;
	struct mode_result mode[MAX_MODES];
	int nmodes;
	char unavail[MAX_MODES][2][KV_LEN];	/* name, reason */
	int nunavail;
	char meta[MAX_META][2][KV_LEN];	/* key, value (from in-vm.sh) */
	int nmeta;
};

/* Fill failed, harness and the percentiles of mr from its rows (access_requests
 * is left alone). Returns 0 or -1. */
int mode_compute(struct mode_result *mr);
/* key=value lines; unavailable: "name<TAB>reason" lines. 0 or -1. */
int bench_read_meta(struct bench *b, const char *path);
int bench_read_unavailable(struct bench *b, const char *path);
const char *bench_meta(const struct bench *b, const char *key);
/* 1 if name is an 802.1X mode (IMPL-eap-SCEN). */
int mode_is_eap(const char *name);
/* 1 if name is a roam storm mode (storm-IMPL: make bench STORM=N). */
int mode_is_storm(const char *name);
/* The tables of the report. */
enum { MODE_PSK, MODE_EAP, MODE_STORM, MODE_KINDS };
void bench_write_json(FILE *fp, const struct bench *b);
void bench_print_table(FILE *fp, const struct bench *b);

#endif
