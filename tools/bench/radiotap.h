/* SPDX-License-Identifier: GPL-2.0 */
/* Just enough radiotap to find the 802.11 frame and its flags. */
#ifndef BENCH_RADIOTAP_H
#define BENCH_RADIOTAP_H

#include <stddef.h>
#include <stdint.h>

#define RT_FLAG_FCS 0x10	/* the frame carries its FCS at the end */
#define RT_FLAG_BADFCS 0x40	/* the FCS check failed */

struct rt_info {
	size_t hdr_len;		/* bytes before the 802.11 header */
	uint8_t flags;		/* RT_FLAG_*, 0 when absent */
	int has_tsft;
	uint64_t tsft;		/* microseconds, MAC time of the first bit */
};

/*
 * Parse the radiotap header at the start of buf. Returns 0, or -1 if it is
 * not a well-formed version-0 header that fits in len.
 */
int rt_parse(const uint8_t *buf, size_t len, struct rt_info *out);

#endif
