// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>

#include "fields.h"
#include "format.h"
#include "fsr_names.h"
#include "hist.h"

static struct json_object *field_json(const struct field *fl)
{
	switch (fl->kind) {
	case FIELD_NUM:
		return json_object_new_uint64(fl->num);
	case FIELD_BOOL:
		return json_object_new_boolean(fl->num ? 1 : 0);
	case FIELD_STR:
	default:
		return json_object_new_string(fl->str);
	}
}

static void add_fields(struct json_object *o, const struct fsr_rec *r)
{
	struct field v[FIELDS_MAX];
	size_t i, n;

	n = fields_of(r, v);
	for (i = 0; i < n; i++)
		json_object_object_add(o, v[i].key, field_json(&v[i]));
}

struct json_object *fmt_info_json(const struct fsr_rec *r)
{
	struct json_object *o = json_object_new_object();

	add_fields(o, r);
	return o;
}

struct json_object *fmt_flush_json(const struct fsr_rec *r)
{
	struct json_object *o = json_object_new_object();

	if (fsr_rec_has(r, FSR_A_PMK_COUNT))
		json_object_object_add(o, "flushed",
				       json_object_new_uint64(r->pmk_count));
	return o;
}

static struct json_object *array_of(const struct fsr_rec *v, size_t n,
				    bool with_stats)
{
	struct json_object *a = json_object_new_array();
	size_t i;
	uint16_t s;

	for (i = 0; i < n; i++) {
		struct json_object *o = json_object_new_object();

		add_fields(o, &v[i]);
		if (with_stats) {
			struct json_object *st = json_object_new_object();

			for (s = 1; s <= FSR_STAT_MAX; s++) {
				if (!fsr_stat_name(s))
					continue;
				json_object_object_add(st, fsr_stat_name(s),
						       json_object_new_uint64(v[i].stats[s]));
			}
			json_object_object_add(o, "stats", st);
			if (fsr_rec_has(&v[i], FSR_A_HIST_AUTH))
				json_object_object_add(o, "hist_auth",
					hist_json(v[i].hist_auth));
			if (fsr_rec_has(&v[i], FSR_A_HIST_REASSOC))
				json_object_object_add(o, "hist_reassoc",
					hist_json(v[i].hist_reassoc));
		}
		json_object_array_add(a, o);
	}
	return a;
}

struct json_object *fmt_bss_json(const struct fsr_rec *v, size_t n)
{
	return array_of(v, n, false);
}

struct json_object *fmt_stats_json(const struct fsr_rec *v, size_t n)
{
	return array_of(v, n, true);
}

struct json_object *fmt_pmk_json(const struct fsr_rec *v, size_t n)
{
	return array_of(v, n, false);
}

struct json_object *fmt_event_json(const struct fsr_rec *r)
{
	struct json_object *o = json_object_new_object();
	char name[32];

	if (fsr_rec_has(r, FSR_A_EVENT))
		event_name(r->event, name, sizeof(name));
	else
		snprintf(name, sizeof(name), "unknown");
	json_object_object_add(o, "event", json_object_new_string(name));
	add_fields(o, r);
	return o;
}
