#!/usr/bin/env bash
# Runs every benchmark and writes docs/benchmarks.md. Figures are printed, never asserted.
#   bash bench/run.sh            full run (throughput for 60 s, BenchmarkDotNet short job)
#   bash bench/run.sh --quick    a few seconds each, for development
# On a shared machine: nice bash bench/run.sh
# Only the native-AOT footprint section: nice bash bench/footprint.sh --write
set -euo pipefail
cd "$(dirname "$0")/.."

quick=""
[[ "${1:-}" == "--quick" ]] && quick="--quick"
command_line="bash bench/run.sh${quick:+ $quick}"
out=docs/benchmarks.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for p in CodecBench SensorLatency SensorThroughput BridgeLatency LinkDelivery; do
  dotnet build "bench/$p" -c Release --nologo -v quiet >/dev/null
done
run() { dotnet "bench/$1/bin/Release/net10.0/$1.dll" "${@:2}"; }

echo "== SensorLatency" >&2;    run SensorLatency $quick | tee "$tmp/latency.txt" >&2
echo "== SensorThroughput" >&2; run SensorThroughput $quick | tee "$tmp/throughput.txt" >&2
echo "== LinkDelivery" >&2;     run LinkDelivery confirm $quick | tee "$tmp/confirm.txt" >&2
                               run LinkDelivery cuts $quick | tee "$tmp/cuts.txt" >&2
echo "== BridgeLatency" >&2;    run BridgeLatency $([[ -n "$quick" ]] && echo 1000 || echo 5000) | tee "$tmp/bridge.txt" >&2
echo "== CodecBench" >&2
(cd "$tmp" && dotnet "$OLDPWD/bench/CodecBench/bin/Release/net10.0/CodecBench.dll" --filter '*' --inProcess \
   --job short >&2)
codec_md=$(ls "$tmp"/BenchmarkDotNet.Artifacts/results/*-report-github.md)
echo "== AotFootprint" >&2;     bash bench/footprint.sh $quick >"$tmp/footprint.md"
# The idle sensor is the native-AOT binary footprint.sh just published (skipped with a note when it could not be).
idle_seconds=$([[ -n "$quick" ]] && echo 20 || echo 120)
if [ -x artifacts/publish/linux-x64/lapgate ]; then
  echo "== IdleCpu" >&2;        run LinkDelivery idle artifacts/publish/linux-x64/lapgate "$idle_seconds" | tee "$tmp/idle.txt" >&2
else
  echo "not measured: no native-AOT binary (see the footprint section)" >"$tmp/idle.txt"
fi

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //' || true)
[[ -z "$cpu" ]] && cpu=$(lscpu 2>/dev/null | grep -m1 'Model name' | cut -d: -f2- | sed 's/^ *//' || echo unknown)
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
{
  echo "# Benchmarks"
  echo
  echo "Written by \`$command_line\` on $(date -u '+%Y-%m-%d %H:%M UTC')."
  echo
  echo "| machine | |"
  echo "|---|---|"
  echo "| CPUs (\`nproc\`) | $(nproc) |"
  echo "| CPU | $cpu |"
  echo "| memory | $mem |"
  echo "| OS | $os, kernel $(uname -r) ($(uname -m)) |"
  echo "| .NET | SDK $(dotnet --version), runtime $(dotnet --list-runtimes | grep -m1 NETCore.App | cut -d' ' -f2) |"
  echo
  echo "${BENCH_NOTE:-}"
  echo
  echo "Figures are printed, never asserted: a slow machine does not fail anything."
  echo
  echo "## Trigger → frame received by the app (\`bench/SensorLatency\`)"
  echo
  echo "A line \`<pin> <device_us>\` is written into the sensor's line input (the stdin code path); the clock stops"
  echo "when the emulator has received, parsed and applied that \`analog_lap\`. In between: line parsing, filters,"
  echo "the outbox commit (SQLite WAL, \`synchronous=NORMAL\`: written, no fsync), the channel, the WebSocket send and"
  echo "the emulator's receive. The outbox's fsync runs on a task of its own alongside the send, off this path. One"
  echo "lap at a time (the next line as soon as the previous lap arrived, its fsync possibly still running). The tmpfs"
  echo "row shows the same path with no fsync at all."
  echo "Target: p99 under 1 ms (the original design adds 10–170 ms by polling)."
  echo
  echo '```text'; cat "$tmp/latency.txt"; echo '```'
  echo
  echo "## Sustained throughput, sensor → emulator (\`bench/SensorThroughput\`)"
  echo
  echo "Triggers on 8 lanes offered as fast as the sensor takes them; every one is committed to the outbox and sent;"
  echo "the clock stops when the emulator has counted all of them. Target ≥ 10,000 events/s with zero loss."
  echo "The input runs far ahead of the link (the outbox takes it all); the link sends in windows of 256 events, each"
  echo "sent when the app's pong has confirmed the one before (see [delivery](delivery.md)). A duplicate is a frame"
  echo "re-sent after a reconnect (the emulator ignores exact copies)."
  echo
  echo '```text'; cat "$tmp/throughput.txt"; echo '```'
  echo
  echo "## Link delivery (\`bench/LinkDelivery\`)"
  echo
  echo "**Confirmation delay after send.** One lap at a time through the sensor's \`AppLink\` to the emulator on"
  echo "loopback; the clock runs from the end of the frame's send to the moment the app's pong to the ping sent after"
  echo "it marks the event delivered (see [delivery](delivery.md)). Target: p99 under 0.5 s."
  echo
  echo '```text'; cat "$tmp/confirm.txt"; echo '```'
  echo
  echo "**Re-sent frames per cut.** A simulated 8-lane race (laps of 5–8 s), the link reset every 20 s by a TCP"
  echo "relay, run 10× faster than real time. The old rule (an event counted as delivered 3 s after its send) re-sent"
  echo "every frame of the last 3 s before a cut, computed on the same schedule; the new rule is measured."
  echo
  echo '```text'; cat "$tmp/cuts.txt"; echo '```'
  echo
  echo "**Idle CPU.** A connected, idle native-AOT sensor, and in the same run a CPython \`websockets\` client"
  echo "(\`/usr/bin/python3\`, Debian's python3-websockets) pinging at the same interval (0.5 s) with its server."
  echo "The link pings by itself, with one timer per deadline (see [delivery](delivery.md)); with \`ClientWebSocket\`'s"
  echo "own keep-alive, whose heartbeat timer ticks several times per interval, it used 1.42× the CPython pair (2026-12-01)."
  echo "Ticks are 10 ms each, so a few ticks either way are noise."
  echo
  echo '```text'; cat "$tmp/idle.txt"; echo '```'
  echo
  echo "## Bridge added latency (\`bench/BridgeLatency\`)"
  echo
  echo "Round trips of one \`analog_lap\` frame to an echo app, directly and through \`lapgate bridge\`. Target: p99 under 0.2 ms per frame."
  echo
  echo '```text'; cat "$tmp/bridge.txt"; echo '```'
  echo
  echo "## Codec micro-benchmarks (\`bench/CodecBench\`, BenchmarkDotNet, \`[MemoryDiagnoser]\`)"
  echo
  echo "Writing \`analog_lap\` with \`MessageCodec.TryFormatAnalogLap\` (what the sensor's link sends) must allocate 0 B."
  echo
  sed -n '/^|/,$p' "$codec_md"
  echo
  cat "$tmp/footprint.md"
} > "$out"
echo "wrote $out" >&2
