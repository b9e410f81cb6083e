#!/usr/bin/env python3
"""Configure fsr.ko's fast path on AP interfaces, and add stations the way
an AP daemon does, for selftests that run many BSSes without fsrd.

Usage:
  fsr_ap.py ft MDID TAIL_HEX IFNAME...
      attach each IFNAME to fsr.ko (if it is not yet) and configure its FT
      fast path with FSR_CMD_BSS_SET: enabled, MDE (MDID: 4 hex digits as
      on the wire), the interface's address as R1KH-ID, an FT-PSK/CCMP
      RSNE, AID pool 17-32, deadline 1000 ms, a random GTK with index 1,
      and the response tail TAIL_HEX ("" for none: elements the
      Reassociation Response carries after the FTE; they also say which
      capabilities the BSS runs, HT/VHT/HE operation)
  fsr_ap.py sta MAC AID IFNAME...
      NL80211_CMD_NEW_STATION: MAC authenticated and associated with AID
      on each IFNAME, as hostapd or fsrd add a station after an
      association

Exit status 0, or 1 with the kernel's error. Only the Python standard
library: raw generic-netlink sockets; the fsr numbers are read from
uapi/linux/fsr.h, the nl80211 ones are stable uapi values.
"""
import os
import re
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
NLA_F_NESTED = 0x8000
# include/uapi/linux/nl80211.h
NL80211_CMD_NEW_STATION = 19
NL80211_ATTR_IFINDEX = 3
NL80211_ATTR_MAC = 6
NL80211_ATTR_STA_AID = 16
NL80211_ATTR_STA_LISTEN_INTERVAL = 18
NL80211_ATTR_STA_SUPPORTED_RATES = 19
NL80211_ATTR_STA_FLAGS2 = 67
NL80211_STA_FLAG_AUTHENTICATED = 5
NL80211_STA_FLAG_ASSOCIATED = 7

HERE = os.path.dirname(os.path.abspath(__file__))
FSR_H = os.path.join(HERE, "..", "uapi", "linux", "fsr.h")


def fsr_enums():
    """Every enumerator of uapi/linux/fsr.h with its value."""
    src = re.sub(r"/\*.*?\*/", "", open(FSR_H).read(), flags=re.S)
    out = {}
    for body in re.findall(r"enum \w+ \{(.*?)\};", src, re.S):
        val = -1
        for item in body.split(","):
            item = item.strip()
            if not item:
                continue
            if "=" in item:
                name, expr = (x.strip() for x in item.split("=", 1))
                expr = re.sub(r"[A-Z_][A-Z0-9_]*",
                              lambda m: str(out[m.group(0)]), expr)
                val = eval(expr, {"__builtins__": {}})  # digits, +, - only
            else:
                name = item
                val += 1
            out[name] = val
    return out


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


class Genl:
    def __init__(self):
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                                  NETLINK_GENERIC)
        self.sock.bind((0, 0))
        self.seq = 0

    def talk(self, family, cmd, version, payload):
        self.seq += 1
        body = struct.pack("<BBH", cmd, version, 0) + payload
        self.sock.send(struct.pack("<IHHII", 16 + len(body), family,
                                   NLM_F_REQUEST | NLM_F_ACK, self.seq, 0)
                       + body)
        reply = None
        while True:
            data = self.sock.recv(65536)
            pos = 0
            while pos + 16 <= len(data):
                mlen, mtype = struct.unpack_from("<IH", data, pos)
                if mtype == NLMSG_ERROR:
                    err = struct.unpack_from("<i", data, pos + 16)[0]
                    if err:
                        raise OSError(-err, os.strerror(-err))
                    return reply
                if reply is None:
                    reply = attrs(data[pos + 20:pos + mlen])
                pos += (mlen + 3) & ~3

    def family(self, name):
        r = self.talk(GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1,
                      attr(CTRL_ATTR_FAMILY_NAME, name.encode() + b"\0"))
        return struct.unpack("<H", r[CTRL_ATTR_FAMILY_ID][:2])[0]


def cmd_ft(nl, ifname, mdid, tail_hex):
    r1kh = open("/sys/class/net/%s/address" % ifname).read().strip()
    e = fsr_enums()
    fam = nl.family("fsr")
    ifindex = socket.if_nametoindex(ifname)
    try:
        nl.talk(fam, e["FSR_CMD_BSS_ATTACH"], 1,
                attr(e["FSR_A_IFINDEX"], struct.pack("<I", ifindex)))
    except OSError as err:
        if err.errno != 17:  # EEXIST: attached already
            raise
    # FT-PSK, CCMP-128 group and pairwise
    rsne = bytes([48, 20, 1, 0, 0, 0x0f, 0xac, 4, 1, 0, 0, 0x0f, 0xac, 4,
                  1, 0, 0, 0x0f, 0xac, 4, 0, 0])
    head = bytes([1, 8, 0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24])
    ft = b"".join([
        attr(e["FSR_FT_A_ENABLE"], b"\x01"),
        attr(e["FSR_FT_A_MDE"], bytes([54, 3]) + bytes.fromhex(mdid) +
             b"\x01"),
        attr(e["FSR_FT_A_R1KH_ID"], bytes.fromhex(r1kh.replace(":", ""))),
        attr(e["FSR_FT_A_RSNE"], rsne),
        attr(e["FSR_FT_A_CAPAB"], struct.pack("<H", 0x0401)),
        attr(e["FSR_FT_A_RESP_IES_HEAD"], head),
        attr(e["FSR_FT_A_RESP_IES_TAIL"], bytes.fromhex(tail_hex)),
        attr(e["FSR_FT_A_AID_MIN"], struct.pack("<H", 17)),
        attr(e["FSR_FT_A_AID_MAX"], struct.pack("<H", 32)),
        attr(e["FSR_FT_A_DEADLINE_MS"], struct.pack("<I", 1000)),
        attr(e["FSR_FT_A_GTK"], os.urandom(16)),
        attr(e["FSR_FT_A_GTK_IDX"], b"\x01"),
    ])
    nl.talk(fam, e["FSR_CMD_BSS_SET"], 1,
            attr(e["FSR_A_IFINDEX"], struct.pack("<I", ifindex)) +
            attr(e["FSR_A_FT"] | NLA_F_NESTED, ft))


def cmd_sta(nl, ifname, mac, aid):
    fam = nl.family("nl80211")
    flags = (1 << NL80211_STA_FLAG_AUTHENTICATED) | \
        (1 << NL80211_STA_FLAG_ASSOCIATED)
    nl.talk(fam, NL80211_CMD_NEW_STATION, 0, b"".join([
        attr(NL80211_ATTR_IFINDEX,
             struct.pack("<I", socket.if_nametoindex(ifname))),
        attr(NL80211_ATTR_MAC, bytes.fromhex(mac.replace(":", ""))),
        attr(NL80211_ATTR_STA_AID, struct.pack("<H", int(aid))),
        attr(NL80211_ATTR_STA_LISTEN_INTERVAL, struct.pack("<H", 10)),
        attr(NL80211_ATTR_STA_SUPPORTED_RATES,
             bytes([0x82, 0x84, 0x8b, 0x96])),
        attr(NL80211_ATTR_STA_FLAGS2, struct.pack("<II", flags, flags)),
    ]))


def main():
    args = sys.argv[1:]
    try:
        if len(args) >= 4 and args[0] == "ft":
            nl = Genl()
            for ifname in args[3:]:
                cmd_ft(nl, ifname, args[1], args[2])
        elif len(args) >= 4 and args[0] == "sta":
            nl = Genl()
            for ifname in args[3:]:
                cmd_sta(nl, ifname, args[1], args[2])
        else:
            sys.stderr.write(__doc__)
            return 2
    except OSError as err:
        sys.stderr.write("fsr_ap.py %s: %s\n" % (" ".join(args), err))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
