/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The present attributes of a record as (key, value) fields in one fixed
 * order, rendered once so that text and JSON output say the same thing.
 */
#ifndef FSRCTL_FIELDS_H
#define FSRCTL_FIELDS_H

#include <stddef.h>
#include <stdint.h>

#include "format.h"

enum field_kind {
	FIELD_STR,
	FIELD_NUM,
	FIELD_BOOL,
};

struct field {
	const char *key;	/* snake_case, as in the JSON output */
	enum field_kind kind;
	uint64_t num;		/* FIELD_NUM, FIELD_BOOL */
	char str[FMT_R0KH_MAX];	/* FIELD_STR */
};

#define FIELDS_MAX 32

/* Fill @out with the fields of @r (never "event" or "stats"); returns n. */
size_t fields_of(const struct fsr_rec *r, struct field out[FIELDS_MAX]);

/* Event and reason names; unknown values become "unknown-N". */
void event_name(uint8_t event, char *buf, size_t size);
void reason_name(uint8_t reason, char *buf, size_t size);
void why_name(uint8_t why, char *buf, size_t size);

#endif /* FSRCTL_FIELDS_H */
