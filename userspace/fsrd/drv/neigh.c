// SPDX-License-Identifier: GPL-2.0-only
/* One question to the kernel's neighbour table (see neigh.h). */
#include <errno.h>
#include <string.h>

#include <arpa/inet.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "drv/neigh.h"
#include "drv/rtnl.h"

static int answer(const uint8_t *buf, size_t len, uint8_t mac[6])
{
	const struct nlmsghdr *nh;
	const struct ndmsg *ndm;
	const struct rtattr *rta;
	int rlen, ret;

	ret = rtnl_answer(buf, len, RTM_NEWNEIGH, sizeof(*ndm), &nh);
	if (ret)
		return ret;
	ndm = NLMSG_DATA(nh);
	if (ndm->ndm_state == NUD_NONE ||
	    (ndm->ndm_state & (NUD_INCOMPLETE | NUD_FAILED)))
		return -ENOENT;
	rta = (const struct rtattr *)((const uint8_t *)ndm +
				      NLMSG_ALIGN(sizeof(*ndm)));
	rlen = (int)(nh->nlmsg_len - NLMSG_LENGTH(sizeof(*ndm)));
	for (; RTA_OK(rta, rlen); rta = RTA_NEXT(rta, rlen)) {
		if (rta->rta_type == NDA_LLADDR &&
		    RTA_PAYLOAD(rta) == 6) {
			memcpy(mac, RTA_DATA(rta), 6);
			return 0;
		}
	}
	return -ENOENT;
}

int neigh_lookup4(int ifindex, uint32_t ip, uint8_t mac[6])
{
	struct {
		struct nlmsghdr nh;
		struct ndmsg ndm;
		struct rtattr rta;
		uint32_t dst;
	} req;
	uint8_t buf[1024];
	int n;

	memset(&req, 0, sizeof(req));
	req.nh.nlmsg_len = sizeof(req);
	req.nh.nlmsg_type = RTM_GETNEIGH;
	req.nh.nlmsg_flags = NLM_F_REQUEST;
	req.nh.nlmsg_seq = 1;
	req.ndm.ndm_family = AF_INET;
	req.ndm.ndm_ifindex = ifindex;
	req.rta.rta_type = NDA_DST;
	req.rta.rta_len = RTA_LENGTH(sizeof(req.dst));
	req.dst = htonl(ip);
	n = rtnl_ask(&req, sizeof(req), buf, sizeof(buf));
	return n < 0 ? n : answer(buf, (size_t)n, mac);
}
