#!/bin/sh
# What a station's EAPOL-Starts can cost (issue 19 item 2): fsrd with one
# wpa2-eap BSS and eap_max_starts = 3 per eap_start_window = 600 s; a
# real wpa_supplicant (PEAP/MSCHAPv2) that asks for a new authentication
# (wpa_cli reauthenticate: EAPOL-Start) right after every EAP-Success,
# ROUNDS times. Shown: 3 full authentications (the association's and two
# reauthentications), then every EAPOL-Start is refused (trace, counter
# in fsrctl auth show) while the session goes on; a reassociation beyond
# the limit is refused too; the Access-Requests at FreeRADIUS stop at 3
# authentications' worth and are printed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
require_root
require_cmd wpa_supplicant wpa_cli freeradius openssl python3
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SECRET=fsr-limit-secret
CERTS=$WORK/certs
MAX=3
ROUNDS=${FSRD_EAP_LIMIT_ROUNDS:-6}
ip link set lo up 2>/dev/null
load_radios 2 || { fail "load radios"; tap_finish; }
BSSID=$(cat /sys/class/net/wlan0/address)
STA=$(cat /sys/class/net/wlan1/address)

check "test CA and server certificate" radius_certs "$CERTS"
radius_conf "$WORK/raddb" "$SECRET" 1812 1813 "$CERTS"
FR_LOG=$WORK/radius.log
if ! radius_start "$WORK/raddb" "$FR_LOG"; then
	fail "FreeRADIUS starts"
	diag "$(tail -n 30 "$FR_LOG")"
	tap_finish
fi
defer 'kill $RADIUS_PID'
pass "FreeRADIUS (EAP-PEAP/MSCHAPv2) on 127.0.0.1:1812"

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = debug
eap_max_starts = $MAX
eap_start_window = 600

[radius]
timeout = 2000
retries = 2

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET

[bss a]
interface = wlan0
ssid = fsrd-eap-limit
channel = 1
security = wpa2-eap
# other lab VMs share the CPUs: give the 4-way handshakes time
eapol_timeout = 3000
eapol_retries = 6
END
start_fsrd
check "fsrd starts the 802.1X BSS" wait_for 20 fsrd_log_has "AP started"
client_netns cli wlan1

cat > "$WORK/wpa.conf" <<END
ctrl_interface=$WORK/wpa-ctrl
network={
	ssid="fsrd-eap-limit"
	key_mgmt=WPA-EAP
	eap=PEAP
	identity="alice"
	password="wonderland"
	phase2="auth=MSCHAPV2"
	ca_cert="$CERTS/ca.pem"
	scan_freq=2412
}
END
ip netns exec cli wpa_supplicant -B -i wlan1 -c "$WORK/wpa.conf" \
	-P "$WORK/wpa.pid" -f "$WORK/wpa.log" -dd
defer "kill \$(cat $WORK/wpa.pid)"

cli() {
	ip netns exec cli wpa_cli -p "$WORK/wpa-ctrl" -i wlan1 "$@"
}
connected() {
	cli status 2>/dev/null | grep -qx 'wpa_state=COMPLETED'
}
requests() {
	radius_access_requests "$FR_LOG"
}
successes() {
	grep -c "CTRL-EVENT-EAP-SUCCESS" "$WORK/wpa.log"
}
handshakes() {
	grep -c "WPA: Key negotiation completed" "$WORK/wpa.log"
}
refused() {
	fsrd_log_count "$STA: full EAP authentication refused (EAPOL-Start)"
}
count_gt() {
	[ "$($1)" -gt "$2" ]
}
# answered S R: a new EAP-Success or a new refusal since S and R
answered() {
	[ "$(successes)" -gt "$1" ] || [ "$(refused)" -gt "$2" ]
}

check "connected with a full EAP authentication" wait_for 90 connected
check "... EAP-Success 1" wait_for 10 count_gt successes 0
PER_AUTH=$(requests)
diag "Access-Requests of one PEAP authentication: $PER_AUTH"

# the station asks again right after every EAP-Success
i=1
ok=0
while [ $i -le "$ROUNDS" ]; do
	s=$(successes)
	r=$(refused)
	k=$(handshakes)
	cli reauthenticate > /dev/null
	wait_for 60 answered "$s" "$r"
	if [ "$(successes)" -gt "$s" ]; then
		diag "round $i: reauthenticated (EAP-Success $((s + 1)))"
		# its new 4-way handshake, then the next EAPOL-Start at once
		wait_for 30 count_gt handshakes "$k"
	elif [ "$(refused)" -gt "$r" ]; then
		diag "round $i: refused"
	else
		diag "round $i: neither success nor refusal"
		break
	fi
	ok=$((ok + 1))
	i=$((i + 1))
done
check "$ok of $ROUNDS EAPOL-Starts answered (success or refusal)" \
	[ "$ok" -eq "$ROUNDS" ]
check "EAP-Success $MAX times in all (the association and $((MAX - 1)) reauthentications)" \
	[ "$(successes)" -eq "$MAX" ]
check "every later EAPOL-Start refused in fsrd's trace ($(refused))" \
	[ "$(refused)" -ge $((ROUNDS - MAX + 1)) ]
grep "full EAP authentication refused" "$FSRD_LOG" | tail -n 1 | sed 's/^/# /'
check "the session goes on: still connected" connected
REQ=$(requests)
echo "# Access-Requests at FreeRADIUS: $REQ for $((ROUNDS + 1)) authentications asked ($MAX allowed, $PER_AUTH per authentication)"
check "Access-Requests bounded: $REQ <= $MAX x $PER_AUTH" \
	[ "$REQ" -le $((MAX * PER_AUTH)) ]

# a new association beyond the limit: refused, no Access-Request
cli disconnect > /dev/null
cli pmksa_flush > /dev/null	# no PMKSA caching: a full EAP is needed
cli reconnect > /dev/null
check "reassociation beyond the limit: refused (trace)" \
	wait_for 60 fsrd_log_has "$STA: full EAP authentication refused (association)"
check "... deauthenticated (reason 23)" \
	wait_for 10 grep -q "CTRL-EVENT-DISCONNECTED bssid=$BSSID reason=23" "$WORK/wpa.log"
check "... no Access-Request" [ "$(requests)" -eq "$REQ" ]
cli disconnect > /dev/null

"$FSRCTL" -j auth show > "$WORK/auth.json" 2>&1
n=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(a["auth"]["eap_refused"], a["auth"]["eap_success"] + a["auth"]["eap_reauth"], a["eap"]["starts_refused"])' "$WORK/auth.json")
diag "fsrctl auth show: eap_refused, successes, relay starts_refused: $n"
check "fsrctl auth show: eap_refused counts every refusal, $MAX successes" \
	python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); r=a["auth"]["eap_refused"]; sys.exit(0 if r >= int(sys.argv[2]) + 1 and a["auth"]["eap_success"] + a["auth"]["eap_reauth"] == int(sys.argv[3]) else 1)' \
	"$WORK/auth.json" $((ROUNDS - MAX + 1)) "$MAX"
check "fsrctl auth show: the limit's own counters: $MAX starts allowed, the same refusals" \
	python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); l=a["eap_limit"]; sys.exit(0 if l["allowed"] == int(sys.argv[2]) and l["refused"] == a["auth"]["eap_refused"] and l["evicted"] == 0 else 1)' \
	"$WORK/auth.json" "$MAX"
"$FSRCTL" auth show > "$WORK/auth.txt" 2>&1
check "fsrctl auth show (text) shows eap_refused" grep -q "eap_refused" "$WORK/auth.txt"
check "fsrctl auth show (text): the eap_limit block" sh -c "
	grep -qx 'eap_limit' '$WORK/auth.txt' &&
	grep -Eqx '    allowed +$MAX' '$WORK/auth.txt'"
fsrd_sigterm
check "dmesg clean" dmesg_clean
tap_finish
