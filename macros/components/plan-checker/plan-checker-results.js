// The plan checker's results, drawn as DOM nodes (text only: never innerHTML). Loaded with the
// checker's rules when the reader first reaches the checker (plan-checker.js).
import { fill } from "../common/fill.js";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

/** The line with the vague phrases wrapped in <mark>. Text only: never innerHTML. */
export function lineText(item) {
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

export function findingItem(f, words, guide) {
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

/** Fill the page's lists with a check's findings: the plan as a whole, then line by line, with
 * the summary's counts and a link to each vague line. */
export function draw(result, { words, guide, lang, planList, lineList, summary }) {
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
}
