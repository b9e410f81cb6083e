# shellcheck shell=sh
# Mode "fsr-kernel": fsrd runs both APs with kernel_fast_path = yes and
# fsr.ko loaded: after the initial association fsrd pushes the client's
# PMK-R1s into the module's cache, and fsr.ko answers the FT
# Authentication and Reassociation of every roam in the kernel. Same
# interface as mode-hostapd.sh; mode_collect saves fsr.ko's view (per-BSS
# counters and service-time histograms) before the APs stop.

. "$BENCH_TOP/tools/bench/fsrd-lib.sh"

mode_check() {
	bench_fsr_kernel_check
}

mode_start_aps() {
	lab_modprobe fsr || return 1
	bench_fsrd_start "$1" fsr-kernel yes
}

_fk_ctl() {
	"$BENCH_TOP/build/bin/fsrctl" --socket "$BENCH_RUN/fsrd.sock" "$@"
}

mode_collect() {
	_fk_ctl -j bss show > "$1/fsr-bss.json" 2> "$1/fsr-bss.err"
	_fk_ctl bss show > "$1/fsr-bss.txt" 2>&1
	_fk_ctl station show > "$1/fsrd-stations.txt" 2>&1
}

mode_stop_aps() {
	bench_fsrd_stop
	lab_rmmod fsr
}
