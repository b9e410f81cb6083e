// SPDX-License-Identifier: GPL-2.0-only
/* fsrd's control protocol: request parsing and reply objects (pure). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ctl/ctl_proto.h"
#include "fsr_parse.h"

/* fsr's one MAC parser (lib/fsr_parse.c) */
int ctl_parse_mac(const char *s, uint8_t *mac)
{
	return fsr_parse_mac(s, mac);
}

static const struct {
	const char *name;
	enum ctl_cmd cmd;
} cmds[] = {
	{ "ping", CTL_CMD_PING },
	{ "station_show", CTL_CMD_STATION_SHOW },
	{ "bss_show", CTL_CMD_BSS_SHOW },
	{ "monitor", CTL_CMD_MONITOR },
	{ "pmksa_show", CTL_CMD_PMKSA_SHOW },
	{ "pmksa_flush", CTL_CMD_PMKSA_FLUSH },
	{ "auth_show", CTL_CMD_AUTH_SHOW },
	{ "portal_show", CTL_CMD_PORTAL_SHOW },
	{ "portal_logout", CTL_CMD_PORTAL_LOGOUT },
	{ "nmsp_show", CTL_CMD_NMSP_SHOW },
	{ "peer_show", CTL_CMD_PEER_SHOW },
	{ "nmsp_auth_show", CTL_CMD_NMSP_AUTH_SHOW },
	{ "nmsp_auth_add", CTL_CMD_NMSP_AUTH_ADD },
	{ "nmsp_auth_del", CTL_CMD_NMSP_AUTH_DEL },
};

static int fail(char *err, size_t errlen, int ret, const char *msg,
		const char *arg)
{
	snprintf(err, errlen, "%s%s%s%s", msg, arg ? " '" : "",
		 arg ? arg : "", arg ? "'" : "");
	return ret;
}

static int parse_member(struct ctl_req *r, const char *key,
			struct json_object *v, char *err, size_t errlen)
{
	const char *s;

	if (!strcmp(key, "cmd"))
		return 0;	/* done by the caller */
	if (!strcmp(key, "addr") && r->cmd != CTL_CMD_BSS_SHOW &&
	    r->cmd != CTL_CMD_PING && r->cmd != CTL_CMD_AUTH_SHOW &&
	    r->cmd != CTL_CMD_NMSP_SHOW && r->cmd != CTL_CMD_PEER_SHOW &&
	    r->cmd != CTL_CMD_NMSP_AUTH_SHOW) {
		if (!json_object_is_type(v, json_type_string))
			return fail(err, errlen, -EINVAL,
				    "\"addr\" must be a string", NULL);
		s = json_object_get_string(v);
		if (ctl_parse_mac(s, r->addr))
			return fail(err, errlen, -EINVAL,
				    "invalid MAC address", s);
		r->has_addr = true;
		return 0;
	}
	if (!strcmp(key, "bss") && (r->cmd == CTL_CMD_STATION_SHOW ||
				    r->cmd == CTL_CMD_BSS_SHOW ||
				    r->cmd == CTL_CMD_PMKSA_FLUSH ||
				    r->cmd == CTL_CMD_PEER_SHOW)) {
		if (!json_object_is_type(v, json_type_string))
			return fail(err, errlen, -EINVAL,
				    "\"bss\" must be a string", NULL);
		s = json_object_get_string(v);
		if (!*s || strlen(s) >= sizeof(r->bss))
			return fail(err, errlen, -EINVAL,
				    "invalid interface name", s);
		strcpy(r->bss, s);
		r->has_bss = true;
		return 0;
	}
	if (!strcmp(key, "hash") && (r->cmd == CTL_CMD_NMSP_AUTH_ADD ||
				     r->cmd == CTL_CMD_NMSP_AUTH_DEL)) {
		if (!json_object_is_type(v, json_type_string))
			return fail(err, errlen, -EINVAL,
				    "\"hash\" must be a string", NULL);
		s = json_object_get_string(v);
		if (!*s || strlen(s) >= sizeof(r->hash))
			return fail(err, errlen, -EINVAL,
				    "\"hash\" must be sha1:HEX or sha256:HEX",
				    NULL);
		strcpy(r->hash, s);
		r->has_hash = true;
		return 0;
	}
	return fail(err, errlen, -EINVAL, "unknown member", key);
}

int ctl_req_parse(const char *line, size_t len, struct ctl_req *r,
		  char *err, size_t errlen)
{
	struct json_tokener *tok;
	struct json_object *o, *c;
	const char *name;
	size_t i = 0;
	int ret = 0;

	memset(r, 0, sizeof(*r));
	if (len >= CTL_LINE_MAX)
		return fail(err, errlen, -EMSGSIZE, "request too long", NULL);
	tok = json_tokener_new();
	if (!tok)
		return fail(err, errlen, -ENOMEM, "out of memory", NULL);
	o = json_tokener_parse_ex(tok, line, (int)len);
	if (o && json_tokener_get_error(tok) == json_tokener_success)
		for (i = json_tokener_get_parse_end(tok); i < len; i++)
			if (line[i] != ' ' && line[i] != '\t')
				break;
	if (!o || json_tokener_get_error(tok) != json_tokener_success ||
	    i != len) {
		/* a complete value followed by garbage is refused too */
		ret = fail(err, errlen, -EINVAL, "malformed JSON", NULL);
		goto out;
	}
	if (!json_object_is_type(o, json_type_object)) {
		ret = fail(err, errlen, -EINVAL,
			   "the request must be a JSON object", NULL);
		goto out;
	}
	if (!json_object_object_get_ex(o, "cmd", &c) ||
	    !json_object_is_type(c, json_type_string)) {
		ret = fail(err, errlen, -EINVAL,
			   "missing \"cmd\" string", NULL);
		goto out;
	}
	name = json_object_get_string(c);
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(name, cmds[i].name))
			r->cmd = cmds[i].cmd;
	if (!r->cmd) {
		ret = fail(err, errlen, -EINVAL, "unknown command", name);
		goto out;
	}
	{
		json_object_object_foreach(o, key, v) {
			ret = parse_member(r, key, v, err, errlen);
			if (ret)
				break;
		}
	}
out:
	json_object_put(o);
	json_tokener_free(tok);
	return ret;
}

int ctl_linebuf_feed(struct ctl_linebuf *lb, const char *data, size_t n,
		     int (*line)(void *arg, char *text, size_t len),
		     void *arg)
{
	size_t i;
	int ret;

	for (i = 0; i < n; i++) {
		char ch = data[i];

		if (ch != '\n') {
			/* room for the NUL: at most CTL_LINE_MAX - 1 bytes */
			if (lb->len >= sizeof(lb->buf) - 1)
				return -EMSGSIZE;
			lb->buf[lb->len++] = ch;
			continue;
		}
		if (lb->len && lb->buf[lb->len - 1] == '\r')
			lb->len--;
		lb->buf[lb->len] = '\0';
		if (lb->len) {
			size_t l = lb->len;

			lb->len = 0;
			ret = line(arg, lb->buf, l);
			if (ret < 0)
				return ret;
		}
		lb->len = 0;
	}
	return 0;
}

struct json_object *ctl_reply_error(const char *msg)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "ok", json_object_new_boolean(0));
	json_object_object_add(o, "error", json_object_new_string(msg));
	return o;
}

struct json_object *ctl_reply_ok(void)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "ok", json_object_new_boolean(1));
	return o;
}

void ctl_format_time(uint64_t realtime_ms, char *buf, size_t size)
{
	time_t t = (time_t)(realtime_ms / 1000);
	struct tm tm;
	char s[32];

	gmtime_r(&t, &tm);
	strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf, size, "%s.%03uZ", s, (unsigned int)(realtime_ms % 1000));
}

struct json_object *ctl_trace_json(uint64_t realtime_ms, const char *bss,
				   const uint8_t *sta, const char *event,
				   const char *detail)
{
	struct json_object *o = json_object_new_object();
	char buf[40];

	ctl_format_time(realtime_ms, buf, sizeof(buf));
	json_object_object_add(o, "time", json_object_new_string(buf));
	json_object_object_add(o, "bss", json_object_new_string(bss));
	fsr_format_mac(sta, buf);
	json_object_object_add(o, "sta", json_object_new_string(buf));
	json_object_object_add(o, "event", json_object_new_string(event));
	json_object_object_add(o, "detail", json_object_new_string(detail));
	return o;
}
