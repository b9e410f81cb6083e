// SPDX-License-Identifier: GPL-2.0-only
/*
 * radius_probe: drives fsrd's RADIUS client (userspace/fsrd/radius_*.c,
 * the same objects fsrd links) against a real RADIUS server, for
 * selftests/radius_client.sh.
 *
 *   radius_probe [OPTIONS] auth USER PASSWORD
 *   radius_probe [OPTIONS] acct start|interim|stop SESSION-ID USER
 *   radius_probe [OPTIONS] das LISTEN-ADDR:PORT CLIENT-ADDR SECRET SECONDS
 *
 * OPTIONS
 *   -s ADDR:PORT,SECRET  a server, repeat for failover (priority order)
 *   -t MS                timeout per transmission (default 1000)
 *   -r N                 transmissions per server (default 2)
 *   -n NAS-ID            NAS-Identifier (default fsr-probe)
 *   -f                   forge: put a relay in front of the first server
 *                        that turns every Access-Reject into an
 *                        Access-Accept (an attacker without the secret)
 *   -a USER              das: ACK Disconnect-Requests for USER, NAK others
 *
 * auth prints "result: CODE from SERVER after N transmission(s)" and
 * exits 0 on Access-Accept, 1 on Access-Reject, 2 when no server
 * answered, 3 on errors; acct exits 0 on Accounting-Response. Both print
 * one "stats" line per server. das answers Disconnect/CoA-Requests for
 * SECONDS, printing one line per request, then its counters.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/evloop.h"
#include "core/log.h"
#include "radius/radius_client.h"

static struct radius_client_conf conf;
static int exit_code = 3;
static bool forge;
static const char *ack_user;

static void usage(void)
{
	fprintf(stderr,
		"usage: radius_probe [-s ADDR:PORT,SECRET]... [-t MS] [-r N] [-n NAS-ID] [-f]\n"
		"                    auth USER PASSWORD\n"
		"       radius_probe ... acct start|interim|stop SESSION-ID USER\n"
		"       radius_probe [-a USER] das ADDR:PORT CLIENT-ADDR SECRET SECONDS\n");
	exit(3);
}

static int set_secret(struct radius_secret *s, const char *str)
{
	size_t l = strlen(str);

	if (!l || l > sizeof(s->data))
		return -1;
	memcpy(s->data, str, l);
	s->len = l;
	return 0;
}

static void add_server(const char *arg)
{
	const char *comma = strchr(arg, ',');
	struct radius_server_conf *sc;
	char addr[128];

	if (!comma || (size_t)(comma - arg) >= sizeof(addr) ||
	    conf.n_auth == RADIUS_MAX_SERVERS)
		usage();
	memcpy(addr, arg, (size_t)(comma - arg));
	addr[comma - arg] = 0;
	sc = &conf.auth[conf.n_auth];
	if (radius_parse_addr(addr, 1812, &sc->addr, &sc->addr_len) < 0 ||
	    set_secret(&sc->secret, comma + 1) < 0) {
		fprintf(stderr, "radius_probe: bad server %s\n", arg);
		exit(3);
	}
	conf.n_auth++;
}

/* --- the forging relay --------------------------------------------------- */

static int relay_front = -1, relay_back = -1;
static struct sockaddr_storage relay_client;
static socklen_t relay_client_len;

static void relay_front_cb(int fd, void *arg)
{
	uint8_t buf[RADIUS_MAX_LEN];
	ssize_t n;

	(void)arg;
	relay_client_len = sizeof(relay_client);
	n = recvfrom(fd, buf, sizeof(buf), 0,
		     (struct sockaddr *)&relay_client, &relay_client_len);
	if (n > 0 && send(relay_back, buf, (size_t)n, 0) < 0)
		perror("radius_probe: relay");
}

static void relay_back_cb(int fd, void *arg)
{
	uint8_t buf[RADIUS_MAX_LEN];
	ssize_t n;

	(void)arg;
	n = recv(fd, buf, sizeof(buf), 0);
	if (n < 20)
		return;
	if (buf[0] == RADIUS_ACCESS_REJECT) {
		buf[0] = RADIUS_ACCESS_ACCEPT;
		printf("forge: Access-Reject id %u rewritten to Access-Accept\n",
		       buf[1]);
	}
	sendto(relay_front, buf, (size_t)n, 0,
	       (struct sockaddr *)&relay_client, relay_client_len);
}

/* Put the relay between the client and server 0. */
static void setup_forge(void)
{
	struct radius_server_conf *sc = &conf.auth[0];
	struct sockaddr_storage front;
	socklen_t fl;

	radius_parse_addr("127.0.0.1", 0, &front, &fl);
	relay_front = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	relay_back = socket(sc->addr.ss_family, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	if (relay_front < 0 || relay_back < 0 ||
	    bind(relay_front, (struct sockaddr *)&front, fl) < 0 ||
	    connect(relay_back, (struct sockaddr *)&sc->addr,
		    sc->addr_len) < 0) {
		perror("radius_probe: relay");
		exit(3);
	}
	fl = sizeof(front);
	getsockname(relay_front, (struct sockaddr *)&front, &fl);
	sc->addr = front;
	sc->addr_len = fl;
	ev_add_fd(relay_front, relay_front_cb, NULL);
	ev_add_fd(relay_back, relay_back_cb, NULL);
}

/* --- auth and acct ------------------------------------------------------- */

static void print_stats(struct radius_client *c, enum radius_kind k,
			size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct radius_server_stats *s =
			radius_client_stats(c, k, i);

		printf("stats %s: requests=%llu retransmissions=%llu timeouts=%llu replies=%llu malformed=%llu bad_code=%llu unknown_id=%llu duplicates=%llu bad_authenticator=%llu missing_ma=%llu bad_ma=%llu socket_errors=%llu dead_marks=%llu dead=%d\n",
		       radius_client_server_name(c, k, i),
		       (unsigned long long)s->requests,
		       (unsigned long long)s->retransmissions,
		       (unsigned long long)s->timeouts,
		       (unsigned long long)s->replies,
		       (unsigned long long)s->malformed,
		       (unsigned long long)s->bad_code,
		       (unsigned long long)s->unknown_id,
		       (unsigned long long)s->duplicates,
		       (unsigned long long)s->bad_authenticator,
		       (unsigned long long)s->missing_ma,
		       (unsigned long long)s->bad_ma,
		       (unsigned long long)s->socket_errors,
		       (unsigned long long)s->dead_marks, s->dead);
	}
}

static void done(void *ctx, const struct radius_result *res)
{
	struct radius_attr_iter it;
	const uint8_t *v;
	uint8_t t;
	size_t l;

	(void)ctx;
	if (res->status == RADIUS_TIMEOUT) {
		printf("result: no answer after %u transmission(s)\n",
		       res->attempts);
		exit_code = 2;
		ev_stop();
		return;
	}
	if (res->status != RADIUS_REPLY) {
		printf("result: error\n");
		exit_code = 3;
		ev_stop();
		return;
	}
	printf("result: %s from %s after %u transmission(s)\n",
	       radius_code_name(radius_msg_code(res->reply)), res->server,
	       res->attempts);
	printf("verified: Response-Authenticator%s\n",
	       radius_msg_find(res->reply, RADIUS_ATTR_MESSAGE_AUTHENTICATOR,
			       &l) ? " Message-Authenticator" : "");
	radius_attr_iter_init(&it);
	while (radius_attr_next(res->reply, &it, &t, &v, &l)) {
		if (t == RADIUS_ATTR_SESSION_TIMEOUT && l == 4)
			printf("attr: Session-Timeout %u\n",
			       (unsigned int)v[0] << 24 | v[1] << 16 |
			       v[2] << 8 | v[3]);
		else if (t == RADIUS_ATTR_REPLY_MESSAGE)
			printf("attr: Reply-Message %.*s\n", (int)l, v);
	}
	if (res->msk_len)
		printf("msk: %zu octets\n", res->msk_len);
	switch (radius_msg_code(res->reply)) {
	case RADIUS_ACCESS_ACCEPT:
	case RADIUS_ACCOUNTING_RESPONSE:
		exit_code = 0;
		break;
	case RADIUS_ACCESS_REJECT:
		exit_code = 1;
		break;
	default:
		exit_code = 3;
	}
	ev_stop();
}

static int run_client(enum radius_kind kind, const struct radius_msg *m)
{
	struct radius_client *c;
	char err[256];

	if (!conf.n_auth)
		usage();
	if (kind == RADIUS_KIND_ACCT) {
		memcpy(conf.acct, conf.auth, sizeof(conf.acct));
		conf.n_acct = conf.n_auth;
		conf.n_auth = 0;
	} else if (forge) {
		setup_forge();
	}
	c = radius_client_new(&conf, err, sizeof(err));
	if (!c) {
		fprintf(stderr, "radius_probe: %s\n", err);
		return 3;
	}
	if (!radius_client_send(c, kind, m, done, NULL)) {
		fprintf(stderr, "radius_probe: send: %s\n", strerror(errno));
		return 3;
	}
	ev_run();
	print_stats(c, kind, kind == RADIUS_KIND_ACCT ? conf.n_acct :
							conf.n_auth);
	radius_client_free(c);
	fflush(stdout);
	return exit_code;
}

static int cmd_auth(int argc, char **argv)
{
	struct radius_msg m;

	if (argc != 2)
		usage();
	radius_msg_init(&m, RADIUS_ACCESS_REQUEST, 0);
	radius_msg_add_str(&m, RADIUS_ATTR_USER_NAME, argv[0]);
	radius_msg_add_str(&m, RADIUS_ATTR_USER_PASSWORD, argv[1]);
	radius_msg_add_str(&m, RADIUS_ATTR_CALLED_STATION_ID,
			   "02-00-00-00-00-00:fsr-probe");
	radius_msg_add_str(&m, RADIUS_ATTR_CALLING_STATION_ID,
			   "02-00-00-00-01-00");
	return run_client(RADIUS_KIND_AUTH, &m);
}

static int cmd_acct(int argc, char **argv)
{
	struct radius_acct_info ai = {
		.session_id = argc > 1 ? argv[1] : NULL,
		.user_name = argc > 2 ? argv[2] : NULL,
		.called_station_id = "02-00-00-00-00-00:fsr-probe",
		.calling_station_id = "02-00-00-00-01-00",
		/* over 4 GiB in: exercises Acct-Input-Gigawords */
		.input_octets = 5000000000ull,
		.output_octets = 123456,
		.input_packets = 4000000,
		.output_packets = 1000,
		.session_time_s = 42,
	};
	struct radius_msg m;

	if (argc != 3)
		usage();
	if (!strcmp(argv[0], "start"))
		ai.status = RADIUS_ACCT_START;
	else if (!strcmp(argv[0], "interim"))
		ai.status = RADIUS_ACCT_INTERIM_UPDATE;
	else if (!strcmp(argv[0], "stop"))
		ai.status = RADIUS_ACCT_STOP;
	else
		usage();
	if (ai.status == RADIUS_ACCT_STOP)
		ai.terminate_cause = 1;	/* User-Request */
	if (radius_acct_build(&m, &ai))
		usage();
	return run_client(RADIUS_KIND_ACCT, &m);
}

/* --- das ----------------------------------------------------------------- */

static bool das_cb(void *ctx, const struct radius_msg *req, uint32_t *cause)
{
	const uint8_t *v;
	size_t l = 0;
	bool ack;

	(void)ctx;
	v = radius_msg_find(req, RADIUS_ATTR_USER_NAME, &l);
	ack = radius_msg_code(req) == RADIUS_DISCONNECT_REQUEST && v &&
	      ack_user && l == strlen(ack_user) && !memcmp(v, ack_user, l);
	if (!ack)
		*cause = radius_msg_code(req) == RADIUS_DISCONNECT_REQUEST ?
			 RADIUS_ERR_CAUSE_SESSION_NOT_FOUND :
			 RADIUS_ERR_CAUSE_UNSUPPORTED_SERVICE;
	printf("das: %s id %u user %.*s -> %s\n",
	       radius_code_name(radius_msg_code(req)), radius_msg_id(req),
	       v ? (int)l : 1, v ? (const char *)v : "-", ack ? "ACK" : "NAK");
	fflush(stdout);
	return ack;
}

static void das_stop(struct ev_timer *t)
{
	(void)t;
	ev_stop();
}

static int cmd_das(int argc, char **argv)
{
	struct radius_das_conf dc = { 0 };
	struct ev_timer stop = { .fn = das_stop };
	const struct radius_das_stats *s;
	struct radius_das *d;
	char err[256];

	if (argc != 4)
		usage();
	if (radius_parse_addr(argv[0], 3799, &dc.bind, &dc.bind_len) < 0 ||
	    radius_parse_addr(argv[1], 0, &dc.clients[0].addr,
			      &dc.clients[0].addr_len) < 0 ||
	    set_secret(&dc.clients[0].secret, argv[2]) < 0)
		usage();
	dc.n_clients = 1;
	d = radius_das_new(&dc, das_cb, NULL, err, sizeof(err));
	if (!d) {
		fprintf(stderr, "radius_probe: %s\n", err);
		return 3;
	}
	printf("das: listening on port %u\n", radius_das_port(d));
	fflush(stdout);
	ev_timer_arm(&stop, (unsigned int)atoi(argv[3]) * 1000);
	ev_run();
	s = radius_das_stats(d);
	printf("das stats: requests=%llu acks=%llu naks=%llu duplicates=%llu unknown_client=%llu malformed=%llu bad_code=%llu bad_authenticator=%llu missing_ma=%llu bad_ma=%llu bad_timestamp=%llu\n",
	       (unsigned long long)s->requests, (unsigned long long)s->acks,
	       (unsigned long long)s->naks,
	       (unsigned long long)s->duplicates,
	       (unsigned long long)s->unknown_client,
	       (unsigned long long)s->malformed,
	       (unsigned long long)s->bad_code,
	       (unsigned long long)s->bad_authenticator,
	       (unsigned long long)s->missing_ma,
	       (unsigned long long)s->bad_ma,
	       (unsigned long long)s->bad_timestamp);
	radius_das_free(d);
	return 0;
}

int main(int argc, char **argv)
{
	int o;

	setvbuf(stdout, NULL, _IOLBF, 0);
	fsrd_log_set_level(FSRD_LOG_DEBUG);
	conf.timeout_ms = 1000;
	conf.max_tries = 2;
	conf.dead_time_s = 60;
	snprintf(conf.nas_id, sizeof(conf.nas_id), "fsr-probe");
	while ((o = getopt(argc, argv, "s:t:r:n:fa:")) != -1) {
		switch (o) {
		case 's':
			add_server(optarg);
			break;
		case 't':
			conf.timeout_ms = (unsigned int)atoi(optarg);
			break;
		case 'r':
			conf.max_tries = (unsigned int)atoi(optarg);
			break;
		case 'n':
			snprintf(conf.nas_id, sizeof(conf.nas_id), "%s",
				 optarg);
			break;
		case 'f':
			forge = true;
			break;
		case 'a':
			ack_user = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	if (!strcmp(argv[0], "auth"))
		return cmd_auth(argc - 1, argv + 1);
	if (!strcmp(argv[0], "acct"))
		return cmd_acct(argc - 1, argv + 1);
	if (!strcmp(argv[0], "das"))
		return cmd_das(argc - 1, argv + 1);
	usage();
	return 3;
}
