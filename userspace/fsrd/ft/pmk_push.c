// SPDX-License-Identifier: GPL-2.0-only
/* PMK-R1 push into fsr.ko through the "fsr" generic-netlink family. */
#include <errno.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/fsr.h>
#include <string.h>

#include "fsr_nl.h"
#include "core/ieee80211.h"
#include "drv/fsr_cmd.h"
#include "ft/pmk_push.h"

#define LIFETIME_MAX 0x7fffffffu

/* FSR_CMD_PMK_ADD of r1 for b and spa, made by R0KH-ID r0kh_id. */
static int push_key(const struct fsrd_bss *b, const uint8_t *spa,
		    const struct fsr_ft_pmk_r1 *r1, const uint8_t *pmk_r0_name,
		    const uint8_t *r0kh_id, size_t r0kh_id_len,
		    uint32_t lifetime_s, uint8_t origin, char *err,
		    size_t errlen)
{
	char buf[FSR_NL_SNDBUF];
	struct fsr_nlerr e;
	struct nlmsghdr *req;
	struct fsr_nl *nl;
	uint32_t life;
	int ret;

	ret = fsr_cmd_get(&nl, &e);
	if (ret)
		return ret;
	life = lifetime_s > LIFETIME_MAX ? LIFETIME_MAX : lifetime_s;
	req = fsr_nl_request(nl, buf, FSR_CMD_PMK_ADD);
	mnl_attr_put(req, FSR_A_STA_ADDR, 6, spa);
	mnl_attr_put(req, FSR_A_PMK_R1_NAME, sizeof(r1->name), r1->name);
	mnl_attr_put(req, FSR_A_PMK_R0_NAME, FSR_FT_NAME_LEN, pmk_r0_name);
	mnl_attr_put(req, FSR_A_R0KH_ID, r0kh_id_len, r0kh_id);
	mnl_attr_put(req, FSR_A_R1KH_ID, 6, b->ft.r1kh_id);
	mnl_attr_put_u32(req, FSR_A_AKM, fsrd_sec_ft_akm(b->conf->security));
	mnl_attr_put_u32(req, FSR_A_PAIRWISE, b->conf->pairwise_cipher);
	mnl_attr_put_u32(req, FSR_A_LIFETIME, life ? life : 1);
	mnl_attr_put(req, FSR_A_PMK_KEY, r1->key_len, r1->key);
	mnl_attr_put_u8(req, FSR_A_PMK_ORIGIN, origin);
	ret = fsr_nl_do(nl, req, NULL, NULL, &e);
	fsr_cmd_done(ret);
	/* the request held the key */
	explicit_bzero(buf, sizeof(buf));
	if (ret)
		fsr_nlerr_format(&e, err, errlen);
	return ret;
}

int pmk_push_r1(const struct fsrd_bss *b, const uint8_t *spa,
		const struct fsr_ft_pmk_r0 *r0, uint32_t lifetime_s, char *err,
		size_t errlen)
{
	const struct fsrd_conf *c = b->gconf;
	struct fsr_ft_suite s;
	struct fsr_ft_pmk_r1 r1;
	int ret;

	err[0] = '\0';
	ret = fsr_ft_suite_init(&s, fsrd_sec_ft_akm(b->conf->security),
				b->conf->pairwise_cipher);
	if (!ret)
		ret = fsr_ft_derive_pmk_r1(&s, r0, b->ft.r1kh_id, spa, &r1);
	if (!ret)
		ret = push_key(b, spa, &r1, r0->name, c->r0kh_id,
			       c->r0kh_id_len, lifetime_s,
			       FSR_PMK_ORIGIN_LOCAL, err, errlen);
	explicit_bzero(&r1, sizeof(r1));
	return ret;
}

int pmk_push_r1_key(const struct fsrd_bss *b, const uint8_t *spa,
		    const struct fsr_ft_pmk_r1 *r1, const uint8_t *pmk_r0_name,
		    const uint8_t *r0kh_id, size_t r0kh_id_len,
		    uint32_t lifetime_s, uint8_t origin, char *err,
		    size_t errlen)
{
	err[0] = '\0';
	return push_key(b, spa, r1, pmk_r0_name, r0kh_id, r0kh_id_len,
			lifetime_s, origin, err, errlen);
}

static int flush_count_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == FSR_A_PMK_COUNT &&
		    mnl_attr_get_payload_len(a) == sizeof(uint32_t))
			*(uint32_t *)data = mnl_attr_get_u32(a);
	return MNL_CB_OK;
}

/* cmd (FSR_CMD_PMK_FLUSH or _DEL) for the keys of spa, or the one named
 * pmk_r1_name (NULL: all); cb sees the reply. */
static int sta_request(uint8_t cmd, const uint8_t *spa,
		       const uint8_t *pmk_r1_name, fsr_nl_msg_cb cb, void *data,
		       char *err, size_t errlen)
{
	char buf[FSR_NL_SNDBUF];
	struct fsr_nlerr e;
	struct nlmsghdr *req;
	struct fsr_nl *nl;
	int ret;

	ret = fsr_cmd_get(&nl, &e);
	if (ret)
		return ret;
	req = fsr_nl_request(nl, buf, cmd);
	mnl_attr_put(req, FSR_A_STA_ADDR, 6, spa);
	if (pmk_r1_name)
		mnl_attr_put(req, FSR_A_PMK_R1_NAME, FSR_FT_NAME_LEN,
			     pmk_r1_name);
	ret = fsr_nl_do(nl, req, cb, data, &e);
	fsr_cmd_done(ret);
	if (ret)
		fsr_nlerr_format(&e, err, errlen);
	return ret;
}

int pmk_flush_sta(const uint8_t *spa, uint32_t *removed, char *err,
		  size_t errlen)
{
	err[0] = '\0';
	*removed = 0;
	return sta_request(FSR_CMD_PMK_FLUSH, spa, NULL, flush_count_cb,
			   removed, err, errlen);
}

int pmk_del_r1(const uint8_t *spa, const uint8_t *pmk_r1_name, char *err,
	       size_t errlen)
{
	err[0] = '\0';
	return sta_request(FSR_CMD_PMK_DEL, spa, pmk_r1_name, NULL, NULL, err,
			   errlen);
}
