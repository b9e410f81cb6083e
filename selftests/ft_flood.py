#!/usr/bin/env python3
"""A burst of spoofed FT frames, for the fast path's bounds (fsr_flood.sh).

Usage: ft_flood.py MONIF BSSID R0KH MDID MODE N [STA R0NAME PMKR1]

MONIF, BSSID, R0KH, MDID as for ft_inject.py. MODE:

  auth-random     N FT Authentication requests, each from a new random
                  (unicast, locally administered) address
  reassoc-random  N FT Reassociation Requests (RSNE, MDE, FTE) from random
                  addresses
  reassoc-sta     an FT Authentication for STA (whose PMK-R1, from R0NAME
                  and PMKR1, fsr.ko holds), then N Reassociation Requests
                  from STA with a wrong MIC, as fast as they go out: one
                  exchange, many copies

Prints "auth=STATUS" for reassoc-sta, then "sent=N seconds=T".
"""
import os
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ft_inject  # noqa: E402


def random_sta():
    a = bytearray(os.urandom(6))
    a[0] = (a[0] & 0xfc) | 0x02
    return bytes(a)


def main():
    if len(sys.argv) not in (7, 10):
        sys.stderr.write(__doc__)
        return 2
    monif, bssid, r0kh, mdid, mode, n = sys.argv[1:7]
    n = int(n)
    if mode == "reassoc-sta":
        sta, r0name, pmk = sys.argv[7:10]
    else:
        sta, r0name, pmk = "02:00:00:00:00:01", "00" * 16, "00" * 32
    st = ft_inject.Station([monif, bssid, sta, bssid, r0kh, r0name, pmk,
                            mdid, "flood"])
    st.open()
    frames = []
    if mode == "reassoc-sta":
        status = st.auth()
        print("auth=%s" % ("timeout" if status is None else status))
        if status != 0:
            return 1
        req = st.reassoc_frame(bad_mic=True)
        frames = [req] * n
    elif mode in ("auth-random", "reassoc-random"):
        for _ in range(n):
            st.sta = random_sta()
            st.r0name = os.urandom(16)
            st.snonce = os.urandom(32)
            if mode == "auth-random":
                frames.append(st.auth_frame())
            else:
                frames.append(st.reassoc_frame())
    else:
        sys.stderr.write(__doc__)
        return 2
    t0 = time.monotonic()
    sent = 0
    for f in frames:
        try:
            st.sock.send(ft_inject.RADIOTAP + f)
            sent += 1
        except BlockingIOError:
            pass
        except OSError:
            time.sleep(0.001)
    print("sent=%d seconds=%.2f" % (sent, time.monotonic() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
