# shellcheck shell=sh
# Mode "fsr-eap-SCEN": one fsrd runs both APs as 802.1X BSSes (security
# wpa2-eap; ft-eap with kernel_fast_path = yes and fsr.ko loaded for the
# ft scenario) relaying EAP to the benchmark's FreeRADIUS (eap-lib.sh).
# okc = yes only for the okc scenario. Same interface as mode-hostapd.sh.

. "$BENCH_TOP/tools/bench/fsrd-lib.sh"

mode_check() {
	if [ ! -x "$(bench_fsrd)" ]; then
		echo "fsrd is not built (make)"
		return 1
	fi
	if [ "$BENCH_EAP_SCEN" = ft ] && [ ! -d /sys/module/fsr ] &&
		! lab_modprobe -n fsr 2> /dev/null; then
		echo "fsr.ko is not built (make module)"
		return 1
	fi
}

# _fe_conf MODE FAST_PATH: fsrd.conf with the RADIUS server.
_fe_conf() {
	if [ "$BENCH_EAP_SCEN" = ft ]; then _fe_sec=ft-eap; else _fe_sec=wpa2-eap; fi
	if [ "$BENCH_EAP_SCEN" = okc ]; then _fe_okc=yes; else _fe_okc=no; fi
	_bf_conf "$1" "$2" | sed -e '/^passphrase = /d' \
		-e "s/^security = ft-psk\$/security = $_fe_sec\\nokc = $_fe_okc/"
	cat << CONF

[radius]
nas_identifier = ap.fsr-bench

[auth_server lab]
address = 127.0.0.1:1812
secret = $BENCH_RADIUS_SECRET
CONF
}

mode_start_aps() {
	if [ "$BENCH_EAP_SCEN" = ft ]; then
		lab_modprobe fsr || return 1
		bench_fsrd_start "$1" "fsr-eap-$BENCH_EAP_SCEN" yes _fe_conf
	else
		bench_fsrd_start "$1" "fsr-eap-$BENCH_EAP_SCEN" no _fe_conf
	fi
}

_fe_ctl() {
	"$BENCH_TOP/build/bin/fsrctl" --socket "$BENCH_RUN/fsrd.sock" "$@"
}

mode_flush_ap() {
	_fe_ctl pmksa flush bss "$1" > /dev/null
}

mode_collect() {
	bench_eap_collect "$1"
	_fe_ctl -j auth show > "$1/fsrd-auth.json" 2>&1
	[ "$BENCH_EAP_SCEN" = ft ] &&
		_fe_ctl -j bss show > "$1/fsr-bss.json" 2> "$1/fsr-bss.err"
	return 0
}

mode_stop_aps() {
	bench_fsrd_stop
	[ "$BENCH_EAP_SCEN" = ft ] && lab_rmmod fsr
	return 0
}
