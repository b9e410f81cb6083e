#!/bin/sh
# A PMK-R0 is good only on the BSSes of the FT AKM it was made for: a
# station that got its keys from a passphrase (FT-PSK) must not roam into
# an FT-802.1X BSS of the same SSID and mobility domain without EAP. One
# fsrd runs SSID "fsrd-scope" as FT-PSK on wlan0 and wlan2 and as
# FT-802.1X on wlan1 (kernel_fast_path = yes; the RADIUS server is never
# asked). A real wpa_supplicant on wlan3 makes the FT-PSK initial
# mobility-domain association with wlan0. Then:
#  - fsr.ko holds its PMK-R1 for wlan0 and wlan2, none for wlan1;
#  - an FT Authentication with the station's PMKR0Name (read from
#    `fsrctl pmk show`) crafted to wlan2 (FT-PSK) is served: status 0;
#  - the same with AKM FT-802.1X to wlan1 is refused with status 53 (not
#    served by the kernel: ft_passed grows), and fsrd says the PMK-R0 was
#    made for another SSID or AKM.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw python3
INJECT="python3 $SELFTESTS/fsrd_inject.py"
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

PASS=scope-passphrase-7
R0KH=fsrd.lab.example

load_radios 5 || { fail "load radios"; tap_finish; }
fsr_load
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
BSSID2=$(cat /sys/class/net/wlan2/address)
STA=$(cat /sys/class/net/wlan3/address)

{
	cat <<END
[global]
log_level = debug
mobility_domain = a1b2
r0kh_id = $R0KH
kernel_fast_path = yes

[radius]
timeout = 1000
retries = 1

[auth_server none]
address = 127.0.0.1:1812
secret = never-asked
END
	for i in 0 1 2; do
		if [ $i -eq 1 ]; then sec=ft-eap; else sec="ft-psk
passphrase = $PASS"; fi
		cat <<END

[bss b$i]
interface = wlan$i
ssid = fsrd-scope
channel = 1
security = $sec
END
	done
} > "$WORK/fsrd.conf"
start_fsrd

check "fsrd starts two FT-PSK BSSes and one FT-802.1X BSS, attached to fsr.ko" \
	wait_for 20 sh -c "[ \$(grep -c 'FT fast path of fsr.ko enabled' '$FSRD_LOG') -eq 3 ]" ||
	diag "$(tail -n 5 "$FSRD_LOG")"

client_netns cli wlan3
cat > "$WORK/wpa.conf" <<END
ctrl_interface=$WORK/wpa-ctrl
network={
	ssid="fsrd-scope"
	bssid=$BSSID0
	key_mgmt=FT-PSK
	psk="$PASS"
	scan_freq=2412
}
END
ip netns exec cli wpa_supplicant -B -i wlan3 -c "$WORK/wpa.conf" \
	-P "$WORK/wpa.pid" -f "$WORK/wpa.log"
defer "kill \$(cat $WORK/wpa.pid)"
check "FT initial mobility-domain association with wlan0" \
	wait_for 40 fsrd_log_has "wlan0: $STA: FT initial mobility-domain association: PMK-R0 kept"

"$FSRCTL" pmk show > "$WORK/pmk.txt" 2>&1
diag "$(cat "$WORK/pmk.txt")"
check "fsr.ko holds the station's PMK-R1 for wlan0 and wlan2 (FT-PSK)" sh -c "
	grep -qx '    r1kh_id     $BSSID0' '$WORK/pmk.txt' &&
	grep -qx '    r1kh_id     $BSSID2' '$WORK/pmk.txt'"
check "... and none for wlan1 (FT-802.1X)" \
	not grep -q "r1kh_id  *$BSSID1" "$WORK/pmk.txt"
PMKR0NAME=$(awk '$1 == "pmk_r0_name" { print $2; exit }' "$WORK/pmk.txt")
export PMKR0NAME
check "fsrctl pmk show names the PMK-R0 ($PMKR0NAME)" \
	sh -c "echo '$PMKR0NAME' | grep -qE '^[0-9a-f]{32}$'"

check "monitor interface mon0 on wlan4's radio" add_monitor wlan4

served0=$(fsr_counter ft_auth_served)
got=$($INJECT mon0 "$BSSID2" "$STA" ft-auth-pmkr0name fsrd-scope "$R0KH")
check "FT Authentication to wlan2 (FT-PSK) with its PMKR0Name: status 0 ($got)" \
	[ "$got" = 0 ]
check "... served by fsr.ko" [ "$(fsr_counter ft_auth_served)" -gt "$served0" ]
passed0=$(fsr_counter ft_passed)
got=$(FT_AKM=3 $INJECT mon0 "$BSSID1" "$STA" ft-auth-pmkr0name fsrd-scope "$R0KH")
check "FT Authentication (AKM FT-802.1X) to wlan1 with the same PMKR0Name: status 53 ($got)" \
	[ "$got" = 53 ]
check "... passed to fsrd by fsr.ko (no PMK-R1 there)" \
	[ "$(fsr_counter ft_passed)" -gt "$passed0" ]
check "fsrd: the PMK-R0 was made for another SSID or AKM" \
	wait_for 5 fsrd_log_has "wlan1: $STA: FT Authentication refused with status 53: the PMK-R0 was made for another SSID or AKM"
check "the client is still connected to wlan0" \
	sh -c "ip netns exec cli wpa_cli -p '$WORK/wpa-ctrl' -i wlan3 status | grep -q '^bssid=$BSSID0'"
check "fsrd still runs" kill -0 "$FSRD_PID"

fsrd_sigterm
check "dmesg clean" dmesg_clean
tap_finish
