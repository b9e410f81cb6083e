// SPDX-License-Identifier: GPL-2.0-only
/* The probe requests heard (nmsp_probes.h). */
#include "nmsp/nmsp_probes.h"

#include <string.h>

void nmsp_probes_add(struct nmsp_probes *t, const struct nmsp_rssi *r,
		     uint64_t now_ms)
{
	size_t i, w = t->n;

	for (i = 0; i < t->n; i++) {
		if (!memcmp(t->e[i].r.sta, r->sta, 6) &&
		    !memcmp(t->e[i].r.bssid, r->bssid, 6)) {
			w = i;
			break;
		}
	}
	if (w == NMSP_PROBES_MAX) {
		/* full: the oldest makes room */
		w = 0;
		for (i = 1; i < t->n; i++)
			if (t->e[i].at_ms < t->e[w].at_ms)
				w = i;
	} else if (w == t->n) {
		t->n++;
	}
	t->e[w].r = *r;
	t->e[w].at_ms = now_ms;
}

size_t nmsp_probes_get(struct nmsp_probes *t, struct nmsp_rssi *out,
		       size_t max, uint64_t now_ms)
{
	size_t i = 0, k = 0;

	while (i < t->n) {
		if (now_ms - t->e[i].at_ms > NMSP_PROBE_AGE_MS) {
			t->e[i] = t->e[--t->n];
			continue;
		}
		if (k < max)
			out[k++] = t->e[i].r;
		i++;
	}
	return k;
}
