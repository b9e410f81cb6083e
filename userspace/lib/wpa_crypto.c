// SPDX-License-Identifier: GPL-2.0-only
/* WPA2 key hierarchy on OpenSSL 3; see wpa_crypto.h. */
#include "wpa_crypto.h"

#include <errno.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "ft_crypto.h"

#define SHA1_LEN		20
#define PRF_MAX_OUT		128
#define PRF_MAX_INPUT		256
#define PBKDF2_ITERATIONS	4096

void wpa_wipe(void *p, size_t len)
{
	OPENSSL_cleanse(p, len);
}

int wpa_psk_from_passphrase(const char *passphrase, const uint8_t *ssid,
			    size_t ssid_len, uint8_t *psk)
{
	size_t len = passphrase ? strlen(passphrase) : 0;
	size_t i;

	if (len < WPA_PASSPHRASE_MIN || len > WPA_PASSPHRASE_MAX ||
	    ssid_len > 32 || (!ssid && ssid_len))
		return -EINVAL;
	for (i = 0; i < len; i++)
		if (passphrase[i] < 32 || passphrase[i] > 126)
			return -EINVAL;
	/* OpenSSL wants a non-NULL salt even when it is empty */
	if (!PKCS5_PBKDF2_HMAC_SHA1(passphrase, (int)len,
				    ssid ? ssid : (const uint8_t *)"",
				    (int)ssid_len, PBKDF2_ITERATIONS,
				    WPA_PMK_LEN, psk))
		return -EIO;
	return 0;
}

static int hmac_sha1(const uint8_t *key, size_t key_len, const uint8_t *data,
		     size_t len, uint8_t *mac)
{
	unsigned int mac_len = 0;

	if (!HMAC(EVP_sha1(), key, (int)key_len, data, len, mac, &mac_len) ||
	    mac_len != SHA1_LEN)
		return -EIO;
	return 0;
}

int wpa_prf_sha1(const uint8_t *key, size_t key_len, const char *label,
		 const uint8_t *data, size_t data_len, uint8_t *out,
		 size_t out_len)
{
	uint8_t in[PRF_MAX_INPUT], block[SHA1_LEN];
	size_t llen = label ? strlen(label) : 0;
	size_t pos = 0, n, done = 0;
	uint8_t i = 0;
	int err = 0;

	if (!out_len || out_len > PRF_MAX_OUT ||
	    llen + 1 + data_len + 1 > sizeof(in))
		return -EINVAL;
	memcpy(in, label, llen);
	pos = llen;
	in[pos++] = 0;
	if (data_len)
		memcpy(in + pos, data, data_len);
	pos += data_len;
	while (done < out_len) {
		in[pos] = i++;
		err = hmac_sha1(key, key_len, in, pos + 1, block);
		if (err)
			break;
		n = out_len - done < SHA1_LEN ? out_len - done : SHA1_LEN;
		memcpy(out + done, block, n);
		done += n;
	}
	if (err)
		wpa_wipe(out, out_len);
	wpa_wipe(in, sizeof(in));
	wpa_wipe(block, sizeof(block));
	return err;
}

int wpa_cipher_key_len(uint32_t cipher)
{
	switch (cipher) {
	case 0x000fac04:	/* CCMP-128 */
	case 0x000fac08:	/* GCMP-128 */
		return 16;
	case 0x000fac09:	/* GCMP-256 */
	case 0x000fac0a:	/* CCMP-256 */
		return 32;
	default:
		return -EINVAL;
	}
}

/* The lower and then the higher of two strings, as the PTK input wants. */
static void put_sorted(uint8_t *p, const uint8_t *a, const uint8_t *b,
		       size_t len)
{
	int lower = memcmp(a, b, len) < 0;

	memcpy(p, lower ? a : b, len);
	memcpy(p + len, lower ? b : a, len);
}

int wpa_derive_ptk(const uint8_t *pmk, size_t pmk_len, const uint8_t *aa,
		   const uint8_t *spa, const uint8_t *anonce,
		   const uint8_t *snonce, size_t tk_len, struct wpa_ptk *ptk)
{
	uint8_t data[2 * 6 + 2 * WPA_NONCE_LEN];
	uint8_t out[WPA_KCK_LEN + WPA_KEK_LEN + WPA_TK_MAX_LEN];
	int err;

	memset(ptk, 0, sizeof(*ptk));
	if (!pmk_len || (tk_len != 16 && tk_len != 32))
		return -EINVAL;
	put_sorted(data, aa, spa, 6);
	put_sorted(data + 12, anonce, snonce, WPA_NONCE_LEN);
	err = wpa_prf_sha1(pmk, pmk_len, "Pairwise key expansion", data,
			   sizeof(data), out, WPA_KCK_LEN + WPA_KEK_LEN + tk_len);
	if (!err) {
		memcpy(ptk->kck, out, WPA_KCK_LEN);
		memcpy(ptk->kek, out + WPA_KCK_LEN, WPA_KEK_LEN);
		memcpy(ptk->tk, out + WPA_KCK_LEN + WPA_KEK_LEN, tk_len);
		ptk->tk_len = tk_len;
	}
	wpa_wipe(out, sizeof(out));
	return err;
}

int wpa_pmkid(const uint8_t *pmk, size_t pmk_len, const uint8_t *aa,
	      const uint8_t *spa, uint8_t *pmkid)
{
	static const char name[] = "PMK Name";
	uint8_t data[sizeof(name) - 1 + 12], mac[SHA1_LEN];
	int err;

	memcpy(data, name, sizeof(name) - 1);
	memcpy(data + sizeof(name) - 1, aa, 6);
	memcpy(data + sizeof(name) - 1 + 6, spa, 6);
	err = hmac_sha1(pmk, pmk_len, data, sizeof(data), mac);
	if (!err)
		memcpy(pmkid, mac, WPA_PMKID_LEN);
	wpa_wipe(mac, sizeof(mac));
	return err;
}

int wpa_eapol_mic(int key_ver, const uint8_t *kck, size_t kck_len,
		  const uint8_t *frame, size_t len, uint8_t *mic)
{
	struct fsr_vec v = { .p = frame, .len = len };
	uint8_t mac[SHA1_LEN];
	int err;

	if (kck_len != WPA_KCK_LEN)
		return -EINVAL;
	switch (key_ver) {
	case WPA_KEY_VER_HMAC_SHA1_AES:
		err = hmac_sha1(kck, kck_len, frame, len, mac);
		if (!err)
			memcpy(mic, mac, WPA_MIC_LEN);
		wpa_wipe(mac, sizeof(mac));
		return err;
	case WPA_KEY_VER_AES_CMAC:
		return fsr_aes128_cmac_vec(kck, &v, 1, mic);
	default:
		return -EINVAL;
	}
}
