#!/bin/sh
# Session-Timeout outlives no key: FreeRADIUS grants every session
# $ST seconds (Session-Timeout, no Termination-Action). One fsrd runs two
# ft-eap BSSes (wlan0, wlan1) with fsr.ko's fast path; a real
# wpa_supplicant (FT-EAP, PEAP/MSCHAPv2) associates with a full EAP
# authentication, then roams once (served by fsr.ko, adopted by fsrd, no
# EAP). Shown:
#  - the PMK-R1s in fsr.ko expire with the session, not after
#    r0_key_lifetime;
#  - on the BSS the station roamed to, fsrd ends the session when the
#    Session-Timeout of the original authentication is reached: the
#    station is deauthenticated (reason 2), accounting Stop says
#    Session-Timeout;
#  - the client comes back with a full EAP authentication (the cached
#    keys went with the session).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
require_root
require_cmd wpa_supplicant wpa_cli freeradius openssl ping
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-eap-session
SECRET=fsr-session-secret
ST=30
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
radius_conf "$WORK/raddb" "$SECRET" 1812 1813 "$CERTS" "Session-Timeout := $ST"
FR_LOG=$WORK/radius.log
DETAIL=$WORK/raddb/acct/detail
if ! radius_start "$WORK/raddb" "$FR_LOG"; then
	fail "FreeRADIUS starts"
	diag "$(tail -n 30 "$FR_LOG")"
	tap_finish
fi
defer "kill $RADIUS_PID"
pass "FreeRADIUS (EAP-PEAP/MSCHAPv2, Session-Timeout $ST) on 127.0.0.1:1812"

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
diag "$(grep -E '^sta|lifetime' "$WORK/pmk.txt")"
check "fsr.ko's PMK-R1s end with the session (lifetime <= $ST s, not r0_key_lifetime)" sh -c "
	[ \$(grep -c '^sta $STA pmk_r1_name' '$WORK/pmk.txt') -eq 2 ] &&
	awk '\$1 == \"lifetime\" && (\$2 < 1 || \$2 > $ST) { bad = 1 } END { exit bad }' '$WORK/pmk.txt'"
ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen
T0=$(date +%s)
req0=$(radius_access_requests "$FR_LOG")

cur=$(ft_cli status | sed -n 's/^bssid=//p')
if [ "$cur" = "$BSSID0" ]; then next=$BSSID1; nif=wlan1; else next=$BSSID0; nif=wlan0; fi
_r=$(ft_cli roam "$next")
if [ "$_r" != OK ] || ! wait_for 20 ft_on_bssid "$next"; then
	sleep 1
	ft_cli roam "$next" > /dev/null
fi
check "FT roam to $next served by fsr.ko and adopted by fsrd" \
	wait_for 20 fsrd_log_has "$nif: $STA: FT roam served by the kernel in .* us: adopted"
check "no Access-Request for the roam" \
	[ "$(radius_access_requests "$FR_LOG")" -eq "$req0" ]
check "fsrd arms the rest of the session on $nif" \
	wait_for 5 fsrd_log_has "$nif: $STA: cached session: Session-Timeout in [0-9]* s (then the session ends)"
left=$(sed -n "s/.*$nif: $STA: cached session: Session-Timeout in \([0-9]*\) s.*/\1/p" "$FSRD_LOG" | head -n 1)
check "... counted from the EAP authentication, not the roam (${left:-?} s <= $ST)" \
	[ "${left:-99999}" -le "$ST" ]
check "Session-Timeout: fsrd ends the session on $nif" \
	wait_for $((ST + 20)) fsrd_log_has "$nif: $STA: Session-Timeout of the cached session reached"
el=$(($(date +%s) - T0))
check "... within the session ($el s after the roam began, <= $ST + 10)" [ "$el" -le $((ST + 10)) ]
check "fsrd deauthenticated the station (reason 2)" \
	wait_for 5 fsrd_log_has "$nif: $STA: disconnected (reason 2): Session-Timeout reached"
check "accounting Stop with Acct-Terminate-Cause Session-Timeout" \
	wait_for 10 grep -q "Acct-Terminate-Cause = Session-Timeout" "$DETAIL"
check "the client comes back with a full EAP authentication" \
	wait_for 60 sh -c "[ \$(grep -c 'Received Access-Request' '$FR_LOG') -gt $req0 ] &&
		[ \$(grep -c 'CTRL-EVENT-EAP-SUCCESS' '$WORK/wpa.log') -ge 2 ]"
check "ping through the AP again" wait_for 20 \
	ip netns exec cli ping -c 1 -W 2 10.77.0.1
check "fsrd still runs" kill -0 "$FSRD_PID"

kill -TERM "$FSRD_PID"
wait "$FSRD_PID"
rc=$?
check "SIGTERM: fsrd exits 0 (status $rc)" [ "$rc" -eq 0 ]
diag "$(grep -v debug: "$FSRD_LOG" | tail -n 40)"
check "dmesg clean" dmesg_clean
tap_finish
