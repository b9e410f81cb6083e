/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * "KEYWORD VALUE ..." argument lists, in any order, each keyword at most
 * once. Pure: errors are described in a buffer naming the bad word.
 */
#ifndef FSRCTL_KWARGS_H
#define FSRCTL_KWARGS_H

#include <stdbool.h>
#include <stddef.h>

struct kwarg {
	const char *name;
	/* 0 on success; negative when @val does not fit */
	int (*parse)(const char *val, void *dst);
	void *dst;
	const char *what;	/* "MAC address" */
	const char *hint;	/* "aa:bb:cc:dd:ee:ff", or NULL */
	bool required;
	bool seen;
};

/* Returns 0, or -EINVAL with a message in @err. */
int kwargs_parse(struct kwarg *kw, size_t nkw, int argc, char **argv,
		 char *err, size_t errsize);

#endif /* FSRCTL_KWARGS_H */
