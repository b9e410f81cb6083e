// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>

#include "ctl.h"

int rec_list_add_cb(const struct nlmsghdr *nlh, void *data)
{
	struct rec_list *l = data;
	struct fsr_rec *v;
	int ret;

	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;

		v = realloc(l->v, cap * sizeof(*v));
		if (!v)
			return -ENOMEM;
		l->v = v;
		l->cap = cap;
	}
	ret = fsr_rec_decode(nlh, &l->v[l->n]);
	if (ret < 0)
		return ret;
	l->n++;
	return 0;
}

void rec_list_reset_cb(void *data)
{
	struct rec_list *l = data;

	l->n = 0;
}

void rec_list_free(struct rec_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
	l->cap = 0;
}
