/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One question to rtnetlink and its one answer, for the rare lookups of
 * neigh.c and link.c (a login, a redirected web request, the start):
 * a socket per question, so that a late answer cannot be taken for the
 * next one's.
 */
#ifndef FSRD_RTNL_H
#define FSRD_RTNL_H

#include <stddef.h>
#include <stdint.h>

#include <linux/netlink.h>

/* Send req (len octets, an nlmsghdr first) and read the answer into
 * buf: its length, or -errno (no answer within 200 ms included). */
int rtnl_ask(const void *req, size_t len, uint8_t *buf, size_t buflen);
/* The answer's message when it is of type want with at least min octets
 * of payload: 0 and *nh; the kernel's error (-ENOENT when it is 0) for
 * NLMSG_ERROR; -EBADMSG for anything else. */
int rtnl_answer(const uint8_t *buf, size_t len, uint16_t want, size_t min,
		const struct nlmsghdr **nh);

#endif
