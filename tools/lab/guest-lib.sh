# Helpers for tests that run inside the lab VM. Source it (POSIX sh):
#   . tools/lab/guest-lib.sh
# It uses the variables tools/lab/run sets in the guest: FSR_LAB,
# FSR_MODROOT, FSR_KABI, FSR_LAB_OUT.

# lab_in_vm: succeed only inside the lab VM.
lab_in_vm() {
	[ "${FSR_LAB:-0}" = 1 ]
}

# lab_modprobe NAME [PARAM=VALUE...]: load a module (and its dependencies)
# from the lab's module root, so patched modules win over stock ones.
lab_modprobe() {
	modprobe -d "${FSR_MODROOT:?not in the lab VM}" "$@"
}

# lab_rmmod NAME: unload a module and its now unused dependencies; falls
# back to plain rmmod for a module modprobe does not know.
lab_rmmod() {
	modprobe -d "${FSR_MODROOT:?not in the lab VM}" -r "$1" 2> /dev/null ||
		rmmod "$1"
}

# lab_wait SECONDS COMMAND [ARGS...]: run COMMAND every 0.2 s until it
# succeeds (status 0) or SECONDS have passed (status 1).
lab_wait() {
	_lab_n=$(($1 * 5))
	shift
	while [ "$_lab_n" -gt 0 ]; do
		"$@" > /dev/null 2>&1 && return 0
		sleep 0.2
		_lab_n=$((_lab_n - 1))
	done
	return 1
}

# lab_hwsim RADIOS: load mac80211_hwsim with that many radios and wait for
# its wlan interfaces (wlan0 .. wlanN-1).
lab_hwsim() {
	lab_modprobe mac80211_hwsim radios="$1" || return 1
	lab_wait 10 ip link show "wlan$(($1 - 1))"
}
