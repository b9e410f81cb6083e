/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Which Portal sessions a RADIUS Disconnect-Request (RFC 5176) names.
 * Pure: the identifiers are read from the request once, then matched
 * against each session; unit-tested in tests/test_portal_das.c.
 *
 * A request names a portal session by any of Calling-Station-Id (the
 * station's MAC in any common spelling), Framed-IP-Address, User-Name
 * (the portal login) and Acct-Session-Id (the portal session's own, see
 * portal_acct.h). Every one given must match (RFC 5176 3: the NAS must
 * not end a session the request does not fully identify); a request with
 * none of them names nothing. Only sessions online (awaiting
 * AFF_ACK_AUTH, or away in the reconnect store) can be named: a
 * challenge is no session yet.
 */
#ifndef FSRD_PORTAL_DAS_H
#define FSRD_PORTAL_DAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "portal/portal_sess.h"
#include "radius/radius_msg.h"

struct portal_das_ids {
	bool has_mac, has_ip;
	uint8_t mac[6];
	uint32_t ip;			/* host order */
	const uint8_t *user;		/* into the request; NULL: not given */
	size_t user_len;
	const uint8_t *acct_id;
	size_t acct_id_len;
};

/* Read the identifiers of req into ids: 0, -ENOENT when it carries none
 * of them, -EINVAL when one is malformed (a Calling-Station-Id that is
 * no MAC address, a Framed-IP-Address not of 4 octets). */
int portal_das_ids_read(const struct radius_msg *req,
			struct portal_das_ids *ids);

/* s (with acct_id, its Acct-Session-Id, or NULL without accounting) is
 * named by ids. */
bool portal_das_match(const struct portal_das_ids *ids,
		      const struct portal_sess *s, const char *acct_id);

#endif
