#!/bin/sh
# Run the kernel's checkpatch.pl (from the lab's kernel source) over fsr.ko's
# sources and the mac80211 patch, one TAP line per file.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
. build/kernel.env
cp=$FSR_LAB_SOURCE/scripts/checkpatch.pl
n=0
fail=0
for f in kmod/*.[ch] kmod/ft/*.[ch] selftests/hook_probe/*.c kmod/mac80211/*.patch; do
	[ -e "$f" ] || continue
	case $f in *.mod.c) continue ;; esac
	n=$((n + 1))
	case $f in
	# A new file under net/mac80211/ is covered by the existing
	# MAINTAINERS entry, which checkpatch cannot see without a tree.
	# The patch goes in on stdin: given the path of a file git tracks,
	# checkpatch checks the file itself instead of the patch it holds.
	*.patch) args="--strict --no-tree --ignore FILE_PATH_CHANGES" in=- ;;
	*) args="--strict --no-tree -f" in=$f ;;
	esac
	# shellcheck disable=SC2086
	if out=$(perl "$cp" $args --quiet --show-types $in < "$f" 2>&1); then
		echo "ok $n - checkpatch $f"
	else
		echo "not ok $n - checkpatch $f"
		echo "$out" | sed 's/^/# /'
		fail=1
	fi
done
echo "1..$n"
exit $fail
