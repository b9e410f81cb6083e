/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading key material as hex from a file or standard input, never from the
 * command line. Every buffer that held key bytes is wiped before return.
 */
#ifndef FSR_KEY_H
#define FSR_KEY_H

#include <stddef.h>
#include <stdint.h>

/* Longest key file accepted: hex of a 48-byte key plus generous whitespace. */
#define FSR_KEY_FILE_MAX 256

/*
 * Parse exactly 2 * @len hex digits, optionally surrounded by whitespace,
 * from the first @n bytes of @text into @key. -EINVAL when it does not fit.
 */
int fsr_key_parse(const char *text, size_t n, uint8_t *key, size_t len);

/*
 * Read the key from @path ("-" = standard input) into @key. -EINVAL: the
 * content is not 2 * @len hex digits; -EFBIG: the file is too long; other
 * negative errnos come from open/read.
 */
int fsr_key_read(const char *path, uint8_t *key, size_t len);

/* Overwrite @len bytes at @p in a way the compiler keeps. */
void fsr_wipe(void *p, size_t len);

#endif /* FSR_KEY_H */
