#!/bin/sh
# fsr.ko loads, attaches and unloads 20 times while a client is associated
# and passing traffic and a second client keeps (re)associating, so frames are
# in flight through the hook during every unload. Nothing may warn, oops,
# leak (SLUB reports objects left in fsr's caches when they are destroyed) or
# disturb the traffic.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd hostapd wpa_supplicant iw ping
CYCLES=${FSR_LOAD_CYCLES:-20}
dmesg_mark

load_radios 3 || { fail "load radios"; tap_finish; }
check "hostapd starts a WPA2-PSK BSS on wlan0" start_hostapd_psk wlan0 fsr-load passphrase-1234
ip addr add 10.77.0.1/24 dev wlan0
client_netns cli wlan1
client_netns churn wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan1
start_wpa_psk cli wlan1 fsr-load passphrase-1234
start_wpa_psk churn wlan2 fsr-load passphrase-1234
check "client 1 connects" wait_for 30 wpa_connected cli wlan1
check "client 2 connects" wait_for 30 wpa_connected churn wlan2

# Client 2 reassociates in a loop: Authentication / Reassociation frames.
touch "$WORK/churn"
(
	while [ -e "$WORK/churn" ]; do
		ip netns exec churn wpa_cli -p "$WORK/wpa-ctrl" -i wlan2 \
			reassociate >/dev/null 2>&1
		sleep 0.3
	done
) &
churn_pid=$!
defer "rm -f $WORK/churn; kill $churn_pid"
ip netns exec cli ping -i 0.05 -w $((CYCLES * 3 + 30)) 10.77.0.1 \
	> "$WORK/ping.log" 2>&1 &
ping_pid=$!
defer "kill $ping_pid"

ok=0
i=0
key=$(printf '%064d' 0 | tr 0 7)
while [ $i -lt "$CYCLES" ]; do
	i=$((i + 1))
	lab_modprobe fsr || break
	"$FSRCTL" bss attach wlan0 || break
	echo "$key" | "$FSRCTL" pmk add sta 02:00:00:00:07:01 \
		r1name 00112233445566778899aabbccddeeff \
		r0name ffeeddccbbaa99887766554433221100 \
		r0kh r0kh.example r1kh 02:00:00:00:00:00 akm ft-psk key - || break
	sleep 0.5
	lab_rmmod fsr || break
	ok=$i
done
check "$CYCLES load / attach / unload cycles with frames in flight ($ok done)" \
	[ "$ok" -eq "$CYCLES" ]
lab_modprobe fsr && "$FSRCTL" bss attach wlan0
sleep 2
seen=$("$FSRCTL" -j stats wlan0 | python3 -c \
	'import json,sys; d=json.load(sys.stdin); b=d[0] if isinstance(d,list) else d; s=b["stats"]; print(s["rx_auth"]+s["rx_reassoc_req"]+s["rx_assoc_req"])')
check "management frames were flowing through the hook ($seen in 2 s)" [ "${seen:-0}" -gt 0 ]
lab_rmmod fsr
check "client 1 still connected" wpa_connected cli wlan1
check "traffic flowed during the cycles" ip netns exec cli ping -c 2 -W 2 10.77.0.1
# SIGINT: ping prints its statistics on the way out.
kill -INT "$ping_pid" 2>/dev/null
wait "$ping_pid" 2>/dev/null
loss=$(sed -n 's/.* \([0-9.]*\)% packet loss.*/\1/p' "$WORK/ping.log")
diag "$(tail -n 3 "$WORK/ping.log")"
check "ping loss during the cycles below 5% (${loss:-?}%)" \
	awk -v l="${loss:-100}" 'BEGIN { exit !(l < 5) }'
check "no warning, oops or leak in dmesg" dmesg_clean
tap_finish
