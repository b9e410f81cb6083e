// SPDX-License-Identifier: GPL-2.0-only
/* Portal enforcement as nft scripts (portal_fw_rules.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "portal/portal_fw_rules.h"

#define T PORTAL_FW_FAMILY " " PORTAL_FW_TABLE
#define TN PORTAL_FW_NAT_FAMILY " " PORTAL_FW_TABLE
#define TB PORTAL_FW_BRIDGE_FAMILY " " PORTAL_FW_TABLE

bool portal_fw_ifname_ok(const char *ifname)
{
	size_t i, n = strlen(ifname);

	if (!n || n > 15)
		return false;
	for (i = 0; i < n; i++) {
		char c = ifname[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '.' ||
		      c == '-'))
			return false;
	}
	return true;
}

bool portal_fw_redirects(const struct portal_fw_conf *c)
{
	return c->redirect_port != 0;
}

int portal_fw_ruleset(const struct portal_fw_conf *c, char *buf, size_t len)
{
	struct strbuf o = { .buf = buf, .len = len };
	size_t i;

	if (!c->n_ifnames || !c->max_sessions)
		return -EINVAL;
	for (i = 0; i < c->n_ifnames; i++)
		if (!portal_fw_ifname_ok(c->ifnames[i]))
			return -EINVAL;
	if (!len)
		return -ENOSPC;
	buf[0] = '\0';
	/* add + delete: one transaction whether or not a table was left */
	strbuf_put(&o, "add table " T "\ndelete table " T "\ntable " T
		   " {\n");
	strbuf_put(&o, "\tset online {\n\t\ttype ether_addr . ipv4_addr\n\t\tsize %u\n\t}\n",
		   c->max_sessions);
	strbuf_put(&o, "\tset online_mac {\n\t\ttype ether_addr\n\t\tsize %u\n\t}\n",
		   c->max_sessions);
	strbuf_put(&o, "\tset garden {\n\t\ttype ipv4_addr\n\t\tflags interval\n");
	for (i = 0; i < c->n_garden; i++) {
		strbuf_put(&o, i ? ", " : "\t\telements = { ");
		strbuf_put_ip(&o, c->garden[i].addr);
		if (c->garden[i].len < 32)
			strbuf_put(&o, "/%u", c->garden[i].len);
	}
	strbuf_put(&o, "%s\t}\n", c->n_garden ? " }\n" : "");
	/* escape mode (portal_fw_escape): empty, or one accept */
	strbuf_put(&o, "\tchain escape {\n\t}\n");
	strbuf_put(&o, "\tchain guard {\n"
		   "\t\tjump escape\n"
		   "\t\tether type arp accept\n"
		   "\t\tether type 0x888e accept\n"
		   "\t\tether type ip ether saddr . ip saddr @online accept\n"
		   "\t\tether type ip6 ether saddr @online_mac accept\n"
		   "\t\tether type ip udp dport { 53, 67 } accept\n"
		   "\t\tether type ip tcp dport 53 accept\n"
		   "\t\tether type ip ip daddr @garden accept\n");
	if (c->redirect_port)
		/* back to the interface's chain, which accepts it */
		strbuf_put(&o, "\t\tether type ip tcp dport 80 meta mark set meta mark | 0x%08x return\n",
			   PORTAL_FW_MARK);
	strbuf_put(&o, "\t\tcounter drop\n"
		   "\t}\n");
	for (i = 0; i < c->n_ifnames; i++) {
		const uint8_t *m = c->redirect_port && c->bridge_macs ?
				   c->bridge_macs[i] : NULL;

		strbuf_put(&o, "\tchain in_%s {\n"
			   "\t\ttype filter hook ingress device \"%s\" priority 0; policy accept;\n"
			   "\t\tjump guard\n", c->ifnames[i], c->ifnames[i]);
		if (m)	/* up to the bridge's own IP stack */
			strbuf_put(&o, "\t\tmeta mark & 0x%08x == 0x%08x ether daddr set %02x:%02x:%02x:%02x:%02x:%02x\n",
				   PORTAL_FW_MARK, PORTAL_FW_MARK, m[0], m[1],
				   m[2], m[3], m[4], m[5]);
		strbuf_put(&o, "\t}\n");
	}
	strbuf_put(&o, "}\n");
	/* the marked web requests go to fsrd's port; none is forwarded */
	strbuf_put(&o, "add table " TN "\ndelete table " TN "\n");
	if (c->redirect_port)
		strbuf_put(&o, "table " TN " {\n"
			   "\tchain web_to_fsrd {\n"
			   "\t\ttype nat hook prerouting priority dstnat; policy accept;\n"
			   "\t\tmeta mark & 0x%08x == 0x%08x tcp dport 80 redirect to :%u\n"
			   "\t}\n"
			   "\tchain no_forward {\n"
			   "\t\ttype filter hook forward priority 0; policy accept;\n"
			   "\t\tmeta mark & 0x%08x == 0x%08x counter drop\n"
			   "\t}\n"
			   "}\n", PORTAL_FW_MARK, PORTAL_FW_MARK,
			   c->redirect_port, PORTAL_FW_MARK, PORTAL_FW_MARK);
	if (portal_fw_redirects(c))
		strbuf_put(&o, "add table " TB "\ndelete table " TB "\n"
			   "table " TB " {\n"
			   "\tchain no_forward {\n"
			   "\t\ttype filter hook forward priority 0; policy accept;\n"
			   "\t\tmeta mark & 0x%08x == 0x%08x counter drop\n"
			   "\t}\n"
			   "}\n", PORTAL_FW_MARK, PORTAL_FW_MARK);
	return strbuf_done(&o);
}

int portal_fw_elements(bool add, const uint8_t mac[6], uint32_t ip,
		       bool with_mac, char *buf, size_t len)
{
	struct strbuf o = { .buf = buf, .len = len };
	char m[18];

	if (!len)
		return -ENOSPC;
	buf[0] = '\0';
	snprintf(m, sizeof(m), "%02x:%02x:%02x:%02x:%02x:%02x", mac[0],
		 mac[1], mac[2], mac[3], mac[4], mac[5]);
	strbuf_put(&o, "%s element " T " online { %s . ",
		   add ? "add" : "delete", m);
	strbuf_put_ip(&o, ip);
	strbuf_put(&o, " }\n");
	if (with_mac)
		strbuf_put(&o, "%s element " T " online_mac { %s }\n",
			   add ? "add" : "delete", m);
	return strbuf_done(&o);
}

int portal_fw_escape(bool on, char *buf, size_t len)
{
	struct strbuf o = { .buf = buf, .len = len };

	if (!len)
		return -ENOSPC;
	strbuf_put(&o, "flush chain " T " escape\n");
	if (on)
		strbuf_put(&o, "add rule " T " escape counter accept\n");
	return strbuf_done(&o);
}

int portal_fw_teardown(bool redirects, char *buf, size_t len)
{
	struct strbuf o = { .buf = buf, .len = len };

	if (!len)
		return -ENOSPC;
	strbuf_put(&o, "delete table " T "\n");
	strbuf_put(&o, "add table " TN "\ndelete table " TN "\n");
	if (redirects)
		strbuf_put(&o, "add table " TB "\ndelete table " TB "\n");
	return strbuf_done(&o);
}
