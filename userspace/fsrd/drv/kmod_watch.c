// SPDX-License-Identifier: GPL-2.0-only
/*
 * Is fsr.ko loaded? The generic-netlink controller tells every network
 * namespace when a family is registered or unregistered (its "notify"
 * group); fsrd listens and hands the news to the fast path. A lost
 * notification (ENOBUFS) is answered by asking whether the "fsr" family
 * exists now, so no change of state can be missed.
 */
#include <errno.h>
#include <fcntl.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "core/evloop.h"
#include "core/log.h"
#include "drv/kmod_watch.h"
#include "fsr_nl.h"

#include <linux/fsr.h>

static struct mnl_socket *sk;
static void (*notify)(bool loaded);
static bool loaded;

struct grp_find {
	const char *name;
	uint32_t id;
};

static int grp_attr(const struct nlattr *a, void *data)
{
	struct grp_find *g = data;
	const struct nlattr *x;
	const char *name = NULL;
	uint32_t id = 0;

	mnl_attr_for_each_nested(x, a) {
		if (mnl_attr_get_type(x) == CTRL_ATTR_MCAST_GRP_NAME &&
		    !mnl_attr_validate(x, MNL_TYPE_NUL_STRING))
			name = mnl_attr_get_str(x);
		else if (mnl_attr_get_type(x) == CTRL_ATTR_MCAST_GRP_ID &&
			 !mnl_attr_validate(x, MNL_TYPE_U32))
			id = mnl_attr_get_u32(x);
	}
	if (name && !strcmp(name, g->name))
		g->id = id;
	return MNL_CB_OK;
}

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *a, *grp;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) != CTRL_ATTR_MCAST_GROUPS)
			continue;
		mnl_attr_for_each_nested(grp, a)
			grp_attr(grp, data);
	}
	return MNL_CB_OK;
}

/* The id of nlctrl's "notify" multicast group. */
static int notify_group(struct mnl_socket *s, uint32_t *id)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct grp_find g = { .name = "notify" };
	struct genlmsghdr *gh;
	struct nlmsghdr *nlh;
	uint32_t seq = (uint32_t)time(NULL), portid = mnl_socket_get_portid(s);
	int n;

	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = GENL_ID_CTRL;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = seq;
	gh = mnl_nlmsg_put_extra_header(nlh, sizeof(*gh));
	gh->cmd = CTRL_CMD_GETFAMILY;
	gh->version = 1;
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, "nlctrl");
	if (mnl_socket_sendto(s, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	for (;;) {
		n = (int)mnl_socket_recvfrom(s, buf, sizeof(buf));
		if (n < 0)
			return -errno;
		n = mnl_cb_run(buf, (size_t)n, seq, portid, family_cb, &g);
		if (n < 0)
			return -errno;
		if (n == MNL_CB_STOP)
			break;
	}
	if (!g.id)
		return -ENOENT;
	*id = g.id;
	return 0;
}

/* Does the "fsr" family exist in the kernel now? */
static bool fsr_present(void)
{
	struct fsr_nlerr e;
	struct fsr_nl nl;

	if (fsr_nl_open(&nl, &e))
		return false;
	fsr_nl_close(&nl);
	return true;
}

static void set_state(bool now)
{
	if (now == loaded)
		return;
	loaded = now;
	notify(now);
}

static int event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct genlmsghdr *gh = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *a;

	(void)data;
	if (nlh->nlmsg_type != GENL_ID_CTRL ||
	    nlh->nlmsg_len < NLMSG_HDRLEN + sizeof(*gh) ||
	    (gh->cmd != CTRL_CMD_NEWFAMILY && gh->cmd != CTRL_CMD_DELFAMILY))
		return MNL_CB_OK;
	mnl_attr_for_each(a, nlh, sizeof(*gh)) {
		if (mnl_attr_get_type(a) != CTRL_ATTR_FAMILY_NAME ||
		    mnl_attr_validate(a, MNL_TYPE_NUL_STRING) ||
		    strcmp(mnl_attr_get_str(a), FSR_GENL_NAME))
			continue;
		set_state(gh->cmd == CTRL_CMD_NEWFAMILY);
	}
	return MNL_CB_OK;
}

static void watch_input(int fd, void *arg)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	bool lost = false;
	ssize_t n;

	(void)fd;
	(void)arg;
	for (;;) {
		n = mnl_socket_recvfrom(sk, buf, sizeof(buf));
		if (n < 0) {
			if (errno == ENOBUFS) {
				lost = true;
				continue;
			}
			if (errno != EAGAIN && errno != EWOULDBLOCK &&
			    errno != EINTR)
				log_warn("fsr.ko watch: %s", strerror(errno));
			break;
		}
		mnl_cb_run(buf, (size_t)n, 0, 0, event_cb, NULL);
	}
	if (lost) {
		log_warn("fsr.ko watch: notifications were lost: asking the kernel");
		set_state(fsr_present());
	}
}

int kmod_watch_start(void (*fn)(bool loaded))
{
	uint32_t grp;
	int err;

	if (sk)
		return 0;	/* already following (a reload) */
	sk = mnl_socket_open2(NETLINK_GENERIC, SOCK_CLOEXEC);
	if (!sk)
		return -errno;
	if (mnl_socket_bind(sk, 0, MNL_SOCKET_AUTOPID) < 0) {
		err = -errno;
		goto fail;
	}
	/* blocking for the one lookup, then non-blocking for the loop */
	err = notify_group(sk, &grp);
	if (err)
		goto fail;
	if (mnl_socket_setsockopt(sk, NETLINK_ADD_MEMBERSHIP, &grp,
				  sizeof(grp)) < 0 ||
	    fcntl(mnl_socket_get_fd(sk), F_SETFL, O_NONBLOCK) < 0) {
		err = -errno;
		goto fail;
	}
	err = ev_add_fd(mnl_socket_get_fd(sk), watch_input, NULL);
	if (err)
		goto fail;
	notify = fn;
	/* subscribed first, then asked: a load in between is not missed */
	loaded = fsr_present();
	return 0;
fail:
	mnl_socket_close(sk);
	sk = NULL;
	return err;
}

bool kmod_watch_loaded(void)
{
	return loaded;
}

void kmod_watch_stop(void)
{
	if (!sk)
		return;
	ev_del_fd(mnl_socket_get_fd(sk));
	mnl_socket_close(sk);
	sk = NULL;
}
