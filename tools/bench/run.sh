#!/bin/sh
# The roam benchmark (what "make bench" runs), on the host:
#
#   tools/bench/run.sh [ROAMS=30] [LOAD=0|1] [ROAM_TIMEOUT=10] [EAP_ROAMS=10]
#                      [STORM=8] [STORM_ROUNDS=10] [SCALE=24]
#                      [SCALE_ROUNDS=10]
#
# Builds roamstat, boots the lab VM once (tools/lab/run) to run every mode
# (tools/bench/in-vm.sh), then analyses the captures here and writes
# bench-results/<timestamp>/: summary.json, samples.csv (every roam of every
# mode), samples-<mode>.csv, roams.png, table.txt, and the guest's raw files
# under raw/; bench-results/latest points to it. Prints the table.
# EAP_ROAMS=0 leaves out the 802.1X scenarios (full EAP, PMKSA caching, OKC,
# FT-802.1X; hostapd and fsr side by side in the "802.1X roams" table).
# STORM=N (N clients roaming at the same moment, STORM_ROUNDS times back
# and forth, for hostapd, fsr-user and fsr-kernel: the "roam storm" table);
# STORM=0 leaves it out. SCALE=N (8 to 32 APs in one mobility domain, each
# its own namespace and daemon; SCALE_ROUNDS initial associations of one
# client at one of them, hostapd pushing to every AP, fsrd to the
# neighbours: the "key distribution" table, keys.json, samples-keys.csv);
# SCALE=0 leaves it out.
# Exit status: 0 if every mode that ran finished its roams (failed roams are
# counted, not fatal), 1 otherwise, the lab's 124/125 if the VM failed.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
roams=30
load=0
roam_timeout=10
eap_roams=10
storm=8
storm_rounds=10
scale=24
scale_rounds=10
for a in "$@"; do
	case $a in
	ROAMS=*) roams=${a#ROAMS=} ;;
	LOAD=*) load=${a#LOAD=} ;;
	ROAM_TIMEOUT=*) roam_timeout=${a#ROAM_TIMEOUT=} ;;
	EAP_ROAMS=*) eap_roams=${a#EAP_ROAMS=} ;;
	STORM=*) storm=${a#STORM=} ;;
	STORM_ROUNDS=*) storm_rounds=${a#STORM_ROUNDS=} ;;
	SCALE=*) scale=${a#SCALE=} ;;
	SCALE_ROUNDS=*) scale_rounds=${a#SCALE_ROUNDS=} ;;
	*)
		echo "usage: $0 [ROAMS=N] [LOAD=0|1] [ROAM_TIMEOUT=S] [EAP_ROAMS=N] [STORM=N] [STORM_ROUNDS=N] [SCALE=N] [SCALE_ROUNDS=N]" >&2
		exit 2
		;;
	esac
done
for v in "$roams" "$roam_timeout" "$eap_roams" "$storm" "$storm_rounds" \
	"$scale" "$scale_rounds"; do
	case $v in
	'' | *[!0-9]*)
		echo "bench: ROAMS, ROAM_TIMEOUT, EAP_ROAMS, STORM, STORM_ROUNDS, SCALE and SCALE_ROUNDS want whole numbers" >&2
		exit 2
		;;
	esac
done
# one hwsim radio per storm client, in a VM with a few hundred MB
[ "$storm" -le 32 ] || {
	echo "bench: STORM is at most 32 clients" >&2
	exit 2
}
# the R0KH is AP 8; fsrd takes at most 32 r1kh lines a BSS
[ "$scale" -eq 0 ] || { [ "$scale" -ge 8 ] && [ "$scale" -le 32 ]; } || {
	echo "bench: SCALE is 0 (no scale run) or 8 to 32 APs" >&2
	exit 2
}
[ "$scale" -eq 0 ] || [ "$scale_rounds" -ge 1 ] || {
	echo "bench: SCALE_ROUNDS must be at least 1" >&2
	exit 2
}
[ "$storm" -eq 0 ] || [ "$storm_rounds" -ge 1 ] || {
	echo "bench: STORM_ROUNDS must be at least 1" >&2
	exit 2
}
case $load in
0 | 1) ;;
*)
	echo "bench: LOAD is 0 or 1" >&2
	exit 2
	;;
esac
[ "$roams" -ge 1 ] || {
	echo "bench: ROAMS must be at least 1" >&2
	exit 2
}

make -s -C "$top/tools/bench" TOP="$top" all || exit 1
roamstat=$top/build/bin/roamstat
# The Debian interpreter: it has python3-matplotlib.
python=/usr/bin/python3

# Budget: boot, then per mode set-up plus per roam the worst case.
vm_timeout=$((120 + 4 * (60 + roams * (2 * roam_timeout + 5)) +
	8 * (60 + eap_roams * (2 * roam_timeout + 5))))
[ "$storm" -gt 0 ] &&
	vm_timeout=$((vm_timeout + 3 * (60 + 35 * storm + storm_rounds * (2 * roam_timeout + 2))))
[ "$scale" -gt 0 ] &&
	vm_timeout=$((vm_timeout + 2 * (120 + 5 * scale + (scale_rounds + 1) * 40)))
err=$top/build/bench/lab.err
mkdir -p "$top/build/bench"
cd "$top" || exit 1
tools/lab/run --timeout "$vm_timeout" -- tools/bench/in-vm.sh \
	"$roams" "$load" "$roam_timeout" "$eap_roams" "$storm" "$storm_rounds" \
	"$scale" "$scale_rounds" 2> "$err"
rc=$?
cat "$err" >&2
rundir=$(sed -n 's/^lab: run dir //p' "$err" | head -n 1)
if [ -z "$rundir" ] || [ ! -f "$rundir/bench/meta" ]; then
	echo "bench: the lab run produced no results (status $rc)" >&2
	[ $rc -ne 0 ] && exit $rc
	exit 1
fi

stamp=$(date +%Y%m%d-%H%M%S)
res=$top/bench-results/$stamp
mkdir -p "$res" || exit 1
cp -r "$rundir/bench" "$res/raw" || exit 1
raw=$res/raw
sta=$(sed -n 's/^sta=//p' "$raw/meta")

set --
plot=0
header=
: > "$res/samples.csv"
# hostapd first: it is the baseline of the ratios (the 802.1X modes are
# compared with hostapd in the same scenario).
for mode in hostapd fsr-user fsr-kernel fsr-kernel-2ns \
	hostapd-eap-full fsr-eap-full hostapd-eap-pmksa fsr-eap-pmksa \
	hostapd-eap-okc fsr-eap-okc hostapd-eap-ft fsr-eap-ft; do
	d=$raw/$mode
	if [ ! -f "$d/capture.pcap" ] || [ ! -f "$d/roams.log" ]; then
		continue
	fi
	if ! "$roamstat" roams -s "$sta" -r "$d/roams.log" -p "$d/ping.log" \
		"$d/capture.pcap" > "$res/samples-$mode.csv"; then
		echo "bench: cannot analyse the $mode capture" >&2
		rc=1
		continue
	fi
	if [ -z "$header" ]; then
		header=$(head -n 1 "$res/samples-$mode.csv")
		echo "mode,$header" > "$res/samples.csv"
	fi
	tail -n +2 "$res/samples-$mode.csv" | sed "s/^/$mode,/" >> "$res/samples.csv"
	set -- "$@" "$mode=$res/samples-$mode.csv"
	plot=1
	# fsr.ko's counters and service-time histograms (mode_collect)
	[ -s "$d/fsr-bss.json" ] && set -- "$@" -k "$mode=$d/fsr-bss.json"
	# FreeRADIUS's Access-Requests during the roams (802.1X modes)
	[ -s "$d/access-requests" ] && set -- "$@" -a "$mode=$d/access-requests"
done
# The storm: each client's roams in the common capture, one CSV per mode.
for mode in storm-hostapd storm-fsr-user storm-fsr-kernel; do
	d=$raw/$mode
	[ -f "$d/capture.pcap" ] && [ -f "$d/clients" ] || continue
	out=$res/samples-$mode.csv
	: > "$out"
	ok=1
	while read -r k mac; do
		if ! "$roamstat" roams -s "$mac" -r "$d/roams-$k.log" \
			-p "$d/ping-$k.log" "$d/capture.pcap" > "$out.part"; then
			echo "bench: cannot analyse client $k of the $mode capture" >&2
			ok=0
			break
		fi
		if [ -s "$out" ]; then
			tail -n +2 "$out.part" >> "$out"
		else
			cat "$out.part" > "$out"
		fi
	done < "$d/clients"
	rm -f "$out.part"
	if [ $ok -eq 0 ] || [ ! -s "$out" ]; then
		rc=1
		continue
	fi
	tail -n +2 "$out" | sed "s/^/$mode,/" >> "$res/samples.csv"
	set -- "$@" "$mode=$out"
	[ -s "$d/fsr-bss.json" ] && set -- "$@" -k "$mode=$d/fsr-bss.json"
done
"$roamstat" summary -o "$res/summary.json" -l "$load" -m "$raw/meta" \
	-u "$raw/unavailable" "$@" > "$res/table.txt" || rc=1
# The scale run: key distribution, hostapd against fsr.
set --
for impl in hostapd fsr; do
	d=$raw/scale-$impl
	[ -s "$d/rounds.log" ] && [ -f "$d/ds.pcap" ] && set -- "$@" "$impl=$d"
done
if [ $# -gt 0 ]; then
	if "$roamstat" keys -o "$res/keys.json" -c "$res/samples-keys.csv" \
		"$@" > "$res/keys.txt"; then
		{
			echo
			cat "$res/keys.txt"
		} >> "$res/table.txt"
	else
		echo "bench: cannot analyse the scale run" >&2
		rc=1
	fi
fi
if [ $plot -eq 1 ]; then
	"$python" "$top/tools/bench/plot.py" "$res/samples.csv" "$res/roams.png" \
		"$roams roams per mode ($eap_roams per 802.1X mode), load $load, TCG emulation" ||
		echo "bench: the plot failed (python3-matplotlib?)" >&2
fi
ln -sfn "$stamp" "$top/bench-results/latest"
echo
cat "$res/table.txt"
echo
echo "bench: results in bench-results/$stamp (bench-results/latest)"
exit $rc
