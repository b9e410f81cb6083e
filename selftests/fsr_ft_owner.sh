#!/bin/sh
# Station ownership after a kernel-served roam (issue 12, finding 8).
# Twenty AP interfaces (wlan0..wlan19, each on its own hwsim radio with its
# own open hostapd, so that no daemon prunes another's stations) are
# attached to fsr.ko and their FT fast path configured (fsr_ap.py ft); a
# Python station (ft_inject.py) on mon0 of a 21st radio roams with crafted
# frames. Stations "left over" from earlier associations are added as a
# daemon adds them (fsr_ap.py sta, NL80211_CMD_NEW_STATION).
#
# - A roam to wlan0 with old entries of the station on all 19 others
#   removes every one of them (the kernel used to stop after 16 BSSes).
# - A newer association made while a served roam's cleanup is still to run
#   (the lab-only parameter test_delay_cleanup_ms holds it back) is not
#   removed by it: a newer roam served by the kernel on another BSS, and an
#   association an AP daemon makes after the station's Open System
#   Authentication there.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd iw python3 hostapd
INJECT="python3 $SELFTESTS/ft_inject.py"
AP="python3 $SELFTESTS/fsr_ap.py"
DELAY=/sys/module/fsr/parameters/test_delay_cleanup_ms
dmesg_mark

N=20
R0KH=owner.lab.example
MDID=a1b2
STA=02:00:00:00:0f:01

load_radios $((N + 1)) || { fail "load $((N + 1)) radios"; tap_finish; }
lab_modprobe fsr || { fail "load fsr"; tap_finish; }

i=0
while [ $i -lt $N ]; do
	cat > "$WORK/hostapd-wlan$i.conf" <<EOF
interface=wlan$i
driver=nl80211
ssid=owner-$i
hw_mode=g
channel=1
EOF
	hostapd -B -P "$WORK/hostapd-wlan$i.pid" -f "$WORK/hostapd-wlan$i.log" \
		"$WORK/hostapd-wlan$i.conf" || diag "hostapd on wlan$i failed"
	defer "kill \$(cat $WORK/hostapd-wlan$i.pid)"
	i=$((i + 1))
done
up=0
ifs=
i=0
while [ $i -lt $N ]; do
	wait_for 60 grep -q AP-ENABLED "$WORK/hostapd-wlan$i.log" &&
		up=$((up + 1))
	ifs="$ifs wlan$i"
	i=$((i + 1))
done
check "$N hostapd BSSes up" test $up -eq $N
# shellcheck disable=SC2086
check "the $N BSSes attached to fsr.ko, fast path configured" $AP ft $MDID "" $ifs
check "$N BSSes attached" test "$("$FSRCTL" info | awk '$1 == "bss_count" { print $2 }')" = $N
check "monitor interface mon0 on wlan$N's radio" add_monitor wlan$N
# The AP's frames to STA are acknowledged (lib.sh): the fast path finishes
# a roam, and removes the station from the other BSSes, only after its
# Reassociation Response's ACK.
check "wlan$N acknowledges frames to $STA" ack_as wlan$N "$STA"

hex() {
	od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'
}

# prep I: a PMK-R1 for STA at wlanI (ft_inject's arguments in ARGS_I)
prep() {
	_b=$(cat /sys/class/net/wlan$1/address)
	_r0name=$(hex 16)
	_pmk=$(hex 32)
	_args="mon0 $_b $STA $_b $R0KH $_r0name $_pmk $MDID"
	# shellcheck disable=SC2086
	_r1name=$($INJECT $_args r1name)
	printf '%s\n' "$_pmk" | "$FSRCTL" pmk add sta "$STA" \
		r1name "$_r1name" r0name "$_r0name" r0kh "$R0KH" \
		r1kh "$_b" akm ft-psk lifetime 600 key - > /dev/null ||
		diag "pmk add for wlan$1 failed"
	eval "ARGS_$1=\$_args"
}

# roam I: the FT roam to wlanI prepared with prep; sets GOT
roam() {
	eval "_args=\$ARGS_$1"
	# shellcheck disable=SC2086
	GOT=$($INJECT $_args ok 2>&1)
	diag "roam to wlan$1: $GOT"
}

served() {
	case $GOT in
	"auth=0 reassoc=0 mic=ok gtk=ok aid="*) return 0 ;;
	esac
	return 1
}

has_sta() {
	iw dev "wlan$1" station get "$STA" > /dev/null 2>&1
}

# where: the interfaces that have an entry of STA
where() {
	_w=
	_i=0
	while [ $_i -lt $N ]; do
		has_sta $_i && _w="$_w wlan$_i"
		_i=$((_i + 1))
	done
	echo "${_w# }"
}

HOLD=45
# settle: until 5 s after the cleanup held back $HOLD s has run (its
# wait began before the roam returned, at t1). The newer association must
# come first: a roam by the injector takes a few seconds under TCG (with
# Debian's python3, lib.sh), and the checks below say so when it did not.
settle() {
	_left=$((t1 + HOLD + 5 - $(date +%s)))
	[ $_left -le 0 ] || sleep $_left
}

# old FIRST LAST: entries of STA on wlanFIRST..wlanLAST, as a daemon adds
# them after an association
old() {
	_l=
	_i=$1
	while [ "$_i" -le "$2" ]; do
		_l="$_l wlan$_i"
		_i=$((_i + 1))
	done
	# shellcheck disable=SC2086
	$AP sta "$STA" 1 $_l || diag "station add on$_l failed"
}

# --- a roam among 20 BSSes removes the old entry everywhere -----------------
old 1 $((N - 1))
check "old entries of the station on the 19 other BSSes" \
	test "$(where | wc -w)" -eq $((N - 1))
prep 0
roam 0
check "roam to wlan0 served by the kernel" served
W=$(where)
diag "entries after the roam: $W"
check "the station is on wlan0 only: its old entries on all 19 others are gone" \
	test "$W" = wlan0

# --- a newer roam served meanwhile stays --------------------------------------
# The cleanup of the roam to wlan1 waits $HOLD s; meanwhile the station roams on
# to wlan2 (served by the kernel too, whose own cleanup removes wlan0's and
# wlan1's entries). wlan1's late cleanup must not remove wlan2's entry.
old 3 $((N - 1))
prep 1
prep 2
echo $((HOLD * 1000)) > $DELAY
# (the hold-back starts after the response: later than t0)
t0=$(date +%s)
roam 1
t1=$(date +%s)
check "roam to wlan1 served (its cleanup held back $HOLD s)" served
check "the hold-back was taken by that roam" test "$(cat $DELAY)" -eq 0
roam 2
check "roam to wlan2 served meanwhile" served
check "wlan2's roam came within wlan1's hold-back" test $(($(date +%s) - t0)) -lt $HOLD
settle
W=$(where)
diag "entries after both cleanups: $W"
check "the newer entry on wlan2 stays, every other entry is gone" test "$W" = wlan2

# --- an association a daemon makes meanwhile stays ---------------------------
# The cleanup of the roam to wlan3 waits $HOLD s; meanwhile the station sends
# an Open System Authentication to wlan4 and the AP's daemon adds it there
# (as hostapd or fsrd do after the association). wlan3's late cleanup must
# not remove it. Once the station has moved on, the cleanup cannot tell
# an old entry from a new one and removes nothing: the old entries on
# wlan2 and wlan5..wlan9 stay for the station's new owner to remove.
old 5 9
prep 3
echo $((HOLD * 1000)) > $DELAY
t0=$(date +%s)
roam 3
t1=$(date +%s)
check "roam to wlan3 served (its cleanup held back $HOLD s)" served
GOT=$($INJECT mon0 "$(cat /sys/class/net/wlan4/address)" "$STA" \
	"$(cat /sys/class/net/wlan4/address)" $R0KH "$(hex 16)" "$(hex 32)" \
	$MDID open-once 2>&1)
diag "Open System Authentication to wlan4: $GOT"
has_sta 4 || $AP sta "$STA" 1 wlan4
check "the association on wlan4 came within wlan3's hold-back" \
	sh -c "[ $(($(date +%s) - t0)) -lt $HOLD ] && iw dev wlan4 station get $STA > /dev/null"
settle
W=$(where)
diag "entries after wlan3's cleanup: $W"
check "the newer entry on wlan4 stays: once the station moved on, wlan3's cleanup removed nothing" \
	test "$W" = "wlan2 wlan3 wlan4 wlan5 wlan6 wlan7 wlan8 wlan9"

lab_rmmod fsr
if dmesg_clean; then pass "dmesg clean"; else fail "dmesg clean"; fi
tap_finish
