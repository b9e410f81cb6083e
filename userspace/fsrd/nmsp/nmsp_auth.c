// SPDX-License-Identifier: GPL-2.0-only
/*
 * The location-server link's auth list (nmsp_auth.h). The key hash is
 * over the certificate's DER SubjectPublicKeyInfo (i2d_X509_PUBKEY), as
 * "openssl x509 -pubkey | openssl pkey -pubin -outform DER | openssl
 * dgst" prints it: a peer keeps its entry across certificate renewals
 * that keep its key.
 */
#include "nmsp/nmsp_auth.h"
#include "nmsp/nmsp_msg.h"

#include <errno.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <string.h>

#include "fsr_parse.h"

int nmsp_auth_entry_parse(const char *s, struct nmsp_auth_entry *e,
			  const char **why)
{
	char mac[FSR_MAC_STRLEN];
	const char *sp, *h;
	size_t n, hex;

	memset(e, 0, sizeof(*e));
	sp = strchr(s, ' ');
	n = sp ? (size_t)(sp - s) : strlen(s);
	if (n >= sizeof(mac)) {
		*why = "expected a MAC address (02:00:00:00:0a:01) first";
		return -EINVAL;
	}
	memcpy(mac, s, n);
	mac[n] = '\0';
	if (fsr_parse_mac(mac, e->mac)) {
		*why = "expected a MAC address (02:00:00:00:0a:01) first";
		return -EINVAL;
	}
	if (!sp) {
		*why = "expected a key hash after the MAC address (sha1:HEX or sha256:HEX)";
		return -EINVAL;
	}
	while (*sp == ' ')
		sp++;
	if (!strncmp(sp, "sha1:", 5)) {
		e->hash_len = NMSP_SHA1_LEN;
		h = sp + 5;
	} else if (!strncmp(sp, "sha256:", 7)) {
		e->hash_len = NMSP_SHA256_LEN;
		h = sp + 7;
	} else {
		*why = "expected the key hash as sha1:HEX or sha256:HEX";
		return -EINVAL;
	}
	hex = strlen(h);
	if (hex != 2u * e->hash_len || fsr_parse_hex(h, e->hash, e->hash_len)) {
		*why = e->hash_len == NMSP_SHA1_LEN ?
		       "expected 40 hex digits after sha1:" :
		       "expected 64 hex digits after sha256:";
		return -EINVAL;
	}
	return 0;
}

void nmsp_auth_entry_format(const struct nmsp_auth_entry *e, char *out)
{
	size_t n;

	fsr_format_mac(e->mac, out);
	n = strlen(out);
	n += (size_t)sprintf(out + n, " %s:",
			     e->hash_len == NMSP_SHA1_LEN ? "sha1" : "sha256");
	fsr_format_hex(e->hash, e->hash_len, out + n);
}

static bool same_entry(const struct nmsp_auth_entry *a,
		       const struct nmsp_auth_entry *b)
{
	return !memcmp(a->mac, b->mac, 6) && a->hash_len == b->hash_len &&
	       !memcmp(a->hash, b->hash, a->hash_len);
}

int nmsp_auth_add(struct nmsp_auth_list *l, const struct nmsp_auth_entry *e)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (same_entry(&l->e[i], e))
			return -EEXIST;
	if (l->n >= NMSP_AUTH_MAX)
		return -ENOSPC;
	l->e[l->n++] = *e;
	return 0;
}

bool nmsp_auth_entry_matches(const struct nmsp_auth_entry *x,
			     const struct nmsp_auth_entry *e, bool any_hash)
{
	return any_hash ? !memcmp(x->mac, e->mac, 6) : same_entry(x, e);
}

int nmsp_auth_del(struct nmsp_auth_list *l, const struct nmsp_auth_entry *e)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (!same_entry(&l->e[i], e))
			continue;
		l->e[i] = l->e[--l->n];
		memset(&l->e[l->n], 0, sizeof(l->e[l->n]));
		return 0;
	}
	return -ENOENT;
}

int nmsp_peer_key_from_der(const uint8_t *der, size_t len,
			   struct nmsp_peer_key *k)
{
	const unsigned char *p = der;
	unsigned char *spki = NULL;
	unsigned int n1 = 0, n2 = 0;
	X509 *x;
	int spki_len, ok;

	memset(k, 0, sizeof(*k));
	if (len > 65536)
		return -EINVAL;
	x = d2i_X509(NULL, &p, (long)len);
	if (!x || p != der + len) {
		X509_free(x);
		return -EINVAL;
	}
	spki_len = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x), &spki);
	X509_free(x);
	if (spki_len <= 0)
		return -EINVAL;
	ok = EVP_Digest(spki, (size_t)spki_len, k->sha1, &n1, EVP_sha1(),
			NULL) &&
	     EVP_Digest(spki, (size_t)spki_len, k->sha256, &n2, EVP_sha256(),
			NULL) &&
	     n1 == NMSP_SHA1_LEN && n2 == NMSP_SHA256_LEN;
	OPENSSL_free(spki);
	if (!ok) {
		memset(k, 0, sizeof(*k));
		return -EINVAL;
	}
	k->present = true;
	return 0;
}

uint16_t nmsp_auth_check(const struct nmsp_auth_list *l, const uint8_t *mac,
			 const struct nmsp_peer_key *k)
{
	bool mac_known = false;
	size_t i;

	if (!k->present)
		return NMSP_ERR_NO_CERT;
	for (i = 0; i < l->n; i++) {
		const struct nmsp_auth_entry *e = &l->e[i];
		const uint8_t *h = e->hash_len == NMSP_SHA1_LEN ?
				   k->sha1 : k->sha256;

		if (memcmp(e->mac, mac, 6))
			continue;
		mac_known = true;
		if (!CRYPTO_memcmp(e->hash, h, e->hash_len))
			return NMSP_OK;
	}
	return mac_known ? NMSP_ERR_KEY_HASH : NMSP_ERR_UNKNOWN_MAC;
}
