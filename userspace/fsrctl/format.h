/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Output of decoded records, as text or as JSON (json-c). Pure: the only
 * side effect is writing to the given stream. docs/fsrctl.8 documents every
 * format; keep both in step.
 */
#ifndef FSRCTL_FORMAT_H
#define FSRCTL_FORMAT_H

#include <stddef.h>
#include <stdio.h>

#include <json-c/json.h>

#include "fsr_rec.h"

/* An R0KH-ID, printable bytes as they are, others as \xNN, '\' as \\. */
#define FMT_R0KH_MAX (4 * FSR_R0KH_ID_MAX_LEN + 1)
void fmt_r0kh(const uint8_t *id, size_t len, char out[FMT_R0KH_MAX]);

void fmt_info_text(FILE *f, const struct fsr_rec *r);
void fmt_bss_text(FILE *f, const struct fsr_rec *v, size_t n);
void fmt_stats_text(FILE *f, const struct fsr_rec *v, size_t n);
void fmt_pmk_text(FILE *f, const struct fsr_rec *v, size_t n);
void fmt_event_text(FILE *f, const struct fsr_rec *r);
void fmt_flush_text(FILE *f, const struct fsr_rec *r);

struct json_object *fmt_info_json(const struct fsr_rec *r);
struct json_object *fmt_bss_json(const struct fsr_rec *v, size_t n);
struct json_object *fmt_stats_json(const struct fsr_rec *v, size_t n);
struct json_object *fmt_pmk_json(const struct fsr_rec *v, size_t n);
struct json_object *fmt_event_json(const struct fsr_rec *r);
struct json_object *fmt_flush_json(const struct fsr_rec *r);

/* Print @o on one line followed by a newline, then release it. */
int fmt_json_print(FILE *f, struct json_object *o);

#endif /* FSRCTL_FORMAT_H */
