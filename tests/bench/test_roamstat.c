// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the roam benchmark's capture analysis (TAP).
 *
 *   test_roamstat DATA_DIR
 */
#include <inttypes.h>
#include <pcap/pcap.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture.h"
#include "dot11.h"
#include "hist.h"
#include "keydist.h"
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
		is64(l.r[0].v[M_PORT], l.r[0].v[M_ROAM],
		     "clean roam: FT, the port opens with the Reassoc Response");
		is64(l.r[0].v[M_PRE], 10000 - 2000,
		     "clean roam: client before the 1st Auth (from the last data before it)");
		is64(l.r[0].v[M_MID], 15000 - 12000,
		     "clean roam: client between Auth response and Reassoc request");
		is64(l.r[0].v[M_POST], 18000 - 16500,
		     "clean roam: client from Reassoc response to new data");
		is64(l.r[0].v[M_PRE] + l.r[0].v[M_AUTH] + l.r[0].v[M_MID] +
		     l.r[0].v[M_REASSOC] + l.r[0].v[M_POST], 18000 - 2000,
		     "clean roam: the breakdown adds up to old data -> new data");
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

/* Unprotected EAPOL in the BSS of ap: EAP packet (key_info 0) or an
 * EAPOL-Key frame with key_info; acked or not, Retry bit. */
static void eapol(struct capture *c, int64_t t, const uint8_t *ap, int up,
		  uint16_t key_info, int acked, int retry)
{
	data(c, t, ap, up, acked);
	c->f[c->n - 1 - !!acked].eapol = 1;
	c->f[c->n - 1 - !!acked].eapol_type =
		key_info ? EAPOL_KEY : EAPOL_EAP_PACKET;
	c->f[c->n - 1 - !!acked].key_info = key_info;
	c->f[c->n - 1 - !!acked].retry = (uint8_t)retry;
}

/* Key Information of the 4-way handshake (HMAC-SHA1/AES, version 2) */
#define KI_M1 0x008a
#define KI_M2 0x010a
#define KI_M3 0x13ca
#define KI_M4 0x030a

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

/* The port opens at the first acknowledged copy of EAPOL-Key 4/4 from the
 * station; EAP packets are counted once (retransmissions not). */
static void test_eapol_roam(void)
{
	struct capture c = { 0 };
	struct roam_list l;

	open_auth(&c, 100, 1, AP1);
	open_auth(&c, 200, 0, AP1);
	data_prot(&c, 1000, AP1, 1, 1);
	/* EAPOL in the old BSS before the roam: not this roam's */
	eapol(&c, 1500, AP1, 0, 0, 1, 0);
	open_auth(&c, 10000, 1, AP2);
	open_auth(&c, 11000, 0, AP2);
	reassoc(&c, 12000, 1, AP2, 0, 1);
	reassoc(&c, 13000, 0, AP2, 0, 1);
	eapol(&c, 14000, AP2, 0, 0, 1, 0);	/* EAP-Request/Identity */
	eapol(&c, 15000, AP2, 1, 0, 0, 0);	/* EAP-Response, lost */
	eapol(&c, 15500, AP2, 1, 0, 1, 1);	/* ... its retransmission */
	eapol(&c, 16000, AP2, 0, 0, 1, 0);	/* EAP-Success */
	eapol(&c, 20000, AP2, 0, KI_M1, 1, 0);
	eapol(&c, 21000, AP2, 1, KI_M2, 1, 0);
	eapol(&c, 22000, AP2, 0, KI_M3, 1, 0);
	eapol(&c, 23000, AP2, 1, KI_M4, 0, 0);	/* 4/4, not acked */
	eapol(&c, 24000, AP2, 1, KI_M4, 1, 1);	/* 4/4 again, acked */
	eapol(&c, 25000, AP2, 1, KI_M4, 1, 1);	/* a late duplicate */
	data_prot(&c, 30000, AP2, 1, 1);	/* the port is open */
	ok(find(&c, &l) == 0 && l.n == 1 && l.r[0].ok,
	   "EAPOL roam: one roam, ok");
	if (l.n == 1) {
		is64(l.r[0].v[M_PORT], 24000 - 10000,
		     "EAPOL roam: port open at the first acked 4/4");
		is64(l.r[0].eap_frames, 3,
		     "EAPOL roam: EAP packets, retransmission not counted");
		is64(l.r[0].v[M_FBT], 30000 - 1500,
		     "EAPOL roam: FBT from the last data (EAPOL too) in the old BSS");
	}
	roams_free(&l);
	capture_free(&c);

	/* no 4/4 acknowledged: the first copy; no 4/4 at all: no value */
	memset(&c, 0, sizeof(c));
	open_auth(&c, 100, 1, AP1);
	open_auth(&c, 200, 0, AP1);
	data_prot(&c, 1000, AP1, 1, 1);
	open_auth(&c, 10000, 1, AP2);
	open_auth(&c, 11000, 0, AP2);
	reassoc(&c, 12000, 1, AP2, 0, 1);
	reassoc(&c, 13000, 0, AP2, 0, 1);
	eapol(&c, 20000, AP2, 0, KI_M1, 1, 0);
	eapol(&c, 21000, AP2, 1, KI_M2, 1, 0);
	eapol(&c, 22000, AP2, 0, KI_M3, 1, 0);
	eapol(&c, 23000, AP2, 1, KI_M4, 0, 0);
	eapol(&c, 23500, AP2, 1, KI_M4, 0, 1);
	data_prot(&c, 30000, AP2, 1, 1);
	open_auth(&c, 50000, 1, AP1);
	open_auth(&c, 51000, 0, AP1);
	reassoc(&c, 52000, 1, AP1, 0, 1);
	reassoc(&c, 53000, 0, AP1, 0, 1);
	eapol(&c, 54000, AP1, 0, KI_M1, 1, 0);
	eapol(&c, 55000, AP1, 1, KI_M2, 1, 0);	/* M2 is not M4 */
	data_prot(&c, 60000, AP1, 1, 1);
	ok(find(&c, &l) == 0 && l.n == 2, "EAPOL roams: two roams");
	if (l.n == 2) {
		is64(l.r[0].v[M_PORT], 13000,
		     "EAPOL roam: no 4/4 acked, the first copy");
		is64(l.r[0].eap_frames, 0, "PMKSA-style roam: no EAP packet");
		is64(l.r[1].v[M_PORT], NO_VALUE,
		     "EAPOL roam: no 4/4 seen, no port-open time");
		ok(l.r[1].ok, "EAPOL roam: still ok (protected data came)");
	}
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

/* Data frames carrying EAPOL: plain and QoS headers, the 4-way messages
 * told apart by Key Information, other payloads ignored. */
static void test_dot11_eapol(void)
{
	/* Data, ToDS: STA -> AP2, then LLC/SNAP 888e, EAPOL v1 Key (3),
	 * length 95, descriptor 2, Key Information 0x030a (4/4) */
	uint8_t d[24 + 8 + 7] = { 0x08, 0x01, 0, 0, 2, 0, 0, 0, 1, 0,
				  2, 0, 0, 0, 2, 0, 2, 0, 0, 0, 1, 0, 0, 0,
				  0xaa, 0xaa, 0x03, 0, 0, 0, 0x88, 0x8e,
				  1, 3, 0, 95, 2, 0x03, 0x0a };
	/* the same as QoS Data (2 more header bytes) */
	uint8_t q[26 + 8 + 7];
	struct frame f;

	ok(dot11_parse(d, sizeof(d), &f) == 0 && f.eapol &&
	   f.eapol_type == EAPOL_KEY && f.key_info == 0x030a && eapol_is_m4(&f),
	   "dot11: EAPOL-Key 4/4 in a Data frame");
	memcpy(q, d, 24);
	q[0] = 0x88;
	q[24] = q[25] = 0;
	memcpy(q + 26, d + 24, sizeof(d) - 24);
	ok(dot11_parse(q, sizeof(q), &f) == 0 && f.eapol && eapol_is_m4(&f),
	   "dot11: EAPOL-Key 4/4 in a QoS Data frame");
	d[37] = 0x01;			/* 2/4: MIC, no Secure */
	ok(dot11_parse(d, sizeof(d), &f) == 0 && f.eapol && !eapol_is_m4(&f),
	   "dot11: 2/4 is not 4/4");
	d[37] = 0x13;			/* 3/4: ACK, MIC, Secure, Install */
	d[38] = 0xca;
	ok(dot11_parse(d, sizeof(d), &f) == 0 && !eapol_is_m4(&f),
	   "dot11: 3/4 is not 4/4");
	d[33] = 0;			/* EAP packet */
	ok(dot11_parse(d, sizeof(d), &f) == 0 && f.eapol &&
	   f.eapol_type == EAPOL_EAP_PACKET && !eapol_is_m4(&f),
	   "dot11: EAP packet");
	d[31] = 0x00;			/* ethertype 0x8800: not EAPOL */
	ok(dot11_parse(d, sizeof(d), &f) == 0 && !f.eapol,
	   "dot11: another ethertype is no EAPOL");
	d[31] = 0x8e;
	ok(dot11_parse(d, 24 + 8 + 3, &f) == 0 && !f.eapol,
	   "dot11: EAPOL header cut short: ignored");
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
	ok(!f.eapol, "dot11: a protected frame is no EAPOL");
	test_dot11_eapol();
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

/* Real 802.1X roams (data/README.md): the figures were read off the files
 * with tcpdump -tt -e. */
struct real_eap {
	const char *file;
	int64_t auth, reassoc, roam, port;
	int eap;
};

static void test_real_eap(const char *dir)
{
	static const struct real_eap want[] = {
		/* full EAP (fsrd): Auth req 302.939456, resp .942092;
		 * Reassoc req .954104, resp .969928; 4/4 303.103648;
		 * 21 EAP packets */
		{ "eap-full-roam-fsr.pcap", 2636, 15824, 30472, 164192, 21 },
		/* PMKSA caching (hostapd): Auth req 322.535701, resp .538166;
		 * Reassoc req .546090, resp .547229; 4/4 .557176 */
		{ "eap-pmksa-roam-hostapd.pcap", 2465, 1139, 11528, 21475, 0 },
	};
	char path[512], err[256], what[96];
	struct capture c;
	struct roam_list l;
	size_t i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct real_eap *w = &want[i];

		snprintf(path, sizeof(path), "%s/%s", dir, w->file);
		ok(capture_load(path, &c, err, sizeof(err)) == 0 &&
		   c.skipped == 0, "%s: loads, %zu frames", w->file, c.n);
		ok(roams_find(&c, STA, &l) == 0 && l.n == 1 && l.r[0].ok &&
		   l.r[0].open && mac_eq(l.r[0].from, AP1) &&
		   mac_eq(l.r[0].to, AP2),
		   "%s: one Open System roam AP1 -> AP2, ok", w->file);
		if (l.n == 1) {
			snprintf(what, sizeof(what), "%s: auth turnaround", w->file);
			is64(l.r[0].v[M_AUTH], w->auth, what);
			snprintf(what, sizeof(what), "%s: reassoc turnaround", w->file);
			is64(l.r[0].v[M_REASSOC], w->reassoc, what);
			snprintf(what, sizeof(what), "%s: Auth -> Reassoc resp", w->file);
			is64(l.r[0].v[M_ROAM], w->roam, what);
			snprintf(what, sizeof(what), "%s: Auth -> 4/4 (port open)", w->file);
			is64(l.r[0].v[M_PORT], w->port, what);
			snprintf(what, sizeof(what), "%s: EAP packets", w->file);
			is64(l.r[0].eap_frames, w->eap, what);
			ok(l.r[0].v[M_FBT] > l.r[0].v[M_PORT],
			   "%s: FBT %" PRId64 " ends after the port opened",
			   w->file, l.r[0].v[M_FBT]);
		}
		roams_free(&l);
		capture_free(&c);
	}
}

/* The 802.1X table: hostapd and fsr per scenario, ratios against hostapd
 * in the same scenario, unavailable modes said so, Access-Requests. */
static void set_rows(struct mode_result *mr, const char *name,
		     const int64_t *port, int n, int eap)
{
	int i, m;

	memset(mr, 0, sizeof(*mr));
	snprintf(mr->name, sizeof(mr->name), "%s", name);
	mr->access_requests = eap ? 10L * n : 0;
	mr->rows.r = calloc((size_t)n, sizeof(*mr->rows.r));
	mr->rows.n = (size_t)n;
	for (i = 0; i < n; i++) {
		struct row *w = &mr->rows.r[i];

		w->index = i + 1;
		w->ok = 1;
		for (m = 0; m < M_COUNT; m++)
			w->v[m] = 1000;
		w->v[M_PORT] = port[i];
		w->v[M_GAP] = 2 * port[i];
		w->eap_frames = eap;
	}
	mode_compute(mr);
}

static void test_eap_summary(void)
{
	static const int64_t hap[3] = { 100000, 120000, 300000 };
	static const int64_t fsr[3] = { 50000, 60000, 90000 };
	static const int64_t psk[3] = { 1000, 1000, 1000 };
	struct bench *b = calloc(1, sizeof(*b));
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	if (!b) {
		ok(0, "eap summary: out of memory");
		return;
	}
	set_rows(&b->mode[0], "hostapd", psk, 3, 0);
	set_rows(&b->mode[1], "hostapd-eap-full", hap, 3, 21);
	set_rows(&b->mode[2], "fsr-eap-full", fsr, 3, 21);
	b->nmodes = 3;
	snprintf(b->unavail[0][0], KV_LEN, "fsr-eap-ft");
	snprintf(b->unavail[0][1], KV_LEN, "fsrd did not start");
	snprintf(b->unavail[1][0], KV_LEN, "hostapd-eap-ft");
	snprintf(b->unavail[1][1], KV_LEN, "FreeRADIUS is not installed");
	b->nunavail = 2;
	ok(mode_is_eap("fsr-eap-okc") && mode_is_eap("hostapd-eap-ft") &&
	   !mode_is_eap("fsr-kernel") && !mode_is_eap("hostapd"),
	   "eap summary: which modes are 802.1X ones");
	is64(b->mode[1].eap.p50, 21, "eap summary: EAP packets per roam");

	fp = open_memstream(&buf, &len);
	bench_print_table(fp, b);
	fclose(fp);
	ok(buf && strstr(buf, "802.1X roams:") &&
	   strstr(buf, "full-eap  roam: 1st Auth -> port open       120.00   300.00    60.00    90.00    x0.50    x0.30"),
	   "eap summary: full-eap row, p50/p99 of both and fsr/hostapd");
	ok(buf && strstr(buf, "data gap (10 ms ping)             240.00   600.00   120.00   180.00    x0.50    x0.30"),
	   "eap summary: data gap row");
	ok(buf && strstr(buf, "hostapd: 3/3 ok, EAP packets per roam 21, Access-Requests 30"),
	   "eap summary: roams, EAP packets and Access-Requests");
	ok(buf && strstr(buf, "ft-eap") &&
	   strstr(buf, "fsr: not available yet: fsrd did not start") &&
	   strstr(buf, "hostapd: not available yet: FreeRADIUS is not installed"),
	   "eap summary: unavailable modes say why");
	ok(buf && !strstr(buf, "pmksa ") && !strstr(buf, "okc "),
	   "eap summary: scenarios not run are left out");
	/* fsr-eap-full against hostapd-eap-full, not against FT-PSK hostapd */
	ok(buf && strstr(buf, "fsr-eap-full          3      0") &&
	   strstr(buf, "1st Auth -> port open (M4/FT)      60.00    90.00    90.00    90.00     3   x0.50   x0.30"),
	   "eap summary: detail ratios against hostapd in the same scenario");
	free(buf);
	buf = NULL;

	fp = open_memstream(&buf, &len);
	bench_write_json(fp, b);
	fclose(fp);
	ok(buf && strstr(buf, "\"eap\": {\"method\"") &&
	   strstr(buf, "{\"name\": \"full\", \"hostapd\": {\"mode\": \"hostapd-eap-full\", \"available\": true, \"roams\": 3, \"failed\": 0, \"harness_failed\": 0, \"port_open_us\": {\"p50\": 120000"),
	   "eap summary: JSON scenario full");
	ok(buf && strstr(buf, "\"ratio_fsr_vs_hostapd\": {\"port_open_us\": {\"p50\": 0.500, \"p90\": 0.300, \"p99\": 0.300"),
	   "eap summary: JSON ratio fsr/hostapd");
	ok(buf && strstr(buf, "\"fsr\": {\"mode\": \"fsr-eap-ft\", \"available\": false, \"reason\": \"fsrd did not start\"}"),
	   "eap summary: JSON unavailable side");
	ok(buf && strstr(buf, "\"access_requests\": 30"),
	   "eap summary: JSON Access-Requests");
	ok(buf && strstr(buf, "\"ratio_vs_hostapd\": {\"baseline\": \"hostapd-eap-full\""),
	   "eap summary: JSON per-mode baseline");
	free(buf);
	for (len = 0; len < 3; len++)
		rows_free(&b->mode[len].rows);
	free(b);
}

/*
 * A roam the client never started is the harness's failure: roams.log
 * says "harness", the row keeps it apart from the AP's failures through
 * the CSV, and the table stars every ratio it touches.
 */
static void test_harness_failures(void)
{
	static const char log[] =
		"1 02:00:00:00:01:00 1000 2000 ok -\n"
		"2 02:00:00:00:00:00 3000 4000 harness client does not know the target\n"
		"3 02:00:00:00:01:00 5000 6000 fail not COMPLETED on the target within 10 s\n"
		"4 02:00:00:00:00:00 7000 8000 skipped -\n";
	static const int64_t v[4] = { 1000, 2000, 3000, 4000 };
	const char *path = "/tmp/roamstat-harness.log", *csv = "/tmp/roamstat-harness.csv";
	struct drv_list d;
	struct row_list rows, back;
	struct roam_list none = { 0 };
	struct bench *b = calloc(1, sizeof(*b));
	char err[256], *buf = NULL;
	size_t len = 0;
	FILE *fp;
	int i;

	if (!b) {
		ok(0, "harness: out of memory");
		return;
	}
	fp = fopen(path, "w");
	fputs(log, fp);
	fclose(fp);
	ok(drv_load(path, &d, err, sizeof(err)) < 0 && strstr(err, ":4: not a roam line"),
	   "harness: an unknown status is refused ('%s')", err);
	fp = fopen(path, "w");
	fwrite(log, 1, strstr(log, "4 02") - log, fp);
	fclose(fp);
	ok(drv_load(path, &d, err, sizeof(err)) == 0 && d.n == 3,
	   "harness: roams.log with ok, harness and fail lines");
	if (d.n == 3)
		ok(d.r[0].ok && !d.r[0].harness && !d.r[1].ok && d.r[1].harness &&
		   !d.r[2].ok && !d.r[2].harness,
		   "harness: statuses read as ok / harness / fail");
	ok(rows_build(&none, &d, NULL, &rows) == 0 && rows.n == 3,
	   "harness: one row per command");
	if (rows.n == 3)
		ok(rows.r[1].harness && !rows.r[2].harness && !rows.r[2].ok,
		   "harness: the row keeps the harness flag");
	fp = fopen(csv, "w");
	rows_write_csv(fp, &rows);
	fclose(fp);
	ok(rows_read_csv(csv, &back, err, sizeof(err)) == 0 && back.n == 3 &&
	   back.r[1].harness && !back.r[2].harness,
	   "harness: the flag survives samples.csv");
	rows_free(&back);
	drv_free(&d);
	remove(path);
	remove(csv);

	/* hostapd lost 1 of 4 roams to the harness, fsr-user none */
	set_rows(&b->mode[0], "hostapd", v, 4, 0);
	set_rows(&b->mode[1], "fsr-user", v, 4, 0);
	b->mode[0].rows.r[3].ok = 0;
	b->mode[0].rows.r[3].harness = 1;
	snprintf(b->mode[0].rows.r[3].reason, sizeof(b->mode[0].rows.r[3].reason),
		 "wpa_cli roam said: FAIL");
	b->nmodes = 2;
	for (i = 0; i < 2; i++)
		mode_compute(&b->mode[i]);
	ok(b->mode[0].failed == 0 && b->mode[0].harness == 1 &&
	   b->mode[0].m[M_PORT].n == 3,
	   "harness: not an AP failure, and not a sample");
	fp = open_memstream(&buf, &len);
	bench_print_table(fp, b);
	fclose(fp);
	ok(buf && strstr(buf, "x1.00*"),
	   "harness: the ratio against the mode that lost samples is starred");
	ok(buf && strstr(buf, "* hostapd: 1 of 4 roams were never started by the client") &&
	   strstr(buf, "come from the 3 roams that completed"),
	   "harness: the table says so");
	ok(buf && strstr(buf, "hostapd roam 4 to  not started (harness): wpa_cli roam said: FAIL"),
	   "harness: the roam is listed as not started");
	ok(buf && strstr(buf, "where the data gap goes, p50/p99 (ms)") &&
	   strstr(buf, "fsr-user                1.00/1.00       1.00/1.00       1.00/1.00       1.00/1.00       1.00/1.00    40.0%"),
	   "breakdown: five parts per mode and the AP's share of the gap");
	free(buf);
	buf = NULL;
	fp = open_memstream(&buf, &len);
	bench_write_json(fp, b);
	fclose(fp);
	ok(buf && strstr(buf, "\"failed\": 0, \"harness_failed\": 1") &&
	   strstr(buf, "{\"roam\": 4, \"harness\": true, \"reason\": \"wpa_cli roam said: FAIL\"}"),
	   "harness: summary.json counts and lists it apart");
	free(buf);
	for (i = 0; i < 2; i++)
		rows_free(&b->mode[i].rows);
	rows_free(&rows);
	free(b);
}

/* The roam storm's modes get their own table and JSON section, with
 * ratios against storm-hostapd. */
static void test_storm_summary(void)
{
	static const int64_t hap[4] = { 4000, 4000, 8000, 9000 };
	static const int64_t fsr[4] = { 1000, 1000, 1000, 2000 };
	struct bench *b = calloc(1, sizeof(*b));
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	int i;

	if (!b) {
		ok(0, "storm: out of memory");
		return;
	}
	set_rows(&b->mode[0], "hostapd", hap, 4, 0);
	set_rows(&b->mode[1], "storm-hostapd", hap, 4, 0);
	set_rows(&b->mode[2], "storm-fsr-kernel", fsr, 4, 0);
	b->mode[2].rows.r[3].ok = 0;
	snprintf(b->mode[2].rows.r[3].reason, sizeof(b->mode[2].rows.r[3].reason),
		 "Reassociation status 30");
	for (i = 0; i < 3; i++) {
		b->mode[1].rows.r[i].v[M_AUTH] = 3000;
		b->mode[2].rows.r[i].v[M_AUTH] = 300;
	}
	b->nmodes = 3;
	for (i = 0; i < 3; i++)
		mode_compute(&b->mode[i]);
	snprintf(b->meta[0][0], KV_LEN, "storm");
	snprintf(b->meta[0][1], KV_LEN, "8");
	snprintf(b->meta[1][0], KV_LEN, "storm_rounds");
	snprintf(b->meta[1][1], KV_LEN, "10");
	b->nmeta = 2;
	ok(mode_is_storm("storm-fsr-user") && !mode_is_storm("fsr-user") &&
	   !mode_is_eap("storm-hostapd"), "storm: which modes are storm modes");
	fp = open_memstream(&buf, &len);
	bench_print_table(fp, b);
	fclose(fp);
	ok(buf && strstr(buf, "roam storm: 8 clients roam at the same moment, 10 rounds"),
	   "storm: its own table");
	ok(buf && strstr(buf, "storm-fsr-kernel      4      1  Auth req -> resp (AP)") &&
	   strstr(buf, "x0.10   x0.10"),
	   "storm: failures counted, ratios against storm-hostapd");
	free(buf);
	buf = NULL;
	fp = open_memstream(&buf, &len);
	bench_write_json(fp, b);
	fclose(fp);
	ok(buf && strstr(buf, "\"storm\": {\"clients\": 8, \"rounds\": 10, \"modes\": [") &&
	   strstr(buf, "{\"name\": \"storm-fsr-kernel\", \"roams\": 4, \"ok\": 3, \"failed\": 1, \"harness_failed\": 0, \"auth_turnaround_us\": {\"p50\": 300"),
	   "storm: summary.json storm section");
	ok(buf && strstr(buf, "\"ratio_vs_hostapd\": {\"baseline\": \"storm-hostapd\""),
	   "storm: JSON baseline is storm-hostapd");
	free(buf);
	for (i = 0; i < 3; i++)
		rows_free(&b->mode[i].rows);
	free(b);
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

/* ---- the scale run's key distribution (keydist.c) ------------------- */

static const uint8_t KD_NB[6] = { 2, 0, 0, 0, 3, 0 };
static const uint8_t KD_OT[6] = { 2, 0, 0, 0, 4, 0 };

/* an Ethernet frame of hostapd's R0KH/R1KH protocol, subtype sub */
static size_t kd_frame(uint8_t *b, const uint8_t *da, const uint8_t *sa,
		       uint8_t sub)
{
	static const uint8_t hdr[] = { 0x88, 0xb7, 0x00, 0x13, 0x74, 0x00,
				       0x01 };

	memset(b, 0, 100);
	memcpy(b, da, 6);
	memcpy(b + 6, sa, 6);
	memcpy(b + 12, hdr, sizeof(hdr));
	b[12 + sizeof(hdr)] = sub;
	return 100;
}

static void kd_add(struct kd_wirecap *c, int64_t t, const uint8_t *sa,
		   const uint8_t *da, uint8_t sub)
{
	uint8_t b[100];
	struct kd_wire w;

	kd_wire_parse(b, kd_frame(b, da, sa, sub), &w);
	w.t_us = t;
	kd_wire_add(c, &w);
}

static void kd_m4(struct capture *c, int64_t t)
{
	add(c, t, FT_DATA, 8, AP1, STA);
	last(c)->tods = 1;
	last(c)->eapol = 1;
	last(c)->eapol_type = EAPOL_KEY;
	last(c)->key_info = KEYINFO_PAIRWISE | KEYINFO_MIC | KEYINFO_SECURE;
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

static void test_keydist_parse(void)
{
	uint8_t b[100];
	struct kd_wire w;

	ok(kd_wire_parse(b, kd_frame(b, KD_NB, AP1, 3), &w) == 0 &&
	   w.ethertype == KD_ETH_OUI && w.subtype == KD_PUSH && w.len == 100 &&
	   !memcmp(w.sa, AP1, 6) && !memcmp(w.da, KD_NB, 6),
	   "keydist: a PUSH frame parsed (SA, DA, subtype, length)");
	ok(kd_wire_parse(b, 13, &w) == -1, "keydist: 13 octets: too short");
	ok(kd_wire_parse(b, 19, &w) == -1,
	   "keydist: OUI Extended without its subtype: too short");
	b[14] = 0x00;
	b[16] = 0x75;
	ok(kd_wire_parse(b, 100, &w) == 1,
	   "keydist: another OUI: not key transport");
	b[12] = 0x08;
	b[13] = 0x06;
	ok(kd_wire_parse(b, 100, &w) == 1, "keydist: ARP: not key transport");
	b[12] = 0x89;
	b[13] = 0x0d;
	ok(kd_wire_parse(b, 60, &w) == 0 && w.ethertype == KD_ETH_FT_DS &&
	   w.subtype == 0, "keydist: FT over the DS (0x890d) counted");
}

static void test_keydist_compute(void)
{
	struct kd_round r[3] = {
		{ 0, 1000000, 1500000, 1 },	/* warm-up */
		{ 1, 2000000, 2500000, 1 },
		{ 2, 3000000, 3500000, 1 },
	};
	struct kd_wirecap wire = { 0 };
	struct capture air = { 0 };
	struct kd_result res;
	struct kd_aps a;

	memset(&a, 0, sizeof(a));
	memcpy(a.ap[0].mac, AP1, 6);
	a.ap[0].role = KD_R0KH;
	memcpy(a.ap[1].mac, KD_NB, 6);
	a.ap[1].role = KD_NEIGHBOUR;
	memcpy(a.ap[2].mac, KD_OT, 6);
	a.ap[2].role = KD_OTHER;
	a.n = 3;
	a.r0kh = 0;
	/* warm-up: a PUSH, a SEQ_REQ and a SEQ_RESP */
	kd_m4(&air, 1100000);
	kd_add(&wire, 1100100, AP1, KD_NB, 3);
	kd_add(&wire, 1100200, KD_NB, AP1, 4);
	kd_add(&wire, 1100300, AP1, KD_NB, 5);
	/* round 1: both pushed to, the neighbour first, then a frame from
	 * an unknown sender and one from the other AP */
	kd_m4(&air, 2100000);
	kd_add(&wire, 2099000, AP1, KD_NB, 3);	/* before 4/4: not its PUSH */
	kd_add(&wire, 2100300, AP1, KD_NB, 3);
	kd_add(&wire, 2100500, AP1, KD_OT, 3);
	kd_add(&wire, 2100600, AP1, KD_OT, 3);	/* a second one: not first */
	kd_add(&wire, 2100700, STA, KD_OT, 3);
	kd_add(&wire, 2100800, KD_OT, AP1, 1);
	/* round 2: only the other AP, so the neighbour is missed */
	kd_m4(&air, 3100000);
	kd_add(&wire, 3100900, AP1, KD_OT, 3);
	ok(kd_compute(&air, &wire, &a, r, 3, STA, &res) == 0,
	   "keydist: computed");
	is64((int64_t)res.rounds, 2, "keydist: measured rounds");
	is64((int64_t)res.rounds_failed, 0, "keydist: failed rounds");
	ok(res.n_nb == 1 && res.nb[0] == 300,
	   "keydist: one neighbour sample, 300 us after 4/4");
	ok(res.n_nb_last == 1 && res.nb_last[0] == 300,
	   "keydist: every neighbour reached only in round 1");
	ok(res.n_all_last == 2 && res.all_last[0] == 500 &&
	   res.all_last[1] == 900,
	   "keydist: the last PUSH of each round (500 us, 900 us)");
	ok(res.n_first == 2 && res.first[0] == 300 && res.first[1] == 900,
	   "keydist: the first PUSH of each round (300 us, 900 us)");
	is64((int64_t)res.nb_missed, 1, "keydist: neighbour pushes missed");
	is64((int64_t)res.pushed_to_sum, 3, "keydist: APs pushed to, summed");
	is64((int64_t)res.pushed_to_max, 2, "keydist: most APs pushed to");
	is64((int64_t)res.frames[0], 5, "keydist: frames of the R0KH");
	is64((int64_t)res.frames[2], 1, "keydist: frames of the other AP");
	is64((int64_t)res.bytes[0], 500, "keydist: bytes of the R0KH");
	is64((int64_t)res.frames_warmup, 3, "keydist: warm-up frames");
	is64((int64_t)res.frames_unknown, 1, "keydist: unknown sender");
	kd_result_free(&res);
	/* a failed round and one without 4/4 are not measured */
	r[1].ok = 0;
	air.n = 2;	/* round 2's 4/4 gone */
	ok(kd_compute(&air, &wire, &a, r, 3, STA, &res) == 0 &&
	   res.rounds == 0 && res.rounds_failed == 2 && res.n_nb == 0,
	   "keydist: a failed round and a round without 4/4: not measured");
	kd_result_free(&res);
	capture_free(&air);
	kd_wire_free(&wire);
}

static void test_keydist_files(void)
{
	char dir[] = "/tmp/test-keydist.XXXXXX", path[256], err[512];
	struct kd_round *r = NULL;
	struct kd_wirecap wire;
	struct kd_aps a;
	pcap_dumper_t *d;
	struct pcap_pkthdr h;
	uint8_t b[100];
	pcap_t *p;
	size_t n = 0;

	if (!mkdtemp(dir)) {
		ok(0, "keydist: a temporary directory");
		return;
	}
	snprintf(path, sizeof(path), "%s/aps", dir);
	write_file(path, "# mac name role\n02:00:00:00:00:00 ap1 r0kh\n"
		   "02:00:00:00:03:00 ap2 neighbour\n02:00:00:00:04:00 ap3 other\n");
	ok(kd_aps_load(path, &a, err, sizeof(err)) == 0 && a.n == 3 &&
	   a.r0kh == 0 && a.ap[1].role == KD_NEIGHBOUR &&
	   !strcmp(a.ap[2].name, "ap3") && !memcmp(a.ap[1].mac, KD_NB, 6),
	   "keydist: aps file read");
	write_file(path, "02:00:00:00:00:00 ap1 r0kh\n02:00:00:00:03:00 ap2 r0kh\n");
	ok(kd_aps_load(path, &a, err, sizeof(err)) == -1 &&
	   strstr(err, "2 APs with role r0kh"), "keydist: two R0KHs refused: %s", err);
	write_file(path, "02:00:00:00:00:00 ap1 boss\n");
	ok(kd_aps_load(path, &a, err, sizeof(err)) == -1 &&
	   strstr(err, "role 'boss'"), "keydist: unknown role refused: %s", err);
	write_file(path, "02:00:00:00:00 ap1 r0kh\n");
	ok(kd_aps_load(path, &a, err, sizeof(err)) == -1 &&
	   strstr(err, ":1: expected"), "keydist: short MAC refused: %s", err);
	snprintf(path, sizeof(path), "%s/rounds.log", dir);
	write_file(path, "0 100 200 ok\n1 300 400 fail\n");
	ok(kd_rounds_load(path, &r, &n, err, sizeof(err)) == 0 && n == 2 &&
	   r[1].index == 1 && r[1].start_us == 300 && !r[1].ok,
	   "keydist: rounds.log read");
	free(r);
	r = NULL;
	write_file(path, "0 100 200 ok\n1 400 300 ok\n");
	ok(kd_rounds_load(path, &r, &n, err, sizeof(err)) == -1 &&
	   strstr(err, ":2: expected") && !r,
	   "keydist: a round ending before it starts refused: %s", err);
	/* a pcap with a PUSH and an ARP frame */
	snprintf(path, sizeof(path), "%s/ds.pcap", dir);
	p = pcap_open_dead(DLT_EN10MB, 256);
	d = p ? pcap_dump_open(p, path) : NULL;
	if (d) {
		memset(&h, 0, sizeof(h));
		h.ts.tv_sec = 5;
		h.ts.tv_usec = 7;
		h.caplen = (bpf_u_int32)kd_frame(b, KD_NB, AP1, 3);
		h.len = 120;
		pcap_dump((u_char *)d, &h, b);
		b[12] = 0x08;
		b[13] = 0x06;
		pcap_dump((u_char *)d, &h, b);
		pcap_dump_close(d);
	}
	if (p)
		pcap_close(p);
	ok(kd_wire_load(path, &wire, err, sizeof(err)) == 0 && wire.n == 1 &&
	   wire.other == 1 && wire.w[0].t_us == 5000007 &&
	   wire.w[0].len == 120, "keydist: Ethernet capture read (time, length on the wire)");
	kd_wire_free(&wire);
	snprintf(path, sizeof(path), "%s/empty.pcap", dir);
	write_file(path, "not a capture");
	ok(kd_wire_load(path, &wire, err, sizeof(err)) == -1,
	   "keydist: not a capture: %s", err);
	snprintf(path, sizeof(path), "rm -rf %s", dir);
	if (system(path))
		ok(0, "keydist: temporary directory removed");
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
	test_eapol_roam();
	test_retransmitted_request();
	test_missing_response();
	test_failed_roams();
	test_rows_merge();
	test_real_capture(dir);
	test_real_eap(dir);
	test_eap_summary();
	test_harness_failures();
	test_storm_summary();
	test_kview(dir);
	test_keydist_parse();
	test_keydist_compute();
	test_keydist_files();
	printf("1..%d\n", n_test);
	return n_fail ? 1 : 0;
}
