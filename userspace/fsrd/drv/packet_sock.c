// SPDX-License-Identifier: GPL-2.0-only
/* One-EtherType PF_PACKET sockets (packet_sock.h). */
#include <errno.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <sys/socket.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "drv/packet_sock.h"

int packet_sock_open(int ifindex, uint16_t ethertype)
{
	/* ldh [12]; jeq ethertype; ret all / ret 0 */
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 12),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ethertype, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0xffff),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_fprog prog = {
		.len = sizeof(code) / sizeof(code[0]),
		.filter = code,
	};
	/* ETH_P_ALL, not the EtherType: the socket sees the frames of this
	 * interface before a bridge takes them */
	struct sockaddr_ll ll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_ALL),
		.sll_ifindex = ifindex,
	};
	int fd, one = 1;

	if (ifindex <= 0)
		return -EINVAL;
	/* protocol 0: nothing is queued before the filter and the bind */
	fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -errno;
	/* our own transmissions (and frames a bridge forwards out of the
	 * interface) are not input */
	if (setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog,
		       sizeof(prog)) ||
	    setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one,
		       sizeof(one)) ||
	    bind(fd, (struct sockaddr *)&ll, sizeof(ll))) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}
