/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsr.ko's FT fast path, driven by fsrd (kernel_fast_path = yes): each FT
 * BSS is attached (FSR_CMD_BSS_ATTACH) and configured (FSR_CMD_BSS_SET:
 * MDE, R1KH-ID, RSNE, response elements, the kernel's AID pool, the
 * reassociation deadline and the GTK, sent again on every GTK change).
 * The kernel then serves the FT roams whose PMK-R1 fsrd pushed; fsrd
 * follows its "events" group and adopts every station it served
 * (FT_STA_SERVED): station record, AID, authenticator for GTK rekeys.
 * Without fsr.ko everything is served in userspace, as before.
 */
#ifndef FSRD_FASTPATH_H
#define FSRD_FASTPATH_H

#include "ap/bss.h"

/* b is up (bss_start): attach and configure it when it is an FT BSS,
 * kernel_fast_path is on and fsr.ko is loaded. Never fails: without the
 * fast path fsrd serves the roams itself. */
void fastpath_bss_start(struct fsrd_bss *b);
/* b's GTK changed (rekey, AP restart): give the kernel the new one. */
void fastpath_bss_gtk(struct fsrd_bss *b);
/* b's AP is stopped (interface down): the kernel stops serving until
 * fastpath_bss_gtk() (AP restarted) enables it again. */
void fastpath_bss_pause(struct fsrd_bss *b);
/* b is stopping: detach it (the kernel stops serving it). */
void fastpath_bss_stop(struct fsrd_bss *b);
/*
 * An FT Request that came over the DS for b (its elements ies, len
 * octets): served by fsr.ko when it holds the PMK-R1, which then also
 * serves the Reassociation. 0: served, the FT Response's elements in
 * resp (size octets), their length in *resp_len. 1: left to fsrd, *why
 * names the kernel's reason. A negative errno: not asked (-ENODEV: the
 * fast path is off on b) or no usable answer; fsrd serves it.
 */
int fastpath_ft_ds(struct fsrd_bss *b, const uint8_t *sta,
		   const uint8_t *ies, size_t len, uint8_t *resp,
		   size_t size, size_t *resp_len, const char **why);
/*
 * Follow fsr.ko being unloaded (every roam served in userspace from then
 * on) and loaded (BSSes attached and configured again, PMK-R1s pushed
 * again), without a restart. Before the BSSes start; logs its own errors.
 */
int fastpath_init(void);
void fastpath_exit(void);

#endif
