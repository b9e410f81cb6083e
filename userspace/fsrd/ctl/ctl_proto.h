/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsrd's control protocol, the pure part (no I/O): request lines in,
 * JSON objects out. One JSON object per line each way (docs/fsrd.8,
 * CONTROL SOCKET):
 *	{"cmd":"ping"}
 *	{"cmd":"station_show"[,"addr":"MAC"][,"bss":"IFNAME"]}
 *	{"cmd":"bss_show"[,"bss":"IFNAME"]}
 *	{"cmd":"monitor"[,"addr":"MAC"]}
 *	{"cmd":"pmksa_show"[,"addr":"MAC"]}
 *	{"cmd":"pmksa_flush"[,"addr":"MAC"][,"bss":"IFNAME"]}
 *	{"cmd":"auth_show"}
 *	{"cmd":"portal_show"[,"addr":"MAC"]}
 *	{"cmd":"portal_logout","addr":"MAC"}
 *	{"cmd":"nmsp_show"}
 *	{"cmd":"peer_show"[,"bss":"IFNAME"]}
 * Replies: {"ok":true,...} or {"ok":false,"error":"..."}; after a
 * monitor reply, one trace object per line:
 *	{"time":"...Z","bss":IFNAME,"sta":MAC,"event":NAME,"detail":TEXT}
 */
#ifndef FSRD_CTL_PROTO_H
#define FSRD_CTL_PROTO_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <json-c/json.h>

/* The longest request line, newline included. */
#define CTL_LINE_MAX 4096

enum ctl_cmd {
	CTL_CMD_PING = 1,
	CTL_CMD_STATION_SHOW,
	CTL_CMD_BSS_SHOW,
	CTL_CMD_MONITOR,
	CTL_CMD_PMKSA_SHOW,
	CTL_CMD_PMKSA_FLUSH,
	CTL_CMD_AUTH_SHOW,
	CTL_CMD_PORTAL_SHOW,
	CTL_CMD_PORTAL_LOGOUT,
	CTL_CMD_NMSP_SHOW,
	CTL_CMD_PEER_SHOW,
	CTL_CMD_NMSP_AUTH_SHOW,
	CTL_CMD_NMSP_AUTH_ADD,
	CTL_CMD_NMSP_AUTH_DEL,
	/* keep last: the fuzz target checks every parsed command is below */
	__CTL_CMD_END,
};

struct ctl_req {
	enum ctl_cmd cmd;
	bool has_addr;
	uint8_t addr[6];
	bool has_bss;
	char bss[IF_NAMESIZE];
	bool has_hash;		/* nmsp_auth_add|del: "sha256:HEX" */
	char hash[7 + 64 + 1];	/* "sha256:" and 64 hex digits */
};

/*
 * Parse one request line (without its newline). On error returns a
 * negative errno and writes a one-line message into err.
 */
int ctl_req_parse(const char *line, size_t len, struct ctl_req *r,
		  char *err, size_t errlen);

/* Accumulates the bytes of a stream and splits them into lines. */
struct ctl_linebuf {
	char buf[CTL_LINE_MAX];
	size_t len;
};

/*
 * Feed n bytes; calls line(arg, text, len) for every complete line (the
 * newline removed, text NUL-terminated; empty lines are skipped). Stops
 * and returns -EMSGSIZE when a line exceeds CTL_LINE_MAX, or the callback's
 * negative return; otherwise 0.
 */
int ctl_linebuf_feed(struct ctl_linebuf *lb, const char *data, size_t n,
		     int (*line)(void *arg, char *text, size_t len),
		     void *arg);

/* {"ok":false,"error":msg} */
struct json_object *ctl_reply_error(const char *msg);
/* {"ok":true} */
struct json_object *ctl_reply_ok(void);

/* A trace object; realtime_ms is milliseconds since the epoch. */
struct json_object *ctl_trace_json(uint64_t realtime_ms, const char *bss,
				   const uint8_t *sta, const char *event,
				   const char *detail);

/* "2026-11-22T07:15:02.123Z" (UTC); buf of at least 32 bytes. */
void ctl_format_time(uint64_t realtime_ms, char *buf, size_t size);

/* "aa:bb:cc:dd:ee:ff" -> 6 bytes; 0 or -EINVAL. */
int ctl_parse_mac(const char *s, uint8_t *mac);

#endif
