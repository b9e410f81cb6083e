// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <net/if.h>
#include <string.h>
#include <unistd.h>

#include <libmnl/libmnl.h>

#include "ctl.h"
#include "fsrd_client.h"
#include "view.h"

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

/*
 * The kernel's BSSes for `bss show`, quietly: 1 when fsr.ko answered,
 * 0 when it is not available (*why says so), or EXIT_FAIL reported.
 */
static int kernel_view(struct ctl *c, struct rec_list *l, const char **why)
{
	char buf[FSR_NL_SNDBUF];
	struct fsr_nlerr e;
	struct nlmsghdr *req;
	int ret;

	ret = fsr_nl_open(&c->nl, &e);
	if (ret == -ENOENT) {
		*why = "the fsr kernel module is not loaded";
		return 0;
	}
	if (ret < 0) {
		*why = "the fsr kernel module cannot be reached";
		return 0;
	}
	c->open = true;
	req = fsr_nl_request(&c->nl, buf, FSR_CMD_BSS_GET);
	ret = fsr_nl_dump(&c->nl, req, rec_list_add_cb, rec_list_reset_cb, l,
			  &e);
	if (ret < 0) {
		ctl_nl_fail(c, ret, &e);
		return -EXIT_FAIL;
	}
	return 1;
}

/* fsrd's "bss" array (a new reference) or NULL with *why. */
static int daemon_view(struct ctl *c, struct json_object **out,
		       const char **why)
{
	struct json_object *req = json_object_new_object(), *reply, *a;
	int ret;

	*out = NULL;
	json_object_object_add(req, "cmd", json_object_new_string("bss_show"));
	ret = fsrd_call(c, req, &reply, true);
	if (ret == FSRD_ABSENT) {
		*why = "fsrd is not running";
		return 0;
	}
	if (ret || fsrd_reply_array(c, reply, "bss", &a))
		return -EXIT_FAIL;
	*out = json_object_get(a);
	json_object_put(reply);
	return 1;
}

/*
 * Print a note: on stdout with text output. With -j only on a terminal's
 * stderr: scripts that merge stderr into the JSON (2>&1) keep valid JSON,
 * and the missing "daemon" / "kernel" member tells them the same.
 */
static void note(struct ctl *c, const char *fmt, const char *a,
		 const char *b)
{
	FILE *f = c->json ? stderr : stdout;

	if (c->json && !isatty(STDERR_FILENO))
		return;

	fputs(c->json ? "fsrctl: bss show: note: " : "note: ", f);
	fprintf(f, fmt, a, b);
	fputc('\n', f);
}

static int bss_show(struct ctl *c, int argc, char **argv)
{
	const char *ifname = argc ? argv[0] : NULL;
	const char *kwhy = NULL, *dwhy = NULL;
	struct json_object *daemon = NULL, *merged;
	struct rec_list l = { 0 };
	int have_k, have_d, ret;

	if (argc > 1)
		return ctl_usage(c, "unexpected argument '%s'", argv[1]);
	if (ifname && (strlen(ifname) >= IF_NAMESIZE ||
		       !if_nametoindex(ifname)))
		return ctl_fail(c, "no such interface: %s", ifname);
	have_k = kernel_view(c, &l, &kwhy);
	if (have_k < 0) {
		rec_list_free(&l);
		return EXIT_FAIL;
	}
	have_d = daemon_view(c, &daemon, &dwhy);
	if (have_d < 0) {
		rec_list_free(&l);
		return EXIT_FAIL;
	}
	if (!have_k && !have_d) {
		rec_list_free(&l);
		return ctl_fail(c, "%s (no control socket at %s) and %s",
				dwhy, fsrd_socket_path(c), kwhy);
	}
	merged = bss_merge_json(l.v, l.n, have_k, daemon, ifname);
	if (ifname && !json_object_array_length(merged)) {
		json_object_put(merged);
		json_object_put(daemon);
		rec_list_free(&l);
		return ctl_fail(c, "%s is neither served by fsrd nor attached to fsr.ko",
				ifname);
	}
	if (c->json) {
		ret = ctl_print_json(c, merged);
	} else {
		fmt_bss_merged_text(stdout, merged);
		json_object_put(merged);
		ret = EXIT_OK;
	}
	if (!have_d)
		note(c, "%s (no control socket at %s): daemon view not shown",
		     dwhy, fsrd_socket_path(c));
	if (!have_k)
		note(c, "%s: kernel view not shown%s", kwhy, "");
	if (!ret)
		ret = ctl_flush(c);
	json_object_put(daemon);
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

static int bss_attach(struct ctl *c, int argc, char **argv)
{
	return bss_change(c, argc, argv, FSR_CMD_BSS_ATTACH);
}

static int bss_detach(struct ctl *c, int argc, char **argv)
{
	return bss_change(c, argc, argv, FSR_CMD_BSS_DETACH);
}

int cmd_bss(struct ctl *c, int argc, char **argv)
{
	static const struct ctl_sub subs[] = {
		{ "attach", bss_attach },
		{ "detach", bss_detach },
		{ "show", bss_show },
	};

	return ctl_subcommand(c, "bss", subs, sizeof(subs) / sizeof(subs[0]),
			      "attach, detach or show", argc, argv);
}

int cmd_stats(struct ctl *c, int argc, char **argv)
{
	c->what = "stats";
	c->help_topic = "stats";
	return bss_print(c, argc, argv, true);
}
