# shellcheck shell=sh
# Mode "fsr-kernel": fsrd runs both APs and fsr.ko serves FT Authentication
# and Reassociation in the kernel from PMK-R1s pushed down by fsrd. Same
# interface as mode-hostapd.sh. Not written yet: neither fsrd (issue 3) nor
# the kernel FT fast path (issue 4) exists. When they do, mode_start_aps
# loads fsr, starts fsrd like mode-fsr-user.sh with the fast path on, and
# mode_stop_aps also saves fsr.ko's service-time histogram into DIR.

mode_check() {
	if [ ! -x "$BENCH_TOP/build/bin/fsrd" ]; then
		echo "fsrd is not built (issue 3) and the kernel FT fast path does not exist (issue 4)"
	else
		echo "the kernel FT fast path does not exist yet (issue 4)"
	fi
	return 1
}

mode_start_aps() {
	return 1
}

mode_stop_aps() {
	return 0
}
