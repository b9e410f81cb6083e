#!/bin/sh
# FT roams in the mobility domain across hosts (issue 14), fsrd <-> fsrd:
# two fsrd in two namespaces (selftests/lib_mobility.sh), each the
# other's r0kh and r1kh; the client's FT initial mobility-domain
# association at ap1, then FSRD_MOB_ROAMS (20) roams back and forth,
# ping after each. Run through its wrappers:
#  FSRD_MOB_AKM=eap (fsrd_mobility_eap.sh, fsrd_mobility_eap_pull.sh):
#    FT-802.1X, FreeRADIUS (PEAP/MSCHAPv2, Session-Timeout 900) in
#    namespace ap1 on 127.0.0.1 only; no EAP after the first, and the
#    Session-Timeout bounds the PMK-R1 at both ends;
#  FSRD_MOB_AKM=psk (fsrd_mobility_psk_pull.sh): FT-PSK;
#  FSRD_MOB_PUSH=yes: ap1 pushes the PMK-R1 to ap2, which gives it to
#    its fsr.ko; every roam is served by the target's fsr.ko;
#  FSRD_MOB_PUSH=no: pmk_r1_push off on both; the first roam into ap2
#    finds no PMK-R1 there, fsrd in ap2 PULLs it from ap1, answers the FT
#    Authentication in userspace and gives the key to its fsr.ko, which
#    serves every later roam into ap2 (ap1's own fsr.ko has its key from
#    the initial association).
#  FSRD_MOB_DS=yes (fsrd_mobility_eap.sh): ft_over_ds on both BSSes;
#    after the roams over the air, FSRD_MOB_DS_ROAMS (4) over the DS
#    (wpa_cli ft_ds): each target's fsr.ko answers the FT Request that
#    fsrd relays to it and serves the Reassociation, no EAP.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
. "$(dirname "$0")/lib_mobility.sh"
require_root
require_cmd wpa_supplicant wpa_cli freeradius openssl iw ping
if [ ! -x "$FSRD" ] || [ ! -x "$FSRCTL" ]; then
	echo "1..0 # SKIP build/bin/fsrd or fsrctl missing"
	exit $KSFT_SKIP
fi
dmesg_mark

AKM=${FSRD_MOB_AKM:-eap}
PUSH=${FSRD_MOB_PUSH:-yes}
ROAMS=${FSRD_MOB_ROAMS:-20}
DS=${FSRD_MOB_DS:-no}
DS_ROAMS=${FSRD_MOB_DS_ROAMS:-4}
SSID=fsrd-mob-$AKM
SECRET=mobe-secret
PASS=mob-passphrase-42
ST=900
if [ "$AKM" = eap ]; then
	NAME=FT-802.1X KAKM=ft-8021x
else
	NAME=FT-PSK KAKM=ft-psk
fi
case "$AKM/$PUSH/$DS" in
eap/yes/yes|eap/yes/no|eap/no/no|psk/yes/no|psk/no/no) ;;
*)	echo "1..0 # SKIP FSRD_MOB_AKM=eap|psk, FSRD_MOB_PUSH=yes|no, FSRD_MOB_DS=yes (eap, push) or no"
	exit $KSFT_SKIP ;;
esac
K12=7172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f90
K21=9192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0
CERTS=$WORK/certs

load_radios 3 || { fail "load radios"; tap_finish; }
fsr_load
BSSID0=$(cat /sys/class/net/wlan0/address)
BSSID1=$(cat /sys/class/net/wlan1/address)
STA=$(cat /sys/class/net/wlan2/address)

check "the DS bridge" mob_ds_up
check "namespace ap1 with wlan0's radio" mob_ap_ns ap1 wlan0
check "namespace ap2 with wlan1's radio" mob_ap_ns ap2 wlan1
client_netns cli wlan2
ip -n cli addr add 10.77.0.2/24 dev wlan2

[ "$AKM" = psk ] || mob_radius_ap1 $ST

# fsrd_conf NS IFACE OWN_ID PEER_BSSID PEER_ID KEY_OUT KEY_IN
fsrd_conf() {
	cat > "$WORK/fsrd-$1.conf" <<END
[global]
log_level = debug
control_socket = $WORK/fsrd-$1.sock
mobility_domain = a1b2
r0kh_id = $3
kernel_fast_path = yes

END
	if [ "$AKM" = eap ]; then
		printf '[radius]\ntimeout = 2000\nretries = 2\n'
		printf '\n[auth_server lab]\naddress = 127.0.0.1:1812\nsecret = %s\n' \
			"$SECRET"
	fi >> "$WORK/fsrd-$1.conf"
	cat >> "$WORK/fsrd-$1.conf" <<END

[bss a]
interface = $2
ssid = $SSID
channel = 1
security = ft-$AKM
END
	[ "$AKM" = eap ] || echo "passphrase = $PASS" >> "$WORK/fsrd-$1.conf"
	cat >> "$WORK/fsrd-$1.conf" <<END
rrb_interface = br0
pmk_r1_push = $PUSH
r1kh = $4 $4 $6
r0kh = $4 $5 $7
END
	[ "$DS" = no ] || echo "ft_over_ds = yes" >> "$WORK/fsrd-$1.conf"
}
fsrd_conf ap1 wlan0 ap1.lab.example "$BSSID1" ap2.lab.example $K12 $K21
fsrd_conf ap2 wlan1 ap2.lab.example "$BSSID0" ap1.lab.example $K21 $K12
mob_fsrd ap1
mob_fsrd ap2
log1=$WORK/fsrd-ap1.log
log2=$WORK/fsrd-ap2.log
both_started() {
	grep -q "AP started.*$NAME" "$log1" &&
		grep -q "AP started.*$NAME" "$log2" &&
		grep -q "FT fast path of fsr.ko enabled" "$log1" &&
		grep -q "FT fast path of fsr.ko enabled" "$log2"
}
check "an fsrd with an $NAME BSS (push $PUSH) and fsr.ko's fast path in each namespace" \
	wait_for 30 both_started
check "the APs' radios are bridged to the DS" sh -c \
	"ip -n ap1 link set wlan0 master br0 && ip -n ap2 link set wlan1 master br0"

if [ "$AKM" = eap ]; then
	mob_client "$(mob_net_ft_eap "$BSSID0")"
	check "FT initial mobility-domain association with EAP at ap1" \
		wait_for 60 ft_on_bssid "$BSSID0"
else
	mob_client "$(mob_net_ft_psk)"
	check "FT initial mobility-domain association at ap1" \
		mob_assoc_at "$BSSID0"
fi
check "ping through ap1 to the DS" wait_for 10 \
	ip netns exec cli ping -c 1 -W 2 10.77.0.1
# the trace lines: "... lifetime N s"
lifetime_of() {
	grep "$STA: $1" "$2" | tail -n 1 | sed -n 's/.*lifetime \([0-9]*\) s.*/\1/p'
}
# key_at_ap2 HOW SENT ORIGIN: ap2 has the PMK-R1 (HOW: "received" or
# "pulled"; ap1's trace says "PMK-R1 SENT R1KH"), with FT-802.1X bounded
# by the Session-Timeout at both ends, in its fsr.ko with that ORIGIN
key_at_ap2() {
	l1=$(lifetime_of "PMK-R1 $2 R1KH $BSSID1" "$log1")
	l2=$(lifetime_of "PMK-R1 $1 from R0KH ap1.lab.example ($BSSID0)" "$log2")
	diag "lifetime at ap1 $l1 s, kept at ap2 $l2 s"
	if [ "$AKM" = eap ]; then
		check "the Session-Timeout bounds the key at both ends ($l1 s, $l2 s <= $ST)" \
			sh -c "[ -n '$l1' ] && [ -n '$l2' ] && [ '$l1' -le $ST ] &&
				[ '$l2' -le $ST ] && [ '$l2' -gt $((ST - 120)) ]"
	fi
	ip netns exec ap2 "$FSRCTL" pmk show > "$WORK/pmk.txt" 2>&1
	check "ap2's fsr.ko: the PMK-R1 of ap1.lab.example, AKM $KAKM, origin $3" sh -c "
		grep -qx '    r0kh_id     ap1.lab.example' '$WORK/pmk.txt' &&
		grep -qx '    akm         $KAKM' '$WORK/pmk.txt' &&
		grep -qx '    origin      $3' '$WORK/pmk.txt'"
}
if [ "$PUSH" = yes ]; then
	check "ap1 pushes the PMK-R1 to ap2" \
		wait_for 10 grep -q "$STA: PMK-R1 pushed to R1KH $BSSID1" "$log1"
	ap2_took() {
		grep -q "$STA: PMK-R1 received from R0KH ap1.lab.example ($BSSID0)" "$log2" &&
			grep -q "$STA: received PMK-R1 pushed to fsr.ko" "$log2"
	}
	check "ap2 keeps it and gives it to its fsr.ko" wait_for 15 ap2_took
	key_at_ap2 received "pushed to" pushed
else
	sleep 2
	check "pmk_r1_push = no: no PMK-R1 pushed to ap2" \
		not grep -q "$STA: PMK-R1 pushed to R1KH" "$log1"
fi

ft_cli scan > /dev/null
check "the client sees both BSSes" wait_for 20 ft_both_seen
[ "$AKM" = psk ] || req0=$(radius_access_requests "$FR_LOG")
served() {
	echo $(($(mob_fsr_counter ap1 ft_reassoc_served) +
		$(mob_fsr_counter ap2 ft_reassoc_served)))
}
reas0=$(served)
cur=$BSSID0
i=1
ok=0
while [ $i -le "$ROAMS" ]; do
	if [ "$cur" = "$BSSID0" ]; then next=$BSSID1; else next=$BSSID0; fi
	roam "$next" || break
	if [ $i -eq 1 ] && [ "$PUSH" = no ]; then
		pulled() {
			grep -q "$STA: PMK-R1 pulled by R1KH $BSSID1" "$log1" &&
				grep -q "$STA: pulled PMK-R1 pushed to fsr.ko" "$log2" &&
				grep -q "$STA: FT Authentication served in userspace (PMK-R1 pulled" "$log2"
		}
		check "first roam into ap2: PMK-R1 pulled from ap1, the FT Authentication answered in userspace, the key given to fsr.ko" \
			pulled
		key_at_ap2 pulled "pulled by" pulled
	fi
	ok=$((ok + 1))
	cur=$next
	i=$((i + 1))
done
check "$ok of $ROAMS $NAME roams between the namespaces, ping after each ($RETRIES retried)" \
	sh -c "[ $ok -eq $ROAMS ] && [ $RETRIES -le 2 ]"
reas=$(($(served) - reas0))
# with PULL, the first roam into ap2 is fsrd's (the key came with it)
want=$ROAMS
[ "$PUSH" = yes ] || want=$((ROAMS - 1))
check "the namespaces' fsr.ko served $reas FT Reassociations of $want" \
	[ "$reas" -eq "$want" ]
if [ "$DS" = yes ]; then
	ds0=$(($(mob_fsr_counter ap1 ft_ds_served) +
		$(mob_fsr_counter ap2 ft_ds_served)))
	reas0=$(served)
	i=1
	ok=0
	while [ $i -le "$DS_ROAMS" ]; do
		if [ "$cur" = "$BSSID0" ]; then next=$BSSID1; else next=$BSSID0; fi
		ds_roam "$next" || break
		ok=$((ok + 1))
		cur=$next
		i=$((i + 1))
	done
	check "$ok of $DS_ROAMS $NAME roams over the DS, ping after each ($RETRIES retried in all)" \
		sh -c "[ $ok -eq $DS_ROAMS ] && [ $RETRIES -le 2 ]"
	ds=$(($(mob_fsr_counter ap1 ft_ds_served) +
		$(mob_fsr_counter ap2 ft_ds_served) - ds0))
	reas=$(($(served) - reas0))
	check "fsr.ko answered each FT Request over the DS ($ds) and served each Reassociation after it ($reas)" \
		sh -c "[ $ds -eq $DS_ROAMS ] && [ $reas -eq $DS_ROAMS ]"
fi
if [ "$AKM" = eap ]; then
	req=$(($(radius_access_requests "$FR_LOG") - req0))
	check "no EAP with the RADIUS server during the roams ($req Access-Requests)" \
		[ "$req" -eq 0 ]
fi

mob_stop_fsrd ap1 ap2
check "kernel log clean" dmesg_clean
tap_finish
