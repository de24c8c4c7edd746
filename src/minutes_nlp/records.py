"""Typed records: what ``minutes-nlp extract`` returns. Fields may be added, never renamed."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "0.1"

# The lists of records a Document carries, in the order the CLI summary and the evaluation show them.
RECORD_TYPES = (
    "sections",
    "attendance",
    "people",
    "organisations",
    "places",
    "dates",
    "events",
    "quantities",
    "emails",
    "urls",
    "action_items",
)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PageRef(Record):
    number: int = Field(description="1-based page number")
    width: float
    height: float
    image_only: bool = Field(False, description="no text layer: the page needs OCR")
    removed: list[str] = Field(default_factory=list, description="running header/footer lines dropped")


class Meeting(Record):
    title: str | None = None
    date: dt.date | None = None
    body: str | None = Field(None, description="the body or series that met")
    place: str | None = None
    county: str | None = Field(
        None, description="the county the minutes are from, as the organisations named show"
    )
    host: str | None = Field(None, description="the organisation holding the meeting (running header, title)")
    next_meeting: dt.date | None = Field(
        None, description="the date of the next meeting, when the minutes give it"
    )


class Section(Record):
    id: str
    kind: Literal["agenda", "organisation", "other"]
    title: str
    organisation: str | None = Field(None, description="canonical name from the registry, or null")
    organisation_as_written: str | None = None
    people: list[str] = Field(default_factory=list)
    parent_id: str | None = None
    page_start: int
    page_end: int
    start: int = Field(description="character offset of the section in the clean text")
    end: int
    text: str


class Attendance(Record):
    name: str
    organisation: str | None = None
    status: Literal["present", "absent", "substitute"] = "present"
    substitute_for: str | None = None
    role: str | None = None
    party: str | None = Field(None, description="political party, for elected members")


class Organisation(Record):
    name: str
    aliases: list[str] = Field(default_factory=list)


class Person(Record):
    name: str
    organisations: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)


class Place(Record):
    name: str


class DateRecord(Record):
    text: str
    kind: str
    start: dt.date | None = None
    end: dt.date | None = None
    section_id: str | None = None
    page: int | None = None


class Event(Record):
    name: str
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None
    organisation: str | None = None
    section_id: str | None = None
    page: int | None = None


class Quantity(Record):
    text: str
    value: float | None = None
    unit: str | None = None
    section_id: str | None = None


class Mention(Record):
    label: str
    text: str
    start: int
    end: int
    page: int
    section_id: str | None = None
    value: str | None = Field(None, description="normalised value: canonical name, ISO date or range, number")


class ActionItem(Record):
    text: str
    responsible: str | None = None
    due: dt.date | None = None
    section_id: str | None = None
    page: int | None = None


class Document(Record):
    """Everything extracted from one minutes PDF."""

    schema_version: str = SCHEMA_VERSION
    source: str = Field(description="the PDF's path as given")
    producer: str | None = None
    pages: list[PageRef] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    meeting: Meeting = Field(default_factory=Meeting)
    sections: list[Section] = Field(default_factory=list)
    attendance: list[Attendance] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    dates: list[DateRecord] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    action_items: list[ActionItem] = Field(default_factory=list)


def json_schema() -> dict:
    return Document.model_json_schema()
