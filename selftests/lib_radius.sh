# shellcheck shell=sh
# FreeRADIUS from Debian for the lab tests, with a minimal complete
# configuration written here (no file of /etc/freeradius is used, only the
# package's dictionaries and modules): PAP, EAP-PEAP/MSCHAPv2 and EAP-TLS
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
		pap
	}
	authenticate {
		Auth-Type PAP {
			pap
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
