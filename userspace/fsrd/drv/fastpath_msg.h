/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The pure part of fsrd's use of fsr.ko's FT fast path (fastpath.c):
 * the FSR_CMD_BSS_SET request, the FSR_CMD_STA_NTF / BSS_NTF events, the
 * AID split and the adoption keys. No sockets, no daemon state: host unit
 * tests (userspace/tests/test_fsrd_fastpath.c) drive it directly.
 */
#ifndef FSRD_FASTPATH_MSG_H
#define FSRD_FASTPATH_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/netlink.h>

#include "ft_kdf.h"

/* What BSS_SET configures (uapi enum fsr_ft_attr). A NULL pointer or a
 * zero aid_min / deadline_ms leaves that attribute out (the kernel keeps
 * its value). */
struct fastpath_cfg {
	bool enable;
	const uint8_t *mde;		/* 5 octets, header included */
	const uint8_t *r1kh_id;		/* 6 octets */
	const uint8_t *rsne;		/* header included */
	size_t rsne_len;
	uint16_t capab;
	const uint8_t *head;		/* Supported + Extended Rates */
	size_t head_len;
	const uint8_t *tail;		/* HT Capabilities/Operation, WMM */
	size_t tail_len;
	uint16_t aid_min;
	uint16_t aid_max;
	uint32_t deadline_ms;
	const uint8_t *gtk;		/* write-only key: wipe the request */
	size_t gtk_len;
	uint8_t gtk_idx;
};

/*
 * Add FSR_A_IFINDEX and the FSR_A_FT nest to req, a BSS_SET request of
 * size octets (fsr_nl_request). -ENOSPC when it does not fit, -EINVAL
 * for a malformed cfg (element lengths, GTK length or index).
 */
int fastpath_put_bss_set(struct nlmsghdr *req, size_t size, int ifindex,
			 const struct fastpath_cfg *cfg);

/* Which attributes an event carried (fastpath_event.have). */
enum {
	FP_HAVE_IFINDEX = 1u << 0,
	FP_HAVE_STA = 1u << 1,
	FP_HAVE_AID = 1u << 2,
	FP_HAVE_AKM = 1u << 3,
	FP_HAVE_PAIRWISE = 1u << 4,
	FP_HAVE_R0_NAME = 1u << 5,
	FP_HAVE_R1_NAME = 1u << 6,
	FP_HAVE_R0KH_ID = 1u << 7,
	FP_HAVE_ANONCE = 1u << 8,
	FP_HAVE_SNONCE = 1u << 9,
	FP_HAVE_GTK_IDX = 1u << 10,
	FP_HAVE_STATUS = 1u << 11,
	FP_HAVE_WHY = 1u << 12,
	FP_HAVE_SERVICE_NS = 1u << 13,
	FP_HAVE_EVENT = 1u << 14,
	FP_HAVE_REASON = 1u << 15,
};

/* Everything FT_STA_SERVED must carry for fsrd to adopt the station. */
#define FP_HAVE_ADOPT (FP_HAVE_EVENT | FP_HAVE_IFINDEX | FP_HAVE_STA | \
		       FP_HAVE_AID | FP_HAVE_AKM | FP_HAVE_PAIRWISE | \
		       FP_HAVE_R0_NAME | FP_HAVE_R1_NAME | FP_HAVE_R0KH_ID | \
		       FP_HAVE_ANONCE | FP_HAVE_SNONCE | FP_HAVE_GTK_IDX)

/* A notification of the "events" group (public values only: no key
 * ever travels in an event). */
struct fastpath_event {
	uint8_t cmd;			/* FSR_CMD_STA_NTF, FSR_CMD_BSS_NTF... */
	unsigned int have;		/* FP_HAVE_* */
	uint8_t event;			/* enum fsr_event */
	uint8_t reason;			/* enum fsr_reason (BSS_NTF) */
	uint32_t ifindex;
	uint8_t sta[6];
	uint16_t aid;
	uint32_t akm;
	uint32_t pairwise;
	uint8_t pmk_r0_name[FSR_FT_NAME_LEN];
	uint8_t pmk_r1_name[FSR_FT_NAME_LEN];
	uint8_t r0kh_id[48];
	size_t r0kh_id_len;
	uint8_t anonce[32];
	uint8_t snonce[32];
	uint8_t gtk_idx;
	uint16_t status;
	uint8_t why;			/* enum fsr_ft_why */
	uint64_t service_ns;
};

/*
 * Parse a message of the family (generic netlink header first).
 * -EBADMSG when an attribute it knows has the wrong size; attributes it
 * does not know are skipped (a newer kernel may add some).
 */
int fastpath_parse_event(const struct nlmsghdr *nlh,
			 struct fastpath_event *ev);

/*
 * FSR_CMD_FT_DS_REQUEST: an FT Request over the DS for the BSS ifindex
 * (its elements ies, len octets) added to req (fsr_nl_request). -EINVAL
 * for an empty or too long list (FSR_DS_IES_MAX), -ENOSPC when it does
 * not fit.
 */
int fastpath_put_ds_request(struct nlmsghdr *req, size_t size, int ifindex,
			    const uint8_t *sta, const uint8_t *ies,
			    size_t len);

/* What fsr.ko answered to an FT_DS_REQUEST. */
struct fastpath_ds_reply {
	bool served;		/* ies holds the FT Response's elements */
	const uint8_t *ies;	/* points into the reply message */
	size_t ies_len;
	uint8_t why;		/* not served: enum fsr_ft_why */
};

/*
 * Parse the reply: served with a non-empty FSR_A_IES, or left to fsrd
 * with FSR_A_WHY. -EBADMSG when it is neither (or both).
 */
int fastpath_parse_ds_reply(const struct nlmsghdr *nlh,
			    struct fastpath_ds_reply *r);

/*
 * The AID split: fsrd keeps 1..max_stations for the stations it serves
 * itself and gives the fast path max_stations + 1 .. min(2007,
 * 2 * max_stations). false when no AID is left for the kernel
 * (max_stations >= 2007).
 */
bool fastpath_aid_pool(unsigned int max_stations, uint16_t *aid_min,
		       uint16_t *aid_max);

/* reassociation_deadline (TU) as FSR_FT_A_DEADLINE_MS (100..60000). */
uint32_t fastpath_deadline_ms(uint32_t tu);

/*
 * The PTK of a station the kernel served (ev: FT_STA_SERVED), derived
 * again from the PMK-R0 this fsrd holds: PMK-R1 for r1kh_id, then the
 * PTK with the event's nonces, bssid and station. -EKEYREJECTED when the
 * PMKR0Name or PMKR1Name of the event are not those of r0 (the kernel
 * served with a key this fsrd did not give it); other negative errnos
 * from the KDF. The PMK-R1 is wiped; the caller wipes ptk.
 */
int fastpath_adopt_keys(const struct fsr_ft_pmk_r0 *r0, uint32_t cipher,
			const uint8_t *r1kh_id, const uint8_t *bssid,
			const struct fastpath_event *ev,
			struct fsr_ft_ptk *ptk);
/*
 * The same from a PMK-R1 another host's R0KH pushed to this fsrd
 * (keys/r1_store.c): -EKEYREJECTED when the event's PMKR1Name is not
 * r1's or the key length does not fit the AKM.
 */
int fastpath_adopt_keys_r1(const struct fsr_ft_pmk_r1 *r1, uint32_t cipher,
			   const uint8_t *bssid,
			   const struct fastpath_event *ev,
			   struct fsr_ft_ptk *ptk);

#endif
