#!/bin/sh
# Ingress checks of fsrd, against frames an attacker can send without any
# key:
#  - EAPOL-Start and EAPOL-Logoff for an associated 802.1X station, sent
#    with the station's source address from the wired side of the bridge
#    the BSS's interface is a port of (a veth in br0), to the BSSID and to
#    the PAE group address, change nothing: fsrd accepts a station's EAPOL
#    only from its BSS's interface. The frames did reach the AP host (the
#    veth's receive counter), the station stays associated and authorized,
#    traffic passes, fsrd's EAPOL-Start/Logoff counters do not move.
#  - Open System and FT Authentication frames from a group source address
#    (I/G bit set), injected on the air, get no answer (no Authentication
#    or Association Response to them on hwsim0); fsrd counts and logs the
#    drops (at most one line per 10 s, with the count);
#    the same frames from a unicast address are answered.
# fsr.ko is not loaded: the management frames reach fsrd itself.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
require_root
require_cmd wpa_supplicant wpa_cli freeradius openssl python3 ping iw
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-ingress
SECRET=fsr-ingress-secret
CERTS=$WORK/certs
TOOL="python3 $SELFTESTS/fsrd_ingress.py"
INJECT="python3 $SELFTESTS/fsrd_inject.py"
export FSRD_SOCKET=$WORK/fsrd.sock
ip link set lo up 2>/dev/null

load_radios 3 || { fail "load radios"; tap_finish; }
BSSID=$(cat /sys/class/net/wlan0/address)
STA=$(cat /sys/class/net/wlan2/address)

check "test CA, server and client certificates" radius_certs "$CERTS"
radius_conf "$WORK/raddb" "$SECRET" 1812 1813 "$CERTS"
if ! radius_start "$WORK/raddb" "$WORK/radius.log"; then
	fail "FreeRADIUS starts"
	diag "$(tail -n 30 "$WORK/radius.log")"
	tap_finish
fi
defer "kill $RADIUS_PID"

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = debug
control_socket = $FSRD_SOCKET

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET

[bss a]
interface = wlan0
ssid = $SSID
channel = 1
security = wpa2-eap
END
start_fsrd
check "fsrd starts a WPA2-802.1X BSS" wait_for 20 fsrd_log_has "AP started"

# br0: wlan0 and the wired side, veth0 (its peer veth1 in netns "wired");
# veth0 does not learn, so that our forged source address cannot move
# the station's bridge entry (that would be the bridge's doing, not fsrd's)
ip netns add wired
defer "ip netns del wired"
ip link add veth0 type veth peer name veth1 netns wired
ip link add br0 type bridge
defer "ip link del br0"
ip link set wlan0 master br0
ip link set veth0 master br0
ip link set veth0 type bridge_slave learning off
ip link set veth0 up
ip -n wired link set veth1 up
ip link set br0 up
ip addr add 10.77.0.1/24 dev br0

client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2
cat > "$WORK/wpa.conf" <<END
ctrl_interface=$WORK/wpa-ctrl
network={
	ssid="$SSID"
	key_mgmt=WPA-EAP
	eap=PEAP
	identity="alice"
	password="wonderland"
	phase2="auth=MSCHAPV2"
	ca_cert="$CERTS/ca.pem"
	scan_freq=2412
}
END
ip netns exec cli wpa_supplicant -B -i wlan2 -c "$WORK/wpa.conf" \
	-P "$WORK/wpa.pid" -f "$WORK/wpa.log" -dd
defer "kill \$(cat $WORK/wpa.pid)"
check "the client authenticates (PEAP) and connects" \
	wait_for 60 wpa_connected cli wlan2
check "ping through the AP" wait_for 10 \
	ip netns exec cli ping -c 1 -W 2 10.77.0.1

# eap COUNTER: fsrd's EAP relay total (fsrctl auth show)
eap() {
	"$FSRCTL" -j auth show 2>/dev/null | python3 -c "
import json, sys
print(json.load(sys.stdin)['eap']['$1'])"
}
veth_rx() {
	cat /sys/class/net/veth0/statistics/rx_packets
}
authorized() {
	iw dev wlan0 station get "$STA" 2>/dev/null | grep -q "authorized:.*yes"
}

start0=$(eap eapol_start)
logoff0=$(eap eapol_logoff)
hs0=$(fsrd_log_count "port authorized")
tr0=$(grep -c -e "EAPOL-Logoff" -e "EAPOL-Start" "$FSRD_LOG")
rx0=$(veth_rx)
diag "before: eapol_start $start0, eapol_logoff $logoff0, veth0 rx $rx0"
for dst in "$BSSID" 01:80:c2:00:00:03; do
	ip netns exec wired $TOOL eapol veth1 "$STA" "$dst" start 3
	ip netns exec wired $TOOL eapol veth1 "$STA" "$dst" logoff 3
done
sleep 3
rx1=$(veth_rx)
check "12 forged EAPOL frames reached the AP host on veth0 ($((rx1 - rx0)))" \
	[ $((rx1 - rx0)) -ge 12 ]
check "fsrd counted no EAPOL-Start ($(eap eapol_start))" \
	[ "$(eap eapol_start)" = "$start0" ]
check "fsrd counted no EAPOL-Logoff ($(eap eapol_logoff))" \
	[ "$(eap eapol_logoff)" = "$logoff0" ]
check "no EAPOL-Logoff or -Start in fsrd's trace since" \
	[ "$(grep -c -e "EAPOL-Logoff" -e "EAPOL-Start" "$FSRD_LOG")" = "$tr0" ]
check "the station stays associated and authorized" authorized
check "the client stays connected" wpa_connected cli wlan2
check "no new authentication or handshake" \
	[ "$(fsrd_log_count "port authorized")" = "$hs0" ]
check "no deauthentication of the station" \
	not grep -q "$STA: disconnected" "$FSRD_LOG"
check "traffic passes" ip netns exec cli ping -c 2 -i 0.2 -W 2 10.77.0.1

# management frames from group source addresses
add_monitor wlan1
G1=03:00:00:fe:00:01
G2=ff:ff:ff:ff:ff:ff
G3=33:33:00:00:00:01
ip link set hwsim0 up
U1=02:00:00:fe:00:01
$TOOL sniff hwsim0 300 "$U1" "$G1" "$G2" "$G3" > "$WORK/sniff.txt" &
SNIFF=$!
wait_for 30 grep -q ready "$WORK/sniff.txt"
r=$($INJECT mon0 "$BSSID" "$U1" ok-psk "$SSID")
check "control: Open System Authentication from a unicast address answered ($r)" \
	[ "$r" != timeout ]
r=$($INJECT mon0 "$BSSID" 02:00:00:fe:00:02 ft-auth-unknown-pmkr0name "$SSID")
check "control: FT Authentication from a unicast address answered ($r)" \
	[ "$r" != timeout ]
r=$($INJECT mon0 "$BSSID" "$G1" ok-psk "$SSID")
check "Open System Authentication from group address $G1: no answer ($r)" \
	[ "$r" = timeout ]
r=$($INJECT mon0 "$BSSID" "$G2" ok-psk "$SSID")
check "Open System Authentication from the broadcast address: no answer ($r)" \
	[ "$r" = timeout ]
r=$($INJECT mon0 "$BSSID" "$G3" ft-auth-unknown-pmkr0name "$SSID")
check "FT Authentication from group address $G3: no answer ($r)" \
	[ "$r" = timeout ]
sleep 1
kill -TERM "$SNIFF"
wait "$SNIFF"
diag "$(cat "$WORK/sniff.txt")"
sniffed() {
	awk -v a="$1" '$1 == a { print $2 }' "$WORK/sniff.txt"
}
check "hwsim0 capture works: the answers to $U1 seen ($(sniffed "$U1"))" \
	[ "$(sniffed "$U1")" -ge 2 ]
check "hwsim0: no Authentication or Association Response to a group address" \
	[ "$(sniffed "$G1")$(sniffed "$G2")$(sniffed "$G3")" = 000 ]
check "fsrd logged the drop from a group source address" \
	fsrd_log_has "from a group source address $G1 dropped (1 so far"
# rate limit: 20 more in about a second, then one more try 11 s later
$TOOL auth mon0 "$BSSID" "$G1" 20
sleep 11
r=$($INJECT mon0 "$BSSID" "$G1" ft-auth-unknown-pmkr0name "$SSID")
check "after 11 s: FT Authentication from $G1: no answer ($r)" \
	[ "$r" = timeout ]
# the last line says 30 so far (9 + 20 + 1 frames); every drop (of any
# group address: one counter per BSS) is a line or counted in the next
# line's "not logged" (on a slow VM the burst may span a 10 s window, so
# which lines exist depends on timing)
last=$(grep "from a group source address" "$FSRD_LOG" | tail -n 1)
diag "$last"
accounted=$(grep -o "group source address [0-9a-f:]* dropped ([0-9]* so far, [0-9]* not logged)" \
	"$FSRD_LOG" | sed 's/.*, \([0-9]*\) not logged.*/\1/' |
	awk '{ n += 1 + $1 } END { print n + 0 }')
check "fsrd counts every drop (30 so far) and says how many it did not log ($accounted accounted for)" \
	sh -c "echo '$last' | grep -q '$G1 dropped (30 so far, [0-9]* not logged)' &&
		[ '$accounted' -eq 30 ]"
check "fsrd logged at most one line per 10 s" \
	[ "$(fsrd_log_count "from a group source address")" -le 6 ]
bad_sa() {
	"$FSRCTL" -j bss show wlan0 2>/dev/null | python3 -c "
import json, sys
print(json.load(sys.stdin)[0]['daemon']['mgmt_bad_sa'])"
}
# every injection is up to 3 copies: 3 x 3, the burst of 20, then 3 (the
# log line came with the first of them: 30 so far)
n=$(bad_sa)
check "fsrctl bss show: mgmt_bad_sa of wlan0 counts the drops: the 30 logged, at most the 32 injected ($n)" \
	[ "${n:-0}" -ge 30 -a "${n:-0}" -le 32 ]
check "no station made for a group address" \
	not grep -q -e "$G1: authenticated" -e "$G3: authenticated" "$FSRD_LOG"
check "the client is still connected" wpa_connected cli wlan2

fsrd_sigterm
check "dmesg clean" dmesg_clean
tap_finish
