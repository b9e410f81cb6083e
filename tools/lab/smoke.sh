#!/bin/sh
# Smoke test of the lab VM with real peers: hostapd (WPA2-PSK, CCMP) on
# wlan0 and wpa_supplicant on wlan1, moved with its phy into its own network
# namespace, over mac80211_hwsim; then a ping across the protected link.
# Prints TAP. Runs inside the lab:
#   tools/lab/run -- tools/lab/smoke.sh
# Logs: $FSR_LAB_OUT/smoke/ (hostapd.log, wpa_supplicant.log, configs).
# The helpers are called indirectly, through check().
# shellcheck disable=SC2317
set -u

lab=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tools/lab/guest-lib.sh
. "$lab/guest-lib.sh"

n=0
failed=0
ok() {
	n=$((n + 1))
	echo "ok $n - $*"
}
not_ok() {
	n=$((n + 1))
	failed=1
	echo "not ok $n - $*"
}
finish() {
	echo "1..$n"
	exit $failed
}
# check WHAT COMMAND...: one TAP line; stops the test at the first failure.
check() {
	what=$1
	shift
	if "$@"; then
		ok "$what"
	else
		not_ok "$what"
		dump_logs
		finish
	fi
}

lab_in_vm || {
	echo "1..0 # SKIP not in the lab VM (run: tools/lab/run -- $0)"
	exit 0
}

logs=$FSR_LAB_OUT/smoke
mkdir -p "$logs"
dump_logs() {
	for f in "$logs"/*.log; do
		[ -f "$f" ] || continue
		echo "# --- $f (last lines)"
		tail -n 15 "$f" | sed 's/^/# /'
	done
}

ssid=fsr-smoke
psk=fsr-smoke-passphrase
ns=fsr-sta
run=/run/fsr-smoke
mkdir -p "$run"

check "mac80211_hwsim with 2 radios" lab_hwsim 2

cat > "$logs/hostapd.conf" << EOF
interface=wlan0
driver=nl80211
ctrl_interface=$run/hostapd
ssid=$ssid
hw_mode=g
channel=1
wpa=2
wpa_key_mgmt=WPA-PSK
rsn_pairwise=CCMP
wpa_passphrase=$psk
EOF
cat > "$logs/wpa_supplicant.conf" << EOF
ctrl_interface=$run/wpa_supplicant
network={
	ssid="$ssid"
	key_mgmt=WPA-PSK
	proto=RSN
	pairwise=CCMP
	group=CCMP
	psk="$psk"
}
EOF

# The station lives in its own network namespace: its phy moves with it.
phy=$(cat /sys/class/net/wlan1/phy80211/name)
check "namespace $ns with $phy (wlan1)" \
	sh -c "ip netns add '$ns' && iw phy $phy set netns name '$ns'"

hostapd -B -t -f "$logs/hostapd.log" -P "$run/hostapd.pid" "$logs/hostapd.conf" \
	> "$logs/hostapd.stdout" 2>&1
check "hostapd is up on wlan0" lab_wait 20 hostapd_cli -p "$run/hostapd" -i wlan0 ping

ip netns exec "$ns" wpa_supplicant -B -t -i wlan1 -D nl80211 \
	-c "$logs/wpa_supplicant.conf" -f "$logs/wpa_supplicant.log" \
	-P "$run/wpa_supplicant.pid" > "$logs/wpa_supplicant.stdout" 2>&1
completed() {
	ip netns exec "$ns" wpa_cli -p "$run/wpa_supplicant" -i wlan1 status |
		grep -qx 'wpa_state=COMPLETED'
}
check "wpa_supplicant completes the 4-way handshake" lab_wait 60 completed

sta=$(ip netns exec "$ns" cat /sys/class/net/wlan1/address)
authorized() {
	hostapd_cli -p "$run/hostapd" -i wlan0 sta "$sta" | grep -q AUTHORIZED
}
check "hostapd has $sta authorized" authorized

ip addr add 192.0.2.1/24 dev wlan0
ip netns exec "$ns" ip link set lo up
ip netns exec "$ns" ip addr add 192.0.2.2/24 dev wlan1
ping_sta() {
	ping -c 3 -W 5 -i 0.3 192.0.2.2 > "$logs/ping-sta.log" 2>&1
}
ping_ap() {
	ip netns exec "$ns" ping -c 3 -W 5 -i 0.3 192.0.2.1 > "$logs/ping-ap.log" 2>&1
}
check "ping AP -> station over CCMP" ping_sta
check "ping station -> AP over CCMP" ping_ap

kill "$(cat "$run/hostapd.pid")" 2> /dev/null
ip netns exec "$ns" kill "$(cat "$run/wpa_supplicant.pid")" 2> /dev/null
finish
