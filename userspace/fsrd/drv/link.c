// SPDX-License-Identifier: GPL-2.0-only
/* An interface's bridge, asked of rtnetlink (see link.h). */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "drv/link.h"
#include "drv/rtnl.h"

struct link_facts {
	int master;		/* 0: none */
	char kind[16];		/* IFLA_INFO_KIND, "" if none */
	uint8_t addr[6];
	int have_addr;
};

static void parse_linkinfo(const struct rtattr *li, struct link_facts *f)
{
	const struct rtattr *rta = RTA_DATA(li);
	int len = (int)RTA_PAYLOAD(li);

	for (; RTA_OK(rta, len); rta = RTA_NEXT(rta, len)) {
		size_t n = RTA_PAYLOAD(rta);

		if (rta->rta_type != IFLA_INFO_KIND)
			continue;
		if (n >= sizeof(f->kind))
			n = sizeof(f->kind) - 1;
		memcpy(f->kind, RTA_DATA(rta), n);
		f->kind[n] = '\0';
	}
}

static int parse(const uint8_t *buf, size_t len, struct link_facts *f)
{
	const struct nlmsghdr *nh;
	const struct ifinfomsg *ifi;
	const struct rtattr *rta;
	int rlen, ret;

	ret = rtnl_answer(buf, len, RTM_NEWLINK, sizeof(*ifi), &nh);
	if (ret)
		return ret;
	ifi = NLMSG_DATA(nh);
	rta = (const struct rtattr *)((const uint8_t *)ifi +
				      NLMSG_ALIGN(sizeof(*ifi)));
	rlen = (int)(nh->nlmsg_len - NLMSG_LENGTH(sizeof(*ifi)));
	memset(f, 0, sizeof(*f));
	for (; RTA_OK(rta, rlen); rta = RTA_NEXT(rta, rlen)) {
		switch (rta->rta_type) {
		case IFLA_MASTER:
			if (RTA_PAYLOAD(rta) == sizeof(uint32_t))
				memcpy(&f->master, RTA_DATA(rta),
				       sizeof(f->master));
			break;
		case IFLA_ADDRESS:
			if (RTA_PAYLOAD(rta) == 6) {
				memcpy(f->addr, RTA_DATA(rta), 6);
				f->have_addr = 1;
			}
			break;
		case IFLA_LINKINFO:
			parse_linkinfo(rta, f);
			break;
		}
	}
	return 0;
}

static int getlink(int ifindex, struct link_facts *f)
{
	struct {
		struct nlmsghdr nh;
		struct ifinfomsg ifi;
	} req;
	uint8_t buf[8192];
	int n;

	memset(&req, 0, sizeof(req));
	req.nh.nlmsg_len = sizeof(req);
	req.nh.nlmsg_type = RTM_GETLINK;
	req.nh.nlmsg_flags = NLM_F_REQUEST;
	req.nh.nlmsg_seq = 1;
	req.ifi.ifi_family = AF_UNSPEC;
	req.ifi.ifi_index = ifindex;
	n = rtnl_ask(&req, sizeof(req), buf, sizeof(buf));
	return n < 0 ? n : parse(buf, (size_t)n, f);
}

int link_bridge_of(int ifindex, int *br_ifindex, uint8_t br_mac[6])
{
	struct link_facts port, br;
	int ret;

	ret = getlink(ifindex, &port);
	if (ret)
		return ret;
	if (port.master <= 0)
		return -ENOENT;
	ret = getlink(port.master, &br);
	if (ret)
		return ret;
	if (strcmp(br.kind, "bridge") || !br.have_addr)
		return -ENOENT;
	*br_ifindex = port.master;
	memcpy(br_mac, br.addr, 6);
	return 0;
}
