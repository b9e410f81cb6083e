# shellcheck shell=sh
# The 802.1X scenarios of the roam benchmark (sourced by in-vm.sh and the
# modes hostapd-eap and fsr-eap). One FreeRADIUS from Debian on loopback
# (selftests/lib_radius.sh: EAP-PEAP/MSCHAPv2, user alice) serves both AP
# implementations; the client is wpa_supplicant with PEAP/MSCHAPv2. The
# scenario is BENCH_EAP_SCEN:
#   full   every roam is a full EAP authentication: OKC off on both
#          sides, and the target AP's PMKSA cache is flushed before each
#          roam, so the PMKID the client presents is unknown there
#          (flushing the client's cache instead makes wpa_supplicant drop
#          its current association)
#   pmksa  PMKSA caching: the client has visited both APs (warm-up), OKC
#          off on both sides; each roam presents the target's own PMKID
#   okc    opportunistic key caching: OKC on both sides; before each roam
#          the target AP's PMKSA cache is flushed, so it can only find the
#          PMK through the entry of the other BSS
#   ft     FT-802.1X (FT-EAP): after the first EAP authentication every
#          roam is an FT roam (fsr: served by fsr.ko)
# The Access-Requests FreeRADIUS received during the roams of a mode go to
# DIR/access-requests: full > 0, the others 0 (which path ran).

. "$BENCH_TOP/selftests/lib_radius.sh"

BENCH_EAP_SCENS="full pmksa okc ft"
BENCH_RADIUS_SECRET=fsr-bench-radius-secret
BENCH_RADIUS_DIR=/tmp/bench-radius

# bench_radius_start: certificates, configuration, FreeRADIUS; once per boot.
bench_radius_start() {
	mkdir -p "$BENCH_RADIUS_DIR" || return 1
	radius_certs "$BENCH_RADIUS_DIR/certs" || return 1
	radius_conf "$BENCH_RADIUS_DIR/raddb" "$BENCH_RADIUS_SECRET" 1812 1813 \
		"$BENCH_RADIUS_DIR/certs"
	BENCH_RADIUS_LOG=$BENCH_RADIUS_DIR/freeradius.log
	radius_start "$BENCH_RADIUS_DIR/raddb" "$BENCH_RADIUS_LOG" || return 1
	BENCH_RADIUS_PID=$RADIUS_PID
}

bench_radius_stop() {
	[ -n "${BENCH_RADIUS_PID:-}" ] && kill "$BENCH_RADIUS_PID" 2> /dev/null
	BENCH_RADIUS_PID=
}

bench_radius_requests() {
	radius_access_requests "$BENCH_RADIUS_LOG"
}

# The client's network lines for the scenario (start_client's BENCH_NETWORK).
bench_eap_network() {
	if [ "$BENCH_EAP_SCEN" = ft ]; then
		_en_km=FT-EAP
	else
		_en_km=WPA-EAP
	fi
	if [ "$BENCH_EAP_SCEN" = okc ]; then _en_okc=1; else _en_okc=0; fi
	cat << EOF
key_mgmt=$_en_km
	eap=PEAP
	identity="alice"
	password="wonderland"
	phase2="auth=MSCHAPV2"
	ca_cert="$BENCH_RADIUS_DIR/certs/ca.pem"
	proactive_key_caching=$_en_okc
EOF
}

# The interface of the AP with BSSID $1.
bench_if_of() {
	if [ "$1" = "$BENCH_AP1" ]; then echo "$BENCH_IF1"; else echo "$BENCH_IF2"; fi
}

# Hooks run_mode and roam_loop call (lib.sh). mode_flush_ap IFACE is the
# AP implementation's "forget the client's PMKSAs on that BSS".
mode_warmup() {
	BENCH_EAP_REQ0=$(bench_radius_requests)
	[ "$BENCH_EAP_SCEN" = pmksa ] || return 0
	# visit AP2 once (full EAP there), then back: both PMKSAs cached
	bench_wpa_cli roam "$BENCH_AP2" > /dev/null &&
		wait_until 30 sta_on "$BENCH_AP2" &&
		sleep 1 &&
		bench_wpa_cli roam "$BENCH_AP1" > /dev/null &&
		wait_until 30 sta_on "$BENCH_AP1" &&
		sleep 1 || return 1
	BENCH_EAP_REQ0=$(bench_radius_requests)
}

mode_pre_roam() {
	case $BENCH_EAP_SCEN in
	full | okc) mode_flush_ap "$(bench_if_of "$1")" ;;
	esac
}

# bench_eap_collect DIR: Access-Requests during the roams.
bench_eap_collect() {
	echo $(($(bench_radius_requests) - BENCH_EAP_REQ0)) > "$1/access-requests"
}
