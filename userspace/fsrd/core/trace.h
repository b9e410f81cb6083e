/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The per-client trace ("debug client"): one event in the life of one
 * station on one BSS. trace_sta() logs the line exactly like
 *	log_info("%s: %s: <detail>", ifname, MAC)
 * did, and pushes it as a JSON object
 *	{"time":..., "bss":ifname, "sta":MAC, "event":name, "detail":...}
 * to the control-socket clients that follow that station (ctl.c,
 * `fsrctl monitor --client MAC`).
 *
 * The detail is plain text: never pass key material (PSK, PMK, PTK,
 * GTK, nonces are fine but not needed) — it goes to the log and to the
 * control socket. The known events are the TRACE_EV_* names below;
 * NULL lets trace_event_classify() pick one from the detail text.
 */
#ifndef FSRD_TRACE_H
#define FSRD_TRACE_H

#include <stdint.h>

#include "conf/config.h"

struct fsrd_bss;

/* Event names (the "event" member of a trace object). */
#define TRACE_EV_AUTH		"auth"		/* Authentication received/done */
#define TRACE_EV_AUTH_REFUSED	"auth_refused"
#define TRACE_EV_ASSOC		"assoc"		/* (Re)Association accepted */
#define TRACE_EV_ASSOC_REFUSED	"assoc_refused"
#define TRACE_EV_EAPOL		"eapol"		/* 4-way / group-key message */
#define TRACE_EV_KEYS		"keys"		/* PTK/GTK installed */
#define TRACE_EV_AUTHORIZED	"authorized"	/* port authorized */
#define TRACE_EV_HANDSHAKE_FAIL	"handshake_failed"
#define TRACE_EV_REKEY		"rekey"		/* group-key handshake */
#define TRACE_EV_FT_AUTH	"ft_auth"	/* FT Authentication (userspace) */
#define TRACE_EV_FT_REASSOC	"ft_reassoc"	/* FT roam served by userspace */
#define TRACE_EV_FT_KERNEL	"ft_kernel"	/* FT roam served by fsr.ko */
#define TRACE_EV_FT_REFUSED	"ft_refused"
#define TRACE_EV_PMK		"pmk"		/* PMK-R0 kept / PMK-R1 pushed */
#define TRACE_EV_EAP		"eap"		/* 802.1X, PMKSA, RADIUS */
#define TRACE_EV_DISCONNECT	"disconnect"
#define TRACE_EV_PORTAL		"portal"	/* Portal login, logout, kept, resumed */
#define TRACE_EV_NMSP		"nmsp"		/* a location server (its MAC)
						 * let in or refused */
#define TRACE_EV_INFO		"info"		/* anything else */

/*
 * Log "<ifname>: <MAC>: <detail>" at level and push the trace object.
 * event: a TRACE_EV_* name, or NULL to classify the detail text.
 */
void trace_sta_log(enum fsrd_log_level level, const struct fsrd_bss *b,
		   const uint8_t *addr, const char *event, const char *fmt,
		   ...) __attribute__((format(printf, 5, 6)));

/* The usual case: at info level. */
#define trace_sta(b, addr, event, ...) \
	trace_sta_log(FSRD_LOG_INFO, (b), (addr), (event), __VA_ARGS__)

/* The TRACE_EV_* name for a detail text (used when event is NULL, e.g.
 * for the lines of wpa_auth's ops->trace). Pure; never NULL. */
const char *trace_event_classify(const char *detail);

#endif
