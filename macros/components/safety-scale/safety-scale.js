// The safety scale: the learner rates first; then the parents' view; then the professionals'.
// Strings come from data-strings. Saved under ecp:scale:<case study>, one state for both languages.
import { fill } from "../common/fill.js";
import { start, strings } from "../common/start.js";
import { readShared, remove, write } from "../common/storage.js";

const STAGES = ["parents", "professionals"];

function init(root) {
  const S = strings(root);
  const key = root.dataset.key;
  const status = root.querySelector("[data-status]");
  const radios = [...root.querySelectorAll('input[type="radio"]')];
  const fields = [...root.querySelectorAll("[data-field]")];
  const views = Object.fromEntries(STAGES.map((s) => [s, root.querySelector(`[data-stage="${s}"]`)]));
  const compare = root.querySelector("[data-compare]");
  let state = { rating: null, stage: 0, fields: {} };

  const error = root.querySelector("[data-error]");
  state = { ...state, ...readShared(key, root.dataset.lang) };
  const save = () => write(key, state);

  root.querySelectorAll("[data-js-only]").forEach((el) => { el.hidden = false; });

  const scores = (stage) => [...views[stage].querySelectorAll(".ecp-scale__badge")].map((b) => b.textContent.trim());

  function show() {
    STAGES.forEach((s, i) => {
      if (i < state.stage) views[s].dataset.shown = "true"; else delete views[s].dataset.shown;
    });
    root.querySelector('[data-action="parents"]').closest("p").hidden = state.stage > 0;
    root.querySelector('[data-action="professionals"]').closest("p").hidden = state.stage > 1;
    root.dataset.stage = state.stage;
    compare.textContent = state.rating === null ? "" : fill(S.compare, {
      you: state.rating, parents: scores("parents").join(", "), professionals: scores("professionals").join(", "),
    });
  }

  // Restore.
  radios.forEach((r) => { r.checked = String(state.rating) === r.value; });
  fields.forEach((f) => { f.value = state.fields[f.dataset.field] || ""; });
  if (state.rating === null) state.stage = 0;
  show();

  root.addEventListener("change", (e) => {
    if (e.target.type !== "radio") return;
    state.rating = Number(e.target.value);
    status.textContent = "";
    error.hidden = true;
    error.textContent = "";
    save();
    show();
  });
  fields.forEach((f) => f.addEventListener("input", () => { state.fields[f.dataset.field] = f.value; save(); }));
  root.querySelector("form").addEventListener("submit", (e) => e.preventDefault());

  function reveal(stage) {
    if (state.rating === null) {
      // Say it beside the control that needs it (the radios describe themselves with it).
      error.textContent = S.need_rating;
      error.hidden = false;
      status.textContent = "";
      root.querySelector(".ecp-scale__own").scrollIntoView({ block: "start" });
      radios[0].focus({ preventScroll: true });
      return;
    }
    state.stage = Math.max(state.stage, stage);
    save();
    show();
    status.textContent = stage === 1 ? S.shown_parents : S.shown_professionals;
    views[STAGES[stage - 1]].focus();
  }

  const actions = {
    parents: () => reveal(1),
    professionals: () => reveal(2),
    reset() {
      if (!window.confirm(S.reset_confirm)) return;
      remove(key);
      state = { rating: null, stage: 0, fields: {} };
      radios.forEach((r) => { r.checked = false; });
      fields.forEach((f) => { f.value = ""; });
      status.textContent = "";
      error.hidden = true;
      show();
    },
  };
  root.addEventListener("click", (e) => {
    const b = e.target.closest("button[data-action]");
    if (b && actions[b.dataset.action]) actions[b.dataset.action]();
  });
}

start("safety-scale", init);
