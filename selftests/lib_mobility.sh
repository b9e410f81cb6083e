# shellcheck shell=sh
# The mobility-domain lab (issue 14), for selftests and the benchmark:
# each AP is a network namespace with its own hwsim radio and its own
# daemon (fsrd or hostapd); every AP namespace has a bridge br0 (its
# uplink eth0, and the radio's interface once the AP runs) joined by a
# veth pair to the bridge "ds" in the initial namespace, the distribution
# system, which holds 10.77.0.1/24. The client is in namespace "cli".
# Source lib.sh first.
#
#   mob_ds_up                      the DS bridge
#   mob_ap_ns NS IFACE             namespace NS with IFACE's radio, br0, eth0
#   mob_bridge_wlan NS IFACE       IFACE into NS's br0 (once it is an AP)
#   mob_fsrd NS                    fsrd in NS on $WORK/fsrd-NS.conf, log
#                                  $WORK/fsrd-NS.log, control socket
#                                  $WORK/fsrd-NS.sock
#   mob_hostapd NS                 hostapd in NS on $WORK/hostapd-NS.conf
#                                  (with $MOB_HOSTAPD_OPTS, e.g. -d)
#   mob_fsr_counter NS NAME        an fsr.ko counter of NS's BSSes
#   mob_rrb NS IFACE NAME          a counter of fsrd's key transport (ft.rrb)
#   mob_ds NS IFACE NAME           a counter of fsrd's FT over the DS (ft.ds)
#   mob_poll SECONDS CMD...        CMD once a second until it succeeds
#   mob_client NETWORK             wpa_supplicant in "cli" on wlan2 with one
#                                  network on 2412 MHz (NETWORK: its lines),
#                                  log $WORK/wpa.log, pid $WORK/wpa.pid
#   mob_net_ft_psk                 the lines of $SSID with FT-PSK, $PASS
#   mob_net_ft_eap BSSID           the lines of $SSID with FT-EAP (PEAP,
#                                  alice, $CERTS/ca.pem), starting at BSSID
#   mob_fsrd_hostapd PUSH          the fsrd <-> hostapd 2.10 topology (below);
#                                  MOB_AKM=eap: FT-802.1X, FreeRADIUS
#                                  in both AP namespaces (mob_radius);
#                                  MOB_WILD=yes: hostapd's wildcard r0kh and
#                                  r1kh lines on both sides, no peer listed;
#                                  MOB_FSRD_EXTRA: more lines for fsrd's BSS
#   mob_radius NS ST               test certificates in $CERTS (once) and
#                                  FreeRADIUS (PEAP, alice, $SECRET,
#                                  Session-Timeout ST) in namespace NS on
#                                  127.0.0.1 (checks; lib_radius.sh); its
#                                  log in $FR_LOG ($WORK/radius-NS.log)
#   mob_radius_ap1 ST              the same in namespace ap1
#   mob_stop_fsrd NS...            SIGTERM to fsrd in each NS: exits 0 (checks)
#   mob_assoc_at BSSID             a fresh initial association of the client
#                                  at BSSID (its R0KH from then on), ping
#   roam BSSID                     the client roams to BSSID (wpa_cli roam),
#                                  is on it and pings 10.77.0.1; one retry,
#                                  counted in RETRIES and reported, as
#                                  fsrd_kernel_ft.sh allows (TCG)
#   ds_roam BSSID                  the same over the DS (wpa_cli ft_ds, after
#                                  a fresh scan); diagnostics from
#                                  the fsrd logs and $hlog when set

mob_ds_up() {
	ip link add ds type bridge || return 1
	defer "ip link del ds"
	ip link set ds up &&
		ip addr add 10.77.0.1/24 dev ds
}

mob_ap_ns() {
	ip netns add "$1" || return 1
	defer "ip netns del $1"
	iw phy "$(phy_of "$2")" set netns name "$1" || return 1
	ip -n "$1" link set lo up &&
		ip link add "v-$1" type veth peer name eth0 netns "$1" &&
		ip link set "v-$1" master ds &&
		ip link set "v-$1" up &&
		ip -n "$1" link add br0 type bridge &&
		ip -n "$1" link set eth0 master br0 &&
		ip -n "$1" link set eth0 up &&
		ip -n "$1" link set br0 up
}

mob_bridge_wlan() {
	ip -n "$1" link set "$2" master br0
}

mob_fsrd() {
	ip netns exec "$1" "$FSRD" -f -c "$WORK/fsrd-$1.conf" \
		> "$WORK/fsrd-$1.log" 2>&1 &
	eval "MOB_PID_$1=$!"
	defer "kill $!"
}

mob_hostapd() {
	# shellcheck disable=SC2086 # options, split
	ip netns exec "$1" hostapd $MOB_HOSTAPD_OPTS -B -P "$WORK/hostapd-$1.pid" \
		-f "$WORK/hostapd-$1.log" "$WORK/hostapd-$1.conf" || return 1
	defer "kill \$(cat $WORK/hostapd-$1.pid)"
	wait_for 15 grep -q AP-ENABLED "$WORK/hostapd-$1.log"
}

mob_fsr_counter() {
	ip netns exec "$1" "$FSRCTL" stats 2>/dev/null |
		awk -v n="$2" '$1 == n { s += $2 } END { print s + 0 }'
}

# mob_poll SECONDS CMD...: CMD once a second until it succeeds (for
# checks that are slow themselves, like mob_rrb under TCG)
mob_poll() {
	_n=$1
	shift
	while [ "$_n" -gt 0 ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 1
		_n=$((_n - 1))
	done
	return 1
}

mob_rrb() {
	/usr/bin/python3 "$SELFTESTS/rrb_ctl.py" "$WORK/fsrd-$1.sock" "$2" "$3"
}

mob_ds() {
	/usr/bin/python3 "$SELFTESTS/rrb_ctl.py" "$WORK/fsrd-$1.sock" "$2" "$3" ds
}

# mob_peer NS IFACE ROLE ADDR: the peer line ROLE (r0kh or r1kh) at ADDR
# of fsrctl -j peer show IFACE in NS, one "member=value" a line
mob_peer() {
	ip netns exec "$1" "$FSRCTL" -s "$WORK/fsrd-$1.sock" -j peer show "$2" |
		/usr/bin/python3 -c '
import json, sys
for p in json.load(sys.stdin)["peers"]:
    if p["role"] == sys.argv[1] and p["addr"] == sys.argv[2]:
        for k, v in p.items():
            print("%s=%s" % (k, "none" if v is None else v))' "$3" "$4"
}

mob_client() {
	cat > "$WORK/wpa.conf" <<END
ctrl_interface=$WORK/wpa-ctrl
bss_expiration_age=1800
network={
$1
	scan_freq=2412
}
END
	ip netns exec cli wpa_supplicant -B -i wlan2 -c "$WORK/wpa.conf" \
		-P "$WORK/wpa.pid" -f "$WORK/wpa.log" -dd || return 1
	defer "kill \$(cat $WORK/wpa.pid)"
}

mob_net_ft_psk() {
	printf '\tssid="%s"\n\tkey_mgmt=FT-PSK\n\tpsk="%s"\n' "$SSID" "$PASS"
}

mob_net_ft_eap() {
	printf '\tssid="%s"\n\tkey_mgmt=FT-EAP\n\teap=PEAP\n\tidentity="alice"\n' "$SSID"
	printf '\tpassword="wonderland"\n\tphase2="auth=MSCHAPV2"\n'
	printf '\tca_cert="%s"\n\tbssid_hint=%s\n' "$CERTS/ca.pem" "$1"
}

# mob_fsrd_hostapd PUSH: three radios; fsrd in namespace ap1 (wlan0) with
# fsr.ko, hostapd 2.10 in ap2 (wlan1, bridge=br0), the client's wlan2 in
# cli (10.77.0.2); one FT-PSK mobility domain ($SSID, $PASS), each AP the
# other's r0kh and r1kh with the keys $K12 (fsrd -> hostapd) and $K21,
# PMK-R1 push on both sides when PUSH is yes, off when no; both daemons
# started, fsrd's radio bridged. Sets BSSID0, BSSID1, STA, log1, hlog.
# shellcheck disable=SC2034 # STA and hlog are the caller's
mob_fsrd_hostapd() {
	_push=$1
	_hpush=0
	[ "$_push" = yes ] && _hpush=1
	# MOB_WILD=yes: neither side lists the other, both have hostapd's
	# wildcard lines with the same keys (one per direction)
	if [ "${MOB_WILD:-}" = yes ]; then
		_f_r1="00:00:00:00:00:00 00:00:00:00:00:00"
		_f_r0="ff:ff:ff:ff:ff:ff *"
		_h_r0="ff:ff:ff:ff:ff:ff *"
		_h_r1="00:00:00:00:00:00 00:00:00:00:00:00"
	fi
	load_radios 3 || { fail "load radios"; tap_finish; }
	fsr_load
	BSSID0=$(cat /sys/class/net/wlan0/address)
	BSSID1=$(cat /sys/class/net/wlan1/address)
	STA=$(cat /sys/class/net/wlan2/address)
	: "${_f_r1:=$BSSID1 $BSSID1}" "${_f_r0:=$BSSID1 hostapd.lab.example}"
	: "${_h_r0:=$BSSID0 fsrd.lab.example}" "${_h_r1:=$BSSID0 $BSSID0}"
	check "the DS bridge" mob_ds_up
	check "namespace ap1 (fsrd) with wlan0's radio" mob_ap_ns ap1 wlan0
	check "namespace ap2 (hostapd) with wlan1's radio" mob_ap_ns ap2 wlan1
	client_netns cli wlan2
	ip -n cli addr add 10.77.0.2/24 dev wlan2
	if [ "${MOB_AKM:-psk}" = eap ]; then
		# each AP its own RADIUS server, as two sites would have
		mob_radius ap1 900
		mob_radius ap2 900
		_fsec="security = ft-eap"
		_frad="[radius]
timeout = 2000
retries = 2

[auth_server lab]
address = 127.0.0.1:1812
secret = $SECRET"
		_hsec="wpa_key_mgmt=FT-EAP
ieee8021x=1
auth_server_addr=127.0.0.1
auth_server_port=1812
auth_server_shared_secret=$SECRET
own_ip_addr=127.0.0.1"
	else
		_fsec="security = ft-psk
passphrase = $PASS"
		_frad=
		_hsec="wpa_key_mgmt=FT-PSK
wpa_passphrase=$PASS"
	fi
	cat > "$WORK/fsrd-ap1.conf" <<END
[global]
log_level = debug
control_socket = $WORK/fsrd-ap1.sock
mobility_domain = a1b2
r0kh_id = fsrd.lab.example
kernel_fast_path = yes

$_frad

[bss a]
interface = wlan0
ssid = $SSID
channel = 1
$_fsec
rrb_interface = br0
pmk_r1_push = $_push
r1kh = $_f_r1 $K12
r0kh = $_f_r0 $K21
${MOB_FSRD_EXTRA:-}
END
	cat > "$WORK/hostapd-ap2.conf" <<END
interface=wlan1
bridge=br0
driver=nl80211
ctrl_interface=$WORK/hostapd-ctrl
ssid=$SSID
hw_mode=g
channel=1
wpa=2
$_hsec
rsn_pairwise=CCMP
mobility_domain=a1b2
nas_identifier=hostapd.lab.example
ft_over_ds=0
pmk_r1_push=$_hpush
r0kh=$_h_r0 $K12
r1kh=$_h_r1 $K21
END
	mob_fsrd ap1
	log1=$WORK/fsrd-ap1.log
	check "fsrd starts its BSS in ap1" wait_for 30 grep -q "AP started" "$log1"
	check "fsrd configures the fast path of ap1's fsr.ko" \
		wait_for 15 grep -q "FT fast path of fsr.ko enabled" "$log1"
	check "fsrd's radio bridged to the DS" mob_bridge_wlan ap1 wlan0
	check "hostapd 2.10 starts in ap2 (bridge=br0, pmk_r1_push=$_hpush)" \
		mob_hostapd ap2
	hlog=$WORK/hostapd-ap2.log
}

mob_radius() {
	[ -s "$CERTS/client.pem" ] ||
		check "test CA, server and client certificates" \
			radius_certs "$CERTS"
	radius_conf "$WORK/raddb-$1" "$SECRET" 1812 1813 "$CERTS" \
		"Session-Timeout := $2"
	FR_LOG=$WORK/radius-$1.log
	ip netns exec "$1" freeradius -X -d "$WORK/raddb-$1" > "$FR_LOG" 2>&1 &
	defer "kill $!"
	check "FreeRADIUS (PEAP, Session-Timeout $2) in namespace $1" \
		wait_for 60 grep -q "Ready to process requests" "$FR_LOG"
}

mob_radius_ap1() {
	mob_radius ap1 "$1"
}

mob_stop_fsrd() {
	for _ns in "$@"; do
		eval "_pid=\$MOB_PID_$_ns"
		kill -TERM "$_pid"
		wait "$_pid"
		_rc=$?
		check "SIGTERM: fsrd in $_ns exits 0 (status $_rc)" [ "$_rc" -eq 0 ]
	done
}

mob_completed() {
	ft_cli status 2>/dev/null | grep -q '^wpa_state=COMPLETED'
}

# a fresh initial association at $1 (its AP becomes the client's R0KH),
# even when the client is there already; ping. The network stays pinned
# to $1: wpa_cli roam moves the client all the same, and the PULL
# timeout case of fsrd_mobility_pull.sh (its R0KH stopped) fails with
# the network unpinned
mob_assoc_at() {
	ft_cli disconnect > /dev/null
	wait_for 10 not mob_completed || true
	ft_cli bssid 0 "$1" > /dev/null
	ft_cli reassociate > /dev/null
	wait_for 30 ft_on_bssid "$1" || return 1
	ip netns exec cli ping -c 1 -W 3 10.77.0.1 > /dev/null
}

roam_once() {
	_r=$(ft_cli roam "$1")
	[ "$_r" = OK ] || diag "wpa_cli roam $1: $_r"
	wait_for 20 ft_on_bssid "$1" &&
		ip netns exec cli ping -c 1 -W 3 10.77.0.1 > /dev/null
}
RETRIES=0
roam() {
	roam_once "$1" && return 0
	RETRIES=$((RETRIES + 1))
	diag "roam to $1 not completed, retrying once (retry $RETRIES)"
	sleep 1
	roam_once "$1"
}

# --- FT over the DS: ds_roam BSSID (wpa_cli ft_ds), one retry ---------
# The client needs a fresh scan result of the target: cfg80211 forgets
# a BSS it has not heard for 30 s, and wpa_supplicant's Reassociation
# after an FT Response over the DS (unlike its FT Authentication over
# the air) does not scan again when the kernel has lost it.
mob_scans() {
	grep -c 'CTRL-EVENT-SCAN-RESULTS' "$WORK/wpa.log"
}
mob_more_scans() {
	[ "$(mob_scans)" -gt "$1" ]
}
mob_fresh_scan() {
	_s=$(mob_scans)
	ft_cli scan > /dev/null
	mob_poll 10 mob_more_scans "$_s"
}
ds_once() {
	mob_fresh_scan
	# the FT Request is sent once (no retransmission above the MAC):
	# not while the radio may still be off channel
	sleep 0.5
	_r=$(ft_cli ft_ds "$1")
	[ "$_r" = OK ] || diag "wpa_cli ft_ds $1: $_r"
	mob_poll 20 ft_on_bssid "$1" &&
		ip netns exec cli ping -c 1 -W 3 10.77.0.1 > /dev/null
}
ds_roam() {
	ds_once "$1" && return 0
	RETRIES=$((RETRIES + 1))
	diag "over-DS roam to $1 not completed, retrying once (retry $RETRIES)"
	diag "$(grep -E 'FT:.*(Action|DS|RRB|Response|status|fail|mismatch)|SME:.*(fail|timed)|CTRL-EVENT-(CONN|DISC)|RSNE in|nl80211:.*(fail|Associated with)' "$WORK/wpa.log" | tail -n 25)"
	diag "target's elements as the client has them: $(ft_cli bss "$1" | grep '^ie=')"
	[ -z "${hlog:-}" ] ||
		diag "$(grep -E 'FT: RRB|FT:.*(fail|Fail|status|STA|pull|PULL)|RRB' "$hlog" | tail -n 25)"
	diag "$(grep -hE 'over the DS|FT Re|refused' "$WORK"/fsrd-*.log | tail -n 12)"
	sleep 1
	ds_once "$1"
}
