// SPDX-License-Identifier: GPL-2.0-only
/*
 * FT over the DS on the wire (mobility.h): a PF_PACKET socket for
 * EtherType 0x890d on the rrb_interface of each BSS with ft_over_ds and
 * peers; frames for the BSS's address go to ap/ft_ds.c.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "ap/bss.h"
#include "ap/ft_ds.h"
#include "core/evloop.h"
#include "core/log.h"
#include "drv/packet_sock.h"
#include "mobility/ds_msg.h"
#include "mobility/mob_priv.h"
#include "mobility/rrb_sock.h"

bool mobility_is_peer(const struct fsrd_bss *b, const uint8_t *addr)
{
	struct mob_bss *m = mob_find(b);
	size_t i;

	if (!m || (addr[0] & 1) || mob_addr_is_zero(addr))
		return false;
	mob_learned_expire(m);
	for (i = 0; i < MOB_RKH_MAX; i++)
		if ((m->r0[i].used && !memcmp(m->r0[i].k.addr, addr, 6)) ||
		    (m->r1[i].used && !memcmp(m->r1[i].k.addr, addr, 6)))
			return true;
	return false;
}

int mobility_ds_send(struct fsrd_bss *b, const uint8_t *frame, size_t len)
{
	struct mob_bss *m = mob_find(b);

	if (!m || m->ds_fd < 0)
		return -ENOTCONN;
	return rrb_sock_send(m->ds_fd, m->ifindex, frame, len);
}

static void ds_rx_one(struct mob_bss *m, const uint8_t *buf, size_t len)
{
	struct ft_ds_counters *c = &m->b->ds;
	struct ds_frame f;
	int ret;

	/* for another station of the segment: not ours to look at */
	if (len < DS_ETH_HDR || memcmp(buf, m->b->addr, 6))
		return;
	ret = ds_frame_parse(buf, len, &f);
	if (ret == -EPROTO)
		return;	/* another frame type: hostapd discards it too */
	if (ret) {
		char mac[MACSTR_LEN];

		c->rx_malformed++;
		log_warn_rl("%s: FT over the DS frame of %zu octets from %s refused: %s",
			    m->b->conf->ifname, len,
			    fsrd_mac_str(buf + 6, mac), strerror(-ret));
		return;
	}
	ft_ds_rx_frame(m->b, &f);
}

static void ds_rx_ready(int fd, void *arg)
{
	struct mob_bss *m = arg;
	uint8_t buf[DS_MAX_FRAME + 1];
	unsigned int n;

	(void)fd;
	/* a bounded batch per wake-up: the event loop serves the rest */
	for (n = 0; n < 64; n++) {
		ssize_t len = rrb_sock_recv(m->ds_fd, buf, sizeof(buf));

		if (len == -EAGAIN)
			break;
		if (len == -EMSGSIZE) {
			m->b->ds.rx_malformed++;
			log_warn_rl("%s: FT over the DS frame longer than %d octets refused",
				    m->b->conf->ifname, DS_MAX_FRAME);
			continue;
		}
		if (len < 0)
			continue;
		ds_rx_one(m, buf, (size_t)len);
	}
}

int mob_ds_open(struct mob_bss *m)
{
	int ret;

	m->ds_fd = -1;
	if (!m->b->conf->ft_over_ds)
		return 0;
	m->ds_fd = packet_sock_open(m->ifindex, DS_ETHERTYPE);
	if (m->ds_fd < 0) {
		ret = m->ds_fd;
		m->ds_fd = -1;
		return ret;
	}
	ret = ev_add_fd(m->ds_fd, ds_rx_ready, m);
	if (ret) {
		close(m->ds_fd);
		m->ds_fd = -1;
	}
	return ret;
}

void mob_ds_close(struct mob_bss *m)
{
	if (m->ds_fd < 0)
		return;
	ev_del_fd(m->ds_fd);
	close(m->ds_fd);
	m->ds_fd = -1;
}
