// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of fsrd's control protocol (ctl_proto.c: request parsing,
 * line splitting, reply and trace objects), of the 802.1X views
 * (ctl_auth_fmt.c: PMKSA entries without key bytes, every counter of every
 * struct) and of the trace event names (trace_event.c).
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ctl/ctl_auth.h"
#include "ctl/ctl_proto.h"
#include "tap.h"
#include "core/trace.h"

static int parse(const char *line, struct ctl_req *r, char *err)
{
	return ctl_req_parse(line, strlen(line), r, err, 160);
}

static void test_parse(void)
{
	static const uint8_t mac[6] = { 0x02, 0, 0, 0, 0x02, 0xab };
	struct ctl_req r;
	char err[160];
	char *big;

	tap_ok(parse("{\"cmd\":\"ping\"}", &r, err) == 0 &&
	       r.cmd == CTL_CMD_PING, "parse: ping");
	tap_ok(parse("{\"cmd\":\"station_show\"}", &r, err) == 0 &&
	       r.cmd == CTL_CMD_STATION_SHOW && !r.has_addr && !r.has_bss,
	       "parse: station_show, all");
	tap_ok(parse(" {\"cmd\":\"station_show\",\"addr\":\"02:00:00:00:02:AB\","
		     "\"bss\":\"wlan0\"} \t", &r, err) == 0 && r.has_addr &&
	       !memcmp(r.addr, mac, 6) && r.has_bss && !strcmp(r.bss, "wlan0"),
	       "parse: station_show with addr (any case) and bss, spaces around");
	tap_ok(parse("{\"cmd\":\"bss_show\",\"bss\":\"wlan1\"}", &r, err) == 0 &&
	       r.cmd == CTL_CMD_BSS_SHOW, "parse: bss_show");
	tap_ok(parse("{\"cmd\":\"monitor\",\"addr\":\"02:00:00:00:02:ab\"}", &r,
		     err) == 0 && r.cmd == CTL_CMD_MONITOR && r.has_addr,
	       "parse: monitor one station");
	tap_ok(parse("{\"cmd\":\"pmksa_show\"}", &r, err) == 0 &&
	       r.cmd == CTL_CMD_PMKSA_SHOW && !r.has_addr, "parse: pmksa_show");
	tap_ok(parse("{\"cmd\":\"pmksa_flush\",\"addr\":\"02:00:00:00:02:ab\"}",
		     &r, err) == 0 && r.cmd == CTL_CMD_PMKSA_FLUSH && r.has_addr &&
	       r.addr[5] == 0xab, "parse: pmksa_flush with a station");
	tap_ok(parse("{\"cmd\":\"pmksa_flush\",\"addr\":\"02:00:00\"}", &r,
		     err) == -EINVAL, "parse: pmksa_flush with a bad MAC refused");
	tap_ok(parse("{\"cmd\":\"pmksa_show\",\"bss\":\"wlan0\"}", &r,
		     err) == -EINVAL, "parse: pmksa_show takes no bss");
	tap_ok(parse("{\"cmd\":\"pmksa_flush\",\"bss\":\"wlan0\"}", &r,
		     err) == 0 && r.has_bss && !strcmp(r.bss, "wlan0"),
	       "parse: pmksa_flush of one BSS");
	tap_ok(parse("{\"cmd\":\"auth_show\"}", &r, err) == 0 &&
	       r.cmd == CTL_CMD_AUTH_SHOW, "parse: auth_show");
	tap_ok(parse("{\"cmd\":\"auth_show\",\"addr\":\"02:00:00:00:02:ab\"}",
		     &r, err) == -EINVAL, "parse: auth_show takes no addr");
	tap_ok(parse("{\"cmd\":\"auth_show\",\"bss\":\"wlan0\"}", &r, err) ==
	       -EINVAL, "parse: auth_show takes no bss");
	tap_ok(parse("{\"cmd\":\"portal_show\"}", &r, err) == 0 &&
	       r.cmd == CTL_CMD_PORTAL_SHOW && !r.has_addr,
	       "parse: portal_show");
	tap_ok(parse("{\"cmd\":\"portal_logout\",\"addr\":\"02:00:00:00:02:ab\"}",
		     &r, err) == 0 && r.cmd == CTL_CMD_PORTAL_LOGOUT &&
	       r.has_addr && r.addr[5] == 0xab, "parse: portal_logout with a station");
	tap_ok(parse("{\"cmd\":\"portal_logout\",\"addr\":\"10.77.0.2\"}",
		     &r, err) == -EINVAL, "parse: portal_logout: an IP is no MAC");
	tap_ok(parse("{\"cmd\":\"portal_show\",\"bss\":\"wlan0\"}", &r, err) ==
	       -EINVAL, "parse: portal_show takes no bss");
	tap_ok(parse("{\"cmd\":\"nmsp_show\"}", &r, err) == 0 &&
	       r.cmd == CTL_CMD_NMSP_SHOW, "parse: nmsp_show");
	tap_ok(parse("{\"cmd\":\"nmsp_show\",\"addr\":\"02:00:00:00:02:ab\"}",
		     &r, err) == -EINVAL, "parse: nmsp_show takes no addr");
	tap_ok(parse("{\"cmd\":\"peer_show\"}", &r, err) == 0 &&
	       r.cmd == CTL_CMD_PEER_SHOW && !r.has_bss, "parse: peer_show");
	tap_ok(parse("{\"cmd\":\"peer_show\",\"bss\":\"wlan1\"}", &r,
		     err) == 0 && r.has_bss && !strcmp(r.bss, "wlan1"),
	       "parse: peer_show bss");
	tap_ok(parse("{\"cmd\":\"peer_show\",\"addr\":\"02:00:00:00:02:ab\"}",
		     &r, err) == -EINVAL, "parse: peer_show takes no addr");
	tap_ok(parse("{\"cmd\":\"peer_show\",\"bss\":7}", &r, err) == -EINVAL,
	       "parse: peer_show: bss must be a string");
	tap_ok(parse("{\"cmd\":\"nmsp_auth_show\"}", &r, err) == 0 &&
	       r.cmd == CTL_CMD_NMSP_AUTH_SHOW, "parse: nmsp_auth_show");
	tap_ok(parse("{\"cmd\":\"nmsp_auth_show\",\"addr\":\"02:00:00:00:0a:01\"}",
		     &r, err) == -EINVAL, "parse: nmsp_auth_show takes no addr");
	tap_ok(parse("{\"cmd\":\"nmsp_auth_add\",\"addr\":\"02:00:00:00:0a:01\","
		     "\"hash\":\"sha1:00\"}", &r, err) == 0 &&
	       r.cmd == CTL_CMD_NMSP_AUTH_ADD && r.has_addr && r.has_hash &&
	       !strcmp(r.hash, "sha1:00"),
	       "parse: nmsp_auth_add with addr and hash (its form is fsrd's to judge)");
	tap_ok(parse("{\"cmd\":\"nmsp_auth_del\",\"addr\":\"02:00:00:00:0a:01\"}",
		     &r, err) == 0 && r.cmd == CTL_CMD_NMSP_AUTH_DEL &&
	       !r.has_hash, "parse: nmsp_auth_del with a MAC only");
	tap_ok(parse("{\"cmd\":\"nmsp_auth_add\",\"hash\":5}", &r, err) ==
	       -EINVAL, "parse: nmsp_auth_add: hash must be a string");
	tap_ok(parse("{\"cmd\":\"nmsp_auth_add\",\"hash\":\"sha256:"
		     "00000000000000000000000000000000000000000000000000000000000000000\"}",
		     &r, err) == -EINVAL,
	       "parse: nmsp_auth_add: a hash longer than sha256:<64 hex> refused");
	tap_ok(parse("{\"cmd\":\"nmsp_show\",\"hash\":\"sha1:00\"}", &r, err) ==
	       -EINVAL, "parse: hash only for nmsp_auth_add and del");
	tap_ok(parse("{\"cmd\":\"pmksa_flush\",\"sta\":\"02:00:00:00:02:ab\"}",
		     &r, err) == -EINVAL, "parse: pmksa_flush: unknown member refused");
	tap_ok(parse("{\"cmd\":\"pmksa_show\",\"addr\":[1,2]}", &r, err) ==
	       -EINVAL, "parse: pmksa_show: addr not a string refused");
	tap_ok(parse("{\"cmd\":\"pmksa_show\",\"addr\":\"02:00:00:00:02:zz\"}",
		     &r, err) == -EINVAL, "parse: pmksa_show: bad hex refused");
	tap_ok(parse("{\"cmd\":\"pmksa_flush\",\"bss\":\"0123456789abcdef\"}",
		     &r, err) == -EINVAL, "parse: pmksa_flush: bss name too long");
	tap_ok(parse("{\"cmd\":\"monitor\"}", &r, err) == 0 && !r.has_addr,
	       "parse: monitor every station");

	tap_ok(parse("{\"cmd\":\"station_show\"", &r, err) == -EINVAL,
	       "parse: truncated JSON refused");
	tap_str(err, "malformed JSON", "parse: ... says malformed JSON");
	tap_ok(parse("{\"cmd\":\"ping\"} {\"cmd\":\"ping\"}", &r, err) ==
	       -EINVAL, "parse: two objects on one line refused");
	tap_ok(parse("\x01\x02\xff garbage", &r, err) == -EINVAL,
	       "parse: binary garbage refused");
	tap_ok(parse("[\"cmd\",\"ping\"]", &r, err) == -EINVAL,
	       "parse: an array refused");
	tap_str(err, "the request must be a JSON object", "parse: ... says why");
	tap_ok(parse("{\"addr\":\"02:00:00:00:02:ab\"}", &r, err) == -EINVAL,
	       "parse: no cmd refused");
	tap_str(err, "missing \"cmd\" string", "parse: ... says why");
	tap_ok(parse("{\"cmd\":7}", &r, err) == -EINVAL,
	       "parse: a numeric cmd refused");
	tap_ok(parse("{\"cmd\":\"reboot\"}", &r, err) == -EINVAL,
	       "parse: unknown command refused");
	tap_str(err, "unknown command 'reboot'", "parse: ... named");
	tap_ok(parse("{\"cmd\":\"ping\",\"x\":1}", &r, err) == -EINVAL,
	       "parse: unknown member refused");
	tap_str(err, "unknown member 'x'", "parse: ... named");
	tap_ok(parse("{\"cmd\":\"bss_show\",\"addr\":\"02:00:00:00:02:ab\"}",
		     &r, err) == -EINVAL, "parse: addr is not a bss_show member");
	tap_ok(parse("{\"cmd\":\"station_show\",\"addr\":\"02:00:00:00:02\"}",
		     &r, err) == -EINVAL, "parse: short MAC refused");
	tap_str(err, "invalid MAC address '02:00:00:00:02'", "parse: ... named");
	tap_ok(parse("{\"cmd\":\"station_show\",\"addr\":\"02:00:00:00:02:abc\"}",
		     &r, err) == -EINVAL, "parse: long MAC refused");
	tap_ok(parse("{\"cmd\":\"station_show\",\"addr\":2}", &r, err) ==
	       -EINVAL, "parse: numeric addr refused");
	tap_ok(parse("{\"cmd\":\"station_show\",\"bss\":\"0123456789abcdef\"}",
		     &r, err) == -EINVAL, "parse: interface name too long");
	tap_ok(parse("{\"cmd\":\"station_show\",\"bss\":\"\"}", &r, err) ==
	       -EINVAL, "parse: empty interface name");

	big = malloc(CTL_LINE_MAX + 1);
	memset(big, ' ', CTL_LINE_MAX);
	big[CTL_LINE_MAX] = '\0';
	memcpy(big, "{\"cmd\":\"ping\"}", 14);
	tap_ok(parse(big, &r, err) == -EMSGSIZE, "parse: oversize line refused");
	free(big);
}

struct lines {
	int n;
	char got[8][64];
	int fail_at;
};

static int on_line(void *arg, char *text, size_t len)
{
	struct lines *l = arg;

	if (strlen(text) != len || l->n >= 8)
		return -EINVAL;
	snprintf(l->got[l->n++], sizeof(l->got[0]), "%s", text);
	return l->n == l->fail_at ? -EPIPE : 0;
}

static void test_linebuf(void)
{
	struct ctl_linebuf *lb = calloc(1, sizeof(*lb));
	struct lines l = { 0 };
	char *big;

	tap_ok(ctl_linebuf_feed(lb, "ab", 2, on_line, &l) == 0 && l.n == 0,
	       "lines: a partial line waits");
	tap_ok(ctl_linebuf_feed(lb, "c\n\n\r\nde\r\nf", 10, on_line, &l) == 0 &&
	       l.n == 2 && !strcmp(l.got[0], "abc") && !strcmp(l.got[1], "de"),
	       "lines: split across feeds, empty lines skipped, CRLF");
	tap_ok(ctl_linebuf_feed(lb, "g\n", 2, on_line, &l) == 0 && l.n == 3 &&
	       !strcmp(l.got[2], "fg"), "lines: the rest completes later");
	l.fail_at = 4;
	tap_ok(ctl_linebuf_feed(lb, "x\ny\n", 4, on_line, &l) == -EPIPE &&
	       l.n == 4, "lines: a callback error stops the feed");

	memset(lb, 0, sizeof(*lb));
	l.n = 0;
	l.fail_at = 0;
	big = malloc(CTL_LINE_MAX);
	memset(big, 'a', CTL_LINE_MAX);
	tap_ok(ctl_linebuf_feed(lb, big, CTL_LINE_MAX - 1, on_line, &l) == 0,
	       "lines: CTL_LINE_MAX - 1 bytes fit");
	tap_ok(ctl_linebuf_feed(lb, "\n", 1, on_line, &l) == 0 && l.n == 1,
	       "lines: ... and make a line");
	tap_ok(ctl_linebuf_feed(lb, big, CTL_LINE_MAX, on_line, &l) ==
	       -EMSGSIZE, "lines: a longer line is refused");
	free(big);
	free(lb);
}

static char *str(struct json_object *o)
{
	char *s = strdup(json_object_to_json_string_ext(o,
			JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));

	json_object_put(o);
	return s;
}

static void test_objects(void)
{
	static const uint8_t sta[6] = { 0x02, 0, 0, 0, 0x02, 0xab };
	char buf[40], *s;

	ctl_format_time(1795331702123ULL, buf, sizeof(buf));
	tap_str(buf, "2026-11-22T07:15:02.123Z", "time: ISO 8601 UTC with ms");
	s = str(ctl_trace_json(1795331702123ULL, "wlan0", sta, TRACE_EV_EAPOL,
			       "M2 received, MIC ok \"x\"/y"));
	tap_str(s, "{\"time\":\"2026-11-22T07:15:02.123Z\",\"bss\":\"wlan0\","
		"\"sta\":\"02:00:00:00:02:ab\",\"event\":\"eapol\","
		"\"detail\":\"M2 received, MIC ok \\\"x\\\"/y\"}",
		"trace: object with time, bss, sta, event, detail");
	free(s);
	s = str(ctl_reply_error("unknown command 'x'"));
	tap_str(s, "{\"ok\":false,\"error\":\"unknown command 'x'\"}",
		"reply: error");
	free(s);
	s = str(ctl_reply_ok());
	tap_str(s, "{\"ok\":true}", "reply: ok");
	free(s);
}

static void test_classify(void)
{
	static const struct {
		const char *detail;
		const char *event;
	} v[] = {
		{ "4-way handshake started (PSK)", TRACE_EV_EAPOL },
		{ "M1 sent (try 1, replay counter 1)", TRACE_EV_EAPOL },
		{ "M2 received, MIC ok", TRACE_EV_EAPOL },
		{ "M2 MIC failure: wrong passphrase?", TRACE_EV_EAPOL },
		{ "M3 sent (try 1, replay counter 2)", TRACE_EV_EAPOL },
		{ "M4 received, MIC ok", TRACE_EV_EAPOL },
		{ "PTK installed", TRACE_EV_KEYS },
		{ "port authorized", TRACE_EV_AUTHORIZED },
		{ "4-way handshake completed, port authorized",
		  TRACE_EV_AUTHORIZED },
		{ "4-way handshake failed: no M2 after 4 M1",
		  TRACE_EV_HANDSHAKE_FAIL },
		{ "no M4 after 4 M3", TRACE_EV_HANDSHAKE_FAIL },
		{ "G1 sent (try 1, replay counter 3)", TRACE_EV_REKEY },
		{ "G2 received, MIC ok, GTK 2 in use", TRACE_EV_REKEY },
		{ "group-key handshake completed", TRACE_EV_REKEY },
		{ "group-key handshake failed: no G2 after 4 G1",
		  TRACE_EV_HANDSHAKE_FAIL },
		{ "authorized by an FT roam (replay counter from 1)",
		  TRACE_EV_FT_REASSOC },
		{ "EAPOL-Key dropped: unexpected key info 0x0000",
		  TRACE_EV_EAPOL },
		{ "something else", TRACE_EV_INFO },
		{ "", TRACE_EV_INFO },
	};
	size_t i;
	int bad = 0;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		if (strcmp(trace_event_classify(v[i].detail), v[i].event)) {
			printf("# %s -> %s, want %s\n", v[i].detail,
			       trace_event_classify(v[i].detail), v[i].event);
			bad++;
		}
	}
	tap_ok(!bad, "classify: wpa_auth's trace lines get their events");
	tap_str(trace_event_classify(NULL), TRACE_EV_INFO, "classify: NULL");
}

/* Every member of o is a number 1000 + its field index, in struct order,
 * and there are exactly nfields of them (no field forgotten, none added). */
static bool counters_in_order(struct json_object *o, size_t skip,
			      size_t nfields)
{
	bool ok = o && json_object_object_length(o) == (int)(skip + nfields);
	size_t i = 0;

	if (ok) {
		json_object_object_foreach(o, k, v) {
			(void)k;
			if (i++ < skip)
				continue;
			if (!json_object_is_type(v, json_type_int) ||
			    json_object_get_uint64(v) != 1000 + i - 1 - skip)
				ok = false;
		}
	}
	json_object_put(o);
	return ok;
}

/* A struct of nfields uint64_t counters set to 1000, 1001, ... */
static void fill(void *p, size_t size)
{
	uint64_t *v = p;
	size_t i;

	for (i = 0; i < size / sizeof(uint64_t); i++)
		v[i] = 1000 + i;
}

static void test_auth_fmt(void)
{
	struct pmksa_info e;
	struct fsrd_auth_stats as;
	struct eap_relay_stats es;
	struct eap_limit_stats ls;
	struct pmksa_stats ps;
	struct radius_server_stats rs;
	struct radius_das_stats ds;
	struct json_object *o, *v;
	char *s;

	memset(&e, 0, sizeof(e));
	memcpy(e.spa, "\x02\x00\x00\x00\x01\x00", 6);
	memcpy(e.aa, "\x02\x00\x00\x00\x00\xab", 6);
	memset(e.pmkid, 0xa5, sizeof(e.pmkid));
	e.pmkid[15] = 0x01;
	e.akm = 0x000fac01;
	memcpy(e.ssid, "staff\x01", 6);
	e.ssid_len = 6;
	e.expires_in_s = 43200;
	e.okc = true;
	e.vlan_id = 10;
	e.session_timeout = 3600;
	strcpy(e.user_name, "al\"ice\\\n");
	s = str(ctl_pmksa_entry_json(&e));
	tap_str(s, "{\"sta\":\"02:00:00:00:01:00\",\"bssid\":\"02:00:00:00:00:ab\","
		"\"pmkid\":\"a5a5a5a5a5a5a5a5a5a5a5a5a5a5a501\",\"akm\":\"8021x\","
		"\"akm_suite\":\"00-0f-ac:1\",\"ssid\":\"staff?\","
		"\"expires_in\":43200,\"okc\":true,\"from\":null,"
		"\"vlan\":10,\"session_timeout\":3600,"
		"\"user\":\"al\\\"ice\\\\\\n\"}",
		"pmksa entry: every field, user name escaped, SSID printable");
	tap_ok(!strstr(s, "\"pmk\"") && !strstr(s, "key"),
	       "pmksa entry: no key field");
	free(s);
	strcpy(e.origin, "ap1.lab.example");
	s = str(ctl_pmksa_entry_json(&e));
	tap_ok(strstr(s, "\"okc\":true,\"from\":\"ap1.lab.example\",") != NULL,
	       "pmksa entry shared by a peer: from names its R0KH-ID");
	e.origin[0] = '\0';
	free(s);
	/* an AKM fsr_names does not know, a user name filling the buffer
	 * without its NUL (the formatter stops at the buffer's end) */
	e.akm = 0x506f9a7f;
	e.okc = false;
	e.vlan_id = 0;
	e.session_timeout = 0;
	memset(e.user_name, 'u', sizeof(e.user_name));
	o = ctl_pmksa_entry_json(&e);
	tap_ok(json_object_object_get_ex(o, "akm", &v) && !v,
	       "pmksa entry: unknown AKM name is null");
	tap_str(json_object_object_get_ex(o, "akm_suite", &v) ?
		json_object_get_string(v) : "", "50-6f-9a:127",
		"pmksa entry: ... its suite selector still given");
	tap_ok(json_object_object_get_ex(o, "user", &v) &&
	       json_object_get_string_len(v) == (int)sizeof(e.user_name),
	       "pmksa entry: user name bounded by its buffer");
	tap_ok(json_object_object_get_ex(o, "vlan", &v) &&
	       json_object_get_uint64(v) == 0 &&
	       json_object_object_get_ex(o, "session_timeout", &v) &&
	       json_object_get_uint64(v) == 0,
	       "pmksa entry: no VLAN, no Session-Timeout: 0");
	json_object_put(o);

	fill(&as, sizeof(as));
	o = ctl_auth_stats_json(&as);
	tap_ok(json_object_object_get_ex(o, "psk", &v) &&
	       json_object_object_get_ex(o, "acct_failed", &v),
	       "auth stats: psk .. acct_failed");
	tap_ok(counters_in_order(o, 0, sizeof(as) / 8),
	       "auth stats: every field of struct fsrd_auth_stats, in order");
	fill(&es, sizeof(es));
	tap_ok(counters_in_order(ctl_eap_stats_json(&es), 0, sizeof(es) / 8),
	       "eap stats: every field of struct eap_relay_stats, in order");
	fill(&ls, sizeof(ls));
	tap_ok(counters_in_order(ctl_eap_limit_stats_json(&ls), 0,
				 sizeof(ls) / 8),
	       "eap limit stats: every field of struct eap_limit_stats, in order");
	fill(&ps, sizeof(ps));
	o = ctl_pmksa_stats_json(&ps, 7);
	tap_ok(json_object_object_get_ex(o, "entries", &v) &&
	       json_object_get_uint64(v) == 7, "pmksa stats: entries");
	tap_ok(counters_in_order(o, 1, sizeof(ps) / 8),
	       "pmksa stats: every field of struct pmksa_stats, in order");
	memset(&rs, 0, sizeof(rs));
	fill(&rs, offsetof(struct radius_server_stats, dead));
	rs.dead = true;
	o = ctl_radius_server_json("primary", "127.0.0.1:1812", &rs);
	s = strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	tap_ok(!strncmp(s, "{\"name\":\"primary\",\"address\":"
			"\"127.0.0.1:1812\",\"dead\":true,\"requests\":1000,",
			60), "radius server: name, address, dead first");
	free(s);
	tap_ok(counters_in_order(o, 3, offsetof(struct radius_server_stats,
						dead) / 8),
	       "radius server: every counter of radius_server_stats, in order");
	fill(&ds, sizeof(ds));
	o = ctl_das_stats_json(&ds, 3799);
	tap_ok(json_object_object_get_ex(o, "port", &v) &&
	       json_object_get_uint64(v) == 3799, "das: port");
	tap_ok(counters_in_order(o, 1, sizeof(ds) / 8),
	       "das: every field of struct radius_das_stats, in order");
}

int main(void)
{
	test_parse();
	test_linebuf();
	test_objects();
	test_auth_fmt();
	test_classify();
	return tap_done();
}
