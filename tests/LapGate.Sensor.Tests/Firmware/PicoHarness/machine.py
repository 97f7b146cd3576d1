# A stand-in for MicroPython's machine module, enough for firmware/pico/main.py under the WebAssembly port.
# Pins remember how they were set up; fire(gpio) runs the pin's interrupt handler the way a hard interrupt
# would: with the heap locked, so a handler that allocates fails with MemoryError.
import micropython


class Pin:
    IN = 0
    OUT = 1
    PULL_UP = 1
    PULL_DOWN = 2
    IRQ_FALLING = 4
    IRQ_RISING = 8

    def __init__(self, id, mode=IN, pull=None):
        if not isinstance(id, int) or id < 0 or id > 29:
            raise ValueError("invalid pin")
        self.id = id
        self.mode = mode
        self.pull = pull
        pins[id] = self

    def irq(self, handler=None, trigger=IRQ_FALLING, hard=False):
        irqs[self.id] = (handler, trigger, hard)

    def __repr__(self):
        return "Pin(GPIO%d)" % self.id


pins = {}
irqs = {}
_irq_state = [1]


def fire(gpio):
    if gpio not in irqs:
        raise ValueError("no interrupt handler on GP%d" % gpio)
    handler = irqs[gpio][0]
    pin = pins[gpio]
    micropython.heap_lock()
    try:
        handler(pin)
    finally:
        micropython.heap_unlock()


def disable_irq():
    state = _irq_state[0]
    _irq_state[0] = 0
    return state


def enable_irq(state=1):
    _irq_state[0] = state


def describe():
    lines = []
    for gpio in sorted(irqs):
        _, trigger, hard = irqs[gpio]
        pull = pins[gpio].pull
        lines.append("irq GP%d %s %s %s" % (
            gpio,
            "falling" if trigger == Pin.IRQ_FALLING else "rising" if trigger == Pin.IRQ_RISING else str(trigger),
            "pull-up" if pull == Pin.PULL_UP else "pull-down" if pull == Pin.PULL_DOWN else "no-pull",
            "hard" if hard else "soft"))
    return lines
