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
Slug = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=1, max_length=60)


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
    id: str = Slug
    name: str = Field(min_length=1)
    role: Text
    relation: Text
    lives_in_home: bool
    age: Optional[Text] = None


class Child(Strict):
    name: str = Field(min_length=1)
    age: Text
    pen_picture: Text
    daily_life: Text


class Statement(Strict):
    id: str = Slug
    text: Text
    domain: Domain
    also_accept: list[Domain] = []
    explanation: Text

    @property
    def arguable(self) -> bool:
        return bool(self.also_accept)

    @property
    def accepted(self) -> list[str]:
        return [self.domain.value, *[d.value for d in self.also_accept]]


class ScaleView(Strict):
    who: Text
    kind: Literal["parent", "professional"]
    score: int = Field(ge=0, le=10)
    reason: Text


class Rule(Strict):
    text: Text
    marks: list[Mark] = Field(min_length=1)


class Rewrite(Strict):
    id: str = Slug
    theme: Theme
    vague: Text
    why_vague: Text
    rules: list[Rule] = Field(min_length=1)
    both_parents: Optional[Text] = None


T = TypeVar("T")


class Step(Strict, Generic[T]):
    text: T
    who: T
    by: T


class Rating(Strict, Generic[T]):
    date: dt.date
    meeting: T
    family: int = Field(ge=1, le=10)
    professionals: int = Field(ge=1, le=10)
    moved: T


class Area(Strict, Generic[T]):
    """An area of change and its Steps to Change. Shared by scenarios and workbook exports."""

    name: T
    not_good_enough: T
    good_enough: T
    steps: list[Step[T]] = []
    contingency: T
    ratings: list[Rating[T]] = []


class Meeting(str, Enum):
    """Which meeting a Steps to Change rating was given at."""

    initial = "initial"
    core_group = "core-group"
    review = "review"


class ScenarioRating(Rating[Text]):
    """A scenario's rating also says which meeting it was and what evidence the ratings rest on."""

    at: Meeting
    evidence: Text


class Judgement(str, Enum):
    change = "change"          # real change towards good enough
    compliance = "compliance"  # the plan was followed, but care has not changed


class AreaReview(Strict):
    """The review conference's judgement on one area of change, and its reasons."""

    judgement: Judgement
    reason: Text


class ScenarioArea(Area[Text]):
    id: str = Slug
    checked: Text  # how the core group checks progress in this area
    ratings: list[ScenarioRating] = Field(min_length=2)
    review: AreaReview

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

    story: Text
    watch: Text


class Stages(Strict):
    before: StageText
    room: StageText
    child: StageText
    grid: StageText
    scale: StageText
    decision: StageText
    areas: StageText
    plan: StageText
    after: StageText


STAGES = tuple(Stages.model_fields)


class Report(Strict):
    """One agency's report to the initial conference, in its own voice."""

    agency: Text
    author: Text
    voice: Text  # how the agency knows the child, in the first person
    shared: dt.date  # the day the report was shared with the parents
    shared_with: list[str] = Field(min_length=1)  # people ids


class Decision(Strict):
    threshold_met: bool
    reason: Text


class Invitation(Strict):
    to: list[str] = Field(min_length=1)  # people ids: who the letter is addressed to
    note: Optional[Text] = None  # anything this family needs to know (e.g. separate letters)
    who_comes: list[Text] = Field(min_length=1)
    contact: Text  # who to ring, and the number


class Conference(Strict):
    """The initial conference and what follows, for the walk-through, review and documents."""

    about: Text  # the children the conference is about, as a phrase: "Cai and Elin"
    date: dt.date
    time: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    place: Text
    chair: Text
    report: Report
    invitation: Invitation
    decision: Decision
    plan_months: Literal[3, 6]
    first_core_group: dt.date
    review: dt.date
    stages: Stages

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

    title: Text
    summary: Text
    themes: list[Theme] = Field(min_length=1)
    setting: Text
    child: Child
    people: list[Person] = Field(min_length=1)
    narrative: Text
    statements: list[Statement] = Field(min_length=1)
    safety_scale: list[ScaleView] = Field(min_length=1)
    areas_of_change: list[ScenarioArea] = Field(min_length=1)
    rewrites: list[Rewrite] = Field(min_length=1)
    supervision_questions: list[Text] = Field(min_length=1)
    conference: Conference

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
        return v


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
