#!/bin/sh
# FT-802.1X with fsr.ko's fast path: one fsrd runs two ft-eap BSSes
# (wlan0, wlan1, bridged) with kernel_fast_path = yes and fsr.ko loaded;
# FreeRADIUS from Debian on loopback (lib_radius.sh). A real
# wpa_supplicant (key_mgmt FT-EAP, EAP-PEAP/MSCHAPv2) makes the FT initial
# mobility-domain association with a full EAP authentication (PMK-R0 from
# the second half of the MSK), then roams back and forth FSRD_FTEAP_ROAMS
# times (default 20): every roam must be served by the kernel (fsr.ko's
# counters, fsrd adopts and serves none) and none may reach the RADIUS
# server. Accounting: each roam ends the session on the old BSS and starts
# one on the new one, with the user of the EAP authentication.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
require_root
require_cmd wpa_supplicant wpa_cli freeradius openssl ping
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-ft-eap
SECRET=fsr-ft-eap-secret
ROAMS=${FSRD_FTEAP_ROAMS:-20}
ft_eap_lab
"$FSRCTL" pmk show > "$WORK/pmk.txt" 2>&1
check "fsrctl pmk show: a PMK-R1 per BSS, AKM ft-8021x" sh -c "
	[ \$(grep -c '^sta $STA pmk_r1_name' '$WORK/pmk.txt') -eq 2 ] &&
	[ \$(grep -cx '    akm         ft-8021x' '$WORK/pmk.txt') -eq 2 ]"
ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen

adopted() {
	fsrd_log_count "FT roam served by the kernel in .* us: adopted"
}
adopted_gt() {
	[ "$(adopted)" -gt "$1" ]
}
roam_once() {
	_r=$(ft_cli roam "$1")
	[ "$_r" = OK ] || diag "wpa_cli roam $1: $_r"
	wait_for 20 ft_on_bssid "$1" &&
		ip netns exec cli ping -c 1 -W 3 10.77.0.1 > /dev/null
}
# as fsrd_kernel_ft.sh: a roam the client gave up on (TCG) is retried
# once, at most MAX_RETRIES in the run, each reported
RETRIES=0
MAX_RETRIES=2
roam() {
	roam_once "$1" && return 0
	RETRIES=$((RETRIES + 1))
	diag "roam to $1 not completed, retrying once (retry $RETRIES)"
	sleep 1
	roam_once "$1"
}

req0=$(radius_access_requests "$FR_LOG")
reas0=$(fsr_counter ft_reassoc_served)
cur=$(ft_cli status | sed -n 's/^bssid=//p')
i=1
ok=0
while [ $i -le "$ROAMS" ]; do
	if [ "$cur" = "$BSSID0" ]; then next=$BSSID1; else next=$BSSID0; fi
	n=$(adopted)
	if roam "$next" && wait_for 5 adopted_gt "$n"; then
		ok=$((ok + 1))
	else
		fail "FT-EAP roam $i to $next: connected, ping, adopted by fsrd"
		diag "$(grep -E 'FT:|SME:|CTRL-EVENT' "$WORK/wpa.log" | tail -n 25)"
		diag "$(grep -v 'debug:' "$FSRD_LOG" | tail -n 20)"
		break
	fi
	cur=$next
	i=$((i + 1))
done
check "$ok of $ROAMS FT-802.1X roams: connected, ping, adopted by fsrd" \
	[ "$ok" -eq "$ROAMS" ]
check "retried roams: $RETRIES (at most $MAX_RETRIES)" \
	[ "$RETRIES" -le "$MAX_RETRIES" ]
reas=$(($(fsr_counter ft_reassoc_served) - reas0))
check "fsr.ko served $reas FT Reassociations for $ROAMS roams" \
	[ "$reas" -eq "$ROAMS" ]
check "fsrd served none in userspace" \
	[ "$(fsrd_log_count "FT roam served by userspace")" -eq 0 ]
req=$(($(radius_access_requests "$FR_LOG") - req0))
check "no Access-Request during the roams ($req)" [ "$req" -eq 0 ]
"$FSRCTL" -j auth show > "$WORK/auth.json" 2>&1
n=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["auth"]; print(a["ft_initial"], a["ft_roam_kernel"], a["eap_success"])' "$WORK/auth.json")
check "fsrctl auth show: ft_initial 1, ft_roam_kernel $ROAMS, eap_success 1 ($n)" \
	[ "$n" = "1 $ROAMS 1" ]
check "accounting: a Start per roam, with the user of the EAP authentication" \
	wait_for 10 sh -c "[ \$(grep -c 'Acct-Status-Type = Start' '$DETAIL') -ge $((ROAMS + 1)) ] &&
		[ \$(grep -c 'User-Name = \"alice\"' '$DETAIL') -ge $((ROAMS + 1)) ]"

kill -TERM "$FSRD_PID"
wait "$FSRD_PID"
rc=$?
check "SIGTERM: fsrd exits 0 (status $rc)" [ "$rc" -eq 0 ]
check "no shared secret or password in fsrd's log" \
	not grep -q -e "$SECRET" -e wonderland "$FSRD_LOG"
diag "$(grep -v 'debug:' "$FSRD_LOG" | tail -n 20)"
check "dmesg clean" dmesg_clean
tap_finish
