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
};

static const char *const event_names[] = {
	[FSR_EVENT_BSS_ATTACHED] = "bss-attached",
	[FSR_EVENT_BSS_DETACHED] = "bss-detached",
	[FSR_EVENT_PMK_ADDED] = "pmk-added",
	[FSR_EVENT_PMK_REPLACED] = "pmk-replaced",
	[FSR_EVENT_PMK_REMOVED] = "pmk-removed",
};

static const char *const reason_names[] = {
	[FSR_REASON_USER] = "user",
	[FSR_REASON_FLUSH] = "flush",
	[FSR_REASON_EXPIRED] = "expired",
	[FSR_REASON_EVICTED] = "evicted",
	[FSR_REASON_IFACE_GONE] = "iface-gone",
	[FSR_REASON_SHUTDOWN] = "shutdown",
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

const char *fsr_attr_name(uint16_t attr)
{
	return lookup(attr_names, ARRAY_LEN(attr_names), attr);
}
