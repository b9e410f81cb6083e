// SPDX-License-Identifier: GPL-2.0-only
#include <inttypes.h>
#include <string.h>

#include "fields.h"
#include "format.h"
#include "fsr_names.h"
#include "fsr_parse.h"
#include "hist.h"

static void field_value(FILE *f, const struct field *fl)
{
	switch (fl->kind) {
	case FIELD_STR:
		fputs(fl->str, f);
		break;
	case FIELD_NUM:
		fprintf(f, "%" PRIu64, fl->num);
		break;
	case FIELD_BOOL:
		fputs(fl->num ? "yes" : "no", f);
		break;
	}
}

/* "KEY VALUE" lines, the key padded to @width, each line after @indent. */
static void field_lines(FILE *f, const struct field *v, size_t n,
			const char *indent, int width)
{
	size_t i;

	for (i = 0; i < n; i++) {
		fprintf(f, "%s%-*s ", indent, width, v[i].key);
		field_value(f, &v[i]);
		fputc('\n', f);
	}
}

void fmt_info_text(FILE *f, const struct fsr_rec *r)
{
	struct field v[FIELDS_MAX];

	field_lines(f, v, fields_of(r, v), "", 11);
}

void fmt_flush_text(FILE *f, const struct fsr_rec *r)
{
	if (fsr_rec_has(r, FSR_A_PMK_COUNT))
		fprintf(f, "flushed %" PRIu32 " entries\n", r->pmk_count);
}

static const char *ifname_or_dash(const struct fsr_rec *r)
{
	return fsr_rec_has(r, FSR_A_IFNAME) ? r->ifname : "-";
}

static void bssid_or_dash(const struct fsr_rec *r, char out[FSR_MAC_STRLEN])
{
	if (fsr_rec_has(r, FSR_A_BSSID))
		fsr_format_mac(r->bssid, out);
	else
		strcpy(out, "-");
}

void fmt_bss_text(FILE *f, const struct fsr_rec *v, size_t n)
{
	char bssid[FSR_MAC_STRLEN];
	size_t i;

	fprintf(f, "%-16s %7s  %s\n", "IFNAME", "IFINDEX", "BSSID");
	for (i = 0; i < n; i++) {
		bssid_or_dash(&v[i], bssid);
		fprintf(f, "%-16s %7" PRIu32 "  %s\n", ifname_or_dash(&v[i]),
			v[i].ifindex, bssid);
	}
}

void fmt_stats_text(FILE *f, const struct fsr_rec *v, size_t n)
{
	char bssid[FSR_MAC_STRLEN];
	size_t i;
	uint16_t s;

	for (i = 0; i < n; i++) {
		if (i)
			fputc('\n', f);
		bssid_or_dash(&v[i], bssid);
		fprintf(f, "%s ifindex %" PRIu32 " bssid %s\n",
			ifname_or_dash(&v[i]), v[i].ifindex, bssid);
		for (s = 1; s <= FSR_STAT_MAX; s++) {
			if (!fsr_stat_name(s))
				continue;
			fprintf(f, "    %-18s %20" PRIu64 "\n", fsr_stat_name(s),
				v[i].stats[s]);
		}
		if (fsr_rec_has(&v[i], FSR_A_HIST_AUTH))
			hist_text(f, "    ", "hist_auth", v[i].hist_auth);
		if (fsr_rec_has(&v[i], FSR_A_HIST_REASSOC))
			hist_text(f, "    ", "hist_reassoc", v[i].hist_reassoc);
	}
}

void fmt_pmk_text(FILE *f, const struct fsr_rec *v, size_t n)
{
	struct field fl[FIELDS_MAX];
	struct field rest[FIELDS_MAX];
	size_t i, j, k, nf;
	const char *sta;
	const char *r1;

	for (i = 0; i < n; i++) {
		sta = "-";
		r1 = "-";
		nf = fields_of(&v[i], fl);
		for (j = 0, k = 0; j < nf; j++) {
			if (!strcmp(fl[j].key, "sta"))
				sta = fl[j].str;
			else if (!strcmp(fl[j].key, "pmk_r1_name"))
				r1 = fl[j].str;
			else
				rest[k++] = fl[j];
		}
		if (i)
			fputc('\n', f);
		fprintf(f, "sta %s pmk_r1_name %s\n", sta, r1);
		field_lines(f, rest, k, "    ", 11);
	}
}

void fmt_event_text(FILE *f, const struct fsr_rec *r)
{
	struct field v[FIELDS_MAX];
	char name[32];
	size_t i, n;

	if (fsr_rec_has(r, FSR_A_EVENT))
		event_name(r->event, name, sizeof(name));
	else
		snprintf(name, sizeof(name), "unknown");
	fputs(name, f);
	n = fields_of(r, v);
	for (i = 0; i < n; i++) {
		fprintf(f, " %s ", v[i].key);
		field_value(f, &v[i]);
	}
	fputc('\n', f);
}
