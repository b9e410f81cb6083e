/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Where a key may be used: the BSSes with this AKM and this SSID. Both
 * key stores are scoped by it: a PMK-R0 (ft_store.h; the mobility domain
 * is fsrd-wide, so without a scope an FT-PSK guest SSID's key would open
 * an FT-802.1X SSID of the same fsrd) and a PMKSA (pmksa.h; PMKSA caching
 * and OKC never carry an authentication made on one SSID into another of
 * the same AKM). The name comes from FT, where it was used first.
 */
#ifndef FSRD_KEYS_SCOPE_H
#define FSRD_KEYS_SCOPE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

struct ft_scope {
	uint32_t akm;
	uint8_t ssid_len;
	uint8_t ssid[32];
};

static inline bool ft_scope_eq(const struct ft_scope *a,
			       const struct ft_scope *b)
{
	return a->akm == b->akm && a->ssid_len == b->ssid_len &&
	       a->ssid_len <= sizeof(a->ssid) &&
	       !memcmp(a->ssid, b->ssid, a->ssid_len);
}

/* The same SSID, whatever the AKM. */
static inline bool ft_scope_same_ssid(const struct ft_scope *a,
				      const struct ft_scope *b)
{
	return a->ssid_len == b->ssid_len && a->ssid_len <= sizeof(a->ssid) &&
	       !memcmp(a->ssid, b->ssid, a->ssid_len);
}

#endif
