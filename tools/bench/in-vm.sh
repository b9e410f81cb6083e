#!/bin/sh
# The roam benchmark inside the lab VM (started by tools/bench/run.sh through
# tools/lab/run). One boot, one topology, the modes one after the other:
#   tools/bench/in-vm.sh ROAMS LOAD ROAM_TIMEOUT [EAP_ROAMS [STORM [ROUNDS
#                        [SCALE [SCALE_ROUNDS]]]]]
# EAP_ROAMS > 0 (default 10) adds the 802.1X scenarios (eap-lib.sh): for
# each of full, pmksa, okc and ft, the modes hostapd-eap-SCEN and
# fsr-eap-SCEN with that many roams. STORM > 0 (default 0) adds the roam
# storm (storm-lib.sh): STORM clients roaming at once, ROUNDS (default 10)
# times, modes storm-hostapd, storm-fsr-user and storm-fsr-kernel. SCALE > 0
# (default 0) adds the scale run (scale-lib.sh): SCALE APs, SCALE_ROUNDS
# (default 10) measured associations, modes scale-hostapd and scale-fsr.
# Writes $FSR_LAB_OUT/bench/: meta (versions, settings), unavailable
# (one "mode<TAB>reason" per line), and per mode that ran a folder with
# capture.pcap (hwsim0, radiotap), ping.log (ping -D), roams.log and logs.
set -u
BENCH_TOP=$(cd "$(dirname "$0")/../.." && pwd)
. "$BENCH_TOP/tools/lab/guest-lib.sh"
. "$BENCH_TOP/tools/bench/lib.sh"
. "$BENCH_TOP/tools/bench/storm-lib.sh"
. "$BENCH_TOP/tools/bench/fsrd-lib.sh"
. "$BENCH_TOP/tools/bench/scale-lib.sh"

roams=${1:-30}
BENCH_LOAD=${2:-0}
roam_timeout=${3:-10}
eap_roams=${4:-10}
BENCH_STORM=${5:-0}
storm_rounds=${6:-10}
BENCH_SCALE=${7:-0}
scale_rounds=${8:-10}
MODES="hostapd fsr-user fsr-kernel fsr-kernel-2ns"
[ "$roams" -gt 0 ] || MODES=
# for debugging: BENCH_MODES=..., EAP_SCENS=... and BENCH_WPA_DEBUG=-dd
# in the environment
[ -n "${BENCH_MODES:-}" ] && [ "$roams" -gt 0 ] && MODES=$BENCH_MODES
[ -n "${EAP_SCENS:-}" ] && BENCH_EAP_SCENS_ONLY=$EAP_SCENS

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
	echo "eap_roams=$eap_roams"
	echo "storm=$BENCH_STORM"
	echo "storm_rounds=$storm_rounds"
	echo "scale=$BENCH_SCALE"
	echo "scale_rounds=$scale_rounds"
	echo "ap1=$BENCH_AP1"
	echo "ap2=$BENCH_AP2"
	echo "sta=$(ip netns exec "$BENCH_NS" cat /sys/class/net/$BENCH_STA_IF/address)"
} > "$BENCH_OUT/meta"

# The unavailable file: one "mode<TAB>reason" per line.
bench_unavailable() {
	printf '%s\t%s\n' "$1" "$2" >> "$BENCH_OUT/unavailable"
}

# Run one mode: source SCRIPT (it defines mode_check, mode_start_aps,
# mode_stop_aps...), note the mode unavailable when mode_check says why,
# else log WHAT and run the rest of the arguments (run_mode or run_storm).
# 0 when the mode ran, 1 when it failed to start (rc=1), 2 unavailable.
bench_one() {
	_bo_mode=$1
	_bo_script=$2
	_bo_what=$3
	shift 3
	. "$BENCH_TOP/tools/bench/$_bo_script"
	if ! _bo_why=$(mode_check); then
		bench_unavailable "$_bo_mode" "$_bo_why"
		bench_log "$_bo_mode: not available yet: $_bo_why"
		return 2
	fi
	bench_log "$_bo_mode: $_bo_what (load $BENCH_LOAD)"
	"$@" && return 0
	_bo_why=$(cat "$BENCH_OUT/$_bo_mode/error")
	bench_unavailable "$_bo_mode" "failed to start: $_bo_why"
	bench_log "$_bo_mode: $_bo_why"
	rc=1
	return 1
}

# "N of M roams completed" from the roams logs given
completed() {
	_c_of=$1
	shift
	echo "$(cat "$@" | grep -c ' ok ') of $_c_of roams completed"
}

rc=0
for mode in $MODES; do
	# a mode's optional hooks are its own
	unset -f mode_warmup mode_pre_roam
	bench_one "$mode" "mode-$mode.sh" "$roams roams" \
		run_mode "$mode" "$roams" "$roam_timeout" || continue
	bench_log "$mode: done, $(completed "$roams" "$BENCH_OUT/$mode/roams.log")"
done
# --- 802.1X scenarios ---------------------------------------------------
if [ "$eap_roams" -gt 0 ]; then
	. "$BENCH_TOP/tools/bench/eap-lib.sh"
	radius_why=
	if ! command -v freeradius > /dev/null; then
		radius_why="FreeRADIUS is not installed"
	elif ! bench_radius_start; then
		radius_why="FreeRADIUS did not start: $(tail -n 2 "$BENCH_RADIUS_DIR/freeradius.log" 2>/dev/null | tr '\n' ' ')"
	fi
	for BENCH_EAP_SCEN in ${BENCH_EAP_SCENS_ONLY:-$BENCH_EAP_SCENS}; do
		BENCH_NETWORK=$(bench_eap_network)
		for impl in hostapd fsr; do
			mode=$impl-eap-$BENCH_EAP_SCEN
			if [ -n "$radius_why" ]; then
				bench_unavailable "$mode" "$radius_why"
				continue
			fi
			bench_one "$mode" "mode-$impl-eap.sh" "$eap_roams roams" \
				run_mode "$mode" "$eap_roams" "$roam_timeout" ||
				continue
			bench_log "$mode: done, $(completed "$eap_roams" "$BENCH_OUT/$mode/roams.log"), $(cat "$BENCH_OUT/$mode/access-requests" 2>/dev/null) Access-Requests"
		done
	done
	BENCH_NETWORK=
	bench_radius_stop
fi
# --- the roam storm -----------------------------------------------------
if [ "$BENCH_STORM" -gt 0 ]; then
	if ! storm_topology "$BENCH_STORM"; then
		echo "in-vm.sh: cannot set up the storm clients' radios" >&2
		exit 1
	fi
	unset -f mode_warmup mode_pre_roam
	for impl in hostapd fsr-user fsr-kernel; do
		mode=storm-$impl
		bench_one "$mode" "mode-$impl.sh" \
			"$BENCH_STORM clients, $storm_rounds rounds" \
			run_storm "$impl" "$storm_rounds" "$roam_timeout" || continue
		bench_log "$mode: done, $(completed $((BENCH_STORM * storm_rounds)) "$BENCH_OUT/$mode"/roams-*.log)"
	done
fi
# --- the scale run: key distribution in a large mobility domain ----------
if [ "$BENCH_SCALE" -gt 0 ]; then
	if ! scale_setup "$BENCH_SCALE"; then
		echo "in-vm.sh: cannot set up the scale run's radios" >&2
		exit 1
	fi
	# for debugging: BENCH_SCALE_IMPLS=fsr in the environment
	for impl in ${BENCH_SCALE_IMPLS:-hostapd fsr}; do
		mode=scale-$impl
		if [ "$impl" = hostapd ] && ! command -v hostapd > /dev/null; then
			bench_unavailable "$mode" "hostapd is not installed"
			continue
		fi
		if [ "$impl" = fsr ] && ! _sc_why=$(bench_fsr_kernel_check); then
			bench_unavailable "$mode" "$_sc_why"
			continue
		fi
		bench_log "$mode: $BENCH_SCALE APs, $scale_rounds associations"
		if ! run_scale "$impl" "$scale_rounds"; then
			_sc_why=$(cat "$BENCH_OUT/$mode/error")
			bench_unavailable "$mode" "failed to start: $_sc_why"
			bench_log "$mode: $_sc_why"
			rc=1
			continue
		fi
		bench_log "$mode: done, $(grep -c ' ok$' "$BENCH_OUT/$mode/rounds.log") of $((scale_rounds + 1)) associations"
	done
fi
exit $rc
