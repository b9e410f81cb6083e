// SPDX-License-Identifier: GPL-2.0-only
/*
 * The 802.1X views of the control socket, the pure part (ctl_auth.h): one
 * PMKSA cache entry (never a key byte: struct pmksa_info has none) and the
 * counter structs as JSON objects. Unit-tested in test_fsrd_ctl.c.
 */
#include <stdio.h>
#include <string.h>

#include "ctl/ctl_auth.h"
#include "fsr_names.h"
#include "fsr_parse.h"

#define U64(o, k, v) json_object_object_add((o), (k), \
		json_object_new_uint64((uint64_t)(v)))

static void add_mac(struct json_object *o, const char *k, const uint8_t *m)
{
	char s[FSR_MAC_STRLEN];

	fsr_format_mac(m, s);
	json_object_object_add(o, k, json_object_new_string(s));
}

struct json_object *ctl_pmksa_entry_json(const struct pmksa_info *e)
{
	struct json_object *o = json_object_new_object();
	char hex[2 * PMKSA_PMKID_LEN + 1], suite[16], ssid[33];
	const char *name = fsr_akm_suite_name(e->akm);
	size_t i;

	add_mac(o, "sta", e->spa);
	add_mac(o, "bssid", e->aa);
	for (i = 0; i < PMKSA_PMKID_LEN; i++)
		snprintf(hex + 2 * i, 3, "%02x", e->pmkid[i]);
	json_object_object_add(o, "pmkid", json_object_new_string(hex));
	json_object_object_add(o, "akm",
			       name ? json_object_new_string(name) : NULL);
	snprintf(suite, sizeof(suite), "%02x-%02x-%02x:%u", e->akm >> 24,
		 (e->akm >> 16) & 0xff, (e->akm >> 8) & 0xff, e->akm & 0xff);
	json_object_object_add(o, "akm_suite", json_object_new_string(suite));
	/* the SSID of its authentication, printable (others as '?') */
	for (i = 0; i < e->ssid_len && i < sizeof(e->ssid); i++)
		ssid[i] = e->ssid[i] >= 0x20 && e->ssid[i] < 0x7f ?
			  (char)e->ssid[i] : '?';
	ssid[i] = '\0';
	json_object_object_add(o, "ssid", json_object_new_string(ssid));
	U64(o, "expires_in", e->expires_in_s);
	json_object_object_add(o, "okc", json_object_new_boolean(e->okc));
	/* the R0KH-ID of the peer AP that shared it; null: made here */
	json_object_object_add(o, "from", e->origin[0] ?
			       json_object_new_string(e->origin) : NULL);
	U64(o, "vlan", e->vlan_id);
	U64(o, "session_timeout", e->session_timeout);
	/* user_name is NUL-terminated by pmksa_list; bounded anyway */
	json_object_object_add(o, "user", json_object_new_string_len(
			e->user_name, (int)strnlen(e->user_name,
						   sizeof(e->user_name))));
	return o;
}

struct json_object *ctl_auth_stats_json(const struct fsrd_auth_stats *s)
{
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
	U64(o, "eap_refused", s->eap_refused);
	return o;
}

struct json_object *ctl_eap_limit_stats_json(const struct eap_limit_stats *s)
{
	struct json_object *o = json_object_new_object();

	U64(o, "allowed", s->allowed);
	U64(o, "refused", s->refused);
	U64(o, "evicted", s->evicted);
	return o;
}

struct json_object *ctl_eap_stats_json(const struct eap_relay_stats *s)
{
	struct json_object *o = json_object_new_object();

	U64(o, "eapol_rx", s->eapol_rx);
	U64(o, "eapol_start", s->eapol_start);
	U64(o, "eapol_logoff", s->eapol_logoff);
	U64(o, "eapol_key", s->eapol_key);
	U64(o, "eapol_other", s->eapol_other);
	U64(o, "malformed", s->malformed);
	U64(o, "oversize", s->oversize);
	U64(o, "bad_code", s->bad_code);
	U64(o, "wrong_id", s->wrong_id);
	U64(o, "duplicates", s->duplicates);
	U64(o, "unexpected", s->unexpected);
	U64(o, "held_drops", s->held_drops);
	U64(o, "identity_tx", s->identity_tx);
	U64(o, "identity_retx", s->identity_retx);
	U64(o, "sta_req_tx", s->sta_req_tx);
	U64(o, "sta_req_retx", s->sta_req_retx);
	U64(o, "access_requests", s->access_requests);
	U64(o, "challenges", s->challenges);
	U64(o, "accepts", s->accepts);
	U64(o, "rejects", s->rejects);
	U64(o, "radius_timeouts", s->radius_timeouts);
	U64(o, "radius_errors", s->radius_errors);
	U64(o, "late_replies", s->late_replies);
	U64(o, "successes", s->successes);
	U64(o, "failures", s->failures);
	U64(o, "reauths", s->reauths);
	U64(o, "starts_refused", s->starts_refused);
	return o;
}

struct json_object *ctl_pmksa_stats_json(const struct pmksa_stats *s,
					 size_t entries)
{
	struct json_object *o = json_object_new_object();

	U64(o, "entries", entries);
	U64(o, "added", s->added);
	U64(o, "replaced", s->replaced);
	U64(o, "evicted", s->evicted);
	U64(o, "expired", s->expired);
	U64(o, "removed", s->removed);
	U64(o, "hits", s->hits);
	U64(o, "misses", s->misses);
	U64(o, "okc_hits", s->okc_hits);
	U64(o, "okc_misses", s->okc_misses);
	U64(o, "peer_added", s->peer_added);
	U64(o, "peer_removed", s->peer_removed);
	return o;
}

struct json_object *ctl_radius_server_json(const char *name,
					   const char *address,
					   const struct radius_server_stats *s)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "name", json_object_new_string(name));
	json_object_object_add(o, "address", json_object_new_string(address));
	json_object_object_add(o, "dead", json_object_new_boolean(s->dead));
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
	return o;
}

struct json_object *ctl_das_stats_json(const struct radius_das_stats *s,
				       uint16_t port)
{
	struct json_object *o = json_object_new_object();

	U64(o, "port", port);
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
