# shellcheck shell=sh
# Mode "hostapd": hostapd 2.10 runs both APs (FT-PSK over the air, one
# mobility domain, PMK-R1 push between explicitly configured key holders).
# Sourced by in-vm.sh after lib.sh. Interface of every mode script:
#   mode_check          print why the mode cannot run and fail, or succeed
#   mode_start_aps DIR  bring AP1 (BENCH_IF1) and AP2 (BENCH_IF2) up,
#                       bridged into br0, logs into DIR; fail if not up
#   mode_stop_aps       stop them
#   mode_collect DIR    after the roams, save what the APs know into DIR

mode_check() {
	command -v hostapd > /dev/null || {
		echo "hostapd is not installed"
		return 1
	}
}

# Key-holder keys (256-bit, hex): one key per ordered pair of APs, as
# hostapd.conf recommends; "11" is AP1 to itself.
_hk_11=1111111111111111111111111111111111111111111111111111111111111111
_hk_12=1212121212121212121212121212121212121212121212121212121212121212
_hk_21=2121212121212121212121212121212121212121212121212121212121212121
_hk_22=2222222222222222222222222222222222222222222222222222222222222222

# _hostapd_conf IFACE NAS_ID: one BSS. R0KH-IDs are ap1/ap2.fsr-bench, the
# R1KH-IDs are the BSSIDs. The key of "rXkh=PEER" on AP a is _hk_<R0KH><R1KH>.
_hostapd_conf() {
	if [ "$1" = "$BENCH_IF1" ]; then me=1; else me=2; fi
	cat << CONF
interface=$1
bridge=br0
driver=nl80211
ctrl_interface=$BENCH_RUN/hostapd-ctrl
ssid=$BENCH_SSID
hw_mode=g
channel=1
beacon_int=100
wpa=2
wpa_key_mgmt=FT-PSK
rsn_pairwise=CCMP
wpa_passphrase=$BENCH_PSK
mobility_domain=$BENCH_MDID
nas_identifier=$2
r1_key_holder=$(eval echo "\$BENCH_AP_MAC_$me" | tr -d :)
ft_over_ds=0
ft_psk_generate_local=0
pmk_r1_push=1
reassociation_deadline=1000
ft_r0_key_lifetime=1209600
rkh_pos_timeout=86400
rkh_pull_timeout=1000
rkh_pull_retries=4
r0kh=$BENCH_AP1 ap1.fsr-bench $(eval echo "\$_hk_1$me")
r0kh=$BENCH_AP2 ap2.fsr-bench $(eval echo "\$_hk_2$me")
r1kh=$BENCH_AP1 $BENCH_AP1 $(eval echo "\$_hk_${me}1")
r1kh=$BENCH_AP2 $BENCH_AP2 $(eval echo "\$_hk_${me}2")
CONF
}

mode_start_aps() {
	BENCH_AP_MAC_1=$BENCH_AP1
	BENCH_AP_MAC_2=$BENCH_AP2
	_hostapd_conf "$BENCH_IF1" ap1.fsr-bench > "$1/hostapd-ap1.conf"
	_hostapd_conf "$BENCH_IF2" ap2.fsr-bench > "$1/hostapd-ap2.conf"
	hostapd -B -t -P "$BENCH_RUN/hostapd.pid" -f "$1/hostapd.log" \
		"$1/hostapd-ap1.conf" "$1/hostapd-ap2.conf" || return 1
	wait_until 20 sh -c "[ \$(grep -c AP-ENABLED '$1/hostapd.log') -ge 2 ]"
}

mode_stop_aps() {
	[ -f "$BENCH_RUN/hostapd.pid" ] && kill "$(cat "$BENCH_RUN/hostapd.pid")" 2> /dev/null
	rm -f "$BENCH_RUN/hostapd.pid"
	sleep 0.5
}

mode_collect() {
	:
}
