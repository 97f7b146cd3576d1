#!/usr/bin/env bash
# The native-AOT sensor's footprint against the framework-dependent build: publishes both for linux-x64, then
# measures size on disk, peak RSS and start → registered with the app (bench/AotFootprint). Prints the markdown
# section of docs/benchmarks.md; with --write also replaces that section (the file's last) in place.
#   bash bench/footprint.sh [--quick] [--write]      (bench/run.sh calls it; on a shared machine use nice)
# Native AOT needs clang: scripts/publish.sh installs it from apt; when that is impossible the AOT row is
# skipped with a note and the framework-dependent build is still measured.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5 write=""
for a in "$@"; do
  case "$a" in
    --quick) runs=2 ;;
    --write) write=1 ;;
    *) echo "error: unknown argument '$a' (use --quick, --write)" >&2; exit 2 ;;
  esac
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
aot=artifacts/publish/linux-x64
fd=artifacts/bench/fd-linux-x64

builds=()
note=""
echo "publishing native AOT (scripts/publish.sh linux-x64) ..." >&2
if bash scripts/publish.sh linux-x64 >"$tmp/aot.log" 2>&1 && [ -x "$aot/lapgate" ]; then
  builds+=("native AOT|$aot|$aot/lapgate")
else
  tail -n 5 "$tmp/aot.log" >&2
  note="Native AOT was not measured: \`scripts/publish.sh linux-x64\` failed (clang missing and not installable here?); its last line: \`$(tail -n 1 "$tmp/aot.log")\`."
fi
echo "publishing framework-dependent linux-x64 ..." >&2
dotnet publish src/LapGate.Cli/LapGate.Cli.csproj -c Release -r linux-x64 --self-contained false -p:PublishAot=false \
  -o "$fd" --nologo -v quiet >"$tmp/fd.log" 2>&1 || { cat "$tmp/fd.log" >&2; exit 1; }
rm -f "$fd"/*.pdb "$fd"/*.xml
builds+=("framework-dependent|$fd|dotnet $fd/lapgate.dll")

dotnet build bench/AotFootprint -c Release --nologo -v quiet >/dev/null
dotnet bench/AotFootprint/bin/Release/net10.0/AotFootprint.dll --runs "$runs" "${builds[@]}" | tee "$tmp/figures.txt" >&2

# The shared runtimes a framework-dependent lapgate needs (newest 10.x of each), for the note below.
runtime_mb=0
for name in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
  dir=$(dotnet --list-runtimes | awk -v n="$name" '$1 == n && $2 ~ /^10\./ {gsub(/[][]/, "", $3); print $3 "/" $2}' | tail -n 1)
  [ -n "$dir" ] && runtime_mb=$((runtime_mb + $(du -sm "$dir" | cut -f1)))
done

{
  echo "## Native-AOT sensor footprint (\`bench/AotFootprint\`, \`bash bench/footprint.sh\`)"
  echo
  echo "Measured on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(uname -m). Both builds are published for linux-x64 from"
  echo "the same sources: native AOT by \`scripts/publish.sh linux-x64\`, framework-dependent by \`dotnet publish"
  echo "-r linux-x64 --self-contained false\` (run as \`dotnet lapgate.dll\`; its folder size excludes the shared .NET"
  echo "runtime it needs: $runtime_mb MB more on this machine, .NET + ASP.NET Core). Each run starts an emulator, then \`lapgate sensor\` on a one-lane config"
  echo "with stdin held open; start → registered is the time from starting the process to its log line \"registered"
  echo "with the app\" (process start, config, outbox open, WebSocket connect and the api_version handshake)."
  echo "Then 20 laps are fed and counted by the emulator, and the peak RSS is VmHWM from /proc/PID/status."
  echo "Binary is the lapgate executable (for the framework-dependent build only lapgate.dll, the rest of the app is"
  echo "in its folder); the AOT folder adds the native libraries it loads (SQLite, serial ports). Targets for the native-AOT sensor: ≤ 20 MB on disk, ≤ 40 MB peak"
  echo "RSS, ≤ 300 ms from start to registered."
  [ -n "$note" ] && { echo; echo "$note"; }
  echo
  echo '```text'; cat "$tmp/figures.txt"; echo '```'
} >"$tmp/section.md"
cat "$tmp/section.md"

if [ -n "$write" ]; then
  out=docs/benchmarks.md
  head_part=$(awk '/^## Native-AOT sensor footprint/ {exit} {print}' "$out")
  { printf '%s\n\n' "$head_part"; cat "$tmp/section.md"; } >"$out.new" && mv "$out.new" "$out"
  echo "updated the footprint section of $out" >&2
fi
