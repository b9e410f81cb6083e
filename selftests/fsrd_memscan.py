#!/usr/bin/env python3
"""Count where keys still sit in a process's memory.

Usage: fsrd_memscan.py PID HEX...
Reads every readable mapping of PID (/proc/PID/maps, /proc/PID/mem) and
prints, for each HEX key (e.g. a TK as a client logged it), "HEX N" with
N the number of places it was found. Exit 1 when a mapping cannot be read
at all. A key wiped after use is found 0 times.
"""
import sys


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    pid = int(sys.argv[1])
    keys = [bytes.fromhex(k) for k in sys.argv[2:]]
    counts = [0] * len(keys)
    read_any = False
    with open("/proc/%d/maps" % pid) as maps, \
            open("/proc/%d/mem" % pid, "rb", 0) as mem:
        for line in maps:
            f = line.split()
            if "r" not in f[1] or (len(f) > 5 and f[5] == "[vvar]"):
                continue
            lo, hi = (int(x, 16) for x in f[0].split("-"))
            try:
                mem.seek(lo)
                data = mem.read(hi - lo)
            except (OSError, ValueError, OverflowError):
                continue
            read_any = True
            for i, k in enumerate(keys):
                counts[i] += data.count(k)
    for k, n in zip(sys.argv[2:], counts):
        print(k, n)
    return 0 if read_any else 1


if __name__ == "__main__":
    sys.exit(main())
