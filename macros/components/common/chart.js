// The site's one chart: Steps to Change ratings (1 to 10) of the family and the professionals over
// time, with the "good enough" line at 10. RULES and layout() are the geometry, written once:
// macros/views.py reads RULES from this file and follows layout() line for line for the review
// conference's chart, drawn on the server so that it reads without JavaScript. The colours are in
// chart.css beside this file.
//
// Text is RULES.font units high. draw() makes the drawing as wide as it is shown, in CSS pixels,
// and draws again when that width changes, so its text is always 16px on screen. The server's
// chart is RULES.width units wide and CSS keeps it between 288 and 400px wide (14.4 to 20px text).

export const RULES = {
  "min": 1, "max": 10, "good": 10, "ticks": [1, 4, 7, 10],
  "font": 16, "char": 0.62, "gap": 12, "marker": 5,
  "width": 320, "height": 260, "top": 62, "bottom": 56, "left": 30, "right": 12, "pad": 14
};

/** The geometry for n points at a width: where each value, point, tick and label goes.
 *  labels: the text under each point, as lines ([day and month, year]). A label shows only where
 *  its estimated box keeps RULES.gap from the ones either side; the last always shows. */
export function layout(n, width, labels) {
  const R = RULES, w = width, h = R.height;
  const inner = w - R.left - R.right - 2 * R.pad;
  const x = (i) => (n === 1 ? (R.left + w - R.right) / 2 : R.left + R.pad + (i * inner) / (n - 1));
  const y = (v) => R.top + ((R.max - v) * (h - R.top - R.bottom)) / (R.max - R.min);
  // The first label starts at the plot's left edge, the last ends at its right edge.
  const box = (i) => {
    const size = Math.max(...labels[i].map((s) => s.length)) * R.char * R.font;
    const anchor = n === 1 ? "middle" : i === 0 ? "start" : i === n - 1 ? "end" : "middle";
    const at = x(i) + (anchor === "start" ? -R.pad : anchor === "end" ? R.pad : 0);
    const from = anchor === "start" ? at : anchor === "end" ? at - size : at - size / 2;
    return { i, x: at, anchor, lines: labels[i], from, to: from + size };
  };
  const last = box(n - 1), shown = [];
  let edge = -Infinity;
  for (let i = 0; i < n - 1; i++) {
    const b = box(i);
    if (b.from >= edge + R.gap && b.to + R.gap <= last.from) { shown.push(b); edge = b.to; }
  }
  shown.push(last);
  return {
    w, h, x, y, left: R.left, right: w - R.right,
    ticks: R.ticks.map((v) => ({ v, y: y(v) })),
    good: { y: y(R.good), label_x: w - R.right, label_y: y(R.good) - 10 },
    axis: { x: 0, y: R.font },
    labels: shown, label_y: h - R.bottom + 24, line: R.font + 2,
  };
}

const NS = "http://www.w3.org/2000/svg";
/** An SVG element with its attributes; text goes in with textContent only. */
export function el(name, attrs, parent, text) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  if (parent) parent.append(node);
  return node;
}

// One series' marker: circles for the family, squares for the professionals.
function marker(kind, cx, cy, parent) {
  const m = RULES.marker;
  if (kind === "fam") el("circle", { cx, cy, r: m }, parent);
  else el("rect", { x: cx - m + 0.5, y: cy - m + 0.5, width: 2 * m - 1, height: 2 * m - 1 }, parent);
}

/** The legend under a chart: each series' line and marker, and its name. Hidden from screen
 *  readers: the chart's description and the table say the same. */
export function legend(names) {
  const ul = document.createElement("ul");
  ul.className = "ecp-chart__legend";
  ul.setAttribute("aria-hidden", "true");
  for (const [kind, name] of [["fam", names.family], ["pro", names.professionals]]) {
    const li = document.createElement("li");
    li.className = `ecp-chart__key ecp-chart__key--${kind}`;
    const key = el("svg", { viewBox: "0 0 28 12", width: 28, height: 12, focusable: "false" }, li);
    el("line", { x1: 0, x2: 28, y1: 6, y2: 6 }, key);
    marker(kind, 14, 6, key);
    li.append(name);
    ul.append(li);
  }
  return ul;
}

/** Draw (or draw again) the ratings into an <svg>, at `width` CSS pixels.
 *  points: [{family, professionals}], labels: the lines of text under each point,
 *  s: {axis, good} (the axis title and "Good enough"). Keeps the svg's <title> and <desc>. */
export function plot(svg, points, labels, s, width) {
  const g = layout(points.length, Math.round(width), labels);
  svg.querySelectorAll(":scope > g").forEach((n) => n.remove());
  svg.setAttribute("viewBox", `0 0 ${g.w} ${g.h}`);
  const grid = el("g", { class: "ecp-chart__grid", "aria-hidden": "true" }, svg);
  el("text", { x: g.axis.x, y: g.axis.y, class: "ecp-chart__axis" }, grid, s.axis);
  for (const t of g.ticks) {
    if (t.v !== RULES.good) el("line", { x1: g.left, x2: g.right, y1: t.y, y2: t.y }, grid);
    el("text", { x: g.left - 6, y: t.y + 5, "text-anchor": "end" }, grid, String(t.v));
  }
  for (const l of g.labels) {
    const text = el("text", { x: l.x, y: g.label_y, "text-anchor": l.anchor }, grid);
    l.lines.forEach((line, k) => el("tspan", { x: l.x, dy: k ? g.line : 0 }, text, line));
  }
  const good = el("g", { class: "ecp-chart__good", "aria-hidden": "true" }, svg);
  el("line", { x1: g.left, x2: g.right, y1: g.good.y, y2: g.good.y }, good);
  el("text", { x: g.good.label_x, y: g.good.label_y, "text-anchor": "end" }, good, `${s.good} (${RULES.good})`);
  for (const [key, kind] of [["family", "fam"], ["professionals", "pro"]]) {
    const line = el("g", { class: `ecp-chart__${kind}`, "aria-hidden": "true" }, svg);
    el("polyline", { points: points.map((p, i) => `${g.x(i)},${g.y(p[key])}`).join(" "), fill: "none" }, line);
    points.forEach((p, i) => marker(kind, g.x(i), g.y(p[key]), line));
  }
}

/** A chart that keeps its text at 16px: drawn at the width its box is shown, and again whenever
 *  that width changes (a phone turned, a window resized). */
export function draw(svg, points, labels, s) {
  let drawn = 0;
  const fit = (width) => {
    if (width > 0 && Math.round(width) !== drawn) { drawn = Math.round(width); plot(svg, points, labels, s, drawn); }
  };
  // Shown RULES.height px high (chart.css): a new drawing never changes the box being watched.
  svg.classList.add("ecp-chart__svg--fit");
  plot(svg, points, labels, s, RULES.width);
  if (typeof ResizeObserver === "undefined") return;
  const watch = new ResizeObserver(([entry]) => {
    if (!svg.isConnected) { watch.disconnect(); return; }
    fit(entry.contentRect.width);
  });
  watch.observe(svg);
}
