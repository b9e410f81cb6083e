// SPDX-License-Identifier: GPL-2.0
/*
 * stormroam: the roam storm's driver (make bench STORM=N). It makes N
 * wpa_supplicant clients roam at the same moment, back and forth between
 * two APs, and writes one roams.log per client in the format of the
 * single-client benchmark (tools/bench/logs.h), so that roamstat analyses
 * each client's roams in the common capture the same way.
 *
 *   stormroam -a AP1 -b AP2 -r ROUNDS -w TIMEOUT_S -o DIR CTRL_SOCKET...
 *
 * CTRL_SOCKET is a client's wpa_supplicant control socket
 * (ctrl_interface/IFACE). The control sockets are opened before the first
 * round and every "ROAM <bssid>" of a round goes out in one tight loop, so
 * all clients start within a fraction of a millisecond of each other (a
 * shell loop of wpa_cli calls would spread them over tens of milliseconds
 * under emulation). A round ends when every client is COMPLETED on its
 * target or the timeout expired; then 0.5 s of steady traffic.
 *
 * DIR/roams-K.log (K = 1..N, in argument order):
 *   index target command_us done_us ok|fail|harness reason
 * Exit status: 0 if every round ran (failed roams are counted, not fatal),
 * 1 on an error of its own, 2 on bad usage.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define MAX_CLIENTS 64
#define REPLY_MAX 4096

struct client {
	const char *path;
	int fd;
	struct sockaddr_un local;
	FILE *log;
	char target[18];
	long long t_cmd, t_done;
	int state;		/* 0 waiting, 1 ok, -1 harness */
	char why[160];
};

static long long now_us(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return (long long)tv.tv_sec * 1000000 + tv.tv_usec;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* Our end of the wpa_ctrl protocol: a datagram socket bound to a path of
 * our own, connected to the daemon's. */
static int ctrl_open(struct client *c, int idx)
{
	struct sockaddr_un dst = { .sun_family = AF_UNIX };

	if (strlen(c->path) >= sizeof(dst.sun_path)) {
		fprintf(stderr, "stormroam: %s: path too long\n", c->path);
		return -1;
	}
	strcpy(dst.sun_path, c->path);
	c->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (c->fd < 0)
		return -1;
	c->local.sun_family = AF_UNIX;
	snprintf(c->local.sun_path, sizeof(c->local.sun_path),
		 "/tmp/stormroam-%d-%d", (int)getpid(), idx);
	unlink(c->local.sun_path);
	if (bind(c->fd, (struct sockaddr *)&c->local, sizeof(c->local)) < 0 ||
	    connect(c->fd, (struct sockaddr *)&dst, sizeof(dst)) < 0) {
		fprintf(stderr, "stormroam: %s: %s\n", c->path,
			strerror(errno));
		return -1;
	}
	return 0;
}

/* One request, its reply (unsolicited event messages, "<N>...", are
 * skipped); 2 s at most. */
static int ctrl_request(struct client *c, const char *cmd, char *reply,
			size_t len)
{
	long long end = now_us() + 2000000;
	struct timeval tv = { 0, 200000 };
	ssize_t n;

	if (send(c->fd, cmd, strlen(cmd), 0) < 0)
		return -1;
	setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	while (now_us() < end) {
		n = recv(c->fd, reply, len - 1, 0);
		if (n < 0) {
			if (errno == EAGAIN || errno == EINTR)
				continue;
			return -1;
		}
		reply[n] = 0;
		if (reply[0] == '<')
			continue;
		return 0;
	}
	errno = ETIMEDOUT;
	return -1;
}

/* The value of "key=" in a STATUS reply, or "" */
static void status_field(const char *status, const char *key, char *out,
			 size_t len)
{
	size_t kl = strlen(key);
	const char *p = status;

	out[0] = 0;
	while (p && *p) {
		if (!strncmp(p, key, kl) && p[kl] == '=') {
			size_t n = strcspn(p + kl + 1, "\n");

			if (n >= len)
				n = len - 1;
			memcpy(out, p + kl + 1, n);
			out[n] = 0;
			return;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
}

static int on_target(struct client *c)
{
	char st[REPLY_MAX], state[32], bssid[32];

	if (ctrl_request(c, "STATUS", st, sizeof(st)) < 0)
		return 0;
	status_field(st, "wpa_state", state, sizeof(state));
	status_field(st, "bssid", bssid, sizeof(bssid));
	return !strcmp(state, "COMPLETED") && !strcasecmp(bssid, c->target);
}

static void current_bssid(struct client *c, char *out, size_t len)
{
	char st[REPLY_MAX];

	out[0] = 0;
	if (ctrl_request(c, "STATUS", st, sizeof(st)) == 0)
		status_field(st, "bssid", out, len);
}

static int usage(void)
{
	fputs("usage: stormroam -a AP1 -b AP2 -r ROUNDS -w TIMEOUT_S -o DIR CTRL_SOCKET...\n",
	      stderr);
	return 2;
}

static void round_run(struct client *cl, int n, int round, const char *ap1,
		      const char *ap2, int timeout_s)
{
	char cmd[64], reply[256], cur[32];
	long long end;
	int i, waiting;

	for (i = 0; i < n; i++) {
		current_bssid(&cl[i], cur, sizeof(cur));
		snprintf(cl[i].target, sizeof(cl[i].target), "%s",
			 strcasecmp(cur, ap1) ? ap1 : ap2);
		cl[i].state = 0;
		cl[i].why[0] = 0;
	}
	/* all commands first, the replies after: the storm */
	for (i = 0; i < n; i++) {
		snprintf(cmd, sizeof(cmd), "ROAM %s", cl[i].target);
		cl[i].t_cmd = now_us();
		if (send(cl[i].fd, cmd, strlen(cmd), 0) < 0) {
			cl[i].state = -1;
			snprintf(cl[i].why, sizeof(cl[i].why),
				 "cannot send ROAM: %s", strerror(errno));
		}
	}
	for (i = 0; i < n; i++) {
		struct timeval tv = { 2, 0 };
		ssize_t r;

		if (cl[i].state)
			continue;
		setsockopt(cl[i].fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		do
			r = recv(cl[i].fd, reply, sizeof(reply) - 1, 0);
		while (r > 0 && reply[0] == '<');
		if (r <= 0) {
			cl[i].state = -1;
			snprintf(cl[i].why, sizeof(cl[i].why),
				 "no answer to ROAM");
			continue;
		}
		reply[r] = 0;
		reply[strcspn(reply, "\n")] = 0;
		if (strcmp(reply, "OK")) {
			cl[i].state = -1;
			snprintf(cl[i].why, sizeof(cl[i].why),
				 "wpa_cli roam said: %.100s", reply);
		}
	}
	end = now_us() + (long long)timeout_s * 1000000;
	do {
		waiting = 0;
		for (i = 0; i < n; i++) {
			if (cl[i].state)
				continue;
			if (on_target(&cl[i])) {
				cl[i].state = 1;
				cl[i].t_done = now_us();
			} else {
				waiting++;
			}
		}
		if (waiting)
			sleep_ms(20);
	} while (waiting && now_us() < end);
	for (i = 0; i < n; i++) {
		const char *st = cl[i].state > 0 ? "ok" :
				 cl[i].state < 0 ? "harness" : "fail";

		if (!cl[i].state) {
			cl[i].t_done = now_us();
			snprintf(cl[i].why, sizeof(cl[i].why),
				 "not COMPLETED on the target within %d s",
				 timeout_s);
		} else if (cl[i].state < 0) {
			cl[i].t_done = now_us();
		}
		fprintf(cl[i].log, "%d %s %lld %lld %s %s\n", round,
			cl[i].target, cl[i].t_cmd, cl[i].t_done, st,
			cl[i].why[0] ? cl[i].why : "-");
		fflush(cl[i].log);
		/* a client left off the air gets back on before the next round */
		if (cl[i].state <= 0)
			ctrl_request(&cl[i], "REASSOCIATE", reply,
				     sizeof(reply));
	}
}

int main(int argc, char **argv)
{
	const char *ap1 = NULL, *ap2 = NULL, *dir = NULL;
	struct client *cl;
	int rounds = 10, timeout_s = 10, opt, n, i, r, rc = 0;
	char path[4096];

	while ((opt = getopt(argc, argv, "a:b:r:w:o:")) != -1) {
		switch (opt) {
		case 'a':
			ap1 = optarg;
			break;
		case 'b':
			ap2 = optarg;
			break;
		case 'r':
			rounds = atoi(optarg);
			break;
		case 'w':
			timeout_s = atoi(optarg);
			break;
		case 'o':
			dir = optarg;
			break;
		default:
			return usage();
		}
	}
	n = argc - optind;
	if (!ap1 || !ap2 || !dir || n < 1 || n > MAX_CLIENTS || rounds < 1 ||
	    timeout_s < 1)
		return usage();
	cl = calloc((size_t)n, sizeof(*cl));
	if (!cl)
		return 1;
	for (i = 0; i < n; i++) {
		cl[i].path = argv[optind + i];
		cl[i].fd = -1;
		snprintf(path, sizeof(path), "%s/roams-%d.log", dir, i + 1);
		cl[i].log = fopen(path, "w");
		if (!cl[i].log) {
			fprintf(stderr, "stormroam: %s: %s\n", path,
				strerror(errno));
			rc = 1;
			goto out;
		}
		if (ctrl_open(&cl[i], i) < 0) {
			rc = 1;
			goto out;
		}
	}
	for (r = 1; r <= rounds; r++) {
		round_run(cl, n, r, ap1, ap2, timeout_s);
		sleep_ms(500);
	}
out:
	for (i = 0; i < n; i++) {
		if (cl[i].fd >= 0) {
			close(cl[i].fd);
			unlink(cl[i].local.sun_path);
		}
		if (cl[i].log)
			fclose(cl[i].log);
	}
	free(cl);
	return rc;
}
