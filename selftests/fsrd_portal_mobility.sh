#!/bin/sh
# A Portal session follows its station to another fsrd AP (issue 15,
# item 5): two APs in their own namespaces (selftests/lib_mobility.sh),
# each an fsrd with an FT-PSK BSS, portal = yes and the other as r0kh and
# r1kh; the portal server (selftests/portal_client.py) and FreeRADIUS
# (CHAP, accounting) are ap1's, the anchor's. The client (wpa_supplicant)
# logs in at ap1, then:
#  - FT roam to ap2: ap2 lets it through with no portal exchange and no
#    RADIUS (fsr's PASS, sent by ap1 at the login), says HERE to ap1, whose
#    session goes on (fsrctl portal show: at ap2's R1KH; ap2 lists the
#    pass); traffic at ap2 reaches ap1's accounting (STATS);
#  - back to ap1 and to ap2 again: the session goes on each time;
#  - the client leaves ap2: LEFT; ap1 keeps the session for a grace time,
#    then ends it: one Start and one Stop (Lost-Carrier) in FreeRADIUS's
#    detail file, the octets of both APs in the Stop; ap2 forgets the pass
#    (DROP);
#  - a new login, a roam to ap2, REQ_LOGOUT at ap1: ap2 stops the client at
#    once (DROP);
#  - bad input on the DS: a PASS under a wrong key, a HERE from an unknown
#    peer: dropped and counted.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
. "$(dirname "$0")/lib_mobility.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw ping freeradius python3 nft
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
if ! /usr/bin/python3 -c 'from cryptography.hazmat.primitives.ciphers.aead import AESSIV' 2>/dev/null; then
	echo "1..0 # SKIP python3-cryptography with AES-SIV missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-portal-mob
PASS=mob-passphrase-42
SECRET=radius-s3cret
PSECRET=portal-s3cret
PC=$SELFTESTS/portal_client.py
K12=1112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f30
K21=2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40

load_radios 3 || { fail "load radios"; tap_finish; }
fsr_load
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)

check "the DS bridge" mob_ds_up
check "namespace ap1 with wlan0's radio" mob_ap_ns ap1 wlan0
check "namespace ap2 with wlan1's radio" mob_ap_ns ap2 wlan1
client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2
ip -n ap1 addr add 10.77.0.11/24 dev br0

mkdir -p "$WORK/certs"
check "test certificates" radius_certs "$WORK/certs"
radius_conf "$WORK/raddb" "$SECRET" 1812 1813 "$WORK/certs"
FR_LOG=$WORK/radius.log
DETAIL=$WORK/raddb/acct/detail
ip netns exec ap1 freeradius -X -d "$WORK/raddb" > "$FR_LOG" 2>&1 &
defer "kill $!"
check "FreeRADIUS (CHAP, accounting) in ap1" \
	wait_for 60 grep -q "Ready to process requests" "$FR_LOG"

# fsrd_conf NS IFACE OWN_ID PEER_BSSID PEER_ID KEY_OUT KEY_IN
fsrd_conf() {
	cat > "$WORK/fsrd-$1.conf" <<END
[global]
log_level = debug
control_socket = $WORK/fsrd-$1.sock
mobility_domain = a1b2
r0kh_id = $3
kernel_fast_path = yes

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET

[acct_server lab]
address = 127.0.0.1:1813
secret = $SECRET

[portal]
listen = 127.0.0.1:2000
bas_ip = 10.77.0.11
aff_timeout = 0
walled_garden = 10.77.0.11

[portal_server v2]
address = 127.0.0.1
version = 2
secret = $PSECRET

[bss a]
interface = $2
ssid = $SSID
channel = 1
security = ft-psk
passphrase = $PASS
rrb_interface = br0
pmk_r1_push = yes
r1kh = $4 $4 $6
r0kh = $4 $5 $7
portal = yes
END
}
fsrd_conf ap1 wlan0 ap1.lab.example "$BSSID1" ap2.lab.example $K12 $K21
fsrd_conf ap2 wlan1 ap2.lab.example "$BSSID0" ap1.lab.example $K21 $K12
mob_fsrd ap1
mob_fsrd ap2
log1=$WORK/fsrd-ap1.log
log2=$WORK/fsrd-ap2.log
both_started() {
	grep -q "portal: listening" "$log1" && grep -q "portal: listening" "$log2" &&
		grep -q "FT fast path of fsr.ko enabled" "$log1" &&
		grep -q "FT fast path of fsr.ko enabled" "$log2"
}
if ! check "an fsrd in each namespace: FT-PSK, Portal, fsr.ko's fast path" \
	wait_for 30 both_started; then
	diag "$(grep -v debug: "$log1" | tail -n 20)"
	diag "$(grep -v debug: "$log2" | tail -n 20)"
	tap_finish
fi
check "the APs' radios are bridged to the DS" sh -c \
	"ip -n ap1 link set wlan0 master br0 && ip -n ap2 link set wlan1 master br0"

mob_client "$(mob_net_ft_psk)"
check "the client associates" wait_for 40 mob_completed
mob_assoc_at "$BSSID0" || true
check "... at ap1 (its R0KH)" ft_on_bssid "$BSSID0"
ds_reached() {
	ip netns exec cli ping -c 1 -W 2 10.77.0.1 > /dev/null 2>&1
}
check "before login: the DS is not reached" not ds_reached
check "before login: ap1 (10.77.0.11, the walled garden) answers" \
	ip netns exec cli ping -c 2 -i 0.2 -W 2 10.77.0.11

pc() {
	ip netns exec ap1 python3 "$PC" -v 2 -s "$PSECRET" "$@" \
		> "$WORK/pc.out" 2>&1
	_pc=$?
	cat "$WORK/pc.out" >> "$WORK/pc.log"
	return $_pc
}
# the record of the last Accounting-Request of a type in the detail file
last_acct() {
	awk -v t="$1" 'BEGIN { RS = "" } $0 ~ "Acct-Status-Type = " t { c = $0 } END { print c }' \
		"$DETAIL" 2>/dev/null
}
n_acct() {
	grep -c "Acct-Status-Type = $1" "$DETAIL" 2>/dev/null
}
show() {
	ip netns exec "$1" "$FSRCTL" -s "$WORK/fsrd-$1.sock" -j portal show
}
# sess_field NS FIELD: FIELD of the first session in NS's portal show
sess_field() {
	show "$1" | python3 -c "
import json, sys
s = json.load(sys.stdin)['sessions']
print(s[0].get('$2', '') if s else '')"
}

check "alice logs in at ap1 (v2 CHAP)" pc 10.77.0.2 chap alice wonderland
check "... the DS is reached" ds_reached
check "ap2 keeps ap1's pass (fsr's PASS over the DS)" \
	wait_for 10 grep -q "PASS of session P[0-9A-F-]* from the anchor ap1.lab.example" "$log2"
ASID=$(sed -n 's/.*PASS of session \(P[0-9A-F-]*\) from the anchor.*/\1/p' "$log2" | head -n 1)
requests=$(radius_access_requests "$FR_LOG")

check "FT roam to ap2: the client is let through at once (ping to the DS)" \
	roam "$BSSID1"
check "ap2: let through with no login" grep -q \
	"logged in at the anchor ap1.lab.example as 'alice' (session $ASID): let through here, no login" "$log2"
check "ap1: the session goes on at ap2 (HERE)" wait_for 5 grep -q \
	"'alice' is at R1KH $BSSID1: session $ASID goes on there, no login" "$log1"
check "no RADIUS authentication for the roam" \
	test "$(radius_access_requests "$FR_LOG")" -eq "$requests"
show ap2 > "$WORK/show2.json"
diag "$(cat "$WORK/show2.json")"
check "ap2: no portal login, the pass listed as here on wlan1" python3 -c "
import json
r = json.load(open('$WORK/show2.json'))
assert r['counters']['logins'] == 0 and not r['sessions'], r
v = r['visitors']
assert len(v) == 1 and v[0]['here'] and v[0]['interface'] == 'wlan1', v
assert (v[0]['ip'], v[0]['mac'], v[0]['user'], v[0]['session'], v[0]['anchor']) == \
	('10.77.0.2', '$STA', 'alice', '$ASID', 'ap1.lab.example'), v
"
check "ap1: fsrctl portal show says the station is at ap2" \
	test "$(sess_field ap1 at)" = "$BSSID1"
# traffic at ap2, counted in ap1's accounting (STATS, every 10 s)
ip netns exec cli ping -c 10 -i 0.1 -s 1000 -W 2 10.77.0.1 > /dev/null 2>&1
in_big() {
	[ "$(sess_field ap1 in_octets)" -ge 10000 ]
}
check "ap1's session counts the octets sent at ap2 (STATS)" mob_poll 25 in_big
diag "ap1 session: in_octets $(sess_field ap1 in_octets), out_octets $(sess_field ap1 out_octets)"

check "FT roam back to ap1: the DS is reached" roam "$BSSID0"
check "ap1: the session is here again" \
	wait_for 5 grep -q "back from a peer AP: session of 'alice' goes on here" "$log1"
check "FT roam to ap2 again" roam "$BSSID1"
check "... ap1 hears HERE again" wait_for 5 sh -c \
	"[ \$(grep -c \"'alice' is at R1KH $BSSID1\" '$log1') -ge 2 ]"

# the client leaves ap2
ft_cli disconnect > /dev/null
check "ap1: the station left ap2: kept a grace time" \
	wait_for 10 grep -q "'alice' left R1KH $BSSID1: session kept" "$log1"
check "ap1: then the session ends" \
	wait_for 15 grep -q "'alice' logged out: " "$log1"
check "one Accounting Start and one Stop (Lost-Carrier) for the whole stay" \
	wait_for 10 sh -c "[ \"\$(grep -c 'Acct-Status-Type = Stop' '$DETAIL')\" = 1 ] &&
		[ \"\$(grep -c 'Acct-Status-Type = Start' '$DETAIL')\" = 1 ]"
last_acct Stop > "$WORK/stop.txt"
diag "$(cat "$WORK/stop.txt")"
check "... the Stop names the session ($ASID), Lost-Carrier" sh -c \
	"grep -q 'Acct-Session-Id = \"$ASID\"' '$WORK/stop.txt' &&
	 grep -q 'Acct-Terminate-Cause = Lost-Carrier' '$WORK/stop.txt'"
octets=$(sed -n 's/.*Acct-Input-Octets = \([0-9]*\).*/\1/p' "$WORK/stop.txt")
check "... with the octets sent at ap2 ($octets)" test "${octets:-0}" -ge 10000
no_visitors() {
	show ap2 | python3 -c "
import json, sys
sys.exit(0 if not json.load(sys.stdin)['visitors'] else 1)"
}
check "ap2 forgot the pass (DROP)" wait_for 10 no_visitors

# a new login; at ap2, the portal logs the user out at ap1
mob_assoc_at "$BSSID0" || true
check "the client is back at ap1" ft_on_bssid "$BSSID0"
ip netns exec cli ping -c 1 -W 2 10.77.0.11 > /dev/null 2>&1
check "alice logs in again at ap1" pc 10.77.0.2 chap alice wonderland
check "... roams to ap2 and reaches the DS" roam "$BSSID1"
check "REQ_LOGOUT at ap1 (ACK_LOGOUT 0)" pc 10.77.0.2 logout
check "ap2: the session ended at the anchor: no longer let through" \
	wait_for 10 grep -q "ended at the anchor ap1.lab.example: no longer let through" "$log2"
check "... the client at ap2 no longer reaches the DS" not ds_reached

# bad input on the DS
inject() {
	/usr/bin/python3 "$SELFTESTS/rrb_inject.py" ds "$@"
}
ctr() {
	mob_rrb "$1" "$2" "$3"
}
ctr_gt() {
	[ "$(ctr "$1" "$2" "$3")" -gt "$4" ]
}
b=$(ctr ap2 wlan1 rx_auth_fail)
inject "$BSSID1" portal-wrongkey "$BSSID0" ap1.lab.example "$BSSID1" > /dev/null
check "a PASS under a wrong key: dropped (rx_auth_fail)" \
	mob_poll 10 ctr_gt ap2 wlan1 rx_auth_fail "$b"
b=$(ctr ap1 wlan0 rx_unknown_peer)
inject "$BSSID0" portal-unknown ap1.lab.example > /dev/null
check "a HERE from an unknown peer: dropped (rx_unknown_peer)" \
	mob_poll 10 ctr_gt ap1 wlan0 rx_unknown_peer "$b"
check "ap2 counted its portal messages" \
	test "$(ctr ap2 wlan1 portal_tx)" -ge 3
check "... and ap1 its" test "$(ctr ap1 wlan0 portal_rx)" -ge 3

mob_stop_fsrd ap1 ap2
diag "$(grep -v debug: "$log1" | grep portal | tail -n 15)"
diag "$(grep -v debug: "$log2" | grep portal | tail -n 10)"
check "dmesg clean" dmesg_clean
tap_finish
