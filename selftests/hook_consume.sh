#!/bin/sh
# The hook's contract, with a test handler (hook_probe/): frames are offered
# to the registered handler; PASS changes nothing for hostapd; CONSUMED takes
# the frame away from hostapd (here: every Authentication frame, so no client
# can associate); only one handler can be registered, so fsr.ko cannot load
# while another handler holds the hook; unregistering is clean.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd hostapd wpa_supplicant wpa_cli iw
dmesg_mark

P=/sys/module/mac80211_offload_probe/parameters
load_radios 2 || { fail "load radios"; tap_finish; }
check "hostapd starts a WPA2-PSK BSS on wlan0" start_hostapd_psk wlan0 fsr-hook passphrase-1234
client_netns cli wlan1
check "the test handler registers (a second registration is refused)" \
	lab_modprobe mac80211_offload_probe
check "fsr.ko cannot take the hook while another handler holds it" \
	not lab_modprobe -q fsr
start_wpa_psk cli wlan1 fsr-hook passphrase-1234
check "a client associates while the handler passes every frame" \
	wait_for 60 wpa_connected cli wlan1
a=$(cat $P/auth)
b=$(cat $P/assoc)
check "the handler was offered the Authentication ($a) and Association Request ($b)" \
	[ "$a" -ge 1 -a "$b" -ge 1 ]

wpas() {
	ip netns exec cli wpa_cli -p "$WORK/wpa-ctrl" -i wlan1 "$@" >/dev/null
}
echo 1 > $P/drop_auth
wpas disconnect
wait_for 10 sh -c "[ \"\$(ip netns exec cli wpa_cli -p '$WORK/wpa-ctrl' -i wlan1 status | sed -n 's/^wpa_state=//p')\" = DISCONNECTED ]"
n=$(grep -c 'AP-STA-CONNECTED' "$WORK/hostapd-wlan0.log")
wpas reconnect
sleep 10
check "with Authentication frames consumed, no client associates" \
	not wpa_connected cli wlan1
check "... hostapd never saw them (no new station)" \
	[ "$(grep -c 'AP-STA-CONNECTED' "$WORK/hostapd-wlan0.log")" -eq "$n" ]
check "... and the handler was offered them ($(cat $P/auth) > $a)" \
	[ "$(cat $P/auth)" -gt "$a" ]
echo 0 > $P/drop_auth
wpas bssid_ignore clear
wpas reconnect
check "with frames passed again, the client associates" \
	wait_for 60 wpa_connected cli wlan1
check "the handler unregisters" lab_rmmod mac80211_offload_probe
check "fsr.ko loads once the hook is free" lab_modprobe fsr
check "dmesg clean" dmesg_clean
tap_finish
