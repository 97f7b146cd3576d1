// The live page: renders each pushed state and sends race commands (POST) to the emulator's API.
import * as F from "./format.js";
import * as LapChart from "./chart.js";
import * as LapGateControl from "./control.js";
import { LiveConnection, showLink } from "./live.js";

const $ = (id) => document.getElementById(id);
let latest = null;
let receivedAt = 0;

const cell = F.cell;

function driverChip(c) {
  const chip = F.driverChip(c);
  if (c.inPit) {
    const pit = document.createElement("span");
    pit.className = "badge pit-badge chip-pit";
    pit.textContent = "IN PIT";
    chip.appendChild(pit);
  }
  return chip;
}

function renderBoard(race) {
  const body = $("leaderboard").tBodies[0];
  const rows = race.controllers.map((c) => {
    const row = document.createElement("tr");
    row.dataset.controller = String(c.id);
    row.classList.toggle("in-pit", c.inPit);
    row.classList.toggle("winner-row", race.winnerId === c.id);
    cell(row, "pos", c.laps > 0 || c.lastCrossing !== null ? String(c.position) : "–");
    cell(row, "who", driverChip(c));
    cell(row, "num laps", String(c.laps));
    cell(row, "num last", F.lapTime(c.lastLapMs));
    cell(row, "num best", F.lapTime(c.bestLapMs));
    cell(row, "num gap", F.gap(c));
    const pit = cell(row, "num pit", "");
    if (c.inPit) {
      const badge = document.createElement("span");
      badge.className = "badge pit-badge";
      badge.textContent = "IN PIT";
      pit.appendChild(badge);
    }
    const stops = document.createElement("span");
    stops.className = "stops";
    stops.textContent = String(c.pitStops);
    pit.appendChild(stops);
    const rejected = cell(row, "num rejected", c.rejectedCount ? String(c.rejectedCount) : "–");
    const last = c.rejectedLaps && c.rejectedLaps.length ? c.rejectedLaps[c.rejectedLaps.length - 1] : null;
    if (last) {
      rejected.title = `last: ${F.rejectedLap(last)} ${F.rejectReason(last)}`;
    }
    return row;
  });
  body.replaceChildren(...rows);
}

function renderState(race) {
  const practice = race.setup && race.setup.kind === "practice";
  const state = $("race-state");
  // Free practice is idle in the app's terms (nothing to start), but it is what runs: say so.
  state.textContent = practice ? "practice" : race.state === "idle" ? "ready" : race.state;
  state.dataset.state = practice ? "practice" : race.state;
  $("race-setup").textContent = F.setup(race.setup);
  const limits = F.limits(race.setup);
  $("race-limits").textContent = limits;
  $("race-limits").hidden = limits === "";
  const track = $("race-track");
  track.hidden = !race.track;
  if (race.track) {
    const record = race.track.record;
    track.textContent = record
      ? `${race.track.name} · record ${F.lapTime(record.lapMs)} ${record.driver || `Controller ${record.controllerId}`}`
      : `${race.track.name} · no record yet`;
  }
  const progress = $("race-progress");
  progress.hidden = !race.setup || race.setup.mode !== "laps";
  if (!progress.hidden) {
    const leaderLaps = race.controllers.reduce((most, c) => Math.max(most, c.laps), 0);
    progress.textContent = `Lap ${Math.min(leaderLaps, race.setup.laps)} / ${race.setup.laps}`;
  }
  const winner = race.winnerId === null || race.winnerId === undefined ? null : race.controllers.find((c) => c.id === race.winnerId);
  const banner = $("winner");
  banner.hidden = race.state !== "ended" || !race.finishReason;
  $("winner-name").textContent = winner ? F.driverName(winner) : "none (no laps)";
  const qualifying = race.setup && race.setup.kind === "qualifying";
  const why = qualifying
    ? "fastest lap"
    : { laps: "reached the lap count", time: "led when the time ran out", stopped: "led when the race was stopped" }[race.finishReason] || "";
  $("winner-detail").textContent = winner ? `${why} · ${winner.laps} laps · best ${F.lapTime(winner.bestLapMs)}` : why;
  $("start").disabled = race.state !== "idle" || practice;
  $("stop").disabled = !["running", "suspended", "starting"].includes(race.state) || practice;
  const suspend = $("suspend");
  suspend.textContent = race.state === "suspended" ? "Resume" : "Suspend";
  suspend.disabled = race.state !== "running" && race.state !== "suspended";
  const settled = race.state === "idle" || race.state === "ended";
  for (const element of $("setup-form").elements) {
    element.disabled = !settled;
  }
  $("to-practice").hidden = practice || !settled;
  $("control-hint").textContent = practice
    ? "Free practice runs whenever no qualifying or race does: every crossing counts. Set up a qualifying or race to start one."
    : race.state === "idle"
      ? "Crossings before the start are shown as rejected and not counted."
      : race.state === "ended"
        ? "Set up the next session, reset to run this one again, or go back to free practice."
        : "";
  $("confirm-reset-text").textContent = practice
    ? "Reset free practice? The laps and best times are cleared (track records stay)."
    : "Reset the race? The standings are cleared and a new session begins; this session stays in the results.";
}

function renderConnections(update) {
  const now = Date.parse(update.serverTime);
  const rows = update.connections.map((c) => {
    const row = document.createElement("tr");
    row.dataset.connection = c.id;
    cell(row, "id", c.id);
    cell(row, "role", c.role);
    cell(row, "remote", c.remote);
    const age = cell(row, "num age", "");
    age.dataset.lastFrame = c.lastFrameAt ? String(now - Date.parse(c.lastFrameAt)) : "";
    cell(row, "num frames", String(c.frames));
    return row;
  });
  $("connections").tBodies[0].replaceChildren(...rows);
  const violations = update.race.violations.slice(-20).reverse().map((v) => {
    const item = document.createElement("li");
    const when = document.createElement("time");
    when.textContent = new Date(v.at).toLocaleTimeString();
    const kind = document.createElement("code");
    kind.textContent = v.kind;
    item.append(when, ` ${v.connection} `, kind, ` ${v.message}`);
    return item;
  });
  $("violations").replaceChildren(...violations);
  $("violation-count").textContent = String(update.race.violations.length);
  renderRejected(update.race);
}

// Every controller's newest rejected laps, newest first, each with its reason.
function renderRejected(race) {
  const all = [];
  for (const c of race.controllers) {
    for (const r of c.rejectedLaps || []) {
      all.push({ c, r });
    }
  }
  all.sort((a, b) => b.r.timestamp - a.r.timestamp);
  const items = all.slice(0, 20).map(({ c, r }) => {
    const item = document.createElement("li");
    item.dataset.controller = String(c.id);
    const reason = document.createElement("span");
    reason.className = "reason";
    reason.textContent = F.rejectReason(r);
    item.append(`${F.driverName(c)} ${F.rejectedLap(r)} `, reason);
    return item;
  });
  $("rejected").replaceChildren(...items);
  $("rejected-count").textContent = String(race.controllers.reduce((sum, c) => sum + (c.rejectedCount || 0), 0));
}

// Ages and the race clock tick between updates from the time the update arrived.
function tick() {
  if (!latest) {
    return;
  }
  const elapsed = performance.now() - receivedAt;
  for (const age of document.querySelectorAll("#connections td.age")) {
    age.textContent = age.dataset.lastFrame === "" ? "–" : F.age(Number(age.dataset.lastFrame) + elapsed);
  }
  const race = latest.race;
  const clock = $("race-clock");
  if (race.setup && race.setup.mode === "time" && race.remainingMs !== null) {
    const remaining = race.state === "running" ? race.remainingMs - elapsed : race.remainingMs;
    clock.hidden = false;
    clock.textContent = F.clock(remaining);
  } else if (race.state === "running" && race.startedAt) {
    clock.hidden = false;
    clock.textContent = F.clock(Date.parse(latest.serverTime) - Date.parse(race.startedAt) + elapsed);
  } else {
    clock.hidden = true;
  }
}

function render(update) {
  latest = update;
  receivedAt = performance.now();
  renderState(update.race);
  renderBoard(update.race);
  LapChart.render($("chart"), $("chart-legend"), update.race.controllers);
  renderConnections(update);
  tick();
}

async function post(path, body) {
  const message = $("control-message");
  message.textContent = "";
  try {
    const response = await LapGateControl.post(path, body || undefined);
    if (!response.ok) {
      const error = await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }));
      message.textContent = error.error;
      return;
    }
    const race = await response.json();
    if (latest) {
      render({ ...latest, race });
    }
  } catch (error) {
    message.textContent = `The emulator did not answer: ${error.message}`;
  }
}

// Seconds typed in a limit field as whole ms, or undefined when empty (no limit).
function limitMs(input) {
  return input.value === "" ? undefined : Math.round(Number(input.value) * 1000);
}

function setupBody() {
  const mode = new FormData($("setup-form")).get("mode");
  const kind = $("setup-kind").value;
  const track = $("setup-track").value === "" ? undefined : Number($("setup-track").value);
  const limits = { kind, track, countdownMs: limitMs($("setup-countdown")), minLapMs: limitMs($("setup-min")), maxLapMs: limitMs($("setup-max")) };
  if (kind === "practice") {
    return { mode: "open", ...limits };
  }
  if (mode === "laps") {
    return { mode, laps: Number($("setup-laps").value), ...limits };
  }
  if (mode === "time") {
    return { mode, minutes: Number($("setup-minutes").value), ...limits };
  }
  return { mode: "open", ...limits };
}

// The managed tracks for the setup form (a track's limits apply unless typed in).
async function loadTracks() {
  try {
    const tracks = await (await fetch("/api/tracks")).json();
    const options = tracks.map((t) => {
      const option = document.createElement("option");
      option.value = String(t.id);
      option.textContent = t.name;
      return option;
    });
    const none = document.createElement("option");
    none.value = "";
    none.textContent = "none";
    $("setup-track").replaceChildren(none, ...options);
  } catch (error) {
    $("control-message").textContent = `Could not load the tracks: ${error.message}`;
  }
}

function wire() {
  $("setup-form").addEventListener("submit", (event) => {
    event.preventDefault();
    post("/api/race/setup", setupBody());
  });
  $("start").addEventListener("click", () => post("/api/race/start"));
  $("stop").addEventListener("click", () => post("/api/race/stop"));
  $("suspend").addEventListener("click", () =>
    post(latest && latest.race.state === "suspended" ? "/api/race/resume" : "/api/race/suspend"));
  $("reset").addEventListener("click", () => $("confirm-reset").showModal());
  // Leaving a qualifying or race keeps its track as the active one, as the app does.
  $("to-practice").addEventListener("click", () => {
    const track = latest && latest.race.setup ? latest.race.setup.trackId : null;
    post("/api/race/setup", track === null || track === undefined ? { kind: "practice" } : { kind: "practice", track });
  });
  $("confirm-reset").addEventListener("close", () => {
    if ($("confirm-reset").returnValue === "reset") {
      post("/api/race/reset");
    }
  });
  const large = localStorage.getItem("lapgate.large") === "1";
  document.documentElement.classList.toggle("large", large);
  $("toggle-large").setAttribute("aria-pressed", String(large));
  $("toggle-large").addEventListener("click", () => {
    const on = document.documentElement.classList.toggle("large");
    localStorage.setItem("lapgate.large", on ? "1" : "0");
    $("toggle-large").setAttribute("aria-pressed", String(on));
  });
  $("ws-address").textContent = `ws://${location.host}/`;
  loadTracks();
  setInterval(tick, 250);
  new LiveConnection("/api/events", render, (status, detail) => showLink($("link"), status, detail)).start();
}

wire();
