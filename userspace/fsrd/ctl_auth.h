/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The 802.1X views of the control socket (docs/fsrd.8, CONTROL SOCKET):
 * "pmksa_show" (the PMKSA cache, never a key byte) and "auth_show" (how
 * stations got their keys; EAP relay, PMKSA cache, RADIUS server and DAS
 * counters).
 */
#ifndef FSRD_CTL_AUTH_H
#define FSRD_CTL_AUTH_H

#include <stdint.h>

#include <json-c/json.h>

#include "config.h"

/* {"enabled":bool,"entries":[...]}: the entries of sta (NULL: all). */
struct json_object *ctl_pmksa_json(const uint8_t *sta);
/* {"auth":{...},"enabled":bool[,"eap","pmksa","auth_servers",
 * "acct_servers","das"]} */
struct json_object *ctl_auth_json(const struct fsrd_conf *conf);

#endif
