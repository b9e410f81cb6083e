// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over fsrd's Portal codec (userspace/fsrd/portal/
 * portal_msg.c): every UDP payload a portal server (or anyone) sends to
 * the AC's port goes through portal_parse and the v2 Authenticator
 * checks. A packet the parser takes must come out of the builder byte for
 * byte (parse and build agree on every length rule).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "portal/portal_msg.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct portal_secret s = { "testing123", 10 };
	static const uint8_t req_auth[PORTAL_AUTH_LEN] = { 1, 2, 3 };
	static struct portal_builder b;
	struct portal_pkt p;
	unsigned int i;

	if (portal_parse(data, size, &p) != PORTAL_OK)
		return 0;
	CHECK(size <= PORTAL_MAX_LEN && p.attr_num <= PORTAL_MAX_ATTRS);
	(void)portal_check_request(data, size, &p, &s);
	(void)portal_check_response(data, size, &p, req_auth, &s);
	(void)portal_type_name(p.type);

	portal_build_start(&b, p.ver, p.type, p.auth_type, p.serial,
			   p.req_id, p.user_ip, p.err);
	for (i = 0; i < p.attr_num; i++) {
		CHECK(p.attrs[i].val >= data &&
		      p.attrs[i].val + p.attrs[i].len <= data + size);
		portal_build_attr(&b, p.attrs[i].type, p.attrs[i].val,
				  p.attrs[i].len);
	}
	CHECK(b.err == PORTAL_OK && b.len == size);
	/* the builder leaves Rsv and UserPort 0 and signs separately */
	b.buf[3] = data[3];
	b.buf[12] = data[12];
	b.buf[13] = data[13];
	if (p.ver == PORTAL_V2)
		memcpy(b.buf + 16, p.authenticator, PORTAL_AUTH_LEN);
	CHECK(!memcmp(b.buf, data, size));
	return 0;
}
