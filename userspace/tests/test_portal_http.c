// SPDX-License-Identifier: GPL-2.0-only
/*
 * The captive redirect's HTTP (fsrd/portal/portal_http_msg.c): request
 * heads read whole, in pieces, in absolute form, without Host, too long
 * or malformed; the 302's Location with the China Mobile parameters,
 * percent-encoding of everything the station controls, a portal URL that
 * already has a query, and buffers too small.
 */
#include <errno.h>
#include <stdlib.h>

#include "portal/portal_http_msg.h"
#include "tap.h"

static int parse(const char *s, struct portal_http_req *r)
{
	return portal_http_parse(s, strlen(s), r);
}

int main(void)
{
	static const uint8_t mac[6] = { 0x02, 0, 0, 0, 0x01, 0xab };
	static const uint8_t ssid[] = "caf\xc3\xa9 & co";
	struct portal_http_req r;
	char out[PORTAL_HTTP_RESP_MAX], big[PORTAL_HTTP_HEAD_MAX + 64];
	struct portal_redirect d = {
		.portal_url = "http://10.77.0.3:8080/login", .ac_name = "0001.0755.200.00",
		.user_ip = 0x0a4d0002, .user_mac = mac, .ac_ip = 0x0a4d0001,
		.ssid = ssid, .ssid_len = sizeof(ssid) - 1, .req = &r,
	};
	const char *loc;
	int n;

	tap_ok(parse("GET /a?b=c HTTP/1.1\r\nHost: example.org\r\nUser-Agent: x\r\n\r\n",
		     &r) == 1 && !strcmp(r.host, "example.org") &&
	       !strcmp(r.path, "/a?b=c"), "GET with Host");
	tap_ok(parse("GET / HTTP/1.0\n\n", &r) == 1 && !r.host[0] &&
	       !strcmp(r.path, "/"), "HTTP/1.0 without Host, bare LF");
	tap_ok(parse("GET http://example.net/x HTTP/1.1\r\nHost: other\r\n\r\n",
		     &r) == 1 && !strcmp(r.host, "example.net") &&
	       !strcmp(r.path, "/x"), "absolute form: the target's host wins");
	tap_ok(parse("HEAD http://example.net HTTP/1.1\r\n\r\n", &r) == 1 &&
	       !strcmp(r.path, "/"), "absolute form without a path: /");
	tap_ok(parse("GET / HTTP/1.1\r\nhOsT:   spaced.example \t\r\n\r\n",
		     &r) == 1 && !strcmp(r.host, "spaced.example"),
	       "Host: any case, blanks trimmed");
	tap_ok(parse("GET / HTTP/1.1\r\nHost: exa", &r) == 0,
	       "an unfinished head: more needed");
	tap_ok(parse("", &r) == 0, "nothing yet: more needed");
	tap_ok(parse("\x16\x03\x01\x02\x05\x01\xfc\x03\x03\r\n\r\n", &r) == -EINVAL,
	       "TLS to port 80: refused");
	tap_ok(parse("GET\r\n\r\n", &r) == -EINVAL, "no target: refused");
	tap_ok(parse("GET / FTP/1.0\r\n\r\n", &r) == -EINVAL,
	       "not HTTP/1.x: refused");
	tap_ok(parse("GET * HTTP/1.1\r\n\r\n", &r) == -EINVAL,
	       "asterisk form: refused");
	tap_ok(parse("GET / HTTP/1.1\r\nHost: a\x01" "b\r\n\r\n", &r) == -EINVAL,
	       "a control character in Host: refused");
	memset(big, 'a', sizeof(big));
	memcpy(big, "GET /", 5);
	tap_ok(portal_http_parse(big, sizeof(big), &r) == -EINVAL,
	       "a head longer than 2048 octets: refused");
	memset(big, 'a', sizeof(big));
	memcpy(big, "GET /", 5);
	memcpy(big + 1500, " HTTP/1.1\r\nHost: h\r\n\r\n", 23);
	tap_ok(portal_http_parse(big, 1523, &r) == 1 && !r.path[0] &&
	       !strcmp(r.host, "h"), "a target over 1024 octets: no url kept");

	parse("GET /p?q=1&r=<x> HTTP/1.1\r\nHost: example.org:8000\r\n\r\n", &r);
	n = portal_http_302(&d, out, sizeof(out));
	tap_ok(n == (int)strlen(out), "302: its length returned");
	tap_ok(!strncmp(out, "HTTP/1.1 302 Found\r\n", 20), "302: status line");
	loc = strstr(out, "\r\nLocation: ");
	tap_ok(loc && strstr(out, "\r\nLocation: "
			       "http://10.77.0.3:8080/login?wlanuserip=10.77.0.2"
			       "&wlanacname=0001.0755.200.00"
			       "&usermac=02-00-00-00-01-AB&acip=10.77.0.1"
			       "&ssid=caf%C3%A9%20%26%20co"
			       "&url=http%3A%2F%2Fexample.org%3A8000%2Fp%3Fq%3D1%26r%3D%3Cx%3E\r\n"),
	       "302: Location with wlanuserip, wlanacname, usermac, acip, ssid, url (percent-encoded)");
	if (!loc || !strstr(out, "%3Cx%3E\r\n"))
		tap_diag("got", out);
	tap_ok(strstr(out, "\r\nConnection: close\r\n") &&
	       strstr(out, "\r\nCache-Control: no-store\r\n"),
	       "302: not cached, connection closed");
	{
		const char *body = strstr(out, "\r\n\r\n");
		const char *cl = strstr(out, "Content-Length: ");

		tap_ok(body && cl && (size_t)atoi(cl + 16) == strlen(body + 4),
		       "302: Content-Length is the body's");
	}

	memset(r.path, '%', 1000);
	r.path[0] = '/';
	r.path[1000] = '\0';
	n = portal_http_302(&d, out, sizeof(out));
	tap_ok(n > 0 && !strstr(out, "&url=") && strstr(out, "&ssid="),
	       "302: a page that would make the Location too long is left out, the rest stays");

	d.portal_url = "https://portal.example/auth?lang=zh";
	d.user_mac = NULL;
	d.ac_ip = 0;
	d.ssid = NULL;
	d.req = NULL;
	portal_http_302(&d, out, sizeof(out));
	tap_ok(strstr(out, "Location: https://portal.example/auth?lang=zh&wlanuserip=10.77.0.2&wlanacname=0001.0755.200.00\r\n") != NULL,
	       "302: a URL with a query gets &; unknown MAC, no acip, ssid or url");
	tap_ok(portal_http_302(&d, out, 100) == -ENOSPC,
	       "302: a buffer too small: -ENOSPC");
	tap_ok(portal_http_302(&d, out, 0) == -ENOSPC, "302: no buffer: -ENOSPC");
	n = portal_http_400(out, sizeof(out));
	tap_ok(n > 0 && !strncmp(out, "HTTP/1.1 400 Bad Request\r\n", 26),
	       "400 for what cannot be read");
	return tap_done();
}
