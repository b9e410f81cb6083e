#!/bin/sh
# The Debian kernel the lab VM boots, with its matching headers and sources.
#
#   tools/lab/kernel.sh abi     print the ABI of Debian's current 6.1 kernel
#   tools/lab/kernel.sh fetch   download and unpack image + source subset,
#                               install the headers (idempotent, fast if done)
#   tools/lab/kernel.sh env     print FSR_KABI, FSR_KDIR, FSR_LAB_IMAGE,
#                               FSR_LAB_SOURCE as sourceable shell lines
#
# The ABI (e.g. 6.1.0-56-amd64) follows Debian's security updates, so it is
# read from the linux-image-amd64 metapackage every time, never hard-coded.
# Layout under CACHE (${FSR_LAB_CACHE:-/var/cache/fsr-lab}):
#   dl/                 the downloaded .deb files
#   ABI/image/          linux-image-ABI unpacked (boot/, lib/modules/ABI/
#                       with modules.dep), never installed on the host
#   ABI/source/         subset of linux-source-6.1: net/mac80211/,
#                       include/net/mac80211.h, scripts/checkpatch.pl and
#                       the two data files checkpatch reads
#   ABI/version         the Debian package version all three share
#
# With FSR_LAB_KERNEL=debug, fetch also builds the lab's debug kernel from
# the same linux-source-6.1 and env describes that one instead (the
# layout is in tools/lab/debug-kernel.sh); every lab script then uses it.
set -eu

CACHE=${FSR_LAB_CACHE:-/var/cache/fsr-lab}
SRCPKG=linux-source-6.1
SUBSET="net/mac80211 include/net/mac80211.h scripts/checkpatch.pl
scripts/spelling.txt scripts/const_structs.checkpatch"

die() {
	echo "kernel.sh: $*" >&2
	exit 1
}

# ABI named by the metapackage's dependency "linux-image-<ABI>".
query_abi() {
	apt-cache depends linux-image-amd64 2>/dev/null |
		sed -n 's/^ *Depends: linux-image-\([0-9][^ ]*-amd64\)$/\1/p' |
		head -n 1
}

abi() {
	a=$(query_abi)
	if [ -z "$a" ]; then
		[ "$(id -u)" -eq 0 ] || die "apt-cache knows no linux-image-amd64; run apt-get update as root"
		apt-get update -qq >&2 || die "apt-get update failed"
		a=$(query_abi)
	fi
	[ -n "$a" ] || die "cannot find the ABI from linux-image-amd64 (apt-cache depends)"
	echo "$a"
}

candidate() {
	apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: //p'
}

# download PACKAGE VERSION: print the path of the .deb in CACHE/dl.
download() {
	pat="${1}_$(echo "$2" | sed 's/:/%3a/')_*.deb"
	deb=$(find "$CACHE/dl" -maxdepth 1 -name "$pat" | head -n 1)
	if [ -z "$deb" ]; then
		echo "kernel.sh: downloading $1 $2" >&2
		# As root, apt would try to drop to _apt, who cannot write here.
		sandbox=""
		[ "$(id -u)" -ne 0 ] || sandbox="-o APT::Sandbox::User=root"
		# shellcheck disable=SC2086
		(cd "$CACHE/dl" && apt-get download -q $sandbox "$1=$2" >&2) ||
			die "apt-get download $1=$2 failed"
		deb=$(find "$CACHE/dl" -maxdepth 1 -name "$pat" | head -n 1)
	fi
	[ -n "$deb" ] || die "no .deb for $1 in $CACHE/dl"
	got=$(dpkg-deb -f "$deb" Version)
	[ "$got" = "$2" ] || die "$deb has version $got, expected $2"
	echo "$deb"
}

unpack_image() {
	deb=$1
	tmp="$CACHE/$ABI/image.tmp.$$"
	rm -rf "$tmp"
	echo "kernel.sh: unpacking $(basename "$deb")" >&2
	dpkg-deb -x "$deb" "$tmp" || die "dpkg-deb -x $deb failed"
	[ -d "$tmp/lib/modules/$ABI" ] || die "$deb has no lib/modules/$ABI"
	depmod -b "$tmp" "$ABI" || die "depmod failed on the unpacked image"
	rm -rf "$CACHE/$ABI/image"
	mv "$tmp" "$CACHE/$ABI/image"
}

unpack_source() {
	deb=$1
	tmp="$CACHE/$ABI/source.tmp.$$"
	rm -rf "$tmp"
	mkdir -p "$tmp"
	echo "kernel.sh: extracting the mac80211 subset of $(basename "$deb")" >&2
	members=""
	for m in $SUBSET; do
		members="$members linux-source-6.1/$m"
	done
	# shellcheck disable=SC2086
	dpkg-deb --fsys-tarfile "$deb" |
		tar -xOf - ./usr/src/linux-source-6.1.tar.xz |
		tar -xJf - -C "$tmp" --strip-components=1 $members ||
		die "extracting the source subset from $deb failed"
	for m in $SUBSET; do
		[ -e "$tmp/$m" ] || die "$m missing from $deb"
	done
	rm -rf "$CACHE/$ABI/source"
	mv "$tmp" "$CACHE/$ABI/source"
}

ensure_headers() {
	want=$1
	st=$(dpkg-query -W -f '${db:Status-Status}' "linux-headers-$ABI" 2>/dev/null || true)
	if [ "$st" != installed ] || [ ! -d "/usr/src/linux-headers-$ABI" ]; then
		[ "$(id -u)" -eq 0 ] || die "linux-headers-$ABI missing; run: apt-get install linux-headers-$ABI"
		echo "kernel.sh: installing linux-headers-$ABI" >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends "linux-headers-$ABI=$want" >&2 ||
			die "apt-get install linux-headers-$ABI=$want failed"
	fi
	got=$(dpkg-query -W -f '${Version}' "linux-headers-$ABI")
	[ "$got" = "$want" ] || die "version mismatch: linux-headers-$ABI is $got," \
		"linux-image-$ABI is $want (run apt-get update && apt-get install linux-headers-$ABI)"
}

# Everything in place, and the installed headers are still the version the
# cache was made from (checked without asking apt: this is the fast path).
is_complete() {
	[ -f "$CACHE/$ABI/version" ] && [ -d "$CACHE/$ABI/image/lib/modules/$ABI" ] &&
		[ "$(dpkg-query -W -f '${Version}' "linux-headers-$ABI" 2>/dev/null)" = \
			"$(cat "$CACHE/$ABI/version")" ] &&
		[ -f "$CACHE/$ABI/image/lib/modules/$ABI/modules.dep" ] &&
		[ -d "$CACHE/$ABI/source/net/mac80211" ] && [ -d "/usr/src/linux-headers-$ABI" ]
}

fetch() {
	is_complete && return 0
	mkdir -p "$CACHE/dl" "$CACHE/$ABI" || die "cannot create $CACHE"
	exec 9> "$CACHE/dl/.lock"
	flock 9 || die "cannot lock $CACHE/dl/.lock"
	is_complete && return 0 # another fetch finished it while we waited

	ver=$(candidate "linux-image-$ABI")
	if [ -z "$ver" ] || [ "$ver" = "(none)" ]; then
		die "apt knows no linux-image-$ABI"
	fi
	sver=$(candidate $SRCPKG)
	[ "$sver" = "$ver" ] || die "version mismatch: linux-image-$ABI is $ver but" \
		"$SRCPKG is ${sver:-missing}; the archive is mid-update, retry later"

	image_deb=$(download "linux-image-$ABI" "$ver")
	source_deb=$(download $SRCPKG "$ver")
	ensure_headers "$ver"

	cached=$(cat "$CACHE/$ABI/version" 2> /dev/null || true)
	if [ "$cached" != "$ver" ] ||
		[ ! -f "$CACHE/$ABI/image/lib/modules/$ABI/modules.dep" ]; then
		unpack_image "$image_deb"
	fi
	if [ "$cached" != "$ver" ] || [ ! -d "$CACHE/$ABI/source/net/mac80211" ]; then
		unpack_source "$source_deb"
	fi
	echo "$ver" > "$CACHE/$ABI/version.tmp"
	mv "$CACHE/$ABI/version.tmp" "$CACHE/$ABI/version"
	echo "kernel.sh: $ABI ($ver) ready in $CACHE/$ABI" >&2
}

env_lines() {
	is_complete || die "the lab kernel $ABI is not fetched yet; run: $0 fetch"
	echo "FSR_KABI=$ABI"
	echo "FSR_KDIR=/usr/src/linux-headers-$ABI"
	echo "FSR_LAB_IMAGE=$CACHE/$ABI/image"
	echo "FSR_LAB_SOURCE=$CACHE/$ABI/source"
}

case "${FSR_LAB_KERNEL:-}" in
'' | debug) ;;
*) die "FSR_LAB_KERNEL is '$FSR_LAB_KERNEL'; empty (Debian's) or debug" ;;
esac

case "${1:-}" in
abi)
	abi
	;;
fetch)
	ABI=$(abi)
	fetch
	if [ "${FSR_LAB_KERNEL:-}" = debug ]; then
		"$(dirname "$0")/debug-kernel.sh" build
	fi
	;;
env)
	if [ "${FSR_LAB_KERNEL:-}" = debug ]; then
		exec "$(dirname "$0")/debug-kernel.sh" env
	fi
	ABI=$(abi)
	env_lines
	;;
*)
	echo "usage: $0 abi|fetch|env" >&2
	exit 2
	;;
esac
