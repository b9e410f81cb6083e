// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/fsr.h>

#include "fsr_names.h"
#include "fsr_parse.h"

/* The selectors fsr.ko takes (uapi/linux/fsr.h). Their names are those
 * of the one table of RSN suite names, fsr_names.c. */
static const uint32_t fsr_akms[] = {
	FSR_AKM_FT_PSK, FSR_AKM_FT_8021X, FSR_AKM_FT_8021X_SHA384,
};

static const uint32_t fsr_ciphers[] = {
	FSR_CIPHER_CCMP_128, FSR_CIPHER_GCMP_128, FSR_CIPHER_GCMP_256,
	FSR_CIPHER_CCMP_256,
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

/* The name of v if it is one of t (fsr supports it), else NULL. */
static const char *suite_name(const uint32_t *t, size_t n,
			      const char *(*name)(uint32_t), uint32_t v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i] == v)
			return name(v);
	return NULL;
}

static int suite_lookup(const uint32_t *t, size_t n,
			const char *(*name)(uint32_t), const char *s,
			uint32_t *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *nm = name(t[i]);

		if (nm && !strcmp(nm, s)) {
			*out = t[i];
			return 0;
		}
	}
	return -EINVAL;
}

int fsr_parse_akm(const char *s, uint32_t *akm)
{
	return suite_lookup(fsr_akms, ARRAY_LEN(fsr_akms), fsr_akm_suite_name,
			    s, akm);
}

int fsr_parse_cipher(const char *s, uint32_t *cipher)
{
	return suite_lookup(fsr_ciphers, ARRAY_LEN(fsr_ciphers),
			    fsr_cipher_suite_name, s, cipher);
}

const char *fsr_akm_name(uint32_t akm)
{
	return suite_name(fsr_akms, ARRAY_LEN(fsr_akms), fsr_akm_suite_name,
			  akm);
}

const char *fsr_cipher_name(uint32_t cipher)
{
	return suite_name(fsr_ciphers, ARRAY_LEN(fsr_ciphers),
			  fsr_cipher_suite_name, cipher);
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
