#!/bin/sh
# Build the lab VM's initramfs: build/lab/initramfs.cpio.gz.
#
#   tools/lab/initramfs.sh
#
# It holds busybox (static), the virtio and 9p modules of the lab kernel and
# an /init that loads them, mounts the host's root read-only (9p tag
# "hostroot"), mounts the run's output directory writable over the same path
# (9p tag "hostout"), and switches root into the host root to run
# guest-init.sh.
# The kernel command line tells /init where things are:
#   fsr_out=DIR    the run's output directory (host path, no spaces)
#   fsr_init=FILE  the guest init script (host path, no spaces)
# Rebuilt only when the kernel ABI, busybox or this script changed.
set -eu

die() {
	echo "initramfs.sh: $*" >&2
	exit 1
}

lab=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$lab/../.." && pwd)
dest=$top/build/lab
out=$dest/initramfs.cpio.gz

# tools/lab/run passes what it already asked kernel.sh (saves apt-cache calls).
kenv=${FSR_LAB_KENV:-}
[ -n "$kenv" ] || kenv=$("$lab/kernel.sh" env 2>/dev/null) || {
	"$lab/kernel.sh" fetch
	kenv=$("$lab/kernel.sh" env)
}
eval "$kenv"
mods=$FSR_LAB_IMAGE/lib/modules/$FSR_KABI

busybox=/bin/busybox
file -L "$busybox" 2>/dev/null | grep -q 'statically linked' ||
	die "$busybox is not static; apt-get install busybox-static"
command -v cpio > /dev/null || die "cpio missing; apt-get install cpio"

mkdir -p "$dest"
key="$FSR_KABI $(cat "$FSR_LAB_IMAGE/../version" 2>/dev/null)
$(cksum < "$0") $(cksum < "$busybox")"
[ -f "$out" ] && [ "$(cat "$out.key" 2>/dev/null)" = "$key" ] && exit 0

exec 9> "$dest/.initramfs.lock"
flock 9 || die "cannot lock $dest/.initramfs.lock"
[ -f "$out" ] && [ "$(cat "$out.key" 2>/dev/null)" = "$key" ] && exit 0

tmp=$dest/initramfs.tmp.$$
trap 'rm -rf "$tmp" "$out.tmp.$$"' EXIT
rm -rf "$tmp"
mkdir -p "$tmp/bin" "$tmp/modules" "$tmp/proc" "$tmp/sys" "$tmp/dev" "$tmp/newroot"
cp "$busybox" "$tmp/bin/busybox"
ln -s busybox "$tmp/bin/sh"

# Load order matters (each needs the ones before). Some may be built into
# a given kernel: those are skipped, a missing one is an error.
order=""
for m in virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev \
	virtio_pci netfs fscache 9pnet 9pnet_virtio 9p; do
	f=$(find "$mods/kernel" -name "$m.ko" -o -name "$m.ko.xz" | head -n 1)
	if [ -z "$f" ]; then
		grep -q "/$m.ko\$" "$mods/modules.builtin" ||
			die "module $m is neither built in nor in $mods"
		continue
	fi
	case $f in
	*.xz) xz -dc "$f" > "$tmp/modules/$m.ko" ;;
	*) cp "$f" "$tmp/modules/$m.ko" ;;
	esac
	order="$order $m"
done
echo "$order" > "$tmp/modules/order"

cat > "$tmp/init" << 'EOF'
#!/bin/sh
# fsr lab VM, stage 1 (written by tools/lab/initramfs.sh).
export PATH=/bin
/bin/busybox --install -s /bin
mount -t devtmpfs dev /dev
exec < /dev/console > /dev/console 2>&1
mount -t proc proc /proc
mount -t sysfs sys /sys

fail() {
	echo "fsr-lab: stage 1 failed: $*"
	echo o > /proc/sysrq-trigger
	sleep 5
	poweroff -f
}

out=
init=
for arg in $(cat /proc/cmdline); do
	case $arg in
	fsr_out=*) out=${arg#fsr_out=} ;;
	fsr_init=*) init=${arg#fsr_init=} ;;
	esac
done
[ -n "$out" ] && [ -n "$init" ] || fail "fsr_out= or fsr_init= missing"

for m in $(cat /modules/order); do
	insmod "/modules/$m.ko" || fail "insmod $m"
done

opts=trans=virtio,version=9p2000.L,msize=262144
mount -t 9p -o "$opts,ro,cache=loose" hostroot /newroot || fail "mount hostroot"
[ -d "/newroot$out" ] || fail "no directory $out in the host root"
mount -t 9p -o "$opts,rw" hostout "/newroot$out" || fail "mount hostout on $out"
[ -f "/newroot$init" ] || fail "no $init in the host root"

umount /proc
umount /sys
mount --move /dev /newroot/dev || fail "move /dev"
export FSR_LAB_OUT="$out"
# switch_root, not chroot: the host root is moved over / and becomes the
# root of the mount namespace, so the guest is not "chrooted" for the
# kernel, which refuses user namespaces to chrooted processes (the
# selftests make some, unshare -Urn).
exec switch_root /newroot /bin/sh "$init"
EOF
chmod 755 "$tmp/init"

(cd "$tmp" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) |
	gzip -9 > "$out.tmp.$$"
mv "$out.tmp.$$" "$out"
echo "$key" > "$out.key"
echo "initramfs.sh: built $out" >&2
