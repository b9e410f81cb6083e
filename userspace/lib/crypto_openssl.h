/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/* Copyright (C) 2026 The fsr authors. */
/*
 * OpenSSL 3 implementation of the FT crypto shim (kmod/ft/ft_crypto.h).
 * Link crypto_openssl.c with the shared kmod/ft/ C files and -lcrypto;
 * build with -I kmod/ft. The functions are thread-safe (no shared state).
 */
#ifndef FSR_CRYPTO_OPENSSL_H
#define FSR_CRYPTO_OPENSSL_H

#include "ft_crypto.h"

#endif /* FSR_CRYPTO_OPENSSL_H */
