#!/bin/sh
# Portal on a bridged AP (issue 15, item 2): the BSS's interface wlan0 is
# a port of the bridge br0, which also holds the wired side (a veth to the
# namespace "up": the LAN's router 10.77.0.254 with a web server, and the
# portal's web server 10.77.0.253, the walled garden). The AP host has
# 10.77.0.1 on br0; the client (netns cli, 10.77.0.2) routes through
# 10.77.0.254, not through the AP.
#  - before login: the garden's server answers; a web request to the
#    router gets fsrd's 302 to the portal with the China Mobile parameters,
#    and the router's web server never sees it (no frame of it is bridged
#    on: this was the hole on bridged APs); ping to the router is dropped;
#  - a v2 CHAP login through FreeRADIUS finds the client through the
#    bridge's neighbour table; after it the router's page and ping pass;
#  - after logout the 302 again; the bridge table is gone at stop.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw ping freeradius python3 nft curl
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-portal-br
PASS=portal-passphrase-1
SECRET=radius-s3cret
PSECRET=portal-s3cret
PC=$SELFTESTS/portal_client.py
ip link set lo up 2>/dev/null

load_radios 2 || { fail "load radios"; tap_finish; }
radius_lab "$SECRET"
pass "FreeRADIUS (CHAP) on 127.0.0.1:1812"

# the bridged AP: wlan0 in AP mode (a managed interface cannot be a
# bridge port) and in br0 before fsrd starts, as an AP's network
# configuration leaves it
iw dev wlan0 set type __ap
ip link add br0 type bridge
defer "ip link del br0"
ip link set br0 address 02:00:00:0b:00:01
ip link set wlan0 master br0
ip netns add up
defer "ip netns del up"
ip link add vup0 type veth peer name vup1
ip link set vup1 netns up
ip link set vup0 master br0
ip link set vup0 up
ip link set br0 up
ip addr add 10.77.0.1/24 dev br0
ip -n up link set lo up
ip -n up addr add 10.77.0.254/24 dev vup1
ip -n up addr add 10.77.0.253/24 dev vup1
ip -n up link set vup1 up
mkdir -p "$WORK/router" "$WORK/portal"
echo router-page > "$WORK/router/index.html"
echo portal-page > "$WORK/portal/index.html"
ip netns exec up python3 -m http.server 80 --bind 10.77.0.254 \
	--directory "$WORK/router" > "$WORK/router.log" 2>&1 &
defer "kill $!"
ip netns exec up python3 -m http.server 80 --bind 10.77.0.253 \
	--directory "$WORK/portal" > "$WORK/portal-www.log" 2>&1 &
defer "kill $!"

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = info
control_socket = $WORK/fsrd.sock

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET

[portal]
listen = 127.0.0.1:2000
bas_ip = 10.77.0.1
aff_timeout = 0
walled_garden = 10.77.0.253
url = http://10.77.0.253/portal
ac_name = bridged-ac

[portal_server v2]
address = 127.0.0.1
version = 2
secret = $PSECRET

[bss ap]
interface = wlan0
ssid = $SSID
channel = 1
security = wpa2-psk
passphrase = $PASS
portal = yes
END
defer "nft delete table netdev fsrd_portal 2>/dev/null"
defer "nft delete table inet fsrd_portal 2>/dev/null"
defer "nft delete table bridge fsrd_portal 2>/dev/null"
start_fsrd
check "fsrd starts the AP" wait_for 15 fsrd_log_has "AP started"
check "fsrd sees wlan0 in bridge br0 and redirects through it" \
	wait_for 5 fsrd_log_has "portal: wlan0 is a port of bridge br0"
nft list ruleset > "$WORK/nft.txt" 2>&1
diag "$(sed -n '/chain in_wlan0/,/}/p' "$WORK/nft.txt")"
check "... wlan0's chain sends marked frames to br0's address" \
	grep -q "ether daddr set 02:00:00:0b:00:01" "$WORK/nft.txt"
check "... and the bridge table drops marked frames it would forward" \
	nft list table bridge fsrd_portal

client_netns cli wlan1
ip -n cli addr add 10.77.0.2/24 dev wlan1
ip -n cli link set wlan1 up
ip -n cli route add default via 10.77.0.254
STA_MAC=$(ip netns exec cli cat /sys/class/net/wlan1/address)
check "wpa_supplicant starts" start_wpa_psk cli wlan1 "$SSID" "$PASS"
check "the client associates" wait_for 30 wpa_connected cli wlan1

cli_curl() {
	ip netns exec cli curl -s -m 10 -o "$WORK/curl.body" \
		-w '%{http_code} %{redirect_url}' "$@"
}
got=$(cli_curl http://10.77.0.253/)
check "before login: the walled garden's web server answers through the bridge ($got)" \
	sh -c "[ '$got' = '200 ' ] && grep -q portal-page '$WORK/curl.body'"
got=$(cli_curl 'http://10.77.0.254/start?x=1')
diag "curl http://10.77.0.254/start?x=1: $got"
want_mac=$(echo "$STA_MAC" | tr 'a-f:' 'A-F-')
check "before login: curl to the router gets fsrd's 302 with the China Mobile parameters" \
	[ "$got" = "302 http://10.77.0.253/portal?wlanuserip=10.77.0.2&wlanacname=bridged-ac&usermac=$want_mac&acip=10.77.0.1&ssid=$SSID&url=http%3A%2F%2F10.77.0.254%2Fstart%3Fx%3D1" ]
check "... the router's web server never saw the request (not bridged on)" \
	not grep -q "GET /start" "$WORK/router.log"
reaches() {
	ip netns exec cli ping -c 2 -i 0.2 -W 1 "$1" > /dev/null 2>&1
}
check "before login: the router does not answer ping" not reaches 10.77.0.254
check "fsrctl portal show counts the redirect" \
	sh -c "\"$FSRCTL\" --socket $WORK/fsrd.sock -j portal show | grep -q '\"http_redirects\": *[1-9]'"

pc() {
	python3 "$PC" "$@" > "$WORK/pc.out" 2>&1
	_pc=$?
	cat "$WORK/pc.out" >> "$WORK/pc.log"
	return $_pc
}
check "v2 CHAP login of alice succeeds (the client found through br0)" \
	pc -v 2 -s "$PSECRET" 10.77.0.2 chap alice wonderland
check "fsrd logged the login" \
	wait_for 5 fsrd_log_has "portal: 10.77.0.2 .* logged in as 'alice'"
got=$(cli_curl http://10.77.0.254/)
check "after login: curl reaches the router's page ($got)" \
	sh -c "[ '$got' = '200 ' ] && grep -q router-page '$WORK/curl.body'"
check "after login: the router answers ping" reaches 10.77.0.254
check "v2 logout" pc -v 2 -s "$PSECRET" 10.77.0.2 logout
got=$(cli_curl http://10.77.0.254/again)
check "after logout: the 302 again ($got)" \
	sh -c "echo '$got' | grep -q '^302 http://10.77.0.253/portal?wlanuserip=10.77.0.2&'"
check "... and the router saw nothing of it" \
	not grep -q "GET /again" "$WORK/router.log"
check "after logout: ping to the router is dropped again" not reaches 10.77.0.254

fsrd_sigterm
check "fsrd's tables are gone at stop (netdev, inet, bridge)" sh -c \
	"! nft list table netdev fsrd_portal && ! nft list table inet fsrd_portal &&
	 ! nft list table bridge fsrd_portal"
diag "$(tail -n 10 "$WORK/pc.log")"
check "dmesg clean" dmesg_clean
tap_finish
