/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PMKSA cache of fsrd (IEEE 802.11-2020 12.6.10.2, 12.7.1.3): after a
 * full 802.1X authentication the PMK (first 32 octets of the MSK) is kept
 * with its PMKID, AKM, lifetime and the RADIUS attributes of the Access-
 * Accept; a station presenting the PMKID in its (re)association RSNE skips
 * EAP. Opportunistic key caching (OKC): a PMKID computed by the station
 * for another BSSID of this fsrd is found by recomputing PMKIDs from the
 * station's cached PMKs for the new AA.
 *
 * Scoped like the PMK-R0 store (keys/scope.h): an entry records the AKM
 * and the SSID of its authentication, and neither a lookup nor OKC ever
 * carries it into a BSS of another SSID or AKM (a guest SSID's EAP
 * authentication must not open a staff SSID that uses the same RADIUS
 * server and AKM).
 *
 * Bounded: at most max entries, the oldest evicted first; one entry per
 * (station, AA). Keys are wiped on removal and never listed. Pure code:
 * the caller gives the clock. See docs/8021x.md.
 */
#ifndef FSRD_PMKSA_H
#define FSRD_PMKSA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eap/eap_relay.h"
#include "keys/scope.h"

#define PMKSA_PMK_LEN		32
#define PMKSA_PMKID_LEN		16
#define PMKSA_ORIGIN_MAX	48	/* an R0KH-ID */

struct pmksa_entry {
	uint8_t spa[6];			/* station */
	uint8_t aa[6];			/* authenticator (BSSID) */
	uint8_t pmkid[PMKSA_PMKID_LEN];
	uint8_t pmk[PMKSA_PMK_LEN];
	struct ft_scope scope;		/* AKM suite (e.g. 0x000fac01) and SSID */
	uint64_t created_ms;
	uint64_t expires_ms;
	bool okc;			/* made by OKC from another AA's entry */
	/* shared by a peer AP (mobility/pmksa_share.c): its R0KH-ID; 0:
	 * the authentication was made here. OKC copies keep it, so the
	 * peer's REVOKE reaches them too. */
	uint8_t origin_len;
	uint8_t origin[PMKSA_ORIGIN_MAX];
	struct eap_relay_attrs attrs;	/* of the Access-Accept */
	uint64_t seq;			/* insertion order (eviction) */
	bool used;
};

/* What `fsrctl pmksa show` may see: no key bytes. */
struct pmksa_info {
	uint8_t spa[6];
	uint8_t aa[6];
	uint8_t pmkid[PMKSA_PMKID_LEN];	/* public: sent in the clear */
	uint32_t akm;
	uint8_t ssid_len;
	uint8_t ssid[32];
	uint32_t expires_in_s;
	bool okc;
	char origin[PMKSA_ORIGIN_MAX + 1];	/* printable; "": made here */
	uint16_t vlan_id;
	uint32_t session_timeout;
	char user_name[EAP_RELAY_USER_MAX + 1];
};

struct pmksa_stats {
	uint64_t added;
	uint64_t replaced;		/* same (station, AA) */
	uint64_t evicted;		/* full: oldest removed */
	uint64_t expired;
	uint64_t removed;		/* pmksa_remove / flush */
	uint64_t hits;
	uint64_t misses;
	uint64_t okc_hits;
	uint64_t okc_misses;
	uint64_t peer_added;		/* shared by a peer AP */
	uint64_t peer_removed;		/* removed by a peer's REVOKE */
};

struct pmksa_cache;

/* now_ms: the monotonic clock in ms (ev_now_ms in fsrd). NULL on error. */
struct pmksa_cache *pmksa_new(size_t max_entries, uint64_t (*now_ms)(void));
/* Wipes every key. */
void pmksa_free(struct pmksa_cache *c);

/*
 * Cache a PMKSA made on a BSS of scope (its AKM and SSID): PMKID =
 * HMAC-SHA1-128(PMK, "PMK Name" || AA || SPA) computed here (pmkid_out,
 * may be NULL). Replaces the entry of the same (spa, aa); evicts the
 * oldest entry when full. attrs may be NULL. Returns the entry or NULL
 * (bad arguments: no AKM, an SSID of 0 or more than 32 octets; crypto
 * error).
 */
const struct pmksa_entry *pmksa_add(struct pmksa_cache *c,
				    const uint8_t spa[6], const uint8_t aa[6],
				    const struct ft_scope *scope,
				    const uint8_t *pmk, size_t pmk_len,
				    uint32_t lifetime_s,
				    const struct eap_relay_attrs *attrs,
				    uint8_t *pmkid_out);

/*
 * Keep a PMKSA a peer AP made and shared (mobility/pmksa_share.c): its
 * station, AA, scope, PMK and PMKID as the peer sent them, age_s seconds
 * after its EAP authentication (the session counts from there), life_s
 * seconds left; origin (1..PMKSA_ORIGIN_MAX octets) is the peer's
 * R0KH-ID. 0 or -EINVAL (bad arguments, an age at or past the
 * Session-Timeout), -EBADMSG (the PMKID is not the PMK's for aa and
 * spa), -EEXIST (an entry of (spa, aa) made here: a peer never replaces
 * it), -EIO (crypto error).
 */
int pmksa_add_peer(struct pmksa_cache *c, const uint8_t spa[6],
		   const uint8_t aa[6], const struct ft_scope *scope,
		   const uint8_t pmk[PMKSA_PMK_LEN],
		   const uint8_t pmkid[PMKSA_PMKID_LEN], uint32_t age_s,
		   uint32_t life_s, const struct eap_relay_attrs *attrs,
		   const uint8_t *origin, size_t origin_len);

/* The live entry of (spa, aa) whose PMKID is pmkid and whose scope is
 * scope (the BSS's SSID and the association's AKM), or NULL. */
const struct pmksa_entry *pmksa_get(struct pmksa_cache *c,
				    const uint8_t spa[6], const uint8_t aa[6],
				    const struct ft_scope *scope,
				    const uint8_t pmkid[PMKSA_PMKID_LEN]);

/* The live entry of spa added last (on any AA) on SSID ssid (NULL: any
 * SSID), or NULL: whose authentication an FT roam continues. Not counted
 * as a hit. */
const struct pmksa_entry *pmksa_newest(struct pmksa_cache *c,
				       const uint8_t spa[6],
				       const struct ft_scope *ssid);

/*
 * OKC: a live entry of spa for another AA of the same scope (AKM and
 * SSID) whose PMK gives pmkid for aa, copied into a new entry for (spa,
 * aa) with the same PMK, scope, expiry and attributes; NULL if none.
 */
const struct pmksa_entry *pmksa_get_okc(struct pmksa_cache *c,
					const uint8_t spa[6],
					const uint8_t aa[6],
					const struct ft_scope *scope,
					const uint8_t pmkid[PMKSA_PMKID_LEN]);

/* Remove the entries of spa (NULL: every station) on aa (NULL: on every
 * AA); returns the count. */
size_t pmksa_remove(struct pmksa_cache *c, const uint8_t *spa,
		    const uint8_t *aa);
/* Remove the entries of spa that origin (an R0KH-ID) shared, and their
 * OKC copies; returns the count. */
size_t pmksa_remove_origin(struct pmksa_cache *c, const uint8_t spa[6],
			   const uint8_t *origin, size_t origin_len);
size_t pmksa_flush(struct pmksa_cache *c);
/* Drop expired entries (a periodic timer; lookups skip them anyway). */
size_t pmksa_expire(struct pmksa_cache *c);
size_t pmksa_count(const struct pmksa_cache *c);

/* Up to max entries, oldest first, without key bytes; returns the count. */
size_t pmksa_list(struct pmksa_cache *c, struct pmksa_info *out, size_t max);
const struct pmksa_stats *pmksa_stats(const struct pmksa_cache *c);

#endif
