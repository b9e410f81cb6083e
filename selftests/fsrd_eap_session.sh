#!/bin/sh
# Session-Timeout outlives no key: FreeRADIUS grants every session
# $ST seconds (Session-Timeout, no Termination-Action). One fsrd runs two
# ft-eap BSSes (wlan0, wlan1) with fsr.ko's fast path; a real
# wpa_supplicant (FT-EAP, PEAP/MSCHAPv2) associates with a full EAP
# authentication, then roams once (served by fsr.ko, adopted by fsrd, no
# EAP). Shown:
#  - the PMK-R1s in fsr.ko expire with the session, not after
#    r0_key_lifetime;
#  - on the BSS the station roamed to, fsrd ends the session when the
#    Session-Timeout of the original authentication is reached: the
#    station is deauthenticated (reason 2), accounting Stop says
#    Session-Timeout;
#  - the client comes back with a full EAP authentication (the cached
#    keys went with the session).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
require_root
require_cmd wpa_supplicant wpa_cli freeradius openssl ping
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-eap-session
SECRET=fsr-session-secret
ST=30
ft_eap_lab "Session-Timeout := $ST"
check "Accounting-On reached the server when fsrd started (RFC 2866)" \
	wait_for 10 grep -q "Acct-Status-Type = Accounting-On" "$DETAIL"
"$FSRCTL" pmk show > "$WORK/pmk.txt" 2>&1
diag "$(grep -E '^sta|lifetime' "$WORK/pmk.txt")"
check "fsr.ko's PMK-R1s end with the session (lifetime <= $ST s, not r0_key_lifetime)" sh -c "
	[ \$(grep -c '^sta $STA pmk_r1_name' '$WORK/pmk.txt') -eq 2 ] &&
	awk '\$1 == \"lifetime\" && (\$2 < 1 || \$2 > $ST) { bad = 1 } END { exit bad }' '$WORK/pmk.txt'"
ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen
T0=$(date +%s)
req0=$(radius_access_requests "$FR_LOG")

cur=$(ft_cli status | sed -n 's/^bssid=//p')
if [ "$cur" = "$BSSID0" ]; then next=$BSSID1; nif=wlan1; else next=$BSSID0; nif=wlan0; fi
_r=$(ft_cli roam "$next")
if [ "$_r" != OK ] || ! wait_for 20 ft_on_bssid "$next"; then
	sleep 1
	ft_cli roam "$next" > /dev/null
fi
check "FT roam to $next served by fsr.ko and adopted by fsrd" \
	wait_for 20 fsrd_log_has "$nif: $STA: FT roam served by the kernel in .* us: adopted"
check "no Access-Request for the roam" \
	[ "$(radius_access_requests "$FR_LOG")" -eq "$req0" ]
check "fsrd arms the rest of the session on $nif" \
	wait_for 5 fsrd_log_has "$nif: $STA: cached session: Session-Timeout in [0-9]* s (then the session ends)"
left=$(sed -n "s/.*$nif: $STA: cached session: Session-Timeout in \([0-9]*\) s.*/\1/p" "$FSRD_LOG" | head -n 1)
check "... counted from the EAP authentication, not the roam (${left:-?} s <= $ST)" \
	[ "${left:-99999}" -le "$ST" ]
check "Session-Timeout: fsrd ends the session on $nif" \
	wait_for $((ST + 20)) fsrd_log_has "$nif: $STA: Session-Timeout of the cached session reached"
el=$(($(date +%s) - T0))
check "... within the session ($el s after the roam began, <= $ST + 10)" [ "$el" -le $((ST + 10)) ]
check "fsrd deauthenticated the station (reason 2)" \
	wait_for 5 fsrd_log_has "$nif: $STA: disconnected (reason 2): Session-Timeout reached"
check "accounting Stop with Acct-Terminate-Cause Session-Timeout" \
	wait_for 10 grep -q "Acct-Terminate-Cause = Session-Timeout" "$DETAIL"
check "the client comes back with a full EAP authentication" \
	wait_for 60 sh -c "[ \$(grep -c 'Received Access-Request' '$FR_LOG') -gt $req0 ] &&
		[ \$(grep -c 'CTRL-EVENT-EAP-SUCCESS' '$WORK/wpa.log') -ge 2 ]"
check "ping through the AP again" wait_for 20 \
	ip netns exec cli ping -c 1 -W 2 10.77.0.1
check "fsrd still runs" kill -0 "$FSRD_PID"

fsrd_sigterm
check "Accounting-Off reached the server at the clean stop, after the Stops" \
	wait_for 10 sh -c "grep -q 'Acct-Status-Type = Accounting-Off' '$DETAIL' &&
		[ \$(grep -n 'Acct-Status-Type = Accounting-Off' '$DETAIL' | tail -n 1 | cut -d: -f1) -gt \$(grep -n 'Acct-Status-Type = Stop' '$DETAIL' | tail -n 1 | cut -d: -f1) ]"
check "dmesg clean" dmesg_clean
tap_finish
