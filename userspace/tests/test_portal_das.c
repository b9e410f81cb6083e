// SPDX-License-Identifier: GPL-2.0-only
/*
 * Which Portal sessions a RADIUS Disconnect-Request names
 * (fsrd/portal/portal_das.c) and the Calling-Station-Id spellings
 * (radius_station_id_parse): every identifier alone and together, a
 * mismatch in any one, malformed identifiers, a request naming nothing,
 * sessions not online.
 */
#include <errno.h>

#include "portal/portal_das.h"
#include "tap.h"

static const uint8_t MAC[6] = { 0x02, 0, 0, 0, 0x01, 0 };

static void req(struct radius_msg *m, const char *user, const char *csid,
		const uint8_t *ip, size_t ip_len, const char *acct)
{
	radius_msg_init(m, RADIUS_DISCONNECT_REQUEST, 1);
	if (user)
		radius_msg_add_str(m, RADIUS_ATTR_USER_NAME, user);
	if (csid)
		radius_msg_add_str(m, RADIUS_ATTR_CALLING_STATION_ID, csid);
	if (ip)
		radius_msg_add(m, RADIUS_ATTR_FRAMED_IP_ADDRESS, ip, ip_len);
	if (acct)
		radius_msg_add_str(m, RADIUS_ATTR_ACCT_SESSION_ID, acct);
}

static int named(const char *user, const char *csid, const uint8_t *ip,
		 size_t ip_len, const char *acct, const struct portal_sess *s,
		 const char *id)
{
	struct portal_das_ids ids;
	struct radius_msg m;
	int err;

	req(&m, user, csid, ip, ip_len, acct);
	err = portal_das_ids_read(&m, &ids);
	if (err)
		return err;
	return portal_das_match(&ids, s, id) ? 1 : 0;
}

int main(void)
{
	static const uint8_t ip_ok[4] = { 10, 77, 0, 2 };
	static const uint8_t ip_other[4] = { 10, 77, 0, 3 };
	static const uint8_t ip_short[3] = { 10, 77, 0 };
	struct portal_sess s = {
		.ip = 0x0a4d0002u, .state = PORTAL_S_ONLINE, .user = "alice",
	};
	const char *id = "P0000ABCD-00000001";
	uint8_t mac[6];

	memcpy(s.mac, MAC, 6);

	/* Calling-Station-Id spellings */
	tap_ok(radius_station_id_parse((const uint8_t *)"02-00-00-00-01-00", 17,
				       mac) && !memcmp(mac, MAC, 6),
	       "station id 02-00-00-00-01-00");
	tap_ok(radius_station_id_parse((const uint8_t *)"02:00:00:00:01:00", 17,
				       mac) && !memcmp(mac, MAC, 6),
	       "station id 02:00:00:00:01:00");
	tap_ok(radius_station_id_parse((const uint8_t *)"0200.0000.0100", 14,
				       mac) && !memcmp(mac, MAC, 6),
	       "station id 0200.0000.0100 (Cisco)");
	tap_ok(radius_station_id_parse((const uint8_t *)"AABBCCDDEEFF", 12,
				       mac) && mac[0] == 0xaa && mac[5] == 0xff,
	       "station id AABBCCDDEEFF (upper case)");
	tap_ok(!radius_station_id_parse((const uint8_t *)"02-00-00-00-01", 14,
					mac), "station id: 5 octets refused");
	tap_ok(!radius_station_id_parse((const uint8_t *)"02-00-00-00-01-00-00",
					20, mac),
	       "station id: 7 octets refused");
	tap_ok(!radius_station_id_parse((const uint8_t *)"02-00-00-00-01-0g", 17,
					mac), "station id: a non-hex digit refused");
	tap_ok(!radius_station_id_parse((const uint8_t *)"", 0, mac),
	       "station id: empty refused");

	/* each identifier alone */
	tap_ok(named("alice", NULL, NULL, 0, NULL, &s, id) == 1,
	       "User-Name alone names the session");
	tap_ok(named(NULL, "02-00-00-00-01-00", NULL, 0, NULL, &s, id) == 1,
	       "Calling-Station-Id alone");
	tap_ok(named(NULL, NULL, ip_ok, 4, NULL, &s, id) == 1,
	       "Framed-IP-Address alone");
	tap_ok(named(NULL, NULL, NULL, 0, id, &s, id) == 1,
	       "Acct-Session-Id alone");
	tap_ok(named("alice", "02:00:00:00:01:00", ip_ok, 4, id, &s, id) == 1,
	       "all four together");

	/* any one wrong: not named */
	tap_ok(named("bob", "02-00-00-00-01-00", NULL, 0, NULL, &s, id) == 0,
	       "another User-Name: not named");
	tap_ok(named("alic", NULL, NULL, 0, NULL, &s, id) == 0,
	       "a prefix of the User-Name: not named");
	tap_ok(named("alice", "02-00-00-00-01-01", NULL, 0, NULL, &s, id) == 0,
	       "another MAC: not named");
	tap_ok(named("alice", NULL, ip_other, 4, NULL, &s, id) == 0,
	       "another IP: not named");
	tap_ok(named("alice", NULL, NULL, 0, "P0000ABCD-00000002", &s, id) == 0,
	       "another Acct-Session-Id: not named");
	tap_ok(named(NULL, NULL, NULL, 0, id, &s, NULL) == 0,
	       "an Acct-Session-Id, session without accounting: not named");

	/* malformed or empty */
	tap_ok(named(NULL, "02-00-00-00-01", NULL, 0, NULL, &s, id) == -EINVAL,
	       "malformed Calling-Station-Id: -EINVAL (NAK 404)");
	tap_ok(named(NULL, NULL, ip_short, 3, NULL, &s, id) == -EINVAL,
	       "Framed-IP-Address of 3 octets: -EINVAL");
	tap_ok(named(NULL, NULL, NULL, 0, NULL, &s, id) == -ENOENT,
	       "no identifier: -ENOENT (not a portal request)");
	{
		struct portal_das_ids none = { 0 };

		tap_ok(!portal_das_match(&none, &s, id),
		       "empty identifiers never match");
	}

	/* only sessions logged in */
	s.state = PORTAL_S_CHALLENGED;
	tap_ok(named("alice", NULL, NULL, 0, NULL, &s, id) == 0,
	       "a challenge only: not named");
	s.state = PORTAL_S_AUTHENTICATING;
	tap_ok(named("alice", NULL, NULL, 0, NULL, &s, id) == 0,
	       "RADIUS under way: not named");
	s.state = PORTAL_S_WAIT_AFF;
	tap_ok(named("alice", NULL, NULL, 0, NULL, &s, id) == 1,
	       "awaiting AFF_ACK_AUTH (already let through): named");
	return tap_done();
}
