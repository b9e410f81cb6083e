// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libmnl/libmnl.h>
#include <linux/fsr.h>
#include <linux/genetlink.h>

#include "fsr_nl.h"

static int set_flag(struct mnl_socket *sock, int opt)
{
	int one = 1;

	if (mnl_socket_setsockopt(sock, opt, &one, sizeof(one)) < 0)
		return -errno;
	return 0;
}

static struct nlmsghdr *start_msg(struct fsr_nl *nl, void *buf,
				  uint16_t type, uint8_t cmd, uint8_t version)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = version;
	(void)nl;
	return nlh;
}

struct nlmsghdr *fsr_nl_request(struct fsr_nl *nl, void *buf, uint8_t cmd)
{
	memset(buf, 0, FSR_NL_SNDBUF);
	return start_msg(nl, buf, nl->family, cmd, FSR_GENL_VERSION);
}

/*
 * Send @req and read until its ack, its end of dump or an error. Sets
 * *intr when any reply carried NLM_F_DUMP_INTR.
 */
static int transact(struct fsr_nl *nl, struct nlmsghdr *req, fsr_nl_msg_cb cb,
		    void *data, bool *intr, struct fsr_nlerr *e)
{
	uint32_t seq = ++nl->seq;
	ssize_t len;
	int ret;

	req->nlmsg_seq = seq;
	req->nlmsg_flags |= NLM_F_ACK;
	if (mnl_socket_sendto(nl->sock, req, req->nlmsg_len) < 0)
		return -errno;

	for (;;) {
		const struct nlmsghdr *nlh;
		int rest;

		len = mnl_socket_recvfrom(nl->sock, nl->rbuf, FSR_NL_RCVBUF);
		if (len < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		rest = (int)len;
		for (nlh = (const struct nlmsghdr *)nl->rbuf;
		     mnl_nlmsg_ok(nlh, rest); nlh = mnl_nlmsg_next(nlh, &rest)) {
			if (nlh->nlmsg_seq != seq || nlh->nlmsg_pid != nl->portid)
				continue;	/* stale reply or an event */
			if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
				*intr = true;
			if (nlh->nlmsg_type == NLMSG_ERROR ||
			    nlh->nlmsg_type == NLMSG_DONE)
				return fsr_nlerr_decode(nlh, e);
			if (nlh->nlmsg_type == NLMSG_NOOP)
				continue;
			if (nlh->nlmsg_type == NLMSG_OVERRUN)
				return -EOVERFLOW;
			if (cb) {
				ret = cb(nlh, data);
				if (ret < 0)
					return ret;
			}
		}
	}
}

struct family_info {
	uint16_t id;
	uint32_t events_grp;
};

static int grp_cb(const struct nlattr *grp, struct family_info *fi)
{
	const struct nlattr *a;
	const char *name = NULL;
	uint32_t id = 0;

	mnl_attr_for_each_nested(a, grp) {
		switch (mnl_attr_get_type(a)) {
		case CTRL_ATTR_MCAST_GRP_NAME:
			if (mnl_attr_validate(a, MNL_TYPE_NUL_STRING) < 0)
				return -EBADMSG;
			name = mnl_attr_get_str(a);
			break;
		case CTRL_ATTR_MCAST_GRP_ID:
			if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
				return -EBADMSG;
			id = mnl_attr_get_u32(a);
			break;
		}
	}
	if (name && !strcmp(name, FSR_MCGRP_EVENTS))
		fi->events_grp = id;
	return 0;
}

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	struct family_info *fi = data;
	const struct nlattr *a;
	const struct nlattr *g;
	int ret;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		switch (mnl_attr_get_type(a)) {
		case CTRL_ATTR_FAMILY_ID:
			if (mnl_attr_validate(a, MNL_TYPE_U16) < 0)
				return -EBADMSG;
			fi->id = mnl_attr_get_u16(a);
			break;
		case CTRL_ATTR_MCAST_GROUPS:
			mnl_attr_for_each_nested(g, a) {
				ret = grp_cb(g, fi);
				if (ret < 0)
					return ret;
			}
			break;
		}
	}
	return 0;
}

static int resolve_family(struct fsr_nl *nl, struct fsr_nlerr *e)
{
	char buf[FSR_NL_SNDBUF];
	struct family_info fi = { 0 };
	struct nlmsghdr *nlh;
	bool intr = false;
	int ret;

	memset(buf, 0, sizeof(buf));
	nlh = start_msg(nl, buf, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, FSR_GENL_NAME);
	ret = transact(nl, nlh, family_cb, &fi, &intr, e);
	if (ret < 0)
		return ret;
	if (!fi.id)
		return -ENOENT;
	nl->family = fi.id;
	nl->events_grp = fi.events_grp;
	return 0;
}

int fsr_nl_open(struct fsr_nl *nl, struct fsr_nlerr *e)
{
	int ret;

	memset(nl, 0, sizeof(*nl));
	fsr_nlerr_clear(e);
	nl->rbuf = malloc(FSR_NL_RCVBUF);
	if (!nl->rbuf)
		return -ENOMEM;
	nl->sock = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sock) {
		ret = -errno;
		goto fail;
	}
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0) {
		ret = -errno;
		goto fail;
	}
	nl->portid = mnl_socket_get_portid(nl->sock);
	nl->seq = (uint32_t)time(NULL);
	ret = set_flag(nl->sock, NETLINK_EXT_ACK);
	if (!ret)
		ret = set_flag(nl->sock, NETLINK_CAP_ACK);
	if (!ret)
		ret = resolve_family(nl, e);
	if (!ret)
		return 0;
fail:
	fsr_nl_close(nl);
	return ret;
}

void fsr_nl_close(struct fsr_nl *nl)
{
	if (nl->sock)
		mnl_socket_close(nl->sock);
	free(nl->rbuf);
	memset(nl, 0, sizeof(*nl));
}

int fsr_nl_do(struct fsr_nl *nl, struct nlmsghdr *req, fsr_nl_msg_cb cb,
	      void *data, struct fsr_nlerr *e)
{
	bool intr = false;

	fsr_nlerr_clear(e);
	return transact(nl, req, cb, data, &intr, e);
}

int fsr_nl_dump(struct fsr_nl *nl, struct nlmsghdr *req, fsr_nl_msg_cb cb,
		fsr_nl_reset_cb reset, void *data, struct fsr_nlerr *e)
{
	int tries;
	int ret;

	req->nlmsg_flags |= NLM_F_DUMP;
	for (tries = 0; tries < FSR_NL_DUMP_TRIES; tries++) {
		bool intr = false;

		fsr_nlerr_clear(e);
		if (tries && reset)
			reset(data);
		ret = transact(nl, req, cb, data, &intr, e);
		if (ret < 0 || !intr)
			return ret;
	}
	e->code = EAGAIN;
	snprintf(e->msg, sizeof(e->msg),
		 "dump interrupted by concurrent changes %d times, giving up",
		 FSR_NL_DUMP_TRIES);
	return -EAGAIN;
}

int fsr_nl_subscribe(struct fsr_nl *nl, struct fsr_nlerr *e)
{
	int grp = (int)nl->events_grp;

	fsr_nlerr_clear(e);
	if (!grp) {
		e->code = ENOENT;
		snprintf(e->msg, sizeof(e->msg),
			 "the fsr family has no \"%s\" multicast group",
			 FSR_MCGRP_EVENTS);
		return -ENOENT;
	}
	if (mnl_socket_setsockopt(nl->sock, NETLINK_ADD_MEMBERSHIP, &grp,
				  sizeof(grp)) < 0)
		return -errno;
	return 0;
}

int fsr_nl_fd(const struct fsr_nl *nl)
{
	return mnl_socket_get_fd(nl->sock);
}

int fsr_nl_recv_events(struct fsr_nl *nl, fsr_nl_msg_cb cb, void *data)
{
	const struct nlmsghdr *nlh;
	ssize_t len;
	int rest;
	int ret;

	len = mnl_socket_recvfrom(nl->sock, nl->rbuf, FSR_NL_RCVBUF);
	if (len < 0)
		return -errno;
	rest = (int)len;
	for (nlh = (const struct nlmsghdr *)nl->rbuf; mnl_nlmsg_ok(nlh, rest);
	     nlh = mnl_nlmsg_next(nlh, &rest)) {
		if (nlh->nlmsg_type != nl->family)
			continue;
		ret = cb(nlh, data);
		if (ret < 0)
			return ret;
	}
	return 0;
}
