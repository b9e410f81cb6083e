/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fsrd's configuration: one INI-style file (docs/fsrd.conf.5), parsed with
 * libinih. A [global] section and one [bss NAME] section per BSS. Unknown
 * keys, bad values, duplicates and missing required keys are errors that
 * name the file and line; nothing is silently ignored.
 */
#ifndef FSRD_CONFIG_H
#define FSRD_CONFIG_H

#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nmsp/nmsp_svc.h"
#include "portal/portal_msg.h"
#include "radius/radius_client.h"

/* [bss NAME] sections in one configuration, BSSes in one fsrd */
#define FSRD_MAX_BSS	16

enum fsrd_security {
	FSRD_SEC_WPA2_PSK = 1,	/* AKM 00-0f-ac:2 */
	FSRD_SEC_FT_PSK,	/* AKM 00-0f-ac:4 (and :2 for non-FT clients) */
	FSRD_SEC_WPA2_EAP,	/* AKM 00-0f-ac:1 (issue 5) */
	FSRD_SEC_FT_EAP,	/* AKM 00-0f-ac:3 (issue 5) */
};

enum fsrd_log_level {
	FSRD_LOG_ERR,
	FSRD_LOG_WARN,
	FSRD_LOG_INFO,
	FSRD_LOG_DEBUG,
};

/* "wpa2-psk", "ft-psk", "wpa2-eap", "ft-eap" */
const char *fsrd_security_name(enum fsrd_security sec);

/* r0kh / r1kh lines of a BSS (docs/fsrd.conf.5, docs/mobility.md) */
#define FSRD_MAX_RKH	32

/*
 * A peer key holder: r0kh = MAC R0KH-ID KEY (id 1..48 octets) or
 * r1kh = MAC R1KH-ID KEY (id 6 octets). key: 256 bits, or a 128-bit
 * key expanded as hostapd does. wildcard: hostapd's catch-all forms
 * "ff:ff:ff:ff:ff:ff *" (r0kh) and "00:00:00:00:00:00
 * 00:00:00:00:00:00" (r1kh), at most one of each per BSS: peers that
 * prove they hold its key are learned (mobility/learn.c). Keys are
 * wiped by fsrd_conf_free.
 */
struct fsrd_rkh {
	uint8_t addr[6];
	uint8_t id[48];
	size_t id_len;
	uint8_t key[32];
	bool wildcard;
};

struct fsrd_bss_conf {
	char name[32];			/* the NAME of [bss NAME] */
	unsigned int line;		/* line of the section header */
	char ifname[IF_NAMESIZE];	/* interface = wlan0 (required) */
	uint8_t ssid[32];		/* ssid = ... (required, 1..32 bytes) */
	size_t ssid_len;
	unsigned int channel;		/* channel = 1..13 (2.4 GHz) or 36..165 (5 GHz) */
	unsigned int freq_mhz;		/* derived from channel */
	bool ht;			/* ht = yes|no (default yes) */
	enum fsrd_security security;	/* security = wpa2-psk|ft-psk|wpa2-eap|ft-eap */
	uint32_t pairwise_cipher;	/* cipher = ccmp (default) | gcmp | gcmp-256 | ccmp-256 */
	/* PSK: exactly one of passphrase = (8..63 chars) or psk = (64 hex) */
	uint8_t psk[32];		/* PBKDF2-SHA1(passphrase, ssid) or the hex PSK */
	bool have_psk;
	uint8_t r1kh_id[6];		/* r1kh_id = MAC (default: the BSS address) */
	bool have_r1kh_id;
	uint16_t beacon_interval;	/* beacon_interval = 15..65535 TU (default 100) */
	uint8_t dtim_period;		/* dtim_period = 1..255 (default 2) */
	uint32_t gtk_rekey_s;		/* gtk_rekey_interval = seconds, 0 = never (default 86400) */
	uint32_t ptk_lifetime_s;	/* not used yet; key_lifetime = seconds (default 43200) */
	uint32_t reassoc_deadline_tu;	/* reassociation_deadline = 1000..65535 TU (default 1000) */
	uint32_t max_stations;		/* max_stations = 1..2007 (default 128) */
	uint32_t inactivity_s;		/* inactivity_timeout = seconds (default 300) */
	uint32_t eapol_timeout_ms;	/* eapol_timeout = 100..10000 ms (default 1000) */
	uint32_t eapol_retries;		/* eapol_retries = 1..10 (default 4) */
	/* 802.1X BSSes (wpa2-eap, ft-eap) */
	bool okc;			/* okc = yes|no (default yes): opportunistic key caching */
	/* FT BSSes: the R0KH/R1KH key transport with other hosts */
	struct fsrd_rkh r0kh[FSRD_MAX_RKH];	/* r0kh = ... (repeatable) */
	size_t n_r0kh;
	struct fsrd_rkh r1kh[FSRD_MAX_RKH];	/* r1kh = ... (repeatable) */
	size_t n_r1kh;
	bool pmk_r1_push;		/* pmk_r1_push = yes|no (default no) */
	/* pmk_r1_push_to = R1KH-ID... (repeatable): the neighbours pushed
	 * to; none: every r1kh (hostapd's behaviour) */
	uint8_t push_to[FSRD_MAX_RKH][6];
	size_t n_push_to;
	char rrb_ifname[IF_NAMESIZE];	/* rrb_interface = IF (default: interface) */
	uint32_t rkh_pull_timeout_ms;	/* rkh_pull_timeout = 100..10000 ms (default 1000) */
	uint32_t rkh_pull_retries;	/* rkh_pull_retries = 1..10 (default 4) */
	uint32_t rkh_pos_timeout_s;	/* rkh_pos_timeout = seconds (default 86400): a learned peer */
	uint32_t rkh_neg_timeout_s;	/* rkh_neg_timeout = 1..86400 s (default 60): an R0KH that did not answer */
	bool ft_over_ds;		/* ft_over_ds = yes|no (default no): MDE bit, FT over the DS served */
	bool pmksa_share;		/* pmksa_share = yes|no (default no): PMKSAs to and from the peers */
	bool portal;			/* portal = yes|no (default no): Portal login ([portal]) */
};

#define FSRD_PORTAL_MAX_SERVERS 4
#define FSRD_PORTAL_MAX_GARDEN 32

/* One IPv4 prefix of the walled garden, host order. */
struct fsrd_ipv4_prefix {
	uint32_t addr;
	uint8_t len;
};

/* [portal_server NAME] (docs/fsrd.conf.5, docs/portal.md) */
struct fsrd_portal_server {
	char name[32];
	unsigned int line;
	struct sockaddr_storage addr;	/* address = IP: packets from it only */
	socklen_t addr_len;
	uint16_t notify_port;		/* notify_port = where NTF_LOGOUT goes (50100) */
	uint8_t version;		/* version = 1|2 (default 2) */
	struct portal_secret secret;	/* secret = / secret_file = (v2: required) */
	uint32_t heartbeat_timeout_s;	/* heartbeat_timeout = 0 (not watched) or 5..3600 s (0) */
};

/* [portal]: the AC side of Portal authentication */
#define FSRD_PORTAL_URL_MAX 255

struct fsrd_portal_conf {
	struct sockaddr_storage listen;	/* listen = addr[:port] (0.0.0.0:2000) */
	socklen_t listen_len;
	uint32_t bas_ip;		/* bas_ip = IPv4 sent as BAS-IP (v2), host order; 0 none */
	uint32_t max_sessions;		/* max_sessions = 1..65536 (1024) */
	uint32_t max_pending;		/* max_pending = 1..max_sessions (64) */
	uint32_t challenge_timeout_s;	/* challenge_timeout = 5..600 s (60) */
	uint32_t aff_timeout_s;		/* aff_timeout = 0 (not required) or 5..3600 s (30) */
	/* walled_garden = ADDR[/LEN][, ...]: reachable before login, with
	 * DHCP, DNS and the [portal_server] addresses */
	struct fsrd_ipv4_prefix garden[FSRD_PORTAL_MAX_GARDEN];
	size_t n_garden;
	struct fsrd_portal_server servers[FSRD_PORTAL_MAX_SERVERS];
	size_t n_servers;
	/* url = http[s]://...: web requests before login get a 302 there
	 * ("" none: they are dropped like the rest) */
	char url[FSRD_PORTAL_URL_MAX + 1];
	char ac_name[64];		/* ac_name = wlanacname ("": the host name) */
	uint32_t redirect_port;		/* redirect_port = 1..65535 (2080): local TCP port
					 * the redirected requests go to */
	uint32_t reconnect_timeout_s;	/* reconnect_timeout = 0 (off) or 1..86400 s (0) */
	bool escape_open;		/* escape = open|closed (closed): every server down */
	uint32_t ntf_backoff_ms;	/* ntf_backoff = 100..10000 ms (1000): NTF_LOGOUT's first wait */
	uint32_t ntf_tries;		/* ntf_tries = 1..10 (5): NTF_LOGOUT transmissions */
};

/* A RADIUS server or DAS client section: its NAME for logs. */
struct fsrd_radius_name {
	char name[32];
	unsigned int line;
};

/*
 * [radius], [auth_server NAME], [acct_server NAME], [das_client NAME]
 * (docs/fsrd.conf.5, docs/radius.md). Filled straight into the RADIUS
 * client's and the DAS's own configurations; secrets are wiped by
 * fsrd_conf_free.
 */
struct fsrd_radius_conf {
	struct radius_client_conf client;	/* servers in file order, timeout_ms,
						 * max_tries, dead_time_s, nas_id, nas_ip */
	struct fsrd_radius_name auth_name[RADIUS_MAX_SERVERS];
	struct fsrd_radius_name acct_name[RADIUS_MAX_SERVERS];
	uint32_t acct_interim_s;	/* acct_interim_interval = s, 0 = none (default 0);
					 * Acct-Interim-Interval of the Accept wins */
	bool have_das;			/* das_listen = addr:port set */
	struct radius_das_conf das;	/* bind, clients, require_ma, require_event_timestamp */
	struct fsrd_radius_name das_name[RADIUS_DAS_MAX_CLIENTS];
};

/* The 802.1X authenticator and the PMKSA cache ([global] keys). */
struct fsrd_eap_conf {
	uint32_t identity_timeout_ms;	/* eap_identity_timeout = 100..60000 ms (3000) */
	uint32_t identity_tries;	/* eap_identity_retries = 1..10 (3) */
	uint32_t supp_timeout_ms;	/* eap_supplicant_timeout = 100..60000 ms (3000) */
	uint32_t supp_tries;		/* eap_supplicant_retries = 1..10 (4) */
	uint32_t reauth_period_s;	/* eap_reauth_period = s, 0 = never (default 3600) */
	uint32_t quiet_period_ms;	/* eap_quiet_period = 0..60000 ms (default 0) */
	uint32_t pmksa_lifetime_s;	/* pmksa_lifetime = 60..604800 s (default 43200) */
	uint32_t pmksa_max;		/* pmksa_max_entries = 1..65536 (default 1024) */
	uint32_t max_starts;		/* eap_max_starts = 0..100, 0 = no limit (10) */
	uint32_t start_window_s;	/* eap_start_window = 1..86400 s (60) */
};

struct fsrd_conf {
	char path[256];
	char ctrl_socket[108];		/* control_socket = path (default /run/fsrd.sock) */
	enum fsrd_log_level log_level;	/* log_level = error|warning|info|debug (default info) */
	/* FT: required when any BSS uses ft-psk or ft-eap */
	/*
	 * mobility_domain = 4 hex digits, e.g. a1b2: mdid = 0xa1b2 and the MDE
	 * carries the octets in the order written (a1 then b2, as hostapd's
	 * mobility_domain), i.e. mdid_octets = { mdid >> 8, mdid & 0xff }.
	 */
	uint16_t mdid;
	uint8_t mdid_octets[2];		/* MDID in wire order */
	bool have_mdid;
	uint8_t r0kh_id[48];		/* r0kh_id = 1..48 bytes (e.g. a FQDN) */
	size_t r0kh_id_len;
	uint32_t r0_key_lifetime_s;	/* r0_key_lifetime = seconds (default 3600) */
	bool kernel_fast_path;		/* kernel_fast_path = yes|no (default yes): push PMK-R1s to fsr.ko */
	struct fsrd_eap_conf eap;
	/* present when any [radius]/[*_server]/[das_client] section is;
	 * an 802.1X BSS requires at least one [auth_server] */
	bool have_radius;
	struct fsrd_radius_conf radius;
	bool have_portal;		/* a [portal] section */
	struct fsrd_portal_conf portal;
	bool have_nmsp;			/* an [nmsp] section: the location-server link */
	struct nmsp_svc_conf nmsp;
	struct fsrd_bss_conf *bss;
	size_t n_bss;
};

/*
 * Load and validate PATH. On error returns a negative errno and writes one
 * line "PATH:LINE: what is wrong" into err (LINE omitted when the problem is
 * not tied to a line, e.g. a missing key: then the section's line is used).
 */
int fsrd_conf_load(const char *path, struct fsrd_conf *conf, char *err,
		   size_t errlen);
/* Free what fsrd_conf_load allocated and wipe the PSKs. */
void fsrd_conf_free(struct fsrd_conf *conf);

#endif
