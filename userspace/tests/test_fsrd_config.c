// SPDX-License-Identifier: GPL-2.0-only
/* Unit tests of fsrd's configuration parser (userspace/fsrd/conf/config.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <arpa/inet.h>

#include "conf/config.h"
#include "tap.h"

static char dir[64];
static char path[128];

static int load(const char *text, struct fsrd_conf *c, char *err,
		size_t errlen)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) < 0 || fclose(f)) {
		perror(path);
		exit(2);
	}
	return fsrd_conf_load(path, c, err, errlen);
}

static int hexeq(const uint8_t *b, size_t len, const char *hex)
{
	char s[2 * 64 + 1];
	size_t i;

	for (i = 0; i < len; i++)
		sprintf(s + 2 * i, "%02x", b[i]);
	return !strcmp(s, hex);
}

/* The file must fail with exactly "PATH:LINE: msg" ("PATH: msg" if !line). */
static void expect_err(const char *name, const char *text, unsigned int line,
		       const char *msg)
{
	struct fsrd_conf c;
	char err[1024], want[1200];
	int ret;

	ret = load(text, &c, err, sizeof(err));
	if (line)
		snprintf(want, sizeof(want), "%s:%u: %s", path, line, msg);
	else
		snprintf(want, sizeof(want), "%s: %s", path, msg);
	tap_ok(ret == -EINVAL && !c.bss && !c.n_bss, name);
	tap_str(err, want, name);
	fsrd_conf_free(&c);
}

#define BSS_OK "[bss a]\ninterface = wlan0\nssid = net\nsecurity = wpa2-psk\n" \
	"passphrase = password\n"

static const char two_ft[] =
	"# two FT-PSK BSSes of one mobility domain\n"	/* 1 */
	"[global]\n"
	"mobility_domain = a1B2\n"
	"r0kh_id = ap1.example.com\n"
	"log_level = debug\n"				/* 5 */
	"control_socket = /run/fsrd-test.sock ; inline comment\n"
	"\n"
	"[bss one]\n"
	"interface = wlan0\n"
	"ssid = \"ThisIsASSID\"\n"			/* 10 */
	"channel = 36\n"
	"security = ft-psk\n"
	"passphrase = ThisIsAPassword\n"
	"r1kh_id = 02:00:00:00:01:00\n"
	"\n"						/* 15 */
	"  [ bss two ]  ; indented header\n"
	"  interface = wlan1\n"
	"\tssid = ThisIsASSID ; the same ESS\n"
	"channel = 14\n"
	"security = ft-psk\n"				/* 20 */
	"psk = 0DC0D6EB90555ED6419756B9A15EC3E3209B63DF707DD508D14581F8982721AF\n"
	"cipher = gcmp-256\n"
	"beacon_interval = 65535\n"
	"dtim_period = 255\n"
	"gtk_rekey_interval = 0\n"			/* 25 */
	"key_lifetime = 60\n"
	"reassociation_deadline = 65535\n"
	"max_stations = 2007\n"
	"inactivity_timeout = 10\n"
	"eapol_timeout = 100\n"				/* 30 */
	"eapol_retries = 10\n"
	"rkh_pull_timeout = 100\n"
	"rkh_pull_retries = 10\n";

static void test_valid(void)
{
	struct fsrd_conf c;
	const struct fsrd_bss_conf *a, *b;
	char err[512];
	int ret;

	ret = load(two_ft, &c, err, sizeof(err));
	tap_ok(ret == 0 && c.n_bss == 2, "valid two-BSS FT-PSK file loads");
	if (ret) {
		tap_diag("err", err);
		return;
	}
	a = &c.bss[0];
	b = &c.bss[1];
	tap_ok(!strcmp(c.path, path), "path kept");
	tap_ok(c.have_mdid && c.mdid == 0xa1b2 && c.mdid_octets[0] == 0xa1 &&
	       c.mdid_octets[1] == 0xb2, "mobility_domain a1B2");
	tap_ok(c.r0kh_id_len == 15 && !memcmp(c.r0kh_id, "ap1.example.com", 15),
	       "r0kh_id");
	tap_ok(c.log_level == FSRD_LOG_DEBUG, "log_level debug");
	tap_str(c.ctrl_socket, "/run/fsrd-test.sock",
		"control_socket, inline comment stripped");
	tap_ok(c.r0_key_lifetime_s == 3600 && c.kernel_fast_path,
	       "global defaults");
	tap_ok(!strcmp(a->name, "one") && a->line == 8 &&
	       !strcmp(a->ifname, "wlan0"), "bss one: name, line, interface");
	tap_ok(a->ssid_len == 11 && !memcmp(a->ssid, "ThisIsASSID", 11),
	       "quoted ssid");
	tap_ok(a->channel == 36 && a->freq_mhz == 5180 && a->ht,
	       "channel 36 -> 5180 MHz, ht default yes");
	tap_ok(a->security == FSRD_SEC_FT_PSK && a->pairwise_cipher == 0x000fac04,
	       "ft-psk, default cipher ccmp");
	tap_ok(a->have_psk && hexeq(a->psk, 32,
	       "0dc0d6eb90555ed6419756b9a15ec3e3209b63df707dd508d14581f8982721af"),
	       "PSK from passphrase: Annex J.4 ThisIsAPassword/ThisIsASSID");
	tap_ok(a->have_r1kh_id && hexeq(a->r1kh_id, 6, "020000000100"),
	       "r1kh_id");
	tap_ok(a->beacon_interval == 100 && a->dtim_period == 2 &&
	       a->gtk_rekey_s == 86400 && a->ptk_lifetime_s == 43200 &&
	       a->reassoc_deadline_tu == 1000 && a->max_stations == 128 &&
	       a->inactivity_s == 300 && a->eapol_timeout_ms == 1000 &&
	       a->eapol_retries == 4 && a->rkh_pull_timeout_ms == 1000 &&
	       a->rkh_pull_retries == 4, "bss defaults");
	tap_ok(!strcmp(b->name, "two") && b->line == 16 &&
	       !strcmp(b->ifname, "wlan1"), "indented header and keys");
	tap_ok(b->ssid_len == 11 && !memcmp(b->ssid, "ThisIsASSID", 11),
	       "tab-indented ssid with inline comment");
	tap_ok(b->channel == 14 && b->freq_mhz == 2484 && !b->ht,
	       "channel 14 -> 2484 MHz, no HT");
	tap_ok(b->have_psk && !b->have_r1kh_id && hexeq(b->psk, 32,
	       "0dc0d6eb90555ed6419756b9a15ec3e3209b63df707dd508d14581f8982721af"),
	       "hex psk");
	tap_ok(b->pairwise_cipher == 0x000fac09, "cipher gcmp-256");
	tap_ok(b->beacon_interval == 65535 && b->dtim_period == 255 &&
	       b->gtk_rekey_s == 0 && b->ptk_lifetime_s == 60 &&
	       b->reassoc_deadline_tu == 65535 && b->max_stations == 2007 &&
	       b->inactivity_s == 10 && b->eapol_timeout_ms == 100 &&
	       b->eapol_retries == 10 && b->rkh_pull_timeout_ms == 100 &&
	       b->rkh_pull_retries == 10, "number keys at their limits");
	fsrd_conf_free(&c);
	tap_ok(!c.bss && !c.n_bss, "free");
}

static void check_psk(const char *pass, const char *ssid, size_t cmp_len,
		      const char *want, const char *name)
{
	struct fsrd_conf c;
	char text[512], err[512];
	int ret;

	snprintf(text, sizeof(text),
		 "[bss a]\ninterface = wlan0\nssid = \"%s\"\n"
		 "security = wpa2-psk\npassphrase = \"%s\"\n", ssid, pass);
	ret = load(text, &c, err, sizeof(err));
	tap_ok(ret == 0 && hexeq(c.bss[0].psk, cmp_len, want), name);
	if (ret)
		tap_diag("err", err);
	fsrd_conf_free(&c);
}

static void test_pbkdf2(void)
{
	check_psk("password", "IEEE", 32,
		  "f42c6fc52df0ebef9ebb4b90b38a5f902e83fe1b135a70e23aed762e9710a12e",
		  "PBKDF2: Annex J.4 password/IEEE");
	check_psk("ThisIsAPassword", "ThisIsASSID", 32,
		  "0dc0d6eb90555ed6419756b9a15ec3e3209b63df707dd508d14581f8982721af",
		  "PBKDF2: Annex J.4 ThisIsAPassword/ThisIsASSID");
	check_psk("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		  "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", 32,
		  "becb93866bb8c3832cb777c2f559807c8c59afcb6eae734885001300a981cc62",
		  "PBKDF2: Annex J.4 a*32/Z*32 (32-byte SSID)");
	/* RFC 6070 c=4096 dkLen=20: the first 20 octets of our 32 */
	check_psk("password", "salt", 20,
		  "4b007901b765489abead49d926f721d065a429c1",
		  "PBKDF2: RFC 6070 password/salt 4096");
}

static void test_sections(void)
{
	expect_err("unknown section", "[foo]\n", 1,
		   "unknown section [foo]: expected [global], [bss NAME], [radius], [auth_server NAME], [acct_server NAME], [das_client NAME], [portal], [portal_server NAME] or [nmsp]");
	expect_err("empty section name", "\n[]\n", 2,
		   "unknown section []: expected [global], [bss NAME], [radius], [auth_server NAME], [acct_server NAME], [das_client NAME], [portal], [portal_server NAME] or [nmsp]");
	expect_err("bss without name", BSS_OK "[bss]\n", 6,
		   "section [bss] needs a name: [bss NAME]");
	expect_err("bad bss name", "[bss a/b]\n", 1,
		   "section [bss a/b]: NAME must be 1..31 characters of A-Z a-z 0-9 _ . -");
	expect_err("duplicate BSS name", BSS_OK "[bss a]\n", 6,
		   "duplicate BSS name 'a' (first at line 1)");
	expect_err("duplicate [global]", "[global]\n[global]\n", 2,
		   "duplicate section [global] (first at line 1)");
	expect_err("header without ]", "[global\n", 1,
		   "section header without ']'");
	expect_err("text after ]", "[global] x\n", 1,
		   "unexpected text after ']'");
	expect_err("key before any section", "\n; c\nssid = x\n", 3,
		   "key 'ssid' before any section: put it in [global] or [bss NAME]");
	expect_err("no bss section", "[global]\nlog_level = info\n", 0,
		   "no [bss NAME] section");
	expect_err("empty file", "", 0, "no [bss NAME] section");
	expect_err("syntax error", BSS_OK "channel 6\n", 6,
		   "syntax error: expected 'key = value', '[section]' or a comment");
	expect_err("first error wins", "[bss a]\nfoo = 1\n[bar]\n", 2,
		   "unknown key 'foo' in [bss]: expected one of interface, ssid, "
		   "channel, ht, security, cipher, passphrase, psk, r1kh_id, "
		   "okc, r0kh, r1kh, pmk_r1_push, pmk_r1_push_to, rrb_interface, ft_over_ds, pmksa_share, portal, beacon_interval, dtim_period, gtk_rekey_interval, "
		   "key_lifetime, reassociation_deadline, max_stations, "
		   "inactivity_timeout, eapol_timeout, eapol_retries, "
		   "rkh_pull_timeout, rkh_pull_retries, rkh_pos_timeout, rkh_neg_timeout");
}

static void test_keys(void)
{
	char text[512];

	expect_err("unknown global key", "[global]\nmdid = a1b2\n", 2,
		   "unknown key 'mdid' in [global]: expected one of "
		   "control_socket, log_level, mobility_domain, r0kh_id, "
		   "r0_key_lifetime, kernel_fast_path, eap_identity_timeout, "
		   "eap_identity_retries, eap_supplicant_timeout, "
		   "eap_supplicant_retries, eap_reauth_period, "
		   "eap_quiet_period, pmksa_lifetime, pmksa_max_entries, "
		   "eap_max_starts, eap_start_window");
	expect_err("duplicate key", BSS_OK "ssid = other\n", 6,
		   "duplicate key 'ssid' (first at line 3)");
	expect_err("duplicate interface",
		   BSS_OK "[bss b]\nssid = x\ninterface = wlan0\n", 8,
		   "interface: 'wlan0' is already used by [bss a] (line 1)");
	expect_err("interface too long",
		   "[bss a]\ninterface = wlan0123456789ab\n", 2,
		   "interface: expected an interface name of 1..15 characters, got 'wlan0123456789ab'");
	expect_err("interface with /", "[bss a]\ninterface = a/b\n", 2,
		   "interface: 'a/b' is not a valid interface name");
	expect_err("number not a number", BSS_OK "beacon_interval = 1x\n", 6,
		   "beacon_interval: expected 15..65535 TU, got '1x'");
	expect_err("number below range", BSS_OK "beacon_interval = 14\n", 6,
		   "beacon_interval: expected 15..65535 TU, got '14'");
	expect_err("number above range", BSS_OK "dtim_period = 256\n", 6,
		   "dtim_period: expected 1..255, got '256'");
	expect_err("number negative", BSS_OK "max_stations = -1\n", 6,
		   "max_stations: expected 1..2007, got '-1'");
	expect_err("number overflow", BSS_OK "inactivity_timeout = 4294967296\n",
		   6, "inactivity_timeout: expected 10..4294967295 seconds, got '4294967296'");
	expect_err("gtk_rekey_interval range",
		   BSS_OK "gtk_rekey_interval = 2592001\n", 6,
		   "gtk_rekey_interval: expected 0 or 1..2592000 seconds, got '2592001'");
	expect_err("eapol_timeout range", BSS_OK "eapol_timeout = 10001\n", 6,
		   "eapol_timeout: expected 100..10000 ms, got '10001'");
	expect_err("eapol_retries range", BSS_OK "eapol_retries = 0\n", 6,
		   "eapol_retries: expected 1..10, got '0'");
	expect_err("reassociation_deadline range",
		   BSS_OK "reassociation_deadline = 999\n", 6,
		   "reassociation_deadline: expected 1000..65535 TU, got '999'");
	expect_err("r0_key_lifetime range", "[global]\nr0_key_lifetime = 59\n", 2,
		   "r0_key_lifetime: expected 60..4294967295 seconds, got '59'");
	expect_err("bad MAC", "[bss a]\nr1kh_id = 02:00:00:00:01\n", 2,
		   "r1kh_id: expected a MAC address like 02:00:00:00:01:00, got '02:00:00:00:01'");
	expect_err("bad MAC separator", "[bss a]\nr1kh_id = 02-00-00-00-01-00\n", 2,
		   "r1kh_id: expected a MAC address like 02:00:00:00:01:00, got '02-00-00-00-01-00'");
	expect_err("multicast MAC", "[bss a]\nr1kh_id = 03:00:00:00:01:00\n", 2,
		   "r1kh_id: expected a unicast, non-zero MAC address, got '03:00:00:00:01:00'");
	expect_err("bad hex psk", "[bss a]\npsk = 0dc0d6eb90555ed6419756b9a15ec3e3209b63df707dd508d14581f8982721ag\n",
		   2, "psk: expected exactly 64 hex digits");
	expect_err("short psk", "[bss a]\npsk = 0dc0\n", 2,
		   "psk: expected exactly 64 hex digits");
	expect_err("bad mobility_domain", "[global]\nmobility_domain = a1b\n", 2,
		   "mobility_domain: expected 4 hex digits like a1b2, got 'a1b'");
	expect_err("non-hex mobility_domain", "[global]\nmobility_domain = a1bz\n",
		   2, "mobility_domain: expected 4 hex digits like a1b2, got 'a1bz'");
	expect_err("empty ssid", "[bss a]\nssid =\n", 2,
		   "ssid: expected 1..32 bytes, got 0");
	expect_err("empty quoted ssid", "[bss a]\nssid = \"\"\n", 2,
		   "ssid: expected 1..32 bytes, got 0");
	expect_err("ssid of 33 bytes",
		   "[bss a]\nssid = 123456789012345678901234567890123\n", 2,
		   "ssid: expected 1..32 bytes, got 33");
	expect_err("unterminated quote", "[bss a]\nssid = \"abc\n", 2,
		   "ssid: missing closing '\"'");
	expect_err("passphrase too short", "[bss a]\npassphrase = 1234567\n", 2,
		   "passphrase: expected 8..63 printable ASCII characters, got 7 characters");
	expect_err("passphrase too long", "[bss a]\npassphrase = "
		   "1234567890123456789012345678901234567890123456789012345678901234\n",
		   2, "passphrase: expected 8..63 printable ASCII characters, got 64 characters");
	expect_err("passphrase not printable", "[bss a]\npassphrase = abc\tdefgh\n",
		   2, "passphrase: character 4 is not printable ASCII (32..126)");
	expect_err("passphrase and psk", "[bss a]\npassphrase = password\n"
		   "psk = 0dc0d6eb90555ed6419756b9a15ec3e3209b63df707dd508d14581f8982721af\n",
		   3, "passphrase and psk are mutually exclusive (the other is at line 2)");
	expect_err("psk and passphrase", "[bss a]\n"
		   "psk = 0dc0d6eb90555ed6419756b9a15ec3e3209b63df707dd508d14581f8982721af\n"
		   "\npassphrase = password\n",
		   4, "passphrase and psk are mutually exclusive (the other is at line 2)");
	expect_err("bad security", "[bss a]\nsecurity = wpa3\n", 2,
		   "security: expected wpa2-psk, ft-psk, wpa2-eap or ft-eap, got 'wpa3'");
	expect_err("bad cipher", "[bss a]\ncipher = tkip\n", 2,
		   "cipher: expected ccmp, gcmp, gcmp-256 or ccmp-256, got 'tkip'");
	expect_err("bad bool", "[bss a]\nht = true\n", 2,
		   "ht: expected yes or no, got 'true'");
	expect_err("bad log_level", "[global]\nlog_level = verbose\n", 2,
		   "log_level: expected error, warning, info or debug, got 'verbose'");
	expect_err("relative control_socket", "[global]\ncontrol_socket = fsrd.sock\n",
		   2, "control_socket: expected an absolute path of at most 107 characters, got 'fsrd.sock'");
	expect_err("r0kh_id too long", "[global]\nr0kh_id = "
		   "0123456789012345678901234567890123456789012345678\n", 2,
		   "r0kh_id: expected 1..48 bytes, got 49");
	memset(text, 'x', 300);
	memcpy(text, "[bss a]\nssid = ", 15);
	strcpy(text + 250, "\n");
	expect_err("line too long", text, 2,
		   "line too long (at most 198 characters)");
}

static void test_channels(void)
{
	static const struct {
		const char *ch;
		unsigned int freq;
	} good[] = {
		{ "1", 2412 }, { "6", 2437 }, { "13", 2472 }, { "14", 2484 },
		{ "36", 5180 }, { "64", 5320 }, { "100", 5500 },
		{ "144", 5720 }, { "149", 5745 }, { "165", 5825 },
	};
	static const char *const bad_ch[] = {
		"0", "15", "35", "37", "68", "96", "148", "150", "169", "x", "",
	};
	struct fsrd_conf c;
	char text[256], err[512], want[256];
	size_t i;
	int ret;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		snprintf(text, sizeof(text), BSS_OK "channel = %s\n", good[i].ch);
		ret = load(text, &c, err, sizeof(err));
		snprintf(want, sizeof(want), "channel %s -> %u MHz", good[i].ch,
			 good[i].freq);
		tap_ok(ret == 0 && c.bss[0].freq_mhz == good[i].freq, want);
		fsrd_conf_free(&c);
	}
	for (i = 0; i < sizeof(bad_ch) / sizeof(bad_ch[0]); i++) {
		snprintf(text, sizeof(text), BSS_OK "channel = %s\n", bad_ch[i]);
		snprintf(want, sizeof(want),
			 "channel: expected 1..14, 36..64 or 100..144 (multiples of 4) or 149..165 (4n+1), got '%s'",
			 bad_ch[i]);
		expect_err("bad channel", text, 6, want);
	}
	expect_err("ht on channel 14", BSS_OK "channel = 14\nht = yes\n", 7,
		   "ht: must be no on channel 14 (line 6)");
}

/* FT_G: lines 1-3; FT_A: lines 4-8 (ssid net, PSK of password/net) */
#define FT_G "[global]\nmobility_domain = a1b2\nr0kh_id = ap1\n"
#define FT_A "[bss a]\ninterface = wlan0\nssid = net\nsecurity = ft-psk\n" \
	"passphrase = password\n"

static void test_required(void)
{
	expect_err("missing interface",
		   "[bss a]\nssid = x\nsecurity = wpa2-psk\npassphrase = password\n",
		   1, "[bss a]: missing required key 'interface'");
	expect_err("missing ssid", "\n[bss a]\ninterface = wlan0\n", 2,
		   "[bss a]: missing required key 'ssid'");
	expect_err("missing security", "[bss a]\ninterface = wlan0\nssid = x\n",
		   1, "[bss a]: missing required key 'security'");
	expect_err("PSK without passphrase or psk",
		   "[bss a]\ninterface = wlan0\nssid = x\nsecurity = ft-psk\n", 1,
		   "[bss a]: security ft-psk needs passphrase or psk");
	expect_err("FT without mobility_domain and r0kh_id",
		   BSS_OK "[bss b]\ninterface = wlan1\nssid = x\n"
		   "security = ft-psk\npassphrase = password\n", 6,
		   "[bss b]: security ft-psk needs mobility_domain and r0kh_id in [global]");
	expect_err("FT without r0kh_id",
		   "[global]\nmobility_domain = a1b2\n" BSS_OK
		   "[bss b]\ninterface = wlan1\nssid = x\n"
		   "security = ft-psk\npassphrase = password\n", 8,
		   "[bss b]: security ft-psk needs r0kh_id in [global]");
	expect_err("FT without mobility_domain", BSS_OK
		   "[bss b]\ninterface = wlan1\nssid = x\n"
		   "security = ft-eap\n[global]\nr0kh_id = x\n", 6,
		   "[bss b]: security ft-eap needs mobility_domain in [global]");
	expect_err("FT BSSes with different SSIDs", FT_G FT_A
		   "[bss b]\ninterface = wlan1\nssid = other\n"
		   "security = ft-psk\npassphrase = password\n", 11,
		   "ssid: FT BSSes of one mobility domain need the same ssid as [bss a] (line 4)");
	expect_err("FT-PSK BSSes with different PSKs", FT_G FT_A
		   "[bss b]\ninterface = wlan1\nssid = net\n"
		   "security = ft-psk\npassphrase = password2\n", 13,
		   "passphrase: ft-psk BSSes of one mobility domain need the same PSK as [bss a] (line 4)");
	expect_err("FT BSSes with the same r1kh_id", FT_G FT_A
		   "r1kh_id = 02:00:00:00:01:00\n"
		   "[bss b]\ninterface = wlan1\nssid = net\nsecurity = ft-psk\n"
		   "r1kh_id = 02:00:00:00:01:00\n"
		   "psk = 59caffc4e46452de248475881adbd426f9e95ad4f07e3f658c7c83972a61c52c\n",
		   14, "r1kh_id: already used by [bss a] (line 4)");
	expect_err("passphrase with EAP",
		   "[bss a]\ninterface = wlan0\nssid = x\npassphrase = password\n"
		   "security = wpa2-eap\n", 4,
		   "passphrase: only for security wpa2-psk or ft-psk, not wpa2-eap");
	expect_err("r1kh_id without FT",
		   BSS_OK "r1kh_id = 02:00:00:00:01:00\n", 6,
		   "r1kh_id: only for security ft-psk or ft-eap, not wpa2-psk");
}

static void test_misc(void)
{
	struct fsrd_conf c;
	char err[512];
	int ret;

	ret = fsrd_conf_load("/nonexistent/fsrd.conf", &c, err, sizeof(err));
	tap_ok(ret == -ENOENT, "missing file: -ENOENT");
	tap_str(err, "/nonexistent/fsrd.conf: No such file or directory",
		"missing file: message");
	fsrd_conf_free(&c);

	ret = load("[bss a]\npassphrase = Secret12 ; comment\n", &c, err,
		   sizeof(err));
	tap_ok(ret == -EINVAL && !strstr(err, "Secret12"),
	       "passphrase never in an error message");

	ret = load("\xef\xbb\xbf[bss a]\r\ninterface = wlan0\r\nssid = x\r\n"
		   "security = wpa2-eap\r\n\r\n[auth_server r]\r\n"
		   "address = 127.0.0.1\r\nsecret = s\r\n", &c, err,
		   sizeof(err));
	tap_ok(ret == 0 && c.n_bss == 1 && c.bss[0].ssid_len == 1 &&
	       c.bss[0].security == FSRD_SEC_WPA2_EAP && !c.bss[0].have_psk,
	       "BOM and CRLF accepted, wpa2-eap needs no PSK");
	fsrd_conf_free(&c);

	ret = load("[bss a]\ninterface = wlan0\nssid = \" two words \"\n"
		   "security = wpa2-eap\n[auth_server r]\naddress = ::1\n"
		   "secret = s\n", &c, err, sizeof(err));
	tap_ok(ret == 0 && c.bss[0].ssid_len == 11 &&
	       !memcmp(c.bss[0].ssid, " two words ", 11),
	       "quotes keep spaces in ssid");
	fsrd_conf_free(&c);

	ret = load("[global]\nkernel_fast_path = no\nlog_level = error\n" BSS_OK
		   "ht = no\ncipher = ccmp-256\n", &c, err, 8);
	tap_ok(ret == 0 && !c.kernel_fast_path && c.log_level == FSRD_LOG_ERR &&
	       !c.bss[0].ht && c.bss[0].pairwise_cipher == 0x000fac0a,
	       "kernel_fast_path, log_level, ht, cipher");
	fsrd_conf_free(&c);

	ret = load("[bss a]\nfoo = 1\n", &c, err, 8);
	tap_ok(ret == -EINVAL && strlen(err) == 7, "error truncated to errlen");
}

#define EAP_BSS "[bss e]\ninterface = wlan0\nssid = corp\nsecurity = wpa2-eap\n"
#define AUTH_OK "[auth_server a]\naddress = 127.0.0.1\nsecret = s3cret\n"

static void write_file(const char *name, const char *text, char *out,
		       size_t len)
{
	FILE *f;

	snprintf(out, len, "%s/%s", dir, name);
	f = fopen(out, "w");
	if (!f || fputs(text, f) < 0 || fclose(f)) {
		perror(out);
		exit(2);
	}
}

static void test_radius(void)
{
	const struct sockaddr_in *in;
	const struct sockaddr_in6 *in6;
	char text[1024], sf[160], err[512];
	struct fsrd_conf c;
	int ret;

	/* a full configuration */
	write_file("secret", "from-a-file\nsecond line\n", sf, sizeof(sf));
	snprintf(text, sizeof(text),
		 "[global]\neap_identity_timeout = 500\n"
		 "eap_identity_retries = 5\neap_supplicant_timeout = 700\n"
		 "eap_supplicant_retries = 2\neap_reauth_period = 0\n"
		 "eap_quiet_period = 60000\npmksa_lifetime = 600\n"
		 "pmksa_max_entries = 8\neap_max_starts = 3\n"
		 "eap_start_window = 600\n"
		 EAP_BSS "okc = no\n"
		 "[radius]\nnas_identifier = ap-7 lab\n"
		 "nas_ip_address = 192.0.2.10\ntimeout = 100\nretries = 10\n"
		 "dead_time = 3600\nacct_interim_interval = 600\n"
		 "das_listen = 127.0.0.1\n"
		 "das_require_message_authenticator = yes\n"
		 "das_require_event_timestamp = yes\ndas_time_window = 30\n"
		 "[auth_server one]\naddress = 192.0.2.1\nsecret = s1\n"
		 "[auth_server two]\naddress = [2001:db8::2]:1645\n"
		 "secret_file = %s\n"
		 "[acct_server one]\naddress = 2001:db8::3\nsecret = a\n"
		 "[das_client lab]\naddress = 127.0.0.1\nsecret = d\n", sf);
	ret = load(text, &c, err, sizeof(err));
	tap_ok(ret == 0, "radius: full configuration loads");
	if (ret)
		tap_diag("error", err);
	tap_ok(c.eap.identity_timeout_ms == 500 && c.eap.identity_tries == 5 &&
	       c.eap.supp_timeout_ms == 700 && c.eap.supp_tries == 2 &&
	       c.eap.reauth_period_s == 0 && c.eap.quiet_period_ms == 60000 &&
	       c.eap.pmksa_lifetime_s == 600 && c.eap.pmksa_max == 8 &&
	       c.eap.max_starts == 3 && c.eap.start_window_s == 600,
	       "radius: eap_* and pmksa_* keys");
	tap_ok(!c.bss[0].okc && c.have_radius, "radius: okc = no");
	tap_ok(!strcmp(c.radius.client.nas_id, "ap-7 lab") &&
	       c.radius.client.have_nas_ip &&
	       c.radius.client.nas_ip.s_addr == htonl(0xc000020a) &&
	       c.radius.client.timeout_ms == 100 &&
	       c.radius.client.max_tries == 10 &&
	       c.radius.client.dead_time_s == 3600 &&
	       c.radius.acct_interim_s == 600, "radius: [radius] keys");
	in = (const void *)&c.radius.das.bind;
	tap_ok(c.radius.have_das && in->sin_family == AF_INET &&
	       ntohs(in->sin_port) == 3799 && c.radius.das.require_ma &&
	       c.radius.das.require_event_timestamp &&
	       c.radius.das.time_window_s == 30 &&
	       c.radius.das.n_clients == 1 &&
	       !strcmp(c.radius.das_name[0].name, "lab") &&
	       c.radius.das.clients[0].secret.len == 1,
	       "radius: DAS, default port 3799");
	in = (const void *)&c.radius.client.auth[0].addr;
	in6 = (const void *)&c.radius.client.auth[1].addr;
	tap_ok(c.radius.client.n_auth == 2 && ntohs(in->sin_port) == 1812 &&
	       !strcmp(c.radius.auth_name[0].name, "one") &&
	       !strcmp(c.radius.auth_name[1].name, "two") &&
	       c.radius.auth_name[1].line > c.radius.auth_name[0].line &&
	       in6->sin6_family == AF_INET6 && ntohs(in6->sin6_port) == 1645,
	       "radius: auth servers in file order, ports");
	tap_ok(c.radius.client.auth[1].secret.len == 11 &&
	       !memcmp(c.radius.client.auth[1].secret.data, "from-a-file", 11),
	       "radius: secret_file: its first line");
	in6 = (const void *)&c.radius.client.acct[0].addr;
	tap_ok(c.radius.client.n_acct == 1 && in6->sin6_family == AF_INET6 &&
	       ntohs(in6->sin6_port) == 1813,
	       "radius: bare IPv6 acct server, default port 1813");
	fsrd_conf_free(&c);
	tap_ok(c.radius.client.auth[0].secret.len == 0 &&
	       c.radius.client.auth[0].secret.data[0] == 0,
	       "radius: secrets wiped by fsrd_conf_free");

	/* defaults */
	ret = load(EAP_BSS AUTH_OK, &c, err, sizeof(err));
	tap_ok(ret == 0 && c.bss[0].okc && c.radius.client.timeout_ms == 3000 &&
	       c.radius.client.max_tries == 3 &&
	       c.radius.client.dead_time_s == 60 &&
	       c.radius.client.nas_id[0] && !c.radius.client.have_nas_ip &&
	       !c.radius.have_das && c.radius.acct_interim_s == 0 &&
	       c.eap.identity_timeout_ms == 3000 && c.eap.identity_tries == 3 &&
	       c.eap.supp_tries == 4 && c.eap.reauth_period_s == 3600 &&
	       c.eap.pmksa_lifetime_s == 43200 && c.eap.pmksa_max == 1024 &&
	       c.eap.max_starts == 10 && c.eap.start_window_s == 60,
	       "radius: defaults");
	fsrd_conf_free(&c);
	ret = load("[bss f]\ninterface = wlan0\nssid = corp\n"
		   "security = ft-eap\n[global]\nmobility_domain = a1b2\n"
		   "r0kh_id = x\n" AUTH_OK, &c, err, sizeof(err));
	tap_ok(ret == 0 && c.bss[0].security == FSRD_SEC_FT_EAP,
	       "radius: ft-eap BSS");
	fsrd_conf_free(&c);

	/* errors */
	expect_err("radius: eap BSS without a server", EAP_BSS, 1,
		   "[bss e]: an 802.1X BSS needs at least one [auth_server NAME] section");
	expect_err("radius: only an acct server", EAP_BSS
		   "[acct_server a]\naddress = 127.0.0.1\nsecret = s\n", 1,
		   "[bss e]: an 802.1X BSS needs at least one [auth_server NAME] section");
	expect_err("radius: without an 802.1X BSS", BSS_OK "[radius]\n", 6,
		   "RADIUS is configured but no BSS uses security wpa2-eap or ft-eap or portal = yes");
	expect_err("radius: server without an 802.1X BSS", BSS_OK AUTH_OK, 6,
		   "RADIUS is configured but no BSS uses security wpa2-eap or ft-eap or portal = yes");
	expect_err("radius: passphrase on eap", EAP_BSS "passphrase = password\n"
		   AUTH_OK, 5,
		   "passphrase: only for security wpa2-psk or ft-psk, not wpa2-eap");
	expect_err("radius: okc on psk", BSS_OK "okc = yes\n", 6,
		   "okc: only for security wpa2-eap or ft-eap, not wpa2-psk");
	expect_err("radius: okc not a boolean", EAP_BSS "okc = 1\n", 5,
		   "okc: expected yes or no, got '1'");
	expect_err("radius: duplicate [radius]", "[radius]\n[radius]\n", 2,
		   "duplicate section [radius] (first at line 1)");
	expect_err("radius: server without a name", "[auth_server]\n", 1,
		   "section [auth_server]: needs a NAME of 1..31 characters of A-Z a-z 0-9 _ . -: [auth_server NAME]");
	expect_err("radius: bad server name", "[acct_server a/b]\n", 1,
		   "section [acct_server]: needs a NAME of 1..31 characters of A-Z a-z 0-9 _ . -: [acct_server NAME]");
	expect_err("radius: duplicate server", EAP_BSS AUTH_OK AUTH_OK, 8,
		   "duplicate section [auth_server a] (first at line 5)");
	expect_err("radius: missing address", EAP_BSS
		   "[auth_server a]\nsecret = s\n", 5,
		   "[auth_server a]: missing required key 'address'");
	expect_err("radius: missing secret", EAP_BSS
		   "[auth_server a]\naddress = 127.0.0.1\n[radius]\n", 5,
		   "[auth_server a]: missing required key 'secret' (or 'secret_file')");
	expect_err("radius: missing secret at the end", EAP_BSS
		   "[das_client a]\naddress = 127.0.0.1\n", 5,
		   "[das_client a]: missing required key 'secret' (or 'secret_file')");
	expect_err("radius: secret and secret_file", EAP_BSS
		   "[auth_server a]\nsecret = s\nsecret_file = /x\n", 7,
		   "secret and secret_file are mutually exclusive (the other is at line 6)");
	expect_err("radius: secret_file missing", EAP_BSS
		   "[auth_server a]\nsecret_file = /nonexistent/s\n", 6,
		   "secret_file: cannot read '/nonexistent/s': No such file or directory");
	write_file("empty", "\n", sf, sizeof(sf));
	snprintf(text, sizeof(text), EAP_BSS "[auth_server a]\nsecret_file = %s\n",
		 sf);
	ret = load(text, &c, err, sizeof(err));
	tap_ok(ret == -EINVAL && strstr(err, ":6: secret_file: '") &&
	       strstr(err, "the first line must hold 1..128 octets"),
	       "radius: empty secret_file");
	fsrd_conf_free(&c);
	memset(text, 'x', 200);
	text[200] = '\0';
	write_file("long", text, sf, sizeof(sf));
	snprintf(text, sizeof(text), EAP_BSS "[auth_server a]\nsecret_file = %s\n",
		 sf);
	ret = load(text, &c, err, sizeof(err));
	tap_ok(ret == -EINVAL && strstr(err, "the first line must hold"),
	       "radius: secret_file with 200 octets refused");
	fsrd_conf_free(&c);
	snprintf(text, sizeof(text), EAP_BSS "[auth_server a]\nsecret = %0129d\n", 0);
	ret = load(text, &c, err, sizeof(err));
	tap_ok(ret == -EINVAL && strstr(err, ":6: secret: expected 1..128 octets, got 129") &&
	       !strstr(err, "0000"), "radius: secret of 129 octets refused, not echoed");
	fsrd_conf_free(&c);
	expect_err("radius: bad address", EAP_BSS
		   "[auth_server a]\naddress = radius.example\n", 6,
		   "address: expected an IP address with an optional port (192.0.2.1:1812, [2001:db8::1]:1812), got 'radius.example'");
	expect_err("radius: port 0", EAP_BSS
		   "[auth_server a]\naddress = 127.0.0.1:0\n", 6,
		   "address: expected an IP address with an optional port (192.0.2.1:1812, [2001:db8::1]:1812), got '127.0.0.1:0'");
	expect_err("radius: das client with a port", EAP_BSS
		   "[das_client a]\naddress = 127.0.0.1:3799\n", 6,
		   "address: a DAS client is an address without a port, got '127.0.0.1:3799'");
	expect_err("radius: unknown server key", EAP_BSS
		   "[acct_server a]\nport = 1813\n", 6,
		   "unknown key 'port' in [acct_server]: expected one of address, secret, secret_file");
	expect_err("radius: duplicate server key", EAP_BSS
		   "[acct_server a]\naddress = 127.0.0.1\naddress = ::1\n", 7,
		   "duplicate key 'address' (first at line 6)");
	expect_err("radius: unknown [radius] key", "[radius]\nserver = x\n", 2,
		   "unknown key 'server' in [radius]: expected one of nas_identifier, "
		   "nas_ip_address, timeout, retries, dead_time, "
		   "acct_interim_interval, das_listen, "
		   "das_require_message_authenticator, "
		   "das_require_event_timestamp, das_time_window");
	expect_err("radius: timeout too small", "[radius]\ntimeout = 99\n", 2,
		   "timeout: expected 100..60000 ms, got '99'");
	expect_err("radius: retries 0", "[radius]\nretries = 0\n", 2,
		   "retries: expected 1..10, got '0'");
	expect_err("radius: dead_time", "[radius]\ndead_time = 3601\n", 2,
		   "dead_time: expected 1..3600 seconds, got '3601'");
	expect_err("radius: interim 59", "[radius]\nacct_interim_interval = 59\n",
		   2, "acct_interim_interval: expected 0 or 60..86400 seconds, got '59'");
	expect_err("radius: nas_ip_address", "[radius]\nnas_ip_address = ::1\n", 2,
		   "nas_ip_address: expected an IPv4 address, got '::1'");
	expect_err("radius: nas_identifier too long",
		   "[radius]\nnas_identifier = "
		   "0123456789012345678901234567890123456789012345678901234567890123\n",
		   2, "nas_identifier: expected 1..63 characters, got 64");
	expect_err("radius: das_listen", "[radius]\ndas_listen = any\n", 2,
		   "das_listen: expected an IP address with an optional port (192.0.2.1:3799, [2001:db8::1]:3799), got 'any'");
	expect_err("radius: das_require_*", "[radius]\n"
		   "das_require_event_timestamp = 1\n", 2,
		   "das_require_event_timestamp: expected yes or no, got '1'");
	expect_err("radius: das_listen without clients", EAP_BSS AUTH_OK
		   "[radius]\ndas_listen = 127.0.0.1\n", 9,
		   "das_listen: no [das_client NAME] section: every Disconnect-Request would be dropped");
	expect_err("radius: das_client without das_listen", EAP_BSS AUTH_OK
		   "[das_client x]\naddress = 127.0.0.1\nsecret = d\n", 8,
		   "[das_client x]: needs das_listen in [radius]");
	expect_err("radius: eap_reauth_period 59", "[global]\neap_reauth_period = 59\n",
		   2, "eap_reauth_period: expected 0 or 60..2592000 seconds, got '59'");
	expect_err("radius: pmksa_max_entries 0", "[global]\npmksa_max_entries = 0\n",
		   2, "pmksa_max_entries: expected 1..65536, got '0'");
	expect_err("radius: pmksa_lifetime", "[global]\npmksa_lifetime = 59\n",
		   2, "pmksa_lifetime: expected 60..604800 seconds, got '59'");
	expect_err("eap_max_starts 101", "[global]\neap_max_starts = 101\n",
		   2, "eap_max_starts: expected 0 or 1..100, got '101'");
	expect_err("eap_max_starts -1", "[global]\neap_max_starts = -1\n",
		   2, "eap_max_starts: expected 0 or 1..100, got '-1'");
	expect_err("eap_max_starts not a number",
		   "[global]\neap_max_starts = many\n",
		   2, "eap_max_starts: expected 0 or 1..100, got 'many'");
	expect_err("eap_start_window 0", "[global]\neap_start_window = 0\n",
		   2, "eap_start_window: expected 1..86400 seconds, got '0'");
	expect_err("eap_start_window 86401",
		   "[global]\neap_start_window = 86401\n",
		   2, "eap_start_window: expected 1..86400 seconds, got '86401'");
	ret = load("[global]\neap_max_starts = 0\n" EAP_BSS AUTH_OK, &c, err,
		   sizeof(err));
	tap_ok(ret == 0 && c.eap.max_starts == 0,
	       "eap_max_starts = 0: no limit");
	fsrd_conf_free(&c);
	text[0] = '\0';
	{
		size_t n = strlen(EAP_BSS);
		int i;

		memcpy(text, EAP_BSS, n + 1);
		for (i = 0; i < 9; i++)
			n += (size_t)snprintf(text + n, sizeof(text) - n,
					      "[auth_server s%d]\naddress = 127.0.0.1\nsecret = s\n",
					      i);
	}
	expect_err("radius: 9 auth servers", text, 29,
		   "too many [auth_server NAME] sections: at most 8");
}

#define FT_HEAD "[global]\nmobility_domain = a1b2\nr0kh_id = ap1\n" \
	"[bss a]\ninterface = wlan0\nssid = net\nsecurity = ft-psk\n" \
	"passphrase = password\n"
#define K32 "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
#define FT_EAP_HEAD "[global]\nmobility_domain = a1b2\nr0kh_id = ap1\n" \
	"[auth_server a]\naddress = 127.0.0.1\nsecret = s3cret\n" \
	"[bss a]\ninterface = wlan0\nssid = net\nsecurity = ft-eap\n"

/* r0kh / r1kh / pmk_r1_push / rrb_interface (docs/mobility.md) */
static void test_rkh(void)
{
	struct fsrd_conf c;
	const struct fsrd_bss_conf *b;
	char err[512];
	int ret;

	ret = load(FT_HEAD
		   "r0kh = 02:00:00:00:03:00 nas1.w1.fi " K32 "\n"
		   "r1kh = 02:00:00:00:04:00 00:01:02:03:04:06 " K32 "\n"
		   "r0kh = 02:00:00:00:05:00 nas2 100102030405060708090a0b0c0d0e0f\n"
		   "pmk_r1_push = yes\n"
		   "ft_over_ds = yes\n"
		   "rrb_interface = br-ap\n", &c, err, sizeof(err));
	b = c.bss;
	tap_ok(!ret && b && b->n_r0kh == 2 && b->n_r1kh == 1 &&
	       b->pmk_r1_push && b->ft_over_ds &&
	       !strcmp(b->rrb_ifname, "br-ap"),
	       "r0kh/r1kh lists, pmk_r1_push, ft_over_ds, rrb_interface");
	if (!ret) {
		tap_ok(hexeq(b->r0kh[0].addr, 6, "020000000300") &&
		       b->r0kh[0].id_len == 10 &&
		       !memcmp(b->r0kh[0].id, "nas1.w1.fi", 10) &&
		       hexeq(b->r0kh[0].key, 32, K32) && !b->r0kh[0].wildcard,
		       "r0kh entry read");
		tap_ok(hexeq(b->r1kh[0].addr, 6, "020000000400") &&
		       hexeq(b->r1kh[0].id, 6, "000102030406") &&
		       hexeq(b->r1kh[0].key, 32, K32), "r1kh entry read");
		/* hostapd-ft.md 4.3 D: a 128-bit key expanded */
		tap_ok(hexeq(b->r0kh[1].key, 32,
			     "ab3dd2d49a1efaa3ef114cc7ac4283da99911929a5d0500890800c6da930c5b4"),
		       "128-bit r0kh key expanded as hostapd does (vector D)");
	}
	fsrd_conf_free(&c);
	ret = load(FT_HEAD, &c, err, sizeof(err));
	tap_ok(!ret && !c.bss[0].pmk_r1_push && !c.bss[0].ft_over_ds &&
	       !strcmp(c.bss[0].rrb_ifname, "wlan0") && !c.bss[0].n_r0kh &&
	       c.bss[0].rkh_pos_timeout_s == 86400 &&
	       c.bss[0].rkh_neg_timeout_s == 60,
	       "defaults: no push, no FT over the DS, RRB on the BSS interface, no peers, hostapd's rkh_pos_timeout and rkh_neg_timeout");
	fsrd_conf_free(&c);
	/* hostapd's wildcard lines, next to a listed peer */
	ret = load(FT_HEAD
		   "r0kh = ff:ff:ff:ff:ff:ff * " K32 "\n"
		   "r0kh = 02:00:00:00:03:00 nas1 " K32 "\n"
		   "r1kh = 00:00:00:00:00:00 00:00:00:00:00:00 " K32 "\n"
		   "rkh_pos_timeout = 600\n"
		   "rkh_neg_timeout = 5\n", &c, err, sizeof(err));
	b = c.bss;
	tap_ok(!ret && b->n_r0kh == 2 && b->n_r1kh == 1 &&
	       b->r0kh[0].wildcard && !b->r0kh[1].wildcard &&
	       b->r1kh[0].wildcard && hexeq(b->r1kh[0].key, 32, K32) &&
	       b->rkh_pos_timeout_s == 600 && b->rkh_neg_timeout_s == 5,
	       "wildcard r0kh and r1kh lines taken, rkh_pos_timeout, rkh_neg_timeout");
	fsrd_conf_free(&c);
	expect_err("r0kh: two wildcards",
		   FT_HEAD "r0kh = ff:ff:ff:ff:ff:ff * " K32 "\n"
		   "r0kh = ff:ff:ff:ff:ff:ff * " K32 "\n", 10,
		   "r0kh: this R0KH-ID is already listed");
	expect_err("rkh_neg_timeout: 0",
		   FT_HEAD "rkh_neg_timeout = 0\n", 9,
		   "rkh_neg_timeout: expected 1..86400 seconds, got '0'");

	expect_err("r0kh: two fields", FT_HEAD "r0kh = 02:00:00:00:03:00 nas1\n",
		   9, "r0kh: expected '<MAC> <R0KH-ID> <256-bit hex key>'");
	expect_err("r0kh: four fields",
		   FT_HEAD "r0kh = 02:00:00:00:03:00 nas1 " K32 " x\n", 9,
		   "r0kh: expected '<MAC> <R0KH-ID> <256-bit hex key>'");
	expect_err("r0kh: bad key",
		   FT_HEAD "r0kh = 02:00:00:00:03:00 nas1 0011\n", 9,
		   "r0kh: key: expected 64 hex digits (or 32 for a 128-bit key)");
	expect_err("r0kh: group MAC",
		   FT_HEAD "r0kh = 03:00:00:00:03:00 nas1 " K32 "\n", 9,
		   "r0kh: expected a unicast MAC address, got '03:00:00:00:03:00'");
	expect_err("r0kh: half a wildcard",
		   FT_HEAD "r0kh = ff:ff:ff:ff:ff:ff nas1 " K32 "\n", 9,
		   "r0kh: the wildcard is 'ff:ff:ff:ff:ff:ff *', both or neither");
	expect_err("r1kh: half a wildcard",
		   FT_HEAD "r1kh = 02:00:00:00:04:00 00:00:00:00:00:00 " K32 "\n",
		   9, "r1kh: the wildcard is '00:00:00:00:00:00 00:00:00:00:00:00', both or neither");
	expect_err("r1kh: R1KH-ID not a MAC",
		   FT_HEAD "r1kh = 02:00:00:00:04:00 nas2 " K32 "\n", 9,
		   "r1kh: R1KH-ID: expected a MAC address, got 'nas2'");
	expect_err("r0kh: listed twice",
		   FT_HEAD "r0kh = 02:00:00:00:03:00 nas1 " K32 "\n"
		   "r0kh = 02:00:00:00:05:00 nas1 " K32 "\n", 10,
		   "r0kh: this R0KH-ID is already listed");
	expect_err("r0kh: own R0KH-ID",
		   FT_HEAD "r0kh = 02:00:00:00:03:00 ap1 " K32 "\n", 9,
		   "r0kh: R0KH-ID 'ap1' is this fsrd's own r0kh_id");
	expect_err("pmk_r1_push on a non-FT BSS", BSS_OK "pmk_r1_push = yes\n",
		   6, "pmk_r1_push: only for security ft-psk or ft-eap, not wpa2-psk");
	expect_err("r1kh on a non-FT BSS",
		   BSS_OK "r1kh = 02:00:00:00:04:00 00:01:02:03:04:06 " K32 "\n",
		   6, "r1kh: only for security ft-psk or ft-eap, not wpa2-psk");
	expect_err("ft_over_ds on a non-FT BSS", BSS_OK "ft_over_ds = yes\n",
		   6, "ft_over_ds: only for security ft-psk or ft-eap, not wpa2-psk");
	expect_err("ft_over_ds not a boolean", FT_HEAD "ft_over_ds = 1x\n", 9,
		   "ft_over_ds: expected yes or no, got '1x'");
	expect_err("rrb_interface bad", FT_HEAD "rrb_interface = a/b\n", 9,
		   "rrb_interface: expected an interface name, got 'a/b'");
	expect_err("pmk_r1_push twice",
		   FT_HEAD "pmk_r1_push = yes\npmk_r1_push = no\n", 10,
		   "duplicate key 'pmk_r1_push' (first at line 9)");

	/* pmk_r1_push_to: the neighbours, each an r1kh line's R1KH-ID */
#define R1KH2 "r1kh = 02:00:00:00:04:00 00:01:02:03:04:06 " K32 "\n" \
	"r1kh = 02:00:00:00:05:00 00:01:02:03:04:07 " K32 "\n"
	ret = load(FT_HEAD R1KH2 "pmk_r1_push = yes\n"
		   "pmk_r1_push_to = 00:01:02:03:04:07\n", &c, err, sizeof(err));
	b = c.bss;
	tap_ok(!ret && b->n_push_to == 1 &&
	       hexeq(b->push_to[0], 6, "000102030407"),
	       "pmk_r1_push_to names one of two r1kh lines");
	fsrd_conf_free(&c);
	ret = load(FT_HEAD R1KH2 "pmk_r1_push = yes\n"
		   "pmk_r1_push_to = 00:01:02:03:04:07\n"
		   "pmk_r1_push_to = 00:01:02:03:04:06\n", &c, err, sizeof(err));
	tap_ok(!ret && c.bss[0].n_push_to == 2 &&
	       hexeq(c.bss[0].push_to[1], 6, "000102030406"),
	       "pmk_r1_push_to repeated: the lists add up");
	fsrd_conf_free(&c);
	ret = load(FT_HEAD "r1kh = 00:00:00:00:00:00 00:00:00:00:00:00 " K32 "\n"
		   "pmk_r1_push = yes\n"
		   "pmk_r1_push_to = 00:01:02:03:04:08 00:01:02:03:04:09\n",
		   &c, err, sizeof(err));
	tap_ok(!ret && c.bss[0].n_push_to == 2,
	       "pmk_r1_push_to with a wildcard r1kh: peers it may teach");
	fsrd_conf_free(&c);
	expect_err("pmk_r1_push_to without pmk_r1_push",
		   FT_HEAD R1KH2 "pmk_r1_push_to = 00:01:02:03:04:07\n", 11,
		   "pmk_r1_push_to: needs pmk_r1_push = yes");
	expect_err("pmk_r1_push_to: no r1kh line has that R1KH-ID",
		   FT_HEAD R1KH2 "pmk_r1_push = yes\n"
		   "pmk_r1_push_to = 00:01:02:03:04:08\n", 12,
		   "pmk_r1_push_to: 00:01:02:03:04:08 is the R1KH-ID of no r1kh line of [bss a]");
	expect_err("pmk_r1_push_to: not a MAC",
		   FT_HEAD R1KH2 "pmk_r1_push = yes\n"
		   "pmk_r1_push_to = 00:01:02:03:04:07 ap2\n", 12,
		   "pmk_r1_push_to: R1KH-ID: expected a MAC address like 02:00:00:00:01:00, got 'ap2'");
	expect_err("pmk_r1_push_to: listed twice",
		   FT_HEAD R1KH2 "pmk_r1_push = yes\n"
		   "pmk_r1_push_to = 00:01:02:03:04:07\n"
		   "pmk_r1_push_to = 00:01:02:03:04:07\n", 13,
		   "pmk_r1_push_to: 00:01:02:03:04:07 listed twice");
	expect_err("pmk_r1_push_to: empty",
		   FT_HEAD R1KH2 "pmk_r1_push = yes\npmk_r1_push_to = \n", 12,
		   "pmk_r1_push_to: expected one or more R1KH-IDs");
	expect_err("pmk_r1_push_to on a non-FT BSS",
		   BSS_OK "pmk_r1_push_to = 00:01:02:03:04:07\n", 6,
		   "pmk_r1_push_to: only for security ft-psk or ft-eap, not wpa2-psk");
#undef R1KH2

	/* pmksa_share: ft-eap only, with OKC */
	ret = load(FT_EAP_HEAD "pmksa_share = yes\n", &c, err, sizeof(err));
	tap_ok(!ret && c.bss[0].pmksa_share && c.bss[0].okc,
	       "pmksa_share on an ft-eap BSS");
	if (ret)
		tap_diag("error", err);
	fsrd_conf_free(&c);
	ret = load(FT_EAP_HEAD, &c, err, sizeof(err));
	tap_ok(!ret && !c.bss[0].pmksa_share, "pmksa_share: default no");
	fsrd_conf_free(&c);
	expect_err("pmksa_share on ft-psk", FT_HEAD "pmksa_share = yes\n", 9,
		   "pmksa_share: only for security ft-eap (PMKSAs come from 802.1X), not ft-psk");
	expect_err("pmksa_share on a non-FT BSS", BSS_OK "pmksa_share = yes\n",
		   6, "pmksa_share: only for security ft-psk or ft-eap, not wpa2-psk");
	expect_err("pmksa_share without OKC",
		   FT_EAP_HEAD "okc = no\npmksa_share = yes\n", 12,
		   "pmksa_share: a shared PMKSA serves only OKC: needs okc = yes (line 11)");
	expect_err("pmksa_share not a boolean", FT_EAP_HEAD "pmksa_share = on\n",
		   11, "pmksa_share: expected yes or no, got 'on'");
}

#define PORTAL_BSS BSS_OK "portal = yes\n"
#define PSERVER "[portal_server p]\naddress = 10.0.0.5\nsecret = ps3cret\n"

static void test_portal(void)
{
	struct fsrd_conf c;
	char err[1024];
	int ret;

	ret = load(PORTAL_BSS AUTH_OK "[portal]\n" PSERVER, &c, err,
		   sizeof(err));
	tap_ok(ret == 0 && c.bss[0].portal && c.have_portal &&
	       c.portal.n_servers == 1 && c.portal.servers[0].version == 2 &&
	       c.portal.servers[0].notify_port == 50100 &&
	       c.portal.servers[0].secret.len == 7 &&
	       c.portal.max_sessions == 1024 && c.portal.max_pending == 64 &&
	       c.portal.challenge_timeout_s == 60 &&
	       c.portal.aff_timeout_s == 30 && !c.portal.bas_ip &&
	       !c.portal.escape_open && c.portal.ntf_backoff_ms == 1000 &&
	       c.portal.ntf_tries == 5 &&
	       !c.portal.servers[0].heartbeat_timeout_s &&
	       ntohs(((struct sockaddr_in *)&c.portal.listen)->sin_port) ==
	       2000, "portal: defaults (escape closed, NTF_LOGOUT back-off 1 s, 5 tries, no heartbeat watch)");
	fsrd_conf_free(&c);
	ret = load(PORTAL_BSS AUTH_OK "[portal]\nlisten = 127.0.0.1:2001\n"
		   "bas_ip = 10.0.0.1\nmax_sessions = 10\nmax_pending = 2\n"
		   "challenge_timeout = 5\naff_timeout = 0\n"
		   "walled_garden = 192.0.2.10, 198.51.100.0/24\n"
		   "walled_garden = 10.1.0.0/16\n"
		   "[portal_server v1]\naddress = 10.0.0.6\nversion = 1\n"
		   "notify_port = 50200\n" PSERVER, &c, err, sizeof(err));
	tap_ok(ret == 0 && c.portal.n_servers == 2 &&
	       c.portal.servers[0].version == 1 &&
	       !c.portal.servers[0].secret.len &&
	       c.portal.servers[0].notify_port == 50200 &&
	       c.portal.bas_ip == 0x0a000001 && c.portal.max_sessions == 10 &&
	       c.portal.max_pending == 2 && c.portal.aff_timeout_s == 0 &&
	       c.portal.n_garden == 3 && c.portal.garden[0].addr == 0xc000020a &&
	       c.portal.garden[0].len == 32 &&
	       c.portal.garden[1].addr == 0xc6336400 &&
	       c.portal.garden[1].len == 24 &&
	       c.portal.garden[2].addr == 0x0a010000 &&
	       c.portal.garden[2].len == 16 &&
	       ntohs(((struct sockaddr_in *)&c.portal.listen)->sin_port) ==
	       2001, "portal: every key; a v1 server without a secret");
	fsrd_conf_free(&c);

	ret = load(PORTAL_BSS AUTH_OK "[portal]\nescape = open\n"
		   "ntf_backoff = 100\nntf_tries = 10\n"
		   PSERVER "heartbeat_timeout = 30\n", &c, err, sizeof(err));
	tap_ok(ret == 0 && c.portal.escape_open &&
	       c.portal.ntf_backoff_ms == 100 && c.portal.ntf_tries == 10 &&
	       c.portal.servers[0].heartbeat_timeout_s == 30,
	       "portal: escape, ntf_backoff, ntf_tries, heartbeat_timeout");
	fsrd_conf_free(&c);
	expect_err("portal: escape maybe", PORTAL_BSS AUTH_OK
		   "[portal]\nescape = maybe\n" PSERVER, 11,
		   "escape: expected open (every portal server down: stations pass without login) or closed (they stay blocked), got 'maybe'");
	expect_err("portal: ntf_backoff 50", PORTAL_BSS AUTH_OK
		   "[portal]\nntf_backoff = 50\n" PSERVER, 11,
		   "ntf_backoff: expected 100..10000 ms, got '50'");
	expect_err("portal: ntf_tries 0", PORTAL_BSS AUTH_OK
		   "[portal]\nntf_tries = 0\n" PSERVER, 11,
		   "ntf_tries: expected 1..10, got '0'");
	expect_err("portal: heartbeat_timeout 2", PORTAL_BSS AUTH_OK
		   "[portal]\n" PSERVER "heartbeat_timeout = 2\n", 14,
		   "heartbeat_timeout: expected 0 or 5..3600 seconds, got '2'");
	expect_err("portal: BSS without [portal]", PORTAL_BSS AUTH_OK, 1,
		   "[bss a]: portal = yes needs a [portal] section");
	expect_err("portal: no server", PORTAL_BSS AUTH_OK "[portal]\n", 10,
		   "[portal]: needs at least one [portal_server NAME] section");
	expect_err("portal: no RADIUS", PORTAL_BSS "[portal]\n" PSERVER, 1,
		   "[bss a]: portal logins are checked by RADIUS: needs at least one [auth_server NAME] section");
	expect_err("portal: unused", BSS_OK "[portal]\n" PSERVER, 6,
		   "Portal is configured but no BSS has portal = yes");
	expect_err("portal: v2 without secret", PORTAL_BSS AUTH_OK
		   "[portal]\n[portal_server p]\naddress = 10.0.0.5\n", 11,
		   "[portal_server p]: version 2 needs 'secret' (or 'secret_file'): it signs every packet");
	expect_err("portal: server without address", PORTAL_BSS AUTH_OK
		   "[portal]\n[portal_server p]\nsecret = x\n", 11,
		   "[portal_server p]: missing required key 'address'");
	expect_err("portal: address with a port", PORTAL_BSS AUTH_OK
		   "[portal]\n[portal_server p]\naddress = 10.0.0.5:2000\n",
		   12, "address: expected the portal server's IP address (no port: it may send from any), got '10.0.0.5:2000'");
	expect_err("portal: version 3", PORTAL_BSS AUTH_OK "[portal]\n"
		   PSERVER "version = 3\n", 14,
		   "version: expected 1 (China Mobile, no Authenticator) or 2 (Huawei, with Authenticator), got '3'");
	expect_err("portal: max_pending over max_sessions", PORTAL_BSS AUTH_OK
		   "[portal]\nmax_sessions = 4\nmax_pending = 5\n" PSERVER, 12,
		   "max_pending: 5 is more than max_sessions (4)");
	expect_err("portal: url not http", PORTAL_BSS AUTH_OK
		   "[portal]\nurl = ftp://portal.example/\n" PSERVER, 11,
		   "url: expected an http:// or https:// URL of at most 255 printable characters without spaces, quotes, <>, or a #fragment, got 'ftp://portal.example/'");
	expect_err("portal: url with a quote", PORTAL_BSS AUTH_OK
		   "[portal]\nurl = http://p.example/\"><script>\n" PSERVER, 11,
		   "url: expected an http:// or https:// URL of at most 255 printable characters without spaces, quotes, <>, or a #fragment, got 'http://p.example/\"><script>'");
	expect_err("portal: ac_name with a space", PORTAL_BSS AUTH_OK
		   "[portal]\nac_name = my ac\n" PSERVER, 11,
		   "ac_name: expected 1..63 of A-Z a-z 0-9 . _ - (China Mobile's form is ACN.CTY.PRO.OPE, e.g. 0001.0755.200.00), got 'my ac'");
	expect_err("portal: redirect_port 0", PORTAL_BSS AUTH_OK
		   "[portal]\nredirect_port = 0\n" PSERVER, 11,
		   "redirect_port: expected 1..65535, got '0'");
	expect_err("portal: unknown key", PORTAL_BSS AUTH_OK
		   "[portal]\nfoo = 1\n", 11,
		   "unknown key 'foo' in [portal]: expected one of listen, bas_ip, max_sessions, max_pending, challenge_timeout, aff_timeout, walled_garden, url, ac_name, redirect_port, reconnect_timeout, escape, ntf_backoff, ntf_tries");
	expect_err("portal: walled_garden host bits", PORTAL_BSS AUTH_OK
		   "[portal]\nwalled_garden = 10.0.0.1, 10.0.0.1/24\n", 11,
		   "walled_garden: expected IPv4 addresses or prefixes (192.0.2.10, 198.51.100.0/24; no host bits after the prefix), got '10.0.0.1/24'");
	expect_err("portal: walled_garden a name", PORTAL_BSS AUTH_OK
		   "[portal]\nwalled_garden = portal.example.com\n", 11,
		   "walled_garden: expected IPv4 addresses or prefixes (192.0.2.10, 198.51.100.0/24; no host bits after the prefix), got 'portal.example.com'");
	expect_err("portal: walled_garden prefix 33", PORTAL_BSS AUTH_OK
		   "[portal]\nwalled_garden = 10.0.0.0/33\n", 11,
		   "walled_garden: expected IPv4 addresses or prefixes (192.0.2.10, 198.51.100.0/24; no host bits after the prefix), got '10.0.0.0/33'");
	expect_err("portal: walled_garden IPv6", PORTAL_BSS AUTH_OK
		   "[portal]\nwalled_garden = 2001:db8::1\n", 11,
		   "walled_garden: expected IPv4 addresses or prefixes (192.0.2.10, 198.51.100.0/24; no host bits after the prefix), got '2001:db8::1'");
	{
		char many[2048];
		size_t used = (size_t)snprintf(many, sizeof(many), "%s",
					       PORTAL_BSS AUTH_OK
					       "[portal]\nwalled_garden = ");
		int i;

		/* 4 lines of 8, then a 33rd */
		for (i = 0; i < 33; i++)
			used += (size_t)snprintf(many + used,
						 sizeof(many) - used,
						 "10.0.0.%d%s", i,
						 i % 8 == 7 ?
						 "\nwalled_garden = " : ",");
		snprintf(many + used, sizeof(many) - used, "\n");
		expect_err("portal: walled_garden of 33 entries", many, 15,
			   "walled_garden: at most 32 entries");
	}
	expect_err("portal: duplicate section", PORTAL_BSS AUTH_OK
		   "[portal]\n[portal]\n", 11,
		   "duplicate section [portal] (first at line 10)");
	expect_err("portal: duplicate server", PORTAL_BSS AUTH_OK "[portal]\n"
		   PSERVER PSERVER, 14,
		   "duplicate section [portal_server p] (first at line 11)");
	expect_err("portal: aff_timeout 1", PORTAL_BSS AUTH_OK
		   "[portal]\naff_timeout = 1\n", 11,
		   "aff_timeout: expected 0 or 5..3600 seconds, got '1'");
	expect_err("portal: bas_ip", PORTAL_BSS AUTH_OK
		   "[portal]\nbas_ip = nope\n", 11,
		   "bas_ip: expected an IPv4 address, got 'nope'");
}

#define LS_AUTH "auth = 02:00:00:00:0a:01 sha256:" \
	"80d94fd65aa220087b14e8954369d42b9ceef4cdfc6a3dbed8f4813b0f7ebfaf\n"

static void test_nmsp(void)
{
	char pem[600], text[2048], err[1024];
	struct fsrd_conf c;
	FILE *f;
	int ret;

	/* certificate and key are only checked to be readable here */
	snprintf(pem, sizeof(pem), "%s/empty", dir);
	f = fopen(pem, "w");
	if (f)
		fclose(f);
	snprintf(text, sizeof(text), BSS_OK "[nmsp]\ncertificate = %s\n"
		 "key = %s\n" LS_AUTH
		 "auth = 02:00:00:00:0a:02 sha1:13da6aec1026413b1da0154c58039afff8f24c93\n",
		 pem, pem);
	ret = load(text, &c, err, sizeof(err));
	tap_ok(ret == 0 && c.have_nmsp && c.nmsp.auth.n == 2 &&
	       c.nmsp.auth.e[1].hash_len == 20 && c.nmsp.max_peers == 8 &&
	       c.nmsp.idle_ms == 30000 &&
	       c.nmsp.services == (1u << NMSP_SVC_STATION_EVENTS |
				   1u << NMSP_SVC_CLIENT_RSSI |
				   1u << NMSP_SVC_PROBE_RSSI) &&
	       ntohs(((struct sockaddr_in *)&c.nmsp.listen)->sin_port) ==
	       16113, "nmsp: two auth entries, defaults");
	if (ret)
		tap_diag("err", err);
	fsrd_conf_free(&c);
	snprintf(text, sizeof(text), BSS_OK "[nmsp]\nlisten = 127.0.0.1:16200\n"
		 "certificate = %s\nkey = %s\n" LS_AUTH "max_peers = 2\n"
		 "idle_timeout = 10\nserver = 192.0.2.10\n"
		 "server = [2001:db8::10]:16200\n", pem, pem);
	ret = load(text, &c, err, sizeof(err));
	tap_ok(ret == 0 && c.nmsp.max_peers == 2 && c.nmsp.idle_ms == 10000 &&
	       ntohs(((struct sockaddr_in *)&c.nmsp.listen)->sin_port) ==
	       16200 && c.nmsp.n_servers == 2 &&
	       ntohs(((struct sockaddr_in *)&c.nmsp.servers[0].ss)->sin_port) ==
	       16113 &&
	       c.nmsp.servers[1].ss.ss_family == AF_INET6 &&
	       ntohs(((struct sockaddr_in6 *)&c.nmsp.servers[1].ss)->sin6_port) ==
	       16200, "nmsp: every key, two servers in order (default port 16113)");
	fsrd_conf_free(&c);
	expect_err("nmsp: no certificate", BSS_OK "[nmsp]\n" LS_AUTH, 6,
		   "[nmsp] needs certificate = and key = (PEM files): the link runs over TLS only");
	snprintf(text, sizeof(text), BSS_OK "[nmsp]\ncertificate = %s\nkey = %s\n",
		 pem, pem);
	expect_err("nmsp: no auth entry", text, 6,
		   "[nmsp] needs at least one auth = entry: without one no location server could connect");
	expect_err("nmsp: certificate missing on disk",
		   BSS_OK "[nmsp]\ncertificate = /nonexistent/ls.pem\n", 7,
		   "certificate: /nonexistent/ls.pem: No such file or directory");
	expect_err("nmsp: auth without hash",
		   BSS_OK "[nmsp]\nauth = 02:00:00:00:0a:01\n", 7,
		   "auth: expected a key hash after the MAC address (sha1:HEX or sha256:HEX), got '02:00:00:00:0a:01' (form: auth = 02:00:00:00:0a:01 sha256:<64 hex digits>)");
	expect_err("nmsp: auth with md5",
		   BSS_OK "[nmsp]\nauth = 02:00:00:00:0a:01 md5:00\n", 7,
		   "auth: expected the key hash as sha1:HEX or sha256:HEX, got '02:00:00:00:0a:01 md5:00' (form: auth = 02:00:00:00:0a:01 sha256:<64 hex digits>)");
	expect_err("nmsp: the same auth twice",
		   BSS_OK "[nmsp]\n" LS_AUTH LS_AUTH, 8,
		   "auth: '02:00:00:00:0a:01 sha256:80d94fd65aa220087b14e8954369d42b9ceef4cdfc6a3dbed8f4813b0f7ebfaf' is listed twice");
	expect_err("nmsp: max_peers 0", BSS_OK "[nmsp]\nmax_peers = 0\n", 7,
		   "max_peers: expected 1..64, got '0'");
	expect_err("nmsp: unknown key", BSS_OK "[nmsp]\nport = 1\n", 7,
		   "unknown key 'port' in [nmsp]: expected one of listen, certificate, key, auth, max_peers, idle_timeout, server");
	expect_err("nmsp: server not an address",
		   BSS_OK "[nmsp]\nserver = ls.example.com\n", 7,
		   "server: expected an IP address with an optional port (192.0.2.10:16113, [2001:db8::10]:16113), got 'ls.example.com'");
	expect_err("nmsp: the same server twice",
		   BSS_OK "[nmsp]\nserver = 192.0.2.10\nserver = 192.0.2.10:16113\n",
		   8, "server: '192.0.2.10:16113' is listed twice");
	expect_err("nmsp: five servers",
		   BSS_OK "[nmsp]\nserver = 192.0.2.1\nserver = 192.0.2.2\n"
		   "server = 192.0.2.3\nserver = 192.0.2.4\nserver = 192.0.2.5\n",
		   11, "server: too many servers: at most 4");
	expect_err("nmsp: twice", BSS_OK "[nmsp]\n[nmsp]\n", 7,
		   "duplicate section [nmsp] (first at line 6)");
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, sizeof(dir), "%s/fsrd-conf.XXXXXX", tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/fsrd.conf", dir);
	test_valid();
	test_pbkdf2();
	test_sections();
	test_keys();
	test_channels();
	test_required();
	test_misc();
	test_radius();
	test_rkh();
	test_portal();
	test_nmsp();
	unlink(path);
	snprintf(path, sizeof(path), "%s/secret", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/empty", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/long", dir);
	unlink(path);
	rmdir(dir);
	return tap_done();
}
