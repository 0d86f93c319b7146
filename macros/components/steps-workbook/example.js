// Worked examples: draw each area's chart, and "Start from this example" copies the example
// (embedded as a workbook export) into a new workbook on this device, then opens the workbook.
import { add, load, save, validate } from "./store.js";
import { chart } from "./chart.js";
import { start, strings } from "../common/start.js";

start("steps-workbook-example", (root) => {
  const w = strings(root);
  const r = validate(JSON.parse(root.querySelector(".wb-example-data").textContent));
  if (!r.ok) return;
  const example = r.value;
  root.querySelectorAll("[data-area-index]").forEach((sec) => {
    const a = example.areas[+sec.dataset.areaIndex], fig = sec.querySelector(".wb-chart");
    if (!a || !a.ratings.length || !fig) return;
    fig.querySelector(".wb-chart-svg").append(chart(a.ratings, w, a.name));
    fig.hidden = false;
  });
  const offer = root.querySelector(".wb-example-start");
  offer.hidden = false;
  offer.querySelector("button").addEventListener("click", () => {
    const state = load();
    add(state, { ...example, updated: new Date().toISOString() });
    if (!save(state)) { offer.querySelector(".wb-alert").textContent = w.storage_error; return; }
    location.href = root.dataset.workbookHref;
  });
});
