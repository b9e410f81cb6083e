// SPDX-License-Identifier: GPL-2.0-only
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "fsr_key.h"
#include "fsr_parse.h"

void fsr_wipe(void *p, size_t len)
{
	explicit_bzero(p, len);
}

int fsr_key_parse(const char *text, size_t n, uint8_t *key, size_t len)
{
	size_t start = 0;
	size_t end = n;
	size_t i;

	while (start < end && isspace((unsigned char)text[start]))
		start++;
	while (end > start && isspace((unsigned char)text[end - 1]))
		end--;
	if (end - start != 2 * len)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		int hi = fsr_hex_digit(text[start + 2 * i]);
		int lo = fsr_hex_digit(text[start + 2 * i + 1]);

		if (hi < 0 || lo < 0) {
			fsr_wipe(key, len);
			return -EINVAL;
		}
		key[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

/* Read the whole of @fd into @buf; -EFBIG when it holds more than @size. */
static ssize_t read_all(int fd, char *buf, size_t size)
{
	size_t got = 0;
	ssize_t n;

	for (;;) {
		if (got == size) {
			char extra;

			n = read(fd, &extra, 1);
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0)
				return -errno;
			return n ? -EFBIG : (ssize_t)got;
		}
		n = read(fd, buf + got, size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			return (ssize_t)got;
		got += (size_t)n;
	}
}

int fsr_key_read(const char *path, uint8_t *key, size_t len)
{
	char buf[FSR_KEY_FILE_MAX];
	int fd = STDIN_FILENO;
	ssize_t n;
	int ret;

	if (strcmp(path, "-")) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return -errno;
	}
	n = read_all(fd, buf, sizeof(buf));
	if (fd != STDIN_FILENO)
		close(fd);
	if (n < 0)
		ret = (int)n;
	else
		ret = fsr_key_parse(buf, (size_t)n, key, len);
	fsr_wipe(buf, sizeof(buf));
	return ret;
}
