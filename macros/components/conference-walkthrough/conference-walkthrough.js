// The grid, statement by statement: show one step at a time, the flip charts up to that step,
// announce each step, and remember it under ecp:walk:<scenario>. Without this module every step shows.
import { fill } from "../common/fill.js";
import { start, strings } from "../common/start.js";
import { readObject, write } from "../common/storage.js";

function init(root) {
  const S = strings(root);
  const key = root.dataset.key;
  const steps = [...root.querySelectorAll("[data-step]")];
  const board = [...root.querySelectorAll("[data-board]")];
  const status = root.querySelector("[data-status]");
  const prev = root.querySelector('[data-go="prev"]');
  const next = root.querySelector('[data-go="next"]');
  const last = steps.length - 1;
  let current = 0;

  const saved = readObject(key);
  if (Number.isInteger(saved.step)) current = Math.min(Math.max(saved.step, 0), last);

  root.querySelectorAll("[data-js-only]").forEach((el) => { el.hidden = false; });
  root.classList.add("ecp-walk--stepping");

  function show(announce) {
    steps.forEach((li, i) => { li.hidden = i !== current; });
    board.forEach((li) => {
      const i = Number(li.dataset.board);
      li.hidden = i > current;
      if (i === current) li.setAttribute("aria-current", "step"); else li.removeAttribute("aria-current");
    });
    prev.setAttribute("aria-disabled", String(current === 0));
    next.setAttribute("aria-disabled", String(current === last));
    const li = steps[current];
    const text = fill(S.announce, {
      n: current + 1, total: steps.length, column: li.dataset.column,
      text: li.querySelector("[data-text]").textContent.trim(),
    });
    // Announce only when the reader moves, not when the page opens.
    if (announce) status.textContent = text;
    root.dataset.step = String(current);
  }

  function go(to) {
    const target = Math.min(Math.max(to, 0), last);
    if (target === current) return;
    current = target;
    write(key, { step: current });
    show(true);
  }

  root.addEventListener("click", (e) => {
    const b = e.target.closest("button[data-go]");
    if (!b) return;
    if (b.dataset.go === "prev") go(current - 1);
    else if (b.dataset.go === "next") go(current + 1);
    else go(0);
  });
  root.addEventListener("keydown", (e) => {
    if (!e.target.closest("button[data-go]") || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "ArrowRight") { e.preventDefault(); go(current + 1); }
    else if (e.key === "ArrowLeft") { e.preventDefault(); go(current - 1); }
    else if (e.key === "Home") { e.preventDefault(); go(0); }
    else if (e.key === "End") { e.preventDefault(); go(last); }
  });

  // A mentor's link to one statement opens the walk-through at that step.
  const fromHash = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const i = steps.findIndex((li) => li.id === id);
    if (i >= 0) { go(i); steps[i].scrollIntoView(); }
  };
  show(false);
  fromHash();
  window.addEventListener("hashchange", fromHash);
}

start("conference-walkthrough", init);
