// SPDX-License-Identifier: GPL-2.0-only
/* RRB sequence numbers (rrb_seq.h): the same window as hostapd 2.10. */
#include "mobility/rrb_seq.h"

void rrb_seq_next(struct rrb_seq_tx *tx, uint32_t rnd_dom, uint32_t rnd_seq,
		  uint32_t now_s, struct rrb_seq_tlv *out)
{
	if (!tx->dom) {
		tx->dom = rnd_dom | 1;
		tx->seq = rnd_seq;
	}
	out->dom = tx->dom;
	out->seq = tx->seq++;
	out->ts = now_s;
}

enum rrb_seq_verdict rrb_seq_check(const struct rrb_seq_rx *rx,
				   const struct rrb_seq_tlv *s, uint64_t now_s,
				   bool no_defer)
{
	uint32_t remote_now, ts_off, off;
	unsigned int i;

	if (!rx->num_last || s->dom != rx->dom)
		goto defer;
	/* the peer's clock as we estimate it, +- RRB_SEQ_TIMEOUT_S */
	remote_now = (uint32_t)((int64_t)now_s - rx->time_offset);
	ts_off = s->ts - (remote_now - RRB_SEQ_TIMEOUT_S);
	if (ts_off > 2 * RRB_SEQ_TIMEOUT_S)
		goto defer;
	off = s->seq - rx->last[rx->offsetidx];
	if (off > 0xc0000000u)
		return RRB_SEQ_DROP;
	if (off <= 0x40000000u) {
		for (i = 0; i < rx->num_last; i++)
			if (rx->last[i] == s->seq)
				return RRB_SEQ_DROP;
		return RRB_SEQ_OK;
	}
defer:
	return no_defer ? RRB_SEQ_DROP : RRB_SEQ_DEFER;
}

void rrb_seq_accept(struct rrb_seq_rx *rx, const struct rrb_seq_tlv *s)
{
	uint32_t low = rx->last[rx->offsetidx];
	unsigned int i, minidx = 0;

	if (rx->num_last < RRB_SEQ_BACKLOG) {
		rx->last[rx->num_last++] = s->seq;
		return;
	}
	/* replace the window's low end; the next lowest becomes it */
	for (i = 0; i < rx->num_last; i++)
		if (rx->last[i] - low < rx->last[minidx] - low &&
		    i != rx->offsetidx)
			minidx = i;
	rx->last[rx->offsetidx] = s->seq;
	rx->offsetidx = minidx;
}

void rrb_seq_resync(struct rrb_seq_rx *rx, const struct rrb_seq_tlv *s,
		    uint64_t now_s, unsigned int queued)
{
	if (rrb_seq_check(rx, s, now_s, true) == RRB_SEQ_OK) {
		rrb_seq_accept(rx, s);
		return;
	}
	rx->num_last = 2;
	rx->dom = s->dom;
	rx->offsetidx = 0;
	rx->last[0] = s->seq - RRB_SEQ_BACKLOG - queued;
	rx->last[1] = s->seq;
	rx->time_offset = (int64_t)now_s - (int64_t)s->ts;
}
