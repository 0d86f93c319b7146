// The Steps to Change workbook. Kept in localStorage only; nothing is sent anywhere.
// All UI text comes from the page (the root's data-strings); user text is set with .value or
// .textContent only, never as HTML.
import { LIMITS, add, dateFromParts, dateParts, emptyArea, emptyWorkbook, fileName, load, parse, save, validate } from "./store.js";
import { fill } from "../common/fill.js";
import { start, strings } from "../common/start.js";

// Loaded when first needed, so a first visit (nothing saved yet) fetches none of them: chart.js
// (and welsh.js and chart.css with it) once the workbook shown has a rating, errors.js when an import fails,
// welsh.js (which words "Delete all 2 workbooks?") with a saved workbook, or when asked to delete all.
let charts = null; // chart.js, once loaded
const loadCharts = () => import("./chart.js").then(async (m) => { await m.styled; charts = m; return m; });
let words = null; // welsh.js, once loaded
let wordsLoading = null;
const loadWords = () => (wordsLoading ||= import("../common/welsh.js").then((m) => { words = m; return m; },
  (e) => { wordsLoading = null; throw e; }));

const grow = CSS.supports && CSS.supports("field-sizing", "content")
  ? () => {} : (t) => { if (t.tagName === "TEXTAREA") { t.style.height = "auto"; t.style.height = `${t.scrollHeight + 2}px`; } };

function init(root) {
  const w = strings(root), msg = JSON.parse(root.dataset.formStrings || "{}");
  const lang = root.dataset.lang;
  const $ = (sel, r = root) => r.querySelector(sel);
  const app = $(".wb-app"), areasEl = $(".wb-areas"), alertEl = $(".wb-alert"), statusEl = $(".wb-status");
  const savedEl = $(".wb-saved"), warnEl = $(".wb-warning"), choose = $(".wb-choose"), nameIn = $(".wb-name");
  const fileIn = $(".wb-import"), printName = $(".wb-print-name"), addArea = $("[data-act=add-area]");
  const tplArea = $(".wb-tpl-area").content, tplStep = $(".wb-tpl-step").content;
  let state = load();
  let drawing = null; // chart.js on its way to draw the first ratings
  const book = () => state.books[state.current];
  const areaLabel = (a, i) => a.name.trim() || fill(w.area, { n: i + 1 });
  const say = (msg) => { alertEl.textContent = ""; statusEl.textContent = msg; };
  const fresh = () => add(state, emptyWorkbook(fill(w.default_name, { n: Object.keys(state.books).length + 1 }), lang));
  const saved = Object.keys(state.books).length > 0;
  if (!state.current) { const first = Object.keys(state.books)[0]; if (first) state.current = first; else fresh(); }

  function store(touch = true) {
    if (touch) book().updated = new Date().toISOString();
    const ok = save(state);
    if (!ok) { alertEl.textContent = w.storage_error; savedEl.textContent = ""; } else savedEl.textContent = w.saved;
    return ok;
  }

  function ids(node, prefix) {
    const each = (sel, fn) => [node, ...node.querySelectorAll(sel)].forEach((e) => e.matches(sel) && fn(e));
    each("[data-id]", (e) => { e.id = prefix + e.dataset.id; });
    each("[data-for]", (e) => { e.htmlFor = prefix + e.dataset.for; });
    each("[data-desc]", (e) => e.setAttribute("aria-describedby", prefix + e.dataset.desc));
    each("[data-lby]", (e) => e.setAttribute("aria-labelledby", prefix + e.dataset.lby));
  }

  function ratings(sec, a, i) {
    const has = a.ratings.length > 0;
    $(".wb-chart", sec).hidden = !has;
    $(".wb-table-wrap", sec).hidden = !has;
    $(".wb-no-ratings", sec).hidden = has;
    if (!has) return;
    // The first ratings wait for chart.js; the rest of the workbook does not.
    if (!charts) { drawing = loadCharts().then(() => ratings(sec, a, i)); return; }
    const { byDate, chart, formatDate, unquote } = charts;
    $(".wb-chart-svg", sec).replaceChildren(chart(a.ratings, w, areaLabel(a, i)));
    $("caption", sec).textContent = fill(w.chart_title, { name: unquote(areaLabel(a, i)) });
    const heads = [...sec.querySelectorAll("thead th")].map((th) => th.textContent);
    const order = byDate(a.ratings.map((r, k) => ({ ...r, k })));
    $("tbody", sec).replaceChildren(...order.map((r) => {
      const tr = document.createElement("tr");
      const date = formatDate(r.date, w);
      [date, r.meeting, r.family, r.professionals, r.moved, ""].forEach((v, k) => {
        const td = tr.insertCell();
        td.textContent = v;
        td.dataset.label = heads[k];
      });
      const cell = tr.cells[5];
      cell.className = "wb-act-col";
      for (const [act, label, aria, kind] of [["edit-rating", w.edit, w.edit_rating, ""], ["remove-rating", w.remove, w.remove_rating, " wb-danger"]]) {
        const b = document.createElement("button");
        Object.assign(b, { type: "button", className: `wb-btn wb-small${kind}`, textContent: label });
        b.dataset.act = act; b.dataset.r = r.k;
        b.setAttribute("aria-label", fill(aria, { date }));
        cell.append(b);
      }
      return tr;
    }));
  }

  function area(a, i) {
    const sec = tplArea.cloneNode(true).firstElementChild;
    sec.dataset.area = i;
    ids(sec, `wb-a${i}-`);
    $(".wb-area-num", sec).textContent = fill(w.area, { n: i + 1 });
    $(".wb-area-name", sec).textContent = a.name.trim() ? `: ${a.name}` : "";
    sec.querySelectorAll("[data-k]").forEach((f) => { f.value = a[f.dataset.k]; });
    $(".wb-step-list", sec).append(...a.steps.map((s, j) => {
      const li = tplStep.cloneNode(true).firstElementChild;
      li.dataset.step = j;
      ids(li, `wb-a${i}-s${j}-`);
      $("legend", li).textContent = fill(w.step, { n: j + 1 });
      $("[data-act=remove-step]", li).textContent = fill(w.remove_step, { n: j + 1 });
      li.querySelectorAll("[data-sk]").forEach((f) => { f.value = s[f.dataset.sk]; });
      return li;
    }));
    $("[data-act=add-step]", sec).disabled = a.steps.length >= LIMITS.steps;
    ratings(sec, a, i);
    return sec;
  }

  function render(focus) {
    const b = book();
    choose.replaceChildren(...Object.entries(state.books).map(([id, x]) => new Option(x.name, id, false, id === state.current)));
    nameIn.value = b.name;
    printName.textContent = b.name;
    printName.dataset.printFamily = b.name;  // the printed pages' running header
    areasEl.replaceChildren(...b.areas.map(area));
    areasEl.querySelectorAll("textarea").forEach(grow);
    warnEl.textContent = b.areas.length > 3 ? w.fourth_warning : "";
    warnEl.hidden = b.areas.length <= 3;
    addArea.disabled = b.areas.length >= LIMITS.areas;
    if (focus) { const f = root.querySelector(focus); if (f) f.focus(); }
  }

  function download() {
    const b = validate(book()).value;
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([`${JSON.stringify(b, null, 2)}\n`], { type: "application/json" }));
    a.download = fileName(b);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 2000);
    say(fill(w.exported, { file: a.download }));
  }

  const empty = (b) => b.areas.every((a) => !a.steps.length && !a.ratings.length
    && !["name", "not_good_enough", "good_enough", "contingency"].some((k) => a[k].trim()));

  async function importFile(file) {
    say("");
    let r;
    if (file.size > LIMITS.file) r = { ok: false, code: "size" };
    else { try { r = parse(await file.text()); } catch { r = { ok: false, code: "read" }; } }
    fileIn.value = "";
    if (!r.ok) {
      const why = { size: w.err_size, json: w.err_json, format: w.err_format, version: w.err_version, read: w.err_read };
      statusEl.textContent = "";
      alertEl.textContent = `${w.err_not_imported} ${why[r.code] || (await import("./errors.js")).describe(r.path, w)}`;
      return;
    }
    if (!empty(book()) && !confirm(fill(w.confirm_import, { name: book().name, file: r.value.name }))) return;
    const before = book();
    state.books[state.current] = r.value;
    if (!store(false)) { state.books[state.current] = before; return; }
    render();
    say(fill(w.imported, { name: r.value.name }));
  }

  app.addEventListener("input", (e) => {
    const t = e.target, sec = t.closest("[data-area]");
    grow(t);
    if (t === nameIn) {
      if (!t.value.trim()) return;
      book().name = t.value;
      printName.textContent = t.value;
      printName.dataset.printFamily = t.value;
      choose.selectedOptions[0].textContent = t.value;
    } else if (sec && t.dataset.k) {
      const i = +sec.dataset.area, a = book().areas[i];
      a[t.dataset.k] = t.value;
      if (t.dataset.k === "name") { $(".wb-area-name", sec).textContent = t.value.trim() ? `: ${t.value}` : ""; ratings(sec, a, i); }
    } else if (sec && t.dataset.sk) {
      book().areas[+sec.dataset.area].steps[+t.closest("[data-step]").dataset.step][t.dataset.sk] = t.value;
    } else return;
    store();
  });

  app.addEventListener("change", (e) => {
    if (e.target === choose) { state.current = choose.value; save(state); render(); say(""); }
    else if (e.target === fileIn && fileIn.files[0]) importFile(fileIn.files[0]);
  });

  // GOV.UK errors: a summary at the top of the form (focused, each message a link to its field)
  // and the same message above the field, whose boxes are marked. Nothing the reader typed is lost.
  function showErrors(form, errors) {
    const summary = $(".wb-error-summary", form), list = $("ul", summary);
    form.querySelectorAll("[data-error]").forEach((group) => {
      const on = errors.find((x) => x.group === group.dataset.error), note = $(".wb-error-message", group);
      group.classList.toggle("wb-field--error", !!on);
      note.hidden = !on;
      note.lastElementChild.textContent = on ? on.text : "";
      group.querySelectorAll("input, select").forEach((el) => {
        const bad = !!on && on.fields.includes(el);
        el.classList.toggle("wb-input--error", bad);
        if (bad) el.setAttribute("aria-invalid", "true"); else el.removeAttribute("aria-invalid");
      });
      const described = $(group.dataset.error === "date" ? "fieldset" : "select", group);
      described.dataset.hint ??= described.getAttribute("aria-describedby") || "";
      const ids = [described.dataset.hint, on ? note.id : ""].filter(Boolean).join(" ");
      if (ids) described.setAttribute("aria-describedby", ids); else described.removeAttribute("aria-describedby");
    });
    list.replaceChildren(...errors.map((x) => {
      const li = document.createElement("li"), link = document.createElement("a");
      link.href = `#${x.fields[0].id}`;
      link.textContent = x.text;
      link.addEventListener("click", (ev) => { ev.preventDefault(); x.fields[0].focus(); });
      li.append(link);
      return li;
    }));
    summary.hidden = !errors.length;
    if (errors.length) summary.focus();
  }

  app.addEventListener("submit", (e) => {
    const form = e.target.closest(".wb-rate");
    if (!form) return;
    e.preventDefault();
    const i = +form.closest("[data-area]").dataset.area, a = book().areas[i], f = form.elements;
    const box = { day: f["date-day"], month: f["date-month"], year: f["date-year"] };
    const date = dateFromParts(box.day.value, box.month.value, box.year.value);
    const errors = [];
    if (!date.ok) errors.push({ group: "date", text: msg[`date_${date.code}`], fields: date.parts.map((k) => box[k]) });
    for (const k of ["family", "professionals"]) if (!f[k].value) errors.push({ group: k, text: msg[`${k}_missing`], fields: [f[k]] });
    showErrors(form, errors);
    if (errors.length) return;
    const r = { date: date.value, meeting: f.meeting.value, family: +f.family.value, professionals: +f.professionals.value, moved: f.moved.value };
    if (form.dataset.edit !== undefined) a.ratings[+form.dataset.edit] = r;
    else if (a.ratings.length < LIMITS.ratings) a.ratings.push(r);
    store();
    render(`#wb-a${i}-rdate-day`);
    say(w.saved);
  });

  app.addEventListener("click", (e) => {
    const btn = e.target.closest("[data-act]");
    if (!btn) return;
    const sec = btn.closest("[data-area]"), i = sec ? +sec.dataset.area : -1, b = book(), a = b.areas[i];
    const act = btn.dataset.act;
    if (act === "new") { fresh(); store(); render(".wb-name"); say(""); }
    else if (act === "export") download();
    else if (act === "print" || act === "print-blank") {
      if (act === "print-blank") document.documentElement.dataset.wbPrint = "blank";
      window.print();
      setTimeout(() => delete document.documentElement.dataset.wbPrint, 0);
    } else if (act === "delete") {
      if (!confirm(fill(w.confirm_delete, { name: b.name }))) return;
      delete state.books[state.current];
      state.current = Object.keys(state.books)[0] || null;
      save(state);
      if (!state.current) fresh();
      render(".wb-choose");
      say(w.deleted);
    } else if (act === "delete-all") {
      const n = Object.keys(state.books).length;
      const ask = ({ count, plural }) => {
        if (!confirm(fill(plural(w, "confirm_delete_all", n), { workbooks: count(n, "workbook") }))) return;
        state = { current: null, books: {} };
        save(state);
        fresh();
        render(".wb-choose");
        say(w.deleted_all);
      };
      if (words) ask(words); else loadWords().then(ask);
    } else if (act === "add-area") {
      b.areas.push(emptyArea());
      store();
      render(`#wb-a${b.areas.length - 1}-name`);
    } else if (act === "remove-area") {
      if (!confirm(fill(w.confirm_remove_area, { name: areaLabel(a, i) }))) return;
      b.areas.splice(i, 1);
      store();
      render("[data-act=add-area]");
    } else if (act === "add-step") {
      a.steps.push({ text: "", who: "", by: "" });
      store();
      render(`#wb-a${i}-s${a.steps.length - 1}-text`);
    } else if (act === "remove-step") {
      a.steps.splice(+btn.closest("[data-step]").dataset.step, 1);
      store();
      render(`[data-area="${i}"] [data-act=add-step]`);
    } else if (act === "remove-rating") {
      const r = a.ratings[+btn.dataset.r];
      if (!confirm(fill(w.confirm_remove_rating, { date: charts.formatDate(r.date, w) }))) return;
      a.ratings.splice(+btn.dataset.r, 1);
      store();
      render(`#wb-a${i}-rdate-day`);
    } else if (act === "edit-rating") {
      const r = a.ratings[+btn.dataset.r], form = $(".wb-rate", sec), f = form.elements;
      form.dataset.edit = btn.dataset.r;
      for (const k of ["meeting", "family", "professionals", "moved"]) f[k].value = r[k];
      [f["date-day"].value, f["date-month"].value, f["date-year"].value] = dateParts(r.date);
      $("[type=submit]", form).textContent = w.save_rating;
      f["date-day"].focus();
    }
  });

  addEventListener("afterprint", () => delete document.documentElement.dataset.wbPrint);
  app.hidden = false;
  render();
  // Ready once chart.js has drawn the ratings and, for saved workbooks, welsh.js is here.
  return Promise.all([drawing, saved && loadWords().catch(() => {})]);
}

start("steps-workbook", init);
