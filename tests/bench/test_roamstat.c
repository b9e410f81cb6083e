// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the roam benchmark's capture analysis (TAP).
 *
 *   test_roamstat DATA_DIR
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture.h"
#include "dot11.h"
#include "hist.h"
#include "kview.h"
#include "logs.h"
#include "radiotap.h"
#include "roam.h"
#include "rows.h"
#include "stats.h"
#include "summary.h"

static int n_test, n_fail;

static void ok(int cond, const char *fmt, ...)
{
	va_list ap;

	n_test++;
	if (!cond)
		n_fail++;
	printf("%sok %d - ", cond ? "" : "not ", n_test);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void is64(int64_t got, int64_t want, const char *what)
{
	ok(got == want, "%s = %" PRId64 " (want %" PRId64 ")", what, got, want);
}

static const uint8_t STA[6] = { 2, 0, 0, 0, 2, 0 };
static const uint8_t AP1[6] = { 2, 0, 0, 0, 0, 0 };
static const uint8_t AP2[6] = { 2, 0, 0, 0, 1, 0 };

/* ---- hand-built captures ------------------------------------------- */

static void add(struct capture *c, int64_t t, int type, int sub,
		const uint8_t *a1, const uint8_t *a2)
{
	struct frame f;

	memset(&f, 0, sizeof(f));
	f.t_us = t;
	f.type = (uint8_t)type;
	f.subtype = (uint8_t)sub;
	memcpy(f.a1, a1, 6);
	if (a2)
		memcpy(f.a2, a2, 6);
	f.has_seq = type != FT_CTRL;
	capture_add(c, &f);
}

static struct frame *last(struct capture *c)
{
	return &c->f[c->n - 1];
}

static void ack(struct capture *c, int64_t t, const uint8_t *ra)
{
	add(c, t, FT_CTRL, ST_ACK, ra, NULL);
}

/* Data STA->AP (up) or AP->STA, acknowledged unless noack. */
static void data(struct capture *c, int64_t t, const uint8_t *ap, int up,
		 int acked)
{
	add(c, t, FT_DATA, 8, up ? ap : STA, up ? STA : ap);
	last(c)->tods = (uint8_t)up;
	last(c)->fromds = (uint8_t)!up;
	if (acked)
		ack(c, t + 20, up ? STA : ap);
}

static void auth(struct capture *c, int64_t t, int req, const uint8_t *ap,
		 int status, int retry, int acked)
{
	add(c, t, FT_MGMT, ST_AUTH, req ? ap : STA, req ? STA : ap);
	last(c)->auth_alg = AUTH_ALG_FT;
	last(c)->auth_seq = req ? 1 : 2;
	last(c)->status = (uint16_t)status;
	last(c)->has_status = 1;
	last(c)->retry = (uint8_t)retry;
	if (acked)
		ack(c, t + 30, req ? STA : ap);
}

static void reassoc(struct capture *c, int64_t t, int req, const uint8_t *ap,
		    int status, int acked)
{
	add(c, t, FT_MGMT, req ? ST_REASSOC_REQ : ST_REASSOC_RESP,
	    req ? ap : STA, req ? STA : ap);
	last(c)->status = (uint16_t)status;
	last(c)->has_status = !req;
	if (acked)
		ack(c, t + 30, req ? STA : ap);
}

static int find(struct capture *c, struct roam_list *l)
{
	capture_mark_acks(c);
	return roams_find(c, STA, l);
}

static void test_clean_roam(void)
{
	struct capture c = { 0 };
	struct roam_list l;

	data(&c, 1000, AP1, 1, 1);
	data(&c, 2000, AP1, 0, 1);
	data(&c, 3000, AP1, 0, 0);		/* not acked: not counted */
	auth(&c, 10000, 1, AP2, 0, 0, 1);
	data(&c, 10500, AP1, 1, 1);		/* still talking to AP1 */
	auth(&c, 12000, 0, AP2, 0, 0, 1);
	reassoc(&c, 15000, 1, AP2, 0, 1);
	reassoc(&c, 16500, 0, AP2, 0, 1);
	data(&c, 17000, AP2, 1, 0);		/* lost */
	data(&c, 18000, AP2, 0, 1);
	ok(find(&c, &l) == 0 && l.n == 1, "clean roam: one roam found");
	if (l.n == 1) {
		ok(l.r[0].ok && mac_eq(l.r[0].from, AP1) && mac_eq(l.r[0].to, AP2),
		   "clean roam: ok, AP1 -> AP2");
		is64(l.r[0].v[M_AUTH], 2000, "clean roam: auth turnaround");
		is64(l.r[0].v[M_REASSOC], 1500, "clean roam: reassoc turnaround");
		is64(l.r[0].v[M_ROAM], 6500, "clean roam: roam time");
		is64(l.r[0].v[M_FBT], 18000 - 10500, "clean roam: FBT");
	}
	roams_free(&l);
	capture_free(&c);
}

/* Unprotected (EAPOL) or protected (after the PTK) data, acknowledged. */
static void data_prot(struct capture *c, int64_t t, const uint8_t *ap, int up,
		      int prot)
{
	data(c, t, ap, up, 1);
	c->f[c->n - 2].protected_frame = prot;
}

static void open_auth(struct capture *c, int64_t t, int req,
		      const uint8_t *ap)
{
	auth(c, t, req, ap, 0, 0, 1);
	c->f[c->n - 2].auth_alg = AUTH_ALG_OPEN;
}

/* An 802.1X roam: Open System, Reassociation, EAP + 4-way (unprotected
 * EAPOL data), then protected data. The first association is no roam. */
static void test_open_roam(void)
{
	struct capture c = { 0 };
	struct roam_list l;

	open_auth(&c, 100, 1, AP1);		/* first association */
	open_auth(&c, 200, 0, AP1);
	data_prot(&c, 1000, AP1, 1, 1);
	data_prot(&c, 2000, AP1, 0, 1);
	open_auth(&c, 10000, 1, AP2);
	open_auth(&c, 11000, 0, AP2);
	reassoc(&c, 12000, 1, AP2, 0, 1);
	reassoc(&c, 13000, 0, AP2, 0, 1);
	data_prot(&c, 14000, AP2, 0, 0);	/* EAP-Request/Identity */
	data_prot(&c, 15000, AP2, 1, 0);	/* EAP-Response */
	data_prot(&c, 30000, AP2, 0, 0);	/* M1 ... M4 */
	data_prot(&c, 31000, AP2, 1, 0);
	data_prot(&c, 40000, AP2, 0, 1);	/* the port is open */
	ok(find(&c, &l) == 0 && l.n == 1, "open roam: one roam found");
	if (l.n == 1) {
		ok(l.r[0].ok && l.r[0].open && mac_eq(l.r[0].from, AP1) &&
		   mac_eq(l.r[0].to, AP2), "open roam: ok, AP1 -> AP2, open");
		is64(l.r[0].v[M_AUTH], 1000, "open roam: auth turnaround");
		is64(l.r[0].v[M_REASSOC], 1000, "open roam: reassoc turnaround");
		is64(l.r[0].v[M_FBT], 38000,
		     "open roam: FBT up to the first protected data");
		is64(l.r[0].t_end, 40000, "open roam: ends at protected data");
	}
	roams_free(&l);
	capture_free(&c);

	/* an Open System Authentication to the current BSS is no roam */
	memset(&c, 0, sizeof(c));
	open_auth(&c, 100, 1, AP1);
	open_auth(&c, 200, 0, AP1);
	data_prot(&c, 1000, AP1, 1, 1);
	open_auth(&c, 5000, 1, AP1);
	open_auth(&c, 5100, 0, AP1);
	ok(find(&c, &l) == 0 && l.n == 0, "open auth to the current BSS: no roam");
	roams_free(&l);
	capture_free(&c);
}

static void test_retransmitted_request(void)
{
	struct capture c = { 0 };
	struct roam_list l;

	data(&c, 1000, AP1, 1, 1);
	auth(&c, 10000, 1, AP2, 0, 0, 0);	/* lost */
	auth(&c, 11000, 1, AP2, 0, 1, 1);	/* retry, acked */
	auth(&c, 11500, 1, AP2, 0, 1, 1);	/* duplicate */
	auth(&c, 14000, 0, AP2, 0, 0, 1);
	reassoc(&c, 15000, 1, AP2, 0, 0);
	reassoc(&c, 16000, 1, AP2, 0, 0);	/* neither acked: last copy */
	reassoc(&c, 16200, 0, AP2, 0, 1);
	reassoc(&c, 16400, 0, AP2, 0, 1);	/* response copy: ignored */
	data(&c, 17000, AP2, 0, 1);
	ok(find(&c, &l) == 0 && l.n == 1, "retransmissions: still one roam");
	if (l.n == 1) {
		ok(l.r[0].ok, "retransmissions: roam ok");
		is64(l.r[0].auth_tx, 3, "retransmissions: auth requests sent");
		is64(l.r[0].v[M_AUTH], 3000,
		     "retransmissions: auth turnaround from first acked copy");
		is64(l.r[0].v[M_REASSOC], 200,
		     "retransmissions: reassoc turnaround from last copy (none acked)");
		is64(l.r[0].v[M_ROAM], 6200,
		     "retransmissions: roam time from the first copy");
	}
	roams_free(&l);
	capture_free(&c);
}

static void test_missing_response(void)
{
	struct capture c = { 0 };
	struct roam_list l;

	data(&c, 1000, AP1, 1, 1);
	auth(&c, 10000, 1, AP2, 0, 0, 1);
	data(&c, 20000, AP1, 1, 1);
	ok(find(&c, &l) == 0 && l.n == 1, "missing response: one roam");
	if (l.n == 1) {
		ok(!l.r[0].ok, "missing response: failed");
		ok(!strcmp(l.r[0].reason, "no Authentication response"),
		   "missing response: reason '%s'", l.r[0].reason);
		is64(l.r[0].v[M_AUTH], NO_VALUE, "missing response: no turnaround");
	}
	roams_free(&l);
	capture_free(&c);
}

static void test_failed_roams(void)
{
	struct capture c = { 0 };
	struct roam_list l;
	int rc;

	data(&c, 1000, AP1, 1, 1);
	auth(&c, 10000, 1, AP2, 0, 0, 1);
	auth(&c, 11000, 0, AP2, 53, 0, 1);	/* invalid PMKID */
	data(&c, 12000, AP1, 1, 1);
	auth(&c, 20000, 1, AP2, 0, 0, 1);
	auth(&c, 21000, 0, AP2, 0, 0, 1);
	reassoc(&c, 22000, 1, AP2, 0, 1);
	reassoc(&c, 23000, 0, AP2, 30, 1);	/* temporarily rejected */
	auth(&c, 30000, 1, AP2, 0, 0, 1);
	auth(&c, 31000, 0, AP2, 0, 0, 1);
	reassoc(&c, 32000, 1, AP2, 0, 1);
	/* then a roam elsewhere: the previous one is abandoned */
	auth(&c, 40000, 1, AP1, 0, 0, 1);
	rc = find(&c, &l);
	ok(rc == 0 && l.n == 4, "failed roams: four attempts (%zu)", l.n);
	if (l.n == 4) {
		ok(!l.r[0].ok && !strcmp(l.r[0].reason, "Authentication status 53"),
		   "failed roams: auth status ('%s')", l.r[0].reason);
		is64(l.r[0].v[M_AUTH], 1000, "failed roams: auth turnaround kept");
		ok(!l.r[1].ok && !strcmp(l.r[1].reason, "Reassociation status 30"),
		   "failed roams: reassoc status ('%s')", l.r[1].reason);
		ok(!l.r[2].ok && strstr(l.r[2].reason, "no Reassociation Response"),
		   "failed roams: abandoned ('%s')", l.r[2].reason);
		ok(!l.r[3].ok && mac_eq(l.r[3].to, AP1),
		   "failed roams: unfinished at the end ('%s')", l.r[3].reason);
	}
	roams_free(&l);
	capture_free(&c);
}

static void test_rows_merge(void)
{
	struct capture c = { 0 };
	struct roam_list l;
	struct drv_list d = { 0 };
	struct drv_roam r[3];
	struct ping_list p = { 0 };
	int64_t pt[] = { 5000, 15000, 25000, 95000, 105000 };
	struct row_list rows;

	data(&c, 1000, AP1, 1, 1);
	auth(&c, 10000, 1, AP2, 0, 0, 1);
	auth(&c, 12000, 0, AP2, 0, 0, 1);
	reassoc(&c, 15000, 1, AP2, 0, 1);
	reassoc(&c, 16500, 0, AP2, 0, 1);
	data(&c, 18000, AP2, 0, 1);
	find(&c, &l);
	memset(r, 0, sizeof(r));
	r[0].index = 1;
	memcpy(r[0].target, AP2, 6);
	r[0].t_cmd = 9000;
	r[0].t_done = 90000;
	r[0].ok = 1;
	r[1].index = 2;
	memcpy(r[1].target, AP1, 6);
	r[1].t_cmd = 2000000;
	r[1].t_done = 3000000;
	r[1].ok = 1;
	r[2].index = 3;
	memcpy(r[2].target, AP2, 6);
	r[2].t_cmd = 4000000;
	r[2].t_done = 14000000;
	strcpy(r[2].reason, "not COMPLETED on the target within 10 s");
	d.r = r;
	d.n = 3;
	p.t = pt;
	p.n = 5;
	ok(rows_build(&l, &d, &p, &rows) == 0 && rows.n == 3,
	   "rows: one row per roam command");
	if (rows.n == 3) {
		ok(rows.r[0].ok && rows.r[0].v[M_ROAM] == 6500,
		   "rows: command 1 matched to the capture roam");
		is64(rows.r[0].v[M_GAP], 70000, "rows: data gap from ping");
		ok(!rows.r[1].ok && strstr(rows.r[1].reason, "in the capture"),
		   "rows: no roam in the capture -> failed ('%s')",
		   rows.r[1].reason);
		ok(!rows.r[2].ok && strstr(rows.r[2].reason, "not COMPLETED"),
		   "rows: the driver's failure reason is kept");
	}
	rows_free(&rows);
	roams_free(&l);
	capture_free(&c);
}

/* ---- parsers --------------------------------------------------------- */

static void test_radiotap(void)
{
	/*
	 * version 0, len 26, present: TSFT | Flags | ext, one more present
	 * word, 4 bytes of padding (TSFT is 8-aligned), TSFT, Flags, pad.
	 */
	uint8_t h[26] = { 0, 0, 26, 0, 0x03, 0, 0, 0x80, 0, 0, 0, 0,
			  0, 0, 0, 0,
			  0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11,
			  RT_FLAG_FCS, 0 };
	struct rt_info rt;

	ok(rt_parse(h, sizeof(h), &rt) == 0 && rt.hdr_len == 26,
	   "radiotap: header length");
	ok(rt.has_tsft && rt.tsft == 0x1122334455667788ull,
	   "radiotap: TSFT after an extended present word, 8-aligned");
	ok(rt.flags == RT_FLAG_FCS, "radiotap: flags");
	h[2] = 200;
	ok(rt_parse(h, sizeof(h), &rt) < 0, "radiotap: length beyond the packet");
	h[2] = 26;
	h[0] = 1;
	ok(rt_parse(h, sizeof(h), &rt) < 0, "radiotap: version 1 refused");
}

static void test_dot11(void)
{
	/* FT Authentication response, transaction 2, status 53 */
	uint8_t a[30] = { 0xb0, 0x08, 0, 0, 2, 0, 0, 0, 2, 0, 2, 0, 0, 0, 1, 0,
			  2, 0, 0, 0, 1, 0, 0x30, 0x01, 2, 0, 2, 0, 53, 0 };
	uint8_t ackf[10] = { 0xd4, 0, 0, 0, 2, 0, 0, 0, 2, 0 };
	uint8_t qnull[24] = { 0xc8, 0x01 };
	struct frame f;

	ok(dot11_parse(a, sizeof(a), &f) == 0 && f.type == FT_MGMT &&
	   f.subtype == ST_AUTH && f.retry,
	   "dot11: authentication frame, retry bit");
	ok(f.auth_alg == AUTH_ALG_FT && f.auth_seq == 2 && f.status == 53 &&
	   f.seq == 19 && mac_eq(f.a1, STA) && mac_eq(f.a2, AP2),
	   "dot11: auth fields, sequence number, addresses");
	ok(dot11_parse(a, 25, &f) < 0, "dot11: truncated auth body refused");
	ok(dot11_parse(ackf, sizeof(ackf), &f) == 0 && f.type == FT_CTRL &&
	   f.subtype == ST_ACK && mac_eq(f.a1, STA), "dot11: ACK");
	ok(dot11_parse(qnull, sizeof(qnull), &f) == 0 && f.null_data && f.tods,
	   "dot11: QoS Null is not data");
	ok(!f.protected_frame, "dot11: QoS Null not protected");
	qnull[0] = 0x88;		/* QoS Data, ToDS, Protected */
	qnull[1] = 0x41;
	ok(dot11_parse(qnull, sizeof(qnull), &f) == 0 && !f.null_data &&
	   f.protected_frame, "dot11: Protected Frame bit");
}

static void test_stats(void)
{
	int64_t v[100], w[3] = { 30, 10, 20 };
	struct pstats p;
	int i;

	for (i = 0; i < 100; i++)
		v[i] = 100 - i;
	pstats_compute(v, 100, &p);
	ok(p.p50 == 50 && p.p90 == 90 && p.p99 == 99 && p.max == 100,
	   "stats: nearest rank on 1..100");
	pstats_compute(w, 3, &p);
	ok(p.p50 == 20 && p.p90 == 30 && p.p99 == 30 && p.max == 30,
	   "stats: three samples");
	pstats_compute(w, 0, &p);
	ok(p.n == 0, "stats: no samples");
}

static void test_ping_gap(void)
{
	int64_t t[] = { 0, 10, 20, 500, 510, 1000 };
	struct ping_list p = { t, 6, 6 };

	is64(ping_gap(&p, 15, 30), 480, "ping gap: the interval spanning the window");
	is64(ping_gap(&p, 600, 700), 490, "ping gap: window between two replies");
	is64(ping_gap(&p, 2000, 3000), INT64_MIN, "ping gap: no reply after");
}

/* ---- the committed real capture -------------------------------------- */

static void test_real_capture(const char *dir)
{
	char path[512], err[256];
	struct capture c;
	struct roam_list l;

	snprintf(path, sizeof(path), "%s/ft-roam-hostapd.pcap", dir);
	ok(capture_load(path, &c, err, sizeof(err)) == 0,
	   "real capture: loads (%s)", path);
	ok(c.n > 100 && c.skipped == 0, "real capture: %zu frames, %zu skipped",
	   c.n, c.skipped);
	ok(roams_find(&c, NULL, &l) == 0 && l.n == 1,
	   "real capture: one roam, station found by itself");
	if (l.n == 1) {
		ok(l.r[0].ok && mac_eq(l.r[0].from, AP1) && mac_eq(l.r[0].to, AP2),
		   "real capture: ok, AP1 -> AP2");
		/* tcpdump: auth req .492546, resp .505832; reassoc req .580410,
		 * resp .586330 (seconds 1795323106) */
		is64(l.r[0].v[M_AUTH], 13284, "real capture: auth turnaround");
		is64(l.r[0].v[M_REASSOC], 5919, "real capture: reassoc turnaround");
		is64(l.r[0].v[M_ROAM], 93781, "real capture: roam time");
		ok(l.r[0].v[M_FBT] > l.r[0].v[M_ROAM],
		   "real capture: FBT %" PRId64 " covers the roam",
		   l.r[0].v[M_FBT]);
		is64(l.r[0].auth_tx + l.r[0].reassoc_tx, 2,
		     "real capture: no retransmissions");
	}
	roams_free(&l);
	capture_free(&c);
	ok(capture_load("/nonexistent.pcap", &c, err, sizeof(err)) < 0 && err[0],
	   "missing capture: an error message");
}

/* fsr.ko's counters and histograms, as fsrctl -j bss show prints them */
static void test_kview(const char *dir)
{
	char path[512], err[256];
	struct kview kv;
	uint64_t ns = 0;
	bool have;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/fsr-bss.json", dir);
	ok(kview_read(path, &kv, err, sizeof(err)) == 0, "kview: %s read",
	   path);
	is64((int64_t)kv.auth_served, 4, "kview: FT auth served, both BSSes");
	is64((int64_t)kv.reassoc_served, 4, "kview: reassoc served");
	is64((int64_t)kv.passed, 1, "kview: passed");
	is64((int64_t)kv.refused, 2, "kview: refused");
	is64((int64_t)hist_count(kv.hist[KV_AUTH]), 4, "kview: auth samples");
	/* 3 samples in bucket 5 [32.8, 65.5) us, 1 in bucket 6 */
	have = kview_quantile(&kv, KV_AUTH, 0.5, &ns);
	ok(have && ns >= hist_lo_ns(5) && ns < hist_hi_ns(5),
	   "kview: auth p50 %" PRIu64 " ns inside bucket 5", ns);
	have = kview_quantile(&kv, KV_AUTH, 0.99, &ns);
	ok(have && ns >= hist_lo_ns(6) && ns <= hist_hi_ns(6),
	   "kview: auth p99 %" PRIu64 " ns inside bucket 6", ns);
	is64((int64_t)kview_max(&kv, KV_AUTH), (int64_t)hist_hi_ns(6),
	     "kview: auth max is the bound of the highest bucket");
	/* the open last bucket: max is its lower bound, not infinity */
	is64((int64_t)kview_max(&kv, KV_REASSOC),
	     (int64_t)hist_lo_ns(FSR_HIST_BUCKETS - 1),
	     "kview: reassoc max in the open bucket");

	ok(kview_read("/nonexistent/fsr-bss.json", &kv, err, sizeof(err)) < 0 &&
	   !kv.present, "kview: a missing file is an error: %s", err);
	fp = fopen("/tmp/kview-test.json", "w");
	if (fp) {
		fputs("{\"error\": \"fsr.ko is not loaded\"}\n", fp);
		fclose(fp);
	}
	ok(kview_read("/tmp/kview-test.json", &kv, err, sizeof(err)) < 0,
	   "kview: JSON without counters is an error: %s", err);
	fp = fopen("/tmp/kview-test.json", "w");
	if (fp) {
		fputs("fsrctl: cannot reach fsr.ko\n", fp);
		fclose(fp);
	}
	ok(kview_read("/tmp/kview-test.json", &kv, err, sizeof(err)) < 0,
	   "kview: text instead of JSON is an error: %s", err);
	remove("/tmp/kview-test.json");
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "data";

	printf("TAP version 13\n");
	test_radiotap();
	test_dot11();
	test_stats();
	test_ping_gap();
	test_clean_roam();
	test_open_roam();
	test_retransmitted_request();
	test_missing_response();
	test_failed_roams();
	test_rows_merge();
	test_real_capture(dir);
	test_kview(dir);
	printf("1..%d\n", n_test);
	return n_fail ? 1 : 0;
}
