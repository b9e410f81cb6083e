// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over fsrd's control protocol, the part that reads
 * what a client writes on the control socket
 * (userspace/fsrd/ctl/ctl_proto.c): the stream is cut into reads and fed
 * to ctl_linebuf_feed(), every line goes to ctl_req_parse() (json-c), and
 * an error becomes the reply object ctl.c sends (ctl_reply_error).
 *
 * Input: one octet (the size of each read, 1..64; 0: all at once), then
 * the bytes of the stream. A line that overflows the buffer ends the
 * connection, as in ctl.c; the rest goes to a fresh one.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ctl/ctl_proto.h"

#define CHECK(c)		\
	do {			\
		if (!(c))	\
			abort();\
	} while (0)

static int on_line(void *arg, char *text, size_t len)
{
	struct json_object *o;
	struct ctl_req r;
	char err[256];
	uint8_t mac[6];
	int ret;

	(void)arg;
	CHECK(len > 0 && len < CTL_LINE_MAX && text[len] == '\0');
	CHECK(!memchr(text, '\n', len));
	memset(err, 0x55, sizeof(err));
	err[sizeof(err) - 1] = '\0';
	ret = ctl_req_parse(text, len, &r, err, sizeof(err));
	if (!ret) {
		CHECK(r.cmd >= CTL_CMD_PING && r.cmd < __CTL_CMD_END);
		CHECK(!r.has_bss || (r.bss[0] &&
				     strnlen(r.bss, sizeof(r.bss)) <
				     sizeof(r.bss)));
		o = ctl_reply_ok();
	} else {
		CHECK(ret == -EINVAL || ret == -EMSGSIZE || ret == -ENOMEM);
		CHECK(strnlen(err, sizeof(err)) < sizeof(err) && err[0]);
		o = ctl_reply_error(err);
	}
	CHECK(o && json_object_to_json_string(o));
	json_object_put(o);
	/* the MAC parser on raw text too (it reads a NUL-terminated string) */
	(void)ctl_parse_mac(text, mac);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ctl_linebuf lb;
	size_t pos, chunk, n;
	char *buf;
	int ret;

	if (!size)
		return 0;
	chunk = data[0] % 65;
	data++;
	size--;
	memset(&lb, 0, sizeof(lb));
	for (pos = 0; pos < size; pos += n) {
		n = chunk ? chunk : size;
		if (n > size - pos)
			n = size - pos;
		/* an exact-size heap copy of each read */
		buf = malloc(n);
		if (!buf)
			return 0;
		memcpy(buf, data + pos, n);
		ret = ctl_linebuf_feed(&lb, buf, n, on_line, NULL);
		free(buf);
		CHECK(ret == 0 || ret == -EMSGSIZE);
		CHECK(lb.len < sizeof(lb.buf));
		if (ret)
			memset(&lb, 0, sizeof(lb));	/* a new connection */
	}
	return 0;
}
