#!/usr/bin/env python3
"""Bad FT over the DS frames (hostapd's remote request broker frames,
EtherType 0x890d) on the wire, for selftests/fsrd_mobility_ds.sh. An
independent sender (raw AF_PACKET): nothing here shares code with fsrd.

Usage: ds_inject.py IFACE DST CASE ARGS

IFACE  where the frames go out (the distribution system)
DST    the BSS the frames are addressed to
CASE   req-unknown STA            an FT Request from an address that is
                                  no configured peer
       req-other-target SRC STA   an FT Request from a peer naming
                                  another target AP
       req-ap-address SRC STA     an FT Request whose AP address is not
                                  its sender's
       resp-stray SRC STA         an FT Response (status 0) answering no
                                  request
       truncated SRC STA          action_length beyond the frame
       req-flood SRC N            N FT Requests from a peer for made-up
                                  stations, with no elements
"""
import os
import socket
import struct
import sys


def mac(s):
    return bytes.fromhex(s.replace(":", ""))


def frame(dst, src, ptype, ap, sta, target, body_extra=b"", alen=None):
    action = 1 if ptype == 0 else 2
    body = bytes([6, action]) + sta + target + body_extra
    if alen is None:
        alen = len(body)
    return (dst + src + b"\x89\x0d" + bytes([1, ptype]) +
            struct.pack("<H", alen) + ap + body)


# an FT Request's elements: RSNE with a PMKID, MDE a1b2, an FTE with an
# SNonce and R0KH-ID; the PMKID names no key, so a target refuses it
RSNE = bytes.fromhex("30260100000fac040100000fac040100000fac0400000100") + \
    bytes(16)
MDE = bytes.fromhex("3603a1b201")
FTE = bytes([55, 82 + 2 + 15]) + bytes(2 + 16 + 32) + os.urandom(32) + \
    bytes([3, 15]) + b"ap1.lab.example"


def main():
    ifname, dst, case = sys.argv[1], mac(sys.argv[2]), sys.argv[3]
    args = sys.argv[4:]
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((ifname, 0))
    out = []
    if case == "req-unknown":
        src = mac("02:00:00:00:99:01")
        out.append(frame(dst, src, 0, src, mac(args[0]), dst,
                         RSNE + MDE + FTE))
    elif case == "req-other-target":
        src = mac(args[0])
        out.append(frame(dst, src, 0, src, mac(args[1]), src,
                         RSNE + MDE + FTE))
    elif case == "req-ap-address":
        src = mac(args[0])
        out.append(frame(dst, src, 0, mac("02:00:00:00:99:02"),
                         mac(args[1]), dst, RSNE + MDE + FTE))
    elif case == "resp-stray":
        src = mac(args[0])
        out.append(frame(dst, src, 1, src, mac(args[1]), src,
                         struct.pack("<H", 0) + RSNE + MDE + FTE))
    elif case == "truncated":
        src = mac(args[0])
        out.append(frame(dst, src, 0, src, mac(args[1]), dst, MDE,
                         alen=200))
    elif case == "req-flood":
        src = mac(args[0])
        for i in range(int(args[1])):
            sta = bytes([2, 0, 0, 0x77, i >> 8, i & 0xff])
            out.append(frame(dst, src, 0, src, sta, dst))
    else:
        sys.exit("unknown case " + case)
    for f in out:
        s.send(f)
    print("sent %d frame(s)" % len(out))


main()
