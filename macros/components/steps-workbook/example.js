// Worked examples: draw each area's chart, and "Start from this example" copies the example
// (embedded as a workbook export) into a new workbook on this device, then opens the workbook.
import { add, load, save, validate } from "./store.js";
import { chart } from "./chart.js";

document.querySelectorAll('[data-component="steps-example"]').forEach((root) => {
  if (root.dataset.ready) return;
  root.dataset.ready = "true";
  const { w } = JSON.parse(root.querySelector(".wb-words").textContent);
  const r = validate(JSON.parse(root.querySelector(".wb-example-data").textContent));
  if (!r.ok) return;
  const example = r.value;
  root.querySelectorAll("[data-area-index]").forEach((sec) => {
    const a = example.areas[+sec.dataset.areaIndex], fig = sec.querySelector(".wb-chart");
    if (!a || !a.ratings.length || !fig) return;
    fig.querySelector(".wb-chart-svg").append(chart(a.ratings, w, a.name));
    fig.hidden = false;
  });
  const start = root.querySelector(".wb-example-start");
  start.hidden = false;
  start.querySelector("button").addEventListener("click", () => {
    const state = load();
    add(state, { ...example, updated: new Date().toISOString() });
    if (!save(state)) { start.querySelector(".wb-alert").textContent = w.storage_error; return; }
    location.href = root.dataset.workbookHref;
  });
});
