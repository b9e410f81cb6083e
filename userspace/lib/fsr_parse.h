/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Parsing of command-line words: MAC addresses, fixed-length hex strings,
 * numbers, AKM and cipher suite names. Pure functions, no I/O.
 */
#ifndef FSR_PARSE_H
#define FSR_PARSE_H

#include <stddef.h>
#include <stdint.h>

#define FSR_MAC_LEN 6
/* "aa:bb:cc:dd:ee:ff" plus the terminating NUL */
#define FSR_MAC_STRLEN 18

/* Each returns 0 on success, -EINVAL when the word does not fit. */
int fsr_parse_mac(const char *s, uint8_t mac[FSR_MAC_LEN]);
int fsr_parse_hex(const char *s, uint8_t *out, size_t len);
/* The value of one hex digit (either case), or -1. */
int fsr_hex_digit(char c);
int fsr_parse_u32(const char *s, uint32_t min, uint32_t max, uint32_t *out);
int fsr_parse_akm(const char *s, uint32_t *akm);
int fsr_parse_cipher(const char *s, uint32_t *cipher);

/* Length of the PMK-R1 for an AKM selector: 48 for SHA-384, else 32. */
size_t fsr_akm_key_len(uint32_t akm);

/* Names of the selectors fsr.ko takes; NULL for any other (the names
 * are those of fsr_names.h's one table: link fsr_names.c too). */
const char *fsr_akm_name(uint32_t akm);
const char *fsr_cipher_name(uint32_t cipher);

void fsr_format_mac(const uint8_t mac[FSR_MAC_LEN], char out[FSR_MAC_STRLEN]);
/* Lowercase hex of len bytes into out, which holds 2 * len + 1 bytes. */
void fsr_format_hex(const uint8_t *in, size_t len, char *out);

#endif /* FSR_PARSE_H */
