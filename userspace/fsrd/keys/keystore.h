/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsrd's key stores as one daemon-wide service: the PMKSA cache (with
 * OKC, pmksa.h), the PMK-R0 store (ft_store.h) and the PMK-R1s other
 * hosts pushed (r1_store.h); the PMK-R1s fsrd derives live in fsr.ko
 * (ft/pmk_push.h). core/main.c starts the service before the BSSes
 * and stops it after them, so every room (eap/, wpa/, ft/, ctl/, the
 * revocation point) finds the same stores, whatever BSS a key was made
 * on. Expired PMKSAs are pruned once a minute. Keys are wiped when the
 * service stops.
 */
#ifndef FSRD_KEYSTORE_H
#define FSRD_KEYSTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "conf/config.h"
#include "keys/pmksa.h"

/*
 * Match c (start and reload): the PMKSA cache exists while any BSS uses
 * 802.1X (pmksa_max_entries of them; made when the first 802.1X BSS
 * comes, kept with its entries afterwards). 0, or -errno with a line in
 * err. A pmksa_max_entries other than the running cache's is for the
 * next start (keys_pmksa_max_live tells reload.c).
 */
int keys_apply(const struct fsrd_conf *c, char *err, size_t errlen);
/* Every key of every store forgotten and wiped. */
void keys_stop(void);

/* May a reload take pmksa_max_entries = max? */
bool keys_pmksa_max_live(uint32_t max);

/* The PMKSA cache; NULL while no BSS uses 802.1X. */
struct pmksa_cache *keys_pmksa(void);
/* Remove the PMKSAs of spa (NULL: every station) for BSSID aa (NULL:
 * every BSS); returns the count. */
size_t keys_pmksa_flush(const uint8_t *spa, const uint8_t *aa);

#endif
