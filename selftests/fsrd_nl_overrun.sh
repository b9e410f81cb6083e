#!/bin/sh
# fsrd after an nl80211 event overrun (issue 13 item 10): with fsrd stopped
# (SIGSTOP), a burst of spoofed Authentication frames fills its nl80211
# event socket; then the kernel removes the real client's station, and
# that DEL_STATION event is lost with the others. Continued, fsrd sees the
# overrun (ENOBUFS), says so, compares its stations with the kernel's and
# forgets the one the kernel no longer has; the client comes back and
# passes traffic, and fsrd keeps serving.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw ping python3
if [ ! -x "$FSRD" ]; then
	echo "1..0 # SKIP build/bin/fsrd missing"
	exit $KSFT_SKIP
fi

SSID=fsrd-overrun
PASS=overrun-passphrase
N=${FSRD_OVERRUN_FRAMES:-12000}

load_radios 3 || { fail "load radios"; tap_finish; }
BSSID=$(cat /sys/class/net/wlan0/address)
STA=$(cat /sys/class/net/wlan2/address)
cat > "$WORK/fsrd.conf" <<END
[global]
log_level = info

[bss a]
interface = wlan0
ssid = $SSID
channel = 1
security = wpa2-psk
passphrase = $PASS
END
start_fsrd
check "fsrd starts the AP" wait_for 15 fsrd_log_has "AP started"
ip addr add 10.80.0.1/24 dev wlan0
client_netns cli wlan2
ip -n cli addr add 10.80.0.2/24 dev wlan2
start_wpa_psk cli wlan2 "$SSID" "$PASS"
check "a WPA2-PSK client connects" wait_for 40 wpa_connected cli wlan2
check "ping through the AP" ip netns exec cli ping -c 2 -i 0.2 -W 2 10.80.0.1
add_monitor wlan1 || fail "monitor interface on wlan1's radio"

kill -STOP "$FSRD_PID"
/usr/bin/python3 "$SELFTESTS/ft_flood.py" mon0 "$BSSID" fsrd.lab.example \
	a1b2 auth-random "$N" > "$WORK/flood.txt" 2>&1
diag "$(cat "$WORK/flood.txt")"
# the buffer is full by now: this event is lost with the others
iw dev wlan0 station del "$STA"
check "the kernel no longer holds the client's station" \
	sh -c "! iw dev wlan0 station get $STA > /dev/null 2>&1"
kill -CONT "$FSRD_PID"
check "fsrd sees the overrun and says so" \
	wait_for 60 fsrd_log_has "nl80211 events were lost (socket overrun)"
check "fsrd forgets the station the kernel no longer has" \
	wait_for 30 fsrd_log_has "$STA: disconnected.*no longer in the kernel (nl80211 events were lost)"
check "the client comes back" wait_for 60 wpa_connected cli wlan2
check "ping through the AP again" wait_for 20 \
	ip netns exec cli ping -c 1 -W 2 10.80.0.1
check "fsrd still runs" kill -0 "$FSRD_PID"
fsrd_sigterm
tap_finish
