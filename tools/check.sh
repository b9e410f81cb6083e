#!/bin/sh
# Run fsr's tests and print one summary line: "N passed, M failed[, K skipped]".
#
#   tools/check.sh                  host unit tests, then selftests in the lab VM
#   tools/check.sh --unit-only      host unit tests only
#   tools/check.sh --selftests-only [TEST...]
#                                   selftests only (all, or the ones named)
#
# With FSR_LAB_KERNEL=debug (make check-debug), the selftests run on the
# lab's debug kernel under tools/lab/debug-guest.sh, which adds a test for
# the splats and leaks the kernel reported; logs go to build/debug/check/.
#
# Every stage prints TAP ("ok N - what", "not ok N - what", "ok N - what # SKIP
# why"). A stage that exits non-zero without reporting a failing test line (a
# crash, a lab that did not boot) counts as one failure of its own, so nothing
# can fail silently. Logs are kept in build/check/.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
logdir=build/check
[ "${FSR_LAB_KERNEL:-}" = debug ] && logdir=build/debug/check
mkdir -p "$logdir"
rm -f "$logdir"/*.log

unit=1
selftests=1
case "${1:-}" in
--unit-only) selftests=0 ;;
--selftests-only) unit=0; shift ;;
"") ;;
*) echo "usage: $0 [--unit-only|--selftests-only [TEST...]]" >&2; exit 2 ;;
esac

# stage NAME COMMAND...: run one stage, keep its output, note its exit status.
stage() {
	name=$1
	shift
	echo "# === $name: $*"
	"$@" > "$logdir/$name.log" 2>&1 &
	pid=$!
	tail -n +1 -f "$logdir/$name.log" --pid=$pid 2>/dev/null
	wait $pid
	rc=$?
	if [ $rc -ne 0 ] && ! grep -q '^not ok' "$logdir/$name.log"; then
		echo "not ok - $name: exited with status $rc (log: $logdir/$name.log)" \
			| tee -a "$logdir/$name.log"
	fi
	return 0
}

if [ $unit -eq 1 ]; then
	stage unit-userspace make -s -C userspace TOP="$top" check
	stage unit-ft make -s -C tests/ft TOP="$top" check
	stage unit-bench make -s -C tests/bench TOP="$top" check
	stage fuzz make -s -C tests/fuzz TOP="$top" FUZZ_SECONDS="${FUZZ_SECONDS:-90}" check
	# Debian's python3, where tools/deps.sh installed python3-yaml.
	stage unit-spec /usr/bin/python3 tests/spec/check_spec.py
	stage checkpatch tools/checkpatch.sh
fi

if [ $selftests -eq 1 ] && [ "${FSR_LAB_KERNEL:-}" = debug ]; then
	stage selftests-debug tools/lab/run --timeout "${FSR_LAB_TIMEOUT:-14400}" \
		--modroot build/debug/lab/modroot -- \
		tools/lab/debug-guest.sh selftests/run.sh "$@"
elif [ $selftests -eq 1 ]; then
	stage selftests tools/lab/run --timeout 4500 -- selftests/run.sh "$@"
fi

passed=$(cat "$logdir"/*.log | grep -E '^ok( |$)' | grep -vc '# SKIP')
skipped=$(cat "$logdir"/*.log | grep -E '^ok( |$)' | grep -c '# SKIP')
failed=$(cat "$logdir"/*.log | grep -cE '^not ok( |$)')

echo
if [ "$failed" -gt 0 ]; then
	echo "# failed tests:"
	cat "$logdir"/*.log | grep -E '^not ok( |$)' | sed 's/^/#   /'
fi
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
