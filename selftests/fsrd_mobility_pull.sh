#!/bin/sh
# PMK-R1 PULL between fsrd and hostapd 2.10 (issue 14 item 1): the
# topology of fsrd_mobility_hostapd.sh (fsrd in namespace ap1, Debian's
# hostapd in ap2, one FT-PSK mobility domain, each the other's r0kh and
# r1kh) with PMK-R1 push off on both sides, so a key reaches the other
# AP only when that AP asks for it.
#  - hostapd is the R0KH: the client's initial association at hostapd,
#    then an FT roam to fsrd, which has no PMK-R1: fsrd PULLs it from
#    hostapd, answers the FT Authentication when the RESP arrives, and
#    gives the key to fsr.ko, which serves the next roam into fsrd.
#  - fsrd is the R0KH: a new initial association at fsrd, then a roam to
#    hostapd, which PULLs from fsrd (fsrd answers with a PMK-R1 derived
#    for hostapd's R1KH-ID).
# Ping after each roam. A PULL to an R0KH that does not answer (hostapd
# stopped): fsrd gives up after its tries, answers status 53 as hostapd
# does, and counts it. Then bad PULL/RESP frames on the DS
# (selftests/rrb_inject.py): an unknown R1KH, a wrong key, a RESP for no
# pending PULL, a flood of PULLs; each dropped and counted, the flood
# logged with a rate limit, the client still roams.
# FSRD_MOBP_AKM=eap (fsrd_mobility_pull_eap.sh): the two PULLs with
# FT-802.1X, FreeRADIUS (PEAP) in each AP's namespace, the initial
# associations with EAP and none during the roams; the unanswered PULL
# and the bad frames are the FT-PSK run's (the same code).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
. "$(dirname "$0")/lib_mobility.sh"
require_root
require_cmd hostapd wpa_supplicant wpa_cli iw ping
MOB_AKM=${FSRD_MOBP_AKM:-psk}
[ "$MOB_AKM" = psk ] || require_cmd freeradius openssl
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-pull-$MOB_AKM
PASS=pull-passphrase-42
SECRET=pull-secret
CERTS=$WORK/certs
K12=3132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f50
K21=5152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f70

mob_fsrd_hostapd no

if [ "$MOB_AKM" = eap ]; then
	mob_client "$(mob_net_ft_eap "$BSSID0")"
else
	mob_client "$(mob_net_ft_psk)"
fi
check "the client connects" \
	wait_for 40 grep -q 'CTRL-EVENT-CONNECTED' "$WORK/wpa.log"
ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen


# hostapd the R0KH, fsrd pulls
check "initial association at hostapd" mob_assoc_at "$BSSID1"
# FT-802.1X: EAP only in the initial associations, none in the roams
requests() {
	echo $(($(radius_access_requests "$WORK/radius-ap1.log") +
		$(radius_access_requests "$WORK/radius-ap2.log")))
}
no_eap_since() {
	[ "$MOB_AKM" = psk ] && return 0
	_req=$(($(requests) - $1))
	check "no Access-Request during these roams ($_req)" [ "$_req" -eq 0 ]
}
[ "$MOB_AKM" = psk ] || req0=$(requests)
check "no PMK-R1 pushed by hostapd (pmk_r1_push=0)" \
	not grep -q "$STA: PMK-R1 received from R0KH" "$log1"
check "FT roam hostapd -> fsrd, ping" roam "$BSSID0"
pulled_by_fsrd() {
	grep -q "$STA: PMK-R1 pulled from R0KH hostapd.lab.example ($BSSID1)" "$log1" &&
		grep -q "$STA: pulled PMK-R1 pushed to fsr.ko" "$log1" &&
		grep -q "$STA: FT Authentication served in userspace (PMK-R1 pulled" "$log1"
}
check "fsrd pulled the PMK-R1 from hostapd, answered the FT Authentication with it, gave it to fsr.ko" \
	pulled_by_fsrd
pull_counters() {
	[ "$(mob_rrb ap1 wlan0 pull_tx)" -ge 1 ] &&
		[ "$(mob_rrb ap1 wlan0 pulled)" -ge 1 ] &&
		[ "$(mob_rrb ap1 wlan0 pull_nak)" -eq 0 ] &&
		[ "$(mob_rrb ap1 wlan0 pull_timeout)" -eq 0 ]
}
check "fsrd's counters: PULL sent, key pulled, no NAK, no timeout" \
	pull_counters
mob_peer ap1 wlan0 r0kh "$BSSID1" > "$WORK/peer.txt"
diag "fsrd's r0kh: $(tr '\n' ' ' < "$WORK/peer.txt")"
check "fsrctl peer show: r0kh hostapd.lab.example: PULL sent, 1 key pulled, none unanswered" sh -c "
	grep -qx 'r0kh_id=hostapd.lab.example' '$WORK/peer.txt' &&
	grep -Eqx 'pulls_tx=[1-9][0-9]*' '$WORK/peer.txt' &&
	grep -qx 'keys_pulled=1' '$WORK/peer.txt' &&
	grep -qx 'pull_timeouts=0' '$WORK/peer.txt' &&
	grep -qx 'pull_naks=0' '$WORK/peer.txt'"
ip netns exec ap1 "$FSRCTL" pmk show > "$WORK/pmk.txt" 2>&1
check "fsrctl pmk show: the PMK-R1 in fsr.ko, origin pulled, R0KH-ID hostapd.lab.example" sh -c "
	grep -qx '    r0kh_id     hostapd.lab.example' '$WORK/pmk.txt' &&
	grep -qx '    origin      pulled' '$WORK/pmk.txt'"
check "FT roam fsrd -> hostapd, ping" roam "$BSSID1"
reas0=$(mob_fsr_counter ap1 ft_reassoc_served)
pulls0=$(mob_rrb ap1 wlan0 pull_tx)
check "FT roam hostapd -> fsrd again, ping" roam "$BSSID0"
reas=$(($(mob_fsr_counter ap1 ft_reassoc_served) - reas0))
kernel_served() {
	[ "$reas" -eq 1 ] && [ "$(mob_rrb ap1 wlan0 pull_tx)" -eq "$pulls0" ]
}
check "fsr.ko served it with the pulled key ($reas), no second PULL" \
	kernel_served
no_eap_since "${req0:-0}"

# fsrd the R0KH (its push off), hostapd pulls
check "initial association at fsrd" mob_assoc_at "$BSSID0"
[ "$MOB_AKM" = psk ] || req0=$(requests)
check "fsrd is the client's R0KH now (PMK-R0 kept)" \
	grep -q "$STA: FT initial mobility-domain association: PMK-R0 kept" "$log1"
check "fsrd pushed nothing (pmk_r1_push = no)" \
	not grep -q "$STA: PMK-R1 pushed to R1KH" "$log1"
check "FT roam fsrd -> hostapd, ping (hostapd pulls from fsrd)" roam "$BSSID1"
pulled_from_fsrd() {
	grep -q "$STA: PMK-R1 pulled by R1KH $BSSID1 (R1KH-ID $BSSID1)" "$log1" &&
		[ "$(mob_rrb ap1 wlan0 pull_rx)" -ge 1 ] &&
		[ "$(mob_rrb ap1 wlan0 pull_rx_nak)" -eq 0 ]
}
if ! mob_poll 5 pulled_from_fsrd; then
	fail "fsrd answered hostapd's PULL with a PMK-R1 for hostapd's R1KH-ID"
	grep -iE 'pull|resp|seq_|rrb' "$log1" | tail -20 | sed 's/^/# /'
	for c in rx rx_unknown_peer rx_auth_fail rx_replay rx_deferred \
		rx_dropped pull_rx pull_rx_nak pull_refused seq_req_tx seq_resp_rx; do
		diag "$c $(mob_rrb ap1 wlan0 $c)"
	done
	tail -30 "$hlog" | sed 's/^/# hostapd: /'
else
	pass "fsrd answered hostapd's PULL with a PMK-R1 for hostapd's R1KH-ID"
fi
mob_peer ap1 wlan0 r1kh "$BSSID1" > "$WORK/peer.txt"
check "fsrctl peer show: r1kh $BSSID1: its PULL answered, 1 key sent" sh -c "
	grep -Eqx 'pulls_rx=[1-9][0-9]*' '$WORK/peer.txt' &&
	grep -qx 'keys_tx=1' '$WORK/peer.txt'"
check "FT roam hostapd -> fsrd, ping" roam "$BSSID0"
check "FT roam fsrd -> hostapd, ping" roam "$BSSID1"
no_eap_since "${req0:-0}"

check "at most 2 roams retried ($RETRIES)" [ "$RETRIES" -le 2 ]
check "hostapd logged no RRB decryption failure" \
	not grep -q "Failed to decrypt" "$hlog"
if grep -E 'RRB .*(dropped|refused)|PULL .*(unanswered|not answered)' \
	"$log1" > "$WORK/drops.txt"; then
	fail "fsrd dropped or refused no RRB frame"
	sed 's/^/# /' "$WORK/drops.txt" | head -10
else
	pass "fsrd dropped or refused no RRB frame"
fi
if [ "$MOB_AKM" = eap ]; then
	mob_stop_fsrd ap1
	check "kernel log clean" dmesg_clean
	tap_finish
fi

# --- a PULL nobody answers: hostapd, the R0KH, stopped --------------------
# FT-PSK keys are the same for the same station: fsrd holds the one it
# pulled. The client under another address makes a PMK-R0 fsrd has no
# key of.
STA2=02:00:00:00:02:77
ft_cli disconnect > /dev/null
ip -n cli link set wlan2 down
ip -n cli link set wlan2 address $STA2
ip -n cli link set wlan2 up
check "the client as $STA2: an initial association at hostapd" \
	mob_assoc_at "$BSSID1"
ft_cli scan > /dev/null
wait_for 20 ft_both_seen || diag "the client does not see both BSSes"
to0=$(mob_rrb ap1 wlan0 pull_timeout)
tx0=$(mob_rrb ap1 wlan0 pull_tx)
HPID=$(cat "$WORK/hostapd-ap2.pid")
kill -STOP "$HPID"
defer "kill -CONT $HPID 2> /dev/null"
ft_cli roam "$BSSID0" > /dev/null
check "fsrd's PULL unanswered: given up after rkh_pull_retries (4) tries, logged" \
	wait_for 15 grep -q "$STA2: PULL to R0KH hostapd.lab.example unanswered after 4 tries" "$log1"
check "... the FT Authentication answered with status 53 (Invalid PMKID), as hostapd answers" \
	grep -q "$STA2: FT Authentication refused with status 53: no PMK-R1: the R0KH did not answer the PULL" "$log1"
timeout_counted() {
	[ "$(mob_rrb ap1 wlan0 pull_timeout)" -eq $((to0 + 1)) ] &&
		[ "$(mob_rrb ap1 wlan0 pull_tx)" -eq $((tx0 + 4)) ]
}
check "... counted: 4 PULLs sent, 1 timeout" timeout_counted
mob_peer ap1 wlan0 r0kh "$BSSID1" > "$WORK/peer.txt"
check "fsrctl peer show: r0kh hostapd.lab.example: 1 PULL unanswered" \
	grep -qx 'pull_timeouts=1' "$WORK/peer.txt"
kill -CONT "$HPID"
check "hostapd continued: the client associates at hostapd again" \
	mob_assoc_at "$BSSID1"

# --- bad PULL/RESP frames on the DS, aimed at fsrd -----------------------
inject() {
	/usr/bin/python3 "$SELFTESTS/rrb_inject.py" ds "$BSSID0" "$@"
}
ctr_gt() {
	[ "$(mob_rrb ap1 wlan0 "$1")" -gt "$2" ]
}
# bad_case NAME COUNTER INJECT-ARGS...
bad_case() {
	_name=$1
	_c=$2
	shift 2
	_before=$(mob_rrb ap1 wlan0 "$_c")
	_out=$(inject "$@" 2>&1)
	if mob_poll 20 ctr_gt "$_c" "$_before"; then
		pass "bad input on the DS: $_name: dropped, $_c $(mob_rrb ap1 wlan0 "$_c")"
	else
		fail "bad input on the DS: $_name: dropped, $_c counted ($_out)"
	fi
}
answered0=$(mob_rrb ap1 wlan0 pull_rx)
bad_case "a PULL from an unknown R1KH" rx_unknown_peer \
	pull-unknown fsrd.lab.example
bad_case "a PULL from hostapd's address under a wrong key" rx_auth_fail \
	pull-wrongkey "$BSSID1" fsrd.lab.example "$BSSID1"
bad_case "a RESP answering no PULL of fsrd's" rx_dropped \
	resp-stray "$BSSID1" hostapd.lab.example "$BSSID0"
unk0=$(mob_rrb ap1 wlan0 rx_unknown_peer)
lines0=$(grep -c "not a configured r1kh, dropped" "$log1")
check "a flood of 100 PULLs from unknown R1KHs: sent" \
	inject pull-flood fsrd.lab.example 100
flood_counted() {
	[ "$(mob_rrb ap1 wlan0 rx_unknown_peer)" -ge $((unk0 + 100)) ]
}
check "the flood: each PULL dropped and counted" mob_poll 20 flood_counted
lines=$(($(grep -c "not a configured r1kh, dropped" "$log1") - lines0))
check "the flood: logged with a rate limit ($lines lines)" [ "$lines" -le 11 ]
check "none of them was answered (pull_rx stays $answered0)" \
	[ "$(mob_rrb ap1 wlan0 pull_rx)" -eq "$answered0" ]
check "the client still roams: hostapd -> fsrd, ping" roam "$BSSID0"

kill -TERM "$MOB_PID_ap1"
wait "$MOB_PID_ap1"
rc=$?
check "SIGTERM: fsrd exits 0 (status $rc)" [ "$rc" -eq 0 ]
check "kernel log clean" dmesg_clean
tap_finish
