#!/bin/sh
# HE capabilities of a station the kernel adds after an FT roam (issue 12,
# finding 10). hostapd runs an open HE BSS on wlan0 (ieee80211ax=1);
# fsr_ap.py attaches it to fsr.ko and configures the fast path with a
# response tail that carries an HE Operation element (the BSS runs HE);
# ft_inject.py roams from mon0 with crafted frames, its Reassociation
# Request with or without an HE Capabilities element. What the station
# add hands mac80211 is seen with a kprobe on
# ieee80211_he_cap_ie_to_sta_he_cap(), which mac80211's add_station calls
# exactly when the parameters carry HE capabilities (the Debian kernel has
# no mac80211 debugfs, and nl80211 reports no station capabilities):
# - HE Capabilities sent: called, with their length and MAC capabilities;
# - none sent: not called;
# - sent to a BSS whose tail has no HE Operation (it does not run HE):
#   not called, as hostapd does.
# The parser's malformed cases are host unit tests (tests/ft/test_ie.c)
# and fuzzed (tests/fuzz/fuzz_ft_ie.c).
. "$(dirname "$0")/lib.sh"
require_root
require_cmd iw python3 hostapd
INJECT="python3 $SELFTESTS/ft_inject.py"
AP="python3 $SELFTESTS/fsr_ap.py"
dmesg_mark

R0KH=he.lab.example
MDID=a1b2
# HE Operation: parameters 0, BSS color 1, basic HE-MCS/NSS 1 SS MCS 0-7
HE_OP=ff0724000000 # element ID, length, extension ID, parameters
HE_OP=${HE_OP}01fcff
# HE Capabilities: MAC (6), PHY (11, 20 MHz only), MCS/NSS (4)
HE_MAC=0d0008120010
HE_CAP=ff1623${HE_MAC}0020000000000000000000fafffaff

load_radios 2 || { fail "load radios"; tap_finish; }
lab_modprobe fsr || { fail "load fsr"; tap_finish; }
BSSID=$(cat /sys/class/net/wlan0/address)
cat > "$WORK/hostapd-wlan0.conf" <<EOF
interface=wlan0
driver=nl80211
ssid=he-owner
hw_mode=g
channel=1
ieee80211n=1
ieee80211ax=1
EOF
hostapd -B -P "$WORK/hostapd-wlan0.pid" -f "$WORK/hostapd-wlan0.log" \
	"$WORK/hostapd-wlan0.conf" || diag "hostapd failed"
defer "kill \$(cat $WORK/hostapd-wlan0.pid)"
check "hostapd runs an HE BSS on wlan0" \
	wait_for 30 grep -q AP-ENABLED "$WORK/hostapd-wlan0.log"
check "fast path of wlan0 configured, its tail with an HE Operation element" \
	$AP ft $MDID "$HE_OP" wlan0
check "monitor interface mon0 on wlan1's radio" add_monitor wlan1
T=/sys/kernel/tracing
mountpoint -q $T || mount -t tracefs nodev $T
# x86-64: he_cap_ie in %dx, he_cap_len in %cx
KP='p:fsr_he_sta ieee80211_he_cap_ie_to_sta_he_cap len=%cx:u8'
for b in 0 1 2 3 4 5; do
	KP="$KP m$b=+$b(%dx):u8"
done
check "kprobe on mac80211's ieee80211_he_cap_ie_to_sta_he_cap" \
	sh -c "echo '$KP' >> $T/kprobe_events && echo 1 > $T/events/kprobes/fsr_he_sta/enable"
defer "echo 0 > $T/events/kprobes/fsr_he_sta/enable; echo '-:fsr_he_sta' >> $T/kprobe_events"

hex() {
	od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'
}

n=0
# roam [REQ_IES]: a fresh station roams to wlan0 with REQ_IES added to its
# Reassociation Request; sets STA, GOT and HE (the kprobe's lines)
roam() {
	n=$((n + 1))
	STA=$(printf '02:00:00:00:0d:%02x' $n)
	# the response acknowledged, so the roam completes (lib.sh)
	ack_as wlan1 "$STA" || diag "ack_as wlan1 $STA failed"
	_r0name=$(hex 16)
	_pmk=$(hex 32)
	_args="mon0 $BSSID $STA $BSSID $R0KH $_r0name $_pmk $MDID"
	# shellcheck disable=SC2086
	_r1name=$($INJECT $_args r1name)
	printf '%s\n' "$_pmk" | "$FSRCTL" pmk add sta "$STA" \
		r1name "$_r1name" r0name "$_r0name" r0kh "$R0KH" \
		r1kh "$BSSID" akm ft-psk lifetime 600 key - > /dev/null ||
		diag "pmk add $STA failed"
	echo > $T/trace
	# shellcheck disable=SC2086
	GOT=$(FT_INJECT_REQ_IES=${1:-} $INJECT $_args ok 2>&1)
	HE=$(grep -v '^#' $T/trace | grep fsr_he_sta | sed 's/.*) //')
	diag "$STA: $GOT; HE to mac80211: ${HE:-none}"
}

served() {
	case $GOT in
	"auth=0 reassoc=0 mic=ok gtk=ok aid="*) return 0 ;;
	esac
	return 1
}

# what the kprobe prints for HE_CAP: its length, its MAC capabilities
want="len=21"
b=0
for x in $(echo $HE_MAC | sed 's/\(..\)/\1 /g'); do
	want="$want m$b=$((0x$x))"
	b=$((b + 1))
done

roam "$HE_CAP"
check "HE Capabilities sent: roam served by the kernel" served
check "HE Capabilities sent: mac80211 gets them once ($want)" \
	test "$HE" = "$want"

roam
check "no HE Capabilities: roam served" served
check "no HE Capabilities: mac80211 gets none" test -z "$HE"

# The same BSS said not to run HE (no HE Operation in its responses).
check "fast path of wlan0 configured without HE Operation" \
	$AP ft $MDID "" wlan0
roam "$HE_CAP"
check "HE Capabilities to a BSS without HE: roam served" served
check "HE Capabilities to a BSS without HE: mac80211 gets none" \
	test -z "$HE"

lab_rmmod fsr
if dmesg_clean; then pass "dmesg clean"; else fail "dmesg clean"; fi
tap_finish
