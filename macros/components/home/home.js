// Home page: "carry on where you left off" on the self-study start, from the progress the
// self-study path keeps on this device (localStorage ecp:self-study:progress, {stepId: date}).
// Without JavaScript, or with no progress yet, the start stays a plain link to the path.
// welsh.js (for "5 steps" / "5 cam") loads only when there is progress to show.
import { fill } from "../common/fill.js";
import { start, strings } from "../common/start.js";
import { readObject } from "../common/storage.js";

export async function resume(root) {
  const box = root.querySelector("[data-study-resume]");
  if (!box) return;
  const words = strings(root);
  const steps = JSON.parse(root.dataset.steps || "[]");
  const done = readObject("self-study:progress");
  const count = steps.filter((s) => done[s.id]).length;
  if (!count) return;
  const { count: welshCount } = await import("../common/welsh.js");
  const next = steps.find((s) => !done[s.id]);
  const link = box.querySelector("[data-study-next]");
  box.querySelector("[data-study-progress]").textContent = fill(words.progress, { done: count, steps: welshCount(steps.length, "step") });
  if (next) {
    link.textContent = fill(words.next, { title: next.title });
    link.href = `${root.dataset.study}#step-${next.id}`;
  } else {
    link.textContent = fill(words.done, { steps: welshCount(steps.length, "step") });
    link.href = root.dataset.record;
  }
  box.hidden = false;
  root.querySelector("[data-study-start]")?.closest("p")?.setAttribute("hidden", "");
}

start("home", resume);
