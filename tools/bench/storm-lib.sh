# shellcheck shell=sh
# The roam storm (make bench STORM=N), inside the lab VM; sourced by
# in-vm.sh after lib.sh. N clients, each its own hwsim radio (wlan3 ..
# wlan<2+N>) in its own network namespace (bstorm1 .. bstormN,
# 10.78.0.<100+K>), associate to AP1; then every round all of them roam to
# the other AP at the same moment (stormroam, one tight loop of ROAM
# commands), for each FT-PSK mode (hostapd, fsr-user, fsr-kernel) with the
# same mode scripts as the single-client modes. Writes $BENCH_OUT/storm-MODE/:
# capture.pcap, clients ("K MAC" lines), roams-K.log, ping-K.log, logs.

BENCH_STORM=${BENCH_STORM:-0}

# storm_topology N: the clients' radios into their namespaces.
storm_topology() {
	_st_k=1
	while [ "$_st_k" -le "$1" ]; do
		_st_if=wlan$((_st_k + 2))
		_st_ns=bstorm$_st_k
		ip netns add "$_st_ns" || return 1
		iw phy "$(basename "$(readlink "/sys/class/net/$_st_if/phy80211")")" \
			set netns name "$_st_ns" || return 1
		ip -n "$_st_ns" link set lo up
		ip -n "$_st_ns" addr add "10.78.0.$((100 + _st_k))/24" dev "$_st_if"
		_st_k=$((_st_k + 1))
	done
}

# _storm_as K: make lib.sh's client helpers (start_client, stop_client,
# bench_wpa_cli) act on storm client K.
_storm_as() {
	BENCH_NS=bstorm$1
	BENCH_STA_IF=wlan$(($1 + 2))
	BENCH_RUN=$_storm_run/c$1
}

# back to the single client's names, and the storm's run directory (the
# mode scripts keep their sockets and pid files there)
_storm_restore() {
	BENCH_NS=$_storm_ns0
	BENCH_STA_IF=$_storm_if0
	BENCH_RUN=$_storm_run
}

_storm_stop_clients() {
	_ss_k=1
	while [ "$_ss_k" -le "$BENCH_STORM" ]; do
		_storm_as "$_ss_k"
		stop_client
		_ss_k=$((_ss_k + 1))
	done
	_storm_restore
}

# run_storm MODE ROUNDS TIMEOUT: the storm for one mode whose script has
# been sourced. Writes into $BENCH_OUT/storm-MODE/.
run_storm() {
	_rs_dir=$BENCH_OUT/storm-$1
	mkdir -p "$_rs_dir"
	_storm_ns0=$BENCH_NS
	_storm_if0=$BENCH_STA_IF
	_storm_run0=${BENCH_RUN:-}
	_storm_run=$(mktemp -d "/tmp/bench-storm-$1.XXXXXX")
	BENCH_RUN=$_storm_run
	bench_capture_start "$_rs_dir"
	if ! mode_start_aps "$_rs_dir"; then
		bench_capture_stop
		mode_stop_aps
		BENCH_RUN=$_storm_run0
		echo "the access points did not start (logs in storm-$1/)" > "$_rs_dir/error"
		return 1
	fi
	: > "$_rs_dir/clients"
	_rs_socks=
	_rs_pings=
	_rs_k=1
	while [ "$_rs_k" -le "$BENCH_STORM" ]; do
		_storm_as "$_rs_k"
		mkdir -p "$BENCH_RUN" "$_rs_dir/c$_rs_k"
		if ! start_client "$_rs_dir/c$_rs_k" "$BENCH_AP1"; then
			_storm_stop_clients
			bench_capture_stop
			mode_stop_aps
			BENCH_RUN=$_storm_run0
			echo "client $_rs_k did not connect to AP1 or did not see AP2" > "$_rs_dir/error"
			return 1
		fi
		echo "$_rs_k $(ip netns exec "$BENCH_NS" cat "/sys/class/net/$BENCH_STA_IF/address")" \
			>> "$_rs_dir/clients"
		_rs_socks="$_rs_socks $BENCH_RUN/wpa-ctrl/$BENCH_STA_IF"
		# steady traffic, so each roam has a "before" and an "after"
		ip netns exec "$BENCH_NS" ping -n -D -i 0.02 -W 1 "$BENCH_AP_ADDR" \
			> "$_rs_dir/ping-$_rs_k.log" 2>&1 &
		_rs_pings="$_rs_pings $!"
		_rs_k=$((_rs_k + 1))
	done
	_storm_restore
	if ! bench_stress_start "$_rs_dir"; then
		# shellcheck disable=SC2086
		kill $_rs_pings
		_storm_stop_clients
		mode_stop_aps
		bench_capture_stop
		rm -rf "$_storm_run"
		BENCH_RUN=$_storm_run0
		return 1
	fi
	# shellcheck disable=SC2086
	"$BENCH_TOP/build/bin/stormroam" -a "$BENCH_AP1" -b "$BENCH_AP2" \
		-r "$2" -w "$3" -o "$_rs_dir" $_rs_socks \
		> "$_rs_dir/stormroam.log" 2>&1
	_rs_rc=$?
	mode_collect "$_rs_dir"
	bench_stress_stop
	# shellcheck disable=SC2086
	kill $_rs_pings
	_storm_stop_clients
	mode_stop_aps
	sleep 0.5
	bench_capture_stop
	rm -rf "$_storm_run"
	BENCH_RUN=$_storm_run0
	if [ "$_rs_rc" -ne 0 ]; then
		echo "stormroam failed: $(tail -n 1 "$_rs_dir/stormroam.log")" > "$_rs_dir/error"
		return 1
	fi
	return 0
}
