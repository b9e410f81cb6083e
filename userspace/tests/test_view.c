// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of fsrctl's new outputs: FT fast-path events (STA_NTF), the
 * FT nest and service-time histograms of BSS_GET, the merged `bss show`
 * and fsrd's station / trace objects, PMKSA table and auth counters.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#include "format.h"
#include "fsr_names.h"
#include "fsr_rec.h"
#include "hist.h"
#include "tap.h"
#include "view.h"

static const uint8_t sta[6] = { 0x02, 0, 0, 0, 0x02, 0 };
static const uint8_t bssid[6] = { 0x02, 0, 0, 0, 0, 0xaa };

static struct nlmsghdr *msg(char *buf, size_t size, uint8_t cmd)
{
	struct nlmsghdr *nlh;
	struct genlmsghdr *g;

	memset(buf, 0, size);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = 0x20;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = FSR_GENL_VERSION;
	return nlh;
}

#define CAPTURE(out, call)                                              \
	do {                                                            \
		size_t _len;                                            \
		FILE *_f = open_memstream(&(out), &_len);               \
		FILE *f = _f;                                           \
		call;                                                   \
		fclose(_f);                                             \
	} while (0)

/* The plain JSON text of o (released); free() the result. */
static char *json(struct json_object *o)
{
	char *s = strdup(json_object_to_json_string_ext(o,
			JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));

	json_object_put(o);
	return s;
}

static void test_hist(void)
{
	uint64_t b[FSR_HIST_BUCKETS] = { 0 };
	uint64_t ns;
	bool open;
	char d[32], *out;

	tap_ok(hist_lo_ns(0) == 0 && hist_hi_ns(0) == 2048,
	       "hist: bucket 0 is [0, 2^11) ns");
	tap_ok(hist_lo_ns(1) == 2048 && hist_hi_ns(1) == 4096,
	       "hist: bucket 1 is [2^11, 2^12) ns");
	tap_ok(hist_lo_ns(FSR_HIST_BUCKETS - 1) == 1ULL << 33 &&
	       hist_hi_ns(FSR_HIST_BUCKETS - 1) == UINT64_MAX,
	       "hist: the last bucket starts at 2^33 ns (8.6 s), unbounded");
	tap_ok(!hist_quantile(b, 0.5, &ns, &open), "hist: empty: no p50");
	b[1] = 10;
	tap_ok(hist_quantile(b, 0.5, &ns, &open) && ns == 3072 && !open,
	       "hist: p50 of 10 samples in [2048,4096) interpolates to 3072");
	tap_ok(hist_quantile(b, 0.99, &ns, &open) && ns == 4096,
	       "hist: p99 is the top of the bucket");
	b[5] = 90;	/* [32768, 65536) */
	tap_ok(hist_quantile(b, 0.5, &ns, &open) &&
	       ns == 32768 + 32768 * 40 / 90,
	       "hist: p50 lands in the bucket holding rank 50");
	b[FSR_HIST_BUCKETS - 1] = 1000;
	tap_ok(hist_quantile(b, 0.99, &ns, &open) && open &&
	       ns == 1ULL << 33, "hist: p99 in the last bucket is a lower bound");
	fmt_duration(850, d, sizeof(d));
	tap_str(d, "850ns", "duration: ns");
	fmt_duration(3072, d, sizeof(d));
	tap_str(d, "3.1us", "duration: us");
	fmt_duration(2050000, d, sizeof(d));
	tap_str(d, "2.05ms", "duration: ms");
	fmt_duration(1200000000, d, sizeof(d));
	tap_str(d, "1.20s", "duration: s");

	memset(b, 0, sizeof(b));
	b[1] = 3;
	b[2] = 1;
	out = json(hist_json(b));
	tap_str(out, "{\"count\":4,\"p50_ns\":3413,\"p99_ns\":8192,"
		"\"buckets\":[0,3,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}",
		"hist: json with count, p50, p99 and the raw buckets");
	free(out);
	CAPTURE(out, hist_text(f, "  ", "hist_auth", b));
	tap_str(out, "  hist_auth      count 4  p50 ~3.4us  p99 ~8.2us\n"
		"                 buckets 2.0us-4.1us:3 4.1us-8.2us:1\n",
		"hist: text with estimates and non-empty buckets");
	free(out);
	memset(b, 0, sizeof(b));
	out = json(hist_json(b));
	tap_str(out, "{\"count\":0,\"p50_ns\":null,\"p99_ns\":null,"
		"\"buckets\":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}",
		"hist: empty json");
	free(out);
}

static void test_sta_ntf(void)
{
	char buf[1024];
	uint8_t nonce[32];
	struct nlmsghdr *nlh;
	struct fsr_rec r;
	char *out;

	nlh = msg(buf, sizeof(buf), FSR_CMD_STA_NTF);
	mnl_attr_put_u8(nlh, FSR_A_EVENT, FSR_EVENT_FT_REFUSED);
	mnl_attr_put_u32(nlh, FSR_A_IFINDEX, 3);
	mnl_attr_put(nlh, FSR_A_STA_ADDR, 6, sta);
	mnl_attr_put_u16(nlh, FSR_A_STATUS, 53);
	mnl_attr_put_u8(nlh, FSR_A_WHY, FSR_WHY_PMKID);
	tap_ok(fsr_rec_decode(nlh, &r) == 0 && r.cmd == FSR_CMD_STA_NTF,
	       "sta_ntf: decode ft-refused");
	CAPTURE(out, fmt_event_text(f, &r));
	tap_str(out, "ft-refused ifindex 3 sta 02:00:00:00:02:00 status 53 why pmkid\n",
		"sta_ntf: ft-refused text with status and why");
	free(out);
	out = json(fmt_event_json(&r));
	tap_str(out, "{\"event\":\"ft-refused\",\"ifindex\":3,"
		"\"sta\":\"02:00:00:00:02:00\",\"status\":53,\"why\":\"pmkid\"}",
		"sta_ntf: ft-refused json");
	free(out);

	nlh = msg(buf, sizeof(buf), FSR_CMD_STA_NTF);
	mnl_attr_put_u8(nlh, FSR_A_EVENT, FSR_EVENT_FT_PASSED);
	mnl_attr_put_u32(nlh, FSR_A_IFINDEX, 3);
	mnl_attr_put(nlh, FSR_A_STA_ADDR, 6, sta);
	mnl_attr_put_u8(nlh, FSR_A_WHY, FSR_WHY_NO_PMK);
	fsr_rec_decode(nlh, &r);
	CAPTURE(out, fmt_event_text(f, &r));
	tap_str(out, "ft-passed ifindex 3 sta 02:00:00:00:02:00 why no-pmk\n",
		"sta_ntf: ft-passed with why");
	free(out);

	memset(nonce, 0x5a, sizeof(nonce));
	nlh = msg(buf, sizeof(buf), FSR_CMD_STA_NTF);
	mnl_attr_put_u8(nlh, FSR_A_EVENT, FSR_EVENT_FT_STA_SERVED);
	mnl_attr_put_u32(nlh, FSR_A_IFINDEX, 3);
	mnl_attr_put(nlh, FSR_A_STA_ADDR, 6, sta);
	mnl_attr_put_u16(nlh, FSR_A_AID, 129);
	mnl_attr_put_u32(nlh, FSR_A_AKM, FSR_AKM_FT_PSK);
	mnl_attr_put_u32(nlh, FSR_A_PAIRWISE, FSR_CIPHER_CCMP_128);
	mnl_attr_put(nlh, FSR_A_ANONCE, 32, nonce);
	mnl_attr_put(nlh, FSR_A_SNONCE, 32, nonce);
	mnl_attr_put_u8(nlh, FSR_A_GTK_IDX, 2);
	mnl_attr_put_u64(nlh, FSR_A_SERVICE_NS, 123456);
	tap_ok(fsr_rec_decode(nlh, &r) == 0 && r.aid == 129 &&
	       r.service_ns == 123456 && r.anonce[31] == 0x5a,
	       "sta_ntf: decode ft-sta-served");
	CAPTURE(out, fmt_event_text(f, &r));
	tap_str(out, "ft-sta-served ifindex 3 sta 02:00:00:00:02:00 akm ft-psk "
		"cipher ccmp aid 129 gtk_idx 2 service_ns 123456\n",
		"sta_ntf: ft-sta-served text (nonces not printed)");
	free(out);

	nlh = msg(buf, sizeof(buf), FSR_CMD_STA_NTF);
	mnl_attr_put_u8(nlh, FSR_A_EVENT, 200);
	mnl_attr_put_u8(nlh, FSR_A_WHY, 200);
	fsr_rec_decode(nlh, &r);
	CAPTURE(out, fmt_event_text(f, &r));
	tap_str(out, "unknown-200 why unknown-200\n",
		"sta_ntf: unknown event and why values");
	free(out);

	nlh = msg(buf, sizeof(buf), FSR_CMD_STA_NTF);
	mnl_attr_put_u32(nlh, FSR_A_STATUS, 53);
	tap_ok(fsr_rec_decode(nlh, &r) == -EBADMSG,
	       "sta_ntf: u32 status is malformed");
	nlh = msg(buf, sizeof(buf), FSR_CMD_STA_NTF);
	mnl_attr_put(nlh, FSR_A_ANONCE, 16, nonce);
	tap_ok(fsr_rec_decode(nlh, &r) == -EBADMSG,
	       "sta_ntf: short anonce is malformed");
}

/* A BSS_GET record with the FT nest and histograms. */
static void bss_rec(struct fsr_rec *r, bool with_hist)
{
	static const uint8_t mde[5] = { 54, 3, 0xa1, 0xb2, 0x01 };
	char buf[2048];
	struct nlmsghdr *nlh;
	struct nlattr *n;

	nlh = msg(buf, sizeof(buf), FSR_CMD_BSS_GET);
	mnl_attr_put_u32(nlh, FSR_A_IFINDEX, 3);
	mnl_attr_put_strz(nlh, FSR_A_IFNAME, "wlan0");
	mnl_attr_put(nlh, FSR_A_BSSID, 6, bssid);
	n = mnl_attr_nest_start(nlh, FSR_A_BSS_STATS);
	mnl_attr_put_u64(nlh, FSR_STAT_FT_AUTH_SERVED, 7);
	mnl_attr_put_u64(nlh, FSR_STAT_ERR_MIC, 1);
	mnl_attr_nest_end(nlh, n);
	n = mnl_attr_nest_start(nlh, FSR_A_FT);
	mnl_attr_put_u8(nlh, FSR_FT_A_ENABLE, 1);
	mnl_attr_put_u8(nlh, FSR_FT_A_READY, 1);
	mnl_attr_put(nlh, FSR_FT_A_MDE, 5, mde);
	mnl_attr_put(nlh, FSR_FT_A_R1KH_ID, 6, bssid);
	mnl_attr_put_u16(nlh, FSR_FT_A_AID_MIN, 129);
	mnl_attr_put_u16(nlh, FSR_FT_A_AID_MAX, 256);
	mnl_attr_put_u32(nlh, FSR_FT_A_DEADLINE_MS, 1000);
	mnl_attr_put_u8(nlh, FSR_FT_A_GTK_IDX, 1);
	mnl_attr_nest_end(nlh, n);
	if (with_hist) {
		n = mnl_attr_nest_start(nlh, FSR_A_HIST_AUTH);
		mnl_attr_put_u64(nlh, 2, 3);	/* bucket 1 */
		mnl_attr_put_u64(nlh, 3, 1);	/* bucket 2 */
		mnl_attr_nest_end(nlh, n);
		n = mnl_attr_nest_start(nlh, FSR_A_HIST_REASSOC);
		mnl_attr_put_u64(nlh, FSR_HIST_BUCKETS, 2);
		mnl_attr_put_u64(nlh, FSR_HIST_BUCKETS + 1, 9); /* ignored */
		mnl_attr_nest_end(nlh, n);
	}
	tap_ok(fsr_rec_decode(nlh, r) == 0, "bss: decode with FT nest and histograms");
}

static void test_kernel_bss(void)
{
	char buf[256];
	struct nlmsghdr *nlh;
	struct nlattr *n;
	struct fsr_rec r;
	char *out;

	bss_rec(&r, true);
	tap_ok(r.hist_auth[1] == 3 && r.hist_auth[2] == 1 &&
	       r.hist_reassoc[FSR_HIST_BUCKETS - 1] == 2,
	       "bss: histogram buckets decoded (type i + 1 = bucket i)");
	tap_ok(r.ft_aid_min == 129 && r.ft_aid_max == 256 && r.ft_ready,
	       "bss: FT nest decoded");
	out = json(kernel_bss_json(&r));
	tap_ok(strstr(out, "\"ft\":{\"enable\":true,\"ready\":true,"
		      "\"mobility_domain\":\"a1b2\",\"r1kh_id\":\"02:00:00:00:00:aa\","
		      "\"aid_min\":129,\"aid_max\":256,\"deadline_ms\":1000,"
		      "\"gtk_idx\":1}") != NULL &&
	       strstr(out, "\"ft_auth_served\":7") &&
	       strstr(out, "\"err_mic\":1") &&
	       strstr(out, "\"hist_auth\":{\"count\":4,") &&
	       strstr(out, "\"hist_reassoc\":{\"count\":2,\"p50_ns\":8589934592,"),
	       "bss: kernel view json: ft, stats, histograms");
	if (!strstr(out, "\"gtk_idx\":1}"))
		tap_diag("got", out);
	free(out);
	CAPTURE(out, fmt_stats_text(f, &r, 1));
	tap_ok(strstr(out, "    ft_auth_served                        7\n") &&
	       strstr(out, "    hist_auth      count 4  p50 ~3.4us  p99 ~8.2us\n") &&
	       strstr(out, "    hist_reassoc   count 2  p50 >=8.59s  p99 >=8.59s\n"),
	       "stats: text with the new counters and histograms");
	free(out);
	out = json(fmt_stats_json(&r, 1));
	tap_ok(strstr(out, "\"hist_auth\":{\"count\":4,\"p50_ns\":3413,") != NULL,
	       "stats: json with histograms");
	free(out);

	nlh = msg(buf, sizeof(buf), FSR_CMD_BSS_GET);
	n = mnl_attr_nest_start(nlh, FSR_A_HIST_AUTH);
	mnl_attr_put_u32(nlh, 1, 3);
	mnl_attr_nest_end(nlh, n);
	tap_ok(fsr_rec_decode(nlh, &r) == -EBADMSG,
	       "bss: a u32 histogram bucket is malformed");
	nlh = msg(buf, sizeof(buf), FSR_CMD_BSS_GET);
	n = mnl_attr_nest_start(nlh, FSR_A_FT);
	mnl_attr_put_u32(nlh, FSR_FT_A_AID_MIN, 3);
	mnl_attr_nest_end(nlh, n);
	tap_ok(fsr_rec_decode(nlh, &r) == -EBADMSG,
	       "bss: a u32 AID_MIN is malformed");
}

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static const char daemon_bss[] =
	"[{\"name\":\"ap1\",\"ifname\":\"wlan0\",\"ifindex\":3,"
	"\"bssid\":\"02:00:00:00:00:aa\",\"ssid\":\"fsr\",\"started\":true,"
	"\"channel\":1,\"freq\":2412,\"security\":\"ft-psk\","
	"\"akms\":[\"ft-psk\",\"psk\"],\"cipher\":\"ccmp\","
	"\"cipher_suite\":\"00-0f-ac:4\",\"stations\":1,\"stations_known\":1,"
	"\"max_stations\":128,\"gtk_idx\":1,\"gtk_rekey_interval_s\":0,"
	"\"rekey_pending\":0,\"ft\":{\"mobility_domain\":\"a1b2\","
	"\"r1kh_id\":\"02:00:00:00:00:aa\",\"kernel_fast_path\":false}},"
	"{\"name\":\"ap2\",\"ifname\":\"wlan1\",\"ifindex\":4,"
	"\"bssid\":\"02:00:00:00:01:aa\",\"ssid\":\"fsr\",\"started\":true,"
	"\"channel\":1,\"freq\":2412,\"security\":\"wpa2-psk\","
	"\"akms\":[\"psk\"],\"cipher\":\"ccmp\","
	"\"cipher_suite\":\"00-0f-ac:4\",\"stations\":0,\"stations_known\":0,"
	"\"max_stations\":128,\"gtk_idx\":1,\"gtk_rekey_interval_s\":0,"
	"\"rekey_pending\":0}]";

static void test_merge(void)
{
	struct json_object *d = json_tokener_parse(daemon_bss), *m, *o, *v;
	struct fsr_rec r[2];
	char *out;

	bss_rec(&r[0], false);
	memset(&r[1], 0, sizeof(r[1]));
	r[1].has = FSR_REC_HAS(FSR_A_IFNAME) | FSR_REC_HAS(FSR_A_IFINDEX);
	strcpy(r[1].ifname, "wlan9");
	r[1].ifindex = 9;

	m = bss_merge_json(r, 2, true, d, NULL);
	tap_ok(json_object_array_length(m) == 3,
	       "merge: fsrd's two BSSes and the kernel-only one");
	o = json_object_array_get_idx(m, 0);
	tap_ok(json_object_object_get_ex(o, "daemon", &v) &&
	       json_object_object_get_ex(o, "kernel", &v) &&
	       json_object_object_get_ex(v, "stats", &v),
	       "merge: wlan0 has both views");
	o = json_object_array_get_idx(m, 1);
	tap_ok(json_object_object_get_ex(o, "kernel", &v) &&
	       !strcmp(json_object_to_json_string(v), "{ \"attached\": false }"),
	       "merge: wlan1 served by fsrd but not attached");
	o = json_object_array_get_idx(m, 2);
	tap_ok(!json_object_object_get_ex(o, "daemon", &v) &&
	       json_object_object_get_ex(o, "ifname", &v) &&
	       !strcmp(json_object_get_string(v), "wlan9"),
	       "merge: wlan9 only in the kernel");
	CAPTURE(out, fmt_bss_merged_text(f, m));
	tap_ok(strstr(out, "wlan0 ifindex 3 bssid 02:00:00:00:00:aa\n"
		      "  daemon (fsrd)\n"
		      "    name             ap1\n"
		      "    ssid             \"fsr\"\n") &&
	       strstr(out, "    security         ft-psk akms ft-psk psk\n") &&
	       strstr(out, "    stations         1 associated (max 128)\n") &&
	       strstr(out, "  kernel (fsr.ko)\n    attached         yes\n"
		      "    fast_path        enabled, ready, AIDs 129-256, deadline 1000 ms, gtk_idx 1\n"
		      "    ft_auth_served   7\n    err_mic          1\n") &&
	       strstr(out, "wlan1 ifindex 4 bssid 02:00:00:00:01:aa\n") &&
	       strstr(out, "  kernel (fsr.ko)\n    attached         no\n\n"),
	       "merge: text blocks per BSS");
	if (!strstr(out, "attached         no"))
		tap_diag("got", out);
	free(out);
	json_object_put(m);

	m = bss_merge_json(NULL, 0, false, d, "wlan1");
	out = json(m);
	tap_ok(starts(out, "[{\"ifname\":\"wlan1\",\"ifindex\":4,"
		      "\"bssid\":\"02:00:00:00:01:aa\",\"daemon\":{") &&
	       !strstr(out, "kernel"),
	       "merge: without the kernel, one BSS by name, no kernel member");
	free(out);

	m = bss_merge_json(r, 1, true, NULL, NULL);
	out = json(m);
	tap_ok(starts(out, "[{\"ifname\":\"wlan0\",\"ifindex\":3,"
		      "\"bssid\":\"02:00:00:00:00:aa\",\"kernel\":{\"attached\":true,") &&
	       !strstr(out, "daemon"),
	       "merge: without fsrd, the kernel's BSSes");
	free(out);
	json_object_put(d);
}

static void test_station_text(void)
{
	struct json_object *a = json_tokener_parse(
		"[{\"addr\":\"02:00:00:00:02:00\",\"bss\":{\"ifname\":\"wlan0\","
		"\"bssid\":\"02:00:00:00:00:aa\",\"ssid\":\"fsr\"},"
		"\"state\":\"associated\",\"aid\":1,\"akm\":\"ft-psk\","
		"\"akm_suite\":\"00-0f-ac:4\",\"cipher\":\"ccmp\","
		"\"cipher_suite\":\"00-0f-ac:4\",\"since\":\"2026-11-22T07:15:02.123Z\","
		"\"since_s\":45,\"how\":\"ft-userspace\",\"authorized\":true,"
		"\"rekey_pending\":false,\"counters\":{\"source\":\"nl80211\","
		"\"rx_bytes\":1000,\"tx_bytes\":2000}},"
		"{\"addr\":\"02:00:00:00:03:00\",\"bss\":{\"ifname\":\"wlan0\","
		"\"bssid\":\"02:00:00:00:00:aa\",\"ssid\":\"fsr\"},"
		"\"state\":\"authenticated\",\"aid\":0,\"since\":\"x\",\"since_s\":0,"
		"\"how\":\"none\",\"authorized\":false,\"rekey_pending\":false}]");
	struct json_object *t = json_tokener_parse(
		"{\"time\":\"2026-11-22T07:15:02.123Z\",\"bss\":\"wlan0\","
		"\"sta\":\"02:00:00:00:02:00\",\"event\":\"eapol\","
		"\"detail\":\"M1 sent (try 1, replay counter 1)\"}");
	char *out;

	CAPTURE(out, fmt_stations_text(f, a));
	tap_str(out,
		"02:00:00:00:02:00\n"
		"    bss              wlan0 02:00:00:00:00:aa ssid \"fsr\"\n"
		"    state            associated\n"
		"    aid              1\n"
		"    akm              ft-psk (00-0f-ac:4)\n"
		"    cipher           ccmp (00-0f-ac:4)\n"
		"    since            2026-11-22T07:15:02.123Z (45 s)\n"
		"    how              FT roam served by userspace (fsrd)\n"
		"    authorized       yes\n"
		"    rekey_pending    no\n"
		"    rx_bytes         1000\n"
		"    tx_bytes         2000\n"
		"    counters_from    nl80211\n"
		"\n"
		"02:00:00:00:03:00\n"
		"    bss              wlan0 02:00:00:00:00:aa ssid \"fsr\"\n"
		"    state            authenticated\n"
		"    aid              0\n"
		"    since            x (0 s)\n"
		"    how              not associated\n"
		"    authorized       no\n"
		"    rekey_pending    no\n",
		"station: text blocks");
	free(out);
	CAPTURE(out, fmt_trace_text(f, t));
	tap_str(out, "2026-11-22T07:15:02.123Z wlan0 02:00:00:00:02:00 eapol"
		"            M1 sent (try 1, replay counter 1)\n",
		"trace: one line");
	free(out);
	json_object_put(a);
	json_object_put(t);
	a = json_object_new_array();
	CAPTURE(out, fmt_stations_text(f, a));
	tap_str(out, "no stations\n", "station: none");
	free(out);
	json_object_put(a);
}

static void test_auth_text(void)
{
	struct json_object *p = json_tokener_parse(
		"{\"ok\":true,\"enabled\":true,\"entries\":["
		"{\"sta\":\"02:00:00:00:01:00\",\"bssid\":\"02:00:00:00:00:aa\","
		"\"pmkid\":\"5e0f3c2a9b1d4e6f708192a3b4c5d6e7\",\"akm\":\"8021x\","
		"\"akm_suite\":\"00-0f-ac:1\",\"expires_in\":43187,\"okc\":false,"
		"\"vlan\":0,\"session_timeout\":0,\"user\":\"alice\"},"
		"{\"sta\":\"02:00:00:00:01:00\",\"bssid\":\"02:00:00:00:00:bb\","
		"\"pmkid\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"akm\":null,"
		"\"akm_suite\":\"50-6f-9a:127\",\"expires_in\":7,\"okc\":true,"
		"\"vlan\":10,\"session_timeout\":3600,\"user\":\"bob\","
		"\"from\":\"ap1.lab.example\"}]}");
	struct json_object *a = json_tokener_parse(
		"{\"ok\":true,\"auth\":{\"psk\":1,\"eap_started\":5},"
		"\"enabled\":true,\"eap\":{\"eapol_rx\":31},"
		"\"pmksa\":{\"entries\":2},\"auth_servers\":["
		"{\"name\":\"primary\",\"address\":\"127.0.0.1:1812\","
		"\"dead\":false,\"requests\":12},{\"name\":\"backup\","
		"\"address\":\"[::1]:1822\",\"dead\":true,\"requests\":3}],"
		"\"acct_servers\":[],\"das\":null}");
	char *out;

	CAPTURE(out, fmt_pmksa_text(f, p));
	tap_str(out,
		"STA                BSSID              PMKID                             AKM               EXPIRES  OKC  FROM              USER\n"
		"02:00:00:00:01:00  02:00:00:00:00:aa  5e0f3c2a9b1d4e6f708192a3b4c5d6e7  8021x              43187s  no   here              alice\n"
		"02:00:00:00:01:00  02:00:00:00:00:bb  a1b2c3d4e5f60718293a4b5c6d7e8f90  50-6f-9a:127           7s  yes  ap1.lab.example   bob\n",
		"pmksa: table, AKM name else its suite, FROM here or the sharing peer");
	free(out);
	json_object_put(p);
	p = json_tokener_parse("{\"enabled\":false,\"entries\":[]}");
	CAPTURE(out, fmt_pmksa_text(f, p));
	tap_str(out, "no BSS of fsrd uses 802.1X: no PMKSA cache\n",
		"pmksa: no cache, no header");
	free(out);
	json_object_put(p);
	p = json_tokener_parse("{\"enabled\":true,\"entries\":[]}");
	CAPTURE(out, fmt_pmksa_text(f, p));
	tap_str(out, "", "pmksa: empty cache prints nothing");
	free(out);
	json_object_put(p);

	CAPTURE(out, fmt_auth_text(f, a));
	tap_str(out,
		"authentications\n"
		"    psk                    1\n"
		"    eap_started            5\n"
		"eap\n"
		"    eapol_rx               31\n"
		"pmksa\n"
		"    entries                2\n"
		"auth_server primary (127.0.0.1:1812): alive\n"
		"    requests               12\n"
		"auth_server backup ([::1]:1822): dead\n"
		"    requests               3\n",
		"auth: blocks, servers alive/dead, null das left out");
	free(out);
	json_object_put(a);
	a = json_tokener_parse("{\"auth\":{\"psk\":2},\"enabled\":false}");
	CAPTURE(out, fmt_auth_text(f, a));
	tap_str(out, "authentications\n    psk                    2\n",
		"auth: without 802.1X only the counters");
	free(out);
	json_object_put(a);
}

static void test_names(void)
{
	tap_str(fsr_akm_suite_name(0x000fac02), "psk", "names: akm psk");
	tap_str(fsr_akm_suite_name(0x000fac04), "ft-psk", "names: akm ft-psk");
	tap_ok(!fsr_akm_suite_name(0x0050f204), "names: other OUI unknown");
	tap_str(fsr_cipher_suite_name(0x000fac04), "ccmp", "names: ccmp");
	tap_str(fsr_cipher_suite_name(0x000fac09), "gcmp-256", "names: gcmp-256");
	tap_ok(!fsr_cipher_suite_name(0x000fac03), "names: reserved cipher");
	tap_str(fsr_stat_name(FSR_STAT_ERR_NO_ACK), "err_no_ack",
		"names: last counter");
	tap_str(fsr_event_name(FSR_EVENT_FT_STA_SERVED), "ft-sta-served",
		"names: ft-sta-served");
	tap_str(fsr_why_name(FSR_WHY_NO_ACK), "no-ack",
		"names: last why");
	tap_ok(!fsr_why_name(0) && !fsr_why_name(FSR_WHY_NO_ACK + 1),
	       "names: why out of range");
	tap_str(fsr_attr_name(FSR_A_HIST_REASSOC), "hist-reassoc",
		"names: last attribute");
}

int main(void)
{
	test_hist();
	test_sta_ntf();
	test_kernel_bss();
	test_merge();
	test_station_text();
	test_auth_text();
	test_names();
	return tap_done();
}
