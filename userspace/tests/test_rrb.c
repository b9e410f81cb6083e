// SPDX-License-Identifier: GPL-2.0-only
/*
 * RRB (hostapd's R0KH/R1KH protocol) codec, AES-SIV and sequence window:
 * every vector of the reference (hostapd-ft.md 4.3 C and E, rrb.txt)
 * encrypted and decrypted byte for byte, and bad input refused.
 */
#include <errno.h>
#include <openssl/crypto.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ft_kdf.h"
#include "mobility/ds_msg.h"
#include "mobility/pmksa_msg.h"
#include "mobility/portal_roam_msg.h"
#include "mobility/rrb_msg.h"
#include "mobility/rrb_seq.h"
#include "mobility/rrb_siv.h"
#include "tap.h"

static size_t unhex(const char *s, uint8_t *out)
{
	size_t n = strlen(s) / 2, i;

	for (i = 0; i < n; i++) {
		unsigned int v;

		sscanf(s + 2 * i, "%2x", &v);
		out[i] = (uint8_t)v;
	}
	return n;
}

static int same_hex(const uint8_t *b, size_t len, const char *want)
{
	uint8_t w[2048];
	size_t n = unhex(want, w);

	return n == len && !memcmp(b, w, n);
}

/* hostapd-ft.md 4.3 C */
static const char *c_key =
	"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f";
static const char *c_plain =
	"07001000000102030405060708090a0b0c0d0e0f06000600020000000100";
static const char *c_out =
	"52829afaa0b2fdf48a98a5f36dc2839cc11492e13c375c5cda3ddf66f5270183"
	"664e5f4ffbcabbf2f15dd5cbc04f";

/* rrb.txt / hostapd-ft.md 4.3 E */
static const char *e_key =
	"202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";
static const char *e_pull =
	"3c0002001000a0a1a2a3a4a5a6a7a8a9aaabacadaeaf01000c00453322110403"
	"0201e803000004000a006e6173312e77312e6669050006000001020304"
	"06a5703e1d651396462069b735766466a8a4435ad8472e5bcdc040f567ee6d2e"
	"319753fe2dd1e1e815d03a2f7f87b2";
static const char *e_seq_req =
	"300002001000a0a1a2a3a4a5a6a7a8a9aaabacadaeaf04000a006e6173312e77"
	"312e66690500060000010203040600000000b62ee894b30a54694986e10d6033"
	"dd07";
static const char *e_resp =
	"3c0002001000a0a1a2a3a4a5a6a7a8a9aaabacadaeaf01000c00453322110403"
	"0201e803000004000a006e6173312e77312e6669050006000001020304"
	"06143f677a938e589f9942fec4c7550cd2204cafb0e503fe173ad1f9004d04d5"
	"2243e62bcd62c947f8c61ff04ff386e1df8e2a22c54f1f55ce480fb87ad82d2f"
	"68d9560b00f003030a1596c548c8bed54f0494feb307274e89ea81051e69d82e"
	"f1594fe366e7c6b1f7587a50873421";
static const char *e_resp_plain =
	"060006000200000000000a002000823367f8401d14f509be64601405dac624a2"
	"b07edce51bad0a1a2e621e8ba664090010005b65e589f431294bfe4af88f6c83"
	"f8fd0b00020010000c00020000000f000000100000001100040000000000";

static uint8_t key_e[32], r1kh_mac[6], r0kh_mac[6], r1kh_id[6], sta[6];
static uint8_t nonce[16], r0name[16];
static const char nas[] = "nas1.w1.fi";
static const struct rrb_seq_tlv e_seq = { 0x11223345, 0x01020304, 1000 };

static void test_siv(void)
{
	uint8_t key[32], src[6], auth[8], plain[64], out[128], back[64];
	size_t pl = unhex(c_plain, plain);
	int ret;

	unhex(c_key, key);
	unhex("020000000400", src);
	unhex("01000400deadbeef", auth);
	ret = rrb_siv_seal(key, src, auth, sizeof(auth), 1, plain, pl, out);
	tap_ok(!ret && same_hex(out, 16 + pl, c_out),
	       "AES-SIV with the RRB associated data: vector C sealed");
	ret = rrb_siv_open(key, src, auth, sizeof(auth), 1, out, 16 + pl,
			   back);
	tap_ok(!ret && !memcmp(back, plain, pl), "vector C opened");
	out[20] ^= 1;
	tap_ok(rrb_siv_open(key, src, auth, sizeof(auth), 1, out, 16 + pl,
			    back) == -EBADMSG, "vector C altered: -EBADMSG");
	out[20] ^= 1;
	tap_ok(rrb_siv_open(key, src, auth, sizeof(auth), 2, out, 16 + pl,
			    back) == -EBADMSG,
	       "vector C with another subtype in the AD: -EBADMSG");
	src[5] ^= 1;
	tap_ok(rrb_siv_open(key, src, auth, sizeof(auth), 1, out, 16 + pl,
			    back) == -EBADMSG,
	       "vector C from another source address: -EBADMSG");
}

static void pull_tlvs(struct rrb_tlv *auth, uint8_t *seqbuf)
{
	rrb_seq_tlv_put(seqbuf, &e_seq);
	auth[0] = (struct rrb_tlv){ RRB_T_NONCE, 16, nonce };
	auth[1] = (struct rrb_tlv){ RRB_T_SEQ, 12, seqbuf };
	auth[2] = (struct rrb_tlv){ RRB_T_R0KH_ID, sizeof(nas) - 1,
				    (const uint8_t *)nas };
	auth[3] = (struct rrb_tlv){ RRB_T_R1KH_ID, 6, r1kh_id };
}

static void test_vectors(void)
{
	struct rrb_tlv auth[4], enc[2];
	uint8_t seqbuf[12], out[RRB_MAX_PAYLOAD], plain[RRB_MAX_PAYLOAD];
	uint8_t in[RRB_MAX_PAYLOAD];
	struct rrb_msg m;
	size_t len, pl;
	int ret;

	pull_tlvs(auth, seqbuf);
	enc[0] = (struct rrb_tlv){ RRB_T_PMK_R0_NAME, 16, r0name };
	enc[1] = (struct rrb_tlv){ RRB_T_S1KH_ID, 6, sta };
	ret = rrb_build(key_e, r1kh_mac, RRB_PULL, auth, 4, enc, 2, out,
			sizeof(out), &len);
	tap_ok(!ret && same_hex(out, len, e_pull), "PULL built byte for byte");
	len = unhex(e_pull, in);
	ret = rrb_msg_parse(RRB_PULL, in, len, &m);
	tap_ok(!ret && m.have_nonce && !memcmp(m.nonce, nonce, 16) &&
	       m.have_seq && m.seq.dom == e_seq.dom &&
	       m.seq.seq == e_seq.seq && m.seq.ts == e_seq.ts &&
	       m.r0kh_id_len == 10 && !memcmp(m.r0kh_id, nas, 10) &&
	       !memcmp(m.r1kh_id, r1kh_id, 6), "PULL parsed: auth TLVs");
	ret = rrb_msg_open(&m, key_e, r1kh_mac, plain, sizeof(plain), &pl);
	tap_ok(!ret && pl == 30 && plain[0] == RRB_T_PMK_R0_NAME &&
	       !memcmp(plain + 4, r0name, 16) &&
	       !memcmp(plain + 24, sta, 6), "PULL decrypted");
	{
		struct rrb_pull_req req;

		ret = rrb_pull_parse(plain, pl, &req);
		tap_ok(!ret && !memcmp(req.pmk_r0_name, r0name, 16) &&
		       !memcmp(req.s1kh_id, sta, 6),
		       "PULL's PMKR0Name and S1KH-ID read");
	}

	/* SEQ_REQ: nothing to encrypt, the auth part padded to 64 octets */
	auth[1] = auth[2];
	auth[2] = auth[3];
	ret = rrb_build(key_e, r1kh_mac, RRB_SEQ_REQ, auth, 3, NULL, 0, out,
			sizeof(out), &len);
	tap_ok(!ret && same_hex(out, len, e_seq_req),
	       "SEQ_REQ built byte for byte (padding TLV, empty plaintext)");
	len = unhex(e_seq_req, in);
	ret = rrb_msg_parse(RRB_SEQ_REQ, in, len, &m);
	tap_ok(!ret && m.have_nonce && !m.have_seq && m.enc_len == 16,
	       "SEQ_REQ parsed");
	ret = rrb_msg_open(&m, key_e, r1kh_mac, plain, sizeof(plain), &pl);
	tap_ok(!ret && pl == 0, "SEQ_REQ verified");
	ret = rrb_msg_open(&m, key_e, r0kh_mac, plain, sizeof(plain), &pl);
	tap_ok(ret == -EBADMSG, "SEQ_REQ from another address: -EBADMSG");
}

static void test_resp(void)
{
	struct rrb_tlv auth[4], enc[8];
	uint8_t seqbuf[12], out[RRB_MAX_PAYLOAD], plain[RRB_MAX_PAYLOAD];
	uint8_t want_plain[256], in[RRB_MAX_PAYLOAD];
	size_t wl = unhex(e_resp_plain, want_plain), len, pl;
	struct fsr_ft_suite s;
	struct fsr_ft_pmk_r0 r0;
	struct fsr_ft_pmk_r1 r1;
	struct rrb_msg m;
	struct rrb_keys k;
	uint8_t pw[2] = { 0x10, 0 }, ex[2] = { 0, 0 }, st[4] = { 0 };
	int ret, i;

	/* the PMK-R1 in the vector is fsr's own derivation */
	fsr_ft_suite_init(&s, 0x000fac04, 0x000fac04);
	for (i = 0; i < 32; i++)
		r0.key[i] = (uint8_t)i;
	r0.key_len = 32;
	memcpy(r0.name, r0name, 16);
	ret = fsr_ft_derive_pmk_r1(&s, &r0, r1kh_id, sta, &r1);
	tap_ok(!ret && !memcmp(r1.key, want_plain + 14, 32) &&
	       !memcmp(r1.name, want_plain + 50, 16),
	       "RESP's PMK-R1 and PMKR1Name are fsr's derivation");

	pull_tlvs(auth, seqbuf);
	enc[0] = (struct rrb_tlv){ RRB_T_S1KH_ID, 6, sta };
	enc[1] = (struct rrb_tlv){ RRB_T_PMK_R1, 32, r1.key };
	enc[2] = (struct rrb_tlv){ RRB_T_PMK_R1_NAME, 16, r1.name };
	enc[3] = (struct rrb_tlv){ RRB_T_PAIRWISE, 2, pw };
	enc[4] = (struct rrb_tlv){ RRB_T_EXPIRES_IN, 2, ex };
	enc[5] = (struct rrb_tlv){ RRB_T_IDENTITY, 0, NULL };
	enc[6] = (struct rrb_tlv){ RRB_T_RADIUS_CUI, 0, NULL };
	enc[7] = (struct rrb_tlv){ RRB_T_SESSION_TIMEOUT, 4, st };
	ret = rrb_build(key_e, r0kh_mac, RRB_RESP, auth, 4, enc, 8, out,
			sizeof(out), &len);
	tap_ok(!ret && same_hex(out, len, e_resp), "RESP built byte for byte");

	len = unhex(e_resp, in);
	ret = rrb_msg_parse(RRB_RESP, in, len, &m);
	if (!ret)
		ret = rrb_msg_open(&m, key_e, r0kh_mac, plain, sizeof(plain),
				   &pl);
	tap_ok(!ret && pl == wl && !memcmp(plain, want_plain, wl),
	       "RESP decrypted to the vector's plaintext");
	ret = rrb_keys_parse(plain, pl, &k);
	tap_ok(!ret && k.have_pmk_r1 && k.pmk_r1_len == 32 &&
	       !memcmp(k.pmk_r1, r1.key, 32) &&
	       !memcmp(k.pmk_r1_name, r1.name, 16) &&
	       k.pairwise == RRB_CIPHER_CCMP && k.have_expires_in &&
	       !k.expires_in && k.have_session_timeout &&
	       !k.session_timeout && !k.have_vlan &&
	       !memcmp(k.s1kh_id, sta, 6) && !k.have_pmk_r0_name,
	       "RESP's keys read");

	/* hostapd's receive workaround: two octets of Ethernet padding */
	in[len] = 0;
	in[len + 1] = 0;
	ret = rrb_msg_parse(RRB_RESP, in, len + 2, &m);
	if (!ret)
		ret = rrb_msg_open(&m, key_e, r0kh_mac, plain, sizeof(plain),
				   &pl);
	tap_ok(!ret && pl == wl, "RESP with 2 octets of padding still opens");

	/* a NAK: S1KH-ID only */
	ret = rrb_keys_parse(want_plain, 10, &k);
	tap_ok(!ret && !k.have_pmk_r1, "RESP with S1KH-ID only is a NAK");
	explicit_bzero(&r0, sizeof(r0));
	explicit_bzero(&r1, sizeof(r1));
}

static void test_bad(void)
{
	uint8_t in[RRB_MAX_FRAME + 64], plain[RRB_MAX_PAYLOAD], bad_key[32];
	size_t len = unhex(e_pull, in + 20), pl;
	struct rrb_frame f;
	struct rrb_msg m;
	struct rrb_keys k;
	uint8_t dst[6] = { 2, 0, 0, 0, 3, 0 };
	uint8_t tlv[64];
	size_t n;

	/* whole frames */
	{
		uint8_t fr[RRB_MAX_FRAME + 64];

		n = rrb_frame_put(fr, dst, r1kh_mac, RRB_PULL, in + 20, len);
		tap_ok(!rrb_frame_parse(fr, n, &f) && f.subtype == RRB_PULL &&
		       f.payload_len == len && !memcmp(f.src, r1kh_mac, 6) &&
		       !memcmp(f.dst, dst, 6), "frame split");
		tap_ok(rrb_frame_parse(fr, 19, &f) == -EMSGSIZE,
		       "frame truncated in the OUI header: -EMSGSIZE");
		fr[RRB_ETH_HDR + 5] = 6;
		tap_ok(rrb_frame_parse(fr, n, &f) == -EPROTONOSUPPORT,
		       "unknown subtype 6: -EPROTONOSUPPORT");
		fr[RRB_ETH_HDR + 5] = 0;
		tap_ok(rrb_frame_parse(fr, n, &f) == -EPROTONOSUPPORT,
		       "unknown subtype 0: -EPROTONOSUPPORT");
		fr[RRB_ETH_HDR + 5] = RRB_PULL;
		fr[RRB_ETH_HDR + 4] = 2;
		tap_ok(rrb_frame_parse(fr, n, &f) == -EPROTO,
		       "another protocol id under OUI 00:13:74: -EPROTO");
		fr[RRB_ETH_HDR + 4] = 1;
		fr[6] |= 1;
		tap_ok(rrb_frame_parse(fr, n, &f) == -EADDRNOTAVAIL,
		       "group source address: refused");
		fr[6] &= (uint8_t)~1;
		memset(fr + n, 0, RRB_MAX_FRAME + 1 - n);
		tap_ok(rrb_frame_parse(fr, RRB_MAX_FRAME + 1, &f) == -EMSGSIZE,
		       "oversized frame: -EMSGSIZE");
		tap_ok(!rrb_frame_parse(fr, RRB_MAX_FRAME, &f),
		       "frame of RRB_MAX_FRAME octets accepted");
	}

	/* payloads */
	tap_ok(rrb_msg_parse(RRB_PULL, in + 20, 1, &m) == -EBADMSG,
	       "payload of 1 octet: -EBADMSG");
	tap_ok(rrb_msg_parse(RRB_PULL, in + 20, 2 + 60 + 15, &m) == -EBADMSG,
	       "payload truncated in the SIV: -EBADMSG");
	tap_ok(rrb_msg_parse(RRB_PULL, in + 20, 61, &m) == -EBADMSG,
	       "payload truncated in the auth TLVs: -EBADMSG");
	/* a TLV length beyond the auth blob */
	in[20 + 2 + 2] = 0xff;
	tap_ok(rrb_msg_parse(RRB_PULL, in + 20, len, &m) == -EBADMSG,
	       "auth TLV longer than the list: -EBADMSG");
	in[20 + 2 + 2] = 0x10;
	/* nonce of 15 octets: re-lay the list */
	in[20 + 2 + 2] = 0x0f;
	tap_ok(rrb_msg_parse(RRB_PULL, in + 20, len, &m) == -EBADMSG,
	       "auth TLVs not ending at auth_len: -EBADMSG");
	in[20 + 2 + 2] = 0x10;
	tap_ok(rrb_msg_parse(7, in + 20, len, &m) == -EPROTONOSUPPORT,
	       "parse of an unknown subtype: -EPROTONOSUPPORT");
	tap_ok(rrb_msg_parse(RRB_PULL, in + 20, len, &m) == 0,
	       "restored PULL parses");
	memset(bad_key, 0x5a, sizeof(bad_key));
	tap_ok(rrb_msg_open(&m, bad_key, r1kh_mac, plain, sizeof(plain),
			    &pl) == -EBADMSG, "wrong key: -EBADMSG");
	tap_ok(rrb_msg_open(&m, key_e, r1kh_mac, plain, 8, &pl) == -EMSGSIZE,
	       "plaintext buffer too small: -EMSGSIZE");
	/* a PULL's auth TLVs under the PUSH subtype do not verify */
	m.subtype = RRB_PUSH;
	tap_ok(rrb_msg_open(&m, key_e, r1kh_mac, plain, sizeof(plain),
			    &pl) == -EBADMSG,
	       "subtype changed on the wire: -EBADMSG");
	/* SEQ_REQ needs no SEQ, PUSH no NONCE, but PULL needs both */
	{
		uint8_t seqbuf[12], out[RRB_MAX_PAYLOAD];
		struct rrb_tlv auth[4];
		size_t ol;

		pull_tlvs(auth, seqbuf);
		rrb_build(key_e, r1kh_mac, RRB_PULL, auth + 1, 3, NULL, 0, out,
			  sizeof(out), &ol);
		tap_ok(rrb_msg_parse(RRB_PULL, out, ol, &m) == -EBADMSG,
		       "PULL without NONCE: -EBADMSG");
		tap_ok(rrb_msg_parse(RRB_PUSH, out, ol, &m) == 0,
		       "the same TLVs make a PUSH");
		auth[2].len = 0;
		rrb_build(key_e, r1kh_mac, RRB_PUSH, auth + 1, 3, NULL, 0, out,
			  sizeof(out), &ol);
		tap_ok(rrb_msg_parse(RRB_PUSH, out, ol, &m) == -EBADMSG,
		       "empty R0KH-ID: -EBADMSG");
		/* unknown TLV types are skipped */
		auth[2].len = 10;
		auth[0] = (struct rrb_tlv){ 0x7777, 3, nonce };
		rrb_build(key_e, r1kh_mac, RRB_PUSH, auth, 4, NULL, 0, out,
			  sizeof(out), &ol);
		tap_ok(rrb_msg_parse(RRB_PUSH, out, ol, &m) == 0,
		       "unknown auth TLV type 0x7777 skipped");
		tap_ok(rrb_build(key_e, r1kh_mac, RRB_PUSH, auth, 4, NULL, 0,
				 out, 40, &ol) == -EMSGSIZE,
		       "build into a short buffer: -EMSGSIZE");
	}
	/* decrypted TLVs */
	memcpy(tlv, "\x06\x00\x06\x00\x02\x00\x00\x00\x00\x00"
		    "\x0b\x00\x02\x00\x10\x00", 16);
	tap_ok(rrb_keys_parse(tlv, 16, &k) == -EBADMSG,
	       "PAIRWISE without PMK-R1: -EBADMSG");
	tap_ok(rrb_keys_parse(tlv, 9, &k) == -EBADMSG,
	       "truncated S1KH-ID: -EBADMSG");
	tap_ok(rrb_keys_parse(tlv + 10, 6, &k) == -EBADMSG,
	       "no S1KH-ID: -EBADMSG");
}

/* A PULL's decrypted TLVs: every malformed form refused. */
static void test_pull_bad(void)
{
	/* PMKR0Name (16) then S1KH-ID (6), as hostapd sends them */
	static const char *good =
		"07001000505152535455565758595a5b5c5d5e5f06000600020000000000";
	uint8_t p[64], big[RRB_MAX_PAYLOAD];
	struct rrb_pull_req r;
	size_t n = unhex(good, p);

	tap_ok(!rrb_pull_parse(p, n, &r), "PULL TLVs: good list parses");
	tap_ok(rrb_pull_parse(p, 0, &r) == -EBADMSG, "PULL TLVs: empty");
	tap_ok(rrb_pull_parse(p, n - 1, &r) == -EBADMSG,
	       "PULL TLVs: truncated S1KH-ID");
	tap_ok(rrb_pull_parse(p, 3, &r) == -EBADMSG,
	       "PULL TLVs: a header cut short");
	tap_ok(rrb_pull_parse(p, 20, &r) == -EBADMSG,
	       "PULL TLVs: S1KH-ID missing");
	tap_ok(rrb_pull_parse(p + 20, n - 20, &r) == -EBADMSG,
	       "PULL TLVs: PMKR0Name missing");
	p[2] = 15;	/* PMKR0Name one short: the list no longer adds up */
	tap_ok(rrb_pull_parse(p, n, &r) == -EBADMSG,
	       "PULL TLVs: length not matching the list");
	p[2] = 16;
	p[22] = 5;
	memmove(p + 25, p + 26, n - 26);
	tap_ok(rrb_pull_parse(p, n - 1, &r) == -EBADMSG,
	       "PULL TLVs: 5-octet S1KH-ID");
	n = unhex(good, p);
	p[2] = 0xff;
	p[3] = 0xff;	/* longer than the list */
	tap_ok(rrb_pull_parse(p, n, &r) == -EBADMSG,
	       "PULL TLVs: a TLV longer than its list");
	/* oversize: a valid list in a large unknown TLV first is fine, but a
	 * PMKR0Name of 1000 octets is not */
	n = unhex(good, p);
	memset(big, 0, sizeof(big));
	big[0] = RRB_T_PMK_R0_NAME;
	big[2] = 1000 & 0xff;
	big[3] = 1000 >> 8;
	memcpy(big + 4 + 1000, p + 20, 10);
	tap_ok(rrb_pull_parse(big, 1014, &r) == -EBADMSG,
	       "PULL TLVs: a 1000-octet PMKR0Name");
	big[0] = 0x77;	/* unknown type: skipped, as hostapd */
	memcpy(big + 1014, p, 20);
	tap_ok(!rrb_pull_parse(big, 1034, &r) &&
	       !memcmp(r.pmk_r0_name, r0name, 16),
	       "PULL TLVs: an unknown 1000-octet TLV skipped");
	/* duplicates: the first counts */
	memcpy(big, p, 20);
	memcpy(big + 20, p, n);
	big[4] ^= 0xff;
	tap_ok(!rrb_pull_parse(big, 20 + n, &r) && r.pmk_r0_name[0] == 0xaf,
	       "PULL TLVs: of two PMKR0Names the first counts");
}

static void test_seq(void)
{
	struct rrb_seq_tx tx = { 0 };
	struct rrb_seq_rx rx = { 0 };
	struct rrb_seq_tlv s, s0, old;
	int i, ok = 1;

	rrb_seq_next(&tx, 0x1234, 100, 5000, &s0);
	tap_ok(s0.dom == 0x1235 && s0.seq == 100 && s0.ts == 5000,
	       "first SEQ: random domain with bit 0 set, random counter");
	tap_ok(rrb_seq_check(&rx, &s0, 7, false) == RRB_SEQ_DEFER,
	       "first message from a peer: deferred");
	tap_ok(rrb_seq_check(&rx, &s0, 7, true) == RRB_SEQ_DROP,
	       "... and dropped when it may not be deferred");
	rrb_seq_resync(&rx, &s0, 7, 1);
	tap_ok(rrb_seq_check(&rx, &s0, 7, false) == RRB_SEQ_DROP,
	       "after the SEQ_RESP its counter is a replay");
	rrb_seq_next(&tx, 0, 0, 5001, &s);
	tap_ok(rrb_seq_check(&rx, &s, 8, false) == RRB_SEQ_OK,
	       "the next counter is accepted");
	rrb_seq_accept(&rx, &s);
	tap_ok(rrb_seq_check(&rx, &s, 8, false) == RRB_SEQ_DROP,
	       "the same message again: replay dropped");
	old = s;
	for (i = 0; i < 40; i++) {
		rrb_seq_next(&tx, 0, 0, 5002, &s);
		if (rrb_seq_check(&rx, &s, 9, false) != RRB_SEQ_OK)
			ok = 0;
		rrb_seq_accept(&rx, &s);
		if (rrb_seq_check(&rx, &s, 9, false) != RRB_SEQ_DROP)
			ok = 0;
	}
	tap_ok(ok, "40 messages in order accepted, each once");
	tap_ok(rrb_seq_check(&rx, &old, 9, false) != RRB_SEQ_OK,
	       "an old message after the window moved is not accepted");
	s.seq += 0x80000000u;
	tap_ok(rrb_seq_check(&rx, &s, 9, false) == RRB_SEQ_DEFER,
	       "a counter far ahead: deferred");
	s.seq -= 0x80000000u;
	s.seq++;
	s.ts = 5002 + 60;
	tap_ok(rrb_seq_check(&rx, &s, 9, false) == RRB_SEQ_DEFER,
	       "a clock 60 s off: deferred");
	s.ts = 5002;
	s.dom ^= 2;
	tap_ok(rrb_seq_check(&rx, &s, 9, false) == RRB_SEQ_DEFER,
	       "another domain (peer restarted): deferred");
}

/* fsr's REVOKE: SEQ, R0KH-ID, R1KH-ID in the clear, the station sealed */
static void test_revoke(void)
{
	uint8_t seqbuf[12], out[RRB_MAX_PAYLOAD], plain[RRB_MAX_PAYLOAD];
	uint8_t fr[RRB_MAX_FRAME];
	struct rrb_tlv auth[4], enc[1];
	struct rrb_frame f;
	struct rrb_msg m;
	struct rrb_tlv t;
	size_t len, pl, n;

	pull_tlvs(auth, seqbuf);
	enc[0] = (struct rrb_tlv){ RRB_T_S1KH_ID, 6, sta };
	tap_ok(!rrb_build(key_e, r0kh_mac, RRB_FSR_REVOKE, auth + 1, 3, enc,
			  1, out, sizeof(out), &len) &&
	       len == 2 + 16 + 4 + sizeof(nas) - 1 + 10 + 16 + 10,
	       "REVOKE built: auth_len, 3 auth TLVs, SIV, S1KH-ID");
	n = rrb_frame_put(fr, r1kh_mac, r0kh_mac, RRB_FSR_REVOKE, out, len);
	tap_ok(!rrb_frame_parse(fr, n, &f) && f.subtype == RRB_FSR_REVOKE,
	       "REVOKE frame split (subtype 0xf0)");
	tap_ok(!rrb_msg_parse(RRB_FSR_REVOKE, out, len, &m) && m.have_seq &&
	       m.r0kh_id_len == sizeof(nas) - 1 &&
	       !memcmp(m.r1kh_id, r1kh_id, 6) &&
	       !rrb_msg_open(&m, key_e, r0kh_mac, plain, sizeof(plain), &pl) &&
	       !rrb_tlv_find(plain, pl, RRB_T_S1KH_ID, &t) && t.len == 6 &&
	       !memcmp(t.val, sta, 6), "REVOKE parsed and opened: the station");
	tap_ok(rrb_msg_open(&m, key_e, r1kh_mac, plain, sizeof(plain), &pl) ==
	       -EBADMSG, "REVOKE claimed by another sender: does not verify");
	tap_ok(rrb_msg_parse(RRB_FSR_REVOKE, out, len, &m) == 0 &&
	       rrb_build(key_e, r0kh_mac, RRB_FSR_REVOKE, auth + 2, 2, enc, 1,
			 out, sizeof(out), &len) == 0 &&
	       rrb_msg_parse(RRB_FSR_REVOKE, out, len, &m) == -EBADMSG,
	       "REVOKE without SEQ: -EBADMSG");
}

/* Build p's TLVs (with or without Class) into a plaintext list. */
/* A TLV list as it travels (the plaintext of a message). */
static size_t tlv_list(const struct rrb_tlv *t, size_t n, uint8_t *out)
{
	size_t i, len = 0;

	for (i = 0; i < n; i++) {
		out[len] = (uint8_t)t[i].type;
		out[len + 1] = (uint8_t)(t[i].type >> 8);
		out[len + 2] = (uint8_t)t[i].len;
		out[len + 3] = (uint8_t)(t[i].len >> 8);
		memcpy(out + len + 4, t[i].val, t[i].len);
		len += 4 + t[i].len;
	}
	return len;
}

static size_t pmksa_plain(const struct rrb_pmksa *p, bool with_class,
			  uint8_t *out)
{
	struct rrb_tlv t[RRB_PMKSA_TLVS];
	struct rrb_pmksa_buf buf;

	return tlv_list(t, rrb_pmksa_tlvs(p, with_class, &buf, t), out);
}

/* Remove the first TLV of type from a list (len updated). */
static void drop_tlv(uint8_t *p, size_t *len, uint16_t type)
{
	size_t off = 0;

	while (off + 4 <= *len) {
		size_t l = (size_t)(p[off + 2] | p[off + 3] << 8);

		if ((uint16_t)(p[off] | p[off + 1] << 8) == type) {
			memmove(p + off, p + off + 4 + l, *len - off - 4 - l);
			*len -= 4 + l;
			return;
		}
		off += 4 + l;
	}
}

/* fsr's PMKSA message (pmksa_msg.c): round trip, the frame limit, bad
 * lists */
static void test_pmksa_msg(void)
{
	static struct rrb_pmksa p, q;
	static uint8_t plain[4096], out[RRB_MAX_PAYLOAD];
	struct rrb_tlv auth[4], enc[RRB_PMKSA_TLVS];
	struct rrb_pmksa_buf buf;
	uint8_t seqbuf[12];
	size_t len, n, i, olen;
	static const uint16_t need[] = {
		RRB_T_S1KH_ID, RRB_T_FSR_AA, RRB_T_FSR_PMK, RRB_T_FSR_PMKID,
		RRB_T_FSR_AKM, RRB_T_FSR_SSID, RRB_T_FSR_AGE,
		RRB_T_FSR_LIFETIME,
	};
	bool all = true;

	memset(&p, 0, sizeof(p));
	memcpy(p.spa, sta, 6);
	memcpy(p.aa, r0kh_mac, 6);
	memset(p.pmk, 0x42, 32);
	memset(p.pmkid, 0x17, 16);
	p.akm = 0x000fac01;
	memcpy(p.ssid, "staff", 5);
	p.ssid_len = 5;
	p.age_s = 12;
	p.life_s = 888;
	p.attrs.has_session_timeout = true;
	p.attrs.session_timeout = 900;
	p.attrs.has_termination_action = true;
	p.attrs.termination_action = 1;
	p.attrs.has_acct_interim_interval = true;
	p.attrs.acct_interim_interval = 60;
	p.attrs.vlan_id = 42;
	strcpy(p.attrs.user_name, "alice");
	p.attrs.n_class = 2;
	p.attrs.class_len[0] = 3;
	memcpy(p.attrs.class_val[0], "abc", 3);
	p.attrs.class_len[1] = 1;
	p.attrs.class_val[1][0] = 'z';

	len = pmksa_plain(&p, true, plain);
	tap_ok(!rrb_pmksa_parse(plain, len, &q) && !memcmp(q.spa, p.spa, 6) &&
	       !memcmp(q.aa, p.aa, 6) && !memcmp(q.pmk, p.pmk, 32) &&
	       !memcmp(q.pmkid, p.pmkid, 16) && q.akm == 0x000fac01 &&
	       q.ssid_len == 5 && !memcmp(q.ssid, "staff", 5) &&
	       q.age_s == 12 && q.life_s == 888 &&
	       q.attrs.has_session_timeout && q.attrs.session_timeout == 900 &&
	       q.attrs.has_termination_action &&
	       q.attrs.termination_action == 1 &&
	       q.attrs.acct_interim_interval == 60 && q.attrs.vlan_id == 42 &&
	       !strcmp(q.attrs.user_name, "alice") && q.attrs.n_class == 2 &&
	       q.attrs.class_len[0] == 3 &&
	       !memcmp(q.attrs.class_val[0], "abc", 3) &&
	       q.attrs.class_len[1] == 1 && q.attrs.class_val[1][0] == 'z',
	       "PMKSA message: every field read back");
	len = pmksa_plain(&p, false, plain);
	tap_ok(!rrb_pmksa_parse(plain, len, &q) && q.attrs.n_class == 0 &&
	       q.attrs.session_timeout == 900,
	       "without Class: the rest read back");

	/* four long Class attributes, a long user name and the longest
	 * R0KH-ID do not fit one frame; without Class they do */
	for (i = 0; i < EAP_RELAY_CLASS_MAX; i++) {
		p.attrs.class_len[i] = RADIUS_ATTR_MAX_DATA;
		memset(p.attrs.class_val[i], 'c', RADIUS_ATTR_MAX_DATA);
	}
	p.attrs.n_class = EAP_RELAY_CLASS_MAX;
	memset(p.attrs.user_name, 'u', EAP_RELAY_USER_MAX);
	pull_tlvs(auth, seqbuf);
	memset(plain, 'n', RRB_R0KH_ID_MAX);
	auth[2] = (struct rrb_tlv){ RRB_T_R0KH_ID, RRB_R0KH_ID_MAX, plain };
	n = rrb_pmksa_tlvs(&p, true, &buf, enc);
	tap_ok(rrb_build(key_e, r0kh_mac, RRB_FSR_PMKSA, auth + 1, 3, enc, n,
			 out, sizeof(out), &olen) == -EMSGSIZE,
	       "the largest PMKSA with its Class attributes: -EMSGSIZE");
	n = rrb_pmksa_tlvs(&p, false, &buf, enc);
	tap_ok(rrb_build(key_e, r0kh_mac, RRB_FSR_PMKSA, auth + 1, 3, enc, n,
			 out, sizeof(out), &olen) == 0,
	       "... and it fits without them");
	pull_tlvs(auth, seqbuf);
	len = pmksa_plain(&p, true, plain);
	tap_ok(!rrb_pmksa_parse(plain, len, &q) &&
	       q.attrs.n_class == EAP_RELAY_CLASS_MAX &&
	       strlen(q.attrs.user_name) == EAP_RELAY_USER_MAX,
	       "the parser takes EAP_RELAY_CLASS_MAX Class and the longest user name");
	p.attrs.n_class = 1;
	p.attrs.user_name[5] = '\0';

	for (i = 0; i < sizeof(need) / sizeof(need[0]); i++) {
		len = pmksa_plain(&p, true, plain);
		drop_tlv(plain, &len, need[i]);
		if (rrb_pmksa_parse(plain, len, &q) != -EBADMSG)
			all = false;
	}
	tap_ok(all, "each required TLV missing: -EBADMSG");
	len = pmksa_plain(&p, true, plain);
	tap_ok(rrb_pmksa_parse(plain, len - 1, &q) == -EBADMSG,
	       "truncated list: -EBADMSG");
	p.spa[0] |= 1;
	len = pmksa_plain(&p, true, plain);
	tap_ok(rrb_pmksa_parse(plain, len, &q) == -EBADMSG,
	       "group station address: -EBADMSG");
	p.spa[0] &= (uint8_t)~1;
	p.aa[0] |= 1;
	len = pmksa_plain(&p, true, plain);
	tap_ok(rrb_pmksa_parse(plain, len, &q) == -EBADMSG,
	       "group AA: -EBADMSG");
	p.aa[0] &= (uint8_t)~1;
	p.life_s = 0;
	len = pmksa_plain(&p, true, plain);
	tap_ok(rrb_pmksa_parse(plain, len, &q) == -EBADMSG,
	       "no lifetime left: -EBADMSG");
	p.life_s = 10;
	p.attrs.vlan_id = 4095;
	len = pmksa_plain(&p, true, plain);
	tap_ok(rrb_pmksa_parse(plain, len, &q) == -EBADMSG,
	       "VLAN ID 4095: -EBADMSG");
	p.attrs.vlan_id = 0;
	p.ssid_len = 0;
	len = pmksa_plain(&p, true, plain);
	tap_ok(rrb_pmksa_parse(plain, len, &q) == -EBADMSG,
	       "empty SSID: -EBADMSG");
	p.ssid_len = 5;
	/* a fifth Class, a PMK of 31 octets, a user name of 254 */
	len = pmksa_plain(&p, true, plain);
	for (i = 0; i < EAP_RELAY_CLASS_MAX; i++) {
		memcpy(plain + len, "\x0a\xf0\x01\x00k", 5);
		len += 5;
	}
	tap_ok(rrb_pmksa_parse(plain, len, &q) == -EBADMSG,
	       "more Class TLVs than EAP_RELAY_CLASS_MAX: -EBADMSG");
	len = pmksa_plain(&p, true, plain);
	drop_tlv(plain, &len, RRB_T_FSR_PMK);
	memcpy(plain + len, "\x02\xf0\x1f\x00", 4);
	memset(plain + len + 4, 1, 31);
	len += 35;
	tap_ok(rrb_pmksa_parse(plain, len, &q) == -EBADMSG,
	       "a 31-octet PMK: -EBADMSG");
	len = pmksa_plain(&p, true, plain);
	drop_tlv(plain, &len, RRB_T_IDENTITY);
	plain[len] = RRB_T_IDENTITY;
	plain[len + 1] = 0;
	plain[len + 2] = 254;
	plain[len + 3] = 0;
	memset(plain + len + 4, 'u', 254);
	len += 258;
	tap_ok(rrb_pmksa_parse(plain, len, &q) == -EBADMSG,
	       "a user name of 254 octets: -EBADMSG");
	/* the frame: subtype 0xf1 is fsr's, sealed like a PUSH */
	n = rrb_pmksa_tlvs(&p, true, &buf, enc);
	tap_ok(!rrb_build(key_e, r0kh_mac, RRB_FSR_PMKSA, auth + 1, 3, enc, n,
			  out, sizeof(out), &olen) &&
	       !rrb_msg_parse(RRB_FSR_PMKSA, out, olen, &(struct rrb_msg){ 0 }),
	       "PMKSA frame built and split (subtype 0xf1, SEQ needed)");
	tap_ok(!rrb_build(key_e, r0kh_mac, RRB_FSR_PMKSA, auth + 2, 2, enc, n,
			  out, sizeof(out), &olen) &&
	       rrb_msg_parse(RRB_FSR_PMKSA, out, olen, &(struct rrb_msg){ 0 }) ==
	       -EBADMSG, "PMKSA without SEQ: -EBADMSG");
	OPENSSL_cleanse(&p, sizeof(p));
}

/* FT over the DS (ds_msg.c): hostapd's struct ft_rrb_frame, by hand. */
static void test_ds(void)
{
	static const char *req_hex =
		"020000000400" "020000000300" "890d"	/* DA SA EtherType */
		"01" "00" "1300" "020000000300"		/* FT, request, 19 */
		"06" "01" "020000000000" "020000000400"	/* FT Request */
		"3603a1b200";				/* MDE */
	uint8_t want[64], fr[DS_MAX_FRAME + 8], mde[5], big[DS_MAX_IES + 1];
	struct ds_frame f;
	int n;

	unhex(req_hex, want);
	unhex("3603a1b200", mde);
	n = ds_frame_put(fr, sizeof(fr), r1kh_mac, r0kh_mac,
			 DS_PACKET_REQUEST, sta, r1kh_mac, 0, mde, 5);
	tap_ok(n == 43 && !memcmp(fr, want, 43),
	       "DS request built as hostapd's ft_rrb_frame");
	tap_ok(!ds_frame_parse(fr, 43, &f) &&
	       f.packet_type == DS_PACKET_REQUEST &&
	       !memcmp(f.ap_address, r0kh_mac, 6) && !memcmp(f.sta, sta, 6) &&
	       !memcmp(f.target_ap, r1kh_mac, 6) && f.ies_len == 5 &&
	       !memcmp(f.ies, mde, 5) && f.body_len == 19,
	       "DS request parsed: AP address, STA, target, IEs");
	tap_ok(!ds_frame_parse(fr, 60, &f) && f.ies_len == 5,
	       "DS request with Ethernet padding: action_length counts");
	n = ds_frame_put(fr, sizeof(fr), r0kh_mac, r1kh_mac,
			 DS_PACKET_RESPONSE, sta, r1kh_mac, 53, NULL, 0);
	tap_ok(n == 40 && !ds_frame_parse(fr, (size_t)n, &f) &&
	       f.packet_type == DS_PACKET_RESPONSE && f.status == 53 &&
	       f.ies_len == 0 && f.body[1] == DS_ACTION_RESPONSE &&
	       !memcmp(f.ap_address, r1kh_mac, 6),
	       "DS response: status 53, no IEs");
	fr[DS_ETH_HDR + DS_HDR + 1] = DS_ACTION_REQUEST;
	tap_ok(ds_frame_parse(fr, (size_t)n, &f) == -EBADMSG,
	       "DS response carrying an FT Request action: -EBADMSG");
	fr[DS_ETH_HDR + 2] = 14;
	fr[DS_ETH_HDR + DS_HDR + 1] = DS_ACTION_RESPONSE;
	tap_ok(ds_frame_parse(fr, (size_t)n, &f) == -EBADMSG,
	       "DS response without room for its status: -EBADMSG");

	memcpy(fr, want, 43);
	fr[DS_ETH_HDR] = 2;
	tap_ok(ds_frame_parse(fr, 43, &f) == -EPROTO,
	       "unknown frame type: -EPROTO (discarded, as hostapd)");
	memcpy(fr, want, 43);
	fr[13] = 0x0e;
	tap_ok(ds_frame_parse(fr, 43, &f) == -EPROTO, "other EtherType: -EPROTO");
	memcpy(fr, want, 43);
	fr[DS_ETH_HDR + 2] = 20;
	tap_ok(ds_frame_parse(fr, 43, &f) == -EMSGSIZE,
	       "action_length beyond the frame: -EMSGSIZE");
	tap_ok(ds_frame_parse(fr, DS_ETH_HDR + 5, &f) == -EMSGSIZE,
	       "truncated header: -EMSGSIZE");
	tap_ok(ds_frame_parse(fr, DS_MAX_FRAME + 1, &f) == -EMSGSIZE,
	       "longer than an Ethernet frame: -EMSGSIZE");
	memcpy(fr, want, 43);
	fr[DS_ETH_HDR + 2] = 13;
	tap_ok(ds_frame_parse(fr, 43, &f) == -EBADMSG,
	       "body shorter than category, action, STA, target: -EBADMSG");
	memcpy(fr, want, 43);
	fr[DS_ETH_HDR + DS_HDR] = 5;
	tap_ok(ds_frame_parse(fr, 43, &f) == -EBADMSG,
	       "category other than FT: -EBADMSG");
	memcpy(fr, want, 43);
	fr[DS_ETH_HDR + 1] = 2;
	tap_ok(ds_frame_parse(fr, 43, &f) == -EBADMSG,
	       "unknown packet type: -EBADMSG");
	memcpy(fr, want, 43);
	fr[DS_ETH_HDR + DS_HDR + 2] |= 1;
	tap_ok(ds_frame_parse(fr, 43, &f) == -EADDRNOTAVAIL,
	       "group STA address: -EADDRNOTAVAIL");
	memcpy(fr, want, 43);
	fr[6] |= 1;
	tap_ok(ds_frame_parse(fr, 43, &f) == -EADDRNOTAVAIL,
	       "group source address: -EADDRNOTAVAIL");
	memset(big, 0xdd, sizeof(big));
	tap_ok(ds_frame_put(fr, sizeof(fr), r1kh_mac, r0kh_mac,
			    DS_PACKET_REQUEST, sta, r1kh_mac, 0, big,
			    sizeof(big)) == -EMSGSIZE &&
	       ds_frame_put(fr, 40, r1kh_mac, r0kh_mac, DS_PACKET_REQUEST, sta,
			    r1kh_mac, 0, mde, 5) == -EMSGSIZE,
	       "DS frame larger than Ethernet or the buffer: -EMSGSIZE");
}

static size_t portal_plain(const struct rrb_portal *p, uint8_t *out)
{
	struct rrb_tlv t[RRB_PORTAL_TLVS];
	struct rrb_portal_buf buf;

	return tlv_list(t, rrb_portal_tlvs(p, &buf, t), out);
}

/* Overwrite the value of the first TLV of type (same length). */
static void set_tlv(uint8_t *p, size_t len, uint16_t type, const void *v,
		    size_t vl)
{
	size_t off = 0;

	while (off + 4 <= len) {
		size_t l = (size_t)(p[off + 2] | p[off + 3] << 8);

		if ((uint16_t)(p[off] | p[off + 1] << 8) == type && l == vl) {
			memcpy(p + off + 4, v, vl);
			return;
		}
		off += 4 + l;
	}
}

/* fsr's Portal roaming messages (portal_roam_msg.c): every op round
 * trip, the subtype each travels in, and every bad list refused. */
static void test_portal_msg(void)
{
	static struct rrb_portal p, q;
	uint8_t plain[1024];
	size_t len;
	uint8_t op, b4[4];

	memset(&p, 0, sizeof(p));
	p.op = RRB_PORTAL_PASS;
	memcpy(p.sta, sta, 6);
	p.ip = 0x0a4d0002;
	strcpy(p.session_id, "P0123ABCD-00000001");
	strcpy(p.user, "alice");
	len = portal_plain(&p, plain);
	tap_ok(!rrb_portal_parse(RRB_FSR_PORTAL_PASS, plain, len, &q) &&
	       q.op == RRB_PORTAL_PASS && !memcmp(q.sta, sta, 6) &&
	       q.ip == 0x0a4d0002 && !strcmp(q.session_id, p.session_id) &&
	       !strcmp(q.user, "alice") && !q.has_counters,
	       "portal PASS: round trip (station, address, session, user)");
	tap_ok(rrb_portal_subtype(RRB_PORTAL_PASS) == RRB_FSR_PORTAL_PASS &&
	       rrb_portal_subtype(RRB_PORTAL_DROP) == RRB_FSR_PORTAL_PASS &&
	       rrb_portal_subtype(RRB_PORTAL_HERE) == RRB_FSR_PORTAL_HERE &&
	       rrb_portal_subtype(RRB_PORTAL_LEFT) == RRB_FSR_PORTAL_HERE,
	       "portal: PASS and DROP go R0KH to R1KH, HERE, STATS, LEFT back");
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) ==
	       -EBADMSG,
	       "portal: a PASS in the R1KH-to-R0KH subtype is refused");

	p.op = RRB_PORTAL_LEFT;
	p.user[0] = '\0';
	p.has_counters = true;
	p.in_octets = 0x0102030405060708ull;
	p.out_octets = 5000000000ull;
	p.in_packets = 7;
	p.out_packets = 9;
	p.inactive_ms = 1234;
	len = portal_plain(&p, plain);
	tap_ok(!rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) &&
	       q.op == RRB_PORTAL_LEFT && q.has_counters &&
	       q.in_octets == p.in_octets && q.out_octets == 5000000000ull &&
	       q.in_packets == 7 && q.out_packets == 9 &&
	       q.inactive_ms == 1234 && !q.user[0],
	       "portal LEFT: the 64-bit counters and the inactivity round trip");
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_PASS, plain, len, &q) ==
	       -EBADMSG, "portal: a LEFT in the R0KH-to-R1KH subtype is refused");
	tap_ok(rrb_portal_parse(RRB_FSR_PMKSA, plain, len, &q) == -EBADMSG,
	       "portal: another subtype is refused");

	drop_tlv(plain, &len, RRB_T_FSR_INACTIVE);
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) ==
	       -EBADMSG && !q.ip, "portal: counters without the inactivity: refused, nothing kept");
	drop_tlv(plain, &len, RRB_T_FSR_COUNTERS);
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) ==
	       -EBADMSG, "portal: a LEFT without counters: refused");
	p.op = RRB_PORTAL_STATS;
	p.has_counters = false;
	len = portal_plain(&p, plain);
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) ==
	       -EBADMSG, "portal: a STATS without counters: refused");
	p.op = RRB_PORTAL_HERE;
	len = portal_plain(&p, plain);
	tap_ok(!rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) &&
	       q.op == RRB_PORTAL_HERE, "portal HERE: needs no counters");

	for (op = 0; op < 8; op += 6) {	/* 0 and 6: no such op */
		len = portal_plain(&p, plain);
		set_tlv(plain, len, RRB_T_FSR_PORTAL_OP, &op, 1);
		tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) ==
		       -EBADMSG, op ? "portal: op 6 refused" :
				      "portal: op 0 refused");
	}
	len = portal_plain(&p, plain);
	set_tlv(plain, len, RRB_T_S1KH_ID, "\x03\0\0\0\0\1", 6);
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) ==
	       -EBADMSG, "portal: a group station address refused");
	len = portal_plain(&p, plain);
	memset(b4, 0, 4);
	set_tlv(plain, len, RRB_T_FSR_IPV4, b4, 4);
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) ==
	       -EBADMSG, "portal: address 0.0.0.0 refused");
	memcpy(b4, "\xe0\0\0\1", 4);
	set_tlv(plain, len, RRB_T_FSR_IPV4, b4, 4);
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) ==
	       -EBADMSG, "portal: a multicast address refused");
	memset(b4, 0xff, 4);
	set_tlv(plain, len, RRB_T_FSR_IPV4, b4, 4);
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) ==
	       -EBADMSG, "portal: the broadcast address refused");
	len = portal_plain(&p, plain);
	drop_tlv(plain, &len, RRB_T_FSR_SESSION_ID);
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) ==
	       -EBADMSG, "portal: no session id: refused");
	len = portal_plain(&p, plain);
	set_tlv(plain, len, RRB_T_FSR_SESSION_ID, "P0123ABCD 00000001", 18);
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) ==
	       -EBADMSG, "portal: a session id with a space refused");
	len = portal_plain(&p, plain);
	drop_tlv(plain, &len, RRB_T_FSR_IPV4);
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) ==
	       -EBADMSG, "portal: no address: refused");
	len = portal_plain(&p, plain);
	drop_tlv(plain, &len, RRB_T_S1KH_ID);
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len, &q) ==
	       -EBADMSG, "portal: no station: refused");
	len = portal_plain(&p, plain);
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_HERE, plain, len - 1, &q) ==
	       -EBADMSG, "portal: a list cut short: refused");
	p.op = RRB_PORTAL_PASS;
	strcpy(p.user, "bob");
	len = portal_plain(&p, plain);
	set_tlv(plain, len, RRB_T_IDENTITY, "b\0b", 3);
	tap_ok(rrb_portal_parse(RRB_FSR_PORTAL_PASS, plain, len, &q) ==
	       -EBADMSG, "portal: a user name with a NUL refused");
	tap_ok(!strcmp(rrb_portal_op_name(RRB_PORTAL_STATS), "STATS") &&
	       !strcmp(rrb_portal_op_name(9), "?"),
	       "portal: op names, '?' for an unknown one");
}

int main(void)
{
	unhex(e_key, key_e);
	unhex("020000000400", r1kh_mac);
	unhex("020000000300", r0kh_mac);
	unhex("000102030406", r1kh_id);
	unhex("020000000000", sta);
	unhex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf", nonce);
	unhex("505152535455565758595a5b5c5d5e5f", r0name);
	test_siv();
	test_vectors();
	test_resp();
	test_bad();
	test_pull_bad();
	test_seq();
	test_revoke();
	test_pmksa_msg();
	test_portal_msg();
	test_ds();
	return tap_done();
}
