// SPDX-License-Identifier: GPL-2.0-only
/* Unit tests: reading key material as hex from a file. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsr_key.h"
#include "tap.h"

#define K64 "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

static int write_tmp(char *path, const char *content)
{
	int fd = mkstemp(path);
	size_t len = strlen(content);

	if (fd < 0)
		return -1;
	if (write(fd, content, len) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	return close(fd);
}

int main(void)
{
	uint8_t key[48];
	char path[] = "/tmp/fsr-key-XXXXXX";
	char big[FSR_KEY_FILE_MAX + 2];
	const char *t;

	t = "  " K64 "\n";
	tap_ok(fsr_key_parse(t, strlen(t), key, 32) == 0 && key[0] == 0 &&
	       key[31] == 0x1f, "parse: 64 digits with whitespace");
	t = K64 K64;
	tap_ok(fsr_key_parse(t, 96, key, 48) == 0 && key[47] == 0x0f,
	       "parse: 96 digits for SHA-384");
	tap_ok(fsr_key_parse(K64, 64, key, 48) == -EINVAL,
	       "parse: 64 digits where 96 are needed");
	tap_ok(fsr_key_parse(K64, 63, key, 32) == -EINVAL, "parse: 63 digits");
	t = "000102030405060708090a0b0c0d0e0f 101112131415161718191a1b1c1d1e1";
	tap_ok(fsr_key_parse(t, strlen(t), key, 32) == -EINVAL,
	       "parse: inner space");
	t = "z00102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
	tap_ok(fsr_key_parse(t, strlen(t), key, 32) == -EINVAL,
	       "parse: non-hex");

	tap_ok(write_tmp(path, K64 "\n") == 0, "file: written");
	memset(key, 0xee, sizeof(key));
	tap_ok(fsr_key_read(path, key, 32) == 0 && key[1] == 1 &&
	       key[31] == 0x1f, "file: read");
	unlink(path);

	strcpy(path, "/tmp/fsr-key-XXXXXX");
	memset(big, ' ', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memcpy(big, K64, 64);
	tap_ok(write_tmp(path, big) == 0 &&
	       fsr_key_read(path, key, 32) == -EFBIG, "file: too long");
	unlink(path);

	tap_ok(fsr_key_read("/nonexistent/key", key, 32) == -ENOENT,
	       "file: missing");

	memset(key, 0x5a, sizeof(key));
	fsr_wipe(key, sizeof(key));
	tap_ok(key[0] == 0 && key[47] == 0, "wipe");
	return tap_done();
}
