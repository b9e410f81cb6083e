/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The WPA2 authenticator of one station: the EAPOL-Key 4-way handshake and
 * the group-key handshake (IEEE 802.11-2020 12.7.6, 12.7.7). Pure logic:
 * every effect (sending a frame, installing a key, opening the port, arming
 * a timer, tracing) goes through struct wpa_auth_ops, so host unit tests
 * drive it with a simulated supplicant and a simulated clock.
 *
 * AKMs: 00-0f-ac:2 (PSK) and :1 (802.1X, PMK = first half of the MSK):
 * PRF-SHA1, HMAC-SHA1 MIC, key descriptor 2. The FT initial
 * mobility-domain association with 00-0f-ac:4 (FT-PSK) and :3
 * (FT-802.1X, XXKey = second half of the MSK): PTK from PMK-R1 by the FT
 * KDF in kmod/ft/, AES-128-CMAC MIC, key descriptor 3, PMKR1Name in the
 * RSNE of message 3 with MDE and FTE.
 */
#ifndef FSRD_WPA_AUTH_H
#define FSRD_WPA_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wpa_auth_sta;

struct wpa_auth_ops {
	/* Send an EAPOL frame (802.1X header first) to station sta. */
	int (*send_eapol)(void *ctx, const uint8_t *sta, const uint8_t *buf,
			  size_t len);
	/* Install the pairwise key of sta (TK only; key index 0). */
	int (*install_ptk)(void *ctx, const uint8_t *sta, uint32_t cipher,
			   const uint8_t *tk, size_t tk_len);
	/* Open the controlled port of sta (after message 4). */
	int (*authorize)(void *ctx, const uint8_t *sta);
	/* Arm (ms > 0) or cancel (ms == 0) the one timer of sta; when it
	 * fires the caller calls wpa_auth_timeout(). */
	void (*set_timer)(void *ctx, const uint8_t *sta, unsigned int ms);
	/* A handshake ended. reason 0: keys in place (4-way) or the new GTK
	 * acknowledged (group-key). Otherwise the 802.11 reason code to
	 * deauthenticate with (e.g. 15 "4-way handshake timeout", 14 "MIC
	 * failure") and a human-readable why for the log. */
	void (*done)(void *ctx, const uint8_t *sta, int reason,
		     const char *why);
	/* One event of the per-client trace, e.g. "M1 sent",
	 * "M2 received, MIC ok", "PTK installed". Never contains keys.
	 * per_message: one EAPOL-Key message sent, received or dropped
	 * (the daemon logs these at debug); else a step of the handshake
	 * (start, keys installed, port authorized, failure). */
	void (*trace)(void *ctx, const uint8_t *sta, const char *event,
		      bool per_message);
	/* The transmit sequence counter of group key key_idx right now, as
	 * the Key RSC field carries it (8 octets, PN least significant octet
	 * first), read anew for every M3 and G1. NULL: the RSC is the
	 * group's install value (zeros). An error holds the message back
	 * (the retransmission timer tries again): a wrong RSC would let the
	 * station accept replayed group frames. */
	int (*group_rsc)(void *ctx, uint8_t key_idx, uint8_t *rsc);
};

/* The BSS's group key; owned by the BSS, shared by its stations. */
struct wpa_auth_group {
	uint32_t cipher;		/* group cipher suite, e.g. 0x000fac04 */
	uint8_t gtk[32];
	size_t gtk_len;
	uint8_t key_idx;		/* 1 or 2 */
	uint8_t rsc[6];			/* the PN the GTK is installed with
					 * (zero); its current one comes
					 * from ops->group_rsc */
};

/* Fill g with a fresh random GTK in the other key index (1 <-> 2). */
int wpa_auth_group_new_gtk(struct wpa_auth_group *g);

/* FT (802.11r) parameters of the BSS, for FT initial association. */
struct wpa_auth_ft {
	uint16_t mdid;
	uint8_t ft_capab;		/* MDE FT capability and policy */
	const uint8_t *r0kh_id;
	size_t r0kh_id_len;
	uint8_t r1kh_id[6];
	const uint8_t *ssid;
	size_t ssid_len;
	/* Timeout Interval elements of M3 (IEEE 802.11-2020 13.7.1.4):
	 * the reassociation deadline (TUs, > 0) and the default key
	 * lifetime (seconds, > 0; wpa_auth_sta_set_key_lifetime() lowers it
	 * for one station) */
	uint32_t reassoc_deadline_tu;
	uint32_t key_lifetime_s;
};

/* Per BSS; must outlive its stations. */
struct wpa_auth_conf {
	uint8_t aa[6];			/* authenticator address (BSSID) */
	uint32_t pairwise_cipher;	/* 0x000fac04 CCMP-128, ... */
	const uint8_t *ap_rsne;		/* the RSNE of the beacons, for M3 */
	size_t ap_rsne_len;
	const struct wpa_auth_ft *ft;	/* NULL: no FT on this BSS */
	unsigned int timeout_ms;	/* EAPOL-Key retransmission timeout */
	unsigned int retries;		/* transmissions of M1/M3/G1 before giving up */
	struct wpa_auth_group *group;
	const struct wpa_auth_ops *ops;
	void *ctx;
};

/* Key material the daemon needs after an FT initial association, to
 * derive and push the PMK-R1s of the other BSSes of the mobility domain. */
struct wpa_auth_ft_keys {
	uint8_t pmk_r0[48];
	size_t pmk_r0_len;
	uint8_t pmk_r0_name[16];
	uint8_t pmk_r1_name[16];	/* of this BSS */
};

/*
 * A station that (re)associated with the given AKM (already checked
 * against the BSS by the caller) and RSNE (as it sent it, element header
 * included). pmk: the PSK or the PMK from the MSK; for FT AKMs it is the
 * XXKey from which PMK-R0/PMK-R1 are derived here. pmksa_pmkid: the
 * PMKID of the station's PMKSA, named in message 1 with 802.1X AKMs
 * (required for FT-802.1X; computed from pmk for 802.1X when NULL). PSK
 * AKMs send no PMKID in message 1.
 * Returns NULL on allocation failure or a bad argument.
 */
struct wpa_auth_sta *wpa_auth_sta_new(const struct wpa_auth_conf *conf,
				      const uint8_t *spa, uint32_t akm,
				      const uint8_t *sta_rsne,
				      size_t sta_rsne_len,
				      const uint8_t *pmk, size_t pmk_len,
				      const uint8_t *pmksa_pmkid);
/*
 * A station that completed an FT roam (Reassociation after FT
 * Authentication, or over the DS) with AKM 00-0f-ac:4: its PTK was
 * derived by the FT code and installed by the caller, so no 4-way
 * handshake runs. The station starts authorized, holds only KCK and KEK
 * (wiped on free) and is ready for wpa_auth_group_rekey().
 * replay_start is the last EAPOL-Key replay counter used with this PTKSA:
 * 0 for a fresh one, so the first G1 carries 1. A supplicant clears its
 * replay state at every (re)association, FT included (IEEE 802.11-2020
 * 12.7.2; wpa_supplicant's wpa_sm_notify_assoc), so it accepts that.
 * Returns NULL on allocation failure or a bad argument (wrong AKM, a
 * KCK or KEK that is not 16 octets).
 */
struct wpa_auth_sta *wpa_auth_sta_new_ft(const struct wpa_auth_conf *conf,
					 const uint8_t *spa, uint32_t akm,
					 const uint8_t *kck, size_t kck_len,
					 const uint8_t *kek, size_t kek_len,
					 uint64_t replay_start);
/* The key lifetime (seconds, > 0) the M3 of an FT initial association
 * announces for this station, e.g. the rest of its Session-Timeout; the
 * BSS's key_lifetime_s otherwise. -EINVAL for 0, -EBUSY once M3 went. */
int wpa_auth_sta_set_key_lifetime(struct wpa_auth_sta *sm, uint32_t seconds);
/* Start the 4-way handshake: sends M1 and arms the timer. */
int wpa_auth_sta_start(struct wpa_auth_sta *sm);
/* An EAPOL frame from the station (802.1X header first). Bad frames are
 * dropped and traced (never crash, never change state); returns 0 or a
 * negative errno describing why the frame was dropped. A reply may carry
 * the replay counter of any transmission of the message it answers (M2
 * of any M1 sent, M4 of any M3, G2 of any G1: the station may answer one
 * that crossed a retransmission), never an older or a newer one. */
int wpa_auth_rx_eapol(struct wpa_auth_sta *sm, const uint8_t *buf,
		      size_t len);
/* The timer armed through ops->set_timer fired. */
void wpa_auth_timeout(struct wpa_auth_sta *sm);
/* Send the group's current GTK to an authorized station (G1/G2). */
int wpa_auth_group_rekey(struct wpa_auth_sta *sm);
/* true once M4 was received and the port opened, or from the start for
 * a station made by wpa_auth_sta_new_ft(). */
bool wpa_auth_authorized(const struct wpa_auth_sta *sm);
/* FT keys after an FT initial association (-ENOENT otherwise, also for
 * a station made by wpa_auth_sta_new_ft(): it has no PMK-R0 here). */
int wpa_auth_get_ft_keys(const struct wpa_auth_sta *sm,
			 struct wpa_auth_ft_keys *keys);
/* Stop everything (cancels the timer) and wipe the keys. */
void wpa_auth_sta_free(struct wpa_auth_sta *sm);

/*
 * MDE || FTE that the (Re)Association Response of an FT initial
 * mobility-domain association (AKM 00-0f-ac:4) must carry: the FTE holds
 * R1KH-ID and R0KH-ID, MIC Control, MIC and nonces zero. M2 and M3 carry
 * the very same octets (wpa_supplicant compares them). conf->ft must be
 * set. Returns the length written, -ENOSPC or -EINVAL.
 */
int wpa_auth_ft_assoc_ies(const struct wpa_auth_conf *conf, uint8_t *buf,
			  size_t size);

#endif
