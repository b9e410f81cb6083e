// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over fsrd's RRB decoder (userspace/fsrd/mobility/
 * rrb_msg.c, rrb_siv.c): every frame a host on the distribution system
 * sends to fsrd's R0KH/R1KH socket goes through rrb_frame_parse,
 * rrb_msg_parse, rrb_msg_open and, for PUSH and RESP, rrb_keys_parse,
 * for PULL rrb_pull_parse, for fsr's PMKSA message rrb_pmksa_parse
 * (mobility/pmksa_msg.c), for fsr's Portal roaming messages
 * rrb_portal_parse (mobility/portal_roam_msg.c).
 *
 * The same frame also goes through ds_frame_parse (mobility/ds_msg.c):
 * FT over the DS frames come from the same wire (EtherType 0x890d).
 *
 * Input: [selector][Ethernet frame]. Selector bit 0 set: before the
 * frame is opened the harness seals its encrypted part again, as the
 * peer holding the fixed key would (the bytes after the SIV taken as
 * plaintext), so the fuzzer reaches the decrypted TLVs.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mobility/ds_msg.h"
#include "mobility/pmksa_msg.h"
#include "mobility/portal_roam_msg.h"
#include "mobility/rrb_msg.h"
#include "mobility/rrb_siv.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

static const uint8_t key[32] = {
	0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27,
	0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
	0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37,
	0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t plain[RRB_MAX_PAYLOAD];
	static uint8_t again[DS_MAX_FRAME];
	struct ds_frame ds;
	struct rrb_frame f;
	struct rrb_msg m;
	struct rrb_keys k;
	uint8_t *buf, *enc;
	size_t pl, len;
	int ret;

	if (size < 1)
		return 0;
	len = size - 1;
	/* an exact-size copy: a read past the end is an ASan report */
	buf = malloc(len ? len : 1);
	if (!buf)
		return 0;
	memcpy(buf, data + 1, len);
	if (!ds_frame_parse(buf, len, &ds)) {
		/* everything it points at lies inside the frame */
		CHECK(ds.body == buf + DS_ETH_HDR + DS_HDR &&
		      ds.body + ds.body_len <= buf + len &&
		      ds.ies + ds.ies_len == ds.body + ds.body_len &&
		      ds.body_len >= DS_BODY_MIN && !(ds.sta[0] & 1));
		/* and it is built again the same */
		CHECK(ds_frame_put(again, sizeof(again), ds.dst, ds.src,
				   ds.packet_type, ds.sta, ds.target_ap,
				   ds.status, ds.ies, ds.ies_len) ==
		      (int)(DS_ETH_HDR + DS_HDR + ds.body_len));
		if (!memcmp(ds.src, ds.ap_address, 6))
			CHECK(!memcmp(again, buf, DS_ETH_HDR + DS_HDR +
				      ds.body_len));
	}
	if (rrb_frame_parse(buf, len, &f))
		goto out;
	CHECK(f.payload >= buf && f.payload + f.payload_len == buf + len);
	if (rrb_msg_parse(f.subtype, f.payload, f.payload_len, &m))
		goto out;
	CHECK(m.auth >= f.payload && m.enc + m.enc_len == buf + len);
	CHECK(m.r0kh_id_len >= 1 && m.r0kh_id_len <= RRB_R0KH_ID_MAX);
	CHECK(m.enc_len >= RRB_SIV_LEN);
	if (data[0] & 1) {
		enc = (uint8_t *)m.enc;
		pl = m.enc_len - RRB_SIV_LEN;
		memcpy(plain, enc + RRB_SIV_LEN, pl);
		CHECK(!rrb_siv_seal(key, f.src, m.auth, m.auth_len, f.subtype,
				    plain, pl, enc));
	}
	ret = rrb_msg_open(&m, key, f.src, plain, sizeof(plain), &pl);
	if (data[0] & 1)
		CHECK(!ret && pl == m.enc_len - RRB_SIV_LEN);
	if (ret)
		goto out;
	if (f.subtype == RRB_PUSH || f.subtype == RRB_RESP) {
		if (!rrb_keys_parse(plain, pl, &k) && k.have_pmk_r1)
			CHECK(k.pmk_r1_len == 32 || k.pmk_r1_len == 48);
	} else if (f.subtype == RRB_PULL) {
		struct rrb_pull_req r;

		/* both fields lie inside what was decrypted */
		if (!rrb_pull_parse(plain, pl, &r))
			CHECK(pl >= 2 * 4 + RRB_NAME_LEN + 6);
	} else if (f.subtype == RRB_FSR_PMKSA) {
		static struct rrb_pmksa p;

		if (!rrb_pmksa_parse(plain, pl, &p))
			CHECK(p.ssid_len >= 1 && p.ssid_len <= 32 &&
			      p.life_s && !(p.spa[0] & 1) && !(p.aa[0] & 1) &&
			      p.attrs.n_class <= EAP_RELAY_CLASS_MAX &&
			      strlen(p.attrs.user_name) <= EAP_RELAY_USER_MAX &&
			      (!p.attrs.vlan_id || p.attrs.vlan_id <= 4094));
	} else if (f.subtype == RRB_FSR_PORTAL_PASS ||
		   f.subtype == RRB_FSR_PORTAL_HERE) {
		struct rrb_portal p;

		if (!rrb_portal_parse(f.subtype, plain, pl, &p))
			CHECK(p.op >= RRB_PORTAL_PASS &&
			      p.op <= RRB_PORTAL_LEFT && !(p.sta[0] & 1) &&
			      p.ip && p.ip < 0xe0000000u &&
			      strlen(p.session_id) >= 1 &&
			      strlen(p.session_id) <= PORTAL_ROAM_ID_MAX &&
			      rrb_portal_subtype(p.op) == f.subtype &&
			      (p.op < RRB_PORTAL_STATS || p.has_counters));
	}
out:
	free(buf);
	return 0;
}
