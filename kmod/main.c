// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */

#include "main.h"
#include "bss.h"
#include "ft/ft_crypto.h"
#include "ft.h"
#include "netlink.h"
#include "pmk_cache.h"

#include <linux/fsr.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <net/genetlink.h>

unsigned int fsr_pmk_max __read_mostly = 1024;
unsigned int fsr_pending_max __read_mostly = 256;

static int fsr_param_set_pmk_max(const char *val,
				 const struct kernel_param *kp)
{
	unsigned int n;
	int ret;

	ret = kstrtouint(val, 0, &n);
	if (ret)
		return ret;
	if (n < 1 || n > 65536)
		return -ERANGE;
	*(unsigned int *)kp->arg = n;
	return 0;
}

static const struct kernel_param_ops fsr_pmk_max_ops = {
	.set = fsr_param_set_pmk_max,
	.get = param_get_uint,
};

module_param_cb(pmk_max, &fsr_pmk_max_ops, &fsr_pmk_max, 0444);
MODULE_PARM_DESC(pmk_max,
		 "PMK-R1 cache entries per network namespace (1..65536, default 1024)");

module_param_cb(pending_max, &fsr_pmk_max_ops, &fsr_pending_max, 0444);
MODULE_PARM_DESC(pending_max,
		 "FT exchanges in progress per network namespace (1..65536, default 256)");

/*
 * Init order: the crypto transforms and the fast path's workqueue and
 * exchange table, the PMK cache and BSS state (they own the per-namespace
 * data), then the netlink family (which only reaches that data), then the
 * mac80211 hook (which reaches BSS state and queues fast-path work). Exit
 * runs in reverse, so that nothing is torn down while something that can
 * reach it still runs.
 */
static int __init fsr_init(void)
{
	int ret;

	ret = fsr_ft_init();
	if (ret)
		return ret;
	ret = fsr_pmk_init();
	if (ret)
		goto err_ft;
	ret = fsr_bss_init();
	if (ret)
		goto err_pmk;
	ret = fsr_nl_init();
	if (ret)
		goto err_bss;
	ret = fsr_rx_hook_register();
	if (ret)
		goto err_nl;
	pr_info("version %s loaded (pmk_max %u, pending_max %u)\n",
		FSR_MODULE_VERSION, fsr_pmk_max, fsr_pending_max);
	return 0;

err_nl:
	fsr_nl_exit();
err_bss:
	fsr_bss_exit();
err_pmk:
	fsr_pmk_exit();
err_ft:
	fsr_ft_exit();
	return ret;
}

static void __exit fsr_exit(void)
{
	fsr_rx_hook_unregister();
	/* Runs the queued Reassociation jobs; no more can come. */
	fsr_ft_drain();
	fsr_nl_exit();
	fsr_bss_exit();
	fsr_pmk_exit();
	fsr_ft_exit();
	/* call_rcu() callbacks of both caches run module code. */
	rcu_barrier();
	pr_info("unloaded\n");
}

module_init(fsr_init);
module_exit(fsr_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("fast secure roaming (802.11r FT) offload for mac80211 access points");
MODULE_AUTHOR("The fsr authors");
MODULE_VERSION(FSR_MODULE_VERSION);
MODULE_ALIAS_GENL_FAMILY(FSR_GENL_NAME);
