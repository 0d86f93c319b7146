// The review conference: the learner judges each area (real change, or compliance without change),
// gets the scenario's feedback, and the answers are kept under ecp:review:<scenario>.
const fmt = (s, v) => s.replace(/\{(\w+)\}/g, (_, k) => v[k]);

function init(root) {
  root.dataset.ready = "true";
  const S = JSON.parse(root.dataset.strings);
  const key = root.dataset.key;
  const areas = [...root.querySelectorAll("[data-area]")];
  let answers = {};
  try { answers = JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch { /* ignore */ }
  const save = () => { try { localStorage.setItem(key, JSON.stringify(answers)); } catch { /* full or blocked */ } };

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
    const text = `${right ? S.right : S.not_yet} ${fmt(S.judged, { judgement: S.labels[area.dataset.answer] })} ` +
      area.querySelector("[data-reason]").textContent.trim();
    // On load (answers restored), show the short verdict; the reason is in the open details.
    feedback.textContent = announce ? text : (right ? S.right : S.not_yet);
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
    try { localStorage.removeItem(key); } catch { /* ignore */ }
    areas.forEach((a) => show(a, false));
    root.querySelector("[data-cleared]").textContent = S.cleared;
  });
}

document.querySelectorAll('[data-component="review-conference"]:not([data-ready])').forEach(init);
