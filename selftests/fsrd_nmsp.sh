#!/bin/sh
# The location-server link (issue 16, docs/nmsp.md): fsrd runs two FT-PSK
# BSSes and an [nmsp] section listening on 127.0.0.1; a location server
# written in the test (selftests/nmsp_ls.py, Python's ssl) with a
# self-signed certificate whose key hash is in fsrd's auth list (SHA-256
# for one MAC, SHA-1 for another, computed with the openssl command of
# fsrd.conf(5)) is accepted, subscribes to station events, client RSSI
# and probe-request RSSI and gets the association, the FT roam (with the
# BSS it came from) and the departure of a real wpa_supplicant client,
# the signal of its probe requests as both BSSes heard them, its signal
# as fsrd's BSS hears it every second before and after the roam, answers
# to INFO for the client and for a station that is nowhere, and fsrd's
# echoes (answered, so it stays connected). Client mode: fsrd dials a
# server that is down (nothing listens), backs off 1, 2, 4, 8 and 16 s,
# falls back to the second server, which is up (the test's location
# server as TLS server), and is accepted there; when that session ends it
# retries after 1 s. fsrctl nmsp authlist: an entry added is written to
# fsrd.conf (the rest of the file untouched) and in force at once, bad
# requests are refused with their reason, the entry survives a restart
# and a SIGHUP, removing it closes the server it let in, and a line added
# by hand is taken by SIGHUP. Refused, each with its reason in the
# log: an unknown MAC, a certificate whose key is not listed, no client
# certificate, plain TCP, TLS 1.1, a message before INIT, a header
# announcing more than 4096 octets, a truncated TLV. (A peer that never reads, and one
# peer too many, are tested on loopback: userspace/tests/test_nmsp_svc.c.)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_nmsp.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw openssl python3
if [ ! -x "$FSRD" ]; then
	echo "1..0 # SKIP build/bin/fsrd missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-nmsp
PASS=nmsp-passphrase-42
PORT=16113
LS="$NMSP_LS $PORT"
LS_MAC=02:00:00:00:0a:01
LS2_MAC=02:00:00:00:0a:02
# client mode: nothing listens on the first, the test's server on the second
DOWN_PORT=16120
UP_PORT=16121

load_radios 3 || { fail "load radios"; tap_finish; }
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)

nmsp_cert fsrd && nmsp_cert ls && nmsp_cert other && nmsp_cert ls3
H256=$(nmsp_keyhash ls sha256)
H1=$(nmsp_keyhash ls sha1)
check "certificates for fsrd, the location server and a stranger" \
	test -s "$WORK/other.pem" -a ${#H256} -eq 64 -a ${#H1} -eq 40
diag "location server's key: sha256 $H256, sha1 $H1"

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = debug
control_socket = $WORK/fsrd.sock
mobility_domain = a1b2
r0kh_id = fsrd.lab.example
kernel_fast_path = no

[bss a]
interface = wlan0
ssid = $SSID
channel = 1
security = ft-psk
passphrase = $PASS

[bss b]
interface = wlan1
ssid = $SSID
channel = 1
security = ft-psk
passphrase = $PASS

[nmsp]
listen = 127.0.0.1:$PORT
certificate = $WORK/fsrd.pem
key = $WORK/fsrd.key
auth = $LS_MAC sha256:$H256
auth = $LS2_MAC sha1:$H1
idle_timeout = 10
server = 127.0.0.1:$DOWN_PORT
server = 127.0.0.1:$UP_PORT
END

$NMSP_LS $UP_PORT serve "$WORK/ls.pem" "$WORK/ls.key" \
	$LS2_MAC 150 > "$WORK/serve.txt" 2>&1 &
SERVE_PID=$!
defer "kill $SERVE_PID 2> /dev/null"
start_fsrd
# when the first refusal and the fallback show in the log (to the second)
(
	until fsrd_log_has "server 127.0.0.1:$DOWN_PORT: Connection refused; retry 1 "; do
		sleep 0.2
	done
	date +%s > "$WORK/first-try.t"
	until fsrd_log_has "falling back to 127.0.0.1:$UP_PORT"; do
		sleep 0.2
	done
	date +%s > "$WORK/fallback.t"
) &
defer "kill $! 2> /dev/null"
two_aps() {
	[ "$(fsrd_log_count "AP started")" -eq 2 ]
}
check "fsrd starts two FT-PSK BSSes" wait_for 20 two_aps
check "fsrd listens for location servers (2 auth-list entries)" \
	wait_for 10 fsrd_log_has "nmsp: listening on port $PORT, 2 auth-list entries"
check "client mode: fsrd dials 127.0.0.1:$DOWN_PORT first" \
	wait_for 5 fsrd_log_has "nmsp: client mode: 2 servers, 127.0.0.1:$DOWN_PORT first"

# refusal CASE WANT LOGWORDS...: nmsp_ls CASE prints WANT, fsrd logs why
refusal() {
	_case=$1
	_want=$2
	shift 2
	# shellcheck disable=SC2086
	_got=$($LS $_case 2>> "$WORK/ls.err")
	if [ "$_got" = "$_want" ] && wait_for 5 fsrd_log_has "$*"; then
		pass "$_case: \"$_want\", fsrd logs \"$*\""
	else
		fail "$_case: \"$_want\", fsrd logs \"$*\" (got \"$_got\")"
		diag "$(grep nmsp "$FSRD_LOG" | tail -3)"
	fi
}

check "the location server (SHA-256 entry) is accepted" \
	test "$($LS init "$WORK/ls.pem" "$WORK/ls.key" $LS_MAC)" = "init=ok"
check "... logged with its MAC and name" \
	wait_for 5 fsrd_log_has "location server $LS_MAC (lab-ls) accepted"
check "the same key listed by SHA-1 for another MAC: accepted as that MAC" \
	test "$($LS init "$WORK/ls.pem" "$WORK/ls.key" $LS2_MAC)" = "init=ok"
# the refusal in the per-client trace of the MAC it said
"$FSRCTL" --socket "$WORK/fsrd.sock" monitor --client 02:00:00:00:0a:09 \
	> "$WORK/mon-ls.txt" 2>&1 &
defer "kill $! 2> /dev/null"
sleep 1
refusal "init $WORK/ls.pem $WORK/ls.key 02:00:00:00:0a:09" close=4 \
	"refused: unknown-mac"
check "fsrctl monitor --client 02:00:00:00:0a:09: the refusal, with its reason" \
	wait_for 5 grep -Eq '^[^ ]+ nmsp +02:00:00:00:0a:09 nmsp +location server refused: unknown-mac, from 127\.0\.0\.1:' \
		"$WORK/mon-ls.txt"
refusal "init $WORK/other.pem $WORK/other.key $LS_MAC" close=5 \
	"refused: key-hash"
refusal "nocert $LS_MAC" close=6 "refused: no-certificate"
refusal plain closed "refused: TLS handshake failed"
refusal "tls11 $WORK/ls.pem $WORK/ls.key" handshake=failed \
	"refused: TLS handshake failed"
refusal "before-init $WORK/ls.pem $WORK/ls.key" close=2 \
	"refused: not-initialised"
refusal "oversized $WORK/ls.pem $WORK/ls.key" close=3 "refused: malformed"
check "truncated: an INIT_REQ whose TLV runs past its body: close=3 (malformed)" \
	test "$($LS truncated "$WORK/ls.pem" "$WORK/ls.key")" = "close=3"
check "... logged, the second malformed refusal" \
	wait_for 5 sh -c "[ \$(grep -c 'refused: malformed' '$FSRD_LOG') -eq 2 ]"

# counter NAME: the link's counter NAME (fsrctl -j nmsp show)
counter() {
	"$FSRCTL" --socket "$WORK/fsrd.sock" -j nmsp show |
		python3 -c "import json,sys; print(json.load(sys.stdin)['counters']['$1'])"
}
"$FSRCTL" --socket "$WORK/fsrd.sock" nmsp show > "$WORK/nmsp-show.txt" 2>&1
diag "$(tr '\n' ' ' < "$WORK/nmsp-show.txt")"
refusals_counted() {
	[ "$(counter refused_unknown_mac)" -eq 1 ] &&
		[ "$(counter refused_key_hash)" -eq 1 ] &&
		[ "$(counter refused_no_certificate)" -eq 1 ] &&
		[ "$(counter refused_not_initialised)" -eq 1 ] &&
		[ "$(counter refused_malformed)" -eq 2 ] &&
		[ "$(counter tls_failed)" -eq 2 ] &&
		[ "$(counter connections)" -ge 9 ]
}
check "fsrctl nmsp show counts each refusal by its reason" refusals_counted

# Station events of a real client: association, FT roam, departure.
$LS events "$WORK/ls.pem" "$WORK/ls.key" $LS_MAC 90 > "$WORK/events.txt" 2>&1 &
LS_PID=$!
defer "kill $LS_PID 2> /dev/null"
check "the location server subscribes to station events" \
	wait_for 10 grep -q '^subscribe=ok' "$WORK/events.txt"
check "... and to client RSSI" \
	wait_for 10 grep -q '^subscribe-rssi=ok' "$WORK/events.txt"
check "... and to probe-request RSSI" \
	wait_for 10 grep -q '^subscribe-probe=ok' "$WORK/events.txt"
check "INFO for a station that is nowhere: unknown-station (9)" \
	wait_for 10 grep -q '^info status=9 sta=02:00:00:00:ff:ff$' "$WORK/events.txt"
check "fsrctl nmsp show: the location server up, its MAC, name and subscriptions" \
	sh -c "\"$FSRCTL\" --socket $WORK/fsrd.sock nmsp show |
		grep -q ' up *$LS_MAC *lab-ls .*client-rssi,probe-rssi,station-events'"

check "the two BSSes are bridged (br0 10.77.0.1)" ft_bridge_up
defer "ip link del br0"
client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2
# Probe-request RSSI is of stations that are not associated: the client
# scans (active, probe requests on channel 1) before wpa_supplicant runs.
ip -n cli link set wlan2 up
ip netns exec cli iw dev wlan2 scan freq 2412 > /dev/null 2>&1 ||
	diag "iw scan failed"
check "probe-request RSSI of $STA, not associated, heard by both BSSes" \
	wait_for 10 sh -c "grep -Eq '^probe sta=$STA bssid=$BSSID0 rssi=-[0-9]+ ch=1\$' \
		$WORK/events.txt && grep -Eq '^probe sta=$STA bssid=$BSSID1 rssi=-[0-9]+ ch=1\$' \
		$WORK/events.txt"
cat > "$WORK/wpa-ft.conf" <<END
ctrl_interface=$WORK/wpa-ctrl
network={
	ssid="$SSID"
	key_mgmt=FT-PSK
	psk="$PASS"
	scan_freq=2412
}
END
ip netns exec cli wpa_supplicant -B -i wlan2 -c "$WORK/wpa-ft.conf" \
	-P "$WORK/wpa.pid" -f "$WORK/wpa.log"
defer "kill \$(cat $WORK/wpa.pid) 2> /dev/null"
check "the client associates" \
	wait_for 40 grep -q 'CTRL-EVENT-CONNECTED' "$WORK/wpa.log"
first=$(ft_cli status | sed -n 's/^bssid=//p')
if [ "$first" = "$BSSID0" ]; then next=$BSSID1; else next=$BSSID0; fi
check "association event: $STA on $first" \
	wait_for 10 grep -q "^event=1 sta=$STA bssid=$first" "$WORK/events.txt"
check "INFO for $STA: ok, at $first, with the signal fsrd hears (dBm)" \
	wait_for 10 grep -Eq "^info status=0 sta=$STA bssid=$first rssi=-[0-9]+$" \
		"$WORK/events.txt"
check "client RSSI of $STA at $first, every second" \
	wait_for 10 grep -Eq "^rssi sta=$STA bssid=$first rssi=-[0-9]+ ch=1$" \
		"$WORK/events.txt"
ft_cli scan > /dev/null
wait_for 20 ft_both_seen || diag "the client does not see both BSSes"
ft_cli roam "$next" > /dev/null
check "the client roams (FT) to $next" wait_for 20 ft_on_bssid "$next"
check "roam event: $STA to $next from $first" \
	wait_for 10 grep -q "^event=3 sta=$STA bssid=$next old=$first" \
		"$WORK/events.txt"
check "client RSSI of $STA at $next after the roam" \
	wait_for 10 grep -Eq "^rssi sta=$STA bssid=$next rssi=-[0-9]+ ch=1$" \
		"$WORK/events.txt"
ft_cli disconnect > /dev/null
check "departure event: $STA left $next" \
	wait_for 10 grep -q "^event=2 sta=$STA bssid=$next" "$WORK/events.txt"
diag "events: $(tr '\n' ' ' < "$WORK/events.txt")"
check "one roam, one event: no departure from the BSS it roamed away from" \
	test "$(grep -c "^event=3" "$WORK/events.txt")" -eq 1 -a \
		"$(grep -c "^event=2 sta=$STA bssid=$first" "$WORK/events.txt")" -eq 0
# the client probed again before its roam, associated: not reported
check "no probe-request RSSI of $STA while it is associated" \
	test "$(sed -n "/^event=1 sta=$STA/,/^event=2 sta=$STA/p" "$WORK/events.txt" |
		grep -c "^probe sta=$STA")" -eq 0
check "the location server stayed connected throughout (echoes answered)" \
	test "$(grep -c '^closed\|^unexpected' "$WORK/events.txt")" -eq 0
# Client mode (started with fsrd, 31 s of back-off before the fallback).
for r in "1 of 5 in 1 s" "2 of 5 in 2 s" "3 of 5 in 4 s" "4 of 5 in 8 s" \
	"5 of 5 in 16 s"; do
	check "client mode: server down (connection refused): retry $r" \
		wait_for 40 fsrd_log_has "server 127.0.0.1:$DOWN_PORT: Connection refused; retry $r"
done
check "client mode: the fifth retry refused: fallback to 127.0.0.1:$UP_PORT" \
	wait_for 40 fsrd_log_has "server 127.0.0.1:$DOWN_PORT: Connection refused; 5 retries failed, falling back to 127.0.0.1:$UP_PORT"
wait_for 5 test -s "$WORK/fallback.t"
backoff=$(($(cat "$WORK/fallback.t") - $(cat "$WORK/first-try.t")))
check "client mode: the fallback came 1 + 2 + 4 + 8 + 16 = 31 s after the first refusal (${backoff} s, 30..36 allowed)" \
	test "$backoff" -ge 30 -a "$backoff" -le 36
check "client mode: the second server took the connection, sent INIT as $LS2_MAC, fsrd accepted it" \
	wait_for 15 sh -c "grep -q '^accepted' $WORK/serve.txt &&
		grep -q '^init=ok' $WORK/serve.txt &&
		grep -q '^subscribe=ok' $WORK/serve.txt"
"$FSRCTL" --socket "$WORK/fsrd.sock" nmsp show > "$WORK/nmsp-client.txt" 2>&1
diag "$(cat "$WORK/nmsp-client.txt")"
check "fsrctl nmsp show: the dialled server, direction out, up as $LS2_MAC" \
	grep -Eq "^127\.0\.0\.1:$UP_PORT +out +up +$LS2_MAC +lab-ls" "$WORK/nmsp-client.txt"
check "fsrctl nmsp show: client mode's servers, the first in standby with its last error, the second connected" \
	sh -c "grep -Eq '^127\.0\.0\.1:$DOWN_PORT +standby .* 6 +0  Connection refused' $WORK/nmsp-client.txt &&
		grep -Eq '^127\.0\.0\.1:$UP_PORT +connected ' $WORK/nmsp-client.txt"
kill $SERVE_PID 2> /dev/null
check "client mode: the session ends (server gone): retry 1 in 1 s" \
	wait_for 10 fsrd_log_has "server 127.0.0.1:$UP_PORT: the session ended; retry 1 of 5 in 1 s"
check "... and the retry, refused: retry 2 in 2 s" \
	wait_for 10 fsrd_log_has "server 127.0.0.1:$UP_PORT: Connection refused; retry 2 of 5 in 2 s"
# the server up again: the next retry connects
$NMSP_LS $UP_PORT serve "$WORK/ls.pem" "$WORK/ls.key" $LS2_MAC 60 \
	> "$WORK/serve2.txt" 2>&1 &
defer "kill $! 2> /dev/null"
check "client mode: the server up again: a retry connects, INIT accepted" \
	wait_for 20 sh -c "grep -q '^init=ok' $WORK/serve2.txt"
# fsrctl nmsp authlist: a third location server, with its own key
LS3_MAC=02:00:00:00:0a:03
H3=$(nmsp_keyhash ls3 sha256)
AUTHLIST="$FSRCTL --socket $WORK/fsrd.sock nmsp authlist"
$AUTHLIST show > "$WORK/authlist.txt" 2>&1
check "authlist show: the two entries of fsrd.conf" \
	sh -c "grep -q '^2 entries' $WORK/authlist.txt &&
		grep -qx '$LS_MAC  sha256:$H256' $WORK/authlist.txt &&
		grep -qx '$LS2_MAC  sha1:$H1' $WORK/authlist.txt"
refusal "init $WORK/ls3.pem $WORK/ls3.key $LS3_MAC" close=4 \
	"refused: unknown-mac"
cp "$WORK/fsrd.conf" "$WORK/fsrd.conf.before"
check "authlist add $LS3_MAC sha256:..." \
	sh -c "$AUTHLIST add $LS3_MAC sha256:$H3 | grep -q '^added $LS3_MAC'"
check "... written to fsrd.conf: one auth line more, the rest as it was" \
	sh -c "grep -qx 'auth = $LS3_MAC sha256:$H3' $WORK/fsrd.conf &&
		grep -vx 'auth = $LS3_MAC sha256:$H3' $WORK/fsrd.conf |
		cmp -s - $WORK/fsrd.conf.before"
check "... and in force: the third server is accepted" \
	test "$($LS init "$WORK/ls3.pem" "$WORK/ls3.key" $LS3_MAC)" = "init=ok"
out=$($AUTHLIST add $LS3_MAC sha256:$H3 2>&1); rc=$?
check "authlist add of an entry already listed: exit 1, says so ($out)" \
	test "$rc" -eq 1 -a -n "$(echo "$out" | grep 'in the auth list already')"
out=$($AUTHLIST add $LS3_MAC sha256:1234 2>&1); rc=$?
check "authlist add with a short hash: exit 1, says what is wrong ($out)" \
	test "$rc" -eq 1 -a -n "$(echo "$out" | grep 'hex digits')"
out=$($AUTHLIST del 02:00:00:00:0a:09 2>&1); rc=$?
check "authlist del of a MAC not listed: exit 1, says so ($out)" \
	test "$rc" -eq 1 -a -n "$(echo "$out" | grep 'not in the auth list')"
check "the file is as the one add wrote" \
	test "$(grep -c "^auth = " "$WORK/fsrd.conf")" -eq 3
kill -HUP "$FSRD_PID"
check "SIGHUP after authlist add: reloaded (the auth lines are taken live, not refused as an [nmsp] change)" \
	wait_for 10 fsrd_log_has "configuration reloaded from"
check "... no reload refused" not fsrd_log_has "reload refused"

# persisted: fsrd started again reads the entry from fsrd.conf
kill "$FSRD_PID"
wait "$FSRD_PID" 2> /dev/null
start_fsrd "$WORK/fsrd2.log"
check "fsrd started again listens (3 auth-list entries, from fsrd.conf)" \
	wait_for 20 fsrd_log_has "nmsp: listening on port $PORT, 3 auth-list entries"
$NMSP_LS $PORT events "$WORK/ls3.pem" "$WORK/ls3.key" $LS3_MAC 30 \
	> "$WORK/ls3.txt" 2>&1 &
LS3_PID=$!
defer "kill $LS3_PID 2> /dev/null"
check "the third server connects and subscribes" \
	wait_for 10 grep -q '^subscribe=ok' "$WORK/ls3.txt"
check "authlist del $LS3_MAC while it is connected: 1 entry removed" \
	sh -c "$AUTHLIST del $LS3_MAC | grep -q '^removed 1 entry of $LS3_MAC'"
check "... it is closed at once: CLOSE unknown-mac (4)" \
	wait_for 5 grep -q '^close=4' "$WORK/ls3.txt"
check "... fsrd logs why" \
	fsrd_log_has "$LS3_MAC is no longer in the auth list: closed"
check "... its line is gone from fsrd.conf, the file as it was before the add" \
	cmp -s "$WORK/fsrd.conf" "$WORK/fsrd.conf.before"
refusal "init $WORK/ls3.pem $WORK/ls3.key $LS3_MAC" close=4 \
	"refused: unknown-mac"
# an auth line written by hand ([nmsp] is the file's last section) and
# SIGHUP: in force without a restart
echo "auth = $LS3_MAC sha256:$H3" >> "$WORK/fsrd.conf"
kill -HUP "$FSRD_PID"
check "an auth line added by hand, SIGHUP: fsrd takes the list (3 entries)" \
	wait_for 10 fsrd_log_has "nmsp: auth list: 3 entries from $WORK/fsrd.conf"
check "... the third server is accepted" \
	test "$($LS init "$WORK/ls3.pem" "$WORK/ls3.key" $LS3_MAC)" = "init=ok"
check "fsrd is still running" kill -0 "$FSRD_PID"
if dmesg_clean; then pass "dmesg clean"; else fail "dmesg clean"; fi
tap_finish
