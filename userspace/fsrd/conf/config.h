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
