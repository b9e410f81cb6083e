// SPDX-License-Identifier: GPL-2.0
/*
 * One pass over the capture with a small state machine per roam attempt:
 *
 *   Auth request (STA -> target, transaction 1) starts a roam: algorithm
 *   FT, or Open System to a BSS other than the current one;
 *   Auth response (target -> STA, transaction 2) with its status;
 *   (Re)Association Request (STA -> target);
 *   (Re)Association Response (target -> STA) with its status;
 *   first acknowledged data frame between STA and target ends it (for an
 *   Open System roam the first protected one: EAP and the 4-way
 *   handshake travel in unprotected EAPOL data frames before it; the
 *   port opens with EAPOL-Key message 4, STA -> target, and the EAP
 *   packets in between are counted).
 *
 * The "old BSS" is the one the STA last exchanged acknowledged data with.
 * Copies of a request: the turnaround starts at the first copy that was
 * acknowledged (the AP had it from then on; later copies are duplicates or
 * re-sends by the client), or the last copy before the response if no ACK
 * was seen. A response counts from its first copy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roam.h"

const char *const metric_name[M_COUNT] = {
	"auth_turnaround_us", "reassoc_turnaround_us", "roam_us", "port_open_us", "fbt_us",
	"data_gap_us", "client_pre_us", "client_mid_us", "client_post_us",
};

enum stage { S_AUTH, S_REASSOC_REQ, S_REASSOC_RESP, S_DATA };

struct attempt {
	struct roam r;
	enum stage stage;
	int64_t req_t;		/* current request: chosen timestamp */
	int req_acked;		/* ... from an acknowledged copy */
	int64_t reassoc_first;
	int64_t last_old;	/* last acked data in the old BSS */
	int64_t pre_last;	/* ... before the first Authentication request */
	int64_t auth_resp_t;	/* the Authentication response (first copy) */
	int64_t resp_t;		/* the Reassociation Response (first copy) */
	int64_t m4_t;		/* EAPOL-Key 4/4: chosen copy, or NO_VALUE */
	int m4_acked;
};

static int push(struct roam_list *l, const struct roam *r)
{
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 64;
		struct roam *nr = realloc(l->r, ncap * sizeof(*nr));

		if (!nr)
			return -1;
		l->r = nr;
		l->cap = ncap;
	}
	l->r[l->n++] = *r;
	return 0;
}

static int finish(struct roam_list *l, struct attempt *a, const char *why)
{
	if (why)
		snprintf(a->r.reason, sizeof(a->r.reason), "%s", why);
	a->r.ok = !why;
	return push(l, &a->r);
}

static const char *missing(enum stage s)
{
	switch (s) {
	case S_AUTH:
		return "no Authentication response";
	case S_REASSOC_REQ:
		return "no Reassociation Request";
	case S_REASSOC_RESP:
		return "no Reassociation Response";
	default:
		return "no acknowledged data in the new BSS";
	}
}

/* A copy of the current request: keep the first acked one. */
static void request_copy(struct attempt *a, const struct frame *f)
{
	if (a->req_acked)
		return;
	a->req_t = f->t_us;
	a->req_acked = f->acked;
}

static int is_sta_data(const struct frame *f, const uint8_t *sta,
		       const uint8_t **bss)
{
	if (f->type != FT_DATA || f->null_data || !f->acked)
		return 0;
	if (f->tods && !f->fromds && mac_eq(f->a2, sta)) {
		*bss = f->a1;
		return 1;
	}
	if (f->fromds && !f->tods && mac_eq(f->a1, sta)) {
		*bss = f->a2;
		return 1;
	}
	return 0;
}

static int is_ft_auth(const struct frame *f, int seq)
{
	return f->type == FT_MGMT && f->subtype == ST_AUTH &&
	       f->auth_alg == AUTH_ALG_FT && f->auth_seq == seq;
}

static int is_open_auth(const struct frame *f, int seq)
{
	return f->type == FT_MGMT && f->subtype == ST_AUTH &&
	       f->auth_alg == AUTH_ALG_OPEN && f->auth_seq == seq;
}

static const uint8_t zero_mac[6];

/* The first Authentication request of a roam: FT, or Open System to a
 * BSS other than the one the station is on (not its first association). */
static int is_roam_start(const struct frame *f, const uint8_t *sta,
			 const uint8_t *cur_bss)
{
	if (!mac_eq(f->a2, sta))
		return 0;
	if (is_ft_auth(f, 1))
		return 1;
	return is_open_auth(f, 1) && !mac_eq(cur_bss, zero_mac) &&
	       !mac_eq(f->a1, cur_bss);
}

static int is_assoc_req(const struct frame *f)
{
	return f->subtype == ST_REASSOC_REQ || f->subtype == ST_ASSOC_REQ;
}

static int is_assoc_resp(const struct frame *f)
{
	return f->subtype == ST_REASSOC_RESP || f->subtype == ST_ASSOC_RESP;
}

static void start(struct attempt *a, const struct frame *f,
		  const uint8_t *cur_bss, int64_t last_data)
{
	int i;

	memset(a, 0, sizeof(*a));
	memcpy(a->r.from, cur_bss, 6);
	memcpy(a->r.to, f->a1, 6);
	a->r.t_start = f->t_us;
	a->r.t_end = f->t_us;
	a->r.open = f->auth_alg == AUTH_ALG_OPEN;
	for (i = 0; i < M_COUNT; i++)
		a->r.v[i] = NO_VALUE;
	a->stage = S_AUTH;
	a->last_old = last_data;
	a->pre_last = last_data;
	a->r.auth_tx = 1;
	a->req_t = f->t_us;
	a->req_acked = f->acked;
	a->m4_t = NO_VALUE;
}

/* EAPOL between the station and the target after the (Re)Association
 * Response of an Open System roam: count EAP, note message 4. */
static void eapol_frame(struct attempt *a, const struct frame *f,
			const uint8_t *sta)
{
	int up = f->tods && !f->fromds && mac_eq(f->a2, sta) &&
		 mac_eq(f->a1, a->r.to);
	int down = f->fromds && !f->tods && mac_eq(f->a1, sta) &&
		   mac_eq(f->a2, a->r.to);

	if (!a->r.open || a->stage != S_DATA || !(up || down))
		return;
	if (f->eapol_type == EAPOL_EAP_PACKET && !f->retry)
		a->r.eap_frames++;
	if (up && eapol_is_m4(f) && !a->m4_acked) {
		if (a->m4_t == NO_VALUE || f->acked)
			a->m4_t = f->t_us;
		a->m4_acked = f->acked;
	}
}

int roams_find(const struct capture *c, const uint8_t *sta_in,
	       struct roam_list *out)
{
	uint8_t sta[6], cur_bss[6] = { 0 };
	int64_t last_data = NO_VALUE;
	struct attempt a;
	int active = 0, have_sta = 0;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (sta_in) {
		memcpy(sta, sta_in, 6);
		have_sta = 1;
	}
	for (i = 0; i < c->n && !have_sta; i++) {
		if (is_ft_auth(&c->f[i], 1)) {
			memcpy(sta, c->f[i].a2, 6);
			have_sta = 1;
		}
	}
	if (!have_sta)
		return 0;	/* no FT roam at all */
	for (i = 0; i < c->n; i++) {
		const struct frame *f = &c->f[i];
		const uint8_t *bss;
		char why[80];

		if (active && f->t_us - a.r.t_start > ROAM_LIMIT_US) {
			if (finish(out, &a, missing(a.stage)) < 0)
				return -1;
			active = 0;
		}
		if (active && f->type == FT_DATA && f->eapol)
			eapol_frame(&a, f, sta);
		if (is_sta_data(f, sta, &bss)) {
			if (active && a.stage == S_DATA && mac_eq(bss, a.r.to) &&
			    (f->protected_frame || !a.r.open)) {
				a.r.t_end = f->t_us;
				if (a.last_old != NO_VALUE)
					a.r.v[M_FBT] = f->t_us - a.last_old;
				a.r.v[M_POST] = f->t_us - a.resp_t;
				if (a.r.open && a.m4_t != NO_VALUE)
					a.r.v[M_PORT] = a.m4_t - a.r.t_start;
				if (finish(out, &a, NULL) < 0)
					return -1;
				active = 0;
			} else if (active && mac_eq(bss, a.r.from) &&
				   a.stage <= S_REASSOC_REQ) {
				a.last_old = f->t_us;
			}
			memcpy(cur_bss, bss, 6);
			last_data = f->t_us;
			continue;
		}
		if (f->type != FT_MGMT)
			continue;
		if (active && is_open_auth(f, 1) && a.r.open &&
		    mac_eq(f->a2, sta) && mac_eq(f->a1, a.r.to) &&
		    a.stage == S_AUTH) {
			a.r.auth_tx++;
			request_copy(&a, f);
			continue;
		}
		if (is_roam_start(f, sta, cur_bss)) {
			if (active && mac_eq(f->a1, a.r.to) &&
			    a.stage == S_AUTH && !a.r.open) {
				a.r.auth_tx++;
				request_copy(&a, f);
				continue;
			}
			if (active) {
				snprintf(why, sizeof(why),
					 "%s, then a new Authentication",
					 missing(a.stage));
				if (finish(out, &a, why) < 0)
					return -1;
			}
			start(&a, f, cur_bss, last_data);
			active = 1;
			continue;
		}
		if (!active)
			continue;
		a.r.t_end = f->t_us;
		if ((a.r.open ? is_open_auth(f, 2) : is_ft_auth(f, 2)) &&
		    mac_eq(f->a2, a.r.to) && mac_eq(f->a1, sta) &&
		    a.stage == S_AUTH) {
			a.r.v[M_AUTH] = f->t_us - a.req_t;
			if (a.pre_last != NO_VALUE)
				a.r.v[M_PRE] = a.req_t - a.pre_last;
			a.auth_resp_t = f->t_us;
			if (f->status) {
				snprintf(why, sizeof(why),
					 "Authentication status %u", f->status);
				if (finish(out, &a, why) < 0)
					return -1;
				active = 0;
				continue;
			}
			a.stage = S_REASSOC_REQ;
		} else if (is_assoc_req(f) && mac_eq(f->a2, sta) &&
			   mac_eq(f->a1, a.r.to)) {
			if (a.stage == S_REASSOC_REQ) {
				a.stage = S_REASSOC_RESP;
				a.reassoc_first = f->t_us;
				a.req_t = f->t_us;
				a.req_acked = f->acked;
				a.r.reassoc_tx = 1;
			} else if (a.stage == S_REASSOC_RESP) {
				a.r.reassoc_tx++;
				request_copy(&a, f);
			}
		} else if (is_assoc_resp(f) &&
			   mac_eq(f->a2, a.r.to) && mac_eq(f->a1, sta) &&
			   a.stage == S_REASSOC_RESP) {
			a.r.v[M_REASSOC] = f->t_us - a.req_t;
			a.r.v[M_MID] = a.req_t - a.auth_resp_t;
			a.resp_t = f->t_us;
			a.r.v[M_ROAM] = f->t_us - a.r.t_start;
			if (!a.r.open)
				a.r.v[M_PORT] = a.r.v[M_ROAM];
			if (f->status) {
				snprintf(why, sizeof(why),
					 "Reassociation status %u", f->status);
				if (finish(out, &a, why) < 0)
					return -1;
				active = 0;
				continue;
			}
			a.stage = S_DATA;
		} else if (f->subtype == ST_DEAUTH && mac_eq(f->a1, sta) &&
			   mac_eq(f->a2, a.r.to)) {
			snprintf(why, sizeof(why), "%s, deauthenticated",
				 missing(a.stage));
			if (finish(out, &a, why) < 0)
				return -1;
			active = 0;
		}
	}
	if (active && finish(out, &a, missing(a.stage)) < 0)
		return -1;
	return 0;
}

void roams_free(struct roam_list *l)
{
	free(l->r);
	l->r = NULL;
	l->n = l->cap = 0;
}
