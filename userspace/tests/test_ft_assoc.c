// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of fsrd's FT roam around its Reassociation Response
 * (fsrd/ap/ft_assoc.c) with fakes for nl80211, the event loop's timers,
 * the log and the rest of the daemon: the station is added unassociated
 * once and leaves the kernel at the deadline; the PTK and the port follow
 * only the ACK of the response's own cookie, once; a response not
 * acknowledged in time ends the station; a cancel wipes the held PTK; a
 * rekey between the response and its ACK gives the station the new GTK.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ap/bss.h"
#include "ap/ft_assoc.h"
#include "core/auth_stats.h"
#include "core/log.h"
#include "core/trace.h"
#include "drv/nl80211.h"
#include "eap/sta_eap.h"
#include "tap.h"

/* ---- fakes ---- */

uint64_t ev_now_ms(void)
{
	return 1000;
}

static unsigned int last_arm_ms;

void ev_timer_arm(struct ev_timer *t, unsigned int ms)
{
	t->armed = true;
	t->when_ms = 1000 + ms;
	last_arm_ms = ms;
}

void ev_timer_cancel(struct ev_timer *t)
{
	t->armed = false;
}

static unsigned int n_new_auth, n_del, n_new_key, n_authorize, n_drop,
	n_forget, n_eap_roamed, n_give, n_portal;
static int new_auth_err, new_key_err;
static uint8_t key_seen[32];
static char last_drop[200];

int nl80211_new_station_auth(int ifindex, const uint8_t *addr)
{
	(void)ifindex;
	(void)addr;
	n_new_auth++;
	return new_auth_err;
}

int nl80211_del_station(int ifindex, const uint8_t *addr)
{
	(void)ifindex;
	(void)addr;
	n_del++;
	return 0;
}

int nl80211_new_key(int ifindex, const uint8_t *addr, uint8_t idx,
		    uint32_t cipher, const uint8_t *key, size_t key_len,
		    const uint8_t *seq, size_t seq_len)
{
	(void)ifindex;
	(void)addr;
	(void)idx;
	(void)cipher;
	(void)seq;
	(void)seq_len;
	n_new_key++;
	if (key_len <= sizeof(key_seen))
		memcpy(key_seen, key, key_len);
	return new_key_err;
}

int nl80211_authorize(int ifindex, const uint8_t *addr)
{
	(void)ifindex;
	(void)addr;
	n_authorize++;
	return 0;
}

/* the real one also cancels the FT wait and removes the station */
void sta_drop(struct fsrd_sta *sta, uint16_t reason, bool send_deauth,
	      const char *why)
{
	(void)reason;
	(void)send_deauth;
	n_drop++;
	snprintf(last_drop, sizeof(last_drop), "%s", why);
	ft_assoc_cancel(sta);
	if (sta->in_kernel) {
		sta->in_kernel = false;
		n_del++;
	}
	sta_remove(&sta->bss->stas, sta);
}

void bss_forget_elsewhere(struct fsrd_bss *b, const uint8_t *addr)
{
	(void)b;
	(void)addr;
	n_forget++;
}

void bss_give_current_gtk(struct fsrd_bss *b, struct fsrd_sta *sta,
			  uint8_t given, const char *giver)
{
	(void)b;
	(void)sta;
	(void)given;
	(void)giver;
	n_give++;
}

void sta_eap_ft_roamed(struct fsrd_sta *sta)
{
	(void)sta;
	n_eap_roamed++;
}

void portal_svc_sta_authorized(const struct fsrd_sta *sta)
{
	/* a Portal session follows only a station whose port is open */
	if (sta->authorized)
		n_portal++;
}

struct fsrd_auth_stats *fsrd_auth_stats(void)
{
	static struct fsrd_auth_stats s;

	return &s;
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

/* ---- tests ---- */

static struct fsrd_bss_conf bc = { .ifname = "wlan0",
				   .reassoc_deadline_tu = 1000 };
static struct fsrd_bss bss = { .conf = &bc, .ifindex = 3 };
static const uint8_t addr[6] = { 2, 0, 0, 0, 1, 0 };

static void reset(void)
{
	n_new_auth = n_del = n_new_key = n_authorize = n_drop = n_forget =
		n_eap_roamed = n_give = n_portal = 0;
	new_auth_err = new_key_err = 0;
	memset(key_seen, 0, sizeof(key_seen));
}

/* a station at its FT Authentication's answer: PTK derived */
static struct fsrd_sta *ft_sta(void)
{
	struct fsrd_sta *sta = sta_add(&bss.stas, addr);

	sta->bss = &bss;
	sta->ft.valid = true;
	sta->ft.cipher = 0x000fac04;
	sta->ft.ptk.tk_len = 16;
	memset(sta->ft.ptk.tk, 0x5a, 16);
	return sta;
}

/* what rx_ft_reassoc does before ft_assoc_wait_ack() */
static void reassociated(struct fsrd_sta *sta, uint64_t cookie)
{
	sta->state = FSRD_STA_ASSOC;
	sta->in_kernel = true;
	ft_assoc_wait_ack(sta, cookie);
}

static bool all_zero(const void *p, size_t len)
{
	const uint8_t *b = p;

	while (len--)
		if (*b++)
			return false;
	return true;
}

static void test_preadd(void)
{
	struct fsrd_sta *sta;

	reset();
	sta = ft_sta();
	ft_assoc_preadd(&bss, sta);
	tap_ok(n_new_auth == 1 && sta->in_kernel,
	       "preadd: one NEW_STATION (unassociated), station in the kernel");
	tap_ok(sta->ft_timer.armed && last_arm_ms == 1000 * 1024 / 1000 + 1000,
	       "preadd: removal armed at the reassociation deadline + 1 s");
	ft_assoc_preadd(&bss, sta);
	tap_ok(n_new_auth == 1, "preadd: not added twice");
	sta->ft_timer.fn(&sta->ft_timer);
	tap_ok(n_del == 1 && !sta->in_kernel && n_drop == 0,
	       "preadd: no Reassociation by the deadline: kernel entry removed, record kept");
	sta_drop(sta, 0, false, "test");

	reset();
	new_auth_err = -ENOMEM;
	sta = ft_sta();
	ft_assoc_preadd(&bss, sta);
	tap_ok(!sta->in_kernel && !sta->ft_timer.armed,
	       "preadd failing: nothing held, nothing armed");
	sta_drop(sta, 0, false, "test");
}

static void test_ack(void)
{
	struct fsrd_sta *sta;

	reset();
	sta = ft_sta();
	reassociated(sta, 7);
	tap_ok(sta->ft_keys_pending && sta->ft_timer.armed && !sta->ft.valid,
	       "wait: PTK held, the bound armed, no other roam may use it");
	tap_ok(n_new_key == 0 && n_authorize == 0,
	       "wait: no key and no port before the ACK");
	ft_assoc_tx_status(&bss, 8, true);
	tap_ok(n_new_key == 0 && sta->ft_keys_pending,
	       "an ACK of another frame changes nothing");
	ft_assoc_tx_status(&bss, 7, false);
	tap_ok(n_new_key == 0 && sta->ft_keys_pending && sta->ft_timer.armed,
	       "no ACK: PTK still held, still bounded");
	ft_assoc_tx_status(&bss, 7, true);
	tap_ok(n_new_key == 1 && key_seen[0] == 0x5a && n_authorize == 1 &&
	       sta->authorized,
	       "ACK: PTK installed, then the port authorized");
	tap_ok(!sta->ft_keys_pending && !sta->ft_timer.armed &&
	       all_zero(&sta->ft, sizeof(sta->ft)),
	       "ACK: nothing pending, timer off, PTK wiped from fsrd");
	tap_ok(n_forget == 1 && n_eap_roamed == 1 && n_give == 0,
	       "ACK: old BSS forgotten, session follows, no GTK handshake needed");
	tap_ok(n_portal == 1,
	       "ACK: the Portal service told of the open port (its session follows)");
	ft_assoc_tx_status(&bss, 7, true);
	tap_ok(n_new_key == 1 && n_authorize == 1, "a second ACK does nothing");
	sta_drop(sta, 0, false, "test");

	reset();
	new_key_err = -EIO;
	sta = ft_sta();
	reassociated(sta, 9);
	ft_assoc_tx_status(&bss, 9, true);
	tap_ok(n_drop == 1 && !bss.stas.head,
	       "ACK but the PTK cannot be set: the station is dropped");
}

static void test_timeout(void)
{
	struct fsrd_sta *sta;

	reset();
	sta = ft_sta();
	reassociated(sta, 11);
	tap_ok(last_arm_ms == 2000, "wait bounded by 2 s");
	sta->ft_timer.fn(&sta->ft_timer);
	tap_ok(n_drop == 1 && n_del == 1 && !bss.stas.head && n_new_key == 0,
	       "no ACK in time: station (and keys) removed, no PTK installed");
	tap_ok(strstr(last_drop, "not acknowledged") != NULL,
	       "no ACK in time: the reason is logged");
	ft_assoc_tx_status(&bss, 11, true);
	tap_ok(n_new_key == 0, "a late ACK finds nothing");
}

static void test_cancel(void)
{
	struct fsrd_sta *sta;

	reset();
	sta = ft_sta();
	reassociated(sta, 13);
	ft_assoc_cancel(sta);
	tap_ok(!sta->ft_keys_pending && !sta->ft_timer.armed &&
	       all_zero(&sta->ft, sizeof(sta->ft)),
	       "cancel (disassociation, deauth, BSS stop): PTK wiped, timer off");
	ft_assoc_tx_status(&bss, 13, true);
	tap_ok(n_new_key == 0 && n_authorize == 0,
	       "cancel: the ACK that follows installs nothing");
	sta_drop(sta, 0, false, "test");
}

static void test_rekey_between(void)
{
	struct fsrd_sta *sta;

	reset();
	bss.group.key_idx = 1;
	sta = ft_sta();
	reassociated(sta, 15);
	bss.group.key_idx = 2;	/* a rekey started before the ACK */
	ft_assoc_tx_status(&bss, 15, true);
	tap_ok(n_new_key == 1 && n_give == 1,
	       "rekey between the response and its ACK: group-key handshake with the new GTK");
	sta_drop(sta, 0, false, "test");
}

int main(void)
{
	sta_table_init(&bss.stas, 8);
	test_preadd();
	test_ack();
	test_timeout();
	test_cancel();
	test_rekey_between();
	tap_ok(bss.stas.n == 0, "no station left");
	return tap_done();
}
