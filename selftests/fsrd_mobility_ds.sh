#!/bin/sh
# FT over the DS across hosts (issue 14): two fsrd APs and Debian's
# hostapd 2.10, each in its own network namespace with its own radio,
# joined by the DS bridge (selftests/lib_mobility.sh); the client
# (wpa_supplicant, FT-PSK) in namespace "cli". Every AP has the same
# RSNE (PSK and FT-PSK), FT over the DS on, and lists the others
# (r0kh/r1kh, hostapd's syntax) with PMK-R1 push: ap1 (fsrd, wlan0),
# ap2 (fsrd, wlan1), ap3 (hostapd, wlan3).
#  - the AP X of the client's initial association is its R0KH and pushes
#    PMK-R1s to the two others, Y and Z;
#  - the client roams only over the DS (wpa_cli ft_ds): its FT Request
#    Action frame goes to its current AP, which forwards it on
#    EtherType 0x890d to the target, whose FT Response comes back the
#    same way; then the Reassociation over the air. A round of
#    X -> Y -> Z -> X and one of X -> Z -> Y -> X (every ordered pair of
#    APs once): fsrd to fsrd, fsrd to hostapd, hostapd to fsrd, each as
#    current AP and as target, ping after each roam, no FT
#    Authentication over the air;
#  - at an fsrd target, fsr.ko holds the PMK-R1 (pushed or derived
#    there): it answers the FT Request (FSR_CMD_FT_DS_REQUEST, through
#    fsrd) and serves the Reassociation, which fsrd adopts; with the
#    kernel's PMK-R1 flushed, fsrd serves both itself;
#  - bad frames on the DS (selftests/ds_inject.py): an FT Request from
#    an address that is no peer, one naming another target, one whose
#    AP address is not its sender's, a truncated frame, an FT Response
#    answering no request, a flood of 100 requests from a peer: each
#    dropped or answered with a refusal and counted (fsrd's bss_show
#    ft.ds); fsrd still runs and the client still roams.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_mobility.sh"
require_root
require_cmd hostapd wpa_supplicant wpa_cli iw ping
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-mobds
PASS=mobds-passphrase-42
ROUNDS=${FSRD_MOBDS_ROUNDS:-1}
K12=1112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f30
K21=2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40
K13=3132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f50
K31=4142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f60
K23=5152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f70
K32=6162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f80

load_radios 4 || { fail "load radios"; tap_finish; }
fsr_load
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)
BSSID3=$(cat /sys/class/net/wlan3/address)

check "the DS bridge" mob_ds_up
check "namespace ap1 (fsrd) with wlan0's radio" mob_ap_ns ap1 wlan0
check "namespace ap2 (fsrd) with wlan1's radio" mob_ap_ns ap2 wlan1
check "namespace ap3 (hostapd) with wlan3's radio" mob_ap_ns ap3 wlan3
client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2

# fsrd_conf NS IFACE OWN_ID PUSH PEER_LINES
fsrd_conf() {
	cat > "$WORK/fsrd-$1.conf" <<END
[global]
log_level = debug
control_socket = $WORK/fsrd-$1.sock
mobility_domain = a1b2
r0kh_id = $3
kernel_fast_path = yes

[bss a]
interface = $2
ssid = $SSID
channel = 1
security = ft-psk
passphrase = $PASS
ht = no
max_stations = 16
rrb_interface = br0
ft_over_ds = yes
pmk_r1_push = $4
$5
END
}
# a full mesh with push everywhere: wherever the client first
# associates, the two other APs get its PMK-R1 (Kab: a pushes to b)
fsrd_conf ap1 wlan0 ap1.lab.example yes "r1kh = $BSSID1 $BSSID1 $K12
r1kh = $BSSID3 $BSSID3 $K13
r0kh = $BSSID1 ap2.lab.example $K21
r0kh = $BSSID3 hostapd.lab.example $K31"
fsrd_conf ap2 wlan1 ap2.lab.example yes "r1kh = $BSSID0 $BSSID0 $K21
r1kh = $BSSID3 $BSSID3 $K23
r0kh = $BSSID0 ap1.lab.example $K12
r0kh = $BSSID3 hostapd.lab.example $K32"
# 802.11g like the fsrd BSSes (ht = no): a BSS that looks faster makes
# wpa_supplicant roam there by itself after a scan.
# The same AKMs as fsrd's ft-psk BSSes (PSK and FT-PSK): wpa_supplicant
# 2.10 checks the target's RSNE in its Reassociation Response against
# the current AP's after FT over the DS, so the APs of a mobility domain
# must advertise the same RSNE for it (docs/mobility.md).
cat > "$WORK/hostapd-ap3.conf" <<END
interface=wlan3
bridge=br0
driver=nl80211
ctrl_interface=$WORK/hostapd-ctrl
ssid=$SSID
hw_mode=g
channel=1
wpa=2
wpa_key_mgmt=WPA-PSK FT-PSK
rsn_pairwise=CCMP
wpa_passphrase=$PASS
mobility_domain=a1b2
nas_identifier=hostapd.lab.example
ft_over_ds=1
pmk_r1_push=1
r0kh=$BSSID0 ap1.lab.example $K13
r0kh=$BSSID1 ap2.lab.example $K23
r1kh=$BSSID0 $BSSID0 $K31
r1kh=$BSSID1 $BSSID1 $K32
END

mob_fsrd ap1
mob_fsrd ap2
log1=$WORK/fsrd-ap1.log
log2=$WORK/fsrd-ap2.log
both_started() {
	grep -q "AP started" "$log1" && grep -q "AP started" "$log2"
}
check "an fsrd in ap1 and ap2 starts its FT-PSK BSS" wait_for 30 both_started
check "each fsrd opens the key transport with FT over the DS on its br0" sh -c "
	grep -q 'key transport on br0: 2 r0kh, 2 r1kh, push on, FT over the DS on' '$log1' &&
	grep -q 'key transport on br0: 2 r0kh, 2 r1kh, push on, FT over the DS on' '$log2'"
check "the fsrd radios are bridged to the DS" sh -c \
	"ip -n ap1 link set wlan0 master br0 && ip -n ap2 link set wlan1 master br0"
MOB_HOSTAPD_OPTS=-d
check "hostapd 2.10 starts in ap3 (bridge=br0, ft_over_ds=1)" mob_hostapd ap3
hlog=$WORK/hostapd-ap3.log

mob_client "$(mob_net_ft_psk)"
check "FT initial mobility-domain association" \
	mob_poll 40 sh -c "grep -q 'CTRL-EVENT-CONNECTED' '$WORK/wpa.log'"
X=$(ft_cli status | sed -n 's/^bssid=//p')
diag "initial association at $X, its R0KH"
check "ping through it to the DS" \
	ip netns exec cli ping -c 2 -i 0.2 -W 2 10.77.0.1
pushed() {
	case $X in
	"$BSSID3")
		grep -q "$STA: PMK-R1 received from R0KH hostapd.lab.example" "$log1" &&
			grep -q "$STA: PMK-R1 received from R0KH hostapd.lab.example" "$log2" ;;
	"$BSSID0")
		grep -q "$STA: PMK-R1 pushed to R1KH $BSSID1" "$log1" &&
			grep -q "$STA: PMK-R1 pushed to R1KH $BSSID3" "$log1" ;;
	*)
		grep -q "$STA: PMK-R1 pushed to R1KH $BSSID0" "$log2" &&
			grep -q "$STA: PMK-R1 pushed to R1KH $BSSID3" "$log2" ;;
	esac
}
check "its R0KH pushes PMK-R1s to the two other APs" wait_for 15 pushed
mde_over_ds() {
	ft_cli bss "$BSSID0" | grep '^ie=' | grep -q '3603a1b201'
}
all_seen() {
	ft_cli scan_results > "$WORK/scan.txt" 2>/dev/null &&
		grep -q "$BSSID0" "$WORK/scan.txt" &&
		grep -q "$BSSID1" "$WORK/scan.txt" &&
		grep -q "$BSSID3" "$WORK/scan.txt"
}
ft_cli scan > /dev/null
check "the client sees the three BSSes" wait_for 20 all_seen
check "fsrd's MDE says FT over the DS (ft_over_ds = yes)" mde_over_ds

# FT Authentications over the air, in fsrd or fsr.ko
air_auths() {
	echo $(($(grep -c "Authentication received (algorithm 2" "$log1") +
		$(grep -c "Authentication received (algorithm 2" "$log2") +
		$(mob_fsr_counter ap1 ft_auth_served) +
		$(mob_fsr_counter ap2 ft_auth_served)))
}
name_of() {
	case $1 in
	"$BSSID0") echo ap1 ;;
	"$BSSID1") echo ap2 ;;
	*) echo ap3 ;;
	esac
}
# cycle B1 B2 B3: over-DS roams from X to B1, B2, B3
ok=0
total=0
cycle() {
	_from=$X
	for _to in "$@"; do
		total=$((total + 1))
		if ds_roam "$_to"; then
			ok=$((ok + 1))
		else
			fail "FT over the DS $(name_of "$_from") -> $(name_of "$_to")"
			return 1
		fi
		_from=$_to
	done
}
# Y, Z: the two other APs
Y=
Z=
for b in "$BSSID0" "$BSSID1" "$BSSID3"; do
	[ "$b" = "$X" ] && continue
	if [ -z "$Y" ]; then Y=$b; else Z=$b; fi
done
air0=$(air_auths)
i=1
while [ $i -le "$ROUNDS" ]; do
	cycle "$Y" "$Z" "$X" || break
	i=$((i + 1))
done
i=1
while [ $i -le "$ROUNDS" ]; do
	cycle "$Z" "$Y" "$X" || break
	i=$((i + 1))
done
want=$((ROUNDS * 6))
check "$ok of $want FT roams over the DS (fsrd <-> fsrd, fsrd <-> hostapd), ping after each ($RETRIES retried)" \
	sh -c "[ $ok -eq $want ] && [ $RETRIES -le 2 ]"
air=$(($(air_auths) - air0))
check "no FT Authentication over the air at either fsrd or fsr.ko ($air)" [ "$air" -eq 0 ]
ds_counts() {
	# per round each fsrd forwarded two requests (one to the other
	# fsrd, one to hostapd), answered two and relayed two answers
	for _a in "ap1 wlan0" "ap2 wlan1"; do
		# shellcheck disable=SC2086 # NS IFACE
		set -- $_a
		[ "$(mob_ds "$1" "$2" req_fwd)" -ge "$((ROUNDS * 2))" ] &&
			[ "$(mob_ds "$1" "$2" rx_req)" -ge "$((ROUNDS * 2))" ] &&
			[ "$(mob_ds "$1" "$2" resp_relayed)" -ge "$((ROUNDS * 2))" ] &&
			[ "$(mob_ds "$1" "$2" req_refused)" -eq 0 ] &&
			[ "$(mob_ds "$1" "$2" resp_dropped)" -eq 0 ] || return 1
	done
}
what="fsrctl bss show ft.ds: requests forwarded, answered and relayed at both fsrd, nothing refused"
if mob_poll 5 ds_counts; then
	pass "$what"
else
	fail "$what"
	for c in req_fwd req_refused resp_relayed resp_dropped rx_req rx_req_dropped; do
		diag "$c: ap1 $(mob_ds ap1 wlan0 $c) ap2 $(mob_ds ap2 wlan1 $c)"
	done
	diag "$(grep -E 'FT: Request over-the-DS|Associated to a new BSS|CTRL-EVENT-CONNECTED|FT: Received FT Action|FT: Sending|nl80211: Send Action|send_action' "$WORK/wpa.log" | tail -n 40)"
	diag "$(grep -E 'FT Action|Target AP|Over-DS|RRB send|RRB frame|RRB Action' "$hlog" | tail -n 30)"
	diag "$(grep -hE 'not forwarded|received \(current' "$log1" "$log2" | tail -n 10)"
fi
trace_ok() {
	grep -q "$STA: FT Request (over the DS) forwarded to target AP $BSSID3" "$log1" &&
		grep -q "$STA: FT Request over the DS received (current AP $BSSID3)" "$log1" &&
		grep -q "$STA: FT Response (over the DS) from target AP $BSSID3 relayed, status 0" "$log1"
}
what="ap1's trace: forwarded to hostapd, hostapd's request answered and relayed"
if trace_ok; then
	pass "$what"
else
	fail "$what"
	diag "$(grep -E 'over the DS' "$log1" | tail -n 12)"
fi
# fsr.ko holds each fsrd's PMK-R1s: each roam into ap1 or ap2 (two per
# round) is answered and then served by the kernel
ds_k1=$(mob_fsr_counter ap1 ft_ds_served)
ds_k2=$(mob_fsr_counter ap2 ft_ds_served)
check "fsr.ko answered the FT Requests over the DS into ap1 and ap2 (ft_ds_served $ds_k1 and $ds_k2, $((ROUNDS * 2)) each)" \
	sh -c "[ $ds_k1 -ge $((ROUNDS * 2)) ] && [ $ds_k2 -ge $((ROUNDS * 2)) ]"
ds_traced() {
	grep -q "$STA: FT Request over the DS served by the kernel" "$log1" &&
		grep -q "$STA: FT Request over the DS served by the kernel" "$log2"
}
check "ap1 and ap2 trace it: FT Request over the DS served by the kernel" \
	ds_traced
adopted=$(($(grep -c "$STA: FT roam served by the kernel in .*adopted" "$log1") +
	$(grep -c "$STA: FT roam served by the kernel in .*adopted" "$log2")))
check "the Reassociations after them served by fsr.ko, adopted by fsrd ($adopted of $((ROUNDS * 4)))" \
	[ "$adopted" -ge $((ROUNDS * 4)) ]
check "no FT Request over the DS served in userspace meanwhile" \
	sh -c "! grep -q 'FT Authentication (over the DS) served in userspace' '$log1' '$log2'"
check "hostapd served FT over the DS" grep -q "FT: RRB" "$hlog"

# --- bad input on the DS, aimed at ap2 ---------------------------------
inject() {
	/usr/bin/python3 "$SELFTESTS/ds_inject.py" ds "$@"
}
ctr_gt() {
	[ "$(mob_ds "$1" "$2" "$3")" -gt "$4" ]
}
# bad_case NAME NS IFACE COUNTER INJECT-ARGS...
bad_case() {
	_name=$1
	_ns=$2
	_if=$3
	_c=$4
	shift 4
	_before=$(mob_ds "$_ns" "$_if" "$_c")
	_out=$(inject "$@" 2>&1)
	if mob_poll 20 ctr_gt "$_ns" "$_if" "$_c" "$_before"; then
		pass "bad input on the DS: $_name: $_c $(mob_ds "$_ns" "$_if" "$_c")"
	else
		fail "bad input on the DS: $_name: $_c counted ($_out)"
	fi
}
rx0=$(mob_ds ap2 wlan1 rx_req)
bad_case "an FT Request from an address that is no peer" ap2 wlan1 \
	rx_req_dropped "$BSSID1" req-unknown "$STA"
bad_case "an FT Request naming another target AP" ap2 wlan1 \
	rx_req_dropped "$BSSID1" req-other-target "$BSSID0" "$STA"
bad_case "an FT Request whose AP address is not its sender's" ap2 wlan1 \
	rx_malformed "$BSSID1" req-ap-address "$BSSID0" "$STA"
bad_case "action_length beyond the frame" ap2 wlan1 rx_malformed \
	"$BSSID1" truncated "$BSSID0" "$STA"
cur=$(ft_cli status | sed -n 's/^bssid=//p')
bad_case "an FT Response answering no request (to the client's AP)" ap1 wlan0 \
	resp_dropped "$BSSID0" resp-stray "$BSSID1" "$STA"
check "none of them was answered (ap2 rx_req stays $rx0)" \
	[ "$(mob_ds ap2 wlan1 rx_req)" -eq "$rx0" ]
bad_case "a flood of 100 FT Requests from ap1's address" ap2 wlan1 rx_req \
	"$BSSID1" req-flood "$BSSID0" 100
flood_done() {
	[ "$(mob_ds ap2 wlan1 rx_req)" -ge $((rx0 + 100)) ] &&
		[ "$(mob_ds ap1 wlan0 resp_dropped)" -ge 100 ]
}
check "all 100 refused by ap2 (no elements), the refusals dropped by ap1 (answering no request of its)" \
	mob_poll 20 flood_done
check "ap2 logs the request from an address that is no peer" grep -q \
	'FT Request over the DS from 02:00:00:00:99:01 refused: not a configured peer' "$log2"
n=$(grep -c 'answers no request of ours, dropped' "$log1")
check "ap1 logs the 101 stray responses with a rate limit ($n lines)" \
	sh -c "[ $n -ge 1 ] && [ $n -le 50 ]"
both_run() {
	kill -0 "$MOB_PID_ap1" && kill -0 "$MOB_PID_ap2"
}
check "both fsrd still run" both_run
[ "$cur" = "$BSSID0" ] || ds_roam "$BSSID0" > /dev/null
# without the kernel's PMK-R1 at ap2, fsrd serves the roam there itself
check "ap2: fsr.ko's PMK-R1s of the client flushed (fsrctl pmk flush sta)" \
	ip netns exec ap2 "$FSRCTL" pmk flush sta "$STA"
user0=$(grep -c "$STA: FT Authentication (over the DS) served in userspace" "$log2")
adopt0=$(grep -c "$STA: FT roam served by the kernel in .*adopted" "$log2")
check "the client still roams over the DS to ap2 (ping)" ds_roam "$BSSID1"
user_served() {
	[ "$(grep -c "$STA: FT Authentication (over the DS) served in userspace" "$log2")" -gt "$user0" ] &&
		[ "$(grep -c "$STA: FT roam served by the kernel in .*adopted" "$log2")" -eq "$adopt0" ] &&
		grep -q "$STA: FT roam served by userspace: reassociated" "$log2"
}
check "... served by ap2's fsrd in userspace: FT Request (fsr.ko left it: no-pmk) and Reassociation" \
	user_served
check "and back to ap1 (ping)" ds_roam "$BSSID0"

mob_stop_fsrd ap1 ap2
check "kernel log clean" dmesg_clean
tap_finish
