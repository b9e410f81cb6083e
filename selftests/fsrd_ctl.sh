#!/bin/sh
# fsrd's control socket with fsrctl: `station show`, `bss show` (daemon
# view), `pmksa show|flush` and `auth show` without 802.1X (no cache, PSK
# and FT counters), `monitor --client MAC` (the per-client trace in order: auth,
# association, 4-way handshake, keys, port, FT roam served by userspace,
# disconnection with reason), malformed requests (fsrd keeps running) and
# no secret in the trace or the log. fsrd runs a WPA2-PSK BSS (wlan0) and
# an FT-PSK pair (wlan1, wlan2; kernel_fast_path = no); real
# wpa_supplicant clients: WPA2-PSK on wlan3 (netns c1), FT-PSK on wlan4
# (netns c2). Formats: docs/fsrctl.8, protocol: docs/fsrd.8.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd wpa_supplicant wpa_cli iw ping python3
if [ ! -x "$FSRD" ]; then
	echo "1..0 # SKIP build/bin/fsrd missing"
	exit $KSFT_SKIP
fi
dmesg_mark

PSK_SSID=fsrd-ctl-psk
FT_SSID=fsrd-ctl-ft
PASS=ctl-passphrase-77
SOCK=$WORK/fsrd.sock
F="$FSRCTL --socket $SOCK"

load_radios 5 || { fail "load radios"; tap_finish; }
BSS0=$(cat /sys/class/net/wlan0/address)
BSS1=$(cat /sys/class/net/wlan1/address)
BSS2=$(cat /sys/class/net/wlan2/address)
STA1=$(cat /sys/class/net/wlan3/address)
STA2=$(cat /sys/class/net/wlan4/address)
have_fsr=0
lab_modprobe fsr 2>/dev/null && have_fsr=1

cat > "$WORK/fsrd.conf" <<END
[global]
control_socket = $SOCK
log_level = debug
mobility_domain = c0de
r0kh_id = fsrd-ctl.lab.example
kernel_fast_path = no

[bss p]
interface = wlan0
ssid = $PSK_SSID
channel = 1
security = wpa2-psk
passphrase = $PASS

[bss a]
interface = wlan1
ssid = $FT_SSID
channel = 1
security = ft-psk
passphrase = $PASS

[bss b]
interface = wlan2
ssid = $FT_SSID
channel = 1
security = ft-psk
passphrase = $PASS
END

# json EXPR FILE: a Python expression over the JSON document d of FILE.
json() {
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($1) else 1)" "$2"
}

# --- no fsrd ------------------------------------------------------------------
$FSRCTL --socket "$WORK/none.sock" station show > /dev/null 2> "$WORK/err0"
rc=$?
diag "$(cat "$WORK/err0")"
check "without fsrd: station show fails (exit 1) and says fsrd is not running" \
	sh -c "[ $rc -eq 1 ] && grep -q 'fsrd is not running (no control socket at $WORK/none.sock)' '$WORK/err0'"
$FSRCTL --socket "$WORK/none.sock" monitor --client "$STA2" > /dev/null 2> "$WORK/err0m"
rc=$?
check "without fsrd: monitor --client fails (exit 1) and says so" \
	sh -c "[ $rc -eq 1 ] && grep -q 'fsrd is not running' '$WORK/err0m'"

start_fsrd
three_aps() {
	[ "$(fsrd_log_count "AP started")" -eq 3 ]
}
check "fsrd starts three BSSes" wait_for 20 three_aps
check "control socket $SOCK is a socket, mode 0600" \
	wait_for 5 sh -c "[ -S '$SOCK' ] && [ \$(stat -c %a '$SOCK') = 600 ]"
# The file mode is not the only guard: with the socket opened to everyone,
# an unprivileged user is still refused by its kernel credentials.
chmod 0711 "$WORK"
chmod 0666 "$SOCK"
setpriv --reuid=65534 --regid=65534 --clear-groups /usr/bin/python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(5)
s.connect(sys.argv[1])
try:
    s.sendall(b"{\"cmd\":\"ping\"}\n")
except OSError:
    pass  # fsrd may refuse and close before the request is written
print(s.recv(4096).decode().strip())
' "$SOCK" > "$WORK/nobody.out" 2>&1
chmod 0600 "$SOCK"
chmod 0700 "$WORK"
check "a user other than root and fsrd's is refused by SO_PEERCRED, told why" \
	grep -q '"error":"permission denied"' "$WORK/nobody.out" ||
	diag "$(cat "$WORK/nobody.out")"
check "fsrd logs the refusal with the uid" \
	wait_for 5 fsrd_log_has 'client refused: uid 65534'

# --- the per-client trace of the FT client, from before it comes --------------
$F -j monitor --client "$STA2" > "$WORK/mon.json" 2> "$WORK/mon.err" &
MON=$!
defer "kill $MON 2>/dev/null"
$F monitor --client "$STA2" > "$WORK/mon.txt" 2> "$WORK/mon-txt.err" &
MONT=$!
defer "kill $MONT 2>/dev/null"
sleep 1
check "monitor --client is running" kill -0 "$MON"

bridge_up() {
	ip link add br0 type bridge &&
		ip link set wlan0 master br0 &&
		ip link set wlan1 master br0 &&
		ip link set wlan2 master br0 &&
		ip link set br0 up &&
		ip addr add 10.78.0.1/24 dev br0
}
check "the BSSes are bridged (br0 10.78.0.1)" bridge_up
defer "ip link del br0"

client_netns c1 wlan3
ip -n c1 addr add 10.78.0.3/24 dev wlan3
start_wpa_psk c1 wlan3 "$PSK_SSID" "$PASS"
client_netns c2 wlan4
ip -n c2 addr add 10.78.0.4/24 dev wlan4
cat > "$WORK/wpa-ft.conf" <<END
ctrl_interface=$WORK/wpa-ctrl2
network={
	ssid="$FT_SSID"
	key_mgmt=FT-PSK
	psk="$PASS"
	scan_freq=2412
}
END
ip netns exec c2 wpa_supplicant -B -i wlan4 -c "$WORK/wpa-ft.conf" \
	-P "$WORK/wpa-ft.pid" -f "$WORK/wpa-ft.log" -dd
defer "kill \$(cat $WORK/wpa-ft.pid)"
wcli2() {
	ip netns exec c2 wpa_cli -p "$WORK/wpa-ctrl2" -i wlan4 "$@"
}
ft_on() {
	wcli2 status > "$WORK/st2.txt" 2>/dev/null &&
		grep -q "^wpa_state=COMPLETED" "$WORK/st2.txt" &&
		grep -q "^bssid=$1" "$WORK/st2.txt"
}
ft_completed() {
	wcli2 status 2>/dev/null | grep -q "^wpa_state=COMPLETED"
}

check "WPA2-PSK client connects" wait_for 40 wpa_connected c1 wlan3
check "FT-PSK client connects" wait_for 40 ft_completed
check "ping through the AP (WPA2-PSK client)" \
	ip netns exec c1 ping -c 2 -i 0.2 -W 2 10.78.0.1
check "ping through the AP (FT client)" \
	ip netns exec c2 ping -c 2 -i 0.2 -W 2 10.78.0.1
# the handshakes end with a trace line; let the last one be logged
wait_for 5 sh -c "[ \$(grep -c 'port authorized' '$FSRD_LOG') -ge 2 ]"

# --- station show ---------------------------------------------------------------
$F station show > "$WORK/sta.txt" 2> "$WORK/sta.err"
rc=$?
diag "$(cat "$WORK/sta.txt" "$WORK/sta.err")"
check "station show: exit 0, both stations listed" sh -c \
	"[ $rc -eq 0 ] && grep -qx '$STA1' '$WORK/sta.txt' && grep -qx '$STA2' '$WORK/sta.txt'"
check "station show: the WPA2-PSK client's block (BSS, state, AKM, cipher, how, port)" sh -c "
	sed -n '/^$STA1\$/,/^\$/p' '$WORK/sta.txt' > '$WORK/sta1.txt' &&
	grep -Eqx '    bss +wlan0 $BSS0 ssid \"$PSK_SSID\"' '$WORK/sta1.txt' &&
	grep -Eqx '    state +associated' '$WORK/sta1.txt' &&
	grep -Eqx '    aid +[0-9]+' '$WORK/sta1.txt' &&
	grep -Eqx '    akm +psk \\(00-0f-ac:2\\)' '$WORK/sta1.txt' &&
	grep -Eqx '    cipher +ccmp \\(00-0f-ac:4\\)' '$WORK/sta1.txt' &&
	grep -Eqx '    since +20[0-9-]+T[0-9:.]+Z \\([0-9]+ s\\)' '$WORK/sta1.txt' &&
	grep -Eqx '    how +4-way handshake' '$WORK/sta1.txt' &&
	grep -Eqx '    authorized +yes' '$WORK/sta1.txt' &&
	grep -Eqx '    rekey_pending +no' '$WORK/sta1.txt' &&
	grep -Eqx '    rx_packets +[1-9][0-9]*' '$WORK/sta1.txt' &&
	grep -Eqx '    counters_from +nl80211' '$WORK/sta1.txt'"
$F -j station show > "$WORK/sta.json"
check "station show -j: both stations with every field" json "
	len(d) == 2 and
	all(set(['addr','bss','state','aid','akm','akm_suite','cipher','cipher_suite',
		 'since','since_s','how','authorized','rekey_pending','counters'])
	    <= set(s) for s in d)" "$WORK/sta.json"
check "station show -j: the WPA2-PSK client" json "
	[s for s in d if s['addr'] == '$STA1'][0] == dict(
		[s for s in d if s['addr'] == '$STA1'][0],
		bss={'ifname': 'wlan0', 'bssid': '$BSS0', 'ssid': '$PSK_SSID'},
		state='associated', akm='psk', akm_suite='00-0f-ac:2',
		cipher='ccmp', cipher_suite='00-0f-ac:4', how='4-way',
		authorized=True, rekey_pending=False) and
	[s for s in d if s['addr'] == '$STA1'][0]['aid'] >= 1 and
	[s for s in d if s['addr'] == '$STA1'][0]['counters']['rx_packets'] > 0 and
	[s for s in d if s['addr'] == '$STA1'][0]['counters']['source'] == 'nl80211'" \
	"$WORK/sta.json"
check "station show -j: the FT client (FT-PSK, 4-way handshake on one FT BSS)" json "
	[(s['akm'], s['how'], s['authorized'], s['bss']['ifname'] in ('wlan1', 'wlan2'),
	  s['bss']['ssid']) for s in d if s['addr'] == '$STA2'] ==
	[('ft-psk', '4-way', True, True, '$FT_SSID')]" "$WORK/sta.json"
$F station show "$STA1" > "$WORK/one.txt"
check "station show MAC: only that station" sh -c \
	"grep -qx '$STA1' '$WORK/one.txt' && ! grep -q '$STA2' '$WORK/one.txt'"
FSRD_SOCKET=$SOCK $FSRCTL -j station show "$STA2" > "$WORK/one.json"
check "FSRD_SOCKET picks the socket; -j station show MAC: one object" json \
	"len(d) == 1 and d[0]['addr'] == '$STA2'" "$WORK/one.json"
$F station show 02:00:00:00:77:77 > "$WORK/unk.out" 2> "$WORK/unk.err"
rc=$?
diag "$(cat "$WORK/unk.err")"
check "station show of an unknown MAC: exit 1, 'no station 02:00:00:00:77:77', nothing on stdout" \
	sh -c "[ $rc -eq 1 ] && grep -qx 'fsrctl: station show: no station 02:00:00:00:77:77' '$WORK/unk.err' && [ ! -s '$WORK/unk.out' ]"
$F station show 02:00:00:00:77 2> "$WORK/bad.err"
rc=$?
check "station show of a bad MAC: usage error (exit 2)" [ $rc -eq 2 ]

# --- bss show -------------------------------------------------------------------
$F bss show > "$WORK/bss.txt" 2> "$WORK/bss.err"
rc=$?
diag "$(cat "$WORK/bss.txt" "$WORK/bss.err")"
check "bss show: exit 0, one block per BSS with the daemon's view" sh -c "
	[ $rc -eq 0 ] &&
	grep -Eq '^wlan0 ifindex [0-9]+ bssid $BSS0\$' '$WORK/bss.txt' &&
	grep -Eq '^wlan1 ifindex [0-9]+ bssid $BSS1\$' '$WORK/bss.txt' &&
	grep -Eq '^wlan2 ifindex [0-9]+ bssid $BSS2\$' '$WORK/bss.txt' &&
	[ \$(grep -c '^  daemon (fsrd)\$' '$WORK/bss.txt') -eq 3 ] &&
	grep -Eqx '    security +wpa2-psk akms psk' '$WORK/bss.txt' &&
	grep -Eqx '    security +ft-psk akms ft-psk psk' '$WORK/bss.txt' &&
	grep -Eqx '    channel +1 \\(2412 MHz\\)' '$WORK/bss.txt' &&
	grep -Eqx '    mobility_domain +c0de' '$WORK/bss.txt'"
if fsr_loaded; then
	check "bss show: fsr.ko loaded, the BSSes are not attached (kernel_fast_path = no)" \
		sh -c "[ \$(grep -Ec '^    attached +no\$' '$WORK/bss.txt') -eq 3 ]"
else
	check "bss show: fsr.ko absent: a note, not an error" \
		grep -q '^note: the fsr kernel module is not loaded: kernel view not shown' "$WORK/bss.txt"
fi
$F -j bss show > "$WORK/bss.json"
check "bss show -j: three BSSes with the daemon's fields" json "
	[b['ifname'] for b in d] == ['wlan0', 'wlan1', 'wlan2'] and
	all(b['daemon']['channel'] == 1 and b['daemon']['freq'] == 2412 and
	    b['daemon']['gtk_idx'] in (1, 2) and b['daemon']['started'] is True
	    for b in d) and
	[b['daemon']['security'] for b in d] == ['wpa2-psk', 'ft-psk', 'ft-psk'] and
	[b['daemon']['ssid'] for b in d] == ['$PSK_SSID', '$FT_SSID', '$FT_SSID'] and
	d[0]['daemon']['stations'] == 1 and
	d[1]['daemon']['stations'] + d[2]['daemon']['stations'] == 1 and
	d[1]['daemon']['ft']['mobility_domain'] == 'c0de' and
	d[1]['daemon']['ft']['kernel_fast_path'] is False and
	'ft' not in d[0]['daemon'] and
	all(type(b['daemon']['eapol_dropped']) is int and
	    b['daemon']['eapol_dropped'] >= 0 and
	    b['daemon']['mgmt_bad_sa'] == 0 for b in d)" "$WORK/bss.json"
check "bss show: fsrd's drop counters in each daemon block" sh -c "
	[ \$(grep -Ec '^    eapol_dropped +[0-9]+\$' '$WORK/bss.txt') -eq 3 ] &&
	[ \$(grep -Ec '^    mgmt_bad_sa +0\$' '$WORK/bss.txt') -eq 3 ]"
$F bss show wlan1 > "$WORK/bss1.txt"
check "bss show IFNAME: only that BSS" sh -c \
	"grep -q '^wlan1 ' '$WORK/bss1.txt' && ! grep -q '^wlan0 ' '$WORK/bss1.txt'"

# --- pmksa and auth without 802.1X ---------------------------------------------
$F -j pmksa show > "$WORK/pmksa.json" 2> "$WORK/pmksa.err"
rc=$?
diag "$(cat "$WORK/pmksa.json" "$WORK/pmksa.err")"
check "pmksa show -j (no 802.1X BSS): exit 0, enabled false, no entry" sh -c \
	"[ $rc -eq 0 ] && python3 -c \"import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d == {'enabled': False, 'entries': []} else 1)\" '$WORK/pmksa.json'"
$F pmksa show > "$WORK/pmksa.txt" 2>&1
rc=$?
check "pmksa show (text): exit 0, says there is no PMKSA cache" sh -c \
	"[ $rc -eq 0 ] && grep -qx 'no BSS of fsrd uses 802.1X: no PMKSA cache' '$WORK/pmksa.txt'"
$F pmksa flush > "$WORK/flush.txt" 2>&1
rc=$?
check "pmksa flush: exit 0, 'removed 0 PMKSA(s)'" sh -c \
	"[ $rc -eq 0 ] && grep -qx 'removed 0 PMKSA(s)' '$WORK/flush.txt'"
$F pmksa flush bss wlan9 > /dev/null 2> "$WORK/flush.err"
rc=$?
check "pmksa flush bss of an unknown interface: exit 1, 'no BSS on interface wlan9'" \
	sh -c "[ $rc -eq 1 ] && grep -q 'no BSS on interface wlan9' '$WORK/flush.err'"
$F pmksa show 02:00:00:00:77 > /dev/null 2>&1
rc=$?
check "pmksa show of a bad MAC: usage error (exit 2)" [ $rc -eq 2 ]
$F pmksa show "$STA1" extra > /dev/null 2>&1
rc=$?
check "pmksa show with an extra argument: usage error (exit 2)" [ $rc -eq 2 ]
$F pmksa --help > "$WORK/pmksa.help" 2>&1
rc=$?
check "pmksa --help: exit 0, the usage" sh -c \
	"[ $rc -eq 0 ] && grep -q '^Usage: fsrctl .*pmksa show' '$WORK/pmksa.help'"
$F -j auth show > "$WORK/auth.json" 2> "$WORK/auth.err"
rc=$?
diag "$(cat "$WORK/auth.json" "$WORK/auth.err")"
check "auth show -j: exit 0, enabled false, only the counters" sh -c \
	"[ $rc -eq 0 ] && python3 -c \"import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if sorted(d) == ['auth', 'enabled'] and d['enabled'] is False else 1)\" '$WORK/auth.json'"
check "auth show -j: psk >= 2 (both clients), ft_initial >= 1, no EAP" json "
	d['auth']['psk'] >= 2 and d['auth']['ft_initial'] >= 1 and
	d['auth']['eap_started'] == 0 and d['auth']['pmksa_cached'] == 0 and
	d['auth']['ft_roam_user'] == 0 and d['auth']['eap_refused'] == 0 and len(d['auth']) == 17" "$WORK/auth.json"
$F auth show > "$WORK/auth.txt" 2>&1
check "auth show (text): the authentications block with psk" sh -c \
	"grep -qx 'authentications' '$WORK/auth.txt' && grep -Eqx '    psk +[2-9][0-9]*' '$WORK/auth.txt' && ! grep -q 'auth_server' '$WORK/auth.txt'"

# --- FT roam served by userspace, then the client leaves -------------------------
cur=$(wcli2 status | sed -n 's/^bssid=//p')
if [ "$cur" = "$BSS1" ]; then next=$BSS2; nextif=wlan2; else next=$BSS1; nextif=wlan1; fi
wcli2 scan > /dev/null
wait_for 20 sh -c "ip netns exec c2 wpa_cli -p '$WORK/wpa-ctrl2' -i wlan4 scan_results | grep -q '$next'"
wcli2 roam "$next" > /dev/null
check "FT roam to $next" wait_for 20 ft_on "$next"
check "ping after the roam" ip netns exec c2 ping -c 1 -W 3 10.78.0.1
$F -j station show "$STA2" > "$WORK/roamed.json"
check "station show after the roam: new BSS, how = ft-userspace" json "
	d[0]['bss']['ifname'] == '$nextif' and d[0]['bss']['bssid'] == '$next' and
	d[0]['how'] == 'ft-userspace' and d[0]['authorized'] is True" "$WORK/roamed.json"
$F station show "$STA2" > "$WORK/roamed.txt"
check "station show text after the roam: 'FT roam served by userspace (fsrd)'" \
	grep -Eqx '    how +FT roam served by userspace \(fsrd\)' "$WORK/roamed.txt"
$F -j auth show > "$WORK/auth2.json"
check "auth show -j after the roam: ft_roam_user 1" json \
	"d['auth']['ft_roam_user'] == 1" "$WORK/auth2.json"
wcli2 disconnect > /dev/null
check "fsrd logs the client's departure with the reason" \
	wait_for 10 grep -q "$STA2: disconnected (reason 3)" "$FSRD_LOG"
sleep 0.5
kill -TERM "$MON" "$MONT"
wait "$MON"
rc=$?
wait "$MONT"
diag "$(cat "$WORK/mon.txt" "$WORK/mon.err")"
check "monitor --client exits 0 on SIGTERM" [ $rc -eq 0 ]

cat > "$WORK/trace.py" <<END
import json, re, sys
t = [json.loads(l) for l in open(sys.argv[1])]
ok = True
def need(cond, what):
    global ok
    if not cond:
        print('# missing: ' + what)
        ok = False
need(all(set(e) == {'time', 'bss', 'sta', 'event', 'detail'} for e in t),
     'every object has time, bss, sta, event, detail')
need(all(e['sta'] == '$STA2' for e in t), 'only the followed station')
need(all(re.match(r'^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$', e['time']) for e in t),
     'ISO 8601 times')
need([e['time'] for e in t] == sorted(e['time'] for e in t), 'times in order')
steps = [
    ('auth', 'Authentication received'),
    ('auth', 'authenticated (Open System)'),
    ('assoc', 'associated, AID'),
    ('eapol', 'M1 sent'),
    ('eapol', 'M2 received, MIC ok'),
    ('eapol', 'M3 sent'),
    ('eapol', 'M4 received, MIC ok'),
    ('keys', 'PTK installed'),
    ('authorized', 'port authorized'),
    ('ft_auth', 'FT Authentication served in userspace'),
    ('ft_reassoc', 'FT roam served by userspace'),
    ('disconnect', 'disconnected (reason 3)'),
]
i = 0
for e in t:
    if i < len(steps) and e['event'] == steps[i][0] and e['detail'].startswith(steps[i][1]):
        i += 1
need(i == len(steps), 'in order: %s (got to step %d)' % (steps, i))
ft = [e for e in t if e['event'] == 'ft_reassoc']
need(ft and ft[0]['bss'] == '$nextif', 'the FT roam on $nextif')
for e in t:
    print('# %s %s %-12s %s' % (e['time'], e['bss'], e['event'], e['detail']))
sys.exit(0 if ok else 1)
END
check "monitor --client -j: the client's trace in order (auth, assoc, M1..M4, PTK, port, FT auth, FT roam by userspace, disconnect)" \
	python3 "$WORK/trace.py" "$WORK/mon.json"
check "monitor --client text: one line per event with the station" sh -c "
	grep -Eq '^20[0-9T:.-]+Z wlan[12] $STA2 eapol +M2 received, MIC ok' '$WORK/mon.txt' &&
	grep -Eq '^20[0-9T:.-]+Z wlan[12] $STA2 disconnect +disconnected \\(reason 3\\)' '$WORK/mon.txt' &&
	! grep -q '$STA1' '$WORK/mon.txt'"

# --- abuse of the socket ----------------------------------------------------------
python3 "$SELFTESTS/fsrd_ctl.py" "$SOCK" > "$WORK/abuse.txt" 2>&1
while IFS= read -r line; do
	case $line in
	"PASS "*) pass "${line#PASS }" ;;
	"FAIL "*) fail "${line#FAIL }" ;;
	*) diag "$line" ;;
	esac
done < "$WORK/abuse.txt"
check "fsrd is still running" kill -0 "$FSRD_PID"
check "station show still works" sh -c "$F -j station show $STA1 | grep -q '$STA1'"

# --- secrets ------------------------------------------------------------------------
PSK_HEX=$(python3 -c "import hashlib,sys; print(hashlib.pbkdf2_hmac('sha1', sys.argv[1].encode(), sys.argv[2].encode(), 4096, 32).hex())" "$PASS" "$PSK_SSID")
FT_PSK_HEX=$(python3 -c "import hashlib,sys; print(hashlib.pbkdf2_hmac('sha1', sys.argv[1].encode(), sys.argv[2].encode(), 4096, 32).hex())" "$PASS" "$FT_SSID")
check "no passphrase or PSK (= PMK) in fsrd's log, the trace or fsrctl's output" sh -c "
	! grep -qi -e '$PASS' -e '$PSK_HEX' -e '$FT_PSK_HEX' '$FSRD_LOG' '$WORK/mon.json' '$WORK/mon.txt' '$WORK/sta.json' '$WORK/bss.json'"
check "no key-sized hex string (32+ hex digits) in any trace line" python3 -c "
import json, re, sys
bad = [l for l in open('$WORK/mon.json') if re.search(r'[0-9a-fA-F]{32}', json.loads(l)['detail'])]
print(''.join('# ' + l for l in bad))
sys.exit(1 if bad else 0)"
check "no key-sized hex string in fsrd's station lines" sh -c \
	"! grep -E '(wlan[0-9]: [0-9a-f:]{17}: .*[0-9a-fA-F]{32})' '$FSRD_LOG'"

kill -TERM "$FSRD_PID"
wait "$FSRD_PID"
rc=$?
check "SIGTERM: fsrd exits 0 (status $rc)" [ "$rc" -eq 0 ]
check "fsrd removed its control socket" not test -e "$SOCK"
diag "$(grep -v 'debug:' "$FSRD_LOG" | tail -n 30)"
check "dmesg clean" dmesg_clean
tap_finish
