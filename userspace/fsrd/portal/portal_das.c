// SPDX-License-Identifier: GPL-2.0-only
/* Which Portal sessions a Disconnect-Request names (portal_das.h). */
#include <errno.h>
#include <string.h>

#include "portal/portal_das.h"

int portal_das_ids_read(const struct radius_msg *req,
			struct portal_das_ids *ids)
{
	const uint8_t *v;
	size_t len;

	memset(ids, 0, sizeof(*ids));
	v = radius_msg_find(req, RADIUS_ATTR_CALLING_STATION_ID, &len);
	if (v) {
		if (!radius_station_id_parse(v, len, ids->mac))
			return -EINVAL;
		ids->has_mac = true;
	}
	v = radius_msg_find(req, RADIUS_ATTR_FRAMED_IP_ADDRESS, &len);
	if (v) {
		if (len != 4)
			return -EINVAL;
		ids->ip = (uint32_t)v[0] << 24 | (uint32_t)v[1] << 16 |
			  (uint32_t)v[2] << 8 | v[3];
		ids->has_ip = true;
	}
	ids->user = radius_msg_find(req, RADIUS_ATTR_USER_NAME,
				    &ids->user_len);
	ids->acct_id = radius_msg_find(req, RADIUS_ATTR_ACCT_SESSION_ID,
				       &ids->acct_id_len);
	if (!ids->has_mac && !ids->has_ip && !ids->user && !ids->acct_id)
		return -ENOENT;
	return 0;
}

static bool str_is(const uint8_t *v, size_t len, const char *s)
{
	return s && strlen(s) == len && !memcmp(v, s, len);
}

bool portal_das_match(const struct portal_das_ids *ids,
		      const struct portal_sess *s, const char *acct_id)
{
	if (s->state != PORTAL_S_WAIT_AFF && s->state != PORTAL_S_ONLINE &&
	    s->state != PORTAL_S_AWAY)
		return false;
	if (!ids->has_mac && !ids->has_ip && !ids->user && !ids->acct_id)
		return false;
	if (ids->has_mac && memcmp(ids->mac, s->mac, 6))
		return false;
	if (ids->has_ip && ids->ip != s->ip)
		return false;
	if (ids->user && !str_is(ids->user, ids->user_len, s->user))
		return false;
	if (ids->acct_id && !str_is(ids->acct_id, ids->acct_id_len, acct_id))
		return false;
	return true;
}
