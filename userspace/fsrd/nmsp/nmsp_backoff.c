// SPDX-License-Identifier: GPL-2.0-only
/* The order of client mode's tries (nmsp_backoff.h). */
#include "nmsp/nmsp_backoff.h"

uint32_t nmsp_backoff_failed(struct nmsp_backoff *b, bool *fallback)
{
	*fallback = false;
	if (b->retries < NMSP_DIAL_RETRIES)
		return NMSP_DIAL_FIRST_MS << b->retries++;
	b->retries = 0;
	b->cur = b->n ? (b->cur + 1) % b->n : 0;
	*fallback = true;
	return 0;
}

uint32_t nmsp_backoff_ended(struct nmsp_backoff *b)
{
	b->retries = 1;		/* the wait below is the first retry's */
	return NMSP_DIAL_FIRST_MS;
}
