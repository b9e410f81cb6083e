// SPDX-License-Identifier: GPL-2.0-only
/* Portal enforcement through libnftables (portal_fw.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nftables/libnftables.h>

#include "portal/portal_fw.h"

static struct nft_ctx *ctx;
static bool redirects;	/* the bridge table was made */

/* nft's first error line, or what went wrong before it ran. */
static int run(const char *script, const char *what, char *err,
	       size_t errlen)
{
	const char *e;
	size_t n;

	if (!nft_run_cmd_from_buffer(ctx, script))
		return 0;
	e = nft_ctx_get_error_buffer(ctx);
	if (!e || !*e)
		e = "failed (no message from nft)";
	n = strcspn(e, "\n");
	snprintf(err, errlen, "portal: nftables: %s: %.*s", what, (int)n, e);
	return -EIO;
}

int portal_fw_start(const struct portal_fw_conf *c, char *err,
		    size_t errlen)
{
	char *script;
	/* room for every interface's chain and every prefix */
	size_t len = 4096 + c->n_ifnames * 260 + c->n_garden * 24;
	int n;

	if (ctx)
		return 0;
	script = malloc(len);
	if (!script) {
		snprintf(err, errlen, "portal: nftables: out of memory");
		return -ENOMEM;
	}
	n = portal_fw_ruleset(c, script, len);
	if (n < 0) {
		free(script);
		snprintf(err, errlen, "portal: nftables: %s",
			 n == -EINVAL ? "an interface name nft cannot take (A-Z a-z 0-9 _ . - only)" :
					"the rules do not fit");
		return n;
	}
	ctx = nft_ctx_new(NFT_CTX_DEFAULT);
	if (!ctx || nft_ctx_buffer_output(ctx) || nft_ctx_buffer_error(ctx)) {
		free(script);
		if (ctx)
			nft_ctx_free(ctx);
		ctx = NULL;
		snprintf(err, errlen, "portal: nftables: cannot make a context");
		return -ENOMEM;
	}
	n = run(script, "creating table " PORTAL_FW_FAMILY " " PORTAL_FW_TABLE,
		err, errlen);
	free(script);
	if (n) {
		nft_ctx_free(ctx);
		ctx = NULL;
	}
	redirects = !n && portal_fw_redirects(c);
	return n;
}

int portal_fw_set(bool add, const uint8_t mac[6], uint32_t ip,
		  bool with_mac, char *err, size_t errlen)
{
	char script[256];
	int n;

	if (!ctx) {
		snprintf(err, errlen, "portal: nftables: not started");
		return -ENOTCONN;
	}
	n = portal_fw_elements(add, mac, ip, with_mac, script, sizeof(script));
	if (n < 0) {
		snprintf(err, errlen, "portal: nftables: the rule does not fit");
		return n;
	}
	return run(script, add ? "letting a station through" :
				 "stopping a station", err, errlen);
}

int portal_fw_set_escape(bool on, char *err, size_t errlen)
{
	char script[160];
	int n;

	if (!ctx) {
		snprintf(err, errlen, "portal: nftables: not started");
		return -ENOTCONN;
	}
	n = portal_fw_escape(on, script, sizeof(script));
	if (n < 0) {
		snprintf(err, errlen, "portal: nftables: the rule does not fit");
		return n;
	}
	return run(script, on ? "entering escape mode" : "leaving escape mode",
		   err, errlen);
}

void portal_fw_stop(void)
{
	char script[256], err[8];

	if (!ctx)
		return;
	/* nothing to report: a table someone else removed is gone anyway */
	if (portal_fw_teardown(redirects, script, sizeof(script)) > 0)
		run(script, "", err, sizeof(err));
	nft_ctx_free(ctx);
	ctx = NULL;
}
