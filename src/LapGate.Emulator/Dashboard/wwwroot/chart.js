// The lap-time chart: one line per driver, lap number across, lap time up, drawn as plain SVG.
import { driverName, lapTime } from "./format.js";

const SvgNs = "http://www.w3.org/2000/svg";
const Width = 800;
const Height = 320;
const Margin = { left: 64, right: 16, top: 16, bottom: 36 };

function node(name, attributes, parent) {
  const element = document.createElementNS(SvgNs, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }
  if (parent) {
    parent.appendChild(element);
  }
  return element;
}

function text(parent, x, y, content, className, anchor) {
  const element = node("text", { x, y, class: className, "text-anchor": anchor || "middle" }, parent);
  element.textContent = content;
  return element;
}

// A line colour for a controller: its background colour, unless that is the grey of "not assigned".
function colourOf(standing, index) {
  const fallback = ["#3ddc97", "#f5c518", "#ff5c8a", "#4fc3f7", "#b388ff", "#ff9f43", "#e0e0e0", "#26a69a"];
  return standing.backgroundColor && !/188,\s*195,\s*188/.test(standing.backgroundColor)
    ? standing.backgroundColor
    : fallback[index % fallback.length];
}

// Draws the chart into <svg>; `legend` (an element) lists drivers with their colour.
export function render(svg, legend, controllers) {
  svg.setAttribute("viewBox", `0 0 ${Width} ${Height}`);
  svg.replaceChildren();
  legend.replaceChildren();
  const series = controllers
    .map((c, index) => ({ standing: c, colour: colourOf(c, index) }))
    .filter((s) => s.standing.lapTimes && s.standing.lapTimes.length > 0)
    .sort((a, b) => a.standing.id - b.standing.id);
  const plot = { x: Margin.left, y: Margin.top, w: Width - Margin.left - Margin.right, h: Height - Margin.top - Margin.bottom };
  node("rect", { x: plot.x, y: plot.y, width: plot.w, height: plot.h, class: "chart-frame" }, svg);
  if (series.length === 0) {
    text(svg, Width / 2, Height / 2, "Lap times appear here as laps are completed", "chart-empty");
    return;
  }

  const all = series.flatMap((s) => s.standing.lapTimes);
  const maxLaps = Math.max(...series.map((s) => s.standing.lapTimes.length));
  // A pit stop or an off makes one lap far slower; such laps are drawn at the top edge (as ▲) so the
  // racing laps keep a readable scale.
  const sorted = [...all].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const ceiling = Math.max(median * 1.6, sorted[0] + 200);
  let low = sorted[0];
  let high = Math.min(sorted[sorted.length - 1], ceiling);
  const padding = Math.max((high - low) * 0.1, 100);
  low = Math.max(0, low - padding);
  high += padding;
  const x = (lap) => plot.x + (maxLaps === 1 ? plot.w / 2 : ((lap - 1) / (maxLaps - 1)) * plot.w);
  const y = (ms) => plot.y + plot.h - ((Math.min(ms, high) - low) / (high - low)) * plot.h;

  for (let i = 0; i <= 4; i++) {
    const ms = low + ((high - low) * i) / 4;
    node("line", { x1: plot.x, x2: plot.x + plot.w, y1: y(ms), y2: y(ms), class: "chart-grid" }, svg);
    text(svg, plot.x - 6, y(ms) + 4, lapTime(ms), "chart-label", "end");
  }
  const step = Math.max(1, Math.ceil(maxLaps / 10));
  for (let lap = 1; lap <= maxLaps; lap += step) {
    text(svg, x(lap), plot.y + plot.h + 22, String(lap), "chart-label");
  }
  text(svg, plot.x + plot.w, plot.y + plot.h + 34, "lap", "chart-axis", "end");

  for (const s of series) {
    const group = node("g", { class: "series", "data-controller": s.standing.id }, svg);
    const points = s.standing.lapTimes.map((ms, i) => `${x(i + 1).toFixed(1)},${y(ms).toFixed(1)}`);
    node("polyline", { points: points.join(" "), fill: "none", stroke: s.colour, "stroke-width": 3, "stroke-linejoin": "round" }, group);
    s.standing.lapTimes.forEach((ms, i) => {
      const clipped = ms > high;
      const point = clipped
        ? node("path", { d: `M${x(i + 1).toFixed(1)},${(plot.y + 1).toFixed(1)} l-6,10 h12 z`, fill: s.colour, class: "point clipped", "data-lap": i + 1, "data-ms": ms }, group)
        : node("circle", { cx: x(i + 1).toFixed(1), cy: y(ms).toFixed(1), r: 5, fill: s.colour, class: "point", "data-lap": i + 1, "data-ms": ms }, group);
      node("title", {}, point).textContent = `${driverName(s.standing)} lap ${i + 1}: ${lapTime(ms)}`;
    });
    const item = document.createElement("span");
    item.className = "legend-item";
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.backgroundColor = s.colour;
    item.append(swatch, driverName(s.standing));
    legend.appendChild(item);
  }
}
