/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * AES-SIV (RFC 5297) as hostapd's R0KH/R1KH protocol uses it: a 32-octet
 * key (K1 = octets 0..15 for S2V/CMAC, K2 = 16..31 for CTR, OpenSSL's
 * "AES-128-SIV"), three associated-data components in this order:
 * the sender's MAC address, the whole authenticated-TLV blob (padding
 * included) and the one-octet subtype. Output is SIV (16) || ciphertext.
 * Pure functions; the key is never copied.
 */
#ifndef FSRD_RRB_SIV_H
#define FSRD_RRB_SIV_H

#include <stddef.h>
#include <stdint.h>

#define RRB_SIV_KEY_LEN	32
#define RRB_SIV_LEN	16

/* out gets RRB_SIV_LEN + plain_len octets. 0 or a negative errno. */
int rrb_siv_seal(const uint8_t *key, const uint8_t *src,
		 const uint8_t *auth, size_t auth_len, uint8_t subtype,
		 const uint8_t *plain, size_t plain_len, uint8_t *out);
/*
 * in is SIV || ciphertext (in_len >= RRB_SIV_LEN); plain gets
 * in_len - RRB_SIV_LEN octets. -EBADMSG when the SIV does not verify
 * (wrong key, altered frame); plain is then wiped.
 */
int rrb_siv_open(const uint8_t *key, const uint8_t *src,
		 const uint8_t *auth, size_t auth_len, uint8_t subtype,
		 const uint8_t *in, size_t in_len, uint8_t *plain);

#endif
