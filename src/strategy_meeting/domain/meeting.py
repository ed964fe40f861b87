# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The meeting aggregate: one strategy discussion and everything its record holds.

A ``Meeting`` is loaded and saved whole by the store, so services change it in memory and
hand it back; the aggregate is small (tens to hundreds of items) even for large meetings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from .action import Action
from .agency import Agency
from .contribution import Contribution
from .decision import Decision
from .errors import InvalidInput
# The list's names live in .listing (the first screen loads only that) and are part of this
# module's interface as well.
from .sharing_terms import ADDED_LATER_FOR_EVERY_AGENCY, SharingTerms
from .listing import MeetingKind, MeetingQuery, MeetingStatus, MeetingSummary  # noqa: F401

REFERENCE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_-]{0,63}$")
ITEM_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

# A field added after records were first signed off: left out of the content hash while it
# holds its default, so a record signed off by an earlier version keeps its hash.
ADDED_LATER = {"content_hash": "omit_default"}

NATIONS = ("england", "wales", "scotland", "northern_ireland")


class MeetingFormat(StrEnum):
    IN_PERSON = "in_person"
    VIRTUAL = "virtual"
    PHONE = "phone"
    HYBRID = "hybrid"


FORMAT_LABELS: dict[MeetingFormat, str] = {
    MeetingFormat.IN_PERSON: "In person",
    MeetingFormat.VIRTUAL: "Virtual",
    MeetingFormat.PHONE: "Telephone",
    MeetingFormat.HYBRID: "Hybrid",
}


# The status machine: a meeting only ever moves forward, except that a concluded meeting may be
# reopened before sign-off.
STATUS_TRANSITIONS: dict[MeetingStatus, frozenset[MeetingStatus]] = {
    MeetingStatus.DRAFT: frozenset({MeetingStatus.IN_PROGRESS, MeetingStatus.CONCLUDED}),
    MeetingStatus.IN_PROGRESS: frozenset({MeetingStatus.CONCLUDED}),
    MeetingStatus.CONCLUDED: frozenset({MeetingStatus.IN_PROGRESS, MeetingStatus.SIGNED_OFF}),
    MeetingStatus.SIGNED_OFF: frozenset({MeetingStatus.DISTRIBUTED}),
    MeetingStatus.DISTRIBUTED: frozenset(),
}


def can_move(current: MeetingStatus, target: MeetingStatus) -> bool:
    return target in STATUS_TRANSITIONS[current]


class ConcernCategory(StrEnum):
    PHYSICAL_ABUSE = "physical_abuse"
    SEXUAL_ABUSE = "sexual_abuse"
    EMOTIONAL_ABUSE = "emotional_abuse"
    NEGLECT = "neglect"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class ParticipantStatus(StrEnum):
    ATTENDED = "attended"
    APOLOGIES = "apologies"
    NOT_ATTENDED = "not_attended"

    @property
    def label(self) -> str:
        return {"attended": "Attended", "apologies": "Apologies", "not_attended": "Absent"}[self.value]


@dataclass
class Person:
    name: str
    agency: str = ""
    role: str = ""


@dataclass
class Referral:
    received_at: datetime | None
    reason: str
    source_agency: str = ""
    categories: list[ConcernCategory] = field(default_factory=list)


@dataclass
class SubjectChild:
    id: str
    name: str
    date_of_birth: date | None = None
    expected_date_of_birth: date | None = None
    gender: str = ""
    ethnicity: str = ""
    nhs_number: str = ""
    address: str = ""
    school: str = ""
    communication_needs: str = ""
    disability: str = ""
    # Working Together 2023: the child's voice. The views themselves are a contribution of
    # topic "child's lived experience"; when they could not be had, why not (e.g. too young).
    views_not_recorded_reason: str = field(default="", metadata=ADDED_LATER)
    interpreter: str = field(default="", metadata=ADDED_LATER)  # language, or "" when none is needed

    @property
    def surname(self) -> str:
        """Last word of the name: what chairs search by. Kept simple on purpose: the search
        also matches any part of the full name."""
        parts = self.name.split()
        return parts[-1] if parts else ""

    @property
    def initials(self) -> str:
        return "".join(p[0].upper() for p in self.name.split() if p)


@dataclass
class HouseholdMember:
    id: str
    name: str
    relationship: str
    parental_responsibility: bool = False
    address: str = ""
    notes: str = ""
    # Another child of the household (not a subject child): how the meeting considered them.
    is_child: bool = field(default=False, metadata=ADDED_LATER)
    consideration: str = field(default="", metadata=ADDED_LATER)


@dataclass
class Participant:
    agency: str
    name: str
    status: ParticipantStatus = ParticipantStatus.ATTENDED
    role: str = ""
    decision_authority: bool = False
    id: str = ""


@dataclass
class ParentsInformed:
    when: datetime | None = None
    how: str = ""
    by: str = ""
    delay_reason: str = ""

    @property
    def is_recorded(self) -> bool:
        """Either when they were (or will be) told, or why telling them is delayed."""
        return self.when is not None or bool(self.delay_reason.strip())


@dataclass
class NextSteps:
    icpc_by: date | None = None
    review_at: datetime | None = None
    # Issue 14, for the family's copy only: what happens next and who to contact, in plain
    # words the chair writes for the parents (no agency-internal detail).
    family_next: str = field(default="", metadata=ADDED_LATER)
    family_contact: str = field(default="", metadata=ADDED_LATER)


class CriminalInvestigation(StrEnum):
    NOT_RECORDED = ""
    NONE = "none"  # no criminal investigation
    STARTED = "started"  # starts now, alongside the section 47 enquiry
    LATER = "later"  # starts later (its timing says when and why)
    UNDECIDED = "undecided"  # the police will decide (its timing says by when)

    @property
    def label(self) -> str:
        return {"": "Not recorded", "none": "No criminal investigation", "started": "Starts now",
                "later": "Starts later", "undecided": "To be decided by the police"}[self.value]


@dataclass
class Planning:
    """What the chair records for the enquiry's planning (issue 15): the criminal
    investigation's timing and lead, legal advice or a legal planning meeting, and the
    parents' communication needs and interpreter (the child's are on the child)."""

    criminal_investigation: CriminalInvestigation = CriminalInvestigation.NOT_RECORDED
    criminal_investigation_timing: str = ""
    criminal_investigation_lead: str = ""  # who leads it: an agency code or an officer
    legal_advice_needed: bool | None = None
    legal_planning_meeting: bool | None = None
    legal_notes: str = ""
    parents_communication_needs: str = ""
    parents_interpreter: str = ""  # language, or "" when none is needed


@dataclass
class Addendum:
    number: int
    text: str
    created_at: datetime
    created_by: str
    # Issue 14: a new addendum is undecided; one made earlier was for every agency's copy.
    sharing: SharingTerms = field(default_factory=SharingTerms, metadata=ADDED_LATER_FOR_EVERY_AGENCY)


@dataclass(frozen=True)
class AcknowledgedCheck:
    """A check that was not met at sign-off and that the signer acknowledged, with why."""

    kind: str
    message: str
    reason: str = ""


@dataclass
class SignOff:
    version: int
    signed_off_by: str
    signed_off_at: datetime
    content_hash: str
    # What the checks found at sign-off (issue 15): the titles of those met, those acknowledged
    # with their reasons, and why someone other than the recorded chair signed (printed).
    checks_met: list[str] = field(default_factory=list)
    acknowledged: list[AcknowledgedCheck] = field(default_factory=list)
    signer_reason: str = ""


@dataclass
class RecordState:
    """What a record is, as an interchange file carries it: its status, sign-off and addenda."""

    status: MeetingStatus = MeetingStatus.DRAFT
    sign_off: SignOff | None = None
    addenda: list[Addendum] = field(default_factory=list)


@dataclass
class Meeting:
    reference: str
    held_at: datetime | None
    chair: Person
    referral: Referral
    kind: MeetingKind = MeetingKind.INITIAL
    format: MeetingFormat | None = None
    location: str = ""
    minute_taker: Person | None = None
    children: list[SubjectChild] = field(default_factory=list)
    household: list[HouseholdMember] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    parents_informed: ParentsInformed = field(default_factory=ParentsInformed)
    next_steps: NextSteps = field(default_factory=NextSteps)
    status: MeetingStatus = MeetingStatus.DRAFT
    sign_off: SignOff | None = None
    addenda: list[Addendum] = field(default_factory=list)
    # Store bookkeeping: the row id, and who created it. Not part of the interchange format.
    id: int | None = None
    created_by: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    reconvenes: str = ""  # reference of the meeting this one reconvenes, if any
    # Whose bank holidays count for the working-day deadlines (issue 15).
    nation: str = field(default="england", metadata=ADDED_LATER)
    planning: Planning = field(default_factory=Planning, metadata=ADDED_LATER)
    # Each part's version as read (store bookkeeping, issue 17): a save from an older reading
    # of a part is refused. Not content, not compared, not exported.
    versions: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    # ---- the status, moved only along STATUS_TRANSITIONS -------------------------------

    def move_to(self, target: MeetingStatus) -> None:
        """The one way a status changes: a move the machine does not allow is refused."""
        if not can_move(self.status, target):
            raise InvalidInput(
                f"A {self.status.label.lower()} meeting cannot be moved to {target.label.lower()}.")
        self.status = target

    def note_recording_started(self) -> None:
        """The first item recorded takes a draft into progress; later ones change nothing."""
        if self.status is MeetingStatus.DRAFT:
            self.move_to(MeetingStatus.IN_PROGRESS)

    def sign(self, sign_off: SignOff) -> None:
        """Signing off concludes the meeting first if it was not concluded, then locks it."""
        if self.status in (MeetingStatus.DRAFT, MeetingStatus.IN_PROGRESS):
            self.move_to(MeetingStatus.CONCLUDED)
        self.move_to(MeetingStatus.SIGNED_OFF)
        self.sign_off = sign_off

    def mark_distributed(self) -> None:
        self.move_to(MeetingStatus.DISTRIBUTED)

    def take_record_state(self, state: RecordState) -> None:
        """A new meeting (read from an interchange file) takes the status, sign-off and addenda
        it had where it came from, along the status machine: a record is signed off only with
        its sign-off, and has addenda only once signed off."""
        if self.status is not MeetingStatus.DRAFT or self.sign_off is not None or self.addenda:
            raise InvalidInput("Only a new record takes the state it had elsewhere.")
        locked = state.status in (MeetingStatus.SIGNED_OFF, MeetingStatus.DISTRIBUTED)
        if locked != (state.sign_off is not None):
            raise InvalidInput("A record is signed off exactly when it has its sign-off.")
        if state.addenda and not locked:
            raise InvalidInput("Only a signed-off record has addenda.")
        numbers = [a.number for a in state.addenda]
        if numbers != list(range(1, len(numbers) + 1)):
            raise InvalidInput("The addenda must be numbered 1, 2, 3 ... in order.")
        if state.sign_off is not None:
            self.sign(state.sign_off)
            if state.status is MeetingStatus.DISTRIBUTED:
                self.mark_distributed()
        elif state.status is not MeetingStatus.DRAFT:
            self.move_to(MeetingStatus.IN_PROGRESS if state.status is MeetingStatus.IN_PROGRESS
                         else MeetingStatus.CONCLUDED)
        self.addenda = list(state.addenda)

    def agency(self, code: str) -> Agency | None:
        return next((a for a in self.agencies if a.code == code), None)

    def agency_name(self, code: str) -> str:
        found = self.agency(code)
        return found.name if found else code

    def contribution(self, item_id: str) -> Contribution | None:
        return next((c for c in self.contributions if c.id == item_id), None)

    def decision(self, item_id: str) -> Decision | None:
        return next((d for d in self.decisions if d.id == item_id), None)

    def action(self, item_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == item_id), None)

    def child(self, item_id: str) -> SubjectChild | None:
        return next((c for c in self.children if c.id == item_id), None)

    def item_counts(self) -> dict[str, int]:
        """What an audit event says about a meeting: counts, never content."""
        return {"children": len(self.children), "contributions": len(self.contributions),
                "decisions": len(self.decisions), "actions": len(self.actions)}

    @property
    def agency_codes(self) -> list[str]:
        return [a.code for a in self.agencies]

    def used_ids(self) -> set[str]:
        ids: set[str] = set()
        for group in (self.children, self.household, self.contributions, self.decisions, self.actions):
            ids.update(item.id for item in group)
        ids.update(p.id for p in self.participants if p.id)
        return ids

    def new_id(self, prefix: str) -> str:
        """An id local to this meeting that no item uses yet, e.g. ``k5``."""
        taken = self.used_ids()
        n = 1
        while f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}"


def next_reference(prefix: str, year: int, taken: list[str] | set[str]) -> str:
    """The reference after the highest of this prefix and year ("SD-2026-0143" after
    SD-2026-0142), never a gap before it; at least four digits."""
    pattern = re.compile(rf"^{re.escape(prefix)}-{year}-(\d+)$")
    numbers = [int(m.group(1)) for ref in taken if (m := pattern.match(ref))]
    return f"{prefix}-{year}-{max(numbers, default=0) + 1:04d}"


def deletion_problem(meeting: Meeting) -> str:
    """Why ``meeting`` may not be deleted ("" when it may): only a draft opened by mistake,
    with nothing of substance recorded, may go; anything else is part of the record."""
    if meeting.status.is_locked or meeting.status.value == "concluded":
        return (f"{meeting.reference} is {meeting.status.label.lower()}: only a draft opened by mistake "
                "can be deleted.")
    if meeting.contributions or meeting.decisions or meeting.actions:
        return (f"{meeting.reference} holds contributions, decisions or actions: only a draft opened by "
                "mistake, with none of these, can be deleted.")
    return ""
