#!/usr/bin/env bash
# Compiles the reference firmware for an Arduino Uno/Nano (ATmega328P) into a .hex, with Debian's packages
# (installed when missing): gcc-avr, avr-libc, arduino-core-avr, arduino-mk.
#   bash firmware/arduino/build.sh            -> artifacts/firmware/lapgate-gates.hex
# Upload it with the Arduino IDE, or: avrdude -p m328p -c arduino -P /dev/ttyACM0 -b 115200 -U flash:w:lapgate-gates.hex
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
for pkg in gcc-avr avr-libc arduino-core-avr arduino-mk; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp firmware/arduino/lapgate-gates/lapgate-gates.ino "$work/"
# Debian's Arduino core (1.8.7) uses DECIMAL_DIG, which its avr-libc does not define.
cat > "$work/Makefile" <<'MAKE'
BOARD_TAG = uno
ARDUINO_DIR = /usr/share/arduino
CPPFLAGS += -DDECIMAL_DIG=17
include /usr/share/arduino/Arduino.mk
MAKE
make -C "$work" -s >/dev/null 2>&1 || { make -C "$work" 2>&1 | tail -20; exit 1; }
mkdir -p artifacts/firmware
cp "$work"/build-uno/*.hex artifacts/firmware/lapgate-gates.hex
echo "artifacts/firmware/lapgate-gates.hex ($(stat -c %s artifacts/firmware/lapgate-gates.hex) bytes)"
