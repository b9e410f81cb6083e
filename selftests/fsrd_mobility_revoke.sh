#!/bin/sh
# Revocation reaches every AP (issue 14, item 4), and only neighbours
# get keys (item 5): three fsrd in three namespaces
# (selftests/lib_mobility.sh), FT-802.1X, FreeRADIUS and the RFC 5176
# Disconnect-Request listener in ap1, whose neighbour list
# (pmk_r1_push_to) names ap2 only. The client's EAP initial
# mobility-domain association is at ap1, which pushes a PMK-R1 to ap2 and
# none to ap3; the client roams ap1 -> ap2 (fsr.ko serves it) -> ap3 (ap3
# PULLs the key from ap1, fsrd serves it) -> ap2 (fsr.ko). Then a
# Disconnect-Request at ap1: ap1 revokes the station's keys and sends
# fsr's REVOKE (docs/mobility.md) to ap2 and ap3, which forget the
# PMK-R1s they got from ap1, pushed or pulled, in fsrd and in fsr.ko. The
# client, still on ap2, cannot roam into ap3 with its old keys (FT
# Authentication status 53: ap3 PULLs from ap1, which answers without a
# key).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
. "$(dirname "$0")/lib_mobility.sh"
require_root
require_cmd wpa_supplicant wpa_cli freeradius radclient openssl iw ping
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-mobr
SECRET=mobr-secret
DAS_SECRET=mobr-das
K12=7172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f90
K13=a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0
CERTS=$WORK/certs

# wlan0, wlan1, wlan3: the APs; wlan2: the client (lib.sh's ft_cli)
load_radios 4 || { fail "load radios"; tap_finish; }
fsr_load
BSSID1=$(cat /sys/class/net/wlan0/address)
BSSID2=$(cat /sys/class/net/wlan1/address)
BSSID3=$(cat /sys/class/net/wlan3/address)
STA=$(cat /sys/class/net/wlan2/address)
STA_DASH=$(echo "$STA" | tr 'a-f:' 'A-F-')

check "the DS bridge" mob_ds_up
check "namespace ap1 with wlan0's radio" mob_ap_ns ap1 wlan0
check "namespace ap2 with wlan1's radio" mob_ap_ns ap2 wlan1
check "namespace ap3 with wlan3's radio" mob_ap_ns ap3 wlan3
client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2

mob_radius_ap1 900

common() {
	cat <<END
[global]
log_level = debug
control_socket = $WORK/fsrd-$1.sock
mobility_domain = a1b2
r0kh_id = $1.lab.example
kernel_fast_path = yes

[radius]
timeout = 2000
retries = 2
END
}
bss() {
	cat <<END

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET

[bss a]
interface = $1
ssid = $SSID
channel = 1
security = ft-eap
rrb_interface = br0
END
}
{
	common ap1
	echo "das_listen = 127.0.0.1:3799"
	printf '\n[das_client lab]\naddress = 127.0.0.1\nsecret = %s\n' "$DAS_SECRET"
	bss wlan0
	echo "pmk_r1_push = yes"
	echo "pmk_r1_push_to = $BSSID2"
	echo "r1kh = $BSSID2 $BSSID2 $K12"
	echo "r1kh = $BSSID3 $BSSID3 $K13"
} > "$WORK/fsrd-ap1.conf"
{
	common ap2
	bss wlan1
	echo "r0kh = $BSSID1 ap1.lab.example $K12"
} > "$WORK/fsrd-ap2.conf"
{
	common ap3
	bss wlan3
	echo "r0kh = $BSSID1 ap1.lab.example $K13"
} > "$WORK/fsrd-ap3.conf"
mob_fsrd ap1
mob_fsrd ap2
mob_fsrd ap3
log1=$WORK/fsrd-ap1.log
log2=$WORK/fsrd-ap2.log
log3=$WORK/fsrd-ap3.log
all_started() {
	for l in "$log1" "$log2" "$log3"; do
		grep -q "AP started.*FT-802.1X" "$l" &&
			grep -q "FT fast path of fsr.ko enabled" "$l" || return 1
	done
}
check "three fsrd with an FT-802.1X BSS and fsr.ko's fast path" \
	wait_for 40 all_started
check "the APs' radios are bridged to the DS" sh -c \
	"ip -n ap1 link set wlan0 master br0 && ip -n ap2 link set wlan1 master br0 && ip -n ap3 link set wlan3 master br0"

mob_client "$(mob_net_ft_eap "$BSSID1")"
# bssid_hint alone does not always win over ap2 and ap3 (which have no
# RADIUS server): pin the first association to ap1, then unpin for the
# roams
ft_cli bssid 0 "$BSSID1" > /dev/null
ft_cli reassociate > /dev/null
check "FT initial mobility-domain association with EAP at ap1" \
	wait_for 60 ft_on_bssid "$BSSID1"
ft_cli bssid 0 00:00:00:00:00:00 > /dev/null
ft_on_bssid "$BSSID1" || {
	# where the client went instead, and what ap1 said
	ft_cli scan_results | sed 's/^/# scan: /'
	tail -20 "$WORK/fsrd-ap1.log" | sed 's/^/# ap1: /'
	grep -E 'Selected|CTRL-EVENT-(CONNECTED|DISCONNECTED|EAP-FAILURE)' \
		"$WORK/wpa.log" | tail -10 | sed 's/^/# wpa: /'
}
took() {
	grep -q "$STA: PMK-R1 received from R0KH ap1.lab.example ($BSSID1)" "$1" &&
		grep -q "$STA: received PMK-R1 pushed to fsr.ko" "$1"
}
check "ap2 (a neighbour) got ap1's PMK-R1 and gave it to its fsr.ko" \
	wait_for 15 took "$log2"
check "ap1 pushed once, to ap2 only (pmk_r1_push_to)" \
	[ "$(mob_rrb ap1 wlan0 push_tx)" = 1 ]
check "ap3 (not a neighbour) got no PMK-R1" \
	not grep -q "PMK-R1 received from R0KH" "$log3"
ip netns exec ap1 "$FSRCTL" -s "$WORK/fsrd-ap1.sock" peer show > "$WORK/peers1.txt" 2>&1
check "fsrctl peer show at ap1: ap3 is not pushed to" \
	grep -q "not in pmk_r1_push_to: gets PMK-R1s by PULL only" "$WORK/peers1.txt"
check "... and says it once (ap2 is pushed to)" \
	[ "$(grep -c "not in pmk_r1_push_to" "$WORK/peers1.txt")" = 1 ]
three_seen() {
	ft_cli scan_results > "$WORK/scan.txt" 2>/dev/null &&
		grep -q "$BSSID2" "$WORK/scan.txt" &&
		grep -q "$BSSID3" "$WORK/scan.txt"
}
ft_cli scan > /dev/null
check "the client sees the other BSSes" wait_for 20 three_seen

roam_to() {
	_r=$(ft_cli roam "$1")
	[ "$_r" = OK ] || diag "wpa_cli roam $1: $_r"
	wait_for 20 ft_on_bssid "$1" &&
		ip netns exec cli ping -c 1 -W 3 10.77.0.1 > /dev/null
}
check "FT roam ap1 -> ap2, ping" roam_to "$BSSID2"
check "FT roam ap2 -> ap3 (key pulled from ap1), ping" roam_to "$BSSID3"
check "ap3 pulled the PMK-R1 from ap1" \
	[ "$(mob_rrb ap3 wlan3 pulled)" = 1 ]
check "FT roam ap3 -> ap2, ping" roam_to "$BSSID2"
s2=$(mob_fsr_counter ap2 ft_reassoc_served)
s3=$(mob_fsr_counter ap3 ft_reassoc_served)
served_ok() {
	[ "$s2" -eq 2 ] && [ "$s3" -eq 0 ]
}
check "fsr.ko served the roams into ap2, fsrd the pulled one (ap2 $s2, ap3 $s3)" served_ok
ip netns exec ap3 "$FSRCTL" pmk show > "$WORK/pmk3-before.txt" 2>&1
check "ap3's fsr.ko holds the pulled PMK-R1 of the station" grep -qi "$STA" "$WORK/pmk3-before.txt"

# --- the Disconnect-Request at ap1 ---------------------------------------
printf 'Calling-Station-Id = "%s"\nUser-Name = "alice"\n' "$STA_DASH" |
	ip netns exec ap1 radclient -r 1 -t 3 -x 127.0.0.1:3799 disconnect \
		"$DAS_SECRET" > "$WORK/radclient.out" 2>&1
check "Disconnect-Request at ap1: ACK" \
	grep -q "Received Disconnect-ACK" "$WORK/radclient.out"
sent() {
	grep -q "$STA: REVOKE sent to R1KH $BSSID2" "$log1" &&
		grep -q "$STA: REVOKE sent to R1KH $BSSID3" "$log1"
}
check "ap1 revoked the keys and sent REVOKE to ap2 and ap3" wait_for 10 sent
forgot() {
	grep -q "$STA: REVOKE from R0KH ap1.lab.example ($BSSID1): 1 of its PMK-R1(s) forgotten, 1 in fsr.ko" "$1"
}
check "ap2 forgot ap1's PMK-R1, in fsrd and in fsr.ko" wait_for 10 forgot "$log2"
check "ap3 forgot the PMK-R1 it pulled, in fsrd and in fsr.ko" wait_for 10 forgot "$log3"
ip netns exec ap3 "$FSRCTL" pmk show > "$WORK/pmk3-after.txt" 2>&1
check "ap3's fsr.ko holds no PMK-R1 of the station" \
	not grep -qi "$STA" "$WORK/pmk3-after.txt"
counted() {
	[ "$(mob_rrb ap2 wlan1 revoke_rx)" = 1 ] &&
		[ "$(mob_rrb ap3 wlan3 revoke_rx)" = 1 ] &&
		[ "$(mob_rrb ap1 wlan0 revoke_tx)" = 2 ]
}
check "REVOKE counted: ap2 and ap3 took one each, ap1 sent two" counted

# --- the old keys open no other AP ------------------------------------------
if ft_on_bssid "$BSSID2"; then
	n53=$(grep -c "auth_type=2 auth_transaction=2 status_code=53" "$WORK/wpa.log")
	ft_cli roam "$BSSID3" > /dev/null
	refused() {
		[ "$(grep -c "auth_type=2 auth_transaction=2 status_code=53" "$WORK/wpa.log")" -gt "$n53" ]
	}
	check "FT roam into ap3 with the old keys: FT Authentication refused (53)" \
		wait_for 20 refused
	# ap3 has no key of ap1's left: it asks ap1 by PULL, and ap1, which
	# revoked the PMK-R0, answers without a key (hostapd's NAK)
	nak() {
		[ "$(mob_rrb ap3 wlan3 pull_tx)" -ge 2 ] &&
			[ "$(mob_rrb ap3 wlan3 pull_nak)" -ge 1 ] &&
			[ "$(mob_rrb ap3 wlan3 pulled)" -eq 1 ] &&
			[ "$(mob_rrb ap1 wlan0 pull_rx_nak)" -ge 1 ] &&
			grep -q "$STA: PULL answered by R0KH $BSSID1 without a key" "$log3"
	}
	check "ap3 PULLed from ap1, ap1 answered without a key (NAK), nothing taken" \
		mob_poll 10 nak
else
	fail "the client is no longer on ap2, no roam with old keys to try"
fi
sleep 2
check "ap3's fsr.ko served no roam after the revocation" \
	[ "$(mob_fsr_counter ap3 ft_reassoc_served)" -eq "$s3" ]
check "the client is not on ap3" not ft_on_bssid "$BSSID3"

mob_stop_fsrd ap1 ap2 ap3
check "kernel log clean" dmesg_clean
tap_finish
