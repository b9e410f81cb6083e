// SPDX-License-Identifier: GPL-2.0-only
#include <libmnl/libmnl.h>

#include "ctl.h"

int cmd_info(struct ctl *c, int argc, char **argv)
{
	char buf[FSR_NL_SNDBUF];
	struct rec_list l = { 0 };
	struct fsr_nlerr e;
	struct nlmsghdr *req;
	int ret;

	c->what = "info";
	c->help_topic = "info";
	if (argc > 0)
		return ctl_usage(c, "unexpected argument '%s'", argv[0]);
	ret = ctl_open(c);
	if (ret)
		return ret;
	req = fsr_nl_request(&c->nl, buf, FSR_CMD_INFO_GET);
	ret = fsr_nl_do(&c->nl, req, rec_list_add_cb, &l, &e);
	if (ret < 0) {
		ret = ctl_nl_fail(c, ret, &e);
	} else if (l.n != 1) {
		ret = ctl_fail(c, "the kernel sent no reply");
	} else if (c->json) {
		ret = ctl_print_json(c, fmt_info_json(&l.v[0]));
	} else {
		fmt_info_text(stdout, &l.v[0]);
		ret = ctl_flush(c);
	}
	rec_list_free(&l);
	return ret;
}
