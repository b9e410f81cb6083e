/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The location-server link's view of the control socket (docs/fsrd.8):
 * nmsp_show, the connected location servers and the link's counters.
 */
#ifndef FSRD_CTL_NMSP_H
#define FSRD_CTL_NMSP_H

#include <json-c/json.h>

/* {"running":bool,"peers":[...],"counters":{...}} */
struct json_object *ctl_nmsp_json(void);

#endif
