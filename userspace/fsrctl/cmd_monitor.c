// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "ctl.h"

static int print_event(const struct nlmsghdr *nlh, void *data)
{
	struct ctl *c = data;
	struct fsr_rec r;
	int ret;

	ret = fsr_rec_decode(nlh, &r);
	if (ret < 0) {
		ctl_fail(c, "ignoring a malformed event");
		return 0;
	}
	if (r.cmd != FSR_CMD_BSS_NTF && r.cmd != FSR_CMD_PMK_NTF)
		return 0;
	if (c->json)
		return ctl_print_json(c, fmt_event_json(&r)) ? -EIO : 0;
	fmt_event_text(stdout, &r);
	return ctl_flush(c) ? -EIO : 0;
}

/* Wait for events until SIGINT or SIGTERM. */
static int event_loop(struct ctl *c, int sfd)
{
	struct pollfd p[2] = {
		{ .fd = sfd, .events = POLLIN },
		{ .fd = fsr_nl_fd(&c->nl), .events = POLLIN },
	};
	int ret;

	for (;;) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return ctl_fail(c, "poll: %s", strerror(errno));
		}
		if (p[0].revents)
			return EXIT_OK;
		if (!p[1].revents)
			continue;
		ret = fsr_nl_recv_events(&c->nl, print_event, c);
		if (ret == -ENOBUFS)
			ctl_fail(c, "events were lost (receive queue overflowed)");
		else if (ret == -EIO)
			return EXIT_FAIL;	/* already reported */
		else if (ret < 0 && ret != -EINTR && ret != -EAGAIN)
			return ctl_nl_fail(c, ret, NULL);
	}
}

int cmd_monitor(struct ctl *c, int argc, char **argv)
{
	struct fsr_nlerr e;
	sigset_t mask;
	int sfd;
	int ret;

	c->what = "monitor";
	c->help_topic = "monitor";
	if (argc > 0)
		return ctl_usage(c, "unexpected argument '%s'", argv[0]);

	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	if (sigprocmask(SIG_BLOCK, &mask, NULL) < 0)
		return ctl_fail(c, "sigprocmask: %s", strerror(errno));
	sfd = signalfd(-1, &mask, SFD_CLOEXEC);
	if (sfd < 0)
		return ctl_fail(c, "signalfd: %s", strerror(errno));

	ret = ctl_open(c);
	if (ret)
		goto out;
	ret = fsr_nl_subscribe(&c->nl, &e);
	if (ret < 0) {
		ret = ctl_nl_fail(c, ret, &e);
		goto out;
	}
	ret = event_loop(c, sfd);
out:
	close(sfd);
	return ret;
}
