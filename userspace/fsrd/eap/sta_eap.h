/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 802.1X in fsrd: the glue between a station of a wpa2-eap or ft-eap BSS,
 * its EAP session (eap_relay.c), the daemon's RADIUS service
 * (radius/radius_svc.h: client and DAS), its key stores
 * (keys/keystore.h: the PMKSA cache) and the 4-way handshake
 * (sta_wpa.c). Also the RADIUS accounting of the sessions, the answers
 * to Disconnect-Requests, and the counters of how stations got their keys
 * (core/auth_stats.h). See docs/8021x.md.
 */
#ifndef FSRD_STA_EAP_H
#define FSRD_STA_EAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "conf/config.h"
#include "core/auth_stats.h"

struct fsrd_sta;
struct eap_limit_stats;
struct fsrd_assoc_req;

/*
 * Take the eap_* settings of c, at start and at every reload (c: the
 * running configuration, the same struct across reloads), and answer the
 * DAS's requests. Sessions under way use the new timeouts and retries
 * from their next timer on; the reauthentication period and quiet period
 * apply from the next authentication; a changed eap_max_starts or
 * eap_start_window starts the limit with no history. 0, or -errno with a
 * line in err (nothing changed).
 */
int sta_eap_configure(const struct fsrd_conf *c, char *err, size_t errlen);
/* The counters of the eap_max_starts limit; NULL without a limit
 * (eap_max_starts = 0). A reload that changes the limit starts them at 0. */
const struct eap_limit_stats *sta_eap_limit_stats(void);
/* Stop answering the DAS, free the limit table (the sessions end with
 * their stations, before). */
void sta_eap_exit(void);

/*
 * An 802.1X station (re)associated: if its RSNE names a cached PMKSA
 * (or an OKC one) the 4-way handshake starts with that PMK; otherwise an
 * EAP session starts (EAP-Request/Identity). 0 or -errno.
 */
int sta_eap_start(struct fsrd_sta *sta, const struct fsrd_assoc_req *req);
/* An EAPOL frame that is not EAPOL-Key, from an 802.1X station. */
void sta_eap_rx(struct fsrd_sta *sta, const uint8_t *frame, size_t len);
/* The station leaves (drop, new association): end its EAP session and
 * its accounting session (Stop with terminate_cause, RFC 2866 5.10). */
void sta_eap_stop(struct fsrd_sta *sta, uint32_t terminate_cause);
/* The 4-way handshake completed: the port is open, accounting starts. */
void sta_eap_port_open(struct fsrd_sta *sta);
/* An FT roam (by fsrd or fsr.ko) brought sta to an 802.1X BSS: a new
 * accounting session with the user and Class of its last 802.1X
 * authentication (its newest PMKSA). */
void sta_eap_ft_roamed(struct fsrd_sta *sta);
/* How long keys made for sta (PMK-R0, PMK-R1s) may live: max_s, or less
 * when its last 802.1X authentication set a Session-Timeout that ends
 * sooner (never 0). */
uint32_t sta_eap_key_lifetime_s(const struct fsrd_sta *sta, uint32_t max_s);

#endif
