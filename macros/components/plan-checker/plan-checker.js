// The plan checker page. The logic is in plan-checker-rules.js (no DOM); this file only draws.
// Strings come from data-strings. Nothing is sent anywhere; the text is kept in localStorage
// (key ecp:plan-checker:text) only while the user ticks "Keep my text on this device".
// The checker and its word lists (plan-checker-rules.js, wording.json) load when the reader first reaches
// the checker (focus, pointer or a kept text to restore), not with the page: a first visit that
// only reads costs neither their bytes nor their start-up. Once loaded, checks run at once.
import { fill } from "../common/fill.js";
import { start, strings } from "../common/start.js";
import { available, readText, remove, writeText } from "../common/storage.js";

let engine = null; // the loaded module
let loading = null;
function load(root) {
  loading ||= import("./plan-checker-rules.js").then((m) => {
    engine = m;
    root.dataset.engine = "ready";
    return m;
  });
  return loading;
}

const KEY = "plan-checker:text"; // kept as plain text, not JSON

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

/** The line with the vague phrases wrapped in <mark>. Text only: never innerHTML. */
function lineText(item) {
  const spans = item.findings.filter((f) => f.type === "vague-phrase" && f.end > f.start)
    .sort((a, b) => a.start - b.start);
  const p = el("p", { class: "ecp-line__text", lang: item.lang });
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    p.append(item.text.slice(at, f.start), el("mark", {}, item.text.slice(f.start, f.end)));
    at = f.end;
  }
  p.append(item.text.slice(at));
  return p;
}

function findingItem(f, words, guide) {
  const li = el("li", { class: `ecp-finding ecp-finding--${f.severity}` });
  const label = f.severity === "advice" ? words.advice : null;
  li.append(el("strong", {}, f.message));
  if (label) li.append(" ", el("span", { class: "ecp-finding__level" }, `(${label})`));
  if (f.question) li.append(" ", el("span", { class: "ecp-finding__ask" }, `${words.ask} `), el("span", {}, f.question));
  if (f.section) {
    li.append(" ", el("a", { href: `${guide}#${f.section}` }, `${words.guidance}: ${words[`section_${f.section}`] || f.section}`));
  }
  return li;
}

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
    if (result.findings.length) {
      for (const f of result.findings) planList.append(findingItem(f, words, guide));
    } else {
      planList.append(el("li", { class: "ecp-finding ecp-finding--ok" }, words.plan_ok));
    }
    const jump = [];
    result.items.forEach((item, i) => {
      const vague = item.vague;
      const li = el("li", { class: `ecp-line ${vague ? "ecp-line--vague" : "ecp-line--ok"}`, id: `ecp-line-${i + 1}` });
      if (vague) jump.push(el("li", {}, el("a", { href: `#ecp-line-${i + 1}` }, `${fill(words.line, { n: i + 1 })}: ${words.verdict_vague}`)));
      const verdict = el("p", { class: "ecp-line__verdict" },
        el("span", { "aria-hidden": "true", class: "ecp-line__icon" }, vague ? "✗" : "✓"), " ",
        el("strong", {}, `${fill(words.line, { n: i + 1 })}: ${vague ? words.verdict_vague : words.verdict_ok}`));
      if (item.lang !== lang) verdict.append(" ", el("span", { class: "ecp-line__lang" }, `(${words[`lang_${item.lang}`]})`));
      li.append(verdict, lineText(item));
      if (item.findings.length) {
        const ul = el("ul", { class: "ecp-findings" });
        for (const f of item.findings) ul.append(findingItem(f, words, guide));
        li.append(ul);
      }
      lineList.append(li);
    });
    summary.querySelector("[data-counts]").textContent = fill(words.summary, result.counts);
    summary.querySelector("[data-jump]").replaceChildren(...jump);
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
