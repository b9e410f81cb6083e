/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsrctl's client of fsrd's control socket: one JSON request per line,
 * JSON replies (docs/fsrd.8, CONTROL SOCKET). The socket is --socket PATH,
 * else $FSRD_SOCKET, else /run/fsrd.sock.
 */
#ifndef FSRCTL_FSRD_CLIENT_H
#define FSRCTL_FSRD_CLIENT_H

#include <stddef.h>

#include <json-c/json.h>

#include "ctl.h"

#define FSRD_DEFAULT_SOCKET "/run/fsrd.sock"
/* The longest reply line fsrctl accepts (a full station list). */
#define FSRD_REPLY_MAX (64u << 20)

/* Returned by fsrd_connect/fsrd_call when fsrd does not run. */
#define FSRD_ABSENT 3

struct fsrd_conn {
	int fd;
	char *buf;		/* bytes received, not yet returned */
	size_t len;
	size_t cap;
};

const char *fsrd_socket_path(const struct ctl *c);

/*
 * Connect. EXIT_OK; FSRD_ABSENT (no socket or nobody listening: reported
 * only when !quiet); EXIT_FAIL (reported: permission, other errors).
 */
int fsrd_connect(struct ctl *c, struct fsrd_conn *conn, bool quiet);
void fsrd_disconnect(struct fsrd_conn *conn);

/* Send one request object (released). EXIT_OK or, reported, EXIT_FAIL. */
int fsrd_send(struct ctl *c, struct fsrd_conn *conn, struct json_object *req);

/*
 * Read the next line as a JSON object into *out. EXIT_OK; EXIT_FAIL
 * (reported: malformed, too long, or fsrd closed the connection).
 */
int fsrd_recv(struct ctl *c, struct fsrd_conn *conn, struct json_object **out);

/*
 * Connect, send req, read one reply. A reply {"ok":false,"error":E} is
 * reported as "E" and gives EXIT_FAIL. On EXIT_OK *reply is the object
 * (caller releases it).
 */
int fsrd_call(struct ctl *c, struct json_object *req,
	      struct json_object **reply, bool quiet_absent);

/*
 * fsrd_call with {"cmd":cmd[,"addr":MAC][,"bss":IFNAME]} made from the
 * words "[MAC] [bss IFNAME]" (either order): EXIT_OK with *reply,
 * EXIT_USAGE for bad words, EXIT_FAIL (reported) when fsrd does not run
 * or refuses.
 */
int fsrd_call_sel(struct ctl *c, const char *cmd, int argc, char **argv,
		  struct json_object **reply);

/*
 * fsrd_call with {"cmd":cmd[,"addr":addr][,"bss":bss]} (NULL: left out):
 * EXIT_OK with *reply, EXIT_FAIL (reported) when fsrd does not run or
 * refuses.
 */
int fsrd_ask(struct ctl *c, const char *cmd, const char *addr,
	     const char *bss, struct json_object **reply);

/*
 * fsrd_ask with {"cmd":cmd[,"addr":MAC]} made from the words "[MAC]" (at
 * most one): EXIT_OK with *reply, EXIT_USAGE for bad words, EXIT_FAIL
 * (reported) when fsrd does not run or refuses.
 */
int fsrd_ask_mac(struct ctl *c, const char *cmd, int argc, char **argv,
		 struct json_object **reply);

/* Member @k of a reply object: its string, "-" when absent or not one;
 * its number, 0 when absent. */
const char *fsrd_str(struct json_object *o, const char *k);
uint64_t fsrd_u64(struct json_object *o, const char *k);

/* -j: print a reply of fsrd (released) without its "ok" member; EXIT_OK
 * or, reported, EXIT_FAIL. */
int fsrd_print_reply(struct ctl *c, struct json_object *reply);

/*
 * The array member key of a reply: EXIT_OK with *list (reply still owns
 * it), or EXIT_FAIL (reported "malformed reply", reply released).
 */
int fsrd_reply_array(struct ctl *c, struct json_object *reply,
		     const char *key, struct json_object **list);

/* The "counters" object of a reply, if any, four "name value" a line. */
void fsrd_print_counters(struct json_object *reply);

#endif
