/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An FT roam served by fsrd around its Reassociation Response (see
 * ft_assoc.c): the station added unassociated after the FT
 * Authentication response, the PTK and the port after the response's ACK.
 */
#ifndef FSRD_FT_ASSOC_H
#define FSRD_FT_ASSOC_H

#include <stdbool.h>
#include <stdint.h>

struct fsrd_bss;
struct fsrd_sta;

/* After the FT Authentication response: NEW_STATION (authenticated, not
 * associated), removed again after the reassociation deadline. Failing
 * is not fatal (the Reassociation adds it then). */
void ft_assoc_preadd(struct fsrd_bss *b, struct fsrd_sta *sta);
/* The Reassociation Response went out with this cookie: keep the PTK
 * (sta->ft) until its ACK, at most a bounded time. */
void ft_assoc_wait_ack(struct fsrd_sta *sta, uint64_t cookie);
/* Stop waiting (the station leaves or starts again): wipes a held PTK. */
void ft_assoc_cancel(struct fsrd_sta *sta);
/* A TX status on b: the ACK of a response installs its PTK. */
void ft_assoc_tx_status(struct fsrd_bss *b, uint64_t cookie, bool ack);

#endif
