// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * libFuzzer target over the shared FT element code (kmod/ft/ft_ie.c) and
 * the MIC input handling (kmod/ft/ft_mic.c). Input: one selector octet
 * (bit 0: 24-octet MIC instead of 16; bit 1: also run the MIC check), then
 * an element buffer as it follows the fixed fields of a frame body.
 * Every parsed element is rebuilt and parsed again; a difference aborts.
 */
#include "ft_ie.h"
#include "ft_mic.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(c)		\
	do {			\
		if (!(c))	\
			abort();\
	} while (0)

static void rsne_round_trip(const struct fsr_ie_elem *e)
{
	struct fsr_ie_rsne a, b;
	u8 out[300];
	int n;

	if (fsr_ie_parse_rsne(e->p, e->len, &a, NULL))
		return;
	n = fsr_ie_build_rsne(out, sizeof(out), &a);
	CHECK(n > 0 && (size_t)n <= e->len);
	CHECK(!fsr_ie_parse_rsne(out, (size_t)n, &b, NULL));
	CHECK(a.version == b.version && a.n_fields == b.n_fields &&
	      a.group_cipher == b.group_cipher &&
	      a.n_pairwise == b.n_pairwise && a.n_akm == b.n_akm &&
	      a.caps == b.caps && a.n_pmkid == b.n_pmkid &&
	      a.group_mgmt_cipher == b.group_mgmt_cipher);
	CHECK(!memcmp(a.pairwise, b.pairwise, 4u * a.n_pairwise));
	CHECK(!memcmp(a.akm, b.akm, 4u * a.n_akm));
	CHECK(!a.n_pmkid || !memcmp(a.pmkid, b.pmkid, 16u * a.n_pmkid));
}

static void mde_round_trip(const struct fsr_ie_elem *e)
{
	struct fsr_ie_mde a, b;
	u8 out[8];
	int n;

	if (fsr_ie_parse_mde(e->p, e->len, &a, NULL))
		return;
	n = fsr_ie_build_mde(out, sizeof(out), &a);
	CHECK(n == 5 && !memcmp(out, e->p, 5));
	CHECK(!fsr_ie_parse_mde(out, 5, &b, NULL) && !memcmp(&a, &b, sizeof(a)));
}

static int same_opt(const u8 *x, const u8 *y, size_t len)
{
	if (!x || !y)
		return x == y;
	return !memcmp(x, y, len);
}

static void fte_round_trip(const struct fsr_ie_elem *e, unsigned int mic_len)
{
	struct fsr_ie_fte a, b;
	u8 out[300];
	int n;

	if (fsr_ie_parse_fte(e->p, e->len, mic_len, &a, NULL))
		return;
	n = fsr_ie_build_fte(out, sizeof(out), &a);
	CHECK(n > 0 && (size_t)n <= e->len);
	CHECK(!fsr_ie_parse_fte(out, (size_t)n, mic_len, &b, NULL));
	CHECK(a.mic_ctrl == b.mic_ctrl && a.mic_len == b.mic_len &&
	      !memcmp(a.mic, b.mic, mic_len) &&
	      !memcmp(a.anonce, b.anonce, 32) &&
	      !memcmp(a.snonce, b.snonce, 32));
	CHECK(same_opt(a.r1kh_id, b.r1kh_id, 6));
	CHECK(a.r0kh_id_len == b.r0kh_id_len &&
	      same_opt(a.r0kh_id, b.r0kh_id, a.r0kh_id_len));
	CHECK(a.gtk_len == b.gtk_len && same_opt(a.gtk, b.gtk, a.gtk_len));
	CHECK(a.igtk_len == b.igtk_len &&
	      same_opt(a.igtk, b.igtk, a.igtk_len));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const u8 kck[24] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	static const u8 addr[6] = { 2, 0, 0, 0, 0, 1 };
	enum fsr_ft_parse_err why = FSR_FT_PARSE_ERR_MAX;
	struct fsr_ie_set set;
	unsigned int mic_len;
	struct fsr_ie_rsne r;
	struct fsr_ie_mde m;
	struct fsr_ie_fte f;
	u8 *buf;
	int ret;

	if (!size)
		return 0;
	mic_len = data[0] & 1 ? 24 : 16;
	size--;
	/* an exact-size heap copy so that ASan sees any over-read */
	buf = malloc(size ? size : 1);
	if (!buf)
		return 0;
	memcpy(buf, data + 1, size);

	/* the parsers on raw input too, not only on walker output */
	(void)fsr_ie_parse_rsne(buf, size, &r, NULL);
	(void)fsr_ie_parse_mde(buf, size, &m, NULL);
	(void)fsr_ie_parse_fte(buf, size, mic_len, &f, NULL);

	/* HE/EHT: what is taken lies inside the buffer, within its bounds */
	{
		struct fsr_ie_xcaps c;

		if (!fsr_ie_parse_xcaps(buf, size, &c, NULL)) {
			CHECK(!c.he || (c.he > buf && c.he + c.he_len <=
					buf + size && c.he_len <= FSR_HE_CAP_MAX &&
					fsr_ie_he_cap_len(c.he, c.he_len) ==
					c.he_len));
			CHECK(!c.eht || (c.he && c.eht > buf &&
					 c.eht + c.eht_len <= buf + size &&
					 c.eht_len <= FSR_EHT_CAP_MAX));
			CHECK(!c.he_6ghz ||
			      c.he_6ghz + FSR_HE_6GHZ_CAP_LEN <= buf + size);
		}
	}

	ret = fsr_ie_walk(buf, size, &set, &why);
	CHECK((ret == 0) == (why == FSR_FT_PARSE_OK));
	CHECK(fsr_ft_parse_err_str(why) != NULL);
	if (!ret) {
		if (set.rsne.p)
			rsne_round_trip(&set.rsne);
		if (set.mde.p)
			mde_round_trip(&set.mde);
		if (set.fte.p)
			fte_round_trip(&set.fte, mic_len);
		if ((data[0] & 2) && set.rsne.p && set.mde.p && set.fte.p) {
			struct fsr_ft_mic_input in;

			fsr_ft_mic_input_init(&in, &set, addr, addr, 5);
			ret = fsr_ft_mic_verify(kck, mic_len, &in);
			CHECK(ret == -EBADMSG || ret == -EINVAL || ret == 0);
		}
	}
	free(buf);
	return 0;
}
