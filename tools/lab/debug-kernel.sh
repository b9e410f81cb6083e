#!/bin/sh
# The lab's debug kernel: Debian's linux-source-6.1, the very version of the
# lab's image, configured by tools/lab/debug.config (KASAN, lockdep,
# PROVE_RCU, kmemleak, only what the lab VM and the selftests need) and
# built once.
#
#   tools/lab/debug-kernel.sh build   fetch the source, configure, build,
#                                     install modules (fast if done)
#   tools/lab/debug-kernel.sh env     FSR_KABI, FSR_KDIR, FSR_LAB_IMAGE,
#                                     FSR_LAB_SOURCE of the debug kernel
#
# tools/lab/kernel.sh calls it when FSR_LAB_KERNEL=debug, so the lab's
# scripts (run, initramfs.sh, modroot.sh, mac80211/build.sh) use the debug
# kernel without knowing it. Layout under CACHE/debug/VERSION (CACHE is
# ${FSR_LAB_CACHE:-/var/cache/fsr-lab}, VERSION the Debian version):
#   src/        the whole linux-source-6.1 tree (pristine)
#   build/      kbuild's output (O=), the KDIR external modules build against
#   image/      boot/vmlinuz-RELEASE and lib/modules/RELEASE, like an
#               unpacked linux-image package
#   version     VERSION, written when image/ is complete
#   key         the checksum of debug.config the image was built from
#   build.log   the last build's output
set -eu

lab=$(cd "$(dirname "$0")" && pwd)
CACHE=${FSR_LAB_CACHE:-/var/cache/fsr-lab}
SRCPKG=linux-source-6.1
fragment=$lab/debug.config
jobs=${FSR_JOBS:-2}

die() {
	echo "debug-kernel.sh: $*" >&2
	exit 1
}

# The version of the lab's image: the debug kernel is built from the same.
lab_version() {
	eval "$(FSR_LAB_KERNEL='' "$lab/kernel.sh" env)"
	cat "$FSR_LAB_IMAGE/../version"
}

release() {
	cat "$dir/build/include/config/kernel.release"
}

is_complete() {
	[ -f "$dir/version" ] && [ "$(cat "$dir/key" 2> /dev/null)" = "$key" ] &&
		[ -f "$dir/build/include/config/kernel.release" ] &&
		[ -f "$dir/image/lib/modules/$(release)/modules.dep" ]
}

extract() {
	[ -f "$dir/src/Makefile" ] && return 0
	deb=$(find "$CACHE/dl" -maxdepth 1 -name "${SRCPKG}_$(echo "$ver" | sed 's/:/%3a/')_*.deb" | head -n 1)
	[ -n "$deb" ] || die "no $SRCPKG $ver in $CACHE/dl (tools/lab/kernel.sh fetch gets it)"
	echo "debug-kernel.sh: extracting $(basename "$deb")" >&2
	rm -rf "$dir/src.tmp"
	mkdir -p "$dir/src.tmp"
	dpkg-deb --fsys-tarfile "$deb" |
		tar -xOf - "./usr/src/$SRCPKG.tar.xz" |
		tar -xJf - -C "$dir/src.tmp" --strip-components=1 ||
		die "extracting $deb failed"
	mv "$dir/src.tmp" "$dir/src"
}

configure() {
	mkdir -p "$dir/build"
	make -C "$dir/src" O="$dir/build" KCONFIG_ALLCONFIG="$fragment" \
		allnoconfig > /dev/null
	# Every line of the fragment must have survived (a missing dependency
	# silently drops a symbol).
	bad=$(grep -E '^(CONFIG_|# CONFIG_)' "$fragment" |
		while IFS= read -r line; do
			case $line in
			'# '*) sym=${line#\# }
				sym=${sym%% *}
				grep -q "^$sym=" "$dir/build/.config" || continue ;;
			*) sym=${line%%=*}
				grep -qxF "$line" "$dir/build/.config" && continue ;;
			esac
			echo "debug-kernel.sh: config: wanted '$line', got" \
				"'$(grep -E "^(# )?${sym}[= ]" "$dir/build/.config")'" >&2
			echo "$sym"
		done)
	[ -z "$bad" ] || die "debug.config does not hold after allnoconfig"
}

build() {
	exec 9> "$CACHE/debug/.lock"
	flock 9 || die "cannot lock $CACHE/debug/.lock"
	is_complete && return 0
	extract
	start=$(date +%s)
	configure
	echo "debug-kernel.sh: building $dir/build (log: $dir/build.log)" >&2
	{
		make -C "$dir/src" O="$dir/build" -j"$jobs" bzImage modules &&
			rm -rf "$dir/image" &&
			make -C "$dir/src" O="$dir/build" INSTALL_MOD_PATH="$dir/image" \
				INSTALL_MOD_STRIP=1 DEPMOD=true modules_install
	} > "$dir/build.log" 2>&1 || {
		tail -n 30 "$dir/build.log" >&2
		die "the build failed (log: $dir/build.log)"
	}
	rel=$(release)
	mkdir -p "$dir/image/boot"
	cp "$dir/build/arch/x86/boot/bzImage" "$dir/image/boot/vmlinuz-$rel"
	depmod -b "$dir/image" "$rel" || die "depmod failed"
	echo "$key" > "$dir/key"
	echo "$ver" > "$dir/version"
	echo "debug-kernel.sh: $rel built in $(($(date +%s) - start)) s" >&2
}

env_lines() {
	is_complete || die "the debug kernel is not built; run: $0 build"
	echo "FSR_KABI=$(release)"
	echo "FSR_KDIR=$dir/build"
	echo "FSR_LAB_IMAGE=$dir/image"
	echo "FSR_LAB_SOURCE=$dir/src"
}

ver=$(lab_version) || die "the lab kernel is not fetched (tools/lab/kernel.sh fetch)"
dir=$CACHE/debug/$ver
key=$(cksum < "$fragment")
mkdir -p "$dir"
case "${1:-}" in
build) build ;;
env) env_lines ;;
*)
	echo "usage: $0 build|env" >&2
	exit 2
	;;
esac
