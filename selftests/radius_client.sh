#!/bin/sh
# fsrd's RADIUS client (userspace/fsrd/radius/radius_*.c, driven by radius_probe)
# against FreeRADIUS from Debian on loopback, with a minimal configuration
# this test writes: PAP accept and reject with Message-Authenticator
# verified, a wrong shared secret, forged replies (a relay rewriting
# Access-Reject into Access-Accept), failover from a dead port, both servers
# dead, accounting Start/Stop seen in FreeRADIUS's detail file, and
# Disconnect-Requests from radclient to the probe's DAS port.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_radius.sh"
require_cmd freeradius radclient openssl
PROBE=$TOP/build/selftests/radius_probe
if [ ! -x "$PROBE" ]; then
	echo "1..0 # SKIP build/selftests/radius_probe missing"
	exit $KSFT_SKIP
fi

SECRET=fsr-lab-secret
DAS_SECRET=fsr-das-secret
RADDB=$WORK/raddb
FRLOG=$WORK/freeradius.log
ip link set lo up 2>/dev/null

# FreeRADIUS with the configuration of lib_radius.sh (PAP for this test,
# accounting into $RADDB/acct/detail); Session-Timeout in every Accept
check "test certificates (for the EAP modules of the configuration)" \
	radius_certs "$WORK/certs"
radius_conf "$RADDB" "$SECRET" 1812 1813 "$WORK/certs" "Session-Timeout := 3600"
if ! radius_start "$RADDB" "$FRLOG"; then
	fail "FreeRADIUS starts"
	diag "$(tail -n 30 "$FRLOG")"
	tap_finish
fi
FR_PID=$RADIUS_PID
defer "kill $FR_PID"
pass "FreeRADIUS starts on 127.0.0.1:1812/1813"

OUT=$WORK/probe.out
# probe ARGS...: run radius_probe, output in $OUT, status in $rc.
# 2 s per transmission, 2 transmissions per server: a slow VM never
# turns a reply into a retransmission.
probe() {
	"$PROBE" -t 2000 -r 2 "$@" > "$OUT" 2>&1
	rc=$?
}
has() {
	grep -q -- "$1" "$OUT"
}
show() {
	diag "$(cat "$OUT")"
}

# --- authentication ---------------------------------------------------------

probe -s "127.0.0.1:1812,$SECRET" auth alice wonderland
check "PAP: Access-Accept (status $rc)" [ "$rc" -eq 0 ]
check "reply's Response and Message-Authenticator verified" \
	has "verified: Response-Authenticator Message-Authenticator"
check "Session-Timeout from the reply" has "attr: Session-Timeout 3600"
[ "$rc" -eq 0 ] || show
check "FreeRADIUS sent the Access-Accept" grep -q "Sent Access-Accept" "$FRLOG"

probe -s "127.0.0.1:1812,$SECRET" auth alice not-the-password
check "wrong password: Access-Reject (status $rc)" \
	sh -c "[ $rc -eq 1 ] && grep -q 'result: Access-Reject' $OUT"

probe -s "127.0.0.1:1812,wrong-secret" auth alice wonderland
check "wrong shared secret: not accepted, no answer (status $rc)" \
	sh -c "[ $rc -eq 2 ] && ! grep -q 'Access-Accept' $OUT"
check "FreeRADIUS refused its Message-Authenticator" \
	grep -q "invalid Message-Authenticator" "$FRLOG"

# an attacker between client and server turns the Reject into an Accept
probe -f -s "127.0.0.1:1812,$SECRET" auth alice not-the-password
check "forged Access-Accept: never delivered (status $rc)" \
	sh -c "[ $rc -eq 2 ] && grep -q 'rewritten to Access-Accept' $OUT && ! grep -q 'result: Access-Accept' $OUT"
check "forged replies dropped and counted" has "bad_authenticator=[12] "
check "a log line says why" has "Access-Accept id .* dropped: authenticator does not verify"
[ "$rc" -eq 2 ] || show

# --- failover ---------------------------------------------------------------

# nothing listens on 127.0.0.1:1 and :2 (ICMP port unreachable)
probe -s "127.0.0.1:1,$SECRET" -s "127.0.0.1:1812,$SECRET" auth alice wonderland
check "first server dead: Access-Accept from the second (status $rc)" \
	has "result: Access-Accept from 127.0.0.1:1812 after 3 transmission"
check "the dead server was marked dead" \
	has "stats 127.0.0.1:1: requests=1 retransmissions=1 timeouts=1 .* dead_marks=1 dead=1"
check "a log line says it" has "127.0.0.1:1 not responding: marked dead"
[ "$rc" -eq 0 ] || show

probe -s "127.0.0.1:1,$SECRET" -s "127.0.0.1:2,$SECRET" auth alice wonderland
check "both servers dead: clear error after the retries (status $rc)" \
	sh -c "[ $rc -eq 2 ] && grep -q 'no answer after 4 transmission' $OUT"
check "log line: no server answered" has "no server answered (4 transmissions to 2 servers)"

# --- accounting -------------------------------------------------------------

SESS=fsr-$$-1
probe -s "127.0.0.1:1813,$SECRET" acct start "$SESS" alice
check "Accounting-Request Start acknowledged (status $rc)" \
	sh -c "[ $rc -eq 0 ] && grep -q 'result: Accounting-Response' $OUT"
probe -s "127.0.0.1:1813,$SECRET" acct stop "$SESS" alice
check "Accounting-Request Stop acknowledged (status $rc)" \
	sh -c "[ $rc -eq 0 ] && grep -q 'result: Accounting-Response' $OUT"
DETAIL=$RADDB/acct/detail
check "detail file has the Start" \
	sh -c "grep -A1 'Acct-Status-Type = Start' $DETAIL | grep -q '\"$SESS\"'"
check "detail file has the Stop" \
	sh -c "grep -A1 'Acct-Status-Type = Stop' $DETAIL | grep -q '\"$SESS\"'"
check "Stop counters: 5000000000 octets in = 1 gigaword + 705032704" \
	sh -c "grep -q 'Acct-Input-Gigawords = 1' $DETAIL && grep -q 'Acct-Input-Octets = 705032704' $DETAIL && grep -q 'Acct-Session-Time = 42' $DETAIL"

# --- Disconnect-Request (RFC 5176) -------------------------------------------

DAS_OUT=$WORK/das.out
"$PROBE" -a alice das 127.0.0.1:3799 127.0.0.1 "$DAS_SECRET" 60 \
	> "$DAS_OUT" 2>&1 &
DAS_PID=$!
defer "kill $DAS_PID"
wait_for 10 grep -q "das: listening" "$DAS_OUT" || fail "DAS listening"
RC_OUT=$WORK/radclient.out

disc() {
	_secret=$1
	shift
	echo "$*" | radclient -r 1 -t 3 -x 127.0.0.1:3799 disconnect \
		"$_secret" > "$RC_OUT" 2>&1
}

disc "$DAS_SECRET" "User-Name = alice, Calling-Station-Id = 02-00-00-00-01-00"
check "radclient Disconnect-Request: Disconnect-ACK" \
	grep -q "Received Disconnect-ACK" "$RC_OUT"
check "the probe saw it" grep -q "Disconnect-Request id .* user alice -> ACK" "$DAS_OUT"
disc "$DAS_SECRET" "User-Name = alice, Message-Authenticator = 0x00, Event-Timestamp = $(date +%s)"
check "with Message-Authenticator and Event-Timestamp: Disconnect-ACK" \
	grep -q "Received Disconnect-ACK" "$RC_OUT"
disc "$DAS_SECRET" "User-Name = bob"
check "unknown session: Disconnect-NAK, Session-Context-Not-Found" \
	sh -c "grep -q 'Received Disconnect-NAK' $RC_OUT && grep -q 'Session-Context-Not-Found' $RC_OUT"
disc wrong-secret "User-Name = alice"
check "wrong secret: ignored (no reply)" \
	sh -c "grep -q 'No reply' $RC_OUT && ! grep -q 'Received' $RC_OUT"
check "the probe logged the drop" \
	grep -q "dropped: Request Authenticator does not verify" "$DAS_OUT"
kill "$DAS_PID"
wait "$DAS_PID" 2>/dev/null
diag "$(cat "$DAS_OUT")"

check "FreeRADIUS still runs" kill -0 "$FR_PID"
tap_finish
