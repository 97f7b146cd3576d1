// Formatting shared by the dashboard and the results page (also unit-tested in the browser tests).
function pad(value, width) {
  return String(value).padStart(width, "0");
}

// A lap time in ms: "4.321" under a minute, "1:04.321" from a minute; "–" when there is none.
export function lapTime(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) {
    return "–";
  }
  const sign = ms < 0 ? "-" : "";
  const total = Math.abs(Math.round(ms));
  const millis = total % 1000;
  const seconds = Math.floor(total / 1000) % 60;
  const minutes = Math.floor(total / 60000);
  return minutes > 0
    ? `${sign}${minutes}:${pad(seconds, 2)}.${pad(millis, 3)}`
    : `${sign}${seconds}.${pad(millis, 3)}`;
}

// The gap column: "–" for the leader or without crossings, "+1 lap" / "+3 laps", else "+0.123".
export function gap(standing) {
  if (!standing || standing.gapMs === null || standing.gapMs === undefined || standing.position === 1) {
    return "–";
  }
  if (standing.gapLaps > 0) {
    return `+${standing.gapLaps} ${standing.gapLaps === 1 ? "lap" : "laps"}`;
  }
  return `+${lapTime(standing.gapMs)}`;
}

// A race clock: "4:59", "1:02:03"; rounds up so it shows 0:00 only when the time is over.
export function clock(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor(total / 60) % 60;
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes, 2)}:${pad(seconds, 2)}` : `${minutes}:${pad(seconds, 2)}`;
}

// How long ago: "0.4 s", "12 s", "3 min", "2 h"; "–" when never.
export function age(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) {
    return "–";
  }
  const clamped = Math.max(0, ms);
  if (clamped < 10000) {
    return `${(clamped / 1000).toFixed(1)} s`;
  }
  if (clamped < 120000) {
    return `${Math.floor(clamped / 1000)} s`;
  }
  if (clamped < 7200000) {
    return `${Math.floor(clamped / 60000)} min`;
  }
  return `${Math.floor(clamped / 3600000)} h`;
}

// "race to 20 laps", "5 min race", "open race (no finish)", "qualifying: 3 laps", "free practice".
export function setup(value) {
  const kind = (value && value.kind) || "race";
  if (kind === "practice") {
    return "free practice";
  }
  const minutes = value && value.mode === "time" ? value.durationMs / 60000 : 0;
  const shownMinutes = Number.isInteger(minutes) ? minutes : minutes.toFixed(1);
  if (kind === "qualifying") {
    if (value.mode === "laps") {
      return `qualifying: ${value.laps} ${value.laps === 1 ? "lap" : "laps"}`;
    }
    return value.mode === "time" ? `qualifying: ${shownMinutes} min` : "qualifying (open)";
  }
  if (!value || value.mode === "open") {
    return "open race (no finish)";
  }
  if (value.mode === "laps") {
    return `race to ${value.laps} ${value.laps === 1 ? "lap" : "laps"}`;
  }
  return `${shownMinutes} min race`;
}

// Why a lap was not counted, in words: the one place for this wording (the CSV export says the same).
const rejectReasons = Object.freeze({
  before_start: () => "before the start",
  too_short: (limitMs) => `at or below the minimum (${lapTime(limitMs)})`,
  too_long: (limitMs) => `above the maximum (${lapTime(limitMs)})`,
  after_finish: () => "after the finish",
});

// A rejected lap's reason in words; an unknown reason code is shown as it is.
export function rejectReason(rejected) {
  const words = Object.hasOwn(rejectReasons, rejected.reason) ? rejectReasons[rejected.reason] : null;
  return words ? words(rejected.limitMs) : String(rejected.reason);
}

// The lap a rejected crossing would have completed, or "–" when it completed none (a car's first
// crossing before the start or after the end has no lap to measure).
export function rejectedLap(rejected) {
  return rejected.lapMs > 0 ? lapTime(rejected.lapMs) : "–";
}

// The lap time limits of a setup: "laps 2.000–20.000 s", "" without limits.
export function limits(value) {
  if (!value || (value.minLapMs == null && value.maxLapMs == null)) {
    return "";
  }
  return `laps ${value.minLapMs == null ? "0" : lapTime(value.minLapMs)}–${value.maxLapMs == null ? "∞" : lapTime(value.maxLapMs)} s`;
}

// The name shown for a controller.
export function driverName(standing) {
  return standing.driver || `Controller ${standing.id}`;
}

// A table cell with a class and text or an element, appended to the row.
export function cell(row, className, content) {
  const td = document.createElement("td");
  td.className = className;
  if (content instanceof Node) {
    td.appendChild(content);
  } else {
    td.textContent = content;
  }
  row.appendChild(td);
  return td;
}

// The driver's name and "#id · car" on the controller's colours, as the app shows a controller.
export function driverChip(c) {
  const chip = document.createElement("div");
  chip.className = "chip";
  if (c.backgroundColor) {
    chip.style.backgroundColor = c.backgroundColor;
  }
  if (c.color) {
    chip.style.color = c.color;
  }
  const name = document.createElement("span");
  name.className = "driver";
  name.textContent = driverName(c);
  const car = document.createElement("span");
  car.className = "car";
  car.textContent = c.car ? `#${c.id} · ${c.car}` : `#${c.id}`;
  chip.append(name, car);
  return chip;
}
