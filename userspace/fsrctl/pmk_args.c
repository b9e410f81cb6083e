// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <string.h>

#include "fsr_parse.h"
#include "kwargs.h"
#include "pmk_args.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static int p_mac(const char *s, void *dst)
{
	return fsr_parse_mac(s, dst);
}

static int p_name(const char *s, void *dst)
{
	return fsr_parse_hex(s, dst, FSR_PMK_NAME_LEN);
}

static int p_r0kh(const char *s, void *dst)
{
	struct pmk_args *a = dst;
	size_t len = strlen(s);

	if (len < 1 || len > FSR_R0KH_ID_MAX_LEN)
		return -EINVAL;
	memcpy(a->r0kh, s, len);
	a->r0kh_len = (uint8_t)len;
	return 0;
}

static int p_akm(const char *s, void *dst)
{
	return fsr_parse_akm(s, dst);
}

static int p_cipher(const char *s, void *dst)
{
	return fsr_parse_cipher(s, dst);
}

static int p_lifetime(const char *s, void *dst)
{
	return fsr_parse_u32(s, 1, PMK_MAX_LIFETIME, dst);
}

static int p_path(const char *s, void *dst)
{
	if (!*s)
		return -EINVAL;
	*(const char **)dst = s;
	return 0;
}

#define HINT_MAC "aa:bb:cc:dd:ee:ff"
#define HINT_NAME "32 hex digits"

int pmk_add_args(int argc, char **argv, struct pmk_args *a, char *err,
		 size_t errsize)
{
	struct kwarg kw[] = {
		{ "sta", p_mac, a->sta, "MAC address", HINT_MAC, true, false },
		{ "r1name", p_name, a->r1name, "PMK-R1 name", HINT_NAME, true, false },
		{ "r0name", p_name, a->r0name, "PMK-R0 name", HINT_NAME, true, false },
		{ "r0kh", p_r0kh, a, "R0KH-ID", "1 to 48 bytes", true, false },
		{ "r1kh", p_mac, a->r1kh, "R1KH-ID", HINT_MAC, true, false },
		{ "akm", p_akm, &a->akm, "AKM",
		  "ft-psk, ft-8021x or ft-8021x-sha384", true, false },
		{ "cipher", p_cipher, &a->cipher, "cipher",
		  "ccmp, gcmp, gcmp-256 or ccmp-256", false, false },
		{ "lifetime", p_lifetime, &a->lifetime, "lifetime",
		  "1 to 2147483647 seconds", false, false },
		{ "key", p_path, &a->key_path, "key file", "FILE or -", true, false },
	};

	memset(a, 0, sizeof(*a));
	a->cipher = FSR_CIPHER_CCMP_128;
	a->lifetime = PMK_DEFAULT_LIFETIME;
	a->has_sta = true;
	return kwargs_parse(kw, ARRAY_LEN(kw), argc, argv, err, errsize);
}

int pmk_del_args(int argc, char **argv, struct pmk_args *a, char *err,
		 size_t errsize)
{
	struct kwarg kw[] = {
		{ "sta", p_mac, a->sta, "MAC address", HINT_MAC, true, false },
		{ "r1name", p_name, a->r1name, "PMK-R1 name", HINT_NAME, true, false },
	};

	memset(a, 0, sizeof(*a));
	a->has_sta = true;
	return kwargs_parse(kw, ARRAY_LEN(kw), argc, argv, err, errsize);
}

int pmk_flush_args(int argc, char **argv, struct pmk_args *a, char *err,
		   size_t errsize)
{
	struct kwarg kw[] = {
		{ "sta", p_mac, a->sta, "MAC address", HINT_MAC, false, false },
	};
	int ret;

	memset(a, 0, sizeof(*a));
	ret = kwargs_parse(kw, ARRAY_LEN(kw), argc, argv, err, errsize);
	a->has_sta = kw[0].seen;
	return ret;
}
