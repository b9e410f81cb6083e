// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over fsrd's RADIUS codec and authenticator checks
 * (userspace/fsrd/radius/radius_msg.c, radius_auth.c): every datagram a server,
 * or anyone on the path, can send to fsrd goes through exactly these
 * calls before it is trusted.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "radius/radius_auth.h"
#include "radius/radius_msg.h"

static const uint8_t req_auth[16] = {
	0x0f, 0x40, 0x3f, 0x94, 0x73, 0x97, 0x80, 0x57,
	0xbd, 0x83, 0xd5, 0xcb, 0x98, 0xf4, 0x22, 0x7a,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct radius_msg m;
	struct radius_secret s = { .len = 6 };
	struct radius_attr_iter it;
	uint8_t eap[RADIUS_MAX_LEN], key[64], pw[128];
	uint8_t msk[RADIUS_MSK_LEN];
	const uint8_t *val;
	size_t len, klen;
	uint8_t type;
	uint32_t v;

	memcpy(s.data, "xyzzy5", 6);
	if (radius_msg_parse(&m, data, size) != RADIUS_OK)
		return 0;
	radius_attr_iter_init(&it);
	while (radius_attr_next(&m, &it, &type, &val, &len)) {
		if (type == RADIUS_ATTR_USER_PASSWORD)
			radius_password_unhide(pw, &klen, val, len, req_auth,
					       &s);
	}
	radius_msg_get_u32(&m, RADIUS_ATTR_SESSION_TIMEOUT, &v);
	radius_msg_get_eap(&m, eap, sizeof(eap));
	radius_msg_get_eap(&m, eap, 8);
	val = radius_msg_find_vsa(&m, RADIUS_VENDOR_MICROSOFT,
				  RADIUS_MS_MPPE_RECV_KEY, &len);
	if (val)
		radius_mppe_decrypt(key, &klen, sizeof(key), val, len,
				    req_auth, &s);
	radius_resp_auth_verify(&m, req_auth, &s);
	radius_ma_verify(&m, req_auth, &s, true);
	radius_req_auth_verify(&m, &s);
	radius_msk_get(&m, req_auth, &s, msk, &klen);
	radius_msg_del(&m, RADIUS_ATTR_EAP_MESSAGE);
	return 0;
}
