#!/bin/sh
# The mobility domain across hosts (issue 14), fsrd <-> fsrd: two APs,
# each in its own network namespace with its own hwsim radio, its own
# fsrd and its own fsr.ko cache, joined by veth pairs to the bridge "ds"
# (selftests/lib_mobility.sh); the client (wpa_supplicant, FT-PSK) in
# namespace "cli". Each fsrd lists the other as r0kh and r1kh (hostapd's
# syntax, one key per direction) with pmk_r1_push = yes:
#  - the FT initial mobility-domain association at one AP makes that
#    fsrd PUSH a PMK-R1 to the other over the DS (hostapd's R0KH/R1KH
#    protocol, with its sequence-number exchange); the other verifies it
#    and gives it to its fsr.ko;
#  - FSRD_MOB_ROAMS (20) FT roams back and forth, each served by the
#    fsr.ko of the target's namespace (none by fsrd in userspace), with a
#    ping to the DS after each;
#  - bad frames on the DS (selftests/rrb_inject.py, an independent
#    sender): a wrong key, a replayed PUSH (captured on the DS), a
#    truncated and an oversized frame, a TLV longer than its list, an
#    unknown R0KH and an unknown R1KH: each dropped with its counter
#    (fsrd's bss_show ft.rrb), fsrd still runs and the client still roams.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_mobility.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw ping tcpdump
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
if ! /usr/bin/python3 -c 'from cryptography.hazmat.primitives.ciphers.aead import AESSIV' 2>/dev/null; then
	echo "1..0 # SKIP python3-cryptography with AES-SIV missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-mob
PASS=mob-passphrase-42
ROAMS=${FSRD_MOB_ROAMS:-20}
K12=1112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f30
K21=2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40

load_radios 3 || { fail "load radios"; tap_finish; }
fsr_load
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)

check "the DS bridge" mob_ds_up
check "namespace ap1 with wlan0's radio, br0, eth0 on the DS" \
	mob_ap_ns ap1 wlan0
check "namespace ap2 with wlan1's radio, br0, eth0 on the DS" \
	mob_ap_ns ap2 wlan1
client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2

# fsrd_conf NS IFACE OWN_ID PEER_BSSID PEER_ID KEY_OUT KEY_IN
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
max_stations = 16
rrb_interface = br0
pmk_r1_push = yes
r1kh = $4 $4 $6
r0kh = $4 $5 $7
END
}
fsrd_conf ap1 wlan0 ap1.lab.example "$BSSID1" ap2.lab.example $K12 $K21
fsrd_conf ap2 wlan1 ap2.lab.example "$BSSID0" ap1.lab.example $K21 $K12

mob_fsrd ap1
mob_fsrd ap2
log1=$WORK/fsrd-ap1.log
log2=$WORK/fsrd-ap2.log
both_started() {
	grep -q "AP started" "$log1" && grep -q "AP started" "$log2"
}
check "an fsrd in each namespace starts its FT-PSK BSS" wait_for 30 both_started
check "each fsrd opens the key transport on its br0" sh -c "
	grep -q 'R0KH/R1KH key transport on br0: 1 r0kh, 1 r1kh, push on' '$log1' &&
	grep -q 'R0KH/R1KH key transport on br0: 1 r0kh, 1 r1kh, push on' '$log2'"
fast_paths() {
	grep -q "FT fast path of fsr.ko enabled" "$log1" &&
		grep -q "FT fast path of fsr.ko enabled" "$log2"
}
if ! check "each fsrd configures the fast path of its namespace's fsr.ko" \
	wait_for 15 fast_paths; then
	diag "$(grep -v debug: "$log1" | tail -n 20)"
	diag "$(grep -v debug: "$log2" | tail -n 20)"
	tap_finish
fi
check "the APs' radios are bridged to the DS" sh -c \
	"ip -n ap1 link set wlan0 master br0 && ip -n ap2 link set wlan1 master br0"

# the frames to each AP (a bridge port sees what the bridge forwards),
# for the replay case below
for ns in ap1 ap2; do
	tcpdump -i "v-$ns" -U -w "$WORK/rrb-$ns.pcap" ether proto 0x88b7 \
		> "$WORK/tcpdump-$ns.log" 2>&1 &
	eval "TCPDUMP_$ns=$!"
	defer "kill $!"
	wait_for 10 grep -q "listening on" "$WORK/tcpdump-$ns.log"
done

mob_client "$(mob_net_ft_psk)"

check "FT initial mobility-domain association completes" \
	wait_for 40 sh -c "grep -q 'CTRL-EVENT-CONNECTED' '$WORK/wpa.log'"
cur=$(ft_cli status | sed -n 's/^bssid=//p')
if [ "$cur" = "$BSSID0" ]; then
	first=ap1; other=ap2; OTHER_BSSID=$BSSID1; FIRST_BSSID=$BSSID0
else
	first=ap2; other=ap1; OTHER_BSSID=$BSSID0; FIRST_BSSID=$BSSID1
fi
flog=$WORK/fsrd-$first.log
olog=$WORK/fsrd-$other.log
diag "initial association at $first ($cur)"
check "ping through the AP to the DS" \
	ip netns exec cli ping -c 2 -i 0.2 -W 2 10.77.0.1
check "$first: PMK-R1 pushed to the other AP's R1KH" \
	wait_for 10 grep -q "$STA: PMK-R1 pushed to R1KH $OTHER_BSSID" "$flog"
check "$other: PMK-R1 received from R0KH $first.lab.example after the sequence-number exchange" \
	wait_for 10 grep -q "$STA: PMK-R1 received from R0KH $first.lab.example ($FIRST_BSSID)" "$olog"
check "$other: the received PMK-R1 is given to its fsr.ko" \
	wait_for 5 grep -q "$STA: received PMK-R1 pushed to fsr.ko" "$olog"
oif=$( [ "$other" = ap1 ] && echo wlan0 || echo wlan1 )
fif=$( [ "$first" = ap1 ] && echo wlan0 || echo wlan1 )
other_counts() {
	[ "$(mob_rrb "$other" "$oif" seq_req_tx)" = 1 ] &&
		[ "$(mob_rrb "$other" "$oif" seq_resp_rx)" = 1 ] &&
		[ "$(mob_rrb "$other" "$oif" push_rx)" = 1 ]
}
first_counts() {
	[ "$(mob_rrb "$first" "$fif" push_tx)" = 1 ] &&
		[ "$(mob_rrb "$first" "$fif" seq_resp_tx)" = 1 ]
}
check "$other: counters: 1 SEQ_REQ sent, 1 SEQ_RESP received, 1 PMK-R1 kept" \
	mob_poll 5 other_counts
check "$first: counters: 1 PUSH sent, 1 SEQ_RESP sent" mob_poll 5 first_counts
ip netns exec "$other" "$FSRCTL" pmk show > "$WORK/pmk.txt" 2>&1
diag "$(cat "$WORK/pmk.txt")"
check "$other's fsr.ko holds the pushed PMK-R1 (R0KH-ID $first.lab.example, origin pushed)" sh -c "
	grep -q '^sta $STA pmk_r1_name' '$WORK/pmk.txt' &&
	grep -qx '    r0kh_id     $first.lab.example' '$WORK/pmk.txt' &&
	grep -qx '    r1kh_id     $OTHER_BSSID' '$WORK/pmk.txt' &&
	grep -qx '    origin      pushed' '$WORK/pmk.txt'"
mob_peer "$other" "$oif" r0kh "$FIRST_BSSID" > "$WORK/peer-other.txt"
mob_peer "$first" "$fif" r1kh "$OTHER_BSSID" > "$WORK/peer-first.txt"
diag "$other's r0kh: $(tr '\n' ' ' < "$WORK/peer-other.txt")"
check "$other: fsrctl peer show: r0kh $first.lab.example: 1 key received, sequence known, last seen, nothing refused" sh -c "
	grep -qx 'r0kh_id=$first.lab.example' '$WORK/peer-other.txt' &&
	grep -qx 'keys_rx=1' '$WORK/peer-other.txt' &&
	grep -qx 'sequence=known' '$WORK/peer-other.txt' &&
	grep -Eqx 'last_seen=20[0-9-]+T[0-9:.]+Z' '$WORK/peer-other.txt' &&
	grep -qx 'refused=0' '$WORK/peer-other.txt'"
check "$first: fsrctl peer show: r1kh $OTHER_BSSID: 1 key sent" sh -c "
	grep -qx 'r1kh_id=$OTHER_BSSID' '$WORK/peer-first.txt' &&
	grep -qx 'keys_tx=1' '$WORK/peer-first.txt'"
ip netns exec "$other" "$FSRCTL" -s "$WORK/fsrd-$other.sock" peer show \
	> "$WORK/peers.txt" 2>&1
diag "$(cat "$WORK/peers.txt")"
check "$other: fsrctl peer show (text): a header and a line per r0kh/r1kh line" sh -c "
	head -n 1 '$WORK/peers.txt' | grep -q '^BSS .*ROLE .*ADDRESS .*LAST-SEEN' &&
	grep -Eq '^$oif +r0kh +$FIRST_BSSID +$first.lab.example +known +[0-9]+ +0 +1 ' '$WORK/peers.txt' &&
	grep -Eq '^$oif +r1kh +$FIRST_BSSID +$FIRST_BSSID ' '$WORK/peers.txt'"

ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen

served() {
	echo $(($(mob_fsr_counter ap1 ft_reassoc_served) +
		$(mob_fsr_counter ap2 ft_reassoc_served)))
}
user_served() {
	echo $(($(grep -c "FT roam served by userspace" "$log1") +
		$(grep -c "FT roam served by userspace" "$log2")))
}

reas0=$(served)
user0=$(user_served)
i=1
ok=0
while [ $i -le "$ROAMS" ]; do
	if [ "$cur" = "$BSSID0" ]; then next=$BSSID1; else next=$BSSID0; fi
	if roam "$next"; then
		ok=$((ok + 1))
	else
		fail "FT roam $i to $next: connected, ping"
		diag "$(grep -E 'FT:|SME:|CTRL-EVENT' "$WORK/wpa.log" | tail -n 25)"
		break
	fi
	cur=$next
	i=$((i + 1))
done
check "$ok of $ROAMS FT roams between the namespaces: connected, ping ($RETRIES retried)" \
	sh -c "[ $ok -eq $ROAMS ] && [ $RETRIES -le 2 ]"
reas=$(($(served) - reas0))
check "the namespaces' fsr.ko served $reas FT Reassociations of $ROAMS" \
	[ "$reas" -eq "$ROAMS" ]
user=$(($(user_served) - user0))
check "neither fsrd served a roam in userspace ($user)" [ "$user" -eq 0 ]
diag "ap1 fsr.ko: $(mob_fsr_counter ap1 ft_reassoc_served) reassociations served; ap2: $(mob_fsr_counter ap2 ft_reassoc_served)"

# --- bad input on the DS, aimed at $other (its r0kh is $first) ----------
eval "tcpdump_pid=\$TCPDUMP_$other"
kill "$tcpdump_pid"
wait "$tcpdump_pid" 2>/dev/null
inject() {
	/usr/bin/python3 "$SELFTESTS/rrb_inject.py" ds "$OTHER_BSSID" "$@"
}
ctr() {
	mob_rrb "$other" "$oif" "$1"
}
ctr_gt() {
	[ "$(ctr "$1")" -gt "$2" ]
}
# bad_case NAME COUNTER INJECT-ARGS...
bad_case() {
	_name=$1
	_c=$2
	shift 2
	_before=$(ctr "$_c")
	_out=$(inject "$@" 2>&1)
	if mob_poll 20 ctr_gt "$_c" "$_before"; then
		pass "bad input on the DS: $_name: dropped, $_c $(ctr "$_c")"
	else
		fail "bad input on the DS: $_name: dropped, $_c counted ($_out)"
	fi
}
# the frames below need more than 1500 octets on the way
for dev in ds v-ap1 v-ap2; do ip link set "$dev" mtu 1600; done
ip -n "$other" link set eth0 mtu 1600
ip link set ds mtu 1600

kept0=$(ctr push_rx)
bad_case "a PUSH under a wrong key" rx_auth_fail \
	wrongkey "$FIRST_BSSID" "$first.lab.example" "$OTHER_BSSID"
bad_case "the captured PUSH replayed" rx_replay replay "$WORK/rrb-$other.pcap"
bad_case "a truncated frame" rx_malformed truncated "$FIRST_BSSID"
bad_case "an oversized frame (1560 octets)" rx_malformed oversized "$FIRST_BSSID"
bad_case "an auth TLV longer than its list" rx_malformed badtlv "$FIRST_BSSID"
bad_case "a PUSH from an unknown R0KH" rx_unknown_peer \
	unknown-r0kh "$OTHER_BSSID"
bad_case "a SEQ_REQ from an unknown R1KH" rx_unknown_peer \
	unknown-r1kh "$other.lab.example"
check "no key was taken from any of them (push_rx stays $kept0)" \
	[ "$(ctr push_rx)" -eq "$kept0" ]
mob_peer "$other" "$oif" r0kh "$FIRST_BSSID" > "$WORK/peer-other.txt"
diag "$other's r0kh: $(tr '\n' ' ' < "$WORK/peer-other.txt")"
check "$other: fsrctl peer show: its r0kh's wrong-key and replayed frames refused, the last one named, still 1 key" sh -c "
	[ \$(sed -n 's/^refused=//p' '$WORK/peer-other.txt') -ge 2 ] &&
	grep -qx 'last_refusal=sequence number replayed or too old' '$WORK/peer-other.txt' &&
	grep -qx 'keys_rx=1' '$WORK/peer-other.txt'"
check "the drops are logged" sh -c "
	grep -q 'does not verify (wrong key?), dropped' '$olog' &&
	grep -q 'sequence number replayed or too old, dropped' '$olog' &&
	grep -q 'not a configured r0kh, dropped' '$olog'"
both_run() {
	kill -0 "$MOB_PID_ap1" && kill -0 "$MOB_PID_ap2"
}
check "both fsrd still run" both_run
for n in 1 2; do
	if [ "$cur" = "$BSSID0" ]; then next=$BSSID1; else next=$BSSID0; fi
	check "the client still roams to $next (ping)" roam "$next"
	cur=$next
done

mob_stop_fsrd ap1 ap2
check "kernel log clean" dmesg_clean
tap_finish
