#!/usr/bin/env python3
"""Bad R0KH/R1KH (RRB, EtherType 0x88b7) frames on the wire, for
selftests/fsrd_mobility.sh and fsrd_mobility_pull.sh. An independent
sender (raw AF_PACKET, python3-cryptography's AES-SIV): nothing here
shares code with fsrd.

Usage: rrb_inject.py IFACE DST CASE [ARGS]

IFACE  where the frames go out (the distribution system)
DST    the target BSS (fsrd's BSSID)
CASE   wrongkey SRC R0KH-ID R1KH-ID   a PUSH from a configured peer's
                                      address, sealed with another key
       unknown-r0kh R1KH-ID           a PUSH naming an R0KH-ID nobody
                                      configured, from a made-up address
       unknown-r1kh R0KH-ID           a SEQ_REQ naming this fsrd's R0KH-ID
                                      and an R1KH-ID it does not know
       truncated SRC                  a PUSH cut inside its auth TLVs
       oversized SRC                  a frame longer than an Ethernet MTU
                                      (the path's MTU must allow it)
       badtlv SRC                     an auth TLV longer than the list
       replay PCAP                    the 0x88b7 PUSH frames of a capture
                                      (tcpdump -w), sent again as they were
       pull-unknown R0KH-ID           a PULL from a made-up address naming
                                      an R1KH-ID nobody configured
       pull-wrongkey SRC R0KH-ID R1KH-ID
                                      a PULL from a configured peer's
                                      address, sealed with another key
       resp-stray SRC R0KH-ID R1KH-ID a RESP whose nonce answers no PULL
       pull-flood R0KH-ID N           N PULLs from made-up addresses and
                                      R1KH-IDs
       portal-wrongkey SRC R0KH-ID R1KH-ID
                                      fsr's Portal PASS (subtype 0xf2) from
                                      a configured peer's address, sealed
                                      with another key
       portal-unknown R0KH-ID         fsr's Portal HERE (0xf3) to that
                                      anchor from a made-up address and
                                      R1KH-ID
"""
import os
import socket
import struct
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESSIV

OUI = bytes.fromhex("0013740001")


def mac(s):
    return bytes.fromhex(s.replace(":", ""))


def tlv(t, v):
    return struct.pack("<HH", t, len(v)) + v


def payload(key, src, subtype, auth, plain):
    if 2 + len(auth) + 16 + len(plain) < 64:
        pad = max(4, 64 - (2 + len(auth) + 16 + len(plain)))
        auth += struct.pack("<HH", 0, pad - 4) + bytes(pad - 4)
    if plain:
        sealed = AESSIV(key).encrypt(plain, [src, auth, bytes([subtype])])
        # cryptography puts the SIV first, as RFC 5297 and hostapd do
    else:
        # python3-cryptography refuses an empty plaintext; these frames
        # are refused before their SIV is looked at anyway
        sealed = os.urandom(16)
    return struct.pack("<H", len(auth)) + auth + sealed


def frame(dst, src, subtype, body):
    return dst + src + b"\x88\xb7" + OUI + bytes([subtype]) + body


def push(key, src, r0kh, r1kh, seq):
    auth = (tlv(1, struct.pack("<III", 0x1235, seq, 1)) +
            tlv(4, r0kh) + tlv(5, r1kh))
    plain = (tlv(6, bytes.fromhex("020000000099")) + tlv(7, bytes(16)) +
             tlv(10, bytes(32)) + tlv(9, bytes(16)) +
             tlv(11, struct.pack("<H", 0x10)))
    return payload(key, src, 3, auth, plain)


def pull(key, src, r0kh, r1kh, seq):
    auth = (tlv(2, os.urandom(16)) +
            tlv(1, struct.pack("<III", 0x1235, seq, 1)) +
            tlv(4, r0kh) + tlv(5, r1kh))
    plain = tlv(7, bytes(16)) + tlv(6, bytes.fromhex("020000000099"))
    return payload(key, src, 1, auth, plain)


def portal(key, src, subtype, r0kh, r1kh, seq, op):
    auth = (tlv(1, struct.pack("<III", 0x1235, seq, 1)) +
            tlv(4, r0kh) + tlv(5, r1kh))
    plain = (tlv(0xf010, bytes([op])) +
             tlv(6, bytes.fromhex("020000000099")) +
             tlv(0xf011, bytes([10, 77, 0, 99])) +
             tlv(0xf012, b"P00000000-00000001"))
    return payload(key, src, subtype, auth, plain)


def pcap_frames(path):
    data = open(path, "rb").read()
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic in (0xa1b2c3d4, 0xa1b23c4d) else ">"
    off = 24
    while off + 16 <= len(data):
        incl = struct.unpack(end + "I", data[off + 8:off + 12])[0]
        pkt = data[off + 16:off + 16 + incl]
        off += 16 + incl
        if pkt[12:14] == b"\x88\xb7" and pkt[14:19] == OUI and pkt[19] == 3:
            yield pkt


def main():
    ifname, dst, case = sys.argv[1], mac(sys.argv[2]), sys.argv[3]
    args = sys.argv[4:]
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((ifname, 0))
    frames = []
    if case == "wrongkey":
        src = mac(args[0])
        frames.append(frame(dst, src, 3, push(os.urandom(32), src,
                                              args[1].encode(),
                                              mac(args[2]), 7)))
    elif case == "unknown-r0kh":
        src = mac("02:00:00:00:7e:01")
        frames.append(frame(dst, src, 3, push(os.urandom(32), src,
                                              b"rogue.example",
                                              mac(args[0]), 7)))
    elif case == "unknown-r1kh":
        src = mac("02:00:00:00:7e:02")
        auth = (tlv(2, os.urandom(16)) + tlv(4, args[0].encode()) +
                tlv(5, mac("02:00:00:00:7e:02")))
        frames.append(frame(dst, src, 4,
                            payload(os.urandom(32), src, 4, auth, b"")))
    elif case == "truncated":
        src = mac(args[0])
        body = push(os.urandom(32), src, b"x", mac(args[0]), 1)
        frames.append(frame(dst, src, 3, body[:20]))
    elif case == "oversized":
        src = mac(args[0])
        body = push(os.urandom(32), src, b"x", mac(args[0]), 1)
        frames.append(frame(dst, src, 3, body + bytes(1540 - len(body))))
    elif case == "badtlv":
        src = mac(args[0])
        body = bytearray(push(os.urandom(32), src, b"x", mac(args[0]), 1))
        body[4:6] = struct.pack("<H", 0x7fff)   # the SEQ TLV's length
        frames.append(frame(dst, src, 3, bytes(body)))
    elif case == "pull-unknown":
        src = mac("02:00:00:00:7e:03")
        frames.append(frame(dst, src, 1, pull(os.urandom(32), src,
                                              args[0].encode(), src, 7)))
    elif case == "pull-wrongkey":
        src = mac(args[0])
        frames.append(frame(dst, src, 1, pull(os.urandom(32), src,
                                              args[1].encode(),
                                              mac(args[2]), 7)))
    elif case == "resp-stray":
        src = mac(args[0])
        auth = (tlv(2, os.urandom(16)) +
                tlv(1, struct.pack("<III", 0x1235, 7, 1)) +
                tlv(4, args[1].encode()) + tlv(5, mac(args[2])))
        plain = tlv(6, bytes.fromhex("020000000099"))
        frames.append(frame(dst, src, 2,
                            payload(os.urandom(32), src, 2, auth, plain)))
    elif case == "pull-flood":
        for i in range(int(args[1])):
            src = mac("02:00:00:00:7f:%02x" % (i & 0xff))
            frames.append(frame(dst, src, 1, pull(os.urandom(32), src,
                                                  args[0].encode(), src,
                                                  i)))
    elif case == "portal-wrongkey":
        src = mac(args[0])
        frames.append(frame(dst, src, 0xf2,
                            portal(os.urandom(32), src, 0xf2,
                                   args[1].encode(), mac(args[2]), 7, 1)))
    elif case == "portal-unknown":
        src = mac("02:00:00:00:7e:04")
        frames.append(frame(dst, src, 0xf3,
                            portal(os.urandom(32), src, 0xf3,
                                   args[0].encode(), src, 7, 3)))
    elif case == "replay":
        frames = [bytes(p) for p in pcap_frames(args[0]) if p[:6] == dst]
    else:
        sys.exit("unknown case " + case)
    for f in frames:
        s.send(f)
    print("sent %d" % len(frames))


main()
