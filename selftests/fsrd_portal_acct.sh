#!/bin/sh
# Portal sessions after the login (issue 15, item 4): RADIUS accounting,
# the Access-Accept's Session-Timeout and Idle-Timeout, and RADIUS
# Disconnect-Requests. fsrd runs a WPA2-PSK BSS with portal = yes, an
# accounting server and a DAS (FreeRADIUS and radclient, both real); a
# real wpa_supplicant client logs in through the test's portal server
# (selftests/portal_client.py), which also takes the AC's NTF_LOGOUTs and
# acknowledges them.
#  - a login: Accounting Start (User-Name, Framed-IP-Address, an
#    Acct-Session-Id of its own);
#  - a Disconnect-Request naming it (User-Name + Framed-IP-Address, or
#    the Acct-Session-Id): Disconnect-ACK, NTF_LOGOUT to the portal,
#    traffic blocked, Stop with Admin-Reset and the octets the ping made;
#  - a Disconnect-Request naming no session: Disconnect-NAK 503; one with
#    a malformed Calling-Station-Id: NAK 404;
#  - Session-Timeout = 8 from FreeRADIUS: the session ends by itself
#    (NTF_LOGOUT, Stop with Session-Timeout); Idle-Timeout = 4 with an
#    idle client: Stop with Idle-Timeout;
#  - the reconnect store (reconnect_timeout = 30): the client leaves and
#    comes back: its session resumes with no login (no portal exchange,
#    no Access-Request, no new Start or Stop); it leaves for longer: the
#    session ends (NTF_LOGOUT, Stop with Lost-Carrier) and it must log in
#    again.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
require_root
require_cmd wpa_supplicant wpa_cli ping freeradius radclient python3 nft
if [ ! -x "$FSRD" ]; then
	echo "1..0 # SKIP build/bin/fsrd missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-portal-acct
PASS=portal-passphrase-1
SECRET=radius-s3cret
PSECRET=portal-s3cret
DAS_SECRET=portal-das-s3cret
PC=$SELFTESTS/portal_client.py
ip link set lo up 2>/dev/null

load_radios 2 || { fail "load radios"; tap_finish; }
radius_lab "$SECRET" 'carol	Cleartext-Password := "wonderland"
	Session-Timeout = 8
dave	Cleartext-Password := "wonderland"
	Idle-Timeout = 4'
DETAIL=$WORK/raddb/acct/detail
pass "FreeRADIUS (CHAP, accounting) on 127.0.0.1:1812/1813"

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = debug
control_socket = $WORK/fsrd.sock

[radius]
das_listen = 127.0.0.1:3799

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET

[acct_server lab]
address = 127.0.0.1:1813
secret = $SECRET

[das_client lab]
address = 127.0.0.1
secret = $DAS_SECRET

[portal]
listen = 127.0.0.1:2000
bas_ip = 10.77.0.1
aff_timeout = 0
walled_garden = 10.77.0.3
reconnect_timeout = 30

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
start_fsrd
check "fsrd starts the AP" wait_for 15 fsrd_log_has "AP started"
check "fsrd listens for portal servers" \
	wait_for 5 fsrd_log_has "portal: listening on 127.0.0.1:2000"
ip addr add 10.77.0.1/24 dev wlan0
ip addr add 10.77.0.3/24 dev wlan0
client_netns cli wlan1
# no IPv6 chatter: the Idle-Timeout check wants an idle client
ip netns exec cli sysctl -qw net.ipv6.conf.all.disable_ipv6=1
ip -n cli addr add 10.77.0.2/24 dev wlan1
ip -n cli link set wlan1 up
STA_MAC=$(ip netns exec cli cat /sys/class/net/wlan1/address)
check "wpa_supplicant starts" start_wpa_psk cli wlan1 "$SSID" "$PASS"
check "the client associates" wait_for 30 wpa_connected cli wlan1
check "the walled garden answers (the AP learns the client's address)" \
	ip netns exec cli ping -c 2 -i 0.2 -W 2 -I 10.77.0.2 10.77.0.3

reaches() {
	ip netns exec cli ping -c 3 -i 0.2 -W 1 -I 10.77.0.2 10.77.0.1 \
		> /dev/null 2>&1
}
pc() {
	python3 "$PC" -v 2 -s "$PSECRET" "$@" > "$WORK/pc.out" 2>&1
	_pc=$?
	cat "$WORK/pc.out" >> "$WORK/pc.log"
	return $_pc
}
# ntf_listen: the portal waits for an NTF_LOGOUT of 10.77.0.2
ntf_listen() {
	: > "$WORK/ntf.out"
	python3 "$PC" -v 2 -s "$PSECRET" -t 70 10.77.0.2 ntf \
		> "$WORK/ntf.out" 2>&1 &
	NTF_PID=$!
	wait_for 10 grep -q listening "$WORK/ntf.out"
}
ntf_got() {
	wait "$NTF_PID"
	_r=$?
	diag "portal: $(tail -n 1 "$WORK/ntf.out")"
	[ $_r -eq 0 ] && grep -q "^ntf err=0 text=$1" "$WORK/ntf.out"
}
das() {
	radclient -r 1 -t 3 -x 127.0.0.1:3799 disconnect "$DAS_SECRET" \
		> "$WORK/radclient.out" 2>&1
	diag "$(grep -E 'Received|Error-Cause' "$WORK/radclient.out")"
}
# the record of the last Accounting-Request of a type in the detail file
last_acct() {
	awk -v t="$1" 'BEGIN { RS = "" } $0 ~ "Acct-Status-Type = " t { c = $0 } END { print c }' \
		"$DETAIL" 2>/dev/null
}
acct_has() {
	last_acct "$1" | grep -q "$2"
}
n_acct() {
	grep -c "Acct-Status-Type = $1" "$DETAIL" 2>/dev/null
}

# --- login: Accounting Start ---------------------------------------------
check "alice logs in (CHAP)" pc 10.77.0.2 chap alice wonderland
check "... and reaches the AP" reaches
check "Accounting Start for alice" wait_for 10 acct_has Start 'User-Name = "alice"'
last_acct Start > "$WORK/start.txt"
diag "$(cat "$WORK/start.txt")"
check "... with Framed-IP-Address 10.77.0.2" \
	grep -q "Framed-IP-Address = 10.77.0.2" "$WORK/start.txt"
check "... with the client's Calling-Station-Id" \
	grep -qi "Calling-Station-Id = \"$(echo "$STA_MAC" | tr : -)\"" "$WORK/start.txt"
ASID=$(sed -n 's/.*Acct-Session-Id = "\(P[0-9A-F-]*\)".*/\1/p' "$WORK/start.txt")
check "... with an Acct-Session-Id of its own ($ASID)" test -n "$ASID"

# --- REQ_INFO: the flux and port of an online user ------------------------
ip netns exec cli ping -c 10 -i 0.05 -s 1400 -W 1 -I 10.77.0.2 10.77.0.1 \
	> /dev/null 2>&1
check "REQ_INFO for alice: ACK_INFO ErrCode 0" pc 10.77.0.2 info
diag "$(cat "$WORK/pc.out")"
info_ok() {
	_up=$(sed -n 's/^info up=\([0-9]*\) .*/\1/p' "$WORK/pc.out")
	[ "${_up:-0}" -ge 10 ] &&
		grep -q "port=wlan0@$SSID$" "$WORK/pc.out"
}
check "... UpLinkFlux at least the 14 KB pinged (in KB), Port wlan0@$SSID" info_ok
check "REQ_INFO for an address not online: refused" not pc 10.77.0.9 info

# --- Disconnect-Requests ---------------------------------------------------
printf 'User-Name = "mallory"\n' | das
check "Disconnect-Request for a user with no session: NAK" \
	grep -q "Received Disconnect-NAK" "$WORK/radclient.out"
check "... Error-Cause Session-Context-Not-Found" \
	grep -q "Session-Context-Not-Found" "$WORK/radclient.out"
printf 'Calling-Station-Id = "02-00-00-00-01"\n' | das
check "Disconnect-Request with a malformed Calling-Station-Id: NAK Invalid-Request" \
	grep -q "Invalid-Request" "$WORK/radclient.out"
printf 'User-Name = "alice"\nFramed-IP-Address = 10.77.0.9\n' | das
check "Disconnect-Request with alice but another address: NAK, alice stays" \
	sh -c "grep -q 'Received Disconnect-NAK' '$WORK/radclient.out'"
check "... and still reaches the AP" reaches
ntf_listen
printf 'User-Name = "alice"\nFramed-IP-Address = 10.77.0.2\n' | das
check "Disconnect-Request (User-Name, Framed-IP-Address): Disconnect-ACK" \
	grep -q "Received Disconnect-ACK" "$WORK/radclient.out"
check "the portal gets NTF_LOGOUT (v2 Authenticator checked) and ACKs it" \
	ntf_got "RADIUS Disconnect-Request"
check "alice no longer reaches the AP" not reaches
check "Accounting Stop: Acct-Terminate-Cause Admin-Reset" \
	wait_for 10 acct_has Stop "Acct-Terminate-Cause = Admin-Reset"
last_acct Stop > "$WORK/stop.txt"
diag "$(grep -E 'Octets|Packets|Session-Time|Session-Id' "$WORK/stop.txt" | tr -s '\t\n' ' ')"
check "... the same Acct-Session-Id as the Start" \
	grep -q "Acct-Session-Id = \"$ASID\"" "$WORK/stop.txt"
in_oct=$(sed -n 's/.*Acct-Input-Octets = \([0-9]*\).*/\1/p' "$WORK/stop.txt")
check "... with the octets of the pings ($in_oct in)" \
	test "${in_oct:-0}" -ge 252
check "fsrd acknowledged ACK_NTF_LOGOUT" \
	wait_for 5 sh -c "\"$FSRCTL\" --socket $WORK/fsrd.sock -j portal show | grep -q '\"ntf_acked\": *[1-9]'"

check "alice logs in again" pc 10.77.0.2 chap alice wonderland
check "... a new Start" wait_for 10 sh -c "[ \$(grep -c 'Acct-Status-Type = Start' '$DETAIL') -eq 2 ]"
ASID2=$(last_acct Start | sed -n 's/.*Acct-Session-Id = "\(P[0-9A-F-]*\)".*/\1/p')
check "... with a new Acct-Session-Id ($ASID2)" \
	sh -c "[ -n '$ASID2' ] && [ '$ASID2' != '$ASID' ]"
# the portal answers this NTF_LOGOUT too: unanswered, fsrd would send
# it again while the next case listens
ntf_listen
printf 'Acct-Session-Id = "%s"\n' "$ASID2" | das
check "Disconnect-Request by Acct-Session-Id: Disconnect-ACK" \
	grep -q "Received Disconnect-ACK" "$WORK/radclient.out"
check "... the portal gets NTF_LOGOUT and ACKs it" \
	ntf_got "RADIUS Disconnect-Request"
check "... alice is out" not reaches

# --- Session-Timeout and Idle-Timeout from the Access-Accept --------------
ntf_listen
check "carol logs in (Session-Timeout = 8)" pc 10.77.0.2 chap carol wonderland
check "... and reaches the AP" reaches
check "fsrd ends carol's session after its Session-Timeout" \
	wait_for 40 fsrd_log_has "10.77.0.2: Session-Timeout: the session ends"
check "the portal gets NTF_LOGOUT (Session-Timeout)" ntf_got "Session-Timeout"
check "Accounting Stop: Acct-Terminate-Cause Session-Timeout" \
	wait_for 10 acct_has Stop "Acct-Terminate-Cause = Session-Timeout"
check "carol no longer reaches the AP" not reaches

check "dave logs in (Idle-Timeout = 4)" pc 10.77.0.2 chap dave wonderland
# the portal acknowledges its NTF_LOGOUT, or the AC sends it again with
# back-off for 31 s and the next listener below would get it
ntf_listen
check "fsrd ends dave's session when the client stays idle" \
	wait_for 60 fsrd_log_has "10.77.0.2: Idle-Timeout: the session ends"
check "the portal gets NTF_LOGOUT (Idle-Timeout)" ntf_got "Idle-Timeout"
check "Accounting Stop: Acct-Terminate-Cause Idle-Timeout" \
	wait_for 10 acct_has Stop "Acct-Terminate-Cause = Idle-Timeout"

# --- the reconnect store ------------------------------------------------------
wpa() {
	ip netns exec cli wpa_cli -p "$WORK/wpa-ctrl" -i wlan1 "$@" > /dev/null 2>&1
}
portal_state() {
	"$FSRCTL" --socket "$WORK/fsrd.sock" -j portal show 2>/dev/null |
		python3 -c 'import json, sys; s = [x for x in json.load(sys.stdin)["sessions"] if x["ip"] == "10.77.0.2"]; print(s[0]["state"] if s else "none")'
}
state_is() {
	[ "$(portal_state)" = "$1" ]
}
one_session() {
	[ "$reqs" -eq "$(radius_access_requests "$FR_LOG")" ] &&
		[ "$starts" -eq "$(grep -c 'Acct-Status-Type = Start' "$DETAIL")" ] &&
		[ "$stops" -eq "$(grep -c 'Acct-Status-Type = Stop' "$DETAIL")" ]
}
check "alice logs in once more" pc 10.77.0.2 chap alice wonderland
check "... and reaches the AP" reaches
starts=$(n_acct Start)
stops=$(n_acct Stop)
reqs=$(radius_access_requests "$FR_LOG")
wpa disconnect
check "the client leaves: fsrd keeps alice's session for its return" \
	wait_for 15 fsrd_log_has "'alice' left: session kept 30 s for its return"
check "... fsrctl portal show: away" state_is away
wpa reconnect
check "the client comes back" wait_for 30 wpa_connected cli wlan1
check "fsrd resumes the session without a login" \
	wait_for 10 fsrd_log_has "portal: 10.77.0.2 back within the reconnect timeout: session of 'alice' resumed, no login"
check "... it reaches the AP at once" wait_for 10 reaches
check "... online again" state_is online
check "... no Access-Request, no new Start, no Stop: one session" one_session
ntf_listen
wpa disconnect
check "the client leaves for longer than the reconnect timeout: the session ends" \
	wait_for 60 fsrd_log_has "'alice' logged out: reconnect-timeout"
check "the portal gets NTF_LOGOUT" \
	ntf_got "the station did not come back within the reconnect timeout"
check "Accounting Stop: Acct-Terminate-Cause Lost-Carrier" \
	wait_for 10 acct_has Stop "Acct-Terminate-Cause = Lost-Carrier"
wpa reconnect
check "the client comes back later" wait_for 30 wpa_connected cli wlan1
check "... and must log in again (no traffic passes)" not reaches
check "fsrd counted the Disconnect-Requests" \
	sh -c "\"$FSRCTL\" --socket $WORK/fsrd.sock -j auth show | grep -q '\"das_disconnect\": *2'"

fsrd_sigterm
check "dmesg clean" dmesg_clean
tap_finish
