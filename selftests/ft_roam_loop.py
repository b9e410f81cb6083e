#!/usr/bin/env python3
"""Roam fresh FT-PSK stations to one BSS, one after another, for
fsr_teardown_stress.sh: ft_inject.py's "ok" case in a loop, in one process
(starting Python costs seconds under TCG).

Usage: ft_roam_loop.py MONIF BSSID R0KH MDID FSRCTL DIR

Runs while DIR/roaming exists. Before each roam it reads DIR/ns, the
namespace the BSS is in now, pushes a PMK-R1 for a new station address
there ("ip netns exec NS FSRCTL pmk add"), plays the station (ft_inject's
"ok" case: FT Authentication, Reassociation, MIC and GTK checked) and
appends "NS STA OUTPUT" to DIR/roams. A namespace that is going away makes
the push or the exchange fail; the loop goes on with the next station.
"""
import contextlib
import io
import os
import subprocess
import sys
import time

import ft_inject


def roam(monif, bssid, r0kh, mdid, fsrctl, ns, n):
    sta = "02:00:00:%02x:%02x:%02x" % (n >> 16 & 0xff, n >> 8 & 0xff,
                                       n & 0xff)
    argv = [monif, bssid, sta, bssid, r0kh, os.urandom(16).hex(),
            os.urandom(32).hex(), mdid, "ok"]
    st = ft_inject.Station(argv)
    push = subprocess.run(
        ["ip", "netns", "exec", ns, fsrctl, "pmk", "add", "sta", sta,
         "r1name", st.r1name.hex(), "r0name", argv[5], "r0kh", r0kh,
         "r1kh", bssid, "akm", "ft-psk", "lifetime", "600", "key", "-"],
        input=argv[6] + "\n", capture_output=True, text=True, check=False)
    if push.returncode != 0:
        time.sleep(0.5)
        return sta, "push-failed"
    sys.argv = ["ft_inject.py"] + argv
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            ft_inject.main()
        except OSError as e:
            print("error=%s" % e.errno)
    return sta, out.getvalue().strip()


def main():
    if len(sys.argv) != 7:
        sys.stderr.write(__doc__)
        return 2
    monif, bssid, r0kh, mdid, fsrctl, work = sys.argv[1:]
    n = 0
    while os.path.exists(os.path.join(work, "roaming")):
        n += 1
        try:
            with open(os.path.join(work, "ns")) as f:
                ns = f.read().strip()
        except OSError:
            ns = "none"
        sta, got = roam(monif, bssid, r0kh, mdid, fsrctl, ns, n)
        with open(os.path.join(work, "roams"), "a") as f:
            f.write("%s %s %s\n" % (ns, sta, got))
    return 0


if __name__ == "__main__":
    sys.exit(main())
