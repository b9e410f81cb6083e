/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * RADIUS cryptography with OpenSSL 3 (EVP MD5, EVP_MAC HMAC-MD5):
 * - Request Authenticator of Accounting-Request (RFC 2866 3) and of
 *   Disconnect/CoA-Request (RFC 5176 3.5);
 * - Response Authenticator (RFC 2865 3);
 * - Message-Authenticator (RFC 3579 3.2, RFC 2869 5.14);
 * - User-Password hiding (RFC 2865 5.2);
 * - MS-MPPE-Send/Recv-Key (RFC 2548 2.4.2, 2.4.3) and the MSK.
 * Comparisons are constant time; secrets and keys never reach a log.
 */
#ifndef FSRD_RADIUS_AUTH_H
#define FSRD_RADIUS_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "radius/radius_msg.h"

#define RADIUS_SECRET_MAX	128
#define RADIUS_PASSWORD_MAX	128	/* RFC 2865 5.2 */
#define RADIUS_MPPE_KEY_MAX	64
#define RADIUS_MSK_LEN		64

struct radius_secret {
	uint8_t data[RADIUS_SECRET_MAX];
	size_t len;
};

/* MD5 over a list of (pointer, length) pairs ending with a NULL pointer. */
enum radius_err radius_md5(uint8_t out[16], ...);
enum radius_err radius_hmac_md5(const uint8_t *key, size_t key_len,
				const uint8_t *data, size_t len,
				uint8_t out[16]);

/*
 * m->buf[4..19] = MD5(Code+Identifier+Length+16 zero octets+Attributes+
 * Secret): the Request Authenticator of Accounting-Request, Disconnect-
 * and CoA-Request. With a Message-Authenticator in m, call
 * radius_ma_sign(m, zero) first (RFC 5176 3.5, RFC 3579 3.2).
 */
enum radius_err radius_req_auth_sign(struct radius_msg *m,
				     const struct radius_secret *s);
enum radius_err radius_req_auth_verify(const struct radius_msg *m,
				       const struct radius_secret *s);

/* m->buf[4..19] = MD5(Code+ID+Length+RequestAuth+Attributes+Secret). */
enum radius_err radius_resp_auth_sign(struct radius_msg *m,
				      const uint8_t req_auth[16],
				      const struct radius_secret *s);
enum radius_err radius_resp_auth_verify(const struct radius_msg *m,
					const uint8_t req_auth[16],
					const struct radius_secret *s);

/*
 * Message-Authenticator = HMAC-MD5(secret, packet) computed with the
 * attribute's value zeroed and the Authenticator field set to auth (the
 * Request Authenticator of the request for replies; the packet's own for
 * Access-Request; 16 zero octets for Accounting/Disconnect/CoA-Request).
 * auth == NULL: use what is in the packet. sign fills the existing
 * attribute (radius_msg_add_ma adds one); verify returns RADIUS_E_NO_MA
 * when there is none and required is set, RADIUS_OK when there is none
 * and it is not.
 */
enum radius_err radius_ma_sign(struct radius_msg *m, const uint8_t *auth,
			       const struct radius_secret *s);
enum radius_err radius_ma_verify(const struct radius_msg *m,
				 const uint8_t *auth,
				 const struct radius_secret *s, bool required);

/* User-Password (RFC 2865 5.2): out gets 16..128 octets (a multiple of
 * 16); *out_len set. Passwords of 1..128 octets. */
enum radius_err radius_password_hide(uint8_t *out, size_t *out_len,
				     const void *pw, size_t pw_len,
				     const uint8_t req_auth[16],
				     const struct radius_secret *s);
/* Reverse; the trailing NUL padding is removed. out holds 128 octets. */
enum radius_err radius_password_unhide(uint8_t *out, size_t *out_len,
				       const uint8_t *hidden, size_t len,
				       const uint8_t req_auth[16],
				       const struct radius_secret *s);

/*
 * MS-MPPE-Send/Recv-Key value: Salt (2 octets, top bit set) + String
 * (key-length octet, key, zero padding, encrypted; RFC 2548 2.4.2).
 * encrypt is used by the unit tests and by no daemon path.
 */
enum radius_err radius_mppe_encrypt(uint8_t *out, size_t *out_len,
				    size_t out_max, const uint8_t *key,
				    size_t key_len, const uint8_t salt[2],
				    const uint8_t req_auth[16],
				    const struct radius_secret *s);
enum radius_err radius_mppe_decrypt(uint8_t *key, size_t *key_len,
				    size_t key_max, const uint8_t *val,
				    size_t len, const uint8_t req_auth[16],
				    const struct radius_secret *s);

/*
 * The MSK of an Access-Accept: MS-MPPE-Recv-Key || MS-MPPE-Send-Key
 * (RFC 3748 / RFC 5216 2.3, the order hostapd and wpa_supplicant use),
 * each 32 octets. RADIUS_E_VALUE if either is absent or malformed.
 */
enum radius_err radius_msk_get(const struct radius_msg *accept,
			       const uint8_t req_auth[16],
			       const struct radius_secret *s,
			       uint8_t msk[RADIUS_MSK_LEN], size_t *msk_len);

#endif
