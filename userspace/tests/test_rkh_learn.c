// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the peers learned through hostapd's wildcard r0kh/r1kh
 * lines (fsrd/mobility/learn.c), with the real RRB codec and AES-SIV
 * and fakes for the clock, the pending pulls and the log: a peer is
 * learned only from a frame sealed with the wildcard key, never over a
 * configured line, at most MOB_LEARNED_MAX of a kind (the least recently
 * heard goes, never one a pull waits on), forgotten at rkh_pos_timeout,
 * and an R0KH looked for at the broadcast address is found at the
 * address of the first frame of its that verifies.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ap/bss.h"
#include "core/log.h"
#include "mobility/mob_priv.h"
#include "tap.h"

/* ---- fakes ---- */

static uint64_t now = 100000;

uint64_t ev_now_ms(void)
{
	return now;
}

static bool waits[MOB_RKH_MAX];

bool mob_pull_waits_on(const struct mob_bss *m, size_t i)
{
	(void)m;
	return waits[i];
}

void fsrd_log(enum fsrd_log_level level, const char *fmt, ...)
{
	(void)level;
	(void)fmt;
}

void fsrd_log_rl(struct log_rl *rl, enum fsrd_log_level level,
		 const char *fmt, ...)
{
	(void)rl;
	(void)level;
	(void)fmt;
}

/* ---- helpers ---- */

static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
static const uint8_t wild_key[32] = { 0x11, 0x22, 0x33 };
static const uint8_t other_key[32] = { 0x44 };
static const uint8_t our_r1kh_id[6] = { 0x02, 0, 0, 0, 0x01, 0 };

/* A SEQ_REQ of R0KH-ID r0kh_id for our R1KH-ID, sealed with key by src:
 * what an R0KH sends first. Parsed into *msg (pointing into buf). */
static void seq_req_ids(const uint8_t *key, const uint8_t *src,
			const char *r0kh_id, const uint8_t *r1kh_id,
			uint8_t *buf, size_t size, struct rrb_msg *msg)
{
	static const uint8_t nonce[RRB_NONCE_LEN] = { 9, 9, 9 };
	struct rrb_tlv auth[3] = {
		{ RRB_T_NONCE, RRB_NONCE_LEN, nonce },
		{ RRB_T_R0KH_ID, (uint16_t)strlen(r0kh_id),
		  (const uint8_t *)r0kh_id },
		{ RRB_T_R1KH_ID, 6, r1kh_id },
	};
	size_t len = 0;

	if (rrb_build(key, src, RRB_SEQ_REQ, auth, 3, NULL, 0, buf, size,
		      &len) ||
	    rrb_msg_parse(RRB_SEQ_REQ, buf, len, msg))
		abort();
}

static void seq_req(const uint8_t *key, const uint8_t *src,
		    const char *r0kh_id, uint8_t *buf, size_t size,
		    struct rrb_msg *msg)
{
	seq_req_ids(key, src, r0kh_id, our_r1kh_id, buf, size, msg);
}

static void setup(struct mob_bss *m, struct fsrd_bss *b,
		  struct fsrd_bss_conf *bc)
{
	memset(m, 0, sizeof(*m));
	memset(b, 0, sizeof(*b));
	memset(bc, 0, sizeof(*bc));
	memset(waits, 0, sizeof(waits));
	snprintf(bc->ifname, sizeof(bc->ifname), "wlan0");
	bc->rkh_pos_timeout_s = 600;
	bc->rkh_neg_timeout_s = 60;
	b->conf = bc;
	m->b = b;
	/* a configured line in slot 0 of each kind */
	m->r0[0].used = true;
	memcpy(m->r0[0].k.addr, "\x02\x00\x00\x00\x03\x00", 6);
	memcpy(m->r0[0].k.id, "listed", 6);
	m->r0[0].k.id_len = 6;
	memcpy(m->r0[0].k.key, other_key, 32);
	m->r1[0].used = true;
	memcpy(m->r1[0].k.addr, "\x02\x00\x00\x00\x04\x00", 6);
	memcpy(m->r1[0].k.id, "\x02\x00\x00\x00\x04\x00", 6);
	m->r1[0].k.id_len = 6;
	memcpy(m->r0_wild.key, wild_key, 32);
	memcpy(m->r1_wild.key, wild_key, 32);
	m->have_r0_wild = m->have_r1_wild = true;
}

static size_t learned(const struct mob_rkh *t)
{
	size_t n = 0;

	for (size_t i = 0; i < MOB_RKH_MAX; i++)
		n += t[i].used && t[i].learned_ms;
	return n;
}

/* ---- tests ---- */

static void test_learn_and_expire(void)
{
	struct fsrd_bss_conf bc;
	struct fsrd_bss b;
	struct mob_bss m;
	uint8_t addr[6] = { 0x02, 0, 0, 0, 0x05, 0 };
	int i;

	setup(&m, &b, &bc);
	i = mob_learn(&m, false, addr, addr, 6, 600000);
	tap_ok(i == 1 && m.r1[1].used && m.r1[1].learned_ms == now &&
	       m.r1[1].until_ms == now + 600000 &&
	       !memcmp(m.r1[1].k.key, wild_key, 32) &&
	       m.cnt.rkh_learned == 1,
	       "an R1KH learned: next free slot, the wildcard key, until now + rkh_pos_timeout");
	tap_ok(mob_r1kh_by_id(&m, addr) == 1 &&
	       mob_r1kh_by_id(&m, m.r1[0].k.id) == 0,
	       "found by R1KH-ID, the configured line first");
	now += 599999;
	mob_learned_expire(&m);
	tap_ok(m.r1[1].used, "kept until rkh_pos_timeout");
	now += 1;
	mob_learned_expire(&m);
	tap_ok(!m.r1[1].used && m.r1[0].used && m.cnt.rkh_forgotten == 1,
	       "forgotten at rkh_pos_timeout, the configured line stays");
	tap_ok(mob_r1kh_by_id(&m, addr) < 0, "... and no longer found");
}

static void test_bound(void)
{
	struct fsrd_bss_conf bc;
	struct fsrd_bss b;
	struct mob_bss m;
	uint8_t addr[6] = { 0x02, 0, 0, 0, 0, 0 };
	char id[8];
	size_t n;
	int i;

	setup(&m, &b, &bc);
	for (n = 0; n < MOB_LEARNED_MAX; n++) {
		now += 10;
		addr[5] = (uint8_t)n;
		snprintf(id, sizeof(id), "r0-%02zu", n);
		i = mob_learn(&m, true, addr, (const uint8_t *)id, 5,
			      600000);
		if (i < 0)
			break;
	}
	tap_ok(n == MOB_LEARNED_MAX && learned(m.r0) == MOB_LEARNED_MAX,
	       "MOB_LEARNED_MAX R0KHs learned");
	/* the oldest (r0-00) has a pull waiting; r0-01 was heard last */
	waits[mob_r0kh_by_id(&m, (const uint8_t *)"r0-00", 5)] = true;
	m.r0[mob_r0kh_by_id(&m, (const uint8_t *)"r0-01", 5)].p.st.last_rx_ms =
		now + 5;
	now += 10;
	addr[5] = 0xee;
	i = mob_learn(&m, true, addr, (const uint8_t *)"new", 3, 600000);
	tap_ok(i >= 0 && learned(m.r0) == MOB_LEARNED_MAX &&
	       mob_r0kh_by_id(&m, (const uint8_t *)"r0-00", 5) >= 0 &&
	       mob_r0kh_by_id(&m, (const uint8_t *)"r0-01", 5) >= 0 &&
	       mob_r0kh_by_id(&m, (const uint8_t *)"r0-02", 5) < 0 &&
	       mob_r0kh_by_id(&m, (const uint8_t *)"listed", 6) == 0,
	       "full: the least recently heard learned one goes (not one a pull waits on, not one heard lately, never a listed one)");
	for (n = 0; n < MOB_RKH_MAX; n++)
		waits[n] = m.r0[n].used && m.r0[n].learned_ms;
	i = mob_learn(&m, true, addr, (const uint8_t *)"more", 4, 600000);
	tap_ok(i < 0 && m.cnt.rkh_learn_full == 1 &&
	       learned(m.r0) == MOB_LEARNED_MAX,
	       "full of R0KHs pulls wait on: not learned, counted (rkh_learn_full)");
	now += 700000;
	mob_learned_expire(&m);
	tap_ok(learned(m.r0) == MOB_LEARNED_MAX,
	       "an R0KH a pull waits on outlives its time");
	memset(waits, 0, sizeof(waits));
	mob_learned_expire(&m);
	tap_ok(learned(m.r0) == 0 && m.r0[0].used,
	       "... and goes once no pull waits on it");
}

/* R0KH-IDs to look for come from stations' unprotected frames: at most
 * MOB_LOOKING_MAX of them, and never at the cost of a found R0KH. */
static void test_looking(void)
{
	struct fsrd_bss_conf bc;
	struct fsrd_bss b;
	struct mob_bss m;
	uint8_t addr[6] = { 0x02, 0, 0, 0, 0, 0 };
	char id[8];
	size_t n, found = 0, looking = 0;
	int i;

	setup(&m, &b, &bc);
	for (n = 0; n < MOB_LOOKING_MAX + 3; n++) {
		now += 10;
		snprintf(id, sizeof(id), "look%02zu", n);
		i = mob_learn(&m, true, bcast, (const uint8_t *)id, 6, 60000);
		if (i < 0)
			break;
	}
	for (n = 0; n < MOB_RKH_MAX; n++)
		looking += m.r0[n].used && mob_addr_is_bcast(m.r0[n].k.addr);
	tap_ok(looking == MOB_LOOKING_MAX &&
	       mob_r0kh_by_id(&m, (const uint8_t *)"look00", 6) < 0 &&
	       mob_r0kh_by_id(&m, (const uint8_t *)"look18", 6) >= 0,
	       "at most MOB_LOOKING_MAX R0KH-IDs looked for: the oldest goes");
	setup(&m, &b, &bc);
	for (n = 0; n < MOB_LEARNED_MAX; n++) {
		now += 10;
		addr[5] = (uint8_t)n;
		snprintf(id, sizeof(id), "r0-%02zu", n);
		mob_learn(&m, true, addr, (const uint8_t *)id, 5, 600000);
	}
	i = mob_learn(&m, true, bcast, (const uint8_t *)"look", 4, 60000);
	for (n = 0; n < MOB_RKH_MAX; n++)
		found += m.r0[n].used && m.r0[n].learned_ms &&
			 !mob_addr_is_bcast(m.r0[n].k.addr);
	tap_ok(i < 0 && found == MOB_LEARNED_MAX && m.cnt.rkh_learn_full == 1,
	       "a table of found R0KHs: an R0KH-ID to look for pushes none out");
}

static void test_r0kh_found(void)
{
	struct fsrd_bss_conf bc;
	struct fsrd_bss b;
	struct mob_bss m;
	uint8_t buf[512];
	uint8_t src[6] = { 0x02, 0, 0, 0, 0x07, 0 };
	uint8_t grp[6] = { 0x03, 0, 0, 0, 0x07, 0 };
	struct rrb_msg msg;
	int i;

	setup(&m, &b, &bc);
	i = mob_learn(&m, true, bcast, (const uint8_t *)"far-r0kh", 8, 60000);
	tap_ok(i == 1 && mob_addr_is_bcast(m.r0[1].k.addr),
	       "an R0KH looked for: the broadcast address, rkh_neg_timeout");
	seq_req(other_key, src, "far-r0kh", buf, sizeof(buf), &msg);
	tap_ok(!mob_r0kh_found(&m, 1, src, &msg) &&
	       mob_addr_is_bcast(m.r0[1].k.addr),
	       "a frame sealed with another key teaches nothing");
	seq_req(wild_key, src, "other-r0kh", buf, sizeof(buf), &msg);
	tap_ok(!mob_r0kh_found(&m, 1, src, &msg),
	       "nor one naming another R0KH-ID");
	seq_req(wild_key, grp, "far-r0kh", buf, sizeof(buf), &msg);
	tap_ok(!mob_r0kh_found(&m, 1, grp, &msg),
	       "nor one from a group address");
	seq_req(wild_key, src, "far-r0kh", buf, sizeof(buf), &msg);
	tap_ok(mob_r0kh_found(&m, 1, src, &msg) &&
	       !memcmp(m.r0[1].k.addr, src, 6) &&
	       m.r0[1].until_ms == now + 600000,
	       "its frame sealed with the wildcard key: found at its address, for rkh_pos_timeout");
	tap_ok(!mob_r0kh_found(&m, 1, src, &msg),
	       "found once: no longer looked for");
	tap_ok(mob_find_r0kh(&m, src, &msg) == 1,
	       "mob_find_r0kh: the learned R0KH at its address");
	tap_ok(!mob_r0kh_found(&m, 0, m.r0[0].k.addr, &msg),
	       "a configured line is never 'found' elsewhere");
}

static void test_learn_r0kh(void)
{
	struct fsrd_bss_conf bc;
	struct fsrd_bss b;
	struct mob_bss m;
	uint8_t buf[512];
	uint8_t src[6] = { 0x02, 0, 0, 0, 0x08, 0 };
	uint8_t moved[6] = { 0x02, 0, 0, 0, 0x09, 0 };
	struct rrb_msg msg;
	int i;

	setup(&m, &b, &bc);
	seq_req(wild_key, src, "listed", buf, sizeof(buf), &msg);
	tap_ok(mob_learn_r0kh(&m, src, &msg) < 0 &&
	       !memcmp(m.r0[0].k.addr, "\x02\x00\x00\x00\x03\x00", 6) &&
	       learned(m.r0) == 0,
	       "a listed R0KH-ID from another address, even sealed with the wildcard key: refused, the line unchanged");
	seq_req(other_key, src, "newcomer", buf, sizeof(buf), &msg);
	tap_ok(mob_learn_r0kh(&m, src, &msg) < 0 && learned(m.r0) == 0,
	       "an unknown R0KH-ID not sealed with the wildcard key: refused");
	seq_req(wild_key, src, "newcomer", buf, sizeof(buf), &msg);
	i = mob_learn_r0kh(&m, src, &msg);
	tap_ok(i > 0 && !memcmp(m.r0[i].k.addr, src, 6) &&
	       m.r0[i].k.id_len == 8 && learned(m.r0) == 1,
	       "an unknown R0KH-ID sealed with the wildcard key: learned at its address");
	seq_req(wild_key, moved, "newcomer", buf, sizeof(buf), &msg);
	i = mob_learn_r0kh(&m, moved, &msg);
	tap_ok(i > 0 && !memcmp(m.r0[i].k.addr, moved, 6) &&
	       learned(m.r0) == 1 && m.cnt.rkh_forgotten == 1,
	       "a learned R0KH at a new address (verified): learned again there, once");
	m.have_r0_wild = false;
	seq_req(wild_key, src, "third", buf, sizeof(buf), &msg);
	tap_ok(mob_learn_r0kh(&m, src, &msg) < 0,
	       "no wildcard r0kh line: nothing learned");
}

/* An R1KH asks us (its R0KH) first: learned only through the wildcard
 * r1kh key, never over a listed R1KH-ID. */
static void test_learn_r1kh(void)
{
	struct fsrd_bss_conf bc;
	struct fsrd_bss b;
	struct mob_bss m;
	uint8_t buf[512];
	uint8_t src[6] = { 0x02, 0, 0, 0, 0x0a, 0 };
	struct rrb_msg msg;
	int i;

	setup(&m, &b, &bc);
	seq_req_ids(wild_key, src, "us", m.r1[0].k.id, buf, sizeof(buf),
		    &msg);
	tap_ok(mob_learn_r1kh(&m, src, &msg) < 0 && learned(m.r1) == 0,
	       "R1KH: a listed R1KH-ID from another address: refused");
	seq_req_ids(other_key, src, "us", src, buf, sizeof(buf), &msg);
	tap_ok(mob_learn_r1kh(&m, src, &msg) < 0 && learned(m.r1) == 0,
	       "R1KH: not sealed with the wildcard key: refused");
	seq_req_ids(wild_key, src, "us", src, buf, sizeof(buf), &msg);
	i = mob_learn_r1kh(&m, src, &msg);
	tap_ok(i > 0 && !memcmp(m.r1[i].k.addr, src, 6) &&
	       !memcmp(m.r1[i].k.id, src, 6) && learned(m.r1) == 1,
	       "R1KH: sealed with the wildcard key: learned at its address");
}

int main(void)
{
	test_learn_and_expire();
	test_bound();
	test_looking();
	test_r0kh_found();
	test_learn_r0kh();
	test_learn_r1kh();
	return tap_done();
}
