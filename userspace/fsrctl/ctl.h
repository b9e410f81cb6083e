/* SPDX-License-Identifier: GPL-2.0-only */
/* State shared by the fsrctl commands, and how they report failure. */
#ifndef FSRCTL_CTL_H
#define FSRCTL_CTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fsr_nl.h"
#include "format.h"
#include "fsr_rec.h"

enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,
	EXIT_USAGE = 2,
};

struct ctl {
	bool json;
	const char *what;	/* "pmk add": prefix of every message */
	const char *help_topic;	/* for "Try 'fsrctl help TOPIC'." */
	struct fsr_nl nl;
	bool open;
	const char *socket_path;	/* --socket: fsrd's control socket */
	char what_buf[32];	/* "pmk add": what, composed */
};

/* Print "fsrctl: WHAT: MESSAGE" and a hint; returns EXIT_USAGE. */
int ctl_usage(struct ctl *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print "fsrctl: WHAT: MESSAGE"; returns EXIT_FAIL. */
int ctl_fail(struct ctl *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Report a failed netlink operation (@ret < 0) with its extack; EXIT_FAIL. */
int ctl_nl_fail(struct ctl *c, int ret, const struct fsr_nlerr *e);

/* Open the netlink client; EXIT_OK or, reported, EXIT_FAIL. */
int ctl_open(struct ctl *c);
void ctl_close(struct ctl *c);

/* Resolve an interface name; EXIT_OK or, reported, EXIT_FAIL. */
int ctl_ifindex(struct ctl *c, const char *name, uint32_t *ifindex);

/* A growing array of decoded records, filled by a dump or a reply. */
struct rec_list {
	struct fsr_rec *v;
	size_t n;
	size_t cap;
};

int rec_list_add_cb(const struct nlmsghdr *nlh, void *data); /* fsr_nl_msg_cb */
void rec_list_reset_cb(void *data);			    /* fsr_nl_reset_cb */
void rec_list_free(struct rec_list *l);

/* Write @o (released) or flush stdout; EXIT_OK or, reported, EXIT_FAIL. */
int ctl_print_json(struct ctl *c, struct json_object *o);
int ctl_flush(struct ctl *c);

/* A subcommand: its name and what runs it (argv[0]: the word after it). */
struct ctl_sub {
	const char *name;
	int (*fn)(struct ctl *c, int argc, char **argv);
};

/*
 * "fsrctl CMD SUB ...": run the subcommand argv[0] of subs[0..n) on the
 * words after it, with c->what "CMD SUB" and help on CMD. A missing or
 * unknown one is ctl_usage(); names lists them for it ("show, flush").
 */
int ctl_subcommand(struct ctl *c, const char *cmd, const struct ctl_sub *subs,
		   size_t n, const char *names, int argc, char **argv);

/* The commands; argv[0] is the first word after the command name. */
int cmd_info(struct ctl *c, int argc, char **argv);
int cmd_bss(struct ctl *c, int argc, char **argv);
int cmd_stats(struct ctl *c, int argc, char **argv);
int cmd_pmk(struct ctl *c, int argc, char **argv);
int cmd_monitor(struct ctl *c, int argc, char **argv);
int cmd_station(struct ctl *c, int argc, char **argv);
int cmd_pmksa(struct ctl *c, int argc, char **argv);
int cmd_auth(struct ctl *c, int argc, char **argv);
int cmd_portal(struct ctl *c, int argc, char **argv);
int cmd_nmsp(struct ctl *c, int argc, char **argv);
int cmd_peer(struct ctl *c, int argc, char **argv);

#endif /* FSRCTL_CTL_H */
