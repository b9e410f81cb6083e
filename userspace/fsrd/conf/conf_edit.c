// SPDX-License-Identifier: GPL-2.0-only
/* Editing fsrd's configuration file (conf_edit.h). */
#include "conf/conf_edit.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* One line of the text: [start, end) without its newline; next: after. */
struct line {
	const char *start, *end, *next;
};

static bool next_line(const char *text, size_t len, const char **pos,
		      struct line *l)
{
	const char *stop = text + len, *nl;

	if (*pos >= stop)
		return false;
	l->start = *pos;
	nl = memchr(*pos, '\n', (size_t)(stop - *pos));
	l->end = nl ? nl : stop;
	l->next = nl ? nl + 1 : stop;
	*pos = l->next;
	return true;
}

static const char *skip_space(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++;
	return s;
}

static const char *trim_end(const char *s, const char *end)
{
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
			   end[-1] == '\r'))
		end--;
	return end;
}

/* A section header's name: true with [*name, *name_end). */
static bool section(const struct line *l, const char **name,
		    const char **name_end)
{
	const char *s = skip_space(l->start, l->end), *e;

	if (s == l->end || *s != '[')
		return false;
	e = memchr(s, ']', (size_t)(l->end - s));
	if (!e)
		return false;
	*name = skip_space(s + 1, e);
	*name_end = trim_end(*name, e);
	return true;
}

static bool is_nmsp(const struct line *l)
{
	const char *n, *e;

	return section(l, &n, &e) && e - n == 4 && !memcmp(n, "nmsp", 4);
}

/* A setting: true with its key and value (inline comment cut). */
static bool setting(const struct line *l, const char **key,
		    const char **key_end, const char **val,
		    const char **val_end)
{
	const char *s = skip_space(l->start, l->end), *sep, *p;

	if (s == l->end || *s == ';' || *s == '#' || *s == '[')
		return false;
	for (sep = s; sep < l->end && *sep != '=' && *sep != ':'; sep++)
		;
	if (sep == l->end)
		return false;
	*key = s;
	*key_end = trim_end(s, sep);
	*val = skip_space(sep + 1, l->end);
	for (p = *val; p < l->end; p++)
		if (*p == ';' && p > *val && (p[-1] == ' ' || p[-1] == '\t'))
			break;
	*val_end = trim_end(*val, p);
	return true;
}

/* Is @l an auth line naming @e (its MAC; its hash too unless any)? */
static bool auth_of(const struct line *l, const struct nmsp_auth_entry *e,
		    bool any_hash)
{
	const char *k, *ke, *v, *ve, *why;
	struct nmsp_auth_entry got;
	char buf[NMSP_AUTH_STRLEN + 16];

	if (!setting(l, &k, &ke, &v, &ve) || ke - k != 4 ||
	    memcmp(k, "auth", 4) || (size_t)(ve - v) >= sizeof(buf))
		return false;
	memcpy(buf, v, (size_t)(ve - v));
	buf[ve - v] = '\0';
	return !nmsp_auth_entry_parse(buf, &got, &why) &&
	       nmsp_auth_entry_matches(&got, e, any_hash);
}

static int build(char **out, size_t *out_len, size_t size)
{
	*out = malloc(size + 1);
	*out_len = 0;
	return *out ? 0 : -ENOMEM;
}

static void put(char *out, size_t *n, const char *s, size_t len)
{
	memcpy(out + *n, s, len);
	*n += len;
	out[*n] = '\0';
}

int conf_nmsp_auth_add(const char *text, size_t len,
		       const struct nmsp_auth_entry *e, char **out,
		       size_t *out_len)
{
	const char *pos = text, *k, *ke, *v, *ve, *after = NULL;
	char entry[NMSP_AUTH_STRLEN], add[NMSP_AUTH_STRLEN + 16];
	bool in = false, seen = false, last_auth = false;
	struct line l;
	size_t n;

	while (next_line(text, len, &pos, &l)) {
		const char *nm, *ne;

		if (section(&l, &nm, &ne)) {
			in = is_nmsp(&l);
			if (in) {
				seen = true;
				after = l.next;
				last_auth = false;
			}
			continue;
		}
		if (!in || !setting(&l, &k, &ke, &v, &ve))
			continue;
		if (ke - k == 4 && !memcmp(k, "auth", 4)) {
			after = l.next;
			last_auth = true;
		} else if (!last_auth) {
			after = l.next;
		}
	}
	if (!seen)
		return -ENOENT;
	nmsp_auth_entry_format(e, entry);
	/* a last line without its newline gets one first */
	n = (size_t)snprintf(add, sizeof(add), "%sauth = %s\n",
			     after > text && after[-1] != '\n' ? "\n" : "",
			     entry);
	if (build(out, out_len, len + n))
		return -ENOMEM;
	put(*out, out_len, text, (size_t)(after - text));
	put(*out, out_len, add, n);
	put(*out, out_len, after, (size_t)(text + len - after));
	return 0;
}

int conf_nmsp_auth_del(const char *text, size_t len,
		       const struct nmsp_auth_entry *e, bool any_hash,
		       char **out, size_t *out_len)
{
	const char *pos = text;
	bool in = false;
	struct line l;
	int removed = 0;

	if (build(out, out_len, len))
		return -ENOMEM;
	while (next_line(text, len, &pos, &l)) {
		const char *nm, *ne;

		if (section(&l, &nm, &ne))
			in = is_nmsp(&l);
		else if (in && auth_of(&l, e, any_hash)) {
			removed++;
			continue;
		}
		put(*out, out_len, l.start, (size_t)(l.next - l.start));
	}
	if (!len)
		(*out)[0] = '\0';
	return removed;
}

int conf_file_read(const char *path, char **text, size_t *len)
{
	struct stat st;
	ssize_t r;
	size_t n = 0;
	int fd, err;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st)) {
		err = -errno;
		close(fd);
		return err;
	}
	if (st.st_size > CONF_EDIT_MAX) {
		close(fd);
		return -EFBIG;
	}
	*text = malloc((size_t)st.st_size + 1);
	if (!*text) {
		close(fd);
		return -ENOMEM;
	}
	while (n < (size_t)st.st_size) {
		r = read(fd, *text + n, (size_t)st.st_size - n);
		if (r <= 0) {
			err = r ? -errno : -EIO;
			free(*text);
			close(fd);
			return err;
		}
		n += (size_t)r;
	}
	close(fd);
	(*text)[n] = '\0';
	*len = n;
	return 0;
}

int conf_file_replace(const char *link, const char *text, size_t len)
{
	char tmp[PATH_MAX + 16], dir[PATH_MAX], path[PATH_MAX];
	struct stat st;
	size_t n = 0;
	ssize_t w;
	int fd, dfd, err = 0;

	/* a symbolic link stays one: its target is replaced */
	if (!realpath(link, path) || stat(path, &st))
		return -errno;
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.fsrd-XXXXXX", path) >=
	    sizeof(tmp))
		return -ENAMETOOLONG;
	fd = mkstemp(tmp);
	if (fd < 0)
		return -errno;
	/* the mode matters (the file holds secrets); the owner only when
	 * fsrd may set it */
	if (fchmod(fd, st.st_mode & 07777))
		err = -errno;
	else if (fchown(fd, st.st_uid, st.st_gid))
		(void)0;
	while (!err && n < len) {
		w = write(fd, text + n, len - n);
		if (w < 0)
			err = -errno;
		else
			n += (size_t)w;
	}
	if (!err && fsync(fd))
		err = -errno;
	if (close(fd) && !err)
		err = -errno;
	if (!err && rename(tmp, path))
		err = -errno;
	if (err) {
		unlink(tmp);
		return err;
	}
	/* the rename itself, on disk */
	snprintf(dir, sizeof(dir), "%s", path);
	dfd = open(dirname(dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	return 0;
}
