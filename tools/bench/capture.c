// SPDX-License-Identifier: GPL-2.0
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture.h"
#include "radiotap.h"

int capture_add(struct capture *c, const struct frame *f)
{
	if (c->n == c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 1024;
		struct frame *nf = realloc(c->f, ncap * sizeof(*nf));

		if (!nf)
			return -1;
		c->f = nf;
		c->cap = ncap;
	}
	c->f[c->n++] = *f;
	return 0;
}

int capture_each(const char *path, int linktype, const char *lt_name,
		 capture_pkt_fn fn, void *ctx, char *err, size_t errlen)
{
	char perr[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *data;
	pcap_t *p;
	int rc;

	p = pcap_open_offline_with_tstamp_precision(path,
						    PCAP_TSTAMP_PRECISION_MICRO,
						    perr);
	if (!p) {
		snprintf(err, errlen, "%s", perr);
		return -1;
	}
	if (pcap_datalink(p) != linktype) {
		snprintf(err, errlen, "%s: link type %d, not %s (%d)", path,
			 pcap_datalink(p), lt_name, linktype);
		pcap_close(p);
		return -1;
	}
	while ((rc = pcap_next_ex(p, &h, &data)) == 1)
		if (fn((int64_t)h->ts.tv_sec * 1000000 + h->ts.tv_usec, data,
		       h->caplen, h->len, ctx) < 0) {
			snprintf(err, errlen, "%s: out of memory", path);
			pcap_close(p);
			return -1;
		}
	if (rc == -1)
		snprintf(err, errlen, "%s: %s", path, pcap_geterr(p));
	pcap_close(p);
	return rc == -1 ? -1 : 0;
}

/* One radiotap frame into the capture (capture_each). */
static int add_radiotap(int64_t t_us, const uint8_t *data, size_t caplen,
			size_t wire_len, void *ctx)
{
	struct capture *c = ctx;
	struct rt_info rt;
	struct frame f;
	size_t len;

	if (rt_parse(data, caplen, &rt) < 0 || (rt.flags & RT_FLAG_BADFCS)) {
		c->skipped++;
		return 0;
	}
	len = caplen - rt.hdr_len;
	/* A snapped frame keeps its FCS only if nothing was cut. */
	if ((rt.flags & RT_FLAG_FCS) && caplen == wire_len && len >= 4)
		len -= 4;
	if (dot11_parse(data + rt.hdr_len, len, &f) < 0) {
		c->skipped++;
		return 0;
	}
	f.t_us = t_us;
	return capture_add(c, &f);
}

int capture_load(const char *path, struct capture *c, char *err,
		 size_t errlen)
{
	memset(c, 0, sizeof(*c));
	if (capture_each(path, DLT_IEEE802_11_RADIO, "radiotap",
			 add_radiotap, c, err, errlen) < 0) {
		capture_free(c);
		return -1;
	}
	capture_mark_acks(c);
	return 0;
}

void capture_mark_acks(struct capture *c)
{
	size_t i, j;

	for (i = 0; i < c->n; i++) {
		struct frame *f = &c->f[i];

		if (f->type == FT_CTRL || mac_is_group(f->a1))
			continue;
		for (j = i + 1; j < c->n; j++) {
			const struct frame *g = &c->f[j];

			if (g->t_us - f->t_us > ACK_WINDOW_US)
				break;
			if (g->type == FT_CTRL && g->subtype == ST_ACK) {
				if (mac_eq(g->a1, f->a2)) {
					f->acked = 1;
					break;
				}
				continue;
			}
			if (mac_eq(g->a2, f->a2))
				break;	/* its next frame: this one was not acked */
		}
	}
}

void capture_free(struct capture *c)
{
	free(c->f);
	c->f = NULL;
	c->n = c->cap = 0;
}
