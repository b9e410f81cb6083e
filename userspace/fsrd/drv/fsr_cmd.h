/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsrd's command socket to fsr.ko (the "fsr" generic-netlink family): one
 * socket, the family resolved once, kept while requests succeed. A socket
 * per request cost a socket, a bind, two options and a family lookup each
 * time; at a busy AP (a PMK-R1 PUSH for every association of a neighbour,
 * an FT Request over the DS) that was most of the work. Any failed request
 * closes it (a reloaded module has a new family id, a failed transaction
 * may leave replies behind), and the next opens a fresh one; so does
 * fsr.ko going away (fastpath.c). Events have their own socket.
 */
#ifndef FSRD_DRV_FSR_CMD_H
#define FSRD_DRV_FSR_CMD_H

#include "fsr_nl.h"

/* The open socket in *nl (opened now if needed): 0, or the error of
 * opening it (e filled as fsr_nl_open does). */
int fsr_cmd_get(struct fsr_nl **nl, struct fsr_nlerr *e);

/* A request on it ended with ret: a failure closes the socket. */
void fsr_cmd_done(int ret);

/* Close it (fsr.ko unloaded, fsrd exiting). */
void fsr_cmd_close(void);

#endif
