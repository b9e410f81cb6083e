/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/* Copyright (C) 2026 The fsr authors. */
/*
 * Parsers and builders for the elements an FT roam carries: RSNE, MDE, FTE
 * (IEEE 802.11-2020 9.4.2.24, 9.4.2.46, 9.4.2.47) and a walker that finds
 * them in an element buffer. Parsers never read past the length they are
 * given; the parsed structures point into the caller's buffer (zero copy),
 * so that buffer must outlive them. Parsers return 0 or a negative errno
 * (-EMSGSIZE: a length is wrong; -EBADMSG: a value or a duplicate is wrong)
 * and set *why to the precise reason. Builders return the number of octets
 * written, -ENOSPC if the buffer is too small or -EINVAL for bad input.
 * Nothing here allocates or sleeps: safe in any context.
 */
#ifndef _FSR_FT_IE_H
#define _FSR_FT_IE_H

#include "ft_types.h"

#define FSR_EID_RSN		48
#define FSR_EID_MDE		54
#define FSR_EID_FTE		55
#define FSR_EID_TIE		56
#define FSR_EID_RDE		57
#define FSR_EID_RSNX		244

#define FSR_FTE_SUB_R1KH_ID	1
#define FSR_FTE_SUB_GTK		2
#define FSR_FTE_SUB_R0KH_ID	3
#define FSR_FTE_SUB_IGTK	4
#define FSR_FTE_SUB_OCI		5
#define FSR_FTE_SUB_BIGTK	6

/* 802.11 status codes the fast path answers with (9.4.1.9) */
#define FSR_WLAN_STATUS_UNSPECIFIED	1
#define FSR_WLAN_STATUS_INVALID_IE	40
#define FSR_WLAN_STATUS_INVALID_PMKID	53
#define FSR_WLAN_STATUS_INVALID_MDE	54
#define FSR_WLAN_STATUS_INVALID_FTE	55
#define FSR_WLAN_STATUS_INVALID_RSNE	72

#define FSR_MDE_FT_OVER_DS	0x01
#define FSR_MDE_RRP_CAPABLE	0x02

#define FSR_FTE_RSNXE_USED	0x0001	/* MIC Control bit 0 */

/* Why a parser refused its input; see fsr_ft_parse_err_str(). */
enum fsr_ft_parse_err {
	FSR_FT_PARSE_OK = 0,
	FSR_FT_PARSE_BAD_ARG,
	FSR_FT_PARSE_TRUNC_HDR,
	FSR_FT_PARSE_ELEM_OVERFLOW,
	FSR_FT_PARSE_DUP_RSNE,
	FSR_FT_PARSE_DUP_MDE,
	FSR_FT_PARSE_DUP_FTE,
	FSR_FT_PARSE_DUP_ELEM,
	FSR_FT_PARSE_DUP_RIC,
	FSR_FT_PARSE_RIC_BAD,
	FSR_FT_PARSE_RSNE_TRUNC,
	FSR_FT_PARSE_RSNE_VERSION,
	FSR_FT_PARSE_RSNE_COUNT,
	FSR_FT_PARSE_MDE_LEN,
	FSR_FT_PARSE_FTE_SHORT,
	FSR_FT_PARSE_FTE_SUB_TRUNC,
	FSR_FT_PARSE_FTE_SUB_OVERSIZE,
	FSR_FT_PARSE_FTE_SUB_DUP,
	FSR_FT_PARSE_FTE_R0KH_ID_LEN,
	FSR_FT_PARSE_FTE_R1KH_ID_LEN,
	FSR_FT_PARSE_FTE_GTK_LEN,
	FSR_FT_PARSE_FTE_IGTK_LEN,
	FSR_FT_PARSE_HE_CAP_LEN,
	FSR_FT_PARSE_EHT_CAP_LEN,
	FSR_FT_PARSE_HE_6GHZ_LEN,
	FSR_FT_PARSE_DUP_XCAP,
	FSR_FT_PARSE_ERR_MAX,
};

/* A short constant string for logs ("FTE subelement runs past FTE"). */
const char *fsr_ft_parse_err_str(enum fsr_ft_parse_err why);
/* The 802.11 status code a (re)association/FT response should carry. */
u16 fsr_ft_parse_err_status(enum fsr_ft_parse_err why);

/* One element as it is on the wire, header included; p is NULL if absent. */
struct fsr_ie_elem {
	const u8 *p;
	size_t len;
};

struct fsr_ie_set {
	struct fsr_ie_elem rsne;
	struct fsr_ie_elem mde;
	struct fsr_ie_elem fte;
	struct fsr_ie_elem rsnxe;
	struct fsr_ie_elem tie;
	/* RIC: first RDE to the end of its last resource descriptor */
	struct fsr_ie_elem ric;
	unsigned int ric_count;		/* elements inside the RIC */
	unsigned int n_elems;		/* elements in the whole buffer */
};

/*
 * Walk the elements of a frame body. Rejects a truncated header, a length
 * past the end, a second RSNE/MDE/FTE/RSNXE/TIE, a second RIC and an RIC
 * whose descriptors are missing. Other elements are skipped.
 */
int fsr_ie_walk(const u8 *buf, size_t len, struct fsr_ie_set *set,
		enum fsr_ft_parse_err *why);

/* RSNE optional fields, in wire order; n_fields says how many are present */
#define FSR_RSNE_F_GROUP	1
#define FSR_RSNE_F_PAIRWISE	2
#define FSR_RSNE_F_AKM		3
#define FSR_RSNE_F_CAPS		4
#define FSR_RSNE_F_PMKID	5
#define FSR_RSNE_F_GROUP_MGMT	6

struct fsr_ie_rsne {
	u16 version;
	u8 n_fields;		/* 0..6 optional fields after the version */
	u32 group_cipher;
	u16 n_pairwise;
	const u8 *pairwise;	/* n_pairwise suites of 4 octets */
	u16 n_akm;
	const u8 *akm;		/* n_akm suites of 4 octets */
	u16 caps;
	u16 n_pmkid;
	const u8 *pmkid;	/* n_pmkid PMKIDs of 16 octets */
	u32 group_mgmt_cipher;
};

/*
 * Parse an RSNE (ie points at the element ID). Absent trailing fields take
 * the 802.11 defaults (CCMP-128 group and pairwise, 802.1X AKM). A suite
 * count of 0 for pairwise or AKM, or a list past the end, is an error.
 * Octets after the group management cipher are ignored.
 */
int fsr_ie_parse_rsne(const u8 *ie, size_t ie_len, struct fsr_ie_rsne *r,
		      enum fsr_ft_parse_err *why);
/* Writes version and the first n_fields optional fields of @r. */
int fsr_ie_build_rsne(u8 *buf, size_t size, const struct fsr_ie_rsne *r);

struct fsr_ie_mde {
	u8 mdid[FSR_FT_MDID_LEN];	/* wire order */
	u8 ft_cap;			/* FSR_MDE_* */
};

int fsr_ie_parse_mde(const u8 *ie, size_t ie_len, struct fsr_ie_mde *m,
		     enum fsr_ft_parse_err *why);
int fsr_ie_build_mde(u8 *buf, size_t size, const struct fsr_ie_mde *m);

struct fsr_ie_fte {
	u16 mic_ctrl;		/* bit 0: RSNXE used; octet 1: element count */
	u8 mic_len;		/* 16, or 24 for the SHA-384 AKM */
	const u8 *mic;		/* builder: NULL writes zeros */
	const u8 *anonce;	/* 32; builder: NULL writes zeros */
	const u8 *snonce;	/* 32; builder: NULL writes zeros */
	const u8 *r1kh_id;	/* 6 octets, or NULL */
	const u8 *r0kh_id;	/* r0kh_id_len (1..48) octets, or NULL */
	u8 r0kh_id_len;
	const u8 *gtk;		/* GTK subelement body, or NULL */
	u8 gtk_len;
	const u8 *igtk;		/* IGTK subelement body, or NULL */
	u8 igtk_len;
};

static inline u8 fsr_fte_elem_count(const struct fsr_ie_fte *f)
{
	return (u8)(f->mic_ctrl >> 8);
}

/*
 * Parse an FTE whose MIC is mic_len (16 or 24: the AKM decides, the FTE
 * cannot tell). Rejects: shorter than the fixed part, a subelement past
 * the end, a repeated R1KH-ID/GTK/R0KH-ID/IGTK, R1KH-ID length != 6,
 * R0KH-ID length 0 or > 48, GTK/IGTK of an impossible length. Unknown
 * subelements (OCI, BIGTK, ...) are skipped.
 */
int fsr_ie_parse_fte(const u8 *ie, size_t ie_len, unsigned int mic_len,
		     struct fsr_ie_fte *f, enum fsr_ft_parse_err *why);
/* Subelements are written in ID order: R1KH-ID, GTK, R0KH-ID, IGTK. */
int fsr_ie_build_fte(u8 *buf, size_t size, const struct fsr_ie_fte *f);

/* Offset of the MIC field inside an FTE (after ID, length, MIC Control) */
#define FSR_FTE_MIC_OFFSET	4

/*
 * HE and EHT (IEEE 802.11ax-2021 9.4.2.248/249, 802.11be 9.4.2.313/323):
 * elements with Element ID 255 and an Element ID Extension.
 */
#define FSR_EID_EXT		255
#define FSR_EID_EXT_HE_CAP	35
#define FSR_EID_EXT_HE_OP	36
#define FSR_EID_EXT_HE_6GHZ_CAP	59
#define FSR_EID_EXT_EHT_OP	106
#define FSR_EID_EXT_EHT_CAP	108
/* The longest each can be by its own fields (nl80211's bounds too). */
#define FSR_HE_CAP_MAX		54
#define FSR_EHT_CAP_MAX		51
#define FSR_HE_6GHZ_CAP_LEN	2

/*
 * The HE/EHT capabilities of a station's (Re)Association Request, as
 * mac80211 takes them (struct link_station_parameters): the element
 * bodies after the Element ID Extension, each cut to the length its own
 * fields give. NULL when absent or malformed.
 */
struct fsr_ie_xcaps {
	const u8 *he;
	u8 he_len;
	const u8 *eht;		/* only with a valid HE */
	u8 eht_len;
	const u8 *he_6ghz;	/* FSR_HE_6GHZ_CAP_LEN octets */
	bool he_op;		/* the list has an HE Operation element */
	bool eht_op;		/* ... and an EHT Operation element */
};

/*
 * The length of an HE Capabilities body (after the Element ID Extension)
 * by its own fields: MAC and PHY capabilities (17), the MCS/NSS set (4,
 * 8 or 12 by the channel widths), and the PPE thresholds when the PHY
 * capabilities say they are present. -EMSGSIZE when @len is shorter.
 */
int fsr_ie_he_cap_len(const u8 *body, size_t len);
/*
 * The same for an EHT Capabilities body, whose MCS/NSS set depends on the
 * station's HE capabilities @he (a valid HE body) and on whether it comes
 * from an AP (@from_ap).
 */
int fsr_ie_eht_cap_len(const u8 *he, const u8 *body, size_t len,
		       bool from_ap);
/*
 * Find and check the HE/EHT elements of a well-formed element list (a
 * station's request, or a BSS's response tail for he_op/eht_op). A
 * capability element that is malformed, repeated, or an EHT one without
 * a valid HE one, is left out (as hostapd does: the station is served
 * without it) and *@why names the first such problem; FSR_FT_PARSE_OK
 * otherwise. Returns 0, or an error if the list itself is malformed.
 */
int fsr_ie_parse_xcaps(const u8 *buf, size_t len, struct fsr_ie_xcaps *c,
		       enum fsr_ft_parse_err *why);

#endif /* _FSR_FT_IE_H */
