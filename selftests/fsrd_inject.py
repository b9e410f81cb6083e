#!/usr/bin/env python3
"""Craft Authentication / Association Requests on a monitor interface and
print the status code of the AP's answer (a test injector for fsrd).

Usage: fsrd_inject.py MONIF BSSID STA CASE [SSID] [R0KH-ID]
CASE is one of the names in CASES below. Prints the status code, or
"timeout" (exit 1) when no answer came. The case "assoc-retry" then
sends the same Association Request again as a retransmission (Retry bit,
same sequence control) and adds "ignored" or "answered"; "assoc-repeat"
sends it again as a new frame (next sequence number, as a client does
when its answer is late) and adds the same. "ft-auth-pmkr0name" takes the
PMKR0Name (32 hex digits) from the environment variable PMKR0NAME, the
AKM suite type from FT_AKM (default 4, FT-PSK; 3 is FT-802.1X).
"""
import os
import select
import socket
import struct
import sys
import time

ETH_P_ALL = 3
RADIOTAP = bytes([0, 0, 8, 0, 0, 0, 0, 0])   # version 0, no fields

CCMP = b"\x00\x0f\xac\x04"
TKIP = b"\x00\x0f\xac\x02"
AKM_8021X = b"\x00\x0f\xac\x01"
AKM_PSK = b"\x00\x0f\xac\x02"
AKM_FT_PSK = b"\x00\x0f\xac\x04"
MDID = bytes([0xa1, 0xb2])


def mac(s):
    return bytes(int(x, 16) for x in s.split(":"))


def elem(eid, body):
    return bytes([eid, len(body)]) + body


def rsne(group=CCMP, pairwise=CCMP, akm=AKM_PSK, version=1, pmkids=()):
    body = struct.pack("<H", version) + group
    body += struct.pack("<H", 1) + pairwise + struct.pack("<H", 1) + akm
    body += struct.pack("<H", 0)
    if pmkids:
        body += struct.pack("<H", len(pmkids)) + b"".join(pmkids)
    return elem(48, body)


def mde(mdid=MDID):
    return elem(54, mdid + b"\x00")


def fte(snonce, r0kh_id):
    body = b"\x00\x00" + bytes(16) + bytes(32) + snonce
    body += elem(3, r0kh_id)
    return elem(55, body)


def hdr(stype, da, sa, bssid):
    fc = struct.pack("<H", stype << 4)
    return fc + b"\x00\x00" + da + sa + bssid + b"\x00\x00"


RATES = elem(1, bytes([0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24]))

# name: (auth algorithm, association elements or None, FT auth elements)
CASES = {
    "ok-psk": (0, lambda s, r: elem(0, s) + RATES + rsne(), None),
    "assoc-retry": (0, lambda s, r: elem(0, s) + RATES + rsne(), None),
    "assoc-repeat": (0, lambda s, r: elem(0, s) + RATES + rsne(), None),
    "akm-8021x": (0, lambda s, r: elem(0, s) + RATES + rsne(akm=AKM_8021X),
                  None),
    "pairwise-tkip": (0, lambda s, r: elem(0, s) + RATES +
                      rsne(pairwise=TKIP), None),
    "group-tkip": (0, lambda s, r: elem(0, s) + RATES + rsne(group=TKIP),
                   None),
    "rsne-truncated": (0, lambda s, r: elem(0, s) + RATES +
                       elem(48, b"\x01\x00\x00\x0f"), None),
    "rsne-version-2": (0, lambda s, r: elem(0, s) + RATES +
                       rsne(version=2), None),
    "no-rsne": (0, lambda s, r: elem(0, s) + RATES, None),
    "wrong-ssid": (0, lambda s, r: elem(0, b"other") + RATES + rsne(), None),
    "ft-no-mde": (0, lambda s, r: elem(0, s) + RATES +
                  rsne(akm=AKM_FT_PSK), None),
    "ft-bad-mde": (0, lambda s, r: elem(0, s) + RATES +
                   rsne(akm=AKM_FT_PSK) + mde(b"\x12\x34"), None),
    "auth-shared-key": (1, None, None),
    "ft-auth-unknown-pmkr0name": (2, None, lambda s, r:
                                  rsne(akm=AKM_FT_PSK,
                                       pmkids=[os.urandom(16)]) +
                                  mde() + fte(os.urandom(32), r)),
    # PMKR0Name from the environment: a real one, of another station's
    # FT initial mobility-domain association (fsrd_ft_scope.sh)
    "ft-auth-pmkr0name": (2, None, lambda s, r:
                          rsne(akm=b"\x00\x0f\xac" +
                               bytes([int(os.environ.get("FT_AKM", "4"))]),
                               pmkids=[bytes.fromhex(
                                   os.environ["PMKR0NAME"])]) +
                          mde() + fte(os.urandom(32), r)),
    "ft-auth-bad-mde": (2, None, lambda s, r:
                        rsne(akm=AKM_FT_PSK, pmkids=[os.urandom(16)]) +
                        mde(b"\x12\x34") + fte(os.urandom(32), r)),
}


def wait_for(sock, stype, sta, bssid, timeout):
    end = time.monotonic() + timeout
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return None
        if not select.select([sock], [], [], left)[0]:
            return None
        pkt = sock.recv(4096)
        if len(pkt) < 4:
            continue
        rtlen = struct.unpack_from("<H", pkt, 2)[0]
        f = pkt[rtlen:]
        if len(f) < 24:
            continue
        fc = struct.unpack_from("<H", f, 0)[0]
        if (fc >> 2) & 3 != 0 or (fc >> 4) & 0xf != stype:
            continue
        if f[4:10] != sta or f[10:16] != bssid:
            continue
        return f[24:]


def exchange(sock, frame, stype, sta, bssid):
    for _ in range(3):
        sock.send(RADIOTAP + frame)
        body = wait_for(sock, stype, sta, bssid, 2.0)
        if body is not None:
            return body
    return None


def main():
    if len(sys.argv) < 5 or sys.argv[4] not in CASES:
        sys.stderr.write(__doc__)
        return 2
    monif, bssid, sta, case = sys.argv[1], mac(sys.argv[2]), \
        mac(sys.argv[3]), sys.argv[4]
    ssid = (sys.argv[5] if len(sys.argv) > 5 else "fsrd-inject").encode()
    r0kh = (sys.argv[6] if len(sys.argv) > 6 else "r0kh").encode()
    alg, assoc_ies, ft_ies = CASES[case]

    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                         socket.htons(ETH_P_ALL))
    sock.bind((monif, ETH_P_ALL))
    auth = hdr(11, bssid, sta, bssid) + struct.pack("<HHH", alg, 1, 0)
    if ft_ies:
        auth += ft_ies(ssid, r0kh)
    body = exchange(sock, auth, 11, sta, bssid)
    if body is None:
        print("timeout")
        return 1
    status = struct.unpack_from("<H", body, 4)[0]
    if status or assoc_ies is None:
        print(status)
        return 0
    req = hdr(0, bssid, sta, bssid) + struct.pack("<HH", 0x0431, 10)
    req += assoc_ies(ssid, r0kh)
    body = exchange(sock, req, 1, sta, bssid)
    if body is None:
        print("timeout")
        return 1
    status = struct.unpack_from("<H", body, 2)[0]
    if case not in ("assoc-retry", "assoc-repeat"):
        print(status)
        return 0
    retry = bytearray(req)
    if case == "assoc-retry":
        retry[1] |= 0x08        # a MAC retransmission: Retry bit
    else:
        retry[22] = 0x10        # a new frame: the next sequence number
    sock.send(RADIOTAP + bytes(retry))
    again = wait_for(sock, 1, sta, bssid, 2.0)
    print(status, "answered" if again is not None else "ignored")
    return 0


if __name__ == "__main__":
    sys.exit(main())
