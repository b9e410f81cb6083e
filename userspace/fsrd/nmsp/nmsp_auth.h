/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The location-server link's auth list (docs/nmsp.md, "Who may connect"):
 * entries of a MAC address and a SHA-1 or SHA-256 hash of the DER
 * SubjectPublicKeyInfo of the peer's certificate. A peer is let in when
 * the MAC of its INIT_REQ and its certificate's key match one entry; a
 * refusal says which part did not. Pure but for the hashing (libcrypto).
 */
#ifndef FSRD_NMSP_AUTH_H
#define FSRD_NMSP_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NMSP_AUTH_MAX		64
#define NMSP_SHA1_LEN		20
#define NMSP_SHA256_LEN		32
/* "02:00:00:00:0a:01 sha256:" and 64 hex digits, with the NUL */
#define NMSP_AUTH_STRLEN	(17 + 8 + 2 * NMSP_SHA256_LEN + 1)

struct nmsp_auth_entry {
	uint8_t mac[6];
	uint8_t hash_len;	/* NMSP_SHA1_LEN or NMSP_SHA256_LEN */
	uint8_t hash[NMSP_SHA256_LEN];
};

struct nmsp_auth_list {
	struct nmsp_auth_entry e[NMSP_AUTH_MAX];
	size_t n;
};

/* What the TLS layer learnt of the peer's certificate. */
struct nmsp_peer_key {
	bool present;
	uint8_t sha1[NMSP_SHA1_LEN];
	uint8_t sha256[NMSP_SHA256_LEN];
};

/*
 * "MAC sha1:HEX" or "MAC sha256:HEX" (40 or 64 hex digits, either case;
 * one or more spaces between): 0, or -EINVAL with *why saying what is
 * wrong in words for the configuration's or fsrctl's error.
 */
int nmsp_auth_entry_parse(const char *s, struct nmsp_auth_entry *e,
			  const char **why);
/* The same form, hex in lowercase, into @out (NMSP_AUTH_STRLEN). */
void nmsp_auth_entry_format(const struct nmsp_auth_entry *e, char *out);

/* 0; -EEXIST for an entry already there; -ENOSPC with NMSP_AUTH_MAX. */
int nmsp_auth_add(struct nmsp_auth_list *l, const struct nmsp_auth_entry *e);
/* 0, or -ENOENT. */
int nmsp_auth_del(struct nmsp_auth_list *l, const struct nmsp_auth_entry *e);
/* Does @x name @e's MAC, and its hash too unless @any_hash? (What
 * fsrctl nmsp authlist del removes.) */
bool nmsp_auth_entry_matches(const struct nmsp_auth_entry *x,
			     const struct nmsp_auth_entry *e, bool any_hash);

/*
 * The key hashes of a DER X.509 certificate (@der, @len): 0 with @k
 * filled, -EINVAL when it is no certificate or has no usable key.
 */
int nmsp_peer_key_from_der(const uint8_t *der, size_t len,
			   struct nmsp_peer_key *k);

/*
 * The verdict for a peer that said @mac and showed @k: NMSP_OK,
 * NMSP_ERR_NO_CERT, NMSP_ERR_UNKNOWN_MAC (no entry has the MAC) or
 * NMSP_ERR_KEY_HASH (entries have the MAC, none the key). The hashes
 * are compared in constant time.
 */
uint16_t nmsp_auth_check(const struct nmsp_auth_list *l, const uint8_t *mac,
			 const struct nmsp_peer_key *k);

#endif /* FSRD_NMSP_AUTH_H */
