#!/bin/sh
# fsrd alone (no hostapd) runs a WPA2-PSK AP on wlan0; a real
# wpa_supplicant on wlan1 (own netns) associates, completes the 4-way
# handshake, pings through it, completes a GTK rekey, disconnects cleanly;
# a wrong passphrase fails the handshake without hurting fsrd; SIGTERM
# stops fsrd with status 0.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw ping
if [ ! -x "$FSRD" ]; then
	echo "1..0 # SKIP build/bin/fsrd missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-psk
PASS=passphrase-1234
REKEY=15

load_radios 2 || { fail "load radios"; tap_finish; }

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = debug

[bss ap]
interface = wlan0
ssid = $SSID
channel = 1
security = wpa2-psk
passphrase = $PASS
gtk_rekey_interval = $REKEY
eapol_timeout = 500
eapol_retries = 3
END

start_fsrd

fsrd_alive() {
	kill -0 "$FSRD_PID" 2>/dev/null
}

no_station() {
	[ -z "$(iw dev wlan0 station dump)" ]
}

wcli() {
	ip netns exec cli wpa_cli -p "$WORK/wpa-ctrl" -i wlan1 "$@"
}

is_ap_2412() {
	iw dev wlan0 info > "$WORK/info.txt" &&
		grep -q "type AP" "$WORK/info.txt" &&
		grep -q 2412 "$WORK/info.txt"
}

scan_ok() {
	grep -q "SSID: $SSID" "$WORK/scan.txt" &&
		grep -q "Authentication suites: PSK" "$WORK/scan.txt" &&
		grep -q "Pairwise ciphers: CCMP" "$WORK/scan.txt"
}

check "fsrd starts the AP on wlan0" wait_for 15 fsrd_log_has "AP started"
check "wlan0 is an AP on 2412 MHz" is_ap_2412
ip addr add 10.77.0.1/24 dev wlan0
client_netns cli wlan1
ip -n cli addr add 10.77.0.2/24 dev wlan1
ip -n cli link set wlan1 up
# the scan result carries the SSID and RSNE of fsrd's beacon/probe response
ip netns exec cli iw dev wlan1 scan freq 2412 ssid "$SSID" \
	> "$WORK/scan.txt" 2>&1
check "scan sees $SSID with RSN PSK/CCMP" scan_ok
scan_ok || diag "$(cat "$WORK/scan.txt")"

check "wpa_supplicant starts" start_wpa_psk cli wlan1 "$SSID" "$PASS"
check "the client completes association and the 4-way handshake" \
	wait_for 30 wpa_connected cli wlan1
check "fsrd authorized the station" \
	wait_for 5 fsrd_log_has "4-way handshake completed, port authorized"
check "the kernel station is authorized" \
	sh -c 'iw dev wlan0 station dump | grep -q "authorized:.*yes"'
check "ping through the AP" ip netns exec cli ping -c 3 -i 0.2 -W 2 10.77.0.1

check "the client completes a GTK rekey" \
	wait_for $((REKEY * 2 + 10)) \
	grep -q "WPA: Group rekeying completed" "$WORK/wpa-wlan1.log"
check "fsrd saw the group-key handshake and switched the TX GTK" \
	wait_for 10 fsrd_log_has "GTK rekey done"
# a broadcast ARP request from the AP goes out with the new GTK
ip neigh flush dev wlan0
ip -n cli neigh flush dev wlan1
check "ping AP -> station after the rekey (ARP on the new GTK)" \
	ping -c 3 -i 0.2 -W 2 10.77.0.2

wcli disconnect > /dev/null
check "clean disconnect: fsrd removes the station" wait_for 10 no_station
check "fsrd logged the client's deauthentication" \
	wait_for 5 fsrd_log_has "Deauthentication from the station"

wcli set_network 0 psk "\"wrong-passphrase\"" > /dev/null
wcli reconnect > /dev/null
check "wrong passphrase: fsrd logs the failed 4-way handshake" \
	wait_for 30 fsrd_log_has "4-way handshake failed"
wcli disconnect > /dev/null
check "wrong passphrase: the station is removed" wait_for 10 no_station
check "fsrd still runs" fsrd_alive

wcli set_network 0 psk "\"$PASS\"" > /dev/null
wcli enable_network 0 > /dev/null
wcli reconnect > /dev/null
check "the right passphrase connects again" wait_for 30 wpa_connected cli wlan1
check "ping through the AP again" \
	ip netns exec cli ping -c 2 -i 0.2 -W 2 10.77.0.1

# a crash leaves the AP and the station in the kernel; a new fsrd restarts
# the AP and deauthenticates the client on its next data frame
kill -KILL "$FSRD_PID"
wait "$FSRD_PID" 2>/dev/null
FSRD_LOG1=$FSRD_LOG
start_fsrd "$WORK/fsrd-2.log"
check "fsrd restarted after SIGKILL brings the AP up again" \
	wait_for 15 fsrd_log_has "AP started"
# keep the client talking so that the AP sees its class 3 frames
( i=0; while [ $i -lt 40 ]; do
	ip netns exec cli ping -c 1 -W 1 10.77.0.1 > /dev/null 2>&1
	i=$((i + 1)); done ) &
PINGER=$!
defer "kill $PINGER"
check "the restarted fsrd deauthenticates the stale client" \
	wait_for 30 fsrd_log_has "not associated: deauthenticating"
check "the client reconnects to the restarted fsrd" \
	wait_for 30 fsrd_log_has "4-way handshake completed"
kill "$PINGER" 2>/dev/null
check "ping through the restarted AP" \
	wait_for 10 ip netns exec cli ping -c 1 -W 2 10.77.0.1

handshakes_ge() {
	[ "$(grep -c '4-way handshake completed' "$FSRD_LOG")" -ge "$1" ]
}
ip link set wlan0 down
check "interface down: fsrd sees the kernel stop the AP" \
	wait_for 10 fsrd_log_has "kernel stopped the AP"
ip link set wlan0 up
check "interface up: fsrd restarts the AP" \
	wait_for 15 fsrd_log_has "AP restarted"
( i=0; while [ $i -lt 60 ]; do
	ip netns exec cli ping -c 1 -W 1 10.77.0.1 > /dev/null 2>&1
	i=$((i + 1)); done ) &
PINGER=$!
defer "kill $PINGER"
check "the client reconnects after the interface came back" \
	wait_for 60 handshakes_ge 2
kill "$PINGER" 2>/dev/null
check "ping after the interface came back" \
	wait_for 10 ip netns exec cli ping -c 1 -W 2 10.77.0.1

kill -TERM "$FSRD_PID"
wait "$FSRD_PID"
rc=$?
check "SIGTERM: fsrd exits 0 (status $rc)" [ "$rc" -eq 0 ]
check "fsrd deauthenticated the station and stopped the AP" \
	sh -c "grep -q 'AP stopping' '$FSRD_LOG' && grep -q 'AP stopped' '$FSRD_LOG'"
check "no passphrase in fsrd's logs" \
	not grep -q -e "$PASS" -e wrong-passphrase "$FSRD_LOG1" "$FSRD_LOG"
diag "$(grep -v debug: "$FSRD_LOG1" | tail -n 30)"
diag "$(grep -v debug: "$FSRD_LOG" | tail -n 30)"
check "dmesg clean" dmesg_clean
tap_finish
