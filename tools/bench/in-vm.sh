#!/bin/sh
# The roam benchmark inside the lab VM (started by tools/bench/run.sh through
# tools/lab/run). One boot, one topology, the modes one after the other:
#   tools/bench/in-vm.sh ROAMS LOAD ROAM_TIMEOUT
# Writes $FSR_LAB_OUT/bench/: meta (versions, settings), unavailable
# (one "mode<TAB>reason" per line), and per mode that ran a folder with
# capture.pcap (hwsim0, radiotap), ping.log (ping -D), roams.log and logs.
set -u
BENCH_TOP=$(cd "$(dirname "$0")/../.." && pwd)
. "$BENCH_TOP/tools/lab/guest-lib.sh"
. "$BENCH_TOP/tools/bench/lib.sh"

roams=${1:-30}
BENCH_LOAD=${2:-0}
roam_timeout=${3:-10}
MODES="hostapd fsr-user fsr-kernel"

lab_in_vm || {
	echo "in-vm.sh: run me in the lab VM (tools/bench/run.sh does)" >&2
	exit 2
}
BENCH_OUT=$FSR_LAB_OUT/bench
mkdir -p "$BENCH_OUT"
: > "$BENCH_OUT/unavailable"

bench_topology || {
	echo "in-vm.sh: cannot set up radios, namespace and bridge" >&2
	exit 1
}
BENCH_IF1=wlan0
BENCH_IF2=wlan1
BENCH_AP1=$(mac_of wlan0)
BENCH_AP2=$(mac_of wlan1)

{
	echo "kernel=$(uname -r)"
	echo "hostapd=$(hostapd -v 2>&1 | sed -n 's/^hostapd v//p' | head -n 1)"
	echo "wpa_supplicant=$(wpa_supplicant -v 2>&1 | sed -n 's/^wpa_supplicant v//p' | head -n 1)"
	echo "emulation=TCG"
	echo "cpus=$(nproc)"
	echo "roams=$roams"
	echo "load=$BENCH_LOAD"
	echo "ap1=$BENCH_AP1"
	echo "ap2=$BENCH_AP2"
	echo "sta=$(ip netns exec "$BENCH_NS" cat /sys/class/net/$BENCH_STA_IF/address)"
} > "$BENCH_OUT/meta"

rc=0
for mode in $MODES; do
	# Each mode script defines mode_check / mode_start_aps / mode_stop_aps.
	. "$BENCH_TOP/tools/bench/mode-$mode.sh"
	if ! why=$(mode_check); then
		printf '%s\t%s\n' "$mode" "$why" >> "$BENCH_OUT/unavailable"
		bench_log "$mode: not available yet: $why"
		continue
	fi
	bench_log "$mode: $roams roams (load $BENCH_LOAD)"
	if ! run_mode "$mode" "$roams" "$roam_timeout"; then
		why=$(cat "$BENCH_OUT/$mode/error")
		printf '%s\t%s\n' "$mode" "failed to start: $why" >> "$BENCH_OUT/unavailable"
		bench_log "$mode: $why"
		rc=1
		continue
	fi
	bench_log "$mode: done, $(grep -c ' ok ' "$BENCH_OUT/$mode/roams.log") of $roams roams completed"
done
exit $rc
