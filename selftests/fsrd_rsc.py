#!/usr/bin/env python3
"""The two sides of the GTK RSC check (selftests/fsrd_rsc.sh).

Usage:
  fsrd_rsc.py seq IFNAME KEYIDX
      The transmit sequence counter of group key KEYIDX on IFNAME as the
      kernel keeps it (nl80211 GET_KEY, NL80211_ATTR_KEY_SEQ), printed as
      a decimal PN. Exit 1 with the error when the kernel refuses.
  fsrd_rsc.py capture MONIF SECONDS
      Read radiotap frames on MONIF (hwsim0) for SECONDS and print, one
      line each as it is seen:
        m3 STA PN        EAPOL-Key message 3/4 to STA, its Key RSC field
        ftgtk STA PN     Reassociation Response with an FTE GTK
                         subelement (FT roam) to STA, the subelement's RSC
      PN is the 8-octet RSC read least significant octet first; the RSC
      is in clear text in both frames, no key is needed.
Only the Python standard library: raw netlink and packet sockets.
"""
import os
import select
import socket
import struct
import sys
import time

NETLINK_GENERIC = 16
GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2
NLM_F_REQUEST = 1
NLMSG_ERROR = 2
NL80211_CMD_GET_KEY = 9
NL80211_ATTR_IFINDEX = 3
NL80211_ATTR_KEY_IDX = 8
NL80211_ATTR_KEY_SEQ = 10
ETH_P_ALL = 3


def nla(atype, payload):
    n = 4 + len(payload)
    return struct.pack("<HH", n, atype) + payload + b"\0" * ((4 - n % 4) % 4)


def attrs(buf):
    out = {}
    pos = 0
    while pos + 4 <= len(buf):
        n, t = struct.unpack_from("<HH", buf, pos)
        if n < 4:
            break
        out[t & 0x3fff] = buf[pos + 4:pos + n]
        pos += (n + 3) & ~3
    return out


def genl(sk, family, cmd, payload, seq):
    body = struct.pack("<BBH", cmd, 1, 0) + payload
    sk.send(struct.pack("<IHHII", 16 + len(body), family, NLM_F_REQUEST,
                        seq, 0) + body)
    while True:
        data = sk.recv(65536)
        pos = 0
        while pos + 16 <= len(data):
            n, t, _, s, _ = struct.unpack_from("<IHHII", data, pos)
            if s == seq:
                if t == NLMSG_ERROR:
                    err = struct.unpack_from("<i", data, pos + 16)[0]
                    if err:
                        raise OSError(-err, os.strerror(-err))
                else:
                    return attrs(data[pos + 20:pos + n])
            pos += (n + 3) & ~3


def key_seq(ifname, idx):
    sk = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
    sk.bind((0, 0))
    a = genl(sk, GENL_ID_CTRL, CTRL_CMD_GETFAMILY,
             nla(CTRL_ATTR_FAMILY_NAME, b"nl80211\0"), 1)
    family = struct.unpack("<H", a[CTRL_ATTR_FAMILY_ID][:2])[0]
    ifindex = socket.if_nametoindex(ifname)
    a = genl(sk, family, NL80211_CMD_GET_KEY,
             nla(NL80211_ATTR_IFINDEX, struct.pack("<I", ifindex)) +
             nla(NL80211_ATTR_KEY_IDX, bytes([idx])), 2)
    return int.from_bytes(a.get(NL80211_ATTR_KEY_SEQ, b""), "little")


def mac(b):
    return ":".join("%02x" % x for x in b)


def elements(buf):
    pos = 0
    while pos + 2 <= len(buf) and pos + 2 + buf[pos + 1] <= len(buf):
        yield buf[pos], buf[pos + 2:pos + 2 + buf[pos + 1]]
        pos += 2 + buf[pos + 1]


def fte_gtk_rsc(fte):
    # MIC Control 2, MIC 16, ANonce 32, SNonce 32, then subelements;
    # GTK (id 2): Key Info 2, Key Length 1, RSC 8, Wrapped Key
    for sid, body in elements(fte[82:]):
        if sid == 2 and len(body) >= 11:
            return int.from_bytes(body[3:11], "little")
    return None


def one_frame(f):
    rt = struct.unpack_from("<H", f, 2)[0]
    w = f[rt:]
    if len(w) < 24:
        return None
    fc = struct.unpack_from("<H", w, 0)[0]
    ftype, stype = (fc >> 2) & 3, (fc >> 4) & 15
    da = mac(w[4:10])
    if ftype == 0 and stype == 3 and len(w) >= 30:
        for eid, body in elements(w[30:]):
            if eid == 55:
                rsc = fte_gtk_rsc(body)
                if rsc is not None:
                    return "ftgtk %s %d" % (da, rsc)
        return None
    if ftype != 2 or fc & 0x4000:		# data, not protected
        return None
    hl = 24 + (2 if stype & 8 else 0)
    llc = w[hl:hl + 8]
    if llc != b"\xaa\xaa\x03\x00\x00\x00\x88\x8e":
        return None
    e = w[hl + 8:]
    if len(e) < 4 + 95 or e[1] != 3:
        return None
    ki = struct.unpack_from(">H", e, 5)[0]
    # message 3/4: Pairwise, Install, Ack, MIC, Secure
    if ki & 0x03c8 == 0x03c8:
        return "m3 %s %d" % (da, int.from_bytes(e[65:73], "little"))
    return None


def capture(ifname, seconds):
    sk = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                       socket.htons(ETH_P_ALL))
    sk.bind((ifname, ETH_P_ALL))
    end = time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([sk], [], [], 0.5)
        if not r:
            continue
        line = one_frame(sk.recv(4096))
        if line:
            print(line, flush=True)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "seq":
        try:
            print(key_seq(sys.argv[2], int(sys.argv[3])))
        except OSError as e:
            print("GET_KEY: %s" % e, file=sys.stderr)
            return 1
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "capture":
        capture(sys.argv[2], float(sys.argv[3]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
