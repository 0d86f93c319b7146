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
    """A text in both languages. Plain text with limited Markdown; HTML is shown as text.

    `restricted: true` marks information that could raise the risk if it reached a person the
    case marks as posing it (where support comes from, who holds a key, the safety plan): no
    document that carries it may go whole to such a person.
    """

    en: str = Field(min_length=1)
    cy: str = Field(min_length=1)
    restricted: bool = False

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
    poses_risk: bool = Field(default=False, description="true if this person poses the risk the case is about. Documents that carry a text marked restricted: true go to them only in the copy without it (shared_without_restricted, sent_without_restricted).")


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
    change = "change"          # real change: every sign of good enough is seen
    compliance = "compliance"  # the plan was kept, but no sign of good enough is seen
    not_yet = "not-yet"        # some movement, or the plan not kept: not good enough yet


class Result(str, Enum):
    met = "met"
    partly = "partly"
    not_met = "not-met"


class Sign(Strict):
    """One thing someone could see when this area is good enough."""

    id: str = Field(pattern=SLUG, min_length=1, max_length=60, description="Short id, unique among this area's signs (lower-case letters, digits and hyphens). The review's seen list names it.")
    text: Text = Field(description="One thing someone could see when care in this area is good enough, e.g. 'Every morning an adult has Twm up and fed by nine'.")


class Seen(Strict):
    """What the review found for one sign of good enough."""

    sign: str = Field(pattern=SLUG, min_length=1, max_length=60, description="The id of one of the area's signs.")
    result: Result = Field(description="What the review found for that sign: met, partly or not-met.")
    evidence: Text = Field(description="What was seen, by whom and when, that shows the result.")


def derived_judgement(seen: list[Seen], plan_kept: bool) -> Judgement:
    """Real change when every sign is met; compliance without change when the plan was kept and
    no sign is met even in part; not yet otherwise."""
    if seen and all(x.result == Result.met for x in seen):
        return Judgement.change
    if plan_kept and all(x.result == Result.not_met for x in seen):
        return Judgement.compliance
    return Judgement.not_yet


class AreaReview(Strict):
    """The review conference's record for one area of change, its judgement and its reasons."""

    plan_kept: bool = Field(description="true if the family did what the plan's actions asked of them, false if not.")
    seen: list[Seen] = Field(min_length=1, description="One record for every sign of good enough: the sign's id, met, partly or not-met, and the evidence.")
    judgement: Judgement = Field(description="Follows from the record: change when every sign is met; compliance when the plan was kept and no sign is met even in part; not-yet otherwise. The build refuses any other.")
    reason: Text = Field(description="Why, pointing at the evidence in the ratings.")


class ScenarioArea(Area[Text]):
    id: str = Field(pattern=SLUG, min_length=1, max_length=60, description="Short id, unique among the areas of change.")
    signs: list[Sign] = Field(min_length=1, description="The good enough, as things someone could see (one to four). The review records each one.")
    checked: Text = Field(description="How the core group checks progress in this area: who looks at what, and how often.")  # how the core group checks progress in this area
    ratings: list[ScenarioRating] = Field(min_length=2, description="At least two ratings: the first at: initial (dated the conference), any between at: core-group (the first dated the first core group), the last at: review (dated the review).")
    review: AreaReview = Field(description="The review conference's judgement on this area, and its reasons.")

    @model_validator(mode="after")
    def _judgement_follows_the_record(self):
        ids = [sg.id for sg in self.signs]
        _unique(self.signs, "sign")
        recorded = [x.sign for x in self.review.seen]
        for i, sid in enumerate(recorded):
            if sid not in ids:
                raise ValueError(f"review.seen {i + 1}.sign: no sign '{sid}' in signs ({', '.join(ids)})")
            if sid in recorded[:i]:
                raise ValueError(f"review.seen {i + 1}.sign: sign '{sid}' is recorded twice")
        missing = [sid for sid in ids if sid not in recorded]
        if missing:
            raise ValueError(f"review.seen: record what the review found for every sign of good enough "
                             f"(missing: {', '.join(missing)})")
        derived = derived_judgement(self.review.seen, self.review.plan_kept)
        if self.review.judgement != derived:
            results = "; ".join(f"{x.sign}: {x.result.value}" for x in self.review.seen)
            raise ValueError(
                f"review.judgement: '{self.review.judgement.value}' is not what the recorded evidence "
                f"supports ({results}; plan_kept: {str(self.review.plan_kept).lower()}), which is "
                f"'{derived.value}'. Rule: 'change' needs every sign met; 'compliance' needs the plan kept "
                f"and no sign met even in part; anything else is 'not-yet'")
        return self

    @field_validator("ratings")
    @classmethod
    def _initial_to_review(cls, v):
        if v[0].at != Meeting.initial:
            raise ValueError("the first rating must be at the initial conference (at: initial)")
        if v[-1].at != Meeting.review:
            raise ValueError("the last rating must be at the review conference (at: review)")
        for i, r in enumerate(v):
            if i and r.date <= v[i - 1].date:
                raise ValueError(f"rating {i + 1}: dates must go forward ({r.date} is not after {v[i - 1].date})")
            if 0 < i < len(v) - 1 and r.at != Meeting.core_group:
                raise ValueError(f"rating {i + 1}: ratings between the two conferences are at core groups (at: core-group)")
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
# The grid domains an agency report lists (worries, positives, changes; grey areas are not listed).
REPORT_DOMAINS = (Domain.worry_concern, Domain.worry_impact, Domain.working_well, Domain.needs_to_change)

# Content rules for a case that teaches (in the field descriptions too, so authors see them).
MIN_STATEMENTS = 14
MIN_GREY_AREAS = 2
MIN_REASON_WORDS = 8


class Report(Strict):
    """One agency's report to the initial conference, in its own voice."""

    agency: Text = Field(description="The agency that writes the report.")
    author: Text = Field(description="Who writes it: a role, not a name.")
    voice: Text = Field(description="How the agency knows the child, in the first person.")  # how the agency knows the child, in the first person
    shared: dt.date = Field(description="The day the report was shared with the parents, YYYY-MM-DD: at least 2 working days before the conference.")  # the day the report was shared with the parents
    shared_with: list[str] = Field(min_length=1, description="The ids (from people) of those the report was shared with.")  # people ids: the whole report
    shared_without_restricted: list[str] = Field(default_factory=list, description="The ids (from people) of those who get a copy without the texts marked restricted: true (a person who poses a risk).")


class Assessment(Strict):
    """The social worker's assessment report to the initial conference: the threshold analysis,
    the recommendation and (from areas_of_change) the proposed areas of change."""

    author: Text = Field(description="Who writes it: a role, not a name.")
    voice: Text = Field(description="How the agency knows the child, in the first person.")
    shared: dt.date = Field(description="The day the report was shared with the parents, YYYY-MM-DD: at least 2 working days before the conference.")
    shared_with: list[str] = Field(min_length=1, description="The ids (from people) of those the report was shared with.")
    shared_without_restricted: list[str] = Field(default_factory=list, description="The ids (from people) of those who get a copy without the texts marked restricted: true (a person who poses a risk).")
    threshold: Text = Field(description="The threshold analysis: the harm, its cause, whether it is likely to continue, what protects the child, and the conclusion. Short paragraphs; bold headings allowed.")
    recommendation: Text = Field(description="What the social worker recommends: the register and its category, and a plan built on the areas of change.")


class Decision(Strict):
    threshold_met: bool = Field(description="true if the conference finds the threshold met.")
    categories: list[Text] = Field(default_factory=list, description="The register category or categories (e.g. Neglect) when threshold_met is true; write [] when it is false.")
    reason: Text = Field(description="The reason in two or three plain sentences, with the strengths.")
    dissent: Optional[Text] = Field(default=None, description="Optional: who disagreed with the decision, why, and how the chair recorded it.")

    @model_validator(mode="after")
    def _category_when_registered(self):
        if self.threshold_met and not self.categories:
            raise ValueError("categories: say under which category or categories the names go on the "
                             "child protection register (Wales Safeguarding Procedures, c3pt2-p9)")
        if not self.threshold_met and self.categories:
            raise ValueError("categories: only when threshold_met is true (the names go on the register)")
        return self


class AgencyView(Strict):
    agency: Text = Field(description="The agency whose view this is.")
    worries: Text = Field(description="What worries this agency, in facts.")
    positives: Text = Field(description="What is going well, as this agency sees it.")
    changes: Text = Field(description="What this agency says needs to change.")


class FamilyView(Strict):
    who: str = Field(pattern=SLUG, min_length=1, max_length=60, description="The id (from people) of the family member.")
    view: Text = Field(description="Their view as the minutes record it, in the third person.")


class Minutes(Strict):
    """The minutes of the initial conference (the decision, plan, core group and co-ordinator come
    from the conference's own fields)."""

    present: list[Text] = Field(min_length=1, description="Who attended, one line each: a name and role for the family, a role for practitioners.")
    apologies: list[Text] = Field(default_factory=list, description="Who sent apologies, and what they sent instead (a report, a letter).")
    views: list[AgencyView] = Field(min_length=1, description="Each agency's worries, positives and changes.")
    family: list[FamilyView] = Field(default_factory=list, description="The family's views, one per person who gave one.")
    child: Text = Field(description="The child's wishes and feelings, and how they were heard.")
    closed: Optional[Text] = Field(default=None, description="Optional: the part of the meeting held without a person who poses a risk, and why. Never sent to that person.")


class Outcome(str, Enum):
    continue_ = "continue"       # the names stay on the register and the plan continues
    deregister = "deregister"   # the names come off the register
    further = "further"         # the names stay on, and the case goes further


class ReviewOutcome(Strict):
    decision: Outcome = Field(description="continue (names stay on the register, the plan continues), deregister (names come off: only when every area shows real change) or further (names stay on, and the case goes further).")
    reason: Text = Field(description="The reason in two or three plain sentences, with the strengths.")
    next_review: Optional[dt.date] = Field(default=None, description="The next review, YYYY-MM-DD, no more than 6 months later, while the names stay on the register; delete the line after deregister.")


class Invitation(Strict):
    to: list[str] = Field(min_length=1, description="The ids (from people) the letter is addressed to.")
    note: Optional[Text] = Field(default=None, description="Optional: anything this family needs to know (separate letters, coming for part of the meeting).")
    who_comes: list[Text] = Field(min_length=1, description="Who will be there, one line each.")
    contact: Text = Field(description="Who to ring and the number: a made-up number that says it is made up.")


class Conference(Strict):
    """The initial conference and what follows, for the walk-through, review and documents."""

    about: Text = Field(description="The children the conference is about, as a phrase: {en: Cai and Elin, cy: Cai ac Elin}.")  # the children the conference is about, as a phrase: "Cai and Elin"
    date: dt.date = Field(description="The initial conference's date, YYYY-MM-DD.")
    time: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="The start time, HH:MM, 24-hour.")
    place: Text = Field(description="Where, with access and transport details that matter.")
    chair: Text = Field(description="Who chairs it: a role, not a name.")
    report: Report = Field(description="The agency report to the conference.")
    invitation: Invitation = Field(description="The invitation letter to the family.")
    assessment: Assessment = Field(description="The social worker's assessment report to the conference: the threshold analysis and the recommendation.")
    decision: Decision = Field(description="The conference's decision and its reason.")
    coordinator: Text = Field(description="The care and support protection plan co-ordinator (usually the social worker), and how often they visit.")
    core_group: list[Text] = Field(min_length=2, description="The core group's members, one line each: family members by name, practitioners by role.")
    plan_months: Literal[3, 6] = Field(description="How long until the review: 3 or 6 (months).")
    core_groups: list[dt.date] = Field(min_length=1, description="The core groups' dates, YYYY-MM-DD: the first within 10 working days of the conference, then monthly and no more than 6 weeks apart, the last no more than 6 weeks before the review.")
    decisions_sent: dt.date = Field(description="The day the summary of decisions and the outline plan went out, YYYY-MM-DD: within 5 working days of the conference.")
    sent_to: list[str] = Field(min_length=1, description="The ids (from people) who get the decisions and minutes whole.")
    sent_without_restricted: list[str] = Field(default_factory=list, description="The ids (from people) who get them without the texts marked restricted: true (a person who poses a risk).")
    review: dt.date = Field(description="The review conference's date, YYYY-MM-DD: after the first core group.")
    minutes: Minutes = Field(description="The minutes of the initial conference: who came, each agency's view, the family's and the child's.")
    review_outcome: ReviewOutcome = Field(description="The review conference's decision and its reasons, which must follow from the areas' judgements.")
    stages: Stages = Field(description="The nine stages of the walk-through, each with its story for this family and what to watch for.")

    @property
    def first_core_group(self) -> dt.date:
        return self.core_groups[0]

    @model_validator(mode="after")
    def _dates_follow_the_procedures(self):
        for field, shared in (("report.shared", self.report.shared), ("assessment.shared", self.assessment.shared)):
            if working_days_between(shared, self.date) < 2:
                raise ValueError(f"{field}: share the report at least 2 working days before the conference "
                                 f"(Staffordshire's model; {shared} is too late for {self.date})")
        wales = "Wales Safeguarding Procedures, section 3 part 2"
        n = working_days_after(self.date, self.decisions_sent)
        if self.decisions_sent < self.date or n > 5:
            raise ValueError(f"decisions_sent: the summary of decisions and the outline plan go out within 5 working "
                             f"days of the conference ({wales}, c3pt2-p11; counting Monday to Friday): "
                             f"{self.decisions_sent} is {n} working days after {self.date}")
        first = self.core_groups[0]
        n = working_days_after(self.date, first)
        if first <= self.date or n > 10:
            raise ValueError(f"core_groups 1: the first core group meets within 10 working days of the initial "
                             f"conference ({wales}, c3pt2-p13; counting Monday to Friday): {first} is {n} "
                             f"working days after {self.date}")
        for i in range(1, len(self.core_groups)):
            a, b = self.core_groups[i - 1], self.core_groups[i]
            if not a < b or (b - a).days > 42:
                raise ValueError(f"core_groups {i + 1}: core groups meet monthly and no more than 6 weeks apart "
                                 f"({wales}, c3pt2-p13): {a} to {b} is {(b - a).days} days")
        last = self.core_groups[-1]
        if not last < self.review or (self.review - last).days > 42:
            raise ValueError(f"review: the core group keeps meeting until the review, no more than 6 weeks apart "
                             f"({wales}, c3pt2-p13): the last core group is {last}, the review {self.review}")
        if self.review > add_months(self.date, 3):
            raise ValueError(f"review: the first review conference is within 3 months of the initial conference "
                             f"({wales}, c3pt2-p13): {self.review} is later than {add_months(self.date, 3)}")
        nxt = self.review_outcome.next_review
        if self.review_outcome.decision == Outcome.deregister:
            if nxt is not None:
                raise ValueError("review_outcome.next_review: no next review when the names come off the register")
        elif nxt is None or not self.review < nxt <= add_months(self.review, 6):
            raise ValueError(f"review_outcome.next_review: while the names stay on the register, the next review "
                             f"is no more than 6 months after this one ({wales}, c3pt2-p13): "
                             f"by {add_months(self.review, 6)}")
        return self


def working_days_after(start: dt.date, day: dt.date) -> int:
    """Working days (Monday to Friday) after `start`, up to and including `day`."""
    return working_days_between(start, day) + (day > start and day.weekday() < 5)


def add_months(d: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it has fewer days."""
    y, m = divmod(d.month - 1 + months, 12)
    y, m = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(y, m, day)
        except ValueError:
            continue


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
            raise ValueError(f"duplicate {what} id '{item.id}' (item {i + 1})")
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
        c = self.conference
        ids = {p.id for p in self.people}
        for field, pids in (("invitation.to", c.invitation.to),
                            ("report.shared_with", c.report.shared_with),
                            ("report.shared_without_restricted", c.report.shared_without_restricted),
                            ("assessment.shared_with", c.assessment.shared_with),
                            ("assessment.shared_without_restricted", c.assessment.shared_without_restricted),
                            ("sent_to", c.sent_to),
                            ("sent_without_restricted", c.sent_without_restricted),
                            ("minutes.family", [f.who for f in c.minutes.family])):
            for i, pid in enumerate(pids):
                if pid not in ids:
                    raise ValueError(f"conference.{field} {i + 1}: no person with id '{pid}' in people")
        for area in self.areas_of_change:
            first, last = area.ratings[0].date, area.ratings[-1].date
            if first != c.date:
                raise ValueError(f"areas_of_change.{area.id}: the initial conference rating is dated {first}, "
                                 f"the conference {c.date}")
            for r in area.ratings:
                if r.at == Meeting.core_group and r.date not in c.core_groups:
                    raise ValueError(f"areas_of_change.{area.id}: a core group rating is dated {r.date}, which is "
                                     f"not one of conference.core_groups")
            if last != c.review:
                raise ValueError(f"areas_of_change.{area.id}: the review rating is dated {last}, "
                                 f"the review conference {c.review}")
        if not any(a.review.judgement == Judgement.compliance for a in self.areas_of_change):
            raise ValueError("areas_of_change: at least one area must show compliance without change "
                             "(review.judgement: compliance), so the learner meets the difference")
        if c.review_outcome.decision == Outcome.deregister:
            for i, a in enumerate(self.areas_of_change):
                if a.review.judgement != Judgement.change:
                    raise ValueError(f"conference.review_outcome.decision: the names come off the register only "
                                     f"when every area shows real change; areas_of_change {i + 1} (id: {a.id}) is "
                                     f"'{a.review.judgement.value}'")
        self._restricted_stays_with_the_safe()
        return self

    def documents(self) -> dict[str, list[tuple[str, Text]]]:
        """What each document the family receives carries, as (field path, text)."""
        c = self.conference
        report = [(f"statements.{i}.text", st.text) for i, st in enumerate(self.statements)
                  if st.domain in REPORT_DOMAINS] + [("conference.report.voice", c.report.voice)]
        areas = []
        for i, a in enumerate(self.areas_of_change):
            areas += [(f"areas_of_change.{i}.{f}", getattr(a, f)) for f in ("name", "not_good_enough", "good_enough")]
        assessment = [(f"conference.assessment.{f}", getattr(c.assessment, f))
                      for f in ("voice", "threshold", "recommendation")] + areas
        sent = list(areas) + [("conference.decision.reason", c.decision.reason)]
        sent += [(f"conference.decision.categories.{i}", t) for i, t in enumerate(c.decision.categories)]
        if c.decision.dissent:
            sent.append(("conference.decision.dissent", c.decision.dissent))
        for i, a in enumerate(self.areas_of_change):
            for j, st in enumerate(a.steps):
                sent += [(f"areas_of_change.{i}.steps.{j}.{f}", getattr(st, f)) for f in ("text", "who", "by")]
            sent += [(f"areas_of_change.{i}.checked", a.checked), (f"areas_of_change.{i}.contingency", a.contingency)]
        sent.append(("conference.coordinator", c.coordinator))
        sent += [(f"conference.core_group.{i}", t) for i, t in enumerate(c.core_group)]
        m = c.minutes
        sent += [(f"conference.minutes.present.{i}", t) for i, t in enumerate(m.present)]
        sent += [(f"conference.minutes.apologies.{i}", t) for i, t in enumerate(m.apologies)]
        for i, v in enumerate(m.views):
            sent += [(f"conference.minutes.views.{i}.{f}", getattr(v, f)) for f in ("agency", "worries", "positives", "changes")]
        sent += [(f"conference.minutes.family.{i}.view", f.view) for i, f in enumerate(m.family)]
        sent.append(("conference.minutes.child", m.child))
        if m.closed:
            sent.append(("conference.minutes.closed", m.closed))
        return {"report": report, "assessment": assessment, "sent": sent}

    def _restricted_stays_with_the_safe(self):
        c = self.conference
        risky = {i: p for i, p in enumerate(self.people) if p.poses_risk}
        if not risky:
            return
        by_id = {p.id: i for i, p in enumerate(self.people)}
        docs = self.documents()
        whole = {"report": ("report.shared_with", c.report.shared_with),
                 "assessment": ("assessment.shared_with", c.assessment.shared_with),
                 "sent": ("sent_to", c.sent_to)}
        for doc, (field, pids) in whole.items():
            restricted = [path for path, text in docs[doc]
                          if text.restricted or path == "conference.minutes.closed"]
            for k, pid in enumerate(pids):
                i = by_id[pid]
                if i in risky and restricted:
                    raise ValueError(
                        f"conference.{field}.{k}: '{pid}' poses a risk (people.{i}.poses_risk) and this document "
                        f"carries {restricted[0]}, marked restricted (not for a person who poses a risk: where "
                        f"support comes from, keys, safety plans). Send {pid} the copy without restricted texts "
                        f"({field.rsplit('.', 1)[0] + '.' if '.' in field else ''}"
                        f"{'shared_without_restricted' if '.' in field else 'sent_without_restricted'}), "
                        f"or take that text to the closed part of the meeting")

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
