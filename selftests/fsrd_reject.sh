#!/bin/sh
# Bad (Re)Association and FT Authentication Requests get the right 802.11
# status code from fsrd, with a log line saying why; fsrd keeps serving.
# The frames are crafted by fsrd_inject.py on a monitor interface of a
# second radio; the BSS is FT-PSK (AKMs 4 and 2, mobility domain a1b2).
. "$(dirname "$0")/lib.sh"
require_root
require_cmd iw python3
INJECT="python3 $SELFTESTS/fsrd_inject.py"
if [ ! -x "$FSRD" ]; then
	echo "1..0 # SKIP build/bin/fsrd missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-inject
R0KH=fsrd.lab.example

load_radios 2 || { fail "load radios"; tap_finish; }
BSSID=$(cat /sys/class/net/wlan0/address)

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = debug
mobility_domain = a1b2
r0kh_id = $R0KH
kernel_fast_path = no

[bss a]
interface = wlan0
ssid = $SSID
channel = 1
security = ft-psk
passphrase = inject-passphrase
eapol_timeout = 200
eapol_retries = 1
END

start_fsrd

check "fsrd starts the AP" wait_for 15 fsrd_log_has "AP started"
check "monitor interface mon0 on wlan1's radio" add_monitor wlan1

n=16
# expect CASE STATUS LOGTEXT: inject CASE from a fresh address
expect() {
	n=$((n + 1))
	_sta=$(printf '02:00:00:00:0f:%02x' $n)
	_got=$($INJECT mon0 "$BSSID" "$_sta" "$1" "$SSID" "$R0KH")
	if [ "$_got" = "$2" ] && wait_for 3 fsrd_log_has "$_sta.*$3"; then
		pass "$1: status $2 ($3)"
	else
		fail "$1: status $2 ($3), got $_got"
	fi
}

expect akm-8021x 43 "AKM not offered"
expect pairwise-tkip 42 "pairwise cipher not offered"
expect group-tkip 41 "group cipher not offered"
expect rsne-truncated 72 "refused with status 72"
expect rsne-version-2 44 "refused with status 44"
expect no-rsne 40 "no RSNE"
expect wrong-ssid 1 "SSID does not match"
expect ft-no-mde 54 "FT AKM without MDE"
expect ft-bad-mde 54 "another mobility domain"
expect auth-shared-key 13 "algorithm 1 refused"
expect ft-auth-unknown-pmkr0name 53 "no PMK-R0 for this PMKR0Name"
expect ft-auth-bad-mde 54 "FT Authentication refused with status 54"
expect ok-psk 0 "associated, AID"
# A retransmitted Association Request (Retry bit, same sequence control)
# must not be handled twice: that would restart the association.
expect assoc-retry "0 ignored" "associated, AID"
check "the retransmission did not associate the station again" \
	[ "$(grep -c "$_sta: associated, AID" "$FSRD_LOG")" -eq 1 ]
# The same request as a new frame (a client whose answer came late) gets
# the same answer again, and nothing is redone.
expect assoc-repeat "0 answered" "repeated Association Request"
check "the repeated request did not associate the station again" \
	[ "$(grep -c "$_sta: associated, AID" "$FSRD_LOG")" -eq 1 ]
check "fsrd still runs" kill -0 "$FSRD_PID"
check "no station left behind but the accepted ones" \
	sh -c "[ \$(iw dev wlan0 station dump | grep -c '^Station') -le 3 ]"

fsrd_sigterm
check "dmesg clean" dmesg_clean
tap_finish
