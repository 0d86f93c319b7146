// The plan checker page. The logic is in plan-checker-rules.js (no DOM) and the drawing of the
// results in plan-checker-results.js; this file wires the page and loads both when needed.
// Strings come from data-strings. Nothing is sent anywhere; the text is kept in localStorage
// (key ecp:plan-checker:text) only while the user ticks "Keep my text on this device".
// The checker, its word lists and its results (plan-checker-rules.js, wording.json,
// plan-checker-results.js) load when the reader first reaches
// the checker (focus, pointer or a kept text to restore), not with the page: a first visit that
// only reads costs neither their bytes nor their start-up. Once loaded, checks run at once.
import { fill } from "../common/fill.js";
import { start, strings } from "../common/start.js";
import { available, readText, remove, writeText } from "../common/storage.js";

let engine = null; // the loaded rules and results modules, together
let loading = null;
function load(root) {
  loading ||= Promise.all([import("./plan-checker-rules.js"), import("./plan-checker-results.js")]).then(([rules, results]) => {
    engine = { ...rules, ...results };
    root.dataset.engine = "ready";
    return engine;
  });
  return loading;
}

const KEY = "plan-checker:text"; // kept as plain text, not JSON

function init(root) {
  const words = strings(root);
  const lang = root.dataset.lang || document.documentElement.lang || "en";
  const guide = root.dataset.guide || "";
  const input = root.querySelector("textarea");
  const status = root.querySelector("[data-status]");
  const results = root.querySelector("[data-results]");
  const planList = root.querySelector("[data-plan]");
  const lineList = root.querySelector("[data-lines]");
  const keep = root.querySelector('[data-action="keep"]');
  const summary = root.querySelector("[data-summary]");
  const store = available();

  function announce(text) {
    // Clear first so the same message is announced again.
    status.textContent = "";
    setTimeout(() => { status.textContent = text; }, 50);
  }

  // focus: move to the results summary (the reader asked for a check), not when restoring.
  function run(focus = true) {
    if (!engine) {
      load(root).then(() => run(focus));
      return;
    }
    const result = engine.checkPlan(input.value, lang);
    planList.replaceChildren();
    lineList.replaceChildren();
    if (!result.items.length) {
      results.hidden = true;
      announce(words.empty);
      return;
    }
    engine.draw(result, { words, guide, lang, planList, lineList, summary });
    results.hidden = false;
    if (focus) {
      // GOV.UK error-summary pattern: the reader lands on what was found, with links to each line.
      summary.scrollIntoView({ block: "start" });
      summary.focus({ preventScroll: true });
    } else announce(fill(words.summary, result.counts));
  }

  function save() {
    if (store && keep.checked) writeText(KEY, input.value);
  }

  root.querySelector('[data-action="check"]').addEventListener("click", () => run());
  root.querySelector('[data-action="example"]').addEventListener("click", () => {
    input.value = words.example_plan || "";
    save();
    run();
  });
  root.querySelector('[data-action="clear"]').addEventListener("click", () => {
    input.value = "";
    save();
    planList.replaceChildren();
    lineList.replaceChildren();
    results.hidden = true;
    announce(words.cleared);
    input.focus();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
  input.addEventListener("input", save);
  keep.addEventListener("change", () => {
    if (!store) return;
    if (keep.checked) { writeText(KEY, input.value); announce(words.saved); }
    else { remove(KEY); announce(words.forgotten); }
  });

  const warm = () => load(root);
  root.addEventListener("focusin", warm, { once: true });
  root.addEventListener("pointerdown", warm, { once: true });

  const kept = store ? readText(KEY) : null;
  if (kept !== null) {
    keep.checked = true;
    input.value = kept;
    if (kept.trim()) run(false);
  }
  root.querySelectorAll("[disabled]").forEach((b) => { b.disabled = false; });
}

if (typeof document !== "undefined") start("plan-checker", init);
