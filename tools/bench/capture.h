/* SPDX-License-Identifier: GPL-2.0 */
/* A radiotap capture (hwsim0) read into memory as parsed frames. */
#ifndef BENCH_CAPTURE_H
#define BENCH_CAPTURE_H

#include <stddef.h>
#include <stdint.h>

#include "dot11.h"

struct capture {
	struct frame *f;
	size_t n, cap;
	size_t skipped;		/* bad FCS, not parseable */
};

/*
 * Read a pcap file of link type IEEE802_11_RADIO. Returns 0, or -1 with a
 * message in err (errlen bytes).
 */
int capture_load(const char *path, struct capture *c, char *err,
		 size_t errlen);
/*
 * Each packet of a pcap file of link type linktype (lt_name for the
 * message) to fn: its time in microseconds, its captured octets and its
 * length on the wire. fn returns 0, or -1 (out of memory) to stop. 0, or
 * -1 with a message in err.
 */
typedef int (*capture_pkt_fn)(int64_t t_us, const uint8_t *data,
			      size_t caplen, size_t len, void *ctx);
int capture_each(const char *path, int linktype, const char *lt_name,
		 capture_pkt_fn fn, void *ctx, char *err, size_t errlen);
/* Append one parsed frame (used by capture_load and by the unit tests). */
int capture_add(struct capture *c, const struct frame *f);
/*
 * Mark every unicast data and management frame that an ACK to its
 * transmitter follows (within ACK_WINDOW_US and before another frame of
 * that transmitter). mac80211_hwsim writes the ACK to hwsim0 right after
 * the frame it acknowledges.
 */
void capture_mark_acks(struct capture *c);
void capture_free(struct capture *c);

#define ACK_WINDOW_US 20000

#endif
