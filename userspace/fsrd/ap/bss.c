// SPDX-License-Identifier: GPL-2.0-only
/* BSS lifecycle, group key and periodic timers. */
#include <errno.h>
#include <linux/nl80211.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ap/bss.h"
#include "ft_ie.h"
#include "drv/eapol_sock.h"
#include "drv/fastpath.h"
#include "core/ieee80211.h"
#include "core/log.h"
#include "core/trace.h"
#include "drv/nl80211.h"
#include "ft/pmk_push.h"
#include "keys/ft_store.h"
#include "eap/eap_relay.h"
#include "eap/sta_eap.h"
#include "mobility/mobility.h"

#define INACT_POLL_MAX_S 10
#define AUTH_ONLY_MAX_S 30

static struct fsrd_bss *all_bss[FSRD_MAX_BSS];

struct fsrd_bss *bss_by_ifindex(int ifindex)
{
	unsigned int i;

	for (i = 0; i < FSRD_MAX_BSS; i++)
		if (all_bss[i] && all_bss[i]->ifindex == ifindex)
			return all_bss[i];
	return NULL;
}

/* addr is now on b: drop its records on every other BSS without a frame
 * (kernel: fsr.ko served the roam and removed it from the BSSes attached
 * to the fast path, so no DEL_STATION there either). */
static void forget_elsewhere(struct fsrd_bss *b, const uint8_t *addr,
			     bool kernel)
{
	struct fsrd_sta *sta;
	unsigned int i;
	char why[80];

	for (i = 0; i < FSRD_MAX_BSS; i++) {
		if (!all_bss[i] || all_bss[i] == b)
			continue;
		sta = sta_find(&all_bss[i]->stas, addr);
		if (!sta)
			continue;
		if (kernel && all_bss[i]->fp_attached)
			sta->in_kernel = false;
		snprintf(why, sizeof(why), "roamed to %s%s", b->conf->ifname,
			 kernel ? " (served by the kernel)" : "");
		sta->term_cause = RADIUS_TERM_LOST_CARRIER;
		sta->roamed_away = true;
		sta_drop(sta, WLAN_REASON_UNSPECIFIED, false, why);
	}
}

bool bss_assoc_elsewhere(const struct fsrd_bss *b, const uint8_t *addr,
			 uint8_t *bssid)
{
	const struct fsrd_sta *sta;
	unsigned int i;

	for (i = 0; i < FSRD_MAX_BSS; i++) {
		if (!all_bss[i] || all_bss[i] == b)
			continue;
		sta = sta_find(&all_bss[i]->stas, addr);
		if (sta && sta->state == FSRD_STA_ASSOC && !sta->roamed_away) {
			memcpy(bssid, all_bss[i]->addr, 6);
			return true;
		}
	}
	return false;
}

/* 5 s: the roam's event is in fsrd's socket already, or lost */
#define BSS_MOVED_MS	5000

static struct {
	uint8_t addr[6];
	uint8_t bssid[6];
	uint64_t at_ms;		/* 0: free */
} moved[BSS_MOVED_MAX];

void bss_note_moved(const struct fsrd_bss *b, const uint8_t *addr)
{
	unsigned int i, w = 0;

	/* its own slot, else a free one, else the oldest */
	for (i = 0; i < BSS_MOVED_MAX; i++)
		if (moved[i].at_ms && !memcmp(moved[i].addr, addr, 6))
			break;
	if (i < BSS_MOVED_MAX)
		w = i;
	else
		for (i = 0; i < BSS_MOVED_MAX; i++)
			if (moved[i].at_ms < moved[w].at_ms)
				w = i;	/* a free slot (0) is the oldest */
	memcpy(moved[w].addr, addr, 6);
	memcpy(moved[w].bssid, b->addr, 6);
	moved[w].at_ms = ev_now_ms();
}

bool bss_moved_from(const uint8_t *addr, uint8_t *bssid)
{
	unsigned int i;
	bool fresh;

	for (i = 0; i < BSS_MOVED_MAX; i++) {
		if (!moved[i].at_ms || memcmp(moved[i].addr, addr, 6))
			continue;
		fresh = ev_now_ms() - moved[i].at_ms <= BSS_MOVED_MS;
		moved[i].at_ms = 0;	/* taken, or too old */
		if (fresh)
			memcpy(bssid, moved[i].bssid, 6);
		return fresh;
	}
	return false;
}

bool bss_kernel_holds_elsewhere(const struct fsrd_bss *b,
				const uint8_t *addr)
{
	unsigned int i;
	uint32_t ms;

	for (i = 0; i < FSRD_MAX_BSS; i++)
		if (all_bss[i] && all_bss[i] != b && all_bss[i]->fp_attached &&
		    !nl80211_get_inactive_ms(all_bss[i]->ifindex, addr, &ms))
			return true;
	return false;
}

void bss_forget_elsewhere(struct fsrd_bss *b, const uint8_t *addr)
{
	forget_elsewhere(b, addr, false);
}

void bss_forget_served_elsewhere(struct fsrd_bss *b, const uint8_t *addr)
{
	forget_elsewhere(b, addr, true);
}

size_t bss_count(void)
{
	unsigned int i = 0;
	size_t n = 0;

	while (bss_next(&i))
		n++;
	return n;
}

void bss_conf_moved(struct fsrd_bss *b, const struct fsrd_bss_conf *bc)
{
	b->conf = bc;
	b->pol.ssid = bc->ssid;
	if (b->wconf.ft)
		b->ft.ssid = bc->ssid;
}

struct fsrd_bss *bss_next(unsigned int *i)
{
	while (*i < FSRD_MAX_BSS) {
		struct fsrd_bss *b = all_bss[(*i)++];

		if (b)
			return b;
	}
	return NULL;
}

void bss_ft_scope(const struct fsrd_bss *b, struct ft_scope *scope)
{
	memset(scope, 0, sizeof(*scope));
	scope->akm = fsrd_sec_ft_akm(b->conf->security);
	scope->ssid_len = (uint8_t)b->conf->ssid_len;
	memcpy(scope->ssid, b->conf->ssid, b->conf->ssid_len);
}

void bss_push_pmk_r1(const uint8_t *spa, const struct fsr_ft_pmk_r0 *r0,
		     const struct ft_scope *scope, uint32_t lifetime_s)
{
	char mac[MACSTR_LEN], err[256];
	struct ft_scope here;
	unsigned int i;
	int ret;

	fsrd_mac_str(spa, mac);
	for (i = 0; i < FSRD_MAX_BSS; i++) {
		struct fsrd_bss *b = all_bss[i];

		if (!b || !b->wconf.ft || !b->gconf->kernel_fast_path)
			continue;
		/* another SSID or AKM: the key is no good there */
		bss_ft_scope(b, &here);
		if (!ft_scope_eq(&here, scope))
			continue;
		ret = pmk_push_r1(b, spa, r0, lifetime_s, err, sizeof(err));
		if (ret == -ENOENT) {
			log_dbg("%s: %s: fsr.ko not loaded, PMK-R1 not pushed",
				b->conf->ifname, mac);
			return;
		}
		if (ret)
			log_warn("%s: %s: PMK-R1 push to fsr.ko failed: %s",
				 b->conf->ifname, mac,
				 err[0] ? err : strerror(-ret));
		else
			log_info("%s: %s: PMK-R1 pushed to fsr.ko",
				 b->conf->ifname, mac);
	}
}

static void push_one(const uint8_t *spa, const struct fsr_ft_pmk_r0 *r0,
		     const struct ft_scope *scope, uint32_t lifetime_s,
		     void *arg)
{
	(void)arg;
	bss_push_pmk_r1(spa, r0, scope, lifetime_s);
}

void bss_push_all_pmk_r1(void)
{
	ft_store_foreach(push_one, NULL);
	/* and the PMK-R1s other hosts' R0KHs pushed to us */
	mobility_repush_kernel();
}

static void bss_register(struct fsrd_bss *b, bool add)
{
	unsigned int i;

	for (i = 0; i < FSRD_MAX_BSS; i++) {
		if (add && !all_bss[i]) {
			all_bss[i] = b;
			return;
		}
		if (!add && all_bss[i] == b) {
			all_bss[i] = NULL;
			return;
		}
	}
}

static int register_frames(struct fsrd_bss *b)
{
	static const uint8_t ft_action[] = { 6 };	/* category FT */
	static const uint8_t stypes[] = {
		WLAN_ST_AUTH, WLAN_ST_ASSOC_REQ, WLAN_ST_REASSOC_REQ,
		WLAN_ST_DISASSOC, WLAN_ST_DEAUTH, WLAN_ST_PROBE_REQ,
	};
	unsigned int i;
	int err;

	for (i = 0; i < sizeof(stypes); i++) {
		err = nl80211_register_frame(b->ifindex, WLAN_FC_MGMT(stypes[i]),
					     NULL, 0);
		if (err)
			return err;
	}
	err = nl80211_register_frame(b->ifindex, WLAN_FC_MGMT(WLAN_ST_ACTION),
				     ft_action, sizeof(ft_action));
	if (err)
		return err;
	/* data from stations we do not know (e.g. after a restart): deauth */
	return nl80211_register_unexpected(b->ifindex);
}

static int install_gtk(struct fsrd_bss *b)
{
	return nl80211_new_key(b->ifindex, NULL, b->group.key_idx,
			       b->group.cipher, b->group.gtk,
			       b->group.gtk_len, b->group.rsc,
			       sizeof(b->group.rsc));
}

static void switch_gtk(struct fsrd_bss *b)
{
	int err = nl80211_set_default_group_key(b->ifindex, b->group.key_idx);

	if (err)
		log_err("%s: cannot make GTK %u the TX key: %s",
			b->conf->ifname, b->group.key_idx, strerror(-err));
	else
		log_info("%s: GTK rekey done, transmitting with key index %u",
			 b->conf->ifname, b->group.key_idx);
}

void bss_rekey_step(struct fsrd_bss *b)
{
	if (b->rekey_pending && --b->rekey_pending == 0)
		switch_gtk(b);
}

void bss_give_current_gtk(struct fsrd_bss *b, struct fsrd_sta *sta,
			  uint8_t given, const char *giver)
{
	int err;

	sta->rekey_pending = true;
	if (b->rekey_pending)	/* a rekey is running: wait for this one too */
		b->rekey_pending++;
	err = wpa_auth_group_rekey(sta->wpa);
	if (err) {
		sta_drop(sta, WLAN_REASON_UNSPECIFIED, true,
			 "cannot start the group-key handshake");
		return;
	}
	trace_sta(b, sta->addr, TRACE_EV_REKEY,
		  "%s gave GTK %u, the BSS uses %u now: group-key handshake started",
		  giver, given, b->group.key_idx);
}

static void rekey_fire(struct ev_timer *t)
{
	struct fsrd_bss *b = (struct fsrd_bss *)((char *)t -
				offsetof(struct fsrd_bss, rekey_timer));
	struct fsrd_sta *s, *next;
	int err;

	ev_timer_arm(&b->rekey_timer, b->conf->gtk_rekey_s * 1000);
	if (b->rekey_pending) {
		log_warn("%s: previous GTK rekey still running, skipped",
			 b->conf->ifname);
		return;
	}
	err = wpa_auth_group_new_gtk(&b->group);
	if (!err)
		err = install_gtk(b);
	if (err) {
		log_err("%s: GTK rekey failed: %s", b->conf->ifname,
			strerror(-err));
		return;
	}
	log_info("%s: GTK rekey: new key index %u", b->conf->ifname,
		 b->group.key_idx);
	/* roams the kernel serves from now on carry the new GTK */
	fastpath_bss_gtk(b);
	/* count first: a failing station may call bss_rekey_step() */
	for (s = b->stas.head; s; s = s->next)
		if (s->authorized && s->wpa)
			b->rekey_pending++;
	b->rekey_pending++;
	for (s = b->stas.head; s; s = next) {
		next = s->next;
		if (!s->authorized || !s->wpa)
			continue;
		s->rekey_pending = true;
		err = wpa_auth_group_rekey(s->wpa);
		if (err) {
			s->rekey_pending = false;
			bss_rekey_step(b);
			sta_drop(s, WLAN_REASON_UNSPECIFIED, true,
				 "cannot start the group-key handshake");
		}
	}
	bss_rekey_step(b);
}

static void inact_fire(struct ev_timer *t)
{
	struct fsrd_bss *b = (struct fsrd_bss *)((char *)t -
				offsetof(struct fsrd_bss, inact_timer));
	uint64_t limit = (uint64_t)b->conf->inactivity_s * 1000;
	struct fsrd_sta *s, *next;
	uint32_t ms;

	for (s = b->stas.head; s; s = next) {
		next = s->next;
		/* authenticated but never associated: forget it quietly */
		if (s->state == FSRD_STA_AUTH &&
		    ev_now_ms() - s->since_ms > AUTH_ONLY_MAX_S * 1000) {
			sta_drop(s, WLAN_REASON_PREV_AUTH_NOT_VALID, false,
				 "authenticated but did not associate");
			continue;
		}
		if (!s->in_kernel ||
		    nl80211_get_inactive_ms(b->ifindex, s->addr, &ms))
			continue;
		if (ms <= limit) {
			s->probed = false;
		} else if (!s->probed) {
			/* an idle station ACKs this; a gone one does not */
			s->probed = true;
			nl80211_probe_client(b->ifindex, s->addr);
		} else {
			s->term_cause = RADIUS_TERM_IDLE_TIMEOUT;
			sta_drop(s, WLAN_REASON_INACTIVITY, true,
				 "inactivity timeout");
		}
	}
	ev_timer_arm(t, (b->conf->inactivity_s < INACT_POLL_MAX_S ?
			 b->conf->inactivity_s : INACT_POLL_MAX_S) * 1000);
}

/* EAPOL of b's stations: only from b's interface (drv/eapol_sock.h). */
static void eapol_input(int fd, void *arg)
{
	uint8_t buf[2048], src[6], dst[6];
	struct fsrd_bss *b = arg;
	struct fsrd_sta *sta;
	char mac[MACSTR_LEN];
	ssize_t n;
	int err;

	while ((n = eapol_sock_recv(fd, b->ifindex, buf, sizeof(buf), src,
				    dst)) != -EAGAIN) {
		if (n == -EINTR)
			continue;
		if (n < 0 || memcmp(dst, b->addr, 6)) {
			b->eapol_dropped++;
			if (n < 0 && n != -EXDEV && n != -EPROTO)
				break;
			continue;
		}
		sta = sta_find(&b->stas, src);
		if (sta && sta->eap && (n < 2 || buf[1] != EAPOL_TYPE_KEY)) {
			/* EAP, EAPOL-Start, -Logoff: the 802.1X session */
			sta_eap_rx(sta, buf, (size_t)n);
			continue;
		}
		if (!sta || !sta->wpa) {
			b->eapol_dropped++;
			log_dbg("%s: EAPOL from unknown station %s dropped",
				b->conf->ifname, fsrd_mac_str(src, mac));
			continue;
		}
		err = wpa_auth_rx_eapol(sta->wpa, buf, (size_t)n);
		if (err)
			log_dbg("%s: %s: EAPOL frame dropped: %s",
				b->conf->ifname, fsrd_mac_str(src, mac),
				strerror(-err));
	}
}

static int eapol_get(struct fsrd_bss *b)
{
	int fd = eapol_sock_open(b->ifindex), err;

	if (fd < 0)
		return fd;
	err = ev_add_fd(fd, eapol_input, b);
	if (err) {
		close(fd);
		return err;
	}
	b->eapol_fd = fd;
	return 0;
}

static void eapol_put(struct fsrd_bss *b)
{
	if (b->eapol_fd < 0)
		return;
	ev_del_fd(b->eapol_fd);
	close(b->eapol_fd);
	b->eapol_fd = -1;
}

static void fill_policy(struct fsrd_bss *b, const struct fsrd_conf *c)
{
	const struct fsrd_bss_conf *bc = b->conf;

	b->pol.ssid = bc->ssid;
	b->pol.ssid_len = bc->ssid_len;
	b->pol.security = bc->security;
	b->pol.pairwise_cipher = bc->pairwise_cipher;
	b->pol.group_cipher = RSN_SUITE_CCMP;
	b->pol.mdid[0] = (uint8_t)(c->mdid >> 8);
	b->pol.mdid[1] = (uint8_t)c->mdid;
	b->pol.ht = bc->ht;
}

static void fill_wpa_conf(struct fsrd_bss *b, const struct fsrd_conf *c)
{
	const struct fsrd_bss_conf *bc = b->conf;

	memcpy(b->wconf.aa, b->addr, 6);
	b->wconf.pairwise_cipher = bc->pairwise_cipher;
	b->wconf.ap_rsne = b->ies.rsne;
	b->wconf.ap_rsne_len = b->ies.rsne_len;
	b->wconf.timeout_ms = bc->eapol_timeout_ms;
	b->wconf.retries = bc->eapol_retries;
	b->wconf.group = &b->group;
	b->wconf.ops = &fsrd_wpa_ops;
	b->wconf.ctx = b;
	b->wconf.ft = NULL;
	if (fsrd_sec_ft_akm(bc->security)) {
		b->ft.mdid = c->mdid;
		b->ft.ft_capab = bc->ft_over_ds ? FSR_MDE_FT_OVER_DS : 0;
		b->ft.r0kh_id = c->r0kh_id;
		b->ft.r0kh_id_len = c->r0kh_id_len;
		memcpy(b->ft.r1kh_id, bc->have_r1kh_id ? bc->r1kh_id : b->addr,
		       6);
		b->ft.ssid = bc->ssid;
		b->ft.ssid_len = bc->ssid_len;
		b->ft.reassoc_deadline_tu = bc->reassoc_deadline_tu;
		b->ft.key_lifetime_s = c->r0_key_lifetime_s;
		b->wconf.ft = &b->ft;
	}
}

static int start_ap(struct fsrd_bss *b)
{
	uint8_t head[256], tail[512];
	uint32_t akms[2];
	struct nl80211_ap ap = { 0 };
	int hl, tl, err;

	hl = fsrd_build_beacon_head(&b->ies, head, sizeof(head));
	tl = fsrd_build_beacon_tail(&b->ies, tail, sizeof(tail));
	if (hl < 0 || tl < 0)
		return -ENOSPC;
	ap.n_akms = fsrd_sec_akms(b->conf->security, akms);
	ap.head = head;
	ap.head_len = (size_t)hl;
	ap.tail = tail;
	ap.tail_len = (size_t)tl;
	ap.ssid = b->conf->ssid;
	ap.ssid_len = b->conf->ssid_len;
	ap.beacon_int = b->conf->beacon_interval;
	ap.dtim_period = b->conf->dtim_period;
	ap.freq_mhz = b->conf->freq_mhz;
	ap.ht = b->conf->ht;
	ap.akms = akms;
	ap.pairwise = b->conf->pairwise_cipher;
	ap.group = RSN_SUITE_CCMP;
	err = nl80211_start_ap(b->ifindex, &ap);
	/* a portal BSS: stations' frames to each other go up through the
	 * interface (and its portal rules) instead of being relayed by
	 * mac80211 past them */
	if (!err && b->conf->portal) {
		err = nl80211_set_ap_isolate(b->ifindex, true);
		if (err)
			nl80211_stop_ap(b->ifindex);
	}
	return err;
}

/* START_AP and a fresh GTK; *step names what failed. */
static int ap_up(struct fsrd_bss *b, const char **step)
{
	int err;

	*step = "START_AP";
	err = start_ap(b);
	if (err)
		return err;
	b->started = true;
	*step = "GTK";
	b->group.cipher = RSN_SUITE_CCMP;
	b->group.key_idx = 2;	/* the first new GTK goes to index 1 */
	b->rekey_pending = 0;
	err = wpa_auth_group_new_gtk(&b->group);
	if (!err)
		err = install_gtk(b);
	if (!err)
		err = nl80211_set_default_group_key(b->ifindex,
						    b->group.key_idx);
	if (!err)
		fastpath_bss_gtk(b);	/* AP restarted: the new GTK */
	return err;
}

static void restart_fire(struct ev_timer *t)
{
	struct fsrd_bss *b = (struct fsrd_bss *)((char *)t -
				offsetof(struct fsrd_bss, restart_timer));
	const char *step;
	int err;

	if (netif_is_up(b->conf->ifname) != 1) {
		ev_timer_arm(t, 1000);
		return;
	}
	err = ap_up(b, &step);
	if (err) {
		log_err("bss %s: restart: %s failed: %s", b->conf->name, step,
			strerror(-err));
		if (b->started)
			nl80211_stop_ap(b->ifindex);
		b->started = false;
		ev_timer_arm(t, 1000);
		return;
	}
	if (b->conf->gtk_rekey_s)
		ev_timer_arm(&b->rekey_timer, b->conf->gtk_rekey_s * 1000);
	log_info("bss %s: AP restarted on %s", b->conf->name, b->conf->ifname);
}

void bss_ap_stopped(struct fsrd_bss *b)
{
	struct fsrd_sta *s;

	if (!b->started)
		return;
	b->started = false;
	log_warn("bss %s: the kernel stopped the AP on %s (interface down?)",
		 b->conf->name, b->conf->ifname);
	fastpath_bss_pause(b);
	ev_timer_cancel(&b->rekey_timer);
	/* the kernel flushed its stations already */
	for (s = b->stas.head; s; s = s->next)
		s->in_kernel = false;
	while (b->stas.head)
		sta_drop(b->stas.head, WLAN_REASON_DEAUTH_LEAVING, false,
			 "AP stopped");
	ev_timer_arm(&b->restart_timer, 1000);
}

/* Each step of bss_start, named for the error message. */
static int bss_start_steps(struct fsrd_bss *b, const struct fsrd_conf *c,
			   const char **step)
{
	const struct fsrd_bss_conf *bc = b->conf;
	uint8_t mdid[2] = { (uint8_t)(c->mdid >> 8), (uint8_t)c->mdid };
	int err;

	*step = "interface lookup";
	b->ifindex = (int)if_nametoindex(bc->ifname);
	if (!b->ifindex)
		return -ENODEV;
	err = nl80211_get_iface(b->ifindex, &b->wiphy, b->addr);
	if (err)
		return err;
	*step = "AP mode";
	/* a previous instance may have left the AP running */
	nl80211_stop_ap(b->ifindex);
	err = nl80211_set_iftype_ap(b->ifindex);
	if (err == -EBUSY) {
		netif_set_up(bc->ifname, 0);
		err = nl80211_set_iftype_ap(b->ifindex);
	}
	if (err)
		return err;
	*step = "interface up";
	err = netif_set_up(bc->ifname, 1);
	if (err)
		return err;
	*step = "management frame registration";
	err = register_frames(b);
	if (err)
		return err;
	*step = "beacon";
	err = fsrd_ies_init(&b->ies, bc, b->addr, mdid);
	if (err)
		return err;
	fill_policy(b, c);
	fill_wpa_conf(b, c);
	err = ap_up(b, step);
	if (err)
		return err;
	*step = "EAPOL socket";
	err = eapol_get(b);
	if (err)
		return err;
	*step = "R0KH/R1KH socket (rrb_interface)";
	return mobility_bss_start(b);
}

int bss_start(struct fsrd_bss *b, const struct fsrd_conf *c,
	      const struct fsrd_bss_conf *bc)
{
	char mac[MACSTR_LEN];
	const char *step;
	int err;

	memset(b, 0, sizeof(*b));
	b->conf = bc;
	b->gconf = c;
	b->eapol_fd = -1;
	sta_table_init(&b->stas, bc->max_stations);
	b->rekey_timer.fn = rekey_fire;
	b->inact_timer.fn = inact_fire;
	b->restart_timer.fn = restart_fire;
	err = bss_start_steps(b, c, &step);
	if (err) {
		log_err("bss %s (%s): %s failed: %s", bc->name, bc->ifname,
			step, strerror(-err));
		bss_stop(b);
		return err;
	}
	bss_register(b, true);
	fastpath_bss_start(b);
	if (bc->gtk_rekey_s)
		ev_timer_arm(&b->rekey_timer, bc->gtk_rekey_s * 1000);
	if (bc->inactivity_s)
		ev_timer_arm(&b->inact_timer, 1000);
	log_info("bss %s: AP started on %s (%s), SSID \"%.*s\", %u MHz%s%s",
		 bc->name, bc->ifname, fsrd_mac_str(b->addr, mac),
		 (int)bc->ssid_len, (const char *)bc->ssid, bc->freq_mhz,
		 bc->security == FSRD_SEC_FT_PSK ? ", FT-PSK" :
		 bc->security == FSRD_SEC_FT_EAP ? ", FT-802.1X" :
		 bc->security == FSRD_SEC_WPA2_EAP ? ", WPA2-802.1X" :
		 ", WPA2-PSK",
		 bc->portal ? ", Portal (stations isolated)" : "");
	return 0;
}

void bss_stop(struct fsrd_bss *b)
{
	bss_stop_why(b, "AP stopping");
}

void bss_stop_why(struct fsrd_bss *b, const char *why)
{
	/* first: the kernel must not serve roams into a BSS going away */
	fastpath_bss_stop(b);
	ev_timer_cancel(&b->rekey_timer);
	ev_timer_cancel(&b->inact_timer);
	ev_timer_cancel(&b->restart_timer);
	while (b->stas.head) {
		b->stas.head->term_cause = RADIUS_TERM_NAS_REBOOT;
		sta_drop(b->stas.head, WLAN_REASON_DEAUTH_LEAVING, true, why);
	}
	mobility_bss_stop(b);
	eapol_put(b);
	if (b->started) {
		nl80211_stop_ap(b->ifindex);
		b->started = false;
		log_info("bss %s: AP stopped on %s", b->conf->name,
			 b->conf->ifname);
	}
	/* a station interface again, as found: its frame registrations go
	 * with the AP type, so a reload can start a BSS there again */
	if (b->ifindex && nl80211_set_iftype_station(b->ifindex) == -EBUSY &&
	    !netif_set_up(b->conf->ifname, 0))
		nl80211_set_iftype_station(b->ifindex);
	memset(b->group.gtk, 0, sizeof(b->group.gtk));
	bss_register(b, false);
}
