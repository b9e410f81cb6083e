/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One decoded "fsr" message: info, BSS, PMK-R1 cache entry or event. Every
 * attribute that was present sets its bit in @has (FSR_REC_HAS(attr)).
 */
#ifndef FSR_REC_H
#define FSR_REC_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

#include <linux/fsr.h>
#include <linux/netlink.h>

#define FSR_REC_HAS(attr) (1ULL << (attr))
#define FSR_VERSION_MAX 64

struct fsr_rec {
	uint8_t cmd;			/* genetlink command of the message */
	uint64_t has;			/* FSR_REC_HAS() bits */
	uint32_t ifindex;
	char ifname[IF_NAMESIZE];
	uint8_t bssid[6];
	uint64_t stats[FSR_STAT_MAX + 1];	/* absent counters stay 0 */
	uint8_t sta[6];
	uint8_t r1name[FSR_PMK_NAME_LEN];
	uint8_t r0name[FSR_PMK_NAME_LEN];
	uint8_t r0kh[FSR_R0KH_ID_MAX_LEN];
	uint8_t r0kh_len;
	uint8_t r1kh[6];
	uint32_t akm;
	uint32_t pairwise;
	uint32_t lifetime;
	uint32_t pmk_count;
	uint32_t pmk_max;
	char version[FSR_VERSION_MAX];
	uint8_t hook;
	uint32_t bss_count;
	uint8_t event;
	uint8_t reason;
	uint32_t generation;
	uint8_t pmk_origin;
	/* FT fast path (STA_NTF events) */
	uint16_t aid;
	uint16_t status;
	uint8_t why;
	uint8_t gtk_idx;
	uint64_t service_ns;
	uint8_t anonce[32];
	uint8_t snonce[32];
	/* FSR_A_FT of BSS_GET: each member present sets its bit in ft_has
	 * (FSR_REC_HAS(FSR_FT_A_*)) */
	uint64_t ft_has;
	uint8_t ft_enable;
	uint8_t ft_ready;
	uint8_t ft_mde[5];
	uint8_t ft_r1kh[6];
	uint16_t ft_aid_min;
	uint16_t ft_aid_max;
	uint32_t ft_deadline_ms;
	uint8_t ft_gtk_idx;
	/* FSR_A_HIST_AUTH / _REASSOC: bucket counts (absent buckets 0) */
	uint64_t hist_auth[FSR_HIST_BUCKETS];
	uint64_t hist_reassoc[FSR_HIST_BUCKETS];
};

static inline bool fsr_rec_has(const struct fsr_rec *r, unsigned int attr)
{
	return r->has & FSR_REC_HAS(attr);
}

/*
 * Decode a genetlink message of the family. Unknown attributes are skipped
 * (newer kernels); a known attribute with the wrong size gives -EBADMSG.
 */
int fsr_rec_decode(const struct nlmsghdr *nlh, struct fsr_rec *rec);

#endif /* FSR_REC_H */
