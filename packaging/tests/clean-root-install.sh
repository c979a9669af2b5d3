#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 TenantBridge contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Proves the .deb on a clean Debian 12: builds the package of BUILD_DIR with CPack, makes a minimal bookworm root
# with debootstrap from the package mirror (kept in WORK_DIR/bookworm-base and copied, so a second run does not
# download it again), installs the package there with apt (which pulls the dependencies the package declares, and
# nothing else), then runs tenantbridge-cli --version, lists the sample tenants through the CLI's built-in sandbox,
# and starts the GUI on the offscreen platform for a few seconds. Needs root (chroot) and the mirror.
#
#   packaging/tests/clean-root-install.sh BUILD_DIR [WORK_DIR]
#
# Registered as the ctest "packaging: the .deb installs and runs in a clean Debian 12 root", which runs only when
# the build is configured with -DTB_CLEAN_ROOT_TEST=ON (it downloads about 150 MB and takes minutes).
set -euo pipefail

build=$(cd "${1:?usage: $0 BUILD_DIR [WORK_DIR]}" && pwd)
work=${2:-$build/clean-root}
mirror=${TB_DEBIAN_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$work"

for tool in debootstrap dpkg-shlibdeps; do
    if ! command -v "$tool" >/dev/null; then
        apt-get install -y -q debootstrap dpkg-dev >/dev/null
        break
    fi
done

echo "== package"
rm -f "$build"/tenantbridge_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/tenantbridge_*.deb)
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"
dpkg-deb -f "$deb" Depends

base=$work/bookworm-base
if [ ! -x "$base/usr/bin/apt-get" ]; then
    echo "== debootstrap bookworm (minbase) from $mirror"
    rm -rf "$base"
    debootstrap --variant=minbase bookworm "$base" "$mirror" >"$work/debootstrap.log" 2>&1 || {
        tail -20 "$work/debootstrap.log"
        exit 1
    }
fi

root=$work/root
cleanup() {
    # Lazy: a process the GUI or CLI left behind may still hold it.
    umount -l "$root/proc" 2>/dev/null || true
}
trap cleanup EXIT
cleanup # a run that was killed may have left it mounted
rm -rf --one-file-system "$root"
cp -a "$base" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/tenantbridge.deb"

echo "== apt install ./tenantbridge.deb"
chroot "$root" apt-get update -q >/dev/null
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    /tmp/tenantbridge.deb >"$work/apt.log" 2>&1 || {
    tail -30 "$work/apt.log"
    exit 1
}
grep -E "^(Setting up|Unpacking) tenantbridge" "$work/apt.log"
echo "packages in the root: $(chroot "$root" dpkg-query -f '.\n' -W | wc -l)"

echo "== what it installed"
chroot "$root" dpkg -L tenantbridge | grep -E "^/usr/(bin/|share/(applications|metainfo|man|icons)/.+\.)" | sort
for file in /usr/bin/tenantbridge /usr/bin/tenantbridge-cli /usr/bin/tenantbridge-sandbox; do
    chroot "$root" dpkg -L tenantbridge | grep -qx "$file"
done

echo "== tenantbridge-cli --version"
chroot "$root" tenantbridge-cli --version

echo "== tenantbridge-cli tenants (the built-in sandbox, nobody signed in)"
chroot "$root" env HOME=/root tenantbridge-cli --no-keychain tenants || test $? -eq 3

echo "== the GUI on the offscreen platform for 8 s"
status=0
chroot "$root" env HOME=/root QT_QPA_PLATFORM=offscreen timeout 8 tenantbridge --no-keychain \
    >"$work/gui.log" 2>&1 || status=$?
cat "$work/gui.log"
if [ "$status" -ne 124 ]; then
    echo "the GUI exited with $status before 8 s (124 means it was still running)" >&2
    exit 1
fi
echo "still running after 8 s: OK"
