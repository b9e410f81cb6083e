/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Make b's station table agree with the kernel's station list after
 * events were lost; why names the lost events in the trace lines.
 */
#ifndef FSRD_AP_RESYNC_H
#define FSRD_AP_RESYNC_H

#include <stdint.h>

struct fsrd_bss;

void bss_resync(struct fsrd_bss *b, const char *why);
/* A station the kernel holds and fsrd cannot keep: deauthenticated and
 * removed from the kernel, line in its trace. */
void bss_kick(struct fsrd_bss *b, const uint8_t *addr, const char *line);

#endif
