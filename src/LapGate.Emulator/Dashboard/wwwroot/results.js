// /sessions lists the stored sessions; /sessions/{id} shows one session's results with its exports.
import * as F from "./format.js";
import * as LapChart from "./chart.js";

const $ = (id) => document.getElementById(id);

const cell = F.cell;

function link(href, label) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = label;
  return a;
}

// "race to 20 laps · Home ring" (the track's name is kept when the track was deleted).
function withTrack(text, trackName) {
  return trackName ? `${text} · ${trackName}` : text;
}

function when(value) {
  return value ? new Date(value).toLocaleString() : "–";
}

async function getJson(path) {
  const response = await fetch(path);
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.error || `${response.status} ${response.statusText}`);
  }
  return response.json();
}

async function showList() {
  const sessions = await getJson("/api/sessions");
  $("list-panel").hidden = false;
  const rows = sessions.map((s) => {
    const row = document.createElement("tr");
    row.dataset.session = String(s.id);
    cell(row, "num", link(`/sessions/${s.id}`, `#${s.id}`));
    cell(row, "", when(s.createdAt));
    cell(row, "", withTrack(F.setup(s.setup), s.trackName));
    cell(row, "", s.state);
    cell(row, "", s.winnerId ? (s.winner || `Controller ${s.winnerId}`) : "–");
    const exports = cell(row, "", "");
    exports.append(link(`/api/sessions/${s.id}/results.csv`, "CSV"), " ", link(`/api/sessions/${s.id}/results.json`, "JSON"));
    return row;
  });
  $("sessions").tBodies[0].replaceChildren(...rows);
}

async function showSession(id) {
  const results = await getJson(`/api/sessions/${id}`);
  $("title").textContent = `Session #${results.id}`;
  $("result-panel").hidden = false;
  $("chart-panel").hidden = false;
  $("result-title").textContent = `Session #${results.id} · ${withTrack(F.setup(results.setup), results.trackName)}`;
  $("result-summary").textContent = `${results.state} · started ${when(results.startedAt)} · ended ${when(results.endedAt)}`;
  $("csv-link").href = `/api/sessions/${results.id}/results.csv`;
  $("json-link").href = `/api/sessions/${results.id}/results.json`;
  const winner = results.controllers.find((c) => c.id === results.winnerId);
  $("winner").hidden = !winner;
  $("winner-name").textContent = winner ? F.driverName(winner) : "";
  const rows = results.controllers.map((c) => {
    const row = document.createElement("tr");
    row.dataset.controller = String(c.id);
    cell(row, "pos", c.lastCrossing !== null ? String(c.position) : "–");
    cell(row, "who", F.driverChip(c));
    cell(row, "num laps", String(c.laps));
    cell(row, "num best", F.lapTime(c.bestLapMs));
    cell(row, "num last", F.lapTime(c.lastLapMs));
    cell(row, "num total", c.laps > 0 ? F.lapTime(c.lapTimes.reduce((a, b) => a + b, 0)) : "–");
    cell(row, "num gap", F.gap(c));
    cell(row, "num pit", String(c.pitStops));
    return row;
  });
  $("results").tBodies[0].replaceChildren(...rows);
  showRejected(results.controllers);
  LapChart.render($("chart"), $("chart-legend"), results.controllers);
}

// Every rejected lap (collapsed under the standings): by controller in finishing order, oldest first.
function showRejected(controllers) {
  const rows = [];
  for (const c of controllers) {
    for (const r of c.rejectedLaps || []) {
      const row = document.createElement("tr");
      row.dataset.controller = String(c.id);
      cell(row, "driver", F.driverName(c));
      cell(row, "num lap", F.rejectedLap(r));
      cell(row, "reason", F.rejectReason(r));
      cell(row, "num crossing", String(r.timestamp));
      rows.push(row);
    }
  }
  $("rejected").tBodies[0].replaceChildren(...rows);
  $("rejected-count").textContent = String(rows.length);
  $("rejected-panel").hidden = rows.length === 0;
}

const match = /^\/sessions\/(\d+)$/.exec(location.pathname);
(match ? showSession(match[1]) : showList()).catch((error) => {
  $("error").textContent = `Could not load: ${error.message}`;
});
