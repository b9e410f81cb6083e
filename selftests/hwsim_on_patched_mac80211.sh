#!/bin/sh
# The stock mac80211_hwsim.ko loads on the hook-patched mac80211.ko, and
# fsr.ko loads on top and registers the hook.
. "$(dirname "$0")/lib.sh"
require_root
tap_header 7
dmesg_mark

check "stock mac80211_hwsim loads on the patched mac80211" load_radios 2
modfile=$(modinfo -b "$FSR_MODROOT" -k "$FSR_KABI" -n mac80211)
case $modfile in
*/updates/*) pass "modprobe resolved mac80211 to the patched module ($modfile)" ;;
*) fail "modprobe resolved mac80211 to $modfile, not the patched module" ;;
esac
check "the loaded mac80211 exports the offload hook" \
	grep -q ' ieee80211_mgmt_offload_register' /proc/kallsyms
check "hwsim created wlan0 and wlan1" ip link show wlan1
check "fsr.ko loads" lab_modprobe fsr
check "fsrctl info reports the hook registered" \
	sh -c "'$FSRCTL' -j info | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)[\"hook\"] else 1)'"
lab_rmmod fsr
lab_rmmod mac80211_hwsim
check "no warning, oops or symbol-version complaint in dmesg" sh -c \
	"! dmesg | tail -n +$((_dmesg_mark + 1)) | grep -E '$DMESG_BAD|disagrees about version|Unknown symbol'"
tap_finish
