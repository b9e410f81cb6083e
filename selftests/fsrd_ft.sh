#!/bin/sh
# FT-PSK in userspace: one fsrd runs two BSSes of one mobility domain
# (wlan0, wlan1, bridged so the AP side keeps one address); a real
# wpa_supplicant (key_mgmt FT-PSK) on wlan2 in its own netns makes the FT
# initial mobility-domain association, then FT over-the-air roams back
# and forth, each served by fsrd, with a ping after every roam. fsr.ko is
# loaded when it can be, but kernel_fast_path = no: fsrd must then leave it
# alone (no BSS attached, no PMK-R1 pushed). The kernel fast path has its
# own test, fsrd_kernel_ft.sh.
# Both BSSes renew their GTK every FSRD_FT_REKEY seconds (during the roams
# too): after the roams the FT-roamed client must complete a group-key
# handshake and still receive broadcast frames under the new GTK.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw ping
if [ ! -x "$FSRD" ]; then
	echo "1..0 # SKIP build/bin/fsrd missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-ft
PASS=ft-passphrase-42
ROAMS=${FSRD_FT_ROAMS:-20}
REKEY=${FSRD_FT_REKEY:-15}
FSRCTL=$TOP/build/bin/fsrctl

load_radios 3 || { fail "load radios"; tap_finish; }
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)
have_fsr=0
lab_modprobe fsr 2>/dev/null && have_fsr=1

cat > "$WORK/fsrd.conf" <<END
[global]
log_level = debug
mobility_domain = a1b2
r0kh_id = fsrd.lab.example
kernel_fast_path = no

[bss a]
interface = wlan0
ssid = $SSID
channel = 1
security = ft-psk
passphrase = $PASS
gtk_rekey_interval = $REKEY

[bss b]
interface = wlan1
ssid = $SSID
channel = 1
security = ft-psk
passphrase = $PASS
gtk_rekey_interval = $REKEY
END

start_fsrd

two_aps() {
	[ "$(fsrd_log_count "AP started")" -eq 2 ]
}

check "fsrd starts two FT-PSK BSSes" wait_for 20 two_aps
check "the two BSSes are bridged (br0 10.77.0.1)" ft_bridge_up
defer "ip link del br0"
client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2
# answer broadcast pings: they travel under the GTK
ip netns exec cli sysctl -q -w net.ipv4.icmp_echo_ignore_broadcasts=0

cat > "$WORK/wpa-ft.conf" <<END
ctrl_interface=$WORK/wpa-ctrl
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
check "fsrd keeps the PMK-R0" wait_for 5 grep -q "PMK-R0 kept" "$FSRD_LOG"
check "ping through the AP" ip netns exec cli ping -c 2 -i 0.2 -W 2 10.77.0.1
if [ $have_fsr -eq 1 ]; then
	"$FSRCTL" pmk show > "$WORK/pmk.txt" 2>&1
	# stats: the kernel's attached BSSes only, one title line each
	"$FSRCTL" stats > "$WORK/bss.txt" 2>&1
	check "kernel_fast_path = no: no PMK-R1 pushed to fsr.ko" \
		not grep -q "^sta $STA" "$WORK/pmk.txt"
	check "kernel_fast_path = no: no BSS attached to fsr.ko" \
		not grep -q "^wlan[01] ifindex" "$WORK/bss.txt"
else
	skip "kernel_fast_path = no leaves fsr.ko alone" "fsr.ko not available"
fi
ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen

cur=$(ft_cli status | sed -n 's/^bssid=//p')
diag "connected to $cur"
i=1
while [ $i -le "$ROAMS" ]; do
	if [ "$cur" = "$BSSID0" ]; then next=$BSSID1; else next=$BSSID0; fi
	ft_cli roam "$next" > /dev/null
	if wait_for 20 ft_on_bssid "$next" &&
		ip netns exec cli ping -c 1 -W 3 10.77.0.1 > /dev/null; then
		pass "FT roam $i to $next, then ping"
	else
		fail "FT roam $i to $next, then ping"
		diag "$(grep -E 'FT:|SME:|CTRL-EVENT' "$WORK/wpa.log" |
			grep -B 25 -m 1 -E 'failed|mismatch|did not match')"
		break
	fi
	cur=$next
	i=$((i + 1))
done

served=$(fsrd_log_count "FT roam served by userspace")
check "fsrd served $served of $ROAMS roams in userspace" [ "$served" -eq "$ROAMS" ]
# hostapd's order: the station added unassociated at the FT Authentication
# (one SET_STATION before the Reassociation Response), PTK and port after
# the response's ACK (its TX status)
preadded=$(fsrd_log_count "station added unassociated")
check "the station was added unassociated at $preadded of $ROAMS FT Authentications" \
	[ "$preadded" -eq "$ROAMS" ]
acked=$(fsrd_log_count "PTK installed after the response's ACK")
check "PTK and port after the response's ACK in $acked of $ROAMS roams" \
	[ "$acked" -eq "$ROAMS" ]
check "no fallback from SET_STATION to NEW_STATION at the Reassociation" \
	not grep -q "associating the station added at its FT Authentication failed" "$FSRD_LOG"
check "no FT Reassociation Response left unacknowledged (timeout)" \
	not grep -q "not acknowledged in time" "$FSRD_LOG"
ft_ok=$(grep -c 'FT: Completed successfully' "$WORK/wpa.log")
check "the client completed $ft_ok FT reassociations" [ "$ft_ok" -ge "$ROAMS" ]

# GTK rekey reaching the FT-roamed client (no 4-way handshake with fsrd)
rekeys_seen() {
	[ "$(grep -c 'WPA: Group rekeying completed' "$WORK/wpa.log")" -gt "$1" ]
}
# bounded: -w is a deadline (a lost broadcast must not hang the test)
bcast_ping() {
	for _try in 1 2 3; do
		ping -b -I br0 -c 2 -i 0.5 -w 4 10.77.0.255 2>/dev/null |
			grep -q 'from 10.77.0.2' && return 0
	done
	return 1
}
n0=$(grep -c 'WPA: Group rekeying completed' "$WORK/wpa.log")
diag "group rekeys seen by the client so far: $n0"
check "GTK rekey after the roams: the roamed client logs 'WPA: Group rekeying completed'" \
	wait_for $((REKEY * 2 + 20)) rekeys_seen "$n0"
check "fsrd: group-key handshake completed with the roamed client" \
	wait_for 5 grep -q "$STA: group-key handshake completed" "$FSRD_LOG"
check "fsrd: no group-key handshake failed" \
	not grep -q "group-key handshake failed" "$FSRD_LOG"
check "fsrd switched to the new GTK" \
	wait_for 10 grep -q "GTK rekey done, transmitting" "$FSRD_LOG"
check "ping after the GTK rekey" ip netns exec cli ping -c 2 -i 0.2 -W 2 10.77.0.1
check "broadcast ping (new GTK) answered by the roamed client" bcast_ping

kill -TERM "$FSRD_PID"
wait "$FSRD_PID"
rc=$?
check "SIGTERM: fsrd exits 0 (status $rc)" [ "$rc" -eq 0 ]
check "no passphrase in fsrd's log" not grep -q -e "$PASS" "$FSRD_LOG"
diag "$(grep -v 'debug:' "$FSRD_LOG" | tail -n 40)"
check "dmesg clean" dmesg_clean
tap_finish
