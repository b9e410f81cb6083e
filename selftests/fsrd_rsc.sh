#!/bin/sh
# The GTK RSC fsrd hands out is the group key's transmit sequence counter
# at that moment: one fsrd, two FT-PSK BSSes (wlan0, wlan1 bridged into
# br0), kernel_fast_path = no so that fsrd serves the roams; a real
# wpa_supplicant on wlan2. After broadcast traffic on a BSS, the RSC in
# the GTK subelement of the FT Reassociation Response fsrd sends (roam
# into that BSS) and in EAPOL-Key message 3/4 (a new association) equal
# that BSS's GTK sequence as nl80211 GET_KEY reports it. The RSCs are read
# from the frames on the air (hwsim0, clear text in both frames); the
# sequences with our own GET_KEY (fsrd_rsc.py). IPv6 is off and ARP is
# static so that only the test's broadcast pings move the counters.
# At the end, with the client gone, none of the TKs it used is left in
# fsrd's memory (fsrd_memscan.py).
. "$(dirname "$0")/lib.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw ping python3
if [ ! -x "$FSRD" ]; then
	echo "1..0 # SKIP build/bin/fsrd missing"
	exit $KSFT_SKIP
fi
dmesg_mark

SSID=fsrd-rsc
PASS=rsc-passphrase-7
TOOL="python3 $SELFTESTS/fsrd_rsc.py"

load_radios 3 || { fail "load radios"; tap_finish; }
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 \
	net.ipv6.conf.default.disable_ipv6=1

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

[bss b]
interface = wlan1
ssid = $SSID
channel = 1
security = ft-psk
passphrase = $PASS
END

start_fsrd
two_aps() {
	[ "$(fsrd_log_count "AP started")" -eq 2 ]
}
check "fsrd starts two FT-PSK BSSes" wait_for 20 two_aps
check "the two BSSes are bridged (br0 10.77.0.1)" ft_bridge_up
defer "ip link del br0"
client_netns cli wlan2
ip netns exec cli sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n cli addr add 10.77.0.2/24 dev wlan2
ip -n cli neigh add 10.77.0.1 lladdr "$(cat /sys/class/net/br0/address)" \
	dev wlan2 nud permanent
ip neigh add 10.77.0.2 lladdr "$STA" dev br0 nud permanent

ip link set hwsim0 up
$TOOL capture hwsim0 600 > "$WORK/rsc.txt" 2> "$WORK/capture.err" &
CAPTURE=$!
defer "kill $CAPTURE"

cat > "$WORK/wpa-rsc.conf" <<END
ctrl_interface=$WORK/wpa-ctrl
network={
	ssid="$SSID"
	key_mgmt=FT-PSK
	psk="$PASS"
	scan_freq=2412
}
END
ip netns exec cli wpa_supplicant -B -i wlan2 -c "$WORK/wpa-rsc.conf" \
	-P "$WORK/wpa.pid" -f "$WORK/wpa.log" -dd -K
defer "kill \$(cat $WORK/wpa.pid)"

# seq IFNAME: the transmit PN of GTK 1 (the first GTK; no rekey here)
seq_of() {
	$TOOL seq "$1" 1
}
ifname_of() {
	if [ "$1" = "$BSSID0" ]; then echo wlan0; else echo wlan1; fi
}
other_of() {
	if [ "$1" = "$BSSID0" ]; then echo "$BSSID1"; else echo "$BSSID0"; fi
}
# bcast N: N broadcast pings out of br0 (each a group frame under the GTK
# of every BSS with an authorized station)
bcast() {
	ping -b -I br0 -c "$1" -i 0.2 -w $(($1 + 5)) 10.77.0.255 \
		> /dev/null 2>&1
	sleep 1
}
lines() {
	grep -c "^$1 $STA " "$WORK/rsc.txt"
}
more_lines() {
	[ "$(lines "$1")" -gt "$2" ]
}
last_rsc() {
	grep "^$1 $STA " "$WORK/rsc.txt" | tail -n 1 | cut -d' ' -f3
}
cur_bssid() {
	ft_cli status | sed -n 's/^bssid=//p'
}

check "FT initial mobility-domain association completes" \
	wait_for 40 sh -c "grep -q 'CTRL-EVENT-CONNECTED' '$WORK/wpa.log'"
check "ping through the AP" ip netns exec cli ping -c 2 -i 0.2 -W 2 10.77.0.1
X=$(cur_bssid)
Y=$(other_of "$X")
IFX=$(ifname_of "$X")
IFY=$(ifname_of "$Y")
diag "associated with $X ($IFX)"

bcast 12
SX=$(seq_of "$IFX")
diag "after 12 broadcast pings: GTK sequence of $IFX is $SX"
check "GET_KEY: the GTK sequence of $IFX grew with the broadcasts ($SX)" \
	[ "${SX:-0}" -ge 12 ]

ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen
n=$(lines ftgtk)
ft_cli roam "$Y" > /dev/null
check "FT roam to $Y served by fsrd" wait_for 20 ft_on_bssid "$Y"
check "the FT Reassociation Response with its GTK seen on the air" \
	wait_for 5 more_lines ftgtk "$n"
R=$(last_rsc ftgtk)
SY=$(seq_of "$IFY")
check "FT GTK subelement RSC ($R) = GTK sequence of $IFY ($SY)" [ "$R" = "$SY" ]

bcast 25
SY=$(seq_of "$IFY")
SX=$(seq_of "$IFX")
diag "GTK sequences: $IFX $SX, $IFY $SY"
check "the broadcasts moved $IFY's GTK sequence ($SY)" [ "${SY:-0}" -ge 25 ]
n=$(lines ftgtk)
ft_cli roam "$X" > /dev/null
check "FT roam back to $X served by fsrd" wait_for 20 ft_on_bssid "$X"
check "the FT Reassociation Response seen on the air" \
	wait_for 5 more_lines ftgtk "$n"
R=$(last_rsc ftgtk)
SX2=$(seq_of "$IFX")
check "FT GTK subelement RSC ($R) = GTK sequence of $IFX ($SX), not 0" \
	sh -c "[ '$R' = '$SX' ] && [ '$SX' = '$SX2' ] && [ '$R' -gt 0 ]"

bcast 7
SX=$(seq_of "$IFX")
SY=$(seq_of "$IFY")
diag "GTK sequences before the new association: $IFX $SX, $IFY $SY"
n=$(lines m3)
ft_cli disconnect > /dev/null
check "the client disconnects" wait_for 10 sh -c \
	"[ -z \"\$(iw dev $IFX station dump)\" ]"
ft_cli reconnect > /dev/null
check "a new association (4-way handshake) completes" \
	wait_for 40 ft_on_bssid "[0-9a-f:]*"
check "message 3/4 seen on the air" wait_for 5 more_lines m3 "$n"
Z=$(cur_bssid)
IFZ=$(ifname_of "$Z")
R=$(last_rsc m3)
SZ=$(seq_of "$IFZ")
if [ "$IFZ" = "$IFX" ]; then SZ0=$SX; else SZ0=$SY; fi
diag "message 3/4 from $Z ($IFZ), RSC $R"
check "message 3/4 RSC ($R) = GTK sequence of $IFZ ($SZ), not 0" \
	sh -c "[ '$R' = '$SZ' ] && [ '$SZ' = '$SZ0' ] && [ '$R' -gt 0 ]"
check "the client's log shows the same RSC installed" \
	grep -q "WPA: RSC - hexdump(len=6): $(printf '%012x' "$R" |
		sed 's/\(..\)/\1 /g' | awk '{for (i = NF; i > 0; i--)
		printf "%s%s", $i, (i > 1 ? " " : "")}')" "$WORK/wpa.log"
check "ping after the new association" \
	ip netns exec cli ping -c 2 -i 0.2 -W 2 10.77.0.1
# the TK of the running association: in the kernel, not in fsrd
tk=$(sed -n 's/.*: TK - hexdump(len=16): //p' "$WORK/wpa.log" | tail -n 1 |
	tr -d ' ')
python3 "$SELFTESTS/fsrd_memscan.py" "$FSRD_PID" "$tk" > "$WORK/memscan.txt"
check "the running association's TK is not in fsrd's memory ($(cat "$WORK/memscan.txt"))" \
	[ "${tk:-none} $(cut -d' ' -f2 "$WORK/memscan.txt")" = "$tk 0" ]

served=$(fsrd_log_count "FT roam served by userspace")
check "fsrd served both roams in userspace ($served)" [ "$served" -eq 2 ]
check "no GTK RSC read failed" not fsrd_log_has "GTK RSC not read"

# keys are wiped after use: once the client is gone, no TK it used (its
# -K log names them) is left in fsrd's memory, nl80211 NEW_KEY message
# buffers included
no_station() {
	[ -z "$(iw dev wlan0 station dump)$(iw dev wlan1 station dump)" ]
}
ft_cli disconnect > /dev/null
check "the client disconnects" wait_for 10 no_station
sleep 1
tks=$(sed -n 's/.*: TK - hexdump(len=16): //p' "$WORK/wpa.log" | tr -d ' ' |
	sort -u)
n=$(echo "$tks" | grep -c .)
check "the client logged the TKs of its 4 associations ($n)" [ "$n" -ge 4 ]
# shellcheck disable=SC2086
python3 "$SELFTESTS/fsrd_memscan.py" "$FSRD_PID" $tks > "$WORK/memscan.txt"
check "no TK left in fsrd's memory" \
	awk '$2 != 0 { bad = 1 } END { exit bad }' "$WORK/memscan.txt"
diag "$(cat "$WORK/memscan.txt")"
diag "$(cat "$WORK/rsc.txt" "$WORK/capture.err")"
fsrd_sigterm
check "dmesg clean" dmesg_clean
tap_finish
