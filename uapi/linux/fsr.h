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
 *	when FSR_A_STA_ADDR is given, and end the FT exchanges in progress
 *	of those stations (keys revoked). Replies with FSR_A_PMK_COUNT
 *	deleted.
 * @FSR_CMD_PMK_GET: dump: cache entries without key bytes, ordered by
 *	(station address, PMK-R1 name).
 * @FSR_CMD_BSS_NTF: event: a BSS was attached or detached (FSR_A_EVENT).
 * @FSR_CMD_PMK_NTF: event: a cache entry was added, replaced or removed
 *	(FSR_A_EVENT, and FSR_A_REASON on removal).
 * @FSR_CMD_BSS_SET: do: configure the FT fast path of the attached BSS
 *	FSR_A_IFINDEX with the FSR_A_FT nest (enum fsr_ft_attr). Attributes
 *	given replace the current value, absent ones keep it; the fast path
 *	serves frames only while FSR_FT_A_ENABLE is 1 and the BSS is ready
 *	(MDE, R1KH-ID, RSNE, GTK, GTK_IDX, AID_MIN and AID_MAX set). fsrd
 *	sends it after attaching and again on every GTK change.
 * @FSR_CMD_STA_NTF: event: what the fast path did with an FT frame from a
 *	station (FSR_A_EVENT is one of FSR_EVENT_FT_*), with FSR_A_IFINDEX,
 *	FSR_A_STA_ADDR and, depending on the event, FSR_A_STATUS, FSR_A_WHY,
 *	FSR_A_AID, FSR_A_AKM, FSR_A_PAIRWISE, FSR_A_PMK_R0_NAME,
 *	FSR_A_PMK_R1_NAME, FSR_A_R0KH_ID, FSR_A_ANONCE, FSR_A_SNONCE,
 *	FSR_A_GTK_IDX and FSR_A_SERVICE_NS. No key is ever carried: the
 *	nonces are public (they are sent in the clear), and the PMK-R1 holder
 *	(fsrd) derives the PTK from them to adopt the station.
 * @FSR_CMD_FT_DS_REQUEST: do: serve an FT Request Action frame that came
 *	over the DS (fsrd, the target AP's daemon, relays it): FSR_A_IFINDEX
 *	(the target BSS), FSR_A_STA_ADDR and FSR_A_IES (the request's
 *	elements: RSNE, MDE, FTE). The fast path checks it as an FT
 *	Authentication and, with the PMK-R1 cached, makes the exchange (so
 *	that it serves the Reassociation that follows) and replies with
 *	FSR_A_IES, the FT Response's elements (RSNE, MDE, FTE; no key).
 *	Otherwise it replies with FSR_A_WHY (enum fsr_ft_why) and leaves the
 *	request to the caller: it never refuses one itself. A retransmitted
 *	request (same PMKR1Name and SNonce) gets the first answer again.
 *	-ENODEV when FSR_A_IFINDEX is no attached BSS of the namespace.
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
	FSR_CMD_BSS_SET,
	FSR_CMD_STA_NTF,
	FSR_CMD_FT_DS_REQUEST,

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
 * @FSR_A_FT: nest of enum fsr_ft_attr: the fast-path configuration of a
 *	BSS (BSS_SET; in BSS_GET replies without FSR_FT_A_GTK).
 * @FSR_A_AID: u16, association ID given to a station (STA_NTF).
 * @FSR_A_ANONCE: binary[32], the ANonce of an FT exchange (STA_NTF).
 * @FSR_A_SNONCE: binary[32], the SNonce of an FT exchange (STA_NTF).
 * @FSR_A_STATUS: u16, the IEEE 802.11 status code sent (STA_NTF).
 * @FSR_A_WHY: u8, enum fsr_ft_why: why a frame was refused or passed on.
 * @FSR_A_SERVICE_NS: u64, nanoseconds from the reception of the request
 *	to the transmission of the response (STA_NTF).
 * @FSR_A_GTK_IDX: u8, key index of the GTK a station was given (STA_NTF).
 * @FSR_A_HIST_AUTH: nest, indexed array of u64: service-time histogram
 *	of FT Authentication (BSS_GET); attribute type i + 1 holds the count
 *	of bucket i (see FSR_HIST_BUCKETS). Empty buckets are left out.
 * @FSR_A_HIST_REASSOC: nest, the same for Reassociation.
 * @FSR_A_PMK_ORIGIN: u8, enum fsr_pmk_origin: where a PMK-R1 came from
 *	(PMK_ADD, optional: absent is FSR_PMK_ORIGIN_UNKNOWN; PMK_GET and
 *	PMK_NTF). Kept for the operator only; it changes nothing the fast
 *	path does with the key.
 * @FSR_A_IES: binary[2..FSR_DS_IES_MAX], a list of whole information
 *	elements: in FT_DS_REQUEST the FT Request's, in its reply the FT
 *	Response's.
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
	FSR_A_FT,
	FSR_A_AID,
	FSR_A_ANONCE,
	FSR_A_SNONCE,
	FSR_A_STATUS,
	FSR_A_WHY,
	FSR_A_SERVICE_NS,
	FSR_A_GTK_IDX,
	FSR_A_HIST_AUTH,
	FSR_A_HIST_REASSOC,
	FSR_A_PMK_ORIGIN,
	FSR_A_IES,

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
 * @FSR_STAT_PAD: padding attribute of the nest.
 * @FSR_STAT_FT_AUTH_SERVED: FT Authentication requests answered with
 *	success by the fast path.
 * @FSR_STAT_FT_REASSOC_SERVED: FT Reassociation requests the fast path
 *	completed (station added, PTK installed, response sent, authorized).
 * @FSR_STAT_FT_REFUSED: FT frames the fast path answered with an error
 *	status; each is also counted under one FSR_STAT_ERR_* reason below.
 * @FSR_STAT_FT_PASSED: FT frames of an FT-ready BSS passed on to
 *	userspace (no PMK-R1, no pending exchange, unsupported element...).
 * @FSR_STAT_ERR_RSNE: refused: RSNE missing, malformed, or with an AKM or
 *	cipher this BSS does not offer.
 * @FSR_STAT_ERR_MDE: refused: MDE missing or naming another domain.
 * @FSR_STAT_ERR_FTE: refused: FTE missing or malformed, or R0KH-ID or
 *	R1KH-ID not matching.
 * @FSR_STAT_ERR_PMKID: refused: the PMKID is not the exchange's PMKR1Name.
 * @FSR_STAT_ERR_NONCE: refused: ANonce or SNonce differ from the FT
 *	Authentication's.
 * @FSR_STAT_ERR_MIC: refused: the FTE MIC is wrong.
 * @FSR_STAT_ERR_REPLAY: refused: a Reassociation Request for an exchange
 *	already completed, with different content (an identical
 *	retransmission gets the same response again, counted as served, and
 *	never reinstalls the key).
 * @FSR_STAT_ERR_STALE: refused: the reassociation deadline had passed.
 * @FSR_STAT_ERR_NO_AID: refused: no free association ID in the BSS's pool.
 * @FSR_STAT_ERR_STA: refused: mac80211 could not add the station or
 *	install its key.
 * @FSR_STAT_ERR_TX: the response could not be transmitted.
 * @FSR_STAT_ERR_PENDING_FULL: passed on: too many exchanges in progress.
 * @FSR_STAT_ERR_GROUP_SA: dropped without an answer: a management frame
 *	whose source address is a group (multicast or broadcast) address.
 * @FSR_STAT_FT_AUTH_RESENT: retransmitted FT Authentication requests (same
 *	PMKR1Name and SNonce as an exchange in progress) answered with that
 *	exchange's stored response; no new exchange, no new ANonce.
 * @FSR_STAT_FT_FALLBACK: frames of a station with a kernel FT exchange
 *	that are not that exchange's, passed on to userspace: an Open System
 *	Authentication (which also ends the exchange), a Reassociation
 *	Request without MDE and FTE, or one whose PMKID is not the
 *	exchange's PMKR1Name (FSR_WHY_NOT_EXCHANGE).
 * @FSR_STAT_ERR_QUEUE_FULL: the BSS's bounded queue of fast-path jobs was
 *	full: a Reassociation Request dropped (the station retransmits).
 *	FT Authentications are answered in the receive hook, without a job.
 * @FSR_STAT_ERR_DUP_JOB: Reassociation Requests dropped because a job of
 *	the same exchange was already queued or running.
 * @FSR_STAT_EVENTS_SUPPRESSED: FT_PASSED / FT_REFUSED events left out by
 *	the per-BSS rate limit (the counters above still count the frames).
 * @FSR_STAT_REFUSALS_SUPPRESSED: refusals the receive hook did not send
 *	because of the per-BSS rate limit (the refusal is still counted).
 * @FSR_STAT_JOBS_QUEUED: jobs the receive hook handed to process context
 *	(at most 64 per BSS at a time): Reassociation Requests only, an FT
 *	Authentication is answered in the hook itself.
 * @FSR_STAT_FT_STA_PREPARED: stations added unassociated (AID reserved)
 *	in process context right after their FT Authentication response, so
 *	that the Reassociation only moves them to associated.
 * @FSR_STAT_FT_PREP_USED: Reassociations served on a prepared station
 *	(one change to associated instead of a station add).
 * @FSR_STAT_FT_PREP_REMOVED: prepared stations removed because their
 *	exchange ended without a Reassociation (deadline, Open System
 *	Authentication, a newer FT Authentication, revocation, detach).
 * @FSR_STAT_FT_PREP_SKIPPED: exchanges whose station was not prepared: it
 *	already had an entry on the BSS (never replaced before the
 *	Reassociation's MIC is checked), no free AID, too many prepared
 *	stations on the BSS, or the exchange was over before the prepare
 *	work ran; the Reassociation adds the station itself. Every FT
 *	Authentication served counts under FSR_STAT_FT_STA_PREPARED or here.
 * @FSR_STAT_FT_PTK_AFTER_ACK: roams whose PTK was installed and port
 *	opened after the Reassociation Response was acknowledged (hostapd's
 *	order: the key never goes in before the response is on the air).
 * @FSR_STAT_FT_ACK_LOST: Reassociation Responses (first or resent) the
 *	station did not acknowledge, or that were dropped unsent.
 * @FSR_STAT_ERR_NO_ACK: roams undone because no response was acknowledged
 *	within 2 s of the first: Deauthentication, station removed, PTK
 *	wiped, exchange ended (FSR_WHY_NO_ACK).
 * @FSR_STAT_FT_DS_SERVED: FT Requests over the DS (FSR_CMD_FT_DS_REQUEST)
 *	answered with success by the fast path: an exchange made, its
 *	Reassociation served like one after an FT Authentication.
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
	FSR_STAT_FT_AUTH_SERVED,
	FSR_STAT_FT_REASSOC_SERVED,
	FSR_STAT_FT_REFUSED,
	FSR_STAT_FT_PASSED,
	FSR_STAT_ERR_RSNE,
	FSR_STAT_ERR_MDE,
	FSR_STAT_ERR_FTE,
	FSR_STAT_ERR_PMKID,
	FSR_STAT_ERR_NONCE,
	FSR_STAT_ERR_MIC,
	FSR_STAT_ERR_REPLAY,
	FSR_STAT_ERR_STALE,
	FSR_STAT_ERR_NO_AID,
	FSR_STAT_ERR_STA,
	FSR_STAT_ERR_TX,
	FSR_STAT_ERR_PENDING_FULL,
	FSR_STAT_ERR_GROUP_SA,
	FSR_STAT_FT_AUTH_RESENT,
	FSR_STAT_FT_FALLBACK,
	FSR_STAT_ERR_QUEUE_FULL,
	FSR_STAT_ERR_DUP_JOB,
	FSR_STAT_EVENTS_SUPPRESSED,
	FSR_STAT_REFUSALS_SUPPRESSED,
	FSR_STAT_JOBS_QUEUED,
	FSR_STAT_FT_STA_PREPARED,
	FSR_STAT_FT_PREP_USED,
	FSR_STAT_FT_PREP_REMOVED,
	FSR_STAT_FT_PREP_SKIPPED,
	FSR_STAT_FT_PTK_AFTER_ACK,
	FSR_STAT_FT_ACK_LOST,
	FSR_STAT_ERR_NO_ACK,
	FSR_STAT_FT_DS_SERVED,

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
 * @FSR_EVENT_FT_AUTH_SERVED: the fast path answered an FT Authentication
 *	with success (STA_NTF: FSR_A_SERVICE_NS, FSR_A_PMK_R1_NAME).
 * @FSR_EVENT_FT_STA_SERVED: the fast path completed an FT roam: the
 *	station is associated, its PTK installed and its port authorized
 *	(STA_NTF with everything fsrd needs to adopt it).
 * @FSR_EVENT_FT_REFUSED: the fast path answered an FT frame with an
 *	error status (FSR_A_STATUS, FSR_A_WHY); no station was created.
 * @FSR_EVENT_FT_PASSED: the fast path passed an FT frame on to userspace
 *	(FSR_A_WHY).
 */
enum fsr_event {
	FSR_EVENT_BSS_ATTACHED = 1,
	FSR_EVENT_BSS_DETACHED,
	FSR_EVENT_PMK_ADDED,
	FSR_EVENT_PMK_REPLACED,
	FSR_EVENT_PMK_REMOVED,
	FSR_EVENT_FT_AUTH_SERVED,
	FSR_EVENT_FT_STA_SERVED,
	FSR_EVENT_FT_REFUSED,
	FSR_EVENT_FT_PASSED,
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

/**
 * enum fsr_pmk_origin - where a PMK-R1 came from (FSR_A_PMK_ORIGIN)
 * @FSR_PMK_ORIGIN_UNKNOWN: not said by whoever added it.
 * @FSR_PMK_ORIGIN_LOCAL: derived by this host's R0 key holder.
 * @FSR_PMK_ORIGIN_PUSHED: pushed by another host's R0 key holder.
 * @FSR_PMK_ORIGIN_PULLED: pulled from another host's R0 key holder.
 * @FSR_PMK_ORIGIN_ADMIN: added by an administrator (fsrctl pmk add).
 */
enum fsr_pmk_origin {
	FSR_PMK_ORIGIN_UNKNOWN,
	FSR_PMK_ORIGIN_LOCAL,
	FSR_PMK_ORIGIN_PUSHED,
	FSR_PMK_ORIGIN_PULLED,
	FSR_PMK_ORIGIN_ADMIN,

	__FSR_PMK_ORIGIN_MAX,
	FSR_PMK_ORIGIN_MAX = __FSR_PMK_ORIGIN_MAX - 1
};

/**
 * enum fsr_ft_attr - the fast-path configuration of a BSS (FSR_A_FT)
 * @FSR_FT_A_ENABLE: u8, 1 to serve FT frames, 0 to pass everything on.
 * @FSR_FT_A_READY: u8, replies only (refused in BSS_SET): 1 when
 *	everything needed is set (see FSR_CMD_BSS_SET).
 * @FSR_FT_A_MDE: binary[5], the Mobility Domain element (ID and length
 *	included) of the BSS, as in its beacons.
 * @FSR_FT_A_R1KH_ID: binary[6], this BSS's R1 key holder ID.
 * @FSR_FT_A_RSNE: binary[4..257], the RSN element of the BSS (ID and
 *	length included) as in its beacons. FT AKMs and the pairwise cipher
 *	it lists are those the fast path accepts; responses carry it with
 *	the PMKID field set.
 * @FSR_FT_A_CAPAB: u16, Capability Information of the responses.
 * @FSR_FT_A_RESP_IES_HEAD: binary[0..512], elements a Reassociation
 *	Response carries before the RSNE (Supported Rates, Extended
 *	Supported Rates).
 * @FSR_FT_A_RESP_IES_TAIL: binary[0..1024], elements it carries after
 *	the FTE (HT Capabilities and Operation, Extended Capabilities, WMM).
 * @FSR_FT_A_AID_MIN: u16, 1..2007, first association ID of the pool the
 *	fast path gives out (userspace keeps the IDs below for itself).
 * @FSR_FT_A_AID_MAX: u16, 1..2007, last association ID of that pool.
 * @FSR_FT_A_DEADLINE_MS: u32, 100..60000: how long after the FT
 *	Authentication the Reassociation Request is accepted (default 1000).
 * @FSR_FT_A_GTK: binary[16 or 32], the GTK given to roaming stations.
 *	Write-only, like FSR_A_PMK_KEY.
 * @FSR_FT_A_GTK_IDX: u8, 1..3, its key index.
 */
enum fsr_ft_attr {
	FSR_FT_A_ENABLE = 1,
	FSR_FT_A_READY,
	FSR_FT_A_MDE,
	FSR_FT_A_R1KH_ID,
	FSR_FT_A_RSNE,
	FSR_FT_A_CAPAB,
	FSR_FT_A_RESP_IES_HEAD,
	FSR_FT_A_RESP_IES_TAIL,
	FSR_FT_A_AID_MIN,
	FSR_FT_A_AID_MAX,
	FSR_FT_A_DEADLINE_MS,
	FSR_FT_A_GTK,
	FSR_FT_A_GTK_IDX,

	__FSR_FT_A_MAX,
	FSR_FT_A_MAX = __FSR_FT_A_MAX - 1
};

/**
 * enum fsr_ft_why - why the fast path refused or passed on an FT frame
 * @FSR_WHY_NOT_READY: the BSS's fast path is off or not fully configured.
 * @FSR_WHY_MALFORMED: the frame or an element could not be parsed.
 * @FSR_WHY_UNSUPPORTED: valid but not served here (over-DS, RIC, an AKM
 *	or element the fast path does not implement).
 * @FSR_WHY_NO_PMK: no PMK-R1 cached for this station and PMKR1Name.
 * @FSR_WHY_NO_PENDING: a Reassociation Request with no FT Authentication
 *	served by the kernel before it.
 * @FSR_WHY_PENDING_FULL: too many exchanges in progress.
 * @FSR_WHY_NOMEM: out of memory.
 * @FSR_WHY_RSNE: see FSR_STAT_ERR_RSNE; the other values mirror the
 *	FSR_STAT_ERR_* counters of the same name.
 * @FSR_WHY_MDE: see FSR_STAT_ERR_MDE.
 * @FSR_WHY_FTE: see FSR_STAT_ERR_FTE.
 * @FSR_WHY_PMKID: see FSR_STAT_ERR_PMKID.
 * @FSR_WHY_NONCE: see FSR_STAT_ERR_NONCE.
 * @FSR_WHY_MIC: see FSR_STAT_ERR_MIC.
 * @FSR_WHY_REPLAY: see FSR_STAT_ERR_REPLAY.
 * @FSR_WHY_STALE: see FSR_STAT_ERR_STALE.
 * @FSR_WHY_NO_AID: see FSR_STAT_ERR_NO_AID.
 * @FSR_WHY_STA: see FSR_STAT_ERR_STA.
 * @FSR_WHY_TX: see FSR_STAT_ERR_TX.
 * @FSR_WHY_NOT_EXCHANGE: passed on: a Reassociation Request with MDE and
 *	FTE from a station with a kernel FT exchange whose PMKID is not that
 *	exchange's PMKR1Name (counted as FSR_STAT_FT_FALLBACK).
 * @FSR_WHY_QUEUE_FULL: passed on: the BSS's queue of fast-path jobs is
 *	full (counted as FSR_STAT_ERR_QUEUE_FULL). Not sent any more: only
 *	FT Authentications were passed on for it, and they have no job now;
 *	the value stays reserved.
 * @FSR_WHY_NO_ACK: refused after the fact: the Reassociation Response was
 *	sent but never acknowledged; the roam was undone (FSR_STAT_ERR_NO_ACK).
 */
enum fsr_ft_why {
	FSR_WHY_NOT_READY = 1,
	FSR_WHY_MALFORMED,
	FSR_WHY_UNSUPPORTED,
	FSR_WHY_NO_PMK,
	FSR_WHY_NO_PENDING,
	FSR_WHY_PENDING_FULL,
	FSR_WHY_NOMEM,
	FSR_WHY_RSNE,
	FSR_WHY_MDE,
	FSR_WHY_FTE,
	FSR_WHY_PMKID,
	FSR_WHY_NONCE,
	FSR_WHY_MIC,
	FSR_WHY_REPLAY,
	FSR_WHY_STALE,
	FSR_WHY_NO_AID,
	FSR_WHY_STA,
	FSR_WHY_TX,
	FSR_WHY_NOT_EXCHANGE,
	FSR_WHY_QUEUE_FULL,
	FSR_WHY_NO_ACK,
};

/*
 * Service-time histograms (FSR_A_HIST_*): FSR_HIST_BUCKETS log2 buckets of
 * nanoseconds. Bucket 0 counts t < 2^(FSR_HIST_SHIFT + 1) ns, bucket i
 * (0 < i < FSR_HIST_BUCKETS - 1) counts 2^(FSR_HIST_SHIFT + i) <= t <
 * 2^(FSR_HIST_SHIFT + i + 1), and the last bucket everything above:
 * from 2 us to 8.6 s.
 */
#define FSR_HIST_BUCKETS	24
#define FSR_HIST_SHIFT		10

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
/* FSR_A_IES: at most this many octets (an FT Request is far shorter) */
#define FSR_DS_IES_MAX		1024

#endif /* _UAPI_LINUX_FSR_H */
