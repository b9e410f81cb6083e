/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/*
 * Reader for ft_vectors.txt: "[section]" lines, then "key=hex" or
 * "key=str:ASCII" lines; '#' starts a comment line.
 */
#ifndef FSR_TESTS_VECFILE_H
#define FSR_TESTS_VECFILE_H

#include <stddef.h>
#include <stdint.h>

/* 0 on success, -1 (with a message on stderr) if the file is unusable. */
int vec_load(const char *path);
/*
 * The value of section/key. If absent: a failed test is reported and a
 * zero-filled buffer (length 0) comes back. *len receives the length.
 */
const uint8_t *vec_get(const char *section, const char *key, size_t *len);
void vec_free(void);

#endif
