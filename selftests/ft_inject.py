#!/usr/bin/env python3
"""An FT-PSK station in Python, for the kernel fast path's crafted-frame test.

Usage: ft_inject.py MONIF BSSID STA R1KH R0KH R0NAME PMKR1 MDID CASE

MONIF    a monitor interface on the AP's channel (frames go out and come
         back through it). A monitor never acknowledges anything: for the
         AP's frames to STA to be acknowledged (the fast path installs a
         roam's PTK only after its Reassociation Response was), an
         interface of the same radio must be up with STA's address
         (lib.sh: ack_as)
BSSID    the AP (target) BSS
STA      the station address the frames come from
R1KH     the BSS's R1KH-ID (fsrd uses the BSSID)
R0KH     the R0KH-ID the PMK-R1 was pushed with
R0NAME   PMKR0Name, 32 hex digits
PMKR1    the PMK-R1 (32 bytes, 64 hex digits), pushed into fsr.ko for STA
         with PMKR1Name = SHA-256("FT-R1N" || R0NAME || R1KH || STA)[0:16]
         (print it with CASE "r1name")
MDID     the mobility domain, 4 hex digits as on the wire (a1b2)

The station side follows IEEE 802.11-2020 13.8 and 12.7.1.7 with the
python3-cryptography primitives (HMAC-SHA-256 KDF, AES-CMAC MIC, AES key
unwrap of the GTK). It prints one line: "auth=STATUS" and, when the case
goes on to reassociate, "reassoc=STATUS" plus case-specific words; "timeout"
replaces a status that never came. Cases:

  r1name          print PMKR1Name (hex) and exit
  ok              a correct roam; checks the response's MIC and unwraps its
                  GTK (mic=ok gtk=ok aid=N)
  retransmit      ok, then the very same Reassociation Request again: the
                  same response must come back (again=STATUS same=yes|no)
  replay          ok, then a different Reassociation Request
                  (again=STATUS)
  bad-mic         a Reassociation Request with a wrong MIC
  wrong-pmkr1name a Reassociation Request whose PMKID is not PMKR1Name
  wrong-mdid      an FT Authentication naming another mobility domain
  fte-truncated   an FT Authentication whose FTE stops inside the SNonce
  fte-oversized   an FT Authentication whose R0KH-ID subelement runs past
                  the end of the FTE
  no-auth         a Reassociation Request without an FT Authentication
  revoked         an FT Authentication, then the shell command in the
                  environment variable FT_INJECT_BETWEEN (the test revokes
                  the station's keys), then the Reassociation Request
  group-sa-open   an Open System Authentication from STA, a group address,
                  sent once (auth=timeout: nobody answers)
  group-sa-ft     the same with an FT Authentication
  auth-only       an FT Authentication alone (a spoofed one, when the
                  station is associated already)
  late            ok up to the FT Authentication, then the Reassociation
                  Request after DELAY seconds (env FT_INJECT_DELAY, 2.5)
  open-after-ft   an FT Authentication, then Open System Authentication and
                  an Association Request (FT-PSK, MDE) as a station that
                  gives up on FT (open=STATUS assoc=STATUS), then the FT
                  Reassociation Request of the abandoned exchange
  auth-retransmit ok, but the FT Authentication goes out twice more, as a
                  MAC retry and as a resend with a new sequence number:
                  both must get the first response (retry=same
                  resend=same), and the roam completes
  twice           ok, then the same Reassociation Request once more,
                  whatever the first answer was (again=STATUS); after a
                  successful one, FT_INJECT_BETWEEN (if set) runs first
  rsc             ok, and print the GTK subelement's key ID and RSC
                  (keyid=N rsc=16 hex digits, least significant octet first)
  open-once       one Open System Authentication from STA, as a station
                  that begins an association there (open=STATUS|timeout)

The environment variable FT_INJECT_REQ_IES (hex) adds elements at the end
of every Reassociation Request (outside the MIC, as HE or EHT
Capabilities are). FT_INJECT_PEEK, when set, is a shell command run
right after a successful FT Authentication in every case (the test looks
at the AP's station table there); it prints nothing here.
"""
import hashlib
import hmac
import os
import subprocess
import select
import socket
import struct
import sys
import time

from cryptography.hazmat.primitives.cmac import CMAC
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.keywrap import InvalidUnwrap, aes_key_unwrap

ETH_P_ALL = 3
RADIOTAP = bytes([0, 0, 8, 0, 0, 0, 0, 0])
CCMP = b"\x00\x0f\xac\x04"
AKM_FT_PSK = b"\x00\x0f\xac\x04"
RATES = bytes([1, 8, 0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24])
WMM_INFO = bytes([221, 7, 0x00, 0x50, 0xf2, 2, 0, 1, 0])
STYPE_AUTH, STYPE_REASSOC_REQ, STYPE_REASSOC_RESP = 11, 2, 3
STYPE_ASSOC_REQ, STYPE_ASSOC_RESP = 0, 1


def mac(s):
    return bytes(int(x, 16) for x in s.split(":"))


def elem(eid, body):
    return bytes([eid, len(body)]) + body


def rsne(pmkid):
    body = struct.pack("<H", 1) + CCMP + struct.pack("<H", 1) + CCMP
    body += struct.pack("<H", 1) + AKM_FT_PSK + struct.pack("<H", 0)
    if pmkid is not None:
        body += struct.pack("<H", 1) + pmkid
    return elem(48, body)


def mde(mdid):
    return elem(54, mdid + b"\x00")


def fte(mic_ctrl, mic, anonce, snonce, r1kh, r0kh):
    body = struct.pack("<H", mic_ctrl) + mic + anonce + snonce
    if r1kh:
        body += elem(1, r1kh)
    body += elem(3, r0kh)
    return elem(55, body)


def hdr(stype, da, sa, bssid, seq):
    return struct.pack("<H", stype << 4) + b"\x00\x00" + da + sa + bssid + \
        struct.pack("<H", (seq & 0xfff) << 4)


def kdf_sha256(key, label, context, bits):
    out = b""
    i = 1
    while len(out) * 8 < bits:
        out += hmac.new(key, struct.pack("<H", i) + label + context +
                        struct.pack("<H", bits), hashlib.sha256).digest()
        i += 1
    return out[:bits // 8]


def cmac(key, data):
    c = CMAC(algorithms.AES(key))
    c.update(data)
    return c.finalize()


def walk(ies):
    """{element id: whole element}; raises ValueError if malformed."""
    out = {}
    pos = 0
    while pos < len(ies):
        if len(ies) - pos < 2 or ies[pos + 1] + 2 > len(ies) - pos:
            raise ValueError("malformed elements")
        out.setdefault(ies[pos], ies[pos:pos + 2 + ies[pos + 1]])
        pos += 2 + ies[pos + 1]
    return out


def fte_subs(f):
    """Subelements of an FTE (16-octet MIC) as {id: body}."""
    subs = {}
    pos = 2 + 2 + 16 + 64
    while pos + 2 <= len(f):
        subs[f[pos]] = f[pos + 2:pos + 2 + f[pos + 1]]
        pos += 2 + f[pos + 1]
    return subs


class Station:
    def __init__(self, argv):
        (self.monif, bssid, sta, r1kh, r0kh, r0name, pmkr1, mdid,
         self.case) = argv
        self.bssid, self.sta, self.r1kh = mac(bssid), mac(sta), mac(r1kh)
        self.r0kh = r0kh.encode()
        self.r0name = bytes.fromhex(r0name)
        self.pmkr1 = bytes.fromhex(pmkr1)
        self.mdid = bytes.fromhex(mdid)
        self.r1name = hashlib.sha256(b"FT-R1N" + self.r0name + self.r1kh +
                                     self.sta).digest()[:16]
        self.snonce = os.urandom(32)
        self.anonce = None
        self.kck = self.kek = None
        self.seq = 100
        self.sock = None
        self.gtk_sub = None
        self.auth_req = self.auth_resp = None

    def open(self):
        self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                                  socket.htons(ETH_P_ALL))
        self.sock.bind((self.monif, ETH_P_ALL))

    def wait_for(self, stype, timeout):
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0 or not select.select([self.sock], [], [], left)[0]:
                return None
            pkt = self.sock.recv(4096)
            if len(pkt) < 4:
                continue
            f = pkt[struct.unpack_from("<H", pkt, 2)[0]:]
            if len(f) < 24:
                continue
            fc = struct.unpack_from("<H", f, 0)[0]
            if (fc >> 2) & 3 != 0 or (fc >> 4) & 0xf != stype:
                continue
            if f[4:10] != self.sta or f[10:16] != self.bssid:
                continue
            # a retransmission by the AP of a frame already taken
            if fc & 0x0800:
                continue
            return f

    def exchange(self, frame, stype, tries=3):
        for _ in range(tries):
            self.sock.send(RADIOTAP + frame)
            f = self.wait_for(stype, 4.0)
            if f is not None:
                return f
        return None

    def auth_frame(self):
        self.seq += 1
        ies = rsne(self.r0name) + mde(self.mdid)
        if self.case == "wrong-mdid":
            ies = rsne(self.r0name) + mde(b"\x12\x34")
        f = fte(0, bytes(16), bytes(32), self.snonce, None, self.r0kh)
        if self.case == "fte-truncated":
            f = elem(55, f[2:2 + 2 + 16 + 32 + 10])
        elif self.case == "fte-oversized":
            body = bytearray(f[2:])
            body[-len(self.r0kh) - 1] = len(self.r0kh) + 20
            f = elem(55, bytes(body))
        return hdr(STYPE_AUTH, self.bssid, self.sta, self.bssid, self.seq) + \
            struct.pack("<HHH", 2, 1, 0) + ies + f

    def auth(self):
        self.auth_req = self.auth_frame()
        f = self.exchange(self.auth_req, STYPE_AUTH)
        self.auth_resp = f
        if f is None:
            return None
        status = struct.unpack_from("<H", f, 28)[0]
        if status == 0:
            ies = walk(f[30:])
            ft = ies[55]
            self.anonce = ft[2 + 2 + 16:2 + 2 + 16 + 32]
            ptk = kdf_sha256(self.pmkr1, b"FT-PTK",
                             self.snonce + self.anonce + self.bssid +
                             self.sta, 384)
            self.kck, self.kek = ptk[:16], ptk[16:32]
        return status

    def reassoc_frame(self, pmkid=None, listen=10, bad_mic=False):
        self.seq += 1
        anonce = self.anonce or os.urandom(32)
        r = rsne(pmkid or self.r1name)
        m = mde(self.mdid)
        f0 = fte(3 << 8, bytes(16), anonce, self.snonce, self.r1kh,
                 self.r0kh)
        kck = self.kck or os.urandom(16)
        mic = cmac(kck, self.sta + self.bssid + b"\x05" + r + m + f0)
        if bad_mic:
            mic = bytes([mic[0] ^ 1]) + mic[1:]
        f = fte(3 << 8, mic, anonce, self.snonce, self.r1kh, self.r0kh)
        body = struct.pack("<HH", 0x0421, listen) + self.bssid
        body += elem(0, b"fsrd-kft") + RATES + r + m + f + WMM_INFO
        body += bytes.fromhex(os.environ.get("FT_INJECT_REQ_IES", ""))
        return hdr(STYPE_REASSOC_REQ, self.bssid, self.sta, self.bssid,
                   self.seq) + body

    def check_resp(self, f):
        """(mic ok, gtk unwrapped) of a successful Reassociation Response."""
        ies = walk(f[30:])
        r, m, ft = ies.get(48), ies.get(54), ies.get(55)
        if not (r and m and ft):
            return False, False
        zero = ft[:4] + bytes(16) + ft[20:]
        mic = cmac(self.kck, self.sta + self.bssid + b"\x06" + r + m + zero)
        mic_ok = mic == ft[4:20] and r[-16:] == self.r1name
        gtk = fte_subs(ft).get(2)
        self.gtk_sub = gtk
        gtk_ok = False
        if gtk and len(gtk) >= 11 + 24:
            try:
                plain = aes_key_unwrap(self.kek, gtk[11:])
                gtk_ok = gtk[2] in (16, 32) and len(plain) >= gtk[2]
            except ValueError:
                gtk_ok = False
        return mic_ok, gtk_ok


def status_of(f, off):
    return "timeout" if f is None else str(struct.unpack_from("<H", f, off)[0])


def main():
    if len(sys.argv) != 10:
        sys.stderr.write(__doc__)
        return 2
    st = Station(sys.argv[1:])
    if st.case == "r1name":
        print(st.r1name.hex())
        return 0
    # The first CMAC loads the OpenSSL binding: seconds in the lab VM,
    # which must not fall between the FT Authentication response and
    # the Reassociation (the exchange's deadline is about 1 s; a real
    # client answers in milliseconds).
    cmac(bytes(16), b"")
    try:
        aes_key_unwrap(bytes(16), bytes(24))
    except InvalidUnwrap:
        pass
    st.open()
    out = []
    if st.case in ("group-sa-open", "group-sa-ft"):
        if st.case == "group-sa-open":
            frame = hdr(STYPE_AUTH, st.bssid, st.sta, st.bssid, 7) + \
                struct.pack("<HHH", 0, 1, 0)
        else:
            frame = st.auth_frame()
        print("auth=%s" % status_of(st.exchange(frame, STYPE_AUTH, 1), 28))
        return 0
    if st.case == "open-once":
        frame = hdr(STYPE_AUTH, st.bssid, st.sta, st.bssid, 9) + \
            struct.pack("<HHH", 0, 1, 0)
        print("open=%s" % status_of(st.exchange(frame, STYPE_AUTH, 1), 28))
        return 0
    if st.case != "no-auth":
        status = st.auth()
        out.append("auth=%s" % ("timeout" if status is None else status))
        # a look at the AP right after the answer, not in the output
        if status == 0 and os.environ.get("FT_INJECT_PEEK"):
            subprocess.run(os.environ["FT_INJECT_PEEK"], shell=True,
                           check=False)
        if status != 0 or st.case == "auth-only":
            print(" ".join(out))
            return 0
    if st.case == "auth-retransmit":
        # a MAC retry (same frame, Retry bit set), then the SME's resend
        # (same SNonce, next sequence number): both get the first answer
        retry = bytearray(st.auth_req)
        retry[1] |= 0x08
        st.seq += 1
        resend = st.auth_req[:22] + struct.pack("<H", st.seq << 4) + \
            st.auth_req[24:]
        for name, frame in (("retry", bytes(retry)), ("resend", resend)):
            again = st.exchange(frame, STYPE_AUTH)
            if again is None:
                word = "timeout"
            else:
                word = "same" if again[24:] == st.auth_resp[24:] else "differs"
            out.append("%s=%s" % (name, word))
    if st.case == "open-after-ft":
        # the station gives up on FT: Open System, then an FT initial
        # mobility domain association, both answered by fsrd
        st.seq += 1
        f = st.exchange(hdr(STYPE_AUTH, st.bssid, st.sta, st.bssid, st.seq) +
                        struct.pack("<HHH", 0, 1, 0), STYPE_AUTH)
        out.append("open=%s" % status_of(f, 28))
        st.seq += 1
        body = struct.pack("<HH", 0x0431, 10) + elem(0, b"fsrd-kft") + \
            RATES + rsne(None) + mde(st.mdid) + WMM_INFO
        f = st.exchange(hdr(STYPE_ASSOC_REQ, st.bssid, st.sta, st.bssid,
                            st.seq) + body, STYPE_ASSOC_RESP)
        out.append("assoc=%s" % status_of(f, 26))
    if st.case == "late":
        time.sleep(float(os.environ.get("FT_INJECT_DELAY", "2.5")))
    if st.case == "revoked":
        rc = subprocess.run(os.environ["FT_INJECT_BETWEEN"], shell=True,
                            check=False).returncode
        out.append("between=%d" % rc)
    req = st.reassoc_frame(
        pmkid=os.urandom(16) if st.case == "wrong-pmkr1name" else None,
        bad_mic=st.case == "bad-mic")
    f = st.exchange(req, STYPE_REASSOC_RESP)
    out.append("reassoc=%s" % status_of(f, 26))
    if st.case == "twice" and f is not None and \
            struct.unpack_from("<H", f, 26)[0] != 0:
        # refused: the very same request once more
        again = st.exchange(req, STYPE_REASSOC_RESP)
        out.append("again=%s" % status_of(again, 26))
    if f is not None and struct.unpack_from("<H", f, 26)[0] == 0:
        mic_ok, gtk_ok = st.check_resp(f)
        out.append("mic=%s" % ("ok" if mic_ok else "bad"))
        out.append("gtk=%s" % ("ok" if gtk_ok else "bad"))
        out.append("aid=%d" % (struct.unpack_from("<H", f, 28)[0] & 0x3fff))
        if st.case == "retransmit":
            # the same frame again, as a station whose ACK got lost
            again = st.exchange(req, STYPE_REASSOC_RESP)
            out.append("again=%s" % status_of(again, 26))
            same = again is not None and again[24:] == f[24:]
            out.append("same=%s" % ("yes" if same else "no"))
        elif st.case == "twice":
            # FT_INJECT_BETWEEN: the test waits for the AP's side here
            if os.environ.get("FT_INJECT_BETWEEN"):
                subprocess.run(os.environ["FT_INJECT_BETWEEN"], shell=True,
                               check=False)
            again = st.exchange(req, STYPE_REASSOC_RESP)
            out.append("again=%s" % status_of(again, 26))
        elif st.case == "rsc" and st.gtk_sub:
            key_info = struct.unpack_from("<H", st.gtk_sub, 0)[0]
            out.append("keyid=%d" % (key_info & 3))
            out.append("rsc=%s" % st.gtk_sub[3:11].hex())
        elif st.case == "replay":
            other = st.reassoc_frame(listen=20)
            again = st.exchange(other, STYPE_REASSOC_RESP)
            out.append("again=%s" % status_of(again, 26))
    print(" ".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
