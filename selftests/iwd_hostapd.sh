#!/bin/sh
# The interoperability baseline for iwd over FT-802.1X: hostapd 2.10 (not
# fsrd) runs two FT-EAP BSSes of one mobility domain on wlan0 and wlan1
# (bridged, br0 10.77.0.1; R0KH/R1KH with PMK-R1 push), relaying EAP to
# FreeRADIUS from Debian (lib_radius.sh, EAP-PEAP/MSCHAPv2); Debian's iwd
# (lib_iwd.sh) on wlan2 in netns "cli" (10.77.0.2) makes the FT initial
# mobility-domain association, then roams IWD_HOSTAPD_ROAMS times (default
# 4) with FT over the air (StationDebug.Roam), ping after each.
#
# It records, from a capture of the medium (hwsim0), what hostapd puts in
# message 1 of the 4-way handshake of the initial association: the PMKID
# KDE carries the PMKID of the PMKSA (HMAC-SHA1-128 of the first half of
# the MSK, computed here from FreeRADIUS's MS-MPPE-Recv-Key), not
# PMKR1Name, which iwd sends in the RSNE of message 2 (and hostapd in the
# RSNE of message 3). iwd checks the message 1 PMKID against its own PMKSA
# and must not complain ("Authenticator sent a PMKID that didn't match").
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
. "$(dirname "$0")/lib_iwd.sh"
require_root
require_cmd hostapd hostapd_cli freeradius openssl ping iw tcpdump python3
require_iwd
dmesg_mark

SSID=hostapd-iwd-ft-eap
SECRET=fsr-iwd-hostapd-secret
ROAMS=${IWD_HOSTAPD_ROAMS:-4}
CERTS=$WORK/certs
ip link set lo up 2>/dev/null

load_radios 3 || { fail "load radios"; tap_finish; }
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)

check "test CA, server and client certificates" radius_certs "$CERTS"
radius_conf "$WORK/raddb" "$SECRET" 1812 1813 "$CERTS"
FR_LOG=$WORK/radius.log
if ! radius_start "$WORK/raddb" "$FR_LOG"; then
	fail "FreeRADIUS starts"
	diag "$(tail -n 30 "$FR_LOG")"
	iwd_keep_logs iwd_hostapd
	tap_finish
fi
defer "kill $RADIUS_PID"
pass "FreeRADIUS (EAP-PEAP/MSCHAPv2) on 127.0.0.1:1812"

ip link add br0 type bridge && ip link set br0 up &&
	ip addr add 10.77.0.1/24 dev br0
defer "ip link del br0"

KH=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
# hostapd_ft_eap_conf IFACE NAS_ID BSSID: one FT-EAP BSS
hostapd_ft_eap_conf() {
	cat <<-EOF
	interface=$1
	bridge=br0
	driver=nl80211
	ctrl_interface=$WORK/hostapd-ctrl
	ssid=$SSID
	hw_mode=g
	channel=1
	wpa=2
	wpa_key_mgmt=FT-EAP
	rsn_pairwise=CCMP
	ieee8021x=1
	eapol_version=2
	own_ip_addr=127.0.0.1
	auth_server_addr=127.0.0.1
	auth_server_port=1812
	auth_server_shared_secret=$SECRET
	eap_reauth_period=0
	mobility_domain=a1b2
	nas_identifier=$2
	r1_key_holder=$(echo "$3" | tr -d :)
	ft_over_ds=0
	pmk_r1_push=1
	reassociation_deadline=1000
	r0kh=$BSSID0 ap0.fsr.example $KH
	r0kh=$BSSID1 ap1.fsr.example $KH
	r1kh=$BSSID0 $BSSID0 $KH
	r1kh=$BSSID1 $BSSID1 $KH
	EOF
}
hostapd_ft_eap_conf wlan0 ap0.fsr.example "$BSSID0" > "$WORK/hostapd-0.conf"
hostapd_ft_eap_conf wlan1 ap1.fsr.example "$BSSID1" > "$WORK/hostapd-1.conf"
HAPD_LOG=$WORK/hostapd.log
hostapd -B -dd -t -P "$WORK/hostapd.pid" -f "$HAPD_LOG" \
	"$WORK/hostapd-0.conf" "$WORK/hostapd-1.conf"
defer "kill \$(cat $WORK/hostapd.pid)"
check "hostapd $(hostapd -v 2>&1 | sed -n 's/^hostapd v//p') starts two FT-EAP BSSes" \
	wait_for 20 sh -c "[ \$(grep -c AP-ENABLED '$HAPD_LOG') -eq 2 ]"

client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2
stamp "lab ready, starting iwd"
if iwd_start cli wlan2; then
	pass "iwd $($IWD_BIN --version) manages wlan2 in netns cli"
else
	fail "iwd manages wlan2 in netns cli"
	diag "$(tail -n 30 "$IWD_LOG")"
	iwd_keep_logs iwd_hostapd
	tap_finish
fi
iwd_provision "$SSID" peap
CAP=$WORK/initial.pcap
check "capture of the medium on hwsim0" capture_start "$CAP"

ping_ap() {
	ip netns exec cli ping -c 1 -W 3 10.77.0.1 > /dev/null
}

# --- FT initial mobility-domain association ----------------------------------
stamp "iwd started"
check "iwd sees $SSID" iwd_scan "$SSID"
check "... on both BSSes" iwd_learn "$BSSID0" "$BSSID1"
stamp "scan done"
check "iwd connects: FT initial mobility-domain association with EAP" \
	iwd_connect "$SSID"
cur=$(iwd_link cli)
check "iwd is connected to one of the BSSes ($cur)" \
	sh -c "[ '$cur' = '$BSSID0' ] || [ '$cur' = '$BSSID1' ]"
check "ping through the AP" wait_for 10 ping_ap
wait_for 10 capture_has_m2 "$CAP" "$STA" || diag "no message 2 from $STA in the capture after 10 s"
capture_stop
python3 "$SELFTESTS/eapol_keys.py" "$CAP" > "$WORK/eapol.txt" 2>&1
diag "$(cat "$WORK/eapol.txt")"
m1=$(awk -v ap="$cur" '$1 == "m1" && $2 == ap { sub("pmkid=", "", $4); p = $4 } END { print p }' "$WORK/eapol.txt")
m2=$(awk -v ap="$cur" '$1 == "m2" && $3 == ap { sub("rsne_pmkids=", "", $4); p = $4 } END { print p }' "$WORK/eapol.txt")
radius_pmkids "$FR_LOG" "$cur" "$STA" > "$WORK/pmkids.txt"
pmksa=$(tail -n 1 "$WORK/pmkids.txt")
diag "message 1 PMKID KDE: $m1; PMKSA PMKID from the MSK: $pmksa; message 2 RSNE PMKIDs: $m2"
check "hostapd's message 1 carries a PMKID KDE" \
	sh -c "[ -n '$m1' ] && [ '$m1' != none ]"
check "... the PMKSA's PMKID: HMAC-SHA1-128(MSK[0..31], \"PMK Name\" || AA || SPA)" \
	sh -c "[ -n '$pmksa' ] && [ '$m1' = '$pmksa' ]"
check "hostapd's log: message 1 PMKID derived from the PMK" \
	grep -q "RSN: Message 1/4 PMKID derived from PMK" "$HAPD_LOG"
check "iwd's message 2 has exactly one PMKID in its RSNE (PMKR1Name)" \
	sh -c "[ -n '$m2' ] && [ '$m2' != none ] && [ '$m2' = '${m2%%,*}' ]"
check "... which is not the message 1 PMKID" [ "$m2" != "$m1" ]
check "hostapd accepted it: PMKR1Name of message 2 matches" \
	not grep -q "PMKR1Name mismatch in FT 4-way handshake" "$HAPD_LOG"
check "iwd accepted message 1's PMKID (no \"didn't match\", no EAPOL-Start)" \
	[ "$(iwd_log_count "Authenticator sent a PMKID that didn't match")" -eq 0 ]
check "one EAP authentication for the association" \
	[ "$(iwd_log_count 'EAP completed with eapSuccess')" -eq 1 ]

# --- FT roams ------------------------------------------------------------------
check "iwd still knows both BSSes (a roam then scans one channel)" \
	iwd_learn "$BSSID0" "$BSSID1"
stamp "roaming"
# as fsrd_ft_eap.sh: a roam that did not complete (TCG) is retried once if
# iwd is still connected, at most MAX_RETRIES in the run, each reported
RETRIES=0
MAX_RETRIES=2
roam_once() {
	iwd_roam "$1" && iwd_wait 30 iwd_on cli "$1" && wait_for 10 ping_ap
}
roam() {
	roam_once "$1" && return 0
	[ "$(iwd_state)" = connected ] || return 1
	[ $RETRIES -lt $MAX_RETRIES ] || return 1
	RETRIES=$((RETRIES + 1))
	diag "roam to $1 not completed, retrying once (retry $RETRIES)"
	sleep 1
	roam_once "$1"
}
req0=$(radius_access_requests "$FR_LOG")
ft0=$(grep -c "FT: FT authentication response: dst=$STA" "$HAPD_LOG")
i=1
ok=0
while [ $i -le "$ROAMS" ]; do
	if [ "$cur" = "$BSSID0" ]; then next=$BSSID1; else next=$BSSID0; fi
	t0=$(date +%s)
	if roam "$next"; then
		ok=$((ok + 1))
		diag "roam $i to $next: $(($(date +%s) - t0)) s"
	else
		fail "FT roam $i to $next: connected, ping"
		diag "$(grep -aE 'ft|FT|roam|station' "$IWD_LOG" | tail -n 25)"
		break
	fi
	cur=$next
	i=$((i + 1))
done
check "$ok of $ROAMS FT roams with hostapd: connected, ping" [ "$ok" -eq "$ROAMS" ]
check "retried roams: $RETRIES (at most $MAX_RETRIES)" \
	[ "$RETRIES" -le "$MAX_RETRIES" ]
ft=$(($(grep -c "FT: FT authentication response: dst=$STA" "$HAPD_LOG") - ft0))
check "hostapd answered $ft FT Authentications for $ROAMS roams" [ "$ft" -ge "$ROAMS" ]
req=$(($(radius_access_requests "$FR_LOG") - req0))
check "no Access-Request during the roams ($req)" [ "$req" -eq 0 ]
check "still one EAP authentication in iwd's log" \
	[ "$(iwd_log_count 'EAP completed with eapSuccess')" -eq 1 ]
stamp "done"
check "dmesg clean" dmesg_clean
iwd_keep_logs iwd_hostapd
tap_finish
