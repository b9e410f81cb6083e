// SPDX-License-Identifier: GPL-2.0-only
/*
 * The nft scripts of Portal enforcement (fsrd/portal/portal_fw_rules.c):
 * the whole table for two interfaces and a walled garden, element
 * changes, the teardown, and what the builder must refuse (interface
 * names nft would read differently, no interface, a short buffer), and
 * the bridged AP's rewrite and bridge table. The
 * scripts themselves are run by nft in selftests/fsrd_portal.sh.
 */
#include <errno.h>

#include "portal/portal_fw_rules.h"
#include "tap.h"

static const char want_table[] =
	"add table netdev fsrd_portal\n"
	"delete table netdev fsrd_portal\n"
	"table netdev fsrd_portal {\n"
	"\tset online {\n\t\ttype ether_addr . ipv4_addr\n\t\tsize 16\n\t}\n"
	"\tset online_mac {\n\t\ttype ether_addr\n\t\tsize 16\n\t}\n"
	"\tset garden {\n\t\ttype ipv4_addr\n\t\tflags interval\n"
	"\t\telements = { 10.77.0.3, 198.51.100.0/24 }\n\t}\n"
	"\tchain escape {\n\t}\n"
	"\tchain guard {\n"
	"\t\tjump escape\n"
	"\t\tether type arp accept\n"
	"\t\tether type 0x888e accept\n"
	"\t\tether type ip ether saddr . ip saddr @online accept\n"
	"\t\tether type ip6 ether saddr @online_mac accept\n"
	"\t\tether type ip udp dport { 53, 67 } accept\n"
	"\t\tether type ip tcp dport 53 accept\n"
	"\t\tether type ip ip daddr @garden accept\n"
	"\t\tcounter drop\n"
	"\t}\n"
	"\tchain in_wlan0 {\n"
	"\t\ttype filter hook ingress device \"wlan0\" priority 0; policy accept;\n"
	"\t\tjump guard\n\t}\n"
	"\tchain in_ap-2.g {\n"
	"\t\ttype filter hook ingress device \"ap-2.g\" priority 0; policy accept;\n"
	"\t\tjump guard\n\t}\n"
	"}\n"
	"add table inet fsrd_portal\n"
	"delete table inet fsrd_portal\n";

/* with the captive redirect to port 2080 */
static const char want_redirect_rule[] =
	"\t\tether type ip ip daddr @garden accept\n"
	"\t\tether type ip tcp dport 80 meta mark set meta mark | 0x46520000 return\n"
	"\t\tcounter drop\n";
static const char want_nat[] =
	"add table inet fsrd_portal\n"
	"delete table inet fsrd_portal\n"
	"table inet fsrd_portal {\n"
	"\tchain web_to_fsrd {\n"
	"\t\ttype nat hook prerouting priority dstnat; policy accept;\n"
	"\t\tmeta mark & 0x46520000 == 0x46520000 tcp dport 80 redirect to :2080\n"
	"\t}\n"
	"\tchain no_forward {\n"
	"\t\ttype filter hook forward priority 0; policy accept;\n"
	"\t\tmeta mark & 0x46520000 == 0x46520000 counter drop\n"
	"\t}\n"
	"}\n";

/* a bridged AP: wlan0 a port of a bridge, ap-2.g not */
static const char want_bridged_chain[] =
	"\tchain in_wlan0 {\n"
	"\t\ttype filter hook ingress device \"wlan0\" priority 0; policy accept;\n"
	"\t\tjump guard\n"
	"\t\tmeta mark & 0x46520000 == 0x46520000 ether daddr set 02:00:00:0b:00:01\n"
	"\t}\n"
	"\tchain in_ap-2.g {\n"
	"\t\ttype filter hook ingress device \"ap-2.g\" priority 0; policy accept;\n"
	"\t\tjump guard\n\t}\n";
static const char want_bridge_table[] =
	"add table bridge fsrd_portal\n"
	"delete table bridge fsrd_portal\n"
	"table bridge fsrd_portal {\n"
	"\tchain no_forward {\n"
	"\t\ttype filter hook forward priority 0; policy accept;\n"
	"\t\tmeta mark & 0x46520000 == 0x46520000 counter drop\n"
	"\t}\n"
	"}\n";

static int ends_with(const char *s, const char *end)
{
	size_t a = strlen(s), b = strlen(end);

	return a >= b && !strcmp(s + a - b, end);
}

int main(void)
{
	static const char *const ifn[] = { "wlan0", "ap-2.g" };
	static const uint8_t br_mac[6] = { 0x02, 0, 0, 0x0b, 0, 0x01 };
	static const uint8_t *const brm[] = { br_mac, NULL };
	static const struct fsrd_ipv4_prefix garden[] = {
		{ 0x0a4d0003, 32 }, { 0xc6336400, 24 },
	};
	struct portal_fw_conf c = {
		.ifnames = ifn, .n_ifnames = 2, .garden = garden,
		.n_garden = 2, .max_sessions = 16,
	};
	static const uint8_t mac[6] = { 0x02, 0, 0, 0, 0x01, 0xab };
	const char *bad;
	char buf[4096];
	int n;

	n = portal_fw_ruleset(&c, buf, sizeof(buf));
	tap_ok(n == (int)strlen(want_table), "ruleset: its length returned");
	tap_str(buf, want_table, "ruleset: two interfaces, a walled garden of an address and a prefix");

	tap_ok(!strstr(buf, "meta mark"),
	       "ruleset: no redirect: no packet is marked");

	c.redirect_port = 2080;
	n = portal_fw_ruleset(&c, buf, sizeof(buf));
	tap_ok(n > 0 && strstr(buf, want_redirect_rule) != NULL,
	       "redirect: web requests not accepted before are marked, after the garden, before the drop");
	tap_ok(n > 0 && strstr(buf, want_nat) != NULL,
	       "redirect: the inet table redirects marked requests to the port and forwards none");
	if (n > 0 && !strstr(buf, want_nat))
		tap_diag("got", buf);
	tap_ok(!strstr(buf, "daddr set") && ends_with(buf, want_bridge_table) &&
	       portal_fw_redirects(&c),
	       "redirect, routed: no rewrite; the bridge table drops marked frames a bridge would forward");

	c.bridge_macs = brm;
	n = portal_fw_ruleset(&c, buf, sizeof(buf));
	tap_ok(n > 0 && strstr(buf, want_bridged_chain) != NULL,
	       "bridged: a marked frame from the bridge port is sent to the bridge's own address; the routed interface's chain is unchanged");
	tap_ok(n > 0 && ends_with(buf, want_bridge_table) &&
	       strstr(buf, want_nat) != NULL,
	       "bridged: the inet table and the bridge table as routed");
	if (n > 0 && !ends_with(buf, want_bridge_table))
		tap_diag("got", buf);
	tap_ok(portal_fw_ruleset(&c, buf, n) == -ENOSPC &&
	       portal_fw_ruleset(&c, buf, (size_t)n + 1) == n,
	       "bridged: the exact length fits, one octet less does not");
	c.redirect_port = 0;
	n = portal_fw_ruleset(&c, buf, sizeof(buf));
	tap_ok(n > 0 && !strstr(buf, "daddr set") && !strstr(buf, "bridge") &&
	       !portal_fw_redirects(&c),
	       "bridged without the redirect: nothing marked, so no rewrite and no bridge table");
	c.bridge_macs = NULL;

	c.n_garden = 0;
	n = portal_fw_ruleset(&c, buf, sizeof(buf));
	tap_ok(n > 0 && !strstr(buf, "elements") &&
	       strstr(buf, "flags interval\n\t}\n"),
	       "ruleset: no walled garden: an empty set (no empty elements list, which nft refuses)");
	c.n_garden = 2;

	tap_ok(portal_fw_ruleset(&c, buf, 100) == -ENOSPC,
	       "ruleset: a buffer too small: -ENOSPC");
	tap_ok(portal_fw_ruleset(&c, buf, 0) == -ENOSPC,
	       "ruleset: no buffer: -ENOSPC");
	c.n_ifnames = 0;
	tap_ok(portal_fw_ruleset(&c, buf, sizeof(buf)) == -EINVAL,
	       "ruleset: no interface: -EINVAL");
	c.n_ifnames = 2;
	c.max_sessions = 0;
	tap_ok(portal_fw_ruleset(&c, buf, sizeof(buf)) == -EINVAL,
	       "ruleset: sets of size 0: -EINVAL");
	c.max_sessions = 16;

	for (bad = "\"; flush ruleset; \"\0a b\0wlan0\\\0abcdefghijklmnop\0";
	     ; bad += strlen(bad) + 1) {
		const char *one[] = { bad };
		struct portal_fw_conf b = c;
		char name[96];

		b.ifnames = one;
		b.n_ifnames = 1;
		snprintf(name, sizeof(name), "ruleset: interface name '%s' refused",
			 bad);
		tap_ok(portal_fw_ruleset(&b, buf, sizeof(buf)) == -EINVAL &&
		       !portal_fw_ifname_ok(bad), name);
		if (!*bad)
			break;
	}
	tap_ok(portal_fw_ifname_ok("abcdefghijklmno"),
	       "a 15-character interface name is fine");

	n = portal_fw_elements(true, mac, 0x0a4d0002, true, buf, sizeof(buf));
	tap_str(buf,
		"add element netdev fsrd_portal online { 02:00:00:00:01:ab . 10.77.0.2 }\n"
		"add element netdev fsrd_portal online_mac { 02:00:00:00:01:ab }\n",
		"login: the pair and the MAC added");
	tap_ok(n == (int)strlen(buf), "login: its length returned");
	portal_fw_elements(false, mac, 0xfffffffe, false, buf, sizeof(buf));
	tap_str(buf,
		"delete element netdev fsrd_portal online { 02:00:00:00:01:ab . 255.255.255.254 }\n",
		"logout while the MAC has another session: the pair only");
	tap_ok(portal_fw_elements(true, mac, 1, true, buf, 40) == -ENOSPC,
	       "elements: a buffer too small: -ENOSPC");
	n = portal_fw_escape(true, buf, sizeof(buf));
	tap_str(buf, "flush chain netdev fsrd_portal escape\n"
		"add rule netdev fsrd_portal escape counter accept\n",
		"escape mode on: one accept in the escape chain");
	n = portal_fw_escape(false, buf, sizeof(buf));
	tap_str(buf, "flush chain netdev fsrd_portal escape\n",
		"escape mode off: the escape chain emptied");
	tap_ok(portal_fw_escape(true, buf, 30) == -ENOSPC,
	       "escape: a buffer too small: -ENOSPC");
	n = portal_fw_teardown(false, buf, sizeof(buf));
	tap_str(buf, "delete table netdev fsrd_portal\n"
		"add table inet fsrd_portal\ndelete table inet fsrd_portal\n",
		"stop: fsrd's two tables, whether or not the redirect ran");
	n = portal_fw_teardown(true, buf, sizeof(buf));
	tap_str(buf, "delete table netdev fsrd_portal\n"
		"add table inet fsrd_portal\ndelete table inet fsrd_portal\n"
		"add table bridge fsrd_portal\ndelete table bridge fsrd_portal\n",
		"stop, after the redirect: the bridge table too");
	tap_ok(portal_fw_teardown(false, buf, 40) == -ENOSPC,
	       "teardown: a buffer too small: -ENOSPC");
	return tap_done();
}
