/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
#ifndef FSR_TESTS_FT_H
#define FSR_TESTS_FT_H

void test_crypto(void);
void test_kdf(void);
void test_ie(void);
void test_mic(void);
void test_cckm(void);

#endif
