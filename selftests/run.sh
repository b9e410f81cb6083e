#!/bin/sh
# Run fsr's selftests inside the lab VM (tools/lab/run -- selftests/run.sh).
# Each test is a kselftest-style program printing TAP; this runner prints its
# lines unchanged, turns exit 4 into a SKIP line and any other non-zero exit
# without a failing line into one "not ok" line, and exits 1 if anything
# failed. Usage: selftests/run.sh [TEST...]   (default: all, in order;
# with FSR_SLOW_TESTS=1, as make check-debug sets, the slow ones too)
set -u

SELFTESTS=$(cd "$(dirname "$0")" && pwd) || exit 1
export SELFTESTS
cd "$SELFTESTS" || exit 1
. ./lib.sh

TESTS="
hwsim_on_patched_mac80211.sh
hook_consume.sh
genl.sh
fsr_ft_crafted.sh
fsr_ft_owner.sh
fsr_ft_he.sh
fsr_flood.sh
fsrctl.sh
passthrough.sh
load_unload.sh
fsrd_psk.sh
fsrd_ft.sh
fsrd_kernel_ft.sh
fsrd_reject.sh
fsrd_ft_scope.sh
fsrd_limits.sh
radius_client.sh
eap_wired.sh
fsrd_eap.sh
fsrd_ft_eap.sh
fsrd_eap_session.sh
fsrd_revoke.sh
fsrd_pmksa_scope.sh
fsrd_eap_limit.sh
iwd_eap.sh
iwd_hostapd.sh
iwd_ft_eap.sh
fsrd_ctl.sh
fsrd_reload.sh
fsrd_kmod_reload.sh
fsrd_nl_overrun.sh
fsrd_rsc.sh
fsrd_ingress.sh
fsrd_mobility.sh
fsrd_mobility_hostapd.sh
fsrd_mobility_hostapd_eap.sh
fsrd_mobility_eap.sh
fsrd_mobility_eap_pull.sh
fsrd_mobility_psk_pull.sh
fsrd_mobility_revoke.sh
fsrd_mobility_pmksa.sh
fsrd_mobility_pull.sh
fsrd_mobility_pull_eap.sh
fsrd_mobility_wildcard.sh
fsrd_mobility_ds.sh
fsrd_portal.sh
fsrd_portal_bridged.sh
fsrd_portal_acct.sh
fsrd_portal_escape.sh
fsrd_portal_mobility.sh
fsrd_nmsp.sh
"
# Minutes each: only in make check-debug (tools/lab/debug-guest.sh).
SLOW_TESTS="
fsr_teardown_stress.sh
"
[ "${FSR_SLOW_TESTS:-0}" = 1 ] && TESTS="$TESTS $SLOW_TESTS"
[ $# -gt 0 ] && TESTS="$*"
TIMEOUT=${FSR_TEST_TIMEOUT:-1500}

status=0
for t in $TESTS; do
	echo "# --- $t"
	out=$WORK/$t.out
	start=$(date +%s)
	timeout "$TIMEOUT" sh "./$t" > "$out" 2>&1
	rc=$?
	# TAP lines go through as they are; the rest becomes diagnostics.
	sed -e '/^\(not \)\{0,1\}ok /!s/^/# /' "$out"
	echo "# $t: exit $rc after $(( $(date +%s) - start )) s"
	if [ $rc -eq $KSFT_SKIP ]; then
		grep -q '^ok ' "$out" || echo "ok - $t # SKIP $(sed -n 's/^1\.\.0 # SKIP //p' "$out")"
	elif [ $rc -ne 0 ]; then
		status=1
		grep -q '^not ok' "$out" || echo "not ok - $t exited with status $rc"
	fi
	unload_all
done
exit $status
