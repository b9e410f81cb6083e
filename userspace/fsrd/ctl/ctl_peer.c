// SPDX-License-Identifier: GPL-2.0-only
/*
 * peer_show (ctl_peer.h): one object per peer (an r0kh/r1kh line, or one
 * learned through a wildcard line), with the counters of mobility.h's
 * struct mob_peer_stats. Never a key.
 */
#include "ctl/ctl_peer.h"

#include <stdio.h>

#include "ap/bss.h"
#include "core/log.h"
#include "ctl/ctl_proto.h"
#include "mobility/mobility.h"

struct peer_ctx {
	struct json_object *list;
	uint64_t (*mono_to_real)(uint64_t);
};

static void add_u64(struct json_object *o, const char *k, uint64_t v)
{
	json_object_object_add(o, k, json_object_new_uint64(v));
}

static void add_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, json_object_new_string(v));
}

static void add_time(const struct peer_ctx *x, struct json_object *o,
		     const char *k, uint64_t mono)
{
	char buf[40];

	if (!mono) {
		json_object_object_add(o, k, NULL);
		return;
	}
	ctl_format_time(x->mono_to_real(mono), buf, sizeof(buf));
	add_str(o, k, buf);
}

/* An R0KH-ID is an octet string (hostapd: often a name): printable
 * octets as they are, the others as \xNN. */
static void add_id(struct json_object *o, const char *k, const uint8_t *id,
		   size_t len)
{
	char buf[4 * 48 + 1];
	size_t i, n = 0;

	for (i = 0; i < len && i < 48; i++) {
		if (id[i] >= 0x20 && id[i] < 0x7f && id[i] != '\\')
			buf[n++] = (char)id[i];
		else
			n += (size_t)snprintf(buf + n, sizeof(buf) - n,
					      "\\x%02x", id[i]);
	}
	buf[n] = '\0';
	add_str(o, k, buf);
}

static void add_peer(const struct mob_peer_info *i, void *arg)
{
	const struct peer_ctx *x = arg;
	const struct mob_peer_stats *st = i->st;
	struct json_object *o = json_object_new_object();
	char mac[MACSTR_LEN];

	add_str(o, "bss", i->b->conf->ifname);
	add_str(o, "role", i->is_r0kh ? "r0kh" : "r1kh");
	add_str(o, "addr", fsrd_mac_str(i->line->addr, mac));
	add_str(o, "origin", i->origin);
	add_time(x, o, "learned", i->learned_ms);
	add_time(x, o, "expires", i->learned_ms ? i->until_ms : 0);
	if (i->is_r0kh)
		add_id(o, "r0kh_id", i->line->id, i->line->id_len);
	else
		add_str(o, "r1kh_id", fsrd_mac_str(i->line->id, mac));
	/* with pmk_r1_push: is it a neighbour we push to (pmk_r1_push_to) */
	if (!i->is_r0kh && i->b->conf->pmk_r1_push)
		json_object_object_add(o, "push", json_object_new_boolean(
			mobility_pushes_to(i->b->conf, i->line->id)));
	json_object_object_add(o, "sequence", json_object_new_string(
		i->seq_known ? "known" : "unknown"));
	add_u64(o, "queued", i->queued);
	add_time(x, o, "last_seen", st->last_rx_ms);
#define C(f) add_u64(o, #f, st->f)
	C(rx); C(refused); C(keys_rx); C(keys_pulled); C(pulls_tx);
	C(pull_naks); C(pull_timeouts); C(keys_tx); C(pulls_rx);
	C(revokes_tx); C(revokes_rx); C(pmksas_tx); C(pmksas_rx); C(tx_fail);
#undef C
	if (st->last_refusal) {
		add_str(o, "last_refusal", st->last_refusal);
		add_time(x, o, "last_refused", st->last_refused_ms);
	}
	json_object_array_add(x->list, o);
}

struct json_object *ctl_peer_json(const struct fsrd_bss *b,
				  uint64_t (*mono_to_real)(uint64_t))
{
	struct json_object *o = json_object_new_object();
	struct peer_ctx x = { json_object_new_array(), mono_to_real };

	mobility_foreach_peer(b, add_peer, &x);
	json_object_object_add(o, "peers", x.list);
	return o;
}
