# shellcheck shell=sh
# Guest-side helpers of the roam benchmark (sourced by tools/bench/in-vm.sh
# and the mode scripts). Everything here runs inside the lab VM.
#
# Fixed topology, the same for every mode:
#   wlan0 (AP1) and wlan1 (AP2): same channel, bridged into br0 (10.78.0.1)
#   wlan2: the client, alone in the network namespace "bsta" (10.78.0.2)

BENCH_SSID=fsr-bench
BENCH_PSK=bench-passphrase-1234
BENCH_MDID=a1b2
BENCH_AP_ADDR=10.78.0.1
BENCH_STA_ADDR=10.78.0.2
BENCH_NS=bsta
BENCH_STA_IF=wlan2

# now_us: the guest's wall clock in microseconds (the clock of the capture
# and of ping -D).
now_us() {
	date +%s%6N
}

bench_log() {
	echo "bench: $*" >&2
}

# mac_of IFACE
mac_of() {
	cat "/sys/class/net/$1/address"
}

# bench_wpa_cli ARGS...: wpa_cli for the client, in its namespace.
bench_wpa_cli() {
	ip netns exec "$BENCH_NS" wpa_cli -p "$BENCH_RUN/wpa-ctrl" \
		-i "$BENCH_STA_IF" "$@"
}

# sta_status KEY: one field of the client's wpa_cli status.
sta_status() {
	bench_wpa_cli status 2> /dev/null | sed -n "s/^$1=//p"
}

# wait_until SECONDS CMD...: poll CMD every 50 ms until it succeeds or
# SECONDS of wall-clock time have passed (under TCG a poll of wpa_cli
# takes tens of ms itself, so counting polls would stretch the timeout).
wait_until() {
	_wu_end=$(($(now_us) + $1 * 1000000))
	shift
	while :; do
		"$@" > /dev/null 2>&1 && return 0
		[ "$(now_us)" -lt "$_wu_end" ] || return 1
		sleep 0.05
	done
}

sta_on() {
	[ "$(sta_status wpa_state)" = COMPLETED ] &&
		[ "$(sta_status bssid)" = "$1" ]
}

sta_ping_once() {
	ip netns exec "$BENCH_NS" ping -n -q -c 1 -W 1 "$BENCH_AP_ADDR"
}

# Radios, namespace, bridge: once per VM boot.
bench_topology() {
	# AP1, AP2, the client, one radio per storm client (storm-lib.sh),
	# and the scale run's APs and client (scale-lib.sh)
	_bt_scale=${BENCH_SCALE:-0}
	[ "$_bt_scale" -gt 0 ] && _bt_scale=$((_bt_scale + 1))
	lab_hwsim $((3 + ${BENCH_STORM:-0} + _bt_scale)) || return 1
	ip link set hwsim0 up || return 1
	ip netns add "$BENCH_NS" || return 1
	iw phy "$(basename "$(readlink /sys/class/net/$BENCH_STA_IF/phy80211)")" \
		set netns name "$BENCH_NS" || return 1
	ip -n "$BENCH_NS" link set lo up
	ip -n "$BENCH_NS" addr add "$BENCH_STA_ADDR/24" dev "$BENCH_STA_IF"
	# A fixed address, so it does not follow the ports hostapd adds.
	ip link add br0 address 02:fe:00:00:00:01 type bridge || return 1
	ip link set br0 type bridge forward_delay 0 stp_state 0
	ip addr add "$BENCH_AP_ADDR/24" dev br0
	ip link set br0 up
	# A permanent ARP entry for the AP address: the client's kernel flushes
	# dynamic ones when the carrier drops during reassociation, and the
	# 1 s ARP retry would then dominate the data gap of every mode.
	ip -n "$BENCH_NS" neigh replace "$BENCH_AP_ADDR" \
		lladdr "$(mac_of br0)" nud permanent dev "$BENCH_STA_IF"
}

# bench_host_up NS IFACE VETH UPLINK: an AP host: network namespace NS
# with IFACE's radio, lo, a bridge br0 and the uplink eth0, whose other
# end VETH is a port of the main namespace's bridge UPLINK (the
# distribution system). The AP's daemon puts IFACE into br0.
bench_host_up() {
	ip netns add "$1" || return 1
	iw phy "$(basename "$(readlink "/sys/class/net/$2/phy80211")")" \
		set netns name "$1" || return 1
	ip -n "$1" link set lo up
	ip link add "$3" type veth peer name eth0 netns "$1" || return 1
	ip link set "$3" master "$4" up || return 1
	ip -n "$1" link add br0 type bridge || return 1
	ip -n "$1" link set br0 type bridge forward_delay 0 stp_state 0
	ip -n "$1" link set eth0 master br0 up || return 1
	ip -n "$1" link set br0 up
}

# bench_host_down NS IFACE VETH: IFACE's radio back in the main
# namespace (under its name), then the namespace and the uplink gone.
bench_host_down() {
	if ip netns exec "$1" test -e "/sys/class/net/$2"; then
		ip -n "$1" link set "$2" nomaster 2> /dev/null
		_bh_p=$(ip netns exec "$1" sh -c \
			"basename \$(readlink /sys/class/net/$2/phy80211)")
		ip netns exec "$1" iw phy "$_bh_p" set netns 1
	fi
	ip link del "$3" 2> /dev/null
	ip netns del "$1" 2> /dev/null
}

# start_client DIR BSSID: wpa_supplicant on the client (FT-PSK, or the
# network lines in BENCH_NETWORK), associated to BSSID, with the other AP
# in its scan results.
start_client() {
	_sc_net=${BENCH_NETWORK:-}
	[ -n "$_sc_net" ] || _sc_net="key_mgmt=FT-PSK
	psk=\"$BENCH_PSK\""
	cat > "$1/wpa.conf" << EOF
ctrl_interface=$BENCH_RUN/wpa-ctrl
ap_scan=1
# Keep both APs in the scan table for the whole run, in every mode: with
# the default 180 s a mode whose roams are slow (hostapd under LOAD=1)
# would lose the other AP and the client would refuse to roam at all.
bss_expiration_age=86400
network={
	ssid="$BENCH_SSID"
	$_sc_net
	proto=RSN
	pairwise=CCMP
	group=CCMP
	scan_freq=2412
	bssid=$2
}
EOF
	ip netns exec "$BENCH_NS" wpa_supplicant -B -t ${BENCH_WPA_DEBUG:-} \
		-i "$BENCH_STA_IF" -c "$1/wpa.conf" -P "$BENCH_RUN/wpa.pid" \
		-f "$1/wpa.log" || return 1
	wait_until 30 sta_on "$2" || return 1
	# The permanent ARP entry for the AP (bench_topology) is gone if a
	# mode ran before: the previous wpa_supplicant set the interface down
	# when it exited, which flushes even permanent entries. Without it
	# every roam's data gap would hold a 1 s ARP retry.
	ip -n "$BENCH_NS" neigh replace "$BENCH_AP_ADDR" \
		lladdr "$(mac_of br0)" nud permanent dev "$BENCH_STA_IF"
	# Let it roam anywhere from now on (a zero BSSID clears the lock;
	# "any" is refused), and make sure it knows both APs. Non-FT roams
	# need it: the 4-way handshake looks the network up by the new BSSID.
	bench_wpa_cli bssid 0 00:00:00:00:00:00 > /dev/null
	sta_learn "$BENCH_AP1" && sta_learn "$BENCH_AP2"
}

# sta_knows BSSID: the client has BSSID in its scan table.
sta_knows() {
	bench_wpa_cli bss "$1" 2> /dev/null | grep -q -i "^bssid=$1"
}

# sta_learn BSSID: scan (up to 10 times, 1 s apart) until the client knows
# BSSID. Used before the timed part of a roam, the same way in every mode.
sta_learn() {
	_sl_n=0
	while ! sta_knows "$1"; do
		[ $_sl_n -ge 10 ] && return 1
		bench_wpa_cli scan > /dev/null
		sleep 1
		_sl_n=$((_sl_n + 1))
	done
	return 0
}

stop_client() {
	[ -f "$BENCH_RUN/wpa.pid" ] && kill "$(cat "$BENCH_RUN/wpa.pid")" 2> /dev/null
	rm -f "$BENCH_RUN/wpa.pid"
	sleep 0.3
}

sta_completed() {
	[ "$(sta_status wpa_state)" = COMPLETED ]
}

# roam_loop DIR N TIMEOUT: N roams, alternating between the APs, starting
# from the one the client is on. One line per roam in DIR/roams.log:
#   index target command_us done_us ok|fail|harness reason
# command_us is just before "wpa_cli roam", done_us when the client was
# COMPLETED on the target and a ping got through (or the timeout expired).
# "harness": the client never started the roam (it did not know the
# target even after scanning, or refused the roam command): a failure of
# this harness, not of the AP, which the summary keeps apart.
roam_loop() {
	_rl_dir=$1
	_rl_n=$2
	_rl_to=$3
	: > "$_rl_dir/roams.log"
	_rl_i=1
	while [ "$_rl_i" -le "$_rl_n" ]; do
		if [ "$(sta_status bssid)" = "$BENCH_AP1" ]; then
			_rl_tgt=$BENCH_AP2
		else
			_rl_tgt=$BENCH_AP1
		fi
		# the 802.1X scenarios prepare each roam (cache flushes)
		command -v mode_pre_roam > /dev/null && mode_pre_roam "$_rl_tgt"
		# Outside the timed part: the client must know the target.
		_rl_known=1
		sta_learn "$_rl_tgt" || _rl_known=0
		_rl_t0=$(now_us)
		_rl_out=
		[ $_rl_known = 1 ] && _rl_out=$(bench_wpa_cli roam "$_rl_tgt" 2>&1)
		_rl_st=ok
		_rl_why=-
		if [ $_rl_known = 0 ]; then
			_rl_st=harness
			_rl_why="the client does not know the target after 10 scans"
		elif [ "$_rl_out" != OK ]; then
			_rl_st=harness
			_rl_why="wpa_cli roam said: $(echo "$_rl_out" | tr '\n' ' ')"
		elif ! wait_until "$_rl_to" sta_on "$_rl_tgt"; then
			_rl_st=fail
			_rl_why="not COMPLETED on the target within ${_rl_to} s (state $(sta_status wpa_state), bssid $(sta_status bssid))"
		elif ! wait_until "$_rl_to" sta_ping_once; then
			_rl_st=fail
			_rl_why="no ping reply within ${_rl_to} s after reassociation"
		fi
		_rl_t1=$(now_us)
		echo "$_rl_i $_rl_tgt $_rl_t0 $_rl_t1 $_rl_st $_rl_why" >> "$_rl_dir/roams.log"
		if [ "$_rl_st" != ok ]; then
			bench_log "roam $_rl_i to $_rl_tgt failed: $_rl_why"
			# Get back on the air before the next roam.
			sta_completed || bench_wpa_cli reassociate > /dev/null
			wait_until "$_rl_to" sta_completed
		fi
		# Steady traffic between roams, so each roam has a clean "before".
		sleep 0.5
		_rl_i=$((_rl_i + 1))
	done
}

# The radio capture of one mode (hwsim0, radiotap, 256 bytes) into
# DIR/capture.pcap; BENCH_TCPDUMP is its pid.
bench_capture_start() {
	tcpdump -Z root -i hwsim0 -s 256 -U -w "$1/capture.pcap" \
		> "$1/tcpdump.log" 2>&1 &
	BENCH_TCPDUMP=$!
	sleep 1
}

bench_capture_stop() {
	kill -INT "$BENCH_TCPDUMP"
	wait "$BENCH_TCPDUMP" 2> /dev/null
}

# LOAD=1: stress-ng on every CPU (BENCH_STRESS its pid, empty without
# load); then a second for traffic and load to settle. 1, with the reason
# in DIR/error, when stress-ng did not start.
bench_stress_start() {
	BENCH_STRESS=
	if [ "$BENCH_LOAD" = 1 ]; then
		# The checkout is read-only in the guest: stress-ng needs /tmp.
		stress-ng --temp-path /tmp --cpu "$(nproc)" --cpu-method all \
			--quiet > "$1/stress.log" 2>&1 &
		BENCH_STRESS=$!
	fi
	sleep 1
	if [ -n "$BENCH_STRESS" ] && ! kill -0 "$BENCH_STRESS" 2> /dev/null; then
		echo "stress-ng did not start (LOAD=1): $(cat "$1/stress.log")" > "$1/error"
		BENCH_STRESS=
		return 1
	fi
	return 0
}

bench_stress_stop() {
	[ -n "$BENCH_STRESS" ] || return 0
	kill "$BENCH_STRESS"
	wait "$BENCH_STRESS" 2> /dev/null
	BENCH_STRESS=
}

# run_mode NAME N TIMEOUT: the scenario for one mode whose script has been
# sourced (mode_start_aps DIR / mode_collect DIR / mode_stop_aps). Writes
# into $BENCH_OUT/NAME/.
run_mode() {
	_rm_dir=$BENCH_OUT/$1
	mkdir -p "$_rm_dir"
	BENCH_RUN=$(mktemp -d "/tmp/bench-$1.XXXXXX")
	bench_capture_start "$_rm_dir"
	if ! mode_start_aps "$_rm_dir"; then
		bench_capture_stop
		mode_stop_aps
		echo "the access points did not start (logs in $1/)" > "$_rm_dir/error"
		return 1
	fi
	if ! start_client "$_rm_dir" "$BENCH_AP1"; then
		bench_capture_stop
		stop_client
		mode_stop_aps
		echo "the client did not connect to AP1 or did not see AP2" > "$_rm_dir/error"
		return 1
	fi
	if command -v mode_warmup > /dev/null && ! mode_warmup "$_rm_dir"; then
		bench_capture_stop
		stop_client
		mode_stop_aps
		echo "the warm-up roams failed" > "$_rm_dir/error"
		return 1
	fi
	ip netns exec "$BENCH_NS" ping -n -D -i 0.01 -W 1 "$BENCH_AP_ADDR" \
		> "$_rm_dir/ping.log" 2>&1 &
	_rm_ping=$!
	if ! bench_stress_start "$_rm_dir"; then
		kill "$_rm_ping"
		bench_capture_stop
		stop_client
		mode_stop_aps
		return 1
	fi
	roam_loop "$_rm_dir" "$2" "$3"
	mode_collect "$_rm_dir"
	bench_stress_stop
	kill "$_rm_ping"
	stop_client
	mode_stop_aps
	sleep 0.5
	bench_capture_stop
	rm -rf "$BENCH_RUN"
	return 0
}
