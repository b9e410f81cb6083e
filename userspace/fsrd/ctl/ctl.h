/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsrd's control socket: a Unix stream socket (control_socket in
 * fsrd.conf(5), mode 0600) served from the event loop, one JSON request
 * per line (ctl_proto.h, docs/fsrd.8). fsrctl's `station show`, `bss
 * show` and `monitor --client` talk to it.
 */
#ifndef FSRD_CTL_H
#define FSRD_CTL_H

#include <stddef.h>
#include <stdint.h>

#include "conf/config.h"

struct fsrd_bss;

/*
 * Open the socket at c->ctrl_socket and serve the running BSSes. A
 * failure is logged and returned; fsrd then runs without the socket.
 */
int ctl_start(const struct fsrd_conf *c);
/* Close every client and the socket, remove its path. */
void ctl_stop(void);

/* Push a trace line to the monitors that follow addr (trace.c). */
void ctl_trace_push(const char *ifname, const uint8_t *addr,
		    const char *event, const char *detail);

#endif
