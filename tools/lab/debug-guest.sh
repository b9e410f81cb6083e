#!/bin/sh
# Run a command in the lab VM on the debug kernel, then report what the
# kernel found, as TAP after the command's own output.
#
#   tools/lab/run --modroot DIR -- tools/lab/debug-guest.sh COMMAND [ARGS...]
#
# kmemleak is cleared before the command (what boot left behind is not
# ours) and scanned after it; the whole kernel log, boot included, is
# searched for KASAN, lockdep, RCU, sleep-in-atomic and WARN reports.
# Saves kmemleak and dmesg.debug into the run's directory ($FSR_LAB_OUT).
# Sets FSR_SLOW_TESTS=1: selftests/run.sh then runs its slow tests too.
# Exit status: the command's, or 1 if it passed but the kernel complained.
set -u

kl=/sys/kernel/debug/kmemleak
out=${FSR_LAB_OUT:?run me through tools/lab/run}
[ $# -gt 0 ] || {
	echo "usage: $0 COMMAND [ARGS...]" >&2
	exit 2
}

if ! echo clear > "$kl"; then
	echo "not ok - debug kernel: cannot use $kl (not the debug kernel?)"
	exit 1
fi

FSR_SLOW_TESTS=1 "$@"
rc=$?

# kmemleak reports an object only once it is older than its min_age (5 s)
# and was found unreferenced by a scan; the second scan settles objects the
# first one was racing with.
sleep 6
echo scan > "$kl"
echo scan > "$kl"
cat "$kl" > "$out/kmemleak"
dmesg > "$out/dmesg.debug"

fail=0
leaks=$(grep -c '^unreferenced object' "$out/kmemleak")
if [ "$leaks" -eq 0 ]; then
	echo "ok - debug kernel: kmemleak found no leak"
else
	echo "not ok - debug kernel: kmemleak found $leaks unreferenced objects" \
		"(kmemleak in the run directory)"
	sed -n '1,40s/^/# /p' "$out/kmemleak"
	fail=1
fi

# BUG: KASAN and others; WARNING: lockdep's and RCU's reports and WARN_ON;
# DEBUG_LOCKS_WARN_ON: lockdep's own checks.
pat='(BUG|WARNING|INFO): |DEBUG_LOCKS_WARN_ON|UBSAN: |kmemleak: .*suspected'
n=$(grep -cE "$pat" "$out/dmesg.debug")
if [ "$n" -eq 0 ]; then
	echo "ok - debug kernel: no KASAN, lockdep, RCU or WARN report in dmesg"
else
	echo "not ok - debug kernel: $n report lines in dmesg (dmesg.debug in the run directory)"
	grep -E -A 30 "$pat" "$out/dmesg.debug" | sed -n '1,80s/^/# /p'
	fail=1
fi

[ "$rc" -ne 0 ] && exit "$rc"
exit $fail
