#!/bin/sh
# SIGHUP reloads fsrd's configuration without a restart (issue 13 item 7):
# a real wpa_supplicant stays associated and passes traffic through an
# unchanged BSS while a BSS is added by a reload, a bad file is refused
# with its file:line and the running configuration stays, a change that
# cannot be taken live (the control socket) is refused with the reason,
# a changed passphrase ends the session made with the old one (the client
# comes back only with the new one), a removed BSS stops; the same fsrd
# process all along, and SIGTERM still exits 0.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw ping
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi

SSID=fsrd-reload
PASS=reload-passphrase-1
PASS2=reload-passphrase-2
SOCK=$WORK/fsrd.sock

load_radios 3 || { fail "load radios"; tap_finish; }

# conf [EXTRA-SECTION-FILE] [PASSPHRASE]: the configuration with BSS a
conf() {
	cat > "$WORK/fsrd.conf.new" <<END
[global]
log_level = info
control_socket = $SOCK

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
check "the same fsrd process all along" \
	sh -c "kill -0 $PID0 && [ $FSRD_PID -eq $PID0 ]"
fsrd_sigterm
tap_finish
