#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""A portal server's side of the Portal protocol, written in the test from
the published packet layout (docs/portal.md; China Mobile v1 and Huawei
v2 with its MD5 Authenticator), independent of fsrd's code. One action
per run; prints one line per answer and exits 0 when the AC answered as
the action expects, 1 otherwise, 2 on a timeout.

  portal_client.py [-v 1|2] [-s SECRET] [-a 127.0.0.1:2000] IP chap USER PASS
  portal_client.py ... IP pap USER PASS
  portal_client.py ... IP logout
  portal_client.py ... IP auth-no-challenge USER   (REQ_AUTH, no challenge)
  portal_client.py ... IP challenge                (REQ_CHALLENGE only)
  portal_client.py ... IP resend-auth USER PASS    (PAP REQ_AUTH twice)
  portal_client.py ... IP silent-challenge          (expects no answer)
  portal_client.py ... IP raw HEX                   (any bytes, expects none)
  portal_client.py ... IP info                      (REQ_INFO; prints
      "info up=KB down=KB port=PORT", exits 0 on ErrCode 0)
  portal_client.py ... IP heartbeat                 (one NTF_HEARTBEAT,
      UserIP 0.0.0.0 whatever IP says; expects no answer)
  portal_client.py ... [-n PORT] IP ntf             (waits for the AC's
      NTF_LOGOUT of IP on the notification port, checks it, answers
      ACK_NTF_LOGOUT; prints "ntf err=E text=T")
"""
import argparse
import hashlib
import os
import socket
import struct
import sys

REQ_CHALLENGE, ACK_CHALLENGE, REQ_AUTH, ACK_AUTH = 1, 2, 3, 4
REQ_LOGOUT, ACK_LOGOUT, AFF_ACK_AUTH = 5, 6, 7
NTF_LOGOUT, ACK_NTF_LOGOUT = 8, 14
NTF_HEARTBEAT = 15
REQ_INFO, ACK_INFO = 9, 10
A_UP_FLUX, A_DOWN_FLUX, A_PORT = 6, 7, 8
A_USERNAME, A_PASSWORD, A_CHALLENGE, A_CHAP_PW, A_TEXT = 1, 2, 3, 4, 5


def build(ver, typ, chap, serial, reqid, ip, err, attrs, secret,
          req_auth=None):
    body = b"".join(bytes([t, len(v) + 2]) + v for t, v in attrs)
    head = struct.pack("!BBBBHH4sHBB", ver, typ, chap, 0, serial, reqid,
                       socket.inet_aton(ip), 0, err, len(attrs))
    if ver == 1:
        return head + body
    auth = hashlib.md5(head + (req_auth or bytes(16)) + body +
                       secret).digest()
    return head + auth + body


def parse(pkt, ver, secret, req_auth):
    hl = 16 if ver == 1 else 32
    if len(pkt) < hl:
        raise ValueError("answer shorter than its header")
    (v, typ, chap, _rsv, serial, reqid, _ip, _port, err,
     n) = struct.unpack("!BBBBHH4sHBB", pkt[:16])
    if v != ver:
        raise ValueError("answer of version %d" % v)
    if ver == 2:
        want = hashlib.md5(pkt[:16] + req_auth + pkt[32:] +
                           secret).digest()
        if want != pkt[16:32]:
            raise ValueError("answer with a wrong response Authenticator")
    attrs, off = {}, hl
    for _ in range(n):
        t, ln = pkt[off], pkt[off + 1]
        attrs.setdefault(t, pkt[off + 2:off + ln])
        off += ln
    if off != len(pkt):
        raise ValueError("answer with bytes after its attributes")
    return typ, serial, reqid, err, attrs


class Portal:
    def __init__(self, args):
        self.a = args
        host, port = args.ac.rsplit(":", 1)
        self.ac = (host, int(port))
        self.s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.s.bind((args.bind, 0))
        self.s.settimeout(args.timeout)
        self.secret = args.secret.encode()
        self.serial = int.from_bytes(os.urandom(2), "big") | 1

    def send(self, typ, chap, reqid, attrs, raw=None):
        self.serial = (self.serial + 1) & 0xffff
        pkt = raw or build(self.a.version, typ, chap, self.serial, reqid,
                           self.a.ip, 0, attrs, self.secret)
        self.last = pkt
        self.s.sendto(pkt, self.ac)
        return pkt

    def resend(self):
        self.s.sendto(self.last, self.ac)

    def answer(self):
        pkt, _ = self.s.recvfrom(4096)
        req_auth = self.last[16:32] if self.a.version == 2 else None
        typ, serial, reqid, err, attrs = parse(pkt, self.a.version,
                                               self.secret, req_auth)
        if serial != self.serial:
            raise ValueError("answer with SerialNo %d, sent %d" %
                             (serial, self.serial))
        text = attrs.get(A_TEXT, b"").decode(errors="replace")
        print("type=%d err=%d reqid=%d text=%s" % (typ, err, reqid,
                                                     text or "-"))
        self.raw_answer = pkt
        return typ, reqid, err, attrs


def ntf(a):
    """The portal side of an AC-initiated logout."""
    secret = a.secret.encode()
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((a.bind, a.notify_port))
    s.settimeout(a.timeout)
    print("listening", flush=True)
    while True:
        pkt, src = s.recvfrom(4096)
        hl = 16 if a.version == 1 else 32
        if len(pkt) < hl:
            raise ValueError("NTF shorter than its header")
        (v, typ, chap, _rsv, serial, reqid, ip, _port, err,
         n) = struct.unpack("!BBBBHH4sHBB", pkt[:16])
        if typ != NTF_LOGOUT or socket.inet_ntoa(ip) != a.ip:
            continue
        if v != a.version:
            raise ValueError("NTF_LOGOUT of version %d" % v)
        if v == 2:
            want = hashlib.md5(pkt[:16] + bytes(16) + pkt[32:] +
                               secret).digest()
            if want != pkt[16:32]:
                raise ValueError("NTF_LOGOUT with a wrong Authenticator")
        attrs, off = {}, hl
        for _ in range(n):
            t, ln = pkt[off], pkt[off + 1]
            attrs.setdefault(t, pkt[off + 2:off + ln])
            off += ln
        text = attrs.get(A_TEXT, b"").decode(errors="replace")
        print("ntf err=%d text=%s" % (err, text or "-"), flush=True)
        ack = build(v, ACK_NTF_LOGOUT, chap, serial, reqid, a.ip, 0, [],
                    secret, pkt[16:32] if v == 2 else None)
        s.sendto(ack, src)
        return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", "--version", type=int, default=2)
    ap.add_argument("-s", "--secret", default="portal-secret")
    ap.add_argument("-a", "--ac", default="127.0.0.1:2000")
    ap.add_argument("-b", "--bind", default="127.0.0.1")
    ap.add_argument("-t", "--timeout", type=float, default=10)
    ap.add_argument("-n", "--notify-port", type=int, default=50100)
    ap.add_argument("ip")
    ap.add_argument("action")
    ap.add_argument("rest", nargs="*")
    a = ap.parse_args()
    if a.action == "ntf":
        try:
            return ntf(a)
        except socket.timeout:
            print("timeout: no NTF_LOGOUT")
            return 2
        except (ValueError, IndexError) as e:
            print("bad NTF_LOGOUT: %s" % e)
            return 1
    p = Portal(a)
    try:
        if a.action == "chap":
            user, pw = a.rest
            p.send(REQ_CHALLENGE, 0, 0, [])
            typ, reqid, err, attrs = p.answer()
            if typ != ACK_CHALLENGE or err != 0:
                return 1
            ch = attrs[A_CHALLENGE]
            chap = hashlib.md5(bytes([reqid & 0xff]) + pw.encode() +
                               ch).digest()
            p.send(REQ_AUTH, 0, reqid, [(A_USERNAME, user.encode()),
                                        (A_CHAP_PW, chap)])
            typ, _, err, _ = p.answer()
            if typ != ACK_AUTH:
                return 1
            if err == 0:
                p.send(AFF_ACK_AUTH, 0, reqid, [])
            return 0 if err == 0 else 1
        if a.action in ("pap", "resend-auth"):
            user, pw = a.rest
            p.send(REQ_AUTH, 1, 0, [(A_USERNAME, user.encode()),
                                    (A_PASSWORD, pw.encode())])
            typ, reqid, err, _ = p.answer()
            if a.action == "resend-auth":
                first = p.raw_answer
                p.resend()
                p.answer()
                same = p.raw_answer == first
                print("same answer" if same else "a different answer")
                if not same:
                    return 1
            if typ == ACK_AUTH and err == 0:
                p.send(AFF_ACK_AUTH, 1, reqid, [])
            return 0 if typ == ACK_AUTH and err == 0 else 1
        if a.action == "logout":
            p.send(REQ_LOGOUT, 0, 0, [])
            typ, _, err, _ = p.answer()
            return 0 if typ == ACK_LOGOUT and err == 0 else 1
        if a.action == "auth-no-challenge":
            p.send(REQ_AUTH, 0, 0x1234, [(A_USERNAME, a.rest[0].encode()),
                                         (A_CHAP_PW, bytes(16))])
            typ, _, err, _ = p.answer()
            return 0 if typ == ACK_AUTH and err == 0 else 1
        if a.action == "challenge":
            p.send(REQ_CHALLENGE, 0, 0, [])
            typ, _, err, _ = p.answer()
            return 0 if typ == ACK_CHALLENGE and err == 0 else 1
        if a.action == "info":
            p.send(REQ_INFO, 0, 0, [])
            typ, _, err, attrs = p.answer()
            if typ != ACK_INFO or err != 0:
                return 1
            up = int.from_bytes(attrs.get(A_UP_FLUX, bytes(8)), "big")
            down = int.from_bytes(attrs.get(A_DOWN_FLUX, bytes(8)), "big")
            port = attrs.get(A_PORT, b"").decode(errors="replace")
            print("info up=%d down=%d port=%s" % (up, down, port))
            return 0
        if a.action == "heartbeat":
            p.a.ip = "0.0.0.0"
            p.send(NTF_HEARTBEAT, 0, 0, [])
            try:
                p.answer()
            except socket.timeout:
                print("heartbeat sent")
                return 0
            return 1
        if a.action in ("silent-challenge", "raw"):
            if a.action == "raw":
                p.send(0, 0, 0, [], raw=bytes.fromhex(a.rest[0]))
            else:
                p.send(REQ_CHALLENGE, 0, 0, [])
            try:
                p.answer()
            except socket.timeout:
                print("no answer")
                return 0
            return 1
    except socket.timeout:
        print("timeout: no answer from the AC")
        return 2
    except (ValueError, KeyError, IndexError) as e:
        print("bad answer: %s" % e)
        return 1
    print("unknown action %s" % a.action, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
