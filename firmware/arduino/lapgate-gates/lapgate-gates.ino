// LapGate reference firmware: up to six IR gates on an Arduino Uno or Nano (ATmega328P).
//
// Each falling edge on D2..D7 (a car breaking an active-low IR gate) is stamped with micros() inside the
// pin-change interrupt, queued in a ring buffer, and printed from loop() as one line of the LapGate line
// protocol at 115200 baud:
//
//   <pin> <device_time_us>\n        e.g. "2 18734552"
//
// The pin is the Arduino pin number (2..7); use the same numbers in the sensor config. micros() wraps at
// 2^32 (about 71.6 minutes); the sensor handles the wrap and a reset of the board. See docs/line-protocol.md
// and docs/wiring.md. Run the sensor with:  lapgate sensor --config sensor.json --input serial:/dev/ttyACM0
//
// Wiring: gate output -> D2..D7, gate GND -> GND, gate VCC -> 5V. The internal pull-ups are enabled, so an
// open-collector gate needs no resistor. Leave D0/D1 free: they are the USB serial link.

#include <Arduino.h>

static const uint8_t FIRST_PIN = 2;
static const uint8_t LAST_PIN = 7;
static const uint8_t PIN_MASK = 0b11111100;   // D2..D7 on port D
static const uint8_t QUEUE_SIZE = 32;         // a power of two

struct Edge {
  uint8_t pin;
  uint32_t micros;
};

static volatile Edge queue[QUEUE_SIZE];
static volatile uint8_t head = 0;       // written by the interrupt
static volatile uint8_t tail = 0;       // written by loop()
static volatile uint16_t overflows = 0; // edges lost because loop() fell behind
static volatile uint8_t lastLevels = 0xFF;

// Pin change interrupt for port D: runs on any change of D0..D7.
ISR(PCINT2_vect) {
  uint32_t now = micros();               // stamp first, before anything else
  uint8_t levels = PIND;
  uint8_t fell = lastLevels & ~levels & PIN_MASK;   // was high, is low now
  lastLevels = levels;
  for (uint8_t pin = FIRST_PIN; pin <= LAST_PIN; pin++) {
    if (fell & (1 << pin)) {
      uint8_t next = (head + 1) & (QUEUE_SIZE - 1);
      if (next == tail) {
        overflows++;
      } else {
        queue[head].pin = pin;
        queue[head].micros = now;
        head = next;
      }
    }
  }
}

void setup() {
  Serial.begin(115200);
  for (uint8_t pin = FIRST_PIN; pin <= LAST_PIN; pin++) {
    pinMode(pin, INPUT_PULLUP);
  }
  lastLevels = PIND;
  PCMSK2 |= PIN_MASK;        // watch D2..D7
  PCIFR |= (1 << PCIF2);     // clear a pending change from power-up
  PCICR |= (1 << PCIE2);     // enable the port D pin change interrupt
  Serial.println(F("# lapgate-gates ready: pins 2..7, '<pin> <micros>' per falling edge"));
}

void loop() {
  while (tail != head) {
    noInterrupts();
    uint8_t pin = queue[tail].pin;
    uint32_t stamp = queue[tail].micros;
    tail = (tail + 1) & (QUEUE_SIZE - 1);
    interrupts();
    Serial.print(pin);
    Serial.print(' ');
    Serial.println(stamp);
  }
  if (overflows != 0) {
    noInterrupts();
    uint16_t lost = overflows;
    overflows = 0;
    interrupts();
    Serial.print(F("# overflow "));   // the sensor logs this as a warning (docs/line-protocol.md)
    Serial.println(lost);
  }
}
