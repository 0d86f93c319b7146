// Self-study path: "mark as done" progress and the learning record, kept in localStorage only.
// Keys: ecp:self-study:progress  {stepId: "YYYY-MM-DD"}
//       ecp:self-study:record    {field: text}
// UI text comes from the component's data-strings attribute (macros/content/strings.yml, study.* and record.*).
import { fill } from "../common/fill.js";
import { start, strings } from "../common/start.js";
import { PREFIX, readObject as read, write } from "../common/storage.js";

const PROGRESS = "self-study:progress";
const RECORD = "self-study:record";
// Dates as "22 November 2026" / "22 Tachwedd 2026", with month names the build writes into the
// root's data-months (browsers' Welsh locale data is not always present).
let MONTHS = [];
function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!m || !MONTHS[Number(m[2]) - 1]) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

function initSteps(root, ui) {
  const status = root.querySelector("[data-progress]");
  const boxes = [...root.querySelectorAll("input[data-done]")];

  function render(announce) {
    const progress = read(PROGRESS);
    let done = 0;
    for (const box of boxes) {
      const when = progress[box.dataset.done];
      box.checked = Boolean(when);
      if (when) done += 1;
      const li = box.closest("li");
      li.classList.toggle("ecp-step--done", Boolean(when));
      li.querySelector("[data-date]").textContent = when ? fill(ui.done_on, { date: formatDate(when) }) : "";
    }
    // The number of steps is fixed: the build writes it counted ("5 steps", "5 cam").
    const text = fill(ui.progress, { done, steps: ui.steps_counted });
    if (announce || status.textContent !== text) status.textContent = text;
    document.dispatchEvent(new CustomEvent("ecp:self-study-progress"));
  }

  for (const box of boxes) {
    box.addEventListener("change", () => {
      const progress = read(PROGRESS);
      if (box.checked) progress[box.dataset.done] = progress[box.dataset.done] || today();
      else delete progress[box.dataset.done];
      if (!write(PROGRESS, progress)) status.textContent = ui.no_storage;
      else render(true);
    });
  }
  render(false);
  // Another tab, or the privacy page's delete button in another tab.
  window.addEventListener("storage", (e) => { if (e.key === PREFIX + PROGRESS || e.key === null) render(false); });
}

function initRecord(root, ui) {
  const saved = root.querySelector("[data-saved]");
  const fields = [...root.querySelectorAll("[data-field]")];
  const list = root.querySelector("[data-done-list]");
  const printed = root.querySelector("[data-printed]");
  let timer;

  function mirror(field) {
    const out = root.querySelector(`[data-print-of="${field.dataset.field}"]`);
    if (out) out.textContent = field.value;
  }

  const record = read(RECORD);
  for (const field of fields) {
    if (typeof record[field.dataset.field] === "string") field.value = record[field.dataset.field];
    mirror(field);
    field.addEventListener("input", () => {
      mirror(field);
      const current = read(RECORD);
      if (field.value) current[field.dataset.field] = field.value;
      else delete current[field.dataset.field];
      const ok = write(RECORD, current);
      clearTimeout(timer);
      // Announce once the typing pauses, not on every key.
      timer = setTimeout(() => { saved.textContent = ok ? ui["record.saved"] : ui.no_storage; }, 800);
    });
  }

  function renderDone() {
    const progress = read(PROGRESS);
    const steps = [...document.querySelectorAll("[data-module='self-study'] li[data-step]")];
    const done = steps.filter((li) => progress[li.dataset.step]);
    list.replaceChildren();
    if (!done.length) {
      const li = document.createElement("li");
      li.textContent = ui["record.none_done"];
      list.append(li);
      return;
    }
    for (const step of done) {
      const li = document.createElement("li");
      const title = step.querySelector("h3 a").textContent.trim();
      li.textContent = `${title}: ${fill(ui.done_on, { date: formatDate(progress[step.dataset.step]) })}`;
      list.append(li);
    }
  }
  renderDone();
  document.addEventListener("ecp:self-study-progress", renderDone);

  const print = root.querySelector("[data-print]");
  print.hidden = false;
  print.addEventListener("click", () => window.print());
  window.addEventListener("beforeprint", () => {
    printed.textContent = fill(ui["record.printed_on"], { date: formatDate(today()) });
  });
}

// The route and the record may be on one page in either order: the record lists what the route
// has marked as done from storage, and again whenever the route says it changed.
function init(root) {
  const ui = strings(root);
  if (!MONTHS.length) MONTHS = JSON.parse(root.dataset.months || "[]");
  if (root.dataset.part === "steps") initSteps(root, ui);
  else initRecord(root, ui);
}

start("self-study", init);
