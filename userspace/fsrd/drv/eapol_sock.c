// SPDX-License-Identifier: GPL-2.0-only
/* PF_PACKET EAPOL sockets, one per BSS interface, and interface up/down. */
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "drv/eapol_sock.h"
#include "drv/packet_sock.h"

#define ETH_HDR 14

int eapol_sock_open(int ifindex)
{
	return packet_sock_open(ifindex, ETH_P_PAE);
}

int eapol_sock_send(int fd, int ifindex, const uint8_t *src,
		    const uint8_t *dst, const uint8_t *buf, size_t len)
{
	struct sockaddr_ll ll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_PAE),
		.sll_ifindex = ifindex,
		.sll_halen = 6,
	};
	uint8_t frame[ETH_HDR + 2048];

	if (len > sizeof(frame) - ETH_HDR)
		return -EMSGSIZE;
	memcpy(frame, dst, 6);
	memcpy(frame + 6, src, 6);
	frame[12] = ETH_P_PAE >> 8;
	frame[13] = ETH_P_PAE & 0xff;
	memcpy(frame + ETH_HDR, buf, len);
	memcpy(ll.sll_addr, dst, 6);
	if (sendto(fd, frame, ETH_HDR + len, 0, (struct sockaddr *)&ll,
		   sizeof(ll)) < 0)
		return -errno;
	return 0;
}

ssize_t eapol_sock_recv(int fd, int ifindex, uint8_t *buf, size_t size,
			uint8_t *src, uint8_t *dst)
{
	uint8_t frame[ETH_HDR + 2048];
	struct sockaddr_ll ll;
	socklen_t ll_len = sizeof(ll);
	ssize_t n;

	n = recvfrom(fd, frame, sizeof(frame), 0, (struct sockaddr *)&ll,
		     &ll_len);
	if (n < 0)
		return -errno;
	/* the socket is bound to ifindex; this holds even if it were not */
	if (ll_len < sizeof(ll) || ll.sll_ifindex != ifindex ||
	    ll.sll_pkttype == PACKET_OUTGOING)
		return -EXDEV;
	if (n < ETH_HDR || (size_t)n - ETH_HDR > size ||
	    frame[12] != ETH_P_PAE >> 8 || frame[13] != (ETH_P_PAE & 0xff))
		return -EPROTO;
	memcpy(dst, frame, 6);
	memcpy(src, frame + 6, 6);
	memcpy(buf, frame + ETH_HDR, (size_t)n - ETH_HDR);
	return n - ETH_HDR;
}

int netif_set_up(const char *ifname, int up)
{
	struct ifreq ifr;
	int fd, err = 0;

	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
	if (ioctl(fd, SIOCGIFFLAGS, &ifr)) {
		err = -errno;
		goto out;
	}
	if (up)
		ifr.ifr_flags |= IFF_UP;
	else
		ifr.ifr_flags &= ~IFF_UP;
	if (ioctl(fd, SIOCSIFFLAGS, &ifr))
		err = -errno;
out:
	close(fd);
	return err;
}

int netif_is_up(const char *ifname)
{
	struct ifreq ifr;
	int fd, ret;

	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
	ret = ioctl(fd, SIOCGIFFLAGS, &ifr) ? -errno :
					      !!(ifr.ifr_flags & IFF_UP);
	close(fd);
	return ret;
}
