"""The self-study path: an ordered route through the portal with "mark as done" controls, and a
printable learning record. Progress and reflections are kept in the browser only (localStorage,
keys `ecp:self-study:*`), by docs/assets/components/self-study/self-study.js.

Each step's `id` is stable: it names the step's anchor (#step-<id>) and its saved progress.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..context import here
from ..strings import for_prefix


@dataclass(frozen=True)
class Step:
    id: str
    path: str          # site path without the language prefix, e.g. "elements/change/"
    minutes: int
    title: dict
    what: dict


STEPS = (
    Step("home", "", 10,
         {"en": "Start here: what Effective Child Protection is", "cy": "Dechrau yma: beth yw Amddiffyn Plant yn Effeithiol"},
         {"en": "Read the question the approach starts from, and meet the four elements.",
          "cy": "Darllenwch y cwestiwn y mae'r dull yn dechrau ohono, a dewch i adnabod y pedair elfen."}),
    Step("elements", "elements/", 10,
         {"en": "The four elements together", "cy": "Y pedair elfen gyda'i gilydd"},
         {"en": "See how Conversations, Thresholds, Change and Measure fit together.",
          "cy": "Gwelwch sut mae Sgyrsiau, Trothwyon, Newid a Mesur yn ffitio i'w gilydd."}),
    Step("conversations", "elements/conversations/", 25,
         {"en": "Conversations", "cy": "Sgyrsiau"},
         {"en": "Collaborative Conversations: talking with families so they are not pushed into defending themselves.",
          "cy": "Sgyrsiau Cydweithredol: siarad gyda theuluoedd fel nad ydyn nhw'n cael eu gwthio i'w hamddiffyn eu hunain."}),
    Step("thresholds", "elements/thresholds/", 25,
         {"en": "Thresholds", "cy": "Trothwyon"},
         {"en": "The Risk Model, and why the threshold of significant harm is a human-rights decision.",
          "cy": "Y Model Risg, a pham mae trothwy niwed arwyddocaol yn benderfyniad hawliau dynol."}),
    Step("change", "elements/change/", 25,
         {"en": "Change", "cy": "Newid"},
         {"en": "Naming the key areas of change (often three are enough), and what not good enough and good enough care look like.",
          "cy": "Enwi'r prif feysydd newid (yn aml mae tri yn ddigon), a sut olwg sydd ar ofal nad yw'n ddigon da ac ar ofal digon da."}),
    Step("measure", "elements/measure/", 25,
         {"en": "Measure", "cy": "Mesur"},
         {"en": "Steps to Change: scoring progress from 1 to 10 in the family's own words.",
          "cy": "Camau tuag at Newid: rhoi sgôr i gynnydd o 1 i 10 yng ngeiriau'r teulu ei hun."}),
    Step("conference", "practice/conference/", 30,
         {"en": "The strengths-based conference", "cy": "Y gynhadledd sy'n seiliedig ar gryfderau"},
         {"en": "The four-domain grid, the safety scale, and the child's pen picture.",
          "cy": "Y grid pedair rhan, y raddfa ddiogelwch, a'r portread o'r plentyn."}),
    Step("plans", "practice/plans/", 30,
         {"en": "Writing the plan", "cy": "Ysgrifennu'r cynllun"},
         {"en": "SMART plans, the phrases to avoid, contingency, both parents and the child's safe role.",
          "cy": "Cynlluniau SMART, yr ymadroddion i'w hosgoi, cynllun wrth gefn, y ddau riant a rôl ddiogel y plentyn."}),
    Step("reports", "practice/reports/", 20,
         {"en": "Reports to conference and core groups", "cy": "Adroddiadau i gynadleddau a grwpiau craidd"},
         {"en": "Worries, positives and changes, shared with parents in good time.",
          "cy": "Pryderon, pethau cadarnhaol a newidiadau, wedi'u rhannu gyda rhieni mewn da bryd."}),
    Step("thinking", "practice/thinking-critically/", 20,
         {"en": "Thinking critically", "cy": "Meddwl yn feirniadol"},
         {"en": "Common pitfalls, and moving from conveyor-belt practice to reflective practice.",
          "cy": "Camgymeriadau cyffredin, a symud o ymarfer cludfelt i ymarfer myfyriol."}),
    Step("case-studies", "case-studies/", 45,
         {"en": "Work through a case study", "cy": "Gweithio drwy astudiaeth achos"},
         {"en": "Sort a fictional family's story into the four domains and compare your view on the safety scale.",
          "cy": "Trefnwch stori teulu dychmygol i bedair rhan y grid a chymharwch eich barn ar y raddfa ddiogelwch."}),
    Step("rewrites", "plans/rewrites/", 30,
         {"en": "Worked plan rewrites", "cy": "Enghreifftiau o ailysgrifennu cynllun"},
         {"en": "See vague plan items turned into concrete safety rules.",
          "cy": "Gwelwch eitemau annelwig mewn cynllun yn troi'n rheolau diogelwch pendant."}),
    Step("checker", "plans/checker/", 20,
         {"en": "Check a plan item", "cy": "Gwirio eitem mewn cynllun"},
         {"en": "Test your own wording for vague phrases and missing detail.",
          "cy": "Gwiriwch eich geiriad eich hun am ymadroddion annelwig a manylion sydd ar goll."}),
    Step("workbook", "steps/workbook/", 30,
         {"en": "Steps to Change workbook", "cy": "Llyfr gwaith Camau tuag at Newid"},
         {"en": "Try the workbook on one area of change from a case you know, with the family's words.",
          "cy": "Rhowch gynnig ar y llyfr gwaith gydag un maes newid o achos rydych chi'n ei adnabod, yng ngeiriau'r teulu."}),
    Step("mentoring", "learn/mentoring/", 15,
         {"en": "Take it to supervision", "cy": "Mynd ag ef i oruchwyliaeth"},
         {"en": "Read how mentors use the portal, and bring your learning record to your next session.",
          "cy": "Darllenwch sut mae mentoriaid yn defnyddio'r porth, a dewch â'ch cofnod dysgu i'ch sesiwn nesaf."}),
)

RECORD_FIELDS = ("learned", "practice", "supervision")


def _ui(lang: str) -> dict:
    return {**for_prefix("study", lang), **{f"record.{k}": v for k, v in for_prefix("record", lang).items()}}


def register(env):
    @env.macro
    def self_study(part: str = "steps") -> str:
        """The route ('steps') or the learning record ('record')."""
        if part not in ("steps", "record"):
            raise ValueError(f"self_study: unknown part '{part}'")
        h = here(env)
        steps = [{"id": s.id, "href": s.path, "minutes": s.minutes,
                  "title": s.title[h.lang], "what": s.what[h.lang]} for s in STEPS]
        total = sum(s.minutes for s in STEPS)
        return h.render("self-study", part=part, steps=steps, fields=RECORD_FIELDS,
                        hours=round(total / 60 * 2) / 2, ui_json=_ui(h.lang))
