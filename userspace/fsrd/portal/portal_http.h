/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The captive redirect's listener (docs/portal.md): nftables sends a
 * station's web requests (TCP 80, before login, outside the walled
 * garden) to this local port (portal_fw_rules.h); each gets a 302 to the
 * portal URL with the station's parameters (portal_http_msg.h) and the
 * connection is closed.
 *
 * Bounded: only stations of a portal BSS are served (another peer is
 * closed at once, counted as refused), at most PORTAL_HTTP_CONNS
 * connections, PORTAL_HTTP_PER_PEER of one station,
 * PORTAL_HTTP_HEAD_MAX octets of request head each, and
 * PORTAL_HTTP_TIMEOUT_MS to send it; nothing is kept after the answer.
 */
#ifndef FSRD_PORTAL_HTTP_H
#define FSRD_PORTAL_HTTP_H

#include <stddef.h>
#include <stdint.h>

#define PORTAL_HTTP_CONNS 64
#define PORTAL_HTTP_PER_PEER 8	/* connections of one station at once */
#define PORTAL_HTTP_TIMEOUT_MS 5000

struct portal_http_conf {
	uint16_t port;			/* where nftables redirects to */
	const char *portal_url;		/* copied */
	const char *ac_name;		/* copied */
	uint32_t ac_ip;			/* host order; 0: the local address */
	/* The station with IPv4 ip on a portal BSS: 0 with its MAC and its
	 * BSS's SSID (valid until the callback's caller returns), or
	 * -ENOENT. */
	int (*station)(uint32_t ip, uint8_t mac[6], const uint8_t **ssid,
		       size_t *ssid_len);
};

struct portal_http_stats {
	uint64_t redirects;	/* 302 sent */
	uint64_t bad_requests;	/* 400 sent */
	uint64_t refused;	/* closed at once: too many connections */
	uint64_t timeouts;	/* no complete request in time */
};

/* 0, or -errno with a line in err. */
int portal_http_start(const struct portal_http_conf *c, char *err,
		      size_t errlen);
/* Every connection closed, the listener too. */
void portal_http_stop(void);
const struct portal_http_stats *portal_http_stats(void);

#endif
