// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "fsr_parse.h"
#include "fsrd_client.h"

const char *fsrd_socket_path(const struct ctl *c)
{
	const char *env;

	if (c->socket_path)
		return c->socket_path;
	env = getenv("FSRD_SOCKET");
	return env && *env ? env : FSRD_DEFAULT_SOCKET;
}

int fsrd_connect(struct ctl *c, struct fsrd_conn *conn, bool quiet)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	const char *path = fsrd_socket_path(c);
	int fd;

	memset(conn, 0, sizeof(*conn));
	conn->fd = -1;
	if (strlen(path) >= sizeof(sa.sun_path))
		return ctl_fail(c, "socket path too long: %s", path);
	strcpy(sa.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return ctl_fail(c, "socket: %s", strerror(errno));
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		int err = errno;

		close(fd);
		if (err == ENOENT || err == ECONNREFUSED) {
			if (!quiet)
				ctl_fail(c, "fsrd is not running (no control socket at %s)",
					 path);
			return FSRD_ABSENT;
		}
		if (err == EACCES || err == EPERM)
			return ctl_fail(c, "%s: permission denied: fsrd's control socket is for root",
					path);
		return ctl_fail(c, "%s: %s", path, strerror(err));
	}
	conn->fd = fd;
	return EXIT_OK;
}

void fsrd_disconnect(struct fsrd_conn *conn)
{
	if (conn->fd >= 0)
		close(conn->fd);
	free(conn->buf);
	memset(conn, 0, sizeof(*conn));
	conn->fd = -1;
}

int fsrd_send(struct ctl *c, struct fsrd_conn *conn, struct json_object *req)
{
	const char *s = json_object_to_json_string_ext(req,
						       JSON_C_TO_STRING_PLAIN);
	size_t len = s ? strlen(s) : 0, off = 0;
	char *line = malloc(len + 1);
	ssize_t n;

	if (!line) {
		json_object_put(req);
		return ctl_fail(c, "%s", strerror(ENOMEM));
	}
	memcpy(line, s, len);
	line[len++] = '\n';
	json_object_put(req);
	while (off < len) {
		n = send(conn->fd, line + off, len - off, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			free(line);
			return ctl_fail(c, "sending to fsrd: %s", strerror(errno));
		}
		off += (size_t)n;
	}
	free(line);
	return EXIT_OK;
}

int fsrd_recv(struct ctl *c, struct fsrd_conn *conn, struct json_object **out)
{
	enum json_tokener_error jerr;
	char *nl;
	ssize_t n;

	*out = NULL;
	while (!(nl = conn->len ? memchr(conn->buf, '\n', conn->len) : NULL)) {
		if (conn->len == conn->cap) {
			size_t cap = conn->cap ? conn->cap * 2 : 65536;
			char *p;

			if (cap > FSRD_REPLY_MAX)
				return ctl_fail(c, "reply from fsrd too long");
			p = realloc(conn->buf, cap);
			if (!p)
				return ctl_fail(c, "%s", strerror(ENOMEM));
			conn->buf = p;
			conn->cap = cap;
		}
		n = recv(conn->fd, conn->buf + conn->len, conn->cap - conn->len,
			 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return ctl_fail(c, "reading from fsrd: %s", strerror(errno));
		if (n == 0)
			return ctl_fail(c, "fsrd closed the connection");
		conn->len += (size_t)n;
	}
	*nl = '\0';
	*out = json_tokener_parse_verbose(conn->buf, &jerr);
	conn->len -= (size_t)(nl + 1 - conn->buf);
	memmove(conn->buf, nl + 1, conn->len);
	if (!*out || !json_object_is_type(*out, json_type_object)) {
		json_object_put(*out);
		*out = NULL;
		return ctl_fail(c, "malformed reply from fsrd");
	}
	return EXIT_OK;
}

/* EXIT_OK for {"ok":true}; the error of {"ok":false} reported. */
static int reply_status(struct ctl *c, struct json_object *o)
{
	struct json_object *ok, *err;

	if (json_object_object_get_ex(o, "ok", &ok) &&
	    json_object_get_boolean(ok))
		return EXIT_OK;
	if (json_object_object_get_ex(o, "error", &err))
		return ctl_fail(c, "%s", json_object_get_string(err));
	return ctl_fail(c, "malformed reply from fsrd");
}

int fsrd_call(struct ctl *c, struct json_object *req,
	      struct json_object **reply, bool quiet_absent)
{
	struct fsrd_conn conn;
	int ret;

	*reply = NULL;
	ret = fsrd_connect(c, &conn, quiet_absent);
	if (ret) {
		json_object_put(req);
		return ret;
	}
	ret = fsrd_send(c, &conn, req);
	if (!ret)
		ret = fsrd_recv(c, &conn, reply);
	fsrd_disconnect(&conn);
	if (ret)
		return ret;
	ret = reply_status(c, *reply);
	if (ret) {
		json_object_put(*reply);
		*reply = NULL;
	}
	return ret;
}

int fsrd_call_sel(struct ctl *c, const char *cmd, int argc, char **argv,
		  struct json_object **reply)
{
	char macs[FSR_MAC_STRLEN];
	const char *addr = NULL, *bss = NULL;
	uint8_t mac[FSR_MAC_LEN];
	int i;

	*reply = NULL;
	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "bss")) {
			if (++i == argc)
				return ctl_usage(c, "bss needs an interface name");
			bss = argv[i];
		} else if (!addr) {
			if (fsr_parse_mac(argv[i], mac))
				return ctl_usage(c, "invalid MAC address '%s'",
						 argv[i]);
			fsr_format_mac(mac, macs);
			addr = macs;
		} else {
			return ctl_usage(c, "unexpected argument '%s'", argv[i]);
		}
	}
	return fsrd_ask(c, cmd, addr, bss, reply);
}

int fsrd_ask(struct ctl *c, const char *cmd, const char *addr,
	     const char *bss, struct json_object **reply)
{
	struct json_object *req = json_object_new_object();
	int ret;

	json_object_object_add(req, "cmd", json_object_new_string(cmd));
	if (addr)
		json_object_object_add(req, "addr", json_object_new_string(addr));
	if (bss)
		json_object_object_add(req, "bss", json_object_new_string(bss));
	ret = fsrd_call(c, req, reply, false);
	return ret == FSRD_ABSENT ? EXIT_FAIL : ret;
}

int fsrd_ask_mac(struct ctl *c, const char *cmd, int argc, char **argv,
		 struct json_object **reply)
{
	char macs[FSR_MAC_STRLEN];
	uint8_t mac[FSR_MAC_LEN];

	*reply = NULL;
	if (argc > 1)
		return ctl_usage(c, "unexpected argument '%s'", argv[1]);
	if (argc == 1) {
		if (fsr_parse_mac(argv[0], mac))
			return ctl_usage(c, "invalid MAC address '%s'",
					 argv[0]);
		fsr_format_mac(mac, macs);
	}
	return fsrd_ask(c, cmd, argc ? macs : NULL, NULL, reply);
}

int fsrd_reply_array(struct ctl *c, struct json_object *reply,
		     const char *key, struct json_object **list)
{
	if (!json_object_object_get_ex(reply, key, list) ||
	    !json_object_is_type(*list, json_type_array)) {
		json_object_put(reply);
		return ctl_fail(c, "malformed reply from fsrd");
	}
	return EXIT_OK;
}

int fsrd_print_reply(struct ctl *c, struct json_object *reply)
{
	json_object_object_del(reply, "ok");
	return ctl_print_json(c, reply);
}

void fsrd_print_counters(struct json_object *reply)
{
	struct json_object *cnt;
	size_t i = 0;

	if (!json_object_object_get_ex(reply, "counters", &cnt))
		return;
	printf("counters:");
	json_object_object_foreach(cnt, k, val) {
		printf("%s %s %" PRIu64, i++ % 4 ? "," : "\n ", k,
		       json_object_get_uint64(val));
	}
	printf("\n");
}

const char *fsrd_str(struct json_object *o, const char *k)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, k, &v) ||
	    !json_object_is_type(v, json_type_string))
		return "-";
	return json_object_get_string(v);
}

uint64_t fsrd_u64(struct json_object *o, const char *k)
{
	struct json_object *v;

	return json_object_object_get_ex(o, k, &v) ?
	       json_object_get_uint64(v) : 0;
}
