#!/bin/sh
# fsr lab VM, stage 2: runs as PID 1 inside the guest after the switch_root into
# the host's root (read-only). Prepares the system, runs the job written by
# tools/lab/run into the run's output directory, saves its exit status and
# the kernel log there, and powers the VM off.
#
# In:  FSR_LAB_OUT (set by the initramfs), $FSR_LAB_OUT/job (sh, written by
#      tools/lab/run: FSR_KABI, FSR_MODROOT, FSR_LAB_MODE, FSR_LAB_CWD,
#      FSR_LAB_PATH, FSR_LAB_TERM, FSR_LAB_SIZE and "set -- COMMAND ARGS").
# Out: $FSR_LAB_OUT/output (the command's stdout and stderr, in "run" mode),
#      $FSR_LAB_OUT/rc (its exit status), $FSR_LAB_OUT/dmesg.
set -u

out=${FSR_LAB_OUT:?}

say() {
	read -r up _ < /proc/uptime
	echo "fsr-lab: [$up] $*" > /dev/console
}

# Power off. The poweroff runs asynchronously and takes the 9p root away,
# so nothing may be executed from it afterwards: wait on a FIFO in /run
# with shell builtins only (PID 1 must not exit: that would panic).
halt() {
	sync
	mkfifo /run/fsr-lab-halt 2> /dev/null
	echo o > /proc/sysrq-trigger
	while :; do
		read -r _ <> /run/fsr-lab-halt
	done
}

mountpoint -q /proc || mount -t proc proc /proc
mountpoint -q /sys || mount -t sysfs sys /sys
mountpoint -q /dev || mount -t devtmpfs dev /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts -o gid=5,mode=620,ptmxmode=666 devpts /dev/pts
mount -t tmpfs -o mode=1777 shm /dev/shm
mount -t tmpfs -o mode=755 run /run
mount -t tmpfs -o mode=1777 tmp /tmp
mount -t debugfs debugfs /sys/kernel/debug 2> /dev/null || true
mount -t tracefs tracefs /sys/kernel/tracing 2> /dev/null || true

# shellcheck disable=SC1091 # written by tools/lab/run
if ! . "$out/job"; then
	say "cannot read $out/job"
	echo 125 > "$out/rc"
	halt
fi

# The kernel asks for modules on its own (crypto algorithms, net families):
# send it to the lab's module root.
mkdir -p /run/fsr-lab
cat > /run/fsr-lab/modprobe << EOF
#!/bin/sh
exec /sbin/modprobe -d '$FSR_MODROOT' "\$@"
EOF
chmod 755 /run/fsr-lab/modprobe
echo /run/fsr-lab/modprobe > /proc/sys/kernel/modprobe

# hostapd and wpa_supplicant need these to install CCMP/GCMP/BIP keys.
for m in ccm ctr gcm cmac; do
	/run/fsr-lab/modprobe "$m" || say "warning: modprobe $m failed"
done

ip link set lo up
hostname fsr-lab

export FSR_LAB=1 FSR_KABI FSR_MODROOT FSR_LAB_OUT="$out"
export HOME=/root PATH="$FSR_LAB_PATH" TERM="${FSR_LAB_TERM:-dumb}"
export LANG=C.UTF-8 PYTHONUNBUFFERED=1

if ! cd "$FSR_LAB_CWD"; then
	say "cannot enter $FSR_LAB_CWD"
	rc=125
elif [ "$FSR_LAB_MODE" = shell ]; then
	if [ -n "${FSR_LAB_SIZE:-}" ]; then
		# shellcheck disable=SC2086
		set -- $FSR_LAB_SIZE
		stty -F /dev/ttyS0 rows "$1" cols "$2" 2> /dev/null
	fi
	echo "fsr lab: $FSR_KABI, modules from $FSR_MODROOT; exit the shell to stop the VM"
	setsid -c bash -i < /dev/ttyS0 > /dev/ttyS0 2>&1
	rc=$?
else
	say "running: $*"
	"$@" < /dev/null >> "$out/output" 2>&1
	rc=$?
	say "exit status $rc"
fi

echo "$rc" > "$out/rc.tmp" && mv "$out/rc.tmp" "$out/rc"
dmesg > "$out/dmesg" 2>&1
halt
