// Self-study path: "mark as done" progress and the learning record, kept in localStorage only.
// Keys: ecp:self-study:progress  {stepId: "YYYY-MM-DD"}
//       ecp:self-study:record    {field: text}
// UI text comes from the component's data-ui attribute (macros/content/strings.yml, study.* and record.*).
const PROGRESS = "ecp:self-study:progress";
const RECORD = "ecp:self-study:record";

function read(key) {
  try {
    const value = JSON.parse(localStorage.getItem(key) || "{}");
    return value && typeof value === "object" && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

function write(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (Object.hasOwn(values, k) ? values[k] : m));
// Dates as "22 November 2026" / "22 Tachwedd 2026", with month names from the page's strings
// (browsers' Welsh locale data is not always present).
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
    const text = fill(ui.progress, { done, total: boxes.length });
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
  window.addEventListener("storage", (e) => { if (e.key === PROGRESS || e.key === null) render(false); });
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
    const steps = [...document.querySelectorAll("[data-component='self-study'] li[data-step]")];
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

function init() {
  const roots = [...document.querySelectorAll("[data-component='self-study']:not([data-ready])")];
  // The route first, so the record can list what it marked as done.
  roots.sort((a, b) => (a.dataset.part === "steps" ? -1 : 0) - (b.dataset.part === "steps" ? -1 : 0));
  for (const root of roots) {
    root.dataset.ready = "true";
    const ui = JSON.parse(root.dataset.ui);
    if (!MONTHS.length && ui.months) MONTHS = ui.months.split(",");
    if (root.dataset.part === "steps") initSteps(root, ui);
    else initRecord(root, ui);
  }
}

if (typeof document$ !== "undefined") document$.subscribe(init); else init();
