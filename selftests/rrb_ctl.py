#!/usr/bin/env python3
# Print one counter of fsrd's R0KH/R1KH key transport (bss_show on the
# control socket: bss[].ft.rrb) for an interface; "none" if absent.
# Usage: rrb_ctl.py SOCKET IFACE NAME
import json
import socket
import sys

s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(5)
s.connect(sys.argv[1])
s.sendall(b'{"cmd":"bss_show"}\n')
buf = b""
while not buf.endswith(b"\n"):
    c = s.recv(65536)
    if not c:
        break
    buf += c
r = json.loads(buf)
for b in r.get("bss", []):
    if b.get("ifname") == sys.argv[2]:
        print(b.get("ft", {}).get("rrb", {}).get(sys.argv[3], "none"))
        sys.exit(0)
print("none")
