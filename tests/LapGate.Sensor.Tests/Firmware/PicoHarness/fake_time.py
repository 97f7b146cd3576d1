# A stand-in for MicroPython's time module with the rp2 port's tick period (2^30 us). The harness sets the
# time; ticks_us() returns it modulo the period, as a real board's counter does.
PERIOD = 1 << 30
_MASK = PERIOD - 1
_HALF = PERIOD >> 1
_now = [0]   # microseconds since an arbitrary start, never wrapped
_ticks = [0]  # _now modulo the period, worked out when the time is set: ticks_us() must not allocate


def set_us(us):
    _now[0] = us
    _ticks[0] = us & _MASK


def now_us():
    return _now[0]


def ticks_us():
    return _ticks[0]


def ticks_ms():
    return (_now[0] // 1000) & _MASK


def ticks_add(ticks, delta):
    return (ticks + delta) & _MASK


def ticks_diff(end, start):
    return ((end - start + _HALF) & _MASK) - _HALF


def sleep_ms(ms):
    set_us(_now[0] + ms * 1000)


def sleep_us(us):
    set_us(_now[0] + us)


def sleep(seconds):
    set_us(_now[0] + int(seconds * 1000000))
