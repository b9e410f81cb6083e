#!/bin/sh
# Install the Debian packages that building and testing fsr needs.
# Idempotent: when everything is present it only asks dpkg, which takes well
# under a second. The kernel image, headers and sources are fetched by
# tools/lab/kernel.sh, which knows the running Debian kernel ABI.
set -eu

PACKAGES="
build-essential
pkg-config
patch
perl
libmnl-dev
libjson-c-dev
libssl-dev
libinih-dev
libnl-3-dev
libnl-genl-3-dev
libnftables-dev
nftables
libpcap-dev
tcpdump
stress-ng
python3-matplotlib
clang
libclang-rt-14-dev
qemu-system-x86
busybox-static
cpio
kmod
xz-utils
hostapd
wpasupplicant
iwd
dbus-daemon
freeradius
freeradius-utils
openssl
iw
iproute2
iputils-ping
curl
util-linux
procps
python3
python3-yaml
python3-cryptography
"
# Building the lab's debug kernel (make check-debug) needs the kernel's
# own build tools.
[ "${FSR_LAB_KERNEL:-}" = debug ] && PACKAGES="$PACKAGES flex bison bc libelf-dev"

missing=""
for p in $PACKAGES; do
	st=$(dpkg-query -W -f '${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$st" = installed ] || missing="$missing $p"
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing Debian packages:$missing" >&2
	echo "deps: run as root, or: sudo apt-get install$missing" >&2
	exit 1
fi

echo "deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
# The lab tests start their own FreeRADIUS; the package's service (started
# and enabled by its postinst, with the default configuration) must not
# keep running on the build host.
case " $missing " in
*" freeradius "*)
	if command -v systemctl >/dev/null 2>&1; then
		systemctl disable --now freeradius >/dev/null 2>&1 || true
	fi
	;;
esac
# iwd (a second client for the lab tests, which start their own) must not
# manage the build host's radios.
case " $missing " in
*" iwd "*)
	if command -v systemctl >/dev/null 2>&1; then
		systemctl disable --now iwd >/dev/null 2>&1 || true
	fi
	;;
esac
