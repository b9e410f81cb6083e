// SPDX-License-Identifier: GPL-2.0-only
/* Unit tests: decoding extended acks from crafted nlmsgerr buffers. */
#include <errno.h>
#include <string.h>

#include <libmnl/libmnl.h>
#include <linux/fsr.h>
#include <linux/genetlink.h>

#include "fsr_nlerr.h"
#include "tap.h"

/*
 * Build an NLMSG_ERROR for @error. With @capped only the request header is
 * echoed (NETLINK_CAP_ACK), otherwise the whole 32-byte request.
 */
static struct nlmsghdr *err_msg(char *buf, size_t size, int error,
				bool capped, const char *text,
				int miss_type, int miss_nest)
{
	struct nlmsghdr *nlh;
	struct nlmsgerr *e;
	size_t echo = capped ? 0 : 16;	/* request payload echoed */

	memset(buf, 0, size);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = NLMSG_ERROR;
	e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e) + echo);
	e->error = error;
	e->msg.nlmsg_len = (uint32_t)(sizeof(struct nlmsghdr) + echo);
	e->msg.nlmsg_type = 0x20;
	if (capped)
		nlh->nlmsg_flags |= NLM_F_CAPPED;
	if (text || miss_type >= 0 || miss_nest >= 0)
		nlh->nlmsg_flags |= NLM_F_ACK_TLVS;
	if (text)
		mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, text);
	if (miss_type >= 0)
		mnl_attr_put_u32(nlh, NLMSGERR_ATTR_MISS_TYPE, (uint32_t)miss_type);
	if (miss_nest >= 0)
		mnl_attr_put_u32(nlh, NLMSGERR_ATTR_MISS_NEST, (uint32_t)miss_nest);
	return nlh;
}

static void check_format(const struct fsr_nlerr *e, const char *want,
			 const char *name)
{
	char buf[512];

	fsr_nlerr_format(e, buf, sizeof(buf));
	tap_str(buf, want, name);
}

int main(void)
{
	char buf[512];
	struct fsr_nlerr e;
	struct nlmsghdr *nlh;

	nlh = err_msg(buf, sizeof(buf), 0, true, NULL, -1, -1);
	tap_ok(fsr_nlerr_decode(nlh, &e) == 0 && e.code == 0, "ack is success");

	nlh = err_msg(buf, sizeof(buf), -EINVAL, true, "AKM is not an FT AKM",
		      -1, -1);
	tap_ok(fsr_nlerr_decode(nlh, &e) == -EINVAL && e.code == EINVAL,
	       "capped: errno");
	tap_str(e.msg, "AKM is not an FT AKM", "capped: extack message");
	check_format(&e, "Invalid argument: AKM is not an FT AKM",
		     "capped: formatted");

	nlh = err_msg(buf, sizeof(buf), -EINVAL, false, "bad lifetime", -1, -1);
	tap_ok(fsr_nlerr_decode(nlh, &e) == -EINVAL, "uncapped: errno");
	tap_str(e.msg, "bad lifetime", "uncapped: message after the echo");

	nlh = err_msg(buf, sizeof(buf), -EINVAL, true, NULL,
		      FSR_A_PMK_R1_NAME, -1);
	fsr_nlerr_decode(nlh, &e);
	tap_ok(e.has_miss_type && e.miss_type == FSR_A_PMK_R1_NAME &&
	       !e.has_miss_nest, "missing attribute decoded");
	check_format(&e, "Invalid argument (missing attribute pmk-r1-name)",
		     "missing attribute named");

	nlh = err_msg(buf, sizeof(buf), -EINVAL, true, "Missing attribute",
		      FSR_A_PMK_KEY, -1);
	fsr_nlerr_decode(nlh, &e);
	check_format(&e, "Invalid argument: Missing attribute (missing attribute pmk-key)",
		     "message and missing attribute");

	nlh = err_msg(buf, sizeof(buf), -EINVAL, true, NULL, 3, 20);
	fsr_nlerr_decode(nlh, &e);
	check_format(&e, "Invalid argument (missing attribute 3 in a nested attribute)",
		     "missing nested attribute");

	nlh = err_msg(buf, sizeof(buf), -EINVAL, true, NULL, 250, -1);
	fsr_nlerr_decode(nlh, &e);
	check_format(&e, "Invalid argument (missing attribute 250)",
		     "unknown missing attribute by number");

	nlh = err_msg(buf, sizeof(buf), -ENODEV, true, NULL, -1, -1);
	tap_ok(fsr_nlerr_decode(nlh, &e) == -ENODEV && !e.msg[0],
	       "no TLVs: errno only");
	check_format(&e, "No such device", "no TLVs: formatted");

	/* TLV flag set but the message was cut short */
	nlh = err_msg(buf, sizeof(buf), -EPERM, true, NULL, -1, -1);
	nlh->nlmsg_flags |= NLM_F_ACK_TLVS;
	tap_ok(fsr_nlerr_decode(nlh, &e) == -EPERM && !e.has_miss_type,
	       "TLV flag without TLVs");

	/* an extack message without its NUL is still bounded */
	nlh = err_msg(buf, sizeof(buf), -EINVAL, true, NULL, -1, -1);
	nlh->nlmsg_flags |= NLM_F_ACK_TLVS;
	mnl_attr_put(nlh, NLMSGERR_ATTR_MSG, 3, "abc");
	fsr_nlerr_decode(nlh, &e);
	tap_str(e.msg, "abc", "unterminated message");

	nlh = err_msg(buf, sizeof(buf), -EINVAL, true, NULL, -1, -1);
	nlh->nlmsg_len = MNL_NLMSG_HDRLEN + 4;
	tap_ok(fsr_nlerr_decode(nlh, &e) == -EBADMSG, "truncated nlmsgerr");

	/* end of dump carrying an error and a message */
	memset(buf, 0, sizeof(buf));
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = NLMSG_DONE;
	nlh->nlmsg_flags = NLM_F_MULTI | NLM_F_ACK_TLVS;
	*(int *)mnl_nlmsg_put_extra_header(nlh, sizeof(int)) = -EBUSY;
	mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, "cache busy");
	tap_ok(fsr_nlerr_decode(nlh, &e) == -EBUSY, "done: error");
	tap_str(e.msg, "cache busy", "done: message");

	memset(buf, 0, sizeof(buf));
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = NLMSG_DONE;
	*(int *)mnl_nlmsg_put_extra_header(nlh, sizeof(int)) = 0;
	tap_ok(fsr_nlerr_decode(nlh, &e) == 0, "done: clean end");

	return tap_done();
}
