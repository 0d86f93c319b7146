// The plan checker module, under Node: the same module and the same wording.json the page uses.
// Run: node --test tests/node/
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

import {
  checkPlanItem, checkPlan, detectLanguage, createChecker, wording, mutations,
} from "../../macros/components/plan-checker/plan-checker-rules.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MODULE = path.join(ROOT, "macros/components/plan-checker/plan-checker-rules.js");
const LABELLED = JSON.parse(readFileSync(path.join(ROOT, "tests/node/fixtures/labelled-lines.json"), "utf8"));
const LANGS = ["en", "cy"];
const other = (lang) => (lang === "en" ? "cy" : "en");

/** Every rewrite in every scenario file, read through the project's own loader (pydantic). */
function scenarioRewrites() {
  const venv = path.join(ROOT, ".venv/bin/python");
  const python = existsSync(venv) ? venv : "python3";
  const code = [
    "import json, sys", "sys.path.insert(0, '.')", "from macros.loader import load_all",
    "print(json.dumps({sid: [r.model_dump(mode='json') for r in s.rewrites] for sid, s in load_all().items()}))",
  ].join("\n");
  return JSON.parse(execFileSync(python, ["-c", code], { cwd: ROOT, encoding: "utf8" }));
}
const SCENARIOS = scenarioRewrites();

const describe = (r) => `${r.vague ? "VAGUE" : "ok"} [${r.lang}] ${r.text}\n   ${r.findings.map((f) => `${f.type}:${f.severity}${f.phrase ? `(${f.phrase})` : ""}`).join(", ")}`;

test("the module has no DOM dependency and exports checkPlanItem", () => {
  const source = readFileSync(MODULE, "utf8");
  assert.doesNotMatch(source, /\b(document|window|localStorage|navigator)\b/);
  const r = checkPlanItem("Parents to engage with services.", "en");
  assert.equal(typeof r.vague, "boolean");
  assert.ok(Array.isArray(r.findings));
});

test("every scenario's vague items are flagged and every concrete rule passes, in both languages", () => {
  const figures = {};
  let seen = 0;
  for (const [sid, rewrites] of Object.entries(SCENARIOS)) {
    for (const rw of rewrites) {
      for (const lang of LANGS) {
        figures[lang] ??= { vague: 0, caught: 0, concrete: 0, passed: 0 };
        // As typed on a page in the same language, and on the other language's page.
        for (const page of [lang, other(lang)]) {
          const v = checkPlanItem(rw.vague[lang], page);
          assert.ok(v.vague, `${sid}/${rw.id} vague item not flagged (${lang}, page ${page}):\n${describe(v)}`);
          assert.equal(v.lang, lang, `${sid}/${rw.id}: language of the vague item`);
          for (const rule of rw.rules) {
            const c = checkPlanItem(rule.text[lang], page);
            assert.ok(!c.vague, `${sid}/${rw.id} concrete rule flagged (${lang}, page ${page}):\n${describe(c)}`);
          }
        }
        figures[lang].vague += 1;
        figures[lang].caught += 1;
        figures[lang].concrete += rw.rules.length;
        figures[lang].passed += rw.rules.length;
        seen += 1;
      }
    }
  }
  assert.ok(seen >= 2, "no scenario rewrites found");
  for (const lang of LANGS) {
    const f = figures[lang];
    console.log(`scenarios (${Object.keys(SCENARIOS).length} files) ${lang}: vague caught ${f.caught}/${f.vague}, concrete passed ${f.passed}/${f.concrete}`);
  }
});

test("labelled lines: at least 40 per language, every vague line caught, every concrete line passed", () => {
  for (const lang of LANGS) {
    const { vague, concrete } = LABELLED[lang];
    assert.ok(vague.length + concrete.length >= 40, `${lang}: only ${vague.length + concrete.length} labelled lines`);
    const missed = vague.map((l) => checkPlanItem(l, lang)).filter((r) => !r.vague);
    const nagged = concrete.map((l) => checkPlanItem(l, lang)).filter((r) => r.vague);
    console.log(`labelled ${lang}: vague caught ${vague.length - missed.length}/${vague.length}, concrete passed ${concrete.length - nagged.length}/${concrete.length}`);
    assert.deepEqual(missed.map(describe), [], `${lang}: vague lines missed`);
    assert.deepEqual(nagged.map(describe), [], `${lang}: concrete lines flagged`);
  }
});

test("each labelled line's language is detected, whatever the page language", () => {
  for (const lang of LANGS) {
    for (const line of [...LABELLED[lang].vague, ...LABELLED[lang].concrete]) {
      assert.equal(detectLanguage(line, other(lang)), lang, line);
      assert.equal(checkPlanItem(line, other(lang)).vague, LABELLED[lang].vague.includes(line), line);
    }
  }
});

test("standing rules are concrete without a date, and get no findings at all", () => {
  for (const [line, lang] of [
    ["No alcohol will be kept in the home.", "en"],
    ["No-one will drink alcohol in the house.", "en"],
    ["Nobody will smoke cannabis in the flat.", "en"],
    ["Ni fydd alcohol yn cael ei gadw yn y cartref.", "cy"],
    ["Fydd neb yn yfed alcohol yn y tŷ.", "cy"],
    ["Ni chaiff Darren ddod i'r tŷ ar unrhyw adeg.", "cy"],
  ]) {
    const r = checkPlanItem(line, lang);
    assert.equal(r.vague, false, describe(r));
    assert.deepEqual(r.findings, [], describe(r));
  }
});

test("findings carry the fixing question and a link to the guidance section", () => {
  const r = checkPlanItem("Parents to engage with services.", "en");
  const types = r.findings.map((f) => f.type);
  assert.ok(types.includes("vague-phrase"));
  assert.ok(types.includes("no-person"));
  assert.ok(types.includes("no-time"));
  for (const f of r.findings) {
    assert.ok(f.message && f.question, JSON.stringify(f));
    assert.match(f.href, /^practice\/plans\/#(phrases-to-avoid|smart|contingency|both-parents|child-safe-role)$/);
  }
  const phrase = r.findings.find((f) => f.type === "vague-phrase");
  assert.equal(phrase.phrase, "engage");
  assert.equal(phrase.section, "phrases-to-avoid");
  // Messages come back in the page language, whatever the line's language.
  const cy = checkPlanItem("Parents to engage with services.", "cy");
  assert.match(cy.findings[0].message, /Geiriad annelwig/);
  assert.equal(cy.lang, "en");
});

test("tricky concrete lines: support worker, will check, passive with a named person", () => {
  for (const line of [
    "The family support worker will visit every Tuesday at 10am.",
    "Nain will check on the children every Saturday morning.",
    "The children will be collected from school by Nain at 3.15pm each day.",
    "If he comes to the house, she will not open the door and will ring 999.",
  ]) {
    const r = checkPlanItem(line, "en");
    assert.equal(r.vague, false, describe(r));
  }
  for (const line of [
    "Bydd y gweithiwr cymorth i deuluoedd yn ymweld bob dydd Mawrth am 10yb.",
    "Bydd Nain yn gwirio'r plant bob bore Sadwrn.",
  ]) {
    const r = checkPlanItem(line, "cy");
    assert.equal(r.vague, false, describe(r));
  }
});

test("Welsh vague words are caught in their mutated forms", () => {
  for (const [line, phrase] of [
    ["Rhieni i fonitro'r sefyllfa.", "fonitro"],
    ["Mam i gefnogi'r plant.", "gefnogi"],
    ["Bydd Dad yn ei chefnogi hi.", "chefnogi"],
    ["Bydd Dad yn barod i gydweithredu.", "gydweithredu"],
    ["Rhaid i Mam fynd i'r afael â'r yfed.", "fynd i'r afael"],
    ["Dad i barhau i weithio gyda gwasanaethau.", "barhau i"],
    ["Bydd y rhieni yn ymgysylltu'n llawn.", "ymgysylltu"],
    ["Bydd Mam yn agored ac yn onest.", "agored ac yn onest"],
  ]) {
    const r = checkPlanItem(line, "cy");
    assert.ok(r.vague, describe(r));
    assert.ok(r.findings.some((f) => f.type === "vague-phrase" && f.phrase.startsWith(phrase)), `${phrase}: ${describe(r)}`);
  }
  assert.ok(mutations("cefnogi").includes("nghefnogi"));
});

test("whole plan: no contingency, every action on one parent, and a plan that has both", () => {
  const bad = checkPlan([
    "From 1 March, Mum will take Jac to nursery every weekday by 9am.",
    "Mum will keep the kitchen floor clear every evening; the health visitor will look at each visit.",
  ], "en");
  const types = bad.findings.map((f) => f.type);
  assert.ok(types.includes("no-contingency"), types);
  assert.ok(types.includes("one-parent"), types);
  assert.equal(bad.counts.lines, 2);

  const good = checkPlan([
    "From 1 March, Mum will take Jac to nursery every weekday by 9am.",
    "Dad will cook tea for the children on Tuesdays and Thursdays.",
    "If Mum has been drinking, Dad will look after Jac and phone Nain.",
  ].join("\n"), "en");
  assert.deepEqual(good.findings.filter((f) => f.type !== "child-role").map((f) => f.type), []);

  const cy = checkPlan("Bydd Mam yn mynd â Jac i'r feithrinfa bob bore erbyn 9yb.\nBydd Mam yn clirio'r gegin bob nos.", "cy");
  assert.ok(cy.findings.some((f) => f.type === "one-parent"));
  assert.ok(cy.findings.some((f) => f.type === "no-contingency"));
  assert.match(cy.findings[0].message, /[a-z]/);
});

test("blank lines and bullets are ignored", () => {
  const r = checkPlan("\n- No alcohol will be kept in the home.\n\n  2. Parents to engage.\n", "en");
  assert.equal(r.items.length, 2);
  assert.equal(r.items[0].vague, false);
  assert.equal(r.items[1].vague, true);
});

test("the word lists are data: a new phrase works without touching code", () => {
  const line = "From 1 March, Dad will touch base with the social worker every Monday.";
  assert.equal(checkPlanItem(line, "en").vague, false);
  const extended = structuredClone(wording);
  extended.en.vague[0].phrases.push("touch base");
  extended.cy.vague[0].phrases.push("cadw mewn cysylltiad");
  const custom = createChecker(extended);
  const r = custom.checkPlanItem(line, "en");
  assert.equal(r.vague, true);
  assert.equal(r.findings[0].phrase, "touch base");
  // Welsh entries match their mutations too.
  assert.equal(custom.checkPlanItem("Bydd Dad yn gadw mewn cysylltiad bob dydd Llun.", "cy").vague, true);
  // Both languages in every message.
  for (const [type, entry] of Object.entries(wording.findings)) {
    for (const lang of LANGS) assert.ok(entry[lang]?.message && entry[lang]?.question, `${type} ${lang}`);
  }
});
