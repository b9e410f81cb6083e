#!/usr/bin/env python3
"""Print a key's transmit sequence as nl80211 reports it.

Usage: nl80211_key_seq.py IFNAME KEYIDX [STA]

Sends NL80211_CMD_GET_KEY (no MAC address: the group key KEYIDX of the
interface, as hostapd does to fill the RSC of a GTK; with STA: that
station's pairwise key KEYIDX) and prints NL80211_ATTR_KEY_SEQ as hex,
least significant octet first ("" when the key has no sequence). Exit
status 1 with the error when the kernel refuses (ENOENT: no such key).
Only the Python standard library: a raw generic-netlink socket.
"""
import os
import socket
import struct
import sys

NETLINK_GENERIC = 16
GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2
NLM_F_REQUEST = 1
NLM_F_ACK = 4
NLMSG_ERROR = 2
NLMSG_DONE = 3
# include/uapi/linux/nl80211.h
NL80211_CMD_GET_KEY = 9
NL80211_ATTR_IFINDEX = 3
NL80211_ATTR_KEY_IDX = 8
NL80211_ATTR_KEY_SEQ = 10
NL80211_ATTR_MAC = 6


def attr(atype, payload):
    a = struct.pack("<HH", 4 + len(payload), atype) + payload
    return a + bytes((4 - len(a) % 4) % 4)


def attrs(buf):
    out = {}
    pos = 0
    while pos + 4 <= len(buf):
        alen, atype = struct.unpack_from("<HH", buf, pos)
        if alen < 4:
            break
        out.setdefault(atype & 0x3fff, buf[pos + 4:pos + alen])
        pos += (alen + 3) & ~3
    return out


def talk(sock, family, cmd, payload, seq):
    body = struct.pack("<BBH", cmd, 1, 0) + payload
    msg = struct.pack("<IHHII", 16 + len(body), family,
                      NLM_F_REQUEST | NLM_F_ACK, seq, 0) + body
    sock.send(msg)
    reply = None
    while True:
        data = sock.recv(65536)
        pos = 0
        while pos + 16 <= len(data):
            mlen, mtype, _, _, _ = struct.unpack_from("<IHHII", data, pos)
            if mtype == NLMSG_ERROR:
                err = struct.unpack_from("<i", data, pos + 16)[0]
                if err:
                    raise OSError(-err, os.strerror(-err))
                return reply
            if mtype == NLMSG_DONE:
                return reply
            if reply is None:
                reply = attrs(data[pos + 20:pos + mlen])
            pos += (mlen + 3) & ~3


def main():
    if len(sys.argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    ifindex = socket.if_nametoindex(sys.argv[1])
    keyidx = int(sys.argv[2])
    sta = b""
    if len(sys.argv) == 4:
        sta = attr(NL80211_ATTR_MAC,
                   bytes.fromhex(sys.argv[3].replace(":", "")))
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
    sock.bind((0, 0))
    fam = talk(sock, GENL_ID_CTRL, CTRL_CMD_GETFAMILY,
               attr(CTRL_ATTR_FAMILY_NAME, b"nl80211\0"), 1)
    family = struct.unpack("<H", fam[CTRL_ATTR_FAMILY_ID][:2])[0]
    try:
        key = talk(sock, family, NL80211_CMD_GET_KEY,
                   attr(NL80211_ATTR_IFINDEX, struct.pack("<I", ifindex)) +
                   attr(NL80211_ATTR_KEY_IDX, struct.pack("<B", keyidx)) +
                   sta, 2)
    except OSError as e:
        print("GET_KEY: %s" % e, file=sys.stderr)
        return 1
    print((key or {}).get(NL80211_ATTR_KEY_SEQ, b"").hex())
    return 0


if __name__ == "__main__":
    sys.exit(main())
