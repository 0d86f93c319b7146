"""The scenario schema: one YAML file per fictional family, both languages in one file.

Every text field is a `Text` ({en: ..., cy: ...}). The file name is the scenario's id.
The Steps to Change part (`Area`) is generic over its text type, so the same model
validates a scenario (bilingual `Text`) and a workbook export (plain `str`).
"""
from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Generic, Literal, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .i18n import LANGS  # noqa: E402,F401
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"  # an id: lower-case letters, digits and hyphens
Slug = Field(pattern=SLUG, min_length=1, max_length=60)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Text(Strict):
    """A text in both languages. Plain text with limited Markdown; HTML is shown as text."""

    en: str = Field(min_length=1)
    cy: str = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _both_languages(cls, data):
        if isinstance(data, str):
            raise ValueError("needs both languages, as a map {en: ..., cy: ...}")
        if isinstance(data, dict):
            for lang, name in (("en", "English"), ("cy", "Welsh")):
                value = data.get(lang)
                if value is None or (isinstance(value, str) and not value.strip()):
                    raise ValueError(f"missing {name} text ({lang})")
        return data

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


class Domain(str, Enum):
    worry_concern = "worry-concern"
    worry_impact = "worry-impact"
    working_well = "working-well"
    grey_area = "grey-area"
    needs_to_change = "needs-to-change"


class Theme(str, Enum):
    alcohol = "alcohol"
    drugs = "drugs"
    domestic_abuse = "domestic-abuse"
    neglect = "neglect"
    mental_health = "mental-health"
    pre_birth = "pre-birth"
    home_conditions = "home-conditions"


class Mark(str, Enum):
    """What makes a plan rule concrete."""

    who = "who"
    what = "what"
    when = "when"
    check = "check"
    contingency = "contingency"
    child = "child"


class Person(Strict):
    id: str = Field(pattern=SLUG, min_length=1, max_length=60, description="Short id: lower-case letters, digits and hyphens, unique among the people (e.g. rhian). The conference's invitation and report name people by it.")
    name: str = Field(min_length=1, description="Full name as the documents use it, first name first.")
    role: Text = Field(description="Their place in the family: Mother, Father, Sister, Nain (grandmother)...")
    relation: Text = Field(description="How they relate to the child, and anything the reader needs (lives elsewhere, works shifts).")
    lives_in_home: bool = Field(description="true if they live in the child's home, false if not.")
    age: Optional[Text] = Field(default=None, description="Optional, and not shown on the pages: write an age that matters in relation instead.")


class Child(Strict):
    name: str = Field(min_length=1, description="The child's first name, as the pages use it.")
    age: Text = Field(description="Age as a phrase, e.g. {en: 20 months old, cy: 20 mis oed}.")
    pen_picture: Text = Field(description="Who the child is: what they love and how they are doing, in two or three sentences.")
    daily_life: Text = Field(description="A typical day for the child, where the worry shows.")


class Statement(Strict):
    id: str = Field(pattern=SLUG, min_length=1, max_length=60, description="Short id, unique among the statements (lower-case letters, digits and hyphens).")
    text: Text = Field(description="One fact a practitioner could check, as it would be written on a flip chart.")
    domain: Domain = Field(description="The model answer: worry-concern, worry-impact, working-well, grey-area or needs-to-change.")
    also_accept: list[Domain] = Field(default_factory=list, description="Other domains a learner may fairly choose (the answer then shows as arguable). Never repeat the domain itself.")
    explanation: Text = Field(description="Why it belongs in that domain: what the learner should notice, in one to three sentences.")

    @property
    def arguable(self) -> bool:
        return bool(self.also_accept)

    @property
    def accepted(self) -> list[str]:
        return [self.domain.value, *[d.value for d in self.also_accept]]


class ScaleView(Strict):
    who: Text = Field(description="Who gives the score, e.g. {en: Rhian (Mum), cy: Rhian (Mam)} or {en: Health visitor, cy: Ymwelydd iechyd}.")
    kind: Literal["parent", "professional"] = Field(description="parent or professional.")
    score: int = Field(ge=0, le=10, description="0 (very dangerous, harm very likely) to 10 (safe enough for child protection to end).")
    reason: Text = Field(description="Their reason, in their own voice: at least 8 words in each language.")


class Rule(Strict):
    text: Text = Field(description="One rule: a named person does a concrete thing at a set time or on a standing rule.")
    marks: list[Mark] = Field(min_length=1, description="What makes it concrete, one or more of: who, what, when, check, contingency, child.")


class Rewrite(Strict):
    id: str = Field(pattern=SLUG, min_length=1, max_length=60, description="Short id, unique among the rewrites.")
    theme: Theme = Field(description="The theme this rewrite belongs to (one of the case's themes).")
    vague: Text = Field(description="The vague plan item as plans often word it (engage, ensure, support, monitor...).")
    why_vague: Text = Field(description="Why it does not work: who, what, when or how it is checked is missing.")
    rules: list[Rule] = Field(min_length=1, description="The concrete rules that replace it. Together they carry the marks who, what, when, check and contingency, and at least one rule gives a child a safe role (mark child).")
    both_parents: Optional[Text] = Field(default=None, description="How the rewrite includes both parents.")


T = TypeVar("T")


class Step(Strict, Generic[T]):
    text: T = Field(description="What will happen.")
    who: T = Field(description="Who does it, or helps.")
    by: T = Field(description="When: a date, a time limit or a standing rule ('Within two weeks', '1 July'). The page already says 'By', so do not start with it.")


class Rating(Strict, Generic[T]):
    date: dt.date = Field(description="The meeting's date, YYYY-MM-DD. The first rating is dated the initial conference, the first core-group rating the first core group, the last the review conference; dates go forward.")
    meeting: T = Field(description="The meeting's name as shown, e.g. {en: Core group 1, cy: Grŵp craidd 1}.")
    family: int = Field(ge=1, le=10, description="The family's Steps to Change rating: 1 (far from good enough) to 10 (care is good enough).")
    professionals: int = Field(ge=1, le=10, description="The professionals' rating: 1 (far from good enough) to 10 (care is good enough).")
    moved: T = Field(description="What moved the rating since the last meeting (for the first: Starting point).")


class Area(Strict, Generic[T]):
    """An area of change and its Steps to Change. Shared by scenarios and workbook exports."""

    name: T = Field(description='The area\'s name in the family\'s own words, in quotes: \'"A grown-up who is awake and sober looks after us"\'.')
    not_good_enough: T = Field(description="What is seen now that says care is not good enough: facts.")
    good_enough: T = Field(description="What good enough will look like: behaviour someone could see, and for how long.")
    steps: list[Step[T]] = Field(default_factory=list, description="The next steps: what will happen, who helps and by when.")
    contingency: T = Field(description="What happens if things go wrong: who does what, and when.")
    ratings: list[Rating[T]] = Field(default_factory=list, description="Steps to Change ratings, one per meeting.")


class Meeting(str, Enum):
    """Which meeting a Steps to Change rating was given at."""

    initial = "initial"
    core_group = "core-group"
    review = "review"


class ScenarioRating(Rating[Text]):
    """A scenario's rating also says which meeting it was and what evidence the ratings rest on."""

    at: Meeting = Field(description="Which meeting: initial (the first rating), core-group (those between) or review (the last).")
    evidence: Text = Field(description="What the ratings rest on: what was seen, and by whom.")


class Judgement(str, Enum):
    change = "change"          # real change towards good enough
    compliance = "compliance"  # the plan was followed, but care has not changed


class AreaReview(Strict):
    """The review conference's judgement on one area of change, and its reasons."""

    judgement: Judgement = Field(description="change (real change towards good enough) or compliance (the plan was followed, but care has not changed).")
    reason: Text = Field(description="Why, pointing at the evidence in the ratings.")


class ScenarioArea(Area[Text]):
    id: str = Field(pattern=SLUG, min_length=1, max_length=60, description="Short id, unique among the areas of change.")
    checked: Text = Field(description="How the core group checks progress in this area: who looks at what, and how often.")
    ratings: list[ScenarioRating] = Field(min_length=2, description="At least two ratings: the first at: initial (dated the conference), any between at: core-group (the first dated the first core group), the last at: review (dated the review).")
    review: AreaReview = Field(description="The review conference's judgement on this area, and its reasons.")

    @field_validator("ratings")
    @classmethod
    def _initial_to_review(cls, v):
        if v[0].at != Meeting.initial:
            raise ValueError("the first rating must be at the initial conference (at: initial)")
        if v[-1].at != Meeting.review:
            raise ValueError("the last rating must be at the review conference (at: review)")
        for i, r in enumerate(v):
            if i and r.date <= v[i - 1].date:
                raise ValueError(f"rating {i}: dates must go forward ({r.date} is not after {v[i - 1].date})")
            if 0 < i < len(v) - 1 and r.at != Meeting.core_group:
                raise ValueError(f"rating {i}: ratings between the two conferences are at core groups (at: core-group)")
        return v


class StageText(Strict):
    """One stage of the conference walk-through: what happens for this family, and what to watch for."""

    story: Text = Field(description="What happens at this stage for this family.")
    watch: Text = Field(description="What to watch for: the practice point of this stage.")


class Stages(Strict):
    before: StageText = Field(description="Before the conference: reports shared, invitations, getting there.")
    room: StageText = Field(description="The room and who sits where.")
    child: StageText = Field(description="The child's voice: how it reaches the room.")
    grid: StageText = Field(description="The four-domain grid on the flip charts.")
    scale: StageText = Field(description="The safety scale: parents first, then professionals.")
    decision: StageText = Field(description="The threshold decision and its reason.")
    areas: StageText = Field(description="Agreeing the areas of change.")
    plan: StageText = Field(description="The outline plan and its contingency.")
    after: StageText = Field(description="After the conference: the decisions sent out, the first core group booked.")


STAGES = tuple(Stages.model_fields)

# Content rules for a case that teaches (in the field descriptions too, so authors see them).
MIN_STATEMENTS = 14
MIN_GREY_AREAS = 2
MIN_REASON_WORDS = 8


class Report(Strict):
    """One agency's report to the initial conference, in its own voice."""

    agency: Text = Field(description="The agency that writes the report.")
    author: Text = Field(description="Who writes it: a role, not a name.")
    voice: Text = Field(description="How the agency knows the child, in the first person.")
    shared: dt.date = Field(description="The day the report was shared with the parents, YYYY-MM-DD: at least 2 working days before the conference.")
    shared_with: list[str] = Field(min_length=1, description="The ids (from people) of those the report was shared with.")


class Decision(Strict):
    threshold_met: bool = Field(description="true if the conference finds the threshold met.")
    reason: Text = Field(description="The reason in two or three plain sentences, with the strengths.")


class Invitation(Strict):
    to: list[str] = Field(min_length=1, description="The ids (from people) the letter is addressed to.")
    note: Optional[Text] = Field(default=None, description="Optional: anything this family needs to know (separate letters, coming for part of the meeting).")
    who_comes: list[Text] = Field(min_length=1, description="Who will be there, one line each.")
    contact: Text = Field(description="Who to ring and the number: a made-up number that says it is made up.")


class Conference(Strict):
    """The initial conference and what follows, for the walk-through, review and documents."""

    about: Text = Field(description="The children the conference is about, as a phrase: {en: Cai and Elin, cy: Cai ac Elin}.")
    date: dt.date = Field(description="The initial conference's date, YYYY-MM-DD.")
    time: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description='Start time, 24-hour HH:MM, in quotes: "13:30".')
    place: Text = Field(description="Where, with access and transport details that matter.")
    chair: Text = Field(description="Who chairs it: a role, not a name.")
    report: Report = Field(description="The agency report to the conference.")
    invitation: Invitation = Field(description="The invitation letter to the family.")
    decision: Decision = Field(description="The conference's decision and its reason.")
    plan_months: Literal[3, 6] = Field(description="How long until the review: 3 or 6 (months).")
    first_core_group: dt.date = Field(description="The first core group's date, YYYY-MM-DD: after the conference and before the review.")
    review: dt.date = Field(description="The review conference's date, YYYY-MM-DD: after the first core group.")
    stages: Stages = Field(description="The nine stages of the walk-through, each with its story for this family and what to watch for.")

    @model_validator(mode="after")
    def _dates_in_order(self):
        if working_days_between(self.report.shared, self.date) < 2:
            raise ValueError("report.shared: share the report at least 2 working days before the conference "
                             f"(Staffordshire's model; {self.report.shared} is too late for {self.date})")
        if not self.date < self.first_core_group < self.review:
            raise ValueError("the dates must run date < first_core_group < review")
        return self


def working_days_between(earlier: dt.date, later: dt.date) -> int:
    """Whole working days (Monday to Friday) after `earlier` and before `later`."""
    days, d = 0, earlier + dt.timedelta(days=1)
    while d < later:
        days += d.weekday() < 5
        d += dt.timedelta(days=1)
    return days


def _unique(items, what: str):
    seen = set()
    for i, item in enumerate(items):
        if item.id in seen:
            raise ValueError(f"duplicate {what} id '{item.id}' (item {i})")
        seen.add(item.id)
    return items


class Scenario(Strict):
    """One fictional family. The id is the file name and is not repeated inside the file."""

    title: Text = Field(description="The family's name and town, as the title: {en: The Jones family, Bala, cy: Teulu Jones, Y Bala}. Plain text.")
    summary: Text = Field(description="One or two sentences for the list of case studies: the worry, and what makes it hard.")
    themes: list[Theme] = Field(min_length=1, description="What the case is about, one or more of: alcohol, drugs, domestic-abuse, neglect, mental-health, pre-birth, home-conditions.")
    setting: Text = Field(description="Where the family lives and who is nearby, in one or two sentences.")
    proper_names: list[str] = Field(default_factory=list, description="Names in this file that a Welsh spelling checker would not know (people, places), each once, with any mutated form the Welsh text uses (e.g. Ngwynedd). The Welsh spelling test accepts them on this case's pages.")
    child: Child = Field(description="The child the case centres on.")
    people: list[Person] = Field(min_length=1, description="Everyone in the family network, both parents included even if one lives elsewhere.")
    narrative: Text = Field(description="What brought the family to a conference, in facts: two or three short paragraphs.")
    statements: list[Statement] = Field(min_length=1, description="The grid exercise: at least 14 statements, each one fact, each in one domain. Use every domain (worry-concern, worry-impact, working-well, grey-area, needs-to-change), with at least 2 grey areas.")
    safety_scale: list[ScaleView] = Field(min_length=1, description="Views on the safety scale (0 = very dangerous, harm very likely; 10 = safe enough for child protection to end): at least one parent's and one professional's, each reason at least 8 words long in each language.")
    areas_of_change: list[ScenarioArea] = Field(min_length=1, description="One to three areas of change (at most three), each with not good enough, good enough, steps, a contingency, how it is checked, ratings from the initial conference to the review, and the review's judgement. At least one area is judged compliance, so the learner meets compliance without change.")
    rewrites: list[Rewrite] = Field(min_length=1, description="Plan rewrites: a vague plan item and the concrete rules that replace it, naming both parents.")
    supervision_questions: list[Text] = Field(min_length=1, description="Questions a mentor could ask about this case in supervision (three or more).")
    conference: Conference = Field(description="The initial conference and what follows: dates, place, chair, the agency report, the invitation, the decision and the nine stages of the walk-through.")

    @field_validator("areas_of_change")
    @classmethod
    def _at_most_three(cls, v):
        if len(v) > 3:
            raise ValueError(f"at most three areas of change (found {len(v)})")
        return _unique(v, "area of change")

    @field_validator("statements", "people", "rewrites")
    @classmethod
    def _ids_unique(cls, v, info):
        return _unique(v, {"statements": "statement", "people": "person", "rewrites": "rewrite"}[info.field_name])

    @model_validator(mode="after")
    def _conference_fits_the_family(self):
        ids = {p.id for p in self.people}
        for field, pids in (("invitation.to", self.conference.invitation.to),
                            ("report.shared_with", self.conference.report.shared_with)):
            for pid in pids:
                if pid not in ids:
                    raise ValueError(f"conference.{field}: no person with id '{pid}' in people")
        for area in self.areas_of_change:
            first, last = area.ratings[0].date, area.ratings[-1].date
            if first != self.conference.date:
                raise ValueError(f"areas_of_change.{area.id}: the initial conference rating is dated {first}, "
                                 f"the conference {self.conference.date}")
            core = [r for r in area.ratings if r.at == Meeting.core_group]
            if core and core[0].date != self.conference.first_core_group:
                raise ValueError(f"areas_of_change.{area.id}: the first core group rating is dated {core[0].date}, "
                                 f"the first core group {self.conference.first_core_group}")
            if last != self.conference.review:
                raise ValueError(f"areas_of_change.{area.id}: the review rating is dated {last}, "
                                 f"the review conference {self.conference.review}")
        if not any(a.review.judgement == Judgement.compliance for a in self.areas_of_change):
            raise ValueError("areas_of_change: at least one area must show compliance without change "
                             "(review.judgement: compliance), so the learner meets the difference")
        return self

    @field_validator("safety_scale")
    @classmethod
    def _parents_and_professionals(cls, v):
        kinds = {view.kind for view in v}
        if kinds != {"parent", "professional"}:
            raise ValueError("needs at least one parent's view and one professional's view")
        for i, view in enumerate(v, 1):
            for lang, language in (("en", "English"), ("cy", "Welsh")):
                if len(view.reason[lang].split()) < MIN_REASON_WORDS:
                    raise ValueError(f"view {i}: the {language} reason has {len(view.reason[lang].split())} words; "
                                     f"give at least {MIN_REASON_WORDS}, in the speaker's own voice")
        return v

    @field_validator("statements")
    @classmethod
    def _a_grid_that_teaches(cls, v):
        if len(v) < MIN_STATEMENTS:
            raise ValueError(f"at least {MIN_STATEMENTS} statements, so the grid has something in every "
                             f"domain (found {len(v)})")
        unused = [d.value for d in Domain if d not in {st.domain for st in v}]
        if unused:
            raise ValueError(f"use every domain at least once: none in {', '.join(unused)}")
        grey = sum(st.domain == Domain.grey_area for st in v)
        if grey < MIN_GREY_AREAS:
            raise ValueError(f"at least {MIN_GREY_AREAS} grey areas (domain: grey-area), where the learning "
                             f"is (found {grey})")
        for i, st in enumerate(v, 1):
            if st.domain in st.also_accept:
                raise ValueError(f"statement {i} (id: {st.id}): also_accept repeats its own domain "
                                 f"'{st.domain.value}'; list only the other domains a learner may fairly choose")
        return v

    @model_validator(mode="after")
    def _by_is_a_time(self):
        for a, area in enumerate(self.areas_of_change, 1):
            for i, step in enumerate(area.steps, 1):
                for lang, word in (("en", "by "), ("cy", "erbyn ")):
                    if step.by[lang].lower().startswith(word):
                        raise ValueError(f"areas_of_change {a} (id: {area.id}).steps {i}.by.{lang}: the page "
                                         f"already says '{word.strip().capitalize()}'; write only the time, "
                                         f"e.g. '{step.by[lang][len(word):]}'")
        return self


# Limits shared with the browser's validator (macros/components/steps-workbook/store.js).
WORKBOOK_TEXT_MAX = 4000
WORKBOOK_AREAS_MAX = 10
WORKBOOK_STEPS_MAX = 50
WORKBOOK_RATINGS_MAX = 100
WorkbookText = Annotated[str, Field(max_length=WORKBOOK_TEXT_MAX)]


class Workbook(Strict):
    """The Steps to Change workbook as exported from the browser (one language).

    Its areas are the same `Area` model as a scenario's, with plain text instead of {en, cy}.
    Fields may be empty while the family is still working on them.
    """

    format: Literal["ecp-steps-workbook"]
    version: Literal[1]
    name: str = Field(min_length=1, max_length=200)
    lang: Literal["en", "cy"]
    updated: str = Field(max_length=40, pattern=r"^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$")
    areas: list[Area[WorkbookText]] = Field(max_length=WORKBOOK_AREAS_MAX)

    @field_validator("areas")
    @classmethod
    def _not_too_many(cls, v):
        for i, area in enumerate(v):
            if len(area.steps) > WORKBOOK_STEPS_MAX:
                raise ValueError(f"area {i}: at most {WORKBOOK_STEPS_MAX} steps")
            if len(area.ratings) > WORKBOOK_RATINGS_MAX:
                raise ValueError(f"area {i}: at most {WORKBOOK_RATINGS_MAX} ratings")
        return v
