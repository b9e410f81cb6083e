/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Portal views of the control socket (docs/fsrd.8): portal_show
 * (sessions, never a password or challenge; counters) and portal_logout.
 */
#ifndef FSRD_CTL_PORTAL_H
#define FSRD_CTL_PORTAL_H

#include <stdint.h>

#include <json-c/json.h>

/* {"running":bool,"sessions":[...],"counters":{...}}; sta: only its
 * sessions (NULL: all). */
struct json_object *ctl_portal_json(const uint8_t *sta);

#endif
