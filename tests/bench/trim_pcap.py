#!/usr/bin/python3
"""Copy the packets of a pcap file whose timestamps fall in [FROM, TO]
(seconds since the epoch, decimals allowed) into a new pcap file. Used once
to cut data/ft-roam-hostapd.pcap out of a benchmark capture (see
data/README.md); the tests do not run it.

    trim_pcap.py IN.pcap OUT.pcap FROM TO
"""
import struct
import sys


def main():
    src, dst, t0, t1 = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
    with open(src, "rb") as f:
        data = f.read()
    magic = data[:4]
    if magic == b"\xd4\xc3\xb2\xa1":
        end, scale = "<", 1e-6
    elif magic == b"\x4d\x3c\xb2\xa1":
        end, scale = "<", 1e-9
    else:
        sys.exit("not a little-endian pcap file")
    out = [data[:24]]
    off = 24
    while off + 16 <= len(data):
        sec, frac, incl, orig = struct.unpack(end + "IIII", data[off:off + 16])
        t = sec + frac * scale
        if t0 <= t <= t1:
            out.append(data[off:off + 16 + incl])
        off += 16 + incl
    with open(dst, "wb") as f:
        f.write(b"".join(out))


if __name__ == "__main__":
    main()
