// SPDX-License-Identifier: GPL-2.0-only
/*
 * eap_probe: fsrd's 802.1X authenticator (userspace/fsrd/eap/eap_relay.c) and
 * RADIUS client on a wired interface, for interoperability checks with a
 * real supplicant (wpa_supplicant -D wired) and a real RADIUS server
 * (FreeRADIUS). One station: the first that sends EAPOL. Prints the trace
 * lines and one "result:" line per success or failure; never key bytes.
 *
 *   eap_probe -i IFACE -s ADDR:PORT,SECRET [-S SSID] [-n RESULTS] [-T SECONDS]
 *             [-K FILE]
 *
 * -K writes the SHA-256 of each MSK (a fingerprint, not the key) to FILE
 * so that a test can compare it with the supplicant's.
 *
 * Exit 0 when RESULTS results were successes, 1 if one was a failure,
 * 2 on timeout or error.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "eap/eap_relay.h"
#include "core/evloop.h"
#include "radius/radius_client.h"

static int fd = -1, ifindex;
static uint8_t own[6];
static struct radius_client *rc;
static struct eap_relay *sess;
static struct eap_relay_conf conf;
static struct eap_relay_sta sta_info;
static unsigned int want = 1, n_ok, n_fail;
static int status = 2;
static FILE *fp_file;	/* -K: SHA-256 fingerprints of the MSKs */

static int send_eapol(void *ctx, const uint8_t *b, size_t len)
{
	struct sockaddr_ll ll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_PAE),
		.sll_ifindex = ifindex,
		.sll_halen = 6,
	};
	uint8_t f[14 + EAPOL_HDR_LEN + EAP_RELAY_EAP_SRV_MAX];

	(void)ctx;
	memcpy(f, sta_info.sta, 6);
	memcpy(f + 6, own, 6);
	f[12] = ETH_P_PAE >> 8;
	f[13] = ETH_P_PAE & 0xff;
	memcpy(f + 14, b, len);
	memcpy(ll.sll_addr, sta_info.sta, 6);
	return sendto(fd, f, 14 + len, 0, (struct sockaddr *)&ll,
		      sizeof(ll)) < 0 ? -errno : 0;
}

static void *r_send(void *ctx, const struct radius_msg *m,
		    radius_done_fn done, void *done_ctx)
{
	(void)ctx;
	return radius_client_send(rc, RADIUS_KIND_AUTH, m, done, done_ctx);
}

static void r_cancel(void *ctx, void *h)
{
	(void)ctx;
	radius_client_cancel(rc, h);
}

static void result(void)
{
	if (n_ok + n_fail < want)
		return;
	status = n_fail ? 1 : 0;
	ev_stop();
}

static void on_success(void *ctx, const struct eap_relay_success *r)
{
	(void)ctx;
	printf("result: success msk_len=%zu reauth=%d session_timeout=%u "
	       "termination_action=%u user=%s vlan=%u server=%s\n",
	       r->msk_len, r->reauth, r->attrs->session_timeout,
	       r->attrs->termination_action, r->attrs->user_name,
	       r->attrs->vlan_id, r->server ? r->server : "-");
	fflush(stdout);
	if (fp_file) {
		unsigned char md[32];
		unsigned int i, len = 0;

		if (EVP_Digest(r->msk, r->msk_len, md, &len, EVP_sha256(),
			       NULL) == 1) {
			for (i = 0; i < len; i++)
				fprintf(fp_file, "%02x", md[i]);
			fprintf(fp_file, "\n");
			fflush(fp_file);
		}
	}
	n_ok++;
	result();
}

static void on_failure(void *ctx, enum eap_relay_reason why)
{
	(void)ctx;
	printf("result: failure %s\n", eap_relay_reason_str(why));
	fflush(stdout);
	n_fail++;
	result();
}

static void on_trace(void *ctx, const char *line, bool per_message)
{
	(void)ctx;
	(void)per_message;
	printf("trace: %s\n", line);
	fflush(stdout);
}

static const struct eap_relay_ops ops = {
	.send_eapol = send_eapol,
	.radius_send = r_send,
	.radius_cancel = r_cancel,
	.success = on_success,
	.failure = on_failure,
	.trace = on_trace,
};

static void rx(int s, void *arg)
{
	uint8_t f[2048];
	ssize_t n;

	(void)arg;
	while ((n = recv(s, f, sizeof(f), 0)) >= 14) {
		if (!memcmp(f + 6, own, 6))
			continue;
		if (!sess) {
			memcpy(sta_info.sta, f + 6, 6);
			if (getrandom(&sta_info.first_id, 1, 0) != 1)
				sta_info.first_id = 1;
			sess = eap_relay_new(&conf, &ops, NULL, &sta_info);
			if (!sess) {
				ev_stop();
				return;
			}
		} else if (memcmp(f + 6, sta_info.sta, 6)) {
			continue;	/* one station */
		}
		eap_relay_rx_eapol(sess, f + 14, (size_t)n - 14);
	}
}

static void deadline(struct ev_timer *t)
{
	(void)t;
	printf("timeout: %u success(es), %u failure(s)\n", n_ok, n_fail);
	ev_stop();
}

int main(int argc, char **argv)
{
	static struct radius_client_conf cc;
	struct sockaddr_ll ll = { .sll_family = AF_PACKET };
	const char *ifname = NULL, *ssid = "fsr-eap";
	struct ev_timer dl = { .fn = deadline };
	unsigned int seconds = 60;
	struct ifreq ifr;
	char err[256], *comma;
	int opt;

	eap_relay_conf_defaults(&conf);
	cc.timeout_ms = 3000;
	cc.max_tries = 3;
	cc.dead_time_s = 60;
	snprintf(cc.nas_id, sizeof(cc.nas_id), "fsr-eap-probe");
	while ((opt = getopt(argc, argv, "i:s:S:n:T:K:")) != -1) {
		switch (opt) {
		case 'i':
			ifname = optarg;
			break;
		case 's':
			comma = strchr(optarg, ',');
			if (!comma || cc.n_auth == RADIUS_MAX_SERVERS)
				return 2;
			*comma = '\0';
			if (radius_parse_addr(optarg, 1812,
					      &cc.auth[cc.n_auth].addr,
					      &cc.auth[cc.n_auth].addr_len))
				return 2;
			cc.auth[cc.n_auth].secret.len = strlen(comma + 1);
			memcpy(cc.auth[cc.n_auth].secret.data, comma + 1,
			       cc.auth[cc.n_auth].secret.len);
			cc.n_auth++;
			break;
		case 'S':
			ssid = optarg;
			break;
		case 'n':
			want = (unsigned int)atoi(optarg);
			break;
		case 'T':
			seconds = (unsigned int)atoi(optarg);
			break;
		case 'K':
			fp_file = fopen(optarg, "w");
			if (!fp_file)
				return 2;
			break;
		default:
			fprintf(stderr, "usage: eap_probe -i IFACE -s ADDR:PORT,SECRET [-S SSID] [-n RESULTS] [-T SECONDS] [-K FILE]\n");
			return 2;
		}
	}
	if (!ifname || !cc.n_auth || strlen(ssid) > 32)
		return 2;
	sta_info.ssid_len = strlen(ssid);
	memcpy(sta_info.ssid, ssid, sta_info.ssid_len);

	fd = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK, htons(ETH_P_PAE));
	ifindex = (int)if_nametoindex(ifname);
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	ll.sll_protocol = htons(ETH_P_PAE);
	ll.sll_ifindex = ifindex;
	if (fd < 0 || !ifindex || ioctl(fd, SIOCGIFHWADDR, &ifr) ||
	    bind(fd, (struct sockaddr *)&ll, sizeof(ll))) {
		perror(ifname);
		return 2;
	}
	memcpy(own, ifr.ifr_hwaddr.sa_data, 6);
	memcpy(sta_info.bssid, own, 6);
	rc = radius_client_new(&cc, err, sizeof(err));
	if (!rc) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	ev_add_fd(fd, rx, NULL);
	ev_timer_arm(&dl, seconds * 1000);
	ev_run();
	if (sess) {
		const struct eap_relay_stats *st = eap_relay_stats(sess);

		printf("stats: access_requests=%llu challenges=%llu accepts=%llu rejects=%llu duplicates=%llu wrong_id=%llu malformed=%llu reauths=%llu\n",
		       (unsigned long long)st->access_requests,
		       (unsigned long long)st->challenges,
		       (unsigned long long)st->accepts,
		       (unsigned long long)st->rejects,
		       (unsigned long long)st->duplicates,
		       (unsigned long long)st->wrong_id,
		       (unsigned long long)st->malformed,
		       (unsigned long long)st->reauths);
		eap_relay_free(sess);
	}
	radius_client_free(rc);
	close(fd);
	return status;
}
