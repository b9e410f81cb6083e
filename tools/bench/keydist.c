// SPDX-License-Identifier: GPL-2.0
/* The scale run's key distribution analysis (keydist.h). */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keydist.h"

static const uint8_t hostapd_oui[5] = { 0x00, 0x13, 0x74, 0x00, 0x01 };

int kd_wire_parse(const uint8_t *p, size_t len, struct kd_wire *w)
{
	uint16_t et;

	if (len < 14)
		return -1;
	et = (uint16_t)(p[12] << 8 | p[13]);
	if (et != KD_ETH_OUI && et != KD_ETH_FT_DS)
		return 1;
	memcpy(w->da, p, 6);
	memcpy(w->sa, p + 6, 6);
	w->ethertype = et;
	w->subtype = 0;
	w->len = (uint32_t)len;
	if (et == KD_ETH_OUI) {
		/* OUI, protocol id, subtype: only hostapd's protocol */
		if (len < 14 + sizeof(hostapd_oui) + 1)
			return -1;
		if (memcmp(p + 14, hostapd_oui, sizeof(hostapd_oui)))
			return 1;
		w->subtype = p[14 + sizeof(hostapd_oui)];
	}
	return 0;
}

int kd_wire_add(struct kd_wirecap *c, const struct kd_wire *w)
{
	if (c->n == c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 256;
		struct kd_wire *nw = realloc(c->w, ncap * sizeof(*nw));

		if (!nw)
			return -1;
		c->w = nw;
		c->cap = ncap;
	}
	c->w[c->n++] = *w;
	return 0;
}

/* One Ethernet frame into the capture (capture_each). */
static int add_wire(int64_t t_us, const uint8_t *data, size_t caplen,
		    size_t len, void *ctx)
{
	struct kd_wirecap *c = ctx;
	struct kd_wire w;

	if (kd_wire_parse(data, caplen, &w)) {
		c->other++;
		return 0;
	}
	w.len = (uint32_t)len;
	w.t_us = t_us;
	return kd_wire_add(c, &w);
}

int kd_wire_load(const char *path, struct kd_wirecap *c, char *err,
		 size_t errlen)
{
	memset(c, 0, sizeof(*c));
	if (capture_each(path, DLT_EN10MB, "Ethernet", add_wire, c, err,
			 errlen) < 0) {
		kd_wire_free(c);
		return -1;
	}
	return 0;
}

void kd_wire_free(struct kd_wirecap *c)
{
	free(c->w);
	memset(c, 0, sizeof(*c));
}

int kd_aps_load(const char *path, struct kd_aps *a, char *err,
		size_t errlen)
{
	char line[256], mac[32], name[32], role[32];
	unsigned int m[6];
	size_t lineno = 0, n_r0 = 0;
	FILE *fp = fopen(path, "r");

	memset(a, 0, sizeof(*a));
	if (!fp) {
		snprintf(err, errlen, "%s: cannot open", path);
		return -1;
	}
	while (fgets(line, sizeof(line), fp)) {
		struct kd_ap *ap;
		char extra;
		int i;

		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (sscanf(line, "%31s %31s %31s %c", mac, name, role,
			   &extra) != 3 ||
		    sscanf(mac, "%2x:%2x:%2x:%2x:%2x:%2x%c", &m[0], &m[1],
			   &m[2], &m[3], &m[4], &m[5], &extra) != 6 ||
		    strlen(name) >= sizeof(ap->name)) {
			snprintf(err, errlen, "%s:%zu: expected 'MAC NAME r0kh|neighbour|other'",
				 path, lineno);
			goto bad;
		}
		if (a->n == KD_APS_MAX) {
			snprintf(err, errlen, "%s:%zu: more than %d APs", path,
				 lineno, KD_APS_MAX);
			goto bad;
		}
		ap = &a->ap[a->n];
		for (i = 0; i < 6; i++)
			ap->mac[i] = (uint8_t)m[i];
		strcpy(ap->name, name);
		if (!strcmp(role, "r0kh")) {
			ap->role = KD_R0KH;
			a->r0kh = a->n;
			n_r0++;
		} else if (!strcmp(role, "neighbour")) {
			ap->role = KD_NEIGHBOUR;
		} else if (!strcmp(role, "other")) {
			ap->role = KD_OTHER;
		} else {
			snprintf(err, errlen, "%s:%zu: role '%s': expected r0kh, neighbour or other",
				 path, lineno, role);
			goto bad;
		}
		a->n++;
	}
	fclose(fp);
	if (n_r0 != 1) {
		snprintf(err, errlen, "%s: %zu APs with role r0kh, expected one",
			 path, n_r0);
		return -1;
	}
	return 0;
bad:
	fclose(fp);
	return -1;
}

int kd_rounds_load(const char *path, struct kd_round **out, size_t *nout,
		   char *err, size_t errlen)
{
	struct kd_round *r = NULL, *nr;
	char line[256], st[16], extra;
	size_t n = 0, lineno = 0;
	long long s, e;
	int idx;
	FILE *fp = fopen(path, "r");

	if (!fp) {
		snprintf(err, errlen, "%s: cannot open", path);
		return -1;
	}
	while (fgets(line, sizeof(line), fp)) {
		lineno++;
		if (sscanf(line, "%d %lld %lld %15s %c", &idx, &s, &e, st,
			   &extra) != 4 || idx < 0 || e < s ||
		    (strcmp(st, "ok") && strcmp(st, "fail"))) {
			snprintf(err, errlen, "%s:%zu: expected 'INDEX START_US END_US ok|fail'",
				 path, lineno);
			goto bad;
		}
		nr = realloc(r, (n + 1) * sizeof(*r));
		if (!nr) {
			snprintf(err, errlen, "%s: out of memory", path);
			goto bad;
		}
		r = nr;
		r[n++] = (struct kd_round){ idx, s, e, !strcmp(st, "ok") };
	}
	fclose(fp);
	*out = r;
	*nout = n;
	return 0;
bad:
	fclose(fp);
	free(r);
	return -1;
}

static int ap_index(const struct kd_aps *a, const uint8_t *mac)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (mac_eq(a->ap[i].mac, mac))
			return (int)i;
	return -1;
}

/* The client's 4/4 to the R0KH in [from, to): its time, or -1. */
static int64_t find_m4(const struct capture *air, const uint8_t *sta,
		       const uint8_t *ap, int64_t from, int64_t to)
{
	size_t i;

	for (i = 0; i < air->n; i++) {
		const struct frame *f = &air->f[i];

		if (f->t_us >= from && f->t_us < to && eapol_is_m4(f) &&
		    mac_eq(f->a2, sta) && mac_eq(f->a1, ap))
			return f->t_us;
	}
	return -1;
}

static int push64(int64_t **v, size_t *n, int64_t x)
{
	int64_t *nv = realloc(*v, (*n + 1) * sizeof(**v));

	if (!nv)
		return -1;
	nv[(*n)++] = x;
	*v = nv;
	return 0;
}

/* One measured round: [from, to) holds its frames, t4 its 4/4. */
static int one_round(const struct kd_wirecap *wire, const struct kd_aps *a,
		     int64_t t4, int64_t from, int64_t to,
		     struct kd_result *out)
{
	const uint8_t *r0 = a->ap[a->r0kh].mac;
	int64_t first[KD_APS_MAX], nb_last = 0, all_last = -1, all_first = -1;
	size_t i, pushed = 0, nb_missed = 0;

	for (i = 0; i < a->n; i++)
		first[i] = -1;
	for (i = 0; i < wire->n; i++) {
		const struct kd_wire *w = &wire->w[i];
		int k;

		if (w->t_us < from || w->t_us >= to)
			continue;
		k = ap_index(a, w->sa);
		if (k < 0) {
			out->frames_unknown++;
			continue;
		}
		out->frames[k]++;
		out->bytes[k] += w->len;
		if (w->t_us < t4 || !mac_eq(w->sa, r0) ||
		    w->ethertype != KD_ETH_OUI || w->subtype != KD_PUSH)
			continue;
		k = ap_index(a, w->da);
		if (k < 0 || first[k] >= 0)
			continue;
		first[k] = w->t_us - t4;
		pushed++;
		if (first[k] > all_last)
			all_last = first[k];
		if (all_first < 0 || first[k] < all_first)
			all_first = first[k];
	}
	for (i = 0; i < a->n; i++) {
		if (a->ap[i].role != KD_NEIGHBOUR)
			continue;
		if (first[i] < 0) {
			nb_missed++;
			continue;
		}
		if (push64(&out->nb, &out->n_nb, first[i]) < 0)
			return -1;
		if (first[i] > nb_last)
			nb_last = first[i];
	}
	out->nb_missed += nb_missed;
	if (!nb_missed && push64(&out->nb_last, &out->n_nb_last, nb_last) < 0)
		return -1;
	if (all_last >= 0 &&
	    (push64(&out->all_last, &out->n_all_last, all_last) < 0 ||
	     push64(&out->first, &out->n_first, all_first) < 0))
		return -1;
	out->pushed_to_sum += pushed;
	if (pushed > out->pushed_to_max)
		out->pushed_to_max = pushed;
	return 0;
}

int kd_compute(const struct capture *air, const struct kd_wirecap *wire,
	       const struct kd_aps *a, const struct kd_round *r, size_t nr,
	       const uint8_t sta[6], struct kd_result *out)
{
	size_t i, j;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < nr; i++) {
		int64_t from = r[i].start_us, t4;
		int64_t to = i + 1 < nr ? r[i + 1].start_us :
			     r[i].end_us + 5000000;

		if (r[i].index == 0) {
			for (j = 0; j < wire->n; j++)
				if (wire->w[j].t_us >= from &&
				    wire->w[j].t_us < to &&
				    ap_index(a, wire->w[j].sa) >= 0)
					out->frames_warmup++;
			continue;
		}
		t4 = r[i].ok ? find_m4(air, sta, a->ap[a->r0kh].mac, from,
				       to) : -1;
		if (t4 < 0) {
			out->rounds_failed++;
			continue;
		}
		out->rounds++;
		if (one_round(wire, a, t4, from, to, out) < 0) {
			kd_result_free(out);
			return -1;
		}
	}
	return 0;
}

void kd_result_free(struct kd_result *r)
{
	free(r->nb);
	free(r->nb_last);
	free(r->all_last);
	free(r->first);
	r->nb = r->nb_last = r->all_last = r->first = NULL;
	r->n_nb = r->n_nb_last = r->n_all_last = r->n_first = 0;
}
