/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * How stations got their keys, counted daemon-wide since fsrd started
 * (never reset, not even by a reload): written by the rooms that make the
 * keys (wpa/, eap/, ft/, drv/fastpath.c, ap/mlme.c) and by the RADIUS
 * service (accounting), read by the control socket ("auth_show").
 */
#ifndef FSRD_AUTH_STATS_H
#define FSRD_AUTH_STATS_H

#include <stdint.h>

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

/* The daemon's one set of counters. */
struct fsrd_auth_stats *fsrd_auth_stats(void);

#endif
