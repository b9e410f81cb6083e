/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Output of what fsrd's control socket returns (stations, BSSes, trace
 * lines) and of `bss show`, which merges fsrd's view of each BSS with
 * fsr.ko's. Pure: the only side effect is writing to the given stream.
 * docs/fsrctl.8 documents the formats.
 */
#ifndef FSRCTL_VIEW_H
#define FSRCTL_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <json-c/json.h>

#include "fsr_rec.h"

/* The "stations" array of a station_show reply, one block each. */
void fmt_stations_text(FILE *f, struct json_object *stations);

/* One trace object of `monitor --client` as a line. */
void fmt_trace_text(FILE *f, struct json_object *trace);

/* The kernel's view of one BSS record: attached, ft, stats, hist_*. */
struct json_object *kernel_bss_json(const struct fsr_rec *r);

/*
 * Merge: one object per BSS {"ifname","ifindex","bssid","daemon":{...},
 * "kernel":{...}}. k/nk: BSS_GET records (have_kernel false: fsr.ko not
 * available, no "kernel" member); daemon: the "bss" array of fsrd's
 * bss_show reply or NULL (not running). ifname: only that BSS, or NULL.
 * A BSS fsrd runs that fsr.ko has not attached gets
 * "kernel":{"attached":false}. Returns a new array.
 */
struct json_object *bss_merge_json(const struct fsr_rec *k, size_t nk,
				   bool have_kernel,
				   struct json_object *daemon,
				   const char *ifname);

/* The merged array as text blocks. */
void fmt_bss_merged_text(FILE *f, struct json_object *merged);

/* fsrd's pmksa_show reply as a table (STA BSSID PMKID AKM EXPIRES OKC
 * USER), with a line saying so when there is no cache. */
void fmt_pmksa_text(FILE *f, struct json_object *reply);

/* fsrd's auth_show reply: blocks authentications, eap, pmksa, one per
 * RADIUS server ("auth_server NAME (ADDRESS): alive|dead"), das. */
void fmt_auth_text(FILE *f, struct json_object *reply);

#endif
