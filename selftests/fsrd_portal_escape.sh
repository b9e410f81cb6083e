#!/bin/sh
# When the portal server is gone (issue 15, items 3 and 7; seed 003):
# fsrd runs a WPA2-PSK BSS with portal = yes, escape = open,
# ntf_backoff = 100 ms and ntf_tries = 5, and one v2 portal server (the
# test's, selftests/portal_client.py) with heartbeat_timeout = 8. A real
# wpa_supplicant client logs in by PAP through FreeRADIUS while the portal
# sends NTF_HEARTBEATs; then the portal falls silent:
#  - fsrctl portal logout: NTF_LOGOUT goes unanswered and is sent again
#    with exponential back-off (the log shows the waits: 200, 400, 800,
#    1600 ms), then given up: the server is down, escape mode: the client,
#    logged out, reaches the AP without a login (nft's escape chain);
#  - one heartbeat: the server is up, escape mode ends, the client is
#    blocked again;
#  - silence for heartbeat_timeout: down again, escape again; a heartbeat
#    ends it; fsrctl portal show and its counters say all of it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
require_root
require_cmd wpa_supplicant wpa_cli ping freeradius python3 nft
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-portal-esc
PASS=portal-passphrase-1
SECRET=radius-s3cret
PSECRET=portal-s3cret
PC=$SELFTESTS/portal_client.py
ip link set lo up 2>/dev/null

load_radios 2 || { fail "load radios"; tap_finish; }
radius_lab "$SECRET"
pass "FreeRADIUS (PAP) on 127.0.0.1:1812"

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = info
control_socket = $WORK/fsrd.sock

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET

[portal]
listen = 127.0.0.1:2000
aff_timeout = 0
walled_garden = 10.77.0.3
escape = open
ntf_backoff = 100
ntf_tries = 5

[portal_server p1]
address = 127.0.0.1
version = 2
secret = $PSECRET
heartbeat_timeout = 8

[bss ap]
interface = wlan0
ssid = $SSID
channel = 1
security = wpa2-psk
passphrase = $PASS
portal = yes
END
pc() {
	python3 "$PC" -v 2 -s "$PSECRET" -t 2 "$@" >> "$WORK/pc.log" 2>&1
}
beat() {
	pc 0.0.0.0 heartbeat
}
# a heartbeat every second in the background, until beats_stop
beats_start() {
	( while :; do beat; sleep 1; done ) &
	BEATS=$!
}
beats_stop() {
	kill "$BEATS" 2>/dev/null
	wait "$BEATS" 2>/dev/null
}
defer "nft delete table netdev fsrd_portal 2>/dev/null"
start_fsrd
check "fsrd starts the AP" wait_for 15 fsrd_log_has "AP started"
check "fsrd listens for portal servers" \
	wait_for 5 fsrd_log_has "portal: listening on 127.0.0.1:2000"
# the portal's heartbeats from the start (heartbeat_timeout = 8)
beats_start
defer "kill $BEATS 2>/dev/null"
ip addr add 10.77.0.1/24 dev wlan0
ip addr add 10.77.0.3/24 dev wlan0
client_netns cli wlan1
ip -n cli addr add 10.77.0.2/24 dev wlan1
ip -n cli link set wlan1 up
STA_MAC=$(ip netns exec cli cat /sys/class/net/wlan1/address)
check "wpa_supplicant starts" start_wpa_psk cli wlan1 "$SSID" "$PASS"
check "the client associates" wait_for 30 wpa_connected cli wlan1
check "the walled garden answers" \
	ip netns exec cli ping -c 2 -i 0.2 -W 2 -I 10.77.0.2 10.77.0.3

reaches() {
	ip netns exec cli ping -c 3 -i 0.2 -W 1 -I 10.77.0.2 10.77.0.1 \
		> /dev/null 2>&1
}
blocked() {
	! reaches
}
show() {
	"$FSRCTL" -s "$WORK/fsrd.sock" portal show > "$WORK/show.txt" 2>&1
	grep -q "$1" "$WORK/show.txt"
}
# counters: "server_down server_up ntf_unacked ntf_sent"
counters() {
	"$FSRCTL" -s "$WORK/fsrd.sock" -j portal show > "$WORK/show.json" &&
		/usr/bin/python3 -c "import json, sys
c = json.load(sys.stdin)['counters']
print(c['server_down'], c['server_up'], c['ntf_unacked'], c['ntf_sent'])" \
			< "$WORK/show.json"
}
# counted WANT: the counters grew by WANT since C0 was read
counted() {
	set -- $1 $C0 $(counters)
	[ $(($9 - $5)) = "$1" ] && [ $((${10} - $6)) = "$2" ] &&
		[ $((${11} - $7)) = "$3" ] && [ $((${12} - $8)) = "$4" ]
}

check "before login: blocked" blocked
check "alice logs in (PAP)" pc 10.77.0.2 pap alice wonderland
check "... and reaches the AP" reaches
check "fsrctl portal show: p1 up" show "portal server p1: up"
C0=$(counters)
check "... escape off" grep -q "escape mode: off (escape = open)" "$WORK/show.txt"

# --- the portal falls silent: NTF_LOGOUT back-off, then escape ------------
beats_stop
check "fsrctl portal logout (no one acknowledges the NTF_LOGOUT)" \
	"$FSRCTL" -s "$WORK/fsrd.sock" portal logout "$STA_MAC"
check "alice is blocked" blocked
for n in "2 of 5), next in 200" "3 of 5), next in 400" \
	"4 of 5), next in 800" "5 of 5), giving up in 1600"; do
	check "back-off: NTF_LOGOUT transmission ${n%%)*}, ${n#*), } ms" \
		wait_for 10 fsrd_log_has "to \[portal_server p1\] not acknowledged: sent again ($n ms"
done
check "given up: p1 is down" \
	wait_for 10 fsrd_log_has "\[portal_server p1\] is down: NTF_LOGOUT unanswered after every retry"
check "escape mode begins" \
	wait_for 5 fsrd_log_has "every portal server is down: escape mode"
check "nft: the escape chain accepts" \
	sh -c "nft list chain netdev fsrd_portal escape | grep -q accept"
check "escape mode: the client reaches the AP without a login" reaches
check "fsrctl portal show: p1 DOWN, escape ON" show "escape mode: ON"
check "... p1 DOWN" grep -q "portal server p1: DOWN" "$WORK/show.txt"

# --- a heartbeat: up, escape ends -----------------------------------------
check "a heartbeat from the portal" beat
check "p1 is up again" wait_for 5 fsrd_log_has "\[portal_server p1\] is up: heard from again"
check "escape mode ends" wait_for 5 fsrd_log_has "escape mode ends"
check "nft: the escape chain is empty" \
	sh -c "! nft list chain netdev fsrd_portal escape | grep -q accept"
check "the client, not logged in, is blocked again" blocked

# --- silence for heartbeat_timeout: down, escape; a heartbeat ends it -----
check "silent for heartbeat_timeout (8 s): p1 down" \
	wait_for 15 fsrd_log_has "\[portal_server p1\] is down: no packet for the heartbeat timeout"
check "escape mode: the client reaches the AP" wait_for 5 reaches
check "a heartbeat: escape mode ends again" beat
check "the client is blocked again" wait_for 5 blocked
check "counted: servers down 2, up 2; NTF_LOGOUT sent 5 times, given up once" \
	counted "2 2 1 5"
diag "$(tr -d '\n' < "$WORK/show.json" | cut -c1-400)"

fsrd_sigterm
check "fsrd removed its nftables table" \
	sh -c "! nft list table netdev fsrd_portal 2>/dev/null"
check "kernel log clean" dmesg_clean
tap_finish
