#!/bin/sh
# Build mac80211.ko with the AP management-frame offload hook, out of tree.
#
#   kmod/mac80211/build.sh SOURCE_ROOT KDIR OUTDIR
#
# SOURCE_ROOT  top of a linux source tree matching KDIR (needs net/mac80211/
#              and include/net/mac80211.h)
# KDIR         the kernel's build directory (linux-headers-VERSION)
# OUTDIR       where to work; results:
#                OUTDIR/src/net/mac80211/mac80211.ko      (debug info stripped)
#                OUTDIR/src/net/mac80211/Module.symvers
#                OUTDIR/src/include/net/mac80211.h        (the patched header)
#
# The copy is refreshed and patched again only when the patch, the sources
# or KDIR changed (OUTDIR/stamp); kbuild itself rebuilds only what changed.
set -eu

die() {
	echo "mac80211/build.sh: $*" >&2
	exit 1
}

[ $# -eq 3 ] || die "usage: build.sh SOURCE_ROOT KDIR OUTDIR"
src=$1
kdir=$2
out=$3
here=$(cd "$(dirname "$0")" && pwd)
patch_file=$here/0001-mac80211-add-AP-management-frame-offload-hook.patch
jobs=${FSR_JOBS:-2}

[ -d "$src/net/mac80211" ] || die "$src/net/mac80211: no such directory"
[ -f "$src/include/net/mac80211.h" ] || die "$src/include/net/mac80211.h: missing"
[ -f "$kdir/Makefile" ] || die "$kdir: not a kernel build directory"
[ -f "$patch_file" ] || die "$patch_file: missing"
for tool in patch strip make sha256sum; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool not found"
done

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$out/src
mdir=$work/net/mac80211

# What the copied tree depends on: the patch, the pristine sources, KDIR.
stamp_new=$out/stamp.new
{
	echo "kdir $(cd "$kdir" && pwd)"
	sha256sum "$patch_file" | cut -d' ' -f1
	(cd "$src" && find net/mac80211 include/net/mac80211.h -type f \
		-exec sha256sum {} + | LC_ALL=C sort -k2)
} > "$stamp_new"

if [ -f "$out/stamp" ] && cmp -s "$stamp_new" "$out/stamp" &&
   [ -f "$mdir/Makefile" ]; then
	rm -f "$stamp_new"
else
	echo "mac80211: copying and patching $src"
	rm -rf "$work" "$out/stamp"
	mkdir -p "$work/net" "$work/include/net"
	cp -R "$src/net/mac80211" "$work/net/"
	cp "$src/include/net/mac80211.h" "$work/include/net/"
	if ! patch -d "$work" -p1 --forward --batch --no-backup-if-mismatch \
	     -s < "$patch_file"; then
		rm -rf "$work" "$stamp_new"
		die "$(basename "$patch_file") does not apply to $src"
	fi
	mv "$stamp_new" "$out/stamp"
fi

# kbuild is incremental; the NOSTDINC_FLAGS include dir makes the patched
# mac80211.h shadow the one in KDIR.
make -C "$kdir" M="$mdir" NOSTDINC_FLAGS="-I$work/include" -j"$jobs" \
	modules

# Strip only when the module is newer than the stripped marker.
ko=$mdir/mac80211.ko
[ -f "$ko" ] || die "$ko was not built"
[ -f "$mdir/Module.symvers" ] || die "$mdir/Module.symvers was not built"
if [ ! -f "$mdir/.stripped" ] ||
   [ -n "$(find "$ko" -newer "$mdir/.stripped")" ]; then
	strip --strip-debug "$ko"
	touch "$mdir/.stripped"
fi
echo "mac80211: $ko"
