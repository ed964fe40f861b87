# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Subject access (issue 16; UK GDPR Article 15, DPA 2018 Schedules 2 and 3): what the record
holds about one person, and what of it may be disclosed to them.

A meeting is taken apart into items (a child's details, a household member, a participant, the
referral, each contribution, decision, action, addendum...). An item is *about* a person when
it is that person's own entry, when they wrote or own it, when it names them (whole name,
accents and case ignored), or, for the meeting's narrative, when they are one of its subject
children. The export for a person holds every item about them except those exempted; in what
it holds, the names and recorded details (address, NHS number) of every other person are
redacted, and each redaction or withheld item is listed in the schedule with its ground, never
with its content. This is a first cut an information-governance lead reviews: a person named
only by a first name or a nickname is neither found nor redacted automatically.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from .errors import InvalidInput, NotFound
from .meeting import Meeting, Person
from .person_names import fold, mentions, redact
from .retention import add_months

REDACTED = "[redacted: third party]"


class ExemptionGround(StrEnum):
    THIRD_PARTY = "third_party"
    CRIME_AND_TAXATION = "crime_and_taxation"
    SERIOUS_HARM = "serious_harm"
    CHILD_ABUSE_DATA = "child_abuse_data"
    LEGAL_PROFESSIONAL_PRIVILEGE = "legal_professional_privilege"

    @property
    def label(self) -> str:
        return {
            "third_party": "Third-party data",
            "crime_and_taxation": "Crime and taxation",
            "serious_harm": "Serious harm",
            "child_abuse_data": "Child abuse data",
            "legal_professional_privilege": "Legal professional privilege",
        }[self.value]

    @property
    def provision(self) -> str:
        return {
            "third_party": "DPA 2018 Schedule 2 Part 3 paragraphs 16-17",
            "crime_and_taxation": "DPA 2018 Schedule 2 Part 1 paragraph 2",
            "serious_harm": "DPA 2018 Schedule 3 Part 2 paragraph 5 and Part 3 paragraph 10 (serious harm test)",
            "child_abuse_data": "DPA 2018 Schedule 3 Part 5 paragraph 21",
            "legal_professional_privilege": "DPA 2018 Schedule 2 Part 4 paragraph 19",
        }[self.value]


def due_date(received_on: date, extended: bool = False) -> date:
    """One calendar month from receipt; extended, three (Article 12(3))."""
    return add_months(received_on, 3 if extended else 1)


@dataclass(frozen=True)
class SubjectAccessRequest:
    person_name: str
    received_on: date
    due_on: date
    extension_reason: str = ""
    opened_by: str = ""
    opened_at: datetime | None = None
    exported_at: datetime | None = None
    closed_at: datetime | None = None
    id: int | None = None

    @property
    def person_key(self) -> str:
        return fold(self.person_name)

    @property
    def extended(self) -> bool:
        return bool(self.extension_reason)

    def is_overdue(self, today: date) -> bool:
        return self.closed_at is None and self.due_on < today


@dataclass(frozen=True)
class Exemption:
    item_key: str
    meeting_reference: str
    ground: ExemptionGround
    reason: str
    marked_by: str = ""
    marked_at: datetime | None = None


# ---- people and items ---------------------------------------------------------------------


@dataclass
class PersonEntry:
    """One person as the store knows them, by folded name, across meetings."""

    key: str
    name: str
    roles: set[str] = field(default_factory=set)  # "subject child in SD-2026-0001", ...
    identifiers: set[str] = field(default_factory=set)  # addresses, NHS numbers recorded for them

    def describe(self) -> str:
        return f"{self.name} ({'; '.join(sorted(self.roles))})"


@dataclass(frozen=True)
class RecordItem:
    key: str  # "SD-2026-0001/contribution/k1"
    meeting_reference: str
    held_on: date | None
    kind: str
    fields: tuple[tuple[str, str], ...]
    about: frozenset[str]  # person keys


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _add_person(people: dict[str, PersonEntry], name: str, role: str, identifiers: Iterable[str] = ()) -> str:
    key = fold(name)
    if not key:
        return ""
    entry = people.setdefault(key, PersonEntry(key, name.strip()))
    entry.roles.add(role)
    entry.identifiers.update(i.strip() for i in identifiers if i and i.strip())
    return key


def people_of(meeting: Meeting, into: dict[str, PersonEntry] | None = None) -> dict[str, PersonEntry]:
    """Everyone the meeting names in a field of its own: children, household, participants,
    chair, minute-taker, authors and action owners."""
    people = into if into is not None else {}
    ref = meeting.reference
    for child in meeting.children:
        _add_person(people, child.name, f"subject child in {ref}", [child.address, child.nhs_number])
    for member in meeting.household:
        _add_person(people, member.name, f"{member.relationship or 'household member'} in {ref}", [member.address])
    for participant in meeting.participants:
        _add_person(people, participant.name, f"{participant.agency} participant in {ref}")
    for role, person in (("chair", meeting.chair), ("minute-taker", meeting.minute_taker)):
        if person is not None:
            _add_person(people, person.name, f"{role} in {ref}")
    for contribution in meeting.contributions:
        _add_person(people, contribution.author, f"{contribution.agency} author in {ref}")
    for action in meeting.actions:
        _add_person(people, action.owner_name, f"{action.owner_agency} action owner in {ref}")
    return people


def _person_fields(person: Person) -> tuple[tuple[str, str], ...]:
    return (("Name", person.name), ("Agency", person.agency), ("Role", person.role))


def items_of(meeting: Meeting, known: Iterable[str]) -> list[RecordItem]:
    """The meeting's items, each with who it is about. ``known`` are the folded names looked
    for in its text: the meeting's own people and whoever a request is about."""
    ref = meeting.reference
    held = meeting.held_at.date() if meeting.held_at else None
    children = frozenset(k for k in (fold(c.name) for c in meeting.children) if k)
    names = sorted(set(known))
    items: list[RecordItem] = []

    def own(kind: str, ident: str, name: str, fields: tuple[tuple[str, str], ...]) -> None:
        key = fold(name)
        item_key = f"{ref}/{kind}/{ident}" if ident else f"{ref}/{kind}"
        items.append(RecordItem(item_key, ref, held, kind, fields, frozenset({key} if key else ())))

    def narrative(kind: str, ident: str, fields: tuple[tuple[str, str], ...], *owners: str) -> None:
        text = " \n".join(value for _, value in fields)
        named = {n for n in names if mentions(text, n)}
        about = children | named | {k for k in (fold(o) for o in owners) if k}
        items.append(RecordItem(f"{ref}/{kind}/{ident}" if ident else f"{ref}/{kind}", ref, held, kind,
                                fields, frozenset(about)))

    for c in meeting.children:
        own("child", c.id, c.name, (
            ("Name", c.name), ("Date of birth", _text(c.date_of_birth)),
            ("Expected date of birth", _text(c.expected_date_of_birth)), ("Gender", c.gender),
            ("Ethnicity", c.ethnicity), ("NHS number", c.nhs_number), ("Address", c.address), ("School", c.school),
            ("Communication needs", c.communication_needs), ("Disability", c.disability)))
    for h in meeting.household:
        own("household", h.id, h.name, (
            ("Name", h.name), ("Relationship", h.relationship),
            ("Parental responsibility", _text(h.parental_responsibility)), ("Address", h.address),
            ("Notes", h.notes)))
    for n, p in enumerate(meeting.participants, start=1):
        own("participant", p.id or str(n), p.name, (
            ("Name", p.name), ("Agency", p.agency), ("Role", p.role), ("Attendance", p.status.label)))
    own("chair", "", meeting.chair.name, _person_fields(meeting.chair))
    if meeting.minute_taker is not None:
        own("minute-taker", "", meeting.minute_taker.name, _person_fields(meeting.minute_taker))
    r = meeting.referral
    narrative("referral", "", (
        ("Received", _text(r.received_at)), ("Source agency", r.source_agency),
        ("Categories", ", ".join(c.label for c in r.categories)), ("Reason", r.reason)))
    for c in meeting.contributions:
        narrative("contribution", c.id, (
            ("Agency", c.agency), ("Topic", c.topic.value.replace("_", " ")), ("Author", c.author),
            ("Recorded", _text(c.recorded_at)), ("Text", c.text)), c.author)
    for d in meeting.decisions:
        narrative("decision", d.id, (
            ("Decision", d.kind.value.replace("_", " ")), ("Outcome", d.outcome), ("Rationale", d.rationale),
            ("Threshold met", _text(d.threshold_met)),
            ("Dissent", "; ".join(f"{x.agency}: {x.view}" for x in d.dissent))))
    for a in meeting.actions:
        narrative("action", a.id, (
            ("Action", a.description), ("Owner agency", a.owner_agency), ("Owner", a.owner_name),
            ("Due", _text(a.due)), ("Status", a.status.value), ("Completion note", a.completion_note)), a.owner_name)
    pi = meeting.parents_informed
    if pi.is_recorded or pi.how or pi.by:
        narrative("parents-informed", "", (
            ("When", _text(pi.when)), ("How", pi.how), ("By", pi.by), ("Delay reason", pi.delay_reason)))
    for ad in meeting.addenda:
        narrative("addendum", str(ad.number), (("Added", _text(ad.created_at)), ("Text", ad.text)))
    for item in items:
        # Empty fields say nothing; keeping them out keeps the export readable.
        object.__setattr__(item, "fields", tuple((k, v) for k, v in item.fields if v))
    return items


# ---- what is disclosed --------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduleEntry:
    """One withheld item or one redaction: where and on which ground, never what."""

    item_key: str
    meeting_reference: str
    kind: str
    ground: ExemptionGround
    withheld: bool  # the whole item (True) or parts of it redacted (False)
    reason: str


@dataclass(frozen=True)
class DisclosedItem:
    key: str
    meeting_reference: str
    held_on: date | None
    kind: str
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Disclosure:
    person: str
    disclosed: tuple[DisclosedItem, ...]
    schedule: tuple[ScheduleEntry, ...]


def disclose(items: Iterable[RecordItem], person: PersonEntry, everyone: Iterable[PersonEntry],
             exemptions: Iterable[Exemption]) -> Disclosure:
    """Every item about ``person``: withheld when an exemption is marked on it, else given
    with every other person's name and recorded details redacted (each redaction scheduled)."""
    marked: dict[str, list[Exemption]] = {}
    for exemption in exemptions:
        marked.setdefault(exemption.item_key, []).append(exemption)
    own_ids = {fold(i) for i in person.identifiers} | {person.key}
    needles: list[str] = []
    for other in everyone:
        if other.key == person.key:
            continue
        needles.append(other.name)
        needles.extend(i for i in other.identifiers if fold(i) not in own_ids)
    keep = [person.name, *person.identifiers]
    disclosed: list[DisclosedItem] = []
    schedule: list[ScheduleEntry] = []
    for item in items:
        if person.key not in item.about:
            continue
        if item.key in marked:
            for exemption in sorted(marked[item.key], key=lambda e: e.ground.value):
                schedule.append(ScheduleEntry(item.key, item.meeting_reference, item.kind, exemption.ground, True,
                                              exemption.reason))
            continue
        fields = []
        redactions = 0
        for label, value in item.fields:
            cleaned, count = redact(value, needles, REDACTED, keep=keep)
            fields.append((label, cleaned))
            redactions += count
        disclosed.append(DisclosedItem(item.key, item.meeting_reference, item.held_on, item.kind, tuple(fields)))
        if redactions:
            schedule.append(ScheduleEntry(
                item.key, item.meeting_reference, item.kind, ExemptionGround.THIRD_PARTY, False,
                f"{redactions} mention{'s' if redactions != 1 else ''} of other people redacted"))
    return Disclosure(person.name, tuple(disclosed), tuple(schedule))


def find_people(people: dict[str, PersonEntry], query: str) -> list[PersonEntry]:
    """People whose name holds every word of ``query`` (accents and case ignored); a name
    equal to the query wins outright."""
    wanted = fold(query)
    if not wanted:
        return []
    if wanted in people:
        return [people[wanted]]
    words = wanted.split()
    return sorted((p for p in people.values() if all(w in p.key.split() for w in words)), key=lambda p: p.key)


class AmbiguousPerson(InvalidInput):
    """More than one person matches a name; ``candidates`` describes each (for the user who
    asked, on their own lines: the one-line message itself quotes no record)."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = list(candidates)


def people_index(meetings: Iterable[Meeting]) -> dict[str, PersonEntry]:
    people: dict[str, PersonEntry] = {}
    for meeting in meetings:
        people_of(meeting, people)
    return people


def matching_people(people: dict[str, PersonEntry], query: str) -> list[PersonEntry]:
    """Everyone ``query`` may mean (one or more); NotFound when nobody."""
    found = find_people(people, query)
    if not found:
        raise NotFound("Nobody of that name is in this store; check the spelling (accents and case do not matter).")
    return found


def choose_person(people: dict[str, PersonEntry], query: str) -> PersonEntry:
    found = matching_people(people, query)
    if len(found) > 1:
        raise AmbiguousPerson(f"{len(found)} people in this store match that name; give more of it, "
                              "as one of the names listed.", [p.describe() for p in found])
    return found[0]


def build_disclosure(meetings: Iterable[Meeting], person: PersonEntry, people: dict[str, PersonEntry],
                     exemptions: Iterable[Exemption]) -> tuple[Disclosure, list[RecordItem]]:
    """The disclosure for ``person`` over ``meetings``, and every item about them (for review)."""
    items: list[RecordItem] = []
    for meeting in meetings:
        local = set(people_of(meeting)) | {person.key}
        items.extend(i for i in items_of(meeting, local) if person.key in i.about)
    return disclose(items, person, people.values(), exemptions), items


def export_document(request: SubjectAccessRequest, disclosure: Disclosure, generated_at: datetime,
                    not_included_restricted: Iterable[str] = ()) -> dict[str, object]:
    """The JSON export: the disclosable items and the schedule of what was withheld or redacted."""
    return {
        "format": "strategy-meeting-subject-access/1",
        "request": {"id": request.id, "person": request.person_name, "received_on": request.received_on.isoformat(),
                    "due_on": request.due_on.isoformat(), "extended": request.extended},
        "generated_at": generated_at.isoformat(timespec="seconds"),
        "items": [{"key": i.key, "meeting": i.meeting_reference,
                   "held_on": i.held_on.isoformat() if i.held_on else None, "kind": i.kind,
                   "fields": [{"label": k, "value": v} for k, v in i.fields]} for i in disclosure.disclosed],
        "schedule": [{"key": s.item_key, "meeting": s.meeting_reference, "kind": s.kind, "ground": s.ground.value,
                      "ground_label": s.ground.label, "provision": s.ground.provision,
                      "whole_item_withheld": s.withheld, "reason": s.reason} for s in disclosure.schedule],
        "not_included_restricted": sorted(set(not_included_restricted)),
    }
