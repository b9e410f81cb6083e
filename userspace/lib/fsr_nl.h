/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A generic-netlink client of the "fsr" family on top of libmnl: socket
 * with extended acks, family and multicast group resolution, requests
 * (always acked), dumps (restarted when interrupted) and event reception.
 */
#ifndef FSR_NL_H
#define FSR_NL_H

#include <stdint.h>

#include <linux/netlink.h>

#include "fsr_nlerr.h"

/* Receive buffer: large enough for the biggest dump batch the kernel sends. */
#define FSR_NL_RCVBUF	(32 * 1024)
/* Send buffer for one request. */
#define FSR_NL_SNDBUF	1024
/* How often a dump flagged NLM_F_DUMP_INTR is retried before giving up. */
#define FSR_NL_DUMP_TRIES 5

struct mnl_socket;

struct fsr_nl {
	struct mnl_socket *sock;
	uint32_t portid;
	uint32_t seq;
	uint16_t family;	/* 0 until resolved */
	uint32_t events_grp;	/* 0 when the family has no "events" group */
	char *rbuf;		/* FSR_NL_RCVBUF bytes */
};

/* Called for every data message; a negative return aborts with it. */
typedef int (*fsr_nl_msg_cb)(const struct nlmsghdr *nlh, void *data);
/* Called before a dump is restarted; forget what was collected. */
typedef void (*fsr_nl_reset_cb)(void *data);

/*
 * Open the socket (NETLINK_EXT_ACK and NETLINK_CAP_ACK on) and resolve the
 * family. -ENOENT: the family does not exist (module not loaded).
 */
int fsr_nl_open(struct fsr_nl *nl, struct fsr_nlerr *e);
void fsr_nl_close(struct fsr_nl *nl);

/* Start a request for @cmd of the family in @buf (FSR_NL_SNDBUF bytes). */
struct nlmsghdr *fsr_nl_request(struct fsr_nl *nl, void *buf, uint8_t cmd);

/* Send a "do" request (NLM_F_ACK is added) and wait for its ack. */
int fsr_nl_do(struct fsr_nl *nl, struct nlmsghdr *req, fsr_nl_msg_cb cb,
	      void *data, struct fsr_nlerr *e);

/*
 * Send a dump request (NLM_F_DUMP | NLM_F_ACK added). When the kernel flags
 * the dump with NLM_F_DUMP_INTR, @reset is called and the dump restarted,
 * at most FSR_NL_DUMP_TRIES times, then -EAGAIN.
 */
int fsr_nl_dump(struct fsr_nl *nl, struct nlmsghdr *req, fsr_nl_msg_cb cb,
		fsr_nl_reset_cb reset, void *data, struct fsr_nlerr *e);

/* Join the "events" multicast group. */
int fsr_nl_subscribe(struct fsr_nl *nl, struct fsr_nlerr *e);

/* The socket's file descriptor, for poll(). */
int fsr_nl_fd(const struct fsr_nl *nl);

/*
 * Read one batch of event messages and call @cb for those of the family.
 * -ENOBUFS means events were lost (the socket stays usable).
 */
int fsr_nl_recv_events(struct fsr_nl *nl, fsr_nl_msg_cb cb, void *data);

#endif /* FSR_NL_H */
