// SPDX-License-Identifier: GPL-2.0
/*
 * Selftest of the "fsr" generic-netlink family: permissions, strict policies
 * with extack messages, the PMK-R1 cache (add, replace, dump, delete, flush,
 * expiry, size bound, interrupted dumps), BSS attach/detach, the FT fast-path
 * configuration (BSS_SET), events, and that no reply, dump or event ever
 * carries key bytes (PMK-R1s or the GTK).
 *
 * Usage: fsr_genl AP_IFNAME STA_IFNAME PMK_MAX
 *   AP_IFNAME  a mac80211 interface in AP mode, not attached
 *   STA_IFNAME a mac80211 interface in station mode
 *   PMK_MAX    the module's pmk_max parameter (>= 64)
 * Prints TAP; exits 1 if any check failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <net/if.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <linux/fsr.h>

#include "nl.h"

static int ntests, nfailed;

static void tap(bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", ok ? "" : "not ", ++ntests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (!ok)
		nfailed++;
}

/* --- test data -------------------------------------------------------- */

struct pmk {
	uint8_t sta[6];
	uint8_t r1name[16];
	uint8_t r0name[16];
	const char *r0kh;
	uint8_t r1kh[6];
	uint32_t akm;
	uint32_t cipher;
	uint32_t lifetime;
	uint8_t key[48];
	size_t keylen;
	uint8_t origin;		/* 0: not sent */
};

static void make_pmk(struct pmk *p, int sta, int n)
{
	memset(p, 0, sizeof(*p));
	p->sta[0] = 0x02;
	p->sta[4] = (uint8_t)(sta >> 8);
	p->sta[5] = (uint8_t)sta;
	for (int i = 0; i < 16; i++) {
		p->r1name[i] = (uint8_t)(0x10 + n + i);
		p->r0name[i] = (uint8_t)(0x80 + n + i);
	}
	p->r0kh = "r0kh.example";
	memcpy(p->r1kh, "\x02\x00\x00\x00\x01\x00", 6);
	p->akm = FSR_AKM_FT_PSK;
	p->cipher = FSR_CIPHER_CCMP_128;
	p->lifetime = 3600;
	p->keylen = 32;
	/* A key pattern that cannot occur by chance in a message. */
	for (int i = 0; i < 48; i++)
		p->key[i] = (uint8_t)(0xa5 ^ (i * 29) ^ (n * 3) ^ sta);
}

/* The keys written so far: no received byte stream may contain them. */
static struct pmk written[512];
static int nwritten;

static bool contains_key(const unsigned char *buf, size_t len)
{
	for (int k = 0; k < nwritten; k++)
		for (size_t off = 0; off + 8 <= written[k].keylen; off += 8)
			if (memmem(buf, len, written[k].key + off, 8))
				return true;
	return false;
}

static int leaks;

static void scan_rx(void)
{
	if (contains_key(nl_last_rx, nl_last_rx_len))
		leaks++;
}

/* Which attributes of PMK_ADD to send, and how to spoil them. */
enum spoil {
	SP_NONE, SP_NO_STA, SP_STA_LEN, SP_R1NAME_LEN, SP_R0NAME_LEN,
	SP_R0KH_EMPTY, SP_R0KH_LONG, SP_R1KH_LEN, SP_AKM, SP_CIPHER,
	SP_LIFETIME0, SP_KEY_SHORT, SP_KEY_LONG, SP_KEY_384_FOR_PSK,
	SP_KEY_256_FOR_384, SP_FOREIGN_ATTR, SP_UNKNOWN_ATTR, SP_NO_KEY,
	SP_AKM_TYPE, SP_ORIGIN_BIG,
};

static const char *const spoil_name[] = {
	[SP_NO_STA] = "missing station address",
	[SP_STA_LEN] = "5-byte station address",
	[SP_R1NAME_LEN] = "15-byte PMKR1Name",
	[SP_R0NAME_LEN] = "17-byte PMKR0Name",
	[SP_R0KH_EMPTY] = "empty R0KH-ID",
	[SP_R0KH_LONG] = "49-byte R0KH-ID",
	[SP_R1KH_LEN] = "7-byte R1KH-ID",
	[SP_AKM] = "non-FT AKM 00-0f-ac:2",
	[SP_CIPHER] = "TKIP pairwise cipher",
	[SP_LIFETIME0] = "lifetime 0",
	[SP_KEY_SHORT] = "31-byte key",
	[SP_KEY_LONG] = "49-byte key",
	[SP_KEY_384_FOR_PSK] = "48-byte key with FT-PSK",
	[SP_KEY_256_FOR_384] = "32-byte key with FT-802.1X-SHA384",
	[SP_FOREIGN_ATTR] = "attribute of another operation (IFINDEX)",
	[SP_UNKNOWN_ATTR] = "attribute type beyond the family's maximum",
	[SP_NO_KEY] = "missing key",
	[SP_AKM_TYPE] = "AKM as u16 instead of u32",
	[SP_ORIGIN_BIG] = "origin beyond FSR_PMK_ORIGIN_MAX",
};

static struct nlmsghdr *pmk_add_msg(struct nl *nl, char *buf,
				    const struct pmk *p, enum spoil sp)
{
	struct nlmsghdr *nlh = nl_msg(nl, buf, FSR_CMD_PMK_ADD, 0);
	char longid[49];
	size_t keylen = p->keylen;
	uint32_t akm = p->akm;

	memset(longid, 'x', sizeof(longid));
	if (sp != SP_NO_STA)
		mnl_attr_put(nlh, FSR_A_STA_ADDR, sp == SP_STA_LEN ? 5 : 6, p->sta);
	mnl_attr_put(nlh, FSR_A_PMK_R1_NAME, sp == SP_R1NAME_LEN ? 15 : 16,
		     p->r1name);
	mnl_attr_put(nlh, FSR_A_PMK_R0_NAME, sp == SP_R0NAME_LEN ? 17 : 16,
		     p->r0name);
	if (sp == SP_R0KH_EMPTY)
		mnl_attr_put(nlh, FSR_A_R0KH_ID, 0, "");
	else if (sp == SP_R0KH_LONG)
		mnl_attr_put(nlh, FSR_A_R0KH_ID, 49, longid);
	else
		mnl_attr_put(nlh, FSR_A_R0KH_ID, strlen(p->r0kh), p->r0kh);
	mnl_attr_put(nlh, FSR_A_R1KH_ID, sp == SP_R1KH_LEN ? 7 : 6, p->r1kh);
	if (sp == SP_AKM)
		akm = 0x000fac02;
	if (sp == SP_KEY_256_FOR_384)
		akm = FSR_AKM_FT_8021X_SHA384;
	if (sp == SP_AKM_TYPE)
		mnl_attr_put_u16(nlh, FSR_A_AKM, 4);
	else
		mnl_attr_put_u32(nlh, FSR_A_AKM, akm);
	mnl_attr_put_u32(nlh, FSR_A_PAIRWISE,
			 sp == SP_CIPHER ? 0x000fac02 : p->cipher);
	mnl_attr_put_u32(nlh, FSR_A_LIFETIME, sp == SP_LIFETIME0 ? 0 : p->lifetime);
	if (sp == SP_KEY_SHORT)
		keylen = 31;
	else if (sp == SP_KEY_LONG)
		keylen = 49;
	else if (sp == SP_KEY_384_FOR_PSK)
		keylen = 48;
	if (sp != SP_NO_KEY)
		mnl_attr_put(nlh, FSR_A_PMK_KEY, keylen, p->key);
	if (sp == SP_ORIGIN_BIG)
		mnl_attr_put_u8(nlh, FSR_A_PMK_ORIGIN, FSR_PMK_ORIGIN_MAX + 1);
	else if (p->origin)
		mnl_attr_put_u8(nlh, FSR_A_PMK_ORIGIN, p->origin);
	if (sp == SP_FOREIGN_ATTR)
		mnl_attr_put_u32(nlh, FSR_A_IFINDEX, 1);
	if (sp == SP_UNKNOWN_ATTR)
		mnl_attr_put_u32(nlh, FSR_A_MAX + 1, 1);
	return nlh;
}

static bool reply_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	(void)data;
	scan_rx();
	return true;
}

static int pmk_add(struct nl *nl, const struct pmk *p, struct nl_ack *ack)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nl_ack local;

	if (!ack)
		ack = &local;
	if (nwritten < (int)(sizeof(written) / sizeof(written[0])))
		written[nwritten++] = *p;
	return nl_talk(nl, pmk_add_msg(nl, buf, p, SP_NONE), reply_cb, NULL, ack);
}

static int pmk_del(struct nl *nl, const struct pmk *p, struct nl_ack *ack)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh = nl_msg(nl, buf, FSR_CMD_PMK_DEL, 0);

	mnl_attr_put(nlh, FSR_A_STA_ADDR, 6, p->sta);
	mnl_attr_put(nlh, FSR_A_PMK_R1_NAME, 16, p->r1name);
	return nl_talk(nl, nlh, reply_cb, NULL, ack);
}

struct count {
	uint32_t count;
};

static bool count_cb(const struct nlmsghdr *nlh, void *data)
{
	struct count *c = data;
	const struct nlattr *a;

	scan_rx();
	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == FSR_A_PMK_COUNT)
			c->count = mnl_attr_get_u32(a);
	return true;
}

static int pmk_flush(struct nl *nl, const uint8_t *sta, uint32_t *count,
		     struct nl_ack *ack)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh = nl_msg(nl, buf, FSR_CMD_PMK_FLUSH, 0);
	struct count c = { .count = ~0u };
	int err;

	if (sta)
		mnl_attr_put(nlh, FSR_A_STA_ADDR, 6, sta);
	err = nl_talk(nl, nlh, count_cb, &c, ack);
	if (count)
		*count = c.count;
	return err;
}

/* --- dump ------------------------------------------------------------- */

struct dumped {
	int n;
	struct pmk e[600];
	bool all_fields;	/* every entry had every documented attribute */
	bool key_attr;		/* some entry carried FSR_A_PMK_KEY */
};

static bool dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct dumped *d = data;
	struct pmk *p = &d->e[d->n < 600 ? d->n : 599];
	const struct nlattr *a;
	uint64_t seen = 0;

	scan_rx();
	memset(p, 0, sizeof(*p));
	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		int t = mnl_attr_get_type(a);

		if (t < 64)
			seen |= 1ull << t;
		switch (t) {
		case FSR_A_STA_ADDR:
			memcpy(p->sta, mnl_attr_get_payload(a), 6);
			break;
		case FSR_A_PMK_R1_NAME:
			memcpy(p->r1name, mnl_attr_get_payload(a), 16);
			break;
		case FSR_A_PMK_R0_NAME:
			memcpy(p->r0name, mnl_attr_get_payload(a), 16);
			break;
		case FSR_A_R1KH_ID:
			memcpy(p->r1kh, mnl_attr_get_payload(a), 6);
			break;
		case FSR_A_AKM:
			p->akm = mnl_attr_get_u32(a);
			break;
		case FSR_A_PAIRWISE:
			p->cipher = mnl_attr_get_u32(a);
			break;
		case FSR_A_LIFETIME:
			p->lifetime = mnl_attr_get_u32(a);
			break;
		case FSR_A_PMK_ORIGIN:
			p->origin = mnl_attr_get_u8(a);
			break;
		case FSR_A_PMK_KEY:
			d->key_attr = true;
			break;
		}
	}
	uint64_t need = 1ull << FSR_A_STA_ADDR | 1ull << FSR_A_PMK_R1_NAME |
			1ull << FSR_A_PMK_R0_NAME | 1ull << FSR_A_R0KH_ID |
			1ull << FSR_A_R1KH_ID | 1ull << FSR_A_AKM |
			1ull << FSR_A_PAIRWISE | 1ull << FSR_A_LIFETIME |
			1ull << FSR_A_PMK_ORIGIN;
	if ((seen & need) != need)
		d->all_fields = false;
	d->n++;
	return true;
}

static int pmk_dump(struct nl *nl, struct dumped *d, struct nl_ack *ack)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];

	memset(d, 0, sizeof(*d));
	d->all_fields = true;
	return nl_talk(nl, nl_msg(nl, buf, FSR_CMD_PMK_GET, NLM_F_DUMP),
		       dump_cb, d, ack);
}

static const struct pmk *find(const struct dumped *d, const struct pmk *p)
{
	for (int i = 0; i < d->n; i++)
		if (!memcmp(d->e[i].sta, p->sta, 6) &&
		    !memcmp(d->e[i].r1name, p->r1name, 16))
			return &d->e[i];
	return NULL;
}

/* --- events ----------------------------------------------------------- */

struct event {
	int cmd, ev, reason;
	uint8_t sta[6];
	uint8_t r1name[16];
	uint32_t ifindex;
};

static struct event events[1024];
static int nevents;

static bool event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);
	struct event *e = &events[nevents < 1023 ? nevents : 1023];
	const struct nlattr *a;

	(void)data;
	scan_rx();
	memset(e, 0, sizeof(*e));
	e->cmd = g->cmd;
	mnl_attr_for_each(a, nlh, sizeof(*g)) {
		switch (mnl_attr_get_type(a)) {
		case FSR_A_EVENT:
			e->ev = mnl_attr_get_u8(a);
			break;
		case FSR_A_REASON:
			e->reason = mnl_attr_get_u8(a);
			break;
		case FSR_A_STA_ADDR:
			memcpy(e->sta, mnl_attr_get_payload(a), 6);
			break;
		case FSR_A_PMK_R1_NAME:
			memcpy(e->r1name, mnl_attr_get_payload(a), 16);
			break;
		case FSR_A_IFINDEX:
			e->ifindex = mnl_attr_get_u32(a);
			break;
		}
	}
	nevents++;
	return true;
}

static void drain_events(struct nl *ev, int ms)
{
	while (nl_next_event(ev, ms, event_cb, NULL))
		;
}

static const struct event *find_event(int evtype, int reason, const struct pmk *p)
{
	for (int i = 0; i < nevents && i < 1024; i++) {
		const struct event *e = &events[i];

		if (e->ev != evtype || (reason && e->reason != reason))
			continue;
		if (p && (memcmp(e->sta, p->sta, 6) ||
			  memcmp(e->r1name, p->r1name, 16)))
			continue;
		return e;
	}
	return NULL;
}

/* --- tests ------------------------------------------------------------ */

struct info {
	bool version, hook;
	uint32_t pmk_max, pmk_count;
};

static bool info_cb(const struct nlmsghdr *nlh, void *data)
{
	struct info *in = data;
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		switch (mnl_attr_get_type(a)) {
		case FSR_A_VERSION:
			in->version = true;
			break;
		case FSR_A_HOOK:
			in->hook = mnl_attr_get_u8(a) == 1;
			break;
		case FSR_A_PMK_MAX:
			in->pmk_max = mnl_attr_get_u32(a);
			break;
		case FSR_A_PMK_COUNT:
			in->pmk_count = mnl_attr_get_u32(a);
			break;
		}
	}
	return true;
}

static void test_info(struct nl *nl, uint32_t pmk_max)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct info in = { 0 };
	struct nl_ack ack;

	nl_talk(nl, nl_msg(nl, buf, FSR_CMD_INFO_GET, 0), info_cb, &in, &ack);
	tap(ack.err == 0 && in.version && in.hook && in.pmk_max == pmk_max,
	    "info: version present, hook registered, pmk_max %u (got err %d, pmk_max %u)",
	    pmk_max, ack.err, in.pmk_max);
}

/* Writes from an unprivileged process fail with EPERM; reads work. */
static void test_unprivileged(const char *ap)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		char buf[MNL_SOCKET_BUFFER_SIZE];
		static const uint8_t cmds[] = {
			FSR_CMD_BSS_ATTACH, FSR_CMD_BSS_DETACH, FSR_CMD_PMK_ADD,
			FSR_CMD_PMK_DEL, FSR_CMD_PMK_FLUSH, FSR_CMD_BSS_SET,
			FSR_CMD_FT_DS_REQUEST,
		};
		struct nl_ack ack;
		struct pmk p;
		struct nl nl;
		int bad = 0;

		if (setgid(65534) || setuid(65534))
			_exit(10);
		if (nl_open(&nl, 0))
			_exit(11);
		make_pmk(&p, 1, 1);
		for (size_t i = 0; i < sizeof(cmds); i++) {
			struct nlmsghdr *nlh;

			if (cmds[i] == FSR_CMD_PMK_ADD) {
				nlh = pmk_add_msg(&nl, buf, &p, SP_NONE);
			} else {
				nlh = nl_msg(&nl, buf, cmds[i], 0);
				if (cmds[i] <= FSR_CMD_BSS_DETACH ||
				    cmds[i] == FSR_CMD_BSS_SET ||
				    cmds[i] == FSR_CMD_FT_DS_REQUEST)
					mnl_attr_put_u32(nlh, FSR_A_IFINDEX,
							 if_nametoindex(ap));
				if (cmds[i] == FSR_CMD_FT_DS_REQUEST) {
					static const uint8_t mde[5] = {
						54, 3, 0xa1, 0xb2, 1
					};

					mnl_attr_put(nlh, FSR_A_STA_ADDR, 6, p.sta);
					mnl_attr_put(nlh, FSR_A_IES, 5, mde);
				}
				if (cmds[i] == FSR_CMD_BSS_SET) {
					struct nlattr *ft;

					ft = mnl_attr_nest_start(nlh, FSR_A_FT);
					mnl_attr_put_u8(nlh, FSR_FT_A_ENABLE, 0);
					mnl_attr_nest_end(nlh, ft);
				}
				if (cmds[i] == FSR_CMD_PMK_DEL) {
					mnl_attr_put(nlh, FSR_A_STA_ADDR, 6, p.sta);
					mnl_attr_put(nlh, FSR_A_PMK_R1_NAME, 16,
						     p.r1name);
				}
			}
			if (nl_talk(&nl, nlh, NULL, NULL, &ack) != -EPERM)
				bad |= 1 << i;
		}
		if (nl_talk(&nl, nl_msg(&nl, buf, FSR_CMD_INFO_GET, 0), NULL,
			    NULL, &ack))
			bad |= 1 << 10;
		if (nl_join_events(&nl) != -EPERM)
			bad |= 1 << 11;
		/* The cache dump names stations: admin only. */
		if (nl_talk(&nl, nl_msg(&nl, buf, FSR_CMD_PMK_GET, NLM_F_DUMP),
			    NULL, NULL, &ack) != -EPERM)
			bad |= 1 << 12;
		if (bad)
			printf("# unprivileged: unexpected results, mask 0x%x\n", bad);
		fflush(stdout);
		_exit(bad ? 20 : 0);
	}
	waitpid(pid, &st, 0);
	tap(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "unprivileged: every write, the cache dump and joining the event group fail with EPERM, info works (child status %d)",
	    WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

static void test_policy(struct nl *nl)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nl_ack ack;
	struct pmk p;

	make_pmk(&p, 0x99, 9);
	for (int sp = SP_NO_STA; sp <= SP_ORIGIN_BIG; sp++) {
		nl_talk(nl, pmk_add_msg(nl, buf, &p, (enum spoil)sp), NULL, NULL,
			&ack);
		bool ok = (ack.err == -EINVAL || ack.err == -ERANGE) &&
			  (ack.msg[0] || ack.miss_type);
		tap(ok, "pmk add with %s: rejected with extack (err %d, \"%s\", missing %d)",
		    spoil_name[sp], ack.err, ack.msg, ack.miss_type);
	}
	nl_talk(nl, pmk_add_msg(nl, buf, &p, SP_NO_STA), NULL, NULL, &ack);
	tap(ack.miss_type == FSR_A_STA_ADDR,
	    "missing attribute reported as FSR_A_STA_ADDR (got %d)", ack.miss_type);

	struct dumped *d = calloc(1, sizeof(*d));

	pmk_dump(nl, d, &ack);
	tap(ack.err == 0 && !find(d, &p), "no rejected entry reached the cache");
	free(d);

	/* A BSS request without its interface index. */
	nl_talk(nl, nl_msg(nl, buf, FSR_CMD_BSS_ATTACH, 0), NULL, NULL, &ack);
	tap(ack.err == -EINVAL && ack.miss_type == FSR_A_IFINDEX,
	    "bss attach without ifindex: EINVAL, missing FSR_A_IFINDEX (err %d, missing %d)",
	    ack.err, ack.miss_type);
	struct nlmsghdr *nlh = nl_msg(nl, buf, FSR_CMD_BSS_ATTACH, 0);

	mnl_attr_put_u32(nlh, FSR_A_IFINDEX, 0);
	nl_talk(nl, nlh, NULL, NULL, &ack);
	tap(ack.err == -EINVAL || ack.err == -ERANGE,
	    "bss attach with ifindex 0: rejected (err %d, \"%s\")", ack.err, ack.msg);
	nlh = nl_msg(nl, buf, FSR_CMD_BSS_ATTACH, 0);
	mnl_attr_put_u16(nlh, FSR_A_IFINDEX, 1);
	nl_talk(nl, nlh, NULL, NULL, &ack);
	tap(ack.err == -EINVAL || ack.err == -ERANGE,
	    "bss attach with a u16 ifindex: rejected (err %d, \"%s\")", ack.err, ack.msg);
	/* An unknown command. */
	nl_talk(nl, nl_msg(nl, buf, FSR_CMD_MAX + 1, 0), NULL, NULL, &ack);
	tap(ack.err == -EOPNOTSUPP, "unknown command: EOPNOTSUPP (err %d)", ack.err);
}

static void test_pmk_lifecycle(struct nl *nl, struct nl *ev)
{
	struct dumped *d = calloc(1, sizeof(*d));
	const struct pmk *got;
	struct nl_ack ack;
	struct pmk p, p2;

	make_pmk(&p, 1, 1);
	pmk_add(nl, &p, &ack);
	tap(ack.err == 0, "pmk add (err %d, \"%s\")", ack.err, ack.msg);
	pmk_dump(nl, d, &ack);
	got = find(d, &p);
	tap(ack.err == 0 && got && d->all_fields,
	    "pmk dump shows the entry with every documented attribute");
	tap(got && !memcmp(got->r0name, p.r0name, 16) &&
	    !memcmp(got->r1kh, p.r1kh, 6) && got->akm == p.akm &&
	    got->cipher == p.cipher && got->lifetime <= 3600 &&
	    got->lifetime >= 3590,
	    "pmk dump: names, R1KH-ID, AKM, cipher and remaining lifetime %u right",
	    got ? got->lifetime : 0);
	tap(!d->key_attr, "pmk dump carries no FSR_A_PMK_KEY attribute");
	tap(got && got->origin == FSR_PMK_ORIGIN_UNKNOWN,
	    "pmk add without an origin: dumped as unknown (%u)",
	    got ? got->origin : 255);

	p2 = p;
	p2.key[0] ^= 0xff;
	p2.lifetime = 100;
	p2.origin = FSR_PMK_ORIGIN_PULLED;
	pmk_add(nl, &p2, &ack);
	pmk_dump(nl, d, &ack);
	got = find(d, &p);
	tap(ack.err == 0 && got && got->lifetime <= 100 && d->n == 1,
	    "pmk add of an existing entry replaces it (lifetime %u, %d entries)",
	    got ? got->lifetime : 0, d->n);
	tap(got && got->origin == FSR_PMK_ORIGIN_PULLED,
	    "pmk add with origin pulled: dumped as pulled (%u)",
	    got ? got->origin : 255);

	pmk_del(nl, &p, &ack);
	tap(ack.err == 0, "pmk del (err %d, \"%s\")", ack.err, ack.msg);
	pmk_del(nl, &p, &ack);
	tap(ack.err == -ENOENT && ack.msg[0],
	    "pmk del of a missing entry: ENOENT with extack (err %d, \"%s\")",
	    ack.err, ack.msg);
	pmk_dump(nl, d, &ack);
	tap(ack.err == 0 && d->n == 0, "cache empty after delete (%d entries)", d->n);

	drain_events(ev, 300);
	tap(find_event(FSR_EVENT_PMK_ADDED, 0, &p) != NULL, "event: pmk added");
	tap(find_event(FSR_EVENT_PMK_REPLACED, 0, &p) != NULL, "event: pmk replaced");
	tap(find_event(FSR_EVENT_PMK_REMOVED, FSR_REASON_USER, &p) != NULL,
	    "event: pmk removed, reason user");
	free(d);
}

static void test_flush(struct nl *nl, struct nl *ev)
{
	struct dumped *d = calloc(1, sizeof(*d));
	struct nl_ack ack;
	uint32_t count;
	struct pmk p;

	for (int i = 0; i < 3; i++) {
		make_pmk(&p, 0x10, i);
		pmk_add(nl, &p, NULL);
	}
	for (int i = 0; i < 2; i++) {
		make_pmk(&p, 0x20, i);
		pmk_add(nl, &p, NULL);
	}
	make_pmk(&p, 0x10, 0);
	pmk_flush(nl, p.sta, &count, &ack);
	pmk_dump(nl, d, &ack);
	tap(count == 3 && d->n == 2,
	    "pmk flush of one station removes its 3 entries (reply %u, %d left)",
	    count, d->n);
	pmk_flush(nl, NULL, &count, &ack);
	pmk_dump(nl, d, &ack);
	tap(ack.err == 0 && count == 2 && d->n == 0,
	    "pmk flush of all removes the rest (reply %u, %d left)", count, d->n);
	drain_events(ev, 300);
	tap(find_event(FSR_EVENT_PMK_REMOVED, FSR_REASON_FLUSH, &p) != NULL,
	    "event: pmk removed, reason flush");
	free(d);
}

static void test_expiry(struct nl *nl, struct nl *ev)
{
	struct dumped *d = calloc(1, sizeof(*d));
	struct nl_ack ack;
	struct pmk p;

	make_pmk(&p, 0x30, 1);
	p.lifetime = 2;
	pmk_add(nl, &p, &ack);
	pmk_dump(nl, d, &ack);
	tap(find(d, &p) != NULL, "entry with a 2 s lifetime is cached");
	sleep(4);
	pmk_dump(nl, d, &ack);
	tap(ack.err == 0 && !find(d, &p), "entry is gone after its lifetime");
	drain_events(ev, 300);
	tap(find_event(FSR_EVENT_PMK_REMOVED, FSR_REASON_EXPIRED, &p) != NULL,
	    "event: pmk removed, reason expired");
	free(d);
}

static void test_bound(struct nl *nl, struct nl *ev, uint32_t pmk_max)
{
	struct dumped *d = calloc(1, sizeof(*d));
	struct pmk first, p;
	struct nl_ack ack;
	int errs = 0;

	pmk_flush(nl, NULL, NULL, &ack);
	for (uint32_t i = 0; i <= pmk_max; i++) {
		make_pmk(&p, 0x100 + (int)i, (int)i);
		if (i == 0)
			first = p;
		if (pmk_add(nl, &p, NULL))
			errs++;
	}
	pmk_dump(nl, d, &ack);
	tap(errs == 0 && d->n == (int)pmk_max,
	    "adding pmk_max + 1 entries keeps pmk_max (%d entries, %d errors)",
	    d->n, errs);
	tap(!find(d, &first), "the oldest entry was evicted");
	make_pmk(&p, 0x101, 1);
	tap(find(d, &p) != NULL, "the second-oldest entry is still there");
	drain_events(ev, 300);
	tap(find_event(FSR_EVENT_PMK_REMOVED, FSR_REASON_EVICTED, &first) != NULL,
	    "event: pmk removed, reason evicted");
	pmk_flush(nl, NULL, NULL, &ack);
	free(d);
}

/* A dump that races with a change must be flagged NLM_F_DUMP_INTR. */
static void test_dump_intr(struct nl *nl)
{
	struct dumped *d = calloc(1, sizeof(*d));
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nl_ack ack = { 0 };
	int parts = 0, more;
	struct nl small;
	struct pmk p;

	for (int i = 0; i < 60; i++) {
		make_pmk(&p, 0x200 + i, i);
		pmk_add(nl, &p, NULL);
	}
	if (nl_open(&small, 4096)) {
		tap(false, "dump interrupted: open socket");
		return;
	}
	d->all_fields = true;
	nl_send(&small, nl_msg(&small, buf, FSR_CMD_PMK_GET, NLM_F_DUMP));
	more = nl_recv_part(&small, dump_cb, d, &ack);
	parts++;
	make_pmk(&p, 0x300, 1);
	pmk_add(nl, &p, NULL);
	while (more > 0) {
		more = nl_recv_part(&small, dump_cb, d, &ack);
		parts++;
	}
	tap(parts > 1 && ack.dump_intr,
	    "a dump racing with an add is flagged NLM_F_DUMP_INTR (%d parts, %d entries)",
	    parts, d->n);

	/* An undisturbed dump in parts is complete, ordered and flag-free. */
	memset(d, 0, sizeof(*d));
	memset(&ack, 0, sizeof(ack));
	nl_send(&small, nl_msg(&small, buf, FSR_CMD_PMK_GET, NLM_F_DUMP));
	parts = 0;
	do {
		more = nl_recv_part(&small, dump_cb, d, &ack);
		parts++;
	} while (more > 0);
	bool ordered = true;

	for (int i = 1; i < d->n; i++) {
		int c = memcmp(d->e[i - 1].sta, d->e[i].sta, 6);

		if (c > 0 || (c == 0 && memcmp(d->e[i - 1].r1name,
						d->e[i].r1name, 16) >= 0))
			ordered = false;
	}
	tap(parts > 1 && !ack.dump_intr && d->n == 61 && ordered,
	    "an undisturbed dump in %d parts returns all 61 entries once, in order",
	    parts);
	nl_close(&small);
	pmk_flush(nl, NULL, NULL, &ack);
	free(d);
}

struct bssinfo {
	char ifname[IFNAMSIZ];
	bool bssid, stats;
	int nstats;
	int n;
	/* FSR_A_FT */
	bool ft, gtk, hist_auth, hist_reassoc;
	int enable, ready, gtk_idx;
	uint8_t mde[5];
	uint16_t aid_min, aid_max;
	uint32_t deadline;
};

static bool bss_cb(const struct nlmsghdr *nlh, void *data)
{
	struct bssinfo *b = data;
	const struct nlattr *a, *s;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		switch (mnl_attr_get_type(a)) {
		case FSR_A_IFNAME:
			snprintf(b->ifname, sizeof(b->ifname), "%s",
				 mnl_attr_get_str(a));
			break;
		case FSR_A_BSSID:
			b->bssid = mnl_attr_get_payload_len(a) == 6;
			break;
		case FSR_A_BSS_STATS:
			b->stats = true;
			b->nstats = 0;
			mnl_attr_for_each_nested(s, a)
				if (mnl_attr_get_type(s) != FSR_STAT_PAD)
					b->nstats++;
			break;
		case FSR_A_FT:
			b->ft = true;
			mnl_attr_for_each_nested(s, a) {
				switch (mnl_attr_get_type(s)) {
				case FSR_FT_A_ENABLE:
					b->enable = mnl_attr_get_u8(s);
					break;
				case FSR_FT_A_READY:
					b->ready = mnl_attr_get_u8(s);
					break;
				case FSR_FT_A_MDE:
					if (mnl_attr_get_payload_len(s) == 5)
						memcpy(b->mde,
						       mnl_attr_get_payload(s), 5);
					break;
				case FSR_FT_A_AID_MIN:
					b->aid_min = mnl_attr_get_u16(s);
					break;
				case FSR_FT_A_AID_MAX:
					b->aid_max = mnl_attr_get_u16(s);
					break;
				case FSR_FT_A_DEADLINE_MS:
					b->deadline = mnl_attr_get_u32(s);
					break;
				case FSR_FT_A_GTK:
					b->gtk = true;
					break;
				case FSR_FT_A_GTK_IDX:
					b->gtk_idx = mnl_attr_get_u8(s);
					break;
				}
			}
			break;
		case FSR_A_HIST_AUTH:
			b->hist_auth = true;
			break;
		case FSR_A_HIST_REASSOC:
			b->hist_reassoc = true;
			break;
		}
	}
	b->n++;
	scan_rx();
	return true;
}

static int bss_op(struct nl *nl, uint8_t cmd, unsigned int ifindex,
		  struct bssinfo *b, struct nl_ack *ack)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh = nl_msg(nl, buf, cmd, 0);

	mnl_attr_put_u32(nlh, FSR_A_IFINDEX, ifindex);
	return nl_talk(nl, nlh, b ? bss_cb : NULL, b, ack);
}


/* --- BSS_SET: the fast-path configuration ------------------------------ */

/* Which FT attributes to send, and how to spoil them. */
enum ftspoil {
	FS_NONE, FS_NO_FT, FS_NO_IFINDEX, FS_ENABLE_2, FS_READY, FS_MDE_4,
	FS_MDE_6, FS_MDE_ID, FS_MDE_ELEN, FS_R1KH_5, FS_RSNE_3, FS_RSNE_258,
	FS_RSNE_ID, FS_RSNE_ELEN, FS_RSNE_NO_PAIRWISE, FS_RSNE_NO_FT,
	FS_CAPAB_U8, FS_HEAD_513, FS_HEAD_BAD, FS_TAIL_1025, FS_TAIL_BAD,
	FS_AID_MIN_0, FS_AID_MAX_2008, FS_AID_ORDER, FS_DEADLINE_99,
	FS_DEADLINE_60001, FS_GTK_15, FS_GTK_17, FS_GTK_33, FS_GTK_IDX_0,
	FS_GTK_IDX_4, FS_UNKNOWN_FT_ATTR, FS_GTK_IDX_U16,
	FS_LAST = FS_GTK_IDX_U16,
};

static const char *const ftspoil_name[] = {
	[FS_NO_FT] = "missing FSR_A_FT",
	[FS_NO_IFINDEX] = "missing ifindex",
	[FS_ENABLE_2] = "ENABLE 2",
	[FS_READY] = "READY (reply-only)",
	[FS_MDE_4] = "4-byte MDE",
	[FS_MDE_6] = "6-byte MDE",
	[FS_MDE_ID] = "MDE with element ID 55",
	[FS_MDE_ELEN] = "MDE with element length 2",
	[FS_R1KH_5] = "5-byte R1KH-ID",
	[FS_RSNE_3] = "3-byte RSNE",
	[FS_RSNE_258] = "258-byte RSNE",
	[FS_RSNE_ID] = "RSNE with element ID 221",
	[FS_RSNE_ELEN] = "RSNE whose length octet disagrees",
	[FS_RSNE_NO_PAIRWISE] = "RSNE with pairwise count 0",
	[FS_RSNE_NO_FT] = "RSNE with only the PSK AKM (no FT)",
	[FS_CAPAB_U8] = "CAPAB as u8",
	[FS_HEAD_513] = "513-byte RESP_IES_HEAD",
	[FS_HEAD_BAD] = "RESP_IES_HEAD with a truncated element",
	[FS_TAIL_1025] = "1025-byte RESP_IES_TAIL",
	[FS_TAIL_BAD] = "RESP_IES_TAIL with a truncated element",
	[FS_AID_MIN_0] = "AID_MIN 0",
	[FS_AID_MAX_2008] = "AID_MAX 2008",
	[FS_AID_ORDER] = "AID_MIN 200 > AID_MAX 100",
	[FS_DEADLINE_99] = "DEADLINE_MS 99",
	[FS_DEADLINE_60001] = "DEADLINE_MS 60001",
	[FS_GTK_15] = "15-byte GTK",
	[FS_GTK_17] = "17-byte GTK",
	[FS_GTK_33] = "33-byte GTK",
	[FS_GTK_IDX_0] = "GTK_IDX 0",
	[FS_GTK_IDX_4] = "GTK_IDX 4",
	[FS_UNKNOWN_FT_ATTR] = "FT attribute beyond FSR_FT_A_MAX",
	[FS_GTK_IDX_U16] = "GTK_IDX as u16",
};

static const uint8_t ft_mde[5] = { 54, 3, 0xa1, 0xb2, 0x01 };
static const uint8_t ft_rsne[22] = {
	48, 20, 1, 0, 0x00, 0x0f, 0xac, 4, 1, 0, 0x00, 0x0f, 0xac, 4,
	1, 0, 0x00, 0x0f, 0xac, 4, 0, 0,
};
static const uint8_t ft_head[10] = {
	1, 8, 0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24,
};
static const uint8_t ft_tail[26] = {
	221, 24, 0x00, 0x50, 0xf2, 2, 1, 1, 0, 0, 3, 0xa4, 0, 0,
	0x27, 0xa4, 0, 0, 0x42, 0x43, 0x5e, 0, 0x62, 0x32, 0x2f, 0,
};
static uint8_t ft_gtk[32];

static void gtk_pattern(void)
{
	struct pmk *w = &written[nwritten++];

	/* Registered like a PMK-R1 so every scan looks for it too. */
	memset(w, 0, sizeof(*w));
	for (int i = 0; i < 32; i++)
		ft_gtk[i] = (uint8_t)(0x3c ^ (i * 53) ^ 0x81);
	memcpy(w->key, ft_gtk, 32);
	w->keylen = 32;
}

static struct nlmsghdr *bss_set_msg(struct nl *nl, char *buf,
				    unsigned int ifindex, enum ftspoil sp)
{
	struct nlmsghdr *nlh = nl_msg(nl, buf, FSR_CMD_BSS_SET, 0);
	uint8_t big[1100], rsne[sizeof(ft_rsne)];
	struct nlattr *ft;

	memset(big, 0, sizeof(big));
	memcpy(rsne, ft_rsne, sizeof(rsne));
	if (sp != FS_NO_IFINDEX)
		mnl_attr_put_u32(nlh, FSR_A_IFINDEX, ifindex);
	if (sp == FS_NO_FT)
		return nlh;
	ft = mnl_attr_nest_start(nlh, FSR_A_FT);
	mnl_attr_put_u8(nlh, FSR_FT_A_ENABLE, sp == FS_ENABLE_2 ? 2 : 1);
	if (sp == FS_READY)
		mnl_attr_put_u8(nlh, FSR_FT_A_READY, 1);
	if (sp == FS_MDE_4 || sp == FS_MDE_6) {
		mnl_attr_put(nlh, FSR_FT_A_MDE, sp == FS_MDE_4 ? 4 : 6, big);
	} else {
		uint8_t m[5];

		memcpy(m, ft_mde, 5);
		if (sp == FS_MDE_ID)
			m[0] = 55;
		if (sp == FS_MDE_ELEN)
			m[1] = 2;
		mnl_attr_put(nlh, FSR_FT_A_MDE, 5, m);
	}
	mnl_attr_put(nlh, FSR_FT_A_R1KH_ID, sp == FS_R1KH_5 ? 5 : 6,
		     "\x02\x00\x00\x00\x01\x00");
	switch (sp) {
	case FS_RSNE_3:
		mnl_attr_put(nlh, FSR_FT_A_RSNE, 3, rsne);
		break;
	case FS_RSNE_258:
		big[0] = 48;
		big[1] = 255;
		mnl_attr_put(nlh, FSR_FT_A_RSNE, 258, big);
		break;
	default:
		if (sp == FS_RSNE_ID)
			rsne[0] = 221;
		if (sp == FS_RSNE_ELEN)
			rsne[1] = 19;
		if (sp == FS_RSNE_NO_PAIRWISE)
			rsne[8] = 0;
		if (sp == FS_RSNE_NO_FT)
			rsne[19] = 2;
		mnl_attr_put(nlh, FSR_FT_A_RSNE, sizeof(rsne), rsne);
	}
	if (sp == FS_CAPAB_U8)
		mnl_attr_put_u8(nlh, FSR_FT_A_CAPAB, 1);
	else
		mnl_attr_put_u16(nlh, FSR_FT_A_CAPAB, 0x0411);
	if (sp == FS_HEAD_513)
		mnl_attr_put(nlh, FSR_FT_A_RESP_IES_HEAD, 513, big);
	else
		mnl_attr_put(nlh, FSR_FT_A_RESP_IES_HEAD,
			     sp == FS_HEAD_BAD ? 5 : sizeof(ft_head), ft_head);
	if (sp == FS_TAIL_1025)
		mnl_attr_put(nlh, FSR_FT_A_RESP_IES_TAIL, 1025, big);
	else
		mnl_attr_put(nlh, FSR_FT_A_RESP_IES_TAIL,
			     sp == FS_TAIL_BAD ? 20 : sizeof(ft_tail), ft_tail);
	mnl_attr_put_u16(nlh, FSR_FT_A_AID_MIN,
			 sp == FS_AID_MIN_0 ? 0 : sp == FS_AID_ORDER ? 200 : 65);
	mnl_attr_put_u16(nlh, FSR_FT_A_AID_MAX,
			 sp == FS_AID_MAX_2008 ? 2008 :
			 sp == FS_AID_ORDER ? 100 : 128);
	mnl_attr_put_u32(nlh, FSR_FT_A_DEADLINE_MS,
			 sp == FS_DEADLINE_99 ? 99 :
			 sp == FS_DEADLINE_60001 ? 60001 : 1000);
	mnl_attr_put(nlh, FSR_FT_A_GTK,
		     sp == FS_GTK_15 ? 15 : sp == FS_GTK_17 ? 17 :
		     sp == FS_GTK_33 ? 33 : 32, ft_gtk);
	if (sp == FS_GTK_IDX_U16)
		mnl_attr_put_u16(nlh, FSR_FT_A_GTK_IDX, 1);
	else
		mnl_attr_put_u8(nlh, FSR_FT_A_GTK_IDX,
				sp == FS_GTK_IDX_0 ? 0 :
				sp == FS_GTK_IDX_4 ? 4 : 1);
	if (sp == FS_UNKNOWN_FT_ATTR)
		mnl_attr_put_u8(nlh, FSR_FT_A_MAX + 1, 1);
	mnl_attr_nest_end(nlh, ft);
	return nlh;
}

static void test_bss_set(struct nl *nl, unsigned int ap_idx)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct bssinfo b = { 0 };
	struct nl_ack ack;

	gtk_pattern();
	bss_op(nl, FSR_CMD_BSS_GET, ap_idx, &b, &ack);
	tap(ack.err == 0 && b.ft && !b.enable && !b.ready && b.deadline == 1000 &&
	    b.hist_auth && b.hist_reassoc,
	    "bss get before BSS_SET: FT nest disabled, not ready, deadline 1000, histograms (err %d)",
	    ack.err);
	for (int sp = FS_NO_FT; sp <= FS_LAST; sp++) {
		nl_talk(nl, bss_set_msg(nl, buf, ap_idx, (enum ftspoil)sp),
			NULL, NULL, &ack);
		bool ok = (ack.err == -EINVAL || ack.err == -ERANGE) &&
			  (ack.msg[0] || ack.miss_type);
		tap(ok, "bss set with %s: rejected with extack (err %d, \"%s\", missing %d)",
		    ftspoil_name[sp], ack.err, ack.msg, ack.miss_type);
	}
	memset(&b, 0, sizeof(b));
	bss_op(nl, FSR_CMD_BSS_GET, ap_idx, &b, &ack);
	tap(ack.err == 0 && !b.enable && !b.ready && !b.aid_min,
	    "no rejected BSS_SET changed the configuration");

	nl_talk(nl, bss_set_msg(nl, buf, 999999, FS_NONE), NULL, NULL, &ack);
	tap(ack.err == -ENOENT && ack.msg[0],
	    "bss set of an interface not attached: ENOENT with extack (err %d, \"%s\")",
	    ack.err, ack.msg);
	nl_talk(nl, bss_set_msg(nl, buf, ap_idx, FS_NONE), NULL, NULL, &ack);
	tap(ack.err == 0, "bss set with every attribute (err %d, \"%s\")",
	    ack.err, ack.msg);
	memset(&b, 0, sizeof(b));
	bss_op(nl, FSR_CMD_BSS_GET, ap_idx, &b, &ack);
	tap(ack.err == 0 && b.enable == 1 && b.ready == 1 &&
	    !memcmp(b.mde, ft_mde, 5) && b.aid_min == 65 && b.aid_max == 128 &&
	    b.gtk_idx == 1 && !b.gtk,
	    "bss get: enabled, ready, MDE, AID pool 65..128, GTK index 1, no GTK attribute");

	/* Attributes not given keep their value. */
	struct nlmsghdr *nlh = nl_msg(nl, buf, FSR_CMD_BSS_SET, 0);
	struct nlattr *ft;

	mnl_attr_put_u32(nlh, FSR_A_IFINDEX, ap_idx);
	ft = mnl_attr_nest_start(nlh, FSR_A_FT);
	mnl_attr_put_u8(nlh, FSR_FT_A_ENABLE, 0);
	mnl_attr_put_u32(nlh, FSR_FT_A_DEADLINE_MS, 2500);
	mnl_attr_nest_end(nlh, ft);
	nl_talk(nl, nlh, NULL, NULL, &ack);
	memset(&b, 0, sizeof(b));
	bss_op(nl, FSR_CMD_BSS_GET, ap_idx, &b, &ack);
	tap(ack.err == 0 && b.enable == 0 && b.ready == 1 && b.deadline == 2500 &&
	    b.aid_max == 128 && !memcmp(b.mde, ft_mde, 5),
	    "partial bss set: ENABLE 0 and DEADLINE 2500 applied, the rest kept");

	/* AID_MIN alone above the AID_MAX already set. */
	nlh = nl_msg(nl, buf, FSR_CMD_BSS_SET, 0);
	mnl_attr_put_u32(nlh, FSR_A_IFINDEX, ap_idx);
	ft = mnl_attr_nest_start(nlh, FSR_A_FT);
	mnl_attr_put_u16(nlh, FSR_FT_A_AID_MIN, 200);
	mnl_attr_nest_end(nlh, ft);
	nl_talk(nl, nlh, NULL, NULL, &ack);
	tap(ack.err == -EINVAL && ack.msg[0],
	    "bss set of AID_MIN 200 above the current AID_MAX 128: EINVAL with extack (err %d, \"%s\")",
	    ack.err, ack.msg);
	memset(&b, 0, sizeof(b));
	nl_talk(nl, nl_msg(nl, buf, FSR_CMD_BSS_GET, NLM_F_DUMP), bss_cb, &b,
		&ack);
	tap(ack.err == 0 && b.n == 1 && b.ft && !b.gtk && b.aid_min == 65,
	    "bss dump: FT nest without GTK, AID_MIN unchanged (%d entries)", b.n);
}

/* --- FT_DS_REQUEST: an FT Request over the DS ---------------------------- */

struct ds_reply {
	bool ies;
	int why;		/* -1: none */
};

static bool ds_cb(const struct nlmsghdr *nlh, void *data)
{
	struct ds_reply *r = data;
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) == FSR_A_IES)
			r->ies = true;
		if (mnl_attr_get_type(a) == FSR_A_WHY)
			r->why = mnl_attr_get_u8(a);
	}
	return true;
}

/* A well-formed FT Request's elements: RSNE (FT-PSK, one PMKID), MDE, FTE
 * (SNonce, R0KH-ID "r0k"). @mdid_lo spoils the MDE when not 0xb2. */
static size_t ds_ies(uint8_t *b, uint8_t mdid_lo)
{
	static const uint8_t rsne[] = {
		48, 38, 1, 0, 0x00, 0x0f, 0xac, 4, 1, 0, 0x00, 0x0f, 0xac, 4,
		1, 0, 0x00, 0x0f, 0xac, 4, 0, 0, 1, 0,
	};
	size_t n = 0;

	memcpy(b, rsne, sizeof(rsne));
	n = sizeof(rsne);
	memset(b + n, 0x77, 16);		/* PMKR0Name */
	n += 16;
	b[n++] = 54; b[n++] = 3; b[n++] = 0xa1; b[n++] = mdid_lo; b[n++] = 1;
	b[n++] = 55; b[n++] = 2 + 16 + 32 + 32 + 5;
	memset(b + n, 0, 2 + 16 + 32);		/* MIC control, MIC, ANonce */
	n += 2 + 16 + 32;
	memset(b + n, 0x5a, 32);		/* SNonce */
	n += 32;
	b[n++] = 3; b[n++] = 3; b[n++] = 'r'; b[n++] = '0'; b[n++] = 'k';
	return n;
}

static void ds_req(struct nl *nl, unsigned int ifindex, const uint8_t *sta,
		   const uint8_t *ies, size_t len, struct ds_reply *r,
		   struct nl_ack *ack)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh = nl_msg(nl, buf, FSR_CMD_FT_DS_REQUEST, 0);

	if (ifindex)
		mnl_attr_put_u32(nlh, FSR_A_IFINDEX, ifindex);
	if (sta)
		mnl_attr_put(nlh, FSR_A_STA_ADDR, 6, sta);
	if (ies)
		mnl_attr_put(nlh, FSR_A_IES, len, ies);
	r->ies = false;
	r->why = -1;
	nl_talk(nl, nlh, ds_cb, r, ack);
}

/* The BSS ap_idx is attached, ready and disabled (test_bss_set). */
static void test_ft_ds(struct nl *nl, unsigned int ap_idx,
		       unsigned int sta_idx)
{
	static const uint8_t sta[6] = { 2, 0, 0, 0, 0x0d, 1 };
	static const uint8_t group[6] = { 3, 0, 0, 0, 0x0d, 1 };
	uint8_t ies[256], big[FSR_DS_IES_MAX + 1];
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	struct ds_reply r;
	struct nl_ack ack;
	struct nlattr *ft;
	size_t n = ds_ies(ies, 0xb2);

	ds_req(nl, ap_idx, sta, NULL, 0, &r, &ack);
	tap(ack.err == -EINVAL && ack.miss_type == FSR_A_IES,
	    "ft-ds request without elements: EINVAL, missing FSR_A_IES (err %d, missing %d)",
	    ack.err, ack.miss_type);
	ds_req(nl, ap_idx, NULL, ies, n, &r, &ack);
	tap(ack.err == -EINVAL && ack.miss_type == FSR_A_STA_ADDR,
	    "ft-ds request without a station: EINVAL, missing FSR_A_STA_ADDR (err %d, missing %d)",
	    ack.err, ack.miss_type);
	ds_req(nl, ap_idx, group, ies, n, &r, &ack);
	tap(ack.err == -EINVAL && ack.msg[0],
	    "ft-ds request for a group address: EINVAL with extack (err %d, \"%s\")",
	    ack.err, ack.msg);
	ds_req(nl, ap_idx, sta, ies, 1, &r, &ack);
	tap((ack.err == -EINVAL || ack.err == -ERANGE) && ack.msg[0],
	    "ft-ds request with a 1-octet element list: rejected with extack (err %d, \"%s\")",
	    ack.err, ack.msg);
	memset(big, 0xdd, sizeof(big));
	ds_req(nl, ap_idx, sta, big, sizeof(big), &r, &ack);
	tap((ack.err == -EINVAL || ack.err == -ERANGE) && ack.msg[0],
	    "ft-ds request with %zu octets of elements: rejected with extack (err %d, \"%s\")",
	    sizeof(big), ack.err, ack.msg);
	ds_req(nl, ap_idx, sta, ies, n - 1, &r, &ack);
	tap(ack.err == -EINVAL && ack.msg[0],
	    "ft-ds request whose last element is cut short: EINVAL with extack (err %d, \"%s\")",
	    ack.err, ack.msg);
	ds_req(nl, 999999, sta, ies, n, &r, &ack);
	tap(ack.err == -ENODEV && ack.msg[0],
	    "ft-ds request for a missing interface: ENODEV with extack (err %d, \"%s\")",
	    ack.err, ack.msg);
	ds_req(nl, sta_idx, sta, ies, n, &r, &ack);
	tap(ack.err == -ENODEV && ack.msg[0],
	    "ft-ds request for an interface not attached: ENODEV with extack (err %d, \"%s\")",
	    ack.err, ack.msg);
	ds_req(nl, ap_idx, sta, ies, n, &r, &ack);
	tap(ack.err == 0 && !r.ies && r.why == FSR_WHY_NOT_READY,
	    "ft-ds request while the fast path is disabled: left to the caller, why not-ready (err %d, why %d)",
	    ack.err, r.why);

	nlh = nl_msg(nl, buf, FSR_CMD_BSS_SET, 0);
	mnl_attr_put_u32(nlh, FSR_A_IFINDEX, ap_idx);
	ft = mnl_attr_nest_start(nlh, FSR_A_FT);
	mnl_attr_put_u8(nlh, FSR_FT_A_ENABLE, 1);
	mnl_attr_nest_end(nlh, ft);
	nl_talk(nl, nlh, NULL, NULL, &ack);
	ds_req(nl, ap_idx, sta, ies, n, &r, &ack);
	tap(ack.err == 0 && !r.ies && r.why == FSR_WHY_NO_PMK,
	    "ft-ds request with no PMK-R1 cached: left to the caller, why no-pmk (err %d, why %d)",
	    ack.err, r.why);
	n = ds_ies(ies, 0xb3);
	ds_req(nl, ap_idx, sta, ies, n, &r, &ack);
	tap(ack.err == 0 && !r.ies && r.why == FSR_WHY_MDE,
	    "ft-ds request for another mobility domain: left to the caller, why mde (err %d, why %d)",
	    ack.err, r.why);
	n = ds_ies(ies, 0xb2);
	ies[1] = 4;	/* an RSNE that ends inside its group suite */
	memmove(ies + 6, ies + 40, n - 40);
	n -= 34;
	ds_req(nl, ap_idx, sta, ies, n, &r, &ack);
	tap(ack.err == 0 && !r.ies && r.why == FSR_WHY_RSNE,
	    "ft-ds request with a malformed RSNE: left to the caller, why rsne (err %d, why %d)",
	    ack.err, r.why);
}

static void test_bss(struct nl *nl, struct nl *ev, const char *ap,
		     const char *sta)
{
	unsigned int ap_idx = if_nametoindex(ap);
	struct bssinfo b = { 0 };
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nl_ack ack;

	bss_op(nl, FSR_CMD_BSS_ATTACH, 999999, NULL, &ack);
	tap(ack.err == -ENODEV && ack.msg[0],
	    "attach of a missing interface: ENODEV with extack (err %d, \"%s\")",
	    ack.err, ack.msg);
	bss_op(nl, FSR_CMD_BSS_ATTACH, if_nametoindex("lo"), NULL, &ack);
	tap(ack.err == -EOPNOTSUPP && ack.msg[0],
	    "attach of a non-wireless interface: EOPNOTSUPP with extack (err %d, \"%s\")",
	    ack.err, ack.msg);
	bss_op(nl, FSR_CMD_BSS_ATTACH, if_nametoindex(sta), NULL, &ack);
	tap(ack.err == -EOPNOTSUPP && ack.msg[0],
	    "attach of a station-mode interface: EOPNOTSUPP with extack (err %d, \"%s\")",
	    ack.err, ack.msg);
	bss_op(nl, FSR_CMD_BSS_ATTACH, ap_idx, NULL, &ack);
	tap(ack.err == 0, "attach %s (err %d, \"%s\")", ap, ack.err, ack.msg);
	bss_op(nl, FSR_CMD_BSS_ATTACH, ap_idx, NULL, &ack);
	tap(ack.err == -EEXIST && ack.msg[0],
	    "second attach: EEXIST with extack (err %d, \"%s\")", ack.err, ack.msg);
	bss_op(nl, FSR_CMD_BSS_GET, ap_idx, &b, &ack);
	tap(ack.err == 0 && !strcmp(b.ifname, ap) && b.bssid && b.stats &&
	    b.nstats == FSR_STAT_MAX - 1,
	    "bss get: name, BSSID and all %d counters (got %d)", FSR_STAT_MAX - 1,
	    b.nstats);
	memset(&b, 0, sizeof(b));
	nl_talk(nl, nl_msg(nl, buf, FSR_CMD_BSS_GET, NLM_F_DUMP), bss_cb, &b, &ack);
	tap(ack.err == 0 && b.n == 1 && !strcmp(b.ifname, ap),
	    "bss dump lists the attached BSS (%d entries)", b.n);
	test_bss_set(nl, ap_idx);
	test_ft_ds(nl, ap_idx, if_nametoindex(sta));
	bss_op(nl, FSR_CMD_BSS_DETACH, ap_idx, NULL, &ack);
	tap(ack.err == 0, "detach %s (err %d, \"%s\")", ap, ack.err, ack.msg);
	bss_op(nl, FSR_CMD_BSS_DETACH, ap_idx, NULL, &ack);
	tap(ack.err < 0 && ack.msg[0],
	    "detach of a detached interface fails with extack (err %d, \"%s\")",
	    ack.err, ack.msg);
	bss_op(nl, FSR_CMD_BSS_GET, ap_idx, NULL, &ack);
	tap(ack.err < 0 && ack.msg[0],
	    "bss get of a detached interface fails with extack (err %d, \"%s\")",
	    ack.err, ack.msg);

	drain_events(ev, 300);
	bool att = false, det = false;

	for (int i = 0; i < nevents; i++) {
		if (events[i].ev == FSR_EVENT_BSS_ATTACHED &&
		    events[i].ifindex == ap_idx)
			att = true;
		if (events[i].ev == FSR_EVENT_BSS_DETACHED &&
		    events[i].ifindex == ap_idx &&
		    events[i].reason == FSR_REASON_USER)
			det = true;
	}
	tap(att && det, "events: bss attached, bss detached (reason user)");
}

int main(int argc, char **argv)
{
	struct nl nl, ev;
	uint32_t pmk_max;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc != 4) {
		fprintf(stderr, "usage: %s AP_IFNAME STA_IFNAME PMK_MAX\n", argv[0]);
		return 2;
	}
	pmk_max = (uint32_t)strtoul(argv[3], NULL, 0);
	printf("TAP version 13\n");
	if (nl_open(&nl, 0) || nl_open(&ev, 0) || nl_join_events(&ev)) {
		printf("1..0 # SKIP fsr family not available\n");
		return 4;
	}
	test_info(&nl, pmk_max);
	test_unprivileged(argv[1]);
	test_policy(&nl);
	test_pmk_lifecycle(&nl, &ev);
	test_flush(&nl, &ev);
	test_expiry(&nl, &ev);
	test_bound(&nl, &ev, pmk_max);
	test_dump_intr(&nl);
	test_bss(&nl, &ev, argv[1], argv[2]);
	drain_events(&ev, 300);
	tap(leaks == 0 && nwritten > 0,
	    "no reply, dump or event carried key bytes (%d keys incl. the GTK checked, %d events)",
	    nwritten, nevents);
	printf("1..%d\n", ntests);
	nl_close(&nl);
	nl_close(&ev);
	return nfailed ? 1 : 0;
}
