// SPDX-License-Identifier: GPL-2.0-only
/* One rtnetlink question and its answer (rtnl.h). */
#include <errno.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <linux/rtnetlink.h>

#include "drv/rtnl.h"

int rtnl_ask(const void *req, size_t len, uint8_t *buf, size_t buflen)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct timeval tv = { .tv_sec = 0, .tv_usec = 200000 };
	ssize_t n;
	int fd, ret;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0)
		return -errno;
	/* the kernel answers at once; the bound keeps the loop alive if
	 * it does not */
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (sendto(fd, req, len, 0, (struct sockaddr *)&kernel,
		   sizeof(kernel)) < 0) {
		ret = -errno;
	} else {
		n = recv(fd, buf, buflen, 0);
		ret = n < 0 ? -errno : (int)n;
	}
	close(fd);
	return ret;
}

int rtnl_answer(const uint8_t *buf, size_t len, uint16_t want, size_t min,
		const struct nlmsghdr **out)
{
	const struct nlmsghdr *nh = (const struct nlmsghdr *)buf;

	if (len < sizeof(*nh) || nh->nlmsg_len > len ||
	    nh->nlmsg_len < sizeof(*nh))
		return -EBADMSG;
	if (nh->nlmsg_type == NLMSG_ERROR) {
		const struct nlmsgerr *e = NLMSG_DATA(nh);

		if (nh->nlmsg_len < NLMSG_LENGTH(sizeof(*e)))
			return -EBADMSG;
		return e->error ? e->error : -ENOENT;
	}
	if (nh->nlmsg_type != want || nh->nlmsg_len < NLMSG_LENGTH(min))
		return -EBADMSG;
	*out = nh;
	return 0;
}
