// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ctl.h"

static void vsay(const struct ctl *c, const char *fmt, va_list ap)
{
	fflush(stdout);
	if (c->what)
		fprintf(stderr, "fsrctl: %s: ", c->what);
	else
		fputs("fsrctl: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int ctl_usage(struct ctl *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(c, fmt, ap);
	va_end(ap);
	if (c->help_topic)
		fprintf(stderr, "Try 'fsrctl help %s'.\n", c->help_topic);
	else
		fputs("Try 'fsrctl --help'.\n", stderr);
	return EXIT_USAGE;
}

int ctl_fail(struct ctl *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(c, fmt, ap);
	va_end(ap);
	return EXIT_FAIL;
}

int ctl_nl_fail(struct ctl *c, int ret, const struct fsr_nlerr *e)
{
	struct fsr_nlerr local;
	char buf[2 * FSR_NLERR_MSG_MAX];

	if (ret == -EPERM)
		return ctl_fail(c, "operation not permitted: fsrctl needs CAP_NET_ADMIN (run as root)");
	if (!e || e->code != -ret) {
		/* a local failure (socket, memory): only the errno is known */
		memset(&local, 0, sizeof(local));
		local.code = -ret;
		e = &local;
	}
	fsr_nlerr_format(e, buf, sizeof(buf));
	return ctl_fail(c, "%s", buf);
}

int ctl_open(struct ctl *c)
{
	struct fsr_nlerr e;
	int ret;

	ret = fsr_nl_open(&c->nl, &e);
	if (ret == -ENOENT)
		return ctl_fail(c, "fsr kernel module is not loaded (try: modprobe fsr)");
	if (ret < 0)
		return ctl_nl_fail(c, ret, &e);
	c->open = true;
	return EXIT_OK;
}

void ctl_close(struct ctl *c)
{
	if (c->open)
		fsr_nl_close(&c->nl);
	c->open = false;
}

int ctl_print_json(struct ctl *c, struct json_object *o)
{
	if (!o)
		return ctl_fail(c, "%s", strerror(ENOMEM));
	if (fmt_json_print(stdout, o) < 0)
		return ctl_fail(c, "writing output: %s", strerror(errno));
	return ctl_flush(c);
}

int ctl_flush(struct ctl *c)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		return ctl_fail(c, "writing output: %s", strerror(errno));
	return EXIT_OK;
}
