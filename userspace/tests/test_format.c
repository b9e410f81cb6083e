// SPDX-License-Identifier: GPL-2.0-only
/* Unit tests: decoding of crafted "fsr" messages and their text and JSON. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#include "format.h"
#include "fsr_rec.h"
#include "tap.h"

static const uint8_t sta[6] = { 0x02, 0, 0, 0, 0x02, 0 };
static const uint8_t r1kh[6] = { 0x02, 0, 0, 0, 0x01, 0 };
static const uint8_t bssid[6] = { 0x02, 0, 0, 0, 0, 0xaa };
static const uint8_t r1name[16] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66,
				    0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd,
				    0xee, 0xff };

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

static void put_pmk(struct nlmsghdr *nlh, const char *r0kh)
{
	uint8_t r0name[16];

	memset(r0name, 0xab, sizeof(r0name));
	mnl_attr_put(nlh, FSR_A_STA_ADDR, 6, sta);
	mnl_attr_put(nlh, FSR_A_PMK_R1_NAME, 16, r1name);
	mnl_attr_put(nlh, FSR_A_PMK_R0_NAME, 16, r0name);
	mnl_attr_put(nlh, FSR_A_R0KH_ID, strlen(r0kh), r0kh);
	mnl_attr_put(nlh, FSR_A_R1KH_ID, 6, r1kh);
	mnl_attr_put_u32(nlh, FSR_A_AKM, FSR_AKM_FT_PSK);
	mnl_attr_put_u32(nlh, FSR_A_PAIRWISE, FSR_CIPHER_CCMP_128);
	mnl_attr_put_u32(nlh, FSR_A_LIFETIME, 3593);
}

/* Run @fn into a memory stream and return what it wrote (free it). */
#define CAPTURE(out, call)                                              \
	do {                                                            \
		size_t _len;                                            \
		FILE *_f = open_memstream(&(out), &_len);               \
		FILE *f = _f;                                           \
		call;                                                   \
		fclose(_f);                                             \
	} while (0)

static char *json(struct json_object *o)
{
	char *s = strdup(json_object_to_json_string_ext(o,
			JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));

	json_object_put(o);
	return s;
}

static void test_pmk(void)
{
	char buf[1024];
	struct fsr_rec r[2];
	struct nlmsghdr *nlh;
	char *out;

	nlh = msg(buf, sizeof(buf), FSR_CMD_PMK_GET);
	put_pmk(nlh, "ap1.example.com");
	mnl_attr_put_u8(nlh, FSR_A_PMK_ORIGIN, FSR_PMK_ORIGIN_PUSHED);
	mnl_attr_put_u32(nlh, 200, 7);	/* unknown: skipped */
	tap_ok(fsr_rec_decode(nlh, &r[0]) == 0, "pmk: decode");
	tap_ok(r[0].cmd == FSR_CMD_PMK_GET && r[0].lifetime == 3593 &&
	       r[0].r0kh_len == 15, "pmk: decoded values");
	tap_ok(!fsr_rec_has(&r[0], FSR_A_PMK_KEY) &&
	       fsr_rec_has(&r[0], FSR_A_AKM), "pmk: presence bits");

	nlh = msg(buf, sizeof(buf), FSR_CMD_PMK_GET);
	put_pmk(nlh, "a b\\\x01");
	mnl_attr_put_u8(nlh, FSR_A_PMK_ORIGIN, 9);	/* a newer module's */
	fsr_rec_decode(nlh, &r[1]);
	r[1].akm = 0x000fac05;

	CAPTURE(out, fmt_pmk_text(f, r, 2));
	tap_str(out,
		"sta 02:00:00:00:02:00 pmk_r1_name 00112233445566778899aabbccddeeff\n"
		"    pmk_r0_name abababababababababababababababab\n"
		"    r0kh_id     ap1.example.com\n"
		"    r1kh_id     02:00:00:00:01:00\n"
		"    akm         ft-psk\n"
		"    cipher      ccmp\n"
		"    lifetime    3593\n"
		"    origin      pushed\n"
		"\n"
		"sta 02:00:00:00:02:00 pmk_r1_name 00112233445566778899aabbccddeeff\n"
		"    pmk_r0_name abababababababababababababababab\n"
		"    r0kh_id     a\\x20b\\\\\\x01\n"
		"    r1kh_id     02:00:00:00:01:00\n"
		"    akm         0x000fac05\n"
		"    cipher      ccmp\n"
		"    lifetime    3593\n"
		"    origin      unknown-9\n",
		"pmk: text blocks, escaped r0kh, unknown akm and origin");
	free(out);

	out = json(fmt_pmk_json(r, 1));
	tap_str(out,
		"[{\"sta\":\"02:00:00:00:02:00\","
		"\"pmk_r1_name\":\"00112233445566778899aabbccddeeff\","
		"\"pmk_r0_name\":\"abababababababababababababababab\","
		"\"r0kh_id\":\"ap1.example.com\","
		"\"r1kh_id\":\"02:00:00:00:01:00\",\"akm\":\"ft-psk\","
		"\"cipher\":\"ccmp\",\"lifetime\":3593,\"origin\":\"pushed\"}]",
		"pmk: json");
	free(out);

	out = json(fmt_pmk_json(r, 0));
	tap_str(out, "[]", "pmk: empty json array");
	free(out);
	CAPTURE(out, fmt_pmk_text(f, r, 0));
	tap_str(out, "", "pmk: empty text");
	free(out);
}

static void test_bss(void)
{
	char buf[1024];
	struct fsr_rec r;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	char *out;

	nlh = msg(buf, sizeof(buf), FSR_CMD_BSS_GET);
	mnl_attr_put_u32(nlh, FSR_A_IFINDEX, 3);
	mnl_attr_put_strz(nlh, FSR_A_IFNAME, "wlan0");
	mnl_attr_put(nlh, FSR_A_BSSID, 6, bssid);
	nest = mnl_attr_nest_start(nlh, FSR_A_BSS_STATS);
	mnl_attr_put_u64(nlh, FSR_STAT_RX_AUTH, 12);
	mnl_attr_put_u64(nlh, FSR_STAT_SERVED, 10);
	mnl_attr_put_u64(nlh, FSR_STAT_ERR_NOMEM, 18446744073709551615ULL);
	mnl_attr_nest_end(nlh, nest);
	tap_ok(fsr_rec_decode(nlh, &r) == 0, "bss: decode with stats nest");

	CAPTURE(out, fmt_bss_text(f, &r, 1));
	tap_str(out,
		"IFNAME           IFINDEX  BSSID\n"
		"wlan0                  3  02:00:00:00:00:aa\n",
		"bss: text table");
	free(out);
	out = json(fmt_bss_json(&r, 1));
	tap_str(out, "[{\"ifname\":\"wlan0\",\"ifindex\":3,"
		"\"bssid\":\"02:00:00:00:00:aa\"}]", "bss: json");
	free(out);

	CAPTURE(out, fmt_stats_text(f, &r, 1));
	tap_str(out,
		"wlan0 ifindex 3 bssid 02:00:00:00:00:aa\n"
		"    rx_auth                              12\n"
		"    rx_assoc_req                          0\n"
		"    rx_reassoc_req                        0\n"
		"    rx_action                             0\n"
		"    served                               10\n"
		"    passed                                0\n"
		"    err_malformed                         0\n"
		"    err_no_pmk                            0\n"
		"    err_nomem          18446744073709551615\n"
		"    ft_auth_served                        0\n"
		"    ft_reassoc_served                     0\n"
		"    ft_refused                            0\n"
		"    ft_passed                             0\n"
		"    err_rsne                              0\n"
		"    err_mde                               0\n"
		"    err_fte                               0\n"
		"    err_pmkid                             0\n"
		"    err_nonce                             0\n"
		"    err_mic                               0\n"
		"    err_replay                            0\n"
		"    err_stale                             0\n"
		"    err_no_aid                            0\n"
		"    err_sta                               0\n"
		"    err_tx                                0\n"
		"    err_pending_full                      0\n"
		"    err_group_sa                          0\n"
		"    ft_auth_resent                        0\n"
		"    ft_fallback                           0\n"
		"    err_queue_full                        0\n"
		"    err_dup_job                           0\n"
		"    events_suppressed                     0\n"
		"    refusals_suppressed                    0\n"
		"    jobs_queued                           0\n"
		"    ft_sta_prepared                       0\n"
		"    ft_prep_used                          0\n"
		"    ft_prep_removed                       0\n"
		"    ft_prep_skipped                       0\n"
		"    ft_ptk_after_ack                      0\n"
		"    ft_ack_lost                           0\n"
		"    err_no_ack                            0\n"
		"    ft_ds_served                          0\n",
		"stats: text, every counter");
	free(out);
	out = json(fmt_stats_json(&r, 1));
	tap_str(out, "[{\"ifname\":\"wlan0\",\"ifindex\":3,"
		"\"bssid\":\"02:00:00:00:00:aa\",\"stats\":{\"rx_auth\":12,"
		"\"rx_assoc_req\":0,\"rx_reassoc_req\":0,\"rx_action\":0,"
		"\"served\":10,\"passed\":0,\"err_malformed\":0,"
		"\"err_no_pmk\":0,\"err_nomem\":18446744073709551615,"
		"\"ft_auth_served\":0,\"ft_reassoc_served\":0,\"ft_refused\":0,"
		"\"ft_passed\":0,\"err_rsne\":0,\"err_mde\":0,\"err_fte\":0,"
		"\"err_pmkid\":0,\"err_nonce\":0,\"err_mic\":0,\"err_replay\":0,"
		"\"err_stale\":0,\"err_no_aid\":0,\"err_sta\":0,\"err_tx\":0,"
		"\"err_pending_full\":0,\"err_group_sa\":0,\"ft_auth_resent\":0,"
		"\"ft_fallback\":0,\"err_queue_full\":0,\"err_dup_job\":0,"
		"\"events_suppressed\":0,\"refusals_suppressed\":0,"
		"\"jobs_queued\":0,\"ft_sta_prepared\":0,\"ft_prep_used\":0,"
		"\"ft_prep_removed\":0,\"ft_prep_skipped\":0,"
		"\"ft_ptk_after_ack\":0,\"ft_ack_lost\":0,\"err_no_ack\":0,"
		"\"ft_ds_served\":0}}]",
		"stats: json, u64 counters as numbers");
	free(out);
}

static void test_info(void)
{
	char buf[1024];
	struct fsr_rec r;
	struct nlmsghdr *nlh;
	char *out;

	nlh = msg(buf, sizeof(buf), FSR_CMD_INFO_GET);
	mnl_attr_put_strz(nlh, FSR_A_VERSION, "0.1.0");
	mnl_attr_put_u8(nlh, FSR_A_HOOK, 1);
	mnl_attr_put_u32(nlh, FSR_A_BSS_COUNT, 2);
	mnl_attr_put_u32(nlh, FSR_A_PMK_COUNT, 5);
	mnl_attr_put_u32(nlh, FSR_A_PMK_MAX, 4096);
	tap_ok(fsr_rec_decode(nlh, &r) == 0, "info: decode");
	CAPTURE(out, fmt_info_text(f, &r));
	tap_str(out,
		"version     0.1.0\n"
		"hook        yes\n"
		"bss_count   2\n"
		"pmk_count   5\n"
		"pmk_max     4096\n", "info: text");
	free(out);
	out = json(fmt_info_json(&r));
	tap_str(out, "{\"version\":\"0.1.0\",\"hook\":true,\"bss_count\":2,"
		"\"pmk_count\":5,\"pmk_max\":4096}", "info: json");
	free(out);
}

static void test_events(void)
{
	char buf[1024];
	struct fsr_rec r;
	struct nlmsghdr *nlh;
	char *out;

	nlh = msg(buf, sizeof(buf), FSR_CMD_PMK_NTF);
	mnl_attr_put_u8(nlh, FSR_A_EVENT, FSR_EVENT_PMK_REMOVED);
	mnl_attr_put(nlh, FSR_A_STA_ADDR, 6, sta);
	mnl_attr_put(nlh, FSR_A_PMK_R1_NAME, 16, r1name);
	mnl_attr_put_u8(nlh, FSR_A_REASON, FSR_REASON_EXPIRED);
	mnl_attr_put_u32(nlh, FSR_A_GENERATION, 9);
	tap_ok(fsr_rec_decode(nlh, &r) == 0, "event: decode");
	CAPTURE(out, fmt_event_text(f, &r));
	tap_str(out, "pmk-removed sta 02:00:00:00:02:00 pmk_r1_name "
		"00112233445566778899aabbccddeeff reason expired generation 9\n",
		"event: text line");
	free(out);
	out = json(fmt_event_json(&r));
	tap_str(out, "{\"event\":\"pmk-removed\",\"sta\":\"02:00:00:00:02:00\","
		"\"pmk_r1_name\":\"00112233445566778899aabbccddeeff\","
		"\"reason\":\"expired\",\"generation\":9}", "event: json");
	free(out);

	nlh = msg(buf, sizeof(buf), FSR_CMD_BSS_NTF);
	mnl_attr_put_u8(nlh, FSR_A_EVENT, FSR_EVENT_BSS_DETACHED);
	mnl_attr_put_u32(nlh, FSR_A_IFINDEX, 4);
	mnl_attr_put_strz(nlh, FSR_A_IFNAME, "wlan1");
	mnl_attr_put_u8(nlh, FSR_A_REASON, FSR_REASON_IFACE_GONE);
	fsr_rec_decode(nlh, &r);
	out = json(fmt_event_json(&r));
	tap_str(out, "{\"event\":\"bss-detached\",\"ifname\":\"wlan1\","
		"\"ifindex\":4,\"reason\":\"iface-gone\"}", "event: bss json");
	free(out);

	r.event = 77;
	r.reason = 99;
	CAPTURE(out, fmt_event_text(f, &r));
	tap_str(out, "unknown-77 ifname wlan1 ifindex 4 reason unknown-99\n",
		"event: unknown values");
	free(out);
}

static void test_flush(void)
{
	char buf[256];
	struct fsr_rec r;
	struct nlmsghdr *nlh;
	char *out;

	nlh = msg(buf, sizeof(buf), FSR_CMD_PMK_FLUSH);
	mnl_attr_put_u32(nlh, FSR_A_PMK_COUNT, 3);
	fsr_rec_decode(nlh, &r);
	CAPTURE(out, fmt_flush_text(f, &r));
	tap_str(out, "flushed 3 entries\n", "flush: text");
	free(out);
	out = json(fmt_flush_json(&r));
	tap_str(out, "{\"flushed\":3}", "flush: json");
	free(out);
}

static void test_malformed(void)
{
	char buf[256];
	struct fsr_rec r;
	struct nlmsghdr *nlh;

	nlh = msg(buf, sizeof(buf), FSR_CMD_PMK_GET);
	mnl_attr_put(nlh, FSR_A_STA_ADDR, 5, sta);
	tap_ok(fsr_rec_decode(nlh, &r) == -EBADMSG, "malformed: short MAC");

	nlh = msg(buf, sizeof(buf), FSR_CMD_PMK_GET);
	mnl_attr_put_u8(nlh, FSR_A_LIFETIME, 1);
	tap_ok(fsr_rec_decode(nlh, &r) == -EBADMSG, "malformed: u8 lifetime");

	nlh = msg(buf, sizeof(buf), FSR_CMD_BSS_GET);
	mnl_attr_put(nlh, FSR_A_IFNAME, 17, "0123456789abcdefg");
	tap_ok(fsr_rec_decode(nlh, &r) == -EBADMSG,
	       "malformed: ifname too long");

	nlh = msg(buf, sizeof(buf), FSR_CMD_PMK_GET);
	mnl_attr_put(nlh, FSR_A_R0KH_ID, 0, "");
	tap_ok(fsr_rec_decode(nlh, &r) == -EBADMSG, "malformed: empty r0kh");

	nlh = msg(buf, sizeof(buf), FSR_CMD_PMK_GET);
	nlh->nlmsg_len = MNL_NLMSG_HDRLEN + 2;
	tap_ok(fsr_rec_decode(nlh, &r) == -EBADMSG,
	       "malformed: no genl header");
}

int main(void)
{
	test_pmk();
	test_bss();
	test_info();
	test_events();
	test_flush();
	test_malformed();
	return tap_done();
}
