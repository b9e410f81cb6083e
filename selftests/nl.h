/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small generic-netlink client for the selftests: it sends hand-built
 * requests (including deliberately malformed ones that fsrctl can never
 * produce) and returns the kernel's answer with its extended ACK.
 */
#ifndef FSR_SELFTEST_NL_H
#define FSR_SELFTEST_NL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

struct nl_ack {
	int err;		/* 0 or a negative errno */
	char msg[256];		/* NLMSGERR_ATTR_MSG, "" if none */
	int miss_type;		/* NLMSGERR_ATTR_MISS_TYPE, 0 if none */
	bool has_offs;		/* NLMSGERR_ATTR_OFFS was present */
	bool dump_intr;		/* a dump part carried NLM_F_DUMP_INTR */
};

struct nl {
	struct mnl_socket *sock;
	uint16_t family;
	uint32_t mcgrp_events;
	uint32_t seq;
	size_t rcvbuf;		/* bytes per recv() (dumps arrive in parts) */
};

/* Called for every reply message; return false to abort the receive loop. */
typedef bool (*nl_msg_cb)(const struct nlmsghdr *nlh, void *data);

/*
 * rcvbuf: bytes per recv(), 0 for 64 KiB. The kernel sizes dump parts by the
 * largest recv() a socket has made, so a small rcvbuf from the first recv()
 * on makes dumps arrive in several parts.
 */
int nl_open(struct nl *nl, size_t rcvbuf);
void nl_close(struct nl *nl);
struct nlmsghdr *nl_msg(struct nl *nl, char *buf, uint8_t cmd, uint16_t flags);
/* Send nlh and receive until the ACK / NLMSG_DONE; cb may be NULL. */
int nl_talk(struct nl *nl, struct nlmsghdr *nlh, nl_msg_cb cb, void *data,
	    struct nl_ack *ack);
/* Receive one burst of a dump started with nl_send(); 1 = more, 0 = done. */
int nl_send(struct nl *nl, struct nlmsghdr *nlh);
int nl_recv_part(struct nl *nl, nl_msg_cb cb, void *data, struct nl_ack *ack);
int nl_join_events(struct nl *nl);
/* Wait up to ms for one event; returns 1 and calls cb, 0 on timeout. */
int nl_next_event(struct nl *nl, int ms, nl_msg_cb cb, void *data);

/* The raw bytes of the last message(s) received, to scan for leaked keys. */
extern const unsigned char *nl_last_rx;
extern size_t nl_last_rx_len;

#endif
