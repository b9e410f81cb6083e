// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of fsrd's logger (fsrd/core/log.c): syslog priority prefixes
 * only when stderr is the journal, and the per-call-site rate limit with
 * its count of suppressed lines. The clock is this test's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "tap.h"

static uint64_t fake_now = 1000;

uint64_t ev_now_ms(void)
{
	return fake_now;
}

static char path[] = "/tmp/fsrd-log-test.XXXXXX";
static int saved_err;

static void capture(void)
{
	int fd = mkstemp(path);

	fflush(stderr);
	saved_err = dup(2);
	dup2(fd, 2);
	close(fd);
}

static char *release(void)
{
	static char buf[16384];
	FILE *f;
	size_t n;

	fflush(stderr);
	dup2(saved_err, 2);
	close(saved_err);
	f = fopen(path, "r");
	n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
	buf[n] = 0;
	if (f)
		fclose(f);
	unlink(path);
	strcpy(path, "/tmp/fsrd-log-test.XXXXXX");
	return buf;
}

static int count(const char *s, const char *what)
{
	int n = 0;

	while ((s = strstr(s, what))) {
		n++;
		s += strlen(what);
	}
	return n;
}

static void journal_prefix(void)
{
	struct stat st;
	char js[64];
	char *out;

	capture();
	unsetenv("JOURNAL_STREAM");
	fsrd_log_init();
	log_warn("plain %d", 1);
	out = release();
	tap_ok(!strcmp(out, "fsrd: warning: plain 1\n"),
	       "without the journal: no priority prefix");

	capture();
	fstat(2, &st);
	snprintf(js, sizeof(js), "%llu:%llu", (unsigned long long)st.st_dev,
		 (unsigned long long)st.st_ino);
	setenv("JOURNAL_STREAM", js, 1);
	fsrd_log_init();
	fsrd_log_set_level(FSRD_LOG_DEBUG);
	log_err("e");
	log_warn("w");
	log_info("i");
	log_dbg("d");
	out = release();
	tap_ok(!strcmp(out, "<3>fsrd: error: e\n<4>fsrd: warning: w\n"
			    "<6>fsrd: info: i\n<7>fsrd: debug: d\n"),
	       "stderr is the journal: <3> <4> <6> <7> prefixes");

	capture();
	setenv("JOURNAL_STREAM", "1:2", 1);
	fsrd_log_init();
	log_warn("other");
	out = release();
	tap_ok(!strcmp(out, "fsrd: warning: other\n"),
	       "JOURNAL_STREAM of another file: no prefix");
	unsetenv("JOURNAL_STREAM");
	fsrd_log_init();
}

/* one call site, as in the daemon */
static void drop(int i)
{
	log_warn_rl("frame %d dropped", i);
}

static void rate_limit(void)
{
	char *out;
	int i;

	capture();
	for (i = 0; i < 25; i++)
		drop(i);
	out = release();
	tap_ok(count(out, "dropped") == LOG_RL_BURST,
	       "25 lines in a burst: 10 printed");
	capture();
	fake_now += LOG_RL_INTERVAL_MS;
	drop(99);
	out = release();
	tap_ok(strstr(out, "15 similar messages suppressed") &&
	       strstr(out, "frame 99 dropped"),
	       "after the interval: the count of suppressed lines, then the line");
	fsrd_log_set_level(FSRD_LOG_ERR);
	capture();
	log_warn_rl("hidden");
	out = release();
	tap_ok(!*out, "below the log level: nothing");
}

int main(void)
{
	journal_prefix();
	rate_limit();
	return tap_done();
}
