// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/fsr.h>

#include "fsr_parse.h"

struct suite_name {
	const char *name;
	uint32_t value;
};

static const struct suite_name akm_names[] = {
	{ "ft-psk", FSR_AKM_FT_PSK },
	{ "ft-8021x", FSR_AKM_FT_8021X },
	{ "ft-8021x-sha384", FSR_AKM_FT_8021X_SHA384 },
};

static const struct suite_name cipher_names[] = {
	{ "ccmp", FSR_CIPHER_CCMP_128 },
	{ "gcmp", FSR_CIPHER_GCMP_128 },
	{ "gcmp-256", FSR_CIPHER_GCMP_256 },
	{ "ccmp-256", FSR_CIPHER_CCMP_256 },
};

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

int fsr_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int hex_byte(const char *s, uint8_t *out)
{
	int hi = fsr_hex_digit(s[0]);
	int lo;

	if (hi < 0)
		return -EINVAL;
	lo = fsr_hex_digit(s[1]);
	if (lo < 0)
		return -EINVAL;
	*out = (uint8_t)(hi << 4 | lo);
	return 0;
}

int fsr_parse_mac(const char *s, uint8_t mac[FSR_MAC_LEN])
{
	uint8_t tmp[FSR_MAC_LEN];
	size_t i;

	if (strlen(s) != FSR_MAC_STRLEN - 1)
		return -EINVAL;
	for (i = 0; i < FSR_MAC_LEN; i++) {
		if (hex_byte(s + 3 * i, &tmp[i]))
			return -EINVAL;
		if (i + 1 < FSR_MAC_LEN && s[3 * i + 2] != ':')
			return -EINVAL;
	}
	memcpy(mac, tmp, sizeof(tmp));
	return 0;
}

int fsr_parse_hex(const char *s, uint8_t *out, size_t len)
{
	size_t i;

	if (strlen(s) != 2 * len)
		return -EINVAL;
	for (i = 0; i < len; i++)
		if (hex_byte(s + 2 * i, &out[i]))
			return -EINVAL;
	return 0;
}

int fsr_parse_u32(const char *s, uint32_t min, uint32_t max, uint32_t *out)
{
	unsigned long long v;
	char *end;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -EINVAL;
	*out = (uint32_t)v;
	return 0;
}

static int suite_lookup(const struct suite_name *t, size_t n, const char *s,
			uint32_t *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!strcmp(t[i].name, s)) {
			*out = t[i].value;
			return 0;
		}
	}
	return -EINVAL;
}

static const char *suite_name(const struct suite_name *t, size_t n,
			      uint32_t v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].value == v)
			return t[i].name;
	return NULL;
}

int fsr_parse_akm(const char *s, uint32_t *akm)
{
	return suite_lookup(akm_names, ARRAY_LEN(akm_names), s, akm);
}

int fsr_parse_cipher(const char *s, uint32_t *cipher)
{
	return suite_lookup(cipher_names, ARRAY_LEN(cipher_names), s, cipher);
}

const char *fsr_akm_name(uint32_t akm)
{
	return suite_name(akm_names, ARRAY_LEN(akm_names), akm);
}

const char *fsr_cipher_name(uint32_t cipher)
{
	return suite_name(cipher_names, ARRAY_LEN(cipher_names), cipher);
}

size_t fsr_akm_key_len(uint32_t akm)
{
	return akm == FSR_AKM_FT_8021X_SHA384 ? FSR_PMK_R1_SHA384_LEN :
						FSR_PMK_R1_LEN;
}

void fsr_format_mac(const uint8_t mac[FSR_MAC_LEN], char out[FSR_MAC_STRLEN])
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < FSR_MAC_LEN; i++) {
		out[3 * i] = digits[mac[i] >> 4];
		out[3 * i + 1] = digits[mac[i] & 0xf];
		out[3 * i + 2] = i + 1 < FSR_MAC_LEN ? ':' : '\0';
	}
}

void fsr_format_hex(const uint8_t *in, size_t len, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < len; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 0xf];
	}
	out[2 * len] = '\0';
}
