/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/*
 * fsr: fast secure roaming for Linux access points.
 *
 * The generic netlink family "fsr" is the only contract between fsr.ko and
 * userspace (fsrd, fsrctl). Its machine-readable description is
 * docs/netlink/fsr.yaml; keep both in step (make check compares them).
 *
 * Conventions:
 *  - every attribute set starts at 1; 0 is never a valid attribute;
 *  - every write operation, the PMK-R1 cache dump (it names stations) and
 *    joining the "events" multicast group need CAP_NET_ADMIN
 *    (GENL_ADMIN_PERM); INFO_GET and BSS_GET are open to everyone;
 *  - all objects (attached BSSes, PMK-R1 cache) live in the network
 *    namespace of the socket that created them;
 *  - key material (FSR_A_PMK_KEY) is write-only: no reply, dump or event
 *    ever carries it;
 *  - dumps carry a generation counter: a dump that raced with a change is
 *    flagged with NLM_F_DUMP_INTR and should be restarted.
 */
#ifndef _UAPI_LINUX_FSR_H
#define _UAPI_LINUX_FSR_H

#define FSR_GENL_NAME		"fsr"
#define FSR_GENL_VERSION	1
#define FSR_MCGRP_EVENTS	"events"

/**
 * enum fsr_cmd - commands of the "fsr" family
 * @FSR_CMD_INFO_GET: do: module version, hook state, cache size and bound.
 * @FSR_CMD_BSS_ATTACH: do: serve the AP interface FSR_A_IFINDEX.
 * @FSR_CMD_BSS_DETACH: do: stop serving FSR_A_IFINDEX.
 * @FSR_CMD_BSS_GET: do (FSR_A_IFINDEX) or dump: attached BSSes with their
 *	statistics (FSR_A_BSS_STATS).
 * @FSR_CMD_PMK_ADD: do: add or replace a PMK-R1 cache entry. The entry is
 *	identified by (FSR_A_STA_ADDR, FSR_A_PMK_R1_NAME).
 * @FSR_CMD_PMK_DEL: do: delete the entry (FSR_A_STA_ADDR, FSR_A_PMK_R1_NAME).
 * @FSR_CMD_PMK_FLUSH: do: delete every entry, or every entry of one station
 *	when FSR_A_STA_ADDR is given. Replies with FSR_A_PMK_COUNT deleted.
 * @FSR_CMD_PMK_GET: dump: cache entries without key bytes, ordered by
 *	(station address, PMK-R1 name).
 * @FSR_CMD_BSS_NTF: event: a BSS was attached or detached (FSR_A_EVENT).
 * @FSR_CMD_PMK_NTF: event: a cache entry was added, replaced or removed
 *	(FSR_A_EVENT, and FSR_A_REASON on removal).
 */
enum fsr_cmd {
	FSR_CMD_INFO_GET = 1,
	FSR_CMD_BSS_ATTACH,
	FSR_CMD_BSS_DETACH,
	FSR_CMD_BSS_GET,
	FSR_CMD_PMK_ADD,
	FSR_CMD_PMK_DEL,
	FSR_CMD_PMK_FLUSH,
	FSR_CMD_PMK_GET,
	FSR_CMD_BSS_NTF,
	FSR_CMD_PMK_NTF,

	__FSR_CMD_MAX,
	FSR_CMD_MAX = __FSR_CMD_MAX - 1
};

/**
 * enum fsr_attr - top-level attributes
 * @FSR_A_IFINDEX: u32, interface index of an AP interface (mac80211).
 * @FSR_A_IFNAME: string, interface name (replies only).
 * @FSR_A_BSSID: binary[6], the BSS address (replies only).
 * @FSR_A_BSS_STATS: nest of enum fsr_stat (replies only).
 * @FSR_A_STA_ADDR: binary[6], the station (S1KH-ID).
 * @FSR_A_PMK_R1_NAME: binary[16], PMKR1Name.
 * @FSR_A_PMK_R0_NAME: binary[16], PMKR0Name the PMK-R1 was derived from.
 * @FSR_A_R0KH_ID: binary[1..48], the R0 key holder identifier.
 * @FSR_A_R1KH_ID: binary[6], the R1 key holder identifier.
 * @FSR_A_AKM: u32, AKM suite selector (OUI << 8 | type): 0x000fac03
 *	(FT-802.1X), 0x000fac04 (FT-PSK) or 0x000fac0d (FT-802.1X-SHA384).
 * @FSR_A_PAIRWISE: u32, pairwise cipher suite selector: 0x000fac04
 *	(CCMP-128), 0x000fac08 (GCMP-128), 0x000fac09 (GCMP-256) or
 *	0x000fac0a (CCMP-256).
 * @FSR_A_LIFETIME: u32, seconds. In PMK_ADD the lifetime (1..2^31-1);
 *	in replies the remaining lifetime.
 * @FSR_A_PMK_KEY: binary[32 or 48], the PMK-R1 itself; 48 bytes for the
 *	SHA-384 AKM, 32 otherwise. Write-only.
 * @FSR_A_PMK_COUNT: u32, number of cache entries (info, flush replies).
 * @FSR_A_PMK_MAX: u32, cache bound (module parameter pmk_max).
 * @FSR_A_VERSION: string, module version.
 * @FSR_A_HOOK: u8, 1 when the mac80211 offload hook is registered.
 * @FSR_A_BSS_COUNT: u32, number of attached BSSes in this namespace.
 * @FSR_A_EVENT: u8, enum fsr_event.
 * @FSR_A_REASON: u8, enum fsr_reason.
 * @FSR_A_GENERATION: u32, cache generation (changes on every add/del).
 * @FSR_A_PAD: padding for 64-bit attributes.
 */
enum fsr_attr {
	FSR_A_IFINDEX = 1,
	FSR_A_IFNAME,
	FSR_A_BSSID,
	FSR_A_BSS_STATS,
	FSR_A_STA_ADDR,
	FSR_A_PMK_R1_NAME,
	FSR_A_PMK_R0_NAME,
	FSR_A_R0KH_ID,
	FSR_A_R1KH_ID,
	FSR_A_AKM,
	FSR_A_PAIRWISE,
	FSR_A_LIFETIME,
	FSR_A_PMK_KEY,
	FSR_A_PMK_COUNT,
	FSR_A_PMK_MAX,
	FSR_A_VERSION,
	FSR_A_HOOK,
	FSR_A_BSS_COUNT,
	FSR_A_EVENT,
	FSR_A_REASON,
	FSR_A_GENERATION,
	FSR_A_PAD,

	__FSR_A_MAX,
	FSR_A_MAX = __FSR_A_MAX - 1
};

/**
 * enum fsr_stat - per-BSS counters, each a u64, nested in FSR_A_BSS_STATS
 * @FSR_STAT_RX_AUTH: Authentication frames seen.
 * @FSR_STAT_RX_ASSOC_REQ: Association Request frames seen.
 * @FSR_STAT_RX_REASSOC_REQ: Reassociation Request frames seen.
 * @FSR_STAT_RX_ACTION: Action frames seen.
 * @FSR_STAT_SERVED: frames answered by the kernel fast path.
 * @FSR_STAT_PASSED: frames passed on to userspace untouched.
 * @FSR_STAT_ERR_MALFORMED: frames too short or with malformed elements.
 * @FSR_STAT_ERR_NO_PMK: FT frames for which no PMK-R1 was cached.
 * @FSR_STAT_ERR_NOMEM: frames passed on because memory ran out.
 */
enum fsr_stat {
	FSR_STAT_RX_AUTH = 1,
	FSR_STAT_RX_ASSOC_REQ,
	FSR_STAT_RX_REASSOC_REQ,
	FSR_STAT_RX_ACTION,
	FSR_STAT_SERVED,
	FSR_STAT_PASSED,
	FSR_STAT_ERR_MALFORMED,
	FSR_STAT_ERR_NO_PMK,
	FSR_STAT_ERR_NOMEM,
	FSR_STAT_PAD,

	__FSR_STAT_MAX,
	FSR_STAT_MAX = __FSR_STAT_MAX - 1
};

/**
 * enum fsr_event - what an event notification reports (FSR_A_EVENT)
 * @FSR_EVENT_BSS_ATTACHED: a BSS was attached.
 * @FSR_EVENT_BSS_DETACHED: a BSS was detached (FSR_A_REASON says why).
 * @FSR_EVENT_PMK_ADDED: a PMK-R1 entry was added.
 * @FSR_EVENT_PMK_REPLACED: an existing entry got a new key or lifetime.
 * @FSR_EVENT_PMK_REMOVED: an entry was removed (FSR_A_REASON says why).
 */
enum fsr_event {
	FSR_EVENT_BSS_ATTACHED = 1,
	FSR_EVENT_BSS_DETACHED,
	FSR_EVENT_PMK_ADDED,
	FSR_EVENT_PMK_REPLACED,
	FSR_EVENT_PMK_REMOVED,
};

/**
 * enum fsr_reason - why an object went away (FSR_A_REASON)
 * @FSR_REASON_USER: deleted or detached on request.
 * @FSR_REASON_FLUSH: removed by a flush.
 * @FSR_REASON_EXPIRED: its lifetime ran out.
 * @FSR_REASON_EVICTED: the cache was full; the oldest entry made room.
 * @FSR_REASON_IFACE_GONE: the interface was removed or changed namespace.
 * @FSR_REASON_SHUTDOWN: the module or its network namespace went away.
 */
enum fsr_reason {
	FSR_REASON_USER = 1,
	FSR_REASON_FLUSH,
	FSR_REASON_EXPIRED,
	FSR_REASON_EVICTED,
	FSR_REASON_IFACE_GONE,
	FSR_REASON_SHUTDOWN,
};

/* AKM and cipher suite selectors accepted by FSR_A_AKM and FSR_A_PAIRWISE */
#define FSR_AKM_FT_8021X		0x000fac03
#define FSR_AKM_FT_PSK			0x000fac04
#define FSR_AKM_FT_8021X_SHA384		0x000fac0d
#define FSR_CIPHER_CCMP_128		0x000fac04
#define FSR_CIPHER_GCMP_128		0x000fac08
#define FSR_CIPHER_GCMP_256		0x000fac09
#define FSR_CIPHER_CCMP_256		0x000fac0a

#define FSR_R0KH_ID_MAX_LEN	48
#define FSR_PMK_NAME_LEN	16
#define FSR_PMK_R1_LEN		32
#define FSR_PMK_R1_SHA384_LEN	48

#endif /* _UAPI_LINUX_FSR_H */
