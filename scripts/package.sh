#!/usr/bin/env bash
# Builds Debian packages of lapgate with dpkg-deb:
#   artifacts/packages/lapgate_<version>_arm64.deb   64-bit Raspberry Pi OS (bookworm, trixie)
#   artifacts/packages/lapgate_<version>_amd64.deb   a 64-bit Linux PC (Debian, Ubuntu)
# Usage: bash scripts/package.sh [arm64|amd64]...   (default: both)
# The native-AOT binaries come from scripts/publish.sh (which installs clang and the cross toolchain with apt);
# nothing else is downloaded. The version is scripts/version.sh's (LAPGATE_VERSION overrides it).
#
# Each package holds:
#   /usr/lib/lapgate/              the native-AOT lapgate and the native libraries it loads from its own folder
#   /usr/bin/lapgate               a link to it
#   /usr/lib/systemd/system/lapgate-sensor.service   deploy/lapgate-sensor.service, the one unit file
#   /etc/lapgate/sensor.json       a conffile: deploy/sensor.json, a commented example (dpkg keeps your edits)
# and the maintainer scripts in deploy/debian/, which never enable or start the sensor on a first install.
set -euo pipefail
cd "$(dirname "$0")/.."

arches=("$@")
[ ${#arches[@]} -eq 0 ] && arches=(arm64 amd64)
version=$(bash scripts/version.sh)
export LAPGATE_VERSION="$version"   # publish.sh stamps the same version into the binary
out=artifacts/packages
mkdir -p "$out"

# The newest glibc symbol version a binary needs, for Depends: libc6 (>= ...). readelf reads any architecture.
glibc_needed() {
  readelf -V --wide "$@" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1
}

for arch in "${arches[@]}"; do
  case "$arch" in
    arm64) rid=linux-arm64 ;;
    amd64) rid=linux-x64 ;;
    *)
      echo "error: unknown architecture '$arch' (use arm64 or amd64)" >&2
      exit 2
      ;;
  esac
  bash scripts/publish.sh "$rid"
  published=artifacts/publish/$rid

  root=$out/root-$arch
  rm -rf "$root"
  install -d "$root/DEBIAN" "$root/usr/bin" "$root/usr/lib/lapgate" "$root/usr/lib/systemd/system" "$root/etc/lapgate"
  install -m 755 "$published/lapgate" "$root/usr/lib/lapgate/lapgate"
  for lib in "$published"/*.so; do
    [ -e "$lib" ] && install -m 644 "$lib" "$root/usr/lib/lapgate/"
  done
  # A relative link: the binary resolves its own folder through it and finds its native libraries there.
  ln -s ../lib/lapgate/lapgate "$root/usr/bin/lapgate"
  install -m 644 deploy/lapgate-sensor.service "$root/usr/lib/systemd/system/lapgate-sensor.service"
  install -m 644 deploy/sensor.json "$root/etc/lapgate/sensor.json"
  install -m 755 deploy/debian/postinst deploy/debian/prerm deploy/debian/postrm "$root/DEBIAN/"
  echo /etc/lapgate/sensor.json >"$root/DEBIAN/conffiles"

  glibc=$(glibc_needed "$root"/usr/lib/lapgate/lapgate "$root"/usr/lib/lapgate/*.so)
  size_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
  cat >"$root/DEBIAN/control" <<EOF
Package: lapgate
Version: $version
Architecture: $arch
Maintainer: ${LAPGATE_MAINTAINER:-LapGate developers <lapgate@invalid>}
Installed-Size: $size_kb
Depends: libc6 (>= $glibc), libssl3 | libssl3t64
Recommends: libgpiod2 | libgpiod3
Section: misc
Priority: optional
Description: analog slot-car lap sensor for the SmartRace app
 LapGate connects an analog slot-car track to SmartRace: lapgate sensor reads
 IR gates on the Raspberry Pi's pins (or a microcontroller on USB), filters
 false triggers, keeps every lap in a journal on disk and sends it to the app's
 Smartrace Connect plug-in over Wi-Fi, surviving any cut of the link.
 .
 The package also holds lapgate emulate (an app emulator and lap counter with
 a dashboard), bridge, replay, probe and demo. The sensor's systemd service is
 not enabled until you have configured /etc/lapgate/sensor.json.
EOF
  deb=$out/lapgate_${version}_${arch}.deb
  dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
  rm -rf "$root"
  echo "Built $deb ($(du -h "$deb" | cut -f1))"
done
