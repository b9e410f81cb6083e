/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The location-server link's view of the control socket (docs/fsrd.8):
 * nmsp_show, the connected location servers and the link's counters;
 * nmsp_auth_show|add|del, the auth list, changed in force and in the
 * configuration file at once.
 */
#ifndef FSRD_CTL_NMSP_H
#define FSRD_CTL_NMSP_H

#include <json-c/json.h>

/* {"running":bool,"peers":[...],"counters":{...}} */
struct json_object *ctl_nmsp_json(void);

struct ctl_req;
/* nmsp_auth_show|add|del (@r) with fsrd.conf at @conf_path: the whole
 * reply, {"ok":true,...} or an error saying why nothing changed. */
struct json_object *ctl_nmsp_auth(const struct ctl_req *r,
				  const char *conf_path);

#endif
