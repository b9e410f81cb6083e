// SPDX-License-Identifier: GPL-2.0-only
/*
 * FT over the DS (ft_ds.h): the current AP's relay both ways and the
 * target's answer. Station state is mlme.c's; the wire is mobility/ds.c.
 */
#include <errno.h>
#include <string.h>

#include "ap/bss.h"
#include "ap/ft_ds.h"
#include "core/evloop.h"
#include "core/ieee80211.h"
#include "core/log.h"
#include "core/trace.h"
#include "drv/nl80211.h"
#include "mobility/ds_msg.h"
#include "mobility/mobility.h"

/* An associated station's FT Requests: at most one per this many ms
 * is forwarded (each costs the target a key derivation). */
#define DS_REQ_GAP_MS		100
/* Responses relayed per station, its requests in flight */
#define DS_ANSWERS_MAX		4

const struct ft_ds_counters *ft_ds_counters(const struct fsrd_bss *b)
{
	return &b->ds;
}

/* A BSS of this fsrd by its address, or NULL. */
static struct fsrd_bss *local_bss(const uint8_t *addr)
{
	struct fsrd_bss *t;
	unsigned int i = 0;

	while ((t = bss_next(&i)))
		if (t->started && !memcmp(t->addr, addr, 6))
			return t;
	return NULL;
}

/* How long the current AP relays the answer to a request: as long as
 * the target may take to PULL the key (this BSS's rkh_pull_* settings,
 * hostapd's defaults), and a second. */
static uint64_t answer_window_ms(const struct fsrd_bss *b)
{
	return (uint64_t)b->conf->rkh_pull_timeout_ms *
	       b->conf->rkh_pull_retries + 1000;
}

static void refuse_req(struct fsrd_bss *b, const uint8_t *sa, const char *why)
{
	b->ds.req_refused++;
	trace_sta(b, sa, TRACE_EV_FT_REFUSED,
		  "FT Request (over the DS) not forwarded: %s", why);
}

/* The current AP c relays a target's answer to its station. */
static void relay_response(struct fsrd_bss *c, const uint8_t *target,
			   const uint8_t *spa, uint16_t status,
			   const uint8_t *body, size_t body_len)
{
	struct fsrd_sta *sta = sta_find(&c->stas, spa);
	uint8_t f[DS_MAX_FRAME + 24];
	char mac[MACSTR_LEN];
	int n, err;

	fsrd_mac_str(target, mac);
	if (!sta || sta->state != FSRD_STA_ASSOC || !sta->ds_answers ||
	    memcmp(sta->ds_to, target, 6) ||
	    ev_now_ms() > sta->ds_until_ms) {
		c->ds.resp_dropped++;
		log_warn_rl("%s: FT Response over the DS from %s answers no request of ours, dropped",
			    c->conf->ifname, mac);
		return;
	}
	sta->ds_answers--;
	n = fsrd_build_action(&c->ies, spa, body, body_len, f, sizeof(f));
	err = n < 0 ? n : nl80211_send_frame(c->ifindex, f, (size_t)n);
	if (err) {
		c->ds.tx_fail++;
		trace_sta(c, spa, TRACE_EV_FT_REFUSED,
			  "FT Response (over the DS) from target AP %s not sent: %s",
			  mac, strerror(-err));
		return;
	}
	c->ds.resp_relayed++;
	trace_sta(c, spa, TRACE_EV_FT_AUTH,
		  "FT Response (over the DS) from target AP %s relayed, status %u",
		  mac, status);
}

void ft_ds_rx_action(struct fsrd_bss *b, const uint8_t *frame, size_t len)
{
	const uint8_t *sa = frame + WLAN_OFF_SA;
	const uint8_t *body = frame + WLAN_HDR_LEN, *target;
	size_t body_len = len - WLAN_HDR_LEN;
	uint8_t out[DS_MAX_FRAME];
	struct fsrd_sta *sta;
	struct fsrd_bss *t;
	char mac[MACSTR_LEN];
	uint64_t now;
	int n, err;

	/* only FT Action frames are registered; stations send only Requests */
	if (len < WLAN_HDR_LEN + 2 || body[0] != DS_CATEGORY_FT ||
	    body[1] != DS_ACTION_REQUEST)
		return;
	sta = sta_find(&b->stas, sa);
	if (!sta) {
		/* mac80211 passes no Action frame of a station it does not
		 * know; one fsrd forgot: counted, nothing traced */
		b->ds.req_refused++;
		return;
	}
	if (body_len < DS_BODY_MIN)
		return refuse_req(b, sa, "frame too short");
	/* IEEE 802.11-2020 13.5.3: from a station associated here */
	if (sta->state != FSRD_STA_ASSOC)
		return refuse_req(b, sa, "the station is not associated here");
	if (!b->conf->ft_over_ds)
		return refuse_req(b, sa, "FT over the DS is off on this BSS (ft_over_ds)");
	if (memcmp(body + 2, sa, 6))
		return refuse_req(b, sa, "its STA Address is not the sender's");
	target = body + 8;
	fsrd_mac_str(target, mac);
	if ((target[0] & 1) || !memcmp(target, b->addr, 6))
		return refuse_req(b, sa, "the Target AP Address is a group address or this BSS");
	now = ev_now_ms();
	if (sta->ds_last_ms && now - sta->ds_last_ms < DS_REQ_GAP_MS)
		return refuse_req(b, sa, "another FT Request came less than 100 ms before");
	t = local_bss(target);
	if (!t && !mobility_is_peer(b, target))
		return refuse_req(b, sa, "the target AP is neither a BSS of this fsrd nor a configured peer (r0kh/r1kh)");
	/* before the target may answer (at once, when it is ours) */
	sta->ds_last_ms = now;
	if (memcmp(sta->ds_to, target, 6))
		sta->ds_answers = 0;
	memcpy(sta->ds_to, target, 6);
	sta->ds_until_ms = now + answer_window_ms(b);
	if (sta->ds_answers < DS_ANSWERS_MAX)
		sta->ds_answers++;
	b->ds.req_fwd++;
	trace_sta(b, sa, TRACE_EV_FT_AUTH,
		  "FT Request (over the DS) forwarded to target AP %s%s", mac,
		  t ? " (a BSS of this fsrd)" : "");
	if (t) {
		mlme_ft_ds_request(t, b->addr, sa, body + DS_BODY_MIN,
				   body_len - DS_BODY_MIN);
		return;
	}
	n = ds_frame_put(out, sizeof(out), target, b->addr, DS_PACKET_REQUEST,
			 sa, target, 0, body + DS_BODY_MIN,
			 body_len - DS_BODY_MIN);
	err = n < 0 ? n : mobility_ds_send(b, out, (size_t)n);
	if (err) {
		b->ds.tx_fail++;
		sta->ds_answers = 0;
		log_warn_rl("%s: FT Request over the DS to %s not sent: %s",
			    b->conf->ifname, mac, strerror(-err));
	}
}

void ft_ds_answer(struct fsrd_bss *b, const uint8_t *spa,
		  const uint8_t *current_ap, uint16_t status,
		  const uint8_t *ies, size_t len)
{
	uint8_t out[DS_MAX_FRAME];
	struct fsrd_bss *c;
	char mac[MACSTR_LEN];
	int n, err;

	fsrd_mac_str(current_ap, mac);
	n = ds_frame_put(out, sizeof(out), current_ap, b->addr,
			 DS_PACKET_RESPONSE, spa, b->addr, status, ies,
			 len);
	if (n < 0) {
		b->ds.tx_fail++;
		return;
	}
	b->ds.rx_req++;
	trace_sta(b, spa, TRACE_EV_FT_AUTH,
		  "FT Response (over the DS, status %u) sent to current AP %s",
		  status, mac);
	c = local_bss(current_ap);
	if (c) {
		relay_response(c, b->addr, spa, status,
			       out + DS_ETH_HDR + DS_HDR,
			       (size_t)n - DS_ETH_HDR - DS_HDR);
		return;
	}
	err = mobility_ds_send(b, out, (size_t)n);
	if (err) {
		b->ds.tx_fail++;
		log_warn_rl("%s: FT Response over the DS to %s not sent: %s",
			    b->conf->ifname, mac, strerror(-err));
	}
}

void ft_ds_rx_frame(struct fsrd_bss *b, const struct ds_frame *f)
{
	char mac[MACSTR_LEN];

	fsrd_mac_str(f->src, mac);
	/* the sender speaks for itself: current AP of a request, target
	 * of a response */
	if (memcmp(f->src, f->ap_address, 6)) {
		b->ds.rx_malformed++;
		log_warn_rl("%s: FT over the DS frame from %s names another AP address, dropped",
			    b->conf->ifname, mac);
		return;
	}
	if (f->packet_type == DS_PACKET_RESPONSE) {
		if (memcmp(f->target_ap, f->src, 6)) {
			b->ds.resp_dropped++;
			log_warn_rl("%s: FT Response over the DS from %s for another target AP, dropped",
				    b->conf->ifname, mac);
			return;
		}
		relay_response(b, f->src, f->sta, f->status, f->body,
			       f->body_len);
		return;
	}
	if (memcmp(f->target_ap, b->addr, 6) || !mobility_is_peer(b, f->src)) {
		b->ds.rx_req_dropped++;
		log_warn_rl("%s: FT Request over the DS from %s refused: %s",
			    b->conf->ifname, mac,
			    memcmp(f->target_ap, b->addr, 6) ?
			    "its Target AP Address is not this BSS" :
			    "not a configured peer (r0kh/r1kh)");
		return;
	}
	mlme_ft_ds_request(b, f->src, f->sta, f->ies, f->ies_len);
}
