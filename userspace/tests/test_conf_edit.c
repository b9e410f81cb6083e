// SPDX-License-Identifier: GPL-2.0-only
/* fsrd's edits of its own configuration file (fsrd/conf/conf_edit.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf/conf_edit.h"
#include "tap.h"

#define H1 "1111111111111111111111111111111111111111111111111111111111111111"
#define H2 "2222222222222222222222222222222222222222222222222222222222222222"
#define S1 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

static struct nmsp_auth_entry entry(const char *s)
{
	struct nmsp_auth_entry e;
	const char *why;

	memset(&e, 0, sizeof(e));
	if (nmsp_auth_entry_parse(s, &e, &why))
		abort();
	return e;
}

static bool added(const char *in, const char *e, const char *want)
{
	struct nmsp_auth_entry x = entry(e);
	size_t n;
	char *out;
	bool ok;

	if (conf_nmsp_auth_add(in, strlen(in), &x, &out, &n))
		return false;
	ok = n == strlen(want) && !strcmp(out, want);
	if (!ok)
		tap_diag("got", out);
	free(out);
	return ok;
}

static int deleted(const char *in, const char *e, bool any,
		   const char *want)
{
	struct nmsp_auth_entry x = entry(e);
	size_t n;
	char *out;
	int r;

	r = conf_nmsp_auth_del(in, strlen(in), &x, any, &out, &n);
	if (r >= 0 && (n != strlen(want) || strcmp(out, want))) {
		tap_diag("got", out);
		r = -100;
	}
	free(out);
	return r;
}

static void test_add(void)
{
	struct nmsp_auth_entry x = entry("02:00:00:00:0a:03 sha256:" H1);
	char *out = NULL;
	size_t n;

	tap_ok(added("[global]\nlog_level = info\n\n[nmsp]\n; the servers\n"
		     "certificate = /c.pem\nauth = 02:00:00:00:0a:01 sha256:" H1
		     "\nidle_timeout = 10\n\n[bss a]\nssid = x\n",
		     "02:00:00:00:0A:03 sha256:" H2,
		     "[global]\nlog_level = info\n\n[nmsp]\n; the servers\n"
		     "certificate = /c.pem\nauth = 02:00:00:00:0a:01 sha256:" H1
		     "\nauth = 02:00:00:00:0a:03 sha256:" H2
		     "\nidle_timeout = 10\n\n[bss a]\nssid = x\n"),
	       "add: after the section's last auth line, the rest as it was (comments, blank lines, other sections)");
	tap_ok(added("[nmsp]\nkey = /k\n\n# end\n[bss a]\n",
		     "02:00:00:00:0a:03 sha1:" S1,
		     "[nmsp]\nkey = /k\nauth = 02:00:00:00:0a:03 sha1:" S1
		     "\n\n# end\n[bss a]\n"),
	       "add: no auth line yet: after the section's last setting, before the blank line and comment");
	tap_ok(added("[ nmsp ]\r\nauth: 02:00:00:00:0a:01 sha256:" H1,
		     "02:00:00:00:0a:03 sha256:" H2,
		     "[ nmsp ]\r\nauth: 02:00:00:00:0a:01 sha256:" H1
		     "\nauth = 02:00:00:00:0a:03 sha256:" H2 "\n"),
	       "add: the last line has no newline, ':' as separator, CRLF and spaces in the header");
	tap_ok(conf_nmsp_auth_add("[global]\n", 9, &x, &out, &n) == -ENOENT &&
	       !out, "add: no [nmsp] section: -ENOENT");
}

static void test_del(void)
{
	const char *in = "[nmsp]\nauth = 02:00:00:00:0a:01 sha256:" H1 "\n"
		"; keep me\nauth=02:00:00:00:0A:01  sha256:" H2 "  ; old key\n"
		"auth = 02:00:00:00:0a:02 sha256:" H1 "\n"
		"auth = not a valid entry\n"
		"[portal]\nauth = 02:00:00:00:0a:01 sha256:" H1 "\n";

	tap_ok(deleted(in, "02:00:00:00:0a:01 sha256:" H2, false,
		       "[nmsp]\nauth = 02:00:00:00:0a:01 sha256:" H1 "\n"
		       "; keep me\n"
		       "auth = 02:00:00:00:0a:02 sha256:" H1 "\n"
		       "auth = not a valid entry\n"
		       "[portal]\nauth = 02:00:00:00:0a:01 sha256:" H1 "\n") == 1,
	       "del MAC and hash: that line only (upper case, no spaces around =, inline comment)");
	tap_ok(deleted(in, "02:00:00:00:0a:01 sha256:" H1, true,
		       "[nmsp]\n; keep me\n"
		       "auth = 02:00:00:00:0a:02 sha256:" H1 "\n"
		       "auth = not a valid entry\n"
		       "[portal]\nauth = 02:00:00:00:0a:01 sha256:" H1 "\n") == 2,
	       "del by MAC: both of its lines, nothing of another section, a line that does not parse kept");
	tap_ok(deleted(in, "02:00:00:00:0a:09 sha256:" H1, true, in) == 0,
	       "del of a MAC not listed: 0, the text unchanged");
}

static void test_files(void)
{
	char dir[] = "/tmp/conf-edit-XXXXXX", path[128], link[128], *text;
	struct stat st;
	size_t len;
	FILE *f;

	if (!mkdtemp(dir)) {
		tap_ok(0, "a temporary directory");
		return;
	}
	snprintf(path, sizeof(path), "%s/fsrd.conf", dir);
	snprintf(link, sizeof(link), "%s/link.conf", dir);
	f = fopen(path, "w");
	fputs("[nmsp]\n", f);
	fclose(f);
	chmod(path, 0640);
	if (symlink(path, link))
		tap_diag("symlink", "failed");
	tap_ok(conf_file_replace(link, "[nmsp]\nauth = x\n", 17) == 0 &&
	       !conf_file_read(path, &text, &len) && len == 17 &&
	       !strcmp(text, "[nmsp]\nauth = x\n") && !stat(path, &st) &&
	       (st.st_mode & 07777) == 0640 && !lstat(link, &st) &&
	       S_ISLNK(st.st_mode),
	       "replace through a symbolic link: the target's text replaced, its mode kept, the link still a link");
	free(text);
	tap_ok(conf_file_replace("/nonexistent/fsrd.conf", "x", 1) == -ENOENT,
	       "replace a file that is not there: -ENOENT");
	f = fopen(path, "w");
	fseek(f, CONF_EDIT_MAX, SEEK_SET);
	fputc('x', f);
	fclose(f);
	tap_ok(conf_file_read(path, &text, &len) == -EFBIG,
	       "read a file over 1 MiB: -EFBIG");
	unlink(link);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	test_add();
	test_del();
	test_files();
	return tap_done();
}
