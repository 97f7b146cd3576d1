#!/usr/bin/env bash
# Proves the Debian packages on this machine (.ci/run calls it after the tests): builds both with
# scripts/package.sh, checks their control data and files, extracts them with dpkg-deb -x, runs the amd64
# binary (--version, sensor --check on the packaged config, the emulator), checks the unit with
# systemd-analyze verify where it exists, and runs the arm64 binary under qemu-user against that emulator:
# a lap whose time must be exact to the millisecond. Prints one "PASS: ..." or "FAIL: ..." line per check
# (.ci/run counts them) and exits 1 when any failed.
# Usage: bash scripts/check-package.sh [--no-build]   (--no-build: check the packages already built for this version)
# Needs (installed with apt when missing): qemu-user, libssl3:arm64 (the arm64 binary aborts with "No usable
# version of libssl" without it; it brings libc6:arm64 and its loader /lib/ld-linux-aarch64.so.1), and what
# scripts/publish.sh installs (clang, the aarch64 cross toolchain).
# qemu runs the arm64 binary with that multiarch loader and libc. Not with QEMU_LD_PREFIX=/usr/aarch64-linux-gnu:
# that loader (the cross toolchain's glibc build) would load libssl's libc.so.6 from /lib/aarch64-linux-gnu, a
# different glibc build, and the mismatched pair spins forever in pthread_create (seen with 2.36-8cross1 against
# 2.36-9+deb12u14).
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/apt.sh

started=$SECONDS
passed=0
failed=0
pass() { echo "PASS: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }
# check WHAT COMMAND...: PASS when the command succeeds, else FAIL with the end of its output.
check() {
  local what=$1 out
  shift
  if out=$("$@" 2>&1); then pass "$what"; else
    fail "$what"
    printf '%s\n' "$out" | tail -n 15 | sed 's/^/    /'
  fi
}

apt_install qemu-user libssl3:arm64 binutils file python3

tmp=$(mktemp -d)
emulator_pid=""
cleanup() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

if [ "${1:-}" = --no-build ]; then
  echo "(--no-build: checking the packages already built)"
elif ! bash scripts/package.sh amd64 arm64 >"$tmp/package.log" 2>&1; then
  fail "scripts/package.sh builds the amd64 and arm64 packages"
  tail -n 30 "$tmp/package.log" | sed 's/^/    /'
  echo "package checks: $passed passed, $failed failed"
  exit 1
else
  pass "scripts/package.sh builds the amd64 and arm64 packages ($((SECONDS - started)) s)"
fi
version=$(bash scripts/version.sh)

for arch in amd64 arm64; do
  deb=artifacts/packages/lapgate_${version}_${arch}.deb
  root=$tmp/$arch
  check "$arch: $deb exists" test -s "$deb"
  check "$arch: control names the architecture and version" \
    bash -c '[ "$(dpkg-deb -f "$1" Architecture)" = "$2" ] && [ "$(dpkg-deb -f "$1" Version)" = "$3" ]' _ "$deb" "$arch" "$version"
  check "$arch: Depends on libssl3" bash -c 'dpkg-deb -f "$1" Depends | grep -Eq "(^|, )libssl3( |,|$)"' _ "$deb"
  check "$arch: Recommends libgpiod2 | libgpiod3" bash -c '[ "$(dpkg-deb -f "$1" Recommends)" = "libgpiod2 | libgpiod3" ]' _ "$deb"
  check "$arch: /etc/lapgate/sensor.json is a conffile" \
    bash -c 'dpkg-deb --ctrl-tarfile "$1" | tar -xO ./conffiles | grep -qx /etc/lapgate/sensor.json' _ "$deb"
  check "$arch: maintainer scripts postinst, prerm, postrm" \
    bash -c 'dpkg-deb --ctrl-tarfile "$1" | tar -t | grep -c -E "^\./(postinst|prerm|postrm)$" | grep -qx 3' _ "$deb"
  mkdir -p "$root"
  check "$arch: dpkg-deb -x extracts it" dpkg-deb -x "$deb" "$root"
  check "$arch: /usr/bin/lapgate, its native libraries, the unit and the config are in place" \
    bash -c 'cd "$1" && [ -L usr/bin/lapgate ] && [ -x usr/bin/lapgate ] && [ -f usr/lib/lapgate/libe_sqlite3.so ] \
      && [ -f usr/lib/systemd/system/lapgate-sensor.service ] && [ -f etc/lapgate/sensor.json ]' _ "$root"
done

# The amd64 binary, here.
bin=$tmp/amd64/usr/bin/lapgate
check "amd64: lapgate --version prints $version" bash -c '[ "$("$1" --version)" = "$2" ]' _ "$bin" "$version"
check "amd64: lapgate sensor --check accepts and explains the packaged /etc/lapgate/sensor.json" \
  bash -c '"$1" sensor --check --config "$2" | grep -q "is valid"' _ "$bin" "$tmp/amd64/etc/lapgate/sensor.json"
check "the packaged unit runs /usr/bin/lapgate" \
  grep -q '^ExecStart=/usr/bin/lapgate sensor ' "$tmp/amd64/usr/lib/systemd/system/lapgate-sensor.service"
if command -v systemd-analyze >/dev/null 2>&1; then
  # The unit as packaged, with ExecStart pointed at the extracted binary (verify checks that it exists). verify
  # exits 0 even on lines it ignores, so any message it prints counts as a failure too.
  mkdir -p "$tmp/unit"
  sed "s|/usr/bin/lapgate|$tmp/amd64/usr/bin/lapgate|" "$tmp/amd64/usr/lib/systemd/system/lapgate-sensor.service" \
    >"$tmp/unit/lapgate-sensor.service"
  check "systemd-analyze verify accepts the packaged unit without a complaint" \
    bash -c 'out=$(systemd-analyze verify --man=no "$1" 2>&1) && [ -z "$out" ] || { echo "$out"; exit 1; }' _ "$tmp/unit/lapgate-sensor.service"
else
  echo "(systemd-analyze not installed: unit not verified)"
fi

# The emulator from the amd64 package, on a free loopback port.
"$bin" emulate --port 0 --no-db >"$tmp/emulator.log" 2>&1 &
emulator_pid=$!
port=""
for _ in $(seq 1 300); do
  port=$(sed -n 's|.*Listening on ws://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/emulator.log" | head -n 1)
  [ -n "$port" ] && break
  kill -0 "$emulator_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  fail "amd64: lapgate emulate starts"
  tail -n 15 "$tmp/emulator.log" | sed 's/^/    /'
else
  pass "amd64: lapgate emulate starts (port $port)"
fi

# lap_time LANE: the lap times the emulator counted for that controller, space-separated.
lap_times() {
  /usr/bin/python3 -c 'import json, sys, urllib.request
race = json.load(urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/api/race", timeout=10))
print(" ".join(str(t) for c in race["controllers"] if c["id"] == int(sys.argv[2]) for t in c["lapTimes"]))' "$port" "$1"
}

# sensor_lap ARCH LANE PIN T1_US T2_US EXPECTED_MS [RUNNER...]: two crossings with device times, one lap.
sensor_lap() {
  local arch=$1 lane=$2 pin=$3 t1=$4 t2=$5 expected=$6
  shift 6
  local root=$tmp/$arch out
  if ! out=$(printf '%s %s\n%s %s\n' "$pin" "$t1" "$pin" "$t2" | timeout 300 "$@" "$root/usr/bin/lapgate" sensor \
        --server "ws://127.0.0.1:$port" --config "$root/etc/lapgate/sensor.json" --outbox "$tmp/$arch-outbox.db" 2>&1); then
    fail "$arch: lapgate sensor delivers a lap to the emulator"
    printf '%s\n' "$out" | tail -n 15 | sed 's/^/    /'
    return
  fi
  local got
  got=$(lap_times "$lane")
  if [ "$got" = "$expected" ]; then
    pass "$arch: lapgate sensor delivers a lap on lane $lane, timed exactly $expected ms"
  else
    fail "$arch: lapgate sensor delivers a lap on lane $lane, timed exactly $expected ms (the emulator counted: '${got}')"
    printf '%s\n' "$out" | tail -n 15 | sed 's/^/    /'
  fi
}

if [ -n "$port" ]; then
  sensor_lap amd64 1 17 1000000 4734000 3734
  # The arm64 binary under qemu-user: the closest thing to a Pi here (see the top for why no QEMU_LD_PREFIX).
  qemu=(timeout 300 env -u QEMU_LD_PREFIX qemu-aarch64)
  check "arm64: the binary is an aarch64 executable" bash -c 'file -L "$1" | grep -q "ARM aarch64"' _ "$tmp/arm64/usr/bin/lapgate"
  check "arm64: lapgate --version under qemu-user prints $version" \
    bash -c '[ "$("${@:3}" "$1" --version)" = "$2" ]' _ "$tmp/arm64/usr/bin/lapgate" "$version" "${qemu[@]}"
  sensor_lap arm64 2 27 2000000 5321000 3321 "${qemu[@]}"
fi

echo "package checks: $passed passed, $failed failed, $((SECONDS - started)) s"
[ "$failed" -eq 0 ]
