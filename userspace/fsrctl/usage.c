// SPDX-License-Identifier: GPL-2.0-only
#include <string.h>

#include "usage.h"

static const char help_info[] =
	"Usage: fsrctl [-j] info\n"
	"\n"
	"Show the module version, whether the mac80211 hook is registered,\n"
	"the number of attached BSSes and the PMK-R1 cache size and bound.\n";

static const char help_bss[] =
	"Usage: fsrctl bss attach IFNAME\n"
	"       fsrctl bss detach IFNAME\n"
	"       fsrctl [-j] bss show [IFNAME]\n"
	"\n"
	"attach: serve the AP interface IFNAME with the kernel fast path.\n"
	"detach: stop serving it.\n"
	"show:   every BSS, or IFNAME, as fsrd (SSID, channel, security,\n"
	"        stations, GTK, frames dropped, FT over the DS on or off;\n"
	"        -j adds the key transport's and FT over the DS's counters,\n"
	"        ft.rrb and ft.ds) and fsr.ko (fast path, counters, service-time\n"
	"        histograms) see it. A view that is not available is noted;\n"
	"        fails only when neither fsrd nor fsr.ko is there.\n";

static const char help_station[] =
	"Usage: fsrctl [-j] [--socket PATH] station show [MAC] [bss IFNAME]\n"
	"\n"
	"Ask fsrd for its stations, or the station MAC: BSS, state, AID, AKM,\n"
	"cipher, associated since, how it got there (4-way handshake, FT\n"
	"roam served by fsrd or by fsr.ko), authorized, pending group-key\n"
	"handshake and the nl80211 traffic counters. An unknown MAC is an\n"
	"error (exit 1).\n";

static const char help_pmksa[] =
	"Usage: fsrctl [-j] [--socket PATH] pmksa show [MAC]\n"
	"       fsrctl [-j] [--socket PATH] pmksa flush [MAC] [bss IFNAME]\n"
	"\n"
	"fsrd's PMKSA cache (802.1X BSSes): the keys a station got from a full\n"
	"EAP authentication, kept so that it can come back (PMKSA caching) or\n"
	"move to another BSS of fsrd, or of a peer AP with pmksa_share (OKC),\n"
	"without EAP.\n"
	"show:  every entry, or those of station MAC: station, BSSID, PMKID,\n"
	"       AKM, seconds to expiry, made by OKC, from (here, or the R0KH-ID\n"
	"       of the peer that shared it), user. Never key bytes.\n"
	"flush: remove every entry, or those of MAC, or those for the BSS on\n"
	"       IFNAME; without a matching entry the next association does a\n"
	"       full EAP authentication (or OKC from another BSS's entry);\n"
	"       prints \"removed N PMKSA(s)\".\n"
	"Without an 802.1X BSS there is no cache: show says so and succeeds.\n"
	"-j: fsrd's reply as JSON ({\"enabled\",\"entries\":[...]} for show,\n"
	"{\"removed\":N} for flush; the keys are listed in fsrctl(8)).\n";

static const char help_auth[] =
	"Usage: fsrctl [-j] [--socket PATH] auth show\n"
	"\n"
	"How fsrd's stations got their keys: PSK handshakes, full EAP\n"
	"authentications (started, succeeded, failed, reauthentications),\n"
	"PMKSA cache and OKC hits, FT initial associations and FT roams\n"
	"served by fsrd or by fsr.ko, Disconnect-Requests and accounting\n"
	"requests; with 802.1X also the EAP relay's, the EAP start limit's\n"
	"(allowed, refused, evicted) and the PMKSA cache's counters, each\n"
	"RADIUS authentication and accounting server (alive or dead,\n"
	"requests, retransmissions, timeouts, replies dropped for a bad\n"
	"authenticator or Message-Authenticator) and the DAS.\n"
	"-j: fsrd's reply as JSON ({\"auth\":{...},\"enabled\":BOOL,\"eap\",\n"
	"\"eap_limit\",\"pmksa\",\"auth_servers\",\"acct_servers\",\"das\"};\n"
	"fsrctl(8)).\n";

static const char help_pmk[] =
	"Usage: fsrctl pmk add sta MAC r1name HEX32 r0name HEX32 r0kh ID r1kh MAC\n"
	"                      akm AKM [cipher CIPHER] [lifetime SECONDS]\n"
	"                      key {FILE|-}\n"
	"       fsrctl pmk del sta MAC r1name HEX32\n"
	"       fsrctl [-j] pmk flush [sta MAC]\n"
	"       fsrctl [-j] pmk show\n"
	"\n"
	"add:   add or replace the PMK-R1 of (sta, r1name). The key is read as\n"
	"       hex from FILE, or from standard input with -, never from the\n"
	"       command line: 64 hex digits, 96 for ft-8021x-sha384.\n"
	"       AKM: ft-psk, ft-8021x or ft-8021x-sha384.\n"
	"       CIPHER: ccmp (default), gcmp, gcmp-256 or ccmp-256.\n"
	"       SECONDS: 1 to 2147483647, default 3600.\n"
	"       ID: the R0KH-ID, 1 to 48 bytes. MAC: aa:bb:cc:dd:ee:ff.\n"
	"       HEX32: a 16-byte name as 32 hex digits.\n"
	"del:   delete one entry.\n"
	"flush: delete every entry, or every entry of one station, and end\n"
	"       their FT exchanges in progress in the kernel.\n"
	"show:  list the cache; key bytes are never shown.\n";

static const char help_stats[] =
	"Usage: fsrctl [-j] stats [IFNAME]\n"
	"\n"
	"Show the counters of every attached BSS, or of IFNAME, and the\n"
	"service-time histograms of the FT fast path (FT Authentication,\n"
	"Reassociation): count, p50 and p99 estimates, non-empty buckets.\n";

static const char help_monitor[] =
	"Usage: fsrctl [-j] monitor\n"
	"       fsrctl [-j] [--socket PATH] monitor --client MAC\n"
	"\n"
	"Print one line per event of fsr.ko's \"events\" group (BSS attached\n"
	"or detached, PMK-R1 added, replaced or removed, FT frames served,\n"
	"refused or passed on) until SIGINT or SIGTERM.\n"
	"--client MAC: fsrd's trace of that station instead (authentication,\n"
	"association, EAPOL-Key messages, keys, port, FT roams, GTK rekeys,\n"
	"disconnection with reason), with fsr.ko's FT events of the station\n"
	"when the module is loaded. Needs fsrd.\n"
	"With -j every line is one JSON object.\n";

static const char help_portal[] =
	"Usage: fsrctl [-j] [--socket PATH] portal show [MAC]\n"
	"       fsrctl [-j] [--socket PATH] portal logout MAC\n"
	"\n"
	"fsrd's Portal authentication (BSSes with portal = yes).\n"
	"show:   every session, or those of station MAC: IP address, MAC,\n"
	"        state (challenged, authenticating, online-unconfirmed,\n"
	"        online, away), portal server, CHAP or PAP, seconds online,\n"
	"        where the station is (here, or the R1KH-ID of the peer AP\n"
	"        it roamed to), octets in and out since the login, user;\n"
	"        the passes kept here of sessions\n"
	"        logged in at peer APs (IP, MAC, session, the interface the\n"
	"        station is on here, since, anchor/user); the portal\n"
	"        servers and escape mode;\n"
	"        then the service's counters (logins, rejects, logouts,\n"
	"        NTF_LOGOUT sent and acknowledged, packets by outcome).\n"
	"        Never a password or challenge. Without a [portal] section\n"
	"        it says so and succeeds.\n"
	"logout: end every session of station MAC as the AC: its traffic\n"
	"        is blocked again and its portal server gets NTF_LOGOUT.\n"
	"        A station without a session is an error (exit 1).\n"
	"-j: fsrd's reply as JSON ({\"running\",\"sessions\":[...],\n"
	"\"visitors\":[...],\"counters\":{...}} for show,\n"
	"{\"logged_out\":N} for logout).\n";

static const char help_nmsp[] =
	"Usage: fsrctl [-j] [--socket PATH] nmsp show\n"
	"       fsrctl [-j] [--socket PATH] nmsp authlist show\n"
	"       fsrctl [-j] [--socket PATH] nmsp authlist add MAC HASH\n"
	"       fsrctl [-j] [--socket PATH] nmsp authlist del MAC [HASH]\n"
	"\n"
	"fsrd's location-server link ([nmsp] in fsrd.conf; docs/nmsp.md).\n"
	"show: the location servers connected now: address, direction\n"
	"      (in: it connected; out: fsrd dialled it), state\n"
	"      (connecting: TLS or INIT not done; up), MAC and name from\n"
	"      their INIT, octets queued for them, subscriptions; with\n"
	"      server = lines (client mode), each server: state\n"
	"      (connected, connecting, waiting, standby), retries of 5,\n"
	"      time to the next try, tries, sessions, last error; then\n"
	"      the link's counters: connections, failed TLS handshakes,\n"
	"      each refusal by reason (refused_unknown_mac,\n"
	"      refused_key_hash, refused_no_certificate, ...), slow peers\n"
	"      dropped, RSSI measurements sent, messages.\n"
	"      Without an [nmsp] section it says so and succeeds.\n"
	"authlist show: the location servers let in: MAC and key hash.\n"
	"authlist add MAC HASH: let in the server with MAC whose\n"
	"      certificate key hashes to HASH (sha256:HEX or sha1:HEX, of\n"
	"      the DER SubjectPublicKeyInfo; fsrd.conf(5) says how).\n"
	"authlist del MAC [HASH]: the entries of MAC (with HASH only that\n"
	"      one); a connected server no longer let in is closed.\n"
	"      add and del change the list in force and fsrd.conf at once\n"
	"      (an auth = line of [nmsp], the rest of the file as it was);\n"
	"      when the file cannot be written nothing changes.\n"
	"-j: fsrd's reply as JSON ({\"running\",\"peers\":[...],\n"
	"\"servers\":[...],\"counters\":{...}}; authlist:\n"
	"{\"entries\":[{\"addr\",\"hash\"}...][,\"removed\",\"removed_from_file\"]}).\n";

static const char help_peer[] =
	"Usage: fsrctl [-j] [--socket PATH] peer show [IFNAME]\n"
	"\n"
	"fsrd's R0KH/R1KH peers of the mobility domain: the r0kh and r1kh\n"
	"lines of each FT BSS (of IFNAME only when given; docs/mobility.md),\n"
	"then the peers learned through a wildcard line (hostapd's\n"
	"'ff:ff:ff:ff:ff:ff *' and '00:00:00:00:00:00 00:00:00:00:00:00').\n"
	"One line per peer: BSS, role (r0kh: keys come from it, we pull\n"
	"from it; r1kh: keys go to it, it pulls from us), address, key\n"
	"holder ID, whether its sequence numbers are known yet, its frames\n"
	"taken (RX) and refused, PMK-R1s received (pushed or pulled) and\n"
	"sent, PULLs sent to it (r0kh) or answered (r1kh), REVOKEs taken\n"
	"(r0kh) or sent (r1kh), when it was last heard; then, where there\n"
	"are any, unanswered pulls, frames not sent and the last refusal\n"
	"with its reason. A learned peer has a line saying when it was\n"
	"learned and when it is forgotten (rkh_pos_timeout); an R0KH being\n"
	"looked for has the broadcast address, one that did not answer\n"
	"00:00:00:00:00:00 (not asked again until rkh_neg_timeout ends).\n"
	"Frames from addresses that are no peer are counted per BSS\n"
	"(fsrctl -j bss show: ft.rrb). Never a key.\n"
	"-j: fsrd's reply as JSON ({\"peers\":[...]}, every counter; origin:\n"
	"configured, learned, looking or blocked).\n";

static const char help_help[] =
	"Usage: fsrctl help [COMMAND]\n"
	"\n"
	"Show help on COMMAND: info, bss, pmk, stats, station, pmksa, auth,\n"
	"portal, nmsp, peer, monitor or help.\n";

void usage_all(FILE *f)
{
	fputs("Usage: fsrctl [OPTIONS] COMMAND [ARGS]\n"
	      "\n"
	      "Control fsr.ko, the 802.11r fast secure roaming fast path, and\n"
	      "query fsrd, the access point daemon.\n"
	      "\n"
	      "Commands:\n"
	      "  info                 module version, hook, cache size\n"
	      "  bss attach IFNAME    serve the AP interface IFNAME\n"
	      "  bss detach IFNAME    stop serving IFNAME\n"
	      "  bss show [IFNAME]    BSSes as fsrd and fsr.ko see them\n"
	      "  pmk add ARGS         add or replace a PMK-R1 (fsrctl help pmk)\n"
	      "  pmk del sta MAC r1name HEX32\n"
	      "                       delete one PMK-R1\n"
	      "  pmk flush [sta MAC]  delete all PMK-R1s, or those of a station\n"
	      "  pmk show             list the PMK-R1 cache (never key bytes)\n"
	      "  stats [IFNAME]       per-BSS counters and service times\n"
	      "  station show [MAC]   fsrd's stations\n"
	      "  pmksa show [MAC]     fsrd's PMKSA cache (never key bytes)\n"
	      "  pmksa flush [MAC] [bss IFNAME]\n"
	      "                       empty it, or drop the entries of MAC/IFNAME\n"
	      "  auth show            fsrd's authentication and RADIUS counters\n"
	      "  portal show [MAC]    fsrd's Portal sessions and counters\n"
	      "  portal logout MAC    end a station's Portal sessions\n"
	      "  nmsp show            fsrd's location servers and counters\n"
	      "  nmsp authlist show|add|del\n"
	      "                       the location servers fsrd lets in\n"
	      "  peer show [IFNAME]   fsrd's R0KH/R1KH peers and their counters\n"
	      "  monitor              print events until SIGINT or SIGTERM\n"
	      "  monitor --client MAC fsrd's trace of one station\n"
	      "  help [COMMAND]       help on one command\n"
	      "\n"
	      "Options:\n"
	      "  -j, --json           JSON output (info, bss show, pmk flush,\n"
	      "                       pmk show, stats, station show, pmksa,\n"
	      "                       auth show, portal, nmsp, peer, monitor)\n"
	      "  -s, --socket PATH    fsrd's control socket (default $FSRD_SOCKET,\n"
	      "                       else /run/fsrd.sock)\n"
	      "  -h, --help           show this help (COMMAND --help: its help)\n"
	      "  -V, --version        show the version\n"
	      "\n"
	      "Exit status: 0 success, 1 operation failed, 2 usage error.\n"
	      "Needs CAP_NET_ADMIN for every change (initial namespace), pmk show\n"
	      "and monitor (over the network namespace); fsrd's control socket\n"
	      "is for root.\n"
	      "See fsrctl(8).\n", f);
}

int usage_topic(FILE *f, const char *topic)
{
	static const struct {
		const char *name;
		const char *text;
	} topics[] = {
		{ "info", help_info },
		{ "bss", help_bss },
		{ "pmk", help_pmk },
		{ "stats", help_stats },
		{ "station", help_station },
		{ "pmksa", help_pmksa },
		{ "auth", help_auth },
		{ "portal", help_portal },
		{ "nmsp", help_nmsp },
		{ "peer", help_peer },
		{ "monitor", help_monitor },
		{ "help", help_help },
	};
	size_t i;

	for (i = 0; i < sizeof(topics) / sizeof(topics[0]); i++) {
		if (!strcmp(topic, topics[i].name)) {
			fputs(topics[i].text, f);
			return 0;
		}
	}
	return -1;
}
