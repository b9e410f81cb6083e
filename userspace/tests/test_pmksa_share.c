// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of fsr's PMKSA sharing policy (fsrd/mobility/pmksa_share.c)
 * with the real PMKSA cache, the real message codec and fakes for the
 * transport, the BSS list, the clock and the log: what a BSS sends
 * (to each r1kh, never an entry a peer sent, Class dropped only when the
 * frame is too long), and what it keeps from a peer (only for its SSID,
 * AKM 00-0f-ac:1, an AA that is not its own, a PMKID that is the PMK's,
 * within the Session-Timeout, never over an entry made here, for the
 * least of the three lifetimes). The bytes go from the sender's fake
 * transport to the receiver, so the codec is in the loop.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ap/bss.h"
#include "core/ieee80211.h"
#include "core/log.h"
#include "core/trace.h"
#include "keys/keystore.h"
#include "keys/pmksa.h"
#include "mobility/mob_priv.h"
#include "mobility/mobility.h"
#include "mobility/pmksa_msg.h"
#include "tap.h"
#include "wpa_crypto.h"

/* ---- fakes ---- */

static uint64_t now = 1000000;
static struct pmksa_cache *cache;
static struct fsrd_bss bss_a;		/* the receiving (or sending) BSS */
static struct fsrd_bss_conf conf_a;
static struct fsrd_conf gconf;
static struct mob_bss mob_a;

/* what the transport was asked to send */
static unsigned int sends;
static uint8_t sent_plain[1600];
static size_t sent_len;
static bool sent_class;
static int send_ret;		/* -EMSGSIZE: refuse frames with Class */

uint64_t ev_now_ms(void)
{
	return now;
}

static uint64_t cache_now(void)
{
	return now;
}

struct pmksa_cache *keys_pmksa(void)
{
	return cache;
}

struct fsrd_bss *bss_next(unsigned int *i)
{
	return (*i)++ ? NULL : &bss_a;
}

struct mob_bss *mob_find(const struct fsrd_bss *b)
{
	return b == &bss_a ? &mob_a : NULL;
}

void mob_learned_expire(struct mob_bss *m)
{
	(void)m;
}

int mob_auth_tlvs(struct mob_peer *p, const uint8_t *nonce,
		  const uint8_t *r0kh_id, size_t r0kh_id_len,
		  const uint8_t *r1kh_id, uint8_t seqbuf[12],
		  struct rrb_tlv *auth)
{
	(void)p;
	(void)nonce;
	(void)r0kh_id;
	(void)r0kh_id_len;
	(void)r1kh_id;
	memset(seqbuf, 0, 12);
	memset(auth, 0, 3 * sizeof(*auth));
	return 0;
}

int mob_send(struct mob_bss *m, const uint8_t *dst, uint8_t subtype,
	     const uint8_t *key, const struct rrb_tlv *auth, size_t n_auth,
	     const struct rrb_tlv *enc, size_t n_enc)
{
	size_t i;

	(void)m;
	(void)dst;
	(void)key;
	(void)auth;
	(void)n_auth;
	if (subtype != RRB_FSR_PMKSA)
		return -EINVAL;
	sent_class = false;
	for (i = 0; i < n_enc; i++)
		if (enc[i].type == RRB_T_FSR_CLASS)
			sent_class = true;
	if (send_ret && sent_class)
		return send_ret;
	sends++;
	sent_len = 0;
	for (i = 0; i < n_enc; i++) {
		if (sent_len + 4 + enc[i].len > sizeof(sent_plain))
			return -EMSGSIZE;
		rrb_put_le16(sent_plain + sent_len, enc[i].type);
		rrb_put_le16(sent_plain + sent_len + 2, (uint16_t)enc[i].len);
		memcpy(sent_plain + sent_len + 4, enc[i].val, enc[i].len);
		sent_len += 4 + enc[i].len;
	}
	return 0;
}

void trace_sta_log(enum fsrd_log_level level, const struct fsrd_bss *b,
		   const uint8_t *addr, const char *event, const char *fmt,
		   ...)
{
	(void)level;
	(void)b;
	(void)addr;
	(void)event;
	(void)fmt;
}

void fsrd_log(enum fsrd_log_level level, const char *fmt, ...)
{
	(void)level;
	(void)fmt;
}

/* ---- helpers ---- */

static const uint8_t sta[6] = { 0x02, 0, 0, 0, 0x02, 0 };
static const uint8_t ap1[6] = { 0x02, 0, 0, 0, 0x00, 0 };	/* the peer */
static const uint8_t ap2[6] = { 0x02, 0, 0, 0, 0x01, 0 };	/* bss_a */
static const uint8_t pmk[32] = { 0x5a, 0x01, 0x02 };

static void setup(bool share)
{
	if (cache)
		pmksa_free(cache);
	cache = pmksa_new(8, cache_now);
	memset(&conf_a, 0, sizeof(conf_a));
	snprintf(conf_a.ifname, sizeof(conf_a.ifname), "wlan1");
	memcpy(conf_a.ssid, "staff", 5);
	conf_a.ssid_len = 5;
	conf_a.okc = true;
	conf_a.pmksa_share = share;
	memset(&gconf, 0, sizeof(gconf));
	memcpy(gconf.r0kh_id, "ap2.lab", 7);
	gconf.r0kh_id_len = 7;
	gconf.eap.pmksa_lifetime_s = 43200;
	memset(&bss_a, 0, sizeof(bss_a));
	bss_a.conf = &conf_a;
	bss_a.gconf = &gconf;
	memcpy(bss_a.addr, ap2, 6);
	memset(&mob_a, 0, sizeof(mob_a));
	mob_a.b = &bss_a;
	mob_a.r1[0].used = true;
	memcpy(mob_a.r1[0].k.addr, ap1, 6);
	memcpy(mob_a.r1[0].k.id, ap1, 6);
	mob_a.r1[0].k.id_len = 6;
	sends = 0;
	sent_len = 0;
	send_ret = 0;
}

/* A PMKSA as ap1 made it, 100 s ago, Session-Timeout st (0: none). */
static void peer_pmksa(struct rrb_pmksa *p, uint32_t st)
{
	memset(p, 0, sizeof(*p));
	memcpy(p->spa, sta, 6);
	memcpy(p->aa, ap1, 6);
	memcpy(p->pmk, pmk, 32);
	wpa_pmkid(pmk, 32, ap1, sta, p->pmkid);
	p->akm = RSN_AKM_8021X;
	memcpy(p->ssid, "staff", 5);
	p->ssid_len = 5;
	p->age_s = 100;
	p->life_s = 3000;
	snprintf(p->attrs.user_name, sizeof(p->attrs.user_name), "alice");
	if (st) {
		p->attrs.has_session_timeout = true;
		p->attrs.session_timeout = st;
	}
	p->attrs.n_class = 1;
	p->attrs.class_len[0] = 3;
	memcpy(p->attrs.class_val[0], "abc", 3);
}

/* p's TLVs as the plaintext of a message from ap1.lab */
static size_t plain_of(const struct rrb_pmksa *p, uint8_t *out)
{
	struct rrb_tlv t[RRB_PMKSA_TLVS];
	struct rrb_pmksa_buf buf;
	size_t n = rrb_pmksa_tlvs(p, true, &buf, t), i, len = 0;

	for (i = 0; i < n; i++) {
		rrb_put_le16(out + len, t[i].type);
		rrb_put_le16(out + len + 2, (uint16_t)t[i].len);
		memcpy(out + len + 4, t[i].val, t[i].len);
		len += 4 + t[i].len;
	}
	return len;
}

static const char *take(const struct rrb_pmksa *p)
{
	struct rrb_msg msg;
	uint8_t plain[1600];
	size_t len = plain_of(p, plain);

	memset(&msg, 0, sizeof(msg));
	msg.subtype = RRB_FSR_PMKSA;
	memcpy(msg.r0kh_id, "ap1.lab", 7);
	msg.r0kh_id_len = 7;
	return mob_take_pmksa(&mob_a, ap1, &msg, plain, len);
}

static bool why_has(const char *why, const char *text)
{
	return why && strstr(why, text);
}

/* ---- tests ---- */

static void test_take(void)
{
	struct ft_scope scope = { .akm = RSN_AKM_8021X, .ssid_len = 5 };
	const struct pmksa_entry *e;
	struct rrb_pmksa p;
	uint8_t id2[16];

	memcpy(scope.ssid, "staff", 5);
	setup(true);
	peer_pmksa(&p, 900);
	tap_ok(take(&p) == NULL, "a PMKSA from a configured R0KH: kept");
	e = pmksa_newest(cache, sta, &scope);
	tap_ok(e && !memcmp(e->aa, ap1, 6) && e->origin_len == 7 &&
	       !memcmp(e->origin, "ap1.lab", 7) &&
	       !strcmp(e->attrs.user_name, "alice") &&
	       e->attrs.n_class == 1,
	       "... under the peer's AA, origin its R0KH-ID, user and Class kept");
	/* 900 s Session-Timeout, 100 s old: 800 s left, less than 3000 */
	tap_ok(e && e->expires_ms == now + 800 * 1000ULL,
	       "... for what is left of the Session-Timeout (800 s)");
	tap_ok(e && e->created_ms == now - 100 * 1000ULL,
	       "... its age counted from the EAP authentication at the peer");
	wpa_pmkid(pmk, 32, ap2, sta, id2);
	tap_ok(pmksa_get_okc(cache, sta, ap2, &scope, id2) != NULL,
	       "... and OKC at this BSS finds it");

	setup(true);
	peer_pmksa(&p, 0);
	p.life_s = 50;
	tap_ok(take(&p) == NULL &&
	       (e = pmksa_newest(cache, sta, &scope)) &&
	       e->expires_ms == now + 50 * 1000ULL,
	       "no Session-Timeout: the sender's LIFETIME bounds it");
	setup(true);
	gconf.eap.pmksa_lifetime_s = 60;
	peer_pmksa(&p, 0);
	tap_ok(take(&p) == NULL &&
	       (e = pmksa_newest(cache, sta, &scope)) &&
	       e->expires_ms == now + 60 * 1000ULL,
	       "... and this fsrd's pmksa_lifetime when shorter");

	setup(false);
	peer_pmksa(&p, 900);
	tap_ok(why_has(take(&p), "pmksa_share is off") &&
	       !pmksa_newest(cache, sta, &scope),
	       "pmksa_share off on this BSS: refused, nothing kept");
	setup(true);
	peer_pmksa(&p, 900);
	p.akm = 0x000fac03;
	tap_ok(why_has(take(&p), "AKM 00-0f-ac:1"),
	       "an FT-802.1X AKM: refused");
	setup(true);
	peer_pmksa(&p, 900);
	memcpy(p.ssid, "guest", 5);
	tap_ok(why_has(take(&p), "another SSID") &&
	       !pmksa_newest(cache, sta, &scope),
	       "made on another SSID: refused");
	setup(true);
	peer_pmksa(&p, 900);
	memcpy(p.aa, ap2, 6);
	wpa_pmkid(pmk, 32, ap2, sta, p.pmkid);
	tap_ok(why_has(take(&p), "BSS of this fsrd"),
	       "an AA that is this fsrd's own BSS: refused");
	setup(true);
	peer_pmksa(&p, 90);
	tap_ok(why_has(take(&p), "Session-Timeout has passed"),
	       "older than its Session-Timeout: refused");
	setup(true);
	peer_pmksa(&p, 900);
	p.pmkid[0] ^= 1;
	tap_ok(why_has(take(&p), "PMKID is not its PMK's"),
	       "a PMKID that is not the PMK's: refused");
	setup(true);
	peer_pmksa(&p, 900);
	pmksa_add(cache, sta, ap1, &scope, pmk, 32, 3000, &p.attrs, NULL);
	tap_ok(why_has(take(&p), "made here"),
	       "an entry made here for that station and AA: not replaced");
	setup(true);
	{
		struct rrb_msg msg;
		uint8_t junk[8] = { 0x01, 0x00, 0x06, 0x00, 1, 2 };

		memset(&msg, 0, sizeof(msg));
		tap_ok(why_has(mob_take_pmksa(&mob_a, ap1, &msg, junk,
					      sizeof(junk)), "malformed"),
		       "a malformed message: refused");
	}
}

static void test_share(void)
{
	struct ft_scope scope = { .akm = RSN_AKM_8021X, .ssid_len = 5 };
	const struct pmksa_entry *e;
	struct eap_relay_attrs a;
	struct rrb_pmksa q;

	memcpy(scope.ssid, "staff", 5);
	memset(&a, 0, sizeof(a));
	snprintf(a.user_name, sizeof(a.user_name), "bob");
	a.n_class = 1;
	a.class_len[0] = 2;
	memcpy(a.class_val[0], "xy", 2);

	setup(true);
	mob_a.r1[1].used = true;
	memcpy(mob_a.r1[1].k.addr, ap1, 6);
	e = pmksa_add(cache, sta, ap2, &scope, pmk, 32, 600, &a, NULL);
	now += 5000;
	mobility_share_pmksa(&bss_a, e);
	tap_ok(sends == 2 && mob_a.cnt.pmksa_tx == 2 &&
	       mob_a.r1[0].p.st.pmksas_tx == 1,
	       "a PMKSA made here goes to each r1kh, counted");
	tap_ok(!rrb_pmksa_parse(sent_plain, sent_len, &q) &&
	       !memcmp(q.aa, ap2, 6) && !memcmp(q.pmk, pmk, 32) &&
	       !memcmp(q.pmkid, e->pmkid, 16) && q.age_s == 5 &&
	       q.life_s == 595 && q.attrs.n_class == 1 &&
	       !strcmp(q.attrs.user_name, "bob"),
	       "... the message: AA, PMK, PMKID, age 5 s, 595 s left, user, Class");

	setup(true);
	e = pmksa_add(cache, sta, ap2, &scope, pmk, 32, 600, &a, NULL);
	send_ret = -EMSGSIZE;
	mobility_share_pmksa(&bss_a, e);
	tap_ok(sends == 1 && !sent_class && mob_a.cnt.pmksa_tx == 1 &&
	       mob_a.cnt.pmksa_tx_fail == 0,
	       "too long for one frame: sent again without Class");

	setup(false);
	e = pmksa_add(cache, sta, ap2, &scope, pmk, 32, 600, &a, NULL);
	mobility_share_pmksa(&bss_a, e);
	tap_ok(sends == 0, "pmksa_share off: nothing sent");

	setup(true);
	{
		struct rrb_pmksa p;

		peer_pmksa(&p, 900);
		take(&p);
	}
	e = pmksa_newest(cache, sta, &scope);
	mobility_share_pmksa(&bss_a, e);
	tap_ok(e && e->origin_len && sends == 0,
	       "an entry a peer sent is never passed on");
}

int main(void)
{
	test_take();
	test_share();
	pmksa_free(cache);
	return tap_done();
}
