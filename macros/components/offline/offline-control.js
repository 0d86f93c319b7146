// The "keep this site on this device" control, loaded by offline.js when a control comes near the
// screen (most pages have it in the footer, so most visits never load it). It asks the worker to
// download or remove the site and shows what the worker reports. UI text: the root's data-strings
// (macros/content/strings.yml, offline.*).
import { fill } from "../common/fill.js";
import { strings, stylesheet } from "../common/start.js";

const sw = navigator.serviceWorker;
const swUrl = new URL("../../../sw.js", import.meta.url);
const styled = stylesheet(new URL("offline-control.css", import.meta.url).href);
const roots = [];
let ui = {};
const lang = document.documentElement.lang === "cy" ? "cy" : "en";
const CHOICES = { en: ["en"], cy: ["cy"], both: ["en", "cy"] };
let state = { langs: [], sizes: null, busy: null };
let watchdog = 0;

// A browser may stop a worker in the middle of a long download (Chrome does after five
// minutes): if progress stops, ask again. Files already kept are not fetched again.
function restartIfStalled(langs) {
  clearTimeout(watchdog);
  watchdog = setTimeout(() => { if (state.busy) send({ type: "keep", langs }); }, 30000);
}

function size(bytes) {
  if (bytes < 1024 * 1024) return fill(ui.kb, { n: Math.max(1, Math.round(bytes / 1024)) });
  return fill(ui.mb, { n: (bytes / (1024 * 1024)).toLocaleString(lang === "cy" ? "cy-GB" : "en-GB", { maximumFractionDigits: 1 }) });
}

const choiceOf = (langs) => (langs.length === 2 ? "both" : langs[0]);

function render(root, message) {
  const { langs, sizes, busy } = state;
  if (sizes) {
    for (const el of root.querySelectorAll("[data-size]")) el.textContent = `(${fill(ui.size, { size: size(sizes[el.dataset.size]) })})`;
  }
  if (langs.length && !busy) {
    const radio = root.querySelector(`input[value='${choiceOf(langs)}']`);
    if (radio) radio.checked = true;
  }
  root.querySelector("[data-keep]").disabled = Boolean(busy);
  const bar = root.querySelector("[data-progress]");
  bar.hidden = !busy;
  if (busy) {
    const pct = busy.total ? Math.round((100 * busy.done) / busy.total) : 0;
    root.querySelector("progress").value = pct;
    root.querySelector("[data-progress-text]").textContent = fill(ui.progress, { done: size(busy.done), total: size(busy.total) });
  }
  root.querySelector("[data-remove]").hidden = !langs.length || Boolean(busy);
  if (message !== undefined) root.querySelector("[data-status]").textContent = message;
}

const renderAll = (message) => roots.forEach((root) => render(root, message));
const keptMessage = (langs) => (langs.length ? ui[`kept_${choiceOf(langs)}`] : "");

// The worker to talk to: a waiting one (a new version) holds the newest files.
async function worker() {
  const reg = await sw.getRegistration(swUrl.href);
  return reg && (reg.waiting || reg.active);
}

async function send(message) {
  const w = await worker();
  if (w) w.postMessage(message);
  return Boolean(w);
}

function onMessage(event) {
  const data = event.data || {};
  if (data.type === "status") {
    state = { langs: data.langs, sizes: data.sizes, busy: data.busy };
    renderAll(data.busy ? undefined : keptMessage(data.langs));
  } else if (data.type === "progress") {
    const starting = !state.busy;
    state.busy = data;
    restartIfStalled(data.langs);
    renderAll(starting ? fill(ui.starting, { size: size(data.total) }) : undefined);
  } else if (data.type === "kept") {
    clearTimeout(watchdog);
    state.busy = null;
    state.langs = data.langs;
    renderAll(keptMessage(data.langs));
  } else if (data.type === "removed") {
    state.langs = [];
    renderAll(ui.removed);
  } else if (data.type === "failed") {
    clearTimeout(watchdog);
    state.busy = null;
    renderAll(ui[`failed_${data.reason}`] || ui.failed_network);
  }
}

// Each control, shown and working once the worker is ready; it asks the worker what is kept.
export async function setUp(root) {
  if (!roots.length) {
    ui = strings(root);
    sw.addEventListener("message", onMessage);
  }
  roots.push(root);
  await styled;
  root.hidden = false;
  root.querySelector("[data-form]").addEventListener("submit", async (event) => {
    event.preventDefault();
    const choice = root.querySelector("input[type=radio]:checked");
    if (!choice || state.busy) return;
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
    if (!(await send({ type: "keep", langs: CHOICES[choice.value] }))) renderAll(ui.failed_network);
  });
  root.querySelector("[data-remove]").addEventListener("click", () => send({ type: "remove" }));
  await send({ type: "status" });
}

export async function unsupported(root) {
  ui = strings(root);
  await styled;
  root.hidden = false;
  root.querySelector("[data-form]").hidden = true;
  root.querySelector("[data-status]").textContent = ui.unsupported;
}
