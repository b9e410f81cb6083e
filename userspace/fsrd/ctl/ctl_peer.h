/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The mobility domain's view of the control socket (docs/fsrd.8):
 * peer_show, each configured R0KH/R1KH peer of each BSS with key
 * transport, what it sent and was sent, refusals, when it was last heard.
 */
#ifndef FSRD_CTL_PEER_H
#define FSRD_CTL_PEER_H

#include <json-c/json.h>
#include <stdint.h>

struct fsrd_bss;

/* {"peers":[...]}, of b only when b is not NULL. mono_to_real turns a
 * monotonic ev_now_ms() value into milliseconds since the epoch. */
struct json_object *ctl_peer_json(const struct fsrd_bss *b,
				  uint64_t (*mono_to_real)(uint64_t));

#endif
