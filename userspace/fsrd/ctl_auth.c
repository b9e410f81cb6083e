// SPDX-License-Identifier: GPL-2.0-only
/*
 * The control socket's 802.1X views (ctl_auth.h): the PMKSA cache without
 * key bytes, and the counters of how stations got their keys, of the EAP
 * relay, of the RADIUS servers and of the DAS.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl_auth.h"
#include "eap_relay.h"
#include "log.h"
#include "sta_eap.h"

#define U64(o, k, v) json_object_object_add((o), (k), \
		json_object_new_uint64((uint64_t)(v)))

static void add_mac(struct json_object *o, const char *k, const uint8_t *m)
{
	char mac[MACSTR_LEN];

	json_object_object_add(o, k,
			       json_object_new_string(fsrd_mac_str(m, mac)));
}

static struct json_object *pmksa_json(const struct pmksa_info *e)
{
	struct json_object *o = json_object_new_object();
	char hex[2 * PMKSA_PMKID_LEN + 1], akm[16];
	size_t i;

	add_mac(o, "sta", e->spa);
	add_mac(o, "bssid", e->aa);
	for (i = 0; i < PMKSA_PMKID_LEN; i++)
		snprintf(hex + 2 * i, 3, "%02x", e->pmkid[i]);
	json_object_object_add(o, "pmkid", json_object_new_string(hex));
	snprintf(akm, sizeof(akm), "%02x-%02x-%02x:%u", e->akm >> 24,
		 (e->akm >> 16) & 0xff, (e->akm >> 8) & 0xff, e->akm & 0xff);
	json_object_object_add(o, "akm_suite", json_object_new_string(akm));
	U64(o, "expires_in", e->expires_in_s);
	json_object_object_add(o, "okc", json_object_new_boolean(e->okc));
	json_object_object_add(o, "user", json_object_new_string(e->user_name));
	if (e->session_timeout)
		U64(o, "session_timeout", e->session_timeout);
	if (e->vlan_id)
		U64(o, "vlan", e->vlan_id);
	return o;
}

struct json_object *ctl_pmksa_json(const uint8_t *sta)
{
	struct pmksa_cache *c = sta_eap_pmksa();
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
			json_object_array_add(a, pmksa_json(&list[i]));
	free(list);
	json_object_object_add(o, "entries", a);
	return o;
}

static struct json_object *auth_counters(void)
{
	const struct fsrd_auth_stats *s = fsrd_auth_stats();
	struct json_object *o = json_object_new_object();

	U64(o, "psk", s->psk);
	U64(o, "eap_started", s->eap_started);
	U64(o, "eap_success", s->eap_success);
	U64(o, "eap_failure", s->eap_failure);
	U64(o, "eap_reauth", s->eap_reauth);
	U64(o, "pmksa_cached", s->pmksa_cached);
	U64(o, "pmksa_okc", s->pmksa_okc);
	U64(o, "pmksa_miss", s->pmksa_miss);
	U64(o, "ft_initial", s->ft_initial);
	U64(o, "ft_roam_user", s->ft_roam_user);
	U64(o, "ft_roam_kernel", s->ft_roam_kernel);
	U64(o, "das_disconnect", s->das_disconnect);
	U64(o, "acct_start", s->acct_start);
	U64(o, "acct_interim", s->acct_interim);
	U64(o, "acct_stop", s->acct_stop);
	U64(o, "acct_failed", s->acct_failed);
	return o;
}

static struct json_object *relay_counters(void)
{
	const struct eap_relay_stats *s = eap_relay_totals();
	struct json_object *o = json_object_new_object();

	U64(o, "eapol_rx", s->eapol_rx);
	U64(o, "eapol_start", s->eapol_start);
	U64(o, "eapol_logoff", s->eapol_logoff);
	U64(o, "malformed", s->malformed);
	U64(o, "oversize", s->oversize);
	U64(o, "bad_code", s->bad_code);
	U64(o, "wrong_id", s->wrong_id);
	U64(o, "duplicates", s->duplicates);
	U64(o, "unexpected", s->unexpected);
	U64(o, "identity_retx", s->identity_retx);
	U64(o, "sta_req_retx", s->sta_req_retx);
	U64(o, "access_requests", s->access_requests);
	U64(o, "challenges", s->challenges);
	U64(o, "accepts", s->accepts);
	U64(o, "rejects", s->rejects);
	U64(o, "radius_timeouts", s->radius_timeouts);
	U64(o, "radius_errors", s->radius_errors);
	return o;
}

static struct json_object *pmksa_counters(void)
{
	struct pmksa_cache *c = sta_eap_pmksa();
	const struct pmksa_stats *s;
	struct json_object *o;

	if (!c)
		return NULL;
	s = pmksa_stats(c);
	o = json_object_new_object();
	U64(o, "entries", pmksa_count(c));
	U64(o, "added", s->added);
	U64(o, "replaced", s->replaced);
	U64(o, "evicted", s->evicted);
	U64(o, "expired", s->expired);
	U64(o, "removed", s->removed);
	U64(o, "hits", s->hits);
	U64(o, "misses", s->misses);
	U64(o, "okc_hits", s->okc_hits);
	U64(o, "okc_misses", s->okc_misses);
	return o;
}

static struct json_object *servers(struct radius_client *rc,
				   enum radius_kind kind,
				   const struct fsrd_radius_name *names,
				   size_t n)
{
	struct json_object *a = json_object_new_array();
	size_t i;

	for (i = 0; i < n; i++) {
		const struct radius_server_stats *s =
			radius_client_stats(rc, kind, i);
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "name",
				       json_object_new_string(names[i].name));
		json_object_object_add(o, "address", json_object_new_string(
				radius_client_server_name(rc, kind, i)));
		json_object_object_add(o, "dead",
				       json_object_new_boolean(s->dead));
		U64(o, "requests", s->requests);
		U64(o, "retransmissions", s->retransmissions);
		U64(o, "timeouts", s->timeouts);
		U64(o, "replies", s->replies);
		U64(o, "malformed", s->malformed);
		U64(o, "bad_code", s->bad_code);
		U64(o, "unknown_id", s->unknown_id);
		U64(o, "duplicates", s->duplicates);
		U64(o, "bad_authenticator", s->bad_authenticator);
		U64(o, "missing_ma", s->missing_ma);
		U64(o, "bad_ma", s->bad_ma);
		U64(o, "socket_errors", s->socket_errors);
		U64(o, "dead_marks", s->dead_marks);
		json_object_array_add(a, o);
	}
	return a;
}

static struct json_object *das_counters(void)
{
	struct radius_das *d = sta_eap_das();
	const struct radius_das_stats *s;
	struct json_object *o;

	if (!d)
		return NULL;
	s = radius_das_stats(d);
	o = json_object_new_object();
	U64(o, "port", radius_das_port(d));
	U64(o, "requests", s->requests);
	U64(o, "acks", s->acks);
	U64(o, "naks", s->naks);
	U64(o, "duplicates", s->duplicates);
	U64(o, "unknown_client", s->unknown_client);
	U64(o, "malformed", s->malformed);
	U64(o, "bad_code", s->bad_code);
	U64(o, "bad_authenticator", s->bad_authenticator);
	U64(o, "missing_ma", s->missing_ma);
	U64(o, "bad_ma", s->bad_ma);
	U64(o, "bad_timestamp", s->bad_timestamp);
	return o;
}

struct json_object *ctl_auth_json(const struct fsrd_conf *conf)
{
	struct json_object *o = json_object_new_object();
	struct radius_client *rc = sta_eap_radius();

	json_object_object_add(o, "auth", auth_counters());
	json_object_object_add(o, "enabled",
			       json_object_new_boolean(rc != NULL));
	if (!rc)
		return o;
	json_object_object_add(o, "eap", relay_counters());
	json_object_object_add(o, "pmksa", pmksa_counters());
	json_object_object_add(o, "auth_servers",
			       servers(rc, RADIUS_KIND_AUTH,
				       conf->radius.auth_name,
				       conf->radius.client.n_auth));
	json_object_object_add(o, "acct_servers",
			       servers(rc, RADIUS_KIND_ACCT,
				       conf->radius.acct_name,
				       conf->radius.client.n_acct));
	json_object_object_add(o, "das", das_counters());
	return o;
}
