// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <libmnl/libmnl.h>

#include "fsr_names.h"
#include "fsr_nlerr.h"

void fsr_nlerr_clear(struct fsr_nlerr *e)
{
	memset(e, 0, sizeof(*e));
}

static int tlv_cb(const struct nlattr *a, void *data)
{
	struct fsr_nlerr *e = data;
	const char *s;
	size_t len;

	switch (mnl_attr_get_type(a)) {
	case NLMSGERR_ATTR_MSG:
		s = mnl_attr_get_payload(a);
		len = strnlen(s, mnl_attr_get_payload_len(a));
		if (len >= sizeof(e->msg))
			len = sizeof(e->msg) - 1;
		memcpy(e->msg, s, len);
		e->msg[len] = '\0';
		break;
	case NLMSGERR_ATTR_MISS_TYPE:
		if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
			break;
		e->has_miss_type = true;
		e->miss_type = mnl_attr_get_u32(a);
		break;
	case NLMSGERR_ATTR_MISS_NEST:
		if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
			break;
		e->has_miss_nest = true;
		e->miss_nest = mnl_attr_get_u32(a);
		break;
	case NLMSGERR_ATTR_OFFS:
		if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
			break;
		e->has_offs = true;
		e->offs = mnl_attr_get_u32(a);
		break;
	default:
		break;
	}
	return MNL_CB_OK;
}

/* Extended-ack TLVs start at @off bytes into the payload of @nlh. */
static void decode_tlvs(const struct nlmsghdr *nlh, size_t off,
			struct fsr_nlerr *e)
{
	size_t plen = mnl_nlmsg_get_payload_len(nlh);

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) || off >= plen)
		return;
	mnl_attr_parse_payload((const char *)mnl_nlmsg_get_payload(nlh) + off,
			       plen - off, tlv_cb, e);
}

int fsr_nlerr_decode(const struct nlmsghdr *nlh, struct fsr_nlerr *e)
{
	size_t plen;
	size_t off;
	int error;

	fsr_nlerr_clear(e);
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN)
		return -EBADMSG;
	plen = mnl_nlmsg_get_payload_len(nlh);

	if (nlh->nlmsg_type == NLMSG_DONE) {
		/* an old kernel may end a dump with no payload at all */
		if (plen < sizeof(int))
			return 0;
		memcpy(&error, mnl_nlmsg_get_payload(nlh), sizeof(error));
		off = sizeof(int);
	} else if (nlh->nlmsg_type == NLMSG_ERROR) {
		const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);

		if (plen < sizeof(*err))
			return -EBADMSG;
		error = err->error;
		if (nlh->nlmsg_flags & NLM_F_CAPPED)
			off = sizeof(*err);
		else
			off = sizeof(err->error) +
			      MNL_ALIGN(err->msg.nlmsg_len);
	} else {
		return -EBADMSG;
	}

	if (error > 0)
		error = -error;
	if (error == 0)
		return 0;
	e->code = -error;
	decode_tlvs(nlh, off, e);
	return error;
}

void fsr_nlerr_format(const struct fsr_nlerr *e, char *buf, size_t size)
{
	const char *name;
	size_t n;

	n = (size_t)snprintf(buf, size, "%s", strerror(e->code));
	if (n < size && e->msg[0])
		n += (size_t)snprintf(buf + n, size - n, ": %s", e->msg);
	if (n >= size || !e->has_miss_type)
		return;
	name = NULL;
	if (!e->has_miss_nest && e->miss_type <= UINT16_MAX)
		name = fsr_attr_name((uint16_t)e->miss_type);
	if (name)
		snprintf(buf + n, size - n, " (missing attribute %s)", name);
	else if (e->has_miss_nest)
		snprintf(buf + n, size - n,
			 " (missing attribute %u in a nested attribute)",
			 e->miss_type);
	else
		snprintf(buf + n, size - n, " (missing attribute %u)",
			 e->miss_type);
}
