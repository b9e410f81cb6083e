/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The captive redirect's HTTP (docs/portal.md): reading the head of a
 * station's web request and writing the 302 that sends it to the portal.
 * Pure; unit-tested (tests/test_portal_http.c) and fuzzed
 * (fuzz_portal_http).
 *
 * The Location carries what the China Mobile specification requires of
 * a forced-portal URL, wlanuserip and wlanacname, then the extras it
 * allows (names not starting with "wlan"): usermac, acip, ssid and url,
 * the page the station asked for. Values are percent-encoded (RFC 3986:
 * all but unreserved characters).
 */
#ifndef FSRD_PORTAL_HTTP_MSG_H
#define FSRD_PORTAL_HTTP_MSG_H

#include <stddef.h>
#include <stdint.h>

#define PORTAL_HTTP_HEAD_MAX 2048	/* a longer request head is refused */
#define PORTAL_HTTP_HOST_MAX 255
#define PORTAL_HTTP_PATH_MAX 1024	/* a longer target: no url= */
#define PORTAL_HTTP_LOC_MAX 1800	/* longer: no url= */
#define PORTAL_HTTP_RESP_MAX 4096	/* the Location twice fits */

/* What the station asked for. */
struct portal_http_req {
	char host[PORTAL_HTTP_HOST_MAX + 1];	/* "" when not given */
	char path[PORTAL_HTTP_PATH_MAX + 1];	/* "" when too long */
};

/*
 * The request head in buf[0..len): 1 when complete (up to the empty
 * line) and r filled, 0 when more is needed, -EINVAL when it is no HTTP
 * request or its head is longer than PORTAL_HTTP_HEAD_MAX.
 */
int portal_http_parse(const char *buf, size_t len, struct portal_http_req *r);

struct portal_redirect {
	const char *portal_url;		/* [portal] url */
	const char *ac_name;		/* wlanacname */
	uint32_t user_ip;		/* host order */
	const uint8_t *user_mac;	/* NULL: unknown, no usermac= */
	uint32_t ac_ip;			/* host order; 0: no acip= */
	const uint8_t *ssid;		/* NULL: no ssid= */
	size_t ssid_len;
	const struct portal_http_req *req;	/* NULL: no url= */
};

/* The whole 302 response into out: its length, or -ENOSPC. */
int portal_http_302(const struct portal_redirect *r, char *out, size_t len);

/* A 400 response for a request that could not be read. */
int portal_http_400(char *out, size_t len);

#endif
