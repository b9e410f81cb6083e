#!/bin/sh
# The "fsr" generic-netlink family: permissions, strict policies with extack,
# the PMK-R1 cache (bound, expiry, eviction, interrupted dumps), BSS attach,
# events, and no key bytes in any message. The checks are in fsr_genl.c.
. "$(dirname "$0")/lib.sh"
require_root
[ -x "$FSR_GENL_TEST" ] || { echo "1..0 # SKIP $FSR_GENL_TEST not built"; exit $KSFT_SKIP; }
dmesg_mark

PMK_MAX=64
load_radios 2 || { fail "load radios"; tap_finish; }
lab_modprobe fsr pmk_max=$PMK_MAX || { fail "load fsr pmk_max=$PMK_MAX"; tap_finish; }
# wlan0 becomes an AP interface (no BSS started); wlan1 stays a station.
ip link set wlan0 down
iw dev wlan0 set type __ap
ip link set wlan0 up

"$FSR_GENL_TEST" wlan0 wlan1 $PMK_MAX
rc=$?
lab_rmmod fsr
if dmesg_clean; then pass "genl: dmesg clean"; else fail "genl: dmesg clean"; fi
[ $rc -eq 0 ] || _tap_failed=1
tap_finish
