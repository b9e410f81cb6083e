#!/bin/sh
# Teardown while roams are in flight, 20 cycles (issue 12). Each cycle puts
# the AP's radio (wlan0) in a fresh network namespace and runs fsrd there
# with the kernel fast path; ft_roam_loop.py roams fresh stations to it
# without pause from a monitor interface in the initial namespace (the
# simulated medium spans namespaces). Once a roam was served, the cycle
# ends the BSS under the roams: odd cycles kill fsrd and delete the
# namespace (fsr's pernet exit runs, cfg80211 moves the radio back), even
# cycles unload fsr.ko with fsrd still running in the namespace. Nothing
# may warn, oops or leak, and every cycle must get its radio back and load
# fsr.ko again. Slow (about 30 s a cycle under TCG), so selftests/run.sh
# runs it only with FSR_SLOW_TESTS=1 (make check-debug).
. "$(dirname "$0")/lib.sh"
require_root
require_cmd iw python3
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit "$KSFT_SKIP"
fi
CYCLES=${FSR_TEARDOWN_CYCLES:-20}
R0KH=teardown.lab.example
MDID=a1b2
dmesg_mark

load_radios 2 || { fail "load radios"; tap_finish; }
AP_PHY=$(phy_of wlan0)
BSSID=$(cat /sys/class/net/wlan0/address)
check "monitor interface mon0 on wlan1's radio" add_monitor wlan1
cat > "$WORK/fsrd.conf" << END
[global]
log_level = debug
mobility_domain = $MDID
r0kh_id = $R0KH
kernel_fast_path = yes

[bss a]
interface = wlan0
ssid = fsr-teardown
channel = 1
security = ft-psk
passphrase = teardown-passphrase
max_stations = 16
END

echo none > "$WORK/ns"
touch "$WORK/roaming"
python3 "$SELFTESTS/ft_roam_loop.py" mon0 "$BSSID" "$R0KH" "$MDID" \
	"$FSRCTL" "$WORK" > "$WORK/roam_loop.log" 2>&1 &
roam_pid=$!
defer "rm -f $WORK/roaming; kill $roam_pid"

# served NS: a roam to the BSS in NS was served by fsr.ko
# shellcheck disable=SC2317 # called through wait_for
served() {
	grep -q "^$1 .*auth=0 reassoc=0 mic=ok" "$WORK/roams"
}

ok=0
served_all=0
i=0
while [ $i -lt "$CYCLES" ]; do
	i=$((i + 1))
	ns=fsrtd$i
	t0=$(date +%s)
	lab_modprobe fsr || { diag "cycle $i: modprobe fsr failed"; break; }
	ip netns add "$ns" || break
	ip -n "$ns" link set lo up
	iw phy "$AP_PHY" set netns name "$ns" ||
		{ diag "cycle $i: moving $AP_PHY to $ns failed"; break; }
	FSRD_LOG=$WORK/fsrd.$i.log
	ip netns exec "$ns" "$FSRD" -f -c "$WORK/fsrd.conf" > "$FSRD_LOG" 2>&1 &
	fsrd_pid=$!
	if ! wait_for 30 fsrd_log_has "FT fast path of fsr.ko enabled"; then
		diag "cycle $i: fsrd did not enable the fast path"
		diag "$(tail -n 5 "$FSRD_LOG")"
		kill -9 $fsrd_pid
		break
	fi
	echo "$ns" > "$WORK/ns"
	t1=$(date +%s)
	wait_for 120 served "$ns" && served_all=$((served_all + 1))
	t2=$(date +%s)
	# the next roam is under way when the BSS goes
	sleep 0.5
	if [ $((i % 2)) -eq 1 ]; then
		kill -9 $fsrd_pid
		wait $fsrd_pid 2> /dev/null
		ip netns del "$ns"
		# the namespace is gone once cfg80211 moved the radio back
		wait_for 30 ip link show wlan0 ||
			{ diag "cycle $i: wlan0 did not come back"; break; }
		echo none > "$WORK/ns"
		lab_rmmod fsr || { diag "cycle $i: rmmod fsr failed"; break; }
	else
		lab_rmmod fsr ||
			{ diag "cycle $i: rmmod fsr under fsrd failed"; break; }
		kill -9 $fsrd_pid
		wait $fsrd_pid 2> /dev/null
		ip netns del "$ns"
		wait_for 30 ip link show wlan0 ||
			{ diag "cycle $i: wlan0 did not come back"; break; }
		echo none > "$WORK/ns"
	fi
	diag "cycle $i: fsrd ready $((t1 - t0)) s, a roam served $((t2 - t1)) s," \
		"teardown $(($(date +%s) - t2)) s"
	ok=$i
done
rm -f "$WORK/roaming"
wait $roam_pid
diag "roams served / tried per cycle: $(for c in $(seq 1 "$i"); do
	printf '%s/%s ' "$(grep -c "^fsrtd$c .*reassoc=0 mic=ok" "$WORK/roams")" \
		"$(grep -c "^fsrtd$c " "$WORK/roams")"; done)"
check "$CYCLES namespace-deletion / rmmod cycles during roams ($ok done)" \
	[ "$ok" -eq "$CYCLES" ]
check "a roam was served by fsr.ko before each teardown ($served_all of $CYCLES)" \
	[ "$served_all" -eq "$CYCLES" ]
check "fsr.ko loads again after the last cycle" lab_modprobe fsr
lab_rmmod fsr
check "no warning, oops or leak in dmesg" dmesg_clean
tap_finish
