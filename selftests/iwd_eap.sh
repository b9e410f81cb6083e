#!/bin/sh
# WPA2-Enterprise with fsrd and iwd as the client: fsrd runs a wpa2-eap BSS
# on wlan0 (bridged, br0 10.77.0.1), FreeRADIUS from Debian on loopback
# (lib_radius.sh), and Debian's iwd (lib_iwd.sh) on wlan2 in netns "cli"
# (10.77.0.2) with a provisioning file per method. Checks EAP-PEAP/MSCHAPv2
# and EAP-TLS: iwd connects (EAP-Success, 4-way handshake on both sides),
# data flows both ways, FreeRADIUS did the method; a wrong password is
# rejected (Access-Reject, iwd gives up, fsrd deauthenticates with reason
# 23); no secret or password in fsrd's log.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
. "$(dirname "$0")/lib_iwd.sh"
require_root
require_cmd freeradius openssl ping iw
require_iwd
if [ ! -x "$FSRD" ]; then
	echo "1..0 # SKIP build/bin/fsrd missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-iwd-eap
SECRET=fsr-iwd-eap-secret
CERTS=$WORK/certs
ip link set lo up 2>/dev/null

load_radios 3 || { fail "load radios"; tap_finish; }
BSSID0=$(cat /sys/class/net/wlan0/address)
STA=$(cat /sys/class/net/wlan2/address)

check "test CA, server and client certificates" radius_certs "$CERTS"
radius_conf "$WORK/raddb" "$SECRET" 1812 1813 "$CERTS"
FR_LOG=$WORK/radius.log
if ! radius_start "$WORK/raddb" "$FR_LOG"; then
	fail "FreeRADIUS starts"
	diag "$(tail -n 30 "$FR_LOG")"
	iwd_keep_logs iwd_eap
	tap_finish
fi
defer "kill $RADIUS_PID"
pass "FreeRADIUS (EAP-PEAP/MSCHAPv2, EAP-TLS) on 127.0.0.1:1812"

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = debug

[radius]
timeout = 2000
retries = 2

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET

[bss a]
interface = wlan0
ssid = $SSID
channel = 1
security = wpa2-eap
END
start_fsrd
check "fsrd starts a WPA2-802.1X BSS" wait_for 20 fsrd_log_has "AP started"
ip link add br0 type bridge && ip link set wlan0 master br0 &&
	ip link set br0 up && ip addr add 10.77.0.1/24 dev br0
defer "ip link del br0"
client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2

stamp "lab ready, starting iwd"
if iwd_start cli wlan2; then
	pass "iwd $($IWD_BIN --version) manages wlan2 in netns cli"
else
	fail "iwd manages wlan2 in netns cli"
	diag "$(tail -n 30 "$IWD_LOG")"
	iwd_keep_logs iwd_eap
	tap_finish
fi

ping_ap() {
	ip netns exec cli ping -c 1 -W 3 10.77.0.1 > /dev/null
}
ping_sta() {
	ping -c 1 -W 3 10.77.0.2 > /dev/null
}
handshakes() {
	fsrd_log_count "$STA: 4-way handshake completed"
}

# connect_method METHOD LABEL: provision, connect, check the connection
connect_method() {
	iwd_provision "$SSID" "$1"
	_r0=$(radius_access_requests "$FR_LOG")
	_h0=$(handshakes)
	_l0=$(wc -l < "$IWD_LOG")
	stamp "$2: scanning"
	check "iwd sees $SSID" iwd_scan "$SSID"
	stamp "$2: connecting"
	check "$2: iwd connects" iwd_connect "$SSID"
	check "$2: iwd is connected to the BSS" iwd_wait 10 iwd_on cli "$BSSID0"
	check "$2: iwd saw EAP-Success" \
		sh -c "tail -n +$_l0 '$IWD_LOG' | grep -aq 'EAP completed with eapSuccess'"
	check "$2: fsrd: 802.1X authentication succeeded, then the 4-way handshake" \
		sh -c "grep -q '$STA: 802.1X authentication succeeded' '$FSRD_LOG' &&
			[ \$(grep -c '$STA: 4-way handshake completed' '$FSRD_LOG') -gt $_h0 ]"
	check "$2: FreeRADIUS got Access-Requests" \
		sh -c "[ \$(grep -c 'Received Access-Request' '$FR_LOG') -gt $_r0 ]"
	check "$2: ping station -> AP" wait_for 10 ping_ap
	check "$2: ping AP -> station" wait_for 10 ping_sta
}

# --- EAP-PEAP/MSCHAPv2 ---------------------------------------------------------
connect_method peap "PEAP/MSCHAPv2"
check "FreeRADIUS did PEAP with MSCHAPv2 inside" \
	sh -c "grep -q 'eap_peap' '$FR_LOG' && grep -q 'mschap' '$FR_LOG'"
left() {
	[ "$(fsrd_log_count "$STA: disconnected (reason 3): Deauthentication from the station")" -gt "$1" ]
}
d0=$(fsrd_log_count "$STA: disconnected (reason 3): Deauthentication from the station")
iwd_disconnect
check "iwd disconnects: fsrd removes the station (deauthenticated, reason 3)" \
	wait_for 10 left "$d0"

# --- EAP-TLS --------------------------------------------------------------------
connect_method tls "EAP-TLS"
check "FreeRADIUS did EAP-TLS with the client certificate" \
	sh -c "grep -q 'eap_tls' '$FR_LOG' && grep -q 'TLS-Client-Cert-Common-Name := \"alice\"' '$FR_LOG'"
iwd_disconnect
wait_for 10 sh -c "[ -z \"\$(ip netns exec cli iw dev wlan2 link | grep Connected)\" ]"

# --- wrong password ---------------------------------------------------------------
iwd_provision "$SSID" badpass
iwd_scan "$SSID" > /dev/null
rej0=$(grep -c "Sent Access-Reject" "$FR_LOG")
check "wrong password: iwd's connect fails" not iwd_connect "$SSID"
check "FreeRADIUS sent an Access-Reject" \
	sh -c "[ \$(grep -c 'Sent Access-Reject' '$FR_LOG') -gt $rej0 ]"
check "fsrd: authentication failed: Access-Reject" \
	wait_for 5 grep -q "$STA: 802.1X authentication failed: Access-Reject" "$FSRD_LOG"
check "iwd is not connected" not iwd_on cli "$BSSID0"

fsrd_sigterm
check "no shared secret or password in fsrd's log" \
	not grep -q -e "$SECRET" -e wonderland "$FSRD_LOG"
diag "$(grep -aE 'eapol|EAP|handshake' "$IWD_LOG" | tail -n 15)"
stamp "done"
check "dmesg clean" dmesg_clean
iwd_keep_logs iwd_eap
tap_finish
