# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Decisions of a strategy discussion: a fixed kind, an outcome and a required rationale."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .sharing_terms import ADDED_LATER_FOR_EVERY_AGENCY, SharingTerms


class DecisionKind(StrEnum):
    SECTION47_SINGLE = "section47_single"
    SECTION47_JOINT = "section47_joint"
    NO_SECTION47_ASSESSMENT = "no_section47_assessment"
    NO_FURTHER_ACTION = "no_further_action"
    IMMEDIATE_PROTECTION = "immediate_protection"
    MEDICAL_EXAMINATION = "medical_examination"
    ABE_INTERVIEW = "abe_interview"
    CRIMINAL_INVESTIGATION = "criminal_investigation"
    OTHER = "other"


DECISION_KIND_LABELS: dict[DecisionKind, str] = {
    DecisionKind.SECTION47_SINGLE: "Section 47 enquiry (single agency)",
    DecisionKind.SECTION47_JOINT: "Section 47 enquiry (joint with police)",
    DecisionKind.NO_SECTION47_ASSESSMENT: "No Section 47: child in need assessment",
    DecisionKind.NO_FURTHER_ACTION: "No further action",
    DecisionKind.IMMEDIATE_PROTECTION: "Immediate protection",
    DecisionKind.MEDICAL_EXAMINATION: "Medical examination",
    DecisionKind.ABE_INTERVIEW: "ABE interview",
    DecisionKind.CRIMINAL_INVESTIGATION: "Criminal investigation",
    DecisionKind.OTHER: "Other decision",
}


_ADDED_LATER = {"content_hash": "omit_default"}  # as meeting.ADDED_LATER


@dataclass(frozen=True)
class Dissent:
    agency: str
    view: str


@dataclass
class Decision:
    id: str
    kind: DecisionKind
    outcome: str
    rationale: str
    threshold_met: bool | None = None
    relied_on: list[str] = field(default_factory=list)
    dissent: list[Dissent] = field(default_factory=list)
    # Marked by the chair: a minute-taker may no longer change it (issue 15). Bookkeeping of
    # who may edit, not what was agreed, so not part of the content hash.
    confirmed: bool = field(default=False, metadata={"content_hash": "omit"})
    # Issue 14. Who receives the decision at all (its outcome). A new decision is undecided; a
    # decision recorded earlier (a store migrated by 0008, a strategy-meeting/1 or /2 file) is
    # for every agency's copy, and is hashed as before while it is (ADDED_LATER_FOR_EVERY_AGENCY).
    sharing: SharingTerms = field(default_factory=SharingTerms, metadata=ADDED_LATER_FOR_EVERY_AGENCY)
    # Shown, instead of ``rationale``, in a copy whose recipient may not see an item the
    # decision relied on; "" means such a copy holds the decision without any rationale.
    wider_rationale: str = field(default="", metadata=_ADDED_LATER)
    # The chair's choice for those copies once made: True = "no rationale there" chosen on
    # purpose (sign-off warns until this is set or ``wider_rationale`` is written).
    rationale_withheld_agreed: bool = field(default=False, metadata=_ADDED_LATER)
    # The decision in plain words for the family's copy ("" = not in the family's copy).
    family_wording: str = field(default="", metadata=_ADDED_LATER)

    @property
    def has_rationale(self) -> bool:
        return bool(self.rationale.strip())


def decision_change_refusal(may_confirm: bool, before: Decision | None, after: Decision | None) -> str:
    """Why this change to a decision is refused ("" when it is not). Only someone who may
    confirm decisions (the chair) marks one confirmed, or changes or removes a confirmed one;
    anyone else who may edit the record (a minute-taker) drafts the rest. ``before`` is None for
    a new decision, ``after`` None for a removal."""
    if may_confirm:
        return ""
    if before is not None and before.confirmed:
        return "The chair has confirmed this decision: only the chair may change or remove it."
    if after is not None and after.confirmed:
        return "Only the chair may mark a decision confirmed."
    return ""
