#!/bin/sh
# SIGHUP reloads fsrd's configuration without a restart (issue 13 item 7):
# a real wpa_supplicant stays associated and passes traffic through an
# unchanged BSS while a BSS is added by a reload, a bad file is refused
# with its file:line and the running configuration stays, a change that
# cannot be taken live (the control socket) is refused with the reason,
# a changed passphrase ends the session made with the old one (the client
# comes back only with the new one), a removed BSS stops; then RADIUS by
# reload (issue 13 items 7 and 14): a first 802.1X BSS added with its
# RADIUS server (FreeRADIUS "one"), an 802.1X client (PEAP) authenticated
# there; the server changed to another FreeRADIUS ("two", another port
# and secret) by SIGHUP while both clients stay associated; "one" is
# stopped, and the 802.1X client's next authentication goes to "two"
# with its secret, still without a new association. The same fsrd
# process all along, and SIGTERM still exits 0.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw ping freeradius openssl
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi

SSID=fsrd-reload
PASS=reload-passphrase-1
PASS2=reload-passphrase-2
SOCK=$WORK/fsrd.sock

load_radios 4 || { fail "load radios"; tap_finish; }

# conf [EXTRA-SECTION-FILE] [PASSPHRASE] [GLOBAL-LINE]: the configuration
# with BSS a
conf() {
	cat > "$WORK/fsrd.conf.new" <<END
[global]
log_level = info
control_socket = $SOCK
${3:-}

[bss a]
interface = wlan0
ssid = $SSID
channel = 1
security = wpa2-psk
passphrase = ${2:-$PASS}
END
	[ -n "${1:-}" ] && cat "$1" >> "$WORK/fsrd.conf.new"
	mv "$WORK/fsrd.conf.new" "$WORK/fsrd.conf"
}

cat > "$WORK/bss-b.conf" <<END

[bss b]
interface = wlan1
ssid = fsrd-reload-b
channel = 1
security = wpa2-psk
passphrase = another-passphrase
END

conf
start_fsrd
PID0=$FSRD_PID
check "fsrd starts BSS a" wait_for 15 fsrd_log_has "bss a: AP started"
ip addr add 10.79.0.1/24 dev wlan0
client_netns cli wlan2
ip -n cli addr add 10.79.0.2/24 dev wlan2
start_wpa_psk cli wlan2 "$SSID" "$PASS"
check "a WPA2-PSK client connects" wait_for 40 wpa_connected cli wlan2
check "ping through BSS a" ip netns exec cli ping -c 2 -i 0.2 -W 2 10.79.0.1

connects() {
	grep -c "CTRL-EVENT-CONNECTED" "$WORK/wpa-wlan2.log"
}
reloads() {
	fsrd_log_count "configuration reloaded from"
}
c0=$(connects)

# --- a BSS added ---------------------------------------------------------------
conf "$WORK/bss-b.conf"
kill -HUP "$FSRD_PID"
check "SIGHUP with BSS b added: reloaded, a kept, b started" \
	wait_for 15 fsrd_log_has "1 BSS kept, 0 stopped, 1 started"
check "BSS b comes up on wlan1" wait_for 15 fsrd_log_has "bss b: AP started"
wlan1_ap() {
	iw dev wlan1 info 2>/dev/null | grep -q "type AP"
}
two_bss() {
	[ "$("$FSRCTL" --socket "$SOCK" -j bss show |
		grep -o '"wlan[01]"' | sort -u | wc -l)" -eq 2 ]
}
stayed() {
	wpa_connected cli wlan2 && [ "$(connects)" -eq "$c0" ]
}
check "wlan1 is an AP" wait_for 10 wlan1_ap
check "fsrctl bss show lists both BSSes" two_bss
check "the client stayed associated (no new connection)" stayed
check "ping through BSS a after the reload" \
	ip netns exec cli ping -c 2 -i 0.2 -W 2 10.79.0.1

# --- a bad file ----------------------------------------------------------------
cp "$WORK/fsrd.conf" "$WORK/fsrd.conf.good"
printf '\n[bss c]\ninterface = wlan9\nchannel = 99\n' >> "$WORK/fsrd.conf"
r1=$(reloads)
kill -HUP "$FSRD_PID"
check "a bad file is refused with file:line, the running configuration stays" \
	wait_for 15 fsrd_log_has "reload refused: $WORK/fsrd.conf:[0-9]*: .*the running configuration stays"
check "nothing was reloaded" [ "$(reloads)" -eq "$r1" ]
check "fsrd is alive, both BSSes still run" two_bss
check "ping through BSS a after the refused reload" \
	ip netns exec cli ping -c 2 -i 0.2 -W 2 10.79.0.1

# --- a change that cannot be taken live ------------------------------------------
sed "s|^control_socket = .*|control_socket = $WORK/other.sock|" \
	"$WORK/fsrd.conf.good" > "$WORK/fsrd.conf"
kill -HUP "$FSRD_PID"
check "a new control_socket is refused with the reason" \
	wait_for 15 fsrd_log_has "reload refused: .*control_socket changed"
ctl_answers() {
	"$FSRCTL" --socket "$SOCK" bss show > /dev/null
}
check "the control socket still answers" ctl_answers

# --- a changed passphrase ends the old session -----------------------------------
conf "$WORK/bss-b.conf" "$PASS2"
kill -HUP "$FSRD_PID"
if wait_for 15 fsrd_log_has "1 BSS kept, 1 stopped, 1 started"; then
	pass "SIGHUP with a's passphrase changed: a restarted, b kept"
else
	fail "SIGHUP with a's passphrase changed: a restarted, b kept"
	diag "$(grep -v 'debug:' "$FSRD_LOG" | tail -n 30)"
fi
check "the session made with the old passphrase ended" \
	wait_for 10 fsrd_log_has "disconnected.*BSS settings changed by a reload"
sleep 3
check "the client cannot come back with the old passphrase" \
	not wpa_connected cli wlan2
ip netns exec cli wpa_cli -p "$WORK/wpa-ctrl" -i wlan2 set_network 0 psk "\"$PASS2\"" > /dev/null
ip netns exec cli wpa_cli -p "$WORK/wpa-ctrl" -i wlan2 enable_network 0 > /dev/null
ip netns exec cli wpa_cli -p "$WORK/wpa-ctrl" -i wlan2 reassociate > /dev/null
if wait_for 40 wpa_connected cli wlan2; then
	pass "with the new passphrase it connects"
else
	fail "with the new passphrase it connects"
	diag "$(grep -v 'debug:' "$FSRD_LOG" | tail -n 30)"
	diag "$(tail -n 30 "$WORK/wpa-wlan2.log")"
fi
check "ping through BSS a with the new passphrase" \
	ip netns exec cli ping -c 2 -i 0.2 -W 2 10.79.0.1
c0=$(connects)

# --- a BSS removed -----------------------------------------------------------------
conf "" "$PASS2"
kill -HUP "$FSRD_PID"
check "SIGHUP with b removed: a kept, b stopped" \
	wait_for 15 fsrd_log_has "1 BSS kept, 1 stopped, 0 started"
check "wlan1 is no AP any more" wait_for 10 not wlan1_ap
check "the client stayed associated to a" stayed

# --- RADIUS: a first 802.1X BSS, then its server changed by SIGHUP ------------
ip link set lo up 2>/dev/null
check "test CA, server and client certificates" radius_certs "$WORK/certs"
radius_conf "$WORK/raddb1" radius-secret-one 1812 1813 "$WORK/certs"
radius_conf "$WORK/raddb2" radius-secret-two 1912 1913 "$WORK/certs"
if radius_start "$WORK/raddb1" "$WORK/radius1.log"; then
	R1_PID=$RADIUS_PID
	defer "kill $R1_PID"
	pass "FreeRADIUS one on 127.0.0.1:1812"
else
	fail "FreeRADIUS one on 127.0.0.1:1812"
	diag "$(tail -n 20 "$WORK/radius1.log")"
fi
if radius_start "$WORK/raddb2" "$WORK/radius2.log"; then
	R2_PID=$RADIUS_PID
	defer "kill $R2_PID"
	pass "FreeRADIUS two on 127.0.0.1:1912 (another secret)"
else
	fail "FreeRADIUS two on 127.0.0.1:1912 (another secret)"
	diag "$(tail -n 20 "$WORK/radius2.log")"
fi

# eap_conf NAME PORT SECRET [GLOBAL-LINE]: BSS c (wpa2-eap on wlan1)
# with one server
eap_conf() {
	cat > "$WORK/bss-c.conf" <<END

[radius]
timeout = 2000
retries = 2

[auth_server $1]
address = 127.0.0.1:$2
secret = $3

[acct_server $1]
address = 127.0.0.1:$(($2 + 1))
secret = $3

[bss c]
interface = wlan1
ssid = fsrd-reload-eap
channel = 1
security = wpa2-eap
END
	conf "$WORK/bss-c.conf" "$PASS2" "${4:-}"
}
eap_conf one 1812 radius-secret-one
kill -HUP "$FSRD_PID"
if wait_for 15 fsrd_log_has "1 BSS kept, 0 stopped, 1 started"; then
	pass "SIGHUP with a first 802.1X BSS and its RADIUS server: c started, a kept"
else
	fail "SIGHUP with a first 802.1X BSS and its RADIUS server: c started, a kept"
	diag "$(grep -v 'debug:' "$FSRD_LOG" | tail -n 20)"
fi
check "the RADIUS service started with the reload" \
	fsrd_log_has "RADIUS started: 1 authentication server(s), 1 accounting server(s)"
check "Accounting-On reached server one" \
	wait_for 10 grep -q "Acct-Status-Type = Accounting-On" "$WORK/raddb1/acct/detail"

ip addr add 10.79.1.1/24 dev wlan1
client_netns cli2 wlan3
ip -n cli2 addr add 10.79.1.2/24 dev wlan3
cat > "$WORK/wpa-eap.conf" <<END
ctrl_interface=$WORK/wpa-ctrl
network={
	ssid="fsrd-reload-eap"
	key_mgmt=WPA-EAP
	eap=PEAP
	identity="alice"
	password="wonderland"
	phase2="auth=MSCHAPV2"
	ca_cert="$WORK/certs/ca.pem"
	scan_freq=2412
}
END
ip netns exec cli2 wpa_supplicant -B -i wlan3 -c "$WORK/wpa-eap.conf" \
	-P "$WORK/wpa-eap.pid" -f "$WORK/wpa-eap.log"
defer "kill \$(cat $WORK/wpa-eap.pid)"
eap_ok() {
	grep -c "CTRL-EVENT-EAP-SUCCESS" "$WORK/wpa-eap.log"
}
eap_connects() {
	grep -c "CTRL-EVENT-CONNECTED" "$WORK/wpa-eap.log"
}
check "the 802.1X client connects to c (PEAP, server one)" \
	wait_for 60 wpa_connected cli2 wlan3
check "... server one authenticated it" \
	[ "$(radius_access_requests "$WORK/radius1.log")" -gt 0 ]
check "ping through BSS c" wait_for 10 \
	ip netns exec cli2 ping -c 2 -i 0.2 -W 2 10.79.1.1
e0=$(eap_ok)
k0=$(eap_connects)
c0=$(connects)
two0=$(radius_access_requests "$WORK/radius2.log")
renewed() {
	fsrd_log_count "RADIUS renewed by the reload"
}
n0=$(renewed)

# the same reload changes an 802.1X setting (was 3600 s, applies from
# the next authentication)
eap_conf two 1912 radius-secret-two "eap_reauth_period = 1800"
kill -HUP "$FSRD_PID"
check "SIGHUP with server one replaced by two and eap_reauth_period changed: a and c kept" \
	wait_for 15 fsrd_log_has "2 BSS kept, 0 stopped, 0 started"
check "the RADIUS client renewed, not restarted" \
	[ "$(renewed)" -eq $((n0 + 1)) ]
auth_servers() {
	"$FSRCTL" --socket "$SOCK" -j auth show > "$WORK/auth.json" &&
		python3 -c "import json,sys; d=json.load(open(sys.argv[1])); s=d['auth_servers'] + d['acct_servers']; sys.exit(0 if [x['name'] for x in s] == ['two', 'two'] and s[0]['address'] == '127.0.0.1:1912' and s[1]['address'] == '127.0.0.1:1913' else 1)" "$WORK/auth.json"
}
check "fsrctl auth show lists server two, not one" auth_servers
eap_stayed() {
	wpa_connected cli2 wlan3 && [ "$(eap_connects)" -eq "$k0" ]
}
check "the 802.1X client stayed associated" eap_stayed
check "the PSK client stayed associated" stayed
check "ping through BSS c after the server change" \
	ip netns exec cli2 ping -c 2 -i 0.2 -W 2 10.79.1.1

# server one goes away: the next authentication must use two
check "FreeRADIUS one stopped" radius_stop "$R1_PID"
ip netns exec cli2 wpa_cli -p "$WORK/wpa-ctrl" -i wlan3 reauthenticate > /dev/null
reauth_two() {
	[ "$(eap_ok)" -gt "$e0" ] &&
		[ "$(radius_access_requests "$WORK/radius2.log")" -gt "$two0" ]
}
if wait_for 60 reauth_two; then
	pass "the client's reauthentication succeeds at server two (its secret)"
else
	fail "the client's reauthentication succeeds at server two (its secret)"
	diag "$(grep -v 'debug:' "$FSRD_LOG" | tail -n 30)"
	diag "$(tail -n 30 "$WORK/radius2.log")"
fi
check "... without a new association" eap_stayed
check "... with the reloaded eap_reauth_period (1800 s, was 3600 s)" \
	fsrd_log_has "EAP-Success sent, MSK derived (reauthentication in 1800 s)"
check "ping through BSS c after the reauthentication" wait_for 10 \
	ip netns exec cli2 ping -c 2 -i 0.2 -W 2 10.79.1.1
check "the PSK client is still there" stayed

check "the same fsrd process all along" \
	sh -c "kill -0 $PID0 && [ $FSRD_PID -eq $PID0 ]"
fsrd_sigterm
check "Accounting-Off reached server two at the clean stop" \
	wait_for 10 grep -q "Acct-Status-Type = Accounting-Off" "$WORK/raddb2/acct/detail"
tap_finish
