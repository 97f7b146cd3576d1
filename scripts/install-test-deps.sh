#!/usr/bin/env bash
# Installs what the test suite needs from Debian's packages, only when something is missing:
#   python3-websockets  an independent WebSocket peer (interop tests use /usr/bin/python3)
#   socat               a real pseudo-terminal pair for serial-input tests
#   chromium            the real browser for dashboard tests (never a downloaded one)
#   mount, e2fsprogs    tmpfs mounts (full and read-only filesystems) and chattr +i for the outbox fault tests
set -euo pipefail

missing=()
/usr/bin/python3 -c 'import websockets' >/dev/null 2>&1 || missing+=(python3-websockets)
command -v socat >/dev/null 2>&1 || missing+=(socat)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v mount >/dev/null 2>&1 || missing+=(mount)
command -v chattr >/dev/null 2>&1 || missing+=(e2fsprogs)

if [ ${#missing[@]} -eq 0 ]; then
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
