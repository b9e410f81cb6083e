#!/bin/sh
# One revocation point (issue 13 item 1): a revoked station keeps no key
# anywhere. One fsrd runs two ft-eap BSSes (wlan0, wlan1) with fsr.ko's
# fast path and a DAS; FreeRADIUS on loopback (lib_radius.sh); a real
# wpa_supplicant on wlan2 with two networks of the same SSID: 0 with
# key_mgmt FT-EAP (its FT initial mobility-domain association leaves a
# PMK-R0 in fsrd and a PMK-R1 per BSS in fsr.ko), 1 with WPA-EAP (AKM 1:
# PMKSAs on both BSSes, used by PMKSA caching). Three rounds, each ended
# by one revocation path:
#   1. RADIUS Disconnect-Request (radclient);
#   2. Access-Reject at reauthentication (the password changed at the
#      server, FreeRADIUS restarted, wpa_cli reauthenticate);
#   3. EAPOL-Logoff (wpa_cli logoff).
# After each: fsrd's trace names the cause and what went (every PMKSA,
# the PMK-R0, both PMK-R1s), fsr.ko holds no PMK-R1 of the station (so an
# FT roam with the old key is served on no BSS), accounting Stop went
# out, and the client's reassociation with its old PMKID (PMKSA caching)
# is answered with a full EAP authentication (an Access-Request).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
require_root
require_cmd wpa_supplicant wpa_cli freeradius radclient openssl python3
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-revoke
SECRET=fsr-revoke-secret
DAS_SECRET=fsr-revoke-das
CERTS=$WORK/certs
ip link set lo up 2>/dev/null
load_radios 3 || { fail "load radios"; tap_finish; }
fsr_load
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)
STA_DASH=$(echo "$STA" | tr ':' '-')

check "test CA and server certificate" radius_certs "$CERTS"
radius_conf "$WORK/raddb" "$SECRET" 1812 1813 "$CERTS"
DETAIL=$WORK/raddb/acct/detail
FR_N=0
# fr_start: (re)start FreeRADIUS with a new log, FR_LOG
fr_start() {
	FR_N=$((FR_N + 1))
	FR_LOG=$WORK/radius.$FR_N.log
	radius_start "$WORK/raddb" "$FR_LOG"
}
if ! fr_start; then
	fail "FreeRADIUS starts"
	diag "$(tail -n 30 "$FR_LOG")"
	tap_finish
fi
defer 'kill $RADIUS_PID'
pass "FreeRADIUS (EAP-PEAP/MSCHAPv2) on 127.0.0.1:1812"
# Access-Requests over every FreeRADIUS run so far
requests() {
	cat "$WORK"/radius.*.log | grep -c "Received Access-Request"
}

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = debug
mobility_domain = a1b2
r0kh_id = fsrd.lab.example
kernel_fast_path = yes

[radius]
timeout = 2000
retries = 2
acct_interim_interval = 0
das_listen = 127.0.0.1:3799

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET

[acct_server lab]
address = 127.0.0.1:1813
secret = $SECRET

[das_client lab]
address = 127.0.0.1
secret = $DAS_SECRET

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
client_netns cli wlan2

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
	disabled=1
}
network={
	ssid="$SSID"
	key_mgmt=WPA-EAP
	eap=PEAP
	identity="alice"
	password="wonderland"
	phase2="auth=MSCHAPV2"
	ca_cert="$CERTS/ca.pem"
	scan_freq=2412
	disabled=1
}
END
ip netns exec cli wpa_supplicant -B -i wlan2 -c "$WORK/wpa.conf" \
	-P "$WORK/wpa.pid" -f "$WORK/wpa.log" -dd
defer "kill \$(cat $WORK/wpa.pid)"

# on_net ID: connected (COMPLETED) with network ID
on_net() {
	ft_cli status > "$WORK/st.txt" 2>/dev/null &&
		grep -q '^wpa_state=COMPLETED' "$WORK/st.txt" &&
		grep -qx "id=$1" "$WORK/st.txt"
}
cur_bssid() {
	ft_cli status | sed -n 's/^bssid=//p'
}
other_bssid() {
	if [ "$1" = "$BSSID0" ]; then echo "$BSSID1"; else echo "$BSSID0"; fi
}
r1_count() {
	"$FSRCTL" pmk show 2>/dev/null | grep -c "^sta $STA pmk_r1_name"
}
stops() {
	grep -c 'Acct-Status-Type = Stop' "$DETAIL" 2>/dev/null
}
count_ge() {
	[ "$($1)" -ge "$2" ]
}
# the Acct-Terminate-Cause of the last Stop in the detail file
last_stop_cause() {
	awk 'BEGIN { RS = "" } /Acct-Status-Type = Stop/ { c = $0 } END { print c }' \
		"$DETAIL" | sed -n 's/^[[:space:]]*Acct-Terminate-Cause = //p'
}
stop_cause_is() {
	[ "$(last_stop_cause)" = "$1" ]
}
misses() {
	fsrd_log_count "$STA: PMKID in the RSNE not in the PMKSA cache"
}

# prepare N: the keys the station holds before revocation N: a PMK-R0
# and two PMK-R1s (network 0, FT-EAP), then PMKSAs on both BSSes
# (network 1, WPA-EAP, then a roam to the other BSS).
prepare() {
	_r0=$(fsrd_log_count "$STA: FT initial mobility-domain association: PMK-R0 kept")
	ft_cli select_network 0 > /dev/null
	check "round $1: FT initial mobility-domain association (FT-EAP)" \
		wait_for 90 on_net 0
	check "round $1: PMK-R0 kept, a PMK-R1 per BSS in fsr.ko" \
		wait_for 10 sh -c "[ \$(grep -c '$STA: FT initial mobility-domain association: PMK-R0 kept' '$FSRD_LOG') -gt $_r0 ] &&
			[ \$('$FSRCTL' pmk show 2>/dev/null | grep -c '^sta $STA pmk_r1_name') -eq 2 ]"
	ft_cli select_network 1 > /dev/null
	check "round $1: associated with WPA-EAP (AKM 1)" wait_for 90 on_net 1
	_to=$(other_bssid "$(cur_bssid)")
	ft_cli roam "$_to" > /dev/null
	check "round $1: roamed to $_to with WPA-EAP" \
		wait_for 90 sh -c "ip netns exec cli wpa_cli -p '$WORK/wpa-ctrl' -i wlan2 status |
			grep -q '^bssid=$_to' && ip netns exec cli wpa_cli -p '$WORK/wpa-ctrl' -i wlan2 status | grep -qx 'wpa_state=COMPLETED'"
	ST0=$(stops)
}

# revoked N CAUSE: what every revocation must leave behind
revoked() {
	check "round $1: fsrd's trace: keys revoked ($2)" \
		wait_for 60 fsrd_log_has "$STA: keys revoked ($2)"
	_l=$(grep "$STA: keys revoked ($2)" "$FSRD_LOG" | tail -n 1)
	diag "$_l"
	check "round $1: every PMKSA (both BSSes), the PMK-R0 and both PMK-R1s went" \
		sh -c "echo '$_l' | grep -Eq ': ([2-9]|[1-9][0-9]+) PMKSA\(s\), 1 PMK-R0\(s\), 2 PMK-R1\(s\) in fsr.ko'"
	check "round $1: fsr.ko holds no PMK-R1 of the station: an FT roam with the old key is served on no BSS" \
		[ "$(r1_count)" -eq 0 ]
	check "round $1: accounting Stop sent" wait_for 20 count_ge stops $((ST0 + 1))
}

# comeback N: the client comes back with its old PMKID (PMKSA caching on
# the BSS it is not on) and gets a full EAP authentication
comeback() {
	check "round $1: the client is connected again" wait_for 90 on_net 1
	diag "client's PMKSA cache: $(ft_cli pmksa | tr '\n' ' ')"
	_req=$(requests)
	MISS0=$(misses)
	_to=$(other_bssid "$(cur_bssid)")
	ft_cli roam "$_to" > /dev/null
	check "round $1: reassociation with the old PMKID: not in the PMKSA cache" \
		wait_for 90 count_ge misses $((MISS0 + 1))
	check "round $1: ... full EAP: Access-Request at the server" \
		wait_for 60 count_ge requests $((_req + 1))
	check "round $1: ... and the client is connected" wait_for 60 on_net 1
	check "round $1: no PMK-R1 pushed by WPA-EAP associations" \
		[ "$(r1_count)" -eq 0 ]
}

# 1. RADIUS Disconnect-Request
prepare 1
printf 'Calling-Station-Id = "%s"\n' "$STA_DASH" |
	radclient -r 1 -t 3 -x 127.0.0.1:3799 disconnect "$DAS_SECRET" \
	> "$WORK/radclient.out" 2>&1
check "round 1: Disconnect-ACK" grep -q "Received Disconnect-ACK" "$WORK/radclient.out"
revoked 1 "RADIUS Disconnect-Request"
check "round 1: Acct-Terminate-Cause Admin-Reset" \
	wait_for 10 stop_cause_is Admin-Reset
comeback 1

# 2. Access-Reject at reauthentication
prepare 2
sed -i 's/"wonderland"/"changed-at-the-server"/' "$WORK/raddb/users"
radius_stop "$RADIUS_PID"
check "round 2: FreeRADIUS restarted with alice's password changed" fr_start
ft_cli reauthenticate > /dev/null
revoked 2 "Access-Reject at reauthentication"
check "round 2: the client saw EAP-Failure" \
	wait_for 10 grep -q "CTRL-EVENT-EAP-FAILURE" "$WORK/wpa.log"
sed -i 's/"changed-at-the-server"/"wonderland"/' "$WORK/raddb/users"
radius_stop "$RADIUS_PID"
check "round 2: FreeRADIUS restarted with the old password" fr_start
ft_cli select_network 1 > /dev/null
comeback 2

# 3. EAPOL-Logoff
prepare 3
ft_cli logoff > /dev/null
revoked 3 "EAPOL-Logoff"
check "round 3: Acct-Terminate-Cause User-Request" \
	wait_for 10 stop_cause_is User-Request
ft_cli logon > /dev/null
comeback 3

check "no shared secret or password in fsrd's log" \
	not grep -q -e "$SECRET" -e "$DAS_SECRET" -e wonderland "$FSRD_LOG"
fsrd_sigterm
check "dmesg clean" dmesg_clean
tap_finish
