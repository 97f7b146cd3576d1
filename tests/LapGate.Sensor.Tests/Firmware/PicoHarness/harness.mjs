// Runs firmware/pico/main.py in the MicroPython WebAssembly port with a fake machine and time module.
//   node harness.mjs FIRMWARE_DIR SCENARIO.json
// The scenario: {"start": us, "config": "config.py text" (optional), "commands": [...]}, commands being
//   ["edge", us, gpio]       set the time, then fire the gate's interrupt (heap locked, as a hard IRQ)
//   ["step", us]             set the time, then run one turn of the main loop
//   ["idle", until_us, every_us]  run the main loop every every_us until until_us
// Lines the firmware prints go to stdout; the pins' interrupt set-up goes to stderr as "irq GPn ..." lines.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";

const [firmwareDir, scenarioPath] = process.argv.slice(2);
if (!firmwareDir || !scenarioPath) {
  console.error("usage: node harness.mjs FIRMWARE_DIR SCENARIO.json");
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const scenario = JSON.parse(readFileSync(scenarioPath, "utf8"));

const mp = await loadMicroPython({
  stdout: (line) => {
    if (line.startsWith("@@ ")) {
      process.stderr.write(line.slice(3) + "\n");
    } else {
      process.stdout.write(line + "\n");
    }
  },
  stderr: (line) => process.stderr.write(line + "\n"),
});
mp.FS.mkdir("/fw");
mp.FS.mkdir("/fake");
mp.FS.writeFile("/fw/main.py", readFileSync(join(firmwareDir, "main.py"), "utf8"));
if (typeof scenario.config === "string") {
  mp.FS.writeFile("/fw/config.py", scenario.config);
}
for (const name of ["machine.py", "fake_time.py"]) {
  mp.FS.writeFile("/fake/" + name, readFileSync(join(here, name), "utf8"));
}
mp.FS.writeFile("/fake/scenario.json", JSON.stringify(scenario));

try {
  mp.runPython(`
import sys, json
sys.path.insert(0, "/fake")
sys.path.insert(0, "/fw")
import fake_time, machine
sys.modules["time"] = fake_time
sys.modules["machine"] = machine
with open("/fake/scenario.json") as f:
    scenario = json.load(f)
fake_time.set_us(scenario.get("start", 0))
import main
gates = main.Gates()
for command in scenario.get("commands", []):
    kind = command[0]
    if kind == "edge":
        fake_time.set_us(command[1])
        machine.fire(command[2])
    elif kind == "step":
        fake_time.set_us(command[1])
        gates.step()
    elif kind == "idle":
        until, every = command[1], command[2]
        while fake_time.now_us() + every <= until:
            fake_time.set_us(fake_time.now_us() + every)
            gates.step()
        fake_time.set_us(until)
    else:
        raise ValueError("unknown scenario command " + repr(command))
for line in machine.describe():
    print("@@ " + line)
`);
} catch (error) {
  process.stderr.write(`firmware failed: ${error.type ?? error.name}: ${error.message}\n`);
  process.exit(1);
}
