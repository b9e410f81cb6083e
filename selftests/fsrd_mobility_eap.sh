#!/bin/sh
# The mobility domain across hosts (issue 14) with FT-802.1X: two fsrd in
# two namespaces (selftests/lib_mobility.sh), FreeRADIUS (PEAP/MSCHAPv2,
# Session-Timeout 900) in namespace ap1 on 127.0.0.1. The client's FT
# initial mobility-domain association with EAP is at ap1 (bssid_hint);
# fsrd in ap1 pushes the PMK-R1 to ap2 with the Session-Timeout left,
# fsrd in ap2 keeps it no longer than that and gives it to its fsr.ko;
# FSRD_MOBE_ROAMS (6) roams back and forth, each served by the target's
# fsr.ko, ping after each, no EAP after the first.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
. "$(dirname "$0")/lib_mobility.sh"
require_root
require_cmd wpa_supplicant wpa_cli freeradius openssl iw ping
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-mobe
SECRET=mobe-secret
ST=900
ROAMS=${FSRD_MOBE_ROAMS:-6}
K12=7172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f90
K21=9192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0
CERTS=$WORK/certs

load_radios 3 || { fail "load radios"; tap_finish; }
fsr_load
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)

check "the DS bridge" mob_ds_up
check "namespace ap1 with wlan0's radio" mob_ap_ns ap1 wlan0
check "namespace ap2 with wlan1's radio" mob_ap_ns ap2 wlan1
client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2

check "test CA, server and client certificates" radius_certs "$CERTS"
radius_conf "$WORK/raddb" "$SECRET" 1812 1813 "$CERTS" "Session-Timeout := $ST"
FR_LOG=$WORK/radius.log
ip netns exec ap1 freeradius -X -d "$WORK/raddb" > "$FR_LOG" 2>&1 &
RADIUS_PID=$!
defer "kill $RADIUS_PID"
check "FreeRADIUS (PEAP, Session-Timeout $ST) in namespace ap1" \
	wait_for 60 grep -q "Ready to process requests" "$FR_LOG"

# fsrd_conf NS IFACE OWN_ID PEER_BSSID PEER_ID KEY_OUT KEY_IN
fsrd_conf() {
	cat > "$WORK/fsrd-$1.conf" <<END
[global]
log_level = debug
control_socket = $WORK/fsrd-$1.sock
mobility_domain = a1b2
r0kh_id = $3
kernel_fast_path = yes

[radius]
timeout = 2000
retries = 2

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET

[bss a]
interface = $2
ssid = $SSID
channel = 1
security = ft-eap
rrb_interface = br0
pmk_r1_push = yes
r1kh = $4 $4 $6
r0kh = $4 $5 $7
END
}
fsrd_conf ap1 wlan0 ap1.lab.example "$BSSID1" ap2.lab.example $K12 $K21
fsrd_conf ap2 wlan1 ap2.lab.example "$BSSID0" ap1.lab.example $K21 $K12
mob_fsrd ap1
mob_fsrd ap2
log1=$WORK/fsrd-ap1.log
log2=$WORK/fsrd-ap2.log
both_started() {
	grep -q "AP started.*FT-802.1X" "$log1" &&
		grep -q "AP started.*FT-802.1X" "$log2" &&
		grep -q "FT fast path of fsr.ko enabled" "$log1" &&
		grep -q "FT fast path of fsr.ko enabled" "$log2"
}
check "an fsrd with an FT-802.1X BSS and fsr.ko's fast path in each namespace" \
	wait_for 30 both_started
check "the APs' radios are bridged to the DS" sh -c \
	"ip -n ap1 link set wlan0 master br0 && ip -n ap2 link set wlan1 master br0"

mob_client "$(mob_net_ft_eap "$BSSID0")"
check "FT initial mobility-domain association with EAP at ap1" \
	wait_for 60 ft_on_bssid "$BSSID0"
check "ping through ap1 to the DS" wait_for 10 \
	ip netns exec cli ping -c 1 -W 2 10.77.0.1
# the trace lines: "... lifetime N s"
lifetime_of() {
	grep "$STA: $1" "$2" | tail -n 1 | sed -n 's/.*lifetime \([0-9]*\) s.*/\1/p'
}
check "ap1 pushes the PMK-R1 to ap2" \
	wait_for 10 grep -q "$STA: PMK-R1 pushed to R1KH $BSSID1" "$log1"
ap2_took() {
	grep -q "$STA: PMK-R1 received from R0KH ap1.lab.example ($BSSID0)" "$log2" &&
		grep -q "$STA: received PMK-R1 pushed to fsr.ko" "$log2"
}
check "ap2 keeps it and gives it to its fsr.ko" wait_for 15 ap2_took
l1=$(lifetime_of "PMK-R1 pushed to R1KH" "$log1")
l2=$(lifetime_of "PMK-R1 received from R0KH" "$log2")
diag "lifetime pushed $l1 s, kept $l2 s (Session-Timeout $ST)"
check "the Session-Timeout bounds the key at both ends ($l1 s, $l2 s <= $ST)" \
	[ -n "$l1" ] && [ -n "$l2" ] && [ "$l1" -le $ST ] && [ "$l2" -le $ST ] &&
	[ "$l2" -gt $((ST - 120)) ]
ip netns exec ap2 "$FSRCTL" pmk show > "$WORK/pmk.txt" 2>&1
check "ap2's fsr.ko: the PMK-R1 of ap1.lab.example, AKM ft-8021x" sh -c "
	grep -qx '    r0kh_id     ap1.lab.example' '$WORK/pmk.txt' &&
	grep -qx '    akm         ft-8021x' '$WORK/pmk.txt'"

ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen
req0=$(radius_access_requests "$FR_LOG")
served() {
	echo $(($(mob_fsr_counter ap1 ft_reassoc_served) +
		$(mob_fsr_counter ap2 ft_reassoc_served)))
}
reas0=$(served)
cur=$BSSID0
i=1
ok=0
while [ $i -le "$ROAMS" ]; do
	if [ "$cur" = "$BSSID0" ]; then next=$BSSID1; else next=$BSSID0; fi
	roam "$next" || break
	ok=$((ok + 1))
	cur=$next
	i=$((i + 1))
done
check "$ok of $ROAMS FT-802.1X roams between the namespaces, ping after each ($RETRIES retried)" \
	[ "$ok" -eq "$ROAMS" ] && [ "$RETRIES" -le 2 ]
reas=$(($(served) - reas0))
check "the namespaces' fsr.ko served $reas FT Reassociations of $ROAMS" \
	[ "$reas" -eq "$ROAMS" ]
req=$(($(radius_access_requests "$FR_LOG") - req0))
check "no EAP with the RADIUS server during the roams ($req Access-Requests)" \
	[ "$req" -eq 0 ]

for ns in ap1 ap2; do
	eval "pid=\$MOB_PID_$ns"
	kill -TERM "$pid"
	wait "$pid"
	rc=$?
	check "SIGTERM: fsrd in $ns exits 0 (status $rc)" [ "$rc" -eq 0 ]
done
check "kernel log clean" dmesg_clean
tap_finish
