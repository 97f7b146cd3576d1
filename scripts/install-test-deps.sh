#!/usr/bin/env bash
# Installs what the test suite needs from Debian's packages, only when something is missing:
#   python3-websockets  an independent WebSocket peer (interop tests use /usr/bin/python3)
#   socat               a real pseudo-terminal pair for serial-input tests
#   chromium            the real browser for dashboard tests (never a downloaded one)
#   mount, e2fsprogs    tmpfs mounts (full and read-only filesystems) and chattr +i for the outbox fault tests
#   nodejs, npm         run the Pico firmware in the MicroPython WebAssembly port (npm package installed below,
#                       into tests/LapGate.Sensor.Tests/Firmware/PicoHarness/node_modules, which git ignores)
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
/usr/bin/python3 -c 'import websockets' >/dev/null 2>&1 || missing+=(python3-websockets)
command -v socat >/dev/null 2>&1 || missing+=(socat)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v mount >/dev/null 2>&1 || missing+=(mount)
command -v chattr >/dev/null 2>&1 || missing+=(e2fsprogs)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

install_pico_harness() {
  local harness=tests/LapGate.Sensor.Tests/Firmware/PicoHarness
  if [ ! -f "$harness/node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs" ]; then
    echo "Installing the MicroPython WebAssembly port for the Pico firmware tests (npm ci in $harness)"
    (cd "$harness" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  install_pico_harness
  exit 0
fi

echo "Installing test dependencies: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "error: need root (or sudo) to apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_pico_harness
