// SPDX-License-Identifier: GPL-2.0
/*
 * Radiotap: a little-endian header { u8 version; u8 pad; le16 len;
 * le32 present[] } followed by the fields named in the present words, each
 * aligned to its natural size. Bit 31 of a present word says another one
 * follows. We only need TSFT (bit 0, u64) and Flags (bit 1, u8), the first
 * two fields, so no table of other field sizes is needed.
 */
#include "radiotap.h"

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

int rt_parse(const uint8_t *buf, size_t len, struct rt_info *out)
{
	size_t hlen, off;
	uint32_t present, word;

	out->hdr_len = 0;
	out->flags = 0;
	out->has_tsft = 0;
	out->tsft = 0;
	if (len < 8 || buf[0] != 0)
		return -1;
	hlen = (size_t)buf[2] | (size_t)buf[3] << 8;
	if (hlen < 8 || hlen > len)
		return -1;
	present = le32(buf + 4);
	off = 8;
	word = present;
	while (word & 0x80000000u) {	/* skip extended present words */
		if (off + 4 > hlen)
			return -1;
		word = le32(buf + off);
		off += 4;
	}
	if (present & 1) {
		off = (off + 7) & ~(size_t)7;
		if (off + 8 > hlen)
			return -1;
		out->tsft = (uint64_t)le32(buf + off) |
			    (uint64_t)le32(buf + off + 4) << 32;
		out->has_tsft = 1;
		off += 8;
	}
	if (present & 2) {
		if (off + 1 > hlen)
			return -1;
		out->flags = buf[off];
	}
	out->hdr_len = hlen;
	return 0;
}
