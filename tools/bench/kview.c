// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <json-c/json.h>

#include "hist.h"
#include "kview.h"

static const char *const stage_key[KV_STAGES] = { "hist_auth",
						  "hist_reassoc" };

static void add_hist(struct kview *kv, int stage, struct json_object *h)
{
	struct json_object *b;
	size_t i, n;

	if (!json_object_object_get_ex(h, "buckets", &b) ||
	    !json_object_is_type(b, json_type_array))
		return;
	n = json_object_array_length(b);
	for (i = 0; i < n && i < FSR_HIST_BUCKETS; i++)
		kv->hist[stage][i] +=
			json_object_get_uint64(json_object_array_get_idx(b, i));
	kv->present = true;
}

static void add_counter(struct kview *kv, const char *key,
			struct json_object *v)
{
	static const struct {
		const char *name;
		size_t off;
	} c[] = {
		{ "ft_auth_served", offsetof(struct kview, auth_served) },
		{ "ft_reassoc_served", offsetof(struct kview, reassoc_served) },
		{ "ft_passed", offsetof(struct kview, passed) },
		{ "ft_refused", offsetof(struct kview, refused) },
	};
	size_t i;

	if (!json_object_is_type(v, json_type_int))
		return;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		if (!strcmp(key, c[i].name)) {
			*(uint64_t *)((char *)kv + c[i].off) +=
				json_object_get_uint64(v);
			kv->present = true;
		}
	}
}

/* fsrctl's layout may nest BSSes and counters: walk everything. */
static void walk(struct kview *kv, struct json_object *o)
{
	size_t i;
	int s;

	if (json_object_is_type(o, json_type_array)) {
		for (i = 0; i < json_object_array_length(o); i++)
			walk(kv, json_object_array_get_idx(o, i));
		return;
	}
	if (!json_object_is_type(o, json_type_object))
		return;
	json_object_object_foreach(o, key, val) {
		for (s = 0; s < KV_STAGES; s++)
			if (!strcmp(key, stage_key[s]))
				add_hist(kv, s, val);
		add_counter(kv, key, val);
		walk(kv, val);
	}
}

int kview_read(const char *path, struct kview *kv, char *err, size_t len)
{
	struct json_object *o;

	memset(kv, 0, sizeof(*kv));
	o = json_object_from_file(path);
	if (!o) {
		const char *why = json_util_get_last_err();

		snprintf(err, len, "%s: not JSON (%.*s)", path,
			 why ? (int)strcspn(why, "\n") : 0, why ? why : "");
		return -1;
	}
	walk(kv, o);
	json_object_put(o);
	if (!kv->present) {
		snprintf(err, len, "%s: no fsr.ko counters or histograms", path);
		return -1;
	}
	return 0;
}

bool kview_quantile(const struct kview *kv, int stage, double q,
		    uint64_t *ns)
{
	bool open;

	return hist_quantile(kv->hist[stage], q, ns, &open);
}

uint64_t kview_max(const struct kview *kv, int stage)
{
	int i;

	for (i = FSR_HIST_BUCKETS - 1; i >= 0; i--)
		if (kv->hist[stage][i])
			return i == FSR_HIST_BUCKETS - 1 ?
				hist_lo_ns((unsigned int)i) :
				hist_hi_ns((unsigned int)i);
	return 0;
}

static void json_q(FILE *fp, const struct kview *kv, int s, double q)
{
	uint64_t ns;

	if (kview_quantile(kv, s, q, &ns))
		fprintf(fp, "%" PRIu64, ns);
	else
		fputs("null", fp);
}

void kview_write_json(FILE *fp, const struct kview *kv)
{
	int s;

	fprintf(fp, "{\"ft_auth_served\": %" PRIu64
		", \"ft_reassoc_served\": %" PRIu64 ", \"ft_passed\": %" PRIu64
		", \"ft_refused\": %" PRIu64 ",\n       \"service_ns\": {",
		kv->auth_served, kv->reassoc_served, kv->passed, kv->refused);
	for (s = 0; s < KV_STAGES; s++) {
		fprintf(fp, "%s\"%s\": {\"count\": %" PRIu64 ", \"p50\": ",
			s ? ", " : "", s == KV_AUTH ? "auth" : "reassoc",
			hist_count(kv->hist[s]));
		json_q(fp, kv, s, 0.50);
		fputs(", \"p90\": ", fp);
		json_q(fp, kv, s, 0.90);
		fputs(", \"p99\": ", fp);
		json_q(fp, kv, s, 0.99);
		fprintf(fp, ", \"max\": %" PRIu64 "}", kview_max(kv, s));
	}
	fputs("}}", fp);
}
