# shellcheck shell=sh
# Helpers for fsr's selftests. Source it from a test script that runs inside
# the lab VM (tools/lab/run); every test prints TAP and exits 0 (all passed),
# 1 (something failed) or 4 (skipped, kselftest convention).

KSFT_SKIP=4
# The peers and tools under test are Debian's: the caller's PATH (which
# the lab passes on) may put other builds first, such as a pyenv shim
# that costs seconds per python3 in the VM and lacks Debian's modules.
PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH
export PATH
SELFTESTS=${SELFTESTS:-$(cd "$(dirname "$0")" && pwd)}
TOP=$(cd "$SELFTESTS/.." && pwd)
FSRCTL=$TOP/build/bin/fsrctl
FSR_GENL_TEST=$TOP/build/selftests/fsr_genl
FSRD=$TOP/build/bin/fsrd
# shellcheck source=../tools/lab/guest-lib.sh
. "$TOP/tools/lab/guest-lib.sh"

_tap_n=0
_tap_failed=0
WORK=$(mktemp -d /tmp/fsrtest.XXXXXX)
_cleanups=""

tap_header() {
	echo "TAP version 13"
	[ -n "${1:-}" ] && echo "1..$1"
	return 0
}

pass() {
	_tap_n=$((_tap_n + 1))
	echo "ok $_tap_n - $*"
}

fail() {
	_tap_n=$((_tap_n + 1))
	_tap_failed=1
	echo "not ok $_tap_n - $*"
}

skip() {
	_tap_n=$((_tap_n + 1))
	echo "ok $_tap_n - $1 # SKIP $2"
}

# check DESC CMD...: one TAP line from a command's exit status, which it
# returns (so "check ... || diag ..." prints its diagnostic on failure).
check() {
	_desc=$1
	shift
	if "$@"; then
		pass "$_desc"
		return 0
	fi
	fail "$_desc"
	return 1
}

# not CMD...: succeeds when CMD fails (for check with shell functions).
not() {
	! "$@"
}

diag() {
	echo "$*" | sed 's/^/# /'
}

# Run cleanups in reverse order on exit (like the kernel's defer.sh).
defer() {
	_cleanups="$*
$_cleanups"
}

_run_cleanups() {
	echo "$_cleanups" | while IFS= read -r c; do
		[ -n "$c" ] && eval "$c" >/dev/null 2>&1
	done
	rm -rf "$WORK"
}

tap_finish() {
	_run_cleanups
	trap - EXIT
	[ $_tap_failed -eq 0 ] && exit 0
	exit 1
}

trap '_run_cleanups' EXIT

require_root() {
	if [ "$(id -u)" -ne 0 ]; then
		echo "1..0 # SKIP needs root"
		exit $KSFT_SKIP
	fi
}

require_cmd() {
	for c in "$@"; do
		if ! command -v "$c" >/dev/null 2>&1; then
			echo "1..0 # SKIP missing command $c"
			exit $KSFT_SKIP
		fi
	done
}

# wait_for SECONDS CMD...: poll CMD every 0.1 s until it succeeds.
wait_for() {
	_t=$(($1 * 10))
	shift
	while [ $_t -gt 0 ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
		_t=$((_t - 1))
	done
	return 1
}

# --- kernel log -------------------------------------------------------------

# dmesg_mark: remember where the kernel log is; dmesg_clean: nothing bad since.
dmesg_mark() {
	_dmesg_mark=$(dmesg | wc -l)
}

dmesg_since_mark() {
	dmesg | tail -n +$((_dmesg_mark + 1))
}

DMESG_BAD='WARNING:|BUG[: ]|Oops|Call Trace|general protection|Objects remaining|UBSAN|KASAN|refcount_t|list_add corruption|list_del corruption|unregister_netdevice: waiting|INFO: task .* blocked'

dmesg_clean() {
	_bad=$(dmesg_since_mark | grep -E "$DMESG_BAD")
	[ -z "$_bad" ] && return 0
	diag "$_bad"
	return 1
}

# --- modules and radios -----------------------------------------------------

fsr_loaded() {
	[ -d /sys/module/fsr ]
}

# load_radios N: mac80211_hwsim with N radios on the patched mac80211.
load_radios() {
	lab_modprobe mac80211_hwsim radios="$1" || return 1
	wait_for 10 ip link show wlan$(($1 - 1))
}

unload_all() {
	killall -q hostapd wpa_supplicant 2>/dev/null
	sleep 0.2
	lab_rmmod fsr 2>/dev/null
	lab_rmmod mac80211_hwsim 2>/dev/null
	for ns in $(ip netns list 2>/dev/null | awk '{print $1}'); do
		ip netns del "$ns"
	done
	return 0
}

# phy_of IFACE: the wiphy name (phyN) of a wireless interface.
phy_of() {
	basename "$(readlink "/sys/class/net/$1/phy80211")"
}

# fsr_load: load fsr.ko (a test result); the test ends here if it fails.
fsr_load() {
	if lab_modprobe fsr; then
		pass "fsr.ko loads"
	else
		fail "fsr.ko loads"
		tap_finish
	fi
}

# fsr_counter NAME: a counter of fsr.ko (fsrctl stats) summed over every
# attached BSS.
fsr_counter() {
	"$FSRCTL" stats 2>/dev/null |
		awk -v n="$1" '$1 == n { s += $2 } END { print s + 0 }'
}

# add_monitor IFACE: a monitor interface mon0 on IFACE's radio, on 2412 MHz,
# removed at the end of the test (frame injection and capture).
add_monitor() {
	iw phy "$(phy_of "$1")" interface add mon0 type monitor &&
		ip link set mon0 up &&
		iw dev mon0 set freq 2412 || return 1
	defer "iw dev mon0 del"
}

# ack_as IFACE MAC: IFACE, an unused station interface on the radio of
# add_monitor, takes MAC and comes up, so that mac80211_hwsim acknowledges
# the AP's frames to MAC (it acknowledges only frames to an active
# interface of the radio, never to a monitor): the kernel fast path
# installs a roam's PTK only once its Reassociation Response was
# acknowledged. While IFACE is up, frames injected on that radio with
# another source address do not reach the air (seen in the lab): take it
# down again (ip link set IFACE down) before injecting as anyone else.
ack_as() {
	ip link set "$1" down && ip link set "$1" address "$2" &&
		ip link set "$1" up
}

# --- real peers: hostapd and wpa_supplicant ---------------------------------

# start_hostapd_psk IFACE SSID PASSPHRASE [extra hostapd.conf lines]
start_hostapd_psk() {
	_if=$1
	cat > "$WORK/hostapd-$_if.conf" <<EOF
interface=$_if
driver=nl80211
ctrl_interface=$WORK/hostapd-ctrl
ssid=$2
hw_mode=g
channel=1
wpa=2
wpa_key_mgmt=WPA-PSK
rsn_pairwise=CCMP
wpa_passphrase=$3
${4:-}
EOF
	hostapd -B -P "$WORK/hostapd-$_if.pid" -f "$WORK/hostapd-$_if.log" \
		"$WORK/hostapd-$_if.conf" || return 1
	defer "kill \$(cat $WORK/hostapd-$_if.pid)"
	wait_for 15 grep -q AP-ENABLED "$WORK/hostapd-$_if.log"
}

# client_netns NS IFACE: move IFACE's radio into a new network namespace.
client_netns() {
	ip netns add "$1" || return 1
	defer "ip netns del $1"
	iw phy "$(phy_of "$2")" set netns name "$1" || return 1
	ip -n "$1" link set lo up
}

# start_wpa_psk NS IFACE SSID PASSPHRASE
start_wpa_psk() {
	cat > "$WORK/wpa-$2.conf" <<EOF
ctrl_interface=$WORK/wpa-ctrl
network={
	ssid="$3"
	key_mgmt=WPA-PSK
	psk="$4"
	scan_freq=2412
}
EOF
	ip netns exec "$1" wpa_supplicant -B -i "$2" -c "$WORK/wpa-$2.conf" \
		-P "$WORK/wpa-$2.pid" -f "$WORK/wpa-$2.log" || return 1
	defer "kill \$(cat $WORK/wpa-$2.pid)"
}

# wpa_state NS IFACE: the supplicant's wpa_state (COMPLETED when connected).
wpa_state() {
	ip netns exec "$1" wpa_cli -p "$WORK/wpa-ctrl" -i "$2" status 2>/dev/null |
		sed -n 's/^wpa_state=//p'
}

wpa_connected() {
	[ "$(wpa_state "$1" "$2")" = COMPLETED ]
}

# --- fsrd -------------------------------------------------------------------

# start_fsrd [LOG]: run fsrd in the foreground on $WORK/fsrd.conf, logging
# to LOG (default $WORK/fsrd.log); sets FSRD_LOG and FSRD_PID.
start_fsrd() {
	FSRD_LOG=${1:-$WORK/fsrd.log}
	"$FSRD" -f -c "$WORK/fsrd.conf" > "$FSRD_LOG" 2>&1 &
	FSRD_PID=$!
	defer "kill $FSRD_PID"
}

# fsrd_sigterm: stop fsrd with SIGTERM, which must exit 0 (a test result),
# then show the end of its log.
fsrd_sigterm() {
	kill -TERM "$FSRD_PID"
	wait "$FSRD_PID"
	_rc=$?
	check "SIGTERM: fsrd exits 0 (status $_rc)" [ "$_rc" -eq 0 ]
	diag "$(grep -v debug: "$FSRD_LOG" | tail -n 40)"
}

fsrd_log_has() {
	grep -q "$1" "$FSRD_LOG"
}

fsrd_log_count() {
	grep -c "$1" "$FSRD_LOG"
}

# Two-BSS FT roam tests (fsrd_ft.sh, fsrd_kernel_ft.sh): APs wlan0 and
# wlan1 (BSSID0, BSSID1) bridged into br0, the client wlan2 in netns "cli".
ft_cli() {
	ip netns exec cli wpa_cli -p "$WORK/wpa-ctrl" -i wlan2 "$@"
}

# ft_on_bssid BSSID: the client is connected (COMPLETED) to BSSID
ft_on_bssid() {
	ft_cli status > "$WORK/status.txt" 2>/dev/null &&
		grep -q "^wpa_state=COMPLETED" "$WORK/status.txt" &&
		grep -q "^bssid=$1" "$WORK/status.txt"
}

ft_both_seen() {
	ft_cli scan_results > "$WORK/scan.txt" 2>/dev/null &&
		grep -q "$BSSID0" "$WORK/scan.txt" &&
		grep -q "$BSSID1" "$WORK/scan.txt"
}

ft_bridge_up() {
	ip link add br0 type bridge &&
		ip link set wlan0 master br0 &&
		ip link set wlan1 master br0 &&
		ip link set br0 up &&
		ip addr add 10.77.0.1/24 dev br0
}
