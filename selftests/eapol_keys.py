#!/usr/bin/env python3
"""List the unencrypted EAPOL-Key messages 1 and 2 of 4-way handshakes in
a radiotap capture (tcpdump -w on hwsim0), with what they carry about
PMKs: the PMKID KDE of message 1 and the PMKIDs of the RSNE of message 2.

    eapol_keys.py CAPTURE.pcap

One line per frame:
    m1 AP STA pmkid=HEX|none
    m2 STA AP rsne_pmkids=HEX[,HEX...]|none
Messages 3 and 4 (key data encrypted, or none) are not listed. Only the
802.1X/PSK/FT AKMs with a 16-octet MIC are understood (AKMs 1 to 6).
"""
import struct
import sys

LLC_EAPOL = bytes.fromhex("aaaa03000000888e")
KI_PAIRWISE = 0x0008
KI_ACK = 0x0080
KI_MIC = 0x0100
KI_SECURE = 0x0200
KI_ENC = 0x1000
MIC_LEN = 16


def mac(b):
    return ":".join("%02x" % x for x in b)


def frames(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 24:
        return
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic in (0xA1B2C3D4, 0xA1B23C4D) else ">"
    linktype = struct.unpack(end + "I", data[20:24])[0]
    if linktype != 127:
        raise SystemExit("%s: not a radiotap capture (linktype %d)" %
                         (path, linktype))
    off = 24
    while off + 16 <= len(data):
        incl = struct.unpack(end + "I", data[off + 8:off + 12])[0]
        pkt = data[off + 16:off + 16 + incl]
        off += 16 + incl
        if len(pkt) < 4:
            continue
        rtlen = struct.unpack("<H", pkt[2:4])[0]
        yield pkt[rtlen:]


def rsne_pmkids(ies):
    """PMKIDs of the first RSNE in a run of elements."""
    i = 0
    while i + 2 <= len(ies):
        eid, ln = ies[i], ies[i + 1]
        body = ies[i + 2:i + 2 + ln]
        i += 2 + ln
        if eid != 48:
            continue
        p = 2 + 4                      # version, group cipher
        if p + 2 > len(body):
            return []
        n = struct.unpack("<H", body[p:p + 2])[0]
        p += 2 + 4 * n
        if p + 2 > len(body):
            return []
        n = struct.unpack("<H", body[p:p + 2])[0]
        p += 2 + 4 * n + 2             # AKMs, RSN capabilities
        if p + 2 > len(body):
            return []
        n = struct.unpack("<H", body[p:p + 2])[0]
        p += 2
        return [body[p + 16 * k:p + 16 * (k + 1)].hex() for k in range(n)]
    return []


def pmkid_kde(data):
    i = 0
    while i + 2 <= len(data):
        eid, ln = data[i], data[i + 1]
        body = data[i + 2:i + 2 + ln]
        i += 2 + ln
        if eid == 0xdd and ln >= 20 and body[:4] == bytes.fromhex("000fac04"):
            return body[4:20].hex()
    return None


def main():
    for fr in frames(sys.argv[1]):
        if len(fr) < 24:
            continue
        fc = fr[0] | fr[1] << 8
        if (fc >> 2) & 3 != 2 or fc & 0x4000:    # data, not protected
            continue
        tods, fromds = fc & 0x100, fc & 0x200
        hdr = 24 + (6 if tods and fromds else 0)
        if (fc >> 4) & 0x8:                      # QoS data
            hdr += 2
        a1, a2, a3 = fr[4:10], fr[10:16], fr[16:22]
        if fromds and not tods:
            src, dst = a3, a1
        elif tods and not fromds:
            src, dst = a2, a3
        else:
            continue
        body = fr[hdr:]
        if body[:8] != LLC_EAPOL or len(body) < 12 or body[9] != 3:
            continue
        key = body[12:]
        if len(key) < 95 + MIC_LEN:
            continue
        info = struct.unpack(">H", key[1:3])[0]
        dlen = struct.unpack(">H", key[77 + MIC_LEN:79 + MIC_LEN])[0]
        kdata = key[79 + MIC_LEN:79 + MIC_LEN + dlen]
        if not info & KI_PAIRWISE:
            continue
        if info & KI_ACK and not info & KI_MIC:
            p = pmkid_kde(kdata)
            print("m1 %s %s pmkid=%s" % (mac(src), mac(dst), p or "none"))
        elif (info & KI_MIC and not info & KI_ACK and
              not info & KI_SECURE and not info & KI_ENC and dlen):
            p = rsne_pmkids(kdata)
            print("m2 %s %s rsne_pmkids=%s" % (mac(src), mac(dst),
                                                ",".join(p) or "none"))


if __name__ == "__main__":
    main()
