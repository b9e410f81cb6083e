#!/bin/sh
# Interoperability of fsrd's 802.1X authenticator (eap_relay.c) and RADIUS
# client with real peers, on the host, in a private network namespace:
# wpa_supplicant (-D wired) on one end of a veth pair, eap_probe (the
# authenticator) on the other, FreeRADIUS (Debian) on loopback with
# certificates made here by openssl. Checks: the full EAP-PEAP/MSCHAPv2
# exchange, the MSK (from MS-MPPE keys) equal to the supplicant's, a
# reauthentication asked by the server (Session-Timeout + Termination-
# Action RADIUS-Request), a wrong password (Access-Reject -> EAP-Failure
# at the supplicant), EAP-TLS with a client certificate. TAP output.
#
#   sh tests/eap/eap_wired.sh [PROBE]     (root; needs freeradius,
#                                          wpa_supplicant, openssl, ip)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
PROBE=${1:-$TOP/build/tests/eap/eap_probe}
. "$TOP/selftests/lib_radius.sh"

if [ -z "${FSR_EAP_NETNS:-}" ]; then
	FSR_EAP_NETNS=1 exec unshare -n sh "$0" "$PROBE"
fi

n=0
failed=0
ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}
notok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
}
check() {
	msg=$1
	shift
	if "$@"; then ok "$msg"; else notok "$msg"; fi
}
diag() {
	printf '%s\n' "$1" | sed 's/^/# /'
}
finish() {
	[ -n "${WPA_PID:-}" ] && kill "$WPA_PID" 2>/dev/null
	[ -n "${FR_PID:-}" ] && kill "$FR_PID" 2>/dev/null
	wait 2>/dev/null
	echo "1..$n"
	[ "$failed" -eq 0 ] && [ -z "${KEEP:-}" ] && rm -rf "$WORK"
	[ "$failed" -eq 0 ]
	exit $?
}

for c in freeradius wpa_supplicant openssl ip; do
	if ! command -v "$c" >/dev/null; then
		echo "1..0 # SKIP $c missing"
		exit 4
	fi
done
[ -x "$PROBE" ] || { echo "1..0 # SKIP $PROBE missing"; exit 4; }

WORK=$(mktemp -d /tmp/fsr-eap.XXXXXX)
RADDB=$WORK/raddb
SECRET=fsr-eap-secret
mkdir -p "$WORK/wpa"

ip link set lo up
ip link add va type veth peer name vb
ip link set va up
ip link set vb up

# --- certificates and FreeRADIUS (PEAP/MSCHAPv2, EAP-TLS): lib_radius.sh -----
C=$RADDB/certs
check "test CA, server and client certificates" radius_certs "$C"
# the server asks for a reauthentication 5 s after each success
radius_conf "$RADDB" "$SECRET" 1812 1813 "$C" "Session-Timeout := 5
			Termination-Action := RADIUS-Request"

FRLOG=$WORK/freeradius.log
if ! radius_start "$RADDB" "$FRLOG"; then
	notok "FreeRADIUS starts"
	diag "$(tail -n 30 "$FRLOG")"
	finish
fi
FR_PID=$RADIUS_PID
ok "FreeRADIUS with EAP-PEAP/MSCHAPv2 and EAP-TLS on 127.0.0.1:1812"

# supplicant PASSWORD: wpa_supplicant on vb, PEAP with that password;
# supplicant -tls: EAP-TLS with the client certificate
supplicant() {
	if [ "$1" = -tls ]; then
		method="eap=TLS
	client_cert=\"$C/client.pem\"
	private_key=\"$C/client.key\""
	else
		method="eap=PEAP
	password=\"$1\"
	phase2=\"auth=MSCHAPV2\""
	fi
	cat > "$WORK/wpa.conf" <<EOF
ctrl_interface=$WORK/wpa
ap_scan=0
eapol_version=2
network={
	key_mgmt=IEEE8021X
	identity="alice"
	$method
	ca_cert="$C/ca.pem"
	eapol_flags=0
}
EOF
	wpa_supplicant -D wired -i vb -c "$WORK/wpa.conf" -dd -K \
		> "$WORK/wpa.log" 2>&1 &
	WPA_PID=$!
}

# --- 1: PEAP success, then the reauthentication the server asks for ----------
OUT=$WORK/probe1.out
"$PROBE" -i va -s "127.0.0.1:1812,$SECRET" -n 2 -T 60 -K "$WORK/msk.fp" \
	> "$OUT" 2>&1 &
PROBE_PID=$!
sleep 0.3
supplicant wonderland
wait $PROBE_PID
rc=$?
kill "$WPA_PID" 2>/dev/null
wait "$WPA_PID" 2>/dev/null
WPA_PID=
cp "$WORK/wpa.log" "$WORK/wpa1.log"
check "PEAP/MSCHAPv2 through eap_relay: two successes (status $rc)" [ $rc -eq 0 ]
check "first: MSK of 64 octets, Session-Timeout 5, Termination-Action 1" \
	grep -q "result: success msk_len=64 reauth=0 session_timeout=5 termination_action=1 user=alice" "$OUT"
check "second: the reauthentication asked by the server" \
	grep -q "result: success msk_len=64 reauth=1" "$OUT"
check "trace: identity, challenges relayed, EAP-Success" sh -c \
	"grep -q \"Identity 'alice' received\" $OUT && grep -q 'Access-Challenge relayed: EAP-Request/PEAP' $OUT && grep -q 'EAP-Success sent, MSK derived' $OUT"
check "wpa_supplicant saw EAP-Success" \
	grep -q "CTRL-EVENT-EAP-SUCCESS" "$WORK/wpa1.log"
check "wpa_supplicant completed PEAP/MSCHAPv2 (inner method succeeded)" \
	grep -q "EAP-MSCHAPV2: Authentication succeeded" "$WORK/wpa1.log"
check "FreeRADIUS sent Access-Accepts" grep -q "Sent Access-Accept" "$FRLOG"
# the supplicant's MSKs (wpa_supplicant -K), fingerprinted like the probe's
python3 - "$WORK/wpa1.log" > "$WORK/wpa.fp" <<'PY'
import hashlib, re, sys
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"EAP-PEAP: Derived key - hexdump\(len=64\): ([0-9a-f ]+)", line)
    if m:
        print(hashlib.sha256(bytes.fromhex(m.group(1))).hexdigest())
PY
check "the MSKs equal wpa_supplicant's (MS-MPPE-Recv-Key || Send-Key)" \
	sh -c "[ \$(wc -l < $WORK/msk.fp) -eq 2 ] && cmp -s $WORK/msk.fp $WORK/wpa.fp"
check "no malformed, wrong-id or duplicate frame in a clean exchange" \
	grep -q "duplicates=0 wrong_id=0 malformed=0" "$OUT"
[ $rc -eq 0 ] || { diag "$(cat "$OUT")"; diag "$(tail -n 40 "$FRLOG")"; }

# --- 2: wrong password --------------------------------------------------------
OUT=$WORK/probe2.out
"$PROBE" -i va -s "127.0.0.1:1812,$SECRET" -n 1 -T 60 > "$OUT" 2>&1 &
PROBE_PID=$!
sleep 0.3
supplicant not-the-password
wait $PROBE_PID
rc=$?
sleep 0.5
kill "$WPA_PID" 2>/dev/null
wait "$WPA_PID" 2>/dev/null
WPA_PID=
check "wrong password: failure (status $rc)" [ $rc -eq 1 ]
check "reported as Access-Reject with EAP-Failure sent" \
	grep -q "authentication failed: Access-Reject, EAP-Failure sent" "$OUT"
check "wpa_supplicant saw EAP-Failure" \
	grep -q "CTRL-EVENT-EAP-FAILURE" "$WORK/wpa.log"
check "FreeRADIUS sent an Access-Reject" grep -q "Sent Access-Reject" "$FRLOG"
check "no shared secret in the probe's output" sh -c \
	"! grep -qi '$SECRET' $WORK/probe1.out $OUT"
[ $rc -eq 1 ] || { diag "$(cat "$OUT")"; diag "$(tail -n 40 "$FRLOG")"; }

# --- 3: EAP-TLS -----------------------------------------------------------------
OUT=$WORK/probe3.out
"$PROBE" -i va -s "127.0.0.1:1812,$SECRET" -n 1 -T 60 -K "$WORK/msk3.fp" \
	> "$OUT" 2>&1 &
PROBE_PID=$!
sleep 0.3
supplicant -tls
wait $PROBE_PID
rc=$?
kill "$WPA_PID" 2>/dev/null
wait "$WPA_PID" 2>/dev/null
WPA_PID=
check "EAP-TLS through eap_relay: success (status $rc)" [ $rc -eq 0 ]
check "trace: EAP-Request/TLS relayed" \
	grep -q "Access-Challenge relayed: EAP-Request/TLS" "$OUT"
python3 - "$WORK/wpa.log" > "$WORK/wpa3.fp" <<'PY'
import hashlib, re, sys
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"EAP-TLS: Derived key - hexdump\(len=64\): ([0-9a-f ]+)", line)
    if m:
        print(hashlib.sha256(bytes.fromhex(m.group(1))).hexdigest())
PY
check "EAP-TLS MSK equals wpa_supplicant's" \
	sh -c "[ -s $WORK/msk3.fp ] && cmp -s $WORK/msk3.fp $WORK/wpa3.fp"
[ $rc -eq 0 ] || { diag "$(cat "$OUT")"; diag "$(tail -n 40 "$FRLOG")"; }

finish
