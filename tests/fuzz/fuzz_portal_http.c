// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over the captive redirect's HTTP
 * (userspace/fsrd/portal/portal_http_msg.c): whatever a station sends to
 * TCP port 80 before login reaches portal_http_parse; a request it takes
 * is answered with portal_http_302, whose header block must stay exactly
 * what fsrd writes: the station's host and path cannot add a header line
 * (no CR or LF or control character outside the line ends).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "portal/portal_http_msg.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t mac[6] = { 2, 0, 0, 0, 1, 0 };
	static const uint8_t ssid[] = "fsr";
	struct portal_http_req r;
	struct portal_redirect d = {
		.portal_url = "http://portal.example/login",
		.ac_name = "0001.0755.200.00", .user_ip = 0x0a4d0002,
		.user_mac = mac, .ac_ip = 0x0a4d0001, .ssid = ssid,
		.ssid_len = 3, .req = &r,
	};
	char out[PORTAL_HTTP_RESP_MAX];
	const char *hdr_end;
	size_t i, lines = 0;
	int n;

	n = portal_http_parse((const char *)data, size, &r);
	CHECK(n == 1 || n == 0 || n == -EINVAL);
	if (n != 1)
		return 0;
	CHECK(strlen(r.host) <= PORTAL_HTTP_HOST_MAX &&
	      strlen(r.path) <= PORTAL_HTTP_PATH_MAX);
	n = portal_http_302(&d, out, sizeof(out));
	CHECK(n > 0 && (size_t)n == strlen(out));
	hdr_end = strstr(out, "\r\n\r\n");
	CHECK(hdr_end);
	for (i = 0; out + i < hdr_end; i++) {
		unsigned char c = (unsigned char)out[i];

		if (c == '\r') {
			CHECK(out[i + 1] == '\n');
			lines++;
			i++;
			continue;
		}
		CHECK(c >= ' ' && c < 127);
	}
	CHECK(lines == 5);	/* status, Location, and three fixed fields */
	return 0;
}
