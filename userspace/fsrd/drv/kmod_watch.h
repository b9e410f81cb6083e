/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Whether fsr.ko is loaded, followed live: fn(true) when its generic-
 * netlink family appears, fn(false) when it goes (module unloaded), from
 * the event loop. fsrd serves every roam itself while it is absent.
 */
#ifndef FSRD_KMOD_WATCH_H
#define FSRD_KMOD_WATCH_H

#include <stdbool.h>

/* Subscribe; the state is read once after subscribing. 0 or -errno. */
int kmod_watch_start(void (*fn)(bool loaded));
bool kmod_watch_loaded(void);
void kmod_watch_stop(void);

#endif
