/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The WPA2 (non-FT) key hierarchy and EAPOL-Key integrity, IEEE
 * 802.11-2020 12.7.1: passphrase -> PSK (PBKDF2-SHA1, J.4), the SHA-1 PRF
 * (J.3), the PTK of AKM 00-0f-ac:2, the PMKID and the EAPOL-Key MIC of key
 * descriptor versions 2 (HMAC-SHA1-128) and 3 (AES-128-CMAC). OpenSSL
 * underneath; the FT hierarchy lives in kmod/ft/ft_kdf.h. Every function
 * returns 0 or a negative errno and wipes its intermediate buffers.
 */
#ifndef FSR_WPA_CRYPTO_H
#define FSR_WPA_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#define WPA_PMK_LEN		32
#define WPA_NONCE_LEN		32
#define WPA_PMKID_LEN		16
#define WPA_KCK_LEN		16
#define WPA_KEK_LEN		16
#define WPA_TK_MAX_LEN		32
#define WPA_MIC_LEN		16
#define WPA_PASSPHRASE_MIN	8
#define WPA_PASSPHRASE_MAX	63

/* EAPOL-Key descriptor versions (Key Information bits 0-2) */
#define WPA_KEY_VER_HMAC_SHA1_AES	2
#define WPA_KEY_VER_AES_CMAC		3

struct wpa_ptk {
	uint8_t kck[WPA_KCK_LEN];
	uint8_t kek[WPA_KEK_LEN];
	uint8_t tk[WPA_TK_MAX_LEN];
	size_t tk_len;
};

/* PSK = PBKDF2-SHA1(passphrase, SSID, 4096, 256). The passphrase is 8..63
 * printable ASCII characters; the SSID 0..32 octets. */
int wpa_psk_from_passphrase(const char *passphrase, const uint8_t *ssid,
			    size_t ssid_len, uint8_t *psk);

/* PRF-SHA1: HMAC-SHA1(K, label || 0 || data || i) for i = 0, 1, ...,
 * truncated to out_len octets (at most 128). */
int wpa_prf_sha1(const uint8_t *key, size_t key_len, const char *label,
		 const uint8_t *data, size_t data_len, uint8_t *out,
		 size_t out_len);

/* TK length of a pairwise/group cipher suite (16 or 32), or -EINVAL. */
int wpa_cipher_key_len(uint32_t cipher);

/* PTK of AKM 2: PRF-SHA1(PMK, "Pairwise key expansion", min(AA,SPA) ||
 * max(AA,SPA) || min(ANonce,SNonce) || max(ANonce,SNonce)). */
int wpa_derive_ptk(const uint8_t *pmk, size_t pmk_len, const uint8_t *aa,
		   const uint8_t *spa, const uint8_t *anonce,
		   const uint8_t *snonce, size_t tk_len, struct wpa_ptk *ptk);

/* PMKID = HMAC-SHA1-128(PMK, "PMK Name" || AA || SPA). */
int wpa_pmkid(const uint8_t *pmk, size_t pmk_len, const uint8_t *aa,
	      const uint8_t *spa, uint8_t *pmkid);

/* The 16-octet MIC of an EAPOL frame (802.1X header first, its MIC field
 * zeroed by the caller) for key descriptor version 2 or 3. */
int wpa_eapol_mic(int key_ver, const uint8_t *kck, size_t kck_len,
		  const uint8_t *frame, size_t len, uint8_t *mic);

/* Wipe that the compiler keeps. */
void wpa_wipe(void *p, size_t len);

#endif /* FSR_WPA_CRYPTO_H */
