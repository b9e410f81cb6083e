/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Changes fsrd makes to its own configuration file when told to
 * (fsrctl nmsp authlist add|del): the text is edited line by line, so
 * the administrator's comments, order and spacing stay as they are, and
 * written back whole (conf_file_replace: a new file renamed over the
 * old, never a half-written one). The editing is pure and unit-tested.
 * Lines are read as libinih reads them: "key = value" or "key: value",
 * ';' or '#' starting a comment line, " ;" an inline comment.
 */
#ifndef FSRD_CONF_EDIT_H
#define FSRD_CONF_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "nmsp/nmsp_auth.h"

/* The largest configuration file fsrd edits. */
#define CONF_EDIT_MAX	(1024 * 1024)

/*
 * @text (@len octets) with the line "auth = @e" added to its [nmsp]
 * section, after the section's last auth line (else after its last
 * setting), into *@out (malloc'd, *@out_len octets): 0, -ENOENT without
 * an [nmsp] section, -ENOMEM.
 */
int conf_nmsp_auth_add(const char *text, size_t len,
		       const struct nmsp_auth_entry *e, char **out,
		       size_t *out_len);

/*
 * @text without the auth lines of its [nmsp] section that name @e's MAC
 * (and its hash too, unless @any_hash): the number removed (>= 0) with
 * *@out set (malloc'd), or -ENOMEM. Lines that do not parse are kept.
 */
int conf_nmsp_auth_del(const char *text, size_t len,
		       const struct nmsp_auth_entry *e, bool any_hash,
		       char **out, size_t *out_len);

/* The file at @path, whole (at most CONF_EDIT_MAX): 0 with *@text
 * (malloc'd, NUL-terminated) and *@len, or -errno (-EFBIG). */
int conf_file_read(const char *path, char **text, size_t *len);
/* Replace the file at @path by @text: a temporary file in the same
 * directory with the old one's mode, written and synced, renamed over
 * it. 0, or -errno with the old file untouched. */
int conf_file_replace(const char *path, const char *text, size_t len);

#endif /* FSRD_CONF_EDIT_H */
