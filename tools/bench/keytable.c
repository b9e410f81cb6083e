// SPDX-License-Identifier: GPL-2.0
/*
 * roamstat keys: the scale run's table and keys.json (keydist.h).
 *
 *   roamstat keys -o keys.json [-c samples.csv] NAME=DIR...
 *
 * Each DIR (one implementation, tools/bench/scale-lib.sh) holds
 * air.pcap, ds.pcap, aps, rounds.log and sta (the client's address).
 */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "keydist.h"
#include "stats.h"

#define KT_MAX 4

struct kt_impl {
	char name[32];
	struct kd_aps aps;
	struct kd_result r;
	size_t n_rounds;
	struct pstats first, nb, nb_last, all_last;
};

static int read_sta(const char *dir, uint8_t sta[6], char *err,
		    size_t errlen)
{
	char path[4096], line[64];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/sta", dir);
	fp = fopen(path, "r");
	if (!fp || !fgets(line, sizeof(line), fp) ||
	    mac_parse(strtok(line, " \n"), sta) < 0) {
		snprintf(err, errlen, "%s: expected the client's MAC address",
			 path);
		if (fp)
			fclose(fp);
		return -1;
	}
	fclose(fp);
	return 0;
}

static int load_impl(struct kt_impl *m, const char *dir, char *err,
		     size_t errlen)
{
	struct kd_wirecap wire = { 0 };
	struct kd_round *rounds = NULL;
	struct capture air = { 0 };
	char path[4096];
	uint8_t sta[6];
	int rc = -1;

	snprintf(path, sizeof(path), "%s/aps", dir);
	if (kd_aps_load(path, &m->aps, err, errlen) < 0)
		return -1;
	if (read_sta(dir, sta, err, errlen) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/rounds.log", dir);
	if (kd_rounds_load(path, &rounds, &m->n_rounds, err, errlen) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/air.pcap", dir);
	if (capture_load(path, &air, err, errlen) < 0)
		goto out;
	snprintf(path, sizeof(path), "%s/ds.pcap", dir);
	if (kd_wire_load(path, &wire, err, errlen) < 0)
		goto out;
	if (kd_compute(&air, &wire, &m->aps, rounds, m->n_rounds, sta,
		       &m->r) < 0) {
		snprintf(err, errlen, "%s: out of memory", dir);
		goto out;
	}
	pstats_compute(m->r.first, m->r.n_first, &m->first);
	pstats_compute(m->r.nb, m->r.n_nb, &m->nb);
	pstats_compute(m->r.nb_last, m->r.n_nb_last, &m->nb_last);
	pstats_compute(m->r.all_last, m->r.n_all_last, &m->all_last);
	rc = 0;
out:
	capture_free(&air);
	kd_wire_free(&wire);
	free(rounds);
	return rc;
}

static size_t count_role(const struct kd_aps *a, enum kd_role role)
{
	size_t i, n = 0;

	for (i = 0; i < a->n; i++)
		n += a->ap[i].role == role;
	return n;
}

/* frames (or bytes) per measured association: the R0KH's, the others' */
static double per_assoc(const struct kt_impl *m, int bytes, int r0kh)
{
	uint64_t sum = 0;
	size_t i;

	if (!m->r.rounds)
		return 0;
	for (i = 0; i < m->aps.n; i++)
		if ((i == m->aps.r0kh) == !!r0kh)
			sum += bytes ? m->r.bytes[i] : m->r.frames[i];
	return (double)sum / (double)m->r.rounds;
}

static void ms_cell(char *out, size_t len, const struct pstats *p,
		    int64_t v)
{
	if (!p->n)
		snprintf(out, len, "-");
	else
		snprintf(out, len, "%.2f", (double)v / 1000.0);
}

static void print_table(const struct kt_impl *m, size_t n)
{
	char c[8][16];
	size_t i;

	printf("Key distribution: %zu APs in one mobility domain, the client's initial\n"
	       "association at the R0KH %s (%zu neighbours), 4/4 -> the PMK-R1's PUSH\n"
	       "reaching each AP on the distribution system, ms\n\n",
	       m[0].aps.n, m[0].aps.ap[m[0].aps.r0kh].name,
	       count_role(&m[0].aps, KD_NEIGHBOUR));
	printf("%-9s %6s %6s  %-13s %-13s %-13s %-13s %6s %6s %7s %6s\n",
	       "", "assocs", "pushed", "first PUSH", "at a neighb.",
	       "every neighb.", "every AP", "frames", "frames", "bytes",
	       "missed");
	printf("%-9s %6s %6s  %-6s %-6s %-6s %-6s %-6s %-6s %-6s %-6s %6s %6s %7s %6s\n",
	       "impl", "", "to", "p50", "p99", "p50", "p99", "p50", "p99",
	       "p50", "p99", "R0KH", "others", "all", "");
	for (i = 0; i < n; i++) {
		const struct kt_impl *x = &m[i];
		char assocs[16], pushed[16];

		ms_cell(c[0], sizeof(c[0]), &x->first, x->first.p50);
		ms_cell(c[1], sizeof(c[1]), &x->first, x->first.p99);
		ms_cell(c[2], sizeof(c[2]), &x->nb, x->nb.p50);
		ms_cell(c[3], sizeof(c[3]), &x->nb, x->nb.p99);
		ms_cell(c[4], sizeof(c[4]), &x->nb_last, x->nb_last.p50);
		ms_cell(c[5], sizeof(c[5]), &x->nb_last, x->nb_last.p99);
		ms_cell(c[6], sizeof(c[6]), &x->all_last, x->all_last.p50);
		ms_cell(c[7], sizeof(c[7]), &x->all_last, x->all_last.p99);
		snprintf(assocs, sizeof(assocs), "%zu/%zu", x->r.rounds,
			 x->r.rounds + x->r.rounds_failed);
		snprintf(pushed, sizeof(pushed), "%.1f", x->r.rounds ?
			 (double)x->r.pushed_to_sum / (double)x->r.rounds : 0);
		printf("%-9s %6s %6s  %-6s %-6s %-6s %-6s %-6s %-6s %-6s %-6s %6.1f %6.1f %7.0f %6zu\n",
		       x->name, assocs, pushed, c[0], c[1], c[2], c[3], c[4],
		       c[5], c[6], c[7], per_assoc(x, 0, 1), per_assoc(x, 0, 0),
		       per_assoc(x, 1, 1) + per_assoc(x, 1, 0),
		       x->r.nb_missed);
	}
	printf("\n\"first PUSH\": 4/4 -> the R0KH's first PUSH, to any AP; \"pushed to\": APs sent\n"
	       "the key per association; frames and bytes per\n"
	       "association (R0KH/R1KH and FT-over-DS frames); \"missed\": (association,\n"
	       "neighbour) pairs without a PUSH, which then PULL at the first roam.\n");
}

static struct json_object *jstats(const struct pstats *p)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "n", json_object_new_int64((int64_t)p->n));
	if (p->n) {
		json_object_object_add(o, "p50_us", json_object_new_int64(p->p50));
		json_object_object_add(o, "p99_us", json_object_new_int64(p->p99));
		json_object_object_add(o, "max_us", json_object_new_int64(p->max));
	}
	return o;
}

static const char *role_name(enum kd_role r)
{
	return r == KD_R0KH ? "r0kh" : r == KD_NEIGHBOUR ? "neighbour" :
	       "other";
}

static struct json_object *jimpl(const struct kt_impl *m)
{
	struct json_object *o = json_object_new_object();
	struct json_object *aps = json_object_new_array();
	size_t i;

#define I(k, v) json_object_object_add(o, k, json_object_new_int64((int64_t)(v)))
	I("rounds", m->r.rounds);
	I("rounds_failed", m->r.rounds_failed);
	I("neighbours", count_role(&m->aps, KD_NEIGHBOUR));
	I("pushed_to_max", m->r.pushed_to_max);
	I("neighbour_pushes_missed", m->r.nb_missed);
	I("frames_warmup", m->r.frames_warmup);
	I("frames_unknown_sender", m->r.frames_unknown);
#undef I
	json_object_object_add(o, "pushed_to_per_assoc", json_object_new_double(
		m->r.rounds ? (double)m->r.pushed_to_sum / (double)m->r.rounds : 0));
	json_object_object_add(o, "first_push", jstats(&m->first));
	json_object_object_add(o, "at_a_neighbour", jstats(&m->nb));
	json_object_object_add(o, "at_every_neighbour", jstats(&m->nb_last));
	json_object_object_add(o, "at_every_ap_pushed", jstats(&m->all_last));
	json_object_object_add(o, "frames_per_assoc_r0kh",
			       json_object_new_double(per_assoc(m, 0, 1)));
	json_object_object_add(o, "frames_per_assoc_others",
			       json_object_new_double(per_assoc(m, 0, 0)));
	json_object_object_add(o, "bytes_per_assoc", json_object_new_double(
		per_assoc(m, 1, 1) + per_assoc(m, 1, 0)));
	for (i = 0; i < m->aps.n; i++) {
		struct json_object *a = json_object_new_object();
		char mac[18];

		mac_fmt(m->aps.ap[i].mac, mac);
		json_object_object_add(a, "name", json_object_new_string(m->aps.ap[i].name));
		json_object_object_add(a, "mac", json_object_new_string(mac));
		json_object_object_add(a, "role", json_object_new_string(role_name(m->aps.ap[i].role)));
		json_object_object_add(a, "frames", json_object_new_int64((int64_t)m->r.frames[i]));
		json_object_object_add(a, "bytes", json_object_new_int64((int64_t)m->r.bytes[i]));
		json_object_array_add(aps, a);
	}
	json_object_object_add(o, "aps", aps);
	return o;
}

static void write_samples(FILE *fp, const struct kt_impl *m, size_t n)
{
	size_t i, j;

	fprintf(fp, "impl,kind,us\n");
	for (i = 0; i < n; i++) {
		for (j = 0; j < m[i].r.n_nb; j++)
			fprintf(fp, "%s,neighbour,%lld\n", m[i].name,
				(long long)m[i].r.nb[j]);
		for (j = 0; j < m[i].r.n_nb_last; j++)
			fprintf(fp, "%s,every_neighbour,%lld\n", m[i].name,
				(long long)m[i].r.nb_last[j]);
		for (j = 0; j < m[i].r.n_first; j++)
			fprintf(fp, "%s,first,%lld\n", m[i].name,
				(long long)m[i].r.first[j]);
		for (j = 0; j < m[i].r.n_all_last; j++)
			fprintf(fp, "%s,every_ap,%lld\n", m[i].name,
				(long long)m[i].r.all_last[j]);
	}
}

int kt_main(int argc, char **argv)
{
	const char *out = NULL, *csv = NULL;
	struct json_object *root, *impls;
	struct kt_impl *m;
	size_t n = 0, i;
	char err[8192];
	int opt, rc = 1;

	while ((opt = getopt(argc, argv, "o:c:")) != -1) {
		switch (opt) {
		case 'o':
			out = optarg;
			break;
		case 'c':
			csv = optarg;
			break;
		default:
			return 2;
		}
	}
	if (!out || optind == argc || argc - optind > KT_MAX)
		return 2;
	m = calloc(KT_MAX, sizeof(*m));
	if (!m)
		return 1;
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		char *eq = strchr(argv[i], '=');

		if (!eq || eq == argv[i] ||
		    (size_t)(eq - argv[i]) >= sizeof(m[n].name)) {
			fprintf(stderr, "roamstat: want NAME=DIR, not %s\n",
				argv[i]);
			goto done;
		}
		memcpy(m[n].name, argv[i], (size_t)(eq - argv[i]));
		if (load_impl(&m[n], eq + 1, err, sizeof(err)) < 0) {
			fprintf(stderr, "roamstat: %s\n", err);
			goto done;
		}
		n++;
	}
	print_table(m, n);
	root = json_object_new_object();
	impls = json_object_new_object();
	json_object_object_add(root, "aps", json_object_new_int64((int64_t)m[0].aps.n));
	for (i = 0; i < n; i++)
		json_object_object_add(impls, m[i].name, jimpl(&m[i]));
	json_object_object_add(root, "impls", impls);
	rc = json_object_to_file_ext(out, root, JSON_C_TO_STRING_PRETTY) ? 1 : 0;
	if (rc)
		fprintf(stderr, "roamstat: cannot write %s\n", out);
	json_object_put(root);
	if (!rc && csv) {
		FILE *fp = fopen(csv, "w");

		if (!fp) {
			fprintf(stderr, "roamstat: cannot write %s\n", csv);
			rc = 1;
		} else {
			write_samples(fp, m, n);
			rc = fclose(fp) ? 1 : 0;
		}
	}
done:
	for (i = 0; i < KT_MAX; i++)
		kd_result_free(&m[i].r);
	free(m);
	return rc;
}
