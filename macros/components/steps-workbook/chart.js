// A small accessible SVG line chart: family and professionals' ratings (1-10) over meetings.
// Text goes in with textContent only. The table beside it is the full alternative.
import { fill } from "../common/fill.js";
import { count, months } from "../common/welsh.js";

const NS = "http://www.w3.org/2000/svg";
// T leaves the legend a row of its own above the "good enough (10)" label, so long Welsh labels
// ("Gweithwyr proffesiynol", "Digon da (10)") never run into each other on a phone.
const W = 480, H = 270, L = 34, R = 16, T = 58, B = 40;
let uid = 0;

function el(name, attrs, parent, text) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  if (parent) parent.append(node);
  return node;
}
export const unquote = (s) => s.trim().replace(/^["“”'](.*)["“”']$/s, "$1");

/** "2026-06-02" as "2 Jun 2026" / "2 Meh 2026", with month names from the Welsh table. */
export function formatDate(iso, w, lang = undefined) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${months(lang, true)[m - 1]} ${y}`;
}

export const byDate = (ratings) => ratings.map((r, i) => [r, i]).sort((a, b) => (a[0].date < b[0].date ? -1 : a[0].date > b[0].date ? 1 : a[1] - b[1])).map((x) => x[0]);

/** ratings: [{date, family, professionals}], w: workbook strings, name: area name. */
export function chart(ratings, w, name) {
  const rs = byDate(ratings);
  const id = `wb-chart-${++uid}`;
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": `${id}-t ${id}-d`, class: "wb-svg" });
  el("title", { id: `${id}-t` }, svg, fill(w.chart_title, { name: unquote(name) }));
  const last = rs[rs.length - 1];
  el("desc", { id: `${id}-d` }, svg, fill(w.chart_desc, {
    ratings: count(rs.length, "rating"), first: formatDate(rs[0].date, w), last: formatDate(last.date, w), f: last.family, p: last.professionals }));
  const x = (i) => (rs.length === 1 ? (L + W - R) / 2 : L + 12 + (i * (W - L - R - 24)) / (rs.length - 1));
  const y = (v) => T + ((10 - v) * (H - T - B)) / 9;
  const grid = el("g", { class: "wb-grid", "aria-hidden": "true" }, svg);
  for (let v = 1; v <= 10; v++) {
    el("line", { x1: L, x2: W - R, y1: y(v), y2: y(v) }, grid);
    el("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" }, grid, String(v));
  }
  el("line", { x1: L, x2: W - R, y1: y(10), y2: y(10), class: "wb-good" }, grid);
  el("text", { x: W - R, y: y(10) - 6, "text-anchor": "end", class: "wb-good-label" }, grid, `${w.good_enough_line} (10)`);
  // Dates far enough apart never to touch, even in 16px text on a phone ("16 Meh 2026"): about
  // 100 units each, the last one drawn leftwards from the end; the last date always shows, so the
  // one before it gives way when too close.
  const end = rs.length - 1;
  const step = rs.length === 1 ? 1 : Math.max(1, Math.ceil((150 * end) / (W - L - R - 24)));
  rs.forEach((r, i) => {
    const anchor = rs.length === 1 ? "middle" : i === 0 ? "start" : i === end ? "end" : "middle";
    if ((i % step === 0 && end - i >= step) || i === end) el("text", { x: x(i) + (anchor === "start" ? -6 : anchor === "end" ? 6 : 0), y: H - B + 18, "text-anchor": anchor }, grid, formatDate(r.date, w));
  });
  const series = [["family", "wb-fam", w.family_short], ["professionals", "wb-pro", w.pros_short]];
  series.forEach(([key, cls, label], s) => {
    const g = el("g", { class: cls, "aria-hidden": "true" }, svg);
    el("polyline", { points: rs.map((r, i) => `${x(i)},${y(r[key])}`).join(" "), fill: "none" }, g);
    rs.forEach((r, i) => {
      if (s === 0) el("circle", { cx: x(i), cy: y(r[key]), r: 5 }, g);
      else el("rect", { x: x(i) - 4.5, y: y(r[key]) - 4.5, width: 9, height: 9 }, g);
    });
    const lx = L + s * 150;
    el("line", { x1: lx, x2: lx + 26, y1: 12, y2: 12 }, g);
    if (s === 0) el("circle", { cx: lx + 13, cy: 12, r: 5 }, g); else el("rect", { x: lx + 8.5, y: 7.5, width: 9, height: 9 }, g);
    el("text", { x: lx + 32, y: 16, class: "wb-legend" }, g, label);
  });
  return svg;
}
