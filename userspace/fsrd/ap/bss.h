/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One BSS served by fsrd: its interface, beacon, stations, group key and
 * timers. bss.c brings it up and down and owns the GTK; mlme.c handles
 * its management frames; sta_wpa.c connects stations to wpa_auth.
 */
#ifndef FSRD_BSS_H
#define FSRD_BSS_H

#include <stdbool.h>
#include <stdint.h>

#include "ap/assoc_req.h"
#include "ap/ft_ds.h"
#include "conf/config.h"
#include "core/evloop.h"
#include "keys/ft_store.h"
#include "ap/ies.h"
#include "ap/sta_table.h"
#include "wpa/wpa_auth.h"

struct fsrd_bss {
	const struct fsrd_bss_conf *conf;
	const struct fsrd_conf *gconf;
	int ifindex;
	uint32_t wiphy;
	uint8_t addr[6];
	bool started;
	int eapol_fd;			/* bound to ifindex (eapol_sock.h) */
	uint64_t eapol_dropped;		/* EAPOL not for a station of b */
	/* management frames dropped for their source address (mlme.c) */
	uint64_t mgmt_bad_sa;
	uint64_t mgmt_bad_sa_log_ms;	/* last log line about them */
	unsigned int mgmt_bad_sa_quiet;	/* dropped since, not logged */
	struct fsrd_bss_ies ies;
	struct fsrd_assoc_policy pol;
	struct fsrd_sta_table stas;
	struct wpa_auth_group group;
	struct wpa_auth_conf wconf;
	struct wpa_auth_ft ft;
	struct ev_timer rekey_timer;
	struct ev_timer inact_timer;
	struct ev_timer restart_timer;	/* AP stopped by the kernel */
	unsigned int rekey_pending;	/* stations still to ack the new GTK */
	uint8_t last_unexpected[6];	/* rate limit of class 3 deauths */
	uint64_t last_unexpected_ms;
	/* fsr.ko's FT fast path (fastpath.c) */
	bool fp_attached;		/* BSS_ATTACH done */
	bool fp_enabled;		/* BSS_SET accepted: the kernel serves */
	uint16_t fp_aid_min;		/* the kernel's AID pool */
	uint16_t fp_aid_max;
	struct ft_ds_counters ds;	/* FT over the DS (ft_ds.c) */
};

/* Bring the BSS up: AP mode, frame registrations, START_AP, GTK. */
int bss_start(struct fsrd_bss *b, const struct fsrd_conf *c,
	      const struct fsrd_bss_conf *bc);
/* The kernel stopped the AP (interface down): forget the stations and
 * start it again once the interface is up. */
void bss_ap_stopped(struct fsrd_bss *b);
/* Deauthenticate every station, STOP_AP, release everything. */
void bss_stop(struct fsrd_bss *b);
/* The same, with why in each station's trace line (e.g. a reload). */
void bss_stop_why(struct fsrd_bss *b, const char *why);
/* b's unchanged settings moved to bc (configuration reloaded). */
void bss_conf_moved(struct fsrd_bss *b, const struct fsrd_bss_conf *bc);
/* How many BSSes run. */
size_t bss_count(void);
struct fsrd_bss *bss_by_ifindex(int ifindex);

/* A station (re)associated with b: forget it on every other BSS, without
 * a frame (the station has left them). */
void bss_forget_elsewhere(struct fsrd_bss *b, const uint8_t *addr);

/* The kernel's fast path served b's station addr (fastpath.c): forget
 * it on every other BSS without a frame; on the BSSes attached to the
 * fast path without DEL_STATION either (the kernel removed it there, and
 * by now it may even be back on one of them). */
void bss_forget_served_elsewhere(struct fsrd_bss *b, const uint8_t *addr);
/* The BSSID of another BSS (not @b; NULL: any) where @addr is
 * associated: true with it in @bssid (the BSS it roams away from), false
 * when none. */
bool bss_assoc_elsewhere(const struct fsrd_bss *b, const uint8_t *addr,
			 uint8_t *bssid);
/*
 * fsr.ko moved @addr from @b to another BSS and its DEL_STATION came
 * before the roam's own event: remember for a few seconds where it came
 * from (bounded: the oldest of BSS_MOVED_MAX is replaced), for
 * bss_moved_from(), which takes it (true with the BSSID).
 */
#define BSS_MOVED_MAX	32
void bss_note_moved(const struct fsrd_bss *b, const uint8_t *addr);
bool bss_moved_from(const uint8_t *addr, uint8_t *bssid);
/* Does the kernel hold @addr on another of fsrd's BSSes attached to the
 * fast path (a roam fsr.ko served)? */
bool bss_kernel_holds_elsewhere(const struct fsrd_bss *b,
				const uint8_t *addr);
/* The BSSes: *i = 0 first, then NULL at the end. */
struct fsrd_bss *bss_next(unsigned int *i);

/* Where the PMK-R0s made on b may be used (its SSID and FT AKM). */
void bss_ft_scope(const struct fsrd_bss *b, struct ft_scope *scope);

/* Derive and push the PMK-R1 of every FT BSS in scope to fsr.ko (when
 * kernel_fast_path is on and the module is loaded), for lifetime_s. */
void bss_push_pmk_r1(const uint8_t *spa, const struct fsr_ft_pmk_r0 *r0,
		     const struct ft_scope *scope, uint32_t lifetime_s);
/* Every PMK-R0 fsrd holds: its PMK-R1s to fsr.ko again (module reloaded). */
void bss_push_all_pmk_r1(void);

/* A station acknowledged the new GTK (or was dropped): maybe switch TX. */
void bss_rekey_step(struct fsrd_bss *b);
/* sta (authorized, with its authenticator) was given GTK index given
 * (by giver, for the trace) before a rekey: a group-key handshake gives
 * it the current one, and a running rekey waits for it too. */
void bss_give_current_gtk(struct fsrd_bss *b, struct fsrd_sta *sta,
			  uint8_t given, const char *giver);

/* mlme.c */
/* sig_dbm: the frame's signal, 0 when unknown */
void mlme_rx(struct fsrd_bss *b, const uint8_t *frame, size_t len,
	     int sig_dbm);
void mlme_del_station_event(struct fsrd_bss *b, const uint8_t *addr);
void mlme_unexpected_frame(struct fsrd_bss *b, const uint8_t *addr);
/* A PULL started by the station's FT Authentication ended
 * (mobility/pull.c): run the request ies again and answer it; why NULL
 * when a PMK-R1 arrived, else why none did (status 53). */
void mlme_ft_pull_done(struct fsrd_bss *b, const uint8_t *spa,
		       const uint8_t *ies, size_t len, const char *why);
/* An FT Request that came over the DS from current_ap (ft_ds.c), for
 * station spa: runs as its FT Authentication would, the answer going
 * back through ft_ds_answer. */
void mlme_ft_ds_request(struct fsrd_bss *b, const uint8_t *current_ap,
			const uint8_t *spa, const uint8_t *ies, size_t len);
int mlme_send_deauth(struct fsrd_bss *b, const uint8_t *da, uint16_t reason);
/*
 * Remove a station: optionally send a Deauthentication with reason, then
 * DEL_STATION, stop its handshake, free it.
 */
void sta_drop(struct fsrd_sta *sta, uint16_t reason, bool send_deauth,
	      const char *why);

/* sta_wpa.c */
extern const struct wpa_auth_ops fsrd_wpa_ops;
/* Authenticate an associated station: PSK BSS: the 4-way handshake
 * starts (M1); 802.1X BSS: sta_eap_start() (PMKSA or EAP first). */
int sta_wpa_start(struct fsrd_sta *sta, const struct fsrd_assoc_req *req);
/* Start the 4-way handshake with this PMK (or XXKey for FT AKMs). */
int sta_wpa_start_key(struct fsrd_sta *sta, uint32_t akm,
		      const uint8_t *rsne, size_t rsne_len, const uint8_t *pmk,
		      size_t pmk_len, const uint8_t *pmksa_pmkid);
/* sta_drop() from the event loop, never inside a state-machine call. */
void sta_drop_later(struct fsrd_sta *sta, uint16_t reason, const char *why);
void sta_wpa_stop(struct fsrd_sta *sta);

#endif
