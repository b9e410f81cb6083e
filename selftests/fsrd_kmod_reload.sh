#!/bin/sh
# fsr.ko comes and goes under a running fsrd (issue 13 item 8): one fsrd
# with two FT-PSK BSSes and kernel_fast_path = yes, a real wpa_supplicant
# roaming between them.
#  - fsr.ko loaded: roams are served by the kernel;
#  - `rmmod fsr` with the client associated: fsrd says so and serves the
#    next roams itself (ping after each);
#  - `modprobe fsr` again: fsrd attaches and configures both BSSes again
#    and pushes the client's PMK-R1s again, so the next roams are served
#    by the kernel, with the same fsrd process (not restarted).
. "$(dirname "$0")/lib.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw ping
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi

SSID=fsrd-kmod
PASS=kmod-passphrase-42

load_radios 3 || { fail "load radios"; tap_finish; }
fsr_load
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = debug
mobility_domain = a1b3
r0kh_id = fsrd.lab.example
kernel_fast_path = yes

[bss a]
interface = wlan0
ssid = $SSID
channel = 1
security = ft-psk
passphrase = $PASS

[bss b]
interface = wlan1
ssid = $SSID
channel = 1
security = ft-psk
passphrase = $PASS
END

start_fsrd
PID0=$FSRD_PID

enabled_count() {
	fsrd_log_count "FT fast path of fsr.ko enabled"
}

enabled_ge() {
	[ "$(enabled_count)" -ge "$1" ]
}

check "fsrd starts two FT-PSK BSSes with the kernel fast path" \
	wait_for 20 enabled_ge 2
check "the two BSSes are bridged (br0 10.77.0.1)" ft_bridge_up
defer "ip link del br0"
client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2
cat > "$WORK/wpa-ft.conf" <<END
ctrl_interface=$WORK/wpa-ctrl
bss_expiration_age=1800
network={
	ssid="$SSID"
	key_mgmt=FT-PSK
	psk="$PASS"
	scan_freq=2412
}
END
ip netns exec cli wpa_supplicant -B -i wlan2 -c "$WORK/wpa-ft.conf" \
	-P "$WORK/wpa.pid" -f "$WORK/wpa.log" -dd
defer "kill \$(cat $WORK/wpa.pid)"
check "FT initial mobility-domain association completes" \
	wait_for 40 sh -c "grep -q 'CTRL-EVENT-CONNECTED' '$WORK/wpa.log'"
ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen

# roam: to the other BSS, then a ping; one retry when the client gave up
# (TCG now and then delays an answer past the client's three tries).
cur=$(ft_cli status | sed -n 's/^bssid=//p')
roam_once() {
	[ "$(ft_cli roam "$1")" = OK ] &&
		wait_for 20 ft_on_bssid "$1" &&
		ip netns exec cli ping -c 1 -W 3 10.77.0.1 > /dev/null
}
roam() {
	if [ "$cur" = "$BSSID0" ]; then _next=$BSSID1; else _next=$BSSID0; fi
	roam_once "$_next" || { sleep 1; roam_once "$_next"; } || return 1
	cur=$_next
}
kernel_reassoc() {
	fsr_counter ft_reassoc_served
}
user_roams() {
	fsrd_log_count "FT roam served by userspace"
}

r0=$(kernel_reassoc)
ok=0
roam && roam && ok=1
check "two roams with fsr.ko loaded, ping after each" [ "$ok" -eq 1 ]
check "fsr.ko served them ($(($(kernel_reassoc) - r0)) reassociations)" \
	[ "$(($(kernel_reassoc) - r0))" -ge 2 ]

# --- unloaded under a running fsrd -------------------------------------------
u0=$(user_roams)
check "rmmod fsr with the client associated" lab_rmmod fsr
check "fsrd says the module went and roams are served in userspace" \
	wait_for 10 fsrd_log_has "fsr.ko was unloaded: every FT roam is served in userspace"
ok=0
roam && roam && ok=1
check "two roams without fsr.ko: connected, ping after each" [ "$ok" -eq 1 ]
check "fsrd served them itself ($(($(user_roams) - u0)) roams)" \
	[ "$(($(user_roams) - u0))" -ge 2 ]

# --- loaded again ------------------------------------------------------------
e0=$(enabled_count)
check "modprobe fsr again" lab_modprobe fsr
check "fsrd sees the module and attaches the BSSes again" \
	wait_for 10 fsrd_log_has "fsr.ko was loaded: attaching the FT BSSes again"
check "both BSSes attached and configured again" \
	wait_for 10 enabled_ge $((e0 + 2))
"$FSRCTL" pmk show > "$WORK/pmk.txt" 2>&1
diag "$(cat "$WORK/pmk.txt")"
check "fsrd pushed the client's PMK-R1s again (one per BSS)" \
	[ "$(grep -c "^sta $STA pmk_r1_name" "$WORK/pmk.txt")" -eq 2 ]
r1=$(kernel_reassoc)
u1=$(user_roams)
ok=0
roam && roam && ok=1
check "two roams after the reload: connected, ping after each" [ "$ok" -eq 1 ]
check "served by the kernel again ($(($(kernel_reassoc) - r1)) reassociations)" \
	[ "$(($(kernel_reassoc) - r1))" -ge 2 ]
check "none by fsrd in userspace" [ "$(user_roams)" -eq "$u1" ]
check "the same fsrd process all along" \
	sh -c "kill -0 $PID0 && [ $FSRD_PID -eq $PID0 ]"
fsrd_sigterm
tap_finish
