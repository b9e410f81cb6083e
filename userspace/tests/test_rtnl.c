// SPDX-License-Identifier: GPL-2.0-only
/*
 * The checks on rtnetlink's answer (fsrd/drv/rtnl.c, rtnl_answer) that
 * the Portal's neighbour and bridge lookups rely on: a short or
 * overlong header, the kernel's error (and its "no error" taken as not
 * found), a message of another type, one too short for its payload.
 */
#include <errno.h>

#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "drv/rtnl.h"
#include "tap.h"

static union {
	struct nlmsghdr nh;
	uint8_t b[256];
} m;

static void msg(uint16_t type, size_t payload)
{
	memset(&m, 0, sizeof(m));
	m.nh.nlmsg_type = type;
	m.nh.nlmsg_len = NLMSG_LENGTH(payload);
}

int main(void)
{
	const struct nlmsghdr *nh = NULL;
	struct nlmsgerr *e;

	msg(RTM_NEWNEIGH, sizeof(struct ndmsg));
	tap_ok(!rtnl_answer(m.b, m.nh.nlmsg_len, RTM_NEWNEIGH,
			    sizeof(struct ndmsg), &nh) && nh == &m.nh,
	       "an answer of the type asked for, long enough: taken");
	tap_ok(rtnl_answer(m.b, m.nh.nlmsg_len, RTM_NEWLINK,
			   sizeof(struct ndmsg), &nh) == -EBADMSG,
	       "another type: -EBADMSG");
	tap_ok(rtnl_answer(m.b, m.nh.nlmsg_len, RTM_NEWNEIGH,
			   sizeof(struct ndmsg) + 1, &nh) == -EBADMSG,
	       "a payload shorter than the message needs: -EBADMSG");
	tap_ok(rtnl_answer(m.b, m.nh.nlmsg_len - 1, RTM_NEWNEIGH,
			   sizeof(struct ndmsg), &nh) == -EBADMSG,
	       "nlmsg_len past what was read: -EBADMSG");
	tap_ok(rtnl_answer(m.b, sizeof(struct nlmsghdr) - 1, RTM_NEWNEIGH, 0,
			   &nh) == -EBADMSG,
	       "less than a header: -EBADMSG");
	m.nh.nlmsg_len = sizeof(struct nlmsghdr) - 1;
	tap_ok(rtnl_answer(m.b, 64, RTM_NEWNEIGH, 0, &nh) == -EBADMSG,
	       "nlmsg_len shorter than its own header: -EBADMSG");

	msg(NLMSG_ERROR, sizeof(struct nlmsgerr));
	e = NLMSG_DATA(&m.nh);
	e->error = -ENODEV;
	tap_ok(rtnl_answer(m.b, m.nh.nlmsg_len, RTM_NEWLINK, 0, &nh) ==
	       -ENODEV, "the kernel's error returned as it is");
	e->error = 0;
	tap_ok(rtnl_answer(m.b, m.nh.nlmsg_len, RTM_NEWLINK, 0, &nh) ==
	       -ENOENT, "an acknowledgement instead of an answer: -ENOENT");
	m.nh.nlmsg_len = NLMSG_LENGTH(sizeof(struct nlmsgerr) - 1);
	tap_ok(rtnl_answer(m.b, m.nh.nlmsg_len, RTM_NEWLINK, 0, &nh) ==
	       -EBADMSG, "an error message cut short: -EBADMSG");
	return tap_done();
}
