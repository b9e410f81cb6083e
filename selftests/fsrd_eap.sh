#!/bin/sh
# WPA2-Enterprise with fsrd: two BSSes (wlan0, wlan1, security wpa2-eap)
# and a real wpa_supplicant on wlan2 (netns cli) against two FreeRADIUS
# servers from Debian on loopback (primary 1812/1813, backup 1822/1823),
# configured and given certificates by this test (lib_radius.sh). Checks:
# EAP-PEAP/MSCHAPv2 and EAP-TLS associations with data and accounting
# Start/Stop at the server; PMKSA caching (roam away and back: no
# Access-Request); OKC (a PMKID for the new BSSID: no Access-Request);
# a wrong password (Access-Reject, EAP-Failure, deauthentication with
# reason 23); RFC 5176 Disconnect-Requests from radclient (ACK removes the
# station, NAK 503 for an unknown one, a wrong secret ignored); the
# primary stopped (failover to the backup, the primary marked dead);
# forged replies on the backup's port (bad Response Authenticator, bad
# Message-Authenticator) dropped and counted, failover to the primary;
# both servers down (clear log line, the client fails cleanly); no secret
# or password in fsrd's log.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
require_root
require_cmd wpa_supplicant wpa_cli freeradius radclient openssl python3 ping
if [ ! -x "$FSRD" ]; then
	echo "1..0 # SKIP build/bin/fsrd missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-eap
SECRET=fsr-eap-lab-secret
DAS_SECRET=fsr-das-lab-secret
CERTS=$WORK/certs
ip link set lo up 2>/dev/null

load_radios 3 || { fail "load radios"; tap_finish; }
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)
STA_DASH=$(echo "$STA" | tr 'a-f:' 'A-F-')

check "test CA, server and client certificates" radius_certs "$CERTS"
radius_conf "$WORK/raddb1" "$SECRET" 1812 1813 "$CERTS"
radius_conf "$WORK/raddb2" "$SECRET" 1822 1823 "$CERTS"
FR1_LOG=$WORK/radius1.log
FR2_LOG=$WORK/radius2.log
DETAIL=$WORK/raddb1/acct/detail
radius_start "$WORK/raddb1" "$FR1_LOG"
ok1=$?
FR1_PID=$RADIUS_PID
defer "kill \$FR1_PID 2>/dev/null"
radius_start "$WORK/raddb2" "$FR2_LOG"
ok2=$?
FR2_PID=$RADIUS_PID
defer "kill \$FR2_PID 2>/dev/null"
if [ $ok1 -ne 0 ] || [ $ok2 -ne 0 ]; then
	fail "two FreeRADIUS servers start"
	diag "$(tail -n 30 "$FR1_LOG" "$FR2_LOG")"
	tap_finish
fi
pass "two FreeRADIUS servers (EAP-PEAP/MSCHAPv2, EAP-TLS) on 127.0.0.1"

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = debug
control_socket = /run/fsrd.sock
pmksa_lifetime = 43200

[radius]
nas_identifier = fsr-lab
timeout = 1000
retries = 2
dead_time = 60
acct_interim_interval = 0
das_listen = 127.0.0.1:3799

[auth_server primary]
address = 127.0.0.1:1812
secret = $SECRET

[auth_server backup]
address = 127.0.0.1:1822
secret = $SECRET

[acct_server primary]
address = 127.0.0.1:1813
secret = $SECRET

[das_client lab]
address = 127.0.0.1
secret = $DAS_SECRET

[bss a]
interface = wlan0
ssid = $SSID
channel = 1
security = wpa2-eap

[bss b]
interface = wlan1
ssid = $SSID
channel = 1
security = wpa2-eap
okc = yes
END

start_fsrd
two_aps() {
	[ "$(fsrd_log_count "AP started")" -eq 2 ]
}
check "fsrd starts two WPA2-802.1X BSSes" wait_for 20 two_aps
check "the two BSSes are bridged (br0 10.77.0.1)" ft_bridge_up
defer "ip link del br0"
client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2

# supplicant METHOD [OKC]: (re)start wpa_supplicant with one network.
# METHOD: peap (alice/wonderland), badpass, tls. OKC: 1 = OKC on.
supplicant() {
	if [ -f "$WORK/wpa.pid" ]; then
		kill "$(cat "$WORK/wpa.pid")" 2>/dev/null
		sleep 0.5
	fi
	case $1 in
	peap) method="eap=PEAP
	password=\"wonderland\"
	phase2=\"auth=MSCHAPV2\"" ;;
	badpass) method="eap=PEAP
	password=\"not-the-password\"
	phase2=\"auth=MSCHAPV2\"" ;;
	tls) method="eap=TLS
	client_cert=\"$CERTS/client.pem\"
	private_key=\"$CERTS/client.key\"" ;;
	esac
	cat > "$WORK/wpa.conf" <<END
ctrl_interface=$WORK/wpa-ctrl
network={
	ssid="$SSID"
	key_mgmt=WPA-EAP
	identity="alice"
	$method
	ca_cert="$CERTS/ca.pem"
	scan_freq=2412
	proactive_key_caching=${2:-0}
	bssid=$BSSID0
}
END
	: > "$WORK/wpa.log"
	ip netns exec cli wpa_supplicant -B -i wlan2 -c "$WORK/wpa.conf" \
		-P "$WORK/wpa.pid" -f "$WORK/wpa.log" -dd
}
defer "kill \$(cat $WORK/wpa.pid) 2>/dev/null"

ping_ap() {
	ip netns exec cli ping -c 1 -W 3 10.77.0.1 > /dev/null
}
# requests: Access-Requests of both servers so far
requests() {
	echo $(($(radius_access_requests "$FR1_LOG") +
		 $(radius_access_requests "$FR2_LOG")))
}
# roam_to BSSID: reassociate there (no FT: Open System + (Re)Association)
roam_to() {
	ft_cli set_network 0 bssid "$1" > /dev/null
	ft_cli roam "$1" > /dev/null
	wait_for 30 ft_on_bssid "$1"
}

# --- EAP-PEAP/MSCHAPv2 ---------------------------------------------------------
r0=$(requests)
supplicant peap
check "PEAP/MSCHAPv2: the client completes the 4-way handshake on a" \
	wait_for 60 ft_on_bssid "$BSSID0"
check "ping through the AP" wait_for 10 ping_ap
check "wpa_supplicant saw EAP-Success" grep -q "CTRL-EVENT-EAP-SUCCESS" "$WORK/wpa.log"
check "FreeRADIUS got the Access-Requests and accepted" \
	sh -c "[ $(requests) -gt $r0 ] && grep -q 'Sent Access-Accept' '$FR1_LOG'"
check "fsrd: 802.1X authentication succeeded, then the 4-way handshake" \
	sh -c "grep -q '$STA: 802.1X authentication succeeded' '$FSRD_LOG' && grep -q '$STA: 4-way handshake completed' '$FSRD_LOG'"
check "accounting Start at the server" \
	wait_for 10 grep -q "Acct-Status-Type = Start" "$DETAIL"
check "accounting Start names the user and the station" \
	sh -c "grep -q 'User-Name = \"alice\"' '$DETAIL' && grep -q 'Calling-Station-Id = \"$STA_DASH\"' '$DETAIL'"

# --- PMKSA caching: away to b (full EAP), back to a (cached) ------------------
ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen
r1=$(requests)
check "roam to b: full EAP (no PMKSA there yet)" roam_to "$BSSID1"
check "... Access-Requests for it" sh -c "[ $(requests) -gt $r1 ]"
check "accounting Stop of the session on a (Lost-Carrier)" \
	wait_for 10 sh -c "grep -q 'Acct-Status-Type = Stop' '$DETAIL' && grep -q 'Acct-Terminate-Cause = Lost-Carrier' '$DETAIL'"
r2=$(requests)
check "roam back to a: connected" roam_to "$BSSID0"
check "... without any Access-Request (PMKSA caching)" \
	sh -c "sleep 1; [ $(requests) -eq $r2 ]"
check "fsrd: Found a valid PMKID (PMKSA cache), skipping EAP" \
	grep -q "$STA: Found a valid PMKID in the RSNE (PMKSA cache" "$FSRD_LOG"
check "ping after the cached roam" wait_for 10 ping_ap

# the client asks for EAP again (EAPOL-Start) on its cached session
r5=$(requests)
ft_cli reauthenticate > /dev/null
check "EAPOL-Start after the PMKSA cache hit: a full EAP authentication" \
	wait_for 30 grep -q "$STA: EAPOL-Start after a PMKSA cache hit: full EAP authentication" "$FSRD_LOG"
reauthed() {
	[ "$(requests)" -gt "$r5" ] &&
		[ "$(grep -c "$STA: 4-way handshake completed" "$FSRD_LOG")" -ge 4 ]
}
check "... with Access-Requests, and the 4-way handshake with the new PMK" \
	wait_for 30 reauthed
check "still connected to a" wait_for 10 ft_on_bssid "$BSSID0"
check "... ping after the new keys" wait_for 10 ping_ap

"$FSRCTL" -j pmksa show > "$WORK/pmksa.json" 2> "$WORK/pmksa.err"
check "fsrctl pmksa show lists the station's PMKSAs" \
	grep -q "$STA" "$WORK/pmksa.json"
check "... without key bytes" not grep -qi '"pmk"' "$WORK/pmksa.json"

# --- OKC: full EAP on a, then b with a PMKID made from a's PMK -----------------
"$FSRCTL" pmksa flush > /dev/null 2>&1
supplicant peap 1
check "OKC client: full EAP on a" wait_for 60 ft_on_bssid "$BSSID0"
ft_cli scan > /dev/null
wait_for 20 ft_both_seen
r3=$(requests)
check "roam to b with OKC: connected" roam_to "$BSSID1"
check "... without any Access-Request" sh -c "sleep 1; [ $(requests) -eq $r3 ]"
check "fsrd: Found a valid PMKID (OKC)" \
	grep -q "$STA: Found a valid PMKID in the RSNE (OKC" "$FSRD_LOG"
check "ping after the OKC roam" wait_for 10 ping_ap

# --- Disconnect-Request (RFC 5176) ------------------------------------------------
das() {
	printf '%s\n' "$2" | radclient -r 1 -t 3 -x 127.0.0.1:3799 disconnect "$1" \
		> "$WORK/radclient.out" 2>&1
}
das wrong-secret "Calling-Station-Id = \"$STA_DASH\""
check "Disconnect-Request with a wrong secret: no answer" \
	not grep -q "Received Disconnect-ACK" "$WORK/radclient.out"
check "... and the station stays" ft_on_bssid "$BSSID1"
das "$DAS_SECRET" "Calling-Station-Id = \"02-00-00-00-99-99\""
check "Disconnect-Request for an unknown station: NAK, Error-Cause 503" \
	sh -c "grep -q 'Received Disconnect-NAK' '$WORK/radclient.out' && grep -q 'Error-Cause = Session-Context-Not-Found' '$WORK/radclient.out'"
das "$DAS_SECRET" "Calling-Station-Id = \"$STA_DASH\"
User-Name = \"alice\""
check "Disconnect-Request for the station: ACK" \
	grep -q "Received Disconnect-ACK" "$WORK/radclient.out"
check "fsrd removed the station" \
	wait_for 5 grep -q "$STA: disconnected (reason 2): RADIUS Disconnect-Request" "$FSRD_LOG"
check "the client saw the deauthentication" \
	wait_for 10 grep -q "CTRL-EVENT-DISCONNECTED" "$WORK/wpa.log"
check "accounting Stop with Admin-Reset" \
	wait_for 10 grep -q "Acct-Terminate-Cause = Admin-Reset" "$DETAIL"
ft_cli disconnect > /dev/null

# --- EAP-TLS ---------------------------------------------------------------------
supplicant tls
check "EAP-TLS: connected" wait_for 60 ft_on_bssid "$BSSID0"
check "EAP-TLS: ping" wait_for 10 ping_ap
check "FreeRADIUS did EAP-TLS" grep -q "eap_tls" "$FR1_LOG"
# reauthentication of an authenticated session: EAP again, then new keys
n4=$(grep -c "$STA: 4-way handshake completed" "$FSRD_LOG")
ft_cli reauthenticate > /dev/null
rekeyed() {
	[ "$(grep -c "$STA: 4-way handshake completed" "$FSRD_LOG")" -gt "$n4" ]
}
check "EAPOL-Start: reauthentication succeeded" wait_for 30 \
	grep -q "$STA: 802.1X reauthentication succeeded" "$FSRD_LOG"
check "... and a new 4-way handshake refreshed the PTK" wait_for 30 rekeyed
check "EAP-TLS: ping after the reauthentication" wait_for 10 ping_ap
ft_cli disconnect > /dev/null
check "accounting Stop after the client left (User-Request)" \
	wait_for 10 grep -q "Acct-Terminate-Cause = User-Request" "$DETAIL"

# --- wrong password ----------------------------------------------------------------
supplicant badpass
check "wrong password: wpa_supplicant sees EAP-Failure" \
	wait_for 60 grep -q "CTRL-EVENT-EAP-FAILURE" "$WORK/wpa.log"
check "FreeRADIUS sent an Access-Reject" grep -q "Sent Access-Reject" "$FR1_LOG"
check "fsrd: authentication failed: Access-Reject" \
	wait_for 5 grep -q "$STA: 802.1X authentication failed: Access-Reject" "$FSRD_LOG"
check "fsrd: station removed with reason 23" \
	wait_for 5 grep -q "$STA: disconnected (reason 23)" "$FSRD_LOG"
check "fsrd still serving" kill -0 "$FSRD_PID"
kill "$(cat "$WORK/wpa.pid")" 2>/dev/null

# --- primary stopped: failover to the backup ----------------------------------------
radius_stop "$FR1_PID"
r4=$(radius_access_requests "$FR2_LOG")
supplicant peap
check "primary stopped: the client still connects (backup server)" \
	wait_for 60 ft_on_bssid "$BSSID0"
check "... Access-Requests went to the backup" \
	sh -c "[ $(radius_access_requests "$FR2_LOG") -gt $r4 ]"
check "fsrd: the primary marked dead, failing over" sh -c "
	grep -q 'authentication server 127.0.0.1:1812 not responding: marked dead' '$FSRD_LOG' &&
	grep -q 'no answer from 127.0.0.1:1812 after [0-9]* tries, failing over' '$FSRD_LOG'"
check "ping through the AP" wait_for 10 ping_ap
kill "$(cat "$WORK/wpa.pid")" 2>/dev/null

# --- forged replies on the backup's port, failover to the primary again ------------
# The backup is replaced by a forger answering every Access-Request with an
# Access-Accept: alternately with a Response Authenticator made with a wrong
# secret, and with a right one but a Message-Authenticator made with a
# wrong key. The primary (still marked dead) runs again: fsrd must drop
# every forged reply, give up on the backup and come back to the primary.
radius_stop "$FR2_PID"
FR1B_LOG=$WORK/radius1b.log
if radius_start "$WORK/raddb1" "$FR1B_LOG"; then
	FR1_PID=$RADIUS_PID
	pass "the primary FreeRADIUS runs again"
else
	FR1_PID=$RADIUS_PID
	fail "the primary FreeRADIUS runs again"
	diag "$(tail -n 20 "$FR1B_LOG")"
fi
cat > "$WORK/forger.py" <<'PY'
import hashlib, hmac, socket, struct, sys
secret = sys.argv[1].encode()
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 1822))
print("forger listening", flush=True)
n = 0
while True:
    req, src = s.recvfrom(4096)
    if len(req) < 20 or req[0] != 1:
        continue
    n += 1
    # odd: everything made with a wrong secret (bad Response Authenticator)
    # even: right Response Authenticator, Message-Authenticator of a wrong key
    auth_key = b"not-the-secret" if n % 2 else secret
    attrs = bytes([80, 18]) + bytes(16)
    pkt = struct.pack("!BBH", 2, req[1], 20 + len(attrs)) + req[4:20] + attrs
    mac = hmac.new(b"not-the-secret", pkt, hashlib.md5).digest()
    pkt = pkt[:22] + mac
    auth = hashlib.md5(pkt[:4] + req[4:20] + pkt[20:] + auth_key).digest()
    s.sendto(pkt[:4] + auth + pkt[20:], src)
    print("forged Access-Accept sent (%s)" %
          ("bad authenticator" if n % 2 else "bad Message-Authenticator"),
          flush=True)
PY
python3 "$WORK/forger.py" "$SECRET" > "$WORK/forger.log" 2>&1 &
FORGER=$!
defer "kill $FORGER 2>/dev/null"
check "a forger listens on the backup's port" \
	wait_for 10 grep -q "forger listening" "$WORK/forger.log" ||
	diag "$(cat "$WORK/forger.log")"
supplicant peap
check "backup forging replies: the client still connects (primary again)" \
	wait_for 60 ft_on_bssid "$BSSID0"
check "the forger answered, both kinds" sh -c "
	grep -q 'forged Access-Accept sent (bad authenticator)' '$WORK/forger.log' &&
	grep -q 'forged Access-Accept sent (bad Message-Authenticator)' '$WORK/forger.log'"
check "fsrd dropped the forged replies (authenticator, Message-Authenticator)" sh -c "
	grep -q 'RADIUS 127.0.0.1:1822: Access-Accept id [0-9]* dropped: authenticator does not verify' '$FSRD_LOG' &&
	grep -q 'RADIUS 127.0.0.1:1822: Access-Accept id [0-9]* dropped: Message-Authenticator does not verify' '$FSRD_LOG'"
check "the backup was marked dead, the primary answers again" sh -c "
	grep -q 'authentication server 127.0.0.1:1822 not responding: marked dead' '$FSRD_LOG' &&
	grep -q 'authentication server 127.0.0.1:1812 answers again' '$FSRD_LOG' &&
	[ $(radius_access_requests "$FR1B_LOG") -gt 0 ]"
check "ping through the AP" wait_for 10 ping_ap
kill "$(cat "$WORK/wpa.pid")" 2>/dev/null

# --- both servers down ---------------------------------------------------------------
kill "$FORGER"
radius_stop "$FR1_PID"
"$FSRCTL" pmksa flush > /dev/null 2>&1
supplicant peap
check "both servers down: fsrd says no RADIUS server answered" \
	wait_for 60 grep -q "$STA: 802.1X authentication failed: no RADIUS server answered" "$FSRD_LOG"
check "the client is not admitted" not ft_on_bssid "$BSSID0"
check "fsrd removed it (reason 23)" \
	sh -c "[ $(fsrd_log_count "$STA: disconnected (reason 23)") -ge 2 ]"
check "fsrd still serving" kill -0 "$FSRD_PID"
kill "$(cat "$WORK/wpa.pid")" 2>/dev/null

# jget EXPR: a value of fsrctl's JSON in $WORK/auth.json (d)
jget() {
	python3 - "$WORK/auth.json" "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(eval(sys.argv[2], {"d": d}))
PY
}
"$FSRCTL" -j auth show > "$WORK/auth.json" 2> "$WORK/auth.err"
n=$(jget 'd["auth"]["eap_success"]')
check "fsrctl auth show: full EAP successes counted ($n)" [ "${n:-0}" -ge 4 ]
n=$(jget 'd["auth"]["pmksa_cached"] * 10 + d["auth"]["pmksa_okc"]')
check "fsrctl auth show: one PMKSA cache hit, one OKC hit" [ "$n" = 11 ]
n=$(jget 'd["auth"]["eap_failure"]')
check "fsrctl auth show: failures counted ($n)" [ "${n:-0}" -ge 2 ]
n=$(jget 'd["auth"]["das_disconnect"]')
check "fsrctl auth show: one Disconnect-Request" [ "$n" = 1 ]
n=$(jget 'min(d["auth_servers"][1]["bad_authenticator"], d["auth_servers"][1]["bad_ma"])')
check "fsrctl auth show: both kinds of forged replies counted on the backup ($n)" \
	[ "${n:-0}" -ge 1 ]
n=$(jget '[s["name"] + ":" + str(s["dead"]) for s in d["auth_servers"]]')
check "fsrctl auth show: both servers dead now" \
	[ "$n" = "['primary:True', 'backup:True']" ]
n=$(jget 'd["auth"]["acct_start"] >= 4 and d["auth"]["acct_stop"] >= 3')
check "fsrctl auth show: accounting Starts and Stops sent" [ "$n" = True ]
[ -s "$WORK/auth.err" ] && diag "$(cat "$WORK/auth.err")"
"$FSRCTL" auth show > "$WORK/auth.txt" 2>&1
check "fsrctl auth show (text) lists the servers" \
	grep -q "auth_server backup (127.0.0.1:1822): dead" "$WORK/auth.txt"

kill -TERM "$FSRD_PID"
wait "$FSRD_PID"
rc=$?
check "SIGTERM: fsrd exits 0 (status $rc)" [ "$rc" -eq 0 ]
check "no shared secret or password in fsrd's log" \
	not grep -q -e "$SECRET" -e "$DAS_SECRET" -e wonderland "$FSRD_LOG"
diag "$(grep -v 'debug:' "$FSRD_LOG" | tail -n 40)"
check "dmesg clean" dmesg_clean
tap_finish
