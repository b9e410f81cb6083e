// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsrd: the fsr access point daemon. Loads the configuration, brings up
 * every BSS over nl80211 and serves stations until SIGTERM/SIGINT, when it
 * deauthenticates them, stops the APs and exits 0. SIGHUP reloads the
 * configuration (reload.h).
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "ap/bss.h"
#include "ap/ft_assoc.h"
#include "ap/resync.h"
#include "conf/config.h"
#include "ctl/ctl.h"
#include "core/trace.h"
#include "core/evloop.h"
#include "keys/keystore.h"
#include "core/log.h"
#include "core/reload.h"
#include "drv/fastpath.h"
#include "drv/nl80211.h"
#include "eap/sta_eap.h"
#include "portal/portal_svc.h"
#include "nmsp/nmsp_stations.h"
#include "nmsp/nmsp_svc.h"
#include "radius/radius_svc.h"

#ifndef FSRD_VERSION
#define FSRD_VERSION "0"
#endif

#define DEFAULT_CONF "/etc/fsrd.conf"

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: fsrd [-c FILE] [-f] [-d]...\n"
		"  -c, --config FILE  configuration file (default " DEFAULT_CONF ")\n"
		"  -f, --foreground   do not detach\n"
		"  -d, --debug        more log output (repeat for more)\n"
		"  -h, --help         this help\n"
		"  -V, --version      print the version\n"
		"See fsrd.conf(5).\n");
}

static void on_frame(int ifindex, const uint8_t *frame, size_t len,
		     int sig_dbm)
{
	struct fsrd_bss *b = bss_by_ifindex(ifindex);

	if (b)
		mlme_rx(b, frame, len, sig_dbm);
}

/* A location server's admission or refusal, for monitor --client MAC
 * (nmsp_svc.c has logged it) */
static void nmsp_trace(const uint8_t *mac, const char *detail)
{
	ctl_trace_push("nmsp", mac, TRACE_EV_NMSP, detail);
}

static void on_del_station(int ifindex, const uint8_t *addr)
{
	struct fsrd_bss *b = bss_by_ifindex(ifindex);

	if (b)
		mlme_del_station_event(b, addr);
}

static void on_unexpected(int ifindex, const uint8_t *addr)
{
	struct fsrd_bss *b = bss_by_ifindex(ifindex);

	if (b)
		mlme_unexpected_frame(b, addr);
}

static void on_tx_status(int ifindex, uint64_t cookie, bool ack)
{
	struct fsrd_bss *b = bss_by_ifindex(ifindex);

	if (b)
		ft_assoc_tx_status(b, cookie, ack);
}

static void on_ap_stopped(int ifindex)
{
	struct fsrd_bss *b = bss_by_ifindex(ifindex);

	if (b)
		bss_ap_stopped(b);
}

/* nl80211 events were lost: a DEL_STATION among them would leave fsrd
 * with stations the kernel no longer has. */
static void on_events_lost(void)
{
	unsigned int i = 0;
	struct fsrd_bss *b;

	log_warn("nl80211 events were lost (socket overrun): resynchronising the stations with the kernel");
	while ((b = bss_next(&i)))
		bss_resync(b, "nl80211 events were lost");
}

static const struct nl80211_events nl_events = {
	.frame = on_frame,
	.del_station = on_del_station,
	.unexpected = on_unexpected,
	.tx_status = on_tx_status,
	.ap_stopped = on_ap_stopped,
	.lost = on_events_lost,
};

static void nl_input(int fd, void *arg)
{
	(void)fd;
	(void)arg;
	nl80211_event_read();
}

/* The running configuration and the -d count, for SIGHUP. */
static struct fsrd_conf *running;
static int debug_count;

static void signal_input(int fd, void *arg)
{
	struct signalfd_siginfo si;

	(void)arg;
	if (read(fd, &si, sizeof(si)) != sizeof(si))
		return;
	if (si.ssi_signo == SIGHUP) {
		log_info("SIGHUP: reloading %s", running->path);
		fsrd_reload(running, debug_count);
		return;
	}
	log_info("signal %u: shutting down", si.ssi_signo);
	ev_stop();
}

static int setup_signals(void)
{
	sigset_t set;
	int fd;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &set, NULL))
		return -errno;
	signal(SIGPIPE, SIG_IGN);
	fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	if (fd < 0)
		return -errno;
	return ev_add_fd(fd, signal_input, NULL);
}

struct opts {
	const char *conf;
	bool foreground;
	int debug;
};

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option lopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "foreground", no_argument, NULL, 'f' },
		{ "debug", no_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	o->conf = DEFAULT_CONF;
	while ((c = getopt_long(argc, argv, "c:fdhV", lopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			o->conf = optarg;
			break;
		case 'f':
			o->foreground = true;
			break;
		case 'd':
			o->debug++;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("fsrd %s\n", FSRD_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "fsrd: unexpected argument '%s'\n",
			argv[optind]);
		usage(stderr);
		return 2;
	}
	return -1;
}

static int run(struct fsrd_conf *conf)
{
	struct fsrd_bss *b;
	unsigned int it;
	size_t i, up = 0;
	bool all_up;
	char msg[256];
	int err;

	err = nl80211_open(&nl_events);
	if (err) {
		log_err("nl80211 unavailable: %s", strerror(-err));
		return 1;
	}
	/* the daemon-wide services every BSS uses, before the first one:
	 * key stores, RADIUS (client, DAS, Accounting-On), 802.1X */
	err = keys_apply(conf, msg, sizeof(msg));
	if (!err)
		err = radius_svc_apply(conf, msg, sizeof(msg));
	if (!err)
		err = sta_eap_configure(conf, msg, sizeof(msg));
	if (!err)
		err = portal_svc_start(conf, msg, sizeof(msg));
	if (!err && conf->have_nmsp) {
		nmsp_svc_set_sources(&nmsp_stations);
		nmsp_svc_set_trace(nmsp_trace);
		err = nmsp_svc_start(&conf->nmsp, msg, sizeof(msg));
	}
	if (err) {
		log_err("%s", msg);
		nmsp_svc_stop();
		portal_svc_stop();
		radius_svc_stop();
		keys_stop();
		nl80211_close();
		return 1;
	}
	/* before the BSSes start: a load or unload from then on is seen */
	if (conf->kernel_fast_path)
		fastpath_init();
	/* one allocation per BSS: a reload adds and removes them */
	for (i = 0; i < conf->n_bss; i++) {
		b = calloc(1, sizeof(*b));
		if (!b)
			break;
		b->eapol_fd = -1;
		if (bss_start(b, conf, &conf->bss[i])) {
			free(b);
			break;
		}
		up++;
	}
	err = 0;
	/* before the loop: a reload changes conf->n_bss */
	all_up = up == conf->n_bss;
	if (all_up) {
		err = ev_add_fd(nl80211_event_fd(), nl_input, NULL);
		if (!err) {
			/* without the socket fsrd still serves (logged) */
			ctl_start(conf);
			err = ev_run();
		}
		if (err)
			log_err("event loop: %s", strerror(-err));
	}
	for (it = 0; (b = bss_next(&it)); it = 0) {
		bss_stop(b);
		free(b);
	}
	fastpath_exit();
	ctl_stop();	/* after: monitors see the last disconnections */
	/* after: the accounting Stops went out before Accounting-Off */
	sta_eap_exit();
	nmsp_svc_stop();
	portal_svc_stop();
	radius_svc_stop();
	keys_stop();
	nl80211_close();
	ev_cleanup();
	return all_up && !err ? 0 : 1;
}

int main(int argc, char **argv)
{
	struct fsrd_conf conf;
	struct opts o = { 0 };
	char err[512];
	int ret, level;

	fsrd_log_init();
	ret = parse_args(argc, argv, &o);
	if (ret >= 0)
		return ret;
	memset(&conf, 0, sizeof(conf));
	if (fsrd_conf_load(o.conf, &conf, err, sizeof(err))) {
		fprintf(stderr, "fsrd: %s\n", err);
		return 1;
	}
	running = &conf;
	debug_count = o.debug;
	level = (int)conf.log_level + o.debug;
	fsrd_log_set_level(level > FSRD_LOG_DEBUG ? FSRD_LOG_DEBUG :
			   (enum fsrd_log_level)level);
	if (setup_signals()) {
		log_err("cannot set up signal handling");
		fsrd_conf_free(&conf);
		return 1;
	}
	/* keep stderr: the log goes there (journald) */
	if (!o.foreground && daemon(0, 1)) {
		log_err("cannot detach: %s", strerror(errno));
		fsrd_conf_free(&conf);
		return 1;
	}
	log_info("fsrd %s starting with %s (%zu BSS)", FSRD_VERSION, o.conf,
		 conf.n_bss);
	ret = run(&conf);
	fsrd_conf_free(&conf);
	log_info("fsrd exiting with status %d", ret);
	return ret;
}
