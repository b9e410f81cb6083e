// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <libmnl/libmnl.h>

#include "ctl.h"
#include "fsr_key.h"
#include "fsr_parse.h"
#include "pmk_args.h"

#define ERRBUF 256

/* A key typed on the command line would be visible in ps: refuse it. */
static bool looks_like_key(const char *path)
{
	size_t len = strlen(path);
	size_t i;

	if (len != 2 * FSR_PMK_R1_LEN && len != 2 * FSR_PMK_R1_SHA384_LEN)
		return false;
	for (i = 0; i < len; i++)
		if (!strchr("0123456789abcdefABCDEF", path[i]))
			return false;
	return access(path, F_OK) != 0;
}

static int read_key(struct ctl *c, const struct pmk_args *a, uint8_t *key,
		    size_t len)
{
	const char *src = a->key_path;
	int ret;

	if (!strcmp(src, "-"))
		src = "standard input";
	if (looks_like_key(a->key_path))
		return ctl_usage(c, "'key' takes a FILE holding the key in hex, or - for standard input, never the key itself");
	ret = fsr_key_read(a->key_path, key, len);
	if (ret == -EINVAL)
		return ctl_fail(c, "key from %s: expected %zu hex digits for this AKM",
				src, 2 * len);
	if (ret == -EFBIG)
		return ctl_fail(c, "key from %s: too long", src);
	if (ret < 0)
		return ctl_fail(c, "key from %s: %s", src, strerror(-ret));
	return EXIT_OK;
}

static int pmk_add(struct ctl *c, int argc, char **argv)
{
	uint8_t key[FSR_PMK_R1_SHA384_LEN];
	char buf[FSR_NL_SNDBUF];
	char err[ERRBUF];
	struct pmk_args a;
	struct fsr_nlerr e;
	struct nlmsghdr *req;
	size_t klen;
	int ret;

	if (pmk_add_args(argc, argv, &a, err, sizeof(err)) < 0)
		return ctl_usage(c, "%s", err);
	/* no core dump may hold the key */
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	klen = fsr_akm_key_len(a.akm);
	ret = read_key(c, &a, key, klen);
	if (ret)
		goto out;
	ret = ctl_open(c);
	if (ret)
		goto out;
	req = fsr_nl_request(&c->nl, buf, FSR_CMD_PMK_ADD);
	mnl_attr_put(req, FSR_A_STA_ADDR, sizeof(a.sta), a.sta);
	mnl_attr_put(req, FSR_A_PMK_R1_NAME, sizeof(a.r1name), a.r1name);
	mnl_attr_put(req, FSR_A_PMK_R0_NAME, sizeof(a.r0name), a.r0name);
	mnl_attr_put(req, FSR_A_R0KH_ID, a.r0kh_len, a.r0kh);
	mnl_attr_put(req, FSR_A_R1KH_ID, sizeof(a.r1kh), a.r1kh);
	mnl_attr_put_u32(req, FSR_A_AKM, a.akm);
	mnl_attr_put_u32(req, FSR_A_PAIRWISE, a.cipher);
	mnl_attr_put_u8(req, FSR_A_PMK_ORIGIN, FSR_PMK_ORIGIN_ADMIN);
	mnl_attr_put_u32(req, FSR_A_LIFETIME, a.lifetime);
	mnl_attr_put(req, FSR_A_PMK_KEY, klen, key);
	fsr_wipe(key, sizeof(key));
	ret = fsr_nl_do(&c->nl, req, NULL, NULL, &e);
	fsr_wipe(buf, sizeof(buf));
	if (ret < 0)
		ret = ctl_nl_fail(c, ret, &e);
	else
		ret = EXIT_OK;
out:
	fsr_wipe(key, sizeof(key));
	fsr_wipe(buf, sizeof(buf));
	return ret;
}

static int pmk_del(struct ctl *c, int argc, char **argv)
{
	char buf[FSR_NL_SNDBUF];
	char err[ERRBUF];
	struct pmk_args a;
	struct fsr_nlerr e;
	struct nlmsghdr *req;
	int ret;

	if (pmk_del_args(argc, argv, &a, err, sizeof(err)) < 0)
		return ctl_usage(c, "%s", err);
	ret = ctl_open(c);
	if (ret)
		return ret;
	req = fsr_nl_request(&c->nl, buf, FSR_CMD_PMK_DEL);
	mnl_attr_put(req, FSR_A_STA_ADDR, sizeof(a.sta), a.sta);
	mnl_attr_put(req, FSR_A_PMK_R1_NAME, sizeof(a.r1name), a.r1name);
	ret = fsr_nl_do(&c->nl, req, NULL, NULL, &e);
	if (ret < 0)
		return ctl_nl_fail(c, ret, &e);
	return EXIT_OK;
}

static int pmk_flush(struct ctl *c, int argc, char **argv)
{
	char buf[FSR_NL_SNDBUF];
	char err[ERRBUF];
	struct rec_list l = { 0 };
	struct pmk_args a;
	struct fsr_nlerr e;
	struct nlmsghdr *req;
	int ret;

	if (pmk_flush_args(argc, argv, &a, err, sizeof(err)) < 0)
		return ctl_usage(c, "%s", err);
	ret = ctl_open(c);
	if (ret)
		return ret;
	req = fsr_nl_request(&c->nl, buf, FSR_CMD_PMK_FLUSH);
	if (a.has_sta)
		mnl_attr_put(req, FSR_A_STA_ADDR, sizeof(a.sta), a.sta);
	ret = fsr_nl_do(&c->nl, req, rec_list_add_cb, &l, &e);
	if (ret < 0) {
		ret = ctl_nl_fail(c, ret, &e);
	} else if (!l.n) {
		ret = EXIT_OK;
	} else if (c->json) {
		ret = ctl_print_json(c, fmt_flush_json(&l.v[0]));
	} else {
		fmt_flush_text(stdout, &l.v[0]);
		ret = ctl_flush(c);
	}
	rec_list_free(&l);
	return ret;
}

static int pmk_show(struct ctl *c, int argc, char **argv)
{
	char buf[FSR_NL_SNDBUF];
	struct rec_list l = { 0 };
	struct fsr_nlerr e;
	struct nlmsghdr *req;
	int ret;

	if (argc > 0)
		return ctl_usage(c, "unexpected argument '%s'", argv[0]);
	ret = ctl_open(c);
	if (ret)
		return ret;
	req = fsr_nl_request(&c->nl, buf, FSR_CMD_PMK_GET);
	ret = fsr_nl_dump(&c->nl, req, rec_list_add_cb, rec_list_reset_cb,
			  &l, &e);
	if (ret < 0) {
		ret = ctl_nl_fail(c, ret, &e);
	} else if (c->json) {
		ret = ctl_print_json(c, fmt_pmk_json(l.v, l.n));
	} else {
		fmt_pmk_text(stdout, l.v, l.n);
		ret = ctl_flush(c);
	}
	rec_list_free(&l);
	return ret;
}

int cmd_pmk(struct ctl *c, int argc, char **argv)
{
	static const struct ctl_sub subs[] = {
		{ "add", pmk_add },
		{ "del", pmk_del },
		{ "flush", pmk_flush },
		{ "show", pmk_show },
	};

	return ctl_subcommand(c, "pmk", subs, sizeof(subs) / sizeof(subs[0]),
			      "add, del, flush or show", argc, argv);
}
