# shellcheck shell=sh
# Mode "hostapd-eap-SCEN": hostapd 2.10 runs both APs as WPA2-Enterprise
# BSSes (wpa_key_mgmt WPA-EAP; FT-EAP for the ft scenario, with the FT
# settings of mode-hostapd.sh) relaying EAP to the benchmark's FreeRADIUS
# (eap-lib.sh). The scenario BENCH_EAP_SCEN sets OKC (okc=1 only for okc)
# and what happens before each roam (eap-lib.sh). Same interface as
# mode-hostapd.sh.

. "$BENCH_TOP/tools/bench/mode-hostapd.sh"

# _he_conf IFACE NAS_ID: the FT-PSK configuration of mode-hostapd.sh
# turned into 802.1X.
_he_conf() {
	_hostapd_conf "$1" "$2" | sed -e '/^wpa_passphrase=/d' \
		-e '/^wpa_key_mgmt=/d'
	if [ "$BENCH_EAP_SCEN" = ft ]; then
		echo "wpa_key_mgmt=FT-EAP"
	else
		echo "wpa_key_mgmt=WPA-EAP"
	fi
	cat << CONF
ieee8021x=1
eapol_version=2
own_ip_addr=127.0.0.1
auth_server_addr=127.0.0.1
auth_server_port=1812
auth_server_shared_secret=$BENCH_RADIUS_SECRET
eap_reauth_period=0
rsn_preauth=0
okc=$([ "$BENCH_EAP_SCEN" = okc ] && echo 1 || echo 0)
CONF
}

mode_start_aps() {
	BENCH_AP_MAC_1=$BENCH_AP1
	BENCH_AP_MAC_2=$BENCH_AP2
	_he_conf "$BENCH_IF1" ap1.fsr-bench > "$1/hostapd-ap1.conf"
	_he_conf "$BENCH_IF2" ap2.fsr-bench > "$1/hostapd-ap2.conf"
	hostapd -B -t -P "$BENCH_RUN/hostapd.pid" -f "$1/hostapd.log" \
		"$1/hostapd-ap1.conf" "$1/hostapd-ap2.conf" || return 1
	wait_until 20 sh -c "[ \$(grep -c AP-ENABLED '$1/hostapd.log') -ge 2 ]"
}

mode_flush_ap() {
	hostapd_cli -p "$BENCH_RUN/hostapd-ctrl" -i "$1" pmksa_flush > /dev/null
}

mode_collect() {
	bench_eap_collect "$1"
}
