// Runs the plan checker (the same module and wording.json the checker page uses) over lines given
// on stdin as JSON [[key, lang, text], ...]; prints [[key, {vague, types, phrases, who, time, check}], ...].
// Called by the scenario loader: node plan_rules.mjs <path to plan-checker-rules.js>
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const { checkPlanItem } = await import(pathToFileURL(process.argv[2]).href);
const lines = JSON.parse(readFileSync(0, "utf8"));
const out = lines.map(([key, lang, text]) => {
  const r = checkPlanItem(text, lang);
  const vague = r.findings.filter((f) => f.severity === "vague");
  return [key, {
    vague: r.vague,
    types: vague.map((f) => f.type),
    phrases: vague.filter((f) => f.phrase).map((f) => f.phrase),
    who: r.features.who, time: r.features.time, check: r.features.check,
  }];
});
process.stdout.write(JSON.stringify(out));
