# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What is missing before sign-off: the named checks, and the warnings they raise.

Each check (``CHECKS``) has its wording when met, whether it blocks sign-off outright or can
be acknowledged (with a reason), and where it comes from: Working Together to Safeguard
Children 2023, or local practice (configurable by the administrator through
``CheckSettings``, off by default). Shown live as a checklist in the workspace, in the
sign-off dialog, listed by ``sign-off`` on the command line, and printed (met and
acknowledged, with reasons) in the full record's sign-off block. Wording names the gap and
never quotes record content.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from .agency import STATUTORY_KIND_LABELS, STATUTORY_KINDS, AgencyKind
from .contribution import Topic
from .decision import DECISION_KIND_LABELS, DecisionKind
from .meeting import Meeting, ParticipantStatus
from .sharing import copies_lacking_rationale, undecided_items
from .sharing_terms import AudienceScope
from .working_days import add_working_days

class CheckKind(StrEnum):
    STATUTORY_AGENCY_ABSENT = "statutory_agency_absent"
    NO_DECISION = "no_decision"
    DECISION_WITHOUT_RATIONALE = "decision_without_rationale"
    PARENTS_INFORMED_MISSING = "parents_informed_missing"
    ACTION_WITHOUT_OWNER = "action_without_owner"
    ACTION_WITHOUT_DUE_DATE = "action_without_due_date"
    NO_SUBJECT_CHILD = "no_subject_child"
    # Working Together 2023 (issue 15)
    THRESHOLD_DECISION_MISSING = "threshold_decision_missing"
    ICPC_DATE = "icpc_date"
    DECISION_MAKER_MISSING = "decision_maker_missing"
    LAWFUL_BASIS_MISSING = "lawful_basis_missing"
    DECISION_RELIES_ON_NOTHING = "decision_relies_on_nothing"
    CHILD_VIEWS_MISSING = "child_views_missing"
    OTHER_CHILD_NOT_CONSIDERED = "other_child_not_considered"
    SIGNED_BEFORE_MEETING = "signed_before_meeting"
    SIGNER_NOT_CHAIR = "signer_not_chair"
    CHAIR_TOOK_MINUTES = "chair_took_minutes"
    # Sharing (issue 14)
    SHARING_UNDECIDED = "sharing_undecided"
    RATIONALE_NOT_IN_COPY = "rationale_not_in_copy"
    # Local practice, off unless the administrator sets them
    SIGN_OFF_LATE = "sign_off_late"
    REVIEW_NOT_SCHEDULED = "review_not_scheduled"


class Source(StrEnum):
    STATUTE = "Working Together 2023"
    RECORD = "a complete record"
    LOCAL = "local practice"


@dataclass(frozen=True)
class Check:
    kind: CheckKind
    title: str  # the wording when met
    blocking: bool = False  # a blocking check cannot be acknowledged: sign-off waits for it
    source: Source = Source.STATUTE
    needs_reason: bool = False  # acknowledged only with a reason (printed on the minutes)
    section: str = ""  # the workspace section that fixes it


# The order follows the page: people first, then what was decided and done, then signing.
CHECKS: tuple[Check, ...] = (
    Check(CheckKind.NO_SUBJECT_CHILD, "A subject child is recorded", source=Source.RECORD, section="children"),
    Check(CheckKind.STATUTORY_AGENCY_ABSENT, "Children's social care, police and health took part",
          section="participants"),
    Check(CheckKind.DECISION_MAKER_MISSING,
          "Each of children's social care, police and health had someone able to make decisions",
          section="participants"),
    Check(CheckKind.CHILD_VIEWS_MISSING, "Each child's views or lived experience are recorded, or why not",
          section="children"),
    Check(CheckKind.OTHER_CHILD_NOT_CONSIDERED, "Every other child in the household was considered",
          section="household"),
    Check(CheckKind.SHARING_UNDECIDED, "Every contribution, decision and action has an audience chosen",
          blocking=True, source=Source.RECORD, section="contributions"),
    Check(CheckKind.LAWFUL_BASIS_MISSING, "Every shared item has a lawful basis", section="contributions"),
    Check(CheckKind.THRESHOLD_DECISION_MISSING,
          "A threshold decision (section 47 enquiry or not) is recorded with its rationale",
          blocking=True, section="decisions"),
    Check(CheckKind.NO_DECISION, "At least one decision is recorded", source=Source.RECORD, section="decisions"),
    Check(CheckKind.DECISION_WITHOUT_RATIONALE, "Every decision gives its rationale", section="decisions"),
    Check(CheckKind.DECISION_RELIES_ON_NOTHING, "Every decision names what it relied on", section="decisions"),
    Check(CheckKind.RATIONALE_NOT_IN_COPY,
          "Every decision that relied on an item withheld from a copy has a rationale for wider sharing, "
          "or the chair chose to give none there", source=Source.RECORD, section="decisions"),
    Check(CheckKind.ICPC_DATE,
          "Where a section 47 enquiry starts, the initial child protection conference is within 15 working days",
          section="next_steps"),
    Check(CheckKind.PARENTS_INFORMED_MISSING, "Parents informed (or the delay) is recorded", section="parents"),
    Check(CheckKind.ACTION_WITHOUT_OWNER, "Every action has a named owner", source=Source.RECORD, section="actions"),
    Check(CheckKind.ACTION_WITHOUT_DUE_DATE, "Every action has a due date", source=Source.RECORD, section="actions"),
    Check(CheckKind.CHAIR_TOOK_MINUTES, "Someone other than the chair took the minutes", source=Source.RECORD,
          section="details"),
    Check(CheckKind.SIGNED_BEFORE_MEETING, "The sign-off is not dated before the meeting", blocking=True,
          section="details"),
    Check(CheckKind.SIGNER_NOT_CHAIR, "The recorded chair signs off, or the signer records why not",
          needs_reason=True, section="details"),
    Check(CheckKind.SIGN_OFF_LATE, "Signed off within the local number of working days", source=Source.LOCAL,
          section="details"),
    Check(CheckKind.REVIEW_NOT_SCHEDULED, "A review discussion is set within the local number of days",
          source=Source.LOCAL, section="next_steps"),
)
CHECK_BY_KIND: dict[CheckKind, Check] = {c.kind: c for c in CHECKS}

THRESHOLD_KINDS = frozenset({DecisionKind.SECTION47_SINGLE, DecisionKind.SECTION47_JOINT,
                             DecisionKind.NO_SECTION47_ASSESSMENT, DecisionKind.NO_FURTHER_ACTION})
SECTION47_KINDS = frozenset({DecisionKind.SECTION47_SINGLE, DecisionKind.SECTION47_JOINT})
ICPC_WORKING_DAYS = 15


@dataclass(frozen=True)
class CheckSettings:
    """Local practice, set by the administrator; ``None`` is off (the default)."""

    sign_off_within_working_days: int | None = None
    review_within_days: int | None = None

    def enabled(self, kind: CheckKind) -> bool:
        if kind is CheckKind.SIGN_OFF_LATE:
            return self.sign_off_within_working_days is not None
        if kind is CheckKind.REVIEW_NOT_SCHEDULED:
            return self.review_within_days is not None
        return True


@dataclass(frozen=True)
class CheckContext:
    """What the checks need beyond the meeting: the bank holidays of the meeting's nation, the
    meeting's local date, and, at sign-off, when and by whom (with any reason they gave)."""

    bank_holidays: Container[date] = frozenset()
    held_on: date | None = None
    signing_at: datetime | None = None
    signer_names: tuple[str, ...] = ()  # the signer's user name and display name
    signer_reason: str = ""
    signing_on: date | None = None  # the local date of signing_at
    settings: CheckSettings = field(default_factory=CheckSettings)


@dataclass(frozen=True)
class SignOffWarning:
    kind: CheckKind
    message: str

    @property
    def check(self) -> Check:
        return CHECK_BY_KIND[self.kind]

    @property
    def blocking(self) -> bool:
        return self.check.blocking


def signer_is_chair(meeting: Meeting, signer_names: tuple[str, ...]) -> bool:
    """Whether any of the signer's names (user name, display name) is the recorded chair's."""
    return any(_same_person(n, meeting.chair.name) for n in signer_names if n.strip())


def _same_person(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split()) and bool(a.strip())


def present_statutory_kinds(meeting: Meeting) -> set[AgencyKind]:
    kinds: set[AgencyKind] = set()
    for p in meeting.participants:
        if p.status is not ParticipantStatus.ATTENDED:
            continue
        kind = _kind_of(meeting, p.agency)
        if kind is not None:
            kinds.add(kind)
    return kinds


def _kind_of(meeting: Meeting, code: str) -> AgencyKind | None:
    agency = meeting.agency(code)
    if agency is not None:
        return agency.effective_kind
    return {"CSC": AgencyKind.SOCIAL_CARE, "POLICE": AgencyKind.POLICE, "HEALTH": AgencyKind.HEALTH}.get(code)


def decision_maker_kinds(meeting: Meeting) -> set[AgencyKind]:
    """The statutory kinds with an attendee recorded as able to decide for their agency."""
    kinds: set[AgencyKind] = set()
    for p in meeting.participants:
        if p.status is ParticipantStatus.ATTENDED and p.decision_authority:
            kind = _kind_of(meeting, p.agency)
            if kind is not None:
                kinds.add(kind)
    return kinds


def missing_statutory_kinds(meeting: Meeting) -> list[AgencyKind]:
    present = present_statutory_kinds(meeting)
    return [k for k in STATUTORY_KINDS if k not in present]


def applicable_checks(meeting: Meeting, context: CheckContext | None = None) -> list[Check]:
    """The checks that apply: local ones only where set; the signing checks only at sign-off."""
    context = context or CheckContext()
    found = []
    for check in CHECKS:
        if not context.settings.enabled(check.kind):
            continue
        if check.kind in (CheckKind.SIGNED_BEFORE_MEETING, CheckKind.SIGNER_NOT_CHAIR, CheckKind.SIGN_OFF_LATE) \
                and context.signing_at is None:
            continue
        found.append(check)
    return found


def checks_met(meeting: Meeting, context: CheckContext | None = None) -> list[Check]:
    """The applicable checks that raised no warning."""
    raised = {w.kind for w in signoff_warnings(meeting, context)}
    return [c for c in applicable_checks(meeting, context) if c.kind not in raised]


def _held_on(meeting: Meeting, context: CheckContext) -> date | None:
    if context.held_on is not None:
        return context.held_on
    return meeting.held_at.date() if meeting.held_at else None


def signoff_warnings(meeting: Meeting, context: CheckContext | None = None) -> list[SignOffWarning]:
    """Every check's warnings, in the order of ``CHECKS``."""
    context = context or CheckContext()
    found: dict[CheckKind, list[SignOffWarning]] = {}

    def warn(kind: CheckKind, message: str) -> None:
        found.setdefault(kind, []).append(SignOffWarning(kind, message))

    if not meeting.children:
        warn(CheckKind.NO_SUBJECT_CHILD, "No subject child is recorded.")
    for kind in missing_statutory_kinds(meeting):
        warn(CheckKind.STATUTORY_AGENCY_ABSENT,
             f"No one from {STATUTORY_KIND_LABELS[kind]} attended: a statutory agency is missing.")
    missing = set(missing_statutory_kinds(meeting))
    deciders = decision_maker_kinds(meeting)
    for kind in STATUTORY_KINDS:
        if kind not in missing and kind not in deciders:
            warn(CheckKind.DECISION_MAKER_MISSING,
                 f"No one who attended for {STATUTORY_KIND_LABELS[kind]} is recorded as able to make "
                 "decisions for their agency.")
    has_views = any(c.topic is Topic.CHILD_LIVED_EXPERIENCE and c.text.strip() for c in meeting.contributions)
    for n, child in enumerate(meeting.children, start=1):
        if not has_views and not child.views_not_recorded_reason.strip():
            warn(CheckKind.CHILD_VIEWS_MISSING,
                 f"Subject child {n}: their views or lived experience are not "
                 "recorded, nor why not.")
    for n, member in enumerate(meeting.household, start=1):
        if member.is_child and not member.consideration.strip():
            warn(CheckKind.OTHER_CHILD_NOT_CONSIDERED,
                 f"Household member {n} is a child whom the record does not say was considered.")
    for what, n, owner in undecided_items(meeting):
        warn(CheckKind.SHARING_UNDECIDED,
             f"{what} {n}{f' (from {owner})' if owner else ''} has no audience chosen: choose who may see it "
             "before sign-off.")
    for n, c in enumerate(meeting.contributions, start=1):
        terms = c.sharing
        shared = terms.is_decided and (terms.scope is not AudienceScope.CHAIR or terms.family)
        if shared and (terms.lawful_basis is None or not terms.lawful_basis.is_given):
            warn(CheckKind.LAWFUL_BASIS_MISSING,
                 f"Contribution {n} (from {c.agency}) is shared without a lawful basis.")
    if not any(d.kind in THRESHOLD_KINDS and d.has_rationale for d in meeting.decisions):
        warn(CheckKind.THRESHOLD_DECISION_MISSING,
             "No threshold decision is recorded: record whether a section 47 enquiry starts (single "
             "agency or joint with the police) or not, with its rationale.")
    if not meeting.decisions:
        warn(CheckKind.NO_DECISION, "No decision is recorded.")
    for n, d in enumerate(meeting.decisions, start=1):
        if not d.has_rationale:
            warn(CheckKind.DECISION_WITHOUT_RATIONALE, f"Decision {n} ({d.kind.value}) has no rationale.")
    for n, d in enumerate(meeting.decisions, start=1):
        if not d.relied_on:
            warn(CheckKind.DECISION_RELIES_ON_NOTHING,
                 f"Decision {n} ({DECISION_KIND_LABELS[d.kind]}) names nothing it relied on.")
    for n, d in enumerate(meeting.decisions, start=1):
        lacking = copies_lacking_rationale(meeting, d)
        if lacking and not d.wider_rationale.strip() and not d.rationale_withheld_agreed:
            warn(CheckKind.RATIONALE_NOT_IN_COPY,
                 f"Decision {n} ({DECISION_KIND_LABELS[d.kind]}) relied on an item withheld from the copy of "
                 f"{_names(lacking)}: write a rationale for wider sharing, or choose that "
                 f"{'this copy holds' if len(lacking) == 1 else 'these copies hold'} the decision without one.")
    held_on = _held_on(meeting, context)
    if any(d.kind in SECTION47_KINDS for d in meeting.decisions):
        due = add_working_days(held_on, ICPC_WORKING_DAYS, context.bank_holidays) if held_on else None
        by = f" It should be by {due.isoformat()}." if due else ""
        icpc = meeting.next_steps.icpc_by
        if icpc is None:
            warn(CheckKind.ICPC_DATE,
                 f"A section 47 enquiry starts but no initial child protection conference date is recorded.{by}")
        elif due is not None and icpc > due:
            warn(CheckKind.ICPC_DATE,
                 f"The initial child protection conference ({icpc.isoformat()}) is more than "
                 f"{ICPC_WORKING_DAYS} working days after the strategy discussion.{by}")
        elif held_on is not None and icpc < held_on:
            warn(CheckKind.ICPC_DATE,
                 f"The initial child protection conference ({icpc.isoformat()}) is dated before the "
                 "strategy discussion.")
    if not meeting.parents_informed.is_recorded:
        warn(CheckKind.PARENTS_INFORMED_MISSING,
             "There is no record of whether and when parents are told (or why it is delayed).")
    for n, a in enumerate(meeting.actions, start=1):
        if not a.owner_agency.strip() or not a.owner_name.strip():
            warn(CheckKind.ACTION_WITHOUT_OWNER, f"Action {n} has no named owner.")
        if a.due is None:
            warn(CheckKind.ACTION_WITHOUT_DUE_DATE, f"Action {n} has no due date.")
    taker = meeting.minute_taker
    if taker is not None and _same_person(taker.name, meeting.chair.name):
        warn(CheckKind.CHAIR_TOOK_MINUTES,
             "The chair also took the minutes: a separate minute-taker lets the chair run the discussion.")
    if context.signing_at is not None:
        if meeting.held_at is None:
            warn(CheckKind.SIGNED_BEFORE_MEETING, "The meeting has no date and time: record when it was held.")
        elif context.signing_at < meeting.held_at:
            warn(CheckKind.SIGNED_BEFORE_MEETING,
                 f"The sign-off would be dated before the meeting was held ({meeting.held_at.date().isoformat()}).")
        names = [n for n in context.signer_names if n.strip()]
        if names and not signer_is_chair(meeting, tuple(names)) and not context.signer_reason.strip():
            warn(CheckKind.SIGNER_NOT_CHAIR,
                 "The person signing off is not the meeting's recorded chair: record why (for instance, "
                 "the chair is absent and a deputy signs).")
        limit = context.settings.sign_off_within_working_days
        signing_on = context.signing_on or context.signing_at.date()
        if limit is not None and held_on is not None:
            due = add_working_days(held_on, limit, context.bank_holidays)
            if signing_on > due:
                warn(CheckKind.SIGN_OFF_LATE,
                     f"Local practice: sign-off within {limit} working day(s) of the meeting, by "
                     f"{due.isoformat()}.")
    review_days = context.settings.review_within_days
    if review_days is not None and held_on is not None:
        review = meeting.next_steps.review_at
        due_review = held_on + timedelta(days=review_days)
        if review is None or review.date() > due_review:
            warn(CheckKind.REVIEW_NOT_SCHEDULED,
                 f"Local practice: a review discussion within {review_days} days, by {due_review.isoformat()}.")
    return [w for check in CHECKS for w in found.get(check.kind, [])]


def blocking(warnings: list[SignOffWarning]) -> list[SignOffWarning]:
    return [w for w in warnings if w.blocking]


def _names(codes: list[str]) -> str:
    return codes[0] if len(codes) == 1 else ", ".join(codes[:-1]) + " and " + codes[-1]
