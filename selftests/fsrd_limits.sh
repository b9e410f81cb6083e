#!/bin/sh
# Station limits of fsrd: max_stations (status 17 once every AID is
# taken), the inactivity timeout (an idle but present client is probed and
# kept; a station that vanished is deauthenticated with reason 4).
# A real wpa_supplicant on wlan1 (netns), crafted frames from a monitor
# interface on wlan2's radio (fsrd_inject.py).
. "$(dirname "$0")/lib.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw python3 ping
INJECT="python3 $SELFTESTS/fsrd_inject.py"
if [ ! -x "$FSRD" ]; then
	echo "1..0 # SKIP build/bin/fsrd missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-limits
PASS=limits-passphrase
INACT=10

load_radios 3 || { fail "load radios"; tap_finish; }
BSSID=$(cat /sys/class/net/wlan0/address)
CLIENT=$(cat /sys/class/net/wlan1/address)

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = debug

[bss ap]
interface = wlan0
ssid = $SSID
channel = 1
security = wpa2-psk
passphrase = $PASS
max_stations = 1
inactivity_timeout = $INACT
eapol_timeout = 10000
eapol_retries = 10
END

start_fsrd

wcli() {
	ip netns exec cli wpa_cli -p "$WORK/wpa-ctrl" -i wlan1 "$@"
}

no_station() {
	[ -z "$(iw dev wlan0 station dump)" ]
}

check "fsrd starts the AP" wait_for 15 fsrd_log_has "AP started"
ip addr add 10.77.0.1/24 dev wlan0
check "monitor interface mon0 on wlan2's radio" add_monitor wlan2
client_netns cli wlan1
ip -n cli addr add 10.77.0.2/24 dev wlan1
check "wpa_supplicant starts" start_wpa_psk cli wlan1 "$SSID" "$PASS"
check "the client connects (AID 1 of max_stations 1)" \
	wait_for 30 wpa_connected cli wlan1

got=$($INJECT mon0 "$BSSID" 02:00:00:00:0e:01 ok-psk "$SSID")
check "a second station gets status 17 ($got)" [ "$got" = 17 ]
check "fsrd logs why" fsrd_log_has "02:00:00:00:0e:01.*no free AID"

# idle for more than the inactivity timeout: probed, ACKed, kept
sleep $((INACT * 3))
check "an idle client that ACKs the probe stays associated" \
	wpa_connected cli wlan1
check "... and fsrd did not drop it" \
	not fsrd_log_has "$CLIENT.*inactivity timeout"
check "ping after the idle period" \
	ip netns exec cli ping -c 1 -W 2 10.77.0.1

wcli disconnect > /dev/null
check "the client leaves" wait_for 10 no_station
got=$($INJECT mon0 "$BSSID" 02:00:00:00:0e:02 ok-psk "$SSID")
check "its AID is free again: a new station is accepted ($got)" [ "$got" = 0 ]
check "a station that vanished is deauthenticated for inactivity" \
	wait_for $((INACT * 5)) \
	fsrd_log_has "02:00:00:00:0e:02.*reason 4.*inactivity timeout"
check "... and removed from the kernel" wait_for 5 no_station

fsrd_sigterm
check "dmesg clean" dmesg_clean
tap_finish
