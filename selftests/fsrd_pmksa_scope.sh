#!/bin/sh
# PMKSA caching and OKC stay within the SSID of the authentication (issue
# 13 item 4). One fsrd runs three wpa2-eap BSSes with okc = yes: wlan0 and
# wlan2 on SSID "scope-a", wlan1 on "scope-b" (same AKM, same RADIUS
# server). A real wpa_supplicant on wlan3 with one network that names no
# SSID (so one profile, one PMKSA cache context, matches both SSIDs) and
# proactive_key_caching = 1: it offers an OKC PMKID wherever it goes.
#  - wlan0 (scope-a): full EAP;
#  - wlan2 (scope-a): OKC, no Access-Request (within one SSID OKC works);
#  - wlan1 (scope-b): the OKC PMKID made from scope-a's PMK is not taken:
#    full EAP (an Access-Request);
#  - wlan0 (scope-a) again: PMKSA caching with its own entry still works.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
require_root
require_cmd wpa_supplicant wpa_cli freeradius openssl
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SECRET=fsr-scope-secret
CERTS=$WORK/certs
ip link set lo up 2>/dev/null
load_radios 4 || { fail "load radios"; tap_finish; }
A0=$(cat /sys/class/net/wlan0/address)
B1=$(cat /sys/class/net/wlan1/address)
A2=$(cat /sys/class/net/wlan2/address)
STA=$(cat /sys/class/net/wlan3/address)

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

[radius]
timeout = 2000
retries = 2

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET

[bss a0]
interface = wlan0
ssid = scope-a
channel = 1
security = wpa2-eap
okc = yes

[bss b1]
interface = wlan1
ssid = scope-b
channel = 1
security = wpa2-eap
okc = yes

[bss a2]
interface = wlan2
ssid = scope-a
channel = 1
security = wpa2-eap
okc = yes
END
start_fsrd
check "fsrd starts three 802.1X BSSes" \
	wait_for 20 sh -c "[ \$(grep -c 'AP started' '$FSRD_LOG') -eq 3 ]"
client_netns cli wlan3

cat > "$WORK/wpa.conf" <<END
ctrl_interface=$WORK/wpa-ctrl
bss_expiration_age=1800
okc=1
network={
	key_mgmt=WPA-EAP
	proactive_key_caching=1
	eap=PEAP
	identity="alice"
	password="wonderland"
	phase2="auth=MSCHAPV2"
	ca_cert="$CERTS/ca.pem"
	scan_freq=2412
	bssid=$A0
}
END
ip netns exec cli wpa_supplicant -B -i wlan3 -c "$WORK/wpa.conf" \
	-P "$WORK/wpa.pid" -f "$WORK/wpa.log" -dd
defer "kill \$(cat $WORK/wpa.pid)"

cli() {
	ip netns exec cli wpa_cli -p "$WORK/wpa-ctrl" -i wlan3 "$@"
}
on() {
	cli status > "$WORK/st.txt" 2>/dev/null &&
		grep -q '^wpa_state=COMPLETED' "$WORK/st.txt" &&
		grep -q "^bssid=$1" "$WORK/st.txt"
}
requests() {
	radius_access_requests "$FR_LOG"
}
count_ge() {
	[ "$($1)" -ge "$2" ]
}
okc_hits() {
	fsrd_log_count "$STA: Found a valid PMKID in the RSNE (OKC"
}
cache_hits() {
	fsrd_log_count "$STA: Found a valid PMKID in the RSNE (PMKSA cache"
}
misses() {
	fsrd_log_count "$STA: PMKID in the RSNE not in the PMKSA cache"
}
# go BSSID: associate with BSSID (the network is pinned to it)
go() {
	cli set_network 0 bssid "$1" > /dev/null &&
		cli reassociate > /dev/null &&
		wait_for 90 on "$1"
}

check "scope-a ($A0): connected with a full EAP authentication" \
	wait_for 90 on "$A0"
check "... Access-Requests at the server" count_ge requests 1
req=$(requests)
check "scope-a ($A2): connected" go "$A2"
check "... by OKC within the SSID (fsrd's trace)" count_ge okc_hits 1
check "... no Access-Request" [ "$(requests)" -eq "$req" ]
check "... the client used OKC" \
	grep -q "RSN: PMKSA cache search.*try_opportunistic=1" "$WORK/wpa.log"

req=$(requests)
okc=$(okc_hits)
miss=$(misses)
check "scope-b ($B1): connected" go "$B1"
check "... the OKC PMKID made from scope-a's PMK is not taken" \
	[ "$(misses)" -gt "$miss" ]
check "... no OKC across SSIDs" [ "$(okc_hits)" -eq "$okc" ]
check "... a full EAP authentication: Access-Request" \
	[ "$(requests)" -gt "$req" ]

req=$(requests)
hits=$(cache_hits)
check "scope-a ($A0) again: connected" go "$A0"
check "... by PMKSA caching with its own entry" [ "$(cache_hits)" -gt "$hits" ]
check "... no Access-Request" [ "$(requests)" -eq "$req" ]

"$FSRCTL" -j pmksa show > "$WORK/pmksa.json" 2>&1
check "fsrctl pmksa show: every entry of the station with the SSID of its authentication" \
	python3 - "$WORK/pmksa.json" "$STA" "$A0" "$A2" "$B1" <<'EOF'
import json, sys
path, sta, a0, a2, b1 = sys.argv[1:]
want = {a0: "scope-a", a2: "scope-a", b1: "scope-b"}
doc = json.load(open(path))
entries = doc["entries"]
got = {e["bssid"]: e["ssid"] for e in entries if e["sta"] == sta}
print("#", got)
sys.exit(0 if got == want else 1)
EOF
fsrd_sigterm
check "dmesg clean" dmesg_clean
tap_finish
