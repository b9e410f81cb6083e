// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/* Element walker, RSNE/MDE/FTE parsers and builders, malformed input. */
#include "ft_ie.h"
#include "tap.h"
#include "tests.h"
#include "vecfile.h"

#include <stdio.h>
#include <string.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Expect a parser result: errno and reason. */
static void expect(int ret, enum fsr_ft_parse_err why, int want_ret,
		   enum fsr_ft_parse_err want_why, const char *name)
{
	if (!tap_ok(ret == want_ret && why == want_why, "%s -> %s", name,
		    fsr_ft_parse_err_str(want_why)))
		tap_diag("got %d (%s), want %d", ret,
			 fsr_ft_parse_err_str(why), want_ret);
}

/* evaluate the call first: it sets why */
#define EXPECT(call, want_ret, want_why, name)				\
	do {								\
		int ret_ = (call);					\
		expect(ret_, why, want_ret, want_why, name);		\
	} while (0)

static void walk_expect(const u8 *buf, size_t len, enum fsr_ft_parse_err w,
			const char *name)
{
	enum fsr_ft_parse_err why = FSR_FT_PARSE_ERR_MAX;
	struct fsr_ie_set set;
	int ret = fsr_ie_walk(buf, len, &set, &why);
	int want = w == FSR_FT_PARSE_OK ? 0 :
		   (w == FSR_FT_PARSE_TRUNC_HDR || w == FSR_FT_PARSE_RIC_BAD ||
		    w == FSR_FT_PARSE_ELEM_OVERFLOW) ? -EMSGSIZE : -EBADMSG;

	expect(ret, why, want, w, name);
}

static void walker_cases(void)
{
	static const u8 trunc_hdr[] = { 0x36, 3, 0xa1, 0xb2, 1, 0x30 };
	static const u8 overflow[] = { 0x36, 5, 0xa1, 0xb2, 1 };
	static const u8 dup_mde[] = { 0x36, 3, 1, 2, 0, 0x36, 3, 1, 2, 0 };
	static const u8 dup_rsne[] = { 0x30, 2, 1, 0, 0xdd, 0, 0x30, 2, 1, 0 };
	static const u8 dup_fte[] = { 0x37, 0, 0x37, 0 };
	static const u8 dup_rsnxe[] = { 244, 1, 0, 244, 1, 0 };
	static const u8 two_ric[] = { 57, 4, 1, 0, 0, 0, 0xdd, 0,
				      57, 4, 2, 0, 0, 0 };
	static const u8 ric_short[] = { 57, 4, 1, 2, 0, 0, 13, 0 };
	static const u8 ric_badlen[] = { 57, 3, 1, 0, 0 };
	static const u8 ric_ok[] = { 57, 4, 1, 1, 0, 0, 13, 0,
				     57, 4, 2, 0, 0, 0, 0x36, 3, 1, 2, 0 };
	struct fsr_ie_set set;

	walk_expect(NULL, 0, FSR_FT_PARSE_OK, "walk: empty buffer");
	walk_expect(trunc_hdr, sizeof(trunc_hdr), FSR_FT_PARSE_TRUNC_HDR,
		    "walk: one octet left for a header");
	walk_expect(overflow, sizeof(overflow), FSR_FT_PARSE_ELEM_OVERFLOW,
		    "walk: MDE length past the end");
	walk_expect(dup_mde, sizeof(dup_mde), FSR_FT_PARSE_DUP_MDE,
		    "walk: two MDEs");
	walk_expect(dup_rsne, sizeof(dup_rsne), FSR_FT_PARSE_DUP_RSNE,
		    "walk: two RSNEs");
	walk_expect(dup_fte, sizeof(dup_fte), FSR_FT_PARSE_DUP_FTE,
		    "walk: two FTEs");
	walk_expect(dup_rsnxe, sizeof(dup_rsnxe), FSR_FT_PARSE_DUP_ELEM,
		    "walk: two RSNXEs");
	walk_expect(two_ric, sizeof(two_ric), FSR_FT_PARSE_DUP_RIC,
		    "walk: two separate RICs");
	walk_expect(ric_short, sizeof(ric_short), FSR_FT_PARSE_RIC_BAD,
		    "walk: RDE announces 2 descriptors, 1 present");
	walk_expect(ric_badlen, sizeof(ric_badlen), FSR_FT_PARSE_RIC_BAD,
		    "walk: RDE of length 3");
	tap_ok(!fsr_ie_walk(ric_ok, sizeof(ric_ok), &set, NULL) &&
	       set.ric.len == 14 && set.ric_count == 3 && set.mde.p &&
	       set.n_elems == 4, "walk: RIC of 2 RDEs + 1 descriptor, then MDE");
}

static void rsne_vector_case(const char *sec, u32 group, u32 akm)
{
	size_t len;
	const u8 *ie = vec_get(sec, "rsne", &len);
	const u8 *r1name = vec_get(sec, "pmk_r1_name", NULL);
	enum fsr_ft_parse_err why;
	struct fsr_ie_rsne r;
	u8 out[300];
	int n;

	tap_ok(!fsr_ie_parse_rsne(ie, len, &r, &why) && r.version == 1 &&
	       r.group_cipher == group && r.n_pairwise == 1 &&
	       fsr_get_suite(r.pairwise) == group && r.n_akm == 1 &&
	       fsr_get_suite(r.akm) == akm && r.caps == 0 && r.n_pmkid == 1 &&
	       !memcmp(r.pmkid, r1name, 16) && r.n_fields == FSR_RSNE_F_PMKID,
	       "%s RSNE parses: suites, caps, PMKID = PMKR1Name", sec);
	n = fsr_ie_build_rsne(out, sizeof(out), &r);
	tap_ok(n == (int)len && !memcmp(out, ie, len),
	       "%s RSNE rebuilds to the same octets", sec);
	tap_ok(fsr_ie_build_rsne(out, len - 1, &r) == -ENOSPC,
	       "%s RSNE build into a short buffer -> -ENOSPC", sec);
}

static void rsne_expect(const u8 *ie, size_t len, enum fsr_ft_parse_err w,
			const char *name)
{
	enum fsr_ft_parse_err why = FSR_FT_PARSE_ERR_MAX;
	struct fsr_ie_rsne r;
	int ret = fsr_ie_parse_rsne(ie, len, &r, &why);
	int want = w == FSR_FT_PARSE_OK ? 0 :
		   w == FSR_FT_PARSE_BAD_ARG ? -EINVAL :
		   (w == FSR_FT_PARSE_RSNE_TRUNC ||
		    w == FSR_FT_PARSE_ELEM_OVERFLOW) ? -EMSGSIZE : -EBADMSG;

	expect(ret, why, want, w, name);
}

static void rsne_cases(void)
{
	static const u8 only_version[] = { 0x30, 2, 1, 0 };
	static const u8 empty[] = { 0x30, 0 };
	static const u8 version2[] = { 0x30, 2, 2, 0 };
	static const u8 group_cut[] = { 0x30, 5, 1, 0, 0, 0x0f, 0xac };
	static const u8 pw_zero[] = { 0x30, 8, 1, 0, 0, 0x0f, 0xac, 4, 0, 0 };
	static const u8 pw_short[] = { 0x30, 12, 1, 0, 0, 0x0f, 0xac, 4,
				       2, 0, 0, 0x0f, 0xac, 4 };
	static const u8 akm_zero[] = { 0x30, 14, 1, 0, 0, 0x0f, 0xac, 4,
				       1, 0, 0, 0x0f, 0xac, 4, 0, 0 };
	static const u8 caps_cut[] = { 0x30, 19, 1, 0, 0, 0x0f, 0xac, 4,
				       1, 0, 0, 0x0f, 0xac, 4,
				       1, 0, 0, 0x0f, 0xac, 4, 0 };
	static const u8 pmkid_short[] = { 0x30, 38, 1, 0, 0, 0x0f, 0xac, 4,
					  1, 0, 0, 0x0f, 0xac, 4,
					  1, 0, 0, 0x0f, 0xac, 4, 0, 0,
					  2, 0, 1, 2, 3, 4, 5, 6, 7, 8,
					  9, 10, 11, 12, 13, 14, 15, 16 };
	static const u8 gmgmt[] = { 0x30, 26, 1, 0, 0, 0x0f, 0xac, 4,
				    1, 0, 0, 0x0f, 0xac, 4,
				    1, 0, 0, 0x0f, 0xac, 4, 0x80, 0,
				    0, 0, 0, 0x0f, 0xac, 6 };
	static const u8 gmgmt_cut[] = { 0x30, 25, 1, 0, 0, 0x0f, 0xac, 4,
					1, 0, 0, 0x0f, 0xac, 4,
					1, 0, 0, 0x0f, 0xac, 4, 0x80, 0,
					0, 0, 0, 0x0f, 0xac };
	static const u8 overflow[] = { 0x30, 20, 1, 0 };
	struct fsr_ie_rsne r;
	u8 out[64];

	rsne_vector_case("ft-sha256", 0x000fac04, 0x000fac04);
	rsne_vector_case("ft-sha384", 0x000fac09, 0x000fac0d);
	tap_ok(!fsr_ie_parse_rsne(only_version, sizeof(only_version), &r,
				  NULL) && r.n_fields == 0 &&
	       r.group_cipher == 0x000fac04 && r.n_pairwise == 1 &&
	       fsr_get_suite(r.akm) == 0x000fac01,
	       "RSNE: version only -> 802.11 defaults");
	tap_ok(fsr_ie_build_rsne(out, sizeof(out), &r) == 4 &&
	       !memcmp(out, only_version, 4), "RSNE: version-only rebuild");
	tap_ok(!fsr_ie_parse_rsne(gmgmt, sizeof(gmgmt), &r, NULL) &&
	       r.n_fields == FSR_RSNE_F_GROUP_MGMT && r.caps == 0x0080 &&
	       r.n_pmkid == 0 && r.group_mgmt_cipher == 0x000fac06,
	       "RSNE: MFPC caps, 0 PMKIDs, BIP-CMAC-128 group mgmt");
	tap_ok(fsr_ie_build_rsne(out, sizeof(out), &r) == (int)sizeof(gmgmt)
	       && !memcmp(out, gmgmt, sizeof(gmgmt)),
	       "RSNE: group-mgmt rebuild");
	rsne_expect(empty, sizeof(empty), FSR_FT_PARSE_RSNE_TRUNC,
		    "RSNE: empty");
	rsne_expect(version2, sizeof(version2), FSR_FT_PARSE_RSNE_VERSION,
		    "RSNE: version 2");
	rsne_expect(group_cut, sizeof(group_cut), FSR_FT_PARSE_RSNE_TRUNC,
		    "RSNE: group cipher cut");
	rsne_expect(pw_zero, sizeof(pw_zero), FSR_FT_PARSE_RSNE_COUNT,
		    "RSNE: pairwise count 0");
	rsne_expect(pw_short, sizeof(pw_short), FSR_FT_PARSE_RSNE_COUNT,
		    "RSNE: pairwise count 2, one suite");
	rsne_expect(akm_zero, sizeof(akm_zero), FSR_FT_PARSE_RSNE_COUNT,
		    "RSNE: AKM count 0");
	rsne_expect(caps_cut, sizeof(caps_cut), FSR_FT_PARSE_RSNE_TRUNC,
		    "RSNE: capabilities cut");
	rsne_expect(pmkid_short, sizeof(pmkid_short), FSR_FT_PARSE_RSNE_COUNT,
		    "RSNE: PMKID count 2, one PMKID");
	rsne_expect(gmgmt_cut, sizeof(gmgmt_cut), FSR_FT_PARSE_RSNE_TRUNC,
		    "RSNE: group management cipher cut");
	rsne_expect(overflow, sizeof(overflow), FSR_FT_PARSE_ELEM_OVERFLOW,
		    "RSNE: length past the buffer");
	rsne_expect(version2, 1, FSR_FT_PARSE_BAD_ARG, "RSNE: 1-octet input");
}

static void mde_cases(void)
{
	static const u8 len2[] = { 0x36, 2, 0xa1, 0xb2 };
	static const u8 len4[] = { 0x36, 4, 0xa1, 0xb2, 1, 0 };
	static const u8 not_mde[] = { 0x37, 3, 0xa1, 0xb2, 1 };
	size_t len;
	const u8 *ie = vec_get("ft-sha256", "mde", &len);
	enum fsr_ft_parse_err why;
	struct fsr_ie_mde m;
	u8 out[8];

	tap_ok(!fsr_ie_parse_mde(ie, len, &m, &why) && m.mdid[0] == 0xa1 &&
	       m.mdid[1] == 0xb2 && m.ft_cap == FSR_MDE_FT_OVER_DS,
	       "MDE parses: MDID a1b2, FT over DS");
	tap_ok(fsr_ie_build_mde(out, sizeof(out), &m) == 5 &&
	       !memcmp(out, ie, 5), "MDE rebuilds to the same octets");
	tap_ok(fsr_ie_build_mde(out, 4, &m) == -ENOSPC,
	       "MDE build into 4 octets -> -ENOSPC");
	EXPECT(fsr_ie_parse_mde(len2, sizeof(len2), &m, &why),
	       -EMSGSIZE, FSR_FT_PARSE_MDE_LEN, "MDE: length 2");
	EXPECT(fsr_ie_parse_mde(len4, sizeof(len4), &m, &why),
	       -EMSGSIZE, FSR_FT_PARSE_MDE_LEN, "MDE: length 4");
	EXPECT(fsr_ie_parse_mde(not_mde, sizeof(not_mde), &m, &why),
	       -EINVAL, FSR_FT_PARSE_BAD_ARG, "MDE: not an MDE");
	EXPECT(fsr_ie_parse_mde(ie, 4, &m, &why), -EMSGSIZE,
	       FSR_FT_PARSE_ELEM_OVERFLOW, "MDE: cut buffer");
}

static void fte_vector_case(const char *sec, unsigned int mic_len)
{
	size_t len;
	const u8 *ie = vec_get(sec, "fte", &len);
	const char *c = "ft-common";
	enum fsr_ft_parse_err why;
	struct fsr_ie_fte f;
	u8 out[300], cut[300];
	int n;

	tap_ok(!fsr_ie_parse_fte(ie, len, mic_len, &f, &why) &&
	       fsr_fte_elem_count(&f) == 3 && !(f.mic_ctrl & 1) &&
	       f.mic_len == mic_len &&
	       !memcmp(f.anonce, vec_get(c, "anonce", NULL), 32) &&
	       !memcmp(f.snonce, vec_get(c, "snonce", NULL), 32) &&
	       f.r1kh_id && !memcmp(f.r1kh_id, vec_get(c, "r1kh_id", NULL), 6)
	       && f.r0kh_id_len == 10 && !memcmp(f.r0kh_id, "nas1.w1.fi", 10)
	       && !f.gtk && !f.igtk,
	       "%s FTE parses: count 3, nonces, R1KH-ID, R0KH-ID", sec);
	n = fsr_ie_build_fte(out, sizeof(out), &f);
	tap_ok(n == (int)len && !memcmp(out, ie, len),
	       "%s FTE rebuilds to the same octets", sec);
	tap_ok(fsr_ie_build_fte(out, len - 1, &f) == -ENOSPC,
	       "%s FTE build into a short buffer -> -ENOSPC", sec);

	/* truncated FTE: fixed part one octet short */
	memcpy(cut, ie, 2 + 2 + mic_len + 63);
	cut[1] = (u8)(2 + mic_len + 63);
	EXPECT(fsr_ie_parse_fte(cut, cut[1] + 2u, mic_len, &f, &why),
	       -EMSGSIZE, FSR_FT_PARSE_FTE_SHORT,
	       mic_len == 16 ? "FTE(16): fixed part short" :
			       "FTE(24): fixed part short");
	/* oversized FTE: its length runs past the frame */
	EXPECT(fsr_ie_parse_fte(ie, len - 1, mic_len, &f, &why),
	       -EMSGSIZE, FSR_FT_PARSE_ELEM_OVERFLOW,
	       mic_len == 16 ? "FTE(16): length past the buffer" :
			       "FTE(24): length past the buffer");
	/* last subelement (R0KH-ID) claims one octet more than there is */
	memcpy(cut, ie, len);
	cut[len - 11] = 11;
	EXPECT(fsr_ie_parse_fte(cut, len, mic_len, &f, &why), -EMSGSIZE,
	       FSR_FT_PARSE_FTE_SUB_TRUNC,
	       mic_len == 16 ? "FTE(16): R0KH-ID runs past the FTE" :
			       "FTE(24): R0KH-ID runs past the FTE");
}

/* An FTE with a 16-octet MIC, zero nonces and the given subelements. */
static size_t make_fte(u8 *buf, const u8 *subs, size_t subs_len)
{
	size_t fixed = 2 + 16 + 64;

	memset(buf, 0, 2 + fixed);
	buf[0] = FSR_EID_FTE;
	buf[1] = (u8)(fixed + subs_len);
	memcpy(buf + 2 + fixed, subs, subs_len);
	return 2 + fixed + subs_len;
}

struct fte_bad {
	const char *name;
	u8 subs[80];
	size_t len;
	enum fsr_ft_parse_err why;
	int err;
};

static void fte_cases(void)
{
	static const struct fte_bad bad[] = {
		{ "FTE: R1KH-ID length 5", { 1, 5, 0, 1, 2, 3, 4 }, 7,
		  FSR_FT_PARSE_FTE_R1KH_ID_LEN, -EMSGSIZE },
		{ "FTE: R1KH-ID length 7", { 1, 7, 0, 1, 2, 3, 4, 5, 6 }, 9,
		  FSR_FT_PARSE_FTE_R1KH_ID_LEN, -EMSGSIZE },
		{ "FTE: R0KH-ID length 0", { 3, 0 }, 2,
		  FSR_FT_PARSE_FTE_R0KH_ID_LEN, -EMSGSIZE },
		{ "FTE: R0KH-ID length 49", { 3, 49 }, 51,
		  FSR_FT_PARSE_FTE_R0KH_ID_LEN, -EMSGSIZE },
		{ "FTE: two R1KH-IDs",
		  { 1, 6, 0, 1, 2, 3, 4, 5, 1, 6, 0, 1, 2, 3, 4, 5 }, 16,
		  FSR_FT_PARSE_FTE_SUB_DUP, -EBADMSG },
		{ "FTE: two R0KH-IDs", { 3, 1, 'a', 3, 1, 'b' }, 6,
		  FSR_FT_PARSE_FTE_SUB_DUP, -EBADMSG },
		{ "FTE: lone subelement ID octet", { 3 }, 1,
		  FSR_FT_PARSE_FTE_SUB_TRUNC, -EMSGSIZE },
		{ "FTE: subelement length past the FTE", { 9, 4, 0, 0 }, 4,
		  FSR_FT_PARSE_FTE_SUB_TRUNC, -EMSGSIZE },
		{ "FTE: GTK subelement of 52 octets (oversized)", { 2, 52 },
		  54, FSR_FT_PARSE_FTE_SUB_OVERSIZE, -EMSGSIZE },
		{ "FTE: GTK wrapped key not a multiple of 8",
		  { 2, 36, 1, 0, 16 }, 38, FSR_FT_PARSE_FTE_GTK_LEN,
		  -EMSGSIZE },
		{ "FTE: GTK wrapped key of 16 octets", { 2, 27, 1, 0, 8 }, 29,
		  FSR_FT_PARSE_FTE_GTK_LEN, -EMSGSIZE },
		{ "FTE: GTK key length above the wrapped data",
		  { 2, 35, 1, 0, 17 }, 37, FSR_FT_PARSE_FTE_GTK_LEN,
		  -EMSGSIZE },
		{ "FTE: IGTK subelement of 50 octets (oversized)", { 4, 50 },
		  52, FSR_FT_PARSE_FTE_SUB_OVERSIZE, -EMSGSIZE },
		{ "FTE: IGTK subelement of 32 octets", { 4, 32 }, 34,
		  FSR_FT_PARSE_FTE_IGTK_LEN, -EMSGSIZE },
	};
	/* offsets: unknown 0, GTK 4, IGTK 41 (key length at 51), R0KH-ID 76 */
	static const u8 good_subs[80] = {
		9, 2, 0xee, 0xee,		/* unknown: skipped */
		2, 35, 1, 0, 16,		/* GTK: id 1, 16-octet key */
		[41] = 4, 33, 4, 0,		/* IGTK: id 4 */
		[51] = 16,			/* IGTK key length */
		[76] = 3, 2, 'x', 'y',		/* R0KH-ID "xy" */
	};
	enum fsr_ft_parse_err why;
	struct fsr_ie_fte f, f2;
	u8 buf[300], out[300];
	size_t i, len;

	fte_vector_case("ft-sha256", 16);
	fte_vector_case("ft-sha384", 24);
	for (i = 0; i < ARRAY_LEN(bad); i++) {
		len = make_fte(buf, bad[i].subs, bad[i].len);
		EXPECT(fsr_ie_parse_fte(buf, len, 16, &f, &why),
		       bad[i].err, bad[i].why, bad[i].name);
	}
	len = make_fte(buf, good_subs, sizeof(good_subs));
	tap_ok(!fsr_ie_parse_fte(buf, len, 16, &f, &why) && f.gtk &&
	       f.gtk_len == 35 && f.igtk && f.igtk_len == 33 &&
	       f.r0kh_id_len == 2 && !f.r1kh_id,
	       "FTE: unknown subelement skipped, GTK/IGTK/R0KH-ID found");
	tap_ok(fsr_ie_build_fte(out, sizeof(out), &f) == (int)len - 4 &&
	       !fsr_ie_parse_fte(out, len - 4, 16, &f2, NULL) &&
	       f2.gtk_len == 35 && !memcmp(f2.gtk, f.gtk, 35) &&
	       f2.igtk_len == 33 && !memcmp(f2.igtk, f.igtk, 33) &&
	       f2.r0kh_id_len == 2 && !memcmp(f2.r0kh_id, "xy", 2),
	       "FTE: rebuild drops the unknown subelement, keeps the rest");
	EXPECT(fsr_ie_parse_fte(buf, len, 20, &f, &why), -EINVAL,
	       FSR_FT_PARSE_BAD_ARG, "FTE: MIC length 20");
	f.r0kh_id_len = 49;
	tap_ok(fsr_ie_build_fte(out, sizeof(out), &f) == -EINVAL,
	       "FTE build: R0KH-ID of 49 octets -> -EINVAL");
}

static void err_table_cases(void)
{
	int i, ok = 1;

	for (i = 0; i < FSR_FT_PARSE_ERR_MAX; i++) {
		const char *s = fsr_ft_parse_err_str(i);

		if (!s || !*s || !strcmp(s, "unknown parse error"))
			ok = 0;
		if (i && !fsr_ft_parse_err_status(i))
			ok = 0;
	}
	tap_ok(ok, "every parse error has a log string and a status code");
	tap_ok(fsr_ft_parse_err_status(FSR_FT_PARSE_MDE_LEN) == 54 &&
	       fsr_ft_parse_err_status(FSR_FT_PARSE_FTE_R0KH_ID_LEN) == 55 &&
	       fsr_ft_parse_err_status(FSR_FT_PARSE_RSNE_COUNT) == 72 &&
	       fsr_ft_parse_err_status(FSR_FT_PARSE_TRUNC_HDR) == 40,
	       "status: MDE 54, FTE 55, RSNE 72, framing 40");
	tap_ok(!strcmp(fsr_ft_parse_err_str(FSR_FT_PARSE_ERR_MAX + 3),
		       "unknown parse error") &&
	       fsr_ft_parse_err_status(FSR_FT_PARSE_ERR_MAX) == 1,
	       "out-of-range reason -> \"unknown\", status 1");
}

/* An HE Capabilities element: @phy0 channel widths, @phy6 PPE bit. */
static size_t he_elem(u8 *buf, u8 phy0, u8 phy6, const u8 *tail,
		      size_t tail_len)
{
	size_t n = 3 + 17;

	memset(buf, 0, 3 + 17 + 12);
	buf[0] = FSR_EID_EXT;
	buf[2] = FSR_EID_EXT_HE_CAP;
	buf[3 + 6] = phy0;
	buf[3 + 12] = phy6;
	memcpy(buf + n, tail, tail_len);
	n += tail_len;
	buf[1] = (u8)(n - 2);
	return n;
}

static void xcaps_cases(void)
{
	static const u8 mcs4[4] = { 0xfa, 0xff, 0xfa, 0xff };
	static const u8 mcs12[12] = { 0xfa, 0xff, 0xfa, 0xff, 0xfa, 0xff,
				      0xfa, 0xff, 0xfa, 0xff, 0xfa, 0xff };
	/* PPE header: NSS-1 = 1, RU bitmask 0b0011: 7 + 6*2*2 bits = 4 */
	static const u8 mcs4_ppe[8] = { 0xfa, 0xff, 0xfa, 0xff,
					0x19, 0x11, 0x22, 0x33 };
	/* an HE Operation element, as a BSS's tail carries it */
	static const u8 he_op[9] = { FSR_EID_EXT, 7, FSR_EID_EXT_HE_OP };
	/* EHT: MAC 2, PHY 9, a 20 MHz-only STA's MCS/NSS set (4) */
	static const u8 eht[3 + 15] = { FSR_EID_EXT, 16, FSR_EID_EXT_EHT_CAP,
					[3 + 11] = 0x22, 0x22, 0x22, 0x22 };
	enum fsr_ft_parse_err why;
	struct fsr_ie_xcaps c;
	u8 buf[256], he[64];
	size_t n, hn;

	/* the length each body has by its own fields */
	hn = he_elem(he, 0, 0, mcs4, 4);
	tap_ok(fsr_ie_he_cap_len(he + 3, hn - 3) == 21,
	       "HE caps: 20 MHz-only, no PPE: 17 + 4 = 21 octets");
	hn = he_elem(he, 0x08 | 0x10, 0, mcs12, 12);
	tap_ok(fsr_ie_he_cap_len(he + 3, hn - 3) == 29,
	       "HE caps: 160 and 80+80 MHz: 17 + 12 = 29 octets");
	hn = he_elem(he, 0x08 | 0x10, 0, mcs12, 8);
	tap_ok(fsr_ie_he_cap_len(he + 3, hn - 3) == -EMSGSIZE,
	       "HE caps: 160 and 80+80 MHz with only 8 MCS/NSS octets: -EMSGSIZE");
	hn = he_elem(he, 0, 0x80, mcs4_ppe, 8);
	tap_ok(fsr_ie_he_cap_len(he + 3, hn - 3) == 25,
	       "HE caps: PPE thresholds for 2 NSS x 2 RUs: 17 + 4 + 4 = 25 octets");
	hn = he_elem(he, 0, 0x80, mcs4_ppe, 7);
	tap_ok(fsr_ie_he_cap_len(he + 3, hn - 3) == -EMSGSIZE,
	       "HE caps: PPE thresholds cut one octet short: -EMSGSIZE");
	hn = he_elem(he, 0, 0x80, mcs4, 4);
	tap_ok(fsr_ie_he_cap_len(he + 3, hn - 3) == -EMSGSIZE,
	       "HE caps: PPE present but no PPE header: -EMSGSIZE");
	tap_ok(fsr_ie_he_cap_len(he + 3, 16) == -EMSGSIZE &&
	       fsr_ie_he_cap_len(NULL, 0) == -EMSGSIZE,
	       "HE caps: shorter than MAC + PHY capabilities: -EMSGSIZE");

	/* in a request: found, cut to its fields, with HE Operation seen */
	hn = he_elem(he, 0, 0, mcs4, 4);
	he[1] += 3;			/* 3 octets the fields do not cover */
	memcpy(buf, he, hn + 3);
	n = hn + 3;
	memcpy(buf + n, he_op, sizeof(he_op));
	n += sizeof(he_op);
	memcpy(buf + n, eht, sizeof(eht));
	n += sizeof(eht);
	tap_ok(!fsr_ie_parse_xcaps(buf, n, &c, &why) && why == FSR_FT_PARSE_OK &&
	       c.he == buf + 3 && c.he_len == 21 && c.he_op && !c.eht_op &&
	       c.eht == buf + n - sizeof(eht) + 3 && c.eht_len == 15 &&
	       !c.he_6ghz,
	       "xcaps: HE (cut to 21), EHT (15) and HE Operation found");

	/* malformed HE: left out, EHT with it; the list still parses */
	hn = he_elem(he, 0x08, 0, mcs4, 4);	/* 160 MHz needs 8 */
	memcpy(buf, he, hn);
	memcpy(buf + hn, eht, sizeof(eht));
	n = hn + sizeof(eht);
	tap_ok(!fsr_ie_parse_xcaps(buf, n, &c, &why) &&
	       why == FSR_FT_PARSE_HE_CAP_LEN && !c.he && !c.eht,
	       "xcaps: an HE element shorter than its MCS/NSS set is left out, and EHT with it");

	/* an HE element whose length runs past the list: the list fails */
	hn = he_elem(he, 0, 0, mcs4, 4);
	memcpy(buf, he, hn);
	buf[1] = (u8)(hn + 5);
	tap_ok(fsr_ie_parse_xcaps(buf, hn, &c, &why) == -EMSGSIZE &&
	       why == FSR_FT_PARSE_ELEM_OVERFLOW && !c.he,
	       "xcaps: an HE element past the end of the list: -EMSGSIZE");

	/* HE with length 1 (only the extension ID) and 0 */
	buf[0] = FSR_EID_EXT;
	buf[1] = 1;
	buf[2] = FSR_EID_EXT_HE_CAP;
	buf[3] = FSR_EID_EXT;
	buf[4] = 0;
	tap_ok(!fsr_ie_parse_xcaps(buf, 5, &c, &why) &&
	       why == FSR_FT_PARSE_HE_CAP_LEN && !c.he,
	       "xcaps: an empty HE Capabilities body is left out");

	/* a second HE element: neither is taken */
	hn = he_elem(he, 0, 0, mcs4, 4);
	memcpy(buf, he, hn);
	memcpy(buf + hn, he, hn);
	tap_ok(!fsr_ie_parse_xcaps(buf, 2 * hn, &c, &why) &&
	       why == FSR_FT_PARSE_DUP_XCAP && !c.he,
	       "xcaps: two HE Capabilities elements: neither is taken");

	/* EHT without HE, and an EHT body short of its MCS/NSS set */
	tap_ok(!fsr_ie_parse_xcaps(eht, sizeof(eht), &c, &why) &&
	       why == FSR_FT_PARSE_EHT_CAP_LEN && !c.eht,
	       "xcaps: EHT without HE is left out");
	memcpy(buf, he, hn);
	memcpy(buf + hn, eht, sizeof(eht));
	buf[hn + 1] -= 1;
	tap_ok(!fsr_ie_parse_xcaps(buf, hn + sizeof(eht) - 1, &c, &why) &&
	       why == FSR_FT_PARSE_EHT_CAP_LEN && c.he && !c.eht,
	       "xcaps: an EHT element one octet short: HE kept, EHT left out");
	tap_ok(fsr_ie_eht_cap_len(he + 3, eht + 3, sizeof(eht) - 3, true) == 14,
	       "EHT caps from an AP: a 20 MHz-only MCS/NSS set is 3 octets");
}

void test_ie(void)
{
	walker_cases();
	rsne_cases();
	mde_cases();
	fte_cases();
	xcaps_cases();
	err_table_cases();
}
