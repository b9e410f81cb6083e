// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over the location-server link's message codec
 * (userspace/fsrd/nmsp/nmsp_msg.c): whatever a location server sends
 * reaches nmsp_hdr_parse and nmsp_msg_parse. A message taken is encoded
 * again from what was decoded and must decode to the same fields (the
 * encoder never writes what the decoder refuses), and every RSSI entry
 * it counted is read back.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nmsp/nmsp_msg.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void reencode(const struct nmsp_msg *m)
{
	static const uint16_t u8s[] = { NMSP_T_VERSION_MIN, NMSP_T_VERSION_MAX,
		NMSP_T_VERSION, NMSP_T_SERVICE, NMSP_T_THRESHOLD,
		NMSP_T_EVENT };
	const uint8_t v8[] = { m->version_min, m->version_max, m->version,
		m->service, m->threshold_db, m->event };
	uint8_t buf[NMSP_MAX_MSG];
	struct nmsp_rssi r;
	struct nmsp_out o;
	struct nmsp_msg b;
	size_t i;
	int n;

	nmsp_begin(&o, buf, sizeof(buf), m->hdr.type, m->hdr.seq);
	for (i = 0; i < sizeof(u8s) / sizeof(u8s[0]); i++)
		if (m->have & (1u << u8s[i]))
			nmsp_put_u8(&o, u8s[i], v8[i]);
	if (m->have & (1u << NMSP_T_MAC))
		nmsp_put(&o, NMSP_T_MAC, m->mac, 6);
	if (m->have & (1u << NMSP_T_BSSID))
		nmsp_put(&o, NMSP_T_BSSID, m->bssid, 6);
	if (m->have & (1u << NMSP_T_OLD_BSSID))
		nmsp_put(&o, NMSP_T_OLD_BSSID, m->old_bssid, 6);
	if (m->have & (1u << NMSP_T_NAME))
		nmsp_put_str(&o, NMSP_T_NAME, m->name);
	if (m->have & (1u << NMSP_T_TEXT))
		nmsp_put_str(&o, NMSP_T_TEXT, m->text);
	if (m->have & (1u << NMSP_T_STATUS))
		nmsp_put_u16(&o, NMSP_T_STATUS, m->status);
	if (m->have & (1u << NMSP_T_SERVICES))
		nmsp_put_u32(&o, NMSP_T_SERVICES, m->services);
	if (m->have & (1u << NMSP_T_INTERVAL))
		nmsp_put_u32(&o, NMSP_T_INTERVAL, m->interval_ms);
	if (m->have & (1u << NMSP_T_TIMESTAMP))
		nmsp_put_u64(&o, NMSP_T_TIMESTAMP, m->timestamp);
	for (i = 0; i < m->n_entries; i++) {
		nmsp_rssi_get(m, i, &r);
		nmsp_put_rssi(&o, &r);
	}
	n = nmsp_end(&o);
	CHECK(n >= NMSP_HDR_LEN);
	CHECK(nmsp_msg_parse(buf, (size_t)n, &b) == 0);
	CHECK(b.have == m->have && b.n_entries == m->n_entries);
	CHECK(b.status == m->status && b.timestamp == m->timestamp);
	CHECK(!strcmp(b.name, m->name) && !strcmp(b.text, m->text));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nmsp_msg m;
	struct nmsp_hdr h;
	int err;

	err = nmsp_hdr_parse(data, size, &h);
	CHECK(!err || err == -EAGAIN || err == -EPROTO ||
	      err == -EPROTONOSUPPORT || err == -EMSGSIZE);
	err = nmsp_msg_parse(data, size, &m);
	CHECK(!err || err == -EAGAIN || err == -EPROTO ||
	      err == -EPROTONOSUPPORT || err == -EMSGSIZE ||
	      err == -ENOMSG || err == -EBADMSG);
	if (err)
		return 0;
	CHECK(m.hdr.length <= NMSP_MAX_BODY);
	CHECK(strlen(m.name) <= NMSP_NAME_MAX && strlen(m.text) <= NMSP_TEXT_MAX);
	reencode(&m);
	return 0;
}
