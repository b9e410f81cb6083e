/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 802.1X in fsrd: the glue between a station of a wpa2-eap or ft-eap BSS,
 * its EAP session (eap_relay.c), the RADIUS client and DAS
 * (radius_client.c), the PMKSA cache (pmksa.c) and the 4-way handshake
 * (sta_wpa.c). Also RADIUS accounting, and the daemon's counters of how
 * stations got their keys (full EAP, PMKSA caching, OKC, FT). See
 * docs/8021x.md.
 */
#ifndef FSRD_STA_EAP_H
#define FSRD_STA_EAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "conf/config.h"
#include "keys/pmksa.h"
#include "radius/radius_client.h"

struct fsrd_sta;
struct fsrd_assoc_req;

/* How stations got their keys, since fsrd started (never reset). */
struct fsrd_auth_stats {
	uint64_t psk;			/* 4-way handshakes started with the PSK */
	uint64_t eap_started;		/* full EAP authentications begun */
	uint64_t eap_success;		/* ... that ended with an Access-Accept */
	uint64_t eap_failure;		/* ... that failed (reject, timeout, ...) */
	uint64_t eap_reauth;		/* reauthentications that succeeded */
	uint64_t pmksa_cached;		/* associations that skipped EAP: PMKSA */
	uint64_t pmksa_okc;		/* ... : OKC */
	uint64_t pmksa_miss;		/* PMKID sent but not found: full EAP */
	uint64_t ft_initial;		/* FT initial mobility-domain associations */
	uint64_t ft_roam_user;		/* FT roams served by fsrd */
	uint64_t ft_roam_kernel;	/* FT roams served by fsr.ko (adopted) */
	uint64_t das_disconnect;	/* stations removed by Disconnect-Request */
	uint64_t acct_start;		/* Accounting-Requests sent */
	uint64_t acct_interim;
	uint64_t acct_stop;
	uint64_t acct_failed;		/* no accounting server answered */
	uint64_t eap_refused;		/* full EAP refused: eap_max_starts */
};

/* Start the RADIUS client, the DAS and the PMKSA cache when the
 * configuration asks for them. 0 or -errno with a line in err. */
int sta_eap_init(const struct fsrd_conf *c, char *err, size_t errlen);
/* Stop them (pending requests dropped, keys wiped). */
void sta_eap_exit(void);

/* Counters, for the control socket. */
struct fsrd_auth_stats *fsrd_auth_stats(void);
/* NULL when no BSS uses 802.1X. */
struct pmksa_cache *sta_eap_pmksa(void);
struct radius_client *sta_eap_radius(void);
struct radius_das *sta_eap_das(void);
/* Remove the PMKSAs of spa (NULL: every station) for BSSID aa (NULL:
 * every BSS); returns the count. */
size_t sta_eap_pmksa_flush(const uint8_t *spa, const uint8_t *aa);

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
