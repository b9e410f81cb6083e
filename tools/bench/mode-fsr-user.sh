# shellcheck shell=sh
# Mode "fsr-user": fsrd runs both APs with the kernel fast path off, so every
# FT exchange is served in userspace. Same interface as mode-hostapd.sh.
# Not written yet: fsrd does not exist (issue 3). When it does, mode_check
# tests for it and mode_start_aps starts it on BENCH_IF1/BENCH_IF2 (bridged
# into br0, FT-PSK, BENCH_SSID/BENCH_PSK/BENCH_MDID, PMK-R1 push, over the
# air only) and waits until both BSSes beacon.

mode_check() {
	if [ ! -x "$BENCH_TOP/build/bin/fsrd" ]; then
		echo "fsrd is not built (issue 3)"
	else
		echo "fsrd exists but tools/bench/mode-fsr-user.sh does not start it yet"
	fi
	return 1
}

mode_start_aps() {
	return 1
}

mode_stop_aps() {
	return 0
}
