// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "kwargs.h"

static struct kwarg *find(struct kwarg *kw, size_t nkw, const char *name)
{
	size_t i;

	for (i = 0; i < nkw; i++)
		if (!strcmp(kw[i].name, name))
			return &kw[i];
	return NULL;
}

int kwargs_parse(struct kwarg *kw, size_t nkw, int argc, char **argv,
		 char *err, size_t errsize)
{
	struct kwarg *k;
	size_t i;
	int a;

	for (i = 0; i < nkw; i++)
		kw[i].seen = false;
	for (a = 0; a < argc; a += 2) {
		k = find(kw, nkw, argv[a]);
		if (!k) {
			snprintf(err, errsize, "unexpected argument '%s'",
				 argv[a]);
			return -EINVAL;
		}
		if (k->seen) {
			snprintf(err, errsize, "'%s' given twice", k->name);
			return -EINVAL;
		}
		if (a + 1 >= argc) {
			snprintf(err, errsize, "'%s' needs a value (%s)",
				 k->name, k->what);
			return -EINVAL;
		}
		if (k->parse(argv[a + 1], k->dst) < 0) {
			snprintf(err, errsize, "invalid %s '%s'%s%s%s",
				 k->what, argv[a + 1],
				 k->hint ? " (expected " : "",
				 k->hint ? k->hint : "", k->hint ? ")" : "");
			return -EINVAL;
		}
		k->seen = true;
	}
	for (i = 0; i < nkw; i++) {
		if (kw[i].required && !kw[i].seen) {
			snprintf(err, errsize, "missing '%s' (%s)", kw[i].name,
				 kw[i].what);
			return -EINVAL;
		}
	}
	return 0;
}
