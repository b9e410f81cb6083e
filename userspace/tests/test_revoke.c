// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the revocation point (fsrd/keys/revoke.c) with the real
 * key stores (pmksa.c, ft_store.c) and station table, and fakes for what
 * talks to the kernel and the log: one call must empty every store of the
 * station (PMKSA on every AA, OKC copies, PMK-R0, PMK-R1s in fsr.ko, FT
 * roams under way) and nothing of another station; the trace line names
 * the cause and the counts; a failed or impossible fsr.ko flush does not
 * stop the rest.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ap/bss.h"
#include "core/log.h"
#include "core/trace.h"
#include "ft/pmk_push.h"
#include "keys/ft_store.h"
#include "keys/keystore.h"
#include "keys/pmksa.h"
#include "keys/r1_store.h"
#include "keys/revoke.h"
#include "tap.h"
#include "wpa_crypto.h"

/* ---- fakes ---- */

static uint64_t now = 1000;

uint64_t ev_now_ms(void)
{
	return now;
}

static uint64_t fake_now(void)
{
	return now;
}

static struct fsrd_bss *bsses[2];

/* the key-store service (keys/keystore.c) holds the PMKSA cache */
static struct pmksa_cache *the_pmksa;

struct pmksa_cache *keys_pmksa(void)
{
	return the_pmksa;
}

struct fsrd_bss *bss_next(unsigned int *i)
{
	while (*i < 2)
		if (bsses[(*i)++])
			return bsses[*i - 1];
	return NULL;
}

static unsigned int drops;

void sta_drop(struct fsrd_sta *sta, uint16_t reason, bool send_deauth,
	      const char *why)
{
	(void)reason;
	(void)send_deauth;
	(void)why;
	drops++;
	sta_remove(&sta->bss->stas, sta);
}

static char last_trace[512], last_log[512], last_warn[512];

void trace_sta_log(enum fsrd_log_level level, const struct fsrd_bss *b,
		   const uint8_t *addr, const char *event, const char *fmt,
		   ...)
{
	va_list ap;

	(void)level;
	(void)b;
	(void)addr;
	(void)event;
	va_start(ap, fmt);
	vsnprintf(last_trace, sizeof(last_trace), fmt, ap);
	va_end(ap);
}

void fsrd_log(enum fsrd_log_level level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(level == FSRD_LOG_WARN ? last_warn : last_log,
		  sizeof(last_log), fmt, ap);
	va_end(ap);
}

/* fsr.ko: how many PMK-R1s it holds per station (fsr.ko's per-namespace
 * cache), or an error */
static int kernel_err;
static uint8_t kernel_sta[6];
static uint32_t kernel_r1;
static unsigned int flushes;

int pmk_flush_sta(const uint8_t *spa, uint32_t *removed, char *err,
		  size_t errlen)
{
	flushes++;
	*removed = 0;
	if (kernel_err) {
		snprintf(err, errlen, "fake: %s", strerror(-kernel_err));
		return kernel_err;
	}
	err[0] = '\0';
	if (!memcmp(spa, kernel_sta, 6)) {
		*removed = kernel_r1;
		kernel_r1 = 0;
	}
	return 0;
}

/* mobility/: the REVOKEs sent to the R1KHs we push to */
static unsigned int revokes_sent;
static uint8_t revoked_sta[6];
static bool revoked_r0, revoked_pmksa;

void mobility_revoke(const uint8_t *spa, bool r0, bool pmksa)
{
	revokes_sent++;
	memcpy(revoked_sta, spa, 6);
	revoked_r0 = r0;
	revoked_pmksa = pmksa;
}

/* ---- tests ---- */

static const uint8_t sta1[6] = { 2, 0, 0, 0, 1, 0 };
static const uint8_t sta2[6] = { 2, 0, 0, 0, 2, 0 };
static const uint8_t ap1[6] = { 2, 0, 0, 0, 0, 1 };
static const uint8_t ap2[6] = { 2, 0, 0, 0, 0, 2 };
static const uint8_t ap3[6] = { 2, 0, 0, 0, 0, 3 };
static const struct ft_scope sc1 = { .akm = 0x000fac01, .ssid_len = 3,
				     .ssid = "lab" };
static const struct ft_scope sc3 = { .akm = 0x000fac03, .ssid_len = 3,
				     .ssid = "lab" };

static void r0_add(const uint8_t *spa, uint8_t fill, uint32_t life_s)
{
	struct fsr_ft_pmk_r0 r0;
	struct ft_scope sc = { .akm = 0x000fac03, .ssid_len = 3 };

	memcpy(sc.ssid, "lab", 3);
	memset(&r0, fill, sizeof(r0));
	r0.key_len = 32;
	ft_store_add(spa, &r0, &sc, life_s);
}

static void test_every_store(struct pmksa_cache *c)
{
	uint8_t pmk[32], id2[16], id3[16];
	struct keys_revoked r;
	size_t n;

	memset(pmk, 0x5a, sizeof(pmk));
	pmksa_add(c, sta1, ap1, &sc1, pmk, 32, 3600, NULL, NULL);
	pmksa_add(c, sta1, ap2, &sc3, pmk, 32, 3600, NULL, NULL);
	wpa_pmkid(pmk, 32, ap3, sta1, id3);
	tap_ok(pmksa_get_okc(c, sta1, ap3, &sc1, id3) != NULL,
	       "setup: an OKC copy for a third AA");
	pmksa_add(c, sta2, ap1, &sc1, pmk, 32, 3600, NULL, NULL);
	r0_add(sta1, 0x11, 3600);
	r0_add(sta2, 0x22, 3600);
	{
		/* PMK-R1s another host pushed: two BSSes of sta1, one of sta2 */
		struct r1_entry e = { 0 };

		memcpy(e.spa, sta1, 6);
		e.r1kh_id[5] = 1;
		e.r1.key_len = 32;
		memset(e.r1.key, 0x33, 32);
		r1_store_add(&e, 3600);
		e.r1kh_id[5] = 2;
		r1_store_add(&e, 3600);
		memcpy(e.spa, sta2, 6);
		r1_store_add(&e, 3600);
		explicit_bzero(&e, sizeof(e));
	}
	{
		struct r1_entry got;
		uint8_t id[6] = { 0, 0, 0, 0, 0, 2 }, name[16] = { 0 };

		tap_ok(!r1_store_get(sta1, id, name, &got) &&
		       !memcmp(got.spa, sta1, 6) && got.r1.key[0] == 0x33,
		       "setup: a received PMK-R1 found by station, R1KH-ID, PMKR1Name");
		name[0] = 1;
		tap_ok(r1_store_get(sta1, id, name, &got) == -ENOENT,
		       "... not under another PMKR1Name");
		explicit_bzero(&got, sizeof(got));
	}
	memcpy(kernel_sta, sta1, 6);
	kernel_r1 = 2;

	n = keys_revoke_sta(bsses[0], sta1, "EAPOL-Logoff", &r);
	tap_ok(r.pmksa == 3 && r.pmk_r0 == 1 && r.pmk_r1 == 2 && !r.r1_err &&
	       r.ft_pending == 0 && r.pmk_r1_rx == 2 && n == 8,
	       "one call: 3 PMKSAs (2 AAs and the OKC copy), the PMK-R0, 2 PMK-R1s, 2 received PMK-R1s");
	tap_ok(r1_store_count() == 1 && r1_store_remove(sta1) == 0,
	       "the station's received PMK-R1s are gone, the other one's stays");
	tap_ok(strstr(last_trace, "2 PMK-R1(s) received from peers") != NULL,
	       "trace line counts the received PMK-R1s");
	tap_ok(flushes == 1 && kernel_r1 == 0, "fsr.ko asked once, for the station");
	tap_ok(revokes_sent == 1 && !memcmp(revoked_sta, sta1, 6) &&
	       revoked_r0 && revoked_pmksa,
	       "its PMK-R0 was ours and it had PMKSAs: the peers are told once, of both");
	tap_ok(!pmksa_newest(c, sta1, NULL), "no PMKSA of the station left");
	wpa_pmkid(pmk, 32, ap2, sta1, id2);
	tap_ok(!pmksa_get_okc(c, sta1, ap2, &sc1, id2),
	       "no OKC from a revoked PMK");
	tap_ok(pmksa_newest(c, sta2, NULL) && pmksa_count(c) == 1,
	       "another station's PMKSA stays");
	tap_ok(ft_store_count() == 1 && ft_store_remove(sta1) == 0,
	       "the station's PMK-R0 is gone, the other one's stays");
	tap_ok(strstr(last_trace, "keys revoked (EAPOL-Logoff): 3 PMKSA(s), 1 PMK-R0(s), 2 PMK-R1(s) in fsr.ko") != NULL,
	       "trace line names the cause and what went");
	if (!strstr(last_trace, "keys revoked (EAPOL-Logoff)"))
		tap_diag("trace", last_trace);

	n = keys_revoke_sta(bsses[0], sta1, "Session-Timeout", &r);
	tap_ok(n == 0 && r.pmksa == 0 && r.pmk_r0 == 0 && r.pmk_r1 == 0,
	       "a second revocation finds nothing");
	tap_ok(revokes_sent == 1, "... and tells no peer (no key of ours)");

	/* a PMKSA alone (802.1X without FT): the PMKSA peers are told */
	pmksa_add(c, sta1, ap1, &sc1, pmk, 32, 3600, NULL, NULL);
	keys_revoke_sta(bsses[0], sta1, "Access-Reject", &r);
	tap_ok(revokes_sent == 2 && r.pmksa == 1 && r.pmk_r0 == 0 &&
	       !revoked_r0 && revoked_pmksa,
	       "a PMKSA alone: the peers are told, of a PMKSA only");
	pmksa_flush(c);
	ft_store_flush();
}

static void test_kernel_errors(struct pmksa_cache *c)
{
	uint8_t pmk[32];
	struct keys_revoked r;

	memset(pmk, 0x33, sizeof(pmk));
	pmksa_add(c, sta1, ap1, &sc1, pmk, 32, 3600, NULL, NULL);
	r0_add(sta1, 0x44, 3600);
	kernel_err = -ENOENT;
	last_warn[0] = '\0';
	keys_revoke_sta(bsses[0], sta1, "Access-Reject", &r);
	tap_ok(r.pmksa == 1 && r.pmk_r0 == 1 && r.r1_err == -ENOENT &&
	       strstr(last_trace, "no PMK-R1 in fsr.ko (not loaded)") &&
	       !last_warn[0],
	       "fsr.ko not loaded: the stores of fsrd are emptied, no warning");

	pmksa_add(c, sta1, ap1, &sc1, pmk, 32, 3600, NULL, NULL);
	r0_add(sta1, 0x44, 3600);
	kernel_err = -EPERM;
	keys_revoke_sta(bsses[0], sta1, "Access-Reject", &r);
	tap_ok(r.pmksa == 1 && r.pmk_r0 == 1 && r.r1_err == -EPERM &&
	       strstr(last_trace, "NOT removed") && strstr(last_warn, "fake"),
	       "fsr.ko refuses the flush: said in the trace and warned, fsrd's stores emptied anyway");
	kernel_err = 0;
}

static void test_expired_and_no_bss(struct pmksa_cache *c)
{
	uint8_t pmk[32];
	struct keys_revoked r;

	memset(pmk, 0x66, sizeof(pmk));
	pmksa_add(c, sta2, ap1, &sc1, pmk, 32, 10, NULL, NULL);
	r0_add(sta2, 0x77, 10);
	now += 20 * 1000;
	/* expired entries hold key bytes until pruned: they go too */
	last_log[0] = '\0';
	keys_revoke_sta(NULL, sta2, "RADIUS Disconnect-Request", &r);
	tap_ok(r.pmksa == 1 && r.pmk_r0 == 1 && pmksa_count(c) == 0 &&
	       ft_store_count() == 0,
	       "expired entries are removed too");
	tap_ok(strstr(last_log, "02:00:00:00:02:00: keys revoked (RADIUS Disconnect-Request)") != NULL,
	       "a station on no BSS: a log line with its address");
}

static void test_ft_pending(void)
{
	struct fsrd_sta *a, *b;
	struct keys_revoked r;

	a = sta_add(&bsses[0]->stas, sta1);
	b = sta_add(&bsses[1]->stas, sta1);
	a->bss = bsses[0];
	b->bss = bsses[1];
	a->state = FSRD_STA_ASSOC;
	a->ft.valid = true;
	memset(a->ft.ptk.kck, 0xee, sizeof(a->ft.ptk.kck));
	b->state = FSRD_STA_AUTH;
	b->ft.valid = true;
	memset(b->ft.ptk.kck, 0xee, sizeof(b->ft.ptk.kck));
	drops = 0;
	keys_revoke_sta(bsses[0], sta1, "RADIUS Disconnect-Request", &r);
	tap_ok(r.ft_pending == 2 && drops == 1 &&
	       !sta_find(&bsses[1]->stas, sta1),
	       "an FT Authentication answered on another BSS: that record is dropped");
	tap_ok(sta_find(&bsses[0]->stas, sta1) == a && !a->ft.valid &&
	       a->ft.ptk.kck[0] == 0,
	       "the associated record stays for its owner to end, its FT keys wiped");
	sta_remove(&bsses[0]->stas, a);
}

/* A REVOKE from one R0KH takes that R0KH's PMK-R1s of the station only */
static unsigned int seen;

static void saw(const struct r1_entry *e, void *arg)
{
	(void)arg;
	if (e->r1.key[0] == 0x44)
		seen++;
}

static void test_remove_from(void)
{
	struct r1_entry e = { 0 };

	memcpy(e.spa, sta1, 6);
	e.r1.key_len = 32;
	memset(e.r1.key, 0x44, 32);
	memcpy(e.r0kh_id, "ap1", 3);
	e.r0kh_id_len = 3;
	e.r1kh_id[5] = 1;
	r1_store_add(&e, 3600);
	memcpy(e.r0kh_id, "ap1.x", 5);
	e.r0kh_id_len = 5;
	e.r1kh_id[5] = 2;
	r1_store_add(&e, 3600);
	memcpy(e.spa, sta2, 6);
	memcpy(e.r0kh_id, "ap1", 3);
	e.r0kh_id_len = 3;
	r1_store_add(&e, 3600);
	explicit_bzero(&e, sizeof(e));
	tap_ok(r1_store_remove_from(sta1, (const uint8_t *)"ap1", 3, saw,
				    NULL) == 1 && seen == 1,
	       "REVOKE: the station's PMK-R1 of that R0KH-ID goes, seen once");
	tap_ok(r1_store_count() == 2 &&
	       r1_store_remove_from(sta1, (const uint8_t *)"ap1", 3, NULL,
				    NULL) == 0,
	       "... another R0KH-ID (a longer one with the same prefix) and another station's stay");
	r1_store_flush();
}

int main(void)
{
	struct pmksa_cache *c = pmksa_new(16, fake_now);
	static struct fsrd_bss b0, b1;

	sta_table_init(&b0.stas, 8);
	sta_table_init(&b1.stas, 8);
	bsses[0] = &b0;
	bsses[1] = &b1;
	the_pmksa = c;
	test_every_store(c);
	test_kernel_errors(c);
	test_expired_and_no_bss(c);
	test_ft_pending();
	test_remove_from();
	the_pmksa = NULL;
	pmksa_flush(c);
	pmksa_add(c, sta1, ap1, &sc1,
		  (const uint8_t *)"0123456789abcdef0123456789abcdef", 32, 60,
		  NULL, NULL);
	tap_ok(keys_revoke_sta(NULL, sta1, "x", NULL) == 0 && pmksa_count(c) == 1,
	       "no PMKSA cache (no 802.1X BSS): the PMKSA store is not touched");
	pmksa_free(c);
	return tap_done();
}
