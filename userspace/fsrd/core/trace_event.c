// SPDX-License-Identifier: GPL-2.0-only
/* Event names of the per-client trace for free-text details (pure). */
#include <string.h>

#include "core/trace.h"

static const struct {
	const char *prefix;	/* matched at the start of the detail */
	const char *event;
} rules[] = {
	{ "authorized by an FT roam", TRACE_EV_FT_REASSOC },
	{ "port authorized", TRACE_EV_AUTHORIZED },
	{ "4-way handshake completed", TRACE_EV_AUTHORIZED },
	{ "group-key handshake completed", TRACE_EV_REKEY },
	{ "group-key handshake failed", TRACE_EV_HANDSHAKE_FAIL },
	{ "4-way handshake failed", TRACE_EV_HANDSHAKE_FAIL },
	{ "4-way handshake", TRACE_EV_EAPOL },
	{ "PTK install", TRACE_EV_KEYS },
	{ "authorize failed", TRACE_EV_KEYS },
	{ "G1 ", TRACE_EV_REKEY },
	{ "G2 ", TRACE_EV_REKEY },
	{ "no G2", TRACE_EV_HANDSHAKE_FAIL },
	{ "no M2", TRACE_EV_HANDSHAKE_FAIL },
	{ "no valid M2", TRACE_EV_HANDSHAKE_FAIL },
	{ "no M4", TRACE_EV_HANDSHAKE_FAIL },
	{ "M1 ", TRACE_EV_EAPOL },
	{ "M2 ", TRACE_EV_EAPOL },
	{ "M3 ", TRACE_EV_EAPOL },
	{ "M4 ", TRACE_EV_EAPOL },
	{ "EAPOL", TRACE_EV_EAPOL },
};

const char *trace_event_classify(const char *detail)
{
	size_t i;

	if (!detail)
		return TRACE_EV_INFO;
	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (!strncmp(detail, rules[i].prefix, strlen(rules[i].prefix)))
			return rules[i].event;
	return TRACE_EV_INFO;
}
