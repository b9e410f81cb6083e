/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The stations of one BSS: a short list keyed by MAC address and the AID
 * bitmap. Pure bookkeeping; the MLME decides what a station may do.
 */
#ifndef FSRD_STA_TABLE_H
#define FSRD_STA_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/evloop.h"
#include "ft_kdf.h"

#define FSRD_MAX_AID 2007

enum fsrd_sta_state {
	FSRD_STA_AUTH,		/* Open System (or FT) authentication done */
	FSRD_STA_ASSOC,		/* associated: in the kernel, 4-way running */
};

struct fsrd_bss;
struct wpa_auth_sta;
struct sta_eap;

/* Keys of an FT over-the-air roam between FT Authentication and
 * Reassociation (13.5, 13.8). */
struct fsrd_sta_ft {
	bool valid;
	struct fsr_ft_ptk ptk;
	uint8_t pmk_r1_name[16];
	uint8_t anonce[32];
	uint8_t snonce[32];
	uint8_t r0kh_id[48];
	size_t r0kh_id_len;
	uint8_t pmk_r0_name[16];	/* what the request named (a PULL) */
	uint32_t cipher;
};

struct fsrd_sta {
	struct fsrd_sta *next;
	struct fsrd_bss *bss;
	uint8_t addr[6];
	enum fsrd_sta_state state;
	uint16_t aid;			/* 0 until associated */
	bool in_kernel;			/* NEW_STATION done */
	bool authorized;
	bool rekey_pending;		/* a group-key handshake is running */
	uint32_t akm;
	uint32_t pairwise;
	uint64_t since_ms;		/* when it (re)associated */
	struct wpa_auth_sta *wpa;
	struct ev_timer wpa_timer;
	struct fsrd_sta_ft ft;
	bool roamed_ft;			/* served by an FT roam, no 4-way */
	/*
	 * ap/ft_assoc.c. After a successful FT Authentication the station
	 * is in the kernel unassociated (in_kernel, state AUTH) until its
	 * Reassociation or ft_timer (the reassociation deadline). After
	 * the Reassociation Response (state ASSOC, ft_keys_pending) the
	 * PTK waits in ft.ptk for the response's ACK (TX status with
	 * ft_resp_cookie) or ft_timer, whichever comes first: the key is
	 * installed and the port authorized once, on the ACK.
	 * ft_gtk_idx: the GTK the response gave (a rekey may start before
	 * the ACK).
	 */
	bool ft_keys_pending;
	uint8_t ft_gtk_idx;
	uint64_t ft_resp_cookie;
	struct ev_timer ft_timer;
	bool probed;			/* inactive: null frame sent once */
	/* The last Authentication/(Re)Association Request handled, to
	 * recognise a retransmission (Retry bit, same sequence control):
	 * answering it again would redo the exchange the client already
	 * finished (e.g. turn an FT reassociation into a new association). */
	uint16_t last_seq_ctrl;
	uint8_t last_stype;
	/* The (Re)Association Request that made it associated, and our
	 * answer: a client whose answer came late asks again with a new
	 * frame of the same content (mac80211 "try 2/3"); it gets the same
	 * answer, and nothing is redone (no second key install). */
	uint64_t assoc_req_hash;
	uint16_t assoc_resp_len;	/* 0: none kept */
	uint8_t assoc_resp[512];
	/* Its FT roam was served by fsr.ko's fast path and fsrd adopted it
	 * (fastpath.c); its AID is from the kernel's pool. */
	bool served_by_kernel;
	bool roamed_away;	/* dropped because it roamed to another BSS */
	/* 802.1X (sta_eap.c): the EAP and accounting session, and the
	 * Acct-Terminate-Cause to report when it ends (0: from the way
	 * the station is removed) */
	struct sta_eap *eap;
	uint32_t term_cause;
	/*
	 * FT over the DS (ap/ft_ds.c). At the target: ds_in, the FT
	 * Authentication exchange came from current AP ds_from, and its
	 * answer goes back there. At the current AP: the station's last FT
	 * Request went to ds_to; at most ds_answers responses from it are
	 * relayed, until ds_until_ms. ds_last_ms: that request, for the
	 * rate limit.
	 */
	bool ds_in;
	uint8_t ds_from[6];
	uint8_t ds_to[6];
	uint8_t ds_answers;
	uint64_t ds_until_ms;
	uint64_t ds_last_ms;
};

struct fsrd_sta_table {
	struct fsrd_sta *head;
	size_t n;			/* entries, any state */
	unsigned int max_aid;		/* = max_stations */
	uint8_t aid_map[(FSRD_MAX_AID + 8) / 8];
};

void sta_table_init(struct fsrd_sta_table *t, unsigned int max_stations);
struct fsrd_sta *sta_find(struct fsrd_sta_table *t, const uint8_t *addr);
/* A new zeroed entry in state AUTH; NULL when out of memory. */
struct fsrd_sta *sta_add(struct fsrd_sta_table *t, const uint8_t *addr);
/* Unlink and free (releases its AID); the caller cleaned up the rest. */
void sta_remove(struct fsrd_sta_table *t, struct fsrd_sta *sta);
/* The lowest free AID 1..max_stations, or 0 when all are taken. */
uint16_t sta_aid_alloc(struct fsrd_sta_table *t);
void sta_aid_free(struct fsrd_sta_table *t, uint16_t aid);
/* Mark aid (1..FSRD_MAX_AID, also above max_stations: the kernel's fast
 * path gives out AIDs from a pool above fsrd's) as used. false when aid
 * is out of range or already taken. */
bool sta_aid_take(struct fsrd_sta_table *t, uint16_t aid);

#endif
