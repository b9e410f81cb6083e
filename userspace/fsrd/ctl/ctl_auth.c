// SPDX-License-Identifier: GPL-2.0-only
/*
 * The control socket's 802.1X views (ctl_auth.h): the PMKSA cache without
 * key bytes, and the counters of how stations got their keys, of the EAP
 * relay, of the RADIUS servers and of the DAS. The JSON of each struct is
 * made by ctl_auth_fmt.c.
 */
#include <stdlib.h>
#include <string.h>

#include "ctl/ctl_auth.h"
#include "eap/sta_eap.h"
#include "keys/keystore.h"
#include "radius/radius_svc.h"

struct json_object *ctl_pmksa_json(const uint8_t *sta)
{
	struct pmksa_cache *c = keys_pmksa();
	struct json_object *o = json_object_new_object();
	struct json_object *a = json_object_new_array();
	struct pmksa_info *list = NULL;
	size_t i, n = 0;

	json_object_object_add(o, "enabled", json_object_new_boolean(c != NULL));
	if (c) {
		n = pmksa_count(c);
		list = n ? calloc(n, sizeof(*list)) : NULL;
		n = list ? pmksa_list(c, list, n) : 0;
	}
	for (i = 0; i < n; i++)
		if (!sta || !memcmp(list[i].spa, sta, 6))
			json_object_array_add(a, ctl_pmksa_entry_json(&list[i]));
	free(list);
	json_object_object_add(o, "entries", a);
	return o;
}

static struct json_object *servers(struct radius_client *rc,
				   enum radius_kind kind,
				   const struct fsrd_radius_name *names,
				   size_t n)
{
	struct json_object *a = json_object_new_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_object_array_add(a, ctl_radius_server_json(names[i].name,
				radius_client_server_name(rc, kind, i),
				radius_client_stats(rc, kind, i)));
	return a;
}

struct json_object *ctl_auth_json(const struct fsrd_conf *conf)
{
	struct json_object *o = json_object_new_object();
	struct radius_client *rc = radius_svc_client();
	struct pmksa_cache *pc = keys_pmksa();
	struct radius_das *das = radius_svc_das();

	json_object_object_add(o, "auth",
			       ctl_auth_stats_json(fsrd_auth_stats()));
	json_object_object_add(o, "enabled",
			       json_object_new_boolean(rc != NULL));
	if (!rc)
		return o;
	json_object_object_add(o, "eap", ctl_eap_stats_json(eap_relay_totals()));
	/* null with eap_max_starts = 0 */
	json_object_object_add(o, "eap_limit", sta_eap_limit_stats() ?
			       ctl_eap_limit_stats_json(sta_eap_limit_stats()) :
			       NULL);
	json_object_object_add(o, "pmksa", pc ?
			       ctl_pmksa_stats_json(pmksa_stats(pc),
						    pmksa_count(pc)) : NULL);
	json_object_object_add(o, "auth_servers",
			       servers(rc, RADIUS_KIND_AUTH,
				       conf->radius.auth_name,
				       conf->radius.client.n_auth));
	json_object_object_add(o, "acct_servers",
			       servers(rc, RADIUS_KIND_ACCT,
				       conf->radius.acct_name,
				       conf->radius.client.n_acct));
	/* null without das_listen */
	json_object_object_add(o, "das", das ?
			       ctl_das_stats_json(radius_das_stats(das),
						  radius_das_port(das)) : NULL);
	return o;
}
