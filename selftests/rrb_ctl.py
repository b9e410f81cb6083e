#!/usr/bin/env python3
# Print one counter of fsrd's R0KH/R1KH key transport (bss_show on the
# control socket: bss[].ft.rrb), or of another object of bss[].ft (OBJ:
# ds, FT over the DS) for an interface; "none" if absent.
# Usage: rrb_ctl.py SOCKET IFACE NAME [OBJ]
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
        obj = sys.argv[4] if len(sys.argv) > 4 else "rrb"
        print(b.get("ft", {}).get(obj, {}).get(sys.argv[3], "none"))
        sys.exit(0)
print("none")
