// SPDX-License-Identifier: GPL-2.0-only
/* One question to the kernel's neighbour table (see neigh.h). */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "drv/neigh.h"

/* A socket per question: rare (one per login), and nothing to keep in
 * step with a socket that a late answer could leave out of order. */
static int ask(int fd, int ifindex, uint32_t ip)
{
	struct {
		struct nlmsghdr nh;
		struct ndmsg ndm;
		struct rtattr rta;
		uint32_t dst;
	} req;
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };

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
	if (sendto(fd, &req, sizeof(req), 0, (struct sockaddr *)&kernel,
		   sizeof(kernel)) < 0)
		return -errno;
	return 0;
}

static int answer(const uint8_t *buf, size_t len, uint8_t mac[6])
{
	const struct nlmsghdr *nh = (const struct nlmsghdr *)buf;
	const struct ndmsg *ndm;
	const struct rtattr *rta;
	int rlen;

	if (len < sizeof(*nh) || nh->nlmsg_len > len ||
	    nh->nlmsg_len < sizeof(*nh))
		return -EBADMSG;
	if (nh->nlmsg_type == NLMSG_ERROR) {
		const struct nlmsgerr *e = NLMSG_DATA(nh);

		if (nh->nlmsg_len < NLMSG_LENGTH(sizeof(*e)))
			return -EBADMSG;
		return e->error ? e->error : -ENOENT;
	}
	if (nh->nlmsg_type != RTM_NEWNEIGH ||
	    nh->nlmsg_len < NLMSG_LENGTH(sizeof(*ndm)))
		return -EBADMSG;
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
	struct timeval tv = { .tv_sec = 0, .tv_usec = 200000 };
	uint8_t buf[1024];
	ssize_t n;
	int fd, ret;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0)
		return -errno;
	/* the kernel answers at once; the bound keeps the loop alive if
	 * it does not */
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	ret = ask(fd, ifindex, ip);
	if (!ret) {
		n = recv(fd, buf, sizeof(buf), 0);
		ret = n < 0 ? -errno : answer(buf, (size_t)n, mac);
	}
	close(fd);
	return ret;
}
