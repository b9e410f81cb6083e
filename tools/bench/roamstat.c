// SPDX-License-Identifier: GPL-2.0
/*
 * roamstat: the capture analysis of the roam benchmark.
 *
 *   roamstat roams [-s STA] [-r roams.log] [-p ping.log] CAPTURE.pcap
 *       one CSV row per roam on stdout (see docs/benchmark.md)
 *   roamstat summary -o summary.json [-l 0|1] [-m meta] [-u unavailable]
 *                    [-k NAME=fsrctl-bss.json]... [-a NAME=FILE]...
 *                    NAME=ROWS.csv...
 *       summary.json, and the table on stdout; -a: a file holding the
 *       number of Access-Requests FreeRADIUS received during mode NAME
 *   roamstat keys -o keys.json [-c samples.csv] NAME=DIR...
 *       the scale run's key distribution (keytable.c): the table on
 *       stdout
 *
 * Exit status: 0, 1 on bad input, 2 on bad usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"
#include "keydist.h"
#include "logs.h"
#include "roam.h"
#include "rows.h"
#include "summary.h"

static int usage(void)
{
	fputs("usage: roamstat roams [-s STA] [-r roams.log] [-p ping.log] CAPTURE.pcap\n"
	      "       roamstat summary -o FILE [-l 0|1] [-m meta] [-u unavailable]\n"
	      "                [-k NAME=fsrctl-bss.json]... [-a NAME=FILE]...\n"
	      "                NAME=ROWS.csv...\n"
	      "       roamstat keys -o FILE [-c samples.csv] NAME=DIR...\n",
	      stderr);
	return 2;
}

static int cmd_roams(int argc, char **argv)
{
	const char *sta_s = NULL, *drv_path = NULL, *ping_path = NULL;
	struct drv_list drv = { 0 };
	struct ping_list ping = { 0 };
	struct roam_list roams;
	struct row_list rows;
	struct capture cap;
	uint8_t sta[6];
	char err[256];
	int opt, rc = 1;

	while ((opt = getopt(argc, argv, "s:r:p:")) != -1) {
		switch (opt) {
		case 's':
			sta_s = optarg;
			break;
		case 'r':
			drv_path = optarg;
			break;
		case 'p':
			ping_path = optarg;
			break;
		default:
			return usage();
		}
	}
	if (optind != argc - 1)
		return usage();
	if (sta_s && mac_parse(sta_s, sta) < 0) {
		fprintf(stderr, "roamstat: bad station address %s\n", sta_s);
		return 2;
	}
	if (capture_load(argv[optind], &cap, err, sizeof(err)) < 0) {
		fprintf(stderr, "roamstat: %s\n", err);
		return 1;
	}
	if ((drv_path && drv_load(drv_path, &drv, err, sizeof(err)) < 0) ||
	    (ping_path && ping_load(ping_path, &ping, err, sizeof(err)) < 0)) {
		fprintf(stderr, "roamstat: %s\n", err);
		goto out_cap;
	}
	if (roams_find(&cap, sta_s ? sta : NULL, &roams) < 0) {
		fprintf(stderr, "roamstat: out of memory\n");
		goto out_logs;
	}
	if (rows_build(&roams, drv_path ? &drv : NULL,
		       ping_path ? &ping : NULL, &rows) < 0) {
		fprintf(stderr, "roamstat: out of memory\n");
		goto out_roams;
	}
	rows_write_csv(stdout, &rows);
	rc = fflush(stdout) ? 1 : 0;
	rows_free(&rows);
out_roams:
	roams_free(&roams);
out_logs:
	drv_free(&drv);
	ping_free(&ping);
out_cap:
	capture_free(&cap);
	return rc;
}

/* A file holding one whole number; -1 if absent or not a number. */
static long read_count(const char *path)
{
	FILE *fp = fopen(path, "r");
	char line[64], *end;
	long v;

	if (!fp)
		return -1;
	if (!fgets(line, sizeof(line), fp)) {
		fclose(fp);
		return -1;
	}
	fclose(fp);
	line[strcspn(line, "\n")] = 0;
	v = strtol(line, &end, 10);
	return end == line || *end || v < 0 ? -1 : v;
}

static int cmd_summary(int argc, char **argv)
{
	const char *out = NULL, *meta = NULL, *unavail = NULL;
	const char *kfile[MAX_MODES], *afile[MAX_MODES];
	int nkfile = 0, nafile = 0, k;
	struct bench *b;
	char err[256];
	int opt, i, rc = 1;
	FILE *fp;

	b = calloc(1, sizeof(*b));
	if (!b)
		return 1;
	while ((opt = getopt(argc, argv, "o:l:m:u:k:a:")) != -1) {
		switch (opt) {
		case 'o':
			out = optarg;
			break;
		case 'l':
			b->load = atoi(optarg) != 0;
			break;
		case 'm':
			meta = optarg;
			break;
		case 'u':
			unavail = optarg;
			break;
		case 'k':
			if (nkfile >= MAX_MODES) {
				free(b);
				return usage();
			}
			kfile[nkfile++] = optarg;
			break;
		case 'a':
			if (nafile >= MAX_MODES) {
				free(b);
				return usage();
			}
			afile[nafile++] = optarg;
			break;
		default:
			free(b);
			return usage();
		}
	}
	if (!out || argc - optind > MAX_MODES) {
		free(b);
		return usage();
	}
	if ((meta && bench_read_meta(b, meta) < 0) ||
	    (unavail && bench_read_unavailable(b, unavail) < 0)) {
		fprintf(stderr, "roamstat: cannot read %s\n",
			meta ? meta : unavail);
		goto done;
	}
	for (i = optind; i < argc; i++) {
		struct mode_result *mr = &b->mode[b->nmodes];
		char *eq = strchr(argv[i], '=');

		if (!eq || eq == argv[i] || (size_t)(eq - argv[i]) >= sizeof(mr->name)) {
			fprintf(stderr, "roamstat: want NAME=ROWS.csv, not %s\n",
				argv[i]);
			goto done;
		}
		memcpy(mr->name, argv[i], (size_t)(eq - argv[i]));
		mr->access_requests = -1;
		if (rows_read_csv(eq + 1, &mr->rows, err, sizeof(err)) < 0) {
			fprintf(stderr, "roamstat: %s\n", err);
			goto done;
		}
		b->nmodes++;
		if (mode_compute(mr) < 0)
			goto done;
		/* -k NAME=FILE: fsr.ko's counters for that mode */
		for (k = 0; k < nkfile; k++) {
			size_t nl = strlen(mr->name);

			if (strncmp(kfile[k], mr->name, nl) ||
			    kfile[k][nl] != '=')
				continue;
			if (kview_read(kfile[k] + nl + 1, &mr->kv, err,
				       sizeof(err)) < 0)
				fprintf(stderr, "roamstat: %s\n", err);
		}
		/* -a NAME=FILE: FreeRADIUS's Access-Requests for that mode */
		for (k = 0; k < nafile; k++) {
			size_t nl = strlen(mr->name);

			if (strncmp(afile[k], mr->name, nl) ||
			    afile[k][nl] != '=')
				continue;
			mr->access_requests = read_count(afile[k] + nl + 1);
		}
	}
	fp = fopen(out, "w");
	if (!fp) {
		perror(out);
		goto done;
	}
	bench_write_json(fp, b);
	if (fclose(fp)) {
		perror(out);
		goto done;
	}
	bench_print_table(stdout, b);
	rc = 0;
done:
	for (i = 0; i < b->nmodes; i++)
		rows_free(&b->mode[i].rows);
	free(b);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage();
	if (!strcmp(argv[1], "roams"))
		return cmd_roams(argc - 1, argv + 1);
	if (!strcmp(argv[1], "summary"))
		return cmd_summary(argc - 1, argv + 1);
	if (!strcmp(argv[1], "keys")) {
		int rc = kt_main(argc - 1, argv + 1);

		return rc == 2 ? usage() : rc;
	}
	return usage();
}
