// The sensor's status page: it draws each push message (the whole state, see live.js for the connection it
// shares with the emulator's dashboard) and lights a gate for a moment when it fires.
import { LiveConnection, showLink } from "./live.js";

const LitMs = 1500;

const $ = (id) => document.getElementById(id);
let offsetMs = 0; // sensor clock minus this browser's clock
let last = null;
const gateSeen = new Map(); // pin -> { fired, litUntil }

function age(fromIso) {
  const ms = Date.now() + offsetMs - Date.parse(fromIso);
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

function clock(iso) {
  const d = new Date(iso);
  const pad = (n, w = 2) => String(n).padStart(w, "0");
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function render(update) {
  const s = update.status;
  last = s;
  offsetMs = Date.parse(s.now) - Date.now();
  const state = $("link-state");
  state.dataset.state = s.connection;
  state.textContent = s.connectionWords;
  $("server").textContent = s.server || "–";
  $("api").textContent = s.appApiVersion ?? "–";
  $("race").textContent = s.raceStatus ? s.raceStatus.replaceAll("_", " ") : "–";
  $("reconnects").textContent = String(s.reconnects);
  $("input").textContent = (s.input || "–") + (s.inputEnded ? " (ended)" : "");
  $("pending").textContent = String(s.eventsPending);
  $("not-durable").textContent = String(s.notYetDurable);
  $("delivered").textContent = String(s.deliveredToday);
  const warn = $("durability");
  // The terminal's words for an outbox that cannot be written (SensorStatus.OutboxProblem).
  const problem = s.outboxProblem;
  warn.hidden = !problem;
  warn.textContent = problem
    ? `NOT DURABLE: ${problem.cause}: laps are sent from memory, not written to the outbox until it can be written again. ${problem.fix}.`
    : "";
  renderLanes(s.lanes);
  renderGates(s.gates);
  $("log").textContent = update.log.join("\n");
  tick();
}

function renderLanes(lanes) {
  const body = $("lanes").tBodies[0];
  const rows = lanes.map((lane) => {
    const tr = el("tr");
    tr.dataset.lane = String(lane.lane);
    tr.append(el("td", "num", String(lane.lane)));
    const who = el("td");
    const chip = el("span", "driver", lane.driver || "no driver");
    if (lane.backgroundColor) chip.style.background = lane.backgroundColor;
    if (lane.color) chip.style.color = lane.color;
    who.append(chip);
    if (lane.car) who.append(el("span", "car", lane.car));
    tr.append(who);
    tr.append(el("td", "num laps", String(lane.lapsSent)));
    tr.append(el("td", "num last", lane.lastLapText));
    tr.append(el("td", "num best", lane.bestLapText));
    tr.append(el("td", "pit", lane.inPit ? "in pit" : ""));
    const rejected = el("td", "rejected");
    rejected.append(el("span", "count", String(lane.rejected)));
    if (lane.recentRejections.length > 0) {
      const list = el("ul", "rejections");
      for (const r of lane.recentRejections) {
        const item = el("li", null, `${clock(r.time)} pin ${r.pin}: ${r.words}`);
        item.title = r.detail;
        list.append(item);
      }
      rejected.append(list);
    }
    tr.append(rejected);
    return tr;
  });
  body.replaceChildren(...rows);
}

function renderGates(gates) {
  const strip = $("gates");
  const nodes = gates.map((gate) => {
    const seen = gateSeen.get(gate.pin);
    if (seen === undefined) {
      gateSeen.set(gate.pin, { fired: gate.fired, litUntil: gate.fired > 0 && gate.lastTrigger && Date.now() + offsetMs - Date.parse(gate.lastTrigger) < LitMs ? performance.now() + LitMs : 0 });
    } else if (gate.fired > seen.fired) {
      seen.fired = gate.fired;
      seen.litUntil = performance.now() + LitMs;
    }
    const box = el("div", "gate");
    box.dataset.pin = String(gate.pin);
    box.dataset.fired = String(gate.fired);
    if (!gate.point) box.classList.add("unknown");
    if (gate.lastRejection) box.classList.add("rejected");
    box.append(el("div", "pin", String(gate.pin)));
    const what = !gate.point ? "not in the config" : gate.lane > 0 ? `lane ${gate.lane} ${gate.point}` : `${gate.point} button`;
    box.append(el("div", "what", what));
    box.append(el("div", "when", gate.lastTrigger ? clock(gate.lastTrigger) : "not fired yet"));
    box.append(el("div", "why", gate.lastRejection ? `rejected: ${gate.lastRejection}` : ""));
    return box;
  });
  strip.replaceChildren(...nodes);
}

function tick() {
  if (last) {
    $("link-since").textContent = `for ${age(last.connectionSince)}`;
  }
  const now = performance.now();
  for (const box of $("gates").children) {
    const seen = gateSeen.get(Number(box.dataset.pin));
    box.classList.toggle("lit", seen !== undefined && seen.litUntil > now);
  }
}

setInterval(tick, 250);
new LiveConnection("/api/events", render, (status, detail) => showLink($("live"), status, detail)).start();
