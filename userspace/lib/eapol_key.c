// SPDX-License-Identifier: GPL-2.0-only
/* EAPOL-Key frames and Key Data KDEs; see eapol_key.h. */
#include "eapol_key.h"

#include <errno.h>
#include <string.h>

#include "ft_crypto.h"
#include "wpa_crypto.h"

#define EID_RSN		48
#define EID_MDE		54
#define EID_FTE		55
#define EID_TIE		56
#define EID_VENDOR	0xdd
#define KDE_HDR_LEN	6	/* ID, length, OUI, data type */
#define KDE_GTK		1
#define KDE_PMKID	4
#define FRAME_MAX	(EAPOL_KEY_HDR_LEN + EAPOL_KEY_DATA_MAX)

static const uint8_t ieee_oui[3] = { 0x00, 0x0f, 0xac };

static int fail(const char **why, int err, const char *msg)
{
	if (why)
		*why = msg;
	return err;
}

static uint16_t get_be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void put_be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

int eapol_key_parse(const uint8_t *buf, size_t len, struct eapol_key *k,
		    const char **why)
{
	size_t body;

	memset(k, 0, sizeof(*k));
	if (!buf || len < EAPOL_HDR_LEN)
		return fail(why, -EMSGSIZE, "frame shorter than 802.1X header");
	if (buf[1] != EAPOL_TYPE_KEY)
		return fail(why, -EPROTONOSUPPORT, "not an EAPOL-Key frame");
	body = get_be16(buf + 2);
	if (EAPOL_HDR_LEN + body > len)
		return fail(why, -EMSGSIZE, "802.1X body runs past the frame");
	if (EAPOL_HDR_LEN + body < EAPOL_KEY_HDR_LEN)
		return fail(why, -EMSGSIZE, "EAPOL-Key frame too short");
	if (buf[4] != EAPOL_KEY_DESC_RSN)
		return fail(why, -EPROTONOSUPPORT,
			    "descriptor type is not RSN (2)");
	k->version = buf[0];
	k->key_info = get_be16(buf + EAPOL_KEY_OFF_INFO);
	k->key_len = get_be16(buf + 7);
	k->replay = eapol_get_be64(buf + EAPOL_KEY_OFF_REPLAY);
	k->nonce = buf + EAPOL_KEY_OFF_NONCE;
	k->rsc = buf + EAPOL_KEY_OFF_RSC;
	k->mic = buf + EAPOL_KEY_OFF_MIC;
	k->data_len = get_be16(buf + EAPOL_KEY_OFF_DATA_LEN);
	k->data = buf + EAPOL_KEY_HDR_LEN;
	k->frame_len = EAPOL_HDR_LEN + body;
	if (EAPOL_KEY_HDR_LEN + (size_t)k->data_len > k->frame_len)
		return fail(why, -EMSGSIZE, "Key Data runs past the frame");
	if (k->data_len > EAPOL_KEY_DATA_MAX)
		return fail(why, -EMSGSIZE, "Key Data too long");
	return 0;
}

int eapol_key_build(uint8_t *buf, size_t size, const struct eapol_key_out *k)
{
	size_t len = EAPOL_KEY_HDR_LEN + k->data_len;

	if (k->data_len > EAPOL_KEY_DATA_MAX || (k->data_len && !k->data))
		return -EINVAL;
	if (size < len)
		return -ENOSPC;
	memset(buf, 0, EAPOL_KEY_HDR_LEN);
	buf[0] = EAPOL_VERSION;
	buf[1] = EAPOL_TYPE_KEY;
	put_be16(buf + 2, (uint16_t)(len - EAPOL_HDR_LEN));
	buf[4] = EAPOL_KEY_DESC_RSN;
	put_be16(buf + EAPOL_KEY_OFF_INFO, k->key_info);
	put_be16(buf + 7, k->key_len);
	eapol_put_be64(buf + EAPOL_KEY_OFF_REPLAY, k->replay);
	if (k->nonce)
		memcpy(buf + EAPOL_KEY_OFF_NONCE, k->nonce,
		       EAPOL_KEY_NONCE_LEN);
	if (k->rsc)
		memcpy(buf + EAPOL_KEY_OFF_RSC, k->rsc, EAPOL_KEY_RSC_LEN);
	put_be16(buf + EAPOL_KEY_OFF_DATA_LEN, (uint16_t)k->data_len);
	if (k->data_len)
		memcpy(buf + EAPOL_KEY_HDR_LEN, k->data, k->data_len);
	return (int)len;
}

int eapol_key_sign(uint8_t *frame, size_t len, int key_ver,
		   const uint8_t *kck, size_t kck_len)
{
	uint8_t mic[EAPOL_KEY_MIC_LEN];
	int err;

	if (len < EAPOL_KEY_HDR_LEN)
		return -EINVAL;
	memset(frame + EAPOL_KEY_OFF_MIC, 0, EAPOL_KEY_MIC_LEN);
	err = wpa_eapol_mic(key_ver, kck, kck_len, frame, len, mic);
	if (!err)
		memcpy(frame + EAPOL_KEY_OFF_MIC, mic, EAPOL_KEY_MIC_LEN);
	return err;
}

int eapol_key_verify(const uint8_t *frame, const struct eapol_key *k,
		     int key_ver, const uint8_t *kck, size_t kck_len)
{
	uint8_t copy[FRAME_MAX], mic[EAPOL_KEY_MIC_LEN];
	int err;

	/* the MIC covers the 802.1X body only, never Ethernet padding */
	if (k->frame_len > sizeof(copy) || k->frame_len < EAPOL_KEY_HDR_LEN)
		return -EMSGSIZE;
	memcpy(copy, frame, k->frame_len);
	memset(copy + EAPOL_KEY_OFF_MIC, 0, EAPOL_KEY_MIC_LEN);
	err = wpa_eapol_mic(key_ver, kck, kck_len, copy, k->frame_len, mic);
	if (!err && fsr_memneq(mic, k->mic, EAPOL_KEY_MIC_LEN))
		err = -EBADMSG;
	wpa_wipe(mic, sizeof(mic));
	return err;
}

static int set_once(const uint8_t **p, size_t *plen, const uint8_t *e,
		    size_t elen, const char **why)
{
	if (*p)
		return fail(why, -EBADMSG, "element repeated in Key Data");
	*p = e;
	*plen = elen;
	return 0;
}

static int parse_kde(const uint8_t *e, size_t elen, struct eapol_kde *kde,
		     const char **why)
{
	size_t blen = elen - KDE_HDR_LEN;
	const uint8_t *body = e + KDE_HDR_LEN;

	if (elen < KDE_HDR_LEN || memcmp(e + 2, ieee_oui, 3))
		return 0;	/* a vendor element: not ours */
	switch (e[5]) {
	case KDE_GTK:
		if (blen < 2 + 16 || blen > 2 + 32)
			return fail(why, -EBADMSG, "GTK KDE of a bad length");
		return set_once(&kde->gtk, &kde->gtk_len, body, blen, why);
	case KDE_PMKID:
		if (blen != WPA_PMKID_LEN)
			return fail(why, -EBADMSG, "PMKID KDE of a bad length");
		if (kde->pmkid)
			return fail(why, -EBADMSG, "PMKID KDE repeated");
		kde->pmkid = body;
		return 0;
	default:
		return 0;
	}
}

int eapol_kde_parse(const uint8_t *data, size_t len, struct eapol_kde *kde,
		    const char **why)
{
	size_t pos = 0, elen;
	const uint8_t *e;
	int err = 0;

	memset(kde, 0, sizeof(*kde));
	while (!err && pos < len) {
		e = data + pos;
		/* padding: 0xdd then zeros up to the end */
		if (e[0] == EID_VENDOR && (len - pos == 1 || e[1] == 0))
			break;
		if (len - pos < 2 || e[1] > len - pos - 2)
			return fail(why, -EMSGSIZE,
				    "element runs past the Key Data");
		elen = 2 + (size_t)e[1];
		switch (e[0]) {
		case EID_RSN:
			err = set_once(&kde->rsne, &kde->rsne_len, e, elen,
				       why);
			break;
		case EID_MDE:
			err = set_once(&kde->mde, &kde->mde_len, e, elen, why);
			break;
		case EID_FTE:
			err = set_once(&kde->fte, &kde->fte_len, e, elen, why);
			break;
		case EID_TIE:
			if (kde->tie[1])
				err = fail(why, -EBADMSG,
					   "too many Timeout Interval elements");
			else
				err = set_once(&kde->tie[kde->tie[0] ? 1 : 0],
					       &kde->tie_len[kde->tie[0] ? 1 : 0],
					       e, elen, why);
			break;
		case EID_VENDOR:
			err = parse_kde(e, elen, kde, why);
			break;
		default:
			break;
		}
		pos += elen;
	}
	return err;
}

int eapol_kde_put_gtk(uint8_t *buf, size_t size, uint8_t key_idx, bool tx,
		      const uint8_t *gtk, size_t gtk_len)
{
	size_t need = KDE_HDR_LEN + 2 + gtk_len;

	if (key_idx < 1 || key_idx > 3 || gtk_len < 16 || gtk_len > 32)
		return -EINVAL;
	if (size < need)
		return -ENOSPC;
	buf[0] = EID_VENDOR;
	buf[1] = (uint8_t)(need - 2);
	memcpy(buf + 2, ieee_oui, 3);
	buf[5] = KDE_GTK;
	buf[6] = (uint8_t)(key_idx | (tx ? 0x04 : 0));
	buf[7] = 0;
	memcpy(buf + 8, gtk, gtk_len);
	return (int)need;
}

int eapol_kde_put_pmkid(uint8_t *buf, size_t size, const uint8_t *pmkid)
{
	size_t need = KDE_HDR_LEN + WPA_PMKID_LEN;

	if (size < need)
		return -ENOSPC;
	buf[0] = EID_VENDOR;
	buf[1] = (uint8_t)(need - 2);
	memcpy(buf + 2, ieee_oui, 3);
	buf[5] = KDE_PMKID;
	memcpy(buf + 6, pmkid, WPA_PMKID_LEN);
	return (int)need;
}

int eapol_key_data_wrap(const uint8_t *kek, size_t kek_len, uint8_t *plain,
			size_t len, size_t plain_size, uint8_t *out,
			size_t size)
{
	size_t plen = len;
	int err;

	/* 802.11-2020 12.7.2 j): pad with 0xdd 00.. when not a multiple
	 * of 8 or shorter than 16 (the key wrap minimum) */
	if (plen < 16 || plen % 8) {
		plen = len + 1;
		while (plen < 16 || plen % 8)
			plen++;
	}
	if (plen > plain_size || plen > EAPOL_KEY_DATA_MAX - 8)
		return -EINVAL;
	if (size < plen + 8)
		return -ENOSPC;
	if (plen > len) {
		plain[len] = EID_VENDOR;
		memset(plain + len + 1, 0, plen - len - 1);
	}
	err = fsr_aes_wrap(kek, kek_len, plain, plen, out);
	return err ? err : (int)(plen + 8);
}
