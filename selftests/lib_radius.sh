# shellcheck shell=sh
# FreeRADIUS from Debian for the lab tests, with a minimal complete
# configuration written here (no file of /etc/freeradius is used, only the
# package's dictionaries and modules): PAP, CHAP, EAP-PEAP/MSCHAPv2 and EAP-TLS
# with certificates made by openssl, accounting into a detail file, and
# Message-Authenticator in every Access-Accept/Reject (FreeRADIUS >= 3.2.5
# adds it by itself; Debian 12 has 3.2.1). Source after lib.sh (or define
# WORK). Users: alice / wonderland (PAP, PEAP; EAP-TLS with the client
# certificate CN=alice).

# radius_certs DIR: test CA, server and client (CN=alice) certificates.
radius_certs() {
	_c=$1
	mkdir -p "$_c"
	{
		openssl req -x509 -newkey rsa:2048 -nodes -keyout "$_c/ca.key" \
			-out "$_c/ca.pem" -days 2 -subj /CN=fsr-test-ca &&
		openssl req -newkey rsa:2048 -nodes -keyout "$_c/server.key" \
			-out "$_c/server.csr" -subj /CN=radius.fsr.test &&
		printf 'extendedKeyUsage = serverAuth\n' > "$_c/ext" &&
		openssl x509 -req -in "$_c/server.csr" -CA "$_c/ca.pem" \
			-CAkey "$_c/ca.key" -CAcreateserial -out "$_c/server.pem" \
			-days 2 -extfile "$_c/ext" &&
		openssl req -newkey rsa:2048 -nodes -keyout "$_c/client.key" \
			-out "$_c/client.csr" -subj /CN=alice &&
		printf 'extendedKeyUsage = clientAuth\n' > "$_c/ext-client" &&
		openssl x509 -req -in "$_c/client.csr" -CA "$_c/ca.pem" \
			-CAkey "$_c/ca.key" -CAcreateserial -out "$_c/client.pem" \
			-days 2 -extfile "$_c/ext-client"
	} > "$_c/openssl.log" 2>&1 && [ -s "$_c/server.pem" ] &&
		[ -s "$_c/client.pem" ]
}

# radius_conf RADDB SECRET AUTH_PORT ACCT_PORT CERTDIR [POST_AUTH]: write
# RADDB/radiusd.conf and RADDB/users. POST_AUTH: extra lines of the
# Access-Accept's "update reply" (e.g. "Session-Timeout := 5").
radius_conf() {
	_d=$1
	mkdir -p "$_d/log" "$_d/acct" "$_d/run"
	cat > "$_d/radiusd.conf" <<EOF
prefix = /usr
exec_prefix = /usr
sysconfdir = /etc
localstatedir = /var
sbindir = /usr/sbin
raddbdir = $_d
confdir = \${raddbdir}
certdir = $5
logdir = \${raddbdir}/log
radacctdir = \${raddbdir}/acct
run_dir = \${raddbdir}/run
db_dir = \${raddbdir}
libdir = /usr/lib/freeradius
pidfile = \${run_dir}/radiusd.pid
name = freeradius
max_request_time = 30
cleanup_delay = 5
max_requests = 1024
hostname_lookups = no
log {
	destination = stdout
	auth = yes
}
security {
	allow_core_dumps = no
	max_attributes = 200
	reject_delay = 0
	status_server = no
}
client localhost {
	ipaddr = 127.0.0.1
	secret = $2
	require_message_authenticator = yes
}
modules {
	always ok {
		rcode = ok
	}
	pap {
	}
	chap {
	}
	files {
		filename = \${confdir}/users
	}
	detail {
		filename = \${radacctdir}/detail
		permissions = 0600
		header = "%t"
	}
	mschap {
	}
	eap {
		default_eap_type = peap
		timer_expire = 60
		ignore_unknown_eap_types = no
		max_sessions = 64
		tls-config tls-common {
			private_key_file = \${certdir}/server.key
			certificate_file = \${certdir}/server.pem
			ca_file = \${certdir}/ca.pem
			cipher_list = "DEFAULT"
			tls_min_version = "1.2"
			tls_max_version = "1.2"
		}
		peap {
			tls = tls-common
			default_eap_type = mschapv2
			virtual_server = "inner-tunnel"
		}
		mschapv2 {
		}
		tls {
			tls = tls-common
		}
	}
}
server default {
	listen {
		type = auth
		ipaddr = 127.0.0.1
		port = $3
	}
	listen {
		type = acct
		ipaddr = 127.0.0.1
		port = $4
	}
	authorize {
		eap {
			ok = return
		}
		files
		chap
		pap
	}
	authenticate {
		Auth-Type PAP {
			pap
		}
		Auth-Type CHAP {
			chap
		}
		eap
	}
	preacct {
	}
	accounting {
		detail
		ok
	}
	post-auth {
		update reply {
			${6:-}
			Message-Authenticator := 0x00
		}
		Post-Auth-Type REJECT {
			eap
			update reply {
				Message-Authenticator := 0x00
			}
		}
	}
}
server inner-tunnel {
	listen {
		type = auth
		ipaddr = 127.0.0.1
		port = $(($3 + 16308))
	}
	authorize {
		files
		mschap
		eap {
			ok = return
		}
	}
	authenticate {
		Auth-Type MS-CHAP {
			mschap
		}
		eap
	}
	post-auth {
	}
}
EOF
	cat > "$_d/users" <<EOF
alice	Cleartext-Password := "wonderland"
EOF
	: > "$_d/dictionary"
}

# radius_start RADDB LOG: run FreeRADIUS in the foreground (-X) on RADDB;
# sets RADIUS_PID; returns non-zero when it is not ready within 60 s.
radius_start() {
	freeradius -X -d "$1" > "$2" 2>&1 &
	RADIUS_PID=$!
	_i=0
	while ! grep -q "Ready to process requests" "$2" && [ $_i -lt 300 ]; do
		kill -0 "$RADIUS_PID" 2>/dev/null || return 1
		sleep 0.2
		_i=$((_i + 1))
	done
	grep -q "Ready to process requests" "$2"
}

# radius_lab SECRET [USERS]: test certificates, a FreeRADIUS configuration
# in $WORK/raddb (USERS: lines added to its users file) and FreeRADIUS
# running on it, killed at exit; its log in FR_LOG. A check each; the
# test ends when FreeRADIUS does not start.
radius_lab() {
	mkdir -p "$WORK/certs"
	check "test certificates" radius_certs "$WORK/certs"
	radius_conf "$WORK/raddb" "$1" 1812 1813 "$WORK/certs"
	[ -z "${2:-}" ] || printf '%s\n' "$2" >> "$WORK/raddb/users"
	FR_LOG=$WORK/radius.log
	if ! radius_start "$WORK/raddb" "$FR_LOG"; then
		fail "FreeRADIUS starts"
		diag "$(tail -n 30 "$FR_LOG")"
		tap_finish
	fi
	defer "kill $RADIUS_PID"
}

# radius_stop PID: stop a FreeRADIUS of radius_start and wait until it is
# gone (its ports are free again).
radius_stop() {
	kill "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	_i=0
	while kill -0 "$1" 2>/dev/null && [ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	! kill -0 "$1" 2>/dev/null
}

# radius_access_requests LOG: Access-Requests the server received so far.
radius_access_requests() {
	grep -c "Received Access-Request" "$1"
}

# ft_eap_lab [POST_AUTH]: the FT-802.1X lab of fsrd_ft_eap.sh and
# fsrd_eap_session.sh. Needs SSID and SECRET; loads 3 radios and fsr.ko,
# starts FreeRADIUS (EAP-PEAP/MSCHAPv2; POST_AUTH as in radius_conf) and
# fsrd with two ft-eap BSSes on wlan0 and wlan1 (bridged, br0 10.77.0.1,
# kernel_fast_path = yes), and a wpa_supplicant (FT-EAP, user alice) on
# wlan2 in netns "cli" (10.77.0.2), which makes the FT initial
# mobility-domain association. Sets CERTS, BSSID0, BSSID1, STA, FR_LOG,
# DETAIL (FreeRADIUS's accounting detail file), FSRD_LOG and FSRD_PID.
ft_eap_lab() {
	CERTS=$WORK/certs
	ip link set lo up 2>/dev/null

	load_radios 3 || { fail "load radios"; tap_finish; }
	fsr_load
	BSSID0=$(cat /sys/class/net/wlan0/address)
	BSSID1=$(cat /sys/class/net/wlan1/address)
	STA=$(cat /sys/class/net/wlan2/address)

	check "test CA, server and client certificates" radius_certs "$CERTS"
	radius_conf "$WORK/raddb" "$SECRET" 1812 1813 "$CERTS" "${1:-}"
	FR_LOG=$WORK/radius.log
	DETAIL=$WORK/raddb/acct/detail
	if ! radius_start "$WORK/raddb" "$FR_LOG"; then
		fail "FreeRADIUS starts"
		diag "$(tail -n 30 "$FR_LOG")"
		tap_finish
	fi
	defer "kill $RADIUS_PID"
	pass "FreeRADIUS (EAP-PEAP/MSCHAPv2${1:+, $1}) on 127.0.0.1:1812"

	cat > "$WORK/fsrd.conf" <<-END
	[global]
	log_level = debug
	mobility_domain = a1b2
	r0kh_id = fsrd.lab.example
	kernel_fast_path = yes

	[radius]
	timeout = 2000
	retries = 2

	[auth_server lab]
	address = 127.0.0.1:1812
	secret = $SECRET

	[acct_server lab]
	address = 127.0.0.1:1813
	secret = $SECRET

	[bss a]
	interface = wlan0
	ssid = $SSID
	channel = 1
	security = ft-eap

	[bss b]
	interface = wlan1
	ssid = $SSID
	channel = 1
	security = ft-eap
	END

	start_fsrd
	fast_path_on() {
		[ "$(fsrd_log_count "FT fast path of fsr.ko enabled")" -eq 2 ]
	}
	check "fsrd starts two FT-802.1X BSSes" \
		wait_for 20 sh -c "[ \$(grep -c 'AP started.*FT-802.1X' '$FSRD_LOG') -eq 2 ]"
	check "both BSSes attached to fsr.ko's fast path" wait_for 10 fast_path_on
	check "the two BSSes are bridged (br0 10.77.0.1)" ft_bridge_up
	defer "ip link del br0"
	client_netns cli wlan2
	ip -n cli addr add 10.77.0.2/24 dev wlan2

	cat > "$WORK/wpa.conf" <<-END
	ctrl_interface=$WORK/wpa-ctrl
	bss_expiration_age=1800
	network={
		ssid="$SSID"
		key_mgmt=FT-EAP
		eap=PEAP
		identity="alice"
		password="wonderland"
		phase2="auth=MSCHAPV2"
		ca_cert="$CERTS/ca.pem"
		scan_freq=2412
	}
	END
	ip netns exec cli wpa_supplicant -B -i wlan2 -c "$WORK/wpa.conf" \
		-P "$WORK/wpa.pid" -f "$WORK/wpa.log" -dd
	defer "kill \$(cat $WORK/wpa.pid)"

	check "FT initial mobility-domain association with EAP completes" \
		wait_for 60 sh -c "grep -q 'CTRL-EVENT-CONNECTED' '$WORK/wpa.log'"
	check "wpa_supplicant: EAP-Success and key_mgmt FT-EAP" sh -c "
		grep -q 'CTRL-EVENT-EAP-SUCCESS' '$WORK/wpa.log' &&
		ip netns exec cli wpa_cli -p '$WORK/wpa-ctrl' -i wlan2 status |
			grep -qx 'key_mgmt=FT-EAP'"
	check "fsrd keeps the PMK-R0" wait_for 5 grep -q "PMK-R0 kept" "$FSRD_LOG"
	check "ping through the AP" wait_for 10 \
		ip netns exec cli ping -c 1 -W 2 10.77.0.1
}
