/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The scale run of the benchmark (docs/benchmark.md, "Key distribution"):
 * many APs in one mobility domain, one client associating again and
 * again at one of them (the R0KH). From the air capture (the client's
 * EAPOL message 4/4) and the capture of the distribution system (the
 * APs' R0KH/R1KH frames), how long after 4/4 each AP is sent the
 * client's PMK-R1 (PUSH), and how many frames and bytes each AP sends.
 */
#ifndef BENCH_KEYDIST_H
#define BENCH_KEYDIST_H

#include <stddef.h>
#include <stdint.h>

#include "capture.h"

#define KD_ETH_OUI	0x88b7	/* OUI Extended: hostapd's R0KH/R1KH protocol */
#define KD_ETH_FT_DS	0x890d	/* FT over the DS between APs */
#define KD_PUSH		3	/* hostapd's subtype of a PMK-R1 PUSH */
#define KD_APS_MAX	64

/* One frame of the distribution system that belongs to key transport. */
struct kd_wire {
	int64_t t_us;
	uint8_t sa[6], da[6];
	uint16_t ethertype;	/* KD_ETH_OUI or KD_ETH_FT_DS */
	uint8_t subtype;	/* KD_ETH_OUI with hostapd's OUI: 1..5, fsr's 0xf0.. */
	uint32_t len;		/* octets on the wire (pcap's original length) */
};

struct kd_wirecap {
	struct kd_wire *w;
	size_t n, cap;
	size_t other;		/* frames of other protocols, not counted */
};

/*
 * One Ethernet frame (no FCS): 0 and *w filled (t_us left alone) for
 * key transport, 1 for another protocol, -1 for a frame too short for
 * its header.
 */
int kd_wire_parse(const uint8_t *p, size_t len, struct kd_wire *w);
int kd_wire_add(struct kd_wirecap *c, const struct kd_wire *w);
/* A pcap file of link type EN10MB: 0, or -1 with a message in err. */
int kd_wire_load(const char *path, struct kd_wirecap *c, char *err,
		 size_t errlen);
void kd_wire_free(struct kd_wirecap *c);

enum kd_role { KD_OTHER, KD_NEIGHBOUR, KD_R0KH };

struct kd_ap {
	uint8_t mac[6];
	char name[16];
	enum kd_role role;
};

struct kd_aps {
	struct kd_ap ap[KD_APS_MAX];
	size_t n;
	size_t r0kh;		/* index of the one R0KH */
};

/*
 * The "aps" file: one AP a line, "MAC NAME ROLE" with ROLE r0kh (exactly
 * one), neighbour or other. 0, or -1 with a message in err.
 */
int kd_aps_load(const char *path, struct kd_aps *a, char *err,
		size_t errlen);

/* One association of the client (rounds.log: "INDEX START_US END_US
 * ok|fail"); index 0 is the warm-up (the APs' first frames to each other
 * synchronise their sequence numbers), not measured. */
struct kd_round {
	int index;
	int64_t start_us, end_us;
	int ok;
};

int kd_rounds_load(const char *path, struct kd_round **r, size_t *n,
		   char *err, size_t errlen);

struct kd_result {
	size_t rounds;		/* measured: index >= 1, ok, 4/4 in the capture */
	size_t rounds_failed;	/* index >= 1 and fail, or no 4/4 seen */
	/* 4/4 -> PUSH to a neighbour, one sample per (round, neighbour) */
	int64_t *nb;
	size_t n_nb;
	/* per round: 4/4 -> PUSH to its last neighbour, when all got one */
	int64_t *nb_last;
	size_t n_nb_last;
	/* per round: 4/4 -> the first and the last PUSH of the R0KH */
	int64_t *first;
	size_t n_first;
	int64_t *all_last;
	size_t n_all_last;
	size_t nb_missed;	/* (round, neighbour) pairs without a PUSH */
	size_t pushed_to_max;	/* most APs one round pushed to */
	size_t pushed_to_sum;	/* over the measured rounds */
	/* per AP (index of kd_aps), in the measured rounds */
	uint64_t frames[KD_APS_MAX], bytes[KD_APS_MAX];
	uint64_t frames_warmup;	/* every AP's, in round 0 */
	uint64_t frames_unknown;	/* from an address no AP has */
};

/*
 * Everything above for the client sta. Each round's window runs from its
 * start to the next round's start (the last: its end plus 5 s). Returns
 * 0, or -1 when out of memory.
 */
int kd_compute(const struct capture *air, const struct kd_wirecap *wire,
	       const struct kd_aps *aps, const struct kd_round *r, size_t nr,
	       const uint8_t sta[6], struct kd_result *out);
void kd_result_free(struct kd_result *r);

/* roamstat keys (keytable.c): 0, 1 on bad input, 2 on bad usage. */
int kt_main(int argc, char **argv);

#endif
