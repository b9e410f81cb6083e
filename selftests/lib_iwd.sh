# shellcheck shell=sh
# iwd (Debian's iwd 2.3) as a second client implementation in the lab.
# Source after lib.sh (and lib_radius.sh for the 802.1X helpers).
#
# iwd needs a D-Bus system bus: iwd_start runs a private dbus-daemon on the
# standard socket /run/dbus/system_bus_socket (the guest's /run is a tmpfs,
# nothing else uses it there) with a policy that lets root own
# net.connman.iwd. iwd itself runs in the client's network namespace (it
# only sees the radios of that namespace) with its configuration and state
# in $WORK (iwd reads CONFIGURATION_DIRECTORY and STATE_DIRECTORY like a
# systemd unit would set them), in developer mode (-E) so that
# net.connman.iwd.StationDebug.Roam can pick the target BSS, and with debug
# output (-d) in $IWD_LOG. UseDefaultInterface keeps the interface that is
# there (iwd would otherwise delete it and create its own, with a new name).
# 802.1X networks are provisioning files <SSID>.8021x in the state directory
# (iwd.network(5)); iwctl drives iwd as a user would.

IWD_BIN=/usr/libexec/iwd
IWD_BUS=/run/dbus/system_bus_socket

# iwd_available: iwd and the D-Bus daemon are installed.
iwd_available() {
	[ -x "$IWD_BIN" ] && command -v iwctl >/dev/null 2>&1 &&
		command -v dbus-daemon >/dev/null 2>&1
}

# require_iwd: skip the test when iwd or dbus-daemon are not installed
# (tools/deps.sh installs both).
require_iwd() {
	if ! iwd_available; then
		echo "1..0 # SKIP iwd or dbus-daemon missing (tools/deps.sh installs them)"
		exit $KSFT_SKIP
	fi
}

# stop_pid PID: SIGTERM, and wait (up to 5 s) until the process is gone, so
# that it writes no more into $WORK when that is removed.
stop_pid() {
	kill "$1" 2>/dev/null || return 0
	_i=0
	while kill -0 "$1" 2>/dev/null && [ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	kill -9 "$1" 2>/dev/null
	return 0
}

# iwd_dbus_start: the system bus for iwd and iwctl; sets DBUS_PID.
iwd_dbus_start() {
	mkdir -p /run/dbus "$WORK/dbus"
	cat > "$WORK/dbus/system.conf" <<-EOF
	<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
	 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
	<busconfig>
	  <type>system</type>
	  <listen>unix:path=$IWD_BUS</listen>
	  <auth>EXTERNAL</auth>
	  <policy user="root">
	    <allow own="*"/>
	    <allow send_destination="*"/>
	    <allow receive_sender="*"/>
	  </policy>
	</busconfig>
	EOF
	rm -f "$IWD_BUS"
	dbus-daemon --config-file="$WORK/dbus/system.conf" --nofork \
		--nopidfile > "$WORK/dbus/log" 2>&1 &
	DBUS_PID=$!
	defer "stop_pid $DBUS_PID; rm -f $IWD_BUS"
	DBUS_SYSTEM_BUS_ADDRESS=unix:path=$IWD_BUS
	export DBUS_SYSTEM_BUS_ADDRESS
	wait_for 10 test -S "$IWD_BUS"
}

# iwd_start NS IFACE: D-Bus, then iwd in namespace NS managing IFACE only;
# sets IWD_PID, IWD_LOG, IWD_STATE (the provisioning directory) and
# IWD_IF. Returns non-zero when iwd does not show up on the bus as IFACE's
# station within 20 s. The provisioning files must be written before the
# first connect, not necessarily before the start.
iwd_start() {
	IWD_IF=$2
	IWD_STATE=$WORK/iwd-state
	IWD_LOG=$WORK/iwd.log
	mkdir -p "$IWD_STATE" "$WORK/iwd-conf"
	cat > "$WORK/iwd-conf/main.conf" <<-EOF
	[General]
	EnableNetworkConfiguration=false
	UseDefaultInterface=true
	DisableANQP=true
	EOF
	if [ -z "${DBUS_PID:-}" ]; then
		iwd_dbus_start || return 1
	fi
	# EAP-TLS: iwd (ELL) loads private keys into the kernel keyring
	lab_modprobe pkcs8_key_parser 2>/dev/null
	ip netns exec "$1" env STATE_DIRECTORY="$IWD_STATE" \
		CONFIGURATION_DIRECTORY="$WORK/iwd-conf" \
		"$IWD_BIN" -E -d -i "$IWD_IF" > "$IWD_LOG" 2>&1 &
	IWD_PID=$!
	defer "stop_pid $IWD_PID"
	iwd_wait 60 iwd_has_station
}

# iwd_ctl ARGS...: iwctl without colours, bounded (IWD_CTL_TIMEOUT seconds,
# default 60): iwctl waits for iwd's D-Bus reply without a limit of its own.
iwd_ctl() {
	timeout "${IWD_CTL_TIMEOUT:-60}" iwctl "$@" 2>&1 |
		sed 's/\x1b\[[0-9;]*m//g'
}

iwd_has_station() {
	iwd_ctl station list | grep -q "$IWD_IF"
}

# iwd_state: the station's State property (connected, disconnected, ...).
iwd_state() {
	iwd_ctl station "$IWD_IF" show |
		awk '$1 == "State" { print $2 }'
}

# iwd_provision SSID METHOD: the provisioning file of an 802.1X network.
# METHOD: peap (alice/wonderland, MSCHAPv2 inside), badpass, tls (the
# client certificate of radius_certs). Needs CERTS.
iwd_provision() {
	case $2 in
	peap | badpass)
		_pw=wonderland
		[ "$2" = badpass ] && _pw=not-the-password
		cat > "$IWD_STATE/$1.8021x" <<-EOF
		[Security]
		EAP-Method=PEAP
		EAP-Identity=alice
		EAP-PEAP-CACert=$CERTS/ca.pem
		EAP-PEAP-Phase2-Method=MSCHAPV2
		EAP-PEAP-Phase2-Identity=alice
		EAP-PEAP-Phase2-Password=$_pw

		[Settings]
		AutoConnect=false
		EOF
		;;
	tls)
		cat > "$IWD_STATE/$1.8021x" <<-EOF
		[Security]
		EAP-Method=TLS
		EAP-Identity=alice
		EAP-TLS-CACert=$CERTS/ca.pem
		EAP-TLS-ClientCert=$CERTS/client.pem
		EAP-TLS-ClientKey=$CERTS/client.key

		[Settings]
		AutoConnect=false
		EOF
		;;
	*)
		return 1
		;;
	esac
}

# iwd_sees SSID: the SSID is in iwd's list of networks (after a scan).
iwd_sees() {
	iwd_ctl station "$IWD_IF" get-networks | grep -q " $1 "
}

# iwd_scan SSID: scan until iwd lists SSID (up to 30 s).
iwd_scan() {
	_i=0
	while [ $_i -lt 6 ]; do
		iwd_ctl station "$IWD_IF" scan > /dev/null
		iwd_wait 10 iwd_sees "$1" && return 0
		_i=$((_i + 1))
	done
	return 1
}

# iwd_connect SSID: ask iwd to connect (Network.Connect through iwctl);
# iwctl returns when iwd has finished or given up. iwctl 2.3 exits 0 even
# when the method call failed; it prints nothing on success and the D-Bus
# error ("Operation failed", ...) otherwise. IWD_CONNECT_TIMEOUT (seconds,
# default 120) bounds the wait.
iwd_connect() {
	timeout "${IWD_CONNECT_TIMEOUT:-120}" iwctl station "$IWD_IF" connect "$1" \
		2>&1 | sed 's/\x1b\[[0-9;]*m//g' > "$WORK/iwctl-connect.out"
	_rc=$?
	if [ ! -s "$WORK/iwctl-connect.out" ] &&
		[ "$(iwd_state)" != connected ]; then
		echo "no error, but iwd is not connected (timeout ${IWD_CONNECT_TIMEOUT:-120} s)" \
			> "$WORK/iwctl-connect.out"
	fi
	if [ -s "$WORK/iwctl-connect.out" ]; then
		diag "iwctl connect $1: $(cat "$WORK/iwctl-connect.out")"
		return 1
	fi
	return $_rc
}

iwd_disconnect() {
	iwd_ctl station "$IWD_IF" disconnect > /dev/null
}

# iwd_link NS: the BSSID the client's interface is associated with (kernel
# view: iw dev IFACE link), empty when it is not.
iwd_link() {
	ip netns exec "$1" iw dev "$IWD_IF" link 2>/dev/null |
		sed -n 's/^Connected to \([0-9a-f:]*\).*/\1/p'
}

# iwd_on NS BSSID: iwd says connected and the radio is associated to BSSID.
iwd_on() {
	[ "$(iwd_state)" = connected ] && [ "$(iwd_link "$1")" = "$2" ]
}

# iwd_roam BSSID: StationDebug.Roam (developer mode) to BSSID; like
# connect, iwctl returns when the roam is done or failed.
iwd_roam() {
	iwd_ctl debug "$IWD_IF" roam "$1" > "$WORK/iwctl-roam.out"
	_rc=$?
	if [ -s "$WORK/iwctl-roam.out" ]; then
		diag "iwctl debug roam $1: $(cat "$WORK/iwctl-roam.out")"
		return 1
	fi
	return $_rc
}

# iwd_log_count PATTERN: lines of iwd's log matching PATTERN (grep -E).
iwd_log_count() {
	grep -acE "$1" "$IWD_LOG"
}

# --- what the 4-way handshake carries ------------------------------------------

# capture_start FILE: record every frame of the medium (hwsim0, radiotap)
# into FILE until capture_stop; sets CAPTURE_PID. Immediate mode: without
# it libpcap hands frames over a ring block at a time, and the last block
# (the handshake that just finished) was lost when capture_stop killed
# tcpdump on a slow VM.
capture_start() {
	ip link set hwsim0 up || return 1
	tcpdump -i hwsim0 --immediate-mode -U -s 0 -w "$1" \
		> "$WORK/tcpdump.log" 2>&1 &
	CAPTURE_PID=$!
	defer "kill $CAPTURE_PID"
	wait_for 10 grep -q "listening on" "$WORK/tcpdump.log"
}

# capture_has_m2 FILE STA: the capture, still being written, holds a
# message 2 of a 4-way handshake sent by STA (wait_for it before
# capture_stop, so that the stop cannot overtake the frames).
capture_has_m2() {
	python3 "$SELFTESTS/eapol_keys.py" "$1" 2>/dev/null | grep -q "^m2 $2 "
}

capture_stop() {
	sleep 0.5
	kill "$CAPTURE_PID" 2>/dev/null
	wait "$CAPTURE_PID" 2>/dev/null
	return 0
}

# radius_pmkids LOG AA SPA: for every Access-Accept in FreeRADIUS's -X log
# LOG, the PMKID of the PMKSA an authenticator makes from it (IEEE
# 802.11-2020 12.7.1.3: HMAC-SHA1-128(PMK, "PMK Name" || AA || SPA) with
# PMK = the first 256 bits of the MSK, i.e. MS-MPPE-Recv-Key), one a line.
radius_pmkids() {
	sed -n 's/.*MS-MPPE-Recv-Key = 0x\([0-9a-fA-F]*\).*/\1/p' "$1" |
		python3 -c '
import hashlib, hmac, sys
aa = bytes.fromhex(sys.argv[1].replace(":", ""))
spa = bytes.fromhex(sys.argv[2].replace(":", ""))
for line in sys.stdin:
    pmk = bytes.fromhex(line.strip())[:32]
    print(hmac.new(pmk, b"PMK Name" + aa + spa, hashlib.sha1).hexdigest()[:32])
' "$2" "$3"
}

# iwd_knows BSSID...: iwd's scan results (StationDebug.GetNetworks, developer
# mode) hold every BSSID given. A roam to a BSS iwd knows scans only that
# BSS's channel; to an unknown one iwd first scans every channel of the
# radio, which takes minutes under TCG.
iwd_knows() {
	iwd_ctl debug "$IWD_IF" get-networks > "$WORK/iwd-networks.txt" || return 1
	for _b in "$@"; do
		grep -q "$_b" "$WORK/iwd-networks.txt" || return 1
	done
}

# iwd_learn BSSID...: scan (up to 3 times) until iwd knows every BSSID.
iwd_learn() {
	iwd_knows "$@" && return 0
	_i=0
	while [ $_i -lt 3 ]; do
		iwd_ctl station "$IWD_IF" scan > /dev/null
		iwd_wait 60 iwd_knows "$@" && return 0
		_i=$((_i + 1))
	done
	return 1
}

# stamp WHAT: a diagnostic line with the seconds since the test started (TCG
# under load stretches setup steps; this shows which).
IWD_T0=$(date +%s)
stamp() {
	diag "t=$(($(date +%s) - IWD_T0)) s: $*"
}

# iwd_keep_logs NAME: copy iwd's, fsrd's, FreeRADIUS's and hostapd's logs and
# the captures of this test to $FSR_LAB_OUT/NAME/ (kept on the host in the
# lab's run directory) when something failed.
iwd_keep_logs() {
	# shellcheck disable=SC2154 # lib.sh's
	[ "$_tap_failed" -ne 0 ] && [ -n "${FSR_LAB_OUT:-}" ] || return 0
	mkdir -p "$FSR_LAB_OUT/$1" &&
		cp "$WORK"/*.log "$WORK"/*.pcap "$WORK"/eapol.txt "$FSR_LAB_OUT/$1/" 2>/dev/null
	diag "logs kept in $FSR_LAB_OUT/$1"
}

# iwd_wait SECONDS CMD...: like wait_for, but bounded in wall-clock time
# (each try of an iwctl-based CMD can take seconds under loaded TCG).
iwd_wait() {
	_end=$(($(date +%s) + $1))
	shift
	while :; do
		"$@" >/dev/null 2>&1 && return 0
		[ "$(date +%s)" -lt "$_end" ] || return 1
		sleep 0.2
	done
}
