// SPDX-License-Identifier: GPL-2.0
/* Generic-netlink plumbing for the selftests (see nl.h). */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/fsr.h>

#include "nl.h"

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif
#ifndef NETLINK_CAP_ACK
#define NETLINK_CAP_ACK 10
#endif

static unsigned char rxbuf[1 << 16];
const unsigned char *nl_last_rx = rxbuf;
size_t nl_last_rx_len;

struct nlmsghdr *nl_msg(struct nl *nl, char *buf, uint8_t cmd, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *g;

	nlh->nlmsg_type = nl->family;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	nlh->nlmsg_seq = ++nl->seq;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = FSR_GENL_VERSION;
	return nlh;
}

static void parse_ack(const struct nlmsghdr *nlh, struct nl_ack *ack)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *a;
	size_t off;

	ack->err = e->error;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	/* With NETLINK_CAP_ACK the request is not echoed back. */
	off = sizeof(*e);
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - sizeof(struct nlmsghdr);
	mnl_attr_for_each(a, nlh, off) {
		switch (mnl_attr_get_type(a)) {
		case NLMSGERR_ATTR_MSG:
			snprintf(ack->msg, sizeof(ack->msg), "%s",
				 mnl_attr_get_str(a));
			break;
		case NLMSGERR_ATTR_MISS_TYPE:
			ack->miss_type = (int)mnl_attr_get_u32(a);
			break;
		case NLMSGERR_ATTR_OFFS:
			ack->has_offs = true;
			break;
		}
	}
}

/* Process one buffer: 1 = need more, 0 = done (ack or NLMSG_DONE seen). */
static int process(struct nl *nl, size_t len, nl_msg_cb cb, void *data,
		   struct nl_ack *ack)
{
	const struct nlmsghdr *nlh = (const void *)rxbuf;
	int left = (int)len;

	(void)nl;
	for (; mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left)) {
		if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
			ack->dump_intr = true;
		if (nlh->nlmsg_type == NLMSG_ERROR) {
			parse_ack(nlh, ack);
			return 0;
		}
		if (nlh->nlmsg_type == NLMSG_DONE) {
			/* A dump's final status, possibly with extack. */
			const int *st = mnl_nlmsg_get_payload(nlh);

			if (nlh->nlmsg_len >= NLMSG_LENGTH(sizeof(int)))
				ack->err = *st;
			return 0;
		}
		if (cb && !cb(nlh, data))
			return 0;
	}
	return 1;
}

int nl_send(struct nl *nl, struct nlmsghdr *nlh)
{
	if (mnl_socket_sendto(nl->sock, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	return 0;
}

int nl_recv_part(struct nl *nl, nl_msg_cb cb, void *data, struct nl_ack *ack)
{
	size_t want = nl->rcvbuf ? nl->rcvbuf : sizeof(rxbuf);
	ssize_t n;

	n = mnl_socket_recvfrom(nl->sock, rxbuf, want);
	if (n < 0) {
		ack->err = -errno;
		return 0;
	}
	nl_last_rx_len = (size_t)n;
	return process(nl, (size_t)n, cb, data, ack);
}

int nl_talk(struct nl *nl, struct nlmsghdr *nlh, nl_msg_cb cb, void *data,
	    struct nl_ack *ack)
{
	memset(ack, 0, sizeof(*ack));
	ack->err = nl_send(nl, nlh);
	if (ack->err)
		return ack->err;
	while (nl_recv_part(nl, cb, data, ack) > 0)
		;
	return ack->err;
}

struct family_info {
	uint16_t id;
	uint32_t events;
};

static int mcgrp_cb(const struct nlattr *grp, struct family_info *fi)
{
	const struct nlattr *a;
	const char *name = NULL;
	uint32_t id = 0;

	mnl_attr_for_each_nested(a, grp) {
		if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GRP_NAME)
			name = mnl_attr_get_str(a);
		else if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GRP_ID)
			id = mnl_attr_get_u32(a);
	}
	if (name && !strcmp(name, FSR_MCGRP_EVENTS))
		fi->events = id;
	return 0;
}

static bool family_cb(const struct nlmsghdr *nlh, void *data)
{
	struct family_info *fi = data;
	const struct nlattr *a, *g;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) == CTRL_ATTR_FAMILY_ID)
			fi->id = mnl_attr_get_u16(a);
		if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GROUPS)
			mnl_attr_for_each_nested(g, a)
				mcgrp_cb(g, fi);
	}
	return true;
}

int nl_open(struct nl *nl, size_t rcvbuf)
{
	struct family_info fi = { 0 };
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	struct genlmsghdr *g;
	struct nl_ack ack;
	int one = 1;

	memset(nl, 0, sizeof(*nl));
	nl->rcvbuf = rcvbuf;
	nl->sock = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sock)
		return -errno;
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0)
		return -errno;
	mnl_socket_setsockopt(nl->sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sock, NETLINK_CAP_ACK, &one, sizeof(one));
	nl->seq = (uint32_t)time(NULL);

	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = GENL_ID_CTRL;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++nl->seq;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = CTRL_CMD_GETFAMILY;
	g->version = 1;
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, FSR_GENL_NAME);
	if (nl_talk(nl, nlh, family_cb, &fi, &ack))
		return ack.err;
	nl->family = fi.id;
	nl->mcgrp_events = fi.events;
	return fi.id ? 0 : -ENOENT;
}

void nl_close(struct nl *nl)
{
	if (nl->sock)
		mnl_socket_close(nl->sock);
	nl->sock = NULL;
}

int nl_join_events(struct nl *nl)
{
	int grp = (int)nl->mcgrp_events;

	if (mnl_socket_setsockopt(nl->sock, NETLINK_ADD_MEMBERSHIP, &grp,
				  sizeof(grp)) < 0)
		return -errno;
	return 0;
}

int nl_next_event(struct nl *nl, int ms, nl_msg_cb cb, void *data)
{
	struct pollfd p = { .fd = mnl_socket_get_fd(nl->sock), .events = POLLIN };
	struct nl_ack ack = { 0 };

	if (poll(&p, 1, ms) <= 0)
		return 0;
	nl_recv_part(nl, cb, data, &ack);
	return 1;
}
