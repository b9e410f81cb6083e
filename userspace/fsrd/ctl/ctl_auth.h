/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The 802.1X views of the control socket (docs/fsrd.8, CONTROL SOCKET;
 * the keys in docs/fsrctl.8): "pmksa_show" (the PMKSA cache, never a key
 * byte) and "auth_show" (how stations got their keys; EAP relay, PMKSA
 * cache, RADIUS server and DAS counters). ctl_auth.c reads the daemon's
 * state; ctl_auth_fmt.c (pure) turns one struct into one JSON object.
 */
#ifndef FSRD_CTL_AUTH_H
#define FSRD_CTL_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include <json-c/json.h>

#include "conf/config.h"
#include "eap/eap_limit.h"
#include "eap/eap_relay.h"
#include "keys/pmksa.h"
#include "radius/radius_client.h"
#include "core/auth_stats.h"

/* {"enabled":bool,"entries":[...]}: the entries of sta (NULL: all). */
struct json_object *ctl_pmksa_json(const uint8_t *sta);
/* {"auth":{...},"enabled":bool[,"eap","eap_limit","pmksa","auth_servers",
 * "acct_servers","das"]} */
struct json_object *ctl_auth_json(const struct fsrd_conf *conf);

/* ctl_auth_fmt.c: every field of the struct, as a number (bool "dead"). */
/* {"sta","bssid","pmkid","akm","akm_suite","expires_in","okc","vlan",
 * "session_timeout","user"} */
struct json_object *ctl_pmksa_entry_json(const struct pmksa_info *e);
struct json_object *ctl_auth_stats_json(const struct fsrd_auth_stats *s);
struct json_object *ctl_eap_stats_json(const struct eap_relay_stats *s);
struct json_object *ctl_eap_limit_stats_json(const struct eap_limit_stats *s);
/* with "entries": the count of live entries */
struct json_object *ctl_pmksa_stats_json(const struct pmksa_stats *s,
					 size_t entries);
/* with "name", "address" and "dead" first */
struct json_object *ctl_radius_server_json(const char *name,
					   const char *address,
					   const struct radius_server_stats *s);
/* with "port": the DAS's UDP port */
struct json_object *ctl_das_stats_json(const struct radius_das_stats *s,
				       uint16_t port);

#endif
