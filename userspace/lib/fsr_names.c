// SPDX-License-Identifier: GPL-2.0-only
#include <stddef.h>

#include <linux/fsr.h>

#include "fsr_names.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static const char *const stat_names[] = {
	[FSR_STAT_RX_AUTH] = "rx_auth",
	[FSR_STAT_RX_ASSOC_REQ] = "rx_assoc_req",
	[FSR_STAT_RX_REASSOC_REQ] = "rx_reassoc_req",
	[FSR_STAT_RX_ACTION] = "rx_action",
	[FSR_STAT_SERVED] = "served",
	[FSR_STAT_PASSED] = "passed",
	[FSR_STAT_ERR_MALFORMED] = "err_malformed",
	[FSR_STAT_ERR_NO_PMK] = "err_no_pmk",
	[FSR_STAT_ERR_NOMEM] = "err_nomem",
	[FSR_STAT_FT_AUTH_SERVED] = "ft_auth_served",
	[FSR_STAT_FT_REASSOC_SERVED] = "ft_reassoc_served",
	[FSR_STAT_FT_REFUSED] = "ft_refused",
	[FSR_STAT_FT_PASSED] = "ft_passed",
	[FSR_STAT_ERR_RSNE] = "err_rsne",
	[FSR_STAT_ERR_MDE] = "err_mde",
	[FSR_STAT_ERR_FTE] = "err_fte",
	[FSR_STAT_ERR_PMKID] = "err_pmkid",
	[FSR_STAT_ERR_NONCE] = "err_nonce",
	[FSR_STAT_ERR_MIC] = "err_mic",
	[FSR_STAT_ERR_REPLAY] = "err_replay",
	[FSR_STAT_ERR_STALE] = "err_stale",
	[FSR_STAT_ERR_NO_AID] = "err_no_aid",
	[FSR_STAT_ERR_STA] = "err_sta",
	[FSR_STAT_ERR_TX] = "err_tx",
	[FSR_STAT_ERR_PENDING_FULL] = "err_pending_full",
	[FSR_STAT_ERR_GROUP_SA] = "err_group_sa",
	[FSR_STAT_FT_AUTH_RESENT] = "ft_auth_resent",
	[FSR_STAT_FT_FALLBACK] = "ft_fallback",
	[FSR_STAT_ERR_QUEUE_FULL] = "err_queue_full",
	[FSR_STAT_ERR_DUP_JOB] = "err_dup_job",
	[FSR_STAT_EVENTS_SUPPRESSED] = "events_suppressed",
	[FSR_STAT_REFUSALS_SUPPRESSED] = "refusals_suppressed",
	[FSR_STAT_JOBS_QUEUED] = "jobs_queued",
	[FSR_STAT_FT_STA_PREPARED] = "ft_sta_prepared",
	[FSR_STAT_FT_PREP_USED] = "ft_prep_used",
	[FSR_STAT_FT_PREP_REMOVED] = "ft_prep_removed",
	[FSR_STAT_FT_PREP_SKIPPED] = "ft_prep_skipped",
	[FSR_STAT_FT_PTK_AFTER_ACK] = "ft_ptk_after_ack",
	[FSR_STAT_FT_ACK_LOST] = "ft_ack_lost",
	[FSR_STAT_ERR_NO_ACK] = "err_no_ack",
	[FSR_STAT_FT_DS_SERVED] = "ft_ds_served",
};

static const char *const event_names[] = {
	[FSR_EVENT_BSS_ATTACHED] = "bss-attached",
	[FSR_EVENT_BSS_DETACHED] = "bss-detached",
	[FSR_EVENT_PMK_ADDED] = "pmk-added",
	[FSR_EVENT_PMK_REPLACED] = "pmk-replaced",
	[FSR_EVENT_PMK_REMOVED] = "pmk-removed",
	[FSR_EVENT_FT_AUTH_SERVED] = "ft-auth-served",
	[FSR_EVENT_FT_STA_SERVED] = "ft-sta-served",
	[FSR_EVENT_FT_REFUSED] = "ft-refused",
	[FSR_EVENT_FT_PASSED] = "ft-passed",
};

static const char *const why_names[] = {
	[FSR_WHY_NOT_READY] = "not-ready",
	[FSR_WHY_MALFORMED] = "malformed",
	[FSR_WHY_UNSUPPORTED] = "unsupported",
	[FSR_WHY_NO_PMK] = "no-pmk",
	[FSR_WHY_NO_PENDING] = "no-pending",
	[FSR_WHY_PENDING_FULL] = "pending-full",
	[FSR_WHY_NOMEM] = "nomem",
	[FSR_WHY_RSNE] = "rsne",
	[FSR_WHY_MDE] = "mde",
	[FSR_WHY_FTE] = "fte",
	[FSR_WHY_PMKID] = "pmkid",
	[FSR_WHY_NONCE] = "nonce",
	[FSR_WHY_MIC] = "mic",
	[FSR_WHY_REPLAY] = "replay",
	[FSR_WHY_STALE] = "stale",
	[FSR_WHY_NO_AID] = "no-aid",
	[FSR_WHY_STA] = "sta",
	[FSR_WHY_TX] = "tx",
	[FSR_WHY_NOT_EXCHANGE] = "not-exchange",
	[FSR_WHY_QUEUE_FULL] = "queue-full",
	[FSR_WHY_NO_ACK] = "no-ack",
};

static const char *const reason_names[] = {
	[FSR_REASON_USER] = "user",
	[FSR_REASON_FLUSH] = "flush",
	[FSR_REASON_EXPIRED] = "expired",
	[FSR_REASON_EVICTED] = "evicted",
	[FSR_REASON_IFACE_GONE] = "iface-gone",
	[FSR_REASON_SHUTDOWN] = "shutdown",
};

static const char *const pmk_origin_names[] = {
	[FSR_PMK_ORIGIN_UNKNOWN] = "unknown",
	[FSR_PMK_ORIGIN_LOCAL] = "local",
	[FSR_PMK_ORIGIN_PUSHED] = "pushed",
	[FSR_PMK_ORIGIN_PULLED] = "pulled",
	[FSR_PMK_ORIGIN_ADMIN] = "admin",
};

static const char *const attr_names[] = {
	[FSR_A_IFINDEX] = "ifindex",
	[FSR_A_IFNAME] = "ifname",
	[FSR_A_BSSID] = "bssid",
	[FSR_A_BSS_STATS] = "bss-stats",
	[FSR_A_STA_ADDR] = "sta-addr",
	[FSR_A_PMK_R1_NAME] = "pmk-r1-name",
	[FSR_A_PMK_R0_NAME] = "pmk-r0-name",
	[FSR_A_R0KH_ID] = "r0kh-id",
	[FSR_A_R1KH_ID] = "r1kh-id",
	[FSR_A_AKM] = "akm",
	[FSR_A_PAIRWISE] = "pairwise",
	[FSR_A_LIFETIME] = "lifetime",
	[FSR_A_PMK_KEY] = "pmk-key",
	[FSR_A_PMK_COUNT] = "pmk-count",
	[FSR_A_PMK_MAX] = "pmk-max",
	[FSR_A_VERSION] = "version",
	[FSR_A_HOOK] = "hook",
	[FSR_A_BSS_COUNT] = "bss-count",
	[FSR_A_EVENT] = "event",
	[FSR_A_REASON] = "reason",
	[FSR_A_GENERATION] = "generation",
	[FSR_A_PAD] = "pad",
	[FSR_A_FT] = "ft",
	[FSR_A_AID] = "aid",
	[FSR_A_ANONCE] = "anonce",
	[FSR_A_SNONCE] = "snonce",
	[FSR_A_STATUS] = "status",
	[FSR_A_WHY] = "why",
	[FSR_A_SERVICE_NS] = "service-ns",
	[FSR_A_GTK_IDX] = "gtk-idx",
	[FSR_A_HIST_AUTH] = "hist-auth",
	[FSR_A_HIST_REASSOC] = "hist-reassoc",
	[FSR_A_PMK_ORIGIN] = "pmk-origin",
	[FSR_A_IES] = "ies",
};

/* RSN suite types of the 00-0f-ac OUI (IEEE 802.11-2020 9.4.2.24.2/3). */
static const char *const akm_types[] = {
	[1] = "8021x",
	[2] = "psk",
	[3] = "ft-8021x",
	[4] = "ft-psk",
	[5] = "8021x-sha256",
	[6] = "psk-sha256",
	[8] = "sae",
	[9] = "ft-sae",
	[11] = "8021x-suite-b",
	[12] = "8021x-suite-b-192",
	[13] = "ft-8021x-sha384",
	[18] = "owe",
	[24] = "sae-ext-key",
	[25] = "ft-sae-ext-key",
};

static const char *const cipher_types[] = {
	[1] = "wep-40",
	[2] = "tkip",
	[4] = "ccmp",
	[5] = "wep-104",
	[6] = "bip-cmac-128",
	[8] = "gcmp",
	[9] = "gcmp-256",
	[10] = "ccmp-256",
	[11] = "bip-gmac-128",
	[12] = "bip-gmac-256",
	[13] = "bip-cmac-256",
};

static const char *lookup(const char *const *t, size_t n, unsigned int v)
{
	return v < n ? t[v] : NULL;
}

const char *fsr_stat_name(uint16_t stat)
{
	return lookup(stat_names, ARRAY_LEN(stat_names), stat);
}

const char *fsr_event_name(uint8_t event)
{
	return lookup(event_names, ARRAY_LEN(event_names), event);
}

const char *fsr_reason_name(uint8_t reason)
{
	return lookup(reason_names, ARRAY_LEN(reason_names), reason);
}

const char *fsr_pmk_origin_name(uint8_t origin)
{
	return lookup(pmk_origin_names, ARRAY_LEN(pmk_origin_names), origin);
}

const char *fsr_attr_name(uint16_t attr)
{
	return lookup(attr_names, ARRAY_LEN(attr_names), attr);
}

const char *fsr_why_name(uint8_t why)
{
	return lookup(why_names, ARRAY_LEN(why_names), why);
}

#define RSN_OUI 0x000fac00u

const char *fsr_akm_suite_name(uint32_t suite)
{
	if ((suite & 0xffffff00u) != RSN_OUI)
		return NULL;
	return lookup(akm_types, ARRAY_LEN(akm_types), suite & 0xff);
}

const char *fsr_cipher_suite_name(uint32_t suite)
{
	if ((suite & 0xffffff00u) != RSN_OUI)
		return NULL;
	return lookup(cipher_types, ARRAY_LEN(cipher_types), suite & 0xff);
}
