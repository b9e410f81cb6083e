/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/* Copyright (C) 2026 The fsr authors. */
/*
 * Basic types shared by the FT (802.11r) code. The same .c files are built
 * into fsr.ko and into host unit tests and fuzzers; this header is the only
 * place that knows which world it is in.
 */
#ifndef _FSR_FT_TYPES_H
#define _FSR_FT_TYPES_H

#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/types.h>
#else
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* the compiler's own names, so that the kernel-only tree stays uniform */
typedef __UINT8_TYPE__ u8;
typedef __UINT16_TYPE__ u16;
typedef __UINT32_TYPE__ u32;
typedef __UINT64_TYPE__ u64;
#endif

#define FSR_FT_ADDR_LEN		6	/* a MAC address */
#define FSR_FT_NONCE_LEN	32	/* ANonce, SNonce */
#define FSR_FT_NAME_LEN		16	/* PMKR0Name, PMKR1Name, PTKName, PMKID */
#define FSR_FT_MDID_LEN		2
#define FSR_FT_SSID_MAX_LEN	32
#define FSR_FT_R0KH_ID_MAX_LEN	48

static inline u16 fsr_get_le16(const u8 *p)
{
	return (u16)(p[0] | (p[1] << 8));
}

static inline void fsr_put_le16(u8 *p, u16 v)
{
	p[0] = (u8)v;
	p[1] = (u8)(v >> 8);
}

/* Cipher and AKM suite selectors are OUI (3 octets) then type, on the wire. */
static inline u32 fsr_get_suite(const u8 *p)
{
	return ((u32)p[0] << 24) | ((u32)p[1] << 16) | ((u32)p[2] << 8) | p[3];
}

static inline void fsr_put_suite(u8 *p, u32 v)
{
	p[0] = (u8)(v >> 24);
	p[1] = (u8)(v >> 16);
	p[2] = (u8)(v >> 8);
	p[3] = (u8)v;
}

#endif /* _FSR_FT_TYPES_H */
