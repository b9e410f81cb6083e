#!/usr/bin/env python3
# fsrd's control socket under abuse (selftests/fsrd_ctl.sh): every bad
# request gets {"ok":false,"error":...}, an oversize line is answered and
# the connection closed, the client limit holds, and fsrd keeps serving.
# Usage: fsrd_ctl.py SOCKET  -- prints "PASS name" / "FAIL name" lines
# (the shell test turns them into TAP) and "# ..." diagnostics.
import json
import socket
import sys
import time

SOCK = sys.argv[1]
n = 0
failed = 0


def tap(cond, name, diag=None):
    global n, failed
    n += 1
    if not cond:
        failed += 1
    print(("PASS " if cond else "FAIL ") + name)
    if not cond and diag is not None:
        print("# " + str(diag).replace("\n", "\n# "))


def conn():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(5)
    s.connect(SOCK)
    return s


def readline(s):
    buf = b""
    while not buf.endswith(b"\n"):
        c = s.recv(65536)
        if not c:
            break
        buf += c
    return buf


def ask(s, raw):
    s.sendall(raw)
    line = readline(s)
    try:
        return json.loads(line)
    except ValueError:
        return {"unparsable": line.decode(errors="replace")}


def is_error(r, text=None):
    return (r.get("ok") is False and isinstance(r.get("error"), str) and
            (text is None or text in r["error"]))


s = conn()
cases = [
    (b"hello\n", "malformed JSON", "not JSON"),
    (b"{\"cmd\":\"station_show\"\n", "malformed JSON", "truncated object"),
    (b"\x00\x01\xfe\xff\n", "malformed JSON", "binary bytes"),
    (b"[1,2,3]\n", "JSON object", "an array"),
    (b"{\"cmd\":42}\n", "cmd", "a numeric cmd"),
    (b"{\"cmd\":\"shutdown\"}\n", "unknown command", "an unknown command"),
    (b"{\"cmd\":\"station_show\",\"addr\":\"zz:00:00:00:00:00\"}\n",
     "invalid MAC", "a bad MAC"),
    (b"{\"cmd\":\"station_show\",\"addr\":\"02:00:00:00:00:00\"}\n",
     "no station", "an unknown station"),
    (b"{\"cmd\":\"bss_show\",\"bss\":\"nosuch0\"}\n", "no BSS",
     "an unknown BSS"),
    (b"{\"cmd\":\"ping\",\"extra\":true}\n", "unknown member",
     "an unknown member"),
]
for raw, text, what in cases:
    r = ask(s, raw)
    tap(is_error(r, text), "control socket: %s gets an error (%s)" %
        (what, text), r)
r = ask(s, b"{\"cmd\":\"ping\"}\n")
tap(r.get("ok") is True, "control socket: the same connection still works", r)
# two requests in one write, then one split across writes
s.sendall(b"{\"cmd\":\"ping\"}\n{\"cmd\":\"bss_show\"}\n")
a = json.loads(readline(s))
b = json.loads(readline(s)) if a else {}
tap(a.get("ok") is True and isinstance(b.get("bss"), list),
    "control socket: two pipelined requests, two replies in order", (a, b))
s.sendall(b"{\"cmd\":")
time.sleep(0.2)
r = ask(s, b"\"ping\"}\n")
tap(r.get("ok") is True, "control socket: a request split across writes", r)
s.close()

# oversize: answered, then the connection is closed
s = conn()
s.sendall(b"{\"cmd\":\"ping\",\"pad\":\"" + b"x" * 8000)
line = readline(s)
try:
    r = json.loads(line)
except ValueError:
    r = {"unparsable": line}
rest = b""
try:
    rest = s.recv(100)
except OSError:
    pass
tap(is_error(r, "too long") and rest == b"",
    "control socket: an oversize request is refused and the connection closed",
    (r, rest))
s.close()

# a client that goes away in the middle of a request
s = conn()
s.sendall(b"{\"cmd\":\"sta")
s.close()

# the client limit: 8 at once, the 9th is told and closed
held = [conn() for _ in range(8)]
for h in held:
    r = ask(h, b"{\"cmd\":\"ping\"}\n")
    if r.get("ok") is not True:
        break
tap(r.get("ok") is True, "control socket: 8 clients at once", r)
x = conn()
line = readline(x)
tap(b"too many control clients" in line,
    "control socket: a 9th client is refused with a message", line)
x.close()
for h in held:
    h.close()
time.sleep(0.3)
r = ask(conn(), b"{\"cmd\":\"ping\"}\n")
tap(r.get("ok") is True and isinstance(r.get("pid"), int),
    "control socket: fsrd answers after all of it", r)
print("# python checks: %d, failed %d" % (n, failed))
sys.exit(1 if failed else 0)
