#!/bin/sh
# PMKSA and OKC across APs (issue 14, item 3): two fsrd in two
# namespaces (selftests/lib_mobility.sh), ft-eap BSSes with pmksa_share,
# each the other's r0kh and r1kh. FreeRADIUS (PEAP) and the RFC 5176
# Disconnect-Request listener are in ap1 on 127.0.0.1: ap2 has no RADIUS
# server it can reach, so every association there without EAP proves it.
# The client (wpa_supplicant, WPA-EAP with proactive_key_caching)
# authenticates at ap1; ap1 shares the PMKSA (fsr's PMKSA message,
# docs/mobility.md) with ap2. Then: OKC into ap2, PMKSA caching back into
# ap1 and into ap2 again, ping after each, one Access-Accept in all. A
# Disconnect-Request at ap1 sends fsr's REVOKE to ap2, which forgets every
# PMKSA of the station: the client's next association at ap2 with its old
# PMKID goes to full EAP (and fails: no RADIUS there).
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

SSID=fsrd-mobp
SECRET=mobp-secret
DAS_SECRET=mobp-das
K12=8182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0
K21=b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0
CERTS=$WORK/certs

load_radios 3 || { fail "load radios"; tap_finish; }
fsr_load
BSSID1=$(cat /sys/class/net/wlan0/address)
BSSID2=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)
STA_DASH=$(echo "$STA" | tr 'a-f:' 'A-F-')

check "the DS bridge" mob_ds_up
check "namespace ap1 with wlan0's radio" mob_ap_ns ap1 wlan0
check "namespace ap2 with wlan1's radio" mob_ap_ns ap2 wlan1
client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2

mob_radius_ap1 900

# fsrd_conf NS IFACE PEER_BSSID PEER_ID KEY_OUT KEY_IN
fsrd_conf() {
	cat <<END
[global]
log_level = debug
control_socket = $WORK/fsrd-$1.sock
mobility_domain = a1b2
r0kh_id = $1.lab.example
kernel_fast_path = yes

[radius]
timeout = 1000
retries = 1
END
	if [ "$1" = ap1 ]; then
		echo "das_listen = 127.0.0.1:3799"
		printf '\n[das_client lab]\naddress = 127.0.0.1\nsecret = %s\n' \
			"$DAS_SECRET"
	fi
	cat <<END

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET
END
	cat <<END

[bss a]
interface = $2
ssid = $SSID
channel = 1
security = ft-eap
rrb_interface = br0
pmksa_share = yes
r1kh = $3 $3 $5
r0kh = $3 $4 $6
END
}
fsrd_conf ap1 wlan0 "$BSSID2" ap2.lab.example $K12 $K21 > "$WORK/fsrd-ap1.conf"
fsrd_conf ap2 wlan1 "$BSSID1" ap1.lab.example $K21 $K12 > "$WORK/fsrd-ap2.conf"
mob_fsrd ap1
mob_fsrd ap2
log1=$WORK/fsrd-ap1.log
log2=$WORK/fsrd-ap2.log
both_started() {
	for l in "$log1" "$log2"; do
		grep -q "AP started.*FT-802.1X" "$l" || return 1
	done
}
check "two fsrd with an ft-eap BSS and pmksa_share" wait_for 40 both_started
both_started || diag "$(tail -n 5 "$log1" "$log2")"
check "the APs' radios are bridged to the DS" sh -c \
	"ip -n ap1 link set wlan0 master br0 && ip -n ap2 link set wlan1 master br0"

net() {
	printf '\tssid="%s"\n\tkey_mgmt=WPA-EAP\n\teap=PEAP\n\tidentity="alice"\n' "$SSID"
	printf '\tpassword="wonderland"\n\tphase2="auth=MSCHAPV2"\n'
	printf '\tca_cert="%s"\n\tproactive_key_caching=1\n\tbssid_hint=%s\n' \
		"$CERTS/ca.pem" "$BSSID1"
}
mob_client "$(net)"
ft_cli bssid 0 "$BSSID1" > /dev/null
ft_cli reassociate > /dev/null
check "802.1X (WPA-EAP) authentication at ap1" wait_for 60 ft_on_bssid "$BSSID1"
# unpin (wpa_cli takes no "any" here: an all-zero BSSID clears it)
ft_cli bssid 0 00:00:00:00:00:00 > /dev/null
# EAP authentications ap2 started (before the client was pinned to ap1,
# wpa_supplicant may have tried ap2 first: counted from here)
eap_started_ap2() {
	ip netns exec ap2 "$FSRCTL" -s "$WORK/fsrd-ap2.sock" -j auth show |
		sed -n 's/.*"eap_started":\([0-9]*\).*/\1/p'
}
eap2_0=$(eap_started_ap2)
accepts() {
	grep -c "Sent Access-Accept" "$FR_LOG"
}
check "one Access-Accept" [ "$(accepts)" -eq 1 ]
check "ping from ap1" ip netns exec cli ping -c 1 -W 3 10.77.0.1

shared() {
	grep -q "$STA: PMKSA shared with R1KH $BSSID2" "$log1" &&
		grep -q "$STA: PMKSA shared by R0KH ap1.lab.example ($BSSID1): made on $BSSID1, user 'alice'" "$log2"
}
check "ap1 shared the PMKSA, ap2 kept it (trace lines)" wait_for 15 shared
ip netns exec ap2 "$FSRCTL" -s "$WORK/fsrd-ap2.sock" pmksa show > "$WORK/pmksa2.txt" 2>&1
sed 's/^/# ap2: /' "$WORK/pmksa2.txt"
check "ap2's fsrctl pmksa show: the station's PMKSA made on ap1, from ap1.lab.example" \
	grep -qi "^$STA  $BSSID1 .* ap1.lab.example  *alice" "$WORK/pmksa2.txt"
check "ap2's fsrctl pmksa show -j: from, no key bytes" sh -c \
	"ip netns exec ap2 '$FSRCTL' -s '$WORK/fsrd-ap2.sock' -j pmksa show | grep -q '\"from\":\"ap1.lab.example\"' &&
	 ! ip netns exec ap2 '$FSRCTL' -s '$WORK/fsrd-ap2.sock' -j pmksa show | grep -q '\"pmk\"'"
counted() {
	[ "$(mob_rrb ap1 wlan0 pmksa_tx)" = 1 ] &&
		[ "$(mob_rrb ap2 wlan1 pmksa_rx)" = 1 ] &&
		[ "$(mob_rrb ap2 wlan1 pmksa_refused)" = 0 ]
}
check "counted: ap1 pmksa_tx 1, ap2 pmksa_rx 1, nothing refused" mob_poll 10 counted
ip netns exec ap2 "$FSRCTL" -s "$WORK/fsrd-ap2.sock" peer show > "$WORK/peer2.txt" 2>&1
check "ap2's fsrctl peer show: PMKSAs kept from ap1" \
	grep -q "PMKSAs kept from it: 1" "$WORK/peer2.txt"

seen2() {
	ft_cli scan_results > "$WORK/scan.txt" 2>/dev/null &&
		grep -q "$BSSID2" "$WORK/scan.txt"
}
ft_cli scan > /dev/null
check "the client sees ap2" wait_for 20 seen2

hops() {
	grep -c "$STA: Found a valid PMKID in the RSNE ($2" "$1"
}
roam_to() {
	_r=$(ft_cli roam "$1")
	[ "$_r" = OK ] || diag "wpa_cli roam $1: $_r"
	wait_for 30 ft_on_bssid "$1" &&
		ip netns exec cli ping -c 1 -W 3 10.77.0.1 > /dev/null
}
check "roam ap1 -> ap2, ping" roam_to "$BSSID2"
ft_on_bssid "$BSSID2" || {
	diag "$(grep "$STA" "$log2" | tail -n 25)"
	diag "$(awk -v b="$BSSID2" 'index($0, "associate with " b) { on = 1 }
		on && /PMKID|PMKSA|EAPOL|4-Way|1\/4|RSN|WPA:|Associated|CTRL-EVENT/ { print; if (++n > 70) exit }' "$WORK/wpa.log")"
}
check "ap2: OKC from the PMK ap1 shared, no EAP" \
	[ "$(hops "$log2" "OKC: PMK shared by R0KH ap1.lab.example")" -eq 1 ]
check "roam ap2 -> ap1 (PMKSA caching), ping" roam_to "$BSSID1"
check "ap1: its own PMKSA cache" [ "$(hops "$log1" "PMKSA cache, user")" -eq 1 ]
check "roam ap1 -> ap2 (PMKSA caching of the OKC entry), ping" roam_to "$BSSID2"
check "ap2: PMKSA cache hit on the entry OKC made from ap1's PMK" \
	[ "$(hops "$log2" "PMKSA cache: shared by R0KH ap1.lab.example")" -eq 1 ]
check "still one Access-Accept: no EAP after the first" [ "$(accepts)" -eq 1 ]
eap2=$(eap_started_ap2)
check "ap2 started no EAP authentication during the roams ($eap2_0 before, $eap2 after)" \
	[ "$eap2" -eq "$eap2_0" ]

# --- revocation: a Disconnect-Request at ap1 ------------------------------
printf 'Calling-Station-Id = "%s"\nUser-Name = "alice"\n' "$STA_DASH" |
	ip netns exec ap1 radclient -r 1 -t 3 -x 127.0.0.1:3799 disconnect \
		"$DAS_SECRET" > "$WORK/radclient.out" 2>&1
check "Disconnect-Request at ap1: ACK" \
	grep -q "Received Disconnect-ACK" "$WORK/radclient.out"
revoked() {
	grep -q "$STA: REVOKE sent to R1KH $BSSID2: its PMK-R1s of ours and its PMKSAs of the station go" "$log1" &&
		grep -q "$STA: REVOKE from R0KH ap1.lab.example ($BSSID1): 0 of its PMK-R1(s) forgotten, 0 in fsr.ko, 2 PMKSA(s)" "$log2"
}
check "ap1 revoked and sent REVOKE; ap2 forgot both PMKSAs (shared and OKC)" \
	wait_for 10 revoked
if ! revoked; then
	grep -i "revoke" "$log1" "$log2" | tail -6 | sed 's/^/# /'
fi
ip netns exec ap2 "$FSRCTL" -s "$WORK/fsrd-ap2.sock" pmksa show > "$WORK/pmksa2-after.txt" 2>&1
check "ap2's PMKSA cache holds nothing of the station" \
	not grep -qi "$STA" "$WORK/pmksa2-after.txt"
# the client keeps its PMKSAs: its next association at ap2 presents the
# old PMKID, which ap2 no longer knows
misses=$(grep -c "$STA: PMKID in the RSNE not in the PMKSA cache" "$log2")
ft_cli bssid 0 "$BSSID2" > /dev/null
ft_cli reassociate > /dev/null
missed() {
	[ "$(grep -c "$STA: PMKID in the RSNE not in the PMKSA cache" "$log2")" -gt "$misses" ]
}
check "reassociation at ap2 with the old PMKID: full EAP required" \
	wait_for 30 missed
sleep 3
check "... no cached-key login at ap2 after the revocation" \
	[ "$(hops "$log2" "")" -eq 2 ]
check "the client is not on ap2 (no RADIUS there)" not ft_on_bssid "$BSSID2"

mob_stop_fsrd ap1 ap2
check "kernel log clean" dmesg_clean
tap_finish
