#!/bin/sh
# Build a module root for the lab VM: every module of the lab kernel's image
# plus the given modules, which take precedence over stock ones of the same
# name (a patched mac80211.ko replaces the stock one).
#
#   tools/lab/modroot.sh OUTDIR [MODULE.ko...]
#
# Result: OUTDIR/lib/modules/ABI/ with the stock tree (hard links into the
# cache when possible, else a copy), the given modules in updates/fsr/, and
# modules.dep from depmod, so that in the guest
#   modprobe -d OUTDIR mac80211_hwsim
# loads the given mac80211.ko under the stock mac80211_hwsim.ko.
# Only what changed is redone; an unchanged call takes well under a second.
set -eu

die() {
	echo "modroot.sh: $*" >&2
	exit 1
}

[ $# -ge 1 ] || {
	echo "usage: $0 OUTDIR [MODULE.ko...]" >&2
	exit 2
}
out=$1
shift
for m in "$@"; do
	[ -f "$m" ] || die "no such module: $m"
	case $m in
	*.ko | *.ko.xz | *.ko.gz | *.ko.zst) ;;
	*) die "not a kernel module: $m" ;;
	esac
done

lab=$(cd "$(dirname "$0")" && pwd)
kenv=$("$lab/kernel.sh" env 2>/dev/null) || {
	"$lab/kernel.sh" fetch
	kenv=$("$lab/kernel.sh" env)
}
eval "$kenv"
abi=$FSR_KABI
stock=$FSR_LAB_IMAGE/lib/modules/$abi

mkdir -p "$out/lib/modules"
out=$(cd "$out" && pwd)
exec 9> "$out/.lock"
flock 9 || die "cannot lock $out/.lock"

tree=$out/lib/modules/$abi
stamp="$stock $(cat "$FSR_LAB_IMAGE/../version" 2>/dev/null || echo unknown)"
changed=0

# The stock part: redone only when the image changed.
if [ ! -d "$tree" ] || [ "$(cat "$out/.image" 2>/dev/null)" != "$stamp" ]; then
	tmp=$tree.tmp.$$
	rm -rf "$tmp"
	if ! cp -al "$stock" "$tmp" 2>/dev/null; then
		rm -rf "$tmp"
		cp -a "$stock" "$tmp" || die "cannot copy $stock"
	fi
	# depmod replaces its index files by rename, but keep the tree's
	# metadata files private anyway so nothing can write through a link.
	for f in "$tmp"/modules.*; do
		cp "$f" "$f.copy" && mv "$f.copy" "$f"
	done
	rm -f "$tmp/modules.dep"
	rm -rf "$tree"
	mv "$tmp" "$tree"
	echo "$stamp" > "$out/.image"
	changed=1
fi
# Trees of other (older) ABIs are stale.
for d in "$out"/lib/modules/*; do
	[ "$d" = "$tree" ] || rm -rf "$d"
done

# The given modules: copy those that differ, drop those no longer given.
upd=$tree/updates/fsr
mkdir -p "$upd"
for m in "$@"; do
	dst=$upd/$(basename "$m")
	if ! cmp -s "$m" "$dst"; then
		rm -f "$tree/modules.dep"
		cp "$m" "$dst.tmp" && mv "$dst.tmp" "$dst"
		echo "modroot.sh: updated $(basename "$m")" >&2
		changed=1
	fi
done
for f in "$upd"/*; do
	[ -e "$f" ] || continue
	keep=0
	for m in "$@"; do
		[ "$(basename "$m")" = "$(basename "$f")" ] && keep=1
	done
	if [ $keep -eq 0 ]; then
		rm -f "$tree/modules.dep" "$f"
		echo "modroot.sh: removed $(basename "$f")" >&2
		changed=1
	fi
done

if [ $changed -eq 1 ] || [ ! -f "$tree/modules.dep" ]; then
	depmod -b "$out" "$abi" || die "depmod -b $out $abi failed"
fi
