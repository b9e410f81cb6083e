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
CERTS=$WORK/certs
ip link set lo up 2>/dev/null

load_radios 3 || { fail "load radios"; tap_finish; }
if lab_modprobe fsr; then
	pass "fsr.ko loads"
else
	fail "fsr.ko loads"
	tap_finish
fi
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)

check "test CA, server and client certificates" radius_certs "$CERTS"
radius_conf "$WORK/raddb" "$SECRET" 1812 1813 "$CERTS"
FR_LOG=$WORK/radius.log
DETAIL=$WORK/raddb/acct/detail
if ! radius_start "$WORK/raddb" "$FR_LOG"; then
	fail "FreeRADIUS starts"
	diag "$(tail -n 30 "$FR_LOG")"
	tap_finish
fi
defer "kill $RADIUS_PID"
pass "FreeRADIUS (EAP-PEAP/MSCHAPv2) on 127.0.0.1:1812"

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = debug
mobility_domain = a1b2
r0kh_id = fsrd.lab.example
kernel_fast_path = yes

[radius]
timeout = 2000
retries = 2

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET

[acct_server lab]
address = 127.0.0.1:1813
secret = $SECRET

[bss a]
interface = wlan0
ssid = $SSID
channel = 1
security = ft-eap

[bss b]
interface = wlan1
ssid = $SSID
channel = 1
security = ft-eap
END

start_fsrd
fast_path_on() {
	[ "$(fsrd_log_count "FT fast path of fsr.ko enabled")" -eq 2 ]
}
check "fsrd starts two FT-802.1X BSSes" \
	wait_for 20 sh -c "[ \$(grep -c 'AP started.*FT-802.1X' '$FSRD_LOG') -eq 2 ]"
check "both BSSes attached to fsr.ko's fast path" wait_for 10 fast_path_on
check "the two BSSes are bridged (br0 10.77.0.1)" ft_bridge_up
defer "ip link del br0"
client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2

cat > "$WORK/wpa.conf" <<END
ctrl_interface=$WORK/wpa-ctrl
bss_expiration_age=1800
network={
	ssid="$SSID"
	key_mgmt=FT-EAP
	eap=PEAP
	identity="alice"
	password="wonderland"
	phase2="auth=MSCHAPV2"
	ca_cert="$CERTS/ca.pem"
	scan_freq=2412
}
END
ip netns exec cli wpa_supplicant -B -i wlan2 -c "$WORK/wpa.conf" \
	-P "$WORK/wpa.pid" -f "$WORK/wpa.log" -dd
defer "kill \$(cat $WORK/wpa.pid)"

check "FT initial mobility-domain association with EAP completes" \
	wait_for 60 sh -c "grep -q 'CTRL-EVENT-CONNECTED' '$WORK/wpa.log'"
check "wpa_supplicant: EAP-Success and key_mgmt FT-EAP" sh -c "
	grep -q 'CTRL-EVENT-EAP-SUCCESS' '$WORK/wpa.log' &&
	ip netns exec cli wpa_cli -p '$WORK/wpa-ctrl' -i wlan2 status |
		grep -qx 'key_mgmt=FT-EAP'"
check "fsrd keeps the PMK-R0" wait_for 5 grep -q "PMK-R0 kept" "$FSRD_LOG"
check "ping through the AP" wait_for 10 \
	ip netns exec cli ping -c 1 -W 2 10.77.0.1
"$FSRCTL" pmk show > "$WORK/pmk.txt" 2>&1
check "fsrctl pmk show: a PMK-R1 per BSS, AKM ft-8021x" sh -c "
	[ \$(grep -c '^sta $STA pmk_r1_name' '$WORK/pmk.txt') -eq 2 ] &&
	[ \$(grep -cx '    akm         ft-8021x' '$WORK/pmk.txt') -eq 2 ]"
ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen

stat() {
	"$FSRCTL" stats 2>/dev/null |
		awk -v n="$1" '$1 == n { s += $2 } END { print s + 0 }'
}
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
reas0=$(stat ft_reassoc_served)
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
reas=$(($(stat ft_reassoc_served) - reas0))
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
