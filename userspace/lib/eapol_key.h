/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EAPOL-Key frames (IEEE 802.1X-2020 11.3, IEEE 802.11-2020 12.7.2) with a
 * 16-octet MIC (AKMs 1-6), and the elements and KDEs of their Key Data
 * field. Parsers point into the caller's buffer and never read past the
 * length they are given. Functions return a length or 0, or a negative
 * errno: -EMSGSIZE (a length is wrong), -EPROTONOSUPPORT (not an RSN
 * EAPOL-Key frame), -EBADMSG (a value is wrong), -ENOSPC (buffer too small).
 */
#ifndef FSR_EAPOL_KEY_H
#define FSR_EAPOL_KEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EAPOL_HDR_LEN		4
#define EAPOL_VERSION		2	/* 802.1X-2004 */
#define EAPOL_TYPE_KEY		3
#define EAPOL_KEY_DESC_RSN	2

/* offsets from the start of the 802.1X header */
#define EAPOL_KEY_OFF_INFO	5
#define EAPOL_KEY_OFF_REPLAY	9
#define EAPOL_KEY_OFF_NONCE	17
#define EAPOL_KEY_OFF_RSC	65
#define EAPOL_KEY_OFF_MIC	81
#define EAPOL_KEY_OFF_DATA_LEN	97
#define EAPOL_KEY_HDR_LEN	99	/* everything before Key Data */

#define EAPOL_KEY_REPLAY_LEN	8
#define EAPOL_KEY_RSC_LEN	8
#define EAPOL_KEY_MIC_LEN	16
#define EAPOL_KEY_NONCE_LEN	32

/* Key Information */
#define EAPOL_KI_VER_MASK	0x0007
#define EAPOL_KI_PAIRWISE	0x0008
#define EAPOL_KI_INSTALL	0x0040
#define EAPOL_KI_ACK		0x0080
#define EAPOL_KI_MIC		0x0100
#define EAPOL_KI_SECURE		0x0200
#define EAPOL_KI_ERROR		0x0400
#define EAPOL_KI_REQUEST	0x0800
#define EAPOL_KI_ENCR		0x1000
#define EAPOL_KI_SMK		0x2000

/* Largest Key Data this code accepts or builds. */
#define EAPOL_KEY_DATA_MAX	1024

struct eapol_key {
	uint8_t version;		/* 802.1X protocol version */
	uint16_t key_info;
	uint16_t key_len;
	uint64_t replay;
	const uint8_t *nonce;		/* 32 */
	const uint8_t *rsc;		/* 8 */
	const uint8_t *mic;		/* 16 */
	const uint8_t *data;
	uint16_t data_len;
	size_t frame_len;		/* 802.1X header + body, no padding */
};

/*
 * Parse an EAPOL frame that must be an RSN EAPOL-Key frame. Octets after
 * the 802.1X body length (Ethernet padding) are ignored. Key Data longer
 * than EAPOL_KEY_DATA_MAX is -EMSGSIZE.
 */
int eapol_key_parse(const uint8_t *buf, size_t len, struct eapol_key *k,
		    const char **why);

struct eapol_key_out {
	uint16_t key_info;
	uint16_t key_len;
	uint64_t replay;
	const uint8_t *nonce;		/* NULL: zeros */
	const uint8_t *rsc;		/* NULL: zeros */
	const uint8_t *data;
	size_t data_len;
};

/* Write an EAPOL-Key frame with a zero MIC; returns its length. */
int eapol_key_build(uint8_t *buf, size_t size, const struct eapol_key_out *k);

/* Compute the MIC of a built frame and write it into the frame. */
int eapol_key_sign(uint8_t *frame, size_t len, int key_ver,
		   const uint8_t *kck, size_t kck_len);

/* Check the MIC of a parsed frame in constant time: 0 or -EBADMSG. */
int eapol_key_verify(const uint8_t *frame, const struct eapol_key *k,
		     int key_ver, const uint8_t *kck, size_t kck_len);

/* What the Key Data carries; whole elements (header included). */
struct eapol_kde {
	const uint8_t *rsne;
	size_t rsne_len;
	const uint8_t *mde;
	size_t mde_len;
	const uint8_t *fte;
	size_t fte_len;
	const uint8_t *tie[2];		/* Timeout Interval elements */
	size_t tie_len[2];
	const uint8_t *gtk;		/* GTK KDE body: KeyID/Tx, 0, GTK */
	size_t gtk_len;
	const uint8_t *pmkid;		/* 16 */
};

/* Walk a (decrypted) Key Data field; stops at the 0xdd 00.. padding. */
int eapol_kde_parse(const uint8_t *data, size_t len, struct eapol_kde *kde,
		    const char **why);

/* GTK KDE (00-0f-ac:1) with key_idx 1..3 and the Tx bit. */
int eapol_kde_put_gtk(uint8_t *buf, size_t size, uint8_t key_idx, bool tx,
		      const uint8_t *gtk, size_t gtk_len);
/* PMKID KDE (00-0f-ac:4). */
int eapol_kde_put_pmkid(uint8_t *buf, size_t size, const uint8_t *pmkid);

/*
 * Pad plain[0..len) in place (0xdd then zeros, to a multiple of 8 and at
 * least 16) and AES-key-wrap it under the KEK into out (size octets).
 * plain must have room for the padding (len + 15). Returns the wrapped
 * length.
 */
int eapol_key_data_wrap(const uint8_t *kek, size_t kek_len, uint8_t *plain,
			size_t len, size_t plain_size, uint8_t *out,
			size_t size);

static inline uint64_t eapol_get_be64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = (v << 8) | p[i];
	return v;
}

static inline void eapol_put_be64(uint8_t *p, uint64_t v)
{
	int i;

	for (i = 7; i >= 0; i--) {
		p[i] = (uint8_t)v;
		v >>= 8;
	}
}

#endif /* FSR_EAPOL_KEY_H */
