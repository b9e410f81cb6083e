// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsrctl monitor: fsr.ko's events until SIGINT/SIGTERM.
 * fsrctl monitor --client MAC: fsrd's per-client trace of MAC (and the
 * kernel's FT events of that station when fsr.ko is there).
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "ctl.h"
#include "fsr_parse.h"
#include "fsrd_client.h"
#include "view.h"

struct mon {
	struct ctl *c;
	bool client;		/* --client: only STA_NTF of sta */
	uint8_t sta[6];
};

static int print_event(const struct nlmsghdr *nlh, void *data)
{
	struct mon *m = data;
	struct ctl *c = m->c;
	struct fsr_rec r;
	int ret;

	ret = fsr_rec_decode(nlh, &r);
	if (ret < 0) {
		ctl_fail(c, "ignoring a malformed event");
		return 0;
	}
	if (r.cmd != FSR_CMD_BSS_NTF && r.cmd != FSR_CMD_PMK_NTF &&
	    r.cmd != FSR_CMD_STA_NTF)
		return 0;
	if (m->client && (r.cmd != FSR_CMD_STA_NTF ||
			  !fsr_rec_has(&r, FSR_A_STA_ADDR) ||
			  memcmp(r.sta, m->sta, 6)))
		return 0;
	if (c->json) {
		struct json_object *o = fmt_event_json(&r);

		if (m->client && o)
			json_object_object_add(o, "source",
					       json_object_new_string("kernel"));
		return ctl_print_json(c, o) ? -EIO : 0;
	}
	if (m->client)
		fputs("kernel: ", stdout);
	fmt_event_text(stdout, &r);
	return ctl_flush(c) ? -EIO : 0;
}

static int kernel_input(struct mon *m)
{
	struct ctl *c = m->c;
	int ret = fsr_nl_recv_events(&c->nl, print_event, m);

	if (ret == -ENOBUFS)
		ctl_fail(c, "events were lost (receive queue overflowed)");
	else if (ret == -EIO)
		return EXIT_FAIL;	/* already reported */
	else if (ret < 0 && ret != -EINTR && ret != -EAGAIN)
		return ctl_nl_fail(c, ret, NULL);
	return EXIT_OK;
}

/* One trace object (or {"lost":N}) from fsrd. */
static int trace_print(struct ctl *c, struct json_object *o)
{
	struct json_object *lost;

	if (json_object_object_get_ex(o, "lost", &lost)) {
		ctl_fail(c, "%s trace lines were lost (fsrctl too slow)",
			 json_object_get_string(lost));
		json_object_put(o);
		return EXIT_OK;
	}
	if (c->json)
		return ctl_print_json(c, o);
	fmt_trace_text(stdout, o);
	json_object_put(o);
	return ctl_flush(c);
}

/* Wait for events until SIGINT or SIGTERM (or fsrd going away). */
static int event_loop(struct mon *m, int sfd, struct fsrd_conn *d)
{
	struct ctl *c = m->c;
	struct pollfd p[3] = {
		{ .fd = sfd, .events = POLLIN },
		{ .fd = c->open ? fsr_nl_fd(&c->nl) : -1, .events = POLLIN },
		{ .fd = d ? d->fd : -1, .events = POLLIN },
	};
	struct json_object *o;
	int ret;

	for (;;) {
		/* lines already buffered first */
		while (d && d->len && memchr(d->buf, '\n', d->len)) {
			ret = fsrd_recv(c, d, &o);
			if (!ret)
				ret = trace_print(c, o);
			if (ret)
				return ret;
		}
		if (poll(p, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			return ctl_fail(c, "poll: %s", strerror(errno));
		}
		if (p[0].revents)
			return EXIT_OK;
		if (p[1].revents) {
			ret = kernel_input(m);
			if (ret)
				return ret;
		}
		if (p[2].revents) {
			/* reads at least one line, or reports fsrd gone */
			ret = fsrd_recv(c, d, &o);
			if (!ret)
				ret = trace_print(c, o);
			if (ret)
				return ret;
		}
	}
}

/* Ask fsrd for the trace of sta; EXIT_OK with d connected. */
static int subscribe_fsrd(struct mon *m, struct fsrd_conn *d)
{
	struct ctl *c = m->c;
	struct json_object *req, *reply, *ok, *err;
	char mac[FSR_MAC_STRLEN];
	int ret;

	ret = fsrd_connect(c, d, false);
	if (ret == FSRD_ABSENT)
		return EXIT_FAIL;
	if (ret)
		return ret;
	fsr_format_mac(m->sta, mac);
	req = json_object_new_object();
	json_object_object_add(req, "cmd", json_object_new_string("monitor"));
	json_object_object_add(req, "addr", json_object_new_string(mac));
	ret = fsrd_send(c, d, req);
	if (!ret)
		ret = fsrd_recv(c, d, &reply);
	if (ret)
		return ret;
	if (!json_object_object_get_ex(reply, "ok", &ok) ||
	    !json_object_get_boolean(ok)) {
		ret = ctl_fail(c, "%s", json_object_object_get_ex(reply, "error",
					&err) ? json_object_get_string(err) :
					"malformed reply from fsrd");
		json_object_put(reply);
		return ret;
	}
	json_object_put(reply);
	return EXIT_OK;
}

int cmd_monitor(struct ctl *c, int argc, char **argv)
{
	struct mon m = { .c = c };
	struct fsrd_conn d = { .fd = -1 };
	struct fsr_nlerr e;
	sigset_t mask;
	int sfd, i;
	int ret;

	c->what = "monitor";
	c->help_topic = "monitor";
	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--client")) {
			if (++i == argc)
				return ctl_usage(c, "--client needs a MAC address");
			if (fsr_parse_mac(argv[i], m.sta))
				return ctl_usage(c, "invalid MAC address '%s'",
						 argv[i]);
			m.client = true;
		} else {
			return ctl_usage(c, "unexpected argument '%s'", argv[i]);
		}
	}

	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	if (sigprocmask(SIG_BLOCK, &mask, NULL) < 0)
		return ctl_fail(c, "sigprocmask: %s", strerror(errno));
	sfd = signalfd(-1, &mask, SFD_CLOEXEC);
	if (sfd < 0)
		return ctl_fail(c, "signalfd: %s", strerror(errno));

	if (m.client) {
		ret = subscribe_fsrd(&m, &d);
		if (ret)
			goto out;
		/* the kernel's FT events of the station, when there */
		if (!fsr_nl_open(&c->nl, &e)) {
			c->open = true;
			if (fsr_nl_subscribe(&c->nl, &e) < 0)
				ctl_close(c);
		}
		ret = event_loop(&m, sfd, &d);
		goto out;
	}
	ret = ctl_open(c);
	if (ret)
		goto out;
	ret = fsr_nl_subscribe(&c->nl, &e);
	if (ret < 0) {
		ret = ctl_nl_fail(c, ret, &e);
		goto out;
	}
	ret = event_loop(&m, sfd, NULL);
out:
	fsrd_disconnect(&d);
	close(sfd);
	return ret;
}
