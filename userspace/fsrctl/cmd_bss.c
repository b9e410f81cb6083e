// SPDX-License-Identifier: GPL-2.0-only
#include <string.h>

#include <libmnl/libmnl.h>

#include "ctl.h"

/* BSS_GET for one interface (@ifname) or all of them, into @l. */
static int bss_get(struct ctl *c, const char *ifname, struct rec_list *l)
{
	char buf[FSR_NL_SNDBUF];
	struct fsr_nlerr e;
	struct nlmsghdr *req;
	uint32_t ifindex;
	int ret;

	if (ifname) {
		ret = ctl_ifindex(c, ifname, &ifindex);
		if (ret)
			return ret;
	}
	ret = ctl_open(c);
	if (ret)
		return ret;
	req = fsr_nl_request(&c->nl, buf, FSR_CMD_BSS_GET);
	if (ifname) {
		mnl_attr_put_u32(req, FSR_A_IFINDEX, ifindex);
		ret = fsr_nl_do(&c->nl, req, rec_list_add_cb, l, &e);
	} else {
		ret = fsr_nl_dump(&c->nl, req, rec_list_add_cb,
				  rec_list_reset_cb, l, &e);
	}
	if (ret < 0)
		return ctl_nl_fail(c, ret, &e);
	return EXIT_OK;
}

static int bss_print(struct ctl *c, int argc, char **argv, bool stats)
{
	struct rec_list l = { 0 };
	int ret;

	if (argc > 1)
		return ctl_usage(c, "unexpected argument '%s'", argv[1]);
	ret = bss_get(c, argc ? argv[0] : NULL, &l);
	if (ret)
		goto out;
	if (c->json) {
		ret = ctl_print_json(c, stats ? fmt_stats_json(l.v, l.n) :
						fmt_bss_json(l.v, l.n));
	} else {
		if (stats)
			fmt_stats_text(stdout, l.v, l.n);
		else
			fmt_bss_text(stdout, l.v, l.n);
		ret = ctl_flush(c);
	}
out:
	rec_list_free(&l);
	return ret;
}

static int bss_change(struct ctl *c, int argc, char **argv, uint8_t cmd)
{
	char buf[FSR_NL_SNDBUF];
	struct fsr_nlerr e;
	struct nlmsghdr *req;
	uint32_t ifindex;
	int ret;

	if (argc < 1)
		return ctl_usage(c, "missing interface name");
	if (argc > 1)
		return ctl_usage(c, "unexpected argument '%s'", argv[1]);
	ret = ctl_ifindex(c, argv[0], &ifindex);
	if (ret)
		return ret;
	ret = ctl_open(c);
	if (ret)
		return ret;
	req = fsr_nl_request(&c->nl, buf, cmd);
	mnl_attr_put_u32(req, FSR_A_IFINDEX, ifindex);
	ret = fsr_nl_do(&c->nl, req, NULL, NULL, &e);
	if (ret < 0)
		return ctl_nl_fail(c, ret, &e);
	return EXIT_OK;
}

int cmd_bss(struct ctl *c, int argc, char **argv)
{
	c->what = "bss";
	c->help_topic = "bss";
	if (argc < 1)
		return ctl_usage(c, "missing subcommand (attach, detach or show)");
	if (!strcmp(argv[0], "attach")) {
		c->what = "bss attach";
		return bss_change(c, argc - 1, argv + 1, FSR_CMD_BSS_ATTACH);
	}
	if (!strcmp(argv[0], "detach")) {
		c->what = "bss detach";
		return bss_change(c, argc - 1, argv + 1, FSR_CMD_BSS_DETACH);
	}
	if (!strcmp(argv[0], "show")) {
		c->what = "bss show";
		return bss_print(c, argc - 1, argv + 1, false);
	}
	return ctl_usage(c, "unknown subcommand '%s'", argv[0]);
}

int cmd_stats(struct ctl *c, int argc, char **argv)
{
	c->what = "stats";
	c->help_topic = "stats";
	return bss_print(c, argc, argv, true);
}
