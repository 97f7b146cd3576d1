# LapGate firmware for the Raspberry Pi Pico, Pico W and Pico 2 (MicroPython 1.20 or later).
#
# Each gate is an input pin with an interrupt on its active edge (a car breaking an IR beam). The
# interrupt handler only stamps time.ticks_us() into a preallocated ring; the main loop prints one line of
# the LapGate line protocol per edge over USB (docs/line-protocol.md):
#
#   <pin> <device_us>          e.g. "21 18734552"
#
# <pin> is the GPIO number (GP21 -> 21): use the same numbers in the sensor config. ticks_us() wraps at
# 2^30 us on the rp2 port (about 17.9 minutes); the firmware extends it with ticks_diff() and prints it
# modulo 2^32, which the sensor handles, so no lap is wrong however long the race.
# Lines starting with '#' are comments: a banner at start (repeated every minute), "# overflow N" when N
# edges were lost because the ring was full.
#
# Run it:  copy this file to the board as main.py (Thonny or "mpremote cp main.py :main.py"), then on the
#          computer:  lapgate sensor --config sensor.json --input serial:/dev/ttyACM0
#
# A board set up for the original Pico W project (the one LapGate replaces) keeps its wiring: when config.py with
# config_hardware = [(gpio, lane, 'FL'), ...] is on the board, the gate pins come from it (its Wi-Fi and
# server entries are not needed over USB). "lapgate setup from-pico config.py" writes the sensor config.

import sys
import time
import machine
import micropython

VERSION = "1.0"

# ---- Settings -------------------------------------------------------------------------------------
# Gate pins (GPIO numbers), used when there is no config.py with config_hardware. Avoid GP23..GP25 and
# GP29: the board itself uses them (power, LED, Wi-Fi on the Pico W).
GATE_PINS = (16, 17, 18, 19, 20, 21)

# True: the gate output goes low while a car is in the beam (most IR receiver modules, and the original
# project): interrupt on the falling edge, internal pull-up. False: active high, rising edge, pull-down
# (on a Pico 2 add an external pull-down of 8.2 kOhm or less: RP2350 erratum E9).
ACTIVE_LOW = True

# Edges kept while the main loop is busy printing; one slot stays free, so RING_SIZE - 1 edges fit.
RING_SIZE = 64

# An edge this soon after the previous one on the same gate is a glitch (contact bounce, noise) and is
# not printed. The sensor debounces as well (debounceMs) and keeps the minimum lap time.
GLITCH_US = 1000

# The banner is printed again this often, so a sensor started after the board still sees it.
BANNER_EVERY_MS = 60000
# ----------------------------------------------------------------------------------------------------

_HEAD = 0   # next slot the interrupt writes (written only by the interrupt)
_TAIL = 1   # next slot the main loop reads (written only by the main loop)
_LOST = 2   # edges dropped because the ring was full (reset by the main loop, interrupts off)


def _config_pins():
    """The gate pins from config.py's config_hardware, or None when there is no usable config.py."""
    try:
        import config
    except ImportError:
        return None, None
    except Exception as e:  # a broken config.py must not stop the gates
        return None, "config.py ignored (" + type(e).__name__ + ": " + str(e) + ")"
    hardware = getattr(config, "config_hardware", None)
    if not hardware:
        return None, "config.py has no config_hardware; using GATE_PINS"
    pins = []
    for entry in hardware:
        try:
            gpio = int(entry[0])
        except Exception:
            return None, "config.py: entry " + repr(entry) + " is not (gpio, lane, point); using GATE_PINS"
        if gpio not in pins:
            pins.append(gpio)
    return pins, None


class _Gate:
    """One gate's interrupt handler: stamps the time into the shared ring. A bound method, not a closure:
    calling a closure that holds more than a few values allocates, which a hard interrupt must not do."""

    def __init__(self, ticks, gates, ctl, index):
        self.ticks = ticks
        self.gates = gates
        self.ctl = ctl
        self.index = index
        self.size = len(ticks)

    def edge(self, pin):
        # Hard interrupt: no allocation, no printing. Stamp first.
        now = time.ticks_us()
        ctl = self.ctl
        head = ctl[0]
        nxt = head + 1
        if nxt == self.size:
            nxt = 0
        if nxt == ctl[1]:
            ctl[2] += 1
            return
        self.ticks[head] = now
        self.gates[head] = self.index
        ctl[0] = nxt


class Gates:
    """The gates, their ring of stamps and the printing loop. step() is one turn of the main loop."""

    def __init__(self, pins=None, active_low=ACTIVE_LOW, ring_size=RING_SIZE, out=print):
        self.notes = []
        self.source = "main.py"
        if pins is None:
            pins, note = _config_pins()
            if note:
                self.notes.append(note)
            if pins is not None:
                self.source = "config.py"
        if pins is None:
            pins = list(GATE_PINS)
        self._out = out
        self._size = ring_size
        self._ticks = [0] * ring_size          # preallocated: the interrupt only stores small ints
        self._gate = bytearray(ring_size)      # index into self.pins
        self._ctl = [0, 0, 0]                  # _HEAD, _TAIL, _LOST
        self.active_low = active_low
        self.pins = []
        self._last = []                        # extended time of the previous edge per gate
        self._handlers = []
        pull = machine.Pin.PULL_UP if active_low else machine.Pin.PULL_DOWN
        trigger = machine.Pin.IRQ_FALLING if active_low else machine.Pin.IRQ_RISING
        for gpio in pins:
            try:
                pin = machine.Pin(gpio, machine.Pin.IN, pull)
            except Exception as e:
                self.notes.append("GP" + str(gpio) + " ignored (" + str(e) + ")")
                continue
            gate = _Gate(self._ticks, self._gate, self._ctl, len(self.pins))
            handler = gate.edge                    # one bound method, made here and kept: no allocation later
            self._handlers.append((pin, gate, handler))
            self.pins.append(gpio)
            self._last.append(None)
            try:
                pin.irq(handler=handler, trigger=trigger, hard=True)
            except TypeError:  # a port without hard interrupts
                pin.irq(handler=handler, trigger=trigger)
        if 2 in self.pins:
            self.notes.append("GP2 is a gate: the original project's re-register button is not needed with LapGate")
        # ticks_us() counts modulo a port-specific period (2^30 on rp2): ticks_add(0, -1) is its largest value.
        self.period = time.ticks_add(0, -1) + 1
        self._ref_tick = time.ticks_us()
        self._ref_ext = self._ref_tick         # the extended counter at _ref_tick (grows without bound)
        self._banner_at = None

    def banner(self):
        """The start-up comment: version, board, pins, polarity and wrap handling."""
        machine_name = getattr(sys.implementation, "_machine", "MicroPython")
        pins = " ".join("GP" + str(p) for p in self.pins) or "none"
        edge = "falling (active low)" if self.active_low else "rising (active high)"
        lines = [
            "# lapgate-pico " + VERSION + " on " + machine_name + ": gates " + pins + " from " + self.source
            + ", " + edge + " edge, ring " + str(self._size - 1),
            "# '<pin> <device_us>' per edge; ticks_us period " + _power(self.period)
            + " extended with ticks_diff, printed modulo 2^32",
        ]
        for note in self.notes:
            lines.append("# " + note)
        return lines

    def step(self):
        """One turn of the main loop: print the stamped edges, report losses, keep the counter extended."""
        ctl = self._ctl
        out = self._out
        now = time.ticks_us()
        if self._banner_at is None or time.ticks_diff(now, self._banner_at) >= BANNER_EVERY_MS * 1000:
            self._banner_at = now
            for line in self.banner():
                out(line)
        tail = ctl[1]
        while tail != ctl[0]:
            tick = self._ticks[tail]
            index = self._gate[tail]
            tail += 1
            if tail == self._size:
                tail = 0
            ctl[1] = tail
            ext = self._ref_ext + time.ticks_diff(tick, self._ref_tick)
            self._ref_tick = tick
            self._ref_ext = ext
            last = self._last[index]
            self._last[index] = ext
            if last is not None and ext - last < GLITCH_US:
                continue
            out(str(self.pins[index]) + " " + str(ext & 0xFFFFFFFF))
        if ctl[2]:
            state = machine.disable_irq()
            lost = ctl[2]
            ctl[2] = 0
            machine.enable_irq(state)
            out("# overflow " + str(lost))
        # Advance the reference often (far more often than half a period), so ticks_diff never wraps.
        now = time.ticks_us()
        self._ref_ext += time.ticks_diff(now, self._ref_tick)
        self._ref_tick = now

    def run(self):
        """The main loop, forever."""
        while True:
            self.step()
            time.sleep_ms(1)


def _power(period):
    bits = 0
    while (1 << bits) < period:
        bits += 1
    return "2^" + str(bits) if (1 << bits) == period else str(period)


def main():
    if hasattr(micropython, "alloc_emergency_exception_buf"):
        micropython.alloc_emergency_exception_buf(100)
    Gates().run()


if __name__ == "__main__":
    main()
