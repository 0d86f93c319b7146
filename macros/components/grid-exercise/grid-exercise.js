// The four-domain grid exercise: check answers, try again, model grid, board, saving, print.
// Strings come from data-strings; answers from each fieldset's data-accepted. Saved under
// ecp:exercise:<case study> (data-key), one state for both languages (statement ids are the same in each).
import { fill } from "../common/fill.js";
import { start, strings } from "../common/start.js";
import { readShared, remove, write } from "../common/storage.js";

function init(root) {
  const S = strings(root);
  // Month names from the site's Welsh table (welsh.yml), written into the page by the build: not
  // every browser knows Welsh dates, and the page then needs no welsh.js for one date.
  const MONTHS = JSON.parse(root.dataset.months || "[]");
  const key = root.dataset.key;
  const form = root.querySelector("[data-grid-form]");
  const sets = [...root.querySelectorAll("[data-statement]")];
  const score = root.querySelector("[data-score]");
  const model = root.querySelector("[data-model]");
  const board = root.querySelector("[data-board]");
  const notes = [...root.querySelectorAll("[data-notes]")];
  let state = { answers: {}, checked: false, notes: {} };

  const summary = root.querySelector("[data-summary]");
  state = { ...state, ...readShared(key, root.dataset.lang) };
  const save = () => write(key, state);

  root.querySelectorAll("[data-js-only]").forEach((el) => { el.hidden = false; });

  const chosen = (fs) => { const r = fs.querySelector("input:checked"); return r ? r.value : ""; };
  const isRight = (fs) => fs.dataset.accepted.split(" ").includes(chosen(fs));

  // How many statements have a place: shown beside Check, so the reader knows what is left.
  const answered = root.querySelector("[data-answered]");
  const countAnswered = () => {
    if (answered) answered.textContent = fill(S.answered, { n: sets.filter((fs) => chosen(fs)).length, total: sets.length });
  };

  const legend = (fs) => fs.querySelector("legend").textContent.replace(/^\s*\d+\.\s*/, "").trim();

  // Mark every statement. An unanswered one says so and keeps its explanation back, so checking
  // early does not give the answers away. The summary at the top lists what is "not yet".
  function mark() {
    let right = 0;
    const notYet = [];
    sets.forEach((fs) => {
      const fb = fs.querySelector("[data-feedback]");
      const ok = isRight(fs);
      right += ok;
      fs.dataset.result = ok ? "right" : chosen(fs) ? "not-yet" : "unanswered";
      fb.querySelector("[data-verdict]").textContent = ok ? S.right : chosen(fs) ? S.not_yet : S.unanswered;
      fb.hidden = false;
      if (!ok) notYet.push(fs);
    });
    const text = fill(S.score, { score: right, total: sets.length });
    score.textContent = text + " " + (right === sets.length ? S.score_all : S.score_more);
    summary.querySelector("[data-summary-score]").textContent = text;
    summary.querySelector("[data-summary-intro]").textContent = notYet.length ? S.summary_not_yet : S.score_all;
    summary.querySelector("[data-summary-list]").replaceChildren(...notYet.map((fs) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = `#${fs.id}`;
      a.textContent = chosen(fs) ? legend(fs) : `${legend(fs)} (${S.summary_unanswered})`;
      li.append(a);
      return li;
    }));
    summary.hidden = false;
  }

  function unmark() {
    sets.forEach((fs) => { delete fs.dataset.result; fs.querySelector("[data-feedback]").hidden = true; });
    summary.hidden = true;
  }

  // A link in the summary goes to the statement and puts focus on its choices.
  summary.addEventListener("click", (e) => {
    const a = e.target.closest("a[href^='#']");
    const fs = a && root.querySelector(`[id="${CSS.escape(a.getAttribute("href").slice(1))}"]`);
    if (!fs) return;
    e.preventDefault();
    fs.scrollIntoView({ block: "start" });
    (fs.querySelector("input:checked") || fs.querySelector("input")).focus({ preventScroll: true });
  });

  function renderBoard() {

    countAnswered();
    root.querySelectorAll("[data-board-list]").forEach((ul) => {
      const items = sets.filter((fs) => chosen(fs) === ul.dataset.boardList);
      ul.replaceChildren(...items.map((fs) => {
        const li = document.createElement("li");
        li.textContent = legend(fs);
        return li;
      }));
      if (!items.length) {
        const li = document.createElement("li");
        li.className = "ecp-board__empty";
        li.textContent = S.empty;
        ul.append(li);
      }
    });
    notes.forEach((ta) => {
      root.querySelector(`[data-printnotes="${ta.dataset.notes}"]`).textContent = ta.value;
    });
    const date = root.querySelector("[data-date]");
    const d = new Date();
    date.textContent = `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`; // as welsh.js dayMonthYear()
  }

  // Restore.
  sets.forEach((fs) => {
    const v = state.answers[fs.dataset.statement];
    const r = v && fs.querySelector(`input[value="${CSS.escape(v)}"]`);
    if (r) r.checked = true;
  });
  notes.forEach((ta) => { ta.value = state.notes[ta.dataset.notes] || ""; });
  if (state.checked) mark();
  renderBoard();

  form.addEventListener("change", (e) => {
    const fs = e.target.closest("[data-statement]");
    if (!fs) return;
    state.answers[fs.dataset.statement] = e.target.value;
    if (state.checked) { // a changed answer is no longer marked, and the score is out of date
      delete fs.dataset.result;
      fs.querySelector("[data-feedback]").hidden = true;
      if (score.textContent !== S.score_stale) score.textContent = S.score_stale;
      summary.querySelector("[data-summary-score]").textContent = S.score_stale;
    }
    save();
    renderBoard();
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  notes.forEach((ta) => ta.addEventListener("input", () => {
    state.notes[ta.dataset.notes] = ta.value;
    save();
    renderBoard();
  }));

  const actions = {
    check() {
      state.checked = true;
      save();
      mark();
      summary.scrollIntoView({ block: "start" });
      summary.focus({ preventScroll: true });
    },
    retry() {
      sets.forEach((fs) => {
        if (!isRight(fs)) {
          fs.querySelectorAll("input").forEach((r) => { r.checked = false; });
          delete state.answers[fs.dataset.statement];
        }
      });
      state.checked = false;
      save();
      unmark();
      score.textContent = "";
      renderBoard();
      const first = sets.find((fs) => !chosen(fs));
      if (first) first.querySelector("input").focus();
    },
    model() {
      model.open = true;
      model.querySelector("summary").focus();
      model.scrollIntoView({ block: "start" });
    },
    reset() {
      if (!window.confirm(S.reset_confirm)) return;
      remove(key);
      state = { answers: {}, checked: false, notes: {} };
      form.reset();
      notes.forEach((ta) => { ta.value = ""; });
      unmark();
      score.textContent = "";
      model.open = false;
      renderBoard();
    },
    print() {
      renderBoard();
      document.documentElement.classList.add("ecp-print-board");
      window.print();
    },
  };
  root.addEventListener("click", (e) => {
    const b = e.target.closest("button[data-action]");
    if (b && actions[b.dataset.action]) actions[b.dataset.action]();
  });
  window.addEventListener("afterprint", () => document.documentElement.classList.remove("ecp-print-board"));
  window.addEventListener("beforeprint", renderBoard);

  // A mentor's link straight to the model answer opens it.
  const openFromHash = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id && model.id === id || (id && model.querySelector(`[id="${CSS.escape(id)}"]`))) {
      model.open = true;
      document.getElementById(id).scrollIntoView();
    }
  };
  openFromHash();
  window.addEventListener("hashchange", openFromHash);
}

start("grid-exercise", init);
