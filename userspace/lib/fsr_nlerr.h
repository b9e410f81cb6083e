/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Errors of a netlink request: the errno plus what the kernel's extended
 * ack said (NLMSGERR_ATTR_MSG, NLMSGERR_ATTR_MISS_TYPE/_NEST), or a local
 * explanation in @msg.
 */
#ifndef FSR_NLERR_H
#define FSR_NLERR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/netlink.h>

#define FSR_NLERR_MSG_MAX 256

struct fsr_nlerr {
	int code;			/* positive errno, 0 = success */
	char msg[FSR_NLERR_MSG_MAX];	/* "" when none */
	bool has_miss_type;
	uint32_t miss_type;
	bool has_miss_nest;
	uint32_t miss_nest;		/* offset of the nest in the request */
	bool has_offs;
	uint32_t offs;			/* offset of the bad attribute */
};

void fsr_nlerr_clear(struct fsr_nlerr *e);

/*
 * Decode an NLMSG_ERROR or NLMSG_DONE message into @e. Returns the negative
 * errno it carries (0 for an ack or a clean end of dump), or -EBADMSG when
 * the message is malformed.
 */
int fsr_nlerr_decode(const struct nlmsghdr *nlh, struct fsr_nlerr *e);

/*
 * "STRERROR[: MSG][ (missing attribute NAME)]" into buf, always
 * NUL-terminated. Attribute names come from uapi/linux/fsr.h.
 */
void fsr_nlerr_format(const struct fsr_nlerr *e, char *buf, size_t size);

#endif /* FSR_NLERR_H */
