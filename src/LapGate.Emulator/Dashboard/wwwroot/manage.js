// Tracks (with their records) and the managed drivers: read with GET, changed with POST.
import * as F from "./format.js";
import * as LapGateControl from "./control.js";

const $ = (id) => document.getElementById(id);
const sources = {
  file: "the --drivers file (it overrides the list below, which is kept for when the emulator runs without it)",
  managed: "this list",
  default: "the built-in default (the list below is empty)",
};

function text(row, className, value) {
  const td = document.createElement("td");
  td.className = className;
  td.textContent = value;
  row.appendChild(td);
}

function seconds(input) {
  return input.value === "" ? undefined : Math.round(Number(input.value) * 1000);
}

async function send(path, body, message) {
  $(message).textContent = "";
  const response = await LapGateControl.post(path, body);
  const answer = await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }));
  if (!response.ok) {
    $(message).textContent = answer.error;
    return null;
  }
  return answer;
}

async function loadTracks() {
  const tracks = await (await fetch("/api/tracks")).json();
  const rows = tracks.map((t) => {
    const row = document.createElement("tr");
    row.dataset.track = String(t.id);
    text(row, "name", t.name);
    text(row, "num min", F.lapTime(t.minLapMs));
    text(row, "num max", F.lapTime(t.maxLapMs));
    text(row, "num record", t.record ? F.lapTime(t.record.lapMs) : "–");
    text(row, "driver", t.record ? t.record.driver || `Controller ${t.record.controllerId}` : "");
    text(row, "car", t.record ? t.record.car || "" : "");
    text(row, "date", t.record ? new Date(t.record.setAt).toLocaleDateString() : "");
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "ghost delete";
    remove.textContent = "Delete";
    remove.setAttribute("aria-label", `Delete ${t.name}`);
    remove.addEventListener("click", () => deleteTrack(t));
    F.cell(row, "actions", remove);
    return row;
  });
  $("tracks").tBodies[0].replaceChildren(...rows);
}

// Deletes a track and its record after asking; past sessions keep showing its name. The emulator refuses
// (and the message says why) while the current session is set up on it.
async function deleteTrack(track) {
  const question = `Delete the track "${track.name}"${track.record ? " and its record" : ""}? Past sessions keep showing its name.`;
  if (!window.confirm(question)) {
    return;
  }
  if (await send(`/api/tracks/${track.id}/delete`, undefined, "track-message")) {
    $("track-message").textContent = `Deleted ${track.name}.`;
    await loadTracks();
  }
}

function input(row, name, value) {
  const td = document.createElement("td");
  const field = document.createElement("input");
  field.type = "text";
  field.maxLength = 64;
  field.name = name;
  field.value = value || "";
  field.setAttribute("aria-label", `${name} ${row.dataset.controller}`);
  td.appendChild(field);
  row.appendChild(td);
}

async function loadDrivers() {
  const view = await (await fetch("/api/drivers")).json();
  $("drivers-source").textContent = sources[view.source] || view.source;
  const rows = [];
  for (let id = 1; id <= 8; id++) {
    const d = view.managed.find((m) => m.controllerId === id) || {};
    const row = document.createElement("tr");
    row.dataset.controller = String(id);
    text(row, "num", String(id));
    input(row, "driver", d.driver);
    input(row, "car", d.car);
    input(row, "color", d.color);
    input(row, "backgroundColor", d.backgroundColor);
    rows.push(row);
  }
  $("drivers").tBodies[0].replaceChildren(...rows);
}

function driversBody() {
  const value = (row, name) => row.querySelector(`input[name='${name}']`).value.trim() || null;
  return Array.from($("drivers").tBodies[0].rows)
    .map((row) => ({
      controllerId: Number(row.dataset.controller),
      driver: value(row, "driver"),
      car: value(row, "car"),
      color: value(row, "color"),
      backgroundColor: value(row, "backgroundColor"),
    }))
    .filter((d) => d.driver || d.car);
}

$("track-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = { name: $("track-name").value, minLapMs: seconds($("track-min")), maxLapMs: seconds($("track-max")) };
  if (await send("/api/tracks", body, "track-message")) {
    $("track-form").reset();
    $("track-message").textContent = `Added ${body.name}.`;
    await loadTracks();
  }
});
$("drivers-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  if (await send("/api/drivers", driversBody(), "drivers-message")) {
    $("drivers-message").textContent = "Saved; sensors get them at their next handshake.";
    await loadDrivers();
  }
});
loadTracks();
loadDrivers();
