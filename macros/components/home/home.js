// Home page: "carry on where you left off" on the self-study start, from the progress the
// self-study path keeps on this device (localStorage ecp:self-study:progress, {stepId: date}).
// Without JavaScript, or with no progress yet, the start stays a plain link to the path.
const PROGRESS = "ecp:self-study:progress";

function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

function progress() {
  try {
    const value = JSON.parse(localStorage.getItem(PROGRESS) || "{}");
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

export function resume(root) {
  const data = root.querySelector(".ecp-home__data");
  const box = root.querySelector("[data-study-resume]");
  if (!data || !box || root.dataset.ready) return;
  root.dataset.ready = "true";
  const { steps, words, study, record } = JSON.parse(data.textContent);
  const done = progress();
  const count = steps.filter((s) => done[s.id]).length;
  if (!count) return;
  const next = steps.find((s) => !done[s.id]);
  const link = box.querySelector("[data-study-next]");
  box.querySelector("[data-study-progress]").textContent = fill(words.progress, { done: count, total: steps.length });
  if (next) {
    link.textContent = fill(words.next, { title: next.title });
    link.href = `${study}#step-${next.id}`;
  } else {
    link.textContent = fill(words.done, { total: steps.length });
    link.href = record;
  }
  box.hidden = false;
  root.querySelector("[data-study-start]")?.closest("p")?.setAttribute("hidden", "");
}

const start = () => document.querySelectorAll('[data-component="home"]').forEach(resume);
if (typeof document$ !== "undefined") document$.subscribe(start); else start();
