#!/usr/bin/env python3
"""Frames from where they must not be accepted (selftests/fsrd_ingress.sh).

Usage:
  fsrd_ingress.py eapol IFNAME SRC DST start|logoff N
      Send N EAPOL-Start or EAPOL-Logoff frames (802.1X-2004, version 2)
      out of the Ethernet interface IFNAME, from SRC to DST.
  fsrd_ingress.py sniff MONIF SECONDS ADDR...
      Count the Authentication and (Re)Association Response frames seen
      on MONIF (radiotap, e.g. hwsim0) for SECONDS whose receiver address
      (addr1) is one of ADDR; print "ready" once capturing, then at the
      end "ADDR N" for each (also when stopped by SIGTERM).
  fsrd_ingress.py auth MONIF BSSID SA N
      Inject N Open System Authentication requests from SA to BSSID on
      the monitor interface MONIF, 20 ms apart.
Only the Python standard library (raw packet sockets).
"""
import select
import signal
import socket
import struct
import sys
import time

ETH_P_ALL = 3
ETH_P_PAE = 0x888e
TYPES = {"start": 1, "logoff": 2}


def mac(s):
    return bytes(int(x, 16) for x in s.split(":"))


def send_eapol(ifname, src, dst, kind, n):
    sk = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    sk.bind((ifname, 0))
    frame = mac(dst) + mac(src) + struct.pack(">H", ETH_P_PAE)
    frame += struct.pack(">BBH", 2, TYPES[kind], 0)
    frame += bytes(60 - len(frame))     # minimum Ethernet payload
    for _ in range(n):
        sk.send(frame)
        time.sleep(0.05)


def sniff(ifname, seconds, addrs):
    want = {mac(a): 0 for a in addrs}
    sk = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                       socket.htons(ETH_P_ALL))
    sk.bind((ifname, ETH_P_ALL))
    print("ready", flush=True)
    end = time.time() + seconds
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    while time.time() < end and not stop:
        try:
            if not select.select([sk], [], [], 0.2)[0]:
                continue
            pkt = sk.recv(4096)
        except InterruptedError:
            continue
        if len(pkt) < 4:
            continue
        f = pkt[struct.unpack_from("<H", pkt, 2)[0]:]
        if len(f) < 10 or f[4:10] not in want:
            continue
        fc = struct.unpack_from("<H", f, 0)[0]
        if (fc >> 2) & 3 == 0 and (fc >> 4) & 15 in (1, 3, 11):
            want[f[4:10]] += 1
    for a in addrs:
        print(a, want[mac(a)])


def auth_burst(ifname, bssid, sa, n):
    sk = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                       socket.htons(ETH_P_ALL))
    sk.bind((ifname, ETH_P_ALL))
    radiotap = bytes([0, 0, 8, 0, 0, 0, 0, 0])
    for i in range(n):
        hdr = struct.pack("<HH", 0x00b0, 0) + mac(bssid) + mac(sa) + \
            mac(bssid) + struct.pack("<H", (i & 0xfff) << 4)
        sk.send(radiotap + hdr + struct.pack("<HHH", 0, 1, 0))
        time.sleep(0.02)


def main():
    a = sys.argv
    if len(a) == 7 and a[1] == "eapol" and a[5] in TYPES:
        send_eapol(a[2], a[3], a[4], a[5], int(a[6]))
        return 0
    if len(a) == 6 and a[1] == "auth":
        auth_burst(a[2], a[3], a[4], int(a[5]))
        return 0
    if len(a) >= 5 and a[1] == "sniff":
        sniff(a[2], float(a[3]), a[4:])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
