/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Portal enforcement through the system's nftables (libnftables): the
 * rules of portal_fw_rules.h in fsrd's own table, made at start (a table
 * an earlier fsrd left is replaced in the same transaction), changed at
 * each login and logout, removed at stop. No other table is touched.
 * Errors are returned with nft's own message in err.
 */
#ifndef FSRD_PORTAL_FW_H
#define FSRD_PORTAL_FW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "portal/portal_fw_rules.h"

int portal_fw_start(const struct portal_fw_conf *c, char *err,
		    size_t errlen);
/* The station's pair through (add) or not any more (!add); with_mac as
 * in portal_fw_elements(). */
int portal_fw_set(bool add, const uint8_t mac[6], uint32_t ip,
		  bool with_mac, char *err, size_t errlen);
/* Escape mode: every station of the portal interfaces through (on), or
 * the rules again (!on). */
int portal_fw_set_escape(bool on, char *err, size_t errlen);
/* The table goes; every station is unfiltered again. */
void portal_fw_stop(void);

#endif
