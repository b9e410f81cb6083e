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
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_mobility.sh"
require_root
require_cmd hostapd wpa_supplicant wpa_cli iw ping
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-mobh
PASS=mobh-passphrase-42
ROAMS=${FSRD_MOBH_ROAMS:-4}
K12=3132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f50
K21=5152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f70

load_radios 3 || { fail "load radios"; tap_finish; }
fsr_load
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)

check "the DS bridge" mob_ds_up
check "namespace ap1 (fsrd) with wlan0's radio" mob_ap_ns ap1 wlan0
check "namespace ap2 (hostapd) with wlan1's radio" mob_ap_ns ap2 wlan1
client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2

cat > "$WORK/fsrd-ap1.conf" <<END
[global]
log_level = debug
control_socket = $WORK/fsrd-ap1.sock
mobility_domain = a1b2
r0kh_id = fsrd.lab.example
kernel_fast_path = yes

[bss a]
interface = wlan0
ssid = $SSID
channel = 1
security = ft-psk
passphrase = $PASS
rrb_interface = br0
pmk_r1_push = yes
r1kh = $BSSID1 $BSSID1 $K12
r0kh = $BSSID1 hostapd.lab.example $K21
END
cat > "$WORK/hostapd-ap2.conf" <<END
interface=wlan1
bridge=br0
driver=nl80211
ctrl_interface=$WORK/hostapd-ctrl
ssid=$SSID
hw_mode=g
channel=1
wpa=2
wpa_key_mgmt=FT-PSK
rsn_pairwise=CCMP
wpa_passphrase=$PASS
mobility_domain=a1b2
nas_identifier=hostapd.lab.example
ft_over_ds=0
pmk_r1_push=1
r0kh=$BSSID0 fsrd.lab.example $K12
r1kh=$BSSID0 $BSSID0 $K21
END

mob_fsrd ap1
log1=$WORK/fsrd-ap1.log
check "fsrd starts its BSS in ap1" wait_for 30 grep -q "AP started" "$log1"
check "fsrd configures the fast path of ap1's fsr.ko" \
	wait_for 15 grep -q "FT fast path of fsr.ko enabled" "$log1"
check "fsrd's radio bridged to the DS" mob_bridge_wlan ap1 wlan0
check "hostapd 2.10 starts in ap2 (bridge=br0)" mob_hostapd ap2
hlog=$WORK/hostapd-ap2.log

mob_client "$(mob_net_ft_psk)"
check "FT initial mobility-domain association completes" \
	wait_for 40 grep -q 'CTRL-EVENT-CONNECTED' "$WORK/wpa.log"
ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen

roam_once() {
	_r=$(ft_cli roam "$1")
	[ "$_r" = OK ] || diag "wpa_cli roam $1: $_r"
	wait_for 20 ft_on_bssid "$1" &&
		ip netns exec cli ping -c 1 -W 3 10.77.0.1 > /dev/null
}
RETRIES=0
roam() {
	roam_once "$1" && return 0
	RETRIES=$((RETRIES + 1))
	diag "roam to $1 not completed, retrying once (retry $RETRIES)"
	sleep 1
	roam_once "$1"
}
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
		ft_cli bssid 0 any > /dev/null
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
	check "$ROAMS FT roams between fsrd and hostapd from $1, ping after each ($RETRIES retried so far)" \
		roams "$ROAMS"
	reas=$(($(mob_fsr_counter ap1 ft_reassoc_served) - reas0))
	check "fsr.ko served the $((ROAMS / 2)) roams into fsrd ($reas)" \
		[ "$reas" -eq $((ROAMS / 2)) ]
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
