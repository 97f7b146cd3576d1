#!/usr/bin/env bash
# Publishes lapgate for a Raspberry Pi (and a Linux PC):
#   artifacts/publish/linux-arm64/   native AOT (64-bit Raspberry Pi OS): the lapgate binary plus two small
#                                    native libraries it loads (libe_sqlite3.so, libSystem.IO.Ports.Native.so)
#   artifacts/publish/linux-x64/     the same for a Linux PC
#   artifacts/publish/portable/      framework-dependent fallback for a 64-bit Pi: needs the .NET 10 runtime
#                                    with ASP.NET Core installed; run ./lapgate or 'dotnet lapgate.dll'
# Usage: scripts/publish.sh [linux-arm64|linux-x64|portable]...   (default: all three)
# Native AOT needs clang; cross-compiling for arm64 also needs the aarch64 gcc toolchain. Both are installed
# from apt when missing. At run time the binaries need libssl (wss://) and, for --input gpio, libgpiod.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(linux-arm64 linux-x64 portable)
out=artifacts/publish
project=src/LapGate.Cli/LapGate.Cli.csproj

. scripts/lib/apt.sh
# The version `lapgate --version` prints (scripts/version.sh; LAPGATE_VERSION overrides it).
version=$(bash scripts/version.sh)
stamp=(-p:InformationalVersion="$version" -p:IncludeSourceRevisionInInformationalVersion=false)

size_of() { du -h "$1" | cut -f1; }

for target in "${targets[@]}"; do
  case "$target" in
    linux-x64)
      apt_install clang llvm
      nice dotnet publish "$project" -c Release -r linux-x64 -p:PublishAot=true "${stamp[@]}" -o "$out/linux-x64"
      ;;
    linux-arm64)
      apt_install clang llvm gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross
      nice dotnet publish "$project" -c Release -r linux-arm64 -p:PublishAot=true \
        -p:ObjCopyName=aarch64-linux-gnu-objcopy "${stamp[@]}" -o "$out/linux-arm64"
      ;;
    portable)
      nice dotnet publish "$project" -c Release -r linux-arm64 --self-contained false -p:PublishAot=false "${stamp[@]}" -o "$out/portable"
      ;;
    *)
      echo "error: unknown target '$target' (use linux-arm64, linux-x64 or portable)" >&2
      exit 2
      ;;
  esac
  rm -f "$out/$target"/*.dbg "$out/$target"/*.xml
  [ "$target" = portable ] || rm -f "$out/$target"/*.pdb
done

echo
echo "Published lapgate $version:"
for target in "${targets[@]}"; do
  if [ "$target" = portable ]; then
    echo "  $out/portable/ ($(size_of "$out/portable"), needs the .NET 10 + ASP.NET Core runtime)"
  else
    echo "  $out/$target/lapgate ($(size_of "$out/$target/lapgate"); whole folder $(size_of "$out/$target"))"
  fi
done
