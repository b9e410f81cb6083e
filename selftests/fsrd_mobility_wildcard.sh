#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# hostapd's wildcard R0KH/R1KH lines between fsrd and hostapd 2.10
# (issue 14 item 1): the topology of fsrd_mobility_pull.sh (fsrd in
# namespace ap1, Debian's hostapd in ap2, one FT-PSK mobility domain,
# PMK-R1 push off), but neither side lists the other: both have only
# r0kh=ff:ff:ff:ff:ff:ff * KEY and r1kh=00:00:00:00:00:00
# 00:00:00:00:00:00 KEY (docs/mobility.md, "Wildcard peers").
#  - an R0KH nobody answers for: the client's initial association at
#    hostapd, hostapd frozen, a roam to fsrd: fsrd's PULL goes to the
#    broadcast address, unanswered; the R0KH-ID is then blocked for
#    rkh_neg_timeout: the next roam is refused at once, no PULL sent;
#  - hostapd the R0KH: after rkh_neg_timeout, a roam to fsrd: the PULL
#    to the broadcast address is answered by hostapd (which learns fsrd
#    through its wildcard r1kh); fsrd learns hostapd at its address from
#    the first frame that verifies with the wildcard key; the next PULL
#    would be unicast, and fsr.ko serves the next roam with the key;
#  - fsrd the R0KH: hostapd's PULL to the broadcast address names
#    fsrd's R0KH-ID: fsrd answers it and learns hostapd as R1KH;
#  - fsrctl peer show lists both learned peers with their times.
# Ping after each roam.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_mobility.sh"

require_root
require_cmd iw wpa_supplicant wpa_cli hostapd ip
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-wild
PASS=wild-passphrase-42
K12=3132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f50
K21=5152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f70
NEG=20

MOB_WILD=yes
MOB_FSRD_EXTRA="rkh_pull_retries = 2
rkh_neg_timeout = $NEG"
mob_fsrd_hostapd no
check "fsrd reads the wildcard lines" \
	grep -q "key transport on br0: 0 r0kh, 0 r1kh, wildcard r0kh, wildcard r1kh" "$log1"

mob_client "$(mob_net_ft_psk)"
check "the client connects" \
	wait_for 40 grep -q 'CTRL-EVENT-CONNECTED' "$WORK/wpa.log"
ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen


# --- an R0KH that does not answer: blocked for rkh_neg_timeout ----------
check "initial association at hostapd" mob_assoc_at "$BSSID1"
HPID=$(cat "$WORK/hostapd-ap2.pid")
kill -STOP "$HPID"
defer "kill -CONT $HPID 2> /dev/null"
tx0=$(mob_rrb ap1 wlan0 pull_tx)
ft_cli roam "$BSSID0" > /dev/null
check "fsrd's PULL to the broadcast address unanswered: given up after 2 tries" \
	wait_for 50 grep -q "$STA: PULL to R0KH hostapd.lab.example unanswered after 2 tries" "$log1"
kill -CONT "$HPID"
check "... the R0KH-ID not asked again for rkh_neg_timeout ($NEG s)" \
	grep -q "R0KH-ID hostapd.lab.example did not answer a PULL to the wildcard r0kh: not asked again for $NEG s" "$log1"
check "... 2 PULLs sent" [ "$(mob_rrb ap1 wlan0 pull_tx)" -eq $((tx0 + 2)) ]
mob_peer ap1 wlan0 r0kh 00:00:00:00:00:00 > "$WORK/peer.txt"
check "fsrctl peer show: hostapd.lab.example blocked" sh -c "
	grep -qx 'r0kh_id=hostapd.lab.example' '$WORK/peer.txt' &&
	grep -qx 'origin=blocked' '$WORK/peer.txt'"
# hostapd answers again, but the block holds: a new initial association
# there and a roam to fsrd are refused at once
check "hostapd continued: the client associates at hostapd again" \
	mob_assoc_at "$BSSID1"
ft_cli scan > /dev/null
wait_for 20 ft_both_seen || diag "the client does not see both BSSes"
ft_cli roam "$BSSID0" > /dev/null
blocked() {
	[ "$(mob_rrb ap1 wlan0 pull_blocked)" -ge 1 ] &&
		grep -q "$STA: FT Authentication refused with status 53: no PMK-R1, and this R0KH-ID did not answer a PULL to the wildcard r0kh lately" "$log1"
}
if mob_poll 10 blocked; then
	pass "an FT Authentication within rkh_neg_timeout: status 53 at once (pull_blocked)"
else
	fail "an FT Authentication within rkh_neg_timeout: status 53 at once (pull_blocked)"
	diag "pull_blocked $(mob_rrb ap1 wlan0 pull_blocked)"
	grep "$STA" "$log1" | tail -5 | sed 's/^/# /'
fi
check "... no PULL sent for it" [ "$(mob_rrb ap1 wlan0 pull_tx)" -eq $((tx0 + 2)) ]
unblocked() {
	! ip netns exec ap1 "$FSRCTL" -s "$WORK/fsrd-ap1.sock" peer show |
		grep -q hostapd.lab.example
}
check "the block ends after rkh_neg_timeout: the entry is gone" \
	mob_poll $((NEG + 5)) unblocked
check "the client associates at hostapd" mob_assoc_at "$BSSID1"

# --- hostapd the R0KH: found through the wildcard r0kh ------------------
ft_cli scan > /dev/null
wait_for 20 ft_both_seen || diag "the client does not see both BSSes"
check "FT roam hostapd -> fsrd, ping" roam "$BSSID0"
check "fsrd found hostapd.lab.example at hostapd's address" \
	grep -q "R0KH hostapd.lab.example found at $BSSID1 through the wildcard r0kh line" "$log1"
check "fsrd pulled the PMK-R1 from hostapd and gave it to fsr.ko" sh -c "
	grep -q '$STA: PMK-R1 pulled from R0KH hostapd.lab.example ($BSSID1)' '$log1' &&
	grep -q '$STA: pulled PMK-R1 pushed to fsr.ko' '$log1'"
mob_peer ap1 wlan0 r0kh "$BSSID1" > "$WORK/peer.txt"
diag "fsrd's learned r0kh: $(tr '\n' ' ' < "$WORK/peer.txt")"
check "fsrctl peer show: r0kh hostapd.lab.example learned at $BSSID1, 1 key pulled, with its times" sh -c "
	grep -qx 'r0kh_id=hostapd.lab.example' '$WORK/peer.txt' &&
	grep -qx 'origin=learned' '$WORK/peer.txt' &&
	grep -qx 'keys_pulled=1' '$WORK/peer.txt' &&
	grep -Eqx 'learned=[0-9]{4}-.*' '$WORK/peer.txt' &&
	grep -Eqx 'expires=[0-9]{4}-.*' '$WORK/peer.txt'"
check "FT roam fsrd -> hostapd, ping" roam "$BSSID1"
reas0=$(mob_fsr_counter ap1 ft_reassoc_served)
pulls0=$(mob_rrb ap1 wlan0 pull_tx)
check "FT roam hostapd -> fsrd again, ping" roam "$BSSID0"
kernel_served() {
	[ "$(($(mob_fsr_counter ap1 ft_reassoc_served) - reas0))" -eq 1 ] &&
		[ "$(mob_rrb ap1 wlan0 pull_tx)" -eq "$pulls0" ]
}
check "fsr.ko served it with the pulled key, no second PULL" kernel_served

# --- fsrd the R0KH: hostapd's PULL to the broadcast address -------------
check "initial association at fsrd" mob_assoc_at "$BSSID0"
check "FT roam fsrd -> hostapd, ping (hostapd pulls from fsrd)" \
	roam "$BSSID1"
learned_r1() {
	grep -q "R1KH $BSSID1 (R1KH-ID $BSSID1) learned through the wildcard r1kh line" "$log1" &&
		grep -q "$STA: PMK-R1 pulled by R1KH $BSSID1 (R1KH-ID $BSSID1)" "$log1"
}
if mob_poll 5 learned_r1; then
	pass "fsrd took hostapd's PULL to the broadcast address, learned hostapd as R1KH, answered with a PMK-R1"
else
	fail "fsrd took hostapd's PULL to the broadcast address, learned hostapd as R1KH, answered with a PMK-R1"
	grep -iE 'pull|resp|seq_|rrb|r1kh' "$log1" | tail -20 | sed 's/^/# /'
	tail -20 "$hlog" | sed 's/^/# hostapd: /'
fi
mob_peer ap1 wlan0 r1kh "$BSSID1" > "$WORK/peer.txt"
check "fsrctl peer show: r1kh $BSSID1 learned, its PULL answered, 1 key sent" sh -c "
	grep -qx 'origin=learned' '$WORK/peer.txt' &&
	grep -Eqx 'pulls_rx=[1-9][0-9]*' '$WORK/peer.txt' &&
	grep -qx 'keys_tx=1' '$WORK/peer.txt'"
check "FT roam hostapd -> fsrd, ping" roam "$BSSID0"
check "FT roam fsrd -> hostapd, ping" roam "$BSSID1"
learn_counters() {
	# hostapd.lab.example looked for twice (the first time blocked,
	# then forgotten after rkh_neg_timeout), hostapd's R1KH once
	[ "$(mob_rrb ap1 wlan0 rkh_learned)" -eq 3 ] &&
		[ "$(mob_rrb ap1 wlan0 rkh_forgotten)" -eq 1 ] &&
		[ "$(mob_rrb ap1 wlan0 rkh_learn_full)" -eq 0 ] &&
		[ "$(mob_rrb ap1 wlan0 rx_unsupported)" -eq 0 ]
}
if learn_counters; then
	pass "fsrd's counters: 3 peers learned, the blocked one forgotten, none refused for room, nothing unsupported"
else
	fail "fsrd's counters: 3 peers learned, the blocked one forgotten, none refused for room, nothing unsupported"
	for c in rkh_learned rkh_forgotten rkh_learn_full rx_unsupported \
		rx_group_ignored; do
		diag "$c $(mob_rrb ap1 wlan0 $c)"
	done
fi

check "at most 2 roams retried ($RETRIES)" [ "$RETRIES" -le 2 ]
check "hostapd logged no RRB decryption failure" \
	not grep -q "Failed to decrypt" "$hlog"
# hostapd, frozen, read fsrd's SEQ_REQ and PULLs once continued: its late
# answers (to a pull that had ended) are the only drops allowed
grep -E 'RRB .*(dropped|refused)' "$log1" |
	grep -vE 'answers no (pending PULL|request of ours), dropped|blocked \(it did not answer in time\), dropped' \
	> "$WORK/drops.txt"
if [ -s "$WORK/drops.txt" ]; then
	fail "fsrd refused no RRB frame but hostapd's late answers"
	sed 's/^/# /' "$WORK/drops.txt" | head -10
else
	pass "fsrd refused no RRB frame but hostapd's late answers"
fi
check "fsrd is still running" kill -0 "$MOB_PID_ap1"
check "dmesg clean" dmesg_clean
tap_finish
