// SPDX-License-Identifier: GPL-2.0-only
/* The captive redirect's HTTP (portal_http_msg.h). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/strbuf.h"
#include "portal/portal_http_msg.h"

/* The end of the head: the offset after the empty line, or 0. */
static size_t head_end(const char *buf, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i++) {
		if (buf[i] != '\n')
			continue;
		if (buf[i + 1] == '\n')
			return i + 2;
		if (i + 2 < len && buf[i + 1] == '\r' && buf[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

static bool tchar_ok(char c)
{
	return c > ' ' && c < 127;
}

/* Copy [s, s+n) into out (size cap) if it fits and is printable. */
static bool copy_tok(const char *s, size_t n, char *out, size_t cap)
{
	size_t i;

	if (n >= cap)
		return false;
	for (i = 0; i < n; i++)
		if (!tchar_ok(s[i]))
			return false;
	memcpy(out, s, n);
	out[n] = '\0';
	return true;
}

int portal_http_parse(const char *buf, size_t len, struct portal_http_req *r)
{
	const char *line, *end, *sp1, *sp2, *target, *p;
	size_t hend = head_end(buf, len < PORTAL_HTTP_HEAD_MAX ?
				    len : PORTAL_HTTP_HEAD_MAX);
	size_t tlen;

	memset(r, 0, sizeof(*r));
	if (!hend)
		return len >= PORTAL_HTTP_HEAD_MAX ? -EINVAL : 0;
	end = buf + hend;
	/* request line: METHOD SP TARGET SP HTTP/x.y */
	line = buf;
	p = memchr(line, '\n', (size_t)(end - line));
	sp1 = memchr(line, ' ', (size_t)(p - line));
	if (!sp1 || sp1 == line)
		return -EINVAL;
	target = sp1 + 1;
	sp2 = memchr(target, ' ', (size_t)(p - target));
	if (!sp2 || sp2 == target || (size_t)(p - sp2) < 9 ||
	    memcmp(sp2 + 1, "HTTP/1.", 7))
		return -EINVAL;
	tlen = (size_t)(sp2 - target);
	if (tlen > 7 && !strncasecmp(target, "http://", 7)) {
		/* absolute form: the host is in the target */
		const char *h = target + 7, *slash;

		slash = memchr(h, '/', tlen - 7);
		if (!slash)
			slash = target + tlen;
		if (!copy_tok(h, (size_t)(slash - h), r->host, sizeof(r->host)))
			return -EINVAL;
		if (!copy_tok(slash, (size_t)(target + tlen - slash), r->path,
			      sizeof(r->path)))
			r->path[0] = '\0';
		if (!r->path[0] && slash == target + tlen)
			strcpy(r->path, "/");
	} else if (target[0] == '/') {
		if (!copy_tok(target, tlen, r->path, sizeof(r->path)))
			r->path[0] = '\0';
	} else {
		return -EINVAL;
	}
	/* header fields: Host, unless the target named it */
	for (line = p + 1; line < end; line = p + 1) {
		const char *v, *ve;

		p = memchr(line, '\n', (size_t)(end - line));
		if (!p)
			break;
		if (r->host[0] || (size_t)(p - line) < 5 ||
		    strncasecmp(line, "host:", 5))
			continue;
		v = line + 5;
		ve = p;
		while (v < ve && (*v == ' ' || *v == '\t'))
			v++;
		while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ' ||
				  ve[-1] == '\t'))
			ve--;
		if (!copy_tok(v, (size_t)(ve - v), r->host, sizeof(r->host)))
			return -EINVAL;
	}
	return 1;
}

/* RFC 3986 2.3: unreserved characters stay, the rest is %XX. */
static void put_enc(struct strbuf *o, const uint8_t *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint8_t c = s[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~')
			strbuf_put(o, "%c", c);
		else
			strbuf_put(o, "%%%02X", c);
	}
}

int portal_http_302(const struct portal_redirect *r, char *out, size_t len)
{
	static const char body[] =
		"<html><head><title>Login</title></head><body>"
		"<a href=\"%s\">Log in</a></body></html>\n";
	char loc[PORTAL_HTTP_LOC_MAX];
	size_t before_url;
	struct strbuf l = { .buf = loc, .len = sizeof(loc) };
	struct strbuf o = { .buf = out, .len = len };

	if (!len)
		return -ENOSPC;
	strbuf_put(&l, "%s%cwlanuserip=", r->portal_url,
		   strchr(r->portal_url, '?') ? '&' : '?');
	strbuf_put_ip(&l, r->user_ip);
	strbuf_put(&l, "&wlanacname=");
	put_enc(&l, (const uint8_t *)r->ac_name, strlen(r->ac_name));
	if (r->user_mac)
		strbuf_put(&l, "&usermac=%02X-%02X-%02X-%02X-%02X-%02X",
			   r->user_mac[0], r->user_mac[1], r->user_mac[2],
			   r->user_mac[3], r->user_mac[4], r->user_mac[5]);
	if (r->ac_ip) {
		strbuf_put(&l, "&acip=");
		strbuf_put_ip(&l, r->ac_ip);
	}
	if (r->ssid) {
		strbuf_put(&l, "&ssid=");
		put_enc(&l, r->ssid, r->ssid_len);
	}
	before_url = l.used;
	if (!l.full && r->req && r->req->host[0] && r->req->path[0]) {
		char url[8 + PORTAL_HTTP_HOST_MAX + PORTAL_HTTP_PATH_MAX];
		struct strbuf u = { .buf = url, .len = sizeof(url) };

		strbuf_put(&u, "http://%s%s", r->req->host, r->req->path);
		if (!u.full) {
			strbuf_put(&l, "&url=");
			put_enc(&l, (const uint8_t *)url, u.used);
		}
		/* the page asked for does not fit: leave it out */
		if (l.full)
			strbuf_cut(&l, before_url);
	}
	if (l.full)
		return -ENOSPC;
	/* the Location is ours, not the station's: it cannot hold CR/LF
	 * (percent-encoded values; url and ac_name are checked by the
	 * configuration) */
	strbuf_put(&o, "HTTP/1.1 302 Found\r\n"
		   "Location: %s\r\n"
		   "Cache-Control: no-store\r\n"
		   "Content-Type: text/html\r\n"
		   "Content-Length: %zu\r\n"
		   "Connection: close\r\n\r\n",
		   loc, sizeof(body) - 1 - 2 + l.used);
	strbuf_put(&o, body, loc);
	return strbuf_done(&o);
}

int portal_http_400(char *out, size_t len)
{
	struct strbuf o = { .buf = out, .len = len };

	if (!len)
		return -ENOSPC;
	strbuf_put(&o, "HTTP/1.1 400 Bad Request\r\n"
		   "Content-Length: 0\r\nConnection: close\r\n\r\n");
	return strbuf_done(&o);
}
