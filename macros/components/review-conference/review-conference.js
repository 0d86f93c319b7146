// The review conference: the learner judges each area (real change, or compliance without change),
// gets the scenario's feedback, and the answers are kept under ecp:review:<scenario>.
import { fill } from "../common/fill.js";
import { start, strings } from "../common/start.js";
import { readObject, remove, write } from "../common/storage.js";

function init(root) {
  const S = strings(root);
  const key = root.dataset.key;
  const areas = [...root.querySelectorAll("[data-area]")];
  let answers = readObject(key);
  const save = () => write(key, answers);

  root.querySelectorAll("[data-js-only]").forEach((el) => { el.hidden = false; });

  function show(area, announce) {
    const chosen = answers[area.dataset.area];
    const feedback = area.querySelector("[data-feedback]");
    const details = area.querySelector("[data-answer-details]");
    area.querySelectorAll("input[type=radio]").forEach((r) => { r.checked = r.value === chosen; });
    if (!chosen) {
      delete area.dataset.result;
      feedback.textContent = "";
      details.hidden = true;
      details.open = false;
      return;
    }
    const right = chosen === area.dataset.answer;
    area.dataset.result = right ? "right" : "not-yet";
    details.hidden = false;
    details.open = true;
    // One plain sentence on screen; the reason is in the open details below, and is read out
    // with the verdict when the reader has just chosen (hidden from sight, not from screen readers).
    feedback.textContent = announce ? `${right ? S.right : S.not_yet} ${fill(S.judged, { judgement: S.labels[area.dataset.answer] })}` : (right ? S.right : S.not_yet);
    if (announce) {
      const reason = document.createElement("span");
      reason.className = "md-visually-hidden";
      reason.textContent = " " + area.querySelector("[data-reason]").textContent.trim();
      feedback.append(reason);
    }
  }

  areas.forEach((area) => {
    area.querySelector("form").addEventListener("submit", (e) => e.preventDefault());
    area.addEventListener("change", (e) => {
      if (e.target.type !== "radio") return;
      answers[area.dataset.area] = e.target.value;
      save();
      show(area, true);
    });
    show(area, false);
  });

  root.querySelector('[data-action="reset"]').addEventListener("click", () => {
    answers = {};
    remove(key);
    areas.forEach((a) => show(a, false));
    root.querySelector("[data-cleared]").textContent = S.cleared;
  });
}

start("review-conference", init);
