#!/bin/sh
# Pass-through is real: hostapd runs a WPA2-PSK BSS on an interface fsr is
# attached to; a real wpa_supplicant associates and pings through it, and
# fsr's counters show the Authentication and Association frames it saw and
# passed on to hostapd.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd hostapd wpa_supplicant iw ping python3
dmesg_mark

load_radios 2 || { fail "load radios"; tap_finish; }
check "fsr loads" lab_modprobe fsr
check "hostapd starts a WPA2-PSK BSS on wlan0" start_hostapd_psk wlan0 fsr-pass passphrase-1234
check "fsrctl bss attach wlan0" "$FSRCTL" bss attach wlan0
ip addr add 10.77.0.1/24 dev wlan0
client_netns cli wlan1
ip -n cli addr add 10.77.0.2/24 dev wlan1
check "wpa_supplicant starts" start_wpa_psk cli wlan1 fsr-pass passphrase-1234
check "the client completes association and the 4-way handshake" \
	wait_for 30 wpa_connected cli wlan1
check "ping through the AP" ip netns exec cli ping -c 3 -i 0.2 -W 2 10.77.0.1

"$FSRCTL" -j stats wlan0 > "$WORK/stats.json"
diag "$(cat "$WORK/stats.json")"
# counter NAME: one counter of wlan0 from fsrctl's JSON.
counter() {
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
b=d[0] if isinstance(d,list) else d; print(b['stats'][sys.argv[2]])" \
		"$WORK/stats.json" "$1"
}
auth=$(counter rx_auth)
assoc=$(counter rx_assoc_req)
passed=$(counter passed)
served=$(counter served)
check "fsr saw the Authentication frame ($auth)" [ "$auth" -ge 1 ]
check "fsr saw the Association Request ($assoc)" [ "$assoc" -ge 1 ]
check "fsr passed them on ($passed) and served none ($served)" \
	[ "$passed" -ge $((auth + assoc)) -a "$served" -eq 0 ]
check "hostapd saw the association" grep -q 'AP-STA-CONNECTED' "$WORK/hostapd-wlan0.log"
check "dmesg clean" dmesg_clean
tap_finish
