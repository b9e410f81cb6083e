#!/usr/bin/env python3
"""A location server for fsrd's NMSP-style link (docs/nmsp.md), for the lab.

Usage: nmsp_ls.py PORT CASE [CERT KEY] [MAC] [SECONDS]

Connects to 127.0.0.1:PORT and plays CASE, printing one line per result:

  init CERT KEY MAC        TLS with the certificate, INIT_REQ as MAC:
                           "init=ok" or "close=STATUS"
  events CERT KEY MAC S    init, SUBSCRIBE station events, client RSSI
                           and probe RSSI (every second, threshold 0),
                           INFO for a station that is nowhere, then for
                           S seconds (line-buffered) one line per event
                           "event=N sta=MAC bssid=MAC old=MAC", per RSSI
                           entry "rssi sta=MAC bssid=MAC rssi=DBM ch=N",
                           per probe RSSI entry "probe sta=..." (the
                           same fields), per INFO answer "info status=N
                           sta=MAC [bssid=MAC [rssi=DBM]]", "close=N"
                           for fsrd's CLOSE; a station is
                           asked about (INFO) when it associates and
                           again at its first RSSI entry; ECHO_REQ is
                           answered
  serve CERT KEY MAC S     client mode: listen on 127.0.0.1:PORT for S
                           seconds, take one connection as the TLS
                           server with CERT, print "accepted", then as
                           events (INIT as MAC, subscriptions, one line
                           per message) until fsrd closes or S is over;
                           "no-connection" when none came
  nocert MAC               TLS without a client certificate, INIT_REQ:
                           "close=STATUS"
  plain                    plain TCP (an HTTP request): "closed" when fsrd
                           drops it without answering
  tls11 CERT KEY           TLS 1.1 only: "handshake=failed" or "=ok"
  before-init CERT KEY     a SUBSCRIBE before INIT_REQ: "close=STATUS"
  oversized CERT KEY       a header announcing 65536 octets: "close=STATUS"
  truncated CERT KEY       an INIT_REQ whose MAC TLV announces 6 octets
                           and holds 3 (the header's length is the
                           body's): "close=STATUS"

Only the Python standard library (ssl, socket, struct).
"""
import socket
import ssl
import struct
import sys
import time
import warnings

# TLS 1.1 is offered on purpose (case tls11)
warnings.filterwarnings("ignore", category=DeprecationWarning)

T_MAC, T_VMIN, T_VMAX, T_NAME, T_STATUS = 1, 2, 3, 4, 5
T_SERVICE, T_INTERVAL, T_EVENT, T_BSSID, T_OLD, T_TS = 9, 10, 13, 14, 15, 8
T_THRESHOLD, T_RSSI = 11, 12
INIT_REQ, INIT_RESP, SUB_REQ, SUB_RESP, EVENT_NTF, CLOSE = 1, 2, 5, 6, 11, 14
ECHO_REQ, ECHO_RESP = 3, 4
RSSI_NTF, PROBE_NTF, INFO_REQ, INFO_RESP = 9, 10, 12, 13
NOWHERE = "02:00:00:00:ff:ff"


def tlv(t, v):
    return struct.pack(">HH", t, len(v)) + v


def msg(mtype, seq, body):
    return b"fs" + bytes([1, mtype]) + struct.pack(">II", seq, len(body)) + body


def mac(s):
    return bytes.fromhex(s.replace(":", ""))


def fmt(b):
    return ":".join("%02x" % x for x in b)


def tls(cert=None, key=None, version=None):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    if version:
        ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
        ctx.minimum_version = version
        ctx.maximum_version = version
    if cert:
        ctx.load_cert_chain(cert, key)
    s = socket.create_connection(("127.0.0.1", PORT), timeout=10)
    return ctx.wrap_socket(s)


PENDING = [b""]   # what was read past the last message


def read_msg(s):
    """The next message: (type, {tlv: value}), (None, {}) at close."""
    buf = PENDING[0]
    while True:
        if len(buf) >= 12:
            length = struct.unpack(">I", buf[8:12])[0]
            if len(buf) >= 12 + length:
                tlvs, p = {}, 12
                while p + 4 <= 12 + length:
                    t, n = struct.unpack(">HH", buf[p:p + 4])
                    if t == T_RSSI:     # repeated
                        tlvs.setdefault("rssi", []).append(
                            buf[p + 4:p + 4 + n])
                    tlvs.setdefault(t, buf[p + 4:p + 4 + n])
                    p += 4 + n
                PENDING[0] = buf[12 + length:]
                return buf[3], tlvs
        data = s.recv(4096)
        if not data:
            return None, {}
        buf += data
        PENDING[0] = buf


def init(s, m):
    s.sendall(msg(INIT_REQ, 1, tlv(T_MAC, mac(m)) + tlv(T_VMIN, b"\x01") +
                  tlv(T_VMAX, b"\x01") + tlv(T_NAME, b"lab-ls")))
    return read_msg(s)


def result(mtype, tlvs):
    if mtype == INIT_RESP and tlvs.get(T_STATUS) == b"\x00\x00":
        return "init=ok"
    if mtype == CLOSE:
        return "close=%d" % struct.unpack(">H", tlvs[T_STATUS])[0]
    return "unexpected=%s" % mtype


def rssi_entry(e):
    """station, BSSID, RSSI (s8), channel, timestamp (u64)"""
    sta, bssid, rssi, ch, _ = struct.unpack(">6s6sbBQ", e)
    return "sta=%s bssid=%s rssi=%d ch=%d" % (fmt(sta), fmt(bssid), rssi, ch)


def events(s, seconds):
    """Subscribe, ask, then print what comes for @seconds."""
    s.sendall(msg(SUB_REQ, 2, tlv(T_SERVICE, b"\x03") +
                  tlv(T_INTERVAL, struct.pack(">I", 1000))))
    s.sendall(msg(SUB_REQ, 3, tlv(T_SERVICE, b"\x01") +
                  tlv(T_INTERVAL, struct.pack(">I", 1000)) +
                  tlv(T_THRESHOLD, b"\x00")))
    s.sendall(msg(SUB_REQ, 4, tlv(T_SERVICE, b"\x02") +
                  tlv(T_INTERVAL, struct.pack(">I", 1000)) +
                  tlv(T_THRESHOLD, b"\x00")))
    s.sendall(msg(INFO_REQ, 5, tlv(T_MAC, mac(NOWHERE))))
    seq, asked, heard = 6, set(), set()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        s.settimeout(max(0.1, end - time.monotonic()))
        try:
            mtype, tlvs = read_msg(s)
        except (socket.timeout, ssl.SSLError):
            break
        if mtype is None:
            print("closed", flush=True)
            break
        if mtype == CLOSE:
            print("close=%d" % struct.unpack(">H", tlvs[T_STATUS])[0],
                  flush=True)
            continue
        if mtype == SUB_RESP:
            name = {b"\x03": "subscribe", b"\x01": "subscribe-rssi",
                    b"\x02": "subscribe-probe"}.get(
                tlvs.get(T_SERVICE), "subscribe-other")
            ok = tlvs.get(T_STATUS) == b"\x00\x00"
            print("%s=%s" % (name, "ok" if ok else "failed"), flush=True)
        elif mtype == EVENT_NTF:
            sta = fmt(tlvs[T_MAC])
            print("event=%d sta=%s bssid=%s old=%s" % (
                tlvs[T_EVENT][0], sta, fmt(tlvs[T_BSSID]),
                fmt(tlvs.get(T_OLD, bytes(6)))), flush=True)
            if tlvs[T_EVENT][0] == 1 and sta not in asked:
                asked.add(sta)
                s.sendall(msg(INFO_REQ, seq, tlv(T_MAC, tlvs[T_MAC])))
                seq += 1
        elif mtype == RSSI_NTF:
            for e in tlvs.get("rssi", []):
                print("rssi " + rssi_entry(e), flush=True)
                if e[:6] not in heard:
                    heard.add(e[:6])
                    s.sendall(msg(INFO_REQ, seq, tlv(T_MAC, e[:6])))
                    seq += 1
        elif mtype == PROBE_NTF:
            for e in tlvs.get("rssi", []):
                print("probe " + rssi_entry(e), flush=True)
        elif mtype == ECHO_REQ:
            print("echo", flush=True)
            s.sendall(msg(ECHO_RESP, seq, tlv(T_TS, tlvs.get(T_TS,
                                                            bytes(8)))))
            seq += 1
        elif mtype == INFO_RESP:
            st = struct.unpack(">H", tlvs[T_STATUS])[0]
            line = "info status=%d sta=%s" % (st, fmt(tlvs[T_MAC]))
            if T_BSSID in tlvs:
                line += " bssid=%s" % fmt(tlvs[T_BSSID])
            if tlvs.get("rssi"):
                rssi = struct.unpack(">b", tlvs["rssi"][0][12:13])[0]
                line += " rssi=%d" % rssi
            print(line, flush=True)
        else:
            print("unexpected=%s" % mtype, flush=True)


def main():
    case = sys.argv[2]
    a = sys.argv[3:]
    if case == "init":
        print(result(*init(tls(a[0], a[1]), a[2])))
    elif case == "serve":
        end = time.monotonic() + float(a[3])
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", PORT))
        srv.listen(1)
        srv.settimeout(float(a[3]))
        try:
            conn, _ = srv.accept()
        except socket.timeout:
            print("no-connection", flush=True)
            return
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(a[0], a[1])
        conn.settimeout(10)
        s = ctx.wrap_socket(conn, server_side=True)
        print("accepted", flush=True)
        print(result(*init(s, a[2])), flush=True)
        events(s, max(1.0, end - time.monotonic()))
    elif case == "nocert":
        print(result(*init(tls(), a[0])))
    elif case == "events":
        s = tls(a[0], a[1])
        print(result(*init(s, a[2])), flush=True)
        events(s, float(a[3]))
    elif case == "plain":
        s = socket.create_connection(("127.0.0.1", PORT), timeout=10)
        s.sendall(b"GET / HTTP/1.0\r\n\r\n")
        try:
            data = s.recv(4096)
        except ConnectionResetError:
            data = b""      # closed with our request unread: a reset
        print("closed" if not data else "answered")
    elif case == "tls11":
        try:
            tls(a[0], a[1], ssl.TLSVersion.TLSv1_1)
            print("handshake=ok")
        except (ssl.SSLError, OSError):
            print("handshake=failed")
    elif case == "before-init":
        s = tls(a[0], a[1])
        s.sendall(msg(SUB_REQ, 1, tlv(T_SERVICE, b"\x03") +
                      tlv(T_INTERVAL, struct.pack(">I", 1000))))
        print(result(*read_msg(s)))
    elif case == "truncated":
        s = tls(a[0], a[1])
        s.sendall(msg(INIT_REQ, 1, tlv(T_MAC, mac(NOWHERE))[:-3]))
        print(result(*read_msg(s)))
    elif case == "oversized":
        s = tls(a[0], a[1])
        s.sendall(b"fs\x01\x03" + struct.pack(">II", 1, 65536))
        print(result(*read_msg(s)))
    return 0


PORT = int(sys.argv[1]) if len(sys.argv) > 2 else 0
if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        sys.exit(2)
    sys.exit(main())
