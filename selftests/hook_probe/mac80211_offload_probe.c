// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test module for the mac80211 AP management frame offload hook.
 *
 * Registers an offload handler that counts the frames it is offered
 * (module parameters auth, assoc, reassoc, action; read-only) and lets
 * them all pass, except Authentication frames while drop_auth is set:
 * those it consumes and frees, so no client can authenticate.
 *
 * Copyright 2026 fsr developers
 */

#include <linux/atomic.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/skbuff.h>
#include <net/mac80211.h>

static atomic_t n_auth, n_assoc, n_reassoc, n_action;

static bool drop_auth;
module_param(drop_auth, bool, 0644);
MODULE_PARM_DESC(drop_auth, "consume (and free) Authentication frames");

static int counter_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%d\n", atomic_read(kp->arg));
}

static const struct kernel_param_ops counter_ops = {
	.get = counter_get,
};

module_param_cb(auth, &counter_ops, &n_auth, 0444);
module_param_cb(assoc, &counter_ops, &n_assoc, 0444);
module_param_cb(reassoc, &counter_ops, &n_reassoc, 0444);
module_param_cb(action, &counter_ops, &n_action, 0444);

static enum ieee80211_mgmt_offload_verdict
probe_rx_mgmt(struct ieee80211_vif *vif, struct sk_buff *skb)
{
	const struct ieee80211_hdr *hdr = (void *)skb->data;

	if (WARN_ON_ONCE(vif->type != NL80211_IFTYPE_AP))
		return IEEE80211_MGMT_OFFLOAD_PASS;

	if (ieee80211_is_auth(hdr->frame_control)) {
		atomic_inc(&n_auth);
		if (READ_ONCE(drop_auth)) {
			kfree_skb(skb);
			return IEEE80211_MGMT_OFFLOAD_CONSUMED;
		}
	} else if (ieee80211_is_assoc_req(hdr->frame_control)) {
		atomic_inc(&n_assoc);
	} else if (ieee80211_is_reassoc_req(hdr->frame_control)) {
		atomic_inc(&n_reassoc);
	} else if (ieee80211_is_action(hdr->frame_control)) {
		atomic_inc(&n_action);
	} else {
		WARN_ONCE(1, "unexpected frame control %#06x\n",
			  le16_to_cpu(hdr->frame_control));
	}

	return IEEE80211_MGMT_OFFLOAD_PASS;
}

static const struct ieee80211_mgmt_offload_ops probe_ops = {
	.rx_mgmt = probe_rx_mgmt,
};

static int __init probe_init(void)
{
	int ret = ieee80211_mgmt_offload_register(&probe_ops);

	/* a second registration must be refused */
	if (!ret && ieee80211_mgmt_offload_register(&probe_ops) != -EBUSY) {
		ieee80211_mgmt_offload_unregister(&probe_ops);
		return -EINVAL;
	}
	return ret;
}

static void __exit probe_exit(void)
{
	ieee80211_mgmt_offload_unregister(&probe_ops);
}

module_init(probe_init);
module_exit(probe_exit);
MODULE_DESCRIPTION("test handler for the mac80211 management frame offload hook");
MODULE_LICENSE("GPL");
MODULE_INFO(test, "Y");
