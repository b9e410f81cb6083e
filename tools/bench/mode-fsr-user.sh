# shellcheck shell=sh
# Mode "fsr-user": fsrd runs both APs with the kernel fast path off (fsr.ko
# is not loaded and kernel_fast_path = no), so every FT exchange is served
# in userspace. Same interface as mode-hostapd.sh (sourced by in-vm.sh
# after lib.sh):
#   mode_check          print why the mode cannot run and fail, or succeed
#   mode_start_aps DIR  bring AP1 (BENCH_IF1) and AP2 (BENCH_IF2) up,
#                       bridged into br0, logs into DIR; fail if not up
#   mode_collect DIR    after the roams, save what the APs know into DIR
#   mode_stop_aps       stop them
# The fsrd set-up both fsrd modes share is in fsrd-lib.sh.

. "$BENCH_TOP/tools/bench/fsrd-lib.sh"

mode_check() {
	if [ ! -x "$(bench_fsrd)" ]; then
		echo "fsrd is not built (make)"
		return 1
	fi
	if [ -d /sys/module/fsr ]; then
		echo "fsr.ko is loaded: the userspace-only mode wants it unloaded"
		return 1
	fi
}

mode_start_aps() {
	bench_fsrd_start "$1" fsr-user no
}

mode_stop_aps() {
	bench_fsrd_stop
}

mode_collect() {
	:
}
