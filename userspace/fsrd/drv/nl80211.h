/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsrd's nl80211 client (libnl-3 genl). Two sockets: one for requests
 * (blocking, answered by an ACK or an error), one polled by the event loop
 * that owns the management frame registrations and the "mlme" multicast
 * group. Every function returns 0 or a negative errno.
 */
#ifndef FSRD_NL80211_H
#define FSRD_NL80211_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nl80211_events {
	/* A registered management frame arrived on ifindex, received with
	 * sig_dbm (0: the driver did not say). */
	void (*frame)(int ifindex, const uint8_t *frame, size_t len,
		      int sig_dbm);
	/* The kernel removed a station (our DEL_STATION or its own). */
	void (*del_station)(int ifindex, const uint8_t *addr);
	/* A class 3 frame from a station that is not associated. */
	void (*unexpected)(int ifindex, const uint8_t *addr);
	/* The kernel stopped the AP by itself (e.g. interface down). */
	void (*ap_stopped)(int ifindex);
	/* The transmit status of a frame sent with
	 * nl80211_send_frame_cookie(): acknowledged by its receiver or not. */
	void (*tx_status)(int ifindex, uint64_t cookie, bool ack);
	/* Events were lost (socket overrun): compare with the kernel. */
	void (*lost)(void);
};

int nl80211_open(const struct nl80211_events *ev);
void nl80211_close(void);
int nl80211_event_fd(void);
/* Read and dispatch everything pending on the event socket. */
void nl80211_event_read(void);

int nl80211_get_iface(int ifindex, uint32_t *wiphy, uint8_t *mac);
/* Back to a station interface: drops the frame registrations (stop). */
int nl80211_set_iftype_station(int ifindex);
int nl80211_set_iftype_ap(int ifindex);
/* Register for management frames of type (FC value) on the event socket. */
int nl80211_register_frame(int ifindex, uint16_t fc, const uint8_t *match,
			   size_t match_len);

/* Subscribe the event socket to unexpected-frame reports of ifindex. */
int nl80211_register_unexpected(int ifindex);

struct nl80211_ap {
	const uint8_t *head;
	size_t head_len;
	const uint8_t *tail;
	size_t tail_len;
	const uint8_t *ssid;
	size_t ssid_len;
	uint32_t beacon_int;
	uint32_t dtim_period;
	uint32_t freq_mhz;
	bool ht;
	const uint32_t *akms;
	size_t n_akms;
	uint32_t pairwise;
	uint32_t group;
};

int nl80211_start_ap(int ifindex, const struct nl80211_ap *ap);
int nl80211_stop_ap(int ifindex);
/* Stations of the BSS cannot send to each other through mac80211 (their
 * frames go up the stack instead): NL80211_CMD_SET_BSS, AP_ISOLATE. */
int nl80211_set_ap_isolate(int ifindex, bool on);
int nl80211_send_frame(int ifindex, const uint8_t *frame, size_t len);
/* The same, and the cookie its transmit status will carry (the
 * tx_status event, on the event socket's "mlme" group). */
int nl80211_send_frame_cookie(int ifindex, const uint8_t *frame,
			      size_t len, uint64_t *cookie);

struct nl80211_sta {
	const uint8_t *addr;
	uint16_t aid;
	uint16_t listen_int;
	uint16_t capab;
	const uint8_t *rates;
	size_t n_rates;
	const uint8_t *ht_cap;		/* 26 octets or NULL */
	bool wme;
	uint8_t qos_info;
};

/* An associated station (NEW_STATION). */
int nl80211_new_station(int ifindex, const struct nl80211_sta *sta);
/* An authenticated, not associated station (NEW_STATION; mac80211 has
 * NL80211_FEATURE_FULL_AP_CLIENT_STATE): added at authentication, so that
 * its association is one SET_STATION. */
int nl80211_new_station_auth(int ifindex, const uint8_t *addr);
/* That station associated: AID, capabilities, rates (SET_STATION). */
int nl80211_set_station_assoc(int ifindex, const struct nl80211_sta *sta);
int nl80211_del_station(int ifindex, const uint8_t *addr);
int nl80211_authorize(int ifindex, const uint8_t *addr);
/* addr NULL: a group key; seq (RSC) may be NULL. */
int nl80211_new_key(int ifindex, const uint8_t *addr, uint8_t idx,
		    uint32_t cipher, const uint8_t *key, size_t key_len,
		    const uint8_t *seq, size_t seq_len);
/* The transmit sequence counter of group key idx (GET_KEY), as the RSC
 * of EAPOL-Key frames and FT GTK subelements carry it: 8 octets, the PN
 * least significant octet first (6 used with CCMP). */
#define NL80211_KEY_SEQ_LEN 8
int nl80211_get_group_key_seq(int ifindex, uint8_t idx, uint8_t *seq);
/* Make group key idx the default for multicast transmission. */
int nl80211_set_default_group_key(int ifindex, uint8_t idx);
/* Send a null data frame to an associated station (its ACK counts as
 * activity). */
int nl80211_probe_client(int ifindex, const uint8_t *addr);
int nl80211_get_inactive_ms(int ifindex, const uint8_t *addr, uint32_t *ms);

/* Traffic counters of a station (GET_STATION), for the control socket. */
struct nl80211_sta_counters {
	uint64_t rx_bytes;
	uint64_t tx_bytes;
	uint32_t rx_packets;
	uint32_t tx_packets;
	uint32_t tx_failed;
	uint32_t inactive_ms;
	int8_t signal;			/* dBm, when signal_valid */
	bool signal_valid;
	bool valid;			/* STA_INFO present */
};

int nl80211_get_sta_counters(int ifindex, const uint8_t *addr,
			     struct nl80211_sta_counters *c);

/* Call fn for every station the kernel holds on ifindex (GET_STATION
 * dump), e.g. to resynchronise after lost events. */
int nl80211_dump_stations(int ifindex,
			  void (*fn)(const uint8_t *addr, void *arg),
			  void *arg);

#endif
