// SPDX-License-Identifier: GPL-2.0-only
/* Which RSSI measurements a subscriber gets (fsrd/nmsp/nmsp_rssi.c) and
 * the probe requests heard (fsrd/nmsp/nmsp_probes.c). */
#include <stdlib.h>
#include <string.h>

#include "nmsp/nmsp_probes.h"
#include "nmsp/nmsp_rssi.h"
#include "tap.h"

static uint64_t now = 1000;

static struct nmsp_rssi meas(int sta, int bss, int rssi)
{
	struct nmsp_rssi r;

	memset(&r, 0, sizeof(r));
	r.sta[0] = 0x02;
	r.sta[4] = (uint8_t)(sta >> 8);
	r.sta[5] = (uint8_t)sta;
	r.bssid[0] = 0x02;
	r.bssid[5] = (uint8_t)bss;
	r.rssi = (int8_t)rssi;
	r.channel = 1;
	r.timestamp = ++now;	/* each a new measurement */
	return r;
}

static struct nmsp_rssi_memo memo;
static struct nmsp_rssi cur[NMSP_RSSI_MAX + 8], out[NMSP_RSSI_MAX + 8];

static void test_threshold(void)
{
	size_t n;

	memset(&memo, 0, sizeof(memo));
	cur[0] = meas(1, 1, -50);
	cur[1] = meas(2, 1, -70);
	n = nmsp_rssi_select(&memo, cur, 2, 5, out);
	tap_ok(n == 2 && !memcmp(&out[0], &cur[0], sizeof(out[0])) &&
	       !memcmp(&out[1], &cur[1], sizeof(out[1])),
	       "first interval: every station is sent, as measured");
	cur[0] = meas(1, 1, -54);
	cur[1] = meas(2, 1, -76);
	n = nmsp_rssi_select(&memo, cur, 2, 5, out);
	tap_ok(n == 1 && out[0].sta[5] == 2 && out[0].rssi == -76,
	       "threshold 5: moved 4 dB not sent, moved 6 dB sent");
	cur[0] = meas(1, 1, -56);
	n = nmsp_rssi_select(&memo, cur, 2, 5, out);
	tap_ok(n == 1 && out[0].sta[5] == 1 && out[0].rssi == -56,
	       "the drift is measured from the value last sent (-50 -> -56)");
	n = nmsp_rssi_select(&memo, cur, 2, 5, out);
	tap_ok(n == 0, "nothing moved: nothing sent");
	cur[0] = meas(1, 2, -56);
	n = nmsp_rssi_select(&memo, cur, 2, 5, out);
	tap_ok(n == 1 && out[0].bssid[5] == 2,
	       "same RSSI on another BSS (a roam): sent");
	cur[0].timestamp = ++now;
	cur[1].timestamp = ++now;
	n = nmsp_rssi_select(&memo, cur, 2, 0, out);
	tap_ok(n == 2, "threshold 0: every station every interval");
	n = nmsp_rssi_select(&memo, cur, 2, 0, out);
	tap_ok(n == 0, "threshold 0, the same measurements again (a probe heard once): not sent");
}

static void test_forget(void)
{
	size_t n;

	memset(&memo, 0, sizeof(memo));
	cur[0] = meas(1, 1, -50);
	cur[1] = meas(2, 1, -60);
	nmsp_rssi_select(&memo, cur, 2, 10, out);
	n = nmsp_rssi_select(&memo, cur + 1, 1, 10, out);
	tap_ok(n == 0 && memo.n == 1 && memo.e[0].sta[5] == 2,
	       "a station that left is forgotten");
	n = nmsp_rssi_select(&memo, cur, 2, 10, out);
	tap_ok(n == 1 && out[0].sta[5] == 1,
	       "... and sent again when it comes back");
	cur[2] = meas(1, 1, -90);
	n = nmsp_rssi_select(&memo, cur, 3, 10, out);
	tap_ok(n == 0 && memo.n == 2,
	       "a station measured twice in one interval: the first counts");
	n = nmsp_rssi_select(&memo, cur, 0, 10, out);
	tap_ok(n == 0 && memo.n == 0, "no station: empty memo");
}

static void test_bound(void)
{
	size_t i, n;

	memset(&memo, 0, sizeof(memo));
	for (i = 0; i < NMSP_RSSI_MAX + 8; i++)
		cur[i] = meas((int)i + 1, 1, -40);
	n = nmsp_rssi_select(&memo, cur, NMSP_RSSI_MAX + 8, 0, out);
	tap_ok(n == NMSP_RSSI_MAX && memo.n == NMSP_RSSI_MAX,
	       "more stations than the memo holds: NMSP_RSSI_MAX looked at");
}

static struct nmsp_probes probes;

static void test_probes(void)
{
	struct nmsp_rssi r;
	size_t i, n;
	bool found = false, oldest = false;

	memset(&probes, 0, sizeof(probes));
	r = meas(1, 1, -60);
	nmsp_probes_add(&probes, &r, 1000);
	r = meas(1, 2, -70);
	nmsp_probes_add(&probes, &r, 1000);
	r = meas(2, 1, -80);
	nmsp_probes_add(&probes, &r, 2000);
	r = meas(1, 1, -65);
	nmsp_probes_add(&probes, &r, 3000);
	n = nmsp_probes_get(&probes, out, 8, 3000);
	tap_ok(n == 3 && out[0].rssi == -65,
	       "probes: one entry per station and BSS, the latest signal");
	n = nmsp_probes_get(&probes, out, 2, 3000);
	tap_ok(n == 2 && probes.n == 3, "probes: at most max returned");
	n = nmsp_probes_get(&probes, out, 8, 1000 + NMSP_PROBE_AGE_MS + 1);
	tap_ok(n == 2 && probes.n == 2,
	       "probes: one older than NMSP_PROBE_AGE_MS is dropped");
	memset(&probes, 0, sizeof(probes));
	for (i = 0; i < NMSP_PROBES_MAX; i++) {
		r = meas((int)i + 1, 1, -50);
		nmsp_probes_add(&probes, &r, 100 + i);
	}
	r = meas(9999, 1, -51);
	nmsp_probes_add(&probes, &r, 5000);
	n = nmsp_probes_get(&probes, out, NMSP_RSSI_MAX, 5000);
	for (i = 0; i < n; i++) {
		found |= out[i].sta[4] == (9999 >> 8) && out[i].sta[5] == (9999 & 0xff);
		oldest |= out[i].sta[4] == 0 && out[i].sta[5] == 1;
	}
	tap_ok(n == NMSP_PROBES_MAX && found && !oldest,
	       "probes: full, the oldest makes room for a new station");
}

int main(void)
{
	test_threshold();
	test_forget();
	test_bound();
	test_probes();
	return tap_done();
}
