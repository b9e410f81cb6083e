#!/bin/sh
# The mobility domain across hosts (issue 14), fsrd <-> hostapd 2.10:
# fsrd in namespace ap1 (wlan0), Debian's hostapd in namespace ap2
# (wlan1, bridge=br0), one FT-PSK mobility domain, each listing the other
# as r0kh and r1kh with PMK-R1 push (selftests/lib_mobility.sh has the
# topology). The client makes its FT initial mobility-domain association
# at one AP, that AP pushes a PMK-R1 to the other (hostapd's protocol,
# sequence-number exchange included) and the client roams back and forth
# FSRD_MOBH_ROAMS (4) times; then it associates afresh at the other AP
# and roams again, so keys travel both ways: hostapd -> fsrd (given to
# fsr.ko, which serves the roam into fsrd) and fsrd -> hostapd.
# FSRD_MOBH_AKM=eap (fsrd_mobility_hostapd_eap.sh): the same with
# FT-802.1X, FreeRADIUS (PEAP) in each AP's namespace, the initial
# associations with EAP, no Access-Request during the roams.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
. "$(dirname "$0")/lib_mobility.sh"
require_root
require_cmd hostapd wpa_supplicant wpa_cli iw ping
MOB_AKM=${FSRD_MOBH_AKM:-psk}
[ "$MOB_AKM" = psk ] || require_cmd freeradius openssl
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-mobh-$MOB_AKM
PASS=mobh-passphrase-42
SECRET=mobh-secret
CERTS=$WORK/certs
ROAMS=${FSRD_MOBH_ROAMS:-4}
K12=3132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f50
K21=5152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f70

mob_fsrd_hostapd yes

if [ "$MOB_AKM" = eap ]; then
	mob_client "$(mob_net_ft_eap "$BSSID0")"
else
	mob_client "$(mob_net_ft_psk)"
fi
check "FT initial mobility-domain association completes" \
	wait_for 60 grep -q 'CTRL-EVENT-CONNECTED' "$WORK/wpa.log"
# Access-Requests at both RADIUS servers (FT-802.1X)
requests() {
	echo $(($(radius_access_requests "$WORK/radius-ap1.log") +
		$(radius_access_requests "$WORK/radius-ap2.log")))
}
ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen

pushed_to_fsrd() {
	grep -q "$STA: PMK-R1 received from R0KH hostapd.lab.example ($BSSID1)" "$log1" &&
		grep -q "$STA: received PMK-R1 pushed to fsr.ko" "$log1"
}
pushed_to_hostapd() {
	grep -q "$STA: PMK-R1 pushed to R1KH $BSSID1" "$log1"
}

# roams N: N roams from the current AP, each with a ping
roams() {
	_ok=0
	_i=1
	cur=$(ft_cli status | sed -n 's/^bssid=//p')
	while [ $_i -le "$1" ]; do
		if [ "$cur" = "$BSSID0" ]; then next=$BSSID1; else next=$BSSID0; fi
		roam "$next" || break
		_ok=$((_ok + 1))
		cur=$next
		_i=$((_i + 1))
	done
	[ "$_ok" -eq "$1" ]
}

# phase START_BSSID: a fresh initial association there, its key pushed
# to the other AP, then the roams
phase() {
	cur=$(ft_cli status | sed -n 's/^bssid=//p')
	if [ "$cur" != "$1" ]; then
		ft_cli disconnect > /dev/null
		ft_cli bssid 0 "$1" > /dev/null
		ft_cli reassociate > /dev/null
		wait_for 30 ft_on_bssid "$1" || return 1
		ft_cli bssid 0 00:00:00:00:00:00 > /dev/null
	fi
	diag "initial association at $1"
	if [ "$1" = "$BSSID1" ]; then
		check "hostapd -> fsrd: PMK-R1 pushed by hostapd, verified and given to fsr.ko" \
			wait_for 15 pushed_to_fsrd
	else
		check "fsrd -> hostapd: PMK-R1 pushed to hostapd's R1KH" \
			wait_for 15 pushed_to_hostapd
	fi
	reas0=$(mob_fsr_counter ap1 ft_reassoc_served)
	[ "$MOB_AKM" = psk ] || req0=$(requests)
	check "$ROAMS FT roams between fsrd and hostapd from $1, ping after each ($RETRIES retried so far)" \
		roams "$ROAMS"
	reas=$(($(mob_fsr_counter ap1 ft_reassoc_served) - reas0))
	check "fsr.ko served the $((ROAMS / 2)) roams into fsrd ($reas)" \
		[ "$reas" -eq $((ROAMS / 2)) ]
	if [ "$MOB_AKM" = eap ]; then
		req=$(($(requests) - req0))
		check "no Access-Request during the roams ($req)" [ "$req" -eq 0 ]
	fi
}
first=$(ft_cli status | sed -n 's/^bssid=//p')
if [ "$first" = "$BSSID0" ]; then second=$BSSID1; else second=$BSSID0; fi
phase "$first"
phase "$second"
check "at most 2 roams retried ($RETRIES)" [ "$RETRIES" -le 2 ]
check "hostapd logged no RRB decryption failure" \
	not grep -q "Failed to decrypt" "$hlog"
check "fsrd dropped no RRB frame from hostapd" sh -c "
	! grep -qE 'RRB .*(dropped|refused)' '$log1'"
rrb_ok() {
	# hostapd asked for fsrd's sequence number before taking its PUSH,
	# and never had to PULL (the keys were pushed both ways;
	# fsrd_mobility_pull.sh has the PULLs)
	[ "$(mob_rrb ap1 wlan0 seq_resp_tx)" -ge 1 ] &&
		[ "$(mob_rrb ap1 wlan0 rx_unsupported)" -eq 0 ] &&
		[ "$(mob_rrb ap1 wlan0 pull_rx)" -eq 0 ] &&
		[ "$(mob_rrb ap1 wlan0 pull_tx)" -eq 0 ] &&
		[ "$(mob_rrb ap1 wlan0 push_rx)" -ge 1 ] &&
		[ "$(mob_rrb ap1 wlan0 push_tx)" -ge 1 ]
}
check "fsrd answered hostapd's SEQ_REQ, got no PULL, sent and took PUSHes" \
	rrb_ok
check "no user-space FT roam in fsrd" \
	not grep -q "FT roam served by userspace" "$log1"

kill -TERM "$MOB_PID_ap1"
wait "$MOB_PID_ap1"
rc=$?
check "SIGTERM: fsrd exits 0 (status $rc)" [ "$rc" -eq 0 ]
check "kernel log clean" dmesg_clean
tap_finish
