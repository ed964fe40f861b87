# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What is missing before sign-off: warnings the chair must acknowledge.

Shown live as a checklist in the workspace, listed by ``sign-off`` on the command line, and
printed nowhere else. Wording names the gap and never quotes record content.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .agency import STATUTORY_KIND_LABELS, STATUTORY_KINDS, AgencyKind
from .meeting import Meeting, ParticipantStatus


class CheckKind(StrEnum):
    STATUTORY_AGENCY_ABSENT = "statutory_agency_absent"
    NO_DECISION = "no_decision"
    DECISION_WITHOUT_RATIONALE = "decision_without_rationale"
    PARENTS_INFORMED_MISSING = "parents_informed_missing"
    ACTION_WITHOUT_OWNER = "action_without_owner"
    ACTION_WITHOUT_DUE_DATE = "action_without_due_date"
    NO_SUBJECT_CHILD = "no_subject_child"


@dataclass(frozen=True)
class SignOffWarning:
    kind: CheckKind
    message: str


def present_statutory_kinds(meeting: Meeting) -> set[AgencyKind]:
    kinds: set[AgencyKind] = set()
    for p in meeting.participants:
        if p.status is not ParticipantStatus.ATTENDED:
            continue
        agency = meeting.agency(p.agency)
        if agency is not None:
            kinds.add(agency.effective_kind)
        elif p.agency in ("CSC", "POLICE", "HEALTH"):
            kinds.add({"CSC": AgencyKind.SOCIAL_CARE, "POLICE": AgencyKind.POLICE, "HEALTH": AgencyKind.HEALTH}[p.agency])
    return kinds


def missing_statutory_kinds(meeting: Meeting) -> list[AgencyKind]:
    present = present_statutory_kinds(meeting)
    return [k for k in STATUTORY_KINDS if k not in present]


def signoff_warnings(meeting: Meeting) -> list[SignOffWarning]:
    warnings: list[SignOffWarning] = []
    if not meeting.children:
        warnings.append(SignOffWarning(CheckKind.NO_SUBJECT_CHILD, "No subject child is recorded."))
    for kind in missing_statutory_kinds(meeting):
        warnings.append(
            SignOffWarning(
                CheckKind.STATUTORY_AGENCY_ABSENT,
                f"No one from {STATUTORY_KIND_LABELS[kind]} attended: a statutory agency is missing.",
            )
        )
    if not meeting.decisions:
        warnings.append(SignOffWarning(CheckKind.NO_DECISION, "No decision is recorded."))
    for n, d in enumerate(meeting.decisions, start=1):
        if not d.has_rationale:
            warnings.append(
                SignOffWarning(
                    CheckKind.DECISION_WITHOUT_RATIONALE, f"Decision {n} ({d.kind.value}) has no rationale."
                )
            )
    if not meeting.parents_informed.is_recorded:
        warnings.append(
            SignOffWarning(
                CheckKind.PARENTS_INFORMED_MISSING,
                "There is no record of whether and when parents are told (or why it is delayed).",
            )
        )
    for n, a in enumerate(meeting.actions, start=1):
        if not a.owner_agency.strip() or not a.owner_name.strip():
            warnings.append(SignOffWarning(CheckKind.ACTION_WITHOUT_OWNER, f"Action {n} has no named owner."))
        if a.due is None:
            warnings.append(SignOffWarning(CheckKind.ACTION_WITHOUT_DUE_DATE, f"Action {n} has no due date."))
    return warnings
