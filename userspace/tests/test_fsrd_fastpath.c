// SPDX-License-Identifier: GPL-2.0-only
/* Unit tests of fsrd's fast-path logic (fastpath_msg.c): BSS_SET request,
 * events, AID split, adoption keys; and the pieces of the station table
 * and frame builders it relies on. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libmnl/libmnl.h>
#include <linux/fsr.h>
#include <linux/genetlink.h>

#include "drv/fastpath_msg.h"
#include "core/ieee80211.h"
#include "ap/ies.h"
#include "ap/sta_table.h"
#include "tap.h"

static const uint8_t bssid[6] = { 2, 0, 0, 0, 0, 0x10 };
static const uint8_t sta_mac[6] = { 2, 0, 0, 0, 1, 0 };

static void test_aid_pool(void)
{
	uint16_t lo = 0, hi = 0;

	tap_ok(fastpath_aid_pool(128, &lo, &hi) && lo == 129 && hi == 256,
	       "aid pool: max_stations 128 -> 129..256");
	tap_ok(fastpath_aid_pool(1, &lo, &hi) && lo == 2 && hi == 2,
	       "aid pool: max_stations 1 -> 2..2");
	tap_ok(fastpath_aid_pool(1500, &lo, &hi) && lo == 1501 && hi == 2007,
	       "aid pool: capped at 2007");
	tap_ok(fastpath_aid_pool(2006, &lo, &hi) && lo == 2007 && hi == 2007,
	       "aid pool: max_stations 2006 leaves AID 2007");
	tap_ok(!fastpath_aid_pool(2007, &lo, &hi), "aid pool: none left at 2007");
	tap_ok(!fastpath_aid_pool(0, &lo, &hi), "aid pool: none for 0");
}

static void test_deadline(void)
{
	tap_ok(fastpath_deadline_ms(1000) == 1024, "deadline: 1000 TU = 1024 ms");
	tap_ok(fastpath_deadline_ms(65535) == 60000, "deadline: capped at 60 s");
	tap_ok(fastpath_deadline_ms(50) == 100, "deadline: at least 100 ms");
}

static void test_aid_take(void)
{
	struct fsrd_sta_table t;
	unsigned int i;
	bool ok = true;

	sta_table_init(&t, 4);
	tap_ok(sta_aid_take(&t, 7), "aid take: 7 above max_stations 4");
	tap_ok(!sta_aid_take(&t, 7), "aid take: 7 again refused");
	tap_ok(!sta_aid_take(&t, 0) && !sta_aid_take(&t, 2008),
	       "aid take: 0 and 2008 refused");
	tap_ok(sta_aid_take(&t, 2007), "aid take: 2007");
	for (i = 1; i <= 4; i++)
		ok = ok && sta_aid_alloc(&t) == i;
	tap_ok(ok && sta_aid_alloc(&t) == 0,
	       "aid alloc: still 1..max_stations only");
	sta_aid_free(&t, 7);
	tap_ok(sta_aid_take(&t, 7), "aid free: 7 can be taken again");
	tap_ok(!sta_aid_take(&t, 3), "aid take: an allocated AID refused");
}

/* The elements fsrd's own Reassociation Response carries after the
 * fixed fields equal RESP_IES_HEAD + RESP_IES_TAIL (no FT extra). */
static void test_resp_ies(bool ht)
{
	struct fsrd_bss_conf bc;
	struct fsrd_bss_ies b;
	static const uint8_t mdid[2] = { 0xa1, 0xb2 };
	uint8_t f[1024], ies[512];
	int n, h, t;

	memset(&bc, 0, sizeof(bc));
	memcpy(bc.ssid, "fsr-test", 8);
	bc.ssid_len = 8;
	bc.channel = 1;
	bc.freq_mhz = 2412;
	bc.ht = ht;
	bc.security = FSRD_SEC_FT_PSK;
	bc.pairwise_cipher = RSN_SUITE_CCMP;
	bc.beacon_interval = 100;
	bc.dtim_period = 2;
	tap_ok(!fsrd_ies_init(&b, &bc, bssid, mdid), "ies init ft-psk");
	n = fsrd_build_assoc_resp(&b, sta_mac, true, 0, 129, NULL, 0, f,
				  sizeof(f));
	h = fsrd_build_rates(&b, ies, sizeof(ies));
	t = h < 0 ? -1 : fsrd_build_resp_tail(&b, ies + h, sizeof(ies) - h);
	tap_ok(n > 30 && h > 0 && t >= 0 && n - 30 == h + t &&
	       !memcmp(f + 30, ies, (size_t)(h + t)),
	       ht ? "resp head+tail = fsrd's reassoc response elements (HT)" :
		    "resp head+tail = fsrd's reassoc response elements (no HT)");
	tap_ok(ht ? t == 2 + WLAN_HT_CAP_LEN + 2 + WLAN_HT_OP_LEN + 2 + 24 :
		    t == 0, "resp tail: HT cap, HT op, WMM only with HT");
	tap_ok(fsrd_build_resp_tail(&b, ies, 10) == (ht ? -ENOSPC : 0),
	       "resp tail: bounded");
}

struct ft_seen {
	unsigned int mask;
	uint8_t gtk[32];
	size_t gtk_len;
	uint16_t aid_min, aid_max;
	uint32_t deadline;
	uint8_t enable, gtk_idx;
	uint16_t capab;
};

static int ft_cb(const struct nlattr *a, void *data)
{
	struct ft_seen *s = data;
	uint16_t type = mnl_attr_get_type(a);

	if (type > 31)
		return MNL_CB_ERROR;
	s->mask |= 1u << type;
	switch (type) {
	case FSR_FT_A_ENABLE:
		s->enable = mnl_attr_get_u8(a);
		break;
	case FSR_FT_A_GTK:
		s->gtk_len = mnl_attr_get_payload_len(a);
		memcpy(s->gtk, mnl_attr_get_payload(a), s->gtk_len);
		break;
	case FSR_FT_A_GTK_IDX:
		s->gtk_idx = mnl_attr_get_u8(a);
		break;
	case FSR_FT_A_AID_MIN:
		s->aid_min = mnl_attr_get_u16(a);
		break;
	case FSR_FT_A_AID_MAX:
		s->aid_max = mnl_attr_get_u16(a);
		break;
	case FSR_FT_A_DEADLINE_MS:
		s->deadline = mnl_attr_get_u32(a);
		break;
	case FSR_FT_A_CAPAB:
		s->capab = mnl_attr_get_u16(a);
		break;
	}
	return MNL_CB_OK;
}

static struct nlmsghdr *msg_start(void *buf, uint8_t cmd)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));

	nlh->nlmsg_type = 0x20;
	g->cmd = cmd;
	g->version = FSR_GENL_VERSION;
	return nlh;
}

static void test_bss_set(void)
{
	static const uint8_t mde[5] = { 54, 3, 0xa1, 0xb2, 0 };
	static const uint8_t rsne[] = {
		48, 20, 1, 0, 0x00, 0x0f, 0xac, 4, 1, 0, 0x00, 0x0f, 0xac, 4,
		1, 0, 0x00, 0x0f, 0xac, 4, 0, 0,
	};
	static const uint8_t head[] = { 1, 2, 0x82, 0x84 };
	static const uint8_t gtk[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
	uint8_t buf[1024];
	struct fastpath_cfg c = {
		.enable = true, .mde = mde, .r1kh_id = bssid, .rsne = rsne,
		.rsne_len = sizeof(rsne), .capab = 0x0411, .head = head,
		.head_len = sizeof(head), .tail = head, .tail_len = 0,
		.aid_min = 129, .aid_max = 256, .deadline_ms = 1024,
		.gtk = gtk, .gtk_len = 16, .gtk_idx = 1,
	};
	struct ft_seen s = { 0 };
	const struct nlattr *a, *ft = NULL;
	struct nlmsghdr *nlh;
	uint32_t ifindex = 0;
	unsigned int want;

	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_BSS_SET);
	tap_ok(!fastpath_put_bss_set(nlh, sizeof(buf), 7, &c),
	       "bss_set: request built");
	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) == FSR_A_IFINDEX)
			ifindex = mnl_attr_get_u32(a);
		if (mnl_attr_get_type(a) == FSR_A_FT)
			ft = a;
	}
	tap_ok(ifindex == 7 && ft, "bss_set: ifindex and FT nest");
	if (ft)
		mnl_attr_parse_nested(ft, ft_cb, &s);
	want = 1u << FSR_FT_A_ENABLE | 1u << FSR_FT_A_MDE |
	       1u << FSR_FT_A_R1KH_ID | 1u << FSR_FT_A_RSNE |
	       1u << FSR_FT_A_CAPAB | 1u << FSR_FT_A_RESP_IES_HEAD |
	       1u << FSR_FT_A_RESP_IES_TAIL | 1u << FSR_FT_A_AID_MIN |
	       1u << FSR_FT_A_AID_MAX | 1u << FSR_FT_A_DEADLINE_MS |
	       1u << FSR_FT_A_GTK | 1u << FSR_FT_A_GTK_IDX;
	tap_ok(s.mask == want, "bss_set: every FT attribute, nothing else");
	tap_ok(s.enable == 1 && s.aid_min == 129 && s.aid_max == 256 &&
	       s.deadline == 1024 && s.capab == 0x0411,
	       "bss_set: values");
	tap_ok(s.gtk_len == 16 && !memcmp(s.gtk, gtk, 16) && s.gtk_idx == 1,
	       "bss_set: GTK and index");

	/* a GTK change only */
	memset(&s, 0, sizeof(s));
	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_BSS_SET);
	{
		struct fastpath_cfg g = { .enable = true, .gtk = gtk,
					  .gtk_len = 16, .gtk_idx = 2 };

		tap_ok(!fastpath_put_bss_set(nlh, sizeof(buf), 7, &g),
		       "bss_set: GTK-only request built");
	}
	ft = NULL;
	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == FSR_A_FT)
			ft = a;
	if (ft)
		mnl_attr_parse_nested(ft, ft_cb, &s);
	tap_ok(s.mask == (1u << FSR_FT_A_ENABLE | 1u << FSR_FT_A_GTK |
			  1u << FSR_FT_A_GTK_IDX) && s.gtk_idx == 2,
	       "bss_set: GTK-only carries ENABLE, GTK, GTK_IDX");

	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_BSS_SET);
	tap_ok(fastpath_put_bss_set(nlh, 64, 7, &c) == -ENOSPC,
	       "bss_set: -ENOSPC when it does not fit");
	c.gtk_len = 20;
	tap_ok(fastpath_put_bss_set(nlh, sizeof(buf), 7, &c) == -EINVAL,
	       "bss_set: GTK of 20 octets refused");
	c.gtk_len = 16;
	c.gtk_idx = 0;
	tap_ok(fastpath_put_bss_set(nlh, sizeof(buf), 7, &c) == -EINVAL,
	       "bss_set: GTK index 0 refused");
	c.gtk_idx = 1;
	c.aid_max = 2008;
	tap_ok(fastpath_put_bss_set(nlh, sizeof(buf), 7, &c) == -EINVAL,
	       "bss_set: AID 2008 refused");
}

static uint8_t r0name[16] = { 0xaa, 1, 2, 3 };

static struct nlmsghdr *served_event(void *buf, const uint8_t *r1name,
				     const uint8_t *anonce,
				     const uint8_t *snonce)
{
	struct nlmsghdr *nlh;

	memset(buf, 0, 1024);
	nlh = msg_start(buf, FSR_CMD_STA_NTF);
	mnl_attr_put_u8(nlh, FSR_A_EVENT, FSR_EVENT_FT_STA_SERVED);
	mnl_attr_put_u32(nlh, FSR_A_IFINDEX, 9);
	mnl_attr_put(nlh, FSR_A_STA_ADDR, 6, sta_mac);
	mnl_attr_put_u16(nlh, FSR_A_AID, 130);
	mnl_attr_put_u32(nlh, FSR_A_AKM, FSR_AKM_FT_PSK);
	mnl_attr_put_u32(nlh, FSR_A_PAIRWISE, FSR_CIPHER_CCMP_128);
	mnl_attr_put(nlh, FSR_A_PMK_R0_NAME, 16, r0name);
	mnl_attr_put(nlh, FSR_A_PMK_R1_NAME, 16, r1name);
	mnl_attr_put(nlh, FSR_A_R0KH_ID, 16, "fsrd.lab.exampl");
	mnl_attr_put(nlh, FSR_A_ANONCE, 32, anonce);
	mnl_attr_put(nlh, FSR_A_SNONCE, 32, snonce);
	mnl_attr_put_u8(nlh, FSR_A_GTK_IDX, 2);
	mnl_attr_put_u64(nlh, FSR_A_SERVICE_NS, 123456);
	mnl_attr_put_u32(nlh, 200, 1);	/* unknown: skipped */
	return nlh;
}

static void test_events(void)
{
	uint8_t buf[1024], an[32], sn[32], r1n[16];
	struct fastpath_event ev;
	struct nlmsghdr *nlh;

	memset(an, 0x11, sizeof(an));
	memset(sn, 0x22, sizeof(sn));
	memset(r1n, 0x33, sizeof(r1n));
	nlh = served_event(buf, r1n, an, sn);
	tap_ok(!fastpath_parse_event(nlh, &ev), "event: FT_STA_SERVED parsed");
	tap_ok(ev.cmd == FSR_CMD_STA_NTF &&
	       ev.event == FSR_EVENT_FT_STA_SERVED &&
	       (ev.have & FP_HAVE_ADOPT) == FP_HAVE_ADOPT &&
	       (ev.have & FP_HAVE_SERVICE_NS),
	       "event: everything adoption needs is there");
	tap_ok(ev.ifindex == 9 && !memcmp(ev.sta, sta_mac, 6) &&
	       ev.aid == 130 && ev.akm == FSR_AKM_FT_PSK &&
	       ev.pairwise == FSR_CIPHER_CCMP_128 && ev.gtk_idx == 2 &&
	       ev.service_ns == 123456 && ev.r0kh_id_len == 16 &&
	       !memcmp(ev.anonce, an, 32) && !memcmp(ev.snonce, sn, 32) &&
	       !memcmp(ev.pmk_r1_name, r1n, 16) &&
	       !memcmp(ev.pmk_r0_name, r0name, 16),
	       "event: values");

	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_STA_NTF);
	mnl_attr_put_u8(nlh, FSR_A_EVENT, FSR_EVENT_FT_STA_SERVED);
	mnl_attr_put(nlh, FSR_A_STA_ADDR, 6, sta_mac);
	mnl_attr_put_u32(nlh, FSR_A_IFINDEX, 9);
	tap_ok(!fastpath_parse_event(nlh, &ev) &&
	       (ev.have & FP_HAVE_ADOPT) != FP_HAVE_ADOPT,
	       "event: an incomplete FT_STA_SERVED is recognised");

	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_STA_NTF);
	mnl_attr_put(nlh, FSR_A_ANONCE, 31, an);
	tap_ok(fastpath_parse_event(nlh, &ev) == -EBADMSG,
	       "event: a short ANonce is malformed");
	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_STA_NTF);
	mnl_attr_put(nlh, FSR_A_R0KH_ID, 49, buf + 512);
	tap_ok(fastpath_parse_event(nlh, &ev) == -EBADMSG,
	       "event: an R0KH-ID of 49 octets is malformed");
	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_STA_NTF);
	mnl_attr_put_u32(nlh, FSR_A_AID, 5);
	tap_ok(fastpath_parse_event(nlh, &ev) == -EBADMSG,
	       "event: an AID of 4 octets is malformed");

	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_STA_NTF);
	mnl_attr_put_u8(nlh, FSR_A_EVENT, FSR_EVENT_FT_PASSED);
	mnl_attr_put_u8(nlh, FSR_A_WHY, FSR_WHY_NO_PMK);
	tap_ok(!fastpath_parse_event(nlh, &ev) &&
	       ev.event == FSR_EVENT_FT_PASSED && ev.why == FSR_WHY_NO_PMK,
	       "event: FT_PASSED with its why");
}

/* The station's keys as the kernel derived them, and as fsrd re-derives
 * them from its PMK-R0 and the event. */
static void test_adopt_keys(void)
{
	static const uint8_t xxkey[32] = { 0x42, 0x42, 0x42 };
	static const uint8_t mdid[2] = { 0xa1, 0xb2 };
	static const char r0kh[] = "fsrd.lab.example";
	uint8_t buf[1024], an[32], sn[32];
	struct fsr_ft_pmk_r0 r0;
	struct fsr_ft_pmk_r1 r1;
	struct fsr_ft_suite s;
	struct fsr_ft_ptk kptk, ptk;
	struct fastpath_event ev;

	memset(an, 0x11, sizeof(an));
	memset(sn, 0x22, sizeof(sn));
	fsr_ft_suite_init(&s, FSR_FT_AKM_PSK, FSR_FT_CIPHER_CCMP_128);
	tap_ok(!fsr_ft_derive_pmk_r0(&s, xxkey, 32, (const uint8_t *)"fsr", 3,
				     mdid, (const uint8_t *)r0kh,
				     strlen(r0kh), sta_mac, &r0),
	       "adopt: PMK-R0 of the initial association");
	/* the kernel's side: the PMK-R1 fsrd pushed, the PTK it derived */
	fsr_ft_derive_pmk_r1(&s, &r0, bssid, sta_mac, &r1);
	fsr_ft_derive_ptk(&s, r1.key, r1.key_len, r1.name, sn, an, bssid,
			  sta_mac, &kptk);

	memcpy(r0name, r0.name, 16);
	fastpath_parse_event(served_event(buf, r1.name, an, sn), &ev);
	memcpy(ev.pmk_r0_name, r0.name, 16);
	tap_ok(!fastpath_adopt_keys(&r0, FSR_FT_CIPHER_CCMP_128, bssid, bssid,
				    &ev, &ptk),
	       "adopt: keys derived");
	tap_ok(ptk.kck_len == 16 && ptk.kek_len == 16 &&
	       !memcmp(ptk.kck, kptk.kck, 16) &&
	       !memcmp(ptk.kek, kptk.kek, 16) &&
	       !memcmp(ptk.tk, kptk.tk, 16),
	       "adopt: KCK, KEK, TK equal the kernel's");

	ev.anonce[0] ^= 1;
	fastpath_adopt_keys(&r0, FSR_FT_CIPHER_CCMP_128, bssid, bssid, &ev,
			    &ptk);
	tap_ok(memcmp(ptk.kck, kptk.kck, 16) != 0,
	       "adopt: another ANonce, another KCK");
	ev.anonce[0] ^= 1;

	ev.pmk_r1_name[0] ^= 1;
	tap_ok(fastpath_adopt_keys(&r0, FSR_FT_CIPHER_CCMP_128, bssid, bssid,
				   &ev, &ptk) == -EKEYREJECTED &&
	       ptk.kck_len == 0,
	       "adopt: a PMKR1Name fsrd does not derive is rejected, no keys");
	ev.pmk_r1_name[0] ^= 1;
	ev.pmk_r0_name[0] ^= 1;
	tap_ok(fastpath_adopt_keys(&r0, FSR_FT_CIPHER_CCMP_128, bssid, bssid,
				   &ev, &ptk) == -EKEYREJECTED,
	       "adopt: another PMKR0Name is rejected");
	ev.pmk_r0_name[0] ^= 1;
	tap_ok(fastpath_adopt_keys(&r0, FSR_FT_CIPHER_CCMP_128, sta_mac,
				   bssid, &ev, &ptk) == -EKEYREJECTED,
	       "adopt: the PMK-R1 of another R1KH-ID is rejected");

	/* a PMK-R1 another host's R0KH pushed (keys/r1_store.c) */
	memset(&ptk, 0, sizeof(ptk));
	tap_ok(!fastpath_adopt_keys_r1(&r1, FSR_FT_CIPHER_CCMP_128, bssid, &ev,
				       &ptk) &&
	       !memcmp(ptk.kck, kptk.kck, 16) &&
	       !memcmp(ptk.kek, kptk.kek, 16) &&
	       !memcmp(ptk.tk, kptk.tk, 16),
	       "adopt from a received PMK-R1: KCK, KEK, TK equal the kernel's");
	ev.pmk_r1_name[0] ^= 1;
	tap_ok(fastpath_adopt_keys_r1(&r1, FSR_FT_CIPHER_CCMP_128, bssid, &ev,
				      &ptk) == -EKEYREJECTED &&
	       ptk.kck_len == 0,
	       "adopt from a received PMK-R1: another PMKR1Name is rejected");
	ev.pmk_r1_name[0] ^= 1;
	r1.key_len = 48;
	tap_ok(fastpath_adopt_keys_r1(&r1, FSR_FT_CIPHER_CCMP_128, bssid, &ev,
				      &ptk) == -EKEYREJECTED,
	       "adopt from a received PMK-R1: a key length the AKM does not use is rejected");
	explicit_bzero(&r0, sizeof(r0));
	explicit_bzero(&r1, sizeof(r1));
}

/* FT_DS_REQUEST: the request, and each shape of reply */
static void test_ds(void)
{
	static const uint8_t ies[] = { 54, 3, 0xa1, 0xb2, 1, 55, 2, 0, 0 };
	uint8_t buf[2048], big[FSR_DS_IES_MAX + 1];
	struct fastpath_ds_reply r;
	const struct nlattr *a;
	struct nlmsghdr *nlh;
	unsigned int seen = 0;

	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_FT_DS_REQUEST);
	tap_ok(!fastpath_put_ds_request(nlh, sizeof(buf), 7, sta_mac, ies,
					sizeof(ies)), "ds: request built");
	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		uint16_t t = mnl_attr_get_type(a);

		if (t == FSR_A_IFINDEX && mnl_attr_get_u32(a) == 7)
			seen |= 1;
		if (t == FSR_A_STA_ADDR &&
		    !memcmp(mnl_attr_get_payload(a), sta_mac, 6))
			seen |= 2;
		if (t == FSR_A_IES && mnl_attr_get_payload_len(a) == sizeof(ies) &&
		    !memcmp(mnl_attr_get_payload(a), ies, sizeof(ies)))
			seen |= 4;
	}
	tap_ok(seen == 7, "ds: ifindex, station and elements in the request");
	memset(big, 0xdd, sizeof(big));
	nlh = msg_start(buf, FSR_CMD_FT_DS_REQUEST);
	tap_ok(fastpath_put_ds_request(nlh, sizeof(buf), 7, sta_mac, big,
				       sizeof(big)) == -EINVAL,
	       "ds: elements longer than FSR_DS_IES_MAX refused");
	nlh = msg_start(buf, FSR_CMD_FT_DS_REQUEST);
	tap_ok(fastpath_put_ds_request(nlh, sizeof(buf), 7, sta_mac, ies, 1) ==
	       -EINVAL, "ds: an empty element list refused");
	nlh = msg_start(buf, FSR_CMD_FT_DS_REQUEST);
	tap_ok(fastpath_put_ds_request(nlh, 40, 7, sta_mac, ies,
				       sizeof(ies)) == -ENOSPC,
	       "ds: -ENOSPC when the buffer is too small");

	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_FT_DS_REQUEST);
	mnl_attr_put(nlh, FSR_A_IES, sizeof(ies), ies);
	tap_ok(!fastpath_parse_ds_reply(nlh, &r) && r.served &&
	       r.ies_len == sizeof(ies) && !memcmp(r.ies, ies, sizeof(ies)),
	       "ds reply: served, the elements");
	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_FT_DS_REQUEST);
	mnl_attr_put_u8(nlh, FSR_A_WHY, FSR_WHY_NO_PMK);
	tap_ok(!fastpath_parse_ds_reply(nlh, &r) && !r.served &&
	       r.why == FSR_WHY_NO_PMK, "ds reply: passed, with why");
	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_FT_DS_REQUEST);
	tap_ok(fastpath_parse_ds_reply(nlh, &r) == -EBADMSG,
	       "ds reply: neither elements nor why: -EBADMSG");
	mnl_attr_put_u8(nlh, FSR_A_WHY, FSR_WHY_NO_PMK);
	mnl_attr_put(nlh, FSR_A_IES, sizeof(ies), ies);
	tap_ok(fastpath_parse_ds_reply(nlh, &r) == -EBADMSG,
	       "ds reply: both: -EBADMSG");
	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_FT_DS_REQUEST);
	mnl_attr_put_u16(nlh, FSR_A_WHY, 4);
	tap_ok(fastpath_parse_ds_reply(nlh, &r) == -EBADMSG,
	       "ds reply: a why of the wrong size: -EBADMSG");
	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_FT_DS_REQUEST);
	mnl_attr_put(nlh, FSR_A_IES, 1, ies);
	tap_ok(fastpath_parse_ds_reply(nlh, &r) == -EBADMSG,
	       "ds reply: a one-octet element list: -EBADMSG");
	memset(buf, 0, sizeof(buf));
	nlh = msg_start(buf, FSR_CMD_STA_NTF);
	mnl_attr_put(nlh, FSR_A_IES, sizeof(ies), ies);
	tap_ok(fastpath_parse_ds_reply(nlh, &r) == -EBADMSG,
	       "ds reply: another command's message: -EBADMSG");
}

int main(void)
{
	test_aid_pool();
	test_deadline();
	test_aid_take();
	test_resp_ies(true);
	test_resp_ies(false);
	test_bss_set();
	test_events();
	test_adopt_keys();
	test_ds();
	return tap_done();
}
