// The workbook's chart: family and professionals' ratings (1-10) by date, drawn with the site's one
// chart (../common/chart.js). Text goes in with textContent only. The table beside it is the full
// alternative.
import { fill } from "../common/fill.js";
import { count, months } from "../common/welsh.js";
import { draw, el, legend } from "../common/chart.js";
import { stylesheet } from "../common/start.js";

/** The chart's style, loaded with this module (a first visit, with no ratings, fetches neither). */
export const styled = stylesheet(new URL("../common/chart.css", import.meta.url).href);

let uid = 0;
export const unquote = (s) => s.trim().replace(/^["“”'](.*)["“”']$/s, "$1");

/** "2026-06-02" as "2 Jun 2026" / "2 Meh 2026", with month names from the Welsh table. */
export function formatDate(iso, w, lang = undefined) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${months(lang, true)[m - 1]} ${y}`;
}

export const byDate = (ratings) => ratings.map((r, i) => [r, i]).sort((a, b) => (a[0].date < b[0].date ? -1 : a[0].date > b[0].date ? 1 : a[1] - b[1])).map((x) => x[0]);

/** The chart of an area's ratings, drawn by the site's one chart (../common/chart.js) with its
 *  legend: ratings [{date, family, professionals}], w: workbook strings, name: area name. */
export function chart(ratings, w, name) {
  const rs = byDate(ratings);
  const id = `wb-chart-${++uid}`;
  const box = document.createElement("div");
  box.className = "ecp-chart";
  const svg = el("svg", { role: "img", "aria-labelledby": `${id}-t ${id}-d`, class: "ecp-chart__svg", focusable: "false" }, box);
  el("title", { id: `${id}-t` }, svg, fill(w.chart_title, { name: unquote(name) }));
  const last = rs[rs.length - 1];
  el("desc", { id: `${id}-d` }, svg, fill(w.chart_desc, {
    ratings: count(rs.length, "rating"), first: formatDate(rs[0].date, w), last: formatDate(last.date, w), f: last.family, p: last.professionals }));
  draw(svg, rs, rs.map((r) => formatDate(r.date, w).split(/ (?=\d+$)/)), { axis: w.axis_title, good: w.good_enough_line });
  box.append(legend({ family: w.family_short, professionals: w.pros_short }));
  return box;
}
