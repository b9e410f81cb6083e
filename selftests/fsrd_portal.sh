#!/bin/sh
# Portal authentication, AC side (issue 15, first slice): fsrd runs a
# WPA2-PSK BSS with portal = yes and listens for portal servers on UDP
# 2000; a real wpa_supplicant associates (netns cli, 10.77.0.2); a portal
# server written in the test (selftests/portal_client.py, from the
# published packet layout) logs the user in with CHAP (v2, Authenticator)
# and PAP (v1) against FreeRADIUS, and logs out. Bad input: a wrong
# password (ACK_AUTH ErrCode 1 with a TextInfo), a wrong shared secret and
# an unknown source (no answer, counted in the log), a REQ_AUTH without a
# challenge (ErrCode 4), an address no station has (ErrCode 4), a
# truncated packet, a retransmitted REQ_AUTH (the same answer, one RADIUS
# request). Enforcement (nftables, fsrd's own table netdev fsrd_portal):
# before login the client reaches only the walled garden (10.77.0.3),
# after login the AP (10.77.0.1) too, a spoofed source address does not,
# after logout and after the client leaves nothing again; a table of the
# same name left by an earlier run is replaced, another table is not
# touched, the table is gone at stop; a second client cannot reach the
# first (stations of a portal BSS are isolated). A reload that changes
# which BSSes are portal BSSes is refused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw ping freeradius python3 nft curl
if [ ! -x "$FSRD" ]; then
	echo "1..0 # SKIP build/bin/fsrd missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-portal
PASS=portal-passphrase-1
SECRET=radius-s3cret
PSECRET=portal-s3cret
PC=$SELFTESTS/portal_client.py
ip link set lo up 2>/dev/null

load_radios 3 || { fail "load radios"; tap_finish; }
radius_lab "$SECRET"
pass "FreeRADIUS (PAP, CHAP) on 127.0.0.1:1812"

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = debug
control_socket = $WORK/fsrd.sock

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET

[portal]
listen = 127.0.0.1:2000
bas_ip = 10.77.0.1
aff_timeout = 0
walled_garden = 10.77.0.3
url = http://10.77.0.3/portal
ac_name = 0001.0755.200.00

[portal_server v2]
address = 127.0.0.1
version = 2
secret = $PSECRET

[portal_server v1]
address = 127.0.0.2
version = 1

[bss ap]
interface = wlan0
ssid = $SSID
channel = 1
security = wpa2-psk
passphrase = $PASS
portal = yes
END

# what an earlier fsrd left (replaced) and someone else's table (kept)
nft -f - <<END
table netdev fsrd_portal {
	chain stale { }
}
table inet fsr_test_other {
	chain c { }
}
END
defer "nft delete table inet fsr_test_other 2>/dev/null"
defer "nft delete table netdev fsrd_portal 2>/dev/null"
defer "nft delete table inet fsrd_portal 2>/dev/null"
defer "nft delete table bridge fsrd_portal 2>/dev/null"
start_fsrd
check "fsrd starts the AP" wait_for 15 fsrd_log_has "AP started"
check "fsrd listens for portal servers" \
	wait_for 5 fsrd_log_has "portal: listening on 127.0.0.1:2000"
check "fsrd made its nftables table" \
	fsrd_log_has "nftables table netdev fsrd_portal: 1 interface, walled garden of 3 prefixes"
nft list table netdev fsrd_portal > "$WORK/nft.txt" 2>&1
diag "$(cat "$WORK/nft.txt")"
check "... with an ingress chain on wlan0 and the walled garden" sh -c \
	"grep -q 'hook ingress device \"wlan0\"' '$WORK/nft.txt' &&
	 tr -d '\\n\\t' < '$WORK/nft.txt' |
	 grep -q 'elements = { 10.77.0.3, 127.0.0.1, *127.0.0.2 }'"
check "... which replaced the table left before (no chain 'stale')" \
	not grep -q stale "$WORK/nft.txt"
check "another table is untouched" nft list table inet fsr_test_other
ip addr add 10.77.0.1/24 dev wlan0
ip addr add 10.77.0.3/24 dev wlan0
client_netns cli wlan1
ip -n cli addr add 10.77.0.2/24 dev wlan1
ip -n cli addr add 10.77.0.9/24 dev wlan1
ip -n cli link set wlan1 up
STA_MAC=$(ip netns exec cli cat /sys/class/net/wlan1/address)
check "wpa_supplicant starts" start_wpa_psk cli wlan1 "$SSID" "$PASS"
check "the client associates" wait_for 30 wpa_connected cli wlan1
# the AP learns the client's address (its neighbour entry) through ARP,
# which passes before login
check "before login: the walled garden (10.77.0.3) answers" \
	ip netns exec cli ping -c 2 -i 0.2 -W 2 -I 10.77.0.2 10.77.0.3
reaches() {
	ip netns exec cli ping -c 2 -i 0.2 -W 1 -I "$1" "$2" > /dev/null 2>&1
}
check "before login: the AP (10.77.0.1) does not" not reaches 10.77.0.2 10.77.0.1
dropped() {
	nft list chain netdev fsrd_portal guard |
		sed -n 's/.*counter packets \([0-9]*\) .*drop.*/\1/p'
}
check "... dropped by fsrd's rule ($(dropped) packets)" \
	test "$(dropped)" -ge 2

# the captive redirect: a web server on the AP (10.77.0.1:80, not in the
# garden) and a real HTTP client in the station's namespace
mkdir -p "$WORK/www"
echo fsr-test-page > "$WORK/www/index.html"
python3 -m http.server 80 --bind 10.77.0.1 --directory "$WORK/www" \
	> "$WORK/www.log" 2>&1 &
defer "kill $!"
python3 -m http.server 8080 --bind 10.77.0.1 --directory "$WORK/www" \
	> "$WORK/www8080.log" 2>&1 &
defer "kill $!"
ip -n cli route add default via 10.77.0.1
check "fsrd answers redirected web requests" \
	fsrd_log_has "web requests before login get a 302 to http://10.77.0.3/portal"
cli_curl() {
	ip netns exec cli curl -s -m 10 -o "$WORK/curl.body" \
		-w '%{http_code} %{redirect_url}' "$@"
}
got=$(cli_curl 'http://192.0.2.80/some/page?x=1')
diag "curl http://192.0.2.80/some/page?x=1: $got"
want_mac=$(echo "$STA_MAC" | tr 'a-f:' 'A-F-')
check "before login: curl gets a 302 to the portal with the China Mobile parameters" \
	[ "$got" = "302 http://10.77.0.3/portal?wlanuserip=10.77.0.2&wlanacname=0001.0755.200.00&usermac=$want_mac&acip=10.77.0.1&ssid=fsrd-portal&url=http%3A%2F%2F192.0.2.80%2Fsome%2Fpage%3Fx%3D1" ]
got=$(cli_curl http://10.77.0.1/)
check "before login: the AP's own web server is not reached: a 302 ($got)" \
	sh -c "echo '$got' | grep -q '^302 http://10.77.0.3/portal?wlanuserip=10.77.0.2&' &&
		! grep -q fsr-test-page '$WORK/curl.body'"
check "... nor its server on port 8080 (dropped: curl times out)" \
	not ip netns exec cli curl -s -m 3 -o /dev/null http://10.77.0.1:8080/
cat > "$WORK/not_http.py" <<'END'
import socket
s = socket.create_connection(("192.0.2.80", 80), timeout=10)
s.sendall(b"\x16\x03\x01 not http\r\n\r\n")
print(s.recv(100).decode(errors="replace"))
END
check "a request that is not HTTP gets 400" \
	sh -c "ip netns exec cli python3 '$WORK/not_http.py' | grep -q '^HTTP/1.1 400'"
check "fsrctl portal show counts the redirects" \
	sh -c "\"$FSRCTL\" --socket $WORK/fsrd.sock -j portal show | grep -q '\"http_redirects\": *[2-9]'"
check "the inet table redirects and forwards nothing marked" \
	sh -c "nft list table inet fsrd_portal | grep -q 'redirect to :2080'"

pc() {
	python3 "$PC" "$@" > "$WORK/pc.out" 2>&1
	_pc=$?
	cat "$WORK/pc.out" >> "$WORK/pc.log"
	return $_pc
}

pc_says() {
	grep -q -- "$1" "$WORK/pc.out"
}

check "v2 CHAP login of alice succeeds (ACK_CHALLENGE, ACK_AUTH 0)" \
	pc -v 2 -s "$PSECRET" 10.77.0.2 chap alice wonderland
check "fsrd logged the login" \
	wait_for 5 fsrd_log_has "portal: 10.77.0.2 .* logged in as 'alice'"
check "FreeRADIUS checked CHAP" grep -q "Login OK: \[alice" "$FR_LOG"
check "after login: the AP answers" reaches 10.77.0.2 10.77.0.1
check "after login: curl reaches the AP's web server (200, its page)" \
	sh -c "[ \"\$(ip netns exec cli curl -s -m 10 -o '$WORK/curl.body' -w '%{http_code}' http://10.77.0.1/)\" = 200 ] &&
		grep -q fsr-test-page '$WORK/curl.body'"
check "... and its server on port 8080" \
	ip netns exec cli curl -s -m 10 -o /dev/null http://10.77.0.1:8080/
check "... the (MAC, address) pair is in the set" sh -c \
	"nft list set netdev fsrd_portal online | grep -q '$STA_MAC . 10.77.0.2'"
check "after login: another source address of the client does not pass" \
	not reaches 10.77.0.9 10.77.0.1
"$FSRCTL" --socket "$WORK/fsrd.sock" -j portal show > "$WORK/ps.json" 2>&1
diag "$(cat "$WORK/ps.json")"
check "fsrctl portal show: alice online at 10.77.0.2 with her MAC, CHAP, from v2" \
	python3 -c "
import json, sys
r = json.load(open('$WORK/ps.json'))
s = r['sessions']
assert r['running'] and len(s) == 1, r
s = s[0]
assert (s['user'], s['ip'], s['mac'], s['state'], s['auth'], s['server']) == \
	('alice', '10.77.0.2', '$STA_MAC', 'online', 'chap', 'v2'), s
assert r['counters']['logins'] >= 1
assert 'password' not in json.dumps(r) and 'challenge\"' not in json.dumps(r)
"
check "fsrctl portal show MAC of another station: no session" sh -c \
	"\"$FSRCTL\" --socket $WORK/fsrd.sock -j portal show 02:00:00:00:09:09 | grep -q '\"sessions\": *\[ *\]'"
# a second client on the BSS, not logged in: a portal BSS isolates its
# stations (mac80211 relays nothing between them past the rules)
client_netns cli2 wlan2
ip -n cli2 addr add 10.77.0.4/24 dev wlan2
ip -n cli2 link set wlan2 up
check "a second client starts" start_wpa_psk cli2 wlan2 "$SSID" "$PASS"
check "... and associates" wait_for 30 wpa_connected cli2 wlan2
check "... it cannot reach the logged-in client" \
	not ip netns exec cli2 ping -c 2 -i 0.2 -W 1 10.77.0.2
check "... nor the logged-in client it (no relay between stations)" \
	not reaches 10.77.0.2 10.77.0.4
check "fsrd isolated the portal BSS's stations" \
	fsrd_log_has "Portal (stations isolated)"
ip netns exec cli2 wpa_cli -p "$WORK/wpa-ctrl" -i wlan2 terminate > /dev/null 2>&1
check "a REQ_CHALLENGE for a user online gets ErrCode 2" \
	not pc -v 2 -s "$PSECRET" 10.77.0.2 challenge
check "... it says so" pc_says "type=2 err=2"
check "v2 logout (ACK_LOGOUT 0)" pc -v 2 -s "$PSECRET" 10.77.0.2 logout
check "fsrd logged the logout" \
	wait_for 5 fsrd_log_has "'alice' logged out: logout"
check "after logout: the AP does not answer" not reaches 10.77.0.2 10.77.0.1
check "... the set is empty" sh -c \
	"! nft list set netdev fsrd_portal online | grep -q elements"

check "v2 CHAP login with a wrong password is rejected" \
	not pc -v 2 -s "$PSECRET" 10.77.0.2 chap alice wrong
check "... ACK_AUTH ErrCode 1 with a TextInfo" pc_says "type=4 err=1 reqid=[0-9]* text=[^-]"

check "v1 PAP login of alice from the v1 server succeeds" \
	pc -v 1 -b 127.0.0.2 10.77.0.2 pap alice wonderland
check "v1 logout" pc -v 1 -b 127.0.0.2 10.77.0.2 logout

before=$(grep -c "Login OK: \[alice" "$FR_LOG")
check "a PAP REQ_AUTH sent twice gets the same answer" \
	pc -v 1 -b 127.0.0.2 10.77.0.2 resend-auth alice wonderland
check "... and one RADIUS exchange" \
	test "$(grep -c "Login OK: \[alice" "$FR_LOG")" -eq $((before + 1))
pc -v 1 -b 127.0.0.2 10.77.0.2 logout

check "REQ_AUTH without a challenge gets ErrCode 4" \
	not pc -v 2 -s "$PSECRET" 10.77.0.2 auth-no-challenge alice
check "... it says so" pc_says "type=4 err=4"
check "REQ_CHALLENGE for an address no station has gets ErrCode 4" \
	not pc -v 2 -s "$PSECRET" 10.77.0.99 challenge
check "... it says so" pc_says "type=2 err=4"
check "a wrong shared secret gets no answer" \
	pc -t 2 -v 2 -s wrong-secret 10.77.0.2 silent-challenge
check "... logged as a bad Authenticator" \
	wait_for 5 fsrd_log_has "bad_authenticator"
check "a v1 packet to the v2 server gets no answer" \
	pc -t 2 -v 1 10.77.0.2 silent-challenge
check "... logged as a bad version" wait_for 5 fsrd_log_has "bad_version"
check "a truncated packet gets no answer" \
	pc -t 2 -v 2 10.77.0.2 raw 020100001234
check "... logged as malformed" wait_for 5 fsrd_log_has "malformed"
check "a packet from an address that is no portal server gets no answer" \
	pc -t 2 -b 127.0.0.3 -v 2 -s "$PSECRET" 10.77.0.2 silent-challenge
check "... logged" wait_for 5 fsrd_log_has "not a \[portal_server\]"

check "after all that, CHAP login still works" \
	pc -v 2 -s "$PSECRET" 10.77.0.2 chap alice wonderland
check "... the AP answers" reaches 10.77.0.2 10.77.0.1

# reload: which BSSes are portal BSSes cannot change live
sed 's/^portal = yes/portal = no/' "$WORK/fsrd.conf" > "$WORK/fsrd.conf.new"
cp "$WORK/fsrd.conf" "$WORK/fsrd.conf.orig"
cp "$WORK/fsrd.conf.new" "$WORK/fsrd.conf"
kill -HUP "$FSRD_PID"
check "a reload that drops portal = yes is refused" \
	wait_for 10 fsrd_log_has "reload refused: .*portal = yes"
cp "$WORK/fsrd.conf.orig" "$WORK/fsrd.conf"
check "... the session and its rule stay" reaches 10.77.0.2 10.77.0.1

# the administrator ends the session
check "fsrctl portal logout MAC ends alice's session" \
	sh -c "\"$FSRCTL\" --socket $WORK/fsrd.sock portal logout $STA_MAC | grep -q 'logged out 1 session'"
check "... fsrd logged it" fsrd_log_has "ended by fsrctl"
check "... the AP does not answer any more" not reaches 10.77.0.2 10.77.0.1
check "fsrctl portal logout of a station without a session fails (exit 1)" \
	sh -c "\"$FSRCTL\" --socket $WORK/fsrd.sock portal logout $STA_MAC; test \$? -eq 1"
check "she logs in again" \
	pc -v 2 -s "$PSECRET" 10.77.0.2 chap alice wonderland

# the client leaves: its session ends (NTF_LOGOUT to the portal) and the
# rule goes
ip netns exec cli wpa_cli -p "$WORK/wpa-ctrl" -i wlan1 disconnect > /dev/null 2>&1
check "the client leaves: fsrd ends its session" \
	wait_for 10 fsrd_log_has "logged out: ac-logout"
check "... and its pair is gone from the set" sh -c \
	"! nft list set netdev fsrd_portal online | grep -q elements"
check "fsrd still runs" kill -0 "$FSRD_PID"
fsrd_sigterm
check "the table is gone at stop" not nft list table netdev fsrd_portal
check "... and the redirect's tables too" sh -c \
	"! nft list table inet fsrd_portal && ! nft list table bridge fsrd_portal"
check "another table is still there" nft list table inet fsr_test_other
diag "$(tail -n 20 "$WORK/pc.log")"
check "dmesg clean" dmesg_clean
tap_finish
