#!/bin/sh
# fsrctl against the real module: text and JSON output of every show
# command, monitor, error messages (extack, permissions, missing module,
# unknown interface) and per-namespace objects. Formats: docs/fsrctl.8.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd python3 setpriv
dmesg_mark

load_radios 2 || { fail "load radios"; tap_finish; }
lab_modprobe fsr pmk_max=100 || { fail "load fsr"; tap_finish; }
ip link set wlan0 down
iw dev wlan0 set type __ap
ip link set wlan0 up
F=$FSRCTL
KEY=$(printf '%064d' 0 | tr 0 c)

# json EXPR < doc: evaluate a Python expression over the parsed document d.
json() {
	python3 -c "import json,sys; d=json.load(sys.stdin); sys.exit(0 if ($1) else 1)"
}

# --- monitor runs through the whole test ---------------------------------
"$F" -j monitor > "$WORK/monitor.json" 2> "$WORK/monitor.err" &
mon=$!
defer "kill $mon"
sleep 0.5

# --- info -------------------------------------------------------------------
"$F" info > "$WORK/info.txt"
diag "$(cat "$WORK/info.txt")"
check "info: text lists version, hook yes, pmk_max 100" sh -c \
	"grep -Eq '^version +[0-9]' '$WORK/info.txt' && grep -Eq '^hook +yes$' '$WORK/info.txt' && grep -Eq '^pmk_max +100$' '$WORK/info.txt'"
check "info -j: hook true, pmk_max 100, bss_count 0" sh -c \
	"'$F' -j info | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if d[\"hook\"] is True and d[\"pmk_max\"]==100 and d[\"bss_count\"]==0 else 1)'"

# --- bss --------------------------------------------------------------------
check "bss attach wlan0" "$F" bss attach wlan0
"$F" bss show > "$WORK/bss.txt"
diag "$(cat "$WORK/bss.txt")"
idx=$(cat /sys/class/net/wlan0/ifindex)
mac=$(cat /sys/class/net/wlan0/address)
check "bss show: a block for wlan0 with the kernel's view, a note that fsrd is not running" sh -c \
	"head -n1 '$WORK/bss.txt' | grep -Eq '^wlan0 ifindex $idx bssid $mac\$' && grep -Eqx '  kernel \(fsr.ko\)' '$WORK/bss.txt' && grep -Eqx '    attached +yes' '$WORK/bss.txt' && grep -q '^note: fsrd is not running' '$WORK/bss.txt'"
check "bss show -j: one object with ifname, ifindex, bssid and the kernel's view" sh -c \
	"'$F' -j bss show 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if len(d)==1 and (d[0][\"ifname\"],d[0][\"ifindex\"],d[0][\"bssid\"])==(\"wlan0\",$idx,\"$mac\") and d[0][\"kernel\"][\"attached\"] is True and isinstance(d[0][\"kernel\"][\"stats\"][\"ft_auth_served\"],int) and \"daemon\" not in d[0] else 1)'"
"$F" stats wlan0 > "$WORK/stats.txt"
# every counter of the uapi contract (enum fsr_stat but its netlink pad
# attribute), no more, no less
NSTATS=$(awk '/^enum fsr_stat/,/__FSR_STAT_MAX/' "$TOP/uapi/linux/fsr.h" |
	grep -E '^[[:space:]]+FSR_STAT_[A-Z0-9_]+' | grep -vc 'FSR_STAT_PAD')
check "stats: title line and the $NSTATS counters of uapi/linux/fsr.h" sh -c \
	"head -n1 '$WORK/stats.txt' | grep -q '^wlan0 ifindex $idx bssid $mac' && [ \$(grep -Ec '^    [a-z_]+ +[0-9]+\$' '$WORK/stats.txt') -eq $NSTATS ]"
check "stats -j: every counter is a number" sh -c \
	"'$F' -j stats | python3 -c 'import json,sys; d=json.load(sys.stdin); s=d[0][\"stats\"]; sys.exit(0 if len(s)==$NSTATS and all(isinstance(v,int) for v in s.values()) else 1)'"

# --- pmk --------------------------------------------------------------------
add() { # add STA R1NAME [extra args]
	_s=$1 _n=$2
	shift 2
	echo "$KEY" | "$F" pmk add sta "$_s" r1name "$_n" \
		r0name abababababababababababababababab r0kh ap1.example.com \
		r1kh 02:00:00:00:01:00 akm ft-psk "$@" key -
}
check "pmk add (key from stdin)" add 02:00:00:00:02:00 00112233445566778899aabbccddeeff lifetime 600
"$F" pmk show > "$WORK/pmk.txt"
diag "$(cat "$WORK/pmk.txt")"
check "pmk show: the documented block" sh -c "
	sed -n 1p '$WORK/pmk.txt' | grep -qx 'sta 02:00:00:00:02:00 pmk_r1_name 00112233445566778899aabbccddeeff' &&
	grep -qx '    pmk_r0_name abababababababababababababababab' '$WORK/pmk.txt' &&
	grep -qx '    r0kh_id     ap1.example.com' '$WORK/pmk.txt' &&
	grep -qx '    r1kh_id     02:00:00:00:01:00' '$WORK/pmk.txt' &&
	grep -qx '    akm         ft-psk' '$WORK/pmk.txt' &&
	grep -qx '    cipher      ccmp' '$WORK/pmk.txt' &&
	grep -Eqx '    lifetime    (59[0-9]|600)' '$WORK/pmk.txt' &&
	grep -qx '    origin      admin' '$WORK/pmk.txt'"
check "pmk show -j: the entry's fields" sh -c \
	"'$F' -j pmk show | python3 -c 'import json,sys; d=json.load(sys.stdin); e=d[0]; sys.exit(0 if len(d)==1 and e[\"sta\"]==\"02:00:00:00:02:00\" and e[\"akm\"]==\"ft-psk\" and e[\"cipher\"]==\"ccmp\" and 590<=e[\"lifetime\"]<=600 else 1)'"
check "pmk show never prints the key" sh -c "! '$F' pmk show | grep -qi '$KEY'"
add 02:00:00:00:03:00 00112233445566778899aabbccddee01
add 02:00:00:00:03:00 00112233445566778899aabbccddee02
check "pmk flush of one station reports 2" sh -c \
	"'$F' pmk flush sta 02:00:00:00:03:00 | grep -qx 'flushed 2 entries'"
check "pmk del" "$F" pmk del sta 02:00:00:00:02:00 r1name 00112233445566778899aabbccddeeff
check "pmk show -j of an empty cache is []" sh -c "[ \"\$('$F' -j pmk show)\" = '[]' ]"

# --- errors -----------------------------------------------------------------
"$F" pmk del sta 02:00:00:00:02:00 r1name 00112233445566778899aabbccddeeff 2> "$WORK/err1"
rc=$?
diag "$(cat "$WORK/err1")"
check "pmk del of a missing entry: exit 1 with the kernel's extack text" sh -c \
	"[ $rc -eq 1 ] && grep -Eq '^fsrctl: pmk del: No such file or directory: .+' '$WORK/err1'"
"$F" bss attach lo 2> "$WORK/err2"
rc=$?
diag "$(cat "$WORK/err2")"
check "bss attach lo: exit 1 with the kernel's extack text" sh -c \
	"[ $rc -eq 1 ] && grep -Eq '^fsrctl: bss attach: Operation not supported: .+' '$WORK/err2'"
"$F" bss attach nosuch0 2> "$WORK/err3"
rc=$?
check "bss attach of an unknown interface names it" sh -c \
	"[ $rc -eq 1 ] && grep -q 'no such interface: nosuch0' '$WORK/err3'"
setpriv --reuid=65534 --regid=65534 --clear-groups "$F" pmk flush 2> "$WORK/err4"
rc=$?
diag "$(cat "$WORK/err4")"
check "unprivileged pmk flush: exit 1, says CAP_NET_ADMIN is needed" sh -c \
	"[ $rc -eq 1 ] && grep -q 'CAP_NET_ADMIN' '$WORK/err4'"
"$F" pmk add sta 02:00:00:00:02 r1name 00 2> "$WORK/err5" < /dev/null
rc=$?
check "bad MAC: usage error (exit 2) naming the word" sh -c \
	"[ $rc -eq 2 ] && grep -q \"02:00:00:00:02\" '$WORK/err5'"

# --- namespaces -------------------------------------------------------------
ip netns add other
defer "ip netns del other"
KEY=$KEY ip netns exec other sh -c "echo $KEY | '$F' pmk add sta 02:00:00:00:09:00 \
	r1name 0000000000000000000000000000000f r0name 0000000000000000000000000000000e \
	r0kh x r1kh 02:00:00:00:01:00 akm ft-psk key -"
check "a PMK added in another namespace is listed there" sh -c \
	"ip netns exec other '$F' -j pmk show | grep -q 02:00:00:00:09:00"
check "... and not in the initial namespace" sh -c \
	"! '$F' -j pmk show | grep -q 02:00:00:00:09:00"
check "the attached BSS is not visible from the other namespace" sh -c \
	"[ \"\$(ip netns exec other '$F' -j bss show 2>/dev/null)\" = '[]' ]"

# --- privileges (issue 12, finding 11; docs/fsrctl.8) -----------------------
# Changes need CAP_NET_ADMIN in the initial user namespace; monitor and pmk
# show need it over the caller's network namespace: refused to an
# unprivileged user in the initial namespace, allowed to the owner of a
# user+network namespace, who hears only that namespace's events.
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
$NOBODY timeout 10 "$F" monitor > /dev/null 2> "$WORK/err7"
rc=$?
diag "$(cat "$WORK/err7")"
check "unprivileged monitor in the initial namespace: exit 1, says CAP_NET_ADMIN is needed" sh -c \
	"[ $rc -eq 1 ] && grep -q 'CAP_NET_ADMIN' '$WORK/err7'"
$NOBODY "$F" pmk show > /dev/null 2> "$WORK/err8"
rc=$?
check "unprivileged pmk show in the initial namespace: exit 1, says CAP_NET_ADMIN is needed" sh -c \
	"[ $rc -eq 1 ] && grep -q 'CAP_NET_ADMIN' '$WORK/err8'"
# Debian's kernel lets unprivileged users create user namespaces only with
# this switch on (the lab's default is off)
if [ -e /proc/sys/kernel/unprivileged_userns_clone ]; then
	old_uns=$(cat /proc/sys/kernel/unprivileged_userns_clone)
	echo 1 > /proc/sys/kernel/unprivileged_userns_clone
	defer "echo $old_uns > /proc/sys/kernel/unprivileged_userns_clone"
fi
diag "user.max_user_namespaces $(cat /proc/sys/user/max_user_namespaces)"
# unshare without --fork: the monitor itself runs in the new namespaces
$NOBODY unshare -Urn "$F" -j monitor > "$WORK/umon.json" 2> "$WORK/umon.err" &
umon=$!
defer "kill $umon 2>/dev/null"
initns=$(readlink /proc/self/ns/net)
wait_for 5 sh -c "[ \"\$(readlink /proc/$umon/ns/net)\" != '$initns' ]"
sleep 1
check "monitor in an unshare -Urn namespace of an unprivileged user runs" kill -0 $umon
add 02:00:00:00:0a:01 000000000000000000000000000000a1
echo "$KEY" | nsenter --net=/proc/$umon/ns/net "$F" pmk add sta 02:00:00:00:0a:02 \
	r1name 000000000000000000000000000000a2 r0name abababababababababababababababab \
	r0kh x r1kh 02:00:00:00:01:00 akm ft-psk key - ||
	diag "pmk add in the user's namespace failed"
$NOBODY nsenter --preserve-credentials -t $umon -U -n "$F" -j pmk show > "$WORK/upmk.json" 2> "$WORK/upmk.err"
rc=$?
diag "pmk show in the user's namespace: $(cat "$WORK/upmk.json" "$WORK/upmk.err")"
check "pmk show by the namespace's owner: its namespace's entry only" sh -c \
	"[ $rc -eq 0 ] && grep -q 02:00:00:00:0a:02 '$WORK/upmk.json' && ! grep -q 02:00:00:00:0a:01 '$WORK/upmk.json'"
echo "$KEY" | $NOBODY nsenter --preserve-credentials -t $umon -U -n "$F" pmk add sta 02:00:00:00:0a:03 \
	r1name 000000000000000000000000000000a3 r0name abababababababababababababababab \
	r0kh x r1kh 02:00:00:00:01:00 akm ft-psk key - 2> "$WORK/err9"
rc=$?
check "pmk add by the namespace's owner: exit 1, CAP_NET_ADMIN (a change needs the initial namespace)" sh -c \
	"[ $rc -eq 1 ] && grep -q 'CAP_NET_ADMIN' '$WORK/err9'"
sleep 0.5
kill -TERM $umon
wait $umon
diag "user namespace monitor: $(cat "$WORK/umon.json" "$WORK/umon.err")"
check "that monitor heard its namespace's pmk-added and nothing of the initial namespace" python3 -c "
import json, sys
ev = [json.loads(l) for l in open('$WORK/umon.json')]
sys.exit(0 if [e.get('sta') for e in ev if e.get('event') == 'pmk-added'] == ['02:00:00:00:0a:02'] and
         not any(e.get('sta') == '02:00:00:00:0a:01' for e in ev) else 1)"
"$F" pmk flush > /dev/null

# --- RTNL is not fsr's lock (issue 12, finding 11) ---------------------------
# The reads anyone may send (info, bss show, stats) must not take RTNL:
# count rtnl_lock() calls of an unprivileged loop of them with the
# function tracer (pid filter, children followed). A detach and attach
# as root, which do take RTNL, show that the count works.
T=/sys/kernel/tracing
mountpoint -q $T || mount -t tracefs nodev $T
# rtnl_calls CMD...: how many times CMD and its children called rtnl_lock()
rtnl_calls() {
	echo 0 > $T/tracing_on
	echo nop > $T/current_tracer
	echo rtnl_lock > $T/set_ftrace_filter
	echo 1 > $T/options/function-fork
	echo function > $T/current_tracer
	echo > $T/trace
	sh -c "echo \$\$ > $T/set_ftrace_pid && echo 1 > $T/tracing_on && exec \"\$@\"" sh "$@" > /dev/null 2>&1
	echo 0 > $T/tracing_on
	grep -v '^#' $T/trace | grep -c 'rtnl_lock'
	echo nop > $T/current_tracer
	echo > $T/set_ftrace_pid
	echo > $T/set_ftrace_filter
}
n_root=$(rtnl_calls sh -c "'$F' bss detach wlan0; '$F' bss attach wlan0")
n_user=$(rtnl_calls $NOBODY sh -c "for i in \$(seq 30); do '$F' info; '$F' -j bss show; '$F' stats wlan0; done")
diag "rtnl_lock() calls: root detach+attach $n_root, unprivileged 30 x (info, bss show, stats) $n_user"
check "the tracer counts rtnl_lock(): detach and attach take it" test "${n_root:-0}" -ge 2
check "unprivileged info, bss show and stats never take RTNL (30 rounds)" test "$n_user" = 0

# --- monitor results ----------------------------------------------------------
check "bss detach wlan0" "$F" bss detach wlan0
sleep 0.5
kill -TERM $mon
wait $mon
rc=$?
diag "$(cat "$WORK/monitor.json")"
check "monitor exits 0 on SIGTERM" [ $rc -eq 0 ]
check "monitor -j: bss-attached, pmk-added, pmk-removed (flush, user), bss-detached" python3 -c "
import json, sys
ev = [json.loads(l) for l in open('$WORK/monitor.json')]
def has(**kw):
    return any(all(e.get(k) == v for k, v in kw.items()) for e in ev)
ok = (has(event='bss-attached', ifname='wlan0', ifindex=$idx) and
      has(event='pmk-added', sta='02:00:00:00:02:00', akm='ft-psk') and
      has(event='pmk-removed', sta='02:00:00:00:03:00', reason='flush') and
      has(event='pmk-removed', sta='02:00:00:00:02:00', reason='user') and
      has(event='bss-detached', ifindex=$idx, reason='user') and
      not any(e.get('sta') == '02:00:00:00:09:00' for e in ev))
sys.exit(0 if ok else 1)"

# The family alias (MODULE_ALIAS_GENL_FAMILY) loads an installed module on
# first use; with module loading disabled fsrctl must say what to do.
lab_rmmod fsr
check "fsrctl info loads the module through the family alias" sh -c \
	"'$F' info >/dev/null && [ -d /sys/module/fsr ]"
lab_rmmod fsr
old=$(cat /proc/sys/kernel/modprobe)
echo /bin/false > /proc/sys/kernel/modprobe
"$F" info 2> "$WORK/err6"
rc=$?
echo "$old" > /proc/sys/kernel/modprobe
diag "$(cat "$WORK/err6")"
check "without the module: exit 1, says to load it" sh -c \
	"[ $rc -eq 1 ] && grep -q 'fsr kernel module is not loaded' '$WORK/err6'"
check "dmesg clean" dmesg_clean
tap_finish
