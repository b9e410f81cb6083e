// SPDX-License-Identifier: GPL-2.0-only
/* PF_PACKET socket for EtherType 0x88b7 (rrb_sock.h). */
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "drv/packet_sock.h"
#include "mobility/rrb_msg.h"
#include "mobility/rrb_sock.h"

int rrb_sock_open(int ifindex)
{
	return packet_sock_open(ifindex, RRB_ETHERTYPE);
}

int rrb_sock_send(int fd, int ifindex, const uint8_t *frame, size_t len)
{
	struct sockaddr_ll ll = {
		.sll_family = AF_PACKET,
		.sll_ifindex = ifindex,
		.sll_halen = 6,
	};

	if (len < 14)
		return -EINVAL;
	memcpy(ll.sll_addr, frame, 6);
	/* the frame's own EtherType, network order (also FT over the DS) */
	memcpy(&ll.sll_protocol, frame + 12, 2);
	if (sendto(fd, frame, len, 0, (struct sockaddr *)&ll, sizeof(ll)) < 0)
		return -errno;
	return 0;
}

ssize_t rrb_sock_recv(int fd, uint8_t *buf, size_t size)
{
	struct sockaddr_ll ll;
	socklen_t ll_len = sizeof(ll);
	ssize_t n;

	n = recvfrom(fd, buf, size, MSG_TRUNC, (struct sockaddr *)&ll,
		     &ll_len);
	if (n < 0)
		return errno == EWOULDBLOCK ? -EAGAIN : -errno;
	if (ll_len >= sizeof(ll) && ll.sll_pkttype == PACKET_OUTGOING)
		return -EXDEV;
	if ((size_t)n > size)
		return -EMSGSIZE;
	return n;
}
